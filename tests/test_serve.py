"""`mouarchive serve`, for real: a server process, a file edited under it, the page changing."""

from __future__ import annotations

import contextlib
import http.server
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from mouarchive.serve import BuildState, make_handler

DOCUMENT = """---
title: {title}
kind: news
published: 2024-03-02
agreement:
  id: fsdc-caict-2024
  parties: [FSDC, CAICT]
---
The first paragraph.
"""
PAGE = "documents/2024/release/"


def fetch(url: str) -> tuple[int, dict[str, str], str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, dict(response.headers), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode("utf-8")


def wait_for(check: Callable[[], bool], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.2)
    raise AssertionError("timed out waiting")


def serve(make_site: Callable[..., Path], *flags: str, toml: str = "",
          ended: Callable[[subprocess.Popen[str], Path], None] | None = None) -> Iterator[tuple[Path, str]]:
    """Run serve on a new site until the test is done; `ended`, told the process and its temporary
    directory, checks what it left once terminated."""
    site = make_site({"content/2024/release.md": DOCUMENT.format(title="The first title"),
                      "mouarchive.toml": toml})
    temporary = site.parent / "tmp"
    temporary.mkdir()
    process = subprocess.Popen(
        [sys.executable, "-m", "mouarchive", "serve", "--site", str(site), "--port", "0", *flags],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "TMPDIR": str(temporary)})
    try:
        address = ""
        assert process.stdout is not None
        for line in process.stdout:  # the first build, then the address
            found = re.search(r"serving (http://127\.0\.0\.1:\d+/)", line)
            if found:
                address = found.group(1)
                break
        assert address, "the server did not say where it serves"
        yield site, address
    finally:
        process.terminate()
        process.wait(timeout=10)
    if ended is not None:
        ended(process, temporary)


@pytest.fixture
def served(make_site: Callable[..., Path]) -> Iterator[tuple[Path, str]]:
    yield from serve(make_site, "--no-search")


@pytest.fixture
def served_with_search(make_site: Callable[..., Path]) -> Iterator[tuple[Path, str]]:
    yield from serve(make_site, toml="search = true\n")


def save(path: Path, text: str) -> None:
    """Save as an editor that writes a new file and renames it does: serve sees the edit once. (A
    file truncated and then written can be seen in between on a loaded machine, 10 ms apart: serve
    then builds the empty file, says so, and builds again: a loaded run of the suite saw that once,
    two sites where the test below counts one.)"""
    new = path.with_name(path.name + ".saving")
    new.write_text(text)
    new.replace(path)


def state(address: str) -> dict[str, object]:
    return json.loads(fetch(address + "__mouarchive/state")[2])


def test_an_edit_shows_on_the_served_page(served: tuple[Path, str]) -> None:
    site, address = served
    status, headers, page = fetch(address + PAGE)
    assert status == 200 and "The first title" in page
    assert "default-src 'self'" in headers["Content-Security-Policy"]
    assert '<script src="/__mouarchive/reload.js"></script>' in page  # reloads open pages
    first = state(address)["generation"]
    (site / "content/2024/release.md").write_text(DOCUMENT.format(title="A corrected title"))
    wait_for(lambda: "A corrected title" in fetch(address + PAGE)[2])
    assert state(address)["generation"] != first
    assert not (site / "site").exists()  # serve builds elsewhere: the site's own output is untouched


def test_a_terminated_server_removes_its_site(make_site: Callable[..., Path]) -> None:
    """`kill` (SIGTERM) stops serve as Ctrl-C does: the site it built in a temporary directory goes
    with it, where each run had left one in /tmp."""
    seen: list[str] = []

    def ended(process: subprocess.Popen[str], temporary: Path) -> None:
        assert process.returncode == 130  # as interrupted
        assert not any(temporary.glob("mouarchive-serve-*"))

    for _site, address in serve(make_site, "--no-search", ended=ended):
        assert fetch(address + PAGE)[0] == 200
        seen = [path.name for path in (_site.parent / "tmp").glob("mouarchive-serve-*/site")]
    assert seen == ["site"]  # (it was there while serving)


