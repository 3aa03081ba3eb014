"""The archive index, built once: agreements merged from their documents, and every way into them.

Pure: records in, an Archive out, with cross-file problems (disagreements, dangling references)
added to the collector. Nothing here reads files or knows URLs.
"""

from __future__ import annotations

import difflib
from collections import Counter, defaultdict
from collections.abc import Collection, Hashable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from . import facts as fact_table
from .errors import Problem, Problems
from .facts import FactEntry
from .history import History
from .life import LISTED, life_of, stated_status_conflicts
from .model import (
    NO_FACT,
    Agreement,
    AgreementFacts,
    Alias,
    Claim,
    Content,
    Document,
    Fact,
    PartialDate,
    Party,
    Person,
    Source,
    Topic,
)
from .translations import link_translations

Index = dict[str, tuple[str, ...]]  # a topic's or party's id -> its agreements' ids
RELATED_LIMIT = 5
RELATED_WINDOW = 10


@dataclass(frozen=True)
class Archive:
    """Every record, and the indexes that pages are planned from. Lists are newest first."""

    parties: dict[str, Party]
    topics: dict[str, Topic]
    documents: dict[str, Document]  # by content path, newest first
    agreements: dict[str, Agreement]  # by id, newest first
    by_topic: dict[str, tuple[str, ...]]  # topic id -> agreement ids
    by_party: dict[str, tuple[str, ...]]  # party id -> agreement ids
    by_year: dict[int, tuple[str, ...]]  # year of signing -> agreement ids, years newest first
    related: dict[str, tuple[str, ...]]  # agreement id -> related agreement ids, closest first
    counterparts: dict[str, tuple[tuple[str, int], ...]]  # party id -> (other party, agreements)
    inverse: dict[str, dict[str, tuple[str, ...]]]  # agreement id -> {"superseded_by": (...), ...}
    undated: tuple[str, ...]  # agreements no document gives a signing date for
    # document path -> every version of it in another language, itself included, original first
    translations: dict[str, tuple[str, ...]] = field(default_factory=dict)
    history: History = field(default_factory=History)  # the content's commits, as published
    # The moment the archive is published at, in the site's time zone: what of each agreement's
    # life has happened (life.py). None: every event counts, whatever its date.
    now: datetime | None = None
    statuses: dict[str, tuple[str, ...]] = field(default_factory=dict)  # agreement id -> status now
    by_status: dict[str, tuple[str, ...]] = field(default_factory=dict)  # life.LISTED status -> ids

    def agreements_of(self, ids: Iterable[str]) -> list[Agreement]:
        return [self.agreements[i] for i in ids]

    def documents_of(self, agreement: Agreement) -> list[Document]:
        return [self.documents[p] for p in agreement.documents]


def build_archive(content: Content, problems: Problems, now: datetime | None = None) -> Archive:
    """Merge agreement facts across documents and index everything, as published at `now`; report
    cross-file problems."""
    by_path = order_documents(content.documents)
    parties = {p.id: p for p in content.parties}
    topics = {t.id: t for t in content.topics}
    agreements = order_agreements(merge_agreements(list(by_path.values()), problems))
    check_agreements(agreements, by_path, parties, problems)
    by_topic, by_party, by_year = term_indexes(agreements, parties, topics)
    archive = with_statuses(Archive(
        parties=parties,
        topics=topics,
        documents=by_path,
        agreements=agreements,
        by_topic=by_topic,
        by_party=by_party,
        by_year=by_year,
        related=related_agreements(agreements, by_party, by_topic),
        counterparts={p: counterparts(p, by_party[p], agreements) for p in parties},
        inverse=inverse_relations(agreements),
        undated=undated(agreements),
        translations=link_translations(by_path, problems),
        history=content.history,
        now=now,
    ))
    for agreement in agreements.values():
        problems.extend(stated_status_conflicts(agreement, archive))
    return archive


def with_statuses(archive: Archive, only: Iterable[str] | None = None,
                  old: Archive | None = None) -> Archive:
    """The archive with each agreement's status now (life.py) and the lists by status; with `only`,
    just those agreements' statuses worked out again, the others' kept from `old`."""
    statuses = dict(old.statuses) if old is not None and only is not None else {}
    for ident in (archive.agreements if only is None else only):
        if ident in archive.agreements:
            statuses[ident] = life_of(archive.agreements[ident], archive, archive.now).statuses
    statuses = {ident: statuses[ident] for ident in archive.agreements}
    by_status = {status: tuple(a for a, found in statuses.items() if status in found) for status in LISTED}
    if old is not None:  # the lists that did not change stay the same objects (engine.py)
        by_status = {k: old.by_status[k] if old.by_status.get(k) == v else v for k, v in by_status.items()}
    return replace(archive, statuses=statuses, by_status=by_status)


