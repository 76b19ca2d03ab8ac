package dev.textopt.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** An in-memory model: answers with a function of the conversation and remembers every call. */
public final class FakeModelClient implements ModelClient {

    private final String name;
    private final String classType;
    private final Function<List<ChatMessage>, Completion> answer;
    private final List<List<ChatMessage>> calls = Collections.synchronizedList(new ArrayList<>());

    public FakeModelClient(String name, String classType, Function<List<ChatMessage>, Completion> answer) {
        this.name = name;
        this.classType = classType;
        this.answer = answer;
    }

    /** An OpenAI-like client named "openai". */
    public static FakeModelClient openAi(Function<List<ChatMessage>, Completion> answer) {
        return new FakeModelClient("openai", "OpenAiChatModel", answer);
    }

    /** A model that follows feedback asking for capital letters, and otherwise returns the value unchanged. */
    public static Completion followsCapitalFeedback(List<ChatMessage> conversation) {
        String prompt = conversation.get(conversation.size() - 1).content();
        String value = between(prompt, "<VARIABLE>", "</VARIABLE>");
        String improved = prompt.contains("capital") ? value.toUpperCase() : value;
        return reply("Here it is.\n<IMPROVED_VARIABLE>\n" + improved + "\n</IMPROVED_VARIABLE>");
    }

    public static Completion reply(String text) {
        return new Completion(text, new TokenUsage(100, 10), null);
    }

    public static String between(String text, String open, String close) {
        int start = text.indexOf(open) + open.length();
        return text.substring(start, text.indexOf(close, start));
    }

    @Override
    public String name() { return name; }

    @Override
    public String provider() { return "openai"; }

    @Override
    public String classType() { return classType; }

    @Override
    public Completion complete(List<ChatMessage> messages, Map<String, Object> completionArgs) {
        calls.add(List.copyOf(messages));
        return answer.apply(messages);
    }

    @Override
    public void checkCompletionArgs(Map<String, Object> completionArgs) {
        if (completionArgs.containsKey("bogus")) {
            throw new IllegalArgumentException("unknown completion argument \"bogus\"");
        }
    }

    public List<List<ChatMessage>> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    /** The user turn of the n-th call (0-based), where the built-in prompt puts the variable and feedback. */
    public String userPrompt(int call) {
        List<ChatMessage> conversation = calls().get(call);
        return conversation.stream().filter(m -> m.role() == ChatMessage.Role.USER).findFirst().orElseThrow().content();
    }
}
