package dev.textopt.adapter.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * Every problem type textopt answers with: its stable slug (the type URI clients switch on), its HTTP
 * status, its title, the operations that may answer it, when it is answered, and an example. The exception handler, the
 * filters, Tomcat's error report and the OpenAPI description all read this one list, so a new type is
 * added here and nowhere else.
 */
enum ProblemType {

    INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "Invalid request", Where.EVERY_OPERATION,
            "a field (named in errors), malformed JSON, text that cannot be stored as sent (NUL, a lone surrogate), or an "
                    + "ambiguous path refused by the HTTP firewall (percent-encoding, ';', '.' or '..' segments, '//', a backslash)",
            "params[0].data contains a lone surrogate (\\ud800) at character 5, which is not Unicode text and cannot be stored; "
                    + "send valid UTF-8 / UTF-16"),
    /** A request line, path or header so malformed that Tomcat or Spring refuses it before our code. */
    BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST, "Bad Request", Where.EVERY_OPERATION,
            "a request line, path or header Tomcat refuses before textopt sees it",
            "the request line, path or headers are malformed (for example an encoded '/' in the path); fix the URL"),
    UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Unauthorized", Where.EVERY_OPERATION,
            "no API key, or not a valid one (with API keys configured); the answer carries WWW-Authenticate: Bearer",
            "send your API key as Authorization: Bearer <key>"),
    BUDGET_EXHAUSTED("budget-exhausted", HttpStatus.PAYMENT_REQUIRED, "Budget spent", Where.MODEL_CALLS,
            "the session's budget is spent: no step, forward, judge or backward call starts, or one reached it part-way (then "
                    + "it has failures with reason budget, and step for a step; nothing changed)",
            "this session has spent 5.01 USD of its budget of 5 USD; no further step starts. Create a new session "
                    + "(export its state dict and import it) to go on."),
    /** Refused by the security chain's access rules; no rule refuses an authenticated key today. */
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden", Where.NO_OPERATION,
            "the key is valid but may not make this request", "this request is not allowed for your key"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found", Where.ON_A_SESSION,
            "no such session (or another tenant's), parameter, param group, history entry, trace, training run or webhook, or an id "
                    + "that is not a UUID",
            "no optimizer session 6f1c2d1e-0000-4000-8000-000000000001"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", Where.NO_OPERATION,
            "the path exists but not with this method", "PUT is not allowed here; use POST or GET"),
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not Acceptable", Where.EVERY_OPERATION,
            "the request's Accept leaves out JSON", "Acceptable representations: [application/json]."),
    STEP_RUNNING("step-running", HttpStatus.CONFLICT, "A step is running", Where.CHANGES,
            "a step of this session is running", "a step of this session is running; retry when it has finished"),
    RUN_ACTIVE("run-active", HttpStatus.CONFLICT, "A training run is active", Where.CHANGES,
            "a training run is going on this session: a second run, or a step, edit, restore, new group or state-dict import by "
                    + "hand waits until it ends; with run_id",
            "training run 0b7c2e94-… is going on optimizer session 6f1c2d1e-…; a step is refused until it ends (see GET "
                    + "/v1/optimizers/6f1c2d1e-…/runs/0b7c2e94-…, or cancel it with POST …/runs/0b7c2e94-…/cancel)"),
    STALE_TRACE("stale_trace", HttpStatus.CONFLICT, "Stale trace", Where.BACKWARD,
            "a trace's parameter changed since its forward pass (a step, restore or edit); with trace_id, param_id and "
                    + "changed_by_entry, the history entry that changed it",
            "trace 3d1e7a52-… used parameter b2e0c1d4-… as history entry 0 left it; entry 1 has changed it since. Run "
                    + "forward again and use the new traces"),
    QUOTA_EXCEEDED("quota-exceeded", HttpStatus.CONFLICT, "Quota exceeded", Where.CHANGES,
            "the tenant holds as many sessions as it may", "you hold 1000 sessions, the most allowed; delete one first"),
    IDEMPOTENCY_KEY_IN_PROGRESS("idempotency-key-in-progress", HttpStatus.CONFLICT, "Request in progress", Where.POST,
            "a request with this Idempotency-Key is still being answered; retry with the same key",
            "the first request with this Idempotency-Key is still being answered; retry in a moment"),
    PRECONDITION_FAILED("precondition-failed", HttpStatus.PRECONDITION_FAILED, "Precondition failed", Where.CONDITIONAL,
            "If-Match names an ETag the session (or the entry read) no longer has: it changed since the client read it; "
                    + "nothing was changed",
            "optimizer session 6f1c2d1e-0000-4000-8000-000000000001 is at version 7, not one If-Match names: it changed since "
                    + "you read it. Nothing was changed; GET it again and, if your change still applies, send it with If-Match: \"7\""),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.CONTENT_TOO_LARGE, "Request body too large", Where.WITH_A_BODY,
            "the body is over textopt.http.max-body-size",
            "the request body is larger than 1048576 bytes; send less, or ask the operator to raise textopt.http.max-body-size"),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type",
            Where.WITH_A_BODY, "the body is not sent as JSON",
            "Content-Type text/plain is not accepted; send JSON with Content-Type: application/json"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", Where.POST,
            "the Idempotency-Key was used for another request",
            "this Idempotency-Key was used for a different request; use a new key for a new request"),
    TOO_MANY_STEPS("too-many-steps", HttpStatus.TOO_MANY_REQUESTS, "Too many steps running", Where.STEP,
            "the tenant has as many steps running as it may; Retry-After says when to try again",
            "16 of your steps are running, the most allowed at once; retry when one has finished"),
    TOO_MANY_STREAMS("too-many-streams", HttpStatus.TOO_MANY_REQUESTS, "Too many event streams", Where.EVENTS,
            "the tenant holds textopt.events.max-streams-per-tenant open event streams on this instance; Retry-After says when "
                    + "to try again",
            "you hold 16 open event streams on this instance, the most allowed (textopt.events.max-streams-per-tenant); close one, "
                    + "or follow several sessions' events with a webhook instead"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error", Where.EVERY_OPERATION,
            "a bug; the server log has the details, the answer none",
            "textopt failed unexpectedly; this is a bug. Nothing about it is shown here; the server log has the details."),
    STEP_FAILED("step-failed", HttpStatus.BAD_GATEWAY, "Step failed; no parameter changed", Where.STEP,
            "a model call or the closure failed; with step and failures",
            "the model call for parameter b2e0… failed: HTTP 500 after 3 retries; no parameter changed"),
    CALLS_FAILED("calls-failed", HttpStatus.BAD_GATEWAY, "Calls failed; nothing was stored", Where.GRADIENTS,
            "a forward, judge, backward or http evaluator call failed; nothing was stored, the tokens spent were counted; "
                    + "with failures",
            "1 call(s) of the backward pass failed; nothing was stored, the tokens spent were counted"),
    MODEL_CLIENT_UNAVAILABLE("model-client-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Model client not configured",
            Where.MODEL_CALLS, "a step, forward, judge or backward needs a model client without its API key; with model_client",
            "model client \"anthropic\" has no API key; set ANTHROPIC_API_KEY"),
    WEBHOOKS_NOT_CONFIGURED("webhooks-not-configured", HttpStatus.SERVICE_UNAVAILABLE, "Webhooks not configured",
            Where.CREATE_WEBHOOK, "the server has no webhook signing key (TEXTOPT_WEBHOOKS_SIGNINGKEY), so no webhook can be created; "
                    + "nothing was stored",
            "webhooks are not configured on this server: the operator must set TEXTOPT_WEBHOOKS_SIGNINGKEY "
                    + "(textopt.webhooks.signing-key, at least 32 bytes) and restart"),
    DATABASE_UNAVAILABLE("database-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable", Where.EVERY_OPERATION,
            "the database cannot be reached; nothing was changed; Retry-After says when to try again",
            "the database could not be reached; nothing was changed. Retry in a few seconds."),
    STEP_TIMEOUT("step-timeout", HttpStatus.GATEWAY_TIMEOUT, "Step failed; no parameter changed", Where.STEP,
            "a step failed and every failure was a timeout; with step and failures",
            "every model call timed out; no parameter changed"),
    CALLS_TIMEOUT("calls-timeout", HttpStatus.GATEWAY_TIMEOUT, "Calls failed; nothing was stored", Where.GRADIENTS,
            "a forward, judge or backward request failed and every failure was a timeout; with failures",
            "2 call(s) of the forward pass failed; nothing was stored, the tokens spent were counted");

    /** Which operations of the OpenAPI description may answer with a type. */
    enum Where { EVERY_OPERATION, ON_A_SESSION, CHANGES, WITH_A_BODY, POST, STEP, CONDITIONAL, MODEL_CALLS, GRADIENTS, BACKWARD,
        EVENTS, CREATE_WEBHOOK, NO_OPERATION }

    static final String BASE = "https://textopt.dev/problems/";

    private final String slug;
    private final HttpStatus status;
    private final String title;
    private final Where where;
    private final String when;
    private final String example;

    ProblemType(String slug, HttpStatus status, String title, Where where, String when, String example) {
        this.slug = slug;
        this.status = status;
        this.title = title;
        this.where = where;
        this.when = when;
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

    /** When an answer has this type, for the description's readers. */
    String when() {
        return when;
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
