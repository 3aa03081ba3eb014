"""Agreements: instrument, parties, signing date and people of each agreement a text announces."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from ..model import PartialDate, Party
from ..slugs import slugify
from ..vocabularies import Vocabularies
from .dates import MONTH, WEEKDAY, Date, after, event_year, merge_dates, signing_dates
from .draft import DraftAgreement, DraftPerson, Note
from .events import event_sentences
from .lexicon import COUNTRIES, PLACE_WORDS, SIGNED
from .parties import (
    ACRONYM,
    PARTIES_TERM,
    REPRESENTATIVES,
    SIDES_SIGNED,
    Parties,
    blank_brackets,
    opening_parties,
    slot_spans,
    well_formed_name,
    without_aliases,
)
from .people import Person
from .places import signing_place
from .roles import Role

_BARE = "memorandum"  # the kind of a memorandum the text names by that word alone
_INSTRUMENTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind, re.compile(pattern, flags)) for
                                                               kind, pattern, flags in (
    ("memorandum of understanding",
     r"\bmemorand(?:ums?|a) of understanding\b", re.IGNORECASE),
    ("memorandum of understanding", r"\bMo[Uu]s?\b|\bMOUs?\b", 0),
    # ("a memorandum of regulatory cooperation": what kind of cooperation, in a word or two, not
    # "of the cooperation between ...", which is no kind)
    ("memorandum of cooperation",
     r"\b(?:supplementary\s+)?memorand(?:ums?|a) of "
     r"(?:(?!(?:the|a|an|and|or|on|for|in|of|to)\s)[a-z]+\s+){0,2}?co-?operation\b", re.IGNORECASE),
    ("memorandum of agreement", r"\bmemorand(?:ums?|a) of agreement\b", re.IGNORECASE),
    # ("signed a revised memorandum of partnership")
    ("memorandum of partnership", r"\bmemorand(?:ums?|a) of partnership\b", re.IGNORECASE),
    # ("signed a cooperation memo": a memorandum by its short word)
    # ("signed a new cooperation memorandum": the memorandum by its whole word after the kind)
    ("memorandum of cooperation", r"\bco-?operation\s+memo(?:s|randum|randa)?\b", re.IGNORECASE),
    # ("the two parties signed a memorandum on May 15": the bare word, as the object of the verb; a
    # kind the text names elsewhere is the better name for it: see _instrument)
    (_BARE, r"(?:(?<=\bsigned\sa\s)|(?<=\bsigned\sthe\s)|(?<=\binked\sa\s)|(?<=\bsigning\sthe\s))"
            r"memorand(?:um|a)\b(?!\s+of\b)", 0),
    ("letter of intent", r"\bletters? of intent\b", re.IGNORECASE),
    # ("signed an LOI": the letter by its acronym, as an MoU is)
    ("letter of intent", r"\bLOIs?\b", 0),
    ("declaration of intent", r"\b(?:joint\s+)?declarations? of intent\b", re.IGNORECASE),
    ("cooperation agreement",
     # ("an academic cooperation agreement", "a tripartite cooperation agreement": of what, between
     # how many)
     r"\b(?:(?:strategic|comprehensive|framework|economic|supplement(?:al|ary)|bilateral|tripartite|"
     r"trilateral|multilateral|academic|research|scientific|technical|educational|trade|investment)\s+)*"
     r"(?:co-?operation|co-?operative|collaboration|collaborative|partnership)"
     r"\s+(?:framework\s+)?(?:agreements?|documents?|protocols?|arrangements?)\b", re.IGNORECASE),
    # "signed a tripartite agreement": the sides' number names the kind
    ("cooperation agreement", r"\b(?:tripartite|trilateral|quadripartite)\s+agreements?\b", re.IGNORECASE),
    # ("a student exchange agreement", "an undergraduate student exchange agreement": who is
    # exchanged names the kind)
    ("exchange agreement",
     r"\b(?:(?:undergraduate|postgraduate|graduate|student|staff|faculty|academic|cultural|personnel)\s+)+"
     r"exchange\s+(?:programme\s+|program\s+)?agreements?\b", re.IGNORECASE),
    ("framework agreement",
     r"\b(?:strategic\s+)?framework\s+agreements?(?:\s+on\s+(?:strategic\s+)?co-?operation)?\b",
     re.IGNORECASE),
))
_COUNTED = re.compile(r"\b(?P<n>two|three|four|2|3|4)\s+(?:new\s+|separate\s+|cooperation\s+)?"
                      r"(?:memoranda|mo[u]s|agreements|accords|letters of intent|documents)\b", re.IGNORECASE)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}


def _ancestors(party: str, by_id: dict[str, Party]) -> set[str]:
    found: set[str] = set()
    current: str | None = party
    while current and current not in found:
        found.add(current)
        current = by_id[current].parent if current in by_id else None
    return found


def _draft_person(person: Person, parties: Parties, allowed: set[str], used: set[str]) -> DraftPerson:
    """The person with their party resolved: "on behalf of X", then the title, then the words
    before it. A title that ends with the party's own label loses it ("Chairman of the FSDC" ->
    "Chairman", party FSDC): the party field says it. A party not allowed is left out, noted."""
    title = person.title
    note = None
    party = None
    key = None
    for kind, words in (("behalf", person.behalf), ("title", person.title),
                        ("qualifier", person.qualifier)):
        if not words:
            continue
        # A place is an actor only where it is a party: "Hong Kong Chief Executive" names no party.
        mentions = [m for m in parties.find(words) if m[2] not in parties.places or m[2] in allowed]
        if not mentions:
            continue
        start, end, key = mentions[-1] if kind == "title" else mentions[0]
        if kind == "title" and title and not key.startswith("new:") and \
                words[start:end] == parties.labels.get(key) and not words[end:].strip(" .)"):
            title = re.sub(r"\s*(?:,|\bof|\bat)\s+(?:the\s+)?$", "", words[:start]).strip() or title
        break
    if key is None:
        said = " ".join(filter(None, (person.qualifier, person.title)))
        note = "party not stated" + (f" (the text says '{said}')" if person.qualifier else "")
    elif key.startswith("new:"):
        note = f"acts for '{parties.name_of(key)}', which is not in parties.yaml yet"
    elif key not in allowed:
        note = (f"acts for {parties.name_of(key)}, which is not a party to this agreement nor a "
                "body above one")
    else:
        party = parties.labels[key]
    if key and key.startswith("new:"):
        used.add(key[4:])
    return DraftPerson(name=person.name, honorific=person.honorific, suffix=person.suffix,
                       title=title, party=party, note=note)


_FIELDS_BEFORE = re.compile(r"\b[Tt]he\s+((?:[A-Z][a-z'’-]+\s+){1,3}(?:and|&)\s+)$")


def _instrument_mentions(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, words) of each instrument named, the longest where two overlap."""
    found = []
    for kind, pattern in _INSTRUMENTS:
        for m in pattern.finditer(text):
            start = m.start()
            # ("signed a conservation partnership agreement": what it is about, between the
            # article and the kind, in the text's words, as for a bare kind)
            if kind == "cooperation agreement" and (about := _ABOUT_BEFORE.search(text, 0, start)):
                start = about.start(1)
            # ("the News Exchange and Cooperation Agreement between A and B": the capitalised fields
            # before the kind, through their "and", are the instrument's own name's, no other kind)
            elif kind == "cooperation agreement" and text[start:start + 1].isupper() and \
                    (fields := _FIELDS_BEFORE.search(text, 0, start)):
                start = fields.start(1)
            found.append((start, m.end(), kind, text[start:m.end()]))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple[int, int, str, str]] = []
    for item in found:
        if kept and item[0] < kept[-1][1]:
            continue
        kept.append(item)
    return kept


