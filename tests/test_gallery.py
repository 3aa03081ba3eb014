"""The bad-input gallery: every case gives its documented message and never harms the built site."""

from __future__ import annotations

import hashlib
import re
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


# --- the README's list of messages ----------------------------------------------------------------

MESSAGES_PAGE = Path(__file__).resolve().parents[1] / "docs" / "messages.md"
PROBLEM = re.compile(r"^(?P<where>\S+?): (?P<kind>error|warning): (?P<message>.*)$")
# Cases that the gallery cannot hold as files in a directory; tested above.
OTHER_CASES = [
    ("a link to a file outside content/", "error",
     "is a link to a file outside content/, which is not read",
     "copy the file into content/ instead of linking to it"),
    ("a file over 2 MB", "error", "the file is N bytes, over the limit of 2,000,000",
     "split it, or keep only the text of the document"),
]
NO_MESSAGE = {
    "crlf-line-endings": "Windows line endings are read as they are meant.",
    "utf8-bom": "a UTF-8 byte order mark is skipped.",
    "file-names": "file names with spaces or Chinese characters give readable, safe URLs.",
    "yaml-surprises": "NO, YES, ON, 12:30, 1e3 and 2023-09 are read as the text written.",
}


def messages_page() -> str:
    """docs/messages.md, made from the gallery's expected messages: what each input gives."""
    rows = []
    for case in CASES:
        lines = (GALLERY / case / "expected.txt").read_text(encoding="utf-8").splitlines()
        found = False
        for n, line in enumerate(lines):
            match = PROBLEM.match(line)
            if not match:
                continue
            found = True
            hint = lines[n + 1].strip().removeprefix("hint: ") if n + 1 < len(lines) and \
                lines[n + 1].startswith("    hint:") else ""
            rows.append((case.replace("-", " "), match["kind"], match["message"], hint))
        if not found:
            rows.append((case.replace("-", " "), "none", NO_MESSAGE.get(case, "accepted"), ""))
    rows = [*dict.fromkeys(rows), *OTHER_CASES]  # one row for a message a case gives several times

    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    table = "\n".join(f"| {cell(a)} | {b} | {cell(c)} | {cell(d)} |" for a, b, c, d in rows)
    return (
        "# The messages mouarchive gives, and what to do\n\n"
        "Made from the bad-input gallery (`tests/gallery/`, one directory per input) by\n"
        "`make golden`; `tests/test_gallery.py` fails when this page and the gallery differ.\n"
        "Each message is printed as `path:line: error: field: message` (or `warning:`), with the\n"
        "hint on the next line. An **error** stops the build before anything is written; a\n"
        "**warning** is reported and the build goes on (`--strict` makes warnings errors).\n\n"
        "| input | kind | message (after `path:line:`) | what to do |\n"
        "| --- | --- | --- | --- |\n" + table + "\n"
    )


def test_the_messages_page_lists_every_gallery_case(request: pytest.FixtureRequest) -> None:
    if request.config.getoption("--update-golden"):
        MESSAGES_PAGE.parent.mkdir(exist_ok=True)
        MESSAGES_PAGE.write_text(messages_page(), encoding="utf-8")
    assert MESSAGES_PAGE.read_text(encoding="utf-8") == messages_page()
