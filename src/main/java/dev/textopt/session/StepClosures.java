package dev.textopt.session;

import dev.textopt.optim.Closure;
import dev.textopt.optim.Gradient;
import dev.textopt.optim.Parameter;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** A step's closure: the client's evaluator, called on an allowed URL, whose gradients obey the usual limits. */
@Component
class StepClosures {

    private final ClosurePolicy policy;
    private final ClosureEndpoint endpoint;
    private final ReplaceGradsPort grads;
    private final TransactionTemplate tx;
    private final Limits limits;

    StepClosures(ClosurePolicy policy, ClosureEndpoint endpoint, ReplaceGradsPort grads, TransactionTemplate tx, Limits limits) {
        this.policy = policy;
        this.endpoint = endpoint;
        this.grads = grads;
        this.tx = tx;
        this.limits = limits;
    }

    /** The URL, if operators allow it (400 otherwise). */
    URI check(String url) {
        return policy.check(url);
    }

    /** The closure of step {@code number} of a session. */
    Closure of(URI url, UUID sessionId, int number) {
        return params -> {
            var result = endpoint.evaluate(url, payload(sessionId, number, params));
            checkGrads(result.grads(), params);
            // Closure gradients replace the grads now, so that gradients appended during the model calls land after them.
            var byParam = new LinkedHashMap<UUID, List<Gradient>>();
            result.grads().forEach((paramId, given) -> byParam.put(UUID.fromString(paramId), given));
            if (!byParam.isEmpty()) {
                tx.executeWithoutResult(s -> grads.replaceGrads(sessionId, byParam));
            }
            return result;
        };
    }

    /** Closure gradients obey the same limits as appended ones, and name parameters of this session. */
    private void checkGrads(Map<String, List<Gradient>> grads, List<Parameter> params) {
        var known = params.stream().map(Parameter::id).collect(Collectors.toSet());
        for (var entry : grads.entrySet()) {
            if (!known.contains(entry.getKey())) {
                throw new ClosureEndpoint.ClosureFailedException("the closure's grads name \"" + entry.getKey()
                        + "\", which is not a parameter of this session");
            }
            try {
                limits.grads(entry.getValue().size(), "grads." + entry.getKey());
                limits.gradients(entry.getValue(), "grads." + entry.getKey());
            } catch (BadRequestException e) {
                throw new ClosureEndpoint.ClosureFailedException("the closure's answer is over a limit: " + e.getMessage());
            }
        }
    }

    private static Map<String, Object> payload(UUID sessionId, int number, List<Parameter> params) {
        var payload = new LinkedHashMap<String, Object>();
        payload.put("optimizer_id", sessionId.toString());
        payload.put("step", number);
        payload.put("params", params.stream().map(p -> {
            var map = new LinkedHashMap<String, Object>();
            map.put("id", p.id());
            map.put("data", p.data());
            map.put("role", p.role());
            return map;
        }).toList());
        return payload;
    }
}
