"""The full-text search index: Pagefind run over the written site, before it is swapped in."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from .errors import BuildError, ExitCode, Problem
from .write import link_tree

BUNDLE = "pagefind"  # the index's directory inside the site; static/search.js looks for it there


def index_site(site: Path, unchanged_from: Path | None = None) -> None:
    """Index `site` with Pagefind (the PyPI package ships the binary); raise BuildError on failure.

    When no page changed since the site in `unchanged_from`, its index is kept instead: Pagefind's
    filter files are not byte-stable between runs (upstream issue #638), so re-running it would
    change files that a host would then upload again for nothing.
    """
    if unchanged_from is not None and (unchanged_from / BUNDLE / "pagefind.js").is_file():
        link_tree(unchanged_from / BUNDLE, site / BUNDLE)
        return
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
