package dev.textopt.session;

import java.util.UUID;

/** No session with this id (or not one the caller may see). */
public class SessionNotFoundException extends RuntimeException {

    public SessionNotFoundException(UUID id) {
        super("no optimizer session " + id);
    }
}
