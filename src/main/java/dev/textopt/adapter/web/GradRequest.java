package dev.textopt.adapter.web;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/** Gradients to append: one, or a list (in JSON, the gradient or the list itself). {@code single} keeps which, so problems name the field as sent. */
@JsonDeserialize(using = GradRequest.Reader.class)
record GradRequest(@JsonValue List<GradientJson> grads, boolean single) {

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
