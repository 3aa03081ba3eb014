"""The full-text search index: Pagefind run over the written site, before it is swapped in."""

from __future__ import annotations

import subprocess
import sys

from .errors import BuildError, ExitCode, Problem
from .write import Staging

BUNDLE = "pagefind"  # the index's directory inside the site; static/search.js looks for it there


def index_site(staging: Staging, pages_changed: bool, language: str | None = None) -> None:
    """Index the new site with Pagefind (the PyPI package ships the binary); raise BuildError if it fails.

    With `language`, every page goes into one index in that language (see i18n.search_language);
    without, Pagefind makes an index for each page language it finds.

    When no page changed, the previous index is kept as it is: Pagefind's filter files are not
    byte-stable between runs (upstream issue #638), so running it again would change files that a
    host would then upload again for nothing.
    """
    bundle = staging.path / BUNDLE
    if not pages_changed and (bundle / "pagefind.js").is_file() and staging.keep_tree(BUNDLE):
        return
    staging.remove_tree(BUNDLE)
    command = [sys.executable, "-m", "pagefind", "--site", str(staging.path), "--output-subdir", BUNDLE,
               "--silent", *(["--force-language", language] if language else [])]
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise _failure(f"could not run Pagefind: {exc}") from exc
    if result.returncode != 0 or not (bundle / "pagefind.js").exists():
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise _failure("Pagefind failed: " + (detail[-1] if detail else f"exit {result.returncode}"))
    staging.adopt_tree(BUNDLE)


def _failure(message: str) -> BuildError:
    return BuildError([Problem("search index", 0, "", message,
                               "reinstall with `make site` (it installs pagefind), or build with "
                               "--no-search")], ExitCode.OUTPUT)
