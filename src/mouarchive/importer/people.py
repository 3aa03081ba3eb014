"""People: the names a passage gives, each with the title and party words around it."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import Enum

from .lexicon import (
    BEFORE_THINGS,
    COMMON_NOUN_ENDING,
    HONORIFIC_PERSON,
    NAME_PARTICLES,
    NAME_TOKEN,
    NOT_NAMES,
    ORG_WORDS,
    PLACE_WORDS,
    PORTFOLIO_WORDS,
    ROMANISED_SMALL_WORDS,
    SUFFIX,
    SUFFIXES,
    TITLE_WORDS,
    WORD,
    names_a_country,
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
    # ("Vice-Chairman", "Pro-Vice-Chancellor": a title in any of its parts)
    # ("the Deputy Vice Chancellors, the Registrar": a title in the plural, of several people)
    return bare in TITLE_WORDS or ("-" in bare and any(part in TITLE_WORDS for part in bare.split("-"))) or \
        (len(bare) >= 6 and bare.endswith("s") and bare[:-1] in TITLE_WORDS and bare[:-1] != "master")


# The words of a state's style ("the People's Democratic Republic of Kestria"): never a person's name.
_STATE_STYLE = frozenset({"republic", "kingdom", "sultanate", "emirate", "principality", "democratic",
                          "socialist", "federal", "islamic"})


def _name_word(word: str) -> bool:
    # ("Pro-rector Ip Kuai Peng": a hyphenated title is no name's word)
    return bool(re.fullmatch(NAME_TOKEN, word)) and _bare(word) not in TITLE_WORDS | ORG_WORDS | \
        NOT_NAMES | PORTFOLIO_WORDS | _STATE_STYLE and not COMMON_NOUN_ENDING.search(word) and \
        not _is_title_word(word)


# What opens a clause whose subject a surname alone can be: the passage's start, or a time's words
# and their comma ("On Friday, ", "Later, ").
_CLAUSE_OPENING = re.compile(r"(?:^|(?:^|[.;]\s+)(?:On\s+)?[A-Z][a-z]+(?:\s+\d{1,2})?,\s+)$")
_TITLE_AFTER = re.compile(r",\s+(?:the\s+)?(?P<title>[A-Za-z-]+)\b")


def _surname_then_title(segment: str, start: int, end: int) -> bool:
    """Whether the word at start:end opens a clause and is followed by a comma and a title: "Tong,
    chairman of X, signed": a surname alone ("Beijing, capital of ..." is a place's, and no name's)."""
    after = _TITLE_AFTER.match(segment, end)
    word = segment[start:end]
    return bool(after) and _is_title_word(after["title"]) and bool(_CLAUSE_OPENING.search(segment[:start])) \
        and word.casefold() not in PLACE_WORDS and not names_a_country(word) and not word.isupper()


