"""Work spread over forked processes, where the machine can fork.

A forked worker inherits what the parent holds (the vocabularies, the archive, the compiled
templates) instead of receiving it pickled; only each item goes out and each result comes back. The
work may be any callable, a closure included: it is left where the workers will find it (`_WORK`),
never pickled.

Items may come in groups whose work shares what a worker keeps between items (an interface
language's pages share its fragments, citation shapes and compiled templates). Each worker then
takes items of its own group while that group has any left, and only then helps with another's:
rendering the 10k benchmark site as shipped, dealt so, took 10% less CPU than with every worker
taking pages of both languages (45.7-46.9 s against 50.8-51.5 s: benchmarks/render_workers.py,
RESULTS.md, issue 12).

The caller may work too (`caller`), with one process fewer forked. A forked worker's copy of what
it inherited is shared only until it touches it: every object it reads has its reference count
written, and so its page copied. Rendering a site's lists reads the whole archive, so each worker
soon holds a copy of its own (the 100k benchmark site: the parent 1.3 GiB, each of two workers as
much). The caller, rendering between the results it takes, is one such copy fewer.
"""

from __future__ import annotations

import collections
import multiprocessing as mp
import os
import queue
import signal
import socket
import sys
import threading
from collections.abc import Callable, Hashable, Iterable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

_WORK: Callable[[Any], Any] | None = None  # what forked workers inherit
_AHEAD = 2  # items a worker holds at once, so that it never waits for the parent between two
# Results a worker may have waiting for the caller, beyond the one it is sending: where the caller
# is slower than the workers (writing to a slow disk), the workers then wait, rather than the
# caller holding every result that came meanwhile (the 10k site as shipped: the parent grew from
# 360 MiB to 600-800 MiB, and the build's peak from 930 MiB to 1.1-1.4 GiB, on a slow afternoon).
_WAITING = 2
# Where the caller works too, it takes a result only between items of its own, each a chunk of
# pages that may take it a second to render; meanwhile each worker's results wait here, and the
# worker goes on. With room for 2, the 100k site's worker waited 16 s of its 145 s to send.
_WAITING_FOR_CALLER = 16
# How many bytes of results a worker may send before the reader has read them (the kernel caps it,
# at net.core.wmem_max). A socket pair's default (208 KiB on Linux) holds a ninth of a chunk of the
# 100k site's pages: the worker then waited for the reader, which takes the interpreter's lock for
# each piece it reads. With both this and the room above, the 100k render took 131 s where it had
# taken 141 s, its worker busy 121 s of it; with either alone, 141-143 s (RESULTS.md, issue 12).
_SOCKET_BUFFER = 4 * 1024 * 1024
# While a pool runs with the caller working too, how long this process's threads may each keep the
# interpreter's lock while another waits for it. The reader thread hands a worker its next item as
# its result comes in, and takes the lock again at each piece of the result read from the pipe: at
# Python's 5 ms, behind a caller that renders, the 100k site's one worker waited a quarter of the
# render (121 s of CPU in 161 s); at 0.5 ms the render took 144 s. Where the caller only writes
# (the 10k site's two workers), it lets go of the lock at each write, and 0.5 ms cost 5% more CPU
# (RESULTS.md, issue 12).
_SWITCH = 0.0005


def can_fork() -> bool:
    return "fork" in mp.get_all_start_methods()


def fork_map(work: Callable[[Item], Result], items: Iterable[Item], workers: int,
             ordered: bool = True, group: Callable[[Item], Hashable] | None = None,
             caller: Hashable | None = None) -> Iterator[Result]:
    """`work` over `items`, in `workers` forked processes (in this one, where `workers` is 1 or the
    machine cannot fork); the results in the items' order, or as they come (`ordered=False`).
    `group`: items of one group go to one worker while they last (the module's docstring says why).
    `caller`: this process is one of the `workers` too, starting with that group's items, whenever
    no result is waiting for it (the module's docstring says why). Stopping the iteration stops the
    workers."""
    global _WORK
    if workers <= 1 or not can_fork():
        yield from map(work, items)
        return
    listed = list(items)
    if not listed:
        return
    groups: dict[Hashable, collections.deque[int]] = {}
    for index, item in enumerate(listed):
        groups.setdefault(group(item) if group else None, collections.deque()).append(index)
    _WORK = work
    if caller is None:
        pool = _Pool(listed, list(groups.values()), min(workers, len(listed)))
    else:  # its own group, or none (-1): it then helps with the largest
        pool = _Pool(listed, list(groups.values()), min(workers - 1, len(listed)),
                     list(groups).index(caller) if caller in groups else -1)
    switch = sys.getswitchinterval()
    if caller is not None:
        sys.setswitchinterval(_SWITCH)
    try:
        if not ordered:
            for _index, result in pool:
                yield result
            return
        waiting: dict[int, Any] = {}
        following = 0
        for index, result in pool:
            waiting[index] = result
            while following in waiting:
                yield waiting.pop(following)
                following += 1
    finally:
        pool.stop()
        sys.setswitchinterval(switch)
        _WORK = None


