"""`mouarchive serve`: build, serve on loopback, rebuild when a file changes, reload open pages.

The site is built into a directory of its own (not the site's `site/`), with the same atomic swap as a
real build, so a failed rebuild leaves the last good site being served. Open pages learn of each
rebuild through server-sent events: a small script, added to HTML responses only, reloads the page or
shows the build's problems as an overlay.
"""

from __future__ import annotations

import gc
import http.server
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from .build import BuildReport
from .config import CONFIG_NAME, SiteConfig, default_templates
from .csp import CONTENT_SECURITY_POLICY
from .engine import Engine
from .errors import BuildError, Problem

CLIENT_PATH = "/__mouarchive/"
# How long the pages that list an edit wait for the open pages to reload first (BuildState.wait_for_reloads).
RELOAD_WAIT = 0.5  # seconds
REHEARSAL = 10.0  # seconds at most, after the first build (serve)
RELOAD_SCRIPT = """\
// mouarchive serve: reload on rebuild, show build problems as an overlay. Not part of the built site.
(() => {
  const source = new EventSource("/__mouarchive/events");
  let shown = null;
  source.addEventListener("state", (event) => {
    const state = JSON.parse(event.data);
    if (state.generation !== window.__mouarchiveGeneration && window.__mouarchiveGeneration !== undefined
        && state.ok) {
      location.reload();
      return;
    }
    window.__mouarchiveGeneration = state.generation;
    let note = document.getElementById("mouarchive-search-note");
    if (state.search_behind && !note) {
      note = document.createElement("p");
      note.id = "mouarchive-search-note";
      note.setAttribute("role", "status");
      note.textContent = "Search is catching up with the last change";
      document.body.append(note);
    } else if (!state.search_behind && note) {
      note.remove();
    }
    if (shown) { shown.remove(); shown = null; }
    if (!state.ok) {
      shown = document.createElement("div");
      shown.id = "mouarchive-overlay";
      shown.setAttribute("role", "alert");
      const title = document.createElement("h2");
      title.textContent = "The last change did not build; this is the last good site";
      const text = document.createElement("pre");
      text.textContent = state.problems;
      shown.append(title, text);
      document.body.append(shown);
    }
  });
})();
"""
OVERLAY_CSS = """\
#mouarchive-overlay { position: fixed; inset: auto 1rem 1rem 1rem; max-height: 60vh; overflow: auto;
  background: #fff4f2; color: #4a0d00; border: 2px solid #b3261e; border-radius: 8px; padding: 1rem;
  font: 14px/1.5 ui-monospace, monospace; z-index: 2147483647; box-shadow: 0 4px 24px #0004; }
#mouarchive-overlay h2 { margin: 0 0 .5rem; font: bold 15px system-ui, sans-serif; }
#mouarchive-overlay pre { margin: 0; white-space: pre-wrap; }
#mouarchive-search-note { position: fixed; right: 1rem; bottom: 1rem; margin: 0; padding: .4rem .7rem;
  background: #fffbe6; color: #3d3000; border: 1px solid #b38f00; border-radius: 6px;
  font: 13px/1.4 system-ui, sans-serif; z-index: 2147483646; }
"""


class BuildState:
    """The latest build's outcome, shared between the watcher and the request handlers.

    `generation` counts the sites built (an open page reloads when it changes); `revision` counts
    every change of state, the search index catching up included, which open pages are told of
    without reloading."""

    def __init__(self) -> None:
        self.generation = 0
        self.revision = 0
        self.ok = True
        self.problems = ""
        self.search_behind = False
        self.changed = threading.Condition()
        self.streams = 0  # open pages' event streams now
        self._open_then = self._arrived_before = 0  # (at the last publish)
        self.arrivals = 0  # event streams ever opened: a reloaded page opens one when it is shown

    def wait_for_reloads(self, timeout: float) -> None:
        """Wait (at most `timeout` seconds), if a page was open at the last `publish`, until an
        event stream has opened since: a page has reloaded and shows the new site. The engine
        writes the pages that list an edit after this, so the browser and the server's threads
        have the machine while they reload the edited page (at 1,000 documents, a reload took
        205-230 ms beside that writing and 84-167 ms without it: benchmarks/RESULTS.md). The first
        page back is enough: a stream whose page has gone is only counted out when a write to it
        fails, up to 15 s later, so the number open is not the number that will come back."""
        with self.changed:
            self.changed.wait_for(lambda: not self._open_then or self.arrivals > self._arrived_before,
                                  timeout)

    def publish(self, ok: bool, problems: str, search_behind: bool = False) -> None:
        with self.changed:
            self._open_then, self._arrived_before = self.streams, self.arrivals
            self.generation += 1
            self.revision += 1
            self.ok = ok
            self.problems = problems
            self.search_behind = search_behind
            self.changed.notify_all()

    def search_caught_up(self) -> None:
        with self.changed:
            self.revision += 1
            self.search_behind = False
            self.changed.notify_all()

    def as_json(self) -> str:
        return json.dumps({"generation": self.generation, "ok": self.ok, "problems": self.problems,
                           "search_behind": self.search_behind})


