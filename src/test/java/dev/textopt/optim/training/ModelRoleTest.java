package dev.textopt.optim.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.optim.FakeClients;
import dev.textopt.optim.FakeModelClient;
import dev.textopt.optim.Fixtures;
import dev.textopt.optim.ParamGroup;
import dev.textopt.optim.ParamGroupSpec;
import dev.textopt.optim.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which model a pass calls when the request names one, part of one, or none. */
class ModelRoleTest {

    private final FakeModelClient openAi = FakeModelClient.openAi(FakeModelClient::followsCapitalFeedback);
    private final FakeModelClient judge = new FakeModelClient("judge", "OpenAiChatModel", FakeModelClient::followsCapitalFeedback);
    private final List<ParamGroup> groups = Fixtures.tgd(List.of(
            new ParamGroupSpec(List.of(Fixtures.param("a", "x"))),
            new ParamGroupSpec(List.of(Fixtures.param("b", "y")), Map.of("model_client", "judge",
                    "completion_args", Map.of("model", "gpt-4o-mini", "temperature", 0)))),
            Fixtures.defaults(0), openAi, judge).paramGroups();

    @Test
    void defaultsToTheGroupOfTheFirstParameterInvolved() {
        assertThat(ModelRole.resolve(null, null, groups, List.of("ghost", "b", "a")))
                .contains(new ModelRole("judge", Map.of("model", "gpt-4o-mini", "temperature", 0)));
        assertThat(ModelRole.resolve(null, null, groups, List.of("a", "b"))).contains(new ModelRole("openai", Map.of("model", "gpt-4o")));
    }

    @Test
    void givenArgumentsGoToTheGroupsClient() {
        assertThat(ModelRole.resolve(null, Map.of("model", "gpt-4o-mini"), groups, List.of("a")))
                .contains(new ModelRole("openai", Map.of("model", "gpt-4o-mini")));
    }

    @Test
    void aNamedClientGetsOnlyTheArgumentsGivenWithIt() {
        assertThat(ModelRole.resolve("judge", null, groups, List.of("a"))).contains(new ModelRole("judge", Map.of()));
        assertThat(ModelRole.resolve("judge", Map.of("model", "o3"), groups, List.of())).contains(new ModelRole("judge", Map.of("model", "o3")));
    }

    @Test
    void hasNoDefaultWithoutAParameterToTakeItFrom() {
        assertThat(ModelRole.resolve(null, Map.of("model", "o3"), groups, List.of())).isEmpty();
        assertThat(ModelRole.resolve(null, null, groups, List.of("ghost"))).isEmpty();
    }

    @Test
    void namesAnUnconfiguredClientOrRefusedArgumentsUnderThePrefix() {
        FakeClients clients = new FakeClients(openAi, judge);

        assertThat(new ModelRole("anthropic", Map.of()).problems(clients, "evaluator."))
                .containsExactly(new Problem("evaluator.model_client", "no model client named \"anthropic\"; configured clients: judge, openai"));
        assertThat(new ModelRole("openai", Map.of("bogus", 1)).problems(clients, ""))
                .containsExactly(new Problem("completion_args", "unknown completion argument \"bogus\""));
        assertThat(new ModelRole("openai", Map.of("model", "gpt-4o")).problems(clients, "")).isEmpty();
    }
}