def _anchors(segment: str, parties: Parties) -> list[Person]:
    """The people a stretch of text names: after an honorific, or as two to four name words that
    are neither a title, an organisation, a place nor a party ("Zhuang Rongwen", "John Lee")."""
    found: list[Person] = []
    taken: list[tuple[int, int]] = []  # in order, not overlapping
    for m in HONORIFIC_PERSON.finditer(segment):
        # ("the Sheikh Saud Kuwait Diplomatic Institute", "the Prince Saud Al-Faisal Institute for
        # Diplomatic Studies": a body named after a person; "Prof Hahnkyu Park, Dean" is a person)
        after = segment[m.end():]
        if ((run_on := re.match(r" ([A-Z][\w'’-]*)", after)) and _bare(run_on[1]) in ORG_WORDS) or \
                (_bare(m["name"].split()[-1]) in ORG_WORDS and re.match(r" (?:for|of|on)\b", after)):
            continue
        honorific = m["hon"].rstrip(".")
        suffix = ", ".join(re.findall(SUFFIX, m["suffix"])) or None
        name = m["name"].replace(", ", " ")  # ("YEUNG, Hip Wo" is YEUNG Hip Wo)
        found.append(Person(name, "Prof" if honorific == "Professor" else honorific, suffix,
                             start=m.start(), end=m.end()))
        taken.append((m.start(), m.end()))
    words = [(w.start(), w.end(), w.group(0)) for w in WORD.finditer(segment)]
    starts = [s for s, _ in taken]

    def is_taken(position: int) -> bool:
        k = bisect.bisect_right(starts, position) - 1
        return k >= 0 and position < taken[k][1]

    def initial_at(k: int) -> bool:
        """"W." in "Timothy W. TONG", "Y." in "Y. C. Wong": an initial, part of a name."""
        return bool(re.fullmatch(r"[A-Z]", words[k][2])) and segment[words[k][1]:words[k][1] + 1] == "."

    def bare_initials_at(k: int) -> bool:
        """"C Y" in "C Y Leung": two initials or more without their full stops, then a name word."""
        n = k
        while n < len(words) and re.fullmatch(r"[A-Z]", words[n][2]) and n + 1 < len(words) and \
                segment[words[n][1]:words[n + 1][0]] == " ":
            n += 1
        return n - k >= 2 and n < len(words) and _name_word(words[n][2])

    def titled_initial_at(k: int) -> bool:
        """"P" in "Scientist P Sudhakar": one capital alone without its full stop, right after a
        title's word and before a name's last word that ends the run, is the name's initial."""
        return bool(re.fullmatch(r"[A-Z]", words[k][2])) and 0 < k < len(words) - 1 and \
            _is_title_word(words[k - 1][2]) and words[k - 1][2][:1].isupper() and \
            segment[words[k - 1][1]:words[k][0]] == " " and segment[words[k][1]:words[k + 1][0]] == " " and \
            _name_word(words[k + 1][2]) and \
            (k + 2 >= len(words) or segment[words[k + 1][1]:words[k + 2][0]] != " " or
             not _name_word(words[k + 2][2]))

    def capital_surname(k: int) -> bool:
        """"TAI" in "Tony TAI", "GUO" in "GUO Yike": a word in capitals beside a name word, when it
        is not a suffix nor an organisation's acronym."""
        word = words[k][2]
        if not (word.isupper() and len(word) >= 2) or word in SUFFIXES or parties.find(word) or \
                _bare(word) in TITLE_WORDS | ORG_WORDS | NOT_NAMES:
            return False
        beside = [n for n in (k - 1, k + 1) if 0 <= n < len(words) and
                  segment[min(words[k][1], words[n][1]):max(words[k][0], words[n][0])] == " "]
        # ("Timothy W. TONG": after an initial)
        after_initial = k > 0 and initial_at(k - 1) and segment[words[k - 1][1]:words[k][0]] in (".", ". ")
        return after_initial or any(_name_word(words[n][2]) for n in beside)

    def surname_he(k: int) -> bool:
        """"He" in "Chairman He Lifeng": the surname (何, 賀), not the pronoun, after a title's word
        and before a name's word."""
        if words[k][2] != "He" or k >= len(words) - 1 or not _name_word(words[k + 1][2]) or \
                segment[words[k][1]:words[k + 1][0]] != " ":
            return False
        # ("A, Minister of State, and He Lifeng, Chairman of X", "the Chairman of X, He Lifeng,":
        # after "and" or a comma, inside a sentence, the pronoun would be written "he"; a capital
        # there is the surname)
        if k > 0 and ((words[k - 1][2] == "and" and segment[words[k - 1][1]:words[k][0]] == " ") or
                      segment[words[k - 1][1]:words[k][0]] == ", "):
            return True
        return k > 0 and _is_title_word(words[k - 1][2]) and segment[words[k - 1][1]:words[k][0]] == " "

    def patronym_after(k: int) -> bool:
        """"Sultan" in "Sultan bin Saeed Al Tom": a title's word before "bin" and a name word is the
        name's first word (a title never stands before a patronymic's particle)."""
        return words[k][2][:1].isupper() and k + 2 < len(words) and \
            words[k + 1][2] in ("bin", "bint", "binti", "ibn") and _name_word(words[k + 2][2]) and \
            segment[words[k][1]:words[k + 2][0]] == f" {words[k + 1][2]} "

    def ruler_word_as_name(k: int) -> bool:
        """"Sultan" in "A, Foreign Minister, Sultan Salim Al Habsi, Minister of Finance": a ruler's
        title that is also a given name, before two name words or more and a comma and a title's
        word, is the name's first word (a sultan is no minister)."""
        if words[k][2] not in ("Sultan", "Amir"):
            return False
        n = k + 1
        while n < len(words) and n - k <= 4 and segment[words[n - 1][1]:words[n][0]] == " " and \
                (_name_word(words[n][2]) or words[n][2] in NAME_PARTICLES):
            n += 1
        return n - k >= 3 and n < len(words) and segment[words[n - 1][1]:words[n][0]] == ", " and \
            _is_title_word(words[n][2]) and words[n][2] not in ("Sultan", "Amir")

    def name_at(k: int) -> bool:
        return _name_word(words[k][2]) or capital_surname(k) or surname_he(k) or \
            (_is_title_word(words[k][2]) and (patronym_after(k) or ruler_word_as_name(k)))

    def particle_at(k: int) -> bool:
        """"bin" in "Khalid bin Abdulaziz Al-Falih", "van der" in "Hanna van der Berg": a particle of
        a name, or a run of them, between two name words."""
        if words[k][2] not in NAME_PARTICLES:
            return False
        first, last = k, k
        while first > 0 and words[first - 1][2] in NAME_PARTICLES:
            first -= 1
        while last < len(words) - 1 and words[last + 1][2] in NAME_PARTICLES:
            last += 1
        run = " ".join(w for _, _, w in words[first:last + 1])
        return first > 0 and last < len(words) - 1 and name_at(first - 1) and name_at(last + 1) and \
            segment[words[first - 1][1]:words[last + 1][0]] == f" {run} "

    def middle_initial_at(k: int) -> bool:
        """"F" in "Tony F Chan": a capital alone between two name words, without its full stop."""
        return bool(re.fullmatch(r"[A-Z]", words[k][2])) and 0 < k < len(words) - 1 and name_at(k - 1) \
            and name_at(k + 1) and segment[words[k - 1][1]:words[k + 1][0]] == f" {words[k][2]} "

    def last_syllable_u(k: int) -> bool:
        """"U" in "Ao Ieong U", "On" in "Chui Sai On": the last syllable of a romanised name that is
        also a letter or an English word, after two name words and ending the name (no full stop:
        no initial)."""
        return words[k][2] in ROMANISED_SMALL_WORDS and k >= 2 and name_at(k - 1) and name_at(k - 2) and \
            segment[words[k - 1][1]:words[k][0]] == " " and \
            not re.match(r"\.|\s+[A-Z]", segment[words[k][1]:words[k][1] + 2])

    def joined(k: int) -> bool:
        """Whether word k + 1 goes on the name that word k is in."""
        # ("CEO of Go-Invest Guyana Dr. Peter Ramsaroop": a person an honorific opens is one of
        # their own, never the end of the words before)
        if is_taken(words[k + 1][0]):
            return False
        if last_syllable_u(k + 1):
            return True
        gap = segment[words[k][1]:words[k + 1][0]]
        if gap == " " and re.fullmatch(r"[A-Z]", words[k][2]) and any(
                bare_initials_at(n) for n in range(max(0, k - 4), k + 1)):
            return True  # "C Y Leung": an initial without its full stop, in a run of them
        return (name_at(k + 1) or initial_at(k + 1) or particle_at(k + 1) or middle_initial_at(k + 1)) and \
            not words[k][2].endswith(("'s", "’s")) and (gap == " " or (initial_at(k) and gap in (".", ". ")))

    mentions = parties.find(segment)
    i = 0
    while i < len(words):
        starts_initials = (initial_at(i) or bare_initials_at(i) or titled_initial_at(i)) and \
            i + 1 < len(words) and joined(i)
        if not (name_at(i) or starts_initials) or is_taken(words[i][0]):
            i += 1
            continue
        j = i
        while j + 1 < len(words) and joined(j):
            j += 1
        if initial_at(j):  # a name ends in a name word, never in an initial
            i = j + 1
            continue
        # ("President of the Pine Daily Tom Wu": a party's name the text gives, that opens before the
        # run and ends inside it, is no part of the person's; the name starts after it)
        cut = next((b for a, b, _ in mentions if a <= words[i][0] < b <= words[j][0]), None)
        if cut is not None:
            while words[i][0] < cut:
                i += 1
            if not name_at(i):
                i = j + 1
                continue
        run = words[i:j + 1]
        nxt = words[j + 1][2] if j + 1 < len(words) and \
            segment[words[j][1]:words[j + 1][0]].strip() == "" else ""
        prev = words[i - 1][2].casefold() if i and segment[words[i - 1][1]:words[i][0]].strip() == "" \
            else ""
        text = segment[run[0][0]:run[-1][1]]
        # "the Ostland Data Agency", "Secretary for Digital Affairs": after an article or a
        # preposition, capitalised words name a thing, not a person.
        # "China Unicom Global": a place word before the run makes it the name of a thing; so does
        # an organisation's word that opens a name ("and Bank Negara Malaysia"), but not one that
        # ends one ("Hebei Province Xu Qin": the province's governor) nor one's ("the Bank's John").
        opens_name = prev in ORG_WORDS and prev not in TITLE_WORDS and not (
            i >= 2 and words[i - 2][2][:1].isupper() and segment[words[i - 2][1]:words[i - 1][0]] == " ")
        # ("and PT Kestrel Dredging International Asia Pacific": the end of a name that such a word
        # opens, written on with no title's word between)
        k = i - 1
        while not opens_name and k >= 0 and prev and words[k][2][:1].isupper() and \
                segment[words[k][1]:words[k + 1][0]] == " " and not _is_title_word(words[k][2]) and \
                not words[k][2].endswith(("'s", "’s")):
            opens_name = _bare(words[k][2]) in ORG_WORDS and not (
                k and words[k - 1][2][:1].isupper() and segment[words[k - 1][1]:words[k][0]] == " ")
            k -= 1
        # "Governor of Guangdong Ma Xingrui": the place a title is of, then the name ("Ambassador to
        # China Tom Wu": or the place it is to)
        k = i - 1
        while k >= 0 and words[k][2].casefold() in PLACE_WORDS:
            k -= 1
        title_of_place = k >= 1 and words[k][2] in ("of", "to") and _is_title_word(words[k - 1][2])
        # ("the Hong Kong Institute of Vocational Education (Tsing Yi)": a bracket right after a
        # name that says which of its places it is, no person)
        bracketed = segment[:run[0][0]].endswith("(") and segment[run[-1][1]:].startswith(")") and \
            bool(re.search(r"[A-Z][\w'’.-]*\s*\($", segment[:run[0][0]]))
        is_org = _bare(nxt) in ORG_WORDS or prev in BEFORE_THINGS or \
            (prev in PLACE_WORDS and not title_of_place) or opens_name or bracketed or \
            parties.find(text) or names_a_country(text) or text.endswith(("'s", "’s")) or \
            (names_a_country(run[-1][2]) and _is_title_word(nxt)) or \
            (nxt[:1].isupper() and bool(COMMON_NOUN_ENDING.search(nxt)) and not _is_title_word(nxt))
        # (the line above: "Minister of State for Digital Economy and Remote Work Applications": a
        # run written on into a common noun in capitals, "Applications", names a thing, no person)
        # ("Visiting Malaysian Deputy Prime Minister A": a people's word before a title says whose
        # the title is, and ends no name)
        # "Kestrel Cloud President Ana Silva": a name run followed by a title and another name is
        # the organisation the title belongs to.
        # ("Islamic Higher Education director Prof. Dr. A": the fields a title is of, then the title's
        # word and an honorific or a name: the run opens the title's words, no name)
        k = j + 1
        while k < len(words) and words[k][2][:1].isupper() and _bare(words[k][2]) in PORTFOLIO_WORDS:
            k += 1
        fields = k
        while k < len(words) and _is_title_word(words[k][2]):
            k += 1
        # Only words written on, without a comma: "Vivian Cheung, Executive Director, Airport
        # Operations" is a person and her title.
        before_person = k > fields and k < len(words) and (
            _name_word(words[k][2]) if fields == j + 1 else
            _name_word(words[k][2]) or bool(HONORIFIC_PERSON.match(segment, words[k][0]))) and \
            not re.search(r"[,;()]", segment[run[-1][1]:words[k][0]])
        # (two words of a name, or initials and a surname: "C Y Leung")
        named = len([w for w in run if len(w[2]) > 1]) >= 2 or bare_initials_at(i) or titled_initial_at(i)
        # ("Luz María de la Mora Sánchez": five words at most, not counting a name's particles)
        if named and len([w for w in run if w[2] not in NAME_PARTICLES]) <= 5 and not is_org and \
                not before_person:
            found.append(Person(text, start=run[0][0], end=run[-1][1]))
        elif len(run) == 1 and not is_org and _surname_then_title(segment, run[0][0], run[0][1]):
            # "On Friday, Tong, chairman of X, signed ...": a person the text named in full before,
            # by surname (complete_person finds the whole name)
            found.append(Person(text, start=run[0][0], end=run[0][1]))
        elif 3 <= len(run) <= 5 and prev in ("for", "of", "to") and i >= 2 and \
                _is_title_word(words[i - 2][2]) and _bare(nxt) not in ORG_WORDS and not parties.find(text) \
                and not before_person and (len(run) <= 4 or _place_first(run)):
            # "Secretary for Commerce Tom Wong": the portfolio, then the name (its last two words);
            # ("Ambassador to Namibia Wisnu Edi Pratignyo": a place the text's word lists know, then
            # the name, all of the words after it)
            first = _place_first(run) or len(run) - 2
            found.append(Person(segment[run[first][0]:run[-1][1]], start=run[first][0], end=run[-1][1]))
        i = j + 1
    return sorted(found, key=lambda p: p.start)


