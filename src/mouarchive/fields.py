"""Typed reads of a parsed YAML file: each field read as what it must be, each problem reported at
its file, line and field, and reading goes on."""

from __future__ import annotations

import difflib
import sys
from datetime import datetime
from urllib.parse import urlsplit

from .errors import Problems
from .frontmatter import Path_, Yaml, YamlValue
from .model import (
    MOMENT_FORMAT,
    Alias,
    DateError,
    PartialDate,
    Source,
    parse_moment,
)
from .slugs import SitePathError, site_path

# Texts up to this long are kept as one object per text (shared): a kind, a title ("Director"), a
# place, a topic, an instrument ("Memorandum of Understanding") recur in thousands of documents, and
# each document's YAML makes its own copy. Shared in the worker that parses them, each goes through
# the pipe once per batch of documents, not once per document (the 10k corpus: the parent held 147
# MiB once the site was planned, against 153 MiB). Longer texts (titles, notes) are mostly one of a
# kind.
SHARED_LENGTH = 64


def shared(text: str) -> str:
    """`text`, as the one object kept for its text where it is short (SHARED_LENGTH)."""
    return sys.intern(text) if len(text) <= SHARED_LENGTH else text


def field_name(where: Path_) -> str:
    text = ""
    for part in where:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else part)
    return text


class Fields:
    """Typed reads of one parsed YAML file, each reporting its own problems with file and line."""

    def __init__(self, path: str, meta: Yaml, problems: Problems) -> None:
        self.path = path
        self.meta = meta
        self.problems = problems

    def line(self, where: Path_) -> int:
        return self.meta.line(where)

    def error(self, where: Path_, message: str, hint: str = "") -> None:
        self.problems.error(self.path, self.line(where), field_name(where), message, hint)

    def warning(self, where: Path_, message: str, hint: str = "") -> None:
        self.problems.warning(self.path, self.line(where), field_name(where), message, hint)

    def check_keys(self, mapping: dict[str, YamlValue], where: Path_, allowed: tuple[str, ...]) -> None:
        for key in mapping:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"known fields: {', '.join(allowed)}"
                self.error((*where, key), "unknown field", hint)

    def text(self, mapping: dict[str, YamlValue], where: Path_, key: str,
             required: bool = False, hint: str = "") -> str | None:
        value = mapping.get(key)
        if value is None:
            if required:
                self.error((*where, key) if key in mapping else where,
                           f"the field '{key}' is required" if key not in mapping
                           else "is empty", hint)
            return None
        if not isinstance(value, str):
            self.error((*where, key), f"expected text, found {describe(value)}",
                       f"write one value after '{key}:', quoted if it contains ': ' or starts "
                       "with [ or {")
            return None
        value = value.strip()
        if not value and required:
            self.error((*where, key), "is empty", hint)
            return None
        return shared(value) if value else None

    def texts(self, mapping: dict[str, YamlValue], where: Path_, key: str) -> tuple[str, ...] | None:
        value = mapping.get(key)
        if value is None:
            return None
        if not isinstance(value, list):
            example = f"{key}: [{value}]" if isinstance(value, str) else f"{key}: [a, b]"
            self.error((*where, key), f"expected a list, found {describe(value)}",
                       f"write a list, e.g. {example}")
            return None
        items = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.error((*where, key, i), f"expected text, found {describe(item)}")
            else:
                items.append(shared(item.strip()))
        return tuple(items)

    def date(self, mapping: dict[str, YamlValue], where: Path_, key: str,
             required: bool = False) -> PartialDate | None:
        text = self.text(mapping, where, key, required=required,
                         hint="write the date as YYYY-MM-DD, YYYY-MM or YYYY")
        if text is None:
            return None
        try:
            return PartialDate.parse(text)
        except DateError as exc:
            self.error((*where, key), str(exc), "write the date as YYYY-MM-DD, YYYY-MM or YYYY, "
                       "e.g. 2023-09-06; if only the month or year is known, write just that")
            return None

    def url(self, mapping: dict[str, YamlValue], where: Path_, key: str,
            required: bool = False) -> str | None:
        text = self.text(mapping, where, key, required=required,
                         hint="write the full address, starting with https://")
        if text is None:
            return None
        parts = urlsplit(text)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            self.error((*where, key), f"'{text}' is not an http(s) URL",
                       "write the full address, starting with https://")
            return None
        return text

    def flag(self, mapping: dict[str, YamlValue], where: Path_, key: str) -> bool:
        """`true` or `false` (any case); anything else is an error, and counts as false."""
        text = self.text(mapping, where, key)
        if text is None or text.lower() == "false":
            return False
        if text.lower() == "true":
            return True
        self.error((*where, key), f"'{text}' is not true or false",
                   f"write '{key}: true', or remove the field")
        return False

    def moment(self, mapping: dict[str, YamlValue], where: Path_, key: str) -> datetime | None:
        text = self.text(mapping, where, key)
        if text is None:
            return None
        try:
            return parse_moment(text)
        except DateError as exc:
            self.error((*where, key), str(exc),
                       f"write the moment as {MOMENT_FORMAT}; without a zone it is read in the "
                       "site's time zone (timezone in mouarchive.toml)")
            return None

    def aliases(self, mapping: dict[str, YamlValue], where: Path_, key: str = "aliases") -> tuple[Alias, ...]:
        """Old addresses of a page, each as a site path: `/documents/2023/old-name/`."""
        found = []
        for i, text in enumerate(self.texts(mapping, where, key) or ()):
            at = (*where, key, i)
            try:
                url = site_path(text)
            except SitePathError as exc:
                self.error(at, str(exc), "write the old address as a path from the site's root, "
                           "e.g. /documents/2023/old-name/")
                continue
            found.append(Alias(url, Source(self.path, self.line(at))))
        return tuple(found)

    def choice(self, mapping: dict[str, YamlValue], where: Path_, key: str,
               choices: tuple[str, ...], required: bool = False) -> str | None:
        text = self.text(mapping, where, key, required=required,
                         hint=f"use one of: {', '.join(choices)}")
        if text is None:
            return None
        if text not in choices:
            close = difflib.get_close_matches(text, choices, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            self.error((*where, key), f"'{text}' is not one of the allowed values",
                       f"{hint}use one of: {', '.join(choices)}")
            return None
        return text

    def mapping(self, value: YamlValue, where: Path_, hint: str = "") -> dict[str, YamlValue] | None:
        if not isinstance(value, dict):
            self.error(where, f"expected a mapping of fields, found {describe(value)}", hint)
            return None
        return value

    def entries(self, value: YamlValue, what: str) -> list[tuple[Path_, dict[str, YamlValue]]]:
        """The items of a top-level list of mappings (parties.yaml, topics.yaml)."""
        if not isinstance(value, list):
            self.error((), f"expected a list of {what}, found {describe(value)}",
                       f"start each {SINGULAR.get(what, what)} with '- id: ...'")
            return []
        found = []
        for i, item in enumerate(value):
            checked = self.mapping(item, (i,), "write fields as 'key: value' under '- id: ...'")
            if checked is not None:
                found.append(((i,), checked))
        return found


SINGULAR = {"parties": "party", "topics": "topic"}


def describe(value: YamlValue) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing"
    return f"the text '{value}'"
