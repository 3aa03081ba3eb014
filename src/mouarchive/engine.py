"""The incremental engine: after an edit, the pipeline's stages redone for what the edit touched.

build.py is the pipeline: it makes the whole site from the whole content, and hands back what it
planned (build.Planned). Given the content files an edit changed, the engine works out what depends
on them:
- the documents, parsed again;
- the agreements they are about, merged again from all their documents;
- the lists those agreements are in, and the agreements near them in a list (whose related
  agreements can change: archive.related_agreements looks only that far);
- the pages made from any of these, and the pages that show any of their records (freshness.py's
  inputs, kept as a map from each record to the pages that show it).
It asks the same pure stages (load, archive, pages, links, freshness, render) for those alone and
writes the pages whose fingerprint changed. `mouarchive serve` drives it with the State in memory:
it writes into the site in place, the edited documents' own pages first, and then, asked again,
re-indexes the search index's parts whose records changed, beside the site, and swaps them in.
`mouarchive build` (build_site below) drives it from the State the last build left in the cache:
it writes the site as a full build does, beside the current one and swapped in whole.

What it makes is what a full build makes, byte for byte (tests/test_engine.py builds both after
random edits). What it does not patch it hands back to a full build, which also reports errors: a
changed vocabulary, template, static file or config; an original file (or any other file in the
content directory but an editor's hidden or backup file), and a document that names one; a
held-back document; an agreement no longer stated anywhere; an embargo ending; any error at all;
a new commit (the content's git HEAD moved: history.py), since a commit can change the history
of files the edit did not touch. An edit between commits only compares the edited files with
their committed versions (whether their pages may say when they were last changed).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import os
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from . import warm
from .archive import RELATED_WINDOW as WINDOW
from .archive import (
    Archive,
    check_agreements,
    counterparts,
    inverse_relations,
    life_neighbours,
    merge_agreements,
    order_agreements,
    order_documents,
    related_agreements,
    term_indexes,
    undated,
    warnings_of,
    with_statuses,
)
from .build import (
    PARALLEL_FROM,
    BuildReport,
    Plan,
    Planned,
    Progress,
    build_planned,
    index_ahead,
    part_records,
    paused_collector,
    plan_search,
    render_into,
    replan_search,
    search_language_of,
    write_site,
)
from .cache import BuildCache, Manifest, directory_identity, site_stamp
from .clock import current_time
from .config import SiteConfig
from .errors import Problem, Problems
from .freshness import (
    Records,
    agreement_record,
    all_total,
    document_records,
    entry_record,
    fingerprint,
    links_record,
    list_record,
    page_inputs,
    party_record,
    record_term,
    summary_records,
)
from .history import History, head_stamp, history_note, history_record
from .links import Targets, resolve_links
from .listing_ahead import ListingAhead
from .load import parse_files
from .markup import is_site_address
from .model import Document
from .opendata import Pieces, pieces_of, stored_pieces
from .pages import (
    RECORD_PAGES,
    Kind,
    Page,
    Urls,
    arrange,
    finish_pages,
    first_titles,
    localise,
    regroup,
    site_pages,
)
from .publishing import event_moments
from .render import FRAGMENT_LIMIT, Fragments, Renderer
from .report import unchanged_report
from .search import BUNDLE, PARTS_FILE, PartRecords, Ready, SearchIndex, SearchIndexer, parts_file, with_edits
from .sources import (
    PARTIES_FILE,
    TOPICS_FILE,
    content_digest,
    is_other_file,
    source_digests,
    vocabulary_digests,
)
from .translations import link_translations
from .vocabularies import Vocabularies, load_vocabularies
from .write import Trees, patch_site, spare_path


@dataclass(frozen=True)
class State:
    """The last build as the engine patches it: what the pipeline planned, and the maps it keeps to
    find what an edit touched."""

    planned: Planned
    vocabularies: Vocabularies
    localised: dict[str, tuple[Page, ...]]  # a page's URL before localising -> its pages
    base: dict[str, Page]  # that URL -> the page before localising
    inputs: dict[str, tuple[str, ...]]  # output path -> the records the page shows
    # Record key -> the output paths of the pages that show it: a tuple, made a set once an edit
    # changes it (_showing). Sets of a few paths each were 23 MiB of the State at 10,000 documents,
    # held beside its pickling's memo at 100,000 (benchmarks/RESULTS.md, issue 12).
    shown_on: dict[str, tuple[str, ...] | set[str]]
    warnings: dict[str, tuple[Problem, ...]]  # agreement id -> its warnings (archive.warnings_of)
    by_output: dict[str, Page]  # output path -> its page
    tail: tuple[str, ...]  # the output paths of the pages finish_pages adds
    total: int  # what the records add up to in "all" (freshness.record_term), not reduced
    # The current site's search index as planned (build.plan_search), once known: with search on,
    # made after a full build, ahead of the first edit (keep_state_later), then patched with each.
    search: SearchIndex | None = None

    @classmethod
    def of(cls, config: SiteConfig, planned: Planned) -> State:
        archive = planned.plan.archive
        base = site_pages(archive, config.per_page)
        # The plan's own pages, not made again: a State holding both took 0.2 s more to load.
        localised = regroup(base, planned.plan.pages, config.languages)
        # One string object for each record key, which pickle then writes (and reads) once.
        keys: dict[str, str] = {}
        inputs = {page.output: tuple(keys.setdefault(key, key) for key in page_inputs(page, archive))
                  for page in planned.plan.pages}
        showing: dict[str, list[str]] = defaultdict(list)
        for output, keys in inputs.items():
            for key in keys:
                showing[key].append(output)
        shown_on: dict[str, tuple[str, ...] | set[str]] = dict.fromkeys(showing, ())
        for key in shown_on:
            shown_on[key] = tuple(showing.pop(key))
        vocabularies = load_vocabularies(config.content, Problems(), config.content_dir)
        warnings = {a.id: tuple(found) for a in archive.agreements.values()
                    if (found := warnings_of(a, archive))}
        made = sum(len(versions) for versions in localised.values())
        return cls(planned, vocabularies, localised, {p.url: p for p in base}, inputs, shown_on,
                   warnings, {p.output: p for p in planned.plan.pages},
                   tuple(p.output for p in planned.plan.pages[made:]), all_total(planned.records.values))


class Engine:
    """Builds a site again and again, patching the last build where an edit allows."""

    def __init__(self, config: SiteConfig, drafts: bool = False) -> None:
        self.config = config
        self.drafts = drafts
        self.state: State | None = None
        self.planned: Planned | None = None  # a full build's plan, not yet made into a State
        self.fragments: Fragments = Fragments()  # the list entries rendered so far (render.Renderer)
        self.pieces: Pieces = {}  # each agreement's open data so far (opendata._pieces)
        self.ready: Ready | None = None  # Pagefinds started ahead (keep_pagefind_ready)
        self.listing_ahead: ListingAhead | None = None  # see keep_listing_ahead
        self.part_records = PartRecords()  # what the site's search parts hold, as last read
        self._unsettled: Callable[[], Manifest] | None = None  # see settle
        self._kept_renderer: tuple[str, Renderer] | None = None  # the site's stamp, and a renderer

    def keep_pagefind_ready(self) -> None:
        """Keep a Pagefind started, with what its language needs loaded, for the next edit's
        index (search.Ready); for an engine that stays: it is started again after each use, and
        stopped by close()."""
        if self.config.search:
            self.ready = self.ready or Ready()
            self.refill_pagefind()

    def refill_pagefind(self) -> None:
        """Start the next Pagefind for keep_pagefind_ready, if it is kept and none waits: after an
        edit has used the one that waited, once the edit is answered (3-4 ms to start one)."""
        if self.ready is not None and self.state is not None:
            search = self.state.search
            self.ready.refill(search.language if search is not None
                              else search_language_of(self.config, self.state.planned.plan.archive))

    def keep_listing_ahead(self, cache: BuildCache) -> None:
        """Keep a process that checks the directories of the spare and of the current site while a
        patch works (listing_ahead.py), for an engine that stays; stopped by close()."""
        self.listing_ahead = self.listing_ahead or ListingAhead()
        self.listing_ahead.start()
        output = self.config.output.absolute()
        for manifest in (cache.spare_manifest(output), cache.current_manifest(output)):
            self.listing_ahead.send(manifest and manifest.listing)

    def close(self) -> None:
        """Stop what the engine keeps running (keep_pagefind_ready, keep_listing_ahead)."""
        if self.ready is not None:
            self.ready.close()
        if self.listing_ahead is not None:
            self.listing_ahead.close()

    def build(self, changed: Iterable[Path] = (), now: datetime | None = None,
              search_later: bool = False, shown: Callable[[], None] | None = None) -> BuildReport:
        """The site brought up to date after `changed` files changed: patched when the last build
        is known and the edit allows, else built in full. Raises BuildError as build_site does.
        A patch calls `shown` once the edited documents' and agreements' own pages are written,
        before the other pages that show them (lists, feeds, open data)."""
        changed = list(changed)
        self._make_state()
        if self.state is not None and not changed and self.state.planned.manifest.search_behind \
                and self.config.search:
            return self.catch_up()
        report = self.patch(changed, now, shown) if changed else None
        if report is not None:
            self.refill_pagefind()
            return report
        previous, self.state = self.state, None
        gc.unfreeze()  # the last state goes: let the collector have it (see prepare)
        report, self.planned = build_planned(self.config, now=now, drafts=self.drafts,
                                             search_later=search_later)
        if self.planned is None and report.up_to_date:
            self.state = previous  # nothing changed since this engine's last build, which holds
        return report

    def patch(self, changed: list[Path], now: datetime | None = None,
              shown: Callable[[], None] | None = None, swap: bool = False,
              cache: BuildCache | None = None, edits: bool = False,
              settle_later: bool = False) -> BuildReport | None:
        """The last build patched for the `changed` files, or None when that takes a full build
        (the state is then kept, untouched). The pages are written into the site in place (serve's
        own), or with `swap` as a full build writes them: beside the site, swapped in whole with
        the search index brought up to date (build.write_site), so that the site is never seen
        half made. In place without `shown`, every page is rendered before any is written. `cache`:
        the one the caller has read (its manifests are not read again). `edits`: with `swap`, the
        records the edit changed may go into the index's EDITS part (search.with_edits), which
        leaves the site's index behind, for the caller to catch up after it has answered.
        `settle_later`: with `swap`, the new site's listing and manifest are recorded by `settle`,
        which the caller calls once it has answered (build.write_site), holding the build lock."""
        self.settle()
        self._make_state()
        previous, self.state = self.state, None  # a patch that fails leaves no state to trust
        if previous is None:
            return None
        started = time.perf_counter()
        if swap and self.listing_ahead is not None:
            # The spare's directories, checked beside the patch's own work (write.Staging asks too
            # late for that: just before it writes).
            cache = cache or BuildCache(self.config.output)
            self.listing_ahead.forget_asked()
            output = self.config.output.absolute()
            spare = cache.spare_manifest(output)
            self.listing_ahead.ask(spare_path(output), spare and spare.listing)
        now = now or current_time(ZoneInfo(self.config.timezone))
        patch = _patch(self.config, previous, changed, now)
        if patch is None:
            self.state = previous
            return None
        index = None  # in place, the index is left behind the pages (catch_up plans it whole)
        if swap:
            cache = cache or BuildCache(self.config.output)
            index = _patched_search(self.config, previous, patch)
            written = (edits and index is not None
                       and _with_edits(self.config, previous, index, self.part_records)) or index
            report, manifest, self._unsettled = _write_swapped(
                self.config, patch, started, self._renderer(patch.state.planned, cache), cache, written,
                self.ready, settle_later, self.listing_ahead)
        else:
            report, manifest = _write(self.config, previous, patch, started, shown,
                                      self._renderer(patch.state.planned, BuildCache(self.config.output)))
        self.state = replace(patch.state, planned=replace(patch.state.planned, manifest=manifest),
                             search=index)
        return report  # (the caller starts the next Pagefind once it has answered: refill_pagefind)

    def _renderer(self, planned: Planned, cache: BuildCache) -> Renderer:
        """The renderer of the last patch (or rehearsal), bound to `planned`'s archive
        (Renderer.rebind), while the site's templates and settings are the same (its stamp); else
        a new one."""
        stamp = planned.manifest.stamp
        if self._kept_renderer is not None and self._kept_renderer[0] == stamp:
            renderer = self._kept_renderer[1]
            renderer.rebind(planned.plan.archive, planned.plan.links)
            return renderer
        renderer = Renderer(self.config, planned.plan.archive, cache.bodies, planned.plan.links,
                            cache.compiled_templates(), self.fragments, self.pieces)
        self._kept_renderer = (stamp, renderer)
        return renderer

    def settle(self) -> None:
        """Record the site a patch swapped in (its listing, its manifest in the cache), where the
        patch left that for after its answer (`settle_later`)."""
        settle, self._unsettled = self._unsettled, None
        if settle is not None and self.state is not None:
            self.state = replace(self.state, planned=replace(self.state.planned, manifest=settle()))
            if self.listing_ahead is not None:  # for the next patch's question
                self.listing_ahead.send(self.state.planned.manifest.listing)

    def catch_up(self, cache: BuildCache | None = None) -> BuildReport:
        """The search index brought up to date with the pages a patch wrote (see _catch_up_search).
        `cache`: the caller's, whose manifests it remembers (BuildCache._manifest)."""
        self.settle()
        self._make_state()
        previous, self.state = self.state, None
        assert previous is not None
        report, manifest = _catch_up_search(self.config, previous, cache or BuildCache(self.config.output),
                                            self.ready, self.part_records)
        self.state = replace(previous, planned=replace(previous.planned, manifest=manifest))
        self.refill_pagefind()
        return report

    def prepare(self) -> None:
        """Make, after a full build and ahead of the next edit (serve calls it once the pages have
        reloaded), what patching needs: the State (0.3 s at 1,000 documents), and each agreement's
        open data (opendata._pieces), which the full build made in its workers (2.8 s at 10,000)."""
        if self.planned is None:
            return
        self._make_state()
        self._make_pieces()
        # The state is millions of objects that live until the next full build: out of the
        # collector's sight (what an earlier state left is collected first), or a collection in
        # the middle of an edit's patch took 0.6 s of its 1.2 s at 10,000 documents.
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        self.refill_pagefind()

    def rehearse(self) -> Iterator[None]:
        """Make ahead, a page at a time (a step for each `next`), what an edit's pages would
        otherwise make first, for an engine that waits for edits (warm.stay_warm): what citations
        and dates load at their first use (citeproc and its style, Babel's locale data), and each
        agreement's entries in feeds and lists (Renderer's fragments), which a full build made in its
        workers: 60 ms and more of the first edit after a full build at 1,000 documents
        (benchmarks/RESULTS.md, issue 12); what each page writes (Page.outputs); the renderer the
        next patch takes, its templates loaded; and what the search index's parts hold (PartRecords).
        The pages are rendered and dropped: an agreement's and a document's in each language, then
        the home page (its entries are headed a level down), every feed, every year's page (its
        entries are those the topics' and parties' lists show too) and every party's (its
        partners), until the entries kept are four fifths of what a
        renderer keeps (20,000, as many as before the least recently used were dropped first), the
        rest being the edits' own; then what each page's citation takes to
        format (Renderer.prepare_citation): an edit re-renders pages whose record did not change."""
        if self.state is None:
            return
        plan = self.state.planned.plan
        # The renderer the next patch takes (_renderer), its templates then loaded. Without the build
        # lock, it may write a template's compiled code to the cache (where none is): Jinja writes
        # one to a temporary file renamed into place, so a build reading it finds it whole or not.
        renderer = self._renderer(self.state.planned, BuildCache(self.config.output))
        # What each page writes (Page.outputs, kept on it), which the State loaded has not kept and
        # an edit's build asks of every page: 5,100 at 1,000 documents, 23 ms of the first edit.
        for start in range(0, len(plan.pages), 2000):
            for page in plan.pages[start:start + 2000]:
                _ = page.outputs
            yield
        first = {(page.kind, page.lang): page for page in reversed(plan.pages)
                 if page.kind in RECORD_PAGES}
        for page in first.values():
            renderer.render(page)
            yield
        if self.state.search is not None:  # what the search index's parts hold (PartRecords)
            for name in self.state.search.parts:
                self.part_records.of(self.config.output.absolute() / BUNDLE / name)
                yield
        for page in (p for kind in (Kind.HOME, Kind.FEED, Kind.YEAR, Kind.PARTY) for p in plan.pages
                     if p.kind is kind):
            if len(self.fragments) > FRAGMENT_LIMIT * 4 // 5:
                break
            renderer.render(page)
            yield
        for page in plan.pages:  # every citation's shape, which a full build made in its workers
            renderer.prepare_citation(page)
            yield

    def _make_pieces(self) -> None:
        """Each agreement's open data, as the open-data files are rendered (opendata._pieces)."""
        assert self.state is not None
        plan = self.state.planned.plan
        self.fragments.clear()
        renderer = self._renderer(self.state.planned, BuildCache(self.config.output))
        for page in plan.pages:
            if page.kind in (Kind.JSON, Kind.CSV, Kind.CSL):
                renderer.render(page)

    def _make_state(self) -> None:
        if self.planned is not None:
            self.state = State.of(self.config, self.planned)
            self.planned = None

    def keep(self, cache: BuildCache, output: Path, make_pieces: bool = False) -> None:
        """Leave the State and the open data's pieces in the cache, for the next build (kept_state):
        the State, then the pieces apart from the archive they were made from, made only once the
        State is written where `make_pieces` (keep_state_later): cache.save_engine_state says why."""
        assert self.state is not None
        archive = self.state.planned.plan.archive

        def parts() -> Iterator[object]:
            yield self.state
            if make_pieces:
                self._make_pieces()
            yield stored_pieces(self.pieces, archive)

        cache.save_engine_state(output, parts(), shared=_records_of(self.state))


