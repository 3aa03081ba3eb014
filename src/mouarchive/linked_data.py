"""schema.org descriptions (JSON-LD) of each page's subject, for search engines and citation tools.

An agreement is a `Legislation`; its signing an `Event` whose attendees are `Role`s named signatory
or witness; each document a `NewsArticle` (or `Article`). Where documents disagree on a fact, the fact
is left out here: JSON-LD has no way to say "one source says X, another Y", and picking one would be
the silent choice the archive never makes. The page itself shows every version.

Names in other languages are `alternateName`s tagged with their language ({"@value": "香港金融發展局",
"@language": "zh-Hant"}); versions of a document in other languages are linked as `workTranslation`
and `translationOfWork`. A document's source is its `isBasedOn`, with the web archive's copy as the
source's `archivedAt`; its original file is a `MediaObject` (`associatedMedia`) with its `sha256`.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable
from typing import Any

from . import facts as fact_table
from .archive import Archive
from .life import life_of
from .model import Agreement, Document, PartialDate, Party, Person, Topic
from .pages import Kind, Page, Urls

Absolute = Callable[[Any], str]
Summary = Callable[[Document], str]  # a document's summary (Renderer.summary: its body may be on disk)

CONTEXT = "https://schema.org"
# Python's own table of media types, not the system's (/etc/mime.types), so that every machine
# builds the same bytes.
MEDIA_TYPES = mimetypes.MimeTypes()
# schema.org's LegalForceStatus of each status (life.py). Not 'signed': no document says whether it
# has come into force, and many agreements do on signing.
LEGAL_FORCE = {"in-force": "https://schema.org/InForce", "expired": "https://schema.org/NotInForce",
               "superseded": "https://schema.org/NotInForce", "terminated": "https://schema.org/NotInForce"}
ARTICLE_TYPES = {"press-release": "NewsArticle", "news": "NewsArticle", "statement": "Article",
                 "speech": "Article", "text": "DigitalDocument"}


def _other_names(record: Party | Topic) -> list[Any]:
    return [{"@value": name, "@language": lang} for lang, name in record.names]


def _organisation(party: Party, absolute: Absolute) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "Organization", "@id": absolute(party) + "#org", "name": party.name,
                            "url": absolute(party)}
    other = [*([party.acronym] if party.acronym else []), *_other_names(party)]
    if other:
        node["alternateName"] = other[0] if len(other) == 1 else other
    if party.url:
        node["sameAs"] = party.url
    return node


def _person(person: Person, role: str, archive: Archive, absolute: Absolute) -> dict[str, Any]:
    who: dict[str, Any] = {"@type": "Person", "name": person.name}
    if person.honorific:
        who["honorificPrefix"] = person.honorific
    if person.suffix:
        who["honorificSuffix"] = person.suffix
    if person.title:
        who["jobTitle"] = person.title
    if person.party:
        who["affiliation"] = {"@id": absolute(archive.parties[person.party]) + "#org"}
    return {"@type": "Role", "roleName": role, "attendee": who}


def _literal(value: Any) -> Any:
    """A fact's value as a JSON-LD literal: a date in ISO form, a person by name, a list as a list."""
    if isinstance(value, tuple):
        return [_literal(v) for v in value]
    if isinstance(value, PartialDate):
        return value.iso
    return value.name if isinstance(value, Person) else value


def _topic(topic: Topic, absolute: Absolute) -> dict[str, Any]:
    node: dict[str, Any] = {"@type": "DefinedTerm", "name": topic.name, "url": absolute(topic)}
    if topic.names:
        node["alternateName"] = _other_names(topic)
    return node


def _article(document: Document, archive: Archive, absolute: Absolute, summary: Summary) -> dict[str, Any]:
    node: dict[str, Any] = {
        "@type": ARTICLE_TYPES.get(document.kind, "Article"), "@id": absolute(document) + "#document",
        "headline": document.title, "url": absolute(document), "inLanguage": document.lang,
    }
    if document.published:
        node["datePublished"] = document.published.iso
    if document.publisher_party:
        node["publisher"] = {"@id": absolute(archive.parties[document.publisher_party]) + "#org"}
    elif document.publisher:
        node["publisher"] = {"@type": "Organization", "name": document.publisher}
    if document.source and document.archived:  # the source, and where a web archive keeps it
        node["isBasedOn"] = {"@type": "WebPage", "url": document.source, "archivedAt": document.archived.url}
    elif document.source:
        node["isBasedOn"] = document.source
    if document.original and document.original.sha256:  # the file kept: the publisher's, or a text copy
        media = MEDIA_TYPES.guess_type("x" + document.original.suffix)[0]
        node["associatedMedia"] = {
            "@type": "MediaObject", "contentUrl": absolute(Urls.original(document)),
            "contentSize": f"{document.original.size} B", "sha256": document.original.sha256,
            **({"encodingFormat": media} if media else {})}
    if described := summary(document):
        node["description"] = described
    if document.agreement_ids:
        node["about"] = [{"@id": absolute(archive.agreements[a]) + "#agreement"}
                         for a in document.agreement_ids]
    if document.translated_by:
        node["translator"] = {"@type": "Organization", "name": document.translated_by}
    versions = archive.translations.get(document.path, ())
    if versions and versions[0] != document.path:
        node["translationOfWork"] = {"@id": absolute(archive.documents[versions[0]]) + "#document"}
    elif versions:
        node["workTranslation"] = [{"@id": absolute(archive.documents[p]) + "#document"}
                                   for p in versions[1:]]
    return node


