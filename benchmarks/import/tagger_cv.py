"""Does a CRF tagger trained on the read sets find facts the rules miss, on releases it never saw?

An experiment for issue 13, not part of the benchmark: 5-fold cross-validation by release over the
development set and the probes (never the test set). Each fold trains a CRF (python-crfsuite) on the
other four folds' releases, labelled BIO from the corpus's facts and their sentences, and tags the
held-out releases; the rule importer reads them too. A CRF span is added to the rules' values only
in a sentence with a signing or witnessing word (the issue's condition), when the rules do not already
have it, and when its mean marginal probability reaches a threshold. Scored with score.py's own
matching.

    PYTHONPATH=src:/tmp/crf24-lib .venv/bin/python benchmarks/import/tagger_cv.py   # writes tagger_cv.md

python-crfsuite is not a dependency of the project: install it beside the environment
(`pip install --target DIR python-crfsuite`) and put DIR on PYTHONPATH.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parents[1] / "src"))

import pycrfsuite  # noqa: E402
from score import (  # noqa: E402
    CJK,
    CORPUS,
    FIELDS,
    VOCABULARY,
    Fact,
    Matcher,
    Outcome,
    Release,
    Tally,
    party_names,
    predictions,
    read_set,
    score,
)

from mouarchive.importer import lexicon  # noqa: E402
from mouarchive.importer.text import sentences  # noqa: E402

SETS = ("dev", "probes")  # the read sets only: the test set is never read here
SPAN_FIELDS = ("party", "signatory", "witness", "place", "instrument")
PEOPLE = ("signatory", "witness")
THRESHOLDS = (0.5, 0.7, 0.8, 0.9, 0.95)
FOLDS = 5
# CJK ideographs one token each (robust to the corpus's spans, which follow no word boundary); Latin
# words with their inner hyphens; numbers; any other character alone.
TOKEN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]|(?:(?![\u3400-\u9fff\uf900-\ufaff])[^\W\d_])+"
                   r"(?:[-‐](?:(?![\u3400-\u9fff\uf900-\ufaff])[^\W\d_])+)*|\d+|\S")
# The sentence's witnessing word (the signing word is the importer's own SIGN_VERB).
WITNESSING = re.compile(r"\bwitness(?:ed|es|ing)?\b|\bin\s+the\s+presence\s+of\b|見證|见证", re.IGNORECASE)
BEHALF = re.compile(r"\bon\s+behalf\s+of\b|代表", re.IGNORECASE)
ATTENDING = re.compile(r"\battend(?:ed|ing)?\b|\bofficiated\b|出席|主持", re.IGNORECASE)
# Words a role's name follows: the nearest one to a token's left, and how far, is a feature.
TRIGGERS = lexicon.words("""signed sign signing signs inked witnessed witness witnessing presence behalf
between by and with 簽 签 署 訂 订 證 证 代 表 由 與 与 和 及 席 、""")
HONORIFIC_WORDS = lexicon.words("mr mrs ms miss dr prof professor sir dame ir madam hon")


# --- labels from the corpus ----------------------------------------------------------------------


@dataclass
class Alignment:
    """Where each span fact of a release is written: (start, end, field) in its text."""
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    aligned: Counter[str] = field(default_factory=Counter)
    unaligned: list[str] = field(default_factory=list)


def _occurrences(needle: str, haystack: str) -> Iterable[int]:
    start = haystack.find(needle)
    while needle and start >= 0:
        yield start
        start = haystack.find(needle, start + 1)


def _form_spans(form: str, sentence: str) -> list[tuple[int, int]]:
    """Where a fact's form is in its sentence: as written, else in any case, else (a name given in
    another order, "CHAN Tai-man" for "Tai-man Chan") the shortest run of words holding all its words."""
    found = [(i, i + len(form)) for i in _occurrences(form, sentence)]
    if found or not form.strip():
        return found
    if len(sentence.lower()) == len(sentence):  # (lower() keeps the offsets)
        found = [(i, i + len(form)) for i in _occurrences(form.lower(), sentence.lower())]
        if found:
            return found
    wanted = [w for w in re.split(r"[\s\-‐]+", form.lower()) if w and w.strip(".") not in HONORIFIC_WORDS]
    words = [(m.start(), m.end(), m.group(0).lower()) for m in re.finditer(r"[^\s\-‐,;()]+", sentence)]
    if not wanted or CJK.search(form):
        return []
    for size in range(len(wanted), len(wanted) + 3):
        for i in range(len(words) - size + 1):
            window = words[i:i + size]
            if sorted(w for *_, w in window if w in wanted) == sorted(wanted) and \
                    window[0][2] in wanted and window[-1][2] in wanted:
                return [(window[0][0], window[-1][1])]
    return []


def align(release: Release) -> Alignment:
    """Each span fact's forms found in each place its sentence is written in the text."""
    alignment = Alignment()
    for fact in release.facts:
        if fact.field not in SPAN_FIELDS:
            continue
        spans = [(at + s, at + e, fact.field) for at in _occurrences(fact.sentence, release.text)
                 for form in fact.forms for s, e in _form_spans(form, fact.sentence)]
        if spans:
            alignment.aligned[fact.field] += 1
            alignment.spans += spans
        else:
            alignment.unaligned.append(f"{release.id}: {fact.field}: {fact.value!r}")
    return alignment


