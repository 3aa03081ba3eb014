"""Where a site's settings and the cache beside its output are, by name: what `mouarchive build`
reads before it imports anything else, to find the engine kept warm (warm_client.py). Paths here
are strings: pathlib alone was 6 ms of that command's imports."""

from __future__ import annotations

import os

CONFIG_NAME = "mouarchive.toml"
DEFAULT_OUTPUT_DIR = "site"


def cache_dir(output: str | os.PathLike[str]) -> str:
    """Beside the output, like the spare site, so a build writes nothing among the sources."""
    absolute = os.path.abspath(output)
    return os.path.join(os.path.dirname(absolute), f".{os.path.basename(absolute)}.cache")
