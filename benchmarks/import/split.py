"""Move new releases from corpus/incoming/ into the development or the test set.

The set is chosen by a rule, never by hand, so that nobody picks the easy ones for the test set:
within each language, the releases are ordered by the SHA-256 of their id and dealt alternately,
the first to the test set. A release already in a set stays there.

    python benchmarks/import/split.py
"""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"


def main() -> int:
    incoming = sorted((CORPUS / "incoming").glob("*.json"))
    by_lang: dict[str, list[Path]] = {}
    for meta in incoming:
        lang = json.loads(meta.read_text(encoding="utf-8"))["lang"]
        by_lang.setdefault(lang, []).append(meta)
    for lang, metas in sorted(by_lang.items()):
        # Continue the dealing where the sets stand, so adding releases keeps them even.
        counts = {name: sum(json.loads(m.read_text(encoding="utf-8"))["lang"] == lang
                            for m in (CORPUS / name).glob("*.json")) for name in ("dev", "test")}
        for meta in sorted(metas, key=lambda m: hashlib.sha256(m.stem.encode()).hexdigest()):
            name = "test" if counts["test"] <= counts["dev"] else "dev"
            counts[name] += 1
            (CORPUS / name).mkdir(exist_ok=True)
            for path in (meta, meta.with_suffix(".txt")):
                shutil.move(path, CORPUS / name / path.name)
            print(f"{lang:8} {name:5} {meta.stem}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
