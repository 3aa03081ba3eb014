"""TOML and JSON frontmatter, as Hugo writes them (between `+++` lines; a `{...}` object at the top),
read into what YAML frontmatter gives (frontmatter.py): every scalar as text, and the file line of
every key and list item, so that the same fields make the same records and the same messages.

tomllib and json parse, and report syntax errors with their lines; neither says where a value was
written. So the text, once parsed, is walked again by a small scanner that notes the line of each
key path. python-frontmatter's TOML and JSON handlers are not used for the same reason as its YAML
one: they give values without lines (and its TOML handler needs the unmaintained `toml` package).
"""

from __future__ import annotations

import bisect
import json
import re
import tomllib
from datetime import date, time
from typing import TYPE_CHECKING

from .config import toml_error_line
from .errors import Problems

if TYPE_CHECKING:  # frontmatter.py imports this module: only its types are needed here
    from .frontmatter import Path_, YamlValue

MAX_DEPTH = 32  # frontmatter nested deeper than this is refused, in any of the three formats
TOML_FENCE = "+++"
Read = tuple["YamlValue", dict["Path_", int]]  # the value, and the file line of each key path

_TOO_DEEP = ("the frontmatter is too deeply nested", f"keep frontmatter within {MAX_DEPTH} levels")


class _TooDeepError(Exception):
    """Raised by the readers below at MAX_DEPTH, and reported as _TOO_DEEP."""


class _Lines:
    """Where each offset of a text is, as a file line."""

    def __init__(self, text: str, first_line: int) -> None:
        self.first_line = first_line
        self._breaks = [i for i, char in enumerate(text) if char == "\n"]

    def at(self, offset: int) -> int:
        return self.first_line + bisect.bisect_left(self._breaks, offset)


# --- TOML ---------------------------------------------------------------------------------------

_TOML_POSITION = re.compile(r" \(at (line \d+, column \d+|end of document)\)$")
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")
_SCALAR_END = re.compile(r"[,\]}\n#]")


def read_toml(text: str, path: str, first_line: int, problems: Problems) -> Read | None:
    """Parse TOML frontmatter that starts at `first_line` of `path`; report a syntax error at its line."""
    try:
        parsed = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        _report_toml_error(exc, text, path, first_line, problems)
        return None
    except RecursionError:  # tomllib reads nested arrays by recursion
        problems.error(path, first_line, "", *_TOO_DEEP)
        return None
    try:
        value = _as_text(parsed, 0)
    except _TooDeepError:
        problems.error(path, first_line, "", *_TOO_DEEP)
        return None
    return value, _TomlScanner(text, first_line).scan().lines


def _report_toml_error(exc: tomllib.TOMLDecodeError, text: str, path: str, first_line: int,
                       problems: Problems) -> None:
    what = _TOML_POSITION.sub("", str(exc))
    if what.startswith("Cannot overwrite"):
        # tomllib places a key written twice at the end of the document: find it as YAML would.
        twice = _TomlScanner(text, first_line).scan().twice
        if twice:
            key, first, line = twice[0]
            problems.error(path, line, "", f"the field '{key}' appears twice (first on line {first})",
                           "keep one of them")
            return
    line = toml_error_line(exc)  # 0 "at end of document": then the frontmatter's last line
    problems.error(path, first_line + (line or text.count("\n") + 1) - 1, "",
                   f"TOML syntax: {what[:1].lower()}{what[1:]}", _toml_hint(what, at_end=not line))


def _toml_hint(what: str, at_end: bool) -> str:
    if what.startswith("Cannot overwrite"):
        return "a key is written twice, or both as a value and as a table: keep one"
    if at_end:  # a value left open runs to the end of the frontmatter
        return "close every quote, [ and { that the last value opens"
    if what.startswith(("Invalid value", "Expected newline or end of document")):
        return ('text is quoted in TOML, e.g. title = "Hong Kong: a hub"; so is a date of a month or '
                'a year, e.g. signed = "2023-09"')
    if what.startswith("Cannot declare"):
        return "a table is written twice: keep one, or write [[name]] for a list of tables"
    if what.startswith("Expected '=' after a key"):
        return 'write one key = value per line; a key with spaces in it is quoted, e.g. "the key" = 1'
    return "check the TOML syntax near this line: text in quotes, lists in [...], one key = value per line"


def _as_text(value: object, depth: int) -> YamlValue:
    """A TOML value as YAML frontmatter gives it: every scalar the text of it (dates in ISO form)."""
    if depth > MAX_DEPTH:
        raise _TooDeepError
    if isinstance(value, dict):
        return {key: _as_text(item, depth + 1) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_text(item, depth + 1) for item in value]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | time):  # a datetime is a date too
        return value.isoformat()
    return str(value)


