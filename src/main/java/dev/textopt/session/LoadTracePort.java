package dev.textopt.session;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads the traces evaluate and backward name (the value versions backward checks them against come with the
 * session, {@link LoadCallSessionPort}). Only traces of the current tenant's sessions are found, and never an
 * expired one.
 */
public interface LoadTracePort {

    /** The session's unexpired traces among {@code ids}, by id; ids it has no such trace for are left out. */
    Map<UUID, StoredTrace> find(UUID sessionId, Collection<UUID> ids, Instant now);

    /** Of {@code ids}, those that are unexpired traces of another session of the current tenant. */
    List<UUID> ofOtherSessions(UUID sessionId, Collection<UUID> ids, Instant now);
}
