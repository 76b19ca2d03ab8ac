package dev.textopt.adapter.persistence;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/** A row of step_param: what one history entry did to one parameter (written by {@link HistoryWrites}). */
@Entity
@Table(name = "step_param")
@Immutable
@IdClass(StepParamEntity.Key.class)
class StepParamEntity {

    @Id
    Long stepId;
    @Id
    int position;
    UUID paramId;
    String status;
    String reason;
    String previousData;
    String data;
    String grads;

    protected StepParamEntity() {
    }

    record Key(Long stepId, int position) implements Serializable {
        Key() {
            this(null, 0);
        }
    }
}
