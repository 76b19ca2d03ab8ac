/**
 * The PostgreSQL adapter: it implements the session layer's store ports. One rule decides how each
 * statement is written.
 *
 * <ul>
 *   <li><b>JPA maps the session aggregate</b>: optimizer_session, param_group, parameter and gradient
 *       as entities ({@link SessionEntity} down to {@link GradientEntity}), and the history as it is read
 *       ({@link StepEntryEntity}, {@link StepParamEntity}). Creating and deleting a session and every
 *       change by hand (add a group, edit, clear grads, load a state dict, restore) work on the entities
 *       of a session whose row they locked first ({@link SessionAggregate}); the commit writes what
 *       changed. Reading the history is JPA too ({@link HistoryReads}), and so are the traces of forward
 *       passes ({@link JpaTraceStore}: only it writes their table, an evaluation in one SQL batch).</li>
 *   <li><b>Plain SQL only where BENCHMARKS.md shows that JPA costs a figure</b>, each statement in one
 *       small class whose comment names the figure it protects: {@link SessionReader} (every read of a
 *       session: benchmarks 4, 2 and 3), {@link CallSessionReader} (what forward, evaluate and backward read
 *       before their calls: benchmarks 7, 8 and 11), {@link GradientAppends} (appends: benchmark 3),
 *       {@link StepLeases}, {@link StepResults} and {@link HistoryWrites} (a step's start, progress and
 *       end: benchmarks 2 and 1). Two are plain SQL for another reason: {@link JdbcIdempotencyStore} and
 *       {@link RunProgress} (a training run's lease and fenced progress), whose claims are races between
 *       instances that one INSERT … ON CONFLICT or one conditional UPDATE decides, which JPA cannot say
 *       without an aborted transaction or a lost update (and so are {@link JdbcWebhooks}' claims of its outbox, and
 *       {@link SessionEventStore}'s appends, which lock, insert, queue deliveries and notify in one statement); {@link RunReads} creates and reads the runs those
 *       statements write, in SQL too, so that no JPA entity holds a run row that SQL changes.</li>
 *   <li><b>No flush or clear between the two styles.</b> What one style writes, the other does not hold:
 *       model_usage, run_usage and the history rows are written in SQL only (no transaction writes a history row
 *       after JPA read it), the columns a step writes in SQL (its lease, its count, what it spent) are
 *       read-only in {@link SessionEntity}, and a change by hand locks the session row before it reads, so
 *       no SQL write of a step or an append can slip in between its read and its commit.</li>
 * </ul>
 *
 * <p>The schema belongs to the Flyway migrations in db/migration. Entity fields are named after their
 * columns by Spring Boot's naming strategy ({@code historyCount} is history_count).
 */
package dev.textopt.adapter.persistence;