class _Pool:
    """Forked workers, each fed items of its own group, then of the group with the most left. A
    thread reads each result as it arrives and sends that worker its next item at once, so that no
    worker waits while the caller writes what came before."""

    def __init__(self, items: list[Any], groups: list[collections.deque[int]], workers: int,
                 caller: int | None = None) -> None:
        self.items, self.groups = items, groups
        self.caller = caller  # the group this process works on itself (-1: none of its own), or None
        self.taking = threading.Lock()  # this process and the reader both take items
        room = _WAITING if caller is None else _WAITING_FOR_CALLER
        self.results: queue.Queue[tuple[int, Any, BaseException | None]] = queue.Queue(room * workers)
        self.stopping = threading.Event()
        self.left = len(items)
        context = mp.get_context("fork")
        self.connections: list[Connection] = []
        self.processes = []
        self.home: dict[Connection, int] = {}
        self.held: dict[Connection, int] = {}
        for number in range(workers):
            mine, theirs = context.Pipe()
            _widen(theirs, socket.SO_SNDBUF)
            _widen(mine, socket.SO_RCVBUF)
            # The worker closes its copies of this process's ends (its own and earlier workers'), so
            # that it reads the end of its pipe, and leaves, when this process dies: else it would
            # outlive it, holding what it inherited (the build's lock among them).
            process = context.Process(target=_serve, args=(theirs, items, [*self.connections, mine]),
                                      daemon=True)  # not pickled: forked
            _start(process)
            theirs.close()
            self.connections.append(mine)
            self.processes.append(process)
            self.home[mine] = number % len(groups)
            self.held[mine] = 0
        for connection in self.connections:
            for _ in range(_AHEAD):
                self._feed(connection)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _take(self, home: int) -> int | None:
        """The next item of group `home`, or of the group with the most left; None when none is."""
        with self.taking:
            own = self.groups[home] if home >= 0 else None
            source = own if own else max(self.groups, key=len)
            return source.popleft() if source else None

    def _feed(self, connection: Connection) -> None:
        """Send the worker its next item, if any is left."""
        index = self._take(self.home[connection])
        if index is not None:
            connection.send(index)
            self.held[connection] += 1

    def _read(self) -> None:
        try:
            while busy := [c for c in self.connections if self.held[c]]:
                for connection in wait(busy):
                    index, result, failure = connection.recv()
                    self.held[connection] -= 1
                    if failure is None:
                        self._feed(connection)
                    self._put((index, result, failure))
        except (EOFError, OSError) as exc:  # a worker died, or stop() ended it
            self._put((-1, None, RuntimeError(f"a worker process stopped: {exc!r}")))

    def _put(self, result: tuple[int, Any, BaseException | None]) -> None:
        """Hand a result to the caller once it has room for it; or drop it, when the pool stops."""
        while not self.stopping.is_set():
            try:
                self.results.put(result, timeout=0.1)
                return
            except queue.Full:
                continue

    def _next(self) -> tuple[int, Any, BaseException | None]:
        """The next result: one waiting; else, where this process works too, one it makes itself
        while any item is left; else the next to come."""
        if self.caller is not None:
            try:
                return self.results.get_nowait()
            except queue.Empty:
                own = self._take(self.caller)
                if own is not None:
                    assert _WORK is not None
                    return own, _WORK(self.items[own]), None
        return self.results.get()

    def __iter__(self) -> Iterator[tuple[int, Any]]:
        while self.left:
            index, result, failure = self._next()
            if failure is not None:
                raise failure
            self.left -= 1
            yield index, result

    def stop(self) -> None:
        """Stop the workers, then the reader (which their ends' closing wakes), then the pipes: a
        pipe closed under the reader would fail it in the middle of a read."""
        self.stopping.set()  # (a reader waiting for room for a result no one will take gives up)
        for process in self.processes:
            if process.is_alive():
                process.terminate()
        for process in self.processes:
            process.join()
        self.reader.join()
        for connection in self.connections:
            connection.close()


def beside(work: Callable[[], None]) -> Callable[[], None]:
    """`work` started in a forked process, for what it leaves on disk; returned, a function that
    waits for it to end. Where the machine cannot fork, or no process can be started, nothing is
    (the caller's process does the work itself when it needs it). A failure of `work` is its own
    to drop: the process only ends."""
    if not can_fork():
        return lambda: None
    process = mp.get_context("fork").Process(target=_beside, args=(work,), daemon=True)
    try:
        _start(process)
    except OSError:  # no process to be had (a limit reached): the caller does without
        return lambda: None
    return process.join


def _start(process: mp.process.BaseProcess) -> None:
    """Fork `process`. Ctrl-C is this process's to handle (it stops the workers): a forked one
    starts with it blocked, and ignores it, rather than print a traceback from wherever it was."""
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        process.start()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)


def _beside(work: Callable[[], None]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    work()


def _widen(connection: Connection, option: int) -> None:
    """Give one end of a worker's socket pair a buffer of _SOCKET_BUFFER bytes (`option`: for
    sending or receiving), where the system allows it."""
    try:
        with socket.socket(fileno=os.dup(connection.fileno())) as end:
            end.setsockopt(socket.SOL_SOCKET, option, _SOCKET_BUFFER)
    except OSError:
        pass  # the default buffer works too, only slower


def _serve(connection: Connection, items: list[Any], parents: list[Connection]) -> None:
    """A worker: each index received, its item's result sent back (or what it raised)."""
    assert _WORK is not None
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # (a Ctrl-C pending since the start is dropped)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    for end in parents:
        end.close()
    try:
        while True:
            index = connection.recv()
            try:
                answer = (index, _WORK(items[index]), None)
            except Exception as exc:  # noqa: BLE001 - the parent raises it
                answer = (index, None, exc)
            connection.send(answer)
    except (EOFError, OSError):
        return  # the parent has gone, or is stopping the pool: leave without a traceback
