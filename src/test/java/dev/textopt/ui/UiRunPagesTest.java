package dev.textopt.ui;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.Api;
import dev.textopt.support.Browser;
import dev.textopt.support.EndToEndTest;
import dev.textopt.support.FakeOpenAi;
import dev.textopt.support.Runs;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The web view of training runs over real HTTP, without a browser: the session page lists them, a run's page shows it. */
class UiRunPagesTest extends EndToEndTest {

    final HttpClient http = HttpClient.newHttpClient();

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aRunsPageShowsEachStepWithItsScoresThePromptItLeftAndALinkToTheTimeline() throws Exception {
        var api = new Api(port);
        String prompt = "Run page prompt " + UUID.randomUUID();
        Runs.play(openAi, prompt, "DONE");
        var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", prompt, "role", "system prompt")),
                "defaults", Map.of("completion_args", Map.of("model", "gpt-4o"))));
        String id = created.at("id");
        var train = List.of(Runs.item("one", "DONE"), Runs.item("two", "other"), Runs.item("three", "DONE"), Runs.item("four", "other"));
        var started = api.post("/v1/optimizers/" + id + "/runs", Runs.request(created.at("param_groups.0.params.0.id"), train,
                List.of(Runs.item("five", "DONE")), "batch_size", 2));
        assertThat(started.status()).as(started.raw()).isEqualTo(202);
        var run = Runs.finished(api, started.location());
        assertThat(run.<String>at("status")).as(run.raw()).isEqualTo("succeeded");
        String page = "/ui/sessions/" + id + "/runs/" + run.<String>at("id");

        String session = get("/ui/sessions/" + id).body();
        assertThat(session).contains("Training runs").contains("href=\"" + page + "\"").contains("2 of 2 steps")
                .contains("1.00 after entry 0").contains("id=\"entry-2\"");

        String html = get(page).body();
        assertThat(html).contains("id=\"run-status\" class=\"badge\">succeeded").contains(">2 of 2<").contains("1.00 after entry 0");
        assertThat(html).contains("href=\"/ui/sessions/" + id + "?page=0#entry-1\"").contains("href=\"/ui/sessions/" + id + "?page=0#entry-2\"");
        assertThat(html).contains("#1 system prompt: " + prompt + " Be brief.").contains("<td>0.50</td>");
        assertThat(html).contains("data-run-chart=\"{&quot;x&quot;:[0,1,2],&quot;train&quot;:[null,0.5,0.5],"
                + "&quot;validation&quot;:[1.0,null,1.0],&quot;best&quot;:0}");
        assertThat(html).as("no progress polling, no cancel button once it has ended").doesNotContain("hx-trigger=\"every 1s\"")
                .doesNotContain("cancel-run");

        var browser = new Browser();
        browser.get(port, page);
        var cancelled = browser.post(port, page + "/cancel", "");
        assertThat(cancelled.statusCode()).isEqualTo(302);
        assertThat(browser.get(port, page).body()).contains("The run has ended (succeeded).");
        assertThat(get("/ui/sessions/" + id + "/runs/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void aRunningRunsPagePollsItsProgressAndOffersToCancelIt() throws Exception {
        var api = new Api(port);
        String prompt = "Slow run page prompt " + UUID.randomUUID();
        openAi.server().stubFor(openAi.matching(prompt).willReturn(aResponse()
                .withFixedDelay(2000).withHeader("Content-Type", "application/json")
                .withBody(Api.json(FakeOpenAi.completion("slow", 10, 1)))));
        var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", prompt, "role", "system prompt"))));
        String id = created.at("id");
        var started = api.post("/v1/optimizers/" + id + "/runs", Runs.request(created.at("param_groups.0.params.0.id"),
                List.of(Runs.item("one", "DONE")), List.of()));
        String page = "/ui/sessions/" + id + "/runs/" + started.<String>at("id");

        String html = get(page).body();
        assertThat(html).contains("hx-get=\"" + page + "/progress\"").contains("hx-trigger=\"every 1s\"").contains("id=\"cancel-run\"");
        var browser = new Browser();
        browser.get(port, page);
        assertThat(browser.post(port, page + "/cancel", "").statusCode()).isEqualTo(302);
        var run = Runs.finished(api, started.location());
        assertThat(run.<String>at("status")).isEqualTo("cancelled");
        var progress = get(page + "/progress");
        assertThat(progress.headers().firstValue("HX-Refresh")).as("the page reloads once the run has ended").contains("true");
    }
}
