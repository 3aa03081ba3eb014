"""Split a document into its frontmatter and Markdown body, and read YAML as the editor wrote it.

Frontmatter is YAML between `---` lines, or as Hugo also writes it, TOML between `+++` lines or a JSON
object at the top (frontmatter_formats.py); all three give the same values and lines.

YAML 1.1 guesses types: `NO` becomes False, `12:30` becomes 750, `2023-09-06` a date but `2023-09`
text. In an archive the editor's text is the fact, so every scalar is read as the string written and
the model decides what it means. Mapping keys keep their line numbers so that every problem can point
at a line of the file, not of the frontmatter block. Aliases are refused, which defuses anchor bombs,
and so are tags, which could otherwise ask for arbitrary objects.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import ClassVar, TypeAlias, Union

import yaml

from .errors import Problems
from .frontmatter_formats import MAX_DEPTH, TOML_FENCE, read_json, read_toml

try:  # the C parser is much faster; the pure-Python one behaves the same
    _BaseLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _BaseLoader = yaml.SafeLoader


class _TextLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """A loader with no implicit resolvers: every plain scalar is tagged as a string."""

    yaml_implicit_resolvers: ClassVar[dict] = {}


YamlValue: TypeAlias = Union[str, list["YamlValue"], dict[str, "YamlValue"], None]  # noqa: UP007
Path_ = tuple[str | int, ...]

_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}
_NULLS = {"", "~", "null", "Null", "NULL"}
_MAX_NODES = 100_000  # against alias bombs, which TOML and JSON cannot write
FENCE = "---"


@dataclass(frozen=True)
class Yaml:
    """Parsed YAML (or TOML or JSON frontmatter): the value, and the file line of every mapping key
    and list item by path."""

    value: YamlValue
    lines: Mapping[Path_, int] = field(default_factory=dict)

    def line(self, path: Path_, default: int = 1) -> int:
        """The file line of `path`, or of its nearest parent that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), default)


@dataclass(frozen=True)
class SplitDocument:
    """A content file cut in two: the frontmatter (parsed) and the Markdown body with its first line."""

    meta: Yaml
    body: str
    body_line: int


def split_document(text: str, path: str, problems: Problems) -> SplitDocument | None:
    """Cut `text` into frontmatter and body; report a missing or unclosed fence or bad frontmatter."""
    if not text.strip():
        problems.error(path, 1, "", "the file is empty",
                       "write the document's frontmatter and body, or delete the file")
        return None
    lines = text.split("\n")
    first = lines[0].rstrip()
    if first == TOML_FENCE:
        return _split_fenced(lines, path, problems, TOML_FENCE, _toml)
    if text.startswith("{"):
        return _split_json(text, path, problems)
    if first != FENCE:
        problems.error(
            path, 1, "", "no frontmatter: the file must start with a line of three dashes (---)",
            "put the document's fields between two '---' lines at the top of the file, "
            "as in the README's example",
        )
        return None
    return _split_fenced(lines, path, problems, FENCE, parse_yaml)


def _toml(text: str, path: str, first_line: int, problems: Problems) -> Yaml | None:
    read = read_toml(text, path, first_line, problems)
    return None if read is None else Yaml(*read)


def _split_fenced(lines: list[str], path: str, problems: Problems, fence: str,
                  parse: Callable[[str, str, int, Problems], Yaml | None]) -> SplitDocument | None:
    """Frontmatter between the first line, a `fence`, and the next such line ('...' also ends YAML)."""
    ends = (fence, "...") if fence == FENCE else (fence,)
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ends:
            end = index
            break
    else:
        problems.error(path, 1, "", "the frontmatter is never closed",
                       f"add a line of three {_FENCE_NAMES[fence]} ({fence}) after the last field")
        return None
    meta = parse("\n".join(lines[1:end]), path, 2, problems)
    if meta is None or not _is_mapping(meta, path, 2, problems):
        return None
    return SplitDocument(meta=meta, body="\n".join(lines[end + 1:]), body_line=end + 2)


_FENCE_NAMES = {FENCE: "dashes", TOML_FENCE: "plus signs"}


def _split_json(text: str, path: str, problems: Problems) -> SplitDocument | None:
    """A JSON object at the top, as Hugo reads it; the body starts on the line after its closing brace."""
    found = read_json(text, path, problems)
    if found is None:
        return None
    read, end = found
    meta = Yaml(*read)
    if not _is_mapping(meta, path, 1, problems):
        return None
    rest = text[end:]
    line = text.count("\n", 0, end) + 1
    if not rest[: rest.find("\n") + 1 or len(rest)].strip():  # nothing else on the brace's line
        return SplitDocument(meta=meta, body=rest.partition("\n")[2], body_line=line + 1)
    return SplitDocument(meta=meta, body=rest.lstrip(" \t"), body_line=line)


