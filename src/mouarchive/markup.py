"""Markdown to safe HTML: one configured converter, its output sanitised by nh3 to an allow-list.

Bodies are untrusted (they are pasted from press releases), so raw HTML is allowed through Markdown
and then cut down to the tags and attributes below: no scripts, styles, frames, forms, event
handlers, or URLs other than http(s), mailto and relative ones.
"""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as ET

import markdown
import nh3
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "dfn",
    "div", "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
})
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan", "scope"},
    "time": {"datetime"},
    "*": {"lang", "id"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
_SUMMARY_LENGTH = 280


class _DemoteHeadings(Treeprocessor):
    """The page title is the only h1, so a body's '# Heading' becomes h2, and so on down."""

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            if re.fullmatch(r"h[1-5]", element.tag):
                element.tag = f"h{int(element.tag[1]) + 1}"


class _DemoteExtension(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API name
        md.treeprocessors.register(_DemoteHeadings(md), "demote_headings", 5)


@functools.cache
def _converter() -> markdown.Markdown:
    # One instance per process, reset between documents: building it is the slow part.
    return markdown.Markdown(
        extensions=["extra", "sane_lists", "smarty", _DemoteExtension()],
        output_format="html",
    )


def sanitise(fragment: str) -> str:
    """Cut untrusted HTML down to the allow-list."""
    return nh3.clean(
        fragment,
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def render_markdown(text: str) -> str:
    """Convert a Markdown body to sanitised HTML."""
    converter = _converter()
    converter.reset()
    return sanitise(converter.convert(text))


def plain_text(fragment: str) -> str:
    """The text of an HTML fragment, tags removed and whitespace collapsed."""
    text = nh3.clean(fragment, tags=set(), attributes={})
    return " ".join(html.unescape(text).split())


def summarise(body_html: str) -> str:
    """The first paragraph as plain text, cut at a word boundary near 280 characters."""
    match = re.search(r"<p>(.*?)</p>", body_html, re.S)
    text = plain_text(match.group(1) if match else body_html)
    if len(text) <= _SUMMARY_LENGTH:
        return text
    return text[:_SUMMARY_LENGTH].rsplit(" ", 1)[0].rstrip(",;:.") + "…"
