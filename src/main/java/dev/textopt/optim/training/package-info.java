/**
 * The backward pass in plain Java, as afnio's forward, evaluators and {@code loss.backward()}: render and
 * run forward prompts ({@link dev.textopt.optim.training.ForwardPass}), score outputs
 * ({@link dev.textopt.optim.training.ExactMatch}, {@link dev.textopt.optim.training.LlmJudge}, the
 * {@link dev.textopt.optim.training.ExternalEvaluator} port), and ask a model for feedback on each
 * parameter a trace used ({@link dev.textopt.optim.training.BackwardPass}).
 *
 * <p>Every model call goes through the {@link dev.textopt.optim.ModelClients} port with the step's
 * machinery: one re-ask on a malformed reply, a bounded concurrent batch, usage per client. Requests are
 * checked before any call and refused with an {@link dev.textopt.optim.training.InvalidTrainingRequestException}
 * that lists every problem. Nothing here stores anything: the session layer reads a snapshot, runs a pass
 * and writes its all-or-nothing result.
 */
package dev.textopt.optim.training;
