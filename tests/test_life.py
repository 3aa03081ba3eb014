"""An agreement's life (life.py): the events its documents date, and the status they give it at the
moment the site is built; the page's timeline and status, the JSON-LD's legislationLegalForce, and
a build that knows when the next event comes."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from mouarchive.archive import Archive, build_archive
from mouarchive.config import load_config
from mouarchive.engine import Engine
from mouarchive.engine import build_site as engine_build
from mouarchive.errors import Problems
from mouarchive.life import counts_from, life_of
from mouarchive.model import Content, Document, PartialDate
from test_archive import PARTIES, TOPICS, document, facts
from test_incremental import clean_serial_build, snapshot

HK = ZoneInfo("Asia/Hong_Kong")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=HK)


def archive_at(now: datetime, *documents: Document) -> Archive:
    problems = Problems()
    archive = build_archive(Content(PARTIES, TOPICS, tuple(documents)), problems, now)
    assert not problems.errors, problems.items
    return archive


def day(text: str) -> PartialDate:
    return PartialDate.parse(text)


def told(archive: Archive, ident: str) -> list[tuple[str, str, str | None, bool]]:
    return [(e.kind, e.date.iso, e.by, e.to_come) for e in life_of(archive.agreements[ident], archive,
                                                                    archive.now).events]


def test_the_events_come_from_dated_facts_and_from_the_agreements_that_name_it() -> None:
    old = document("content/a.md", "2020-01-02", states=(facts(
        "old", parties=["fsdc"], signed="2020-01-01", effective="2020-02-01", expires=day("2026-12")),))
    new = document("content/b.md", "2023-05-02", states=(facts(
        "new", parties=["fsdc"], signed="2023-05-01", effective="2023-06-01", supersedes=["old"]),))
    archive = archive_at(at("2026-12-05T12:00"), old, new)
    assert told(archive, "old") == [
        ("signed", "2020-01-01", None, False), ("in-force", "2020-02-01", None, False),
        ("superseded", "2023-06-01", "new", False), ("expired", "2026-12", None, True)]
    life = life_of(archive.agreements["old"], archive, archive.now)
    assert life.statuses == ("superseded",)
    superseded = life.events[2]
    assert {s.document for s in superseded.sources} == {"content/b.md"}  # who says so, and when
    assert life_of(archive.agreements["new"], archive, archive.now).statuses == ("in-force",)


def test_an_event_known_to_the_month_counts_only_once_its_last_day_begins() -> None:
    doc = document("content/a.md", "2020-01-02", states=(facts(
        "x", parties=["fsdc"], effective="2020-02-01", expires=day("2026-12")),))
    assert counts_from(day("2026-12"), HK) == at("2026-12-31T00:00")
    assert counts_from(day("2024"), HK) == at("2024-12-31T00:00")
    for moment, status in (("2026-12-30T23:59", "in-force"), ("2026-12-31T00:00", "expired")):
        archive = archive_at(at(moment), doc)
        assert life_of(archive.agreements["x"], archive, archive.now).statuses == (status,), moment


def test_documents_that_date_an_event_differently_give_both_and_both_statuses() -> None:
    a = document("content/a.md", "2024-01-02", states=(facts(
        "x", parties=["fsdc"], effective="2024-01-01", terminated=day("2025-03-01")),))
    b = document("content/b.md", "2024-01-03", states=(facts("x", terminated=day("2027-03-01")),))
    archive = archive_at(at("2026-01-01T00:00"), a, b)
    life = life_of(archive.agreements["x"], archive, archive.now)
    assert [(e.kind, e.date.iso, e.to_come) for e in life.events] == [
        ("in-force", "2024-01-01", False), ("terminated", "2025-03-01", False),
        ("terminated", "2027-03-01", True)]
    assert life.disputed == ("terminated",)
    assert life.statuses == ("in-force", "terminated") and life.status is None


def test_an_event_only_held_back_documents_state_does_not_count() -> None:
    """A preview build shows a document under embargo; what it dates does not change the status."""
    published = document("content/a.md", "2024-01-02", states=(facts(
        "x", parties=["fsdc"], effective="2024-01-01"),))
    embargoed = replace(document("content/b.md", "2025-01-02", states=(facts(
        "x", terminated=day("2025-01-01")),)), held=("embargo", "2026-12-31 09:00 HKT"))
    archive = archive_at(at("2026-01-01T00:00"), published, embargoed)
    life = life_of(archive.agreements["x"], archive, archive.now)
    assert [(e.kind, e.held) for e in life.events] == [("in-force", False), ("terminated", True)]
    assert life.statuses == ("in-force",)


def test_without_a_dated_event_the_status_the_documents_state_is_used() -> None:
    archive = archive_at(at("2026-01-01T00:00"), document("content/a.md", "2024-01-02", states=(facts(
        "x", parties=["fsdc"], status="expired"),)))
    life = life_of(archive.agreements["x"], archive, archive.now)
    assert life.events == () and life.statuses == ("expired",)


EXPIRING = """---
title: FSDC and CAICT sign MOU
kind: press-release
published: 2023-09-11
publisher: FSDC
agreement:
  id: fsdc-caict-2023
  parties: [FSDC, CAICT]
  signed: 2023-09-06
  effective: 2023-09-06
  expires: {expires}
