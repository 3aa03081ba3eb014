"""The built site in real Chromium: search, its filters and shareable addresses, the page without
JavaScript, navigation, accessibility (axe-core), and a site published under a base path.

The browser is Debian's Chromium (/usr/bin/chromium), driven by Playwright; axe-core comes from npm
into .venv/axe. `make test` installs both. Nothing here is skipped when they are missing: a skipped
browser test in CI would hide a broken setup, so the tests fail and say what to run.

The site is the repository's own content/, built once with its Pagefind index, and served over
loopback with the site's Content-Security-Policy header, as a host that reads _headers would send it.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from conftest import patched_with_edits, settled
from mouarchive import search
from mouarchive.build import build_site
from mouarchive.config import load_config
from mouarchive.csp import CONTENT_SECURITY_POLICY

try:
    from playwright.sync_api import Browser, Page, expect, sync_playwright
except ImportError:  # reported by the `browser` fixture, so that every test says what to do
    sync_playwright = None

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[1]
# The example archive as it was when these tests were written (two agreements): content/ grows.
EXAMPLE = REPO / "tests" / "fixtures" / "example"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--headless=new", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic",
]
# `make test` installs axe-core with npm into the virtual environment the tests run in.
AXE_JS = Path(sys.prefix) / "axe" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
TIMEOUT_MS = 10_000

# In the repository's content/: a party's name that only one agreement's pages mention, and more.
CAC_AGREEMENT = "agreements/itib-cac-2026/"
FSDC_AGREEMENT = "agreements/fsdc-caict-2023/"
FSDC_AGREEMENT_TITLE = "MOU between FSDC and CAICT on digital and green finance innovation"
CAC_AGREEMENT_TITLE = "MOU between ITIB and CAC on AI, cross-border data and blockchain"
# The archive editors' Traditional Chinese translation of the FSDC document, and words only it holds.
FSDC_CHINESE = "documents/undated/fsdc-caict-mou-zh-hant/"
FSDC_CHINESE_TITLE = "香港金融發展局與中國信息通信研究院簽署諒解備忘錄，促進數字金融及綠色金融創新"
FSDC_ENGLISH = "documents/2023/fsdc-caict-mou/"
RESULT = "#search-results li.search-result"
COUNTED = re.compile(r"^(\d+) results?\b")


# --- the sites, their servers and the browser ------------------------------------------------------

@dataclass(frozen=True)
class Sites:
    root: Path  # built for https://mouarchive.example.org/ (the repository's base_url)
    based: Path  # the parent of archive/, built for https://example.org/archive/


@pytest.fixture(scope="session")
def sites(tmp_path_factory: pytest.TempPathFactory) -> Sites:
    """The example archive of the tests and the repository's mouarchive.toml, built twice with the
    search index."""
    work = tmp_path_factory.mktemp("browser-sites")
    source = work / "source"
    shutil.copytree(EXAMPLE / "content", source / "content")
    shutil.copy(REPO / "mouarchive.toml", source / "mouarchive.toml")
    root, based = work / "root" / "site", work / "based" / "archive"
    build_site(load_config(source, {"search": True, "output_dir": str(root)}))
    with pytest.MonkeyPatch.context() as patch:
        # The site under /archive/ has its index in parts, as a large archive has, to be merged.
        patch.setattr(search, "PART_SIZE", 2)
        build_site(load_config(source, {"search": True, "output_dir": str(based),
                                        "base_url": "https://example.org/archive/"}))
    assert (root / "pagefind" / "1-of-1" / "pagefind.js").is_file(), f"no search index in {root}"
    # Each document's record is in its agreement's part (search.plan_index): two agreements, two parts.
    assert json.loads((based / "pagefind" / "parts.json").read_text()) == {"parts": ["1-of-3", "2-of-3"]}
    return Sites(root=root, based=based.parent)


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files with the headers that the built site's _headers file asks a host to send."""

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


class _Headerless(http.server.SimpleHTTPRequestHandler):
    """Static files and no headers of the site's: a host that cannot send them (GitHub Pages)."""

    def log_message(self, format: str, *args: object) -> None:  # quiet
        pass


def _serve(directory: Path, handler: type[http.server.SimpleHTTPRequestHandler] = _Handler) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(handler, directory=str(directory)))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name=f"serve {directory}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@dataclass(frozen=True)
class Edited:
    patched: Path  # the example archive built, then a title edited and patched as the warm engine does
    clean: Path  # the edited archive built afresh


