"""The archive's records: frozen dataclasses with no I/O, no Jinja and no knowledge of URLs."""

from __future__ import annotations

import calendar
import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Generic, TypeVar

from . import facts as fact_table
from .history import History

# What an original file is: the file as its publisher issued it (the MOU's PDF, the release as
# published), or a copy of the document's text as the archive received it, not the publisher's own
# file; pages name each for what it is (snippets.ORIGINAL_LABELS).
ORIGINAL_FORMS = ("as-published", "text-as-received")

T = TypeVar("T")

# English month names, looked up once: calendar.month_name formats a date on every access.
MONTHS = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
_DATE = re.compile(r"^([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?$")  # ASCII digits only
# A moment as ISO 8601 writes it: a day, then optionally a time (T or a space) and a zone.
_MOMENT = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}"
                     r"(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2})?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?$")
MOMENT_FORMAT = "YYYY-MM-DDTHH:MM with its zone, e.g. 2026-12-01T09:00+08:00"


class DateError(ValueError):
    """A date that is not written as YYYY, YYYY-MM or YYYY-MM-DD, or that does not exist."""


def parse_moment(text: str) -> datetime:
    """Read a moment such as `2026-12-01T09:00:00+08:00`, `2026-12-01 09:00` or `2026-12-01`.

    Without a zone the result is naive: the caller reads it in the site's time zone. A day alone is
    the start of that day. Raises DateError naming what is wrong.
    """
    text = text.strip()
    if not _MOMENT.match(text):
        raise DateError(f"'{text}' is not a date and time in the form {MOMENT_FORMAT}")
    try:
        return datetime.fromisoformat(text)
    except ValueError as exc:
        raise DateError(f"'{text}' is not a real date and time: {exc}") from None


@functools.total_ordering
@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the year, the month or the day, as a source states it.

    Ordering sorts a year before its months and a month before its days, so sorting is stable.
    """

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; raise DateError naming what is wrong."""
        match = _DATE.match(text.strip())
        if not match:
            raise DateError(
                f"'{text}' is not a date in the form YYYY-MM-DD, YYYY-MM or YYYY"
            )
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        if year < 1000:
            raise DateError(f"'{text}': the year {year} is out of range")
        if month is not None and not 1 <= month <= 12:
            raise DateError(f"'{text}' is not a real date: there is no month {month}")
        if month is not None and day is not None:
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise DateError(
                    f"'{text}' is not a real date: {MONTHS[month]} {year} "
                    f"has {last} days"
                )
        return cls(year, month, day)

    @property
    def iso(self) -> str:
        """The machine form, as precise as the date is: 2023, 2023-09 or 2023-09-06."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        return text

    @property
    def display(self) -> str:
        """The reader's form: '6 September 2023', 'September 2023' or '2023'."""
        if self.month is None:
            return str(self.year)
        month = MONTHS[self.month]
        if self.day is None:
            return f"{month} {self.year}"
        return f"{self.day} {month} {self.year}"

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def __str__(self) -> str:
        return self.iso

    def __lt__(self, other: object) -> bool:
        # A missing month or day counts as 0: the dataclass order would compare None with an int.
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._order_key() < other._order_key()

    def _order_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)


@dataclass(frozen=True, slots=True)
class FormerName:
    """A name a party used to carry, e.g. ITB before it became ITIB."""

    name: str
    acronym: str | None = None
    until: PartialDate | None = None


@dataclass(frozen=True, slots=True)
class Party:
    """An organisation that signs agreements, declared once in parties.yaml."""

    id: str
    name: str
    names: tuple[tuple[str, str], ...] = ()  # (language tag, name), e.g. ("zh-Hant", "香港金融發展局")
    acronym: str | None = None
    aliases: tuple[str, ...] = ()
    former_names: tuple[FormerName, ...] = ()
    kind: str | None = None
    jurisdiction: str | None = None  # ISO 3166-1 alpha-2: HK, MO and CN are distinct
    parent: str | None = None  # the id of the body this one sits within
    url: str | None = None
    line: int = field(default=0, compare=False)  # its entry's line in parties.yaml, for messages

    @property
    def label(self) -> str:
        """The short form readers know, e.g. 'FSDC', else the full name."""
        return self.acronym or self.name