def _place_first(run: Sequence[tuple[int, int, str]]) -> int:
    """How many words a known place or country opens a run of words with, leaving two or more."""
    return next((q for q in range(len(run) - 2, 0, -1)
                 if " ".join(w for _, _, w in run[:q]).casefold() in PLACE_WORDS or
                 names_a_country(" ".join(w for _, _, w in run[:q]))), 0)


def _strip_joiners(text: str) -> str:
    # "then President of X", "former Chairman": when, not what the title is; "his Australian
    # counterpart", "the academy's President": whose, not what.
    return re.sub(r"^(?:(?:and|&|both|the|by|then|former|currently|now|as well as|(?:together|along) with"
                  r"|his|her|their|(?-i:[a-z]+)['’]s)"
                  r"(?:\s+|$))+", "",
                  text.strip(" ,;.:"),
                  flags=re.IGNORECASE).strip()


def _is_suffix(text: str) -> bool:
    return bool(text) and all(w in SUFFIXES for w in re.split(r"[\s,]+", text.strip(" ,.")) if w)


def _title_like(text: str) -> bool:
    """Starts like a job title: "Executive Director of the FSDC", "director of ...", "CAC director"."""
    words = _strip_joiners(text).split()
    if words and re.search(r"['’]s$", words[0]):
        words = words[1:]  # "CAICT's Director"
    # "college master of MCMC", "party secretary of X": a lower-case word of what the title is of
    if len(words) > 1 and words[0].isalpha() and words[0].islower() and _is_title_word(words[1]):
        words = words[1:]
    return bool(words) and _is_title_word(words[0])


