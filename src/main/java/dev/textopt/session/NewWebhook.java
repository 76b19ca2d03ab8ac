package dev.textopt.session;

import dev.textopt.optim.Problem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * A webhook to register: its URL as sent (checked against the closure allow-list by {@link WebhookService}),
 * the names of the events it wants (at least one, each known), and an optional description.
 */
public record NewWebhook(String url, List<EventType> events, String description) {

    public static final int MAX_DESCRIPTION = 500;

    public NewWebhook {
        events = List.copyOf(new LinkedHashSet<>(events));
    }

    /** Checks what a request sent; every field's problem at once, as a 400 that names them. */
    public static NewWebhook of(String url, List<String> eventNames, String description) {
        var problems = new ArrayList<Problem>();
        if (url == null || url.isBlank()) {
            problems.add(new Problem("url", "is required: the http(s) URL to POST events to"));
        }
        var events = new ArrayList<EventType>();
        if (eventNames == null || eventNames.isEmpty()) {
            problems.add(new Problem("events", "name at least one event, e.g. [\"step.succeeded\", \"run.succeeded\"]"));
        } else {
            for (int i = 0; i < eventNames.size(); i++) {
                String name = eventNames.get(i);
                Optional<EventType> type = name == null ? Optional.empty() : EventType.ofWire(name);
                if (type.isPresent()) {
                    events.add(type.get());
                } else {
                    problems.add(new Problem("events[" + i + "]", "is not an event; use one of "
                            + Arrays.stream(EventType.values()).map(EventType::wire).toList()));
                }
            }
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            problems.add(new Problem("description", "is at most " + MAX_DESCRIPTION + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException(problems.size() == 1 ? "webhook " + problems.get(0).field() + " " + problems.get(0).message()
                    : "the webhook has " + problems.size() + " problems (see errors)", problems);
        }
        return new NewWebhook(url, events, description);
    }
}
