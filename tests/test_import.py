"""`mouarchive import`: press-release text in, a draft document out, with only what the text states."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from mouarchive.cli import main
from mouarchive.documents import read_document
from mouarchive.errors import ExitCode, Problems
from mouarchive.frontmatter import split_document
from mouarchive.importer import (
    Draft,
    DraftAgreement,
    DraftPerson,
    default_path,
    draft_from_text,
    render_draft,
    resolve_date,
    write_new,
)
from mouarchive.model import PartialDate
from mouarchive.vocabularies import Vocabularies, load_vocabularies

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "import"
SEED_000 = FIXTURES / "seed_000_news_cn_hk.txt"
SEED_002 = FIXTURES / "seed_002_fsdc_caict.txt"
# The example archive's vocabularies as they were when these tests were written: content/ grows.
SEED_VOCABULARY = REPO / "tests" / "fixtures" / "example" / "content"
_LINES = [line for path in sorted(FIXTURES.glob("*.*")) if path.suffix in (".txt", ".md")
          for line in path.read_text(encoding="utf-8").splitlines()]
OWN_FIXTURES = ("government_two_agreements.txt", "regulator_date_before_place.txt",
                "university_the_parties.md", "company_newswire.txt")


def _site(root: Path, parties: Path) -> Path:
    """A site whose content/ holds only the vocabularies: `parties` and the repository's topics."""
    content = root / "content"
    content.mkdir(parents=True)
    shutil.copy(parties, content / "parties.yaml")
    shutil.copy(SEED_VOCABULARY / "topics.yaml", content / "topics.yaml")
    return root


def _vocab(site: Path) -> Vocabularies:
    problems = Problems()
    vocab = load_vocabularies(site / "content", problems)
    assert not problems.items, [p.format() for p in problems.items]
    return vocab


@pytest.fixture(scope="module")
def repo_vocab(tmp_path_factory: pytest.TempPathFactory) -> Vocabularies:
    return _vocab(_site(tmp_path_factory.mktemp("repo"), SEED_VOCABULARY / "parties.yaml"))


@pytest.fixture(scope="module")
def fixture_vocab(tmp_path_factory: pytest.TempPathFactory) -> Vocabularies:
    return _vocab(_site(tmp_path_factory.mktemp("fixtures"), FIXTURES / "parties.yaml"))


def _draft(path: Path, vocab: Vocabularies) -> Draft:
    return draft_from_text(path.read_text(encoding="utf-8"), vocab, path.name)


def _notes(draft: Draft) -> str:
    return "\n".join(str(n) for n in draft.all_notes)


# --- the seeds: every field their text states, exactly -------------------------------------------


def test_seed_002_fsdc_release(repo_vocab: Vocabularies) -> None:
    draft = _draft(SEED_002, repo_vocab)
    assert draft.title == ("FSDC and CAICT signed the Memorandum of Understanding to foster cooperation "
                           "in promoting digital and green finance innovation")
    assert draft.kind == "press-release"
    assert draft.published == PartialDate(2023, 9, 11)
    assert draft.place == "Hong Kong"
    assert draft.publisher == "FSDC"  # "Keep up with the latest FSDC news by following our ..."
    assert draft.lang == "en"
    [agreement] = draft.agreements
    assert agreement.id == "fsdc-caict-2023"
    assert agreement.instrument == "Memorandum of Understanding"
    assert agreement.parties == ("FSDC", "CAICT")
    assert agreement.unknown_parties == ()
    assert agreement.signed == PartialDate(2023, 9, 6)
    assert agreement.signed_derived_from is None  # "Signed on 6 September 2023": stated in full
    assert agreement.signatories == (
        DraftPerson("Jin Jian", "Mr", None,
                    "Director of the Institute of Industrial Internet and Internet of Things", "CAICT"),
        DraftPerson("King Au", "Dr", None, "Executive Director", "FSDC"),
    )
    assert agreement.witnesses == (
        DraftPerson("Song Ling'en", "Mr", None, "Secretary of the Party Committee", "CAICT"),
        DraftPerson("Laurence Li", "Mr", "SC", "Chairman", "FSDC"),
    )
    # Senior, and named before the signatories, but the text says they witnessed: not signatories.
    assert {p.name for p in agreement.signatories}.isdisjoint({"Song Ling'en", "Laurence Li"})
    assert agreement.notes == ()
    assert draft.proposed_parties == ()
    assert draft.topics[:2] == ("digital finance", "green finance")  # "digital and green finance"
    assert "blockchain" in draft.topics
    # The "About CAICT" notes name AI and information security; they are not the release's topics.
    assert "artificial intelligence" not in draft.topics and "cybersecurity" not in draft.topics


