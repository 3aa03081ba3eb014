"""People: the names a passage gives, each with the title and party words around it."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .lexicon import (
    BEFORE_THINGS,
    HONORIFIC_PERSON,
    NAME_TOKEN,
    NOT_NAMES,
    ORG_WORDS,
    PLACE_WORDS,
    SUFFIX,
    SUFFIXES,
    TITLE_WORDS,
    WORD,
)
from .parties import Parties
from .text import normal

_BEHALF = re.compile(r"^(?:and\s+)?(?:on behalf of|representing|for)\s+(?P<who>.+)$", re.IGNORECASE)


@dataclass
class Person:
    """A person as one passage names them, before the party is resolved."""

    name: str
    honorific: str | None = None
    suffix: str | None = None
    title: str | None = None
    qualifier: str | None = None  # "Hong Kong" in "Hong Kong Chief Executive John Lee"
    behalf: str | None = None  # "on behalf of X"
    start: int = 0
    end: int = 0

    @property
    def key(self) -> str:
        return normal(self.name)


def _bare(word: str) -> str:
    return re.sub(r"['’]s$", "", word).casefold()


def _is_title_word(word: str) -> bool:
    bare = _bare(word)
    return bare in TITLE_WORDS or (bare.split("-")[0] in TITLE_WORDS and "-" in bare)


def _name_word(word: str) -> bool:
    return bool(re.fullmatch(NAME_TOKEN, word)) and _bare(word) not in TITLE_WORDS | ORG_WORDS | \
        NOT_NAMES


def _anchors(segment: str, parties: Parties) -> list[Person]:
    """The people a stretch of text names: after an honorific, or as two to four name words that
    are neither a title, an organisation, a place nor a party ("Zhuang Rongwen", "John Lee")."""
    found: list[Person] = []
    taken: list[tuple[int, int]] = []  # in order, not overlapping
    for m in HONORIFIC_PERSON.finditer(segment):
        honorific = m["hon"].rstrip(".")
        suffix = ", ".join(re.findall(SUFFIX, m["suffix"])) or None
        found.append(Person(m["name"], "Prof" if honorific == "Professor" else honorific, suffix,
                             start=m.start(), end=m.end()))
        taken.append((m.start(), m.end()))
    words = [(w.start(), w.end(), w.group(0)) for w in WORD.finditer(segment)]
    starts = [s for s, _ in taken]

    def is_taken(position: int) -> bool:
        k = bisect.bisect_right(starts, position) - 1
        return k >= 0 and position < taken[k][1]

    i = 0
    while i < len(words):
        if not _name_word(words[i][2]) or is_taken(words[i][0]):
            i += 1
            continue
        j = i
        while j + 1 < len(words) and _name_word(words[j + 1][2]) and \
                segment[words[j][1]:words[j + 1][0]] == " " and not words[j][2].endswith(("'s", "’s")):
            j += 1
        run = words[i:j + 1]
        nxt = words[j + 1][2] if j + 1 < len(words) and \
            segment[words[j][1]:words[j + 1][0]].strip() == "" else ""
        prev = words[i - 1][2].casefold() if i and segment[words[i - 1][1]:words[i][0]].strip() == "" \
            else ""
        text = segment[run[0][0]:run[-1][1]]
        # "the Ostland Data Agency", "Secretary for Digital Affairs": after an article or a
        # preposition, capitalised words name a thing, not a person.
        # "China Unicom Global": a place word before the run makes it the name of a thing.
        is_org = _bare(nxt) in ORG_WORDS or prev in BEFORE_THINGS or prev in PLACE_WORDS or \
            parties.find(text) or \
            text.endswith(("'s", "’s"))
        # "Kestrel Cloud President Ana Silva": a name run followed by a title and another name is
        # the organisation the title belongs to.
        k = j + 1
        while k < len(words) and _is_title_word(words[k][2]):
            k += 1
        before_person = k > j + 1 and k < len(words) and _name_word(words[k][2])
        if 2 <= len(run) <= 4 and not is_org and not before_person:
            found.append(Person(text, start=run[0][0], end=run[-1][1]))
        i = j + 1
    return sorted(found, key=lambda p: p.start)


def _strip_joiners(text: str) -> str:
    return re.sub(r"^(?:(?:and|&|both|the|by|as well as)(?:\s+|$))+", "", text.strip(" ,;.:"),
                  flags=re.IGNORECASE).strip()


def _is_suffix(text: str) -> bool:
    return bool(text) and all(w in SUFFIXES for w in re.split(r"[\s,]+", text.strip(" ,.")) if w)


def _title_like(text: str) -> bool:
    """Starts like a job title: "Executive Director of the FSDC", "director of ...", "CAC director"."""
    words = _strip_joiners(text).split()
    if words and re.search(r"['’]s$", words[0]):
        words = words[1:]  # "CAICT's Director"
    return bool(words) and _is_title_word(words[0])


def _continuation(text: str) -> bool:
    """A title's words after a comma: "Technology and Industry" in "Secretary for Innovation, ..."."""
    words = text.strip(" .").split()
    return 0 < len(words) <= 6 and all(w[:1].isupper() or w in ("and", "of", "for", "the", "&")
                                       for w in words) and words[0] not in ("and", "&")


