"""The frontmatter splitter and the YAML reader: the editor's text is what counts, with file lines."""

from __future__ import annotations

import time

import pytest

from mouarchive.errors import Problems
from mouarchive.frontmatter import Yaml, parse_yaml, split_document


def parse(text: str, first_line: int = 1) -> tuple[Yaml | None, list[str]]:
    problems = Problems()
    result = parse_yaml(text, "f.yaml", first_line, problems)
    return result, [p.format() for p in problems.items]


def split(text: str):
    problems = Problems()
    result = split_document(text, "content/doc.md", problems)
    return result, [p.format() for p in problems.items]


# --- YAML 1.1 traps: every scalar stays the text written -------------------------------------------


@pytest.mark.parametrize("written", [
    "NO", "no", "YES", "Yes", "ON", "off", "y", "n", "true", "False",
    "12:30", "1:20:30", "2023-09-06", "2023-09", "2023", "1e3", "0o12", "012", "0x1F", "1_000",
    ".inf", "-.INF", ".nan", "+12", "3.0", "2023-09-06T10:00:00Z", "=", "<<",
])
def test_plain_scalars_stay_the_text_written(written: str) -> None:
    meta, errors = parse(f"value: {written}\nlist: [{written}]\n")
    assert errors == []
    assert meta is not None
    assert meta.value == {"value": written, "list": [written]}
    assert type(meta.value["value"]) is str


def test_every_scalar_is_text_in_nested_structures() -> None:
    meta, errors = parse("jurisdiction: NO\nagreement:\n  signed: 2023-09-06\n  people:\n    - {n: ON}\n")
    assert errors == []
    assert meta is not None
    assert meta.value == {"jurisdiction": "NO",
                          "agreement": {"signed": "2023-09-06", "people": [{"n": "ON"}]}}


def test_nulls_are_none_but_quoted_null_is_text() -> None:
    meta, errors = parse("a:\nb: ~\nc: null\nd: 'null'\ne: \"~\"\nf: ''\n")
    assert errors == []
    assert meta is not None
    assert meta.value == {"a": None, "b": None, "c": None, "d": "null", "e": "~", "f": ""}


def test_empty_text_is_none() -> None:
    meta, errors = parse("")
    assert errors == []
    assert meta is not None and meta.value is None


def test_quoted_and_block_scalars_keep_their_text() -> None:
    meta, errors = parse("a: 'NO'\nb: \"12:30\"\nc: |\n  line one\n  line two\n")
    assert errors == []
    assert meta is not None
    assert meta.value == {"a": "NO", "b": "12:30", "c": "line one\nline two\n"}


# --- aliases and tags are refused ----------------------------------------------------------------


def test_alias_is_refused_at_the_line_it_is_used() -> None:
    meta, errors = parse("a: &x [one, two]\nb: x\nc: *x\n")
    assert meta is None
    assert errors == ["f.yaml:3: YAML aliases (*name) are not allowed\n    hint: write the value out in full"]


def test_alias_in_a_list_and_as_a_key_is_refused_with_file_lines() -> None:
    meta, errors = parse("a: &x one\nb:\n  - two\n  - *x\nc:\n  *x : three\n", first_line=10)
    assert meta is None
    assert [e.split("\n")[0] for e in errors] == [
        "f.yaml:13: YAML aliases (*name) are not allowed",
        "f.yaml:15: YAML aliases (*name) are not allowed",
    ]


def test_merge_key_is_refused_because_it_needs_an_alias() -> None:
    meta, errors = parse("base: &b {kind: news}\ndoc:\n  <<: *b\n")
    assert meta is None
    assert errors[0].startswith("f.yaml:3: YAML aliases (*name) are not allowed")


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghij":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]")
    text = "\n".join(lines) + "\n"
    started = time.perf_counter()
    meta, errors = parse(text)
    elapsed = time.perf_counter() - started
    assert meta is None
    assert elapsed < 1.0
    assert errors
    assert all("YAML aliases (*name) are not allowed" in e for e in errors)
    assert errors[0].startswith("f.yaml:2: ")


