"""Which dates a signing sentence gives for the signing (src/mouarchive/importer/dates.py).
Invented sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from mouarchive.importer.dates import (
    ZH_CANDIDATE,
    Date,
    by_the_weekday_of_today,
    dispatch_day,
    resolve_date,
    signing_dates,
    year_from_the_same_day,
)
from mouarchive.importer.text import sentences
from mouarchive.model import PartialDate

PUBLISHED = PartialDate(2020, 5, 11)


def _dates(text: str) -> list[PartialDate]:
    found, _ = signing_dates(text, sentences(text), PUBLISHED)
    return [d.date for d in found]


def test_the_day_of_an_announcement_is_not_the_signing_day() -> None:
    assert _dates("The Pine Authority announced today (11 May 2020) that it had signed an MoU.") == []
    assert _dates("The Pine Authority signed an MoU today (11 May 2020).") == [PUBLISHED, PUBLISHED]
    # ("announce today that ... has been signed": the day of the announcing, the signing's unsaid)
    assert _dates("The Pine Authority and the Larch Commission jointly announce today that a new MoU "
                  "between them has been signed.") == []


def test_the_day_a_reporter_learned_of_a_signing_is_not_its_day() -> None:
    from pathlib import Path

    from mouarchive.errors import Problems
    from mouarchive.importer import draft_from_text
    from mouarchive.vocabularies import load_vocabularies
    folder = Path(__file__).resolve().parents[1] / "benchmarks" / "import" / "vocabulary"
    vocabulary = load_vocabularies(folder, Problems())
    text = ("騰訊助推星港建設產業體系\n\n2017-12-03\n\n【星港商報網訊】記者王小勤報道：12月3日，"
            "記者從星港高新區獲悉，合作項目簽約儀式日前在星港高新區舉行。星港高新區與騰訊公司簽訂"
            "《投資合作協議》。\n")
    assert [a.signed for a in draft_from_text(text, vocabulary).agreements] == [None]


def test_the_day_a_reporter_learned_of_a_signing_from_a_source_is_not_its_day() -> None:
    """"記者5日從甲局了解到，A與B日前簽署": the day is the reporter's, after it 從 the source."""
    assert _dates("記者5日從星港金融管理局了解到，星港銀行與月浦金管局日前簽署合作備忘錄。") == []
    assert _dates("记者5日从星港金融管理局获悉，双方日前签署合作备忘录。") == []


def test_a_chinese_clause_after_the_signing_speaks_of_later() -> None:
    assert _dates("一行人出席峰會，見證簽署多個合作項目，晚上出席晚宴，5月12日繼續訪問。") == []
    assert _dates("雙方5月10日簽署合作協議，加強合作。") == [PartialDate(2020, 5, 10)]


@pytest.mark.parametrize(("text", "day"), [
    ("Ministers exchange documents in Seoul November 28, 2019. — pic", PartialDate(2019, 11, 28)),
    ("Signed on 28 November 2019; the last one was signed on November 28, 2018.", None),  # which year?
    ("Ministers exchange documents in Seoul November 27, 2019.", None),  # not that day
    ("Nothing dated here.", None),
])
def test_a_day_without_its_year_takes_the_year_of_the_same_day_written_in_full(
        text: str, day: PartialDate | None) -> None:
    found = year_from_the_same_day("Nov 28", text)
    assert (found.date if found else None) == day
    if found:
        assert found.derived and "'November 28, 2019'" in found.derived  # and it says how


def test_a_dispatch_day_without_its_year_takes_the_year_of_the_page_line_of_the_day_after() -> None:
    """"OSTPORT, May 12 (Wirenews)" under the page's "(Wirenews) 10:13, May 13, 2023": May 12, 2023,
    and the draft says how; a full date two days later, or only the same day asked, gives none."""
    found = year_from_the_same_day("May 12", "Wirenews) 10:13, May 13, 2023", days_after=1)
    assert found is not None and found.date == PartialDate(2023, 5, 12)
    assert found.derived and "'May 13, 2023'" in found.derived
    assert year_from_the_same_day("May 12", "Wirenews) 10:13, May 14, 2023", days_after=1) is None
    assert year_from_the_same_day("May 12", "Wirenews) 10:13, May 13, 2023") is None
    # (over a year's end: a dispatch of December 31 posted on January 1)
    found = year_from_the_same_day("Dec 31", "Posted 09:00, January 1, 2024", days_after=1)
    assert found is not None and found.date == PartialDate(2023, 12, 31)


