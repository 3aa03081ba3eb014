"""The floor under a cold build, rendering aside: what the stages that must come before the search
index, and the index itself, cost in time and CPU (issue 12: benchmarks/RESULTS.md). Run it in a
site directory (mouarchive.toml and content/), with the site's own settings:

    cd SITE && /path/to/.venv/bin/python /path/to/benchmarks/stage_floor.py

Each stage waits for the one before it: Pagefind needs the search records, the records the merged
archive, the archive the loaded documents. Rendering can overlap the records and the index, but
nothing can start before the archive. So a cold build can take no less than the sum printed last,
however cheap its pages were to render.
"""

from __future__ import annotations

import resource
import tempfile
import time
from pathlib import Path

STARTED_WALL, STARTED_CPU = time.perf_counter(), time.process_time()

from mouarchive import search  # noqa: E402 - timed from the start
from mouarchive.build import inspect_site  # noqa: E402
from mouarchive.config import load_config  # noqa: E402
from mouarchive.render import Renderer  # noqa: E402


class _Directory:
    """Where the indexer writes its parts: a scratch directory (search.IndexTarget)."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def remove_tree(self, prefix: str) -> None:
        pass

    def adopt_tree(self, prefix: str) -> None:
        pass


def main() -> None:
    walls: list[float] = []

    def lap(label: str, wall: float, cpu: float, whose: str = "") -> None:
        walls.append(time.perf_counter() - wall)
        print(f"{label:48s} {walls[-1]:6.2f} s   CPU {cpu:6.2f} s{whose}", flush=True)

    lap("Python's start and the imports", STARTED_WALL, time.process_time() - STARTED_CPU)
    wall, cpu = time.perf_counter(), time.process_time()
    config = load_config(Path("."), {})
    plan, _problems = inspect_site(config, workers=1)
    lap("load, archive and plan (one process)", wall, time.process_time() - cpu)
    wall, cpu = time.perf_counter(), time.process_time()
    renderer = Renderer(config, plan.archive, links=plan.links)
    records = search.search_records(plan.archive, config.languages, config.language, renderer.body_html)
    lap(f"search records ({len(records):,})", wall, time.process_time() - cpu)
    index = search.plan_index({r.url: str(i) for i, r in enumerate(records)}, config.language)
    by_url = {r.url: r for r in records}
    parts = {name: [by_url[url] for url in urls] for name, (_digest, urls) in index.parts.items()}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    with tempfile.TemporaryDirectory() as scratch:
        target = _Directory(Path(scratch))
        with search.SearchIndexer(parts, config.language, target) as indexer:
            indexer.write_into(target)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    lap(f"Pagefind, {len(parts)} parts, one per core", wall, used, " (Pagefind's processes)")
    print(f"{'the floor: their sum':48s} {sum(walls):6.2f} s")


if __name__ == "__main__":
    main()
