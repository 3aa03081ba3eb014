"""One document read: its frontmatter's fields checked and typed into a Document record, its body
made HTML. Every problem is reported with its file and line; reading goes on."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote

from . import facts as fact_table
from .config import DEFAULT_MARKDOWN, MarkdownEngine
from .errors import Problems
from .facts import FactEntry, Type
from .fields import Fields, describe, shared
from .frontmatter import Path_, YamlValue, split_document
from .kinds import KINDS
from .markup import internal_links, render_markdown, summarise
from .model import (
    ORIGINAL_FORMS,
    AgreementFacts,
    Archived,
    DateError,
    Document,
    Link,
    Original,
    PartialDate,
    Person,
)
from .slugs import is_slug, slugify
from .vocabularies import Names

LANGUAGES = ("en", "zh-Hant", "zh-Hans")
HONORIFICS_HINT = "e.g. {name: Jin Jian, honorific: Mr, title: Director, party: CAICT}"

DOCUMENT_FIELDS = ("title", "kind", "published", "publisher", "place", "source", "archived", "original",
                   "lang", "topics", "agreement", "slug", "aliases", "draft", "embargo", "translation_of",
                   "translated_by")
PERSON_FIELDS = ("name", "honorific", "suffix", "title", "party", "name_zh")
ARCHIVED_FIELDS = ("url", "date")  # archived: {url: <the capture's address>, date: <the capture's day>}
ORIGINAL_FIELDS = ("file", "sha256", "form")  # original: {file: <path under content/>, sha256: <its hash>}
# A capture's address on the Wayback Machine: /web/<yyyymmddhhmmss, maybe a flag like id_>/<the page>.
WAYBACK = re.compile(r"^https?://web\.archive\.org/web/([0-9]{4})([0-9]{2})([0-9]{2})[0-9]*(?:[a-z]{2}_)?/(.+)$")
ARCHIVED_HINT = ("write the capture's address and day, e.g. archived: {url: "
                 "https://web.archive.org/web/20230911093000/https://www.fsdc.org.hk/..., date: 2023-09-11}")
ORIGINAL_HINT = "e.g. original: {file: originals/fsdc-caict-mou.pdf, sha256: ...}"
# Files a browser runs scripts in: served from the site's own address, an original in one of these
# formats could run its scripts there, on a host that sends no Content-Security-Policy header.
ACTIVE_SUFFIXES = (".htm", ".html", ".xhtml", ".shtml", ".svg", ".svgz", ".xml", ".xsl", ".js", ".mjs")


def read_document(text: str, path: str, default_lang: str, parties: Names, topics: Names,
                  problems: Problems, markdown: MarkdownEngine = DEFAULT_MARKDOWN) -> Document | None:
    """Parse one document's text into a Document, or None when it has errors (all reported); its
    body is made HTML by the `markdown` engine the site's config names."""
    split = split_document(text, path, problems)
    if split is None:
        return None
    before = problems.error_count
    fields = Fields(path, split.meta, problems)
    meta = split.meta.value
    assert isinstance(meta, dict)
    fields.check_keys(meta, (), DOCUMENT_FIELDS)
    title = fields.text(meta, (), "title", required=True, hint="add 'title: ...' with the headline")
    kind = fields.choice(meta, (), "kind", KINDS, required=True)
    lang = fields.choice(meta, (), "lang", LANGUAGES) or default_lang
    publisher = fields.text(meta, (), "publisher")
    topic_names = fields.texts(meta, (), "topics") or ()
    topic_ids = tuple(dict.fromkeys(
        t for i, name in enumerate(topic_names) if (t := topics.read(fields, ("topics", i), name))
    ))
    stem = path.rsplit("/", 1)[-1].removesuffix(".md")
    slug = fields.text(meta, (), "slug")
    if slug is None and "slug" in meta:
        # An empty slug would silently fall back to the file name: the URL must be what is written.
        fields.error(("slug",), "is empty",
                     f"write the slug, e.g. slug: {slugify(stem)}, or remove the field to use the "
                     "file name")
    if slug is not None and not is_slug(slug):
        fields.error(("slug",), f"'{slug}' is not a valid slug",
                     f"use lowercase letters, digits and hyphens, e.g. '{slugify(slug)}'")
    states, refers = _read_agreements(fields, meta.get("agreement"), parties)
    body_html = render_markdown(split.body, markdown)
    published = fields.date(meta, (), "published")
    place = fields.text(meta, (), "place")
    source = fields.url(meta, (), "source")
    archived = _read_archived(fields, meta)
    original = _read_original(fields, meta)
    aliases = fields.aliases(meta, ())
    draft = fields.flag(meta, (), "draft")
    embargo = fields.moment(meta, (), "embargo")
    translation_of = _read_translation_of(fields, meta)
    translated_by = fields.text(meta, (), "translated_by")
    if kind == "translation" and translation_of is None and "translation_of" not in meta:
        fields.error(("kind",), "a translation needs 'translation_of:' naming the document it translates",
                     "add translation_of: <the original's path under content/>, e.g. 2023/fsdc-caict-mou.md")
    if problems.error_count > before or title is None or kind is None:
        return None
    return Document(
        path=path, slug=slug or slugify(stem), title=title, kind=kind, lang=lang,
        body_html=body_html, summary=summarise(body_html), published=published,
        publisher=publisher, publisher_party=parties.resolve(publisher) if publisher else None,
        place=place, source=source, topics=topic_ids, states=states, refers=refers,
        agreement_line=fields.line(("agreement",)) if "agreement" in meta else 0,
        title_line=fields.line(("title",)), aliases=aliases,
        links=_links(body_html, split.body, split.body_line), draft=draft, embargo=embargo,
        source_line=fields.line(("source",)) if "source" in meta else 0,
        translation_of=translation_of, translated_by=translated_by,
        translation_line=fields.line(("translation_of",)) if "translation_of" in meta else 0,
        archived=archived, original=original,
    )


