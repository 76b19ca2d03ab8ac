package dev.textopt.optim;

import java.util.Optional;

/** The contract of {@link ReplyContract#anyText()}: every reply is usable as it is, so none is re-asked. */
final class AnyText implements ReplyContract<String> {

    static final AnyText CONTRACT = new AnyText();

    private AnyText() {
    }

    @Override
    public Optional<String> read(String reply) {
        return Optional.of(reply);
    }

    @Override
    public String correction(String reply) {
        throw new IllegalStateException("any text is usable; there is nothing to correct");
    }

    @Override
    public String expected() {
        return "any text";
    }
}
