"""fork_map: work spread over forked processes gives what one process gives."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mouarchive.parallel import can_fork, fork_map


@pytest.mark.skipif(not can_fork(), reason="this machine cannot fork")
def test_forked_workers_run_a_closure_and_keep_the_order() -> None:
    held = {n: n * n for n in range(100)}  # inherited by the workers, never pickled

    def work(n: int) -> tuple[int, int]:
        return held[n], os.getpid()

    results = list(fork_map(work, range(100), workers=2))
    assert [square for square, _pid in results] == [n * n for n in range(100)]
    assert os.getpid() not in {pid for _square, pid in results}


@pytest.mark.skipif(not can_fork(), reason="this machine cannot fork")
def test_as_they_come_gives_every_result_once() -> None:
    results = fork_map(lambda n: -n, range(50), workers=2, ordered=False)
    assert sorted(results) == sorted(-n for n in range(50))


@pytest.mark.skipif(not can_fork(), reason="this machine cannot fork")
def test_workers_wait_for_a_slow_caller_rather_than_pile_results_on_it() -> None:
    """A caller slower than its workers (writing pages to a slow disk) holds a few results at a
    time, not every one the workers made meanwhile: the last item starts only once most of the
    results before it were taken."""
    taken: list[float] = []
    started = {}
    for n, began in fork_map(lambda n: (n, time.monotonic()), range(60), workers=2, ordered=False):
        started[n] = began
        time.sleep(0.01)
        taken.append(time.monotonic())
    last = max(started.values())
    assert sum(when < last for when in taken) >= 30


def test_one_worker_works_here() -> None:
    assert list(fork_map(lambda n: os.getpid(), range(3), workers=1)) == [os.getpid()] * 3


@pytest.mark.skipif(not can_fork(), reason="this machine cannot fork")
def test_the_switch_interval_is_short_beside_a_working_caller_and_as_it_was_after() -> None:
    """parallel._SWITCH: beside a caller that works, the reader thread, which feeds the workers,
    takes the interpreter's lock soon after it wakes; the process's own setting comes back however
    the map ends."""
    before = sys.getswitchinterval()
    during = list(fork_map(lambda n: n, range(4), workers=2, caller="own", group=lambda n: "own"
                           if n % 2 else "other", ordered=False))
    assert sorted(during) == [0, 1, 2, 3] and sys.getswitchinterval() == before
    seen = []
    results = fork_map(lambda n: sys.getswitchinterval(), range(100), workers=2, caller="own")
    seen.append(next(results))
    seen.append(sys.getswitchinterval())
    results.close()  # stopped early
    assert seen[1] <= 0.001 < before and sys.getswitchinterval() == before


@pytest.mark.skipif(not can_fork(), reason="this machine cannot fork")
def test_stopping_early_stops_the_workers() -> None:
    results = fork_map(lambda n: n, range(1000), workers=2)
    assert next(results) == 0
    results.close()  # the pool is shut down, not left running
    assert list(fork_map(lambda n: n + 1, range(3), workers=2)) == [1, 2, 3]


@pytest.mark.skipif(not can_fork(), reason="this machine cannot fork")
def test_a_group_stays_with_one_worker_while_it_lasts() -> None:
    def work(item: tuple[str, int]) -> tuple[str, int, int]:
        time.sleep(0.005)
        return item[0], item[1], os.getpid()

    items = [(group, n) for n in range(20) for group in "ab"]  # interleaved, as pages of two languages
    results = list(fork_map(work, items, workers=2, group=lambda item: item[0]))
    assert [(g, n) for g, n, _pid in results] == items
    first = {g: {pid for h, n, pid in results if h == g and n < 10} for g in "ab"}
    assert len(first["a"]) == 1 and len(first["b"]) == 1 and first["a"] != first["b"]


@pytest.mark.skipif(not can_fork(), reason="this machine cannot fork")
def test_a_worker_helps_with_another_group_when_its_own_is_done() -> None:
    items = [("small", 0), *(("large", n) for n in range(60))]
    results = fork_map(lambda item: (item, os.getpid()), items, workers=2, ordered=False,
                       group=lambda item: item[0])
    done = list(results)
    assert sorted(item for item, _pid in done) == sorted(items)
    assert len({pid for _item, pid in done}) == 2  # the small group's worker went on to the large one


@pytest.mark.skipif(not can_fork(), reason="this machine cannot fork")
def test_the_caller_works_too_on_its_own_group_first() -> None:
    """With `caller`, this process is one of the workers (one fewer is forked): it takes its group's
    items first, then helps with the rest, and every result comes once, in order."""
    def work(item: tuple[str, int]) -> tuple[tuple[str, int], int]:
        time.sleep(0.002)
        return item, os.getpid()

    items = [*(("pages", n) for n in range(80)), *(("data", n) for n in range(3))]
    results = list(fork_map(work, items, workers=2, group=lambda item: item[0], caller="data"))
    assert [item for item, _pid in results] == items
    by = {item: pid for item, pid in results}
    assert {by[("data", n)] for n in range(3)} == {os.getpid()}
    assert len({pid for _item, pid in results}) == 2  # one forked worker, and this process
    assert os.getpid() in {by[("pages", n)] for n in range(40, 80)}  # it helped with the pages


@pytest.mark.skipif(not can_fork(), reason="this machine cannot fork")
def test_a_worker_goes_on_while_the_caller_works_on_a_long_item_of_its_own(tmp_path: Path) -> None:
    """parallel._WAITING_FOR_CALLER: a caller takes results only between its own items; a worker's
    results wait for it meanwhile, and the worker goes on (with room for 2, it stopped after 5)."""
    done = tmp_path / "done"
    done.touch()

    def work(item: tuple[str, int]) -> int:
        if item[0] == "pages":
            with open(done, "ab") as mark:
                mark.write(b".")
            return 0
        deadline = time.monotonic() + 10
        while done.stat().st_size < 12 and time.monotonic() < deadline:
            time.sleep(0.01)
        return done.stat().st_size  # how many the worker had made while this one took its time

    items = [*(("pages", n) for n in range(40)), ("own", 0)]  # the worker starts on the pages
    results = list(fork_map(work, items, workers=2, group=lambda item: item[0], caller="own"))
    assert results[-1] >= 12 and len(results) == 41


@pytest.mark.skipif(not can_fork(), reason="this machine cannot fork")
def test_the_caller_without_a_group_of_its_own_takes_the_largest() -> None:
    results = list(fork_map(lambda n: os.getpid(), range(60), workers=2, caller="none of these"))
    assert len(results) == 60 and os.getpid() in results and len(set(results)) == 2


@pytest.mark.skipif(not can_fork(), reason="this machine cannot fork")
def test_what_a_worker_raises_is_raised_here() -> None:
    def work(n: int) -> int:
        if n == 7:
            raise ValueError("item seven")
        return n

    with pytest.raises(ValueError, match="item seven"):
        list(fork_map(work, range(20), workers=2))
    assert list(fork_map(lambda n: n, range(3), workers=2)) == [0, 1, 2]


@pytest.mark.skipif(not can_fork(), reason="this machine cannot fork")
def test_workers_leave_when_their_parent_is_killed(tmp_path: Path) -> None:
    """A killed build's workers must not outlive it: they would hold what they inherited (the
    build's lock), and the next build would wait for them for ever."""
    script = tmp_path / "parent.py"
    script.write_text(
        "import os, sys, time\n"
        "from mouarchive.parallel import fork_map\n"
        "def work(n):\n"
        "    os.write(1, b'%d\\n' % os.getpid())  # one write: two workers' lines never interleave\n"
        "    time.sleep(0.2 if n else 0)\n"
        "    return n\n"
        "for _ in fork_map(work, range(400), workers=2, ordered=False):\n"
        "    pass\n")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    workers = {int(parent.stdout.readline()) for _ in range(4)}  # both have started work
    parent.send_signal(signal.SIGKILL)
    parent.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.05)
    outlived = [pid for pid in workers if _alive(pid)]
    for pid in outlived:  # not left behind by a failing test
        os.kill(pid, signal.SIGKILL)
    assert not outlived, "a worker outlived its killed parent"


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"  # a zombie has left; only its parent (init, here) has not reaped it yet


