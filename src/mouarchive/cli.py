"""The `mouarchive` command: build and check a site; problems as `path:line: field: message`."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__, warm_client
from .exits import ExitCode
from .kinds import KINDS

# The rest is imported by the commands that use it: a build the engine kept warm answers imports
# only what asking it takes (warm_client.py), 20 ms of imports where the rest took 56-74 ms.
if TYPE_CHECKING:
    from rich.console import Console

    from .config import SiteConfig
    from .errors import Problem
    from .report import BuildReport

EXIT_CODES = """exit codes:
  0  success
  1  the content has errors (or warnings, with --strict)
  2  bad command line or configuration
  3  a template is missing or failed
  4  the site could not be written (disk full, permissions)"""


class Output:
    """What a command says, on standard error: lines of plain text as they are, and rich's
    Console for problems in colour, a progress bar or a question, made at its first use. A build
    the warm engine answers says one line, and importing rich was 27 ms of its 0.3 s
    (`python -X importtime -c "import mouarchive.cli"`)."""

    def __init__(self) -> None:
        self._rich: Console | None = None

    @property
    def rich(self) -> Console:
        if self._rich is None:
            from rich.console import Console

            # Colour on a terminal, plain text in a pipe or a file; never soft-wrap paths.
            self._rich = Console(stderr=True, highlight=False, soft_wrap=True)
        return self._rich

    def print(self, text: str) -> None:
        """`text` and a new line, as it is: no markup read in it (a path may hold brackets)."""
        if self._rich is not None:  # after what rich wrote, through it
            self._rich.print(text, markup=False, emoji=False)
        else:
            sys.stderr.write(f"{text}\n")
            sys.stderr.flush()


def print_problems(problems: Sequence[Problem], console: Output) -> None:
    """Every problem, errors and warnings sorted by file and line, then a count."""
    if not problems:
        return
    from rich.text import Text

    from .report import plural

    for problem in problems:
        where = f"{problem.path}:{problem.line}" if problem.line else problem.path
        text = Text()
        text.append(where + ":", style="bold")
        if problem.is_error:
            text.append(" error:", style="bold red")
        elif problem.severity == "note":
            text.append(" note:", style="bold blue")
        else:
            text.append(" warning:", style="bold yellow")
        if problem.field:
            text.append(f" {problem.field}:", style="cyan")
        text.append(f" {problem.message}")
        if problem.hint:
            text.append(f"\n    hint: {problem.hint}", style="dim")
        console.rich.print(text)
    errors = sum(p.is_error for p in problems)
    notes = sum(p.severity == "note" for p in problems)
    warnings = len(problems) - errors - notes
    files = len({p.path for p in problems})
    noted = f", {plural(notes, 'note')}" if notes else ""
    console.rich.print(Text(f"{plural(errors, 'error')}, {plural(warnings, 'warning')}{noted} "
                            f"in {plural(files, 'file')}", style="bold"))


def _overrides(args: argparse.Namespace) -> dict[str, str | bool]:
    """The settings the command line gives, over mouarchive.toml's."""
    overrides: dict[str, str | bool] = {}
    for option, setting in warm_client.SETTING_OPTIONS.items():
        if value := getattr(args, _attribute(option), None):
            overrides[setting] = value
    for option, (setting, value) in warm_client.SETTING_SWITCHES.items():
        if getattr(args, _attribute(option), False):
            overrides[setting] = value
    return overrides


def _attribute(option: str) -> str:
    """Where argparse keeps an option's value: `--base-url` in `base_url`."""
    return option.removeprefix("--").replace("-", "_")


def _config(args: argparse.Namespace) -> SiteConfig:
    from .config import load_config

    return load_config(Path(args.site), _overrides(args))


def cmd_build(args: argparse.Namespace, console: Output) -> int:
    # The last build's engine, if it is kept warm, first: it holds the content's digests and the
    # current manifest, which this command would read (0.2 s at 10,000 documents).
    if not args.force:
        answer = warm_client.ask(args.site, _overrides(args), args.drafts)
        if answer is not None:
            return answered(answer, args.strict, console)
    from zoneinfo import ZoneInfo

    from .cache import BuildCache
    from .clock import current_time
    from .report import build_summary, unchanged_report
    from .sources import source_digests

    config = _config(args)
    started = time.perf_counter()
    now = current_time(ZoneInfo(config.timezone))
    cache = BuildCache(config.output, enabled=not args.force)
    memo = cache.digest_memo(config.content)
    sources = source_digests(config.content, config.content_dir, memo)
    if memo.changed:
        cache.save_digest_memo(config.content, memo)
    # A site with nothing to do answers before what builds is imported: those imports alone
    # took 0.43 s, as long as the rest of the answer at 10,000 documents.
    report = None if args.force else unchanged_report(config, cache, sources, now, args.drafts, started)
    if report is None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        from .engine import build_site

        if console.rich.is_terminal:  # a progress bar on a terminal only: a pipe or a log gets the summary
            with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                          TimeElapsedColumn(), console=console.rich, transient=True) as bar:
                task = bar.add_task("reading and indexing the content", total=None)

                def progress(stage: str, done: int, total: int) -> None:
                    bar.update(task, description=f"{stage}ing pages", completed=done, total=total)

                report = build_site(config, force=args.force, drafts=args.drafts, progress=progress,
                                    now=now, sources=sources, cache=cache, linger=args.linger)
        else:
            report = build_site(config, force=args.force, drafts=args.drafts, now=now, sources=sources,
                                cache=cache, linger=args.linger)
    print_problems(report.warnings, console)
    if args.strict and report.warnings:
        return ExitCode.CONTENT
    console.print(build_summary(report, str(config.output)))
    return ExitCode.OK


