package dev.textopt.observability;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.Api;
import dev.textopt.support.EndToEndTest;
import dev.textopt.support.FakeOpenAi;
import dev.textopt.support.OtlpReceiver;
import dev.textopt.support.OtlpReceiver.ReceivedSpan;
import dev.textopt.support.Runs;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Traces and logs as an operator sees them: with an OTLP endpoint configured (here a collector in the test)
 * a step is one trace, from the request through the step's three parts to one model call per parameter with
 * Spring AI's gen-ai attributes; an asynchronous step stays in the trace of the request that started it; and
 * with JSON logs on, a step's log line carries the ids of its trace and span.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = {"logging.structured.format.console=ecs",
        "management.opentelemetry.tracing.export.schedule-delay=100ms"})
class TracingTest extends EndToEndTest {

    static final OtlpReceiver collector = new OtlpReceiver();

    @DynamicPropertySource
    static void collector(DynamicPropertyRegistry registry) {
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint", collector::tracesEndpoint);
    }

    @AfterAll
    static void stopCollector() {
        collector.close();
    }

    @Test
    void aStepIsOneTraceFromItsRequestThroughItsPartsToOneModelCallPerParameter(CapturedOutput output) throws Exception {
        String id = sessionWithTwoFedParams("Trace me");

        var step = api.post("/v1/optimizers/" + id + "/step", null);
        assertThat(step.status()).as(step.raw()).isEqualTo(200);

        List<ReceivedSpan> trace = traceOfStep(id);
        ReceivedSpan root = only(trace, ReceivedSpan::isRoot);
        assertThat(root.name()).isEqualTo("http post /v1/optimizers/{id}/step");
        ReceivedSpan start = only(trace, s -> s.name().equals("textopt.step.start"));
        ReceivedSpan calls = only(trace, s -> s.name().equals("textopt.step.calls"));
        ReceivedSpan apply = only(trace, s -> s.name().equals("textopt.step.apply"));
        assertThat(List.of(start, calls, apply)).allSatisfy(part -> {
            assertThat(part.parentSpanId()).isEqualTo(root.spanId());
            assertThat(part.attribute("textopt.session.id")).contains(id);
        });
        List<ReceivedSpan> modelCalls = trace.stream().filter(s -> s.attribute("gen_ai.operation.name").isPresent()).toList();
        assertThat(modelCalls).as("one model call per parameter").hasSize(2).allSatisfy(call -> {
            assertThat(call.name()).isEqualTo("chat gpt-4o");
            assertThat(call.parentSpanId()).isEqualTo(calls.spanId());
            assertThat(call.attribute("gen_ai.request.model")).contains("gpt-4o");
            assertThat(call.attribute("gen_ai.response.model")).contains("gpt-4o-2024-08-06");
            assertThat(call.attribute("gen_ai.usage.input_tokens")).contains("300");
            assertThat(call.attribute("gen_ai.usage.output_tokens")).contains("20");
            assertThat(call.attribute("textopt.client")).contains("openai");
        });

        assertThat(trace).as("no key in a span").allSatisfy(span -> assertThat(span.attributes().toString()).doesNotContain(FakeOpenAi.API_KEY));

        // The step's log line is JSON, with the ids of the trace and of the span it was written in.
        JsonNode line = logLine(output, "Step 1 of session " + id + " succeeded");
        assertThat(line.path("traceId").asString()).isEqualTo(root.traceId());
        assertThat(line.path("spanId").asString()).isEqualTo(apply.spanId());
    }

    @Test
    void anAsynchronousStepGoesOnInTheTraceOfTheRequestThatStartedIt() throws Exception {
        String id = sessionWithTwoFedParams("Trace me later");

        var accepted = api.post("/v1/optimizers/" + id + "/step", null, "Prefer", "respond-async");
        assertThat(accepted.status()).isEqualTo(202);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        Api.Response entry = api.get(accepted.location());
        while (Instant.now().isBefore(deadline) && "running".equals(entry.at("status"))) {
            Thread.sleep(100);
            entry = api.get(accepted.location());
        }
        assertThat(entry.<String>at("status")).isEqualTo("succeeded");

        List<ReceivedSpan> trace = traceOfStep(id);
        ReceivedSpan root = only(trace, ReceivedSpan::isRoot);
        assertThat(root.name()).isEqualTo("http post /v1/optimizers/{id}/step");
        ReceivedSpan calls = only(trace, s -> s.name().equals("textopt.step.calls"));
        assertThat(calls.parentSpanId()).isEqualTo(root.spanId());
        assertThat(trace.stream().filter(s -> s.attribute("gen_ai.operation.name").isPresent()))
                .hasSize(2).allSatisfy(call -> assertThat(call.parentSpanId()).isEqualTo(calls.spanId()));
        assertThat(trace).filteredOn(s -> s.name().startsWith("http get")).as("polling is not part of the step's trace").isEmpty();
    }