def _is_acronym(words: str) -> bool:
    return bool(re.fullmatch(rf"{ACRONYM}s?", words))  # ("MoUs": in the plural too)


def _instrument(mentions: Sequence[tuple[int, int, str, str]],
                headline_end: int = 0) -> tuple[str | None, list[str]]:
    """The instrument most of the mentions name, in the words of its first full mention in the
    body (a headline capitalises and shortens: "Landmark Cultural Cooperation Agreement"), and the
    other names the text gives it (for review)."""
    if any(kind != _BARE for _, _, kind, _ in mentions):
        mentions = [m for m in mentions if m[2] != _BARE]
    if not mentions:
        return None, []
    counts: dict[str, int] = {}
    in_body: dict[str, int] = {}
    for start, _, kind, _ in mentions:
        counts[kind] = counts.get(kind, 0) + 1
        in_body[kind] = in_body.get(kind, 0) + (start >= headline_end)
    # ties: one the body names too (not a headline's "sign cooperation memorandum" alone, where the
    # body says "Memorandum of Understanding"), then the first named, as dicts keep order
    kind = max(counts, key=lambda k: (counts[k], in_body[k] > 0))
    words = [w for _, _, k, w in sorted(mentions, key=lambda m: m[0] < headline_end) if k == kind]
    full = [w for w in words if not _is_acronym(w)]
    value = (full or words)[0]
    others = list(dict.fromkeys(w for _, _, k, w in mentions if k != kind))
    return value, others


_TITLE_AFTER = re.compile(r"\s+(?:on|for)\s+((?:[A-Z][\w'’-]*)(?:\s+(?:(?:and|of|for|in|on|the|&)\s+)*"
                          r"[A-Z][\w'’-]*)*)")


