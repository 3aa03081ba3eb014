"""`mouarchive import`: the plain text of a press release or news item -> a draft document.

Everything here but `write_new` and `run_import` is a pure function of the text and the vocabularies
(parties.yaml, topics.yaml). The importer only writes down what the text states: a field it cannot
determine, or on which the text disagrees with itself, is left empty and marked `# REVIEW:` in the
draft; a derived date says how it was derived (`signed_derived_from`). People are signatories or
witnesses only where the text says they signed or witnessed, never because of their rank.

Regular expressions find the candidate phrases (datelines, signing sentences, people, parties);
dateparser turns date phrases into dates, relative ones ("on Sunday", "yesterday") against the
publication date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from dateparser.date import DateDataParser
from rich.console import Console

from .config import SiteConfig, load_config
from .errors import BuildError, ExitCode, Problem, Problems
from .load import MAX_FILE_BYTES, Vocabularies, load_content, load_vocabularies
from .model import PartialDate, Party
from .slugs import slugify

# --- the draft -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Note:
    """Something an editor must look at: the field it is about and what to check."""

    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.field}: {self.message}" if self.field else self.message


@dataclass(frozen=True)
class DraftPerson:
    """A signatory or witness as the text states them; `party` is a resolved party's label."""

    name: str
    honorific: str | None = None
    suffix: str | None = None
    title: str | None = None
    party: str | None = None
    note: str | None = None  # why the party (or title) is missing, for a REVIEW comment


@dataclass(frozen=True)
class ProposedParty:
    """An organisation the text names that parties.yaml does not know: an entry to add by hand."""

    id: str
    name: str
    acronym: str | None = None
    aliases: tuple[str, ...] = ()

    def yaml(self) -> str:
        """The entry as it would be written in parties.yaml, with the fields left to fill in."""
        lines = [f"- id: {self.id}", f"  name: {yaml_scalar(self.name)}"]
        if self.acronym:
            lines.append(f"  acronym: {yaml_scalar(self.acronym)}")
        if self.aliases:
            lines.append(f"  aliases: [{', '.join(yaml_scalar(a, flow=True) for a in self.aliases)}]")
        lines.append("  # kind, jurisdiction (ISO 3166), parent, url: fill in from the party's own site")
        return "\n".join(lines)


@dataclass(frozen=True)
class DraftAgreement:
    """The facts one agreement has in the text. Unknown parties are kept apart from `parties`."""

    id: str
    title: str | None = None
    instrument: str | None = None
    parties: tuple[str, ...] = ()  # labels that resolve through parties.yaml
    unknown_parties: tuple[str, ...] = ()  # names of parties parties.yaml does not know yet
    signed: PartialDate | None = None
    signed_from: str | None = None  # the phrase the date was read from
    signed_derived_from: str | None = None
    signatories: tuple[DraftPerson, ...] = ()
    witnesses: tuple[DraftPerson, ...] = ()
    notes: tuple[Note, ...] = ()


@dataclass(frozen=True)
class Draft:
    """Everything the importer found in one text, and what an editor must look at."""

    title: str | None
    kind: str
    published: PartialDate | None
    published_from: str | None  # the phrase the date was read from
    place: str | None
    publisher: str | None
    lang: str | None
    topics: tuple[str, ...]
    agreements: tuple[DraftAgreement, ...]
    body: str
    notes: tuple[Note, ...] = ()
    proposed_parties: tuple[ProposedParty, ...] = ()
    removed: tuple[str, ...] = ()  # lines left out of the body as site chrome or boilerplate
    source_name: str = ""

    @property
    def slug(self) -> str:
        return slugify(self.title or "untitled")

    @property
    def all_notes(self) -> tuple[Note, ...]:
        """The document's notes, then each agreement's, then each person's."""
        found = list(self.notes)
        for i, agreement in enumerate(self.agreements):
            prefix = "agreement" if len(self.agreements) == 1 else f"agreement[{i}]"
            found += [Note(f"{prefix}.{n.field}" if n.field else prefix, n.message)
                      for n in agreement.notes]
            for role in ("signatories", "witnesses"):
                for person in getattr(agreement, role):
                    if person.note:
                        found.append(Note(f"{prefix}.{role}", f"{person.name}: {person.note}"))
        return tuple(found)


# --- vocabulary of the text ----------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d{2}"
# A date with its year, as press releases write them; a weekday may stand in front.
_FULL_DATE = (rf"(?:{_WEEKDAY},?\s+)?(?:{_DAY}\s+{_MONTH},?\s+{_YEAR}|{_MONTH}\s+{_DAY},?\s+{_YEAR}|"
              rf"{_YEAR}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/{_YEAR})")
_DAY_MONTH = rf"(?:{_DAY}\s+{_MONTH}|{_MONTH}\s+{_DAY})(?!,?\s*\d)"  # no year after it
_MONTH_YEAR = rf"{_MONTH},?\s+{_YEAR}"
_RELATIVE = r"(?:today|yesterday|this (?:morning|afternoon|evening)|tonight|earlier today)"

_DASH = r"(?:[–—-]{1,2}|:)"
_PLACE = r"[A-Z][A-Za-z.'’]*(?:[ -][A-Z][A-Za-z.'’]*){0,3}"
# "Hong Kong, 11 September 2023 –", "11 September 2023, Hong Kong –",
# "NEW HARBOUR, Sept. 9, 2024 /PRNewswire/ --"; the dash (or the line's end) closes the dateline.
_DATELINE = re.compile(
    rf"^\(?\s*(?:(?P<place>{_PLACE}),\s*(?P<date>{_FULL_DATE}|{_DAY_MONTH})"
    rf"|(?P<date2>{_FULL_DATE}),\s*(?P<place2>{_PLACE}))\s*\)?\s*(?:\([^)]{{1,40}}\)\s*)?"
    rf"(?:/[^/\n]{{1,40}}/\s*)?(?:{_DASH}\s*|$)")
_PUBLISHED_LINE = re.compile(
    rf"^(?:Published|Posted|Issued|Release date|Date)(?:\s+(?:on|at))?\s*:?\s*(?P<date>{_FULL_DATE})\s*$",
    re.IGNORECASE)
_DATE_LINE = re.compile(rf"^(?:(?P<label>[A-Za-z ]{{1,30}}?)\s*[|:·•–-]\s*)?(?P<date>{_FULL_DATE})$")
_ENDS_DATE = re.compile(rf"^Ends\s*/\s*(?P<date>{_FULL_DATE})\s*$", re.IGNORECASE)

# Lines that are a site's chrome or a release's boilerplate, never the release's text.
_CHROME = [re.compile(p, re.IGNORECASE) for p in (
    r"(?:press|media|news) releases?|for immediate release|news|nnnn",
    r"categori[sz]ed in:.*", r"tags?:.*", r"filed under:?.*",
    r"learn more about .*", r"keep up with the latest .* by following .*", r"follow us on .*",
    r"share (?:this|on) .*", r"share this:?", r"subscribe to .*", r"read more .*",
    r"get daily .* news", r"your membership also unlocks:?", r"\d[\d,]*\+ .*", r".*\(no ads\)",
    r"personali[sz]ed .* learning plan", r"issued at hkt \d{1,2}:\d{2}",
    rf"(?:published|posted|updated|issued)(?: on| at)?(?::.*|\s+{_FULL_DATE})",
    r"[-–—]\s*ends?\s*[-–—]|ends|#{3}", r"ends\s*/.*",
)]
_CHROME_MAX = 150  # chrome is a short line; a longer one is the release's own text
_SOURCE_LINE = re.compile(r"^SOURCE\s+(?P<who>.+)$")  # PR Newswire's last line names the issuer
# After these the rest is adverts, contacts or footers: the release itself is over.
_CUT = re.compile(r"^(?:[-–—]\s*ends?\s*[-–—]|ends|ends\s*/.*|#{3}|get daily .* news|"
                  r"your membership also unlocks:?|(?:for )?media (?:contacts?|enquiries|inquiries):?.*|"
                  r"press contacts?:?.*|forward-looking statements?:?)$", re.IGNORECASE)
