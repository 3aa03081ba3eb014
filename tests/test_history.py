"""A record's history (history.py): the content's commits, read with one `git log`, shown on each
agreement's and document's page and in the changes feed; nothing shown, and the build saying why,
when there is no history to trust. Every site here is a git repository made in tmp_path, with fixed
authors and dates, so the output is the same at every run."""

from __future__ import annotations

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mouarchive.config import load_config
from mouarchive.engine import Engine, build_site
from mouarchive.history import parse_log, read_history
from mouarchive.sources import source_digests
from test_incremental import document, make_site, snapshot

ATOM = "{http://www.w3.org/2005/Atom}"
GIT = shutil.which("git")
pytestmark = pytest.mark.skipif(GIT is None, reason="git is not installed")


def git(root: Path, *args: str, when: str = "2024-03-01T20:00:00+00:00") -> None:
    """Run git in `root` as a fixed editor at a fixed time, whatever the machine's settings."""
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when,
           "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org",
           "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "editor@example.org",
           "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def commit(root: Path, message: str, when: str) -> None:
    git(root, "add", "-A", "content")
    git(root, "commit", "-q", "-m", message, when=when)


def git_site(root: Path, count: int = 8) -> Path:
    """A site of `count` documents, committed twice: all of them, then a correction to doc-0001."""
    make_site(root, count=count, workers=1)
    git(root, "init", "-q", "-b", "main")
    commit(root, "Add the first documents", "2024-03-01T20:00:00+00:00")  # 2 March in Hong Kong
    edited = root / "content" / "doc-0001.md"
    edited.write_text(edited.read_text().replace("title: Document 1", "title: Document one"))
    commit(root, "Correct <b>the title</b> & date\n\nThe second paragraph is not shown.",
           "2024-05-10T01:30:00+00:00")
    return root


def page(root: Path, url: str) -> str:
    return (root / "site" / url / "index.html").read_text()


def history_section(html: str) -> str:
    start = html.find('<section class="panel record-history"')
    return html[start: html.index("</section>", start)] if start >= 0 else ""


def clean_build(root: Path, tmp_path: Path) -> dict[str, str]:
    """The reference: the same repository (content and .git) built with no cache and no previous site."""
    reference = tmp_path / "reference"
    shutil.rmtree(reference, ignore_errors=True)
    reference.mkdir()
    for name in ("content", ".git"):
        shutil.copytree(root / name, reference / name)
    shutil.copy(root / "mouarchive.toml", reference / "mouarchive.toml")
    report = build_site(load_config(reference), force=True)
    assert report.rendered == report.pages
    return snapshot(reference / "site")


