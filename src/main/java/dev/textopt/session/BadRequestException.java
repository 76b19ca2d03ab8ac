package dev.textopt.session;

import dev.textopt.optim.Problem;
import java.util.List;

/** A request the session layer refuses as given; {@code problems} name the fields to change. */
public class BadRequestException extends RuntimeException {

    private final List<Problem> problems;

    public BadRequestException(String message, List<Problem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public BadRequestException(String field, String message) {
        this(message, List.of(new Problem(field, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
