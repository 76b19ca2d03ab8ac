#!/usr/bin/env python3
"""kill -9 crash consistency of a real textopt process.

Creates SESSIONS sessions (2 parameters each, momentum 2, one step done), then fires one step per
session (half synchronous, half Prefer: respond-async; every fourth one waits on a model that will not
answer before the kill) and APPENDS gradient appends spread over a few seconds, and kills the JVM
with SIGKILL once part of the appends has been acknowledged, so that steps and appends are in flight. It restarts textopt on the same data (the
embedded PostgreSQL the dead JVM left running is found and stopped by textopt itself) and checks,
session by session, through the API:

  * every gradient append that was answered 2xx is there;
  * step_count == the number of succeeded step entries;
  * each parameter's data == the data of the newest succeeded entry that updated it (or its initial value);
  * each momentum buffer holds min(momentum, succeeded steps that updated it) entries;
  * the session's token usage == the sum of its history entries' usage (succeeded and failed);
  * every step answered 200 before the kill is a succeeded entry with that data;
  * after the lease timeout a new step succeeds, and no entry is left 'running'.

Exits non-zero on the first broken invariant; prints one summary line.
"""
import concurrent.futures
import os
import random
import shutil
import socket
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
import rel  # noqa: E402

SESSIONS = int(os.environ.get("CRASH_SESSIONS", "20"))
APPENDS = int(os.environ.get("CRASH_APPENDS", "200"))
# SIGKILL once this share of the appends has been acknowledged (the rest are in flight or unsent) ...
KILL_AT_ACKED = float(os.environ.get("CRASH_KILL_AT_ACKED", "0.4"))
# ... or after this many seconds, whichever comes first; appends are spread over SPREAD seconds.
KILL_DEADLINE = 20.0
SPREAD = 6.0
# Every SLOW_EVERY-th session's step waits for a model that does not answer before the kill.
SLOW_EVERY = 4
LEASE = 5
MOMENTUM = 2
NAME = "rel-crash"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def create_sessions(api):
    sessions = []
    for i in range(SESSIONS):
        status, body, _ = api.post("/v1/optimizers", {
            "params": [{"data": "s%d-p0 initial" % i, "role": "prompt A", "requires_grad": True},
                       {"data": "s%d-p1 initial" % i, "role": "prompt B", "requires_grad": True}],
            "defaults": {"momentum": MOMENTUM, "completion_args": {"model": "gpt-4o"}}})
        if status != 201:
            rel.fail("create answered %d: %s" % (status, body))
        params = [p["id"] for p in body["param_groups"][0]["params"]]
        initial = {p["id"]: p["data"] for p in body["param_groups"][0]["params"]}
        for pid in params:
            status, body2, _ = api.post("/v1/optimizers/%s/params/%s/grad" % (body["id"], pid),
                                        {"data": "first feedback", "role": "feedback"})
            if status != 200:
                rel.fail("first grad answered %d: %s" % (status, body2))
        sessions.append({"id": body["id"], "params": params, "initial": initial})
    return sessions


def chaos(api, sessions, java_pid):
    """Steps and appends at once; SIGKILL the JVM mid-flight. Returns what was acknowledged."""
    acked_appends, acked_steps, accepted_async = [], [], []
    lock = threading.Lock()
    t0 = time.time()

    def append(n):
        s = random.choice(sessions)
        pid = random.choice(s["params"])
        time.sleep(random.uniform(0, SPREAD))
        text = "append-%d" % n
        try:
            status, _, _ = api.post("/v1/optimizers/%s/params/%s/grad" % (s["id"], pid),
                                    {"data": text, "role": "feedback"}, timeout=15)
        except OSError:
            return
        if 200 <= status < 300:
            with lock:
                acked_appends.append((s["id"], pid, text))

    def step(i):
        s = sessions[i]
        time.sleep(random.uniform(0, 0.2))
        asynchronous = i % 2 == 1
        headers = {"Prefer": "respond-async"} if asynchronous else {}
        try:
            status, body, _ = api.post("/v1/optimizers/%s/step" % s["id"], headers=headers, timeout=15)
        except OSError:
            return
        with lock:
            if status == 200:
                acked_steps.append((s["id"], body))
            elif status == 202:
                accepted_async.append((s["id"], body["step"]))

    # one thread per request, so that every request starts on its own schedule
    with concurrent.futures.ThreadPoolExecutor(max_workers=len(sessions) + APPENDS) as pool:
        futures = [pool.submit(step, i) for i in range(len(sessions))]
        futures += [pool.submit(append, n) for n in range(APPENDS)]
        while len(acked_appends) < KILL_AT_ACKED * APPENDS and time.time() - t0 < KILL_DEADLINE:
            time.sleep(0.05)
        rel.kill9(java_pid)
        killed_at = time.time()
        concurrent.futures.wait(futures, timeout=30)
    return acked_appends, acked_steps, accepted_async, killed_at


