package dev.textopt.adapter.web;

import dev.textopt.session.Versioned;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;

/**
 * The latest answers of one kind of read (a session, a parameter, a state dict), each with the session
 * version it shows, so that a read of what has not changed since is answered without loading and building
 * it again: clients that poll a session pay one narrow query (BENCHMARKS.md, section 12).
 * <p>
 * A read asks the session's version first (the tenant's own: a session of another tenant is not found,
 * whatever is kept here). Conditions are decided on that version alone, as {@link Conditional} has it;
 * then an answer kept at that very version is answered, else the read loads, keeps and answers. A kept
 * answer is never stale, because every change of what a read shows gives the session a new version (the
 * {@code ETag} relies on that too); several instances each keep their own, checked against the database on
 * every read. Bounded: the {@value #CAPACITY} answers read most recently.
 */
final class RecentReads<T> {

    static final int CAPACITY = 256;

    /** A session's read, or one of its parts (a parameter); {@code part} is null for the session itself. */
    record Key(UUID session, UUID part) {
    }

    private final Map<Key, Versioned<T>> kept = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Versioned<T>> eldest) {
            return size() > CAPACITY;
        }
    });

    /**
     * The answer to a read of {@code key}: 412 or 304 as {@code If-Match} and {@code If-None-Match} ask at the
     * current {@code version} (empty: not there, and {@code load} answers 404), else the body at that version.
     */
    ResponseEntity<T> read(Key key, Supplier<OptionalLong> version, Supplier<Versioned<T>> load, String ifMatch, String ifNoneMatch) {
        OptionalLong current = version.get();
        if (current.isEmpty()) {
            kept.remove(key);
            return answer(load.get(), ifMatch, ifNoneMatch);
        }
        ResponseEntity<T> decided = Conditional.decide(Conditional.etag(current.getAsLong()), ifMatch, ifNoneMatch);
        if (decided != null) {
            return decided;
        }
        Versioned<T> hit = kept.get(key);
        if (hit != null && hit.version() == current.getAsLong()) {
            return Conditional.ok(hit.value(), hit.version());
        }
        Versioned<T> loaded = load.get();
        kept.put(key, loaded);
        return answer(loaded, ifMatch, ifNoneMatch);
    }

    /** A load's answer: it may be of a newer version than asked (a write came in between), so the conditions are decided again. */
    private static <T> ResponseEntity<T> answer(Versioned<T> loaded, String ifMatch, String ifNoneMatch) {
        return Conditional.read(loaded.value(), Conditional.etag(loaded.version()), ifMatch, ifNoneMatch);
    }
}
