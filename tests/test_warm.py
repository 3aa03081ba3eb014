"""`keep_warm`: the engine of the last `mouarchive build` stays in memory and makes the next build of
the same site, which must be the site a clean build makes; and it steps aside (and leaves) whenever
it could not patch what it holds. Each build is a process of its own, as a user runs it."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from conftest import settled
from test_incremental import clean_serial_build, document, make_site, snapshot

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the warm engine is a forked process")

WARM = "by the engine kept warm"


def mouarchive(root: Path, *args: str, keep_warm: int = 60, now: str = "", code: int = 0) -> str:
    env = {**os.environ, "MOUARCHIVE_KEEP_WARM": str(keep_warm), "MOUARCHIVE_NOW": now}
    done = subprocess.run([sys.executable, "-m", "mouarchive", "build", "--site", str(root), *args],
                          capture_output=True, text=True, env=env, timeout=300, check=False)
    assert done.returncode == code, done.stdout + done.stderr
    return done.stdout + done.stderr


def sock(root: Path) -> Path:
    return root / ".site.cache" / "warm.sock"


def warm_engine(root: Path, timeout: float = 60) -> int:
    """The socket's inode, once the engine listens on it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if sock(root).exists():
            return sock(root).stat().st_ino
        time.sleep(0.05)
    raise AssertionError("no engine kept warm")


def gone(path: Path, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not path.exists():
            return True
        time.sleep(0.1)
    return False


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Path]:
    root = make_site(tmp_path / "root", count=60)
    (root / "templates").mkdir()
    yield root
    settled(root)  # the last build's State kept: its engine listens now, or never will
    shutil.rmtree(root / ".site.cache")  # and it leaves, its socket gone (warm.stay_warm)


def test_the_warm_engine_builds_each_edit_as_a_clean_build_would(site: Path, tmp_path: Path) -> None:
    assert WARM not in mouarchive(site)
    first = warm_engine(site)
    assert stat.S_IMODE(sock(site).stat().st_mode) == 0o600  # pickle: this user's alone
    edits = [("doc-0005.md", document(5, body="A body edited. " * 20)),
             ("doc-0012.md", document(12, topics="t1, t4")),
             ("doc-0061.md", document(61)),  # a new document
             ("doc-0007.md", None)]  # one removed
    for name, text in edits:
        path = site / "content" / name
        if text is None:
            path.unlink()
        else:
            path.write_text(text)
        out = mouarchive(site)
        assert WARM in out, out
        assert sock(site).stat().st_ino == first  # the same engine, still warm
        assert snapshot(site / "site") == clean_serial_build(site, tmp_path)
    # A build with nothing to do is answered by the engine, which stays for the next edit.
    assert "is up to date" in mouarchive(site)
    assert sock(site).stat().st_ino == first
    (site / "content" / "doc-0009.md").write_text(document(9, body="Edited after nothing changed. " * 9))
    assert WARM in mouarchive(site)
    assert snapshot(site / "site") == clean_serial_build(site, tmp_path)


def test_it_sees_files_put_into_the_site_by_hand_and_pages_deleted_from_it(
        site: Path, tmp_path: Path) -> None:
    # The engine kept warm has the directories of the spare and of the current site checked by a
    # helper process beside its patch (listing_ahead.py): what it finds must be what is there.
    # A second passes between builds, so that the directories' times are trusted (write.RACY_NS).
    mouarchive(site)
    warm_engine(site)
    page = site / "site" / "agreements/a-5/index.html"
    for n in range(1, 5):
        time.sleep(1.1)
        if n == 1:
            (site / "site" / "CNAME").write_text("archive.example.org")
            page.unlink()  # the site it is deleted from is the spare of the build after next
        (site / "content" / f"doc-{n:04d}.md").write_text(document(n, body=f"Edit {n}. " * 9))
        out = mouarchive(site)
        assert WARM in out, out
        assert "that no build wrote: CNAME" in out, (n, out)
        assert page.is_file(), n  # made again where it was missing, and kept after
    built = snapshot(site / "site")
    assert built.pop("CNAME")
    assert built == clean_serial_build(site, tmp_path)


def test_it_steps_aside_for_what_it_cannot_patch_and_a_new_one_takes_over(site: Path, tmp_path: Path) -> None:
    mouarchive(site)
    first = warm_engine(site)
    (site / "templates" / "extra.html").write_text("<p>a template the site does not use</p>\n")
    (site / "content" / "doc-0003.md").write_text(document(3, body="Edited with the template. " * 9))
    out = mouarchive(site)
    assert WARM not in out and "built" in out  # built by the command itself, in full
    assert snapshot(site / "site") == clean_serial_build(site, tmp_path)
    assert warm_engine(site) != first  # the new build's engine listens now
    (site / "content" / "doc-0004.md").write_text(document(4, body="Edited after. " * 9))
    assert WARM in mouarchive(site)
    assert snapshot(site / "site") == clean_serial_build(site, tmp_path)


def test_a_build_of_other_settings_is_not_the_warm_engines(site: Path) -> None:
    mouarchive(site)
    warm_engine(site)
    (site / "content" / "doc-0003.md").write_text(document(3, body="Edited. " * 9))
    out = mouarchive(site, "--base-url", "https://example.net/")
    assert WARM not in out  # another base URL: a full build of the command's own


