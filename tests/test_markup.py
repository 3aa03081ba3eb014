"""Markdown bodies become safe HTML: dangerous markup removed, headings demoted, a plain summary."""

from __future__ import annotations

import os
from pathlib import Path

import cmarkgfm
import pytest
from hypothesis import given
from hypothesis import strategies as st

from mouarchive.markup import _EXTENSIONS, _OPTIONS, _cmark_html, plain_text, render_markdown, summarise


@pytest.mark.parametrize("body", [
    "Hello <script>alert('x')</script> world",
    "<script src='https://evil.example/x.js'></script>\n\nHello world",
    "<SCRIPT>alert(1)</SCRIPT>Hello world",
])
def test_scripts_are_removed_with_their_content(body: str) -> None:
    html = render_markdown(body)
    assert "<script" not in html.lower()
    assert "alert" not in html and "evil.example" not in html
    assert "Hello" in html and "world" in html


def test_iframe_style_object_and_form_are_removed() -> None:
    html = render_markdown(
        'Text\n\n<iframe src="https://evil.example/"></iframe>\n\n<style>body{display:none}</style>\n\n'
        '<object data="x.swf"></object><embed src="y.swf">\n\n'
        '<form action="/x"><input name="q"></form>\n\nEnd')
    lowered = html.lower()
    for tag in ("<iframe", "<style", "<object", "<embed", "<form", "<input"):
        assert tag not in lowered, tag
    assert "display:none" not in html
    assert "evil.example" not in html
    assert "Text" in html and "End" in html


@pytest.mark.parametrize("body", [
    '<img src="x.png" onerror="alert(1)">',
    '<p onclick="alert(1)">Click</p>',
    '<a href="https://example.org/" onmouseover="alert(1)">link</a>',
    '<span style="color:red" onload="alert(1)">x</span>',
])
def test_event_handlers_and_style_attributes_are_removed(body: str) -> None:
    html = render_markdown(body)
    lowered = html.lower()
    assert "onerror" not in lowered and "onclick" not in lowered
    assert "onmouseover" not in lowered and "onload" not in lowered
    assert "alert" not in html
    assert "style=" not in lowered


@pytest.mark.parametrize("body", [
    "[click](javascript:alert(1))",
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    '<a href="data:text/html,<script>alert(1)</script>">click</a>',
    '<a href="vbscript:msgbox(1)">click</a>',
    "![x](javascript:alert(1))",
])
def test_dangerous_urls_are_removed(body: str) -> None:
    html = render_markdown(body)
    lowered = html.lower()
    assert "javascript:" not in lowered
    assert "data:text" not in lowered
    assert "vbscript:" not in lowered


@pytest.mark.parametrize(("body", "href"), [
    ("[site](https://www.fsdc.org.hk/)", "https://www.fsdc.org.hk/"),
    ("[mail](mailto:info@example.org)", "mailto:info@example.org"),
    ("[page](../../../agreements/itib-cac-2026/)", "../../../agreements/itib-cac-2026/"),
    ("[anchor](#the-signing)", "#c-the-signing"),
])
def test_safe_links_are_kept_with_rel_noopener(body: str, href: str) -> None:
    html = render_markdown(body)
    assert f'href="{href}"' in html
    assert 'rel="noopener noreferrer"' in html


def test_headings_are_demoted_so_the_title_is_the_only_h1() -> None:
    html = render_markdown("# One\n\n## Two\n\n### Three\n\n###### Six\n\n<h1>Raw</h1>")
    assert "<h2>One</h2>" in html
    assert "<h3>Two</h3>" in html
    assert "<h4>Three</h4>" in html
    assert "<h6>Six</h6>" in html
    assert "<h1" not in html  # nor is a raw <h1> in the allow-list
    assert "Raw" in html


