/**
 * The optimizer core in plain Java: variables, parameters, param groups, Optimizer and Tgd, state dicts,
 * prompt templates and the narrow port to a language model. No Spring, no JPA, no HTTP.
 */
package dev.textopt.optim;
