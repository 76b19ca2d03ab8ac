package dev.textopt.session;

import java.util.UUID;

/** The session's history has no entry with this number. */
public class HistoryEntryNotFoundException extends RuntimeException {

    public HistoryEntryNotFoundException(UUID sessionId, int number, int last) {
        super("optimizer session " + sessionId + " has no history entry " + number + "; its entries are 0 to " + last);
    }
}
