"""Planning pages: relative links, pagination, output paths, collisions and the 404 page."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

import pytest

from mouarchive.build import build_site, check_site
from mouarchive.config import load_config
from mouarchive.i18n import language_prefix
from mouarchive.model import Party, Topic
from mouarchive.pages import (
    FEED_SIZE,
    Kind,
    Page,
    Pager,
    Urls,
    first_titles,
    localise,
    regroup,
    relative,
    site_pages,
)


@pytest.mark.parametrize(("from_url", "to_url", "link"), [
    # from the home page
    ("", "", "./"),
    ("", "agreements/", "agreements/"),
    ("", "agreements/x/", "agreements/x/"),
    ("", "feed.xml", "feed.xml"),
    ("", "static/style.css", "static/style.css"),
    # from a page one level down
    ("agreements/", "", "../"),
    ("agreements/", "agreements/", "../agreements/"),
    ("agreements/", "agreements/page/2/", "../agreements/page/2/"),
    ("agreements/", "topics/", "../topics/"),
    ("agreements/", "feed.xml", "../feed.xml"),
    # from a page two levels down
    ("agreements/x/", "", "../../"),
    ("agreements/x/", "agreements/x/", "../../agreements/x/"),
    ("agreements/x/", "agreements/y/", "../../agreements/y/"),
    ("agreements/x/", "agreements/", "../../agreements/"),
    ("agreements/x/", "static/style.css", "../../static/style.css"),
    ("agreements/x/", "topics/x/feed.xml", "../../topics/x/feed.xml"),
    ("documents/2023/fsdc-caict-mou/", "agreements/fsdc-caict-2023/", "../../../agreements/fsdc-caict-2023/"),
    ("documents/undated/a/", "documents/2023/b/", "../../../documents/2023/b/"),
    # from pagination pages
    ("agreements/page/2/", "agreements/", "../../../agreements/"),
    ("agreements/page/2/", "agreements/page/3/", "../../../agreements/page/3/"),
    ("topics/ai/page/2/", "topics/ai/", "../../../../topics/ai/"),
    # from files that are not directories
    ("feed.xml", "", "./"),
    ("feed.xml", "agreements/x/", "agreements/x/"),
    ("404.html", "static/style.css", "static/style.css"),
    ("topics/ai/feed.xml", "topics/ai/", "../../topics/ai/"),
    ("topics/ai/feed.xml", "", "../../"),
    ("topics/ai/feed.xml", "feed.xml", "../../feed.xml"),
    ("sitemap.xml", "years/2023/", "years/2023/"),
])
def test_relative(from_url: str, to_url: str, link: str) -> None:
    assert relative(from_url, to_url) == link


@pytest.mark.parametrize("from_url", ["", "agreements/", "agreements/x/", "documents/2023/a/", "feed.xml",
                                      "topics/ai/feed.xml", "agreements/page/2/"])
@pytest.mark.parametrize("to_url", ["", "agreements/", "agreements/x/", "static/style.css",
                                    "topics/ai/feed.xml", "years/2021/page/3/"])
def test_relative_links_resolve_back_to_the_target(from_url: str, to_url: str) -> None:
    """Following the link from the page's directory, as a browser does, reaches the target."""
    base = "https://example.org/archive/"
    assert urljoin(urljoin(base, from_url), relative(from_url, to_url)) == urljoin(base, to_url)


def test_page_output_paths() -> None:
    assert Page("", Kind.HOME, "Home").output == "index.html"
    assert Page("agreements/x/", Kind.AGREEMENT, "X").output == "agreements/x/index.html"
    assert Page("feed.xml", Kind.FEED, "Feed").output == "feed.xml"
    assert Page("404.html", Kind.NOT_FOUND, "Not found").output == "404.html"
    assert Page("404.html", Kind.NOT_FOUND, "Not found").is_html
    assert not Page("topics/ai/feed.xml", Kind.FEED, "Feed").is_html


def test_pager_previous_and_next() -> None:
    assert (Pager(1, 3, "a/").previous, Pager(1, 3, "a/").next) == (None, "a/page/2/")
    assert (Pager(2, 3, "a/").previous, Pager(2, 3, "a/").next) == ("a/", "a/page/3/")
    assert (Pager(3, 3, "a/").previous, Pager(3, 3, "a/").next) == ("a/page/2/", None)
    assert Pager(1, 1, "a/").previous is None and Pager(1, 1, "a/").next is None


# --- pages planned from a tiny site -------------------------------------------------------------------


def statement(ident: str, signed: str | None, parties: str = "[FSDC, CAICT]", topics: str = "[fintech]",
              published: str | None = None) -> str:
    lines = ["---", f"title: About {ident}", "kind: press-release"]
    if published:
        lines.append(f"published: {published}")
    lines += [f"topics: {topics}", "agreement:", f"  id: {ident}", f"  parties: {parties}"]
    if signed:
        lines.append(f"  signed: {signed}")
    return "\n".join([*lines, "---", f"About {ident}.", ""])