class _TomlScanner:
    """Walks TOML text, noting the file line of every key path, table and array item.

    Run on text that tomllib has accepted, it only has to find where things start; run on text that
    tomllib refused, it finds a key written twice, and gives up quietly on anything else.
    """

    def __init__(self, text: str, first_line: int) -> None:
        self.text = text
        self.pos = 0
        self.where = _Lines(text, first_line)
        self.lines: dict[Path_, int] = {}
        self.twice: list[tuple[str, int, int]] = []  # (key, first line, line) of each key set again
        self._assigned: dict[Path_, int] = {}
        self._tables: dict[Path_, int] = {}  # a [[list of tables]]'s path -> the index of its last

    def scan(self) -> _TomlScanner:
        table: Path_ = ()
        try:
            while self._skip_blank() < len(self.text):
                start = self.pos
                if self.text.startswith("[[", self.pos):
                    table = self._list_table()
                elif self.text[self.pos] == "[":
                    table = self._table()
                else:
                    self._key_value(table)
                if self.pos == start:  # never stuck on text tomllib would refuse
                    break
        except (IndexError, ValueError, tomllib.TOMLDecodeError, RecursionError):
            pass  # refused text: what was found so far is all there is
        return self

    def _line(self) -> int:
        return self.where.at(self.pos)

    def _note(self, path: Path_, line: int) -> None:
        self.lines.setdefault((), line)
        for end in range(1, len(path)):  # a dotted key or table makes its parents
            self.lines.setdefault(path[:end], line)
        self.lines.setdefault(path, line)

    def _skip_blank(self) -> int:
        """Past spaces, line breaks and comments; the new position."""
        while self.pos < len(self.text):
            char = self.text[self.pos]
            if char == "#":
                end = self.text.find("\n", self.pos)
                self.pos = len(self.text) if end < 0 else end
            elif char in " \t\r\n":
                self.pos += 1
            else:
                break
        return self.pos

    def _skip_spaces(self) -> None:
        while self.pos < len(self.text) and self.text[self.pos] in " \t":
            self.pos += 1

    def _keys(self) -> list[str]:
        """A dotted key: a.b, "a b".c, 'a'."""
        keys = []
        while True:
            self._skip_spaces()
            keys.append(self._key())
            self._skip_spaces()
            if self.text[self.pos] != ".":
                return keys
            self.pos += 1

    def _key(self) -> str:
        start = self.pos
        char = self.text[start]
        if char in "\"'":
            self._string()
            # A quoted key's escapes are TOML's: let tomllib read it as the value it would be.
            return str(tomllib.loads("k = " + self.text[start:self.pos])["k"])
        match = _BARE_KEY.match(self.text, start)
        if match is None:
            raise ValueError("not a key")
        self.pos = match.end()
        return match.group(0)

    def _resolve(self, keys: list[str]) -> Path_:
        """A table's path, with the index of the last table of each list of tables on the way."""
        path: Path_ = ()
        for key in keys:
            path = (*path, key)
            if path in self._tables:
                path = (*path, self._tables[path])
        return path

    def _table(self) -> Path_:
        line = self._line()
        self.pos += 1
        table = self._resolve(self._keys())
        self.pos += 1  # ]
        self._note(table, line)
        return table

    def _list_table(self) -> Path_:
        line = self._line()
        self.pos += 2
        keys = self._keys()
        self.pos += 2  # ]]
        tables = (*self._resolve(keys[:-1]), keys[-1])
        index = self._tables[tables] = self._tables.get(tables, -1) + 1
        self._note(tables, line)
        self._note((*tables, index), line)
        return (*tables, index)

    def _key_value(self, table: Path_) -> None:
        line = self._line()
        keys = self._keys()
        path = (*table, *keys)
        if path in self._assigned:
            self.twice.append((keys[-1], self._assigned[path], line))
        self._assigned.setdefault(path, line)
        self._note(path, line)
        self._skip_spaces()
        if self.text[self.pos] != "=":
            raise ValueError("no '='")
        self.pos += 1
        self._skip_spaces()
        self._value(path)

    def _value(self, path: Path_) -> None:
        char = self.text[self.pos]
        if char in "\"'":
            self._string()
        elif char == "[":
            self._array(path)
        elif char == "{":
            self._inline_table(path)
        else:  # a number, a date, true or false: up to what ends a value
            match = _SCALAR_END.search(self.text, self.pos)
            self.pos = max(self.pos + 1, match.start() if match else len(self.text))

    def _array(self, path: Path_) -> None:
        self.pos += 1
        index = 0
        while self._skip_blank() < len(self.text) and self.text[self.pos] != "]":
            if self.text[self.pos] == ",":
                self.pos += 1
                continue
            self._note((*path, index), self._line())
            self._value((*path, index))
            index += 1
        self.pos += 1

    def _inline_table(self, path: Path_) -> None:
        self.pos += 1
        while self._skip_blank() < len(self.text) and self.text[self.pos] != "}":
            if self.text[self.pos] == ",":
                self.pos += 1
                continue
            line = self._line()
            keys = self._keys()
            self._note((*path, *keys), line)
            self._skip_spaces()
            self.pos += 1  # =
            self._skip_spaces()
            self._value((*path, *keys))
        self.pos += 1

    def _string(self) -> None:
        """Past one string of any of TOML's four kinds."""
        quote = self.text[self.pos]
        if self.text.startswith(quote * 3, self.pos):
            end = self.pos + 3
            while True:
                end = self.text.index(quote * 3, end)
                if quote == "'" or not _escaped(self.text, end):
                    break
                end += 1
            end += 3
            for _extra in range(2):  # up to two quotes of the text's own may come before the closing three
                if end < len(self.text) and self.text[end] == quote:
                    end += 1
            self.pos = end
            return
        end = self.pos + 1
        while self.text[end] != quote or (quote == '"' and _escaped(self.text, end)):
            end += 1
        self.pos = end + 1


