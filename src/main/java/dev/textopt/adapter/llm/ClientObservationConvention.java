package dev.textopt.adapter.llm;

import io.micrometer.common.KeyValues;

import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;

/**
 * Spring AI's gen-ai observation of a model call, plus the name of the textopt client that made it: two
 * clients may talk to the same provider and model (a team's key and a shared one), and their calls, tokens
 * and spans should still be told apart.
 */
final class ClientObservationConvention extends DefaultChatModelObservationConvention {

    private static final String CLIENT = "textopt.client";

    private final String client;

    ClientObservationConvention(String client) {
        this.client = client;
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ChatModelObservationContext context) {
        return super.getLowCardinalityKeyValues(context).and(CLIENT, client);
    }
}
