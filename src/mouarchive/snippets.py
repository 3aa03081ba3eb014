"""Small pieces of HTML the templates use many times on a page: a party's link, a date, a citation.

They are Python functions rather than Jinja macros because a list page calls them thousands of times
and a macro call costs about ten times a function call; at 10,000 documents that was a third of the
build. Every value is escaped here exactly as autoescaping would; the templates call them by name,
e.g. `{{ party_link(p) }}` or `{{ date(d) }}`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup, escape

from .archive import Archive
from .model import Agreement, Claim, Document, PartialDate, Party

PLACES = {"HK": "Hong Kong", "MO": "Macao", "CN": "Mainland China"}


def place_name(code: str) -> str:
    """The reader's name for a jurisdiction code: 'HK' is 'Hong Kong'."""
    return PLACES.get(code, code)


def date(value: PartialDate) -> Markup:
    return Markup(f'<time datetime="{value.iso}">{escape(value.display)}</time>')


def sentence(text: str) -> str:
    """The text with its first letter capitalised and the rest as stated."""
    return text[:1].upper() + text[1:]


def plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n} {word if n == 1 else (words or word + 's')}"


def jurisdiction(party: Party) -> Markup:
    """A party's jurisdiction as a short code chip: HK, CN, MO."""
    if not party.jurisdiction:
        return Markup("")
    code = escape(party.jurisdiction)
    return Markup(f'<abbr class="jur jur-{code.lower()}" title="{escape(place_name(party.jurisdiction))}">'
                  f"{code}</abbr>")


def local_names(record: Any) -> Markup:
    """A party's or topic's names in other languages, each marked with its language."""
    return Markup("".join(f'<span class="local-name" lang="{escape(lang)}">{escape(name)}</span>'
                          for lang, name in record.names))


def snippets(archive: Archive, site_language: str) -> dict[str, Callable[..., Any]]:
    """The functions templates call, bound to this archive."""

    def lang_attr(lang: str | None) -> Markup:
        """A lang attribute for text in a language other than the site's."""
        return Markup(f' lang="{escape(lang)}"') if lang and lang != site_language else Markup("")

    def doc_lang(document: Document) -> Markup:
        return lang_attr(document.lang)

    def claim_lang(claim: Claim[Any]) -> Markup:
        """The language of the documents a claim comes from, when they share one."""
        langs = {archive.documents[s.document].lang for s in claim.sources}
        return lang_attr(langs.pop()) if len(langs) == 1 else Markup("")

    def title_lang(agreement: Agreement) -> Markup:
        return claim_lang(agreement.title.claims[0]) if agreement.title.claims else Markup("")

    @pass_context
    def party_link(context: Context, party_id: str) -> Markup:
        party = archive.parties[party_id]
        label = (f'<abbr title="{escape(party.name)}">{escape(party.acronym)}</abbr>' if party.acronym
                 else escape(party.name))
        return Markup(f'<a href="{escape(context["link"](party))}">{label}</a>')

    @pass_context
    def topic_link(context: Context, topic_id: str) -> Markup:
        topic = archive.topics[topic_id]
        return Markup(f'<a class="tag" href="{escape(context["link"](topic))}">{escape(topic.name)}</a>')

    def cite(agreement: Agreement, claim: Claim[Any]) -> Markup:
        """Superscript citations of the documents a claim comes from, numbered as on the agreement page."""
        links = []
        for source in claim.sources:
            number = agreement.documents.index(source.document) + 1
            title = escape(archive.documents[source.document].title)
            links.append(f'<a href="#doc-{number}" title="{title}">[{number}]</a>')
        return Markup(f'<span class="cite" data-pagefind-ignore>{"".join(links)}</span>')

    def signed_dates(agreement: Agreement) -> Markup:
        """Every claimed signing date, never one picked."""
        if not agreement.signed.known:
            return Markup('<span class="unknown">not stated</span>')
        return Markup(' <span class="or">or</span> ').join(date(d) for d in agreement.dates)

    return {
        "place_name": place_name, "date": date, "sentence": sentence, "plural": plural,
        "jurisdiction": jurisdiction, "local_names": local_names, "lang_attr": lang_attr,
        "doc_lang": doc_lang, "claim_lang": claim_lang, "title_lang": title_lang,
        "party_link": party_link, "topic_link": topic_link, "cite": cite, "signed_dates": signed_dates,
    }
