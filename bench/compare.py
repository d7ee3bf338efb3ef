#!/usr/bin/env python3
"""pebble measured against bc -l in the same run, plus the interactive
face's start-up time and memory, and the slowest hostile input.

    python3 bench/compare.py PEBBLE_BINARY

Prints a table; timings are medians over repeated runs on this machine,
pebble and bc measured side by side in the same run.
"""

import fcntl
import os
import pty
import random
import select
import signal
import statistics
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def wall(command, stdin=b"", runs=1):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(command, input=stdin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
        if done.returncode not in (0, 1):
            sys.exit(f"{command[0]} failed with {done.returncode}")
    return statistics.median(times)


def side_by_side(first, second, stdin=b"", runs=9):
    """Medians of two commands run alternately, so a change in the
    machine's speed during the run weighs on both alike."""
    times = ([], [])
    for _ in range(runs):
        for command, out in zip((first, second), times):
            out.append(wall(command, stdin))
    return statistics.median(times[0]), statistics.median(times[1])


def products(lines=20_000):
    """The line-mode workload of exact small rationals: N*1.1+N/7."""
    return "".join(f"{n}*1.1+{n}/7\n" for n in range(1, lines + 1)).encode()


def roots(lines=5_000):
    """The line-mode workload with one irrational step: a square root."""
    return "".join(f"sqrt({n})+({n}+0.5)^2/3-{n}*2.25\n" for n in range(1, lines + 1)).encode()


def first_frame(binary, runs=15):
    """Seconds from exec to the first full frame, and peak RSS in KiB after some typing."""
    times, peak = [], 0
    for _ in range(runs):
        pid, fd = pty.fork()
        if pid == 0:
            os.execve(binary, [binary], {"TERM": "xterm-256color", "PEBBLE_HISTORY": os.devnull + ".none"})
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        os.kill(pid, signal.SIGWINCH)
        start = time.perf_counter()
        seen = b""
        answered = False
        # The status line, the last row a full frame draws.
        while b"quit" not in seen:
            ready, _, _ = select.select([fd], [], [], 5)
            if not ready:
                sys.exit("no first frame within 5 s")
            seen += os.read(fd, 65536)
            # pebble asks for the background (OSC 11) and the attributes
            # (DA1) before its first frame; answer as a dark terminal does,
            # or the frame waits out the query's timeout.
            if not answered and b"\x1b[c" in seen:
                os.write(fd, b"\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[?62;22c")
                answered = True
        times.append(time.perf_counter() - start)
        os.write(fd, b"sin(1)+2^64*pi\r1/3\r")
        time.sleep(0.2)
        try:
            while select.select([fd], [], [], 0.05)[0]:
                os.read(fd, 65536)
        except OSError:
            pass
        status = Path(f"/proc/{pid}/status").read_text()
        peak = max(peak, int(next(l.split()[1] for l in status.splitlines() if l.startswith("VmHWM"))))
        # Ctrl-C clears the answer left on screen, then quits.
        for _ in range(50):
            os.write(fd, b"\x03")
            time.sleep(0.02)
            if os.waitpid(pid, os.WNOHANG)[0]:
                break
        else:
            sys.exit("pebble did not quit on Ctrl-C")
        os.close(fd)
    return statistics.median(times), peak


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "target/release/pebble")
    rows = []
    # Each pebble/bc ratio with its goal (issue: line mode in half of bc's time).
    expression = "2^64-1"
    p = wall([binary, expression], runs=100)
    b = wall(["bc", "-l"], (expression + "\n").encode(), runs=100)
    rows.append(("one-shot `2^64-1`", p, b, 1.0))
    for name, data, goal in [
        ("20,000 lines N*1.1+N/7", products(), 0.5),
        ("5,000 lines with sqrt", roots(), 1.0),
    ]:
        p, b = side_by_side([binary], ["bc", "-l"], data)
        rows.append((name, p, b, goal))

    print(f"{'measurement':<28} {'pebble':>10} {'bc -l':>10} {'pebble/bc':>10} {'goal':>6}")
    for name, p, b, goal in rows:
        verdict = "met" if p / b <= goal else "NOT MET"
        print(f"{name:<28} {p * 1e3:>8.2f}ms {b * 1e3:>8.2f}ms {p / b:>10.2f} {goal:>6.2f} {verdict}")

    frame, rss = first_frame(binary)
    print(f"{'exec to first frame':<28} {frame * 1e3:>8.2f}ms {'(goal 10 ms)':>21}")
    print(f"{'peak RSS in a session':<28} {rss / 1024:>7.2f}MiB {'(goal 4 MiB)':>21}")

    worst, worst_input = 0.0, ""
    for line in (HERE / "hostile.txt").read_text().splitlines():
        t = wall([binary, "--", line])
        if t > worst:
            worst, worst_input = t, line
    print(f"{'slowest hostile input':<28} {worst * 1e3:>8.2f}ms  {worst_input[:40]}")


if __name__ == "__main__":
    main()
