"""How much of the parent a forked render worker ends up copying, by the kind of page it renders
(issue 12's memory at 100k: benchmarks/RESULTS.md). Run it in a site directory:

    cd SITE && python /path/to/benchmarks/worker_copy.py [KIND ...]   # e.g. document.html

The site is loaded and planned in this process (the cache off, one process), the collector frozen as
the build freezes it before forking its workers; then, for each kind asked (every kind, by default),
a forked child renders every page of that kind, throwing the output away, and prints its memory
from /proc/self/smaps_rollup each 2,000 pages and at the end: what is private to it is what it has
copied of the parent (reading an object writes its reference count) or made and kept itself.
"""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

from mouarchive import build
from mouarchive.cache import BuildCache
from mouarchive.clock import current_time
from mouarchive.config import load_config
from mouarchive.errors import Problems
from mouarchive.render import Renderer

FIELDS = ("Rss", "Private_Dirty", "Shared_Dirty", "Anonymous")


def memory() -> str:
    """This process's memory, in MiB, by the FIELDS of its smaps_rollup."""
    found = {}
    with open("/proc/self/smaps_rollup") as rollup:
        for line in rollup:
            name, _, value = line.partition(":")
            if name in FIELDS:
                found[name] = int(value.split()[0]) // 1024
    return "  ".join(f"{name} {found.get(name, 0):5d}" for name in FIELDS)


def main() -> None:
    config = load_config(Path("."), {"search": False})
    cache = BuildCache(config.output, enabled=False)
    problems = Problems()
    gc.disable()
    content = build._load(config, problems, cache, 1)
    plan = build.plan_site(config, content, problems, current_time(ZoneInfo(config.timezone)))
    renderer = Renderer(config, plan.archive, cache.bodies, plan.links, cache.compiled_templates())
    gc.freeze()
    gc.enable()  # as in the build's workers: what a page made in cycles is collected
    print(f"parent: {len(plan.pages)} pages   {memory()}", flush=True)
    kinds = sys.argv[1:] or sorted({page.kind.value for page in plan.pages})
    for kind in kinds:
        pages = [page for page in plan.pages if page.kind.value == kind]
        if os.fork() == 0:
            print(f"{kind} ({len(pages)} pages), at the fork   {memory()}", flush=True)
            for done, page in enumerate(pages, 1):
                renderer.render_files(page)
                if done % 2000 == 0 or done == len(pages):
                    print(f"  {done:6d}   {memory()}", flush=True)
            os._exit(0)
        os.wait()


if __name__ == "__main__":
    main()
