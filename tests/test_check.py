"""`mouarchive check`: the build's problems plus the warnings an editor wants, each at its file and line."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from mouarchive.build import check_site
from mouarchive.cli import main
from mouarchive.config import load_config
from mouarchive.errors import ExitCode
from mouarchive.review import review_archive
from test_build import DOC

PARTIES = """\
- id: fsdc
  name: Financial Services Development Council
  names: {zh-Hant: 香港金融發展局}
  acronym: FSDC
- id: caict
  name: China Academy of Information and Communications Technology
  acronym: CAICT
- id: cac
  name: Cyberspace Administration of China
  name_zh: 国家互联网信息办公室
  acronym: CAC
"""

TOPICS = """\
- id: fintech
  name: Fintech
- id: blockchain
  name: Blockchain
- id: artificial-intelligence
  name: Artificial intelligence
  aliases: [AI]
"""

# DOC (the facts of fsdc-caict-2023, signed at line 9) with its source at line 5, so signed at line
# 10; topics fintech and blockchain.
STATES = DOC.replace("topics: [fintech]\n", "source: https://www.fsdc.org.hk/en/media/press-release\n"
                                            "topics: [fintech, blockchain]\n")

# Refers to it, without a source; fintech again.
REFERS = """\
---
kind: news
title: News of the MOU
published: 2023-09-12
topics: [fintech]
agreement: fsdc-caict-2023
---
A news item.
"""

# An undated agreement, stated second in a list; with its source.
UNDATED = """\
---
title: Two agreements
kind: statement
published: 2024-01-05
source: https://example.org/two
agreement:
  - fsdc-caict-2023
  - id: cac-fsdc
    parties: [CAC, FSDC]
---
Two agreements.
"""

# The same undated agreement, stated by a later document: the warning names the earlier one.
LATER = """\
---
title: More on CAC and FSDC
kind: news
published: 2024-02-01
source: https://example.org/more
agreement:
  id: cac-fsdc
  title: Cooperation on data
---
"""

FILES = {"content/parties.yaml": PARTIES, "content/topics.yaml": TOPICS,
         "content/2023/states.md": STATES, "content/2023/refers.md": REFERS,
         "content/2024/undated.md": UNDATED, "content/2024/later.md": LATER}

WARNINGS = [
    "content/2023/refers.md:3: warning: source: the document gives no source (the original's address)",
    "content/2024/undated.md:8: warning: agreement.signed: no document gives the signing date of "
    "agreement 'cac-fsdc'",
    "content/parties.yaml:5: warning: names: the party 'caict' has no Chinese name",
    "content/topics.yaml:3: warning: the topic 'blockchain' is used by one document only, "
    "content/2023/states.md",
]


@pytest.fixture
def site(make_site: Callable[..., Path]) -> Path:
    return make_site(FILES)


def first_lines(text: str) -> list[str]:
    """The problems' own lines, without their hints and the count."""
    return [line for line in text.splitlines() if ": warning:" in line or ": error:" in line]


def test_each_editorial_warning_names_its_file_and_line(site: Path) -> None:
    archive, _pages, problems = check_site(load_config(site))
    assert not problems.items  # the build itself has nothing to say
    warnings = sorted(review_archive(archive, "content"))
    assert [w.format().split("\n")[0] for w in warnings] == WARNINGS
    assert all(not w.is_error and w.hint for w in warnings)


