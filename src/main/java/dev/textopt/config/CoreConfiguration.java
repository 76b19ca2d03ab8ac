package dev.textopt.config;

import dev.textopt.session.TrainingSettings;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.security.concurrent.DelegatingSecurityContextRunnable;

/**
 * Beans every layer shares: the clock and the threads that steps, runs and model calls run on. Work handed
 * to those threads goes on in the trace of the thread that handed it over.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CoreConfiguration {

    /** Captures the current observation (with tracing on, the span) and nothing else: the security context has its own wrappers. */
    private static final ContextSnapshotFactory TRACE = ContextSnapshotFactory.builder()
            .captureKeyPredicate(ObservationThreadLocalAccessor.KEY::equals).build();

    /** In microseconds, as PostgreSQL keeps time: an instant answered right away reads the same later. */
    @Bean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }

    /**
     * Asynchronous steps run here. On shutdown the pool stops taking steps and waits for the running
     * ones up to the shutdown grace period, so that a deploy does not cut a step in half. Each step runs
     * with the security context of the request that started it: it acts for the same tenant.
     */
    @Bean
    ThreadPoolTaskExecutor backgroundSteps(@Value("${spring.lifecycle.timeout-per-shutdown-phase:60s}") Duration grace) {
        var executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("step-");
        executor.setCorePoolSize(8);
        executor.setMaxPoolSize(64);
        executor.setQueueCapacity(1000);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationMillis(grace.toMillis());
        executor.setTaskDecorator(task -> new DelegatingSecurityContextRunnable(TRACE.captureAll().wrap(task)));
        return executor;
    }

    /**
     * Training runs work here, one thread each, at most {@code textopt.training.max-concurrent-runs}: a run
     * offered when all are busy is left for another instance to take. On shutdown the pool waits, up to the
     * shutdown grace period, for each run to finish its step in flight and let go of its lease. No security
     * context is handed over: a run acts for its session's tenant, set by its own thread; the trace is.
     */
    @Bean
    ThreadPoolTaskExecutor trainingRuns(TrainingSettings settings,
            @Value("${spring.lifecycle.timeout-per-shutdown-phase:60s}") Duration grace) {
        var executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("run-");
        executor.setCorePoolSize(settings.maxConcurrentRuns());
        executor.setMaxPoolSize(settings.maxConcurrentRuns());
        executor.setQueueCapacity(0);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationMillis(grace.toMillis());
        executor.setTaskDecorator(task -> TRACE.captureAll().wrap(task));
        return executor;
    }

    /**
     * Model calls block on network I/O for seconds; a cached pool gives each in-flight call its own
     * thread, and the per-step and per-client bounds keep their number in check. Like steps, they carry
     * the security context (the tenant) and the trace of the thread that hands them over.
     */
    @Bean(destroyMethod = "shutdown")
    ExecutorService modelCallExecutor() {
        var counter = new AtomicInteger();
        return new DelegatingSecurityContextExecutorService(ContextExecutorService.wrap(Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "model-call-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }), TRACE));
    }
}
