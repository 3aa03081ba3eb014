"""Citations of agreements and documents: each record as CSL-JSON (built here, once, as data), the
citation a CSL processor formats from it, and the meta tags reference managers read.

One CSL-JSON item per record (`csl_item`) is the source of everything else: the "Cite this" block
(formatted by citeproc-py), the downloads (CSL-JSON, and BibTeX and RIS written from it in
reference_files.py), the site-wide CSL-JSON of every agreement, and the Highwire, Dublin Core and
Zotero meta tags in each page's <head> (`meta_tags`). A fact no document states is left out of the
item, never filled in.

Item types, chosen for what each record is (docs/reading.md, "Citing", says why):
- an agreement is a CSL `treaty`, the CSL type for an agreement between parties (`legislation` is
  an enacted law, which an MOU is not), and a Zotero `document`: Zotero has no type for an agreement,
  and its `statute` would file an MOU as an act, with a "date enacted" and a code;
- a document is a Zotero `document` too, and in CSL a `document`, an `article-newspaper` (news,
  whose outlet is the newspaper) or a `speech`, with its kind as the genre ("Press release").
"""

from __future__ import annotations

import calendar
import functools
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any, TypeVar

from markupsafe import Markup

from .archive import Archive
from .escaping import escape
from .model import Agreement, Claim, Document, PartialDate

Url = Callable[[Any], str]  # a record -> its absolute URL


@dataclass(frozen=True)
class ItemType:
    """What a record is called in each format that reads it."""

    csl: str
    zotero: str  # `z:itemType`, which Zotero's Embedded Metadata translator reads first
    ris: str  # the RIS `TY`
    bibtex: str


AGREEMENT_TYPE = ItemType("treaty", "document", "GEN", "misc")
DOCUMENT_TYPES = {
    "news": ItemType("article-newspaper", "document", "NEWS", "misc"),
    "speech": ItemType("speech", "document", "GEN", "misc"),
}
DOCUMENT_TYPE = ItemType("document", "document", "GEN", "misc")  # every other kind
ITEM_TYPES = {t.csl: t for t in (AGREEMENT_TYPE, DOCUMENT_TYPE, *DOCUMENT_TYPES.values())}
GENRES = {"press-release": "Press release", "news": "News", "statement": "Statement", "speech": "Speech",
          "text": "Text", "translation": "Translation"}

# The style citeproc-py ships (Cite Them Right, author-date "Harvard", CC BY-SA 3.0), in the locale
# of each interface language; another language reads it in British English, the style's own.
STYLE_LOCALES = {"en": "en-GB", "zh-Hant": "zh-TW", "zh-Hans": "zh-CN", "zh": "zh-TW"}
STYLE_NAME = "Cite Them Right (Harvard)"


def csl_item(record: Agreement | Document, archive: Archive, url: Url, site_title: str) -> dict[str, Any]:
    """The record as one CSL-JSON item: what it is called, who made it, when, where it is."""
    if isinstance(record, Agreement):
        return _agreement_item(record, archive, url, site_title)
    return _document_item(record, archive, url, site_title)


def _agreement_item(agreement: Agreement, archive: Archive, url: Url, site_title: str) -> dict[str, Any]:
    item: dict[str, Any] = {"id": agreement.id, "type": AGREEMENT_TYPE.csl,
                            "title": agreement.display_title}
    # Its authors are its parties: every party a document names, as the page lists them.
    if agreement.party_ids:
        item["author"] = [{"literal": archive.parties[p].name} for p in agreement.party_ids]
    if agreement.signed.sole:
        item["issued"] = _date(agreement.signed.sole)
    if agreement.instrument.sole:
        item["genre"] = agreement.instrument.sole
    language = _claim_language(agreement.title.claims[0], archive) if agreement.title.claims else None
    if language:
        item["language"] = language
    item["publisher"] = site_title  # the archive, which publishes this record of the agreement
    item["URL"] = url(agreement)
    return item


