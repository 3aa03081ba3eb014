"""Citations: the meta tags reference managers read, the "Cite this" block, the files a reader
downloads (each read back by a reader that is not ours: citeproc-py, bibtexparser with pylatexenc,
rispy), the site-wide CSL-JSON, and the anchors of single facts."""

from __future__ import annotations

import html
import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import bibtexparser
import markupsafe
import pytest
import rispy
from bibtexparser.middlewares import SeparateCoAuthors
from citeproc import Citation, CitationItem, CitationStylesBibliography, formatter
from citeproc.source.json import CiteProcJSON
from hypothesis import example, given, settings
from hypothesis import strategies as st
from pylatexenc.latex2text import LatexNodes2Text, MacroTextSpec, get_default_latex_context_db

from mouarchive import citations
from mouarchive.citations import (
    _MARK,
    _TAGS,
    _TEMPLATES,
    STYLE_LOCALES,
    _citeproc,
    _style,
    _unmarked,
    formatted_citation,
    meta_tags,
    prepare_citation,
)
from mouarchive.cli import main
from mouarchive.model import Agreement, Claim, Fact, PartialDate, Person, Source
from mouarchive.reference_files import bibtex, latex_text, ris
from mouarchive.views import fact_anchors

REPO = Path(__file__).resolve().parents[1]
# The example archive as it was when these tests were written (two agreements): content/ grows.
EXAMPLE = REPO / "tests" / "fixtures" / "example"
BASE = "https://example.org/mou/"
SITE_TITLE = "Hong Kong–Mainland Cooperation Agreements"  # the repository's mouarchive.toml


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("archive")
    shutil.copytree(EXAMPLE / "content", root / "content")
    shutil.copyfile(REPO / "mouarchive.toml", root / "mouarchive.toml")
    assert main(["build", "--site", str(root), "--no-search", "--base-url", BASE]) == 0
    return root / "site"


class Head(HTMLParser):
    """A page's <meta name> tags in order, and every id and #fragment link in it."""

    def __init__(self) -> None:
        super().__init__()
        self.meta: list[tuple[str, str]] = []
        self.ids: list[str] = []
        self.fragments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "meta" and found.get("name") and found.get("content") is not None:
            self.meta.append((found["name"] or "", found["content"] or ""))
        if found.get("id"):
            self.ids.append(found["id"] or "")
        if tag == "a" and (found.get("href") or "").startswith("#"):
            self.fragments.append((found["href"] or "")[1:])


def read_page(path: Path) -> Head:
    head = Head()
    head.feed(path.read_text(encoding="utf-8"))
    return head


def values(meta: list[tuple[str, str]], name: str) -> list[str]:
    return [content for key, content in meta if key == name]


# --- the meta tags -----------------------------------------------------------------------------------


def test_an_agreement_page_carries_highwire_dublin_core_and_zotero_tags(site: Path) -> None:
    meta = read_page(site / "agreements" / "fsdc-caict-2023" / "index.html").meta
    assert values(meta, "z:itemType") == ["document"]
    assert values(meta, "citation_title") == values(meta, "DC.title") == [
        "MOU between FSDC and CAICT on digital and green finance innovation"]
    parties = ["Financial Services Development Council",
               "China Academy of Information and Communications Technology"]
    assert values(meta, "citation_author") == values(meta, "DC.creator") == parties
    assert values(meta, "citation_publication_date") == values(meta, "citation_date") == ["2023/09/06"]
    assert values(meta, "DC.date") == ["2023-09-06"]
    assert values(meta, "citation_publisher") == values(meta, "DC.publisher") == [SITE_TITLE]
    assert values(meta, "citation_language") == values(meta, "DC.language") == ["en"]
    url = BASE + "agreements/fsdc-caict-2023/"
    assert values(meta, "citation_public_url") == values(meta, "DC.identifier") == [url]
    assert values(meta, "DC.type") == ["Text"]
    assert values(meta, "DC.source") == []  # an agreement page is the record itself


def test_the_chinese_interface_names_the_same_record(site: Path) -> None:
    english = read_page(site / "agreements" / "fsdc-caict-2023" / "index.html").meta
    chinese = read_page(site / "zh-hant" / "agreements" / "fsdc-caict-2023" / "index.html").meta
    assert [m for m in chinese if m[0].startswith(("citation_", "DC.", "z:"))] == \
        [m for m in english if m[0].startswith(("citation_", "DC.", "z:"))]