def _split_lead(lead: str) -> tuple[str | None, str | None, bool]:
    """The words before a name: (title, qualifier, junk?) - "Hong Kong Chief Executive" gives
    ("Chief Executive", "Hong Kong", False); "The conference was opened by" is junk."""
    lead = _strip_joiners(lead)
    if not lead:
        return None, None, False
    words = lead.split()
    k = len(words)
    while k > 0 and (_is_title_word(words[k - 1]) or
                     (k < len(words) and words[k - 1] in ("of", "for") and _is_title_word(words[k - 2]))):
        k -= 1
    if k == len(words):
        return None, None, True
    title = " ".join(words[k:])
    qualifier = " ".join(words[:k]) or None
    if qualifier and not all(w[:1].isupper() for w in words[:k]):
        return title, None, True
    return title, qualifier, False


def _segments(text: str) -> list[tuple[int, str]]:
    """Comma- and semicolon-separated parts, not splitting inside parentheses."""
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch in ",;" and depth == 0:
            parts.append((start, text[start:i]))
            start = i + 1
    parts.append((start, text[start:]))
    return [(s, t) for s, t in parts if t.strip()]


def parse_people(text: str, parties: Parties, mode: str = "list", offset: int = 0) -> list[Person]:
    """The people named in a passage, each with the title and party words the passage gives them.

    `mode` says what the passage is: "list" follows a role phrase ("signed by ...") and stops at
    the first words that are not a person, title or party; "subject" comes before a verb ("X and Y
    signed"), so words that are not people drop whoever came before them ("Mr A said that Dr B");
    "registry" reads any sentence for people and their titles.
    """
    people: list[Person] = []
    current: Person | None = None  # the last person, while a title may still follow
    pending: list[str] | None = None  # a title written before its person: "the Chairman, Mr Li"
    last: str | None = None  # what a continuation extends: "pending" or "title"

    def junk() -> bool:
        nonlocal current, pending, last
        current, pending, last = None, None, None
        if mode == "subject":
            people.clear()
        return mode == "list" and bool(people)  # stop reading a list at its first non-person words

    for seg_start, segment in _segments(text):
        found = _anchors(segment, parties)
        if not found:
            words = segment.strip(" .")
            if people and _is_suffix(words):
                people[-1].suffix = ", ".join(filter(None, (people[-1].suffix, words)))
            elif people and (m := _BEHALF.match(_strip_joiners(words) if words.startswith("and ")
                                                else words)):
                people[-1].behalf = m["who"]
            elif _title_like(words):
                title = _strip_joiners(words)
                if current is not None and current.title is None and not words.startswith("and "):
                    current.title, last = title, "title"
                else:
                    pending, current, last = [title], None, "pending"
            elif last and _continuation(words):
                if last == "pending" and pending:
                    pending.append(words)
                elif last == "title" and people and people[-1].title:
                    people[-1].title += ", " + words
            elif junk():
                break
            continue
        stop = False
        spans = [(p.start, p.end) for p in found]  # within the segment; people get text offsets
        for n, person in enumerate(found):
            lead = segment[spans[n - 1][1] if n else 0:spans[n][0]]
            if n:  # text between two people: the first one's trailing words, then the joiner
                between = re.split(r"\s+(?:and|&)\s+", lead)
                lead = between[-1] if len(between) > 1 else ""
                trailing = between[0]
                if trailing.strip(" ,") and not _is_suffix(trailing):
                    if (m := _BEHALF.match(trailing.strip(" ,"))) and people:
                        people[-1].behalf = m["who"]
                    elif junk():
                        stop = True
                        break
            title, qualifier, is_junk = _split_lead(lead)
            if is_junk and junk():
                stop = True
                break
            person.start += offset + seg_start
            person.end += offset + seg_start
            if title:
                person.title, person.qualifier = title, qualifier
                current = None
            elif pending:
                person.title = ", ".join(pending)
                current = None
            else:
                current = person
            pending, last = None, None
            people.append(person)
        if stop:
            break
        trailing = segment[spans[-1][1]:].strip(" .")
        if trailing:
            if m := _BEHALF.match(trailing):
                people[-1].behalf = m["who"]
            elif re.fullmatch(r"\([^)]*\)", trailing):
                people[-1].behalf = trailing.strip("()")
            elif junk():
                break
    return people


def titled_people(text: str, spans: Sequence[tuple[int, int]], parties: Parties) -> list[Person]:
    """Every person the text names with a title, wherever it names them ("Mr Song Ling'en,
    Secretary of the Party Committee of CAICT"), to complete a role list that gives names only."""
    found = []
    for s, e in spans:
        found += [p for p in parse_people(text[s:e], parties, "registry", s) if p.title or p.behalf]
    return found


def complete_person(person: Person, registry: Sequence[Person]) -> Person:
    """Fill in what a role list leaves out ("witnessed by Mr Song") from where the text introduced
    the person; a surname alone must point at exactly one person."""
    if person.title and (person.qualifier or person.behalf or person.honorific):
        return person
    same = [r for r in registry if r.key == person.key]
    if not same and len(person.name.split()) == 1:
        token = person.key
        names = {r.key for r in registry if token in (r.key.split()[0], r.key.split()[-1])}
        if len(names) == 1:
            same = [r for r in registry if r.key in names]
    if not same:
        return person
    known = same[0]
    return replace(person, name=known.name, honorific=person.honorific or known.honorific,
                   suffix=person.suffix or known.suffix, title=person.title or known.title,
                   qualifier=person.qualifier or known.qualifier, behalf=person.behalf or known.behalf)
