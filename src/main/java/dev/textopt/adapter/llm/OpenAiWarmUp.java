package dev.textopt.adapter.llm;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.openai.client.OpenAIClient;
import com.openai.core.RequestOptions;
import com.openai.core.http.Headers;
import com.openai.core.http.HttpClient;
import com.openai.core.http.HttpRequest;
import com.openai.core.http.HttpRequestBody;
import com.openai.core.http.HttpResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionCreateParams;

/**
 * Builds what the OpenAI SDK builds on a client's first call, before that call, and without a network call:
 * one chat completion through the client's own code and JSON mapper, answered in memory.
 *
 * <p>BENCHMARKS.md, benchmark 10: a new service's first wave of calls met these parts cold all at once. The
 * SDK looks each request's class up with Kotlin reflection (for Azure's deployment path), which kotlin-reflect
 * builds under one global lock, and reads the answer with a Jackson deserializer that the client's mapper
 * builds on first use under its cache's lock: 800 calls queued behind the one thread building them.
 */
final class OpenAiWarmUp {

    private static final Logger log = LoggerFactory.getLogger(OpenAiWarmUp.class);

    private static final String TEXT = "warm-up";

    /** A whole answer, usage details included, so that the deserializers of all its parts are built. */
    private static final byte[] ANSWER = """
            {"id": "chatcmpl-warm-up", "object": "chat.completion", "created": 1700000000, "model": "warm-up",
             "system_fingerprint": null, "service_tier": "default",
             "choices": [{"index": 0, "finish_reason": "stop", "logprobs": null,
                          "message": {"role": "assistant", "content": "warm-up", "refusal": null, "annotations": []}}],
             "usage": {"prompt_tokens": 2, "completion_tokens": 1, "total_tokens": 3,
                       "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
                       "completion_tokens_details": {"reasoning_tokens": 0, "audio_tokens": 0,
                                                     "accepted_prediction_tokens": 0, "rejected_prediction_tokens": 0}}}
            """.getBytes(StandardCharsets.UTF_8);

    private OpenAiWarmUp() {
    }

    /** True when the canned answer was read back through {@code client}'s code path; never throws. */
    static boolean warm(OpenAIClient client) {
        try {
            var inMemory = new InMemoryAnswer();
            // Not closed: it shares the client's executor and sleeper, which closing would shut down.
            OpenAIClient offline = client.withOptions(options -> options.httpClient(inMemory).maxRetries(0));
            ChatCompletion completion = offline.chat().completions().create(ChatCompletionCreateParams.builder()
                .model(TEXT).addSystemMessage(TEXT).addUserMessage(TEXT).build());
            String content = completion.choices().get(0).message().content().orElse("");
            return inMemory.requests.get() == 1 && content.equals(TEXT) && completion.usage().isPresent();
        }
        catch (RuntimeException | LinkageError e) {
            log.debug("OpenAI client warm-up skipped: {}", e.toString());
            return false;
        }
    }

    /** Sends nothing: writes the request's body as a real client would, and answers with {@link #ANSWER}. */
    private static final class InMemoryAnswer implements HttpClient {

        final AtomicInteger requests = new AtomicInteger();

        @Override
        public HttpResponse execute(HttpRequest request, RequestOptions requestOptions) {
            requests.incrementAndGet();
            HttpRequestBody body = request.body();
            if (body != null) {
                body.writeTo(OutputStream.nullOutputStream());
            }
            return new Answer();
        }

        @Override
        public CompletableFuture<HttpResponse> executeAsync(HttpRequest request, RequestOptions requestOptions) {
            return CompletableFuture.completedFuture(execute(request, requestOptions));
        }

        @Override
        public void close() {
        }
    }

    private static final class Answer implements HttpResponse {

        @Override
        public int statusCode() {
            return 200;
        }

        @Override
        public Headers headers() {
            return Headers.builder().put("Content-Type", "application/json").build();
        }

        @Override
        public InputStream body() {
            return new ByteArrayInputStream(ANSWER);
        }

        @Override
        public void close() {
        }
    }
}
