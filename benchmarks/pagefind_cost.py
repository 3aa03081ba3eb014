"""What Pagefind takes to index a part of a given size, through its service as a build drives it: a
random sample of the site's own search records, a new index, the records, the files written (issue
12's edit loop: benchmarks/RESULTS.md). Run it in a site directory (mouarchive.toml and content/):

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
from mouarchive.build import inspect_site
from mouarchive.config import load_config
from mouarchive.render import Renderer


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:]] or [1, 10, 50, 100, 250]
    config = load_config(Path("."), {})
    plan, _problems = inspect_site(config, workers=2)
    renderer = Renderer(config, plan.archive, links=plan.links)
    records = search.search_records(plan.archive, config.languages, config.language, renderer.body_html)
    chosen = random.Random(1)
    service = search._Service()
    try:
        for size in sizes:
            seconds = []
            for _ in range(5):
                sample = chosen.sample(records, min(size, len(records)))
                with tempfile.TemporaryDirectory() as scratch:
                    started = time.perf_counter()
                    index = service.call({"type": "NewIndex",
                                          "config": {"force_language": config.language}})["index_id"]
                    service.wait({service.send(
                        {"type": "AddRecord", "index_id": index, "url": r.url, "content": r.content,
                         "language": config.language, "meta": dict(r.meta), "filters": dict(r.filters),
                         "sort": None}) for r in sample}, flush=True)
                    service.call({"type": "WriteFiles", "index_id": index, "output_path": f"{scratch}/part"})
                    service.call({"type": "DeleteIndex", "index_id": index})
                    seconds.append(time.perf_counter() - started)
            print(f"{size:6,} records: {1000 * statistics.median(seconds):7.1f} ms (median of 5)")
    finally:
        service.close()


if __name__ == "__main__":
    main()