def test_a_dispatch_with_the_page_line_of_the_next_day_is_published_on_its_own_day() -> None:
    from mouarchive.errors import Problems
    from mouarchive.importer import draft_from_text
    from mouarchive.vocabularies import load_vocabularies

    vocab = load_vocabularies(Path(__file__).resolve().parent / "fixtures" / "import", Problems())
    draft = draft_from_text("Ostport and Larch deepen ties\n\nWirenews) 10:13, May 13, 2023\n\n"
                            "OSTPORT, May 12 (Wirenews) -- Ostport and Larch will deepen ties, an "
                            "official said here on Friday.\n", vocab)
    assert draft.published == PartialDate(2023, 5, 12)


def test_a_day_without_its_year_at_an_event_named_with_its_year() -> None:
    """No publication date, and the signing "today (6 November)" at "X Forum 2025": the year is the
    event's, and the draft says so; two events of different years give none."""
    from mouarchive.importer.dates import event_year, in_event_year

    held = 'The signing ceremony was held at "Cyberport Venture Capital Forum 2025" and was witnessed.'
    event = event_year([held])
    assert event == (2025, "Cyberport Venture Capital Forum 2025")
    found = in_event_year("6 November", event)
    assert found is not None and found.date == PartialDate(2025, 11, 6)
    assert found.derived is not None and "Forum 2025" in found.derived
    assert in_event_year("today", event) is None  # a day of the event's year, but which?
    assert event_year(["2016北京‧澳门合作伙伴行动10月20日在澳门举行启动暨签约仪式。"])[0] == 2016
    assert event_year([held, "They also signed at the 2019 World Expo."]) is None  # which one?
    assert event_year(["The 2030 Vision Forum opened."]) is None  # no signing in the sentence


def test_an_event_named_in_quotation_marks_is_not_blanked_as_a_quotation() -> None:
    from mouarchive.importer.text import mask_quotes

    text = 'held at "Cyberport Venture Capital Forum 2025" where he said "we are very pleased to sign this"'
    masked = mask_quotes(text)
    assert "Cyberport Venture Capital Forum 2025" in masked and "pleased" not in masked


def test_the_day_an_agreement_takes_effect_is_not_its_signing_day() -> None:
    assert _dates("The agreement has taken effect since the date of signing and will be officially "
                  "implemented on January 1, 2021.") == []
    assert _dates("The MoU, signed today, will come into force on 1 June 2020.") == [PUBLISHED]


def test_a_chinese_year_and_month_alone_is_a_date_of_that_month() -> None:
    assert _dates("星港科技園公司與月灣發展有限公司在2021年9月簽署框架協議。") == [PartialDate(2021, 9)]
    # (a month's part, 2021年9月底, is no date the text gives whole)
    assert _dates("星港科技園公司與月灣發展有限公司在2021年9月底簽署框架協議。") == []


def test_earlier_today_is_the_day_of_the_release() -> None:
    assert _dates("Earlier today, Pine and Larch signed an MoU.") == [PUBLISHED]


def test_a_day_of_this_month_or_the_last() -> None:
    # (published 11 May 2020)
    assert _dates("本月8日上午，星港數碼局與月灣科技局簽署合作備忘錄。") == [PartialDate(2020, 5, 8)]
    assert _dates("上月28日，星港數碼局與月灣科技局簽署合作備忘錄。") == [PartialDate(2020, 4, 28)]