def answered(answer: dict[str, Any], strict: bool, console: Output) -> int:
    """What the warm engine answered (warm_client.ask), said as cmd_build says a build."""
    if answer["warnings"]:
        from .errors import Problem

        print_problems([Problem(*fields) for fields in answer["warnings"]], console)
        if strict:
            return ExitCode.CONTENT
    console.print(answer["summary"])
    return ExitCode.OK


def cmd_check(args: argparse.Namespace, console: Output) -> int:
    from .build import inspect_site
    from .report import plural
    from .review import review_archive

    config = _config(args)
    plan, problems = inspect_site(config, drafts=args.drafts)
    archive, pages = plan.archive, plan.pages
    if not problems.errors:  # with errors, documents are missing and the review would mislead
        problems.extend(review_archive(archive, config.content_dir))  # editorial: check only
        if args.external:
            from .link_check import check_external  # the crawler is loaded only when asked for

            problems.extend(check_external(archive, console.print))
    print_problems(problems.items, console)
    if problems.errors or (args.strict and problems.warnings):
        return ExitCode.CONTENT
    for note in plan.notes:
        console.print(note)
    console.print(f"checked {plural(len(archive.documents), 'document')} about "
                  f"{plural(len(archive.agreements), 'agreement')}: {plural(len(pages), 'page')} "
                  "would be built")
    return ExitCode.OK


def cmd_new(args: argparse.Namespace, console: Output) -> int:
    from .new_document import run_new  # like import, loaded only by the command that needs it

    return run_new(args, console.rich)


def cmd_serve(args: argparse.Namespace, console: Output) -> int:
    from .report import plural
    from .serve import serve  # the dev server's imports are not needed by other commands

    config = _config(args)

    def report(result: BuildReport | None, problems: tuple[Problem, ...]) -> None:
        print_problems(problems, console)
        if result is not None:
            for note in result.notes:
                console.print(note)
            console.print(f"rebuilt: {plural(result.pages, 'page')}, {result.changed} changed, "
                          f"in {result.seconds:.2f} s")
        else:
            console.print("the last good site is still being served")

    serve(config, args.host, args.port, report, console.print)
    return ExitCode.OK