@pytest.fixture(scope="session")
def edited(tmp_path_factory: pytest.TempPathFactory) -> Edited:
    """The example archive in parts, a document's title edited and the build patched with the edit's
    records in an edits part of the index (search.EDITS), not yet caught up; and the same edited
    content built afresh."""
    from mouarchive.engine import build_site as build_and_keep_state

    work = tmp_path_factory.mktemp("edited-sites")
    overrides = {"search": True, "output_dir": "site"}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "PART_SIZE", 2)
        sites = []
        for name in ("patched", "clean"):
            source = work / name
            shutil.copytree(EXAMPLE / "content", source / "content")
            shutil.copy(REPO / "mouarchive.toml", source / "mouarchive.toml")
            sites.append(source)
        patched, clean = sites
        build_and_keep_state(load_config(patched, overrides))
        settled(patched)
        for source in sites:
            document = source / "content" / "2023" / "fsdc-caict-mou.md"
            document.write_text(document.read_text(encoding="utf-8").replace(
                "green finance innovation\n", "green finance innovation, zebrafinch\n", 1), encoding="utf-8")
        _engine, report = patched_with_edits(load_config(patched, overrides))
        build_site(load_config(clean, overrides))
    assert report.search_behind, "the edit did not go into an edits part"
    assert search.EDITS in json.loads((patched / "site" / "pagefind" / "parts.json").read_text())["parts"]
    return Edited(patched / "site", clean / "site")


@pytest.fixture(scope="session")
def edited_urls(edited: Edited) -> Iterator[tuple[str, str]]:
    """The addresses of the patched site and of the clean one."""
    for patched in _serve(edited.patched):
        for clean in _serve(edited.clean):
            yield patched, clean


@pytest.fixture(scope="session")
def root_url(sites: Sites) -> Iterator[str]:
    """The address of the site built for the root of its host."""
    yield from _serve(sites.root)


@pytest.fixture(scope="session")
def headerless_url(sites: Sites) -> Iterator[str]:
    """The same site from a host that sends no Content-Security-Policy header."""
    yield from _serve(sites.root, _Headerless)


@pytest.fixture(scope="session")
def archive_url(sites: Sites) -> Iterator[str]:
    """The address of the site built for /archive/, served under /archive/."""
    for url in _serve(sites.based):
        yield url + "archive/"


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if sync_playwright is None:
        pytest.fail("Playwright is not installed: run `make test`, which installs the [test] extras "
                    "(pip install -e '.[test]')", pytrace=False)
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is not installed ({CHROMIUM}): run `make test`, which installs Debian's "
                    "chromium package (never `playwright install`)", pytrace=False)
    expect.set_options(timeout=TIMEOUT_MS)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@contextmanager
def _open(browser: Browser, **options: object) -> Iterator[Page]:
    """A page in a fresh context that records errors; the test fails if any occurred."""
    context = browser.new_context(**options)
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    trouble: list[str] = []  # script errors, console errors (a CSP violation is one), HTTP errors
    page.on("pageerror", lambda error: trouble.append(f"script error: {error}"))
    page.on("console", lambda message: message.type == "error"
            and trouble.append(f"console error: {message.text} ({page.url})"))
    page.on("response", lambda response: response.status >= 400
            and trouble.append(f"HTTP {response.status}: {response.url}"))
    try:
        yield page
    finally:
        context.close()
    assert not trouble, "the browser reported problems:\n" + "\n".join(trouble)


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    with _open(browser) as page:
        yield page


@pytest.fixture
def page_without_js(browser: Browser) -> Iterator[Page]:
    with _open(browser, java_script_enabled=False) as page:
        yield page


# --- helpers --------------------------------------------------------------------------------------

def open_search(page: Page, url: str) -> None:
    """Load a search page and wait until its script has loaded the index and shown the form."""
    page.goto(url)
    expect(page.locator("#search-form")).to_be_visible()
    expect(page.locator("#search-needs-js")).to_be_hidden()


def result_count(page: Page) -> int:
    """Wait until the status line counts results, and return the count."""
    status = page.locator("#search-status")
    expect(status).to_have_text(COUNTED)
    count = int(COUNTED.match(status.inner_text()).group(1))
    expect(page.locator(RESULT)).to_have_count(min(count, 20))  # the first page of results
    return count


