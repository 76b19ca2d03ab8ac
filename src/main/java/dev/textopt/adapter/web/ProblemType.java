package dev.textopt.adapter.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * Every problem type textopt answers with: its stable slug (the type URI clients switch on), its HTTP
 * status, its title, the operations that may answer it and an example. The exception handler, the
 * filters, Tomcat's error report and the OpenAPI description all read this one list, so a new type is
 * added here and nowhere else.
 */
enum ProblemType {

    INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "Invalid request", Where.EVERY_OPERATION,
            "unknown field \"learning_rate\"; remove it (field names are snake_case)"),
    /** Refused by the firewall before routing: a path or header no valid request has. */
    REQUEST_REJECTED("request-rejected", HttpStatus.BAD_REQUEST, "Request rejected", Where.EVERY_OPERATION,
            "the request was rejected because the URL contained a potentially malicious String \"//\""),
    /** A request line, path or header so malformed that Tomcat or Spring refuses it before our code. */
    BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST, "Bad Request", Where.EVERY_OPERATION,
            "the request line, path or headers are malformed (for example an encoded '/' in the path); fix the URL"),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Unauthorized", Where.EVERY_OPERATION,
            "send your API key as Authorization: Bearer <key>"),
    BUDGET_EXHAUSTED("budget-exhausted", HttpStatus.PAYMENT_REQUIRED, "Budget spent", Where.STEP,
            "this session has spent 5.01 USD of its budget of 5 USD; no further step starts"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found", Where.ON_A_SESSION,
            "no optimizer session 6f1c2d1e-0000-4000-8000-000000000001"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", Where.NO_OPERATION,
            "PUT is not allowed here; use POST or GET"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not Acceptable", Where.EVERY_OPERATION,
            "Acceptable representations: [application/json, application/*+json]."),
    STEP_RUNNING("step-running", HttpStatus.CONFLICT, "A step is running", Where.CHANGES,
            "a step of this session is running; retry when it has finished"),
    QUOTA_EXCEEDED("quota-exceeded", HttpStatus.CONFLICT, "Quota exceeded", Where.CHANGES,
            "you hold 1000 sessions, the most allowed; delete one first"),
    IDEMPOTENCY_KEY_IN_PROGRESS("idempotency-key-in-progress", HttpStatus.CONFLICT, "Request in progress", Where.POST,
            "the first request with this Idempotency-Key is still being answered; retry in a moment"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request body too large", Where.WITH_A_BODY,
            "the request body is larger than 1048576 bytes; send less, or ask the operator to raise textopt.http.max-body-size"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
            Where.WITH_A_BODY, "Content-Type text/plain is not accepted; send JSON with Content-Type: application/json"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", Where.POST,
            "this Idempotency-Key was used for a different request; use a new key for a new request"),
    TOO_MANY_STEPS("too-many-steps", HttpStatus.TOO_MANY_REQUESTS, "Too many steps running", Where.STEP,
            "16 of your steps are running, the most allowed at once; retry when one has finished"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", Where.EVERY_OPERATION,
            "textopt failed unexpectedly; this is a bug. Nothing about it is shown here; the server log has the details."),
    STEP_FAILED("step-failed", HttpStatus.BAD_GATEWAY, "Step failed; no parameter changed", Where.STEP,
            "the model call for parameter b2e0… failed: HTTP 500 after 3 retries; no parameter changed"),
    MODEL_CLIENT_UNAVAILABLE("model-client-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Model client not configured", Where.STEP,
            "model client \"anthropic\" has no API key; set ANTHROPIC_API_KEY"),
    DATABASE_UNAVAILABLE("database-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable", Where.EVERY_OPERATION,
            "the database could not be reached; nothing was changed. Retry in a few seconds."),
    STEP_TIMEOUT("step-timeout", HttpStatus.GATEWAY_TIMEOUT, "Step failed; no parameter changed", Where.STEP,
            "every model call timed out; no parameter changed");

    /** Which operations of the OpenAPI description may answer with a type. */
    enum Where { EVERY_OPERATION, ON_A_SESSION, CHANGES, WITH_A_BODY, POST, STEP, NO_OPERATION }

    static final String BASE = "https://textopt.dev/problems/";

    private final String slug;
    private final HttpStatus status;
    private final String title;
    private final Where where;
    private final String example;

    ProblemType(String slug, HttpStatus status, String title, Where where, String example) {
        this.slug = slug;
        this.status = status;
        this.title = title;
        this.where = where;
        this.example = example;
    }

    String slug() {
        return slug;
    }

    HttpStatus status() {
        return status;
    }

    String title() {
        return title;
    }

    Where where() {
        return where;
    }

    /** A {@code detail} as this type says it, for the description's examples. */
    String example() {
        return example;
    }

    URI uri() {
        return URI.create(BASE + slug);
    }

    /**
     * The type of an answer that Spring or Tomcat made on its own (an unknown path, a header Tomcat
     * refuses, …), by its status: any 4xx without a type of its own is a malformed request, any 5xx
     * an internal error.
     */
    static ProblemType forStatus(int status) {
        return switch (status) {
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            default -> status < 500 ? BAD_REQUEST : INTERNAL_ERROR;
        };
    }
}
