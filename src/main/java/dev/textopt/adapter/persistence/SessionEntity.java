package dev.textopt.adapter.persistence;

import dev.textopt.optim.Usage;
import dev.textopt.session.Budget;
import dev.textopt.session.StoredGroup;
import dev.textopt.session.StoredSession;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/**
 * A row of optimizer_session, the root of the session aggregate, with its groups in order. The columns a
 * step writes in plain SQL (its lease, its count, what it spent) are read here and never written.
 */
@Entity
@Table(name = "optimizer_session")
@DynamicUpdate
class SessionEntity {

    @Id
    UUID id;
    String tenant;
    String optimizer;
    long version;
    int historyCount;
    @ColumnTransformer(write = "?::jsonb")
    String defaults;
    Instant createdAt;
    Instant updatedAt;
    BigDecimal budgetAmount;
    String budgetCurrency;
    @Column(insertable = false, updatable = false)
    int stepCount;
    @Column(insertable = false, updatable = false)
    String leaseOwner;
    @Column(insertable = false, updatable = false)
    Instant leaseExpiresAt;
    @Column(insertable = false, updatable = false)
    BigDecimal spent;

    @OneToMany(mappedBy = "session", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @Fetch(FetchMode.SUBSELECT)
    List<GroupEntity> groups = new ArrayList<>();

    protected SessionEntity() {
    }

    /** A new session of {@code tenant} with its groups and parameters. */
    SessionEntity(StoredSession session, String tenant, JsonColumns json) {
        this.id = session.id();
        this.tenant = tenant;
        this.optimizer = session.optimizer();
        this.defaults = json.write(session.defaults());
        this.createdAt = session.createdAt();
        this.updatedAt = session.updatedAt();
        if (session.budget() != null) {
            this.budgetAmount = session.budget().amount();
            this.budgetCurrency = session.budget().currency();
        }
        session.groups().forEach(group -> addGroup(group, 0, json));
    }

    /** A group after the existing ones, whose parameters join after history entry {@code atEntry}. */
    GroupEntity addGroup(StoredGroup group, int atEntry, JsonColumns json) {
        var added = new GroupEntity(this, groups.size(), group, atEntry, json);
        groups.add(added);
        return added;
    }

    StoredSession toStored(Map<String, Usage> usage, Instant now, JsonColumns json) {
        boolean stepRunning = leaseOwner != null && leaseExpiresAt != null && leaseExpiresAt.isAfter(now);
        return new StoredSession(id, optimizer, version, stepCount, historyCount, createdAt, updatedAt, json.readMap(defaults),
                groups.stream().map(g -> g.toStored(json)).toList(), usage, stepRunning,
                budgetAmount == null ? null : new Budget(budgetAmount, budgetCurrency), spent);
    }
}