def result_links(page: Page) -> list[str]:
    return [link.get_attribute("href") or "" for link in page.locator(f"{RESULT} h2 a").all()]


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def follow_result(page: Page, href: str, title: str) -> None:
    """Click the result that links to `href` and check that the page it names loads."""
    page.locator(f"{RESULT} h2 a[href='{href}']").click()
    expect(page).to_have_url(href)
    expect(page.locator("h1")).to_have_text(title)


# --- search ---------------------------------------------------------------------------------------

@pytest.mark.parametrize(("words", "agreement", "title"), [
    ("Cyberspace Administration", CAC_AGREEMENT, CAC_AGREEMENT_TITLE),
    ("FSDC", FSDC_AGREEMENT, FSDC_AGREEMENT_TITLE),
], ids=["CAC", "FSDC"])
def test_searching_a_party_finds_its_agreement(page: Page, root_url: str, words: str, agreement: str,
                                               title: str) -> None:
    open_search(page, root_url + "search/")
    expect(page.locator("#search-status")).to_have_text("Type a word or a name, or choose a filter.")
    page.locator("#search-input").fill(words)
    assert result_count(page) >= 1
    expect(page.locator("#search-status")).to_contain_text(f"for \u201c{words}\u201d")
    assert root_url + agreement in result_links(page)
    assert query_of(page.url) == {"q": [words]}
    follow_result(page, root_url + agreement, title)


def test_a_filter_narrows_the_results_and_the_address_keeps_it(page: Page, root_url: str) -> None:
    words = "Cyberspace Administration"
    open_search(page, root_url + "search/")
    page.locator("#search-input").fill(words)
    everything = result_count(page)
    kinds = {meta.split(" · ")[0] for meta in page.locator(f"{RESULT} .search-result-meta").all_inner_texts()}
    assert {"Agreement", "News"} <= kinds, f"expected agreements and news among the results, got {kinds}"

    status_before = page.locator("#search-status").inner_text()
    page.locator("#filter-kind").select_option("Agreement")
    expect(page.locator("#search-status")).not_to_have_text(status_before)
    narrowed = result_count(page)
    assert 1 <= narrowed < everything
    metas = page.locator(f"{RESULT} .search-result-meta").all_inner_texts()
    assert all(meta.startswith("Agreement") for meta in metas), metas
    assert all("/agreements/" in href for href in result_links(page))
    assert root_url + CAC_AGREEMENT in result_links(page)
    assert query_of(page.url) == {"q": [words], "kind": ["Agreement"]}
    assert urlsplit(page.url).path == "/search/"

    page.locator("#filter-kind").select_option("")  # "Any kind" gives every result back
    expect(page.locator("#search-status")).to_have_text(status_before)
    assert query_of(page.url) == {"q": [words]}


def test_a_search_address_can_be_shared(page: Page, root_url: str) -> None:
    open_search(page, root_url + "search/?q=FSDC")
    expect(page.locator("#search-input")).to_have_value("FSDC")
    assert result_count(page) >= 1
    assert root_url + FSDC_AGREEMENT in result_links(page)

    open_search(page, root_url + "search/?q=MOU&year=2023&kind=Agreement")
    expect(page.locator("#search-input")).to_have_value("MOU")
    expect(page.locator("#filter-year")).to_have_value("2023")
    expect(page.locator("#filter-kind")).to_have_value("Agreement")
    assert result_count(page) >= 1
    metas = page.locator(f"{RESULT} .search-result-meta").all_inner_texts()
    assert all(meta.startswith("Agreement") and "2023" in meta for meta in metas), metas
    assert root_url + FSDC_AGREEMENT in result_links(page)
    assert root_url + CAC_AGREEMENT not in result_links(page)


def test_without_javascript_the_search_page_offers_the_ways_to_browse(page_without_js: Page,
                                                                       root_url: str) -> None:
    page = page_without_js
    page.goto(root_url + "search/?q=FSDC")
    notice = page.locator("#search-needs-js")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("needs JavaScript")
    expect(page.locator("#search-form")).to_be_hidden()
    expect(page.locator(RESULT)).to_have_count(0)
    for name, target in [("by topic", "topics/"), ("by party", "parties/"), ("by year of signing", "years/"),
                         ("agreements", "agreements/"), ("documents", "documents/")]:
        link = notice.get_by_role("link", name=name, exact=True)
        expect(link).to_have_attribute("href", "../" + target)
    notice.get_by_role("link", name="by party", exact=True).click()
    expect(page).to_have_url(root_url + "parties/")
    expect(page.locator("h1")).to_have_text("Parties")


