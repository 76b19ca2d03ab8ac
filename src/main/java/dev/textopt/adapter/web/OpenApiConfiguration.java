package dev.textopt.adapter.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /v3/api-docs}. The controllers answer with ordered maps
 * (see {@link Json}), so the shapes of API.md are declared here as named schemas, and one customizer
 * gives every operation its request and success schemas and the problem+json answers it can give,
 * instead of repeating {@code @ApiResponse} on every handler.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    /** Success answer and request body of each operation, by operation id. */
    private record Shape(String status, String response, String request) {
    }

    private static final Map<String, Shape> SHAPES = Map.ofEntries(
            Map.entry("createOptimizer", new Shape("201", "Session", "CreateRequest")),
            Map.entry("listOptimizers", new Shape("200", "SessionPage", null)),
            Map.entry("getOptimizer", new Shape("200", "Session", null)),
            Map.entry("deleteOptimizer", new Shape("204", null, null)),
            Map.entry("addParamGroup", new Shape("201", "ParamGroup", "ParamGroupRequest")),
            Map.entry("getParam", new Shape("200", "Parameter", null)),
            Map.entry("patchParam", new Shape("200", "Parameter", "PatchRequest")),
            Map.entry("appendGrad", new Shape("200", "Parameter", "GradRequest")),
            Map.entry("clearGrad", new Shape("200", "Session", null)),
            Map.entry("step", new Shape("200", "StepResult", "StepRequest")),
            Map.entry("listSteps", new Shape("200", "HistoryPage", null)),
            Map.entry("getStep", new Shape("200", "HistoryEntry", null)),
            Map.entry("restoreStep", new Shape("200", "Session", null)),
            Map.entry("getStateDict", new Shape("200", "StateDict", null)),
            Map.entry("loadStateDict", new Shape("200", "Session", "LoadStateDictRequest")));

    /** The problem answers, shared in components/responses: status → (name, title, example detail). */
    private static final Map<String, List<String>> PROBLEMS = Map.ofEntries(
            Map.entry("400", List.of("BadRequest", "invalid-request", "Invalid request",
                    "params[0].data contains a lone surrogate (\\ud800) at character 5, which is not Unicode text and cannot be "
                            + "stored; send valid UTF-8 / UTF-16")),
            Map.entry("402", List.of("BudgetSpent", "budget-exhausted", "Budget spent",
                    "this session has spent 5.01 USD of its budget of 5 USD; no further step starts")),
            Map.entry("429", List.of("TooManySteps", "too-many-steps", "Too many steps running",
                    "16 of your steps are running, the most allowed at once; retry when one has finished")),
            Map.entry("401", List.of("Unauthorized", "unauthorized", "Unauthorized",
                    "send your API key as Authorization: Bearer <key>")),
            Map.entry("404", List.of("NotFound", "not-found", "Not found", "no optimizer session with this id")),
            Map.entry("409", List.of("Conflict", "step-running", "A step is running",
                    "a step of this session is running; retry when it has finished")),
            Map.entry("413", List.of("PayloadTooLarge", "payload-too-large", "Request body too large",
                    "the body is larger than 1MB; send less")),
            Map.entry("415", List.of("UnsupportedMediaType", "unsupported-media-type", "Unsupported media type",
                    "send JSON with Content-Type: application/json")),
            Map.entry("422", List.of("IdempotencyKeyReused", "idempotency-key-reused", "Idempotency-Key reused",
                    "this Idempotency-Key was used with another body; use a new key")),
            Map.entry("500", List.of("InternalError", "internal-error", "Internal error", "an unexpected error")),
            Map.entry("502", List.of("StepFailed", "step-failed", "Step failed; no parameter changed",
                    "the model call for parameter b2e0… failed: HTTP 500 after 3 retries; no parameter changed")),
            Map.entry("503", List.of("Unavailable", "model-client-unavailable", "Model client not configured",
                    "model client \"openai\" has no API key; set OPENAI_API_KEY")),
            Map.entry("504", List.of("StepTimedOut", "step-timeout", "Step failed; no parameter changed",
                    "every model call timed out; no parameter changed")));

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
                .addParameters("IdempotencyKey", new Parameter().in("header").name("Idempotency-Key").required(false)
                        .description("Any unique text. A retry with the same key and body gets the first answer "
                                + "again (Idempotent-Replayed: true); the same key with another body is a 422; while "
                                + "the first is still being answered, a 409: retry with the same key. After a lost "
                                + "answer (a crash, a 502), retrying with the same key does the work exactly once.")
                        .schema(Schemas.string(null)));
        PROBLEMS.forEach((status, p) -> components.addResponses(p.get(0), problemResponse(status, p)));
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
    OpenApiCustomizer textoptOperationShapes() {
        return openApi -> {
            // All schemas are ours (the generated ones of the request records would be camelCase), set
            // here rather than in the bean because springdoc drops components unreferenced at that time.
            openApi.getComponents().setSchemas(new java.util.TreeMap<>(Schemas.all()));
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> describe(path, method, operation)));
        };
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        Shape shape = SHAPES.get(operation.getOperationId());
        if (shape == null) {
            return;
        }
        var responses = new ApiResponses();
        var success = new ApiResponse().description(successDescription(shape.status()));
        if (shape.response() != null) {
            success.content(json(JSON, shape.response()));
        }
        if ("201".equals(shape.status())) {
            success.addHeaderObject("Location", new Header().description("where the new resource is")
                    .schema(Schemas.string(null)));
        }
        responses.addApiResponse(shape.status(), success);
        if ("step".equals(operation.getOperationId())) {
            responses.addApiResponse("202", new ApiResponse()
                    .description("Accepted (Prefer: respond-async): poll the history entry at Location")
                    .addHeaderObject("Location", new Header().description("the step's history entry")
                            .schema(Schemas.string(null)))
                    .content(json(JSON, "StepAccepted")));
        }
        boolean hasBody = shape.request() != null;
        boolean onSession = path.contains("{id}");
        boolean changes = method != PathItem.HttpMethod.GET;
        for (String status : List.of("400", "401", "402", "404", "409", "413", "415", "422", "429", "500", "502", "503", "504")) {
            boolean applies = switch (status) {
                case "404" -> onSession;
                case "409" -> changes;
                case "413", "415" -> hasBody;
                case "422" -> method == PathItem.HttpMethod.POST;
                case "402", "429", "502", "504" -> "step".equals(operation.getOperationId());
                default -> true;
            };
            if (applies) {
                responses.addApiResponse(status,
                        new ApiResponse().$ref("#/components/responses/" + PROBLEMS.get(status).get(0)));
            }
        }
        operation.setResponses(responses);
        if (hasBody) {
            var content = json(JSON, shape.request());
            if ("patchParam".equals(operation.getOperationId())) {
                content.addMediaType("application/merge-patch+json",
                        new MediaType().schema(Schemas.ref(shape.request())));
            }
            operation.setRequestBody(new RequestBody().required(!"step".equals(operation.getOperationId()))
                    .content(content));
        }
        if (method == PathItem.HttpMethod.POST) {
            operation.addParametersItem(new Parameter().$ref("#/components/parameters/IdempotencyKey"));
        }
    }

    private static String successDescription(String status) {
        return switch (status) {
            case "201" -> "Created";
            case "204" -> "Deleted";
            default -> "OK";
        };
    }

    private static Content json(String mediaType, String schema) {
        var media = new MediaType().schema(Schemas.ref(schema));
        Object example = Schemas.EXAMPLES.get(schema);
        if (example != null) {
            media.example(example);
        }
        return new Content().addMediaType(mediaType, media);
    }

    private static ApiResponse problemResponse(String status, List<String> p) {
        var example = Map.of("type", Problems.BASE + p.get(1), "title", p.get(2), "status", Integer.parseInt(status),
                "detail", p.get(3), "instance", "/v1/optimizers/6f1c2d1e-0000-4000-8000-000000000001");
        String description = switch (status) {
            case "409" -> "A step of this session is running, or a request with this Idempotency-Key is still being answered";
            case "400" -> "Invalid request: a field (named in errors), malformed JSON, text that cannot be stored as sent "
                    + "(NUL, a lone surrogate), or an ambiguous path refused by the HTTP firewall (percent-encoding, ';', "
                    + "'.' or '..' segments, '//', a backslash)";
            case "401" -> "No API key, or not a valid one (with API keys configured); the answer carries "
                    + "WWW-Authenticate: Bearer";
            case "402" -> "The session's budget is spent: no step starts, or the step reached it part-way (then it has "
                    + "step and failures with reason budget, and no parameter changed)";
            default -> p.get(2);
        };
        return new ApiResponse().description(description + " (application/problem+json)")
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(Schemas.ref("Problem")).example(example)));
    }
    /** The named schemas of API.md (OpenAPI 3.1: types are sets, null is a type), and cheap examples. */
    static final class Schemas {

        private static final String UUID_EXAMPLE = "b2e0c1d4-5f6a-4b7c-8d9e-0f1a2b3c4d5e";

        static final Map<String, Object> EXAMPLES = Map.of(
                "CreateRequest", Map.of(
                        "params", List.of(Map.of("data", "Classify the sentiment.",
                                "role", "system prompt for sentiment classification", "requires_grad", true)),
                        "defaults", Map.of("constraints", List.of("Never output the characters { or }."),
                                "momentum", 2, "completion_args", Map.of("model", "gpt-4o", "temperature", 1.0))),
                "GradRequest", Map.of("data", "Ask for exactly one word: positive, negative or neutral.",
                        "role", "feedback on the prompt"),
                "PatchRequest", Map.of("data", "Classify the sentiment as positive, negative or neutral."),
                "StepRequest", Map.of("closure", Map.of("url", "http://evaluator.internal/loss")),
                "StepResult", Map.of("step", 1,
                        "params", List.of(Map.of("id", UUID_EXAMPLE, "status", "updated",
                                "previous_data", "Classify the sentiment.",
                                "data", "Answer with one word: positive, negative or neutral.")),
                        "usage", Map.of("openai", Map.of("prompt_tokens", 812, "completion_tokens", 64,
                                "total_tokens", 876, "cost", Map.of("amount", 0.00267, "currency", "USD"))),
                        "duration_ms", 1240),
                "LoadStateDictRequest", Map.of("state_dict", Map.of("state", Map.of(), "param_groups", List.of()),
                        "model_clients", Map.of("model_client", "openai")));

        private Schemas() {
        }

        static Map<String, Schema> all() {
            var all = new java.util.LinkedHashMap<String, Schema>();
            all.put("Problem", object("An RFC 9457 problem detail", Map.of(
                    "type", string("Stable URI of the problem type, e.g. https://textopt.dev/problems/not-found"),
                    "title", string("Short summary of the problem type"),
                    "status", integer("HTTP status"),
                    "detail", string("What went wrong and what to change"),
                    "instance", string("The request path"),
                    "errors", array(ref("FieldError")).description("Field problems, for 400s")),
                    "type", "title", "status"));
            all.put("FieldError", object("One problem with one field", Map.of(
                    "field", string("Path of the field, e.g. params[0].role"),
                    "message", string("What is wrong with it")), "field", "message"));
            all.put("Variable", object("A text with a role (afnio Variable)", Map.of(
                    "data", string("The text"),
                    "role", string("What the text is for"),
                    "requires_grad", bool("Whether the optimizer may rewrite it (default true)")), "data"));
            all.put("Gradient", object("Feedback on a parameter", Map.of(
                    "data", string("The feedback"),
                    "role", string("What the feedback is"),
                    "context", nullable(string("The conversation or evaluation that produced it"))), "data"));
            all.put("GradRequest", new Schema<>().description("One gradient or a list of them")
                    .oneOf(List.of(ref("Gradient"), array(ref("Gradient")))));
            all.put("Parameter", object("A parameter the session owns, with its grad", Map.of(
                    "id", uuid(),
                    "data", string("Its current value"),
                    "role", string("What it is for"),
                    "requires_grad", bool("Whether steps rewrite it"),
                    "grad", array(ref("Gradient")).description("Gradients, in the order appended")),
                    "id", "data", "role", "requires_grad", "grad"));
            all.put("Message", object("One optimizer prompt message; its texts are templates", Map.of(
                    "role", string("system, user or assistant")._enum(List.of("system", "user", "assistant")),
                    "content", array(new Schema<>().oneOf(List.of(ref("Variable"), string(null))))),
                    "role", "content"));
            all.put("GroupOptions", options("TGD options; in defaults or a group"));
            all.put("ParamGroupRequest", options("A group to add: its Variables and options; options left out "
                    + "come from the session's defaults")
                    .addProperty("params", array(ref("Variable")))
                    .required(List.of("params")));
            all.put("ParamGroup", options("A param group as stored: its parameters and all its options")
                    .addProperty("params", array(ref("Parameter"))));
            all.put("CreateRequest", object("A new session", Map.of(
                    "optimizer", string("The optimizer; only tgd").example("tgd"),
                    "params", new Schema<>().description("A list of Variables (one group) or a list of groups")
                            .oneOf(List.of(array(ref("Variable")), array(ref("ParamGroupRequest")))),
                    "defaults", ref("GroupOptions"),
                    "budget", object("A spending limit, checked before every model call: once what the session spent on "
                            + "priced calls reaches it, no further call is made and the step answers 402",
                            Map.of("amount", number("Amount, above 0"), "currency", string("USD (the default)")), "amount")), "params"));
            all.put("PatchRequest", object("Fields to change; those left out stay", Map.of(
                    "data", string(null), "role", string(null), "requires_grad", bool(null))));
            all.put("Cost", object("Cost of the tokens; amount is null when the model's price is unknown", Map.of(
                    "amount", nullable(number(null)), "currency", string(null))));
            all.put("Usage", object("Tokens spent, and their cost", Map.of(
                    "prompt_tokens", integer(null), "completion_tokens", integer(null),
                    "total_tokens", integer(null), "cost", ref("Cost"))));
            all.put("UsageByClient", map(ref("Usage")).description("Usage per model client name"));
            all.put("Session", object("An optimizer session", Map.of(
                    "id", uuid(),
                    "optimizer", string(null).example("tgd"),
                    "version", integer("Grows with every change"),
                    "step_count", integer("Successful steps"),
                    "step_running", bool("Whether a step is running"),
                    "created_at", dateTime(), "updated_at", dateTime(),
                    "defaults", ref("GroupOptions"),
                    "param_groups", array(ref("ParamGroup")),
                    "usage", ref("UsageByClient")),
                    "id", "optimizer", "version", "step_count", "param_groups"));
            all.get("Session").addProperty("budget", nullable(object("The spending limit, if any, and what was spent",
                    Map.of("amount", number(null), "currency", string(null), "spent", number(
                            "What the session's model calls cost, in USD: only steps raise it, and an import never changes it")))));
            all.put("SessionPage", page("Session"));
            all.put("StepRequest", object("Options of a step", Map.of("closure", object(
                    "Evaluator to call first; its host must be allowed by the operator",
                    Map.of("url", string("The evaluator's URL").format("uri")), "url"))));
            all.put("Loss", nullable(object("The closure's loss; null without a closure", Map.of(
                    "score", new Schema<>().oneOf(List.of(number(null), string(null))),
                    "explanation", string(null)))));
            all.put("ParamOutcome", object("What a step did to one parameter", Map.of(
                    "id", uuid(),
                    "status", string(null)._enum(List.of("updated", "skipped")),
                    "previous_data", string("Its value before (updated)"),
                    "data", string("Its new value (updated)"),
                    "reason", string("Why it was skipped (skipped)")), "id", "status"));
            all.put("StepResult", object("The answer of a step", Map.of(
                    "step", integer("Number of the step's history entry"),
                    "loss", ref("Loss"),
                    "params", array(ref("ParamOutcome")),
                    "usage", ref("UsageByClient"),
                    "duration_ms", integer(null)), "step", "params"));
            all.put("StepAccepted", object("A step started with Prefer: respond-async", Map.of(
                    "step", integer(null), "status", string(null).example("running"),
                    "location", string("The history entry to poll")), "step", "status", "location"));
            all.put("HistoryEntry", object("One entry of the history: a step, a restore, a hand edit, or (entry 0) the creation", Map.of(
                    "step", integer("Entry number; 0 is the creation"),
                    "kind", string(null)._enum(List.of("step", "restore", "edit", "create")),
                    "status", string(null).example("succeeded"),
                    "started_at", dateTime(), "finished_at", nullable(dateTime()),
                    "duration_ms", nullable(integer(null)),
                    "progress", object(null, Map.of("done", integer(null), "total", integer(null))),
                    "restored_to", integer("For restores: the entry restored"),
                    "loss", ref("Loss"),
                    "params", array(object(null, Map.of("id", uuid(), "status", nullable(string(null)),
                            "reason", nullable(string(null)), "previous_data", nullable(string(null)),
                            "data", nullable(string(null)), "grads", array(ref("Gradient")))))),
                    "step", "kind", "status")
                    .addProperty("usage", ref("UsageByClient"))
                    .addProperty("failures", array(object("A parameter whose update failed", Map.of(
                            "param_id", string(null), "reason", string(null), "detail", nullable(string(null)),
                            "provider_status", nullable(integer(null)))))));
            all.put("HistoryPage", page("HistoryEntry"));
            all.put("StateDict", object("The optimizer state dict, shaped as afnio and PyTorch shape it", Map.of(
                    "state", map(object(null, Map.of("momentum_buffer", array(array(new Schema<>()))
                            .description("[parameter snapshot, [its gradients]] per remembered step"))))
                            .description("Per parameter index"),
                    "param_groups", array(map(new Schema<>()).description(
                            "Group options; params are indices, model_client is {class_type, name, provider, usage}"))),
                    "state", "param_groups"));
            all.put("LoadStateDictRequest", object("load_state_dict", Map.of(
                    "state_dict", ref("StateDict"),
                    "model_clients", map(string(null)).description(
                            "Model client name to use for each model_client key of the groups, e.g. "
                                    + "{\"model_client\": \"openai\"}")), "state_dict"));
            return all;
        }

        private static Schema options(String description) {
            var properties = new java.util.LinkedHashMap<String, Schema>();
            properties.put("model_client", string("Name of a configured model client").example("openai"));
            properties.put("messages", array(ref("Message")).description("Optimizer prompt templates"));
            properties.put("inputs", map(string(null)).description("Values of template placeholders"));
            properties.put("constraints", array(string(null)));
            properties.put("momentum", integer("Past steps remembered per parameter").minimum(java.math.BigDecimal.ZERO));
            properties.put("completion_args", map(new Schema<>()).description("model, temperature, … for the model"));
            return type(new Schema<>(), "object").description(description).properties(properties);
        }

        static Schema ref(String name) {
            return new Schema<>().$ref("#/components/schemas/" + name);
        }

        static Schema string(String description) {
            return type(new Schema<>(), "string").description(description);
        }

        private static Schema uuid() {
            return string(null).format("uuid");
        }

        private static Schema dateTime() {
            return string(null).format("date-time");
        }

        private static Schema integer(String description) {
            return type(new Schema<>(), "integer").description(description);
        }

        private static Schema number(String description) {
            return type(new Schema<>(), "number").description(description);
        }

        private static Schema bool(String description) {
            return type(new Schema<>(), "boolean").description(description);
        }

        private static Schema array(Schema items) {
            return type(new Schema<>(), "array").items(items);
        }

        private static Schema map(Schema values) {
            return type(new Schema<>(), "object").additionalProperties(values);
        }

        private static Schema object(String description, Map<String, Schema> properties, String... required) {
            var schema = type(new Schema<>(), "object").description(description)
                    .properties(new java.util.TreeMap<>(properties));
            if (required.length > 0) {
                schema.required(List.of(required));
            }
            return schema;
        }

        private static Schema page(String item) {
            return object("One page, newest first", Map.of(
                    "items", array(ref(item)), "page", integer(null), "size", integer(null),
                    "total_items", integer(null), "total_pages", integer(null)),
                    "items", "page", "size", "total_items", "total_pages");
        }

        private static Schema nullable(Schema schema) {
            if (schema.get$ref() != null) {
                return new Schema<>().oneOf(List.of(schema, type(new Schema<>(), "null")));
            }
            schema.getTypes().add("null");
            return schema;
        }

        private static Schema type(Schema schema, String type) {
            schema.setTypes(new java.util.LinkedHashSet<>(List.of(type)));
            return schema;
        }
    }
}
