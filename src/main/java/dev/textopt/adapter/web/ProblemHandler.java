package dev.textopt.adapter.web;

import dev.textopt.optim.InvalidOptimizerException;
import dev.textopt.session.BadRequestException;
import dev.textopt.session.HistoryEntryNotFoundException;
import dev.textopt.session.ModelClientUnavailableException;
import dev.textopt.session.ParamNotFoundException;
import dev.textopt.session.SessionNotFoundException;
import dev.textopt.session.StepFailedException;
import dev.textopt.session.StepRunningException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Translates domain exceptions into RFC 9457 problem details at the edge. Nothing from a stack
 * trace, SQL or a provider's raw answer reaches a client.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final javax.sql.DataSource dataSource;

    ProblemHandler(javax.sql.DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @ExceptionHandler({SessionNotFoundException.class, ParamNotFoundException.class, HistoryEntryNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(StepRunningException.class)
    ProblemDetail stepRunning(StepRunningException e) {
        return Problems.of(HttpStatus.CONFLICT, "step-running", "A step is running", e.getMessage());
    }

    /** Not kept as the key's answer (a 409 never is), so that the client's next retry asks again. */
    @ExceptionHandler(dev.textopt.session.RequestInProgressException.class)
    ProblemDetail requestInProgress(dev.textopt.session.RequestInProgressException e) {
        return Problems.of(HttpStatus.CONFLICT, "idempotency-key-in-progress", "Request in progress", e.getMessage());
    }

    @ExceptionHandler(dev.textopt.session.QuotaExceededException.class)
    ResponseEntity<ProblemDetail> quota(dev.textopt.session.QuotaExceededException e) {
        if (e.retryable()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "5")
                    .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-steps", "Too many steps running", e.getMessage()));
        }
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(HttpStatus.CONFLICT, "quota-exceeded", "Quota exceeded", e.getMessage()));
    }

    @ExceptionHandler(dev.textopt.session.BudgetExhaustedException.class)
    ProblemDetail budget(dev.textopt.session.BudgetExhaustedException e) {
        ProblemDetail problem = Problems.of(HttpStatus.PAYMENT_REQUIRED, "budget-exhausted", "Budget spent", e.getMessage());
        problem.setProperty("spent", Map.of("amount", e.spent().doubleValue(), "currency", e.budget().currency()));
        problem.setProperty("budget", Map.of("amount", e.budget().amount().doubleValue(), "currency", e.budget().currency()));
        if (e.step() != null) {
            problem.setProperty("step", e.step());
            problem.setProperty("failures", e.failures().stream().map(Json::failure).toList());
        }
        return problem;
    }

    @ExceptionHandler(BadRequestException.class)
    ProblemDetail badRequest(BadRequestException e) {
        return Problems.invalid(e.getMessage(), e.problems().stream().map(p -> Problems.error(p.field(), p.message())).toList());
    }

    @ExceptionHandler(InvalidOptimizerException.class)
    ProblemDetail invalidOptimizer(InvalidOptimizerException e) {
        return Problems.invalid(e.getMessage(), e.problems().stream().map(p -> Problems.error(p.field(), p.message())).toList());
    }

    @ExceptionHandler(ModelClientUnavailableException.class)
    ProblemDetail modelClientUnavailable(ModelClientUnavailableException e) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "model-client-unavailable",
                "Model client not configured", e.getMessage());
        problem.setProperty("model_client", e.client());
        return problem;
    }

    @ExceptionHandler(StepFailedException.class)
    ProblemDetail stepFailed(StepFailedException e) {
        HttpStatus status = e.timedOut() ? HttpStatus.GATEWAY_TIMEOUT : HttpStatus.BAD_GATEWAY;
        ProblemDetail problem = Problems.of(status, e.timedOut() ? "step-timeout" : "step-failed",
                "Step failed; no parameter changed", e.getMessage());
        problem.setProperty("step", e.number());
        problem.setProperty("failures", e.failures().stream().map(Json::failure).toList());
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        if (e.getRequiredType() == java.util.UUID.class) {
            return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "no resource with " + e.getName() + " \"" + e.getValue() + "\"; ids are UUIDs");
        }
        String message = "must be " + (e.getRequiredType() == null ? "of another type" : "a " + e.getRequiredType().getSimpleName().toLowerCase());
        return Problems.invalid(e.getName() + " " + message, List.of(Problems.error(e.getName(), message)));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail tooLarge(PayloadTooLargeException e) {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large", e.getMessage());
    }

    /**
     * A database that cannot be reached — it refuses connections, a transaction cannot begin, or the
     * connection broke mid-way — is a 503 the client may retry. Any other database error is a bug (500).
     */
    @ExceptionHandler({org.springframework.dao.DataAccessException.class, org.springframework.transaction.TransactionException.class})
    ResponseEntity<ProblemDetail> database(RuntimeException e) {
        if (!unreachable(e) && databaseAnswers()) {
            return ResponseEntity.internalServerError().body(unexpected(e));
        }
        log.warn("Database access failed: {}", e.getClass().getSimpleName());
        var problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                "the database could not be reached; nothing was changed. Retry in a few seconds.");
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
    }

    /**
     * A connection that broke mid-transaction does not always say so (a pool reports "connection is
     * closed" without an SQL state); when the error itself is not clear, asking the database decides.
     */
    private boolean databaseAnswers() {
        try (var connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (java.sql.SQLException | RuntimeException probe) {
            return false;
        }
    }

    private static boolean unreachable(Throwable e) {
        if (e instanceof org.springframework.transaction.CannotCreateTransactionException
                || e instanceof org.springframework.dao.DataAccessResourceFailureException
                || e instanceof org.springframework.dao.TransientDataAccessException
                || e instanceof org.springframework.dao.RecoverableDataAccessException) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true; // connection exception, or the server shutting down
            }
            if (cause instanceof java.net.SocketException || cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "textopt failed unexpectedly; this is a bug. Nothing about it is shown here; the server log has the details.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            org.springframework.web.HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                e.getMethod() + " is not allowed here; use " + (e.getSupportedHttpMethods() == null ? "another method"
                        : String.join(" or ", e.getSupportedHttpMethods().stream().map(Object::toString).toList())));
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            org.springframework.web.HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                "Content-Type " + e.getContentType() + " is not accepted; send JSON with Content-Type: application/json");
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    /** Problems Spring makes itself (404 for an unknown path, 406, …) get our type URIs too. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            HttpStatus known = HttpStatus.resolve(status.value());
            String slug = known == null ? "error" : known.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            problem.setType(java.net.URI.create(Problems.BASE + slug));
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = unreadable(e.getCause());
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail unreadable(Throwable cause) {
        if (cause instanceof PayloadTooLargeException tooLarge) {
            return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large", tooLarge.getMessage());
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return Problems.invalid("unknown field \"" + field + "\"; remove it (field names are snake_case)",
                    List.of(Problems.error(field, "unknown field; known: " + unknown.getKnownPropertyIds())));
        }
        if (cause instanceof InvalidFormatException invalid) {
            String field = path(invalid);
            String message = "must be " + expected(invalid.getTargetType()) + ", not " + invalid.getValue();
            return Problems.invalid(field + " " + message, List.of(Problems.error(field, message)));
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            String field = path(mismatched);
            String message = "must be " + expected(mismatched.getTargetType());
            return Problems.invalid(field + " " + message, List.of(Problems.error(field, message)));
        }
        if (cause instanceof JacksonException json) {
            var location = json.getLocation();
            String where = location == null ? "" : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            return Problems.invalid("the body is not valid JSON" + where + "; send a JSON object",
                    List.of(Problems.error("body", "malformed JSON" + where)));
        }
        return Problems.invalid("the body is missing or not readable; send a JSON object with Content-Type application/json",
                List.of(Problems.error("body", "missing or unreadable")));
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
        if (java.util.List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "a JSON object";
    }
}
