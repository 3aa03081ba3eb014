"""The full-text search index: one record for each agreement and each document, indexed by Pagefind
from memory, not by reading the written pages back.

Every interface language shares one index. A record is made once, with its filters and result
labels in each interface language (`topic@en`, `topic@zh-Hant`, `kind@en` ...), and with its
address as every language has it below that language's prefix (`agreements/x/`): the search page
of an interface asks Pagefind for results under its own root (`/zh-hant/`), so each result leads
to the page in the reader's interface. Indexing the site's HTML instead meant reading every page
of every language (74,000 files at 10,000 documents) and indexing each record once per language.
"""

from __future__ import annotations

import base64
import contextlib
import gzip
import hashlib
import html
import json
import os
import re
import subprocess
import threading
from collections.abc import Callable, Container, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from . import facts as fact_table
from .archive import Archive
from .errors import BuildError, ExitCode, Problem
from .facts import FactEntry, Section, Type
from .freshness import digest
from .i18n import translations
from .model import Agreement, Document
from .pages import Urls
from .snippets import snippets

BUNDLE = "pagefind"  # the index's directory inside the site; static/search.js looks for it there


@dataclass(frozen=True)
class SearchRecord:
    """What the index holds of one page: its address below the interface's root, its words, the
    labels of its result and the values it is filed under, in every interface language."""

    url: str
    content: str
    meta: tuple[tuple[str, str], ...]
    filters: tuple[tuple[str, tuple[str, ...]], ...]


def search_records(archive: Archive, languages: tuple[str, ...], vocabulary_lang: str,
                   body_html: Callable[[Document], str],
                   wanted: Container[str] | None = None) -> list[SearchRecord]:
    """A record for every agreement and every document of the archive (or those whose address is
    `wanted`), in a stable order."""
    labels = [_Labels(archive, lang, vocabulary_lang) for lang in languages]
    records = [_agreement_record(archive, a, labels) for a in archive.agreements.values()
               if wanted is None or Urls.agreement(a.id) in wanted]
    records += [_document_record(archive, d, body_html(d), labels) for d in archive.documents.values()
                if wanted is None or Urls.document(d) in wanted]
    return records


class _Labels:
    """The words one interface language files and labels a record with, as its pages show them."""

    def __init__(self, archive: Archive, lang: str, vocabulary_lang: str) -> None:
        self.lang = lang
        self.gettext = translations(lang).gettext
        bound = snippets(archive, lang, vocabulary_lang)
        self.name, self.kind, self.date = bound["name_text"], bound["kind_label"], bound["date_text"]
        self.language = bound["language_label"]
        self.archive = archive

    def party(self, party_id: str) -> str:
        party = self.archive.parties[party_id]
        return self.name(party) + (f" ({party.acronym})" if party.acronym else "")

    def value(self, fact: FactEntry, value: Any) -> str:
        """One value of a fact as its search filter offers it: a party by name, a date by year."""
        if fact.type is Type.PARTY:
            return self.party(value)
        if fact.type is Type.DATE:
            return str(value.year)
        return value.full_name if fact.type is Type.PERSON else str(value)

    def filed(self, kind: str, topic_ids: Iterable[str], values: Iterable[tuple[FactEntry, Iterable[Any]]],
              languages: Iterable[str]) -> Iterator[tuple[str, tuple[str, ...]]]:
        """The filters: topic, then each of the table of facts' (`values`: each fact's values), kind
        and language."""
        at = "@" + self.lang
        yield "topic" + at, tuple(self.name(self.archive.topics[t]) for t in topic_ids)
        for fact, items in values:
            assert fact.filter is not None
            yield fact.filter.name + at, tuple(dict.fromkeys(self.value(fact, v) for v in items))
        yield "kind" + at, (kind,)
        yield "language" + at, tuple(self.language(tag) for tag in languages)


