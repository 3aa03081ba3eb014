"""Sentences about an earlier signing give the announced agreement no date, place nor party."""

from __future__ import annotations

from pathlib import Path

import pytest

from mouarchive.errors import Problems
from mouarchive.importer import draft_from_text
from mouarchive.importer.earlier import looks_back
from mouarchive.model import PartialDate
from mouarchive.vocabularies import load_vocabularies

PUBLISHED = PartialDate(2024)
VOCABULARY = Path(__file__).resolve().parents[1] / "benchmarks" / "import" / "vocabulary"


@pytest.mark.parametrize("sentence", [
    "The MoU follows a framework agreement that the two firms signed in Shanghai in 2021.",
    "The Board earlier signed a similar MoU with the Pine Exchange in Singapore.",
    "It builds on the cooperation since the first MoU was signed in 2012 in Beijing.",
    "The first MoU was signed in 2012 in Beijing.",
    "The two universities originally signed an exchange agreement ten years ago.",
    "In 2010, the governments of Pine and Larch signed an agreement on separate clearance.",
])
def test_a_signing_in_the_past(sentence: str) -> None:
    assert looks_back(sentence, PUBLISHED)


@pytest.mark.parametrize("sentence", [
    "Pine University and Larch University signed an MoU today.",
    "The three authorities announced that they had signed the Memorandum.",
    "Pine and Larch signed an MoU today, renewing the one first signed in 2015.",
    "The agreement was signed in December 2023 in Ostport.",
    "The agreement was signed in 2024.",
    "The two sides met in 2019.",
    "In 2024, the year of the treaty, Pine and Larch signed an MoU.",
    "In 2010, the two sides met; today they signed an MoU.",
    # ("The first ... signed": the first of the ones the release announces, by its number)
    "The first Memorandum of Understanding signed was between the Pine Police and the Larch Police Force.",
    "The first MoU, signed by Ana Silva and Tom Wu, covers trade.",
])
def test_a_signing_now(sentence: str) -> None:
    assert not looks_back(sentence, PUBLISHED)


@pytest.mark.parametrize("sentence", [
    "Since the agreement for cooperation with Pine University was concluded in 1988, the two have worked "
    "together on marine science.",
    "Ever since the first MoU was signed in 2015, Pine and Larch have exchanged students.",
])
def test_a_signing_since_which_things_have_gone_on_whatever_the_publication(sentence: str) -> None:
    """"Since X was concluded in 1988, the two have ...": the clause that opens the sentence dates what
    has gone on since, an earlier signing, even where the release gives no date of its own."""
    assert looks_back(sentence, None)


def test_since_with_no_year_is_no_earlier_signing() -> None:
    assert not looks_back("Since the MoU was signed today, the two will start at once.", None)


def test_the_earlier_agreement_gives_no_place_and_no_party() -> None:
    text = ("Ostland Board and Kestria Exchange sign MoU\n\n1 June 2023\n\n"
            "The Ostland Trade Board has entered into a Memorandum of Understanding with the Kestria "
            "Stock Exchange. The MoU was signed by Mr Peter Oak, Executive Director of the Board, and "
            "Ms Lily Fern, Chief Executive of the Exchange.\n\n"
            "The Board earlier signed a similar MoU with the Pine Exchange in Singapore in 2019.\n")
    draft = draft_from_text(text, load_vocabularies(VOCABULARY, Problems()))
    (agreement,) = draft.agreements
    assert agreement.place is None
    assert agreement.signed is None
    assert "Pine Exchange" not in agreement.unknown_parties


def test_similar_agreements_signed_with_others_are_history() -> None:
    assert looks_back("The MOU follows similar MOUs that the Ostland Commission has signed with other "
                      "regulators, after it received new powers in 2015.", PUBLISHED)


def test_a_year_alone_is_no_year_of_a_day_given_without_one() -> None:
    # No publication date: "yesterday (January 17)" has no year, and 2011 is another signing's.
    text = ("Ostland Authority and Pine Hospital sign agreement\n\n"
            "The Ostland Authority (OA) and the Pine Hospital signed a collaborative agreement "
            "yesterday (January 17). The two sides signed a letter of intent on co-operation in 2011 "
            "to explore new models.\n")
    draft = draft_from_text(text, load_vocabularies(VOCABULARY, Problems()))
    (agreement,) = draft.agreements
    assert agreement.signed is None
    assert any("no year" in note.message for note in agreement.notes if note.field == "signed")


def test_a_whole_date_of_an_earlier_year_after_the_verb_is_the_past() -> None:
    assert looks_back("It builds on the agreement the two entered into on 16 May 2019.", PUBLISHED)
    assert looks_back("The first was signed on May 16, 2019.", PUBLISHED)
    assert not looks_back("The two signed an MoU on 16 May 2024.", PUBLISHED)


