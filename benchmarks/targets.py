"""Issue 12's targets, each declared once, and where each stands.

Each target names the measurement it is read from; bench.py's `--mode targets` runs exactly the
measurements the targets name (`runs_needed`), and `targets_table` reads each target's latest value
from what bench.py stored in results.json. Nothing here builds or times anything.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

Store = dict[str, Any]  # results.json, as bench.py writes it

SHIPPED = "mouarchive-shipped"  # the repository's mouarchive.toml: two interface languages, search
SAME_WORK = "mouarchive"  # one language, --no-search: what Hugo does
# The peer each mouarchive row is divided by: the same work, one language and no index, against
# Hugo; as shipped against Hugo followed by Pagefind.
PEER_OF = {SAME_WORK: "hugo", SHIPPED: "hugo+pagefind"}


@dataclass(frozen=True)
class Reading:
    """A target's latest value, how it was made up, and which stored measurement it came from."""

    value: float | None  # None: not measured (or failed)
    shown: str
    entries: tuple[dict[str, Any], ...] = ()  # the results.json entries read (their date and command)


@dataclass(frozen=True)
class StepRatio:
    """A tool's median wall time for one step of bench.py's rebuild mode (its cold build, or a build
    after an edit) ÷ the median of its peer's cold build (PEER_OF) in the same run."""

    size: int
    tool: str
    step: str

    @property
    def peer(self) -> str:
        return PEER_OF[self.tool]

    def needs(self) -> Iterable[tuple[str, int, str]]:
        return (("rebuild", self.size, self.tool), ("rebuild", self.size, self.peer))

    def read(self, store: Store) -> Reading:
        mine_entry = _rebuild_entry(store, self.size, self.tool)
        peer_entry = _rebuild_entry(store, self.size, self.peer)
        walls = _walls(mine_entry, self.step)
        mine, theirs = _median(walls), _median(_walls(peer_entry, "cold"))
        if mine is None or theirs is None:
            return Reading(None, "not measured")
        if not _one_run(mine_entry, peer_entry):
            return Reading(None, f"not measured in one run ({self.tool} and {self.peer} apart)",
                           (mine_entry, peer_entry))
        return Reading(mine / theirs, f"{_ratio(mine / theirs)} ({_seconds(mine)} vs {_seconds(theirs)}, "
                       f"{_runs(len(walls))})", (mine_entry, peer_entry))


@dataclass(frozen=True)
class PeakMemory:
    """The peak memory (MiB) of a tool's cold build, every process of the build summed, and the
    work the build leaves to a fork after it answers: the cold step of bench.py's rebuild mode, or
    its cold mode."""

    size: int
    tool: str
    mode: str = "rebuild"

    def needs(self) -> Iterable[tuple[str, int, str]]:
        return ((self.mode, self.size, self.tool),)

    def read(self, store: Store) -> Reading:
        entry, samples = _cold_builds(store, self.mode, self.size, self.tool)
        peaks = [_peak_mib(s) for s in samples]
        if not peaks:
            return Reading(None, "not measured")
        peak = statistics.median(peaks)
        return Reading(peak, f"{peak:,.0f} MiB ({_runs(len(peaks))})", (entry,))


@dataclass(frozen=True)
class ServeLatency:
    """The slowest of the per-edit medians (title, topics, title again) from an edit's write until
    Chromium showed the edited page, under `mouarchive serve` (bench.py's serve mode)."""

    size: int
    tool: str

    def needs(self) -> Iterable[tuple[str, int, str]]:
        return (("serve", self.size, self.tool),)

    def read(self, store: Store) -> Reading:
        entry = store.get("serve", {}).get(str(self.size), {}).get(self.tool, {})
        by_edit: dict[str, list[float]] = {}
        for reload in entry.get("reloads", []):
            if reload.get("latency") is not None:
                by_edit.setdefault(reload["edit"], []).append(reload["latency"])
        failed = sum(1 for r in entry.get("reloads", []) if r.get("latency") is None)
        if not by_edit or failed:
            shown = f"{failed} edit{'s' if failed > 1 else ''} failed" if failed else "not measured"
            return Reading(None, shown, (entry,) if entry else ())
        medians = {edit: statistics.median(values) for edit, values in by_edit.items()}
        slowest = max(medians.values())
        return Reading(slowest, f"{slowest * 1000:.0f} ms, the slowest edit ("
                       + ", ".join(f"{edit} {value * 1000:.0f} ms" for edit, value in medians.items()) + ")",
                       (entry,))


