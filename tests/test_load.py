"""Loading content: one bad file per case, asserting the exact `path:line: field: message` and hint."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import formatted
from mouarchive.archive import build_archive
from mouarchive.build import check_site
from mouarchive.cache import BodyPacks
from mouarchive.config import load_config
from mouarchive.errors import Problems
from mouarchive.load import load_content
from mouarchive.model import PartialDate, Person
from mouarchive.render import Renderer

Check = Callable[[dict[str, str | bytes]], list[str]]

DATE_HINT = ("write the date as YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2023-09-06; "
             "if only the month or year is known, write just that")
KIND_CHOICES = "use one of: press-release, news, statement, speech, text, translation"

GOOD = """\
---
title: FSDC and CAICT sign MOU to foster digital and green finance innovation
kind: press-release
published: 2023-09-11
publisher: FSDC
place: Hong Kong
source: https://www.fsdc.org.hk/en/media/press-release
lang: en
topics: [blockchain, Fintech, DLT]
agreement:
  id: fsdc-caict-2023
  title: MOU between FSDC and CAICT
  instrument: Memorandum of Understanding
  parties: [FSDC, China Academy of Information and Communications Technology]
  signed: 2023-09-06
  signatories:
    - {name: Jin Jian, honorific: Mr, title: Director, party: CAICT}
    - {name: King Au, honorific: Dr, title: Executive Director, party: fsdc}
  witnesses:
    - {name: Laurence Li, honorific: Mr, suffix: SC, title: Chairman, party: FSDC, name_zh: 李律仁}
---
The Financial Services Development Council (FSDC) *announced* an MOU.

## The signing