def test_a_fact_no_document_states_is_left_out(site: Path) -> None:
    # The news story from list-directory.com has no publication date and no author (the outlet
    # publishes it; who wrote it is not recorded): no date and no author tag, rather than a guess.
    page = site / "documents" / "undated" / "list-directory-mou-ai-blockchain-data" / "index.html"
    meta = read_page(page).meta
    assert values(meta, "citation_title") == [
        "MOU Signed to Promote AI, Blockchain, and Cross-Boundary Data Flow"]
    assert not values(meta, "citation_author") and not values(meta, "DC.creator")
    assert not values(meta, "citation_publication_date") and not values(meta, "DC.date")
    assert values(meta, "citation_publisher") == ["list-directory.com"]
    assert values(meta, "DC.source") == [
        "https://list-directory.com/news/mou-signed-to-promote-ai-blockchain-and-cross-boundary-data-flow/"]


def test_a_document_by_a_party_is_authored_by_it_and_a_translation_keeps_its_language(site: Path) -> None:
    release = read_page(site / "documents" / "2023" / "fsdc-caict-mou" / "index.html").meta
    assert values(release, "citation_author") == ["Financial Services Development Council"]
    assert values(release, "citation_publication_date") == ["2023/09/11"]
    translation = read_page(site / "documents" / "undated" / "fsdc-caict-mou-zh-hant" / "index.html").meta
    assert values(translation, "citation_title") == [
        "香港金融發展局與中國信息通信研究院簽署諒解備忘錄，促進數字金融及綠色金融創新"]
    assert values(translation, "citation_language") == ["zh-Hant"]


def test_pages_that_are_not_records_carry_no_citation_tags(site: Path) -> None:
    for page in ("index.html", "agreements/index.html", "parties/fsdc/index.html"):
        assert not [m for m in read_page(site / page).meta if m[0].startswith(("citation_", "DC.", "z:"))]


# --- the "Cite this" block and the files -------------------------------------------------------------


def citation_text(page: Path) -> str:
    match = re.search(r'<p class="citation">(.*?)</p>', page.read_text(encoding="utf-8"), re.S)
    assert match, page
    return html.unescape(re.sub(r"<[^>]+>", "", match.group(1)))


def test_the_cite_block_is_the_style_formatted_by_citeproc(site: Path) -> None:
    text = citation_text(site / "agreements" / "fsdc-caict-2023" / "index.html")
    assert text == (
        "Financial Services Development Council and China Academy of Information and Communications "
        "Technology (2023) ‘MOU between FSDC and CAICT on digital and green finance innovation’. "
        f"{SITE_TITLE}. Available at: {BASE}agreements/fsdc-caict-2023/.")
    chinese = citation_text(site / "zh-hant" / "agreements" / "fsdc-caict-2023" / "index.html")
    assert "載於" in chinese and "「MOU between FSDC and CAICT" in chinese  # the style's zh-TW locale


def test_the_citation_escapes_what_citeproc_leaves_as_it_is() -> None:
    item = {"id": "x", "type": "document", "title": "<script>alert(1)</script> & \ue000i\ue001",
            "URL": "https://example.org/x/"}
    text = str(formatted_citation(item, "en"))
    assert "<script>" not in text and "&lt;script&gt;" in text and "&amp;" in text
    assert "\ue000" not in text and "<i>" not in text


def by_citeproc(item: dict[str, Any], lang: str) -> str:
    """The citation as citeproc-py itself formats it, every time (no shape's template)."""
    text = _citeproc(_unmarked(item), STYLE_LOCALES[lang])
    return _MARK.sub(lambda m: _TAGS[m.group(1)], str(markupsafe.escape(text)))


# Texts of every sort: the punctuation and spaces citeproc-py joins or drops where two pieces meet,
# quotes, Chinese, the style's marks, and the private use area the shapes' placeholders come from.
EDGES = ".,;:!? '\"‘’“”()\u3000\ue000\ue001\U000f0000\U000f0003aAz中文"
text = st.text(st.one_of(st.sampled_from(list(EDGES)), st.characters(blacklist_categories=("Cs",))),
               min_size=0, max_size=12)


