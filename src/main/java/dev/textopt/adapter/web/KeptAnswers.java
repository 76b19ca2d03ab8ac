package dev.textopt.adapter.web;

import dev.textopt.session.AnswerKeeper;
import dev.textopt.session.Idempotency;
import dev.textopt.session.IdempotencyStore;
import dev.textopt.session.StoredAnswer;
import jakarta.servlet.http.HttpServletRequest;
import java.util.function.Function;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers of requests that call models (forward, evaluate, backward) and hold no transaction meanwhile, so
 * that {@link AnswerWithEffect} cannot serve them. With an {@code Idempotency-Key}, the answer is kept by
 * the use case in the transaction that stores its result; the filter then finds it kept and sends it as it
 * is. The answer is written to bytes once, so that what is sent and what a retry replays are the same.
 */
@Component
class KeptAnswers {

    private final Idempotency idempotency;
    private final JsonMapper json;

    KeptAnswers(Idempotency idempotency, JsonMapper json) {
        this.idempotency = idempotency;
        this.json = json;
    }

    /** The answer of {@code request}, whose result becomes the JSON {@code toJson} makes of it. */
    <T> KeptAnswer<T> of(HttpServletRequest request, Function<T, ?> toJson) {
        return new KeptAnswer<>((IdempotencyStore.Claim) request.getAttribute(IdempotencyFilter.CLAIM), toJson);
    }

    final class KeptAnswer<T> implements AnswerKeeper<T> {

        private final IdempotencyStore.Claim claim;
        private final Function<T, ?> toJson;
        private byte[] body;

        private KeptAnswer(IdempotencyStore.Claim claim, Function<T, ?> toJson) {
            this.claim = claim;
            this.toJson = toJson;
        }

        @Override
        public void keep(T result) {
            body = json.writeValueAsBytes(toJson.apply(result));
            if (claim != null) {
                idempotency.keepWithEffect(claim, new StoredAnswer(200, MediaType.APPLICATION_JSON_VALUE, null, body));
            }
        }

        /** 200 with the result; the bytes kept for the key, if it has one. */
        ResponseEntity<byte[]> send(T result) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(body != null ? body : json.writeValueAsBytes(toJson.apply(result)));
        }
    }
}
