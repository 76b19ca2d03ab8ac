/**
 * The optimizer core in plain Java: variables, parameters, param groups, Optimizer and Tgd, state dicts,
 * prompt templates and the narrow port to a language model. No Spring, no JPA, no HTTP.
 *
 * <p>The machinery of every model call lives here too, shared by a step and by the forward, judge and
 * backward passes of {@code optim.training}: {@link ContractCall} (a reply contract with one re-ask),
 * {@link ConcurrentCalls} (a bounded batch) and {@link UsageMeter} (usage per client).
 */
package dev.textopt.optim;
