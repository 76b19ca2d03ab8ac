package dev.textopt.optim.training;

import dev.textopt.optim.ChatMessage;
import dev.textopt.optim.FakeClients;
import dev.textopt.optim.Fixtures;
import dev.textopt.optim.ModelClient;
import dev.textopt.optim.Problem;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Small builders shared by the training tests. */
final class TrainingFixtures {

    static final ModelRole GPT_4O = new ModelRole("openai", Map.of("model", "gpt-4o"));

    private TrainingFixtures() {
    }

    /** Calls run on the test's thread: deterministic, for tests that are not about concurrency. */
    static ModelCalls inline(ModelClient... clients) {
        return ModelCalls.of(new FakeClients(clients), Fixtures.PRICES, Fixtures.INLINE);
    }

    static ContentItem text(String template) {
        return ContentItem.template(template);
    }

    static Trace trace(String id, String user, String output, TraceParam... params) {
        return new Trace(id, List.of(ChatMessage.system(params.length == 0 ? "Be helpful." : params[0].data()), ChatMessage.user(user)),
                Map.of("text", user), output, List.of(params));
    }

    static TraceParam param(String id, String data) {
        return new TraceParam(id, data, "system prompt", true);
    }

    /** The problems of the request {@code call} refuses, as "field: message". */
    static List<Problem> problemsOf(ThrowableAssert.ThrowingCallable call) {
        InvalidTrainingRequestException[] caught = new InvalidTrainingRequestException[1];
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidTrainingRequestException.class, e -> caught[0] = e);
        return caught[0].problems();
    }
}
