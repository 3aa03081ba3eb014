"""What readers and their tools get: feeds, sitemap, structured data, open data and pictures."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from mouarchive.cli import main

REPO = Path(__file__).resolve().parents[1]
# The example archive as it was when these tests were written (two agreements): content/ grows.
EXAMPLE = REPO / "tests" / "fixtures" / "example"
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example archive of the tests, with the repository's settings, built without the search
    index."""
    root = tmp_path_factory.mktemp("archive")
    shutil.copytree(EXAMPLE / "content", root / "content")
    shutil.copyfile(REPO / "mouarchive.toml", root / "mouarchive.toml")
    assert main(["build", "--site", str(root), "--no-search", "--base-url", "https://example.org/mou/"]) == 0
    return root / "site"


def json_ld(page: Path) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page.read_text(), re.S)
    assert match, page
    return json.loads(match.group(1))


def test_atom_feeds_for_the_site_each_topic_and_each_party(site: Path) -> None:
    feeds = {p.relative_to(site).as_posix() for p in site.rglob("feed.xml")}
    expected = {"feed.xml", "topics/blockchain/feed.xml", "parties/fsdc/feed.xml", "parties/cac/feed.xml"}
    assert expected <= feeds
    assert "parties/miit/feed.xml" not in feeds  # MIIT has signed nothing here: no empty feed
    root = ET.parse(site / "feed.xml").getroot()
    assert root.find(ATOM + "id").text == "https://example.org/mou/feed.xml"
    entries = root.findall(ATOM + "entry")
    assert [e.find(ATOM + "id").text for e in entries] == [
        "https://example.org/mou/agreements/itib-cac-2026/",
        "https://example.org/mou/agreements/fsdc-caict-2023/"]
    assert entries[0].find(ATOM + "updated").text == "2026-04-13T00:00:00+08:00"
    assert "Sources disagree on its signatories" in entries[0].find(ATOM + "summary").text


def test_pages_link_their_feeds(site: Path) -> None:
    topic = (site / "topics" / "blockchain" / "index.html").read_text()
    assert '<link rel="alternate" type="application/atom+xml" title="Blockchain: agreements" ' \
           'href="../../topics/blockchain/feed.xml">' in topic


def test_sitemap_robots_canonical_and_404(site: Path) -> None:
    urls = [u.text for u in ET.parse(site / "sitemap.xml").getroot().iter(SITEMAP + "loc")]
    assert "https://example.org/mou/" in urls
    assert "https://example.org/mou/agreements/itib-cac-2026/" in urls
    assert all(u.startswith("https://example.org/mou/") for u in urls)
    assert not any("404" in u or u.endswith(".xml") for u in urls)
    assert "Sitemap: https://example.org/mou/sitemap.xml" in (site / "robots.txt").read_text()
    page = (site / "parties" / "cac" / "index.html").read_text()
    assert '<link rel="canonical" href="https://example.org/mou/parties/cac/">' in page
    assert 'href="/mou/agreements/"' in (site / "404.html").read_text()


def test_agreement_structured_data_keeps_disputed_facts_out(site: Path) -> None:
    graph = {node["@type"]: node for node in json_ld(site / "agreements/itib-cac-2026/index.html")["@graph"]
             if node["@type"] in ("Legislation", "Event", "WebSite")}
    legislation, event = graph["Legislation"], graph["Event"]
    assert legislation["name"] == "MOU between ITIB and CAC on AI, cross-border data and blockchain"
    assert legislation["legislationDate"] == "2026-04-12"
    assert legislation["legislationPassedBy"] == [{"@id": "https://example.org/mou/parties/itib/#org"},
                                                  {"@id": "https://example.org/mou/parties/cac/#org"}]
    roles = {(r["roleName"], r["attendee"]["name"]) for r in event["attendee"]}
    # The two reports name different signatories, so neither list is stated as fact here.
    assert roles == {("witness", "John Lee Ka-chiu"), ("witness", "Zhuang Rongwen")}
    assert event["about"] == {"@id": legislation["@id"]}


