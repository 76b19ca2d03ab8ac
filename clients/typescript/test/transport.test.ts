import assert from "node:assert/strict";
import { createServer } from "node:net";
import { after, before, describe, test } from "node:test";
import { Textopt, TextoptConnectionError, TextoptError } from "../src/index.js";
import { client, oneParam, textoptUrl } from "./live.js";
import { startProxy, type Plan, type Proxy } from "./proxy.js";

const direct = client();
const problems = "https://textopt.dev/problems/";
let sessionId: string;
let paramId: string;
const proxies: Proxy[] = [];

async function through(plan: (index: number) => Plan, retry = {}): Promise<{ textopt: Textopt; proxy: Proxy }> {
  const proxy = await startProxy(textoptUrl, plan);
  proxies.push(proxy);
  return { textopt: client({ baseUrl: proxy.url, retry: { baseDelayMs: 20, ...retry } }), proxy };
}

const refuse = (status: number, slug: string, headers: Record<string, string> = {}): Plan =>
  ({ status, headers, problem: { type: problems + slug, title: slug, detail: `the proxy said ${slug}` } });

before(async () => {
  const session = await direct.createSession(oneParam());
  sessionId = session.id;
  paramId = session.param_groups[0]!.params[0]!.id;
});

after(async () => {
  await Promise.all(proxies.map((p) => p.close()));
  await direct.deleteSession(sessionId);
});

describe("idempotency keys", () => {
  test("a POST whose answer was lost is retried with the same Idempotency-Key and applied once", async () => {
    await direct.clearGrad(sessionId);
    const { textopt, proxy } = await through((i) => (i === 0 ? "lose-answer" : "forward"));
    const param = await textopt.appendGrad(sessionId, paramId, { data: "Only once.", role: "feedback" });

    assert.equal(proxy.seen.length, 2);
    const [first, retry] = proxy.seen.map((s) => s.headers["idempotency-key"]);
    assert.ok(first);
    assert.equal(retry, first);
    assert.deepEqual(param.grad.map((g) => g.data), ["Only once."]);
    assert.deepEqual((await direct.getParam(sessionId, paramId)).grad.map((g) => g.data), ["Only once."]);
  });

  test("every POST gets a key of its own, other methods none, and every call the Bearer key", async () => {
    const { textopt, proxy } = await through(() => "forward");
    await textopt.appendGrad(sessionId, paramId, { data: "a", role: "feedback" });
    await textopt.clearGrad(sessionId);
    await textopt.getSession(sessionId);

    const keys = proxy.seen.map((s) => s.headers["idempotency-key"]);
    assert.equal(keys.length, 3);
    assert.ok(keys[0] && keys[1] && keys[0] !== keys[1], JSON.stringify(keys));
    assert.equal(keys[2], undefined);
    if (process.env.TEXTOPT_API_KEY) {
      assert.ok(proxy.seen.every((s) => s.headers.authorization === `Bearer ${process.env.TEXTOPT_API_KEY}`));
    }
  });

  test("a key of the caller's own is sent as given, so a repeated call is answered from the first", async () => {
    await direct.clearGrad(sessionId);
    const idempotencyKey = crypto.randomUUID();
    await direct.appendGrad(sessionId, paramId, { data: "once", role: "feedback" }, { idempotencyKey });
    const again = await direct.appendGrad(sessionId, paramId, { data: "once", role: "feedback" }, { idempotencyKey });
    assert.deepEqual(again.grad.map((g) => g.data), ["once"]);
  });
});

describe("retries", () => {
  test("a 503 is retried after the seconds its Retry-After asks", async () => {
    const { textopt, proxy } = await through((i) => (i === 0 ? refuse(503, "database-unavailable", { "Retry-After": "1" }) : "forward"));
    assert.equal((await textopt.getSession(sessionId)).id, sessionId);
    assert.equal(proxy.seen.length, 2);
    assert.ok(proxy.seen[1]!.at - proxy.seen[0]!.at >= 900, "retried before Retry-After");
  });

  test("a 429 is retried at the HTTP date its Retry-After names", async () => {
    const at = new Date(Date.now() + 2000).toUTCString();
    const { textopt, proxy } = await through((i) => (i === 0 ? refuse(429, "too-many-steps", { "Retry-After": at }) : "forward"));
    await textopt.getSession(sessionId);
    assert.equal(proxy.seen.length, 2);
    assert.ok(proxy.seen[1]!.at - proxy.seen[0]!.at >= 900, "retried before Retry-After");
  });

  test("409 idempotency-key-in-progress is retried with the same key", async () => {
    const { textopt, proxy } = await through((i) => (i === 0 ? refuse(409, "idempotency-key-in-progress") : "forward"));
    await textopt.clearGrad(sessionId);
    assert.equal(proxy.seen.length, 2);
    assert.equal(proxy.seen[1]!.headers["idempotency-key"], proxy.seen[0]!.headers["idempotency-key"]);
  });

  for (const [status, slug] of [[409, "step-running"], [503, "model-client-unavailable"], [400, "invalid-request"]] as const) {
    test(`${status} ${slug} is not retried: one attempt, its problem thrown`, async () => {
      const { textopt, proxy } = await through(() => refuse(status, slug));
      const error = await textopt.step(sessionId).then(() => undefined, (e: unknown) => e);
      assert.ok(error instanceof TextoptError);
      assert.equal(error.type, problems + slug);
      assert.equal(error.problem.detail, `the proxy said ${slug}`);
      assert.equal(proxy.seen.length, 1);
    });
  }

  test("a DELETE whose answer was lost succeeds though its retry finds nothing", async () => {
    const doomed = await direct.createSession(oneParam());
    const { textopt, proxy } = await through((i) => (i === 0 ? "lose-answer" : "forward"));
    await textopt.deleteSession(doomed.id);
    assert.deepEqual(proxy.seen.map((s) => s.method), ["DELETE", "DELETE"]);
    const gone = await direct.getSession(doomed.id).then(() => undefined, (e: unknown) => e);
    assert.ok(gone instanceof TextoptError && gone.status === 404, String(gone));
  });

  test("a DELETE of what is not there is still a 404", async () => {
    const doomed = await direct.createSession(oneParam());
    await direct.deleteSession(doomed.id);
    const error = await direct.deleteSession(doomed.id).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof TextoptError && error.status === 404, String(error));
  });

  test("after maxRetries a 503 is thrown as it was answered", async () => {
    const { textopt, proxy } = await through(() => refuse(503, "database-unavailable"), { maxRetries: 2 });
    const error = await textopt.getSession(sessionId).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof TextoptError);
    assert.equal(error.status, 503);
    assert.equal(proxy.seen.length, 3);
  });

  test("a service that cannot be reached is a TextoptConnectionError after the retries", async () => {
    const port = await freePort();
    const textopt = client({ baseUrl: `http://127.0.0.1:${port}`, retry: { maxRetries: 2, baseDelayMs: 10 } });
    const error = await textopt.getSession(sessionId).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof TextoptConnectionError, String(error));
    assert.match(error.message, /after 3 attempt\(s\)/);
    assert.ok(error.cause);
  });
});

/** A port nothing listens on: one the system gave out and took back. */
function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}