@pytest.mark.skipif(not can_fork(), reason="this machine cannot fork")
@pytest.mark.parametrize("after", [0.0, 0.2])
def test_ctrl_c_stops_the_map_and_no_worker_prints_a_traceback(tmp_path: Path, after: float) -> None:
    """Ctrl-C reaches every process of the terminal's group; a worker just starting, or at work,
    must leave it to the parent (which stops the pool) rather than print a traceback of its own."""
    script = tmp_path / "parent.py"
    script.write_text(
        "import time\n"
        "from mouarchive.parallel import fork_map\n"
        "def work(n):\n"
        "    time.sleep(0.05)\n"
        "    return n\n"
        "print('ready', flush=True)\n"
        "try:\n"
        "    for _ in fork_map(work, range(200), workers=2, ordered=False):\n"
        "        pass\n"
        "except KeyboardInterrupt:\n"
        "    print('interrupted', flush=True)\n")

    def as_from_a_terminal() -> None:  # Ctrl-C handled (a shell's background job ignores it)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.setpgrp()

    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, preexec_fn=as_from_a_terminal)
    assert parent.stdout is not None
    assert parent.stdout.readline() == "ready\n"
    time.sleep(after)
    os.killpg(parent.pid, signal.SIGINT)
    out, err = parent.communicate(timeout=30)
    assert "interrupted" in out
    assert "Traceback" not in err, err


@pytest.mark.skipif(not can_fork(), reason="this machine cannot fork")
def test_a_worker_leaves_ctrl_c_to_its_parent(tmp_path: Path) -> None:
    """A SIGINT that reaches a worker alone does not stop the work: Ctrl-C is the parent's to
    handle (a worker that raised it mid-item once failed the whole map, or printed a traceback)."""
    script = tmp_path / "parent.py"
    script.write_text(
        "import os, time\n"
        "from mouarchive.parallel import fork_map\n"
        "def work(n):\n"
        "    os.write(1, b'%d\\n' % os.getpid())\n"
        "    time.sleep(0.01)\n"
        "    return n\n"
        "print('done', sum(fork_map(work, range(100), workers=2, ordered=False)), flush=True)\n")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert parent.stdout is not None
    worker = int(parent.stdout.readline())
    os.kill(worker, signal.SIGINT)
    out, err = parent.communicate(timeout=30)
    assert out.splitlines()[-1] == f"done {sum(range(100))}"
    assert "Traceback" not in err, err


def test_no_items_give_no_results_whatever_the_workers() -> None:
    assert list(fork_map(lambda n: n, [], workers=2)) == []
    assert list(fork_map(lambda n: n, [], workers=2, ordered=False, group=lambda n: n)) == []
