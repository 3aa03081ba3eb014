"""What a build did (BuildReport), and the answer of a build with nothing to do.

Light on purpose, as sources.py is: `mouarchive build` on a site that has not changed answers from
this module before the modules that parse and render are imported (0.43 s of imports).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime

from .cache import BuildCache, site_stamp
from .config import SiteConfig
from .errors import Problem


@dataclass(frozen=True)
class BuildReport:
    """What a build did, for the summary line."""

    documents: int
    agreements: int
    pages: int
    files: int
    changed: int  # files new, changed or removed since the previous site
    seconds: float
    warnings: tuple[Problem, ...]
    parsed: int = 0  # documents parsed (the rest came from the cache)
    rendered: int = 0  # pages rendered (the rest were carried over unchanged)
    up_to_date: bool = False  # nothing had changed, so nothing was done
    removed: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()
    unknown_previous: bool = False
    notes: tuple[str, ...] = field(default_factory=tuple)
    search_behind: bool = False  # the search index was left as the previous build made it
    patched: bool = False  # the engine patched the last build rather than building in full
    warm: bool = False  # by the last build's engine, kept in memory for it (warm.py)


def unchanged_report(config: SiteConfig, cache: BuildCache, sources: dict[str, str], now: datetime,
                     drafts: bool, started: float) -> BuildReport | None:
    """The report of a build that has nothing to do, or None when there is something to do."""
    from .history import head_stamp  # (7 ms of imports a build the warm engine answers need not pay)

    current = cache.current_manifest(config.output.absolute())
    if current is None or not current.up_to_date(config.output.absolute(), site_stamp(config, drafts),
                                                 sources, now, head_stamp(config.content)):
        return None
    return BuildReport(documents=sum(p.endswith(".md") for p in sources), agreements=0,
                       pages=len(current.pages), files=len(current.files), changed=0,
                       seconds=time.perf_counter() - started, warnings=current.warnings, up_to_date=True,
                       notes=current.notes)


def build_summary(report: BuildReport, output: str) -> str:
    """The build's last lines: what was built, what changed, what was removed or left alone."""
    if report.up_to_date:
        return "\n".join([*report.notes, f"{output} is up to date: nothing in the content, templates "
                          "or settings changed since the last build, and no embargo has ended "
                          f"({report.seconds:.2f} s)"])
    lines = [*report.notes,
        f"built {plural(report.documents, 'document')} about "
        f"{plural(report.agreements, 'agreement')}: {plural(report.pages, 'page')} "
        f"({report.rendered} rendered, {report.parsed} documents parsed), "
        f"{plural(report.files, 'file')} ({report.changed} changed) in {report.seconds:.2f} s"
        f"{' by the engine kept warm' if report.warm else ''} -> {output}"
    ]
    if report.removed:
        why = (" (no record of the previous build, so every file it did not write went; keep your "
               "own files in static/)" if report.unknown_previous else "")
        lines.append(f"removed {plural(len(report.removed), 'file')} this build no longer makes{why}: "
                     + _some(report.removed))
    if report.kept:
        lines.append(f"left {plural(len(report.kept), 'file')} in {output} that no build wrote: "
                     + _some(report.kept))
    return "\n".join(lines)


def _some(paths: tuple[str, ...], limit: int = 5) -> str:
    shown = ", ".join(paths[:limit])
    return shown + (f" and {len(paths) - limit} more" if len(paths) > limit else "")


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"
