import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { StepFailedError, Textopt, TextoptError, type Progress, type Session } from "../src/index.js";
import { client, fakeModel, oneParam, textoptUrl } from "./live.js";

const textopt = client();
const created: string[] = [];

async function session(request = oneParam()): Promise<{ session: Session; paramId: string }> {
  const session = await textopt.createSession(request);
  created.push(session.id);
  return { session, paramId: session.param_groups[0]!.params[0]!.id };
}

before(async () => {
  const health = await fetch(`${textoptUrl}/actuator/health`).catch((e: unknown) => e);
  assert.ok(health instanceof Response && health.ok, `no textopt answers at ${textoptUrl}: ${String(health)}`);
});

after(async () => {
  await Promise.all(created.map((id) => textopt.deleteSession(id).catch(() => undefined)));
});

describe("sessions", () => {
  test("a created session has the given defaults and is listed and read back", async () => {
    const { session: s } = await session();
    assert.equal(s.defaults.momentum, 2);
    assert.deepEqual(s.defaults.constraints, ["Answer in one word."]);
    assert.deepEqual(s.defaults.completion_args, { model: "gpt-4o" });
    assert.equal((await textopt.getSession(s.id)).version, s.version);
    const page = await textopt.listSessions({ size: 200 });
    assert.ok(page.items.some((item) => item.id === s.id));
  });

  test("a deleted session is gone: reading it is a 404 not-found", async () => {
    const { session: s } = await session();
    await textopt.deleteSession(s.id);
    const error = await textopt.getSession(s.id).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof TextoptError);
    assert.equal(error.status, 404);
    assert.equal(error.type, "https://textopt.dev/problems/not-found");
  });

  test("bad input is a TextoptError carrying the problem detail and its field errors", async () => {
    const error = await textopt.createSession({ ...oneParam(), defaults: { momentum: -1 } }).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof TextoptError);
    assert.equal(error.status, 400);
    assert.equal(error.type, "https://textopt.dev/problems/invalid-request");
    assert.ok(error.problem.errors?.some((e) => e.field === "defaults.momentum"), JSON.stringify(error.problem));
    assert.match(error.message, /^400 /);
  });

  test("a wrong API key is refused with 401 unauthorized", { skip: !process.env.TEXTOPT_API_KEY && "keys are off" }, async () => {
    const stranger = new Textopt({ baseUrl: textoptUrl, apiKey: "not-a-key" });
    const error = await stranger.listSessions().then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof TextoptError);
    assert.equal(error.status, 401);
    assert.equal(error.type, "https://textopt.dev/problems/unauthorized");
  });
});

describe("gradients and steps", () => {
  test("appended gradients are kept in order; a step rewrites the parameter and keeps its grad", async () => {
    const { session: s, paramId } = await session();
    await textopt.appendGrad(s.id, paramId, { data: "Ask for exactly one word.", role: "feedback" });
    const param = await textopt.appendGrad(s.id, paramId, [{ data: "Mention sarcasm.", role: "feedback" }]);
    assert.deepEqual(param.grad.map((g) => g.data), ["Ask for exactly one word.", "Mention sarcasm."]);

    const result = await textopt.step(s.id);
    assert.equal(result.loss, null);
    assert.equal(result.params[0]!.status, "updated");
    assert.equal(result.params[0]!.previous_data, "Classify the sentiment.");
    const after = await textopt.getParam(s.id, paramId);
    assert.equal(after.data, result.params[0]!.data);
    assert.notEqual(after.data, "Classify the sentiment.");
    assert.equal(after.grad.length, 2, "a step never clears grad");
    assert.equal((await textopt.getSession(s.id)).step_count, 1);
  });

  test("clear_grad empties every grad", async () => {
    const { session: s, paramId } = await session();
    await textopt.appendGrad(s.id, paramId, { data: "x", role: "feedback" });
    const cleared = await textopt.clearGrad(s.id);
    assert.deepEqual(cleared.param_groups.flatMap((g) => g.params.map((p) => p.grad.length)), [0]);
  });

  test("a failed synchronous step is a 502 step-failed naming the parameter, and changes nothing", async () => {
    const { session: s, paramId } = await session();
    await textopt.appendGrad(s.id, paramId, { data: "Be shorter.", role: "feedback" });
    await fakeModel({ fail_next: 1, fail_status: 400 });
    const error = await textopt.step(s.id).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof TextoptError, String(error));
    assert.equal(error.status, 502);
    assert.equal(error.type, "https://textopt.dev/problems/step-failed");
    assert.equal(error.problem.failures?.[0]?.param_id, paramId);
    assert.equal((await textopt.getParam(s.id, paramId)).data, "Classify the sentiment.");
  });
});

