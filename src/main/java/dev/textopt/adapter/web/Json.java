package dev.textopt.adapter.web;

import dev.textopt.optim.Gradient;
import dev.textopt.optim.Loss;
import dev.textopt.optim.Usage;
import dev.textopt.session.StoredGroup;
import dev.textopt.session.StoredParam;
import dev.textopt.session.StoredSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The response shapes of API.md, built as ordered maps where the shape is open (a group is its
 * options plus {@code params}) and kept in one place so every endpoint answers alike.
 */
final class Json {

    private Json() {
    }

    static Map<String, Object> session(StoredSession s) {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", s.id().toString());
        map.put("optimizer", s.optimizer());
        map.put("version", s.version());
        map.put("step_count", s.stepCount());
        map.put("step_running", s.stepRunning());
        map.put("created_at", s.createdAt().toString());
        map.put("updated_at", s.updatedAt().toString());
        map.put("defaults", s.defaults());
        map.put("param_groups", s.groups().stream().map(Json::group).toList());
        map.put("usage", usage(s.usage()));
        map.put("budget", s.budget() == null ? null : Map.of("amount", s.budget().amount().doubleValue(),
                "currency", s.budget().currency(), "spent", s.spent().doubleValue()));
        return map;
    }

    static Map<String, Object> group(StoredGroup group) {
        var map = new LinkedHashMap<String, Object>();
        map.put("params", group.params().stream().map(Json::param).toList());
        map.putAll(group.options());
        return map;
    }

    static Map<String, Object> param(StoredParam p) {
        var map = new LinkedHashMap<String, Object>();
        map.put("id", p.id().toString());
        map.put("data", p.data());
        map.put("role", p.role());
        map.put("requires_grad", p.requiresGrad());
        map.put("grad", p.grad().stream().map(Json::gradient).toList());
        return map;
    }

    static Map<String, Object> gradient(Gradient g) {
        var map = new LinkedHashMap<String, Object>();
        map.put("data", g.data());
        map.put("role", g.role());
        map.put("context", g.context());
        return map;
    }

    static Map<String, Object> usage(Map<String, Usage> usage) {
        var map = new LinkedHashMap<String, Object>();
        usage.forEach((client, u) -> map.put(client, usage(u)));
        return map;
    }

    static Map<String, Object> usage(Usage u) {
        var map = new LinkedHashMap<String, Object>();
        map.put("prompt_tokens", u.tokens().promptTokens());
        map.put("completion_tokens", u.tokens().completionTokens());
        map.put("total_tokens", u.tokens().totalTokens());
        var cost = new LinkedHashMap<String, Object>();
        cost.put("amount", u.cost().amount() == null ? null : u.cost().amount().doubleValue()); // null: unknown price
        cost.put("currency", u.cost().currency());
        map.put("cost", cost);
        return map;
    }

    static Map<String, Object> failure(dev.textopt.session.StepRecord.StepFailure f) {
        var map = new LinkedHashMap<String, Object>();
        map.put("param_id", f.paramId());
        map.put("reason", f.reason());
        map.put("detail", f.detail());
        map.put("provider_status", f.providerStatus());
        return map;
    }

    static Map<String, Object> loss(Loss loss) {
        if (loss == null) {
            return null;
        }
        var map = new LinkedHashMap<String, Object>();
        map.put("score", loss.score());
        map.put("explanation", loss.explanation());
        return map;
    }

    static <T> Map<String, Object> page(List<Map<String, Object>> items, int page, int size, long total) {
        var map = new LinkedHashMap<String, Object>();
        map.put("items", items);
        map.put("page", page);
        map.put("size", size);
        map.put("total_items", total);
        map.put("total_pages", size == 0 ? 0 : (total + size - 1) / size);
        return map;
    }
}