@dataclass
class Sentence:
    text: str
    tokens: list[tuple[int, int]]  # offsets in the sentence
    labels: list[str]
    features: list[list[str]] = field(default_factory=list)


def char_fields(text: str, spans: Sequence[tuple[int, int, str]]) -> list[tuple[int, str] | None]:
    """Each character's (span number, field); where spans overlap, the longest is kept."""
    marks: list[tuple[int, str] | None] = [None] * len(text)
    for n, (start, end, kind) in enumerate(sorted(spans, key=lambda s: s[0] - s[1])):
        if all(m is None for m in marks[start:end]):
            marks[start:end] = [(n, kind)] * (end - start)
    return marks


def labelled_sentences(release: Release, spans: Sequence[tuple[int, int, str]]) -> list[Sentence]:
    marks = char_fields(release.text, spans)
    found = []
    for start, end in sentences(release.text):
        text = release.text[start:end]
        tokens = [(m.start(), m.end()) for m in TOKEN.finditer(text)]
        labels, previous = [], None
        for s, _ in tokens:
            mark = marks[start + s]
            labels.append("O" if mark is None else f"{'I' if mark[0] == previous else 'B'}-{mark[1]}")
            previous = None if mark is None else mark[0]
        if tokens:
            found.append(Sentence(text, tokens, labels))
    return found


# --- features ------------------------------------------------------------------------------------


def shape(word: str) -> str:
    kinds = ("X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else
             "C" if CJK.match(c) else c for c in word)
    out = ""
    for kind in kinds:
        if not out.endswith(kind):
            out += kind
    return out


def _bucket(distance: int) -> str:
    return "1" if distance <= 1 else "2" if distance == 2 else "3-5" if distance <= 5 else \
        "6-10" if distance <= 10 else "far"


@lru_cache(maxsize=1)
def _jieba():  # jieba has no type hints; loaded as zh_names.py loads it
    import logging

    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)
    return jieba.posseg.POSTokenizer(jieba.Tokenizer())


def jieba_marks(text: str) -> dict[int, tuple[str, str]]:
    """For each CJK character's offset: its place in jieba's word (B, M, E, S) and the word's tag."""
    marks, at = {}, 0
    for pair in _jieba().cut(text):
        word, tag = pair.word, pair.flag
        for i in range(len(word)):
            if CJK.match(word[i]):
                place = "S" if len(word) == 1 else "B" if i == 0 else "E" if i == len(word) - 1 else "M"
                marks[at + i] = (place, tag)
        at += len(word)
    return marks


