"""What `mouarchive import` reads: a file of text, Markdown or saved HTML, standard input, or a URL.

HTML, whether saved or fetched, is cut down to the page's headline and main text by trafilatura,
which leaves out menus, footers and adverts. A URL is fetched once, politely: with a timeout, a
User-Agent that names mouarchive, and a size limit.
"""

from __future__ import annotations

import re
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..errors import BuildError, ExitCode, Problem
from ..sources import MAX_FILE_BYTES

USER_AGENT = f"mouarchive/{__version__} (an archive generator importing one press release)"
TIMEOUT = 20.0  # seconds, for the connection and for each read
_HTML = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<meta|<div|<article|<p[\s>])", re.IGNORECASE)


@dataclass(frozen=True)
class Source:
    text: str  # plain text or Markdown, headline first
    name: str  # how the draft names where it came from
    url: str | None = None  # the page it was fetched from: the document's `source:`


def _problem(source: str, message: str, hint: str, code: ExitCode = ExitCode.USAGE) -> BuildError:
    return BuildError([Problem(source, 0, "", message, hint)], code)


def html_text(html: str) -> str | None:
    """The headline and main text of an HTML page, or None when the page has no main text."""
    import trafilatura  # only a page needs it (lxml is slow to import)

    found = trafilatura.bare_extraction(html, include_comments=False, include_tables=False,
                                        with_metadata=True, favor_precision=True)
    if found is None or not found.text:
        return None
    title = (found.title or "").strip()
    # One paragraph a line in trafilatura's text; the importer reads paragraphs apart by blank lines.
    text = "\n\n".join(line.strip() for line in found.text.splitlines() if line.strip())
    return f"{title}\n\n{text}\n" if title and not text.startswith(title) else text + "\n"


def _decoded(data: bytes, source: str, charset: str | None = None) -> str:
    for encoding in filter(None, (charset, "utf-8-sig")):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    raise _problem(source, "is not UTF-8 text", "save the text as UTF-8")


def fetch(url: str, timeout: float = TIMEOUT) -> tuple[bytes, str | None]:
    """The page's bytes and its declared charset; one request, no retries."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT,
                                                   "Accept": "text/html, text/plain;q=0.9"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            data = response.read(MAX_FILE_BYTES + 1)
            charset = response.headers.get_content_charset()
    except urllib.error.HTTPError as exc:
        raise _problem(url, f"could not be fetched: HTTP {exc.code} {exc.reason}",
                       "check the address, or save the page and import the file") from exc
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise _problem(url, f"could not be fetched: {reason}",
                       "check the address and the connection, or save the page and import the file") from exc
    if len(data) > MAX_FILE_BYTES:
        raise _problem(url, f"is over the limit of {MAX_FILE_BYTES:,} bytes", "save the release's text alone")
    return data, charset


def read_source(source: str) -> Source:
    """The text to import from FILE, - (standard input) or an http(s) URL; raises BuildError (usage)
    for what cannot be read."""
    url = source if re.match(r"https?://", source, re.IGNORECASE) else None
    if url:
        data, charset = fetch(url)
        text, name = _decoded(data, source, charset), url
    elif source == "-":
        text, name = sys.stdin.read(), "standard input"
    else:
        path = Path(source)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise _problem(source, f"cannot be read: {exc.strerror}",
                           "give the path of a text, Markdown or HTML file, a URL, or - for standard "
                           "input") from exc
        text, name = _decoded(data, source), path.name
    if len(text) > MAX_FILE_BYTES:
        raise _problem(source, f"is {len(text):,} characters long, over the limit of {MAX_FILE_BYTES:,}",
                       "keep only the text of the release")
    if _HTML.match(text) or source.lower().endswith((".html", ".htm")):
        extracted = html_text(text)
        if extracted is None:
            raise _problem(source, "is an HTML page with no main text that could be found",
                           "copy the release's text from the page into a text file, and import that")
        text = extracted
    return Source(text, name, url)
