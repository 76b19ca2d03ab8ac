package dev.textopt.adapter.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import jakarta.annotation.Nullable;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Derives the OpenAPI schemas from the API's records as Jackson writes them. swagger-core reads records
 * with Jackson 2, which knows nothing of the snake_case our Jackson 3 is configured with, so the naming
 * is set here too. The rules of this API that complete what swagger-core infers:
 * <ul>
 * <li>A record named {@code FooJson} is the schema {@code Foo}; {@code PageJson<FooJson>} is {@code FooPage}.</li>
 * <li>Every component of a record is required, except those that may be null ({@link Nullable}, which
 * also makes them nullable), may be left out ({@code @JsonInclude(NON_NULL)} on them or their record),
 * or are unwrapped.</li>
 * <li>{@code Object} is any JSON value, not an object; {@link OneOf} says which values a component takes (of a
 * list or a map: which values its items take).</li>
 * <li>The three shapes a record cannot show: one gradient or a list ({@link GradRequest}), a list of
 * Variables or of groups ({@link CreateRequest#params()}), a pair as a two-item array ({@link StateDictJson.MomentumEntryJson}).</li>
 * </ul>
 */
final class ApiModelResolver extends ModelResolver {

    private static final PropertyNamingStrategies.NamingBase SNAKE_CASE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    ApiModelResolver(ObjectMapper mapper) {
        super(mapper.copy().setPropertyNamingStrategy(SNAKE_CASE), new ApiTypeNames());
    }

    @Override
    public Schema resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> next) {
        JavaType javaType = _mapper.constructType(type.getType());
        Class<?> raw = javaType.getRawClass();
        if (raw == Object.class || raw == ParamsJson.class || raw == ParamItemJson.class) {
            return new Schema<>(); // any JSON value; the two sealed shapes are described where they are used, with OneOf
        }
        if (raw == GradRequest.class) {
            return define(context, javaType, oneOf(ref(context, GradientJson.class), arrayOf(ref(context, GradientJson.class)))
                    .description("One gradient or a list of them"));
        }
        if (raw == StateDictJson.MomentumEntryJson.class) {
            return define(context, javaType, new ArraySchema().minItems(2).maxItems(2)
                    .items(oneOf(ref(context, VariableJson.class), arrayOf(ref(context, StateDictJson.MomentumGradientJson.class))))
                    .description("[parameter snapshot, [the gradients it got]] of one remembered step"));
        }
        Schema resolved = super.resolve(type, context, next);
        if (resolved != null && raw.isRecord()) {
            Schema model = resolved.get$ref() == null ? resolved : context.getDefinedModels().get(_typeName(javaType));
            if (model != null && model.getProperties() != null) {
                complete(raw, model, context);
            }
        }
        return resolved;
    }

    @SuppressWarnings("unchecked")
    private void complete(Class<?> record, Schema model, ModelConverterContext context) {
        for (RecordComponent component : record.getRecordComponents()) {
            String name = SNAKE_CASE.translate(component.getName());
            Schema property = (Schema) model.getProperties().get(name);
            if (property == null) {
                continue;
            }
            OneOf choices = component.getAnnotation(OneOf.class);
            if (choices != null && List.class.isAssignableFrom(component.getType())) {
                property.setItems(oneOf(context, choices.value()));
            } else if (choices != null && Map.class.isAssignableFrom(component.getType())) {
                property.setAdditionalProperties(oneOf(context, choices.value()));
            } else if (choices != null) {
                property = oneOf(context, choices.value()).description(property.getDescription());
                model.getProperties().put(name, property);
            } else if (component.getType() == Object.class) { // swagger-core would say "type: object"
                property = new Schema<>().description(property.getDescription());
                model.getProperties().put(name, property);
            } else if (component.getGenericType() instanceof ParameterizedType map && component.getType() == Map.class
                    && map.getActualTypeArguments()[1] == Object.class) {
                property.setAdditionalProperties(new Schema<>()); // an open map: any JSON value
            }
            if (component.isAnnotationPresent(Nullable.class)) {
                nullable(property, context);
            }
            if (!optional(component)) {
                addRequiredItem(model, name);
            }
        }
    }

    /**
     * OpenAPI 3.0 ignores anything beside a $ref, and validators do not take {@code allOf} of a nullable
     * reference either: a record held by a nullable property is nullable itself. (Where it is also held
     * by a property that is never null, that property is described a little looser than it is.)
     */
    private static void nullable(Schema property, ModelConverterContext context) {
        if (property.get$ref() == null) {
            property.setNullable(true);
        } else {
            context.getDefinedModels().get(property.get$ref().substring(property.get$ref().lastIndexOf('/') + 1)).setNullable(true);
        }
    }

    private static boolean optional(RecordComponent component) {
        AnnotatedElement accessor = component.getAccessor(); // where Jackson's annotations on a component end up
        return component.isAnnotationPresent(Nullable.class) || accessor.isAnnotationPresent(JsonUnwrapped.class)
                || leftOutWhenNull(accessor) || leftOutWhenNull(component.getDeclaringRecord());
    }

    private static boolean leftOutWhenNull(AnnotatedElement element) {
        JsonInclude include = element.getAnnotation(JsonInclude.class);
        return include != null && include.value() == JsonInclude.Include.NON_NULL;
    }

    private Schema define(ModelConverterContext context, JavaType type, Schema schema) {
        String name = _typeName(type);
        context.defineModel(name, schema, type, null);
        return new Schema<>().$ref(name);
    }

    private static Schema ref(ModelConverterContext context, Class<?> type) {
        return context.resolve(new AnnotatedType(type).resolveAsRef(true));
    }

    private static Schema arrayOf(Schema items) {
        return new ArraySchema().items(items);
    }

    private static Schema oneOf(ModelConverterContext context, Class<?>... choices) {
        return oneOf(Arrays.stream(choices).map(choice -> schemaOf(context, choice)).toArray(Schema[]::new));
    }

    private static Schema schemaOf(ModelConverterContext context, Class<?> type) {
        if (type.isArray()) {
            return arrayOf(schemaOf(context, type.getComponentType()));
        }
        if (type == String.class) {
            return new StringSchema();
        }
        if (Number.class.isAssignableFrom(type)) {
            return new NumberSchema();
        }
        return ref(context, type);
    }

    private static Schema oneOf(Schema... choices) {
        var schema = new ComposedSchema();
        for (Schema choice : choices) {
            schema.addOneOfItem(choice);
        }
        return schema;
    }

    /** {@code SessionJson} → {@code Session}, {@code PageJson<SessionJson>} → {@code SessionPage}. */
    private static final class ApiTypeNames extends TypeNameResolver {

        private static final String SUFFIX = "Json";

        @Override
        public String nameForType(JavaType type, Set<Options> options) {
            if (type.getRawClass() == PageJson.class && type.containedTypeCount() == 1) {
                return nameForType(type.containedType(0), options) + "Page";
            }
            return super.nameForType(type, options);
        }

        /** Which class took each name: two records of one name would share one schema, and one of them be described wrongly. */
        private final Map<String, Class<?>> classByName = new ConcurrentHashMap<>();

        @Override
        protected String getNameOfClass(Class<?> cls) {
            String name = super.getNameOfClass(cls);
            String shortName = name.endsWith(SUFFIX) ? name.substring(0, name.length() - SUFFIX.length()) : name;
            Class<?> taken = classByName.putIfAbsent(shortName, cls);
            if (taken != null && taken != cls) {
                throw new IllegalStateException("schema name " + shortName + " is taken by " + taken.getName()
                        + "; rename " + cls.getName());
            }
            return shortName;
        }
    }
}