def test_seed_002_body_is_the_release_without_its_chrome(repo_vocab: Vocabularies) -> None:
    body = _draft(SEED_002, repo_vocab).body
    assert body.startswith("Hong Kong, 11 September 2023 – The Financial Services Development Council")
    for chrome in ("Press Release", "- Ends -", "Keep up with the latest", "LinkedIn"):
        assert chrome not in body
    assert "signed the Memorandum of Understanding\nto foster" not in body  # the headline
    assert body.rstrip().endswith("with more flexibility.")
    assert "About CAICT" in body  # part of the release, for the editor's summary


def test_seed_000_news_item(repo_vocab: Vocabularies) -> None:
    draft = _draft(SEED_000, repo_vocab)
    assert draft.title == "China and Hong Kong sign MOU on AI, cross-border data and blockchain cooperation"
    assert draft.kind == "news"
    assert draft.published == PartialDate(2026, 4, 13)
    assert draft.place is None  # "Published on:" gives no place, and nothing is guessed
    [agreement] = draft.agreements
    assert agreement.id == "itib-cac-2026"
    assert agreement.instrument == "memorandum of understanding"
    assert agreement.parties == ("ITIB", "CAC")
    assert agreement.signed == PartialDate(2026, 4, 12)
    assert agreement.signed_derived_from == "'Sunday' before the publication date 2026-04-13 (a Monday)"
    assert [(p.name, p.title) for p in agreement.signatories] == [
        ("John Lee", "Chief Executive"),
        ("Zhuang Rongwen", "director of China's Cyberspace Administration"),
    ]
    assert agreement.signatories[1].party == "CAC"
    # "Hong Kong Chief Executive": Hong Kong is no party in parties.yaml, so the party is left
    # for the editor rather than guessed.
    assert agreement.signatories[0].party is None
    assert "John Lee: party not stated" in _notes(draft)
    assert agreement.witnesses == ()
    assert "the text also calls it 'cooperation agreement'" in _notes(draft)
    assert draft.topics == ("artificial intelligence", "cross-border data", "blockchain", "cybersecurity",
                            "digital economy")


def test_seed_000_advertising_is_stripped(repo_vocab: Vocabularies) -> None:
    draft = _draft(SEED_000, repo_vocab)
    for chrome in ("Get Daily AI News", "Your membership also unlocks", "700+ AI Courses",
                   "700+ Certifications", "Personalized AI Learning Plan", "6500+ AI Tools",
                   "(no Ads)", "Learn more about", "Categorized in:", "Published on:"):
        assert chrome not in draft.body
    assert draft.title is not None and draft.title not in draft.body  # the repeated headline
    assert draft.body.startswith("Hong Kong and mainland China signed an MOU Sunday")
    assert draft.body.endswith("as implementation details emerge.")
    assert "Get Daily AI News" in draft.removed


# --- other publishers' styles --------------------------------------------------------------------


