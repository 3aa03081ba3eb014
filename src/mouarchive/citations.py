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

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from markupsafe import Markup, escape

from .archive import Archive
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
    from citeproc import Citation, CitationItem, CitationStylesBibliography
    from citeproc.source.json import CiteProcJSON

    source = CiteProcJSON([_unmarked(item)])
    bibliography = CitationStylesBibliography(
        _style(STYLE_LOCALES.get(lang, STYLE_LOCALES["en"])), source, _FORMATTER)
    bibliography.register(Citation([CitationItem(item["id"])]))
    text = str(bibliography.bibliography()[0])
    return Markup(_MARK.sub(lambda m: _TAGS[m.group(1)], str(escape(text))))
