"""The only module that writes: the new site goes into a fresh directory beside the old one and is
swapped in whole, so a failed or killed build never leaves a half-written site behind.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from .errors import BuildError, ExitCode, Problem

_RENAME_EXCHANGE = 2  # from <linux/fs.h>
_AT_FDCWD = -100


@dataclass(frozen=True)
class WriteReport:
    """How many files the new site has, and how many of them differ from the previous site's."""

    files: int
    changed: int


def write_site(output: Path, files: Iterable[tuple[str, bytes]],
               static_dirs: Iterable[tuple[Path, str]] = (),
               finish: Callable[[Path, Path | None], None] | None = None) -> WriteReport:
    """Write `files` (relative path, bytes) and copy each static dir (source, target prefix) into a
    new directory, run `finish` on it (the search index), then swap it in for `output`.

    `finish` gets the new directory and, when no HTML page changed, the previous site, whose
    search index is then still right and can be kept.

    A file whose bytes are the same as in the previous site is hard-linked to it instead of written,
    so it keeps its modification time and a sync to a host copies only what changed.
    """
    output = output.absolute()
    _remove_leftovers(output)
    staging = output.parent / f".{output.name}.new-{os.getpid()}"
    previous = output if output.is_dir() else None
    changed = html_changed = 0
    try:
        staging.mkdir(parents=True)
        for static, prefix in static_dirs:
            if static.is_dir():
                _copy_tree(static, staging / prefix)
        for rel, data in files:
            target = _inside(staging, rel)
            target.parent.mkdir(parents=True, exist_ok=True)
            if not (previous and _link_if_same(previous / rel, data, target)):
                target.write_bytes(data)
                changed += 1
                html_changed += rel.endswith(".html")
        if finish is not None:
            finish(staging, previous if previous and not html_changed else None)
        count, relinked = _relink_unchanged(staging, previous) if previous else (_count(staging), 0)
        _swap_in(staging, output)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildError([Problem(str(output), 0, "", f"could not write the site: {exc}",
                                  "check free disk space and permissions; the previous site is "
                                  "unchanged")], ExitCode.OUTPUT) from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return WriteReport(files=count, changed=count - relinked if previous else count)


def _link_if_same(old: Path, data: bytes, target: Path) -> bool:
    """Hard-link `target` to `old` when `old` holds exactly `data`; False when it cannot."""
    try:
        if old.stat().st_size != len(data) or old.read_bytes() != data:
            return False
        os.link(old, target)
    except OSError:  # no old file, or a filesystem without hard links: write it instead
        return False
    return True


def _relink_unchanged(staging: Path, previous: Path) -> tuple[int, int]:
    """Link every new file that is byte-identical to the previous site's; (files, already same)."""
    count = same = 0
    for path in staging.rglob("*"):
        if not path.is_file():
            continue
        count += 1
        old = previous / path.relative_to(staging)
        try:
            if path.stat().st_ino == old.stat().st_ino:
                same += 1
                continue
            if old.stat().st_size == path.stat().st_size and old.read_bytes() == path.read_bytes():
                temporary = path.with_name(path.name + ".link")
                os.link(old, temporary)
                os.replace(temporary, path)
                same += 1
        except OSError:
            continue
    return count, same


def _count(directory: Path) -> int:
    return sum(1 for p in directory.rglob("*") if p.is_file())


def _inside(root: Path, rel: str) -> Path:
    """`root/rel`, refusing any path that would land outside `root`."""
    target = (root / rel).resolve()
    if not target.is_relative_to(root.resolve()) or rel.startswith("/"):
        raise BuildError([Problem(rel, 0, "", "a page would be written outside the output directory",
                                  "this is a bug in a slug or URL: please report it")], ExitCode.OUTPUT)
    return target


def _copy_tree(source: Path, target: Path) -> None:
    for path in sorted(source.rglob("*")):
        if path.is_file():
            dest = target / path.relative_to(source)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dest)


def link_tree(source: Path, target: Path) -> None:
    """Hard-link (or, across filesystems, copy) every file of `source` into `target`."""
    for path in sorted(source.rglob("*")):
        if path.is_file():
            dest = target / path.relative_to(source)
            dest.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(path, dest)
            except OSError:
                shutil.copyfile(path, dest)


def _swap_in(staging: Path, output: Path) -> None:
    if not output.exists() and not output.is_symlink():
        os.rename(staging, output)
        return
    if not output.is_dir():
        raise OSError(errno.ENOTDIR, f"{output} exists and is not a directory")
    if _exchange(staging, output):
        shutil.rmtree(staging)  # staging now holds the previous site
        return
    # No atomic exchange here (not Linux, or a filesystem without it): two renames, and a
    # leftover '.old' is put back by the next build if we are killed between them.
    old = output.parent / f".{output.name}.old-{os.getpid()}"
    os.rename(output, old)
    os.rename(staging, output)
    shutil.rmtree(old)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two directories with renameat2(RENAME_EXCHANGE); False if unsupported."""
    name = ctypes.util.find_library("c")
    if not name:
        return False
    libc = ctypes.CDLL(name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
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