def _document_item(document: Document, archive: Archive, url: Url, site_title: str) -> dict[str, Any]:
    kind = DOCUMENT_TYPES.get(document.kind, DOCUMENT_TYPE)
    year = document.published.year if document.published else "undated"
    item: dict[str, Any] = {"id": f"{year}-{document.slug}", "type": kind.csl, "title": document.title}
    publisher = archive.parties[document.publisher_party].name if document.publisher_party \
        else document.publisher
    # A party's own release is by that party; an outlet named as free text publishes a story whose
    # writer the archive does not record, so it has no author.
    if document.publisher_party:
        item["author"] = [{"literal": publisher}]
    if document.published:
        item["issued"] = _date(document.published)
    item["genre"] = GENRES.get(document.kind, document.kind)
    item["language"] = document.lang
    if publisher and kind is DOCUMENT_TYPES["news"]:
        item["container-title"] = publisher
    elif publisher:
        item["publisher"] = publisher
    item["archive"] = site_title
    item["URL"] = url(document)
    return item


def _date(date: PartialDate) -> dict[str, Any]:
    return {"date-parts": [[part for part in (date.year, date.month, date.day) if part is not None]]}


def _claim_language(claim: Claim[Any], archive: Archive) -> str | None:
    """The language of the documents a claim comes from, when they share one."""
    langs = {archive.documents[s.document].lang for s in claim.sources}
    return langs.pop() if len(langs) == 1 else None


def item_date(item: dict[str, Any], separator: str = "-") -> str:
    """The item's date as precisely as it is known: 2023-09-06, 2023-09 or 2023; '' when unknown."""
    if "issued" not in item:
        return ""
    return separator.join(f"{part:02d}" if n else str(part)
                          for n, part in enumerate(item["issued"]["date-parts"][0]))


def item_authors(item: dict[str, Any]) -> list[str]:
    return [name["literal"] for name in item.get("author", ())]


# --- meta tags ---------------------------------------------------------------------------------------


def meta_tags(item: dict[str, Any], source: str | None = None) -> list[tuple[str, str]]:
    """The Highwire (`citation_*`), Dublin Core and Zotero meta tags of an item, as (name, content).

    Zotero's Embedded Metadata translator takes the item type from `z:itemType` before any other
    type tag (og:type, DC.type), and the fields from the Highwire tags; Google Scholar reads the
    Highwire tags. `source`: the original a document was published at.
    """
    kind = ITEM_TYPES[item["type"]]
    authors = item_authors(item)
    publisher = item.get("publisher") or item.get("container-title")
    tags = [("z:itemType", kind.zotero), ("citation_title", item["title"]),
            *(("citation_author", a) for a in authors)]
    if "issued" in item:
        tags += [("citation_publication_date", item_date(item, "/")), ("citation_date", item_date(item, "/"))]
    if publisher:
        tags.append(("citation_publisher", publisher))
    if "language" in item:
        tags.append(("citation_language", item["language"]))
    tags += [("citation_public_url", item["URL"]), ("DC.title", item["title"]),
             *(("DC.creator", a) for a in authors)]
    if "issued" in item:
        tags.append(("DC.date", item_date(item)))
    if publisher:
        tags.append(("DC.publisher", publisher))
    if "language" in item:
        tags.append(("DC.language", item["language"]))
    tags += [("DC.type", "Text"), ("DC.identifier", item["URL"])]  # DCMI Type Vocabulary
    if source:
        tags.append(("DC.source", source))
    return tags


# --- the formatted citation --------------------------------------------------------------------------

# citeproc-py writes a variable's text into its HTML as it is, unescaped. So the style marks its
# italics and the like with two private-use characters (removed from the text first), and the whole
# citation is escaped before the marks become tags.
OPEN, CLOSE = "\ue000", "\ue001"
_MARK = re.compile(f"{OPEN}(/?[a-z]+){CLOSE}")
_TAGS = {"i": "<i>", "/i": "</i>", "b": "<b>", "/b": "</b>", "sup": "<sup>", "/sup": "</sup>",
         "sub": "<sub>", "/sub": "</sub>", "u": "<u>", "/u": "</u>",
         "sc": '<span class="small-caps">', "/sc": "</span>"}


def _wrapper(tag: str) -> type[str]:
    class Marked(str):
        def __new__(cls, text: str) -> Marked:
            return super().__new__(cls, f"{OPEN}{tag}{CLOSE}{text}{OPEN}/{tag}{CLOSE}")
    return Marked


