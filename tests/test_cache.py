"""cache.py: manifests read once while their file is the same, and read again when it is not."""

from __future__ import annotations

import pickle
from collections.abc import Iterator
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