def _agreement_title(text: str, mentions: Sequence[tuple[int, int, str, str]]) -> str | None:
    """An instrument's own name, where the text gives one: "Memorandum of Understanding on
    Cross-boundary Data Cooperation". A lower-case mention is a description, not a name."""
    for start, end, _, words in mentions:
        if not words[:1].isupper() or _is_acronym(words):
            continue
        m = _TITLE_AFTER.match(text, end)
        if m and not re.match(rf"(?:{WEEKDAY}|{MONTH})\b", m[1]):
            return text[start:m.end(1)]
    return None


# An instrument's own name right after the verb, or before "was signed": in quotation marks
# ('signed the "Arrangement for the X Mechanism"'), or capitalised ("signed the Hong Kong-Macao
# Closer Economic Partnership Arrangement", "an Agreement on Strengthening Trade Cooperation", "The
# Co-Acceleration Programme partnership agreement was signed").
_KIND_WORD = (r"(?:Agreement|Arrangement|Memorandum(?:\s+of\s+(?:Understanding|Co-?operation))?|Accord|"
              r"Protocol|Charter|Treaty)")
_CAPITALISED = r"[A-Z][\w'’&-]*"
# ("the Guangdong-Hong Kong Economic and Trade Cooperation Agreement": a name's words go on through
# "and", never from another instrument's: "the MoU and Framework Agreement" is two)
_NAME_WORD = rf"(?!(?:Mo[Uu]s?|MOUs?|{_KIND_WORD})\b){_CAPITALISED}"
_OWN_NAME = (rf"(?:{_NAME_WORD}\s+(?:(?:and|&)\s+(?={_NAME_WORD}\s))?){{0,8}}?"
             rf"(?:(?:partnership|co-?operation|collaboration|framework)\s+)?"
             rf"(?:{_KIND_WORD}|(?<=[a-z]\s)(?i:agreement|arrangement))"
             # ("signed a Memorandum of Understanding on June 6": when, not what about)
             rf"(?:\s+(?:on|for|of|concerning)\s+(?:the\s+)?(?!(?:{MONTH}|{WEEKDAY})\b){_CAPITALISED}"
             # ("Agreement on Trade, Economic, Cultural and Humanitarian Cooperation": the fields
             # between commas, the list closed by its "and")
             rf"(?:(?:,\s+{_CAPITALISED})+,?\s+(?:and|&)\s+{_CAPITALISED})?"
             rf"(?:\s+(?:(?:and|of|for|on|the|&|by)\s+)*{_CAPITALISED})*)?")
_NAMED = re.compile(rf"\b(?:signed|inked|concluded|executed|entered\s+into)\s+(?:the\s+|an?\s+)?(?:new\s+)?"
                    rf"(?:[“\"](?P<quoted>[^”\"]{{5,200}})[”\"]|(?P<name>{_OWN_NAME})\b)|"
                    # ("An agreement was signed": the article that opens a sentence is no name's word;
                    # nor is a word that points back: "This agreement was signed on 4th March")
                    rf"(?:^|\b[Tt]he\s+)(?!(?:The|An?|This|That|These|Those|Such|Each|Both)\b)"
                    rf"(?P<passive>{_OWN_NAME})\s+(?:was|were|has\s+been)\s+"
                    rf"{SIGNED}\b")


def _named_instrument(text: str, spans: Sequence[tuple[int, int]]) -> str | None:
    """The first instrument the signing sentences call by its own name; a kind alone
    ("Memorandum of Understanding", "Agreement") is no name."""
    for start, end in spans:
        for m in _NAMED.finditer(text[start:end]):
            # (a trailing acronym in brackets is the text's short form, not part of the name)
            name = (m["quoted"] or m["name"] or m["passive"] or "").strip()
            name = re.sub(r"\s*\([A-Z][A-Za-z]*[A-Z]\)$", "", name)
            # ("A signed the Memorandum for Ostland, and B for Kestria": for whom, by a country's or
            # a place's name, not what it is called)
            if (side := re.fullmatch(rf"{_KIND_WORD}\s+for\s+(?:the\s+)?(?P<who>.+)", name)) and \
                    ((who := re.split(r"\s+and\s+", side["who"])[0].casefold()) in COUNTRIES or
                     all(w in PLACE_WORDS for w in who.split())):
                continue
            # (a name is capitalised, or quoted: "a framework agreement" is a kind)
            if re.search(rf"\b{_KIND_WORD}\b", name, re.IGNORECASE) and \
                    not re.fullmatch(rf"(?i:{_KIND_WORD}s?)", name) and (m["quoted"] or name[:1].isupper()):
                return name
    return None


# What was signed, named only by its kind: the instrument when the text names no other.
_KINDS = r"agreement|arrangement|deal|pact|accord|protocol|treaty"
# ("signed five agreements", "multiple collaboration agreements were signed": several, by their kind)
_SEVERAL = (r"(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2}|several|multiple|a\s+number\s+of)\s+"
            r"(?:new\s+)?")
_KINDS_OF_SEVERAL = (r"(?:(?:cooperation|co-operation|collaboration|partnership)\s+)?"
                     r"(?:agreements|deals|pacts|accords|treaties)")
