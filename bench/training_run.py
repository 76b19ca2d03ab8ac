#!/usr/bin/env python3
"""Benchmark driver for a training run (Python stdlib only, loopback only): bench/training-run.sh runs it.

Creates a session and POSTs a run of EPOCHS x BATCHES batches of BATCH_SIZE items (an llm_judge evaluator,
so that every batch makes four model phases one after another: forward, judge, backward, optimizer), polls
it until it ends, and prints one JSON line, appended to --out:

  wall_s            from POST …/runs to the run seen finished (polled every 20 ms)
  ideal_s           steps x 4 phases x L: the model time alone
  overhead_p50_ms, overhead_p99_ms
                    textopt's own time per step: the gaps between the model phases of that step (from the end of
                    the previous phase's last call to the start of the next phase's first call, as the fake model
                    timed them), the first one measured from the previous step's optimizer call
  gap_p50_ms        each of the four gaps of a step, p50: where textopt's time goes
--measured-runs runs (3) are measured one after another on the same service, one row each ("measured" says which):
a warm-up takes minutes and a measured run 20 s, so three figures per warm-up instead of one give the median more
to stand on. Each row also says the share of a core the JIT compilers used during it ("jit_share"): a figure
taken while they still compile is of code not yet compiled.
Warm-up runs of --warmup-batches batches come first, for at least --warmup-seconds and, given textopt's --pid, until
its JIT compilers settle: until they used less than --jit-settled (5 %) of one core during each of the last
--settled-runs (3) warm-up runs, or --warmup-max-seconds have passed (one quiet warm-up run was not enough: the
compilers went back to a sixth of a core in the measured runs after it, BENCHMARKS.md, 15). A run's code runs once per batch, so it takes the compilers minutes of runs to
reach it: after 60 s they still used a fifth of a core through the measured run, and the figures were of code
still being compiled (BENCHMARKS.md, 13). The row says how long the warm-up took and the compilers' largest share in its last runs.
"""
import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
from textopt_bench import Client, pct  # noqa: E402

WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliett", "kilo", "lima",
         "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform", "victor", "whiskey",
         "xray", "yankee", "zulu", "one", "two", "three", "four", "five", "six"]


def run(client, epochs, batches, batch_size, deadline_s):
    session = client.json("POST", "/v1/optimizers", {"params": [{"data": "Repeat the text.", "role": "system prompt"}],
                                                     "defaults": {"completion_args": {"model": "gpt-4o"}}})
    pid = session["param_groups"][0]["params"][0]["id"]
    items = [{"inputs": {"text": "say %s" % WORDS[i % len(WORDS)]}, "target": "SAY %s" % WORDS[i % len(WORDS)].upper()}
             for i in range(batches * batch_size)]
    body = {"train": items, "epochs": epochs, "batch_size": batch_size,
            "forward": {"messages": [{"role": "system", "content": [{"param": pid}]}, {"role": "user", "content": ["{text}"]}]},
            "evaluator": {"type": "llm_judge", "criteria": "The output is the input in capital letters."}}
    t0 = time.time()
    created = client.json("POST", "/v1/optimizers/%s/runs" % session["id"], body, expect=(202,))
    location = "/v1/optimizers/%s/runs/%s" % (session["id"], created["id"])
    while time.time() - t0 < deadline_s:
        current = client.json("GET", location)
        if current["status"] not in ("queued", "running"):
            wall = time.time() - t0
            if current["status"] != "succeeded" or len(current["steps"]) != epochs * batches:
                raise RuntimeError("the run ended %s with %d steps: %s" % (current["status"], len(current["steps"]), current["failure"]))
            return wall
        time.sleep(0.02)
    raise RuntimeError("the run did not finish within %d s" % deadline_s)


def phases(calls):
    """The model calls grouped into phases: calls that overlap in time belong to one phase."""
    groups = []
    for start, end in sorted(calls):
        if groups and start < groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], end)
        else:
            groups.append([start, end])
    return groups