def test_government_release_with_two_agreements(fixture_vocab: Vocabularies) -> None:
    draft = _draft(FIXTURES / "government_two_agreements.txt", fixture_vocab)
    assert draft.title == ("Harbour Region signs two agreements with Ostland on data and artificial "
                           "intelligence")
    assert draft.kind == "press-release"
    assert draft.published == PartialDate(2025, 3, 27)  # "Ends/Thursday, March 27, 2025"
    assert draft.place is None
    assert draft.topics == ("artificial intelligence", "cross-border data")
    first, second = draft.agreements
    assert first == DraftAgreement(
        id="dab-oda-2025", title="Memorandum of Understanding on Cross-boundary Data Cooperation",
        instrument="Memorandum of Understanding", parties=("DAB", "ODA"),
        signed=PartialDate(2025, 3, 27), signed_from="today / March 27",
        signed_derived_from="'today' in a release published 2025-03-27",
        signatories=(
            DraftPerson("Alan Fung", "Mr", None, "Secretary for Digital Affairs", None,
                        "party not stated"),
            DraftPerson("Petra Holm", "Dr", None, "Director-General of the Ostland Data Agency", "ODA"),
        ),
        witnesses=(
            DraftPerson("Daniel Ho", "Mr", None, "Chief Executive", None, "party not stated"),
            DraftPerson("Ingrid Dahl", "Ms", None, "Minister of Digital Affairs of Ostland",
                        "Government of Ostland"),
        ),
    )
    assert second.id == "hic-oit-2025"
    assert second.title == "Cooperation Agreement on Artificial Intelligence Research"
    assert second.instrument == "Cooperation Agreement"
    assert second.parties == ("HIC",)
    assert second.unknown_parties == ("Ostland Institute of Technology",)
    assert second.signed == PartialDate(2025, 3, 27)
    assert [(p.name, p.honorific, p.title, p.party) for p in second.signatories] == [
        ("Grace Yip", "Prof", "Chairperson", "HIC"),
        ("Lars Berg", "Dr", "President of the OIT", None),  # the OIT is not in parties.yaml
    ]
    # "witnessed the signing of both agreements"; the Ostland minister acts for no party of the
    # second, so her party is left out there rather than breaking the build.
    assert [p.name for p in second.witnesses] == ["Daniel Ho", "Ingrid Dahl"]
    assert second.witnesses[1].party is None
    assert "not a party to this agreement" in (second.witnesses[1].note or "")
    [proposed] = draft.proposed_parties
    assert (proposed.id, proposed.name, proposed.acronym) == ("oit", "Ostland Institute of Technology", "OIT")
    document = render_draft(draft)
    assert "agreement:\n  - id: dab-oda-2025" in document
    assert "\n  - id: hic-oit-2025" in document


def test_regulator_release_with_the_date_before_the_place(fixture_vocab: Vocabularies) -> None:
    draft = _draft(FIXTURES / "regulator_date_before_place.txt", fixture_vocab)
    assert draft.title == ("Ostport Monetary Authority and Harbour Securities Commission sign MoU on green "
                           "finance supervision")
    assert draft.kind == "press-release"
    assert (draft.published, draft.place) == (PartialDate(2025, 3, 3), "Ostport")
    assert draft.topics == ("green finance",)  # not the fintech and blockchain of "About the OMA"
    [agreement] = draft.agreements
    assert agreement.instrument == "Memorandum of Understanding"
    assert agreement.parties == ("OMA", "HSC")
    # "today signed"; "takes effect from 1 April 2025" is not a signing date.
    assert agreement.signed == PartialDate(2025, 3, 3)
    assert agreement.signed_derived_from == "'today' in a release published 2025-03-03"
    assert agreement.signatories == (
        DraftPerson("Clara Neves", "Ms", None, "Chief Executive", "OMA"),
        DraftPerson("Peter Chan", "Mr", "JP", "Chief Executive Officer", "HSC"),
    )
    # "in the presence of": a witness. The party is in the title but is not all of it: kept whole.
    assert agreement.witnesses == (DraftPerson("Anna Weber", "Dr", None, "Chair of the OMA Board", "OMA"),)
    assert "Media enquiries" not in draft.body


def test_university_news_naming_the_parties(fixture_vocab: Vocabularies) -> None:
    draft = _draft(FIXTURES / "university_the_parties.md", fixture_vocab)
    assert draft.title == "Harbour University and Meridian Robotics to set up joint AI laboratory"
    assert draft.kind == "news"
    assert draft.published == PartialDate(2025, 1, 15)  # "**News | 15 January 2025**"
    [agreement] = draft.agreements
    assert agreement.instrument == "Memorandum of Understanding"
    # "Harbour University ("HarbourU") and Meridian Robotics Limited ("Meridian") (together, the
    # "Parties")": the Parties are those two; Meridian is not in parties.yaml yet.
    assert agreement.parties == ("HarbourU",)
    assert agreement.unknown_parties == ("Meridian Robotics Limited",)
    assert agreement.signed == PartialDate(2025, 1, 10)
    assert [(p.name, p.honorific, p.title, p.party) for p in agreement.signatories] == [
        ("Mei Lin", "Prof", "President", "HarbourU"),
        ("Tom Reyes", "Mr", "Chief Executive Officer of Meridian", None),
    ]
    # Dr Okafor attended the ceremony and is quoted: neither signatory nor witness.
    assert agreement.witnesses == ()
    [proposed] = draft.proposed_parties
    assert (proposed.id, proposed.name, proposed.acronym, proposed.aliases) == \
        ("meridian", "Meridian Robotics Limited", None, ("Meridian",))
    assert "Read more news" not in draft.body and "Share this" not in draft.body
    assert not draft.body.startswith("#")  # the Markdown headline is the title, not the body


