"""Shared fixtures: the --update-golden switch and tiny sites written into a test's tmp_path."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import settings

from mouarchive.build import check_site
from mouarchive.cache import BuildCache
from mouarchive.config import SiteConfig, load_config
from mouarchive.engine import Engine, _stored_state, changed_since
from mouarchive.errors import Problems
from mouarchive.report import BuildReport
from mouarchive.sources import source_digests

# The fixture sites live in mouarchive's own repository, whose commits would be their history (and
# change their golden output with every commit): git, and history.head_stamp, look no higher than
# tests/fixtures/, so they are built as sites outside a repository. test_history.py makes its own.
os.environ["GIT_CEILING_DIRECTORIES"] = os.pathsep.join(
    filter(None, [str(Path(__file__).parent / "fixtures"), os.environ.get("GIT_CEILING_DIRECTORIES")]))

# Property tests assert behaviour, never time (speed is measured in benchmarks/): Hypothesis's
# deadline of 200 ms an example made them timed tests, and one failed a clean clone's run when its
# first example took 253 ms (citeproc loading its style) and its retry 25 ms. Each test's own
# @settings still sets how many examples it tries.
settings.register_profile("mouarchive", deadline=None)
settings.load_profile("mouarchive")

# No build of the tests' leaves its engine warm for the next (warm.py): no process of theirs outlives
# them. tests/test_warm.py turns it on for its own builds.
os.environ["MOUARCHIVE_KEEP_WARM"] = "0"

# A vocabulary like the example site's, small enough to keep line numbers in mind.
PARTIES_YAML = """\
- id: hksar-gov
  name: Government of the Hong Kong Special Administrative Region
  names: {zh-Hant: 香港特別行政區政府}
  acronym: HKSARG
  aliases: [HKSAR Government]
  jurisdiction: HK
- id: itib
  name: Innovation, Technology and Industry Bureau
  acronym: ITIB
  former_names:
    - {name: Innovation and Technology Bureau, acronym: ITB, until: 2022-06-30}
  jurisdiction: HK
  parent: hksar-gov
- id: fsdc
  name: Financial Services Development Council
  acronym: FSDC
  jurisdiction: HK
- id: cac
  name: Cyberspace Administration of China
  acronym: CAC
  jurisdiction: CN
- id: miit
  name: Ministry of Industry and Information Technology
  acronym: MIIT
  jurisdiction: CN
- id: caict
  name: China Academy of Information and Communications Technology
  acronym: CAICT
  jurisdiction: CN
  parent: miit
"""

TOPICS_YAML = """\
- id: artificial-intelligence
  name: Artificial intelligence
  aliases: [AI]
- id: blockchain
  name: Blockchain
  aliases: [DLT]
- id: cross-border-data
  name: Cross-border data
  aliases: [cross-boundary data flow]
- id: fintech
  name: Fintech
"""


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", default=False,
        help="rewrite tests/golden/ from the current build instead of comparing with it",
    )


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


def write_site(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write a site under `root`: the given files (paths relative to the site), plus the default
    content/parties.yaml and content/topics.yaml unless `files` gives its own.

    The search index is off unless the site's mouarchive.toml mentions `search`: Pagefind takes a
    while and is not what these tests are about.
    """
    defaults = {"content/parties.yaml": PARTIES_YAML, "content/topics.yaml": TOPICS_YAML}
    files = dict(files)
    toml = files.get("mouarchive.toml", "")
    if isinstance(toml, str) and "search" not in toml:
        files["mouarchive.toml"] = "search = false\n" + toml
    for rel, data in {**defaults, **files}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
    return root


@pytest.fixture
def make_site(tmp_path: Path) -> Callable[..., Path]:
    """`make_site({"content/2023/a.md": "---\\n..."})` writes a tiny site and returns its root."""
    def make(files: dict[str, str | bytes] | None = None, name: str = "mysite") -> Path:
        return write_site(tmp_path / name, files or {})
    return make


@pytest.fixture
def check_files(make_site: Callable[..., Path]) -> Callable[..., list[str]]:
    """Write a tiny site and return every problem `mouarchive check` finds, formatted, in order."""
    def check(files: dict[str, str | bytes]) -> list[str]:
        _archive, _pages, problems = check_site(load_config(make_site(files)))
        return formatted(problems)
    return check


def formatted(problems: Problems) -> list[str]:
    return [p.format() for p in problems.items]


def settled(root: Path, output: str = "site") -> None:
    """Wait for what `mouarchive build` left running after it answered (the engine's State saved,
    the first spare copied), which holds the build lock: before a test deletes or spoils the
    cache, as a script should."""
    with BuildCache(root / output).lock():
        pass


def patched_with_edits(config: SiteConfig, ready: bool = False) -> tuple[Engine, BuildReport]:
    """The site built for `config` patched after an edit as the warm engine patches it (warm._answer):
    from the State the last build left, its index given an edits part where the edit allows, and
    not yet caught up. `ready`: with a Pagefind started ahead (Engine.keep_pagefind_ready), which
    the edits part is then indexed by; the caller closes the engine."""
    cache = BuildCache(config.output)
    sources = source_digests(config.content, config.content_dir)
    with cache.lock():
        engine = Engine(config)
        engine.state, engine.pieces = _stored_state(config, cache, False, sources)
        assert engine.state is not None, "no State of the last build to patch"
        started = None
        if ready:
            engine.keep_pagefind_ready()
            assert engine.ready is not None
            ((_language, started),) = engine.ready.waiting
        report = engine.patch(changed_since(config, engine.state, sources), swap=True, cache=cache,
                              edits=True)
        assert report is not None and report.patched
        engine.refill_pagefind()  # (warm._answer starts the next once it has answered)
    if started is not None and report.search_behind:  # it indexed the edits part; another waits
        assert engine.ready is not None and [s for _, s in engine.ready.waiting] != [started]
        assert len(engine.ready.waiting) == 1
        started.process.wait(timeout=10)  # told to stop once used (its exit is not waited for)
    return engine, report
