"""The site's settings: one small TOML file read once into a frozen SiteConfig, passed explicitly."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import BuildError, ExitCode, Problem

CONFIG_NAME = "mouarchive.toml"


@dataclass(frozen=True)
class SiteConfig:
    """Site settings with sensible defaults; every path is relative to `root`."""

    root: Path = Path(".")
    title: str = "MOU Archive"
    description: str = "An archive of memoranda of understanding and the documents about them."
    base_url: str = "https://example.org/"
    language: str = "en"
    timezone: str = "Asia/Hong_Kong"
    per_page: int = 50
    search: bool = True  # build the Pagefind full-text index
    workers: int = 0  # processes for parsing and rendering; 0 means one per core
    content_dir: str = "content"
    output_dir: str = "site"
    templates_dir: str = "templates"
    static_dir: str = "static"

    @property
    def content(self) -> Path:
        return self.root / self.content_dir

    @property
    def output(self) -> Path:
        return self.root / self.output_dir

    @property
    def templates(self) -> Path:
        return self.root / self.templates_dir

    @property
    def static(self) -> Path:
        return self.root / self.static_dir

    @property
    def base_path(self) -> str:
        """The path part of base_url, e.g. '/archive/' for https://example.org/archive/."""
        return urlsplit(self.base_url).path or "/"


_SETTABLE = {f.name: f.type for f in fields(SiteConfig) if f.name != "root"}


def load_config(root: Path, overrides: dict[str, object] | None = None) -> SiteConfig:
    """Read `root/mouarchive.toml` if present, apply command-line overrides, and check the values."""
    path = root / CONFIG_NAME
    settings: dict[str, object] = {}
    problems: list[Problem] = []
    if path.exists():
        try:
            settings = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise BuildError([Problem(CONFIG_NAME, _toml_line(exc), "", f"not valid TOML: {exc}",
                                      "fix the syntax; see the README's configuration section")],
                             ExitCode.USAGE) from exc
    settings.update(overrides or {})
    for key, value in settings.items():
        if key not in _SETTABLE:
            known = ", ".join(sorted(_SETTABLE))
            problems.append(Problem(CONFIG_NAME, 0, key, "unknown setting", f"known settings: {known}"))
        elif _SETTABLE[key] == "int" and (not isinstance(value, int) or isinstance(value, bool)):
            problems.append(Problem(CONFIG_NAME, 0, key, f"expected a whole number, got {value!r}"))
        elif _SETTABLE[key] == "bool" and not isinstance(value, bool):
            problems.append(Problem(CONFIG_NAME, 0, key, f"expected true or false, got {value!r}"))
        elif _SETTABLE[key] == "str" and not isinstance(value, str):
            problems.append(Problem(CONFIG_NAME, 0, key, f"expected text, got {value!r}"))
    if problems:
        raise BuildError(problems, ExitCode.USAGE)
    config = replace(SiteConfig(root=root), **settings)  # type: ignore[arg-type]
    parts = urlsplit(config.base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        problems.append(Problem(CONFIG_NAME, 0, "base_url", f"'{config.base_url}' is not an absolute "
                                "http(s) URL", "write it like https://example.org/archive/"))
    try:
        ZoneInfo(config.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        problems.append(Problem(CONFIG_NAME, 0, "timezone", f"unknown time zone '{config.timezone}'",
                                "use a name from the tz database, e.g. Asia/Hong_Kong"))
    if config.per_page < 1:
        problems.append(Problem(CONFIG_NAME, 0, "per_page", "must be at least 1"))
    if problems:
        raise BuildError(problems, ExitCode.USAGE)
    if not config.base_url.endswith("/"):
        config = replace(config, base_url=config.base_url + "/")
    return config


def _toml_line(exc: Exception) -> int:
    # TOMLDecodeError has `lineno` from Python 3.14; before, the line is only in the message.
    if getattr(exc, "lineno", 0):
        return int(exc.lineno)  # type: ignore[attr-defined]
    match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
    return int(match.group(1)) if match else 0
