"""The build, read top to bottom: load -> archive -> pages -> render -> write."""

from __future__ import annotations

import time
from dataclasses import dataclass

from .archive import Archive, build_archive
from .config import SiteConfig
from .errors import BuildError, ExitCode, Problem, Problems
from .load import load_content
from .pages import Page, plan_pages
from .render import Renderer, TemplateError
from .search import index_site
from .write import write_site


@dataclass(frozen=True)
class BuildReport:
    """What a build did, for the summary line."""

    documents: int
    agreements: int
    pages: int
    files: int
    changed: int  # files whose bytes differ from the previous site's
    seconds: float
    warnings: tuple[Problem, ...]


def check_site(config: SiteConfig) -> tuple[Archive, list[Page], Problems]:
    """Load, index and plan everything without writing; every problem is in the collector."""
    problems = Problems()
    content = load_content(config.content, config.language, problems, config.content_dir)
    archive = build_archive(content, problems)
    pages = plan_pages(archive, config.per_page, problems)
    return archive, pages, problems


def build_site(config: SiteConfig) -> BuildReport:
    """Build the site into config.output, or raise BuildError and leave the old site untouched."""
    started = time.perf_counter()
    archive, pages, problems = check_site(config)
    if problems.errors:
        raise BuildError(problems.items, ExitCode.CONTENT)
    renderer = Renderer(config, archive)
    missing = renderer.check_templates(page.template for page in pages if page.template)
    if missing:
        raise BuildError(missing, ExitCode.TEMPLATE)
    try:
        files = [(page.output, renderer.render(page)) for page in pages]
    except TemplateError as exc:
        raise BuildError([exc.problem], ExitCode.TEMPLATE) from exc
    static = [(d / "static", "static") for d in reversed(renderer.dirs)] + [(config.static, "")]
    written = write_site(config.output, files, static, finish=index_site if config.search else None)
    return BuildReport(
        documents=len(archive.documents), agreements=len(archive.agreements), pages=len(pages),
        files=written.files, changed=written.changed, seconds=time.perf_counter() - started,
        warnings=problems.warnings,
    )
