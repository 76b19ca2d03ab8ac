package dev.textopt.session;

/** The tenant holds as many event streams on this instance as it may; one must close first. */
public class TooManyStreamsException extends RuntimeException {

    public TooManyStreamsException(int max) {
        super("you hold " + max + " open event streams on this instance, the most allowed (textopt.events.max-streams-per-tenant); "
                + "close one, or follow several sessions' events with a webhook instead");
    }
}