def test_company_release_on_a_newswire(fixture_vocab: Vocabularies) -> None:
    draft = _draft(FIXTURES / "company_newswire.txt", fixture_vocab)
    assert draft.kind == "press-release"
    assert draft.published == PartialDate(2024, 9, 9)  # "NEW HARBOUR, Sept. 9, 2024 /PRNewswire/ --"
    assert draft.place == "New Harbour"
    assert "check the spelling 'New Harbour'" in _notes(draft)
    assert draft.publisher == "Meridian Robotics Limited"  # "SOURCE Meridian Robotics Limited"
    [agreement] = draft.agreements
    assert agreement.instrument == "strategic cooperation agreement"
    assert agreement.parties == ("Kestrel Cloud Inc.",)
    assert agreement.unknown_parties == ("Meridian Robotics Limited",)
    # "announced today that they signed ... yesterday": the signing was the day before.
    assert agreement.signed == PartialDate(2024, 9, 8)
    assert agreement.signed_derived_from == "'yesterday' before the publication date 2024-09-09"
    assert [(p.name, p.title, p.party) for p in agreement.signatories] == [
        ("Tom Reyes", "CEO", None), ("Ana Silva", "President", "Kestrel Cloud Inc.")]
    assert draft.topics == ("artificial intelligence", "blockchain")
    assert "forward-looking" not in draft.body


# --- what the text does not settle is left empty and marked ---------------------------------------

RELEASE = """\
Alpha Council and Beta Bureau sign MOU

Harbour, 2 May 2024 – The Digital Affairs Bureau (DAB) and the Harbour Innovation Council (HIC) \
signed a Memorandum of Understanding{when}. It was signed by Mr Alan Fung, Secretary for Digital \
Affairs, and Ms Grace Yip, Chairperson of the HIC.
"""


@pytest.mark.parametrize(("when", "note"), [
    ("", "signing date not found"),
    (" on 1 May 2024. The MOU, signed on 28 April 2024, runs for three years",
     "the text gives different signing dates"),
    (" on 3/4/2024", "reads as day/month or as month/day"),
    (" on Thursday, 1 May 2024", "2024-05-01 is a Wednesday, not a Thursday"),
])
def test_an_unsettled_signing_date_is_left_empty_and_marked(fixture_vocab: Vocabularies, when: str,
                                                            note: str) -> None:
    draft = draft_from_text(RELEASE.format(when=when), fixture_vocab)
    [agreement] = draft.agreements
    assert agreement.signed is None
    assert note in _notes(draft)
    assert "# REVIEW: signed: " in render_draft(draft)


def test_a_weekday_that_is_the_publication_day_is_that_day_as_news_style_writes() -> None:
    # 2 May 2024 is itself a Thursday: news style says "on Thursday", never "a week ago Thursday".
    found = resolve_date("Thursday", PartialDate(2024, 5, 2))
    assert found.date == PartialDate(2024, 5, 2)  # type: ignore[union-attr]
    assert "news style" in found.derived  # type: ignore[union-attr,operator]
    assert resolve_date("Monday", PartialDate(2024, 5, 2)).date == PartialDate(2024, 4, 29)  # type: ignore[union-attr]