def life_neighbours(archive: Archive, ids: Iterable[str]) -> set[str]:
    """The agreements whose life the agreements `ids` date events of: those they supersede, amend or
    renew, and those that do so to them (whose dates date theirs)."""
    found = set(ids)
    for ident in list(found):
        agreement = archive.agreements.get(ident)
        if agreement is not None:
            found.update(t for name in fact_table.FACTS.relations for c in getattr(agreement, name).claims
                         for t in c.value)
        found.update(t for targets in archive.inverse.get(ident, {}).values() for t in targets)
    return found


# The stages of build_archive, each pure, so that a rebuild (engine.py) can redo them for the
# records an edit touched and keep the rest.


def order_documents(documents: Iterable[Document]) -> dict[str, Document]:
    """Documents by path, newest first, undated last, then by path."""
    ordered = sorted(documents, key=lambda d: d.path)
    ordered = sorted(ordered, key=lambda d: _date_key(d.published), reverse=True)
    return {d.path: d for d in ordered}


def order_agreements(agreements: dict[str, Agreement]) -> dict[str, Agreement]:
    """Agreements newest first by signing date (undated last), then by id."""
    order = sorted(sorted(agreements), key=lambda a: _date_key(agreements[a].sort_date), reverse=True)
    return {a: agreements[a] for a in order}


def term_indexes(agreements: dict[str, Agreement], parties: dict[str, Party], topics: dict[str, Topic]
                 ) -> tuple[Index, Index, dict[int, tuple[str, ...]]]:
    """Topic, party and year of signing -> agreement ids, in the agreements' order."""
    by_topic: dict[str, list[str]] = {t: [] for t in topics}
    by_party: dict[str, list[str]] = {p: [] for p in parties}
    by_year: dict[int, list[str]] = defaultdict(list)
    for agreement in agreements.values():
        for topic in agreement.topic_ids:
            by_topic[topic].append(agreement.id)
        for party in agreement.party_ids:
            by_party[party].append(agreement.id)
        for year in sorted({d.year for d in agreement.signed.values}):
            by_year[year].append(agreement.id)
    return ({k: tuple(v) for k, v in by_topic.items()}, {k: tuple(v) for k, v in by_party.items()},
            {y: tuple(by_year[y]) for y in sorted(by_year, reverse=True)})


def undated(agreements: dict[str, Agreement]) -> tuple[str, ...]:
    return tuple(a.id for a in agreements.values() if not a.signed.known)


def _date_key(date: PartialDate | None) -> tuple[int, int, int, int]:
    """Sorts undated last when sorted newest first."""
    if date is None:
        return (0, 0, 0, 0)
    return (1, date.year, date.month or 0, date.day or 0)


# --- merging -------------------------------------------------------------------------------------


def _merge_fact(fact: FactEntry, statements: list[tuple[Document, AgreementFacts]]) -> Fact:
    """One field's claims: documents stating the same value share a claim, in document order."""
    name = fact.name
    stated = [(document, facts, value) for document, facts in statements
              if (value := getattr(facts, name)) is not None and value != ()]
    if not stated:
        return NO_FACT
    compare, note = fact.same, fact.note
    claims: dict[Hashable, tuple[Any, list[Source]]] = {}
    for document, facts, value in stated:
        source = Source(document.path, facts.line_of(name), getattr(facts, note) if note else None)
        claims.setdefault(compare(value) if len(stated) > 1 else None, (value, []))[1].append(source)
    return Fact(tuple(Claim(value, tuple(sources)) for value, sources in claims.values()))


def merge_agreements(documents: list[Document], problems: Problems,
                     only: Collection[str] | None = None) -> dict[str, Agreement]:
    """The agreements the documents mention, each merged from the documents about it (`only`: just
    these agreements, when `documents` holds every document about them)."""
    # Oldest document first, so the first claim is the earliest report; undated ones after.
    chronological = sorted(sorted(documents, key=lambda d: d.path),
                           key=lambda d: (d.published is None, _date_key(d.published)))
    statements: dict[str, list[tuple[Document, AgreementFacts]]] = defaultdict(list)
    mentions: dict[str, list[Document]] = defaultdict(list)
    for document in chronological:
        for facts in document.states:
            statements[facts.id].append((document, facts))
        for ident in document.agreement_ids:
            mentions[ident].append(document)
    merged = {}
    table = fact_table.FACTS
    for ident, docs in mentions.items():
        if only is not None and ident not in only:
            continue
        stated = statements.get(ident, [])
        topic_sources: dict[str, list[Source]] = defaultdict(list)
        for document in docs:
            for topic in document.topics:
                topic_sources[topic].append(Source(document.path))
        merged[ident] = Agreement(
            id=ident,
            documents=tuple(d.path for d in docs),
            topics=tuple(Claim(t, tuple(s)) for t, s in topic_sources.items()),
            aliases=_aliases(stated),
            # Only a preview build has held-back documents in it (publishing.py).
            held=bool(stated) and all(document.held for document, _f in stated),
            facts=tuple(_merge_fact(fact, stated) for fact in table),
        )
        problems.extend(disagreements(merged[ident]))
    return merged


