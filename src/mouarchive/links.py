"""Internal links in document bodies, resolved once the whole archive is known.

The loader records each document's internal links as written, with their lines (model.Link); this
stage finds the page each one leads to, or reports where it leads nowhere; rendering puts each
page's relative link in its place (render.py). A body links to

- another document by its file, relative to its own (`../2023/fsdc-caict-mou.md`), from the site's
  root (`content/2023/fsdc-caict-mou.md`), or as `document:content/2023/fsdc-caict-mou.md`;
- `agreement:<id>`, `topic:<id>`, `party:<id>` and `year:<yyyy>`;

each optionally with a `#fragment`. So a link follows its target when the target's URL changes
(a new slug, a corrected publication year), and a link to something that is not in the archive, or
is held back, stops the build with the file and line.

A link may also be written as an address on the site, from its root (`/agreements/x/`) or relative
to the document's page (`../../../agreements/x/`). It is checked against every page, redirect and
file the build writes: one that leads nowhere stops the build too, with the form above that would
have followed the page as the hint; one that leads somewhere is written as the page's relative
link, like the others, so it works under any base path and in every interface language.
"""

from __future__ import annotations

import difflib
import posixpath
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from urllib.parse import unquote, urljoin, urlsplit

from .archive import Archive
from .errors import Problems
from .markup import ID_PREFIX, is_site_address
from .model import Document
from .pages import Urls
from .sources import PARTIES_FILE, TOPICS_FILE

VOCABULARY = {"topic": TOPICS_FILE, "party": PARTIES_FILE}
Resolved = dict[str, dict[str, str]]  # document path -> {link as written: site-relative URL#fragment}


@dataclass(frozen=True)
class Targets:
    """What a link can lead to: the records that have pages."""

    documents: Mapping[str, Document]  # by content path
    agreements: Collection[str]
    topics: Collection[str]
    parties: Collection[str]
    years: Collection[int]
    # What an address on the site can lead to: the site-relative URL of every page, redirect and
    # file the build writes ('' for the home page), and the site's base path ('/archive/').
    addresses: Collection[str] = frozenset()
    base_path: str = "/"

    @classmethod
    def of(cls, *archives: Archive, addresses: Collection[str] = frozenset(),
           base_path: str = "/") -> Targets:
        """The records of one archive, or of several together (the published one, and what the
        held-back documents would add to it)."""
        documents: dict[str, Document] = {}
        for archive in archives:
            documents.update(archive.documents)
        return cls(documents, {a for archive in archives for a in archive.agreements},
                   {t for archive in archives for t in archive.topics},
                   {p for archive in archives for p in archive.parties},
                   {y for archive in archives for y in archive.by_year}, addresses, base_path)


def resolve_links(targets: Targets, documents: Iterable[Document], content_label: str,
                  problems: Problems, held: Mapping[str, str] | None = None,
                  held_agreements: Iterable[str] = ()) -> Resolved:
    """Every internal link of `documents` against `targets`; each one that leads nowhere is an error.

    `held` names the documents held back (path -> why, e.g. 'a draft') and `held_agreements` the
    agreements held back with them, so that a link to one says so rather than 'no such document'.
    """
    label = content_label.rstrip("/")
    held = held or {}
    waiting = set(held_agreements)
    resolved: Resolved = {}
    for document in documents:
        found = {}
        for link in document.links:
            if is_site_address(link.href):
                target, why, hint = _resolve_address(link.href, Urls.document(document), targets, label)
            else:
                target, why, hint = _resolve(link.href, document.path, targets, label, held, waiting)
            if target is None:
                problems.error(document.path, link.line, "link", f"'{link.href}' {why}", hint)
            else:
                found[link.href] = target
        if found:
            resolved[document.path] = found
    return resolved