def _continuation(text: str) -> bool:
    """A title's words after a comma: "Technology and Industry" in "Secretary for Innovation, ..."."""
    words = text.strip(" .").split()
    # An organisation's name goes on longer: "Liaison Office of the Central People's Government in
    # the Hong Kong SAR".
    longest = 20 if any(_bare(w) in ORG_WORDS for w in words) else 6
    return 0 < len(words) <= longest and all(w[:1].isupper() or w in ("and", "of", "for", "the", "&", "in")
                                             for w in words) and words[0] not in ("and", "&", "in")


_SMALL_WORDS = frozenset({"the", "a", "an", "of", "for", "and", "by", "to", "with", "at", "in", "on", "from"})
_NOT_PORTFOLIO = frozenset({"said", "says", "is", "was", "were", "are", "has", "have", "had", "will", "would",
                            "who", "which", "that", "also", "this", "its", "their", "his", "her"})


def _split_lead(lead: str) -> tuple[str | None, str | None, bool]:
    """The words before a name: (title, qualifier, junk?) - "Hong Kong Chief Executive" gives
    ("Chief Executive", "Hong Kong", False); "The conference was opened by" is junk."""
    # ("South Australia's visiting Premier": on a visit, which is no part of the title)
    lead = _strip_joiners(re.sub(r"\bvisiting\s+", "", lead))
    if not lead:
        return None, None, False
    words = lead.split()
    k = len(words)
    while k > 0 and (_is_title_word(words[k - 1]) or
                     (k < len(words) and words[k - 1] in ("of", "for") and _is_title_word(words[k - 2]))):
        k -= 1
    if k == len(words):
        # "Governor of Hebei Province": a title, then what it is of, written in capitals.
        first = next((i for i, w in enumerate(words) if _is_title_word(w)), None)
        rest = words[first + 1:] if first is not None else []
        # "Governor of Hebei Province", "Under Secretary for Education": title words, then
        # capitalised words and the small words between them ("Ambassador to the Philippines": to
        # where the title's holder is sent)
        # ("the Kestrian minister for cooperation", "vice minister of economic development": a
        # people's or a country's words, then the title and its portfolio in small letters, a few
        # words of fields with no verb, as a list of signers writes them between commas)
        lower = first is not None and 0 < first <= 3 and words[0][:1].isupper() and \
            all(w[:1].isupper() for w in words[:first] if w.casefold() not in TITLE_WORDS) and \
            1 < len(rest) <= 5 and rest[0] in ("of", "for") and \
            rest[-1] not in _SMALL_WORDS and \
            all(w.isalpha() and w.islower() and not w.endswith("ed") and
                (w not in _SMALL_WORDS or w in ("and", "the")) and w not in _NOT_PORTFOLIO for w in rest[1:])
        if first is None or not rest or not any(w in ("of", "for", "to") for w in rest) or not (lower or all(
                w[:1].isupper() or w in ("of", "for", "to", "the", "and", "&") for w in rest)):
            return None, None, True
        k = first
    # ("Shenzhen party chief", "city leader": a lower-case word of what the title is of, as
    # _title_like reads one, is the title's)
    if 0 < k < len(words) and words[k - 1].isalpha() and words[k - 1].islower() and \
            words[k - 1] not in _SMALL_WORDS:
        k -= 1
    title = " ".join(words[k:])
    qualifier = " ".join(words[:k]) or None
    # ("University of Cabo Verde Pro-rector": whose title, an organisation's name with its small words)
    # ("the Kestrian education department's permanent secretary": a country's words, then the body
    # in small letters with its possessive, whose title it is)
    owned = 2 <= k <= 4 and bool(re.fullmatch(r"[a-z]+['’]s", words[k - 1])) and \
        all(w.isalpha() and w.islower() and w not in _SMALL_WORDS | _NOT_PORTFOLIO and not w.endswith("ed")
            for w in words[1:k - 1])
    if qualifier and not owned and not (words[0][:1].isupper() and
                                        all(w[:1].isupper() or w in ("of", "the", "and", "for", "&")
                                            for w in words[:k])):
        return title, None, True
    return title, qualifier, False


