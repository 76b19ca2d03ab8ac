package dev.textopt.adapter.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** A row of trace: one forward call, its JSON parts kept as the API shapes them (see {@link TraceColumns}). */
@Entity
@Table(name = "trace")
class TraceEntity {

    @Id
    UUID id;
    UUID sessionId;
    int batchIndex;
    Instant createdAt;
    Instant expiresAt;
    @ColumnTransformer(write = "?::jsonb")
    String messages;
    @ColumnTransformer(write = "?::jsonb")
    String inputs;
    String output;
    String modelClient;
    String model;
    @ColumnTransformer(write = "?::jsonb")
    String usage;
    @ColumnTransformer(write = "?::jsonb")
    String params;
    @ColumnTransformer(write = "?::jsonb")
    String evaluation;

    protected TraceEntity() {
    }
}
