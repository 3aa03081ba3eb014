"""Parties: the organisations a text names, from parties.yaml and from the text's own definitions
("Financial Services Development Council (FSDC)"), with new ones proposed."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from ..model import Party
from ..slugs import slugify
from ..vocabularies import Vocabularies
from .dates import MONTH, WEEKDAY
from .draft import ProposedParty
from .lexicon import (
    BODY_NOUNS,
    COUNTRIES,
    FIELD_MODIFIERS,
    HONORIFIC_PERSON,
    INSTRUMENT_KINDS,
    MORE_INSTRUMENT_KINDS,
    NOT_NAMES,
    ORG_WORDS,
    PAST_VERB,
    PLACE_KIND_WORDS,
    PLACE_WORDS,
    PORTFOLIO_WORDS,
    RENEWED,
    SIGN_VERB,
    SIGNED,
    TITLE_WORD,
    TITLE_WORDS,
    names_a_country,
    words,
)
from .text import normal, sentences
from .towns import is_town

# "Financial Services Development Council (FSDC)", "Meridian Robotics Limited ("Meridian")". A name
# has at most thirteen words, which also bounds the regex's work on long runs of capitals.
_DEFINITION = re.compile(
    r"(?P<name>(?:[A-Z][\w'’.&-]*)(?:,? (?:(?:of|for|and|on|in|de|du|des|&|of the|for the) )?"
    r"[A-Z][\w'’.&-]*){0,12}) ?\((?:the\s+)?"
    r"(?:[\"“](?P<short>[^\"”]{2,40})[\"”]|(?P<acr>[A-Z][A-Za-z]*[A-Z]))\)")
# A part of the organisation just defined, named after its acronym: "(CUHK) Business School",
# "(HKU) Faculty of Medicine", "(PolyU) Research Institute for Sports Science".
_PART_AFTER = re.compile(r"\s+(?:[A-Z][\w'’-]*\s+){0,3}(?:School|Faculty|Institute|Centre|Center|College|"
                         r"Hospital|Branch|Laboratory|Academy|Library|Museum)\b")
PARTIES_TERM = re.compile(r"\((?:collectively|together|jointly)?,?\s*(?:the\s+)?[\"“]Parties[\"”]\)",
                          re.IGNORECASE)


def _initials(words: Sequence[str]) -> str:
    # each part of a hyphenated word gives its letter: "Sun Yat-sen University" is SYSU
    return "".join(part[:1].upper() for w in words if w[:1].isupper() for part in w.split("-"))


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(ch in letters for ch in short)


def _name_from(words: Sequence[str], start: int) -> str:
    """The name that an acronym's first letter opens at `start`, with the words before it that are
    the name's too."""
    while start and words[start - 1].casefold() in PLACE_WORDS:
        start -= 1  # "Hong Kong Applied Science and Technology Research Institute (ASTRI)"
    # "Fraunhofer Institute for Production Technology (IPT)": an acronym of the words after
    # the name's own first word; the capitalised words before it are the name's too
    # ("Yaroslav-the-Wise Novgorod State University (NovSU)": a word of capitalised parts and the
    # small words between them, as a hyphen joins them, is one word of the name; "Ostport-based" is
    # where the body is, no part of it)
    while start and re.fullmatch(r"[A-Z][a-z]+(?:-(?:[A-Z][a-z]+|the|of|de|al|el|la|le|du|da|do|von|van))*",
                                 words[start - 1]) and \
            words[start - 1].casefold() not in TITLE_WORDS | NOT_NAMES and \
            not any(part in TITLE_WORDS for part in words[start - 1].casefold().split("-")):
        start -= 1
    return " ".join(words[start:]).rstrip(",")


_COUNTRY_LETTERS = frozenset({"uk", "us", "usa", "uae", "prc"})


def _trim_name(name: str, acronym: str | None) -> str:
    """The organisation's name in a definition, without what the pattern caught before it."""
    # "Hong Kong's Innovation ... Bureau", "Vietnam's Ministry of X", "South Korea's Y": after a
    # place's or a country's possessive; "People's Bank" keeps it.
    # ("the UK's Liverpool John Moores University": a country by its letters too)
    for possessive in re.finditer(r"((?:[A-Z][\w-]*\s+)?\w+)['’]s\s+", name):
        if possessive[1].split()[-1].casefold() in PLACE_WORDS | _COUNTRY_LETTERS or \
                possessive[1].casefold() in COUNTRIES or possessive[1].split()[-1].casefold() in COUNTRIES:
            name = name[possessive.end():]
    # "the United States' Financial Industry Regulatory Authority": a country's plural possessive
    # ("Chinese Manufacturers' Association" is a name)
    name = re.sub(r"^(?:[Tt]he\s+)?United\s+(?:[A-Z][\w.-]*\s+)?[A-Z][\w.-]*s['’]\s+(?=[A-Z])", "",
                  name.strip())
    name = re.sub(r"^(?:The|the)\s+", "", name.strip())
    words = name.split()
    if acronym:
        letters = "".join(ch for ch in acronym if ch.isupper())
        # "Dean of the College of X, Shenzhen University (SZU)": a title before the name, up to a
        # comma. The part after the last comma first, where it holds the acronym's initials, or
        # its letters in order with one from inside a word (Shenzhen: S, Z); then the whole, the
        # same two ways ("between OTEC and Wenquan University (WQU)": the last name, whose words
        # hold W, Q, U, not the two names before the bracket).
        tail = name.rsplit(",", 1)[-1].split()
        for part, inside in ((tail, False), (tail, True), (words, False), (words, True)):
            if part is tail and "," not in name:
                continue
            starts = [i for i, w in enumerate(part) if w[:1] == letters[:1] and _is_subsequence(
                letters.casefold() if inside else letters,
                "".join(part[i:]).casefold() if inside else _initials(part[i:]))]
            if starts:
                return _name_from(part, starts[-1])
    # "A, B, and C (X)": the last of a list, where the acronym is none of their initials (no name
    # holds ", and ")
    if (last := re.search(r",\s+and\s+(?P<name>[^,]+)$", name)) and _is_party_name(last["name"]):
        return re.sub(r"^(?:The|the)\s+", "", last["name"].strip())
    return name.rstrip(",")


# "(Guangzhou)" after a body's name: which of its places, part of the name (not an acronym's bracket)
_PLACE_BRACKET = re.compile(r"\s*\((?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})\)")