def cmd_import(args: argparse.Namespace, console: Output) -> int:
    from .importer import run_import  # dateparser is loaded only by the command that needs it

    return run_import(args.source, Path(args.site), args.output, args.dry_run, console.rich, args.add_parties)


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mouarchive",
        description="Build a static website from an archive of memoranda of understanding "
                    "and the documents about them.",
        epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"mouarchive {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def site_options(p: argparse.ArgumentParser) -> None:
        p.add_argument(warm_client.SITE_OPTION, default=warm_client.DEFAULT_SITE, metavar="DIR",
                       help="the site directory, holding mouarchive.toml and content/ (default: .)")
        p.add_argument(warm_client.STRICT_SWITCH, action="store_true", help="treat warnings as errors")

    def writing_options(p: argparse.ArgumentParser, what: str) -> None:  # import and new
        p.add_argument(warm_client.SITE_OPTION, default=warm_client.DEFAULT_SITE, metavar="DIR",
                       help="the site directory, holding mouarchive.toml and content/ (default: .)")
        p.add_argument("--output", metavar="PATH",
                       help=f"write the {what} here (default: content/<year>/<slug>.md)")
        p.add_argument("--dry-run", action="store_true", help=f"print the {what} instead of writing it")

    build = commands.add_parser(
        "build", help="build the site into site/ (or --output)", epilog=EXIT_CODES,
        description="Read content/, check it, and write the static site. The new site is "
                    "written beside the old one and swapped in only when complete.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    site_options(build)
    output, base_url = warm_client.SETTING_OPTIONS  # (the settings they give: warm_client.py)
    build.add_argument(output, metavar="DIR", help="write the site here (default: site)")
    build.add_argument(base_url, metavar="URL", help="the URL the site is served from")
    build.add_argument("--force", action="store_true",
                       help="ignore the cache: parse every document and render every page")
    (no_search,) = warm_client.SETTING_SWITCHES
    build.add_argument(no_search, action="store_true",
                       help="skip the full-text search index (faster; the search page will say so)")
    build.add_argument(warm_client.DRAFTS_SWITCH, action="store_true",
                       help="a preview: include drafts and documents under embargo, marked as such")
    build.set_defaults(run=cmd_build)

    check = commands.add_parser(
        "check", help="check the content without writing anything", epilog=EXIT_CODES,
        description="Report every problem the build would report, and the warnings, "
                    "without writing a site. Once there are no errors, also warn about what an "
                    "editor should look at: a document without source, an agreement without signing "
                    "date, a party without a Chinese name, a topic only one document uses.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    site_options(check)
    check.add_argument("--drafts", action="store_true",
                       help="check as a preview build would build: drafts and embargoed documents included")
    check.add_argument("--external", action="store_true",
                       help="also check that the documents' source: and archived: and the agreements' "
                            "text: addresses answer (over the network, politely): a source that is "
                            "gone (404, 410, no such host) is an error unless the document keeps an "
                            "archived copy (then a note); anything else is a warning")
    check.set_defaults(run=cmd_check)

    serve = commands.add_parser(
        "serve", help="build, serve on 127.0.0.1 and rebuild on every change",
        description="Build the site into a temporary directory, serve it, watch content/, "
                    "templates/, static/ and mouarchive.toml, rebuild on every change and reload "
                    "open pages. A change that does not build shows its problems in the terminal "
                    "and over the page, while the last good site stays served. Drafts and "
                    "documents under embargo are shown, marked as previews.",
        epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    site_options(serve)
    serve.add_argument("--port", type=int, default=8000, help="the port (default: 8000; 0 picks a free one)")
    serve.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)")
    serve.add_argument("--no-search", action="store_true", help="skip the search index for faster rebuilds")
    serve.set_defaults(run=cmd_serve)

    draft = commands.add_parser(
        "import", help="draft a document from the text of a press release or news item",
        description="Read the text, Markdown or HTML (a file, a URL or standard input) of a press "
                    "release or news item and write a "
                    "draft document to content/<year>/<slug>.md, each field it could not determine "
                    "marked '# REVIEW:'. Never overwrites a file.",
        epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    draft.add_argument("source", metavar="FILE|URL|-",
                       help="the release: a text, Markdown or HTML file, an http(s) URL, or - for "
                            "standard input")
    writing_options(draft, "draft")
    draft.add_argument("--add-parties", action="store_true",
                       help="append the parties it proposes to parties.yaml, each marked for review, "
                            "and name them in the draft's agreement")
    draft.set_defaults(run=cmd_import)

    new = commands.add_parser(
        "new", help="start a new document from flags or short prompts",
        description="Write a new document to content/<year>/<slug>.md (the year it was published, "
                    "else signed). Parties and topics are names from parties.yaml and topics.yaml. "
                    "With --agreement ID of an agreement in the archive the document refers to it, "
                    "unless --parties or --signed give facts to state; a new agreement needs "
                    "--parties. On a terminal, what is missing is asked for; in a pipe, a missing "
                    "--title is an error. Never overwrites a file; prints the path written.",
        epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    new.add_argument("--title", help="the headline as published (required)")
    new.add_argument("--kind", metavar="KIND", help=f"one of {', '.join(KINDS)} (default: press-release)")
    new.add_argument("--published", metavar="DATE", help="YYYY-MM-DD, YYYY-MM or YYYY")
    new.add_argument("--publisher", metavar="P", help="a party, or free text such as a news outlet")
    new.add_argument("--source", metavar="URL", help="the original's address")
    new.add_argument("--topics", metavar="A,B", help="topics by id, name or alias, comma-separated")
    new.add_argument("--agreement", metavar="ID", help="the agreement's id, in the archive or new")
    new.add_argument("--parties", metavar="A,B",
                     help="the agreement's parties by id, name, acronym or alias, comma-separated")
    new.add_argument("--signed", metavar="DATE", help="when the agreement was signed")
    new.add_argument("--lang", metavar="TAG", help="the document's language: en, zh-Hant or zh-Hans "
                                                   "(default: the site's)")
    new.add_argument("--translation-of", metavar="PATH",
                     help="the document under content/ this one is a version of in another language "
                          "(needs --lang); it goes beside it, e.g. 2023/fsdc-caict-mou.zh-hant.md, "
                          "about the same agreement")
    writing_options(new, "document")
    new.set_defaults(run=cmd_new)
    return parser


def main(argv: Sequence[str] | None = None, exits: bool = False) -> int:
    """Run the command line; returns the exit code. `exits`: the process exits at once after (run),
    so what a build holds in memory need not be freed."""
    parser = make_parser()
    args = parser.parse_args(argv)
    args.linger = exits
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return ExitCode.USAGE
    console = Output()
    try:
        return int(args.run(args, console))
    except KeyboardInterrupt:
        console.print("interrupted; the previous site is unchanged")
        return 130
    except Exception as exc:
        from .errors import BuildError  # (only now: see the imports above)

        if not isinstance(exc, BuildError):
            raise
        print_problems(exc.problems, console)
        if exc.code is ExitCode.CONTENT:
            console.print("nothing was written; the previous site is unchanged")
        return int(exc.code)


def run(argv: Sequence[str] | None = None) -> None:
    """The command as a program: main(), then exit at once.

    Python would otherwise free every record of the archive one by one at exit: most of a second
    after a build of 10,000 documents, for memory the system takes back anyway. Nothing is left to
    flush by then (the cache and the site are written, the files closed) but the output streams.
    """
    code = main(argv, exits=True)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    run()
