"""The only module that writes: the new site goes into a fresh directory beside the old one and is
swapped in whole, so a failed or killed build never leaves a half-written site behind.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import os
import shutil
from collections.abc import Iterable
from pathlib import Path

from .errors import BuildError, ExitCode, Problem

_RENAME_EXCHANGE = 2  # from <linux/fs.h>
_AT_FDCWD = -100


def write_site(output: Path, files: Iterable[tuple[str, bytes]],
               static_dirs: Iterable[tuple[Path, str]] = ()) -> int:
    """Write `files` (relative path, bytes) and copy each static dir (source, target prefix) into a
    new directory, then swap it in for `output`. Returns the number of files written."""
    output = output.absolute()
    _remove_leftovers(output)
    staging = output.parent / f".{output.name}.new-{os.getpid()}"
    count = 0
    try:
        staging.mkdir(parents=True)
        for static, prefix in static_dirs:
            if static.is_dir():
                count += _copy_tree(static, staging / prefix)
        for rel, data in files:
            target = _inside(staging, rel)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            count += 1
        _swap_in(staging, output)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildError([Problem(str(output), 0, "", f"could not write the site: {exc}",
                                  "check free disk space and permissions; the previous site is "
                                  "unchanged")], ExitCode.OUTPUT) from exc
    return count


def _inside(root: Path, rel: str) -> Path:
    """`root/rel`, refusing any path that would land outside `root`."""
    target = (root / rel).resolve()
    if not target.is_relative_to(root.resolve()) or rel.startswith("/"):
        raise BuildError([Problem(rel, 0, "", "a page would be written outside the output directory",
                                  "this is a bug in a slug or URL: please report it")], ExitCode.OUTPUT)
    return target


def _copy_tree(source: Path, target: Path) -> int:
    count = 0
    for path in sorted(source.rglob("*")):
        if path.is_file():
            dest = target / path.relative_to(source)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, dest)
            count += 1
    return count


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