@dataclass
class Parties:
    """Finds the parties a text names: from parties.yaml, and the ones it defines that are new."""

    vocab: Vocabularies
    labels: dict[str, str] = field(default_factory=dict)  # party id -> how the draft writes it
    surfaces: dict[str, str] = field(default_factory=dict)  # text -> "id" or "new:id"
    proposals: dict[str, ProposedParty] = field(default_factory=dict)
    pattern: re.Pattern[str] | None = None
    lookup: dict[str, str] = field(default_factory=dict)  # normalised surface -> key
    # Keys of places named as parties ("Shaanxi and Hong Kong sign ..."): parties only where the
    # text names no organisation ("China and Hong Kong sign" over two named bureaux).
    places: set[str] = field(default_factory=set)
    # The names the text gives officers or representatives of (bodies_with_officers), folded.
    bodies: frozenset[str] = frozenset()

    @classmethod
    def build(cls, vocab: Vocabularies, text: str, headline: str | None = None) -> Parties:
        self = cls(vocab, bodies=frozenset(bodies_with_officers(text)))
        by_id: dict[str, Party] = {p.id: p for p in vocab.parties}
        for party in vocab.parties:
            names = [party.name, party.acronym, *party.aliases, *(n for _, n in party.names)]
            names += [n for f in party.former_names for n in (f.name, f.acronym)]
            for name in names:
                if name and vocab.party_names.resolve(name) == party.id:
                    self.surfaces.setdefault(name, party.id)
            # An acronym that other parties share would not resolve: the id always does.
            label = party.label
            self.labels[party.id] = label if vocab.party_names.resolve(label) == party.id else party.id
        for m in _DEFINITION.finditer(text):
            short = m["short"] or m["acr"]
            if short.casefold() in ("parties", "party", "mou", "agreement"):
                continue
            name = _trim_name(m["name"], m["acr"])
            if part := _PART_AFTER.match(text, m.end()):
                # "The Chinese University of Hong Kong (CUHK) Business School": the school is named,
                # as the university's name and the acronym's, each with the school's words after.
                self._propose_part(name, short, " ".join(part.group(0).split()))
                continue
            known = vocab.party_names.resolve(name) or vocab.party_names.resolve(short)
            if known:
                self.surfaces.setdefault(name, known)
                self.surfaces.setdefault(short, known)
                continue
            words = {w.casefold().rstrip(".,") for w in name.split()}
            # "Greater Bay Area (GBA)": a place's words make no organisation.
            if not words & (ORG_WORDS - PLACE_KIND_WORDS) or short in self.surfaces:
                continue  # "Internet of Things (IoT)": a term, not an organisation
            ident = slugify(short)
            if ident in by_id or ident in self.proposals:
                ident = slugify(name)
            self.proposals[ident] = ProposedParty(
                id=ident, name=name, acronym=m["acr"], aliases=(short,) if m["short"] else ())
            self.surfaces.setdefault(name, f"new:{ident}")
            self.surfaces.setdefault(short, f"new:{ident}")
        # The body's names first: the headline shortens them ("Hongkou District" for "Hongkou
        # District People's Government"), and a short name must not cover the whole one.
        named: set[str] = set()  # the keys the body names where parties are named, not as a fallback
        for name, alone in sorted(party_slots(text, headline), key=lambda slot: slot[1]):
            name = _trim_name(self._without_parent(name), None)  # "Hong Kong's Innovation ..."
            name = _with_place_of_its_acronym(name, f"{headline or ''}\n{text}")
            if self._covers(name):
                if not alone and (known := self.lookup_surface(name)):
                    named.add(known)
                continue
            key = vocab.party_names.resolve(name)
            if key is None:
                ident = slugify(name)
                if ident in by_id:
                    continue
                self.proposals.setdefault(ident, ProposedParty(id=ident, name=name))
                key = f"new:{ident}"
            self.surfaces.setdefault(name, key)
            if alone:
                self.places.add(key)
            else:
                named.add(key)
        # ("The University of Macau (UM) has signed ... with B" under the headline's "UM signs MOU
        # with B": the headline's short name is the party the body names, no fallback)
        self.places -= named
        alternatives = []
        for surface in sorted(self.surfaces, key=len, reverse=True):
            # Spaces as any run of them: a bracket blanked out may stand between two words.
            escaped = re.escape(surface).replace("'", "['’]").replace(r"\ ", r"\s+")
            # Acronyms match as written ("CAC", not "cac"); names in any case.
            short = " " not in surface and len(surface) <= 8 and any(c.isupper() for c in surface[1:])
            alternatives.append(escaped if short or surface.isupper() else f"(?i:{escaped})")
        if alternatives:
            self.pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])")
        self.lookup = {normal(k): v for k, v in self.surfaces.items()}
        return self

    def _known_or_proposed(self, names: Sequence[str], proposal: ProposedParty) -> str:
        """The key of the party in parties.yaml one of `names` is, else of `proposal` (proposed once)."""
        key = next(filter(None, map(self.vocab.party_names.resolve, names)), None)
        if key is None:
            self.proposals.setdefault(proposal.id, proposal)
            key = f"new:{proposal.id}"
        return key

    def _propose_part(self, whole: str, short: str, part: str) -> None:
        named, shortened = f"{whole} {part}", f"{short} {part}"
        key = self._known_or_proposed(
            (named, shortened), ProposedParty(id=slugify(shortened), name=named, aliases=(shortened,)))
        self.surfaces.setdefault(named, key)
        self.surfaces.setdefault(shortened, key)

    def _without_parent(self, name: str) -> str:
        """"Education Bureau of the Government of the HKSAR": the bureau, when what follows "of" is
        a party already known (its parent); "Ministry of Education of the Republic of X" stays whole."""
        for m in re.finditer(r"\s+of\s+(?:the\s+)?", name):
            head, tail = name[:m.start()], name[m.end():]
            known = self.lookup_surface(tail)
            if known and not known.startswith("new:") and _is_party_name(head):
                return head
        return name

    def lookup_surface(self, name: str) -> str | None:
        return next((key for surface, key in self.surfaces.items() if normal(surface) == normal(name)), None)

    def _covers(self, name: str) -> bool:
        """True when a name already known or defined is this one, inside it with only an article
        or a place around it ("the HKMA", "Hong Kong's HKMA"), or holds it (the headline's "Polar
        Shipping" for "Polar Shipping Limited (PSL)"). A place inside an organisation's name
        ("Vietnam" in "Ministry of Education of Vietnam") does not cover it."""
        key = normal(name)
        for surface, ident in self.surfaces.items():
            if len(surface) <= 2:
                continue
            inner = normal(surface)
            # A place, or a name the text proposed that is no organisation's and no acronym
            # ("Veltonia"), is part of a longer name, not that name.
            acronym = any(c.isupper() for c in surface[1:])
            place_like = _is_place(surface) or (ident.startswith("new:") and " " not in surface
                                                and not _has_org_word(surface) and not acronym)
            # A one-word name that a longer organisation's name opens with ("Kestrel" and
            # "Kestrel Logistics Group") does not cover it: that is another organisation.
            extended = key.startswith(inner + " ") and " " not in inner and _has_org_word(name) and \
                not _has_org_word(surface) and not re.search(r"\s(?:and|&)\s", key)
            # "Hangzhou Municipal Education Bureau" is not the "Education Bureau": words before it
            # other than an article or a place ("the", "Hong Kong's") name another body.
            before = re.sub(r"^the\s+|['’]s$", "", key[:key.find(inner)].strip()) if inner in key else ""
            qualified = bool(before) and not _is_place(before)
            if inner in key and not place_like and not extended and not qualified:
                return True
            # ("Ostland Shipping" for "Ostland Shipping Limited"; not a country by its name before
            # a body named after it: "Estonia" and the "Estonia Development Board" are two)
            if inner == key or (inner.startswith(key + " ") and not _is_place(name) and
                                name.casefold() not in COUNTRIES):
                return True
        return False

    def from_title(self, title: str) -> str | None:
        """The organisation a person's title ends with ("Chairman of the Harbour Trade Council"), or
        that they act on behalf of,
        proposed as a new party: the key, or None where the title names none."""
        m = _TITLE_ORG.search(title)
        # ("Director of the Culture, Sports and Tourism Bureau": the fields a body's name lists go on
        # before the comma the pattern stops at; the body is the whole of them, or none)
        if m and title[m.start()] == "," and \
                _fields_then_kind(re.split(r"\b(?:of|at)\s+(?:the\s+)?", title[:m.start()])[-1], m["org"]):
            m = _TITLE_ORG_LISTED.search(title)
            first, _, rest = m["org"].partition(",") if m else ("", "", "")
            return self._propose(m) if m and _fields_then_kind(first, rest) else None
        return self._propose(m or _BEHALF_ORG.fullmatch(title.strip(" ,.")))

    def from_body(self, words: str) -> str | None:
        """The organisation a person acts for or is of, named whole ("The Chinese University of Hong
        Kong"), proposed as a new party: the key, or None where the words name none."""
        return self._propose(_BEHALF_ORG.fullmatch(words.strip(" ,.")))

    def _propose(self, m: re.Match[str] | None) -> str | None:
        """The key of the organisation a match names, proposed where it is new; None where the
        words are no organisation's."""
        # ("Vice-Chancellor of The Chinese University of Hong Kong": its "The" opens no phrase)
        if not m or not _has_org_word(m["org"]) or not _may_be_party(re.sub(r"^The\s+", "", m["org"])):
            return None
        # ("Prof A, Rector Pine Institute and Dr B": a title's word before a body's name with no "of"
        # between them is no part of the name, and which body it is stays unsure: none)
        if _is_title_word_name(m["org"].split()[0]):
            return None
        # ("Minister of Foreign Affairs", "Secretary of Home Affairs": the portfolio a title is of,
        # all of whose words are a field's, is no body; "the Ministry of Foreign Affairs" is one)
        # ("Minister of Agriculture of the Ostland Federation": the portfolio, then whose it is; the
        # ministry's own name the text does not write)
        if _is_portfolio(m["org"].split(" of ")[0]):
            return None
        name = _trim_name(m["org"], None)
        key = self._known_or_proposed((name,), ProposedParty(id=slugify(name), name=name))
        self.surfaces.setdefault(name, key)
        self.lookup[normal(name)] = key
        return key

    def with_place_after(self, text: str, end: int, start: int) -> str | None:
        """The key of the body named at `start`..`end` with the place in brackets right after its
        name ("The Hong Kong University of Science and Technology (Guangzhou)", "Bank of China
        (Macau)"): another body than the one the name alone is, proposed as the text writes it;
        None where no such bracket follows."""
        m = _PLACE_BRACKET.match(text, end)
        # ("... of the Socialist Republic of Vietnam (Vietnam)": a short name for the place the name
        # already holds, no other body)
        if m is None or not (_is_place(m["place"]) or m["place"].casefold() in COUNTRIES) or \
                m["place"].casefold() in text[start:end].casefold():
            return None
        name = re.sub(r"^[Tt]he\s+", "", " ".join(text[start:m.end()].split()))
        key = self._known_or_proposed((name,), ProposedParty(id=slugify(name), name=name))
        self.surfaces.setdefault(name, key)
        return key

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, key) of every party named in `text`; key is an id or 'new:<id>'."""
        if self.pattern is None:
            return []
        found = []
        for m in self.pattern.finditer(text):
            key = self.lookup.get(normal(m.group(0)))
            if key:
                found.append((m.start(), m.end(), key))
        return found

    def name_of(self, key: str) -> str:
        if key.startswith("new:"):
            return self.proposals[key[4:]].name
        return self.labels.get(key, key)


# Where a signing sentence names its parties: "between A and B", "A and B signed", "A has concluded
# an MoU with B", "signed by A, B and C". A name there is a run of capitalised words.
# A date after the name ("Ostland University on March 1") is not part of it.
_NOT_DATE = rf"(?!(?:{MONTH}|{WEEKDAY})\b)"
# A name's words are capitalised, but "government" may be written in lower case inside it: "the
# EMSD of the HKSAR government and ...", "the Guangdong provincial government".
_GOVERNMENT = r"(?:(?:provincial|municipal|regional|city|district|county|central)\s+)?government"
# ("Co., Ltd. The two sides": after a word's full stop, "The" or "A" opens the next sentence)
# ("The High School Attached to Zhejiang University", "Hospital Affiliated with X": a body's name
# goes on through "to" or "with" after attached or affiliated; "the Pine People's Association for
# Friendship with Foreign Countries" after friendship)
# ("Universidad del Pacifico", "Universidade do Porto": the small words of Spanish, Portuguese and
# French names)
_RUN = (rf"[A-Z][\w'’.&-]*(?:(?:\s+(?:(?:of|and|for|on|in|de|del|do|da|dos|das|du|des|di|&)(?:\s+the)?\s+)?|"
        rf"(?:(?<=Attached)|(?<=Affiliated)|(?<=Friendship))\s+(?:to|with)\s+(?:the\s+)?)"
        # (a month's short name after a Spanish or Portuguese small word is a word of the name:
        # "Universidad de Viña del Mar")
        rf"(?:(?:(?<=\sdel\s)|(?<=\sde\s)|(?<=\sdo\s)|(?<=\sda\s)|{_NOT_DATE})"
        rf"(?!(?<=\.\s)(?:The|An?)\s)[A-Z][\w'’.&-]*|{_GOVERNMENT}\b))*")
# "with south China's Guangxi Zhuang Autonomous Region": where in China the party is, as Xinhua
# writes it before a province's or a region's name; no part of the name.
_LOCATOR = (r"(?:(?:north|south|east|west|northeast|northwest|southeast|southwest|central)(?:ern)?\s+"
            r"China['’]s\s+)")
# "The government of the Hong Kong Special Administrative Region": a government named by its region.
_ITEM = rf"(?:[Tt]he\s+)?{_LOCATOR}?(?:government\s+of\s+(?:the\s+)?)?{_RUN}"
_LIST = rf"{_ITEM}(?:\s*,\s*(?:and\s+)?{_ITEM})*"
# What a party is, after its name and a comma: "the independent regulator of X", "a statutory body".
# ("A (a), represented by its President Mr B, and C ...": who signs for it)
_APPOSITION = r"\s*,\s+(?:(?:an?|the|one\s+of)\s+[a-z][^,;.]{0,160}?|represented\s+by\s+[^,;]{1,120}?)"
_APPOSED = rf"{_ITEM}(?:{_APPOSITION}(?=\s*,))?"
# The day a sentence opens with, before its subject: "On July 16, 2021, ", "Today (May 5), "
_ON_THE_DAY = (rf"(?:(?:On\s+(?:{WEEKDAY},?\s+)?(?:{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})(?:,?\s+\d{{4}})?|"
               rf"(?:Earlier\s+)?[Tt]oday|Yesterday)(?:\s*\([^()]{{1,30}}\))?,\s+)?")
# An organisation by its kind's word ("the bank", "the commission"), in the singular.
_KINDS_OF_ORG = "|".join(sorted(ORG_WORDS - PLACE_KIND_WORDS - {"co", "inc", "ltd", "llc", "plc", "corp"}))
_VERB = (r"(?:signed|sign|signs|inked|ink|inks|executed|entered\s+into|concluded|sealed|have\s+signed|"
         r"has\s+signed|"
         rf"jointly\s+{SIGNED}|{RENEWED})")
_INVOLVE = rf"\b(?i:{INSTRUMENT_KINDS})\s+(?:involve[sd]?|include[sd]?)\s+"
# "The six agreements signed on Friday involve A, B and C on the Ostland side, and D and E on the
# Kestrian side": the bodies of each side, each list closed by the side it is on
_INSTRUMENTS_INVOLVE = (r"\b(?i:mo[u]s|memorand(?:a|ums)|agreements|documents)\s+(?:signed\s+[^.;,]{0,30}?)?"
                        r"involve[sd]?\s+")
_ON_A_SIDE = r"\s+on\s+the\s+[A-Z][\w-]*\s+side"
_SIDE_LISTS = (
    re.compile(rf"{_INSTRUMENTS_INVOLVE}(?P<list>{_LIST})(?={_ON_A_SIDE}\b)"),
    re.compile(rf"{_INSTRUMENTS_INVOLVE}[^.;]*?{_ON_A_SIDE},?\s+and\s+(?P<list>{_LIST})(?={_ON_A_SIDE}\b)"),
)
# When in a month a thing was signed: "in August", "early in August", "late in March 2021".
_IN_A_MONTH = rf"(?:(?:early|late)\s+)?in\s+(?:early\s+|mid-|late\s+)?{MONTH}(?:\s+\d{{4}})?"
_SLOTS = (
    # ("a cooperation agreement among A, B and C": three parties or more)
    # ("between A, a centre of X in the provincial capital, and the B": what the first is, between
    # commas, before the "and" of the second)
    re.compile(rf"\b(?:between|among|amongst)\s+(?P<list>{_ITEM}(?:{_APPOSITION}(?=\s*,\s*and\s))?"
               rf"(?:\s*,\s*(?:and\s+)?{_ITEM})*)"),
    # "A and B yesterday signed", "A and B on Wednesday signed", "A and B today (May 1) signed"
    # ("A, B and C each signed a project agreement with ...", "respectively signed": each its own)
    # (an aside about the last of them may come before the verb: "A and B, an affiliate of C, signed")
    # ("A, which is headquartered in X, signed": a relative clause about it too)
    # ("the Agricultural Bank of China, Hong Kong Branch, signed": the branch's comma closes it)
    # ("A and B, both of which are note-issuing banks, signed": what the two are)
    re.compile(rf"(?P<list>{_LIST})(?:\s*,\s+(?:an?|one\s+of|which|who|(?:both|all|each)\s+of\s+(?:which|whom|them))"
               rf"\s+[^,;.]{{1,160}},|(?<=Branch),)?"
               rf"\s+(?:(?:have|has|had|jointly|today|yesterday|recently|earlier|"
               rf"successfully|officially|formally|also|each|respectively|"
               rf"(?:on\s+)?{WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?|"
               rf"on\s+(?:{MONTH}\s+\d+|\d+\s+{MONTH}))\s+)*"
               rf"{_VERB}\b"),
    re.compile(rf"\b{_VERB}\b[^.;]{{0,80}}?\bwith\s+(?P<list>{_LIST})"),
    # "signed X with A, as well as a tripartite MoU with A and B": the second's parties too
    re.compile(rf"\b{_VERB}\b[^.;]{{0,120}}?\bwith\s+[^.;]{{0,80}}?,?\s+as\s+well\s+as\s+(?:a|an|the)\s+"
               rf"[^.;]{{0,80}}?\bwith\s+(?P<list>{_LIST})"),
    # "Representing the X Government, Mr A, Consul General, today signed an MoU ... with the Y Region,
    # represented by Mr B": whom each signer stood for (not "Representing X, Mr A witnessed")
    re.compile(rf"^\s*{_ON_THE_DAY}Representing\s+(?P<list>{_ITEM})\s*,"
               rf"(?=(?:(?!witness|attend|present)[^;.]){{1,200}}?\b{_VERB}\b)"),
    re.compile(rf"\b{_VERB}\b[^.;]{{0,200}}?\bwith\s+(?P<list>{_ITEM})\s*,\s+represented\s+by\b"),
    # "A and B reached a consensus on ..., and signed three memoranda": the subject of a first verb
    # that opens the sentence, and of the signing after its "and"
    re.compile(rf"^\s*{_ON_THE_DAY}(?P<list>{_LIST})\s+(?:(?:have|has|had|also|jointly)\s+)?{PAST_VERB}\b"
               rf"[^.;]{{0,160}}?,?\s+and\s+(?:(?:have|has|also|jointly|then)\s+)?{_VERB}\b"),
    # "A announced today the signing of a Framework Agreement with B": B, and A (the next)
    re.compile(rf"\bthe\s+signing\s+of\b[^.;]{{0,120}}?\bwith\s+(?P<list>{_LIST})"),
    # ("A on Saturday announced the signing of": the day before the verb too)
    re.compile(rf"(?P<list>{_LIST})\s+(?:(?:today|yesterday|on\s+{WEEKDAY})\s+)?(?:announced|celebrated|marked)\s+"
               rf"(?:(?:today|yesterday|{WEEKDAY})\s+)?"
               rf"(?:\([^()]{{1,30}}\)\s+)?the\s+signing\s+of\b"),
    # ("was signed in Shenzhen yesterday (January 10) by A and B": where and when, then who; when as
    # a month too: "signed early in August by A and B", "signed in December 2020 by")
    re.compile(rf"\b{SIGNED}(?:\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,3}})?"
               rf"(?:\s+(?:today|yesterday|on\s+[^,.;]{{1,30}}?|{_IN_A_MONTH}))?\s*,?\s+by\s+(?P<list>{_LIST})"),
    # "A and B signed X on behalf of the C Government and the D Government respectively": one each
    re.compile(rf"\bon\s+behalf\s+of\s+(?P<list>{_LIST})\s*,?\s+respectively\b"),
    # "On November 14th, A held a cooperation agreement signing ceremony with B": A, and B (the next)
    re.compile(rf"(?P<list>{_LIST})\s+(?:held|hosted)\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,5}}?signing\s+"
               rf"ceremony\s+with\s+[A-Z]"),
    re.compile(rf"\b(?:held|hosted)\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,5}}?signing\s+ceremony\s+with\s+"
               rf"(?P<list>{_LIST})"),
    # "The six funds that signed the MoUs with CityU are A, B and C": who signed, named after a copula.
    re.compile(rf"\b(?:that|which|who)\s+(?:(?:have|had|has|jointly)\s+)*(?:{_VERB}|signing)\b[^.;]{{0,80}}?\s+"
               rf"(?:are|were|include|included|includes)\s+(?P<list>{_LIST})"),
    # "A announced that it had entered into an MoU with B": it, the one that announced.
    # ("A was pleased to announce yesterday it has signed")
    # ("A today has announced the regulator has entered into": the one that announced, by its kind)
    # ("A, a leading fintech company, today announced": what A is, between commas; "A announced on
    # Tuesday that it signed"; "A on Saturday announced that it had signed")
    re.compile(rf"(?P<list>{_LIST})(?:\s*,\s+(?:an?|the|one\s+of)\s+[^,;.]{{1,160}},)?"
               rf"\s+(?:(?:today|yesterday|recently|on\s+{WEEKDAY})\s+)?(?:(?:has|have)\s+)?"
               rf"(?:announced|said|confirmed|revealed|(?:is|was|are|were)\s+(?:pleased|delighted|proud)\s+to\s+announce)"
               rf"\s+(?:(?:today|yesterday|on\s+{WEEKDAY})\s+)?(?:that\s+)?(?:it|they|the\s+(?:regulator|{_KINDS_OF_ORG}))\s+"
               rf"(?:(?:had|has|have)\s+)?"
               rf"(?:(?:jointly|officially|formally|also|recently)\s+)?{_VERB}\b"),
    # "A and B jointly announce today that a new MoU between them has been signed": the two who
    # announced, whom "between them" names as its parties.
    re.compile(rf"(?P<list>{_LIST})\s+(?:jointly\s+)?announce[sd]?\s+(?:(?:today|yesterday)\s+)?"
               rf"(?:\([^()]{{1,30}}\)\s+)?that\s+[^.;]{{0,100}}?\bbetween\s+them\b[^.;]{{0,40}}?"
               rf"\b(?:has|have|had)\s+been\s+{SIGNED}\b"),
    # The sentence's subject, when what it did was to sign: "A and B recently held a signing
    # ceremony for an MoU", "A and B paved the way for a partnership by entering into an MoU".
    # ("held an agreement signing ceremony": what was signed may come before "signing")
    # (after the day it did so: "On July 16, 2021, A and B held ...")
    # (not who watched it: "A and B stood as a witness for the signing ceremony")
    re.compile(rf"^\s*{_ON_THE_DAY}(?P<list>{_LIST})\s+(?:(?!witness)[a-z]+\s+){{1,8}}?"
               rf"(?:(?:a|an|the)\s+(?:(?!witness)[\w-]+\s+){{0,3}}?signing\s+ceremony|"
               r"(?:by\s+)?entering\s+into|to\s+sign)\b|"
               # "A, B and C announced that the three authorities had signed": they, counted.
               rf"^\s*(?P<list2>{_LIST})\s+[^.;]{{0,120}}?\b(?:the\s+)?(?:two|three|four|both)\s+[a-z]+\s+"
               rf"(?:had\s+|have\s+|has\s+)?(?:jointly\s+)?{SIGNED}\b"),
    # ("A and B (BU), Ostville, Kestria, signed": where the last is, after its bracket, between
    # commas, before the verb; _items leaves the places out)
    re.compile(rf"(?P<list>{_ITEM}(?:\s*,\s*{_ITEM})*\s+and\s+{_ITEM}\s{{3,}}"
               rf"(?:,\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,2}}){{1,3}})\s*,\s+"
               rf"(?:(?:have|has|had|jointly|today|yesterday|recently|also)\s+)*{_VERB}\b"),
    # ("The MoU involve A with B on ..., and C with D": the pairs of a release's several MoUs, each
    # "with" its other party; the first pair, then the one after its ", and")
    re.compile(rf"{_INVOLVE}(?P<list>{_ITEM})\s+with\s+(?:the\s+)?[A-Z]"),
    re.compile(rf"{_INVOLVE}{_ITEM}\s+with\s+(?P<list>{_ITEM})"),
    re.compile(rf"{_INVOLVE}[^.;]*?,?\s+and\s+(?P<list>{_ITEM})\s+with\s+(?:the\s+)?[A-Z]"),
    re.compile(rf"{_INVOLVE}[^.;]*?,?\s+and\s+{_ITEM}\s+with\s+(?P<list>{_ITEM})"),
    *_SIDE_LISTS,
    # "A (a), the independent regulator of X, and B (b), the statutory body that ..., today signed":
    # each party followed by what it is (the last one's apposition closed by a comma).
    # ("A and B, the capital of Ostland, have signed": what the last one is, after a list with no comma)
    re.compile(rf"(?P<list>{_APPOSED}(?:\s*,\s*(?:and\s+)?{_APPOSED})*(?:\s*,\s*(?:and\s+)?|\s+and\s+){_ITEM}"
               rf"{_APPOSITION})\s*,\s+(?:(?:have|has|had|jointly|today|yesterday|recently|also|"
               rf"officially|formally)\s+)*{_VERB}\b"),
)
# "cooperation between Hong Kong and the UAE", "a platform between China and ...": a relation, not the
# parties of a signing. "between" names parties only after a signing verb or an instrument
# ("an MoU between", "the Agreement on Trade between", "(the MoU) between", "signed between").
_INSTRUMENT_NOUN = (rf"(?:{INSTRUMENT_KINDS}|{MORE_INSTRUMENT_KINDS}|"
                    r"protocols?|documents?|letters?\s+of\s+intent|contracts?|charters?)")
_BEFORE_BETWEEN = re.compile(
    # ("Other MoUs signed were between A and B; and between C and D": the list goes on)
    rf"(?i:\b(?:signed|inked|concluded|entered\s+into)(?:\s+(?:were|was))?|\b{_INSTRUMENT_NOUN}|\))\s*$|"
    # ("An agreement signed on Monday between A and ...": when, between the verb and "between")
    # ("was signed on 2nd February 2015 between": the day by its ordinal)
    rf"(?i:\b(?:signed|inked)\s+(?:today|yesterday|on\s+(?:{WEEKDAY}|(?:{MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH}))"
    rf"(?:,?\s+\d{{4}})?))\s*$|"
    rf"(?i:\b(?:signed|inked)(?:\s+(?:were|was))?\s+between\b[^.]*?[;,]\s+and)\s*$|"
    # ("the MoUs signed included one between A and B, and one between C and D": one of them)
    rf"(?i:\b{_INSTRUMENT_NOUN}\b[^.;]*?\b(?:one|another))\s*$|"
    # ("A signing ceremony was held to mark the partnership between A, B and C": the ceremony, and the
    # tie it marks between those who signed)
    rf"(?i:\bsigning\s+ceremony\b[^.;]{{0,60}}?\b(?:to\s+mark|marking|to\s+celebrate|celebrating)\s+"
    rf"the\s+(?:new\s+)?(?:partnership|collaboration|co-?operation))\s*$|"
    # what the instrument is about: "an agreement on strategic cooperation between", "memorandums
    # of understanding between" (no verb: "the MoU aims to boost ties between" is about the MoU)
    rf"(?i:\b{_INSTRUMENT_NOUN}\s+(?:of|on|for|in)(?:\s+(?!(?:to|is|are|was|were|will|which|that)\b)"
    r"[\w'’-]+){1,4})\s*$|"
    # an instrument's own name, written in capitals, that goes on up to "between"
    rf"\b(?i:{_INSTRUMENT_NOUN})\b(?:\s+(?:(?:of|on|for|in|and|the|&)\s+)*[A-Z][\w'’-]*)*\s*$")
_NOT_PARTY = words("""
mou mous memorandum memoranda agreement agreements parties party sides side both two ceremony signing
it they we he she this these the a an chief executive secretary director president chairman
today yesterday tomorrow tonight earlier recently
""")  # ("Today (6 February), A and B signed": the day, not a party)


# The organisation at the end of a title: "President of The Ostland University", "Director, Ostland Agency".
_TITLE_ORG = re.compile(r"(?:\bof|\bat|,)\s+(?:the\s+)?(?P<org>(?:The\s+)?[A-Z][\w'’.&-]*"
                        r"(?:\s+(?:(?:of|and|for|on|in|&)(?:\s+the)?\s+)?[A-Z][\w'’.&-]*)*)\s*$")

# ("Director of the Culture, Sports and Tourism Bureau": a name whose fields are listed at commas)
_TITLE_ORG_LISTED = re.compile(r"(?:\bof|\bat)\s+(?:the\s+)?"
                               r"(?P<org>[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*){0,3}"
                               r"(?:,\s+[A-Z][\w'’.&-]*)+\s+and\s+[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*)\s*$")

_BEHALF_ORG = re.compile(r"(?:the\s+)?(?P<org>[A-Z][\w'’.&-]*(?:\s+(?:(?:of|and|for|on|in|&)(?:\s+the)?\s+)?"
                         r"[A-Z][\w'’.&-]*)*)")  # "on behalf of the Harbour Trade Council"


def _is_portfolio(words: str) -> bool:
    """Whether the words are a portfolio's fields alone ("Foreign Affairs", "Trade and Industry")."""
    return all(w in PORTFOLIO_WORDS for w in _folded(words) if w not in ("and", "for", "the", "&"))


