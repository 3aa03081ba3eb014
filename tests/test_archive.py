"""The archive index, built from in-memory records: merged facts, disagreements, references, orders."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from mouarchive.archive import Archive, build_archive
from mouarchive.build import check_site
from mouarchive.config import load_config
from mouarchive.errors import Problems
from mouarchive.model import (
    AgreementFacts,
    Claim,
    Content,
    Document,
    PartialDate,
    Party,
    Person,
    Source,
    Topic,
)
from mouarchive.views import busiest, versions_given

PARTIES = (
    Party("hksar-gov", "Government of the Hong Kong Special Administrative Region", acronym="HKSARG"),
    Party("itib", "Innovation, Technology and Industry Bureau", acronym="ITIB", parent="hksar-gov"),
    Party("fsdc", "Financial Services Development Council", acronym="FSDC"),
    Party("cac", "Cyberspace Administration of China", acronym="CAC"),
    Party("miit", "Ministry of Industry and Information Technology", acronym="MIIT"),
    Party("caict", "China Academy of Information and Communications Technology", acronym="CAICT",
          parent="miit"),
)
TOPICS = (
    Topic("artificial-intelligence", "Artificial intelligence"),
    Topic("blockchain", "Blockchain"),
    Topic("fintech", "Fintech"),
)

AGREEMENT_LINE = 10  # where every test document's `agreement:` field is


def facts(ident: str, **fields: Any) -> AgreementFacts:
    """An agreement mapping at line 11; each field on its own line after it, in the order given."""
    for name in ("signed", "effective"):
        if isinstance(fields.get(name), str):
            fields[name] = PartialDate.parse(fields[name])
    for name in ("parties", "supersedes", "amends", "renews", "signatories", "witnesses"):
        if name in fields:
            fields[name] = tuple(fields[name])
    lines = tuple((name, AGREEMENT_LINE + 2 + i) for i, name in enumerate(fields))
    return AgreementFacts(id=ident, line=AGREEMENT_LINE + 1, lines=lines, values=fields)


def document(path: str, published: str | None = None, states: tuple[AgreementFacts, ...] = (),
             refers: tuple[str, ...] = (), topics: tuple[str, ...] = ()) -> Document:
    return Document(
        path=path, slug=path.rsplit("/", 1)[-1].removesuffix(".md"), title=f"About {path}", kind="news",
        lang="en", body_html="<p>Body</p>", summary="Body",
        published=PartialDate.parse(published) if published else None,
        topics=topics, states=states, refers=refers,
        agreement_line=AGREEMENT_LINE if states or refers else 0,
    )


def archive_of(*documents: Document) -> tuple[Archive, Problems]:
    problems = Problems()
    archive = build_archive(Content(PARTIES, TOPICS, tuple(documents)), problems)
    return archive, problems


def messages(problems: Problems) -> list[str]:
    return [p.format() for p in problems.items]


def person(name: str, party: str, title: str | None = None) -> Person:
    return Person(name=name, title=title, party=party)


# --- merging facts with their sources --------------------------------------------------------------


def test_facts_merged_from_several_documents_keep_their_sources() -> None:
    first = document("content/a.md", "2023-09-11", states=(
        facts("fsdc-caict-2023", title="MOU on finance", parties=["fsdc", "caict"]),))
    second = document("content/b.md", "2023-09-12", states=(
        facts("fsdc-caict-2023", signed="2023-09-06", occasion="a conference"),))
    archive, problems = archive_of(second, first)
    assert messages(problems) == []
    agreement = archive.agreements["fsdc-caict-2023"]
    assert agreement.title.claims == (Claim("MOU on finance", (Source("content/a.md", 12),)),)
    assert agreement.parties.claims == (Claim(("fsdc", "caict"), (Source("content/a.md", 13),)),)
    assert agreement.signed.claims == (Claim(PartialDate(2023, 9, 6), (Source("content/b.md", 12),)),)
    assert agreement.occasion.sole == "a conference"
    assert not agreement.instrument.known
    assert agreement.documents == ("content/a.md", "content/b.md")  # oldest first
    assert agreement.disputed_fields == ()


def test_derived_signing_date_keeps_its_explanation_in_the_source() -> None:
    doc = document("content/a.md", "2026-04-13", states=(facts(
        "itib-cac-2026", parties=["itib", "cac"], signed="2026-04-12",
        signed_derived_from="'Sunday' before the publication date"),))
    archive, _ = archive_of(doc)
    [claim] = archive.agreements["itib-cac-2026"].signed.claims
    assert claim.sources == (Source("content/a.md", 13, "'Sunday' before the publication date"),)


def test_agreeing_documents_share_one_claim() -> None:
    a = document("content/a.md", "2026-04-13", states=(facts(
        "itib-cac-2026", title="MOU on AI", parties=["itib", "cac"],
        signatories=[person("Sun Dong", "itib", "Secretary"), person("Wang Jingtao", "cac")]),))
    b = document("content/b.md", "2026-04-14", states=(facts(
        "itib-cac-2026", title="  mou ON ai ", parties=["cac", "itib"],
        signatories=[person("wang  jingtao", "cac", "Deputy Director"), person("Sun Dong", "itib")]),))
    archive, problems = archive_of(a, b)
    assert messages(problems) == []
    agreement = archive.agreements["itib-cac-2026"]
    for name in ("title", "parties", "signatories"):
        fact = getattr(agreement, name)
        assert len(fact.claims) == 1, name
        assert [s.document for s in fact.claims[0].sources] == ["content/a.md", "content/b.md"]
        assert not fact.disputed
    assert agreement.title.sole == "MOU on AI"  # the first document's wording is shown
    assert agreement.disputed_fields == ()


def test_disagreeing_documents_give_a_disputed_fact_and_a_warning_naming_both_files() -> None:
    a = document("content/2026/a.md", "2026-04-13", states=(facts(
        "itib-cac-2026", parties=["itib", "cac"],
        signatories=[person("John Lee", "hksar-gov"), person("Zhuang Rongwen", "cac")]),))
    b = document("content/2026/b.md", None, states=(facts(
        "itib-cac-2026", signed="2026-04-12",
        signatories=[person("Sun Dong", "itib"), person("Wang Jingtao", "cac")]),))
    archive, problems = archive_of(b, a)
    agreement = archive.agreements["itib-cac-2026"]
    assert agreement.signatories.disputed
    assert agreement.signatories.sole is None
    assert [c.sources[0].document for c in agreement.signatories.claims] == [
        "content/2026/a.md", "content/2026/b.md"]  # the dated report first, the undated after
    assert agreement.disputed_fields == ("signatories",)
    assert problems.errors == ()
    assert messages(problems) == [
        "content/2026/a.md:13: warning: agreement.signatories: documents disagree on the signatories of "
        "agreement 'itib-cac-2026': content/2026/a.md:13 says John Lee, Zhuang Rongwen; "
        "content/2026/b.md:13 says Sun Dong, Wang Jingtao\n"
        "    hint: the agreement page shows every version with its source; if one is known to be right, "
        "say why in 'notes:' of the agreement"
    ]


def test_disputed_dates_of_different_precision_sort_and_index_by_both_years() -> None:
    a = document("content/a.md", "2024-01-05", states=(facts("x-2023", parties=["fsdc"], signed="2023-12"),))
    b = document("content/b.md", "2024-01-06", states=(facts("x-2023", signed="2024-01-02"),))
    c = document("content/c.md", "2024-01-07", states=(facts("x-2023", signed="2023"),))
    archive, problems = archive_of(a, b, c)
    agreement = archive.agreements["x-2023"]
    assert agreement.signed.disputed
    assert agreement.dates == (PartialDate(2023), PartialDate(2023, 12), PartialDate(2024, 1, 2))
    assert agreement.sort_date == PartialDate(2023)
    assert archive.by_year == {2024: ("x-2023",), 2023: ("x-2023",)}
    assert [p.field for p in problems.warnings] == ["agreement.signed"]


# --- references across documents ---------------------------------------------------------------------


def test_agreement_whose_parties_no_document_gives_is_an_error_in_each_document() -> None:
    a = document("content/a.md", "2023-01-01", states=(facts("x-2023", title="An MOU"),))
    b = document("content/b.md", "2023-01-02", refers=("x-2023",))
    _archive, problems = archive_of(a, b)
    assert messages(problems) == [
        "content/a.md:11: agreement: no document gives the parties of agreement 'x-2023'\n"
        "    hint: add 'parties: [..]' to the agreement in content/a.md or in another document about it",
        "content/b.md:10: agreement: no document gives the parties of agreement 'x-2023'\n"
        "    hint: add 'parties: [..]' to the agreement in content/b.md or in another document about it",
    ]


def test_reference_to_an_agreement_no_document_describes_suggests_the_nearest() -> None:
    a = document("content/a.md", "2023-09-11", states=(facts("fsdc-caict-2023", parties=["fsdc"]),))
    b = document("content/b.md", "2023-09-12", refers=("fsdc-caict-2032",))
    _archive, problems = archive_of(a, b)
    assert messages(problems) == [
        "content/b.md:10: agreement: refers to agreement 'fsdc-caict-2032', which no document describes\n"
        "    hint: did you mean 'fsdc-caict-2023'?"
    ]


def test_reference_with_nothing_near_says_how_to_describe_it() -> None:
    b = document("content/b.md", "2023-09-12", refers=("zzz",))
    _archive, problems = archive_of(b)
    assert messages(problems) == [
        "content/b.md:10: agreement: refers to agreement 'zzz', which no document describes\n"
        "    hint: state its facts in one document: agreement: {id: ..., parties: [..], ...}"
    ]


def test_reference_to_a_described_agreement_links_the_document() -> None:
    a = document("content/a.md", "2023-09-11", states=(facts("fsdc-caict-2023", parties=["fsdc"]),))
    b = document("content/b.md", "2023-09-20", refers=("fsdc-caict-2023",), topics=("fintech",))
    archive, problems = archive_of(a, b)
    assert messages(problems) == []
    agreement = archive.agreements["fsdc-caict-2023"]
    assert agreement.documents == ("content/a.md", "content/b.md")
    assert agreement.topics == (Claim("fintech", (Source("content/b.md"),)),)
    assert archive.by_topic["fintech"] == ("fsdc-caict-2023",)


def test_supersedes_an_unknown_agreement_is_an_error_with_suggestion() -> None:
    a = document("content/a.md", "2023-01-01", states=(facts("x-2020", parties=["fsdc"]),))
    b = document("content/b.md", "2023-01-02", states=(
        facts("x-2023", parties=["fsdc"], supersedes=["x-2002"]),))
    _archive, problems = archive_of(a, b)
    assert messages(problems) == [
        "content/b.md:13: agreement.supersedes: unknown agreement 'x-2002'\n    hint: did you mean 'x-2020'?"
    ]


def test_inverse_relations_are_computed() -> None:
    docs = [
        document("content/a.md", "2019-01-01", states=(facts("old-2019", parties=["fsdc"]),)),
        document("content/b.md", "2021-01-01", states=(facts("mid-2021", parties=["fsdc"],
                                                             amends=["old-2019"]),)),
        document("content/c.md", "2023-01-01", states=(facts("new-2023", parties=["fsdc"],
                                                             supersedes=["old-2019"], renews=["mid-2021"]),)),
        document("content/d.md", "2023-02-01", states=(facts("new-2023", supersedes=["old-2019"]),)),
    ]
    archive, problems = archive_of(*docs)
    assert problems.errors == ()
    assert archive.inverse == {
        "old-2019": {"amended_by": ("mid-2021",), "superseded_by": ("new-2023",)},
        "mid-2021": {"renewed_by": ("new-2023",)},
    }


# --- who may sign ------------------------------------------------------------------------------------


def test_signatory_acting_for_a_body_above_a_party_is_allowed() -> None:
    doc = document("content/a.md", "2026-04-13", states=(facts(
        "itib-cac-2026", parties=["itib", "cac"],
        signatories=[person("John Lee", "hksar-gov"), person("Zhuang Rongwen", "cac")],
        witnesses=[person("Sun Dong", "itib")]),))
    _archive, problems = archive_of(doc)
    assert messages(problems) == []


def test_signatory_of_a_party_neither_in_the_agreement_nor_above_one_is_an_error() -> None:
    doc = document("content/a.md", "2023-09-11", states=(facts(
        "fsdc-caict-2023", parties=["fsdc", "caict"],
        signatories=[person("King Au", "fsdc"), person("Zhuang Rongwen", "cac")],
        witnesses=[person("Somebody", "miit")]),))
    _archive, problems = archive_of(doc)
    assert messages(problems) == [
        "content/a.md:13: agreement.signatories: Zhuang Rongwen acts for 'cac', which is not a party to "
        "agreement 'fsdc-caict-2023' nor a body above one\n"
        "    hint: add the party to the agreement's parties, or correct the person's party",
    ]


def test_signatory_of_a_body_below_a_party_is_an_error() -> None:
    doc = document("content/a.md", "2026-04-13", states=(facts(
        "gov-cac-2026", parties=["hksar-gov", "cac"], witnesses=[person("Sun Dong", "itib")]),))
    _archive, problems = archive_of(doc)
    assert [p.format().split("\n")[0] for p in problems.errors] == [
        "content/a.md:13: agreement.witnesses: Sun Dong acts for 'itib', which is not a party to "
        "agreement 'gov-cac-2026' nor a body above one"]


def test_signatory_in_one_document_is_checked_against_parties_from_another() -> None:
    a = document("content/a.md", "2023-01-01", states=(facts("x-2023", parties=["fsdc", "caict"]),))
    b = document("content/b.md", "2023-01-02", states=(facts(
        "x-2023", signatories=[person("Jin Jian", "caict"), person("Outsider", "cac")]),))
    _archive, problems = archive_of(a, b)
    assert [(p.path, p.line, p.field) for p in problems.errors] == [
        ("content/b.md", 12, "agreement.signatories")]
    assert "Outsider acts for 'cac'" in problems.errors[0].message


# --- indexes and their order -------------------------------------------------------------------------


def three_agreements_and_an_undated_one() -> tuple[Archive, Problems]:
    return archive_of(
        document("content/2021/a.md", "2021-05", states=(facts(
            "fsdc-caict-2021", parties=["fsdc", "caict"], signed="2021-05"),), topics=("fintech",)),
        document("content/2023/b.md", "2023-09-11", states=(facts(
            "fsdc-caict-2023", parties=["fsdc", "caict"], signed="2023-09-06"),),
            topics=("fintech", "blockchain")),
        document("content/undated/c.md", None, states=(facts(
            "fsdc-cac-undated", parties=["fsdc", "cac"]),), topics=("blockchain",)),
        document("content/2026/d.md", "2026-04-13", states=(facts(
            "itib-cac-2026", parties=["itib", "cac"], signed="2026-04-12"),),
            topics=("artificial-intelligence", "blockchain")),
        document("content/2021/e.md", "2021-05-20", states=(facts(
            "fsdc-itib-2021", parties=["fsdc", "itib"], signed="2021-05-20"),)),
    )


def test_agreements_are_newest_first_with_undated_last() -> None:
    archive, problems = three_agreements_and_an_undated_one()
    assert messages(problems) == []
    assert list(archive.agreements) == [
        "itib-cac-2026", "fsdc-caict-2023", "fsdc-itib-2021", "fsdc-caict-2021", "fsdc-cac-undated"]
    assert archive.undated == ("fsdc-cac-undated",)


def test_documents_are_newest_first_with_undated_last() -> None:
    archive, _ = three_agreements_and_an_undated_one()
    assert list(archive.documents) == [
        "content/2026/d.md", "content/2023/b.md", "content/2021/e.md", "content/2021/a.md",
        "content/undated/c.md"]


def test_by_topic_by_party_and_by_year_are_newest_first() -> None:
    archive, _ = three_agreements_and_an_undated_one()
    assert archive.by_topic == {
        "artificial-intelligence": ("itib-cac-2026",),
        "blockchain": ("itib-cac-2026", "fsdc-caict-2023", "fsdc-cac-undated"),
        "fintech": ("fsdc-caict-2023", "fsdc-caict-2021"),
    }
    assert archive.by_party == {
        "hksar-gov": (),
        "itib": ("itib-cac-2026", "fsdc-itib-2021"),
        "fsdc": ("fsdc-caict-2023", "fsdc-itib-2021", "fsdc-caict-2021", "fsdc-cac-undated"),
        "cac": ("itib-cac-2026", "fsdc-cac-undated"),
        "miit": (),
        "caict": ("fsdc-caict-2023", "fsdc-caict-2021"),
    }
    assert list(archive.by_year) == [2026, 2023, 2021]
    assert archive.by_year[2021] == ("fsdc-itib-2021", "fsdc-caict-2021")


def test_related_agreements_share_parties_before_topics() -> None:
    archive, _ = three_agreements_and_an_undated_one()
    # two shared parties and a topic; a party and a topic; a party; a topic
    assert archive.related["fsdc-caict-2023"] == (
        "fsdc-caict-2021", "fsdc-cac-undated", "fsdc-itib-2021", "itib-cac-2026")
    assert archive.related["itib-cac-2026"] == ("fsdc-cac-undated", "fsdc-itib-2021", "fsdc-caict-2023")
    assert "itib-cac-2026" not in archive.related["itib-cac-2026"]


def test_counterparts_count_agreements_with_each_other_party() -> None:
    archive, _ = three_agreements_and_an_undated_one()
    assert archive.counterparts["fsdc"] == (("caict", 2), ("cac", 1), ("itib", 1))
    assert archive.counterparts["miit"] == ()


def test_agreements_with_the_same_date_are_ordered_by_id() -> None:
    archive, _ = archive_of(
        document("content/a.md", "2023-01-01", states=(facts("b-2023", parties=["fsdc"], signed="2023"),)),
        document("content/b.md", "2023-01-01", states=(facts("a-2023", parties=["fsdc"], signed="2023"),)),
    )
    assert list(archive.agreements) == ["a-2023", "b-2023"]


def test_an_agreement_stated_in_a_document_that_states_two() -> None:
    doc = document("content/a.md", "2023-01-01", states=(
        facts("one-2023", parties=["fsdc"], signatories=[person("A", "fsdc")]),
        facts("two-2023", parties=["cac"], signatories=[person("B", "cac")]),
    ))
    archive, problems = archive_of(doc)
    assert messages(problems) == []
    assert archive.agreements["one-2023"].signatories.sole == (person("A", "fsdc"),)
    assert archive.agreements["two-2023"].signatories.sole == (person("B", "cac"),)
    assert archive.agreements["one-2023"].documents == ("content/a.md",)


# --- through files, as the build sees them ----------------------------------------------------------


def test_disagreement_through_the_loader_names_both_files_and_their_lines(
        make_site: Callable[..., Path]) -> None:
    a = ("---\ntitle: A\nkind: news\npublished: 2026-04-13\nagreement:\n  id: itib-cac-2026\n"
         "  parties: [ITIB, CAC]\n  signatories:\n    - {name: John Lee, party: HKSAR Government}\n---\n")
    b = ("---\ntitle: B\nkind: news\nagreement:\n  id: itib-cac-2026\n  signatories:\n"
         "    - {name: Sun Dong, party: ITIB}\n---\n")
    site = make_site({"content/2026/a.md": a, "content/2026/b.md": b})
    archive, _pages, problems = check_site(load_config(site))
    assert problems.errors == ()
    [warning] = problems.warnings
    assert warning.format().split("\n")[0] == (
        "content/2026/a.md:8: warning: agreement.signatories: documents disagree on the signatories of "
        "agreement 'itib-cac-2026': content/2026/a.md:8 says John Lee; content/2026/b.md:6 says Sun Dong")
    assert archive.agreements["itib-cac-2026"].documents == ("content/2026/a.md", "content/2026/b.md")


def test_a_document_gives_the_versions_it_states_of_each_disputed_fact() -> None:
    a = document("content/2026/a.md", "2026-04-13", states=(facts(
        "itib-cac-2026", parties=["itib", "cac"], signatories=[person("John Lee", "hksar-gov")]),))
    b = document("content/2026/b.md", None, states=(facts(
        "itib-cac-2026", signed="2026-04-12", signatories=[person("Sun Dong", "itib")]),))
    archive, _problems = archive_of(b, a)
    agreement = archive.agreements["itib-cac-2026"]
    assert versions_given(agreement, "content/2026/a.md") == [(1, "signatories")]
    assert versions_given(agreement, "content/2026/b.md") == [(2, "signatories")]
    assert versions_given(agreement, "content/2026/c.md") == []


def test_the_busiest_come_first_then_by_name_case_aside() -> None:
    index = {"fsdc": ("a", "b"), "cac": ("c",), "itib": ("d", "e"), "miit": ()}
    records = {p.id: p for p in PARTIES}
    assert busiest(index, records, lambda p: p.name, 10) == [("fsdc", 2), ("itib", 2), ("cac", 1)]
    assert busiest(index, records, lambda p: p.name, 1) == [("fsdc", 2)]
