"""The site's settings: one small TOML file read once into a frozen SiteConfig, passed explicitly."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .errors import BuildError, ExitCode, Problem
from .locales import INTERFACE_LOCALES
from .locations import CONFIG_NAME, DEFAULT_OUTPUT_DIR

INTERFACE_LANGUAGES = tuple(INTERFACE_LOCALES)  # English, and those with a message catalogue
LANGUAGE_TEXTS = ("title", "description")  # what a [zh-Hant] table may say in that language
CMARK_GFM = "cmark-gfm"
PYTHON_MARKDOWN = "python-markdown"
MARKDOWN_ENGINES = (CMARK_GFM, PYTHON_MARKDOWN)


@dataclass(frozen=True)
class SiteText:
    """The site's title and description in one interface language (a `[zh-Hant]` table)."""

    language: str
    title: str | None = None
    description: str | None = None


@dataclass(frozen=True)
class MarkdownEngine:
    """Which Markdown engine makes document bodies HTML, with Python-Markdown's extensions.

    A plain value, handed by the loader to each document's reader (documents.py) and so to
    markup.render_markdown; it is part of the key of the cache's parsed documents (build.py), so a
    body rendered by one engine is never reused under the other.
    """

    name: str = CMARK_GFM
    extensions: tuple[str, ...] = ()  # Python-Markdown's, by the names it accepts ("tables", ...)


DEFAULT_MARKDOWN = MarkdownEngine()  # cmark-gfm, for its speed (see markup.py)


@dataclass(frozen=True)
class SiteConfig:
    """Site settings with sensible defaults; every path is relative to `root`."""

    root: Path = Path(".")
    title: str = "MOU Archive"
    description: str = "An archive of memoranda of understanding and the documents about them."
    base_url: str = "https://example.org/"
    language: str = "en"
    # The interface languages: the first at the site's root, each other under /<tag>/ (see pages.py).
    languages: tuple[str, ...] = ("en",)
    texts: tuple[SiteText, ...] = ()  # the title and description in other interface languages
    timezone: str = "Asia/Hong_Kong"
    per_page: int = 50
    search: bool = True  # build the Pagefind full-text index
    workers: int = 0  # processes for parsing and rendering; 0 means one per core
    keep_warm: int = 0  # seconds `mouarchive build`'s engine waits in memory for the next build (warm.py)
    markdown: MarkdownEngine = DEFAULT_MARKDOWN  # `markdown` and `markdown_extensions` in the file
    content_dir: str = "content"
    output_dir: str = DEFAULT_OUTPUT_DIR
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

    def in_language(self, lang: str) -> SiteConfig:
        """These settings with the title and description in `lang`, where the config gives them."""
        for text in self.texts:
            if text.language == lang:
                return replace(self, title=text.title or self.title,
                               description=text.description or self.description)
        return self


# Settings read by a function of their own (below), and so not by their field's type.
_READ_APART = ("languages", "markdown", "markdown_extensions")
_SETTABLE = {f.name: f.type for f in fields(SiteConfig) if f.name not in ("root", "texts", *_READ_APART)}


def load_config(root: Path, overrides: dict[str, object] | None = None) -> SiteConfig:
    """Read `root/mouarchive.toml` if present, apply command-line overrides, and check the values."""
    path = root / CONFIG_NAME
    settings: dict[str, object] = {}
    problems: list[Problem] = []
    if path.exists():
        try:
            settings = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise BuildError([Problem(CONFIG_NAME, toml_error_line(exc), "", f"not valid TOML: {exc}",
                                      "fix the syntax; see docs/deployment.md (configuration)")],
                             ExitCode.USAGE) from exc
    settings.update(overrides or {})
    languages = _read_languages(settings, problems)
    markdown = _read_markdown(settings, problems)
    for key, value in settings.items():
        if key not in _SETTABLE:
            known = ", ".join(sorted({*_SETTABLE, *_READ_APART}))
            problems.append(Problem(CONFIG_NAME, 0, key, "unknown setting", f"known settings: {known}"))
        elif _SETTABLE[key] == "int" and (not isinstance(value, int) or isinstance(value, bool)):
            problems.append(Problem(CONFIG_NAME, 0, key, f"expected a whole number, got {value!r}"))
        elif _SETTABLE[key] == "bool" and not isinstance(value, bool):
            problems.append(Problem(CONFIG_NAME, 0, key, f"expected true or false, got {value!r}"))
        elif _SETTABLE[key] == "str" and not isinstance(value, str):
            problems.append(Problem(CONFIG_NAME, 0, key, f"expected text, got {value!r}"))
    if problems:
        raise BuildError(problems, ExitCode.USAGE)
    config = replace(SiteConfig(root=root), **settings, **languages, **markdown)  # type: ignore[arg-type]
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
    if config.keep_warm < 0:
        problems.append(Problem(CONFIG_NAME, 0, "keep_warm", "must be 0 (off) or a number of seconds"))
    if problems:
        raise BuildError(problems, ExitCode.USAGE)
    if not config.base_url.endswith("/"):
        config = replace(config, base_url=config.base_url + "/")
    return config


