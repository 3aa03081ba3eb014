"""The search index planned in parts: an edit changes the part its record is in, and no other; a
record is made again exactly when what it is made from changes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from mouarchive.build import build_site, inspect_site
from mouarchive.config import load_config
from mouarchive.errors import BuildError, ExitCode
from mouarchive.freshness import Records, search_keys
from mouarchive.search import MAX_PARTS, PART_SIZE, SearchRecord, plan_index, search_records, text_of

FIXTURE = Path(__file__).parent / "fixtures" / "bilingual"


def records(count: int) -> list[SearchRecord]:
    return [SearchRecord(url=f"documents/2024/doc-{n}/", content=f"Document {n}",
                         meta=(("title", f"Document {n}"),), filters=(("kind@en", ("News",)),))
            for n in range(count)]


def unkeyed(made: list[SearchRecord]) -> list[tuple[str, SearchRecord]]:
    return [("", record) for record in made]


def test_an_edit_changes_the_digest_of_its_part_only() -> None:
    before = plan_index(unkeyed(records(3 * PART_SIZE)), "en")
    assert len(before.parts) == 3
    edited = records(3 * PART_SIZE)
    edited[17] = replace(edited[17], content="Document 17, revised")
    after = plan_index(unkeyed(edited), "en")
    changed = [name for name in before.parts if before.digests[name] != after.digests[name]]
    assert len(changed) == 1
    assert edited[17] in after.parts[changed[0]][1]


def test_a_part_is_digested_by_its_records_keys_where_they_have_them() -> None:
    made = records(10)
    keyed = [(f"key-{n}", record) for n, record in enumerate(made)]
    assert plan_index(keyed, "en").digests != plan_index(unkeyed(made), "en").digests
    rekeyed = [*keyed[:3], ("key-3-new", keyed[3][1]), *keyed[4:]]
    assert plan_index(keyed, "en").digests != plan_index(rekeyed, "en").digests


def test_every_record_is_in_one_part_and_parts_are_bounded() -> None:
    many = records(PART_SIZE * (MAX_PARTS + 3))
    index = plan_index(unkeyed(many), "zh-hant")
    assert len(index.parts) == MAX_PARTS
    held = [r for _digest, part in index.parts.values() for r in part]
    assert sorted(r.url for r in held) == sorted(r.url for r in many)
    assert plan_index([], "en").parts.keys() == {"1-of-1"}


def test_the_language_is_part_of_every_digest() -> None:
    assert plan_index(unkeyed(records(5)), "en").digests != plan_index(unkeyed(records(5)), "zh-hant").digests


def test_a_body_is_indexed_as_its_words() -> None:
    assert text_of("<p>Fish &amp; chips <a href=\"x\">here</a></p>").split() == ["Fish", "&", "chips", "here"]


def keyed_records(root: Path, known: dict[str, SearchRecord] | None = None) -> list[tuple[str, SearchRecord]]:
    plan, problems = inspect_site(load_config(root, {}))
    assert not problems.errors
    archive = plan.archive
    documents = {d.path: "digest of " + d.path + d.title for d in archive.documents.values()}
    keys = search_keys(archive, Records.of(archive, documents, plan.links), "stamp")
    return search_records(archive, ("en", "zh-Hant"), "en", lambda d: d.body_html, keys, known)


def test_a_record_is_taken_from_the_cache_only_under_its_key(make_site: Callable[..., Path]) -> None:
    files = {str(p.relative_to(FIXTURE)): p.read_text() for p in FIXTURE.rglob("*") if p.is_file()}
    before = keyed_records(make_site(files))
    # The English release's title edited: its record and its agreement's get new keys; the rest not.
    path = "content/2024/dtb-nda-signing.md"
    edited = make_site({**files, path: files[path].replace("title: ", "title: Revised ", 1)}, name="edited")
    after = keyed_records(edited)
    changed = {record.url for (key, record), (old, _) in zip(after, before, strict=True) if key != old}
    assert changed == {"documents/2024/dtb-nda-signing/", "agreements/dtb-nda-2024/"}
    # Given the earlier records (marked), the changed ones are made again and the others reused.
    known = {key: replace(record, content="CACHED") for key, record in before}
    again = keyed_records(edited, known)
    assert {record.url for _key, record in again if record.content != "CACHED"} == changed
    assert [record for _key, record in again if record.url in changed] == \
        [record for _key, record in after if record.url in changed]


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