@st.composite
def same_shape(draw: st.DrawFn) -> tuple[str, list[dict[str, Any]]]:
    """Items of one shape (type, language, dates, which variables, how many authors), their texts
    drawn afresh for each, some of them plain so that the shape's template is made and used; or
    items of one shape but for their dates, so that a date's month and day is cut and used again."""
    kind = draw(st.sampled_from(["treaty", "document", "article-newspaper", "speech"]))
    fields = draw(st.sets(st.sampled_from(["title", "genre", "publisher", "container-title", "archive"])))
    authors = draw(st.integers(0, 3))
    language = draw(st.sampled_from([None, "en", "zh-Hant"]))
    precision = draw(st.integers(0, 3))  # no date, or a year, a month or a day
    # Each item its own date, or all one; the years few, so that a month and day recurs across them.
    own_dates = draw(st.booleans())
    year = draw(st.integers(1990, 2030))

    def issued() -> dict[str, Any] | None:
        parts = [draw(st.sampled_from([year, 2001, 2024])) if own_dates else year,
                 draw(st.integers(1, 12)), draw(st.integers(1, 28))][:precision]
        return {"date-parts": [parts]} if parts else None

    shared = issued()
    plain = st.text(st.sampled_from(list("abc XYZ-'’中")), min_size=1, max_size=8).map(lambda t: f"x{t}x")

    def item(texts: st.SearchStrategy[str]) -> dict[str, Any]:
        made: dict[str, Any] = {"id": draw(texts), "type": kind, "URL": draw(texts)}
        made.update({field: draw(texts) for field in fields})
        if authors:
            made["author"] = [{"literal": draw(texts)} for _ in range(authors)]
        if language:
            made["language"] = language
        if dated := issued() if own_dates else shared:
            made["issued"] = dated
        return made

    items = [item(plain), item(plain), *(item(draw(st.sampled_from([text, plain])))
                                         for _ in range(6 if own_dates else 3))]
    return draw(st.sampled_from(["en", "zh-Hant"])), items


NEWS = {"type": "article-newspaper", "issued": {"date-parts": [[2020, 1, 2]]}, "URL": "u", "title": "t"}


@settings(max_examples=300)
@given(same_shape())
# With no author, the style puts the outlet first in title case: citeproc-py changes its text.
@example(("en", [{**NEWS, "id": f"n{n}", "container-title": f"the daily news {n}"} for n in range(3)]))
def test_a_citation_made_from_its_shape_is_the_one_citeproc_makes(
        shaped: tuple[str, list[dict[str, Any]]]) -> None:
    lang, items = shaped
    for item in items:
        assert str(formatted_citation(item, lang)) == by_citeproc(item, lang)


def test_items_of_one_shape_are_formatted_from_its_template() -> None:
    """Two items of a shape, and the third is filled in from the shape's template (and agrees)."""
    def item(n: int) -> dict[str, Any]:
        return {"id": f"x{n}", "type": "treaty", "title": f"Agreement {n}",
                "issued": {"date-parts": [[2020, 5, n]]}, "URL": f"https://e.org/{n}/",
                "author": [{"literal": f"Party {n}"}, {"literal": "Other"}]}

    before = {key for key, template in _TEMPLATES.templates.items() if template}
    texts = [str(formatted_citation(item(n), "en")) for n in (1, 2, 3)]
    made = {key for key, template in _TEMPLATES.templates.items() if template} - before
    assert len(made) == 1, "the shape's template was not made"
    assert texts == [by_citeproc(item(n), "en") for n in (1, 2, 3)]
    assert "(2020) ‘Agreement 3’" in texts[2]  # a treaty shows only the year: one shape for every day


