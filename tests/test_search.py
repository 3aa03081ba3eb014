"""The search index planned in parts: an edit changes the part its record is in, and no other; a
record is made again exactly when what it is made from changes."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mouarchive import search
from mouarchive.build import build_site, inspect_site, plan_search
from mouarchive.config import load_config
from mouarchive.errors import BuildError, ExitCode
from mouarchive.freshness import Records, search_keys
from mouarchive.pages import Urls
from mouarchive.search import (
    MAX_PARTS,
    PART_SIZE,
    SearchRecord,
    deal,
    plan_index,
    replan_index,
    search_records,
    text_of,
)
from mouarchive.write import Trees

FIXTURE = Path(__file__).parent / "fixtures" / "bilingual"


def keys(count: int) -> dict[str, str]:
    return {f"documents/2024/doc-{n}/": f"key-{n}" for n in range(count)}


def test_an_edit_changes_the_digest_of_its_part_only() -> None:
    before = plan_index(keys(3 * PART_SIZE), "en")
    assert len(before.parts) == 3
    edited = {**keys(3 * PART_SIZE), "documents/2024/doc-17/": "key-17, revised"}
    after = plan_index(edited, "en")
    changed = [name for name in before.parts if before.digests[name] != after.digests[name]]
    assert len(changed) == 1
    assert "documents/2024/doc-17/" in after.parts[changed[0]][1]


def test_every_record_is_in_one_part_and_parts_are_bounded() -> None:
    many = keys(PART_SIZE * (MAX_PARTS + 3))
    index = plan_index(many, "zh-hant")
    assert len(index.parts) == MAX_PARTS
    assert sorted(url for _digest, urls in index.parts.values() for url in urls) == sorted(many)
    assert plan_index({}, "en").parts.keys() == {"1-of-1"}


def test_parts_are_dealt_to_the_indexers_evenly_and_each_once() -> None:
    record = SearchRecord(url="x/", content="x", meta=(), filters=())
    parts = {f"{n}-of-5": [record] * size for n, size in enumerate((500, 480, 470, 30, 20), start=1)}
    two = deal(parts, 2)
    assert sorted(name for share in two for name in share) == sorted(parts)
    assert sorted(sum(map(len, share.values())) for share in two) == [550, 950]  # 500+30+20 and 480+470
    assert deal(parts, 8) == [{name: records} for name, records in parts.items()]
    assert deal({}, 2) == [{}]


def test_a_document_is_indexed_in_its_agreements_part(make_site: Callable[..., Path],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """An edit of a document changes its record and its agreement's: one part to index again."""
    files = {str(p.relative_to(FIXTURE)): p.read_text() for p in FIXTURE.rglob("*") if p.is_file()}
    plan, _problems = inspect_site(load_config(make_site(files), {}))
    keys = {**{f"agreements/x{n}/": f"k{n}" for n in range(4 * PART_SIZE)},
            **{f"documents/2024/d{n}/": f"k{n}" for n in range(4 * PART_SIZE)}}
    places = {f"documents/2024/d{n}/": f"agreements/x{n}/" for n in range(4 * PART_SIZE)}
    index = plan_index(keys, "en", places)
    part = {url: name for name, (_digest, urls) in index.parts.items() for url in urls}
    assert all(part[f"documents/2024/d{n}/"] == part[f"agreements/x{n}/"] for n in range(4 * PART_SIZE))
    assert len(set(part.values())) == len(index.parts) == 8  # as many as without places, none empty
    lopsided = plan_index(keys, "en", dict.fromkeys(keys, "agreements/x0/"))  # every record in one
    assert len(lopsided.parts) == 1 and len(next(iter(lopsided.parts.values()))[1]) == len(keys)
    monkeypatch.setattr(search, "PART_SIZE", 1)  # a part for each of the fixture's few records
    searched = plan_search(load_config(make_site(files, name="again"), {}), plan.archive,
                           Records.of(plan.archive, {p: p for p in plan.archive.documents}, plan.links), [])
    part = {url: name for name, (_digest, urls) in searched.parts.items() for url in urls}
    assert len(searched.parts) >= 2  # (the fixture has two agreements)
    for document in plan.archive.documents.values():
        if document.agreement_ids:
            assert part[Urls.document(document)] == part[Urls.agreement(document.agreement_ids[0])]


