"""The engine (engine.py) patches the last build after an edit: what it makes must be what a clean
build makes, byte for byte, after every kind of edit, one after another."""

from __future__ import annotations

import gzip
import json
import random
import re
import shutil
from pathlib import Path

import pytest

from conftest import patched_with_edits, settled
from mouarchive import citations, search
from mouarchive.build import plan_search
from mouarchive.cache import BuildCache
from mouarchive.config import load_config
from mouarchive.engine import Engine, build_site, kept_state
from mouarchive.pages import Urls
from mouarchive.sources import vocabulary_digests
from test_incremental import clean_serial_build, document, make_site, snapshot


def _edit(path: Path, kind: str, rng: random.Random) -> None:
    text = path.read_text()
    if kind == "title":
        text = re.sub(r"^title: (.*)$", lambda m: f"title: {m.group(1)} revised", text, count=1, flags=re.M)
    elif kind == "topics":
        topics = rng.sample([f"t{n}" for n in range(6)], rng.randint(1, 3))
        text = re.sub(r"^topics: \[.*\]$", f"topics: [{', '.join(topics)}]", text, count=1, flags=re.M)
    elif kind == "published":
        text = re.sub(r"^published: \d{4}", f"published: {rng.randint(2005, 2024)}", text, count=1,
                      flags=re.M)
    elif kind == "signed":
        text = re.sub(r"^  signed: \d{4}", f"  signed: {rng.randint(2005, 2024)}", text, count=1, flags=re.M)
    elif kind == "parties":
        parties = ", ".join(f"p{n}" for n in rng.sample(range(12), 2))
        text = re.sub(r"^  parties: \[.*\]$", f"  parties: [{parties}]", text, count=1, flags=re.M)
    elif kind == "body":
        text += "\nA paragraph added below.\n"
    path.write_text(text)


KINDS = ("title", "topics", "published", "signed", "parties", "body", "new", "delete")


def _change(root: Path, kind: str, number: int, rng: random.Random) -> Path:
    """One edit of a KINDS kind to the site's content; the file it changed. A new document is
    number `number` (and states an agreement of its own)."""
    docs = sorted((root / "content").glob("doc-*.md"))
    if kind == "new":
        path = root / "content" / f"doc-{number:04d}.md"
        path.write_text(document(1000 + (number - 1000) * 4))
    elif kind == "delete":
        # A document about an agreement stated elsewhere: the agreement stays.
        path = next(p for p in docs if "agreement: a-" in p.read_text())
        path.unlink()
    else:
        path = rng.choice([p for p in docs if "\n  id: a-" in p.read_text()])
        _edit(path, kind, rng)
    return path


def searched_site(tmp_path: Path, count: int) -> Path:
    """A site of `count` documents with the search index on (make_site leaves it off)."""
    root = make_site(tmp_path / "site", count=count, workers=1)
    config = root / "mouarchive.toml"
    config.write_text(config.read_text().replace("search = false", "search = true"))
    return root


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_patched_build_equals_a_clean_build(tmp_path: Path, seed: int) -> None:
    root = make_site(tmp_path / "site", count=60, workers=1)
    engine = Engine(load_config(root))
    engine.build()
    rng = random.Random(seed)
    patched = 0
    for step in range(8):
        kind = KINDS[(seed + step) % len(KINDS)] if step < len(KINDS) else rng.choice(KINDS)
        path = _change(root, kind, 1000 + step, rng)
        report = engine.build([path])
        patched += report.patched
        assert snapshot(root / "site") == clean_serial_build(root, tmp_path), (step, kind, path.name)
    assert patched >= 6  # the engine patched, rather than building in full, nearly every time


