"""The archive as open data: every agreement as JSON (every claim with its sources), as CSV (one row
per agreement, for a spreadsheet) and as CSL-JSON (one citation each, for a reference manager).
Pure functions: archive in, bytes out.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from operator import is_
from typing import Any

from . import facts as fact_table
from .archive import Archive
from .citations import csl_item
from .facts import FactEntry, Type
from .life import life_of
from .model import Agreement, Document, PartialDate, Party, Person
from .pages import Urls

# The CSV's first columns, in an order spreadsheets read by position rely on; a name of the table of
# facts (its `data`) is that fact's column. `party_names_zh` and `languages` came with the bilingual
# archive, `status_now` with an agreement's life (life.py: the status when the site was built), and
# each other fact of the table has a column after them, in the table's order: a column is only ever
# added at the end.
CSV_LAYOUT = ("id", "url", "title", "instrument", "signed", "place", "parties", "party_names",
              "signatories", "witnesses", "topics", "status", "disputed", "documents",
              "party_names_zh", "languages", "status_now")
DISAGREE = " || "  # between the versions of a disputed fact in a CSV cell
SEPARATOR = "; "  # between the items of a list in a CSV cell


def _person(person: Person) -> dict[str, str]:
    fields = {"name": person.name, "honorific": person.honorific, "suffix": person.suffix,
              "title": person.title, "party": person.party, "name_zh": person.name_zh}
    return {k: v for k, v in fields.items() if v}


def _plain(value: Any) -> Any:
    if isinstance(value, PartialDate):
        return value.iso
    if isinstance(value, Person):
        return _person(value)
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def agreement_record(agreement: Agreement, archive: Archive, url_of: Callable[[Any], str]) -> dict[str, Any]:
    """One agreement with every fact as a list of claims, each naming the documents that state it;
    and its life: the events its documents date, each with them, and its status when the site was
    built (several where the documents disagree on a date; none when nothing says)."""
    def claims(name: str) -> list[dict[str, Any]]:
        return [{"value": _plain(claim.value),
                 "sources": [url_of(archive.documents[s.document]) for s in claim.sources],
                 **({"derived_from": notes} if (notes := [s.note for s in claim.sources if s.note])
                    else {})}
                for claim in getattr(agreement, name).claims]

    return {
        "id": agreement.id,
        "url": url_of(agreement),
        "facts": {fact.data: claims(fact.name) for fact in fact_table.FACTS
                  if getattr(agreement, fact.name).known},
        "disputed": list(agreement.disputed_fields),
        "status_now": list(archive.statuses.get(agreement.id, ())),
        "life": [{"event": e.kind, "date": e.date.iso,
                  "sources": [url_of(archive.documents[s.document]) for s in e.sources],
                  **({"by": url_of(archive.agreements[e.by])} if e.by else {})}
                 for e in life_of(agreement, archive, archive.now).events if not e.held],
        "topics": [{"id": c.value, "name": archive.topics[c.value].name,
                    "names": dict(archive.topics[c.value].names),
                    "sources": [url_of(archive.documents[s.document]) for s in c.sources]}
                   for c in agreement.topics],
        "documents": [{"url": url_of(d), "title": d.title, "kind": d.kind,
                       "published": d.published.iso if d.published else None,
                       "publisher": d.publisher, "source": d.source, "lang": d.lang,
                       **_translation(d, archive, url_of), **_kept(d, url_of)}
                      for d in archive.documents_of(agreement)],
    }


def agreements_json(archive: Archive, url_of: Callable[[Any], str], site_title: str,
                    kept: Pieces | None = None, made: Inputs | None = None) -> bytes:
    """The whole archive as one JSON document, sorted as the site lists it (newest first).
    `made`: inputs(archive, url_of), where the caller has it already (each file's function takes
    it, as it takes `kept`)."""
    def lines(records: Iterable[dict[str, Any]]) -> str:
        # One record per line: C-fast to write (json's indent is pure Python), and diffs well.
        return "[\n" + ",\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n]"

    parties = [{"id": p.id, "name": p.name, "acronym": p.acronym, "jurisdiction": p.jurisdiction,
                "names": dict(p.names), "parent": p.parent, "url": url_of(p)}
               for p in archive.parties.values()]
    topics = [{"id": t.id, "name": t.name, "names": dict(t.names), "url": url_of(t)}
              for t in archive.topics.values()]
    made = made if made is not None else inputs(archive, url_of)
    agreements = _pieces("json", made, kept, lambda a: json.dumps(
        agreement_record(a, archive, url_of), ensure_ascii=False))
    head = json.dumps({"title": site_title, "license_note": "Facts as stated by the documents cited for "
                                                             "each; see each document's source."},
                      ensure_ascii=False)[:-1]
    text = f'{head},\n"parties": {lines(parties)},\n"topics": {lines(topics)},\n"agreements": '
    return b"".join((text.encode("utf-8"), b"[\n", b",\n".join(agreements), b"\n]}\n"))


def _translation(document: Any, archive: Archive, url_of: Callable[[Any], str]) -> dict[str, Any]:
    """The document's original, when it is a translation of one in the archive."""
    versions = archive.translations.get(document.path, ())
    if versions and versions[0] != document.path:
        return {"translation_of": url_of(archive.documents[versions[0]]),
                **({"translated_by": document.translated_by} if document.translated_by else {})}
    return {}


