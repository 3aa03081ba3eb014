"""Rebuilds: the cache and the spare site make them cheap, and never make them wrong.

Every cached, incremental or parallel build must produce exactly the bytes a serial, clean build
produces; a rebuild must rewrite only the files whose bytes change.
"""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import settled
from mouarchive import build as build_module
from mouarchive import write
from mouarchive.build import build_site as pipeline_build
from mouarchive.config import load_config
from mouarchive.engine import build_site  # `mouarchive build`: the pipeline, patched where it can be
from mouarchive.errors import BuildError

PARTIES = "".join(f"- {{id: p{n}, name: Party number {n}, acronym: P{n}, jurisdiction: HK}}\n"
                  for n in range(12))
TOPICS = "".join(f"- {{id: t{n}, name: Topic {n}}}\n" for n in range(6))


def document(n: int, body: str = "", topics: str = "", extra: str = "") -> str:
    stated = n % 4 != 3  # one document in four refers to an agreement stated elsewhere
    agreement = (f"agreement:\n  id: a-{n}\n  parties: [p{n % 12}, p{(n * 7 + 1) % 12}]\n"
                 f"  signed: 20{10 + n % 12}-0{1 + n % 9}-1{n % 9}\n" if stated
                 else f"agreement: a-{n - 1}\n")
    return (f"---\ntitle: Document {n}\nkind: news\npublished: 20{10 + n % 12}-0{1 + n % 9}-2{n % 9}\n"
            f"topics: [{topics or f't{n % 6}, t{(n + 2) % 6}'}]\n{extra}{agreement}---\n"
            f"{body or f'The body of document {n}. ' * 20}\n")


def make_site(root: Path, count: int = 320, workers: int = 0) -> Path:
    (root / "content").mkdir(parents=True)
    (root / "mouarchive.toml").write_text(
        f'title = "Incremental"\nbase_url = "https://example.org/"\nsearch = false\nworkers = {workers}\n')
    (root / "content" / "parties.yaml").write_text(PARTIES)
    (root / "content" / "topics.yaml").write_text(TOPICS)
    for n in range(count):
        (root / "content" / f"doc-{n:04d}.md").write_text(document(n))
    return root


def snapshot(site: Path) -> dict[str, str]:
    return {p.relative_to(site).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(site.rglob("*")) if p.is_file()}


def inodes(site: Path) -> dict[str, int]:
    return {p.relative_to(site).as_posix(): p.stat().st_ino for p in site.rglob("*") if p.is_file()}


def build(root: Path, force: bool = False, now: datetime | None = None):
    return build_site(load_config(root), force=force, now=now)


def clean_serial_build(root: Path, tmp_path: Path, now: datetime | None = None) -> dict[str, str]:
    """The reference: the same content built in one process, with no cache and no previous site."""
    reference = tmp_path / "reference"
    if reference.exists():
        settled(reference)
    shutil.rmtree(reference, ignore_errors=True)
    shutil.copytree(root / "content", reference / "content")
    text = (root / "mouarchive.toml").read_text()
    (reference / "mouarchive.toml").write_text(text.rsplit("workers", 1)[0] + "workers = 1\n")
    report = build(reference, force=True, now=now)
    assert report.rendered == report.pages
    return snapshot(reference / "site")


def test_parallel_cold_build_equals_serial_clean_build(tmp_path: Path) -> None:
    root = make_site(tmp_path / "parallel", workers=2)
    report = build(root)
    assert report.parsed == 320 and report.rendered == report.pages > 300  # both parallel paths ran
    assert snapshot(root / "site") == clean_serial_build(root, tmp_path)