def test_a_broken_edit_keeps_the_last_good_site_and_says_why(served: tuple[Path, str]) -> None:
    site, address = served
    broken = "---\ntitle: Broken\nkind: news\npublished: 2024-02-30\n---\n"
    (site / "content/2024/release.md").write_text(broken)
    wait_for(lambda: state(address)["ok"] is False)
    problems = str(state(address)["problems"])
    assert "content/2024/release.md:4: published: '2024-02-30' is not a real date" in problems
    status, _headers, page = fetch(address + PAGE)
    assert status == 200 and "The first title" in page  # the last good site is still served
    reload_script = fetch(address + "__mouarchive/reload.js")[2]
    assert "mouarchive-overlay" in reload_script  # the page shows the problems over itself
    (site / "content/2024/release.md").write_text(DOCUMENT.format(title="Fixed again"))
    wait_for(lambda: state(address)["ok"] is True and "Fixed again" in fetch(address + PAGE)[2])


def test_a_missing_page_is_the_sites_404(served: tuple[Path, str]) -> None:
    _site, address = served
    status, _headers, page = fetch(address + "no/such/page/")
    assert status == 404 and "Page not found" in page


def test_the_page_reloads_once_and_search_catches_up_after(served_with_search: tuple[Path, str]) -> None:
    site, address = served_with_search
    entry = address + "pagefind/1-of-1/pagefind-entry.json"
    indexed = fetch(entry)[2]
    first = state(address)
    assert first["search_behind"] is False and '"page_count":2' in indexed  # an agreement, a document
    save(site / "content/2024/release.md", DOCUMENT.format(title="A searchable title"))
    wait_for(lambda: "A searchable title" in fetch(address + PAGE)[2])
    wait_for(lambda: state(address)["search_behind"] is False and fetch(entry)[2] != indexed)
    # One new site for open pages to reload; the index catching up changed no page.
    assert state(address)["generation"] == int(str(first["generation"])) + 1


@pytest.fixture
def stream_server(tmp_path: Path) -> Iterator[tuple[BuildState, str]]:
    """The serve handler in a server of this process, over an empty site: its event streams."""
    state = BuildState()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), make_handler(tmp_path, state))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield state, f"http://127.0.0.1:{server.server_address[1]}/__mouarchive/events"
    finally:
        server.shutdown()
        server.server_close()


def test_the_rest_of_an_edit_waits_until_the_open_page_has_reloaded(
        stream_server: tuple[BuildState, str]) -> None:
    state, events = stream_server
    with contextlib.ExitStack() as streams:
        streams.enter_context(urllib.request.urlopen(events, timeout=5))  # an open page
        wait_for(lambda: state.streams == 1, 5)
        state.publish(True, "")
        waiting = threading.Thread(target=state.wait_for_reloads, args=(60,))
        waiting.start()
        time.sleep(0.3)
        assert waiting.is_alive()  # the page has not reloaded yet
        streams.enter_context(urllib.request.urlopen(events, timeout=5))  # reloaded, it listens again
        waiting.join(5)
        assert not waiting.is_alive()


def test_with_no_page_open_or_none_reloading_the_rest_of_an_edit_goes_on(
        stream_server: tuple[BuildState, str]) -> None:
    state, events = stream_server
    state.publish(True, "")
    started = time.monotonic()
    state.wait_for_reloads(60)  # no page was open: nothing to wait for
    assert time.monotonic() - started < 5
    with urllib.request.urlopen(events, timeout=5):  # a page that never reloads (a stalled tab)
        wait_for(lambda: state.streams == 1, 5)
        state.publish(True, "")
        started = time.monotonic()
        state.wait_for_reloads(0.5)
        assert 0.5 <= time.monotonic() - started < 5  # it waited, then went on


def test_a_second_edit_soon_after_the_first_waits_only_for_the_page_to_reload(
        stream_server: tuple[BuildState, str]) -> None:
    state, events = stream_server
    with contextlib.ExitStack() as pages:
        first = pages.enter_context(urllib.request.urlopen(events, timeout=5))
        wait_for(lambda: state.streams == 1, 5)
        state.publish(True, "")
        pages.enter_context(urllib.request.urlopen(events, timeout=5))  # the page, reloaded
        state.wait_for_reloads(5)
        # Its first stream is closed by the browser, but the server counts it until a write fails.
        first.close()
        assert state.streams == 2
        state.publish(True, "")  # the second edit
        waiting = threading.Thread(target=state.wait_for_reloads, args=(60,))
        waiting.start()
        pages.enter_context(urllib.request.urlopen(events, timeout=5))  # the page, reloaded again
        waiting.join(5)
        assert not waiting.is_alive()
