"""The `mouarchive` command: build and check a site; problems as `path:line: field: message`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from rich.console import Console
from rich.text import Text

from . import __version__
from .build import BuildReport, build_site, check_site
from .config import load_config
from .errors import BuildError, ExitCode, Problem

EXIT_CODES = """exit codes:
  0  success
  1  the content has errors (or warnings, with --strict)
  2  bad command line or configuration
  3  a template is missing or failed
  4  the site could not be written (disk full, permissions)"""


def _console() -> Console:
    # Colour on a terminal, plain text in a pipe or a file; never soft-wrap paths.
    return Console(stderr=True, highlight=False, soft_wrap=True)


def print_problems(problems: Sequence[Problem], console: Console) -> None:
    """Every problem, errors and warnings sorted by file and line, then a count."""
    for problem in problems:
        where = f"{problem.path}:{problem.line}" if problem.line else problem.path
        text = Text()
        text.append(where + ":", style="bold")
        if problem.is_error:
            text.append(" error:", style="bold red")
        else:
            text.append(" warning:", style="bold yellow")
        if problem.field:
            text.append(f" {problem.field}:", style="cyan")
        text.append(f" {problem.message}")
        if problem.hint:
            text.append(f"\n    hint: {problem.hint}", style="dim")
        console.print(text)
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    files = len({p.path for p in problems})
    if problems:
        console.print(Text(f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')} "
                           f"in {_plural(files, 'file')}", style="bold"))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _config(args: argparse.Namespace):
    overrides: dict[str, object] = {}
    if getattr(args, "output", None):
        overrides["output_dir"] = args.output
    if getattr(args, "base_url", None):
        overrides["base_url"] = args.base_url
    if getattr(args, "no_search", False):
        overrides["search"] = False
    return load_config(Path(args.site), overrides)


def cmd_build(args: argparse.Namespace, console: Console) -> int:
    config = _config(args)
    report = build_site(config)
    print_problems(report.warnings, console)
    if args.strict and report.warnings:
        return ExitCode.CONTENT
    console.print(
        f"built {_plural(report.documents, 'document')} about "
        f"{_plural(report.agreements, 'agreement')}: {_plural(report.pages, 'page')}, "
        f"{_plural(report.files, 'file')} ({report.changed} changed) in {report.seconds:.2f} s "
        f"-> {config.output}"
    )
    return ExitCode.OK


def cmd_check(args: argparse.Namespace, console: Console) -> int:
    config = _config(args)
    archive, pages, problems = check_site(config)
    print_problems(problems.items, console)
    if problems.errors or (args.strict and problems.warnings):
        return ExitCode.CONTENT
    console.print(f"checked {_plural(len(archive.documents), 'document')} about "
                  f"{_plural(len(archive.agreements), 'agreement')}: {_plural(len(pages), 'page')} "
                  "would be built")
    return ExitCode.OK


def cmd_serve(args: argparse.Namespace, console: Console) -> int:
    from .serve import serve  # the dev server's imports are not needed by other commands

    config = _config(args)

    def report(result: BuildReport | None, problems: tuple[Problem, ...]) -> None:
        print_problems(problems, console)
        if result is not None:
            console.print(f"rebuilt: {_plural(result.pages, 'page')}, {result.changed} changed, "
                          f"in {result.seconds:.2f} s")
        else:
            console.print("the last good site is still being served")

    serve(config, args.host, args.port, report, console.print)
    return ExitCode.OK


def cmd_import(args: argparse.Namespace, console: Console) -> int:
    from .importer import run_import  # dateparser is loaded only by the command that needs it

    return run_import(args.source, Path(args.site), args.output, args.dry_run, console)


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
        p.add_argument("--site", default=".", metavar="DIR",
                       help="the site directory, holding mouarchive.toml and content/ (default: .)")
        p.add_argument("--strict", action="store_true", help="treat warnings as errors")

    build = commands.add_parser(
        "build", help="build the site into site/ (or --output)", epilog=EXIT_CODES,
        description="Read content/, check it, and write the static site. The new site is "
                    "written beside the old one and swapped in only when complete.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    site_options(build)
    build.add_argument("--output", metavar="DIR", help="write the site here (default: site)")
    build.add_argument("--base-url", metavar="URL", help="the URL the site is served from")
    build.add_argument("--no-search", action="store_true",
                       help="skip the full-text search index (faster; the search page will say so)")
    build.set_defaults(run=cmd_build)

    check = commands.add_parser(
        "check", help="check the content without writing anything", epilog=EXIT_CODES,
        description="Report every problem the build would report, and the warnings, "
                    "without writing a site.", formatter_class=argparse.RawDescriptionHelpFormatter)
    site_options(check)
    check.set_defaults(run=cmd_check)

    serve = commands.add_parser(
        "serve", help="build, serve on 127.0.0.1 and rebuild on every change",
        description="Build the site into a temporary directory, serve it, watch content/, "
                    "templates/, static/ and mouarchive.toml, rebuild on every change and reload "
                    "open pages. A change that does not build shows its problems in the terminal "
                    "and over the page, while the last good site stays served.",
        epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    site_options(serve)
    serve.add_argument("--port", type=int, default=8000, help="the port (default: 8000; 0 picks a free one)")
    serve.add_argument("--host", default="127.0.0.1", help="the address to listen on (default: 127.0.0.1)")
    serve.add_argument("--no-search", action="store_true", help="skip the search index for faster rebuilds")
    serve.set_defaults(run=cmd_serve)

    draft = commands.add_parser(
        "import", help="draft a document from the text of a press release or news item",
        description="Read the plain text (or Markdown) of a press release or news item and write a "
                    "draft document to content/<year>/<slug>.md, each field it could not determine "
                    "marked '# REVIEW:'. Never overwrites a file.",
        epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    draft.add_argument("source", metavar="FILE|-", help="the text to import; - reads standard input")
    draft.add_argument("--site", default=".", metavar="DIR",
                       help="the site directory, holding mouarchive.toml and content/ (default: .)")
    draft.add_argument("--output", metavar="PATH",
                       help="write the draft here (default: content/<year>/<slug>.md)")
    draft.add_argument("--dry-run", action="store_true", help="print the draft instead of writing it")
    draft.set_defaults(run=cmd_import)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help(sys.stderr)
        return ExitCode.USAGE
    console = _console()
    try:
        return int(args.run(args, console))
    except BuildError as exc:
        print_problems(exc.problems, console)
        if exc.code is ExitCode.CONTENT:
            console.print("nothing was written; the previous site is unchanged")
        return int(exc.code)
    except KeyboardInterrupt:
        console.print("interrupted; the previous site is unchanged")
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
