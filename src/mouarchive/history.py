"""The content's history: every commit that touched content/, read from git with one call a build.

Part of the loader (only the loader reads content). `git log --raw` gives, for each commit, the
files it changed with the blob each became, so one call tells both a file's history and what its
newest committed version is: a file whose bytes are not that blob (or that was never committed) has
changes not committed, and its page does not claim a date of last change it no longer matches. A
renamed file keeps the history of its old name (the `R` entries are followed back, newest first). A
file's digest is its blob id (sources.file_digest), so nothing is read again to compare. Without
git, outside a work tree, or with nothing committed, there is no history, and `History.why` says
why, once.

The repository's HEAD is read from `.git` without running git (`head_stamp`): the "nothing
changed" answer (report.py) and the engine compare it, so a commit that changes no content file
still rebuilds the pages whose history it changes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import unicodedata
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

FORMAT = "%x1e%H%x1f%cI%x1f%s"  # commit, committer date (strict ISO 8601), subject (one line)


@dataclass(frozen=True)
class Change:
    """One commit as the archive shows it: when it was made, its subject, the content files it touched."""

    commit: str
    when: datetime  # the committer's date, with its offset
    subject: str  # untrusted text, one line
    files: tuple[str, ...]  # as named in that commit (`content/...`)


@dataclass(frozen=True)
class History:
    """The content's history: every change, newest first, and each current file's share of it."""

    changes: tuple[Change, ...] = ()
    of_file: dict[str, tuple[Change, ...]] = field(default_factory=dict)  # current path -> its changes
    committed: dict[str, str] = field(default_factory=dict)  # current path -> its newest blob
    # Files whose bytes are not what their newest commit made, or that were never committed.
    uncommitted: frozenset[str] = frozenset()
    head: str = ""  # head_stamp when read
    why: str = ""  # why there is no history, when there is none

    def of(self, path: str) -> tuple[Change, ...]:
        return self.of_file.get(path, ())

    def last_changed(self, path: str) -> Change | None:
        """The change that made the file as it is, or None when its bytes are not committed."""
        changes = self.of_file.get(path)
        return changes[0] if changes and path not in self.uncommitted else None

    def without(self, held: Collection[str]) -> History:
        """The history a published site shows: no commit that touched a held-back document (its
        subject or file names could tell what is held back)."""
        if not held:
            return self
        hidden = {c.commit for path in held for c in self.of_file.get(path, ())}
        if not hidden:
            return self
        return replace(self, changes=tuple(c for c in self.changes if c.commit not in hidden),
                       of_file={path: kept for path, changes in self.of_file.items() if path not in held
                                if (kept := tuple(c for c in changes if c.commit not in hidden))})

    def with_files(self, blobs: dict[str, str | None]) -> History:
        """This history with the named files' blob ids as they are (None: gone) compared with
        what is committed."""
        uncommitted = set(self.uncommitted)
        for path, blob in blobs.items():
            uncommitted.discard(path)
            if blob is not None and self.committed.get(path) != blob:
                uncommitted.add(path)
        return replace(self, uncommitted=frozenset(uncommitted))


def read_history(content_dir: Path, label: str, digests: Mapping[str, str]) -> History:
    """The history of `content_dir`'s files; `digests` are the documents' (`label/...`: their git
    blob ids, sources.file_digest), compared with what is committed."""
    head = head_stamp(content_dir)
    git = shutil.which("git")
    if git is None:
        return History(head=head, why="git is not installed: pages show no history")
    try:
        done = subprocess.run(
            # Settings that would change what log prints, set as it is read here, whatever the
            # editor's configuration says.
            [git, "-c", "log.follow=false", "-c", "log.showRoot=true", "-c", "log.showSignature=false",
             "log", "--no-color", "--raw", "--no-abbrev", "-M", "--relative", "-z", f"--format={FORMAT}",
             "--", "."],
            cwd=content_dir, capture_output=True, check=False, timeout=120,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"})
    except (OSError, subprocess.SubprocessError) as exc:
        return History(head=head, why=f"git could not be run ({exc}): pages show no history")
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip().splitlines()
        first = reason[0] if reason else f"git log exited with {done.returncode}"
        if "not a git repository" in first:
            first = f"{label}/ is not in a git repository"
        elif "does not have any commits" in first:
            first = "nothing is committed yet"
        return History(head=head, why=f"{first}: pages show no history")
    history = parse_log(done.stdout.decode("utf-8", "replace"), label)
    if not history.changes:
        return replace(history, head=head, why=f"no commit touches {label}/ yet: pages show no history")
    return replace(history.with_files(dict(digests)), head=head)


def parse_log(text: str, label: str) -> History:
    """`git log --raw -z` (FORMAT, newest first) read into a History: each change given to the file
    it is now, through renames."""
    changes: list[Change] = []
    of_file: dict[str, list[Change]] = {}
    committed: dict[str, str] = {}
    now_named: dict[str, str | None] = {}  # a name in older commits -> the file it is now (None: none)
    for record in text.split("\x1e")[1:]:
        header, _, rest = record.partition("\x00")
        commit, when, subject = [*header.split("\x1f", 2), "", ""][:3]
        tokens = rest.lstrip("\n").split("\x00")
        entries: list[tuple[str, str, tuple[str, ...]]] = []  # status, new blob, paths
        i = 0
        while i < len(tokens):
            meta = tokens[i]
            if not meta.startswith(":"):
                i += 1
                continue
            parts = meta.split()
            status, blob = parts[-1], parts[3]
            count = 2 if status[:1] in "RC" else 1
            entries.append((status, blob, tuple(f"{label}/{p}" for p in tokens[i + 1: i + 1 + count])))
            i += 1 + count
        if not entries or not when:
            continue
        change = Change(commit, datetime.fromisoformat(when), one_line(subject),
                        tuple(one_line(paths[-1]) for _status, _blob, paths in entries))
        changes.append(change)
        for status, blob, paths in entries:
            kind, name = status[:1], paths[-1]
            current = now_named.get(name, name)
            if kind == "D":  # the file deleted here is not one there is now
                now_named[name] = None
                continue
            if current is not None:
                of_file.setdefault(current, []).append(change)
                committed.setdefault(current, blob)
            if kind in "ARC":  # before this commit no file had this name, or another file did
                now_named[name] = None
            if kind == "R":
                now_named[paths[0]] = current
    # A deleted file's history is nobody's: only files with a newest blob are current.
    return History(changes=tuple(changes),
                   of_file={path: tuple(found) for path, found in of_file.items() if path in committed},
                   committed=committed)


def one_line(text: str) -> str:
    """Untrusted text from git as one line of text that HTML and XML can hold: whitespace runs made
    one space, control characters and the noncharacters XML forbids left out."""
    kept = "".join(ch for ch in text if ch.isspace() or not (
        unicodedata.category(ch) in ("Cc", "Cs") or ch in "\ufffe\uffff"))
    return " ".join(kept.split())


def head_stamp(directory: Path) -> str:
    """What HEAD names in the repository holding `directory` (a commit id, or the ref it points to
    and that ref's commit), read from its files; "" outside a repository. Cheap enough for a build
    with nothing to do, which must notice a new commit."""
    gitdir = _git_dir(directory.absolute())
    if gitdir is None:
        return ""
    try:
        head = (gitdir / "HEAD").read_text().strip()
        if not head.startswith("ref: "):
            return head
        ref = head[5:]
        common = gitdir
        if (gitdir / "commondir").is_file():
            common = (gitdir / (gitdir / "commondir").read_text().strip()).resolve()
        for place in (gitdir, common):
            if (place / ref).is_file():
                return f"{ref} {(place / ref).read_text().strip()}"
        packed = common / "packed-refs"
        if packed.is_file():
            for line in packed.read_text().splitlines():
                if line.endswith(" " + ref):
                    return f"{ref} {line.split()[0]}"
        return head  # a branch with no commit yet
    except OSError as exc:
        return f"unreadable {exc}"


def _git_dir(directory: Path) -> Path | None:
    """The repository directory git would find from `directory`, looking up as far as git does
    (not into a GIT_CEILING_DIRECTORIES directory)."""
    ceilings = {Path(p) for p in os.environ.get("GIT_CEILING_DIRECTORIES", "").split(os.pathsep) if p}
    for place in (directory, *directory.parents):
        if place in ceilings and place != directory:
            return None
        dot = place / ".git"
        if dot.is_dir():
            return dot
        if dot.is_file():  # a worktree's or submodule's: "gitdir: <path>"
            try:
                text = dot.read_text().strip()
            except OSError:
                return None
            if text.startswith("gitdir: "):
                return (place / text[8:]).resolve()
            return None
    return None


def history_note(history: History) -> str:
    """What the build says once about the history, when pages show less of it than they could."""
    if history.why:
        return history.why
    if history.uncommitted:
        n = len(history.uncommitted)
        what = f"{n} documents are" if n != 1 else "1 document is"
        return f"{what} not committed as saved: no page says when it was last changed until it is"
    return ""


def history_record(history: History, path: str) -> str:
    """What a page shows of a file's history, as a record's fingerprint (freshness.py): a commit
    id stands for its date, subject and files."""
    return "|".join((*(c.commit for c in history.of(path)), str(history.last_changed(path) is not None)))
