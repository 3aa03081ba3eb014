"""Markdown to safe HTML: GitHub-flavoured Markdown (cmark-gfm), or Python-Markdown where the site's
config asks for it, then nh3 down to an allow-list.

Bodies are untrusted (they are pasted from press releases), so raw HTML is let through the Markdown
parser and then cut down by nh3 to the tags and attributes below: no scripts, styles, frames, forms,
event handlers, or URLs other than http(s), mailto and relative ones. Ids from content are prefixed,
so a body cannot take over an id of the page around it (a footnote's `#fn-1` becomes `#c-fn-1`).

Internal links (`agreement:fsdc-caict-2023`, `../2023/fsdc-caict-mou.md`, and addresses on the site
such as `/agreements/fsdc-caict-2023/`) pass through as written: they are resolved once the whole
archive is known (links.py) and substituted when a page is rendered.

cmark-gfm is GitHub's C implementation of CommonMark; it is what makes a 10,000-document archive
build in seconds: on this corpus it takes 0.2 ms a document where Python-Markdown took 10 ms. So it is
the default; Python-Markdown (`markdown = "python-markdown"` in mouarchive.toml, with the extensions
the site lists) is there for sites written for Pelican or MkDocs. Whichever engine converts a body,
what follows is the same: the same headings demoted, the same allow-list, the same id prefix.
"""

from __future__ import annotations

import difflib
import functools
import html
import re
from importlib.metadata import entry_points
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import cffi
import cmarkgfm.cmark as cmark
import nh3
from cmarkgfm import _cmark
from cmarkgfm.cmark import Options

from .config import DEFAULT_MARKDOWN, PYTHON_MARKDOWN, MarkdownEngine

if TYPE_CHECKING:
    import markdown

