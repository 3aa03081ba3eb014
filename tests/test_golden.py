"""Golden output: each fixture site in tests/fixtures/ (site/, and bilingual/ in English and Chinese)
is built and every file compared, byte for byte, with tests/golden/<the same name>/. After a
deliberate change, `make golden` (pytest --update-golden) rewrites the golden files; review their
diff before committing it. The English fixture is also built with Python-Markdown (`markdown =
"python-markdown"`), and compared with the same golden files, which it never writes."""

from __future__ import annotations

import difflib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mouarchive.build import build_site
from mouarchive.config import load_config

TESTS = Path(__file__).parent
FIXTURE = TESTS / "fixtures" / "site"
GOLDEN = TESTS / "golden" / "site"
# Each fixture site with its golden output: the English one, and one in English and Chinese.
SITES = {name: (TESTS / "fixtures" / name, TESTS / "golden" / name) for name in ("site", "bilingual")}
# Python-Markdown with the extensions that give what cmark-gfm always has; `smarty` is its smart
# punctuation, without which the fixture's apostrophes would stay straight.
PYTHON_MARKDOWN = {"markdown": "python-markdown",
                   "markdown_extensions": ["tables", "fenced_code", "footnotes", "smarty"]}
SHOWN_DIFFS = 3  # files whose diff a failure shows
SHOWN_LINES = 80  # lines of each diff


def build_fixture(output: Path, fixture: Path = FIXTURE) -> Path:
    build_site(load_config(fixture, {"output_dir": str(output)}))
    return output


def read_tree(root: Path) -> dict[str, bytes]:
    """Every file under root by its relative path, with forward slashes."""
    return {path.relative_to(root).as_posix(): path.read_bytes()
            for path in sorted(root.rglob("*")) if path.is_file()}


def describe_differences(expected: dict[str, bytes], actual: dict[str, bytes]) -> str:
    """Missing and extra files, then a unified diff of the first few files that differ."""
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    changed = sorted(name for name in set(expected) & set(actual) if expected[name] != actual[name])
    parts = []
    if missing:
        parts.append("missing from the build (in tests/golden/site/ only):\n  " + "\n  ".join(missing))
    if extra:
        parts.append("extra in the build (not in tests/golden/site/):\n  " + "\n  ".join(extra))
    if changed:
        parts.append(f"{len(changed)} file(s) differ:\n  " + "\n  ".join(changed))
    for name in changed[:SHOWN_DIFFS]:
        diff = list(difflib.unified_diff(
            expected[name].decode("utf-8", "replace").splitlines(),
            actual[name].decode("utf-8", "replace").splitlines(),
            f"golden/site/{name}", f"build/{name}", lineterm="", n=2,
        ))
        if not diff:  # same text, different bytes: line endings or a trailing newline
            diff = [f"--- golden/site/{name}", f"+++ build/{name}",
                    f"(bytes differ: {len(expected[name])} expected, {len(actual[name])} built)"]
        if len(diff) > SHOWN_LINES:
            diff = [*diff[:SHOWN_LINES], f"... {len(diff) - SHOWN_LINES} more diff lines"]
        parts.append("\n".join(diff))
    parts.append("if the change is intended, run `make golden` and review the diff of tests/golden/")
    return "\n\n".join(parts)


@pytest.mark.parametrize("name", sorted(SITES))
def test_fixture_site_matches_golden_output(tmp_path: Path, update_golden: bool, name: str) -> None:
    fixture, golden = SITES[name]
    built = build_fixture(tmp_path / "out", fixture)
    if update_golden:
        if golden.exists():
            shutil.rmtree(golden)
        shutil.copytree(built, golden)
        return
    assert golden.is_dir(), f"no golden output yet: run `make golden` to create tests/golden/{name}/"
    expected, actual = read_tree(golden), read_tree(built)
    if expected != actual:
        pytest.fail(describe_differences(expected, actual), pytrace=False)


def test_fixture_site_built_with_python_markdown_matches_golden_output(tmp_path: Path) -> None:
    """The fixture's Markdown is what both engines read alike, so every page, list, feed and open-data
    file is cmark-gfm's byte for byte: the engine changes bodies and nothing else. (What differs,
    footnotes and extensions, is in tests/test_markdown_engines.py.)"""
    built = tmp_path / "out"
    build_site(load_config(FIXTURE, {"output_dir": str(built), **PYTHON_MARKDOWN}))
    expected, actual = read_tree(GOLDEN), read_tree(built)
    if expected != actual:
        pytest.fail(describe_differences(expected, actual), pytrace=False)


