"""Every page of the site planned from the archive: the only place that knows URLs and output paths.

URLs are site-relative and 'pretty': `agreements/x/` is written to `agreements/x/index.html`.
A new kind of page is a `Kind`, a function here and a template, nothing more.

URLs are permanent: they come from ids, slugs and file names, never from titles. An old address
listed under `aliases:` gets a small redirect page (and a line in `_redirects`) to the new one.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any

from .archive import Archive
from .errors import Problems
from .i18n import N_, language_prefix, names_in, translate
from .life import LISTED, STATUS_LABELS
from .model import Agreement, Document, Party, Topic


@dataclass(frozen=True)
class Pager:
    """Where a list page sits among its siblings: page `number` of `count`, the first at `first`.

    Only the first page's URL is kept, not every page's: each of a list's pages has a pager, and a
    tuple of all their URLs in each made the 100k site's lists (2,000 pages of documents, 1,503 of
    agreements) hold, localise and fingerprint 6.8 million URLs."""

    number: int
    count: int
    first: str  # page 1's URL

    def url(self, number: int) -> str:
        """The URL of page `number` of the list."""
        return self.first if number == 1 else f"{self.first}page/{number}/"

    @property
    def previous(self) -> str | None:
        return self.url(self.number - 1) if self.number > 1 else None

    @property
    def next(self) -> str | None:
        return self.url(self.number + 1) if self.number < self.count else None


class Kind(enum.Enum):
    """What a page is. Its value is the default template that renders it ("" for the open data,
    which opendata.py writes): a site overrides a kind's template by that file name."""

    HOME = "home.html"
    AGREEMENTS = "agreements.html"
    AGREEMENT = "agreement.html"
    DOCUMENTS = "documents.html"
    DOCUMENT = "document.html"
    TOPICS = "topics.html"
    TOPIC = "topic.html"
    PARTIES = "parties.html"
    PARTY = "party.html"
    YEARS = "years.html"
    YEAR = "year.html"
    STATUS = "status.html"  # the agreements with one status now (life.py), newest first
    SEARCH = "search.html"
    NOT_FOUND = "404.html"
    FEED = "feed.xml"
    CHANGES = "changes.xml"  # the content's latest commits, newest first (history.py), as a feed
    CHANGE_LIST = "changes.html"  # and as a page
    ROBOTS = "robots.txt"
    HEADERS = "_headers"
    REDIRECTS = "_redirects"
    SITEMAP = "sitemap.xml"
    REDIRECT = "redirect.html"  # an old address, sending its readers on
    JSON = "data/agreements.json"
    CSV = "data/agreements.csv"
    CSL = "data/agreements.csl.json"  # every agreement as CSL-JSON, for reference managers

    @property
    def template(self) -> str:
        return "" if self in DATA_FILES else self.value


# The kinds that are data rather than pages: written by Python (opendata.py), with no template.
DATA_FILES = (Kind.JSON, Kind.CSV, Kind.CSL)
# The kinds of a record's own page (an agreement's, a document's), which cites its record; the
# other pages are mostly lists of agreements.
RECORD_PAGES = (Kind.AGREEMENT, Kind.DOCUMENT)


class CitationFile(enum.Enum):
    """A file of an agreement's or a document's citation, by its name beside the record's page."""

    CSL_JSON = "cite.json"
    BIBTEX = "cite.bib"
    RIS = "cite.ris"


# A record's citation files are written with its page in the first interface language (Page.cites),
# as its outputs: not pages of their own, which were 52,700 of the 91,700 pages at 10,000 documents,
# each planned, fingerprinted and kept in the engine's State.
CITATION_FILES = tuple(CitationFile)