def _kept(document: Document, url_of: Callable[[Any], str]) -> dict[str, Any]:
    """What the archive keeps of the document's source: a web archive's copy, the original file."""
    kept: dict[str, Any] = {}
    if document.archived:
        kept["archived"] = {"url": document.archived.url, "date": document.archived.date.iso}
    if document.original and document.original.sha256:
        kept["original"] = {"url": url_of(Urls.original(document)), "size": document.original.size,
                            "sha256": document.original.sha256, "form": document.original.form}
    return kept


def _chinese_name(party: Party) -> str:
    """A party's Chinese name (Traditional, else any), or '' where parties.yaml gives none."""
    return next((name for lang, name in sorted(party.names, key=lambda pair: pair[0] != "zh-Hant")
                 if lang.split("-")[0] == "zh"), "")


def _cell(agreement: Agreement, name: str, show: Callable[[Any], str]) -> str:
    return DISAGREE.join(show(claim.value) for claim in getattr(agreement, name).claims)


def _shown(fact: FactEntry) -> Callable[[Any], str]:
    """How a CSV cell writes one value of the fact, as its type says."""
    one: Callable[[Any], str] = (
        (lambda d: d.iso) if fact.type is Type.DATE else
        (lambda p: p.full_name + (f" ({p.title})" if p.title else "") + (f" [{p.party}]" if p.party else ""))
        if fact.type is Type.PERSON else str)
    return (lambda values: SEPARATOR.join(map(one, values))) if fact.many else one


def csv_columns() -> tuple[str, ...]:
    return (*CSV_LAYOUT, *(f.data for f in fact_table.FACTS if f.data not in CSV_LAYOUT))


def agreements_csv(archive: Archive, url_of: Callable[[Any], str], kept: Pieces | None = None,
                   made: Inputs | None = None) -> bytes:
    """One row per agreement; a disputed fact holds every version, separated by ' || '."""
    out = io.StringIO()
    columns = csv_columns()
    csv.writer(out, lineterminator="\r\n").writerow(columns)
    by_data = {fact.data: (fact.name, _shown(fact)) for fact in fact_table.FACTS}
    cells = [by_data.get(column) for column in columns]
    rows = _pieces("csv", made if made is not None else inputs(archive, url_of), kept,
                   lambda a: _csv_row(a, archive, url_of, columns, cells))
    # A BOM so that spreadsheet programs read the Chinese names as UTF-8.
    return b"".join((("\ufeff" + out.getvalue()).encode("utf-8"), *rows))


def agreements_csl(archive: Archive, url_of: Callable[[Any], str], site_title: str,
                   kept: Pieces | None = None, made: Inputs | None = None) -> bytes:
    """Every agreement as a CSL-JSON item (citations.csl_item), one a line, as the site lists them:
    what a reference manager imports, and what each agreement's own cite.json holds."""
    items = _pieces("csl", made if made is not None else inputs(archive, url_of), kept, lambda a: json.dumps(
        csl_item(a, archive, url_of, site_title), ensure_ascii=False, sort_keys=True))
    return b"".join((b"[\n", b",\n".join(items), b"\n]\n"))


def _csv_row(a: Agreement, archive: Archive, url_of: Callable[[Any], str], columns: tuple[str, ...],
             cells: list[tuple[str, Callable[[Any], str]] | None]) -> str:
    """One agreement's row: each fact's column as its type writes it, the others made here."""
    made = {
        "id": lambda: a.id, "url": lambda: url_of(a),
        "party_names": lambda: _cell(a, "parties", lambda ids: SEPARATOR.join(
            archive.parties[i].name for i in ids)),
        "topics": lambda: SEPARATOR.join(a.topic_ids), "disputed": lambda: SEPARATOR.join(a.disputed_fields),
        "documents": lambda: SEPARATOR.join(url_of(d) for d in archive.documents_of(a)),
        "party_names_zh": lambda: _cell(a, "parties", lambda ids: SEPARATOR.join(
            _chinese_name(archive.parties[i]) for i in ids)),
        "languages": lambda: SEPARATOR.join(dict.fromkeys(d.lang for d in archive.documents_of(a))),
        "status_now": lambda: DISAGREE.join(archive.statuses.get(a.id, ())),
    }
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow([
        _cell(a, *cell) if cell else made[column]() for column, cell in zip(columns, cells, strict=True)])
    return out.getvalue()


