"""Role clauses: the passages that say who signed and who witnessed, in either order."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .dates import MONTH, WEEKDAY
from .lexicon import PAST_VERB, SIGNED, TITLE_WORD
from .parties import Parties
from .people import Person, Reading, read_people

# "at an event presided over by A and B": a "by" after another verb's participle names who did that
# (presided, hosted, chaired ...), not who signed.
# ("The signing of the agreement was supervised by Foreign Minister A and B": who oversaw it)
_NOT_AGENT = (r"(?!\b(?:presided|chaired|hosted|organi[sz]ed|co-?organi[sz]ed|convened|officiated|"
              r"attended|arranged|sponsored|moderated|facilitated|supervised|overseen|witnessed|graced)\b)")
_BEHALF_OF = r"on behalf of (?:(?!\b(?:at|in|during|attended)\b)[^,.;]){1,60}?\s+"
# "signed in December 2020 by", "signed today at the ceremony by": when or where, then by whom.
# ("signed in Ostport on August 1, 2023 by": a date's comma before its year; "signed in Ostport
# today (May 20) by": the day in brackets; "signed on Friday, 12 April 2024, in Ostport by": the
# commas of a date and before where) ("signed at the Ministry of Defence headquarters in Ostport by":
# a place at some length) ("signed for the UAE by A, ..., and for Kestria by B": for whom)
# ("The MoA, signed on June 18, 2025, by A and B, opens ...": the date's own comma before "by")
# ("signed in Washington, DC, by": a place's state or country after its comma)
_ADJUNCT = (r"(?:(?:in|on|at|for|today|yesterday|earlier|later|afterwards|during|this)\b"
            rf"(?:{_NOT_AGENT}[^,;.()]|,\s*(?=\d{{1,4}}\b|(?:in|at)\s)|,(?=\s*by\b)|"
            r",\s*(?=[A-Z][\w.]{1,20}(?:\s[A-Z][\w.]{1,20})?,?\s+by\b)|"
            rf"\([^(),;]{{1,30}}\)){{0,64}}?\s+)")
# "signed online by", "signed electronically by": how it was signed, then by whom.
_MANNER = r"(?:(?:online|virtually|remotely|electronically|digitally|separately|respectively)\s+)"
# ("The third MoU will be signed by A": a signing to come, whoever is to sign it has not)
_SIGNED_BY = re.compile(r"\b(?<!\bbe\s)(?:(?:co-?)?signed|inked|formali[sz]ed|sealed)\s+"
                        rf"{_MANNER}?(?:{_BEHALF_OF}|{_ADJUNCT}|"
                        r"into\s+(?:effect|force)\s+)?by\b|"
                        r"\bsignatures?\s+of\b|\bsignatories\s+(?:were|was|are|included)\b|"
                        # "The signatures were put by A and B": who signed
                        r"\bsignatures?\s+(?:were|was)\s+(?:put|affixed|placed)\s+by\b|"
                        # "Signing the MoU were A and B" ("Signing the MoU on behalf of the FSDC was its
                        # Chairman, Mr A": the body's own officer)
                        r"^\s*signing\s+the\s+(?:[\w-]+\s+){0,6}?(?:were|was)\b"
                        r"(?=\s+(?-i:(?:(?:the|its|their)\s+)?[A-Z]))|"
                        # "Signing for Pine University was its President Ms A; signing for B was Mr C"
                        r"\bsigning\s+(?:for|on\s+behalf\s+of)\s+[^,;]{1,80}?\s+(?:was|were)\b|"
                        # "A, represented by its President Ms B, and C, represented by ..., signed"
                        r"\brepresented\s+by\b(?=[^.;]{0,300}?\b(?:signed|inked)\b)|"
                        # "Representing Pine University at the signing was its President, Professor A"
                        r"^\s*representing\s+[^,;]{1,80}?\s+at\s+the\s+(?:signing|ceremony)(?:\s+ceremony)?\s+"
                        r"(?:were|was)\b|"
                        # "..., while Larch University was represented by Professor B"
                        r"\bwhile\s+[^,;]{1,80}?\s+(?:was|were)\s+represented\s+by\b|"
                        # "another memorandum was signed between A and B by C and D": the bodies, then
                        # who signed
                        rf"\b{SIGNED}\s+between\s+(?:{_NOT_AGENT}[^,;.]){{1,160}}?\s+by\b|"
                        # "The agreement was signed between Pine University President Ana Silva and ..."
                        rf"\b{SIGNED}\s+between\b|"
                        # "marked by the signing of an MoU between Pine Minister A and Larch Commander B":
                        # people by their titles (bodies are no people)
                        # (not "between A and B by C and D": the bodies, then who signed, below)
                        r"\bthe\s+signing\s+of\s+(?:a|an|the)\s+[^,;.]{1,100}?\s+between\b"
                        r"(?![^.;]{0,200}?\sby\s)|"
                        # "witnessed the signing of the X Agreement by A and B"
                        rf"\bthe\s+signing\s+of\s+(?:{_NOT_AGENT}[^,;]){{1,200}}?\s+by\b|"
                        # a caption's "MoU signing by A and B": the signing a noun after what was signed
                        r"\b(?:mo[u]s?|memorand(?:um|a)|agreements?)\s+signing\s+by\b|"
                        # "Mr A signed the memorandum together with the President of B, Mr C"
                        r"(?:(?<=signed)|(?<=inked))\s+(?:\w+\s+){0,4}?together\s+with\b|"
                        # "The agreement was signed afterwards, with Prof A, Dean of X, signing for X"
                        rf"\b{SIGNED}\b[^.;,]{{0,30}},\s+with\b(?=[^;]{{0,160}}?\bsigning\s+(?:for|on\s+behalf)\b)|"
                        # "The signing ceremony was held online, with Prof A, President of X, and Prof B,
                        # President of Y, signing the agreement": who, then what they did
                        r"\bsigning\s+ceremony\b[^.;]{0,80}?,\s+with\b(?=[^;.]{0,200}?,?\s+signing\b)",
                        re.IGNORECASE)
# "A signed the MOU on behalf of X, while NDRC vice-chair B represented China": B signed for the other
# side (after a signing verb in the same sentence)
_WHILE_REPRESENTED = re.compile(r"\b(?:signed|inked)\b[^.;]{0,200}?,\s+while\s+(?P<who>[^,;]{3,120}?)\s+"
                                r"represented\s+(?:the\s+)?[A-Z]")
# "A and B held a summit meeting in X, during which they signed an agreement": the sentence's subject
# signed it
_THEY_SIGNED = re.compile(r",\s+(?:during|at|after)\s+which\s+they\s+(?:also\s+|jointly\s+)?"
                          r"(?:signed|inked)\b")
# The day between a subject and its verb: "A and B on Friday held"
_DAY_BEFORE_VERB = re.compile(rf"\s+(?:on\s+(?:{WEEKDAY}|{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})|"
                              r"today|yesterday)\s*$")
_WITNESSED_BY = re.compile(r"\bwitnessed\s+by\b|\bin\s+the\s+presence\s+of\b|\bin\s+front\s+of\b|"
                           # "with A and B looking on", "with A, President of X, bearing witness"
                           r"\bwith\s+(?=[^;]{3,200}?\b(?:looking\s+on|bearing\s+witness)\b)|"
                           # "With A and B as witnesses, C and D signed"
                           r"^\s*with\s+(?=(?:(?!\bsign|\binked\b)[^;]){3,200}?\bas\s+(?:the\s+)?witness(?:es)?\b)|"
                           # "A witnessed the signing together with B, Chairman of C"
                           r"\bwitnessed\s+the\s+(?:signing|ceremony)\s+(?:(?:together|along)\s+with|alongside)\b|"
                           r"\b(?:under|with)\s+the\s+witness\s+of\b|"
                           r"\bwitnesses\s+(?:were|was|are|included)\b|"
                           # a caption's "Witnessing by A (2nd right, back row), Secretary for X, and B"
                           r"^\s*witnessing\s+(?:by|were|was)\b|"
                           r"\bwitnessing\s+the\s+(?:[\w-]+\s+){0,3}?(?:signing|ceremony)\s+(?:were|was)\b|"
                           # "Also present to witness the signing were A and B"
                           r"\bpresent\s+to\s+witness\s+the\s+(?:[\w-]+\s+){0,3}?(?:signing|ceremony)\s+"
                           r"(?:were|was)\b|"
                           r"\bwitnessed\s+the\s+(?:signing|ceremony)(?:\s+\w+){0,3}?,?\s+including\b|"
                           # "A joined B, C and other guests to witness the signing": B and C
                           # (and A: _ACTIVE_ROLE)
                           r"\bjoined\b(?=[^.;]{0,600}?\bto\s+witness\b)",
                           re.IGNORECASE)
# "A and B signed", "A witnessed"; a caption's present tense too ("A and B sign the MoU").
# ("today (October 14) signed": the day may follow in brackets)
# ("A and B, on Tuesday (14 May) signed": the day, as "today", between them and the verb)
_ACTIVE_ROLE = re.compile(rf"\b(?:(?:have|has|had|jointly|officially|formally|then|also|today|yesterday|"
                          rf"on\s+(?:{WEEKDAY}|\d{{1,2}}\s+{MONTH}|{MONTH}\s+\d{{1,2}}))"
                          r"(?:\s*\([^()]{1,30}\))?\s+)*"
                          r"(?P<verb>signed|inked|witnessed|put\s+pen\s+to\s+paper|(?<=\s)looked\s+on|"
                          # "A and B placed their signatures on the agreement": they signed it
                          r"(?:placed|put|affixed)\s+(?:their|his|her)\s+signatures?(?=\s+(?:on|to)\b)|"
                          # "A and B bore witness to the signing", "A and B were the witnesses"
                          r"bore\s+witness\s+to|(?:were|was)\s+(?:the\s+)?witness(?:es)?(?=\s*[.,;]|\s*$)|"
                          # "A and B were co-signatories to the document": they signed it
                          r"(?:were|was)\s+(?:the\s+)?(?:co-?)?signator(?:y|ies)(?=\s+(?:to|of|for)\b)|"
                          # "A and B were present as witnesses at the signing ceremony"
                          r"(?:were|was)\s+(?:present\s+)?as\s+(?:the\s+)?witness(?:es)?\b|"
                          r"joined(?=[^.;]{0,600}?\bto\s+witness\b)|"
                          # a caption's "A, B and C witness the signing of ..."
                          r"(?<!to )witness(?:es)?(?=\s+the\s+signing\b)|"
                          # "A began the day by witnessing the signing of ...": A witnessed
                          r"(?:began|begun|started|opened|ended|closed|rounded\s+off)\s+(?:[\w'’-]+\s+){1,4}?"
                          r"by\s+witnessing(?=\s+the\s+(?:signing|ceremony)\b)|"
                          # "A and B led the signing": the heads of the two sides signed
                          r"led\s+the\s+signing(?!\s+(?:delegation|team)\b)|"
                          # "A and B represented the two universities to sign the MoU": they signed
                          r"represented\s+(?:the\s+two|both|their|each|the\s+respective)\s+(?:[\w'’-]+\s+){0,3}?"
                          r"(?:to\s+sign|in\s+signing)(?=\s)|"
                          r"(?:were|was)\s+(?:(?:also|all)\s+)?(?:present|there)\s+"
                          r"to\s+witness|(?:were|was)\s+among\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?who\s+witnessed|"
                          r"(?<!to )(?<!will )signs?(?=\s+(?:a|an|the)\s)|"
                          # a caption's "A and B sign memorandums of understanding in X" (where a
                          # headline's "A signs MoUs with B" is an organisation's doing)
                          r"(?<!to )(?<!will )sign(?=\s+(?:(?:two|three|several|new)\s+)?"
                          r"(?:mo[u]s|memorand|agreements|accords)))\b"
                          r"(?!\s+by\b)", re.IGNORECASE)
# A caption's "A and B witnessing C and D signing the MoU": who watched, then who signed.
_WITNESSING = re.compile(r"(?P<witnesses>[^.;]{3,400}?)\s+witnessing\s+(?P<signers>[^.;]{3,400}?),?\s+"
                         r"signing\s+(?:the|a|an)\s+(?!ceremony\b)")
# ("signed in X a Memorandum of Understanding (MOU) on Y with": an acronym in brackets on the way)
_WITH = re.compile(r"\s+(?:(?:a|an|the)\s+)?(?:[^,;.()]|\([^(),;.]{1,20}\)){0,100}?\bwith\s+")
_FIRST_VERB = re.compile(rf",?\s+(?:who\s+)?{PAST_VERB}\b[^;]*?\band\s*$")
# Where a list of people in a role clause ends.
_CLAUSE_END = re.compile(
    # A ";" ends a list where a clause with its own verb follows ("...; A and B witnessed it"),
    # not inside a list of people written with semicolons ("Witnessed by A; B, Minister; and C").
    rf"\s*;(?=[^;,]*?\b(?:signed|witnessed|attended)\b)|"
    # ("In the presence of A, UM signed ...": a comma, then the signing's own subject)
    # ("Under the witness of Vice Mayor A and Secretary B, the X Authority and the Y Council
    # signed": the parties named as the subject, with their "the" and "and")
    rf",\s+(?=(?:the\s+)?(?:[A-Z][\w'’&-]*\s+|(?:and|of|for)\s+(?:the\s+)?){{1,16}}?"
    rf"(?:(?:has|have|also|jointly)\s+)?(?:signed|inked)\b)|"
    # (not a relative clause inside a list: "Professor A, President of X, who was visiting Y, and
    # Professor B" goes on, see _ASIDE)
    rf",\s+who\b(?![^,;.]{{1,80}},\s+and\s+(?:the\s+)?[A-Z])|"
    rf",?\s+(?:(?<!,\s)who|which|whereas|while|during|after|before|following|marking|sealing|paving|"
    rf"in order to|in the presence of|witnessed by|at the (?:ceremony|event|signing)|"
    rf"to (?!the\b|a\b|an\b)[a-z]+|on (?={WEEKDAY}|\d|{MONTH}\b|the \d)|today|yesterday|"
    rf"this (?:morning|afternoon|evening))\b")

# A relative clause about one person in a list, between commas, before the next: "Professor A,
# President of X, who was visiting Y, and Professor B" (blanked, keeping the offsets).
# ("signed by Ms A who is also acting as X, and Mr B": the clause without its first comma too)
_ASIDE = re.compile(r",?\s+who\s+[^,;.]{1,100}(?=,\s+and\s+(?:the\s+)?[A-Z])")


def _without_asides(words: str) -> str:
    return _ASIDE.sub(lambda m: " " * len(m.group(0)), words)


# Where each signer was, after the name, in a signing at a distance: "signed virtually by A (甲) in
# Taipei and B in Belgium" (blanked in a list of people, keeping the offsets).
_WHEREABOUTS = re.compile(r"(?<=[\w)])\s+in\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?(?=\s+and\s+[A-Z]|,|\s*$)")


def _without_whereabouts(words: str) -> str:
    return _WHEREABOUTS.sub(lambda m: " " * len(m.group(0)), words)


# "in the presence of A and B, C, first secretary of the X Embassy, said on Thursday": the last one
# named reports what the list says, with a title of their own or none, and is none of it.
_SPEAKER = re.compile(rf"(?:,\s+(?:the\s+|an?\s+)?(?:[a-z-]+\s+)?(?i:{TITLE_WORD})\b[^;.]{{0,200}}?,)?\s+"
                      r"(?:said|says|noted|told|stated|added|reported)\b")
# Where a list of signatories ends at its sentence's verb: "A, represented by its President Ms B, and
# C, represented by Mr D, signed" (a witnesses' list may run on: "witnessed by A and B, C and D, signed").
_SIGNING_VERB = re.compile(r",\s+(?=(?:(?:has|have|also|jointly|then)\s+)?(?:signed|inked)\b)")


# "Li met Y.C. Richard Wong, Provost of HKU, and the two jointly witnessed the signing": the people
# the sentence has named, when they are as many as it says.
# ("Afterwards the Ostlandic and Kestrian prime ministers witnessed the signing": two, by their
# peoples' names)
# (who are called by their office, which a pair of peoples' names goes with)
_OFFICES = ("leaders", "prime ministers", "premiers", "presidents", "heads of state", "heads of government")
_OFFICE = "|".join(office.replace(" ", r"\s+") for office in _OFFICES)
_COUNTED_ROLE = re.compile(r"\b(?:the\s+(?P<n>two|three|four)|(?P<both>both)|"
                           r"the\s+(?P<pair>(?-i:[A-Z][a-z]+)\s+and\s+(?-i:[A-Z][a-z]+))"
                           rf"(?=\s+(?:{_OFFICE})\b))"
                           rf"(?:\s+(?P<who>{_OFFICE}|officials|sides|guests|of\s+them))?\s+(?:also\s+)?"
                           r"(?:jointly\s+|together\s+)?"
                           r"(?P<verb>witnessed|signed)\b", re.IGNORECASE)
_COUNTS = {"two": 2, "three": 3, "four": 4}


# The people after the named ones in a list of who did it, named by what they are: "A, B and other
# guests", "as well as other senior officials of both sides".
_OTHERS = re.compile(r",?\s+(?:and|as\s+well\s+as|along\s+with|together\s+with)\s+(?:many\s+|several\s+)?"
                     r"other\s+(?:[a-z-]+\s+){0,3}?(?:guests|officials|dignitaries|leaders|representatives|"
                     r"executives|members|participants)(?:\s+of\s+[^,;]{1,60}?)?\s*$|"
                     # ("Mr A (centre), and officials from Ostland and Kestria today witnessed")
                     r",?\s+and\s+(?:senior\s+)?(?:officials|representatives|guests|delegates)\s+"
                     r"(?:from|of)\s+[^,;]{1,80}?\s*$")

# "On March 23, during a visit to X by the Secretary of Y, Xu Qin, A and B signed": the one who
# visited, the first named after "by", opens the sentence and did not sign.
_VISIT_BY = re.compile(r"\b(?:during|on|in\s+the\s+course\s+of)\s+(?:a|an|the|his|her|their)\s+"
                       r"(?:[\w-]+\s+){0,3}?(?:visit|trip|tour|mission)\b[^;]{0,80}?\bby\s", re.IGNORECASE)


def _less_visitor(subject: str, people: list[Person], offset: int) -> list[Person]:
    """The people of a subject less the one a visit it opens with was made by."""
    if not (visit := _VISIT_BY.search(subject)):
        return people
    visitor = next((p for p in people if p.start >= offset + visit.end()), None)
    return [p for p in people if visitor is not None and p.start > visitor.start]


# "Representing the X Government, Mr A ... signed": whom the signer stood for opens the sentence, a
# party's name, no part of the passage about people.
_REPRESENTING = re.compile(r"\s*Representing\s+[^,;]{1,120},\s*")


# "A, President of X, and Rahmati signed": one capitalised word after the list's "and", ending it.
_AND_SURNAME = re.compile(r",?\s+and\s+(?P<name>[A-Z][a-z]+)\s*$")
# "During these visits, Song also signed": one capitalised word, the whole subject after a comma.
_SURNAME_SUBJECT = re.compile(r"(?:^|,)\s*(?P<name>[A-Z][a-z]+)\s*$")

# "he and the Secretary ..., Mr Feng Fei, witnessed": a pronoun in a list of who did it.
_HE_AND = re.compile(r"\b(?:he|she)\s+and\s", re.IGNORECASE)


def _with_surnames(words: str, people: list[Person], offset: int, surnames: set[str]) -> list[Person]:
    """The people read, and the ones named by a surname alone that the text gives in full
    elsewhere ("Li" for "Li Luming", "Under the witness of Song and Fang")."""
    found = list(people)
    taken = [(p.start - offset, p.end - offset) for p in people]
    for m in re.finditer(r"\b[A-Z][a-z]+\b", words):
        if m[0] in surnames and not any(a <= m.start() < b for a, b in taken):
            found.append(Person(m[0], start=offset + m.start(), end=offset + m.end()))
    return sorted(found, key=lambda p: p.start)


def _counted_people(sentence: str, verb: re.Match[str], offset: int, parties: Parties,
                    surnames: set[str]) -> list[Person]:
    """The people named before "the two jointly witnessed", by full name or by a surname the text
    gives in full elsewhere; none unless they are as many as it says."""
    before = sentence[:verb.start()]
    people = _with_surnames(before, read_people(before, parties, Reading.REGISTRY, offset), offset, surnames)
    return people if len(people) == _wanted(verb) else []


def _wanted(verb: re.Match[str]) -> int:
    """How many "the two jointly witnessed" or "both signed" says."""
    return 2 if verb["both"] or verb["pair"] else _COUNTS[verb["n"].casefold()]


@dataclass
class Role:
    """A passage that says people signed or witnessed: who, in which sentence, over which span."""

    role: str  # "signatories" or "witnesses"
    people: list[Person]
    sentence: int
    start: int
    end: int


def _two_lists(sentence: str, lists: dict[tuple[int, int], tuple[int, str]], span: tuple[int, int],
               verb: re.Match[str], index: int, offset: int, parties: Parties,
               surnames: Callable[[], set[str]]) -> list[Role]:
    """"Witnessed by A and B, C and D signed the MoU": a list the role phrase starts, closed by its
    own "and", then a comma and the verb's own subject, closed by its "and". Both roles, or none
    where the sentence does not mark the break so."""
    begin, role = lists[span]
    words = sentence[begin:verb.start()]
    for comma in reversed([c.start() for c in re.finditer(",", words)]):
        first, second = words[:comma], words[comma + 1:]
        # (the subject's own list may give each its title: "Janny Leung, master of X, and Yin Xuefeng")
        if not (re.search(r"\s(?:and|&)\s", first) and re.search(r"\s(?:and|&)\s", second)):
            continue
        listed = read_people(first, parties, Reading.LIST, offset + begin)
        if len(listed) < 2:
            listed = _with_surnames(first, listed, offset + begin, surnames())
        subject = read_people(second, parties, Reading.SUBJECT, offset + begin + comma + 1)
        if len(listed) >= 2 and len(subject) >= 2:
            active = "witnesses" if "witness" in verb["verb"].casefold() else "signatories"
            return [Role(role, listed, index, offset + span[0], offset + begin + comma),
                    Role(active, subject, index, offset + begin + comma + 1, offset + verb.end())]
    return []


def role_clauses(text: str, spans: Sequence[tuple[int, int]], parties: Parties) -> list[Role]:
    roles: list[Role] = []
    known: list[set[str]] = []
    every = list(spans)  # (the loop below rebinds `spans`)

    def surnames() -> set[str]:
        """The surnames (first or last word) of the people the text names in full."""
        if not known:
            known.append({w for a, b in every for p in read_people(text[a:b], parties, Reading.REGISTRY)
                          for w in (p.name.split()[0], p.name.split()[-1]) if len(p.name.split()) > 1})
        return known[0]

    for index, (s, e) in enumerate(spans):
        sentence = text[s:e]
        for m in _COUNTED_ROLE.finditer(sentence):
            if (m["who"] or "").casefold() == "sides":
                continue  # "Witnessed by A, B and C, the three sides signed": the sides are the parties
            people = _counted_people(sentence, m, s, parties, surnames())
            who = " ".join((m["who"] or "").casefold().split())
            if not people and who in (*_OFFICES, "officials", "guests") and \
                    not read_people(sentence[:m.start()], parties, Reading.REGISTRY):
                # "Mr A met Mr B today. ... Afterwards, the two leaders witnessed": the people of
                # the last sentence before it that names any, when they are as many as it says
                # (not "the two sides", which are the parties).
                for a, b in reversed(every[max(0, index - 2):index]):
                    if named := read_people(text[a:b], parties, Reading.REGISTRY, a):
                        people = named if len(named) == _wanted(m) else []
                        break
            if people:
                role = "witnesses" if m["verb"].casefold() == "witnessed" else "signatories"
                roles.append(Role(role, people, index, s, s + m.end()))
        for m in _WHILE_REPRESENTED.finditer(sentence):
            if people := read_people(m["who"], parties, Reading.SUBJECT, s + m.start("who")):
                roles.append(Role("signatories", people, index, s + m.start("who"), s + m.end("who")))
        if (m := _THEY_SIGNED.search(sentence)) and \
                (first := re.search(rf"\s{PAST_VERB}\b", sentence[:m.start()])):
            # (the subject: who did what the sentence says first, "held", "met", less the day)
            subject = _DAY_BEFORE_VERB.sub("", sentence[:first.start()])
            people = read_people(subject, parties, Reading.SUBJECT, s)
            if len(people) >= 2:
                roles.append(Role("signatories", people, index, s, s + first.start()))
        for m in _WITNESSING.finditer(sentence):
            watched = read_people(m["witnesses"], parties, Reading.SUBJECT, s + m.start("witnesses"))
            signers = read_people(m["signers"], parties, Reading.LIST, s + m.start("signers"))
            if watched and signers:
                roles += [Role("witnesses", watched, index, s + m.start("witnesses"), s + m.end("witnesses")),
                          Role("signatories", signers, index, s + m.start("signers"), s + m.end("signers"))]
        triggers = sorted([(m, "signatories") for m in _SIGNED_BY.finditer(sentence)] +
                          [(m, "witnesses") for m in _WITNESSED_BY.finditer(sentence)],
                          key=lambda t: t[0].start())
        covered: list[tuple[int, int]] = []
        lists: dict[tuple[int, int], tuple[int, str]] = {}  # a list's span -> where it starts, its role
        without_asides = _without_asides(sentence)  # (offsets kept: the asides are blanked)
        for n, (m, role) in enumerate(triggers):
            # (the next trigger, less one inside this one that ends before its "by": "signed in the
            # presence of A by B and C"; "the signing of the MoU was witnessed by A" shares its "by")
            end = next((t.start() for t, _ in triggers[n + 1:]
                        if not (m.start() < t.start() and t.end() < m.end() - 2)), len(sentence))
            # ("signed in the presence of A and B by C and D": the witnesses end at the "by" of the
            # signing trigger around them)
            end = min([end] + [t.end() - 2 for t, r in triggers if r == "signatories" and role == "witnesses"
                               and t.start() < m.start() and m.end() < t.end() - 2])
            if stop := _CLAUSE_END.search(without_asides, m.end(), end):
                end = stop.start()
            if role == "signatories" and (stop := _SIGNING_VERB.search(sentence, m.end(), end)):
                end = stop.start()
            people = read_people(_without_whereabouts(_without_asides(sentence[m.end():end])), parties,
                                 Reading.LIST, s + m.end())
            if len(people) >= 2 and _SPEAKER.match(sentence, people[-1].end - s):
                people = people[:-1]
            if re.match(r"\s+[A-Z][a-z]+\s+and\s", sentence[m.end():end]):
                # "signed by Steward and Ms Leung": a surname the text gives in full elsewhere
                people = _with_surnames(sentence[m.end():end], people, s + m.end(), surnames())
            if re.search(r"\sbetween$", m.group(0), re.IGNORECASE):
                # "signed between Pine University President Ana Silva and ...": people by their
                # titles; what is signed between without one is bodies ("signed between Indian
                # and foreign universities", "between University of X and Guru Ghasidas Vishwavidyalaya")
                people = [p for p in people if p.title or p.honorific]
            covered.append((m.start(), end))
            lists[(m.start(), end)] = (m.end(), role)
            # ("signed between A and B by C and D": the passage about people starts at "by"; the
            # bodies before it are the parties)
            begin = m.end() - 2 if re.search(r"\sbetween\s.*\sby$", m.group(0), re.IGNORECASE | re.DOTALL) \
                else m.start()
            if people:
                roles.append(Role(role, people, index, s + begin, s + end))
        previous = 0  # the subject of a verb starts after the verb before it
        for m in _ACTIVE_ROLE.finditer(sentence):
            if over := [c for c in covered if c[0] < m.start() < c[1]]:
                if not read_people(sentence[lists[over[-1]][0]:m.start()], parties, Reading.SUBJECT):
                    continue  # "Witnessed by A and B, the MoU was signed": the verb has no person
                spans = {(s + a, s + b) for a, b in over}
                roles = [r for r in roles if (r.start, r.end) not in spans]
                if split := _two_lists(sentence, lists, over[-1], m, index, s, parties, surnames):
                    roles += split
                    previous = m.end()
                # Else "Witnessed by A, B and C sign the MoU": where the list ends and the
                # subject begins, the sentence does not say. Neither reading is kept; another
                # sentence may say who did what.
                continue
            begin = max([previous] + [c_end for _, c_end in covered if c_end <= m.start()])
            previous = m.end()
            subject = sentence[begin:m.start()]
            # "A and B, who followed the ceremony by video link and witnessed it": a first verb of
            # the same subject, before "and".
            if verbs := _FIRST_VERB.search(subject):
                subject = subject[:verbs.start()]
            # "Mr A, Chairman of X, who witnessed the signing, said": the one the clause is about
            # ("Mr A, who is visiting X, witnessed": the relative clause between him and the verb)
            subject = re.sub(r",?\s+who(?:\s+[^,;]{1,80},)?\s*$", "", subject)
            # "A, B and other guests witness the signing": the others name no one
            subject = _OTHERS.sub("", subject)
            people = read_people(subject, parties, Reading.SUBJECT, s + begin)
            people = _less_visitor(subject, people, s + begin)
            if people and re.match(r"\s*[A-Z][a-z]+\s+and\s", subject):
                # "Lee and Zhejiang party chief Yi Lianhong witnessed": a surname the text gives in
                # full elsewhere, first in the list
                people = _with_surnames(subject, people, s + begin, surnames())
            if not people and (tail := _AND_SURNAME.search(subject)) and tail["name"] in surnames() and \
                    (head := read_people(subject[:tail.start()], parties, Reading.SUBJECT, s + begin)):
                # "Fu Hua, president of X, and Rahmati signed": the last one by a surname the text
                # gives in full elsewhere
                people = [*head, Person(tail["name"], start=s + begin + tail.start("name"),
                                        end=s + begin + tail.end("name"))]
            if not people and (alone := _SURNAME_SUBJECT.search(subject)) and alone["name"] in surnames():
                # "During these visits, Song also signed": a surname the text gives in full elsewhere
                people = [Person(alone["name"], start=s + begin + alone.start("name"),
                                 end=s + begin + alone.end("name"))]
            if people and (pronoun := _HE_AND.search(subject)):
                # "Mr John Lee attended the ceremony, where he and Mr Feng Fei witnessed ...": he
                # is the one person the sentence named before him.
                before = read_people(sentence[:begin + pronoun.start()], parties, Reading.REGISTRY, s)
                if len(before) == 1 and before[0].name not in {p.name for p in people}:
                    people = [*before, *people]
            # ("A and B signed the MoU as C looked on": C watched it signed)
            role = "witnesses" if re.search(r"witness|look|join", m["verb"], re.IGNORECASE) else "signatories"
            if people:
                # (the passage about them starts after whom they represent, which is read as their
                # behalf and names a party)
                lead = _REPRESENTING.match(sentence, begin)
                roles.append(Role(role, people, index, s + (lead.end() if lead else begin), s + m.end()))
            if people and role == "signatories" and (w := _WITH.match(sentence, m.end())):
                # "Mr A signed the MoU with Dr B, President of C": a person signed with a person.
                end = stop.start() if (stop := _CLAUSE_END.search(sentence, w.end())) else len(sentence)
                if others := read_people(sentence[w.end():end], parties, Reading.LIST, s + w.end()):
                    # (from the first person: "with the Y Region, represented by Mr B" names a party
                    # before him)
                    roles.append(Role(role, others, index, others[0].start, s + end))
                    covered.append((w.start(), end))
    return sorted(roles, key=lambda r: r.start)