@dataclass(frozen=True)
class Page:
    """One output file: its URL, what kind of page it is (which names its template) and what it
    shows."""

    url: str  # relative to the site root, '' for the home page
    kind: Kind
    title: str
    subject: Any = None  # the record the page is about: Agreement, Document, Party, Topic or a year
    items: tuple[Any, ...] = ()  # what a list page lists, this page's share only
    pager: Pager | None = None
    source: str = ""  # the content file the page comes from, to name in collision errors
    in_sitemap: bool = True
    # A host serves 404.html at whatever URL was missing, so its links cannot be relative.
    absolute_links: bool = False
    target: str = ""  # where a redirect page sends its readers: the record's URL
    line: int = 0  # the line in `source` that makes the page (an alias), for messages
    lang: str = "en"  # the language of its interface
    # (language, URL) of the page for a reader of each language, this one included: the same page
    # in each interface language, and for a document, its versions in other languages.
    alternates: tuple[tuple[str, str], ...] = ()
    cites: bool = False  # its record's citation files (CITATION_FILES) are written with it, beside it

    @functools.cached_property
    def output(self) -> str:
        """The file path inside the output directory (kept: a build asks each page many times)."""
        return _output(self.url)

    @property
    def template(self) -> str:
        return self.kind.template

    @property
    def files(self) -> tuple[tuple[CitationFile, str], ...]:
        """The files written with the page, beside it: (kind, site-relative URL and output path)."""
        return tuple((kind, self.url + _FILE_NAMES[kind]) for kind in CITATION_FILES) if self.cites else ()

    @functools.cached_property
    def outputs(self) -> tuple[str, ...]:
        """Every file the page writes: its own, then `files` (kept, as `output` is: an edit's
        build asks it of every page of the site)."""
        return (self.output, *(url for _kind, url in self.files)) if self.cites else (self.output,)

    @property
    def is_html(self) -> bool:
        return self.output.endswith(".html")

    def __reduce__(self) -> tuple[Any, tuple[dict[str, Any]]]:
        """Pickled (the engine's State keeps 160,000 pages at 10,000 documents) as the fields that
        differ from their defaults, without the cached `output`: the State loaded in 0.89 s, not
        1.06 s. A field left out reads its default, which the class holds."""
        return _page, ({name: value for name, value in self.__dict__.items()
                        if name in _PAGE_DEFAULTS and _PAGE_DEFAULTS[name] != value},)


def _page(values: dict[str, Any]) -> Page:
    page = object.__new__(Page)
    page.__dict__.update(values)
    # `output` made here: through the cached property, the first ask of each of a loaded State's
    # 91,000 pages took 0.15 s (it takes a lock in Python 3.11).
    page.__dict__["output"] = _output(values["url"])
    return page


def _output(url: str) -> str:
    return url + "index.html" if url == "" or url.endswith("/") else url


_PAGE_DEFAULTS = {f.name: f.default for f in fields(Page)}  # dataclasses.MISSING where there is none


class Urls:
    """The site-relative URL of every kind of record."""

    CHANGES = "changes/"  # the archive's latest changes (history.py)
    CHANGES_FEED = "changes.xml"  # and their feed

    @staticmethod
    def agreement(ident: str) -> str:
        return f"agreements/{ident}/"

    @staticmethod
    def document(document: Document) -> str:
        year = document.published.year if document.published else "undated"
        return f"documents/{year}/{document.slug}/"

    @staticmethod
    def topic(ident: str) -> str:
        return f"topics/{ident}/"

    @staticmethod
    def party(ident: str) -> str:
        return f"parties/{ident}/"

    @staticmethod
    def year(year: int) -> str:
        return f"years/{year}/"

    @staticmethod
    def status(status: str) -> str:
        return f"status/{status}/"

    @staticmethod
    def original(document: Document) -> str:
        """Where a document's original file is published: beside the other originals, named as
        its page is, so it moves only when the page does (originals/2023/fsdc-caict-mou.pdf)."""
        assert document.original is not None
        year = document.published.year if document.published else "undated"
        return f"originals/{year}/{document.slug}{document.original.suffix}"

    @classmethod
    def of(cls, record: Any) -> str:
        """The URL of any record, for templates: `url_of(agreement)`."""
        if isinstance(record, Agreement):
            return cls.agreement(record.id)
        if isinstance(record, Document):
            return cls.document(record)
        if isinstance(record, Topic):
            return cls.topic(record.id)
        if isinstance(record, Party):
            return cls.party(record.id)
        if isinstance(record, int):
            return cls.year(record)
        raise TypeError(f"no URL for {type(record).__name__}")


