package dev.textopt.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The core keeps group options and state dicts as JSON-like trees (maps and lists), because it knows no
 * JSON library; the API shapes them as records. This converts between the two with the API's naming.
 */
final class JsonTrees {

    /** snake_case and strict like the API; fields that are null are left out of a tree, as a client leaves them out. */
    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .changeDefaultPropertyInclusion(include -> include.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private static final TypeReference<Map<String, Object>> TREE = new TypeReference<>() {
    };

    private JsonTrees() {
    }

    static <T> T read(Object tree, Class<T> type) {
        return JSON.convertValue(tree, type);
    }

    static Map<String, Object> tree(Object record) {
        return JSON.convertValue(record, TREE);
    }
}
