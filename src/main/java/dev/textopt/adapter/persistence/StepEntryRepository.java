package dev.textopt.adapter.persistence;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface StepEntryRepository extends JpaRepository<StepEntryEntity, Long> {

    Page<StepEntryEntity> findBySessionIdOrderByNumberDesc(UUID sessionId, Pageable pageable);

    Optional<StepEntryEntity> findBySessionIdAndNumber(UUID sessionId, int number);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = """
            UPDATE step_entry SET params_done = :done WHERE session_id = :sessionId AND number = :number AND status = 'running'""")
    int setProgress(UUID sessionId, int number, int done);

    /** Steps still 'running' whose session's lease has run out (or is gone) were abandoned by a dead instance. */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = """
            UPDATE step_entry e SET status = 'failed', finished_at = :now,
                   error = '[{"param_id": null, "reason": "abandoned", "detail": "the instance running this step stopped before it finished; nothing was applied", "provider_status": null}]'::jsonb
              FROM optimizer_session s
             WHERE e.session_id = s.id AND e.status = 'running'
               AND (s.lease_owner IS NULL OR s.lease_expires_at < :now)""")
    int failAbandoned(Instant now);
}
