"""What the formatted citations of an archive cost (citations.formatted_citation), as a build makes
them, against citeproc-py for every one. Run it in a site directory (mouarchive.toml and content/):

    cd SITE && /path/to/.venv/bin/python /path/to/benchmarks/citation_cost.py [SAMPLE]

It plans the site as a build does and formats the citation of every agreement's and document's page
(both interface languages) in one process, in page order: each shape's template made on its second
item and filled in after (citations._Templates). Then it formats SAMPLE of them (default 3,000)
by citeproc-py alone, with and without the answers to its searches of the style kept
(`citations._answer_each_search_once`), and checks that every one is the citation the build made.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from citeproc import model
from markupsafe import escape

from mouarchive import citations
from mouarchive.build import inspect_site
from mouarchive.config import load_config
from mouarchive.pages import Kind
from mouarchive.render import Renderer

KEPT = [(model.CitationStylesElement, "xpath_search"), (model.CitationStylesElement, "get_root"),
        (model.SomewhatObjectifiedElement, "__getattr__")]


def by_citeproc(item: dict, lang: str) -> str:
    text = citations._citeproc(citations._unmarked(item), citations.STYLE_LOCALES.get(lang, "en-GB"))
    return citations._MARK.sub(lambda m: citations._TAGS[m.group(1)], str(escape(text)))


def main() -> None:
    config = load_config(Path("."), {})
    plan, _problems = inspect_site(config, workers=2)
    renderer = Renderer(config, plan.archive, links=plan.links)
    items = [(renderer.csl_item(page.subject), page.lang) for page in plan.pages
             if page.kind in (Kind.AGREEMENT, Kind.DOCUMENT)]
    formatted = citations._citeproc
    calls = [0, 0.0]  # items citeproc-py formatted, and its time

    def counted(item: dict, locale: str) -> str:
        begin = time.perf_counter()
        text = formatted(item, locale)
        calls[0] += 1
        calls[1] += time.perf_counter() - begin
        return text

    citations._citeproc = counted
    started = time.perf_counter()
    made = [str(citations.formatted_citation(item, lang)) for item, lang in items]
    spent = time.perf_counter() - started
    citations._citeproc = formatted
    templates = citations._TEMPLATES.templates
    each = spent / len(items) * 1000
    print(f"{len(items)} citations as a build makes them: {spent:.2f} s, {each:.3f} ms each; "
          f"{sum(1 for t in templates.values() if t)} shapes' templates made, "
          f"{len(citations._TEMPLATES.seen) - len(templates)} shapes seen once; "
          f"{calls[0]} items formatted by citeproc-py ({calls[1]:.2f} s)")
    step = max(1, len(items) // (int(sys.argv[1]) if len(sys.argv) > 1 else 3000))
    sample = list(range(0, len(items), step))
    kept = {key: getattr(*key) for key in KEPT}
    for label, methods in (("citeproc-py, its answers kept", kept),
                           ("citeproc-py as shipped", {key: m.question for key, m in kept.items()})):
        for (owner, name), method in methods.items():
            setattr(owner, name, method)
        started = time.perf_counter()
        again = [by_citeproc(*items[n]) for n in sample]
        spent = time.perf_counter() - started
        wrong = sum(a != made[n] for a, n in zip(again, sample, strict=True))
        print(f"{label}: {spent / len(sample) * 1000:.3f} ms each ({len(sample)} of them); "
              f"{wrong} differ from the build's")


if __name__ == "__main__":
    main()
