package dev.textopt.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Training runs in tests: a run request, a wait for a run to end, and a {@link FakeOpenAi} that plays a run's models. */
public final class Runs {

    private Runs() {
    }

    /**
     * A run of {@code train} (and {@code validation}) items on one parameter, the system turn, with {@code {text}} as the
     * user turn, scored by exact match; {@code more} are further fields, name then value.
     */
    public static Map<String, Object> request(String paramId, List<Map<String, Object>> train, List<Map<String, Object>> validation,
            Object... more) {
        var body = new LinkedHashMap<String, Object>();
        body.put("train", train);
        body.put("validation", validation);
        body.put("forward", Map.of("messages", List.of(Map.of("role", "system", "content", List.of(Map.of("param", paramId))),
                Map.of("role", "user", "content", List.of("{text}")))));
        body.put("evaluator", Map.of("type", "exact_match"));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    public static Map<String, Object> item(String text, String target) {
        return Map.of("inputs", Map.of("text", text), "target", target);
    }

    /** The run at {@code location} once it has ended (or after a minute, as it is then). */
    public static Api.Response finished(Api api, String location) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            var run = api.get(location);
            assertThat(run.status()).as(run.raw()).isEqualTo(200);
            if (!List.of("queued", "running").contains(run.<String>at("status")) || Instant.now().isAfter(deadline)) {
                return run;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return run;
            }
        }
    }

    /**
     * The models of a run whose prompt contains {@code prompt}: forward answers {@code output}, backward asks for a shorter
     * prompt, the optimizer appends " Be brief." (later stubs win over earlier ones, so the more specific come last).
     */
    public static void play(FakeOpenAi openAi, String prompt, String output) {
        openAi.answer(prompt, output, 20, 2);
        openAi.server().stubFor(openAi.matching(prompt).withRequestBody(containing(
                "<PARAMETER role=")).willReturn(reply("<FEEDBACK>Ask for a brief answer.</FEEDBACK>", 60, 8)));
        openAi.server().stubFor(openAi.matching(prompt).withRequestBody(containing(
                "<VARIABLE>")).willReturn(reply("<IMPROVED_VARIABLE>" + prompt + " Be brief.</IMPROVED_VARIABLE>", 80, 10)));
    }

    private static ResponseDefinitionBuilder reply(String content, int promptTokens,
            int completionTokens) {
        return aResponse().withHeader("Content-Type", "application/json")
                .withBody(Api.json(FakeOpenAi.completion(content, promptTokens, completionTokens)));
    }
}