def _escaped(text: str, index: int) -> bool:
    """Whether the character at `index` follows an odd number of backslashes."""
    count = 0
    while index - count - 1 >= 0 and text[index - count - 1] == "\\":
        count += 1
    return count % 2 == 1


# --- JSON ---------------------------------------------------------------------------------------

_DECODER = json.JSONDecoder()
_JSON_SPACE = re.compile(r"[ \t\n\r]*")
_JSON_HINTS = (
    ("Expecting property name", 'write every key in double quotes, and no comma after the last item'),
    ("Expecting ',' delimiter", "put a comma between items, and close every { and [ that opens"),
    ("Expecting ':' delimiter", 'write "key": value'),
    ("Expecting value", 'text is written in double quotes, e.g. "title": "..."; a list in [...]'),
    ("Unterminated string", "close the text with a double quote"),
    ("Invalid control character", "a line break inside text is written \\n in JSON"),
    ("Invalid \\escape", "a backslash inside text is written \\\\ in JSON"),
)


def read_json(text: str, path: str, problems: Problems) -> tuple[Read, int] | None:
    """Parse the JSON object that `text` starts with: its values and lines, and the offset after it."""
    try:
        _parsed, end = _DECODER.raw_decode(text)
    except json.JSONDecodeError as exc:
        hint = next((h for start, h in _JSON_HINTS if exc.msg.startswith(start)),
                    "check the JSON syntax near this line: keys and text in double quotes, a comma "
                    "between items")
        problems.error(path, exc.lineno, "", f"JSON syntax: {exc.msg[:1].lower()}{exc.msg[1:]}", hint)
        return None
    except RecursionError:
        problems.error(path, 1, "", *_TOO_DEEP)
        return None
    reader = _JsonReader(text, path, problems)
    try:
        value = reader.read((), 0)
    except _TooDeepError:
        problems.error(path, 1, "", *_TOO_DEEP)
        return None
    if reader.failed:
        return None
    return (value, reader.lines), end


class _JsonReader:
    """Reads JSON that json has accepted into YAML's values (scalars as the text written, null as
    None), noting the line of every key and item, and refusing a key written twice as YAML does."""

    def __init__(self, text: str, path: str, problems: Problems) -> None:
        self.text = text
        self.pos = 0
        self.path = path
        self.problems = problems
        self.where = _Lines(text, 1)
        self.lines: dict[Path_, int] = {}
        self.failed = False

    def read(self, at: Path_ | None, depth: int) -> YamlValue:
        """The value at the position, noted under `at` (None: a value thrown away, noted nowhere)."""
        if depth > MAX_DEPTH:
            raise _TooDeepError
        self.pos = _JSON_SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]
        if at is not None:
            self.lines.setdefault(at, self.where.at(self.pos))
        char = self.text[self.pos]
        if char == "{":
            return self._object(at, depth)
        if char == "[":
            return self._array(at, depth)
        value, end = _DECODER.raw_decode(self.text, self.pos)
        written, self.pos = self.text[self.pos:end], end
        if isinstance(value, str):
            return value
        return None if value is None else written  # true, 12, 1.50: as written

    def _next(self, closing: str) -> bool:
        """Past blanks and a comma; False at the closing bracket (passed too)."""
        self.pos = _JSON_SPACE.match(self.text, self.pos).end()  # type: ignore[union-attr]
        if self.text[self.pos] == ",":
            self.pos = _JSON_SPACE.match(self.text, self.pos + 1).end()  # type: ignore[union-attr]
        if self.text[self.pos] == closing:
            self.pos += 1
            return False
        return True

    def _object(self, at: Path_ | None, depth: int) -> dict[str, YamlValue]:
        self.pos += 1
        result: dict[str, YamlValue] = {}
        key_lines: dict[str, int] = {}
        while self._next("}"):
            line = self.where.at(self.pos)
            key, self.pos = _DECODER.raw_decode(self.text, self.pos)
            self.pos = self.text.index(":", self.pos) + 1
            if key in key_lines:  # json would keep the last silently; YAML's reader refuses it
                self.failed = True
                self.problems.error(self.path, line, "", f"the field '{key}' appears twice (first on "
                                    f"line {key_lines[key]})", "keep one of them")
                self.read(None, depth + 1)
                continue
            key_lines[key] = line
            child = None if at is None else (*at, key)
            if child is not None:
                self.lines[child] = line
            result[key] = self.read(child, depth + 1)
        return result

    def _array(self, at: Path_ | None, depth: int) -> list[YamlValue]:
        self.pos += 1
        items: list[YamlValue] = []
        while self._next("]"):
            items.append(self.read(None if at is None else (*at, len(items)), depth + 1))
        return items