def test_an_ordinal_day_of_a_month() -> None:
    # ("on the 21st of November, 2023" had been read as the month alone, November 2023, a date the
    # text does not state)
    assert _dates("The Pine Authority signed an MoU on the 21st of November, 2019.") == [
        PartialDate(2019, 11, 21)]
    assert _dates("The Pine Authority signed an MoU on 3rd May 2020.") == [PartialDate(2020, 5, 3)]
    # (with no year: the last one before the publication date, and said so)
    text = "It signed an MoU on the 3rd of May."
    found, _ = signing_dates(text, sentences(text), PUBLISHED)
    assert [d.date for d in found] == [PartialDate(2020, 5, 3)] and found[0].derived


def test_a_date_that_reads_both_ways_by_the_weekday_of_today() -> None:
    # 9 April 2019 was a Tuesday, 4 September 2019 a Wednesday
    found = by_the_weekday_of_today("09/04/2019", "Pine and Larch signed an MoU in Ostport today (Tuesday).")
    assert found is not None and found.date == PartialDate(2019, 4, 9)
    assert found.derived and "Tuesday" in found.derived and "2019-09-04 is a Wednesday" in found.derived
    wednesday = by_the_weekday_of_today("09/04/2019", "They signed an MoU today (Wednesday).")
    assert wednesday is not None and wednesday.date == PartialDate(2019, 9, 4)
    # no weekday, two of them, or one that neither reading is: none
    assert by_the_weekday_of_today("09/04/2019", "They signed an MoU today.") is None
    assert by_the_weekday_of_today("09/04/2019", "today (Tuesday) ... today (Wednesday)") is None
    assert by_the_weekday_of_today("09/04/2019", "They signed an MoU today (Friday).") is None


def test_the_day_a_chinese_announcement_was_made_is_not_the_signing_day() -> None:
    assert _dates("星港集團今天宣佈，已與月灣大學簽署戰略合作協議。") == []
    assert _dates("星港大學5月11日公佈，校長於上月28日至30日訪問月城，簽署4項合作協議。") == [
        PartialDate(2020, 4)]
    assert _dates("星港集團今天與月灣大學簽署戰略合作協議。") == [PUBLISHED]


def test_earlier_this_month_and_last_month_give_the_month_only() -> None:
    """A month the text gives relative to the publication date: that month, never a day in it; and
    "later this month" (a signing to come) gives none."""
    assert _dates("The Pine Authority signed an MoU earlier this month.") == [PartialDate(2020, 5)]
    assert _dates("The Pine Authority signed an MoU last month.") == [PartialDate(2020, 4)]
    found, _ = signing_dates("The MoU was signed last month.", [(0, 30)], PartialDate(2021, 1, 8))
    assert [d.date for d in found] == [PartialDate(2020, 12)]
    assert "published 2021-01-08" in (found[0].derived or "")
    assert _dates("The Pine Authority will sign an MoU later this month.") == []


def test_signed_this_month_is_the_publications_month() -> None:
    """"The two MOUs concluded this month": done, in the month of the publication; "to be signed
    this month" is to come."""
    assert _dates("The two memoranda of understanding (MOUs) concluded this month follow others.") == [
        PartialDate(2020, 5)]
    assert _dates("The MoU, signed this month, covers trade.") == [PartialDate(2020, 5)]
    assert _dates("The MoU to be signed this month covers trade.") == []
    assert _dates("The Pine Authority will sign an MoU this month.") == []


def test_on_the_same_day_is_the_day_the_sentence_before_gives() -> None:
    text = ("The Pine Authority held a seminar in Ostport on 8 May 2020. On the same day, it signed an MoU "
            "with the Larch Commission.")
    spans = sentences(text)
    found, _ = signing_dates(text, spans, PUBLISHED)
    assert [d.date for d in found] == [PartialDate(2020, 5, 8)]
    assert "'8 May 2020'" in (found[0].derived or "")
    # two days before it: which one is not said
    two = text.replace("on 8 May 2020", "on 7 and 8 May 2020, and a dinner on 6 May 2020")
    assert signing_dates(two, sentences(two), PUBLISHED)[0] == []


def test_a_date_in_a_clause_about_an_earlier_instrument_is_not_the_signings() -> None:
    text = ("The Pine Authority and the Larch Commission, which signed a previous memorandum in 2018, "
            "today signed a new one.")
    assert _dates(text) == [PUBLISHED]
    # "their first MoU" may be the one signed now: its date stands
    assert _dates("The Pine Authority signed its first MoU on 8 May 2020.") == [PartialDate(2020, 5, 8)]


