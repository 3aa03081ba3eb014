"""The build, read top to bottom: load -> publishing -> archive -> pages, links -> render -> write.

Each stage is a function of the one before. The cache lets a rebuild skip what has not changed: a
document whose bytes are unchanged is not parsed again, a page whose inputs are unchanged is not
rendered again (see freshness.py), and when nothing at all changed the site is left as it is.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import os
import resource
import sys
import time
from collections.abc import Callable, Hashable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Protocol
from zoneinfo import ZoneInfo

from .archive import Archive, build_archive
from .cache import BuildCache, Manifest, code_stamp, directory_identity, held_lock, site_stamp
from .clock import current_time
from .config import SiteConfig, template_dirs
from .errors import BuildError, ExitCode, Problem, Problems
from .freshness import Records, page_fingerprints, search_keys
from .freshness import digest as digest_of
from .history import history_note
from .i18n import search_language
from .links import Resolved, Targets, resolve_links
from .listing_ahead import ListingAhead
from .load import load_content
from .model import Content, Document
from .pages import (
    DATA_FILES,
    RECORD_PAGES,
    Kind,
    Page,
    PublishedFile,
    Urls,
    check_collisions,
    plan_pages,
    published_files,
)
from .parallel import beside, can_fork, fork_map
from .publishing import Selection, select, with_what_they_touch
from .render import Renderer, TemplateError, compile_templates
from .report import BuildReport, unchanged_report
from .search import (
    BUNDLE,
    EDITS,
    PARTS_FILE,
    Ready,
    SearchIndex,
    SearchIndexer,
    SearchRecord,
    parts_file,
    plan_index,
    replan_index,
    search_records,
)
from .sources import PARTIES_FILE, TOPICS_FILE, file_digest, source_digests, vocabulary_digests
from .write import Listing, Staging, Trees, WriteReport, prepare_spare_later

Progress = Callable[[str, int, int], None]  # (stage, done, total)
PARALLEL_FROM = 300  # fewer pages than this render faster in one process
# From this size of the process on, it renders beside one forked worker rather than two: each
# worker soon holds its own copy of what it reads (parallel.py), and at 100,000 documents a copy is
# 1.3 GiB (a cold build's peak 4.5 -> 2.6 GiB). Below it, two workers are worth their copies: the
# parent rendering beside its writing made the 10k build as shipped take 67 s where it took 58 s.
SHARED_FROM = 512 * 2**20  # bytes resident
WHOLE_ARCHIVE = "whole archive"  # the group of the open-data files, which this process renders then


@dataclass(frozen=True)
class Plan:
    """Everything a build will write, planned from the content."""

    selection: Selection  # what is published and what is held back
    archive: Archive
    links: Resolved  # where each document's internal links lead
    pages: list[Page]
    notes: tuple[str, ...] = ()  # what to tell the editor besides problems: what was held back
    files: tuple[PublishedFile, ...] = ()  # files of the content published as they are (originals)
    # What an address on the site can lead to (links.Targets): every page, file and static file.
    addresses: frozenset[str] = frozenset()


def plan_site(config: SiteConfig, content: Content, problems: Problems, now: datetime,
              drafts: bool = False) -> Plan:
    """Hold back what is not to be published yet, index the rest, plan its pages and resolve the
    links of its documents; every problem goes to `problems`."""
    zone = ZoneInfo(config.timezone)
    selection = select(content, now, zone, preview=drafts)
    archive = build_archive(selection.content, problems, now)
    pages = plan_pages(archive, config.per_page, problems, config.languages, config.language)
    files = published_files(archive)
    addresses = frozenset((*(p.url for p in pages), *(url for p in pages for _kind, url in p.files),
                           *(f.output for f in files), *static_addresses(config)))
    why = {path: held.why(zone) for path, held in selection.held.items()}
    links = resolve_links(Targets.of(archive, addresses=addresses, base_path=config.base_path),
                          archive.documents.values(), config.content_dir, problems,
                          held=why, held_agreements=selection.agreements)
    if selection.held and not drafts:
        _check_as_published(config, content, selection, pages, archive, addresses, problems)
    notes = tuple(note for note in (selection.summary(zone), history_note(content.history)) if note)
    return Plan(selection, archive, links, pages, notes, files, addresses)


def static_trees(config: SiteConfig) -> list[tuple[Path, str]]:
    """The static files' directories, each with where its files go in the site: the theme's
    static/ under /static/ (the site's own templates' first, so that theirs win), the site's own
    static/ at the root."""
    trees = [*((d / "static", "static") for d in reversed(template_dirs(config))), (config.static, "")]
    return [(directory, prefix) for directory, prefix in trees if directory.is_dir()]


def static_addresses(config: SiteConfig) -> list[str]:
    """The site-relative URL of every static file the build copies."""
    return [f"{prefix}/{rel}" if prefix else rel for directory, prefix in static_trees(config)
            for rel in (p.relative_to(directory).as_posix() for p in directory.rglob("*") if p.is_file())]


def _check_as_published(config: SiteConfig, content: Content, selection: Selection, pages: list[Page],
                        published: Archive, addresses: frozenset[str], problems: Problems) -> None:
    """Report now the errors that held-back documents would cause once published (a slug or an
    alias taken, a reference or a link to nothing), so that the build at the moment an embargo
    ends cannot fail. Warnings wait until they are published.

    Only the held-back documents and the documents about the same agreements are merged again
    (publishing.with_what_they_touch): their agreements come out as the whole archive would have
    them, and their pages are checked against every page of the published site.
    """
    found = Problems()
    touched = with_what_they_touch(content.documents, selection.held)
    archive = build_archive(replace(content, documents=touched), found)
    def same(page: Page) -> tuple[str, str, str]:
        # A redirect is the same whoever wrote it; a document page, only if of the same file.
        return (page.output, page.kind, page.target if page.kind is Kind.REDIRECT else page.source)

    seen = {same(p) for p in pages}
    added = [p for p in plan_pages(archive, config.per_page, found, config.languages, config.language)
             if p.kind in (Kind.DOCUMENT, Kind.AGREEMENT, Kind.REDIRECT) and same(p) not in seen]
    check_collisions([*pages, *added], found)
    targets = Targets.of(published, archive, addresses=addresses | {p.url for p in added},
                         base_path=config.base_path)
    resolve_links(targets, (archive.documents[path] for path in selection.held), config.content_dir, found)
    problems.extend(found.errors)


def check_site(config: SiteConfig, cache: BuildCache | None = None, workers: int = 1,
               now: datetime | None = None, drafts: bool = False) -> tuple[Archive, list[Page], Problems]:
    """Load, index and plan everything without writing; every problem is in the collector."""
    plan, problems = inspect_site(config, cache, workers, now, drafts)
    return plan.archive, plan.pages, problems


def inspect_site(config: SiteConfig, cache: BuildCache | None = None, workers: int = 1,
                 now: datetime | None = None, drafts: bool = False) -> tuple[Plan, Problems]:
    """As check_site, with the whole plan: what is held back, and where links lead."""
    problems = Problems()
    content = _load(config, problems, cache, workers)
    now = now or current_time(ZoneInfo(config.timezone))
    return plan_site(config, content, problems, now, drafts), problems


@dataclass(frozen=True)
class Planned:
    """What a build planned and wrote: where the engine (engine.py) starts the next build from."""

    content: Content
    plan: Plan
    records: Records
    fingerprints: dict[str, str]  # output path -> page fingerprint
    page_stamp: str  # what every page's fingerprint starts from (site_stamp and vocabularies)
    manifest: Manifest


def build_site(config: SiteConfig, force: bool = False, progress: Progress | None = None,
               now: datetime | None = None, drafts: bool = False,
               search_later: bool = False) -> BuildReport:
    """Build the site into config.output, or raise BuildError and leave the old site untouched.

    `now` is the moment embargoes are compared with (by default the clock, or MOUARCHIVE_NOW);
    `drafts` builds a preview that shows held-back documents, marked. `search_later` (for serve)
    keeps the previous search index as it is, so the pages are there sooner; the report then says
    the index may be behind, and the next build without it brings the index up to date.
    """
    return build_planned(config, force, progress, now, drafts, search_later)[0]


def build_planned(config: SiteConfig, force: bool = False, progress: Progress | None = None,
                  now: datetime | None = None, drafts: bool = False, search_later: bool = False,
                  sources: dict[str, str] | None = None) -> tuple[BuildReport, Planned | None]:
    """As build_site, with what the build planned (None when it found nothing to do). `sources`
    are the content's digests (load.source_digests) if the caller has them."""
    now = now or current_time(ZoneInfo(config.timezone))
    started = time.perf_counter()
    cache = BuildCache(config.output, enabled=not force)
    if sources is None:
        sources = source_digests(config.content, config.content_dir)
    # Nothing changed? Then there is nothing to wait for: answer without taking the build lock
    # (which the copy of a first build's spare site may still hold).
    unchanged = unchanged_report(config, cache, sources, now, drafts, started)
    if unchanged is not None:
        return unchanged, None
    with cache.lock() as waited:
        # Another build may have changed the content while this one waited for the lock.
        return _build(config, cache, progress, now, drafts, started, None if waited else sources,
                      search_later)