# ("signed a five-year supply agreement", "a joint promotion agreement": the words before the kind
# say which kind, in the text's words; a word that only praises it, counts or dates it does not:
# "a landmark agreement" is an agreement)
_NO_KIND = (r"(?:new|landmark|historic|important|significant|major|formal|official|first|second|third|"
            r"milestone|binding|non-binding|legally|further|additional|separate|similar|initial|final|"
            r"preliminary|key|broad|wide-ranging|long-term|renewed|revised|updated|[\w]+-(?:year|month))")
_QUALIFIERS = rf"(?:(?!{_NO_KIND}\b|(?:of|on|for|to|with|and|in|its|their)\b)(?-i:[a-z][a-z-]+)\s+){{1,3}}"
# (or the signing of it: "witnessed the signing of a strategic development agreement")
_GENERIC = re.compile(rf"\b(?:signed|inked|concluded|sealed|signing\s+of)\s+(?:a|an|the)\s+(?:{_NO_KIND}\s+)*"
                      rf"(?P<kind>{_QUALIFIERS})?(?P<noun>{_KINDS})\b"
                      rf"|\b(?:the|an?)\s+(?P<noun2>{_KINDS}),?\s+(?:was\s+)?{SIGNED}\b"
                      rf"|\b(?:signed|inked|concluded|sealed)\s+{_SEVERAL}(?P<nouns>{_KINDS_OF_SEVERAL})\b"
                      rf"|\b{_SEVERAL}(?P<nouns2>{_KINDS_OF_SEVERAL})\s+(?:were|have\s+been)\s+{SIGNED}\b",
                      re.IGNORECASE)


# (after the verb, or the ceremony it was signed at: "The signing ceremony for a talent cooperation
# agreement")
_ABOUT_BEFORE = re.compile(rf"\b(?:signed|inked|concluded|sealed|signing\s+ceremony\s+for)\s+(?:a|an|the)\s+"
                           rf"(?:{_NO_KIND}\s+)*"
                           rf"({_QUALIFIERS})$", re.IGNORECASE)


def _counted(text: str) -> int:
    return max((_NUMBERS[m["n"].casefold()] for m in _COUNTED.finditer(text)), default=1)


def _outside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return not any(s <= start and end <= e for s, e in spans)


@dataclass
class Reading:
    """The text prepared for reading facts, and what was read from it that every agreement uses."""

    facts: str  # headline and body up to "About ...", dateline and quotations blanked
    spans: list[tuple[int, int]]  # its sentences
    parties: Parties
    roles: list[Role]
    published: PartialDate | None
    signing_sentences: list[int]
    used: set[str] = field(default_factory=set)  # the proposed parties the draft needs
    earlier: set[int] = field(default_factory=set)  # sentences about an earlier signing only
    headline_end: int = 0  # where the headline ends in `facts` (0: none)
    dateline_place: str | None = None  # the dateline's city: where "signed here" was signed
    dispatch: tuple[PartialDate, str] | None = None  # a Chinese agency's dispatch day (dates.dispatch_day)

    def sentence(self, index: int) -> str:
        start, end = self.spans[index]
        return self.facts[start:end]


_OF = re.compile(r"\bof\s+(?:the\s+)?$")
# ("Representatives of the X": they stand for the party named after it)
_STANDING_FOR = re.compile(f"{REPRESENTATIVES}$")
# ("on behalf of the X Government and the Y Government respectively": for whom, no name's part)
_BEHALF_OF = re.compile(r"\bon\s+behalf\s+of\s+(?:the\s+)?$|"
                        # ("The governments of A and B signed": the states the governments are)
                        r"\bgovernments\s+of\s+$", re.IGNORECASE)


# After a person and the title between commas, the verb and whom it was signed with.
_SUBJECT_SIGNED_WITH = re.compile(r",\s+[^,;.]{3,120},\s+(?:(?:has|have|also|today|yesterday)\s+)*"
                                  r"(?:signed|inked)\s+[^.;]{1,120}?\bwith\s+(?:the\s+)?[A-Z]")


