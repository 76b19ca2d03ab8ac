package dev.textopt.session;

import java.util.UUID;

/** The session has no param group at this index. */
public class ParamGroupNotFoundException extends RuntimeException {

    public ParamGroupNotFoundException(UUID sessionId, int index, int groups) {
        super("optimizer session " + sessionId + " has no param group " + index + "; its groups are 0 to " + (groups - 1));
    }
}
