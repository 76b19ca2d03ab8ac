package dev.textopt.adapter.web;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/** Gradients to append: one, or a list. {@code single} keeps which, so problems name the field as sent. */
@JsonDeserialize(using = GradRequest.Reader.class)
record GradRequest(List<GradientJson> grads, boolean single) {

    /** In JSON, the one gradient or the list itself. */
    @JsonValue
    Object asJson() {
        return single ? grads.get(0) : grads;
    }

    static final class Reader extends ValueDeserializer<GradRequest> {

        @Override
        public GradRequest deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.isExpectedStartArrayToken()) {
                return new GradRequest(List.of(context.readValue(parser, GradientJson[].class)), false);
            }
            return new GradRequest(List.of(context.readValue(parser, GradientJson.class)), true);
        }
    }
}
