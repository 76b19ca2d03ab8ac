package dev.textopt.optim;

import java.util.Optional;

/**
 * What a model's reply must contain to be usable, e.g. a value inside {@code <IMPROVED_VARIABLE>}, a
 * {@code <SCORE>} with an {@code <EXPLANATION>}, or {@code <FEEDBACK>}. A {@link ContractCall} reads the
 * reply with it, and re-asks once with {@link #correction} when the reply breaks it.
 *
 * @param <T> what a usable reply yields
 */
public interface ReplyContract<T> {

    /** What the reply yields, or empty when it breaks the contract. */
    Optional<T> read(String reply);

    /**
     * The user turn of the one re-ask, after the broken reply: what was wrong with it and what to answer.
     * Only called for a reply {@link #read} refused.
     */
    String correction(String reply);

    /**
     * What a usable reply holds, completing "the model answered twice without …", e.g. "a value inside
     * &lt;IMPROVED_VARIABLE&gt;…&lt;/IMPROVED_VARIABLE&gt;". Ends up in the failure a user sees.
     */
    String expected();

    /** Any text is usable as it is: a forward call, which has no output contract, is never re-asked. */
    static ReplyContract<String> anyText() {
        return AnyText.CONTRACT;
    }
}
