package dev.textopt.adapter.llm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import dev.textopt.config.ModelClientsConfiguration;
import dev.textopt.config.ModelClientsProperties;
import dev.textopt.optim.ChatMessage;
import dev.textopt.optim.ModelClient;
import dev.textopt.optim.ModelClients;
import dev.textopt.optim.PriceTable;

/** Only our configuration in a tiny context: no database, no web, no real environment. */
class ModelClientsConfigurationTest {

    /** The context with {@code env} standing in for the process environment (the real one is hidden). */
    static ApplicationContextRunner runner(Map<String, Object> env) {
        return new ApplicationContextRunner().withUserConfiguration(ModelClientsConfiguration.class)
            .withInitializer(context -> context.getEnvironment().getPropertySources().replace(
                    StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                            new HashMap<>(env))));
    }

    static ApplicationContextRunner withDefaultsYaml(ApplicationContextRunner runner) {
        return runner.withInitializer(context -> {
            try {
                new YamlPropertySourceLoader().load("textopt-defaults", new ClassPathResource("textopt-defaults.yml"))
                    .forEach(context.getEnvironment().getPropertySources()::addLast);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    @Test
    void bindsEveryPropertyFromTheEnvironmentInRelaxedForm() {
        runner(Map.of("TEXTOPT_MODELCLIENTS_OPENAI_TIMEOUT", "30s", "TEXTOPT_MODELCLIENTS_OPENAI_MAXRETRIES", "5",
                "TEXTOPT_MODELCLIENTS_OPENAI_MAXCONCURRENCY", "4", "TEXTOPT_MODELCLIENTS_OPENAI_APIKEY", "sk-env-SECRET",
                "TEXTOPT_PRICES_MYMODEL_INPUTPERMILLION", "1.5", "TEXTOPT_PRICES_MYMODEL_OUTPUTPERMILLION", "3"))
            .run(context -> {
                ModelClientsProperties.Client openai = context.getBean(ModelClientsProperties.class).modelClients()
                    .get("openai");
                assertThat(openai.timeout()).isEqualTo(Duration.ofSeconds(30));
                assertThat(openai.maxRetries()).isEqualTo(5);
                assertThat(openai.maxConcurrency()).isEqualTo(4);
                assertThat(openai.backoffBase()).isEqualTo(Duration.ofMillis(500));
                assertThat(context.getBean(ModelClients.class).find("openai").orElseThrow().missingConfiguration())
                    .isEmpty();
                assertThat(context.getBean(PriceTable.class).find("mymodel")).isPresent();
                assertThat(context.getBean(ModelClientsProperties.class).toString()).contains("timeout=PT30S")
                    .doesNotContain("SECRET");
            });
    }

    @Test
    void startsWithoutAnyKeyAndSaysWhichVariableToSet() {
        runner(Map.of()).run(context -> {
            assertThat(context).hasNotFailed();
            ModelClients clients = context.getBean(ModelClients.class);
            assertThat(clients.names()).containsExactly("openai", "anthropic");
            assertThat(clients.find("openai").orElseThrow().missingConfiguration())
                .contains("set OPENAI_API_KEY (or textopt.model-clients.openai.api-key)");
            assertThat(clients.find("anthropic").orElseThrow().missingConfiguration())
                .contains("set ANTHROPIC_API_KEY (or textopt.model-clients.anthropic.api-key)");
            assertThat(clients.find("anthropic").orElseThrow().classType()).isEqualTo("AnthropicChatModel");
        });
    }

    @Test
    void namedClientsTellTheirOwnVariableAndLocalServersNeedNoKey() {
        runner(Map.of("TEXTOPT_MODELCLIENTS_FOO_PROVIDER", "openai", "OPENAI_API_KEY", "sk-not-for-foo"))
            .withPropertyValues("textopt.model-clients.ollama.provider=openai",
                    "textopt.model-clients.ollama.base-url=http://localhost:11434/v1")
            .run(context -> {
                ModelClients clients = context.getBean(ModelClients.class);
                assertThat(clients.names()).contains("openai", "anthropic", "foo", "ollama");
                assertThat(clients.find("openai").orElseThrow().missingConfiguration()).isEmpty();
                assertThat(clients.find("foo").orElseThrow().missingConfiguration())
                    .contains("set TEXTOPT_MODELCLIENTS_FOO_APIKEY (or textopt.model-clients.foo.api-key)");
                assertThat(clients.find("ollama").orElseThrow().missingConfiguration()).isEmpty();
            });
    }

    @Test
    void refusesAnUnknownProviderAtStartupNamingTheProperty() {
        runner(Map.of()).withPropertyValues("textopt.model-clients.bar.provider=gemini").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("gemini"));
        runner(Map.of()).withPropertyValues("textopt.model-clients.bar.provider=openai",
                "textopt.model-clients.bar.completion-args.temprature=1").run(context ->
                assertThat(context).getFailure().hasMessageContaining("textopt.model-clients.bar.completion-args")
                    .hasMessageContaining("temprature"));
    }

    @Test
    void theDefaultsFileBindsPricesWithDotsAndTheClientsFromTheirVariables() {
        withDefaultsYaml(runner(Map.of("ANTHROPIC_API_KEY", "sk-ant-SECRET"))).run(context -> {
            PriceTable prices = context.getBean(PriceTable.class);
            assertThat(prices.prices()).containsKeys("gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini",
                    "gpt-4.1-nano", "o3", "o4-mini", "gpt-5", "gpt-5-mini", "gpt-5-nano", "claude-opus-4-1",
                    "claude-sonnet-4-5", "claude-haiku-4-5", "claude-3-5-haiku");
            assertThat(prices.find("gpt-4.1-2025-04-14").orElseThrow().inputPerMillion()).isEqualByComparingTo("2.00");
            ModelClientsProperties properties = context.getBean(ModelClientsProperties.class);
            assertThat(properties.modelClients().get("openai").baseUrl()).isEqualTo("https://api.openai.com/v1");
            assertThat(properties.modelClients().get("anthropic").apiKey()).isEqualTo("sk-ant-SECRET");
            assertThat(properties.toString()).doesNotContain("SECRET");
            ModelClients clients = context.getBean(ModelClients.class);
            assertThat(clients.find("openai").orElseThrow().missingConfiguration()).isPresent();
            assertThat(clients.find("anthropic").orElseThrow().missingConfiguration()).isEmpty();
        });
    }

    @Test
    void pricesOfModelsWithDashesAndDotsComeFromOneVariable() {
        withDefaultsYaml(runner(Map.of("TEXTOPT_PRICE_LIST", "gpt-4o=3:12, my-model-1.5=0.5:1.25"))).run(context -> {
            PriceTable prices = context.getBean(PriceTable.class);
            assertThat(prices.find("my-model-1.5").orElseThrow().outputPerMillion()).isEqualByComparingTo("1.25");
            assertThat(prices.find("gpt-4o").orElseThrow().inputPerMillion()).as("over the shipped table").isEqualByComparingTo("3");
            assertThat(prices.find("gpt-4.1").orElseThrow().inputPerMillion()).as("the rest stays").isEqualByComparingTo("2.00");
        });
        runner(Map.of("TEXTOPT_PRICE_LIST", "gpt-4o=cheap")).run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().hasMessageContaining("TEXTOPT_PRICE_LIST").hasMessageContaining("\"gpt-4o=cheap\""));
    }

    @Test
    void clientDefaultsFromTheEnvironmentReachTheProviderTyped() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .bindAddress("127.0.0.1"));
        server.start();
        try {
            server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(OpenAiModelClientTest.REPLY)));
            withDefaultsYaml(runner(Map.of("OPENAI_BASE_URL", "http://127.0.0.1:" + server.port() + "/v1",
                    "OPENAI_API_KEY", "sk-from-env-SECRET",
                    "TEXTOPT_MODELCLIENTS_OPENAI_COMPLETIONARGS_MODEL", "gpt-4.1-mini",
                    "TEXTOPT_MODELCLIENTS_OPENAI_COMPLETIONARGS_TEMPERATURE", "0.2",
                    "TEXTOPT_MODELCLIENTS_OPENAI_COMPLETIONARGS_MAXCOMPLETIONTOKENS", "256")))
                .withPropertyValues("textopt.model-clients.openai.completion-args.stop[0]=END",
                        "textopt.model-clients.openai.completion-args.stop[1]=STOP")
                .run(context -> {
                    ModelClient openai = context.getBean(ModelClients.class).find("openai").orElseThrow();
                    openai.complete(List.of(ChatMessage.user("hi")), Map.of("seed", 3));
                });
            server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer sk-from-env-SECRET"))
                .withRequestBody(equalToJson("""
                        {"model": "gpt-4.1-mini", "temperature": 0.2, "max_completion_tokens": 256, "seed": 3,
                         "stop": ["END", "STOP"]}
                        """, false, true)));
        }
        finally {
            server.stop();
        }
    }
}