def _release_freed_memory() -> None:
    """Give the system back what the C allocator holds freed (glibc's malloc_trim; elsewhere,
    nothing): Python returns its own small-object arenas when they empty, but objects over 512
    bytes come from malloc, whose freed memory stays in the process."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None).malloc_trim(0)


def _showing(shown_on: dict[str, tuple[str, ...] | set[str]], key: str) -> set[str]:
    """The output paths of the pages that show `key`, as a set to change (State.shown_on)."""
    found = shown_on.get(key, ())
    if not isinstance(found, set):
        found = shown_on[key] = set(found)
    return found


def _records_of(state: State) -> tuple[object, ...]:
    """The State's records, which its pages, maps and pieces hold too: written once, apart
    (cache.save_engine_state)."""
    content, archive = state.planned.content, state.planned.plan.archive
    return (*content.documents, *archive.documents.values(), *archive.agreements.values())


def build_site(config: SiteConfig, force: bool = False, progress: Progress | None = None,
               now: datetime | None = None, drafts: bool = False,
               sources: dict[str, str] | None = None, cache: BuildCache | None = None,
               linger: bool = False) -> BuildReport:
    """`mouarchive build`: build.build_site, patching the last build where the edit allows.

    The engine's State outlives the process: each build leaves it in the cache (70 MB at 10,000
    documents, kept by a forked process after this one has answered: keep_state_later), and the
    next build loads it (1.0-1.5 s at 10,000) and patches it for the content files whose digests
    changed, and writes the site as a full build does (build.write_site), the search index's
    changed parts with it. What the engine does not patch (engine.py's docstring), and a state
    that is not the current site's, is built in full, as build.build_site does. `force` builds in
    full. `sources`: the content's digests, from a caller that has already found the site not up
    to date with them (cli.cmd_build, report.unchanged_report), which is then not asked again;
    `cache`, the cache it read them with. `linger`: the caller exits at once after (cli.run), so
    the engine's State is left in memory rather than freed object by object (1.3 s at 10,000).
    """
    started = time.perf_counter()
    now = now or current_time(ZoneInfo(config.timezone))
    cache = cache or BuildCache(config.output, enabled=not force)
    if sources is None:
        sources = source_digests(config.content, config.content_dir)
        report = unchanged_report(config, cache, sources, now, drafts, started)
        if report is not None:
            return report
    with cache.lock() as waited:
        if waited:  # another build ran meanwhile: what changed is what changed since that one
            sources = source_digests(config.content, config.content_dir)
        engine = Engine(config, drafts)
        engine.state, engine.pieces = _stored_state(config, cache, drafts, sources)
        report = None
        if engine.state is not None:
            report = engine.patch(changed_since(config, engine.state, sources), now, swap=True, cache=cache)
        if report is None:
            engine.state = None
            gc.unfreeze()
            report, engine.planned = build_planned(config, force, progress, now, drafts, sources=sources)
        keep_state_later(engine, cache)
    if linger:
        _LINGERING[:] = [engine]
    return report


_LINGERING: list[Engine] = []  # the last engine build_site was asked to leave in memory


def _stored_state(config: SiteConfig, cache: BuildCache, drafts: bool,
                  sources: dict[str, str]) -> tuple[State | None, Pieces]:
    """The State the last build left, if it is the current site's and an edit of documents alone
    separates it from the content (else None), with the open data's pieces kept with it."""
    output = config.output.absolute()
    current = current_state_of(config, cache, drafts, sources)
    if current is None:
        return None, {}
    with paused_collector():  # millions of objects, which the collector would walk again and again
        stored = kept_state(cache, output)
        # Out of the collector's sight before it runs again: its next run would walk all of them,
        # as young objects (0.4 s at 10,000 documents).
        gc.freeze()
    if stored is None or stored[0].planned.manifest.serial != current:
        return None, {}
    return stored  # (and the collector leaves them alone: Engine.prepare says why)


def kept_state(cache: BuildCache, output: Path) -> tuple[State, Pieces] | None:
    """The State and the open data's pieces that Engine.keep left for `output`, if any."""
    parts = cache.engine_state(output)
    if not (parts and len(parts) == 2 and isinstance(parts[0], State) and isinstance(parts[1], dict)):
        return None
    state, stored = parts
    return state, pieces_of(stored, state.planned.plan.archive)


def changed_since(config: SiteConfig, state: State, sources: dict[str, str]) -> list[Path]:
    """The content files whose digests differ from those the state was built from."""
    old = state.planned.manifest.sources
    label = config.content_dir.rstrip("/")
    return [config.content / rel[len(label) + 1:]
            for rel in sorted(old.keys() | sources.keys()) if old.get(rel) != sources.get(rel)]


def current_state_of(config: SiteConfig, cache: BuildCache, drafts: bool, sources: dict[str, str],
                     serial: str | None = None) -> str | None:
    """The serial of the current site's manifest, if an edit of documents alone separates it from
    the content (and it is `serial`, where given); else None: a template, a static file, a setting,
    a vocabulary or a commit changed, which is a full build's work."""
    current = cache.current_manifest(config.output.absolute())
    if current is None or current.stamp != site_stamp(config, drafts) or \
            current.head != head_stamp(config.content) or any(
            current.sources.get(rel) != sources.get(rel) for rel in current.sources.keys() | sources.keys()
            if not rel.endswith(".md")) or (serial is not None and current.serial != serial):
        return None
    return current.serial


def keep_state_later(engine: Engine, cache: BuildCache) -> None:
    """Leave the engine's State in the cache for the next build, from a forked copy of this
    process, so that this build answers first: making and writing it takes 3 s at 10,000
    documents. The copy holds the build lock until it is done (a fork shares the lock), so a
    build started meanwhile waits for it. Where there is no fork, the next build is a full one."""
    if (engine.state is None and engine.planned is None) or not hasattr(os, "fork"):
        return
    sys.stdout.flush()
    sys.stderr.flush()
    if os.fork():
        return
    code = 1
    try:
        # Whoever waits for this process's output (a pipe, a terminal's job) need not wait for this.
        null = os.open(os.devnull, os.O_RDWR)
        for fd in (0, 1, 2):
            os.dup2(null, fd)
        gc.disable()  # a short-lived copy: the collector would only copy the parent's pages
        # What the build freed (its rendered pages, its list entries) is resident still, in the C
        # allocator's heap: given back before the State is made beside it (at 100,000 documents,
        # this copy's largest moment is the build's memory and the State's pickling together).
        _release_freed_memory()
        # A full build, whose workers made the open data's pieces: they are made again here (once
        # the State is written: Engine.keep), so that the first edit need not (11.2 s for it at
        # 10,000 documents, 5.7 s for the next).
        make_pieces = engine.planned is not None
        engine._make_state()
        assert engine.state is not None
        if engine.config.search and engine.state.search is None:  # nor plan the whole index
            planned = engine.state.planned
            vocabularies = vocabulary_digests(planned.manifest.sources)
            engine.state = replace(engine.state, search=plan_search(
                engine.config, planned.plan.archive, planned.records, vocabularies))
        output = engine.config.output.absolute()
        if directory_identity(output) == engine.state.planned.manifest.identity:  # not deleted meanwhile
            engine.keep(cache, output, make_pieces)
            if warm.seconds(engine.config):
                warm.stay_warm(engine, cache, output)
        code = 0
    finally:
        os._exit(code)


@dataclass(frozen=True)
class _Patch:
    """An edit worked out: the new state, and the pages that may have changed (their fingerprints
    are made as they are written, the edited pages' first: see _to_render)."""

    state: State
    first: list[str]  # the output paths of the edited documents' and agreements' own pages
    rest: list[str]  # the output paths of the other pages that may have changed
    removed: tuple[str, ...]  # output paths no page has any more
    parsed: int
    warnings: tuple[Problem, ...]
    agreements: frozenset[str]  # the ids of the agreements the edited documents are (or were) about
    documents: frozenset[str]  # the paths of the edited documents


def _patch(config: SiteConfig, state: State, changed: list[Path], now: datetime) -> _Patch | None:
    """The edit worked out, or None when a full build must do it."""
    planned = state.planned
    manifest = planned.manifest
    passed, pending = manifest.window
    if (passed is not None and now < passed) or (pending is not None and now >= pending):
        return None  # an embargo ended (or the clock went back): what is held back changes
    if directory_identity(config.output.absolute()) != manifest.identity:
        return None  # the site is not the one the last build wrote
    if head_stamp(config.content) != manifest.head:
        return None  # a commit: the history of files the edit did not touch may have changed
    label = config.content_dir.rstrip("/")
    content_root = config.content.absolute()
    files: dict[str, Path] = {}
    others: dict[str, Path] = {}  # files of the content that are no documents (is_other_file)
    for path in changed:
        path = Path(path).absolute()
        if not path.is_relative_to(content_root):
            return None  # a template, a static file, the config
        rel = path.relative_to(content_root).as_posix()
        if rel in (PARTIES_FILE, TOPICS_FILE) or (rel.endswith(".md") and (
                "/." in f"/{rel}" or path.is_symlink() or path.is_dir())):
            return None  # a vocabulary; a file the loader reads or skips in ways of its own
        if rel.endswith(".md"):
            files[f"{label}/{rel}"] = path
        elif is_other_file(path.name) and not any(part.startswith(".") for part in rel.split("/")):
            others[f"{label}/{rel}"] = path  # an original, if a document names it; its digest is a source
        # Other files in content/ (an editor's hidden temporary file, a save's backup) are not read.
    if not files:
        return None

    # Load: the changed documents parsed again, the rest as they were.
    content = planned.content
    selection = planned.plan.selection
    old_archive = planned.plan.archive
    old_docs = old_archive.documents
    problems = Problems()
    new_docs: dict[str, Document | None] = {}
    sources = dict(manifest.sources)
    digests = dict(content.digests)
    present = {rel: path for rel, path in files.items() if path.is_file()}
    for rel, digest, document, found in parse_files(sorted(present.items(), key=lambda p: p[0]),
                                                    config.language, state.vocabularies, config.content,
                                                    label, config.markdown):
        problems.extend(found)
        if document is None or digest is None:
            return None  # an error, or an unreadable file: the full build reports it
        new_docs[rel] = document
        sources[rel], digests[rel] = digest, digest
    for rel in files.keys() - present.keys():
        new_docs[rel] = None
        sources.pop(rel, None)
        digests.pop(rel, None)
    if sources == manifest.sources:
        return None  # nothing changed after all: the full build says so cheaply
    # What is held back, and what it holds back with it, is the full build's to work out; a preview
    # (serve's) shows it all, so an edit of something else leaves it as it was.
    versions = [d for d in (*new_docs.values(), *(old_docs.get(p) for p in new_docs)) if d is not None]
    if (selection.held and not selection.preview) or any(d.draft or d.embargo for d in versions):
        return None
    if any(d.original for d in versions):
        return None  # its original file is copied, and its digest is a source: a full build's work
    if others.keys() & {d.original.file for d in old_docs.values() if d.original}:
        return None  # an original a document names: copied by the full build, its SHA-256 shown
    # Any other file (an editor's temporary file, saved beside the document and renamed over it; a
    # file no document names yet) shows nowhere: only its digest is kept, as a full build keeps it.
    for rel, path in others.items():
        digest = content_digest(path)
        if digest is None:
            sources.pop(rel, None)
        else:
            sources[rel] = digest
    if any(pending is None or moment < pending for d in versions if d is not None
           for moment in event_moments(d, now.tzinfo) if moment > now):
        return None  # an event to come, sooner than the build knew: the full build's window has it
    # The agreements the changed documents are (or were) about.
    touched = {a for d in versions for a in d.agreement_ids}
    if touched & selection.agreements:
        return None
    history = old_archive.history
    if history.changes:  # do the edited files still hold what was committed?
        history = history.with_files({rel: digests.get(rel) for rel in files})
    archive = _patch_archive(old_archive, new_docs, touched, problems, history, now)
    if archive is None or problems.errors:
        return None
    documents = tuple(archive.documents[p] for p in sorted(archive.documents))
    content = replace(content, documents=documents, digests=digests, parsed=len(present), history=history)
    selection = replace(selection, content=content)

    links = _patch_links(planned.plan, archive, new_docs, label, config.base_path, problems)
    if problems.errors:
        return None

    # Pages: each page made again only where what it is made from changed.
    groups = {p for path in new_docs for p in (*old_archive.translations.get(path, ()),
                                                  *archive.translations.get(path, ()))}
    base = site_pages(archive, config.per_page, state.base)
    if len({page.url for page in base}) != len(base):
        return None  # two pages at one address: the full build reports them
    titles = first_titles(base)
    localised: dict[str, tuple[Page, ...]] = {}
    fresh: list[Page] = []  # pages made anew
    for page in base:
        before = state.base.get(page.url)
        if before is not None and (before is page or before == page) and not (
                page.kind is Kind.DOCUMENT and page.subject.path in groups):
            localised[page.url] = state.localised[page.url]
        else:
            localised[page.url] = localise(page, archive, config.languages, config.language, titles)
            fresh += localised[page.url]
    arranged = arrange(list(localised.values()), config.languages)
    pages = finish_pages(arranged, archive, config.languages, problems)
    if problems.errors:
        return None
    tail = pages[len(arranged):]
    fresh += tail
    gone = [p for url in state.base.keys() - localised.keys() for p in state.localised[url]]
    # A page whose output another page now has (a redirect where a moved document was) is not gone;
    # the files a gone page wrote beside it (Page.files) are, as no other page writes them.
    removed = tuple(sorted(({p.output for p in gone} | set(state.tail)) - {p.output for p in pages}
                           | {url for p in gone for _kind, url in p.files}))
    addresses = planned.plan.addresses
    if removed or any(page.output not in state.by_output for page in fresh):
        if any(is_site_address(link.href) for d in archive.documents.values() for link in d.links):
            return None  # where an address written in a body leads may have changed: a full build's
        addresses = (addresses - {p.url for p in planned.plan.pages}) | {p.url for p in pages}

    # Records and fingerprints: only for what changed, and the pages that show it. From here on
    # the state's maps are changed in place: a failure now must drop the state (Engine.build).
    values = dict(planned.records.values)
    changed_keys: set[str] = set()
    total = state.total

    def put(key: str, value: str | None) -> None:
        nonlocal total
        old = values.get(key)
        if old != value:
            changed_keys.add(key)
            total -= record_term(key, old) if old is not None else 0
            total += record_term(key, value) if value is not None else 0
            if value is None:
                values.pop(key, None)
            else:
                values[key] = value

    for path, document in new_docs.items():
        if document is None:
            for prefix in "dlmh":
                put(f"{prefix}:{path}", None)
        else:
            for key, value in document_records(document, digests[path], links.get(path)).items():
                put(key, value)
            put(f"h:{path}", history_record(history, path))
    for path in archive.documents:  # where links lead changes with the documents they lead to
        if path not in new_docs and links.get(path) != planned.plan.links.get(path):
            put(f"l:{path}", links_record(links.get(path)))
    for ident in touched:
        agreement = archive.agreements.get(ident)
        put(f"a:{ident}", None if agreement is None else agreement_record(agreement, now))
        put(f"e:{ident}", None if agreement is None else entry_record(agreement, archive))
    for prefix, new_index, old_index in (("t", archive.by_topic, old_archive.by_topic),
                                         ("y", archive.by_year, old_archive.by_year),
                                         ("s", archive.by_status, old_archive.by_status)):
        for key in new_index.keys() | old_index.keys():
            if new_index.get(key) is not old_index.get(key):
                put(f"{prefix}:{key}", list_record(new_index[key]) if key in new_index else None)
    restated = {p for a in archive.agreements if archive.statuses.get(a) != old_archive.statuses.get(a)
                for p in archive.agreements[a].party_ids}
    for key in archive.by_party.keys() | old_archive.by_party.keys():
        if (archive.by_party.get(key) is not old_archive.by_party.get(key)
                or archive.counterparts.get(key) != old_archive.counterparts.get(key) or key in restated):
            put(f"p:{key}", party_record(archive, key) if key in archive.by_party else None)
    for key, value in summary_records(archive, values, total).items():
        put(key, value)

    moved = {a for a in archive.agreements if archive.related.get(a) != old_archive.related.get(a)
             or archive.inverse.get(a) != old_archive.inverse.get(a)}
    by_output, inputs, shown_on, fingerprints = state.by_output, state.inputs, state.shown_on, \
        planned.fingerprints
    for output in removed:
        for key in inputs.pop(output, ()):
            _showing(shown_on, key).discard(output)
        fingerprints.pop(output, None)  # (a file written beside a page has neither)
        by_output.pop(output, None)
    for page in fresh:
        by_output[page.output] = page
    dirty = {page.output for page in fresh}
    dirty.update(p.output for versions in (localised[""], *(localised[Urls.agreement(a)] for a in moved))
                 for p in versions)  # the home page lists the latest of everything
    for key in changed_keys:
        dirty.update(shown_on.get(key, ()))
    warnings = dict(state.warnings)
    # Those whose facts changed, and those whose life they date events of (a status they state).
    for ident in life_neighbours(old_archive, touched) | life_neighbours(archive, touched):
        agreement = archive.agreements.get(ident)
        found = tuple(warnings_of(agreement, archive)) if agreement is not None else ()
        if found:
            warnings[ident] = found
        else:
            warnings.pop(ident, None)
    old_note = history_note(old_archive.history)
    notes = (*(note for note in planned.plan.notes if note != old_note),
             *filter(None, [history_note(history)]))
    plan = replace(planned.plan, selection=selection, archive=archive, links=links, pages=pages,
                   addresses=addresses, notes=notes)
    manifest = manifest.changed(sources=sources, pages=fingerprints)
    new_planned = Planned(content, plan, Records(values), fingerprints, planned.page_stamp, manifest)
    new_state = State(new_planned, state.vocabularies, localised, {p.url: p for p in base}, inputs,
                      shown_on, warnings, by_output, tuple(p.output for p in tail), total)
    all_warnings = (*problems.warnings, *(p for found in warnings.values() for p in found))
    first = sorted(output for output in dirty if (page := by_output[output]).kind in (
        Kind.DOCUMENT, Kind.AGREEMENT) and (page.subject.path in new_docs if page.kind is Kind.DOCUMENT
                                            else page.subject.id in touched))
    rest = sorted(dirty.difference(first))
    return _Patch(new_state, first, rest, removed, len(present), tuple(sorted(set(all_warnings))),
                  frozenset(touched), frozenset(new_docs))


def _patched_search(config: SiteConfig, previous: State, patch: _Patch) -> SearchIndex | None:
    """The search index of the patched site: the last one patched where it is known."""
    if not config.search:
        return None
    planned = patch.state.planned
    vocabularies = vocabulary_digests(planned.manifest.sources)
    if previous.search is None:
        return plan_search(config, planned.plan.archive, planned.records, vocabularies)
    return replan_search(config, planned.plan.archive, planned.records, vocabularies, previous.search,
                         patch.agreements, patch.documents)


def _with_edits(config: SiteConfig, previous: State, index: SearchIndex,
                known: PartRecords) -> SearchIndex | None:
    """The site's index with the edit's records in its EDITS part (search.with_edits), where the
    site holds the index the previous State planned, whole."""
    current = previous.planned.manifest  # the site's (current_state_of)
    if previous.search is None or current.search_behind or current.search != previous.search.digests:
        return None
    return with_edits(index, previous.search, config.output.absolute(), known)


def _to_render(state: State, outputs: list[str]) -> list[Page]:
    """The pages among `outputs` whose fingerprint changed, with the state's maps brought up to
    date for them: what they show, and their fingerprints."""
    planned = state.planned
    archive, values = planned.plan.archive, planned.records.values
    render = []
    for output in outputs:
        page = state.by_output[output]
        keys = page_inputs(page, archive)
        for key in state.inputs.get(output, ()):
            _showing(state.shown_on, key).discard(output)
        for key in keys:
            _showing(state.shown_on, key).add(output)
        state.inputs[output] = keys
        value = fingerprint(page, keys, values, planned.page_stamp)
        if planned.fingerprints.get(output) != value:
            planned.fingerprints[output] = value
            render.append(page)
    return render


def _patch_archive(old: Archive, new_docs: dict[str, Document | None], touched: set[str],
                   problems: Problems, history: History, now: datetime) -> Archive | None:
    """The archive with the documents in `new_docs` changed (None: removed) and the `history`
    given, or None when that takes a full build: an agreement that no document states any more."""
    same_places = all(path in old.documents and document is not None
                      and document.published == old.documents[path].published
                      for path, document in new_docs.items())
    if same_places:
        documents = {path: new_docs.get(path) or d for path, d in old.documents.items()}
    else:
        kept = [d for path, d in old.documents.items() if path not in new_docs]
        documents = order_documents([*kept, *(d for d in new_docs.values() if d is not None)])
    about = [documents[p] for ident in touched if ident in old.agreements
             for p in old.agreements[ident].documents if p not in new_docs]
    about += [d for d in new_docs.values() if d is not None]
    merged = merge_agreements(list({d.path: d for d in about}.values()), problems, only=touched)
    if merged.keys() != touched:
        return None  # an agreement is left that no document mentions: the full build's to drop
    agreements = dict(old.agreements)
    agreements.update(merged)
    if any(ident not in old.agreements or merged[ident].sort_date != old.agreements[ident].sort_date
           for ident in touched):
        agreements = order_agreements(agreements)
    check_agreements(agreements, documents, old.parties, problems, only=sorted(touched))
    by_topic, by_party, by_year = term_indexes(agreements, old.parties, old.topics)
    # The lists that did not change stay the same objects, so that what is made from them is kept.
    by_topic = {k: old.by_topic[k] if old.by_topic.get(k) == v else v for k, v in by_topic.items()}
    by_party = {k: old.by_party[k] if old.by_party.get(k) == v else v for k, v in by_party.items()}
    by_year = {k: old.by_year[k] if old.by_year.get(k) == v else v for k, v in by_year.items()}
    if list(agreements) == list(old.agreements):
        # An agreement's related ones depend on those within WINDOW of it in its lists; the
        # lists an edited agreement was or is in changed around it, and nowhere else.
        near = set(touched)
        for ident in touched:
            for agreement, index in ((old.agreements.get(ident), (old.by_party, old.by_topic)),
                                     (agreements.get(ident), (by_party, by_topic))):
                if agreement is None:
                    continue
                for lists, keys in zip(index, (agreement.party_ids, agreement.topic_ids), strict=True):
                    for key in keys:
                        ids = lists[key]
                        here = ids.index(ident)
                        near.update(ids[max(0, here - WINDOW - 1): here + WINDOW + 2])
        related = dict(old.related)
        related.update(related_agreements(agreements, by_party, by_topic, only=near))
    else:  # the archive's order changed, and with it how near in time every pair is
        related = related_agreements(agreements, by_party, by_topic)
    parties = {p for ident in touched for a in (old.agreements.get(ident), agreements.get(ident))
               if a is not None for p in a.party_ids}
    counterpart = dict(old.counterparts)
    counterpart.update({p: counterparts(p, by_party[p], agreements) for p in parties})
    translated = any(d is not None and (d.translation_of or d.path in old.translations)
                     for d in (*new_docs.values(), *(old.documents.get(p) for p in new_docs)))
    archive = Archive(
        parties=old.parties, topics=old.topics, documents=documents, agreements=agreements,
        by_topic=by_topic, by_party=by_party, by_year=by_year, related=related,
        counterparts=counterpart, inverse=inverse_relations(agreements), undated=undated(agreements),
        translations=link_translations(documents, problems) if translated or not same_places
        else old.translations,
        history=history, now=now,
    )
    # Their statuses, and those of the agreements whose life they date events of (within the
    # build's window no other status changes: publishing.select).
    return with_statuses(archive, life_neighbours(old, touched) | life_neighbours(archive, touched), old)


def _patch_links(plan: Plan, archive: Archive, new_docs: dict[str, Document | None], label: str,
                 base_path: str, problems: Problems) -> dict[str, dict[str, str]]:
    """Where each document's internal links lead: the changed documents' resolved again, or every
    document's when what a link can lead to changed."""
    old = plan.archive
    same_targets = (archive.documents.keys() == old.documents.keys()
                    and archive.agreements.keys() == old.agreements.keys()
                    and archive.by_year.keys() == old.by_year.keys()
                    and all(d is None or (d.slug, d.published) == (old.documents[p].slug,
                                                                  old.documents[p].published)
                            for p, d in new_docs.items()))
    # The pages an address can lead to are the last build's: _patch hands an edit that changes
    # them to a full build when any body gives an address.
    targets = Targets.of(archive, addresses=plan.addresses, base_path=base_path)
    if not same_targets:
        return resolve_links(targets, archive.documents.values(), label, problems)
    links = {path: found for path, found in plan.links.items() if path not in new_docs}
    links.update(resolve_links(targets, [d for d in new_docs.values() if d is not None], label, problems))
    return links


def _catch_up_search(config: SiteConfig, state: State, cache: BuildCache, ready: Ready | None = None,
                     known: PartRecords | None = None) -> tuple[BuildReport, Manifest]:
    """Bring the search index of the site the engine patched up to date: the parts whose records
    changed indexed again, beside the site, and swapped in, as a full build would make them."""
    started = time.perf_counter()
    planned = state.planned
    plan, manifest = planned.plan, planned.manifest
    index = state.search or plan_search(config, plan.archive, planned.records,
                                        vocabulary_digests(manifest.sources))
    changed = {name: urls for name, (digest, urls) in index.parts.items()
               if manifest.search.get(name) != digest}
    output = config.output.absolute()
    body_html = Renderer(config, plan.archive, cache.bodies, plan.links).body_html
    parts = part_records(config, plan.archive, index, changed, body_html, cache)
    with Trees(output) as trees:
        if changed:
            with SearchIndexer(parts, index.language, trees, ready=ready) as indexer:
                indexer.write_into(trees)
        # The parts first, then the list of them, then what it no longer lists: a reader (or a
        # copy of the site) meanwhile finds every part the list names, and the edits part's records
        # at worst twice, never a part missing.
        gained, lost = trees.commit(())
        patch_site(output, {PARTS_FILE: parts_file(index)}, ())
        lost |= trees.commit(f"{BUNDLE}/{name}" for name in manifest.search if name not in index.parts)[1]
    files = tuple(sorted((set(manifest.files) - lost) | gained | {PARTS_FILE}))
    manifest = manifest.changed(files=files, search=index.digests, search_behind=False)
    _save_current(cache, output, manifest)
    if known is not None:  # what the parts written hold, read for the next edit (with_edits) now
        known.forget_all_but(output / BUNDLE / name for name in index.parts)
        for name in changed:
            known.of(output / BUNDLE / name)
    archive = plan.archive
    return BuildReport(
        documents=len(archive.documents), agreements=len(archive.agreements), pages=len(plan.pages),
        files=len(files), changed=len(gained | lost), seconds=time.perf_counter() - started,
        warnings=manifest.warnings, notes=plan.notes, patched=True,
    ), manifest


def _save_current(cache: BuildCache, output: Path, manifest: Manifest) -> None:
    """Record the patched site as the current one. The spare is left as it was, unless the copy
    a first build asked for (write.prepare_spare_later) has not been made yet: made now, it would
    copy the patched site and not the one its manifest lists, so it is not to be trusted."""
    cache.save_current(output, manifest, spare="kept" if spare_path(output).is_dir() else "unknown")


def _write_swapped(config: SiteConfig, patch: _Patch, started: float, renderer: Renderer,
                   cache: BuildCache, index: SearchIndex | None, ready: Ready | None, settle_later: bool,
                   listing_ahead: ListingAhead | None
                   ) -> tuple[BuildReport, Manifest, Callable[[], Manifest] | None]:
    """Write the patched site as a full build does (build.write_site): what differs from the spare,
    rendering only what differs from the current site too, the search index's changed parts, and
    the whole swapped in; with what records it, where `settle_later` leaves that to the caller."""
    state = patch.state
    planned = state.planned
    workers = config.workers or os.cpu_count() or 1
    before = planned.manifest  # the current site's (current_state_of)
    with contextlib.ExitStack() as stack:
        ahead = index_ahead(config, cache, planned.plan.archive, index, before.search, renderer.body_html,
                            workers, stack, ready) if index is not None and not before.search_behind else None
        _to_render(state, [*patch.first, *patch.rest])  # their fingerprints brought up to date
        written, manifest, rendered, unsettled = write_site(
            config, cache, planned.plan, planned.records, planned.fingerprints, renderer,
            before.stamp, before.sources, patch.warnings, workers, None,
            few=len(patch.first) + len(patch.rest) < PARALLEL_FROM, index=index, ahead=ahead,
            settle_later=settle_later, listing_ahead=listing_ahead)
    archive = planned.plan.archive
    return BuildReport(
        documents=len(archive.documents), agreements=len(archive.agreements), pages=len(planned.plan.pages),
        files=written.files, changed=written.changed, seconds=time.perf_counter() - started,
        warnings=patch.warnings, parsed=patch.parsed, rendered=rendered, removed=written.removed,
        kept=written.kept, unknown_previous=written.unknown_previous, notes=planned.plan.notes,
        search_behind=manifest.search_behind, patched=True,
    ), manifest, unsettled


class _Pages:
    """Where render_into puts what it rendered."""

    def __init__(self) -> None:
        self.files: dict[str, bytes] = {}

    def put(self, rel: str, data: bytes) -> bool:
        self.files[rel] = data
        return True


def _write(config: SiteConfig, state: State, patch: _Patch, started: float,
           shown: Callable[[], None] | None, renderer: Renderer) -> tuple[BuildReport, Manifest]:
    """Render the pages whose fingerprint changed and write them into the site, the edited
    documents' and agreements' own pages first (then `shown` is called: serve reloads the open
    pages), the rest after; and record what the site now holds."""
    planned = patch.state.planned
    cache = BuildCache(config.output)
    output = config.output.absolute()
    first = _to_render(patch.state, patch.first)
    rendered = _Pages()
    render_into(rendered, renderer, first, 1, None)
    changed = 0
    if shown is not None:
        changed = patch_site(output, rendered.files, ())
        shown()
    rest = _to_render(patch.state, patch.rest)
    later = _Pages()
    render_into(later, renderer, rest, config.workers or 1, None)
    if shown is None:  # nothing is written until everything has rendered
        later.files.update(rendered.files)
    changed += patch_site(output, later.files, patch.removed)
    rendered.files.update(later.files)
    old = state.planned.manifest
    files = tuple(sorted((set(old.files) - set(patch.removed)) | set(rendered.files)))
    manifest = planned.manifest.changed(files=files, warnings=patch.warnings,
                       search_behind=bool(config.search) or old.search_behind)
    _save_current(cache, output, manifest)
    archive = planned.plan.archive
    return BuildReport(
        documents=len(archive.documents), agreements=len(archive.agreements), pages=len(planned.plan.pages),
        files=len(files), changed=changed, seconds=time.perf_counter() - started,
        warnings=patch.warnings, parsed=patch.parsed, rendered=len(first) + len(rest),
        removed=tuple(r for r in patch.removed if r not in rendered.files),
        notes=planned.plan.notes, search_behind=manifest.search_behind, patched=True,
    ), manifest
