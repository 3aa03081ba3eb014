"""The only module that writes the site: the new site goes into a fresh directory beside the old one
and is swapped in whole, so a failed or killed build never leaves a half-written site behind.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import errno
import functools
import itertools
import os
import shutil
import stat
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import BuildError, ExitCode, Problem
from .listing_ahead import ListingAhead, changed_directories

_RENAME_EXCHANGE = 2  # from <linux/fs.h>
_AT_FDCWD = -100


class Staging:
    """The next site, written beside the current one, then swapped in whole by `commit`.

    It is written in the *spare*: the site before the current one, which the last swap left beside
    it (`.site.spare`). Only what differs from the spare is written, so a rebuild costs what changed,
    not the size of the site; and the current site is never touched until the atomic swap
    (renameat2 RENAME_EXCHANGE on Linux), after which the current site becomes the spare. When there
    is no trustworthy spare (the first build, a killed build, a deleted cache), it starts as a copy
    of the current site made of hard links, or empty.

    `put` replaces a file only when its bytes differ, through a new file (a hard link to the
    current site's copy when that one already holds the bytes, so the file keeps its time and a
    sync uploads only what changed). `keep` says a file is still right. At `commit`, what the
    baseline held and this build did not write is removed (a deleted document's page). As a
    context manager it makes sure that a failure before the commit leaves the current site alone.
    """

    def __init__(self, output: Path, spare_files: Iterable[str] | None,
                 current_files: Iterable[str] | None, current_listing: Listing | None = None,
                 spare_listing: Listing | None = None, ahead: ListingAhead | None = None) -> None:
        """`spare_files`: what the spare holds, if it is known to be intact; `current_files`: what
        the last build wrote into the current site, if known; `current_listing`: its directories'
        times and the files put there by hand, as the last build left them; `spare_listing`: the
        same of the spare, from when it was the current site; `ahead`: the helper that checks the
        listings' directories beside this process (the engine kept warm's), which may have been
        asked about the spare's already."""
        self.output = output.absolute()
        self.path = spare_path(self.output)
        self._spare = str(self.path)
        self._spare_files = set(spare_files) if spare_files is not None else None
        self._current_files = set(current_files) if current_files is not None else None
        self._current_listing = current_listing
        self._spare_listing = spare_listing
        self._ahead = ahead
        # The spare's directories that hold what its listing says (see keep), once it is the baseline.
        self._unchanged: set[str] = set()
        # The baseline's files by their first directory, then by their first two levels.
        self._trees: dict[str, dict[str, list[str]]] = {}
        self.baseline = "none"  # what the staging started from: "spare", "current" or "none"
        self.baseline_files: set[str] | None = None  # what the build before put in it, if known
        self.written: set[str] = set()
        self.changed: set[str] = set()
        self._output_exists = self.output.is_dir()
        # Where remove_tree puts what it removes until empty_trash; a killed build's is one of
        # _remove_leftovers' (its name ends in the process's id).
        self.trash = self.output.with_name(f".{self.output.name}.trash-{os.getpid()}")
        self._trashed = itertools.count()  # (the search indexer's threads remove trees too)

    def __enter__(self) -> Staging:
        _remove_leftovers(self.output)
        shutil.rmtree(self.path.with_name(self.path.name + ".partial"), ignore_errors=True)
        try:
            if self._spare_files is not None and self.path.is_dir():
                self.baseline, self.baseline_files = "spare", self._spare_files
                if self._spare_listing is not None:  # before anything is written into it
                    self._unchanged = self._unchanged_of(self.path, self._spare_listing)
            else:
                shutil.rmtree(self.path, ignore_errors=True)
                if self.output.is_dir():
                    _clone(self.output, self.path)
                    self.baseline, self.baseline_files = "current", self._current_files
                else:
                    self.path.mkdir(parents=True)
                    self.baseline_files = set()  # it starts empty
        except OSError as exc:
            self.discard()
            raise _write_error(self.output, exc) from exc
        if self._ahead is not None and self._output_exists:
            # The current site's directories, checked while this build renders (for _hand_placed).
            # A file put there by hand meanwhile is not carried over by this build, but not lost:
            # the swap leaves it in the new spare, which the next build starts from, so it is in
            # the site again after that build (as a file put into the spare is).
            self._ahead.ask(self.output, self._current_listing)
        return self

    def __exit__(self, kind: object, error: BaseException | None, traceback: object) -> None:
        if error is not None:
            self.discard()
            if isinstance(error, OSError):
                raise _write_error(self.output, error) from error

    def discard(self) -> None:
        """Give up: the half-written spare is removed, and the next build starts afresh."""
        shutil.rmtree(self.path, ignore_errors=True)
        self.empty_trash()

    def empty_trash(self) -> None:
        """Delete what remove_tree set aside: for the build to call once it has answered."""
        shutil.rmtree(self.trash, ignore_errors=True)

    def put(self, rel: str, data: bytes) -> bool:
        """Make `rel` hold `data`; True when that differs from the current site's file."""
        _refuse_outside(rel)
        self.written.add(rel)
        # A string, not a Path, and os.write, not a file object: a cold build writes each of its
        # files here (714,000 at 100,000 documents), so 18.4 us a file where it took 28.7 (the
        # 10k site's first 40,000 files written again, on tmpfs; RESULTS.md, issue 12).
        target = f"{self._spare}/{rel}"
        changed = True
        if self._output_exists:
            current = self.output / rel
            changed = not _holds(current, data)
            if not changed and _link(current, Path(target)):
                return False  # the current site's file is right: share it, and its time
        try:
            # A file that is not there yet is written directly: nothing can be reading it, and
            # a rename per file doubles the cost of a cold build on ext4.
            descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileNotFoundError:
            os.makedirs(os.path.dirname(target), exist_ok=True)
            descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            if not _holds(Path(target), data):
                _rewrite(Path(target), data)
            descriptor = None
        if descriptor is not None:
            _write_new(descriptor, data)
        if changed:
            self.changed.add(rel)
        return changed

    def keep(self, rel: str) -> bool:
        """Carry `rel` over as the baseline has it; False when the baseline has no such file."""
        if self.baseline == "none":
            return False
        if rel.rpartition("/")[0] in self._unchanged:
            # A directory whose time is the one its listing recorded has had no entry made or
            # removed since: it holds what the spare's manifest says, and the file need not be
            # looked for (0.45 s of stat for 91,000 pages at 10,000 documents).
            if rel not in self.baseline_files:  # type: ignore[operator]  # set with the spare
                return False
        # A string, not a Path: 0.10 s against 0.26 s for 20,000 pages, called once for each page.
        elif not os.path.isfile(f"{self._spare}/{rel}"):
            return False
        self.written.add(rel)
        return True

    def settled_times(self) -> dict[str, int]:
        """The recorded times of the spare's directories that were unchanged when this build began
        with it (for Listing.of)."""
        if self._spare_listing is None:
            return {}
        return {directory: self._spare_listing.directories[directory] for directory in self._unchanged}

    def carry(self, rel: str) -> bool:
        """Take the current site's `rel` as it is (a hard link): for a file the last build wrote
        and this one would write the same; False when it cannot."""
        if not self._output_exists or not _link(self.output / rel, _inside(self.path, rel)):
            return False
        self.written.add(rel)
        return True

    def carry_tree(self, prefix: str) -> bool:
        """As `carry`, for every file the current site has under `prefix/` (a search index part):
        the spare's copy removed, and the current one's files linked into a new directory (a part
        of 264 files at 1,000 documents: 6 ms, against 19 ms file by file through `carry`)."""
        root = self.output / prefix
        if not self._output_exists or not root.is_dir():
            return False
        self.remove_tree(prefix)
        target = _inside(self.path, prefix)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            linked = _link_tree(str(root), str(target))
        except OSError:
            return False  # (what was linked is removed when the part is indexed instead)
        self.written.update(f"{prefix}/{rel}" for rel in linked)
        return True

    def keep_tree(self, prefix: str) -> bool:
        """Carry over every file the previous site has under `prefix/` (a search index part): as
        the baseline's manifest lists them where it is known (35 parts listed with find took 0.38 s
        at 10,000 documents), else as found there."""
        root = self.path / prefix
        if self.baseline == "none" or not root.is_dir():
            return False
        if self.baseline_files is None or prefix.count("/") != 1:
            self.written.update(f"{prefix}/{rel}" for rel in _files(root))
            return True
        top = prefix.partition("/")[0] + "/"
        if top not in self._trees:
            # Only the files under the prefix's first directory are sorted out (a search index
            # part's: 18,000 of 110,000 at 10,000 documents).
            self._trees[top] = trees = defaultdict(list)
            for rel in self.baseline_files:
                if rel.startswith(top):
                    parts = rel.split("/", 2)
                    if len(parts) == 3:
                        trees[f"{parts[0]}/{parts[1]}"].append(rel)
        self.written.update(self._trees[top].get(prefix, ()))
        return True

    def remove_tree(self, prefix: str) -> None:
        """Clear `prefix/` before a tool (the search indexer) writes it afresh, or the current
        site's copy is linked in (carry_tree). It is moved out of the site, into the trash, for
        empty_trash to delete after the build has answered: deleting a search index part of 264
        files took 31-40 ms of an edit's build at 1,000 documents (10-12 ms of it CPU, beside the
        Pagefind being fed), where the move takes one rename (RESULTS.md, issue 12)."""
        tree = self.path / prefix
        if not tree.is_dir():
            return
        try:
            self.trash.mkdir(exist_ok=True)
            os.rename(tree, self.trash / str(next(self._trashed)))
        except OSError:
            shutil.rmtree(tree, ignore_errors=True)

    def adopt_tree(self, prefix: str) -> None:
        """Count every file a tool wrote under `prefix/` as written, and changed where it differs
        from the previous site's."""
        for rel in _files(self.path / prefix):
            full = f"{prefix}/{rel}"
            self.written.add(full)
            old = self.output / full
            try:
                if old.read_bytes() == (self.path / full).read_bytes():
                    # Same bytes as before: link to the old file so it keeps its time.
                    temporary = self.path / f"{full}.{os.getpid()}.link"
                    os.link(old, temporary)
                    os.replace(temporary, self.path / full)
                    continue
            except OSError:
                pass
            self.changed.add(full)

    def copy_tree(self, source: Path, prefix: str) -> None:
        """Put every file under `source` at `prefix/...` (static files)."""
        for path in sorted(source.rglob("*")):
            if path.is_file():
                rel = path.relative_to(source).as_posix()
                self.put(f"{prefix}/{rel}" if prefix else rel, path.read_bytes())

    def record(self, written: Iterable[str], changed: Iterable[str]) -> None:
        """Take in what another process wrote into this staging directory."""
        self.written.update(written)
        self.changed.update(changed)

    def _hand_placed(self) -> set[str]:
        """Files in the current site that no build wrote (put there by hand)."""
        if self._current_files is None or not self._output_exists:
            return set()
        listing = self._current_listing
        listed = _files(self.output) if listing is None else listing.files_since(
            self.output, self._unchanged_of(self.output, listing))
        return {rel for rel in listed if rel not in self._current_files and rel not in self.written}

    def _unchanged_of(self, root: Path, listing: Listing) -> set[str]:
        """listing.unchanged(root), as the helper found it if there is one (it looks if not asked)."""
        return listing.unchanged(root) if self._ahead is None else self._ahead.unchanged(root, listing)

    def _stale(self, kept: set[str]) -> set[str]:
        """What the staging directory holds from the baseline that this build does not make."""
        if self.baseline_files is None:
            return {rel for rel in _files(self.path) if rel not in self.written and rel not in kept}
        return self.baseline_files - self.written - kept

    def _remove(self, stale: set[str]) -> None:
        for rel in stale:
            with contextlib.suppress(FileNotFoundError):
                (self.path / rel).unlink()
        _remove_empty_dirs(self.path, {rel.rpartition("/")[0] for rel in stale})

    def commit(self) -> WriteReport:
        """Remove what is stale, swap the new site in (the current one becomes the spare).

        Files in the current site that no build wrote (put there by hand) are carried into the new
        site and reported; when there is no record of what the last build wrote, everything this
        build did not write is removed, and reported.
        """
        kept = self._hand_placed()
        for rel in kept:
            if not (self.path / rel).exists():
                _link(self.output / rel, self.path / rel)
        stale = self._stale(kept) - self.written - kept
        self._remove(stale)
        # Removed, as the reader sees it: in the current site, and not in the new one.
        gone = stale if self._current_files is None else self._current_files - self.written - kept
        removed = {rel for rel in gone if (self.output / rel).is_file()}
        _swap_in(self.path, self.output)
        return WriteReport(files=len(self.written), changed=len(self.changed | removed),
                           removed=tuple(sorted(removed)), kept=tuple(sorted(kept)),
                           unknown_previous=self.baseline_files is None and bool(removed))


