package dev.textopt.optim.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * afnio's {@code LMJudgeEvaluator}: a model scores each trace's output by the request's criteria (see
 * {@link JudgePrompt}). One call per trace, all at once (bounded as a step's calls), each re-asked once on
 * a reply without a usable score; all-or-nothing.
 */
public final class LlmJudge {

    private final ModelCalls calls;
    private final JudgePrompt prompt;

    public LlmJudge(ModelCalls calls, JudgePrompt prompt) {
        this.calls = calls;
        this.prompt = prompt;
    }

    /**
     * Scores every item.
     *
     * @throws IllegalArgumentException when items have targets but the prompt was made without, or the other way round
     */
    public EvaluationResult evaluate(List<JudgeItem> items) {
        CallBatch<Evaluation> batch = calls.batch();
        for (JudgeItem item : items) {
            batch.add(item.model(), prompt.render(item.trace(), item.target()), JudgeReply.CONTRACT);
        }
        Evaluation[] evaluations = new Evaluation[items.size()];
        List<ItemFailure> failures = new ArrayList<>();
        batch.runAll((i, answer) -> evaluations[i] = answer.value(), (i, cause) -> failures.add(new ItemFailure(i, cause)));
        return failures.isEmpty()
                ? EvaluationResult.Scored.of(Arrays.asList(evaluations), batch.usage())
                : new EvaluationResult.Failed(failures, batch.usage());
    }
}
