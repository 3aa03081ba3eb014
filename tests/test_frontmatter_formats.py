"""TOML (`+++`) and JSON (`{...}`) frontmatter, as Hugo writes them: the same values, records and
messages as YAML frontmatter, with the file line of every key."""

from __future__ import annotations

import pytest

from mouarchive.documents import read_document
from mouarchive.errors import Problems
from mouarchive.frontmatter import SplitDocument, split_document
from mouarchive.vocabularies import Names

PARTY_NAMES = Names("party", "content/parties.yaml", {"fsdc": ("fsdc", "FSDC"), "caict": ("caict", "CAICT")})
TOPIC_NAMES = Names("topic", "content/topics.yaml", {"fintech": ("fintech",), "blockchain": ("blockchain",)})

# One document in the three formats, each key on the same line in each, so that the records (which
# keep the lines of their facts) come out equal.
YAML = """\
---
title: FSDC and CAICT sign MOU
kind: press-release
published: 2023-09-11
topics: [fintech, blockchain]
agreement:
  id: fsdc-caict-2023
  parties: [FSDC, CAICT]
  signed: 2023-09
  signatories:
    - {name: Jin Jian, honorific: Mr, party: CAICT}
    - {name: King Au, honorific: Dr, party: FSDC}
---
The FSDC signed an MOU with [CAICT](party:caict).
"""

TOML = """\
+++
title = "FSDC and CAICT sign MOU"
kind = "press-release"
published = 2023-09-11
topics = ["fintech", "blockchain"]
[agreement]
id = "fsdc-caict-2023"
parties = ["FSDC", "CAICT"]
signed = "2023-09"
signatories = [
  {name = "Jin Jian", honorific = "Mr", party = "CAICT"},
  {name = "King Au", honorific = "Dr", party = "FSDC"}]
+++
The FSDC signed an MOU with [CAICT](party:caict).
"""

JSON = """\
{
 "title": "FSDC and CAICT sign MOU",
 "kind": "press-release",
 "published": "2023-09-11",
 "topics": ["fintech", "blockchain"],
 "agreement": {
  "id": "fsdc-caict-2023",
  "parties": ["FSDC", "CAICT"],
  "signed": "2023-09",
  "signatories": [
   {"name": "Jin Jian", "honorific": "Mr", "party": "CAICT"},
   {"name": "King Au", "honorific": "Dr", "party": "FSDC"}]}
}
The FSDC signed an MOU with [CAICT](party:caict).
"""


def split(text: str) -> tuple[SplitDocument | None, list[str]]:
    problems = Problems()
    result = split_document(text, "content/doc.md", problems)
    return result, [p.format() for p in problems.items]


def read(text: str, parties: Names = PARTY_NAMES) -> tuple[object, list[str]]:
    problems = Problems()
    document = read_document(text, "content/doc.md", "en", parties, TOPIC_NAMES, problems)
    return document, [p.format() for p in problems.items]


# --- the same records as YAML --------------------------------------------------------------------


@pytest.mark.parametrize("text", [TOML, JSON], ids=["toml", "json"])
def test_toml_and_json_give_the_records_yaml_gives(text: str) -> None:
    expected, yaml_errors = read(YAML)
    document, errors = read(text)
    assert yaml_errors == errors == []
    assert document is not None
    assert document == expected  # the same fields, facts, people, links, body, and lines


@pytest.mark.parametrize("text", [TOML, JSON], ids=["toml", "json"])
def test_toml_and_json_values_and_lines_are_yamls(text: str) -> None:
    expected, _ = split(YAML)
    found, errors = split(text)
    assert errors == []
    assert found is not None and expected is not None
    assert found.meta.value == expected.meta.value
    assert found.body == expected.body and found.body_line == expected.body_line == 14
    for where in [("title",), ("published",), ("topics", 1), ("agreement",), ("agreement", "signed"),
                  ("agreement", "signatories", 1), ("agreement", "signatories", 1, "party")]:
        assert found.meta.line(where) == expected.meta.line(where), where


def test_toml_scalars_are_read_as_text() -> None:
    found, errors = split('+++\ndraft = true\nn = 12\nx = 1.5\nembargo = 2026-12-01T09:00:00+08:00\n'
                          'local = 2026-12-01T09:00:00\nat = 09:30:00\nday = 2023-09-06\n+++\n')
    assert errors == []
    assert found is not None
    assert found.meta.value == {"draft": "true", "n": "12", "x": "1.5",
                                "embargo": "2026-12-01T09:00:00+08:00", "local": "2026-12-01T09:00:00",
                                "at": "09:30:00", "day": "2023-09-06"}


def test_json_scalars_are_read_as_written_and_null_is_none() -> None:
    found, errors = split('{"draft": false, "n": 1.50, "big": 1e3, "slug": null, "t": "x"}\n')
    assert errors == []
    assert found is not None
    assert found.meta.value == {"draft": "false", "n": "1.50", "big": "1e3", "slug": None, "t": "x"}


def test_a_toml_draft_and_embargo_work_as_in_yaml() -> None:
    document, errors = read('+++\ntitle = "T"\nkind = "news"\ndraft = true\n'
                            "embargo = 2026-12-01T09:00:00+08:00\n+++\nBody.\n")
    assert errors == []
    assert document is not None
    assert document.draft is True  # type: ignore[attr-defined]
    assert document.embargo.isoformat() == "2026-12-01T09:00:00+08:00"  # type: ignore[attr-defined]


