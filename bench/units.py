#!/usr/bin/env python3
"""Unit conversions in line mode, pebble against qalc in the same run.

    python3 bench/units.py PEBBLE_BINARY [MORE_BINARIES...]

1,000 everyday conversion lines (lengths, speeds, temperatures, masses,
volumes, energy, pressure), written so that both calculators read them the
same way. pebble reads them all in one line-mode process; qalc reads them
all from a file in one process (`qalc -t -f FILE`). Timings are medians of
runs alternating the two, so a change in the machine's speed weighs on both
alike. qalc spends most of its wall time waiting (it polls its
calculation), so its CPU time is printed too. Only a failed run or a missing answer fails the script; the ratio is
reported against its goal, never asserted. Each binary given (the native
build and the static musl one, say) gets its row.
"""

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

# Both read each of these alike (checked by hand against both; qalc reads
# `nmi`, `kn` and `fl oz` otherwise, so they are not here).
CONVERSIONS = [
    "{} km to mi",
    "{} ft to m",
    "{} in to cm",
    "{} yd to m",
    "{} mph to km/h",
    "{} m/s to km/h",
    "{} km/h to mph",
    "{} °C to °F",
    "{} °F to °C",
    "{} K to °C",
    "{} kg to lb",
    "{} oz to g",
    "{} lb to kg",
    "{} L to gal",
    "{} cup to mL",
    "{} m^3 to L",
    "{} kWh to MJ",
    "{} kJ to kWh",
    "{} psi to kPa",
    "{} bar to psi",
]
LINES = 1000
GOAL = 5.0  # qalc's time over pebble's, at least (issue 21)
RUNS = int(os.environ.get("UNITS_RUNS", "5"))


def conversions():
    """LINES lines, the templates in turn, with numbers that vary."""
    lines = []
    for k in range(LINES):
        value = round(0.5 + (k * 7919 % 1000) * 0.137, 3)
        lines.append(CONVERSIONS[k % len(CONVERSIONS)].format(value))
    return "".join(line + "\n" for line in lines)


def cpu_seconds():
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return children.ru_utime + children.ru_stime


def run(command, stdin_path):
    """Wall seconds, CPU seconds and the non-empty lines printed; exits on
    a failed run."""
    with open(stdin_path, "rb") as source:
        cpu = cpu_seconds()
        start = time.perf_counter()
        done = subprocess.run(command, stdin=source, capture_output=True)
        elapsed = time.perf_counter() - start
        cpu = cpu_seconds() - cpu
    if done.returncode != 0:
        sys.exit(f"{command[0]} exited with {done.returncode}: {done.stderr.decode()[:400]}")
    return elapsed, cpu, [line for line in done.stdout.decode().splitlines() if line.strip()]


def measure(binary, path):
    pebble = [binary]
    # -f runs the file's lines as commands and exits.
    qalc = ["qalc", "-t", "-f", path]
    for command in (pebble, qalc):
        _, _, printed = run(command, path)
        if len(printed) != LINES or any(p.lower().startswith("error") for p in printed):
            sys.exit(f"{command[0]} answered {len(printed)} of {LINES} lines")
    mine, theirs = [], []
    for _ in range(RUNS):
        mine.append(run(pebble, path)[:2])
        theirs.append(run(qalc, path)[:2])
    p, q = (statistics.median(t[0] for t in runs) for runs in (mine, theirs))
    p_cpu, q_cpu = (statistics.median(t[1] for t in runs) for runs in (mine, theirs))
    verdict = "met" if q / p >= GOAL else "NOT MET"
    print(
        f"  {os.path.relpath(binary):<48} {p * 1000:>7.1f}ms {q * 1000:>8.1f}ms {q / p:>7.1f}× "
        f"{GOAL:>4.1f}× {verdict:<7} (CPU {p_cpu * 1000:.1f} ms / {q_cpu * 1000:.1f} ms, {q_cpu / p_cpu:.1f}×)"
    )


def main():
    binaries = sys.argv[1:] or ["target/release/pebble"]
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as lines:
        lines.write(conversions())
        lines.flush()
        print(f"  {'1,000 conversions, line mode, wall time':<48} {'pebble':>9} {'qalc':>10} {'ratio':>8} {'goal':>5}")
        for binary in binaries:
            measure(os.path.abspath(binary), lines.name)


if __name__ == "__main__":
    main()