def _agreement_parties(reading: Reading, own: Sequence[tuple[int, int]], people: Sequence[Person],
                       separate: bool, notes: list[Note]) -> list[str]:
    """Keys of the parties (ids, or 'new:<id>'): the ones the sentences about the signing or the
    instrument name outside the passages about people (their titles name organisations too);
    where the text defines "the Parties", the ones named before the definition; else the
    organisations the signatories act for."""
    facts, parties = reading.facts, reading.parties
    keys: list[str] = []
    defined = PARTIES_TERM.search(facts)
    if defined and not separate:
        start = max((s for s, _ in reading.spans if s <= defined.start()), default=0)
        keys = [k for _, _, k in parties.find(facts[start:defined.start()])]
    else:
        role_spans = [(r.start, r.end) for r in reading.roles]
        # "the EMSD of the HKSAR government": a name after "of" belongs to the name before it.
        # Only a name in a list of parties ("A and B signed", "between A and B", "with B"): an
        # organisation a signing sentence names in passing ("under the HKSAR Government's policy")
        # is no party.
        keys = []
        read = [(s, e, slot_spans(facts[s:e], parties.bodies, headline=s < reading.headline_end))
                for s, e in own]
        for s, e in own:
            # ("A and B held a meeting today. After it, the two sides signed": A and B)
            if SIDES_SIGNED.search(facts[s:e]) and not slot_spans(facts[s:e], parties.bodies) and \
                    (before := [(a, b) for a, b in reading.spans if b <= s]) and \
                    (opening := opening_parties(facts[before[-1][0]:before[-1][1]])):
                read.append((*before[-1], opening))
        for s, e, slots in read:
            # "The Ostland Region (OR) Government and ...": the name with its bracket blanked too
            # (only where each bracket is an acronym's aside: "China Mobile (Hong Kong) Institute"
            # without its bracket is a name the text does not write)
            mentions = parties.find(facts[s:e])
            for a, b, key in parties.find(blank_brackets(facts[s:e])):
                if not re.search(r"\([^()]*\)", facts[s + a:s + b]) or (a, b, key) in mentions:
                    continue
                mentions.append((a, b, key))
                if key.startswith("new:"):
                    # proposed as the text writes it, brackets and all ("Larch Bank (Hong Kong)
                    # Limited", "Macao SAR (MSAR) Government"): never a name rebuilt from pieces
                    # (less another name for it in brackets: "Co., Ltd. (or Pine) Ostport Branch")
                    written = without_aliases(facts[s + a:s + b])
                    parties.proposals[key[4:]] = replace(parties.proposals[key[4:]], name=written)
            keys += [parties.with_place_after(facts, s + b, s + a) or key for a, b, key in sorted(mentions)
                     if _outside(role_spans, s + a, s + b)
                     and (not _OF.search(facts[s:s + a]) or _STANDING_FOR.search(facts[s:s + a])
                          or _BEHALF_OF.search(facts[s:s + a]))
                     and any(x <= a and b <= y for x, y in slots)
                     and not any(x <= a and b <= y and (x, y) != (a, b) for x, y, _ in mentions)]
        for person in people if keys else ():
            # "Prof. A, Dean of X School, signed an MoU with B": whom the subject signed for, by the
            # title between the commas before the verb, beside whom it was signed with
            if person.title and any(s <= person.start < e for s, e in own) and \
                    _SUBJECT_SIGNED_WITH.match(facts, person.end) and \
                    (key := parties.find(person.title)[-1][2] if parties.find(person.title) else
                     parties.from_title(person.title)):
                keys.insert(0, key)
    if not keys:
        for person in people:
            for words in (person.behalf, person.title, person.qualifier):
                if words and (found := parties.find(words)):
                    keys.append(found[-1][2])
                    break
                # A title that ends with an organisation the text names nowhere else.
                # (whom a person acts for, or is of, may be a body whose own name holds "of": "Professor
                # A of The Chinese University of Hong Kong")
                if words and words is person.behalf and (key := parties.from_body(words)):
                    keys.append(key)
                    break
                if words and words is not person.qualifier and (key := parties.from_title(words)):
                    keys.append(key)
                    break
        if keys:
            notes.append(Note("parties", "no sentence names the parties: these are the organisations "
                                         "the signatories act for"))
    keys = list(dict.fromkeys(keys))
    if any(k not in parties.places for k in keys):
        keys = [k for k in keys if k not in parties.places]
    for key in keys:
        if key.startswith("new:"):
            reading.used.add(key[4:])
            notes.append(Note("parties", f"'{parties.name_of(key)}' is not in parties.yaml: add the "
                                         "proposed entry there, then add the party here"))
    if not keys:
        notes.append(Note("parties", "no party found"))
    return keys


# The last check on every reading's people: a day's word is no one's name ("Today, Acting Prime Minister
# A signed": the day, then the title).
_TIME_WORD = re.compile(rf"(?:today|tonight|yesterday|tomorrow|{WEEKDAY}|{MONTH})", re.IGNORECASE)