@dataclass(frozen=True)
class PublishedFile:
    """A file of the content directory that the site publishes as it is: a document's original."""

    output: str  # its path in the site, once, whatever the interface language
    source: str  # its content path (content/originals/x.pdf)
    sha256: str  # of the bytes the loader found, which the document's page shows


def published_files(archive: Archive) -> tuple[PublishedFile, ...]:
    """The originals of the archive's documents that were found (a missing one is an error)."""
    return tuple(PublishedFile(Urls.original(d), d.original.file, d.original.sha256)
                 for d in archive.documents.values() if d.original and d.original.sha256)


def relative(from_url: str, to_url: str) -> str:
    """The link from the page at `from_url` to `to_url`, so the site works under any base path.

    Every URL is site-relative, so climbing to the root and down again is always right; it is not
    the shortest link, but it is cheap, and pages make a hundred thousand of them.
    """
    depth = from_url.count("/")
    link = "../" * depth + to_url
    return link or "./"


def plan_pages(archive: Archive, per_page: int, problems: Problems, languages: tuple[str, ...] = ("en",),
               vocabulary_lang: str = "en") -> list[Page]:
    """Every page, in a stable order; two pages with one output path is an error naming both.

    The pages are planned once, in English (`site_pages`), then made again for each interface
    language (`localise`); `vocabulary_lang` is the language of the main names in parties.yaml and
    topics.yaml.
    """
    pages = site_pages(archive, per_page)
    titles = first_titles(pages)
    localised = [localise(page, archive, languages, vocabulary_lang, titles) for page in pages]
    return finish_pages(arrange(localised, languages), archive, languages, problems)


