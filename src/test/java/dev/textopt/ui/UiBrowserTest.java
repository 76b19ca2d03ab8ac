package dev.textopt.ui;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.Api;
import dev.textopt.support.FakeOpenAi;
import dev.textopt.support.PostgresTest;
import dev.textopt.support.Runs;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web view in headless Chromium: a session with three steps made through the API (a fake OpenAI,
 * a WireMock closure for the loss), then what a person sees and does on its page. Skipped when
 * Chromium or chromedriver is not installed. Screenshots land in target/ui-screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "textopt.closure.allowed-hosts=127.0.0.1")
class UiBrowserTest extends PostgresTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target/ui-screenshots");

    static final String V0 = "Classify the sentiment of a text.";
    static final String V1 = "Classify the sentiment of the review as one word.";
    static final String V2 = "Classify the sentiment of the review as exactly one word: positive or negative.";
    static final String V3 = "Label the sentiment of the review as exactly one word: positive, negative or neutral.";

    static final FakeOpenAi openAi = new FakeOpenAi();
    static WebDriver driver;
    static Path profile;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("textopt.model-clients.openai.base-url", openAi::baseUrl);
        registry.add("textopt.model-clients.openai.api-key", () -> FakeOpenAi.API_KEY);
    }

    @BeforeAll
    static void browser() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "UI browser tests skipped: install chromium and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver)");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        profile = Files.createTempDirectory("textopt-ui-chromium");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1800", "--user-data-dir=" + profile);
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void close() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        openAi.close();
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
        driver.manage().window().setSize(new Dimension(1280, 1800));
        openAi.answer(V0, "<IMPROVED_VARIABLE>" + V1 + "</IMPROVED_VARIABLE>", 400, 40);
        openAi.answer(V1, "<IMPROVED_VARIABLE>" + V2 + "</IMPROVED_VARIABLE>", 500, 50);
        openAi.answer(V2, "<IMPROVED_VARIABLE>" + V3 + "</IMPROVED_VARIABLE>", 600, 60);
        for (int step = 1; step <= 3; step++) {
            openAi.server().stubFor(post(urlPathEqualTo("/loss")).withRequestBody(containing("\"step\":" + step + ","))
                    .willReturn(aResponse().withHeader("Content-Type", "application/json")
                            .withBody("{\"score\": " + (1.0 - step * 0.25) + ", \"explanation\": \"errors on the eval set\"}")));
        }
    }

    /** A session whose one parameter went V0 → V1 → V2 → V3 in three steps, each with a closure loss. */
    String sessionWithThreeSteps() {
        var created = api.post("/v1/optimizers", Map.of(
                "params", List.of(Map.of("data", V0, "role", "system prompt for sentiment classification", "requires_grad", true)),
                "defaults", Map.of("completion_args", Map.of("model", "gpt-4o"))));
        String id = created.at("id");
        String param = created.at("param_groups.0.params.0.id");
        String closure = "http://127.0.0.1:" + openAi.server().port() + "/loss";
        for (String feedback : List.of("Ask for one word.", "Name the labels.", "Allow neutral.")) {
            api.post("/v1/optimizers/" + id + "/params/" + param + "/grad", Map.of("data", feedback, "role", "feedback"));
            var step = api.post("/v1/optimizers/" + id + "/step", Map.of("closure", Map.of("url", closure)));
            assertThat(step.status()).as(step.raw()).isEqualTo(200);
            api.post("/v1/optimizers/" + id + "/clear-grad", null);
        }
        return id;
    }

    void open(String path) {
        driver.get("http://localhost:" + port + path);
        waitUpTo(10).until(d -> "complete".equals(js("return document.readyState")));
    }

    Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    void screenshot(String name) throws Exception {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    String currentValue() {
        return driver.findElement(By.cssSelector("article.param pre.value.current")).getText();
    }

    /**
     * htmx swaps parts of the page while a wait looks at them: an element found a moment ago may be gone
     * when its text is read. That is the page updating, not a failure; the wait looks again.
     */
    private WebDriverWait waitUpTo(int seconds) {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    @Test
    void showsThreeStepsWithWordDiffsFeedbackAndCharts() throws Exception {
        String id = sessionWithThreeSteps();
        open("/ui/sessions/" + id);

        List<WebElement> steps = driver.findElements(By.cssSelector("ol.timeline li.entry.kind-step"));
        assertThat(steps).hasSize(3);
        WebElement first = driver.findElement(By.cssSelector("li.entry[data-entry='1']"));
        assertThat(first.findElements(By.cssSelector("pre.diff del")).stream().map(WebElement::getText)).contains("a text.");
        assertThat(first.findElements(By.cssSelector("pre.diff ins")).stream().map(WebElement::getText))
                .contains("the review as one word.");
        WebElement third = driver.findElement(By.cssSelector("li.entry[data-entry='3']"));
        assertThat(third.findElement(By.cssSelector("pre.diff del")).getText().strip()).isEqualTo("Classify");
        assertThat(third.findElement(By.cssSelector("pre.diff ins")).getText().strip()).isEqualTo("Label");
        assertThat(third.getText()).contains("loss 0.25");
        assertThat(third.findElement(By.cssSelector("details.used summary")).getText()).contains("Feedback used (1)");

        assertThat(currentValue()).isEqualTo(V3);
        assertThat(driver.findElement(By.cssSelector(".model-client")).getText()).isEqualTo("openai");
        assertThat(driver.findElement(By.cssSelector(".model")).getText()).isEqualTo("gpt-4o");
        assertThat(driver.findElement(By.id("total-tokens")).getText()).isEqualTo("1,650");

        waitUpTo(10).until(d -> js("return window.textoptCharts && window.textoptCharts.length") != null);
        assertThat(((Number) js("return window.textoptCharts.length")).intValue()).isEqualTo(2);
        assertThat(js("return window.textoptCharts[0].data[1]")).isEqualTo(List.of(0.75, 0.5, 0.25));
        assertThat(js("return window.textoptCharts[1].data[1]")).isEqualTo(List.of(440L, 990L, 1650L));
        assertThat(driver.findElements(By.cssSelector("#loss-chart canvas, #usage-chart canvas"))).hasSize(2);
        screenshot("session-three-steps");

        driver.findElement(By.cssSelector("li.entry[data-entry='3'] details.used summary")).click();
        ((JavascriptExecutor) driver).executeScript("document.getElementById('charts').scrollIntoView()");
        screenshot("session-charts");

        open("/ui");
        assertThat(driver.findElement(By.cssSelector("table.sessions")).getText()).contains(id);
        screenshot("sessions-list");

        driver.manage().window().setSize(new Dimension(390, 1600));
        open("/ui/sessions/" + id);
        long overflow = (Long) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow).as("horizontal overflow on a phone").isLessThanOrEqualTo(0);
        screenshot("session-phone");
        open("/ui");
        screenshot("sessions-list-phone");
    }

    @Test
    void aHandEditPersists() throws Exception {
        String id = sessionWithThreeSteps();
        open("/ui/sessions/" + id);
        driver.findElement(By.cssSelector("article.param details summary")).click();
        WebElement textarea = driver.findElement(By.cssSelector("form.edit-form textarea"));
        textarea.clear();
        textarea.sendKeys("Edited by hand:\nanswer positive or negative.");
        driver.findElement(By.cssSelector("form.edit-form button")).click();
        waitUpTo(10).until(d -> !d.findElements(By.cssSelector("p.notice")).isEmpty());

        assertThat(currentValue()).isEqualTo("Edited by hand:\nanswer positive or negative.");
        assertThat(api.get("/v1/optimizers/" + id).<String>at("param_groups.0.params.0.data"))
                .isEqualTo("Edited by hand:\nanswer positive or negative.");
        WebElement edit = driver.findElement(By.cssSelector("li.entry[data-entry='4']"));
        assertThat(edit.getAttribute("class")).contains("kind-edit");
        assertThat(edit.findElement(By.cssSelector("pre.diff ins")).getText()).contains("Edited by hand:");
        screenshot("session-hand-edit");

        driver.navigate().refresh();
        assertThat(currentValue()).isEqualTo("Edited by hand:\nanswer positive or negative.");
    }

    @Test
    void restoringToStepOneShowsStepOnesValues() throws Exception {
        String id = sessionWithThreeSteps();
        open("/ui/sessions/" + id);
        driver.findElement(By.cssSelector("li.entry[data-entry='1'] form.restore button")).click();
        waitUpTo(10).until(d -> !d.findElements(By.cssSelector("p.notice")).isEmpty());

        assertThat(currentValue()).isEqualTo(V1);
        assertThat(driver.findElement(By.cssSelector("p.notice")).getText()).contains("after entry 1");
        WebElement restore = driver.findElement(By.cssSelector("li.entry[data-entry='4']"));
        assertThat(restore.getText()).contains("restore").contains("to entry 1");
        assertThat(api.get("/v1/optimizers/" + id).<String>at("param_groups.0.params.0.data")).isEqualTo(V1);
        screenshot("session-restored-to-1");
    }

    @Test
    void aPromptWithAScriptTagIsShownAsText() throws Exception {
        String evil = "Be helpful. <script>document.title='owned';alert('x')</script> <img src=x onerror=alert(1)>";
        var created = api.post("/v1/optimizers", Map.of(
                "params", List.of(Map.of("data", evil, "role", "<b>role</b>", "requires_grad", true))));
        String id = created.at("id");
        String param = created.at("param_groups.0.params.0.id");
        api.post("/v1/optimizers/" + id + "/params/" + param + "/grad", Map.of("data", "<script>alert(2)</script>", "role", "feedback"));
        open("/ui/sessions/" + id);

        assertThat(currentValue()).isEqualTo(evil);
        assertThat(driver.getTitle()).doesNotContain("owned");
        assertThat(((Number) js("return document.querySelectorAll('main script, main img').length")).intValue()).isZero();
        assertThat(driver.findElement(By.cssSelector(".grads li")).getText()).contains("<script>alert(2)</script>");
        assertThat(driver.findElement(By.cssSelector("p.role")).getText()).isEqualTo("Role: <b>role</b>");
        try {
            driver.switchTo().alert();
            throw new AssertionError("an alert opened: the prompt ran as script");
        } catch (NoAlertPresentException expected) {
            // shown as text, as it should be
        }
        screenshot("session-script-as-text");
    }

    @Test
    void aTenThousandCharacterPromptStaysInsideItsBoxOnALaptopAndAPhone() throws Exception {
        String longPrompt = ("Consider every review carefully and answer with one label. " .repeat(150)
                + "x".repeat(2_000)).substring(0, 10_000);
        var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", longPrompt, "role", "a very long prompt"))));
        String id = created.at("id");
        String param = created.at("param_groups.0.params.0.id");
        api.patch("/v1/optimizers/" + id + "/params/" + param, Map.of("data", "Start here. " + longPrompt));
        for (var size : List.of(new Dimension(1280, 1800), new Dimension(390, 1600))) {
            driver.manage().window().setSize(size);
            open("/ui/sessions/" + id);
            long overflow = (Long) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow).as("horizontal overflow at " + size).isLessThanOrEqualTo(0);
            long boxHeight = (Long) js("return Math.round(document.querySelector('pre.value.current').getBoundingClientRect().height)");
            assertThat(boxHeight).as("the value scrolls inside its box").isLessThan(400);
            assertThat(driver.findElement(By.cssSelector("li.entry[data-entry='1'] pre.diff")).getText())
                    .contains("Start here.").contains("unchanged characters");
            screenshot("session-long-prompt-" + size.getWidth());
        }
    }

    @Test
    void aStepRunFromThePageShowsProgressThenItsResult() throws Exception {
        String v = "Summarize the ticket.";
        openAi.server().stubFor(openAi.matching(v).willReturn(aResponse().withStatus(200).withFixedDelay(2500)
                .withHeader("Content-Type", "application/json")
                .withBody(Api.json(FakeOpenAi.completion("<IMPROVED_VARIABLE>Summarize the ticket in one sentence.</IMPROVED_VARIABLE>", 50, 5)))));
        var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", v, "role", "prompt"))));
        String id = created.at("id");
        open("/ui/sessions/" + id);
        driver.findElement(By.cssSelector("form.feedback-form textarea")).sendKeys("Ask for one sentence.");
        driver.findElement(By.cssSelector("form.feedback-form button")).click();
        waitUpTo(10).until(d -> d.findElement(By.cssSelector(".grads h4")).getText().contains("(1)"));

        driver.findElement(By.id("run-step")).click();
        waitUpTo(10).until(d -> !d.findElements(By.cssSelector("#progress .running")).isEmpty());
        assertThat(driver.findElement(By.cssSelector("#progress")).getText()).contains("Step 1 running");
        screenshot("session-step-running");

        waitUpTo(20).until(d -> "1".equals(d.findElement(By.id("step-count")).getText()));
        assertThat(currentValue()).isEqualTo("Summarize the ticket in one sentence.");
        assertThat(driver.findElements(By.cssSelector("#progress .running"))).isEmpty();
        assertThat(driver.findElements(By.cssSelector("li.entry.kind-step"))).hasSize(1);
        screenshot("session-step-done");
    }

    @Test
    void aTrainingRunsPageChartsItsScoresMarksTheBestAndFollowsItToItsEnd() throws Exception {
        String prompt = "Answer the question.";
        Runs.play(openAi, prompt, "FORTY-TWO");
        var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", prompt, "role", "system prompt")),
                "defaults", Map.of("completion_args", Map.of("model", "gpt-4o"))));
        String id = created.at("id");
        var train = List.of(Runs.item("q1", "FORTY-TWO"), Runs.item("q2", "no"), Runs.item("q3", "FORTY-TWO"), Runs.item("q4", "FORTY-TWO"));
        var started = api.post("/v1/optimizers/" + id + "/runs", Runs.request(created.at("param_groups.0.params.0.id"), train,
                List.of(Runs.item("q5", "FORTY-TWO"), Runs.item("q6", "no")), "batch_size", 2, "epochs", 2));
        assertThat(started.status()).as(started.raw()).isEqualTo(202);

        open("/ui/sessions/" + id + "/runs/" + started.<String>at("id"));
        waitUpTo(60).until(d -> "succeeded".equals(d.findElement(By.id("run-status")).getText()));
        waitUpTo(10).until(d -> js("return window.textoptRunChart") != null);
        assertThat(js("return window.textoptRunChart.data[1].map(String)")).as("train scores per entry")
                .isEqualTo(List.of("null", "0.5", "1", "0.5", "1"));
        assertThat(js("return window.textoptRunChart.data[3].map(String)")).as("the best validation (the first of equals), ringed")
                .isEqualTo(List.of("0.5", "null", "null", "null", "null"));
        assertThat(driver.findElements(By.cssSelector("table.run-steps tbody tr"))).hasSize(4);
        assertThat(driver.findElement(By.id("run-steps")).getText()).isEqualTo("4 of 4");
        driver.findElement(By.cssSelector("table.run-steps tbody tr[data-entry='4'] details summary")).click();
        assertThat(driver.findElement(By.cssSelector("table.run-steps tbody tr[data-entry='4'] pre")).getText())
                .isEqualTo("#1 system prompt: " + prompt + " Be brief.");
        screenshot("run");

        driver.findElement(By.cssSelector("table.run-steps tbody tr[data-entry='2'] a")).click();
        waitUpTo(10).until(d -> d.getCurrentUrl().endsWith("#entry-2"));
        assertThat(driver.findElement(By.id("entry-2")).getText()).contains("#2 step");
        assertThat(driver.findElement(By.cssSelector("#runs table.runs")).getText()).contains("succeeded").contains("4 of 4 steps");
        screenshot("session-with-a-run");
    }
}
