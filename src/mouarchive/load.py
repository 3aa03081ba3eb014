"""Read content/ into records: parties, topics and documents, with every problem found on the way.

The only module that reads content. Each field is checked where it is read, so a message can name the
file, the line and the field; nothing stops at the first problem.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from .cache import BodyPacks
from .errors import Problem, Problems
from .frontmatter import Path_, Yaml, YamlValue, parse_yaml, split_document
from .markup import internal_links, render_markdown, summarise
from .model import (
    KINDS,
    MOMENT_FORMAT,
    AgreementFacts,
    Alias,
    DateError,
    Document,
    FormerName,
    Link,
    PartialDate,
    Party,
    Person,
    Source,
    Topic,
    parse_moment,
)
from .parallel import fork_map
from .slugs import SitePathError, is_slug, site_path, slugify
from .sources import PARTIES_FILE, TOPICS_FILE, file_digest

MAX_FILE_BYTES = 2_000_000  # a press release is a few KB; this catches a pasted PDF or a dump

LANGUAGES = ("en", "zh-Hant", "zh-Hans")
STATUSES = ("signed", "in-force", "expired", "terminated", "superseded")
HONORIFICS_HINT = "e.g. {name: Jin Jian, honorific: Mr, title: Director, party: CAICT}"

DOCUMENT_FIELDS = ("title", "kind", "published", "publisher", "place", "source", "lang", "topics",
                   "agreement", "slug", "aliases", "draft", "embargo", "translation_of", "translated_by")
AGREEMENT_FIELDS = ("id", "title", "instrument", "parties", "signed", "signed_derived_from", "place",
                    "occasion", "signatories", "witnesses", "effective", "term", "status",
                    "supersedes", "amends", "renews", "text", "notes", "aliases")
PERSON_FIELDS = ("name", "honorific", "suffix", "title", "party", "name_zh")
PARTY_FIELDS = ("id", "name", "names", "name_zh", "acronym", "aliases", "former_names", "kind",
                "jurisdiction", "parent", "url")
TOPIC_FIELDS = ("id", "name", "names", "name_zh", "aliases", "parent", "description")


@dataclass(frozen=True)
class Content:
    """Everything read from content/: the vocabularies and the documents, sorted by path."""

    parties: tuple[Party, ...]
    topics: tuple[Topic, ...]
    documents: tuple[Document, ...]
    digests: dict[str, str] = field(default_factory=dict)  # document path -> hash of its bytes
    parsed: int = 0  # documents parsed this time rather than taken from the cache


def load_content(content_dir: Path, default_lang: str, problems: Problems,
                 label: str = "content", known: Mapping[str, tuple[str, Document]] | None = None,
                 workers: int = 1, hashed: Mapping[str, str] | None = None,
                 bodies: BodyPacks | None = None) -> Content:
    """Read parties.yaml, topics.yaml and every Markdown document under `content_dir`.

    Files are named `label/...` (the content directory as the site config names it) in records and
    messages, so a path in a message is one the editor can open from the site directory. A
    document whose bytes hash as in `known` (the cache) is taken from there instead of parsed;
    the rest are parsed by `workers` processes when there are enough of them to be worth it.
    `hashed` may hold the hashes of files already read this run. With `bodies`, the documents'
    bodies go to pack files in the cache instead of staying in memory.
    """
    label = label.rstrip("/")
    vocabularies = load_vocabularies(content_dir, problems, label)
    known = known or {}
    documents: dict[str, Document] = {}
    digests: dict[str, str] = {}
    todo: list[tuple[Path, str]] = []
    for path in _markdown_files(content_dir, label, problems):
        rel = f"{label}/{path.relative_to(content_dir).as_posix()}"
        cached = known.get(rel)
        digest = None
        if cached is not None:  # the workers hash the rest
            digest = (hashed or {}).get(rel) or file_digest(path)
        if digest is not None and cached is not None and cached[0] == digest:
            documents[rel], digests[rel] = cached[1], digest
        else:
            todo.append((path, rel))
    for rel, digest, document, found in _parse_all(todo, default_lang, vocabularies, workers, bodies):
        problems.extend(found)
        if document is not None and digest is not None:
            documents[rel], digests[rel] = document, digest
    return Content(parties=vocabularies.parties, topics=vocabularies.topics,
                   documents=tuple(documents[rel] for rel in sorted(documents)),
                   digests=digests, parsed=len(todo))


Parsed = tuple[str, "str | None", "Document | None", tuple[Problem, ...]]
_PARALLEL_FROM = 200  # fewer documents than this are parsed faster in one process


def parse_files(todo: list[tuple[str, Path]], default_lang: str, vocabularies: Vocabularies) -> list[Parsed]:
    """Parse these files ((content path, file) each) here, bodies kept in memory: a few edited
    documents, which the engine (engine.py) parses again."""
    return _parse_all([(path, rel) for rel, path in todo], default_lang, vocabularies, 1, None)


def _parse_all(todo: list[tuple[Path, str]], default_lang: str, vocabularies: Vocabularies,
               workers: int, bodies: BodyPacks | None) -> list[Parsed]:
    def parse(chunk: list[tuple[Path, str]]) -> list[Parsed]:
        return _parse_chunk(chunk, default_lang, vocabularies, bodies)

    if len(todo) < _PARALLEL_FROM:
        return parse(todo)
    chunks = [todo[i: i + 100] for i in range(0, len(todo), 100)]
    return [item for chunk in fork_map(parse, chunks, workers) for item in chunk]


def _parse_chunk(todo: list[tuple[Path, str]], default_lang: str, vocabularies: Vocabularies,
                 bodies: BodyPacks | None) -> list[Parsed]:
    results: list[Parsed] = []
    for path, rel in todo:
        problems = Problems()
        text = _read_text(path, rel, problems)
        digest = file_digest(path) if text is not None else None
        document = None if text is None else read_document(
            text, rel, default_lang, vocabularies.party_names, vocabularies.topic_names, problems)
        results.append((rel, digest, document, problems.items))
    if bodies is not None:
        parsed = [(i, r[2]) for i, r in enumerate(results) if r[2] is not None]
        refs = bodies.write([document.body_html for _i, document in parsed])
        for (i, document), ref in zip(parsed, refs, strict=True):
            rel, digest, _document, found = results[i]
            results[i] = (rel, digest, replace(document, body_html="", body_ref=ref), found)
    return results


@dataclass(frozen=True)
class Vocabularies:
    """parties.yaml and topics.yaml, with the indexes that resolve a name to an id."""

    parties: tuple[Party, ...]
    topics: tuple[Topic, ...]
    party_names: Names
    topic_names: Names


def load_vocabularies(content_dir: Path, problems: Problems, label: str = "content") -> Vocabularies:
    """Read parties.yaml and topics.yaml; `mouarchive import` resolves names through these too."""
    label = label.rstrip("/")
    parties = _load_parties(content_dir, label, problems)
    topics = _load_topics(content_dir, label, problems)
    party_names = Names("party", f"{label}/{PARTIES_FILE}", {p.id: _party_names(p) for p in parties})
    topic_names = Names("topic", f"{label}/{TOPICS_FILE}",
                        {t.id: (t.id, t.name, *t.aliases) for t in topics})
    return Vocabularies(parties, topics, party_names, topic_names)


# --- files ---------------------------------------------------------------------------------------


def _markdown_files(content_dir: Path, label: str, problems: Problems) -> Iterator[Path]:
    """Every .md file under content_dir, sorted; links that lead outside it are reported, not read."""
    if not content_dir.is_dir():
        problems.error(label, 0, "", "the content directory does not exist",
                       "create it, or set content_dir in mouarchive.toml")
        return
    root = content_dir.resolve()
    found = []
    for dirpath, dirnames, filenames in os.walk(content_dir, followlinks=False):
        dirnames.sort()
        for name in filenames:
            if name.endswith(".md") and not name.startswith("."):
                found.append(Path(dirpath) / name)
    for path in sorted(found, key=lambda p: p.relative_to(content_dir).as_posix()):
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(root):
                problems.error(f"{label}/{path.relative_to(content_dir).as_posix()}", 0, "",
                               "is a link to a file outside content/, which is not read",
                               "copy the file into content/ instead of linking to it")
                continue
        yield path


def _read_text(path: Path, rel: str, problems: Problems) -> str | None:
    """The file's text with a BOM removed and line endings made '\\n', or None after reporting why."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.error(rel, 0, "", f"the file is {size:,} bytes, over the limit of "
                           f"{MAX_FILE_BYTES:,}", "split it, or keep only the text of the document")
            return None
        data = path.read_bytes()
    except OSError as exc:
        problems.error(rel, 0, "", f"cannot be read: {exc.strerror}", "check the file's permissions")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.error(rel, line, "", "is not UTF-8 text",
                       "save the file as UTF-8 (most editors offer it under 'Save with encoding')")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _load_yaml_file(content_dir: Path, label: str, name: str, problems: Problems) -> Yaml | None:
    path = content_dir / name
    shown = f"{label}/{name}"
    if not path.exists():
        problems.error(shown, 0, "", f"{name} is missing from the content directory",
                       "create it; the README shows its format")
        return None
    text = _read_text(path, shown, problems)
    return None if text is None else parse_yaml(text, shown, 1, problems)


