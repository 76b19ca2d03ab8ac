package dev.textopt.adapter.llm;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

import com.anthropic.errors.AnthropicException;
import com.anthropic.errors.AnthropicServiceException;
import com.openai.errors.OpenAIException;
import com.openai.errors.OpenAIServiceException;

/**
 * Reads what went wrong out of the exceptions the OpenAI and Anthropic SDKs throw (through Spring AI,
 * which lets them pass). Anything that is not an SDK or I/O failure is not ours to classify.
 */
final class FailureClassifier {

    private final Clock clock;
    private final SecretScrubber scrubber;

    FailureClassifier(Clock clock, SecretScrubber scrubber) {
        this.clock = clock;
        this.scrubber = scrubber;
    }

    /** Null when {@code error} is not a provider or transport failure (a bug: let it propagate). */
    Failure classify(Throwable error) {
        if (error instanceof OpenAIServiceException e) {
            return fromStatus(e.statusCode(), name -> e.headers().values(name), e.getMessage());
        }
        if (error instanceof AnthropicServiceException e) {
            return fromStatus(e.statusCode(), name -> e.headers().values(name), e.getMessage());
        }
        if (find(error, InterruptedIOException.class) != null) {
            return new Failure(Failure.Kind.TIMEOUT, null, null, "no complete answer within the time limit");
        }
        if (find(error, IOException.class) != null) {
            return new Failure(Failure.Kind.CONNECTION, null, null, connectionReason(find(error, IOException.class)));
        }
        if (error instanceof OpenAIException || error instanceof AnthropicException) {
            return new Failure(Failure.Kind.BAD_REPLY, null, null, "the reply could not be read");
        }
        return null;
    }

    private Failure fromStatus(int status, Function<String, List<String>> header, String message) {
        Failure.Kind kind = status == 429 ? Failure.Kind.RATE_LIMITED
                : status >= 500 ? Failure.Kind.SERVER_ERROR : Failure.Kind.CLIENT_ERROR;
        return new Failure(kind, status, retryAfter(header), scrubber.shortReason(stripStatus(message, status)));
    }

    private static String stripStatus(String message, int status) {
        String prefix = status + ": ";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static String connectionReason(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host";
        }
        return "connection failed (" + e.getClass().getSimpleName() + ")";
    }

    /** {@code retry-after-ms} (OpenAI), else {@code Retry-After} in seconds or as an HTTP date. */
    Duration retryAfter(Function<String, List<String>> header) {
        String millis = first(header.apply("retry-after-ms"));
        if (millis != null) {
            try {
                return nonNegative(Duration.ofMillis((long) Double.parseDouble(millis)));
            }
            catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        String value = first(header.apply("retry-after"));
        if (value == null) {
            return null;
        }
        try {
            return nonNegative(Duration.ofMillis((long) (Double.parseDouble(value) * 1000)));
        }
        catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
                return nonNegative(Duration.between(clock.instant(), at.toInstant()));
            }
            catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0).trim();
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
