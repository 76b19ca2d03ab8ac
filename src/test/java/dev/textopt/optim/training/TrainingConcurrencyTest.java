package dev.textopt.optim.training;

import static dev.textopt.optim.training.TrainingFixtures.GPT_4O;
import static dev.textopt.optim.training.TrainingFixtures.param;
import static dev.textopt.optim.training.TrainingFixtures.text;
import static dev.textopt.optim.training.TrainingFixtures.trace;
import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.optim.ChatMessage;
import dev.textopt.optim.Completion;
import dev.textopt.optim.FakeClients;
import dev.textopt.optim.FakeModelClient;
import dev.textopt.optim.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The passes' calls run at the same time, bounded, like a step's; proven with latches and counters, not a clock. */
class TrainingConcurrencyTest {

    private static final int N = 6;
    private final ExecutorService executor = Executors.newFixedThreadPool(N);

    @AfterEach
    void stopThreads() {
        executor.shutdownNow();
    }

    private ModelCalls calls(int maxConcurrentCalls, Function<List<ChatMessage>, Completion> answer) {
        return new ModelCalls(new FakeClients(FakeModelClient.openAi(answer)), Fixtures.PRICES, maxConcurrentCalls, executor, dev.textopt.optim.Allowance.UNLIMITED);
    }

    /** Answers only once {@code together} calls are in flight at the same time; counts those that saw it happen. */
    private static Function<List<ChatMessage>, Completion> waitsFor(int together, AtomicInteger metUp, String reply) {
        CountDownLatch arrived = new CountDownLatch(together);
        return conversation -> {
            arrived.countDown();
            try {
                if (arrived.await(30, TimeUnit.SECONDS)) {
                    metUp.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return FakeModelClient.reply(reply);
        };
    }

    @Test
    void allForwardCallsAreInFlightTogether() {
        AtomicInteger metUp = new AtomicInteger();
        List<Map<String, String>> inputs = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            inputs.add(Map.of("text", "item " + i));
        }
        ForwardRequest request = ForwardRequest.of(List.of(PromptTurn.user(text("{text}"))), inputs, Set.of(), 256);

        ForwardResult result = new ForwardPass(calls(N, waitsFor(N, metUp, "ok"))).run(request, Map.of(), GPT_4O);

        assertThat(metUp).hasValue(N);
        assertThat(((ForwardResult.Completed) result).outputs()).extracting(ForwardOutput::index).containsExactly(0, 1, 2, 3, 4, 5);
    }

    @Test
    void allBackwardCallsAreInFlightTogetherAndGradientsKeepTraceOrder() {
        AtomicInteger metUp = new AtomicInteger();
        List<BackwardItem> items = new ArrayList<>();
        for (int i = 0; i < N / 2; i++) {
            items.add(new BackwardItem(trace("t" + i, "in", "out", param("a", "A"), param("b", "B")), new Evaluation(0, "no"), GPT_4O));
        }

        BackwardResult result = new BackwardPass(calls(N, waitsFor(N, metUp, "<FEEDBACK>f</FEEDBACK>")), BackwardPrompt.of(null)).run(items);

        assertThat(metUp).hasValue(N);
        assertThat(((BackwardResult.Completed) result).gradients()).extracting(g -> g.traceId() + "/" + g.paramId())
                .containsExactly("t0/a", "t0/b", "t1/a", "t1/b", "t2/a", "t2/b");
    }

    @Test
    void judgeCallsNeverExceedTheBoundButOverlapUpToIt() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch aThirdCallArrived = new CountDownLatch(3);
        List<JudgeItem> items = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            items.add(new JudgeItem(trace("t" + i, "in", "out"), null, GPT_4O));
        }

        EvaluationResult result = new LlmJudge(calls(2, conversation -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            aThirdCallArrived.countDown();
            try {
                // Hold the call until a third one is in: without the bound three would be in flight here.
                // The timeout only keeps a correct (bounded) run from waiting forever.
                aThirdCallArrived.await(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return FakeModelClient.reply("<SCORE>1</SCORE><EXPLANATION>ok</EXPLANATION>");
        }), JudgePrompt.of(null, "fine", false)).evaluate(items);

        assertThat(maxInFlight).hasValue(2);
        assertThat(((EvaluationResult.Scored) result).evaluations()).hasSize(N);
    }
}