def test_check_prints_them_and_exits_0(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--site", str(site)]) == ExitCode.OK
    err = capsys.readouterr().err
    assert first_lines(err) == WARNINGS
    assert ("    hint: add its name as the party writes it, e.g. names: {zh-Hant: 香港金融發展局} "
            "(zh-Hans for a Mainland body)") in err
    assert "0 errors, 4 warnings in 4 files" in err
    assert "checked 4 documents about 2 agreements" in err


def test_strict_makes_warnings_alone_exit_1(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--site", str(site), "--strict"]) == ExitCode.CONTENT
    err = capsys.readouterr().err
    assert first_lines(err) == WARNINGS
    assert "checked" not in err


def test_the_build_does_not_give_editorial_warnings(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "--site", str(site), "--strict"]) == ExitCode.OK
    assert ": warning:" not in capsys.readouterr().err


def test_disagreements_are_warned_by_check_and_build(make_site: Callable[..., Path],
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    other = STATES.replace("2023-09-06", "2023-09-07").replace("2023-09-11", "2023-09-12")
    site = make_site({**FILES, "content/2023/other.md": other})
    disagreement = ("content/2023/states.md:10: warning: agreement.signed: documents disagree on the signing "
                    "date of agreement 'fsdc-caict-2023': content/2023/states.md:10 says 2023-09-06; "
                    "content/2023/other.md:10 says 2023-09-07")
    assert main(["check", "--site", str(site)]) == ExitCode.OK
    assert disagreement in first_lines(capsys.readouterr().err)
    assert main(["build", "--site", str(site)]) == ExitCode.OK
    assert first_lines(capsys.readouterr().err) == [disagreement]


def test_with_errors_only_the_build_s_problems_are_shown(make_site: Callable[..., Path],
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    # A document that does not load is missing from the archive: reviewing the rest would mislead.
    site = make_site({**FILES, "content/2023/bad.md": "---\ntitle: Bad\nkind: newz\n---\n"})
    assert main(["check", "--site", str(site)]) == ExitCode.CONTENT
    err = capsys.readouterr().err
    assert first_lines(err) == ["content/2023/bad.md:3: error: kind: 'newz' is not one of the allowed values"]
    assert "1 error, 0 warnings in 1 file" in err


def test_a_clean_archive_has_no_warnings(make_site: Callable[..., Path],
                                         capsys: pytest.CaptureFixture[str]) -> None:
    parties = PARTIES.replace("  acronym: CAICT\n",
                              "  acronym: CAICT\n  names: {zh-Hans: 中国信息通信研究院}\n")
    refers = REFERS.replace("title: News of the MOU\n", "title: News\nsource: https://example.org/news\n")
    later = LATER.replace("  title: Cooperation on data\n", "  signed: 2024-01\n")
    site = make_site({**FILES, "content/parties.yaml": parties, "content/2023/refers.md": refers,
                      "content/2024/later.md": later,
                      "content/topics.yaml": TOPICS.replace("- id: blockchain\n  name: Blockchain\n", "")})
    (site / "content/2023/states.md").write_text(STATES.replace("fintech, blockchain", "fintech"))
    assert main(["check", "--site", str(site), "--strict"]) == ExitCode.OK, capsys.readouterr().err


def test_an_unused_topic_is_not_warned_about(site: Path) -> None:
    archive, _pages, _problems = check_site(load_config(site))
    assert archive.topics["artificial-intelligence"].line == 5  # never used: no warning
    assert not [w for w in review_archive(archive) if "artificial-intelligence" in w.message]


def test_party_and_topic_lines_are_their_entries(site: Path) -> None:
    archive, _pages, _problems = check_site(load_config(site))
    assert {p.id: p.line for p in archive.parties.values()} == {"fsdc": 1, "caict": 5, "cac": 8}
    assert {t.id: t.line for t in archive.topics.values()} == {
        "fintech": 1, "blockchain": 3, "artificial-intelligence": 5}


def test_a_content_dir_elsewhere_is_named_as_configured(make_site: Callable[..., Path],
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    files = {k.replace("content/", "archive/"): v for k, v in FILES.items()}
    site = make_site({**files, "mouarchive.toml": 'content_dir = "archive"\n'})
    (site / "content").rename(site / "unused")  # the default vocabularies write_site adds
    assert main(["check", "--site", str(site)]) == ExitCode.OK
    assert first_lines(capsys.readouterr().err) == [w.replace("content/", "archive/") for w in WARNINGS]


def test_check_writes_nothing(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    assert main(["check", "--site", str(site), "--strict"]) == ExitCode.CONTENT
    assert main(["check", "--site", str(site)]) == ExitCode.OK
    after = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    assert after == before
    assert not (site / "site").exists()
    capsys.readouterr()
