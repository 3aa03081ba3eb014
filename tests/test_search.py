"""The search index planned in parts: an edit changes the part its record is in, and no other."""

from __future__ import annotations

from dataclasses import replace

from mouarchive.search import MAX_PARTS, PART_SIZE, SearchRecord, plan_index, text_of


def records(count: int) -> list[SearchRecord]:
    return [SearchRecord(url=f"documents/2024/doc-{n}/", content=f"Document {n}",
                         meta=(("title", f"Document {n}"),), filters=(("kind@en", ("News",)),))
            for n in range(count)]


def test_an_edit_changes_the_digest_of_its_part_only() -> None:
    before = plan_index(records(3 * PART_SIZE), "en")
    assert len(before.parts) == 3
    edited = records(3 * PART_SIZE)
    edited[17] = replace(edited[17], content="Document 17, revised")
    after = plan_index(edited, "en")
    changed = [name for name in before.parts if before.digests[name] != after.digests[name]]
    assert len(changed) == 1
    assert edited[17] in after.parts[changed[0]][1]


def test_every_record_is_in_one_part_and_parts_are_bounded() -> None:
    many = records(PART_SIZE * (MAX_PARTS + 3))
    index = plan_index(many, "zh-hant")
    assert len(index.parts) == MAX_PARTS
    held = [r for _digest, part in index.parts.values() for r in part]
    assert sorted(r.url for r in held) == sorted(r.url for r in many)
    assert plan_index([], "en").parts.keys() == {"1-of-1"}


def test_the_language_is_part_of_every_digest() -> None:
    assert plan_index(records(5), "en").digests != plan_index(records(5), "zh-hant").digests


def test_a_body_is_indexed_as_its_words() -> None:
    assert text_of("<p>Fish &amp; chips <a href=\"x\">here</a></p>").split() == ["Fish", "&", "chips", "here"]