@settings(max_examples=200, deadline=None)
@given(size=st.integers(1, 3 * PART_SIZE), edits=st.lists(st.tuples(
    st.integers(0, 3 * PART_SIZE), st.booleans(), st.integers(-1, 3 * PART_SIZE)), max_size=6))
def test_an_index_replanned_after_an_edit_is_the_one_planned_whole(
        size: int, edits: list[tuple[int, bool, int]]) -> None:
    """replan_index, which makes again only the parts an edit touched, plans what plan_index
    plans from scratch: each record in its part, in the same order, and every part's digest.
    Each edit changes a record's key, or its place (with another record's, or its own: -1)."""
    urls = [f"documents/2024/doc-{n}/" for n in range(size)]
    before_keys = {url: f"key-{n}" for n, url in enumerate(urls)}
    before_places = {url: urls[(n * 7) % size] for n, url in enumerate(urls) if n % 3}
    before = plan_index(before_keys, "en", before_places)
    after_keys, after_places, changed = dict(before_keys), dict(before_places), set()
    for which, rekey, place in edits:
        url = urls[which % size]
        changed.add(url)
        if rekey:
            after_keys[url] += ", revised"
        if place < 0:
            after_places.pop(url, None)
        else:
            after_places[url] = urls[place % size]
    given_places = {url: after_places[url] for url in changed if url in after_places}
    replanned = replan_index(before, after_keys, changed, given_places)
    assert replanned == plan_index(after_keys, "en", after_places)
    assert replan_index(before, before_keys, (), {}) == before


def test_the_language_is_part_of_every_digest() -> None:
    assert plan_index(keys(5), "en").digests != plan_index(keys(5), "zh-hant").digests


def test_a_body_is_indexed_as_its_words() -> None:
    assert text_of("<p>Fish &amp; chips <a href=\"x\">here</a></p>").split() == ["Fish", "&", "chips", "here"]


def site_keys(root: Path) -> tuple[dict[str, str], dict[str, SearchRecord]]:
    """The search keys of a site's records (a document's content digest stood in by its title),
    and the records themselves."""
    plan, problems = inspect_site(load_config(root, {}))
    assert not problems.errors
    archive = plan.archive
    documents = {d.path: "digest of " + d.path + d.title for d in archive.documents.values()}
    made = search_records(archive, ("en", "zh-Hant"), "en", lambda d: d.body_html)
    return search_keys(archive, Records.of(archive, documents, plan.links), "stamp"), {r.url: r for r in made}


def test_a_record_made_differently_gets_a_new_key(make_site: Callable[..., Path]) -> None:
    files = {str(p.relative_to(FIXTURE)): p.read_text() for p in FIXTURE.rglob("*") if p.is_file()}
    keys_before, before = site_keys(make_site(files))
    # The English release's title edited: its record changes and gets a new key, and no other.
    path = "content/2024/dtb-nda-signing.md"
    edited = make_site({**files, path: files[path].replace("title: ", "title: Revised ", 1)}, name="edited")
    keys_after, after = site_keys(edited)
    assert keys_before.keys() == keys_after.keys() == before.keys()
    rekeyed = {url for url in keys_before if keys_before[url] != keys_after[url]}
    remade = {url for url in before if before[url] != after[url]}
    assert rekeyed == remade == {"documents/2024/dtb-nda-signing/"}
    # The agreement's date edited: the agreement's record and the documents about it (they are
    # filed under its parties) get new keys where they change.
    dated = make_site({**files, path: files[path].replace("signed: 2024-03-01", "signed: 2024-03-04")},
                      name="dated")
    keys_dated, after_dated = site_keys(dated)
    rekeyed_dated = {url for url in keys_before if keys_before[url] != keys_dated[url]}
    remade_dated = {url for url in before if before[url] != after_dated[url]}
    assert "agreements/dtb-nda-2024/" in remade_dated and remade_dated <= rekeyed_dated
    # Only the records asked for are made.
    plan, _problems = inspect_site(load_config(edited, {}))
    wanted = search_records(plan.archive, ("en", "zh-Hant"), "en", lambda d: d.body_html, rekeyed)
    assert {r.url for r in wanted} == rekeyed


