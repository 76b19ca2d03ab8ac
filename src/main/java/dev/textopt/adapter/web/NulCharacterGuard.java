package dev.textopt.adapter.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.textopt.session.BadRequestException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * JSON may carry {@code \u0000}, PostgreSQL text cannot. Refusing it at the edge, with the field's
 * path, turns what would be a database error into a 400 that says what to change.
 */
@ControllerAdvice
class NulCharacterGuard extends RequestBodyAdviceAdapter {

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
            if (text.indexOf('\u0000') >= 0) {
                throw new BadRequestException(path, path + " contains the NUL character (\\u0000), which cannot be stored; remove it");
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                check(String.valueOf(k), path);
                check(v, path + "." + k);
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), path + "[" + i + "]");
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

    /** The path of a component as the client wrote it: an unwrapped one, or one that is the whole value, adds nothing. */
    private static String pathOf(String path, RecordComponent component) {
        Method accessor = component.getAccessor();
        if (accessor.isAnnotationPresent(JsonUnwrapped.class) || accessor.isAnnotationPresent(JsonValue.class)) {
            return path;
        }
        String name = component.getName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        return path.equals("body") ? name : path + "." + name;
    }
}
