"""The full-text search index: Pagefind run over the written site, before it is swapped in."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from .errors import BuildError, ExitCode, Problem

BUNDLE = "pagefind"  # the index's directory inside the site; static/search.js looks for it there


def index_site(site: Path) -> None:
    """Index `site` with Pagefind (the PyPI package ships the binary); raise BuildError on failure."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", BUNDLE,
               "--silent"]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise _failure(f"could not run Pagefind: {exc}") from exc
    if result.returncode != 0 or not (site / BUNDLE / "pagefind.js").exists():
        shutil.rmtree(site / BUNDLE, ignore_errors=True)
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise _failure("Pagefind failed: " + (detail[-1] if detail else f"exit {result.returncode}"))


def _failure(message: str) -> BuildError:
    return BuildError([Problem("search index", 0, "", message,
                               "reinstall with `make site` (it installs pagefind), or build with "
                               "--no-search")], ExitCode.OUTPUT)
