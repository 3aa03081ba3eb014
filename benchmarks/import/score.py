"""Score `mouarchive import` against the corpus of real releases (README.md here says how).

    python benchmarks/import/score.py                 # the development set, the test set, the probes
    python benchmarks/import/score.py --set dev --details
    python benchmarks/import/score.py --set dev --set probes --lines > after.txt   # to diff
    python benchmarks/import/score.py --check corpus/incoming   # the corpus files themselves
    python benchmarks/import/score.py --json out.json           # the figures, for RESULTS.md

A benchmark, not a test: it never fails a build. It exits 2 only when the corpus itself is malformed.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # (the package is put on the path only when the corpus is run)
    from mouarchive.model import Party

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CORPUS = HERE / "corpus"
# The vocabularies drafts are read with: the example archive's as it was when the corpus was made,
# kept here so that growing content/ does not move the figures.
VOCABULARY = HERE / "vocabulary"
# The sets: dealt by split.py into the development set (read and tuned against) and the test set
# (only scored); the probes are releases found while working, read and tuned against, never dealt
# (README.md, "Probes").
SETS = ("dev", "test", "probes")
TITLES = {"dev": "Development set", "test": "Test set", "probes": "Probes"}
READ_SETS = ("dev", "probes")  # the sets whose misses are read, and whose found facts are kept found
# What each read set's drafts found when last recorded (tests/test_import_corpus.py keeps it found).
FOUND = {name: HERE / f"{name}_found.json" for name in READ_SETS}
FIELDS = ("published", "signed", "instrument", "party", "signatory", "witness", "place")
LANGS = ("en", "zh-Hant", "zh-Hans")
DATE = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
HONORIFICS = frozenset(["mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "ir",
                        "madam", "he", "hon", "the"])


# --- the corpus ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fact:
    field: str
    value: str
    also: tuple[str, ...]
    sentence: str

    @property
    def forms(self) -> tuple[str, ...]:
        return (self.value, *self.also)


@dataclass(frozen=True)
class Release:
    id: str
    text: str
    lang: str
    source: str
    facts: tuple[Fact, ...]
    other_dates: tuple[str, ...]


def read_release(txt: Path, problems: list[str]) -> Release | None:
    """One release and its facts; what is wrong with them goes to `problems`, named by file."""
    meta = txt.with_suffix(".json")
    where = f"{meta.relative_to(ROOT) if meta.is_relative_to(ROOT) else meta}"
    if not meta.is_file():
        problems.append(f"{where}: missing (each .txt needs its .json)")
        return None
    text = txt.read_text(encoding="utf-8")
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        problems.append(f"{where}:{exc.lineno}: not JSON: {exc.msg}")
        return None
    before = len(problems)
    for key in ("source", "lang", "facts"):
        if key not in data:
            problems.append(f"{where}: no '{key}'")
    if data.get("lang") not in LANGS:
        problems.append(f"{where}: lang must be one of {', '.join(LANGS)}")
    facts = []
    for i, item in enumerate(data.get("facts", [])):
        at = f"{where}: facts[{i}]"
        kind, value, sentence = item.get("field"), item.get("value"), item.get("sentence", "")
        if kind not in FIELDS:
            problems.append(f"{at}: field '{kind}' is not one of {', '.join(FIELDS)}")
            continue
        if not isinstance(value, str) or not value.strip():
            problems.append(f"{at}: no value")
            continue
        if not sentence or sentence not in text:
            problems.append(f"{at}: its sentence is not word for word in {txt.name}: {sentence[:60]!r}")
        also = tuple(item.get("also", ()))
        if kind in ("published", "signed"):
            if not DATE.fullmatch(value):
                problems.append(f"{at}: a date is written 2023-08-17 (or 2023-08), not {value!r}")
        elif sentence and not any(_normal(f) in _normal(sentence) for f in (value, *also)) \
                and not set(_tokens(value)) <= set(_tokens(sentence)):
            problems.append(f"{at}: '{value}' (or a form in 'also') is not in its sentence")
        facts.append(Fact(kind, value, also, sentence))
    other = tuple(data.get("other_dates", ()))
    for value in other:
        if not DATE.fullmatch(str(value)):
            problems.append(f"{where}: other_dates: {value!r} is not an ISO date")
    if len(problems) > before:
        return None
    return Release(txt.stem, text, data["lang"], data["source"], tuple(facts), other)


def read_set(folder: Path, problems: list[str]) -> list[Release]:
    found = [read_release(txt, problems) for txt in sorted(folder.glob("*.txt"))]
    for meta in sorted(folder.glob("*.json")):
        if not meta.with_suffix(".txt").is_file():
            problems.append(f"{meta}: no .txt beside it")
    return [r for r in found if r is not None]


# --- what a draft says ---------------------------------------------------------------------------


def _normal(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().replace("’", "'")
    return " ".join(re.sub(r"[.,;:'\"“”()（）「」、，。]", " ", text).split())


def _tokens(text: str) -> tuple[str, ...]:
    """A name's words in order, honorifics and hyphens aside; a Chinese name is one token."""
    words = re.split(r"[\s\-‐]+", _normal(text))
    while words and words[0] in HONORIFICS:
        words = words[1:]
    return tuple(w for w in words if w)