def _aliases(statements: list[tuple[Document, AgreementFacts]]) -> tuple[Alias, ...]:
    """The agreement's old addresses; one written in two documents counts once (the first)."""
    found: dict[str, Alias] = {}
    for _document, facts in statements:
        for alias in facts.aliases:
            found.setdefault(alias.url, alias)
    return tuple(found.values())


def _describe_value(value: Any) -> str:
    if isinstance(value, tuple) and value and isinstance(value[0], Person):
        return ", ".join(p.name for p in value)
    if isinstance(value, tuple):
        return ", ".join(value)
    return str(value)


def warnings_of(agreement: Agreement, archive: Archive) -> list[Problem]:
    """The warnings about an agreement: the facts its documents disagree on, and the statuses they
    state that its dated events contradict (life.py)."""
    return [*disagreements(agreement), *stated_status_conflicts(agreement, archive)]


def disagreements(agreement: Agreement) -> list[Problem]:
    """A warning for each fact the agreement's documents disagree on."""
    found, table = [], fact_table.FACTS
    for name, fact in agreement.named_facts():
        if not fact.disputed:
            continue
        said = "; ".join(
            f"{' and '.join(f'{s.document}:{s.line}' for s in claim.sources)} says "
            f"{_describe_value(claim.value)}" for claim in fact.claims
        )
        first = fact.claims[0].sources[0]
        found.append(Problem(
            first.document, first.line, f"agreement.{name}",
            f"documents disagree on the {table[name].called} of agreement '{agreement.id}': {said}",
            "the agreement page shows every version with its source; if one is known to be right, "
            "say why in 'notes:' of the agreement", "warning",
        ))
    return found


# --- checks across documents ---------------------------------------------------------------------


def check_agreements(agreements: dict[str, Agreement], documents: dict[str, Document],
                     parties: dict[str, Party], problems: Problems,
                     only: Iterable[str] | None = None) -> None:
    """Report agreements without parties, relations to no agreement and people acting for a body
    that is no party (`only`: check just these agreements)."""
    checked = [agreements[a] for a in only] if only is not None else list(agreements.values())
    stated_ids = [a.id for a in agreements.values() if any(f.known for f in _facts(a))] \
        if any(not a.parties.known for a in checked) else []
    for agreement in checked:
        if agreement.parties.known:
            continue
        for path in agreement.documents:
            document = documents[path]
            line = next((f.line for f in document.states if f.id == agreement.id),
                        document.agreement_line)
            if agreement.id in stated_ids:
                problems.error(path, line, "agreement", f"no document gives the parties of agreement "
                               f"'{agreement.id}'", f"add 'parties: [..]' to the agreement in {path} "
                               "or in another document about it")
            else:
                close = difflib.get_close_matches(agreement.id, stated_ids, n=1)
                hint = (f"did you mean '{close[0]}'?" if close else
                        "state its facts in one document: agreement: {id: ..., parties: [..], ...}")
                problems.error(path, line, "agreement", f"refers to agreement '{agreement.id}', "
                               "which no document describes", hint)
    for agreement in checked:
        for name in fact_table.FACTS.relations:
            for claim in getattr(agreement, name).claims:
                for target in claim.value:
                    if target not in agreements:
                        source = claim.sources[0]
                        others = [a for a in agreements if a != agreement.id]  # not itself
                        close = difflib.get_close_matches(target, others, n=1)
                        problems.error(source.document, source.line, f"agreement.{name}",
                                       f"unknown agreement '{target}'",
                                       f"did you mean '{close[0]}'?" if close else
                                       "use the id of an agreement in the archive")
        _check_people_parties(agreement, parties, problems)


def _facts(agreement: Agreement) -> list[Fact]:
    return list(agreement.facts)


def _related_bodies(party: str, parties: dict[str, Party]) -> set[str]:
    """The party with the bodies above it: a minister acts for the government as a whole."""
    found, current = set(), party
    while current and current not in found:
        found.add(current)
        current = parties[current].parent if current in parties else None
    return found


