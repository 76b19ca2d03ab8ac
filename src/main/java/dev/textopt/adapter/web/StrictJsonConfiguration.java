package dev.textopt.adapter.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * What application.yml cannot say about strict input: Jackson turns {@code 42} or {@code true} into the
 * text "42" where a record wants a string, even with scalar coercion off. A 400 naming the field is
 * what a client that sent a number for {@code data} needs.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer textsAreTexts() {
        return builder -> builder.withCoercionConfig(LogicalType.Textual, texts -> texts
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
