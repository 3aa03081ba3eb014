"""Two sets of templates, rendering the same pages in turn: what a template change costs per page.

    cd SITE && python benchmarks/template_ab.py OTHER_TEMPLATES_DIR [KIND] [PAGES] [ROUNDS]

OTHER_TEMPLATES_DIR overrides the default templates by file name, as a site's own templates/ does
(A); the defaults are B. KIND is a page kind's template ("agreement.html", the default), PAGES how
many of those pages (400), ROUNDS how many times A and B take turns (5). It prints the median time
per page of each and B/A. Issue 14 used it with the templates benchmarks/snippet_macros.py writes,
where an agreement page's citations, party links and dates are Jinja macros instead of snippets.py's
functions. Run it on a machine doing nothing else: a build or a test suite beside it skews the ratio.
"""

from __future__ import annotations

import dataclasses
import statistics
import sys
import time
from pathlib import Path

from mouarchive.build import inspect_site
from mouarchive.config import load_config
from mouarchive.render import Renderer


def main() -> None:
    other = Path(sys.argv[1]).resolve()
    kind = sys.argv[2] if len(sys.argv) > 2 else "agreement.html"
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 400
    rounds = int(sys.argv[4]) if len(sys.argv) > 4 else 5
    config = load_config(Path("."), {})
    plan, _problems = inspect_site(config, workers=2)
    a = Renderer(dataclasses.replace(config, templates_dir=str(other)), plan.archive, links=plan.links)
    b = Renderer(config, plan.archive, links=plan.links)
    pages = [p for p in plan.pages if p.template == kind][:count]
    times: dict[str, list[float]] = {"A": [], "B": []}
    for _round in range(rounds + 1):  # the first round warms both up and is not counted
        for name, renderer in (("A", a), ("B", b)):
            started = time.perf_counter()
            for page in pages:
                renderer.render(page)
            if _round:
                times[name].append((time.perf_counter() - started) / len(pages) * 1000)
    median_a, median_b = statistics.median(times["A"]), statistics.median(times["B"])
    print(f"{len(pages)} {kind} pages: A {median_a:.2f} ms, B {median_b:.2f} ms, "
          f"B/A {median_b / median_a:.2f}")


if __name__ == "__main__":
    main()