def patch_site(output: Path, files: dict[str, bytes], removed: Iterable[str]) -> int:
    """Change the current site in place, file by file (for the engine's patches after an edit,
    where a swap of the whole site would cost more than the edit): each file that differs
    is replaced through a new file, never written in place, since the current site shares its files
    with the spare as hard links. Returns how many files changed."""
    output = output.absolute()
    changed = 0
    try:
        for rel, data in files.items():
            target = _inside(output, rel)
            if _holds(target, data):
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
            temporary.write_bytes(data)
            os.replace(temporary, target)
            changed += 1
        gone = [rel for rel in removed if _inside(output, rel).is_file()]
        for rel in gone:
            (output / rel).unlink()
        _remove_empty_dirs(output, {rel.rpartition("/")[0] for rel in gone})
    except OSError as exc:
        raise _write_error(output, exc) from exc
    return changed + len(gone)


class Trees:
    """Directories that a tool (the search indexer) makes beside the current site and that are then
    swapped into it whole, one by one: how serve's engine brings the search index up to date in
    the site it serves without building the site again. `remove_tree` and `adopt_tree` are what
    the indexer asks of a Staging."""

    def __init__(self, output: Path, name: str = "trees") -> None:
        self.output = output.absolute()
        self.path = self.output.with_name(f".{self.output.name}.{name}")
        self.made: list[str] = []

    def __enter__(self) -> Trees:
        shutil.rmtree(self.path, ignore_errors=True)
        self.path.mkdir(parents=True)
        return self

    def __exit__(self, *exc: object) -> None:
        shutil.rmtree(self.path, ignore_errors=True)

    def remove_tree(self, prefix: str) -> None:
        shutil.rmtree(self.path / prefix, ignore_errors=True)

    def adopt_tree(self, prefix: str) -> None:
        self.made.append(prefix)

    def move_into(self, staging: Staging) -> None:
        """Move each directory made into the staging site, as if written there."""
        try:
            for prefix in self.made:
                staging.remove_tree(prefix)
                target = _inside(staging.path, prefix)
                target.parent.mkdir(parents=True, exist_ok=True)
                os.rename(self.path / prefix, target)
                staging.adopt_tree(prefix)
        except OSError as exc:
            raise _write_error(self.output, exc) from exc
        self.made = []

    def commit(self, removed: Iterable[str]) -> tuple[set[str], set[str]]:
        """Swap each directory made into the site (atomically where renameat2 can) and remove the
        `removed` ones; returns the files the site gained and those it lost."""
        gained: set[str] = set()
        lost: set[str] = set()
        try:
            for prefix in self.made:
                new, old = self.path / prefix, _inside(self.output, prefix)
                gained |= {f"{prefix}/{rel}" for rel in _files(new)}
                if old.is_dir():
                    lost |= {f"{prefix}/{rel}" for rel in _files(old)}
                    if not _exchange(new, old):
                        aside = new.with_name(new.name + ".old")
                        os.rename(old, aside)
                        os.rename(new, old)
                else:
                    old.parent.mkdir(parents=True, exist_ok=True)
                    os.rename(new, old)
            self.made = []
            for prefix in removed:
                old = _inside(self.output, prefix)
                lost |= {f"{prefix}/{rel}" for rel in _files(old)}
                shutil.rmtree(old, ignore_errors=True)
        except OSError as exc:
            raise _write_error(self.output, exc) from exc
        return gained, lost - gained


