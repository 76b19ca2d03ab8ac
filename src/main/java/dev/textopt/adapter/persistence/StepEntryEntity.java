package dev.textopt.adapter.persistence;

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
    UUID sessionId;
    int number;
    String kind;
    String status;
    Instant startedAt;
    Instant finishedAt;
    Long durationMs;
    int paramsTotal;
    int paramsDone;
    Integer restoredTo;
    String loss;
    String usage;
    String error;
    String idempotencyKey;

    protected StepEntryEntity() {
    }
}
