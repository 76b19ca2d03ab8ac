/**
 * Use cases over durable optimizer sessions: load a snapshot, run the core, save the result. The only
 * package that owns transactions.
 *
 * <h2>Use cases</h2>
 * Public, called by the web adapter and the web view: {@link OptimizerSessions}
 * (create, read, delete, append gradients, export, history; the changes by hand go through
 * {@code SessionEdits}), {@link StepService} (a step: {@code StepStarter}, the model
 * calls, {@code StepFinisher}), {@link RestoreService}, {@link Idempotency}, the computing of
 * gradients: {@link ForwardService}, {@link EvaluateService}, {@link BackwardService} and
 * {@link TraceService}, which share {@code TrainingCalls} and {@code TrainingTransactions} (a short read,
 * the model calls outside any transaction, a short write), and training runs ({@link RunService}: a run's
 * loop, {@code RunLoop}, trains each batch through those same use cases, {@code RunBatches}, handing them
 * {@code RunKeepers} to write the run's share in their own transactions, and each the session and traces
 * the one before it left (a step after the run's first, the optimizer the step before left), whose writes, a
 * step's start and end too, go on behind the next model calls ({@code WritesBehind}), on threads of
 * {@code RunWorkers}, which also takes over the runs of dead instances). A use case owns its settings as a
 * plain record ({@code StepSettings}, {@code LimitSettings}, {@code IdempotencySettings},
 * {@code ClosureSettings}, {@code TrainingSettings}); config binds {@code textopt.*} to them and nothing
 * here knows config.
 *
 * <h2>Ports</h2>
 * A use case reaches the outside only through interfaces declared here and implemented by an adapter,
 * in the style of buckpal's {@code LoadAccountPort} / {@code UpdateAccountStatePort}: one port per thing
 * a use case does, named {@code <Verb><Thing>Port}, a few methods each, so that a constructor says what
 * a use case touches and an adapter can serve each port the way its figures need.
 * <ul>
 *   <li>{@code LoadSessionPort}: find a session, one parameter, a page of sessions (reads, step start);
 *       {@code LoadCallSessionPort}: only what forward, evaluate and backward need before their calls.</li>
 *   <li>{@code CreateSessionPort}, {@code DeleteSessionPort}: a session comes and goes.</li>
 *   <li>{@code LockSessionPort} + {@code UpdateSessionStatePort}: a change by hand, in one transaction:
 *       lock the session, change it, read it back as changed.</li>
 *   <li>{@code AppendGradsPort}: the gradient append; {@code ReplaceGradsPort}: a closure's gradients.</li>
 *   <li>{@code StepLeasePort}, {@code ApplyStepPort}: a step's lease, and what it leaves behind.</li>
 *   <li>{@code RecordHistoryPort}, {@code LoadHistoryPort}: the history, written and read.</li>
 *   <li>{@code SaveTracePort}, {@code LoadTracePort}, {@code DeleteExpiredTracesPort}: forward traces, stored,
 *       read with the parameters' value versions, and swept away after their expiry.</li>
 *   <li>{@code IdempotencyStore}: Idempotency-Key claims and answers.</li>
 *   <li>{@code CreateRunPort}, {@code LoadRunPort}: training runs created and read (and a session's active
 *       one, which {@code RunGuard} asks before any change by hand); {@code RunLeasePort},
 *       {@code RecordRunPort}: a run's lease, and its progress, fenced by the lease.</li>
 *   <li>{@code RecordEventPort}, {@code ReadEventsPort}: session events, appended by {@code EventLog} in the transaction
 *       of the change they report, and read by the event streams of {@link SessionEvents}, woken by any instance's append;
 *       {@code StoreWebhooksPort}, {@code DeliverWebhooksPort}, {@code SendWebhookPort}: webhooks
 *       ({@link WebhookService}), their outbox, claimed and sent by {@code WebhookDispatcher}, and the POST.</li>
 *   <li>{@code ClosureEndpoint}: a step's closure, over HTTP; the core's {@code ExternalEvaluator}: an
 *       {@code http} evaluator; {@code TenantContext}, {@code ApiKeyLookup}:
 *       who the caller is, answered by the web adapter; the core's {@code ModelClients}: the models.</li>
 * </ul>
 * Every store port runs in the caller's transaction and finds only the current tenant's sessions (other
 * methods take ids such a find returned). A new use case declares the ports it needs here, reuses the
 * existing ones where they fit (a backward pass appends gradients through {@code AppendGradsPort} and
 * counts its cost through {@code ApplyStepPort#addOwnUsage}), and the persistence adapter implements the new
 * ones by the rule in its package-info.
 */
package dev.textopt.session;