def _values(agreement: Agreement, fact: FactEntry) -> list[Any]:
    """An agreement's values of a fact, every version's, first seen first (dates earliest first)."""
    claims = getattr(agreement, fact.name).claims
    values = [v for c in claims for v in c.value] if fact.many else [c.value for c in claims]
    return sorted(values) if fact.type is Type.DATE else values


def _record(url: str, title: str, words: Iterable[str | None], party_ids: tuple[str, ...],
            archive: Archive, meta: Iterable[tuple[str, str]],
            filters: Iterable[tuple[str, tuple[str, ...]]], between: str = "\n") -> SearchRecord:
    """A record whose text is its title, then its words, `between` each."""
    parties = ", ".join(archive.parties[p].label for p in party_ids)
    return SearchRecord(
        url=url, content=between.join(w for w in (title, *words) if w),
        meta=(("title", title), *((("parties", parties),) if parties else ()),
              *((k, v) for k, v in meta if v)),
        filters=tuple((name, values) for name, values in filters if values))


def _agreement_record(archive: Archive, agreement: Agreement, labels: list[_Labels]) -> SearchRecord:
    a = agreement
    words = [*(w for fact in fact_table.FACTS for w in _words(a, fact)),
             *(name for p in a.party_ids for name in _names(archive.parties[p])),
             *(name for t in a.topic_ids for name in _names(archive.topics[t]))]
    languages = tuple(dict.fromkeys(d.lang for d in archive.documents_of(a)))
    values = [(fact, _values(a, fact)) for fact in fact_table.FACTS.filters]
    meta, filters = [], []
    for label in labels:
        kind = label.gettext("Agreement")
        dates = label.gettext(" or ").join(label.date(d) for d in a.dates)
        meta += [("kind@" + label.lang, kind),
                 ("date@" + label.lang, label.gettext("signed %(dates)s") % {"dates": dates}
                  if a.signed.known else "")]
        filters += label.filed(kind, a.topic_ids, values, languages)
    # Its words are a list of values, not prose: kept apart in the excerpt that a result shows
    # ("... blockchain · itib-cac-2026 · John Lee, Chief Executive · ..."), where newlines would
    # run them together ("... John Lee Chief Executive Zhuang Rongwen director of ...").
    return _record(Urls.agreement(a.id), a.display_title, [a.id, *words], a.party_ids, archive, meta, filters,
                   between=" · ")


def _document_record(archive: Archive, document: Document, body: str,
                     labels: list[_Labels]) -> SearchRecord:
    d = document
    party_ids = tuple(dict.fromkeys([*([d.publisher_party] if d.publisher_party else []),
                                     *(p for a in d.agreement_ids for p in archive.agreements[a].party_ids)]))
    # A document is filed under its agreements' values, but by the year it was published, and
    # under its publisher as a party.
    agreements = [archive.agreements[a] for a in d.agreement_ids]
    values = [(fact, [d.published] if d.published else []) if fact.type is Type.DATE else
              (fact, party_ids) if fact.type is Type.PARTY else
              (fact, [v for a in agreements for v in _values(a, fact)])
              for fact in fact_table.FACTS.filters]
    meta, filters = [], []
    for label in labels:
        kind = label.kind(d.kind)
        published = label.gettext("published %(date)s") % {"date": label.date(d.published)} \
            if d.published else ""
        meta += [("kind@" + label.lang, kind), ("date@" + label.lang, published)]
        filters += label.filed(kind, d.topics, values, [d.lang])
    return _record(Urls.document(d), d.title, [d.publisher, d.place, text_of(body)], party_ids, archive,
                   meta, filters)


def _words(agreement: Agreement, fact: FactEntry) -> list[str | None]:
    """The words an agreement is found by in a fact: its text as stated, its people's names and
    titles. Not its parties (found by all their names, after), dates or related agreements; nor the
    title it is listed under, which is the record's own."""
    if fact.type in (Type.PARTY, Type.DATE, Type.AGREEMENT):
        return []
    values = getattr(agreement, fact.name).values[1 if fact.section is Section.HEAD else 0:]
    items = [v for value in values for v in value] if fact.many else list(values)
    if fact.type is Type.PERSON:  # "John Lee 李家超, Chief Executive"
        return [" ".join(filter(None, (person.full_name, person.name_zh))) +
                (f", {person.title}" if person.title else "") for person in items]
    return items


