package dev.textopt.session;

import java.util.List;

/** A request the session layer refuses as given; {@code problems} name the fields to change. */
public class BadRequestException extends RuntimeException {

    public record FieldProblem(String field, String message) {
    }

    private final List<FieldProblem> problems;

    public BadRequestException(String message, List<FieldProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public BadRequestException(String field, String message) {
        this(message, List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
