"""What each page's bytes depend on, as one fingerprint, so a rebuild renders only the pages whose
inputs changed and carries the rest over from the previous site.

A page's fingerprint hashes the site's stamp (mouarchive's code, the config, every template and
static file, the vocabularies), the page itself (URL, template, title, pagination, items) and the
fingerprints of the records the default templates show on it. A template that reads more of the
archive than that (a site's own template listing every party on every page, say) may need a
`mouarchive build --force` after an edit; the default templates are covered.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import operator
import pickle
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from . import facts as fact_table
from .archive import Archive
from .cache import digest
from .history import history_record
from .life import reached
from .links import Resolved
from .model import Agreement, Document, Party, Topic
from .pages import Kind, Page, Urls
from .views import HOME_LATEST, TIMELINE_LATEST, statuses_of


def agreement_record(agreement: Agreement, now: datetime | None) -> str:
    """An agreement as pages show it at `now`: the record, and which events of its life have come
    (its status, and its timeline's events to come, change on their day with no edit)."""
    return record_digest(agreement) + ":" + reached(agreement, now)


def entry_record(agreement: Agreement, archive: Archive) -> str:
    """What an agreement's entry in a side column (mini.html) shows of it: its title and the
    language of the documents stating it, its signing dates, its parties, whether sources disagree
    and whether it is held back; not its topics, documents or other facts. An agreement page lists
    its related agreements so: a topic added to one of them leaves their pages as they were (half of
    a topic edit's agreement pages at 1,000 documents, benchmarks/RESULTS.md, issue 12)."""
    title = agreement.title.claims[0] if agreement.title.claims else None
    languages = sorted({archive.documents[s.document].lang for s in title.sources}) if title else []
    return digest(agreement.id, agreement.display_title, languages, agreement.signed.known,
                  [d.iso for d in agreement.dates], agreement.party_ids, agreement.disputed_fields,
                  agreement.held)


def record_digest(record: object) -> str:
    """A hash of a frozen record's fields (pickled, which is much faster than repr; the cached
    properties of an Agreement live outside its fields, so whether they were read does not count)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True  # no memo: equal values pickle alike however their objects are shared
    pickler.dispatch_table = _AS_FIELDS
    pickler.dump(_AS_FIELDS[type(record)](record))
    return hashlib.blake2b(buffer.getvalue(), digest_size=12).hexdigest()


class _FieldReducers(dict[type, Callable[[Any], Any]]):
    """How record_digest pickles an object of each type: a dataclass as its type and its fields'
    values, read by one attrgetter. By default pickle asks each of the hundreds of thousands of
    nested records for its state, which a slotted dataclass gives by listing its fields anew each
    time: a quarter of the fingerprints' time (the 10k benchmark site: 1.6 of 6.1 s profiled)."""

    def __missing__(self, kind: type) -> Callable[[Any], Any]:
        if issubclass(kind, type):  # a class whose type is not `type` (an Enum's): by its name
            reducer: Callable[[Any], Any] = operator.attrgetter("__qualname__")
        elif not dataclasses.is_dataclass(kind):  # as pickle would have it
            reducer = operator.methodcaller("__reduce_ex__", 5)
        else:
            names = tuple(f.name for f in dataclasses.fields(kind))
            if len(names) > 1:
                values: Callable[[Any], tuple[Any, ...]] = operator.attrgetter(*names)  # a tuple, made in C
            else:  # (one name would give the value itself, none is an error)
                def values(record: Any, names: tuple[str, ...] = names) -> tuple[Any, ...]:
                    return tuple(getattr(record, name) for name in names)

            def reducer(record: Any, kind: type = kind, values: Callable[[Any], Any] = values) -> Any:
                return kind, values(record)
        self[kind] = reducer
        return reducer


_AS_FIELDS = _FieldReducers()


@dataclass(frozen=True)
class Records:
    """The fingerprint of every record a page can show, keyed as `page_inputs` names them."""

    values: dict[str, str]

    @classmethod
    def of(cls, archive: Archive, document_digests: dict[str, str], links: Resolved | None = None,
           summary: Callable[[Document], str] | None = None) -> Records:
        """`summary`: each document's summary (Renderer.summary), where some are not in memory."""
        values: dict[str, str] = {}
        for path, document in archive.documents.items():
            values.update(document_records(document, document_digests.get(path, ""), (links or {}).get(path),
                                           summary(document) if summary else None))
        values.update({f"h:{path}": history_record(archive.history, path) for path in archive.documents})
        values.update({f"a:{a.id}": agreement_record(a, archive.now) for a in archive.agreements.values()})
        values.update({f"e:{a.id}": entry_record(a, archive) for a in archive.agreements.values()})
        values.update({f"t:{t}": list_record(ids) for t, ids in archive.by_topic.items()})
        values.update({f"p:{p}": party_record(archive, p) for p in archive.by_party})
        values.update({f"y:{y}": list_record(ids) for y, ids in archive.by_year.items()})
        values.update({f"s:{s}": list_record(ids) for s, ids in archive.by_status.items()})
        values.update(summary_records(archive, values))
        return cls(values)


def document_records(document: Document, file_digest: str, links: dict[str, str] | None,
                     summary: str | None = None) -> dict[str, str]:
    """A document's records: its file, where its body's links lead, and what other pages show of it.
    `summary`: its summary where the document does not hold it (a body in the cache's packs: load.py)."""
    return {
        f"d:{document.path}": file_digest,
        f"l:{document.path}": links_record(links),
        # What lists, feeds and agreement pages show of a document: all but its body (its summary
        # is in the structured data) and what only its own page or redirect pages show, so an edit
        # below a body's first paragraph re-renders the document's own page and nothing else.
        f"m:{document.path}": record_digest(replace(document, body_html="", body_ref=None, links=(),
                                                    aliases=(), summary=document.summary if summary is None
                                                    else summary)),
    }


def links_record(links: dict[str, str] | None) -> str:
    """Where a body's internal links lead: they change with their targets' URLs, not the body."""
    return digest(sorted((links or {}).items()))


def list_record(ids: tuple[str, ...], *more: object) -> str:
    """A topic's, party's or year's list of agreements (and, for a party, its counterparts)."""
    return digest(ids, *more)


def party_record(archive: Archive, party: str) -> str:
    """A party's list of agreements, its counterparts, and its agreements' statuses (its page lists
    them by status)."""
    ids = archive.by_party[party]
    return list_record(ids, archive.counterparts.get(party), [archive.statuses.get(a) for a in ids])


def summary_records(archive: Archive, values: dict[str, str], total: int | None = None) -> dict[str, str]:
    """The records every summary of the archive reads: the counts, and all records at once; the
    years in which agreements were signed, which every year's page lists beside its own; which
    agreements no document gives a signing date for, which the timeline lists apart; and how many
    agreements each topic and each party has, which the topics' and the parties' indexes show.

    "all" adds up a hash of each record rather than hashing them in order, so that a rebuild that
    knows the last total (`total`, as `all_total` made it) need only add the change (engine.py)."""
    counts = digest(
        len(archive.documents), {k: len(v) for k, v in archive.by_year.items()},
        {k: len(v) for k, v in archive.by_topic.items()},
        {k: len(v) for k, v in archive.by_party.items()},
        [(a.id, a.topic_ids) for a in archive.agreements.values()], archive.undated)
    if total is None:
        total = all_total(values)
    return {"counts": counts, "all": f"{(total + record_term('counts', counts)) % ALL_MODULUS:024x}",
            "years": digest(list(archive.by_year)), "undated": digest(archive.undated),
            "topic_counts": digest({k: len(v) for k, v in archive.by_topic.items()}),
            "party_counts": digest({k: len(v) for k, v in archive.by_party.items()})}


ALL_MODULUS = 1 << 96


def record_term(key: str, value: str) -> int:
    """What one record adds to "all" (records of a document's file and its history, which only
    its own pages show, an agreement's entry, made from its record, and the summaries themselves
    add nothing)."""
    if key.startswith(("d:", "h:", "e:")) or key in SUMMARIES:
        return 0
    return int.from_bytes(hashlib.blake2b(f"{key}\x00{value}".encode(), digest_size=12).digest(), "big")


def all_total(values: dict[str, str]) -> int:
    return sum(record_term(key, value) for key, value in values.items()) % ALL_MODULUS


SUMMARIES = ("counts", "all", "years", "undated", "topic_counts", "party_counts")


def page_inputs(page: Page, archive: Archive) -> tuple[str, ...]:
    """The records the default template for `page` shows."""
    subject = page.subject
    if page.kind is Kind.AGREEMENT and isinstance(subject, Agreement):
        relations = archive.inverse.get(subject.id, {})
        others = [t for name in fact_table.FACTS.relations
                  for claim in getattr(subject, name).claims for t in claim.value]
        others += [t for targets in relations.values() for t in targets]
        return (f"a:{subject.id}", *(f"m:{d}" for d in subject.documents),
                *(f"h:{d}" for d in subject.documents),
                *(f"e:{r}" for r in archive.related[subject.id]), *(f"a:{o}" for o in others))
    if page.kind is Kind.DOCUMENT and isinstance(subject, Document):
        # Its versions in other languages are linked from it by title and language.
        versions = [f"m:{path}" for path in archive.translations.get(subject.path, ())
                    if path != subject.path]
        # What it states of its agreements names the agreements they supersede, amend or renew.
        # Of its agreements and those, it shows their entries (entry_record), no more.
        others = [f"e:{t}" for facts in subject.states for name in fact_table.FACTS.relations
                  for t in getattr(facts, name) or ()]
        return (f"d:{subject.path}", f"m:{subject.path}", f"l:{subject.path}", f"h:{subject.path}",
                *(f"e:{a}" for a in subject.agreement_ids), *versions, *others)
    if page.kind in (Kind.CHANGES, Kind.CHANGE_LIST):  # its items are its commits; it links their documents
        changes = archive.history.changes[:len(page.items)]
        return tuple(dict.fromkeys(f"m:{path}" for change in changes for path in change.files))
    if page.kind is Kind.REDIRECT:
        return ()  # its title and target are the page's own
    if page.kind is Kind.DOCUMENTS:
        return tuple(key for path in page.items for key in
                     (f"m:{path}", *(f"a:{a}" for a in archive.documents[path].agreement_ids)))
    if page.kind is Kind.FEED:
        return tuple(key for ident in page.items for key in
                     (f"a:{ident}", *(f"m:{d}" for d in archive.agreements[ident].documents)))
    if page.kind is Kind.HOME:
        latest_documents = list(archive.documents)[:HOME_LATEST]
        return ("counts", *(f"a:{a}" for a in list(archive.agreements)[:HOME_LATEST]),
                *(f"m:{d}" for d in latest_documents),
                *(f"a:{a}" for d in latest_documents for a in archive.documents[d].agreement_ids))
    if page.kind is Kind.STATUS:  # it counts the agreements with its status
        return (f"s:{subject}", *(f"a:{ident}" for ident in page.items))
    if page.kind is Kind.TOPICS:  # each topic with its number of agreements
        return ("topic_counts",)
    if page.kind is Kind.PARTIES:  # each party with its number (a topic's edit leaves it alone)
        return ("party_counts",)
    if page.kind is Kind.YEARS:
        # Each year's newest agreements and their count (its list), and the undated ones.
        return ("years", "undated", *(f"y:{year}" for year in archive.by_year),
                *(f"a:{a}" for ids in archive.by_year.values() for a in ids[:TIMELINE_LATEST]),
                *(f"a:{a}" for a in archive.undated))
    if page.kind in (Kind.JSON, Kind.CSV, Kind.CSL):
        return ("all",)
    if page.kind is Kind.SITEMAP:
        return ()  # its items, the URLs, are part of every page's fingerprint
    items = tuple(f"a:{ident}" for ident in page.items) if page.template.endswith(".html") else ()
    if isinstance(subject, Topic):
        return (f"t:{subject.id}", *items)  # its side column lists the other topics: the vocabulary's
    if isinstance(subject, Party):
        # Its first page lists its agreements by status, by title (views.statuses_of).
        listed = [f"a:{a}" for _status, ids in statuses_of(archive, subject.id) for a in ids] \
            if page.pager is not None and page.pager.number == 1 else []
        return (f"p:{subject.id}", *items, *listed)
    if isinstance(subject, int):
        return (f"y:{subject}", "years", *items)  # its side column lists every year
    return items


def page_fingerprints(pages: Iterable[Page], archive: Archive, records: Records,
                      stamp: str) -> dict[str, str]:
    """Output path -> fingerprint of everything the page's bytes depend on."""
    return {page.output: fingerprint(page, page_inputs(page, archive), records.values, stamp)
            for page in pages}


def fingerprint(page: Page, inputs: tuple[str, ...], values: dict[str, str], stamp: str) -> str:
    """A page's fingerprint: the page itself and the fingerprints of the records it shows."""
    listed = page.items if page.kind not in (Kind.JSON, Kind.CSV, Kind.CSL) else ()
    return digest(stamp, page.url, page.kind.value, page.title, page.pager, listed, page.absolute_links,
                  page.target, page.lang, page.alternates, [values.get(key, "") for key in inputs])


def search_keys(archive: Archive, records: Records, stamp: str, agreements: Iterable[str] | None = None,
                documents: Iterable[str] | None = None) -> dict[str, str]:
    """Site-relative URL -> a key of everything the search record of that agreement or document is
    made from (search.search_records): a record with the same key is the same record. Of every
    agreement and document, or of those `agreements` (ids) and `documents` (paths) given."""
    values = records.values
    chosen = archive.agreements.values() if agreements is None else \
        (archive.agreements[a] for a in agreements)
    # An agreement's record shows its documents' languages, not the documents themselves.
    keys = {Urls.agreement(a.id): digest(stamp, values[f"a:{a.id}"],
                                         [archive.documents[d].lang for d in a.documents])
            for a in chosen}
    papers = archive.documents.values() if documents is None else (archive.documents[p] for p in documents)
    keys.update({Urls.document(d): digest(stamp, values[f"d:{d.path}"],
                                          [values[f"a:{a}"] for a in d.agreement_ids])
                 for d in papers})
    return keys
