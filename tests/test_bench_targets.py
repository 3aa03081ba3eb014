"""benchmarks/targets.py: issue 12's targets read from what bench.py stores, and the runs they need."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import targets  # a script's module, beside bench.py


def sample(wall: float, rss_mib: float = 100, ok: bool = True, background_mib: float = 0,
           cpu: float | None = None) -> dict[str, Any]:
    return {"wall": wall, "cpu": wall if cpu is None else cpu, "max_rss_kib": int(rss_mib * 1024),
            "exit_code": 0 if ok else 1,
            "timed_out": False, "tree_rss_kib": 0, "others_cpu": 0.0, "background": 0.0,
            "background_rss_kib": int(background_mib * 1024)}


def rebuild(steps: dict[str, list[dict[str, Any]]], commit: str = "abc1234") -> dict[str, Any]:
    return {"measured": "2026-12-07", "command": "bench.py --mode targets", "commit": commit, "steps": steps}


def row(table: str, name: str) -> list[str]:
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if cells[0] == name:
            return cells
    raise AssertionError(f"no row {name!r} in\n{table}")


@pytest.fixture
def store() -> dict[str, Any]:
    return {
        "rebuild": {
            "1000": {
                "mouarchive-shipped": rebuild({"cold": [sample(12.0), sample(10.0), sample(30.0, ok=False)],
                                               "title edited": [sample(0.3), sample(0.2)],
                                               "topics edited": [sample(0.6), sample(0.5)]}),
                "hugo+pagefind": rebuild({"cold": [sample(4.0), sample(6.0)]}),
            },
            "10000": {
                "mouarchive-shipped": rebuild({"cold": [sample(100.0, rss_mib=700, background_mib=1100)]}),
                "hugo+pagefind": rebuild({"cold": [sample(50.0)]}),
                "mouarchive": rebuild({"cold": [sample(40.0, cpu=70.0)], "unchanged": [sample(0.3)]}),
                "hugo": rebuild({"cold": [sample(10.0)]}),
            },
        },
        "serve": {"1000": {"mouarchive-shipped": {
            "measured": "2026-12-06", "commit": "def5678",
            "reloads": [{"edit": "title", "latency": 0.25}, {"edit": "topics", "latency": 0.31},
                        {"edit": "title again", "latency": 0.2}]}}},
        "cold": {"100000": {"mouarchive": {"measured": "2026-12-07", "commit": "abc1234",
                                           "command": "bench.py --mode targets",
                                           "samples": [sample(380.0, rss_mib=1900, cpu=630.0)]}}},
    }


def test_a_ratio_is_the_medians_of_good_runs_in_one_run(store: dict[str, Any]) -> None:
    table = targets.targets_table(store)
    # 11 s (12 and 10; the failed run left out) against the peer's 5 s (4 and 6)
    assert row(table, "as shipped, cold, 1k ÷ `hugo+pagefind`")[2:4] == [
        "2.20× (11.00 s vs 5.00 s, median of 2)", "**no**"]
    assert row(table, "edit loop, title edited, 1k ÷ `hugo+pagefind` cold")[2:4] == [
        "0.050× (0.25 s vs 5.00 s, median of 2)", "yes"]
    assert row(table, "edit loop, topics edited, 1k ÷ `hugo+pagefind` cold")[3] == "**no**"  # 0.11×
    assert row(table, "same work, unchanged rebuild, 10k ÷ Hugo cold")[2:4] == [
        "0.030× (0.30 s vs 10.00 s, one run)", "yes"]
    assert row(table, "as shipped, cold, 1k ÷ `hugo+pagefind`")[4] == "2026-12-07 at `abc1234`"


def test_memory_counts_the_work_left_to_a_fork(store: dict[str, Any]) -> None:
    cells = row(targets.targets_table(store), "as shipped, peak memory at 10k")
    assert cells[2:4] == ["1,100 MiB (one run)", "**no**"]


def test_serve_is_judged_by_its_slowest_edit(store: dict[str, Any]) -> None:
    table = targets.targets_table(store)
    cells = row(table, "serve, edited page reloaded, 1k")
    assert cells[2].startswith("310 ms, the slowest edit") and cells[3] == "**no**"
    assert cells[4] == "2026-12-06 at `def5678`"
    store["serve"]["1000"]["mouarchive-shipped"]["reloads"].append({"edit": "topics", "latency": None})
    cells = row(targets.targets_table(store), "serve, edited page reloaded, 1k")
    assert cells[2:4] == ["1 edit failed", "–"]


def test_scale_divides_by_the_ten_thousand_build(store: dict[str, Any]) -> None:
    table = targets.targets_table(store)
    assert row(table, "same work, 100k time ÷ 10k time")[2:4] == [
        "9.50× (380.00 s vs 40.00 s; CPU 9.00×)", "yes"]
    assert row(table, "same work, 100k, peak memory")[2:4] == ["1,900 MiB (one run)", "yes"]


def test_scale_divides_by_the_cold_modes_ten_thousand_build_of_the_same_run(
        store: dict[str, Any]) -> None:
    """`--mode cold --sizes 10000,100000` makes both builds in one run: the 10k one is the base,
    over the rebuild mode's cold step of another run; a cold-mode 10k build of another run is not."""
    store["cold"]["100000"]["mouarchive"]["command"] = "bench.py --mode cold"
    store["cold"]["10000"] = {"mouarchive": {"measured": "2026-12-07", "commit": "abc1234",
                                             "command": "bench.py --mode cold",
                                             "samples": [sample(50.0, cpu=90.0)]}}
    assert row(targets.targets_table(store), "same work, 100k time ÷ 10k time")[2:4] == [
        "7.60× (380.00 s vs 50.00 s; CPU 7.00×)", "yes"]
    store["cold"]["10000"]["mouarchive"]["measured"] = "2026-12-06"
    assert row(targets.targets_table(store), "same work, 100k time ÷ 10k time")[2:4] == [
        "not measured in one run (100,000 and 10,000 apart)", "–"]