def plan(site: Path) -> dict[str, Page]:
    _archive, pages, problems = check_site(load_config(site))
    assert problems.errors == ()
    return {page.url: page for page in pages}


def test_pagination_urls_and_items(make_site: Callable[..., Path]) -> None:
    files = {f"content/{year}/doc.md": statement(f"x-{year}", str(year), published=str(year))
             for year in (2019, 2020, 2021, 2022, 2023)}
    pages = plan(make_site({"mouarchive.toml": "per_page = 2\n", **files}))
    first, second, third = pages["agreements/"], pages["agreements/page/2/"], pages["agreements/page/3/"]
    assert "agreements/page/4/" not in pages
    assert first.items == ("x-2023", "x-2022")
    assert second.items == ("x-2021", "x-2020")
    assert third.items == ("x-2019",)
    assert first.pager == Pager(1, 3, "agreements/")
    assert second.pager is not None and second.pager.previous == "agreements/"
    assert second.pager.next == "agreements/page/3/"
    assert first.title == "Agreements" and second.title == "Agreements (page 2)"
    assert pages["topics/fintech/page/3/"].items == ("x-2019",)
    assert pages["parties/fsdc/page/2/"].items == ("x-2021", "x-2020")
    assert pages["documents/page/3/"].items == ("content/2019/doc.md",)
    assert pages["agreements/page/2/"].output == "agreements/page/2/index.html"


def test_each_interface_languages_pages_lead_to_its_own_next_and_previous(
        make_site: Callable[..., Path]) -> None:
    files = {f"content/{year}/doc.md": statement(f"x-{year}", str(year), published=str(year))
             for year in (2019, 2020, 2021, 2022, 2023)}
    pages = plan(make_site({"mouarchive.toml": "per_page = 2\nlanguages = ['en', 'zh-Hant']\n", **files}))
    prefix = language_prefix("zh-Hant", ("en", "zh-Hant"))
    second = pages[f"{prefix}agreements/page/2/"]
    assert prefix and second.pager is not None and second.lang == "zh-Hant"
    assert second.pager.previous == f"{prefix}agreements/"
    assert second.pager.next == f"{prefix}agreements/page/3/"
    english = pages["agreements/page/2/"].pager
    assert english is not None and (english.previous, english.next) == ("agreements/", "agreements/page/3/")


def test_an_empty_list_still_gets_its_first_page(make_site: Callable[..., Path]) -> None:
    pages = plan(make_site({"content/a.md": statement("x-2023", "2023")}))
    assert pages["topics/blockchain/"].items == ()
    assert pages["topics/blockchain/"].pager == Pager(1, 1, "topics/blockchain/")
    assert pages["parties/miit/"].items == ()
    assert "topics/blockchain/feed.xml" not in pages  # no feed for an empty list
    assert "topics/fintech/feed.xml" in pages


def test_every_record_has_its_page(make_site: Callable[..., Path]) -> None:
    pages = plan(make_site({
        "content/2023/a.md": statement("x-2023", "2023-09-06", published="2023-09-11"),
        "content/undated/b.md": statement("y-undated", None),
    }))
    for url in ("", "agreements/x-2023/", "agreements/y-undated/", "documents/2023/a/",
                "documents/undated/b/", "topics/", "topics/fintech/", "parties/", "parties/fsdc/",
                "years/", "years/2023/", "feed.xml", "sitemap.xml", "404.html", "robots.txt"):
        assert url in pages, url
    assert pages["documents/2023/a/"].source == "content/2023/a.md"
    assert pages["agreements/x-2023/"].kind is Kind.AGREEMENT
    assert [url for url in pages if url.startswith("years/")] == ["years/", "years/2023/"]
    sitemap = pages["sitemap.xml"].items
    assert "agreements/x-2023/" in sitemap and "" in sitemap
    assert "404.html" not in sitemap and "feed.xml" not in sitemap


def test_urls_of_records() -> None:
    assert Urls.of(Party("fsdc", "FSDC")) == "parties/fsdc/"
    assert Urls.of(Topic("ai", "AI")) == "topics/ai/"
    assert Urls.of(2023) == "years/2023/"
    with pytest.raises(TypeError):
        Urls.of("text")


def test_two_documents_with_the_same_year_and_slug_is_an_error_naming_both(
        make_site: Callable[..., Path]) -> None:
    site = make_site({
        "content/press/mou.md": statement("x-2023", "2023", published="2023-09-11"),
        "content/news/mou.md": statement("x-2023", None, published="2023-01-02"),
    })
    _archive, _pages, problems = check_site(load_config(site))
    assert [p.format() for p in problems.errors] == [
        "content/news/mou.md:1: slug: writes the same page (documents/2023/mou/index.html) as "
        "content/press/mou.md\n    hint: give one of them a different 'slug:' or file name"
    ]