def rebuild(engine: Engine, state: BuildState,
            report: Callable[[BuildReport | None, tuple[Problem, ...]], None],
            quiet_if_unchanged: bool = False, changed: Iterable[Path] = ()) -> None:
    """Build once and publish the outcome; a failed build keeps the last good site in place.

    The pages come first: the engine patches the last build for the `changed` files where it can
    (engine.py), writing the edited documents' own pages first; open pages reload as soon as those
    are written. The search index is left as it was (Pagefind re-indexes a part in seconds at
    10,000 documents) and then brought up to date, the parts that changed only, while the pages say
    that search is catching up.
    """
    published = []

    def shown() -> None:  # the edited pages are written: reload them, then the rest follows
        state.publish(True, "", search_behind=bool(engine.config.search))
        published.append(True)
        state.wait_for_reloads(RELOAD_WAIT)

    try:
        result = engine.build(changed, search_later=True, shown=shown)
    except BuildError as exc:
        report(None, exc.problems)
        state.publish(False, "\n".join(p.format() for p in exc.problems))
        return
    if quiet_if_unchanged and result.up_to_date:
        return
    report(result, result.warnings)
    if not published:
        state.publish(True, "", search_behind=result.search_behind)
    if result.search_behind:
        try:
            engine.build()
        except BuildError as exc:  # only the index can fail now: say so, keep the pages
            report(None, exc.problems)
            state.publish(False, "\n".join(p.format() for p in exc.problems))
            return
        state.search_caught_up()
    engine.prepare()


