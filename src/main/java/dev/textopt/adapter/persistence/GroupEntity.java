package dev.textopt.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** A row of param_group: a group's position in its session and its filled-in options as JSON. */
@Entity
@Table(name = "param_group")
class GroupEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "session_id")
    UUID sessionId;
    int position;
    @ColumnTransformer(write = "?::jsonb")
    String options;

    protected GroupEntity() {
    }

    GroupEntity(UUID sessionId, int position, String options) {
        this.sessionId = sessionId;
        this.position = position;
        this.options = options;
    }
}