def test_a_slug_field_can_cause_and_resolve_a_collision(make_site: Callable[..., Path]) -> None:
    a = "---\ntitle: A\nkind: news\npublished: 2023\nslug: same\n---\n"
    b = "---\ntitle: B\nkind: news\npublished: 2023-05\n---\n"
    site = make_site({"content/a.md": a, "content/same.md": b})
    _archive, _pages, problems = check_site(load_config(site))
    [error] = problems.errors
    assert error.path == "content/a.md" and "as content/same.md" in error.message
    renamed = "---\ntitle: B\nkind: news\npublished: 2023-05\nslug: other\n---\n"
    site = make_site({"content/a.md": a, "content/same.md": renamed}, name="fixed")
    _archive, _pages, problems = check_site(load_config(site))
    assert problems.errors == ()


def test_same_slug_in_different_years_is_fine(make_site: Callable[..., Path]) -> None:
    site = make_site({
        "content/2023/mou.md": statement("x-2023", "2023", published="2023"),
        "content/2024/mou.md": statement("x-2024", "2024", published="2024"),
    })
    pages = plan(site)
    assert "documents/2023/mou/" in pages and "documents/2024/mou/" in pages


# --- the 404 page ------------------------------------------------------------------------------------

LINKS_TEMPLATE = ("{{ link('') }}|{{ link('agreements/') }}|{{ link('static/style.css') }}|"
                  "{{ link('feed.xml') }}|{{ link(archive.agreements['x-2023']) }}\n")


def build_with_link_templates(make_site: Callable[..., Path], base_url: str) -> Path:
    site = make_site({
        "mouarchive.toml": f'base_url = "{base_url}"\n',
        "content/a.md": statement("x-2023", "2023"),
        "templates/404.html": LINKS_TEMPLATE,
        "templates/topics.html": LINKS_TEMPLATE,
    })
    build_site(load_config(site))
    return site / "site"


def test_404_page_uses_absolute_links_with_the_base_path(make_site: Callable[..., Path]) -> None:
    out = build_with_link_templates(make_site, "https://example.org/archive/")
    assert (out / "404.html").read_text() == (
        "/archive/|/archive/agreements/|/archive/static/style.css|/archive/feed.xml|"
        "/archive/agreements/x-2023/\n")
    # every other page links relatively
    assert (out / "topics/index.html").read_text() == (
        "../|../agreements/|../static/style.css|../feed.xml|../agreements/x-2023/\n")


def test_404_page_at_the_domain_root(make_site: Callable[..., Path]) -> None:
    out = build_with_link_templates(make_site, "https://example.org")
    assert (out / "404.html").read_text().split("|")[:2] == ["/", "/agreements/"]


def test_default_404_template_links_only_under_the_base_path(make_site: Callable[..., Path]) -> None:
    site = make_site({"mouarchive.toml": 'base_url = "https://example.org/archive/"\n',
                      "content/a.md": statement("x-2023", "2023")})
    build_site(load_config(site))
    html = (site / "site/404.html").read_text()
    links = re.findall(r'(?:href|src)="([^"]*)"', html)
    local = [url for url in links if not url.startswith(("http://", "https://", "#", "mailto:"))]
    assert local, "the 404 page should link somewhere in the site"
    assert all(url.startswith("/archive/") for url in local), local


def test_a_feed_carries_the_newest_agreements_only(make_site: Callable[..., Path]) -> None:
    files = {f"content/{year}/doc-{n}.md": statement(f"x-{year}-{n}", f"{year}-01-{n + 1:02d}",
                                                     published=str(year))
             for year in range(2001, 2027) for n in range(2)}
    pages = plan(make_site(files))
    newest = [f"x-{year}-{n}" for year in range(2026, 2000, -1) for n in (1, 0)][:FEED_SIZE]
    assert pages["feed.xml"].items == tuple(newest)
    assert pages["topics/fintech/feed.xml"].items == tuple(newest)
    assert pages["parties/fsdc/feed.xml"].items == tuple(newest)
    assert len(pages["agreements/"].items) + len(pages["agreements/page/2/"].items) == 52


def test_regroup_finds_what_localise_made_of_each_page_in_the_plan(make_site: Callable[..., Path]) -> None:
    site = make_site({"mouarchive.toml": 'languages = ["en", "zh-Hant"]\n',
                      "content/2023/a.md": statement("a", "2023-06-12"),
                      "content/2024/b.md": statement("b", "2024-01-02", parties="[FSDC, HKSARG]")})
    config = load_config(site)
    archive, pages, problems = check_site(config)
    assert problems.errors == ()
    base = site_pages(archive, config.per_page)
    titles = first_titles(base)
    found = regroup(base, pages, config.languages)
    assert found == {page.url: localise(page, archive, config.languages, config.language, titles)
                     for page in base}
    assert all(version in pages for versions in found.values() for version in versions)
    assert {len(versions) for versions in found.values()} == {1, 2}  # shared files once
