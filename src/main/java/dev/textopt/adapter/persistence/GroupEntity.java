package dev.textopt.adapter.persistence;

import dev.textopt.session.StoredGroup;
import dev.textopt.session.StoredParam;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;

/** A row of param_group: a group's position in its session, its filled-in options as JSON, its parameters in order. */
@Entity
@Table(name = "param_group")
@DynamicUpdate
class GroupEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_id")
    SessionEntity session;
    int position;
    @ColumnTransformer(write = "?::jsonb")
    String options;

    @OneToMany(mappedBy = "group", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @Fetch(FetchMode.SUBSELECT)
    List<ParamEntity> params = new ArrayList<>();

    protected GroupEntity() {
    }

    GroupEntity(SessionEntity session, int position, StoredGroup group, int atEntry, JsonColumns json) {
        this.session = session;
        this.position = position;
        this.options = json.write(group.options());
        for (StoredParam param : group.params()) {
            params.add(new ParamEntity(this, params.size(), param, atEntry, json));
        }
    }

    StoredGroup toStored(JsonColumns json) {
        return new StoredGroup(json.readMap(options), params.stream().map(p -> p.toStored(json)).toList());
    }
}