@pytest.mark.parametrize(("binary", "message"), [
    ("/nonexistent/pagefind", "could not run Pagefind"),
    ("/bin/false", "Pagefind failed: Pagefind stopped (exit 1)"),
])
def test_a_pagefind_that_fails_is_a_clear_error_and_the_site_stays(
        make_site: Callable[..., Path], monkeypatch: pytest.MonkeyPatch, binary: str, message: str) -> None:
    files = {str(p.relative_to(FIXTURE)): p.read_text() for p in FIXTURE.rglob("*") if p.is_file()}
    site = make_site(files)
    build_site(load_config(site, {"search": False}))
    before = (site / "site" / "index.html").read_bytes()
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", binary)
    with pytest.raises(BuildError) as raised:
        build_site(load_config(site, {"search": True}))
    assert raised.value.code == ExitCode.OUTPUT
    problem = raised.value.problems[0]
    assert problem.path == "search index" and problem.message.startswith(message)
    assert "--no-search" in problem.hint
    assert (site / "site" / "index.html").read_bytes() == before


def test_an_edit_makes_its_own_records_and_indexes_its_parts_with_the_rest_as_they_were(
        make_site: Callable[..., Path], monkeypatch: pytest.MonkeyPatch) -> None:
    import mouarchive.build as build

    files = {str(p.relative_to(FIXTURE)): p.read_text() for p in FIXTURE.rglob("*") if p.is_file()}
    site = make_site(files)
    build_site(load_config(site, {"search": True}))
    path = "content/2024/dtb-nda-signing.md"
    (site / path).write_text(files[path].replace("title: ", "title: Revised ", 1))
    made: list[str] = []
    indexed: dict[str, list[SearchRecord]] = {}

    def making(*args: object) -> list[SearchRecord]:
        found = search_records(*args)  # type: ignore[arg-type]
        made.extend(r.url for r in found)
        return found

    class Indexer(build.SearchIndexer):
        def __init__(self, parts: dict[str, list[SearchRecord]], *args: object, **kwargs: object) -> None:
            indexed.update(parts)
            super().__init__(parts, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(build, "search_records", making)
    monkeypatch.setattr(build, "SearchIndexer", Indexer)
    build_site(load_config(site, {"search": True}))
    assert made == ["documents/2024/dtb-nda-signing/"]
    # Each changed part holds every one of its records, each as it would be made now.
    plan, _problems = inspect_site(load_config(site, {"search": True}))
    fresh = {r.url: r for r in search_records(plan.archive, ("en", "zh-Hant"), "en", lambda d: d.body_html)}
    assert indexed and all(record == fresh[record.url] for records in indexed.values() for record in records)
    assert "Revised" in fresh["documents/2024/dtb-nda-signing/"].content
    assert sum(map(len, indexed.values())) == len(fresh)  # the fixture's index is one part


def _fragment(part: Path, ident: str, url: str, filters: dict[str, list[str]]) -> None:
    """A fragment as Pagefind writes one: gzip of `pagefind_dcd` and the record's JSON."""
    import gzip
    import json

    (part / "fragment").mkdir(parents=True, exist_ok=True)
    data = b"pagefind_dcd" + json.dumps({"url": url, "content": "", "filters": filters}).encode()
    (part / "fragment" / f"{ident}.pf_fragment").write_bytes(gzip.compress(data))


def _an_edited_part(tmp_path: Path) -> tuple[search.SearchIndex, search.SearchIndex, str, str, Path]:
    """An index before and after one record's edit, and the part that held it written under
    `tmp_path` as Pagefind writes one (a fragment a record, its id en_<n>)."""
    before = plan_index(keys(2 * PART_SIZE), "en")
    edited_url = "documents/2024/doc-17/"
    after = plan_index({**keys(2 * PART_SIZE), edited_url: "key-17, revised"}, "en")
    (name,) = [n for n in before.parts if before.digests[n] != after.digests[n]]
    part = tmp_path / search.BUNDLE / name
    for n, url in enumerate(before.parts[name][1]):
        _fragment(part, f"en_{n:07x}", url, {"topic@en": [f"t{n % 3}"]})
    return before, after, edited_url, name, part


def test_an_edits_part_hides_the_earlier_versions_by_id_or_is_not_made(tmp_path: Path) -> None:
    """search.with_edits: the edited record goes into the edits part and its earlier version, found
    in its part's fragments, is hidden with the filter values it is counted under; where an earlier
    version cannot be found (a fragment unreadable), no edits part is made and the part is indexed
    again."""
    before, after, edited_url, name, part = _an_edited_part(tmp_path)
    ident = f"en_{before.parts[name][1].index(edited_url):07x}"
    index = search.with_edits(after, before, tmp_path)
    assert index is not None
    assert index.parts[search.EDITS][1] == (edited_url,)
    assert {n: p for n, p in index.parts.items() if n != search.EDITS} == before.parts  # kept as they were
    assert list(index.hidden) == [ident] and index.hidden[ident]["topic@en"]
    (part / "fragment" / f"{ident}.pf_fragment").write_bytes(b"not gzip")
    assert search.with_edits(after, before, tmp_path) is None
    assert search.with_edits(before, before, tmp_path) is None  # nothing changed: no edits part


def test_what_a_part_holds_is_read_again_only_when_its_directory_is_another(tmp_path: Path) -> None:
    """search.PartRecords: an engine that stays reads a part's fragments once while the part is the
    same directory (Pagefind writes one whole, and a build swaps in a new one), and again when it is
    replaced; an edits part made from what it read is the one made from the files."""
    before, after, edited_url, name, part = _an_edited_part(tmp_path)
    known = search.PartRecords()
    read = known.of(part)
    assert read is not None and len(read) == len(before.parts[name][1])
    assert known.of(part) is read  # the same directory: not read again
    assert search.with_edits(after, before, tmp_path, known) == search.with_edits(after, before, tmp_path)
    moved = part.with_name(name + ".old")
    part.rename(moved)
    for n, url in enumerate(before.parts[name][1]):  # another part there: other ids
        _fragment(part, f"en_{n + 4096:07x}", url, {"topic@en": [f"t{n % 3}"]})
    again = known.of(part)
    assert again is not read and {ident for _url, ident, _filters in again} == {
        f"en_{n + 4096:07x}" for n in range(len(before.parts[name][1]))}
    assert list(search.with_edits(after, before, tmp_path, known).hidden) == [  # type: ignore[union-attr]
        f"en_{before.parts[name][1].index(edited_url) + 4096:07x}"]


def _indexed_urls(part: Path) -> list[str]:
    import gzip
    import json

    urls = []
    for path in (part / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes())
        urls.append(json.loads(data[data.index(b"{"):])["url"])
    return sorted(urls)


def test_a_pagefind_started_ahead_is_taken_once_for_its_language_and_indexes_only_its_records(
        tmp_path: Path) -> None:
    """search.Ready: a Pagefind started, and made to load its language's word lists, before an
    edit; an indexer takes it rather than starting one, and what it writes holds the part's records
    and not the one that loaded it."""
    ready = search.Ready()
    ready.refill("zh-hant")
    ready.refill("zh-hant")  # one is waiting already: no second
    assert len(ready.waiting) == 1
    assert ready.take("en") is None  # loaded for another language
    waiting = ready.waiting[0][1]
    records = [SearchRecord(url=f"agreements/a{n}/", content=f"香港 合作 record {n}",
                            meta=(("title", f"A{n}"),), filters=(("topic@en", ("ai",)),)) for n in range(3)]
    with Trees(tmp_path / "site") as trees:
        with search.SearchIndexer({"1-of-1": records}, "zh-hant", trees, ready=ready) as indexer:
            assert indexer.services == [waiting] and not ready.waiting  # taken, and only once
            indexer.write_into(trees)
        assert _indexed_urls(trees.path / search.BUNDLE / "1-of-1") == [f"agreements/a{n}/" for n in range(3)]
    ready.refill("zh-hant")
    (_language, service), = ready.waiting
    ready.close()
    assert service.process.poll() is not None and not ready.waiting  # stopped


def test_an_agreements_words_are_kept_apart_and_a_person_reads_with_their_title() -> None:
    """A result's excerpt is cut from its record's text: an agreement's values (its id, instrument,
    people) are apart there, each person's name with their title, not one run of words; a
    document's text is its title, publisher, place and body, as written."""
    _keys, records = site_keys(FIXTURE)
    agreement = records["agreements/dtb-nda-2024/"]
    values = agreement.content.split(" · ")
    assert values[:3] == [agreement.meta[0][1], "dtb-nda-2024", "Memorandum of Understanding"]
    assert "Ms Wong Siu Ming, Secretary for Digital Technology" in values
    assert "Dr Zhang Hua, Vice President" in values
    assert "\n" not in agreement.content
    document = records["documents/2024/dtb-nda-signing/"]
    assert document.content.startswith(document.meta[0][1] + "\n") and " · " not in document.content
