package dev.textopt.adapter.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.textopt.optim.StorableText;
import dev.textopt.session.BadRequestException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * JSON may carry text PostgreSQL would refuse or change: the NUL character ({@code \u0000}) and lone
 * surrogates ({@code \ud800}). Every string of every request body, keys included, is checked here, in
 * this one place, after the body is read and before any use case sees it: a 400 that names the field,
 * instead of a database error or a value stored differently from what was acknowledged.
 */
@ControllerAdvice
class StorableTextGuard extends RequestBodyAdviceAdapter {

    /** Looked up once per class: {@code getDeclaredMethods} copies every method on each call, on every request body. */
    private static final ClassValue<Optional<Method>> JSON_VALUE = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            return Arrays.stream(type.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(JsonValue.class)).findFirst();
        }
    };

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage inputMessage, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        check(body, "body");
        return body;
    }

    static void check(Object value, String path) {
        if (value instanceof String text) {
            StorableText.problem(text).ifPresent(problem -> {
                throw new BadRequestException(path, path + " " + problem);
            });
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                check(String.valueOf(k), path);
                check(v, path + "." + k);
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), path + "[" + i + "]");
            }
        } else if (value != null && value.getClass().isRecord() && jsonValue(value.getClass()) != null) {
            try { // a record that is another value in JSON (a list, say): that value as JSON, at the same path
                Method asJson = jsonValue(value.getClass());
                asJson.setAccessible(true);
                check(JsonTrees.read(asJson.invoke(value), Object.class), path);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + value.getClass(), e);
            }
        } else if (value != null && value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                try {
                    Method accessor = component.getAccessor();
                    accessor.setAccessible(true);
                    check(accessor.invoke(value), pathOf(path, component));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component, e);
                }
            }
        }
    }

    private static Method jsonValue(Class<?> type) {
        return JSON_VALUE.get(type).orElse(null);
    }

    /** The path of a component as the client wrote it: an unwrapped one adds nothing. */
    private static String pathOf(String path, RecordComponent component) {
        if (component.getAccessor().isAnnotationPresent(JsonUnwrapped.class)) {
            return path;
        }
        String name = component.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        return path.equals("body") ? name : path + "." + name;
    }
}