# --- Chinese -----------------------------------------------------------------------------------------

def test_search_finds_a_chinese_word_inside_a_sentence(page: Page, root_url: str) -> None:
    """Pagefind's extended build splits Chinese into words: 大灣區 is found in the middle of a phrase."""
    open_search(page, root_url + "search/")
    page.locator("#search-input").fill("大灣區")
    assert result_count(page) >= 1
    links = result_links(page)
    assert root_url + FSDC_CHINESE in links
    assert not any("/zh-hant/" in href for href in links), links  # this interface's pages only
    follow_result(page, root_url + FSDC_CHINESE, FSDC_CHINESE_TITLE)


def test_the_chinese_search_page_searches_the_chinese_interface(page: Page, root_url: str) -> None:
    open_search(page, root_url + "zh-hant/search/")
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hant")
    expect(page.locator("#search-status")).to_have_text("請輸入字詞或名稱，或選擇篩選條件。")
    page.locator("#search-input").fill("金融")
    status = page.locator("#search-status")
    expect(status).to_have_text(re.compile(r"^「金融」的搜尋結果共 \d+ 項。$"))
    links = result_links(page)
    assert root_url + "zh-hant/" + FSDC_CHINESE in links
    assert all(href.startswith(root_url + "zh-hant/") for href in links), links
    assert query_of(page.url) == {"q": ["金融"]}


def test_a_language_filter_narrows_to_documents_in_that_language(page: Page, root_url: str) -> None:
    open_search(page, root_url + "search/")
    page.locator("#search-input").fill("FSDC")
    everything = result_count(page)
    status_before = page.locator("#search-status").inner_text()
    page.locator("#filter-language").select_option("Chinese (Traditional)")
    expect(page.locator("#search-status")).not_to_have_text(status_before)
    narrowed = result_count(page)
    assert 1 <= narrowed < everything
    # The Chinese document, and the agreement it is about (an agreement is filed under the languages
    # of its documents); not the English document.
    links = result_links(page)
    assert root_url + FSDC_CHINESE in links and root_url + FSDC_AGREEMENT in links
    assert root_url + FSDC_ENGLISH not in links
    assert query_of(page.url) == {"q": ["FSDC"], "language": ["Chinese (Traditional)"]}


def test_a_reader_switches_language_on_a_document_and_back(page: Page, root_url: str) -> None:
    page.goto(root_url + FSDC_ENGLISH)
    switch = page.locator("nav.language-switch")
    switch.get_by_role("link", name="中文 (繁體)").click()
    # The Chinese interface, and the document in Chinese, not the English one with a Chinese menu.
    expect(page).to_have_url(root_url + "zh-hant/" + FSDC_CHINESE)
    expect(page.locator("html")).to_have_attribute("lang", "zh-Hant")
    expect(page.locator("h1")).to_have_text(FSDC_CHINESE_TITLE)
    expect(page.locator("header.site-header nav.site-nav")).to_contain_text("協議")
    page.locator("nav.language-switch").get_by_role("link", name="English").click()
    expect(page).to_have_url(root_url + FSDC_ENGLISH)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    # The visible link to the other version keeps the reader's interface.
    page.locator("p.versions").get_by_role("link", name="中文 (繁體)").click()
    expect(page).to_have_url(root_url + FSDC_CHINESE)
    expect(page.locator("html")).to_have_attribute("lang", "en")


# --- navigation -----------------------------------------------------------------------------------

def walk_topic_agreement_party(page: Page, home: str) -> None:
    """Home -> a topic -> an agreement on it -> a party to it, checking each page's address and h1."""
    page.goto(home)
    expect(page).to_have_url(home)
    page.locator("section[aria-labelledby=home-topics-heading]").get_by_role(
        "link", name=re.compile(r"^Blockchain\b")).click()
    expect(page).to_have_url(home + "topics/blockchain/")
    expect(page.locator("h1")).to_have_text(re.compile(r"^Blockchain"))  # then its Chinese names
    page.locator("main").get_by_role("link", name=FSDC_AGREEMENT_TITLE, exact=True).first.click()
    expect(page).to_have_url(home + FSDC_AGREEMENT)
    expect(page.locator("h1")).to_have_text(FSDC_AGREEMENT_TITLE)
    page.locator("main").get_by_role("link", name="Financial Services Development Council",
                                     exact=True).first.click()
    expect(page).to_have_url(home + "parties/fsdc/")
    expect(page.locator("h1")).to_have_text("Financial Services Development Council (FSDC)")


