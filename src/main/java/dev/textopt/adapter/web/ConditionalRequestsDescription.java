package dev.textopt.adapter.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * What the OpenAPI description says about ETags and conditional requests ({@link Conditional}): the
 * {@code ETag} of the successful answers of operations marked {@link AnswerWithETag}, what
 * {@code If-Match} and {@code If-None-Match} do where an operation takes them, and a read's 304. The
 * 412 comes from the problem catalog ({@link ProblemType#PRECONDITION_FAILED}).
 */
@Component
class ConditionalRequestsDescription implements OperationCustomizer {

    private static final String ETAG = "The session's version as a strong ETag (on a history entry: its number and status, "
            + "and while it runs its progress). Send it back in If-Match to change only what you read, or in If-None-Match "
            + "to read only what changed. A replayed answer (Idempotent-Replayed) carries none.";

    private static final String IF_MATCH = "Only if the session (for a history entry: the entry) still has this ETag: "
            + "otherwise 412 precondition-failed and nothing changes. Checked in the same transaction as the change. "
            + "* or no header: whatever the version. Weak ETags (W/\"4\") never match.";

    private static final String IF_NONE_MATCH = "Answer 304 Not Modified, without a body, when this is still the ETag.";

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (!handler.hasMethodAnnotation(AnswerWithETag.class)) {
            return operation;
        }
        operation.getResponses().forEach((status, response) -> {
            if (status.startsWith("2")) {
                response.addHeaderObject(HttpHeaders.ETAG, etag());
            }
        });
        if (operation.getParameters() == null) {
            return operation;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (HttpHeaders.IF_MATCH.equals(parameter.getName())) {
                parameter.description(IF_MATCH).example("\"4\"");
            } else if (HttpHeaders.IF_NONE_MATCH.equals(parameter.getName())) {
                parameter.description(IF_NONE_MATCH).example("\"4\"");
                operation.getResponses().addApiResponse("304", new ApiResponse()
                        .description("Not Modified: If-None-Match names the current ETag; no body")
                        .addHeaderObject(HttpHeaders.ETAG, etag()));
            }
        }
        return operation;
    }

    private static Header etag() {
        return new Header().description(ETAG).schema(new StringSchema().example("\"4\""));
    }
}
