"""An agreement's life: the events its documents date, and the status they give it at a moment.

The events come from the table of facts (facts.py): a date fact with an `event` (signed, effective,
extended, expires, terminated) dates that event of its own agreement, and a relation with an
inverse event (supersedes, amends, renews) dates an event of the agreement it names, on the day the
naming agreement took effect (or, when no document says, was signed). Each event keeps the
documents that state it; where documents give an event different dates, each version is an event,
and the status is worked out for each (an agreement in force by one source and expired by another
has both statuses, and the page says so).

An event counts from the start of the last day it can fall on (2026-12: the 31st), so an event
known only to the month or the year never changes the status early; one that only held-back
documents state (a preview build's drafts and embargoes) never counts. Pure: no clock is read here.

A status a document states (`status:`) is true as of that document's date: the editor is warned
only where, as of then, the dated events say the agreement had already ended.
"""

from __future__ import annotations

import calendar
import itertools
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from . import facts as fact_table
from .errors import Problem
from .i18n import N_
from .model import Agreement, Claim, PartialDate, Source, unique

if TYPE_CHECKING:
    from .archive import Archive

# The events of an agreement's life, in the order they are listed when they fall on one day.
EVENTS = {"signed": N_("Signed by the parties"), "in-force": N_("In force"), "amended": N_("Amended"),
          "renewed": N_("Renewed"), "extended": N_("Extended"), "superseded": N_("Superseded"),
          "expired": N_("Expired"), "terminated": N_("Terminated")}
RANK = list(EVENTS)
ENDS = ("superseded", "expired", "terminated")  # events after which it is no longer in force
KEEPS_IN_FORCE = ("in-force", "renewed", "extended")
# The statuses, each named for the event that gives it. 'signed': signed, and no document says it
# has come into force (many agreements do on signing, but the archive does not assume it).
STATUSES = ("signed", "in-force", *ENDS)
STATUS_LABELS = {"signed": N_("Signed, not known to be in force"), "in-force": N_("In force"),
                 "superseded": N_("Superseded"), "expired": N_("Expired"), "terminated": N_("Terminated")}
LISTED = ("in-force", *ENDS)  # the statuses the site lists agreements by (pages.py)
MOST_VERSIONS = 64  # ways of reading disputed dates worked through; beyond, the status is unknown


@dataclass(frozen=True)
class Event:
    """One dated event of an agreement's life, with the documents that state it."""

    kind: str  # a key of EVENTS
    date: PartialDate
    sources: tuple[Source, ...]
    by: str | None = None  # the agreement that supersedes, amends or renews this one
    to_come: bool = False  # it does not count yet: its day has not begun at the moment asked
    held: bool = False  # only held-back documents state it (a preview build): it does not count


@dataclass(frozen=True)
class Life:
    """An agreement's events in date order, and its status at the moment asked."""

    events: tuple[Event, ...]
    statuses: tuple[str, ...]  # one; several where documents disagree on a date; () when unknown
    disputed: tuple[str, ...]  # the kinds of event that documents date differently

    @property
    def status(self) -> str | None:
        """The status when every reading of the sources gives the same one."""
        return self.statuses[0] if len(self.statuses) == 1 else None


def counts_from(date: PartialDate, zone: tzinfo | None) -> datetime:
    """The moment an event on `date` counts: the start of the last day it can fall on."""
    month = date.month or 12
    day = date.day or calendar.monthrange(date.year, month)[1]
    return datetime(date.year, month, day, tzinfo=zone)


def reached(agreement: Agreement, now: datetime | None) -> str:
    """Which of the events its own facts date have come at `now`, one digit each: what of its
    life changes with the clock (a fingerprint's part, freshness.py)."""
    if now is None:
        return ""
    return "".join("1" if counts_from(claim.value, now.tzinfo) <= now else "0"
                   for fact in fact_table.FACTS.events for claim in getattr(agreement, fact.name).claims)


def life_of(agreement: Agreement, archive: Archive, now: datetime | None) -> Life:
    """The agreement's life at `now` (None: every event counts, whatever its date)."""
    events = _events(agreement, archive, now)
    versions = _versions(events)
    disputed = tuple(unique(kind for (kind, _by), found in versions.items() if len(found) > 1))
    readings = _readings(list(versions.values()))
    found = tuple(s for s in STATUSES if readings is not None and s in readings)
    if readings is not None and not found:  # no event counts yet: the status the documents state
        stated = getattr(agreement, "status", None)  # the status fact, as documents state it
        sole = stated.sole if stated is not None else None
        found = (sole,) if sole in STATUSES else ()
    return Life(events, found, disputed)