def compiler_seconds(pid):
    """CPU seconds the JIT compiler threads of process pid have used (Linux /proc)."""
    total = 0.0
    for task in os.listdir("/proc/%d/task" % pid):
        try:
            stat = open("/proc/%d/task/%s/stat" % (pid, task)).read()
        except OSError:
            continue
        if "CompilerThre" in stat[stat.index("(") + 1:stat.rindex(")")]:
            fields = stat.rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def warm_up(client, args):
    """Warm-up runs until the JIT settles (see the module's doc); (seconds it took, the compilers' largest share of a
    core in the last --settled-runs warm-up runs)."""
    began, shares = time.time(), []
    while True:
        compiled, start = compiler_seconds(args.pid) if args.pid else 0, time.time()
        run(client, 1, args.warmup_batches, args.batch_size, 300)
        shares.append((compiler_seconds(args.pid) - compiled) / (time.time() - start) if args.pid else 0)
        last = max(shares[-args.settled_runs:])
        elapsed = time.time() - began
        settled = len(shares) >= args.settled_runs and last < args.jit_settled
        if elapsed >= args.warmup_max_seconds or (elapsed >= args.warmup_seconds and settled):
            return round(elapsed, 1), round(last, 3) if args.pid else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--fake-port", type=int, required=True)
    ap.add_argument("--latency-ms", type=int, required=True)
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--batches", type=int, default=8)
    ap.add_argument("--batch-size", type=int, default=4)
    ap.add_argument("--warmup-batches", type=int, default=8)
    ap.add_argument("--warmup-seconds", type=float, default=60)
    ap.add_argument("--warmup-max-seconds", type=float, default=900)
    ap.add_argument("--jit-settled", type=float, default=0.05)
    ap.add_argument("--settled-runs", type=int, default=3)
    ap.add_argument("--pid", type=int)
    ap.add_argument("--run", type=int, default=1)
    ap.add_argument("--measured-runs", type=int, default=3)
    ap.add_argument("--out", required=True)
    args = ap.parse_args()
    client, fake = Client(args.port), Client(args.fake_port)

    warmup_s, jit_share = warm_up(client, args)
    for measured in range(1, args.measured_runs + 1):
        row = measure(client, fake, args)
        row.update({"run": args.run, "measured": measured, "warmup_s": warmup_s, "jit_share_last_warmup": jit_share})
        print(json.dumps(row), flush=True)
        with open(args.out, "a") as f:
            f.write(json.dumps(row) + "\n")


def measure(client, fake, args):
    """One measured run: its figures (the module's doc says which)."""
    compiled = compiler_seconds(args.pid) if args.pid else 0
    fake.request("POST", "/stats/reset")
    wall = run(client, args.epochs, args.batches, args.batch_size, 600)
    stats = fake.json("GET", "/stats")
    groups = phases(stats["calls"])
    steps = args.epochs * args.batches
    if len(groups) != steps * 4:
        raise RuntimeError("%d model phases seen, not %d: calls of one phase did not overlap, or a re-ask" % (len(groups), steps * 4))
    per_step = []
    names = ("optimizer_to_forward", "forward_to_judge", "judge_to_backward", "backward_to_optimizer")
    by_gap = {name: [] for name in names}
    for s in range(steps):
        mine = groups[s * 4:(s + 1) * 4]
        gaps = {names[i]: (mine[i][0] - mine[i - 1][1]) * 1000 for i in range(1, 4)}
        if s > 0:
            gaps[names[0]] = (mine[0][0] - groups[s * 4 - 1][1]) * 1000
        for name, gap in gaps.items():
            by_gap[name].append(gap)
        per_step.append(sum(gaps.values()))
    return {"bench": "training-run", "epochs": args.epochs, "batches": args.batches, "batch_size": args.batch_size,
            "latency_ms": args.latency_ms, "wall_s": round(wall, 2), "ideal_s": steps * 4 * args.latency_ms / 1000,
            "overhead_p50_ms": round(pct(per_step, 50), 1), "overhead_p99_ms": round(pct(per_step, 99), 1),
            "model_calls": stats["count"],
            "jit_share": round((compiler_seconds(args.pid) - compiled) / wall, 3) if args.pid else None,
            "gap_p50_ms": {name: round(pct(v, 50), 1) for name, v in by_gap.items()}}

if __name__ == "__main__":
    main()
