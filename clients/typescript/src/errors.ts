import type { HistoryEntry, Problem, StepFailure } from "./openapi.js";

/** The service answered with an error: `problem` is its RFC 9457 problem detail. */
export class TextoptError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(`${problem.status} ${problem.title}${problem.detail ? `: ${problem.detail}` : ""}`);
    this.name = "TextoptError";
    this.status = problem.status;
    this.problem = problem;
  }

  /** The stable problem type: `https://textopt.dev/problems/<slug>`. */
  get type(): Problem["type"] {
    return this.problem.type;
  }

  /** The error of an answer that is not 2xx; `body` is what openapi-fetch read (JSON or text). */
  static fromAnswer(response: Response, body: unknown): TextoptError {
    if (isProblem(body)) {
      return new TextoptError(body);
    }
    // Not a problem detail (a proxy's error page): keep what it said, typed as the service's 5xx/4xx.
    const text = typeof body === "string" ? body.slice(0, 500) : JSON.stringify(body ?? null);
    const generic = response.status >= 500 ? "internal-error" : "bad-request";
    return new TextoptError({
      type: `https://textopt.dev/problems/${generic}`,
      title: response.statusText || `HTTP ${response.status}`,
      status: response.status,
      detail: text || undefined,
    });
  }
}

/** textopt could not be reached, even after the retries. The network error is the `cause`. */
export class TextoptConnectionError extends Error {
  constructor(url: string, attempts: number, cause: unknown) {
    super(`textopt at ${url} could not be reached after ${attempts} attempt(s): ${String(cause)}`, { cause });
    this.name = "TextoptConnectionError";
  }
}

/**
 * An asynchronous step ended `failed`. Its `problem` is what the same step would have answered
 * synchronously (502 `step-failed`, or 504 `step-timeout` when every failure was a timeout), built from
 * its history `entry`.
 */
export class StepFailedError extends TextoptError {
  readonly entry: HistoryEntry;

  constructor(location: string, entry: HistoryEntry) {
    const timeout = entry.failures.length > 0 && entry.failures.every((f: StepFailure) => f.reason === "timeout");
    super({
      type: timeout ? "https://textopt.dev/problems/step-timeout" : "https://textopt.dev/problems/step-failed",
      title: "Step failed; no parameter changed",
      status: timeout ? 504 : 502,
      detail: entry.failures.map((f) => `${f.param_id ?? "step"}: ${f.reason}${f.detail ? ` (${f.detail})` : ""}`).join("; "),
      instance: location,
      step: entry.step,
      failures: entry.failures,
    });
    this.name = "StepFailedError";
    this.entry = entry;
  }
}

function isProblem(body: unknown): body is Problem {
  return typeof body === "object" && body !== null
    && typeof (body as Problem).status === "number" && typeof (body as Problem).type === "string";
}