def _names(record: Any) -> list[str]:
    """A party's or topic's every name and its acronym, for the words it is found by."""
    return [record.name, *(name for _tag, name in record.names), getattr(record, "acronym", None) or ""]


_TAG = re.compile(r"<[^>]*>")


def text_of(body_html: str) -> str:
    """The words of a body's HTML (sanitised by the loader, so tags are well formed)."""
    return html.unescape(_TAG.sub(" ", body_html))


# An index in parts, so that an edit re-indexes the part its records are in, not the archive:
# Pagefind has no incremental mode, and the search page merges the parts (Pagefind's mergeIndex).
# Each part costs the reader two more small downloads when the search page opens (its entry and
# metadata, under 1 KB each at 10,000 documents) and one filter file a filter; the WebAssembly module
# is loaded once, by the first part (mergeIndex shares it: `load_wasm: false`). Each part costs an
# edit about 1 ms a record to index again (Pagefind through its service, records in a random order:
# 0.29 s for 250, 0.94 s for 1,000, 1.56 s for 1,771). 250 records keep an edit's part near a third
# of a second up to 10,000 records (about 5,000 documents), with no more parts than 10,000 documents
# have had since (36); beyond that the parts grow instead of their count.
PART_SIZE = 250  # records a part holds, at most, until there are MAX_PARTS
MAX_PARTS = 40
PARTS_FILE = f"{BUNDLE}/parts.json"  # the parts' directories, for static/search.js
# An edit's records can go into a small part of their own, written at once (Pagefind: 7 ms for one
# record, 14 ms for ten, against 0.3-0.4 s for a part of 220-440: benchmarks/pagefind_cost.py),
# while the parts that hold their earlier versions stay as they are and the search page leaves
# those versions out (static/search.js); the engine then indexes those parts again in the
# background, which drops this part (engine.Engine.catch_up). Beyond this many records an edit
# re-indexes its parts instead.
EDITS = "edits"
EDITS_MOST = 50


@dataclass(frozen=True)
class SearchIndex:
    """The index planned: its language, and each part's directory name, digest and records'
    addresses."""

    language: str
    parts: dict[str, tuple[str, tuple[str, ...]]]
    keys: dict[str, str]  # each record's address -> its key (freshness.search_keys)
    # The records the parts hold in an earlier version, which the EDITS part replaces: their
    # Pagefind ids -> the filter values each is counted under (for static/search.js to take off).
    hidden: dict[str, dict[str, list[str]]] = field(default_factory=dict)

    @property
    def digests(self) -> dict[str, str]:
        return {name: digest for name, (digest, _urls) in self.parts.items()}


def plan_index(keys: dict[str, str], language: str, places: dict[str, str] | None = None) -> SearchIndex:
    """The records, known by their address and key (freshness.search_keys), in parts by a stable
    hash of the address (or of the address `places` gives, to keep a record with another), so a
    record stays in its part while the archive grows (until the number of parts changes); a part's
    digest changes exactly when one of its records' keys, or the language, does, so only such a
    part's records are made and indexed."""
    count = _part_count(len(keys))
    places = places or {}
    grouped: dict[str, list[str]] = {}
    for url in keys:
        grouped.setdefault(_part_of(places.get(url, url), count), []).append(url)
    return _index(language, count, keys, grouped)