def lexical(word: str) -> list[str]:
    """Membership of the importer's own word lists (lexicon.py)."""
    low = word.lower()
    flags = [name for name, words in (("title", lexicon.TITLE_WORDS), ("org", lexicon.ORG_WORDS),
                                      ("placew", lexicon.PLACE_WORDS), ("country", lexicon.COUNTRIES),
                                      ("notname", lexicon.NOT_NAMES), ("body", lexicon.BODY_NOUNS))
             if low in words]
    if word in lexicon.SUFFIXES:
        flags.append("suffix")
    if low in HONORIFIC_WORDS:
        flags.append("hon")
    return flags


def token_features(word: str) -> list[str]:
    return [f"w={word.lower()}", f"shape={shape(word)}", f"title={word.istitle()}", f"caps={word.isupper()}",
            *(f"lex={flag}" for flag in lexical(word))]


def sentence_features(sentence: Sentence) -> list[list[str]]:
    text = sentence.text
    words = [text[s:e] for s, e in sentence.tokens]
    flags = [f"sent.{name}" for name, pattern in (("sign", lexicon.SIGN_VERB), ("witness", WITNESSING),
                                                   ("behalf", BEHALF), ("attend", ATTENDING))
             if pattern.search(text)]
    # Where the importer's honorific-and-name pattern reads a person: its honorific, then its name.
    people = {}
    for m in lexicon.HONORIFIC_PERSON.finditer(text):
        for i in range(m.start("hon"), m.end("hon")):
            people[i] = "hon"
        for i in range(m.start("name"), m.end("name")):
            people[i] = "name"
    zh = jieba_marks(text) if CJK.search(text) else {}
    own = [token_features(w) for w in words]
    found, trigger = [], None
    for i, (word, (start, _)) in enumerate(zip(words, sentence.tokens, strict=True)):
        feats = ["bias", *own[i], f"p3={word[:3].lower()}", f"s3={word[-3:].lower()}",
                 f"digit={any(c.isdigit() for c in word)}", f"hyphen={'-' in word}", *flags]
        if start in people:
            feats.append(f"person={people[start]}")
        if start in zh:
            feats += [f"jb={zh[start][0]}", f"jt={zh[start][1]}", f"jbt={zh[start][0]}{zh[start][1]}"]
        if CJK.match(word):
            feats += [f"bi-={words[i - 1] if i else '^'}{word}",
                      f"bi+={word}{words[i + 1] if i + 1 < len(words) else '$'}"]
        if trigger is not None:
            feats += [f"trig={words[trigger].lower()}", f"trig.d={_bucket(i - trigger)}"]
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < len(words):
                feats += [f"{offset}:{f}" for f in own[j]]
            else:
                feats.append(f"{offset}:edge")
        found.append(feats)
        if word.lower() in TRIGGERS:
            trigger = i
    return found


# --- the rules and the tagger --------------------------------------------------------------------


def rule_reader() -> tuple[object, Matcher]:
    """The importer's draft reader and score.py's matcher, read with the benchmark's vocabularies."""
    from mouarchive.errors import Problems
    from mouarchive.importer import draft_from_text
    from mouarchive.vocabularies import load_vocabularies

    vocab = load_vocabularies(VOCABULARY, Problems())
    by_id = {p.id: p for p in vocab.parties}
    matcher = Matcher(vocab.party_names.resolve, lambda ident: party_names(by_id[ident]))
    return (lambda release: predictions(draft_from_text(release.text, vocab, release.id))), matcher


@dataclass(frozen=True)
class Proposal:
    kind: str
    value: str
    probability: float  # the mean marginal of its labels
    role_sentence: bool  # in a sentence with a signing or witnessing word


def train(sentences_: Iterable[Sentence], path: Path, iterations: int) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for s in sentences_:
        trainer.append(s.features, s.labels)
    trainer.set_params({"c1": 0.1, "c2": 0.1, "max_iterations": iterations,
                        "feature.possible_transitions": True})
    trainer.train(str(path))


