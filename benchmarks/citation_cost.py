"""What one formatted citation costs (citeproc-py, citations.formatted_citation), with the answers to
citeproc's searches of its style kept (as a build formats them) and without (citeproc as shipped),
alternated:

    python benchmarks/citation_cost.py [COUNT]

The items are made up but shaped as the archive's: an agreement with two parties, a date and an
address, some undated, some news items; in both interface languages.
"""

from __future__ import annotations

import statistics
import sys
import time
from typing import Any

from citeproc import model

from mouarchive.citations import formatted_citation

ITEM = {"id": "x", "type": "treaty", "title": "Memorandum of Understanding on Fintech Cooperation",
        "author": [{"literal": "Financial Services Development Council"},
                   {"literal": "China Academy of Information and Communications Technology"}],
        "issued": {"date-parts": [[2023, 9, 6]]}, "URL": "https://example.org/agreements/x/",
        "container-title": "Hong Kong–Mainland Cooperation Agreements",
        "accessed": {"date-parts": [[2026, 12, 4]]}}
KEPT = [(model.CitationStylesElement, "xpath_search"), (model.CitationStylesElement, "get_root"),
        (model.SomewhatObjectifiedElement, "__getattr__")]


def items(count: int) -> list[dict[str, Any]]:
    made = []
    for n in range(count):
        item = dict(ITEM, id=f"x{n}", title=f"{ITEM['title']} {n}")
        if n % 3 == 0:
            item.pop("issued")
        if n % 5 == 0:
            item["type"] = "article-newspaper"
        made.append(item)
    return made


def per_citation(batch: list[dict[str, Any]]) -> float:
    started = time.perf_counter()
    for lang in ("en", "zh-Hant"):
        for item in batch:
            formatted_citation(item, lang)
    return (time.perf_counter() - started) / (2 * len(batch)) * 1000


def main() -> None:
    batch = items(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
    per_citation(batch[:5])  # the styles parsed, the answers kept
    kept = {key: getattr(*key) for key in KEPT}
    shipped = {key: answered.question for key, answered in kept.items()}
    with_kept, as_shipped = [], []
    for _ in range(3):
        for (owner, name), method in shipped.items():
            setattr(owner, name, method)
        as_shipped.append(per_citation(batch))
        for (owner, name), method in kept.items():
            setattr(owner, name, method)
        with_kept.append(per_citation(batch))
    print(f"citeproc-py as shipped: {statistics.median(as_shipped):.2f} ms a citation; "
          f"with its answers kept: {statistics.median(with_kept):.2f} ms (median of 3, {len(batch) * 2} "
          "citations each)")


if __name__ == "__main__":
    main()