def _read_archived(fields: Fields, meta: dict[str, YamlValue]) -> Archived | None:
    """`archived:`, a web archive's copy of the source: the capture's address and its day."""
    if meta.get("archived") is None:
        return None
    entry = fields.mapping(meta["archived"], ("archived",), ARCHIVED_HINT)
    if entry is None:
        return None
    fields.check_keys(entry, ("archived",), ARCHIVED_FIELDS)
    for key in ARCHIVED_FIELDS:
        if key not in entry:
            fields.error(("archived",), f"the field '{key}' is required", ARCHIVED_HINT)
    url = fields.url(entry, ("archived",), "url", required="url" in entry)
    date = fields.date(entry, ("archived",), "date", required="date" in entry)
    if url is None or date is None:
        return None
    capture = WAYBACK.match(url)
    if capture:  # the Wayback Machine's address says when the capture was made, and of what
        year, month, day, captured = capture.groups()
        try:
            made: PartialDate | None = PartialDate.parse(f"{year}-{month}-{day}")
        except DateError:
            made = None  # not a capture's time: the archive will say so to whoever opens it
        if made and (date.year, date.month or made.month, date.day or made.day) != (
                made.year, made.month, made.day):
            fields.error(("archived", "date"), f"the capture's address says it was made on {made.iso}",
                         f"write date: {made.iso}, or the address of the capture you mean")
            return None
        source = meta.get("source")
        if isinstance(source, str) and _same_page(source) != _same_page(captured):
            fields.warning(("archived", "url"), f"is a capture of {captured}, not of the source",
                           "make sure it is a copy of the document's source, and correct one of them")
    return Archived(url, date, fields.line(("archived",)))


def _same_page(url: str) -> str:
    """An address as the Wayback Machine files it: without its scheme, 'www.' or a final '/'."""
    rest = unquote(url.strip()).split("://", 1)[-1]
    return rest.removeprefix("www.").rstrip("/").lower()


