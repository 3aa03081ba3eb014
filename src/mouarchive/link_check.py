"""`mouarchive check --external`: do the addresses the archive cites still answer?

The documents' `source:` and the agreements' `text:` point at other sites, which move and vanish.
This asks each address once, politely: a HEAD request (a GET when the server refuses HEAD), never
more than CONCURRENCY hosts at a time, one request at a time per host with HOST_DELAY seconds
between them, a TIMEOUT, and a User-Agent that says what is asking. What does not answer well is a
warning at the file and line that cites it. Off unless asked for: it needs the network, and a
build must never depend on other sites.
"""

from __future__ import annotations

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
    field: str  # "source" or "agreement.text"


@dataclass(frozen=True)
class Answer:
    """How an address answered: a problem to report, or '' when it answered well."""

    url: str
    problem: str = ""


def citations(archive: Archive) -> list[Citation]:
    """Every outbound address: each document's source and each agreement's text, where cited."""
    found = [Citation(d.source, d.path, d.source_line or d.title_line, "source")
             for d in archive.documents.values() if d.source]
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
    return [
        Problem(c.path, c.line, c.field, f"{c.url} {answers[c.url].problem}",
                "open it in a browser; if it has moved, write the new address (or an archived copy, "
                "e.g. on web.archive.org)", "warning")
        for c in cited if answers[c.url].problem
    ]


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
            return Answer(url, f"could not be reached: {reason}")
    assert refused is not None
    return Answer(url, f"answered {refused.code} {refused.reason}")