def test_ordinary_markdown_survives() -> None:
    html = render_markdown("Some *emphasis*, **strong**, `code`.\n\n- one\n- two\n\n> quoted\n\n"
                           "| a | b |\n|---|---|\n| 1 | 2 |\n")
    for fragment in ("<em>emphasis</em>", "<strong>strong</strong>", "<code>code</code>", "<li>one</li>",
                     "<blockquote>", "<table>", "<td>1</td>"):
        assert fragment in html, fragment


def test_converter_state_does_not_leak_between_documents() -> None:
    first = render_markdown("Text with a footnote[^1].\n\n[^1]: The note.\n")
    second = render_markdown("Plain text.")
    assert "The note" in first
    assert second == "<p>Plain text.</p>"


def test_summary_is_the_first_paragraph_as_plain_text() -> None:
    html = render_markdown("## Heading\n\nThe *first* paragraph &amp; its [link](https://x.org/).\n\n"
                           "The second paragraph.")
    assert summarise(html) == "The first paragraph & its link."


def test_summary_without_paragraphs_uses_all_text() -> None:
    assert summarise(render_markdown("- one\n- two\n")) == "one two"
    assert summarise("") == ""


def test_long_summary_is_cut_at_a_word_boundary() -> None:
    words = " ".join(f"word{i}," for i in range(100))
    summary = summarise(f"<p>{words}</p>")
    assert summary.endswith("…")
    assert len(summary) <= 281
    body = summary[:-1]
    assert not body.endswith(",")
    assert words.startswith(body)
    assert words[len(body)] in ", "  # the cut is between words


def test_plain_text_drops_scripts_and_collapses_space() -> None:
    assert plain_text("<p>a\n  b</p>\n<script>evil()</script>\n<p>c&amp;d</p>") == "a b c&d"


def test_ids_from_content_are_prefixed_so_they_cannot_take_over_the_page() -> None:
    html = render_markdown('<span id="main">x</span> [top](#main)\n\nNote[^1].\n\n[^1]: Text.')
    assert 'id="main"' not in html and 'id="c-main"' in html and 'href="#c-main"' in html
    assert 'href="#c-fn-1"' in html and 'id="c-fn-1"' in html


# --- cmark-gfm called with nothing left allocated (markup._cmark_html) ---------------------------

_MARKDOWN = st.lists(st.sampled_from([
    "# Title", "Some *emphasis* and **strong** text.", "| a | b |\n|---|---|\n| 1 | 2 |", "~~gone~~",
    "See https://example.org/x and www.example.org.", "A note.[^1]\n\n[^1]: The note.",
    "\"Quoted\" -- dash...", "- one\n- two", "1. first\n2. second", "<script>alert(1)</script>",
    "> quoted", "```\ncode\n```", "香港金融發展局與中國信通院簽署合作備忘錄。", "\u00e9\u0301 e\u0301",
    "[a link](agreement:fsdc-caict-2023)",
]), max_size=8).map("\n\n".join)


@given(_MARKDOWN)
def test_cmark_html_is_what_the_binding_makes(text: str) -> None:
    assert _cmark_html(text) == cmarkgfm.markdown_to_html_with_extensions(text, options=_OPTIONS,
                                                                            extensions=_EXTENSIONS)


@pytest.mark.skipif(not Path("/proc/self/statm").exists(), reason="reads the process's size from /proc")
def test_cmark_html_leaves_nothing_allocated() -> None:
    """The binding's own call kept the tree and the HTML of every body (about 25 KB each here: 2,000
    conversions grew the process by some 50 MB); converting the same body 2,000 times must not grow it."""
    body = "\n\n".join(f"Paragraph {i} with *emphasis*, a [link](https://example.org/{i}) and a table:\n\n"
                       f"| a | b |\n|---|---|\n| {i} | {i * 2} |" for i in range(40))

    def resident_mib() -> float:
        return int(Path("/proc/self/statm").read_text().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20

    for _ in range(50):  # the allocator's own arenas settle first
        _cmark_html(body)
    before = resident_mib()
    for _ in range(2000):
        _cmark_html(body)
    assert resident_mib() - before < 10
