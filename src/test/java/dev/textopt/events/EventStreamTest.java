package dev.textopt.events;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.Api;
import dev.textopt.support.FakeOpenAi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * GET …/events end to end: a step's events arrive in order as Server-Sent Events, a stream resumes after
 * Last-Event-ID, heartbeats keep an idle stream open, another tenant's session is not found, and a tenant's
 * open streams are bounded.
 */
class EventStreamTest extends EventsEndToEndTest {

    /** One Server-Sent Event: its id, name and the Event JSON of its data. */
    record Sse(long id, String event, Map<String, Object> json) {

        @SuppressWarnings("unchecked")
        Map<String, Object> data() {
            return (Map<String, Object>) json.get("data");
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void aStepsEventsArriveInOrderAndAResumedStreamSendsOnlyTheRest() throws Exception {
        var a = new Api(port, KEY_A);
        String session = sessionWithFeedback(a, "Stream prompt one.", "Stream prompt two.");
        var streamed = CompletableFuture.supplyAsync(() -> streamWhenFree(a, session, hasEvent("step.succeeded"), "Last-Event-ID", "0"));
        var accepted = a.post(session + "/step", null, "Prefer", "respond-async");
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(202);

        var answer = streamed.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("text/event-stream");
        List<Sse> events = parse(answer.raw());
        // Progress writes are coalesced: calls that end together leave no step.progress between them.
        Sse last = events.get(events.size() - 1);
        assertThat(events).extracting(Sse::event).startsWith("step.started").endsWith("step.succeeded")
                .hasSizeBetween(2, 3);
        assertThat(events.subList(1, events.size() - 1)).allSatisfy(progress -> {
            assertThat(progress.event()).isEqualTo("step.progress");
            assertThat(progress.data()).containsEntry("step", 1).containsEntry("done", 1).containsEntry("total", 2);
        });
        assertThat(events).extracting(Sse::id).isSorted().doesNotHaveDuplicates();
        assertThat(events.get(0).data()).containsEntry("step", 1).containsEntry("total", 2);
        assertThat(last.data()).containsEntry("step", 1).containsEntry("updated", 2);
        assertThat(last.json()).containsEntry("type", "step.succeeded").containsEntry("id", (int) last.id())
                .containsEntry("session_id", session.substring(session.lastIndexOf('/') + 1));

        var resumed = streamWhenFree(a, session, hasEvent("step.succeeded"), "Last-Event-ID", Long.toString(events.get(0).id()));
        assertThat(parse(resumed.raw())).containsExactlyElementsOf(events.subList(1, events.size()));
    }

    @Test
    void aFailedStepIsAnEventThatSaysWhy() {
        var a = new Api(port, KEY_A);
        openAi.server().stubFor(openAi.matching("Failing stream prompt.").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":{\"message\":\"bad request\"}}")));
        String session = unansweredSessionWithFeedback(a, "Failing stream prompt.");
        assertThat(a.post(session + "/step", null).status()).isEqualTo(502);

        var answer = streamWhenFree(a, session, hasEvent("step.failed"), "Last-Event-ID", "0");
        List<Sse> events = parse(answer.raw());
        assertThat(events).extracting(Sse::event).containsExactly("step.started", "step.failed");
        @SuppressWarnings("unchecked")
        var failures = (List<Map<String, Object>>) events.get(1).data().get("failures");
        assertThat(failures).singleElement().satisfies(f -> assertThat(f).containsKeys("param_id", "reason", "detail"));
    }

    @Test
    void withoutLastEventIdAStreamStartsAtTheNextEventAndHeartbeatsKeepItOpen() {
        var a = new Api(port, KEY_A);
        String session = sessionWithFeedback(a, "Quiet stream prompt.");
        assertThat(a.post(session + "/step", null).status()).isEqualTo(200);

        var idle = streamWhenFree(a, session, text -> text.split(":heartbeat", -1).length > 3);
        assertThat(idle.status()).isEqualTo(200);
        assertThat(idle.raw()).doesNotContain("event:").contains(":heartbeat");
    }

    @Test
    void anotherTenantsSessionIsNotFoundAndABadLastEventIdIsRefused() {
        var a = new Api(port, KEY_A);
        var b = new Api(port, KEY_B);
        String session = a.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", "Private.", "role", "prompt")))).location();

        var foreign = b.stream(session + "/events", text -> false, PATIENCE, "Last-Event-ID", "0");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.contentType()).startsWith("application/problem+json");
        assertThat(foreign.raw()).doesNotContain("Private.");

