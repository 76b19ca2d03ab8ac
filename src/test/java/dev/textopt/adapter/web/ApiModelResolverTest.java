package dev.textopt.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverterContextImpl;
import io.swagger.v3.core.util.Json;
import org.junit.jupiter.api.Test;

/** The schema names the OpenAPI description is built from: one name, one record. */
class ApiModelResolverTest {

    static final class First {
        record ItemJson(String text) {
        }
    }

    static final class Second {
        record ItemJson(int count) {
        }
    }

    private final ApiModelResolver resolver = new ApiModelResolver(Json.mapper());

    @Test
    void aRecordNamedFooJsonIsTheSchemaFooInSnakeCase() {
        var context = new ModelConverterContextImpl(resolver);
        context.resolve(new AnnotatedType(SnakeJson.class));
        assertThat(context.getDefinedModels()).containsKey("Snake");
        assertThat(context.getDefinedModels().get("Snake").getProperties()).containsOnlyKeys("param_id");
    }

    record SnakeJson(String paramId) {
    }

    @Test
    void twoRecordsOfOneNameAreRefusedInsteadOfSharingASchema() {
        var context = new ModelConverterContextImpl(resolver);
        context.resolve(new AnnotatedType(First.ItemJson.class));
        assertThatThrownBy(() -> context.resolve(new AnnotatedType(Second.ItemJson.class)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("schema name Item is taken by " + First.ItemJson.class.getName())
                .hasMessageContaining("rename " + Second.ItemJson.class.getName());
    }
}
