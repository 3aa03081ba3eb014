"""What the records take in memory, stage by stage, in the process that builds (issue 12's memory at
100k: benchmarks/RESULTS.md). Run it in a site directory (mouarchive.toml and content/):

    cd SITE && /path/to/.venv/bin/python /path/to/benchmarks/stage_memory.py

It loads the content as a cold build does (parsed by two workers, their results sent back in
batches), plans the site, and prints the resident memory after each stage; then how many string
objects the planned records hold, and how much of that is a copy of another string's text (what
interning would save). Forked render workers start from this process, and each page of its memory
that any of them writes to is held twice, so every MiB here counts twice during the render.
"""

from __future__ import annotations

import collections
import gc
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

from mouarchive import build
from mouarchive.cache import BuildCache
from mouarchive.clock import current_time
from mouarchive.config import load_config
from mouarchive.errors import Problems
from mouarchive.freshness import Records, page_fingerprints


def resident() -> int:
    """This process's resident memory in MiB, once the collector has run."""
    gc.collect()
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * 4096 // 2**20


def main() -> None:
    config = load_config(Path("."))
    print(f"started          {resident():6d} MiB")
    problems = Problems()
    content = build._load(config, problems, BuildCache(config.output, enabled=False), 2)
    print(f"loaded           {resident():6d} MiB  {len(content.documents)} documents")
    plan = build.plan_site(config, content, problems, current_time(ZoneInfo(config.timezone)))
    print(f"planned          {resident():6d} MiB  {len(plan.pages)} pages")
    records = Records.of(plan.archive, content.digests, plan.links)
    print(f"records          {resident():6d} MiB")
    page_fingerprints(plan.pages, plan.archive, records, "stamp")
    print(f"fingerprints     {resident():6d} MiB")
    # Strings are not tracked by the collector: found as what the tracked objects refer to.
    strings = {id(s): s for o in gc.get_objects() for s in gc.get_referents(o) if type(s) is str}
    texts = collections.Counter(strings.values())
    copies = sum(sys.getsizeof(text) * (count - 1) for text, count in texts.items())
    print(f"strings: {len(strings)} objects, {len(texts)} texts, {copies / 2**20:.1f} MiB of copies")
    for text, count in texts.most_common(5):
        print(f"  {count:7d} x {text[:60]!r}")


if __name__ == "__main__":
    main()
