"""The archive in English and Chinese: the interface's catalogues, dates and names in Chinese, versions
of a document in other languages (`translation_of`), the site again under /zh-hant/ with a language
switch and hreflang alternates, and what `languages` in mouarchive.toml accepts.

Most checks read the bilingual fixture (tests/fixtures/bilingual/), built once; its golden output is
compared byte for byte in test_golden.py, so these tests name what the output must mean.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from babel.messages.frontend import CommandLineInterface
from babel.messages.pofile import read_po

from mouarchive.build import build_site, inspect_site
from mouarchive.config import load_config
from mouarchive.errors import BuildError
from mouarchive.i18n import catalogue_path, format_date, language_name, names_in, translations
from mouarchive.model import PartialDate, Topic
from mouarchive.search import search_records

REPO = Path(__file__).resolve().parents[1]
FIXTURE = Path(__file__).parent / "fixtures" / "bilingual"
Check = Callable[[dict[str, str | bytes]], list[str]]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("bilingual") / "site"
    build_site(load_config(FIXTURE, {"output_dir": str(output)}))
    return output


def text(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


class Links(HTMLParser):
    """What the checks below look at in a page: <html lang>, hreflang alternates, the switch."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.alternates: dict[str, str] = {}
        self.switch: dict[str, str] = {}  # language -> href, for the languages the switch links to
        self.current = ""  # the language the switch marks as this page's
        self._in_switch = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        elif tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.alternates[a["hreflang"]] = a["href"]
        elif tag == "nav" and "language-switch" in a.get("class", ""):
            self._in_switch = True
        elif self._in_switch and tag == "a":
            self.switch[a["hreflang"]] = a["href"]
        elif self._in_switch and tag == "span" and a.get("aria-current"):
            self.current = a.get("lang", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self._in_switch = False


def links(site: Path, rel: str) -> Links:
    parser = Links()
    parser.feed(text(site, rel))
    return parser


# --- the catalogues ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def extracted(tmp_path_factory: pytest.TempPathFactory) -> list:
    """Every message the templates and the code use, extracted as `make messages` extracts them."""
    pot = tmp_path_factory.mktemp("messages") / "messages.pot"
    CommandLineInterface().run(["pybabel", "-q", "extract", "-F", str(REPO / "babel.cfg"), "-k", "N_",
                                "--omit-header", "-o", str(pot), str(REPO)])
    with pot.open("rb") as handle:
        return [message for message in read_po(handle) if message.id]


def chinese_catalogue():
    with catalogue_path("zh-Hant").open("rb") as handle:
        return read_po(handle, locale="zh_Hant")


def test_every_message_has_a_traditional_chinese_translation(extracted: list) -> None:
    catalogue = chinese_catalogue()
    assert len(extracted) > 150  # the extraction found the templates' messages
    missing = []
    for message in extracted:
        found = catalogue.get(message.id)
        strings = found.string if found else None
        if (found is None or found.fuzzy or not strings
                or (isinstance(strings, tuple) and not all(strings))):
            missing.append(message.id)
    assert not missing, ("messages without a zh-Hant translation (run `make messages`, then translate "
                         f"them in {catalogue_path('zh-Hant').relative_to(REPO)}):\n"
                         + "\n".join(map(repr, missing)))


def test_the_catalogue_holds_no_message_the_interface_no_longer_uses(extracted: list) -> None:
    used = {message.id for message in extracted}
    stale = [message.id for message in chinese_catalogue() if message.id and message.id not in used]
    assert not stale, "run `make messages` to drop them: " + ", ".join(map(repr, stale))


PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")


def test_translations_keep_every_placeholder_of_their_message() -> None:
    for message in chinese_catalogue():
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = {found for text in ids for found in PLACEHOLDER.findall(text)}
        for string in strings:
            assert set(PLACEHOLDER.findall(string)) == wanted, (message.id, string)


def test_the_catalogue_is_compiled_when_a_build_needs_it() -> None:
    chinese = translations("zh-Hant")
    assert chinese.gettext("Agreements") == "協議"
    assert chinese.ngettext("%(num)d document", "%(num)d documents", 3) == "%(num)d 份文件"
    assert translations("en").gettext("Agreements") == "Agreements"
    assert not list(REPO.glob("src/mouarchive/locale/**/*.mo"))  # nothing compiled to commit


# --- dates, languages and names -----------------------------------------------------------------------

@pytest.mark.parametrize(("date", "english", "chinese"), [
    (PartialDate(2023, 9, 6), "6 September 2023", "2023年9月6日"),
    (PartialDate(2023, 9), "September 2023", "2023年9月"),
    (PartialDate(2023), "2023", "2023年"),
])
def test_dates_are_written_as_each_language_writes_them(date: PartialDate, english: str,
                                                        chinese: str) -> None:
    assert format_date(date, "en") == english == date.display
    assert format_date(date, "zh-Hant") == chinese
    assert format_date(date, "zh-Hans") == chinese


def test_languages_are_named_in_the_readers_language_or_their_own() -> None:
    assert language_name("zh-Hant", "en") == "Chinese (Traditional)"
    assert language_name("en", "zh-Hant") == "英文"
    assert language_name("zh-Hant", "zh-Hant") == "中文 (繁體)"


def test_a_reader_gets_the_name_in_their_language_first() -> None:
    topic = Topic("t", "Blockchain", names=(("zh-Hans", "区块链"), ("zh-Hant", "區塊鏈")))
    assert names_in(topic, "en", "en")[0] == ("en", "Blockchain")
    assert names_in(topic, "zh-Hant", "en") == (("zh-Hant", "區塊鏈"), ("en", "Blockchain"),
                                               ("zh-Hans", "区块链"))
    mainland = Topic("m", "Ministry", names=(("zh-Hans", "部"),))
    assert names_in(mainland, "zh-Hant", "en")[0] == ("zh-Hans", "部")  # as the body writes it
    english_only = Topic("e", "Fintech")
    assert names_in(english_only, "zh-Hant", "en") == (("en", "Fintech"),)


# --- the site in two languages ----------------------------------------------------------------------

def html_pages(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def test_every_page_is_there_in_both_interfaces_with_its_lang(site: Path) -> None:
    pages = html_pages(site)
    english = [p for p in pages if not p.startswith("zh-hant/")]
    assert len(english) > 20
    assert sorted(p for p in pages if p.startswith("zh-hant/")) == sorted("zh-hant/" + p for p in english)
    for rel in english:
        assert links(site, rel).lang == "en", rel
        assert links(site, "zh-hant/" + rel).lang == "zh-Hant", rel
    # Files every language shares exist once, at the root.
    for shared in ("static", "data", "sitemap.xml", "robots.txt", "_headers"):
        assert not (site / "zh-hant" / shared).exists()
    assert (site / "zh-hant" / "feed.xml").is_file()


def test_the_language_switch_on_every_page_leads_to_a_page_in_that_language(site: Path) -> None:
    for rel in html_pages(site):
        page = links(site, rel)
        assert page.current == page.lang, rel
        (other,) = {"en", "zh-Hant"} - {page.lang}
        assert set(page.switch) == {other}, rel
        if rel.endswith("404.html"):  # served at any address, so its links start from the base path
            assert urlsplit(page.switch[other]).path.startswith("/")
            continue
        target = urlsplit(urljoin(f"http://x/{rel}", page.switch[other])).path.lstrip("/")
        target = target + "index.html" if target.endswith("/") or not target else target
        assert (site / target).is_file(), (rel, target)
        assert links(site, target).lang == other, (rel, target)


def test_hreflang_links_a_document_to_its_version_in_each_language(site: Path) -> None:
    english = "documents/2024/dtb-nda-signing/index.html"
    chinese = "zh-hant/documents/2024/dtb-nda-signing-zh-hant/index.html"
    expected = {"en": "https://example.org/documents/2024/dtb-nda-signing/",
                "zh-Hant": "https://example.org/zh-hant/documents/2024/dtb-nda-signing-zh-hant/",
                "x-default": "https://example.org/documents/2024/dtb-nda-signing/"}
    for rel in (english, chinese, "zh-hant/documents/2024/dtb-nda-signing/index.html",
                "documents/2024/dtb-nda-signing-zh-hant/index.html"):
        assert links(site, rel).alternates == expected, rel
    # From the English release, the switch to Chinese goes to the Chinese release.
    assert links(site, english).switch == {
        "zh-Hant": "../../../zh-hant/documents/2024/dtb-nda-signing-zh-hant/"}
    # A page without versions has the same page in the other interface as its alternate.
    assert links(site, "parties/nda/index.html").alternates == {
        "en": "https://example.org/parties/nda/", "zh-Hant": "https://example.org/zh-hant/parties/nda/",
        "x-default": "https://example.org/parties/nda/"}


def test_a_document_links_its_versions_visibly(site: Path) -> None:
    english = text(site, "documents/2024/dtb-nda-signing/index.html")
    assert ('<p class="versions">Also in <a href="../../../documents/2024/'
            'dtb-nda-signing-zh-hant/" hreflang="zh-Hant" lang="zh-Hant">中文 (繁體)</a>') in english
    chinese = text(site, "zh-hant/documents/2024/dtb-nda-signing-zh-hant/index.html")
    assert ('譯自 <a href="../../../../zh-hant/documents/2024/dtb-nda-signing/" hreflang="en" '
            'lang="en">English</a>') in chinese
    assert '<h1 lang="zh-Hant">數碼科技局與国家数据研究院簽署人工智能及跨境數據合作備忘錄</h1>' in chinese


def test_an_agreement_lists_its_documents_in_every_language(site: Path) -> None:
    for rel, english, chinese, translation in [
        ("agreements/dtb-nda-2024/index.html", "English", "Chinese (Traditional)", "A translation of [1]"),
        ("zh-hant/agreements/dtb-nda-2024/index.html", "英文", "中文 (繁體)", "[1] 的譯本"),
    ]:
        page = text(site, rel)
        assert page.count(f'<span class="doc-language">{english}</span>') == 2, rel
        assert page.count(f'<span class="doc-language">{chinese}</span>') == 1, rel
        assert f'<span class="translation-of">{translation}</span>' in page, rel


def test_the_chinese_interface_reads_in_chinese(site: Path) -> None:
    home = text(site, "zh-hant/index.html")
    assert "<title>雙語測試檔案庫</title>" in home
    assert '<a href="../zh-hant/agreements/">協議</a>' in home
    party = text(site, "zh-hant/parties/dtb/index.html")
    assert "<title>數碼科技局 · 雙語測試檔案庫</title>" in party
    assert ('<h1>數碼科技局 <span class="h1-acronym" lang="en">(DTB)</span></h1>\n'
            '<p class="local-names"><span class="local-name" lang="en">Digital Technology Bureau</span>'
            '</p>') in party
    # A Mainland body's own Simplified name, marked as such; a party with no Chinese name in English.
    nda = text(site, "zh-hant/parties/nda/index.html")
    assert '<h1><span lang="zh-Hans">国家数据研究院</span>' in nda
    mfa = text(site, "zh-hant/parties/mfa/index.html")
    assert '<h1><span lang="en">Monetary and Finance Authority</span>' in mfa


def test_kinds_of_party_the_interface_knows_are_in_the_readers_language(site: Path) -> None:
    chinese = text(site, "zh-hant/parties/index.html")
    for kind in ("政策局", "監管機構", "研究機構"):
        assert f'<h3 class="small-heading">{kind}</h3>' in chinese
    assert '<h3 class="small-heading">Government bureau</h3>' in text(site, "parties/index.html")
    assert "<dt>類別</dt><dd>政策局</dd>" in text(site, "zh-hant/parties/dtb/index.html")


def test_an_english_documents_own_words_are_marked_english_in_the_chinese_interface(site: Path) -> None:
    page = text(site, "zh-hant/documents/2024/dtb-nda-signing/index.html")
    assert ('<span aria-current="page"><span lang="en">DTB and NDA sign MOU on AI and cross-boundary '
            'data</span></span>') in page  # its title, in the breadcrumbs
    assert '<li lang="en">Ms Wong Siu Ming, ' in page  # who signed, as the document says


def test_the_partners_picture_names_parties_in_the_readers_language(site: Path) -> None:
    page = text(site, "zh-hant/parties/dtb/index.html")
    assert '<desc id="partners-dtb-desc">數碼科技局居中，連向其他 1 個簽署方' in page
    assert "<title>国家数据研究院: 1</title></circle>" in page
    assert '<desc id="partners-dtb-desc">Digital Technology Bureau in the centre' in text(
        site, "parties/dtb/index.html")


def test_a_kind_of_party_the_interface_does_not_know_is_shown_as_written(
        make_site: Callable[..., Path]) -> None:
    from conftest import PARTIES_YAML
    from test_build import DOC
    parties = PARTIES_YAML.replace("  acronym: FSDC\n", "  acronym: FSDC\n  kind: think tank\n")
    site = make_site({"content/parties.yaml": parties, "content/2023/fsdc-caict-mou.md": DOC,
                      "mouarchive.toml": 'languages = ["en", "zh-Hant"]\n'})
    build_site(load_config(site))
    chinese = (site / "site/zh-hant/parties/index.html").read_text(encoding="utf-8")
    assert '<h3 class="small-heading"><span lang="en">Think tank</span></h3>' in chinese


def test_both_names_are_shown_where_both_exist(site: Path) -> None:
    parties = text(site, "parties/index.html")
    assert ('<a href="../parties/dtb/">Digital Technology Bureau</a> <span class="acronym">DTB</span>'
            '</span>\n<span class="party-local"><span class="local-name" lang="zh-Hant">數碼科技局'
            '</span></span>') in parties
    topics = text(site, "zh-hant/topics/index.html")
    assert ('<a href="../../zh-hant/topics/artificial-intelligence/">人工智能</a><span class="local-name" '
            'lang="en">Artificial intelligence</span>') in topics
    home = text(site, "index.html")
    assert ('<a class="tag" href="topics/artificial-intelligence/">Artificial intelligence<span '
            'class="local-name" lang="zh-Hant">人工智能</span>') in home


@pytest.mark.parametrize(("rel", "shown"), [
    ("zh-hant/agreements/dtb-nda-2024/index.html", '<time datetime="2024-03-01">2024年3月1日</time>'),
    ("zh-hant/documents/2024/minister-speech/index.html", '<time datetime="2024-06">2024年6月</time>'),
    ("zh-hant/agreements/mfa-nda-2021/index.html", '<time datetime="2021">2021年</time>'),
    ("agreements/mfa-nda-2021/index.html", '<time datetime="2021">2021</time>'),
    ("documents/2024/minister-speech/index.html", '<time datetime="2024-06">June 2024</time>'),
])
def test_dates_on_pages(site: Path, rel: str, shown: str) -> None:
    assert shown in text(site, rel)


def test_feeds_json_ld_and_open_data_carry_both_names(site: Path) -> None:
    feed = text(site, "zh-hant/feed.xml")
    assert '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-Hant">' in feed
    assert '<category term="artificial-intelligence" label="人工智能"/>' in feed
    assert "<summary>數碼科技局及国家数据研究院於2024年3月1日簽署。</summary>" in feed
    assert "<id>https://example.org/zh-hant/agreements/dtb-nda-2024/</id>" in feed

    page = text(site, "agreements/dtb-nda-2024/index.html")
    graph = json.loads(page.split('<script type="application/ld+json">')[1].split("</script>")[0])["@graph"]
    dtb = next(node for node in graph if node.get("@id", "").endswith("/parties/dtb/#org"))
    assert dtb["alternateName"] == ["DTB", {"@value": "數碼科技局", "@language": "zh-Hant"}]
    legislation = next(node for node in graph if node["@type"] == "Legislation")
    assert {"@value": "人工智能", "@language": "zh-Hant"} in legislation["about"][0]["alternateName"]
    translation = next(node for node in graph if node.get("inLanguage") == "zh-Hant"
                       and node["@type"] == "NewsArticle")
    assert translation["translationOfWork"] == {
        "@id": "https://example.org/documents/2024/dtb-nda-signing/#document"}

    data = json.loads(text(site, "data/agreements.json"))
    assert {"id": "nda", "names": {"zh-Hans": "国家数据研究院"}}.items() <= data["parties"][1].items()
    documents = next(a for a in data["agreements"] if a["id"] == "dtb-nda-2024")["documents"]
    assert documents[1]["lang"] == "zh-Hant"
    assert documents[1]["translation_of"] == "https://example.org/documents/2024/dtb-nda-signing/"
    rows = list(csv.reader(io.StringIO(text(site, "data/agreements.csv"))))
    assert rows[0][14:16] == ["party_names_zh", "languages"]  # where they have been since they came
    assert rows[1][14:16] == ["數碼科技局; 国家数据研究院", "en; zh-Hant"]


def test_the_sitemap_lists_the_pages_of_both_interfaces(site: Path) -> None:
    sitemap = text(site, "sitemap.xml")
    assert "<loc>https://example.org/agreements/dtb-nda-2024/</loc>" in sitemap
    assert "<loc>https://example.org/zh-hant/agreements/dtb-nda-2024/</loc>" in sitemap


def test_search_files_each_record_once_under_every_interface_and_its_documents_languages() -> None:
    plan, problems = inspect_site(load_config(FIXTURE, {}))
    assert not problems.errors
    records = {r.url: r for r in search_records(plan.archive, ("en", "zh-Hant"), "en",
                                                 lambda d: d.body_html)}
    # One record a page, at the address every interface has below its own root.
    assert len(records) == len(plan.archive.documents) + len(plan.archive.agreements)
    chinese = records["documents/2024/dtb-nda-signing-zh-hant/"]
    filters, meta = dict(chinese.filters), dict(chinese.meta)
    assert filters["language@zh-Hant"] == ("中文 (繁體)",)
    assert filters["language@en"] == ("Chinese (Traditional)",)
    assert filters["topic@zh-Hant"] == ("人工智能", "跨境數據")
    assert filters["topic@en"] == ("Artificial intelligence", "Cross-border data")
    assert meta["kind@en"] == "Press release" and meta["kind@zh-Hant"] == "新聞稿"
    assert chinese.content.startswith("數碼科技局與国家数据研究院簽署人工智能及跨境數據合作備忘錄\n")
    agreement = dict(records["agreements/dtb-nda-2024/"].filters)
    assert agreement["language@en"] == ("English", "Chinese (Traditional)")
    assert agreement["kind@zh-Hant"] == ("協議",)


# --- a site in one language ---------------------------------------------------------------------

TRANSLATED = """\
---
title: 香港金融發展局與中國信息通信研究院簽署諒解備忘錄
kind: translation
lang: zh-Hant
translation_of: 2023/fsdc-caict-mou.md
translated_by: 本檔案庫編輯
agreement: fsdc-caict-2023
---
譯文。
"""
ORIGINAL = """\
---
title: FSDC and CAICT sign MOU
kind: press-release
published: 2023-09-11
agreement: {id: fsdc-caict-2023, parties: [FSDC, CAICT], signed: 2023-09-06}
---
The release.
"""


def test_a_site_in_english_only_keeps_its_urls_and_has_no_switch(make_site: Callable[..., Path]) -> None:
    root = make_site({"content/2023/fsdc-caict-mou.md": ORIGINAL,
                      "content/2023/fsdc-caict-mou.zh-hant.md": TRANSLATED})
    build_site(load_config(root))
    site = root / "site"
    assert not (site / "zh-hant").exists()
    agreement = links(site, "agreements/fsdc-caict-2023/index.html")
    assert agreement.lang == "en" and agreement.switch == {} and agreement.alternates == {}
    assert "language-switch" not in text(site, "index.html")
    # The translation is still a version of the document, in the one interface there is.
    assert links(site, "documents/2023/fsdc-caict-mou/index.html").alternates == {
        "en": "https://example.org/documents/2023/fsdc-caict-mou/",
        "zh-Hant": "https://example.org/documents/undated/fsdc-caict-mou-zh-hant/",
        "x-default": "https://example.org/documents/2023/fsdc-caict-mou/"}


def test_a_chinese_file_name_gives_a_readable_url(make_site: Callable[..., Path]) -> None:
    root = make_site({"content/2023/金融發展局備忘錄.md": ORIGINAL})
    build_site(load_config(root))
    assert (root / "site/documents/2023/jin-rong-fa-zhan-ju-bei-wang-lu/index.html").is_file()


# --- translation_of, checked -------------------------------------------------------------------

def other(original: str = "2023/fsdc-caict-mou.md", agreement: str = "fsdc-caict-2023",
          lang: str = "zh-Hant") -> str:
    return TRANSLATED.replace("2023/fsdc-caict-mou.md", original).replace(
        "agreement: fsdc-caict-2023", f"agreement: {agreement}").replace("lang: zh-Hant", f"lang: {lang}")


def test_a_translation_names_its_original_by_path(check_files: Check) -> None:
    assert check_files({"content/2023/fsdc-caict-mou.md": ORIGINAL,
                        "content/2023/fsdc-caict-mou.zh-hant.md": TRANSLATED}) == []


def test_a_translation_may_name_its_original_as_messages_show_it(check_files: Check) -> None:
    assert check_files({"content/2023/fsdc-caict-mou.md": ORIGINAL,
                        "content/2023/zh.md": other("content/2023/fsdc-caict-mou.md")}) == []


def test_an_unknown_original_is_named_with_the_nearest(check_files: Check) -> None:
    assert check_files({"content/2023/fsdc-caict-mou.md": ORIGINAL,
                        "content/2023/zh.md": other("2023/fsdc-caict.md")}) == [
        "content/2023/zh.md:5: translation_of: there is no document 2023/fsdc-caict.md\n"
        "    hint: did you mean '2023/fsdc-caict-mou.md'?"]


def test_a_translation_about_another_agreement_is_an_error(check_files: Check) -> None:
    errors = check_files({
        "content/2023/fsdc-caict-mou.md": ORIGINAL,
        "content/2023/other.md": ORIGINAL.replace("fsdc-caict-2023", "other-2023"),
        "content/2023/zh.md": other(agreement="other-2023")})
    assert errors == [
        "content/2023/zh.md:5: translation_of: is about other-2023, but content/2023/fsdc-caict-mou.md is "
        "about fsdc-caict-2023: a translation is about the same agreements as its original\n"
        "    hint: refer to the same agreements, e.g. agreement: fsdc-caict-2023"]


def test_two_versions_in_one_language_are_an_error(check_files: Check) -> None:
    errors = check_files({"content/2023/fsdc-caict-mou.md": ORIGINAL,
                          "content/2023/a.md": other(), "content/2023/b.md": other()})
    assert errors == [
        "content/2023/b.md:5: translation_of: content/2023/a.md is in zh-Hant too: a document has one "
        "version in each language (this is a translation of content/2023/fsdc-caict-mou.md)\n"
        "    hint: check the lang: of both, or name the right original"]


def test_a_translation_in_the_language_of_its_original_is_an_error(check_files: Check) -> None:
    errors = check_files({"content/2023/fsdc-caict-mou.md": ORIGINAL, "content/2023/a.md": other(lang="en")})
    assert errors[0].startswith("content/2023/a.md:5: translation_of: content/2023/fsdc-caict-mou.md is in "
                                "en too")


def test_a_translation_of_itself_is_an_error(check_files: Check) -> None:
    assert check_files({"content/2023/zh.md": other("2023/zh.md", agreement="x-2023")
                        .replace("translation\n", "news\n"),
                        "content/2023/x.md": ORIGINAL.replace("fsdc-caict-2023", "x-2023")}) == [
        "content/2023/zh.md:5: translation_of: names the document itself\n"
        "    hint: name the document this one is a translation of"]


def test_translations_in_a_loop_are_an_error(check_files: Check) -> None:
    looped = check_files({"content/a.md": other("b.md", lang="en").replace("translation\n", "news\n"),
                          "content/b.md": other("a.md"),
                          "content/2023/fsdc-caict-mou.md": ORIGINAL})
    assert looped == ["content/a.md:5: translation_of: these documents name each other as originals: "
                      "content/a.md -> content/b.md -> content/a.md\n"
                      "    hint: one of them is the original: remove its translation_of"]


def test_a_translation_must_say_what_it_translates(check_files: Check) -> None:
    errors = check_files({"content/zh.md": TRANSLATED.replace("translation_of: 2023/fsdc-caict-mou.md\n", ""),
                          "content/2023/fsdc-caict-mou.md": ORIGINAL})
    assert errors == [
        "content/zh.md:3: kind: a translation needs 'translation_of:' naming the document it translates\n"
        "    hint: add translation_of: <the original's path under content/>, e.g. 2023/fsdc-caict-mou.md"]


# --- languages in mouarchive.toml --------------------------------------------------------------

@pytest.mark.parametrize(("toml", "message"), [
    ('languages = ["en", "fr"]', "languages: no interface in fr"),
    ('languages = "en"', "languages: expected a list of languages, each once, got 'en'"),
    ('languages = ["en", "en"]', "languages: expected a list of languages, each once"),
    ('languages = ["en"]\n[zh-Hant]\ntitle = "x"', "[zh-Hant]: a table for a language that is not in"),
    ('languages = ["en", "zh-Hant"]\n[zh-Hant]\nmotto = "x"', "[zh-Hant] motto: expected title"),
])
def test_bad_language_settings_are_usage_errors(make_site: Callable[..., Path], toml: str,
                                                message: str) -> None:
    root = make_site({"mouarchive.toml": "search = false\n" + toml + "\n"})
    with pytest.raises(BuildError) as caught:
        load_config(root)
    assert message in caught.value.problems[0].format()


def test_the_site_title_in_each_language(make_site: Callable[..., Path]) -> None:
    root = make_site({"mouarchive.toml": 'search = false\ntitle = "Archive"\nlanguages = ["en", "zh-Hant"]\n'
                                         '[zh-Hant]\ntitle = "檔案庫"\n'})
    config = load_config(root)
    assert config.languages == ("en", "zh-Hant")
    assert config.in_language("zh-Hant").title == "檔案庫"
    assert config.in_language("en").title == "Archive"
    assert config.in_language("zh-Hant").description == config.description
