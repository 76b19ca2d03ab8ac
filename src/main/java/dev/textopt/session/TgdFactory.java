package dev.textopt.session;

import dev.textopt.optim.InvalidOptimizerException;
import dev.textopt.optim.ModelClients;
import dev.textopt.optim.Optimizer;
import dev.textopt.optim.ParamGroupSpec;
import dev.textopt.optim.ParamState;
import dev.textopt.optim.Parameter;
import dev.textopt.optim.PriceTable;
import dev.textopt.optim.Problem;
import dev.textopt.optim.Tgd;
import dev.textopt.optim.TgdSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.springframework.stereotype.Component;

/** Builds the core's {@link Tgd} from a request or from a stored session, with the service's clients and prices. */
@Component
public class TgdFactory {

    private final ModelClients clients;
    private final PriceTable prices;
    private final TgdSettings settings;
    private final String defaultClient;

    TgdFactory(ModelClients clients, PriceTable prices, ExecutorService modelCallExecutor,
            StepSettings steps, RoleMeteredClients metered) {
        this.clients = metered.forRole("optimizer", clients);
        this.prices = prices;
        this.settings = new TgdSettings(steps.maxConcurrentCalls(), modelCallExecutor);
        this.defaultClient = clients.names().contains("openai") ? "openai" : clients.names().stream().findFirst().orElse("openai");
    }

    /** A new optimizer: validates everything and fills group options from the defaults. */
    Tgd create(CreateSession request) {
        var defaults = new LinkedHashMap<>(request.defaults());
        defaults.putIfAbsent("model_client", defaultClient);
        var groups = new ArrayList<ParamGroupSpec>();
        var problems = new ArrayList<Problem>();
        for (int i = 0; i < request.groups().size(); i++) {
            var params = members(request.groups().get(i), null, "params[" + i + "]", problems);
            groups.add(new ParamGroupSpec(params, request.groups().get(i).options()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidOptimizerException(problems);
        }
        return new Tgd(groups, defaults, clients, prices, settings);
    }

    /**
     * The parameters a group lists: a new one for each {@link NewParam}; for each {@link ExistingParam}
     * the optimizer's own, which it then refuses as being in a group already (as torch refuses a
     * parameter in two groups), or a problem at {@code path.params[n]} when it has no such parameter.
     *
     * @param optimizer the session's optimizer, or null for a new session, which has no parameter to name
     */
    static List<Parameter> members(NewGroup group, Optimizer optimizer, String path, List<Problem> problems) {
        var params = new ArrayList<Parameter>();
        for (int n = 0; n < group.params().size(); n++) {
            if (group.params().get(n) instanceof NewParam p) {
                params.add(new Parameter(UUID.randomUUID().toString(), p.data(), p.role(), p.requiresGrad(), List.of()));
            } else if (group.params().get(n) instanceof ExistingParam ref) {
                var found = optimizer == null ? Optional.<Parameter>empty() : optimizer.parameter(ref.id().toString());
                found.ifPresent(params::add);
                if (found.isEmpty()) {
                    problems.add(new Problem(path + ".params[" + n + "]", "the session has no parameter " + ref.id()
                            + "; a new parameter is given as {\"data\": …, \"role\": …}"));
                }
            }
        }
        return params;
    }

    /** The optimizer a stored session describes, with its momentum and usage. */
    Tgd restore(StoredSession session) {
        var groups = new ArrayList<ParamGroupSpec>();
        var state = new LinkedHashMap<String, ParamState>();
        for (StoredGroup group : session.groups()) {
            var params = new ArrayList<Parameter>();
            for (StoredParam p : group.params()) {
                params.add(new Parameter(p.id().toString(), p.data(), p.role(), p.requiresGrad(), p.grad()));
                if (!p.momentumBuffer().isEmpty()) {
                    state.put(p.id().toString(), new ParamState(p.momentumBuffer()));
                }
            }
            groups.add(new ParamGroupSpec(params, group.options()));
        }
        return Tgd.restore(session.defaults(), groups, state, session.usage(), clients, prices, settings);
    }

    ModelClients clients() {
        return clients;
    }
}