def make_handler(directory: Path, state: BuildState) -> type[http.server.SimpleHTTPRequestHandler]:
    """A static file handler for the built site, plus the reload script and its event stream."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(directory), **kwargs)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # the terminal is for build results, not a request log

        def end_headers(self) -> None:
            self.send_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
            self.send_header("Cache-Control", "no-store")
            super().end_headers()

        def do_GET(self) -> None:
            if self.path == CLIENT_PATH + "reload.js":
                self._send(RELOAD_SCRIPT.encode(), "text/javascript; charset=utf-8")
            elif self.path == CLIENT_PATH + "overlay.css":
                self._send(OVERLAY_CSS.encode(), "text/css; charset=utf-8")
            elif self.path == CLIENT_PATH + "state":
                self._send(state.as_json().encode(), "application/json")
            elif self.path == CLIENT_PATH + "events":
                self._events()
            else:
                self._page()

        def _send(self, body: bytes, content_type: str, code: int = 200) -> None:
            self.send_response(code)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def _page(self) -> None:
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                if not self.path.split("?")[0].endswith("/"):
                    super().do_GET()  # the base class redirects to the trailing slash
                    return
                path = path / "index.html"
            if path.suffix != ".html" or not path.is_file():
                if not path.exists() and (directory / "404.html").is_file():
                    self._send(self._with_client((directory / "404.html").read_bytes()),
                               "text/html; charset=utf-8", 404)
                    return
                super().do_GET()
                return
            self._send(self._with_client(path.read_bytes()), "text/html; charset=utf-8")

        @staticmethod
        def _with_client(html: bytes) -> bytes:
            tags = (f'<link rel="stylesheet" href="{CLIENT_PATH}overlay.css">'
                    f'<script src="{CLIENT_PATH}reload.js"></script></body>').encode()
            return html.replace(b"</body>", tags, 1)

        def _events(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            seen = -1
            with state.changed:
                state.streams += 1
                state.arrivals += 1
                state.changed.notify_all()
            try:
                while True:
                    with state.changed:
                        state.changed.wait_for(lambda last=seen: state.revision != last, timeout=15)
                        seen, payload = state.revision, state.as_json()
                    self.wfile.write(f"event: state\ndata: {payload}\n\n".encode())
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                return
            finally:
                with state.changed:
                    state.streams -= 1

    return Handler


def watched_paths(config: SiteConfig) -> list[Path]:
    """What a change to should rebuild the site: content, templates (the site's and the theme's),
    static files and the config file."""
    paths = [config.content, config.templates, default_templates(), config.static,
             config.root / CONFIG_NAME]
    return [p for p in dict.fromkeys(paths) if p.exists()]


def serve(config: SiteConfig, host: str, port: int,
          report: Callable[[BuildReport | None, tuple[Problem, ...]], None],
          announce: Callable[[str], None], stop: threading.Event | None = None) -> None:
    """Build, serve and rebuild on every change until interrupted (or `stop` is set)."""
    # The engine goes on writing the pages that list an edit while the browser reloads the edited
    # page: a short switch interval lets the server's threads have the interpreter as soon as a
    # request comes, rather than after 5 ms at each of the many times a response waits on it.
    sys.setswitchinterval(0.0005)
    output = Path(tempfile.mkdtemp(prefix="mouarchive-serve-")) / "site"
    try:
        with _terminate_as_interrupt():
            _serve_into(output, config, host, port, report, announce, stop)
    finally:
        shutil.rmtree(output.parent, ignore_errors=True)


def _serve_into(output: Path, config: SiteConfig, host: str, port: int,
                report: Callable[[BuildReport | None, tuple[Problem, ...]], None],
                announce: Callable[[str], None], stop: threading.Event | None) -> None:
    """serve, with the site built into `output`; whatever stops it, the server and the engine's
    processes stop with it."""
    import watchfiles  # imported here so that `build` does not pay for it

    state = BuildState()
    server = http.server.ThreadingHTTPServer((host, port), make_handler(output, state))
    server.daemon_threads = True
    address = f"http://{host}:{server.server_address[1]}/"
    config = replace(config, output_dir=str(output), base_url=address)
    engine = Engine(config, drafts=True)  # a preview: drafts and embargoes shown, marked
    serving = False
    try:
        rebuild(engine, state, report)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        serving = True
        # What the first edit would make first (Engine.rehearse: citeproc, Babel's data, the lists'
        # entries), made before the watching starts, for at most REHEARSAL seconds.
        rehearse_until = time.monotonic() + REHEARSAL
        for _step in engine.rehearse():
            if time.monotonic() > rehearse_until:
                break
        gc.unfreeze()  # what it made stays: out of the collector's sight, as the State is (Engine.prepare)
        gc.collect()
        gc.freeze()
        engine.keep_pagefind_ready()
        # The watcher yields an empty set every quarter second without changes, so we know when
        # it is watching: only then is the address announced, or an edit made at once is missed.
        # A change is taken once the files have been quiet for 10 ms (watchfiles waits 50 ms by
        # default): an editor's save, even through a temporary file, is done well within it.
        watching = False
        for changes in watchfiles.watch(*watched_paths(config), stop_event=stop or threading.Event(),
                                        rust_timeout=250, yield_on_timeout=True, step=10):
            if not watching:
                watching = True
                announce(f"serving {address} ; watching for changes, Ctrl-C stops")
                # An edit made while the watcher started: a build with nothing to do costs little.
                rebuild(engine, state, report, quiet_if_unchanged=True)
            elif changes:
                rebuild(engine, state, report, changed=[Path(path) for _change, path in changes])
    finally:
        engine.close()
        if serving:  # (shutdown waits for serve_forever's loop: it would wait for ever on none)
            server.shutdown()
        server.server_close()


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM (`kill`, a service manager, a test's terminate()) stops serve as Ctrl-C does, so that
    its temporary site is removed: ended by the signal's default, each run left its site in /tmp
    (a 10k archive's, 200 MB). Only the main thread can set a handler; a forked worker that gets
    the signal ends as it would have."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    serving = os.getpid()

    def interrupt(signum: int, _frame: object) -> None:
        if os.getpid() != serving:
            os._exit(128 + signum)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