def test_document_structured_data_and_open_graph(site: Path) -> None:
    page = site / "documents/2023/fsdc-caict-mou/index.html"
    article = json_ld(page)["@graph"][0]
    assert article["@type"] == "NewsArticle"
    assert article["datePublished"] == "2023-09-11"
    assert article["about"] == [{"@id": "https://example.org/mou/agreements/fsdc-caict-2023/#agreement"}]
    text = page.read_text()
    assert '<meta property="og:type" content="article">' in text
    assert '<meta property="article:published_time" content="2023-09-11">' in text


def test_every_html_page_has_structured_data(site: Path) -> None:
    for page in site.rglob("*.html"):
        assert json_ld(page)["@context"] == "https://schema.org", page


def test_open_data_json_keeps_every_claim_with_its_sources(site: Path) -> None:
    data = json.loads((site / "data" / "agreements.json").read_text(encoding="utf-8"))
    by_id = {a["id"]: a for a in data["agreements"]}
    signatories = by_id["itib-cac-2026"]["facts"]["signatories"]
    assert [[p["name"] for p in claim["value"]] for claim in signatories] == [
        ["John Lee", "Zhuang Rongwen"], ["Sun Dong", "Wang Jingtao"]]
    assert signatories[0]["sources"] == [
        "https://example.org/mou/documents/2026/cn-hk-ai-data-blockchain-mou/"]
    assert by_id["itib-cac-2026"]["disputed"] == ["signatories"]
    signed = by_id["itib-cac-2026"]["facts"]["signed"]
    assert signed == [{"value": "2026-04-12", "sources": [
        "https://example.org/mou/documents/2026/cn-hk-ai-data-blockchain-mou/",
        "https://example.org/mou/documents/undated/list-directory-mou-ai-blockchain-data/"],
        "derived_from": ["'Sunday' before the publication date 2026-04-13 (a Monday)"]}]


def test_open_data_csv_one_row_per_agreement(site: Path) -> None:
    raw = (site / "data" / "agreements.csv").read_bytes()
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert [r["id"] for r in rows] == ["itib-cac-2026", "fsdc-caict-2023"]
    fsdc = rows[1]
    assert fsdc["signed"] == "2023-09-06"
    assert fsdc["parties"] == "fsdc; caict"
    assert fsdc["signatories"] == (
        "Mr Jin Jian (Director of the Institute of Industrial Internet and Internet of Things) [caict]; "
        "Dr King Au (Executive Director) [fsdc]")
    assert " || " in rows[0]["signatories"] and rows[0]["disputed"] == "signatories"


def test_open_data_is_offered_on_the_home_page(site: Path) -> None:
    home = (site / "index.html").read_text()
    assert 'href="data/agreements.csv"' in home and 'href="data/agreements.json"' in home


def test_pictures_are_accessible_svg_with_a_table(site: Path) -> None:
    home = (site / "index.html").read_text()
    svg = re.search(r"<svg class=\"chart timeline\".*?</svg>", home, re.S).group(0)
    assert 'role="img"' in svg and 'aria-labelledby="timeline-title timeline-desc"' in svg
    assert '<title id="timeline-title">' in svg and '<desc id="timeline-desc">' in svg
    assert "<table>" in home.split(svg, 1)[1]  # the numbers come after the picture
    party = (site / "parties" / "fsdc" / "index.html").read_text()
    assert '<svg class="chart partners"' in party
    assert "<title id=\"partners-fsdc-title\">Parties FSDC has signed agreements with</title>" in party
    assert '<table class="count-table">' in party


def test_no_third_party_resources(site: Path) -> None:
    for page in site.rglob("*.html"):
        text = page.read_text()
        for url in re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="([^"]+)"', text):
            if url.startswith("http"):
                assert url.startswith("https://example.org/mou/"), (page, url)
