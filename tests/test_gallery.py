"""The bad-input gallery: every case gives its documented message and never harms the built site."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from mouarchive.cli import main

GALLERY = Path(__file__).parent / "gallery"
CASES = sorted(p.name for p in GALLERY.iterdir() if p.is_dir() and not p.name.startswith("_"))
BASELINE_DOC = """---
title: A document that was already there
kind: news
published: 2020-01-01
---
Built before the case was added.
"""


def snapshot(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def make_baseline(root: Path) -> None:
    content = root / "content"
    content.mkdir(parents=True)
    config = 'title = "Gallery"\nbase_url = "https://example.org/"\nsearch = false\n'
    (root / "mouarchive.toml").write_text(config)
    for name in ("parties.yaml", "topics.yaml"):
        shutil.copyfile(GALLERY / "_vocabulary" / name, content / name)
    (content / "baseline.md").write_text(BASELINE_DOC)


@pytest.mark.parametrize("case", CASES)
def test_gallery_case(case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                      request: pytest.FixtureRequest) -> None:
    root = tmp_path / "site-root"
    make_baseline(root)
    assert main(["build", "--site", str(root)]) == 0
    before = snapshot(root / "site")
    capsys.readouterr()

    for path in sorted((GALLERY / case).iterdir()):
        if path.name != "expected.txt":
            shutil.copyfile(path, root / "content" / path.name)
    code = main(["build", "--site", str(root)])
    err = capsys.readouterr().err
    # The summary line's timing varies; everything else is compared exactly.
    shown = "\n".join(line for line in err.splitlines() if not line.startswith("built ")) + "\n"

    expected_file = GALLERY / case / "expected.txt"
    if request.config.getoption("--update-golden"):
        expected_file.write_text(shown, encoding="utf-8")
    assert shown == expected_file.read_text(encoding="utf-8")
    assert "Traceback" not in err
    if " error:" in shown:
        assert code == 1
        assert snapshot(root / "site") == before, "a failed build changed the previous site"
    else:
        assert code == 0


def _baseline_site(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[Path, dict[str, str]]:
    root = tmp_path / "site-root"
    make_baseline(root)
    assert main(["build", "--site", str(root)]) == 0
    capsys.readouterr()
    return root, snapshot(root / "site")


def test_symlink_outside_content_is_not_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root, before = _baseline_site(tmp_path, capsys)
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Outside\nkind: news\n---\nNot part of the archive.\n")
    (root / "content" / "linked.md").symlink_to(secret)
    assert main(["build", "--site", str(root)]) == 1
    err = capsys.readouterr().err
    assert "content/linked.md: error: is a link to a file outside content/, which is not read" in err
    assert snapshot(root / "site") == before


def test_symlink_inside_content_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root, _before = _baseline_site(tmp_path, capsys)
    (root / "content" / "kept.txt").write_text(BASELINE_DOC.replace("title: A document", "title: Linked"))
    (root / "content" / "linked.md").symlink_to(root / "content" / "kept.txt")
    assert main(["build", "--site", str(root)]) == 0
    assert (root / "site" / "documents" / "2020" / "linked" / "index.html").exists()


def test_very_large_file_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root, before = _baseline_site(tmp_path, capsys)
    big = "---\ntitle: Big\nkind: news\n---\n" + ("A paragraph pasted many times. " * 40 + "\n\n") * 2000
    (root / "content" / "big.md").write_text(big)
    assert main(["build", "--site", str(root)]) == 1
    err = capsys.readouterr().err
    size = len(big.encode())
    assert f"content/big.md: error: the file is {size:,} bytes, over the limit of 2,000,000" in err
    assert snapshot(root / "site") == before


def test_file_names_with_spaces_and_chinese_give_safe_urls(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    root, _before = _baseline_site(tmp_path, capsys)
    for path in (GALLERY / "file-names").iterdir():
        shutil.copyfile(path, root / "content" / path.name)
    assert main(["build", "--site", str(root)]) == 0
    undated = sorted(p.name for p in (root / "site" / "documents" / "undated").iterdir())
    assert "press-release-2023" in undated
    chinese = [name for name in undated if name != "press-release-2023"]
    assert len(chinese) == 1 and chinese[0].startswith("x") and chinese[0].isascii()