def _is_title_word_name(word: str) -> bool:
    return word.casefold().strip(".,'’") in TITLE_WORDS


# Places pycountry lists among the countries that are regions of one.
_REGIONS_LISTED_AS_COUNTRIES = frozenset({"hong kong", "macao", "macau", "taiwan"})


def _is_state(name: str) -> bool:
    """"Malaysia", "the Philippines": a sovereign country by its name."""
    folded = re.sub(r"^the\s+", "", name.casefold())
    return folded in COUNTRIES and folded not in _REGIONS_LISTED_AS_COUNTRIES


def _is_place(name: str) -> bool:
    return all(w.casefold().strip(".,") in PLACE_WORDS for w in name.split())


def _has_org_word(name: str) -> bool:
    words = {w.casefold().strip(".,'’").removesuffix("'s").removesuffix("’s") for w in name.split()}
    return bool(words & (ORG_WORDS - PLACE_KIND_WORDS))


def _folded(name: str) -> list[str]:
    """A name's words as the word lists hold them."""
    return [w.casefold().strip(".,'’") for w in name.split()]


def _titled(words: list[str]) -> bool:
    """Opens with a title ("Deputy General Manager of X"), unless the words before "of" end in
    a kind of body ("General Administration of Customs")."""
    return bool(words) and words[0] in TITLE_WORDS and not _org_before_of(words)


