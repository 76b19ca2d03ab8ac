package dev.textopt.adapter.persistence;

import dev.textopt.optim.Cost;
import dev.textopt.optim.Gradient;
import dev.textopt.optim.Loss;
import dev.textopt.optim.MomentumEntry;
import dev.textopt.optim.TokenUsage;
import dev.textopt.optim.Usage;
import dev.textopt.optim.Variable;
import dev.textopt.session.StepRecord.StepFailure;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON kept in jsonb columns, written and read with our own mapper (Hibernate's JSON support
 * would bring Jackson 2). The shapes are the API's, snake_case, so an export needs no second format:
 * the core's records are written as they are (a Variable as {@code {data, role, requires_grad}}), and
 * read back field by field, which is quicker on the read paths BENCHMARKS.md measures.
 */
@Component
class JsonColumns {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final TypeReference<List<Object>> LIST = new TypeReference<>() { };

    private final JsonMapper mapper = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    String write(Object value) {
        return value == null ? null : mapper.writeValueAsString(value);
    }

    Map<String, Object> readMap(String json) {
        return json == null ? null : mapper.readValue(json, MAP);
    }

    List<Object> readList(String json) {
        return json == null ? List.of() : mapper.readValue(json, LIST);
    }

    /** {@code [{data, role, context}, ...]}: a gradient is written as its record, read back from the map. */
    String gradients(List<Gradient> grads) {
        return write(grads);
    }

    List<Gradient> gradients(String json) {
        return readList(json).stream().map(JsonColumns::gradient).toList();
    }

    private static Gradient gradient(Object json) {
        var map = asMap(json);
        return new Gradient((String) map.get("data"), (String) map.get("role"), (String) map.get("context"));
    }

    /** {@code [[snapshot, [gradients]], ...]}, the state dict's own shape. */
    String momentum(List<MomentumEntry> buffer) {
        var pairs = new ArrayList<Object>();
        for (MomentumEntry entry : buffer) {
            pairs.add(List.of(entry.snapshot(), entry.grads()));
        }
        return write(pairs);
    }

    List<MomentumEntry> momentum(String json) {
        var entries = new ArrayList<MomentumEntry>();
        for (Object pair : readList(json)) {
            var parts = (List<?>) pair;
            var snapshot = asMap(parts.get(0));
            var grads = ((List<?>) parts.get(1)).stream().map(JsonColumns::gradient).toList();
            entries.add(new MomentumEntry(new Variable((String) snapshot.get("data"), (String) snapshot.get("role"),
                    Boolean.TRUE.equals(snapshot.get("requires_grad"))), grads));
        }
        return entries;
    }

    String loss(Loss loss) {
        return write(loss);
    }

    Loss loss(String json) {
        var map = readMap(json);
        return map == null ? null : new Loss(map.get("score"), (String) map.get("explanation"));
    }

    /** Amounts as strings, so that no decimal passes through a double. */
    String usage(Map<String, Usage> usage) {
        var map = new LinkedHashMap<String, Object>();
        usage.forEach((client, u) -> {
            var entry = new LinkedHashMap<String, Object>();
            entry.put("prompt_tokens", u.tokens().promptTokens());
            entry.put("completion_tokens", u.tokens().completionTokens());
            entry.put("cost_amount", u.cost().amount() == null ? null : u.cost().amount().toPlainString());
            entry.put("currency", u.cost().currency());
            map.put(client, entry);
        });
        return write(map);
    }

    Map<String, Usage> usage(String json) {
        var result = new LinkedHashMap<String, Usage>();
        var map = readMap(json);
        if (map != null) {
            map.forEach((client, value) -> {
                var entry = asMap(value);
                var amount = entry.get("cost_amount") == null ? null : new BigDecimal((String) entry.get("cost_amount"));
                result.put(client, new Usage(new TokenUsage(((Number) entry.get("prompt_tokens")).longValue(),
                        ((Number) entry.get("completion_tokens")).longValue()), new Cost(amount, (String) entry.get("currency"))));
            });
        }
        return result;
    }

    String failures(List<StepFailure> failures) {
        return failures.isEmpty() ? null : write(failures);
    }

    List<StepFailure> failures(String json) {
        return readList(json).stream().map(JsonColumns::asMap).map(m -> new StepFailure((String) m.get("param_id"),
                (String) m.get("reason"), (String) m.get("detail"),
                m.get("provider_status") == null ? null : ((Number) m.get("provider_status")).intValue())).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object json) {
        return (Map<String, Object>) json;
    }
}