@dataclass(frozen=True, slots=True)
class Topic:
    """A term of the controlled vocabulary in topics.yaml."""

    id: str
    name: str
    names: tuple[tuple[str, str], ...] = ()
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    description: str | None = None
    line: int = field(default=0, compare=False)  # its entry's line in topics.yaml, for messages


@dataclass(frozen=True, slots=True)
class Person:
    """A signatory or witness as one document states them. Titles belong here, not to the person."""

    name: str
    honorific: str | None = None
    suffix: str | None = None
    title: str | None = None
    party: str | None = None  # a party id
    name_zh: str | None = None

    @property
    def full_name(self) -> str:
        """'Mr Laurence Li SC': the name with honorific and suffix as the source gives them."""
        return " ".join(p for p in (self.honorific, self.name, self.suffix) if p)

    @property
    def key(self) -> tuple[str, str | None]:
        """Who this is for comparison between documents: the name, ignoring case and spacing."""
        return (" ".join(self.name.casefold().split()), self.party)


@dataclass(frozen=True, slots=True, order=True)
class Source:
    """Where a fact comes from: a document (its content path), the line, and how it was derived."""

    document: str
    line: int = 0
    note: str | None = None  # e.g. "'Sunday' before the publication date 2026-04-13"


@dataclass(frozen=True, slots=True, order=True)
class Alias:
    """An old address of a document or agreement, kept working by a redirect page.

    `url` is site-relative, without the base path: `documents/2023/old-name/` or `old/page.html`.
    """

    url: str
    source: Source  # where the alias is written


@dataclass(frozen=True, slots=True)
class Archived:
    """A copy of a document's source kept by a web archive (the Wayback Machine, archive.today):
    the capture's address and the day it was made, for when the live page moves or changes."""

    url: str
    date: PartialDate
    line: int = field(default=0, compare=False)  # the line of `archived:`, for messages


@dataclass(frozen=True, slots=True)
class Original:
    """The document's original file (the PDF of an MOU, the release as published, or the text as
    the archive received it: `form`), kept under content/ and published with the site.

    `file` and `recorded` are what the frontmatter says; `size` and `sha256` are what the loader
    found in the file, at every build (load.py), so that a file replaced under an unchanged
    document shows."""

    file: str  # its content path, as document paths are: content/originals/x.pdf
    recorded: str | None = None  # the SHA-256 the frontmatter records, in lower case
    line: int = field(default=0, compare=False)  # the line of `file:`, for messages
    sha256_line: int = field(default=0, compare=False)  # the line of `sha256:`
    size: int | None = None  # bytes, None until measured (or when the file is missing)
    sha256: str | None = None  # of the file's bytes, None until measured
    form: str = ORIGINAL_FORMS[0]  # one of ORIGINAL_FORMS

    @property
    def suffix(self) -> str:
        """Its file name's extension, in lower case with the dot ('.pdf'), or ''."""
        name = self.file.rsplit("/", 1)[-1]
        return "." + name.rsplit(".", 1)[-1].lower() if "." in name.lstrip(".") else ""


@dataclass(frozen=True, slots=True)
class Link:
    """An internal link in a document's body, as written, e.g. `agreement:fsdc-caict-2023` or
    `../2023/fsdc-caict-mou.md`; resolved to a page once the whole archive is known (links.py)."""

    href: str
    line: int  # its line in the file


@dataclass(frozen=True, slots=True)
class Claim(Generic[T]):
    """One value of a fact and every document that states it."""

    value: T
    sources: tuple[Source, ...]


@dataclass(frozen=True, slots=True)
class Fact(Generic[T]):
    """Everything the documents say about one field of an agreement, in document order.

    More than one claim means the documents disagree: the archive shows them all.
    """

    claims: tuple[Claim[T], ...] = ()

    @property
    def known(self) -> bool:
        return bool(self.claims)

    @property
    def disputed(self) -> bool:
        return len(self.claims) > 1

    @property
    def values(self) -> tuple[T, ...]:
        return tuple(c.value for c in self.claims)

    @property
    def sole(self) -> T | None:
        """The value when every document agrees; None when unknown or disputed."""
        return self.claims[0].value if len(self.claims) == 1 else None