Pieces = dict[str, dict[int, tuple[tuple[object, ...], bytes]]]  # see _pieces
# Each agreement, in the archive's order, with what its open data is made from (_made_from) and its
# URL: the same for its three files, so worked out once for them (a 1k edit's _pieces for the three
# took 6.6-9.2 ms working it out for each, 2.6-3.7 ms so: benchmarks/RESULTS.md, issue 12).
Inputs = list[tuple[Agreement, tuple[object, ...], str]]


def inputs(archive: Archive, url_of: Callable[[Any], str]) -> Inputs:
    """What each agreement's lines in the open data are made from (Inputs)."""
    return [(a, _made_from(a, archive), url_of(a)) for a in archive.agreements.values()]


def _pieces(kind: str, made: Inputs, kept: Pieces | None, make: Callable[[Agreement], str]) -> list[bytes]:
    """Each agreement's line (kind "json", "csl") or row ("csv"), made by `make`, in the archive's
    order, in UTF-8: kept as bytes, so that a file is joined once and never encoded whole (the
    agreements' JSON is 15 MB at 10,000 documents).

    With `kept` (serve's engine keeps one from build to build), a line is reused while it is made
    from the same objects: records are immutable, so the same objects make the same text. The open
    data shows the whole archive, and made again in full it took 2.8 s of an edit's 4.4 s at 10,000
    documents. Each entry holds the objects it was made from, so their ids stay theirs, and only
    the current archive's entries are kept, so an old archive is not held on to.
    """
    before: dict[int, tuple[tuple[object, ...], bytes]] = (kept or {}).get(kind, {})
    now: dict[int, tuple[tuple[object, ...], bytes]] = {}
    texts = []
    for agreement, made_from, url in made:
        found = before.get(id(agreement))
        if found is None or found[0][-1] != url or not _made_of(found, made_from):
            found = ((*made_from, url), make(agreement).encode("utf-8"))
        if kept is not None:
            now[id(agreement)] = found
        texts.append(found[1])
    if kept is not None:
        kept[kind] = now
    return texts


def _made_from(agreement: Agreement, archive: Archive) -> tuple[object, ...]:
    """What an agreement's open data is made from (_pieces). Its status is worked out again (a new
    tuple) whenever it or an agreement that dates an event of its life changes
    (archive.with_statuses): that is what its life is made from."""
    documents = archive.documents_of(agreement)
    return (agreement, archive.parties, archive.topics, archive.statuses.get(agreement.id), *documents,
            *[archive.translations.get(d.path) for d in documents])


def _made_of(piece: tuple[tuple[object, ...], bytes], made_from: tuple[object, ...]) -> bool:
    """Whether `piece` was made from the objects `made_from` (its URL, last, aside). By identity,
    not equality: a status equal to the last one, but worked out again, says that an event of the
    agreement's life moved. Compared in C (map of operator.is_): a third of the time a generator
    took, for each agreement of each of the three files."""
    return len(piece[0]) == len(made_from) + 1 and all(map(is_, piece[0], made_from))


StoredPieces = dict[str, dict[str, tuple[str, bytes]]]  # kind -> agreement id -> (its URL, its text)


def stored_pieces(pieces: Pieces, archive: Archive) -> StoredPieces:
    """The pieces made from `archive` as it is, without the objects they were made from, which are
    the archive's own (pieces_of finds them again): so they are kept apart from the archive, and
    made after it is written (cache.save_engine_state)."""
    made = _all_made_from(archive)
    return {kind: {a.id: (entry[0][-1], entry[1]) for a, made_from in made
                   if (entry := by_id.get(id(a))) is not None and _made_of(entry, made_from)}
            for kind, by_id in pieces.items()}


def pieces_of(stored: StoredPieces, archive: Archive) -> Pieces:
    """The pieces stored_pieces kept of `archive`, each with the objects it was made from again."""
    made = _all_made_from(archive)
    return {kind: {id(a): ((*made_from, found[0]), found[1]) for a, made_from in made
                   if (found := by_id.get(a.id)) is not None}
            for kind, by_id in stored.items()}


def _all_made_from(archive: Archive) -> list[tuple[Agreement, tuple[object, ...]]]:
    """Each agreement with what its open data is made from: once for its three files."""
    return [(a, _made_from(a, archive)) for a in archive.agreements.values()]