def test_dates_are_read_with_dateparser_and_their_derivation_recorded() -> None:
    published = PartialDate(2025, 3, 27)
    assert resolve_date("26 March", published).date == PartialDate(2025, 3, 26)  # type: ignore[union-attr]
    assert "with no year stated" in resolve_date("March 26", published).derived  # type: ignore[union-attr,operator]
    assert resolve_date("September 2023").date == PartialDate(2023, 9)  # type: ignore[union-attr]
    assert resolve_date("Sept. 9, 2024").date == PartialDate(2024, 9, 9)  # type: ignore[union-attr]
    assert resolve_date("13/4/2026").date == PartialDate(2026, 4, 13)  # type: ignore[union-attr]
    assert isinstance(resolve_date("Sunday"), str)  # no publication date to count back from
    assert isinstance(resolve_date("30 March", published), str)  # after the publication date


def test_a_text_without_headline_or_agreement_facts_is_marked_not_guessed(
        fixture_vocab: Vocabularies) -> None:
    draft = draft_from_text("The two councils discussed closer ties over lunch.\n", fixture_vocab)
    notes = _notes(draft)
    for expected in ("publication date not found", "no dateline", "the text names no instrument",
                     "no party found", "the text does not say who signed", "signing date not found"):
        assert expected in notes
    assert draft.title is None and draft.published is None


def test_an_agreement_with_no_known_party_is_written_commented_out(tmp_path: Path,
                                                                   fixture_vocab: Vocabularies) -> None:
    text = ("Nordic Rail Authority and Polar Shipping Limited sign MOU\n\n"
            "Harbour, 2 May 2024 – The Nordic Rail Authority (NRA) and Polar Shipping Limited (PSL) "
            "signed a Memorandum of Understanding on 30 April 2024.\n")
    draft = draft_from_text(text, fixture_vocab)
    [agreement] = draft.agreements
    assert agreement.parties == ()
    assert agreement.unknown_parties == ("Nordic Rail Authority", "Polar Shipping Limited")
    assert [p.id for p in draft.proposed_parties] == ["nra", "psl"]
    document = render_draft(draft)
    assert "\n# agreement:\n" in document and "\n#   id: nra-psl-2024" in document
    site = _site(tmp_path, FIXTURES / "parties.yaml")
    write_new(default_path(draft, site / "content"), document)
    assert main(["check", "--site", str(site)]) == ExitCode.OK


# --- the written document ------------------------------------------------------------------------


def test_imported_seeds_pass_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path, SEED_VOCABULARY / "parties.yaml")
    parties_before = (site / "content" / "parties.yaml").read_bytes()
    for seed in (SEED_000, SEED_002):
        assert main(["import", str(seed), "--site", str(site)]) == ExitCode.OK
    written = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.md"))
    assert written == [
        "content/2023/fsdc-and-caict-signed-the-memorandum-of-understanding-to-foster-cooperation-in.md",
        "content/2026/china-and-hong-kong-sign-mou-on-ai-cross-border-data-and-blockchain-cooperation.md",
    ]
    capsys.readouterr()
    assert main(["check", "--site", str(site)]) == ExitCode.OK
    assert "checked 2 documents about 2 agreements" in capsys.readouterr().err
    assert (site / "content" / "parties.yaml").read_bytes() == parties_before


def test_imported_fixtures_pass_check_and_never_touch_parties_yaml(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path, FIXTURES / "parties.yaml")
    for name in OWN_FIXTURES:
        assert main(["import", str(FIXTURES / name), "--site", str(site)]) == ExitCode.OK
    err = capsys.readouterr().err
    # Unknown parties are printed as entries to add by hand, never written into parties.yaml.
    assert "- id: oit\n  name: Ostland Institute of Technology\n  acronym: OIT" in err
    assert "- id: meridian\n  name: Meridian Robotics Limited\n  aliases: [Meridian]" in err
    assert (site / "content" / "parties.yaml").read_bytes() == (FIXTURES / "parties.yaml").read_bytes()
    assert len(list(site.rglob("*.md"))) == len(OWN_FIXTURES)
    assert main(["check", "--site", str(site)]) == ExitCode.OK


