"""The table of agreement facts: every fact a document can state about an agreement, declared once.

Each entry names the fact, the type of its values (which says how it is read and how two values
compare), whether it is a list, its labels, where the agreement page shows it, and its names in the
open data, the JSON-LD and the search filters. The reader (documents.py), the merge (archive.py),
the records (model.py), the templates, the open data, the JSON-LD and the search all read it, so
adding a fact is one entry in FACTS and its label translated (docs/architecture.md, "Adding a fact").

Everything derived from the table (names, lookups, comparisons) is made once, when a table is made,
never per page or per agreement. Every reader takes the table as `facts.FACTS` when it runs, so a
test can put in a table with one more entry (`FACTS.adding(...)`) and see it everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from .i18n import N_


class Type(Enum):
    """What a fact's values are; the reader reads each as its type says, and pages show it so."""

    TEXT = "text"  # free text, as the source states it
    CHOICE = "choice"  # one of the entry's `choices`
    DATE = "date"  # a PartialDate: YYYY-MM-DD, YYYY-MM or YYYY
    URL = "url"  # an http(s) address
    PARTY = "party"  # a party of parties.yaml, named by id, acronym, name or alias
    PERSON = "person"  # a Person: {name, honorific, suffix, title, party, name_zh}
    AGREEMENT = "agreement"  # another agreement's id


class Section(Enum):
    """Where the agreement page shows a fact. FACTS, the list of facts, shows any fact by its type;
    the others are layouts designed for the facts they hold."""

    HEAD = "head"  # the title, in the page's heading
    FACTS = "facts"  # the list of facts: any new fact goes here
    PEOPLE = "people"  # a table of people of its own (signatories, witnesses)
    RELATIONS = "relations"  # the panel of related instruments, each read both ways


def same_text(text: str) -> Hashable:
    """Texts that differ only in case and spacing say the same."""
    return " ".join(text.casefold().split())


def _same_person(person: Any) -> Hashable:
    return person.key  # model.Person.key: the name without case and spacing, and the party


def _same_value(value: Any) -> Hashable:
    return value


# How one value of each type compares with another: values with the same key say the same thing.
SAME: dict[Type, Callable[[Any], Hashable]] = {
    Type.TEXT: same_text, Type.CHOICE: _same_value, Type.DATE: _same_value, Type.URL: _same_value,
    Type.PARTY: _same_value, Type.PERSON: _same_person, Type.AGREEMENT: _same_value,
}

# What the reader (documents.py) reads as a list, and as a single value.
LISTS = frozenset((Type.TEXT, Type.PARTY, Type.PERSON, Type.AGREEMENT))
SINGLES = frozenset((Type.TEXT, Type.CHOICE, Type.DATE, Type.URL, Type.PARTY))


@dataclass(frozen=True)
class Filter:
    """A search filter: its name (in the index, `sector@en`, and in the search page's address,
    ?sector=), its label, and its 'any' choice."""

    name: str
    label: str
    any: str


@dataclass(frozen=True)
class Inverse:
    """A relation read the other way: 'superseded_by', 'Superseded by'; and the event of its
    target's life it dates (life.py): 'superseded', on the day the naming agreement took effect."""

    name: str
    label: str
    event: str | None = None


@dataclass(frozen=True)
class FactEntry:
    """One agreement fact. `label` and `noun` are marked with N_ and translated where shown."""

    name: str  # its field under `agreement:` and its attribute on records
    type: Type
    label: str  # as a heading: 'Place of signing'
    noun: str  # in running text, 'the %(fact)s': 'place'
    many: bool = False  # a list of values (parties, people): a list compares as a set
    one: str = ""  # the label of one value of a list, N_("Party"); its label if not given
    section: Section = Section.FACTS
    always: bool = False  # shown as 'not stated' when no document states it
    choices: tuple[str, ...] = ()  # for Type.CHOICE
    note: str | None = None  # a field beside it that says how its value was worked out
    called: str = ""  # how the build's (English) messages name it; its noun if not given
    anchor: str = ""  # the word its values' anchors start with, singular; its name if not given
    data: str = ""  # its name in the open data (JSON and CSV); its name if not given
    jsonld: str | None = None  # the schema.org property of the agreement that holds a sole value
    filter: Filter | None = None  # the search filter of agreements (and documents) by its values
    inverse: Inverse | None = None  # for Type.AGREEMENT: the relation read the other way
    event: str | None = None  # for Type.DATE: the event of the agreement's life it dates (life.py)
    same: Callable[[Any], Hashable] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        one = SAME[self.type]
        if not self.many:
            same = one
        elif one is _same_value:
            same = frozenset
        else:
            def same(values: Iterable[Any]) -> Hashable:
                return frozenset(map(one, values))
        object.__setattr__(self, "same", same)
        object.__setattr__(self, "called", self.called or self.noun)
        object.__setattr__(self, "one", self.one or self.label)
        object.__setattr__(self, "anchor", self.anchor or self.name)
        object.__setattr__(self, "data", self.data or self.name)
        if self.type not in (LISTS if self.many else SINGLES):
            raise ValueError(f"fact '{self.name}': the reader has no {'list' if self.many else 'single'} "
                             f"of {self.type.value}")
        if self.event is not None and (self.type is not Type.DATE or self.many):
            raise ValueError(f"fact '{self.name}': an event is dated by one date")
        if (self.type is Type.CHOICE) != bool(self.choices):
            raise ValueError(f"fact '{self.name}': choices go with Type.CHOICE, and it needs them")


