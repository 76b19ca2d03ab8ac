/**
 * The backward pass in plain Java, as afnio's forward, evaluators and {@code loss.backward()}: render and
 * run forward prompts ({@link ForwardPass}), score outputs ({@link ExactMatch}, {@link LlmJudge}, the
 * {@link ExternalEvaluator} port), and ask a model for feedback on each parameter a trace used
 * ({@link BackwardPass}).
 *
 * <p>Every model call goes through the {@link ModelClients} port with the step's machinery: one re-ask on
 * a malformed reply, a bounded concurrent batch, usage per client. Requests are checked before any call
 * and refused with an {@link InvalidTrainingRequestException} that lists every problem. Nothing here
 * stores anything: the session layer reads a snapshot, runs a pass and writes its all-or-nothing result.
 */
package dev.textopt.optim.training;

import dev.textopt.optim.ModelClients;