class _Timings:
    """Stage times on stderr when MOUARCHIVE_TIMINGS is set: where a build's time goes, and its
    CPU time in this process and in the workers it forked (counted once they have ended), which
    tell a stage that works harder from one that waits."""

    def __init__(self) -> None:
        self.enabled = bool(os.environ.get("MOUARCHIVE_TIMINGS"))
        self.last = time.perf_counter()
        self.cpu = self._cpu()

    @staticmethod
    def _cpu() -> tuple[float, float]:
        own, forked = (resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN))
        return own.ru_utime + own.ru_stime, forked.ru_utime + forked.ru_stime

    def __call__(self, stage: str) -> None:
        now, cpu = time.perf_counter(), self._cpu()
        if self.enabled:
            print(f"  {stage}: {now - self.last:.2f} s (CPU {cpu[0] - self.cpu[0]:.2f} s here, "
                  f"{cpu[1] - self.cpu[1]:.2f} s in workers)", file=sys.stderr, flush=True)
        self.last, self.cpu = now, cpu


def _build(config: SiteConfig, cache: BuildCache, progress: Progress | None, now: datetime,
           drafts: bool, started: float, sources: dict[str, str] | None,
           search_later: bool = False) -> tuple[BuildReport, Planned]:
    lap = _Timings()
    workers = config.workers or os.cpu_count() or 1
    compiled = cache.compiled_templates()
    # No template compiled yet (a first build, or a new version of mouarchive): compiled beside
    # the loading and planning, which leave a core idle, rather than by each render worker.
    templates_ready = beside(functools.partial(compile_templates, config, compiled)) \
        if compiled and workers > 1 and not any(compiled.iterdir()) else lambda: None
    stamp = site_stamp(config, drafts)
    if sources is None:
        sources = source_digests(config.content, config.content_dir)
    lap("hash sources")

    # Loading and planning make millions of objects that live until the build ends, which the
    # collector would walk again and again as they come (1.1 s of ten full collections at 10,000
    # documents), and once more after the render (1.2 s as shipped): out of its sight, frozen, until
    # the build is over (benchmarks/RESULTS.md, issue 12). Where they are frozen already (serve's
    # engine), they stay so.
    freeze = not gc.get_freeze_count()
    with paused_collector():
        problems = Problems()
        content = _load(config, problems, cache, workers, hashed=sources)
        lap(f"load ({content.parsed} parsed)")
        plan = plan_site(config, content, problems, now, drafts)
        archive, pages = plan.archive, plan.pages
        lap("archive, pages and links")
        if problems.errors:
            raise BuildError(problems.items, ExitCode.CONTENT)
        templates_ready()
        renderer = Renderer(config, archive, cache.bodies, plan.links, compiled)
        missing = renderer.check_templates(page.template for page in pages if page.template)
        if missing:
            raise BuildError(missing, ExitCode.TEMPLATE)

        # Every page shows party and topic names, so the vocabularies count for every page.
        vocabularies = vocabulary_digests(sources)
        records = Records.of(archive, content.digests, plan.links, renderer.summary)
        page_stamp = digest_of(stamp, vocabularies)
        fingerprints = page_fingerprints(pages, archive, records, page_stamp)
        fingerprints.update({file.output: file.sha256 for file in plan.files})  # copied when it changes
        if freeze:
            gc.freeze()
    lap("plan pages and fingerprints")
    try:
        written, manifest, rendered, _ = write_site(config, cache, plan, records, fingerprints, renderer,
                                                    stamp, sources, problems.warnings, workers, progress,
                                                    search_later, lap)
    finally:
        if freeze:
            gc.unfreeze()
    return BuildReport(
        documents=len(archive.documents), agreements=len(archive.agreements), pages=len(pages),
        files=written.files, changed=written.changed, seconds=time.perf_counter() - started,
        warnings=problems.warnings, parsed=content.parsed, rendered=rendered,
        removed=written.removed, kept=written.kept, unknown_previous=written.unknown_previous,
        notes=plan.notes, search_behind=manifest.search_behind,
    ), Planned(content, plan, records, fingerprints, page_stamp, manifest)