    @Test
    void aTrainingRunGoesOnInTheTraceOfTheRequestThatCreatedIt() throws Exception {
        String prompt = "Trace my run " + UUID.randomUUID();
        Runs.play(openAi, prompt, "DONE");
        var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", prompt, "role", "system prompt")),
                "defaults", Map.of("completion_args", Map.of("model", "gpt-4o"))));
        String id = created.at("id");
        var started = api.post("/v1/optimizers/" + id + "/runs", Runs.request(created.at("param_groups.0.params.0.id"),
                List.of(Runs.item("one", "DONE"), Runs.item("two", "other")), List.of(Runs.item("three", "DONE")), "epochs", 1,
                "batch_size", 2));
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        var run = Runs.finished(api, started.location());
        assertThat(run.<String>at("status")).as(run.raw()).isEqualTo("succeeded");

        List<ReceivedSpan> spans = collector.awaitSpans(all -> all.stream().anyMatch(s -> s.name().equals("textopt.run")
                && s.attribute("textopt.session.id").equals(Optional.of(id))), Duration.ofSeconds(20));
        ReceivedSpan runSpan = only(spans, s -> s.name().equals("textopt.run") && s.attribute("textopt.session.id").equals(Optional.of(id)));
        List<ReceivedSpan> trace = spans.stream().filter(s -> s.traceId().equals(runSpan.traceId())).toList();
        ReceivedSpan root = only(trace, ReceivedSpan::isRoot);
        assertThat(root.name()).isEqualTo("http post /v1/optimizers/{id}/runs");
        assertThat(runSpan.parentSpanId()).isEqualTo(root.spanId());
        ReceivedSpan step = only(trace, s -> s.name().equals("textopt.step.calls"));
        assertThat(step.parentSpanId()).as("the run's one step").isEqualTo(runSpan.spanId());
        int modelRequests = openAi.server().findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
                .withRequestBody(containing(prompt))).size();
        assertThat(trace).filteredOn(s -> s.attribute("gen_ai.operation.name").isPresent())
                .as("every model call of the run: forward, backward, the step's, validation").hasSize(modelRequests);
    }

    /** A session of two parameters with a gradient each: its step calls the model once per parameter. */
    private String sessionWithTwoFedParams(String prefix) {
        openAi.answer(prefix, "<IMPROVED_VARIABLE>" + prefix + ", improved.</IMPROVED_VARIABLE>", 300, 20);
        var created = api.post("/v1/optimizers", Map.of(
                "params", List.of(Map.of("data", prefix + ": first prompt.", "role", "prompt"),
                        Map.of("data", prefix + ": second prompt.", "role", "prompt")),
                "defaults", Map.of("completion_args", Map.of("model", "gpt-4o"))));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.at("id");
        for (int i = 0; i < 2; i++) {
            String param = created.at("param_groups.0.params." + i + ".id");
            api.post("/v1/optimizers/" + id + "/params/" + param + "/grad", Map.of("data", "Be shorter.", "role", "feedback"));
        }
        return id;
    }

    /** Every span of the trace the step of session {@code id} made, once its last part has arrived. */
    private static List<ReceivedSpan> traceOfStep(String id) throws InterruptedException {
        List<ReceivedSpan> spans = collector.awaitSpans(all -> all.stream().anyMatch(s -> s.name().equals("textopt.step.apply")
                && s.attribute("textopt.session.id").equals(Optional.of(id))), Duration.ofSeconds(20));
        String traceId = only(spans, s -> s.name().equals("textopt.step.start") && s.attribute("textopt.session.id").orElse("").equals(id))
                .traceId();
        // the request's own span ends after the step's parts: wait for it too
        spans = collector.awaitSpans(all -> all.stream().anyMatch(s -> s.traceId().equals(traceId) && s.isRoot()), Duration.ofSeconds(20));
        return spans.stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    private static ReceivedSpan only(List<ReceivedSpan> spans, Predicate<ReceivedSpan> which) {
        List<ReceivedSpan> found = spans.stream().filter(which).toList();
        assertThat(found).as("spans %s", spans.stream().map(ReceivedSpan::name).toList()).hasSize(1);
        return found.get(0);
    }

    private static JsonNode logLine(CapturedOutput output, String message) {
        JsonMapper json = JsonMapper.builder().build();
        return output.getOut().lines().filter(l -> l.contains(message)).findFirst().map(json::readTree)
                .orElseThrow(() -> new AssertionError("no log line with \"" + message + "\" in:\n" + output.getOut()));
    }
}