def test_the_document_states_its_review_points(repo_vocab: Vocabularies) -> None:
    document = render_draft(_draft(SEED_000, repo_vocab))
    split = split_document(document, "draft.md", Problems())
    assert split is not None
    assert "# REVIEW: the body is the source's own text" in document
    assert "# REVIEW: place: no dateline with a place found" in document
    assert "signed_derived_from: \"'Sunday' before the publication date 2026-04-13 (a Monday)\"" in document
    assert "- {name: John Lee, title: Chief Executive}  # REVIEW: party not stated" in document
    problems = Problems()
    doc = read_document(document, "content/2026/draft.md", "en", repo_vocab.party_names,
                        repo_vocab.topic_names, problems)
    assert doc is not None and not problems.items
    [facts] = doc.states
    assert facts.signed == PartialDate(2026, 4, 12)
    assert [p.name for p in facts.signatories or ()] == ["John Lee", "Zhuang Rongwen"]


def test_import_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path, SEED_VOCABULARY / "parties.yaml")
    assert main(["import", str(SEED_002), "--site", str(site)]) == ExitCode.OK
    [path] = site.rglob("*.md")
    path.write_text("an editor's work\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(SEED_002), "--site", str(site)]) == ExitCode.USAGE
    assert "already exists; import never overwrites a file" in capsys.readouterr().err
    other = tmp_path / "mine.md"
    other.write_text("mine\n", encoding="utf-8")
    assert main(["import", str(SEED_002), "--site", str(site), "--output", str(other)]) == ExitCode.USAGE
    assert path.read_text(encoding="utf-8") == "an editor's work\n"
    assert other.read_text(encoding="utf-8") == "mine\n"


def test_dry_run_and_standard_input(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    site = _site(tmp_path, SEED_VOCABULARY / "parties.yaml")
    monkeypatch.setattr("sys.stdin", io.StringIO(SEED_002.read_text(encoding="utf-8")))
    assert main(["import", "-", "--site", str(site), "--dry-run"]) == ExitCode.OK
    out, err = capsys.readouterr()
    assert out.startswith("---\n# A draft made by `mouarchive import` from standard input.")
    assert "  signed: 2023-09-06  # from '6 September 2023'" in out
    assert "needs a look" in err and "found:" in err
    assert list(site.rglob("*.md")) == []
    target = tmp_path / "drafts" / "fsdc.md"
    assert main(["import", str(SEED_002), "--site", str(site), "--output", str(target)]) == ExitCode.OK
    assert target.read_text(encoding="utf-8").startswith("---\n")


def test_an_unreadable_source_is_a_usage_error(tmp_path: Path) -> None:
    site = _site(tmp_path, SEED_VOCABULARY / "parties.yaml")
    assert main(["import", str(tmp_path / "missing.txt"), "--site", str(site)]) == ExitCode.USAGE
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 MOU".encode("latin-1"))
    assert main(["import", str(tmp_path / "latin1.txt"), "--site", str(site)]) == ExitCode.USAGE


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_LINES) | st.text(max_size=60), max_size=25))
@example(["**", "**"])  # markup alone had been an empty headline
def test_any_text_gives_a_draft_that_loads(repo_vocab: Vocabularies, lines: list[str]) -> None:
    """Shuffled release lines and arbitrary text: never a crash, and the draft always loads."""
    draft = draft_from_text("\n".join(lines), repo_vocab)
    problems = Problems()
    read_document(render_draft(draft), "content/x.md", "en", repo_vocab.party_names,
                  repo_vocab.topic_names, problems)
    assert not problems.items, [p.format() for p in problems.items]


# --- the inputs people have: HTML, a URL; and --add-parties ---------------------------------------

_PAGE = """<!doctype html><html><head><title>Site name</title></head><body>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/about">About us</a></nav>
<article><h1>Nordic Rail Authority and Polar Shipping sign MoU</h1>
<p>Harbourtown, 30 April 2024 - The Nordic Rail Authority (NRA) and Polar Shipping Limited (PSL)
signed a Memorandum of Understanding today to link rail and sea freight across the region.</p>
<p>The agreement was signed by Ms Anna Berg, Director-General of the NRA, and Mr Lars Holm, Chief
Executive of PSL, in the presence of the Minister for Transport, Mr Erik Dahl.</p>
<p>Both bodies will set up a joint working group within three months of the signing.</p></article>
<footer>Copyright 2024. Subscribe to our newsletter. Follow us on social media.</footer>
</body></html>
"""