@contextlib.contextmanager
def paused_collector() -> Iterator[None]:
    """The cyclic garbage collector off for a while (as it was after), for work that makes many
    objects that outlive it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def write_site(config: SiteConfig, cache: BuildCache, plan: Plan, records: Records,
               fingerprints: dict[str, str], renderer: Renderer, stamp: str, sources: dict[str, str],
               warnings: tuple[Problem, ...], workers: int, progress: Progress | None,
               search_later: bool = False, lap: Callable[[str], None] = lambda _stage: None,
               few: bool = False, index: SearchIndex | None = None, ahead: IndexAhead | None = None,
               settle_later: bool = False, listing_ahead: ListingAhead | None = None
               ) -> tuple[WriteReport, Manifest, int, Callable[[], Manifest] | None]:
    """Write the planned site beside the current one and swap it in whole (write.Staging); what it
    wrote, its manifest, and how many pages were rendered.

    Only what differs from the spare is written. A page is rendered only when its fingerprint is
    neither the spare's nor the current site's (then it is the current site's file, linked), so a
    build after an edit renders what the edit changed, whether the engine or the pipeline planned it.
    Likewise a part of the search index is indexed again only when its records changed. `few`: the
    caller knows that few pages can have changed (an edit the engine patched), so the index is
    started before the pages to render are worked out. `index`: the search index, if the caller
    has planned it; `ahead`: the parts of it the caller has already started indexing (index_ahead),
    taken in here instead of being indexed again. `settle_later`: the swapped site's listing and its
    manifest's recording are left for the caller to do once it has answered (the engine kept warm:
    10 ms of an edit's 0.2 s at 1,000 documents), holding the build lock meanwhile: the manifest
    returned then has no listing, and the callable returned last records it and returns the one
    that has (None where it is done already). `listing_ahead`: the helper that checks the
    directories of the spare and the current site beside this process (write.Staging).
    """
    output = config.output.absolute()
    current = cache.current_manifest(output)
    vocabularies = vocabulary_digests(sources)
    archive, pages = plan.archive, plan.pages
    spare = cache.spare_manifest(output)
    # The current site's files are what its manifest says only if it is the site we wrote.
    now_there = current if current is not None and directory_identity(output) == current.identity else None
    listing = now_there.listing if now_there else None
    with Staging(output, spare.files if spare else None, current.files if current else None,
                 listing, spare.listing if spare else None, listing_ahead) as staging:
        # From here the spare is being changed: if we are killed, the next build must not trust it.
        cache.forget_spare(output)
        baseline = {"spare": spare, "current": current}.get(staging.baseline)
        lap(f"staging from {staging.baseline}")
        for directory, prefix in static_trees(config):
            staging.copy_tree(directory, prefix)
        old = baseline.pages if baseline else {}
        there = now_there.pages if now_there else {}
        previous = baseline.search if baseline else {}
        search_behind = bool(config.search and search_later and previous and staging.keep(PARTS_FILE)
                             and all([staging.keep_tree(f"{BUNDLE}/{name}") for name in previous]))
        with contextlib.ExitStack() as stack:
            # The pages first, then the index: Pagefind beside the render workers took the peak at
            # 10k as shipped from 690-720 MiB to 1,240 MiB, and on two cores bought no time. An
            # edit's few pages render in this process, so then Pagefind indexes on the other core
            # meanwhile.
            start_index = functools.partial(_start_index, config, cache, plan, records, staging, previous,
                                            now_there, search_behind, vocabularies, renderer, workers,
                                            stack, lap, index, ahead)
            # An edit the engine patched: the index before the pages to render are known.
            index_first = few or ahead is not None
            if index_first:
                search, jobs = start_index()
            # A page is kept with the files it writes beside it (Page.files), or rendered with them.
            todo = [p for p in pages if not (
                (old.get(p.output) == (value := fingerprints[p.output]) and all(map(staging.keep, p.outputs)))
                or (there.get(p.output) == value and all(map(staging.carry, p.outputs))))]
            if not index_first and len(todo) < PARALLEL_FROM:
                index_first = True
                search, jobs = start_index()
            render_into(staging, renderer, todo, workers, progress)
            lap(f"render and write ({len(todo)} pages)")
            for file in plan.files:
                if not ((old.get(file.output) == file.sha256 and staging.keep(file.output))
                        or (there.get(file.output) == file.sha256 and staging.carry(file.output))):
                    staging.put(file.output, _published_bytes(config, file))
            if not index_first:
                search, jobs = start_index()
            for job in jobs:
                job.write_into(staging)
            if jobs:
                lap("search index")
        written = staging.commit()
        lap("commit")
    files = tuple(sorted(staging.written))
    manifest = Manifest(output=str(output), stamp=stamp, sources=sources, pages=fingerprints,
                        files=files, warnings=warnings,
                        identity=directory_identity(output), window=plan.selection.window,
                        notes=plan.notes, search=search,
                        # An index with an edits part is the site's, but not yet the one planned whole.
                        search_behind=search_behind or EDITS in search,
                        head=archive.history.head)
    settled = staging.settled_times()
    # There was no site before, or none this cache knows (a first build into an existing directory,
    # empty or not): nothing to trust became the spare, and the next build would copy the whole
    # site before it could write (4 s of a 10k edit's 6.2 s, in bench.py, whose output directory
    # exists, empty). It is copied for it, in the background.
    copy_spare = (staging.baseline == "none" or now_there is None) and cache.enabled

    def settle() -> Manifest:
        staging.empty_trash()
        listed = replace(manifest, listing=Listing.of(output, files, written.kept, settled))
        if copy_spare:
            prepare_spare_later(output, cache.lock_path, held_lock(cache.lock_path))
            cache.save_current(output, listed, spare="same")
        else:  # the site we replaced is now the spare, exactly as its manifest says
            cache.save_current(output, listed, spare="previous")
        return listed

    if settle_later:
        return written, manifest, len(todo), settle
    manifest = settle()
    lap("listing and save cache")
    return written, manifest, len(todo), None


def _start_index(config: SiteConfig, cache: BuildCache, plan: Plan, records: Records, staging: Staging,
                 previous: dict[str, str], now_there: Manifest | None, search_behind: bool,
                 vocabularies: list[str], renderer: Renderer, workers: int,
                 stack: contextlib.ExitStack, lap: Callable[[str], None], index: SearchIndex | None,
                 ahead: IndexAhead | None) -> tuple[dict[str, str], list[IndexJob]]:
    """The search index's parts (their digests), and Pagefind started on those whose records
    changed, in processes of its own, beside those started `ahead`: what to wait for (write_into).
    A part whose records are unchanged is kept as it is: Pagefind's files are not byte-stable
    between runs (upstream issue #638), and a host would upload it again."""
    if search_behind:
        return previous, []  # the index on disk is the previous build's
    if not config.search:
        return {}, []
    index = index or plan_search(config, plan.archive, records, vocabularies)
    started = ahead.indexer.parts if ahead else ()
    indexed = now_there.search if now_there and not now_there.search_behind else {}
    changed = {name: urls for name, (digest, urls) in index.parts.items() if name not in started and not (
        (previous.get(name) == digest and staging.keep_tree(f"{BUNDLE}/{name}"))
        or (indexed.get(name) == digest and staging.carry_tree(f"{BUNDLE}/{name}")))}
    staging.put(PARTS_FILE, parts_file(index))
    jobs: list[IndexJob] = [ahead] if ahead else []
    if changed:
        parts = part_records(config, plan.archive, index, changed, renderer.body_html, cache)
        lap("search records")
        jobs.append(stack.enter_context(SearchIndexer(parts, index.language, staging, workers)))
    return index.digests, jobs


class IndexJob(Protocol):
    """Parts of the search index being made: write_into waits for them and puts them in the
    staging site."""

    def write_into(self, staging: Staging) -> None: ...


@dataclass(frozen=True)
class IndexAhead:
    """Parts of the search index started before the staging site is ready (index_ahead),
    written beside the site and moved into the staging site when the build is ready for them."""

    indexer: SearchIndexer
    trees: Trees

    def write_into(self, staging: Staging) -> None:
        self.indexer.write_into(self.trees)
        self.trees.move_into(staging)


def index_ahead(config: SiteConfig, cache: BuildCache, archive: Archive, index: SearchIndex,
                indexed: dict[str, str], body_html: Callable[[Document], str], workers: int,
                stack: contextlib.ExitStack, ready: Ready | None = None) -> IndexAhead | None:
    """Pagefind started on the parts of the search index whose digest is not `indexed`'s (the
    current site's), before the pages are written: an edit the engine patched changes a part or
    two, and Pagefind (0.7 s for a part of 440 records at 10,000 documents) is the longest step of
    such a build, so it starts first. None when no part changed. `ready`: Pagefinds started
    ahead, taken first."""
    changed = {name: urls for name, (digest, urls) in index.parts.items() if indexed.get(name) != digest}
    if not changed:
        return None
    parts = part_records(config, archive, index, changed, body_html, cache)
    trees = stack.enter_context(Trees(config.output, "index"))
    return IndexAhead(stack.enter_context(SearchIndexer(parts, index.language, trees, workers, ready)), trees)


def part_records(config: SiteConfig, archive: Archive, index: SearchIndex,
                 changed: dict[str, tuple[str, ...]], body_html: Callable[[Document], str],
                 cache: BuildCache) -> dict[str, list[SearchRecord]]:
    """The records of each `changed` part of the index (name -> its records' addresses): a record
    the part held when last indexed, by its key, as it was; the others made (search_records). The
    cache keeps what this returns, for the next build."""
    if not changed:
        return {}
    kept = {name: cache.search_part(name) for name in changed}
    wanted = {url for name, urls in changed.items() for url in urls if index.keys[url] not in kept[name]}
    made = {r.url: r for r in search_records(archive, config.languages, config.language, body_html, wanted)}
    parts = {name: [kept[name].get(index.keys[url]) or made[url] for url in urls]
             for name, urls in changed.items()}
    cache.save_search_parts({name: {index.keys[r.url]: r for r in records}
                             for name, records in parts.items()}, set(index.parts))
    return parts


def _published_bytes(config: SiteConfig, file: PublishedFile) -> bytes:
    """A file of the content as the loader measured it, to copy into the site; a build error if it
    changed since (the page would show another file's SHA-256)."""
    data = (config.content / file.source.removeprefix(config.content_dir.rstrip("/") + "/")).read_bytes()
    if hashlib.sha256(data).hexdigest() != file.sha256:
        raise BuildError([Problem(file.source, 0, "", "changed while the site was being built",
                                  "build again")], ExitCode.CONTENT)
    return data


def plan_search(config: SiteConfig, archive: Archive, records: Records,
                vocabularies: list[str]) -> SearchIndex:
    """The search index planned: which record is in which part, and each part's digest."""
    return plan_index(search_keys(archive, records, _search_stamp(config, vocabularies)),
                      search_language_of(config, archive), _places(archive.documents.values()))


def replan_search(config: SiteConfig, archive: Archive, records: Records, vocabularies: list[str],
                  index: SearchIndex, agreements: Iterable[str], documents: Iterable[str]) -> SearchIndex:
    """plan_search's index after an edit, made from the last build's (`index`, planned with the
    same vocabularies): the keys made again only of the `agreements` (ids) and `documents` (paths)
    the edit touched, gone or not, and of the touched agreements' documents (0.01 s at 10,000
    documents, against 0.16 s for the whole plan). Planned whole when the edit adds or removes a
    record, or moves one to another address."""
    language = search_language_of(config, archive)
    agreements = {a for a in agreements if a in archive.agreements}
    documents = {p for p in documents if p in archive.documents} | {
        p for a in agreements for p in archive.agreements[a].documents}
    if language != index.language or len(index.keys) != len(archive.agreements) + len(archive.documents):
        return plan_search(config, archive, records, vocabularies)
    fresh = search_keys(archive, records, _search_stamp(config, vocabularies), agreements, documents)
    if not fresh.keys() <= index.keys.keys():
        return plan_search(config, archive, records, vocabularies)
    return replan_index(index, {**index.keys, **fresh}, fresh,
                        _places(archive.documents[p] for p in documents))


def _search_stamp(config: SiteConfig, vocabularies: list[str]) -> str:
    # A record is made from the code, the names, the interface languages and the bodies' text
    # (the Markdown engine's); not from the templates or other settings, whose change leaves the
    # index as it is.
    return digest_of(code_stamp(), config.languages, config.language, config.markdown, vocabularies)


def search_language_of(config: SiteConfig, archive: Archive) -> str:
    return search_language([*config.languages, *(d.lang for d in archive.documents.values())],
                           config.languages[0])


def _places(documents: Iterable[Document]) -> dict[str, str]:
    # A document's record is placed with its (first) agreement's, which an edit of it mostly
    # changes too: one part for Pagefind to index again, not two (each part is about one core's
    # work, beside the edit's pages rendering on the other).
    return {Urls.document(d): Urls.agreement(d.agreement_ids[0]) for d in documents if d.agreement_ids}


def _load(config: SiteConfig, problems: Problems, cache: BuildCache | None, workers: int,
          hashed: dict[str, str] | None = None) -> Content:
    """The content, with unchanged documents from the cache, and the cache brought up to date.

    Cached documents hold party and topic ids resolved through the vocabularies, so the cache is
    keyed on those files too, and bodies made HTML by the Markdown engine, so on that too.
    """
    key = digest_of(code_stamp(), config.language, config.content_dir, config.markdown,
                 [file_digest(config.content / name) for name in (PARTIES_FILE, TOPICS_FILE)])
    known = cache.documents(key) if cache else {}
    bodies = cache.bodies if cache else None
    if bodies is not None:  # a cached document whose body's pack is gone is parsed again
        known = {path: entry for path, entry in known.items()
                 if entry[1].body_ref is None or bodies.has(entry[1].body_ref)}
    content = load_content(config.content, config.language, problems, config.content_dir,
                           known=known, workers=workers, hashed=hashed, bodies=bodies,
                           markdown=config.markdown)
    if cache is not None and content.parsed:
        cache.save_documents(key, {d.path: (content.digests[d.path], d) for d in content.documents})
        cache.bodies.keep_only({d.body_ref[0] for d in content.documents if d.body_ref})
    return content


# --- rendering, in parallel where it pays ------------------------------------------------------

class Sink(Protocol):
    """Where rendered pages go: the staging site, or the engine's few pages."""

    def put(self, rel: str, data: bytes) -> bool: ...


def render_into(staging: Sink, renderer: Renderer, pages: list[Page], workers: int,
                progress: Progress | None) -> None:
    """Render `pages` into `staging`; raise BuildError naming the template on a template error.

    With several cores, forked workers render (they inherit the archive and the compiled
    templates) while this process writes what they send back: rendering is CPU work, writing is
    mostly the kernel's, and the two overlap.
    """
    chunks = render_chunks(pages, place=list_place(renderer.archive))
    if len(pages) < PARALLEL_FROM:
        workers = 1
    done = 0
    # The archive is read-only now: keep the collector from touching (and so copying) every page
    # of it in each forked worker. (serve's engine keeps it frozen between edits: leave it so.)
    freeze = workers > 1 and can_fork() and not gc.get_freeze_count()
    if freeze:
        gc.freeze()
    caller = WHOLE_ARCHIVE if _resident() >= SHARED_FROM else None
    try:
        for rendered, count, problem in fork_map(lambda indices: _render_chunk(renderer, pages, indices),
                                                 chunks, workers, ordered=False,
                                                 group=lambda indices: _chunk_group(pages[indices[0]]),
                                                 caller=caller):
            if problem is not None:
                raise BuildError([problem], ExitCode.TEMPLATE)
            for output, data in rendered:
                staging.put(output, data)
            done += count
            if progress:
                progress("render", done, len(pages))
    finally:
        if freeze:
            gc.unfreeze()


def _resident() -> int:
    """This process's resident memory in bytes, where the system says (0 where it does not)."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def list_place(archive: Archive) -> Callable[[Page], int]:
    """Where a list's page stands among the others: at its first agreement's place in the archive's
    order, which every list keeps. Rendered so, the lists that show an agreement come close
    together, while its entry is still kept (render.FRAGMENT_LIMIT). Any other page comes first."""
    place = {ident: number for number, ident in enumerate(archive.agreements)}

    def where(page: Page) -> int:
        first = page.items[0] if page.items and page.kind not in RECORD_PAGES else None
        return place.get(first, -1) if isinstance(first, str) else -1  # (items may be commits)
    return where


def _chunk_group(page: Page) -> Hashable:
    """The group of a page's chunk: its interface language, and whether it is a record's own page
    or a list. A list's entries (render.fragment) are made once in a process and reused by every
    list showing the agreement, which one worker can do only if it renders the lists: spread over
    two, the 100k site's 75,000 agreements made 330,000 entries, one a third of a millisecond."""
    return WHOLE_ARCHIVE if page.kind in DATA_FILES else (page.lang, page.kind in RECORD_PAGES)


def render_chunks(pages: list[Page], size: int = 50,
                    place: Callable[[Page], int] | None = None) -> list[list[int]]:
    """The pages' indices in chunks of one group's pages (one interface language's lists, or its
    records' own pages), which render_into keeps each worker to while they last (parallel.py says
    why); each open-data file a chunk of its own. `place`: each group's pages in that order."""
    by_group: dict[Hashable, list[int]] = {}
    for index, page in enumerate(pages):
        by_group.setdefault(_chunk_group(page), []).append(index)
    if place is not None:
        for indices in by_group.values():
            indices.sort(key=lambda index: place(pages[index]))
    return [indices[i:i + step] for group, indices in by_group.items()
            for step in [1 if group == WHOLE_ARCHIVE else size] for i in range(0, len(indices), step)]


def _render_chunk(renderer: Renderer, pages: list[Page], indices: list[int]
                  ) -> tuple[list[tuple[str, bytes]], int, Problem | None]:
    """The files of the pages at `indices`, how many pages, and the template problem that stopped it."""
    rendered = []
    for done, index in enumerate(indices):
        try:
            rendered.extend(renderer.render_files(pages[index]))
        except TemplateError as exc:
            return rendered, done, exc.problem
    return rendered, len(indices), None