def test_navigation_from_home_to_topic_agreement_and_party(page: Page, root_url: str) -> None:
    walk_topic_agreement_party(page, root_url)


# --- accessibility --------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def axe_source() -> str:
    if not AXE_JS.is_file():
        pytest.fail(f"axe-core is not installed ({AXE_JS}): run `make test`, which installs it with npm",
                    pytrace=False)
    return AXE_JS.read_text(encoding="utf-8")


def axe_violations(page: Page, axe_source: str) -> list[dict]:
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source)
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS)
    return result["violations"]


def describe(violations: list[dict]) -> str:
    lines = []
    for v in violations:
        lines.append(f"[{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node.get('failureSummary', '')}"
                         .replace("\n", " "))
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["", CAC_AGREEMENT, "parties/fsdc/", "search/?q=FSDC", "zh-hant/",
                                  "zh-hant/" + FSDC_AGREEMENT, "zh-hant/" + FSDC_CHINESE,
                                  "zh-hant/search/?q=金融"],
                         ids=["home", "agreement", "party", "search", "zh-home", "zh-agreement",
                              "zh-document", "zh-search"])
def test_no_serious_accessibility_violations(browser: Browser, root_url: str, axe_source: str,
                                             path: str, scheme: str) -> None:
    with _open(browser, color_scheme=scheme) as page:
        page.goto(root_url + path)
        if "search/" in path:
            expect(page.locator(RESULT).first).to_be_visible()
        violations = axe_violations(page, axe_source)
        serious = [v for v in violations if v["impact"] in ("serious", "critical")]
        if violations:
            print(f"axe on /{path} ({scheme}):\n{describe(violations)}")
        assert not serious, f"axe on /{path} ({scheme}) found serious or critical violations:\n" + \
            describe(violations)


def test_the_accessibility_check_finds_a_violation(page: Page, root_url: str, axe_source: str) -> None:
    """The check above runs real rules: a button without a name is a critical violation."""
    page.goto(root_url)
    page.evaluate("document.querySelector('main').append(document.createElement('button'))")
    violations = axe_violations(page, axe_source)
    assert {(v["id"], v["impact"]) for v in violations} >= {("button-name", "critical")}, describe(violations)


# --- under a base path ----------------------------------------------------------------------------

def test_navigation_under_a_base_path(page: Page, archive_url: str) -> None:
    walk_topic_agreement_party(page, archive_url)
    page.locator("header").get_by_role("link", name="Search", exact=True).click()
    expect(page).to_have_url(archive_url + "search/")
    expect(page.locator("#search-form")).to_be_visible()


def test_an_index_in_parts_finds_and_files_what_one_index_does(page: Page, root_url: str,
                                                                archive_url: str) -> None:
    found = {}
    for url in (root_url, archive_url):
        open_search(page, url + "search/?q=FSDC")
        count = result_count(page)
        links = sorted(link.removeprefix(url) for link in result_links(page))
        options = {name: page.locator(f"#filter-{name} option").all_inner_texts()
                   for name in ("topic", "party", "year", "kind", "language")}
        found[url] = (count, links, options)
    assert found[root_url] == found[archive_url]
    assert found[root_url][0] >= 3


@pytest.mark.parametrize("words", ["zebrafinch", "FSDC", "digital"])
def test_an_index_with_an_edits_part_finds_and_files_what_a_clean_index_does(
        page: Page, edited_urls: tuple[str, str], words: str) -> None:
    """After an edit the warm engine answers with the edit's records in a part of their own: the
    search page leaves out their earlier versions, and counts each filter's values without them."""
    found = {}
    for url in edited_urls:
        open_search(page, url + f"search/?q={words}")
        count = result_count(page)
        links = sorted(link.removeprefix(url) for link in result_links(page))
        options = {name: page.locator(f"#filter-{name} option").all_inner_texts()
                   for name in ("topic", "party", "year", "kind", "language")}
        found[url] = (count, links, options)
    patched, clean = edited_urls
    assert found[patched] == found[clean]
    assert found[clean][0] >= 1


