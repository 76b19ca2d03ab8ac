package dev.textopt.adapter.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.ProblemDetail;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * A request body that is not what its record expects, as a 400 that names the field as the client
 * wrote it (snake_case, with list indices) and says what it must be.
 */
final class UnreadableBody {

    private UnreadableBody() {
    }

    /** The problem with a body Jackson could not read, by why it could not. */
    static ProblemDetail problem(Throwable cause) {
        if (cause instanceof PayloadTooLargeException tooLarge) {
            return Problems.of(ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return Problems.invalid(field, "unknown field; known: " + unknown.getKnownPropertyIds(),
                    "unknown field \"" + field + "\"; remove it (field names are snake_case)");
        }
        if (cause instanceof InvalidFormatException invalid) {
            String field = path(invalid);
            String message = "must be " + expected(invalid.getTargetType()) + ", not " + invalid.getValue();
            return Problems.invalid(field, message, field + " " + message);
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            String field = path(mismatched);
            String message = "must be " + expected(mismatched.getTargetType());
            return Problems.invalid(field, message, field + " " + message);
        }
        if (cause instanceof JacksonException json) {
            var location = json.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return Problems.invalid("body", "malformed JSON" + where, "the body is not valid JSON" + where + "; send a JSON object");
        }
        return Problems.invalid("body", "missing or unreadable",
                "the body is missing or not readable; send a JSON object with Content-Type application/json");
    }

    private static String path(JacksonException e) {
        var parts = new ArrayList<String>();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                parts.add((parts.isEmpty() ? "" : ".") + reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                parts.add("[" + reference.getIndex() + "]");
            }
        }
        return parts.isEmpty() ? "body" : String.join("", parts);
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "a JSON object";
    }
}