def site_pages(archive: Archive, per_page: int, before: Mapping[str, Page] | None = None) -> list[Page]:
    """Every page made from the archive, in the first interface language and not yet localised:
    all but the redirects and the lists of every page (`finish_pages`). `before`: the pages of an
    earlier archive by URL, of which an agreement's or a document's page is taken as it was where
    it is about the same record (the same object: it is made from that alone), as the engine's
    patches do: a page made anew took 4 µs, 7 ms of an edit at 1,000 documents."""
    before = before or {}

    def agreement_page(agreement: Agreement) -> Page:
        page = before.get(Urls.agreement(agreement.id))
        return page if page is not None and page.subject is agreement else _agreement_page(agreement)

    def document_page(document: Document) -> Page:
        url = Urls.document(document)
        page = before.get(url)
        return page if page is not None and page.subject is document else \
            Page(url, Kind.DOCUMENT, document.title, document, source=document.path, cites=True)

    return [
        Page("", Kind.HOME, N_("Home")),
        *_paginate("agreements/", Kind.AGREEMENTS, N_("Agreements"), None, list(archive.agreements),
                   per_page),
        *[agreement_page(a) for a in archive.agreements.values()],
        *_paginate("documents/", Kind.DOCUMENTS, N_("Documents"), None, list(archive.documents),
                   per_page),
        *[document_page(d) for d in archive.documents.values()],
        Page("topics/", Kind.TOPICS, N_("Topics")),
        *_term_pages(archive.by_topic, archive.topics, Urls.topic, Kind.TOPIC, per_page),
        Page("parties/", Kind.PARTIES, N_("Parties")),
        *_term_pages(archive.by_party, archive.parties, Urls.party, Kind.PARTY, per_page),
        Page("years/", Kind.YEARS, N_("Years")),
        *[page for year, ids in archive.by_year.items()
          for page in _paginate(Urls.year(year), Kind.YEAR, str(year), year, list(ids), per_page)],
        # Every listed status has its page, an empty one too: the others link to it.
        *[page for status in LISTED for page in _paginate(
            Urls.status(status), Kind.STATUS, STATUS_LABELS[status], status,
            list(archive.by_status.get(status, ())), per_page)],
        Page("search/", Kind.SEARCH, N_("Search")),
        Page("404.html", Kind.NOT_FOUND, N_("Page not found"), in_sitemap=False, absolute_links=True),
        Page("feed.xml", Kind.FEED, N_("Latest agreements"), None, tuple(archive.agreements)[:FEED_SIZE],
             in_sitemap=False),
        *[Page(Urls.topic(t) + "feed.xml", Kind.FEED, archive.topics[t].name, archive.topics[t],
               ids[:FEED_SIZE], in_sitemap=False) for t, ids in archive.by_topic.items() if ids],
        *[Page(Urls.party(p) + "feed.xml", Kind.FEED, archive.parties[p].name, archive.parties[p],
               ids[:FEED_SIZE], in_sitemap=False) for p, ids in archive.by_party.items() if ids],
        *([Page(Urls.CHANGES, Kind.CHANGE_LIST, N_("Changes"), None, latest_changes),
           Page(Urls.CHANGES_FEED, Kind.CHANGES, N_("Changes"), None, latest_changes, in_sitemap=False)]
          if (latest_changes := tuple(c.commit for c in archive.history.changes[:FEED_SIZE])) else []),
        Page("robots.txt", Kind.ROBOTS, "robots.txt", in_sitemap=False),
        Page("data/agreements.json", Kind.JSON, "Agreements (JSON)", in_sitemap=False),
        Page("data/agreements.csv", Kind.CSV, "Agreements (CSV)", in_sitemap=False),
        Page("data/agreements.csl.json", Kind.CSL, "Agreements (CSL-JSON)", in_sitemap=False),
        Page("_headers", Kind.HEADERS, "HTTP headers", in_sitemap=False),
    ]


def finish_pages(pages: list[Page], archive: Archive, languages: tuple[str, ...],
                 problems: Problems) -> list[Page]:
    """The localised pages with the redirects and the pages that list every page added, checked
    for two pages at one path."""
    # Old addresses are the first language's (a second language adds new addresses only); after
    # every real page, so that a collision names the real page as the one that was there.
    redirects = [replace(page, lang=languages[0]) for page in _redirect_pages(archive)]
    pages = [*pages, *redirects]
    pages.append(Page("_redirects", Kind.REDIRECTS, "Redirects", in_sitemap=False, lang=languages[0],
                      items=tuple(sorted((p.url, p.target) for p in redirects))))
    pages.append(Page("sitemap.xml", Kind.SITEMAP, "Sitemap",
                      items=tuple(p.url for p in pages if p.in_sitemap and p.is_html),
                      in_sitemap=False, lang=languages[0]))
    # Only the first language's: the others are the same paths under a prefix of their own.
    check_collisions([p for p in pages if p.lang == languages[0]], problems)
    return pages


# A feed carries the newest agreements only, as Hugo's and Pelican's do: a reader polls it, and the
# lists and the open data hold the rest (the whole archive's feed was 5 MB at 10,000 documents).
FEED_SIZE = 50


def _redirect_pages(archive: Archive) -> list[Page]:
    """A page at each old address (alias) of a document or agreement, sending readers on."""
    pages = []
    for document in archive.documents.values():
        pages += [Page(alias.url, Kind.REDIRECT, document.title, document, source=alias.source.document,
                       line=alias.source.line, in_sitemap=False, target=Urls.document(document))
                  for alias in document.aliases]
    for agreement in archive.agreements.values():
        pages += [Page(alias.url, Kind.REDIRECT, agreement.display_title, agreement,
                       source=alias.source.document, line=alias.source.line, in_sitemap=False,
                       target=Urls.agreement(agreement.id))
                  for alias in agreement.aliases]
    return pages