def stated_status_conflicts(agreement: Agreement, archive: Archive) -> list[Problem]:
    """A warning for each document that states the agreement is signed or in force (`status:`)
    when, as of the document's own date, the dated events say it had ended: expired, superseded or
    terminated in every reading of them. A stated status is true as of its document's date, so it
    is compared with the events as of then, never with the status now; and an agreement can end
    with no document dating it, so only a stated 'still in force' against an end is a conflict. An
    event counts from the last day it can fall on and the document from the first, so an event
    only perhaps before the document never counts against it."""
    found: list[Problem] = []
    stated = getattr(agreement, "status", None)  # the status fact (a table without it states none)
    zone = archive.now.tzinfo if archive.now is not None else None
    for claim in stated.claims if stated is not None else ():
        if claim.value in ENDS:
            continue
        for source in claim.sources:
            published = archive.documents[source.document].published
            if published is None:  # as of when, no one knows
                continue
            moment = datetime(published.year, published.month or 1, published.day or 1, tzinfo=zone)
            events = _events(agreement, archive, moment)
            readings = _readings(list(_versions(events).values()))
            if not readings or not readings <= set(ENDS):
                continue
            ended = "; ".join(
                f"{e.kind}{f' by {e.by!r}' if e.by else ''} {e.date.iso} "
                f"({', '.join(f'{s.document}:{s.line}' for s in e.sources)})"
                for e in events if e.kind in ENDS and not e.to_come and not e.held)
            found.append(Problem(
                source.document, source.line, "agreement.status",
                f"{source.document}, published {published.iso}, says agreement '{agreement.id}' is "
                f"{claim.value}, but the dated events say it had ended by then: {ended}",
                "a status holds as of its document's date: if the agreement was renewed, extended or "
                "came into force again after it ended, record that with its date (extended:, "
                "effective:, or renews: on the renewing agreement); if not, correct the status or the "
                "date of the event", "warning"))
    return found


def _events(agreement: Agreement, archive: Archive, now: datetime | None) -> tuple[Event, ...]:
    """The agreement's events in date order, each marked as to come at `now` or not."""
    zone = now.tzinfo if now is not None else None
    found: list[tuple[str, str | None, Claim[PartialDate], tuple[Source, ...]]] = []
    for fact in fact_table.FACTS.events:
        for claim in getattr(agreement, fact.name).claims:
            found.append((fact.event or "", None, claim, claim.sources))
    for fact in fact_table.FACTS:
        if fact.inverse is None or fact.inverse.event is None:
            continue
        for other in archive.inverse.get(agreement.id, {}).get(fact.inverse.name, ()):
            naming = archive.agreements[other]
            stated = tuple(s for c in getattr(naming, fact.name).claims if agreement.id in c.value
                           for s in c.sources)
            for claim in _taking_effect(naming):
                found.append((fact.inverse.event, other, claim, unique((*stated, *claim.sources))))
    events = []
    for kind, by, claim, sources in found:
        moment = counts_from(claim.value, zone)
        events.append(Event(kind, claim.value, sources, by, to_come=now is not None and moment > now,
                            held=all(archive.documents[s.document].held for s in sources)))
    events.sort(key=lambda e: (e.date, RANK.index(e.kind), e.by or ""))
    return tuple(events)


def _versions(events: tuple[Event, ...]) -> dict[tuple[str, str | None], list[Event]]:
    """The versions of each event (of its kind, by the same agreement): more than one where
    documents date it differently."""
    versions: dict[tuple[str, str | None], list[Event]] = {}
    for event in events:
        versions.setdefault((event.kind, event.by), []).append(event)
    return versions


def _taking_effect(agreement: Agreement) -> tuple[Claim[PartialDate], ...]:
    """When an agreement took effect: the dates of its coming into force, else of its signing."""
    for kind in ("in-force", "signed"):
        claims = tuple(c for fact in fact_table.FACTS.events if fact.event == kind
                       for c in getattr(agreement, fact.name).claims)
        if claims:
            return claims
    return ()


def _readings(versions: list[list[Event]]) -> set[str | None] | None:
    """The status each reading of the sources gives (one version of each disputed event): None in
    it for a reading in which no event counts yet; None instead of a set when there are too many
    readings to work through."""
    # Each version of an event is a reading: the event as of its date, or none yet if it is to come.
    counted = [list(dict.fromkeys(None if e.to_come else e for e in found if not e.held)) or [None]
               for found in versions]
    readings = 1
    for found in counted:
        readings *= len(found)
    if readings > MOST_VERSIONS:
        return None
    results: set[str | None] = set()
    for reading in itertools.product(*counted):
        status = None
        for event in sorted((e for e in reading if e is not None), key=lambda e: (
                counts_from(e.date, None), RANK.index(e.kind))):
            if event.kind in ENDS:
                status = event.kind
            elif event.kind in KEEPS_IN_FORCE:
                status = "in-force"
            else:  # signed, amended: it exists, and is as it was
                status = status or "signed"
        results.add(status)
    return results
