"""`mouarchive new`: a document from flags or prompts that loads and builds, and never overwrites."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from mouarchive.cli import main, make_parser
from mouarchive.documents import read_document
from mouarchive.errors import ExitCode, Problems
from mouarchive.load import load_content
from mouarchive.model import PartialDate
from mouarchive.new_document import NewDocument, default_path, read_names, render_new, run_new
from mouarchive.vocabularies import Names
from test_build import DOC  # content/2023/fsdc-caict-mou.md: agreement fsdc-caict-2023


@pytest.fixture
def site(make_site: Callable[..., Path]) -> Path:
    return make_site({"content/2023/fsdc-caict-mou.md": DOC})


def new(capsys: pytest.CaptureFixture[str], site: Path, *args: str) -> tuple[int, str, str]:
    """`mouarchive new --site SITE ARGS` in this process: exit code, standard output, standard error."""
    code = main(["new", "--site", str(site), *args])
    out, err = capsys.readouterr()
    return code, out, err


def markdown_files(site: Path) -> list[str]:
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.md"))


# --- with flags ----------------------------------------------------------------------------------


def test_new_with_flags_writes_a_document_that_loads_and_builds(site: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = new(capsys, site, "--title", "FSDC and CAICT: a second MOU", "--published", "2024-05-06",
                         "--publisher", "FSDC", "--source", "https://example.org/news/2",
                         "--topics", "AI, fintech", "--agreement", "fsdc-caict-2024",
                         "--parties", "fsdc,China Academy of Information and Communications Technology",
                         "--signed", "2024-05")
    assert code == ExitCode.OK, err
    path = site / "content/2024/fsdc-and-caict-a-second-mou.md"
    assert out == f"{path}\n"
    assert path.read_text(encoding="utf-8") == """\
---
# Made by `mouarchive new`. Write only what a source states; docs/editing.md lists every field.
title: "FSDC and CAICT: a second MOU"
kind: press-release
published: 2024-05-06
publisher: FSDC
source: https://example.org/news/2
topics: [artificial intelligence, fintech]
agreement:
  id: fsdc-caict-2024  # permanent: the agreement's URL
  parties: [FSDC, CAICT]
  signed: 2024-05
  # title, instrument, place, signatories, witnesses: as the source states them
