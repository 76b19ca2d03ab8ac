package dev.textopt.session;

import dev.textopt.optim.ModelClients;
import dev.textopt.optim.ParamGroupSpec;
import dev.textopt.optim.ParamState;
import dev.textopt.optim.Parameter;
import dev.textopt.optim.PriceTable;
import dev.textopt.optim.Tgd;
import dev.textopt.optim.TgdSettings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
        for (NewGroup group : request.groups()) {
            groups.add(new ParamGroupSpec(group.params().stream().map(TgdFactory::newParameter).toList(), group.options()));
        }
        return new Tgd(groups, defaults, clients, prices, settings);
    }

    static Parameter newParameter(NewParam param) {
        return new Parameter(UUID.randomUUID().toString(), param.data(), param.role(), param.requiresGrad(), List.of());
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
