"""What a build publishes now: drafts and documents under embargo are held back, and with them
whatever only they would reveal.

A stage between load and archive: content in, the content to build out. Everything after it (the
archive, every page, feed, sitemap, search index and data file) sees only what is published, so a
held-back document cannot leak into any of them. The rules:

- `draft: true` holds a document back; a preview build (`mouarchive build --drafts`, `serve`)
  shows it, marked.
- `embargo: <moment>` holds it back until that moment; a moment without a zone is read in the
  site's `timezone`.
- An agreement that only held-back documents state facts about is held back too; and a published
  document that names a held-back agreement (refers to it, or says that its agreement supersedes,
  amends or renews it) waits with it: its page would otherwise link to a page that does not exist,
  or tell of an agreement before its own release does. This repeats until nothing more is held.

The clock is read in one place, `current_time`: `MOUARCHIVE_NOW` overrides it, for tests and for
previewing the site as it will be at a given moment.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from . import facts as fact_table
from .clock import in_zone
from .life import counts_from
from .model import Document

if TYPE_CHECKING:
    from .model import Content

def show_moment(moment: datetime, zone: tzinfo) -> str:
    """'2026-12-01 09:00 HKT': in the site's zone, with its abbreviation."""
    return moment.astimezone(zone).strftime("%Y-%m-%d %H:%M %Z").strip()


@dataclass(frozen=True)
class Held:
    """Why one document is held back."""

    path: str
    reason: str  # "draft", "embargo", "agreement" (it names a held-back agreement) or "original"
    # (it translates a held-back document)
    until: datetime | None = None  # the embargo, when that is the reason
    agreement: str = ""  # the held-back agreement, when that is the reason
    original: str = ""  # the held-back document it translates, when that is the reason

    def label(self, zone: tzinfo) -> tuple[str, str]:
        """What a preview shows on the document, as (reason, detail); the templates put it in
        words in the reader's language (snippets.held_notice)."""
        if self.reason == "draft":
            return ("draft", "")
        if self.reason == "embargo" and self.until is not None:
            return ("embargo", show_moment(self.until, zone))
        if self.reason == "original":
            return ("original", self.original)
        return ("agreement", self.agreement)

    def why(self, zone: tzinfo) -> str:
        """Why, inside a message: 'a draft', 'under embargo until ...'."""
        if self.reason == "draft":
            return "a draft"
        if self.reason == "embargo" and self.until is not None:
            return f"under embargo until {show_moment(self.until, zone)}"
        if self.reason == "original":
            return f"held back with the document it translates, {self.original}"
        return f"held back with agreement '{self.agreement}'"


@dataclass(frozen=True)
class Selection:
    """The content a build publishes, and what it holds back and why."""

    content: Content  # what the archive is built from
    held: dict[str, Held]  # document path -> why it is held back (a preview build shows them)
    agreements: frozenset[str]  # agreements held back because only held-back documents state them
    # The latest embargo that has passed and the earliest still to come: while the clock stays
    # between them, the same documents are held back (the build's 'nothing changed' test).
    window: tuple[datetime | None, datetime | None]
    preview: bool = False

    def summary(self, zone: tzinfo) -> str:
        """'held back 2 documents: 1 draft, 1 under embargo until 2026-12-01 09:00 HKT'; '' if none."""
        if not self.held:
            return ""
        count = len(self.held)
        reasons = [h.reason for h in self.held.values()]
        parts = []
        if drafts := reasons.count("draft"):
            parts.append(f"{drafts} draft{'s' if drafts > 1 else ''}")
        moments = sorted({h.until for h in self.held.values() if h.until is not None})
        if embargoed := reasons.count("embargo"):
            first = show_moment(moments[0], zone)
            parts.append(f"{embargoed} under embargo until {first}" if len(moments) == 1
                         else f"{embargoed} under embargo, the first until {first}")
        if waiting := reasons.count("agreement"):
            parts.append(f"{waiting} about {'an agreement' if waiting == 1 else 'agreements'} "
                         "held back with them")
        documents = f"{count} document{'s' if count > 1 else ''}"
        head = (f"showing {documents} that a build holds back, marked as previews" if self.preview
                else f"held back {documents}")
        text = f"{head}: {', '.join(parts)}"
        if self.agreements:
            n = len(self.agreements)
            text += f"; {n} agreement{'s' if n > 1 else ''} only they state"
            text += " is" if n == 1 else " are"
            shown = " shown as a preview too" if n == 1 else " shown as previews too"
            text += shown if self.preview else " held back too"
        return text


