#!/usr/bin/env python3
"""Prints CPU seconds (user+system) used by given PIDs and their descendants between two snapshots.
Usage: cpu_split.py snap PID... > file ; cpu_split.py diff file PID..."""
import json, os, sys

TICK = os.sysconf("SC_CLK_TCK")

def tree(pid):
    out, todo = [], [pid]
    children = {}
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                pp = int(open("/proc/%s/stat" % p).read().rsplit(")", 1)[1].split()[1])
                children.setdefault(pp, []).append(int(p))
            except OSError:
                pass
    while todo:
        x = todo.pop(); out.append(x); todo.extend(children.get(x, []))
    return out

def cpu(pid):
    total = 0.0
    for p in tree(pid):
        try:
            f = open("/proc/%d/stat" % p).read().rsplit(")", 1)[1].split()
            total += (int(f[11]) + int(f[12])) / TICK
        except OSError:
            pass
    return total

def total_cpu():
    f = open("/proc/stat").readline().split()[1:]
    return sum(int(x) for x in f[:8]) / TICK, int(f[3]) / TICK

if sys.argv[1] == "snap":
    print(json.dumps({"t": total_cpu(), "p": {a: cpu(int(a)) for a in sys.argv[2:]}}))
else:
    before = json.load(open(sys.argv[2]))
    t1, idle1 = total_cpu()
    out = {a: round(cpu(int(a)) - before["p"][a], 2) for a in sys.argv[3:]}
    out["machine_busy_s"] = round((t1 - before["t"][0]) - (idle1 - before["t"][1]), 2)
    out["machine_total_s"] = round(t1 - before["t"][0], 2)
    print(json.dumps(out))
