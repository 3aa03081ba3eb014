"""The importer on the real releases it was tuned against (benchmarks/import/: the development set
and the probes): what it found when last recorded stays found, and it never states a fact the text
does not. The test set is never read here; its figures are the benchmark's
(benchmarks/import/score.py)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "import"
_spec = importlib.util.spec_from_file_location("import_score", BENCH / "score.py")
assert _spec and _spec.loader
score = importlib.util.module_from_spec(_spec)
sys.modules["import_score"] = score  # dataclasses look their module up by name
_spec.loader.exec_module(score)

PROBLEMS: list[str] = []
READ = {name: score.read_set(score.CORPUS / name, PROBLEMS) for name in score.READ_SETS}
RELEASES = READ["dev"]
RECORDED = {name: json.loads(score.FOUND[name].read_text(encoding="utf-8")) if score.FOUND[name].is_file()
            else {} for name in score.READ_SETS}
OUTCOMES = {(name, o.release.id): o for name, releases in READ.items() for o in score.run(releases)}


@pytest.mark.parametrize("name", score.READ_SETS)
def test_the_corpus_is_well_formed(name: str) -> None:
    assert PROBLEMS == []
    assert len(READ[name]) >= 20
    assert set(RECORDED[name]) == {r.id for r in READ[name]}, "run benchmarks/import/score.py --record"


@pytest.mark.parametrize(("name", "release"), sorted(OUTCOMES))
def test_found_facts_stay_found_and_nothing_is_guessed(name: str, release: str) -> None:
    outcome = OUTCOMES[(name, release)]
    assert sum(t.guessed for t in outcome.tallies.values()) == 0, outcome.wrong
    lost = sorted(set(RECORDED[name].get(release, ())) - set(outcome.found))
    assert lost == [], f"no longer found: {lost}"


def test_known_sources_names_the_set_a_source_is_in() -> None:
    spec = importlib.util.spec_from_file_location("known_sources", BENCH / "known_sources.py")
    assert spec and spec.loader
    known = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(known)
    by_source = known.sets_by_source()
    release = RELEASES[0]
    source = json.loads((score.CORPUS / "dev" / f"{release.id}.json").read_text(encoding="utf-8"))["source"]
    assert "dev" in by_source[known.address(source)]
    # the same address however written: scheme, "www." and a final slash aside
    assert known.address("https://www.example.org/a/") == known.address("http://example.org/a")
    assert known.address("https://example.org/never-a-source") not in by_source
    assert known.address("https://example.org/a?id=3&utm_source=feed") == known.address("example.org/a?id=3")


def test_known_sources_finds_a_release_reprinted_at_another_address() -> None:
    spec = importlib.util.spec_from_file_location("known_sources", BENCH / "known_sources.py")
    assert spec and spec.loader
    known = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(known)
    release = RELEASES[0]
    text = (score.CORPUS / "dev" / f"{release.id}.txt").read_text(encoding="utf-8")
    # the same text, another site's headline and layout around it
    share, found_in, found = known.nearest("Reprinted from a wire\n\n" + text + "\n\nRelated stories")
    assert (found_in, found) == ("dev", release.id) and share >= known.SAME
    assert known.nearest("A text about something else entirely, which no release of the corpus holds.")[0] \
        < known.SAME


def test_a_partys_label_is_stated_where_the_text_writes_any_of_its_names() -> None:
    """A label the draft gives for a party the text names by its Chinese or its former name is no
    guess, though the annotation leaves the party out; a label none of whose names the text writes
    is one."""
    from mouarchive.errors import Problems
    from mouarchive.vocabularies import load_vocabularies

    vocab = load_vocabularies(score.VOCABULARY, Problems())
    by_id = {p.id: p for p in vocab.parties}
    matcher = score.Matcher(vocab.party_names.resolve, lambda ident: score.party_names(by_id[ident]))

    def release(text: str) -> object:
        return score.Release("r", text, "zh-Hant", "", (), ())

    assert matcher.stated("party", "ITIB", release("創新科技及工業局局長孫東與廳長吳秋紅簽署備忘錄。"))
    assert matcher.stated("party", "ITIB", release("The Innovation and Technology Bureau signed an MoU."))
    assert not matcher.stated("party", "ITIB", release("The Education Bureau signed an MoU."))
