package dev.textopt.adapter.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.callbacks.Callback;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The OpenAPI description served at {@code /v3/api-docs}. Schemas come from the request and answer
 * records ({@link ApiModelResolver}); operations from the controllers' annotations. What annotations
 * cannot say is added here: the problem answers of every operation, from the {@link ProblemType}
 * catalog, the Idempotency-Key header, the security scheme and the server.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    /** The operations that compute gradients, calling models (or an http evaluator) as a step does. */
    private static final Set<String> GRADIENTS = Set.of("forward", "evaluate", "backward");

    @Bean
    ApiModelResolver apiModelResolver(ObjectMapperProvider mappers) {
        return new ApiModelResolver(mappers.jsonMapper());
    }

    @Bean
    OpenAPI textoptOpenApi(@Value("${textopt.api-docs.license-name:Proprietary}") String licenseName,
            @Value("${textopt.api-docs.license-url:}") String licenseUrl) {
        var license = new License().name(licenseName);
        if (!licenseUrl.isBlank()) {
            license.url(licenseUrl);
        }
        var components = new Components()
                .addSecuritySchemes("bearerAuth", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API key from TEXTOPT_SECURITY_API_KEYS, as Authorization: Bearer <key>; it names "
                                + "the tenant whose sessions the request sees. Without one, or with a wrong one: 401 with "
                                + "WWW-Authenticate: Bearer. Not needed in single-user mode (no keys configured)."))
                .addParameters("IdempotencyKey", new Parameter().in("header").name(IdempotencyFilter.HEADER).required(false)
                        .description("Any unique text. A retry with the same key and body gets the first answer "
                                + "again (Idempotent-Replayed: true); the same key with another body is a 422; while "
                                + "the first is still being answered, a 409: retry with the same key. After a lost "
                                + "answer (a crash, a 502), retrying with the same key does the work exactly once.")
                        .schema(new StringSchema().minLength(1).maxLength(IdempotencyFilter.MAX_KEY_LENGTH)));
        return new OpenAPI()
                .info(new Info().title("textopt").version("1")
                        .description("Textual Gradient Descent (TGD) over LLM prompts as durable sessions. The words "
                                + "are those of afnio.optim.TGD and torch.optim: params, defaults, add_param_group, "
                                + "clear_grad, step, state_dict, load_state_dict. JSON is snake_case; errors are "
                                + "RFC 9457 application/problem+json.")
                        .license(license))
                .servers(List.of(new Server().url("/").description("this service")))
                .components(components)
                .security(List.of(new SecurityRequirement().addList("bearerAuth"), new SecurityRequirement()));
    }

    @Bean
    OpenApiCustomizer problemAnswers(ApiModelResolver models) {
        return openApi -> {
            var converters = new ModelConverters(false);
            converters.addConverter(models);
            converters.readAll(ProblemJson.class).forEach(openApi.getComponents()::addSchemas);
            converters.readAll(EventJson.class).forEach(openApi.getComponents()::addSchemas); // the data of a stream's events
            webhookDeliveries(openApi.getPaths().get("/v1/webhooks"));
            problemTypes(openApi.getComponents().getSchemas().get("Problem"));
            var used = new TreeSet<Integer>();
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> used.addAll(describe(path, method, operation))));
            used.forEach(status -> openApi.getComponents().addResponses(name(status), response(status)));
            openApi.getComponents().setSchemas(new TreeMap<>(openApi.getComponents().getSchemas()));
        };
    }

    /** What a registered webhook receives: the same Event a stream sends, POSTed to its url (an OpenAPI callback). */
    private static void webhookDeliveries(PathItem webhooks) {
        if (webhooks == null || webhooks.getPost() == null) {
            return;
        }
        var delivery = new Operation().operationId("receiveEvent").summary("An event, delivered to a webhook's url")
                .description("Signed as Standard Webhooks are: the headers webhook-id, webhook-timestamp and webhook-signature "
                        + "(v1,<base64 HMAC-SHA256 of id.timestamp.body under the webhook's secret>). Any 2xx acknowledges the "
                        + "delivery; anything else, or no answer within the timeout, is retried with backoff for a day.")
                .requestBody(new RequestBody().required(true).content(new Content().addMediaType(
                        "application/json",
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Event")))))
                .responses(new ApiResponses().addApiResponse("2XX", new ApiResponse().description("Delivered")));
        webhooks.getPost().addCallback("event", new Callback().addPathItem("{$request.body#/url}", new PathItem().post(delivery)));
    }

    /** A problem's {@code type} is one of the catalog's. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void problemTypes(Schema problem) {
        Schema type = (Schema) problem.getProperties().get("type");
        type.setEnum(Arrays.stream(ProblemType.values()).map(t -> t.uri().toString()).toList());
    }

    /** Gives an operation the problem answers of the catalog that apply to it; returns their statuses. */
    private static Set<Integer> describe(String path, PathItem.HttpMethod method, Operation operation) {
        var statuses = new TreeSet<Integer>();
        for (ProblemType type : ProblemType.values()) {
            if (applies(type.where(), path, method, operation)) {
                statuses.add(type.status().value());
            }
        }
        operation.getResponses().keySet().removeIf(status -> status.startsWith("4") || status.startsWith("5"));
        statuses.forEach(status -> operation.getResponses().addApiResponse(String.valueOf(status),
                new ApiResponse().$ref("#/components/responses/" + name(status))));
        if (method == PathItem.HttpMethod.POST) {
            operation.addParametersItem(new Parameter().$ref("#/components/parameters/IdempotencyKey"));
        }
        return statuses;
    }

    private static boolean applies(ProblemType.Where where, String path, PathItem.HttpMethod method, Operation operation) {
        return switch (where) {
            case EVERY_OPERATION -> true;
            case ON_A_SESSION -> path.contains("{id}");
            case CHANGES -> method != PathItem.HttpMethod.GET;
            case WITH_A_BODY -> operation.getRequestBody() != null;
            case POST -> method == PathItem.HttpMethod.POST;
            case STEP -> "step".equals(operation.getOperationId());
            case CONDITIONAL -> operation.getParameters() != null
                    && operation.getParameters().stream().anyMatch(p -> HttpHeaders.IF_MATCH.equals(p.getName()));
            case MODEL_CALLS -> "step".equals(operation.getOperationId()) || GRADIENTS.contains(operation.getOperationId())
                    || "createRun".equals(operation.getOperationId()); // a run is refused before it starts as they are
            case GRADIENTS -> GRADIENTS.contains(operation.getOperationId());
            case BACKWARD -> "backward".equals(operation.getOperationId());
            case EVENTS -> "streamEvents".equals(operation.getOperationId());
            case CREATE_WEBHOOK -> "createWebhook".equals(operation.getOperationId());
            case NO_OPERATION -> false;
        };
    }

    /** The answer of one status, shared by the operations: every type of the status, each with an example. */
    private static ApiResponse response(int status) {
        var media = new MediaType().schema(new Schema<>().$ref(PROBLEM_SCHEMA));
        var types = Arrays.stream(ProblemType.values())
                .filter(t -> t.status().value() == status && t.where() != ProblemType.Where.NO_OPERATION).toList();
        for (ProblemType type : types) {
            media.addExamples(type.slug(), new Example().summary(type.title()).value(example(type)));
        }
        return new ApiResponse().description(String.join("; ", types.stream().map(t -> t.slug() + ": " + t.when()).toList()))
                .content(new Content().addMediaType(PROBLEM_JSON, media));
    }

    private static Map<String, Object> example(ProblemType type) {
        var example = new LinkedHashMap<String, Object>();
        example.put("type", type.uri().toString());
        example.put("title", type.title());
        example.put("status", type.status().value());
        example.put("detail", type.example());
        example.put("instance", "/v1/optimizers/6f1c2d1e-0000-4000-8000-000000000001");
        return example;
    }

    /** {@code BadRequest}, {@code NotFound}, …: the status's reason phrase in UpperCamelCase. */
    private static String name(int status) {
        return Arrays.stream(HttpStatus.valueOf(status).getReasonPhrase().split("[ -]"))
                .map(word -> word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1))
                .reduce("", String::concat);
    }
}