def test_a_large_process_renders_beside_one_worker_and_builds_the_same_site(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the process is large (build.SHARED_FROM), it renders too, the open data first, beside
    one forked worker: the site is the one a single process builds."""
    monkeypatch.setattr(build_module, "SHARED_FROM", 0)
    rendered_here = []
    render_chunk = build_module._render_chunk
    monkeypatch.setattr(build_module, "_render_chunk", lambda renderer, pages, indices: (
        rendered_here.extend(pages[i].output for i in indices if os.getpid() == parent) or
        render_chunk(renderer, pages, indices)))
    parent = os.getpid()
    root = make_site(tmp_path / "shared", workers=2)
    report = build(root)
    assert report.rendered == report.pages > 300
    assert rendered_here[:3] == ["data/agreements.json", "data/agreements.csv", "data/agreements.csl.json"]
    assert len(rendered_here) < report.pages  # the worker rendered the rest
    assert snapshot(root / "site") == clean_serial_build(root, tmp_path)


def test_nothing_changed_means_nothing_is_done(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site-root")
    build(root)
    before = inodes(root / "site")
    report = build(root)
    assert report.up_to_date
    (root / "content" / "doc-0005.md").touch()  # a new time but the same bytes: still nothing to do
    assert build(root).up_to_date
    assert inodes(root / "site") == before


def test_editing_a_body_rewrites_only_that_documents_page(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site-root")
    build(root)
    build(root, force=False)  # up to date; makes no spare
    body = "The body of document 10. " * 20 + "\n\nA corrected second paragraph."
    (root / "content" / "doc-0010.md").write_text(document(10, body=body))
    before = inodes(root / "site")
    report = build(root)
    assert report.parsed == 1 and report.rendered == 1 and report.changed == 1
    after = inodes(root / "site")
    changed = sorted(rel for rel in after if after[rel] != before.get(rel))
    assert changed == ["documents/2020/doc-0010/index.html"]
    assert "A corrected second paragraph." in (root / "site" / changed[0]).read_text()
    assert snapshot(root / "site") == clean_serial_build(root, tmp_path)


def test_editing_a_first_paragraph_renders_again_the_pages_that_show_its_summary(tmp_path: Path) -> None:
    """A body in the cache's packs keeps its summary there (load.py), and the pages that show the
    summary (its agreement's structured data) are still made again when it changes, by the
    pipeline as by the engine."""
    root = make_site(tmp_path / "site-root")
    pipeline_build(load_config(root))
    (root / "content" / "doc-0010.md").write_text(document(10, body="A new first paragraph."))
    report = pipeline_build(load_config(root))
    assert report.rendered > 1
    assert "A new first paragraph." in (root / "site" / "agreements" / "a-10" / "index.html").read_text()
    assert snapshot(root / "site") == clean_serial_build(root, tmp_path)


def test_editing_topics_updates_every_page_that_shows_them_and_no_other(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site-root")
    build(root)
    for n, text in ((11, "first edit"), (11, "second edit")):  # the second runs from the spare site
        (root / "content" / f"doc-{n:04d}.md").write_text(document(n, body=text))
        build(root)
    before = snapshot(root / "site")
    (root / "content" / "doc-0012.md").write_text(document(12, topics="t5"))  # was t0, t2
    report = build(root)
    after = snapshot(root / "site")
    assert snapshot(root / "site") == clean_serial_build(root, tmp_path)
    changed = {rel for rel in after if after[rel] != before.get(rel)} | (set(before) - set(after))
    assert {"topics/t5/index.html", "topics/t0/index.html", "agreements/a-12/index.html"} <= changed
    assert report.changed == len(changed) < 80  # far from the site's 650 files


def test_adding_and_removing_documents(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site-root")
    build(root)
    (root / "content" / "doc-0400.md").write_text(document(400))
    build(root)
    (root / "content" / "doc-0007.md").unlink()  # refers to a-6, which another document states
    (root / "content" / "doc-0400.md").unlink()
    report = build(root)
    assert "documents/2014/doc-0400/index.html" in report.removed
    assert {"documents/2014/doc-0400/cite.json", "documents/2014/doc-0400/cite.bib"} <= set(report.removed)
    assert not (root / "site" / "agreements" / "a-400").exists()
    assert snapshot(root / "site") == clean_serial_build(root, tmp_path)


def test_the_cache_is_safe_to_delete_or_corrupt(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site-root")
    build(root)
    settled(root)
    shutil.rmtree(root / ".site.cache")
    report = build(root)
    assert report.parsed == 320
    settled(root)
    for cached in (root / ".site.cache").iterdir():
        if cached.suffix == ".pickle":
            cached.write_bytes(b"not a pickle")
    (root / "content" / "doc-0001.md").write_text(document(1, body="after the corruption"))
    assert build(root).parsed == 320
    assert snapshot(root / "site") == clean_serial_build(root, tmp_path)


def test_a_build_killed_while_updating_the_spare_is_recovered(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site-root", count=600)
    build(root)
    (root / "content" / "doc-0001.md").write_text(document(1, body="one"))
    build(root)  # now there is a spare site for the next build to update in place
    before = snapshot(root / "site")
    (root / "content" / "topics.yaml").write_text(TOPICS.replace("Topic 1", "Topic one"))  # all pages
    command = [sys.executable, "-m", "mouarchive", "build", "--site", str(root)]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while time.perf_counter() - started < 60 and not _spare_changed(root):
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert snapshot(root / "site") == before  # the current site was never touched
    build(root)
    assert snapshot(root / "site") == clean_serial_build(root, tmp_path)


def test_a_page_deleted_by_hand_from_the_site_is_made_again_when_that_site_is_the_spare(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A build trusts the spare's manifest, without looking for each file, only in the directories
    # whose time is the one its listing recorded (write.Staging.keep). A page deleted by hand from
    # the site, which the next build makes the spare, must be found missing in the build after.
    monkeypatch.setattr(write, "RACY_NS", -10**18)  # every directory time counts as settled
    root = make_site(tmp_path / "site-root", count=40)
    build(root)
    settled(root)
    page = root / "site" / "agreements/a-5/index.html"
    for n in range(1, 5):
        if n == 2:
            page.unlink()
        (root / "content" / f"doc-{n:04d}.md").write_text(document(n, body=f"edit {n}"))
        build(root)
        settled(root)
        assert page.is_file(), n  # made again by the build after the deletion, and kept after
    assert snapshot(root / "site") == clean_serial_build(root, tmp_path)


def test_a_page_two_builds_in_a_row_change_is_rewritten_in_its_own_file_never_in_a_shared_one(
        tmp_path: Path) -> None:
    # The spare's own older version of a page (its inode linked nowhere else) is written in place,
    # so that an edit makes and frees no inode for it (write._rewrite); a file the spare shares with
    # the current site as a hard link must never be: the current site would change under its readers.
    root = make_site(tmp_path / "site-root", count=40)
    build(root)
    settled(root)
    page = root / "site" / "agreements/a-5/index.html"
    spare_page = root / ".site.spare" / "agreements/a-5/index.html"
    for n, topics in enumerate(["t1, t2", "t2, t3", "t3, t4", "t4, t5"]):
        (root / "content" / "doc-0005.md").write_text(document(5, topics=topics))
        current = (page.stat().st_ino, page.read_bytes())
        spare = spare_page.stat().st_ino if spare_page.exists() else None
        build(root)
        settled(root)
        assert (spare_page.stat().st_ino, spare_page.read_bytes()) == current, n  # as it was, now the spare
        assert page.read_bytes() != current[1], n
        if n >= 1:  # the site before the last held its own version: written in place
            assert page.stat().st_ino == spare, n
    assert snapshot(root / "site") == clean_serial_build(root, tmp_path)


def test_after_a_first_build_the_lock_is_held_until_the_spare_is_there(tmp_path: Path) -> None:
    # The copy that becomes the spare is given the build's own lock (write.prepare_spare_later), so
    # there is no moment between the build and the copy when another build could start and then
    # wait for the copy inside its own time, or a benchmark take the machine for quiet.
    root = make_site(tmp_path / "site-root", count=50)
    pipeline_build(load_config(root))  # the pipeline alone: no engine State is kept after it
    with open(root / ".site.cache" / "lock", "r+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            free = True
        except BlockingIOError:
            free = False
        assert not free or (root / ".site.spare").is_dir()
    settled(root)
    assert (root / ".site.spare").is_dir()


def test_a_first_build_into_an_empty_directory_leaves_a_spare_for_the_next(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # An output directory that exists (empty, or holding files no build of ours wrote) swaps into
    # the spare's place, and no manifest describes it: the build copies the new site over it, so
    # that the next build starts from the spare, not from a copy of the whole site.
    root = make_site(tmp_path / "site-root", count=50)
    (root / "site").mkdir()
    (root / ".site.spare").mkdir()  # and something there that is no spare of ours
    (root / ".site.spare" / "stray.html").write_text("not ours")
    pipeline_build(load_config(root))
    settled(root)
    site_files = sorted(p.relative_to(root / "site") for p in (root / "site").rglob("*") if p.is_file())
    spare_files = sorted(p.relative_to(root / ".site.spare") for p in (root / ".site.spare").rglob("*")
                         if p.is_file())
    assert spare_files == site_files
    edited = root / "content" / "doc-0011.md"
    edited.write_text(edited.read_text().replace("title: ", "title: Edited ", 1))
    stages: list[str] = []
    real = write.Staging.__enter__

    def entered(self: write.Staging) -> write.Staging:
        stages.append(real(self).baseline)
        return self

    monkeypatch.setattr(write.Staging, "__enter__", entered)
    pipeline_build(load_config(root))
    assert stages == ["spare"]  # not "current": a copy of the whole site
    assert snapshot(root / "site") == clean_serial_build(root, tmp_path)


def _spare_changed(root: Path) -> bool:
    spare = root / ".site.spare"
    return spare.is_dir() and any(p.stat().st_mtime > time.time() - 5 for p in spare.rglob("*.html"))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="parallel builds fork")
def test_parallel_rebuild_equals_clean_build_after_many_edits(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site-root", workers=2)
    build(root)
    for n in range(0, 320, 37):
        (root / "content" / f"doc-{n:04d}.md").write_text(document(n, body=f"edit {n}", topics="t1, t3"))
        build(root)
    assert snapshot(root / "site") == clean_serial_build(root, tmp_path)


# --- permanent URLs, links, drafts and embargoes -------------------------------------------------

BEFORE = datetime(2030, 1, 1, 0, 0, tzinfo=UTC)
AFTER = datetime(2030, 1, 1, 0, 1, tzinfo=UTC)  # one minute later: the embargo below has ended


def test_aliases_links_drafts_and_embargoes_rebuild_like_a_clean_build(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site-root")
    content = root / "content"
    build(root, now=BEFORE)

    def edit(n: int, **parts: str) -> None:
        (content / f"doc-{n:04d}.md").write_text(document(n, **parts))

    def rebuild_and_compare(now: datetime = BEFORE) -> dict[str, str]:
        report = build(root, now=now)
        assert not report.up_to_date
        site = snapshot(root / "site")
        assert site == clean_serial_build(root, tmp_path, now=now)
        return site

    edit(10, extra="aliases: [/old/doc-ten/]\n")  # an old address
    site = rebuild_and_compare()
    assert "old/doc-ten/index.html" in site
    edit(20, body="See [thirty](doc-0030.md) and [its agreement](agreement:a-30).")  # links
    rebuild_and_compare()
    before = (root / "site/documents/2018/doc-0020/index.html").read_text()
    edit(30, extra="slug: thirty\naliases: [/documents/2016/doc-0030/]\n")  # the target moves
    site = rebuild_and_compare()
    after = (root / "site/documents/2018/doc-0020/index.html").read_text()
    assert 'href="../../../documents/2016/doc-0030/"' in before
    assert 'href="../../../documents/2016/thirty/"' in after  # the linking page followed it
    edit(50, extra="draft: true\n")  # a published document becomes a draft
    site = rebuild_and_compare()
    assert not any("doc-0050" in name for name in site)
    edit(60, extra="embargo: 2030-01-01T08:01:00+08:00\n")  # ends at AFTER
    site = rebuild_and_compare()
    assert not any("doc-0060" in name for name in site)
    site = rebuild_and_compare(now=AFTER)  # the embargo has ended: nothing else changed
    assert "documents/2010/doc-0060/index.html" in site
    edit(10)  # the alias goes
    site = rebuild_and_compare(now=AFTER)
    assert not any(name.startswith("old/") for name in site)


def test_nothing_changed_is_not_up_to_date_once_an_embargo_has_ended(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site-root", count=40)
    (root / "content" / "doc-0005.md").write_text(document(5, extra="embargo: 2030-01-01T00:01Z\n"))
    page = root / "site/documents/2015/doc-0005/index.html"
    assert not build(root, now=BEFORE).up_to_date
    assert build(root, now=BEFORE).up_to_date and not page.exists()
    report = build(root, now=AFTER)
    assert not report.up_to_date and page.is_file()
    assert build(root, now=AFTER).up_to_date
    report = build(root, now=BEFORE)  # a clock set back (MOUARCHIVE_NOW) holds it back again
    assert not report.up_to_date and not page.exists()
    assert snapshot(root / "site") == clean_serial_build(root, tmp_path, now=BEFORE)


def test_a_preview_build_and_a_real_one_are_never_each_others_up_to_date(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site-root", count=40)
    (root / "content" / "doc-0005.md").write_text(document(5, extra="draft: true\n"))
    page = root / "site/documents/2015/doc-0005/index.html"
    build(root, now=BEFORE)
    assert not page.exists()
    assert not build_site(load_config(root), now=BEFORE, drafts=True).up_to_date and page.is_file()
    assert not build(root, now=BEFORE).up_to_date and not page.exists()
def translation(n: int, title: str = "") -> str:
    """The Traditional Chinese version of document n, about the same agreement."""
    agreement = f"a-{n}" if n % 4 != 3 else f"a-{n - 1}"
    return (f"---\ntitle: {title or f'文件 {n}'}\nkind: translation\nlang: zh-Hant\n"
            f"translation_of: doc-{n:04d}.md\nagreement: {agreement}\n---\n第 {n} 份文件的譯文。\n")


def test_two_languages_and_translations_rebuild_as_a_clean_build(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site-root", count=40)
    # First: clean_serial_build keeps the settings before `workers`.
    toml = root / "mouarchive.toml"
    toml.write_text('languages = ["en", "zh-Hant"]\n' + toml.read_text())
    (root / "content" / "doc-0001.zh-hant.md").write_text(translation(1))
    build(root)
    site = root / "site"
    assert (site / "zh-hant" / "documents" / "undated" / "doc-0001-zh-hant" / "index.html").is_file()
    english = site / "documents" / "2011" / "doc-0001" / "index.html"
    assert "doc-0001-zh-hant" in english.read_text()
    for change in (
        lambda: (root / "content" / "doc-0001.zh-hant.md").write_text(translation(1, "新的標題")),
        lambda: (root / "content" / "doc-0002.zh-hant.md").write_text(translation(2)),
        lambda: (root / "content" / "doc-0001.zh-hant.md").unlink(),
        lambda: (root / "content" / "doc-0002.md").write_text(document(2, body="An edited body.")),
    ):
        change()
        build(root)
        assert snapshot(site) == clean_serial_build(root, tmp_path)
        settled(tmp_path / "reference")
        shutil.rmtree(tmp_path / "reference")
    assert "doc-0001-zh-hant" not in english.read_text()
    assert "文件 2" in (site / "zh-hant" / "documents" / "2012" / "doc-0002" / "index.html").read_text()


def test_an_original_file_is_copied_again_when_it_changes_and_checked_against_its_hash(
        tmp_path: Path) -> None:
    root = make_site(tmp_path / "site-root", count=40)
    content = root / "content"
    (content / "originals").mkdir()
    release = content / "originals" / "release-10.txt"
    release.write_bytes(b"The release as published.\n")
    (content / "doc-0010.md").write_text(document(10, extra="original: {file: originals/release-10.txt}\n"))
    assert not build(root).up_to_date
    copy, page = root / "site/originals/2020/doc-0010.txt", root / "site/documents/2020/doc-0010/index.html"
    assert copy.read_bytes() == release.read_bytes()
    assert build(root).up_to_date  # an original's digest is kept as a document's is
    before = inodes(root / "site")
    release.write_bytes(b"A corrected copy.\n")
    assert not build(root).up_to_date
    after = inodes(root / "site")
    # The file, the pages that show its size and SHA-256 (the document's, and its agreement's in the
    # structured data) and the open data; nothing else (the lists' bytes are the same).
    assert sorted(rel for rel in after if after[rel] != before.get(rel)) == [
        "agreements/a-10/index.html", "data/agreements.json", "documents/2020/doc-0010/index.html",
        "originals/2020/doc-0010.txt"]
    sha256 = hashlib.sha256(b"A corrected copy.\n").hexdigest()
    assert copy.read_bytes() == b"A corrected copy.\n" and sha256 in page.read_text()
    assert snapshot(root / "site") == clean_serial_build(root, tmp_path)
    # Once its hash is recorded, a file replaced by mistake stops the build, and the site stays.
    (content / "doc-0010.md").write_text(document(
        10, extra=f"original: {{file: originals/release-10.txt, sha256: {sha256}}}\n"))
    build(root)
    site = snapshot(root / "site")
    release.write_bytes(b"Replaced by mistake.\n")
    with pytest.raises(BuildError) as raised:
        build(root)
    assert [(p.path, p.line, p.field) for p in raised.value.problems] == [
        ("content/doc-0010.md", 6, "original.sha256")]
    assert snapshot(root / "site") == site
