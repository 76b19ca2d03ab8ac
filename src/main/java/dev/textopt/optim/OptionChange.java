package dev.textopt.optim;

/** One option of a param group as it was and as it is now (JSON-like values, as the group keeps them). */
public record OptionChange(Object before, Object after) {
}
