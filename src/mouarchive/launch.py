"""The `mouarchive` command's first step. A build the engine kept warm can answer (warm.py) is
asked for before the command line's parser, or anything else, is imported: Python's start and
cli.py's imports were 41 ms of the 0.23 s a title edit took at 1,000 documents, and Python's start
and what asking imports are 18 ms (benchmarks/RESULTS.md, issue 12). Anything else is cli.py's."""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence


def run(argv: Sequence[str] | None = None) -> None:
    """`mouarchive ARGS`: a build asked of the engine kept warm, where the arguments are a build's
    it can answer (warm_client.quick_request) and there is one; else the command line (cli.run)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments[:1] == ["build"]:
        from . import warm_client

        request = warm_client.quick_request(arguments[1:])
        answer = request and warm_client.ask(*request[:3])
        if answer:
            if answer["warnings"]:  # said as the command says them (in colour on a terminal)
                from .cli import Output, answered

                code = answered(answer, request[3], Output())
            else:
                sys.stderr.write(f"{answer['summary']}\n")
                code = 0
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(code)  # as cli.run exits
    from .cli import run as command_line

    command_line(arguments)