def prepare_spare_later(output: Path, lock: Path, held: int | None = None) -> None:
    """Copy the new site into the spare as hard links, in a process of its own, after this build.

    A first build leaves no previous site to become the spare, so the next build would have to
    make that copy before it could write anything (seconds, for tens of thousands of pages). The
    copy is made now, in the background, holding the build lock, so that a build started meanwhile
    waits for it rather than racing it; the spare only appears, by a rename, once complete. A site
    that was there before, which no manifest describes, is what the swap left as the spare: it is
    removed first (only where the lock was handed over, so no other build came between). `held`:
    the descriptor through which this build holds the lock (cache.held_lock), which the copy is
    given, so that it holds the lock from the start: nothing can take the lock between this build
    and the copy (a benchmark's next build did, and then waited for the copy inside its own time).
    """
    if not shutil.which("cp"):
        return
    # The lock file is checked to be the one it locked, before and after the copy: if the site
    # and its cache were deleted meanwhile (and maybe built again), there is nothing to copy.
    script = (
        "import fcntl, os, shutil, subprocess, sys\n"
        "output, spare, lock, held = sys.argv[1:]\n"
        "def ours(handle):\n"
        "    try:\n"
        "        return os.stat(lock).st_ino == os.fstat(handle.fileno()).st_ino\n"
        "    except OSError:\n"
        "        return False\n"
        "handle = os.fdopen(int(held), 'r+') if held else open(lock, 'r+')\n"  # never made again
        "with handle:\n"
        "    fcntl.flock(handle, fcntl.LOCK_EX)\n"  # held already, where it was handed over
        "    partial = spare + '.partial'\n"
        "    if ours(handle):\n"
        "        shutil.rmtree(partial, ignore_errors=True)\n"
        "        if held:\n"  # the site the build replaced, if it swapped one: nothing to keep
        "            shutil.rmtree(spare, ignore_errors=True)\n"
        "    if ours(handle) and not os.path.exists(spare) and os.path.isdir(output) and subprocess.run(\n"
        "            ['cp', '-al', output, partial], capture_output=True).returncode == 0 and ours(handle):\n"
        "        os.rename(partial, spare)\n"
        "    if ours(handle):\n"
        "        shutil.rmtree(partial, ignore_errors=True)\n"
    )
    with contextlib.suppress(OSError):
        subprocess.Popen([sys.executable, "-c", script, str(output), str(spare_path(output)), str(lock),
                          "" if held is None else str(held)],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                         start_new_session=True, pass_fds=() if held is None else (held,))


