package dev.textopt.adapter.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation whose successful answer carries an {@code ETag} ({@link Conditional}), so that the
 * OpenAPI description says so ({@link ConditionalRequestsDescription}).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface AnswerWithETag {
}
