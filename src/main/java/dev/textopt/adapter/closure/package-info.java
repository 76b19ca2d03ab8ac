/**
 * The outbound HTTP adapter for a client's own endpoints: a step's closure (the loss and fresh gradients)
 * and an {@code http} evaluator (a score per trace), both POSTed to as {@link dev.textopt.adapter.closure.JsonPost}
 * does, and both answers refused when they are not of their shape; and webhook deliveries
 * ({@link dev.textopt.adapter.closure.WebhookPost}), signed by the session layer, whose answer counts only by its status.
 */
package dev.textopt.adapter.closure;