# --- reading fields ------------------------------------------------------------------------------


def _field_name(where: Path_) -> str:
    text = ""
    for part in where:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


class Fields:
    """Typed reads of one parsed YAML file, each reporting its own problems with file and line."""

    def __init__(self, path: str, meta: Yaml, problems: Problems) -> None:
        self.path = path
        self.meta = meta
        self.problems = problems

    def line(self, where: Path_) -> int:
        return self.meta.line(where)

    def error(self, where: Path_, message: str, hint: str = "") -> None:
        self.problems.error(self.path, self.line(where), _field_name(where), message, hint)

    def warning(self, where: Path_, message: str, hint: str = "") -> None:
        self.problems.warning(self.path, self.line(where), _field_name(where), message, hint)

    def check_keys(self, mapping: dict[str, YamlValue], where: Path_, allowed: tuple[str, ...]) -> None:
        for key in mapping:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"known fields: {', '.join(allowed)}"
                self.error((*where, key), "unknown field", hint)

    def text(self, mapping: dict[str, YamlValue], where: Path_, key: str,
             required: bool = False, hint: str = "") -> str | None:
        value = mapping.get(key)
        if value is None:
            if required:
                self.error((*where, key) if key in mapping else where,
                           f"the field '{key}' is required" if key not in mapping
                           else "is empty", hint)
            return None
        if not isinstance(value, str):
            self.error((*where, key), f"expected text, found {_describe(value)}",
                       f"write one value after '{key}:', quoted if it contains ': ' or starts "
                       "with [ or {")
            return None
        value = value.strip()
        if not value and required:
            self.error((*where, key), "is empty", hint)
            return None
        return value or None

    def texts(self, mapping: dict[str, YamlValue], where: Path_, key: str) -> tuple[str, ...] | None:
        value = mapping.get(key)
        if value is None:
            return None
        if not isinstance(value, list):
            example = f"{key}: [{value}]" if isinstance(value, str) else f"{key}: [a, b]"
            self.error((*where, key), f"expected a list, found {_describe(value)}",
                       f"write a list, e.g. {example}")
            return None
        items = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.error((*where, key, i), f"expected text, found {_describe(item)}")
            else:
                items.append(item.strip())
        return tuple(items)

    def date(self, mapping: dict[str, YamlValue], where: Path_, key: str) -> PartialDate | None:
        text = self.text(mapping, where, key, hint="write the date as YYYY-MM-DD, YYYY-MM or YYYY")
        if text is None:
            return None
        try:
            return PartialDate.parse(text)
        except DateError as exc:
            self.error((*where, key), str(exc), "write the date as YYYY-MM-DD, YYYY-MM or YYYY, "
                       "e.g. 2023-09-06; if only the month or year is known, write just that")
            return None

    def url(self, mapping: dict[str, YamlValue], where: Path_, key: str) -> str | None:
        text = self.text(mapping, where, key)
        if text is None:
            return None
        parts = urlsplit(text)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            self.error((*where, key), f"'{text}' is not an http(s) URL",
                       "write the full address, starting with https://")
            return None
        return text

    def flag(self, mapping: dict[str, YamlValue], where: Path_, key: str) -> bool:
        """`true` or `false` (any case); anything else is an error, and counts as false."""
        text = self.text(mapping, where, key)
        if text is None or text.lower() == "false":
            return False
        if text.lower() == "true":
            return True
        self.error((*where, key), f"'{text}' is not true or false",
                   f"write '{key}: true', or remove the field")
        return False

    def moment(self, mapping: dict[str, YamlValue], where: Path_, key: str) -> datetime | None:
        text = self.text(mapping, where, key)
        if text is None:
            return None
        try:
            return parse_moment(text)
        except DateError as exc:
            self.error((*where, key), str(exc),
                       f"write the moment as {MOMENT_FORMAT}; without a zone it is read in the "
                       "site's time zone (timezone in mouarchive.toml)")
            return None

    def aliases(self, mapping: dict[str, YamlValue], where: Path_, key: str = "aliases") -> tuple[Alias, ...]:
        """Old addresses of a page, each as a site path: `/documents/2023/old-name/`."""
        found = []
        for i, text in enumerate(self.texts(mapping, where, key) or ()):
            at = (*where, key, i)
            try:
                url = site_path(text)
            except SitePathError as exc:
                self.error(at, str(exc), "write the old address as a path from the site's root, "
                           "e.g. /documents/2023/old-name/")
                continue
            found.append(Alias(url, Source(self.path, self.line(at))))
        return tuple(found)

    def choice(self, mapping: dict[str, YamlValue], where: Path_, key: str,
               choices: tuple[str, ...], required: bool = False) -> str | None:
        text = self.text(mapping, where, key, required=required,
                         hint=f"use one of: {', '.join(choices)}")
        if text is None:
            return None
        if text not in choices:
            close = difflib.get_close_matches(text, choices, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            self.error((*where, key), f"'{text}' is not one of the allowed values",
                       f"{hint}use one of: {', '.join(choices)}")
            return None
        return text

    def mapping(self, value: YamlValue, where: Path_, hint: str = "") -> dict[str, YamlValue] | None:
        if not isinstance(value, dict):
            self.error(where, f"expected a mapping of fields, found {_describe(value)}", hint)
            return None
        return value

    def entries(self, value: YamlValue, what: str) -> list[tuple[Path_, dict[str, YamlValue]]]:
        """The items of a top-level list of mappings (parties.yaml, topics.yaml)."""
        if not isinstance(value, list):
            self.error((), f"expected a list of {what}, found {_describe(value)}",
                       f"start each {_SINGULAR.get(what, what)} with '- id: ...'")
            return []
        found = []
        for i, item in enumerate(value):
            checked = self.mapping(item, (i,), "write fields as 'key: value' under '- id: ...'")
            if checked is not None:
                found.append(((i,), checked))
        return found


_SINGULAR = {"parties": "party", "topics": "topic"}


def _describe(value: YamlValue) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return f"the text '{value}'"


class Names:
    """Resolves a name, acronym, alias or id to a party or topic id, case and spacing aside.

    Acronyms collide in real life (two councils may both be 'HKFSDC'), so a shared name is not an
    error where it is declared; using it is, with the candidates named. An id always wins.
    """

    def __init__(self, what: str, file: str, names_by_id: dict[str, tuple[str, ...]]) -> None:
        self.what = what
        self.file = file
        self.by_name: dict[str, list[str]] = {}
        self.label = {ident: names[1] if len(names) > 1 else ident for ident, names in names_by_id.items()}
        for ident, names in names_by_id.items():
            for name in names:
                owners = self.by_name.setdefault(_normal(name), [])
                if ident not in owners:
                    owners.append(ident)

    def candidates(self, name: str) -> list[str]:
        key = _normal(name)
        if key in self.label:
            return [key]
        return self.by_name.get(key, [])

    def resolve(self, name: str) -> str | None:
        """The one id this name leads to, or None when it leads to none or to several."""
        found = self.candidates(name)
        return found[0] if len(found) == 1 else None

    def suggest(self, name: str) -> str:
        """The nearest entries by any of their names, each shown by its main name."""
        close = difflib.get_close_matches(_normal(name), list(self.by_name), n=6, cutoff=0.6)
        ids = list(dict.fromkeys(i for c in close for i in self.by_name[c]))[:3]
        if ids:
            return "did you mean " + " or ".join(f"'{self.label[i]}'" for i in ids) + \
                f"? otherwise add it to {self.file}"
        return f"add it to {self.file} first, or check the spelling"

    def read(self, fields: Fields, where: Path_, name: str) -> str | None:
        found = self.candidates(name)
        if len(found) == 1:
            return found[0]
        if found:
            fields.error(where, f"'{name}' could be any of {len(found)} {self.what} entries: "
                         + ", ".join(f"'{i}'" for i in found), "write the id of the one you mean")
        else:
            fields.error(where, f"unknown {self.what} '{name}'", self.suggest(name))
        return None


def _normal(name: str) -> str:
    return " ".join(name.casefold().replace("’", "'").split())


def _party_names(party: Party) -> tuple[str, ...]:
    former = [n for f in party.former_names for n in (f.name, f.acronym) if n]
    local = [name for _lang, name in party.names]
    return (party.id, party.label, party.name, *party.aliases, *local, *former)


# --- vocabularies --------------------------------------------------------------------------------


def _read_names(fields: Fields, entry: dict[str, YamlValue], where: Path_) -> tuple[tuple[str, str], ...]:
    """Names in other languages: `names: {zh-Hant: ...}`, or `name_zh:` when the script is not given."""
    names = []
    value = entry.get("names")
    if value is not None:
        checked = fields.mapping(value, (*where, "names"), "write names: {zh-Hant: 香港金融發展局}")
        for lang in checked or {}:
            name = fields.text(checked or {}, (*where, "names"), lang)
            if name:
                names.append((lang, name))
    name_zh = fields.text(entry, where, "name_zh")
    if name_zh and name_zh not in (n for _lang, n in names):
        names.append(("zh", name_zh))
    return tuple(names)


def _read_id(fields: Fields, entry: dict[str, YamlValue], where: Path_) -> str | None:
    """The entry's id, or one made from its name when none is given."""
    ident = fields.text(entry, where, "id")
    if ident is None:
        name = fields.text(entry, where, "name")
        return slugify(name) if name else None
    if not is_slug(ident):
        fields.error((*where, "id"), f"'{ident}' is not a valid id",
                     f"use lowercase letters, digits and hyphens, e.g. '{slugify(ident)}'")
        return None
    return ident


def _load_parties(content_dir: Path, label: str, problems: Problems) -> tuple[Party, ...]:
    meta = _load_yaml_file(content_dir, label, PARTIES_FILE, problems)
    if meta is None:
        return ()
    fields = Fields(f"{label}/{PARTIES_FILE}", meta, problems)
    parties: list[Party] = []
    positions: list[int] = []  # each party's index in the file, for the lines of later checks
    for where, entry in fields.entries(meta.value, "parties"):
        fields.check_keys(entry, where, PARTY_FIELDS)
        ident = _read_id(fields, entry, where)
        name = fields.text(entry, where, "name", required=True)
        jurisdiction = fields.text(entry, where, "jurisdiction")
        if jurisdiction is not None and not (len(jurisdiction) == 2 and jurisdiction.isupper()):
            fields.error((*where, "jurisdiction"), f"'{jurisdiction}' is not an ISO 3166 country code",
                         "use two capital letters: HK, MO, CN, GB ...")
            jurisdiction = None
        former: list[FormerName] = []
        raw_former = entry.get("former_names")
        if raw_former is not None:
            if not isinstance(raw_former, list):
                fields.error((*where, "former_names"), "expected a list",
                             "write former_names: [{name: Innovation and Technology Bureau, "
                             "acronym: ITB, until: 2022-06-30}]")
            else:
                for i, item in enumerate(raw_former):
                    at = (*where, "former_names", i)
                    checked = fields.mapping(item, at)
                    if checked is None:
                        continue
                    fields.check_keys(checked, at, ("name", "acronym", "until"))
                    former_name = fields.text(checked, at, "name", required=True)
                    if former_name:
                        former.append(FormerName(former_name, fields.text(checked, at, "acronym"),
                                                 fields.date(checked, at, "until")))
        if ident is None or name is None:
            continue
        positions.append(where[0])
        parties.append(Party(
            id=ident, name=name, names=_read_names(fields, entry, where),
            acronym=fields.text(entry, where, "acronym"),
            aliases=fields.texts(entry, where, "aliases") or (),
            former_names=tuple(former), kind=fields.text(entry, where, "kind"),
            jurisdiction=jurisdiction, parent=fields.text(entry, where, "parent"),
            url=fields.url(entry, where, "url"), line=fields.line(where),
        ))
    _check_vocabulary(fields, parties, positions, "party")
    return tuple(parties)


def _load_topics(content_dir: Path, label: str, problems: Problems) -> tuple[Topic, ...]:
    meta = _load_yaml_file(content_dir, label, TOPICS_FILE, problems)
    if meta is None:
        return ()
    fields = Fields(f"{label}/{TOPICS_FILE}", meta, problems)
    topics: list[Topic] = []
    positions: list[int] = []
    for where, entry in fields.entries(meta.value, "topics"):
        fields.check_keys(entry, where, TOPIC_FIELDS)
        ident = _read_id(fields, entry, where)
        name = fields.text(entry, where, "name", required=True)
        if ident is None or name is None:
            continue
        positions.append(where[0])
        topics.append(Topic(
            id=ident, name=name, names=_read_names(fields, entry, where),
            aliases=fields.texts(entry, where, "aliases") or (),
            parent=fields.text(entry, where, "parent"),
            description=fields.text(entry, where, "description"), line=fields.line(where),
        ))
    _check_vocabulary(fields, topics, positions, "topic")
    return tuple(topics)


def _check_vocabulary(fields: Fields, items: list, positions: list[int], what: str) -> None:
    """Ids and full names unique, parents that exist and no parent cycles.

    Acronyms and aliases may be shared (see Names); a full name twice is a duplicate entry.
    `positions` holds each item's index in the file (entries with errors were left out of `items`).
    """
    owner: dict[str, str] = {}
    index = {item.id: i for i, item in reversed(list(enumerate(items)))}
    for i, item in enumerate(items):
        if index[item.id] != i:
            first = positions[index[item.id]]
            fields.error((positions[i], "id"), f"the id '{item.id}' is used twice (first at line "
                         f"{fields.line((first, 'id'))})", "give each entry its own id")
            continue
        key = _normal(item.name)
        if owner.setdefault(key, item.id) != item.id:
            fields.error((positions[i], "name"),
                         f"the name '{item.name}' also belongs to {what} '{owner[key]}'",
                         "merge the two entries, or tell them apart in their names")
    ids = {item.id: item for item in items}
    for i, item in enumerate(items):
        if item.parent is None:
            continue
        if item.parent not in ids:
            fields.error((positions[i], "parent"), f"unknown {what} '{item.parent}'",
                         f"the parent must be the id of another {what} in this file")
            continue
        seen, current = {item.id}, item.parent
        while current is not None and current in ids:
            if current in seen:
                fields.error((positions[i], "parent"), f"the parents of '{item.id}' form a loop",
                             "one of the entries must have no parent")
                break
            seen.add(current)
            current = ids[current].parent


# --- documents -----------------------------------------------------------------------------------


def read_document(text: str, path: str, default_lang: str, parties: Names, topics: Names,
                  problems: Problems) -> Document | None:
    """Parse one document's text into a Document, or None when it has errors (all reported)."""
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
    body_html = render_markdown(split.body)
    published = fields.date(meta, (), "published")
    place = fields.text(meta, (), "place")
    source = fields.url(meta, (), "source")
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
    )


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
                         f"{_describe(item)}", "see the README's frontmatter table")
    return tuple(states), tuple(refers)