def _read_languages(settings: dict[str, object], problems: list[Problem]) -> dict[str, object]:
    """Take `languages` and the `[<language>]` tables out of `settings`, checked."""
    found: dict[str, object] = {}
    value = settings.pop("languages", None)
    if value is not None:
        if (not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value)
                or len(set(value)) != len(value)):
            problems.append(Problem(CONFIG_NAME, 0, "languages", f"expected a list of languages, each "
                                    f"once, got {value!r}", 'write e.g. languages = ["en", "zh-Hant"]'))
        else:
            unknown = [v for v in value if v not in INTERFACE_LANGUAGES]
            if unknown:
                problems.append(Problem(CONFIG_NAME, 0, "languages", f"no interface in {', '.join(unknown)}",
                                        f"the interface exists in {', '.join(INTERFACE_LANGUAGES)}"))
            else:
                found["languages"] = tuple(value)
    texts = []
    for key in [k for k, v in settings.items() if isinstance(v, dict)]:
        table = settings.pop(key)
        assert isinstance(table, dict)
        if key not in found.get("languages", ("en",)):  # type: ignore[operator]
            problems.append(Problem(CONFIG_NAME, 0, f"[{key}]", "a table for a language that is not in "
                                    "`languages`", 'add it to languages = [...], or remove the table'))
            continue
        for name, text in table.items():
            if name not in LANGUAGE_TEXTS or not isinstance(text, str):
                problems.append(Problem(CONFIG_NAME, 0, f"[{key}] {name}", "expected title = \"...\" or "
                                        "description = \"...\"", "a language's table gives only the "
                                        "site's title and description in that language"))
        texts.append(SiteText(key, *(t if isinstance(t := table.get(n), str) else None
                                     for n in LANGUAGE_TEXTS)))
    if texts:
        found["texts"] = tuple(texts)
    return found


def _read_markdown(settings: dict[str, object], problems: list[Problem]) -> dict[str, MarkdownEngine]:
    """Take `markdown` and `markdown_extensions` out of `settings`, checked: the engine's name, and
    extensions only for Python-Markdown, each one it can load."""
    name = settings.pop("markdown", CMARK_GFM)
    extensions = settings.pop("markdown_extensions", [])
    if name not in MARKDOWN_ENGINES:
        problems.append(Problem(CONFIG_NAME, 0, "markdown", f"unknown Markdown engine {name!r}",
                                f'write markdown = "{CMARK_GFM}" (the default) or "{PYTHON_MARKDOWN}"'))
        return {}
    if not isinstance(extensions, list) or not all(isinstance(e, str) and e for e in extensions):
        problems.append(Problem(CONFIG_NAME, 0, "markdown_extensions", f"expected a list of extension "
                                f"names, got {extensions!r}",
                                'write e.g. markdown_extensions = ["tables", "fenced_code", "footnotes"]'))
        return {}
    if extensions and name != PYTHON_MARKDOWN:
        problems.append(Problem(CONFIG_NAME, 0, "markdown_extensions", f"extensions are for "
                                f"{PYTHON_MARKDOWN}, and the Markdown engine is {name}",
                                f'add markdown = "{PYTHON_MARKDOWN}", or remove markdown_extensions '
                                "(cmark-gfm always has tables, footnotes, strikethrough, autolinks "
                                "and smart punctuation)"))
        return {}
    if name == PYTHON_MARKDOWN:
        # Imported here, not above: loading the config must stay cheap for the sites that use cmark-gfm.
        from .markup import extension_problems

        for extension, (message, hint) in extension_problems(tuple(extensions)).items():
            problems.append(Problem(CONFIG_NAME, 0, "markdown_extensions",
                                    f"Python-Markdown cannot load the extension {extension!r}: {message}",
                                    hint))
    return {"markdown": MarkdownEngine(name, tuple(extensions))}


def toml_error_line(exc: Exception) -> int:
    """The line a tomllib error is at (0 when it does not say)."""
    # TOMLDecodeError has `lineno` from Python 3.14; before, the line is only in the message.
    if getattr(exc, "lineno", 0):
        return int(exc.lineno)  # type: ignore[attr-defined]
    match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
    return int(match.group(1)) if match else 0


def default_templates() -> Path:
    """The templates that ship with mouarchive: inside the installed package, or the repository's."""
    packaged = Path(__file__).parent / "templates"
    return packaged if packaged.is_dir() else Path(__file__).resolve().parents[2] / "templates"


def template_dirs(config: SiteConfig) -> list[Path]:
    """The site's templates first, then the defaults, without repeating a directory."""
    dirs = [config.templates, default_templates()]
    unique: list[Path] = []
    for d in dirs:
        if d.is_dir() and d.resolve() not in [u.resolve() for u in unique]:
            unique.append(d)
    return unique
