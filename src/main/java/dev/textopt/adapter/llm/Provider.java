package dev.textopt.adapter.llm;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

/** The model providers we can talk to, with what differs between them. */
public enum Provider {

    OPENAI("openai", "https://api.openai.com/v1", "api.openai.com", "OpenAiChatModel"),
    ANTHROPIC("anthropic", "https://api.anthropic.com", "api.anthropic.com", "AnthropicChatModel");

    private final String id;
    private final String defaultBaseUrl;
    private final String publicHost;
    private final String classType;

    Provider(String id, String defaultBaseUrl, String publicHost, String classType) {
        this.id = id;
        this.defaultBaseUrl = defaultBaseUrl;
        this.publicHost = publicHost;
        this.classType = classType;
    }

    /** "openai" or "anthropic". */
    public String id() {
        return id;
    }

    public String defaultBaseUrl() {
        return defaultBaseUrl;
    }

    String classType() {
        return classType;
    }

    /** The {@code completion_args} a client of this provider takes, by their API names. */
    public Set<String> completionArgs() {
        return switch (this) {
            case OPENAI -> OpenAiOptionsMapper.KNOWN;
            case ANTHROPIC -> AnthropicOptionsMapper.KNOWN;
        };
    }

    /**
     * The provider's own public API needs a key; an OpenAI-compatible server elsewhere (Ollama, vLLM, a
     * proxy) may not, so a key is optional for any other host.
     */
    boolean requiresApiKey(String baseUrl) {
        String host = URI.create(baseUrl).getHost();
        return host != null && host.toLowerCase(Locale.ROOT).equals(publicHost);
    }

    /** Accepts "openai" / "anthropic" in any case; refuses anything else naming the choices. */
    public static Provider of(String id) {
        for (Provider provider : values()) {
            if (provider.id.equalsIgnoreCase(id == null ? "" : id.trim())) {
                return provider;
            }
        }
        throw new IllegalArgumentException("unknown provider '" + id + "': use openai or anthropic");
    }
}
