"""What Pagefind takes to index a part of a given size, through its service as a build drives it: a
random sample of the site's own search records, a new index, the records, the files written (issue
12's edit loop: benchmarks/RESULTS.md), in the index's language; then what the records of an edit
(10) take in a Pagefind started for them, against one started ahead (search.Ready). Run it in a
site directory (mouarchive.toml and content/):

    cd SITE && /path/to/.venv/bin/python /path/to/benchmarks/pagefind_cost.py [SIZES ...]
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from mouarchive import search
from mouarchive.build import inspect_site, search_language_of
from mouarchive.config import load_config
from mouarchive.render import Renderer


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1, 10, 50, 100, 250]
    config = load_config(Path("."), {})
    plan, _problems = inspect_site(config, workers=2)
    renderer = Renderer(config, plan.archive, links=plan.links)
    records = search.search_records(plan.archive, config.languages, config.language, renderer.body_html)
    language = search_language_of(config, plan.archive)
    chosen = random.Random(1)
    print(f"index language: {language}")
    service = search._Service()
    try:
        for size in sizes:
            seconds = [index_once(service, chosen.sample(records, min(size, len(records))), language)
                       for _ in range(5)]
            print(f"{size:6,} records: {1000 * statistics.median(seconds):7.1f} ms (median of 5)")
    finally:
        service.close()
    agreements = [r for r in records if r.url.startswith("agreements/")]
    for how in ("a new Pagefind", "one started ahead"):
        seconds = []
        for _ in range(5):
            ready = search.Ready()
            if how != "a new Pagefind":
                ready.refill(language)
                time.sleep(1.0)  # as between two edits
            started = time.perf_counter()
            fresh = ready.take(language) or search._Service()
            try:
                seconds.append(index_once(fresh, chosen.sample(agreements, min(10, len(agreements))),
                                          language, started))
            finally:
                fresh.close()
        print(f"10 agreements' records, {how}: {1000 * statistics.median(seconds):7.1f} ms (median of 5)")


def index_once(service: search._Service, sample: list[search.SearchRecord], language: str,
               started: float | None = None) -> float:
    """Seconds to index `sample` as a part and write it, from `started` (else from now)."""
    return sum(index_part(service, sample, language, started=started))


def index_part(service: search._Service, records: list[search.SearchRecord], language: str,
               where: str | None = None, started: float | None = None) -> tuple[float, float]:
    """Seconds to add `records` to a new index (from `started`, else from now), and to write it
    into a new directory under `where` (else the system's temporary directory)."""
    with tempfile.TemporaryDirectory(dir=where) as scratch:
        started = started or time.perf_counter()
        index = service.call({"type": "NewIndex", "config": {"force_language": language}})["index_id"]
        service.wait({service.send(
            {"type": "AddRecord", "index_id": index, "url": r.url, "content": r.content,
             "language": language, "meta": dict(r.meta), "filters": dict(r.filters),
             "sort": None}) for r in records}, flush=True)
        added = time.perf_counter()
        service.call({"type": "WriteFiles", "index_id": index, "output_path": f"{scratch}/part"})
        written = time.perf_counter()
        service.call({"type": "DeleteIndex", "index_id": index})
        return added - started, written - added


if __name__ == "__main__":
    main()