@pytest.mark.parametrize(("text", "shown"), [
    ("a: !!python/object:os.system ls\n", "!!python/object:os.system"),
    ("a: !!python/object/apply:os.system [ls]\n", "!!python/object/apply:os.system"),
    ("a: !!int 3\n", "!!int"),
    ("a: !!binary aGVsbG8=\n", "!!binary"),
    ("a: !custom value\n", "!custom"),
])
def test_tags_are_refused(text: str, shown: str) -> None:
    meta, errors = parse("ok: yes\n" + text)
    assert meta is None
    assert errors == [f"f.yaml:2: YAML tags such as {shown} are not allowed\n"
                      "    hint: remove the tag and write the value as plain text"]


def test_standard_str_tag_is_allowed() -> None:
    meta, errors = parse("a: !!str 12:30\n")
    assert errors == []
    assert meta is not None and meta.value == {"a": "12:30"}


# --- duplicate keys and syntax errors, on file lines -----------------------------------------------


def test_duplicate_key_names_the_line_of_the_first() -> None:
    meta, errors = parse("title: A\nkind: news\ntitle: B\n", first_line=2)
    assert meta is None
    assert errors == ["f.yaml:4: the field 'title' appears twice (first on line 2)\n"
                      "    hint: keep one of them"]


def test_duplicate_nested_key_names_the_line_of_the_first() -> None:
    text = "agreement:\n  id: a\n  parties: [FSDC]\n  id: b\n"
    meta, errors = parse(text, first_line=2)
    assert meta is None
    assert errors == ["f.yaml:5: the field 'id' appears twice (first on line 3)\n    hint: keep one of them"]


def test_same_key_in_two_mappings_is_not_a_duplicate() -> None:
    meta, errors = parse("a:\n  id: x\nb:\n  id: x\n")
    assert errors == []
    assert meta is not None and meta.value == {"a": {"id": "x"}, "b": {"id": "x"}}


def test_syntax_error_is_reported_at_the_file_line() -> None:
    text = "---\ntitle: A\nkind: news\nplace: Hong Kong: a hub\n---\nBody\n"
    result, errors = split(text)
    assert result is None
    assert len(errors) == 1
    # libyaml says "in this context", PyYAML "here": the rest is ours.
    assert errors[0].startswith("content/doc.md:4: YAML syntax: mapping values are not allowed ")
    assert errors[0].endswith(
        "\n    hint: a value that contains ': ' must be quoted, e.g. title: \"Hong Kong: a hub\"")


def test_tab_indentation_error_is_at_the_file_line_with_a_hint() -> None:
    text = "---\ntitle: A\nagreement:\n\tid: x\n---\n"
    result, errors = split(text)
    assert result is None
    assert len(errors) == 1
    assert errors[0].startswith("content/doc.md:4: YAML syntax: ")
    assert "hint: YAML does not allow tabs for indentation: use spaces" in errors[0]


def test_unclosed_flow_list_points_into_the_file() -> None:
    text = "---\ntitle: A\ntopics: [ai, blockchain\nkind: news\n---\n"
    result, errors = split(text)
    assert result is None
    assert len(errors) == 1
    # the line where the parser finds the list still open: the next field's
    assert errors[0].startswith("content/doc.md:4: YAML syntax: did not find expected ',' or ']'")
    assert errors[0].endswith("hint: check the indentation and that every list item starts with '- ' "
                              "at the same column")


def test_bad_indentation_is_reported_at_its_line() -> None:
    text = "---\ntitle: A\nagreement:\n  id: x\n parties: [a]\n---\n"
    result, errors = split(text)
    assert result is None
    assert len(errors) == 1
    assert errors[0].startswith("content/doc.md:5: YAML syntax: ")


# --- the fences ----------------------------------------------------------------------------------


def test_split_gives_mapping_body_and_body_line() -> None:
    text = "---\ntitle: A\nkind: news\n---\nFirst line of body.\n\nSecond.\n"
    result, errors = split(text)
    assert errors == []
    assert result is not None
    assert result.meta.value == {"title": "A", "kind": "news"}
    assert result.body == "First line of body.\n\nSecond.\n"
    assert result.body_line == 5


def test_yaml_document_end_marker_closes_the_frontmatter() -> None:
    result, errors = split("---\ntitle: A\n...\nBody\n")
    assert errors == []
    assert result is not None
    assert result.meta.value == {"title": "A"}
    assert result.body == "Body\n"


def test_a_later_fence_in_the_body_stays_in_the_body() -> None:
    result, errors = split("---\ntitle: A\n---\nBody\n---\nmore\n")
    assert errors == []
    assert result is not None
    assert result.body == "Body\n---\nmore\n"


