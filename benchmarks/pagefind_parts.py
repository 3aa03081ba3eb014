"""What a search part's records cost Pagefind, and which of their contents makes the cost: a random
sample of the site's own records (as many as a part of the 1k benchmark site holds), added to a new
index and written, through Pagefind's service as a build drives it; the adding and the writing
timed apart, the writing on a disk directory and on tmpfs; then the same records with their filters,
their metadata or most of their text taken out, and in the other index language (issue 12: what
a cold build's index costs, benchmarks/RESULTS.md). Run it in a site directory (mouarchive.toml and
content/):

    cd SITE && /path/to/.venv/bin/python /path/to/benchmarks/pagefind_parts.py [RECORDS] [DISK_DIR]
"""

from __future__ import annotations

import dataclasses
import random
import statistics
import sys
import tempfile
from pathlib import Path

from pagefind_cost import index_part  # this directory is on the path when run as a script

from mouarchive import search
from mouarchive.build import inspect_site, search_language_of
from mouarchive.config import load_config
from mouarchive.render import Renderer


def main() -> None:
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 443
    disk = sys.argv[2] if len(sys.argv) > 2 else tempfile.gettempdir()
    config = load_config(Path("."), {})
    plan, _problems = inspect_site(config, workers=2)
    renderer = Renderer(config, plan.archive, links=plan.links)
    records = search.search_records(plan.archive, config.languages, config.language, renderer.body_html)
    language = search_language_of(config, plan.archive)
    other = "en" if language.startswith("zh") else "zh-hant"
    sample = random.Random(1).sample(records, min(size, len(records)))
    variants = {
        f"as they are, written to {disk}": (sample, language, disk),
        "as they are, written to /dev/shm": (sample, language, "/dev/shm"),
        f"indexed in {other}": (sample, other, "/dev/shm"),
        "without filters": ([dataclasses.replace(r, filters=()) for r in sample], language, "/dev/shm"),
        "without metadata but a title": ([dataclasses.replace(r, meta=(("title", r.url),)) for r in sample],
                                         language, "/dev/shm"),
        "text cut to 300 characters": ([dataclasses.replace(r, content=r.content[:300]) for r in sample],
                                       language, "/dev/shm"),
    }
    print(f"{len(sample)} records of {len(records)}, index language {language}; medians of 3")
    service = search._Service()
    try:
        for name, (chosen, lang, where) in variants.items():
            runs = [index_part(service, chosen, lang, where) for _ in range(3)]
            add = statistics.median(r[0] for r in runs)
            write = statistics.median(r[1] for r in runs)
            print(f"{name:40} add {1000 * add:6.0f} ms  write {1000 * write:6.0f} ms")
    finally:
        service.close()


if __name__ == "__main__":
    main()