_FORMATTER = SimpleNamespace(
    preformat=str, Italic=_wrapper("i"), Oblique=_wrapper("i"), Bold=_wrapper("b"), Light=str,
    Underline=_wrapper("u"), Superscript=_wrapper("sup"), Subscript=_wrapper("sub"),
    SmallCaps=_wrapper("sc"))


def _answer_each_search_once() -> None:
    """citeproc-py finds the terms, macros and options of a style with XPath, against the style's
    tree, which does not change once parsed: the same 75 searches for every citation, half of the
    4.3 ms each took; and it walks up to the tree's root, and finds an element's children by name,
    again and again (a sixth of the rest). Each of these is answered once and the answer kept (a
    style's elements live as long as the style, which _style keeps): 1.8 ms a citation."""
    from citeproc import model

    element = model.CitationStylesElement
    if getattr(element.xpath_search, "answers", None) is not None:
        return
    for owner, name in ((element, "xpath_search"), (element, "get_root"),
                        (model.SomewhatObjectifiedElement, "__getattr__")):
        setattr(owner, name, _answered_once(getattr(owner, name)))


def _answered_once(question: Any) -> Any:
    answers: dict[tuple[Any, ...], Any] = {}

    def answered(*key: Any) -> Any:
        try:
            return answers[key]
        except KeyError:
            found = answers[key] = question(*key)
            return found

    answered.answers = answers  # type: ignore[attr-defined]
    answered.question = question  # type: ignore[attr-defined]  # for benchmarks/citation_cost.py
    return answered


@functools.cache
def _style(locale: str) -> Any:
    import citeproc  # deferred: only a build that renders pages needs it

    _answer_each_search_once()
    path = Path(citeproc.__file__).parent / "data" / "styles" / "harvard-cite-them-right.csl"
    return citeproc.CitationStylesStyle(str(path), locale=locale, validate=False)


def _unmarked(value: Any) -> Any:
    if isinstance(value, str):
        return value.replace(OPEN, "").replace(CLOSE, "")
    if isinstance(value, list):
        return [_unmarked(v) for v in value]
    if isinstance(value, dict):
        return {k: _unmarked(v) for k, v in value.items()}
    return value


def formatted_citation(item: dict[str, Any], lang: str) -> Markup:
    """The item as its entry in a reference list, formatted by citeproc-py in the interface's locale."""
    item = _unmarked(item)
    locale = STYLE_LOCALES.get(lang, STYLE_LOCALES["en"])
    text = _TEMPLATES.formatted(item, locale)
    return Markup(_MARK.sub(lambda m: _TAGS[m.group(1)], str(escape(text))))


def prepare_citation(item: dict[str, Any], lang: str) -> None:
    """Make now what formatting the item will take (its shape's template or its frame, and its
    date's text) even where its shape is seen for the first time: for an engine that waits for
    edits (Engine.rehearse), whose edits re-render pages of items it has formatted before. Without
    it, a 1,000-document archive's topic edit spent 70 ms of its 295 ms patch in citeproc-py,
    formatting the 24 re-rendered agreements' citations (benchmarks/RESULTS.md, issue 12)."""
    _TEMPLATES.eager = True
    try:
        formatted_citation(item, lang)
    finally:
        _TEMPLATES.eager = False


def _citeproc(item: dict[str, Any], locale: str) -> str:
    from citeproc import Citation, CitationItem, CitationStylesBibliography
    from citeproc.source.json import CiteProcJSON

    bibliography = CitationStylesBibliography(_style(locale), CiteProcJSON([item]), _FORMATTER)
    bibliography.register(Citation([CitationItem(item["id"])]))
    return str(bibliography.bibliography()[0])