def test_toml_lists_of_tables_and_dotted_keys_have_lines() -> None:
    found, errors = split("+++\n# the release\ntitle = 'T'\n\n[agreement]\nid = \"x\"\n"
                          'place.city = "Beijing"\n\n[[agreement.signatories]]\nname = "A"\n\n'
                          '[[agreement.signatories]]\nname = "B"\nnotes = """two\nlines"""\n'
                          'party = "FSDC"\n+++\n')
    assert errors == []
    assert found is not None
    lines = found.meta.lines
    assert lines[()] == 3  # the first key, after the comment, as YAML's reader has it
    assert lines[("agreement",)] == 5
    assert lines[("agreement", "place", "city")] == 7
    assert lines[("agreement", "signatories", 0)] == 9
    assert lines[("agreement", "signatories", 0, "name")] == 10
    assert lines[("agreement", "signatories", 1)] == 12
    assert lines[("agreement", "signatories", 1, "notes")] == 14
    assert lines[("agreement", "signatories", 1, "party")] == 16  # after the two-line text


def test_a_field_error_in_toml_points_at_its_line() -> None:
    _document, errors = read('+++\ntitle = "T"\nkind = "memo"\n[agreement]\nid = "x"\n'
                             'signatories = [\n  {name = "A", party = "FSDC"},\n  "Jin Jian"]\n+++\n')
    assert errors == [
        "content/doc.md:3: kind: 'memo' is not one of the allowed values\n"
        "    hint: use one of: press-release, news, statement, speech, text, translation",
        "content/doc.md:8: agreement.signatories[1]: a person must be a mapping with at least a name\n"
        "    hint: e.g. {name: Jin Jian, honorific: Mr, title: Director, party: CAICT}",
    ]


def test_a_field_error_in_json_points_at_its_line() -> None:
    _document, errors = read('{\n "title": "T",\n "kind": "news",\n "published": "2023-13-01"\n}\nBody\n')
    assert len(errors) == 1
    assert errors[0].startswith("content/doc.md:4: published: ")


# --- where the frontmatter ends and the body starts ----------------------------------------------


def test_json_body_starts_on_the_line_after_the_closing_brace() -> None:
    found, errors = split('{"title": "T",\n "kind": "news"}\n\nThe body.\n')
    assert errors == []
    assert found is not None
    assert (found.body, found.body_line) == ("\nThe body.\n", 3)


def test_a_json_object_may_be_all_there_is() -> None:
    found, errors = split('{"title": "T", "kind": "news"}')
    assert errors == []
    assert found is not None and found.body == ""


# --- syntax errors: file, line, a hint -----------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ('+++\ntitle = "T"\nkind = news\n+++\n',
     "content/doc.md:3: TOML syntax: invalid value\n"
     '    hint: text is quoted in TOML, e.g. title = "Hong Kong: a hub"; so is a date of a month or a '
     'year, e.g. signed = "2023-09"'),
    ('+++\ntitle = "T"\nsigned = 2023-09\n+++\n',
     "content/doc.md:3: TOML syntax: expected newline or end of document after a statement\n"
     '    hint: text is quoted in TOML, e.g. title = "Hong Kong: a hub"; so is a date of a month or a '
     'year, e.g. signed = "2023-09"'),
    ('+++\ntitle = "T"\nkind = "news"\ntitle = "U"\n+++\n',
     "content/doc.md:4: the field 'title' appears twice (first on line 2)\n    hint: keep one of them"),
    ('+++\ntitle = "T"\ntopics = ["a",\n',
     "content/doc.md:1: the frontmatter is never closed\n"
     "    hint: add a line of three plus signs (+++) after the last field"),
    ('+++\ntitle = "T"\ntopics = ["a",\n+++\nBody\n',
     "content/doc.md:3: TOML syntax: invalid value\n"
     "    hint: close every quote, [ and { that the last value opens"),
    ("+++\n+++\nBody\n",
     "content/doc.md:2: the frontmatter is empty\n    hint: add at least a title and a kind"),
])
def test_toml_errors_give_file_line_and_hint(text: str, expected: str) -> None:
    assert split(text) == (None, [expected])


@pytest.mark.parametrize(("text", "expected"), [
    ('{\n "title": "T",\n "kind": "news",\n}\nBody\n',
     "content/doc.md:4: JSON syntax: expecting property name enclosed in double quotes\n"
     "    hint: write every key in double quotes, and no comma after the last item"),
    ('{\n "title": "T"\n "kind": "news"\n}\n',
     "content/doc.md:3: JSON syntax: expecting ',' delimiter\n"
     "    hint: put a comma between items, and close every { and [ that opens"),
    ('{\n "title": "T",\n "kind": news\n}\n',
     "content/doc.md:3: JSON syntax: expecting value\n"
     '    hint: text is written in double quotes, e.g. "title": "..."; a list in [...]'),
    ('{\n "title": "T",\n "kind": "news",\n "title": "U"\n}\n',
     "content/doc.md:4: the field 'title' appears twice (first on line 2)\n    hint: keep one of them"),
    ("{}\nBody\n", "content/doc.md:1: the frontmatter is empty\n    hint: add at least a title and a kind"),
])
def test_json_errors_give_file_line_and_hint(text: str, expected: str) -> None:
    assert split(text) == (None, [expected])


@pytest.mark.parametrize("text", [
    "+++\na = " + "[" * 40 + "]" * 40 + "\n+++\n",
    "+++\na = " + "[" * 5000 + "]" * 5000 + "\n+++\n",
    '{"a": ' + "[" * 40 + "]" * 40 + "}\n",
    '{"a": ' + "[" * 5000 + "]" * 5000 + "}\n",
])
def test_deep_nesting_is_refused_without_a_crash(text: str) -> None:
    result, errors = split(text)
    assert result is None
    assert len(errors) == 1 and "the frontmatter is too deeply nested" in errors[0]


def test_a_yaml_document_is_read_as_before() -> None:
    found, errors = split(YAML)
    assert errors == []
    assert found is not None and found.meta.line(("agreement", "signed")) == 9
