"""Read content/ into records: parties, topics and documents, with every problem found on the way.

The loader: the only part of mouarchive that reads content. This module finds the documents
(sources.py) and parses them, in forked workers when there are many (parallel.py); a document's
fields are read in documents.py, the vocabularies in vocabularies.py, both through the typed field
reader (fields.py). Each field is checked where it is read, so a message can name the file, the line
and the field; nothing stops at the first problem.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from .cache import BodyPacks
from .config import DEFAULT_MARKDOWN, MarkdownEngine
from .documents import read_document
from .errors import Problem, Problems
from .history import read_history
from .model import Content, Document
from .parallel import fork_map
from .sources import file_digest, markdown_files, original_digest, read_text
from .vocabularies import Vocabularies, load_vocabularies


def load_content(content_dir: Path, default_lang: str, problems: Problems,
                 label: str = "content", known: Mapping[str, tuple[str, Document]] | None = None,
                 workers: int = 1, hashed: Mapping[str, str] | None = None,
                 bodies: BodyPacks | None = None, markdown: MarkdownEngine = DEFAULT_MARKDOWN) -> Content:
    """Read parties.yaml, topics.yaml and every Markdown document under `content_dir`.

    Files are named `label/...` (the content directory as the site config names it) in records and
    messages, so a path in a message is one the editor can open from the site directory. A
    document whose bytes hash as in `known` (the cache) is taken from there instead of parsed;
    the rest are parsed by `workers` processes when there are enough of them to be worth it.
    `hashed` may hold the hashes of files already read this run. With `bodies`, the documents'
    bodies go to pack files in the cache instead of staying in memory. `markdown` is the engine
    that makes bodies HTML (the config's); `known` must have been made by the same one.
    """
    label = label.rstrip("/")
    vocabularies = load_vocabularies(content_dir, problems, label)
    known = known or {}
    documents: dict[str, Document] = {}
    digests: dict[str, str] = {}
    todo: list[tuple[Path, str]] = []
    for path in markdown_files(content_dir, label, problems):
        rel = f"{label}/{path.relative_to(content_dir).as_posix()}"
        cached = known.get(rel)
        digest = None
        if cached is not None:  # the workers hash the rest
            digest = (hashed or {}).get(rel) or file_digest(path)
        if digest is not None and cached is not None and cached[0] == digest:
            documents[rel], digests[rel] = cached[1], digest
        else:
            todo.append((path, rel))
    parsing = _Parsing(default_lang, vocabularies, markdown)
    for rel, digest, document, found in _parse_all(todo, parsing, workers, bodies):
        problems.extend(found)
        if document is not None and digest is not None:
            documents[rel], digests[rel] = document, digest
    # Every build, cached documents too: an original can change while its document does not.
    measured = [with_original(documents[rel], content_dir, label, problems, hashed)
                for rel in sorted(documents)]
    return Content(parties=vocabularies.parties, topics=vocabularies.topics,
                   documents=tuple(measured), digests=digests, parsed=len(todo),
                   history=read_history(content_dir, label, digests))


def with_original(document: Document, content_dir: Path, label: str, problems: Problems,
                  hashed: Mapping[str, str] | None = None) -> Document:
    """The document with its original file found under the content directory and measured (size
    and SHA-256), checked against the hash its frontmatter records. `hashed` may hold the files'
    SHA-256 from this run (sources.source_digests)."""
    original = document.original
    if original is None:
        return document
    rel = original.file.removeprefix(label + "/")
    shown = f"{label}/{rel}"
    measured = replace(original, file=shown, size=None, sha256=None)
    at = (document.path, original.line, "original.file")
    path = content_dir / rel
    if path.is_symlink() and not path.resolve().is_relative_to(content_dir.resolve()):
        problems.error(*at, f"{shown} is a link to a file outside {label}/, which is not published",
                       f"copy the file into {label}/ instead of linking to it")
        return replace(document, original=measured)
    if not path.is_file():
        problems.error(*at, f"there is no file {shown}",
                       f"put the original file there, or correct the path (under {label}/)")
        return replace(document, original=measured)
    try:
        size = path.stat().st_size
        known = (hashed or {}).get(shown, "")
        sha256 = known if len(known) == 64 else original_digest(path)  # not a link's "...->target"
    except OSError as exc:
        problems.error(*at, f"{shown} cannot be read: {exc.strerror}", "check the file's permissions")
        return replace(document, original=measured)
    if original.recorded is None:
        problems.warning(*at, "the original's SHA-256 is not recorded",
                         f"record it, so that a file replaced by mistake is noticed: add "
                         f"'sha256: {sha256}' under 'original:'")
    elif original.recorded != sha256:
        problems.error(document.path, original.sha256_line, "original.sha256",
                       f"{shown} is not the file recorded: its SHA-256 is {sha256}",
                       f"restore the file that was recorded; if it was replaced on purpose (a "
                       f"corrected copy), record the new hash: sha256: {sha256}")
    return replace(document, original=replace(measured, size=size, sha256=sha256))


Parsed = tuple[str, "str | None", "Document | None", tuple[Problem, ...]]
_PARALLEL_FROM = 200  # fewer documents than this are parsed faster in one process


@dataclass(frozen=True)
class _Parsing:
    """What every document is read with: the site's language, the names, and the Markdown engine."""

    default_lang: str
    vocabularies: Vocabularies
    markdown: MarkdownEngine


def parse_files(todo: list[tuple[str, Path]], default_lang: str, vocabularies: Vocabularies,
                content_dir: Path, label: str,
                markdown: MarkdownEngine = DEFAULT_MARKDOWN) -> list[Parsed]:
    """Parse these files ((content path, file) each) here, bodies kept in memory: a few edited
    documents, which the engine (engine.py) parses again; their originals measured as
    load_content measures them."""
    parsed = []
    for rel, digest, document, found in _parse_all([(path, rel) for rel, path in todo],
                                                   _Parsing(default_lang, vocabularies, markdown), 1, None):
        problems = Problems()
        problems.extend(found)
        if document is not None:
            document = with_original(document, content_dir, label.rstrip("/"), problems)
        parsed.append((rel, digest, document, problems.items))
    return parsed


def _parse_all(todo: list[tuple[Path, str]], parsing: _Parsing, workers: int,
               bodies: BodyPacks | None) -> list[Parsed]:
    def parse(chunk: list[tuple[Path, str]]) -> list[Parsed]:
        return _parse_chunk(chunk, parsing, bodies)

    if len(todo) < _PARALLEL_FROM:
        return parse(todo)
    chunks = [todo[i: i + 100] for i in range(0, len(todo), 100)]
    return [item for chunk in fork_map(parse, chunks, workers) for item in chunk]


def _parse_chunk(todo: list[tuple[Path, str]], parsing: _Parsing, bodies: BodyPacks | None) -> list[Parsed]:
    results: list[Parsed] = []
    for path, rel in todo:
        problems = Problems()
        text = read_text(path, rel, problems)
        digest = file_digest(path) if text is not None else None
        document = None if text is None else read_document(
            text, rel, parsing.default_lang, parsing.vocabularies.party_names,
            parsing.vocabularies.topic_names, problems, parsing.markdown)
        results.append((rel, digest, document, problems.items))
    if bodies is not None:
        parsed = [(i, r[2]) for i, r in enumerate(results) if r[2] is not None]
        refs = bodies.write([document.body_html for _i, document in parsed])
        for (i, document), ref in zip(parsed, refs, strict=True):
            rel, digest, _document, found = results[i]
            # The summary is the body's first paragraph (markup.summarise): made again from the
            # body where a page shows it (Renderer.summary), not held beside it: 8.6 MiB at 10,000
            # documents, held by the build and copied by each render worker that reads it.
            results[i] = (rel, digest, replace(document, body_html="", summary="", body_ref=ref), found)
    return results
