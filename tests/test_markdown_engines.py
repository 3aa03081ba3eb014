"""`markdown = "python-markdown"` in mouarchive.toml: the setting read and checked, the choice carried
to every body, its output made safe and linked as cmark-gfm's is, and no body reused across engines."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from mouarchive.build import check_site, plan_search
from mouarchive.cli import main
from mouarchive.config import DEFAULT_MARKDOWN, MarkdownEngine, load_config
from mouarchive.documents import read_document
from mouarchive.engine import build_site  # `mouarchive build`: the pipeline, patched where it can be
from mouarchive.errors import ExitCode, Problems
from mouarchive.freshness import Records
from mouarchive.markup import internal_links, render_markdown, summarise
from mouarchive.vocabularies import Names

PYTHON_MARKDOWN = MarkdownEngine("python-markdown", ("tables", "fenced_code", "footnotes", "smarty"))
ENGINES = {"cmark-gfm": DEFAULT_MARKDOWN, "python-markdown": PYTHON_MARKDOWN}
CONFIG = ('markdown = "python-markdown"\n'
          'markdown_extensions = ["tables", "fenced_code", "footnotes", "smarty"]\n')

DOC = """\
---
title: FSDC and CAICT sign MOU
kind: press-release
published: 2023-09-11
topics: [fintech]
agreement:
  id: fsdc-caict-2023
  parties: [FSDC, CAICT]
  signed: 2023-09-06
---
The FSDC signed an MOU with [CAICT](party:caict)[^1].