@dataclass(frozen=True)
class ScaleTime:
    """A tool's cold build at `size` (bench.py's cold mode) ÷ its cold build at `base` in the same
    run: time should grow no worse than linearly. The base is the cold mode's build where that run
    made one (`--mode cold --sizes 10000,100000`), else the rebuild mode's cold step (as the
    targets mode makes it)."""

    size: int
    base: int
    tool: str

    def needs(self) -> Iterable[tuple[str, int, str]]:
        return (("cold", self.size, self.tool), ("rebuild", self.base, self.tool))

    def read(self, store: Store) -> Reading:
        entry, samples = _cold_builds(store, "cold", self.size, self.tool)
        base_entry, base_samples = _cold_builds(store, "cold", self.base, self.tool)
        if not (base_samples and _one_run(entry, base_entry)):
            base_entry, base_samples = _cold_builds(store, "rebuild", self.base, self.tool)
        big, small = _median([s["wall"] for s in samples]), _median([s["wall"] for s in base_samples])
        if big is None or small is None:
            return Reading(None, "not measured")
        if not _one_run(entry, base_entry):
            return Reading(None, f"not measured in one run ({self.size:,} and {self.base:,} apart)",
                           (entry, base_entry))
        # The CPU time's ratio beside the wall's: the work may grow linearly while the wall grows
        # more, where stages that keep one core busy take a larger share at the larger size.
        cpu = _median([s["cpu"] for s in samples]), _median([s["cpu"] for s in base_samples])
        of_cpu = f"; CPU {_ratio(cpu[0] / cpu[1])}" if cpu[0] and cpu[1] else ""
        return Reading(big / small, f"{_ratio(big / small)} ({_seconds(big)} vs {_seconds(small)}{of_cpu})",
                       (entry, base_entry))


Measure = StepRatio | PeakMemory | ServeLatency | ScaleTime


@dataclass(frozen=True)
class Target:
    name: str
    wanted: str  # as the issue states it
    limit: float  # in the measure's unit: a ratio, MiB or seconds
    measure: Measure


TARGETS = (
    Target("as shipped, cold, 1k ÷ `hugo+pagefind`", "≤ 1.0×", 1.0,
           StepRatio(1_000, SHIPPED, "cold")),
    Target("as shipped, cold, 10k ÷ `hugo+pagefind`", "≤ 1.0×", 1.0,
           StepRatio(10_000, SHIPPED, "cold")),
    Target("as shipped, peak memory at 10k", "≤ 1 GiB", 1024, PeakMemory(10_000, SHIPPED)),
    Target("edit loop, title edited, 1k ÷ `hugo+pagefind` cold", "≤ 0.1×", 0.1,
           StepRatio(1_000, SHIPPED, "title edited")),
    Target("edit loop, topics edited, 1k ÷ `hugo+pagefind` cold", "≤ 0.1×", 0.1,
           StepRatio(1_000, SHIPPED, "topics edited")),
    Target("edit loop, title edited, 10k ÷ `hugo+pagefind` cold", "≤ 0.1×", 0.1,
           StepRatio(10_000, SHIPPED, "title edited")),
    Target("edit loop, topics edited, 10k ÷ `hugo+pagefind` cold", "≤ 0.1×", 0.1,
           StepRatio(10_000, SHIPPED, "topics edited")),
    Target("serve, edited page reloaded, 1k", "≤ 300 ms", 0.3, ServeLatency(1_000, SHIPPED)),
    Target("serve, edited page reloaded, 10k", "≤ 1 s", 1.0, ServeLatency(10_000, SHIPPED)),
    Target("same work, cold, 10k ÷ Hugo", "≤ 1.0× (aim 0.7×)", 1.0,
           StepRatio(10_000, SAME_WORK, "cold")),
    Target("same work, unchanged rebuild, 10k ÷ Hugo cold", "≤ 0.05×", 0.05,
           StepRatio(10_000, SAME_WORK, "unchanged")),
    Target("same work, 100k, peak memory", "< 2 GiB", 2048, PeakMemory(100_000, SAME_WORK, "cold")),
    Target("same work, 100k time ÷ 10k time", "≤ 10×", 10.0, ScaleTime(100_000, 10_000, SAME_WORK)),
)


