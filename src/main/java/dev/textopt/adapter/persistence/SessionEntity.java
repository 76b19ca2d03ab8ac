package dev.textopt.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** A row of optimizer_session. Counters and the lease change through atomic queries, not through this. */
@Entity
@Table(name = "optimizer_session")
class SessionEntity {

    @Id
    UUID id;
    String tenant;
    String optimizer;
    long version;
    @Column(name = "step_count")
    int stepCount;
    @Column(name = "history_count")
    int historyCount;
    @ColumnTransformer(write = "?::jsonb")
    String defaults;
    @Column(name = "created_at")
    Instant createdAt;
    @Column(name = "updated_at")
    Instant updatedAt;
    @Column(name = "lease_owner")
    String leaseOwner;
    @Column(name = "lease_expires_at")
    Instant leaseExpiresAt;
    @Column(name = "budget_amount")
    java.math.BigDecimal budgetAmount;
    @Column(name = "budget_currency")
    String budgetCurrency;

    protected SessionEntity() {
    }

    SessionEntity(UUID id, String tenant, String optimizer, String defaults, Instant now) {
        this.id = id;
        this.tenant = tenant;
        this.optimizer = optimizer;
        this.defaults = defaults;
        this.createdAt = now;
        this.updatedAt = now;
    }

    boolean stepRunning(Instant now) {
        return leaseOwner != null && leaseExpiresAt != null && leaseExpiresAt.isAfter(now);
    }
}
