package dev.textopt.session;

import java.util.UUID;

/** The session has no parameter with this id. */
public class ParamNotFoundException extends RuntimeException {

    public ParamNotFoundException(UUID sessionId, UUID paramId) {
        super("optimizer session " + sessionId + " has no parameter " + paramId);
    }
}
