package dev.textopt.config;

import dev.textopt.adapter.web.HttpProperties;
import dev.textopt.adapter.web.SecurityProperties;
import dev.textopt.session.ClosureSettings;
import dev.textopt.session.IdempotencySettings;
import dev.textopt.session.LimitSettings;
import dev.textopt.session.StepSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Binds the {@code textopt.*} properties to the settings records their owners declare. The records are
 * plain Java with their defaults and checks in their constructors; Spring's binder reads the properties
 * in any form (YAML, {@code --textopt.step.lease-timeout=5m}, {@code TEXTOPT_STEP_LEASETIMEOUT=5m}) and
 * hands what is missing over as null. A refused value stops the start with a message naming the property.
 */
@Configuration(proxyBeanMethods = false)
class SettingsConfiguration {

    @Bean
    StepSettings stepSettings(Environment environment) {
        return bind(environment, "textopt.step", StepSettings.class);
    }

    @Bean
    LimitSettings limitSettings(Environment environment) {
        return bind(environment, "textopt.limits", LimitSettings.class);
    }

    @Bean
    IdempotencySettings idempotencySettings(Environment environment) {
        return bind(environment, "textopt.idempotency", IdempotencySettings.class);
    }

    @Bean
    ClosureSettings closureSettings(Environment environment) {
        return bind(environment, "textopt.closure", ClosureSettings.class);
    }

    @Bean
    HttpProperties httpProperties(Environment environment) {
        return bind(environment, "textopt.http", HttpProperties.class);
    }

    @Bean
    SecurityProperties securityProperties(Environment environment) {
        return bind(environment, "textopt.security", SecurityProperties.class);
    }

    private static <T> T bind(Environment environment, String prefix, Class<T> type) {
        return Binder.get(environment).bindOrCreate(prefix, type);
    }
}