def spare_path(output: Path) -> Path:
    """Where the site before the current one is kept, to be brought up to date by the next build."""
    return output.parent / f".{output.name}.spare"


def _link(current: Path, target: Path) -> bool:
    """Make `target` a hard link to `current` (replacing whatever `target` was); False on failure."""
    try:
        if target.exists() and os.path.samefile(current, target):
            return True
        temporary = target.with_name(f".{target.name}.{os.getpid()}.link")
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(current, temporary)
        os.replace(temporary, target)
    except OSError:
        return False
    return True


def _link_tree(source: str, target: str) -> list[str]:
    """Make `target` (which must not exist) a copy of the directory `source` made of hard links;
    the files linked, relative to it."""
    linked = []
    os.mkdir(target)
    stack = [(source, target, "")]
    while stack:
        here, there, prefix = stack.pop()
        for entry in os.scandir(here):
            if entry.is_dir(follow_symlinks=False):
                os.mkdir(f"{there}/{entry.name}")
                stack.append((entry.path, f"{there}/{entry.name}", f"{prefix}{entry.name}/"))
            else:
                os.link(entry.path, f"{there}/{entry.name}", follow_symlinks=False)
                linked.append(prefix + entry.name)
    return linked


def _rewrite(target: Path, data: bytes) -> None:
    """Make the spare's file `target` hold `data`. In place where no other name links its inode
    (the spare's own older version of a page the last build changed too: a patch's home page, its
    lists, its open data), so that no inode is made or freed: on ext4 each inode freed makes the
    next minute's new files dearer (bench.py's `discard` says why), and an editor's saves come
    seconds apart. A hard link into the current site is never written in place: through a new file."""
    try:
        descriptor = os.open(target, os.O_WRONLY | os.O_NOFOLLOW)
    except OSError:
        descriptor = None
    if descriptor is not None:
        with os.fdopen(descriptor, "wb") as handle:
            info = os.fstat(descriptor)
            if info.st_nlink == 1 and stat.S_ISREG(info.st_mode):
                handle.truncate(0)
                handle.write(data)
                return
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temporary.write_bytes(data)
    os.replace(temporary, target)


