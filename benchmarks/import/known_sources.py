"""Which set of the corpus, if any, holds a release paraphrased from each address given.

Probes written outside the corpus (batches of variants to find what the importer misses, then
improve it) must not be paraphrases of a test-set release: readings made for such a probe would be
made, at one remove, for the test set. Before writing a probe from a real page, ask:

    python benchmarks/import/known_sources.py URL [URL ...]

Each address is printed with "dev", "test" or "new". Only the sources are read, never a release's
text or facts. Addresses are compared without their scheme, "www.", a final slash and tracking
parameters (utm_...).

The same release is often reprinted at other addresses (a news agency's story on ten sites), so a
probe's text can be checked too, once written:

    python benchmarks/import/known_sources.py --text PROBE.txt [PROBE.txt ...]

Each file is printed with the set of the corpus release whose text it shares most of, and how much
(the share of its four-character runs found in that release: paraphrases of one release shared
0.60-0.88 in the twenty-second session's check, different releases at most 0.53 in English and 0.15
in Chinese), or "new" below SAME. A test release is named only by its set.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"


SAME = 0.55  # a share of four-character runs above which two texts are taken for one release


def address(url: str) -> str:
    """The address as compared: no scheme, no "www.", no tracking parameters, no final slash."""
    bare = re.sub(r"^(?:https?://)?(?:www\.)?", "", url.strip())
    bare = re.sub(r"[?&]utm_[^&#]*", "", bare)
    return bare.rstrip("/")


def _runs(text: str) -> set[str]:
    flat = " ".join(text.split())
    return {flat[i:i + 4] for i in range(len(flat) - 3)}


def nearest(text: str) -> tuple[float, str, str]:
    """The corpus release whose text shares the most of `text`'s four-character runs: the share
    (of the smaller text's runs), its set and its id."""
    runs = _runs(text)
    best = (0.0, "new", "")
    for release in CORPUS.glob("*/*.txt"):
        theirs = _runs(release.read_text(encoding="utf-8"))
        share = len(runs & theirs) / max(1, min(len(runs), len(theirs)))
        if share > best[0]:
            best = (share, release.parent.name, release.stem)
    return best


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
    if urls[0] == "--text":
        for name in urls[1:]:
            share, found_in, release = nearest(Path(name).read_text(encoding="utf-8"))
            if share < SAME:
                print(name, "new", f"{share:.2f}")
            else:
                print(name, found_in, f"{share:.2f}", release if found_in != "test" else "")
        return 0
    known = sets_by_source()
    for url in urls:
        print(url, ",".join(sorted(known.get(address(url), ()))) or "new")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