def check(api, sessions, acked_appends, acked_steps, allow_running):
    """Every invariant, session by session. Returns the number of sessions checked, or fails."""
    appends_by_session = {}
    for sid, pid, text in acked_appends:
        appends_by_session.setdefault(sid, []).append((pid, text))
    steps_by_session = {}
    for sid, body in acked_steps:
        steps_by_session.setdefault(sid, []).append(body)
    for s in sessions:
        sid = s["id"]
        status, session, _ = api.get("/v1/optimizers/" + sid)
        if status != 200:
            rel.fail("GET session %s answered %d" % (sid, status))
        entries = rel.history(api, sid)
        status, state, _ = api.get("/v1/optimizers/%s/state-dict" % sid)
        if status != 200:
            rel.fail("state-dict of %s answered %d" % (sid, status))
        params = {p["id"]: p for g in session["param_groups"] for p in g["params"]}
        order = [p["id"] for g in session["param_groups"] for p in g["params"]]

        running = [e["step"] for e in entries if e["status"] == "running"]
        if running and not allow_running:
            rel.fail("session %s: entries %s are still running after the lease timeout" % (sid, running))
        succeeded = [e for e in entries if e["kind"] == "step" and e["status"] == "succeeded"]
        if session["step_count"] != len(succeeded):
            rel.fail("session %s: step_count %d but %d succeeded steps in its history (torn)"
                     % (sid, session["step_count"], len(succeeded)))
        for pid in order:
            expected, updates = s["initial"][pid], 0
            for e in succeeded:
                for p in e["params"]:
                    if p["id"] == pid and p["status"] == "updated":
                        expected, updates = p["data"], updates + 1
            if params[pid]["data"] != expected:
                rel.fail("session %s param %s: data %r but the newest succeeded entry says %r (torn)"
                         % (sid, pid, params[pid]["data"], expected))
            index = str(order.index(pid))
            buffer = (state.get("state", {}).get(index) or {}).get("momentum_buffer", [])
            if len(buffer) != min(MOMENTUM, updates):
                rel.fail("session %s param %s: momentum buffer of %d entries after %d updates (torn)"
                         % (sid, pid, len(buffer), updates))
        history_tokens = [0, 0]
        for e in entries:
            p, c = rel.tokens(e["usage"])
            history_tokens[0] += p
            history_tokens[1] += c
        if list(rel.tokens(session["usage"])) != history_tokens:
            rel.fail("session %s: usage %s but its history adds up to %s (torn)"
                     % (sid, rel.tokens(session["usage"]), history_tokens))
        for pid, text in appends_by_session.get(sid, []):
            if not any(g["data"] == text for g in params[pid]["grad"]):
                rel.fail("session %s param %s: acknowledged gradient %r is lost" % (sid, pid, text))
        by_number = {e["step"]: e for e in entries}
        for body in steps_by_session.get(sid, []):
            entry = by_number.get(body["step"])
            if entry is None or entry["status"] != "succeeded":
                rel.fail("session %s: step %d was answered 200 but its entry is %s"
                         % (sid, body["step"], entry and entry["status"]))
            for p in body["params"]:
                if p["status"] == "updated" and not any(q["id"] == p["id"] and q["data"] == p["data"] for q in entry["params"]):
                    rel.fail("session %s: step %d answered data its entry does not hold" % (sid, body["step"]))
    return len(sessions)


