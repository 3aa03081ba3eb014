"""The command's exit codes, apart from errors.py so that a build the warm engine answers need not
import what describes a problem (warm_client.py)."""

from enum import IntEnum


class ExitCode(IntEnum):
    """The process exit codes, documented in docs/editing.md (exit codes) and in `--help`."""

    OK = 0
    CONTENT = 1  # the content has errors (or warnings, with --strict)
    USAGE = 2  # bad command line or configuration
    TEMPLATE = 3  # a template is missing or fails while rendering
    OUTPUT = 4  # the site could not be written (disk full, permissions)
