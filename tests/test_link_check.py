"""`mouarchive check --external`: the cited addresses asked politely, never the internet in tests:
every server here is a local http.server on 127.0.0.1."""

from __future__ import annotations

import http.server
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from mouarchive.cli import main
from mouarchive.link_check import USER_AGENT, Citation, check_urls, report


class Recorder:
    """What the servers saw: each request's method, path and User-Agent, and the most requests
    that were in progress at once."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.requests: list[tuple[str, str, str]] = []
        self.busy = 0
        self.most_busy = 0


def handler(recorder: Recorder, hold: float) -> type[http.server.BaseHTTPRequestHandler]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _answer(self) -> None:
            with recorder.lock:
                recorder.requests.append((self.command, self.path, self.headers.get("User-Agent", "")))
                recorder.busy += 1
                recorder.most_busy = max(recorder.most_busy, recorder.busy)
            time.sleep(hold)  # so that requests to several servers overlap
            if self.path == "/slow":
                time.sleep(2)
            code = {"/ok": 200, "/gone": 404, "/moved": 301, "/slow": 200, "/error": 500}.get(
                self.path, 200 if self.command == "GET" and self.path == "/no-head" else 405)
            # No longer in progress before the answer goes out: once the client has it, it may ask
            # the next host at once, before this thread would get round to counting it done.
            with recorder.lock:
                recorder.busy -= 1
            self.send_response(code)
            if code == 301:
                self.send_header("Location", "/ok")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def do_HEAD(self) -> None:
            self._answer()

        def do_GET(self) -> None:
            self._answer()

    return Handler


@contextmanager
def servers(count: int, hold: float = 0.0) -> Iterator[tuple[list[str], Recorder]]:
    """`count` local servers (each its own host:port, so its own 'host'), and what they saw."""
    recorder = Recorder()
    running = []
    for _ in range(count):
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler(recorder, hold))
        server.daemon_threads = True  # a request that was given up on is not waited for
        server.block_on_close = False
        threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True).start()
        running.append(server)
    try:
        yield [f"http://127.0.0.1:{s.server_address[1]}" for s in running], recorder
    finally:
        for server in running:
            server.shutdown()
            server.server_close()


@pytest.fixture(autouse=True)
def no_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A proxy from the environment must not see (or answer for) the local servers."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)


def test_each_address_is_asked_head_then_get_and_answers_are_reported() -> None:
    waits: list[float] = []
    with servers(1) as ([base], recorder):
        urls = [f"{base}/ok", f"{base}/gone", f"{base}/no-head", f"{base}/moved", f"{base}/error",
                f"{base}/slow", f"{base}/ok"]
        answers = check_urls(urls, delay=0.25, timeout=0.5, sleep=waits.append)
    assert {url.rsplit("/", 1)[1]: a.problem for url, a in answers.items()} == {
        "ok": "", "gone": "answered 404 Not Found", "no-head": "", "moved": "",
        "error": "answered 500 Internal Server Error", "slow": "did not answer within 0.5 s"}
    seen = [(method, path) for method, path, _agent in recorder.requests]
    assert seen.count(("HEAD", "/ok")) == 2  # once itself (asked once), once after the redirect
    assert ("GET", "/no-head") in seen and ("GET", "/gone") not in seen and ("GET", "/ok") not in seen
    assert {agent for _m, _p, agent in recorder.requests} == {USER_AGENT}
    # One host: each request but the first waited the delay first (a redirect is followed at once).
    assert waits == [0.25] * (len(recorder.requests) - 2)


def test_no_more_hosts_than_the_limit_are_asked_at_once() -> None:
    with servers(6, hold=0.2) as (bases, recorder):
        answers = check_urls([f"{b}/ok" for b in bases], concurrency=2, delay=0, timeout=5)
    assert all(not a.problem for a in answers.values())
    assert len(recorder.requests) == 6
    assert 1 <= recorder.most_busy <= 2


def test_one_host_is_never_asked_twice_at_once() -> None:
    with servers(1, hold=0.05) as ([base], recorder):
        check_urls([f"{base}/ok#{n}" for n in range(6)], concurrency=4, delay=0, timeout=5)
    assert recorder.most_busy == 1 and len(recorder.requests) == 6


def test_unreachable_address_is_reported() -> None:
    with servers(1) as ([base], _recorder):
        pass  # stopped: nothing listens there any more
    answers = check_urls([f"{base}/ok"], timeout=2)
    assert answers[f"{base}/ok"].problem.startswith("could not be reached")


def test_check_external_reports_at_the_file_and_line(make_site: Callable[..., Path],
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    with servers(1) as ([base], _recorder):
        site = make_site({
            "content/2023/a.md": (
                "---\ntitle: A\nkind: news\npublished: 2023\n"
                f"source: {base}/error\n"
                "agreement:\n  id: a-2023\n  parties: [FSDC, CAICT]\n"
                f"  text: {base}/ok\n---\n"),
            "content/2023/b.md": (
                "---\ntitle: B\nkind: news\npublished: 2023\n"
                f"source: {base}/gone\n"
                f"archived: {{url: {base}/ok, date: 2023-09-11}}\n---\n")})
        assert main(["check", "--site", str(site)]) == 0
        assert base not in capsys.readouterr().err  # only when asked for
        assert main(["check", "--site", str(site), "--external"]) == 0
        err = capsys.readouterr().err
        assert main(["check", "--site", str(site), "--external", "--strict"]) == 1
    assert "checking 3 external addresses on 1 hosts" in err
    # A server in trouble may recover: a warning. A page gone with an archived copy: a note.
    assert f"content/2023/a.md:5: warning: source: {base}/error answered 500 Internal Server Error" in err
    assert (f"content/2023/b.md:5: note: source: {base}/gone answered 404 Not Found; readers have its "
            "archived copy") in err
    assert f"{base}/ok" not in err.replace(f"{base}/ok ", "")  # the text and the copy answered
    assert ", 1 note in 3 files" in err


def test_a_source_gone_without_an_archived_copy_is_an_error(make_site: Callable[..., Path],
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    with servers(1) as ([base], _recorder):
        site = make_site({"content/2023/a.md": (
            "---\ntitle: A\nkind: news\npublished: 2023\n"
            f"source: {base}/gone\n---\n")})
        assert main(["check", "--site", str(site), "--external"]) == 1
    err = capsys.readouterr().err
    assert (f"content/2023/a.md:5: error: source: {base}/gone answered 404 Not Found: the page is gone, "
            "and the document keeps no archived copy of it\n"
            f"    hint: look for a copy in a web archive (https://web.archive.org/web/*/{base}/gone) and "
            "add it: archived: {url: ..., date: ...}; or write the page's new address") in err


def test_a_host_that_does_not_exist_is_gone(monkeypatch: pytest.MonkeyPatch) -> None:
    """No DNS is asked: the resolver's answer for a name that does not exist is made here."""
    real = socket.getaddrinfo

    def resolve(host: str, *args: Any, **kwargs: Any) -> Any:
        if host == "gone.example":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        if host == "flaky.example":
            raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    answers = check_urls(["https://gone.example/release", "https://flaky.example/release"], timeout=2)
    gone, flaky = answers["https://gone.example/release"], answers["https://flaky.example/release"]
    assert gone.gone and gone.problem == "could not be reached: there is no host gone.example"
    assert not flaky.gone and flaky.problem.startswith("could not be reached")
    cited = Citation("https://gone.example/release", "content/a.md", 5, "source")
    assert report(cited, gone).severity == "error"
    assert report(cited, flaky).severity == "warning"
    assert report(replace(cited, archived=True), gone).severity == "note"
    # An agreement's text has no archived copy to keep: gone, it is a warning as before.
    assert report(replace(cited, field="agreement.text"), gone).severity == "warning"
