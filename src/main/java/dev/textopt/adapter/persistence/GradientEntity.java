package dev.textopt.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A row of gradient; its generated id is also its order within the parameter's grad. */
@Entity
@Table(name = "gradient")
class GradientEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "param_id")
    UUID paramId;
    String data;
    String role;
    String context;
    @Column(name = "created_at")
    Instant createdAt;

    protected GradientEntity() {
    }

    GradientEntity(UUID paramId, String data, String role, String context, Instant createdAt) {
        this.paramId = paramId;
        this.data = data;
        this.role = role;
        this.context = context;
        this.createdAt = createdAt;
    }
}
