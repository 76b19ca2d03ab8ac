"""Per-segment medians of a probed training run (BENCHMARKS.md, 13): probe_segments.py DIR PROBE_FILE, where DIR has the
fake model's calls.json ({"t0", "wall", "calls"}) and PROBE_FILE the marks probe.diff wrote (epoch-us label thread-cpu-us thread)."""
import json, sys, statistics
d, pf = sys.argv[1], sys.argv[2]
c = json.load(open(d + "/calls.json")); t0, t1 = c["t0"], c["t0"] + c["wall"]
calls = c["calls"]
groups = []
for s, e in sorted(calls):
    if groups and s < groups[-1][1]: groups[-1][1] = max(groups[-1][1], e)
    else: groups.append([s, e])
marks = []
for line in open(pf):
    parts = line.split()
    t, label = int(parts[0]) / 1e6, parts[1]
    cpu = int(parts[2]) / 1e6 if len(parts) > 3 else 0
    th = parts[-1]
    if th.startswith("run-") and t0 <= t <= t1: marks.append((t, label, cpu))
marks.sort()
batches, cur = [], None
cpus = {}
for t, l, c in marks:
    if l == "batch.start": cur = [(t, l, c)]; batches.append(cur)
    elif cur is not None: cur.append((t, l, c))
batches = [b for b in batches if b[-1][1] == "batch.end"]
seg = {}
for b in batches:
    for i in range(1, len(b)):
        key = (i, b[i-1][1] + " -> " + b[i][1])
        seg.setdefault(key, []).append((b[i][0] - b[i-1][0]) * 1000)
        cpus.setdefault(key, []).append((b[i][2] - b[i-1][2]) * 1000)
# send/receive: per phase, submit -> first fake start; last fake end -> joined
def near(t, lo, hi): return [g for g in groups if lo <= g[0] - t <= hi]
send, recv = {}, {}
for b in batches:
    subs = [t for t, l, c in b if l == "calls.submit"]; joins = [t for t, l, c in b if l == "calls.joined"]
    for k, (s, j) in enumerate(zip(subs, joins)):
        g = [g for g in groups if s <= g[0] <= j]
        if g:
            send.setdefault(k, []).append((g[0][0] - s) * 1000); recv.setdefault(k, []).append((j - g[0][1]) * 1000)
print("batches", len(batches))
tot = 0
for key in sorted(seg):
    m = statistics.median(seg[key]); 
    if "submit -> " in key[1] and "joined" in key[1]: continue
    tot += m
    print("%2d %-40s p50 %6.2f  mean %6.2f   cpu p50 %6.2f" % (key[0], key[1], m, statistics.mean(seg[key]), statistics.median(cpus[key])))
for k in sorted(send): print("phase %d: submit->fake start p50 %.2f; fake end->joined p50 %.2f" % (k, statistics.median(send[k]), statistics.median(recv[k])))
print("sum of run-thread segments outside calls (p50s) %.1f; + send/recv %.1f" % (tot, sum(statistics.median(v) for v in send.values()) + sum(statistics.median(v) for v in recv.values())))
