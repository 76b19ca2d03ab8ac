package dev.textopt.adapter.web;

import dev.textopt.session.BackwardOutcome;
import dev.textopt.session.BackwardService;
import dev.textopt.session.EvaluateOutcome;
import dev.textopt.session.EvaluateService;
import dev.textopt.session.ForwardOutcome;
import dev.textopt.session.ForwardService;
import dev.textopt.session.TraceService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Computing gradients: forward, evaluate and backward, and the traces they share. Each holds no
 * transaction while its models think; with an Idempotency-Key its answer is kept with its effect
 * ({@link KeptAnswers}).
 */
@RestController
@RequestMapping(path = "/v1/optimizers/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "gradients", description = "Forward, evaluate and backward: textopt computes the gradients")
class TrainingController {

    private final ForwardService forwards;
    private final EvaluateService evaluations;
    private final BackwardService backwards;
    private final TraceService traces;
    private final KeptAnswers answers;

    TrainingController(ForwardService forwards, EvaluateService evaluations, BackwardService backwards, TraceService traces,
            KeptAnswers answers) {
        this.forwards = forwards;
        this.evaluations = evaluations;
        this.backwards = backwards;
        this.traces = traces;
        this.answers = answers;
    }

    @PostMapping(path = "/forward", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "forward", summary = "Run the messages on a batch of inputs (afnio's forward pass); store a trace per item",
            description = "One model call per input item, all at once; all or nothing. Each trace records the parameters' values "
                    + "and their version (history entry), the messages sent, the output and usage.")
    @ApiResponse(responseCode = "200", description = "Every item answered; a trace each",
            content = @Content(schema = @Schema(implementation = ForwardResultJson.class)))
    ResponseEntity<byte[]> forward(@PathVariable UUID id, @RequestBody ForwardRequestJson body, HttpServletRequest request) {
        var command = TrainingRequests.forward(body);
        KeptAnswers.KeptAnswer<ForwardOutcome> answer = answers.of(request, ForwardResultJson::of);
        return answer.send(forwards.forward(id, command, answer));
    }

    @GetMapping("/traces/{traceId}")
    @Operation(operationId = "getTrace", summary = "One trace of a forward pass, with its evaluation once evaluated")
    TraceJson trace(@PathVariable UUID id, @PathVariable UUID traceId) {
        return TraceJson.of(traces.get(id, traceId));
    }

    @PostMapping(path = "/evaluate", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "evaluate", summary = "Score traces (exact_match, llm_judge or http); the loss is the mean score",
            description = "Each score is stored on its trace, for backward. All or nothing.")
    @ApiResponse(responseCode = "200", description = "Every trace scored",
            content = @Content(schema = @Schema(implementation = EvaluateResultJson.class)))
    ResponseEntity<byte[]> evaluate(@PathVariable UUID id, @RequestBody EvaluateRequestJson body, HttpServletRequest request) {
        var command = TrainingRequests.evaluate(body);
        KeptAnswers.KeptAnswer<EvaluateOutcome> answer = answers.of(request, EvaluateResultJson::of);
        return answer.send(evaluations.evaluate(id, command, answer));
    }

    @PostMapping(path = "/backward", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "backward", summary = "Feedback on every parameter the traces used (afnio's loss.backward()), appended to its grad",
            description = "One model call per (trace, parameter with requires_grad), all at once; the gradients are appended in "
                    + "trace order, all or nothing. A trace whose parameter changed since its forward pass: 409 stale-trace.")
    @ApiResponse(responseCode = "200", description = "Every call gave feedback; all of it was appended",
            content = @Content(schema = @Schema(implementation = BackwardResultJson.class)))
    ResponseEntity<byte[]> backward(@PathVariable UUID id, @RequestBody BackwardRequestJson body, HttpServletRequest request) {
        var command = TrainingRequests.backward(body);
        KeptAnswers.KeptAnswer<BackwardOutcome> answer = answers.of(request, BackwardResultJson::of);
        return answer.send(backwards.backward(id, command, answer));
    }
}
