"""What the importer found in one text: the draft document, its agreements, people and notes."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import PartialDate
from ..slugs import slugify
from ..yaml_text import yaml_scalar


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
    place: str | None = None  # where it was signed, as a signing sentence says
    place_from: str | None = None  # the words it was read from
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
    source_url: str | None = None  # the page it was fetched from

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
