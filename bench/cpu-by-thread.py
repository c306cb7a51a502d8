#!/usr/bin/env python3
"""CPU time per thread (grouped by name) of running JVMs between two moments, from /proc and jstack.

    bench/cpu-by-thread.py snap $(pgrep -f 0.1.0-SNAPSHOT-exec)   # before the load
    ... run a benchmark ...
    bench/cpu-by-thread.py diff                                     # after: seconds of CPU per process and thread group

Digits in thread names are folded ("commands-3" -> "commands-N"), so pools add up. Snapshot in /tmp/cpu-by-thread.json.
"""
import collections
import json
import os
import re
import subprocess
import sys

SNAPSHOT = "/tmp/cpu-by-thread.json"


def ticks(pid):
    """utime + stime of every thread of the process, in clock ticks, by thread id."""
    result = {}
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            stat = open(f"/proc/{pid}/task/{tid}/stat").read()
            fields = stat[stat.rindex(")") + 2:].split()
            result[tid] = int(fields[11]) + int(fields[12])
        except OSError:
            pass    # the thread ended meanwhile
    return result


def names(pid):
    """Java thread names by native thread id, digits folded."""
    out = subprocess.run(["jstack", str(pid)], capture_output=True, text=True).stdout
    result = {}
    for line in out.splitlines():
        m = re.match(r'^"([^"]*)".*nid=(0x[0-9a-f]+|\d+)', line)
        if m:
            nid = m.group(2)
            result[str(int(nid, 16) if nid.startswith("0x") else int(nid))] = re.sub(r"\d+", "N", m.group(1))
    return result


def process_name(pid):
    args = open(f"/proc/{pid}/cmdline").read().split("\0")
    jar = next((a for a in args if a.endswith(".jar")), args[0])
    return os.path.basename(jar)


def main():
    hz = os.sysconf("SC_CLK_TCK")
    if sys.argv[1] == "snap":
        json.dump({pid: ticks(pid) for pid in sys.argv[2:]}, open(SNAPSHOT, "w"))
        return
    before = json.load(open(SNAPSHOT))
    total = 0
    for pid, old in before.items():
        now, thread_names, groups = ticks(pid), names(pid), collections.Counter()
        for tid, value in now.items():
            groups[thread_names.get(tid, "(native)")] += value - old.get(tid, 0)
        spent = sum(groups.values())
        total += spent
        print(f"== {pid} {process_name(pid)}: {spent / hz:.2f} s")
        for name, value in groups.most_common(8):
            if value > 0:
                print(f"   {value / hz:6.2f} {name}")
    print(f"== all: {total / hz:.2f} s")


if __name__ == "__main__":
    main()