NO_FACT: Fact[Any] = Fact()  # what no document states


@dataclass(frozen=True)
class AgreementFacts:
    """The facts about one agreement that one document states (the `agreement:` mapping).

    `values` holds what the document states, (fact or note, value), in the table's order; each fact
    of the table (facts.FACTS) and its note is also an attribute, None when not stated:
    `facts.signed`, `facts.signed_derived_from`.
    """

    id: str
    line: int
    values: tuple[tuple[str, Any], ...] = ()
    lines: tuple[tuple[str, int], ...] = ()  # field -> line of the field in the file
    aliases: tuple[Alias, ...] = ()  # old addresses of the agreement's page

    def __post_init__(self) -> None:
        if isinstance(self.values, Mapping):
            object.__setattr__(self, "values", tuple(self.values.items()))
        unknown = {name for name, _value in self.values} - fact_table.FACTS.empty.keys()
        if unknown:
            raise ValueError(f"not facts of the table: {sorted(unknown)}")
        # In the instance's own dictionary, so `facts.signed` costs what a dataclass field does.
        self.__dict__.update(fact_table.FACTS.empty)
        self.__dict__.update(self.values)

    def line_of(self, name: str) -> int:
        for key, line in self.lines:
            if key == name:
                return line
        return self.line


@dataclass(frozen=True, slots=True)
class Document:
    """One press release, news article, statement, speech or text: one file under content/."""

    path: str  # relative to content/, with forward slashes: the document's stable key
    slug: str
    title: str
    kind: str
    lang: str
    body_html: str
    summary: str
    published: PartialDate | None = None
    publisher: str | None = None  # free text, e.g. a news outlet
    publisher_party: str | None = None  # a party id when the publisher is a known party
    place: str | None = None
    source: str | None = None
    topics: tuple[str, ...] = ()
    states: tuple[AgreementFacts, ...] = ()  # facts about agreements this document states
    refers: tuple[str, ...] = ()  # agreement ids it only refers to
    agreement_line: int = 0  # the line of its `agreement:` field, for messages about references
    # Where the body is kept when it is not in `body_html`: (pack file, offset, length) in the
    # build cache, so that a large archive's bodies are not all held in memory (see cache.BodyPacks).
    body_ref: tuple[str, int, int] | None = field(default=None, compare=False)
    title_line: int = field(default=0, compare=False)  # the line of its `title:`, for messages
    aliases: tuple[Alias, ...] = ()  # old addresses of its page
    links: tuple[Link, ...] = ()  # internal links in its body, in the order written
    draft: bool = False
    # When it may be published. Without a zone it is read in the site's time zone (publishing.py).
    embargo: datetime | None = None
    source_line: int = field(default=0, compare=False)  # the line of its `source:`, for messages
    # Why a preview build (`--drafts`, `serve`) shows a document that a build holds back, as
    # (reason, detail), e.g. ('embargo', '2026-12-01 09:00 HKT'), which the templates put in the
    # reader's language (snippets.held_notice); empty for a published document. Set by
    # publishing.py, never read from the file.
    held: tuple[str, ...] = ()
    translation_of: str | None = None  # the content path of the document this one translates
    translated_by: str | None = None  # who translated it, as the document says
    translation_line: int = field(default=0, compare=False)  # the line of `translation_of:`
    archived: Archived | None = None  # a web archive's copy of `source`
    original: Original | None = None  # the original file, published with the site

    @property
    def agreement_ids(self) -> tuple[str, ...]:
        """Every agreement this document is about, in the order it names them."""
        ids = [f.id for f in self.states] + list(self.refers)
        return tuple(dict.fromkeys(ids))


