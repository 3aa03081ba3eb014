"""The table of agreement facts (facts.py) drives the reader, the merge, the pages, the open data, the
JSON-LD and the search: a fact added to it, and nowhere else, is read, merged, shown, exported and
filterable. The recipe of docs/architecture.md ("Adding a fact"), as a test."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from mouarchive import facts
from mouarchive.build import build_site, check_site
from mouarchive.config import load_config
from mouarchive.facts import FactEntry, Facts, Filter, Type
from mouarchive.i18n import N_
from mouarchive.model import Agreement, AgreementFacts, Claim, Fact, PartialDate, Source
from mouarchive.search import search_records

SECTOR = FactEntry("sector", Type.TEXT, N_("Sector"), N_("sector"), jsonld="genre",
                   filter=Filter("sector", N_("Sector"), N_("Any sector")))


@pytest.fixture
def with_sector(monkeypatch: pytest.MonkeyPatch) -> Iterator[Facts]:
    """The table with one more fact, as its entry in FACTS would add it: every reader takes the
    table as facts.FACTS when it runs."""
    table = facts.FACTS.adding(SECTOR)
    monkeypatch.setattr(facts, "FACTS", table)
    yield table


def document(sector: str, name: str = "a", published: str = "2023-09-11") -> str:
    return f"""---
title: FSDC and CAICT sign MOU ({name})
kind: press-release
published: {published}
publisher: FSDC
topics: [fintech]
agreement:
  id: fsdc-caict-2023
  title: MOU between FSDC and CAICT
  parties: [FSDC, CAICT]
  signed: 2023-09-06
  sector: {sector}
---
The two bodies signed.
"""


def built(make_site: Callable[..., Path], files: dict[str, str]) -> Path:
    root = make_site(files)
    build_site(load_config(root))
    return root / "site"


def test_a_fact_added_to_the_table_is_shown_exported_and_filterable(
        with_sector: Facts, make_site: Callable[..., Path]) -> None:
    site = built(make_site, {"content/2023/a.md": document("Financial services")})

    page = (site / "agreements/fsdc-caict-2023/index.html").read_text()
    # In the list of facts, after the others, with its own address and citation.
    assert '<dt id="fact-sector">Sector' in page
    assert re.search(r'<dd id="fact-sector-financial-services">\s*Financial services', page)
    assert page.index('id="fact-signed"') < page.index('id="fact-sector"')
    assert "Sector: Financial services, as stated in" in page

    text = (site / "documents/2023/a/index.html").read_text()
    assert "<dt>Sector</dt><dd>Financial services</dd>" in text

    data = json.loads((site / "data/agreements.json").read_text())
    (agreement,) = data["agreements"]
    assert [c["value"] for c in agreement["facts"]["sector"]] == ["Financial services"]
    rows = list(csv.DictReader(io.StringIO((site / "data/agreements.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0]["sector"] == "Financial services"
    assert list(rows[0])[-1] == "sector"  # a new column goes at the end

    graph = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)[1])
    (legislation,) = [n for n in graph["@graph"] if n["@type"] == "Legislation"]
    assert legislation["genre"] == "Financial services"

    search = (site / "search/index.html").read_text()
    assert '<select id="filter-sector" name="sector"><option value="">Any sector</option></select>' in search


def test_a_fact_added_to_the_table_files_search_records(
        with_sector: Facts, make_site: Callable[..., Path]) -> None:
    root = make_site({"content/2023/a.md": document("Financial services")})
    archive, _pages, problems = check_site(load_config(root))
    assert not problems.errors
    records = {r.url: dict(r.filters) for r in search_records(archive, ("en",), "en", lambda d: d.body_html)}
    assert records["agreements/fsdc-caict-2023/"]["sector@en"] == ("Financial services",)
    assert records["documents/2023/a/"]["sector@en"] == ("Financial services",)  # its agreement's


def test_documents_that_disagree_on_an_added_fact_are_both_shown(
        with_sector: Facts, make_site: Callable[..., Path]) -> None:
    files = {"content/2023/a.md": document("Financial services"),
             "content/2023/b.md": document("financial   SERVICES", "b", "2023-09-12"),  # the same
             "content/2023/c.md": document("Telecoms", "c", "2023-09-13")}
    root = make_site(files)
    archive, _pages, problems = check_site(load_config(root))
    fact = archive.agreements["fsdc-caict-2023"].sector
    assert fact.values == ("Financial services", "Telecoms")
    assert [len(c.sources) for c in fact.claims] == [2, 1]
    assert [p.format() for p in problems.warnings] == [
        "content/2023/a.md:12: warning: agreement.sector: documents disagree on the sector of agreement "
        "'fsdc-caict-2023': content/2023/a.md:12 and content/2023/b.md:12 says Financial services; "
        "content/2023/c.md:12 says Telecoms\n    hint: the agreement page shows every version with its "
        "source; if one is known to be right, say why in 'notes:' of the agreement"]


def test_without_the_entry_the_field_is_unknown(make_site: Callable[..., Path]) -> None:
    root = make_site({"content/2023/a.md": document("Financial services")})
    _archive, _pages, problems = check_site(load_config(root))
    assert [p.format() for p in problems.errors] == [
        "content/2023/a.md:12: agreement.sector: unknown field\n    hint: known fields: "
        + ", ".join(facts.FACTS.fields)]


def test_the_records_hold_every_fact_of_the_table_and_no_other(with_sector: Facts) -> None:
    assert AgreementFacts("x", 1).sector is None
    assert not Agreement("x").sector.known
    assert [name for name, _fact in Agreement("x").named_facts()] == [*facts.FACTS.names]
    assert len(Agreement("x").facts) == len(facts.FACTS.names)
    with pytest.raises(ValueError, match="sectors"):
        AgreementFacts("x", 1, values={"sectors": "Telecoms"})


def test_the_table_refuses_what_nothing_could_read() -> None:
    with pytest.raises(ValueError, match="no list of date"):
        FactEntry("dates", Type.DATE, "Dates", "dates", many=True)
    with pytest.raises(ValueError, match="choices"):
        FactEntry("stage", Type.CHOICE, "Stage", "stage")
    with pytest.raises(ValueError, match="id"):
        facts.FACTS.adding(FactEntry("id", Type.TEXT, "Id", "id"))
    with pytest.raises(ValueError, match="named twice"):
        facts.FACTS.adding(FactEntry("title", Type.TEXT, "Title", "title"))


def test_an_agreement_holds_its_facts_in_slots() -> None:
    """No dictionary an agreement (1.5 KB each, and its (name, fact) pairs 1.1 KB more, at 76,000
    agreements for 100,000 documents: RESULTS.md, issue 12); each fact an attribute still."""
    signed = Fact((Claim(PartialDate(2023, 9, 6), (Source("a.md"),)),))
    agreement = Agreement("x", facts={"signed": signed})
    assert not hasattr(agreement, "__dict__")
    assert agreement.signed is signed and agreement.facts[facts.FACTS.names.index("signed")] is signed
    assert agreement.sort_date == PartialDate(2023, 9, 6) and agreement.display_title == "x"
    with pytest.raises(ValueError, match="facts where the table has"):
        Agreement("x", facts=(signed,))
