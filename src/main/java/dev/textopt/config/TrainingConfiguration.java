package dev.textopt.config;

import dev.textopt.session.TrainingSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Binds {@code textopt.training.*} to the settings record the training use cases own; what is missing is
 * handed over as null, and the record fills in its default.
 */
@Configuration(proxyBeanMethods = false)
class TrainingConfiguration {

    @Bean
    TrainingSettings trainingSettings(Environment environment) {
        return Binder.get(environment).bindOrCreate("textopt.training", TrainingSettings.class);
    }
}