# Names the records keep for themselves: a fact cannot be called one of these.
RESERVED = frozenset(("id", "line", "lines", "values", "facts", "aliases", "documents", "topics", "held",
                      "display_title", "party_ids", "topic_ids", "dates", "sort_date", "disputed_fields",
                      "line_of", "agreement_ids"))


class Facts:
    """The table: the facts in the order pages show them, and what is looked up in it, made once."""

    def __init__(self, entries: Iterable[FactEntry]) -> None:
        self.entries = tuple(entries)
        self.by_name = {f.name: f for f in self.entries}
        self.names = tuple(self.by_name)
        self.notes = tuple(f.note for f in self.entries if f.note)
        self.empty: dict[str, Any] = dict.fromkeys((*self.names, *self.notes))  # what no document states
        # The fields of an `agreement:` mapping: its id, each fact followed by its note, its aliases.
        self.fields = ("id", *(n for f in self.entries for n in (f.name, f.note) if n), "aliases")
        self.relations = tuple(f.name for f in self.entries if f.type is Type.AGREEMENT)  # ids of others
        self.filters = tuple(f for f in self.entries if f.filter)
        self.linked = tuple(f for f in self.entries if f.jsonld)
        self.events = tuple(f for f in self.entries if f.event)  # the dates of the agreement's life
        # Each section of the agreement page with its facts: `sections["facts"]`.
        self.sections = {s.value: tuple(f for f in self.entries if f.section is s) for s in Section}
        self.people = tuple(f.name for f in self.entries if f.type is Type.PERSON)
        clash = (set(self.names) | set(self.notes)) & RESERVED
        if len(self.by_name) != len(self.entries) or clash:
            raise ValueError(f"facts named twice or reserved: {sorted(clash) or self.names}")

    def __iter__(self) -> Iterator[FactEntry]:
        return iter(self.entries)

    def __getitem__(self, name: str) -> FactEntry:
        return self.by_name[name]

    def adding(self, *entries: FactEntry) -> Facts:
        """This table with more facts after its own."""
        return Facts((*self.entries, *entries))


STATUSES = ("signed", "in-force", "expired", "terminated", "superseded")

FACTS = Facts((
    FactEntry("title", Type.TEXT, N_("Title"), N_("title"), section=Section.HEAD),
    FactEntry("instrument", Type.TEXT, N_("Instrument"), N_("instrument"), jsonld="legislationType"),
    FactEntry("parties", Type.PARTY, N_("Parties"), N_("parties"), many=True, always=True,
              one=N_("Party"), anchor="party",
              filter=Filter("party", N_("Party"), N_("Any party"))),
    FactEntry("signed", Type.DATE, N_("Signed"), N_("signed"), always=True, note="signed_derived_from",
              called="signing date", jsonld="legislationDate", event="signed",
              filter=Filter("year", N_("Year"), N_("Any year"))),
    FactEntry("place", Type.TEXT, N_("Place of signing"), N_("place"), always=True,
              called="place of signing"),
    FactEntry("occasion", Type.TEXT, N_("Occasion"), N_("occasion")),
    FactEntry("signatories", Type.PERSON, N_("Signatories"), N_("signatories"), many=True,
              one=N_("Signatory"), section=Section.PEOPLE, anchor="signatory"),
    FactEntry("witnesses", Type.PERSON, N_("Witnesses"), N_("witnesses"), many=True,
              one=N_("Witness"), section=Section.PEOPLE, anchor="witness"),
    FactEntry("effective", Type.DATE, N_("In effect from"), N_("effective"), called="date of effect",
              event="in-force"),
    FactEntry("term", Type.TEXT, N_("Term"), N_("term")),
    FactEntry("extended", Type.DATE, N_("Extended on"), N_("extension date"), called="date of extension",
              event="extended"),
    FactEntry("expires", Type.DATE, N_("Expires"), N_("expiry date"), called="date of expiry",
              jsonld="expires", event="expired"),
    FactEntry("terminated", Type.DATE, N_("Terminated on"), N_("termination date"),
              called="date of termination", event="terminated"),
    FactEntry("status", Type.CHOICE, N_("Status"), N_("status"), choices=STATUSES),
    FactEntry("supersedes", Type.AGREEMENT, N_("Supersedes"), N_("supersedes"), many=True,
              section=Section.RELATIONS, inverse=Inverse("superseded_by", N_("Superseded by"), "superseded")),
    FactEntry("amends", Type.AGREEMENT, N_("Amends"), N_("amends"), many=True,
              section=Section.RELATIONS, inverse=Inverse("amended_by", N_("Amended by"), "amended")),
    FactEntry("renews", Type.AGREEMENT, N_("Renews"), N_("renews"), many=True,
              section=Section.RELATIONS, inverse=Inverse("renewed_by", N_("Renewed by"), "renewed")),
    FactEntry("text", Type.URL, N_("Text of the agreement"), N_("text"), called="text URL", jsonld="sameAs"),
    FactEntry("notes", Type.TEXT, N_("Editor’s notes"), N_("notes")),
))
