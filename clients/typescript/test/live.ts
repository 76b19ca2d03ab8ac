// What the tests run against: a live textopt at TEXTOPT_URL (with TEXTOPT_API_KEY when keys are on)
// whose model client is scripts/fake_model.py at TEXTOPT_FAKE_MODEL_URL, as scripts/ci-api-checks.sh
// starts them.
import { Textopt, type CreateRequest } from "../src/index.js";

export const textoptUrl = process.env.TEXTOPT_URL ?? "http://localhost:8080";
export const fakeModelUrl = process.env.TEXTOPT_FAKE_MODEL_URL ?? "http://127.0.0.1:18181";

/** Tells the fake model how to answer (its control API: fail_next, fast, ...). */
export async function fakeModel(control: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${fakeModelUrl}/control`, { method: "POST", body: JSON.stringify(control) });
  if (!response.ok) {
    throw new Error(`fake model control ${JSON.stringify(control)}: ${response.status} ${await response.text()}`);
  }
}

/** A client with fast retries, so that a test of retries does not wait long. */
export function client(options: ConstructorParameters<typeof Textopt>[0] = {}): Textopt {
  return new Textopt({ baseUrl: textoptUrl, retry: { baseDelayMs: 20 }, ...options });
}

export function oneParam(data = "Classify the sentiment.", momentum = 2): CreateRequest {
  return {
    params: [{ data, role: "system prompt for sentiment classification", requires_grad: true }],
    defaults: { momentum, constraints: ["Answer in one word."], completion_args: { model: "gpt-4o" } },
  };
}