# Below the closing ---: the document in your own words, in Markdown.
---
"""
    assert "states facts about agreement 'fsdc-caict-2024' (new)" in err
    assert f"wrote {path}: it loads without problems" in err
    assert main(["build", "--site", str(site)]) == ExitCode.OK
    assert (site / "site/agreements/fsdc-caict-2024/index.html").is_file()
    assert (site / "site/documents/2024/fsdc-and-caict-a-second-mou/index.html").is_file()


def test_an_agreement_in_the_archive_is_referred_to(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = new(capsys, site, "--title", "News of the MOU", "--kind", "news",
                          "--published", "2023-09-12", "--agreement", "fsdc-caict-2023")
    assert code == ExitCode.OK, err
    text = (site / "content/2023/news-of-the-mou.md").read_text(encoding="utf-8")
    assert "\nkind: news\n" in text
    assert "\nagreement: fsdc-caict-2023\n" in text
    assert ("refers to agreement 'fsdc-caict-2023', described in content/2023/fsdc-caict-mou.md"
            in err)
    assert main(["check", "--site", str(site)]) == ExitCode.OK


def test_facts_about_an_agreement_in_the_archive_are_stated(site: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = new(capsys, site, "--title", "News of the MOU", "--agreement", "fsdc-caict-2023",
                          "--signed", "2023-09-06")
    assert code == ExitCode.OK, err
    text = (site / "content/2023/news-of-the-mou.md").read_text(encoding="utf-8")  # the year signed
    assert ("\nagreement:\n  id: fsdc-caict-2023  # permanent: the agreement's URL\n"
            "  signed: 2023-09-06\n") in text
    assert "states facts about agreement 'fsdc-caict-2023' (in the archive already)" in err
    assert main(["check", "--site", str(site)]) == ExitCode.OK


def test_parties_without_an_id_make_one_from_the_parties_and_the_year(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = new(capsys, site, "--title", "Bureau and CAC sign",
                          "--parties", "Innovation, Technology and Industry Bureau, CAC", "--signed", "2026")
    assert code == ExitCode.OK, err
    text = (site / "content/2026/bureau-and-cac-sign.md").read_text(encoding="utf-8")
    assert "  id: itib-cac-2026  # permanent" in text
    assert "  parties: [ITIB, CAC]\n  signed: 2026\n" in text
    # The same again would state facts about that agreement without saying so: refused.
    code, _out, err = new(capsys, site, "--title", "Another", "--parties", "ITIB,CAC", "--signed", "2026-01")
    assert code == ExitCode.USAGE
    assert ("error: --parties: the archive already has an agreement 'itib-cac-2026' "
            "(content/2026/bureau-and-cac-sign.md)") in err


def test_a_new_agreement_needs_its_parties(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = new(capsys, site, "--title", "T", "--agreement", "fsdc-caict-2032")
    assert code == ExitCode.USAGE
    assert out == ""
    assert err.splitlines()[:2] == [
        "error: --agreement: 'fsdc-caict-2032' is not in the archive; a new agreement needs its parties",
        "    hint: did you mean 'fsdc-caict-2023'? give --parties A,B to describe it",
    ]
    assert "nothing was written" in err
    assert markdown_files(site) == ["content/2023/fsdc-caict-mou.md"]


def test_unknown_party_and_topic_exit_1_with_the_nearest(site: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = new(capsys, site, "--title", "T", "--parties", "FSDC,CAICTT", "--topics", "blokchain")
    assert code == ExitCode.CONTENT
    assert out == ""
    assert err.splitlines() == [
        "error: --topics: unknown topic 'blokchain'",
        "    hint: did you mean 'Blockchain'? otherwise add it to content/topics.yaml",
        "error: --parties: unknown party 'CAICTT'",
        "    hint: did you mean 'CAICT' or 'CAC'? otherwise add it to content/parties.yaml",
        "nothing was written",
    ]
    assert markdown_files(site) == ["content/2023/fsdc-caict-mou.md"]


@pytest.mark.parametrize(("args", "message"), [
    (("--published", "2023-02-30"), "error: --published: '2023-02-30' is not a real date: "
                                    "February 2023 has 28 days"),
    (("--signed", "6 Sept 2023", "--agreement", "fsdc-caict-2023"),
     "error: --signed: '6 Sept 2023' is not a date in the form YYYY-MM-DD, YYYY-MM or YYYY"),
    (("--source", "www.example.org"), "error: --source: 'www.example.org' is not an http(s) URL"),
    (("--kind", "pressrelease"), "error: --kind: 'pressrelease' is not a kind of document"),
    (("--agreement", "FSDC CAICT"), "error: --agreement: 'FSDC CAICT' is not an agreement id"),
    (("--signed", "2023"), "error: --signed: is a fact about an agreement, but none is named"),
])
def test_bad_values_are_usage_errors(site: Path, capsys: pytest.CaptureFixture[str],
                                     args: tuple[str, ...], message: str) -> None:
    code, _out, err = new(capsys, site, "--title", "T", *args)
    assert code == ExitCode.USAGE
    assert message in err.splitlines()
    assert markdown_files(site) == ["content/2023/fsdc-caict-mou.md"]


def test_never_overwrites(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert new(capsys, site, "--title", "Once", "--published", "2024")[0] == ExitCode.OK
    path = site / "content/2024/once.md"
    before = path.read_bytes()
    code, out, err = new(capsys, site, "--title", "Once", "--published", "2024", "--kind", "news")
    assert code == ExitCode.USAGE
    assert out == ""
    assert f"{path}: error: already exists; new never overwrites a file" in err
    assert path.read_bytes() == before
    # Nor a file given with --output.
    existing = site / "content/2023/fsdc-caict-mou.md"
    assert new(capsys, site, "--title", "X", "--output", str(existing))[0] == ExitCode.USAGE
    assert existing.read_text(encoding="utf-8") == DOC


def test_dry_run_prints_the_document_and_writes_nothing(site: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = new(capsys, site, "--title", "Dry", "--agreement", "fsdc-caict-2023", "--dry-run")
    assert code == ExitCode.OK, err
    assert out.startswith("---\n# Made by `mouarchive new`.")
    assert "\ntitle: Dry\n" in out and "\nagreement: fsdc-caict-2023\n" in out
    assert f"would write {site / 'content/dry.md'}: it loads without problems" in err
    assert markdown_files(site) == ["content/2023/fsdc-caict-mou.md"]


def test_output_elsewhere_is_written_with_a_note(site: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "drafts" / "one.md"
    code, out, err = new(capsys, site, "--title", "Elsewhere", "--output", str(target))
    assert code == ExitCode.OK, err
    assert out == f"{target}\n"
    assert target.is_file()
    assert "note: the build reads only content/; move it there to publish it" in err


@pytest.mark.parametrize(("args", "where"), [
    (("--published", "2024-01-02", "--agreement", "fsdc-caict-2023", "--signed", "2023-09-06"),
     "content/2024/t.md"),
    (("--agreement", "fsdc-caict-2023", "--signed", "2023-09"), "content/2023/t.md"),
    ((), "content/t.md"),
])
def test_the_file_goes_under_the_year_published_else_signed(site: Path, capsys: pytest.CaptureFixture[str],
                                                           args: tuple[str, ...], where: str) -> None:
    code, _out, err = new(capsys, site, "--title", "T", *args)
    assert code == ExitCode.OK, err
    assert (site / where).is_file()


def test_in_a_pipe_a_missing_title_is_a_usage_error(site: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("Title typed\n"))  # not a terminal: never read
    code, out, err = new(capsys, site, "--parties", "FSDC,CAICT")
    assert code == ExitCode.USAGE
    assert out == ""
    assert err.splitlines()[0] == "error: mouarchive new: --title is required"
    assert markdown_files(site) == ["content/2023/fsdc-caict-mou.md"]


# --- with prompts --------------------------------------------------------------------------------


class FakeTerminal(io.StringIO):
    """Standard input that says it is a terminal, with the answers typed in advance."""

    def isatty(self) -> bool:
        return True


def test_prompts_on_a_terminal(site: Path, capsys: pytest.CaptureFixture[str],
                               monkeypatch: pytest.MonkeyPatch) -> None:
    answers = ["", "A new MOU", "", "2024-13-01", "2024-03-02", "blokchain", "DLT, fintech",
               "fsdc-cac-2024", "", "FSDC, CAC", "2024-03-01", ""]
    monkeypatch.setattr("sys.stdin", FakeTerminal("\n".join(answers) + "\n"))
    code, out, err = new(capsys, site)
    assert code == ExitCode.OK, err
    path = site / "content/2024/a-new-mou.md"
    assert out == f"{path}\n"
    text = path.read_text(encoding="utf-8")
    assert ("\ntitle: A new MOU\nkind: press-release\npublished: 2024-03-02\n"
            "topics: [blockchain, fintech]\n") in text
    assert "\n  id: fsdc-cac-2024  # permanent: the agreement's URL\n  parties: [FSDC, CAC]\n" in text
    assert "\n  signed: 2024-03-01\n" in text
    assert "source:" not in text
    for shown in ("a title is required", "'2024-13-01' is not a real date: there is no month 13",
                  "unknown topic 'blokchain' (did you mean 'Blockchain'?",
                  "'fsdc-cac-2024' is a new agreement: give its parties",
                  "a new agreement needs its parties", "Kind (press-release, news, statement, speech, "
                  "text, translation) [press-release]: "):
        assert shown in err
    assert main(["check", "--site", str(site)]) == ExitCode.OK


def test_prompts_ask_only_for_what_the_flags_left_out(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    asked: list[str] = []
    answers: Iterator[str] = iter(["Referring", "", "fsdc-caict-2023", "https://example.org/a"])

    def ask(question: str) -> str:
        asked.append(question.split(" ")[0])
        return next(answers)

    args = make_parser().parse_args(["new", "--site", str(site), "--kind", "statement",
                                     "--published", "2025"])
    assert run_new(args, Console(stderr=True), ask) == ExitCode.OK
    assert asked == ["Title", "Topics", "Agreement", "Source"]
    text = (site / "content/2025/referring.md").read_text(encoding="utf-8")
    assert "\nkind: statement\n" in text
    assert "\nsource: https://example.org/a\nagreement: fsdc-caict-2023\n" in text
    capsys.readouterr()


def test_an_answer_cut_short_writes_nothing(site: Path, capsys: pytest.CaptureFixture[str],
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", FakeTerminal("Half a title\n"))
    code, _out, err = new(capsys, site)
    assert code == ExitCode.USAGE
    assert "no answer; nothing was written" in err
    assert markdown_files(site) == ["content/2023/fsdc-caict-mou.md"]


# --- the document as text ------------------------------------------------------------------------


def test_names_with_commas_and_ambiguous_names(site: Path) -> None:
    names = Names("party", "content/parties.yaml", {"a": ("a", "Innovation, Technology and Industry Bureau"),
                                                   "b": ("b", "ITB"), "c": ("c", "ITB")})
    assert read_names("Innovation, Technology and Industry Bureau, a", names) == ("a",)
    with pytest.raises(ValueError, match="'ITB' could be any of 2 party entries: 'b', 'c'"):
        read_names("ITB", names)


def test_default_path() -> None:
    doc = NewDocument(title="Ünïcode: ‘quotes’", signed=PartialDate(2022))
    assert default_path(doc, Path("content")) == Path("content/2022/unicode-quotes.md")


@settings(max_examples=200, deadline=None)
@given(title=st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=60),
       publisher=st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=30))
def test_any_title_and_publisher_read_back_as_written(title: str, publisher: str) -> None:
    title, publisher = " ".join(title.split()), " ".join(publisher.split())
    if not title or not title.isprintable() or not publisher.isprintable():
        return
    text = render_new(NewDocument(title=title, publisher=publisher or None))
    problems = Problems()
    empty = Names("party", "p", {})
    document = read_document(text, "content/x.md", "en", empty, empty, problems)
    assert not problems.items, [p.format() for p in problems.items]
    assert document is not None
    assert (document.title, document.publisher) == (title, publisher or None)


def test_written_documents_load_with_the_archive(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    for title in ("NO", "12:30", "- a list?", "# not a comment", "[not a list]", '"quoted"', "香港 MOU"):
        assert new(capsys, site, "--title", title, "--agreement", "fsdc-caict-2023")[0] == ExitCode.OK
    problems = Problems()
    content = load_content(site / "content", "en", problems)
    assert not problems.items
    assert sorted(d.title for d in content.documents) == sorted(
        ["NO", "12:30", "- a list?", "# not a comment", "[not a list]", '"quoted"', "香港 MOU",
         "FSDC and CAICT sign MOU"])


# --- a version in another language --------------------------------------------------------------


def test_a_version_in_another_language_goes_beside_its_original_and_is_linked(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = new(capsys, site, "--title", "金融發展局與信通院簽署諒解備忘錄", "--lang", "zh-hant",
                         "--translation-of", "content/2023/fsdc-caict-mou.md", "--published", "2023-09-11")
    assert code == ExitCode.OK, err
    path = site / "content/2023/fsdc-caict-mou.zh-hant.md"
    assert out == f"{path}\n"
    text = path.read_text(encoding="utf-8")
    assert "lang: zh-Hant\ntranslation_of: 2023/fsdc-caict-mou.md  # the original\n" in text
    assert "\nagreement: fsdc-caict-2023\n" in text  # the original's agreement, referred to
    assert main(["build", "--site", str(site)]) == ExitCode.OK
    original = (site / "site/documents/2023/fsdc-caict-mou/index.html").read_text(encoding="utf-8")
    assert ('hreflang="zh-Hant" href="https://example.org/documents/2023/fsdc-caict-mou-zh-hant/"'
            in original)


@pytest.mark.parametrize(("args", "message"), [
    (("--lang", "zh-Hant", "--translation-of", "2023/fsdc-caict-mo.md"),
     "error: --translation-of: there is no document 2023/fsdc-caict-mo.md\n"
     "    hint: did you mean 2023/fsdc-caict-mou.md?"),
    (("--translation-of", "2023/fsdc-caict-mou.md"),
     "error: --translation-of: a version in another language needs its language\n"
     "    hint: give --lang, one of en, zh-Hant, zh-Hans"),
    (("--lang", "fr"), "error: --lang: 'fr' is not a language of the archive\n"
                       "    hint: one of en, zh-Hant, zh-Hans"),
    (("--lang", "zh-Hant", "--translation-of", "../outside.md"),
     "error: --translation-of: '../outside.md' is not the path of a document"),
])
def test_a_version_needs_an_original_that_exists_and_a_language(
        site: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str) -> None:
    before = markdown_files(site)
    code, out, err = new(capsys, site, "--title", "A version", *args)
    assert code in (ExitCode.USAGE, ExitCode.CONTENT) and out == ""
    assert message in err and "nothing was written" in err
    assert markdown_files(site) == before