[^1]: As the FSDC's release says.
"""


# --- the setting ---------------------------------------------------------------------------------


def test_cmark_gfm_is_the_default(tmp_path: Path) -> None:
    assert load_config(tmp_path).markdown == MarkdownEngine("cmark-gfm", ())


def test_python_markdown_and_its_extensions_are_read(tmp_path: Path) -> None:
    (tmp_path / "mouarchive.toml").write_text(CONFIG)
    assert load_config(tmp_path).markdown == PYTHON_MARKDOWN


@pytest.mark.parametrize(("toml", "message", "hint"), [
    ('markdown = "commonmark"\n',
     "mouarchive.toml: error: markdown: unknown Markdown engine 'commonmark'",
     'hint: write markdown = "cmark-gfm" (the default) or "python-markdown"'),
    ('markdown = "python-markdown"\nmarkdown_extensions = ["tabels", "footnotes"]\n',
     "mouarchive.toml: error: markdown_extensions: Python-Markdown cannot load the extension 'tabels': "
     "No module named 'tabels'",
     "hint: did you mean 'tables'? installed extensions: abbr, admonition, "),
    ('markdown = "python-markdown"\nmarkdown_extensions = "tables"\n',
     "mouarchive.toml: error: markdown_extensions: expected a list of extension names, got 'tables'",
     'hint: write e.g. markdown_extensions = ["tables", "fenced_code", "footnotes"]'),
    ('markdown_extensions = ["tables"]\n',
     "mouarchive.toml: error: markdown_extensions: extensions are for python-markdown, and the "
     "Markdown engine is cmark-gfm",
     'hint: add markdown = "python-markdown", or remove markdown_extensions'),
])
def test_a_bad_markdown_setting_exits_2_naming_the_setting(
        make_site: Callable[..., Path], capsys: pytest.CaptureFixture[str], toml: str, message: str,
        hint: str) -> None:
    site = make_site({"content/2023/fsdc-caict-mou.md": DOC, "mouarchive.toml": toml})
    code = main(["build", "--site", str(site)])
    err = capsys.readouterr().err
    assert code == ExitCode.USAGE, err
    assert message in err and hint in err
    assert not (site / "site").exists()


# --- the same treatment as cmark-gfm's output ----------------------------------------------------


@pytest.mark.parametrize("body", [
    "Some *emphasis*, **strong**, `code` and a [link](https://example.org/).\n\n- one\n- two\n\n> quoted\n",
    "## Scope\n\n1. shared research;\n2. staff exchanges.\n\n### Next\n\nThe bureau's \"first\" step.",
    "A paragraph\non two lines.\n\n[the release](../2023/x.md) and [it](agreement:fsdc-caict-2023#signed)",
])
def test_common_markdown_comes_out_the_same_from_both_engines(body: str) -> None:
    assert render_markdown(body, PYTHON_MARKDOWN) == render_markdown(body)


def test_headings_are_demoted_and_ids_prefixed_under_python_markdown() -> None:
    engine = MarkdownEngine("python-markdown", ("toc",))
    html = render_markdown("# One\n\n## Two\n\n[back](#one)\n\n<h1 id=\"main\">Raw</h1>", engine)
    assert '<h2 id="c-one">One</h2>' in html and '<h3 id="c-two">Two</h3>' in html
    assert 'href="#c-one"' in html and 'id="c-main"' in html
    assert "<h1" not in html


def test_footnotes_are_prefixed_and_do_not_leak_into_the_next_document() -> None:
    first = render_markdown("Text with a note[^1].\n\n[^1]: The note.\n", PYTHON_MARKDOWN)
    assert 'href="#c-fn:1"' in first and 'id="c-fn:1"' in first and 'href="#c-fnref:1"' in first
    assert '<div class="footnote">' in first  # its class kept for a theme, as cmark-gfm's section's is
    assert render_markdown("Plain text.", PYTHON_MARKDOWN) == "<p>Plain text.</p>"


def test_only_the_extensions_listed_are_used() -> None:
    table = "| a | b |\n|---|---|\n| 1 | 2 |\n"
    assert "<table>" in render_markdown(table, PYTHON_MARKDOWN)
    assert "<table>" not in render_markdown(table, MarkdownEngine("python-markdown", ()))
    fenced = render_markdown("```python\nx = 1\n```\n", PYTHON_MARKDOWN)
    assert "<pre><code>x = 1\n</code></pre>" in fenced  # the language class is not on the allow-list


def test_summary_and_internal_links_are_the_same_under_python_markdown() -> None:
    body = ("The [FSDC](party:fsdc) signed *an MOU* with [CAICT](party:caict).\n\n"
            "See [the release](../2023/fsdc-caict-mou.md).")
    for engine in ENGINES.values():
        html = render_markdown(body, engine)
        assert summarise(html) == "The FSDC signed an MOU with CAICT."
        assert internal_links(html) == ["party:fsdc", "party:caict", "../2023/fsdc-caict-mou.md"]


def test_a_documents_links_keep_their_lines_under_python_markdown() -> None:
    names = Names("party", "content/parties.yaml", {"fsdc": ("fsdc", "FSDC"), "caict": ("caict", "CAICT")})
    topics = Names("topic", "content/topics.yaml", {"fintech": ("fintech",)})
    documents = {}
    for name, engine in ENGINES.items():
        problems = Problems()
        documents[name] = read_document(DOC, "content/2023/fsdc-caict-mou.md", "en", names, topics, problems,
                                        engine)
        assert problems.items == ()
    cmark, python = documents["cmark-gfm"], documents["python-markdown"]
    assert cmark is not None and python is not None
    assert python.links == cmark.links
    assert [(link.href, link.line) for link in python.links] == [("party:caict", 11)]
    assert python.summary == cmark.summary == "The FSDC signed an MOU with CAICT1."
    assert python.body_html != cmark.body_html  # the footnotes are each engine's own


# --- the cache never reuses a body the other engine made ------------------------------------------


def test_changing_the_engine_parses_every_document_again(make_site: Callable[..., Path]) -> None:
    site = make_site({"content/2023/fsdc-caict-mou.md": DOC,
                      "content/2023/other.md": DOC.replace("fsdc-caict-2023", "fsdc-caict-2024")})
    page = site / "site" / "documents" / "2023" / "fsdc-caict-mou" / "index.html"
    toml = (site / "mouarchive.toml").read_text()
    first = build_site(load_config(site))
    assert first.parsed == 2 and '<section class="footnotes">' in page.read_text()

    (site / "mouarchive.toml").write_text(toml + CONFIG)
    switched = build_site(load_config(site))
    assert switched.parsed == 2 and not switched.up_to_date
    assert '<div class="footnote">' in page.read_text() and "footnotes" not in page.read_text()

    # An edit is then parsed with Python-Markdown too, by the engine's patch as by a full build.
    (site / "content" / "2023" / "fsdc-caict-mou.md").write_text(DOC.replace("says.", "says, again."))
    edited = build_site(load_config(site))
    assert edited.parsed == 1 and edited.patched
    assert "again." in page.read_text() and '<div class="footnote">' in page.read_text()

    (site / "mouarchive.toml").write_text(toml)
    back = build_site(load_config(site))
    assert back.parsed == 2 and '<section class="footnotes">' in page.read_text()


def test_the_search_index_is_made_again_for_the_other_engine(make_site: Callable[..., Path]) -> None:
    """Search records hold the bodies' text, so their parts are keyed on the engine too."""
    site = make_site({"content/2023/fsdc-caict-mou.md": DOC})
    digests = {}
    for name, engine in ENGINES.items():
        config = replace(load_config(site), markdown=engine)
        archive, _pages, problems = check_site(config)
        assert problems.errors == ()
        digests[name] = plan_search(config, archive, Records.of(archive, {}), []).digests
    assert digests["cmark-gfm"].keys() == digests["python-markdown"].keys()
    assert digests["cmark-gfm"] != digests["python-markdown"]
