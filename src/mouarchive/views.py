"""What templates show, computed here rather than assembled in Jinja: lists ranked and filtered,
as plain values (ids, numbers); the markup stays in the templates."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from . import facts as fact_table
from .archive import Archive
from .facts import FactEntry, Section
from .history import Change
from .life import LISTED
from .model import Agreement, Document, PartialDate, Person
from .slugs import slugify

# How many of the newest each summary lists: read by the templates (as home_latest and
# timeline_latest) and by freshness.page_inputs, which must name what they show.
HOME_LATEST = 10  # agreements, and documents, on the home page
TIMELINE_LATEST = 5  # agreements under each year of the timeline (years/)


def busiest(index: Mapping[str, tuple[str, ...]], records: Mapping[str, Any], name: Callable[[Any], str],
            limit: int) -> list[tuple[str, int]]:
    """(id, agreements) of the topics or parties with the most agreements: most first, then by
    `name` (as the reader reads it, case aside); at most `limit`, none without an agreement."""
    counts = [(ident, len(ids)) for ident, ids in index.items() if ids]
    return sorted(counts, key=lambda pair: (-pair[1], name(records[pair[0]]).lower()))[:limit]


def versions_given(agreement: Agreement, document: str) -> list[tuple[int, str]]:
    """(version number, fact) of each disputed fact's version that `document` states: what the
    agreement page says the document gives."""
    return [(number, field) for field in agreement.disputed_fields
            for number, claim in enumerate(getattr(agreement, field).claims, start=1)
            if document in (source.document for source in claim.sources)]




def statuses_of(archive: Archive, party: str) -> list[tuple[str, tuple[str, ...]]]:
    """(status, agreement ids) of a party's agreements, for each listed status it has (life.LISTED),
    newest first: what its page lists by status."""
    ids = archive.by_party.get(party, ())
    found = [(status, tuple(a for a in ids if status in archive.statuses.get(a, ()))) for status in LISTED]
    return [(status, listed) for status, listed in found if listed]


def fact_place(name: str) -> str:
    """The id of the part of the agreement page that shows a fact: its row in the list of facts, or
    the section laid out for it (facts.Section)."""
    section = fact_table.FACTS[name].section
    return {Section.HEAD: "agreement-title", Section.PEOPLE: name,
            Section.RELATIONS: "relations"}.get(section, f"fact-{name}")


def known_relations(agreement: Agreement) -> list[FactEntry]:
    """The relations to other agreements that its documents state (facts.Section.RELATIONS)."""
    return [fact for fact in fact_table.FACTS.sections[Section.RELATIONS.value]
            if getattr(agreement, fact.name).known]


def fact_anchors(agreement: Agreement) -> dict[tuple[str, int, int], str]:
    """(fact, version, item) -> the id of that value on the agreement page: `fact-signed-2023-09-06`,
    `fact-party-fsdc`, `fact-signatory-jin-jian`. Made from the fact and the value alone, so a link
    to one keeps working across rebuilds; a value met again (the same person in two versions of a
    disputed list) gets `-2`, `-3` in the order the page shows them. `item` counts the values of a
    list fact (parties, people, related agreements), and is 0 for any other; a topic is a version
    of its own."""
    anchors: dict[tuple[str, int, int], str] = {}
    used: set[str] = set()
    # Each fact of the table, with the word its anchors start with (a list's values are named in the
    # singular: a party, a signatory), then the topics.
    for field, word in (*((f.name, f.anchor) for f in fact_table.FACTS), ("topics", "topic")):
        # Topics are claims of their own, one for each topic (each with the documents that give it).
        claims = agreement.topics if field == "topics" else getattr(agreement, field).claims
        for version, claim in enumerate(claims):
            values = claim.value if isinstance(claim.value, tuple) else (claim.value,)
            for item, value in enumerate(values):
                text = value.name if isinstance(value, Person) else str(value)
                base = anchor = f"fact-{word}-{slugify(text)}"
                number = 1
                while anchor in used:
                    number += 1
                    anchor = f"{base}-{number}"
                used.add(anchor)
                anchors[(field, version, item)] = anchor
    return anchors
@dataclass(frozen=True)
class RecordChange:
    """One change as a record's page lists it: its day in the site's time zone, the commit, the
    record's files it touched (by their names now) and how many other files it touched."""

    day: PartialDate
    change: Change
    files: tuple[str, ...]
    others: int


@dataclass(frozen=True)
class RecordHistory:
    """What a page shows of its record's history: the day it was last changed (None when that is
    not known to be true: a file not committed as it is), and its changes, newest first."""

    last_changed: PartialDate | None
    changes: tuple[RecordChange, ...]


def record_history(archive: Archive, record: Agreement | Document, zone: tzinfo) -> RecordHistory:
    """A document's history, or an agreement's: the union of its documents' histories."""
    history = archive.history
    paths = record.documents if isinstance(record, Agreement) else (record.path,)
    found: dict[str, tuple[Change, list[str]]] = {}
    for path in paths:
        for change in history.of(path):
            found.setdefault(change.commit, (change, []))[1].append(path)
    ordered = sorted(found.values(), key=lambda item: (item[0].when, item[0].commit), reverse=True)
    changes = tuple(RecordChange(day_in(change.when, zone), change, tuple(own), len(change.files) - len(own))
                    for change, own in ordered)
    known = all(history.last_changed(path) is not None for path in paths)
    return RecordHistory(changes[0].day if known and changes else None, changes)


def latest_changes(archive: Archive, count: int, zone: tzinfo) -> list[RecordChange]:
    """The archive's `count` latest changes, each with the published documents it touched."""
    changes = []
    for change in archive.history.changes[:count]:
        shown = tuple(path for path in change.files if path in archive.documents)
        changes.append(RecordChange(day_in(change.when, zone), change, shown, len(change.files) - len(shown)))
    return changes


def day_in(moment: datetime, zone: tzinfo) -> PartialDate:
    local = moment.astimezone(zone)
    return PartialDate(local.year, local.month, local.day)
