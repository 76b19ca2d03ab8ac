package dev.textopt.adapter.web;

import dev.textopt.session.Idempotency;
import dev.textopt.session.StoredAnswer;
import dev.textopt.session.WebhooksNotConfiguredException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.UrlPathHelper;

/**
 * Honours {@code Idempotency-Key} on every POST under /v1: the first answer is kept and replayed
 * to retries with the same key and body ({@code Idempotent-Replayed: true}); the same key with
 * another request is a 422; a retry while the first is still running is a 409. Answers that ask for a
 * retry (409, 429, 5xx) are not kept, so the retry runs again. A request routed to an
 * {@link AnswerWithEffect} method runs in one transaction with the keeping of its answer; one that calls
 * models keeps it in the transaction that stores its result ({@link KeptAnswer}). The answer that shows a new
 * webhook's secret is kept without it and replayed with it derived again ({@link WebhookSecretAnswers}). It runs
 * inside the API's security chain (see {@link ApiSecurity}), after the firewall and once the caller is
 * authenticated, and it decides on the path as Spring MVC routes it (decoded, without ';' parameters),
 * not on the raw request URI.
 */
@Component
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    /** The request attribute that holds the key's claim while the request runs, for {@link KeptAnswer}. */
    static final String CLAIM = IdempotencyFilter.class.getName() + ".claim";
    static final String REPLAYED = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 255;

    private final Idempotency idempotency;
    private final HandlerLookup handlers;
    private final WebhookSecretAnswers webhookSecrets;

    IdempotencyFilter(Idempotency idempotency, HandlerLookup handlers, WebhookSecretAnswers webhookSecrets) {
        this.idempotency = idempotency;
        this.handlers = handlers;
        this.webhookSecrets = webhookSecrets;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !UrlPathHelper.defaultInstance.getPathWithinApplication(request).startsWith("/v1/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            ProblemWriter.write(response, Problems.invalid(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " characters",
                    "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters"));
            return;
        }
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (PayloadTooLargeException e) {
            ProblemWriter.write(response, Problems.of(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage()));
            return;
        }
        String tenant = Tenants.current(request);
        Idempotency.Decision decision;
        try {
            decision = idempotency.begin(tenant, key, hash(request, body));
        } catch (DataAccessException | TransactionException e) {
            databaseUnavailable(response);
            return;
        }
        boolean showsSecret = webhookSecrets.appliesTo(request);
        if (decision instanceof Idempotency.Replay replay) {
            StoredAnswer answer;
            try {
                answer = showsSecret ? webhookSecrets.forReplay(replay.answer()) : replay.answer();
            } catch (WebhooksNotConfiguredException e) {
                ProblemWriter.write(response, Problems.of(ProblemType.WEBHOOKS_NOT_CONFIGURED, e.getMessage()));
                return;
            }
            response.setStatus(answer.status());
            if (answer.contentType() != null) {
                response.setContentType(answer.contentType());
            }
            if (answer.location() != null) {
                response.setHeader("Location", answer.location());
            }
            response.setHeader(REPLAYED, "true");
            response.getOutputStream().write(answer.body());
            return;
        }
        if (decision instanceof Idempotency.Mismatch) {
            ProblemWriter.write(response, Problems.of(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used for a different request; use a new key for a new request"));
            return;
        }
        if (decision instanceof Idempotency.InProgress) {
            inProgress(response);
            return;
        }
        // The answer reaches the client only once it is kept: until then it waits in the cache.
        var caching = new ContentCachingResponseWrapper(response);
        request.setAttribute(CLAIM, ((Idempotency.Proceed) decision).claim());
        boolean sendable;
        try {
            sendable = idempotency.answer(((Idempotency.Proceed) decision).claim(), handlers.routesTo(request, AnswerWithEffect.class),
                    () -> {
                        chain.doFilter(new CachedBodyRequest(request, body), caching);
                        var answer = new StoredAnswer(caching.getStatus(), caching.getContentType(), caching.getHeader("Location"),
                                caching.getContentAsByteArray());
                        return showsSecret ? webhookSecrets.forKeeping(answer) : answer; // the client gets the cached one
                    });
        } catch (DataAccessException | TransactionException e) {
            caching.reset(); // the effect and its answer were not committed: the answer must not claim they were
            databaseUnavailable(response);
            return;
        } catch (IOException | ServletException | RuntimeException e) {
            caching.copyBodyToResponse();
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
        if (!sendable) {
            caching.reset();
            inProgress(response);
            return;
        }
        caching.copyBodyToResponse();
    }

    /** Outside the controllers, so ProblemHandler never sees this: without it a database outage is a 500 here. */
    private static void databaseUnavailable(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        ProblemWriter.write(response, Problems.of(ProblemType.DATABASE_UNAVAILABLE, ProblemHandler.DATABASE_UNAVAILABLE));
    }

    private static void inProgress(HttpServletResponse response) throws IOException {
        ProblemWriter.write(response, Problems.of(ProblemType.IDEMPOTENCY_KEY_IN_PROGRESS,
                "the first request with this Idempotency-Key is still being answered; retry in a moment"));
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            // A condition is part of the request: the same key with another If-Match is another request.
            String ifMatch = request.getHeader(HttpHeaders.IF_MATCH);
            if (ifMatch != null) {
                digest.update((HttpHeaders.IF_MATCH + ": " + ifMatch + "\n").getBytes(StandardCharsets.UTF_8));
            }
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
