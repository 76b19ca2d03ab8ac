package dev.textopt.adapter.persistence;

import dev.textopt.optim.Gradient;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of gradient; its generated id is also its order within the parameter's grad. */
@Entity
@Table(name = "gradient")
class GradientEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "param_id")
    ParamEntity param;
    String data;
    String role;
    String context;
    Instant createdAt;

    protected GradientEntity() {
    }

    GradientEntity(ParamEntity param, Gradient gradient, Instant createdAt) {
        this.param = param;
        this.data = gradient.data();
        this.role = gradient.role();
        this.context = gradient.context();
        this.createdAt = createdAt;
    }

    Gradient toGradient() {
        return new Gradient(data, role, context);
    }
}