        var bad = streamWhenFree(a, session, text -> false, "Last-Event-ID", "yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.<String>at("detail")).contains("Last-Event-ID");
    }

    @Test
    void aTenantHoldsOnlySoManyOpenStreamsAndGetsOneBackWhenOneCloses() throws Exception {
        var c = new Api(port, KEY_C);
        String session = c.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", "Bounded.", "role", "prompt")))).location();
        var open = new CountDownLatch(2);
        var letGo = new AtomicBoolean();
        var held = new ArrayList<CompletableFuture<Api.Response>>();
        for (int i = 0; i < 2; i++) {
            var seen = new AtomicBoolean();
            held.add(CompletableFuture.supplyAsync(() -> c.stream(session + "/events", text -> {
                if (text.contains(":heartbeat") && !seen.getAndSet(true)) {
                    open.countDown();
                }
                return letGo.get();
            }, PATIENCE)));
        }
        assertThat(open.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();

        var refused = c.stream(session + "/events", text -> false, PATIENCE);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.<String>at("type")).isEqualTo("https://textopt.dev/problems/too-many-streams");
        assertThat(refused.<String>at("detail")).contains("textopt.events.max-streams-per-tenant");
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();

        letGo.set(true);
        for (var stream : held) {
            stream.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
        // The server notices a stream's client has gone at its next heartbeat, and gives its place back.
        long until = System.nanoTime() + PATIENCE.toNanos();
        int status;
        do {
            Thread.sleep(100);
            status = c.stream(session + "/events", text -> text.contains(":heartbeat"), PATIENCE).status();
        } while (status == 429 && System.nanoTime() < until);
        assertThat(status).isEqualTo(200);
    }

    /** A session of the key's tenant whose parameters each have feedback, the model answering each after a moment. */
    static String sessionWithFeedback(Api as, String... prompts) {
        for (String prompt : prompts) {
            openAi.server().stubFor(openAi.matching(prompt).willReturn(aResponse().withStatus(200).withFixedDelay(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(Api.json(FakeOpenAi.completion("<IMPROVED_VARIABLE>" + prompt + " Better.</IMPROVED_VARIABLE>", 10, 3)))));
        }
        return unansweredSessionWithFeedback(as, prompts);
    }

    /** The same, with the model's answers left to the caller. */
    static String unansweredSessionWithFeedback(Api as, String... prompts) {
        var created = as.post("/v1/optimizers", Map.of("params", java.util.Arrays.stream(prompts)
                .map(p -> Map.of("data", p, "role", "prompt")).toList()));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String session = created.location();
        for (int i = 0; i < prompts.length; i++) {
            String param = created.at("param_groups.0.params." + i + ".id");
            as.post(session + "/params/" + param + "/grad", Map.of("data", "Be more specific.", "role", "feedback"));
        }
        return session;
    }

    /**
     * A stream of tenant A's session, once the tenant has a place for it: each test's streams hold one of the
     * tenant's two places until the server's next heartbeat notices their client has gone.
     */
    static Api.Response streamWhenFree(Api as, String session, Predicate<String> until, String... headers) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Api.Response answer = as.stream(session + "/events", until, PATIENCE, headers);
        while (answer.status() == 429 && System.nanoTime() < deadline) {
            sleep(100);
            answer = as.stream(session + "/events", until, PATIENCE, headers);
        }
        return answer;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Read so far: the event named {@code name}, its data line included (the server writes {@code event:name}). */
    static Predicate<String> hasEvent(String name) {
        var whole = Pattern.compile("event: ?" + Pattern.quote(name) + "\ndata:[^\n]*\n");
        return text -> whole.matcher(text).find();
    }

    @SuppressWarnings("unchecked")
    static List<Sse> parse(String text) {
        var events = new ArrayList<Sse>();
        for (String block : text.split("\n\n")) {
            Long id = null;
            String event = null;
            String data = null;
            for (String line : block.split("\n")) {
                if (line.startsWith("id:")) {
                    id = Long.parseLong(line.substring(3).trim());
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data = line.substring(5).trim();
                }
            }
            if (event != null) {
                events.add(new Sse(id, event, JSON.readValue(data, Map.class)));
            }
        }
        return events;
    }
}
