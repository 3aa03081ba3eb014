"""The content's files and their digests: what a build is made from, found without parsing it.

Light on purpose: a build that has nothing to do answers from this and the manifest alone, before
the modules that parse and render are imported.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Problems

PARTIES_FILE = "parties.yaml"
TOPICS_FILE = "topics.yaml"

# A file whose times are this close to when its digest was made may have changed again within the
# same tick of a coarse file system clock: it is hashed again (git's "racily clean" files).
RACY_NS = 2_000_000_000

Signature = tuple[int, int, int, int, int]  # size, mtime and ctime (ns), inode, device


@dataclass
class DigestMemo:
    """Each content file's digest with the stat of the file it was made from, kept in the cache
    between builds as git's index keeps them: while a file's size, times, inode and device are the
    same, so are its bytes (the kernel sets ctime on every change, and nothing can set it back), and
    its digest is not made again. Reading and hashing 10,000 files took 0.39-0.45 s; a stat each,
    about a tenth of that. `changed` says whether any digest was made, so the memo is to be saved."""

    digests: dict[str, tuple[Signature, str]] = field(default_factory=dict)
    since: int = 0  # time.time_ns() when these digests began to be made
    changed: bool = False


def original_digest(path: Path | str) -> str:
    """The SHA-256 of a file that is not a document (an original, which pages show with its
    SHA-256, so that a reader can check a copy with `sha256sum`); raises OSError."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def is_other_file(name: str) -> bool:
    """A file of the content directory that is neither a document nor a vocabulary, and not an
    editor's hidden or backup file: an original, which a document may name (documents.py)."""
    return not (name.endswith(".md") or name.startswith(".") or name.endswith("~")
                or name in (PARTIES_FILE, TOPICS_FILE))


def vocabulary_digests(sources: dict[str, str]) -> list[str]:
    """The digests of parties.yaml and topics.yaml among a content's digests: what every page shows."""
    return [digest for path, digest in sources.items()
            if path.rsplit("/", 1)[-1] in (PARTIES_FILE, TOPICS_FILE)]


def file_digest(path: Path | str) -> str | None:
    """The hash of a file's bytes, the key of everything cached about it; None if unreadable. It is
    git's blob id of the bytes (`git hash-object` with no filters), so that the history (history.py)
    can tell a file not committed as it is without reading it again: 0.3 s at 10,000 documents."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError:
        return None
    return hashlib.sha1(b"blob %d\x00" % len(data) + data, usedforsecurity=False).hexdigest()


def source_digests(content_dir: Path, label: str = "content",
                   memo: DigestMemo | None = None) -> dict[str, str]:
    """Every content file (documents and vocabularies, links and unreadable files included) with
    the hash of its bytes: if any of it changes, so does this. Other files (originals, which
    documents name: is_other_file) have their SHA-256, which the loader then need not make again.
    With a `memo`, a file whose stat is the one its digest was made from is not read again; the memo
    is brought up to date.

    Plain strings and scandir rather than pathlib: a build that has nothing to do spends most of
    its time here, once per file of the archive.
    """
    found: dict[str, str] = {}
    started = time.time_ns()
    known = memo.digests if memo is not None else {}
    trusted_before = (memo.since if memo is not None else 0) - RACY_NS
    kept: dict[str, tuple[Signature, str]] = {}
    made = 0

    def visit(directory: str, prefix: str, hidden: bool) -> None:
        nonlocal made
        try:
            entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
        except OSError:
            return
        below = []
        for entry in entries:
            name = entry.name
            if entry.is_dir():
                if not entry.is_symlink():  # a linked directory is not followed, as in os.walk
                    below.append(entry)
            elif name.endswith(".md") or name in (PARTIES_FILE, TOPICS_FILE) or (
                    is_other_file(name) and not hidden):  # not a hidden directory's (.git/)
                key = prefix + name
                link = f"->{os.readlink(entry.path)}" if entry.is_symlink() else ""
                signature = _signature(entry) if memo is not None else None
                before = known.get(key)
                if signature is not None and before is not None and before[0] == signature \
                        and max(signature[1], signature[2]) < trusted_before:
                    digest: str | None = before[1]
                else:
                    digest = _other_digest(entry.path) if is_other_file(name) else file_digest(entry.path)
                    made += 1
                if signature is not None and digest is not None:
                    kept[key] = (signature, digest)
                found[key] = _value(digest, link)
        for entry in below:
            visit(entry.path, f"{prefix}{entry.name}/", hidden or entry.name.startswith("."))

    visit(os.fspath(content_dir), label.rstrip("/") + "/", False)
    if memo is not None:
        memo.changed = bool(made) or kept.keys() != known.keys()
        memo.digests, memo.since = kept, started
    return found


def content_digest(path: Path) -> str | None:
    """What source_digests says of the content file at `path`, or None if there is none now."""
    if not os.path.lexists(path):
        return None
    link = f"->{os.readlink(path)}" if os.path.islink(path) else ""
    name = os.fspath(path)
    return _value(_other_digest(name) if is_other_file(path.name) else file_digest(name), link)


def _value(digest: str | None, link: str) -> str:
    return (digest or "unreadable") + link


def _other_digest(path: str) -> str | None:
    try:
        return original_digest(path)
    except OSError:
        return None


def _signature(entry: os.DirEntry[str]) -> Signature | None:
    try:
        info = entry.stat()
    except OSError:
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino, info.st_dev)


MAX_FILE_BYTES = 2_000_000  # a press release is a few KB; this catches a pasted PDF or a dump


def markdown_files(content_dir: Path, label: str, problems: Problems) -> Iterator[Path]:
    """Every .md file under content_dir, sorted; links that lead outside it are reported, not read."""
    if not content_dir.is_dir():
        problems.error(label, 0, "", "the content directory does not exist",
                       "create it, or set content_dir in mouarchive.toml")
        return
    root = content_dir.resolve()
    found = []
    for dirpath, dirnames, filenames in os.walk(content_dir, followlinks=False):
        dirnames.sort()
        for name in filenames:
            if name.endswith(".md") and not name.startswith("."):
                found.append(Path(dirpath) / name)
    for path in sorted(found, key=lambda p: p.relative_to(content_dir).as_posix()):
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(root):
                problems.error(f"{label}/{path.relative_to(content_dir).as_posix()}", 0, "",
                               "is a link to a file outside content/, which is not read",
                               "copy the file into content/ instead of linking to it")
                continue
        yield path


def read_text(path: Path, rel: str, problems: Problems) -> str | None:
    """The file's text with a BOM removed and line endings made '\\n', or None after reporting why."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.error(rel, 0, "", f"the file is {size:,} bytes, over the limit of "
                           f"{MAX_FILE_BYTES:,}", "split it, or keep only the text of the document")
            return None
        data = path.read_bytes()
    except OSError as exc:
        problems.error(rel, 0, "", f"cannot be read: {exc.strerror}", "check the file's permissions")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.error(rel, line, "", "is not UTF-8 text",
                       "save the file as UTF-8 (most editors offer it under 'Save with encoding')")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")