def _read_original(fields: Fields, meta: dict[str, YamlValue]) -> Original | None:
    """`original:`, the document's original file under the content directory, and the SHA-256 it
    was recorded with. The file itself is found and measured by the loader (load.py)."""
    if meta.get("original") is None:
        return None
    where: Path_ = ("original",)
    entry = fields.mapping(meta["original"], where, ORIGINAL_HINT)
    if entry is None:
        return None
    fields.check_keys(entry, where, ORIGINAL_FIELDS)
    written = fields.text(entry, where, "file", required=True,
                          hint="name the file under the content directory, " + ORIGINAL_HINT)
    recorded = fields.text(entry, where, "sha256")
    form = fields.choice(entry, where, "form", ORIGINAL_FORMS) or ORIGINAL_FORMS[0]
    if recorded is not None and not _is_sha256(recorded):
        fields.error((*where, "sha256"), f"'{recorded}' is not a SHA-256 (64 hexadecimal digits)",
                     "copy the hash 'sha256sum FILE' prints, or remove the line and run mouarchive "
                     "check, which gives it")
        recorded = None
    if written is None:
        return None
    file = written.removeprefix("./")
    parts = file.split("/")
    if file.startswith("/") or "\\" in file or ".." in parts or "" in parts:
        fields.error((*where, "file"), f"'{written}' is not a path inside the content directory",
                     "name the file under the content directory, e.g. originals/fsdc-caict-mou.pdf")
        return None
    if any(part.startswith(".") for part in parts) or file.endswith(".md"):
        fields.error((*where, "file"), f"'{written}' is not a file the archive can publish: "
                     f"{'a hidden file' if file[0] == '.' or '/.' in file else 'a document'}",
                     "keep the original under a name that does not start with a dot and does not "
                     "end in .md, e.g. originals/fsdc-caict-mou.pdf")
        return None
    original = Original(file, recorded.lower() if recorded else None, fields.line((*where, "file")),
                        fields.line((*where, "sha256")) if "sha256" in entry else 0, form=form)
    if original.suffix in ACTIVE_SUFFIXES:
        fields.error((*where, "file"), f"a {original.suffix} file can run scripts when the site serves "
                     "it, so it is not published as an original",
                     "keep the original as a PDF, or its text as a .txt file")
        return None
    return original


def _is_sha256(text: str) -> bool:
    return len(text) == 64 and all(c in "0123456789abcdefABCDEF" for c in text)


def _links(body_html: str, body: str, first_line: int) -> tuple[Link, ...]:
    """The body's internal links, each with the line of the file it is written on.

    The Markdown parser keeps no positions for links, so each is looked for in the text, after
    the one before it (a link written twice is found twice); a reference-style link whose
    definition comes earlier is found from the start; failing all, the body's first line.
    """
    found, after = [], 0
    for href in internal_links(body_html):
        position = body.find(href, after)
        if position < 0:
            position = body.find(href)
        if position >= 0:
            after = position + len(href)
        found.append(Link(href, first_line + body.count("\n", 0, max(position, 0))))
    return tuple(found)


def _read_translation_of(fields: Fields, meta: dict[str, YamlValue]) -> str | None:
    """`translation_of:`, the path of the translated document as written: relative to the content
    directory (2023/fsdc-caict-mou.md), or as messages show paths (content/2023/fsdc-caict-mou.md).
    Which document that is, and whether it exists, is settled once every document is read
    (translations.py)."""
    target = fields.text(meta, (), "translation_of")
    if target is None:
        return None
    path = document_path(target)
    if path is None:
        fields.error(("translation_of",), f"'{target.removeprefix('./')}' is not the path of a document",
                     "name the file under the content directory, e.g. 2023/fsdc-caict-mou.md")
    return path


def document_path(text: str) -> str | None:
    """`text` as the path of a document inside the content directory (2023/x.md, or as messages
    show it, content/2023/x.md), or None when it cannot be one (not .md, absolute, or climbing out)."""
    path = text.strip().removeprefix("./")
    if not path.endswith(".md") or path.startswith("/") or ".." in path.split("/"):
        return None
    return path


def _read_agreements(fields: Fields, value: YamlValue,
                     parties: Names) -> tuple[tuple[AgreementFacts, ...], tuple[str, ...]]:
    """The `agreement:` field: an id it refers to, a mapping of facts, or a list of either."""
    if value is None:
        return (), ()
    items = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
    states, refers = [], []
    for i, item in items:
        where: Path_ = ("agreement",) if i is None else ("agreement", i)
        if isinstance(item, str):
            if is_slug(item.strip()):
                refers.append(item.strip())
            else:
                fields.error(where, f"'{item}' is not an agreement id",
                             "refer to an agreement by its id, e.g. agreement: fsdc-caict-2023")
        elif isinstance(item, dict):
            facts = _read_agreement_facts(fields, item, where, parties)
            if facts is not None:
                states.append(facts)
        else:
            fields.error(where, f"expected an agreement id or a mapping of its facts, found "
                         f"{describe(item)}", "see docs/editing.md (document fields)")
    return tuple(states), tuple(refers)