# --- the formatted citation, from its shape ----------------------------------------------------------
#
# citeproc-py takes about 1 ms a citation, a third of the CPU that rendering an agreement's or a
# document's page takes (a cProfile of 3,000 pages of the 10k benchmark corpus as shipped, 2026-12-05:
# benchmarks/RESULTS.md, issue 12), and a cold build formats 35,000 of them at 10,000 documents. What
# it does with most of an item's text is copy it: the title, the parties' names, the publisher and
# the address appear as they are. So each shape of item (its type, language and dates, which
# variables it has and how many authors) is formatted once with a placeholder for each such text,
# and the items of that shape fill the placeholders in.
# - A shape is used so only when a probe shows that citeproc-py copies each placeholder's text
#   unchanged (no change of case, as `text-case` makes).
# - An item's texts are filled in only when each begins and ends with what no punctuation rule joins
#   or drops (where two pieces meet, citeproc-py drops a repeated '.', ',', ';', ':', '!' or '?' and
#   a doubled space) and holds no placeholder.
# - A date's month and day are part of the shape only where the style shows them (a probe of two
#   dates), so the year is all that tells most shapes apart.
# - A shape is made on its second item: a shape seen once costs what it did (on its first where an
#   engine waiting for edits prepares it: prepare_citation).
# - A date whose month or day the style shows (a news item's day: 7,888 of the 35,138 citations a
#   10k site as shipped formats went to citeproc-py, most of them news items of days seen once) is
#   a slot of its own: the shape keeps its year, its citation is made around the date (`_frame`,
#   from three probe dates: the text they share before and after, and each one's text between), and
#   each month and day's text is cut once from the first item citeproc-py formats with it, then used
#   by every shape whose probe dates read the same (a year inside that text makes them differ).
# - A date's year is a slot too (a placeholder year, where a probe with another year shows that the
#   style writes it as its four digits), so that one template serves a shape's every year: at 1,000
#   documents a shape per year had made 126 templates and 42 frames in each of a build's processes.
# - Once a frame's probe dates have had the texts of _CALENDAR_AFTER days cut, every other day's
#   text is put together from each month's and each day's (43 dates formatted, `_calendar`), where
#   that gives every text already cut: a 1,000-document site had sent 442 news items to citeproc-py
#   for their days alone, a day each, 0.65 s of the 1.42 s citeproc-py took to render its agreement
#   and document pages (benchmarks/RESULTS.md, issue 12).
# Any other item is formatted by citeproc-py itself; tests/test_citations.py checks on random items
# that the two ways agree.

_SLOTS = 0xF0000  # Unicode's supplementary private use area A, which no record's text may hold
_FIRST_SLOT = chr(_SLOTS)
_YEARS = 0xFE000  # the dates' years' slots, in the same area after the texts'
_PROBE_YEARS = (1901, 2087)  # a template is made with the first and checked with the second
_CALENDAR_AFTER = 16  # days cut from citeproc-py's citations before the rest are put together
_SEAM = frozenset(".,;:!? \t\n\r\u3000")
_KEPT = frozenset({"type", "language"})  # their values can change what the style does with the rest
_TEXT, _DATE = "text", "date"


def _slot(index: int) -> str:
    return chr(_SLOTS + index)


def _year_slot(index: int) -> str:
    return chr(_YEARS + index)


def _copied_as_is(value: str) -> bool:
    return bool(value) and value[0] not in _SEAM and value[-1] not in _SEAM and value.isprintable() \
        and max(value) < _FIRST_SLOT


def _date_parts(value: Any) -> tuple[int, ...] | None:
    """A date of one year, month and day (some left out), as CSL-JSON writes it; None for another."""
    if isinstance(value, dict) and set(value) == {"date-parts"} and len(value["date-parts"]) == 1:
        parts = value["date-parts"][0]
        if 1 <= len(parts) <= 3 and all(type(part) is int for part in parts):
            return tuple(parts)
    return None


Shape = tuple[tuple[str, Any], ...]
Made = TypeVar("Made")


def _literal(name: Any) -> bool:
    return isinstance(name, dict) and set(name) == {"literal"} and isinstance(name["literal"], str)


def _shape(item: dict[str, Any]) -> tuple[Shape, list[str]]:
    """The item with its copied texts taken out (hashable), and those texts in order."""
    shape: list[tuple[str, Any]] = []
    values: list[str] = []
    for key in sorted(item):
        value = item[key]
        if key == "author" and isinstance(value, list) and all(map(_literal, value)):
            shape.append((key, len(value)))
            values.extend(a["literal"] for a in value)
        elif isinstance(value, str) and key not in _KEPT:
            shape.append((key, _TEXT))
            values.append(value)
        elif (parts := _date_parts(value)) is not None:
            shape.append((key, (_DATE, parts)))
        else:
            shape.append((key, json.dumps(value, sort_keys=True)))
    return tuple(shape), values