describe("asynchronous steps", () => {
  test("startStep answers while the step runs; wait() reports progress and resolves with the entry", async () => {
    const { session: s, paramId } = await session();
    // The fake model holds a call whose prompt says SLEEP= until it is told to be fast.
    await textopt.appendGrad(s.id, paramId, { data: "Ask for one word. SLEEP=50", role: "feedback" });
    try {
      const running = await textopt.startStep(s.id);
      assert.equal(running.location, `/v1/optimizers/${s.id}/steps/${running.step}`);
      assert.equal((await running.poll()).status, "running");

      const second = await textopt.step(s.id).then(() => undefined, (e: unknown) => e);
      assert.ok(second instanceof TextoptError);
      assert.equal(second.type, "https://textopt.dev/problems/step-running");

      const seen: Progress[] = [];
      const entry = await running.wait({
        intervalMs: 50,
        onProgress: (progress) => {
          seen.push(progress);
          if (seen.length === 1) {
            void fakeModel({ fast: true });
          }
        },
      });
      assert.deepEqual(seen[0], { done: 0, total: 1 });
      assert.equal(entry.status, "succeeded");
      assert.equal(entry.kind, "step");
      assert.equal(entry.params[0]!.status, "updated");
      assert.equal((await textopt.getParam(s.id, paramId)).data, entry.params[0]!.data);
    } finally {
      await fakeModel({ fast: false });
    }
  });

  test("wait() on a step that failed throws a StepFailedError with its history entry", async () => {
    const { session: s, paramId } = await session();
    await textopt.appendGrad(s.id, paramId, { data: "Be shorter.", role: "feedback" });
    await fakeModel({ fail_next: 1, fail_status: 400 });
    const running = await textopt.startStep(s.id);
    const error = await running.wait({ intervalMs: 50 }).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof StepFailedError, String(error));
    assert.ok(error instanceof TextoptError);
    assert.equal(error.status, 502);
    assert.equal(error.problem.step, running.step);
    assert.equal(error.entry.failures[0]!.param_id, paramId);
    assert.equal(error.entry.failures[0]!.reason, "provider_error");
  });
});

describe("state dict and history", () => {
  test("a state dict loads into a session of the same shape and exports the same again", async () => {
    const { session: s, paramId } = await session();
    await textopt.appendGrad(s.id, paramId, { data: "Ask for exactly one word.", role: "feedback" });
    await textopt.step(s.id);
    const state = await textopt.stateDict(s.id);
    assert.equal(state.state["0"]!.momentum_buffer.length, 1);

    const { session: other } = await session(oneParam("Something else.", 0));
    const loaded = await textopt.loadStateDict(other.id, state, { model_client: "openai" });
    assert.equal(loaded.param_groups[0]!.momentum, 2);
    const exported = await textopt.stateDict(other.id);
    assert.deepEqual(exported.state, state.state);
  });

  test("a state dict of another shape is refused with a 400 that says so", async () => {
    const { session: s } = await session();
    const state = await textopt.stateDict(s.id);
    const { session: other } = await session({ params: [{ params: [{ data: "a" }, { data: "b" }] }] });
    const error = await textopt.loadStateDict(other.id, state, { model_client: "openai" }).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof TextoptError);
    assert.equal(error.status, 400);
    assert.ok(error.problem.detail);
  });

  test("the history lists steps newest first, entry 0 is the creation, and restore goes back to it", async () => {
    const { session: s, paramId } = await session();
    await textopt.appendGrad(s.id, paramId, { data: "Ask for exactly one word.", role: "feedback" });
    const result = await textopt.step(s.id);
    const history = await textopt.history(s.id);
    assert.deepEqual(history.items.map((e) => [e.step, e.kind, e.status]), [[result.step, "step", "succeeded"]]);
    assert.equal((await textopt.historyEntry(s.id, 0)).kind, "create");

    const restored = await textopt.restore(s.id, 0);
    assert.equal(restored.param_groups[0]!.params[0]!.data, "Classify the sentiment.");
    assert.equal((await textopt.history(s.id)).items[0]!.kind, "restore");
  });
});