def _titled_person(words: list[str]) -> bool:
    """"Macao Customs Service Director-General Vong Iao Lek": an organisation, a title, then more
    words (the person's name): a person by their post, not the organisation."""
    titles = [i for i, w in enumerate(words) if i > 0 and w in TITLE_WORDS]
    if not titles:
        return False
    # (the words after the title make a name: "Privacy Commissioner for Personal Data" is a post's
    # name inside an organisation's, "Office of the ...")
    name = words[titles[-1] + 1:]
    return bool(name) and not any(w in ("of", "for", "and", "on", "the", "&") or w in ORG_WORDS
                                  for w in name) \
        and any(w in ORG_WORDS and w not in TITLE_WORDS for w in words[:titles[0]])


def _opens_not_party(words: list[str]) -> bool:
    """Opens with a word that names no party ("Both sides", "the Chief Executive"), unless a kind of
    body follows it: "Executive Committee of X", "Executive Council"."""
    return bool(words) and words[0] in _NOT_PARTY and not (
        len(words) > 1 and words[1] in ORG_WORDS - TITLE_WORDS - PLACE_KIND_WORDS)


# Words no body's name holds, whichever reading proposed it: a verb of the sentence around it, or
# a joiner or "of" it would go on after.
_NOT_IN_A_NAME = re.compile(r"\b(?:signed|said|says|witnessed|attended|will|was|were|has|have|had)\b|"
                            r"\s(?:and|of|for|the|with|by|to|at|on)$")


def well_formed_name(name: str) -> bool:
    """Whether a new party's words can be a body's name at all: the last check on every reading,
    so that a span one of them cuts wrong is left out rather than proposed."""
    # (nor people by their posts, in the plural: "Presidents of The Hong Kong Polytechnic University")
    first = next(iter(name.split()), "").casefold()
    return not _NOT_IN_A_NAME.search(name) and \
        not (first not in TITLE_WORDS and (first.removesuffix("s") in TITLE_WORDS or first == "chairmen"))


def _is_party_name(name: str) -> bool:
    """An organisation or a place, not a person, an instrument or a phrase such as "Both sides"."""
    words = _folded(name)
    if not words or _titled_person(words) or _opens_not_party(words) or _titled(words) or \
            HONORIFIC_PERSON.match(name) or (words[-1] in TITLE_WORDS and not _office_of(words)) or \
            _plural_kind(words[0]):
        return False  # "Deputy General Manager of X Company", "the University's President": a title
    if len(words) == 1 and words[0].removesuffix("'s").removesuffix("’s") in ORG_WORDS:
        return False  # "Council signs pact", "the Board": a kind of body refers back, names none
    bare = {w.removesuffix("'s").removesuffix("’s").rstrip("s") for w in words} | set(words)
    # ("Hong Kong Special Administrative Region", "Macao SAR": a region that governs itself; "... Region
    # of the People's Republic of China": with its state, as its full name)
    return bool(bare & (ORG_WORDS - PLACE_KIND_WORDS)) or _is_place(name) or \
        bool(re.search(r"\b(?:Special Administrative Region|SAR|Autonomous Region)"
                       r"(?:\s+of\s+the\s+People['’]s\s+Republic\s+of\s+China)?$", name))


def _office_of(words: list[str]) -> bool:
    """"Office of the Larch Commissioner", "Secretariat of the Chief Executive": a body's kind, then
    "of" and the post whose body it is; a body, whatever title ends it."""
    return len(words) >= 3 and words[0] in ORG_WORDS and words[0] not in TITLE_WORDS and words[1] == "of"


def _org_before_of(words: list[str]) -> bool:
    """The words before the first "of" or "for" end in a kind of body: "General Administration of
    Customs" is one, and "King Abdulaziz City for Science and Technology" ("Director General of X",
    "Minister for Y" are titles)."""
    head = words[:min((words.index(w) for w in ("of", "for") if w in words), default=len(words))]
    return head[-1] in ORG_WORDS and head[-1] not in TITLE_WORDS


def _plural_kind(word: str) -> bool:
    """"Colleges", "Universities", "Regulators": a kind of organisation, or what bodies are called
    by their role, in the plural names no one party."""
    word = word.casefold()
    kinds = ORG_WORDS | BODY_NOUNS
    return word not in ORG_WORDS and (word.removesuffix("s") in kinds or
                                      (word.endswith("ies") and word[:-3] + "y" in kinds))


def _may_be_party(name: str) -> bool:
    """Not a person and not a phrase: a name that a list of parties may hold ("Jiefang Daily")."""
    words = name.split()
    first = words[0].casefold() if words else ""
    if words and (_plural_kind(words[0]) or _titled_person(_folded(name))):
        return False
    if len(words) == 1 and first in PORTFOLIO_WORDS:
        return False  # "... of Government Services and Data": a field alone is no party
    # "On Monday, the Ministry ...": a phrase that starts with a small word is no name; nor is "City".
    return bool(words) and not _opens_not_party(_folded(name)) and first not in NOT_NAMES - PLACE_WORDS and \
        not HONORIFIC_PERSON.match(name) and not (len(words) == 1 and first in ORG_WORDS) and \
        all(w[:1].isupper() or w in ("of", "and", "for", "the", "&", "de", "del", "do", "da", "dos", "das",
                                     "du", "des", "di") for w in words)


# Who stand for a party, before its name: "Representatives of the City University of Macao".
REPRESENTATIVES = r"\b(?:Representatives|Delegations|Delegates|Officials|Leaders)\s+(?:of|from)\s+(?:the\s+)?"
REPRESENTATIVES_OF = re.compile(f"^{REPRESENTATIVES}")
ACRONYM = r"[A-Z][A-Za-z]*[A-Z]"  # an organisation's short name: "HKUST", "EdUHK", "UM"
_SHORT_NAME = r"[A-Z][A-Za-z]*[A-Z][A-Za-z]*"  # one written as a word: "SUSTech", "PolyU"
_KEPT_COMMA = "\x00"  # a comma inside a name, kept from the split at commas


def _is_field(word: str) -> bool:
    """A field a body is of: "Trade", and a compound of fields: "Urban-Rural" (the Ministry of Housing
    and Urban-Rural Development)."""
    return all(part in PORTFOLIO_WORDS for part in word.casefold().split("-"))


# The level of government a body's place is at, between the place and the fields it is of: "the
# Shenzhen Municipal Science, Technology and Innovation Commission"
_LEVELS = frozenset({"municipal", "provincial", "prefectural", "metropolitan", "regional", "county", "city",
                     "district"})


def _fields_go_on(name: str, part: str) -> bool:
    """Whether the words after a comma or an "and" are more of the fields a name is "of" or "for":
    "Chamber of Commerce, Industry and Services", not "Chamber of Commerce, Ostland University"."""
    of = re.split(r"\b(?:of|for)\s+", name)
    # ("Ministry of Investment, Industry and Trade of Uzbekistan": the fields, then whose they are;
    # "... Youth and Sport of the Kingdom of Cambodia": a state by its style, ending in its name)
    if (whose := re.search(r"\s+of\s+(?:the\s+)?((?:[A-Z][\w'’-]*\s+(?:of\s+(?:the\s+)?)?){0,3}?"
                           r"([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}))$", part)) and \
            (_is_place(whose[2]) or whose[2].casefold() in COUNTRIES):
        part = part[:whose.start()]
        # ("Ministry of Posts, Telecommunication and X, Government of Kestria": the government a
        # ministry is of, after its fields, is its parent, no field)
        if _rank(f"{part.strip()} of X") > _rank(f"{of[0].split()[-1] if of[0].split() else ''} of X") > 0:
            return False
    # ("Institute of Strategic and International Studies Malaysia": the country the body is in,
    # after its fields, is none of them)
    if (country := re.search(r"\s+([A-Z][\w'’-]*)$", part)) and country[1].casefold() in COUNTRIES:
        part = part[:country.start()]
    words = [w.strip(".") for w in re.split(rf"[{_KEPT_COMMA}\s]+", f"{of[-1]} {part}") if w and w != "and"]
    # ("Ministry of Energy and Mineral Resources": a word that says which of the field it is, before
    # the field, is more of the fields)
    return len(of) > 1 and bool(words) and all(
        w[:1].isupper() and (_is_field(w) or
                             (w.casefold() in FIELD_MODIFIERS and i + 1 < len(words) and
                              words[i + 1][:1].isupper() and words[i + 1].casefold() in PORTFOLIO_WORDS))
        for i, w in enumerate(words))


def _fields_then_kind(name: str, part: str) -> bool:
    """Whether a name of fields alone before a comma goes on after it with more fields and the
    kind of body they are of: "the Culture, Sports and Tourism Bureau" is one bureau."""
    # (the last name of a list before it: "X Commission (XC) and the Science, Technology and ...")
    last = re.split(r"\s+and\s+(?=[Tt]he\s)", name.split(_KEPT_COMMA)[-1])[-1]
    head = re.sub(r"^[Tt]he\s+", "", last).split()
    # (a place and its level of government before the fields: "Shenzhen Municipal Science, ...")
    if len(head) >= 3 and _is_place(head[0]) and head[1].casefold() in _LEVELS:
        head = head[2:]
    rest = part.split()
    kinds = ORG_WORDS - PLACE_KIND_WORDS
    kind = next((i for i, w in enumerate(rest) if w.casefold().strip(".,") in kinds), None)
    fields = [w for w in [*head, *rest[:kind]] if w != "and"] if kind else []
    return bool(fields) and all(w[:1].isupper() and w.casefold() in PORTFOLIO_WORDS for w in fields)


def _fields_before_kind(name: str, piece: str) -> bool:
    """Whether a name with no "of" that ends in a field goes on after "and" with more fields and
    then the kind of body: "Government Services and Data Administration" is one body's name."""
    words, more = name.split(), piece.split()
    return " of " not in f" {name} " and len(more) >= 2 and \
        words[-1][:1].isupper() and words[-1].casefold() in PORTFOLIO_WORDS - ORG_WORDS and \
        more[-1].casefold() in ORG_WORDS - PLACE_KIND_WORDS and \
        all(w[:1].isupper() and w.casefold() in PORTFOLIO_WORDS for w in more[:-1])


# "Ostland University in Hong Kong", "Pine University on the Mainland", "GX Foundation in Beijing,
# China": where it is, not its name.
_WHEREABOUTS = re.compile(r"\s+(?:in|on|at)\s+(?:the\s+)?(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
                          rf"(?:[{_KEPT_COMMA},]\s*(?P<country>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?))?$")


def _is_region(name: str) -> bool:
    """A place, or one with its kind after it: "Shandong Province", "Rizhao City"."""
    words = name.split()
    return _is_place(name) or (len(words) >= 2 and _is_place(" ".join(words[:-1])) and
                               words[-1].casefold() in PLACE_KIND_WORDS)