def test_unclosed_frontmatter() -> None:
    result, errors = split("---\ntitle: A\nkind: news\n\nBody without a closing fence.\n")
    assert result is None
    assert errors == ["content/doc.md:1: the frontmatter is never closed\n"
                      "    hint: add a line of three dashes (---) after the last field"]


@pytest.mark.parametrize("text", ["title: A\nkind: news\n", "\n---\ntitle: A\n---\n", "--\ntitle: A\n--\n"])
def test_no_frontmatter(text: str) -> None:
    result, errors = split(text)
    assert result is None
    assert errors == [
        "content/doc.md:1: no frontmatter: the file must start with a line of three dashes (---)\n"
        "    hint: put the document's fields between two '---' lines at the top of the file, "
        "as in the README's example"
    ]


@pytest.mark.parametrize("text", ["", "\n  \n"])
def test_empty_file(text: str) -> None:
    result, errors = split(text)
    assert result is None
    assert errors == ["content/doc.md:1: the file is empty\n"
                      "    hint: write the document's frontmatter and body, or delete the file"]


@pytest.mark.parametrize("text", ["---\n---\nBody\n", "---\n\n# only a comment\n---\nBody\n"])
def test_empty_frontmatter(text: str) -> None:
    result, errors = split(text)
    assert result is None
    assert errors == ["content/doc.md:2: the frontmatter is empty\n    hint: add at least a title and a kind"]


@pytest.mark.parametrize("text", ["---\n- title\n- kind\n---\n", "---\njust some text\n---\n"])
def test_frontmatter_that_is_not_a_mapping(text: str) -> None:
    result, errors = split(text)
    assert result is None
    assert errors == ["content/doc.md:2: the frontmatter must be a mapping of fields (key: value)\n"
                      "    hint: write one 'field: value' per line"]


def test_fence_with_trailing_spaces_is_accepted() -> None:
    result, errors = split("---  \ntitle: A\n---\t\nBody\n")
    assert errors == []
    assert result is not None and result.meta.value == {"title": "A"}


# --- line numbers --------------------------------------------------------------------------------

DOCUMENT = """\
---
# a comment line before the first field
title: FSDC and CAICT sign MOU
kind: press-release
topics: [blockchain, fintech]
agreement:
  id: fsdc-caict-2023
  parties:
    - FSDC
    - CAICT
  signatories:
    - {name: Jin Jian, honorific: Mr, party: CAICT}
    - name: King Au
      party: FSDC
---
Body
"""


def test_line_numbers_of_keys_nested_keys_and_list_items() -> None:
    result, errors = split(DOCUMENT)
    assert errors == []
    assert result is not None
    meta = result.meta
    assert meta.line(("title",)) == 3
    assert meta.line(("kind",)) == 4
    assert meta.line(("topics",)) == 5
    assert meta.line(("topics", 1)) == 5
    assert meta.line(("agreement",)) == 6
    assert meta.line(("agreement", "id")) == 7
    assert meta.line(("agreement", "parties")) == 8
    assert meta.line(("agreement", "parties", 0)) == 9
    assert meta.line(("agreement", "parties", 1)) == 10
    assert meta.line(("agreement", "signatories", 0)) == 12
    assert meta.line(("agreement", "signatories", 0, "party")) == 12
    assert meta.line(("agreement", "signatories", 1)) == 13
    assert meta.line(("agreement", "signatories", 1, "name")) == 13
    assert meta.line(("agreement", "signatories", 1, "party")) == 14
    assert result.body_line == 16


def test_line_of_an_unknown_path_falls_back_to_its_nearest_parent() -> None:
    result, _ = split(DOCUMENT)
    assert result is not None
    assert result.meta.line(("agreement", "signed")) == 6
    assert result.meta.line(("agreement", "signatories", 1, "title")) == 13
    assert result.meta.line(("nowhere",)) == 3  # the mapping itself starts at its first key


def test_line_numbers_count_from_first_line() -> None:
    meta, errors = parse("a: 1\nb:\n  c: 2\n", first_line=40)
    assert errors == []
    assert meta is not None
    assert (meta.line(("a",)), meta.line(("b",)), meta.line(("b", "c"))) == (40, 41, 42)


def test_too_deep_nesting_is_refused() -> None:
    text = "a: " + "[" * 40 + "]" * 40 + "\n"
    meta, errors = parse(text)
    assert meta is None
    assert errors and "too large or too deeply nested" in errors[0]