def _resolve(href: str, here: str, targets: Targets, label: str, held: Mapping[str, str],
             waiting: set[str]) -> tuple[str | None, str, str]:
    """(the site-relative URL with its fragment, or None and why not, and a hint)."""
    parts = urlsplit(href)
    scheme, name, fragment = parts.scheme, unquote(parts.path), parts.fragment
    if not scheme or scheme == "document":
        path = _content_path(name, here, label, from_root=scheme == "document")
        document = targets.documents.get(path)
        if document is not None:
            # Ids in a body are prefixed (markup.py), so a fragment naming one must be too.
            if fragment and not fragment.startswith(ID_PREFIX):
                fragment = ID_PREFIX + fragment
            return _with(Urls.document(document), fragment), "", ""
        if path in held:
            return None, f"leads to {path}, which is held back ({held[path]})", _HELD_HINT
        return None, f"leads to {path}, which is not a document of the archive", \
            _suggest(path, [p for p in (*targets.documents, *held) if p != here],
                     f"write the path of a file under {label}/")
    if scheme == "agreement":
        if name in targets.agreements:
            return _with(Urls.agreement(name), fragment), "", ""
        if name in waiting:
            return None, f"leads to agreement '{name}', which is held back with the documents that " \
                "state it", _HELD_HINT
        return None, f"leads to no agreement: there is no agreement '{name}'", \
            _suggest(name, list(targets.agreements), "link to an agreement by its id")
    if scheme in ("topic", "party"):
        records = targets.topics if scheme == "topic" else targets.parties
        if name in records:
            url = Urls.topic(name) if scheme == "topic" else Urls.party(name)
            return _with(url, fragment), "", ""
        return None, f"leads to no {scheme}: there is no {scheme} with the id '{name}'", \
            _suggest(name, list(records), f"use an id from {label}/{VOCABULARY[scheme]}")
    if name.isdigit() and int(name) in targets.years:
        return _with(Urls.year(int(name)), fragment), "", ""
    return None, f"leads to no year page: no agreement in the archive was signed in '{name}'", \
        "link to a year in which an agreement was signed"


_HELD_HINT = "link to it once it is published, or publish the two together"


def _resolve_address(href: str, here: str, targets: Targets, label: str) -> tuple[str | None, str, str]:
    """An address on the site, from its root or relative to the page at `here`: (the site-relative
    URL it leads to, with its query and fragment, or None and why not, and a hint)."""
    parts = urlsplit(href)
    path = unquote(parts.path)
    base = targets.base_path.strip("/")
    if base and path.startswith(f"/{base}/"):  # written with the site's base path
        path = path[len(base) + 1:]
    site = urlsplit(urljoin("https://site.invalid/" + here, path)).path.lstrip("/")
    found = next((url for url in (site, f"{site}/", site.removesuffix("index.html"))
                  if url in targets.addresses), None)
    if found is None:
        why = f"leads to /{site}, which is not a page of this site"
        return None, why, _address_hint(site, targets, label)
    if parts.query:
        found += "?" + parts.query
    return _with(found, parts.fragment), "", ""


def _address_hint(site: str, targets: Targets, label: str) -> str:
    """The form of a link that follows the page it was meant for, when one is near the address."""
    forms = {Urls.agreement(a): f"agreement:{a}" for a in targets.agreements}
    forms.update({Urls.document(d): path for path, d in targets.documents.items()})
    forms.update({Urls.topic(t): f"topic:{t}" for t in targets.topics})
    forms.update({Urls.party(p): f"party:{p}" for p in targets.parties})
    forms.update({Urls.year(y): f"year:{y}" for y in targets.years})
    close = difflib.get_close_matches(site, list(forms), n=1)
    if close:
        return f"did you mean '{forms[close[0]]}'? a link written so follows the page when it moves"
    return (f"link to the archive by what a link leads to: agreement:<id>, topic:<id>, party:<id>, "
            f"year:<yyyy>, or a document's file under {label}/")


def _content_path(name: str, here: str, label: str, from_root: bool) -> str:
    """The content path a link names: from the site's root, or else relative to the document."""
    if from_root or name.startswith("/") or name.startswith(label + "/"):
        return posixpath.normpath(name.lstrip("/"))
    return posixpath.normpath(posixpath.join(posixpath.dirname(here), name))


def _with(url: str, fragment: str) -> str:
    return f"{url}#{fragment}" if fragment else url


def _suggest(name: str, candidates: list[str], otherwise: str) -> str:
    close = difflib.get_close_matches(name, candidates, n=1)
    return f"did you mean '{close[0]}'?" if close else otherwise
