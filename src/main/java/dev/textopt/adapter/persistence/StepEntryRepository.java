package dev.textopt.adapter.persistence;

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
}
