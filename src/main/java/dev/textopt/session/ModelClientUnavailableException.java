package dev.textopt.session;

/** A step needs a model client that cannot be called as configured (for instance it has no API key). */
public class ModelClientUnavailableException extends RuntimeException {

    private final String client;

    public ModelClientUnavailableException(String client, String whatToDo) {
        super("model client \"" + client + "\" is not usable: " + whatToDo);
        this.client = client;
    }

    public String client() {
        return client;
    }
}
