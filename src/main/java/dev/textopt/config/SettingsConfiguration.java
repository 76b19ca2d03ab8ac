package dev.textopt.config;

import dev.textopt.adapter.web.HttpProperties;
import dev.textopt.adapter.web.SecurityProperties;
import dev.textopt.session.ClosureSettings;
import dev.textopt.session.EventSettings;
import dev.textopt.session.IdempotencySettings;
import dev.textopt.session.LimitSettings;
import dev.textopt.session.StepSettings;
import dev.textopt.session.TrainingSettings;
import dev.textopt.session.WebhookSettings;
import java.util.Map;
import org.springframework.beans.factory.BeanRegistrar;
import org.springframework.beans.factory.BeanRegistry;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Binds the {@code textopt.*} properties to the settings records their owners declare, one bean each.
 * The records are plain Java with their defaults and checks in their constructors; Spring's binder reads
 * the properties in any form (YAML, {@code --textopt.step.lease-timeout=5m},
 * {@code TEXTOPT_STEP_LEASETIMEOUT=5m}) and hands what is missing over as null. A refused value stops the
 * start with a message naming the property.
 */
@Configuration(proxyBeanMethods = false)
@Import(SettingsConfiguration.Registrar.class)
class SettingsConfiguration {

    /** Each settings record, and the prefix of its properties. */
    static final Map<Class<?>, String> PREFIXES = Map.of(StepSettings.class, "textopt.step", LimitSettings.class, "textopt.limits",
            IdempotencySettings.class, "textopt.idempotency", ClosureSettings.class, "textopt.closure",
            TrainingSettings.class, "textopt.training", EventSettings.class, "textopt.events",
            WebhookSettings.class, "textopt.webhooks", HttpProperties.class, "textopt.http", SecurityProperties.class, "textopt.security");

    static final class Registrar implements BeanRegistrar {

        @Override
        public void register(BeanRegistry registry, Environment environment) {
            PREFIXES.forEach((type, prefix) -> bind(registry, environment, type, prefix));
        }

        private static <T> void bind(BeanRegistry registry, Environment environment, Class<T> type, String prefix) {
            registry.registerBean(type, spec -> spec.supplier(context -> Binder.get(environment).bindOrCreate(prefix, type)));
        }
    }
}
