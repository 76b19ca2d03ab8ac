package dev.textopt.session;

import dev.textopt.optim.Allowance;
import dev.textopt.optim.ModelClients;
import dev.textopt.optim.PriceTable;
import dev.textopt.optim.training.ModelCalls;
import dev.textopt.optim.training.ModelRole;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.springframework.stereotype.Component;

/**
 * The machinery of a step's model calls, for forward, judge and backward: the configured clients (counted
 * by role), the prices, the bound on calls in flight and their threads, and the session's budget. Checks
 * the model a request asks for before any call, as a step checks its groups' clients.
 */
@Component
class TrainingCalls {

    private final ModelClients clients;
    private final RoleMeteredClients metered;
    private final PriceTable prices;
    private final ExecutorService executor;
    private final int maxConcurrentCalls;

    TrainingCalls(ModelClients clients, RoleMeteredClients metered, PriceTable prices, ExecutorService modelCallExecutor,
            StepSettings steps) {
        this.clients = clients;
        this.metered = metered;
        this.prices = prices;
        this.executor = modelCallExecutor;
        this.maxConcurrentCalls = steps.maxConcurrentCalls();
    }

    /**
     * The model a request asks for, checked: no model to default to, an unknown client or arguments it
     * refuses are a 400 naming {@code prefix + "model_client"} or {@code prefix + "completion_args"}; a client
     * without its key is a 503, as for a step.
     *
     * @param noDefault why no default was found, when {@code resolved} is empty
     */
    ModelRole checked(Optional<ModelRole> resolved, String prefix, String noDefault) {
        ModelRole role = resolved.orElseThrow(() -> new BadRequestException(prefix + "model_client", noDefault));
        var problems = role.problems(clients, prefix);
        if (!problems.isEmpty()) {
            throw new BadRequestException(problems.get(0).message(), problems);
        }
        clients.find(role.client()).flatMap(c -> c.missingConfiguration()).ifPresent(todo -> {
            throw new ModelClientUnavailableException(role.client(), todo);
        });
        return role;
    }

    /** A session that has spent its budget makes no model call: 402 before the first. */
    void requireBudget(CallSession session) {
        if (session.budget() != null && session.spent().compareTo(session.budget().amount()) >= 0) {
            throw BudgetExhaustedException.beforeCalls(session.spent(), session.budget());
        }
    }

    /** The calls of one pass playing {@code role}, limited to what the session may still spend. */
    ModelCalls calls(String role, CallSession session) {
        Allowance allowance = session.allowance();
        return new ModelCalls(metered.forRole(role, clients), prices, maxConcurrentCalls, executor, allowance);
    }
}