def _filled(shape: Shape, texts: Callable[[int], str], year: int = _PROBE_YEARS[0]) -> dict[str, Any]:
    """An item of the shape whose copied texts are `texts(0)`, `texts(1)` and so on, and whose
    dates without a year (_yearless) are in `year`, `year + 1` and so on."""
    item: dict[str, Any] = {}
    index = years = 0
    for key, kept in shape:
        if isinstance(kept, int):
            item[key] = [{"literal": texts(index + i)} for i in range(kept)]
            index += kept
        elif kept == _TEXT:
            item[key] = texts(index)
            index += 1
        elif isinstance(kept, tuple):
            first, *rest = kept[1]
            if first is None:
                first, years = year + years, years + 1
            item[key] = {"date-parts": [[first, *(part or 1 for part in rest)]]}  # 0: not shown
        else:
            item[key] = json.loads(kept)
    return item


def _rendered(shape: Shape, locale: str, texts: Callable[[int], str] = _slot,
              year: int = _PROBE_YEARS[0]) -> str:
    """citeproc-py's citation of an item of the shape (_filled), each year it was given for a date
    without one written as that year's slot."""
    text = _citeproc(_filled(shape, texts, year), locale)
    for index in range(_undated_years(shape)):
        text = text.replace(str(year + index), _year_slot(index))
    return text


def _undated_years(shape: Shape) -> int:
    return sum(isinstance(kept, tuple) and kept[1][0] is None for _key, kept in shape)


def _yearless(shape: Shape) -> tuple[Shape, dict[int, str]] | None:
    """The shape with its dates' years left out, and a table of their slots to their texts; None
    where it has no date, or a year that is not of four digits (as the probe years are)."""
    years: dict[int, str] = {}
    yearless: list[tuple[str, Any]] = []
    for key, kept in shape:
        if isinstance(kept, tuple):
            year, *rest = kept[1]
            if not 1000 <= year <= 9999:
                return None
            years[_YEARS + len(years)] = str(year)
            kept = (_DATE, (None, *rest))
        yearless.append((key, kept))
    return (tuple(yearless), years) if years else None


def _slots(shape: Shape) -> int:
    return sum(kept if isinstance(kept, int) else kept == _TEXT for _key, kept in shape)


