package dev.textopt.session;

import java.util.Set;
import java.util.UUID;

/**
 * The versions a write accepts the session at, from its {@code If-Match}: any version (no If-Match, or
 * {@code *}), or one of those named. A write checks it once it holds the session row's lock, so that
 * nothing can change the session between the check and the write.
 *
 * @param versions null for any version; otherwise the versions that match (empty: none does)
 */
public record ExpectedVersion(Set<Long> versions) {

    public static final ExpectedVersion ANY = new ExpectedVersion(null);

    public ExpectedVersion {
        versions = versions == null ? null : Set.copyOf(versions);
    }

    /** Throws {@link VersionMismatchException} unless the session, as locked, is at an expected version. */
    public void check(UUID sessionId, long version) {
        if (versions != null && !versions.contains(version)) {
            throw new VersionMismatchException(sessionId, version);
        }
    }
}