---
Signed.
"""


def legal_force(page: str) -> str | None:
    graph = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)[1])
    (legislation,) = [n for n in graph["@graph"] if n["@type"] == "Legislation"]
    return legislation.get("legislationLegalForce")


def test_a_build_after_an_event_day_shows_the_new_status(make_site: Callable[..., Path]) -> None:
    root = make_site({"content/2023/a.md": EXPIRING.format(expires="2026-09-05")})
    page = root / "site" / "agreements" / "fsdc-caict-2023" / "index.html"
    engine_build(load_config(root), now=at("2026-09-04T12:00"))
    text = page.read_text()
    assert '<dt>Status now</dt><dd><a href="../../status/in-force/">In force</a>' in text
    assert re.search(r'datetime="2026-09-05">5 September 2026</time>: Expired.*scheduled', text)
    assert legal_force(text) == "https://schema.org/InForce"
    # Nothing changed in content/, but the day came: the build is not 'up to date'.
    report = engine_build(load_config(root), now=at("2026-09-05T00:00"))
    assert not report.up_to_date
    text = page.read_text()
    assert '<dt>Status now</dt><dd><a href="../../status/expired/">Expired</a>' in text
    assert "scheduled" not in text
    assert legal_force(text) == "https://schema.org/NotInForce"


def test_an_edit_that_brings_an_event_sooner_is_built_in_full(make_site: Callable[..., Path]) -> None:
    """The engine patches an edit only while no event comes sooner than the last build knew."""
    root = make_site({"content/2023/a.md": EXPIRING.format(expires="2030-01-01")})
    engine = Engine(load_config(root))
    engine.build(now=at("2026-01-01T00:00"))
    edited = root / "content" / "2023" / "a.md"
    edited.write_text(EXPIRING.format(expires="2029-01-01"))
    assert not engine.build([edited], now=at("2026-01-01T00:00")).patched
    edited.write_text(EXPIRING.format(expires="2029-01-01").replace("Signed.", "Signed in Beijing."))
    assert engine.build([edited], now=at("2026-01-01T00:00")).patched  # no sooner event: patched


def agreement_doc(ident: str, parties: str, lines: str, published: str = "2023-09-11") -> str:
    return f"""---
