"""Which processes hold a command's peak memory: the command runs in a session of its own, and every
process in that session is sampled (proportional set size, as bench.py counts it) each 0.1 s; the
peak of their sum is printed with each process's share at that moment (issue 12, RESULTS.md).

    cd SITE && rm -rf site .site.cache .site.spare && python benchmarks/peak_memory.py mouarchive build
    python benchmarks/peak_memory.py --every 2 mouarchive build --site SITE --output OUT --no-search

`--every SECONDS` samples that often instead, and prints each sample as it is taken (the time, the
sum, and each process's share in MiB): where in a build the memory grows, and in which process.
`--after` goes on sampling once the command has exited, until every process of its session has (the
fork that keeps the engine's State after a build has answered: engine.keep_state_later); such a
sample is marked "after".
Reading smaps_rollup costs the sampled processes time (16 ms for a process of 1 GiB, holding its
memory map's lock): compare its figures with each other, and the time with bench.py's.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
import time

from bench import _pss_kib, session_pids  # this directory is on the path when run as a script


def session(sid: int) -> dict[int, str]:
    """The processes of session `sid`: pid -> the start of its command line."""
    found = {}
    for pid in session_pids(sid):
        with contextlib.suppress(OSError), open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            found[int(pid)] = cmdline.read().replace(b"\0", b" ")[:70].decode(errors="replace")
    return found


def main() -> None:
    command, every, series, after = sys.argv[1:], 0.1, False, False
    while command[:1] in (["--every"], ["--after"]):
        if command[0] == "--after":
            after, command = True, command[1:]
        else:
            every, series, command = float(command[1]), True, command[2:]
    started = time.monotonic()
    process = subprocess.Popen(command, start_new_session=True, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    peak, when, shares = 0, 0.0, {}
    exited = None
    while True:
        running = session(process.pid)
        if process.poll() is not None:
            if not (after and running):
                break
            if exited is None:
                exited = time.monotonic() - started
        now = {}
        for pid, command in running.items():
            with contextlib.suppress(OSError, ValueError, IndexError):  # the process ended meanwhile
                now[pid] = (_pss_kib(str(pid)), command)
        total = sum(kib for kib, _command in now.values())
        if total > peak:
            peak, when, shares = total, time.monotonic() - started, now
        if series:
            print(f"{time.monotonic() - started:7.1f} s {total / 1024:6.0f} MiB  "
                  + "  ".join(f"{pid}: {kib / 1024:.0f}" for pid, (kib, _command) in sorted(now.items()))
                  + ("  after" if exited is not None else ""), flush=True)
        time.sleep(every)
    if exited is not None:
        print(f"the command exited at {exited:.1f} s; its session's last process at "
              f"{time.monotonic() - started:.1f} s")
    print(f"wall {time.monotonic() - started:.1f} s (exit {process.returncode}); "
          f"peak {peak / 1024:.0f} MiB at {when:.1f} s")
    for pid, (kib, command) in sorted(shares.items(), key=lambda item: -item[1][0]):
        print(f"  {kib / 1024:7.0f} MiB  {pid}  {command}")


if __name__ == "__main__":
    main()