class Reading(Enum):
    """What a passage is, which says what words that are not people do to the list being read.

    LIST follows a role phrase ("signed by ..."): the first such words end it. SUBJECT comes before
    a verb ("X and Y signed"): they drop whoever came before them ("Mr A said that Dr B signed").
    REGISTRY reads any sentence for people and their titles: they only end the current person.
    """

    LIST = "list"
    SUBJECT = "subject"
    REGISTRY = "registry"


class Kind(Enum):
    PERSON = "person"  # a name, with its honorific and suffix, and the title words just before it
    SEPARATOR = "separator"  # , or ;
    JOINER = "joiner"  # and, &, as well as
    SUFFIX = "suffix"  # JP, SBS ... after a comma
    BEHALF = "behalf"  # on behalf of X, representing X, for X; X in brackets after a name
    TITLE = "title"  # words that start like a job title: "Chairman of the FSDC"
    MORE = "more"  # capitalised words that may go on a title after a comma: "Technology and Industry"
    OTHER = "other"  # anything else: the end of what a passage says about people


@dataclass(frozen=True)
class Token:
    kind: Kind
    text: str = ""
    person: Person | None = None
    lead: tuple[str | None, str | None] = (None, None)  # (title, qualifier) written before the name
    bracketed: bool = False  # a title in a bracket right after the name: "Mr A (Secretary for X)"


