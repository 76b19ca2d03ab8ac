package dev.textopt.optim;

import static dev.textopt.optim.Fixtures.defaults;
import static dev.textopt.optim.Fixtures.grad;
import static dev.textopt.optim.Fixtures.param;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A step's calls run at the same time, bounded; proven with latches and counters, not with a clock. */
class TgdConcurrencyTest {

    private static final int N = 8;
    private final ExecutorService executor = Executors.newFixedThreadPool(N);

    @AfterEach
    void stopThreads() {
        executor.shutdownNow();
    }

    private static List<Parameter> paramsWithFeedback() {
        List<Parameter> params = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            Parameter p = param("p" + i, "value " + i);
            p.appendGrad(grad("Use capital letters"));
            params.add(p);
        }
        return params;
    }

    private Tgd optimizer(List<Parameter> params, int maxConcurrentCalls, FakeModelClient model) {
        return new Tgd(params, defaults(1), new FakeClients(model), Fixtures.PRICES, new TgdSettings(maxConcurrentCalls, executor));
    }

    @Test
    void allCallsOfAStepAreInFlightTogether() {
        CountDownLatch everyoneArrived = new CountDownLatch(N);
        AtomicInteger arrivedInTime = new AtomicInteger();
        FakeModelClient model = FakeModelClient.openAi(conversation -> {
            everyoneArrived.countDown();
            try {
                // Nobody returns before all N calls reached the model; sequential calls would time out here.
                if (everyoneArrived.await(30, TimeUnit.SECONDS)) {
                    arrivedInTime.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FakeModelClient.followsCapitalFeedback(conversation);
        });
        List<Parameter> params = paramsWithFeedback();

        StepResult result = optimizer(params, N, model).step(null);

        assertThat(arrivedInTime).as("calls that saw all %d calls arrive", N).hasValue(N);
        assertThat(result).isInstanceOf(StepResult.Applied.class);
        assertThat(params).extracting(Parameter::data).allSatisfy(data -> assertThat(data).startsWith("VALUE "));
        assertThat(result.usage().get("openai").tokens()).isEqualTo(new TokenUsage(100L * N, 10L * N));
    }

    @Test
    void neverMoreCallsInFlightThanAllowed() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch aThirdCallArrived = new CountDownLatch(3);
        FakeModelClient model = FakeModelClient.openAi(conversation -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            aThirdCallArrived.countDown();
            try {
                // Hold the call until a third one is in: without the bound they would all pile up here.
                // The timeout only keeps a correct (bounded) run from waiting forever.
                aThirdCallArrived.await(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return FakeModelClient.followsCapitalFeedback(conversation);
        });

        StepResult result = optimizer(paramsWithFeedback(), 2, model).step(null);

        assertThat(maxInFlight.get()).isEqualTo(2);
        assertThat(model.calls()).hasSize(N);
        assertThat(result).isInstanceOf(StepResult.Applied.class);
    }

    @Test
    void boundedCallsStillOverlapUpToTheLimit() {
        CountDownLatch twoArrived = new CountDownLatch(2);
        AtomicInteger pairedUp = new AtomicInteger();
        FakeModelClient model = FakeModelClient.openAi(conversation -> {
            twoArrived.countDown();
            try {
                if (twoArrived.await(30, TimeUnit.SECONDS)) {
                    pairedUp.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FakeModelClient.followsCapitalFeedback(conversation);
        });

        optimizer(paramsWithFeedback(), 2, model).step(null);

        assertThat(pairedUp).hasValue(N);
    }
}