def main():
    rel.exit_on_sigterm()
    started = time.time()
    random.seed(os.environ.get("CRASH_SEED", "textopt"))
    port, fake_port = free_port(), free_port()
    shutil.rmtree(rel.service_dir(NAME), ignore_errors=True)
    fake = rel.start_fake(fake_port, 0.1, 2.5)
    try:
        lease = "--textopt.step.lease-timeout=%ds" % LEASE
        # 20 concurrent steps of one tenant: above the default per-tenant bound of 16 in flight
        in_flight = "--textopt.limits.max-steps-in-flight-per-tenant=%d" % (SESSIONS * 2)
        java_pid = rel.service_start(NAME, port, fake_port, lease, in_flight)
        api = rel.Api(port)
        sessions = create_sessions(api)
        # one step each, so that momentum buffers are not empty when the crash comes
        with concurrent.futures.ThreadPoolExecutor(max_workers=SESSIONS) as pool:
            for status, body, _ in pool.map(lambda s: api.post("/v1/optimizers/%s/step" % s["id"], timeout=30), sessions):
                if status != 200:
                    rel.fail("warm-up step answered %d: %s" % (status, body))
        for i, s in enumerate(sessions):
            if i % SLOW_EVERY == 0:
                for pid in s["params"]:
                    api.post("/v1/optimizers/%s/params/%s/grad" % (s["id"], pid), {"data": "SLEEP=50 hold", "role": "feedback"})
        print("crash-consistency: %d sessions ready after %.1fs; firing %d steps and %d appends, SIGKILL when %d%% "
              "of the appends are acknowledged" % (SESSIONS, time.time() - started, SESSIONS, APPENDS, KILL_AT_ACKED * 100),
              flush=True)

        acked_appends, acked_steps, accepted_async, killed_at = chaos(api, sessions, java_pid)
        answered = len(acked_steps) + len(accepted_async)
        if not rel.wait_exit(java_pid, 10):
            rel.fail("the JVM %d survived SIGKILL" % java_pid)
        left = rel.postmaster_pid(os.path.join(rel.service_dir(NAME), "data"))
        print("crash-consistency: killed pid %d; %d/%d appends and %d sync + %d async steps acknowledged; "
              "embedded PostgreSQL left running: %s" % (java_pid, len(acked_appends), APPENDS, len(acked_steps),
                                                          len(accepted_async), left or "no"), flush=True)

        rel.control_fake(fake_port, fast=True)  # the SLEEP=50 steps are over: let the restarted JVM's steps run
        java_pid = rel.service_start(NAME, port, fake_port, lease)
        if left and rel.alive(left):
            rel.fail("the PostgreSQL %d the dead JVM left running is still running after the restart" % left)
        print("crash-consistency: restarted on the same data in %.1fs; the orphaned PostgreSQL was stopped"
              % (time.time() - killed_at), flush=True)
        check(api, sessions, acked_appends, acked_steps, allow_running=True)

        # Steps the dead JVM left running hold their session only until the lease runs out.
        time.sleep(max(0.0, killed_at + LEASE + 0.5 - time.time()))
        for s in sessions:
            status, body, _ = api.post("/v1/optimizers/%s/step" % s["id"], timeout=30)
            if status != 200:
                rel.fail("session %s: a step after the lease timeout answered %d: %s" % (s["id"], status, body))
            acked_steps.append((s["id"], body))
        checked = check(api, sessions, acked_appends, acked_steps, allow_running=False)
        abandoned = sum(1 for s in sessions for e in rel.history(api, s["id"])
                        if any(f["reason"] == "abandoned" for f in e["failures"]))
        if abandoned == 0:
            rel.fail("no step was in flight at the kill, so the check proved nothing about torn steps")
        print("crash-consistency: %d steps (%d answered before the kill, %d in flight and marked failed), %d appends "
              "(%d acknowledged, all present), %d sessions checked, 0 torn (%.0fs)"
              % (SESSIONS, answered, abandoned, APPENDS, len(acked_appends),
                 checked, time.time() - started), flush=True)
    finally:
        rel.service_stop(NAME)
        rel.stop_process(fake)
        left = rel.postmaster_pid(os.path.join(rel.service_dir(NAME), "data"))
        if left:
            print("WARN: embedded PostgreSQL %d still running after stop" % left, file=sys.stderr)


if __name__ == "__main__":
    main()
