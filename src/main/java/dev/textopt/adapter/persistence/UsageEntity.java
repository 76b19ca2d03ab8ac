package dev.textopt.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.UUID;

/** A row of model_usage: tokens and cost one session spent through one model client. */
@Entity
@Table(name = "model_usage")
@IdClass(UsageEntity.Key.class)
class UsageEntity {

    @Id
    @Column(name = "session_id")
    UUID sessionId;
    @Id
    @Column(name = "client_name")
    String clientName;
    @Column(name = "prompt_tokens")
    long promptTokens;
    @Column(name = "completion_tokens")
    long completionTokens;
    /** Null when unknown: some call used a model without a price. */
    @Column(name = "cost_amount")
    BigDecimal costAmount;
    String currency;

    record Key(UUID sessionId, String clientName) implements Serializable {
        Key() {
            this(null, null);
        }
    }
}