def select(content: Content, now: datetime, zone: tzinfo, preview: bool = False) -> Selection:
    """Hold back drafts, documents under embargo at `now`, and what only they would reveal.

    With `preview`, nothing is left out: each held-back document is kept, marked with why.
    """
    held: dict[str, Held] = {}
    passed: list[datetime] = []
    pending: list[datetime] = []
    for document in content.documents:
        if document.draft:
            held[document.path] = Held(document.path, "draft")
        elif document.embargo is not None:
            moment = in_zone(document.embargo, zone)
            if moment > now:
                held[document.path] = Held(document.path, "embargo", until=moment)
                pending.append(moment)
            else:
                passed.append(moment)
        # The day an event of an agreement's life comes changes its status (life.py).
        for moment in event_moments(document, zone):
            (pending if moment > now else passed).append(moment)
    held_agreements = _cascade(content.documents, held)
    if preview:
        documents = tuple(replace(d, held=held[d.path].label(zone)) if d.path in held else d
                          for d in content.documents)
    else:
        documents = tuple(d for d in content.documents if d.path not in held)
    shown = content.history if preview else content.history.without(held.keys())
    return Selection(content=replace(content, documents=documents, history=shown), held=held,
                     agreements=frozenset(held_agreements),
                     window=(max(passed, default=None), min(pending, default=None)), preview=preview)


def event_moments(document: Document, zone: tzinfo | None) -> Iterator[datetime]:
    """The moments the events a document dates count from (life.counts_from)."""
    for facts in document.states:
        for fact in fact_table.FACTS.events:
            if (date := getattr(facts, fact.name)) is not None:
                yield counts_from(date, zone)


def with_what_they_touch(documents: tuple[Document, ...], paths: Iterable[str]) -> tuple[Document, ...]:
    """The documents at `paths`, with every document about an agreement they name, and so on:
    enough to merge and check those agreements exactly as the whole archive would, at the cost of
    only the documents involved (a few, where checking the whole archive twice would cost seconds
    and gigabytes at 100,000 documents)."""
    about: dict[str, list[Document]] = defaultdict(list)  # agreement id -> documents naming it
    for document in documents:
        for ident in _named(document):
            about[ident].append(document)
    by_path = {d.path: d for d in documents}
    found: dict[str, Document] = {}
    todo = [by_path[path] for path in paths]
    while todo:
        document = todo.pop()
        if document.path in found:
            continue
        found[document.path] = document
        todo += [other for ident in _named(document) for other in about[ident]
                 if other.path not in found]
    return tuple(d for d in documents if d.path in found)


def _named(document: Document) -> set[str]:
    """Every agreement a document names: those it is about, and those they supersede, amend or
    renew."""
    return set(document.agreement_ids) | {target for facts in document.states
                                          for name in fact_table.FACTS.relations
                                          for target in getattr(facts, name) or ()}


def _original(document: Document) -> str | None:
    """The content path of the document this one translates, as documents are keyed."""
    if document.translation_of is None:
        return None
    label = document.path.split("/", 1)[0]
    target = document.translation_of
    return target if target.startswith(label + "/") else f"{label}/{target}"


def _cascade(documents: tuple[Document, ...], held: dict[str, Held]) -> set[str]:
    """Hold back the documents that name an agreement only held-back documents state, and the
    translations of held-back documents (adding them to `held`), until there are no more; the
    held-back agreements."""
    named = {d.path: _named(d) for d in documents}
    stated = {facts.id for d in documents for facts in d.states}
    while True:
        published = {facts.id for d in documents if d.path not in held for facts in d.states}
        waiting = stated - published
        newly = [(d, sorted(named[d.path] & waiting)) for d in documents if d.path not in held]
        newly = [(d, ids) for d, ids in newly if ids]
        translations = [d for d in documents if d.path not in held and _original(d) in held]
        if not newly and not translations:
            return waiting
        for document, ids in newly:
            held[document.path] = Held(document.path, "agreement", agreement=ids[0])
        for document in translations:
            held[document.path] = Held(document.path, "original", original=_original(document) or "")