class _Templates:
    """Each shape's citation with a placeholder for each copied text, made once per process."""

    def __init__(self) -> None:
        self.seen: set[tuple[Shape, str]] = set()
        self.eager = False  # made on a shape's first item, not its second (prepare_citation)
        self.templates: dict[tuple[Shape, str], str | None] = {}
        self.days_shown: dict[tuple[Shape, str, str], bool] = {}
        self.frames: dict[tuple[Shape, str], _Frame | None] = {}
        # (the probe dates' texts, locale) -> a month and day -> its text, or None where an item's
        # citation did not read as its frame around the date (citeproc-py formats each such item)
        self.dates: dict[tuple[tuple[str, ...], str], dict[tuple[int, ...], str | None]] = {}
        self.calendars: set[tuple[tuple[str, ...], str]] = set()  # the dates' keys _calendar has filled

    def formatted(self, item: dict[str, Any], locale: str) -> str:
        shape, values = _shape(item)
        if not all(map(_copied_as_is, values)):
            return _citeproc(item, locale)
        shape = self._dates_shown(shape, locale)
        table = {_SLOTS + i: value for i, value in enumerate(values)}
        if (yearless := _yearless(shape)) is not None:  # one template for every year, where it can be
            made = self._from_shape(item, locale, yearless[0], {**table, **yearless[1]})
            if made is not None:
                return made
        made = self._from_shape(item, locale, shape, table)
        return _citeproc(item, locale) if made is None else made

    def _from_shape(self, item: dict[str, Any], locale: str, shape: Shape,
                    table: dict[int, str]) -> str | None:
        """The item's citation from its shape's template or frame, `table` filling the slots; None
        where there is none (yet)."""
        if (moving := _moving_date(shape)) is not None:
            return self._dated(item, locale, shape, moving, table)
        key = (shape, locale)
        template = self._made(self.templates, key, lambda: _template(*key))
        return None if template is None else template.translate(table)

    def _made(self, made: dict[tuple[Shape, str], Made | None], key: tuple[Shape, str],
              make: Callable[[], Made | None]) -> Made | None:
        """What `make` gives for `key`, made on the key's second item (a shape seen once costs what
        it did); None before that, or where it cannot be made."""
        if key in made:
            return made[key]
        if key not in self.seen and not self.eager:
            self.seen.add(key)
            return None
        value = made[key] = make()
        return value

    def _dated(self, item: dict[str, Any], locale: str, shape: Shape, date: str,
               table: dict[int, str]) -> str | None:
        """The citation of an item whose shape shows a date's month or day, from its frame and the
        text of that month and day (cut from the first item citeproc-py formats with it, or put
        together: _calendar)."""
        parts: tuple[int, ...] = dict(shape)[date][1]
        key = (_with_date(shape, date, (parts[0], *(None for _ in parts[1:]))), locale)  # any month, day
        frame = self._made(self.frames, key, lambda: _frame(shape, date, locale))
        if frame is None:
            return None
        texts = self.dates.setdefault((frame.probes, locale), {})
        if parts[1:] not in texts and len(parts) == 3 and (frame.probes, locale) not in self.calendars \
                and sum(text is not None for text in texts.values()) >= _CALENDAR_AFTER:
            self.calendars.add((frame.probes, locale))
            texts.update(_calendar(shape, date, locale, frame, texts))
        if parts[1:] not in texts:
            made = _citeproc(item, locale)
            before, after = frame.before.translate(table), frame.after.translate(table)
            fits = made.startswith(before) and made.endswith(after) and len(made) > len(before) + len(after)
            texts[parts[1:]] = made[len(before):len(made) - len(after)] if fits else None
            return made
        day = texts[parts[1:]]
        if day is None:
            return None
        return frame.before.translate(table) + day + frame.after.translate(table)

    def _dates_shown(self, shape: Shape, locale: str) -> Shape:
        """The shape, each date's month and day 0 where the style does not show them."""
        dated = [key for key, kept in shape if isinstance(kept, tuple) and len(kept[1]) > 1]
        for date in dated:
            question = (tuple((k, (_DATE, (2000,) * len(v[1])) if isinstance(v, tuple) else v)
                              for k, v in shape), date, locale)
            shown = self.days_shown.get(question)
            if shown is None:
                shown = self.days_shown[question] = _days_shown(question[0], date, locale)
            if not shown:
                parts = dict(shape)[date][1]
                shape = _with_date(shape, date, (parts[0], *(0 for _ in parts[1:])))
        return shape


def _days_shown(shape: Shape, date: str, locale: str) -> bool:
    """Whether the style shows the month or the day of the shape's `date`: two dates of one year
    formatted, the other dates as the shape has them (_dates_shown gives each the year 2000)."""
    def on(parts: tuple[int, ...]) -> str:
        dated = _with_date(shape, date, parts[:len(dict(shape)[date][1])])
        return _citeproc(_filled(dated, _slot), locale)

    return on((2000, 1, 2)) != on((2000, 11, 28))


def _template(shape: Shape, locale: str) -> str | None:
    """The citation of an item of this shape, a placeholder for each copied text and each year left
    out; None when the probe finds a text that citeproc-py does not copy as it is, or a year it
    does not write as its digits (the same citation in another year)."""
    template = _rendered(shape, locale)

    def probe(index: int) -> str:
        return f"aa AA {_slot(index)} aa AA"  # any change of case changes "aa" or "AA"

    probed = _rendered(shape, locale, probe)
    if probed != template.translate({_SLOTS + i: probe(i) for i in range(_slots(shape))}):
        return None
    if _undated_years(shape) and _rendered(shape, locale, year=_PROBE_YEARS[1]) != template:
        return None
    return template


@dataclass(frozen=True)
class _Frame:
    """A shape's citation around its date's month and day: the text before and after, with
    placeholders for the copied texts, and the probe dates' texts between."""

    before: str
    after: str
    probes: tuple[str, ...]


