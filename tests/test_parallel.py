"""fork_map: work spread over forked processes gives what one process gives."""

from __future__ import annotations

import os

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


def test_one_worker_works_here() -> None:
    assert list(fork_map(lambda n: os.getpid(), range(3), workers=1)) == [os.getpid()] * 3


@pytest.mark.skipif(not can_fork(), reason="this machine cannot fork")
def test_stopping_early_stops_the_workers() -> None:
    results = fork_map(lambda n: n, range(1000), workers=2)
    assert next(results) == 0
    results.close()  # the pool is shut down, not left running
    assert list(fork_map(lambda n: n + 1, range(3), workers=2)) == [1, 2, 3]