def test_fixture_site_has_every_kind_of_page(tmp_path: Path) -> None:
    """The fixture exercises what it is meant to: pagination, both kinds of document, Chinese, feeds."""
    files = read_tree(build_fixture(tmp_path / "out"))
    for name in (
        "index.html", "404.html", "feed.xml", "sitemap.xml", "robots.txt", "static/style.css",
        "agreements/index.html", "agreements/page/2/index.html",
        "agreements/dtb-nda-2024/index.html", "agreements/mfa-nda-2021/index.html",
        "agreements/mfa-nda-renewal/index.html",
        "documents/index.html", "documents/page/2/index.html", "documents/page/3/index.html",
        "documents/2021/mfa-nda-mou/index.html", "documents/2024/nda-release/index.html",
        "documents/2024/minister-speech/index.html", "documents/undated/mfa-statement/index.html",
        "parties/nda/index.html", "parties/nda/page/2/index.html", "parties/nda/feed.xml",
        "parties/gov/index.html", "topics/fintech/index.html", "topics/fintech/feed.xml",
        "years/index.html", "years/2024/index.html", "years/2021/index.html",
    ):
        assert name in files, name
    assert "agreements/page/3/index.html" not in files
    assert "documents/page/4/index.html" not in files
    assert not any(name.startswith("years/") and "undated" in name for name in files)
    assert "国家数据研究院".encode() in files["documents/2024/nda-release/index.html"]
    assert b"https://example.org/archive/agreements/dtb-nda-2024/" in files["sitemap.xml"]
    assert b"404.html" not in files["sitemap.xml"]
    # An old address of a document and of an agreement redirect; a draft and a document under
    # embargo (and the agreement only the draft states) are not there at all.
    redirect = files["documents/2024/data-forum-speech/index.html"]
    assert b"url=../../../documents/2024/minister-speech/" in redirect
    assert b"url=../../agreements/mfa-nda-2021/" in files["agreements/mfa-nda-fintech-2021/index.html"]
    assert not any(word in data for data in files.values()
                   for word in (b"annex", b"Draft text", b"embargoed-release", b"joint projects"))


def test_build_is_deterministic_across_processes(tmp_path: Path) -> None:
    """Two builds in fresh interpreters with different hash seeds write the same bytes."""
    trees = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-m", "mouarchive", "build", "--site", str(FIXTURE), "--output", str(out)],
            capture_output=True, text=True, env=env, timeout=60,
        )
        assert result.returncode == 0, result.stderr
        trees.append(read_tree(out))
    assert trees[0] == trees[1], describe_differences(trees[0], trees[1])


def test_build_twice_in_one_process_gives_the_same_bytes(tmp_path: Path) -> None:
    first = read_tree(build_fixture(tmp_path / "a"))
    second = read_tree(build_fixture(tmp_path / "b"))
    assert first == second, describe_differences(first, second)


def test_building_the_fixture_writes_nothing_inside_it(tmp_path: Path) -> None:
    before = sorted(p.relative_to(FIXTURE).as_posix() for p in FIXTURE.rglob("*"))
    build_fixture(tmp_path / "out")
    assert sorted(p.relative_to(FIXTURE).as_posix() for p in FIXTURE.rglob("*")) == before


def test_describe_differences_lists_missing_extra_and_diffs() -> None:
    report = describe_differences(
        {"a.html": b"one\ntwo\n", "gone.html": b"x", "same.txt": b"s", "nl.txt": b"x\n"},
        {"a.html": b"one\nTWO\n", "new.html": b"y", "same.txt": b"s", "nl.txt": b"x\r\n"},
    )
    assert "missing from the build (in tests/golden/site/ only):\n  gone.html" in report
    assert "extra in the build (not in tests/golden/site/):\n  new.html" in report
    assert "2 file(s) differ:\n  a.html\n  nl.txt" in report
    assert "--- golden/site/a.html\n+++ build/a.html" in report
    assert "-two\n+TWO" in report
    assert "(bytes differ: 2 expected, 3 built)" in report
    assert "same.txt" not in report