# Months and days whose texts differ in their first and their last character in the styles' usual
# forms ("5 February", "February 5th", "2月5日"), so that what the probes share is the frame's.
_PROBE_DATES = ((2, 5), (9, 30), (12, 17))


def _moving_date(shape: Shape) -> str | None:
    """The one date of the shape whose month or day the style shows (_dates_shown), if one."""
    moving = [key for key, kept in shape if isinstance(kept, tuple) and any(kept[1][1:])]
    return moving[0] if len(moving) == 1 else None


def _shared_start(texts: list[str]) -> str:
    """The characters every text begins with."""
    shortest = min(texts, key=len)
    for i, character in enumerate(shortest):
        if any(t[i] != character for t in texts):
            return shortest[:i]
    return shortest


def _with_date(shape: Shape, date: str, parts: tuple[int, ...]) -> Shape:
    return tuple((k, (_DATE, parts)) if k == date else (k, v) for k, v in shape)


def _frame(shape: Shape, date: str, locale: str) -> _Frame | None:
    """The shape's citation around its date: None when citeproc-py does not copy each text as it
    is, or the probe dates' texts are not told apart at both ends."""
    parts: tuple[int, ...] = dict(shape)[date][1]
    dated = [_with_date(shape, date, (parts[0], *probe[:len(parts) - 1])) for probe in _PROBE_DATES]
    first = _template(dated[0], locale)
    if first is None:
        return None
    texts = [first, *(_rendered(s, locale) for s in dated[1:])]
    before = _shared_start(texts)
    after = _shared_start([t[len(before):][::-1] for t in texts])[::-1]
    probes = tuple(t[len(before):len(t) - len(after)] for t in texts)
    if not all(probes) or len(set(probes)) < len(probes) or max("".join(probes)) >= _FIRST_SLOT:
        return None
    return _Frame(before, after, probes)


def _calendar(shape: Shape, date: str, locale: str, frame: _Frame,
              cut: dict[tuple[int, ...], str | None]) -> dict[tuple[int, ...], str]:
    """Every month and day's text between the frame's ends, put together from each month's (on the
    28th) and each day's (in January), which citeproc-py formats: 43 citations where there could be
    366. Only where the month's text and the day's are apart in the 28th of January's, and the
    texts put together are every text `cut` already holds; otherwise none."""
    year = dict(shape)[date][1][0]

    def between(month: int, day: int) -> str | None:
        text = _rendered(_with_date(shape, date, (year, month, day)), locale)
        fits = text.startswith(frame.before) and text.endswith(frame.after) \
            and len(text) > len(frame.before) + len(frame.after)
        return text[len(frame.before):len(text) - len(frame.after)] if fits else None

    days, months = [between(1, d) for d in range(1, 32)], [between(m, 28) for m in range(1, 13)]
    if None in days or None in months:
        return {}
    day_texts, day_span = _varying(days)  # type: ignore[arg-type]  # no None, as checked
    month_texts, month_span = _varying(months)  # type: ignore[arg-type]
    (first, end), (other, other_end) = sorted([day_span, month_span])
    if end > other:
        return {}
    base = days[27]
    assert base is not None

    def put(month: int, day: int) -> str:
        pieces = {day_span: day_texts[day - 1], month_span: month_texts[month - 1]}
        return (base[:first] + pieces[(first, end)] + base[end:other] + pieces[(other, other_end)]
                + base[other_end:])

    made = {(m, d): put(m, d) for m in range(1, 13) for d in range(1, calendar.monthrange(2000, m)[1] + 1)}
    if any(text is not None and made.get(key) != text for key, text in cut.items()):
        return {}
    return {key: text for key, text in made.items() if key not in cut}


def _varying(texts: list[str]) -> tuple[list[str], tuple[int, int]]:
    """What differs from text to text, and where it is in the 28th's text (each list's 28th of
    January, the days' 28th and the months' 1st)."""
    start = _shared_start(texts)
    end = len(_shared_start([t[len(start):][::-1] for t in texts]))
    base = texts[27] if len(texts) > 27 else texts[0]
    return [t[len(start):len(t) - end] for t in texts], (len(start), len(base) - end)


_TEMPLATES = _Templates()