def test_a_weekday_last_week_is_that_day_of_the_week_before_the_publications() -> None:
    """"on Tuesday last week" in a release of Wednesday 13 May 2020 is 5 May, not the day before."""
    found, _ = signing_dates("The MoU was signed on Tuesday last week.", [(0, 40)], PartialDate(2020, 5, 13))
    assert [d.date for d in found] == [PartialDate(2020, 5, 5)]
    assert "week before" in (found[0].derived or "")
    sunday = "The MoU was signed on Sunday of last week."
    found, _ = signing_dates(sunday, [(0, len(sunday))], PartialDate(2020, 5, 11))
    assert [d.date for d in found] == [PartialDate(2020, 5, 10)]


def test_a_month_with_no_year_is_the_last_one_only_where_it_is_recent_and_past() -> None:
    def months(text: str, published: PartialDate) -> list[PartialDate]:
        return [d.date for d in signing_dates(text, sentences(text), published)[0]]

    assert months("The MoU was signed in June.", PartialDate(2023, 7, 10)) == [PartialDate(2023, 6)]
    assert months("The MoU was signed in early December.", PartialDate(2024, 1, 5)) == [PartialDate(2023, 12)]
    # more than the month before: which year is not said closely enough
    assert months("The MoU was signed in March.", PartialDate(2023, 7, 10)) == []
    # a month to come
    assert months("The MoU is expected to be signed in June.", PartialDate(2023, 6, 2)) == []


def test_a_signing_day_without_its_year_takes_the_year_of_the_same_day_elsewhere() -> None:
    """"Ostland and Kestria signed 11 memoranda on November 12 ... met at the Istana on Nov 12, 2018",
    with no publication date: the signing day is in the year of the one full date that is that day;
    none where no full date is that day."""
    text = ("Ostland and Kestria signed 11 memoranda of understanding on November 12 during the visit. "
            "The two leaders met at the Pine Palace on Nov 12, 2018.")
    found, _ = signing_dates(text, sentences(text)[:1], None)
    assert [d.date.iso for d in found] == ["2018-11-12"]
    text = ("Ostland and Kestria signed 11 memoranda of understanding on November 12 during the visit. "
            "The two leaders met at the Pine Palace on Nov 13, 2018.")
    found, _ = signing_dates(text, sentences(text)[:1], None)
    assert found == []


@pytest.mark.parametrize(("text", "published", "signed"), [
    # a year alone opening the sentence before: the month and day are in it
    ("2018年，甲局协调落实区政府与乙集团签署合作协议。9月13日，区政府与乙集团签署框架协议。",
     PartialDate(2020, 4, 29), PartialDate(2018, 9, 13)),
    # a whole date opening an earlier paragraph, no publication date: a day before it, in its year
    ("2022年1月20日上午，甲医院揭牌仪式举行。\n\n1月14日，月城市与乙大学签署合作协议。",
     None, PartialDate(2022, 1, 14)),
    # a day after the whole date: which year is not said
    ("2022年1月20日上午，甲医院揭牌仪式举行。\n\n12月14日，月城市与乙大学签署合作协议。", None, None),
    # this year, between them: not the frame's
    ("2018年，甲局与乙中心签署备忘录。今年9月13日，甲局与丙中心签署协议。", PartialDate(2020, 4, 29), None),
])
def test_a_month_and_day_in_the_year_an_earlier_sentence_opens_with(
        text: str, published: PartialDate | None, signed: PartialDate | None) -> None:
    at = text.rfind("签署")
    start = max(text.rfind("。", 0, at), text.rfind("\n", 0, at)) + 1
    found, _ = signing_dates(text, [(start, len(text))], published)
    framed = [d.date for d in found if d.derived and "opens with" in d.derived]
    assert framed == ([signed] if signed else [])