def test_a_ratio_of_two_runs_is_judged_neither_way(store: dict[str, Any]) -> None:
    """A 100k build of today over a 10k build of another day, or a peer measured by another command,
    divides two hours' times: not a measurement of the target, whatever it comes to."""
    store["cold"]["100000"]["mouarchive"]["measured"] = "2026-12-08"
    store["rebuild"]["1000"]["hugo+pagefind"]["command"] = "bench.py --mode rebuild"
    table = targets.targets_table(store)
    assert row(table, "same work, 100k time ÷ 10k time")[2:4] == [
        "not measured in one run (100,000 and 10,000 apart)", "–"]
    assert row(table, "as shipped, cold, 1k ÷ `hugo+pagefind`")[2:4] == [
        "not measured in one run (mouarchive-shipped and hugo+pagefind apart)", "–"]
    assert row(table, "same work, 100k, peak memory")[3] == "yes"  # (no ratio: one build's own)


def test_what_was_not_measured_is_said_and_judged_neither_way() -> None:
    table = targets.targets_table({})
    assert len(table.splitlines()) == 2 + len(targets.TARGETS)
    assert all(row(table, t.name)[2:4] == ["not measured", "–"] for t in targets.TARGETS)


def test_the_runs_needed_are_read_from_the_targets() -> None:
    assert targets.runs_needed([1000]) == [("rebuild", 1000, ("mouarchive-shipped", "hugo+pagefind")),
                                           ("serve", 1000, ("mouarchive-shipped",))]
    runs = targets.runs_needed([1000, 10_000, 100_000])
    assert ("rebuild", 10_000, ("mouarchive-shipped", "hugo+pagefind", "mouarchive", "hugo")) in runs
    assert runs[-1] == ("cold", 100_000, ("mouarchive",))
    # the 100k target's own 10k build is made in the same run, though 10k was not asked for
    assert targets.runs_needed([100_000]) == [("rebuild", 10_000, ("mouarchive",)),
                                              ("cold", 100_000, ("mouarchive",))]
    assert targets.serve_limits() == {1000: 0.3, 10_000: 1.0}