@dataclass(frozen=True, slots=True)
class Agreement:
    """One signed instrument, its facts merged from every document that states them.

    `facts` holds a Fact for each fact of the table (facts.FACTS), in its order, unknown ones empty
    (given by name, as a mapping, the others are empty); each is also an attribute:
    `agreement.signed`. The derived values are made here once: templates ask for them on every
    page that lists the agreement.

    Slots, not an instance dictionary: a dictionary of the facts and the cached values was 1.5 KB
    an agreement, and (name, fact) pairs 1.1 KB more, held by the build and again by each forked
    render worker that reads them (76,000 agreements at 100,000 documents: benchmarks/RESULTS.md,
    issue 12).
    """

    id: str
    facts: tuple[Fact[Any], ...] = ()
    documents: tuple[str, ...] = ()  # document paths, oldest first
    topics: tuple[Claim[str], ...] = ()  # topic ids, each with the documents that assign it
    aliases: tuple[Alias, ...] = ()  # old addresses, from every document that states its facts
    held: bool = False  # in a preview build: every document that states its facts is held back
    display_title: str = field(init=False, compare=False, repr=False)  # the first stated title, else the id
    # Every party any document names, in first-seen order (a disputed list is merged).
    party_ids: tuple[str, ...] = field(init=False, compare=False, repr=False)
    topic_ids: tuple[str, ...] = field(init=False, compare=False, repr=False)
    # Every signing date claimed, earliest first.
    dates: tuple[PartialDate, ...] = field(init=False, compare=False, repr=False)
    # The earliest claimed signing date, used only to order lists, never shown as fact.
    sort_date: PartialDate | None = field(init=False, compare=False, repr=False)
    disputed_fields: tuple[str, ...] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        table = fact_table.FACTS
        _fact_attributes(table)
        given = self.facts
        if isinstance(given, Mapping):
            if given.keys() - table.by_name.keys():
                raise ValueError(f"not facts of the table: {sorted(given.keys() - table.by_name.keys())}")
            object.__setattr__(self, "facts", tuple(given.get(n, NO_FACT) for n in table.names))
        elif not given:
            object.__setattr__(self, "facts", (NO_FACT,) * len(table.names))
        elif len(given) != len(table.names):
            raise ValueError(f"{len(given)} facts where the table has {len(table.names)}")
        title, signed = self.title, self.signed  # (attributes of the table's facts: _fact_attributes)
        derived = {"display_title": title.claims[0].value if title.claims else self.id,
                   "party_ids": tuple(dict.fromkeys(p for claim in self.parties.claims for p in claim.value)),
                   "topic_ids": tuple(c.value for c in self.topics),
                   "dates": tuple(sorted(signed.values)),
                   "sort_date": min(signed.values) if signed.claims else None,
                   "disputed_fields": tuple(name for name, fact in self.named_facts() if fact.disputed)}
        for name, value in derived.items():
            object.__setattr__(self, name, value)

    def named_facts(self) -> Iterator[tuple[str, Fact[Any]]]:
        """(name, fact) for each fact of the table, in its order."""
        return zip(fact_table.FACTS.names, self.facts, strict=True)


_ATTRIBUTES_OF: list[fact_table.Facts] = []  # the table whose facts Agreement has as attributes


def _fact_attributes(table: fact_table.Facts) -> None:
    """Each fact of `table` an attribute of every Agreement (`agreement.signed`): a property of the
    class reading its place in `facts`. Made again when the table is another (a test adds a fact:
    every reader takes the table as facts.FACTS when it runs)."""
    if _ATTRIBUTES_OF and _ATTRIBUTES_OF[0] is table:
        return
    for name in _ATTRIBUTES_OF[0].names if _ATTRIBUTES_OF else ():
        delattr(Agreement, name)
    for index, name in enumerate(table.names):
        setattr(Agreement, name, property(lambda self, index=index: self.facts[index]))
    _ATTRIBUTES_OF[:] = [table]


_fact_attributes(fact_table.FACTS)


def unique(items: Iterable[T]) -> tuple[T, ...]:
    """The items in first-seen order without repeats."""
    return tuple(dict.fromkeys(items))


@dataclass(frozen=True)
class Content:
    """Everything read from content/: the vocabularies and the documents, sorted by path."""

    parties: tuple[Party, ...]
    topics: tuple[Topic, ...]
    documents: tuple[Document, ...]
    digests: dict[str, str] = field(default_factory=dict)  # document path -> hash of its bytes
    parsed: int = 0  # documents parsed this time rather than taken from the cache
    history: History = field(default_factory=History)  # the content's commits (history.py)
