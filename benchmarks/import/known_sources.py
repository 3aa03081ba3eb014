"""Which set of the corpus, if any, holds a release paraphrased from each address given.

Probes written outside the corpus (batches of variants to find what the importer misses, then
improve it) must not be paraphrases of a test-set release: readings made for such a probe would be
made, at one remove, for the test set. Before writing a probe from a real page, ask:

    python benchmarks/import/known_sources.py URL [URL ...]

Each address is printed with "dev", "test" or "new". Only the sources are read, never a release's
text or facts. Addresses are compared without their scheme, "www." and a final slash.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"


def address(url: str) -> str:
    """The address as compared: no scheme, no "www.", no final slash."""
    return re.sub(r"^(?:https?://)?(?:www\.)?", "", url.strip()).rstrip("/")


def sets_by_source() -> dict[str, set[str]]:
    """Each release's source address -> the sets holding a release from it."""
    found: dict[str, set[str]] = {}
    for meta in CORPUS.glob("*/*.json"):
        source = json.loads(meta.read_text(encoding="utf-8")).get("source") or ""
        found.setdefault(address(source), set()).add(meta.parent.name)
    return found


def main(urls: list[str]) -> int:
    if not urls:
        print(__doc__.strip().splitlines()[0], file=sys.stderr)
        return 2
    missing = [name for name in ("dev", "test") if not any((CORPUS / name).glob("*.json"))]
    if missing:
        # A helper's worktree has the test set taken out: there every address would seem "new"
        # (the twenty-first session's probes included 13 test-set pages so: RESULTS.md).
        print(f"{CORPUS}: no {' or '.join(missing)} set here, so an address from it would be called new; "
              "run this from a checkout that has both sets", file=sys.stderr)
        return 2
    known = sets_by_source()
    for url in urls:
        print(url, ",".join(sorted(known.get(address(url), ()))) or "new")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