def _signing_date(reading: Reading, own: Sequence[tuple[int, int]], shared: Sequence[tuple[int, int]],
                  notes: list[Note]) -> Date | None:
    """The signing date from the agreement's own sentences, else from the shared ones."""
    event = event_year(reading.facts[start:end] for start, end in reading.spans)
    found, unreadable = signing_dates(reading.facts, own, reading.published, event=event,
                                      dispatch=reading.dispatch)
    if unreadable and all(d.date.month is None for d in found):
        # "signed ... yesterday (January 17)" with no year to work it out from, and "the two
        # signed a letter of intent in 2011": a year alone is no year of the day the text gives
        found = []
    if not found and shared:
        found, unreadable = signing_dates(reading.facts, shared, reading.published, event=event,
                                          dispatch=reading.dispatch)
    if not found and not unreadable:
        # "Before the meeting, A and B signed ...": the day the meeting was held ("A co-chaired
        # the 10th Joint Meeting today").
        held = event_sentences(reading.facts, reading.spans, [*own, *shared])
        found, unreadable = signing_dates(reading.facts, held, reading.published, signing_only=False)
        if merge_dates(found)[0] is not None:
            notes.append(Note("signed", "the day of the meeting it was signed at"))
    signed, clashes = merge_dates(found)
    late = bool(signed and reading.published and after(signed.date, reading.published))
    if signed and late:
        # The last check on every reading: a release reports a signing it was written after (none of
        # the import corpus's labelled releases gives a later one), so a later day is one misread.
        notes.append(Note("signed", f"'{signed.phrase}' read as {signed.date.iso}, after the text's own "
                                    f"date {reading.published.iso}: left out; check the signing date"))
        signed = None
    notes += [Note("signed", reason) for reason in unreadable]
    if clashes:
        notes.append(Note("signed", "the text gives different signing dates: " + "; ".join(clashes)))
    elif signed is None and not unreadable and not late:
        notes.append(Note("signed", "signing date not found"))
    return signed


# "On May 16, A and B signed a strategic cooperation agreement": a signing with its own day first
_DATED = re.compile(rf"^\s*On\s+(?P<day>(?:{WEEKDAY},?\s+)?(?:{MONTH}\.?\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})"
                    rf"(?:,?\s+\d{{4}})?),\s+[^;]*?\b{SIGNED}\b")


def _dated_signings(reading: Reading) -> list[int]:
    """The signing sentences that each open with their own day and name what was signed, where two
    or more do and no two give the same day; none otherwise."""
    dated: dict[int, str] = {}
    for i in reading.signing_sentences:
        if i not in reading.earlier and (m := _DATED.match(reading.sentence(i))) and \
                _instrument_mentions(reading.sentence(i)):
            dated[i] = " ".join(m["day"].split()).casefold()
    return list(dated) if len(dated) >= 2 and len(set(dated.values())) == len(dated) else []


def _passages(reading: Reading, groups: Sequence[Sequence[Role]]) -> list[list[int]]:
    """Each agreement's own sentences, where each has its signing sentence: that sentence, and the
    sentences about a signing or naming an instrument since the agreement before's ("In addition,
    A signed a cooperation agreement with B on payments. The agreement was signed by X and Y.":
    the first names what was signed and between whom, the second only who signed). The first
    agreement's passage starts after the headline, which speaks of them all."""
    passages: list[list[int]] = []
    after = max((i for i, (_, end) in enumerate(reading.spans) if end <= reading.headline_end), default=-1)
    for group in groups:
        signed = sorted({r.sentence for r in group})
        # (not one that counts them: "Three cooperation documents were signed at the conference")
        leading = [i for i in range(after + 1, signed[0]) if i not in reading.earlier and
                   (i in reading.signing_sentences or _instrument_mentions(reading.sentence(i)))
                   and _counted(reading.sentence(i)) < 2]
        passages.append([*leading, *signed])
        after = signed[-1]
    return passages


# A line that introduces a list of what was signed ("the following co-operation agreements were
# signed:", "The agreements signed include:"), and an item of the list, after its bullet or number.
_LIST_OPENING = re.compile(rf"(?:\b{SIGNED}|\bsigning|\binclude[sd]?|\bagreements|\bmemoranda|\bMoUs)"
                           r"[^\n:]{0,40}:[ \t]*$", re.IGNORECASE)
_KIND = re.compile(rf"\b(?:(?:{_KINDS})s?|memorand(?:um|a)|mo[u]s?|letters?\s+of\s+intent)\b", re.IGNORECASE)
_LIST_ITEM = re.compile(r"[ \t]*(?:[-•·*–]|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)])[ \t]+(?P<item>\S[^\n]*)")


def _listed(reading: Reading) -> list[tuple[int, int]]:
    """The spans of the items of a list of what was signed, each naming an instrument and the
    sides it was signed "between": the first such list's (none where there is none)."""
    facts = reading.facts
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", facts)]
    for n, (start, end) in enumerate(lines):
        if not _LIST_OPENING.search(facts[start:end]):
            continue
        items = []
        for a, b in lines[n + 1:]:
            item = _LIST_ITEM.match(facts, a, b)
            if not item or not (_instrument_mentions(item["item"]) or _KIND.search(item["item"])) or \
                    not re.search(r"\bbetween\b", item["item"]):
                break
            items.append((item.start("item"), b))
        if len(items) >= 2:
            return items
    return []


