"""What rendering costs, page kind by page kind, in one process: the CPU a build's render workers
share. Run it in a site directory (mouarchive.toml and content/):

    cd SITE && /path/to/.venv/bin/python /path/to/benchmarks/render_cost.py

It plans the site as a build does, renders every page once without writing it, and prints the time
and the mean size for each template. Issue 12 used it to tell template cost from writing and from
the parallel workers' overhead (benchmarks/RESULTS.md).
"""

from __future__ import annotations

import collections
import time
from pathlib import Path

from mouarchive.build import inspect_site
from mouarchive.config import load_config
from mouarchive.render import Renderer


def main() -> None:
    config = load_config(Path("."), {})
    plan, _problems = inspect_site(config, workers=2)
    renderer = Renderer(config, plan.archive, links=plan.links)
    seconds: collections.Counter[str] = collections.Counter()
    counts: collections.Counter[str] = collections.Counter()
    sizes: collections.Counter[str] = collections.Counter()
    started = time.perf_counter()
    for page in plan.pages:
        begin = time.perf_counter()
        data = renderer.render(page)
        kind = page.kind.value
        seconds[kind] += time.perf_counter() - begin
        counts[kind] += 1
        sizes[kind] += len(data)
    print(f"{len(plan.pages)} pages rendered in {time.perf_counter() - started:.2f} s, one process")
    for kind, spent in seconds.most_common():
        print(f"{kind:16} {counts[kind]:6} pages {spent:7.2f} s {spent / counts[kind] * 1000:7.2f} ms/page "
              f"{sizes[kind] / counts[kind] / 1024:7.1f} KiB")


if __name__ == "__main__":
    main()
