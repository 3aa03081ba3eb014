"""What an editor wants to look at before publishing: `mouarchive check`'s warnings beyond the build's.

Pure: an archive in, warnings out. None of these is wrong (the build never reports them): a document
without its source, an agreement no document dates, a party without its Chinese name, a topic only
one document uses. Each names the file and line to open.
"""

from __future__ import annotations

from collections import defaultdict

from .archive import Archive
from .errors import Problem
from .sources import PARTIES_FILE, TOPICS_FILE


def review_archive(archive: Archive, content_label: str = "content") -> list[Problem]:
    """Every editorial warning, in no particular order (the collector sorts them by file and line)."""
    label = content_label.rstrip("/")
    return [
        *_documents_without_source(archive),
        *_agreements_without_date(archive),
        *_parties_without_chinese_name(archive, f"{label}/{PARTIES_FILE}"),
        *_topics_used_once(archive, f"{label}/{TOPICS_FILE}"),
    ]


def _warning(path: str, line: int, field: str, message: str, hint: str) -> Problem:
    return Problem(path, line, field, message, hint, "warning")


def _original(archive: Archive, path: str) -> str:
    """The document a version in another language translates, or the document itself."""
    return archive.translations.get(path, (path,))[0]


def _documents_without_source(archive: Archive) -> list[Problem]:
    # A translation of a document in the archive has its source there (translation_of).
    return [
        _warning(doc.path, doc.title_line or 1, "source",
                 "the document gives no source (the original's address)",
                 "add 'source: https://...' with the original's address; if it was never online, "
                 "say where it is in the body")
        for doc in archive.documents.values()
        if doc.source is None and _original(archive, doc.path) == doc.path
    ]


def _agreements_without_date(archive: Archive) -> list[Problem]:
    """At the `agreement:` of the first document (oldest first) that states the agreement's facts."""
    found = []
    for ident in archive.undated:
        stating = ((path, facts) for path in archive.agreements[ident].documents
                   for facts in archive.documents[path].states if facts.id == ident)
        first = next(stating, None)
        if first is None:  # only referred to: the build already reports that as an error
            continue
        path, facts = first
        found.append(_warning(
            path, facts.line, "agreement.signed",
            f"no document gives the signing date of agreement '{ident}'",
            "add 'signed:' as precisely as a source states it (YYYY-MM-DD, YYYY-MM or YYYY); "
            "if no source says, leave it out"))
    return found


def _parties_without_chinese_name(archive: Archive, file: str) -> list[Problem]:
    return [
        _warning(file, party.line, "names", f"the party '{party.id}' has no Chinese name",
                 "add its name as the party writes it, e.g. names: {zh-Hant: 香港金融發展局} "
                 "(zh-Hans for a Mainland body)")
        for party in archive.parties.values()
        if not any(lang.startswith("zh") for lang, _name in party.names)
    ]


def _topics_used_once(archive: Archive, file: str) -> list[Problem]:
    users: dict[str, list[str]] = defaultdict(list)  # topic id -> the documents that assign it
    for doc in archive.documents.values():
        for topic in doc.topics:  # a document in several languages counts once
            if _original(archive, doc.path) not in users[topic]:
                users[topic].append(_original(archive, doc.path))
    return [
        _warning(file, topic.line, "", f"the topic '{topic.id}' is used by one document only, "
                 f"{users[topic.id][0]}", "a topic helps readers when it gathers several agreements: "
                 "use a broader one there, or keep it if more documents on it are coming")
        for topic in archive.topics.values() if len(users[topic.id]) == 1
    ]
