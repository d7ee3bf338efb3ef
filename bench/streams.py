#!/usr/bin/env python3
"""Running totals in line mode, pebble against bc -l in the same run:
time, pebble's peak memory, and the exit status (a long stream once
crashed pebble at exit).

    python3 bench/streams.py PEBBLE_BINARY [MORE_BINARIES...]

Each stream sets i = N and adds to s, for N = 1..100,000 (the way a
seq-generated log is fed to bc). Timings are medians of runs alternating
pebble and bc. Each binary given (the native build and the static musl
one, say) gets its rows; the million-line row, run once for its memory and
exit status, only for the last binary given (the shipped one in `just
bench`).
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time

STREAMS = [
    # (row, the line that adds to s, goal for pebble/bc)
    ("s = s + i*1.1 (exact)", "s = s + i*1.1", 1.0),
    ("s = s + sqrt(i)", "s = s + sqrt(i)", 1.0),
]
MEMORY_GOAL_MIB = 16
RUNS = int(os.environ.get("STREAMS_RUNS", "5"))


def stream(line, count):
    body = "".join(f"i = {n}\n{line}\n" for n in range(1, count + 1))
    # bc prints no assignment, only the total asked for at the end.
    return ("s = 0\n" + body + "s\n").encode()


def run(command, data, keep_output=False):
    """Seconds, peak RSS in KiB and the last line printed. The peak is
    /usr/bin/time's: a child forked from this script would count the
    script's own memory (the stream it holds) in its maximum."""
    with (
        tempfile.TemporaryFile() as source,
        tempfile.TemporaryFile() as sink,
        tempfile.NamedTemporaryFile("r") as peak,
    ):
        source.write(data)
        source.seek(0)
        start = time.perf_counter()
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%M", "-o", peak.name, *command],
            stdin=source,
            stdout=sink if keep_output else subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            sys.exit(f"{command[0]} exited with {done.returncode}")
        last = ""
        if keep_output:
            sink.seek(0)
            lines = sink.read().decode().split()
            last = lines[-1] if lines else ""
        return elapsed, int(peak.read().split()[-1]), last


def measure(binary, million):
    pebble, bc = [binary], ["bc", "-l"]
    print(f"{os.path.relpath(binary)}")
    print(f"  {'100,000 lines':<24} {'pebble':>9} {'bc -l':>9} {'pebble/bc':>10} {'goal':>5} {'peak memory':>12}")
    for name, line, goal in STREAMS:
        data = stream(line, 100_000)
        # Both give the same total (bc to its scale of 20 decimals).
        _, _, mine = run(pebble, data, keep_output=True)
        _, _, theirs = run(bc, data, keep_output=True)
        if abs(float(mine) - float(theirs)) > 1e-12 * abs(float(theirs)):
            sys.exit(f"{name}: pebble gave {mine}, bc {theirs}")
        times, peaks, bc_times = [], [], []
        for _ in range(RUNS):
            seconds, peak, _ = run(pebble, data)
            times.append(seconds)
            peaks.append(peak)
            bc_times.append(run(bc, data)[0])
        p, b = statistics.median(times), statistics.median(bc_times)
        verdict = "met" if p / b <= goal else "NOT MET"
        print(
            f"  {name:<24} {p:>8.2f}s {b:>8.2f}s {p / b:>10.2f} {goal:>5.2f} "
            f"{max(peaks) / 1024:>8.1f} MiB {verdict}"
        )
    if not million:
        return
    seconds, peak, _ = run(pebble, stream("s = s + sqrt(i)", 1_000_000))
    verdict = "met" if peak / 1024 <= MEMORY_GOAL_MIB else "NOT MET"
    print(
        f"  {'1,000,000 lines sqrt':<24} {seconds:>8.2f}s {'':>9} {'':>10} {'':>5} "
        f"{peak / 1024:>8.1f} MiB (goal {MEMORY_GOAL_MIB} MiB) {verdict}"
    )


def main():
    binaries = sys.argv[1:] or ["target/release/pebble"]
    for i, binary in enumerate(binaries):
        measure(os.path.abspath(binary), million=i == len(binaries) - 1)


if __name__ == "__main__":
    main()
