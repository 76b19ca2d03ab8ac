package dev.textopt.adapter.persistence;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SessionRepository extends JpaRepository<SessionEntity, UUID> {

    boolean existsByIdAndTenant(UUID id, String tenant);

    long countByTenant(String tenant);

    long countByTenantAndLeaseExpiresAtAfter(String tenant, Instant now);

    /** A transaction-scoped advisory lock per tenant (released at commit or rollback). */
    @Query(nativeQuery = true, value = "SELECT CAST(pg_advisory_xact_lock(hashtext(:tenant)) AS text)")
    String lockTenant(String tenant);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = """
            UPDATE optimizer_session
               SET version = version + 1, updated_at = :now,
                   step_count = step_count + CASE WHEN :step THEN 1 ELSE 0 END
             WHERE id = :id""")
    int touch(UUID id, Instant now, boolean step);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = """
            UPDATE optimizer_session SET lease_expires_at = :expiresAt WHERE id = :id AND lease_owner = :owner""")
    int renewLease(UUID id, String owner, Instant expiresAt);

    @Query(nativeQuery = true, value = """
            UPDATE optimizer_session SET history_count = history_count + 1 WHERE id = :id RETURNING history_count""")
    int nextHistoryNumber(UUID id);
}