def test_a_news_items_day_is_cut_once_and_filled_into_every_shape_that_shows_it() -> None:
    """News items show their day and month: each shape's citation is made around its date, and a
    day's text, cut from the first item citeproc-py formats with it, serves the others (and agrees)."""
    def item(n: int, year: int, day: int, authors: int) -> dict[str, Any]:
        return {"id": f"news{n}", "type": "article-newspaper", "title": f"Item {n}", "URL": f"https://e.org/{n}/",
                "container-title": "Daily", "issued": {"date-parts": [[year, 7, day]]}, "language": "en",
                "author": [{"literal": f"Outlet {n}"}] * authors}

    items = [item(n, year, day, authors) for n, (year, day, authors) in enumerate(
        [(2011, 3, 1), (2011, 4, 1), (2011, 5, 1), (2012, 3, 1), (2013, 3, 2), (2013, 4, 2), (2013, 3, 1)])]
    calls = 0
    real = citations._citeproc

    def counted(item: dict[str, Any], locale: str) -> str:
        nonlocal calls
        calls += 1
        return real(item, locale)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(citations, "_citeproc", counted)
        texts = [str(formatted_citation(i, "en")) for i in items]
        before = calls
        # 4 July was cut from a 2011 item of one author; 2013's shape of two authors is made
        again = str(formatted_citation(item(99, 2013, 4, 2), "en"))
    assert texts == [by_citeproc(i, "en") for i in items]
    assert "3 July" in texts[0] and "(2011)" in texts[0]
    assert again == by_citeproc(item(99, 2013, 4, 2), "en") and "4 July" in again and "(2013)" in again
    assert calls == before, "a day cut and a shape made should need no citeproc-py"


def test_a_prepared_citation_needs_no_citeproc_for_another_item_of_its_shape_or_day() -> None:
    """prepare_citation (an engine waiting for edits) makes a shape's template, or its frame and its
    day's text, on its first item: the next item of that shape and day is filled in, and agrees."""
    def item(n: int, kind: str) -> dict[str, Any]:
        return {"id": f"p{n}", "type": kind, "title": f"Prepared {n}", "URL": f"https://e.org/p{n}/",
                "container-title": "Gazette", "issued": {"date-parts": [[1987, 6, 9]]}, "language": "en",
                "author": [{"literal": f"Maker {n}"}] * 3}

    calls = 0

    def counted(item: dict[str, Any], locale: str) -> str:
        nonlocal calls
        calls += 1
        return _citeproc(item, locale)

    for kind in ("treaty", "article-newspaper"):
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(citations, "_citeproc", counted)
            prepare_citation(item(1, kind), "en")
            before = calls
            text = str(formatted_citation(item(2, kind), "en"))
        assert calls == before, f"a {kind}'s second item went to citeproc-py"
        assert text == by_citeproc(item(2, kind), "en")


def counting_citeproc() -> tuple[list[int], Any]:
    """citeproc-py's formatting, counted: (the count in a list, the counting function)."""
    calls = [0]

    def counted(item: dict[str, Any], locale: str) -> str:
        calls[0] += 1
        return _citeproc(item, locale)

    return calls, counted


@pytest.mark.parametrize("locale", ["en-GB", "zh-TW"])
def test_one_template_serves_a_shapes_every_year(locale: str) -> None:
    """Items of one shape in different years: the second makes the shape's template with its year
    left out, and every later year is filled in without citeproc-py (and agrees with it)."""
    def item(year: int) -> dict[str, Any]:
        return {"id": f"y{year}", "type": "treaty", "title": f"Accord {year}", "URL": f"https://e.org/{year}/",
                "issued": {"date-parts": [[year, 3, 4]]}, "author": [{"literal": f"Side {year}"}]}

    templates = citations._Templates()
    calls, counted = counting_citeproc()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(citations, "_citeproc", counted)
        first = [templates.formatted(item(year), locale) for year in (1999, 2000)]
        before = calls[0]
        later = [templates.formatted(item(year), locale) for year in (1066, 2001, 2024, 2150)]
    assert calls[0] == before, "a later year of the shape went to citeproc-py"
    assert first + later == [_citeproc(item(year), locale) for year in (1999, 2000, 1066, 2001, 2024, 2150)]
    assert "2024" in later[2] and "1901" not in "".join(later)


