"""Where one `mouarchive build` spends its time, stage by stage, as the time since start at which
each stage begins and ends (issue 12's edit loop: RESULTS.md). Run it in a site directory after
editing a document, where `mouarchive build` would run:

    cd SITE && /path/to/.venv/bin/python /path/to/benchmarks/edit_stages.py [build options]

It wraps the engine's and the writer's stages and runs the command line as `mouarchive build`
does, exit included (the State is left in memory, as cli.run leaves it).
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

STARTED = time.perf_counter()


def at(label: str) -> None:
    print(f"[{time.perf_counter() - STARTED:6.2f}] {label}", file=sys.stderr, flush=True)


def wrapped(owner: Any, name: str, label: str) -> None:
    original: Callable[..., Any] = getattr(owner, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        at(f"{label} start")
        result = original(*args, **kwargs)
        at(f"{label} end")
        return result

    setattr(owner, name, timed)


def main() -> None:
    from mouarchive import build, cache, cli, engine, search, write

    at("imported")
    for name in ("build_site", "_stored_state", "_patch", "_write_swapped", "keep_state_later"):
        wrapped(engine, name, name)
    for name in ("render_into", "plan_search", "search_records"):
        wrapped(build, name, name)
    wrapped(search.SearchIndexer, "write_into", "SearchIndexer.write_into")
    wrapped(write.Staging, "__enter__", "Staging.__enter__")
    wrapped(write.Staging, "commit", "Staging.commit")
    wrapped(cache.BuildCache, "save_current", "BuildCache.save_current")
    locked = cache.BuildCache.lock

    @contextlib.contextmanager
    def lock(self: Any) -> Iterator[bool]:
        at("lock wanted")
        with locked(self) as waited:
            at(f"lock held (waited: {waited})")
            yield waited

    cache.BuildCache.lock = lock  # type: ignore[method-assign]
    code = cli.main(["build", *sys.argv[1:]], exits=True)
    at("answered")
    sys.stdout.flush()
    os._exit(code)


if __name__ == "__main__":
    main()
