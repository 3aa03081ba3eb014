"""sources.py: the content's digests, made again only for files whose stat changed."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from mouarchive import sources
from mouarchive.sources import DigestMemo, source_digests, vocabulary_digests


def _content(root: Path) -> Path:
    (root / "2023").mkdir(parents=True)
    (root / "parties.yaml").write_text("[]\n")
    for n in range(5):
        (root / "2023" / f"doc-{n}.md").write_text(f"---\ntitle: Doc {n}\n---\n")
    return root


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    read: list[str] = []
    real = sources.file_digest

    def counted(path: Path | str) -> str | None:
        read.append(os.path.basename(path))
        return real(path)

    monkeypatch.setattr(sources, "file_digest", counted)
    return read


def test_a_memo_reads_only_what_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = _content(tmp_path / "content")
    monkeypatch.setattr(sources, "RACY_NS", 0)  # the files' times are older than the memo at once
    read = _counting(monkeypatch)
    memo = DigestMemo()
    first = source_digests(content, "content", memo)
    assert memo.changed and len(read) == 6
    read.clear()
    assert source_digests(content, "content", memo) == first
    assert read == [] and not memo.changed
    edited = content / "2023" / "doc-3.md"
    edited.write_text("---\ntitle: Doc 3, revised\n---\n")
    (content / "2023" / "doc-4.md").unlink()
    again = source_digests(content, "content", memo)
    assert read == ["doc-3.md"] and memo.changed
    assert again == source_digests(content, "content")  # as a build without the memo hashes it


def test_a_change_keeping_size_and_mtime_is_seen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = _content(tmp_path / "content")
    monkeypatch.setattr(sources, "RACY_NS", 0)
    memo = DigestMemo()
    source_digests(content, "content", memo)
    edited = content / "2023" / "doc-1.md"
    before = edited.stat()
    edited.write_text("---\ntitle: Doc 7\n---\n")  # the same length
    os.utime(edited, ns=(before.st_atime_ns, before.st_mtime_ns))  # and the old mtime put back
    assert source_digests(content, "content", memo) == source_digests(content, "content")


def test_a_file_changed_just_before_is_read_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    content = _content(tmp_path / "content")
    read = _counting(monkeypatch)
    memo = DigestMemo()
    source_digests(content, "content", memo)
    read.clear()
    source_digests(content, "content", memo)  # written within RACY_NS of the memo: not trusted yet
    assert len(read) == 6


def test_other_files_count_with_their_sha256_but_not_an_editors_hidden_or_backup_files(
        tmp_path: Path) -> None:
    content = _content(tmp_path / "content")
    (content / "originals").mkdir()
    (content / "originals" / "release.pdf").write_bytes(b"%PDF-1.4 the MOU as signed")
    (content / "notes.txt").write_text("an editor's notes")
    for name in (".doc-0.md.swp", "doc-1.md~", ".obsidian/workspace.json"):
        (content / name).parent.mkdir(exist_ok=True)
        (content / name).write_text("not a source")
    found = source_digests(content, "content")
    assert found["content/originals/release.pdf"] == hashlib.sha256(b"%PDF-1.4 the MOU as signed").hexdigest()
    assert "content/notes.txt" in found  # a document may name it as its original: it counts
    assert not any(".swp" in path or path.endswith("~") or ".obsidian" in path for path in found)
    assert vocabulary_digests(found) == [found["content/parties.yaml"]]
