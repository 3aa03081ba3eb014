"""`mouarchive new`: a new, valid document from flags or short prompts, where the build reads it.

Names of parties and topics are resolved through parties.yaml and topics.yaml as the loader resolves
them, dates are read as the loader reads them, and the written file is loaded back with the real
loader before the command says it is done. A file that exists is never overwritten.

The document either refers to an agreement already in the archive (`agreement: ID`) or states the
facts it was given (`agreement: {id: ..., parties: [...], signed: ...}`); a new agreement needs its
parties, since an agreement no document gives parties for stops the build.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from rich.console import Console
from rich.text import Text

from .config import SiteConfig, load_config
from .documents import LANGUAGES, document_path, read_document
from .errors import ExitCode, Problem, Problems
from .importer import create_file, existing_agreements, site_vocabularies
from .kinds import KINDS
from .model import DateError, PartialDate
from .slugs import is_slug, slugify
from .vocabularies import Names, Vocabularies
from .yaml_text import yaml_scalar

Ask = Callable[[str], str]  # shows a question, returns the answer typed


@dataclass(frozen=True)
class NewDocument:
    """What the new document says. Parties and topics are written as names that resolve to one entry."""

    title: str
    kind: str = "press-release"
    published: PartialDate | None = None
    publisher: str | None = None
    source: str | None = None
    topics: tuple[str, ...] = ()
    agreement: str | None = None  # the agreement's id
    parties: tuple[str, ...] = ()
    signed: PartialDate | None = None
    lang: str | None = None  # the site's language unless given
    translation_of: str | None = None  # the original's path under content/, for a version of it

    @property
    def states_facts(self) -> bool:
        """True when it states facts about its agreement; False when it only refers to it."""
        return bool(self.parties or self.signed)

    @property
    def slug(self) -> str:
        return slugify(self.title)


def render_new(document: NewDocument) -> str:
    """The document's text: frontmatter with only the fields given, and an empty body."""
    lines = ["---", "# Made by `mouarchive new`. Write only what a source states; docs/editing.md "
                    "lists every field.", f"title: {yaml_scalar(document.title)}", f"kind: {document.kind}"]
    if document.lang:
        lines.append(f"lang: {document.lang}")
    if document.translation_of:
        lines.append(f"translation_of: {yaml_scalar(document.translation_of)}  # the original")
    if document.published:
        lines.append(f"published: {document.published.iso}")
    if document.publisher:
        lines.append(f"publisher: {yaml_scalar(document.publisher)}")
    if document.source:
        lines.append(f"source: {yaml_scalar(document.source)}")
    if document.topics:
        lines.append(f"topics: [{', '.join(yaml_scalar(t, flow=True) for t in document.topics)}]")
    if document.agreement and not document.states_facts:
        lines.append(f"agreement: {document.agreement}")
    elif document.agreement:
        lines += ["agreement:", f"  id: {document.agreement}  # permanent: the agreement's URL"]
        if document.parties:
            lines.append(f"  parties: [{', '.join(yaml_scalar(p, flow=True) for p in document.parties)}]")
        if document.signed:
            lines.append(f"  signed: {document.signed.iso}")
        lines.append("  # title, instrument, place, signatories, witnesses: as the source states them")
    lines += ["# Below the closing ---: the document in your own words, in Markdown.", "---", ""]
    return "\n".join(lines)


def default_path(document: NewDocument, content_dir: Path) -> Path:
    """content/<year>/<slug>.md, the year of publication or else of signing; content/<slug>.md undated.
    A version of another document goes beside it, named after it: 2023/fsdc-caict-mou.zh-hant.md."""
    if document.translation_of and document.lang:
        original = content_dir / document.translation_of
        return original.with_name(f"{original.name.removesuffix('.md')}.{document.lang.lower()}.md")
    date = document.published or document.signed
    folder = content_dir / str(date.year) if date else content_dir
    return folder / f"{document.slug}.md"


# --- reading what the editor typed ---------------------------------------------------------------


class InputError(ValueError):
    """A value that cannot be used: each problem a (message, hint); `code` says whose fault it is."""

    def __init__(self, problems: Sequence[tuple[str, str]], code: ExitCode = ExitCode.USAGE) -> None:
        self.problems = tuple(problems)
        self.code = code
        super().__init__("; ".join(message for message, _hint in self.problems))


def read_text(text: str) -> str | None:
    """One line of text with its spacing tidied, or None when empty."""
    value = " ".join(text.split())
    if not value.isprintable():
        raise InputError([(f"{value!r} contains control characters", "type the text as it is published")])
    return value or None


def read_title(text: str) -> str:
    title = read_text(text)
    if title is None:
        raise InputError([("a title is required", "give the headline as published")])
    return title


