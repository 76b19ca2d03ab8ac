package dev.textopt.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.protobuf.InvalidProtocolBufferException;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An OpenTelemetry collector over real HTTP on loopback: it takes what textopt's OTLP exporter POSTs to
 * {@code /v1/traces} (protobuf, as the exporter sends it) and hands the spans to a test.
 */
public final class OtlpReceiver implements AutoCloseable {

    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    /** One exported span, its ids in hex as logs and trace viewers show them. */
    public record ReceivedSpan(String traceId, String spanId, String parentSpanId, String name, List<KeyValue> attributes) {

        public boolean isRoot() {
            return parentSpanId.isEmpty();
        }

        public Optional<String> attribute(String key) {
            return attributes.stream().filter(a -> a.getKey().equals(key)).findFirst().map(a -> a.getValue().hasIntValue()
                    ? String.valueOf(a.getValue().getIntValue()) : a.getValue().getStringValue());
        }
    }

    public OtlpReceiver() {
        server.start();
        server.stubFor(post(urlPathEqualTo("/v1/traces")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/x-protobuf")));
    }

    public String tracesEndpoint() {
        return "http://127.0.0.1:" + server.port() + "/v1/traces";
    }

    /** Every span received so far. */
    public List<ReceivedSpan> spans() {
        List<ReceivedSpan> spans = new ArrayList<>();
        for (var request : server.findAll(postRequestedFor(urlPathEqualTo("/v1/traces")))) {
            try {
                for (ResourceSpans resource : ExportTraceServiceRequest.parseFrom(request.getBody()).getResourceSpansList()) {
                    for (ScopeSpans scope : resource.getScopeSpansList()) {
                        scope.getSpansList().forEach(span -> spans.add(received(span)));
                    }
                }
            } catch (InvalidProtocolBufferException e) {
                throw new AssertionError("the exporter sent something that is not an OTLP trace request", e);
            }
        }
        return spans;
    }

    /** The spans received so far once {@code done} holds for them; the exporter sends in batches, every second or so. */
    public List<ReceivedSpan> awaitSpans(Predicate<List<ReceivedSpan>> done, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<ReceivedSpan> spans = spans();
        while (!done.test(spans) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            spans = spans();
        }
        return spans;
    }

    private static ReceivedSpan received(Span span) {
        HexFormat hex = HexFormat.of();
        return new ReceivedSpan(hex.formatHex(span.getTraceId().toByteArray()), hex.formatHex(span.getSpanId().toByteArray()),
                hex.formatHex(span.getParentSpanId().toByteArray()), span.getName(), span.getAttributesList());
    }

    @Override
    public void close() {
        server.stop();
    }
}
