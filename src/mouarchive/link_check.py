"""`mouarchive check --external`: do the addresses the archive cites still answer?

The documents' `source:` (and its `archived:` copy) and the agreements' `text:` point at other
sites, which move and vanish. This asks each address once, politely: a HEAD request (a GET when the
server refuses HEAD), never more than CONCURRENCY hosts at a time, one request at a time per host
with HOST_DELAY seconds between them, a TIMEOUT, and a User-Agent that says what is asking.

What does not answer well is reported at the file and line that cites it. A source that is gone
(404 or 410, or a host that does not exist) is an error when the document keeps no archived copy of
it, since readers then have nothing to check the document against; with an archived copy it is a
note. Anything else (a server error, no answer in time) may pass, and is a warning. Off unless asked
for: it needs the network, and a build must never depend on other sites.
"""

from __future__ import annotations

import socket
import time
import urllib.error
import urllib.request
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from http.client import HTTPException
from typing import Any
from urllib.parse import urlsplit

from . import __version__
from .archive import Archive
from .errors import Problem

CONCURRENCY = 4  # hosts asked at once
HOST_DELAY = 1.0  # seconds between two requests to one host
TIMEOUT = 10.0  # seconds to wait for an answer
USER_AGENT = f"mouarchive/{__version__} (checks that the sources an archive cites still answer)"
# Answers that mean 'not with HEAD' rather than 'not there': the address is asked again with GET.
_TRY_GET = {400, 403, 405, 406, 429, 501}


@dataclass(frozen=True)
class Citation:
    """An address the archive cites, and where."""

    url: str
    path: str
    line: int
    field: str  # "source", "archived.url" or "agreement.text"
    archived: bool = False  # a source the document keeps an archived copy of


@dataclass(frozen=True)
class Answer:
    """How an address answered: a problem to report, or '' when it answered well."""

    url: str
    problem: str = ""
    gone: bool = False  # 404 or 410, or no such host: not a failure that may pass


# Answers that say the page is gone rather than that the server is in trouble.
GONE = {404, 410}
# The resolver's answers for a host that does not exist (not a resolver that failed to answer).
_NO_SUCH_HOST = {code for code in (getattr(socket, "EAI_NONAME", None), getattr(socket, "EAI_NODATA", None))
                 if code is not None}


def citations(archive: Archive) -> list[Citation]:
    """Every outbound address: each document's source and each agreement's text, where cited."""
    found = [Citation(d.source, d.path, d.source_line or d.title_line, "source", d.archived is not None)
             for d in archive.documents.values() if d.source]
    found += [Citation(d.archived.url, d.path, d.archived.line, "archived.url")
              for d in archive.documents.values() if d.archived]
    for agreement in archive.agreements.values():
        for claim in agreement.text.claims:
            found += [Citation(claim.value, s.document, s.line, "agreement.text") for s in claim.sources]
    return found


def check_external(archive: Archive, say: Callable[[str], None] = print, *,
                   concurrency: int = CONCURRENCY, delay: float = HOST_DELAY,
                   timeout: float = TIMEOUT) -> list[Problem]:
    """Ask every cited address; a warning for each citation of one that did not answer well."""
    cited = citations(archive)
    urls = sorted({c.url for c in cited})
    hosts = {urlsplit(url).netloc.lower() for url in urls}
    say(f"checking {len(urls)} external addresses on {len(hosts)} hosts "
        f"({concurrency} hosts at a time, {delay:g} s between requests to one host)")
    answers = check_urls(urls, concurrency=concurrency, delay=delay, timeout=timeout)
    return [report(c, answers[c.url]) for c in cited if answers[c.url].problem]


def report(cited: Citation, answer: Answer) -> Problem:
    """What to tell the editor about an address that did not answer well."""
    where = (cited.path, cited.line, cited.field)
    if cited.archived:
        return Problem(*where, f"{cited.url} {answer.problem}; readers have its archived copy",
                       "if the page has moved, write its new address", "note")
    if answer.gone and cited.field == "source":
        return Problem(*where, f"{cited.url} {answer.problem}: the page is gone, and the document keeps "
                       "no archived copy of it",
                       f"look for a copy in a web archive (https://web.archive.org/web/*/{cited.url}) "
                       "and add it: archived: {url: ..., date: ...}; or write the page's new address",
                       "error")
    return Problem(*where, f"{cited.url} {answer.problem}",
                   "open it in a browser; if it has moved, write the new address (or keep an archived "
                   "copy: archived: {url: ..., date: ...})", "warning")


def check_urls(urls: Iterable[str], *, concurrency: int = CONCURRENCY, delay: float = HOST_DELAY,
               timeout: float = TIMEOUT, user_agent: str = USER_AGENT,
               sleep: Callable[[float], None] = time.sleep) -> dict[str, Answer]:
    """How each address answered. Each host's addresses are asked in turn, `delay` apart; up to
    `concurrency` hosts are asked at once."""
    by_host: dict[str, list[str]] = defaultdict(list)
    for url in dict.fromkeys(urls):
        by_host[urlsplit(url).netloc.lower()].append(url)

    def ask_host(host_urls: list[str]) -> list[Answer]:
        asked = 0

        def pace() -> None:  # before every request to this host but the first
            nonlocal asked
            if asked:
                sleep(delay)
            asked += 1

        return [_ask(url, timeout, user_agent, pace) for url in host_urls]

    with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
        results = pool.map(ask_host, by_host.values())
        return {answer.url: answer for answers in results for answer in answers}


class _KeepHead(urllib.request.HTTPRedirectHandler):
    """Follow a redirect with the same method: urllib turns a redirected HEAD into a GET."""

    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str,
                         headers: Any, newurl: str) -> urllib.request.Request | None:
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None and req.get_method() == "HEAD":
            new.method = "HEAD"
        return new


_OPENER = urllib.request.build_opener(_KeepHead)  # proxies from the environment, as urlopen


def _ask(url: str, timeout: float, user_agent: str, pace: Callable[[], None]) -> Answer:
    """HEAD, then GET if the server will not answer HEAD; `pace` waits before each request."""
    refused: urllib.error.HTTPError | None = None
    for method in ("HEAD", "GET"):
        pace()
        request = urllib.request.Request(url, method=method, headers={"User-Agent": user_agent})
        try:
            with _OPENER.open(request, timeout=timeout):  # the body is never read
                return Answer(url)
        except urllib.error.HTTPError as exc:
            refused = exc
            if exc.code not in _TRY_GET:
                break
        except (urllib.error.URLError, HTTPException, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, TimeoutError) or "timed out" in str(reason):
                return Answer(url, f"did not answer within {timeout:g} s")
            if isinstance(reason, socket.gaierror) and reason.errno in _NO_SUCH_HOST:
                return Answer(url, f"could not be reached: there is no host {urlsplit(url).hostname}",
                              gone=True)
            return Answer(url, f"could not be reached: {reason}")
    assert refused is not None
    return Answer(url, f"answered {refused.code} {refused.reason}", gone=refused.code in GONE)