def _is_mapping(meta: Yaml, path: str, line: int, problems: Problems) -> bool:
    """Whether the frontmatter (from `line`) is a mapping with something in it; if not, why is reported."""
    if isinstance(meta.value, dict) and meta.value:
        return True
    if not meta.value:  # nothing at all, or an empty TOML table or JSON object
        problems.error(path, line, "", "the frontmatter is empty", "add at least a title and a kind")
    else:
        problems.error(path, line, "", "the frontmatter must be a mapping of fields (key: value)",
                       "write one 'field: value' per line")
    return False


def parse_yaml(text: str, path: str, first_line: int, problems: Problems) -> Yaml | None:
    """Parse YAML text that starts at `first_line` of `path`, keeping every scalar as text."""
    try:
        # Aliases are refused on the parser's events, which know where each `*name` is written;
        # a composed alias is the anchored node itself, whose line is the anchor's. Only a text
        # with a `*` can hold one: reading the events of every text was a third of parsing the
        # frontmatter (1.1 s of 3.5 s at 10,000 documents).
        aliases = sorted({event.start_mark.line for event in yaml.parse(text, Loader=_TextLoader)
                          if isinstance(event, yaml.AliasEvent)}) if "*" in text else []
        for line in aliases:
            problems.error(path, first_line + line, "", "YAML aliases (*name) are not allowed",
                           "write the value out in full")
        if aliases:
            return None
        root = yaml.compose(text, Loader=_TextLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        what = exc.problem or exc.context or "not valid YAML"
        source = (text.split("\n")[mark.line:mark.line + 1] or [""])[0] if mark else ""
        problems.error(path, line, "", f"YAML syntax: {what}", _yaml_hint(what, source))
        return None
    except yaml.YAMLError as exc:
        problems.error(path, first_line, "", f"YAML: {exc}", "check the YAML syntax")
        return None
    if root is None:
        return Yaml(None, {})
    reader = _NodeReader(path, first_line, problems)
    value = reader.read(root, (), 0)
    if reader.failed:
        return None
    return Yaml(value, reader.lines)


def _yaml_hint(what: str, source: str = "") -> str:
    if "mapping values are not allowed" in what:
        return "a value that contains ': ' must be quoted, e.g. title: \"Hong Kong: a hub\""
    # libyaml says only "found character that cannot start any token": look at the line itself.
    if "found character '\\t'" in what or "\t" in source[: len(source) - len(source.lstrip())]:
        return "YAML does not allow tabs for indentation: use spaces"
    if "expected <block end>" in what or "did not find expected" in what:
        return "check the indentation and that every list item starts with '- ' at the same column"
    if "found undefined alias" in what or "alias" in what:
        return "remove the '*' alias: write the value out in full"
    return "check the YAML syntax near this line; quote values that contain ':', '#', '[' or '{'"


class _NodeReader:
    """Turns composed YAML nodes into plain values, refusing aliases and tags, noting key lines."""

    def __init__(self, path: str, first_line: int, problems: Problems) -> None:
        self.path = path
        self.first_line = first_line
        self.problems = problems
        self.lines: dict[Path_, int] = {}
        self.seen: set[int] = set()
        self.count = 0
        self.failed = False

    def _fail(self, node: yaml.Node, message: str, hint: str) -> None:
        self.failed = True
        self.problems.error(self.path, self._line(node), "", message, hint)

    def _line(self, node: yaml.Node) -> int:
        return self.first_line + node.start_mark.line

    def read(self, node: yaml.Node, where: Path_, depth: int) -> YamlValue:
        self.count += 1
        if id(node) in self.seen:
            self._fail(node, "YAML aliases (*name) are not allowed", "write the value out in full")
            return None
        self.seen.add(id(node))
        if self.count > _MAX_NODES or depth > MAX_DEPTH:
            self._fail(node, "the YAML is too large or too deeply nested",
                       f"keep frontmatter under {_MAX_NODES} values and {MAX_DEPTH} levels")
            return None
        if node.tag not in _STANDARD_TAGS:
            self._fail(node, f"YAML tags such as {node.tag.replace('tag:yaml.org,2002:', '!!')} "
                             "are not allowed", "remove the tag and write the value as plain text")
            return None
        self.lines.setdefault(where, self._line(node))
        if isinstance(node, yaml.ScalarNode):
            if not node.style and node.value in _NULLS:  # plain: None (PyYAML) or "" (libyaml)
                return None
            return str(node.value)
        if isinstance(node, yaml.SequenceNode):
            return [self.read(item, (*where, i), depth + 1) for i, item in enumerate(node.value)]
        result: dict[str, YamlValue] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _STANDARD_TAGS:
                self._fail(key_node, "a field name must be plain text", "write 'name: value'")
                continue
            key = str(key_node.value)
            if key in result:
                first = self.lines.get((*where, key), 0)
                self._fail(key_node, f"the field '{key}' appears twice (first on line {first})",
                           "keep one of them")
                continue
            self.lines[(*where, key)] = self._line(key_node)
            result[key] = self.read(value_node, (*where, key), depth + 1)
        return result