def test_renames_are_followed_and_deleted_files_have_no_history(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    (root / "content").mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    (root / "content" / "a.md").write_text("first\n" * 20)
    (root / "content" / "gone.md").write_text("gone\n")
    commit(root, "Add a and gone", "2024-01-01T00:00:00+00:00")
    git(root, "mv", "content/a.md", "content/b.md")
    (root / "content" / "gone.md").unlink()
    commit(root, "Rename a to b; remove gone", "2024-01-02T00:00:00+00:00")
    (root / "content" / "gone.md").write_text("a new file of the same name\n")
    commit(root, "A new gone", "2024-01-03T00:00:00+00:00")
    history = read_history(root / "content", "content", source_digests(root / "content"))
    assert [c.subject for c in history.of("content/b.md")] == ["Rename a to b; remove gone", "Add a and gone"]
    assert [c.subject for c in history.of("content/gone.md")] == ["A new gone"]  # not the old file's
    assert "content/a.md" not in history.of_file
    assert history.changes[1].files == ("content/b.md", "content/gone.md")
    assert history.last_changed("content/b.md") is not None and not history.why
    (root / "content" / "b.md").write_text("changed\n")
    history = read_history(root / "content", "content", source_digests(root / "content"))
    assert history.uncommitted == {"content/b.md"} and history.last_changed("content/b.md") is None
    assert parse_log("", "content").changes == ()


def test_a_subject_is_one_line_of_text_xml_can_hold() -> None:
    log = ("\x1e" + "a" * 40 + "\x1f2024-01-01T00:00:00+00:00\x1fFix\x01 the\tdate\ufffe  \x0b now\x00\n"
           ":100644 100644 " + "0" * 40 + " " + "1" * 40 + " M\x00x\x1b.md\x00")
    change = parse_log(log, "content").changes[0]
    assert change.subject == "Fix the date now" and change.files == ("content/x.md",)


def test_pages_show_when_a_record_was_last_changed_and_its_changes(tmp_path: Path) -> None:
    root = git_site(tmp_path / "site")
    config = root / "mouarchive.toml"
    config.write_text(config.read_text() + 'languages = ["en", "zh-Hant"]\n')
    report = build_site(load_config(root))
    assert not any("history" in note for note in report.notes)
    html = history_section(page(root, "documents/2011/doc-0001"))
    assert '<time datetime="2024-05-10">10 May 2024</time>' in html  # 09:30 in Hong Kong
    assert 'Last changed <time datetime="2024-05-10">' in html
    assert "Correct &lt;b&gt;the title&lt;/b&gt; &amp; date" in html  # escaped, the subject only
    assert "second paragraph" not in html
    assert '<time datetime="2024-03-02">2 March 2024</time>: Add the first documents' in html
    assert "content/doc-0001.md and 9 other files" in html  # the vocabularies too
    # An agreement's history is its documents': doc-0002 states a-2 and doc-0003 refers to it.
    agreement = history_section(page(root, "agreements/a-2"))
    assert "Last changed <time datetime=\"2024-03-02\">" in agreement
    assert "content/doc-0002.md, content/doc-0003.md and 8 other files" in agreement
    assert "Correct" not in agreement
    chinese = history_section(page(root, "zh-hant/documents/2011/doc-0001"))
    assert "2024年5月10日" in chinese and 'href="../../../../zh-hant/changes/"' in chinese
    assert 'xml:lang="zh-Hant"' in (root / "site" / "zh-hant" / "changes.xml").read_text()


def test_the_changes_feed_lists_every_commit_newest_first(tmp_path: Path) -> None:
    root = git_site(tmp_path / "site")
    build_site(load_config(root))
    feed = ET.parse(root / "site" / "changes.xml").getroot()
    assert feed.tag == ATOM + "feed"
    entries = feed.findall(ATOM + "entry")
    assert [e.findtext(ATOM + "title") for e in entries] == ["Correct <b>the title</b> & date",
                                                             "Add the first documents"]
    assert [e.findtext(ATOM + "updated") for e in entries] == ["2024-05-10T09:30:00+08:00",
                                                               "2024-03-02T04:00:00+08:00"]
    assert feed.findtext(ATOM + "updated") == "2024-05-10T09:30:00+08:00"
    assert entries[0].find(ATOM + "link").get("href") == "https://example.org/documents/2011/doc-0001/"
    assert len(entries[1].findall(ATOM + "link")) == 8
    assert len({e.findtext(ATOM + "id") for e in entries}) == 2
    assert "content/doc-0001.md" in entries[0].findtext(ATOM + "summary")
    assert entries[0].findtext(ATOM + "id").startswith("https://example.org/changes/#c-")
    # The same changes as a page, each linking the documents it touched.
    listed = page(root, "changes")
    assert listed.count('<li id="c-') == 2 and 'href="../changes.xml"' in listed
    assert "Correct &lt;b&gt;the title&lt;/b&gt; &amp; date" in listed
    assert '<a href="../documents/2011/doc-0001/">Document one</a>' in listed
    assert "https://example.org/changes/" in (root / "site" / "sitemap.xml").read_text()


def test_uncommitted_changes_and_new_files_claim_no_date(tmp_path: Path) -> None:
    root = git_site(tmp_path / "site")
    edited = root / "content" / "doc-0002.md"
    edited.write_text(edited.read_text() + "\nA paragraph not yet committed.\n")
    (root / "content" / "doc-0100.md").write_text(document(100))
    report = build_site(load_config(root))
    assert report.notes == ("2 documents are not committed as saved: no page says when it was "
                            "last changed until it is",)
    changed = history_section(page(root, "documents/2012/doc-0002"))
    assert "Last changed" not in changed and "Add the first documents" in changed
    assert "not yet recorded" in changed
    assert "Last changed" not in history_section(page(root, "agreements/a-2"))  # doc-0002 states it
    assert history_section(page(root, "documents/2014/doc-0100")) == ""  # never committed
    assert "Last changed" in history_section(page(root, "documents/2011/doc-0001"))


def test_without_git_or_outside_a_repository_nothing_is_said(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    outside = make_site(tmp_path / "plain", count=4, workers=1)
    report = build_site(load_config(outside))
    assert report.notes == ("content/ is not in a git repository: pages show no history",)
    assert history_section(page(outside, "documents/2011/doc-0001")) == ""
    assert not (outside / "site" / "changes.xml").exists()

    root = git_site(tmp_path / "site", count=4)
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    report = build_site(load_config(root))
    assert report.notes == ("git is not installed: pages show no history",)
    assert history_section(page(root, "documents/2011/doc-0001")) == ""
    assert not (root / "site" / "changes.xml").exists()


def test_a_commit_touching_a_held_back_document_is_not_shown(tmp_path: Path) -> None:
    root = git_site(tmp_path / "site", count=4)
    secret = root / "content" / "doc-0050.md"
    secret.write_text(document(50, extra="draft: true\n"))
    edited = root / "content" / "doc-0002.md"
    edited.write_text(edited.read_text().replace("title: Document 2", "title: Document two"))
    commit(root, "Add the secret agreement", "2024-06-01T00:00:00+00:00")
    build_site(load_config(root))
    assert "secret" not in (root / "site" / "changes.xml").read_text()
    assert "secret" not in page(root, "documents/2012/doc-0002")


def test_a_commit_with_no_content_change_rebuilds_what_its_history_changes(tmp_path: Path) -> None:
    """The history is an input of the pages that show it: a new commit of edits already built is
    not "up to date", and every way of building gives the same bytes as a clean build."""
    root = git_site(tmp_path / "site", count=12)
    assert not build_site(load_config(root)).patched
    assert build_site(load_config(root)).up_to_date
    edited = root / "content" / "doc-0004.md"
    edited.write_text(edited.read_text().replace("title: Document 4", "title: Document four"))
    report = build_site(load_config(root))  # an edit between commits: patched
    assert report.patched and snapshot(root / "site") == clean_build(root, tmp_path)
    assert "Last changed" not in history_section(page(root, "documents/2014/doc-0004"))
    commit(root, "Document 4's title corrected", "2024-07-01T00:00:00+00:00")
    report = build_site(load_config(root))  # the same bytes in content/, a new commit
    assert not report.up_to_date and not report.patched
    assert "Last changed <time datetime=\"2024-07-01\">" in page(root, "documents/2014/doc-0004")
    assert snapshot(root / "site") == clean_build(root, tmp_path)
    assert build_site(load_config(root)).up_to_date


def test_the_engine_after_edits_and_commits_equals_a_clean_build(tmp_path: Path) -> None:
    root = git_site(tmp_path / "site", count=12)
    engine = Engine(load_config(root))
    engine.build()
    steps = [("doc-0005.md", "title: Document 5", None), ("doc-0005.md", "title: Document 5b", "fix 5"),
             ("doc-0006.md", "title: Document 6", None), ("doc-0007.md", "title: Document 7", "fix 6 and 7")]
    patched = []
    for number, (name, title, message) in enumerate(steps):
        path = root / "content" / name
        path.write_text(path.read_text().replace(title, f"{title} revised"))
        if message:
            commit(root, message, f"2024-08-0{number + 1}T00:00:00+00:00")
        report = engine.build([path])
        patched.append(report.patched)
        assert snapshot(root / "site") == clean_build(root, tmp_path), (number, name)
    assert patched == [True, False, True, False]  # a commit is a full build's work
