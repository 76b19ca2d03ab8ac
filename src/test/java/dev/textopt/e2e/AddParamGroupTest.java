package dev.textopt.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.EndToEndTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** add_param_group as torch has it: a parameter in one group only, named by its id; a new Variable is a new parameter. */
class AddParamGroupTest extends EndToEndTest {

    private String session;
    private String param;

    private void create() {
        var created = api.post("/v1/optimizers", Map.of("params", List.of(Map.of("data", "First.", "role", "prompt"))));
        session = "/v1/optimizers/" + created.<String>at("id");
        param = created.at("param_groups.0.params.0.id");
    }

    @Test
    void aParameterTheSessionHasIsRefusedNamingItAndTheGroupItIsIn() {
        create();
        var refused = api.post(session + "/param-groups", Map.of("params", List.of(Map.of("id", param), Map.of("data", "New."))));

        assertThat(refused.status()).as(refused.raw()).isEqualTo(400);
        assertThat(refused.<String>at("errors.0.field")).isEqualTo("param_groups[1].params[0]");
        assertThat(refused.<String>at("errors.0.message")).contains(param).contains("already in param_groups[0]")
                .contains("some parameters appear in more than one parameter group");
        assertThat(api.get(session).<List<?>>at("param_groups")).as("nothing was added").hasSize(1);
    }

    @Test
    void eachRepeatAndAnIdTheSessionDoesNotHaveAreNamed() {
        create();
        String unknown = "6f1c0000-0000-4000-8000-00000000beef";
        var refused = api.post(session + "/param-groups", Map.of("params",
                List.of(Map.of("id", param), Map.of("id", param), Map.of("id", unknown))));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.<List<Map<String, String>>>at("errors")).extracting(e -> e.get("field"))
                .containsExactlyInAnyOrder("param_groups[1].params[0]", "param_groups[1].params[1]", "param_groups[1].params[2]");
        assertThat(refused.raw()).contains("the session has no parameter " + unknown);
    }

    @Test
    void anIdThatIsNotAUuidIsRefusedNamingTheField() {
        create();
        var refused = api.post(session + "/param-groups", Map.of("params", List.of(Map.of("id", "p0"))));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.<String>at("errors.0.field")).isEqualTo("params[0].id");
    }

    @Test
    void theSameDataAndRoleTwiceAreTwoNewParameters() {
        create();
        var added = api.post(session + "/param-groups", Map.of("params",
                List.of(Map.of("data", "First.", "role", "prompt"), Map.of("data", "First.", "role", "prompt"))));

        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        List<String> ids = List.of(added.at("params.0.id"), added.at("params.1.id"));
        assertThat(ids).doesNotHaveDuplicates().doesNotContain(param);
    }
}