def tag(tagger: pycrfsuite.Tagger, sentence: Sentence) -> list[Proposal]:
    """The tagger's spans (maximal runs of one field's labels) in a sentence."""
    labels = tagger.tag(sentence.features)
    role = bool(lexicon.SIGN_VERB.search(sentence.text) or WITNESSING.search(sentence.text))
    found, i = [], 0
    while i < len(labels):
        if labels[i] == "O":
            i += 1
            continue
        kind, j = labels[i][2:], i + 1
        while j < len(labels) and labels[j] == f"I-{kind}":
            j += 1
        probability = sum(tagger.marginal(labels[k], k) for k in range(i, j)) / (j - i)
        value = sentence.text[sentence.tokens[i][0]:sentence.tokens[j - 1][1]]
        found.append(Proposal(kind, value, probability, role))
        i = j
    return found


def is_known(kind: str, value: str, values: Iterable[str], matcher: Matcher) -> bool:
    """Whether a value is one of `values` by score.py's matching."""
    return any(matcher.same(kind, value, Fact(kind, other, (), "")) for other in values)


def combined(rules: dict[str, list[str]], proposals: Iterable[Proposal], matcher: Matcher,
             threshold: float | None, conservative: bool = True,
             empty_only: bool = False) -> dict[str, list[str]]:
    """The rules' values, plus each proposal that passes: in a role sentence, new, and likely enough
    (and, `empty_only`, of a field the rules found nothing for). `threshold` None gives the tagger's
    values alone (no rules, no filter unless `conservative`)."""
    got = {kind: list(values) for kind, values in rules.items()} if threshold is not None else \
        {kind: [] for kind in FIELDS}
    for p in proposals:
        if (conservative and not p.role_sentence) or (empty_only and rules[p.kind]):
            continue
        if threshold is not None and p.probability < threshold:
            continue
        if p.value.strip() and not is_known(p.kind, p.value, got[p.kind], matcher):
            got[p.kind].append(p.value)
    return got


# --- the experiment ------------------------------------------------------------------------------


@dataclass
class Held:
    """One held-out release: what the rules and the tagger said of it."""
    set: str
    release: Release
    rules: dict[str, list[str]]
    proposals: list[Proposal]


def folds_of(releases: Sequence[tuple[str, Release]], seed: int) -> list[int]:
    """A fold for each release: dealt in turn within each set and language, so each fold has its share."""
    order = sorted(range(len(releases)), key=lambda i: (releases[i][0], releases[i][1].lang,
                                                        releases[i][1].id))
    random.Random(seed).shuffle(order)
    order.sort(key=lambda i: (releases[i][0], releases[i][1].lang))  # (stable: shuffled within groups)
    fold = [0] * len(releases)
    for n, i in enumerate(order):
        fold[i] = n % FOLDS
    return fold


def tallies(outcomes: Iterable[Outcome], kinds: Sequence[str]) -> Tally:
    total = Tally()
    for o in outcomes:
        for kind in kinds:
            total.add(o.tallies[kind])
    return total


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def row(name: str, t: Tally) -> str:
    return (f"| {name} | {t.expected} | {t.correct} | {_pct(t.recall)} | {t.predicted} | "
            f"{t.predicted - t.correct} | {_pct(t.precision)} | {t.guessed} |")


HEADER = ["| system | expected | found | recall | predicted | wrong | precision | guessed |",
          "|---|---|---|---|---|---|---|---|"]


def systems(held: Sequence[Held], matcher: Matcher) -> dict[str, list[Outcome]]:
    """Each system's outcomes on the held-out releases: the rules, the rules with the tagger at each
    threshold, and the tagger alone (every span, and only those of role sentences)."""
    found: dict[str, list[Outcome]] = {"rules alone": [score(h.release, h.rules, matcher) for h in held]}
    for t in THRESHOLDS:
        found[f"rules + CRF ≥ {t}"] = [score(h.release, combined(h.rules, h.proposals, matcher, t), matcher)
                                       for h in held]
    for t in THRESHOLDS:
        found[f"rules + CRF ≥ {t}, empty fields only"] = [
            score(h.release, combined(h.rules, h.proposals, matcher, t, empty_only=True), matcher)
            for h in held]
    found["CRF alone"] = [score(h.release, combined(h.rules, h.proposals, matcher, None, False), matcher)
                          for h in held]
    found["CRF alone, role sentences"] = [
        score(h.release, combined(h.rules, h.proposals, matcher, None), matcher) for h in held]
    return found


