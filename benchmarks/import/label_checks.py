"""Every label of the corpus against the importer's last checks: which labelled facts a check would
leave out.

A last check is a property every proposed fact of a kind must have, whichever reading proposed it
(RESULTS.md, issue 13). It may stand only where every label of its kind has that property too, each
value and each of its other forms (`also`): else it leaves out a fact a draft could have had.

    python benchmarks/import/label_checks.py                     # dev and the probes
    python benchmarks/import/label_checks.py --corpus BATCH/dev  # and a fresh batch's labels

The test set's labels are never read. Each check prints how many labels it was asked about and
each one it would leave out, with its release; the exit status is 0 either way (a disagreement is
for the reader to weigh: RESULTS.md says which stand and why).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(__file__).resolve().parent / "corpus"
sys.path.insert(0, str(ROOT / "src"))

from mouarchive.importer.chinese import _a_name, _well_formed  # noqa: E402  # (after the path is set)
from mouarchive.importer.parties import well_formed_name  # noqa: E402
from mouarchive.importer.places import _DOINGS, _OCCASION  # noqa: E402


@dataclass(frozen=True)
class Check:
    """A last check: the fields and language of the labels it applies to, and whether a value passes."""

    name: str
    fields: tuple[str, ...]
    chinese: bool | None  # True: Chinese releases only; False: English only; None: both
    passes: Callable[[str], bool]


CHECKS = (
    Check("parties.well_formed_name", ("party",), False, well_formed_name),
    Check("chinese._well_formed", ("party",), True, _well_formed),
    Check("places: no occasion (_OCCASION), no doing (_DOINGS)", ("place",), None,
          lambda place: not _OCCASION.search(place) and not _DOINGS.search(place)),
    Check("chinese._a_name", ("signatory", "witness"), True, _a_name),
)


def labels(folders: list[Path]) -> Iterator[tuple[str, bool, dict[str, object]]]:
    """(release, whether it is in Chinese, fact) for every labelled fact of the folders' releases."""
    for folder in folders:
        for path in sorted(folder.glob("*.json")):
            release = json.loads(path.read_text(encoding="utf-8"))
            for fact in release["facts"]:
                yield path.stem, str(release["lang"]).startswith("zh"), fact


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, action="append", default=[],
                        help="a folder of labelled releases besides dev and the probes (repeatable)")
    args = parser.parse_args(argv)
    facts = list(labels([CORPUS / "dev", CORPUS / "probes", *args.corpus]))
    for check in CHECKS:
        asked, failed = 0, []
        for release, chinese, fact in facts:
            if fact["field"] not in check.fields or (check.chinese is not None and chinese != check.chinese):
                continue
            for form in [fact["value"], *fact.get("also", [])]:
                asked += 1
                if not check.passes(str(form)):
                    failed.append(f"  {release}: {form!r}" + ("" if form == fact["value"] else
                                                              f" (another form of {fact['value']!r})"))
        print(f"{check.name}: {asked} labels, {len(failed)} it would leave out")
        if failed:
            print("\n".join(failed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