_PLACE_IN_PICTURE = re.compile(r"\((?:far |second |third )?(?:left|right|centre|center|middle|front|back|"
                               r"\w+ from (?:left|right))[^)]*\)", re.IGNORECASE)


def _classify(words: str) -> Token | None:
    words = words.strip(" .")
    # "PolyU Vice President (Research and Innovation)": the bracket is part of the title it follows.
    if (bracket := re.fullmatch(r"(?P<head>[^()]+?)\s*\([^()]*\)", words)) and \
            (head := _classify(bracket["head"])) and head.kind in (Kind.TITLE, Kind.MORE):
        return Token(head.kind, words)
    if not words or _PLACE_IN_PICTURE.fullmatch(words):
        return None  # "(second left)": where the person stands in the photograph
    if _is_suffix(words):
        return Token(Kind.SUFFIX, words)
    if m := _BEHALF.match(words):
        return Token(Kind.BEHALF, m["who"])
    if re.fullmatch(r"\([^)]*\)", words):
        return Token(Kind.BEHALF, words.strip("()"))
    if _title_like(words):
        return Token(Kind.TITLE, _strip_joiners(words))
    title, qualifier, junk = _split_lead(words)
    if title and qualifier and not junk:  # "HKEX Head of Mainland Development"
        return Token(Kind.TITLE, _strip_joiners(words))
    if _continuation(words):
        return Token(Kind.MORE, words)
    # "Dean of X, Pine University and Academician of the Y": a second title of the same person,
    # after "and" and the organisation the first one goes on with
    if (second := re.fullmatch(r"(?P<head>.+?)\s+and\s+(?P<tail>.+)", words)) and \
            _title_like(second["tail"]) and (head := _classify(second["head"])) and head.kind is Kind.MORE:
        return Token(Kind.MORE, words)
    return Token(Kind.OTHER, words)


# "Mr A (Secretary for Commerce) for Hong Kong": the person's title in a bracket, then whom the
# person acts for
_BRACKET_TITLE = re.compile(r"\s*\((?P<title>[^()]+)\)\s+(?P<rest>(?:for|on behalf of|representing)\s.+)")


def _classified(words: str) -> list[Token]:
    if (bracket := _BRACKET_TITLE.fullmatch(words)) and _title_like(bracket["title"]):
        return [Token(Kind.TITLE, bracket["title"], bracketed=True), *_classified(bracket["rest"])]
    return [token] if (token := _classify(words)) else []


# "and other members of X", "along with senior officials": the others a list ends with, unnamed
_AND_OTHERS = re.compile(r"\s(?P<joiner>and|along\s+with|together\s+with|as\s+well\s+as)\s+"
                         r"(?=(?:other|senior|several|various)\s+[a-z])")