def _unsigned_passages(reading: Reading, after: int) -> list[list[int]]:
    """The sentences after sentence `after` that each say a signing of their own, with no one
    named signing or witnessing in them: one agreement each."""
    roles = {r.sentence for r in reading.roles}
    return [[i] for i in reading.signing_sentences if i > after and i not in reading.earlier
            and i not in roles and _instrument_mentions(reading.sentence(i))
            and _counted(reading.sentence(i)) < 2]


# "signed a Memorandum of Understanding (MoU) and an Undergraduate Student Exchange Agreement": two
# instruments of one signing, the second right after the first (and its acronym) and "and a".
_AND_ANOTHER = re.compile(r"(?:\s*\((?:[A-Z][A-Za-z]{1,7})\))?\s+and\s+(?:an?|the)\s+")


def _joined_instrument(reading: Reading, instrument: str) -> str | None:
    """The second instrument a signing sentence names right after `instrument`, of another kind
    ("signed a memorandum of understanding and a student exchange agreement"); None where none is."""
    for i in reading.signing_sentences:
        start, end = reading.spans[i]
        sentence = reading.facts[start:end]
        mentions = [m for m in _instrument_mentions(sentence) if not _is_acronym(m[3])]
        for first, second in itertools.pairwise(mentions):
            if first[3].casefold() == instrument.casefold() and first[2] != second[2] and \
                    _AND_ANOTHER.fullmatch(sentence, first[1], second[0]):
                return second[3]
    return None


# ("The signings were witnessed by": each of them)
_BOTH = re.compile(r"\b(?:both|all|the two|each of the|agreements|memoranda|MOUs|signings|documents)\b",
                   re.IGNORECASE)