def replan_index(index: SearchIndex, keys: dict[str, str], changed: Iterable[str],
                 places: dict[str, str]) -> SearchIndex:
    """plan_index(keys, index.language, places) made from `index`, the plan of keys that differ
    from `keys` at most at the `changed` addresses (in their key or their place, which `places`
    gives for them): only the parts those are in, or move to, are made again. The addresses must
    be the same as `index`'s."""
    count = _part_count(len(keys))
    changed = set(changed)
    grouped = {name: list(urls) for name, (_digest, urls) in index.parts.items()}
    for urls in grouped.values():
        if changed.intersection(urls):
            urls[:] = [url for url in urls if url not in changed]
    for url in changed:
        grouped.setdefault(_part_of(places.get(url, url), count), []).append(url)
    moved = {name for name, urls in grouped.items()
             if name not in index.parts or changed.intersection(urls)
             or len(urls) != len(index.parts[name][1])}
    return _index(index.language, count, keys, grouped,
                  {name: digest for name, digest in index.digests.items() if name not in moved})


def _part_count(records: int) -> int:
    return min(MAX_PARTS, max(1, -(-records // PART_SIZE)))


def _part_of(where: str, count: int) -> str:
    place = int.from_bytes(hashlib.blake2b(where.encode(), digest_size=4).digest(), "big")
    return f"{place % count + 1}-of-{count}"


def _index(language: str, count: int, keys: dict[str, str], grouped: dict[str, list[str]],
           known: dict[str, str] | None = None) -> SearchIndex:
    """The index of these parts (name -> their addresses, in any order), each part's addresses
    sorted and its digest made, unless `known` has it. A part left empty is no part: the search
    page cannot merge an index of nothing (unless it is the only one)."""
    known = known or {}
    parts = {}
    for number in range(1, count + 1):
        name = f"{number}-of-{count}"
        urls = tuple(sorted(grouped.get(name, ())))
        if urls or count == 1:
            made = known.get(name) or digest(language, count, [(url, keys[url]) for url in urls])
            parts[name] = (made, urls)
    return SearchIndex(language, parts, keys)


def parts_file(index: SearchIndex) -> bytes:
    listed: dict[str, Any] = {"parts": sorted(index.parts)}
    if index.hidden:
        listed["hidden"] = index.hidden
    return json.dumps(listed, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n"


def with_edits(planned: SearchIndex, written: SearchIndex, site: Path,
               known: PartRecords | None = None) -> SearchIndex | None:
    """The index as an edit can write it at once: the parts of `written` (what the site holds,
    planned by the build before) as they are, and the records whose key changed since, added or
    moved, in the EDITS part, with their earlier versions hidden (SearchIndex.hidden). None when
    that does not do: too many records changed, the parts are not the same ones, or an earlier
    version is not found in its part's files (then the parts are indexed again). `known`: what
    the parts' files were found to hold before (PartRecords), for a caller that keeps it."""
    if set(planned.parts) != set(written.parts) or planned.language != written.language:
        return None
    known = known or PartRecords()
    fresh: set[str] = set()
    hidden: dict[str, dict[str, list[str]]] = {}
    for name, (made, urls) in planned.parts.items():
        was, old_urls = written.parts[name]
        if made == was:
            continue
        now, before = set(urls), set(old_urls)  # (a part's addresses are a tuple of up to 440)
        fresh.update(u for u in now if written.keys.get(u) != planned.keys[u] or u not in before)
        stale = {u for u in before if written.keys[u] != planned.keys.get(u) or u not in now}
        records = known.of(site / BUNDLE / name) if stale else ()
        if records is None:
            return None
        found = {ident: filters for url, ident, filters in records if url in stale}
        if len(fresh) > EDITS_MOST or len(found) != len(stale):
            return None
        hidden.update(found)
    if not fresh:
        return None
    urls = tuple(sorted(fresh))
    edits = (digest(planned.language, EDITS, [(u, planned.keys[u]) for u in urls]), urls)
    return SearchIndex(planned.language, {**written.parts, EDITS: edits}, planned.keys, hidden)


class PartRecords:
    """The records a part of the index written in a site holds, as its files say: each one's
    address (without its leading /), Pagefind's id for it and the filter values it is counted
    under. A fragment is a gzip of `pagefind_dcd` and the record's JSON; its name is its id.

    Kept for each part while its fragments' directory is the same one, unchanged (its inode and
    time: Pagefind writes a part's directory whole, and a build swaps in a new one), so that an
    engine that stays (Engine.rehearse reads them ahead, Engine.catch_up those it wrote) finds an
    edit's earlier versions without reading the 250-500 fragments of their part again: 12 ms of a
    title edit's 0.2 s at 1,000 documents (benchmarks/RESULTS.md, issue 12)."""

    def __init__(self) -> None:
        self._known: dict[str, tuple[tuple[int, int], list[tuple[str, str, dict[str, list[str]]]]]] = {}

    def of(self, part: Path) -> list[tuple[str, str, dict[str, list[str]]]] | None:
        """(address, id, filters) of each record of the part written at `part`; None when the
        part cannot be read."""
        try:
            info = os.stat(part / "fragment")
        except OSError:
            return None
        made = (info.st_ino, info.st_mtime_ns)
        kept = self._known.get(str(part))
        if kept is not None and kept[0] == made:
            return kept[1]
        records = []
        try:
            for path in (part / "fragment").iterdir():
                data = gzip.decompress(path.read_bytes())
                record = json.loads(data[data.index(b"{"):])
                records.append((record.get("url", "").lstrip("/"), path.name.removesuffix(".pf_fragment"),
                                record.get("filters", {})))
        except (OSError, ValueError):
            return None
        self._known[str(part)] = (made, records)
        return records

    def forget_all_but(self, parts: Iterable[Path]) -> None:
        """Keep only what was read of `parts` (the index's parts now)."""
        wanted = {str(part) for part in parts}
        self._known = {part: kept for part, kept in self._known.items() if part in wanted}


class IndexTarget(Protocol):
    """Where the indexer writes its parts: the staging site (write.Staging), or directories beside
    the current site swapped into it after (write.Trees, for serve's engine)."""

    path: Path

    def remove_tree(self, prefix: str) -> None: ...

    def adopt_tree(self, prefix: str) -> None: ...


def deal(parts: dict[str, list[SearchRecord]], streams: int) -> list[dict[str, list[SearchRecord]]]:
    """The parts dealt to at most `streams` indexers: the largest first, each to the indexer with
    the fewest records so far, so they finish at about the same time."""
    dealt: list[dict[str, list[SearchRecord]]] = [{} for _ in range(max(1, min(streams, len(parts))))]
    for name in sorted(parts, key=lambda n: (-len(parts[n]), n)):
        min(dealt, key=lambda share: sum(map(len, share.values())))[name] = parts[name]
    return dealt


class SearchIndexer:
    """Pagefind indexing some parts of an index in processes of its own, while this one makes the
    rest of the site ready; each part is written into the staging site under BUNDLE/<part>/ and
    then dropped from Pagefind's memory, so each Pagefind holds one part at a time. `write_into`
    waits for them. As a context manager it stops Pagefind whatever happens.

    One Pagefind keeps about one core busy (10,000 documents: 28 s of indexing at 1.1 cores), so
    the parts are dealt to as many Pagefinds as there are cores (`streams`), each with its own
    thread sending it records; each holds a part at a time, about 200 MB at 10,000 documents.
    """

    def __init__(self, parts: dict[str, list[SearchRecord]], language: str, staging: IndexTarget,
                 streams: int | None = None, ready: Ready | None = None) -> None:
        dealt = deal(parts, streams or os.cpu_count() or 1)
        self.parts = tuple(parts)
        self.services: list[_Service] = []
        self.failure: Exception | None = None
        try:
            for _ in dealt:
                self.services.append((ready and ready.take(language)) or _Service())
        except OSError as exc:
            self.__exit__()
            raise _failure(f"could not run Pagefind: {exc}") from exc
        self.senders = [threading.Thread(target=self._index, args=(service, share, language, staging),
                                         daemon=True)
                        for service, share in zip(self.services, dealt, strict=True)]
        for sender in self.senders:
            sender.start()

    def _index(self, service: _Service, parts: dict[str, list[SearchRecord]], language: str,
               staging: IndexTarget) -> None:
        try:
            for name, records in parts.items():
                index = service.call({"type": "NewIndex", "config": {"force_language": language}})["index_id"]
                service.wait({service.send(
                    {"type": "AddRecord", "index_id": index, "url": r.url, "content": r.content,
                     "language": language, "meta": dict(r.meta), "filters": dict(r.filters), "sort": None})
                    for r in records} if records else set(), flush=True)
                staging.remove_tree(f"{BUNDLE}/{name}")
                output = staging.path / BUNDLE / name
                service.call({"type": "WriteFiles", "index_id": index, "output_path": str(output)})
                service.call({"type": "DeleteIndex", "index_id": index})
                if not (output / "pagefind.js").is_file():
                    raise _PagefindError(f"it wrote no index for {name}")
        except (OSError, _PagefindError) as exc:
            self.failure = self.failure or exc

    def __enter__(self) -> SearchIndexer:
        return self

    def __exit__(self, *exc: object) -> None:
        for service in self.services:
            service.close(wait=False)  # what it wrote is in place (write_into waited for it)

    def write_into(self, staging: IndexTarget) -> None:
        """Wait for the parts, and count their files as written; raise BuildError if Pagefind
        failed."""
        for sender in self.senders:
            sender.join()
        if self.failure is not None:
            raise _failure(f"Pagefind failed: {self.failure}") from self.failure
        for name in self.parts:
            staging.adopt_tree(f"{BUNDLE}/{name}")


class Ready:
    """Pagefinds started ahead of an edit, for an engine that stays (warm.py, serve.py), each with
    what it loads for the index's language already loaded.

    Pagefind loads its Chinese word segmenter's dictionary at the first record with Chinese in it:
    10 agreements' records took 186 ms in a new Pagefind and 15 ms in one started ahead
    (benchmarks/pagefind_cost.py, at 1,000 documents). An index for a site with a Chinese interface is in
    zh-hant, and an agreement's record names its parties in Chinese: without this, that load was
    most of an edit's index, and the longest step of its build at 1,000 documents."""

    # A record that makes Pagefind load what its language needs, in an index dropped at once.
    PRIMER = "香港 合作 agreement"

    def __init__(self) -> None:
        self.waiting: list[tuple[str, _Service]] = []

    def take(self, language: str) -> _Service | None:
        """A started Pagefind for `language`, now the caller's to close; None if there is none."""
        self._drop_stopped()
        for i, (made_for, service) in enumerate(self.waiting):
            if made_for == language:
                del self.waiting[i]
                return service
        return None

    def refill(self, language: str) -> None:
        """Start a Pagefind for `language`, unless one is waiting. It loads in the background: the
        requests are sent and their answers not waited for (what a later call waits behind)."""
        self._drop_stopped()
        if any(made_for == language for made_for, _service in self.waiting):
            return
        try:
            service = _Service()
            # Pagefind numbers its indexes from 0 in the order asked for: a new one's first is 0.
            service.send({"type": "NewIndex", "config": {"force_language": language}})
            service.send({"type": "AddRecord", "index_id": 0, "url": "/", "content": self.PRIMER,
                          "language": language, "meta": {}, "filters": {}, "sort": None})
            service.send({"type": "DeleteIndex", "index_id": 0})
            service.flush()
        except (OSError, _PagefindError):
            return  # no Pagefind: the index, when it is made, says so
        self.waiting.append((language, service))

    def close(self) -> None:
        for _language, service in self.waiting:
            service.close()
        self.waiting.clear()

    def _drop_stopped(self) -> None:
        """Forget (and reap) the Pagefinds that have stopped since they were started."""
        for entry in [e for e in self.waiting if e[1].process.poll() is not None]:
            entry[1].close()
            self.waiting.remove(entry)


class _PagefindError(Exception):
    pass


class _Service:
    """The Pagefind binary's service mode (`pagefind --service`), spoken directly.

    Its Python package speaks the same protocol, but reads one answer per tenth of a second, so
    indexing 1,800 records took 180 s; this writes every request at once and reads the answers as
    they come (1,800 records in about 1.5 s). Each message is base64 of JSON, ending in a comma.
    A thread reads the answers as they come, so neither side blocks on a full pipe.
    """

    def __init__(self) -> None:
        from pagefind.service import get_executable  # the package ships the binary

        executable = get_executable()
        if executable is None:
            raise OSError("the pagefind binary is not installed")
        self.process = subprocess.Popen([str(executable), "--service"], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.answers: dict[int, dict[str, Any]] = {}
        self.arrived = threading.Condition()
        self.sent = 0
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def close(self, wait: bool = True) -> None:
        """Stop Pagefind (its input ends), and wait for it to exit, or with `wait=False` leave that
        to a thread of this process: it has written what it was asked to, and an edit's build
        need not wait the 5-6 ms Pagefind takes to exit (benchmarks/RESULTS.md, issue 12)."""
        assert self.process.stdin is not None
        with contextlib.suppress(OSError):
            self.process.stdin.close()
        if wait:
            self._reap()
        else:
            threading.Thread(target=self._reap, daemon=True).start()

    def _reap(self) -> None:
        self.process.wait()
        self.reader.join()

    def _read(self) -> None:
        assert self.process.stdout is not None
        pending = b""
        while chunk := self.process.stdout.read1(1 << 20):
            *messages, pending = (pending + chunk).split(b",")
            with self.arrived:
                for message in messages:
                    answer = json.loads(base64.b64decode(message))
                    self.answers[answer.get("message_id") or 0] = answer["payload"]
                self.arrived.notify_all()
        with self.arrived:
            self.answers[-1] = {"type": "Error", "message": self._stopped()}
            self.arrived.notify_all()

    def _stopped(self) -> str:
        return f"Pagefind stopped (exit {self.process.wait()})"

    def send(self, payload: dict[str, Any]) -> int:
        """Send a request without waiting; its id, to wait for."""
        assert self.process.stdin is not None
        self.sent += 1
        message = {"message_id": self.sent, "payload": payload}
        try:
            self.process.stdin.write(base64.b64encode(json.dumps(message).encode("utf-8")) + b",")
        except BrokenPipeError as exc:
            raise _PagefindError(self._stopped()) from exc
        return self.sent

    def flush(self) -> None:
        assert self.process.stdin is not None
        try:
            self.process.stdin.flush()
        except BrokenPipeError as exc:
            raise _PagefindError(self._stopped()) from exc

    def wait(self, ids: set[int], flush: bool = False) -> dict[str, Any]:
        """Wait for the answers to `ids`; the last one, or raise on the first error."""
        if flush:
            self.flush()
        ids = set(ids)
        last: dict[str, Any] = {}
        with self.arrived:
            while ids:
                self.arrived.wait_for(lambda: any(i in self.answers for i in (*ids, 0, -1)))
                for i in [*ids, 0, -1]:
                    answer = self.answers.pop(i, None)
                    if answer is None:
                        continue
                    if answer.get("type") == "Error":
                        raise _PagefindError(answer.get("message", "unknown error"))
                    ids.discard(i)
                    last = answer
        return last

    def call(self, payload: dict[str, Any]) -> dict[str, Any]:
        ident = self.send(payload)
        self.flush()
        return self.wait({ident})


def _failure(message: str) -> BuildError:
    return BuildError([Problem("search index", 0, "", message,
                               "reinstall with `make site` (it installs pagefind), or build with "
                               "--no-search")], ExitCode.OUTPUT)