def _read_agreement_facts(fields: Fields, entry: dict[str, YamlValue], where: Path_,
                          parties: Names) -> AgreementFacts | None:
    table = fact_table.FACTS
    fields.check_keys(entry, where, table.fields)
    ident = fields.text(entry, where, "id", required=True,
                        hint="every agreement needs a permanent id, e.g. fsdc-caict-2023")
    if ident is not None and not is_slug(ident):
        fields.error((*where, "id"), f"'{ident}' is not a valid agreement id",
                     f"use lowercase letters, digits and hyphens, e.g. '{slugify(ident)}'")
        ident = None
    values: list[tuple[str, object]] = []
    for fact in table:
        value = _read_fact(fields, entry, where, fact, parties)
        if value is not None:
            values.append((fact.name, value))
        if fact.note is None:
            continue
        note = fields.text(entry, where, fact.note)
        if note is not None:
            values.append((fact.note, note))
            if value is None:
                fields.error((*where, fact.note), f"explains a {fact.called} that is not given",
                             f"add '{fact.name}:' with the {'date' if fact.type is Type.DATE else 'value'} "
                             "worked out, or remove this field")
    facts = AgreementFacts(
        id=ident or "",
        line=fields.line(where),
        values=tuple(values),
        lines=tuple((shared(key), fields.line((*where, key))) for key in entry),
        aliases=fields.aliases(entry, where),
    )
    return facts if ident else None


def _read_fact(fields: Fields, entry: dict[str, YamlValue], where: Path_, fact: FactEntry,
               parties: Names) -> Any:
    """One fact's value as its entry in the table says: None when not stated (or wrong, reported)."""
    name, kind = fact.name, fact.type
    if kind is Type.PERSON:
        return _read_people(fields, entry, (*where, name), parties)
    if kind is Type.AGREEMENT:
        return _read_ids(fields, entry, where, name)
    if kind is Type.PARTY:
        if not fact.many:
            text = fields.text(entry, where, name)
            return parties.read(fields, (*where, name), text) if text else None
        names = fields.texts(entry, where, name)
        if names is None:
            return None
        return tuple(dict.fromkeys(
            p for i, text in enumerate(names) if (p := parties.read(fields, (*where, name, i), text))
        ))
    if fact.many:  # a list of text
        return fields.texts(entry, where, name)
    if kind is Type.DATE:
        return fields.date(entry, where, name)
    if kind is Type.URL:
        return fields.url(entry, where, name)
    if kind is Type.CHOICE:
        return fields.choice(entry, where, name, fact.choices)
    return fields.text(entry, where, name)


def _read_ids(fields: Fields, entry: dict[str, YamlValue], where: Path_, key: str) -> tuple[str, ...] | None:
    ids = fields.texts(entry, where, key)
    if ids is None:
        return None
    for i, ident in enumerate(ids):
        if not is_slug(ident):
            fields.error((*where, key, i), f"'{ident}' is not an agreement id",
                         "use the id of another agreement, e.g. fsdc-caict-2023")
    return tuple(i for i in ids if is_slug(i))


def _read_people(fields: Fields, entry: dict[str, YamlValue], where: Path_,
                 parties: Names) -> tuple[Person, ...] | None:
    value = entry.get(where[-1])
    if value is None:
        return None
    if not isinstance(value, list):
        fields.error(where, f"expected a list of people, found {describe(value)}",
                     f"write one '- {{name: ..., title: ..., party: ...}}' per person, {HONORIFICS_HINT}")
        return None
    people = []
    for i, item in enumerate(value):
        at = (*where, i)
        if isinstance(item, str):
            fields.error(at, "a person must be a mapping with at least a name", HONORIFICS_HINT)
            continue
        checked = fields.mapping(item, at, HONORIFICS_HINT)
        if checked is None:
            continue
        fields.check_keys(checked, at, PERSON_FIELDS)
        name = fields.text(checked, at, "name", required=True, hint=HONORIFICS_HINT)
        party_name = fields.text(checked, at, "party")
        party = parties.read(fields, (*at, "party"), party_name) if party_name else None
        if name is None:
            continue
        people.append(Person(
            name=name, honorific=fields.text(checked, at, "honorific"),
            suffix=fields.text(checked, at, "suffix"), title=fields.text(checked, at, "title"),
            party=party, name_zh=fields.text(checked, at, "name_zh"),
        ))
    return tuple(people)
