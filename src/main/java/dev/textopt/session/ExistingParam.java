package dev.textopt.session;

import java.util.Objects;
import java.util.UUID;

/** A parameter the session already has, named by its id in a group to add. */
public record ExistingParam(UUID id) implements GroupMember {

    public ExistingParam {
        Objects.requireNonNull(id, "id");
    }
}
