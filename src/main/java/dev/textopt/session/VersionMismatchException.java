package dev.textopt.session;

import java.util.UUID;

/** A write expected the session at another version than it is: something changed it since the writer read it. */
public class VersionMismatchException extends RuntimeException {

    private final UUID sessionId;
    private final long version;

    public VersionMismatchException(UUID sessionId, long version) {
        super("optimizer session " + sessionId + " is at version " + version + ", not one If-Match names: it changed since "
                + "you read it. Nothing was changed; GET it again and, if your change still applies, send it with If-Match: \""
                + version + "\"");
        this.sessionId = sessionId;
        this.version = version;
    }

    public UUID sessionId() {
        return sessionId;
    }

    /** The session's version as the write found it. */
    public long version() {
        return version;
    }
}