# Kinds of body whose names go on with where they are: "Hong Kong Economic and Trade Office in
# Dubai", "Consulate General of X in Hong Kong", "Bank of China Branch in Macao".
_SITED_KINDS = words("office consulate consulate-general embassy mission branch representative delegation "
                     "liaison")


# "Aomori Prefectural Government of Japan": a local government, then the country it is in
_LOCAL_GOVERNMENT_OF = re.compile(r"\b(?:Prefectural|Provincial|Municipal|Metropolitan|Regional|County|City|"
                                  r"State)\s+Government(?P<of>\s+of\s+(?:the\s+)?(?P<country>[A-Z][\w ]+?))$")


# The ranks of a state's bodies, each of the one above it: a department, its ministry, its government.
_RANKS = {"department": 1, "division": 1, "directorate": 1, "bureau": 1, "ministry": 2, "government": 3,
          "govt.": 3}


def _rank(name: str) -> int:
    """The rank of a body named by its kind and what it is of ("Ministry of Finance": 2), else 0 (and
    0 with "the" before it: "the Bureau of X, the Ministry of Y and ..." are a list's own names)."""
    # ("Government of the Republic of Kestria": a state by its style, with its "the")
    # ("Govt. of Kestria": the government by its short form)
    m = re.match(r"\s*(Govt\.|[A-Z][a-z]+)\s+of\s+(?:the\s+)?[A-Z]", name)
    return _RANKS.get(m[1].casefold(), 0) if m else 0


def _is_locality(piece: str) -> bool:
    """A place's name as a list writes it after a body's: up to three capitalised words, none of
    them a kind of body's ("Ostville", "Kestria", "Pine Hills"), or a known place."""
    words = piece.split()
    return _is_place(piece.strip()) or (
        0 < len(words) <= 3 and all(re.fullmatch(r"[A-Z][\w'’-]*", w) for w in words) and
        not any(w.casefold() in ORG_WORDS for w in words))


def _without_whereabouts(item: str) -> str:
    if (local := _LOCAL_GOVERNMENT_OF.search(item)) and local["country"].casefold() in COUNTRIES:
        return item[:local.start("of")]
    m = _WHEREABOUTS.search(item)
    # ("University of Porto in Portugal": a country too, by any name it has; "X College in Shandong
    # Province": a province by its kind's word)
    if m and (_is_region(m["place"]) or m["place"].casefold() in COUNTRIES) and \
            (m["country"] is None or _is_place(m["country"]) or m["country"].casefold() in COUNTRIES):
        return item[:m.start()]
    # ("Brazilian Trade and Investment Promotion Agency in Sao Paulo": a name that ends in its kind
    # is whole, and "in" a place after it says where it is, whatever the place, one the word lists
    # do not know too)
    kind = item[:m.start()].split()[-1].casefold().strip(".,") if m and m.start() else ""
    if m and m["country"] is None and kind in ORG_WORDS - PLACE_KIND_WORDS - _SITED_KINDS and \
            not any(w.casefold() in ORG_WORDS for w in m["place"].split()):
        return item[:m.start()]
    # ("the Government of the Socialist Republic of Ostland in Ostport": a body of a country, by the
    # country's name, then "in" a place, whatever the place, is where it signed; not a body sited
    # there, "Embassy of Ostland in Kestria")
    before = item[:m.start()].split() if m else []
    if m and m["country"] is None and before and \
            any(" ".join(before[-n:]).casefold() in COUNTRIES for n in range(1, min(3, len(before)) + 1)) \
            and \
            not any(w.casefold().strip(".,") in _SITED_KINDS for w in before) and \
            not any(w.casefold() in ORG_WORDS for w in m["place"].split()):
        return item[:m.start()]
    return item


_ACTIVITY_FORM = re.compile(r"([A-Z][a-z]{2,}ing)\s+"
                            r"(?:Limited|Ltd\.?|Co\.?,?\s+Ltd\.?|Company|Corporation|Inc\.?)"
                            r"\s*(?:\([^()]*\))?")


_POSSESSIVE = r"(?:['’]s|(?<=s)['’])"  # "China's", and "Laos'" by its apostrophe alone
# "Exim Bank Malaysia's MoU with the Industrial and Commercial Bank of China (Malaysia)", "Matrade's
# deal with Bank of China": whose instrument it is, and whom it is with, both parties
_OWNED = rf"{_POSSESSIVE}\s+(?:new\s+)?(?i:{_INSTRUMENT_NOUN})\s+with\s+"
_UNDER_AN_INSTRUMENT = (rf"[^.;]{{0,160}}?\b(?:under|according\s+to|in\s+line\s+with)\s+(?:a|an)\s+"
                        rf"(?:[\w-]+\s+){{0,4}}?(?i:{_INSTRUMENT_NOUN})\b")
# "A and B will organise meetings together under a new memorandum of understanding": the two an
# instrument, new to the text ("a", not "the" one signed before), binds
_WILL_UNDER = re.compile(rf"^\s*{_ON_THE_DAY}(?P<list>{_LIST})\s+will\s+{_UNDER_AN_INSTRUMENT}")
_SLOTS = (*_SLOTS[:3],
          # ("the Belt and Road Office's pact with the Saudi side": the owner's name goes on through
          # its small words)
          re.compile(rf"(?<![\w'’.&-])(?P<list>[A-Z][\w.&-]*(?:\s+(?:(?:of|and|for|&)\s+(?:the\s+)?)?"
                     rf"[A-Z][\w.&-]*){{0,5}}){_OWNED}(?:the\s+)?[A-Z]"),
          re.compile(rf"[A-Z][\w.&-]*{_OWNED}(?P<list>{_LIST})"),
          # ("signed a Memorandum of Understanding (MoU) and an Undergraduate Student Exchange Agreement
          # with Xiamen University": two instruments, each named, before "with")
          # (no "with" in the instruments' names: "an MoU with A and the Hospital Affiliated with B")
          re.compile(rf"\b{_VERB}\s+(?:a|an|the)\s+(?:(?!\bwith\b)[^.;]){{0,80}}?\s+and\s+(?:a|an|the)\s+"
                     rf"(?:(?!\bwith\b)[^.;]){{0,80}}?\bwith\s+(?P<list>{_LIST})"),
          *_SLOTS[3:-1],
          _WILL_UNDER,
          _SLOTS[-1])
_OWNED_INSTRUMENT = re.compile(rf"[A-Z][\w.&-]*{_OWNED}")


_ON_AN_ACTIVITY = re.compile(r"\b(Ministry|Agency|Administration|Authority|Bureau|Department|Government|"
                             r"University|Bank|Corporation|Company|Group)\s+on\s+[A-Z][a-z]+ing\b.*$",
                             re.DOTALL)


# "between the Ministry of Transport and the Pine SAR Government on Marine Traffic and Fairway
# Management": a government is never "on" a subject, so what follows it, "and" and all, is what the
# instrument is about, once a name before it and "and" have been listed.
_GOVERNMENT_ON = re.compile(r"(\s(?:and|&)\s[^,;]*?\b(?:Government|government|SAR|Region))\s+on\s+[A-Z].*$",
                            re.DOTALL)


# "between the Department of Agriculture and Enterprise Singapore on Agricultural Cooperation and
# Related Activities": a cooperation is what an instrument is about, never a body it names, so "on"
# and what follows, "and" and all, end the names. (No party of the corpus's labels holds " on ".)
_ON_A_COOPERATION = re.compile(r"\s+on\s+(?:[A-Z][\w'’-]*\s+){0,4}?"
                               r"(?:Cooperation|Co-operation|Collaboration)\b.*$", re.DOTALL)


def _with_place_of_its_acronym(name: str, text: str) -> str:
    """"Pine University in Ostland", where the text writes "PUO" too: the place after "in" is part of
    the name (the acronym has its letter), not where the body is."""
    for m in re.finditer(rf"(?<![\w-]){re.escape(name)}\s+in\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,2}})",
                         text):
        for n in range(len(m[1].split()), 0, -1):  # ("in Ostland Today": the words the letters have)
            longer = f"{name} in {' '.join(m[1].split()[:n])}"
            letters = "".join(w[0] for w in longer.split() if w[:1].isupper())
            if len(letters) >= 3 and re.search(rf"(?<![\w-]){letters}(?![\w-])", text):
                return longer
    return name


# Trades whose words end companies' names ("Pine Securities") and are a regulator's fields too.
_TRADES = frozenset({"securities", "investments", "insurance", "futures"})


