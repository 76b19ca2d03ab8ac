#!/usr/bin/env python3
"""CPU seconds per thread-name group of one process between two snapshots: thread_cpu.py snap PID > f; thread_cpu.py diff f PID"""
import json, os, re, sys
TICK = os.sysconf("SC_CLK_TCK")
def snap(pid):
    out = {}
    for t in os.listdir("/proc/%s/task" % pid):
        try:
            s = open("/proc/%s/task/%s/stat" % (pid, t)).read()
            name = re.sub(r"[\d#]+", "N", s[s.index("(") + 1:s.rindex(")")])
            f = s.rsplit(")", 1)[1].split()
            out[name] = out.get(name, 0) + (int(f[11]) + int(f[12])) / TICK
        except OSError:
            pass
    return out
if sys.argv[1] == "snap":
    print(json.dumps(snap(sys.argv[2])))
else:
    a = json.load(open(sys.argv[2])); b = snap(sys.argv[3])
    d = sorted(((round(v - a.get(k, 0), 2), k) for k, v in b.items()), reverse=True)
    print(json.dumps([x for x in d if x[0] > 0.05]))
