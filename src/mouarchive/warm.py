"""`mouarchive build`'s engine kept warm between builds: the `keep_warm` setting.

Each build leaves the engine's State in the cache, and the next build loads it to patch it: 0.7-0.9
s at 10,000 documents, with another 0.3 s of Python's start and imports, of an edit's 3.1-3.5 s
(benchmarks/RESULTS.md, issue 12). `serve` keeps its engine in memory between edits; with
`keep_warm = N` (seconds) in mouarchive.toml, `mouarchive build` can too. The forked process that
keeps the State after a build (engine.keep_state_later) then stays for N seconds after its last
build, listening on a Unix socket in the cache, and the next `mouarchive build` of the same site,
with the same settings and code, asks it to patch the State it holds, as engine.build_site would
patch the State it loads. It declines (and leaves) wherever build_site would not patch that State:
another build or serve wrote the site since, the code, a setting, a template or the commit changed,
or the edit takes a full build. The command then builds as it would have without it.

The command's side is warm_client.py, which says how the two speak. `MOUARCHIVE_KEEP_WARM`
(seconds) overrides the setting, as the tests do (0) so that no process of theirs outlives them.
"""

from __future__ import annotations

import contextlib
import gc
import os
import socket
import time
from dataclasses import astuple, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from .cache import BuildCache, code_stamp, code_stamp_now, release_held_lock
from .clock import current_time
from .config import SiteConfig, load_config
from .errors import BuildError
from .report import BuildReport, build_summary, unchanged_report
from .sources import DigestMemo, source_digests
from .warm_client import PACKAGE, PROTOCOL, SOCKET_NAME, peer_user, receive, seconds_set, send

if TYPE_CHECKING:
    from collections.abc import Iterator

    from .engine import Engine

_IDLE_CHECK = 5.0  # seconds between looks at whether the socket is still this process's


def seconds(config: SiteConfig) -> int:
    """How long a warm engine waits for the next build: MOUARCHIVE_KEEP_WARM, else the setting."""
    value = seconds_set()
    return config.keep_warm if value is None else value


def socket_path(cache: BuildCache) -> Path:
    return cache.dir / SOCKET_NAME


def stay_warm(engine: Engine, cache: BuildCache, output: Path) -> None:
    """Serve builds of the site from `engine` until it has waited `seconds` for one, or declined
    one. Called in the process that kept the State (engine.keep_state_later), holding the build
    lock, which it lets go of once it listens."""
    wait = seconds(engine.config)
    path = socket_path(cache)
    code = code_stamp()  # of the code this process runs (read from the files it was loaded from)
    # The State stays for the builds to come: out of the collector's sight (what a build left is
    # collected first), or the collector's first run in the next build walks all of it (0.8 s at
    # 10,000 documents, in a profile of the first warm build after a full one).
    gc.enable()
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    os.setsid()  # its own session: the terminal that ran the build may close meanwhile
    engine.keep_pagefind_ready()
    engine.keep_listing_ahead(cache)
    with contextlib.suppress(FileNotFoundError):
        path.unlink()  # a warm engine of an earlier build, whose State is no longer the site's
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(str(path))
    os.chmod(path, 0o600)
    server.listen(4)
    # Only now, with its socket in the cache: whoever waits for the lock (a script, a test) then
    # finds the cache as it stays, and does not remove it while the socket is being made.
    release_held_lock(cache.lock_path)
    mine = os.stat(path).st_ino
    last = time.monotonic()
    memo = cache.digest_memo(engine.config.content)
    # While no build asks, the first edit's work is made ahead, a page at a time (Engine.rehearse):
    # the socket is looked at between pages, so a build that asks meanwhile waits for one page.
    rehearsal: Iterator[None] | None = engine.rehearse()
    server.settimeout(0.0)
    try:
        while time.monotonic() - last < wait:
            try:
                connection, _address = server.accept()
            except BlockingIOError:  # no build waits: the next step of the rehearsal
                if rehearsal is None or not _rehearsed(rehearsal):
                    continue
                rehearsal = None
                server.settimeout(_IDLE_CHECK)
                continue
            except TimeoutError:
                if not _still_mine(path, mine):
                    return  # the site (or its cache) was removed, or another engine took over
                continue
            held = engine.state
            with connection:
                if not _answer(engine, cache, output, connection, code, memo):
                    return
            if rehearsal is not None and engine.state is not held:
                # A patch made what the rehearsal was making ahead for, and the rehearsal's pages
                # are the last State's: it ends.
                rehearsal.close()
                rehearsal = None
                server.settimeout(_IDLE_CHECK)
            last = time.monotonic()
    finally:
        engine.close()
        server.close()
        if _still_mine(path, mine):
            with contextlib.suppress(OSError):
                path.unlink()


