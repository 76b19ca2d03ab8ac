package dev.textopt.adapter.persistence;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Optimizer sessions (named so, beside Spring Session's sessionRepository of the web view's sign-ins). */
interface OptimizerSessionRepository extends JpaRepository<SessionEntity, UUID> {

    boolean existsByIdAndTenant(UUID id, String tenant);

    long countByTenant(String tenant);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = """
            UPDATE optimizer_session
               SET version = version + 1, updated_at = :now,
                   step_count = step_count + CASE WHEN :step THEN 1 ELSE 0 END
             WHERE id = :id""")
    int touch(UUID id, Instant now, boolean step);

    @Query(nativeQuery = true, value = """
            UPDATE optimizer_session SET history_count = history_count + 1 WHERE id = :id RETURNING history_count""")
    int nextHistoryNumber(UUID id);
}
