package dev.textopt.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.TrainingEndToEndTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The README's worked example, against models that can be taught: a system prompt that scores 0 by exact
 * match on four inputs scores 1 after one forward → evaluate → backward → step. The README shows the same
 * requests as curl, and this test holds it to them.
 */
class WorkedExampleTest extends TrainingEndToEndTest {

    private static final String[] INPUTS = {"hello world", "good morning", "see you soon", "thank you"};
    private static final List<String> TARGETS = List.of("HELLO WORLD", "GOOD MORNING", "SEE YOU SOON", "THANK YOU");

    @Test
    void theReadmeShowsTheseRequests() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String example = readme.substring(readme.indexOf("## Computing gradients: a worked example"), readme.indexOf("## The API in short"));
        assertThat(example).contains("\"params\": [{\"data\": \"Repeat the text.\", \"role\": \"system prompt\"}]",
                "\"completion_args\": {\"model\": \"gpt-4o-mini\"}", "{\"role\": \"user\", \"content\": [\"{text}\"]}",
                "\"type\": \"exact_match\"", "WorkedExampleTest");
        assertThat(example).contains(Arrays.stream(INPUTS).map(i -> "{\"text\": \"" + i + "\"}").toList());
        assertThat(example).contains(TARGETS.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(", ", "[", "]")));
    }

    @Test
    void aPromptThatScoresZeroIsTaughtTheRuleAndScoresOne() {
        String[] ids = session("Repeat the text.");
        String optimizer = "/v1/optimizers/" + ids[0];

        var traces = forward(ids[0], ids[1], INPUTS);
        var before = api.post(optimizer + "/evaluate", Map.of("traces", traces,
                "evaluator", Map.of("type", "exact_match", "targets", TARGETS)));
        assertThat(before.status()).as(before.raw()).isEqualTo(200);
        assertThat(before.<Number>at("loss.score").doubleValue()).isZero();

        var backward = api.post(optimizer + "/backward", Map.of("traces", traces.stream().map(t -> Map.of("trace_id", t)).toList()));
        assertThat(backward.status()).as(backward.raw()).isEqualTo(200);
        assertThat(backward.<List<Map<String, Object>>>at("gradients")).hasSize(4)
                .allSatisfy(g -> assertThat(g.get("data")).isEqualTo("Answer in upper case."));

        var step = api.post(optimizer + "/step", null);
        assertThat(step.status()).as(step.raw()).isEqualTo(200);
        assertThat(step.<String>at("params.0.data")).isEqualTo("Repeat the text. Answer in upper case.");

        var after = api.post(optimizer + "/evaluate", Map.of("traces", forward(ids[0], ids[1], INPUTS),
                "evaluator", Map.of("type", "exact_match", "targets", TARGETS)));
        assertThat(after.<Number>at("loss.score").doubleValue()).isEqualTo(1.0);
    }
}