def _html_checks(out: str) -> None:
    assert "title: Nordic Rail Authority and Polar Shipping sign MoU" in out
    assert "published: 2024-04-30" in out
    assert "- {name: Anna Berg, honorific: Ms, title: Director-General" in out
    assert "Erik Dahl" in out
    assert "Subscribe" not in out and "About us" not in out  # the page's chrome is left out


def test_a_saved_html_page_is_read_for_its_main_text(tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path, FIXTURES / "parties.yaml")
    page = tmp_path / "release.html"
    page.write_text(_PAGE, encoding="utf-8")
    assert main(["import", str(page), "--site", str(site), "--dry-run"]) == ExitCode.OK
    _html_checks(capsys.readouterr().out)


@pytest.fixture
def local_server(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A web server on this machine only: the importer's fetch is never tested on the internet."""
    import functools
    import http.server
    import threading

    seen: list[str] = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            seen.append(self.headers.get("User-Agent", ""))

    (tmp_path / "www").mkdir()
    (tmp_path / "www" / "release.html").write_text(_PAGE, encoding="utf-8")
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Handler, directory=str(tmp_path / "www")))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", seen
    server.shutdown()
    server.server_close()


def test_a_url_is_fetched_politely_and_becomes_the_source(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], local_server) -> None:  # type: ignore[no-untyped-def]
    base, seen = local_server
    site = _site(tmp_path, FIXTURES / "parties.yaml")
    assert main(["import", f"{base}/release.html", "--site", str(site), "--dry-run"]) == ExitCode.OK
    out = capsys.readouterr().out
    _html_checks(out)
    assert f"source: {base}/release.html" in out
    assert seen and seen[0].startswith("mouarchive/")  # a User-Agent that says who asks
    assert main(["import", f"{base}/gone.html", "--site", str(site), "--dry-run"]) == ExitCode.USAGE
    assert "could not be fetched: HTTP 404" in capsys.readouterr().err


def test_a_url_that_cannot_be_reached_is_a_usage_error(tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as unused:  # a port nothing listens on
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    site = _site(tmp_path, FIXTURES / "parties.yaml")
    assert main(["import", f"http://127.0.0.1:{port}/x", "--site", str(site)]) == ExitCode.USAGE
    assert "could not be fetched" in capsys.readouterr().err


def test_add_parties_appends_them_marked_and_the_draft_builds(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(tmp_path, FIXTURES / "parties.yaml")
    page = tmp_path / "release.html"
    page.write_text(_PAGE, encoding="utf-8")
    assert main(["import", str(page), "--site", str(site)]) == ExitCode.OK
    err = capsys.readouterr().err
    assert "next: add the proposed parties to parties.yaml (or import again with --add-parties)" in err
    [draft] = site.rglob("*.md")
    assert "\n# agreement:\n" in draft.read_text(encoding="utf-8")  # commented out: no party known
    draft.unlink()
    before = (site / "content" / "parties.yaml").read_text(encoding="utf-8")
    assert main(["import", str(page), "--site", str(site), "--add-parties"]) == ExitCode.OK
    err = capsys.readouterr().err
    after = (site / "content" / "parties.yaml").read_text(encoding="utf-8")
    assert after.startswith(before)
    added = after[len(before):]
    assert added.count("# REVIEW: added by `mouarchive import` from release.html") == 2
    assert "- id: nra\n  name: Nordic Rail Authority\n  acronym: NRA" in added
    [draft] = site.rglob("*.md")
    text = draft.read_text(encoding="utf-8")
    assert "\nagreement:\n" in text and "parties: [nra, psl]" in text
    assert "next: check the REVIEW comments in" in err and "then run: mouarchive check" in err
    assert main(["check", "--site", str(site)]) == ExitCode.OK


def test_a_memorandum_of_some_kind_of_cooperation_is_the_instrument(repo_vocab: Vocabularies) -> None:
    draft = draft_from_text("SFC and CSRC sign memorandum\n\nThe SFC and the CSRC have signed a "
                            "memorandum of regulatory cooperation on the mutual recognition of funds.\n",
                            repo_vocab)
    assert [a.instrument for a in draft.agreements] == ["memorandum of regulatory cooperation"]
