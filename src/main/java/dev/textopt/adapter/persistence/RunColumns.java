package dev.textopt.adapter.persistence;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import dev.textopt.optim.training.ContentItem;
import dev.textopt.session.EvaluateCommand;
import dev.textopt.session.RunCommand;
import dev.textopt.session.StoredRun;
import org.springframework.stereotype.Component;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON of a run's request (its spec) and failure. The request is the session layer's checked command,
 * written as its records are; the two closed hierarchies in it (a content item, an evaluator) carry their
 * kind, declared here rather than in the core. Only a run's own loop reads it back, while the run is active,
 * so a stored spec lives no longer than the version that wrote it plus a deploy.
 */
@Component
class RunColumns {

    private final JsonMapper mapper = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .addMixIn(ContentItem.class, ContentItemKinds.class)
            .addMixIn(EvaluateCommand.Evaluator.class, EvaluatorTypes.class)
            .build();

    String command(RunCommand command) {
        return mapper.writeValueAsString(command);
    }

    RunCommand command(String json) {
        return mapper.readValue(json, RunCommand.class);
    }

    String failure(StoredRun.RunFailure failure) {
        return failure == null ? null : mapper.writeValueAsString(failure);
    }

    StoredRun.RunFailure failure(String json) {
        return json == null ? null : mapper.readValue(json, StoredRun.RunFailure.class);
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
    @JsonSubTypes({@JsonSubTypes.Type(value = ContentItem.Template.class, name = "template"),
        @JsonSubTypes.Type(value = ContentItem.Literal.class, name = "literal"),
        @JsonSubTypes.Type(value = ContentItem.ParamRef.class, name = "param")})
    private interface ContentItemKinds {
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = EvaluateCommand.ExactMatch.class, name = "exact_match"),
        @JsonSubTypes.Type(value = EvaluateCommand.LlmJudge.class, name = "llm_judge"),
        @JsonSubTypes.Type(value = EvaluateCommand.Http.class, name = "http")})
    private interface EvaluatorTypes {
    }
}
