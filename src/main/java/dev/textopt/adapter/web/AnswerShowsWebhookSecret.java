package dev.textopt.adapter.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the POST whose answer shows a new webhook's secret: with an {@code Idempotency-Key}, its answer is kept
 * without the secret and a replay derives it again ({@link WebhookSecretAnswers}), so no secret reaches the database.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@interface AnswerShowsWebhookSecret {
}
