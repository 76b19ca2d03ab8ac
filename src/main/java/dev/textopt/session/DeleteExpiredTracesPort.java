package dev.textopt.session;

import java.time.Instant;

/** The sweep of traces past their expiry, which no request sees any more; across tenants. */
public interface DeleteExpiredTracesPort {

    int deleteExpired(Instant now);
}
