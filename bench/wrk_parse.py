#!/usr/bin/env python3
"""Reads wrk --latency output on stdin; prints JSON {rps, p50_ms, p99_ms, requests, non2xx, errors}."""
import json, re, sys

def ms(v, unit):
    return float(v) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]

t = sys.stdin.read()
out = {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))}
for p in ("50", "99"):
    m = re.search(r"^\s+%s(?:\.000)?%%\s+([\d.]+)(us|ms|s|m)\s*$" % p, t, re.M)
    out["p%s_ms" % p] = round(ms(*m.groups()), 2) if m else None
m = re.search(r"(\d+) requests in", t)
out["requests"] = int(m.group(1)) if m else None
m = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
out["non2xx"] = int(m.group(1)) if m else 0
m = re.search(r"Socket errors: (.*)", t)
out["socket_errors"] = m.group(1).strip() if m else ""
print(json.dumps(out))
