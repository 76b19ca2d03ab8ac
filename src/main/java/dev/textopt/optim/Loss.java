package dev.textopt.optim;

/** What a closure says about the current parameters: a score (number or text) and why. Passed through untouched. */
public record Loss(Object score, String explanation) {
}
