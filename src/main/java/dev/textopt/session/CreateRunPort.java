package dev.textopt.session;

import java.time.Instant;

/** A new run, queued, its lease already held by the instance that will start it. */
public interface CreateRunPort {

    void insert(StoredRun run, RunCommand command, String leaseOwner, Instant leaseExpiresAt);
}
