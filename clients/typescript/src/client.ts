import createClient, { type Client } from "openapi-fetch";
import { StepFailedError, TextoptError } from "./errors.js";
import type {
  CreateRequest, GradRequest, HistoryEntry, HistoryEntryPage, ParamGroup, ParamGroupRequest, Parameter,
  PatchRequest, Progress, Session, SessionPage, StateDict, StepRequest, StepResult, paths,
} from "./openapi.js";
import { createTransport, sleep, type TransportOptions } from "./transport.js";

export interface TextoptOptions extends TransportOptions {
  /** Where textopt answers (default: TEXTOPT_URL, else http://localhost:8080). The key defaults to TEXTOPT_API_KEY. */
  baseUrl?: string;
}

/** Options of one POST: a key of your own (to retry the call across restarts of your program), and a signal. */
export interface CallOptions {
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export interface Page {
  page?: number;
  size?: number;
}

export interface WaitOptions {
  /** Time between two polls of the step's history entry (default 500 ms). */
  intervalMs?: number;
  /** Called with the entry's progress after every poll while the step runs. */
  onProgress?: (progress: Progress) => void;
  /** Stops waiting (the step goes on); e.g. `AbortSignal.timeout(60_000)`. */
  signal?: AbortSignal;
}

/** What a call answered: its data, or a TextoptError carrying the problem detail. */
async function answer<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    throw TextoptError.fromAnswer(response, error);
  }
  return data as T;
}

function postOptions(call: CallOptions = {}) {
  return {
    headers: call.idempotencyKey ? { "Idempotency-Key": call.idempotencyKey } : {},
    signal: call.signal,
  };
}

/**
 * A textopt service. Every method is one HTTP call (with retries, see createTransport); `api` is the
 * typed openapi-fetch client for operations without a method here.
 */
export class Textopt {
  readonly api: Client<paths>;

  constructor(options: TextoptOptions = {}) {
    const env = typeof process === "undefined" ? {} : process.env;
    this.api = createClient<paths>({
      baseUrl: options.baseUrl ?? env.TEXTOPT_URL ?? "http://localhost:8080",
      fetch: createTransport({ ...options, apiKey: options.apiKey ?? env.TEXTOPT_API_KEY }),
    });
  }

  createSession(body: CreateRequest, call?: CallOptions): Promise<Session> {
    return answer(this.api.POST("/v1/optimizers", { body, ...postOptions(call) }));
  }

  listSessions(query: Page = {}): Promise<SessionPage> {
    return answer(this.api.GET("/v1/optimizers", { params: { query } }));
  }

  getSession(id: string): Promise<Session> {
    return answer(this.api.GET("/v1/optimizers/{id}", { params: { path: { id } } }));
  }

  async deleteSession(id: string): Promise<void> {
    await answer(this.api.DELETE("/v1/optimizers/{id}", { params: { path: { id } } }));
  }

  /** afnio's add_param_group: options the group leaves out come from the session's defaults. */
  addParamGroup(id: string, group: ParamGroupRequest, call?: CallOptions): Promise<ParamGroup> {
    return answer(this.api.POST("/v1/optimizers/{id}/param-groups", { params: { path: { id } }, body: group, ...postOptions(call) }));
  }

  getParam(id: string, paramId: string): Promise<Parameter> {
    return answer(this.api.GET("/v1/optimizers/{id}/params/{paramId}", { params: { path: { id, paramId } } }));
  }

  /** Edit a parameter by hand: any of data, role, requires_grad. */
  patchParam(id: string, paramId: string, patch: PatchRequest): Promise<Parameter> {
    return answer(this.api.PATCH("/v1/optimizers/{id}/params/{paramId}", { params: { path: { id, paramId } }, body: patch }));
  }

  /** Append one gradient or a list of them to a parameter's grad; answers the parameter. */
  appendGrad(id: string, paramId: string, grads: GradRequest, call?: CallOptions): Promise<Parameter> {
    return answer(this.api.POST("/v1/optimizers/{id}/params/{paramId}/grad", {
      params: { path: { id, paramId } }, body: grads, ...postOptions(call),
    }));
  }