def test_search_under_a_base_path(page: Page, archive_url: str) -> None:
    open_search(page, archive_url + "search/")
    page.locator("#search-input").fill("FSDC")
    assert result_count(page) >= 1
    links = result_links(page)
    assert all(href.startswith(archive_url) and "/archive/archive/" not in href for href in links), links
    assert archive_url + FSDC_AGREEMENT in links
    assert urlsplit(page.url).path == "/archive/search/"
    follow_result(page, archive_url + FSDC_AGREEMENT, FSDC_AGREEMENT_TITLE)


# --- redirect pages and previews ------------------------------------------------------------------

FIXTURE = Path(__file__).parent / "fixtures" / "site"  # has aliases, a draft and an embargoed document


@pytest.fixture(scope="session")
def preview_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The golden fixture built as a preview (drafts shown, marked), served under /archive/."""
    built = tmp_path_factory.mktemp("preview") / "archive"
    build_site(load_config(FIXTURE, {"output_dir": str(built)}), drafts=True)
    for url in _serve(built.parent):
        yield url + "archive/"


def test_an_old_address_leads_to_the_page_without_javascript(page_without_js: Page, preview_url: str) -> None:
    page_without_js.goto(preview_url + "documents/2024/data-forum-speech/")
    expect(page_without_js).to_have_url(preview_url + "documents/2024/minister-speech/")
    expect(page_without_js.locator("h1")).to_have_text(
        "Speech by the Secretary for Digital Technology at the Data Forum")


@pytest.mark.parametrize("path", ["documents/2024/annex-draft/", "agreements/dtb-nda-2024-annex/",
                                  "documents/"], ids=["draft", "held-agreement", "list"])
def test_previews_are_marked_and_accessible(browser: Browser, preview_url: str, axe_source: str,
                                            path: str) -> None:
    with _open(browser) as page:
        page.goto(preview_url + path)
        expect(page.locator(".flag, .notice-title").filter(has_text="Preview").first).to_be_visible()
        violations = axe_violations(page, axe_source)
        serious = [v for v in violations if v["impact"] in ("serious", "critical")]
        assert not serious, f"axe on /{path} found serious or critical violations:\n" + describe(violations)


# --- a host that sends no headers -----------------------------------------------------------------

def test_without_the_header_search_works_under_the_pages_own_policy(page: Page, headerless_url: str) -> None:
    open_search(page, headerless_url + "search/?q=FSDC")  # a CSP violation would fail the test
    assert result_count(page) >= 1


def test_without_the_header_the_pages_own_policy_refuses_an_inline_event_handler(
        browser: Browser, headerless_url: str) -> None:
    """What a sanitiser's slip would let through (an event handler in a body) does not run: the
    policy in the page refuses it, as the header would."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(headerless_url + FSDC_AGREEMENT)
        violated = page.evaluate("""() => new Promise(resolve => {
            document.addEventListener('securitypolicyviolation', e => resolve(e.effectiveDirective),
                                      {once: true});
            setTimeout(() => resolve(window.ran ? 'the handler ran' : 'no violation'), 5000);  // failing
            const holder = document.createElement('div');
            holder.innerHTML = '<img alt="" src="data:," onerror="window.ran = true">';
            document.body.append(holder);
        })""")
        assert violated == "script-src-attr"
        assert page.evaluate("window.ran === undefined")
    finally:
        context.close()


# --- citations: what Zotero reads of a page, and the "cite" of one fact -----------------------------

# Zotero's Embedded Metadata translator (zotero/translators, "Embedded Metadata.js", with the RDF
# translator's detectType it hands the Dublin Core, z: and og: tags to), as far as our pages need:
# - the item type: a Highwire tag that names a container (citation_journal_title ...) decides;
#   else z:itemType, when it is a Zotero type; else og:type ("website" is a webpage); else DC.type,
#   when it is a Zotero type; else, with a citation_title, a journal article;
# - the fields: the Highwire tags, the later of citation_publication_date and citation_date winning;
#   each citation_author is a creator.
HIGHWIRE_TYPES = {"citation_journal_title": "journalArticle",
                  "citation_technical_report_institution": "report",
                  "citation_conference_title": "conferencePaper", "citation_conference": "conferencePaper",
                  "citation_book_title": "bookSection", "citation_inbook_title": "bookSection",
                  "citation_dissertation_institution": "thesis"}
