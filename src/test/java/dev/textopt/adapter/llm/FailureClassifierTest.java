package dev.textopt.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FailureClassifierTest {

    FailureClassifier classifier = new FailureClassifier(
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC), new SecretScrubber("sk-mine"));

    Duration retryAfter(Map<String, String> headers) {
        return classifier.retryAfter(name -> headers.containsKey(name) ? List.of(headers.get(name)) : List.of());
    }

    @Test
    void readsRetryAfterInSecondsMillisecondsOrAsAnHttpDate() {
        assertThat(retryAfter(Map.of("retry-after", "2"))).isEqualTo(Duration.ofSeconds(2));
        assertThat(retryAfter(Map.of("retry-after", "1.5"))).isEqualTo(Duration.ofMillis(1500));
        assertThat(retryAfter(Map.of("retry-after-ms", "250", "retry-after", "9"))).isEqualTo(Duration.ofMillis(250));
        assertThat(retryAfter(Map.of("retry-after", "Thu, 01 Jan 2026 00:00:30 GMT")))
            .isEqualTo(Duration.ofSeconds(30));
        assertThat(retryAfter(Map.of("retry-after", "soon"))).isNull();
        assertThat(retryAfter(Map.of())).isNull();
    }

    @Test
    void scrubsKeysAndKeepsReasonsShort() {
        SecretScrubber scrubber = new SecretScrubber("my-own-secret");
        assertThat(scrubber.shortReason("bad key my-own-secret and sk-proj-abc****wxyz\n  here"))
            .isEqualTo("bad key [redacted] and [redacted] here");
        assertThat(scrubber.shortReason("x".repeat(500))).hasSize(201);
        assertThat(scrubber.shortReason(null)).isEqualTo("no details");
    }
}
