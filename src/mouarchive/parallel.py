"""Work spread over forked processes, where the machine can fork.

A forked worker inherits what the parent holds (the vocabularies, the archive, the compiled
templates) instead of receiving it pickled; only each item goes out and each result comes back. The
work may be any callable, a closure included: it is left where the workers will find it (`_WORK`),
never pickled.
"""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

_WORK: Callable[[Any], Any] | None = None  # what forked workers inherit


def can_fork() -> bool:
    return "fork" in mp.get_all_start_methods()


def fork_map(work: Callable[[Item], Result], items: Iterable[Item], workers: int,
             ordered: bool = True) -> Iterator[Result]:
    """`work` over `items`, in `workers` forked processes (in this one, where `workers` is 1 or the
    machine cannot fork); the results in the items' order, or as they come (`ordered=False`).
    Stopping the iteration stops the workers."""
    global _WORK
    if workers <= 1 or not can_fork():
        yield from map(work, items)
        return
    _WORK = work
    try:
        with mp.get_context("fork").Pool(workers) as pool:
            yield from (pool.imap if ordered else pool.imap_unordered)(_run, items)
    finally:
        _WORK = None


def _run(item: Any) -> Any:
    assert _WORK is not None
    return _WORK(item)