def _name_key(text: str) -> str:
    if CJK.search(text):
        return re.sub(r"\s+", "", _normal(text))
    return " ".join(sorted(_tokens(text)))  # 'CHAN Tai-man' and 'Tai-man Chan' are one name


def _org_key(text: str) -> str:
    text = _normal(text)
    text = re.sub(r"^the\s+", "", text)
    return re.sub(r"\s+", "" if CJK.search(text) else " ", text)


def _instrument_key(text: str) -> str:
    text = _org_key(text)
    return text[:-1] if text.endswith("s") and not text.endswith("ss") else text


def predictions(draft: object) -> dict[str, list[str]]:
    """The draft's facts by field kind, as its values read (a party as its label or name)."""
    found: dict[str, list[str]] = {f: [] for f in FIELDS}
    published = getattr(draft, "published", None)
    if published is not None:
        found["published"].append(published.iso)
    for agreement in getattr(draft, "agreements", ()):
        if agreement.signed is not None:
            found["signed"].append(agreement.signed.iso)
        if agreement.instrument:
            found["instrument"].append(agreement.instrument)
        found["party"] += [*agreement.parties, *agreement.unknown_parties]
        found["signatory"] += [p.name for p in agreement.signatories]
        found["witness"] += [p.name for p in agreement.witnesses]
        if getattr(agreement, "place", None):
            found["place"].append(agreement.place)
    # One value stated for two agreements is one fact (README): count it once.
    return {kind: list(dict.fromkeys(values)) for kind, values in found.items()}


# --- scoring -------------------------------------------------------------------------------------


@dataclass
class Tally:
    expected: int = 0
    predicted: int = 0
    correct: int = 0
    guessed: int = 0

    def add(self, other: Tally) -> None:
        self.expected += other.expected
        self.predicted += other.predicted
        self.correct += other.correct
        self.guessed += other.guessed

    @property
    def recall(self) -> float | None:
        return self.correct / self.expected if self.expected else None

    @property
    def precision(self) -> float | None:
        return self.correct / self.predicted if self.predicted else None


@dataclass
class Outcome:
    release: Release
    tallies: dict[str, Tally] = field(default_factory=dict)
    found: list[str] = field(default_factory=list)  # "field: value" of each expected fact found
    misses: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)


