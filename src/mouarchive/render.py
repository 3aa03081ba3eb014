"""Pages to bytes through one Jinja2 environment: autoescaped, strict about undefined names.

The site's own templates/ come first, so a site can override any default template by name.
"""

from __future__ import annotations

import collections
import contextlib
import functools
import gettext
import html
import json
import sys
import traceback
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import FunctionType
from typing import Any
from zoneinfo import ZoneInfo

import jinja2
from markupsafe import Markup

from . import facts as fact_table
from .archive import Archive
from .cache import BodyPacks
from .charts import OTHER_TOPICS, partners_view, timeline_data, timeline_view
from .citations import csl_item, formatted_citation, meta_tags, prepare_citation
from .config import SiteConfig, template_dirs
from .csp import header_policy, meta_policy
from .errors import Problem
from .escaping import escape, fill
from .facts import Type
from .i18n import language_name, language_prefix, names_in, translations
from .life import EVENTS, LISTED, STATUS_LABELS, life_of
from .linked_data import page_graph
from .links import Resolved
from .markup import replace_links, summarise
from .model import Agreement, Document, PartialDate
from .opendata import Inputs, Pieces, agreements_csl, agreements_csv, agreements_json, inputs
from .pages import CITATION_FILES, RECORD_PAGES, SHARED, CitationFile, Kind, Page, Urls, localised, relative
from .reference_files import bibtex, csl_json, ris
from .snippets import snippets
from .views import (
    HOME_LATEST,
    TIMELINE_LATEST,
    busiest,
    fact_anchors,
    fact_place,
    known_relations,
    latest_changes,
    record_history,
    statuses_of,
    versions_given,
)

# In a shared fragment, where a link's way up to the root goes, and a link to the root itself
# (control characters, which content hardly ever holds; see `fragment` for when it does).
ROOT, ROOT_ITSELF = "\x00", "\x01"
# List entries a process keeps for reuse, the least recently used dropped past it. One process
# renders a language's lists, in the order of the agreements they show (build.render_chunks),
# so an entry is mostly wanted again while it is kept: the 100k benchmark site's lists show 562,000
# entries of 82,000 different, which a simulation of this limit makes 82,000 times (a limit of
# 10,000: 92,000). Its lists as planned, with 40,000 entries dropped at once when full: 456,000.
FRAGMENT_LIMIT = 25_000
Fragments = collections.OrderedDict  # the entries kept, the least recently used first