def _items(names: str) -> list[str]:
    """A list of names apart: at commas, and at an "and" that starts a name ("and the ...", or a
    place after it) or follows a whole one - "National Development and Reform Commission" and
    "Ministry of Education and Training of ..." stay one."""
    items = []
    given = names
    # "a MOU between A and the Transport Ministry on Strengthening Cooperation and Promoting ...":
    # what the instrument is about, from a body's kind and "on" and an activity's word, ends the
    # names ("the Basel Committee on Banking Supervision", "the Office on Drugs" are kept)
    names = _ON_AN_ACTIVITY.sub(r"\1", names)
    names = _GOVERNMENT_ON.sub(r"\1", names)
    names = _ON_A_COOPERATION.sub("", names)
    # "Shandong Hi-Speed Group Co, Ltd.": a company's legal form after a comma is part of its name.
    names = re.sub(r",(?=\s*(?:Ltd|Limited|Inc|LLC|L\.L\.C|S\.A|AG|GmbH|PLC)\b)", _KEPT_COMMA, names)
    # "The Office of the Privacy Commissioner, Hong Kong, China and ...": places after an
    # organisation's name, between commas, say where it is and are part of how it is written.
    parts = re.split(r"(\s*,\s*(?:and\s+)?)", names)
    # ("between Pine Institute (PI), Ostville, and Larch Limited, Kestville": each name, then where it
    # is, alternating, the last "and" before the second name; the places name no party)
    if len(parts) >= 7 and len(parts) % 4 == 3 and \
            all(_is_locality(p) and not re.fullmatch(ACRONYM, p.strip()) for p in parts[2::4]) and \
            all(_is_party_name(re.sub(r"^[Tt]he\s+", "", p.strip())) for p in parts[0::4]) and \
            [bool(re.search(r"\band\b", s)) for s in parts[1::2]] == \
            [n % 2 == 1 for n in range(len(parts) // 2)]:
        names = " and ".join(p for p in parts[0::4])
        parts = re.split(r"(\s*,\s*(?:and\s+)?)", names)
    merged = parts[:1]
    seps = parts[1::2]
    aliased = False  # the part before was the name's acronym, between commas
    in_town = False  # the part before was the town a body is in, after its name
    for n, (sep, part) in enumerate(zip(seps, parts[2::2], strict=True)):
        # ("with the Protestant University of Pine, PUP, Ostville and the Larch Institute, LI, Ostville":
        # the name's acronym between commas, then where the body is, which names no party)
        short = part.strip().rstrip(".,;")
        last = re.sub(r"^[Tt]he\s+", "", merged[-1].split(" and ")[-1])
        if "and" not in sep and re.fullmatch(ACRONYM, short) and \
                _is_subsequence(short, _initials(last.split())):
            aliased = True
            continue
        head = part.split(" and ")[0].strip().rstrip(".,;")
        if aliased and "and" not in sep and _is_locality(head) and not re.fullmatch(ACRONYM, head):
            aliased = False
            merged[-1] += part[len(part.split(" and ")[0]):]
            continue
        aliased = False
        # ("Pine University, Bilaspur and Larch Institute, Raipur", "Larch University, Kosti, Sudan": a
        # town after a body's name and its comma, then its country, if any, say where the body is,
        # and name no party; a place the word lists know is kept as part of how the name is written,
        # below: "Office of X, Hong Kong, China")
        if "and" not in sep and not _has_org_word(head) and \
                ((is_town(head) and not _is_place(head)) or (in_town and _is_state(head))) and \
                _is_party_name(body := re.sub(r"^[Tt]he\s+", "", merged[-1].split(_KEPT_COMMA)[0]
                                              .split(" and ")[-1].strip())) and not _is_place(body):
            in_town = True
            merged[-1] += part[len(part.split(" and ")[0]):]
            continue
        in_town = False
        # ("A and B (BU), Ostville, Kestria": after a list closed by its "and", the words after a
        # name's bracket, each a few capitalised words between commas up to the list's end, say where
        # the name before is, and name no party)
        if re.match(r"\s{3}", sep) and " and " in "".join(merged) and \
                all("and" not in s for s in seps[n:]) and \
                all(_is_locality(p) for p in parts[2 + 2 * n::2]):
            break
        # ("Pine University of Technology (PUT), Ostville and the Larch Institute signed": after a
        # name's bracket and its comma, a place's few words before the "and" of the next name say
        # where the first is, and name no party)
        if re.match(r"\s{3}", sep) and "and" not in sep and " and " in part and \
                _is_locality(head) and not _is_party_name(head) and not re.fullmatch(ACRONYM, head) and \
                head.casefold() not in COUNTRIES:
            merged[-1] += part[len(part.split(" and ")[0]):]
            continue
        # ("Agricultural Bank of China, Hong Kong Branch": the branch in a place, as the place)
        place = part.split(" and ")[0].strip()
        place = place if _is_place(re.sub(r"\s+Branch$", "", place)) else ""
        # ("Ministry of Labour, Invalids and Social Affairs and Kestria's Ministry of X": the fields
        # go on up to an "and" that opens the next name, which the split at "and" below finds)
        segments = re.split(r"\s+and\s+", part)
        fields_first = any(_fields_go_on(merged[-1], " and ".join(segments[:k]))
                           for k in range(1, len(segments)))
        if _fields_go_on(merged[-1], part) or _fields_then_kind(merged[-1], part) or fields_first:
            # "Chamber of Commerce, Industry, Agriculture and Services": the fields a name is of,
            # in a list of their own
            merged[-1] += sep.replace(",", _KEPT_COMMA) + part
        elif "and" not in sep and _rank(head := part.split(" and ")[0]) > (
                # ("with the Department of Mines, Govt. of Kestria": the department's own "the")
                _rank(re.sub(r"^\s*the\s+", "",
                             re.split(r"\s+and\s+", merged[-1].split(_KEPT_COMMA)[-1])[-1])) or
                # ("Ministry of Posts, Telecommunication and X, Government of Kestria": the ministry's
                # name, its fields after a comma kept)
                _rank(re.split(r"\s+and\s+", merged[-1].split(_KEPT_COMMA)[0])[-1])) > 0:
            # ("the Department of X, Ministry of Y, Government of Kestria and ...": the ministry and
            # the government a department is of, each after a comma, are its parents, no parties)
            merged[-1] += part[len(head):]
        elif "and" not in sep and part.strip().casefold() in _COUNTRY_LETTERS and \
                _is_party_name(re.sub(r"^[Tt]he\s+", "", merged[-1].split(_KEPT_COMMA)[0])):
            # ("University of St. Louis, US": the country a body is in, by its letters, after its name,
            # is no party; "..., Hong Kong, China" is how a name is written, and kept)
            continue
        elif "and" not in sep and n == len(seps) - 1 and _is_state(part.strip().rstrip(".,;")) and \
                _KEPT_COMMA not in merged[-1] and not _is_place(merged[-1]) and \
                _is_party_name(re.sub(r"^[Tt]he\s+", "", merged[-1])):
            # ("between A and Yuxi Normal University, China": the country a body is in, alone after
            # its name at the list's end, is no party and no part of the name; "..., Hong Kong,
            # China" is how a name is written, and kept)
            continue
        elif "and" not in sep and place and not _is_place(merged[-1]) and \
                _is_party_name(re.sub(r"^[Tt]he\s+", "", merged[-1].split(_KEPT_COMMA)[0])):
            merged[-1] += _KEPT_COMMA + " " + place
            rest = part[len(part.split(" and ")[0]):]
            if rest:
                merged[-1] += rest
        else:
            merged += [sep, part]
    names = "".join(merged)
    for part in re.split(r"\s*,\s*(?:and\s+)?", names):
        split = re.split(r"(\s+)and\s+", part)
        written = [p.rstrip(".,") for p in split[::2]]
        # "Science and Technology Parks (HKSTP) and Beta Lab": a bracket (blanked, so three spaces
        # or more) before "and" closed the name before it.
        closed = [len(gap) >= 3 for gap in split[1::2]]
        current = re.sub(r"^(?:[Tt]he)\s+", "", written[0])
        for raw, bracketed in zip(written[1:], closed, strict=True):
            piece = re.sub(r"^(?:[Tt]he)\s+", "", raw)
            # "and the Ministry ..." starts a name; "and Training of the Republic of ..." goes on
            # the one before ("Ministry of Education and Training of ..."); "Invest Hong Kong and
            # Brazil" ends at the place.
            # "Rizhao City and Shandong Hi-Speed Group": a name that ends in its kind (City,
            # Group, District) is whole, and a name starts after it.
            # (a kind's word alone is no whole name: "Securities and Futures Commission",
            # "Insurance and Pension Commission" are one body)
            whole = len(current.split()) > 1 and current.split()[-1].casefold().rstrip(".") in ORG_WORDS \
                and _may_be_party(piece)
            # "A University's School of X and B University's Faculty of Y": a possessive opens a name
            # ("China's Ministry of Commerce and Laos' Ministry of ...": a name's in s, by its apostrophe)
            owned = bool(re.match(rf"(?:[A-Z][\w.-]*\s+){{0,4}}[A-Z][\w.-]*{_POSSESSIVE}\s+[A-Z]",
                                  piece)) and bool(re.search(rf"{_POSSESSIVE}\s", current))
            # "UM and Tongji University": an acronym is a whole name; so is a short name of one
            # word with capitals after its first letter ("OstTech and Pine District Government")
            # ("Ostport's OTU and Pine University sign ...": an acronym after its place's possessive)
            bare = re.sub(rf"^(?:[A-Z][\w.-]*\s+)?[A-Z][\w.-]*{_POSSESSIVE}\s+(?={ACRONYM}$)", "", current)
            acronym = (bool(re.fullmatch(ACRONYM, bare)) and (_is_party_name(piece) or
                                                                  bool(re.fullmatch(ACRONYM, piece)))) or \
                (bool(re.fullmatch(_SHORT_NAME, current)) and _is_party_name(piece))
            # "Institute of Science and Technology": the fields a name is of go on, and name nothing
            # (a field has no "the" of its own: "the Ministry of Works and the National Development
            # and Reform Commission" is two bodies, the second's fields opening its name)
            words = piece.split()
            fields = 0 < len(words) <= 2 and _fields_go_on(current, piece) and raw[:4].casefold() != "the "
            # ("The Financial Services and the Treasury Bureau": fields alone before "and the" name
            # no body; the name goes on, its "the" kept)
            fields_only = all(w[:1].isupper() and w.casefold() in PORTFOLIO_WORDS for w in current.split())
            # "Hong Kong Exchanges and Clearing Limited": an activity's word and a company's legal
            # form name what the company does, not a second company ("Nanjing Limited" is a place's)
            activity = bool(m := _ACTIVITY_FORM.fullmatch(piece)) and not _is_place(m[1]) and not bracketed
            # ("Malaysia and South Korea": a country by its name starts a name, as a place does)
            place = _is_place(piece) or piece.casefold() in COUNTRIES
            # ("Shenzhen Municipal Government Services and Data Administration": a name that ends
            # in a field goes on through "and" with more fields and its kind)
            kind_after = _fields_before_kind(current, piece) and not bracketed
            # ("University of Mumbai and University of St. Louis": a kind of body, then what it is of,
            # after a whole name, opens the next name)
            kind_of = len(words) >= 3 and words[0].casefold() in ORG_WORDS and words[1] == "of" and \
                _is_party_name(current)
            # ("Banks in Hong Kong and Singapore", "Regulators in Hong Kong and the Mainland": a
            # place after one that says where the name before is goes on saying where)
            where = _WHEREABOUTS.search(current) if place else None
            whereabouts = bool(where) and _is_region(where["place"]) and where["country"] is None
            # ("General Administration of Residency and Foreigners Affairs in Dubai": after a name
            # "of" something, a few capitalised words that end in "Affairs" are more of what it is of,
            # never a body's name alone; not a place's: "Kestria Veterans Affairs"; not after a
            # field, "Department of Health", which may be whole)
            affairs = " of " in f" {current} " and not bracketed and \
                current.split()[-1].casefold() not in PORTFOLIO_WORDS and \
                bool(m := re.fullmatch(r"((?:[A-Z][\w'’-]*\s+){1,3})Affairs", _without_whereabouts(piece))) \
                and not any(w.casefold() in ORG_WORDS | PLACE_KIND_WORDS | COUNTRIES or _is_place(w)
                            for w in m[1].split())
            # ("B Council (BC) of Kestria for Joint Research on the Pine Sea and Capacity Building":
            # after a whole name, "for" or "on" and a subject in capitals say what the instrument is
            # for; a few words after "and" that are no body, place or acronym go on that subject)
            topic = not bracketed and not place and len(words) <= 3 and not _is_party_name(piece) and \
                not re.fullmatch(ACRONYM, piece) and bool(
                    (m := re.search(r"\s(?:for|on)\s+(?:the\s+)?[A-Z]", current)) and
                    _is_party_name(current[:m.start()]) and
                    current[:m.start()].split()[-1].casefold() not in ORG_WORDS and
                    not _is_party_name(current[m.end() - 1:]))
            # ("Council of Scientific and Industrial Research": a name "of" a word that says what kind,
            # as an adjective does, names nothing whole before "and")
            adjective = " of " in f" {current} " and not bracketed and bool(
                re.fullmatch(r"(?:[A-Z][a-z]+\s+)?of\s+(?:the\s+)?[A-Z][a-z]{3,}(?:ic|ical|al|ive|ary|ous)",
                             " ".join(current.split()[-3:]) if len(current.split()) >= 3 else current)) and \
                current.split()[-1].casefold() not in ORG_WORDS | PLACE_KIND_WORDS | COUNTRIES and \
                not _is_place(current.split()[-1]) and not _a_people(current.split()[-1])
            # ("the Australian Securities and Investments Commission": a trade's word that ends
            # companies' names, then more such words and a kind, is one body's fields; "Chamber of
            # Commerce and Industry-Iloilo Chapter": a field, then its chapter's place after a hyphen)
            trades = not bracketed and current.split()[-1].casefold() in _TRADES and len(words) >= 2 and \
                words[-1].casefold() in ORG_WORDS - PLACE_KIND_WORDS and \
                all(w[:1].isupper() and w.casefold() in PORTFOLIO_WORDS | _TRADES for w in words[:-1])
            chapter = not bracketed and "-" in words[0] and _fields_go_on(current, words[0].split("-")[0])
            goes_on = fields or activity or kind_after or whereabouts or affairs or topic or adjective or \
                trades or chapter
            # ("the Department of Foreign Affairs and Trade and Kestria's Ministry of Commerce": a
            # body a country or a place owns, after a whole name, opens the next name)
            owned = owned or (bool(m := re.match(rf"([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?){_POSSESSIVE}\s+[A-Z]",
                                                 piece)) and (_is_place(m[1]) or m[1].casefold() in COUNTRIES)
                              and _is_party_name(current))
            starts = ((raw[:4].casefold() == "the " and not fields_only) or place or whole or owned
                      or acronym or bracketed or kind_of) and not goes_on
            if starts or (_is_party_name(current) and " of " not in f" {piece} " and not goes_on):
                items.append(current)
                current = piece
            else:
                current = f"{current} and {raw if fields_only else piece}"
        items.append(current)
    # "Representatives of the City University of Macao and ...": the organisation they stand for
    items = [re.sub(rf"^{_LOCATOR}", "", REPRESENTATIVES_OF.sub("", item)) for item in items]
    # "the Cooperation Agreement between the Ministry of Transport and the Macao SAR Government on
    # Marine Traffic Safety": what the agreement is about; a government is never "on" a subject.
    items = [re.sub(r"\b(Government|government|SAR|Region)\s+on\s+.*$", r"\1", item) for item in items]
    items = [_without_whereabouts(" ".join(item.split())) for item in items]
    # ("New Delhi-based Population Council": where the body is based, before its name, is none of it)
    items = [re.sub(r"^(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.]*-based\s+(?=[A-Z])", "", item)
             for item in items]
    items = [item.replace(_KEPT_COMMA, ",").strip() for item in items if item.strip()]
    # ("with Pine University, Ostville, located in Kestria": two names at a comma, with no "and" in
    # the list, are no list of two parties; a place's few words after a body's name say where it is;
    # but two countries at a comma are two parties: "China, Peru sign 14 documents")
    if len(items) == 2 and not re.search(r"\band\b|&", given) and _is_party_name(items[0]) and \
            not _is_party_name(items[1]) and _is_locality(items[1]) and \
            not re.fullmatch(ACRONYM, items[1]) and items[1].casefold() not in COUNTRIES:
        items = items[:1]
    return items


# ("Under the CEPA framework agreed between the Central Government and the HKSAR Government, A
# and B signed": between, of what the phrase is about)
# ("While A was visiting Macao, B and C signed": what a visit, a tour or a welcome is of, too;
# not "meeting", a noun as often: "After the meeting Thailand and China signed")
_AFTER_PREPOSITION = re.compile(r"\b(?:at|in|on|of|from|by|for|with|under|to|through|via|between|"
                                r"visiting|touring|hosting|receiving|welcoming)\s+$")

# Where a text gives a body its officers or its representatives, and so says it is a body: "Chief
# Executive of Kestrel", "Kestrel's chief technology officer", "on behalf of Kestrel", "Kestrel
# Executive Director Ms A" (the body, its title's words, then a person after an honorific).
_TITLE_WORD = rf"(?i:{TITLE_WORD})"
_OFFICER_OF = re.compile(
    rf"\b{_TITLE_WORD}\s+of\s+(?:the\s+)?(?P<of>{_RUN})|"
    rf"(?<![\w'’.&-])(?P<owner>{_RUN})['’]s\s+(?:[a-z-]+\s+){{0,3}}?{_TITLE_WORD}\b|"
    rf"\b(?:on\s+behalf\s+of|[Rr]epresenting)\s+(?:the\s+)?(?P<behalf>{_RUN})")
_RUN_BEFORE = re.compile(r"(?:[A-Z][\w'’.&-]*\s+)+$")
# A run of capitalised words between two that are not ("and", a comma, the sentence's end).
# (each run whole: the scan takes the longest from its first word)
_TITLED_RUN = re.compile(r"(?<![\w'’&-])[A-Z][\w'’&-]*(?:\s[A-Z][\w'’&-]*)*")


def _written_alone(name: str, text: str, start: int) -> str | None:
    """The words of `name` less its last two or three, where those are a person's name's (no title's,
    organisation's or place's words) and the text writes the words before them elsewhere as a whole
    run of capitals (not at `start`): the body's own name."""
    words = name.strip(" ,.").split()
    for k in (2, 3):
        head, tail = words[:-k], words[-k:]
        if not head or not all(re.fullmatch(r"[A-Z][a-z]+(?:-[A-Za-z]+)?", w) and
                               w.casefold() not in ORG_WORDS | TITLE_WORDS | PLACE_WORDS | NOT_NAMES
                               for w in tail):
            continue
        run = re.compile(rf"(?<![\w'’&-]){re.escape(' '.join(head))}(?!\s+[A-Z])(?![\w'’&-])")
        if any(m.start() != start for m in run.finditer(text)):
            return " ".join(head)
    return None


_LOWER_TITLE_OFFICER = re.compile(
    rf"(?<![\w'’&.-])(?P<body>[A-Z][\w'’&-]*(?:\s+[A-Z][\w'’&-]*){{0,5}})"
    rf"\s+(?:(?:{TITLE_WORD})\s+){{1,3}}(?=(?:{HONORIFIC_PERSON.pattern})|[A-Z][a-z]+\s+[A-Z][a-z]+)")


_KIND_ASIDE = re.compile(r"(?<![\w'’&.-])(?P<body>[A-Z][\w'’&-]*(?:[ ]+[A-Z][\w'’&-]*){0,5}),\s+"
                         r"(?:an?|the)\s+(?:(?!of\b)[a-z-]+\s+){0,8}?(?:" +
                         "|".join(sorted(ORG_WORDS - PLACE_KIND_WORDS - {"party"})) + r")\s*,")


def bodies_with_officers(text: str) -> set[str]:
    """The names a text gives officers or representatives of, or an acronym to (folded): each is a
    body's, though no word of it says so ("Kestrel", "Norvista Cloud", "Invest Hong Kong
    (InvestHK)"). A person's name is never one."""
    found = set()
    for m in _DEFINITION.finditer(text):
        if m["acr"]:
            found.update((_trim_name(m["name"], m["acr"]), m["acr"]))
    text = blank_brackets(text)
    for m in _OFFICER_OF.finditer(text):
        name = m["of"] or m["owner"] or m["behalf"]
        # (the run may go on past a sentence's full stop: "... of Norvista Cloud. Founded in")
        name = re.split(r"(?<!\bCo)(?<!\bLtd)(?<!\bInc)(?<!\bCorp)\.\s+|\n", name)[0]
        # ("on behalf of Petrova and Ms Chloe Lim on behalf of ...": the body ends before a person)
        person = HONORIFIC_PERSON.search(name)
        if person and (cut := re.search(r"\s+and\s+$", name[:person.start()])):
            name = name[:cut.start()]
        # ("President of the Pine Daily Tom Wu", where the text writes "Pine Daily" alone elsewhere:
        # the body ends there, and the words after it are its officer's name)
        if m["of"] and (alone := _written_alone(name, text, m.start("of"))):
            name = alone
        found.add(name)
    for m in HONORIFIC_PERSON.finditer(text):
        if before := _RUN_BEFORE.search(text, max(0, m.start() - 120), m.start()):
            words = before.group(0).split()
            titles = 0
            while titles < len(words) and _is_title_word_name(words[-1 - titles]):
                titles += 1
            if 0 < titles < len(words):
                found.add(" ".join(words[:-titles]))
    # "Velora Cloud President Eddie Wen and ...": a run of capitalised words, a title's words in
    # it, then two or three words of a name that end it: the words before the title are the body
    for m in _TITLED_RUN.finditer(text):
        words = m.group(0).split()
        # ("Pine Agency Vice President Tom Wu told PTI": the officer, then what they said)
        if not 4 <= len(words) <= 8 or \
                not re.match(r"\s+(?:and|signed|witnessed|said|told|says|added|noted)\b|[,.;]|$",
                             text[m.end():]):
            continue
        title = next((i for i, w in enumerate(words) if i and _is_title_word_name(w)), None)
        if title is None:
            continue
        end = title
        while end < len(words) and _is_title_word_name(words[end]):
            end += 1
        if 2 <= len(words) - end <= 3 and not any(_is_title_word_name(w) for w in words[:title]):
            found.add(re.sub(r"^The\s+", "", " ".join(words[:title])))
    # ("Pine Bharat, a national investment promotion and facilitation agency, signed": what the
    # name is, a body's kind in small letters ending the aside between commas; not "A, a member of
    # the agency,", whose aside says what a person is of)
    for m in _KIND_ASIDE.finditer(text):
        found.add(m["body"])
    # "Bernama editor-in-chief Datuk A", "Larch University president Tom Wu": news style, the body's
    # name, its officer's title in lower case, then the officer
    for m in _LOWER_TITLE_OFFICER.finditer(text):
        found.add(m["body"])
    # ("his Chinese counterpart Chen Deming": a people's name, no body's)
    return {re.sub(r"^the\s+", "", " ".join(n.split()).strip(" ,."), flags=re.IGNORECASE).casefold()
            for n in found if not HONORIFIC_PERSON.match(n) and _may_be_party(n.strip(" ,."))
            and not _a_people(n.strip(" ,."))}


def _a_people(name: str) -> bool:
    """"Chinese", "South Korean": how a people is called after its country, not the country."""
    return names_a_country(name) and name.casefold() not in COUNTRIES


_DAY_AFTER = re.compile(rf"\s+(?:on\s+(?:(?:{WEEKDAY}|{MONTH})\b|(?:the\s+)?\d)|(?:today|yesterday)\b)")


def _bodies_apart(items: list[str], bodies: frozenset[str]) -> list[str]:
    """"Kestrel and Norvista Cloud": two names joined by "and", each a body's (bodies_with_officers),
    are two, though neither has a word that says it is an organisation."""
    out = []
    for item in items:
        parts = re.split(r"\s+(?:and|&)\s+(?:the\s+)?", item)
        out += parts if len(parts) > 1 and all(p.casefold() in bodies for p in parts) else [item]
    return out


# (a pair with no comma in it: "A and B, Kestria" may be one name and a place, or where the second is)
_NEXT_PAIR = re.compile(r"\s*;\s+(?:and\s+)?(?P<pair>(?:[Tt]he\s+)?[A-Z][^;.,]{1,120}?\s+and\s+(?:the\s+)?"
                        r"[A-Z][^;,]{1,120}?)(?=\s*(?:;|\.(?:\s|$)|$))")
_CARRIED_OUT = re.compile(r"\b(?:spirit|implementation|basis)\s+of\s+the\s+(?:[\w'’&-]+\s+){0,10}?"
                          r"(?i:signed|concluded|reached)\s*$")
_GOVERNMENTS_OF = re.compile(r"\b(?:[Tt]he\s+)?(?:two\s+)?governments\s+of\s+(?=[A-Z][\w'’-]*\s+and\s+[A-Z])")


# "during a visit by the Secretary of the X Committee, Xu Qin, the A and the B signed": a title and
# its comma before a list; a name there that is no body's is the title's holder, no party.
_AFTER_TITLE = re.compile(rf"\b(?i:{TITLE_WORD})\b[^,;()]*,\s*$")


def _slot_lists(sentence: str, bodies: frozenset[str] = frozenset()) -> list[tuple[int, int, list[str]]]:
    """(start, end, names) of each list of parties a signing sentence (parentheses blanked) holds;
    `bodies` are names the text gives officers of (bodies_with_officers), each a body's."""
    found: list[tuple[int, int, list[str]]] = []
    # "The governments of Ostland and Kestria signed": the states, by their names (blanked, keeping
    # the offsets)
    sentence = _GOVERNMENTS_OF.sub(lambda m: " " * len(m.group(0)), sentence)
    # ("between A and B, C and D, as well as E and F": the list's last joiner, read as ", and" (the
    # offsets kept)
    sentence = re.sub(r",\s+as\s+well\s+as\s+(?=(?:the\s+)?[A-Z])",
                      lambda m: ", and" + " " * (len(m.group(0)) - 5), sentence)
    # ("between Pine University (PU) here and Ostport-based B": "here" says where the body is; the list
    # goes on after it)
    sentence = re.sub(r"(?:[A-Z][\w'’.&-]*|\s\s)\s+here(?=\s+and\s+(?:the\s+)?[A-Z])",
                      lambda m: m.group(0)[:-4] + "    ", sentence)
    # ("A and B (BU) in Ostville, Kestria, have signed": where the last body is, after its bracket,
    # then its country between commas, before the verb; blanked as the bracket is, the country then
    # read as after "(BU), Ostville")
    sentence = re.sub(r"(?<=\s\s\s)in\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
                      r"(?=\s*,\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?\s*,\s+"
                      rf"(?:(?:have|has|had|jointly|today|yesterday|recently|also)\s+)*{_VERB}\b)",
                      lambda m: " " * len(m.group(0)), sentence)

    def is_body(name: str) -> bool:
        # (a country by its name signs as a place does: "Malaysia and South Korea today signed")
        # ("China's Pine Daily": a body the text gives officers of, after its country's possessive)
        return _is_party_name(name) or name.casefold() in COUNTRIES or \
            (_trim_name(name, None).casefold() in bodies and not _is_title_word_name(name))

    for slot in _SLOTS:
        for m in slot.finditer(sentence):
            if slot is _SLOTS[0] and not _BEFORE_BETWEEN.search(sentence[:m.start()]):
                continue
            # ("To carry out the spirit of the Framework Agreement signed between A and B, C signed an
            # agreement with D": what another agreement, that the signing carries out, was between)
            if slot is _SLOTS[0] and _CARRIED_OUT.search(sentence[:m.start()]):
                continue
            # "... College of X University at Zhuhai have signed": the end of a longer name, where
            # it is, not the subject.
            if slot is _SLOTS[1] and _AFTER_PREPOSITION.search(sentence[:m.start()]):
                # "Under the auspices of the X Council, A and B signed", "organised by X, A signed":
                # the subject starts after the phrase's name and its comma, if it does at all.
                comma = sentence.find(",", m.start(), m.end())
                after = re.compile(r",\s*").match(sentence, comma) if comma >= 0 else None
                if after is None or not (m := slot.match(sentence, after.end())):
                    continue
            # A list with one organisation or place in it is a list of parties: "Cyberport, the
            # Canton Data Exchange and ...". People and phrases ("Both sides") are never parties.
            group = "list" if m["list"] is not None else "list2"
            # Where the names are: the list, less what each party is after it (the last slot's
            # appositions), which names none.
            spans = [(m.start(group), m.end(group))]
            if slot is _SLOTS[-1] or slot is _SLOTS[0]:
                # (with the blanks after it: a bracket there is its own, "the regulator of X (XA)")
                cuts = [c.span() for c in re.finditer(_APPOSITION + (r"\s*(?=,|$)" if slot is _SLOTS[-1] else
                                                                     r"\s*(?=,\s*and\s)"), m[group])]
                edges = [0, *(e for c in cuts for e in c), len(m[group])]
                spans = [(m.start(group) + a, m.start(group) + b)
                         for a, b in zip(edges[::2], edges[1::2], strict=True)]
            pieces = [(a, b, _bodies_apart(_items(sentence[a:b]), bodies)) for a, b in spans]
            # "with Indonesia's Ministry of Investment in Jakarta on 3rd July": a place, then the
            # day, after the last name say where and when it was signed, whatever the place
            if pieces and pieces[-1][2] and _DAY_AFTER.match(sentence, pieces[-1][1]) and \
                    (where := re.search(r"\s+in\s+(?:[A-Z][\w'’-]*\s*){1,3}$", pieces[-1][2][-1])):
                a, b, named = pieces[-1]
                pieces[-1] = (a, b, [*named[:-1], named[-1][:where.start()]])
            # "signed between PM Access World and Beibu Gulf Port Group": "between" names two
            # parties or more, so one name with a single "and" in it is two, at the "and"
            if slot is _SLOTS[0] and len(pieces) == 1 and len(pieces[0][2]) == 1 and \
                    len(both := re.split(r"\s+and\s+", pieces[0][2][0])) == 2 and \
                    all(_may_be_party(n) for n in both):
                pieces = [(pieces[0][0], pieces[0][1], both)]
            # ("The City University of X and National University of Y will ... under a new MoU": what
            # will act under it are two or more, so two bodies' names joined by "and" are two)
            if slot is _WILL_UNDER and len(pieces) == 1 and len(pieces[0][2]) == 1 and \
                    len(both := re.split(r"\s+and\s+", pieces[0][2][0])) == 2 and \
                    all(_is_party_name(re.sub(r"^[Tt]he\s+", "", n)) for n in both):
                pieces = [(pieces[0][0], pieces[0][1], both)]
            # (a side's list: a name with "and" in it may be two bodies' names, which the list cannot
            # tell apart; neither is proposed)
            if slot in _SIDE_LISTS:
                pieces = [(a, b, [n for n in named if " and " not in n]) for a, b, named in pieces]
            items = [n for _a, _b, named in pieces for n in named]
            # People with their titles ("signed by Derek Chim, Head of X, and ...") are not a
            # list of parties, though a title names an organisation.
            # ("between JNU and HKUST": acronyms, each an organisation's)
            acronyms = len(items) >= 2 and all(re.fullmatch(ACRONYM, n) for n in items)
            if (any(is_body(n) for n in items) or acronyms) and \
                    not any(_titled(_folded(n)) for n in items):
                found += [(a, b, [n for k, n in enumerate(named) if (is_body(n) or _may_be_party(n)) and
                                  not n.endswith("-based") and
                                  not (k == 0 and not is_body(n) and _AFTER_TITLE.search(sentence[:a]))])
                          for a, b, named in pieces]
    # ("The MoUs were inked between A and B; the C and D; and E and F": the pairs of several MoUs,
    # each after a semicolon, once "between" has named the first)
    for a, b, named in list(found):
        if len(named) != 2 or not re.search(r"\bbetween\s+(?:the\s+)?$", sentence[:a]):
            continue
        end = b
        while pair := _NEXT_PAIR.match(sentence, end):
            items = _items(pair["pair"])
            if len(items) != 2 or any(_titled(_folded(n)) or " and " in n for n in items) or \
                    not all(is_body(n) or _may_be_party(n) for n in items):
                break
            found.append((pair.start("pair"), pair.end("pair"), items))
            end = pair.end("pair")
    if found:
        # "X has signed an MoU with Huawei": beside a party the sentence names, the one word
        # after "with" is the other party, though no word of it says "organisation".
        for m in _SLOTS[2].finditer(sentence):
            # "with Cyberport, the Hong Kong-based digital community": an apposition, no party
            items = [i for i in _items(m["list"]) if not re.search(r"-based$", i)]
            # ("with the Chinese internet outlet X": a people's name, no party)
            if len(items) == 1 and " " not in items[0] and _may_be_party(items[0]) and \
                    not _is_title_word_name(items[0]) and not _a_people(items[0]):
                found.append((m.start("list"), m.end("list"), items))
        # "PolyU signs an agreement with X University": so is the subject, when it is one word
        # written as an organisation's short name is (capitals after its first letter).
        for m in _SLOTS[1].finditer(sentence):
            start = m.start("list")
            # ("In the presence of A, UM signed": the subject after the phrase's name and its comma)
            if _AFTER_PREPOSITION.search(sentence[:start]) and \
                    (comma := sentence.rfind(",", start, m.end("list"))) >= 0:
                start = comma + 1 + len(sentence[comma + 1:]) - len(sentence[comma + 1:].lstrip())
            items = _items(sentence[start:m.end("list")])
            if len(items) == 1 and " " not in items[0] and re.search(r"^[A-Z]\w*[A-Z]", items[0]) and \
                    _may_be_party(items[0]) and not any(a <= start < b for a, b, _ in found):
                found.append((start, m.end("list"), items))
    return found


# "China Pine Co., Ltd. (or Pine) Ostport Branch": another name in brackets inside a name, no part of it
_ALIAS_ASIDE = re.compile(r"\s*\((?:or|also\s+known\s+as|a\.?k\.?a\.?|formerly)\s+[^()]{1,60}\)")


def without_aliases(name: str) -> str:
    """A name as the text writes it, less another name for it in brackets."""
    return " ".join(_ALIAS_ASIDE.sub("", name).split())


def blank_brackets(text: str) -> str:
    # Parentheses ("(hereinafter "SZSE")", "(MOU)") would break a list: blank them, keeping offsets.
    text = re.sub(r"\([^()]{0,60}\)", lambda m: " " * len(m.group(0)), text)
    # ("with the Russian "Pine" news agency", "and the "Larch Foundation"": a name in quotation marks is
    # read as written without them, keeping offsets; not what the instrument is for or on: "between A
    # and the Ministry of X and Culture for the "Pine Arts Contest"" names two parties, not three)
    return re.sub(r"(?<![\w\"“”])(?<!\bfor\s)(?<!\bfor\sthe\s)(?<!\bon\s)(?<!\bon\sthe\s)"
                  r"[\"“]((?:[A-Z][\w'’.&-]*)(?:\s+[A-Z][\w'’.&-]*){0,5})[\"”](?![\w\"“”])",
                  lambda m: f" {m[1]} ", text)


def slot_spans(sentence: str, bodies: frozenset[str] = frozenset(), headline: bool = False
               ) -> list[tuple[int, int]]:
    """Where in a sentence its lists of parties are: a party is named there, not in passing.
    `bodies`: the names the text gives officers of (bodies_with_officers); `headline`: the sentence
    is the headline, perhaps in title case."""
    if headline:
        sentence = _TITLE_CASE_VERB.sub(lambda m: m.group(0).lower(), sentence)
    return [(a, b) for a, b, _ in _slot_lists(blank_brackets(sentence), bodies)]


# "After the meeting, the two sides signed three documents": the sides the sentence before named.
SIDES_SIGNED = re.compile(rf"^(?:[^,.;]{{0,60}},\s+)?(?:the\s+two|both)\s+(?:sides|parties|governments|"
                          rf"organi[sz]ations|institutions|universities|authorities|bodies)\s+"
                          rf"(?:(?:have|has|had|also|then|jointly|formally|officially)\s+)*{SIGNED}\b",
                          re.IGNORECASE)
# "A and B held the first meeting ... today": the two or more the sentence opens with.
_OPENING_LIST = re.compile(rf"^\s*{_ON_THE_DAY}(?P<list>{_LIST})\s+(?:(?:have|has|had|also|jointly)\s+)?"
                           rf"{PAST_VERB}\b")


def opening_parties(sentence: str) -> list[tuple[int, int]]:
    """Where the organisations a sentence opens with are, when they are two or more ("A and B held
    a meeting"): the sides a following "the two sides signed" means."""
    plain = blank_brackets(sentence)
    m = _OPENING_LIST.match(plain)
    if m is None or len(items := _items(m["list"])) < 2 or not all(_is_party_name(i) for i in items):
        return []
    return [(m.start("list"), m.end("list"))]


_TITLE_CASE_VERB = re.compile(r"\b(?:Sign|Signs|Signed|Ink|Inks|Inked)(?=\s+\w)")


def _plural(word: str) -> str:
    return word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"


# "and Arizona universities", "with Ostland firms": a place's or a people's word before bodies' kind
# in the plural, in small letters, says what kind of bodies from where; it names none of them.
_KINDS_AFTER = re.compile(r"\s+(?:(?:" + "|".join(sorted(_plural(w) for w in ORG_WORDS | BODY_NOUNS
                                                              if w.isalpha() and len(w) > 3)) + r")\b)")


def _a_kinds_word(name: str, sentence: str) -> bool:
    """Whether each time the name comes in the sentence, bodies' kind in the plural follows it."""
    after = [sentence[m.end():] for m in re.finditer(rf"\b{re.escape(name)}\b", sentence)]
    return bool(after) and all(_KINDS_AFTER.match(rest) for rest in after)


def party_slots(text: str, headline: str | None = None) -> list[tuple[str, bool]]:
    """The names in the places of a signing sentence where parties are named, in text order, each
    with whether it is only a fallback (a party only where no organisation is): a place in a list
    of places only, or a name only the headline gives ("Hong Kong and Vietnam sign MoU": a
    headline shortens the parties' names)."""
    plain = blank_brackets(text)
    found: list[tuple[str, bool]] = []
    spans = sentences(plain)
    bodies = frozenset(bodies_with_officers(text))  # (as Parties.bodies)
    for n, (start, end) in enumerate(spans):
        sentence = plain[start:end]
        if not SIGN_VERB.search(sentence) and " between " not in sentence and \
                not _OWNED_INSTRUMENT.search(sentence) and not re.search(_INVOLVE, sentence) and \
                not re.search(rf"\swill\s{_UNDER_AN_INSTRUMENT}", sentence):
            continue
        in_headline = bool(headline) and start < len(headline or "")
        if in_headline:
            # ("Syria, China Sign Agreement on Strategic Cooperation": a headline in title case)
            sentence = _TITLE_CASE_VERB.sub(lambda m: m.group(0).lower(), sentence)
        lists = _slot_lists(sentence, bodies)
        if not lists and n and SIDES_SIGNED.search(sentence.strip()) and \
                (opening := _OPENING_LIST.match(plain[spans[n - 1][0]:spans[n - 1][1]])):
            # "A and B held a meeting today. After it, the two sides signed": A and B
            lists = [(0, 0, [i for i in _items(opening["list"]) if _is_party_name(i)])]
            lists = lists if len(lists[0][2]) >= 2 else []
        for _, _, named in lists:
            named = [n for n in named if not _a_kinds_word(n, sentence)]
            # ("Shaanxi and Hong Kong sign"; "Hong Kong signed ... with Canada": a country by its name)
            alone = all(_is_place(n) or n.casefold() in COUNTRIES for n in named)
            # ("Malaysia and Kestria have signed 31 MoUs": two states, each by its name alone, as the
            # sides that signed, are parties whatever bodies the text names besides; not a city or
            # a region, nor a country with one)
            if alone and not in_headline and len(named) >= 2 and all(_is_state(n) for n in named):
                alone = False
            found += [(n, alone or in_headline) for n in named]
    fallback: dict[str, bool] = {}
    for name, alone in found:
        fallback[name] = fallback.get(name, True) and alone
    return list(fallback.items())