def test_today_in_a_dispatch_is_the_dispatchs_day() -> None:
    """"新华社星港4月16日电 ……签字仪式今天在这里举行", on a page of the 17th: 今天 is the 16th, the
    dispatch's day, in the page's year; a page of the same day, or a week later, gives no dispatch day."""
    dispatch = dispatch_day("新华社星港4月16日电 ", PartialDate(1985, 4, 17))
    assert dispatch == (PartialDate(1985, 4, 16), "4月16日电")
    assert dispatch_day("新华社星港4月16日电 ", PartialDate(1985, 4, 16)) is None
    assert dispatch_day("新华社星港4月16日电 ", PartialDate(1985, 4, 23)) is None
    text = "甲国政府和乙国政府关于合作的协议的签字仪式今天在这里举行，双方签署协议。"
    found, _ = signing_dates(text, [(0, len(text))], PartialDate(1985, 4, 17), dispatch=dispatch)
    assert [d.date for d in found] == [PartialDate(1985, 4, 16)]


@pytest.mark.parametrize(("sentence", "signed"), [
    # a weekday: the last one on or before the publication (a Wednesday)
    ("甲国与乙国周一签署协议。", PartialDate(2015, 12, 21)),
    ("甲局與乙局週三在月城簽署協議。", PartialDate(2015, 12, 23)),
    # to come, every week, the week before's, or a name: none
    ("双方将于周一签署协议。", None),
    ("双方每周一签署协议。", None),
    ("上周一，甲局与乙局签署协议。", None),
    ("周一鸣与乙局局长签署协议。", None),
])
def test_a_chinese_weekday_is_the_last_one_before_the_publication(
        sentence: str, signed: PartialDate | None) -> None:
    found, _ = signing_dates(sentence, [(0, len(sentence))], PartialDate(2015, 12, 23))
    assert [d.date for d in found] == ([signed] if signed else [])


def test_the_day_a_statement_was_issued_here_is_not_the_signing_day() -> None:
    """"has signed an MoU ..., according to a statement issued here on Tuesday": the day of the
    statement, at the dateline's place ("here"), not the signing's."""
    assert _dates("Pine University has signed an MoU with Larch University, according to a statement "
                  "issued here on Monday.") == []
    assert _dates("Pine University has signed an MoU with Larch University, an official said here on "
                  "Monday.") == []
    assert _dates("Pine University signed an MoU with Larch University here on Monday.") == [PUBLISHED]


def test_a_signing_talked_of_ends_no_clause_of_the_signings_own() -> None:
    """"與乙會簽訂的備忘錄，源於甲會於2024年9月參與訪問團，探討簽訂備忘錄的計劃": the month is the
    visit's, where signing was only planned; it is no signing date."""
    text = ("甲會今天與乙會簽訂諒解備忘錄。"
            "與乙會簽訂的備忘錄，源於甲會於2024年9月參與訪問團，其間雙方探討簽訂備忘錄的計劃。")
    found, problems = signing_dates(text, sentences(text), PUBLISHED)
    assert [d.date for d in found] == [PartialDate(2020, 5, 11)]
    assert problems == []


def test_today_with_its_day_and_its_day_word_inside_the_bracket() -> None:
    """今(11日), 昨(10日): today or yesterday with the day inside the bracket, as 今(11)日 is; a day
    that does not fit the publication date is not read."""
    assert _dates("甲政府與乙市議會今(11日)簽署諒解備忘錄。") == [PUBLISHED]
    assert _dates("甲政府與乙市議會昨（10日）簽署諒解備忘錄。") == [PartialDate(2020, 5, 10)]
    assert _dates("甲政府與乙市議會今(12日)簽署諒解備忘錄。") == []


