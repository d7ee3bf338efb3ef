#!/usr/bin/env python3
"""Unit conversions in line mode, pebble against qalc in the same run.

    python3 bench/units.py PEBBLE_BINARY [MORE_BINARIES...]

1,000 everyday conversion lines (lengths, speeds, temperatures, masses,
volumes, energy, pressure), written so that both calculators read them the
same way. pebble reads them all in one line-mode process; qalc reads them
all from a file in one process (`qalc -t -f FILE`). qalc runs once, before
the rows (about 20 s, most of it waiting: it polls its calculation, so its
CPU time is printed too; `UNITS_QALC_RUNS` for a median of more); each
pebble binary's time is a median of `UNITS_RUNS` (5). Only a failed run or a missing answer fails the script; the ratio is
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
QALC_RUNS = int(os.environ.get("UNITS_QALC_RUNS", "1"))


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


def checked_runs(command, path, runs):
    """Medians of wall and CPU seconds over `runs` runs, each checked to
    answer every line."""
    times = []
    for _ in range(runs):
        wall, cpu, printed = run(command, path)
        if len(printed) != LINES or any(p.lower().startswith("error") for p in printed):
            sys.exit(f"{command[0]} answered {len(printed)} of {LINES} lines")
        times.append((wall, cpu))
    return tuple(statistics.median(t[i] for t in times) for i in (0, 1))


def row(binary, path, qalc):
    (p, p_cpu), (q, q_cpu) = checked_runs([binary], path, RUNS), qalc
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
        # -f runs the file's lines as commands and exits.
        qalc = checked_runs(["qalc", "-t", "-f", lines.name], lines.name, QALC_RUNS)
        for binary in binaries:
            row(os.path.abspath(binary), lines.name, qalc)


if __name__ == "__main__":
    main()
