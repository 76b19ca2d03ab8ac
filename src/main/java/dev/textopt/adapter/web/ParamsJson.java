package dev.textopt.adapter.web;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A new session's {@code params}: a list of Variables (one group) or a list of groups, told apart as
 * afnio does, by the first item. In JSON each is the list itself ({@link JsonValue}).
 */
@JsonDeserialize(using = ParamsJson.Reader.class)
sealed interface ParamsJson {

    record Variables(@JsonValue List<VariableJson> variables) implements ParamsJson {
    }

    record Groups(@JsonValue List<ParamGroupRequest> groups) implements ParamsJson {
    }

    final class Reader extends ValueDeserializer<ParamsJson> {

        @Override
        public ParamsJson deserialize(JsonParser parser, DeserializationContext context) {
            JsonNode params = context.readTree(parser);
            if (!params.isArray()) {
                return context.reportInputMismatch(List.class, "params must be a list of Variables or of param groups");
            }
            if (!params.isEmpty() && params.get(0).isObject() && params.get(0).has("params")) {
                return new Groups(List.of(context.readTreeAsValue(params, ParamGroupRequest[].class)));
            }
            return new Variables(List.of(context.readTreeAsValue(params, VariableJson[].class)));
        }
    }
}
