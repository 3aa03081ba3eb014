"""The directories a site's listing records, checked by a process of its own while the engine kept
warm patches (write.Listing, warm.py).

Before it writes, an edit's build asks which of the spare's directories still have the times its
listing recorded (Listing.unchanged), and before it swaps, which of the current site's do (for the
files put there by hand: Listing.files_since). Each is a stat of every directory of the site:
4,500 at 1,000 documents, 15 ms and 12 ms of a topics edit's 160 ms, on its critical path
(benchmarks/RESULTS.md, issue 12). Here a helper process makes those stats on the other core while
the engine patches and renders: the engine asks (`ask`) as soon as it knows what it will need, and
takes the answer (`unchanged`) where it needs it. A listing is sent to the helper once, when the
engine has it (`send`, after an edit has been answered), so that asking costs a few bytes.

The answer is what Listing.unchanged would have found at the moment the helper looked: the same
stats, made a little earlier. Should the helper be gone or late in a way it cannot answer, the
caller makes the stats itself, as without it.
"""

from __future__ import annotations

import marshal
import os
import subprocess
import sys
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .write import Listing

_KEPT = 2  # listings the helper holds: the current site's and the spare's (the last one before)


def changed_directories(root: str, directories: dict[str, int]) -> list[str]:
    """The directories of `directories` (relative to `root`, "" for itself, with the times recorded)
    whose time is unknown (0), is another now, or that are gone: those not to be trusted."""
    under = f"{root}/"
    changed = []
    stat = os.stat
    # A plain loop, a directory a stat (a `with` for each took a third as long again as the stat).
    for directory, mtime in directories.items():
        try:
            if mtime and stat(under + directory if directory else root).st_mtime_ns == mtime:
                continue
        except OSError:
            pass
        changed.append(directory)
    return changed


class ListingAhead:
    """The engine's side of the helper: one process, started by `start`, ended by `close`."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._sent: dict[int, Listing] = {}  # by id: each held here, so that no id is reused
        self._asked: dict[tuple[str, int], int] = {}  # (root, listing's id) -> the request's number
        self._early: dict[int, list[str] | None] = {}  # answers read before they were taken
        self._serial = self._last_read = 0  # the last request's number, and the last answer's

    def start(self) -> None:
        """The helper started, unless it runs. It imports nothing of this package but this module."""
        if self._process is not None and self._process.poll() is None:
            return
        self._forget()
        package_parent = str(Path(__file__).resolve().parent.parent)
        script = ("import sys; sys.path.insert(0, sys.argv[1]); "
                  "from mouarchive.listing_ahead import answer_requests; answer_requests()")
        try:
            self._process = subprocess.Popen([sys.executable, "-c", script, package_parent],
                                             stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                             stderr=subprocess.DEVNULL)
        except OSError:
            self._process = None

    def close(self) -> None:
        process, self._process = self._process, None
        self._forget()
        if process is None:
            return
        for stream in (process.stdin, process.stdout):
            if stream is not None:
                stream.close()
        try:
            process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def send(self, listing: Listing | None) -> None:
        """Hand `listing` to the helper ahead of the edits that will ask about it."""
        if listing is None or id(listing) in self._sent or self._process is None:
            return
        if len(self._sent) >= _KEPT:  # the oldest goes, here and there
            oldest = next(iter(self._sent))
            del self._sent[oldest]
            self._asked = {key: serial for key, serial in self._asked.items() if key[1] != oldest}
            self._tell(("forget", oldest))
        if self._tell(("listing", id(listing), listing.directories)):
            self._sent[id(listing)] = listing

    def ask(self, root: Path, listing: Listing | None) -> None:
        """Have the helper check `listing`'s directories under `root` now; `unchanged` answers."""
        if listing is None or self._process is None:
            return
        self.send(listing)
        if id(listing) not in self._sent:
            return
        self._serial += 1
        if self._tell(("check", self._serial, id(listing), str(root))):
            self._asked[str(root), id(listing)] = self._serial

    def forget_asked(self) -> None:
        """What was asked and not taken is not to be taken any more (a new build begins): its
        answer would say what the directories were before that build."""
        self._asked.clear()
        self._early.clear()

    def unchanged(self, root: Path, listing: Listing) -> set[str]:
        """Listing.unchanged(root), as the helper found it when asked, or found now if it was not
        asked (or cannot answer)."""
        serial = self._asked.pop((str(root), id(listing)), None)
        changed = self._answer(serial) if serial is not None else None
        if changed is None:
            return listing.unchanged(root)
        return listing.directories.keys() - set(changed)

    def _answer(self, serial: int) -> list[str] | None:
        """The answer to request `serial`. The answers come in the order asked: one read while
        waiting for a later one is kept if it is still asked for (see `_asked`), else dropped."""
        if serial in self._early:
            return self._early.pop(serial)
        process = self._process
        if process is None or process.stdout is None or serial <= self._last_read:
            return None
        try:
            while True:
                number, changed = marshal.load(process.stdout)
                self._last_read = number
                if number == serial:
                    return changed
                if number in self._asked.values():
                    self._early[number] = changed
        except (OSError, EOFError, ValueError, TypeError):
            self.close()
            return None

    def _tell(self, message: tuple[Any, ...]) -> bool:
        process = self._process
        if process is None or process.stdin is None:
            return False
        try:
            marshal.dump(message, process.stdin)
            process.stdin.flush()
        except (OSError, ValueError):
            self.close()
            return False
        return True

    def _forget(self) -> None:
        self._sent.clear()
        self.forget_asked()


def answer_requests(requests: IO[bytes] | None = None, answers: IO[bytes] | None = None) -> None:
    """The helper: reads requests (marshal) until its input ends, and answers each check with the
    directories not to be trusted."""
    requests = requests or sys.stdin.buffer
    answers = answers or sys.stdout.buffer
    listings: dict[int, dict[str, int]] = {}
    while True:
        try:
            message = marshal.load(requests)
        except (EOFError, ValueError):
            return
        if message[0] == "listing":
            listings[message[1]] = message[2]
        elif message[0] == "forget":
            listings.pop(message[1], None)
        elif message[0] == "check":
            _kind, serial, key, root = message
            directories = listings.get(key)  # (None where it was forgotten: the engine looks itself)
            marshal.dump((serial, None if directories is None else changed_directories(root, directories)),
                         answers)
            answers.flush()
