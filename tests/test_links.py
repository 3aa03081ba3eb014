"""Internal links in document bodies: written by content path or id, checked by the build, and
written out as each page's relative link to the target's current URL."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from mouarchive.build import build_site, check_site
from mouarchive.config import load_config
from mouarchive.documents import read_document
from mouarchive.engine import Engine
from mouarchive.errors import BuildError, Problems
from mouarchive.model import Content
from mouarchive.vocabularies import Names

TARGET = """\
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
The FSDC signed an MOU with CAICT.

## Footnotes and more

A note[^1].

[^1]: The note.
"""


def linking(body: str, published: str = "2024-01-02") -> str:
    return f"---\ntitle: A later report\nkind: news\npublished: {published}\n---\n{body}\n"


def errors(site: Path) -> list[str]:
    _archive, _pages, problems = check_site(load_config(site))
    return [p.format() for p in problems.errors]


def page(site: Path, path: str) -> str:
    build_site(load_config(site))
    return (site / "site" / path).read_text()


@pytest.mark.parametrize(("href", "url"), [
    ("../2023/fsdc.md", "../../../documents/2023/fsdc/"),
    ("content/2023/fsdc.md", "../../../documents/2023/fsdc/"),
    ("/content/2023/fsdc.md", "../../../documents/2023/fsdc/"),
    ("document:content/2023/fsdc.md", "../../../documents/2023/fsdc/"),
    ("../2023/fsdc.md#fn-1", "../../../documents/2023/fsdc/#c-fn-1"),
    ("../2023/fsdc.md#c-fn-1", "../../../documents/2023/fsdc/#c-fn-1"),
    ("same-year.md", "../../../documents/2024/same-year/"),
    ("agreement:fsdc-caict-2023", "../../../agreements/fsdc-caict-2023/"),
    ("agreement:fsdc-caict-2023#signatories", "../../../agreements/fsdc-caict-2023/#signatories"),
    ("topic:fintech", "../../../topics/fintech/"),
    ("party:fsdc", "../../../parties/fsdc/"),
    ("year:2023", "../../../years/2023/"),
])
def test_a_link_leads_to_its_targets_page(make_site: Callable[..., Path], href: str, url: str) -> None:
    site = make_site({"content/2023/fsdc.md": TARGET,
                      "content/2024/same-year.md": linking("Nothing here.", "2024-01-01"),
                      "content/2024/report.md": linking(f"See [the target]({href}).")})
    html = page(site, "documents/2024/report/index.html")
    assert f'See <a href="{url}" rel="noopener noreferrer">the target</a>.' in html


def test_a_link_follows_its_target_when_the_target_moves(make_site: Callable[..., Path]) -> None:
    site = make_site({"content/2023/fsdc.md": TARGET,
                      "content/2024/report.md": linking("See [it](../2023/fsdc.md).")})
    assert 'href="../../../documents/2023/fsdc/"' in page(site, "documents/2024/report/index.html")
    (site / "content/2023/fsdc.md").write_text(TARGET.replace("published: 2023-09-11\n",
                                                              "published: 2023-09-11\nslug: fsdc-caict\n"))
    assert 'href="../../../documents/2023/fsdc-caict/"' in page(site, "documents/2024/report/index.html")


def test_links_on_pages_at_other_depths_and_outside_links_are_left_alone(
        make_site: Callable[..., Path]) -> None:
    site = make_site({"content/2023/fsdc.md": TARGET,
                      "content/report.md": "---\ntitle: Undated\nkind: news\n---\n"
                                           "[one](2023/fsdc.md), [out](https://example.org/a.md), "
                                           "[mail](mailto:a@example.org), [here](#top)\n"})
    html = page(site, "documents/undated/report/index.html")
    assert '<a href="../../../documents/2023/fsdc/"' in html
    assert '<a href="https://example.org/a.md"' in html
    assert '<a href="mailto:a@example.org"' in html
    assert '<a href="#c-top"' in html


def test_a_broken_link_is_an_error_with_file_and_line(make_site: Callable[..., Path]) -> None:
    body = "\n".join([
        "First paragraph.",  # line 6 of the file
        "",
        "Second, with [a bad one](../2023/fsdc-mou.md).",  # 8
        "",
        "Then [an agreement](agreement:fsdc-caict-2032), [a topic](topic:fintec),",  # 10
        "[a party](party:nobody), [a year](year:1999) and",  # 11
        "[a document](document:content/zzzzzzzz-qqq.md).",  # 12
        "",
        "[ref]: agreement:nope",  # 14
        "",
        "And [a reference][ref].",
    ])
    site = make_site({"content/2023/fsdc.md": TARGET, "content/2024/report.md": linking(body)})
    assert errors(site) == [
        "content/2024/report.md:8: link: '../2023/fsdc-mou.md' leads to content/2023/fsdc-mou.md, which "
        "is not a document of the archive\n    hint: did you mean 'content/2023/fsdc.md'?",
        "content/2024/report.md:10: link: 'agreement:fsdc-caict-2032' leads to no agreement: there is no "
        "agreement 'fsdc-caict-2032'\n    hint: did you mean 'fsdc-caict-2023'?",
        "content/2024/report.md:10: link: 'topic:fintec' leads to no topic: there is no topic with the "
        "id 'fintec'\n    hint: did you mean 'fintech'?",
        "content/2024/report.md:11: link: 'party:nobody' leads to no party: there is no party with the "
        "id 'nobody'\n    hint: use an id from content/parties.yaml",
        "content/2024/report.md:11: link: 'year:1999' leads to no year page: no agreement in the "
        "archive was signed in '1999'\n    hint: link to a year in which an agreement was signed",
        "content/2024/report.md:12: link: 'document:content/zzzzzzzz-qqq.md' leads to "
        "content/zzzzzzzz-qqq.md, which is not a document of the archive\n"
        "    hint: write the path of a file under content/",
        "content/2024/report.md:14: link: 'agreement:nope' leads to no agreement: there is no agreement "
        "'nope'\n    hint: link to an agreement by its id",
    ]


def test_each_link_written_twice_is_found_on_its_own_line() -> None:
    text = linking("[a](topic:x)\n\n[b](topic:y)\n\n[c](topic:x)")
    vocabulary = Names("topic", "topics.yaml", {})
    document = read_document(text, "content/r.md", "en", vocabulary, vocabulary, Problems())
    assert document is not None
    assert [(link.href, link.line) for link in document.links] == [
        ("topic:x", 6), ("topic:y", 8), ("topic:x", 10)]


def test_a_link_in_a_body_does_not_rerender_lists_when_edited_below_the_first_paragraph(
        make_site: Callable[..., Path]) -> None:
    """What lists show of a document does not include its links (see freshness.Records)."""
    from mouarchive.archive import build_archive
    from mouarchive.freshness import Records

    def record(body: str) -> str:
        vocabulary = Names("topic", "topics.yaml", {})
        document = read_document(linking(body), "content/r.md", "en", vocabulary, vocabulary, Problems())
        assert document is not None
        archive = build_archive(Content((), (), (document,)), Problems())
        return Records.of(archive, {}).values["m:content/r.md"]

    assert record("First.\n\nSecond.") == record("First.\n\nSecond, [linked](topic:x).")
    assert record("First.") != record("First, changed.")


# --- links written as addresses on the site -------------------------------------------------------

@pytest.mark.parametrize(("href", "url"), [
    ("/agreements/fsdc-caict-2023/", "../../../agreements/fsdc-caict-2023/"),
    ("/agreements/fsdc-caict-2023", "../../../agreements/fsdc-caict-2023/"),
    ("/agreements/fsdc-caict-2023/index.html#signatories",
     "../../../agreements/fsdc-caict-2023/#signatories"),
    ("../../../agreements/fsdc-caict-2023/", "../../../agreements/fsdc-caict-2023/"),
    ("../../2023/fsdc/", "../../../documents/2023/fsdc/"),
    ("/search/?q=blockchain", "../../../search/?q=blockchain"),
    ("/", "../../../"),
    ("/data/agreements.csv", "../../../data/agreements.csv"),
    ("/static/style.css", "../../../static/style.css"),
])
def test_an_address_on_the_site_is_checked_and_written_as_the_pages_link(
        make_site: Callable[..., Path], href: str, url: str) -> None:
    site = make_site({"content/2023/fsdc.md": TARGET,
                      "content/2024/report.md": linking(f"See [the target]({href}).")})
    assert errors(site) == []
    html = page(site, "documents/2024/report/index.html")
    assert f'See <a href="{url}" rel="noopener noreferrer">the target</a>.' in html


def test_an_address_leads_to_the_page_in_the_readers_language_and_under_the_base_path(
        make_site: Callable[..., Path]) -> None:
    site = make_site({
        "mouarchive.toml": 'languages = ["en", "zh-Hant"]\nbase_url = "https://example.org/archive/"\n',
        "content/2023/fsdc.md": TARGET,
        "content/2024/report.md": linking("[one](/agreements/fsdc-caict-2023/), "
                                          "[two](/archive/topics/fintech/), [csv](/data/agreements.csv)")})
    assert errors(site) == []
    english = page(site, "documents/2024/report/index.html")
    assert '<a href="../../../agreements/fsdc-caict-2023/"' in english
    assert '<a href="../../../topics/fintech/"' in english
    chinese = (site / "site/zh-hant/documents/2024/report/index.html").read_text()
    assert '<a href="../../../../zh-hant/agreements/fsdc-caict-2023/"' in chinese
    assert '<a href="../../../../data/agreements.csv"' in chinese  # open data exists once


def test_an_address_that_leads_nowhere_is_an_error_with_the_form_that_follows_the_page(
        make_site: Callable[..., Path]) -> None:
    body = "\n".join([
        "[Too few steps up](../../agreements/fsdc-caict-2023/),",  # line 6
        "[a typo](/topics/fintek/), [a moved file](/documents/2022/fsdc/)",  # 7
        "and [nothing near](/no/such/thing/).",  # 8
    ])
    site = make_site({"content/2023/fsdc.md": TARGET, "content/2024/report.md": linking(body)})
    follows = "a link written so follows the page when it moves"
    assert errors(site) == [
        "content/2024/report.md:6: link: '../../agreements/fsdc-caict-2023/' leads to "
        "/documents/agreements/fsdc-caict-2023/, which is not a page of this site\n"
        f"    hint: did you mean 'agreement:fsdc-caict-2023'? {follows}",
        "content/2024/report.md:7: link: '/documents/2022/fsdc/' leads to /documents/2022/fsdc/, which is "
        f"not a page of this site\n    hint: did you mean 'content/2023/fsdc.md'? {follows}",
        "content/2024/report.md:7: link: '/topics/fintek/' leads to /topics/fintek/, which is not a page "
        f"of this site\n    hint: did you mean 'topic:fintech'? {follows}",
        "content/2024/report.md:8: link: '/no/such/thing/' leads to /no/such/thing/, which is not a page "
        "of this site\n    hint: link to the archive by what a link leads to: agreement:<id>, topic:<id>, "
        "party:<id>, year:<yyyy>, or a document's file under content/",
    ]


def test_an_address_to_a_page_an_edit_removes_stops_the_next_build(make_site: Callable[..., Path]) -> None:
    """The engine hands an edit that changes the site's pages to a full build when a body gives an
    address, so that the address is checked against the pages as they now are."""
    site = make_site({"content/2023/fsdc.md": TARGET,
                      "content/2024/report.md": linking("[the year](/years/2023/)")})
    engine = Engine(load_config(site))
    engine.build()
    target = site / "content/2023/fsdc.md"
    target.write_text(TARGET.replace("signed: 2023-09-06", "signed: 2022-09-06"))  # no year 2023 now
    assert engine.patch([target]) is None
    with pytest.raises(BuildError) as raised:
        engine.build([target])
    assert [p.format().splitlines()[0] for p in raised.value.problems] == [
        "content/2024/report.md:6: link: '/years/2023/' leads to /years/2023/, which is not a page of "
        "this site"]
