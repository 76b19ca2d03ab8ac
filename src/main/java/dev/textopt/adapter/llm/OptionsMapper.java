package dev.textopt.adapter.llm;

import java.util.Map;

import org.springframework.ai.chat.prompt.ChatOptions;

/** Turns {@code completion_args} into one provider's Spring AI chat options. */
interface OptionsMapper {

    /** Throws {@link IllegalArgumentException} naming every unknown or ill-typed argument. */
    void check(Map<String, Object> args);

    /** The options of one call; {@code args} has passed {@link #check}. */
    ChatOptions toOptions(Map<String, Object> args);

    /** The model a call with these arguments asks for, for metrics when the provider does not answer. */
    String requestedModel(Map<String, Object> args);
}