_ABOUT = re.compile(r"^About (?:the )?[A-Z][\w&.,' -]{1,80}$")
_KEEP_UP = re.compile(r"keep up with the latest (?P<who>.+?) news by following", re.IGNORECASE)

_HONORIFIC = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Ir|Madam)\.?"
_SUFFIXES = ("SC", "JP", "QC", "KC", "GBM", "GBS", "SBS", "BBS", "MH", "OBE", "MBE", "CBE", "KBE",
             "PhD")
_SUFFIX = "|".join(_SUFFIXES)
_NAME_TOKEN = r"(?:Mc|Mac|O'|O’)?[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-'’][A-Za-z]+)*"
_PARTICLE = r"(?:van|von|de|der|da|del|di|bin|binti)"
_NAME = rf"{_NAME_TOKEN}(?:\s+(?:{_PARTICLE}\s+)?{_NAME_TOKEN}){{0,3}}"
_HONORIFIC_PERSON = re.compile(
    rf"\b(?P<hon>{_HONORIFIC})\s+(?P<name>{_NAME})(?P<suffix>(?:,?\s+(?:{_SUFFIX})\b)*)")

# Words of a job title; a person's name is never made of them.
_TITLE_WORDS = _words("""
director director-general directors chairman chairwoman chairperson chair secretary
secretary-general president vice vice-president vice-chairman vice-chancellor chancellor deputy
chief executive head minister governor commissioner ceo cfo cto coo cio founder co-founder managing
general manager officer partner principal dean provost rector mayor premier consul consul-general
ambassador registrar controller member permanent under under-secretary senior assistant associate
acting leader representative counsellor adviser advisor spokesperson treasurer trustee convenor
professor administrator superintendent commander
""")
# Words of an organisation's or a place's name: a capitalised run ending in one is not a person.
_ORG_WORDS = _words("""
academy administration agency alliance association authority bank board bureau centre center chamber
club college commission committee company consortium corporation council court department district
exchange federation force foundation fund government group holdings hospital inc institute
laboratory lab limited ltd ministry office organisation organization park party plc region school
society trust university city province zone area bay plan
""")
_NOT_NAMES = _words("""
the this that these those both each it he she they we our their its his her in on at during after
before under according as and or but for with from by to of a an mainland china hong kong macao
macau beijing shanghai shenzhen guangdong singapore taiwan greater internet things press release
news memorandum understanding agreement cooperation signed sunday monday tuesday wednesday thursday
friday saturday january february march april may june july august september october november
december
""")

_INSTRUMENTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((kind, re.compile(pattern, flags)) for
                                                               kind, pattern, flags in (
    ("memorandum of understanding",
     r"\bmemorand(?:um|a) of understanding\b", re.IGNORECASE),
    ("memorandum of understanding", r"\bMo[Uu]s?\b|\bMOUs?\b", 0),
    ("memorandum of cooperation", r"\bmemorand(?:um|a) of co-?operation\b", re.IGNORECASE),
    ("memorandum of agreement", r"\bmemorand(?:um|a) of agreement\b", re.IGNORECASE),
    ("letter of intent", r"\bletters? of intent\b", re.IGNORECASE),
    ("cooperation agreement",
     r"\b(?:(?:strategic|comprehensive|framework)\s+)*(?:co-?operation|collaboration|partnership)"
     r"\s+(?:framework\s+)?agreements?\b", re.IGNORECASE),
    ("framework agreement", r"\b(?:strategic\s+)?framework\s+agreements?\b", re.IGNORECASE),
))
_COUNTED = re.compile(r"\b(?P<n>two|three|four|2|3|4)\s+(?:new\s+|separate\s+|cooperation\s+)?"
                      r"(?:memoranda|mo[u]s|agreements|accords|letters of intent)\b", re.IGNORECASE)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "2": 2, "3": 3, "4": 4}

_SIGN_VERB = re.compile(r"\b(?:sign(?:s|ed|ing)?|inked|entered into|entering into|enter into|concluded|"
                        r"cemented|formali[sz]ed|signatures?)\b", re.IGNORECASE)
_SIGNED_BY = re.compile(r"\b(?:(?:co-?)?signed|inked|formali[sz]ed)\s+"
                        r"(?:on behalf of (?:the\s+)?(?-i:[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*)\s+)?by\b|"
                        r"\bsignatures?\s+of\b|\bsignatories\s+(?:were|was|are|included)\b",
                        re.IGNORECASE)
_WITNESSED_BY = re.compile(r"\bwitnessed\s+by\b|\bin\s+the\s+presence\s+of\b|"
                           r"\bwitnesses\s+(?:were|was|are|included)\b", re.IGNORECASE)
_ACTIVE_ROLE = re.compile(r"\b(?:(?:have|has|had|jointly|officially|formally|then|also)\s+)*"
                          r"(?P<verb>signed|inked|witnessed)\b(?!\s+by\b)", re.IGNORECASE)
# Where a list of people in a role clause ends.
_CLAUSE_END = re.compile(
    rf",?\s+(?:who|which|whereas|while|during|after|before|following|marking|sealing|paving|"
    rf"in order to|in the presence of|witnessed by|at the (?:ceremony|event|signing)|"
    rf"to (?!the\b|a\b|an\b)[a-z]+|on (?={_WEEKDAY}|\d|{_MONTH}\b|the \d)|today|yesterday|"
    rf"this (?:morning|afternoon|evening))\b")
_BEHALF = re.compile(r"^(?:and\s+)?(?:on behalf of|representing|for)\s+(?P<who>.+)$", re.IGNORECASE)
# "Financial Services Development Council (FSDC)", "Meridian Robotics Limited ("Meridian")". A name
# has at most thirteen words, which also bounds the regex's work on long runs of capitals.
_DEFINITION = re.compile(
    r"(?P<name>(?:[A-Z][\w'’.&-]*)(?:,? (?:(?:of|for|and|on|in|de|du|des|&|of the|for the) )?"
    r"[A-Z][\w'’.&-]*){0,12}) ?\((?:the\s+)?"
    r"(?:[\"“](?P<short>[^\"”]{2,40})[\"”]|(?P<acr>[A-Z][A-Za-z]*[A-Z]))\)")
_PARTIES_TERM = re.compile(r"\((?:collectively|together|jointly)?,?\s*(?:the\s+)?[\"“]Parties[\"”]\)",
                           re.IGNORECASE)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

_PARSER_SETTINGS = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}


# --- the text, cleaned ---------------------------------------------------------------------------


