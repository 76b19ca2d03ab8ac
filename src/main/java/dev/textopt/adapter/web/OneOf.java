package dev.textopt.adapter.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The JSON value of a record component is one of these shapes; of a list or map component, each item is. An
 * array class stands for a list of its items. Read by {@link ApiModelResolver} for the OpenAPI
 * description (swagger-core's own {@code oneOf} on a property spills onto the type it refers to).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
@interface OneOf {

    Class<?>[] value();
}