def _read_agreement_facts(fields: Fields, entry: dict[str, YamlValue], where: Path_,
                          parties: Names) -> AgreementFacts | None:
    fields.check_keys(entry, where, AGREEMENT_FIELDS)
    ident = fields.text(entry, where, "id", required=True,
                        hint="every agreement needs a permanent id, e.g. fsdc-caict-2023")
    if ident is not None and not is_slug(ident):
        fields.error((*where, "id"), f"'{ident}' is not a valid agreement id",
                     f"use lowercase letters, digits and hyphens, e.g. '{slugify(ident)}'")
        ident = None
    party_ids = None
    names = fields.texts(entry, where, "parties")
    if names is not None:
        party_ids = tuple(dict.fromkeys(
            p for i, name in enumerate(names) if (p := parties.read(fields, (*where, "parties", i), name))
        ))
    facts = AgreementFacts(
        id=ident or "",
        line=fields.line(where),
        title=fields.text(entry, where, "title"),
        instrument=fields.text(entry, where, "instrument"),
        parties=party_ids,
        signed=fields.date(entry, where, "signed"),
        signed_derived_from=fields.text(entry, where, "signed_derived_from"),
        place=fields.text(entry, where, "place"),
        occasion=fields.text(entry, where, "occasion"),
        signatories=_read_people(fields, entry, (*where, "signatories"), parties),
        witnesses=_read_people(fields, entry, (*where, "witnesses"), parties),
        effective=fields.date(entry, where, "effective"),
        term=fields.text(entry, where, "term"),
        status=fields.choice(entry, where, "status", STATUSES),
        supersedes=_read_ids(fields, entry, where, "supersedes"),
        amends=_read_ids(fields, entry, where, "amends"),
        renews=_read_ids(fields, entry, where, "renews"),
        text=fields.url(entry, where, "text"),
        notes=fields.text(entry, where, "notes"),
        lines=tuple((key, fields.line((*where, key))) for key in entry),
        aliases=fields.aliases(entry, where),
    )
    if facts.signed_derived_from and not facts.signed:
        fields.error((*where, "signed_derived_from"), "explains a signing date that is not given",
                     "add 'signed:' with the date worked out, or remove this field")
    return facts if ident else None


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
        fields.error(where, f"expected a list of people, found {_describe(value)}",
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
