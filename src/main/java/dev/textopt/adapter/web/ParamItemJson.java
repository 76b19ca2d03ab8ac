package dev.textopt.adapter.web;

import com.fasterxml.jackson.annotation.JsonValue;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A parameter a group to add lists: a new one (a Variable) or, by its id, one the session has, told
 * apart by the {@code id} key. In JSON each is the object itself ({@link JsonValue}).
 */
@JsonDeserialize(using = ParamItemJson.Reader.class)
sealed interface ParamItemJson {

    record New(@JsonValue VariableJson variable) implements ParamItemJson {
    }

    record Existing(@JsonValue ParamRef ref) implements ParamItemJson {
    }

    /** A parameter the session already has; every one is in a group, so a group to add cannot take it. */
    @Schema(description = "A parameter the session already has, by its id. Every parameter is in a group already, "
            + "so adding a group with one is a 400 that names it (torch: some parameters appear in more than one group)")
    record ParamRef(UUID id) {
    }

    final class Reader extends ValueDeserializer<ParamItemJson> {

        @Override
        public ParamItemJson deserialize(JsonParser parser, DeserializationContext context) {
            JsonNode item = context.readTree(parser);
            if (item.isObject() && item.has("id")) {
                return new Existing(context.readTreeAsValue(item, ParamRef.class));
            }
            return new New(context.readTreeAsValue(item, VariableJson.class));
        }
    }
}
