package dev.textopt.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A row of step_entry: one history entry of a session, as {@link HistoryReads} reads it ({@link HistoryWrites} writes it). */
@Entity
@Table(name = "step_entry")
@Immutable
class StepEntryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "session_id")
    UUID sessionId;
    int number;
    String kind;
    String status;
    @Column(name = "started_at")
    Instant startedAt;
    @Column(name = "finished_at")
    Instant finishedAt;
    @Column(name = "duration_ms")
    Long durationMs;
    @Column(name = "params_total")
    int paramsTotal;
    @Column(name = "params_done")
    int paramsDone;
    @Column(name = "restored_to")
    Integer restoredTo;
    String loss;
    String usage;
    String error;
    @Column(name = "idempotency_key")
    String idempotencyKey;

    protected StepEntryEntity() {
    }
}
