"""Small pieces of HTML the templates use many times on a page: a party's link, a date, a citation.

They are Python functions rather than Jinja macros because pages call them many times (the hot ones
5-14 times each on every page) and a macro call costs several times a function call: an agreement
page with its citations, party links and dates as macros took 8-15% longer to render
(benchmarks/snippet_macros.py and template_ab.py, RESULTS.md "Issue 14"). A site overrides the
templates around them and the fragments, which are templates rendered once and reused.

Every value is escaped here exactly as autoescaping would; the templates call them by name, e.g.
`{{ party_link(p) }}` or `{{ date(d) }}`. Each interface language has its own set (`snippets`),
so that names, dates and words come out in the page's language with no lookup per call.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from . import facts as fact_table
from .archive import Archive
from .escaping import escape, fill
from .i18n import N_, format_date, format_size, language_name, names_in, translations
from .model import Agreement, Claim, Document, Original, PartialDate, Party

PLACES = {"HK": N_("Hong Kong"), "MO": N_("Macao"), "CN": N_("Mainland China")}
KINDS = {"press-release": N_("Press release"), "news": N_("News"), "statement": N_("Statement"),
         "speech": N_("Speech"), "text": N_("Text"), "translation": N_("Translation")}
# What the page calls an original file of each form (model.ORIGINAL_FORMS), and what it says of it:
# a text copy is not the publisher's file, and the page does not say it is.
ORIGINAL_LABELS = {
    "as-published": (N_("Original file"), None),
    "text-as-received": (N_("Text as received"), N_("A copy of the document’s text as the archive "
                                                    "received it, not its publisher’s own file.")),
}
# Kinds of party that parties.yaml commonly gives (`kind:`), shown in the reader's language; any
# other kind is shown as written, marked as the vocabulary's language.
PARTY_KINDS = frozenset((
    N_("government"), N_("government bureau"), N_("government department"), N_("government agency"),
    N_("ministry"), N_("regulator"), N_("central bank"), N_("statutory body"), N_("advisory body"),
    N_("research institute"), N_("university"), N_("company"), N_("industry association"),
    N_("international organisation")))
# Source entries kept for reuse: a document's is needed again only on the few pages that cite it
# (its agreement's, in each language), where each rendering process had kept one for every
# document it cited, 100,000 of them at 100,000 documents (benchmarks/RESULTS.md, issue 12).
_SOURCE_ENTRIES = 2_000


def date(value: PartialDate) -> Markup:
    return Markup(f'<time datetime="{value.iso}">{escape(value.display)}</time>')


def sentence(text: str) -> str:
    """The text with its first letter capitalised and the rest as stated."""
    return text[:1].upper() + text[1:]


def plural(n: int, word: str, words: str | None = None) -> str:
    """English only: the default templates count with ngettext, which every language can translate."""
    return f"{n} {word if n == 1 else (words or word + 's')}"


def snippets(archive: Archive, site_language: str,
             vocabulary_lang: str | None = None) -> dict[str, Callable[..., Any]]:
    """The functions templates call, bound to this archive and to the interface language
    `site_language`; `vocabulary_lang` is the language of the main names in parties.yaml and
    topics.yaml (the site's `language`; the interface's, if not given)."""
    lang = site_language
    vocabulary = vocabulary_lang or lang
    _ = translations(lang).gettext

    def lang_attr(tag: str | None) -> Markup:
        """A lang attribute for text in a language other than the page's."""
        return Markup(f' lang="{escape(tag)}"') if tag and tag != lang else Markup("")

    def doc_lang(document: Document) -> Markup:
        return lang_attr(document.lang)

    def claim_lang(claim: Claim[Any]) -> Markup:
        """A lang attribute for a claim's value, when it is not in the page's language."""
        return lang_attr(claim_language(claim))

    def title_lang(agreement: Agreement) -> Markup:
        return claim_lang(agreement.title.claims[0]) if agreement.title.claims else Markup("")

    vocabulary_attr = lang_attr(vocabulary)  # on a vocabulary's text: a party's kind, a description

    def in_lang(text: Any, tag: str | None) -> Markup:
        """Text in the language `tag`, marked as such when that is not the page's language."""
        return Markup(f"<span{lang_attr(tag)}>{escape(text)}</span>") if tag and tag != lang else escape(text)

    def in_vocabulary(text: Any) -> Markup:
        """Text from parties.yaml or topics.yaml (an acronym, a kind, a description)."""
        return in_lang(text, vocabulary)

    def claim_language(claim: Claim[Any]) -> str | None:
        """The language of the documents a claim comes from, when they share one."""
        langs = {archive.documents[s.document].lang for s in claim.sources}
        return langs.pop() if len(langs) == 1 else None

    def claim_text(claim: Claim[Any]) -> Markup:
        """A claim's value, marked with the language of the documents that state it."""
        return in_lang(claim.value, claim_language(claim))

    def local_date(value: PartialDate) -> Markup:
        return Markup(f'<time datetime="{value.iso}">{escape(format_date(value, lang))}</time>')

    def date_text(value: PartialDate) -> str:
        return format_date(value, lang)

    def name(record: Any) -> Markup:
        """A party's or topic's name as a reader of the page's language reads it first."""
        tag, text = names_in(record, lang, vocabulary)[0]
        return Markup(f"<span{lang_attr(tag)}>{escape(text)}</span>") if tag != lang else escape(text)

    def name_text(record: Any) -> str:
        """The same name as plain text, for attributes, titles and sorting."""
        return names_in(record, lang, vocabulary)[0][1]

    def party_name_text(party_id: str) -> str:
        return name_text(archive.parties[party_id])

    def local_names(record: Any) -> Markup:
        """A party's or topic's other names, each marked with its language."""
        return Markup("".join(f'<span class="local-name" lang="{escape(tag)}">{escape(text)}</span>'
                              for tag, text in names_in(record, lang, vocabulary)[1:]))

    def both_names(record: Any) -> Markup:
        """The name a reader reads first, then the others: 'Blockchain 區塊鏈'."""
        return name(record) + local_names(record)

    def local_place(code: str) -> str:
        return _(PLACES[code]) if code in PLACES else code

    def jurisdiction(party: Party) -> Markup:
        """A party's jurisdiction as a short code chip: HK, CN, MO."""
        if not party.jurisdiction:
            return Markup("")
        code = escape(party.jurisdiction)
        place = escape(local_place(party.jurisdiction))
        return Markup(f'<abbr class="jur jur-{code.lower()}" title="{place}">{code}</abbr>')

    def party_kind(kind: str) -> Markup:
        """What kind of body a party is, in the reader's language where the interface knows the
        kind: 'Government bureau', '政策局'."""
        key = kind.strip().lower()
        if key in PARTY_KINDS:
            return escape(sentence(_(key)))
        return in_vocabulary(sentence(kind))

    def kind_label(kind: str) -> str:
        """What kind of document it is, in the page's language: 'Press release'."""
        return _(KINDS[kind]) if kind in KINDS else sentence(kind.replace("-", " "))

    def original_label(original: Original) -> str:
        """What the original file is called: 'Original file', 'Text as received'."""
        return _(ORIGINAL_LABELS[original.form][0])

    def original_note(original: Original) -> str:
        """What the page says of an original that is not the publisher's file, or ''."""
        note = ORIGINAL_LABELS[original.form][1]
        return _(note) if note else ""

    source_entries: dict[str, Markup] = {}
    comma = escape(_(", "))

    def source_entry(path: str) -> Markup:
        """A document as a fact's citation names it: publisher, title, kind and date (the same on
        every page that cites it, so made once)."""
        entry = source_entries.get(path)
        if entry is None:
            if len(source_entries) >= _SOURCE_ENTRIES:
                source_entries.clear()
            d = archive.documents[path]
            publisher = (f"{escape(party_name_text(d.publisher_party))}{comma}" if d.publisher_party else
                         f"<span{doc_lang(d)}>{escape(d.publisher)}</span>{comma}" if d.publisher else "")
            when = local_date(d.published) if d.published else escape(_("undated"))
            entry = source_entries[path] = Markup(
                f"{publisher}“<cite{doc_lang(d)}>{escape(d.title)}</cite>” "
                f"({escape(kind_label(d.kind).lower())}{comma}{when})")
        return entry

    @pass_context
    def fact_cite(context: Context, agreement: Agreement, anchor: str, label: str, value: Any,
                  claim: Claim[Any]) -> Markup:
        """One fact's citation on an agreement page: its value, the documents that state it, and its
        own address (views.fact_anchors); a disclosure, so that it works without JavaScript. About
        ten on an agreement page: as a macro, they were a quarter of its rendering (f-strings here,
        since Markup.format is Python's string.Formatter, slower than the macro)."""
        sources = Markup("; ".join(f"[{agreement.documents.index(s.document) + 1}] {source_entry(s.document)}"
                                   for s in claim.sources))
        address = escape(f"{context['citation'].url}#{anchor}")
        text = fill(_("%(fact)s: %(value)s, as stated in %(sources)s. %(record)s, %(site)s, %(url)s"), {
            "fact": label, "value": value, "sources": sources,
            "record": Markup(f"<cite{title_lang(agreement)}>{escape(agreement.display_title)}</cite>"),
            "site": context["site"].title,
            "url": Markup(f'<a href="#{escape(anchor)}">{address}</a>')})
        hidden = fill(_("this fact: %(fact)s"), {"fact": label})
        word = escape(_("cite"))  # not inside the f-string, where Babel would not find it
        return Markup(f'<details class="fact-cite"><summary>{word}'
                      f'<span class="visually-hidden"> {hidden}</span></summary><p>{text}</p></details>')

    nouns = {fact.name: _(fact.noun) for fact in fact_table.FACTS}

    def fact_label(name: str) -> str:
        """A fact's name in running text, in the page's language: 'signatories'."""
        return nouns.get(name) or name.replace("_", " ")

    def language_label(tag: str) -> str:
        """A document's language named in the page's language: 'Chinese (Traditional)'."""
        return language_name(tag, lang)

    def reads_main_name(party: Party) -> bool:
        """Whether a reader of the page's language reads the party's main name (and so knows its
        acronym) first: a Chinese reader gets 香港金融發展局 rather than FSDC."""
        return names_in(party, lang, vocabulary)[0][0] == vocabulary

    def party_label(party_id: str) -> Markup:
        """A party's short form: its acronym, or its name in the reader's language."""
        party = archive.parties[party_id]
        if party.acronym and reads_main_name(party):
            return Markup(f"<span{vocabulary_attr}>{escape(party.acronym)}</span>") if vocabulary_attr \
                else escape(party.acronym)
        return name(party)

    @pass_context
    def party_link(context: Context, party_id: str) -> Markup:
        """A link to a party: its acronym (the full name on hover), or its name in the reader's
        language."""
        party = archive.parties[party_id]
        if party.acronym and reads_main_name(party):
            label = Markup(f'<abbr title="{escape(party.name)}"{vocabulary_attr}>'
                           f"{escape(party.acronym)}</abbr>")
        else:
            label = name(party)
        return Markup(f'<a href="{escape(context["link"](party))}">{label}</a>')

    @pass_context
    def topic_link(context: Context, topic_id: str) -> Markup:
        topic = archive.topics[topic_id]
        return Markup(f'<a class="tag" href="{escape(context["link"](topic))}">{name(topic)}</a>')

    def cite(agreement: Agreement, claim: Claim[Any]) -> Markup:
        """Superscript citations of the documents a claim comes from, numbered as on the agreement page."""
        links = []
        for source in claim.sources:
            number = agreement.documents.index(source.document) + 1
            title = escape(archive.documents[source.document].title)
            links.append(f'<a href="#doc-{number}" title="{title}">[{number}]</a>')
        return Markup(f'<span class="cite" data-pagefind-ignore>{"".join(links)}</span>')

    def held_notice(held: tuple[str, ...]) -> str:
        """Why a preview shows a held-back document: 'Draft', 'Under embargo until ...'."""
        reason, detail = held
        if reason == "draft":
            return _("Draft")
        if reason == "embargo":
            return _("Under embargo until %(moment)s") % {"moment": detail}
        if reason == "original":
            return _("Held back with the document it translates, %(path)s") % {"path": detail}
        return _("Held back with agreement %(id)s") % {"id": detail}

    not_stated = Markup('<span class="unknown">{}</span>').format(_("not stated"))
    either = Markup(' <span class="or">{}</span> ').format(_("or"))

    def signed_dates(agreement: Agreement) -> Markup:
        """Every claimed signing date, never one picked."""
        if not agreement.signed.known:
            return not_stated
        return either.join(local_date(d) for d in agreement.dates)

    return {
        "place_name": local_place, "date": local_date, "date_text": date_text, "sentence": sentence,
        "plural": plural, "jurisdiction": jurisdiction, "name": name, "name_text": name_text,
        "party_name_text": party_name_text, "local_names": local_names, "both_names": both_names,
        "lang_attr": lang_attr, "vocabulary_lang": vocabulary_attr, "in_lang": in_lang,
        "in_vocabulary": in_vocabulary, "doc_lang": doc_lang, "claim_language": claim_language,
        "claim_lang": claim_lang, "claim_text": claim_text, "title_lang": title_lang,
        "kind_label": kind_label, "original_label": original_label, "original_note": original_note,
        "party_kind": party_kind, "fact_label": fact_label,
        "language_label": language_label,
        "language_name": language_name, "party_label": party_label, "party_link": party_link,
        "topic_link": topic_link, "cite": cite, "signed_dates": signed_dates, "held_notice": held_notice,
        "file_size": lambda size: format_size(size, site_language), "fact_cite": fact_cite,
    }