def _holds(path: Path, data: bytes) -> bool:
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


RACY_NS = 1_000_000_000  # how recent a directory's time is too recent to trust (Listing.of)


@dataclass(frozen=True)
class Listing:
    """What the next build needs to find the files put into a site by hand without listing the
    whole site (0.76-0.96 s at 10,000 documents, against 0.12 s to stat its 39,000 directories): each
    directory's time as the build left it, since a directory's time changes when an entry is made in
    it or removed, and the files put there by hand that the build found."""

    directories: dict[str, int]  # directory, relative to the site ("" for its root) -> st_mtime_ns
    by_hand: tuple[str, ...]

    @classmethod
    def of(cls, root: Path, files: Iterable[str], by_hand: Iterable[str],
           settled: dict[str, int] | None = None) -> Listing:
        """The directories of `files` (and of their parents) as they are now. A time within a
        second of now is recorded as unknown (0): an entry made in the same tick of the file
        system's clock would leave it unchanged (as git's index treats such files as "racy").

        `settled`: times already known, of directories that held the same entries when they were
        recorded (Staging.settled_times), recorded again without a stat. Should a build have changed
        one of them since, its time is now another, and the next build sees it changed: the
        listing can be too cautious this way, never too trusting."""
        by_hand = tuple(sorted(by_hand))
        directories = {""}
        for rel in (*files, *by_hand):
            parent = rel.rpartition("/")[0]
            while parent not in directories:
                directories.add(parent)
                parent = parent.rpartition("/")[0]
        root_text = str(root)
        racy = time.time_ns() - RACY_NS
        settled = settled or {}
        times = {}
        for directory in directories:
            if directory in settled:
                times[directory] = settled[directory]
                continue
            with contextlib.suppress(OSError):
                mtime = os.stat(f"{root_text}/{directory}" if directory else root_text).st_mtime_ns
                times[directory] = mtime if mtime < racy else 0
        return cls(times, by_hand)

    def unchanged(self, root: Path) -> set[str]:
        """The directories under `root` whose time is still the one recorded (not unknown): no
        entry was made or removed in them since."""
        return self.directories.keys() - set(changed_directories(str(root), self.directories))

    def files_since(self, root: Path, unchanged: set[str] | None = None) -> list[str]:
        """The files now under `root` that may not have been there when it was listed: those
        in every directory whose time changed (new directories whole), and the files put there by
        hand before, where they still are. `unchanged`: what `unchanged(root)` found, if known."""
        root_text = str(root)
        under = f"{root_text}/"
        found = []
        unchanged = self.unchanged(root) if unchanged is None else unchanged
        for directory in self.directories.keys() - unchanged:
            path = under + directory if directory else root_text
            try:
                entries = list(os.scandir(path))
            except OSError:
                continue  # gone, and its files with it
            prefix = f"{directory}/" if directory else ""
            for entry in entries:
                if not entry.is_dir():
                    found.append(prefix + entry.name)
                elif entry.is_dir(follow_symlinks=False) and prefix + entry.name not in self.directories:
                    found.extend(f"{prefix}{entry.name}/{rel}" for rel in _files(Path(entry.path)))
        found.extend(rel for rel in self.by_hand if os.path.lexists(f"{root_text}/{rel}"))
        return found


