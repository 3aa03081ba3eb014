"""Where a site's settings and the cache beside its output are, by name: what `mouarchive build`
reads before it imports anything else, to find the engine kept warm (warm_client.py)."""

from __future__ import annotations

from pathlib import Path

CONFIG_NAME = "mouarchive.toml"
DEFAULT_OUTPUT_DIR = "site"


def cache_path(output: Path) -> Path:
    """Beside the output, like the spare site, so a build writes nothing among the sources."""
    output = output.absolute()
    return output.parent / f".{output.name}.cache"
