"""What rendering every page costs in forked workers, nothing written: their wall time and CPU, with
each worker kept to one interface language's pages (as a build deals them) or with pages dealt as
they come (issue 12: benchmarks/RESULTS.md). Run it in a site directory (mouarchive.toml and
content/):

    cd SITE && /path/to/.venv/bin/python /path/to/benchmarks/render_workers.py [WORKERS] [--mixed]
"""

from __future__ import annotations

import gc
import resource
import sys
import time
from pathlib import Path

from mouarchive.build import _render_chunk, inspect_site, render_chunks
from mouarchive.config import load_config
from mouarchive.parallel import fork_map
from mouarchive.render import Renderer


def main() -> None:
    workers = int(next((a for a in sys.argv[1:] if a.isdigit()), "2"))
    mixed = "--mixed" in sys.argv
    config = load_config(Path("."), {})
    plan, _problems = inspect_site(config, workers=workers)
    renderer = Renderer(config, plan.archive, links=plan.links)
    pages = plan.pages
    if mixed:  # consecutive pages, whatever their language, dealt to whichever worker is free
        chunks = [list(range(i, min(i + 50, len(pages)))) for i in range(0, len(pages), 50)]
    else:  # as build.render_into deals them
        chunks = render_chunks(pages)
    gc.freeze()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    size = 0
    for rendered, _count, _problem in fork_map(
            lambda indices: _render_chunk(renderer, pages, indices), chunks, workers, ordered=False,
            group=None if mixed else (lambda indices: pages[indices[0]].lang)):
        size += sum(len(data) for _output, data in rendered)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    print(f"{len(pages):,} pages, {size / 1e6:.0f} MB, {workers} workers, "
          f"{'pages as they come' if mixed else 'one language a worker'}: {wall:.2f} s, "
          f"the workers' CPU {cpu:.2f} s")


if __name__ == "__main__":
    main()
