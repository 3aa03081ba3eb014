"""Where the engine kept warm spends an edit's patch: N edits of one document (the one bench.py
edits), of the KINDS given in turn (by default its title alone; "title,body,topics" as bench.py's
rebuild mode edits it), each patched as warm._answer patches it, after the rehearsal (which it
times), with the wall time of the engine's and the writer's steps added up for each kind over its
edits after the first two edits (issue 12's edit loop: RESULTS.md).
Run it in a site directory the last `mouarchive build` left (its State in the cache, no warm
engine running: `pkill -f "mouarchive build"`):

    cd SITE && /path/to/.venv/bin/python /path/to/benchmarks/warm_patch.py [EDITS] [GAP] [KINDS]

GAP (seconds, default 1.5) passes between edits, as between an editor's saves: with none, every
step is faster (the machine's caches are warm), and the directories' times the build lists are
too recent to be trusted (write.RACY_NS).
"""

from __future__ import annotations

import collections
import functools
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import bench  # this directory is on the path as a script

from mouarchive import build, engine, opendata, search, write
from mouarchive.cache import BuildCache
from mouarchive.config import load_config
from mouarchive.listing_ahead import ListingAhead
from mouarchive.sources import source_digests

TOTALS: dict[tuple[str, str], float] = collections.defaultdict(float)  # (kind, step) -> seconds
CALLS: collections.Counter[tuple[str, str]] = collections.Counter()
COUNTING = [""]  # the kind of the edit being counted, if any

STEPS = [(engine, "_patch"), (engine, "site_pages"), (engine, "_patch_archive"), (engine, "_with_edits"),
         (engine, "_write_swapped"), (engine, "_to_render"), (build, "write_site"), (build, "render_into"),
         (build, "_start_index"), (opendata, "_pieces"), (write.Staging, "__enter__"),
         (write.Staging, "keep"), (write.Staging, "put"), (write.Staging, "carry_tree"),
         (write.Staging, "commit"),
         (write.Listing, "unchanged"), (write.Listing, "files_since"), (write.Listing, "of"),
         (ListingAhead, "unchanged"),
         (search.SearchIndexer, "__exit__"), (build.IndexAhead, "write_into"), (BuildCache, "save_current")]


def timed(owner: Any, name: str) -> None:
    original: Callable[..., Any] = getattr(owner, name)
    label = f"{getattr(owner, '__name__', owner)}.{name}"

    @functools.wraps(original)
    def step(*args: Any, **kwargs: Any) -> Any:
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            if COUNTING[0]:
                TOTALS[COUNTING[0], label] += time.perf_counter() - started
                CALLS[COUNTING[0], label] += 1

    setattr(owner, name, step)


def main(edits: int, gap: float, kinds: list[str]) -> None:
    for owner, name in STEPS:
        timed(owner, name)
    config = load_config(Path("."), {})
    cache = BuildCache(config.output)
    document = bench.pick_document(Path("."))
    warm = engine.Engine(config)
    with cache.lock():
        warm.state, warm.pieces = engine._stored_state(config, cache, False,
                                                       source_digests(config.content, config.content_dir))
    if warm.state is None:
        sys.exit("no State of the last build here: run `mouarchive build` first")
    warm.keep_pagefind_ready()
    warm.keep_listing_ahead(cache)
    started, cpu = time.perf_counter(), time.process_time()
    steps = sum(1 for _step in warm.rehearse())  # as warm.stay_warm does while it waits
    print(f"rehearsal: {steps} steps, {time.perf_counter() - started:.2f} s "
          f"({time.process_time() - cpu:.2f} s of CPU), {len(warm.fragments)} list entries made")
    memo = cache.digest_memo(config.content)
    gc.collect()
    gc.freeze()
    patches: dict[str, list[float]] = collections.defaultdict(list)
    for number in range(edits):
        kind = kinds[number % len(kinds)]
        bench.replace_file(document, getattr(bench, f"edit_{kind}")(document.read_text("utf-8")))
        with cache.lock():
            sources = source_digests(config.content, config.content_dir, memo)
            changed = engine.changed_since(config, warm.state, sources)
            COUNTING[0] = kind if number >= 2 else ""
            started = time.perf_counter()
            report = warm.patch(changed, None, swap=True, cache=cache, edits=True, settle_later=True)
            if COUNTING[0]:
                patches[kind].append(time.perf_counter() - started)
            COUNTING[0] = ""
            warm.settle()  # as warm._answer does once it has answered
            warm.refill_pagefind()
            if report is not None and report.search_behind:
                warm.catch_up(cache)
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        time.sleep(gap)
    warm.close()
    for kind, times in patches.items():
        counted = len(times)
        print(f"patch, {kind} edited: median {sorted(times)[counted // 2] * 1000:.1f} ms of {counted} "
              f"({', '.join(f'{p * 1000:.0f}' for p in times)} ms)")
        for (of, label), total in sorted(TOTALS.items(), key=lambda item: -item[1]):
            if of == kind:
                print(f"{total / counted * 1000:8.1f} ms  {CALLS[of, label] // counted:6d}x  {label}")

if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10, float(sys.argv[2]) if len(sys.argv) > 2 else 1.5,
         sys.argv[3].split(",") if len(sys.argv) > 3 else ["title"])