def test_what_the_engine_does_not_patch_is_built_in_full(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site", count=20, workers=1)
    engine = Engine(load_config(root))
    engine.build()
    topics = root / "content" / "topics.yaml"
    topics.write_text(topics.read_text().replace("Topic 1", "Topic one"))
    report = engine.build([topics])
    assert not report.patched and report.rendered > 0
    broken = root / "content" / "doc-0001.md"
    broken.write_text(broken.read_text().replace("kind: news", "kind: newz"))
    with pytest.raises(Exception) as raised:
        engine.build([broken])
    assert "newz" in str(raised.value)  # the full build reports the error at file and line
    assert engine.state is None
    broken.write_text(document(1))
    assert not engine.build([broken]).patched
    assert snapshot(root / "site") == clean_serial_build(root, tmp_path)


def test_the_engine_brings_the_search_index_up_to_date_in_place(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from test_publishing import site_text

    monkeypatch.setattr(search, "PART_SIZE", 12)  # an index in parts, as a large archive's is

    root = searched_site(tmp_path, 30)
    engine = Engine(load_config(root))
    engine.build()
    edited = root / "content" / "doc-0004.md"
    edited.write_text(edited.read_text().replace("title: Document 4", "title: Document zebrafinch"))
    patched = engine.build([edited], search_later=True)
    assert patched.patched and patched.search_behind
    assert not any("zebrafinch" in text for name, text in site_text(root / "site").items()
                   if name.startswith("pagefind/"))
    caught_up = engine.build()
    assert caught_up.patched and not caught_up.search_behind
    index = {name: text for name, text in site_text(root / "site").items() if name.startswith("pagefind/")}
    assert any("zebrafinch" in text for text in index.values())
    # Every part the search page merges is there, whole, and no other.
    listed = json.loads((root / "site" / "pagefind" / "parts.json").read_text())["parts"]
    assert len(listed) > 1
    assert sorted(p.name for p in (root / "site" / "pagefind").iterdir() if p.is_dir()) == sorted(listed)
    assert all((root / "site" / "pagefind" / name / "pagefind.js").is_file() for name in listed)
    assert not any("Document 4\"" in text or "Document 4<" in text for text in index.values())
    # The index holds the files a clean build's does, part for part (Pagefind's own bytes vary).
    reference = tmp_path / "reference"
    reference.mkdir()
    (reference / "content").symlink_to(root / "content")
    (reference / "mouarchive.toml").write_text((root / "mouarchive.toml").read_text())
    Engine(load_config(reference)).build()
    assert (root / "site/pagefind/parts.json").read_bytes() == \
        (reference / "site/pagefind/parts.json").read_bytes()
    def scripts(site: Path) -> list[str]:
        return sorted(p.relative_to(site).as_posix() for p in (site / "pagefind").rglob("*.js"))

    assert scripts(root / "site") == scripts(reference / "site")
    # What the engine recorded is what is there: a build now finds nothing to do.
    assert load_config(root) and Engine(load_config(root)).build().up_to_date


def test_a_preview_with_drafts_is_patched_too(tmp_path: Path) -> None:
    root = make_site(tmp_path / "site", count=24, workers=1)
    draft = root / "content" / "doc-0005.md"
    draft.write_text(draft.read_text().replace("kind: news\n", "kind: news\ndraft: true\n"))
    engine = Engine(load_config(root), drafts=True)
    engine.build()
    edited = root / "content" / "doc-0008.md"
    _edit(edited, "title", random.Random(1))
    report = engine.build([edited])
    assert report.patched
    assert "Preview" in (root / "site/documents/2015/doc-0005/index.html").read_text()
    reference = tmp_path / "reference"
    shutil.copytree(root / "content", reference / "content")
    (reference / "mouarchive.toml").write_text((root / "mouarchive.toml").read_text())
    Engine(load_config(reference), drafts=True).build()
    assert snapshot(root / "site") == snapshot(reference / "site")
    # Editing the draft itself is the full build's.
    _edit(draft, "title", random.Random(2))
    assert not engine.build([draft]).patched


def test_mouarchive_build_patches_from_the_state_the_last_build_left(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`mouarchive build` (engine.build_site) is a new process each time: it patches from the State
    the last build left in the cache, and brings the search index up to date before it answers."""
    from test_publishing import site_text

    monkeypatch.setattr(search, "PART_SIZE", 12)  # an index in parts, as a large archive's is

    root = searched_site(tmp_path, 40)
    assert not build_site(load_config(root)).patched
    rng = random.Random(7)
    kinds = ("title", "topics", "body", "signed", "parties", "published", "new", "delete")
    for step, kind in enumerate(kinds):
        _change(root, kind, 2000 + step, rng)
        report = build_site(load_config(root))
        assert report.patched and not report.search_behind, (step, kind)
        # The index the State keeps, patched with each edit, is the one planned whole, and the site's.
        settled(root)
        cache = BuildCache(root / "site")
        kept = kept_state(cache, root / "site")
        assert kept is not None
        state = kept[0]
        planned = state.planned
        assert state.search == plan_search(load_config(root), planned.plan.archive, planned.records,
                                           vocabulary_digests(planned.manifest.sources)), (step, kind)
        assert state.search.digests == cache.current_manifest(root / "site").search
    edited = root / "content" / "doc-0004.md"
    edited.write_text(edited.read_text().replace("title: Document 4", "title: Document zebrafinch"))
    assert build_site(load_config(root)).patched
    index = {name: text for name, text in site_text(root / "site").items() if name.startswith("pagefind/")}
    assert any("zebrafinch" in text for text in index.values())
    # Every part the search page merges is there, whole, and no other.
    listed = json.loads((root / "site" / "pagefind" / "parts.json").read_text())["parts"]
    assert len(listed) > 1
    assert sorted(p.name for p in (root / "site" / "pagefind").iterdir() if p.is_dir()) == sorted(listed)
    assert all((root / "site" / "pagefind" / name / "pagefind.js").is_file() for name in listed)
    def pages(site: dict[str, str]) -> dict[str, str]:  # Pagefind's own bytes vary from run to run
        return {name: digest for name, digest in site.items() if not name.startswith("pagefind/")}

    assert pages(snapshot(root / "site")) == pages(clean_serial_build(root, tmp_path))
    assert build_site(load_config(root)).up_to_date


def test_a_state_that_is_not_the_current_sites_is_not_patched(tmp_path: Path) -> None:
    from mouarchive.build import build_site as build_in_full

    root = make_site(tmp_path / "site", count=20, workers=1)
    build_site(load_config(root))
    edited = root / "content" / "doc-0003.md"
    _edit(edited, "title", random.Random(1))
    build_in_full(load_config(root))  # leaves no State: the one in the cache is the build before
    _edit(edited, "title", random.Random(2))
    report = build_site(load_config(root))
    assert not report.patched and report.rendered > 0
    assert snapshot(root / "site") == clean_serial_build(root, tmp_path)
    _edit(edited, "body", random.Random(3))  # the full build left its State: patched again
    assert build_site(load_config(root)).patched
    assert snapshot(root / "site") == clean_serial_build(root, tmp_path)


def test_an_original_file_and_the_documents_that_name_one_are_built_in_full(tmp_path: Path) -> None:
    """An original's digest is one of the site's sources and the file is copied by the full build's
    writer: an edit of one, or of a document that names one, is built in full, like a clean build;
    an edit of any other document is still patched, and leaves the original in place."""
    root = make_site(tmp_path / "site", count=20, workers=1)
    engine = Engine(load_config(root))
    engine.build()
    (root / "content" / "originals").mkdir()
    release = root / "content" / "originals" / "release.txt"
    release.write_text("The release as published.\n")
    named = root / "content" / "doc-0004.md"
    named.write_text(document(4, extra="original: {file: originals/release.txt}\n"))
    copy = root / "site" / "originals" / "2014" / "doc-0004.txt"
    steps = [
        ("named", [release, named], False),
        ("replaced", [release], False),
        ("another document", [root / "content" / "doc-0008.md"], True),
        ("no longer named", [named], False),
    ]
    for step, changed, patched in steps:
        if step == "replaced":
            release.write_text("A corrected copy.\n")
        elif step == "another document":
            _edit(changed[0], "title", random.Random(1))
        elif step == "no longer named":
            named.write_text(document(4))
        report = engine.build(changed)
        assert report.patched == patched, step
        assert snapshot(root / "site") == clean_serial_build(root, tmp_path), step
        assert copy.is_file() == (step != "no longer named"), step
        if copy.is_file():
            assert copy.read_bytes() == release.read_bytes(), step


def test_an_edit_saved_through_a_temporary_file_is_patched(tmp_path: Path) -> None:
    """Editors save by writing a file beside the document and renaming it over the document (or
    leave one there: vim's '4913'), and the watcher reports that file too. A file no document names
    as its original shows nowhere: the edit is still patched, and the digest of what is there now
    kept, so the next build finds nothing to do."""
    root = make_site(tmp_path / "site", count=20, workers=1)
    engine = Engine(load_config(root))
    engine.build()
    engine.prepare()
    edited = root / "content" / "doc-0005.md"
    saved = edited.with_name(edited.name + ".tmp")
    saved.write_text(edited.read_text().replace("title: Document 5", "title: Document five"))
    saved.replace(edited)
    stray = root / "content" / "4913"
    stray.write_text("")
    report = engine.build([saved, edited, stray])
    assert report.patched
    assert snapshot(root / "site") == clean_serial_build(root, tmp_path)
    assert build_site(load_config(root)).up_to_date
    stray.unlink()
    _edit(edited, "body", random.Random(3))
    assert engine.build([stray, edited]).patched
    assert snapshot(root / "site") == clean_serial_build(root, tmp_path)


def _rendered_pages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The output paths of the pages rendered from now on, in order."""
    from mouarchive.render import Renderer

    rendered: list[str] = []
    render = Renderer.render

    def spy(self: Renderer, page: object) -> bytes:
        rendered.append(page.output)  # type: ignore[attr-defined]
        return render(self, page)  # type: ignore[arg-type]

    monkeypatch.setattr(Renderer, "render", spy)
    return rendered


def test_a_topic_added_to_an_agreement_renders_that_topics_pages_not_every_topics(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A topic's and a year's pages show the other topics and years as links, not counts, so that
    one agreement's topics edited makes new pages of the topics it joined or left alone."""
    root = make_site(tmp_path / "site", count=60, workers=1)
    build_site(load_config(root))
    rendered = _rendered_pages(monkeypatch)
    edited = root / "content" / "doc-0000.md"  # about a-0, in topics t0 and t2
    edited.write_text(edited.read_text().replace("topics: [t0, t2]", "topics: [t0, t2, t5]"))
    assert build_site(load_config(root)).patched
    # t0 and t2 list a-0, whose entry names its topics; t5 lists it now; t1, t3 and t4 are as they were.
    assert {p.split("/")[1] for p in rendered if p.startswith("topics/t")} == {"t0", "t2", "t5"}
    assert [p for p in rendered if p.startswith("years/2")] == ["years/2010/index.html"]  # a-0's year
    assert "topics/index.html" in rendered and "parties/index.html" not in rendered  # (their counts)
    assert snapshot(root / "site") == clean_serial_build(root, tmp_path)


def test_a_topic_added_renders_no_page_that_shows_the_agreement_by_its_entry_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An agreement page's related agreements and a document page's agreements are shown by their
    entries (mini.html: title, dates, parties; freshness.entry_record), not their topics: a topic
    added to an agreement leaves the pages of those that list it as related (where that list is
    unchanged) and of its other documents as they were, and renders none of them."""
    from mouarchive.build import inspect_site

    root = make_site(tmp_path / "site", count=60, workers=1)
    build_site(load_config(root))
    before = inspect_site(load_config(root))[0].archive
    listing = [a for a, related in before.related.items() if "a-2" in related]
    rendered = _rendered_pages(monkeypatch)
    edited = root / "content" / "doc-0002.md"  # about a-2, which doc-0003 is about too
    edited.write_text(edited.read_text().replace("topics: [t2, t4]", "topics: [t2, t4, t0]"))
    assert build_site(load_config(root)).patched
    after = inspect_site(load_config(root))[0].archive
    assert after.agreements["a-2"].topic_ids != before.agreements["a-2"].topic_ids
    unmoved = [a for a in listing if after.related[a] == before.related[a]]
    assert unmoved, "no agreement lists a-2 among its related ones, before and after"
    assert "agreements/a-2/index.html" in rendered
    assert not [a for a in unmoved if f"agreements/{a}/index.html" in rendered]
    other = inspect_site(load_config(root))[0].archive.documents
    sibling = next(d for path, d in other.items() if path.endswith("doc-0003.md"))
    assert sibling.agreement_ids == ("a-2",)
    assert not [p for p in rendered if p.startswith(Urls.document(sibling))]
    assert snapshot(root / "site") == clean_serial_build(root, tmp_path)


def test_the_timeline_is_rendered_again_only_for_an_agreement_it_lists(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The timeline (years/) lists each year's newest agreements (views.TIMELINE_LATEST) and
    counts the rest: an edit of another agreement leaves it as it was, one of those it lists not."""
    from mouarchive.build import inspect_site
    from mouarchive.views import TIMELINE_LATEST

    root = make_site(tmp_path / "site", count=200, workers=1)
    build_site(load_config(root))
    archive = inspect_site(load_config(root))[0].archive
    listed = {a for ids in archive.by_year.values() for a in ids[:TIMELINE_LATEST]}
    unlisted = [a for ids in archive.by_year.values() for a in ids[TIMELINE_LATEST:]]
    assert unlisted and listed
    rendered = _rendered_pages(monkeypatch)
    for ident, shown in ((unlisted[0], False), (sorted(listed)[0], True)):
        n = int(ident.removeprefix("a-"))
        edited = root / "content" / f"doc-{n:04d}.md"
        parties = f"parties: [p{n % 12}, p{(n * 7 + 1) % 12}]"
        assert parties in edited.read_text()
        edited.write_text(edited.read_text().replace(parties, f"parties: [p{n % 12}, p{(n * 7 + 2) % 12}]"))
        rendered.clear()
        assert build_site(load_config(root)).patched
        assert f"agreements/{ident}/index.html" in rendered
        assert "parties/index.html" in rendered  # a party's count changed
        assert ("years/index.html" in rendered) is shown
        assert snapshot(root / "site") == clean_serial_build(root, tmp_path)


def test_a_rehearsal_makes_ahead_the_list_entries_an_edit_would_make(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a warm engine makes while it waits (Engine.rehearse): every agreement's entry in lists
    and feeds, which a full build made in its workers, so that an edit makes its own alone; and
    what its pages' citations take, so that an edit formats none with citeproc-py."""
    import jinja2

    from mouarchive.engine import _stored_state, changed_since
    from mouarchive.sources import source_digests

    root = make_site(tmp_path / "site", count=120, workers=1)
    build_site(load_config(root))
    config = load_config(root)
    cache = BuildCache(config.output)
    engine = Engine(config)
    with cache.lock():
        engine.state, engine.pieces = _stored_state(config, cache, False,
                                                    source_digests(config.content, config.content_dir))
    assert engine.state is not None
    # As in the engine a full build forks, which formatted most citations in its workers.
    monkeypatch.setattr(citations, "_TEMPLATES", citations._Templates())
    assert sum(1 for _ in engine.rehearse()) > len(engine.state.planned.plan.archive.by_year)
    made: list[str] = []
    render = jinja2.Template.render

    def spy(self: jinja2.Template, *args: object, **values: object) -> str:
        if self.name in ("card.html", "feed_entry.xml"):
            made.append(values["agreement"].id)  # type: ignore[attr-defined]
        return render(self, *args, **values)

    monkeypatch.setattr(jinja2.Template, "render", spy)
    formatted: list[str] = []
    citeproc = citations._citeproc

    def spied(item: dict[str, object], locale: str) -> str:
        formatted.append(str(item["id"]))
        return citeproc(item, locale)

    monkeypatch.setattr(citations, "_citeproc", spied)
    edited = root / "content" / "doc-0005.md"  # a-5, with p5 and p0, moved to p5 and p1
    edited.write_text(edited.read_text().replace("parties: [p5, p0]", "parties: [p5, p1]"))
    with cache.lock():
        sources = source_digests(config.content, config.content_dir)
        report = engine.patch(changed_since(config, engine.state, sources), swap=True, cache=cache)
    assert report is not None and report.rendered > 5  # its pages, its parties' and topics' lists
    assert set(made) == {"a-5"}
    assert formatted == []  # every citation's shape was made ahead (Renderer.prepare_citation)
    assert snapshot(root / "site") == clean_serial_build(root, tmp_path)


def test_a_patch_answered_first_is_recorded_when_settled(tmp_path: Path) -> None:
    """Engine.patch(settle_later=True), as the engine kept warm patches: the site is swapped in
    when it returns, and what it is (its listing, its manifest in the cache) is recorded by settle,
    after the answer; the next build starts from that record."""
    from mouarchive.engine import _stored_state, changed_since
    from mouarchive.sources import source_digests

    root = make_site(tmp_path / "site", count=40, workers=1)
    build_site(load_config(root))
    config = load_config(root)
    cache = BuildCache(config.output)
    engine = Engine(config)
    edited = root / "content" / "doc-0005.md"
    edited.write_text(document(5, body="Edited, answered first. " * 9))
    with cache.lock():
        sources = source_digests(config.content, config.content_dir)
        engine.state, engine.pieces = _stored_state(config, cache, False, sources)
        assert engine.state is not None
        before = cache.current_manifest(config.output)
        report = engine.patch(changed_since(config, engine.state, sources), swap=True, cache=cache,
                              settle_later=True)
        assert report is not None and report.patched
        assert snapshot(root / "site") == clean_serial_build(root, tmp_path)  # swapped in
        assert engine.state.planned.manifest.listing is None
        assert cache.current_manifest(config.output).serial == before.serial  # not yet recorded
        engine.settle()
        recorded = cache.current_manifest(config.output)
        assert recorded.serial == engine.state.planned.manifest.serial != before.serial
        assert recorded.listing is not None and engine.state.planned.manifest.listing == recorded.listing
    assert build_site(load_config(root)).up_to_date


def test_a_search_part_replaced_in_the_spare_is_deleted_once_the_patch_has_settled(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After a catch-up has indexed a part again in the current site, the next edit's staging site
    (the spare) takes that part from the current site: its own old copy is moved aside
    (write.Staging.remove_tree) and deleted by settle, after the answer, not within it."""
    from mouarchive.engine import _stored_state, changed_since
    from mouarchive.sources import source_digests

    monkeypatch.setattr(search, "PART_SIZE", 12)
    root = searched_site(tmp_path, 40)
    build_site(load_config(root))
    settled(root)
    config = load_config(root)
    cache = BuildCache(config.output)
    edited = root / "content" / "doc-0005.md"
    with cache.lock():
        engine = Engine(config)
        engine.state, engine.pieces = _stored_state(
            config, cache, False, source_digests(config.content, config.content_dir))
        for step in range(2):
            edited.write_text(document(5, body=f"Edit {step}: the search part moves. " * 9))
            sources = source_digests(config.content, config.content_dir)
            report = engine.patch(changed_since(config, engine.state, sources), swap=True, cache=cache,
                                  edits=True, settle_later=True)
            assert report is not None and report.patched and report.search_behind
            trash = list(root.glob(".site.trash-*"))
            if step == 1:  # the part the catch-up made was taken from the current site
                assert len(trash) == 1 and any(p.is_file() for p in trash[0].rglob("*"))
            engine.settle()
            assert list(root.glob(".site.trash-*")) == []
            engine.catch_up(cache)
        engine.close()
    built = snapshot(root / "site")
    assert {k: v for k, v in built.items() if not k.startswith("pagefind/")} == {
        k: v for k, v in clean_serial_build(root, tmp_path).items() if not k.startswith("pagefind/")}
    assert build_site(load_config(root)).up_to_date


def test_a_renderer_bound_to_another_archive_renders_it_as_a_new_one_would(tmp_path: Path) -> None:
    """Renderer.rebind, which the engine uses from patch to patch so that templates are loaded
    once: the templates it had loaded see the new archive, its records and its links."""
    from mouarchive.build import inspect_site
    from mouarchive.render import Fragments, Renderer

    root = make_site(tmp_path / "site", count=30, workers=1)
    config = load_config(root)
    before = inspect_site(config)[0]
    # As a build makes one, and as the engine does, keeping its list entries with what made them.
    renderers = [Renderer(config, before.archive, links=before.links),
                 Renderer(config, before.archive, links=before.links, fragments=Fragments())]
    wanted = ("", "agreements/a-5/", "documents/", "topics/t5/", "years/")
    for renderer in renderers:  # its templates loaded, its list entries made
        assert all(renderer.render(p) for p in before.pages if p.url in wanted)
    (root / "content" / "doc-0005.md").write_text(document(5, body="Rebound. " * 9, topics="t5")
                                                  .replace("title: Document 5", "title: Renamed"))
    after = inspect_site(config)[0]
    fresh = Renderer(config, after.archive, links=after.links)
    pages = [p for p in after.pages if p.url in wanted]
    assert pages and any(b"Renamed" in fresh.render(p) for p in pages)
    for renderer in renderers:
        renderer.rebind(after.archive, after.links)
        for page in pages:
            assert renderer.render(page) == fresh.render(page), page.output


def test_a_document_that_renews_an_agreement_follows_its_title(tmp_path: Path) -> None:
    """A document's page shows what it states, the agreements it renews by their titles among it:
    retitling one of those is an edit of that document's page too."""
    root = tmp_path / "site"
    shutil.copytree(Path(__file__).parent / "fixtures" / "site", root)
    engine = Engine(load_config(root))
    engine.build()
    renewed = root / "content" / "2021" / "mfa-nda-mou.md"
    renewed.write_text(renewed.read_text().replace("  title: MOU between MFA and NDA on fintech research",
                                                   "  title: MOU between MFA and NDA on fintech"))
    engine.build([renewed])
    page = (root / "site" / "documents" / "undated" / "mfa-statement" / "index.html").read_text()
    assert ">MOU between MFA and NDA on fintech</a></li>" in page
    assert snapshot(root / "site") == clean_serial_build(root, tmp_path)


def _searchable(site: Path) -> dict[str, tuple[str, str]]:
    """What the search page finds in `site`'s index (static/search.js): every record of the parts
    parts.json lists, less one record of each hidden id; address -> its words, filters and labels."""
    listed = json.loads((site / "pagefind" / "parts.json").read_text())
    left = set(listed.get("hidden", {}))
    found: dict[str, tuple[str, str]] = {}
    for part in listed["parts"]:
        for path in sorted((site / "pagefind" / part / "fragment").iterdir()):
            ident = path.name.removesuffix(".pf_fragment")
            if ident in left:
                left.discard(ident)
                continue
            data = gzip.decompress(path.read_bytes())
            record = json.loads(data[data.index(b"{"):])
            assert record["url"] not in found, f"{record['url']} found twice"
            found[record["url"]] = (record["content"], json.dumps([record["filters"], record["meta"]],
                                                                  sort_keys=True))
    assert not left, f"hidden ids that no part holds: {left}"
    return found


def _parts(site: Path) -> dict[str, dict[str, bytes]]:
    """Each part's files, by their name in it."""
    return {part.name: {p.relative_to(part).as_posix(): p.read_bytes() for p in part.rglob("*")
                        if p.is_file()}
            for part in (site / "pagefind").iterdir() if part.is_dir()}


def test_an_edit_answers_with_its_records_in_an_edits_part_which_the_catch_up_folds_in(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The warm engine's way (warm._answer): an edit's records go into a small part of their own,
    the parts holding their earlier versions are left as they were, and the search page finds what
    a clean build's index holds; the catch-up then makes the index a clean build's, part for part."""
    monkeypatch.setattr(search, "PART_SIZE", 12)  # an index in parts, as a large archive's is
    root = searched_site(tmp_path, 40)
    build_site(load_config(root))
    settled(root)
    reference = tmp_path / "reference"
    reference.mkdir()
    (reference / "content").symlink_to(root / "content")
    (reference / "mouarchive.toml").write_text((root / "mouarchive.toml").read_text())
    rng = random.Random(11)
    cache = BuildCache(root / "site")
    edited_parts = hidden = 0
    for step, kind in enumerate(KINDS):
        before = _parts(root / "site")
        _change(root, kind, 3000 + step, rng)
        # Every other edit as the warm engine makes it, with a Pagefind started ahead.
        engine, report = patched_with_edits(load_config(root), ready=step % 2 == 1)
        for made in ("site", ".site.cache", ".site.spare"):
            shutil.rmtree(reference / made, ignore_errors=True)
        Engine(load_config(reference)).build()
        if report.search_behind:  # the edit's records are in the edits part
            edited_parts += 1
            listed = json.loads((root / "site" / "pagefind" / "parts.json").read_text())
            assert search.EDITS in listed["parts"], (step, kind)
            hidden += bool(listed.get("hidden"))
            # No other part was indexed again.
            assert {name: files for name, files in _parts(root / "site").items() if name != search.EDITS} \
                == before, (step, kind)
            assert _searchable(root / "site") == _searchable(reference / "site"), (step, kind)
            engine.catch_up()
        assert (root / "site/pagefind/parts.json").read_bytes() == \
            (reference / "site/pagefind/parts.json").read_bytes(), (step, kind)
        assert not (root / "site" / "pagefind" / search.EDITS).exists()
        assert _searchable(root / "site") == _searchable(reference / "site"), (step, kind)
        manifest = cache.current_manifest(root / "site")
        assert manifest is not None and not manifest.search_behind
        assert engine.state is not None and engine.state.search is not None
        assert manifest.search == engine.state.search.digests
        engine.keep(cache, root / "site")  # as warm._answer keeps it
        engine.close()
    assert edited_parts >= 6 and hidden >= 5  # nearly every kind of edit took the edits part
    assert build_site(load_config(root)).up_to_date


def test_an_edit_of_more_records_than_an_edits_part_holds_indexes_its_parts_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(search, "PART_SIZE", 12)
    monkeypatch.setattr(search, "EDITS_MOST", 0)
    root = searched_site(tmp_path, 30)
    build_site(load_config(root))
    settled(root)
    path = _change(root, "title", 4000, random.Random(3))
    _engine, report = patched_with_edits(load_config(root))
    assert report is not None and report.patched and not report.search_behind, path.name
    assert search.EDITS not in json.loads((root / "site" / "pagefind" / "parts.json").read_text())["parts"]


def test_the_open_data_kept_with_the_state_is_what_the_first_edit_reuses(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Engine.keep writes each agreement's open data apart from the archive it was made from
    (opendata.stored_pieces), once the State is written; read back, each piece is found again with
    the archive's own objects, so the first edit makes its own agreement's line alone."""
    from mouarchive import opendata

    root = make_site(tmp_path / "site", count=40, workers=1)
    build_site(load_config(root))
    config = load_config(root)
    cache = BuildCache(config.output)
    with cache.lock():  # (held by the process keeping the State until it is kept)
        kept = kept_state(cache, config.output)
    assert kept is not None
    state, pieces = kept
    archive = state.planned.plan.archive
    assert set(pieces) == {"json", "csv", "csl"}
    assert all(set(by_id) == {id(a) for a in archive.agreements.values()} for by_id in pieces.values())
    # A piece made from other objects than the archive's (a status worked out again) is not kept.
    agreement = archive.agreements["a-5"]
    made_from, text = pieces["json"][id(agreement)]
    stale = {"json": {id(agreement): ((made_from[0], made_from[1], made_from[2], ("other",), *made_from[4:]),
                                      text)}}
    assert opendata.stored_pieces(stale, archive) == {"json": {}}
    assert opendata.stored_pieces(pieces, archive)["json"]["a-5"] == (made_from[-1], text)

    made: list[str] = []
    record = opendata.agreement_record

    def spy(agreement: object, *rest: object) -> object:
        made.append(agreement.id)  # type: ignore[attr-defined]
        return record(agreement, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(opendata, "agreement_record", spy)
    edited = root / "content" / "doc-0005.md"
    edited.write_text(document(5, body="Edited once the State was kept. " * 9))
    assert build_site(load_config(root)).patched
    assert made == ["a-5"]
    assert snapshot(root / "site") == clean_serial_build(root, tmp_path)
