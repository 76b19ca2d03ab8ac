package dev.textopt.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * Four models behind one OpenAI-compatible endpoint (WireMock), told apart by the tags of textopt's prompt
 * contracts, as scripts/fake_model.py does outside JUnit:
 * <ul>
 * <li>optimizer ({@code <VARIABLE>}): the variable, followed by each rule ("Answer in upper case.") its
 * feedback asks for and it does not hold yet, inside {@code <IMPROVED_VARIABLE>};</li>
 * <li>backward ({@code <PARAMETER>}): {@code <FEEDBACK>} from the {@code <OUTPUT>} and the
 * {@code <EVALUATION>}: keep it at score 1, else "Answer in upper case." when the evaluation quotes the output
 * in upper case (a target it missed);</li>
 * <li>judge ({@code <OUTPUT>}): score 1 when the output equals the {@code <TARGET>}, else 0, with an explanation
 * that quotes both;</li>
 * <li>forward (anything else): the last user turn, upper-cased when the system turns say "upper case".</li>
 * </ul>
 * Tests may add stubs of their own for some prompts (a malformed reply, a failure); they win over these.
 */
public final class TaughtModels implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern RULE = Pattern.compile("answer in upper case", Pattern.CASE_INSENSITIVE);
    private static final Pattern SCORE = Pattern.compile("score\\W*([0-9.]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROLE = Pattern.compile("<PARAMETER role=\"([^\"]*)\">");

    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(new Answers()));

    public TaughtModels() {
        server.start();
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).atPriority(100).willReturn(aResponse().withTransformers(Answers.NAME)));
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    public WireMockServer server() {
        return server;
    }

    /** The messages of every completion asked for so far, as the provider got them, in order. */
    @SuppressWarnings("unchecked")
    public List<List<Map<String, Object>>> conversations() {
        var conversations = new ArrayList<List<Map<String, Object>>>();
        var events = new ArrayList<>(server.getAllServeEvents());
        Collections.reverse(events); // newest first as WireMock keeps them
        for (ServeEvent event : events) {
            var body = (Map<String, Object>) JSON.readValue(event.getRequest().getBodyAsString(), Map.class);
            conversations.add((List<Map<String, Object>>) body.get("messages"));
        }
        return conversations;
    }

    /** The conversations so far of which some message contains {@code text}, in order. */
    public List<List<Map<String, Object>>> conversationsWith(String text) {
        return conversations().stream().filter(c -> c.stream().anyMatch(m -> String.valueOf(m.get("content")).contains(text))).toList();
    }

    /** Which of the four models a prompt is for. */
    public static String kindOf(String prompt) {
        if (inside(prompt, "VARIABLE") != null) {
            return "optimizer";
        }
        if (inside(prompt, "PARAMETER") != null) {
            return "backward";
        }
        return inside(prompt, "OUTPUT") != null ? "judge" : "forward";
    }

    /** The text of the last {@code <TAG…>…</TAG>} pair, or null: a system turn that only names a tag does not count. */
    static String inside(String text, String tag) {
        int close = text.lastIndexOf("</" + tag + ">");
        if (close < 0) {
            return null;
        }
        int open = Math.max(text.lastIndexOf("<" + tag + ">", close), text.lastIndexOf("<" + tag + " ", close));
        return open < 0 ? null : text.substring(text.indexOf('>', open) + 1, close);
    }

    static String answer(List<Map<String, Object>> messages) {
        var prompt = new StringBuilder();
        var system = new StringBuilder();
        String lastUser = "";
        for (Map<String, Object> m : messages) {
            String content = String.valueOf(m.get("content"));
            if ("system".equals(m.get("role"))) {
                system.append(content).append('\n');
            } else if ("user".equals(m.get("role"))) {
                lastUser = content;
            } else {
                continue; // the model's own earlier reply, before a re-ask
            }
            prompt.append(content).append('\n');
        }
        String text = prompt.toString();
        return switch (kindOf(text)) {
            case "optimizer" -> optimizer(text);
            case "backward" -> backward(text);
            case "judge" -> judge(text);
            default -> system.toString().toLowerCase(Locale.ROOT).contains("upper case") ? lastUser.toUpperCase(Locale.ROOT) : lastUser;
        };
    }

    private static String optimizer(String prompt) {
        String value = inside(prompt, "VARIABLE").strip();
        Matcher asks = RULE.matcher(prompt.substring(prompt.lastIndexOf("</VARIABLE>")));
        if (asks.find() && !value.toLowerCase(Locale.ROOT).contains("answer in upper case")) {
            value = value + " Answer in upper case.";
        }
        return "<IMPROVED_VARIABLE>" + value + "</IMPROVED_VARIABLE>";
    }

    private static String backward(String prompt) {
        String output = inside(prompt, "OUTPUT").strip();
        String evaluation = inside(prompt, "EVALUATION");
        Matcher role = ROLE.matcher(prompt);
        String what = role.find() ? role.group(1) : "parameter";
        Matcher score = SCORE.matcher(evaluation);
        String feedback;
        if (score.find() && Double.parseDouble(score.group(1)) >= 1) {
            feedback = "The output is right: keep this " + what + " as it is.";
        } else if (!output.equals(output.toUpperCase(Locale.ROOT)) && evaluation.contains(output.toUpperCase(Locale.ROOT))) {
            feedback = "Answer in upper case.";
        } else {
            feedback = "The output missed what the evaluation expects: make this " + what + " ask for exactly that.";
        }
        return "<FEEDBACK>" + feedback + "</FEEDBACK>";
    }

    private static String judge(String prompt) {
        String output = inside(prompt, "OUTPUT").strip();
        String target = inside(prompt, "TARGET");
        if (target == null) {
            return "<SCORE>" + (output.isEmpty() ? 0 : 1) + "</SCORE>\n<EXPLANATION>There is no target.</EXPLANATION>";
        }
        boolean equal = output.equals(target.strip());
        return "<SCORE>" + (equal ? 1 : 0) + "</SCORE>\n<EXPLANATION>The output \"" + output + "\" "
                + (equal ? "equals the target." : "differs from the target \"" + target.strip() + "\".") + "</EXPLANATION>";
    }

    @Override
    public void close() {
        server.stop();
    }

    /** Answers every completion the catch-all stub gets, by the kind of its prompt. */
    private static final class Answers implements ResponseDefinitionTransformerV2 {

        static final String NAME = "taught-models";

        @Override
        @SuppressWarnings("unchecked")
        public ResponseDefinition transform(ServeEvent event) {
            var body = (Map<String, Object>) JSON.readValue(event.getRequest().getBodyAsString(), Map.class);
            var messages = (List<Map<String, Object>>) body.get("messages");
            String reply = answer(messages);
            int promptChars = messages.stream().mapToInt(m -> String.valueOf(m.get("content")).length()).sum();
            return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but().withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(Api.json(FakeOpenAi.completion(reply, (promptChars + 3) / 4, (reply.length() + 3) / 4)))
                    .build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }
    }
}