  clearGrad(id: string, call?: CallOptions): Promise<Session> {
    return answer(this.api.POST("/v1/optimizers/{id}/clear-grad", { params: { path: { id } }, ...postOptions(call) }));
  }

  /** One step, answered when it has ended; a failed step throws a TextoptError (502 step-failed, 504 step-timeout). */
  async step(id: string, request: StepRequest = {}, call?: CallOptions): Promise<StepResult> {
    const result = await answer(this.api.POST("/v1/optimizers/{id}/step", {
      params: { path: { id } }, body: request, ...postOptions(call),
    }));
    return result as StepResult;
  }

  /** Starts a step (`Prefer: respond-async`) and answers at once; `wait()` on the result polls it to its end. */
  async startStep(id: string, request: StepRequest = {}, call?: CallOptions): Promise<RunningStep> {
    const { headers, signal } = postOptions(call);
    const accepted = await answer(this.api.POST("/v1/optimizers/{id}/step", {
      params: { path: { id } }, body: request, headers: { ...headers, Prefer: "respond-async" }, signal,
    }));
    if (!("location" in accepted)) {
      throw new Error("textopt ran the step synchronously although it was asked for respond-async");
    }
    return new RunningStep(this, id, accepted.step, accepted.location);
  }

  /** afnio's state_dict: momentum buffers and group options, parameters by index. */
  stateDict(id: string): Promise<StateDict> {
    return answer(this.api.GET("/v1/optimizers/{id}/state-dict", { params: { path: { id } } }));
  }

  /**
   * afnio's load_state_dict. `modelClients` names the configured client for each model_client key of the
   * dict's groups, e.g. `{ model_client: "openai" }`; a key without an entry is a 400 that names it.
   */
  loadStateDict(id: string, stateDict: StateDict, modelClients?: Record<string, string>): Promise<Session> {
    return answer(this.api.PUT("/v1/optimizers/{id}/state-dict", {
      params: { path: { id } }, body: { state_dict: stateDict, model_clients: modelClients },
    }));
  }

  /** The history (steps, restores, edits), newest first. */
  history(id: string, query: Page = {}): Promise<HistoryEntryPage> {
    return answer(this.api.GET("/v1/optimizers/{id}/steps", { params: { path: { id }, query } }));
  }

  /** One history entry; 0 is the creation. */
  historyEntry(id: string, number: number): Promise<HistoryEntry> {
    return answer(this.api.GET("/v1/optimizers/{id}/steps/{number}", { params: { path: { id, number } } }));
  }

  /** Set every parameter to its value after history entry `number` (0: at creation). */
  restore(id: string, number: number, call?: CallOptions): Promise<Session> {
    return answer(this.api.POST("/v1/optimizers/{id}/steps/{number}/restore", {
      params: { path: { id, number } }, ...postOptions(call),
    }));
  }
}

/** A step started with `startStep`: its history entry number and where to poll it. */
export class RunningStep {
  constructor(
    private readonly textopt: Textopt,
    readonly sessionId: string,
    readonly step: number,
    readonly location: string,
  ) {}

  /** The entry as it is now (status running, succeeded or failed; progress). */
  poll(): Promise<HistoryEntry> {
    return this.textopt.historyEntry(this.sessionId, this.step);
  }

  /** Polls until the step ends: its entry when it succeeded; a StepFailedError when it failed. */
  async wait(options: WaitOptions = {}): Promise<HistoryEntry> {
    for (;;) {
      const entry = await this.poll();
      if (entry.status === "succeeded") {
        return entry;
      }
      if (entry.status === "failed") {
        throw new StepFailedError(this.location, entry);
      }
      options.onProgress?.(entry.progress);
      await sleep(options.intervalMs ?? 500, options.signal);
    }
  }
}