class Matcher:
    """Whether a draft's value is an expected fact, and whether the text states it at all."""

    def __init__(self, resolve: Callable[[str], str | None], names_of: Callable[[str], Sequence[str]]):
        self.resolve = resolve  # a party's name or label to its id in content/parties.yaml
        self.names_of = names_of  # a party id's names

    def same(self, kind: str, got: str, fact: Fact) -> bool:
        if kind in ("published", "signed"):
            return got == fact.value
        if kind in ("signatory", "witness"):
            return any(_name_key(got) == _name_key(form) for form in fact.forms)
        if kind == "instrument":
            return any(_instrument_key(got) == _instrument_key(form) for form in fact.forms)
        if kind == "party":
            ident = self.resolve(got)
            if ident is not None and any(self.resolve(form) == ident for form in fact.forms):
                return True
            return any(_org_key(got) == _org_key(form) for form in fact.forms)
        return any(_org_key(got) == _org_key(form) for form in fact.forms)

    def stated(self, kind: str, got: str, release: Release) -> bool:
        """False when the draft's value is nowhere in the text: a guess."""
        if kind in ("published", "signed"):
            dates = {f.value for f in release.facts if f.field in ("published", "signed")}
            return got in dates or got in release.other_dates
        text = _normal(release.text)
        forms = [got]
        if kind == "party" and (ident := self.resolve(got)):
            forms += self.names_of(ident)
        for form in forms:
            if CJK.search(form):
                if re.sub(r"\s+", "", _normal(form)) in re.sub(r"\s+", "", text):
                    return True
            elif kind in ("signatory", "witness"):
                words = set(re.split(r"[\s\-‐]+", text))
                # A Latin name in a Chinese text has no space before it ("大臣Khalid Al-Falih").
                if set(_tokens(form)) <= words or _normal(form) in text:
                    return True
            elif _normal(form) in text or _normal(re.sub(r"^the\s+", "", form, flags=re.I)) in text:
                return True
        return False


def party_names(party: Party) -> list[str]:
    """Every name a party of the vocabulary goes by: a draft that gives its label states it where
    the text writes any of them (創新科技及工業局 is ITIB, by its Chinese name; the Innovation and
    Technology Bureau is ITIB, by its former name), so the label is no guess there."""
    names = [party.name, party.acronym, *party.aliases, *(n for _, n in party.names)]
    names += [n for former in party.former_names for n in (former.name, former.acronym)]
    return [n for n in names if n]


def score(release: Release, got: dict[str, list[str]], matcher: Matcher) -> Outcome:
    outcome = Outcome(release)
    for kind in FIELDS:
        expected = [f for f in release.facts if f.field == kind]
        tally = Tally(expected=len(expected), predicted=len(got[kind]))
        left = list(expected)
        for value in got[kind]:
            hit = next((f for f in left if matcher.same(kind, value, f)), None)
            if hit is not None:
                left.remove(hit)
                tally.correct += 1
                outcome.found.append(f"{kind}: {hit.value}")
            elif any(matcher.same(kind, value, f) for f in expected):
                tally.predicted -= 1  # the same fact twice in other words: not a second fact
            else:
                guessed = not matcher.stated(kind, value, release)
                tally.guessed += guessed
                outcome.wrong.append(f"{kind}: {value!r}{' (GUESSED: not in the text)' if guessed else ''}")
        outcome.misses += [f"{kind}: {f.value!r}  <- {f.sentence[:110]!r}" for f in left]
        outcome.tallies[kind] = tally
    return outcome


def run(releases: Iterable[Release]) -> list[Outcome]:
    sys.path.insert(0, str(ROOT / "src"))
    from mouarchive.errors import Problems
    from mouarchive.importer import draft_from_text
    from mouarchive.vocabularies import load_vocabularies

    problems = Problems()
    vocab = load_vocabularies(VOCABULARY, problems)
    by_id = {p.id: p for p in vocab.parties}
    matcher = Matcher(vocab.party_names.resolve, lambda ident: party_names(by_id[ident]))
    return [score(r, predictions(draft_from_text(r.text, vocab, r.id)), matcher) for r in releases]


# --- the report ----------------------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def totals(outcomes: Iterable[Outcome]) -> dict[str, Tally]:
    summed = {kind: Tally() for kind in (*FIELDS, "all")}
    for outcome in outcomes:
        for kind, tally in outcome.tallies.items():
            summed[kind].add(tally)
            summed["all"].add(tally)
    return summed


