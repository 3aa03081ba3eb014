"""Drafts and embargoes: a held-back document is nowhere in the built site (no page, list, feed,
sitemap, search index, open data, structured data, related agreement or count), until the build is
a preview (`--drafts`) or the embargo has passed."""

from __future__ import annotations

import gzip
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from mouarchive.build import build_site, check_site, inspect_site
from mouarchive.cli import main
from mouarchive.clock import NOW_VARIABLE, current_time
from mouarchive.config import load_config
from mouarchive.errors import BuildError, ExitCode
from mouarchive.report import build_summary

HKT = timezone(timedelta(hours=8))
BEFORE = datetime(2026, 12, 1, 8, 59, tzinfo=HKT)
AFTER = datetime(2026, 12, 1, 9, 0, tzinfo=HKT)  # the embargo ends at this very moment

PUBLISHED = """\
---
title: FSDC and CAICT sign MOU
kind: press-release
published: 2023-09-11
topics: [fintech, blockchain]
agreement:
  id: fsdc-caict-2023
  parties: [FSDC, CAICT]
  signed: 2023-09-06
---
The FSDC signed an MOU with CAICT.
"""
# Each held-back document has words of its own, looked for in every file the build writes.
DRAFT = """\
---
title: Zebradraft headline about ITIB and CAC
kind: press-release
published: 2024-05-02
draft: true
topics: [AI, blockchain]
source: https://example.org/zebradraft-source
aliases: [/old/zebradraft/]
agreement:
  id: zebradraft-agreement
  title: Zebradraft agreement title
  parties: [ITIB, CAC]
  signed: 2024-05-01
---
Zebradraft body text.
"""
EMBARGOED = """\
---
title: Quokkaembargo headline about FSDC and CAC
kind: press-release
published: 2026-12-01
embargo: 2026-12-01T09:00:00+08:00
topics: [cross-border data]
agreement:
  id: quokkaembargo-agreement
  title: Quokkaembargo agreement title
  parties: [FSDC, CAC]
  signed: 2026-11-30
---
Quokkaembargo body text.
"""
# Published, but only about the agreement under embargo: it waits with it.
WAITING = """\
---
title: Wombatwaiting news about the embargoed agreement
kind: news
published: 2026-12-01
topics: [fintech]
agreement: quokkaembargo-agreement
---
Wombatwaiting body text.
"""
DRAFT_WORDS = ("Zebradraft", "zebradraft", "2024/draft")
EMBARGO_WORDS = ("Quokkaembargo", "quokkaembargo", "2026/embargoed", "Wombatwaiting", "2026/waiting")
FILES = {"content/2023/published.md": PUBLISHED, "content/2024/draft.md": DRAFT,
         "content/2026/embargoed.md": EMBARGOED, "content/2026/waiting.md": WAITING}


