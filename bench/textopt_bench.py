#!/usr/bin/env python3
"""Benchmark driver for textopt (Python stdlib only, loopback only).

Subcommands (each prints a JSON line of figures and appends it to --out):
  fanout     step time / L for N parameters with one gradient each
  overhead   step time minus the slowest model call, p50/p99, at N parameters
  growth     state-dict size and step time after 1, 100, 1000 steps
  forward-backward  forward of a batch of B inputs and backward of its B traces, each time / L
  setup-sessions  create sessions for the write / read benchmarks, print ids
  create-many     create many sessions concurrently (footprint)
  many-sessions   S sessions of P parameters stepped at the same moment: wave time / L, calls in flight
Every loop is bounded by a count and a deadline.
"""
import argparse
import http.client
import json
import statistics
import sys
import threading
import time

HOST = "127.0.0.1"


class Client:
    def __init__(self, port, timeout=60):
        self.port = port
        self.timeout = timeout
        self.conn = None

    def request(self, method, path, body=None):
        for attempt in range(2):
            if self.conn is None:
                self.conn = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout)
            try:
                data = None if body is None else json.dumps(body).encode()
                headers = {"Content-Type": "application/json"} if data is not None else {}
                self.conn.request(method, path, body=data, headers=headers)
                resp = self.conn.getresponse()
                raw = resp.read()
                return resp.status, raw
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = None
                if attempt == 1:
                    raise

    def json(self, method, path, body=None, expect=(200, 201)):
        status, raw = self.request(method, path, body)
        if status not in expect:
            raise RuntimeError("%s %s -> %d %s" % (method, path, status, raw[:500]))
        return json.loads(raw) if raw else None


def pct(values, p):
    if not values:
        return float("nan")
    s = sorted(values)
    k = max(0, min(len(s) - 1, int(round(p / 100.0 * len(s) + 0.5)) - 1))
    return s[k]


def create_session(c, n_params, grads_per_param=1, momentum=0, text="x"):
    params = [{"data": "Classify the sentiment of the review. Variant %d." % i,
               "role": "system prompt %d" % i, "requires_grad": True} for i in range(n_params)]
    s = c.json("POST", "/v1/optimizers", {
        "params": params,
        "defaults": {"momentum": momentum, "completion_args": {"model": "gpt-4o-mini"}}})
    sid = s["id"]
    pids = [p["id"] for g in s["param_groups"] for p in g["params"]]
    for pid in pids:
        if grads_per_param:
            c.json("POST", "/v1/optimizers/%s/params/%s/grad" % (sid, pid),
                   [{"data": "Ask for exactly one word: positive, negative or neutral.", "role": "feedback"}] * grads_per_param)
    return sid, pids


def fake_stats(fake_port):
    c = Client(fake_port)
    return c.json("GET", "/stats")


def fake_reset(fake_port):
    Client(fake_port).json("POST", "/stats/reset", {})


def timed_step(c, sid):
    t0 = time.perf_counter()
    r = c.json("POST", "/v1/optimizers/%s/step" % sid, None)
    wall = (time.perf_counter() - t0) * 1000
    return wall, r


def warm_up(c, seconds, n=32, momentum=0):
    """Steps a session of n parameters for a while first: the figures are of a warmed-up service (the
    JIT compiles the hot paths in the first minute), as a long-running service is, not of its first steps."""
    if seconds <= 0:
        return 0
    sid, _ = create_session(c, n, momentum=momentum)
    deadline, steps = time.time() + seconds, 0
    while time.time() < deadline:
        timed_step(c, sid)
        steps += 1
    return steps


def emit(out, record):
    line = json.dumps(record)
    print(line, flush=True)
    if out:
        with open(out, "a") as f:
            f.write(line + "\n")


