package dev.textopt.adapter.web;

import dev.textopt.optim.InvalidOptimizerException;
import dev.textopt.session.BadRequestException;
import dev.textopt.session.HistoryEntryNotFoundException;
import dev.textopt.session.ParamGroupNotFoundException;
import dev.textopt.session.ParamNotFoundException;
import dev.textopt.session.QuotaExceededException;
import dev.textopt.session.RequestInProgressException;
import dev.textopt.session.RunActiveException;
import dev.textopt.session.RunNotFoundException;
import dev.textopt.session.SessionNotFoundException;
import dev.textopt.session.StepRunningException;
import dev.textopt.session.TooManyStreamsException;
import dev.textopt.session.TraceNotFoundException;
import dev.textopt.session.VersionMismatchException;
import dev.textopt.session.WebhookNotFoundException;
import dev.textopt.session.WebhooksNotConfiguredException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Translates domain exceptions into RFC 9457 problem details at the edge. Nothing from a stack
 * trace, SQL or a provider's raw answer reaches a client.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    static final String DATABASE_UNAVAILABLE = "the database could not be reached; nothing was changed. Retry in a few seconds.";

    private final DataSource dataSource;

    ProblemHandler(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @ExceptionHandler({SessionNotFoundException.class, ParamNotFoundException.class, HistoryEntryNotFoundException.class,
        ParamGroupNotFoundException.class, TraceNotFoundException.class, RunNotFoundException.class,
        WebhookNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return Problems.of(ProblemType.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({VersionMismatchException.class, PreconditionFailedException.class})
    ProblemDetail preconditionFailed(RuntimeException e) {
        return Problems.of(ProblemType.PRECONDITION_FAILED, e.getMessage());
    }

    @ExceptionHandler(StepRunningException.class)
    ProblemDetail stepRunning(StepRunningException e) {
        return Problems.of(ProblemType.STEP_RUNNING, e.getMessage());
    }

    /** Not kept as the key's answer (a 409 never is), so that the client's next retry asks again. */
    @ExceptionHandler(RequestInProgressException.class)
    ProblemDetail requestInProgress(RequestInProgressException e) {
        return Problems.of(ProblemType.IDEMPOTENCY_KEY_IN_PROGRESS, e.getMessage());
    }

    @ExceptionHandler(QuotaExceededException.class)
    ResponseEntity<ProblemDetail> quota(QuotaExceededException e) {
        if (e.retryable()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "5")
                    .body(Problems.of(ProblemType.TOO_MANY_STEPS, e.getMessage()));
        }
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(ProblemType.QUOTA_EXCEEDED, e.getMessage()));
    }

    @ExceptionHandler(TooManyStreamsException.class)
    ResponseEntity<ProblemDetail> tooManyStreams(TooManyStreamsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "30")
                .body(Problems.of(ProblemType.TOO_MANY_STREAMS, e.getMessage()));
    }

    @ExceptionHandler(WebhooksNotConfiguredException.class)
    ProblemDetail webhooksNotConfigured(WebhooksNotConfiguredException e) {
        return Problems.of(ProblemType.WEBHOOKS_NOT_CONFIGURED, e.getMessage());
    }

    @ExceptionHandler(RunActiveException.class)
    ProblemDetail runActive(RunActiveException e) {
        return Problems.of(ProblemType.RUN_ACTIVE, e.getMessage(), Map.of("run_id", e.runId().toString()));
    }

    @ExceptionHandler(BadRequestException.class)
    ProblemDetail badRequest(BadRequestException e) {
        return Problems.invalid(e.getMessage(), e.problems());
    }

    @ExceptionHandler(InvalidOptimizerException.class)
    ProblemDetail invalidOptimizer(InvalidOptimizerException e) {
        return Problems.invalid(e.getMessage(), e.problems());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        if (e.getRequiredType() == UUID.class) {
            return Problems.of(ProblemType.NOT_FOUND, "no resource with " + e.getName() + " \"" + e.getValue() + "\"; ids are UUIDs");
        }
        String message = "must be " + (e.getRequiredType() == null ? "of another type" : "a " + e.getRequiredType().getSimpleName().toLowerCase());
        return Problems.invalid(e.getName(), message, e.getName() + " " + message);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ProblemDetail tooLarge(PayloadTooLargeException e) {
        return Problems.of(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage());
    }

    /**
     * A database that cannot be reached — it refuses connections, a transaction cannot begin, or the
     * connection broke mid-way — is a 503 the client may retry. Any other database error is a bug (500).
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<ProblemDetail> database(RuntimeException e) {
        if (!unreachable(e) && databaseAnswers()) {
            return ResponseEntity.internalServerError().body(unexpected(e));
        }
        log.warn("Database access failed: {}", e.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5")
                .body(Problems.of(ProblemType.DATABASE_UNAVAILABLE, DATABASE_UNAVAILABLE));
    }

    /**
     * A connection that broke mid-transaction does not always say so (a pool reports "connection is
     * closed" without an SQL state); when the error itself is not clear, asking the database decides.
     */
    private boolean databaseAnswers() {
        try (var connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | RuntimeException probe) {
            return false;
        }
    }

    private static boolean unreachable(Throwable e) {
        if (e instanceof CannotCreateTransactionException || e instanceof DataAccessResourceFailureException
                || e instanceof TransientDataAccessException || e instanceof RecoverableDataAccessException) {
            return true;
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true; // connection exception, or the server shutting down
            }
            if (cause instanceof SocketException || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException) {
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
        return Problems.of(ProblemType.INTERNAL_ERROR,
                "textopt failed unexpectedly; this is a bug. Nothing about it is shown here; the server log has the details.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpRequestMethodNotSupported(
            HttpRequestMethodNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(ProblemType.METHOD_NOT_ALLOWED, e.getMethod() + " is not allowed here; use " + (e.getSupportedHttpMethods() == null ? "another method"
                        : String.join(" or ", e.getSupportedHttpMethods().stream().map(Object::toString).toList())));
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(
            HttpMediaTypeNotSupportedException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + e.getContentType() + " is not accepted; send JSON with Content-Type: application/json");
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    /**
     * Problems Spring makes itself (404 for an unknown path, 406, …) get a type and title of the catalog
     * too. Spring passes no body for those it describes itself: theirs is the exception's own.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        Object answer = body == null && e instanceof ErrorResponse error ? error.getBody() : body;
        if (answer instanceof ProblemDetail problem && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            ProblemType type = ProblemType.forStatus(status.value());
            problem.setType(type.uri());
            problem.setTitle(type.title());
        }
        return super.handleExceptionInternal(e, answer, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = UnreadableBody.problem(e.getCause());
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }
}