ALLOWED_TAGS = frozenset({
    "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details", "dfn",
    "div", "dl", "dt", "em", "figcaption", "figure", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img",
    "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "section", "small", "span", "strong", "sub",
    "summary", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul",
})
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "scope", "align"},
    "time": {"datetime"},
    "*": {"lang", "id"},
}
# Footnotes as cmark-gfm marks them (section, sup) and as Python-Markdown does (div, a), for a theme.
ALLOWED_CLASSES = {"section": {"footnotes"}, "sup": {"footnote-ref"}, "div": {"footnote"},
                   "a": {"footnote-backref", "footnote-ref"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# Links to records of the archive, resolved by links.py: `agreement:<id>`, `topic:<id>` ...
LINK_SCHEMES = frozenset({"agreement", "document", "topic", "party", "year"})
ID_PREFIX = "c-"
_OPTIONS = (Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_SMART | Options.CMARK_OPT_FOOTNOTES
            | Options.CMARK_OPT_VALIDATE_UTF8)
_EXTENSIONS = ["table", "strikethrough", "autolink"]
_HEADING = re.compile(r"<(/?)h([1-5])\b", re.IGNORECASE)
_SUMMARY_LENGTH = 280


def _prefix_ids(tag: str, attribute: str, value: str) -> str:
    """Give every id from content, and every link to one, the content prefix."""
    if attribute == "id":
        return ID_PREFIX + value
    if attribute == "href" and value.startswith("#"):
        return "#" + ID_PREFIX + value[1:]
    return value


@functools.cache
def _cleaner() -> nh3.Cleaner:
    return nh3.Cleaner(
        tags=set(ALLOWED_TAGS),
        attributes={tag: set(attrs) for tag, attrs in ALLOWED_ATTRIBUTES.items()},
        allowed_classes={tag: set(names) for tag, names in ALLOWED_CLASSES.items()},
        url_schemes=set(URL_SCHEMES | LINK_SCHEMES),
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=_prefix_ids,
    )


def sanitise(fragment: str) -> str:
    """Cut untrusted HTML down to the allow-list."""
    return _cleaner().clean(fragment)


def render_markdown(text: str, engine: MarkdownEngine = DEFAULT_MARKDOWN) -> str:
    """Convert a Markdown body to sanitised HTML with `engine` (cmark-gfm unless the site's config
    says otherwise); the page title is the only h1, so '# x' is an h2."""
    if engine.name == PYTHON_MARKDOWN:
        # reset() clears what one document left behind (its footnotes, its reference links).
        converted = _python_markdown(engine.extensions).reset().convert(text)
    else:
        # GFM's tag filter is left out on purpose: it would escape <script> into visible text,
        # whereas nh3 removes it with its content.
        converted = _cmark_html(text)
    demoted = _HEADING.sub(lambda m: f"<{m.group(1)}h{int(m.group(2)) + 1}", converted)
    return sanitise(demoted).strip()


# cmarkgfm's markdown_to_html_with_extensions (2025.10.22) frees its parser, but neither the
# document tree that cmark_parser_finish hands over nor the HTML that cmark_render_html returns: about
# 25 KB a document of the benchmark corpus, never given back (3,000 bodies converted: 37 MiB of
# memory grew to 114 MiB). Each of a cold build's two load workers grew to 1.3 GiB at 100,000
# documents, and serve's engine grew with each edit (RESULTS.md, issue 12). `_cmark_html` makes the
# same calls and frees both, with the functions the binding's library holds but does not declare.
_FREEING = cffi.FFI()
_FREEING.cdef("""
    typedef struct { void *(*calloc)(size_t, size_t); void *(*realloc)(void *, size_t);
                     void (*free)(void *); } cmark_mem;
    cmark_mem *cmark_get_default_mem_allocator(void);
    void cmark_node_free(void *node);
""")


@functools.cache
def _cmark_library() -> tuple[object, tuple[object, ...]]:
    """cmark's own library, opened again to reach what the binding leaves out, and the extensions."""
    cmark.core_extensions_ensure_registered()
    return _FREEING.dlopen(_cmark.__file__), tuple(cmark.find_syntax_extension(name) for name in _EXTENSIONS)


def _cmark_html(text: str) -> str:
    """`text` as HTML by cmark-gfm with the options and extensions above; nothing left allocated."""
    library, extensions = _cmark_library()
    parser = cmark.parser_new(options=_OPTIONS)
    try:
        for extension in extensions:
            cmark.parser_attach_syntax_extension(parser, extension)
        cmark.parser_feed(parser, text)
        root = cmark.parser_finish(parser)
        try:
            raw = _cmark.lib.cmark_render_html(root, _OPTIONS, cmark.parser_get_syntax_extensions(parser))
            try:
                return _cmark.ffi.string(raw).decode("utf-8")
            finally:
                library.cmark_get_default_mem_allocator().free(raw)  # cmark's allocator made it
        finally:
            library.cmark_node_free(root)
    finally:
        cmark.parser_free(parser)


@functools.cache
def _python_markdown(extensions: tuple[str, ...]) -> markdown.Markdown:
    """One converter per process and list of extensions: making one costs more than a document."""
    import markdown  # here, so that only the sites that choose Python-Markdown pay for importing it

    return markdown.Markdown(extensions=list(extensions), output_format="html")


def extension_problems(extensions: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """Each extension that Python-Markdown cannot load, with why and a hint (config.py reports them)."""
    import markdown

    found = {}
    for name in extensions:
        try:
            markdown.Markdown(extensions=[name])
        # What Python-Markdown raises for a name it cannot import, or a module that is no extension.
        except (ImportError, AttributeError, TypeError, ValueError) as exc:
            found[name] = (str(exc), _extension_hint(name))
    return found


def _extension_hint(name: str) -> str:
    known = sorted(point.name for point in entry_points(group="markdown.extensions"))
    close = difflib.get_close_matches(name.lower(), known, n=1)
    start = f"did you mean '{close[0]}'? " if close else ""
    return f"{start}installed extensions: {', '.join(known)} (or the module path of another installed one)"


_HREF = re.compile(r'<a\s[^>]*?\bhref="([^"]*)"')


def is_internal(href: str) -> bool:
    """A link to a record of the archive: one of LINK_SCHEMES, or a path to a content file (.md);
    or an address on this site (is_site_address)."""
    parts = urlsplit(href)
    if parts.scheme:
        return parts.scheme in LINK_SCHEMES
    return not parts.netloc and bool(parts.path)


def is_site_address(href: str) -> bool:
    """A link written as an address on this site (`/agreements/x/`, `../../../topics/ai/`) rather
    than as what it leads to: checked against the pages the build writes (links.py)."""
    parts = urlsplit(href)
    return not parts.scheme and not parts.netloc and bool(parts.path) and not parts.path.endswith(".md")


def internal_links(body_html: str) -> list[str]:
    """The internal links of a sanitised body, as written (HTML entities decoded), in order."""
    found = (html.unescape(match.group(1)) for match in _HREF.finditer(body_html))
    return [href for href in found if is_internal(href)]


def replace_links(body_html: str, resolve: dict[str, str]) -> str:
    """The body with every link in `resolve` (as written -> its URL on this page) replaced."""
    def swap(match: re.Match[str]) -> str:
        target = resolve.get(html.unescape(match.group(1)))
        if target is None:
            return match.group(0)
        start, end = match.span(1)
        whole = match.group(0)
        offset = match.start(0)
        return whole[: start - offset] + html.escape(target) + whole[end - offset:]
    return _HREF.sub(swap, body_html)


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