@pytest.mark.parametrize("locale", ["en-GB", "zh-TW"])
def test_a_frames_days_are_put_together_once_enough_were_cut(locale: str) -> None:
    """News items show their day: once _CALENDAR_AFTER days' texts were cut from citeproc-py's
    citations, every other day of the year is put together from its month's and its day's, and
    each agrees with citeproc-py's (a leap year's every day, in two years)."""
    def item(year: int, month: int, day: int) -> dict[str, Any]:
        return {"id": f"n{year}{month}{day}", "type": "article-newspaper", "title": f"Report {month}/{day}",
                "URL": f"https://e.org/{year}/{month}/{day}/", "container-title": "Herald",
                "issued": {"date-parts": [[year, month, day]]}, "language": "en",
                "author": [{"literal": "Desk"}]}

    templates = citations._Templates()
    calls, counted = counting_citeproc()
    seen = [(2000 + n % 3, 1 + n % 12, 1 + n) for n in range(citations._CALENDAR_AFTER + 2)]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(citations, "_citeproc", counted)
        texts = {parts: templates.formatted(item(*parts), locale) for parts in seen}
        before = calls[0]
        every = {(year, month, day): templates.formatted(item(year, month, day), locale)
                 for year in (2012, 2019) for month in range(1, 13) for day in range(1, 32)
                 if day <= (29 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)}
    assert calls[0] == before, "a day went to citeproc-py after the calendar was put together"
    assert texts == {parts: _citeproc(item(*parts), locale) for parts in seen}
    assert every == {parts: _citeproc(item(*parts), locale) for parts in every}


def test_a_calendar_that_does_not_give_the_days_already_cut_is_not_used() -> None:
    """Where a month's and a day's texts put together differ from a day's text already cut, no day
    is put together: each new day goes to citeproc-py, as before."""
    shape, _texts = citations._shape({"id": "a", "type": "article-newspaper", "title": "b", "URL": "c",
                                      "issued": {"date-parts": [[2000, 1, 1]]}})
    frame = citations._frame(shape, "issued", "en-GB")
    assert frame is not None and frame.probes == ("5 February", "30 September", "17 December")
    assert len(citations._calendar(shape, "issued", "en-GB", frame, {(3, 3): "3 March"})) == 365
    assert citations._calendar(shape, "issued", "en-GB", frame, {(3, 3): "3rd of March"}) == {}


def test_every_page_links_its_three_files_which_exist_once_beside_the_first_languages_page(
        site: Path) -> None:
    pages = [*site.glob("agreements/*/index.html"), *site.glob("documents/*/*/index.html")]
    assert len(pages) == 2 + 4
    for page in pages:
        for other in (page, site / "zh-hant" / page.relative_to(site)):
            links = re.findall(r'<a href="([^"]+)" download>', other.read_text(encoding="utf-8"))
            assert [(other.parent / link).resolve() for link in links] == [
                (page.parent / f"cite.{ext}").resolve() for ext in ("json", "bib", "ris")]
            assert all((other.parent / link).is_file() for link in links)
    assert not list((site / "zh-hant").glob("**/cite.*"))


def csl_items(site: Path) -> list[dict[str, Any]]:
    return [item for path in sorted(site.glob("**/cite.json")) for item in json.loads(path.read_text())]


def test_every_csl_json_file_is_read_and_formatted_by_citeproc(site: Path) -> None:
    items = csl_items(site)
    assert len(items) == 6
    for item in items:
        bibliography = CitationStylesBibliography(_style("en-GB"), CiteProcJSON([item]), formatter.plain)
        bibliography.register(Citation([CitationItem(item["id"])]))
        text = str(bibliography.bibliography()[0])
        assert item["title"] in text and item["URL"] in text
        for author in item.get("author", ()):
            assert author["literal"] in text


def test_the_site_wide_csl_json_holds_every_agreement_as_its_own_file_does(site: Path) -> None:
    every = json.loads((site / "data" / "agreements.csl.json").read_text())
    assert [item["id"] for item in every] == ["itib-cac-2026", "fsdc-caict-2023"]
    for item in every:
        assert json.loads((site / "agreements" / item["id"] / "cite.json").read_text()) == [item]
        assert item["type"] == "treaty"


def latex_reader() -> LatexNodes2Text:
    """pylatexenc, told three of LaTeX's text symbols it does not know (or reads as ˆ)."""
    symbols = get_default_latex_context_db()
    symbols.add_context_category("text-symbols", prepend=True, macros=[
        MacroTextSpec("textbraceleft", "{"), MacroTextSpec("textbraceright", "}"),
        MacroTextSpec("textasciicircum", "^")])
    return LatexNodes2Text(latex_context=symbols)


LATEX = latex_reader()