title: About {ident}
kind: press-release
published: {published}
publisher: FSDC
agreement:
  id: {ident}
  parties: [{parties}]
{lines}---
Text.
"""


LIVES = {
    "content/2020/a.md": agreement_doc(
        "old", "FSDC, CAICT", "  signed: 2020-01-01\n  effective: 2020-01-01\n", "2020-01-02"),
    "content/2023/b.md": agreement_doc(
        "new", "FSDC, CAICT", "  signed: 2023-09-06\n  effective: 2023-10-01\n  supersedes: [old]\n"),
    "content/2023/c.md": agreement_doc(
        "short", "FSDC, CAC", "  effective: 2023-01-01\n  expires: 2024-12-31\n"),
}


def test_the_site_lists_agreements_by_status_and_each_party_by_its(make_site: Callable[..., Path]) -> None:
    root = make_site(LIVES)
    engine_build(load_config(root), now=at("2026-01-01T00:00"))
    site = root / "site"

    def listed(status: str) -> list[str]:
        return re.findall(r'<h2 class="entry-title"><a href="\.\./\.\./agreements/([a-z-]+)/',
                          (site / "status" / status / "index.html").read_text())

    assert (listed("in-force"), listed("superseded"), listed("expired"), listed("terminated")) == (
        ["new"], ["old"], ["short"], [])
    party = (site / "parties" / "fsdc" / "index.html").read_text()
    start = party.index('id="party-statuses"')
    panel = party[start:party.index("</section>", start)]
    assert re.findall(r'<a href="\.\./\.\./status/([a-z-]+)/">', panel) == [
        "in-force", "superseded", "expired"]
    page = (site / "agreements" / "old" / "index.html").read_text()
    assert '<dt>Status now</dt><dd><a href="../../status/superseded/">Superseded</a>' in page
    assert re.search(r'1 October 2023</time>: Superseded by <a href="../../agreements/new/">', page)


def test_an_edit_that_ends_an_agreement_is_patched_into_its_lists(tmp_path: Path) -> None:
    from conftest import write_site
    from test_incremental import clean_serial_build, snapshot

    root = write_site(tmp_path / "site", LIVES)
    now = at("2026-01-01T00:00")
    engine = Engine(load_config(root))
    engine.build(now=now)
    edited = root / "content" / "2023" / "b.md"
    edited.write_text(edited.read_text().replace("  supersedes: [old]\n", "  supersedes: [old]\n"
                                                 "  terminated: 2025-06-30\n"))
    assert engine.build([edited], now=now).patched
    page = (root / "site" / "status" / "terminated" / "index.html").read_text()
    assert "agreements/new/" in page
    assert snapshot(root / "site") == clean_serial_build(root, tmp_path, now=now)


def test_the_open_data_carries_each_agreements_life_and_status_now(tmp_path: Path) -> None:
    """The JSON gives each agreement's events, with the documents that date them, and its status
    when the site was built; the CSV its status. An edit of the agreement that supersedes another
    moves an event of the other's life: a patch writes that too (the other's record is unchanged)."""
    from conftest import write_site

    root = write_site(tmp_path / "site", LIVES)
    now = at("2026-01-01T00:00")
    engine = Engine(load_config(root))
    engine.build(now=now)
    engine.prepare()  # as serve and `mouarchive build` keep each agreement's open data

    def opened() -> tuple[dict[str, Any], dict[str, Any]]:
        data = json.loads((root / "site" / "data" / "agreements.json").read_text("utf-8"))
        rows = csv.DictReader((root / "site" / "data" / "agreements.csv").read_text("utf-8-sig").splitlines())
        return {a["id"]: a for a in data["agreements"]}, {r["id"]: r for r in rows}

    records, rows = opened()
    assert records["old"]["status_now"] == ["superseded"] and rows["old"]["status_now"] == "superseded"
    assert [(e["event"], e["date"]) for e in records["old"]["life"]] == [
        ("signed", "2020-01-01"), ("in-force", "2020-01-01"), ("superseded", "2023-10-01")]
    superseded = records["old"]["life"][-1]
    assert superseded["by"].endswith("/agreements/new/") and superseded["sources"]
    assert records["short"]["status_now"] == ["expired"]
    edited = root / "content" / "2023" / "b.md"
    edited.write_text(edited.read_text().replace("effective: 2023-10-01", "effective: 2023-11-01"))
    assert engine.build([edited], now=now).patched
    records, _rows = opened()
    assert records["old"]["life"][-1]["date"] == "2023-11-01"
    assert snapshot(root / "site") == clean_serial_build(root, tmp_path, now=now)


# --- a stated status against the dated events ----------------------------------------------------


def status_warnings(archive_problems: Problems) -> list[str]:
    return [p.format() for p in archive_problems.items if p.field == "agreement.status"]


def test_a_stated_status_is_compared_with_the_events_as_of_its_own_documents_date() -> None:
    """A release that says 'in force' is right as of its date: only one dated after the agreement
    ended, by every reading of the events, is warned about; an undated one, or one of the month
    the agreement expired in (it may be before the day), never."""
    dated = document("content/a.md", "2020-01-02", states=(facts(
        "x", parties=["fsdc"], effective="2020-02-01", expires=day("2022-05")),))
    saying = {path: document(path, published, states=(facts("x", status="in-force"),))
              for path, published in (("content/before.md", "2021-06-01"), ("content/after.md", "2024-05-10"),
                                      ("content/same-month.md", "2022-05-15"), ("content/undated.md", None))}
    problems = Problems()
    build_archive(Content(PARTIES, TOPICS, (dated, *saying.values())), problems, at("2026-01-01T00:00"))
    assert status_warnings(problems) == [
        "content/after.md:12: warning: agreement.status: content/after.md, published 2024-05-10, says "
        "agreement 'x' is in-force, but the dated events say it had ended by then: expired 2022-05 "
        "(content/a.md:14)\n    hint: a status holds as of its document's date: if the agreement was "
        "renewed, extended or came into force again after it ended, record that with its date "
        "(extended:, effective:, or renews: on the renewing agreement); if not, correct the status or "
        "the date of the event"]


def test_a_stated_status_warns_against_an_end_another_agreement_dates_but_not_a_disputed_one() -> None:
    old = document("content/a.md", "2020-01-02", states=(facts(
        "old", parties=["fsdc"], signed="2020-01-01"),))
    new = document("content/b.md", "2023-05-02", states=(facts(
        "new", parties=["fsdc"], signed="2023-05-01", supersedes=["old"]),))
    later = document("content/c.md", "2024-01-02", states=(facts("old", status="signed"),))
    problems = Problems()
    build_archive(Content(PARTIES, TOPICS, (old, new, later)), problems, at("2026-01-01T00:00"))
    assert [m.split("\n")[0] for m in status_warnings(problems)] == [
        "content/c.md:12: warning: agreement.status: content/c.md, published 2024-01-02, says agreement "
        "'old' is signed, but the dated events say it had ended by then: superseded by 'new' 2023-05-01 "
        "(content/b.md:14, content/b.md:13)"]
    # Another document dates the signing that supersedes it after c.md: one reading has it still alive.
    disputed = document("content/d.md", "2024-03-02", states=(facts("new", signed="2024-03-01"),))
    problems = Problems()
    build_archive(Content(PARTIES, TOPICS, (old, new, later, disputed)), problems, at("2026-01-01T00:00"))
    assert status_warnings(problems) == []
    # A stated end is never warned about: an agreement can end with no document dating it.
    ended = document("content/e.md", "2021-01-02", states=(facts("old", status="expired"),))
    problems = Problems()
    build_archive(Content(PARTIES, TOPICS, (old, new, ended)), problems, at("2026-01-01T00:00"))
    assert status_warnings(problems) == []


def test_an_edit_that_dates_an_end_after_a_stated_status_drops_its_warning_in_a_patch(tmp_path: Path) -> None:
    """The warning belongs to the agreement that states the status; an edit of the one that ends it
    is what changes it, and a patched build says what a full build says."""
    from conftest import write_site

    root = write_site(tmp_path / "site", {**LIVES, "content/2024/d.md": agreement_doc(
        "old", "FSDC, CAICT", "  status: in-force\n", "2024-01-02")})
    now = at("2026-01-01T00:00")
    engine = Engine(load_config(root))
    first = engine.build(now=now)
    assert [p.path for p in first.warnings if p.field == "agreement.status"] == ["content/2024/d.md"]
    edited = root / "content" / "2023" / "b.md"
    edited.write_text(edited.read_text().replace("effective: 2023-10-01", "effective: 2024-06-01"))
    second = engine.build([edited], now=now)
    assert second.patched
    assert [p for p in second.warnings if p.field == "agreement.status"] == []
    assert snapshot(root / "site") == clean_serial_build(root, tmp_path, now=now)