def _gap_tokens(gap: str, before_person: bool) -> list[Token]:
    """The words between two people (or around them), split at commas and semicolons outside
    brackets. A part that starts with "and" has a joiner first; in the part just before a person,
    its last "and" is the joiner, so "Director of the Institute of Internet and Things of X, and
    Dr Y" keeps its title whole and "the Chairman of A and Mr B" gives the joiner before Mr B."""
    parts: list[str] = []
    depth, start = 0, 0
    for i, ch in enumerate(gap):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch in ",;" and depth == 0:
            parts += [gap[start:i], ch]
            start = i + 1
    parts.append(gap[start:])
    found: list[Token] = []
    for n, part in enumerate(parts):
        if part in (",", ";"):
            found.append(Token(Kind.SEPARATOR, part))
            continue
        # "Mr A (front left) and HKGCC CEO Mr B": where a person stands in the photograph says
        # nothing, and the "and" after it opens the part
        part = " ".join(_PLACE_IN_PICTURE.sub(" ", part).split())
        if m := re.match(r"(?:and|&|as well as|(?:together|along) with)(?:\s+|$)", part, re.IGNORECASE):
            found.append(Token(Kind.JOINER, m.group(0).strip()))
            part = part[m.end():]
        # ("witnessed by Governor Pine along with other members of the Council": those others are no
        # one's name, and the title and surname before them are a person's)
        if others := _AND_OTHERS.search(part):
            found += _classified(part[:others.start()])
            found.append(Token(Kind.JOINER, others["joiner"]))
            part = part[others.end("joiner"):].strip()
        last = before_person and n == len(parts) - 1
        # "the Chairman of A and Mr B": the last "and" before a person joins them, when what
        # follows it is nothing or the person's title; "Educational, Scientific & Technological
        # Affairs of X Prof Li" keeps its "&" inside the title.
        # ("A, Pine Daily's deputy editor (right) and Larch Daily's editor B": a title after its
        # body's possessive, as a lead, is a title too)
        m = re.search(r"\s(?:and|&)(?:\s|$)(?!.*\s(?:and|&)\s)", part) if last else None
        if m and part[m.end():].strip() and not _title_like(part[m.end():]) and \
                getattr(_classify(part[m.end():]), "kind", None) is not Kind.TITLE:
            m = None
        if m:
            found += _classified(part[:m.start()])
            found.append(Token(Kind.JOINER, m.group(0).strip()))
            part = part[m.end():]
        found += _classified(part)
    return found


def tokens(text: str, parties: Parties, offset: int = 0) -> list[Token]:
    """The passage as people and the words around them. The words written right before a name
    (no comma between) are its lead: "Hong Kong Chief Executive John Lee" gives the title "Chief
    Executive" and the qualifier "Hong Kong"; a lead that is not a title is a token of its own."""
    found: list[Token] = []
    position = 0

    def gap_tokens(end: int, before_person: bool) -> list[Token]:
        gap = _gap_tokens(text[position:end], before_person)
        return [_surname(t, text, position, offset) or t for t in gap]

    for person in _anchors(text, parties):
        gap = gap_tokens(person.start, before_person=True)
        lead: tuple[str | None, str | None] = (None, None)
        if gap and gap[-1].kind in (Kind.TITLE, Kind.MORE, Kind.OTHER):
            title, qualifier, junk = _split_lead(gap[-1].text)
            if not junk:
                gap.pop()
                lead = (title, qualifier)
            elif title:  # "The conference was opened by the Chairman" : junk, then the title
                gap[-1] = Token(Kind.OTHER, gap[-1].text)
        found += gap
        position = person.end
        person.start += offset
        person.end += offset
        found.append(Token(Kind.PERSON, person=person, lead=lead))
    found += gap_tokens(len(text), before_person=False)
    return found


def _surname(token: Token, text: str, position: int, offset: int) -> Token | None:
    """"Governor Zhou": a title and one name word are a person named by surname, whom the text
    introduces in full elsewhere (`complete_person`)."""
    if token.kind is not Kind.TITLE:
        return None
    *title, name = token.text.split()
    # The word before the name is a title's own ("Governor Zhou"), never "of" ("Officer of Meridian").
    if not title or not _name_word(name) or not _is_title_word(title[-1]) or not all(
            _is_title_word(w) or w in ("of", "for", "the") for w in title):
        return None
    start = text.find(token.text, position)
    end = start + len(token.text)
    return Token(Kind.PERSON, person=Person(name, start=offset + end - len(name), end=offset + end),
                 lead=(" ".join(title), None))


# "Professor A of Ostland University": the body a person is of, right after the name (no comma)
_OF_BODY = re.compile(r"(?:of|from)\s+(?:[Tt]he\s+)?(?P<body>[A-Z].*)")


class _State(Enum):
    START = "start"  # nothing read yet, or a joiner: a person or a title comes next
    LEAD = "lead"  # a title written before its person ("the Chairman, Mr Li"): the person comes next
    NAMED = "named"  # a person without a title yet
    NAMED_COMMA = "named, comma"  # "Mr Li,": a title, a suffix or the next person comes next
    TITLED = "titled"  # a person and their title
    TITLED_COMMA = "titled, comma"  # "Mr Li, Chairman of X,": more of the title, or what follows