def read_bibtex(text: str) -> dict[str, Any]:
    """An entry as bibtexparser reads it, each field's LaTeX turned back into text by pylatexenc
    (the URL is verbatim, as url.sty and biblatex read it)."""
    library = bibtexparser.parse_string(text, append_middleware=[SeparateCoAuthors()])
    assert not library.failed_blocks and len(library.entries) == 1, text
    entry = library.entries[0]
    fields: dict[str, Any] = {"ENTRYTYPE": entry.entry_type, "ID": entry.key}
    for field in entry.fields:
        if field.key == "url":
            fields["url"] = field.value
        elif field.key == "author":
            fields["author"] = [LATEX.latex_to_text(name) for name in field.value]
        else:
            fields[field.key] = LATEX.latex_to_text(field.value)
    return fields


def test_every_bibtex_file_is_read_by_bibtexparser(site: Path) -> None:
    for path in sorted(site.glob("**/cite.bib")):
        item = json.loads((path.parent / "cite.json").read_text())[0]
        entry = read_bibtex(path.read_text())
        assert entry["ENTRYTYPE"] == "misc" and entry["ID"] == item["id"]
        assert entry["title"] == item["title"] and entry["url"] == item["URL"]
        assert entry.get("author", []) == [a["literal"] for a in item.get("author", ())]
        if "issued" in item:
            assert entry["year"] == str(item["issued"]["date-parts"][0][0])


def test_every_ris_file_is_read_by_rispy(site: Path) -> None:
    for path in sorted(site.glob("**/cite.ris")):
        item = json.loads((path.parent / "cite.json").read_text())[0]
        [record] = rispy.loads(path.read_text())
        assert record["title"] == item["title"] and record["urls"] == [item["URL"]]
        assert record.get("authors", []) == [a["literal"] for a in item.get("author", ())]
        assert record["type_of_reference"] == ("NEWS" if item["type"] == "article-newspaper" else "GEN")
        if "issued" in item:
            assert record["date"].startswith("/".join(f"{p:02d}" for p in item["issued"]["date-parts"][0]))


def item_with(title: str, authors: list[str]) -> dict[str, Any]:
    return {"id": "x-2023", "type": "treaty", "title": title, "author": [{"literal": a} for a in authors],
            "issued": {"date-parts": [[2023, 9, 6]]}, "publisher": "Archive", "language": "zh-Hant",
            "URL": "https://example.org/agreements/x-2023/"}


@pytest.mark.parametrize("title", [
    "香港金融發展局與中國信息通信研究院簽署諒解備忘錄",
    "MOU on {braces}, & ampersands, 100% percent, $5, #1, a_b, ~, ^ and \\",
    "An unbalanced } brace and { another",
    "“Quotes” -- dashes --- and ``TeX'' ligatures ?` !`",
])
def test_titles_survive_bibtex_and_ris(title: str) -> None:
    item = item_with(title, ["Hong Kong and Macao Affairs Office", "中國人民銀行"])
    entry = read_bibtex(bibtex(item).decode())
    assert entry["title"] == title
    assert entry["author"] == ["Hong Kong and Macao Affairs Office", "中國人民銀行"]
    assert entry["date"] == "2023-09-06" and entry["month"] == "sep"
    [record] = rispy.loads(ris(item).decode())
    assert record["title"] == title
    assert record["authors"] == ["Hong Kong and Macao Affairs Office", "中國人民銀行"]
    assert record["date"] == "2023/09/06/" and record["year"] == "2023"


# Any printable text of the scripts the archive holds, with LaTeX's and RIS's own characters likely.
printable = st.characters(blacklist_categories=("Cc", "Cs", "Co", "Zl", "Zp"))
special = st.sampled_from(list("{}\\&%$#_~^-`'!?\"@,= 香港中國\n"))
words = st.sampled_from([" and ", "ER  - ", "\nTY  - ", "--", "``", "\\\\"])
name = st.lists(st.one_of(st.text(st.one_of(printable, special), min_size=1, max_size=20), words),
                min_size=1, max_size=5).map("".join).filter(lambda t: t.strip())


def normalised(text: str) -> str:
    return " ".join(text.split())


@given(title=name, parties=st.lists(name, min_size=1, max_size=3))
@example(title="a -- b", parties=["{x"])
@example(title="\\textbf{x}", parties=["a and b", "}"])
@example(title="%", parties=["Ministry of Commerce, PRC"])
def test_any_title_and_party_survive_bibtex_and_ris(title: str, parties: list[str]) -> None:
    item = item_with(title, parties)
    entry = read_bibtex(bibtex(item).decode())
    assert entry["title"] == normalised(title)
    assert entry["author"] == [normalised(p) for p in parties]
    [record] = rispy.loads(ris(item).decode())
    assert record["title"] == normalised(title)
    assert record["authors"] == [normalised(p) for p in parties]