def serve_limits() -> dict[int, float]:
    """Seconds allowed from an edit's write to the reloaded page, per corpus size."""
    return {t.measure.size: t.limit for t in TARGETS if isinstance(t.measure, ServeLatency)}


def runs_needed(sizes: Iterable[int]) -> list[tuple[str, int, tuple[str, ...]]]:
    """The measurements the targets read, at these sizes: (mode, size, tools), smallest size first,
    each mode's tools in the order the targets name them."""
    wanted = set(sizes)
    grouped: dict[tuple[str, int], list[str]] = {}
    # (every measurement a target at a wanted size reads, whatever its size: the 100k target's
    # 10k build is made in the same run as the 100k one)
    for target in TARGETS:
        if target.measure.size not in wanted:
            continue
        for mode, size, tool in target.measure.needs():
            tools = grouped.setdefault((mode, size), [])
            if tool not in tools:
                tools.append(tool)
    order = {"rebuild": 0, "serve": 1, "cold": 2}
    return [(mode, size, tuple(tools))
            for (mode, size), tools in sorted(grouped.items(), key=lambda kv: (kv[0][1], order[kv[0][0]]))]


def targets_table(store: Store) -> str:
    """Each target, its latest value in the store, and whether it is met, in Markdown."""
    lines = ["| target | wanted | latest | met? | measured |", "|---|---|---|---|---|"]
    for target in TARGETS:
        reading = target.measure.read(store)
        met = "–" if reading.value is None else "yes" if reading.value <= target.limit else "**no**"
        lines.append(f"| {target.name} | {target.wanted} | {reading.shown} | {met} | {_measured(reading)} |")
    return "\n".join(lines) + "\n"


def _measured(reading: Reading) -> str:
    seen = dict.fromkeys(f"{entry.get('measured', '?')} at `{entry.get('commit') or '?'}`"
                         for entry in reading.entries if entry)
    return "; ".join(seen)


def _one_run(*entries: dict[str, Any]) -> bool:
    """Whether the entries were measured by one bench.py run, the same command on the same day and
    code, as bench.py's own tables pair them: a ratio of two runs divides two hours' (or two
    machines') times, which differ by more than the code does."""
    return len({(e.get("command"), e.get("measured"), e.get("commit")) for e in entries}) == 1


def _rebuild_entry(store: Store, size: int, tool: str) -> dict[str, Any]:
    return store.get("rebuild", {}).get(str(size), {}).get(tool, {})


def _cold_builds(store: Store, mode: str, size: int,
                 tool: str) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """A tool's stored entry at a size in `mode` ("cold" or "rebuild"), and its good cold builds."""
    entry = store.get(mode, {}).get(str(size), {}).get(tool, {})
    samples = entry.get("samples", []) if mode == "cold" else entry.get("steps", {}).get("cold", [])
    return entry, _good(samples)


def _good(samples: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [s for s in samples if s.get("exit_code") == 0 and not s.get("timed_out")]


def _walls(entry: dict[str, Any], step: str) -> list[float]:
    return [s["wall"] for s in _good(entry.get("steps", {}).get(step, []))]


def _peak_mib(sample: dict[str, Any]) -> float:
    kib = max(sample.get("max_rss_kib", 0), sample.get("tree_rss_kib", 0),
              sample.get("background_rss_kib", 0))
    return kib / 1024


def _median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def _ratio(value: float) -> str:
    return f"{value:.2f}×" if value >= 0.1 else f"{value:.3f}×"


def _seconds(value: float) -> str:
    return f"{value:.2f} s"


def _runs(count: int) -> str:
    return "one run" if count == 1 else f"median of {count}"