More text.
"""


def load(site: Path) -> tuple[list, list[str]]:
    problems = Problems()
    content = load_content(site / "content", "en", problems)
    return list(content.documents), [p.format() for p in problems.items]


def one_error(check: Check, text: str) -> str:
    errors = check({"content/doc.md": text})
    assert len(errors) == 1, errors
    return errors[0]


# --- a good document -----------------------------------------------------------------------------


def test_a_good_document_loads_with_every_field(make_site: Callable[..., Path]) -> None:
    documents, errors = load(make_site({"content/2023/fsdc-caict-mou.md": GOOD}))
    assert errors == []
    [doc] = documents
    assert doc.path == "content/2023/fsdc-caict-mou.md"
    assert doc.slug == "fsdc-caict-mou"
    assert doc.kind == "press-release"
    assert doc.published == PartialDate(2023, 9, 11)
    assert doc.publisher == "FSDC" and doc.publisher_party == "fsdc"
    assert doc.topics == ("blockchain", "fintech")  # an alias and a duplicate resolve to one id
    assert doc.refers == ()
    [facts] = doc.states
    assert facts.id == "fsdc-caict-2023"
    assert facts.line == 10
    assert facts.parties == ("fsdc", "caict")
    assert facts.signed == PartialDate(2023, 9, 6)
    assert facts.line_of("signed") == 15
    assert facts.line_of("signatories") == 16
    assert facts.signatories == (
        Person("Jin Jian", "Mr", None, "Director", "caict"),
        Person("King Au", "Dr", None, "Executive Director", "fsdc"),
    )
    assert facts.witnesses == (Person("Laurence Li", "Mr", "SC", "Chairman", "fsdc", "李律仁"),)
    assert doc.agreement_line == 10
    assert "<h3>The signing</h3>" in doc.body_html  # demoted: the page title is the only h1
    assert doc.summary == "The Financial Services Development Council (FSDC) announced an MOU."


def test_short_texts_read_from_two_documents_are_one_object(make_site: Callable[..., Path]) -> None:
    """fields.shared: a kind, an instrument, a person's title or a place that many documents state is
    held once, not once per document (the records' memory at 10,000 documents and more)."""
    other = GOOD.replace("fsdc-caict-2023", "fsdc-caict-2024").replace("FSDC and CAICT sign", "They sign")
    documents, errors = load(make_site({"content/a.md": GOOD, "content/b.md": other}))
    assert errors == []
    first, second = documents
    assert first.path != second.path and first.kind == second.kind == "press-release"
    assert first.kind is second.kind and first.place is second.place
    [a], [b] = first.states, second.states
    assert a.instrument == b.instrument and a.instrument is b.instrument
    assert a.signatories[0].title is b.signatories[0].title  # "Director"
    assert [key for key, _line in a.lines] == [key for key, _line in b.lines]
    assert all(x is y for (x, _), (y, _) in zip(a.lines, b.lines, strict=True))
    assert first.title is not second.title  # a long text is kept as it was read


def test_a_document_that_refers_to_an_agreement_by_id(make_site: Callable[..., Path]) -> None:
    text = "---\ntitle: A speech\nkind: speech\nagreement: fsdc-caict-2023\n---\nText\n"
    documents, errors = load(make_site({"content/speech.md": text}))
    assert errors == []
    assert documents[0].refers == ("fsdc-caict-2023",)
    assert documents[0].states == ()
    assert documents[0].agreement_line == 4
    assert documents[0].lang == "en"  # the site's default


def test_slug_field_overrides_the_file_name(make_site: Callable[..., Path]) -> None:
    text = "---\ntitle: A\nkind: news\nslug: my-slug\n---\n"
    documents, errors = load(make_site({"content/Some File.md": text}))
    assert errors == []
    assert documents[0].slug == "my-slug"


def test_file_name_that_is_not_a_slug_is_slugified(make_site: Callable[..., Path]) -> None:
    documents, errors = load(make_site({"content/Some File.md": "---\ntitle: A\nkind: news\n---\n"}))
    assert errors == []
    assert documents[0].slug == "some-file"


def test_utf8_bom_and_crlf_load_like_plain_utf8(make_site: Callable[..., Path]) -> None:
    crlf = GOOD.replace("\n", "\r\n").encode("utf-8")
    site = make_site({
        "content/2023/plain.md": GOOD.replace("fsdc-caict-2023", "plain-2023"),
        "content/2023/bom.md": b"\xef\xbb\xbf" + GOOD.replace("fsdc-caict-2023", "bom-2023").encode(),
        "content/2023/crlf.md": crlf.replace(b"fsdc-caict-2023", b"crlf-2023"),
        "content/2023/old-mac.md": GOOD.replace("\n", "\r").replace("fsdc-caict-2023", "cr-2023").encode(),
    })
    documents, errors = load(site)
    assert errors == []
    by_name = {d.path.rsplit("/", 1)[1]: d for d in documents}
    plain = by_name["plain.md"]
    for name in ("bom.md", "crlf.md", "old-mac.md"):
        doc = by_name[name]
        assert doc.title == plain.title
        assert doc.body_html == plain.body_html
        assert doc.states[0].lines == plain.states[0].lines
        assert "\r" not in doc.body_html


def test_yaml_1_1_traps_in_a_document(make_site: Callable[..., Path]) -> None:
    text = "---\ntitle: NO\nkind: news\nplace: 12:30\npublished: 2023-09\n---\n"
    documents, errors = load(make_site({"content/doc.md": text}))
    assert errors == []
    assert documents[0].title == "NO"
    assert documents[0].place == "12:30"
    assert documents[0].published == PartialDate(2023, 9)


def test_null_values_are_absent(make_site: Callable[..., Path]) -> None:
    text = "---\ntitle: A\nkind: news\npublished: ~\nplace: null\nsource:\n---\n"
    documents, errors = load(make_site({"content/doc.md": text}))
    assert errors == []
    assert (documents[0].published, documents[0].place, documents[0].source) == (None, None, None)


# --- one problem per file, exactly as printed -------------------------------------------------------


def test_missing_title(check_files: Check) -> None:
    assert one_error(check_files, "---\nkind: news\n---\nBody\n") == (
        "content/doc.md:2: the field 'title' is required\n"
        "    hint: add 'title: ...' with the headline")


def test_empty_title(check_files: Check) -> None:
    assert one_error(check_files, "---\nkind: news\ntitle:\n---\n") == (
        "content/doc.md:3: title: is empty\n"
        "    hint: add 'title: ...' with the headline")


def test_missing_kind(check_files: Check) -> None:
    assert one_error(check_files, "---\ntitle: A\n---\nBody\n") == (
        f"content/doc.md:2: the field 'kind' is required\n    hint: {KIND_CHOICES}")


def test_bad_kind_with_suggestion(check_files: Check) -> None:
    assert one_error(check_files, "---\ntitle: A\nkind: press release\n---\n") == (
        "content/doc.md:3: kind: 'press release' is not one of the allowed values\n"
        f"    hint: did you mean 'press-release'? {KIND_CHOICES}")


def test_bad_kind_without_suggestion(check_files: Check) -> None:
    assert one_error(check_files, "---\ntitle: A\nkind: zzzzzz\n---\n") == (
        f"content/doc.md:3: kind: 'zzzzzz' is not one of the allowed values\n    hint: {KIND_CHOICES}")


def test_bad_lang(check_files: Check) -> None:
    assert one_error(check_files, "---\ntitle: A\nkind: news\nlang: zh-hant\n---\n") == (
        "content/doc.md:4: lang: 'zh-hant' is not one of the allowed values\n"
        "    hint: did you mean 'zh-Hant'? use one of: en, zh-Hant, zh-Hans")


def test_impossible_date(check_files: Check) -> None:
    assert one_error(check_files, "---\ntitle: A\nkind: news\npublished: 2023-02-30\n---\n") == (
        "content/doc.md:4: published: '2023-02-30' is not a real date: February 2023 has 28 days\n"
        f"    hint: {DATE_HINT}")


def test_impossible_date_in_a_leap_year_names_29_days(check_files: Check) -> None:
    error = one_error(check_files, "---\ntitle: A\nkind: news\npublished: 2024-02-30\n---\n")
    assert error.startswith("content/doc.md:4: published: '2024-02-30' is not a real date: "
                            "February 2024 has 29 days\n")


def test_date_in_the_wrong_format(check_files: Check) -> None:
    assert one_error(check_files, "---\ntitle: A\nkind: news\npublished: 06/09/2023\n---\n") == (
        "content/doc.md:4: published: '06/09/2023' is not a date in the form YYYY-MM-DD, YYYY-MM or YYYY\n"
        f"    hint: {DATE_HINT}")


def test_impossible_signing_date_inside_the_agreement(check_files: Check) -> None:
    text = "---\ntitle: A\nkind: news\nagreement:\n  id: x-2023\n  parties: [FSDC]\n  signed: 2023-13\n---\n"
    assert one_error(check_files, text) == (
        "content/doc.md:7: agreement.signed: '2023-13' is not a real date: there is no month 13\n"
        f"    hint: {DATE_HINT}")


def test_text_where_a_list_is_expected(check_files: Check) -> None:
    assert one_error(check_files, "---\ntitle: A\nkind: news\ntopics: blockchain\n---\n") == (
        "content/doc.md:4: topics: expected a list, found the text 'blockchain'\n"
        "    hint: write a list, e.g. topics: [blockchain]")


def test_a_list_where_text_is_expected(check_files: Check) -> None:
    assert one_error(check_files, "---\ntitle: A\nkind: news\nplace: [Hong Kong, Beijing]\n---\n") == (
        "content/doc.md:4: place: expected text, found a list\n"
        "    hint: write one value after 'place:', quoted if it contains ': ' or starts with [ or {")


def test_a_mapping_where_text_is_expected(check_files: Check) -> None:
    assert one_error(check_files, "---\ntitle: A\nkind: news\npublisher: {name: FSDC}\n---\n") == (
        "content/doc.md:4: publisher: expected text, found a mapping\n"
        "    hint: write one value after 'publisher:', quoted if it contains ': ' or starts with [ or {")


def test_source_that_is_not_a_url(check_files: Check) -> None:
    assert one_error(check_files, "---\ntitle: A\nkind: news\nsource: www.fsdc.org.hk\n---\n") == (
        "content/doc.md:4: source: 'www.fsdc.org.hk' is not an http(s) URL\n"
        "    hint: write the full address, starting with https://")


def test_unknown_topic_with_nearest_suggestion(check_files: Check) -> None:
    assert one_error(check_files, "---\ntitle: A\nkind: news\ntopics: [AI, blokchain]\n---\n") == (
        "content/doc.md:4: topics[1]: unknown topic 'blokchain'\n"
        "    hint: did you mean 'Blockchain'? otherwise add it to content/topics.yaml")


def test_unknown_topic_in_a_block_list_points_at_its_item(check_files: Check) -> None:
    text = "---\ntitle: A\nkind: news\ntopics:\n  - AI\n  - cross-boundary data flows\n---\n"
    assert one_error(check_files, text) == (
        "content/doc.md:6: topics[1]: unknown topic 'cross-boundary data flows'\n"
        "    hint: did you mean 'Cross-border data'? otherwise add it to content/topics.yaml")


def test_unknown_topic_with_nothing_near(check_files: Check) -> None:
    assert one_error(check_files, "---\ntitle: A\nkind: news\ntopics: [zzzzzzzz]\n---\n") == (
        "content/doc.md:4: topics[0]: unknown topic 'zzzzzzzz'\n"
        "    hint: add it to content/topics.yaml first, or check the spelling")


def test_unknown_party_suggested_by_acronym(check_files: Check) -> None:
    text = "---\ntitle: A\nkind: news\nagreement:\n  id: x-2023\n  parties: [FSCD, CAICT]\n---\n"
    assert one_error(check_files, text) == (
        "content/doc.md:6: agreement.parties[0]: unknown party 'FSCD'\n"
        "    hint: did you mean 'FSDC'? otherwise add it to content/parties.yaml")


def test_unknown_party_suggested_by_name(check_files: Check) -> None:
    text = ("---\ntitle: A\nkind: news\nagreement:\n  id: x-2023\n"
            "  parties:\n    - FSDC\n    - Cyberspace Administration of Chna\n---\n")
    assert one_error(check_files, text) == (
        "content/doc.md:8: agreement.parties[1]: unknown party 'Cyberspace Administration of Chna'\n"
        "    hint: did you mean 'CAC'? otherwise add it to content/parties.yaml")


def test_unknown_party_of_a_person(check_files: Check) -> None:
    text = ("---\ntitle: A\nkind: news\nagreement:\n  id: x-2023\n  parties: [FSDC, CAICT]\n"
            "  signatories:\n    - {name: King Au, party: FSCD}\n---\n")
    assert one_error(check_files, text) == (
        "content/doc.md:8: agreement.signatories[0].party: unknown party 'FSCD'\n"
        "    hint: did you mean 'FSDC'? otherwise add it to content/parties.yaml")


def test_parties_resolve_by_id_name_alias_chinese_and_former_name(make_site: Callable[..., Path]) -> None:
    text = ("---\ntitle: A\nkind: news\nagreement:\n  id: x-2023\n"
            "  parties: [itib, hksar government, 香港特別行政區政府, ITB, Innovation and Technology Bureau,"
            " ministry  of INDUSTRY and information technology]\n---\n")
    documents, errors = load(make_site({"content/doc.md": text}))
    assert errors == []
    assert documents[0].states[0].parties == ("itib", "hksar-gov", "miit")


def test_unknown_field_with_did_you_mean(check_files: Check) -> None:
    assert one_error(check_files, "---\ntitle: A\nkind: news\npublshed: 2023-09-11\n---\n") == (
        "content/doc.md:4: publshed: unknown field\n    hint: did you mean 'published'?")


def test_unknown_field_inside_the_agreement(check_files: Check) -> None:
    text = "---\ntitle: A\nkind: news\nagreement:\n  id: x-2023\n  parties: [FSDC]\n  sigend: 2023\n---\n"
    assert one_error(check_files, text) == (
        "content/doc.md:7: agreement.sigend: unknown field\n    hint: did you mean 'signed'?")


def test_unknown_field_with_nothing_near_lists_the_fields(check_files: Check) -> None:
    error = one_error(check_files, "---\ntitle: A\nkind: news\nzzz: 1\n---\n")
    assert error == ("content/doc.md:4: zzz: unknown field\n    hint: known fields: title, kind, published, "
                     "publisher, place, source, archived, original, lang, topics, agreement, slug, aliases, "
                     "draft, embargo, "
                     "translation_of, translated_by")


def test_agreement_reference_that_is_not_an_id(check_files: Check) -> None:
    assert one_error(check_files, "---\ntitle: A\nkind: news\nagreement: FSDC and CAICT\n---\n") == (
        "content/doc.md:4: agreement: 'FSDC and CAICT' is not an agreement id\n"
        "    hint: refer to an agreement by its id, e.g. agreement: fsdc-caict-2023")


def test_agreement_id_that_is_not_a_slug(check_files: Check) -> None:
    text = "---\ntitle: A\nkind: news\nagreement:\n  id: FSDC_2023\n  parties: [FSDC]\n---\n"
    assert one_error(check_files, text) == (
        "content/doc.md:5: agreement.id: 'FSDC_2023' is not a valid agreement id\n"
        "    hint: use lowercase letters, digits and hyphens, e.g. 'fsdc-2023'")


def test_agreement_without_an_id(check_files: Check) -> None:
    text = "---\ntitle: A\nkind: news\nagreement:\n  parties: [FSDC]\n---\n"
    assert one_error(check_files, text) == (
        "content/doc.md:4: agreement: the field 'id' is required\n"
        "    hint: every agreement needs a permanent id, e.g. fsdc-caict-2023")


def test_second_agreement_in_a_list_has_its_index(check_files: Check) -> None:
    text = ("---\ntitle: A\nkind: news\nagreement:\n  - fsdc-caict-2023\n"
            "  - {id: Bad Id, parties: [FSDC]}\n---\n")
    assert one_error(check_files, text) == (
        "content/doc.md:6: agreement[1].id: 'Bad Id' is not a valid agreement id\n"
        "    hint: use lowercase letters, digits and hyphens, e.g. 'bad-id'")


def test_person_given_as_a_plain_string(check_files: Check) -> None:
    text = ("---\ntitle: A\nkind: news\nagreement:\n  id: x-2023\n  parties: [FSDC, CAICT]\n"
            "  signatories:\n    - John Lee\n    - {name: King Au, party: FSDC}\n---\n")
    assert one_error(check_files, text) == (
        "content/doc.md:8: agreement.signatories[0]: a person must be a mapping with at least a name\n"
        "    hint: e.g. {name: Jin Jian, honorific: Mr, title: Director, party: CAICT}")


def test_people_given_as_text_not_a_list(check_files: Check) -> None:
    text = ("---\ntitle: A\nkind: news\nagreement:\n  id: x-2023\n  parties: [FSDC]\n"
            "  witnesses: John Lee\n---\n")
    assert one_error(check_files, text) == (
        "content/doc.md:7: agreement.witnesses: expected a list of people, found the text 'John Lee'\n"
        "    hint: write one '- {name: ..., title: ..., party: ...}' per person, "
        "e.g. {name: Jin Jian, honorific: Mr, title: Director, party: CAICT}")


def test_signed_derived_from_without_signed(check_files: Check) -> None:
    text = ("---\ntitle: A\nkind: news\nagreement:\n  id: x-2023\n  parties: [FSDC]\n"
            "  signed_derived_from: the Sunday before\n---\n")
    assert one_error(check_files, text) == (
        "content/doc.md:7: agreement.signed_derived_from: explains a signing date that is not given\n"
        "    hint: add 'signed:' with the date worked out, or remove this field")


def test_supersedes_with_a_bad_id(check_files: Check) -> None:
    text = ("---\ntitle: A\nkind: news\nagreement:\n  id: x-2023\n  parties: [FSDC]\n"
            "  supersedes: [x-2019, Old MOU]\n---\n")
    assert one_error(check_files, text) == (
        "content/doc.md:7: agreement.supersedes[1]: 'Old MOU' is not an agreement id\n"
        "    hint: use the id of another agreement, e.g. fsdc-caict-2023")


def test_bad_status_with_suggestion(check_files: Check) -> None:
    text = "---\ntitle: A\nkind: news\nagreement:\n  id: x-2023\n  parties: [FSDC]\n  status: inforce\n---\n"
    assert one_error(check_files, text) == (
        "content/doc.md:7: agreement.status: 'inforce' is not one of the allowed values\n"
        "    hint: did you mean 'in-force'? use one of: signed, in-force, expired, terminated, superseded")


def test_duplicate_key_in_a_document(check_files: Check) -> None:
    assert one_error(check_files, "---\ntitle: A\nkind: news\ntitle: B\n---\n") == (
        "content/doc.md:4: the field 'title' appears twice (first on line 2)\n    hint: keep one of them")


def test_non_utf8_file_is_an_error_with_its_line(check_files: Check) -> None:
    data = "---\ntitle: A\nkind: news\nplace: Macau\n---\nCafé\n".encode()
    data = data.replace("Café".encode(), "Caf\xe9".encode("latin-1"))
    assert one_error(check_files, data) == (
        "content/doc.md:6: is not UTF-8 text\n"
        "    hint: save the file as UTF-8 (most editors offer it under 'Save with encoding')")


def test_no_frontmatter_in_a_document(check_files: Check) -> None:
    assert one_error(check_files, "# Just Markdown\n").startswith("content/doc.md:1: no frontmatter: ")


def test_a_document_with_an_error_is_left_out_but_others_load(make_site: Callable[..., Path]) -> None:
    site = make_site({
        "content/a.md": "---\ntitle: A\nkind: news\n---\n",
        "content/b.md": "---\ntitle: B\nkind: nope\n---\n",
    })
    documents, errors = load(site)
    assert [d.path for d in documents] == ["content/a.md"]
    assert len(errors) == 1


def test_only_markdown_files_are_read_and_hidden_ones_skipped(make_site: Callable[..., Path]) -> None:
    site = make_site({
        "content/a.md": "---\ntitle: A\nkind: news\n---\n",
        "content/notes.txt": "not a document",
        "content/.draft.md": "no frontmatter at all",
    })
    documents, errors = load(site)
    assert errors == []
    assert [d.path for d in documents] == ["content/a.md"]


# --- parties.yaml and topics.yaml ----------------------------------------------------------------

PARTIES_WITH_PROBLEMS = """\
- id: gov
  name: Government of Exampleland
  jurisdiction: hk
- name: Nameless party without an id but with a name
  jurisdiction: HKG
- id: bureau
  name: Digital Bureau
  parent: govt
- id: gov
  name: Second Government
- id: council
  name: government of  EXAMPLELAND
  acronym: GOV
"""


def test_parties_yaml_problems(check_files: Check) -> None:
    errors = check_files({"content/parties.yaml": PARTIES_WITH_PROBLEMS})
    assert errors == [
        "content/parties.yaml:3: [0].jurisdiction: 'hk' is not an ISO 3166 country code\n"
        "    hint: use two capital letters: HK, MO, CN, GB ...",
        "content/parties.yaml:5: [1].jurisdiction: 'HKG' is not an ISO 3166 country code\n"
        "    hint: use two capital letters: HK, MO, CN, GB ...",
        "content/parties.yaml:8: [2].parent: unknown party 'govt'\n"
        "    hint: the parent must be the id of another party in this file",
        "content/parties.yaml:9: [3].id: the id 'gov' is used twice (first at line 1)\n"
        "    hint: give each entry its own id",
        "content/parties.yaml:12: [4].name: the name 'government of  EXAMPLELAND' also belongs to "
        "party 'gov'\n"
        "    hint: merge the two entries, or tell them apart in their names",
    ]


def test_vocabulary_lines_stay_right_after_an_entry_with_an_error(check_files: Check) -> None:
    parties = """\
- id: broken
- id: alpha
  name: Alpha
- id: alpha
  name: Alpha Two
  parent: nope
"""
    assert check_files({"content/parties.yaml": parties}) == [
        "content/parties.yaml:1: [0]: the field 'name' is required",
        "content/parties.yaml:4: [2].id: the id 'alpha' is used twice (first at line 2)\n"
        "    hint: give each entry its own id",
        "content/parties.yaml:6: [2].parent: unknown party 'nope'\n"
        "    hint: the parent must be the id of another party in this file",
    ]


def test_parent_loop(check_files: Check) -> None:
    parties = "- {id: a, name: A, parent: b}\n- {id: b, name: B, parent: a}\n"
    assert check_files({"content/parties.yaml": parties}) == [
        "content/parties.yaml:1: [0].parent: the parents of 'a' form a loop\n"
        "    hint: one of the entries must have no parent",
        "content/parties.yaml:2: [1].parent: the parents of 'b' form a loop\n"
        "    hint: one of the entries must have no parent",
    ]


def test_bad_party_id(check_files: Check) -> None:
    assert check_files({"content/parties.yaml": "- id: Gov HK\n  name: Government\n"}) == [
        "content/parties.yaml:1: [0].id: 'Gov HK' is not a valid id\n"
        "    hint: use lowercase letters, digits and hyphens, e.g. 'gov-hk'",
    ]


def test_parties_yaml_that_is_not_a_list(check_files: Check) -> None:
    assert check_files({"content/parties.yaml": "gov: Government\n"}) == [
        "content/parties.yaml:1: expected a list of parties, found a mapping\n"
        "    hint: start each party with '- id: ...'",
    ]


def test_missing_parties_yaml(make_site: Callable[..., Path]) -> None:
    site = make_site()
    (site / "content/parties.yaml").unlink()
    _documents, errors = load(site)
    assert errors == ["content/parties.yaml: parties.yaml is missing from the content directory\n"
                      "    hint: create it; docs/editing.md shows its format"]


def test_shared_acronym_is_an_error_only_where_it_is_used(check_files: Check) -> None:
    parties = ("- {id: fsdc-hk, name: Financial Services Development Council, acronym: FSDC}\n"
               "- {id: fsdc-two, name: Fintech Skills Development Centre, acronym: FSDC}\n")
    assert check_files({"content/parties.yaml": parties}) == []
    text = "---\ntitle: A\nkind: news\nagreement:\n  id: x-2023\n  parties: [FSDC]\n---\n"
    errors = check_files({"content/parties.yaml": parties, "content/doc.md": text})
    assert errors == ["content/doc.md:6: agreement.parties[0]: 'FSDC' could be any of 2 party entries: "
                      "'fsdc-hk', 'fsdc-two'\n    hint: write the id of the one you mean"]


def test_topics_yaml_duplicate_id_and_unknown_parent(check_files: Check) -> None:
    topics = ("- id: ai\n  name: AI\n- id: ai\n  name: Artificial intelligence\n"
              "- {id: ml, name: ML, parent: a1}\n")
    assert check_files({"content/topics.yaml": topics}) == [
        "content/topics.yaml:3: [1].id: the id 'ai' is used twice (first at line 1)\n"
        "    hint: give each entry its own id",
        "content/topics.yaml:5: [2].parent: unknown topic 'a1'\n"
        "    hint: the parent must be the id of another topic in this file",
    ]


# --- everything in one run, sorted -----------------------------------------------------------------


def test_all_problems_in_several_files_are_reported_sorted_by_file_then_line(check_files: Check) -> None:
    errors = check_files({
        "content/2024/b.md": "---\ntitle: B\nkind: newz\npublished: 2024-13-01\n---\n",
        "content/2023/a.md": "---\nkind: news\ntopics: [blokchain]\nplace: [x]\n---\n",
        "content/parties.yaml": "- id: gov\n  name: Government\n  jurisdiction: hk\n",
        "content/2023/c.md": b"---\ntitle: \xff\nkind: news\n---\n",
    })
    assert [e.split("\n")[0] for e in errors] == [
        "content/2023/a.md:2: the field 'title' is required",
        "content/2023/a.md:3: topics[0]: unknown topic 'blokchain'",
        "content/2023/a.md:4: place: expected text, found a list",
        "content/2023/c.md:2: is not UTF-8 text",
        "content/2024/b.md:3: kind: 'newz' is not one of the allowed values",
        "content/2024/b.md:4: published: '2024-13-01' is not a real date: there is no month 13",
        "content/parties.yaml:3: [0].jurisdiction: 'hk' is not an ISO 3166 country code",
    ]


def test_missing_content_directory(make_site: Callable[..., Path]) -> None:
    site = make_site()
    problems = Problems()
    load_content(site / "nowhere", "en", problems)
    assert "content: the content directory does not exist\n    hint: create it, or set content_dir in " \
        "mouarchive.toml" in [p.format() for p in problems.errors]


@pytest.mark.parametrize("name", ["content/2023/doc.md", "content/a/b/c/doc.md"])
def test_paths_in_messages_are_relative_to_the_site(check_files: Check, name: str) -> None:
    [error] = check_files({name: "---\ntitle: A\n---\n"})
    assert error.startswith(f"{name}:2: ")


def test_an_original_is_found_under_the_content_directory_and_never_outside(
        make_site: Callable[..., Path], tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("not the archive's")
    site = make_site({"content/a.md": "---\ntitle: A\nkind: news\noriginal: {file: ./originals/a.txt}\n---\n",
                      "content/b.md": "---\ntitle: B\nkind: news\noriginal:\n  file: content/b.pdf\n---\n",
                      "content/b.pdf": b"%PDF the MOU"})
    (site / "content/originals").mkdir()
    (site / "content/originals/a.txt").symlink_to(secret)
    archive, _pages, problems = check_site(load_config(site))
    assert formatted(problems)[0] == (
        "content/a.md:4: original.file: content/originals/a.txt is a link to a file outside content/, "
        "which is not published\n    hint: copy the file into content/ instead of linking to it")
    original = archive.documents["content/b.md"].original
    assert original is not None and (original.file, original.size) == ("content/b.pdf", 12)
    assert original.sha256 == hashlib.sha256(b"%PDF the MOU").hexdigest()


def test_a_body_in_the_caches_packs_keeps_its_summary_there(make_site: Callable[..., Path],
                                                            tmp_path: Path) -> None:
    """A document whose body goes to the cache's packs holds no summary in memory either (86 MiB at
    100,000 documents, in the build and each render worker: RESULTS.md, issue 12); its page and
    linked data make it again from the body."""
    root = make_site({"content/2023/fsdc-caict-mou.md": GOOD})
    config = load_config(root)
    bodies = BodyPacks(tmp_path / "bodies")
    problems = Problems()
    content = load_content(config.content, config.language, problems, bodies=bodies)
    [doc] = content.documents
    assert doc.summary == "" and doc.body_html == "" and doc.body_ref is not None
    archive = build_archive(content, problems)
    renderer = Renderer(config, archive, bodies)
    assert renderer.summary(doc) == "The Financial Services Development Council (FSDC) announced an MOU."
