package dev.textopt.session;

/**
 * Keeps the answer to a request with its effect. A use case that calls models holds no transaction while
 * they run, so it cannot run inside the one that keeps an {@code Idempotency-Key}'s answer; instead it hands
 * its result to this in the transaction that stores the effect. The web adapter keeps the answer there,
 * so that the effect and its answer are committed together or not at all; anything it throws undoes the
 * effect (the tokens spent are counted all the same).
 */
@FunctionalInterface
public interface AnswerKeeper<T> {

    /** For a request without a key: nothing to keep. */
    AnswerKeeper<Object> NONE = result -> { };

    /** Called once, inside the transaction that stores {@code result}. */
    void keep(T result);

    @SuppressWarnings("unchecked")
    static <T> AnswerKeeper<T> none() {
        return (AnswerKeeper<T>) NONE;
    }
}
