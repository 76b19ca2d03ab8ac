package dev.textopt.adapter.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a POST whose whole effect is one database transaction: with an {@code Idempotency-Key}, the
 * request runs in one transaction that also keeps its answer, so that no crash can leave the effect
 * done and the answer lost (a retry would do it again). Never on a step, which holds no transaction
 * while its model calls run and keeps its key on its history entry instead. A new POST needs one of the
 * two (this mark, or its key recorded on its effect); without either, a retry after a crash may repeat it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface AnswerWithEffect {
}
