"""cache.py: manifests read once while their file is the same, and read again when it is not."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from mouarchive import cache as cache_module
from mouarchive.cache import BuildCache, Manifest


def _loads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    loaded: list[str] = []
    real = BuildCache._load

    def counted(self: BuildCache, name: str, key: str) -> object:
        loaded.append(name)
        return real(self, name, key)

    monkeypatch.setattr(BuildCache, "_load", counted)
    return loaded


def _manifest(pages: dict[str, str]) -> Manifest:
    return Manifest(output="site", stamp="s", sources={"content/a.md": "1"}, pages=pages)


def test_a_manifest_is_read_once_until_its_file_changes(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    output = tmp_path / "site"
    loaded = _loads(monkeypatch)
    writer = BuildCache(output)
    writer.save_current(output, _manifest({"index.html": "1"}), spare="unknown")
    reader = BuildCache(output)
    first = reader.current_manifest(output)
    assert first is not None and first.pages == {"index.html": "1"}
    assert reader.current_manifest(output) is first
    assert len(loaded) == 1
    # Another process writes the next build's manifest: the reader sees it, without being told.
    BuildCache(output).save_current(output, _manifest({"index.html": "2"}), spare="previous")
    second = reader.current_manifest(output)
    assert second is not None and second.pages == {"index.html": "2"}
    # The one it replaced is now the spare's, the same file renamed: not read again.
    before = len(loaded)
    spare = reader.spare_manifest(output)
    assert spare is not None and spare.pages == {"index.html": "1"}
    assert len(loaded) == before


def test_a_saved_manifest_is_kept_as_saved(tmp_path: Path) -> None:
    """The caller's map of pages changes later (an engine's State patches it in place): the
    manifest kept for the next read is the one saved."""
    output = tmp_path / "site"
    cache = BuildCache(output)
    pages = {"index.html": "1"}
    cache.save_current(output, _manifest(pages), spare="unknown")
    pages["index.html"] = "changed in place"
    kept = cache.current_manifest(output)
    assert kept is not None and kept.pages == {"index.html": "1"}


def test_a_manifest_of_other_code_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    output = tmp_path / "site"
    BuildCache(output).save_current(output, _manifest({}), spare="unknown")
    monkeypatch.setattr(cache_module, "code_stamp", lambda: "other code")
    assert BuildCache(output).current_manifest(output) is None
    # Nor a spoilt file.
    path = next(BuildCache(output).dir.glob("current-*.pickle"))
    path.write_bytes(pickle.dumps("not a manifest"))
    assert BuildCache(output).current_manifest(output) is None


def test_the_engine_state_is_written_part_by_part(tmp_path: Path) -> None:
    """save_engine_state pickles each part on its own, asking for the next once the one before is
    written (so that what is made for it is not held beside the first pickler's memo)."""
    output = tmp_path / "site"
    cache = BuildCache(output)
    written: list[int] = []

    def parts() -> Iterator[object]:
        yield {"first": [1, 2]}
        written.extend(p.stat().st_size for p in cache.dir.glob(".engine-*.tmp"))
        yield ("second", b"bytes")

    cache.save_engine_state(output, parts())
    assert len(written) == 1 and written[0] > 0
    assert cache.engine_state(output) == [{"first": [1, 2]}, ("second", b"bytes")]
    assert BuildCache(output, enabled=False).engine_state(output) is None


@dataclass(frozen=True)
class _Record:
    key: str
    text: str


def test_shared_objects_are_written_once_and_are_the_same_in_every_part(tmp_path: Path) -> None:
    """The engine's records, held by its pages and maps too: written once, apart from the parts
    (so that neither pickler's memo holds both), and read back as one object in every part."""
    output = tmp_path / "site"
    cache = BuildCache(output)
    records = tuple(_Record(f"r{n}", f"the text of record {n}") for n in range(20))
    other = _Record("other", "not shared")
    state = {"by_key": {r.key: r for r in records}, "listed": [records[3], records[3], other]}
    cache.save_engine_state(output, iter([state, ("pieces", records[3], other)]), shared=records)
    path = next(cache.dir.glob("engine-*.pickle"))
    assert path.read_bytes().count(b"the text of record") == 20  # each record's text once, not in each part
    loaded, pieces = cache.engine_state(output)
    assert loaded == state and pieces == ("pieces", records[3], other)
    assert loaded["listed"][0] is loaded["by_key"]["r3"] is pieces[1]
    assert loaded["listed"][2] is not pieces[2]  # not shared: one for each part
    assert loaded["listed"][0] is loaded["listed"][1]