def _agreement_page(agreement: Agreement) -> Page:
    return Page(Urls.agreement(agreement.id), Kind.AGREEMENT, agreement.display_title, agreement, cites=True)


# An enum member's `value` is a descriptor call (3 µs in Python 3.11): 52,000 citation files at 10k.
_FILE_NAMES = {kind: kind.value for kind in CITATION_FILES}


def _term_pages(index: dict[Any, tuple[str, ...]], records: dict[Any, Any], url_of: Any,
                kind: Kind, per_page: int) -> Iterator[Page]:
    for key, ids in index.items():
        record = records[key]
        yield from _paginate(url_of(key), kind, record.name, record, list(ids), per_page)


def _paginate(url: str, kind: Kind, title: str, subject: Any, items: Sequence[Any],
              per_page: int) -> list[Page]:
    """Page 1 at `url`, then `url`page/2/ ...; an empty list still gets its first page."""
    count = max(1, -(-len(items) // per_page))
    return [
        Page((pager := Pager(n, count, url)).url(n), kind, title if n == 1 else f"{title} (page {n})",
             subject, tuple(items[(n - 1) * per_page: n * per_page]), pager)
        for n in range(1, count + 1)
    ]


def check_collisions(pages: list[Page], problems: Problems) -> None:
    """No two pages at one output path, and no redirect page inside a path that is a file."""
    seen: dict[str, Page] = {}
    for page in pages:
        first = seen.setdefault(page.output, page)
        if first is page:
            continue
        if page.kind is Kind.REDIRECT and first.kind is Kind.REDIRECT:
            problems.error(page.source, page.line, "aliases",
                           f"the alias /{page.url} is also an alias in {first.source}:{first.line}",
                           "an old address can lead to one page only: keep one of the two")
        elif page.kind is Kind.REDIRECT:
            problems.error(page.source, page.line, "aliases",
                           f"the alias /{page.url} is the address of {_owner(first)}",
                           "an alias is an old address that no page has now: remove it")
        else:
            where = page.source or first.source or "content"
            problems.error(
                where, 1, "slug",
                f"writes the same page ({page.output}) as {first.source or 'another page'}",
                "give one of them a different 'slug:' or file name",
            )
    for page in pages:
        if page.kind is not Kind.REDIRECT:
            continue
        parts = page.output.split("/")
        for n in range(1, len(parts)):
            owner = seen.get("/".join(parts[:n]))
            if owner is not None:
                problems.error(page.source, page.line, "aliases",
                               f"the alias /{page.url} would put a page inside /{owner.output}, "
                               f"which is a file: {_owner(owner)}", "remove the alias")
                break


def _owner(page: Page) -> str:
    """Whose a page is, for a message: a file of the content where there is one."""
    if isinstance(page.subject, Agreement) and page.kind is Kind.AGREEMENT:
        stated = f" ({page.subject.documents[0]})" if page.subject.documents else ""
        return f"agreement '{page.subject.id}'{stated}"
    if page.kind is Kind.REDIRECT:
        return f"an alias in {page.source}:{page.line}"
    return page.source or f"the site's page '{page.title}'"


# --- interface languages ---------------------------------------------------------------------------
#
# The first interface language is served at the site's root and each other one under its tag in
# lower case, the whole site again: /zh-hant/agreements/x/ is /agreements/x/ with the Chinese
# interface. So adding a language moves no existing URL; every path below the prefix is the same in
# every language (ids and file names, never translated words), so a reader switches language by
# the prefix alone; and a site built in one language has exactly the URLs it always had. Files every
# language shares (static files, the search index, open data, the sitemap) exist once, at the root.

SHARED = ("static/", "pagefind/", "data/", "originals/", "sitemap.xml", "robots.txt", "_headers",
          "_redirects")


def localised(url: str, prefix: str, shared: tuple[str, ...] = SHARED) -> str:
    """The URL of a page in the interface language whose pages live under `prefix` ('' or 'zh-hant/').

    A URL that is shared, or already under the prefix, is returned as it is, so that the URLs of
    planned pages (already localised) and of records or templates (not yet) can both be given.
    """
    if not prefix or url.startswith(prefix) or url.startswith(shared):
        return url
    return prefix + url


def is_shared(page: Page) -> bool:
    """Whether the page exists once, for every interface language: a shared file."""
    return page.url.startswith(SHARED)


def first_titles(pages: list[Page]) -> dict[str, str]:
    """The title of the first page of each list, which the later pages' titles are made from."""
    return {page.url: page.title for page in pages if page.pager is None or page.pager.number == 1}


def localise(page: Page, archive: Archive, languages: tuple[str, ...], vocabulary_lang: str,
             titles: dict[str, str]) -> tuple[Page, ...]:
    """The page for each interface language, with its title in that language and its alternates; a
    shared file once, in the first language. `titles` holds the first page's title of each list."""
    if is_shared(page):
        return (replace(page, lang=languages[0]),)
    alternates = _alternates(page, archive, languages) if page.is_html else ()
    result = []
    for lang in languages:
        prefix = language_prefix(lang, languages)
        result.append(replace(
            page, url=prefix + page.url, lang=lang, title=_title(page, lang, titles, vocabulary_lang),
            pager=page.pager and replace(page.pager, first=prefix + page.pager.first),
            alternates=alternates, cites=page.cites and lang == languages[0]))  # the same in each
    return tuple(result)


def arrange(localised: list[tuple[Page, ...]], languages: tuple[str, ...]) -> list[Page]:
    """Every page in the first language, then every page in the next, ...; then the shared files
    (`localised` holds what `localise` made of each page, in order)."""
    shared = [versions[0] for versions in localised if is_shared(versions[0])]
    own = [versions for versions in localised if not is_shared(versions[0])]
    return [*(versions[n] for n in range(len(languages)) for versions in own), *shared]


def regroup(base: list[Page], arranged: list[Page],
            languages: tuple[str, ...]) -> dict[str, tuple[Page, ...]]:
    """What `localise` made of each page of `base`, by its URL, found again in what `arrange` made
    of it (the same objects, not made again); `arranged` may go on after (finish_pages adds to it)."""
    own = [page for page in base if not is_shared(page)]
    shared = [page for page in base if is_shared(page)]
    found = {page.url: tuple(arranged[index + n * len(own)] for n in range(len(languages)))
             for index, page in enumerate(own)}
    found.update({page.url: (arranged[len(own) * len(languages) + index],)
                  for index, page in enumerate(shared)})
    return found


def _title(page: Page, lang: str, titles: dict[str, str], vocabulary_lang: str) -> str:
    """The page's title in `lang`: a message from the catalogue, a party's or topic's own name in
    that language where it has one, or what a document or agreement is called, as it is."""
    title = titles[page.pager.first] if page.pager else page.title
    if isinstance(page.subject, (Topic, Party)):
        title = names_in(page.subject, lang, vocabulary_lang)[0][1]
    elif page.subject is None or page.kind is Kind.STATUS:
        title = translate(lang, title)
    if page.pager and page.pager.number > 1:
        return translate(lang, N_("%(title)s (page %(number)d)")) % {"title": title,
                                                                      "number": page.pager.number}
    return title


def _alternates(page: Page, archive: Archive, languages: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """The page for a reader of each language: the same page in each interface language; for a
    document, its version in the reader's language where there is one (in that language's
    interface, if the site has it)."""
    found = {lang: language_prefix(lang, languages) + page.url for lang in languages}
    if page.kind is Kind.DOCUMENT and isinstance(page.subject, Document):
        for path in archive.translations.get(page.subject.path, ()):
            version = archive.documents[path]
            interface = version.lang if version.lang in languages else languages[0]
            found[version.lang] = language_prefix(interface, languages) + Urls.document(version)
    return tuple(found.items()) if len(found) > 1 else ()