@pytest.mark.parametrize(("phrase", "expected"), [
    ("113/11/11", PartialDate(2024, 11, 11)),
    ("113年11月11日", PartialDate(2024, 11, 11)),
    ("民國99年3月1日", PartialDate(2010, 3, 1)),
])
def test_a_date_of_the_republic_of_chinas_calendar_says_how_its_year_was_worked_out(
        phrase: str, expected: PartialDate) -> None:
    """Taiwan's releases date by the Republic of China's calendar (year 1 is 1912): the date, and the
    derivation written down; a day that is none is no date."""
    found = resolve_date(phrase, PartialDate(2024, 11, 12))
    assert isinstance(found, Date) and found.date == expected
    assert found.derived and "Republic of China" in found.derived and str(expected.year) in found.derived
    assert isinstance(resolve_date("113年2月30日"), str)
    written = "甲大學與乙醫院近日（113/11/11）舉行簽約儀式，編號2113/11/11"
    assert [m.group(0) for m in ZH_CANDIDATE.finditer(written)] == ["113/11/11"]


def test_a_dispatchs_day_before_the_signing_day_is_not_the_signings() -> None:
    """"甲网10月24日讯 10月23日，A与B签约": the dispatch's day (讯, 电) opens the paragraph; the signing's
    is the day after it."""
    text = "甲网·乙新闻10月24日讯 10月23日，甲大学与乙医院战略合作签约仪式在乙医院举行。"
    found, _ = signing_dates(text, sentences(text), PartialDate(2024, 10, 24))
    assert [d.date for d in found] == [PartialDate(2024, 10, 23)]


@pytest.mark.parametrize(("day", "other", "later"), [
    (PartialDate(2023, 9), PartialDate(2023, 8, 17), True),
    (PartialDate(2023, 8), PartialDate(2023, 8, 17), False),  # (it may be the 10th)
    (PartialDate(2023, 8, 18), PartialDate(2023, 8, 17), True),
    (PartialDate(2023, 8, 17), PartialDate(2023, 8, 17), False),
    (PartialDate(2024), PartialDate(2023, 12, 31), True),
    (PartialDate(2022, 12, 31), PartialDate(2023), False),
])
def test_a_day_is_after_another_as_far_as_both_are_known(day: PartialDate, other: PartialDate,
                                                         later: bool) -> None:
    from mouarchive.importer.dates import after

    assert after(day, other) is later


def test_a_signing_day_after_the_releases_own_day_is_left_out_and_said() -> None:
    """A release reports a signing it was written after: "signed on 18 May" under a release of 11
    May 2020 is a day misread (another year's, another event's), left for the editor, with a note."""
    from mouarchive.errors import Problems
    from mouarchive.importer import draft_from_text
    from mouarchive.importer.draft import Draft
    from mouarchive.vocabularies import load_vocabularies

    vocab = load_vocabularies(Path(__file__).resolve().parent / "fixtures" / "import", Problems())

    def draft(day: str) -> Draft:
        return draft_from_text("Ostport and Larch sign MoU\n\nOSTPORT, 11 May 2020 -- The Ostport Authority "
                               f"and the Larch Commission signed a memorandum of understanding on {day}.\n",
                               vocab)

    late = draft("18 May 2020")
    assert late.published == PartialDate(2020, 5, 11)
    assert [a.signed for a in late.agreements] == [None]
    assert any(n.field == "signed" and "after the text's own date 2020-05-11" in n.message
               for a in late.agreements for n in a.notes)
    assert [a.signed for a in draft("8 May 2020").agreements] == [PartialDate(2020, 5, 8)]


def test_a_chinese_day_set_for_what_is_to_come_is_no_signing_day() -> None:
    """"定10日……簽署": the day is set for a signing to come (and a day after the release's own would
    be read in the month before): no signing day yet."""
    assert _dates("星港協會與月浦機關定10日在星港見證下簽署備忘錄。") == []
    assert _dates("雙方將於15日簽署合作協議。") == []
    assert _dates("星港協會與月浦機關10日簽署備忘錄。") == [PartialDate(2020, 5, 10)]


def test_a_month_abbreviated_with_its_day_after_the_full_stop() -> None:
    """"signed ... on Feb.10": the day right after the abbreviation's full stop, no space between."""
    assert _dates("Pine Authority and Larch GmbH signed an agreement on May.8.") == [PartialDate(2020, 5, 8)]
    assert _dates("Pine Authority and Larch GmbH signed an agreement on Feb.10, 2020.") == \
        [PartialDate(2020, 2, 10)]