def _check_people_parties(agreement: Agreement, parties: dict[str, Party], problems: Problems) -> None:
    allowed: set[str] = set()
    for party in agreement.party_ids:
        allowed |= _related_bodies(party, parties)
    if not allowed:
        return
    for name in fact_table.FACTS.people:
        for claim in getattr(agreement, name).claims:
            for person in claim.value:
                if person.party and person.party not in allowed:
                    source = claim.sources[0]
                    problems.error(
                        source.document, source.line, f"agreement.{name}",
                        f"{person.name} acts for '{person.party}', which is not a party to "
                        f"agreement '{agreement.id}' nor a body above one",
                        "add the party to the agreement's parties, or correct the person's party",
                    )


# --- indexes -------------------------------------------------------------------------------------


def related_agreements(agreements: dict[str, Agreement], by_party: dict[str, tuple[str, ...]],
                       by_topic: dict[str, tuple[str, ...]], only: Iterable[str] | None = None
                       ) -> dict[str, tuple[str, ...]]:
    """For each agreement (or each of `only`), up to five related ones.

    Candidates are the agreements nearest in time that share a party (RELATED_WINDOW either side in
    each shared party's list), or, when those are too few, that share a topic; they are ranked by
    shared parties, then shared topics, then nearness in time. Looking only near in time keeps this
    linear in the size of the archive: comparing every pair would take hours at 100,000 agreements.
    So an agreement's related ones depend on the agreements within RELATED_WINDOW of it in its
    parties' and topics' lists, and on the archive's order (engine.py relies on this).
    """
    order = {ident: n for n, ident in enumerate(agreements)}  # newest first
    party_positions: dict[str, dict[str, int]] = {}
    topic_positions: dict[str, dict[str, int]] = {}
    related = {}
    wanted = list(agreements) if only is None else list(only)
    # Each agreement's parties and topics as bits of an int (one bit a party or topic), and its
    # place in the archive's order, made when first needed and then found by one lookup: the
    # ranking reads them for about 45 candidates an agreement. Ints rather than frozensets, since
    # at 100,000 documents reaching 75,000 agreements' sets in memory was the cost, not the calls
    # (benchmarks/RESULTS.md, issue 12); shared ones are counted by the bits both have.
    bits: dict[str, int] = {}  # each party's and topic's bit (a party and a topic may share one)
    known: dict[str, tuple[int, int, int]] = {}

    def mask(keys: Iterable[str]) -> int:
        return sum(bits.get(key) or bits.setdefault(key, 1 << len(bits)) for key in set(keys))

    def facts(ident: str) -> tuple[int, int, int]:
        found = known.get(ident)
        if found is None:
            agreement = agreements[ident]
            found = known[ident] = (mask(agreement.party_ids), mask(agreement.topic_ids), order[ident])
        return found

    for ident in wanted:
        agreement = agreements[ident]
        parties, topics, here = facts(ident)
        candidates = _near(ident, agreement.party_ids, by_party, party_positions)
        if len(candidates) < RELATED_LIMIT:
            candidates |= _near(ident, agreement.topic_ids, by_topic, topic_positions)
        # ranked by shared parties, shared topics, nearness in time, then id (each id is once)
        ranked = sorted((-(parties & theirs).bit_count(), -(topics & their_topics).bit_count(),
                         abs(at - here), other)
                        for other in candidates
                        for theirs, their_topics, at in (known.get(other) or facts(other),))
        related[ident] = tuple(item[3] for item in ranked[:RELATED_LIMIT])
    return related


def _near(ident: str, keys: Iterable[str], index: dict[str, tuple[str, ...]],
          positions: dict[str, dict[str, int]]) -> set[str]:
    """The agreements within RELATED_WINDOW of `ident` in each of the lists `keys` name
    (`positions`: each list's index of its agreements, made when first needed)."""
    found: set[str] = set()
    for key in keys:
        ids = index[key]
        where = positions.get(key)
        if where is None:
            where = positions[key] = {other: n for n, other in enumerate(ids)}
        here = where[ident]
        found.update(ids[max(0, here - RELATED_WINDOW): here + RELATED_WINDOW + 1])
    found.discard(ident)
    return found


def counterparts(party: str, ids: Iterable[str],
                  agreements: dict[str, Agreement]) -> tuple[tuple[str, int], ...]:
    counts = Counter(p for a in ids for p in agreements[a].party_ids if p != party)
    return tuple(sorted(counts.items(), key=lambda pair: (-pair[1], pair[0])))


def inverse_relations(agreements: dict[str, Agreement]) -> dict[str, dict[str, tuple[str, ...]]]:
    inverse: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    names = {fact.name: fact.inverse.name for fact in fact_table.FACTS if fact.inverse}
    for agreement in agreements.values():
        for name, inverse_name in names.items():
            for target in dict.fromkeys(t for c in getattr(agreement, name).claims for t in c.value):
                inverse[target][inverse_name].append(agreement.id)
    return {a: {k: tuple(v) for k, v in rel.items()} for a, rel in inverse.items()}