def gains(rules: Sequence[Outcome], other: Sequence[Outcome], kinds: Sequence[str]) -> tuple[int, int, int]:
    """(the rules' misses found, the rules' finds lost, wrong values added) over `kinds`."""
    recovered = lost = added = 0
    for a, b in zip(rules, other, strict=True):
        mine = Counter(f for f in a.found if f.split(":")[0] in kinds)
        theirs = Counter(f for f in b.found if f.split(":")[0] in kinds)
        recovered += sum((theirs - mine).values())
        lost += sum((mine - theirs).values())
        added += sum((b.tallies[k].predicted - b.tallies[k].correct)
                     - (a.tallies[k].predicted - a.tallies[k].correct) for k in kinds)
    return recovered, lost, added


OTHER_FIELD, CUT_WRONG, SOMETHING_ELSE = "another field's fact", "a fact's span cut wrong", "something else"


def _squeezed(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def added_wrong(held: Sequence[Held], matcher: Matcher, threshold: float) -> Counter[str]:
    """What the values the tagger added at a threshold, and no expected fact matches, are: a fact of
    another field (a witness as a signatory), a fact's span cut wrong (a part of it, or more than
    it), or something else the text names (an attendee, another body)."""
    found: Counter[str] = Counter()
    for h in held:
        got = combined(h.rules, h.proposals, matcher, threshold)
        for kind in SPAN_FIELDS:
            expected = [f for f in h.release.facts if f.field == kind]
            for value in got[kind][len(h.rules[kind]):]:
                if any(matcher.same(kind, value, f) for f in expected):
                    continue
                mine = _squeezed(value)
                if any(matcher.same(f.field, value, f) for f in h.release.facts if f.field in SPAN_FIELDS):
                    found[OTHER_FIELD] += 1
                elif any(mine and (mine in _squeezed(form) or _squeezed(form) in mine)
                         for f in expected for form in f.forms if _squeezed(form)):
                    found[CUT_WRONG] += 1
                else:
                    found[SOMETHING_ELSE] += 1
    return found


def report(held: Sequence[Held], matcher: Matcher, alignment_lines: list[str]) -> str:
    lines = ["# Issue 13: a CRF tagger beside the rules, cross-validated on the development set and "
             "the probes",
             "", "Written by `benchmarks/import/tagger_cv.py` (its docstring says how to run it).", "",
             *alignment_lines, ""]
    scopes = {"dev": [h for h in held if h.set == "dev"], "probes": [h for h in held if h.set == "probes"],
              "dev + probes": list(held)}
    for scope, members in scopes.items():
        results = systems(members, matcher)
        chinese = sum(h.release.lang != "en" for h in members)
        lines += [f"## {scope}: {len(members)} held-out releases ({chinese} in Chinese)", ""]
        for kinds, title in [*(((k,), k) for k in SPAN_FIELDS), (SPAN_FIELDS, "the five span fields"),
                             ((*PEOPLE, "party", "place"), "party, signatory, witness, place"),
                             (FIELDS, "all seven fields")]:
            lines += [f"### {title}", "", *HEADER]
            for name, outcomes in results.items():
                if name.startswith("CRF alone") and len(kinds) == len(FIELDS):
                    continue  # (the tagger finds no dates)
                lines.append(row(name, tallies(outcomes, kinds)))
            lines.append("")
        lines += ["### The tagger's gain on the rules' misses (five span fields)", "",
                  "| system | language | rules' misses | recovered | lost | wrong added | recall "
                  "| precision |",
                  "|---|---|---|---|---|---|---|---|"]
        for name, outcomes in results.items():
            if not name.startswith("rules +"):
                continue
            for lang, keep in (("all", lambda r: True), ("en", lambda r: r.lang == "en"),
                               ("zh", lambda r: r.lang != "en")):
                a = [o for o in results["rules alone"] if keep(o.release)]
                b = [o for o in outcomes if keep(o.release)]
                base, new = tallies(a, SPAN_FIELDS), tallies(b, SPAN_FIELDS)
                recovered, lost, added = gains(a, b, SPAN_FIELDS)
                lines.append(f"| {name} | {lang} | {base.expected - base.correct} | {recovered} | {lost} "
                             f"| {added} | "
                             f"{_pct(base.recall)} → {_pct(new.recall)} | "
                             f"{_pct(base.precision)} → {_pct(new.precision)} |")
        lines += ["", "### What the tagger's wrong values are (five span fields)", "",
                  f"| threshold | added wrong | {OTHER_FIELD} | {CUT_WRONG} | {SOMETHING_ELSE} |",
                  "|---|---|---|---|---|"]
        for t in THRESHOLDS:
            kinds = added_wrong(members, matcher, t)
            lines.append(f"| {t} | {sum(kinds.values())} | {kinds[OTHER_FIELD]} | {kinds[CUT_WRONG]} | "
                         f"{kinds[SOMETHING_ELSE]} |")
        lines.append("")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--iterations", type=int, default=150, help="L-BFGS iterations per fold")
    parser.add_argument("--seed", type=int, default=24, help="how the releases are dealt into folds")
    parser.add_argument("--out", type=Path, default=HERE / "tagger_cv.md", help="the report")
    parser.add_argument("--details", action="store_true", help="print each added value, right or wrong")
    args = parser.parse_args(argv)
    problems: list[str] = []
    releases = [(name, r) for name in SETS for r in read_set(CORPUS / name, problems)]
    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 2
    aligned, unaligned, labelled = Counter(), [], []
    for _, release in releases:
        alignment = align(release)
        aligned += alignment.aligned
        unaligned += alignment.unaligned
        found = labelled_sentences(release, alignment.spans)
        for s in found:
            s.features = sentence_features(s)
        labelled.append(found)
    missing = Counter(line.split(": ")[1] for line in unaligned)
    tokens = sum(len(s.tokens) for found in labelled for s in found)
    per_set = ", ".join(f"{n} {s}" for s, n in Counter(s for s, _ in releases).items())
    alignment_lines = [
        f"Labels: {len(releases)} releases ({per_set}), "
        f"{sum(map(len, labelled))} sentences, {tokens} tokens. Span facts aligned to their sentences: "
        + ", ".join(f"{k} {aligned[k]}/{aligned[k] + missing[k]}" for k in SPAN_FIELDS)
        + f"; {len(unaligned)} not aligned (not trainable):", "",
        *(f"- {line}" for line in unaligned)]
    print("\n".join(alignment_lines), flush=True)

    read, matcher = rule_reader()
    fold = folds_of(releases, args.seed)
    held: list[Held] = []
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(FOLDS):
            model = Path(tmp) / f"fold{k}.crfsuite"
            train((s for i, found in enumerate(labelled) if fold[i] != k for s in found), model,
                  args.iterations)
            tagger = pycrfsuite.Tagger()
            tagger.open(str(model))
            for i, (name, release) in enumerate(releases):
                if fold[i] == k:
                    proposals = [p for s in labelled[i] for p in tag(tagger, s)]
                    held.append(Held(name, release, read(release), proposals))
            tagger.close()
            print(f"fold {k}: {sum(f == k for f in fold)} releases held out", flush=True)
    if args.details:
        for h in held:
            rules = score(h.release, h.rules, matcher)
            best = score(h.release, combined(h.rules, h.proposals, matcher, THRESHOLDS[0]), matcher)
            for line in sorted(set(best.found) - set(rules.found)):
                print(f"{h.set} {h.release.id} ({h.release.lang}): recovered {line}")
            for line in sorted(set(best.wrong) - set(rules.wrong)):
                print(f"{h.set} {h.release.id} ({h.release.lang}): added wrong {line}")
    text = report(held, matcher, alignment_lines)
    print(text)
    args.out.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