def test_settings_given_on_the_command_line_are_asked_for_too(tmp_path: Path) -> None:
    """`--output DIR --base-url URL` (a deploy script's build, and bench.py's): the engine the
    last such build left makes the next one, and the site is a clean build's."""
    root = make_site(tmp_path / "root", count=40)
    output = tmp_path / "elsewhere" / "public"
    given = ("--output", str(output), "--base-url", "https://example.net/")
    mouarchive(root, *given)
    socket_at = tmp_path / "elsewhere" / ".public.cache" / "warm.sock"
    deadline = time.monotonic() + 60
    while not socket_at.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    (root / "content" / "doc-0003.md").write_text(document(3, body="Edited. " * 9))
    assert WARM in mouarchive(root, *given)
    assert WARM not in mouarchive(root, "--output", str(output))  # another base URL: its own
    settled(output.parent, output.name)
    shutil.rmtree(socket_at.parent)  # and its engine leaves


def test_it_leaves_when_it_has_waited_long_enough_and_when_forced_builds_replace_it(site: Path) -> None:
    mouarchive(site, keep_warm=1)
    warm_engine(site)
    assert gone(sock(site)), "the engine outstayed its keep_warm"
    mouarchive(site, "--force", keep_warm=0)
    (site / "content" / "doc-0003.md").write_text(document(3, body="Edited. " * 9))
    assert WARM not in mouarchive(site, keep_warm=0)
    assert not sock(site).exists()


def test_the_moment_and_the_settings_are_the_commands_not_the_engines(site: Path, tmp_path: Path) -> None:
    """The engine reads the settings and MOUARCHIVE_NOW as the command that asks has them (it was
    started by an earlier build, with that build's): an embargo that has ended since, or a setting
    changed, is not answered as up to date nor built with the engine's."""
    (site / "content" / "doc-0005.md").write_text(document(5, extra="embargo: 2030-01-01T00:00:00+00:00\n"))
    mouarchive(site, now="2029-12-31T23:00:00+00:00")
    warm_engine(site)
    assert not any("Document 5<" in p.read_text() for p in (site / "site").rglob("*.html"))
    mouarchive(site, now="2030-01-01T01:00:00+00:00")  # the embargo has ended
    after = datetime(2030, 1, 1, 1, tzinfo=UTC)
    assert snapshot(site / "site") == clean_serial_build(site, tmp_path, now=after)
    warm_engine(site)
    config = site / "mouarchive.toml"
    config.write_text(config.read_text().replace('title = "Incremental"', 'title = "Renamed"'))
    (site / "content" / "doc-0004.md").write_text(document(4, body="Edited with the title. " * 9))
    assert WARM not in mouarchive(site, now="2030-01-01T02:00:00+00:00")
    assert snapshot(site / "site") == clean_serial_build(site, tmp_path, now=after)


def test_warnings_are_said_as_the_command_says_them_and_strict_fails(site: Path) -> None:
    mouarchive(site)
    warm_engine(site)
    # Two documents about one agreement that disagree on when it was signed: a warning.
    (site / "content" / "doc-0007.md").write_text(
        document(7).replace("agreement: a-6", "agreement:\n  id: a-6\n  signed: 2001-01-01"))
    out = mouarchive(site)
    assert WARM in out and "warning:" in out and "documents disagree" in out, out
    strict = mouarchive(site, "--strict", code=1)
    assert "warning:" in strict and "built" not in strict


def test_asking_the_warm_engine_imports_neither_the_settings_nor_the_model() -> None:
    """What `mouarchive build` imports before it asks (warm_client.py): reading and checking the
    settings, the model, rich and the template engine are for a build of the command's own."""
    probe = "import sys, mouarchive.cli; print(' '.join(sorted(sys.modules)))"
    loaded = set(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                                check=True).stdout.split())
    heavy = {"mouarchive.config", "mouarchive.cache", "mouarchive.model", "mouarchive.errors",
             "mouarchive.report", "rich", "jinja2", "yaml", "dataclasses"}
    assert not loaded & heavy, loaded & heavy


def test_a_plain_build_asks_before_the_command_line_is_read() -> None:
    """`mouarchive build` with the options a warm engine answers (launch.py) imports neither the
    command line's parser nor pathlib, tomllib, socket's Python module or typing before it asks:
    Python's start and those were most of the command's own time."""
    probe = ("import sys, mouarchive.launch, mouarchive.warm_client as w; "
             "w.quick_request(['--site', '.', '--output=out', '--strict']); "
             "print(' '.join(sorted(sys.modules)))")
    loaded = set(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                                check=True).stdout.split())
    heavy = {"argparse", "pathlib", "tomllib", "socket", "typing", "datetime", "re", "mouarchive.cli"}
    assert not loaded & heavy, loaded & heavy


TOKENS = ["--site", "here", "--site=there", "--output", "out", "--output=elsewhere", "--base-url",
          "https://example.net/", "--base-url=https://example.org/", "--drafts", "--strict", "--no-search",
          "--force", "-h", "--sit", "--drafts=1", "--site=", "positional", "--output"]


@given(st.lists(st.sampled_from(TOKENS), max_size=7))
def test_the_build_the_launcher_asks_for_is_the_command_lines(arguments: list[str]) -> None:
    """warm_client.quick_request reads a build's options without argparse: wherever it reads them,
    it reads them as cli.py's parser does, and it leaves the rest (--force, an abbreviation, a
    mistake) to that parser."""
    from mouarchive import cli, warm_client

    quick = warm_client.quick_request(arguments)
    if quick is None:
        return
    assert "--force" not in arguments
    args = cli.make_parser().parse_args(["build", *arguments])
    assert quick == (args.site, cli._overrides(args), args.drafts, args.strict)
