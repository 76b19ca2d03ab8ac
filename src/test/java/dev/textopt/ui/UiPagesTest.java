package dev.textopt.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.optim.Cost;
import dev.textopt.optim.Loss;
import dev.textopt.optim.TokenUsage;
import dev.textopt.optim.Usage;
import dev.textopt.session.RecordHistoryPort;
import dev.textopt.session.StepParamRecord;
import dev.textopt.session.StepRecord;
import dev.textopt.session.UpdateSessionStatePort;
import dev.textopt.support.Api;
import dev.textopt.support.Browser;
import dev.textopt.support.EndToEndTest;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** The web view over real HTTP, without a browser: what the pages contain, escaping, actions, and a long history. */
class UiPagesTest extends EndToEndTest {

    @Autowired
    UpdateSessionStatePort sessions;

    @Autowired
    RecordHistoryPort history;

    @Autowired
    TransactionTemplate tx;

    Api api;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    String create(String data) {
        var created = api.post("/v1/optimizers", Map.of(
                "params", List.of(Map.of("data", data, "role", "system prompt <b>for</b> tests", "requires_grad", true)),
                "defaults", Map.of("completion_args", Map.of("model", "gpt-4o"))));
        assertThat(created.status()).isEqualTo(201);
        return created.at("id");
    }

    /** Every page carries a freshly masked CSRF token; the rest of it is what is compared. */
    static String withoutCsrfTokens(String html) {
        return html.replaceAll("(name=\"_csrf\"[^>]*?(?:value|content)=\")[^\"]+", "$1");
    }