ZOTERO_TYPES = {"document", "statute", "webpage", "journalArticle", "newspaperArticle", "report",
                "presentation"}
OG_TYPES = {"website": "webpage", "book": "book"}
HIGHWIRE_FIELDS = {"citation_title": "title", "citation_publication_date": "date", "citation_date": "date",
                   "citation_publisher": "publisher", "citation_public_url": "url",
                   "citation_language": "language"}


def meta_of(page: Page) -> list[tuple[str, str]]:
    """Every meta tag in <head> as the translator reads it: its name (or property) and content."""
    return [tuple(pair) for pair in page.evaluate(
        """() => Array.from(document.querySelectorAll('html > head > meta'))
             .map(m => [m.getAttribute('name') || m.getAttribute('property'), m.getAttribute('content')])
             .filter(([name, content]) => name && content)""")]


def zotero_item(meta: list[tuple[str, str]]) -> dict[str, object]:
    first = {}
    for name, content in meta:
        first.setdefault(name, content)
    hw_type = next((HIGHWIRE_TYPES[n] for n, _ in meta if n in HIGHWIRE_TYPES), None)
    z_type = first.get("z:itemType") if first.get("z:itemType") in ZOTERO_TYPES else None
    og_type = OG_TYPES.get(first.get("og:type", ""))
    dc_type = first.get("DC.type") if first.get("DC.type") in ZOTERO_TYPES else None
    guess = "journalArticle" if "citation_title" in first else None
    item: dict[str, object] = {"itemType": hw_type or z_type or og_type or dc_type or guess}
    for tag, field in HIGHWIRE_FIELDS.items():
        if tag in first:
            item[field] = first[tag]
    item["creators"] = [content for name, content in meta if name == "citation_author"]
    return item


def test_zotero_saves_an_agreement_page_as_a_document_with_its_parties_as_authors(
        page: Page, root_url: str) -> None:
    page.goto(root_url + FSDC_AGREEMENT)
    meta = meta_of(page)
    assert zotero_item(meta) == {
        "itemType": "document", "title": FSDC_AGREEMENT_TITLE, "date": "2023/09/06",
        "publisher": "Hong Kong–Mainland Cooperation Agreements",
        "url": "https://mouarchive.example.org/" + FSDC_AGREEMENT, "language": "en",
        "creators": ["Financial Services Development Council",
                     "China Academy of Information and Communications Technology"]}
    # Without its z:itemType the page's og:type would make it a bare web page, as it was before.
    assert zotero_item([m for m in meta if m[0] != "z:itemType"])["itemType"] == "webpage"


def test_zotero_saves_a_translated_document_with_its_language(page: Page, root_url: str) -> None:
    page.goto(root_url + "zh-hant/" + FSDC_CHINESE)
    item = zotero_item(meta_of(page))
    assert item["itemType"] == "document" and item["title"] == FSDC_CHINESE_TITLE
    assert item["language"] == "zh-Hant" and item["url"] == "https://mouarchive.example.org/" + FSDC_CHINESE
    assert "date" not in item  # the translation states no date of its own


def test_a_facts_citation_opens_without_javascript(page_without_js: Page, root_url: str) -> None:
    page = page_without_js
    page.goto(root_url + FSDC_AGREEMENT + "#fact-signed-2023-09-06")
    fact = page.locator("#fact-signed-2023-09-06")
    text = fact.locator("details.fact-cite p")
    expect(text).to_be_hidden()
    fact.locator("details.fact-cite summary").click()
    expect(text).to_be_visible()
    expect(text).to_contain_text("Signed: 6 September 2023, as stated in [1]")
    expect(text.locator("a")).to_have_attribute("href", "#fact-signed-2023-09-06")


@pytest.mark.parametrize("path", [FSDC_AGREEMENT, "zh-hant/" + CAC_AGREEMENT])
def test_open_fact_citations_are_accessible(page: Page, root_url: str, axe_source: str, path: str) -> None:
    page.goto(root_url + path)
    page.evaluate("() => document.querySelectorAll('details.fact-cite').forEach(d => d.open = true)")
    violations = axe_violations(page, axe_source)
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert not serious, describe(violations)
