"""Documents that are versions of each other in other languages.

A translation names the document it translates (`translation_of:`); following those links from
document to document gives a group with one original (the document that names none). Each group is
checked here: the document named exists, is about the same agreements, and each language appears
once in the group. Pure: documents in, groups out, problems added to the collector.
"""

from __future__ import annotations

import difflib

from .errors import Problems
from .model import Document

# The order versions are listed in after the original.
LANGUAGE_ORDER = ("en", "zh-Hant", "zh-Hans")


def link_translations(documents: dict[str, Document], problems: Problems) -> dict[str, tuple[str, ...]]:
    """Content path -> every version of the document (itself included), the original first, then by
    language; only documents that have another version are keys."""
    targets = {path: target for path in sorted(documents)
               if (target := _target(documents[path], documents, problems))}
    roots: dict[str, str] = {}
    for path in targets:
        chain, current = [path], targets[path]
        while current in targets and current not in chain:
            chain.append(current)
            current = targets[current]
        if current in chain:  # a loop: report it once, at the first of its documents
            loop = chain[chain.index(current):]
            if path == min(loop):
                document = documents[path]
                problems.error(path, document.translation_line, "translation_of",
                               "these documents name each other as originals: " + " -> ".join(
                                   [*loop, loop[0]]),
                               "one of them is the original: remove its translation_of")
            continue
        roots[path] = current
    groups: dict[str, list[str]] = {}
    for path, root in sorted(roots.items()):
        groups.setdefault(root, [root]).append(path)
    versions: dict[str, tuple[str, ...]] = {}
    for root, members in groups.items():
        by_language: dict[str, str] = {}
        for member in [root, *sorted(members[1:], key=lambda p: (_language_rank(documents[p].lang), p))]:
            document = documents[member]
            other = by_language.setdefault(document.lang, member)
            if other != member:
                problems.error(member, document.translation_line, "translation_of",
                               f"{other} is in {document.lang} too: a document has one version in "
                               f"each language (this is a translation of {root})",
                               "check the lang: of both, or name the right original")
        group = tuple(by_language.values())
        if len(group) > 1:
            versions.update({member: group for member in group})
    return versions


def _language_rank(lang: str) -> int:
    return LANGUAGE_ORDER.index(lang) if lang in LANGUAGE_ORDER else len(LANGUAGE_ORDER)


def _target(document: Document, documents: dict[str, Document], problems: Problems) -> str | None:
    """The content path of the document this one translates, if it names one that can be."""
    written = document.translation_of
    if written is None:
        return None
    target = _resolve(written, documents)
    where = (document.path, document.translation_line, "translation_of")
    if target is None:
        paths = [p.split("/", 1)[-1] for p in documents if p != document.path]
        close = difflib.get_close_matches(written, paths, n=1)
        problems.error(*where, f"there is no document {written}",
                       f"did you mean '{close[0]}'?" if close else
                       "give the path of the original under the content directory, e.g. "
                       "2023/fsdc-caict-mou.md (if it exists, fix its own errors first)")
        return None
    if target == document.path:
        problems.error(*where, "names the document itself",
                       "name the document this one is a translation of")
        return None
    original = documents[target]
    if set(original.agreement_ids) != set(document.agreement_ids):
        def about(d: Document) -> str:
            return ", ".join(d.agreement_ids) or "no agreement"
        problems.error(*where, f"is about {about(document)}, but {target} is about {about(original)}: "
                       "a translation is about the same agreements as its original",
                       f"refer to the same agreements, e.g. agreement: {original.agreement_ids[0]}"
                       if original.agreement_ids else "remove this document's agreement")
        return None
    return target


def _resolve(written: str, documents: dict[str, Document]) -> str | None:
    """The document a path names: exactly as messages show it (content/2023/x.md), or relative to the
    content directory (2023/x.md). Every document's path starts with the content directory, so of
    the paths that end with the one written, the shortest is the one relative to it."""
    if written in documents:
        return written
    matches = [path for path in documents if path.endswith("/" + written)]
    return min(matches, key=len) if matches else None
