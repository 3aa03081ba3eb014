"""Permanent URLs: a page's address comes from its id, slug or file name, never its title; old
addresses (aliases) keep working through redirect pages and `_redirects`; two things that would
write one page are an error naming both files."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from mouarchive.build import build_site, check_site
from mouarchive.config import load_config
from mouarchive.slugs import SitePathError, site_path

AGREEMENT = """\
---
title: {title}
kind: press-release
published: 2023-09-11
{extra}agreement:
  id: fsdc-caict-2023
  parties: [FSDC, CAICT]
  signed: 2023-09-06
{agreement_extra}---
The FSDC signed an MOU with CAICT.
"""


def doc(title: str = "FSDC and CAICT sign MOU", extra: str = "", agreement_extra: str = "") -> str:
    return AGREEMENT.format(title=title, extra=extra, agreement_extra=agreement_extra)


def errors(site: Path) -> list[str]:
    _archive, _pages, problems = check_site(load_config(site))
    return [p.format() for p in problems.errors]


def build(site: Path) -> Path:
    build_site(load_config(site))
    return site / "site"


# --- permanent URLs ------------------------------------------------------------------------------


def test_editing_a_title_keeps_every_url(make_site: Callable[..., Path]) -> None:
    site = make_site({"content/2023/fsdc-caict-mou.md": doc()})
    out = build(site)
    before = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    (site / "content/2023/fsdc-caict-mou.md").write_text(
        doc(title="FSDC and CAICT sign a memorandum (corrected headline)",
            agreement_extra="  title: A new title for the agreement\n"))
    out = build(site)
    after = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.html"))
    assert after == before
    assert "documents/2023/fsdc-caict-mou/index.html" in after
    assert "agreements/fsdc-caict-2023/index.html" in after
    assert "corrected headline" in (out / "documents/2023/fsdc-caict-mou/index.html").read_text()


def test_an_empty_slug_is_an_error(make_site: Callable[..., Path]) -> None:
    for empty in ('""', "''", ""):
        site = make_site({"content/2023/a.md": doc(extra=f"slug: {empty}\n")}, name=f"s{len(empty)}")
        assert errors(site) == [
            "content/2023/a.md:5: slug: is empty\n    hint: write the slug, e.g. slug: a, or remove "
            "the field to use the file name"]


# --- aliases -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("written", "path"), [
    ("/documents/2023/old-name/", "documents/2023/old-name/"),
    ("documents/2023/old-name/", "documents/2023/old-name/"),
    ("/documents/2023/old-name", "documents/2023/old-name/"),
    ("/news/2023/Old_Name.html", "news/2023/Old_Name.html"),
    ("  /a~b/  ", "a~b/"),
])
def test_site_path_normalises_an_old_address(written: str, path: str) -> None:
    assert site_path(written) == path


@pytest.mark.parametrize(("written", "why"), [
    ("https://example.org/documents/x/", "absolute URL"),
    ("//example.org/x/", "absolute URL"),
    ("javascript:alert(1)", "absolute URL"),
    ("/documents/x/?page=2", "query or fragment"),
    ("/documents/x/#top", "query or fragment"),
    ("/documents/../secret/", "'..'"),
    ("/documents/./x/", "'.'"),
    ("/documents//x/", "empty part"),
    ("/", "home page"),
    ("", "home page"),
    ("/documents/新聞/", "characters"),
    ("/documents/a b/", "characters"),
    ("/files/mou.pdf", "not a page's address"),
    ("/static/old/", "site's own files"),
    ("/pagefind/x/", "site's own files"),
])
def test_site_path_refuses_what_is_not_a_safe_page_address(written: str, why: str) -> None:
    with pytest.raises(SitePathError, match=re.escape(why)):
        site_path(written)


def test_a_document_alias_redirects_to_its_page(make_site: Callable[..., Path]) -> None:
    site = make_site({
        "mouarchive.toml": 'base_url = "https://example.org/archive/"\n',
        "content/2023/fsdc-caict-mou.md":
            doc(extra="aliases: [/documents/2023/fsdc-mou/, old/release.html]\n"),
    })
    out = build(site)
    page = (out / "documents/2023/fsdc-mou/index.html").read_text()
    assert page.startswith("<!doctype html>\n<html lang=\"en\">")
    assert "<title>Moved: FSDC and CAICT sign MOU · MOU Archive</title>" in page
    assert '<meta http-equiv="refresh" content="0; url=../../../documents/2023/fsdc-caict-mou/">' in page
    assert ('<link rel="canonical" href="https://example.org/archive/documents/2023/fsdc-caict-mou/">'
            in page)
    assert '<a href="../../../documents/2023/fsdc-caict-mou/">FSDC and CAICT sign MOU</a>' in page
    assert "<script" not in page
    assert '<meta http-equiv="refresh" content="0; url=../documents/2023/fsdc-caict-mou/">' in \
        (out / "old/release.html").read_text()
    assert (out / "_redirects").read_text().splitlines()[2:] == [
        "/archive/documents/2023/fsdc-mou/ /archive/documents/2023/fsdc-caict-mou/ 301",
        "/archive/old/release.html /archive/documents/2023/fsdc-caict-mou/ 301",
    ]
    sitemap = (out / "sitemap.xml").read_text()
    assert "fsdc-caict-mou/" in sitemap and "fsdc-mou/" not in sitemap and "release.html" not in sitemap


def test_an_agreement_alias_redirects_to_its_page(make_site: Callable[..., Path]) -> None:
    site = make_site({"content/2023/a.md": doc(agreement_extra="  aliases: [/agreements/fsdc-2023/]\n")})
    out = build(site)
    page = (out / "agreements/fsdc-2023/index.html").read_text()
    assert '<meta http-equiv="refresh" content="0; url=../../agreements/fsdc-caict-2023/">' in page
    assert "/agreements/fsdc-2023/ /agreements/fsdc-caict-2023/ 301" in (out / "_redirects").read_text()


def test_an_alias_written_by_two_documents_of_one_agreement_counts_once(
        make_site: Callable[..., Path]) -> None:
    alias = "  aliases: [/agreements/fsdc-2023/]\n"
    site = make_site({"content/2023/a.md": doc(agreement_extra=alias),
                      "content/2023/b.md": doc(agreement_extra=alias)})
    assert errors(site) == []


def test_without_aliases_the_redirects_file_has_only_its_comment(make_site: Callable[..., Path]) -> None:
    out = build(make_site({"content/2023/a.md": doc()}))
    assert all(line.startswith("#") for line in (out / "_redirects").read_text().splitlines())


def test_an_alias_that_is_a_real_page_is_an_error_naming_both_files(make_site: Callable[..., Path]) -> None:
    site = make_site({
        "content/2023/a.md": doc(),
        "content/2023/b.md": "---\ntitle: B\nkind: news\npublished: 2023-10-01\n"
                             "aliases:\n  - /documents/2023/a/\n  - /agreements/fsdc-caict-2023/\n"
                             "  - /topics/\n---\n",
    })
    assert errors(site) == [
        "content/2023/b.md:6: aliases: the alias /documents/2023/a/ is the address of content/2023/a.md"
        "\n    hint: an alias is an old address that no page has now: remove it",
        "content/2023/b.md:7: aliases: the alias /agreements/fsdc-caict-2023/ is the address of "
        "agreement 'fsdc-caict-2023' (content/2023/a.md)"
        "\n    hint: an alias is an old address that no page has now: remove it",
        "content/2023/b.md:8: aliases: the alias /topics/ is the address of the site's page 'Topics'"
        "\n    hint: an alias is an old address that no page has now: remove it",
    ]


def test_an_alias_of_two_pages_is_an_error_naming_both_files(make_site: Callable[..., Path]) -> None:
    site = make_site({
        "content/2023/a.md": doc(extra="aliases: [/old/]\n"),
        "content/2023/b.md": "---\ntitle: B\nkind: news\npublished: 2023-10-01\naliases: [old]\n---\n",
    })
    [error] = errors(site)
    assert error.startswith("content/2023/")
    assert "the alias /old/ is also an alias in content/2023/" in error
    assert {"content/2023/a.md", "content/2023/b.md"} <= set(re.findall(r"content/2023/[ab]\.md", error))


def test_an_alias_inside_a_file_of_the_site_is_an_error(make_site: Callable[..., Path]) -> None:
    site = make_site({"content/2023/a.md": doc(extra="aliases: [/_headers/, /404.html/x/]\n")})
    assert errors(site) == [
        "content/2023/a.md:5: aliases: the alias /404.html/x/ would put a page inside /404.html, "
        "which is a file: the site's page 'Page not found'\n    hint: remove the alias",
        "content/2023/a.md:5: aliases: the alias /_headers/ would put a page inside /_headers, which "
        "is a file: the site's page 'HTTP headers'\n    hint: remove the alias",
    ]


def test_an_unsafe_alias_is_an_error_at_its_line(make_site: Callable[..., Path]) -> None:
    site = make_site({"content/2023/a.md": doc(extra="aliases:\n  - /ok/\n  - ../../etc/passwd/\n"
                                                     "  - https://example.org/old/\n")})
    assert errors(site) == [
        "content/2023/a.md:7: aliases[1]: '../../etc/passwd/' has '..' in it; write the path from the "
        "site's root\n    hint: write the old address as a path from the site's root, e.g. "
        "/documents/2023/old-name/",
        "content/2023/a.md:8: aliases[2]: 'https://example.org/old/' is an absolute URL, not an address "
        "on this site\n    hint: write the old address as a path from the site's root, e.g. "
        "/documents/2023/old-name/",
    ]


def test_renaming_a_file_with_an_alias_keeps_the_old_address_working(make_site: Callable[..., Path]) -> None:
    site = make_site({"content/2023/fsdc-mou.md": doc()})
    build(site)
    (site / "content/2023/fsdc-mou.md").unlink()
    (site / "content/2023/fsdc-caict-mou.md").write_text(doc(extra="aliases: [/documents/2023/fsdc-mou/]\n"))
    out = build(site)
    redirect = (out / "documents/2023/fsdc-mou/index.html").read_text()
    assert "url=../../../documents/2023/fsdc-caict-mou/" in redirect
    assert (out / "documents/2023/fsdc-caict-mou/index.html").is_file()


def test_removing_an_alias_removes_its_redirect(make_site: Callable[..., Path]) -> None:
    site = make_site({"content/2023/a.md": doc(extra="aliases: [/old/]\n")})
    assert (build(site) / "old/index.html").is_file()
    (site / "content/2023/a.md").write_text(doc())
    out = build(site)
    assert not (out / "old").exists()
    assert "/old/" not in (out / "_redirects").read_text()
