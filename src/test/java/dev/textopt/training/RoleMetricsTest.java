package dev.textopt.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.TrainingEndToEndTest;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every model call is counted on /actuator/prometheus by the role it plays (forward, judge, backward,
 * optimizer), whichever client plays it; forward, evaluate and backward requests by outcome.
 */
class RoleMetricsTest extends TrainingEndToEndTest {

    /** The sum of the samples of {@code metric} whose labels include every one of {@code labels}. */
    private double sample(String metric, String... labels) {
        var scrape = api.get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        double sum = 0;
        Matcher line = Pattern.compile("(?m)^" + metric + "\\{([^}]*)} (\\S+)$").matcher(scrape.raw());
        while (line.find()) {
            String found = line.group(1);
            if (List.of(labels).stream().allMatch(l -> found.contains(l))) {
                sum += Double.parseDouble(line.group(2));
            }
        }
        return sum;
    }

    private double calls(String role, String client) {
        return sample("textopt_role_calls_total", "role=\"" + role + "\"", "client=\"" + client + "\"", "outcome=\"success\"");
    }

    @Test
    void eachCallIsCountedUnderItsRole() {
        String[] ids = session("Repeat the text.");
        String optimizer = "/v1/optimizers/" + ids[0];
        double forward = calls("forward", "openai");
        double judge = calls("judge", "judge");
        double backward = calls("backward", "openai");
        double rewrites = calls("optimizer", "openai");
        double forwardTokens = sample("textopt_role_tokens_total", "role=\"forward\"", "type=\"prompt\"");
        double forwardRequests = sample("textopt_training_operations_seconds_count", "operation=\"forward\"", "outcome=\"succeeded\"");

        var traces = forward(ids[0], ids[1], "one", "two");
        assertThat(api.post(optimizer + "/evaluate", Map.of("traces", traces, "evaluator", Map.of("type", "llm_judge",
                "criteria", "Capitals.", "targets", List.of("ONE", "TWO"), "model_client", "judge"))).status()).isEqualTo(200);
        assertThat(api.post(optimizer + "/backward", Map.of("traces", List.of(Map.of("trace_id", traces.get(0))))).status())
                .isEqualTo(200);
        assertThat(api.post(optimizer + "/step", null).status()).isEqualTo(200);

        assertThat(calls("forward", "openai") - forward).isEqualTo(2);
        assertThat(calls("judge", "judge") - judge).isEqualTo(2);
        assertThat(calls("backward", "openai") - backward).isEqualTo(1);
        assertThat(calls("optimizer", "openai") - rewrites).isEqualTo(1);
        assertThat(sample("textopt_role_tokens_total", "role=\"forward\"", "type=\"prompt\"") - forwardTokens).isPositive();
        assertThat(sample("textopt_training_operations_seconds_count", "operation=\"forward\"", "outcome=\"succeeded\"")
                - forwardRequests).isEqualTo(1);
    }
}
