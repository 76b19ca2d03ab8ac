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
    "/v1/optimizers/{id}/backward": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Feedback on every parameter the traces used (afnio's loss.backward()), appended to its grad
         * @description One model call per (trace, parameter with requires_grad), all at once; the gradients are appended in trace order, all or nothing. A trace whose parameter changed since its forward pass: 409 stale_trace.
         */
        post: operations["backward"];
        delete?: never;
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
    "/v1/optimizers/{id}/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Score traces (exact_match, llm_judge or http); the loss is the mean score
         * @description Each score is stored on its trace, for backward. All or nothing.
         */
        post: operations["evaluate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/optimizers/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Follow the session's steps and training runs as Server-Sent Events
         * @description Each event has an id, a name (step.started, step.progress, step.succeeded, step.failed, run.started, run.progress, run.succeeded, run.failed, run.cancelled) and an Event as its data. Without Last-Event-ID the stream starts with the next event; with it, after that id (0: every event kept, textopt.events.retention). A comment every textopt.events.heartbeat keeps proxies from closing it; it ends after textopt.events.max-stream-duration, or when the instance stops: reconnect with Last-Event-ID (EventSource does). A tenant holds at most textopt.events.max-streams-per-tenant streams per instance (429 beyond).
         */
        get: operations["streamEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/optimizers/{id}/forward": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run the messages on a batch of inputs (afnio's forward pass); store a trace per item
         * @description One model call per input item, all at once; all or nothing. Each trace records the parameters' values and their version (history entry), the messages sent, the output and usage.
         */
        post: operations["forward"];
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
        /**
         * add_param_group: options left out come from the session's defaults
         * @description Each Variable becomes a new parameter, even one with the data and role of another (afnio: a new Variable is a new parameter). A parameter the session has, named by {"id"}, is in a group already: that is a 400 naming it, as torch refuses a parameter in two groups, and so is an id the session does not have.
         */
        post: operations["addParamGroup"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/optimizers/{id}/param-groups/{index}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a group's options mid-run (torch: param_groups[i]["lr"] = …)
         * @description Any of momentum, constraints, inputs, messages, model_client and completion_args; those left out stay. The group's options as they would be are checked like a new group's, and refused as a whole (400 with errors[]). A change is recorded in the history as an entry of kind edit_group with each option before and after; a lower momentum drops the oldest entries of the group's momentum buffers at once, as the next step would. Groups are numbered from 0 in the order of param_groups. Refused with 409 while a step runs.
         */
        patch: operations["patchParamGroup"];
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
    "/v1/optimizers/{id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The session's training runs, newest first */
        get: operations["listRuns"];
        put?: never;
        /**
         * Train the session on a dataset (afnio's Trainer); poll the run at Location
         * @description Every batch goes forward → evaluate → backward → step → clear_grad through the same operations as their single requests; the validation set is scored before the first step and after every epoch (or step). One run per session at a time: a second, or a step, edit, restore or import by hand, is 409 run-active until it ends. Its progress is stored after every step; if its instance dies, another takes it over and goes on from the last completed step.
         */
        post: operations["createRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/optimizers/{id}/runs/{runId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One training run: its progress, scores and end */
        get: operations["getRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/optimizers/{id}/runs/{runId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Stop a training run after the call in flight
         * @description A queued run is cancelled at once (200); a running one stops after its model call in flight (202: poll it until its status is cancelled). A run that has ended is answered as it is (200).
         */
        post: operations["cancelRun"];
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
         * @description Group options and momentum buffers are replaced; parameter values stay. The saved usage of each model client is added to the session's usage, as afnio's load_state_dict adds it to the client's: an export imported into a new session exports the same, and no import lowers the usage. What the session has spent (budget.spent), which its budget is checked against, is not changed by an import. Saved usage must have whole token counts of 0 or more and a cost in USD whose amount is a finite number of 0 or more (or null, unknown); anything else is a 400 naming the field, e.g. state_dict.param_groups[0].model_client.usage.cost.amount. With If-Match, an import into a session that changed since it was read (a step that ended meanwhile would lose its momentum entries) is a 412 and changes nothing.
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
    "/v1/optimizers/{id}/traces/{traceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One trace of a forward pass, with its evaluation once evaluated */
        get: operations["getTrace"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/optimizers/{id}/usage/clear": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set every model client's usage back to zero (afnio: clear_usage)
         * @description Tokens and cost of every model client of the session go back to 0 (a cost that was unknown, null, is known again: 0 USD). The budget's spent amount is NOT reset: it counts every model call the session ever paid for, so clearing usage never frees budget. Allowed while a step runs; that step's usage is added when it ends. Not recorded in the history.
         */
        post: operations["clearUsage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The tenant's webhooks, newest first (without their secrets) */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Register an endpoint for the tenant's session events
         * @description Every event of the tenant's sessions that the webhook names is POSTed to its URL at least once (the body an Event, the headers webhook-id, webhook-timestamp and webhook-signature of Standard Webhooks), from an outbox in the database that survives restarts; a receiver that does not answer 2xx within textopt.webhooks.timeout is tried again with exponential backoff for a day. The URL passes the same allow-list and SSRF guard as closures (400 otherwise). The answer shows the secret, this once (and to a replay with the same Idempotency-Key); it is derived from the webhook's id and the server's textopt.webhooks.signing-key, never stored. Without that key: 503 webhooks-not-configured.
         */
        post: operations["createWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook (without its secret) */
        get: operations["getWebhook"];
        put?: never;
        post?: never;
        /** Delete a webhook and its deliveries; nothing more is sent to it */
        delete: operations["deleteWebhook"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The webhook's delivery log, newest event first */
        get: operations["listWebhookDeliveries"];
        put?: never;
        post?: never;
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
        /**
         * @description A group to add: new Variables, and options; options left out come from the session's defaults. A parameter the session has may be named by {"id"}, but it is in a group already, so that is a 400 naming it
         * @example {
         *       "params": [
         *         {
         *           "data": "Answer in one word.",
         *           "role": "output format instruction"
         *         }
         *       ],
         *       "momentum": 1
         *     }
         */
        AddParamGroupRequest: {
            /** @description model, temperature, … for the model */
            completion_args?: {
                [key: string]: unknown;
            };
            /** @description Rules the new value must obey: texts, or Variables whose data is the text (afnio's form); kept and exported as given */
            constraints?: (string | components["schemas"]["Variable"])[];
            /** @description Values of template placeholders: texts, or Variables whose data is the text */
            inputs?: {
                [key: string]: string | components["schemas"]["Variable"];
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
            params: (components["schemas"]["Variable"] | components["schemas"]["ParamRef"])[];
        };
        /**
         * @description Compute gradients from evaluated traces
         * @example {
         *       "traces": [
         *         {
         *           "trace_id": "3d1e7a52-9c4b-4f0e-8a6d-2b5c7e9f1a30"
         *         },
         *         {
         *           "trace_id": "8f2a4c61-0d3e-4b7a-9c5f-1e6d8b2a4c70",
         *           "score": 0,
         *           "explanation": "The answer must be one word."
         *         }
         *       ],
         *       "model_client": "openai",
         *       "completion_args": {
         *         "model": "gpt-4o"
         *       }
         *     }
         */
        BackwardRequest: {
            /** @description Arguments for the backward model */
            completion_args?: {
                [key: string]: unknown;
            } | null;
            /** @description A backward prompt of your own, with {conversation}, {output}, {evaluation}, {parameter}, {role} */
            messages?: components["schemas"]["Message"][] | null;
            /** @description The backward model's client; default: the group's of each trace's first parameter */
            model_client?: string | null;
            traces: components["schemas"]["TraceScore"][];
        };
        /**
         * @description The answer of a backward pass
         * @example {
         *       "gradients": [
         *         {
         *           "param_id": "b2e0c1d4-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
         *           "trace_id": "3d1e7a52-9c4b-4f0e-8a6d-2b5c7e9f1a30",
         *           "data": "Ask for the text in capital letters."
         *         }
         *       ],
         *       "usage": {
         *         "openai": {
         *           "prompt_tokens": 412,
         *           "completion_tokens": 38,
         *           "total_tokens": 450,
         *           "cost": {
         *             "amount": 0.00141,
         *             "currency": "USD"
         *           }
         *         }
         *       }
         *     }
         */
        BackwardResult: {
            gradients: components["schemas"]["GradientOut"][];
            /** @description What the calls cost, per model client */
            usage: {
                [key: string]: components["schemas"]["Usage"];
            };
        };
        /** @description The loss of a batch, as afnio's evaluators give it */
        BatchLoss: {
            explanation: string;
            /**
             * Format: double
             * @description The mean score, from 0 to 1
             */
            score: number;
        };
        /** @description The best validation score */
        Best: {
            /** Format: double */
            score: number;
            /**
             * Format: int32
             * @description The history entry the parameters stood at
             */
            step: number;
        } | null;
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
        /**
         * @description Score traces with an evaluator
         * @example {
         *       "traces": [
         *         "3d1e7a52-9c4b-4f0e-8a6d-2b5c7e9f1a30",
         *         "8f2a4c61-0d3e-4b7a-9c5f-1e6d8b2a4c70"
         *       ],
         *       "evaluator": {
         *         "type": "exact_match",
         *         "targets": [
         *           "HELLO WORLD",
         *           "GOOD MORNING"
         *         ]
         *       }
         *     }
         */
        EvaluateRequest: {
            evaluator: components["schemas"]["Evaluator"];
            /** @description Trace ids from forward passes of this session, in the order of targets */
            traces: string[];
        };
        /**
         * @description The answer of an evaluation
         * @example {
         *       "loss": {
         *         "score": 0.5,
         *         "explanation": "[0] matches\n[1] expected \"GOOD MORNING\", got \"good morning\""
         *       },
         *       "results": [
         *         {
         *           "trace_id": "3d1e7a52-9c4b-4f0e-8a6d-2b5c7e9f1a30",
         *           "score": 1,
         *           "explanation": "matches"
         *         },
         *         {
         *           "trace_id": "8f2a4c61-0d3e-4b7a-9c5f-1e6d8b2a4c70",
         *           "score": 0,
         *           "explanation": "expected \"GOOD MORNING\", got \"good morning\""
         *         }
         *       ],
         *       "usage": {}
         *     }
         */
        EvaluateResult: {
            loss: components["schemas"]["BatchLoss"];
            results: components["schemas"]["Result"][];
            /** @description What the judge's calls cost, per model client; {} for exact_match and http */
            usage: {
                [key: string]: components["schemas"]["Usage"];
            };
        };
        /** @description A trace's evaluation */
        Evaluation: {
            /** @enum {string} */
            evaluator: "exact_match" | "llm_judge" | "http";
            explanation: string;
            /**
             * Format: double
             * @description From 0 (worst) to 1 (best)
             */
            score: number;
        } | null;
        /** @description exact_match: targets, case_sensitive, trim. llm_judge: criteria, targets, model_client, completion_args, messages. http: url, targets. */
        Evaluator: {
            /** @description exact_match: whether letter case must match (default true) */
            case_sensitive?: boolean | null;
            /** @description llm_judge: arguments for the judge */
            completion_args?: {
                [key: string]: unknown;
            } | null;
            /** @description llm_judge: what a good output is */
            criteria?: string | null;
            /** @description llm_judge: a judge prompt of your own, with {output}, {target}, {criteria}, {input} */
            messages?: components["schemas"]["Message"][] | null;
            /** @description llm_judge: the judge's client; default: the group's of the trace's first parameter */
            model_client?: string | null;
            /** @description One expected output per trace (required for exact_match) */
            targets?: string[] | null;
            /** @description exact_match: whether whitespace around the texts is ignored (default true) */
            trim?: boolean | null;
            /** @enum {string} */
            type: "exact_match" | "llm_judge" | "http";
            /**
             * Format: uri
             * @description http: the evaluator's URL, on a host the operator allowed for closures
             */
            url?: string | null;
        };
        /** @description A session event: the data of one Server-Sent Event of GET …/events, and the body of a webhook delivery */
        Event: {
            /** @description what happened: step (the history number) with total and done, or run_id with done and total; see docs/events.md */
            data: {
                [key: string]: unknown;
            };
            /**
             * Format: int64
             * @description the event's id, also the SSE id that Last-Event-ID resumes after
             * @example 42
             */
            id: number;
            /**
             * Format: uuid
             * @description the session
             */
            session_id: string;
            /**
             * Format: date-time
             * @description when it happened
             */
            timestamp: string;
            /**
             * @description step.started, step.progress, step.succeeded, step.failed, run.started, run.progress, run.succeeded, run.failed or run.cancelled
             * @example step.progress
             */
            type: string;
        };
        /** @description One problem with one field */
        FieldError: {
            /** @description Path of the field, e.g. params[0].role */
            field: string;
            /** @description What is wrong with it */
            message: string;
        };
        /**
         * @description A forward pass over a batch of inputs
         * @example {
         *       "messages": [
         *         {
         *           "role": "system",
         *           "content": [
         *             {
         *               "param": "b2e0c1d4-5f6a-4b7c-8d9e-0f1a2b3c4d5e"
         *             }
         *           ]
         *         },
         *         {
         *           "role": "user",
         *           "content": [
         *             "{text}"
         *           ]
         *         }
         *       ],
         *       "inputs": [
         *         {
         *           "text": "hello world"
         *         },
         *         {
         *           "text": "good morning"
         *         }
         *       ],
         *       "model_client": "openai",
         *       "completion_args": {
         *         "model": "gpt-4o-mini"
         *       }
         *     }
         */
        ForwardRequest: {
            /** @description Arguments for the forward model; default: that group's (none when model_client is given) */
            completion_args?: {
                [key: string]: unknown;
            } | null;
            /** @description One item per model call: the texts its templates' {key} placeholders take */
            inputs: {
                [key: string]: string;
            }[];
            /** @description The conversation the model is sent for each input item, nothing added */
            messages: components["schemas"]["PromptMessage"][];
            /** @description The forward model's client; default: the group's of the first parameter inserted */
            model_client?: string | null;
        };
        /**
         * @description The answer of a forward pass
         * @example {
         *       "traces": [
         *         {
         *           "id": "3d1e7a52-9c4b-4f0e-8a6d-2b5c7e9f1a30",
         *           "index": 0,
         *           "output": "hello world",
         *           "params": [
         *             {
         *               "id": "b2e0c1d4-5f6a-4b7c-8d9e-0f1a2b3c4d5e",
         *               "version": 0
         *             }
         *           ],
         *           "usage": {
         *             "openai": {
         *               "prompt_tokens": 21,
         *               "completion_tokens": 3,
         *               "total_tokens": 24,
         *               "cost": {
         *                 "amount": 0.0000041,
         *                 "currency": "USD"
         *               }
         *             }
         *           }
         *         }
         *       ],
         *       "usage": {
         *         "openai": {
         *           "prompt_tokens": 21,
         *           "completion_tokens": 3,
         *           "total_tokens": 24,
         *           "cost": {
         *             "amount": 0.0000041,
         *             "currency": "USD"
         *           }
         *         }
         *       }
         *     }
         */
        ForwardResult: {
            traces: components["schemas"]["TraceSummary"][];
            /** @description What the calls cost, per model client */
            usage: {
                [key: string]: components["schemas"]["Usage"];
            };
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
        /** @description Feedback appended to a parameter's grad (GET the parameter for its role and context) */
        GradientOut: {
            data: string;
            /** Format: uuid */
            param_id: string;
            /** Format: uuid */
            trace_id: string;
        };
        /** @description One gradient or a list of them */
        GradRequest: components["schemas"]["Gradient"] | components["schemas"]["Gradient"][];
        /**
         * @description A change of a group's options: the group's index and each option changed, before and after
         * @example {
         *       "param_group": 0,
         *       "changes": {
         *         "momentum": {
         *           "before": 2,
         *           "after": 1
         *         }
         *       }
         *     }
         */
        GroupEdit: {
            changes: {
                [key: string]: components["schemas"]["OptionChange"];
            };
            /** Format: int32 */
            param_group: number;
        };
        /** @description TGD options; in defaults or a group */
        GroupOptions: {
            /** @description model, temperature, … for the model */
            completion_args?: {
                [key: string]: unknown;
            };
            /** @description Rules the new value must obey: texts, or Variables whose data is the text (afnio's form); kept and exported as given */
            constraints?: (string | components["schemas"]["Variable"])[];
            /** @description Values of template placeholders: texts, or Variables whose data is the text */
            inputs?: {
                [key: string]: string | components["schemas"]["Variable"];
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
            constraints: (string | components["schemas"]["Variable"])[];
            inputs: {
                [key: string]: string | components["schemas"]["Variable"];
            };
            messages: components["schemas"]["Message"][];
            model_client: components["schemas"]["ModelClientState"];
            /** Format: int32 */
            momentum: number;
            params: number[];
        };
        /** @description One entry of the history: the creation (entry 0), a step, a restore, a hand edit of a parameter (edit) or a change of a group's options (edit_group) */
        HistoryEntry: {
            /** Format: int64 */
            duration_ms?: number | null;
            failures: components["schemas"]["StepFailure"][];
            /** Format: date-time */
            finished_at?: string | null;
            group_edit?: components["schemas"]["GroupEdit"];
            /** @enum {string} */
            kind: "create" | "step" | "restore" | "edit" | "edit_group";
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
        /** @description An option as it was and as it is, in the shape the group shows it */
        OptionChange: {
            after: unknown;
            before: unknown;
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
            /** @description Rules the new value must obey: texts, or Variables whose data is the text (afnio's form); kept and exported as given */
            constraints?: (string | components["schemas"]["Variable"])[];
            /** @description Values of template placeholders: texts, or Variables whose data is the text */
            inputs?: {
                [key: string]: string | components["schemas"]["Variable"];
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
        /**
         * @description Options of the group to change; those left out (or null) stay. Checked like the options of a new group; its parameters are not changed here
         * @example {
         *       "momentum": 1,
         *       "constraints": [
         *         {
         *           "data": "Answer in one word.",
         *           "role": "output constraint"
         *         }
         *       ],
         *       "completion_args": {
         *         "model": "gpt-4o",
         *         "temperature": 0.2
         *       }
         *     }
         */
        ParamGroupPatch: {
            /** @description model, temperature, … for the model */
            completion_args?: {
                [key: string]: unknown;
            };
            /** @description Rules the new value must obey: texts, or Variables whose data is the text (afnio's form); kept and exported as given */
            constraints?: (string | components["schemas"]["Variable"])[];
            /** @description Values of template placeholders: texts, or Variables whose data is the text */
            inputs?: {
                [key: string]: string | components["schemas"]["Variable"];
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
        /** @description A group to add: its Variables and options; options left out come from the session's defaults */
        ParamGroupRequest: {
            /** @description model, temperature, … for the model */
            completion_args?: {
                [key: string]: unknown;
            };
            /** @description Rules the new value must obey: texts, or Variables whose data is the text (afnio's form); kept and exported as given */
            constraints?: (string | components["schemas"]["Variable"])[];
            /** @description Values of template placeholders: texts, or Variables whose data is the text */
            inputs?: {
                [key: string]: string | components["schemas"]["Variable"];
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
        /** @description A parameter of the session, inserted with its current data */
        ParamInsert: {
            /** @description The parameter's id */
            param: string;
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
        /** @description A parameter the session already has, by its id. Every parameter is in a group already, so adding a group with one is a 400 that names it (torch: some parameters appear in more than one group) */
        ParamRef: {
            /** Format: uuid */
            id: string;
        };
        /** @description What the optimizer remembers of one parameter */
        ParamState: {
            /** @description The last `momentum` steps, oldest first */
            momentum_buffer: components["schemas"]["MomentumEntry"][];
        };
        /** @description A parameter as a trace used it */
        ParamVersion: {
            /** Format: uuid */
            id: string;
            /**
             * Format: int32
             * @description The history entry that gave it the value used
             */
            version: number;
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
            /**
             * Format: int32
             * @description The history entry that changed it (stale_trace)
             */
            changed_by_entry?: number;
            /** @description What went wrong and what to change */
            detail?: string;
            /** @description Field problems (invalid-request) */
            errors?: components["schemas"]["FieldError"][];
            /** @description Why each call failed (step-failed, step-timeout, calls-failed, calls-timeout, budget-exhausted) */
            failures?: components["schemas"]["StepFailure"][];
            /**
             * Format: uri-reference
             * @description The request path
             */
            instance?: string;
            /** @description The client without a key (model-client-unavailable) */
            model_client?: string;
            /** @description Its parameter that changed (stale_trace) */
            param_id?: string;
            /** @description The training run going on the session (run-active) */
            run_id?: string;
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
            /** @description The trace that is stale (stale_trace) */
            trace_id?: string;
            /**
             * Format: uri
             * @description Stable URI of the problem type; switch on it
             * @enum {string}
             */
            type: "https://textopt.dev/problems/invalid-request" | "https://textopt.dev/problems/bad-request" | "https://textopt.dev/problems/unauthorized" | "https://textopt.dev/problems/budget-exhausted" | "https://textopt.dev/problems/forbidden" | "https://textopt.dev/problems/not-found" | "https://textopt.dev/problems/method-not-allowed" | "https://textopt.dev/problems/not-acceptable" | "https://textopt.dev/problems/step-running" | "https://textopt.dev/problems/run-active" | "https://textopt.dev/problems/stale_trace" | "https://textopt.dev/problems/quota-exceeded" | "https://textopt.dev/problems/idempotency-key-in-progress" | "https://textopt.dev/problems/precondition-failed" | "https://textopt.dev/problems/payload-too-large" | "https://textopt.dev/problems/unsupported-media-type" | "https://textopt.dev/problems/idempotency-key-reused" | "https://textopt.dev/problems/too-many-steps" | "https://textopt.dev/problems/too-many-streams" | "https://textopt.dev/problems/internal-error" | "https://textopt.dev/problems/step-failed" | "https://textopt.dev/problems/calls-failed" | "https://textopt.dev/problems/model-client-unavailable" | "https://textopt.dev/problems/webhooks-not-configured" | "https://textopt.dev/problems/database-unavailable" | "https://textopt.dev/problems/step-timeout" | "https://textopt.dev/problems/calls-timeout";
        };
        /** @description Parameters the entry has dealt with, of all it deals with */
        Progress: {
            /** Format: int32 */
            done: number;
            /** Format: int32 */
            total: number;
        };
        /** @description One turn of a forward prompt; its items are joined with newlines */
        PromptMessage: {
            /** @description Templates ({key} from the input item, {{ }} for braces), Variables inserted as they are, or {"param": id}: that parameter's current data, inserted as it is */
            content: (string | components["schemas"]["Variable"] | components["schemas"]["ParamInsert"])[];
            /** @enum {string} */
            role: "system" | "user" | "assistant";
        };
        /** @description One trace's evaluation */
        Result: {
            explanation: string;
            /**
             * Format: double
             * @description From 0 (worst) to 1 (best)
             */
            score: number;
            /** Format: uuid */
            trace_id: string;
        };
        /**
         * @description A training run
         * @example {
         *       "id": "0b7c2e94-3f1a-4d6b-9e8c-5a2f1d7b3c60",
         *       "status": "running",
         *       "epoch": 1,
         *       "batch": 0,
         *       "steps": [
         *         {
         *           "step": 1,
         *           "epoch": 0,
         *           "batch": 0,
         *           "train_score": 0
         *         },
         *         {
         *           "step": 2,
         *           "epoch": 0,
         *           "batch": 1,
         *           "train_score": 0.5
         *         }
         *       ],
         *       "validation": [
         *         {
         *           "after_step": 0,
         *           "score": 0
         *         },
         *         {
         *           "after_step": 2,
         *           "score": 1
         *         }
         *       ],
         *       "best": {
         *         "step": 2,
         *         "score": 1
         *       },
         *       "failure": null,
         *       "usage": {
         *         "openai": {
         *           "prompt_tokens": 5120,
         *           "completion_tokens": 410,
         *           "total_tokens": 5530,
         *           "cost": {
         *             "amount": 0.0011,
         *             "currency": "USD"
         *           }
         *         }
         *       },
         *       "created_at": "2025-05-01T10:00:00Z",
         *       "finished_at": null
         *     }
         */
        Run: {
            /**
             * Format: int32
             * @description The batch to train next within its epoch, from 0
             */
            batch: number;
            best?: components["schemas"]["Best"];
            /** Format: date-time */
            created_at: string;
            /**
             * Format: int32
             * @description The epoch of the batch to train next, from 0; the number of epochs once all are trained
             */
            epoch: number;
            failure?: components["schemas"]["RunFailure"];
            /** Format: date-time */
            finished_at?: string | null;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            status: "queued" | "running" | "succeeded" | "failed" | "cancelled";
            /** @description Every trained batch, in order */
            steps: components["schemas"]["RunStep"][];
            /** @description What the run's model calls cost, per model client */
            usage: {
                [key: string]: components["schemas"]["Usage"];
            };
            /** @description Validation scores: before the first step, then after every epoch (or step) */
            validation: components["schemas"]["Validation"][];
        };
        /** @description The backward pass of every batch */
        RunBackward: {
            /** @description Arguments for the backward model */
            completion_args?: {
                [key: string]: unknown;
            } | null;
            /** @description A backward prompt of your own, with {conversation}, {output}, {evaluation}, {parameter}, {role} */
            messages?: components["schemas"]["Message"][] | null;
            /** @description The backward model's client; default: the group's of the first parameter */
            model_client?: string | null;
        } | null;
        /** @description Why a run failed */
        RunFailure: {
            detail: string;
            /** @description The dataset item, e.g. train[3] or validation[0] */
            item?: string | null;
            /** @description forward, evaluate, backward or step; null for an internal error */
            operation?: string | null;
            /** @description The parameter (backward, step) */
            param_id?: string | null;
            /** @description A step's reasons: rate_limited, timeout, provider_error, unusable_reply, not_configured, budget, evaluator_failed; also stale_trace, invalid_request, internal_error */
            reason: string;
        } | null;
        /** @description The forward pass of every batch */
        RunForward: {
            /** @description Arguments for the forward model */
            completion_args?: {
                [key: string]: unknown;
            } | null;
            /** @description The conversation the model is sent for each item, nothing added */
            messages: components["schemas"]["PromptMessage"][];
            /** @description The forward model's client; default: the group's of the first parameter inserted */
            model_client?: string | null;
        };
        /** @description One dataset item */
        RunItem: {
            /** @description The texts the forward messages' {key} placeholders take */
            inputs: {
                [key: string]: string;
            };
            /** @description The expected output (required for exact_match) */
            target?: string | null;
        };
        /** @description One page, newest first */
        RunPage: {
            items: components["schemas"]["Run"][];
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            size: number;
            /** Format: int64 */
            total_items: number;
            /** Format: int64 */
            total_pages: number;
        };
        /**
         * @description A training run over a dataset
         * @example {
         *       "train": [
         *         {
         *           "inputs": {
         *             "text": "hello world"
         *           },
         *           "target": "HELLO WORLD"
         *         },
         *         {
         *           "inputs": {
         *             "text": "good morning"
         *           },
         *           "target": "GOOD MORNING"
         *         }
         *       ],
         *       "validation": [
         *         {
         *           "inputs": {
         *             "text": "see you"
         *           },
         *           "target": "SEE YOU"
         *         }
         *       ],
         *       "forward": {
         *         "messages": [
         *           {
         *             "role": "system",
         *             "content": [
         *               {
         *                 "param": "b2e0c1d4-5f6a-4b7c-8d9e-0f1a2b3c4d5e"
         *               }
         *             ]
         *           },
         *           {
         *             "role": "user",
         *             "content": [
         *               "{text}"
         *             ]
         *           }
         *         ],
         *         "model_client": "openai",
         *         "completion_args": {
         *           "model": "gpt-4o-mini"
         *         }
         *       },
         *       "evaluator": {
         *         "type": "exact_match"
         *       },
         *       "backward": {
         *         "model_client": "openai",
         *         "completion_args": {
         *           "model": "gpt-4o"
         *         }
         *       },
         *       "epochs": 2,
         *       "batch_size": 4,
         *       "shuffle_seed": 7,
         *       "keep_best": true
         *     }
         */
        RunRequest: {
            backward?: components["schemas"]["RunBackward"];
            /**
             * Format: int32
             * @description Items per batch, one step each (default 4)
             */
            batch_size?: number | null;
            /**
             * Format: int32
             * @description Passes over the dataset (default 1, at most textopt.limits.max-epochs)
             */
            epochs?: number | null;
            evaluator: components["schemas"]["Evaluator"];
            forward: components["schemas"]["RunForward"];
            /** @description End restored to the best validation score's entry (needs validation; default false) */
            keep_best?: boolean | null;
            /**
             * Format: int64
             * @description Shuffles each epoch's order (documented algorithm); none: the dataset's order
             */
            shuffle_seed?: number | null;
            /** @description The items to train on */
            train: components["schemas"]["RunItem"][];
            /**
             * @description When to score the validation set after the start (default epoch)
             * @enum {string|null}
             */
            validate_every?: "epoch" | "step" | null;
            /** @description The items to score the parameters on, before the first step and after every epoch (or step) */
            validation?: components["schemas"]["RunItem"][] | null;
        };
        /** @description A trained batch */
        RunStep: {
            /** Format: int32 */
            batch: number;
            /** Format: int32 */
            epoch: number;
            /**
             * Format: int32
             * @description The history entry of the batch's step
             */
            step: number;
            /**
             * Format: double
             * @description The batch's mean score before the step (the step's loss)
             */
            train_score: number;
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
        /** @description A parameter whose update failed, or the step as a whole (param_id null); for forward, evaluate and backward, the call that failed: its input item (index), trace (trace_id) and parameter (param_id) */
        StepFailure: {
            detail?: string | null;
            /**
             * Format: int32
             * @description forward: the input item's position
             */
            index?: number;
            param_id?: string | null;
            /**
             * Format: int32
             * @description The provider's HTTP status, when it answered with an error
             */
            provider_status?: number | null;
            /**
             * @description rate_limited, timeout, provider_error, unusable_reply, not_configured, budget, closure_failed, abandoned, internal_error; evaluate: evaluator_failed
             * @example provider_error
             */
            reason: string;
            /** @description evaluate, backward: the trace */
            trace_id?: string;
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
        /**
         * @description A stored forward call and, once evaluated, its evaluation
         * @example {"id": "3d1e7a52-9c4b-4f0e-8a6d-2b5c7e9f1a30", "index": 0,
         *      "created_at": "2025-06-01T12:00:00.123456Z", "expires_at": "2025-06-02T12:00:00.123456Z",
         *      "messages": [{"role": "system", "content": "Repeat the text."}, {"role": "user", "content": "hello world"}],
         *      "inputs": {"text": "hello world"}, "output": "hello world", "model_client": "openai", "model": "gpt-4o-mini-2024-07-18",
         *      "params": [{"id": "b2e0c1d4-5f6a-4b7c-8d9e-0f1a2b3c4d5e", "version": 0, "data": "Repeat the text."}],
         *      "usage": {"openai": {"prompt_tokens": 21, "completion_tokens": 3, "total_tokens": 24,
         *                           "cost": {"amount": 0.0000050, "currency": "USD"}}},
         *      "evaluation": {"score": 0.0, "explanation": "expected "HELLO WORLD", got "hello world" (only the letter case differs)",
         *                     "evaluator": "exact_match"}}
         */
        Trace: {
            /** Format: date-time */
            created_at: string;
            evaluation?: components["schemas"]["Evaluation"];
            /**
             * Format: date-time
             * @description From then on the trace is gone (textopt.training.trace-ttl after created_at)
             */
            expires_at: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: int32
             * @description The input item's position in its forward request
             */
            index: number;
            /** @description The input item */
            inputs: {
                [key: string]: string;
            };
            /** @description The turns the model was sent, exactly */
            messages: components["schemas"]["Turn"][];
            /** @description The model that answered, as the provider named it */
            model?: string | null;
            /** @description The model client called */
            model_client: string;
            output: string;
            /** @description The parameters the messages inserted: their value then, and the history entry that gave it */
            params: components["schemas"]["UsedParam"][];
            usage: {
                [key: string]: components["schemas"]["Usage"];
            };
        };
        /** @description A trace, with a score of your own or none to use its evaluation */
        TraceScore: {
            /** @description Why it got the score (with score only) */
            explanation?: string | null;
            /**
             * Format: double
             * @description From 0 (worst) to 1 (best); wins over the trace's evaluation
             */
            score?: number | null;
            trace_id: string;
        };
        /** @description One stored forward call */
        TraceSummary: {
            /**
             * Format: uuid
             * @description For evaluate, backward and GET …/traces/{trace_id}
             */
            id: string;
            /**
             * Format: int32
             * @description The input item's position
             */
            index: number;
            /** @description What the model answered */
            output: string;
            /** @description The parameters the messages inserted, with the history entry that gave them their value */
            params: components["schemas"]["ParamVersion"][];
            usage: {
                [key: string]: components["schemas"]["Usage"];
            };
        };
        /** @description One turn as the model was sent it */
        Turn: {
            content: string;
            /** @enum {string} */
            role: "system" | "user" | "assistant";
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
        /** @description A parameter as the trace used it */
        UsedParam: {
            data: string;
            /** Format: uuid */
            id: string;
            /**
             * Format: int32
             * @description The history entry that gave it this value
             */
            version: number;
        };
        /** @description A validation score */
        Validation: {
            /**
             * Format: int32
             * @description The history entry the parameters stood at
             */
            after_step: number;
            /** Format: double */
            score: number;
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
        /**
         * @description A webhook
         * @example {
         *       "id": "5a0c3f9e-2b7d-4c1a-8e6f-0d9b1a2c3e4f",
         *       "url": "https://hooks.example.com/textopt",
         *       "events": [
         *         "step.succeeded",
         *         "run.succeeded"
         *       ],
         *       "description": null,
         *       "created_at": "2026-01-01T10:00:00Z",
         *       "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
         *     }
         */
        Webhook: {
            /** Format: date-time */
            created_at: string;
            description?: string | null;
            events: string[];
            /** Format: uuid */
            id: string;
            /** @description Signs every delivery (Standard Webhooks: webhook-signature is v1,<base64 HMAC-SHA256 of "webhook-id.webhook-timestamp.body" keyed with the base64-decoded part after whsec_>). Only in the answer to POST /v1/webhooks (and its replay with the same Idempotency-Key): keep it */
            secret?: string;
            url: string;
        };
        /**
         * @description A delivery of one event to the webhook
         * @example {
         *       "event_id": 42,
         *       "event_type": "step.succeeded",
         *       "attempts": 2,
         *       "last_status": 200,
         *       "last_error": null,
         *       "next_attempt_at": null,
         *       "delivered_at": "2026-01-01T10:00:07Z",
         *       "created_at": "2026-01-01T10:00:00Z"
         *     }
         */
        WebhookDelivery: {
            /**
             * Format: int32
             * @description Attempts so far, counting one in flight
             */
            attempts: number;
            /**
             * Format: date-time
             * @description When the event happened
             */
            created_at: string;
            /** Format: date-time */
            delivered_at?: string | null;
            /**
             * Format: int64
             * @description The event's id (its webhook-id is evt_<event_id>)
             */
            event_id: number;
            event_type: string;
            /** @description Why the last attempt failed */
            last_error?: string | null;
            /**
             * Format: int32
             * @description The status of the last answer; null: none came
             */
            last_status?: number | null;
            /**
             * Format: date-time
             * @description When it is tried again; null once delivered or given up (a day after the event)
             */
            next_attempt_at?: string | null;
        };
        /** @description One page, newest first */
        WebhookDeliveryPage: {
            items: components["schemas"]["WebhookDelivery"][];
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            size: number;
            /** Format: int64 */
            total_items: number;
            /** Format: int64 */
            total_pages: number;
        };
        /** @description One page, newest first */
        WebhookPage: {
            items: components["schemas"]["Webhook"][];
            /** Format: int32 */
            page: number;
            /** Format: int32 */
            size: number;
            /** Format: int64 */
            total_items: number;
            /** Format: int64 */
            total_pages: number;
        };
        /**
         * @description A webhook to register
         * @example {
         *       "url": "https://hooks.example.com/textopt",
         *       "events": [
         *         "step.succeeded",
         *         "step.failed",
         *         "run.succeeded"
         *       ],
         *       "description": "tell the team's chat when a run ends"
         *     }
         */
        WebhookRequest: {
            /** @description For people; at most 500 characters */
            description?: string | null;
            /** @description The events to deliver, at least one */
            events: ("step.started" | "step.progress" | "step.succeeded" | "step.failed" | "run.started" | "run.progress" | "run.succeeded" | "run.failed" | "run.cancelled")[];
            /** @description An http(s) URL whose host the operator allowed (textopt.closure.allowed-hosts), as for closures */
            url: string;
        };
    };
    responses: {
        /** @description step-failed: a model call or the closure failed; with step and failures; calls-failed: a forward, judge, backward or http evaluator call failed; nothing was stored, the tokens spent were counted; with failures */
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
        /** @description step-running: a step of this session is running; run-active: a training run is going on this session: a second run, or a step, edit, restore, new group or state-dict import by hand waits until it ends; with run_id; stale_trace: a trace's parameter changed since its forward pass (a step, restore or edit); with trace_id, param_id and changed_by_entry, the history entry that changed it; quota-exceeded: the tenant holds as many sessions as it may; idempotency-key-in-progress: a request with this Idempotency-Key is still being answered; retry with the same key */
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
        /** @description step-timeout: a step failed and every failure was a timeout; with step and failures; calls-timeout: a forward, judge or backward request failed and every failure was a timeout; with failures */
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
        /** @description not-found: no such session (or another tenant's), parameter, param group, history entry, trace, training run or webhook, or an id that is not a UUID */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description budget-exhausted: the session's budget is spent: no step, forward, judge or backward call starts, or one reached it part-way (then it has failures with reason budget, and step for a step; nothing changed) */
        PaymentRequired: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description precondition-failed: If-Match names an ETag the session (or the entry read) no longer has: it changed since the client read it; nothing was changed */
        PreconditionFailed: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description model-client-unavailable: a step, forward, judge or backward needs a model client without its API key; with model_client; webhooks-not-configured: the server has no webhook signing key (TEXTOPT_WEBHOOKS_SIGNINGKEY), so no webhook can be created; nothing was stored; database-unavailable: the database cannot be reached; nothing was changed; Retry-After says when to try again */
        ServiceUnavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description too-many-steps: the tenant has as many steps running as it may; Retry-After says when to try again; too-many-streams: the tenant holds textopt.events.max-streams-per-tenant open event streams on this instance; Retry-After says when to try again */
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
export type AddParamGroupRequest = components['schemas']['AddParamGroupRequest'];
export type BackwardRequest = components['schemas']['BackwardRequest'];
export type BackwardResult = components['schemas']['BackwardResult'];
export type BatchLoss = components['schemas']['BatchLoss'];
export type Best = components['schemas']['Best'];
export type Budget = components['schemas']['Budget'];
export type BudgetRequest = components['schemas']['BudgetRequest'];
export type ClosureRequest = components['schemas']['ClosureRequest'];
export type Cost = components['schemas']['Cost'];
export type CreateRequest = components['schemas']['CreateRequest'];
export type EvaluateRequest = components['schemas']['EvaluateRequest'];
export type EvaluateResult = components['schemas']['EvaluateResult'];
export type Evaluation = components['schemas']['Evaluation'];
export type Evaluator = components['schemas']['Evaluator'];
export type Event = components['schemas']['Event'];
export type FieldError = components['schemas']['FieldError'];
export type ForwardRequest = components['schemas']['ForwardRequest'];
export type ForwardResult = components['schemas']['ForwardResult'];
export type Gradient = components['schemas']['Gradient'];
export type GradientOut = components['schemas']['GradientOut'];
export type GradRequest = components['schemas']['GradRequest'];
export type GroupEdit = components['schemas']['GroupEdit'];
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
export type OptionChange = components['schemas']['OptionChange'];
export type Parameter = components['schemas']['Parameter'];
export type ParamGroup = components['schemas']['ParamGroup'];
export type ParamGroupPatch = components['schemas']['ParamGroupPatch'];
export type ParamGroupRequest = components['schemas']['ParamGroupRequest'];
export type ParamInsert = components['schemas']['ParamInsert'];
export type ParamOutcome = components['schemas']['ParamOutcome'];
export type ParamRef = components['schemas']['ParamRef'];
export type ParamState = components['schemas']['ParamState'];
export type ParamVersion = components['schemas']['ParamVersion'];
export type PatchRequest = components['schemas']['PatchRequest'];
export type Problem = components['schemas']['Problem'];
export type Progress = components['schemas']['Progress'];
export type PromptMessage = components['schemas']['PromptMessage'];
export type Result = components['schemas']['Result'];
export type Run = components['schemas']['Run'];
export type RunBackward = components['schemas']['RunBackward'];
export type RunFailure = components['schemas']['RunFailure'];
export type RunForward = components['schemas']['RunForward'];
export type RunItem = components['schemas']['RunItem'];
export type RunPage = components['schemas']['RunPage'];
export type RunRequest = components['schemas']['RunRequest'];
export type RunStep = components['schemas']['RunStep'];
export type Session = components['schemas']['Session'];
export type SessionPage = components['schemas']['SessionPage'];
export type StateDict = components['schemas']['StateDict'];
export type StepAccepted = components['schemas']['StepAccepted'];
export type StepFailure = components['schemas']['StepFailure'];
export type StepRequest = components['schemas']['StepRequest'];
export type StepResult = components['schemas']['StepResult'];
export type Trace = components['schemas']['Trace'];
export type TraceScore = components['schemas']['TraceScore'];
export type TraceSummary = components['schemas']['TraceSummary'];
export type Turn = components['schemas']['Turn'];
export type Usage = components['schemas']['Usage'];
export type UsedParam = components['schemas']['UsedParam'];
export type Validation = components['schemas']['Validation'];
export type Variable = components['schemas']['Variable'];
export type Webhook = components['schemas']['Webhook'];
export type WebhookDelivery = components['schemas']['WebhookDelivery'];
export type WebhookDeliveryPage = components['schemas']['WebhookDeliveryPage'];
export type WebhookPage = components['schemas']['WebhookPage'];
export type WebhookRequest = components['schemas']['WebhookRequest'];
export type ResponseBadGateway = components['responses']['BadGateway'];
export type ResponseBadRequest = components['responses']['BadRequest'];
export type ResponseConflict = components['responses']['Conflict'];
export type ResponseContentTooLarge = components['responses']['ContentTooLarge'];
export type ResponseGatewayTimeout = components['responses']['GatewayTimeout'];
export type ResponseInternalServerError = components['responses']['InternalServerError'];
export type ResponseNotAcceptable = components['responses']['NotAcceptable'];
export type ResponseNotFound = components['responses']['NotFound'];
export type ResponsePaymentRequired = components['responses']['PaymentRequired'];
export type ResponsePreconditionFailed = components['responses']['PreconditionFailed'];
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
                    /** @description The session's version as a strong ETag (on a history entry: its number and status, and while it runs its progress). Send it back in If-Match to change only what you read, or in If-None-Match to read only what changed. A replayed answer (Idempotent-Replayed) carries none. */
                    ETag?: string;
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
            header?: {
                /**
                 * @description Only if the session (for a history entry: the entry) still has this ETag: otherwise 412 precondition-failed and nothing changes. Checked in the same transaction as the change. * or no header: whatever the version. Weak ETags (W/"4") never match.
                 * @example "4"
                 */
                "If-Match"?: string;
                /**
                 * @description Answer 304 Not Modified, without a body, when this is still the ETag.
                 * @example "4"
                 */
                "If-None-Match"?: string;
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
                    /** @description The session's version as a strong ETag (on a history entry: its number and status, and while it runs its progress). Send it back in If-Match to change only what you read, or in If-None-Match to read only what changed. A replayed answer (Idempotent-Replayed) carries none. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            /** @description Not Modified: If-None-Match names the current ETag; no body */
            304: {
                headers: {
                    /** @description The session's version as a strong ETag (on a history entry: its number and status, and while it runs its progress). Send it back in If-Match to change only what you read, or in If-None-Match to read only what changed. A replayed answer (Idempotent-Replayed) carries none. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            406: components["responses"]["NotAcceptable"];
            412: components["responses"]["PreconditionFailed"];
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
    backward: {
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
                "application/json": components["schemas"]["BackwardRequest"];
            };
        };
        responses: {
            /** @description Every call gave feedback; all of it was appended */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BackwardResult"];
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
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
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
                    /** @description The session's version as a strong ETag (on a history entry: its number and status, and while it runs its progress). Send it back in If-Match to change only what you read, or in If-None-Match to read only what changed. A replayed answer (Idempotent-Replayed) carries none. */
                    ETag?: string;
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
    evaluate: {
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
                "application/json": components["schemas"]["EvaluateRequest"];
            };
        };
        responses: {
            /** @description Every trace scored */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvaluateResult"];
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
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
        };
    };
    streamEvents: {
        parameters: {
            query?: never;
            header?: {
                /** @description resume after this event id (0: from the oldest kept) */
                "Last-Event-ID"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stream: `id: 42`, `event: step.progress`, `data: {Event}`, a blank line, … */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/event-stream": string;
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            406: components["responses"]["NotAcceptable"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    forward: {
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
                "application/json": components["schemas"]["ForwardRequest"];
            };
        };
        responses: {
            /** @description Every item answered; a trace each */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForwardResult"];
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
            500: components["responses"]["InternalServerError"];
            502: components["responses"]["BadGateway"];
            503: components["responses"]["ServiceUnavailable"];
            504: components["responses"]["GatewayTimeout"];
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
                "application/json": components["schemas"]["AddParamGroupRequest"];
            };
        };
        responses: {
            /** @description The group as stored */
            201: {
                headers: {
                    /** @description The session's version as a strong ETag (on a history entry: its number and status, and while it runs its progress). Send it back in If-Match to change only what you read, or in If-None-Match to read only what changed. A replayed answer (Idempotent-Replayed) carries none. */
                    ETag?: string;
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
    patchParamGroup: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Only if the session (for a history entry: the entry) still has this ETag: otherwise 412 precondition-failed and nothing changes. Checked in the same transaction as the change. * or no header: whatever the version. Weak ETags (W/"4") never match.
                 * @example "4"
                 */
                "If-Match"?: string;
            };
            path: {
                id: string;
                index: number;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ParamGroupPatch"];
                "application/merge-patch+json": components["schemas"]["ParamGroupPatch"];
            };
        };
        responses: {
            /** @description The group with its options as they are now */
            200: {
                headers: {
                    /** @description The session's version as a strong ETag (on a history entry: its number and status, and while it runs its progress). Send it back in If-Match to change only what you read, or in If-None-Match to read only what changed. A replayed answer (Idempotent-Replayed) carries none. */
                    ETag?: string;
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
            412: components["responses"]["PreconditionFailed"];
            413: components["responses"]["ContentTooLarge"];
            415: components["responses"]["UnsupportedMediaType"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getParam: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Only if the session (for a history entry: the entry) still has this ETag: otherwise 412 precondition-failed and nothing changes. Checked in the same transaction as the change. * or no header: whatever the version. Weak ETags (W/"4") never match.
                 * @example "4"
                 */
                "If-Match"?: string;
                /**
                 * @description Answer 304 Not Modified, without a body, when this is still the ETag.
                 * @example "4"
                 */
                "If-None-Match"?: string;
            };
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
                    /** @description The session's version as a strong ETag (on a history entry: its number and status, and while it runs its progress). Send it back in If-Match to change only what you read, or in If-None-Match to read only what changed. A replayed answer (Idempotent-Replayed) carries none. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Parameter"];
                };
            };
            /** @description Not Modified: If-None-Match names the current ETag; no body */
            304: {
                headers: {
                    /** @description The session's version as a strong ETag (on a history entry: its number and status, and while it runs its progress). Send it back in If-Match to change only what you read, or in If-None-Match to read only what changed. A replayed answer (Idempotent-Replayed) carries none. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            406: components["responses"]["NotAcceptable"];
            412: components["responses"]["PreconditionFailed"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    patchParam: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Only if the session (for a history entry: the entry) still has this ETag: otherwise 412 precondition-failed and nothing changes. Checked in the same transaction as the change. * or no header: whatever the version. Weak ETags (W/"4") never match.
                 * @example "4"
                 */
                "If-Match"?: string;
            };
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
                    /** @description The session's version as a strong ETag (on a history entry: its number and status, and while it runs its progress). Send it back in If-Match to change only what you read, or in If-None-Match to read only what changed. A replayed answer (Idempotent-Replayed) carries none. */
                    ETag?: string;
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
            412: components["responses"]["PreconditionFailed"];
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
                    /** @description The session's version as a strong ETag (on a history entry: its number and status, and while it runs its progress). Send it back in If-Match to change only what you read, or in If-None-Match to read only what changed. A replayed answer (Idempotent-Replayed) carries none. */
                    ETag?: string;
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
    listRuns: {
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
                    "application/json": components["schemas"]["RunPage"];
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
    createRun: {
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
                "application/json": components["schemas"]["RunRequest"];
            };
        };
        responses: {
            /** @description Queued; the run starts at once */
            202: {
                headers: {
                    /** @description the run */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Run"];
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
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                runId: string;
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
                    "application/json": components["schemas"]["Run"];
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
    cancelRun: {
        parameters: {
            query?: never;
            header?: {
                /** @description Any unique text. A retry with the same key and body gets the first answer again (Idempotent-Replayed: true); the same key with another body is a 422; while the first is still being answered, a 409: retry with the same key. After a lost answer (a crash, a 502), retrying with the same key does the work exactly once. */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
            };
            path: {
                id: string;
                runId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run has ended */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Run"];
                };
            };
            /** @description The run stops after the call in flight */
            202: {
                headers: {
                    /** @description the run */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Run"];
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
    getStateDict: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Only if the session (for a history entry: the entry) still has this ETag: otherwise 412 precondition-failed and nothing changes. Checked in the same transaction as the change. * or no header: whatever the version. Weak ETags (W/"4") never match.
                 * @example "4"
                 */
                "If-Match"?: string;
                /**
                 * @description Answer 304 Not Modified, without a body, when this is still the ETag.
                 * @example "4"
                 */
                "If-None-Match"?: string;
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
                    /** @description The session's version as a strong ETag (on a history entry: its number and status, and while it runs its progress). Send it back in If-Match to change only what you read, or in If-None-Match to read only what changed. A replayed answer (Idempotent-Replayed) carries none. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StateDict"];
                };
            };
            /** @description Not Modified: If-None-Match names the current ETag; no body */
            304: {
                headers: {
                    /** @description The session's version as a strong ETag (on a history entry: its number and status, and while it runs its progress). Send it back in If-Match to change only what you read, or in If-None-Match to read only what changed. A replayed answer (Idempotent-Replayed) carries none. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            406: components["responses"]["NotAcceptable"];
            412: components["responses"]["PreconditionFailed"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    loadStateDict: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Only if the session (for a history entry: the entry) still has this ETag: otherwise 412 precondition-failed and nothing changes. Checked in the same transaction as the change. * or no header: whatever the version. Weak ETags (W/"4") never match.
                 * @example "4"
                 */
                "If-Match"?: string;
            };
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
                    /** @description The session's version as a strong ETag (on a history entry: its number and status, and while it runs its progress). Send it back in If-Match to change only what you read, or in If-None-Match to read only what changed. A replayed answer (Idempotent-Replayed) carries none. */
                    ETag?: string;
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
            412: components["responses"]["PreconditionFailed"];
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
            header?: {
                /**
                 * @description Only if the session (for a history entry: the entry) still has this ETag: otherwise 412 precondition-failed and nothing changes. Checked in the same transaction as the change. * or no header: whatever the version. Weak ETags (W/"4") never match.
                 * @example "4"
                 */
                "If-Match"?: string;
                /**
                 * @description Answer 304 Not Modified, without a body, when this is still the ETag.
                 * @example "4"
                 */
                "If-None-Match"?: string;
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
                    /** @description The session's version as a strong ETag (on a history entry: its number and status, and while it runs its progress). Send it back in If-Match to change only what you read, or in If-None-Match to read only what changed. A replayed answer (Idempotent-Replayed) carries none. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryEntry"];
                };
            };
            /** @description Not Modified: If-None-Match names the current ETag; no body */
            304: {
                headers: {
                    /** @description The session's version as a strong ETag (on a history entry: its number and status, and while it runs its progress). Send it back in If-Match to change only what you read, or in If-None-Match to read only what changed. A replayed answer (Idempotent-Replayed) carries none. */
                    ETag?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["NotFound"];
            406: components["responses"]["NotAcceptable"];
            412: components["responses"]["PreconditionFailed"];
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
                /**
                 * @description Only if the session (for a history entry: the entry) still has this ETag: otherwise 412 precondition-failed and nothing changes. Checked in the same transaction as the change. * or no header: whatever the version. Weak ETags (W/"4") never match.
                 * @example "4"
                 */
                "If-Match"?: string;
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
                    /** @description The session's version as a strong ETag (on a history entry: its number and status, and while it runs its progress). Send it back in If-Match to change only what you read, or in If-None-Match to read only what changed. A replayed answer (Idempotent-Replayed) carries none. */
                    ETag?: string;
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
            412: components["responses"]["PreconditionFailed"];
            422: components["responses"]["UnprocessableContent"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    getTrace: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                traceId: string;
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
                    "application/json": components["schemas"]["Trace"];
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
    clearUsage: {
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
                    /** @description The session's version as a strong ETag (on a history entry: its number and status, and while it runs its progress). Send it back in If-Match to change only what you read, or in If-None-Match to read only what changed. A replayed answer (Idempotent-Replayed) carries none. */
                    ETag?: string;
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
    listWebhooks: {
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
                    "application/json": components["schemas"]["WebhookPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            406: components["responses"]["NotAcceptable"];
            500: components["responses"]["InternalServerError"];
            503: components["responses"]["ServiceUnavailable"];
        };
    };
    createWebhook: {
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
                "application/json": components["schemas"]["WebhookRequest"];
            };
        };
        responses: {
            /** @description Created, with its secret */
            201: {
                headers: {
                    /** @description the webhook */
                    Location?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Webhook"];
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
    getWebhook: {
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
                    "application/json": components["schemas"]["Webhook"];
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
    deleteWebhook: {
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
    listWebhookDeliveries: {
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
                    "application/json": components["schemas"]["WebhookDeliveryPage"];
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
}
