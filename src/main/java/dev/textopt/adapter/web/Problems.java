package dev.textopt.adapter.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * The problem types textopt answers with. Types are stable URIs clients may switch on; {@code detail}
 * says what to change; {@code errors} lists field problems as {@code {field, message}}.
 */
final class Problems {

    static final String BASE = "https://textopt.dev/problems/";

    private Problems() {
    }

    static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(BASE + type));
        problem.setTitle(title);
        return problem;
    }

    static ProblemDetail invalid(String detail, List<Map<String, String>> errors) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail);
        problem.setProperty("errors", errors);
        return problem;
    }

    static Map<String, String> error(String field, String message) {
        return Map.of("field", field, "message", message);
    }
}