def table(title: str, outcomes: list[Outcome]) -> str:
    summed = totals(outcomes)
    chinese = totals(o for o in outcomes if o.release.lang != "en")["all"]
    lines = [f"### {title}: {len(outcomes)} releases "
             f"({sum(o.release.lang != 'en' for o in outcomes)} in Chinese)", "",
             "| field | expected | found | recall | precision | guessed |", "|---|---|---|---|---|---|"]
    for kind, tally in summed.items():
        name = "**all**" if kind == "all" else kind
        lines.append(f"| {name} | {tally.expected} | {tally.correct} | {_pct(tally.recall)} | "
                     f"{_pct(tally.precision)} | {tally.guessed} |")
    lines.append(f"| Chinese releases | {chinese.expected} | {chinese.correct} | {_pct(chinese.recall)} "
                 f"| {_pct(chinese.precision)} | {chinese.guessed} |")
    return "\n".join(lines)


def as_json(outcomes: list[Outcome]) -> dict[str, object]:
    def figures(t: Tally) -> dict[str, object]:
        return {"expected": t.expected, "predicted": t.predicted, "correct": t.correct,
                "guessed": t.guessed, "recall": t.recall, "precision": t.precision}
    summed = totals(outcomes)
    return {"releases": len(outcomes), **{k: figures(t) for k, t in summed.items()},
            "chinese": figures(totals(o for o in outcomes if o.release.lang != "en")["all"])}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", choices=SETS, action="append", help="score only this set")
    parser.add_argument("--details", action="store_true", help="list each miss and wrong value")
    parser.add_argument("--lines", action="store_true",
                        help="only each miss and wrong value, one sorted line each, named by set and "
                             "release: two runs' outputs diff line by line")
    parser.add_argument("--check", type=Path, metavar="DIR", help="only check the corpus files in DIR")
    parser.add_argument("--corpus", type=Path, default=CORPUS, metavar="DIR",
                        help="the corpus, holding dev/ and test/ (default: corpus/ here)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    parser.add_argument("--record", action="store_true",
                        help="write the found facts of the sets read (dev, probes) to "
                             f"{', '.join(f.name for f in FOUND.values())}, which "
                             "tests/test_import_corpus.py keeps found")
    args = parser.parse_args(argv)
    problems: list[str] = []
    if args.check:
        releases = read_set(args.check, problems)
        print("\n".join(problems) or f"{len(releases)} releases, no problems")
        return 2 if problems else 0
    results: dict[str, object] = {}
    lines: list[str] = []
    for name in args.set or SETS:
        releases = read_set(args.corpus / name, problems)
        if problems:
            print("\n".join(problems), file=sys.stderr)
            return 2
        outcomes = run(releases)
        results[name] = as_json(outcomes)
        if args.record and name in FOUND:
            FOUND[name].write_text(json.dumps({o.release.id: sorted(o.found) for o in outcomes}, indent=1,
                                              ensure_ascii=False) + "\n", encoding="utf-8")
        if args.lines:
            lines += [f"{name} {o.release.id}: {kind} {value}" for o in outcomes
                      for kind, values in (("missed", o.misses), ("wrong ", o.wrong)) for value in values]
            continue
        print(table(TITLES[name], outcomes))
        print()
        if args.details:
            for o in outcomes:
                if o.misses or o.wrong:
                    print(f"{o.release.id} ({o.release.lang})")
                    print("".join(f"  missed {m}\n" for m in o.misses) +
                          "".join(f"  wrong  {w}\n" for w in o.wrong), end="")
            print()
        guessed = Counter({o.release.id: sum(t.guessed for t in o.tallies.values()) for o in outcomes})
        if +guessed:
            print("guessed facts in: " + ", ".join(f"{k} ({v})" for k, v in (+guessed).items()) + "\n")
    if args.lines:
        print("\n".join(sorted(lines)))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