@pytest.mark.parametrize(("sentence", "past"), [
    # a year alone before the verb, earlier than the publication's, or words that look back
    ("2019年，甲局已與乙中心簽署合作備忘錄。", True),
    ("此前，甲局已与乙中心签署合作备忘录。", True),
    ("甲局曾與乙中心簽署合作備忘錄。", True),
    # the publication's year, a day, or none: now
    ("2024年，甲局與乙中心簽署合作備忘錄。", False),
    ("2019年3月5日，甲局與乙中心簽署合作備忘錄。", False),
    ("甲局今日與乙中心簽署合作備忘錄。", False),
    ("曾俊華與乙中心主任簽署合作備忘錄。", False),  # (曾, a surname)
])
def test_a_chinese_signing_in_the_past(sentence: str, past: bool) -> None:
    assert looks_back(sentence, PUBLISHED) is past


def test_the_earlier_chinese_agreement_gives_no_party() -> None:
    text = ("甲局與乙行簽署協議\n\n2024年3月12日\n\n甲局與乙銀行今日在星港簽署金融科技合作協議。\n\n"
            "2019年，甲局已與丙結算中心簽署合作備忘錄。\n")
    (agreement,) = draft_from_text(text, load_vocabularies(VOCABULARY, Problems())).agreements
    assert "丙結算中心" not in agreement.unknown_parties


@pytest.mark.parametrize(("sentence", "past"), [
    # a whole date of an earlier year, months before the publication's day, or an office held then
    ("2016年10月10日，在星港舉行的部長級會議期間，甲部部長A與乙部部長B共同簽署了備忘錄。", True),
    ("時任甲部部長王小明與乙部部長李志強共同簽署了備忘錄。", True),
    # weeks before, across the new year: the signing announced
    ("2023年12月28日，甲局與乙中心簽署合作備忘錄。", False),
])
def test_a_chinese_signing_of_an_earlier_date_or_office(sentence: str, past: bool) -> None:
    assert looks_back(sentence, PartialDate(2024, 1, 20)) is past


@pytest.mark.parametrize(("sentence", "past"), [
    # last year, or the year before, with no day: an earlier signing
    ("這是我院與甲大學合作的一步，也是我院去年與乙癌症中心簽署姊妹醫院協議後的又一舉措。", True),
    ("甲局前年已與乙中心簽署合作備忘錄。", True),
    # a day of last year (the signing a January release announces), or a clause that comes to now
    ("去年12月28日，甲局與乙中心簽署合作備忘錄。", False),
    ("甲局去年起與乙中心磋商，今日簽署合作備忘錄。", False),
])
def test_a_chinese_signing_last_year(sentence: str, past: bool) -> None:
    assert looks_back(sentence, PartialDate(2024, 1, 20)) is past


@pytest.mark.parametrize("sentence", [
    "It will be recalled that in November 2009 the OB signed a similar MoU with the Pine Bank (PB).",
    "Tom Wu recalled that the two agencies signed their first news exchange protocol.",
])
def test_what_is_recalled_is_an_earlier_signing(sentence: str) -> None:
    """"It will be recalled that A signed ...": history, whatever the publication's year."""
    assert looks_back(sentence, None)
@pytest.mark.parametrize(("sentence", "past"), [
    # since they signed it: a signing before the writing, with or without a year
    ("王大明表示，2020年我校与甲市政府签订城校融合发展协议以来，始终以服务社会为使命。", True),
    ("自雙方簽署合作備忘錄以來，兩校交流日益密切。", True),
    # the signing announced, and what has come since another thing
    ("甲大学与乙区人民政府签署合作协议，这是三年以来双方最重要的合作。", False),
])
def test_a_chinese_signing_since_which(sentence: str, past: bool) -> None:
    assert looks_back(sentence, None) is past


def test_a_chinese_signing_that_another_follows() -> None:
    """"甲繼本月與乙簽訂協議之後，今天與丙簽署": the signing it follows is an earlier one."""
    assert looks_back("甲縣政府繼本月中旬與乙大學簽訂策略聯盟之後，今天一舉串連多所學校。", None)
    assert not looks_back("甲縣政府今天與乙大學簽訂策略聯盟。", None)


@pytest.mark.parametrize("sentence", [
    "It is another step for Pine Group in Ostland, after the strategic cooperation agreement signed by "
    "Pine Group and the Ostland Geology Bureau in February of the same year.",
    "The agreement follows the MoU that the two bodies signed earlier this year.",
])
def test_a_signing_months_before_in_the_same_year(sentence: str) -> None:
    """"the agreement signed by A and B in February of the same year": an earlier signing."""
    assert looks_back(sentence, PUBLISHED)


def test_a_whole_date_weeks_before_a_new_years_publication_is_the_signing() -> None:
    """"signed ... on 31 October 2022" in a release of 4 January 2023: weeks before, across a new
    year, the signing the release announces; "on 16 May 2019" in a release of 2023 is another's."""
    assert not looks_back("Pine University signed an MOU with Larch University on 31 October 2022.",
                          PartialDate(2023, 1, 4))
    assert looks_back("Pine University signed an MOU with Larch University on 16 May 2019.",
                      PartialDate(2023, 1, 4))