class TemplateError(Exception):
    """A template is missing or failed while rendering; carries the problem with template and line."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.format())
        self.problem = problem


def _to_json(value: Any) -> Markup:
    # '<' '>' '&' escaped so a string from content cannot close the <script> element it sits in.
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, indent=None)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


def _attribute(text: str) -> Markup:
    """Text for an attribute in double quotes, its single quotes left as they are (autoescaping
    writes each as &#39;, which makes a policy hard to read in the page's source)."""
    return Markup(html.escape(text, quote=False).replace('"', "&quot;"))


def interface_messages(messages: gettext.NullTranslations) -> dict[str, Any]:
    """`_`, `gettext` and `ngettext` for the templates, as jinja2.ext.i18n's "newstyle" ones behave
    (the translation is markup, its %(name)s filled with escaped values), but plain functions.

    The extension's own go through Jinja's context twice a call, which doubled the time a large
    archive took to render; these look a message up once, and only format when there is something
    to fill in. The default templates are HTML and XML, always autoescaped, where they are used.
    """
    found: dict[str, Markup] = {}

    def translate(message: str, **values: Any) -> Markup:
        text = found.get(message)
        if text is None:
            text = found[message] = Markup(messages.gettext(message))
        return fill(text, values) if values else text

    def translate_count(singular: str, plural: str, num: int, **values: Any) -> Markup:
        return fill(messages.ngettext(singular, plural, num), {"num": num, **values})

    return {"_": translate, "gettext": translate, "ngettext": translate_count}


def group_by(items: Iterable[Any], attribute: str) -> list[tuple[str, list[Any]]]:
    """Group records by an attribute that may be None (Jinja's groupby cannot sort None); None is ''."""
    groups: dict[str, list[Any]] = {}
    for item in items:
        groups.setdefault(getattr(item, attribute) or "", []).append(item)
    return sorted(groups.items(), key=lambda pair: (pair[0] == "", pair[0]))


def atom_date(date: PartialDate | None, zone: ZoneInfo) -> str:
    """RFC 3339 midnight of the date's first day in the site's time zone (Atom needs a full time)."""
    if date is None:
        return "1970-01-01T00:00:00Z"
    moment = datetime(date.year, date.month or 1, date.day or 1, tzinfo=zone)
    return moment.isoformat()


def latest_date(archive: Archive, agreements: Iterable[Agreement]) -> PartialDate | None:
    """The newest date among the agreements' signing dates and their documents' publication dates."""
    dates = [d for a in agreements for d in a.signed.values]
    dates += [doc.published for a in agreements for doc in archive.documents_of(a) if doc.published]
    return max(dates, default=None)


@dataclass(frozen=True)
class Citation:
    """A record's citation as its page shows it: formatted, as meta tags, and as files."""

    url: str  # the record's address, in the first language (the same in every interface)
    text: Markup  # formatted by citeproc-py (citations.formatted_citation)
    meta: tuple[tuple[str, str], ...]  # (name, content) of each meta tag
    files: tuple[tuple[Kind, str], ...]  # each citation file's kind and the link to it


class _Context(jinja2.runtime.Context):
    """A template context whose calls of plain functions skip Jinja's general dispatch.

    Jinja's Context.call looks for a pass_context mark on the callable and on its __call__, drops
    the loop and block variables it was given, and for a function that takes the context, inside a
    loop, makes it a new context holding a copy of every variable: for each call. An agreement page
    makes about 170 calls, most of them the snippets (plain functions), and 17 of them in loops to
    the ones that take the context (party_link, fact_cite ...). Here a plain function is called
    directly, and one that takes the context gets this one: the functions given to these templates
    read only the render's own values from it (link, citation, site), never a loop's. Anything
    else (a macro, a class) goes Jinja's way. Rendering a 1k site's agreement and document pages
    took 0.918x as long (benchmarks/RESULTS.md).
    """

    def call(__self, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805  # Jinja's own signature
        if type(__obj) is FunctionType:
            if kwargs:
                kwargs.pop("_loop_vars", None)
                kwargs.pop("_block_vars", None)
            passed = __obj.__dict__.get("jinja_pass_arg")
            if passed is None:
                return __obj(*args, **kwargs)
            if passed is _CONTEXT:
                return __obj(__self, *args, **kwargs)
        return super().call(__obj, *args, **kwargs)


_CONTEXT = jinja2.pass_context(lambda: None).jinja_pass_arg  # what pass_context marks a function with


class _Template(jinja2.Template):
    """A template whose output is escaped by escaping.escape (why: escaping.py): Jinja's compiled code
    takes `escape` from its module's names, so the loaded template's names are given that one."""

    @classmethod
    def from_code(cls, environment: jinja2.Environment, code: Any, globals: Any,  # Jinja's own signature
                  uptodate: Callable[[], bool] | None = None) -> jinja2.Template:
        template = super().from_code(environment, code, globals, uptodate)
        template.root_render_func.__globals__["escape"] = escape
        return template


class _Environment(jinja2.Environment):
    """An environment whose templates see its globals as one plain dict.

    Jinja gives each template a ChainMap of its own globals over the environment's, and copies it
    key by key into every new context: each page, each import `with context`, each fragment. With
    the snippets among the globals that was about 90 ChainMap lookups a page (about a tenth of a
    document page's time). Here every global is set before the first template is loaded, and a
    template has none of its own, so a snapshot is the same mapping.
    """

    context_class = _Context
    template_class = _Template

    def make_globals(self, d: Any) -> Any:
        # The environment's own, where a template has none: so that a renderer bound to another
        # archive (Renderer.rebind) is seen by the templates it has loaded.
        return {**self.globals, **d} if d else self.globals


# The templates' filters that read the archive or the language (Renderer._bind).
BOUND_FILTERS = ("atom_date", "date_text", "fact_label", "party_name_text", "search_filter")


def template_environment(dirs: list[Path], compiled: jinja2.BytecodeCache | None) -> _Environment:
    """An environment for the templates in `dirs` with every setting that shapes how they compile:
    a renderer's, before its language's messages and snippets are given (Renderer._environment),
    and compile_templates', whose compiled templates a renderer then loads as its own."""
    env = _Environment(
        loader=jinja2.FileSystemLoader([str(d) for d in dirs]),
        # HTML and XML are escaped; plain-text outputs (robots.txt, _headers) hold no content.
        autoescape=jinja2.select_autoescape(("html", "xml"), default_for_string=True, default=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.i18n"],
        bytecode_cache=compiled,
        # A build's templates do not change while it renders (serve makes a new renderer for
        # each build): no stat of every template file each time a page asks for one.
        auto_reload=False,
    )
    # {% trans %} blocks are read with their whitespace collapsed, as Babel extracts them.
    env.policies["ext.i18n.trimmed"] = True
    env.newstyle_gettext = True  # type: ignore[attr-defined]  # how {% trans %} compiles (jinja2.ext)
    env.filters["tojson_ld"] = _to_json
    env.filters["group_by"] = group_by
    # Jinja looks for each filter a template names as it compiles it: those that read the archive
    # are named here, and given when a renderer binds one (Renderer._bind).
    env.filters.update(dict.fromkeys(BOUND_FILTERS, _unbound))
    return env


def _unbound(*_args: Any) -> None:
    raise RuntimeError("a filter of the archive's used before a renderer bound it (Renderer._bind)")


def compile_templates(config: SiteConfig, compiled: Path) -> None:
    """Every template of the site compiled into `compiled` (a renderer's bytecode cache), for the
    renderers to load rather than compile. A cold 1k build's two render workers each spent about
    0.7 s compiling the same templates (benchmarks/RESULTS.md, issue 12); build.py has this done
    beside the planning, on the core the planning leaves idle."""
    env = template_environment(template_dirs(config), jinja2.FileSystemBytecodeCache(str(compiled)))
    for name in env.list_templates():
        # One that does not compile is the renderer's to report, with its page.
        with contextlib.suppress(jinja2.TemplateError, UnicodeDecodeError, OSError):
            env.get_template(name)


class Renderer:
    """Renders planned pages with the archive and site settings; templates are compiled once for
    each interface language, with that language's messages and snippets."""

    def __init__(self, config: SiteConfig, archive: Archive, bodies: BodyPacks | None = None,
                 links: Resolved | None = None, compiled: Path | None = None,
                 fragments: Fragments[tuple[Any, ...], tuple[tuple[Any, ...], str]] | None = None,
                 pieces: Pieces | None = None) -> None:
        """`compiled`: a directory to keep the compiled templates in between builds (the cache's);
        `fragments` and `pieces`: the list entries and open-data lines a renderer of an earlier
        build made, to reuse those made from the same records (engine.py)."""
        self.config = config
        self.compiled = jinja2.FileSystemBytecodeCache(str(compiled)) if compiled else None
        self.archive = archive
        self.bodies = bodies
        self.links = links or {}
        self.dirs = template_dirs(config)
        self._fragments = fragments if fragments is not None else Fragments()
        # Fragments kept from an earlier build are checked against what they were made from; a
        # build's own are not (nothing changes during a build), so they hold nothing but text.
        self._checked = fragments is not None
        self._pieces = pieces
        # Files every language shares, the site's own static files among them (copied to the root).
        own_static = sorted(p.name + ("/" if p.is_dir() else "") for p in config.static.glob("*")) \
            if config.static.is_dir() else []
        self.shared = (*SHARED, *own_static)
        self.timeline = functools.cache(lambda: timeline_data(archive))
        self.open_data = self._open_data_inputs(archive)
        self.envs = {lang: self._environment(lang) for lang in config.languages}
        self.env = self.envs[config.languages[0]]

    def rebind(self, archive: Archive, links: Resolved | None) -> None:
        """Render another archive of the same site (an engine's next patch), with the templates as
        this renderer has loaded them: a renderer made for each patch loaded each template again,
        5 ms of a title edit at 1,000 documents (benchmarks/RESULTS.md, issue 12)."""
        self.archive = archive
        self.links = links or {}
        self.timeline = functools.cache(lambda: timeline_data(archive))
        self.open_data = self._open_data_inputs(archive)
        if not self._checked:  # its list entries hold nothing of what they were made from
            self._fragments.clear()
        for lang, env in self.envs.items():
            self._bind(env, lang)

    @staticmethod
    def _open_data_inputs(archive: Archive) -> Callable[[str, Callable[[Any], str]], Inputs]:
        """The archive's open-data inputs (opendata.inputs) for an interface's pages (by its prefix,
        with any of its pages' `absolute`, which make the same addresses): made once for the three
        open-data files."""
        made: dict[str, Inputs] = {}

        def of(prefix: str, url_of: Callable[[Any], str]) -> Inputs:
            if prefix not in made:
                made[prefix] = inputs(archive, url_of)
            return made[prefix]
        return of

    def _environment(self, lang: str) -> jinja2.Environment:
        env = template_environment(self.dirs, self.compiled)
        messages = translations(lang)
        env.install_gettext_translations(messages, newstyle=True)  # type: ignore[attr-defined]
        env.globals.update(interface_messages(messages))
        self._bind(env, lang)
        return env

    def _bind(self, env: jinja2.Environment, lang: str) -> None:
        """What `env`'s templates read of the archive and its links: set before any template is
        loaded, and again for another archive (rebind), in place."""
        config, archive, resolved = self.config, self.archive, self.links
        messages = translations(lang)
        zone = ZoneInfo(config.timezone)
        bound = snippets(archive, lang, config.language)
        env.globals.update(bound)
        filters = {
            "atom_date": lambda date: atom_date(date, zone),
            "date_text": bound["date_text"],
            "fact_label": bound["fact_label"],
            "party_name_text": bound["party_name_text"],
            "search_filter": lambda fact: (
                fact.filter.name, messages.gettext(fact.filter.label), messages.gettext(fact.filter.any),
                fact.type is Type.DATE),
        }
        assert filters.keys() == set(BOUND_FILTERS), "BOUND_FILTERS names the filters bound here"
        env.filters.update(filters)

        @jinja2.pass_context
        def body(context: jinja2.runtime.Context, document: Document) -> Markup:
            """A document's body, from memory or from the cache's packs, with its internal links
            leading to their pages as seen from this page."""
            html = self.body_html(document)
            targets = resolved.get(document.path)
            if targets:
                link = context["link"]
                html = replace_links(html, {href: link(url) + sep + fragment for href, (url, sep, fragment)
                                            in ((h, t.partition("#")) for h, t in targets.items())})
            return Markup(html)

        def local_name(record: Any) -> str:
            """A party's or a topic's name in this interface's language (the first it reads)."""
            return names_in(record, lang, config.language)[0][1]

        def chart(name: str, view: Any) -> Markup:
            """A chart's SVG: its template drawing the view charts.py worked out (none, no chart)."""
            return Markup(env.get_template(name).render(chart=view)) if view else Markup("")

        timeline = self.timeline
        env.globals["body"] = body
        env.globals["summary"] = self.summary
        env.globals.update(
            timeline=timeline, zip=zip,
            timeline_svg=lambda: chart("chart_timeline.html", timeline_view(
                timeline(), archive, messages.gettext(OTHER_TOPICS), topic_name=local_name)),
            partners_svg=lambda party_id: chart("chart_partners.html", partners_view(
                party_id, archive, party_name=local_name)),
            site=config.in_language(lang), archive=archive, urls=Urls, busiest=busiest,
            home_latest=HOME_LATEST, timeline_latest=TIMELINE_LATEST,
            versions_given=versions_given, fact_anchors=fact_anchors, fact_place=fact_place,
            fact_table=fact_table.FACTS, known_relations=known_relations,
            life=lambda agreement: life_of(agreement, archive, archive.now),
            event_label=lambda kind: messages.gettext(EVENTS[kind]),
            status_label=lambda status: messages.gettext(STATUS_LABELS[status]),
            statuses_listed=LISTED, statuses_of=lambda party: statuses_of(archive, party),
            history=lambda record: record_history(archive, record, zone),
            latest_changes=lambda count: latest_changes(archive, count, zone),
            moment=lambda when: when.astimezone(zone).isoformat(),
            content_security_policy=header_policy(), content_security_policy_meta=_attribute(meta_policy()),
            updated=lambda agreements: atom_date(latest_date(archive, agreements), zone),
        )

    def summary(self, document: Document) -> str:
        """A document's summary: its own, or, where its body is in the cache's packs, made again
        from that (load.py keeps it there only)."""
        if document.summary or document.body_ref is None or self.bodies is None:
            return document.summary
        return summarise(self.body_html(document))

    def body_html(self, document: Document) -> str:
        """A document's body as its page shows it, before its links are completed: from memory,
        or from the cache's packs."""
        if document.body_ref is None or self.bodies is None:
            return document.body_html
        return self.bodies.read(document.body_ref)

    def check_templates(self, names: Iterable[str]) -> list[Problem]:
        """Load every template the pages need, so a missing or broken one is found before writing."""
        problems = []
        for name in sorted(set(names)):
            try:
                self.env.get_template(name)
            except jinja2.TemplateSyntaxError as exc:
                problems.append(self._syntax_problem(exc))
            except jinja2.TemplateNotFound as exc:
                missing = exc.name if isinstance(exc.name, str) else name
                where = ", ".join(str(d) for d in self.dirs) or "no template directory"
                problems.append(Problem(
                    f"templates/{missing}", 0, "", f"template not found (looked in {where})",
                    "restore it from mouarchive's default templates, or add your own",
                ))
        return problems

    def render_files(self, page: Page) -> list[tuple[str, bytes]]:
        """Every file the page writes (Page.outputs), as (output path, bytes)."""
        return [(page.output, self.render(page)),
                *((output, self.citation_file(page.subject, kind)) for kind, output in page.files)]

    def citation_file(self, record: Any, kind: CitationFile) -> bytes:
        """A record's citation in one of the forms a reference manager imports."""
        item = self.csl_item(record)
        if kind is CitationFile.CSL_JSON:
            return csl_json([item])
        return bibtex(item) if kind is CitationFile.BIBTEX else ris(item)

    def render(self, page: Page) -> bytes:
        """The page's bytes; raises TemplateError naming the template, line and page."""
        prefix = language_prefix(page.lang, self.config.languages)

        def page_link(url: str) -> str:
            """A link from this page to the page at the site-relative `url`, as it is."""
            if page.absolute_links:
                return self.config.base_path + url
            return relative(page.url, url)

        def link(target: Any) -> str:
            """A link to a record or a page, in this page's interface language."""
            url = target if isinstance(target, str) else Urls.of(target)
            return page_link(localised(url, prefix, self.shared))

        env = self.envs[page.lang]

        # The way up from this page to the site's root, which every link from it starts with
        # (pages.relative); `link('')`, the root itself, is that or "./".
        up = self.config.base_path if page.absolute_links else "../" * page.url.count("/")
        root = page_link("")

        made: list[int] = [0]  # markers made while rendering a fragment

        def shared_link(target: Any) -> str:
            """A link as `link` makes it, with the way up to the root left as a marker."""
            made[0] += 1
            url = target if isinstance(target, str) else Urls.of(target)
            return ROOT + (localised(url, prefix, self.shared) or ROOT_ITSELF)

        archive = self.archive

        def fragment(name: str, key: str, **values: Any) -> Markup:
            """A piece many pages show (an agreement's entry in a list or a feed), rendered once
            and reused on every page in the same language, its links completed for each page:
            lists are most of the rendering work."""
            cache_key = (name, key, tuple(sorted((k, v) for k, v in values.items() if isinstance(v, str))),
                         page.lang)
            # A fragment is made from the records given and the vocabularies: the same objects
            # (records are immutable) make the same fragment, in this build or a later one (a
            # call site passes its values in one order).
            made_from = (archive.parties, archive.topics, *values.values()) if self._checked else ()
            entry = self._fragments.get(cache_key)
            found = entry[1] if entry is not None and len(entry[0]) == len(made_from) and all(
                a is b or (type(a) is str and a == b) for a, b in zip(entry[0], made_from, strict=True)) \
                else None
            if found is not None:
                self._fragments.move_to_end(cache_key)
            else:
                made[0] = 0
                found = env.get_template(name).render(link=shared_link, absolute=absolute, **values)
                if found.count(ROOT) != made[0]:
                    # The text itself holds the marker (a YAML escape can write one): render this
                    # one for this page alone.
                    return Markup(env.get_template(name).render(link=link, absolute=absolute, **values))
                self._fragments[cache_key] = (made_from, found)
                self._fragments.move_to_end(cache_key)  # (one made again keeps its place else)
                if len(self._fragments) > FRAGMENT_LIMIT:
                    self._fragments.popitem(last=False)
            return Markup(found.replace(ROOT + ROOT_ITSELF, root).replace(ROOT, up))

        def absolute(target: Any) -> str:
            url = target if isinstance(target, str) else Urls.of(target)
            return self.config.base_url + localised(url, prefix, self.shared)

        if page.kind is Kind.JSON:
            return agreements_json(self.archive, absolute, self.config.title, self._pieces,
                                   self.open_data(prefix, absolute))
        if page.kind is Kind.CSV:
            return agreements_csv(self.archive, absolute, self._pieces, self.open_data(prefix, absolute))
        if page.kind is Kind.CSL:
            return agreements_csl(self.archive, absolute, self.config.title, self._pieces,
                                  self.open_data(prefix, absolute))
        site = self.config.in_language(page.lang)
        # The page for a reader of each language (hreflang), and the interface languages to switch to.
        alternates = [(lang, self.config.base_url + url) for lang, url in page.alternates]
        versions = dict(page.alternates)
        switch = [(lang, language_name(lang, lang), page_link(versions[lang]), lang == page.lang)
                  for lang in self.config.languages if lang in versions]
        try:
            template = env.get_template(page.template)

            def json_ld() -> Markup:
                return _to_json(page_graph(page, self.archive, absolute, site.title, self.summary))

            text = template.render(page=page, link=link, absolute=absolute, json_ld=json_ld,
                                   citation=self.citation(page, page_link), fragment=fragment,
                                   alternates=alternates, language_switch=switch,
                                   page_path=page.url.removeprefix(prefix))
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(self._syntax_problem(exc)) from exc
        except jinja2.TemplateNotFound as exc:
            raise TemplateError(Problem(f"templates/{exc.name}", 0, "", "template not found",
                                          "restore it, or add your own")) from exc
        except Exception as exc:
            raise TemplateError(self._runtime_problem(exc, page)) from exc
        return text.encode("utf-8")

    def csl_item(self, record: Agreement | Document) -> dict[str, Any]:
        """The record's citation as CSL-JSON, naming its address in the first language: the same
        in every interface, as the open data is."""
        return csl_item(record, self.archive, lambda r: self.config.base_url + Urls.of(r), self.config.title)

    def citation(self, page: Page, page_link: Any) -> Citation | None:
        """What an agreement's or a document's page shows and says of its citation."""
        if page.kind not in RECORD_PAGES:
            return None
        item = self.csl_item(page.subject)
        source = page.subject.source if isinstance(page.subject, Document) else None
        files = tuple((kind, page_link(Urls.of(page.subject) + kind.value)) for kind in CITATION_FILES)
        return Citation(item["URL"], formatted_citation(item, page.lang), tuple(meta_tags(item, source)),
                        files)

    def prepare_citation(self, page: Page) -> None:
        """Make ahead what the page's citation will take to format (citations.prepare_citation)."""
        if page.kind in RECORD_PAGES:
            prepare_citation(self.csl_item(page.subject), page.lang)

    def _display(self, filename: str | None, name: str | None) -> str:
        if filename:
            # Resolved on both sides: with `--site .` the loader's file names are relative.
            path = Path(filename).resolve()
            for d in self.dirs:
                if path.is_relative_to(d.resolve()):
                    return f"{d.name}/{path.relative_to(d.resolve()).as_posix()}"
            return path.as_posix()
        return f"templates/{name}"

    def _syntax_problem(self, exc: jinja2.TemplateSyntaxError) -> Problem:
        return Problem(self._display(exc.filename, exc.name), exc.lineno or 0, "",
                       f"template syntax: {exc.message}", "fix the template at this line")

    def _runtime_problem(self, exc: Exception, page: Page) -> Problem:
        """Name the innermost template frame of the traceback, which Jinja maps to template lines."""
        where, line = f"templates/{page.template}", 0
        template_dirs = [d.resolve() for d in self.dirs]
        for frame, lineno in traceback.walk_tb(sys.exc_info()[2]):
            filename = frame.f_code.co_filename
            if filename.startswith("<"):
                continue
            if any(Path(filename).resolve().is_relative_to(d) for d in template_dirs):
                where, line = self._display(filename, None), lineno
        about = f" (from {page.source})" if page.source else ""
        return Problem(where, line, "", f"while rendering /{page.url}{about}: "
                       f"{type(exc).__name__}: {exc}", "fix the template at this line")