def read_agreements(reading: Reading, vocab: Vocabularies, existing: dict[str, str],
                notes: list[Note]) -> list[DraftAgreement]:
    """One agreement, or one per signing passage where the text speaks of several agreements and
    gives each its own signing sentence (then each has its own instrument, parties and people)."""
    signings = [r for r in reading.roles if r.role == "signatories"]
    witnessing = [r for r in reading.roles if r.role == "witnesses"]
    items: list[tuple[int, int]] = []
    count = _counted(reading.facts)
    separate = count >= 2 and len({r.sentence for r in signings}) >= 2
    groups: list[list[Role]] = [signings]
    starts: list[int] = []  # where each agreement's own sentences begin, where each has its own
    if separate:
        by_sentence: dict[int, list[Role]] = {}
        for role in signings:
            by_sentence.setdefault(role.sentence, []).append(role)
        groups = list(by_sentence.values())
    elif len(items := _listed(reading)) >= 2 and \
            all(any(a <= r.start < b for a, b in items) for r in signings):
        # "the following agreements were signed:\n- Agreement on X between A and B;\n- MoU on Y
        # between C and D.": one agreement an item, and whoever signed it named in it
        separate = True
        groups = [[r for r in signings if a <= r.start < b] for a, b in items]
        starts = [a for a, _ in items]
    elif len(dated := _dated_signings(reading)) >= 2:
        # "On May 16, A and B signed X. On June 14, A signed Y with C.": one agreement a sentence
        separate = True
        groups = [[r for r in signings if r.sentence == i] for i in dated]
        starts = [reading.spans[i][0] for i in dated]
    passages = _passages(reading, groups) if separate and not starts else []
    if passages and count > len(groups):
        # ("... C and D also signed a memorandum of cooperation.": one more, whose signers the
        # text does not name)
        unsigned = _unsigned_passages(reading, passages[-1][-1])[:count - len(groups)]
        passages += unsigned
        groups += [[] for _ in unsigned]
    if count >= 2 and len(groups) != count:
        notes.append(Note("agreement", f"the text speaks of {count} agreements; the importer told apart "
                                       f"{len(groups)}: add or split them by hand"))
    by_id = {p.id: p for p in vocab.parties}
    own_sentences = {i for passage in passages for i in passage}
    if starts and not items:
        own_sentences = set(dated)
    starts = starts or [g[0].start if g else reading.spans[passages[n][0]][0]
                        for n, g in enumerate(groups) if g or passages]
    all_mentions = _instrument_mentions(reading.facts)
    agreements: list[DraftAgreement] = []
    for n, group in enumerate(groups):
        a_notes: list[Note] = []
        if passages:
            own = [reading.spans[i] for i in passages[n]]
        elif len(items) >= 2:
            own = [items[n]]
        elif separate and not group:
            own = [reading.spans[i] for i in dated if reading.spans[i][0] == starts[n]]
        elif separate:
            own = [reading.spans[i] for i in sorted({r.sentence for r in group})]
        else:
            own = [(s, e) for i, (s, e) in enumerate(reading.spans)
                   if i in reading.signing_sentences or
                   (i not in reading.earlier and _instrument_mentions(reading.facts[s:e]))]

        mentions = all_mentions
        if separate:
            mentions = [(a + s, b + s, k, w) for s, e in own
                        for a, b, k, w in _instrument_mentions(reading.facts[s:e])] or all_mentions
        instrument, others = _instrument(mentions, reading.headline_end)
        if named := _named_instrument(reading.facts, own if separate else
                                      [reading.spans[i] for i in reading.signing_sentences]):
            instrument = named
        if instrument is None and (generic := _GENERIC.search(
                " ".join(reading.facts[s:e] for s, e in (own or reading.spans)))):
            # "signed an agreement", "the arrangement, signed", "signed five agreements"
            noun = generic["noun"] or generic["noun2"] or generic["nouns"] or generic["nouns2"]
            instrument = f"{generic['kind'] or ''}{noun}".lower()
            a_notes.append(Note("instrument", f"the text only calls it '{noun}': name it as the "
                                              "agreement's own text does, if a source says"))
        if instrument is None:
            a_notes.append(Note("instrument", "the text names no instrument (MOU, cooperation "
                                              "agreement ...)"))
        elif others and not separate:
            a_notes.append(Note("instrument", "the text also calls it "
                                + ", ".join(f"'{o}'" for o in others)))

        keys = _agreement_parties(reading, own, [p for r in group for p in r.people], separate, a_notes)
        known = [k for k in keys if not k.startswith("new:")]
        allowed = {a for key in known for a in _ancestors(key, by_id)} | set(keys)

        def listed(roles: Iterable[Role], allowed: set[str] = allowed) -> tuple[DraftPerson, ...]:
            # A person named twice in one role is listed once, as first named.
            people: dict[str, DraftPerson] = {}
            for role in roles:
                for person in role.people:
                    if person.key not in people and not _TIME_WORD.fullmatch(person.name):
                        people[person.key] = _draft_person(person, reading.parties, allowed, reading.used)
            return tuple(people.values())

        # A witness passage belongs to every agreement when it says so ("both agreements"), else
        # to the agreement signed last before it.
        mine = [r for r in witnessing if not separate or _BOTH.search(reading.sentence(r.sentence)) or
                max([i for i, start in enumerate(starts) if start <= r.start], default=0) == n]
        signatories, witnesses = listed(group), listed(mine)
        for name in sorted({p.name for p in signatories} & {p.name for p in witnesses}):
            a_notes.append(Note("witnesses", f"{name} is named both as a signatory and as a witness"))
        if not signatories:
            a_notes.append(Note("signatories", "the text does not say who signed"))

        shared = [reading.spans[i] for i in reading.signing_sentences if i not in own_sentences]
        signed = _signing_date(reading, own if separate else shared, shared if separate else [], a_notes)
        place, place_from = signing_place(reading.facts, reading.spans, own if separate else shared,
                                          a_notes, vocab, here=reading.dateline_place)
        if separate and place is None and shared and not any(n.field == "place" for n in a_notes):
            # "A signed two MoUs in Jakarta today. The first, with B, ... The second, ...": where the
            # sentence no agreement owns says they all were signed, as the date falls back
            place, place_from = signing_place(reading.facts, reading.spans, shared, a_notes, vocab,
                                              here=reading.dateline_place)

        # The id: the parties and the year, as the archive's own ids are (fsdc-caict-2023).
        year = signed.date.year if signed else reading.published.year if reading.published else None
        if signed is None and year:
            a_notes.append(Note("id", "made with the publication year: the signing date is not known"))
        parts = [k.removeprefix("new:") for k in keys] or [slugify(instrument or "agreement")]
        ident = base = slugify("-".join(parts + ([str(year)] if year else [])))
        suffix = 2
        while ident in {a.id for a in agreements}:
            ident, suffix = f"{base}-{suffix}", suffix + 1
        if ident in existing:
            a_notes.append(Note("id", f"an agreement '{ident}' is already described in {existing[ident]}: "
                                      "keep this id if it is the same agreement, so that the facts are "
                                      "merged and compared; otherwise choose another"))
        agreements.append(DraftAgreement(
            id=ident, title=_agreement_title(reading.facts, mentions), instrument=instrument,
            parties=tuple(reading.parties.labels[k] for k in known),
            unknown_parties=tuple(name for k in keys if k.startswith("new:")
                                  if well_formed_name(name := reading.parties.name_of(k))),
            signed=signed.date if signed else None, signed_from=signed.phrase if signed else None,
            signed_derived_from=signed.derived if signed else None, place=place, place_from=place_from,
            signatories=signatories, witnesses=witnesses, notes=tuple(a_notes),
        ))
    if len(agreements) == 1 and agreements[0].instrument and \
            (second := _joined_instrument(reading, agreements[0].instrument)):
        # Two instruments one sentence says were signed together: two agreements, of the same
        # signing (its parties, day, place and people), as the Chinese reader gives "X和Y"
        first = agreements[0]
        agreements.append(replace(first, id=f"{first.id}-2", title=None, instrument=second, notes=(
            Note("agreement", f"signed with '{first.instrument}' in the same sentence: its parties, "
                              "date and people are that one's; check each"),)))
    return agreements
