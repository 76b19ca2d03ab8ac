package dev.textopt.session;

/**
 * A step started to run on in the background: its history entry's number and status. {@code replayed}:
 * an earlier request with the same {@code Idempotency-Key} started it.
 */
public record StepStart(int number, StepRecord.Status status, boolean replayed) {
}