@dataclass(frozen=True)
class WriteReport:
    """What the new site holds and how it differs from the previous one."""

    files: int  # files this build wrote or carried over
    changed: int  # files new, changed or removed since the previous site
    removed: tuple[str, ...] = ()  # files of the previous site that this build does not make
    kept: tuple[str, ...] = ()  # files no build wrote (put there by hand), left in place
    unknown_previous: bool = False  # no record of the previous build, so `removed` may hold files
    # that were put there by hand


def _write_error(output: Path, exc: OSError) -> BuildError:
    return BuildError([Problem(str(output), 0, "", f"could not write the site: {exc}",
                               "check free disk space and permissions; the previous site is "
                               "unchanged")], ExitCode.OUTPUT)


def _clone(source: Path, target: Path) -> None:
    """Copy a directory tree as hard links: `cp -al` where there is one, else file by file."""
    if shutil.which("cp") and subprocess.run(["cp", "-al", str(source), str(target)],
                                             capture_output=True, check=False).returncode == 0:
        return
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target, copy_function=_link_or_copy)


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _files(root: Path) -> list[str]:
    """Every file under `root`, relative to it. GNU find lists a site twice as fast as os.walk
    (0.57 s against 1.14 s for the 57,000 files of a 10,000-document site), and a rebuild lists the
    current site to find files put there by hand."""
    if root.is_dir() and shutil.which("find"):
        # Whatever is not a directory, symbolic links included, as os.walk lists it.
        done = subprocess.run(["find", ".", "-mindepth", "1", "!", "-xtype", "d", "-printf", "%P\\0"],
                              cwd=root, capture_output=True, check=False)
        if done.returncode == 0:
            return [os.fsdecode(name) for name in done.stdout.split(b"\0") if name]
    found = []
    for dirpath, _dirnames, filenames in os.walk(root):
        base = os.path.relpath(dirpath, root)
        found.extend(name if base == "." else f"{base}/{name}" for name in filenames)
    return found