def test_latex_text_is_one_line() -> None:
    assert latex_text("a\nb\t c") == "a b c"


# --- the anchors of single facts ---------------------------------------------------------------------


def test_each_fact_has_an_anchor_of_its_own_and_a_citation_naming_its_documents(site: Path) -> None:
    page = site / "agreements" / "fsdc-caict-2023" / "index.html"
    parsed = read_page(page)
    assert len(parsed.ids) == len(set(parsed.ids))  # unique on the page
    expected = {"fact-signed-2023-09-06", "fact-party-fsdc", "fact-party-caict", "fact-signatory-jin-jian",
                "fact-signatory-king-au", "fact-witness-laurence-li",
                "fact-instrument-memorandum-of-understanding",
                "fact-title-mou-between-fsdc-and-caict-on-digital-and-green-finance-innovation",
                "fact-topic-blockchain"}
    assert expected <= set(parsed.ids)
    assert set(parsed.fragments) <= set(parsed.ids)  # every link to a fact leads to it
    text = page.read_text(encoding="utf-8")
    signed = re.search(r'<dd id="fact-signed-2023-09-06">.*?</dd>', text, re.S)
    assert signed
    cited = html.unescape(re.sub(r"<[^>]+>", "", re.search(
        r'<details class="fact-cite">.*?</details>', signed.group(0), re.S).group(0)))
    assert "Signed: 6 September 2023, as stated in [1] Financial Services Development Council, " \
           "“FSDC and CAICT sign MOU to foster digital and green finance innovation” (press release, " \
           "11 September 2023)" in cited
    assert cited.endswith(f"{BASE}agreements/fsdc-caict-2023/#fact-signed-2023-09-06")


def test_both_versions_of_a_disputed_fact_have_anchors(site: Path) -> None:
    parsed = read_page(site / "agreements" / "itib-cac-2026" / "index.html")
    assert len(parsed.ids) == len(set(parsed.ids))
    assert {"fact-signatory-john-lee", "fact-signatory-sun-dong",
            "fact-witness-john-lee-ka-chiu"} <= set(parsed.ids)


def person(name: str) -> Person:
    return Person(name=name)


def test_anchors_are_stable_valid_and_unique() -> None:
    sources = (Source("a.md"),)
    agreement = Agreement("x", facts={
        "signed": Fact((Claim(PartialDate(2023, 9), sources), Claim(PartialDate(2023, 9, 6), sources))),
        "parties": Fact((Claim(("fsdc", "caict"), sources),)),
        "signatories": Fact((Claim((person("Jin Jian"), person("金堅")), sources),
                             Claim((person("Jin  Jian"), person("jin-jian")), sources))),
        "place": Fact((Claim("Hong Kong", sources),))})
    anchors = fact_anchors(agreement)
    assert anchors == fact_anchors(agreement)
    assert anchors[("signed", 0, 0)] == "fact-signed-2023-09"
    assert anchors[("signed", 1, 0)] == "fact-signed-2023-09-06"
    assert anchors[("parties", 0, 1)] == "fact-party-caict"
    assert anchors[("signatories", 0, 0)] == "fact-signatory-jin-jian"
    assert anchors[("signatories", 0, 1)] == "fact-signatory-jin-jian-2"  # 金堅 in pinyin
    assert anchors[("signatories", 1, 0)] == "fact-signatory-jin-jian-3"
    assert anchors[("signatories", 1, 1)] == "fact-signatory-jin-jian-4"
    assert anchors[("place", 0, 0)] == "fact-place-hong-kong"
    assert len(set(anchors.values())) == len(anchors)
    assert all(re.fullmatch(r"fact-[a-z]+(-[a-z0-9]+)+", a) for a in anchors.values())


def test_meta_tags_leave_out_what_the_item_does_not_have() -> None:
    item = {"id": "x", "type": "document", "title": "T", "URL": "https://example.org/x/"}
    assert meta_tags(item) == [
        ("z:itemType", "document"), ("citation_title", "T"), ("citation_public_url", "https://example.org/x/"),
        ("DC.title", "T"), ("DC.type", "Text"), ("DC.identifier", "https://example.org/x/")]
