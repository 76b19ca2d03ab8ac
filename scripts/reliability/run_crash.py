#!/usr/bin/env python3
"""kill -9, then SIGTERM, in the middle of a training run: the run finishes with exactly epochs x batches steps,
each applied once.

Starts a real textopt (lease timeout LEASE s, runs polled for take-over every second) and the fake model
(every call takes LATENCY s), starts a run of EPOCHS x BATCHES batches that teaches the prompt a rule, and
kills the JVM with SIGKILL while one of the run's steps is running (after at least one step was recorded),
so that the crash leaves a step in flight. It restarts textopt on the same data; once the restarted instance
has taken the run over and is making a step, it sends it SIGTERM: that step must finish (succeeded, not
abandoned) and the instance exit. A third instance takes the run over and finishes it. Then it checks:

  * the run succeeded with exactly EPOCHS x BATCHES steps, one per (epoch, batch), in order;
  * the history holds exactly that many succeeded steps, the session's step_count says so, and each of
    the run's steps names one of them: no step applied twice, none lost;
  * the step in flight at the kill is a failed entry (abandoned, nothing applied) and its batch was trained again;
  * the step in flight at the SIGTERM succeeded, and no other entry failed;
  * the prompt is the data of the newest succeeded entry, and it holds the rule; validation was scored
    before the first step and after each epoch.

Exits non-zero on the first broken invariant; prints one summary line.
"""
import os
import shutil
import signal
import socket
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import rel  # noqa: E402

