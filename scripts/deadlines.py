#!/usr/bin/env python3
"""Limit vs wall time of `lineup solve` (issue 10, item 3).

Writes synthetic inputs of N municipalities (ids that are not in the
register, so nothing is looked up; populations spread over the size classes,
places inside Germany, a fixed seed) and runs the release binary on them and
on the whole register with a time limit, printing limit, wall time (median of
--repeat runs), the overrun, the solve phase (`time_s`: the limit applies to
it; reading and writing come on top) and the status. Usage:

    scripts/deadlines.py [--sizes 10000,50000,200000] [--limit 5] [--repeat 3]
                         [--binary target/release/lineup]
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

LANDS = ["SH", "HH", "NI", "HB", "NW", "HE", "RP", "BW", "BY", "SL", "BE", "BB", "MV", "SN", "ST", "TH"]


def synthetic(path, n, seed=1):
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as f:
        f.write("id,name,state,population,lat,lon\n")
        for i in range(n):
            pop = int(10 ** rng.uniform(2.5, 6.2))
            lat = rng.uniform(47.5, 54.8)
            lon = rng.uniform(6.2, 14.8)
            f.write(f"X{i:07d},Ort {i},{rng.choice(LANDS)},{pop},{lat:.5f},{lon:.5f}\n")


def run(binary, path, limit):
    t = time.monotonic()
    p = subprocess.run(
        [binary, "solve", path, "--time-limit", str(limit), "--format", "json", "--quiet"],
        capture_output=True,
        text=True,
    )
    wall = time.monotonic() - t
    if p.returncode != 0:
        return wall, f"exit {p.returncode}: {p.stderr.strip()[:80]}", float("nan")
    report = json.loads(p.stdout)
    return wall, report["status"], report["time_s"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,50000,200000")
    ap.add_argument("--limit", type=float, default=5.0)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--binary", default="target/release/lineup")
    ap.add_argument("--register", default="crates/lineup/data/register.csv")
    a = ap.parse_args()
    cases = []
    with tempfile.TemporaryDirectory() as d:
        for n in [int(s) for s in a.sizes.split(",") if s]:
            path = os.path.join(d, f"synthetic-{n}.csv")
            synthetic(path, n)
            cases.append((f"synthetic {n}", path))
        if a.register:
            cases.append(("register", a.register))
        print(f"| input | limit (s) | wall (s, median of {a.repeat}) | overrun (s) | solve phase `time_s` (s, median) | status |")
        print("|---|---:|---:|---:|---:|---|")
        for name, path in cases:
            runs = [run(a.binary, path, a.limit) for _ in range(a.repeat)]
            wall = statistics.median(r[0] for r in runs)
            solve = statistics.median(r[2] for r in runs)
            status = ", ".join(sorted({r[1] for r in runs}))
            print(f"| {name} | {a.limit:g} | {wall:.1f} | {wall - a.limit:+.1f} | {solve:.2f} | {status} |")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