def agreement_graph(agreement: Agreement, archive: Archive, absolute: Absolute,
                    summary: Summary) -> list[dict[str, Any]]:
    """The agreement, its signing, its parties and its documents, as one graph."""
    url = absolute(agreement)
    legislation: dict[str, Any] = {
        "@type": "Legislation", "@id": url + "#agreement", "url": url, "name": agreement.display_title,
        "identifier": agreement.id,
        "legislationPassedBy": [{"@id": absolute(archive.parties[p]) + "#org"} for p in agreement.party_ids],
        "about": [_topic(archive.topics[t], absolute) for t in agreement.topic_ids],
        "subjectOf": [{"@id": absolute(d) + "#document"} for d in archive.documents_of(agreement)],
    }
    for fact in fact_table.FACTS.linked:  # each fact the table names a property of the agreement for
        if value := getattr(agreement, fact.name).sole:
            legislation[fact.jsonld] = _literal(value)
    force = LEGAL_FORCE.get(life_of(agreement, archive, archive.now).status or "")
    if force:
        legislation["legislationLegalForce"] = force
    event: dict[str, Any] = {"@type": "Event", "@id": url + "#signing",
                             "name": f"Signing of {agreement.display_title}",
                             "about": {"@id": url + "#agreement"}}
    if agreement.signed.sole:
        event["startDate"] = agreement.signed.sole.iso
    if agreement.place.sole:
        event["location"] = {"@type": "Place", "name": agreement.place.sole}
    attendees = [_person(p, "signatory", archive, absolute) for p in agreement.signatories.sole or ()]
    attendees += [_person(p, "witness", archive, absolute) for p in agreement.witnesses.sole or ()]
    if attendees:
        event["attendee"] = attendees
    return [legislation, event,
            *(_organisation(archive.parties[p], absolute) for p in agreement.party_ids),
            *(_article(d, archive, absolute, summary) for d in archive.documents_of(agreement))]


def page_graph(page: Page, archive: Archive, absolute: Absolute, site_title: str,
               summary: Summary) -> dict[str, Any]:
    """The JSON-LD for any page: its subject described, and the page placed in the site."""
    url = absolute(page.url)
    website = {"@type": "WebSite", "@id": absolute("") + "#site", "name": site_title, "url": absolute(""),
               "inLanguage": page.lang}
    graph: list[dict[str, Any]]
    subject = page.subject
    if page.url == "":
        website["potentialAction"] = {"@type": "SearchAction",
                                      "target": absolute("search/") + "?q={query}",
                                      "query-input": "required name=query"}
        graph = [website]
    elif isinstance(subject, Agreement) and page.kind is Kind.AGREEMENT:
        graph = [*agreement_graph(subject, archive, absolute, summary), website]
    elif isinstance(subject, Document) and page.kind is Kind.DOCUMENT:
        graph = [_article(subject, archive, absolute, summary),
                 *(_organisation(archive.parties[p], absolute)
                   for p in ([subject.publisher_party] if subject.publisher_party else [])),
                 website]
    elif isinstance(subject, Party):
        organisation = _organisation(subject, absolute)
        if subject.parent:
            organisation["parentOrganization"] = {"@id": absolute(archive.parties[subject.parent]) + "#org"}
        graph = [organisation, {"@type": "CollectionPage", "@id": url, "url": url, "name": page.title,
                                "inLanguage": page.lang, "about": {"@id": organisation["@id"]},
                                "isPartOf": {"@id": website["@id"]}},
                 website]
    else:
        graph = [{"@type": "CollectionPage", "@id": url, "url": url, "name": page.title,
                  "inLanguage": page.lang, "isPartOf": {"@id": website["@id"]},
                  **({"about": _topic(subject, absolute)} if isinstance(subject, Topic) else {})},
                 website]
    return {"@context": CONTEXT, "@graph": graph}
