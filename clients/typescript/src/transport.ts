import { TextoptConnectionError } from "./errors.js";

/** How often and how long a call is retried. */
export interface RetryOptions {
  /** Retries after the first attempt (default 4); 0 turns retries off. */
  maxRetries?: number;
  /** The first backoff when the answer has no Retry-After (default 500 ms); it doubles per retry. */
  baseDelayMs?: number;
  /** No wait is longer, whatever Retry-After asks (default 30 s). */
  maxDelayMs?: number;
}

/** What the client sends with: the global fetch, or yours (a proxy agent, a test double). */
export type Fetch = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

export interface TransportOptions {
  apiKey?: string;
  retry?: RetryOptions;
  /** The fetch to send with (default: the global one). */
  fetch?: Fetch;
}

const IN_PROGRESS = "https://textopt.dev/problems/idempotency-key-in-progress";
const PERMANENT_503 = "https://textopt.dev/problems/model-client-unavailable";

/**
 * A fetch that sends what every textopt call needs: the Bearer key, an `Idempotency-Key` on every POST
 * (one per logical call, the same on each of its retries, so the service does the work once however often
 * an answer is lost), and retries of what is worth retrying, honouring `Retry-After`:
 * connection errors, 429, 503 (but not `model-client-unavailable`, which only an operator fixes), and
 * 409 `idempotency-key-in-progress` (an earlier attempt of this very call is still being answered). A DELETE
 * retried after a lost answer that then finds nothing (404) succeeds (204): the lost attempt did the deleting.
 */
export function createTransport(options: TransportOptions): Fetch {
  const send = options.fetch ?? globalThis.fetch;
  const maxRetries = options.retry?.maxRetries ?? 4;
  const baseDelayMs = options.retry?.baseDelayMs ?? 500;
  const maxDelayMs = options.retry?.maxDelayMs ?? 30_000;

  return async (input, init) => {
    const request = new Request(input, init);
    if (options.apiKey && !request.headers.has("Authorization")) {
      request.headers.set("Authorization", `Bearer ${options.apiKey}`);
    }
    if (request.method === "POST" && !request.headers.has("Idempotency-Key")) {
      request.headers.set("Idempotency-Key", crypto.randomUUID());
    }
    let answerLost = false;
    for (let attempt = 0; ; attempt++) {
      const backoff = Math.min(baseDelayMs * 2 ** attempt, maxDelayMs);
      let response: Response;
      try {
        // A clone per attempt: a body can be read only once.
        response = await send(request.clone());
      } catch (error) {
        if (attempt >= maxRetries || request.signal.aborted) {
          throw new TextoptConnectionError(request.url, attempt + 1, error);
        }
        // A refused connection sent nothing; any other loss may have been after the service acted.
        answerLost ||= (error as { cause?: { code?: string } })?.cause?.code !== "ECONNREFUSED";
        await sleep(backoff, request.signal);
        continue;
      }
      if (request.method === "DELETE" && answerLost && response.status === 404) {
        // The attempt whose answer was lost deleted it: what was asked for is done.
        await response.body?.cancel();
        return new Response(null, { status: 204 });
      }
      if (attempt >= maxRetries || !(await isRetryable(response))) {
        return response;
      }
      await response.body?.cancel();
      await sleep(Math.min(retryAfterMs(response) ?? backoff, maxDelayMs), request.signal);
    }
  };
}

async function isRetryable(response: Response): Promise<boolean> {
  if (response.status !== 429 && response.status !== 503 && response.status !== 409) {
    return false;
  }
  const type = await problemType(response);
  if (response.status === 409) {
    return type === IN_PROGRESS;
  }
  return response.status === 429 || type !== PERMANENT_503;
}

async function problemType(response: Response): Promise<string | undefined> {
  try {
    const body: unknown = await response.clone().json();
    return typeof body === "object" && body !== null ? (body as { type?: string }).type : undefined;
  } catch {
    return undefined;
  }
}

/** Retry-After in seconds or as an HTTP date (RFC 9110), in milliseconds from now. */
export function retryAfterMs(response: Response): number | undefined {
  const value = response.headers.get("Retry-After")?.trim();
  if (!value) {
    return undefined;
  }
  if (/^\d+$/.test(value)) {
    return Number(value) * 1000;
  }
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
