package dev.textopt.session;

/**
 * The tenant the current request acts for, set by the web adapter once the caller is authenticated
 * and read where sessions are found, so that another tenant's session is simply not there.
 */
public final class CurrentTenant {

    public static final String SINGLE_USER = "default";

    private static final ThreadLocal<String> TENANT = new ThreadLocal<>();

    private CurrentTenant() {
    }

    public static String get() {
        String tenant = TENANT.get();
        return tenant == null ? SINGLE_USER : tenant;
    }

    /** Runs {@code work} as {@code tenant}. */
    public static void runAs(String tenant, ThrowingRunnable work) throws Exception {
        String previous = TENANT.get();
        TENANT.set(tenant);
        try {
            work.run();
        } finally {
            if (previous == null) {
                TENANT.remove();
            } else {
                TENANT.set(previous);
            }
        }
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
