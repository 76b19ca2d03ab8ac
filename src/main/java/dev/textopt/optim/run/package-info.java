/**
 * Training runs in plain Java, as afnio's {@code Trainer} plans them: a checked dataset and schedule
 * ({@link RunSpec}), the batches of each epoch in a documented deterministic order ({@link BatchOrder}),
 * what to do next from where a run stands ({@link RunSchedule}: validate, train a batch, finish), the best
 * validation score and the entry {@code keep_best} restores ({@link ValidationScore}), and a run's life
 * ({@link RunStatus}).
 *
 * <p>Everything here is decided from values a run's row in the database holds, so that any instance that
 * takes a run over after a crash makes the same decisions. The session layer does the work: each batch goes
 * through the same forward, evaluate, backward and step use cases as the single HTTP operations.
 */
package dev.textopt.optim.run;