def cmd_fanout(a):
    c = Client(a.port)
    warm_up(c, a.warmup_seconds)
    for n in a.n:
        sid, _ = create_session(c, n)
        timed_step(c, sid)  # warm-up (connections, JIT)
        walls, servers = [], []
        deadline = time.time() + a.max_seconds
        for _ in range(a.steps):
            if time.time() > deadline:
                break
            wall, r = timed_step(c, sid)
            assert all(p["status"] == "updated" for p in r["params"]), r
            walls.append(wall)
            servers.append(r["duration_ms"])
        med = statistics.median(walls)
        emit(a.out, {"bench": "fanout", "run": a.run, "n": n, "latency_ms": a.latency_ms, "steps": len(walls),
                     "step_ms_median": round(med, 1), "server_duration_ms_median": statistics.median(servers),
                     "ratio": round(med / a.latency_ms, 3), "max_concurrency": a.max_concurrency})


def forward_backward(c, sid, pid, batch, round_no):
    """One forward of `batch` inputs, then one backward of its traces (scored in the request, so no judge
    call comes between): the wall time of each, in ms. The grads are cleared after, so rounds never fill a
    parameter's grad (textopt.limits.max-grads-per-param)."""
    messages = [{"role": "system", "content": [{"param": pid}]}, {"role": "user", "content": ["{text}"]}]
    inputs = [{"text": "review %d of round %d: the food was cold" % (i, round_no)} for i in range(batch)]
    t0 = time.perf_counter()
    forward = c.json("POST", "/v1/optimizers/%s/forward" % sid, {"messages": messages, "inputs": inputs})
    t1 = time.perf_counter()
    traces = [{"trace_id": t["id"], "score": 0, "explanation": "expected the label in capital letters"}
              for t in forward["traces"]]
    backward = c.json("POST", "/v1/optimizers/%s/backward" % sid, {"traces": traces})
    t2 = time.perf_counter()
    assert len(forward["traces"]) == batch and len(backward["gradients"]) == batch, (forward, backward)
    c.json("POST", "/v1/optimizers/%s/clear-grad" % sid, None)
    return (t1 - t0) * 1000, (t2 - t1) * 1000


def cmd_forward_backward(a):
    c = Client(a.port)
    sid, pids = create_session(c, 1, grads_per_param=0)
    deadline, warm = time.time() + a.warmup_seconds, 0
    while time.time() < deadline:  # the same requests, so that what is measured is their warmed-up path
        forward_backward(c, sid, pids[0], a.batch, warm)
        warm += 1
    forward_backward(c, sid, pids[0], a.batch, warm)  # at least one, for connections
    forwards, backwards = [], []
    deadline = time.time() + a.max_seconds
    for r in range(a.rounds):
        if time.time() > deadline:
            break
        f, b = forward_backward(c, sid, pids[0], a.batch, warm + 1 + r)
        forwards.append(f)
        backwards.append(b)
    emit(a.out, {"bench": "forward-backward", "run": a.run, "batch": a.batch, "latency_ms": a.latency_ms,
                 "rounds": len(forwards), "warmup_rounds": warm,
                 "forward_ms_median": round(statistics.median(forwards), 1),
                 "backward_ms_median": round(statistics.median(backwards), 1),
                 "forward_ratio": round(statistics.median(forwards) / a.latency_ms, 3),
                 "backward_ratio": round(statistics.median(backwards) / a.latency_ms, 3)})


def cmd_overhead(a):
    c = Client(a.port)
    warm_up(c, a.warmup_seconds, a.n)
    sid, _ = create_session(c, a.n)
    for _ in range(3):
        timed_step(c, sid)  # warm-up
    overheads, server_overheads, walls = [], [], []
    deadline = time.time() + a.max_seconds
    for _ in range(a.steps):
        if time.time() > deadline:
            break
        fake_reset(a.fake_port)
        wall, r = timed_step(c, sid)
        calls = fake_stats(a.fake_port)["calls"]
        assert len(calls) == a.n, len(calls)
        slowest = max(e - s for s, e in calls) * 1000
        walls.append(wall)
        overheads.append(wall - slowest)
        server_overheads.append(r["duration_ms"] - slowest)
    emit(a.out, {"bench": "overhead", "run": a.run, "n": a.n, "latency_ms": a.latency_ms, "steps": len(walls),
                 "overhead_p50_ms": round(pct(overheads, 50), 1), "overhead_p99_ms": round(pct(overheads, 99), 1),
                 "server_overhead_p50_ms": round(pct(server_overheads, 50), 1),
                 "step_ms_p50": round(pct(walls, 50), 1)})


