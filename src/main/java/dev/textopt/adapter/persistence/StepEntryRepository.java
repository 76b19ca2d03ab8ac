package dev.textopt.adapter.persistence;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;

interface StepEntryRepository extends JpaRepository<StepEntryEntity, Long> {

    Page<StepEntryEntity> findBySessionIdOrderByNumberDesc(UUID sessionId, Pageable pageable);

    Optional<StepEntryEntity> findBySessionIdAndNumber(UUID sessionId, int number);

    /** At most one: a unique index allows one running or succeeded step per key. */
    Optional<StepEntryEntity> findBySessionIdAndIdempotencyKeyAndStatusNot(UUID sessionId, String idempotencyKey, String status);
}
