"""Which processes hold a command's peak memory: the command runs in a session of its own, and every
process in that session is sampled (proportional set size, as bench.py counts it) each 0.1 s; the
peak of their sum is printed with each process's share at that moment (issue 12, RESULTS.md).

    cd SITE && rm -rf site .site.cache .site.spare && python benchmarks/peak_memory.py mouarchive build

Reading smaps_rollup costs the sampled processes time: compare its figures with each other, and the
time with bench.py's.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time


def pss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def session(sid: int) -> dict[int, str]:
    """The processes of session `sid`: pid -> the start of its command line."""
    found = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
            if int(fields[3]) != sid:
                continue
            with open(f"/proc/{name}/cmdline", "rb") as cmdline:
                found[int(name)] = cmdline.read().replace(b"\0", b" ")[:70].decode(errors="replace")
        except (OSError, IndexError, ValueError):
            continue
    return found


def main() -> None:
    started = time.monotonic()
    process = subprocess.Popen(sys.argv[1:], start_new_session=True, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    peak, when, shares = 0, 0.0, {}
    while process.poll() is None:
        now = {pid: (pss_kib(pid), command) for pid, command in session(process.pid).items()}
        total = sum(kib for kib, _command in now.values())
        if total > peak:
            peak, when, shares = total, time.monotonic() - started, now
        time.sleep(0.1)
    print(f"wall {time.monotonic() - started:.1f} s (exit {process.returncode}); "
          f"peak {peak / 1024:.0f} MiB at {when:.1f} s")
    for pid, (kib, command) in sorted(shares.items(), key=lambda item: -item[1][0]):
        print(f"  {kib / 1024:7.0f} MiB  {pid}  {command}")


if __name__ == "__main__":
    main()
