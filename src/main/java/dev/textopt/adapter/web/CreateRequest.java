package dev.textopt.adapter.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.annotation.Nullable;
import java.math.BigDecimal;

/** A new session: afnio's {@code TGD(params, **defaults)}, and an optional budget. */
@Schema(description = "A new session", example = """
        {"params": [{"data": "Classify the sentiment.", "role": "system prompt for sentiment classification"}],
         "defaults": {"constraints": ["Never output the characters { or }."], "momentum": 2,
                      "completion_args": {"model": "gpt-4o", "temperature": 1.0}}}""")
record CreateRequest(
        @Schema(description = "The optimizer; only tgd", example = "tgd") @Nullable String optimizer,
        @Schema(description = "A list of Variables (one group) or a list of groups")
        @OneOf({VariableJson[].class, ParamGroupRequest[].class}) ParamsJson params,
        @Nullable GroupOptionsJson defaults,
        @Nullable BudgetRequest budget) {

    @Schema(description = "A spending limit, checked before every model call: once what the session spent on priced "
            + "calls reaches it, no further call is made and the step answers 402")
    record BudgetRequest(@Schema(description = "Amount, above 0") BigDecimal amount,
                         @Schema(description = "USD (the default)") @Nullable String currency) {
    }
}
