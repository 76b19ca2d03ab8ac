// Generated from textopt's OpenAPI description by `npm run generate` (openapi-typescript).
// Do not edit: regenerate it. `npm run check-types` fails when it differs from the served description.

export interface paths {
    "/v1/optimizers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List sessions, newest first */
        get: operations["listOptimizers"];
        put?: never;
        /** Create a session (afnio: TGD(params, **defaults)) */
        post: operations["createOptimizer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/optimizers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One session with its groups, parameters, grads and usage */
        get: operations["getOptimizer"];
        put?: never;
        post?: never;
        /** Delete a session and everything it owns */
        delete: operations["deleteOptimizer"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/optimizers/{id}/clear-grad": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Empty every parameter's grad */
        post: operations["clearGrad"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/optimizers/{id}/param-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** add_param_group: options left out come from the session's defaults */
        post: operations["addParamGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/optimizers/{id}/params/{paramId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One parameter with its grad */
        get: operations["getParam"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Edit a parameter's data, role or requires_grad by hand */
        patch: operations["patchParam"];
        trace?: never;
    };
    "/v1/optimizers/{id}/params/{paramId}/grad": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Append gradients: one Variable or a list */
        post: operations["appendGrad"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/optimizers/{id}/state-dict": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export the state dict (parameters as indices, no API key) */
        get: operations["getStateDict"];
        /**
         * load_state_dict: validated whole before anything changes
         * @description Group options and momentum buffers are replaced; parameter values stay. The saved usage of each model client is added to the session's usage, as afnio's load_state_dict adds it to the client's: an export imported into a new session exports the same, and no import lowers the usage. What the session has spent (budget.spent), which its budget is checked against, is not changed by an import. Saved usage must have whole token counts of 0 or more and a cost in USD whose amount is a finite number of 0 or more (or null, unknown); anything else is a 400 naming the field, e.g. state_dict.param_groups[0].model_client.usage.cost.amount.
         */
        put: operations["loadStateDict"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/optimizers/{id}/step": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * One optimization step: every parameter with grads is rewritten by the model
         * @description With `Prefer: respond-async` the step starts and the answer is 202 with a Location of its history entry, which shows `running` with progress, then the result.
         */
        post: operations["step"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/optimizers/{id}/steps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The history, newest first: steps, restores and hand edits */
        get: operations["listSteps"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/optimizers/{id}/steps/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One history entry */
        get: operations["getStep"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/optimizers/{id}/steps/{number}/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set every parameter to its value after entry n (0: at creation) */
        post: operations["restoreStep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description A spending limit and what was spent of it */
        Budget: {
            /** Format: double */
            amount: number;
            currency: string;
            /**
             * Format: double
             * @description What the session's model calls cost, in USD: only steps raise it, and an import never changes it
             */
            spent: number;
        } | null;
        /** @description A spending limit, checked before every model call: once what the session spent on priced calls reaches it, no further call is made and the step answers 402 */
        BudgetRequest: {
            /** @description Amount, above 0 */
            amount: number;
            /** @description USD (the default) */
            currency?: string | null;
        } | null;
        /** @description Evaluator to call first; its host must be allowed by the operator */
        ClosureRequest: {
            /**
             * Format: uri
             * @description The evaluator's URL
             */
            url: string;
        } | null;
        /** @description Cost of the tokens; amount is null when the model's price is unknown */
        Cost: {
            /** Format: double */
            amount?: number | null;
            currency: string;
        };
        /**
         * @description A new session
         * @example {
         *       "params": [
         *         {
         *           "data": "Classify the sentiment.",
         *           "role": "system prompt for sentiment classification"
         *         }
         *       ],
         *       "defaults": {
         *         "constraints": [
         *           "Never output the characters { or }."
         *         ],
         *         "momentum": 2,
         *         "completion_args": {
         *           "model": "gpt-4o",
         *           "temperature": 1
         *         }
         *       }
         *     }
         */
        CreateRequest: {
            budget?: components["schemas"]["BudgetRequest"];
            defaults?: components["schemas"]["GroupOptions"];
            /**
             * @description The optimizer; only tgd
             * @example tgd
             */
            optimizer?: string | null;
            params: components["schemas"]["Variable"][] | components["schemas"]["ParamGroupRequest"][];
        };
        /** @description One problem with one field */
        FieldError: {
            /** @description Path of the field, e.g. params[0].role */
            field: string;
            /** @description What is wrong with it */
            message: string;
        };
        /**
         * @description Feedback on a parameter
         * @example {
         *       "data": "Ask for exactly one word: positive, negative or neutral.",
         *       "role": "feedback on the prompt"
         *     }
         */
        Gradient: {
            /** @description The conversation or evaluation that produced it */
            context?: string | null;
            /** @description The feedback */
            data: string;
            /** @description What the feedback is */
            role?: string | null;
        };
        /** @description One gradient or a list of them */
        GradRequest: components["schemas"]["Gradient"] | components["schemas"]["Gradient"][];
        /** @description TGD options; in defaults or a group */
        GroupOptions: {
            /** @description model, temperature, … for the model */
            completion_args?: {
                [key: string]: unknown;
            };
            constraints?: string[];
            /** @description Values of template placeholders */
            inputs?: {
                [key: string]: string;
            };
            /** @description Optimizer prompt templates */
            messages?: components["schemas"]["Message"][];
            /**
             * @description Name of a configured model client
             * @example openai
             */
            model_client?: string;
            /**
             * Format: int32
             * @description Past steps remembered per parameter
             */
            momentum?: number;
        };
        /** @description A param group's options, with its parameters as indices and its model client described */
        GroupState: {
            completion_args: {
                [key: string]: unknown;
            };
            constraints: string[];
            inputs: {
                [key: string]: string;
            };
            messages: components["schemas"]["Message"][];
            model_client: components["schemas"]["ModelClientState"];
            /** Format: int32 */
            momentum: number;
            params: number[];
        };
        /** @description One entry of the history: the creation (entry 0), a step, a restore or a hand edit */
        HistoryEntry: {
            /** Format: int64 */
            duration_ms?: number | null;
            failures: components["schemas"]["StepFailure"][];
            /** Format: date-time */
            finished_at?: string | null;
            /** @enum {string} */
            kind: "create" | "step" | "restore" | "edit";
            loss?: components["schemas"]["Loss"];
            params: components["schemas"]["HistoryParam"][];
            progress: components["schemas"]["Progress"];
            /**
             * Format: int32
             * @description For restores: the entry restored
             */
            restored_to?: number;
            /** Format: date-time */
            started_at: string;
            /** @enum {string} */
            status: "running" | "succeeded" | "failed";
            /**
             * Format: int32
             * @description Entry number; 0 is the creation
             */
            step: number;
            usage: {
                [key: string]: components["schemas"]["Usage"];
            };
        };
        /** @description One page, newest first */
        HistoryEntryPage: {
            items: components["schemas"]["HistoryEntry"][];
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            size: number;
            /** Format: int64 */
            total_items: number;
            /** Format: int64 */
            total_pages: number;
        };
        /** @description What an entry did to one parameter: its value before and after, and the feedback used */
        HistoryParam: {
            data?: string | null;
            grads: components["schemas"]["Gradient"][];
            /** Format: uuid */
            id: string;
            previous_data?: string | null;
            reason?: string | null;
            status?: string | null;
        };
        /**
         * @description load_state_dict
         * @example {
         *       "state_dict": {
         *         "state": {},
         *         "param_groups": [
         *           {
         *             "model_client": {
         *               "class_type": "OpenAiChatModel",
         *               "name": "openai",
         *               "provider": "openai",
         *               "usage": {
         *                 "prompt_tokens": 0,
         *                 "completion_tokens": 0,
         *                 "total_tokens": 0,
         *                 "cost": {
         *                   "amount": 0,
         *                   "currency": "USD"
         *                 }
         *               }
         *             },
         *             "messages": [
         *               {
         *                 "role": "user",
         *                 "content": [
         *                   "{variable} {feedback}"
         *                 ]
         *               }
         *             ],
         *             "inputs": {},
         *             "constraints": [],
         *             "momentum": 0,
         *             "completion_args": {},
         *             "params": [
         *               0
         *             ]
         *           }
         *         ]
         *       },
         *       "model_clients": {
         *         "model_client": "openai"
         *       }
         *     }
         */
        LoadStateDictRequest: {
            /** @description Model client name to use for each model_client key of the groups, e.g. {"model_client": "openai"} */
            model_clients?: {
                [key: string]: string;
            } | null;
            state_dict: components["schemas"]["StateDict"];
        };
        /** @description The closure's loss */
        Loss: {
            explanation?: string | null;
            score: number | string;
        } | null;
        /** @description One optimizer prompt message; its texts are templates */
        Message: {
            /** @description Texts, or Variables whose data is the text */
            content: (string | components["schemas"]["Variable"])[];
            /** @enum {string} */
            role: "system" | "user" | "assistant";
        };
        /** @description A model client as a state dict shows it: what it is and what it cost; never a key */
        ModelClientState: {
            /** @example OpenAiChatModel */
            class_type?: string | null;
            name: string;
            /** @example openai */
            provider?: string | null;
            usage: components["schemas"]["Usage"];
        };
        /** @description [parameter snapshot, [the gradients it got]] of one remembered step */
        MomentumEntry: (components["schemas"]["Variable"] | components["schemas"]["MomentumGradient"][])[];
        /** @description A gradient a remembered step used */
        MomentumGradient: {
            context?: string;
            data: string;
            role: string;
        };
        /** @description An amount of money */
        Money: {
            /** Format: double */
            amount: number;
            currency: string;
        };
        /** @description A parameter the session owns, with its grad */
        Parameter: {
            /** @description Its current value */
            data: string;
            /** @description Gradients, in the order appended */
            grad: components["schemas"]["Gradient"][];
            /** Format: uuid */
            id: string;
            /** @description Whether steps rewrite it */
            requires_grad: boolean;
            /** @description What it is for */
            role: string;
        };
        /** @description A param group as stored: its parameters and all its options */
        ParamGroup: {
            /** @description model, temperature, … for the model */
            completion_args?: {
                [key: string]: unknown;
            };
            constraints?: string[];
            /** @description Values of template placeholders */
            inputs?: {
                [key: string]: string;
            };
            /** @description Optimizer prompt templates */
            messages?: components["schemas"]["Message"][];
            /**
             * @description Name of a configured model client
             * @example openai
             */
            model_client?: string;
            /**
             * Format: int32
             * @description Past steps remembered per parameter
             */
            momentum?: number;
            params: components["schemas"]["Parameter"][];
        };
        /** @description A group to add: its Variables and options; options left out come from the session's defaults */
        ParamGroupRequest: {
            /** @description model, temperature, … for the model */
            completion_args?: {
                [key: string]: unknown;
            };
            constraints?: string[];
            /** @description Values of template placeholders */
            inputs?: {
                [key: string]: string;
            };
            /** @description Optimizer prompt templates */
            messages?: components["schemas"]["Message"][];
            /**
             * @description Name of a configured model client
             * @example openai
             */
            model_client?: string;
            /**
             * Format: int32
             * @description Past steps remembered per parameter
             */
            momentum?: number;
            params: components["schemas"]["Variable"][];
        };
        /** @description What a step did to one parameter */
        ParamOutcome: {
            /** @description Its new value (updated) */
            data?: string;
            id: string;
            /** @description Its value before (updated) */
            previous_data?: string;
            /** @description Why it was skipped (skipped) */
            reason?: string;
            /** @enum {string} */
            status: "updated" | "skipped";
        };
        /** @description What the optimizer remembers of one parameter */
        ParamState: {
            /** @description The last `momentum` steps, oldest first */
            momentum_buffer: components["schemas"]["MomentumEntry"][];
        };
        /**
         * @description Fields to change; those left out stay
         * @example {
         *       "data": "Classify the sentiment as positive, negative or neutral."
         *     }
         */
        PatchRequest: {
            data?: string | null;
            requires_grad?: boolean | null;
            role?: string | null;
        };
        /** @description An RFC 9457 problem detail */
        Problem: {
            budget?: components["schemas"]["Money"];
            /** @description What went wrong and what to change */
            detail?: string;
            /** @description Field problems (invalid-request) */
            errors?: components["schemas"]["FieldError"][];
            /** @description Why each parameter failed (step-failed, step-timeout) */
            failures?: components["schemas"]["StepFailure"][];
            /**
             * Format: uri-reference
             * @description The request path
             */
            instance?: string;
            /** @description The client without a key (model-client-unavailable) */
            model_client?: string;
            spent?: components["schemas"]["Money"];
            /**
             * Format: int32
             * @description HTTP status
             */
            status: number;
            /**
             * Format: int32
             * @description The failed step's history entry (step-failed, step-timeout)
             */
            step?: number;
            /** @description Short summary of the problem type */
            title: string;
            /**
             * Format: uri
             * @description Stable URI of the problem type; switch on it
             * @enum {string}
             */
            type: "https://textopt.dev/problems/invalid-request" | "https://textopt.dev/problems/bad-request" | "https://textopt.dev/problems/unauthorized" | "https://textopt.dev/problems/budget-exhausted" | "https://textopt.dev/problems/forbidden" | "https://textopt.dev/problems/not-found" | "https://textopt.dev/problems/method-not-allowed" | "https://textopt.dev/problems/not-acceptable" | "https://textopt.dev/problems/step-running" | "https://textopt.dev/problems/quota-exceeded" | "https://textopt.dev/problems/idempotency-key-in-progress" | "https://textopt.dev/problems/payload-too-large" | "https://textopt.dev/problems/unsupported-media-type" | "https://textopt.dev/problems/idempotency-key-reused" | "https://textopt.dev/problems/too-many-steps" | "https://textopt.dev/problems/internal-error" | "https://textopt.dev/problems/step-failed" | "https://textopt.dev/problems/model-client-unavailable" | "https://textopt.dev/problems/database-unavailable" | "https://textopt.dev/problems/step-timeout";
        };
        /** @description Parameters the entry has dealt with, of all it deals with */
        Progress: {
            /** Format: int32 */
            done: number;
            /** Format: int32 */
            total: number;
        };
        /** @description An optimizer session */
        Session: {
            budget?: components["schemas"]["Budget"];
            /** Format: date-time */
            created_at: string;
            defaults: components["schemas"]["GroupOptions"];
            /** Format: uuid */
            id: string;
            /** @example tgd */
            optimizer: string;
            param_groups: components["schemas"]["ParamGroup"][];
            /**
             * Format: int32
             * @description Successful steps
             */
            step_count: number;
            /** @description Whether a step is running */
            step_running: boolean;
            /** Format: date-time */
            updated_at: string;
            /** @description Usage per model client name */
            usage: {
                [key: string]: components["schemas"]["Usage"];
            };
            /**
             * Format: int64
             * @description Grows with every change
             */
            version: number;
        };
        /** @description One page, newest first */
        SessionPage: {
            items: components["schemas"]["Session"][];
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            size: number;
            /** Format: int64 */
            total_items: number;
            /** Format: int64 */
            total_pages: number;
        };
        /** @description The optimizer state dict, shaped as afnio and PyTorch shape it */
        StateDict: {
            param_groups: components["schemas"]["GroupState"][];
            /** @description Per parameter index ("0", "1", …) */
            state: {
                [key: string]: components["schemas"]["ParamState"];
            };
        };
        /** @description A step started with Prefer: respond-async */
        StepAccepted: {
            /** @description The history entry to poll */
            location: string;
            /** @enum {string} */
            status: "running" | "succeeded" | "failed";
            /** Format: int32 */
            step: number;
        };
        /** @description A parameter whose update failed, or the step as a whole (param_id null) */
        StepFailure: {
            detail?: string | null;
            param_id?: string | null;
            /**
             * Format: int32
             * @description The provider's HTTP status, when it answered with an error
             */
            provider_status?: number | null;
            /** @example provider_error */
            reason: string;
        };
        /**
         * @description Options of a step
         * @example {
         *       "closure": {
         *         "url": "http://evaluator.internal/loss"
         *       }
         *     }
         */
        StepRequest: {
            closure?: components["schemas"]["ClosureRequest"];
        };
        /**
         * @description The answer of a step
         * @example {
         *       "step": 1,
         *       "loss": null,
         *       "params": [
         *         {
         *           "id": "b2e0c1d4-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
         *           "status": "updated",
         *           "previous_data": "Classify the sentiment.",
         *           "data": "Answer with one word: positive, negative or neutral."
         *         }
         *       ],
         *       "usage": {
         *         "openai": {
         *           "prompt_tokens": 812,
         *           "completion_tokens": 64,
         *           "total_tokens": 876,
         *           "cost": {
         *             "amount": 0.00267,
         *             "currency": "USD"
         *           }
         *         }
         *       },
         *       "duration_ms": 1240
         *     }
         */
        StepResult: {
            /** Format: int64 */
            duration_ms: number;
            loss?: components["schemas"]["Loss"];
            params: components["schemas"]["ParamOutcome"][];
            /**
             * Format: int32
             * @description Number of the step's history entry
             */
            step: number;
            usage: {
                [key: string]: components["schemas"]["Usage"];
            };
        };
        /** @description Tokens spent, and their cost */
        Usage: {
            /** Format: int64 */
            completion_tokens: number;
            cost: components["schemas"]["Cost"];
            /** Format: int64 */
            prompt_tokens: number;
            /** Format: int64 */
            total_tokens: number;
        };
        /** @description A text with a role (afnio Variable) */
        Variable: {
            /** @description The text */
            data: string;
            /** @description Whether the optimizer may rewrite it (default true) */
            requires_grad?: boolean | null;
            /** @description What the text is for */
            role?: string | null;
        };
    };
    responses: {
        /** @description step-failed: a model call or the closure failed; with step and failures */
        BadGateway: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description invalid-request: a field (named in errors), malformed JSON, text that cannot be stored as sent (NUL, a lone surrogate), or an ambiguous path refused by the HTTP firewall (percent-encoding, ';', '.' or '..' segments, '//', a backslash); bad-request: a request line, path or header Tomcat refuses before textopt sees it */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description step-running: a step of this session is running; quota-exceeded: the tenant holds as many sessions as it may; idempotency-key-in-progress: a request with this Idempotency-Key is still being answered; retry with the same key */
        Conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description payload-too-large: the body is over textopt.http.max-body-size */
        ContentTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description step-timeout: a step failed and every failure was a timeout; with step and failures */
        GatewayTimeout: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description internal-error: a bug; the server log has the details, the answer none */
        InternalServerError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description not-acceptable: the request's Accept leaves out JSON */
        NotAcceptable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description not-found: no such session (or another tenant's), parameter or history entry, or an id that is not a UUID */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description budget-exhausted: the session's budget is spent: no step starts, or the step reached it part-way (then it has step and failures with reason budget, and no parameter changed) */
        PaymentRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description model-client-unavailable: a step needs a model client without its API key; with model_client; database-unavailable: the database cannot be reached; nothing was changed; Retry-After says when to try again */
        ServiceUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description too-many-steps: the tenant has as many steps running as it may; Retry-After says when to try again */
        TooManyRequests: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description unauthorized: no API key, or not a valid one (with API keys configured); the answer carries WWW-Authenticate: Bearer */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description idempotency-key-reused: the Idempotency-Key was used for another request */
        UnprocessableContent: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description unsupported-media-type: the body is not sent as JSON */
        UnsupportedMediaType: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: {
        /** @description Any unique text. A retry with the same key and body gets the first answer again (Idempotent-Replayed: true); the same key with another body is a 422; while the first is still being answered, a 409: retry with the same key. After a lost answer (a crash, a 502), retrying with the same key does the work exactly once. */
        IdempotencyKey: string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type Budget = components['schemas']['Budget'];
export type BudgetRequest = components['schemas']['BudgetRequest'];
export type ClosureRequest = components['schemas']['ClosureRequest'];
export type Cost = components['schemas']['Cost'];
export type CreateRequest = components['schemas']['CreateRequest'];
export type FieldError = components['schemas']['FieldError'];
export type Gradient = components['schemas']['Gradient'];
export type GradRequest = components['schemas']['GradRequest'];
export type GroupOptions = components['schemas']['GroupOptions'];
export type GroupState = components['schemas']['GroupState'];
export type HistoryEntry = components['schemas']['HistoryEntry'];
export type HistoryEntryPage = components['schemas']['HistoryEntryPage'];
export type HistoryParam = components['schemas']['HistoryParam'];
export type LoadStateDictRequest = components['schemas']['LoadStateDictRequest'];
export type Loss = components['schemas']['Loss'];
export type Message = components['schemas']['Message'];
export type ModelClientState = components['schemas']['ModelClientState'];
export type MomentumEntry = components['schemas']['MomentumEntry'];
export type MomentumGradient = components['schemas']['MomentumGradient'];
export type Money = components['schemas']['Money'];
export type Parameter = components['schemas']['Parameter'];
export type ParamGroup = components['schemas']['ParamGroup'];
export type ParamGroupRequest = components['schemas']['ParamGroupRequest'];
export type ParamOutcome = components['schemas']['ParamOutcome'];
export type ParamState = components['schemas']['ParamState'];
export type PatchRequest = components['schemas']['PatchRequest'];
export type Problem = components['schemas']['Problem'];
export type Progress = components['schemas']['Progress'];
export type Session = components['schemas']['Session'];
export type SessionPage = components['schemas']['SessionPage'];
export type StateDict = components['schemas']['StateDict'];
export type StepAccepted = components['schemas']['StepAccepted'];
export type StepFailure = components['schemas']['StepFailure'];
export type StepRequest = components['schemas']['StepRequest'];
export type StepResult = components['schemas']['StepResult'];
export type Usage = components['schemas']['Usage'];
export type Variable = components['schemas']['Variable'];
export type ResponseBadGateway = components['responses']['BadGateway'];
export type ResponseBadRequest = components['responses']['BadRequest'];
export type ResponseConflict = components['responses']['Conflict'];
export type ResponseContentTooLarge = components['responses']['ContentTooLarge'];
export type ResponseGatewayTimeout = components['responses']['GatewayTimeout'];
export type ResponseInternalServerError = components['responses']['InternalServerError'];
export type ResponseNotAcceptable = components['responses']['NotAcceptable'];
export type ResponseNotFound = components['responses']['NotFound'];
export type ResponsePaymentRequired = components['responses']['PaymentRequired'];
export type ResponseServiceUnavailable = components['responses']['ServiceUnavailable'];
export type ResponseTooManyRequests = components['responses']['TooManyRequests'];
export type ResponseUnauthorized = components['responses']['Unauthorized'];
export type ResponseUnprocessableContent = components['responses']['UnprocessableContent'];
export type ResponseUnsupportedMediaType = components['responses']['UnsupportedMediaType'];
export type ParameterIdempotencyKey = components['parameters']['IdempotencyKey'];
export type $defs = Record<string, never>;
export interface operations {
    listOptimizers: {
        parameters: {
            query?: {
                page?: number;
                size?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SessionPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            406: components["responses"]["NotAcceptable"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createOptimizer: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique text. A retry with the same key and body gets the first answer again (Idempotent-Replayed: true); the same key with another body is a 422; while the first is still being answered, a 409: retry with the same key. After a lost answer (a crash, a 502), retrying with the same key does the work exactly once. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateRequest"];
            };
        };
        responses: {
            /** @description Created */
            201: {
                headers: {
                    /** @description The new session */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            406: components["responses"]["NotAcceptable"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getOptimizer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            406: components["responses"]["NotAcceptable"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    deleteOptimizer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            406: components["responses"]["NotAcceptable"];
            409: components["responses"]["Conflict"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    clearGrad: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique text. A retry with the same key and body gets the first answer again (Idempotent-Replayed: true); the same key with another body is a 422; while the first is still being answered, a 409: retry with the same key. After a lost answer (a crash, a 502), retrying with the same key does the work exactly once. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            406: components["responses"]["NotAcceptable"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    addParamGroup: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique text. A retry with the same key and body gets the first answer again (Idempotent-Replayed: true); the same key with another body is a 422; while the first is still being answered, a 409: retry with the same key. After a lost answer (a crash, a 502), retrying with the same key does the work exactly once. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ParamGroupRequest"];
            };
        };
        responses: {
            /** @description The group as stored */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ParamGroup"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            406: components["responses"]["NotAcceptable"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getParam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                paramId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Parameter"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            406: components["responses"]["NotAcceptable"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    patchParam: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                paramId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PatchRequest"];
                "application/merge-patch+json": components["schemas"]["PatchRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Parameter"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            406: components["responses"]["NotAcceptable"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    appendGrad: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique text. A retry with the same key and body gets the first answer again (Idempotent-Replayed: true); the same key with another body is a 422; while the first is still being answered, a 409: retry with the same key. After a lost answer (a crash, a 502), retrying with the same key does the work exactly once. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
                paramId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["GradRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Parameter"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            406: components["responses"]["NotAcceptable"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getStateDict: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StateDict"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            406: components["responses"]["NotAcceptable"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    loadStateDict: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["LoadStateDictRequest"];
            };
        };
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            406: components["responses"]["NotAcceptable"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    step: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique text. A retry with the same key and body gets the first answer again (Idempotent-Replayed: true); the same key with another body is a 422; while the first is still being answered, a 409: retry with the same key. After a lost answer (a crash, a 502), retrying with the same key does the work exactly once. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                Prefer?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["StepRequest"];
            };
        };
        responses: {
            /** @description The step succeeded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StepResult"];
                };
            };
            /** @description Accepted (Prefer: respond-async): poll the history entry at Location */
            202: {
                headers: {
                    /** @description the step's history entry */
                    Location?: string;
                    "Preference-Applied"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StepAccepted"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            402: components["responses"]["PaymentRequired"];
            404: components["responses"]["NotFound"];
            406: components["responses"]["NotAcceptable"];
            409: components["responses"]["Conflict"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            422: components["responses"]["UnprocessableContent"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    listSteps: {
        parameters: {
            query?: {
                page?: number;
                size?: number;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryEntryPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            406: components["responses"]["NotAcceptable"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getStep: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                number: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryEntry"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            406: components["responses"]["NotAcceptable"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    restoreStep: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique text. A retry with the same key and body gets the first answer again (Idempotent-Replayed: true); the same key with another body is a 422; while the first is still being answered, a 409: retry with the same key. After a lost answer (a crash, a 502), retrying with the same key does the work exactly once. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
                number: number;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            406: components["responses"]["NotAcceptable"];
            409: components["responses"]["Conflict"];
            422: components["responses"]["UnprocessableContent"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
}
