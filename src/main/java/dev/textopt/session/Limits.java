package dev.textopt.session;

import dev.textopt.optim.Gradient;
import dev.textopt.optim.run.RunSpec;
import java.util.List;
import org.springframework.stereotype.Component;

/** Checks requests against {@code textopt.limits}; each refusal names the limit and the setting behind it. */
@Component
public class Limits {

    private final LimitSettings limits;

    Limits(LimitSettings limits) {
        this.limits = limits;
    }

    void params(int total, String field) {
        if (total > limits.maxParamsPerSession()) {
            throw new BadRequestException(field, "a session may hold at most " + limits.maxParamsPerSession()
                    + " parameters (textopt.limits.max-params-per-session); this would make " + total);
        }
    }

    void grads(int total, String field) {
        if (total > limits.maxGradsPerParam()) {
            throw new BadRequestException(field, "a parameter may hold at most " + limits.maxGradsPerParam()
                    + " gradients (textopt.limits.max-grads-per-param); this would make " + total + ". Clear the grads with POST …/clear-grad");
        }
    }

    /** Input items of a forward request, traces of an evaluate or backward request. */
    int maxBatchSize() {
        return limits.maxBatchSize();
    }

    void batch(int size, String field, String what) {
        if (size > limits.maxBatchSize()) {
            throw new BadRequestException(field, size + " " + what + "; at most " + limits.maxBatchSize()
                    + " per request (textopt.limits.max-batch-size): split the batch");
        }
    }

    int maxTextLength() {
        return limits.maxTextLength();
    }

    void text(String text, String field) {
        if (text != null && text.length() > limits.maxTextLength()) {
            throw new BadRequestException(field, field + " is " + text.length() + " characters long; at most "
                    + limits.maxTextLength() + " are allowed (textopt.limits.max-text-length)");
        }
    }

    void newParams(List<NewGroup> groups, String field) {
        for (int g = 0; g < groups.size(); g++) {
            var params = groups.get(g).params();
            for (int p = 0; p < params.size(); p++) {
                String at = field + (groups.size() > 1 ? "[" + g + "].params" : "") + "[" + p + "]";
                if (params.get(p) instanceof NewParam param) {
                    text(param.data(), at + ".data");
                    text(param.role(), at + ".role");
                }
            }
        }
    }

    void gradients(List<Gradient> grads, String field) {
        for (int i = 0; i < grads.size(); i++) {
            text(grads.get(i).data(), field + "[" + i + "].data");
            text(grads.get(i).role(), field + "[" + i + "].role");
            text(grads.get(i).context(), field + "[" + i + "].context");
        }
    }

    void sessions(long existing) {
        if (existing >= limits.maxSessionsPerTenant()) {
            throw new QuotaExceededException("you have " + existing + " sessions, the most allowed (textopt.limits.max-sessions-per-tenant); "
                    + "delete sessions you no longer need", false);
        }
    }

    void stepsInFlight(long running) {
        if (running >= limits.maxStepsInFlightPerTenant()) {
            throw new QuotaExceededException(running + " of your steps are running, the most allowed at once "
                    + "(textopt.limits.max-steps-in-flight-per-tenant, TEXTOPT_LIMITS_MAXSTEPSINFLIGHTPERTENANT); retry when one "
                    + "has finished, or ask the operator to raise it", true);
        }
    }

    /** A training run's limits: {@code max-epochs}, {@code max-dataset-size}. */
    RunSpec.Limits runLimits() {
        return new RunSpec.Limits(limits.maxEpochs(), limits.maxDatasetSize());
    }

    /** A run's batch is one forward request, and gives each parameter it trains one gradient per item. */
    void runBatchSize(int size) {
        int max = Math.min(limits.maxBatchSize(), limits.maxGradsPerParam());
        if (size > max) {
            throw new BadRequestException("batch_size", "at most " + max + ": a batch is one forward request (at most "
                    + limits.maxBatchSize() + " items, textopt.limits.max-batch-size) and gives each parameter one gradient per item (at most "
                    + limits.maxGradsPerParam() + ", textopt.limits.max-grads-per-param)");
        }
    }
}