def _remove_empty_dirs(root: Path, candidates: Iterable[str]) -> None:
    """Remove the directories (and their parents) that removing files left empty."""
    for rel in sorted(candidates, key=lambda r: -r.count("/")):
        while rel:
            try:
                os.rmdir(root / rel)  # only succeeds when empty
            except OSError:
                break
            rel = rel.rpartition("/")[0]


def _inside(root: Path, rel: str) -> Path:
    """`root/rel`, refusing any path that could land outside `root`."""
    _refuse_outside(rel)
    return root / rel


def _refuse_outside(rel: str) -> None:
    """Raise BuildError if `rel` could land outside the directory it is relative to."""
    parts = rel.split("/")
    if not rel or rel.startswith("/") or "\\" in rel or ".." in parts or "" in parts[:-1] or "\0" in rel:
        raise BuildError([Problem(rel, 0, "", "a page would be written outside the output directory",
                                  "this is a bug in a slug or URL: please report it")], ExitCode.OUTPUT)


def _write_new(descriptor: int, data: bytes) -> None:
    """Write `data` to the new file open at `descriptor`, and close it."""
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view):]
    finally:
        os.close(descriptor)


def _swap_in(staging: Path, output: Path) -> None:
    """Put `staging` at `output` in one step; the previous site is left at `staging`'s path."""
    if not output.exists() and not output.is_symlink():
        os.rename(staging, output)
        return
    if not output.is_dir():
        raise OSError(errno.ENOTDIR, f"{output} exists and is not a directory")
    if _exchange(staging, output):
        return
    # No atomic exchange here (not Linux, or a filesystem without it): two renames, and a
    # leftover '.old' is put back by the next build if we are killed between them.
    old = output.parent / f".{output.name}.old-{os.getpid()}"
    os.rename(output, old)
    os.rename(staging, output)
    os.rename(old, staging)


@functools.cache
def _renameat2() -> Any:
    """libc's renameat2, if there is one: found once (find_library runs `ldconfig -p`, 2-3 ms, and
    an edit kept warm swaps twice)."""
    name = ctypes.util.find_library("c")
    return getattr(ctypes.CDLL(name, use_errno=True), "renameat2", None) if name else None


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two directories with renameat2(RENAME_EXCHANGE); False if unsupported."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _remove_leftovers(output: Path) -> None:
    """Clear staging directories of builds that were killed, and restore a site lost mid-swap."""
    if not output.parent.is_dir():
        return
    for path in sorted(output.parent.glob(f".{output.name}.*-*")):
        kind, _, pid = path.name.rpartition("-")
        if not pid.isdigit() or _alive(int(pid)):
            continue
        if kind.endswith(".old") and not output.exists():
            os.rename(path, output)
        else:
            shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
