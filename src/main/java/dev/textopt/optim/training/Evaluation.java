package dev.textopt.optim.training;

import java.math.BigDecimal;

/** A score from 0 (worst) to 1 (best) for one output, and why it got it. */
public record Evaluation(double score, String explanation) {

    public Evaluation {
        if (!(score >= 0 && score <= 1)) { // also refuses NaN
            throw new IllegalArgumentException("a score must be a number from 0 to 1, got " + score);
        }
        explanation = explanation == null ? "" : explanation;
    }

    /** The score as a person writes it: "0", "0.75", "1". */
    public String scoreText() {
        return BigDecimal.valueOf(score).stripTrailingZeros().toPlainString();
    }

    /** "score: …\nexplanation: …", as the backward prompt's {@code {evaluation}} and a gradient's context show it. */
    public String asText() {
        return "score: " + scoreText() + "\nexplanation: " + explanation;
    }
}