def _plain(line: str) -> str:
    """A line without Markdown markup: headings, emphasis and link targets."""
    line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)
    line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
    line = re.sub(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1", r"\2", line)
    return line.replace("**", "").strip()


def _blocks(lines: Sequence[str]) -> list[list[str]]:
    """Paragraphs: runs of non-blank lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _is_chrome(line: str) -> bool:
    plain = _plain(line).strip(" *")
    return 0 < len(plain) <= _CHROME_MAX and any(p.fullmatch(plain) for p in _CHROME)


def _normal(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").split())


@dataclass
class _Text:
    """The release cut into its parts: title, body blocks, and the lines left out."""

    title: str | None
    title_block: int | None
    blocks: list[list[str]]  # the body, in Markdown, site chrome removed
    removed: list[str]
    published: list[tuple[str, str]] = field(default_factory=list)  # (phrase, how it was found)
    place: str | None = None
    place_recased: bool = False  # "NEW HARBOUR" written as "New Harbour"
    dateline: str | None = None  # the dateline as written, blanked out of the facts text
    kind_hint: str | None = None
    publisher_hint: str | None = None


_LINE_BREAKS = re.compile(r"\r\n?|[\x85\u2028\u2029]")
# Control characters, lone surrogates and non-characters: noise from a copy and paste, and YAML
# refuses them in the title.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")


def _clean_input(text: str) -> str:
    """One kind of line break, tabs as spaces, and nothing a YAML file cannot hold."""
    return _UNPRINTABLE.sub("", _LINE_BREAKS.sub("\n", text)).replace("\t", " ")


def _cut_text(text: str) -> _Text:
    """Find the title, datelines and date lines; drop site chrome and everything after the end mark."""
    lines = [line.rstrip() for line in _clean_input(text).split("\n")]
    cut = _Text(title=None, title_block=None, blocks=[], removed=[])
    kept: list[str] = []
    ended = False
    for line in lines:
        plain = _plain(line).strip(" *")
        if m := _ENDS_DATE.match(plain):
            cut.published.append((m["date"], f"'{plain}'"))
        if m := _PUBLISHED_LINE.match(plain):
            cut.published.append((m["date"], f"'{plain}'"))
            cut.kind_hint = cut.kind_hint or "news"
        if m := _SOURCE_LINE.match(plain):
            cut.publisher_hint = m["who"].strip()
        if m := _KEEP_UP.search(plain):
            cut.publisher_hint = cut.publisher_hint or re.sub(r"^the\s+", "", m["who"].strip())
        if re.fullmatch(r"(?:press|media|news) releases?|for immediate release", plain, re.IGNORECASE):
            cut.kind_hint = "press-release"
        if re.match(r"categori[sz]ed in:", plain, re.IGNORECASE):
            cut.kind_hint = cut.kind_hint or "news"
        if ended:
            if plain:
                cut.removed.append(plain)
            continue
        if plain and _CUT.fullmatch(plain):
            ended = True
            cut.removed.append(plain)
            continue
        if _is_chrome(line):
            cut.removed.append(plain)
            kept.append("")  # the chrome line still separates paragraphs
            continue
        kept.append(line)
    blocks = _blocks(kept)
    # The title is the first paragraph that is not a date line; a news label such as
    # "News | 15 January 2025" is read as the publication date.
    for i, block in enumerate(blocks[:4]):
        joined = " ".join(_plain(b) for b in block)
        if m := _DATE_LINE.fullmatch(joined):
            cut.published.append((m["date"], f"'{joined}'"))
            if m["label"] and m["label"].strip().casefold() == "news":
                cut.kind_hint = cut.kind_hint or "news"
            blocks[i] = []
            continue
        # A headline is short and is not a sentence; a first paragraph that is one is body text.
        if cut.title is not None or _DATELINE.match(joined) or len(joined) > 250 or \
                joined.rstrip("\"”’'").endswith((".", ":")):
            break
        cut.title, cut.title_block = joined, i
    body: list[list[str]] = []
    for i, block in enumerate(blocks):
        if not block or i == cut.title_block:
            continue
        joined = " ".join(_plain(b) for b in block)
        if cut.title and _normal(joined) == _normal(cut.title):
            cut.removed.append(joined)  # the headline repeated by the page
            continue
        body.append(block)
    for block in body[:3]:
        joined = " ".join(_plain(b) for b in block)
        if m := _DATELINE.match(joined):
            place = (m["place"] or m["place2"]).strip()
            cut.place_recased = place.isupper() and len(place) > 3
            cut.place = place.title() if cut.place_recased else place
            cut.dateline = m.group(0)
            if re.search(r"/[^/]+/", m.group(0)):  # "/PRNewswire/": a newswire carries press releases
                cut.kind_hint = cut.kind_hint or "press-release"
            cut.published.append((m["date"] or m["date2"], f"the dateline '{m.group(0).strip(' –—-:')}'"))
            break
    cut.blocks = body
    return cut


# --- sentences -----------------------------------------------------------------------------------

_ABBREVIATIONS = _words("""
mr mrs ms dr prof st no inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec vs etc e.g
i.e u.s ir hon
""")
_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")


def _mask_quotes(text: str) -> str:
    """Blank out quotations of five words or more, keeping offsets: what a person says in a
    quotation is not the release stating a fact ("our strategic cooperation agreement")."""
    def blank(m: re.Match[str]) -> str:
        return " " * len(m.group(0)) if len(m.group(0).split()) >= 5 else m.group(0)
    return _QUOTED.sub(blank, text)


def _sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; paragraphs (blank lines) always end one."""
    spans = []
    start = 0
    for m in re.finditer(r"(?<=[.!?])[\"”')\]]*\s+(?=[\"“(\[]?[A-Z0-9])|\n\s*\n", text):
        before = text[start:m.start()].rstrip(".!?\"”')]")
        last = before.rsplit(None, 1)[-1].casefold() if before.split() else ""
        if m.group(0).strip() == "" and "\n\n" not in m.group(0) and (
                last in _ABBREVIATIONS or re.fullmatch(r"[a-z]", last)):
            continue
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


# --- dates ---------------------------------------------------------------------------------------

_CANDIDATE = re.compile(
    rf"(?<![\w/-])(?:(?P<full>{_FULL_DATE})|(?P<my>{_MONTH_YEAR})|(?P<dm>{_DAY_MONTH})|"
    rf"(?:(?:in|during)\s+(?P<year>{_YEAR}))|(?P<wd>{_WEEKDAY})|(?P<rel>{_RELATIVE}))(?![\w/-])",
    re.IGNORECASE)
# A date after these words bounds a term or names another event; it is not the signing date.
_NOT_SIGNING = re.compile(r"\b(?:from|until|till|through|effective(?:\s+(?:from|on))?|expir\w*|valid\w*|"
                          r"since|before|after|between|to|by the end of|published|dated|announced|said|"
                          r"stated|reported|revealed)\s+(?:on\s+)?$", re.IGNORECASE)
# "announced today that they signed ... yesterday": a date before a reporting verb dates the report.
_REPORTING = re.compile(r"^\s+(?:announced|said|says|stated|reported|revealed|confirmed)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Date:
    date: PartialDate
    phrase: str
    derived: str | None = None  # how the date was worked out, when the text does not give it whole


@functools.lru_cache(maxsize=64)  # a parser is costly to set up; a text needs two or three
def _parser(base: dt.date | None, order: str | None = None) -> DateDataParser:
    settings: dict[str, object] = dict(_PARSER_SETTINGS)
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    if order:
        settings["DATE_ORDER"] = order
    return DateDataParser(languages=["en"], settings=settings)


def _as_date(partial: PartialDate) -> dt.date | None:
    if partial.month is None or partial.day is None:
        return None
    return dt.date(partial.year, partial.month, partial.day)


def _iso_day(day: dt.date) -> str:
    return f"{day.isoformat()} (a {day.strftime('%A')})"


def resolve_date(phrase: str, published: PartialDate | None = None) -> _Date | str:
    """A date phrase as a date, or the reason it cannot be one.

    Phrases without a year ("Sunday", "yesterday", "26 March") are worked out against the
    publication date, and the result says how; a numeric date that reads both ways (3/4/2025) is
    ambiguous and is not resolved.
    """
    text = " ".join(phrase.split())
    kind = _CANDIDATE.fullmatch(text)
    group = kind.lastgroup if kind else "full"
    base = _as_date(published) if published else None
    order = None
    if numeric := re.fullmatch(r"(?:\w+,?\s+)?(\d{1,2})/(\d{1,2})/(\d{4})", text):
        first, second = int(numeric[1]), int(numeric[2])
        if first <= 12 and second <= 12 and first != second:
            return f"'{text}' reads as day/month or as month/day"
        order = "DMY" if first > 12 else "MDY"
    needs_base = group in ("dm", "wd", "rel")
    if needs_base and base is None:
        return f"'{text}' has no year and there is no publication date to work it out from"
    data = _parser(base, order).get_date_data(text)
    if data.date_obj is None:
        return f"'{text}' could not be read as a date"
    got = data.date_obj.date()
    if group == "year":
        year = int(kind["year"]) if kind else got.year
        return _Date(PartialDate(year), text)
    if group == "my" or data.period == "month":
        return _Date(PartialDate(got.year, got.month), text)
    if data.period not in ("day", "time"):
        return f"'{text}' is not a single day"
    date = PartialDate(got.year, got.month, got.day)
    if group == "full":
        weekday = re.match(_WEEKDAY, text, re.IGNORECASE)
        if weekday and weekday.group(0).casefold() != got.strftime("%A").casefold():
            return f"'{text}': {got.isoformat()} is a {got.strftime('%A')}, not a {weekday.group(0)}"
        return _Date(date, text)
    assert base is not None
    if got > base:
        return f"'{text}' falls after the publication date {base.isoformat()}"
    if group == "wd":
        if got.weekday() == base.weekday() or (base - got).days > 7:
            # A release dated on a Sunday that says "on Sunday" may mean that day or a week before.
            return f"'{text}' in a release published on {_iso_day(base)}: that day or a week before?"
        return _Date(date, text, f"'{text}' before the publication date {_iso_day(base)}")
    if group == "dm":
        if (base - got).days > 31:
            return (f"'{text}' has no year; the last one before the publication date {base.isoformat()} "
                    f"is {got.isoformat()}, more than a month earlier")
        return _Date(date, text, f"'{text}' with no year stated: the last one on or before the "
                                 f"publication date {base.isoformat()}")
    if got == base:
        return _Date(date, text, f"'{text}' in a release published {base.isoformat()}")
    return _Date(date, text, f"'{text}' before the publication date {base.isoformat()}")


def _merge_dates(found: Sequence[_Date]) -> tuple[_Date | None, list[str]]:
    """One date from several phrases, or the disagreement. A month agrees with a day within it."""
    if not found:
        return None, []
    precise = sorted(found, key=lambda d: (d.date.day is None, d.date.month is None))
    best = precise[0]
    clashes = [d for d in found if not _within(best.date, d.date)]
    if clashes:
        return None, sorted({f"{d.phrase} -> {d.date.iso}" for d in found})
    same = [d for d in found if d.date == best.date]
    phrases = list(dict.fromkeys(d.phrase for d in same))
    derived = [d.derived for d in same if d.derived]
    if any(d.derived is None for d in same):
        derived = []  # a phrase states the date in full: nothing to explain
    return _Date(best.date, " / ".join(phrases), derived[0] if derived else None), []


def _within(day: PartialDate, other: PartialDate) -> bool:
    """True when `other` is `day` or a coarser date that contains it."""
    if other.year != day.year:
        return False
    if other.month is None:
        return True
    return other.month == day.month and (other.day is None or other.day == day.day)


def _signing_dates(text: str, spans: Iterable[tuple[int, int]],
                   published: PartialDate | None) -> tuple[list[_Date], list[str]]:
    """Date phrases in signing sentences, resolved; and the phrases that could not be."""
    found: list[_Date] = []
    problems: list[str] = []
    for start, end in spans:
        sentence = text[start:end]
        if not _SIGN_VERB.search(sentence):
            continue
        for m in _CANDIDATE.finditer(sentence):
            if _NOT_SIGNING.search(sentence[max(0, m.start() - 30):m.start()]) or \
                    _REPORTING.match(sentence[m.end():]):
                continue
            phrase = " ".join(m.group(0).split())
            # "today (March 27)" states one day twice; both phrases are checked against each other.
            resolved = resolve_date(phrase, published)
            if isinstance(resolved, str):
                problems.append(resolved)
            else:
                found.append(resolved)
    return found, problems


# --- parties -------------------------------------------------------------------------------------


def _initials(words: Sequence[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def _is_subsequence(short: str, long: str) -> bool:
    letters = iter(long)
    return all(ch in letters for ch in short)


def _trim_name(name: str, acronym: str | None) -> str:
    """The organisation's name in a definition, without what the pattern caught before it."""
    name = re.split(r"['’]s\s+", name)[-1]  # "Hong Kong's Innovation ... Bureau"
    name = re.sub(r"^(?:The|the)\s+", "", name.strip())
    words = name.split()
    if acronym:
        letters = "".join(ch for ch in acronym if ch.isupper())
        starts = [i for i, w in enumerate(words)
                  if w[:1] == letters[:1] and _is_subsequence(letters, _initials(words[i:]))]
        if starts:
            return " ".join(words[starts[-1]:]).rstrip(",")
    return name.rstrip(",")


@dataclass
class _Parties:
    """Finds the parties a text names: from parties.yaml, and the ones it defines that are new."""

    vocab: Vocabularies
    labels: dict[str, str] = field(default_factory=dict)  # party id -> how the draft writes it
    surfaces: dict[str, str] = field(default_factory=dict)  # text -> "id" or "new:id"
    proposals: dict[str, ProposedParty] = field(default_factory=dict)
    pattern: re.Pattern[str] | None = None
    lookup: dict[str, str] = field(default_factory=dict)  # normalised surface -> key

    @classmethod
    def build(cls, vocab: Vocabularies, text: str) -> _Parties:
        self = cls(vocab)
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
            known = vocab.party_names.resolve(name) or vocab.party_names.resolve(short)
            if known:
                self.surfaces.setdefault(name, known)
                self.surfaces.setdefault(short, known)
                continue
            words = {w.casefold().rstrip(".,") for w in name.split()}
            if not words & _ORG_WORDS or short in self.surfaces:
                continue  # "Internet of Things (IoT)": a term, not an organisation
            ident = slugify(short)
            if ident in by_id or ident in self.proposals:
                ident = slugify(name)
            self.proposals[ident] = ProposedParty(
                id=ident, name=name, acronym=m["acr"], aliases=(short,) if m["short"] else ())
            self.surfaces.setdefault(name, f"new:{ident}")
            self.surfaces.setdefault(short, f"new:{ident}")
        alternatives = []
        for surface in sorted(self.surfaces, key=len, reverse=True):
            escaped = re.escape(surface).replace("'", "['’]")
            # Acronyms match as written ("CAC", not "cac"); names in any case.
            short = " " not in surface and len(surface) <= 8 and any(c.isupper() for c in surface[1:])
            alternatives.append(escaped if short or surface.isupper() else f"(?i:{escaped})")
        if alternatives:
            self.pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])")
        self.lookup = {_normal(k): v for k, v in self.surfaces.items()}
        return self

    def find(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, key) of every party named in `text`; key is an id or 'new:<id>'."""
        if self.pattern is None:
            return []
        found = []
        for m in self.pattern.finditer(text):
            key = self.lookup.get(_normal(m.group(0)))
            if key:
                found.append((m.start(), m.end(), key))
        return found

    def name_of(self, key: str) -> str:
        if key.startswith("new:"):
            return self.proposals[key[4:]].name
        return self.labels.get(key, key)


# --- people --------------------------------------------------------------------------------------

_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_BEFORE_THINGS = _words("""
the of for at in on to from under into a an its their our
""")


@dataclass
class _Person:
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
        return _normal(self.name)


def _bare(word: str) -> str:
    return re.sub(r"['’]s$", "", word).casefold()


def _is_title_word(word: str) -> bool:
    bare = _bare(word)
    return bare in _TITLE_WORDS or (bare.split("-")[0] in _TITLE_WORDS and "-" in bare)


def _name_word(word: str) -> bool:
    return bool(re.fullmatch(_NAME_TOKEN, word)) and _bare(word) not in _TITLE_WORDS | _ORG_WORDS | \
        _NOT_NAMES


def _anchors(segment: str, parties: _Parties) -> list[_Person]:
    """The people a stretch of text names: after an honorific, or as two to four name words that
    are neither a title, an organisation, a place nor a party ("Zhuang Rongwen", "John Lee")."""
    found: list[_Person] = []
    taken: list[tuple[int, int]] = []  # in order, not overlapping
    for m in _HONORIFIC_PERSON.finditer(segment):
        honorific = m["hon"].rstrip(".")
        suffix = ", ".join(re.findall(_SUFFIX, m["suffix"])) or None
        found.append(_Person(m["name"], "Prof" if honorific == "Professor" else honorific, suffix,
                             start=m.start(), end=m.end()))
        taken.append((m.start(), m.end()))
    words = [(w.start(), w.end(), w.group(0)) for w in _WORD.finditer(segment)]
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
        is_org = _bare(nxt) in _ORG_WORDS or prev in _BEFORE_THINGS or parties.find(text) or \
            text.endswith(("'s", "’s"))
        # "Kestrel Cloud President Ana Silva": a name run followed by a title and another name is
        # the organisation the title belongs to.
        k = j + 1
        while k < len(words) and _is_title_word(words[k][2]):
            k += 1
        before_person = k > j + 1 and k < len(words) and _name_word(words[k][2])
        if 2 <= len(run) <= 4 and not is_org and not before_person:
            found.append(_Person(text, start=run[0][0], end=run[-1][1]))
        i = j + 1
    return sorted(found, key=lambda p: p.start)


def _strip_joiners(text: str) -> str:
    return re.sub(r"^(?:(?:and|&|both|the|by|as well as)(?:\s+|$))+", "", text.strip(" ,;.:"),
                  flags=re.IGNORECASE).strip()


def _is_suffix(text: str) -> bool:
    return bool(text) and all(w in _SUFFIXES for w in re.split(r"[\s,]+", text.strip(" ,.")) if w)


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


def parse_people(text: str, parties: _Parties, mode: str = "list", offset: int = 0) -> list[_Person]:
    """The people named in a passage, each with the title and party words the passage gives them.

    `mode` says what the passage is: "list" follows a role phrase ("signed by ...") and stops at
    the first words that are not a person, title or party; "subject" comes before a verb ("X and Y
    signed"), so words that are not people drop whoever came before them ("Mr A said that Dr B");
    "registry" reads any sentence for people and their titles.
    """
    people: list[_Person] = []
    current: _Person | None = None  # the last person, while a title may still follow
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


# --- roles and agreements ------------------------------------------------------------------------


@dataclass
class _Role:
    """A passage that says people signed or witnessed: who, in which sentence, over which span."""

    role: str  # "signatories" or "witnesses"
    people: list[_Person]
    sentence: int
    start: int
    end: int


def _role_clauses(text: str, spans: Sequence[tuple[int, int]], parties: _Parties) -> list[_Role]:
    roles: list[_Role] = []
    for index, (s, e) in enumerate(spans):
        sentence = text[s:e]
        triggers = sorted([(m, "signatories") for m in _SIGNED_BY.finditer(sentence)] +
                          [(m, "witnesses") for m in _WITNESSED_BY.finditer(sentence)],
                          key=lambda t: t[0].start())
        covered: list[tuple[int, int]] = []
        for n, (m, role) in enumerate(triggers):
            end = triggers[n + 1][0].start() if n + 1 < len(triggers) else len(sentence)
            if stop := _CLAUSE_END.search(sentence, m.end(), end):
                end = stop.start()
            people = parse_people(sentence[m.end():end], parties, "list", s + m.end())
            covered.append((m.start(), end))
            if people:
                roles.append(_Role(role, people, index, s + m.start(), s + end))
        previous = 0  # the subject of a verb starts after the verb before it
        for m in _ACTIVE_ROLE.finditer(sentence):
            begin = max([previous] + [c_end for _, c_end in covered if c_end <= m.start()])
            previous = m.end()
            people = parse_people(sentence[begin:m.start()], parties, "subject", s + begin)
            role = "witnesses" if m["verb"].casefold() == "witnessed" else "signatories"
            if people:
                roles.append(_Role(role, people, index, s + begin, s + m.end()))
    return sorted(roles, key=lambda r: r.start)


def _registry(text: str, spans: Sequence[tuple[int, int]], parties: _Parties) -> list[_Person]:
    """Every person the text names with a title, wherever it names them ("Mr Song Ling'en,
    Secretary of the Party Committee of CAICT"), to complete a role list that gives names only."""
    found = []
    for s, e in spans:
        found += [p for p in parse_people(text[s:e], parties, "registry", s) if p.title or p.behalf]
    return found


def _complete(person: _Person, registry: Sequence[_Person]) -> _Person:
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


def _ancestors(party: str, by_id: dict[str, Party]) -> set[str]:
    found: set[str] = set()
    current: str | None = party
    while current and current not in found:
        found.add(current)
        current = by_id[current].parent if current in by_id else None
    return found


def _draft_person(person: _Person, parties: _Parties, allowed: set[str], used: set[str]) -> DraftPerson:
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
        mentions = parties.find(words)
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


def _instrument_mentions(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, words) of each instrument named, the longest where two overlap."""
    found = []
    for kind, pattern in _INSTRUMENTS:
        found += [(m.start(), m.end(), kind, m.group(0)) for m in pattern.finditer(text)]
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple[int, int, str, str]] = []
    for item in found:
        if kept and item[0] < kept[-1][1]:
            continue
        kept.append(item)
    return kept


def _is_acronym(words: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Za-z]*[A-Z]s?", words))


def _instrument(mentions: Sequence[tuple[int, int, str, str]]) -> tuple[str | None, list[str]]:
    """The instrument most of the mentions name, in the words of its first full mention, and the
    other names the text gives it (for review)."""
    if not mentions:
        return None, []
    counts: dict[str, int] = {}
    for _, _, kind, _ in mentions:
        counts[kind] = counts.get(kind, 0) + 1
    kind = max(counts, key=lambda k: counts[k])  # ties: the first named, as dicts keep order
    words = [w for _, _, k, w in mentions if k == kind]
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
        if m and not re.match(rf"(?:{_WEEKDAY}|{_MONTH})\b", m[1]):
            return text[start:m.end(1)]
    return None


def _counted(text: str) -> int:
    return max((_NUMBERS[m["n"].casefold()] for m in _COUNTED.finditer(text)), default=1)


def _outside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return not any(s <= start and end <= e for s, e in spans)


# --- topics --------------------------------------------------------------------------------------


def _topics(text: str, vocab: Vocabularies) -> tuple[str, ...]:
    """Topics whose name or alias the text uses, in the order it first uses them. "digital and
    green finance" names both "digital finance" and "green finance"."""
    surfaces: dict[str, str] = {}
    for topic in vocab.topics:
        for name in (topic.name, *topic.aliases, *(n for _, n in topic.names)):
            if vocab.topic_names.resolve(name) == topic.id:
                surfaces.setdefault(name, topic.id)
    if not surfaces:
        return ()
    alternatives = [re.escape(s) if s.isupper() else f"(?i:{re.escape(s)})"
                    for s in sorted(surfaces, key=len, reverse=True)]
    pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?!\w)")  # "blockchain-based" counts
    lookup = {_normal(k): v for k, v in surfaces.items()}
    seen: dict[str, tuple[int, int]] = {}
    texts = [(0, text)] + [
        (m.start(), f"{m[1]} {m[3]} / {m[2]} {m[3]}")
        for m in re.finditer(r"\b([\w-]+) and ([\w-]+) ([\w-]+)\b", text)]
    for offset, chunk in texts:
        for m in pattern.finditer(chunk):
            ident = lookup.get(_normal(m.group(0)))
            if ident:
                where = (m.start(), 0) if offset == 0 else (offset, m.start())
                seen[ident] = min(seen.get(ident, where), where)
    names = {t.id: t.name for t in vocab.topics}
    ordered = sorted(seen, key=lambda i: seen[i])
    return tuple(names[i][:1].lower() + names[i][1:] if names[i][1:2].islower() else names[i]
                 for i in ordered)


# --- the draft, from the text --------------------------------------------------------------------


@dataclass
class _Reading:
    """The text prepared for reading facts, and what was read from it that every agreement uses."""

    facts: str  # headline and body up to "About ...", dateline and quotations blanked
    spans: list[tuple[int, int]]  # its sentences
    parties: _Parties
    roles: list[_Role]
    published: PartialDate | None
    signing_sentences: list[int]
    used: set[str] = field(default_factory=set)  # the proposed parties the draft needs

    def sentence(self, index: int) -> str:
        start, end = self.spans[index]
        return self.facts[start:end]


def _facts_text(cut: _Text) -> str:
    """The headline and the body up to the "About ..." notes on the organisations, with the
    dateline blanked: its date is the publication date, not the signing date."""
    blocks = [cut.title] if cut.title else []
    for block in cut.blocks:
        joined = " ".join(_plain(line) for line in block)
        if _ABOUT.fullmatch(joined):
            break
        blocks.append(joined)
    full = "\n\n".join(blocks)
    if cut.dateline:
        full = full.replace(cut.dateline, " " * len(cut.dateline), 1)
    return full


def _publication(cut: _Text, notes: list[Note]) -> tuple[PartialDate | None, str | None]:
    """The publication date, and the words it was read from, if every date line agrees."""
    stated = []
    for phrase, how in cut.published:
        resolved = resolve_date(phrase)
        if isinstance(resolved, str):
            notes.append(Note("published", f"{how}: {resolved}"))
        else:
            stated.append(replace(resolved, phrase=how))
    merged, clashes = _merge_dates(stated)
    if clashes:
        notes.append(Note("published", "the text gives different publication dates: " + "; ".join(clashes)))
        return None, None
    if merged is None:
        if not cut.published:
            notes.append(Note("published", "publication date not found"))
        return None, None
    return merged.date, merged.phrase


def _agreement_parties(reading: _Reading, own: Sequence[tuple[int, int]], people: Sequence[_Person],
                       separate: bool, notes: list[Note]) -> list[str]:
    """Keys of the parties (ids, or 'new:<id>'): the ones the sentences about the signing or the
    instrument name outside the passages about people (their titles name organisations too);
    where the text defines "the Parties", the ones named before the definition; else the
    organisations the signatories act for."""
    facts, parties = reading.facts, reading.parties
    keys: list[str] = []
    defined = _PARTIES_TERM.search(facts)
    if defined and not separate:
        start = max((s for s, _ in reading.spans if s <= defined.start()), default=0)
        keys = [k for _, _, k in parties.find(facts[start:defined.start()])]
    else:
        role_spans = [(r.start, r.end) for r in reading.roles]
        keys = [key for s, e in own for a, b, key in parties.find(facts[s:e])
                if _outside(role_spans, s + a, s + b)]
    if not keys:
        for person in people:
            for words in (person.behalf, person.title, person.qualifier):
                if words and (found := parties.find(words)):
                    keys.append(found[-1][2])
                    break
        if keys:
            notes.append(Note("parties", "no sentence names the parties: these are the organisations "
                                         "the signatories act for"))
    keys = list(dict.fromkeys(keys))
    for key in keys:
        if key.startswith("new:"):
            reading.used.add(key[4:])
            notes.append(Note("parties", f"'{parties.name_of(key)}' is not in parties.yaml: add the "
                                         "proposed entry there, then add the party here"))
    if not keys:
        notes.append(Note("parties", "no party found"))
    return keys


def _signing_date(reading: _Reading, own: Sequence[tuple[int, int]], shared: Sequence[tuple[int, int]],
                  notes: list[Note]) -> _Date | None:
    """The signing date from the agreement's own sentences, else from the shared ones."""
    found, unreadable = _signing_dates(reading.facts, own, reading.published)
    if not found and shared:
        found, unreadable = _signing_dates(reading.facts, shared, reading.published)
    signed, clashes = _merge_dates(found)
    notes += [Note("signed", reason) for reason in unreadable]
    if clashes:
        notes.append(Note("signed", "the text gives different signing dates: " + "; ".join(clashes)))
    elif signed is None and not unreadable:
        notes.append(Note("signed", "signing date not found"))
    return signed


_BOTH = re.compile(r"\b(?:both|all|the two|each of the|agreements|memoranda|MOUs)\b", re.IGNORECASE)


def _agreements(reading: _Reading, vocab: Vocabularies, existing: dict[str, str],
                notes: list[Note]) -> list[DraftAgreement]:
    """One agreement, or one per signing passage where the text speaks of several agreements and
    gives each its own signing sentence (then each has its own instrument, parties and people)."""
    signings = [r for r in reading.roles if r.role == "signatories"]
    witnessing = [r for r in reading.roles if r.role == "witnesses"]
    count = _counted(reading.facts)
    separate = count >= 2 and len({r.sentence for r in signings}) >= 2
    groups: list[list[_Role]] = [signings]
    if separate:
        by_sentence: dict[int, list[_Role]] = {}
        for role in signings:
            by_sentence.setdefault(role.sentence, []).append(role)
        groups = list(by_sentence.values())
    if count >= 2 and len(groups) != count:
        notes.append(Note("agreement", f"the text speaks of {count} agreements; the importer told apart "
                                       f"{len(groups)}: add or split them by hand"))
    by_id = {p.id: p for p in vocab.parties}
    own_sentences = {r.sentence for group in groups for r in group} if separate else set()
    all_mentions = _instrument_mentions(reading.facts)
    agreements: list[DraftAgreement] = []
    for n, group in enumerate(groups):
        a_notes: list[Note] = []
        if separate:
            own = [reading.spans[i] for i in sorted({r.sentence for r in group})]
        else:
            own = [(s, e) for i, (s, e) in enumerate(reading.spans)
                   if i in reading.signing_sentences or _instrument_mentions(reading.facts[s:e])]

        mentions = all_mentions
        if separate:
            mentions = [(a + s, b + s, k, w) for s, e in own
                        for a, b, k, w in _instrument_mentions(reading.facts[s:e])] or all_mentions
        instrument, others = _instrument(mentions)
        if instrument is None:
            a_notes.append(Note("instrument", "the text names no instrument (MOU, cooperation "
                                              "agreement ...)"))
        elif others and not separate:
            a_notes.append(Note("instrument", "the text also calls it "
                                + ", ".join(f"'{o}'" for o in others)))

        keys = _agreement_parties(reading, own, [p for r in group for p in r.people], separate, a_notes)
        known = [k for k in keys if not k.startswith("new:")]
        allowed = {a for key in known for a in _ancestors(key, by_id)}

        def listed(roles: Iterable[_Role], allowed: set[str] = allowed) -> tuple[DraftPerson, ...]:
            # A person named twice in one role is listed once, as first named.
            people: dict[str, DraftPerson] = {}
            for role in roles:
                for person in role.people:
                    if person.key not in people:
                        people[person.key] = _draft_person(person, reading.parties, allowed, reading.used)
            return tuple(people.values())

        # A witness passage belongs to every agreement when it says so ("both agreements"), else
        # to the agreement signed last before it.
        mine = [r for r in witnessing if not separate or _BOTH.search(reading.sentence(r.sentence)) or
                max([i for i, g in enumerate(groups) if g[0].start <= r.start], default=0) == n]
        signatories, witnesses = listed(group), listed(mine)
        for name in sorted({p.name for p in signatories} & {p.name for p in witnesses}):
            a_notes.append(Note("witnesses", f"{name} is named both as a signatory and as a witness"))
        if not signatories:
            a_notes.append(Note("signatories", "the text does not say who signed"))

        shared = [reading.spans[i] for i in reading.signing_sentences if i not in own_sentences]
        signed = _signing_date(reading, own if separate else shared, shared if separate else [], a_notes)

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
            unknown_parties=tuple(reading.parties.name_of(k) for k in keys if k.startswith("new:")),
            signed=signed.date if signed else None, signed_from=signed.phrase if signed else None,
            signed_derived_from=signed.derived if signed else None,
            signatories=signatories, witnesses=witnesses, notes=tuple(a_notes),
        ))
    return agreements


def draft_from_text(text: str, vocab: Vocabularies, source_name: str = "",
                    existing: dict[str, str] | None = None) -> Draft:
    """Read a press release or news item into a draft document; pure: no files are touched.

    `existing` maps agreement ids already in the archive to a document that describes them, so a
    draft whose id is taken says so.
    """
    cut = _cut_text(text)
    notes: list[Note] = []
    if cut.title is None:
        notes.append(Note("title", "no headline found at the top of the text"))
    published, published_from = _publication(cut, notes)
    if cut.place is None:
        notes.append(Note("place", "no dateline with a place found"))
    elif cut.place_recased:
        notes.append(Note("place", f"written in capitals in the dateline; check the spelling '{cut.place}'"))

    full = _facts_text(cut)
    facts = _mask_quotes(full)  # a quotation is someone's words, not the release's statement
    spans = _sentences(facts)
    parties = _Parties.build(vocab, facts)
    roles = _role_clauses(facts, spans, parties)
    registry = _registry(facts, spans, parties)
    for role in roles:
        role.people = [_complete(p, registry) for p in role.people]
    reading = _Reading(facts=facts, spans=spans, parties=parties, roles=roles, published=published,
                       signing_sentences=[i for i, (s, e) in enumerate(spans)
                                          if _SIGN_VERB.search(facts[s:e])])
    agreements = _agreements(reading, vocab, existing or {}, notes)

    kind = cut.kind_hint or "press-release"
    if cut.kind_hint is None:
        notes.append(Note("kind", "not stated; press-release assumed (news is for a news report)"))
    publisher = None
    if cut.publisher_hint:
        ident = vocab.party_names.resolve(cut.publisher_hint)
        publisher = parties.labels.get(ident, cut.publisher_hint) if ident else cut.publisher_hint
    else:
        notes.append(Note("publisher", "not stated: add the party or outlet that published it"))
    letters = [ch for ch in full if ch.isalpha()]
    lang: str | None = "en"
    if letters and sum(bool(_CJK.match(ch)) for ch in letters) > len(letters) / 5:
        lang = None
        notes.append(Note("lang", "the text is Chinese: set lang to zh-Hant or zh-Hans"))
    topics = _topics(full, vocab)
    if not topics:
        notes.append(Note("topics", "no topic of topics.yaml found in the text"))
    body = "\n\n".join("\n".join(line.rstrip() for line in block) for block in cut.blocks).strip()
    if not body:
        notes.append(Note("body", "no text left after the headline"))
    return Draft(
        title=cut.title, kind=kind, published=published, published_from=published_from,
        place=cut.place, publisher=publisher, lang=lang, topics=topics, agreements=tuple(agreements),
        body=body, notes=tuple(notes),
        proposed_parties=tuple(p for ident, p in parties.proposals.items() if ident in reading.used),
        removed=tuple(cut.removed), source_name=source_name,
    )


# --- the draft, as a document --------------------------------------------------------------------

_PLAIN_SCALAR = re.compile(r"[A-Za-z0-9(][^\n]*")


def yaml_scalar(value: str, flow: bool = False) -> str:
    """A YAML scalar that reads back as exactly `value` (the loader reads every scalar as text)."""
    risky = (": " in value or " #" in value or value.endswith((":", " ")) or value != value.strip()
             or value.casefold() in ("null", "~") or value.startswith(("- ", "? ")))
    if flow:
        risky = risky or any(ch in value for ch in ",[]{}")
    if not risky and _PLAIN_SCALAR.fullmatch(value) and not value.startswith("("):
        return value
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def _person_yaml(person: DraftPerson) -> str:
    fields_ = [("name", person.name), ("honorific", person.honorific), ("suffix", person.suffix),
               ("title", person.title), ("party", person.party)]
    inner = ", ".join(f"{k}: {yaml_scalar(v, flow=True)}" for k, v in fields_ if v)
    line = f"- {{{inner}}}"
    return f"{line}  {_review(person.note)}" if person.note else line


def _one_line(text: object) -> str:
    """Text for a YAML comment: a line break would end the comment and break the YAML."""
    return " ".join(str(text).split())


def _review(note: Note | str) -> str:
    return f"# REVIEW: {_one_line(note)}"


def _agreement_lines(agreement: DraftAgreement) -> list[str]:
    """The agreement's fields as YAML lines (not yet indented), each followed by its notes."""
    by_field: dict[str, list[Note]] = {}
    for note in agreement.notes:
        by_field.setdefault(note.field, []).append(note)

    def notes_for(name: str) -> list[str]:
        return [f"{_review(n)}" for n in by_field.pop(name, [])]

    lines = [f"id: {agreement.id}  # permanent: the agreement's URL /agreements/{agreement.id}/"]
    lines += notes_for("id")
    if agreement.title:
        lines.append(f"title: {yaml_scalar(agreement.title)}")
    if agreement.instrument:
        lines.append(f"instrument: {yaml_scalar(agreement.instrument)}")
    lines += notes_for("instrument")
    if agreement.parties:
        lines.append(f"parties: [{', '.join(yaml_scalar(p, flow=True) for p in agreement.parties)}]")
    lines += notes_for("parties")
    if agreement.signed:
        lines.append(f"signed: {agreement.signed.iso}  # from '{_one_line(agreement.signed_from)}'"
                     if agreement.signed_from else f"signed: {agreement.signed.iso}")
        if agreement.signed_derived_from:
            lines.append(f"signed_derived_from: {yaml_scalar(agreement.signed_derived_from)}")
    lines += notes_for("signed")
    for role in ("signatories", "witnesses"):
        people = getattr(agreement, role)
        if people:
            lines.append(f"{role}:")
            lines += ["  " + _person_yaml(p) for p in people]
        lines += notes_for(role)
    for rest in by_field.values():
        lines += [_review(n) for n in rest]
    return lines


def render_draft(draft: Draft) -> str:
    """The draft as a document: YAML frontmatter with `# REVIEW:` comments, then the body.

    An agreement none of whose parties is in parties.yaml yet is written commented out: without a
    party it would stop the build, and an unknown name in `parties:` would too.
    """
    by_field: dict[str, list[Note]] = {}
    for note in draft.notes:
        by_field.setdefault(note.field, []).append(note)

    def notes_for(name: str) -> list[str]:
        return [_review(n) for n in by_field.pop(name, [])]

    source = f" from {_one_line(draft.source_name)}" if draft.source_name else ""
    lines = ["---", f"# A draft made by `mouarchive import`{source}. Check every REVIEW comment, then "
                    "delete it.",
             _review("the body is the source's own text: summarise it in your own words before "
                     "publishing, and add `source:` with the original's URL if it has one")]
    lines += notes_for("agreement")
    lines.append(f"title: {yaml_scalar(draft.title)}" if draft.title else "title: untitled")
    lines += notes_for("title")
    lines.append(f"kind: {draft.kind}")
    lines += notes_for("kind")
    if draft.published:
        how = f"  # {_one_line(draft.published_from)}" if draft.published_from else ""
        lines.append(f"published: {draft.published.iso}{how}")
    lines += notes_for("published")
    if draft.publisher:
        lines.append(f"publisher: {yaml_scalar(draft.publisher)}")
    lines += notes_for("publisher")
    if draft.place:
        lines.append(f"place: {yaml_scalar(draft.place)}  # the dateline, not where it was signed")
    lines += notes_for("place")
    if draft.lang:
        lines.append(f"lang: {draft.lang}")
    lines += notes_for("lang")
    if draft.topics:
        lines.append(f"topics: [{', '.join(yaml_scalar(t, flow=True) for t in draft.topics)}]")
    lines += notes_for("topics")
    for rest in by_field.values():
        lines += [_review(n) for n in rest]
    live = [a for a in draft.agreements if a.parties]
    commented = ("no party of this agreement is in parties.yaml yet: add the proposed entries "
                 "there, then uncomment it")
    if draft.agreements:
        many = len(draft.agreements) > 1
        if not live:
            lines.append(_review(f"agreement: {commented}"))
        lines.append("agreement:" if live else "# agreement:")
        for agreement in draft.agreements:
            block = _agreement_lines(agreement)
            if many:
                block = ["- " + block[0]] + ["  " + line for line in block[1:]]
            block = ["  " + line for line in block]
            if not agreement.parties:
                if live:
                    lines.append(_review(f"agreement {agreement.id}: {commented}"))
                block = ["# " + line for line in block]
            lines += block
    lines.append("---")
    return "\n".join(lines) + "\n" + draft.body + "\n"


def default_path(draft: Draft, content_dir: Path) -> Path:
    """content/<year of publication>/<slug of the title>.md; undated drafts go in content/undated/."""
    year = str(draft.published.year) if draft.published else "undated"
    return content_dir / year / f"{draft.slug}.md"


def write_new(path: Path, text: str) -> None:
    """Write a new file; raise FileExistsError rather than replace one (the check and the creation
    are one step, so nothing written in between is lost either)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as out:
        out.write(text)


def create_file(path: Path, text: str, command: str) -> None:
    """`write_new` for a command: an existing file is a usage error, an unwritable one an output one."""
    try:
        write_new(path, text)
    except FileExistsError as exc:
        raise BuildError([Problem(str(path), 0, "", f"already exists; {command} never overwrites a file",
                                  "choose another path with --output, or move the file away first")],
                         ExitCode.USAGE) from exc
    except OSError as exc:
        raise BuildError([Problem(str(path), 0, "", f"cannot be written: {exc.strerror}",
                                  "check the directory's permissions")], ExitCode.OUTPUT) from exc


def describe(draft: Draft) -> list[str]:
    """What the importer found and what needs a look, as lines for the terminal."""
    lines = ["found:"]

    def add(label: str, value: object) -> None:
        if value:
            lines.append(f"  {label}: {value}")

    add("title", draft.title)
    add("kind", draft.kind)
    add("published", draft.published and f"{draft.published.iso} (from {draft.published_from})")
    add("place", draft.place)
    add("publisher", draft.publisher)
    add("topics", ", ".join(draft.topics))
    for agreement in draft.agreements:
        lines.append(f"  agreement {agreement.id}:")
        add("  instrument", agreement.instrument)
        add("  parties", ", ".join((*agreement.parties, *(f"{u} (new)" for u in agreement.unknown_parties))))
        add("  signed", agreement.signed and agreement.signed.iso +
            (f" ({agreement.signed_derived_from})" if agreement.signed_derived_from else ""))
        for role in ("signatories", "witnesses"):
            add(f"  {role}", "; ".join(
                ", ".join(filter(None, (" ".join(filter(None, (p.honorific, p.name, p.suffix))),
                                        p.title, p.party))) for p in getattr(agreement, role)))
    if draft.removed:
        lines.append(f"left out of the body ({len(draft.removed)} lines of site chrome and boilerplate):")
        lines += [f"  {line[:100]}" for line in draft.removed]
    notes = draft.all_notes
    lines.append(f"needs a look ({len(notes) + 1}):")
    lines.append("  body: the source's own text; summarise it in your own words before publishing")
    lines += [f"  {note}" for note in notes]
    if draft.proposed_parties:
        lines.append("not in parties.yaml: add these entries to it (nothing was written there), then to "
                     "the document:")
        lines += [line for p in draft.proposed_parties for line in p.yaml().split("\n")]
    return lines


def site_vocabularies(config: SiteConfig) -> Vocabularies:
    """parties.yaml and topics.yaml of the site; their errors stop the command (exit 1)."""
    problems = Problems()
    vocab = load_vocabularies(config.content, problems, config.content_dir)
    if problems.errors:
        raise BuildError(problems.errors, ExitCode.CONTENT)
    return vocab


def existing_agreements(config_content: Path, language: str, label: str) -> dict[str, str]:
    """Agreement ids the archive already has, each with a document that describes it."""
    content = load_content(config_content, language, Problems(), label)
    found: dict[str, str] = {}
    for document in content.documents:
        for facts in document.states:
            found.setdefault(facts.id, document.path)
    return found


def run_import(source: str, site: Path, output: str | None, dry_run: bool, console: Console) -> int:
    """`mouarchive import`: read FILE (or standard input for '-'), report, write the draft.

    Raises BuildError for what the command line's caller reports: an unreadable source (usage),
    errors in parties.yaml or topics.yaml (content), a file that already exists (usage).
    """
    config = load_config(site)
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_bytes().decode("utf-8-sig")
    except OSError as exc:
        raise BuildError([Problem(source, 0, "", f"cannot be read: {exc.strerror}",
                                  "give the path of a text or Markdown file, or - for standard input")],
                         ExitCode.USAGE) from exc
    except UnicodeDecodeError as exc:
        raise BuildError([Problem(source, 0, "", "is not UTF-8 text", "save the text as UTF-8")],
                         ExitCode.USAGE) from exc
    if len(text) > MAX_FILE_BYTES:
        raise BuildError([Problem(source, 0, "", f"is {len(text):,} characters long, over the limit of "
                                  f"{MAX_FILE_BYTES:,}", "keep only the text of the release")],
                         ExitCode.USAGE)
    vocab = site_vocabularies(config)
    existing = existing_agreements(config.content, config.language, config.content_dir)
    name = "standard input" if source == "-" else Path(source).name
    draft = draft_from_text(text, vocab, name, existing)
    document = render_draft(draft)
    for line in describe(draft):
        console.print(line, markup=False)
    if dry_run:
        sys.stdout.write(document)
        return ExitCode.OK
    path = Path(output) if output else default_path(draft, config.content)
    create_file(path, document, "import")
    console.print(f"wrote {path}", markup=False)
    return ExitCode.OK