def cmd_growth(a):
    c = Client(a.port)
    warm_up(c, a.warmup_seconds, a.n, a.momentum)  # momentum too: its code paths must be warm at the first mark
    sid, _ = create_session(c, a.n, momentum=a.momentum)
    marks = sorted(set(a.marks))
    done = 0
    results = []
    deadline = time.time() + a.max_seconds
    for mark in marks:
        while done < mark - 1 and time.time() < deadline:
            timed_step(c, sid)
            done += 1
        # measure a few steps around the mark: the mark-th step and the next ones
        walls = []
        for _ in range(a.sample):
            wall, _r = timed_step(c, sid)
            done += 1
            walls.append(wall)
        status, raw = c.request("GET", "/v1/optimizers/%s/state-dict" % sid)
        status2, raw2 = c.request("GET", "/v1/optimizers/%s" % sid)
        results.append({"after_steps": mark, "step_ms_median": round(statistics.median(walls), 1),
                        "state_dict_bytes": len(raw), "session_bytes": len(raw2)})
        if time.time() > deadline:
            break
    emit(a.out, {"bench": "growth", "run": a.run, "n": a.n, "momentum": a.momentum, "latency_ms": a.latency_ms,
                 "marks": results})


def cmd_setup_sessions(a):
    """Creates sessions and prints one path prefix per parameter (for wrk) to --paths."""
    c = Client(a.port)
    lines = []
    for _ in range(a.sessions):
        sid, pids = create_session(c, a.n, grads_per_param=a.grads, momentum=a.momentum)
        for pid in pids:
            lines.append("/v1/optimizers/%s/params/%s/grad" % (sid, pid))
        last = sid
    for _ in range(a.steps):
        timed_step(c, last)
    with open(a.paths, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(last)


def cmd_create_many(a):
    count = a.count
    lock = threading.Lock()
    made = [0]
    errors = [0]
    deadline = time.time() + a.max_seconds

    def worker():
        c = Client(a.port)
        while time.time() < deadline:
            with lock:
                if made[0] >= count:
                    return
                made[0] += 1
            try:
                c.json("POST", "/v1/optimizers", {"params": [{"data": "Classify the sentiment.", "role": "system prompt",
                                                              "requires_grad": True}]})
            except Exception:
                with lock:
                    errors[0] += 1

    t0 = time.time()
    threads = [threading.Thread(target=worker) for _ in range(a.threads)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(json.dumps({"created": made[0] - errors[0], "errors": errors[0], "seconds": round(time.time() - t0, 1)}))


def cmd_many_sessions(a):
    """S sessions, each stepped by its own client thread, all released together by a barrier: one wave.
    The wave's time is from the release to the last answer; the fake's max_concurrent is the most model
    calls it held at once (S x P when every call of the wave is in flight together)."""
    clients = [Client(a.port, timeout=300) for _ in range(a.sessions)]
    sids = [create_session(c, a.params)[0] for c in clients]
    for c in clients:  # every client's connection open before the first wave
        c.json("GET", "/actuator/health/liveness")
    barrier = threading.Barrier(a.sessions + 1)
    go = threading.Event()
    results = [None] * a.sessions

    def stepper(i):
        while True:
            barrier.wait()
            if go.is_set():
                return
            try:
                _, r = timed_step(clients[i], sids[i])
                ok = all(p["status"] == "updated" for p in r["params"])
                results[i] = (time.perf_counter(), "updated" if ok else "not updated")
            except Exception as e:  # counted, not fatal: a refused step is a finding
                results[i] = (time.perf_counter(), str(e)[:200])
            barrier.wait()

    threads = [threading.Thread(target=stepper, args=(i,), daemon=True) for i in range(a.sessions)]
    for t in threads:
        t.start()

    def wave():
        fake_reset(a.fake_port)
        barrier.wait()  # releases every stepper
        t0 = time.perf_counter()
        barrier.wait()  # every stepper has its answer
        ends = [r[0] for r in results]
        failed = [r[1] for r in results if r[1] != "updated"]
        stats = fake_stats(a.fake_port)
        starts = sorted(s for s, _ in stats["calls"])
        return {"wave_ms": round((max(ends) - t0) * 1000, 1), "max_in_flight": stats["max_concurrent"],
                "calls": stats["count"], "failed_steps": len(failed), "first_failure": failed[0] if failed else None,
                "call_start_spread_ms": round((starts[-1] - starts[0]) * 1000, 1) if starts else None}

    deadline, warm = time.time() + a.warmup_seconds, 0
    while time.time() < deadline or warm < 1:  # at least one wave: connections and threads exist after it
        wave()
        warm += 1
    waves = [wave() for _ in range(a.waves)]
    go.set()
    barrier.wait()
    med = statistics.median(w["wave_ms"] for w in waves)
    emit(a.out, {"bench": "many-sessions", "run": a.run, "sessions": a.sessions, "params": a.params,
                 "latency_ms": a.latency_ms, "warmup_waves": warm, "wave_ms_median": med,
                 "ratio": round(med / a.latency_ms, 3),
                 "max_in_flight_median": statistics.median(w["max_in_flight"] for w in waves), "waves": waves})


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)

    def common(sp):
        sp.add_argument("--port", type=int, required=True)
        sp.add_argument("--out")
        sp.add_argument("--run", type=int, default=1)
        sp.add_argument("--max-seconds", type=float, default=120)
        sp.add_argument("--warmup-seconds", type=float, default=0)
        sp.add_argument("--fake-port", type=int, help="the fake model's port (overhead reads its /stats)")

    sp = sub.add_parser("fanout"); common(sp)
    sp.add_argument("--n", type=int, nargs="+", default=[1, 8, 32, 128])
    sp.add_argument("--steps", type=int, default=5)
    sp.add_argument("--latency-ms", type=float, default=300)
    sp.add_argument("--max-concurrency", type=int, default=0)
    sp = sub.add_parser("overhead"); common(sp)
    sp.add_argument("--n", type=int, default=32)
    sp.add_argument("--steps", type=int, default=30)
    sp.add_argument("--latency-ms", type=float, default=300)
    sp = sub.add_parser("growth"); common(sp)
    sp.add_argument("--n", type=int, default=4)
    sp.add_argument("--momentum", type=int, default=5)
    sp.add_argument("--marks", type=int, nargs="+", default=[1, 100, 1000])
    sp.add_argument("--sample", type=int, default=5)
    sp.add_argument("--latency-ms", type=float, default=1)
    sp = sub.add_parser("forward-backward"); common(sp)
    sp.add_argument("--batch", type=int, default=32)
    sp.add_argument("--rounds", type=int, default=5)
    sp.add_argument("--latency-ms", type=float, default=300)
    sp = sub.add_parser("setup-sessions"); common(sp)
    sp.add_argument("--sessions", type=int, default=1)
    sp.add_argument("--n", type=int, default=1)
    sp.add_argument("--grads", type=int, default=0)
    sp.add_argument("--momentum", type=int, default=0)
    sp.add_argument("--steps", type=int, default=0)
    sp.add_argument("--paths", required=True)
    sp = sub.add_parser("create-many"); common(sp)
    sp.add_argument("--count", type=int, default=10000)
    sp.add_argument("--threads", type=int, default=8)
    sp = sub.add_parser("many-sessions"); common(sp)
    sp.add_argument("--sessions", type=int, default=100)
    sp.add_argument("--params", type=int, default=8)
    sp.add_argument("--waves", type=int, default=3)
    sp.add_argument("--latency-ms", type=float, default=1000)
    a = p.parse_args()
    {"fanout": cmd_fanout, "overhead": cmd_overhead, "growth": cmd_growth, "forward-backward": cmd_forward_backward,
     "setup-sessions": cmd_setup_sessions, "create-many": cmd_create_many,
     "many-sessions": cmd_many_sessions}[a.cmd](a)


if __name__ == "__main__":
    main()