def site_text(site: Path) -> dict[str, str]:
    """Every file of the built site as text; the search index's compressed files decompressed."""
    found = {}
    for path in sorted(site.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        if data[:2] == b"\x1f\x8b":
            data = gzip.decompress(data)
        name = path.relative_to(site).as_posix()
        found[name] = name + "\n" + data.decode("utf-8", "replace")  # its name can leak too
    return found


def leaks(site: Path, words: tuple[str, ...]) -> list[str]:
    return [f"{name}: {word}" for name, text in site_text(site).items() for word in words if word in text]


@pytest.fixture
def site(make_site: Callable[..., Path]) -> Path:
    return make_site(FILES)


def build(site: Path, now: datetime = BEFORE, drafts: bool = False, **settings: object) -> Path:
    build_site(load_config(site, settings), now=now, drafts=drafts)
    return site / "site"


def test_held_back_documents_are_nowhere_in_the_site(site: Path) -> None:
    out = build(site)
    assert leaks(out, DRAFT_WORDS + EMBARGO_WORDS) == []
    assert (out / "documents/2023/published/index.html").is_file()
    home = (out / "index.html").read_text()
    assert "<strong>1</strong> <span>agreement</span>" in home  # the counts too
    assert "<strong>1</strong> <span>document</span>" in home


def test_held_back_documents_are_not_in_the_search_index(site: Path) -> None:
    out = build(site, search=True)
    assert (out / "pagefind/1-of-1/pagefind.js").is_file()
    texts = site_text(out)
    assert any("FSDC and CAICT sign MOU" in text
               for name, text in texts.items() if name.startswith("pagefind/"))
    assert leaks(out, DRAFT_WORDS + EMBARGO_WORDS) == []


def test_a_preview_shows_held_back_documents_marked(site: Path) -> None:
    out = build(site, drafts=True)
    draft = (out / "documents/2024/draft/index.html").read_text()
    assert "Preview: Draft</p>" in draft
    assert '<meta name="robots" content="noindex">' in draft
    embargoed = (out / "documents/2026/embargoed/index.html").read_text()
    assert "Preview: Under embargo until 2026-12-01 09:00 HKT</p>" in embargoed
    waiting = (out / "documents/2026/waiting/index.html").read_text()
    assert "Preview: Held back with agreement quokkaembargo-agreement</p>" in waiting
    agreement = (out / "agreements/zebradraft-agreement/index.html").read_text()
    assert "Preview: held back</p>" in agreement
    listing = (out / "documents/index.html").read_text()
    assert '<span class="flag">Preview: Draft</span>' in listing
    assert '<span class="flag">Preview: held back</span>' in (out / "agreements/index.html").read_text()
    published = (out / "documents/2023/published/index.html").read_text()
    assert "Preview" not in published and "noindex" not in published


def test_a_preview_says_why_in_the_readers_language(site: Path) -> None:
    out = build(site, drafts=True, languages=["en", "zh-Hant"])
    assert "預覽：草稿</p>" in (out / "zh-hant/documents/2024/draft/index.html").read_text()
    assert "預覽：禁發至 2026-12-01 09:00 HKT</p>" in (
        out / "zh-hant/documents/2026/embargoed/index.html").read_text()
    assert "預覽：與協議 quokkaembargo-agreement 一併暫不公開</p>" in (
        out / "zh-hant/documents/2026/waiting/index.html").read_text()
    assert '<span class="flag">預覽：草稿</span>' in (out / "zh-hant/documents/index.html").read_text()
    assert "Preview: Draft</p>" in (out / "documents/2024/draft/index.html").read_text()


def test_after_the_embargo_the_documents_are_published_unmarked(site: Path) -> None:
    out = build(site, now=AFTER)
    assert leaks(out, DRAFT_WORDS) == []
    page = (out / "documents/2026/embargoed/index.html").read_text()
    assert "Quokkaembargo body text." in page and "Preview" not in page
    assert (out / "documents/2026/waiting/index.html").is_file()
    assert "quokkaembargo-agreement" in (out / "sitemap.xml").read_text()
    assert "Quokkaembargo agreement title" in (out / "feed.xml").read_text()
    assert "quokkaembargo-agreement" in (out / "data/agreements.json").read_text()


def test_a_document_that_becomes_a_draft_disappears_from_the_site_and_its_search_index(site: Path) -> None:
    out = build(site, now=AFTER, search=True)
    assert (out / "documents/2026/waiting/index.html").is_file()
    assert leaks(out, ("Wombatwaiting",))  # in its page and in the search index
    (site / "content/2026/waiting.md").write_text(
        WAITING.replace("kind: news\n", "kind: news\ndraft: true\n"))
    out = build(site, now=AFTER, search=True)
    assert not (out / "documents/2026/waiting").exists()
    assert leaks(out, ("Wombatwaiting", "2026/waiting")) == []


def test_an_agreement_with_a_published_statement_stays_when_another_is_held_back(
        make_site: Callable[..., Path]) -> None:
    second = PUBLISHED.replace("title: FSDC and CAICT sign MOU", "title: Zebradraft second release") \
        .replace("kind: press-release", "kind: press-release\ndraft: true") \
        .replace("  signed: 2023-09-06", "  signed: 2023-09-07")  # it disagrees, but is held back
    site = make_site({"content/2023/published.md": PUBLISHED, "content/2023/second.md": second})
    out = build(site)
    page = (out / "agreements/fsdc-caict-2023/index.html").read_text()
    assert "2023-09-07" not in page and "disputed" not in page
    assert leaks(out, DRAFT_WORDS) == []


def test_the_build_says_what_it_held_back_and_why(site: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NOW_VARIABLE, "2026-12-01T08:00:00+08:00")
    assert main(["build", "--site", str(site)]) == 0
    err = capsys.readouterr().err
    assert ("held back 3 documents: 1 draft, 1 under embargo until 2026-12-01 09:00 HKT, 1 about an "
            "agreement held back with them; 2 agreements only they state are held back too") in err
    assert main(["build", "--site", str(site)]) == 0  # nothing changed: it still says so
    err = capsys.readouterr().err
    assert "held back 3 documents" in err and "is up to date" in err
    assert main(["check", "--site", str(site)]) == 0
    assert "held back 3 documents" in capsys.readouterr().err


def test_a_preview_build_says_what_it_shows(site: Path) -> None:
    report = build_site(load_config(site), now=BEFORE, drafts=True)
    assert build_summary(report, "site").startswith(
        "showing 3 documents that a build holds back, marked as previews: 1 draft, 1 under embargo "
        "until 2026-12-01 09:00 HKT, 1 about an agreement held back with them; 2 agreements only they "
        "state are shown as previews too\n")
    assert (site / "site/old/zebradraft/index.html").is_file()  # its old address too, in a preview


def test_an_embargo_without_a_zone_is_read_in_the_sites_time_zone(make_site: Callable[..., Path]) -> None:
    text = EMBARGOED.replace("2026-12-01T09:00:00+08:00", "2026-12-01 09:00")
    for zone, held_at_0130_utc in (("Asia/Hong_Kong", False), ("Europe/London", True)):
        site = make_site({"mouarchive.toml": f'timezone = "{zone}"\n', "content/e.md": text}, name=zone[:4])
        plan, _problems = inspect_site(load_config(site), now=datetime(2026, 12, 1, 1, 30, tzinfo=UTC))
        assert bool(plan.selection.held) is held_at_0130_utc, zone


def test_the_clock_can_be_set_for_tests_and_previews(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NOW_VARIABLE, "2026-12-01T10:00:00+08:00")
    assert current_time(ZoneInfo("UTC")) == datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
    monkeypatch.setenv(NOW_VARIABLE, "2026-12-01 10:00")  # without a zone: the site's
    assert current_time(ZoneInfo("Asia/Hong_Kong")) == AFTER + timedelta(hours=1)
    monkeypatch.setenv(NOW_VARIABLE, "soon")
    with pytest.raises(BuildError) as raised:
        current_time(ZoneInfo("UTC"))
    assert raised.value.code is ExitCode.USAGE and "MOUARCHIVE_NOW" in str(raised.value)
    monkeypatch.delenv(NOW_VARIABLE)
    assert abs(current_time(ZoneInfo("UTC")) - datetime.now(UTC)) < timedelta(minutes=1)


def test_a_bad_clock_setting_is_a_usage_error(site: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(NOW_VARIABLE, "tomorrow")
    assert main(["build", "--site", str(site)]) == ExitCode.USAGE
    assert "MOUARCHIVE_NOW: error: 'tomorrow' is not a date and time" in capsys.readouterr().err


@pytest.mark.parametrize(("field", "message"), [
    ("draft: maybe", "4: draft: 'maybe' is not true or false\n    hint: write 'draft: true', or remove "
                     "the field"),
    ("embargo: tomorrow", "4: embargo: 'tomorrow' is not a date and time in the form YYYY-MM-DDTHH:MM "
                          "with its zone, e.g. 2026-12-01T09:00+08:00\n    hint: write the moment as "
                          "YYYY-MM-DDTHH:MM with its zone, e.g. 2026-12-01T09:00+08:00; without a zone "
                          "it is read in the site's time zone (timezone in mouarchive.toml)"),
    ("embargo: 2026-02-30T09:00", "4: embargo: '2026-02-30T09:00' is not a real date and time: day is "
                                  "out of range for month"),
])
def test_invalid_draft_and_embargo_values_are_errors(check_files: Callable[..., list[str]], field: str,
                                                     message: str) -> None:
    [error] = check_files({"content/doc.md": f"---\ntitle: A\nkind: news\n{field}\n---\n"})
    assert error.startswith(f"content/doc.md:{message}")


def test_draft_false_and_a_past_embargo_publish(check_files: Callable[..., list[str]],
                                                make_site: Callable[..., Path]) -> None:
    site = make_site({"content/a.md": "---\ntitle: A\nkind: news\ndraft: False\n"
                                      "embargo: 2020-01-01T00:00Z\n---\n"})
    archive, _pages, problems = check_site(load_config(site))
    assert problems.errors == () and list(archive.documents) == ["content/a.md"]


def test_what_a_held_back_document_would_break_is_an_error_now(make_site: Callable[..., Path]) -> None:
    """The build at the moment an embargo ends must not be the one that finds its problems."""
    embargoed = EMBARGOED.replace("Quokkaembargo body text.", "See [this](nowhere.md).") \
        .replace("kind: press-release", "kind: press-release\nslug: published")
    site = make_site({"content/2023/published.md": PUBLISHED.replace("2023-09-11", "2026-01-01"),
                      "content/2026/embargoed.md": embargoed})
    _archive, _pages, problems = check_site(load_config(site), now=BEFORE)
    messages = [p.format() for p in problems.errors]
    assert any("content/2026/nowhere.md, which is not a document" in m for m in messages), messages
    assert any("writes the same page (documents/2026/published/index.html)" in m for m in messages), messages


def test_what_a_held_back_document_would_break_in_its_agreements_is_an_error_now(
        make_site: Callable[..., Path]) -> None:
    draft = ("---\ntitle: D\nkind: news\npublished: 2024\ndraft: true\n"
             "aliases: [/documents/2023/published/]\nagreement:\n  - fsdc-caict-2032\n"
             "  - {id: new-2024, amends: [nothing-2020]}\n---\n")
    site = make_site({"content/2023/published.md": PUBLISHED, "content/2024/draft.md": draft})
    _archive, _pages, problems = check_site(load_config(site), now=BEFORE)
    assert [p.format().split("\n")[0] for p in problems.errors] == [
        "content/2024/draft.md:6: aliases: the alias /documents/2023/published/ is the address of "
        "content/2023/published.md",
        "content/2024/draft.md:7: agreement: refers to agreement 'fsdc-caict-2032', which no document "
        "describes",
        "content/2024/draft.md:9: agreement: no document gives the parties of agreement 'new-2024'",
        "content/2024/draft.md:9: agreement.amends: unknown agreement 'nothing-2020'",
    ]


def test_checking_held_back_documents_finds_nothing_that_is_not_wrong(make_site: Callable[..., Path]) -> None:
    """A held-back document that shares an agreement, an alias and links with published ones."""
    alias = "  aliases: [/agreements/fsdc-2023/]\n  supersedes: [older-2020]\n"
    published = PUBLISHED.replace("  signed: 2023-09-06\n", "  signed: 2023-09-06\n" + alias)
    draft = PUBLISHED.replace("kind: press-release", "kind: press-release\ndraft: true") \
        .replace("  signed: 2023-09-06\n", "  signed: 2023-09-06\n" + alias) \
        .replace("The FSDC signed an MOU with CAICT.", "[It](published.md), [its](agreement:older-2020) "
                 "[year](year:2020) and [the other draft](other.md).")
    older = ("---\ntitle: Older\nkind: news\npublished: 2020\nagreement:\n  id: older-2020\n"
             "  parties: [FSDC]\n  signed: 2020\n---\n")
    site = make_site({"content/2023/published.md": published, "content/2023/draft.md": draft,
                      "content/2023/other.md": DRAFT, "content/2020/older.md": older})
    _archive, _pages, problems = check_site(load_config(site), now=BEFORE)
    assert problems.errors == ()


def test_a_link_to_a_held_back_document_is_an_error(make_site: Callable[..., Path]) -> None:
    linking = PUBLISHED.replace("The FSDC signed an MOU with CAICT.",
                                "Before: [the draft](../2024/draft.md) and [its agreement]"
                                "(agreement:zebradraft-agreement).")
    site = make_site({"content/2023/published.md": linking, "content/2024/draft.md": DRAFT})
    _archive, _pages, problems = check_site(load_config(site), now=BEFORE)
    assert [p.format() for p in problems.errors] == [
        "content/2023/published.md:11: link: '../2024/draft.md' leads to content/2024/draft.md, which "
        "is held back (a draft)\n    hint: link to it once it is published, or publish the two together",
        "content/2023/published.md:11: link: 'agreement:zebradraft-agreement' leads to agreement "
        "'zebradraft-agreement', which is held back with the documents that state it\n"
        "    hint: link to it once it is published, or publish the two together",
    ]
    _archive, _pages, problems = check_site(load_config(site), now=BEFORE, drafts=True)
    assert problems.errors == ()


def test_serve_builds_a_preview(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mouarchive.engine import Engine
    from mouarchive.serve import BuildState, rebuild

    monkeypatch.setenv(NOW_VARIABLE, "2026-12-01T08:00:00+08:00")
    notes: list[str] = []
    rebuild(Engine(load_config(site), drafts=True), BuildState(),
            lambda result, _problems: notes.extend(result.notes))
    assert "Preview: Draft</p>" in (site / "site/documents/2024/draft/index.html").read_text()
    assert notes and notes[0].startswith("showing 3 documents that a build holds back")


def test_check_drafts_checks_as_a_preview_builds(site: Path, capsys: pytest.CaptureFixture[str],
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(NOW_VARIABLE, "2026-12-01T08:00:00+08:00")
    assert main(["check", "--site", str(site)]) == 0
    assert "checked 1 document about 1 agreement" in capsys.readouterr().err
    assert main(["check", "--site", str(site), "--drafts"]) == 0
    assert "checked 4 documents about 3 agreements" in capsys.readouterr().err


def test_a_translation_waits_with_its_held_back_original(make_site: Callable[..., Path]) -> None:
    translation = ("---\ntitle: 斑馬草稿的譯文\nkind: translation\nlang: zh-Hant\n"
                   "translation_of: 2024/draft.md\nagreement: zebradraft-agreement\n---\n譯文。\n")
    site = make_site({"content/2023/published.md": PUBLISHED, "content/2024/draft.md": DRAFT,
                      "content/2024/draft.zh-hant.md": translation})
    report = build_site(load_config(site), now=BEFORE)
    assert not list((site / "site").rglob("*draft-zh-hant*"))
    assert "2 documents" in report.notes[0]
    preview = build_site(load_config(site), now=BEFORE, drafts=True)
    page = site / "site" / "documents" / "undated" / "draft-zh-hant" / "index.html"
    assert page.is_file() and "Held back with the document it translates, content/2024/draft.md" \
        in page.read_text()
    assert preview.documents == 3


def search_index(site: Path) -> dict[str, tuple[int, str]]:
    """Every file of the search index: its inode (a file carried over keeps it) and its text."""
    texts = site_text(site)
    return {name: ((site / name).stat().st_ino, text) for name, text in texts.items()
            if name.startswith("pagefind/")}


def test_the_search_index_is_made_again_only_when_a_record_changes(make_site: Callable[..., Path]) -> None:
    site = make_site({"content/2023/published.md": PUBLISHED})
    first = search_index(build(site, search=True))
    # A change every page shows, but no record holds: the pages are made again, the index is kept.
    (site / "mouarchive.toml").write_text((site / "mouarchive.toml").read_text() + "per_page = 7\n")
    kept = search_index(build(site, search=True))
    assert kept == first
    # A title is in its document's record: the index is made again and holds the new title.
    (site / "content/2023/published.md").write_text(
        PUBLISHED.replace("title: FSDC and CAICT sign MOU", "title: Okapirevised title"))
    again = search_index(build(site, search=True))
    assert any("Okapirevised" in text for _inode, text in again.values())
    assert not any("Okapirevised" in text for _inode, text in first.values())


def test_a_build_for_serve_leaves_the_index_to_the_next_build(make_site: Callable[..., Path]) -> None:
    site = make_site({"content/2023/published.md": PUBLISHED})
    first = search_index(build(site, search=True))
    (site / "content/2023/published.md").write_text(
        PUBLISHED.replace("title: FSDC and CAICT sign MOU", "title: Okapilater title"))
    report = build_site(load_config(site, {"search": True}), now=BEFORE, search_later=True)
    out = site / "site"
    assert report.search_behind
    assert "Okapilater" in (out / "documents/2023/published/index.html").read_text()
    assert search_index(out) == first  # the previous index, as it was
    # The next build is not "up to date": it brings the index up to date, and the pages stay.
    report = build_site(load_config(site, {"search": True}), now=BEFORE)
    assert not report.up_to_date and not report.search_behind
    assert any("Okapilater" in text for _inode, text in search_index(out).values())
    assert build_site(load_config(site, {"search": True}), now=BEFORE).up_to_date
