package dev.textopt.adapter.persistence;

import dev.textopt.session.StoredParam;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/** A row of parameter: current and initial value, the momentum buffer as JSON, and its grad in order. */
@Entity
@Table(name = "parameter")
@DynamicUpdate
class ParamEntity {

    @Id
    UUID id;
    @Column(updatable = false)
    UUID sessionId;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "group_id")
    GroupEntity group;
    int position;
    String data;
    String role;
    boolean requiresGrad;
    @Column(updatable = false)
    String initialData;
    @Column(updatable = false)
    int addedAtEntry;
    @ColumnTransformer(write = "?::jsonb")
    String momentumBuffer;

    @OneToMany(mappedBy = "param", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    @Fetch(FetchMode.SUBSELECT)
    List<GradientEntity> grads = new ArrayList<>();

    protected ParamEntity() {
    }

    ParamEntity(GroupEntity group, int position, StoredParam param, int addedAtEntry, JsonColumns json) {
        this.id = param.id();
        this.sessionId = group.session.id;
        this.group = group;
        this.position = position;
        this.data = param.data();
        this.role = param.role();
        this.requiresGrad = param.requiresGrad();
        this.initialData = param.data();
        this.addedAtEntry = addedAtEntry;
        this.momentumBuffer = json.momentum(param.momentumBuffer());
        Instant now = group.session.updatedAt;
        param.grad().forEach(g -> grads.add(new GradientEntity(this, g, now)));
    }

    StoredParam toStored(JsonColumns json) {
        return new StoredParam(id, data, role, requiresGrad, grads.stream().map(GradientEntity::toGradient).toList(),
                json.momentum(momentumBuffer));
    }
}