    static int count(String html, String regex) {
        var m = Pattern.compile(regex).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    @Test
    void sessionPageShowsAStepAsADiffWithItsFeedbackAndUsage() throws Exception {
        String id = create("Classify the sentiment of a text.");
        String param = api.get("/v1/optimizers/" + id).at("param_groups.0.params.0.id");
        openAi.answer("Classify the sentiment of a text.", "<IMPROVED_VARIABLE>Classify the sentiment as one word.</IMPROVED_VARIABLE>", 100, 20);
        api.post("/v1/optimizers/" + id + "/params/" + param + "/grad", Map.of("data", "Ask for one word.", "role", "feedback"));
        assertThat(api.post("/v1/optimizers/" + id + "/step", null).status()).isEqualTo(200);

        var page = get("/ui/sessions/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(count(html, "class=\"entry kind-step")).isEqualTo(1);
        assertThat(html).contains("<del>of a text.</del>").contains("<ins>as one word.</ins>");
        assertThat(html).contains("Ask for one word.").contains("gpt-4o").contains("120");
        assertThat(html).contains("system prompt &lt;b&gt;for&lt;/b&gt; tests");
        assertThat(html).doesNotContain("<b>for</b>");
        assertThat(html).contains("hx-get=\"/ui/sessions/" + id + "/charts\"").contains("hx-trigger=\"load\"");
        assertThat(get("/ui/sessions/" + id + "/charts").body()).contains("data-chart=\"{&quot;x&quot;:[1],&quot;loss&quot;:[],&quot;tokens&quot;:[120]");

        var list = get("/ui");
        assertThat(list.body()).contains(id).contains("Classify the sentiment as one word.");

        var stateDict = get("/ui/sessions/" + id + "/state-dict.json");
        assertThat(stateDict.statusCode()).isEqualTo(200);
        assertThat(stateDict.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
        assertThat(stateDict.body()).contains("\"param_groups\"").contains("\"momentum\"");
    }

    @Test
    void aPromptWithMarkupIsShownAsTextEverywhere() throws Exception {
        String id = create("Say hi. <script>alert('x')</script>");
        String html = get("/ui/sessions/" + id).body();
        assertThat(html).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        assertThat(get("/ui").body()).doesNotContain("<script>alert");
    }

    @Test
    void formsEditFeedAndRestoreAndRefusePostsWithoutThePagesCsrfToken() throws Exception {
        String id = create("Original prompt.");
        String param = api.get("/v1/optimizers/" + id).at("param_groups.0.params.0.id");
        var browser = new Browser();
        assertThat(browser.get(port, "/ui/sessions/" + id).body()).contains("name=\"_csrf\"");
        var edited = browser.post(port, "/ui/sessions/" + id + "/params/" + param, "data=Edited+by+hand.&role=a+role");
        assertThat(edited.statusCode()).isEqualTo(302);
        assertThat(api.get("/v1/optimizers/" + id).<String>at("param_groups.0.params.0.data")).isEqualTo("Edited by hand.");

        browser.post(port, "/ui/sessions/" + id + "/params/" + param + "/grad", "data=More+detail.&role=feedback");
        assertThat(api.get("/v1/optimizers/" + id).<List<?>>at("param_groups.0.params.0.grad")).hasSize(1);
        browser.post(port, "/ui/sessions/" + id + "/clear-grad", "");
        assertThat(api.get("/v1/optimizers/" + id).<List<?>>at("param_groups.0.params.0.grad")).isEmpty();

        browser.post(port, "/ui/sessions/" + id + "/restore", "entry=0");
        assertThat(api.get("/v1/optimizers/" + id).<String>at("param_groups.0.params.0.data")).isEqualTo("Original prompt.");

        // Another site can make the browser post, with its cookies, but cannot read the page's token.
        var crossSite = browser.postRaw(port, "/ui/sessions/" + id + "/params/" + param, "data=Evil.", "Origin", "https://evil.example");
        assertThat(crossSite.statusCode()).isEqualTo(403);
        var forged = browser.postRaw(port, "/ui/sessions/" + id + "/clear-grad", "_csrf=forged-token");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(new Browser().postRaw(port, "/ui/sessions/" + id + "/restore", "entry=0").statusCode()).isEqualTo(403);
        assertThat(api.get("/v1/optimizers/" + id).<String>at("param_groups.0.params.0.data")).isEqualTo("Original prompt.");
    }

    @Test
    void anUnknownSessionIsA404Page() throws Exception {
        var page = get("/ui/sessions/" + UUID.randomUUID());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Not found");
    }

    @Test
    void aSessionOf500StepsWithLongPromptsShowsOnePageOfTheTimelineAndEveryStepInTheCharts() throws Exception {
        String longPrompt = "word ".repeat(2000);
        String id = create(longPrompt);
        UUID sessionId = UUID.fromString(id);
        UUID param = UUID.fromString(api.get("/v1/optimizers/" + id).at("param_groups.0.params.0.id"));
        var usage = Map.of("openai", new Usage(new TokenUsage(100, 10), new Cost(new BigDecimal("0.001"), "USD")));
        tx.executeWithoutResult(s -> {
            String before = longPrompt;
            for (int i = 1; i <= 500; i++) {
                String after = before + " step" + i;
                int number = sessions.nextHistoryNumber(sessionId);
                history.insert(sessionId, new StepRecord(number, StepRecord.Kind.STEP, StepRecord.Status.SUCCEEDED,
                        Instant.now(), Instant.now(), 5L, 1, 1, null, new Loss(1.0 / i, "fewer errors"), usage, List.of(),
                        List.of(new StepParamRecord(param, "updated", null, before, after,
                                List.of(new dev.textopt.optim.Gradient("be better " + i, "feedback"))))));
                before = after;
            }
        });

        get("/ui/sessions/" + create("warm-up")); // templates compiled
        long started = System.nanoTime();
        var cold = get("/ui/sessions/" + id);
        long coldMs = (System.nanoTime() - started) / 1_000_000;
        long warmMs = Long.MAX_VALUE;
        HttpResponse<String> page = null;
        for (int i = 0; i < 5; i++) {
            started = System.nanoTime();
            page = get("/ui/sessions/" + id);
            warmMs = Math.min(warmMs, (System.nanoTime() - started) / 1_000_000);
        }
        System.out.println("UI timing: a 500-step session page with 10,000-character prompts: first view " + coldMs
                + " ms, later views (best of 5) " + warmMs + " ms (" + page.body().length() + " characters)");
        assertThat(withoutCsrfTokens(cold.body())).isEqualTo(withoutCsrfTokens(page.body()));
        assertThat(page.body().length()).isLessThan(200_000);
        String html = page.body();
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(count(html, "class=\"entry kind-step")).isEqualTo(20);
        assertThat(html).contains("page 1 of 25 (500 entries)").contains("#500 step").doesNotContain("#480 step");
        assertThat(html).contains("<ins>step500</ins>").contains("unchanged characters");
        started = System.nanoTime();
        String charts = get("/ui/sessions/" + id + "/charts").body();
        long chartsColdMs = (System.nanoTime() - started) / 1_000_000;
        long chartsWarmMs = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t = System.nanoTime();
            get("/ui/sessions/" + id + "/charts");
            chartsWarmMs = Math.min(chartsWarmMs, (System.nanoTime() - t) / 1_000_000);
        }
        System.out.println("UI timing: its charts' section: first request " + chartsColdMs + " ms, later (best of 5) " + chartsWarmMs + " ms");
        String chart = charts.substring(charts.indexOf("data-chart=\""), charts.indexOf("\"", charts.indexOf("data-chart=\"") + 12));
        assertThat(count(chart, "&quot;x&quot;:\\[")).isEqualTo(1);
        assertThat(chart.split("&quot;tokens&quot;:\\[")[1].split("]")[0].split(",")).hasSize(500).endsWith("55000");

        String last = get("/ui/sessions/" + id + "?page=24").body();
        assertThat(count(last, "class=\"entry kind-step")).isEqualTo(20);
        assertThat(last).contains("#0 created").contains("#1 step");
    }
}