def _answer(engine: Engine, cache: BuildCache, output: Path, connection: socket.socket, code: str,
            memo: DigestMemo) -> bool:
    """One build asked for: patched and answered (or found up to date), then the State kept in the
    cache as the command would have kept it. False when this engine declined, and so ends."""
    from .engine import changed_since, current_state_of

    started = time.perf_counter()

    connection.settimeout(10.0)
    if peer_user(connection) != os.getuid():
        return True
    try:
        request = receive(connection)
    except (OSError, EOFError, ValueError, TypeError):
        return True
    now = _request_now(engine, request, code)
    if now is None:
        _reply(connection, None, engine.config)
        return False
    config = engine.config
    with cache.lock():
        sources = source_digests(config.content, config.content_dir, memo)
        state = engine.state
        if state is None or current_state_of(config, cache, engine.drafts, sources,
                                              state.planned.manifest.serial) is None:
            _reply(connection, None, config)
            return False
        changed = changed_since(config, state, sources)
        if not changed:  # up to date, or not (an embargo ended): then the command builds
            _reply(connection, unchanged_report(config, cache, sources, now, engine.drafts, started), config)
            _keep(cache, config, memo)
            return True
        try:
            report = engine.patch(changed, now, swap=True, cache=cache, edits=True, settle_later=True)
        except Exception:  # noqa: BLE001 - the command builds again and reports what went wrong
            report = None
        _reply(connection, report and replace(report, warm=True), config)
        if report is not None:
            engine.settle()  # (what the site is, recorded once the command has its answer)
        _keep(cache, config, memo)
        if report is None or engine.state is None:
            return False
        engine.refill_pagefind()
        # The edit's records went into the index's edits part, to answer sooner: the parts that
        # hold their earlier versions are indexed again now, before the next build is taken.
        if report.search_behind:
            try:
                engine.catch_up(cache)
            except Exception:  # noqa: BLE001 - the site stands as answered; the next command builds
                return False
        # As engine.keep_state_later keeps it, holding the lock: a build that does not ask this
        # engine finds the State the site's.
        if output.exists():
            engine.keep(cache, output)
    gc.unfreeze()  # what the patch replaced goes; the State stays out of the collector's sight
    gc.collect()
    gc.freeze()
    return True


def _rehearsed(rehearsal: Iterator[None]) -> bool:
    """One step of the rehearsal made; True once it is over (finished, or failed: a rehearsal is
    only ahead of time, and the edit makes whatever it did not), its work then out of the
    collector's sight as the State is (stay_warm)."""
    try:
        next(rehearsal)
        return False
    except StopIteration:
        pass
    except Exception:  # noqa: BLE001 - an edit does the same work and reports what fails
        pass
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    return True


def _keep(cache: BuildCache, config: SiteConfig, memo: DigestMemo) -> None:
    """The digests' memo saved for the builds that do not ask this engine, if it changed."""
    if memo.changed:
        cache.save_digest_memo(config.content, memo)
        memo.changed = False


def _still_mine(path: Path, inode: int) -> bool:
    try:
        return os.stat(path).st_ino == inode
    except OSError:
        return False


def _request_now(engine: Engine, request: Any, code: str) -> datetime | None:
    """The moment the build asked for (warm_client.ask) is made at, if it is one this engine makes:
    its code (the same files, unchanged since it started: a change of them is also a change of the
    site's stamp, current_state_of), its settings read where the command runs, its --drafts; None
    when it is not."""
    if not isinstance(request, dict) or request.get("protocol") != PROTOCOL:
        return None
    if request.get("package") != PACKAGE or request.get("cwd") != os.getcwd() \
            or not isinstance(request.get("site"), str) or not isinstance(request.get("now"), str) \
            or not isinstance(request.get("overrides"), dict) \
            or request.get("drafts") != engine.drafts or code_stamp_now() != code:
        return None
    try:
        config = load_config(Path(request["site"]), request["overrides"])
        if config != engine.config:
            return None
        return current_time(ZoneInfo(config.timezone), request["now"])
    except BuildError:
        return None  # (the command reports it, building itself)


def _reply(connection: socket.socket, report: BuildReport | None, config: SiteConfig) -> None:
    """The lines the command prints, and the warnings (a Problem's fields each); None: declined."""
    answer = None if report is None else {
        "summary": build_summary(report, str(config.output)),
        "warnings": [astuple(problem) for problem in report.warnings]}
    with contextlib.suppress(OSError):
        send(connection, answer)