def read_people(text: str, parties: Parties, reading: Reading = Reading.LIST,
                offset: int = 0) -> list[Person]:
    """The people named in a passage, each with the title and party words the passage gives them,
    read token by token through the states above."""
    people: list[Person] = []
    state = _State.START
    pending: list[str] = []  # the title words of the person to come
    ahead: str | None = None  # "Representing X, the Commissioner, Ms A": whom the person to come acts for

    def not_people() -> bool:
        """Words that are not about people; True when the passage ends here."""
        nonlocal state, pending
        state, pending = _State.START, []
        if reading is Reading.SUBJECT:
            people.clear()
        return reading is Reading.LIST and bool(people)

    separator = ""  # the last comma or semicolon read
    for token in tokens(text, parties, offset):
        last = people[-1] if people else None
        if token.kind is Kind.SEPARATOR:
            separator = token.text
        if token.kind is Kind.PERSON:
            assert token.person is not None
            person = token.person
            title, qualifier = token.lead
            if title:
                person.title, person.qualifier = title, qualifier
            elif pending:
                person.title = ", ".join(pending)
            if ahead and not person.behalf:
                person.behalf, ahead = ahead, None
            people.append(person)
            pending = []
            state = _State.TITLED if person.title else _State.NAMED
        elif token.kind is Kind.SEPARATOR:
            state = {_State.NAMED: _State.NAMED_COMMA, _State.TITLED: _State.TITLED_COMMA}.get(state, state)
        elif token.kind is Kind.JOINER:
            state, pending = _State.START, []
        elif token.kind is Kind.SUFFIX and last and state is not _State.START:
            last.suffix = ", ".join(filter(None, (last.suffix, token.text)))
        elif token.kind is Kind.BEHALF and last and state not in (_State.LEAD, _State.START):
            last.behalf = token.text
        elif token.kind is Kind.BEHALF and state is _State.START:
            ahead = token.text
        elif token.kind is Kind.TITLE:
            # "witnessed by Mr A; the Chairman of X, Mr B": a title after a semicolon is the next
            # person's, written before them
            if (state is _State.NAMED_COMMA and last and last.title is None and separator != ";") or \
                    (token.bracketed and state is _State.NAMED and last and last.title is None):
                last.title, state = token.text, _State.TITLED
            elif state in (_State.START, _State.LEAD, _State.TITLED_COMMA, _State.NAMED_COMMA):
                pending, state = [token.text], _State.LEAD
            elif not_people():
                break
        elif token.kind is Kind.MORE and state in (_State.NAMED, _State.TITLED) and last and \
                not last.behalf and (whose := _OF_BODY.fullmatch(token.text)):
            last.behalf = whose["body"]  # "Professor A of Ostland University and Professor B of ..."
        elif token.kind in (Kind.OTHER, Kind.MORE) and state is _State.NAMED_COMMA and last and \
                _english_name(token.text, last.name):
            pass  # "Lau Hang-kun, Henrietta, Executive Director": her English name; the title follows
        elif token.kind is Kind.MORE and state is _State.LEAD and pending:
            pending.append(token.text)
        elif token.kind is Kind.MORE and state is _State.TITLED_COMMA and last and last.title:
            last.title += ", " + token.text
        elif not_people():
            break
    return people


def _english_name(word: str, name: str) -> bool:
    """Whether a word after a romanised Chinese name and its comma is the person's English given
    name, as Hong Kong writes it ("Lau Hang-kun, Henrietta"): one name's word, no title's."""
    return "-" in name.split()[-1] and bool(re.fullmatch(NAME_TOKEN, word)) and \
        not _is_title_word(word) and word.casefold() not in NOT_NAMES | ORG_WORDS


def titled_people(text: str, spans: Sequence[tuple[int, int]], parties: Parties) -> list[Person]:
    """Every person the text names with a title, wherever it names them ("Mr Song Ling'en,
    Secretary of the Party Committee of CAICT"), to complete a role list that gives names only."""
    found = []
    for s, e in spans:
        found += [p for p in read_people(text[s:e], parties, Reading.REGISTRY, s) if p.title or p.behalf]
    return found


def full_names_of(person: Person, registry: Sequence[Person]) -> set[str]:
    """The names of more than a word in `registry` that a one-word name is the first or last word
    of ("Lam": "Lam Sai-hung" and "Fred Lam"); none for a name of more words."""
    if len(person.name.split()) != 1:
        return set()
    token = person.key
    return {r.key for r in registry
            if len(r.key.split()) > 1 and token in (r.key.split()[0], r.key.split()[-1])}


def complete_person(person: Person, registry: Sequence[Person]) -> Person:
    """Fill in what a role list leaves out ("witnessed by Mr Song") from where the text introduced
    the person; a surname alone must point at exactly one person."""
    # (a surname alone is completed however fully its clause describes the person: "On Friday,
    # Silva, chair of X, signed")
    if person.title and (person.qualifier or person.behalf or person.honorific) and \
            len(person.name.split()) > 1:
        return person
    same = [r for r in registry if r.key == person.key]
    # (the one name of more than a word it is part of, over itself as another clause wrote it
    # alone: "Silva, chair of X" is the "Ana Silva, chair of X" introduced before)
    if len(names := full_names_of(person, registry)) == 1:
        same = [r for r in registry if r.key in names]
    if not same:
        return person
    known = same[0]
    return replace(person, name=known.name, honorific=person.honorific or known.honorific,
                   suffix=person.suffix or known.suffix, title=person.title or known.title,
                   qualifier=person.qualifier or known.qualifier, behalf=person.behalf or known.behalf)
