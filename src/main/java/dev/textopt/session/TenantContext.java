package dev.textopt.session;

/**
 * The tenant the caller acts for, from its authenticated principal. The web adapter implements it; the
 * stores read it where sessions are found, so that another tenant's session is simply not there.
 * Background work carries the caller's authentication with it (config wires the executors so).
 */
public interface TenantContext {

    /** The one tenant of single-user mode, when no API keys are configured. */
    String SINGLE_USER = "default";

    /**
     * The current caller's tenant. Throws {@link IllegalStateException} when nobody is authenticated on
     * this thread: never a fallback tenant, which would let an unauthenticated path act for someone.
     */
    String current();

    /**
     * Runs {@code work} on this thread acting for {@code tenant}, as a request of that tenant's would: for work
     * that no request carries, such as a training run an instance takes over from one that died. The tenant
     * comes from the database (the run's session), never from a caller.
     */
    void actingFor(String tenant, Runnable work);
}