def read_kind(text: str) -> str:
    kind = text.strip() or "press-release"
    if kind not in KINDS:
        close = difflib.get_close_matches(kind, KINDS, n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise InputError([(f"'{kind}' is not a kind of document", f"{hint}use one of: {', '.join(KINDS)}")])
    return kind


def read_date(text: str) -> PartialDate | None:
    if not text.strip():
        return None
    try:
        return PartialDate.parse(text)
    except DateError as exc:
        raise InputError([(str(exc), "write the date as YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2023-09-06; "
                                  "if only the month or year is known, write just that")]) from exc


def read_url(text: str) -> str | None:
    url = text.strip()
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or not url.isprintable() or " " in url:
        raise InputError([(f"'{url}' is not an http(s) URL", "write the full address, starting with https://")])
    return url


def read_lang(text: str) -> str:
    found = {tag.lower(): tag for tag in LANGUAGES}.get(text.strip().lower())
    if found is None:
        raise InputError([(f"'{text}' is not a language of the archive", f"one of {', '.join(LANGUAGES)}")])
    return found


def read_original(text: str) -> str:
    """The path of the document this one is a version of, under content/ (as translation_of: has it)."""
    path = document_path(text)
    if path is None:
        raise InputError([(f"'{text}' is not the path of a document",
                           "name the original's file under content/, e.g. 2023/fsdc-caict-mou.md")])
    return path.removeprefix("content/")


def read_agreement_id(text: str) -> str | None:
    ident = text.strip()
    if ident and not is_slug(ident):
        raise InputError([(f"'{ident}' is not an agreement id",
                        f"use lowercase letters, digits and hyphens, e.g. '{slugify(ident)}'")])
    return ident or None


def read_names(text: str, names: Names) -> tuple[str, ...]:
    """Ids of the parties or topics in a comma-separated list, in order.

    A name may itself hold commas ('Innovation, Technology and Industry Bureau'): the longest run of
    pieces that names an entry is taken as one name. Every unknown or ambiguous name is reported.
    """
    pieces = [p.strip() for p in text.split(",")]
    found, problems, i = [], [], 0
    while i < len(pieces):
        end = next((j for j in range(len(pieces), i + 1, -1) if names.candidates(", ".join(pieces[i:j]))),
                   i + 1)
        name, i = ", ".join(pieces[i:end]), end
        if not name:
            continue
        candidates = names.candidates(name)
        if len(candidates) == 1:
            found.append(candidates[0])
        elif candidates:
            problems.append((f"'{name}' could be any of {len(candidates)} {names.what} entries: "
                             + ", ".join(f"'{c}'" for c in candidates), "write the id of the one you mean"))
        else:
            problems.append((f"unknown {names.what} '{name}'", names.suggest(name)))
    if problems:
        raise InputError(problems, ExitCode.CONTENT)
    return tuple(dict.fromkeys(found))


def written_name(ident: str, preferred: str, names: Names) -> str:
    """How the document names an entry: `preferred` (an acronym, a name) when it leads only to this
    entry, else the id, which always does."""
    return preferred if names.resolve(preferred) == ident else ident


# --- the command ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Given:
    """The values read so far, as ids; None where nothing was given."""

    title: str | None = None
    kind: str | None = None
    published: PartialDate | None = None
    publisher: str | None = None
    source: str | None = None
    topics: tuple[str, ...] | None = None
    agreement: str | None = None
    parties: tuple[str, ...] | None = None
    signed: PartialDate | None = None
    lang: str | None = None
    translation_of: str | None = None


def _from_flags(args: argparse.Namespace, vocab: Vocabularies) -> tuple[_Given, list[Problem], ExitCode]:
    """Every flag read, with every problem in them (reported together)."""
    readers: dict[str, Callable[[str], object]] = {
        "title": read_title, "kind": read_kind, "published": read_date, "publisher": read_text,
        "source": read_url, "topics": lambda t: read_names(t, vocab.topic_names),
        "agreement": read_agreement_id, "parties": lambda t: read_names(t, vocab.party_names),
        "signed": read_date, "lang": read_lang, "translation_of": read_original,
    }
    values: dict[str, object] = {}
    problems: list[Problem] = []
    code = ExitCode.CONTENT
    for name, read in readers.items():
        text = getattr(args, name)
        if text is None:
            continue
        try:
            values[name] = read(text)
        except InputError as exc:
            problems += [Problem(f"--{name.replace('_', '-')}", 0, "", message, hint)
                         for message, hint in exc.problems]
            code = max(code, exc.code)  # a usage problem outweighs an unknown name
    return _Given(**values), problems, code  # type: ignore[arg-type]


def _needs_prompts(given: _Given, existing: dict[str, str]) -> bool:
    """True when something required is missing: the title, or the parties of a new agreement."""
    new_agreement = given.agreement is not None and given.agreement not in existing
    return given.title is None or (new_agreement and not given.parties)


def _prompt(ask: Ask, console: Console, question: str, read: Callable[[str], object],
            default: str = "") -> object:
    """Ask until the answer reads; a problem is shown and the question asked again."""
    shown = f"{question} [{default}]: " if default else f"{question}: "
    while True:
        answer = ask(shown).strip() or default
        try:
            return read(answer)
        except InputError as exc:
            for message, hint in exc.problems:
                console.print(f"  {message}" + (f" ({hint})" if hint else ""), markup=False)


def _ask_missing(given: _Given, ask: Ask, console: Console, vocab: Vocabularies,
                 existing: dict[str, str]) -> _Given:
    """Short prompts for what the flags did not give; an empty answer leaves a field out."""
    def question(name: str, text: str, read: Callable[[str], object], default: str = "") -> None:
        nonlocal given
        if getattr(given, name) is None:
            given = replace(given, **{name: _prompt(ask, console, text, read, default)})

    question("title", "Title (the headline as published)", read_title)
    question("kind", f"Kind ({', '.join(KINDS)})", read_kind, "press-release")
    question("published", "Published (YYYY-MM-DD, YYYY-MM or YYYY; empty if not known)", read_date)
    question("topics", "Topics (comma-separated; empty for none)",
             lambda t: read_names(t, vocab.topic_names))
    if given.parties is None:
        question("agreement", "Agreement (the id of one in the archive, or a new id such as "
                              "fsdc-caict-2023; empty for none)", read_agreement_id)
    if given.agreement and given.agreement not in existing:
        console.print(f"  '{given.agreement}' is a new agreement: give its parties", markup=False)
        question("parties", "Parties (comma-separated)",
                 lambda t: _required(read_names(t, vocab.party_names)))
    if given.parties:
        question("signed", "Signed (YYYY-MM-DD, YYYY-MM or YYYY; empty if not known)", read_date)
    question("source", "Source (the original's URL; empty if none)", read_url)
    return given


def _required(ids: tuple[str, ...]) -> tuple[str, ...]:
    if not ids:
        raise InputError([("a new agreement needs its parties", "name them by id, name or acronym")])
    return ids


def _agreement(given: _Given, existing: dict[str, str]) -> tuple[str | None, list[Problem]]:
    """The agreement's id, made from its parties and year when only the parties were given."""
    ident, problems = given.agreement, []
    if ident is None and given.parties:
        date = given.signed or given.published
        ident = slugify("-".join((*given.parties, *([str(date.year)] if date else []))))
        if ident in existing:
            problems.append(Problem("--parties", 0, "", f"the archive already has an agreement "
                                    f"'{ident}' ({existing[ident]})",
                                    f"give --agreement {ident} to state facts about it, or --agreement "
                                    "with a new id for another agreement"))
    elif ident is None and given.signed:
        problems.append(Problem("--signed", 0, "", "is a fact about an agreement, but none is named",
                                "give --agreement with its id, or --parties for a new one"))
    elif ident is not None and ident not in existing and not given.parties:
        close = difflib.get_close_matches(ident, list(existing), n=1)
        hint = f"did you mean '{close[0]}'? " if close else ""
        problems.append(Problem("--agreement", 0, "", f"'{ident}' is not in the archive; a new agreement "
                                "needs its parties", f"{hint}give --parties A,B to describe it"))
    return ident, problems


def _document(given: _Given, ident: str | None, vocab: Vocabularies) -> NewDocument:
    parties = {p.id: p for p in vocab.parties}
    topics = {t.id: t for t in vocab.topics}

    def topic_name(ident: str) -> str:  # 'digital finance', as the importer writes topics
        name = topics[ident].name
        return name[:1].lower() + name[1:] if name[1:2].islower() else name

    assert given.title is not None
    return NewDocument(
        title=given.title, kind=given.kind or "press-release", published=given.published,
        publisher=given.publisher, source=given.source,
        topics=tuple(written_name(t, topic_name(t), vocab.topic_names) for t in given.topics or ()),
        agreement=ident,
        parties=tuple(written_name(p, parties[p].label, vocab.party_names) for p in given.parties or ()),
        signed=given.signed, lang=given.lang, translation_of=given.translation_of,
    )


def _version_of(given: _Given, config: SiteConfig, vocab: Vocabularies) -> tuple[_Given, list[Problem]]:
    """For a version of another document (--translation-of): check that the original exists and the
    language is given, and refer to the original's agreement unless another is named."""
    if given.translation_of is None:
        return given, []
    original = config.content / given.translation_of
    if not original.is_file():
        known = [p.relative_to(config.content).as_posix() for p in config.content.rglob("*.md")]
        close = difflib.get_close_matches(given.translation_of, known, n=1)
        hint = f"did you mean {close[0]}?" if close else "name the original's file under content/"
        missing = f"there is no document {given.translation_of}"
        return given, [Problem("--translation-of", 0, "", missing, hint)]
    problems = []
    if given.lang is None:
        problems.append(Problem("--translation-of", 0, "", "a version in another language needs its language",
                                f"give --lang, one of {', '.join(LANGUAGES)}"))
    if given.agreement is None and given.parties is None:
        document = read_document(original.read_text(encoding="utf-8"), given.translation_of, config.language,
                                 vocab.party_names, vocab.topic_names, Problems())
        ids = document.agreement_ids if document else ()
        if len(ids) == 1:
            given = replace(given, agreement=ids[0])
        elif ids:
            problems.append(Problem("--translation-of", 0, "", f"the original is about {len(ids)} agreements",
                                    f"give --agreement with the one this version is about: {', '.join(ids)}"))
    return given, problems


def _shown(path: Path, config: SiteConfig) -> str:
    """The path as messages name it: `content/...` inside the content directory."""
    try:
        inside = path.resolve().relative_to(config.content.resolve())
    except ValueError:
        return str(path)
    return f"{config.content_dir.rstrip('/')}/{inside.as_posix()}"


def _report_problems(problems: Sequence[Problem], console: Console) -> None:
    for problem in problems:
        console.print(f"error: {problem.format()}", markup=False)
    console.print("nothing was written", markup=False)


def _load(text: str, shown: str, config: SiteConfig, vocab: Vocabularies) -> Problems:
    """Read the document as the build will: every problem the loader finds in it."""
    problems = Problems()
    read_document(text, shown, config.language, vocab.party_names, vocab.topic_names, problems)
    return problems


def terminal_prompt(console: Console) -> Ask:
    """Questions on the console (standard error, so a --dry-run document on standard output stays
    clean), answers from standard input."""
    return lambda text: console.input(Text(text))


def run_new(args: argparse.Namespace, console: Console, ask: Ask | None = None) -> int:
    """`mouarchive new`. Prompts (through `ask`, else on a terminal) only when something required is
    missing; in a pipe that is a usage error. Prints the path written on standard output."""
    if ask is None and sys.stdin.isatty():
        ask = terminal_prompt(console)
    config = load_config(Path(args.site))
    vocab = site_vocabularies(config)
    existing = existing_agreements(config.content, config.language, config.content_dir)
    given, problems, code = _from_flags(args, vocab)
    if not problems:
        given, problems = _version_of(given, config, vocab)
        code = ExitCode.USAGE
    if problems:
        _report_problems(problems, console)
        return code
    if ask is not None and _needs_prompts(given, existing):
        try:
            given = _ask_missing(given, ask, console, vocab, existing)
        except EOFError:
            console.print("\nno answer; nothing was written", markup=False)
            return ExitCode.USAGE
    ident, problems = _agreement(given, existing)
    if given.title is None:  # in a pipe: nobody to ask
        problems.insert(0, Problem("mouarchive new", 0, "", "--title is required",
                                   "give the headline as published, or run on a terminal to be asked"))
    if problems:
        _report_problems(problems, console)
        return ExitCode.USAGE
    document = _document(given, ident, vocab)
    text = render_new(document)
    path = Path(args.output) if args.output else default_path(document, config.content)
    shown = _shown(path, config)
    if ident in existing and not document.states_facts:
        console.print(f"refers to agreement '{ident}', described in {existing[ident]}", markup=False)
    elif ident:
        console.print(f"states facts about agreement '{ident}'"
                      + (" (in the archive already)" if ident in existing else " (new)"), markup=False)
    if args.dry_run:
        if path.exists():
            console.print(f"note: {path} exists; new would not overwrite it", markup=False)
        sys.stdout.write(text)
    else:
        create_file(path, text, "new")
        text = path.read_text(encoding="utf-8")
    loaded = _load(text, shown, config, vocab)
    for problem in loaded.items:
        console.print(problem.format(), markup=False)
    if loaded.errors:
        console.print(f"{shown} does not load: fix it before building", markup=False)
        return ExitCode.CONTENT
    verb = "would write" if args.dry_run else "wrote"
    console.print(f"{verb} {path}: it loads without problems", markup=False)
    if not shown.startswith(f"{config.content_dir.rstrip('/')}/"):
        console.print(f"note: the build reads only {config.content_dir}/; move it there to publish it",
                      markup=False)
    if not args.dry_run:
        print(path)
    return ExitCode.OK
