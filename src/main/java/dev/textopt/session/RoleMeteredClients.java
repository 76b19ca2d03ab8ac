package dev.textopt.session;

import dev.textopt.optim.ChatMessage;
import dev.textopt.optim.Completion;
import dev.textopt.optim.ModelCallException;
import dev.textopt.optim.ModelClient;
import dev.textopt.optim.ModelClients;
import dev.textopt.optim.PriceTable;
import dev.textopt.optim.TokenUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Model calls counted by the role they play: {@code optimizer} (a step's rewrites), {@code forward},
 * {@code judge} and {@code backward}. The model adapter's own meters say how each client and model fare;
 * these say what the calls were for. Wrapping the clients handed to the core is enough: every call of a
 * step or a pass goes through them, its re-ask too.
 */
@Component
class RoleMeteredClients {

    static final String CALLS = "textopt.role.calls";
    static final String LATENCY = "textopt.role.latency";
    static final String TOKENS = "textopt.role.tokens";
    static final String COST = "textopt.role.cost";

    private final MeterRegistry registry;
    private final PriceTable prices;

    RoleMeteredClients(MeterRegistry registry, PriceTable prices) {
        this.registry = registry;
        this.prices = prices;
    }

    /** {@code clients}, each of whose calls is counted under {@code role}. */
    ModelClients forRole(String role, ModelClients clients) {
        return new ModelClients() {
            @Override
            public Optional<ModelClient> find(String name) {
                return clients.find(name).map(client -> new Metered(role, client));
            }

            @Override
            public Set<String> names() {
                return clients.names();
            }
        };
    }

    private final class Metered implements ModelClient {

        private final String role;
        private final ModelClient client;

        Metered(String role, ModelClient client) {
            this.role = role;
            this.client = client;
        }

        @Override
        public Completion complete(List<ChatMessage> messages, Map<String, Object> completionArgs) {
            long start = System.nanoTime();
            String requested = completionArgs.get("model") instanceof String m ? m : null;
            try {
                Completion completion = client.complete(messages, completionArgs);
                record("success", start, completion.model() != null ? completion.model() : requested, completion.usage());
                return completion;
            } catch (ModelCallException e) {
                record(e.reason(), start, requested, e.usage());
                throw e;
            }
        }

        private void record(String outcome, long start, String model, TokenUsage tokens) {
            Counter.builder(CALLS).description("Model calls by the role they play, by final outcome")
                    .tags("role", role, "client", client.name(), "outcome", outcome).register(registry).increment();
            Timer.builder(LATENCY).description("Time of a model call by its role, retries included")
                    .tags("role", role, "client", client.name()).register(registry).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            tokens("prompt", tokens.promptTokens());
            tokens("completion", tokens.completionTokens());
            var cost = prices.costOf(model, tokens);
            if (cost.known() && cost.amount().signum() > 0) {
                Counter.builder(COST).description("Cost of priced model calls by their role").baseUnit(cost.currency())
                        .tags("role", role, "client", client.name()).register(registry).increment(cost.amount().doubleValue());
            }
        }

        private void tokens(String type, long count) {
            Counter.builder(TOKENS).description("Tokens of model calls by their role").baseUnit("tokens")
                    .tags("role", role, "client", client.name(), "type", type).register(registry).increment(count);
        }

        @Override
        public String name() {
            return client.name();
        }

        @Override
        public String provider() {
            return client.provider();
        }

        @Override
        public String classType() {
            return client.classType();
        }

        @Override
        public void checkCompletionArgs(Map<String, Object> completionArgs) {
            client.checkCompletionArgs(completionArgs);
        }

        @Override
        public Optional<String> missingConfiguration() {
            return client.missingConfiguration();
        }
    }
}
