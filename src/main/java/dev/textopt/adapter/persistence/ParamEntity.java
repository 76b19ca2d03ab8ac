package dev.textopt.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** A row of parameter: current value, initial value, and the momentum buffer as JSON. */
@Entity
@Table(name = "parameter")
class ParamEntity {

    @Id
    UUID id;
    @Column(name = "session_id")
    UUID sessionId;
    @Column(name = "group_id")
    Long groupId;
    int position;
    String data;
    String role;
    @Column(name = "requires_grad")
    boolean requiresGrad;
    @Column(name = "initial_data")
    String initialData;
    @Column(name = "added_at_entry")
    int addedAtEntry;
    @Column(name = "momentum_buffer")
    @ColumnTransformer(write = "?::jsonb")
    String momentumBuffer;

    protected ParamEntity() {
    }

    ParamEntity(UUID id, UUID sessionId, Long groupId, int position, String data, String role, boolean requiresGrad,
            int addedAtEntry, String momentumBuffer) {
        this.id = id;
        this.sessionId = sessionId;
        this.groupId = groupId;
        this.position = position;
        this.data = data;
        this.role = role;
        this.requiresGrad = requiresGrad;
        this.initialData = data;
        this.addedAtEntry = addedAtEntry;
        this.momentumBuffer = momentumBuffer;
    }
}