NAME = "rel-run"
LEASE = 5
LATENCY = 0.3
EPOCHS, BATCH_SIZE, ITEMS = 3, 2, 8
BATCHES = ITEMS // BATCH_SIZE
WORDS = ["hello world", "good morning", "see you soon", "thank you", "well done", "good night", "nice work", "take care"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(port, fake_port):
    return rel.service_start(NAME, port, fake_port, "--textopt.step.lease-timeout=%ds" % LEASE,
                             "--textopt.training.run-poll-interval=1s")


def create_run(api):
    status, body, _ = api.post("/v1/optimizers", {"params": [{"data": "Repeat the text.", "role": "system prompt"}],
                                                  "defaults": {"completion_args": {"model": "gpt-4o"}}})
    if status != 201:
        rel.fail("create answered %d: %s" % (status, body))
    sid, pid = body["id"], body["param_groups"][0]["params"][0]["id"]
    item = lambda text: {"inputs": {"text": text}, "target": text.upper()}  # noqa: E731
    status, run, headers = api.post("/v1/optimizers/%s/runs" % sid, {
        "train": [item(w) for w in WORDS], "validation": [item("see you later"), item("all good")],
        "forward": {"messages": [{"role": "system", "content": [{"param": pid}]}, {"role": "user", "content": ["{text}"]}]},
        "evaluator": {"type": "exact_match"}, "epochs": EPOCHS, "batch_size": BATCH_SIZE, "shuffle_seed": 7})
    if status != 202:
        rel.fail("POST runs answered %d: %s" % (status, run))
    return sid, headers["Location"]


def signal_during_a_step(api, sid, location, java_pid, after_steps, send):
    """Sends the signal once a step of the run is running, after the run recorded more than `after_steps`;
    returns the number of steps recorded then and the running step's entry."""
    deadline = time.time() + 120
    while time.time() < deadline:
        status, run, _ = api.get(location)
        if status != 200:
            rel.fail("GET run answered %d: %s" % (status, run))
        if run["status"] not in ("queued", "running"):
            rel.fail("the run ended (%s) before a step was caught in flight" % run["status"])
        if len(run["steps"]) > after_steps:
            status, page, _ = api.get("/v1/optimizers/%s/steps?page=0&size=1" % sid)
            if status == 200 and page["items"] and page["items"][0]["status"] == "running":
                send(java_pid)
                return len(run["steps"]), page["items"][0]["step"]
        time.sleep(0.02)
    rel.fail("no step of the run was caught running within 120 s")


def finished(api, location, seconds):
    deadline = time.time() + seconds
    while time.time() < deadline:
        status, run, _ = api.get(location)
        if status == 200 and run["status"] not in ("queued", "running"):
            return run
        time.sleep(0.5)
    rel.fail("the run did not finish within %d s of the restart" % seconds)


def check(api, sid, run, in_flight, terminated):
    if run["status"] != "succeeded":
        rel.fail("the run ended %s: %s" % (run["status"], run.get("failure")))
    positions = [(s["epoch"], s["batch"]) for s in run["steps"]]
    expected = [(e, b) for e in range(EPOCHS) for b in range(BATCHES)]
    if positions != expected:
        rel.fail("the run's steps are at %s, not once at each of %s" % (positions, expected))
    entries = rel.history(api, sid)
    succeeded = [e for e in entries if e["kind"] == "step" and e["status"] == "succeeded"]
    if len(succeeded) != EPOCHS * BATCHES:
        rel.fail("%d succeeded steps in the history for a run of %d: a step was applied twice or lost"
                 % (len(succeeded), EPOCHS * BATCHES))
    if sorted(s["step"] for s in run["steps"]) != [e["step"] for e in succeeded]:
        rel.fail("the run's steps %s are not the history's succeeded steps %s"
                 % ([s["step"] for s in run["steps"]], [e["step"] for e in succeeded]))
    status, session, _ = api.get("/v1/optimizers/" + sid)
    if status != 200 or session["step_count"] != EPOCHS * BATCHES:
        rel.fail("step_count is %s after a run of %d steps" % (session.get("step_count"), EPOCHS * BATCHES))
    crashed = next((e for e in entries if e["step"] == in_flight), None)
    if crashed is None or crashed["status"] != "failed" or not any(f["reason"] == "abandoned" for f in crashed["failures"]):
        rel.fail("the step in flight at the kill (entry %d) is %s, not failed as abandoned" % (in_flight, crashed))
    finished = next((e for e in entries if e["step"] == terminated), None)
    if finished is None or finished["status"] != "succeeded":
        rel.fail("the step in flight at SIGTERM (entry %d) is %s, not succeeded" % (terminated, finished))
    failed = [e["step"] for e in entries if e["status"] != "succeeded"]
    if failed != [in_flight]:
        rel.fail("entries %s did not succeed; only the one in flight at the kill (%d) should have failed" % (failed, in_flight))
    data = session["param_groups"][0]["params"][0]["data"]
    newest = [p["data"] for p in succeeded[-1]["params"] if p["status"] == "updated"]
    if newest and data != newest[-1]:
        rel.fail("the prompt is %r but the newest succeeded entry set %r (torn)" % (data, newest[-1]))
    if "upper case" not in data.lower():
        rel.fail("the run did not teach the rule: the prompt is %r" % data)
    if [v["after_step"] for v in run["validation"]] != [0] + [run["steps"][(e + 1) * BATCHES - 1]["step"] for e in range(EPOCHS)]:
        rel.fail("validation scored after %s, not before the first step and after each epoch" % run["validation"])
    return len(entries) - len(succeeded)


def main():
    rel.exit_on_sigterm()
    started = time.time()
    port, fake_port = free_port(), free_port()
    shutil.rmtree(rel.service_dir(NAME), ignore_errors=True)
    fake = rel.start_fake(fake_port, LATENCY, LATENCY)
    rel.control_fake(fake_port, optimizer="upper")
    try:
        java_pid = start(port, fake_port)
        api = rel.Api(port)
        sid, location = create_run(api)
        recorded, in_flight = signal_during_a_step(api, sid, location, java_pid, 0, rel.kill9)
        killed_at = time.time()
        if not rel.wait_exit(java_pid, 10):
            rel.fail("the JVM %d survived SIGKILL" % java_pid)
        print("run-crash: killed pid %d while step %d ran, %d of the run's %d steps recorded"
              % (java_pid, in_flight, recorded, EPOCHS * BATCHES), flush=True)

        java_pid = start(port, fake_port)
        recorded, terminated = signal_during_a_step(api, sid, location, java_pid, recorded,
                                                    lambda pid: os.kill(pid, signal.SIGTERM))
        if not rel.wait_exit(java_pid, 60):
            rel.fail("textopt did not exit within 60 s of SIGTERM")
        print("run-crash: the restarted instance took the run over; SIGTERM while step %d ran, %d steps recorded; it exited"
              % (terminated, recorded), flush=True)

        start(port, fake_port)
        run = finished(api, location, 150)
        other = check(api, sid, run, in_flight, terminated)
        print("run-crash: taken over twice and finished %.0fs after the kill: %d steps, one per batch, each applied once; "
              "%d other entry (the step in flight at the kill); the step in flight at SIGTERM finished; the prompt holds "
              "the rule (%.0fs)" % (time.time() - killed_at, len(run["steps"]), other, time.time() - started), flush=True)
    finally:
        rel.service_stop(NAME)
        rel.stop_process(fake)


if __name__ == "__main__":
    main()
