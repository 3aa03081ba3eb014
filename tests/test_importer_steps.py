"""The importer's steps one by one (src/mouarchive/importer/): each on the smallest text that shows
what it must read. The whole-release behaviour is in test_import.py and test_import_corpus.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from mouarchive.errors import Problems
from mouarchive.importer.dates import ZH_CANDIDATE, resolve_date
from mouarchive.importer.lexicon import HONORIFIC_PERSON
from mouarchive.importer.parties import party_slots
from mouarchive.importer.text import cut_text, facts_text, sentences
from mouarchive.model import PartialDate

PUBLISHED = PartialDate(2022, 7, 1)
REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(("phrase", "expected"), [
    ("2019年3月8日", PartialDate(2019, 3, 8)),
    ("6月22日", PartialDate(2022, 6, 22)),
    ("今日", PUBLISHED),
    ("今(一)日", PUBLISHED),
    ("今（1）日", PUBLISHED),
    ("昨(30)日", PartialDate(2022, 6, 30)),
    ("昨（30）晚", PartialDate(2022, 6, 30)),  # the day's number, then the time of day
    ("昨天", PartialDate(2022, 6, 30)),
    ("30日", PartialDate(2022, 6, 30)),  # no 30th yet in July: the one before
])
def test_chinese_dates_are_read_against_the_publication_date(phrase: str, expected: PartialDate) -> None:
    found = resolve_date(phrase, PUBLISHED)
    assert not isinstance(found, str), found
    assert found.date == expected
    assert found.phrase == phrase  # reported in the text's own words
    assert found.derived is None or phrase in found.derived


@pytest.mark.parametrize(("phrase", "expected"), [
    ("上月28日至30日", PartialDate(2022, 6)),
    ("6月28至30日", PartialDate(2022, 6)),
    ("28日至30日", PartialDate(2022, 6)),  # no 30th yet in July
    ("本月1日至2日", PartialDate(2022, 7)),
    ("12月1日至3日", PartialDate(2021, 12)),
])
def test_a_chinese_range_of_days_states_its_month_and_no_day(phrase: str, expected: PartialDate) -> None:
    assert [m.group(0) for m in ZH_CANDIDATE.finditer(f"代表團{phrase}在北京訪問")] == [phrase]
    found = resolve_date(phrase, PUBLISHED)
    assert not isinstance(found, str), found
    assert found.date == expected
    assert found.derived is not None and phrase in found.derived and "2022-07-01" in found.derived


@pytest.mark.parametrize("phrase", ["前(29)日", "前（二十九）日"])
def test_a_chinese_day_before_yesterday_with_its_day(phrase: str) -> None:
    """Macao's releases: "簽署儀式前(29)日下午舉行" in a release of 1 July is 29 June."""
    assert [m.group(0) for m in ZH_CANDIDATE.finditer(f"簽署儀式{phrase}下午舉行")] == [phrase]
    found = resolve_date(phrase, PUBLISHED)
    assert not isinstance(found, str), found
    assert found.date == PartialDate(2022, 6, 29)
    assert found.derived is not None and "2022-07-01" in found.derived
    assert isinstance(resolve_date("前(30)日", PUBLISHED), str)  # that was yesterday


def test_a_chinese_day_before_yesterday_alone() -> None:
    """"星港大學前日與月灣大學簽署" in a release of 1 July is 29 June; "前日本首相" (former) and
    "日前" (some days ago) are no day."""
    assert [m.group(0) for m in ZH_CANDIDATE.finditer("星港大學前日與月灣大學簽署")] == ["前日"]
    found = resolve_date("前天", PUBLISHED)
    assert not isinstance(found, str) and found.date == PartialDate(2022, 6, 29)
    assert [m.group(0) for m in ZH_CANDIDATE.finditer("前日本首相日前與月灣大學簽署")] == []


def test_a_chinese_today_with_another_day_is_not_read() -> None:
    assert isinstance(resolve_date("今(二十三)日", PUBLISHED), str)
    assert isinstance(resolve_date("昨(1)日", PUBLISHED), str)  # yesterday was the 30th


@pytest.mark.parametrize("line", [
    "Published: Oct 29, 2020 10:10 AM", "2017-12-15 China Daily", "2001-05-23 21:32",
    "2017-09-23 08:51:56\u3000来源：新华社", "(Xinhua) 09:37, September 02, 2021", "2006年12月7日",
    "2016年3月4日 星期五", "2024-09-20\u3000智通财经网", "香港卫视\u30002019/11/03 13:27", "2018.07.18",
    "Nov 01, 2016 Volume 126",
])
def test_date_lines_with_times_labels_and_outlets(line: str) -> None:
    cut = cut_text(f"A headline\n\nSome outlet\n{line}\n\nThe body. It says little.\n")
    assert len(cut.published) == 1, cut.published
    assert cut.title == "A headline"


@pytest.mark.parametrize(("line", "date"), [
    ("Source: Xinhua | 2019-04-09 18:22:11 | Editor: Liu Wei", "2019-04-09"),
    ("(People's Daily Online) 10:15, October 04, 2022", "October 04, 2022"),
    ("Posted on April 9, 2019 by admin", "April 9, 2019"),
    ("【2019-04-09】", "2019-04-09"),
])
@pytest.mark.parametrize("where", ["top", "bottom"])
def test_a_page_metadata_line_with_one_date_is_the_publication_date(line: str, date: str, where: str) -> None:
    body = "Two bodies signed an MoU today. It says little more than that about them."
    text = f"A headline\n{line}\n\n{body}\n" if where == "top" else f"A headline\n\n{body}\n\n{line}\n"
    assert [phrase for phrase, _ in cut_text(text).published] == [date]


@pytest.mark.parametrize("label", ["发布时间：", "發佈時間：", "发布日期: ", "更新时间："])
def test_a_date_labelled_as_the_publications_is_read_from_a_long_source_line(label: str) -> None:
    # Source, outlet and two authors: too long a line to be read as metadata but for its label.
    line = f"来源：广西云-广西日报　作者：陈贻泽 罗昌亮　{label}2025-04-10 15:57"
    body = "4月9日，自治区政府在南宁与鹏城实验室签署战略合作协议。双方将在人工智能领域开展合作。"
    assert [p for p, _ in cut_text(f"合作协议签署\n\n{line}\n\n{body}\n").published] == ["2025-04-10"]
    # Labelled otherwise (an event's time), the same long line is not read: it may be anything.
    other = line.replace(label, "活动时间：")
    assert cut_text(f"合作协议签署\n\n{other}\n\n{body}\n").published == []


def test_a_metadata_line_is_only_read_where_no_date_line_is_and_never_from_a_sentence() -> None:
    body = "Two bodies signed an MoU today. It says little more than that about them."
    assert [p for p, _ in cut_text(f"A headline\n\n{body}\n\nUpdated 2019-04-10\nEnds/April 9, 2019\n")
            .published] == ["April 9, 2019"]
    assert cut_text(f"A headline\n\n{body}\n\nThe forum was held on April 9, 2019.\n").published == []
    # a term's date, in a sentence without its full stop
    assert cut_text(f"A headline\n\n{body}\n\nThe MoU came into effect on 9 May 2016\n").published == []
    assert cut_text(f"A headline\n\n{body}\n\n{body}\n\n{body}\n\n{body}\n\n"
                    "The MoU came into effect on 9 May 2016\n").published == []


def test_a_bracket_with_a_place_and_a_date_is_a_dateline_only_at_the_paragraphs_start() -> None:
    assert cut_text("(Ostport, 14 November 2023) The two bodies signed an MoU today.\n").published == [
        ("14 November 2023", "the dateline '(Ostport, 14 November 2023)'")]
    assert cut_text("A headline\n\nThe two bodies signed an MoU (Ostport, 14 November 2023) "
                    "today.\n").published == []


def test_a_dateline_with_a_date_and_no_place() -> None:
    cut = cut_text("A headline\n\n9 April 2019 – Two bodies signed an MoU today.\n")
    assert cut.published == [("9 April 2019", "the dateline '9 April 2019'")]
    assert cut.dateline


def test_a_datelines_day_without_its_year_takes_it_from_the_same_day_in_a_caption_and_says_so() -> None:
    from mouarchive.importer.read import publication

    cut = cut_text("Two ministers sign MoU\n\nThe ministers exchange documents in Seoul November 28, 2019."
                   "\n\nPUTRAJAYA, Nov 28 — The two ministries today signed an MoU.\n")
    published, how = publication(cut, [])
    assert published == PartialDate(2019, 11, 28)
    assert how and "'Nov 28' has no year" in how and "'November 28, 2019'" in how


@pytest.mark.parametrize(("dateline", "place"), [
    ("HONG KONG SAR - Media OutReach Newswire - 17 July 2025 - ", "Hong Kong Sar"),
    ("HONG KONG, Mar 16, 2018 - (ACN Newswire) - ", "Hong Kong"),
    ("新华社香港7月1日电 ", "香港"),
    ("新华社月城2023年9月8日电 ", "月城"),  # with the year
    ("新華社溫得和克11月26日電（記者王小明）", "溫得和克"),  # a place of four characters
    ("中新网 香港8月29日电 (记者 王小明)", "香港"),  # a news site's, a space after its name
    ("香港, 2020年8月14日 - (亚太商讯) - ", "香港"),  # a newswire's, in Chinese
    ("香港，2025年3月18日 /美通社/ -- ", "香港"),  # ... its name between slashes
    ("星港新闻网8月8日讯(星港日报记者 王小明)", None),  # a news site's with no place, 讯 for 电
    ("星港網5月13日月城消息", "月城"),  # the place after the day, then 消息
    ("星港新闻网1月16日消息：", None),  # ... or 消息 with no place
    ("星港日报5月13日讯（记者 王小明）", None),  # a paper's, 报
    ("星港网-月城日报5月13日讯（记者 王小明）", None),  # ... after the site carrying it and a dash
    ("【星港電視2012年11月29日訊】（星港社記者王小明月城29日電）", None),  # an outlet's in 【】
    ("【星港紀元2008年4月16日报导】（星港社记者王小明月城十六日电）", None),  # ... 报导, a report
    ("LISBON, Portugal, Oct. 14, 2024 /PRNewswire/ -- ", "Lisbon, Portugal"),
    ("(Ostport, 14 November 2023) ", "Ostport"),  # in brackets, with no dash after it
    ("OSTPORT, (Pine Point / Larch News - 6th Dec, 2023) ", "Ostport"),  # outlets and date in brackets
])
def test_newswire_and_agency_datelines(dateline: str, place: str | None) -> None:
    cut = cut_text(f"A headline\n\n{dateline}Two bodies signed an MoU today.\n")
    assert cut.place == place
    assert cut.published and cut.dateline


@pytest.mark.parametrize(("dateline", "place"), [
    ("Ostport (Pine News) - ", "Ostport"),
    ("NEW HARBOUR (Larch) -- ", "New Harbour"),
    ("Ostport (Pine News) said ", None),  # a bracket with no dash after it is no dateline
    ("Ostport - ", "Ostport"),  # a place in small letters alone, then a dash
    ("Ostport– ", "Ostport"),
    ("Pine University - ", None),  # a body's name
    ("Minister Tom Wu - ", None),
])
def test_an_agencys_dateline_without_a_date_gives_its_place(dateline: str, place: str | None) -> None:
    """"Surakarta (ANTARA News) - The governments ... signed ... here on Tuesday": the dateline's
    place, with no date, is where "here" is."""
    cut = cut_text(f"A headline\n\n{dateline}Two bodies signed an MoU here on Tuesday.\n")
    assert cut.place == place
    assert not cut.published
    if place:
        from mouarchive.importer import draft_from_text
        from mouarchive.vocabularies import load_vocabularies
        vocab = load_vocabularies(REPO / "tests" / "fixtures" / "import", Problems())
        (agreement,) = draft_from_text(f"A headline\n\n{dateline}Ostland and Kestria signed an MoU here "
                                       "on Tuesday.\n", vocab).agreements
        assert agreement.place == place


def test_a_day_first_dotted_date_line_is_read_only_where_its_day_cannot_be_a_month() -> None:
    assert cut_text("A headline\n\n14.03.2023\n\nThe body.\n").published == [("2023-03-14", "'14.03.2023'")]
    assert cut_text("A headline\n\n05.06.2023\n\nThe body.\n").published == []


def test_a_year_first_numeric_date_line_is_read_as_iso_and_a_day_first_one_is_not() -> None:
    assert cut_text("A headline\n\n2018.07.18\n\nThe body.\n").published == [("2018-07-18", "'2018.07.18'")]
    assert resolve_date("09/04/2019") is not None and isinstance(resolve_date("09/04/2019"), str)


def test_a_year_first_date_line_with_dashes_and_no_leading_zeros() -> None:
    """"发表于 2018-3-27 18:10:55": a forum's or a site's date line, year first, reads one way only."""
    cut = cut_text("標題\n\n发表于 2018-3-27 18:10:55\n\n甲与乙今日签署协议。\n")
    assert [date for date, _ in cut.published] == ["2018-03-27"]
    assert cut_text("標題\n\n发表于 2018-3/27\n\n甲与乙今日签署协议。\n").published == []


def test_a_date_line_after_the_sites_address() -> None:
    """"http://www.sina.com.cn　2010年05月11日09:51　中国日报网站": a portal's line, its address first."""
    cut = cut_text("標題\n\nhttp://www.xinggang.cn\u30002010年05月11日09:51\u3000星港日报网站\n\n甲与乙今日签署协议。\n")
    assert [date for date, _ in cut.published] == ["2010年05月11日"]


def test_dates_in_chinese_numerals_are_read_as_dates() -> None:
    """"二零零九年四月四日", "二0二四年四月二十四日" (a zero typed as a digit): the year digit by digit,
    the month and the day with 十; the words around them, and a year with no day, left alone."""
    from mouarchive.importer.text import arabic_dates

    cut = cut_text("標題\n\n第三三五期\u3000二零零九年四月四日\n\n甲與乙於3月19日簽署備忘錄。\n")
    assert [date for date, _ in cut.published] == ["2009年4月4日"]
    assert arabic_dates("甲與乙於二0二四年十二月三十一日，簽署了協議") == "甲與乙於2024年12月31日，簽署了協議"
    assert arabic_dates("二〇二四年二月十日") == "2024年2月10日"
    assert arabic_dates("二零零九年度的三十日") == "二零零九年度的三十日"


def test_a_release_date_labelled_in_the_republic_of_chinas_years() -> None:
    """"發稿日期：104年7月27日" on a Taiwanese release's header line: its year 104 is 2015."""
    cut = cut_text("標題\n\n星港醫院新聞稿　發稿單位：星港醫院　發稿日期：104年7月27日　聯絡人：王小明\n\n"
                   "甲與乙今(27)日簽署合作契約。\n")
    assert [date for date, _ in cut.published] == ["104年7月27日"]
    assert resolve_date("104年7月27日").date == PartialDate(2015, 7, 27)


def test_an_agencys_release_service_dateline_with_the_day_run_together() -> None:
    """"（中央社訊息服務20250922 17:22:22）": the day, written as eight digits, and the time."""
    cut = cut_text("標題\n\n（星港社訊息服務20250922 17:22:22）甲會今(22)日拜會乙市政府。\n")
    assert [date for date, _ in cut.published] == ["2025-09-22"]
    assert not cut_text("標題\n\n（星港社訊息服務20251322 17:22:22）甲會拜會乙市政府。\n").published


def test_an_agencys_dateline_in_round_brackets_with_its_reporter_and_year() -> None:
    """"（中央社記者王小明月城2014年2月9日電）": the day of the dispatch; the reporter's name and the
    place run together, so no place is read from it."""
    cut = cut_text("標題\n\n（星港社記者王小明月城2014年2月9日電）甲與乙今日簽署備忘錄。\n")
    assert [date for date, _ in cut.published] == ["2014年2月9日"]
    assert cut.place is None
    assert cut_text("標題\n\n（星港社月城2014年2月9日電）甲與乙今日簽署備忘錄。\n").published
    # (a bracket inside the text, not opening its paragraph, is no dateline)
    assert not cut_text("標題\n\n甲與乙簽署備忘錄（星港社月城2014年2月9日電）。\n").published


def test_a_chinese_date_line_with_its_time_straight_after_and_a_bar_before_the_outlet() -> None:
    cut = cut_text("標題\n\n2024年05月30日10:04 | 來源：星港網-國際頻道\n\n甲與乙今日簽署協議。\n")
    assert [date for date, _ in cut.published] == ["2024年05月30日"]


def test_the_date_line_after_a_chinese_end_mark_is_the_publication_date() -> None:
    cut = cut_text("標題\n\n今日簽署協議。\n\n完\n\n2023年10月13日（星期五）\n\n2020年1月1日\n")
    assert cut.published == [("2023年10月13日", "'2023年10月13日（星期五）'")]


def test_chinese_sentences_end_at_full_stops() -> None:
    text = "甲方與乙方今日簽署備忘錄。雙方將加強合作！"
    assert [text[s:e] for s, e in sentences(text)] == ["甲方與乙方今日簽署備忘錄。", "雙方將加強合作！"]


@pytest.mark.parametrize(("sentence", "names"), [
    ("A framework agreement between the Chongming District Government and Jiefang Daily was signed.",
     ["Chongming District Government", "Jiefang Daily"]),
    ("The National Development and Reform Commission and the Hong Kong SAR government signed it.",
     ["National Development and Reform Commission", "Hong Kong SAR government"]),
    ("An MoU was signed by Cyberport, the Canton Data Exchange and China Unicom Global.",
     ["Cyberport", "Canton Data Exchange", "China Unicom Global"]),  # a list with one organisation
    ("Shaanxi and Hong Kong sign a number of co-operation agreements.", ["Shaanxi", "Hong Kong"]),
    ("Mr John Lee and Dr Jane Doe signed the MoU.", []),  # people are not parties
    # beside a party the sentence names, the one word after "with" is the other party
    ("Ostland University has signed an MoU with Kestrel, starting a joint lab.", ["Ostland University",
                                                                                 "Kestrel"]),
    ("Mr John Lee signed an MoU with Kestrel.", []),  # no party beside it: no list of parties
    # a bracket closes the name before it: "and" after it starts the next
    ("Ostland Science and Technology Parks (OSTP) and Beta Lab signed an MoU in Riyadh.",
     ["Ostland Science and Technology Parks", "Beta Lab"]),
    # who announced that it signed: "was pleased to announce", with or without "that"
    ("Pine Exchanges Limited (PEL) was pleased to announce yesterday it has signed an MOU with the Larch "
     "Shipping Exchange.", ["Larch Shipping Exchange", "Pine Exchanges Limited"]),
    # a company's "Ltd." then "The" that opens the next sentence, which no sentence break had cut
    ("On June 14, OSTU signed a framework agreement with Pine Laser Group Co., Ltd. The two sides will "
     "build a lab.", ["Pine Laser Group Co., Ltd", "OSTU"]),
    # the two who announced that an MoU "between them" has been signed
    ("The Pine Commission (PC) and the Larch Authority (LA) jointly announce today that a new "
     "Memorandum of Understanding (MOU) between them has been signed.",
     ["Pine Commission", "Larch Authority"]),
    # who announced the signing of an agreement with whom
    ("The Ostland Jockey Club (“Club”) announced today (5 May 2023) the signing of a Framework Cooperation "
     "Agreement with the Pine Equestrian Association (PEA).", ["Pine Equestrian Association",
                                                               "Ostland Jockey Club"]),
    # the day of the announcement between the one who announced and its verb
    ("The Pine Investment Office on Saturday announced that it had signed a Memorandum of Understanding, "
     "MoU, with the Office of the Larch Business Council.", ["Office of the Larch Business Council",
                                                             "Pine Investment Office"]),
    ("The Pine Investment Office on Saturday announced the signing of an MoU with the Larch Council.",
     ["Larch Council", "Pine Investment Office"]),
    # the two that will act under a new instrument ("a", not "the" one signed before)
    ("The Pine University of Ostport and National University of Kestria will organise meetings together "
     "under a new memorandum of understanding, Pine Daily reports.",
     ["Pine University of Ostport", "National University of Kestria"]),
    ("The Pine Bureau and the Larch Council will build a lab, according to a cooperation agreement signed "
     "in Ostport on Nov 23.", ["Pine Bureau", "Larch Council"]),
    ("Ostland and Kestria will deepen ties under the Framework Agreement signed in 2017.", []),
    # where the last body is, after its bracket, then its country between commas, before the verb
    ("Pine University (PU) in Kestria and Larch Institute (LI) in Ostport, Ostland, have signed an MoU.",
     ["Pine University", "Larch Institute"]),
    # a region that governs itself, and the weekday of the announcement
    ("Ostland Special Administrative Region and Canada announced Friday the signing of a Memorandum of "
     "Understanding.", ["Ostland Special Administrative Region", "Canada"]),
    # a headline's present tense of "inked"
    ("Ostland University and Pine Daily ink a strategic cooperation agreement.",
     ["Ostland University", "Pine Daily"]),
    # who held a signing ceremony named for what was signed
    ("The Pine University (PU) and the Larch Loop Institute (LLI) held an agreement signing ceremony "
     "on 5 May.", ["Pine University", "Larch Loop Institute"]),
    # ... after the day it did so, which opens the sentence
    ("On July 16, 2021, the Pine University (PU) and the Larch District People's Government of Ostport held "
     "a cooperation agreement signing ceremony between both parties.",
     ["Pine University", "Larch District People's Government of Ostport"]),
    # a short name written as one word, with capitals after its first letter, is a whole name
    ("OstTech and Larch District People's Government sign strategic cooperation agreement",
     ["OstTech", "Larch District People's Government"]),
    # the subject of a first verb that opens the sentence, and of the signing after its "and"
    ("The Pine Bureau and the Larch Council reached a consensus on working together, and signed three "
     "memoranda of cooperation.", ["Pine Bureau", "Larch Council"]),
    ("The Pine Bureau met the Larch Council and signed an agreement.", ["Pine Bureau"]),
    # where a party is, a country by its name, is no part of its name
    ("Pine University signed strategic cooperation agreements with the University of Larch and the "
     "University of Kestrel in Portugal to strengthen cooperation.",
     ["Pine University", "University of Larch", "University of Kestrel"]),
    # the one that announced, where it then calls itself by its kind
    ("The Pine Commission today has announced the regulator has entered into an MoU with the Larch "
     "Authority.", ["Larch Authority", "Pine Commission"]),
    ("The Pine Bank announced the bank has signed an MoU with the Larch Authority.",
     ["Larch Authority", "Pine Bank"]),
    # a short name for a subject after a phrase and its comma
    ("In the presence of Tom Wu, OstU signed an agreement with the Pine Institute.",
     ["Pine Institute", "OstU"]),
    # a second instrument's parties, after "as well as"
    ("OstU signed a framework agreement with the Larch Institute, as well as a tripartite memorandum of "
     "understanding with the Larch Institute and the Pine University.",
     ["Larch Institute", "Pine University", "OstU"]),
    # two organisations by their acronyms, between them an instrument's name
    ("The two signed the Agreement on Research Cooperation between OSU and PLUST, gathering strengths.",
     ["OSU", "PLUST"]),
    # a weekday without "on" between the parties and the verb, as news writes it
    ("Hong Kong and the Ostland Ministry Friday signed a Memorandum of Understanding.",
     ["Hong Kong", "Ostland Ministry"]),
    # who signed, named after a copula: "the funds that signed the MoUs with X are A, B and C"
    ("The three funds that signed the MoUs with OstU are Kestrel Capital Co., Ltd., Larch Partners "
     "Group (LPG) and Pine Venture Capital (Zhuhai) Limited.",
     ["Kestrel Capital Co., Ltd", "Larch Partners Group", "Pine Venture Capital Limited", "OstU"]),
    # an activity's word and a legal form after "and" go on the company's name ("... Exchanges and
    # Clearing Limited"), and a place's before a legal form does not
    ("Ostland Exchanges and Clearing Limited and the Pine Stock Exchange signed an MoU.",
     ["Ostland Exchanges and Clearing Limited", "Pine Stock Exchange"]),
    ("Pine Holdings and Nanjing Limited signed an MoU.", ["Pine Holdings", "Nanjing Limited"]),
    # names with no organisation's word, which the text gives officers or representatives of
    ("Kestrel and Norvista Cloud today signed an MoU. It was signed by Mr Tom Wu, Chief Executive of "
     "Kestrel, and Ms Ann Ho, President of Norvista Cloud.", ["Kestrel", "Norvista Cloud"]),
    ("Petrova and Meridian Logistics have signed an MoU. Mr Tom Wu signed on behalf of Petrova and Ms "
     "Ann Ho on behalf of Meridian Logistics.", ["Petrova", "Meridian Logistics"]),
    ("OSTDC signed an MoU with CCPIT Larch. OSTDC Executive Director Ms Ann Ho and CCPIT Larch Chairman "
     "Mr Tom Wu signed it.", ["OSTDC", "CCPIT Larch"]),
    # the fields a department is of, broadcasting's among them, in a list of their own
    ("The Pine Office and the Larch Department of Tourism, Culture, Radio, Television and Sports signed "
     "an agreement.", ["Pine Office", "Larch Department of Tourism, Culture, Radio, Television and Sports"]),
    # a name the text gives an acronym to is a body's; without one it is not read
    ("Invest Ostland (InvestO) signed an MoU with the Pine Bureau.", ["Invest Ostland", "Pine Bureau"]),
    ("Invest Ostland signed an MoU with the Pine Bureau.", ["Pine Bureau"]),
    # a place then the day after the last name say where and when it was signed, whatever the place
    ("OstU signed an MoU with Kestria's Ministry of Investment in Ostport on 3rd July.",
     ["Kestria's Ministry of Investment", "OstU"]),
    ("OstU signed an MoU with the Ministry of Investment in Ostport.", ["Ministry of Investment in Ostport",
                                                                        "OstU"]),
    # a phrase about what was agreed between others, before the subject and its comma
    ("Under the framework agreed between the Pine Government and the Larch Government, Kestrel Holdings "
     "Limited and Elm Bank today signed an MoU.", ["Kestrel Holdings Limited", "Elm Bank"]),
    # a relative clause about the subject between it and the verb
    ("Kestrel Holdings Limited, which is headquartered in Ostport, signed an agreement with the Pine "
     "Municipal People's Government on Wednesday.", ["Kestrel Holdings Limited",
                                                     "Pine Municipal People's Government"]),
    # ... or officers named after a title without an honorific, the body's words before the title
    ("Velora Cloud signed an MoU with the Pine Office on Wednesday. Velora Cloud President Tom Wu and "
     "Commissioner for Pine Ana Silva signed it.", ["Velora Cloud", "Pine Office"]),
    # ... or officers named after a title in lower case, as news writes it
    ("The MoU signed by Kestrel and Norvista News Agency (NNA) today will help. It was signed by Kestrel "
     "editor-in-chief Datuk Tom Wu and NNA acting director-general Ana Silva.",
     ["Kestrel", "Norvista News Agency"]),
    # a month's short name after a Spanish small word is a word of the name
    ("The agreement was signed between OstU and Universidad de Vina del Mar.",
     ["OstU", "Universidad de Vina del Mar"]),
    # ... and none without them: two names may be two people's
    ("Kestrel and Norvista Cloud today signed an MoU.", []),
])
def test_party_slots(sentence: str, names: list[str]) -> None:
    assert [name for name, _ in party_slots(sentence)] == names


def test_places_beside_an_organisation_are_parties_and_alone_are_a_fallback() -> None:
    assert party_slots("Invest Hong Kong (InvestHK) and Brazil signed an MoU.") == [
        ("Invest Hong Kong", False), ("Brazil", False)]
    assert party_slots("China and Hong Kong sign MOU.") == [("China", True), ("Hong Kong", True)]
    # two countries by their names, neither a place the word lists know: two states that signed,
    # parties whatever bodies the text names besides (test_two_states_that_signed_are_parties)
    assert party_slots("Malaysia and South Korea today signed an MoU.") == [("Malaysia", False),
                                                                          ("South Korea", False)]
    # a country by its name is a place as the place words are
    assert party_slots("Hong Kong signed an MoU with Canada.") == [("Hong Kong", True), ("Canada", True)]


def test_chinese_signatories_with_titles_and_the_parties_they_sign_for() -> None:
    from mouarchive.importer.chinese import read_chinese

    found = read_chinese("港灣區行政長官林大文與星島共和國外交部部長司馬安今(三)日"
                         "分別代表港灣區及星島共和國，簽署《港灣區與星島共和國合作綱要協定》。")
    assert [(p.title, p.name) for p in found.signatories] == [("港灣區行政長官", "林大文"),
                                                             ("星島共和國外交部部長", "司馬安")]
    assert found.parties == ("港灣區", "星島共和國")  # 和 in 共和國 is not a joiner
    assert found.instrument == "港灣區與星島共和國合作綱要協定"


def test_chinese_witnesses_and_signing_by() -> None:
    from mouarchive.importer.chinese import read_chinese

    found = read_chinese("在港灣區行政長官林大文和星島市市長王小明見證下，"
                         "備忘錄由數碼局局長陳美玲和星島市科技局局長李志強簽署。")
    assert [p.name for p in found.witnesses] == ["林大文", "王小明"]
    assert [p.name for p in found.signatories] == ["陳美玲", "李志強"]


def test_chinese_words_without_a_title_are_not_people() -> None:
    from mouarchive.importer.chinese import read_chinese

    found = read_chinese("雙方今日簽署合作協議，並出席酒會。")
    assert found.signatories == () and found.parties == ()
    assert found.instrument == "合作協議"


def _parties(text: str):  # type: ignore[no-untyped-def]
    from mouarchive.importer.parties import Parties
    from mouarchive.vocabularies import Vocabularies, load_vocabularies

    vocab: Vocabularies = load_vocabularies(REPO / "tests" / "fixtures" / "import", Problems())
    return Parties.build(vocab, text)


def test_people_tokens_name_each_part_of_a_passage() -> None:
    from mouarchive.importer.people import Kind, tokens

    text = ("Mr Arthur Yuen (second left), Deputy Chief Executive of the HSC, and Ms Mary WONG, JP, "
            "on behalf of DAB")
    found = [(t.kind, t.person.name if t.person else t.text) for t in tokens(text, _parties(text))]
    assert found == [
        (Kind.PERSON, "Arthur Yuen"), (Kind.SEPARATOR, ","),
        (Kind.TITLE, "Deputy Chief Executive of the HSC"), (Kind.SEPARATOR, ","), (Kind.JOINER, "and"),
        (Kind.PERSON, "Mary WONG"), (Kind.SEPARATOR, ","), (Kind.BEHALF, "DAB"),
    ]
    assert [t.person.suffix for t in tokens(text, _parties(text)) if t.person] == [None, "JP"]


@pytest.mark.parametrize(("reading", "names"), [("LIST", ["Ana Silva"]), ("SUBJECT", ["Ben Okoro"]),
                                                ("REGISTRY", ["Ana Silva", "Ben Okoro"])])
def test_what_words_that_are_not_people_do_depends_on_the_reading(reading: str, names: list[str]) -> None:
    from mouarchive.importer.people import Reading, read_people

    text = "Dr Ana Silva, Chairman of the HSC, said that Mr Ben Okoro, Director of the DAB"
    people = read_people(text, _parties(text), Reading[reading])
    assert [p.name for p in people] == names


def test_a_title_before_the_name_and_a_surname_after_a_title() -> None:
    from mouarchive.importer.people import Reading, read_people

    text = "Governor of Harbour Province Xu Qin and Governor Zhou"
    people = read_people(text, _parties(text), Reading.LIST)
    assert [(p.title, p.name) for p in people] == [("Governor of Harbour Province", "Xu Qin"),
                                                  ("Governor", "Zhou")]


@pytest.mark.parametrize(("sentence", "role", "names"), [
    ("The MoU was signed on behalf of the two bodies by Dr Ana Silva and Mr Ben Okoro.", "signatories",
     ["Ana Silva", "Ben Okoro"]),
    ("Ms Eva Lam witnessed the signing of the agreement by Dr Ana Silva and Mr Ben Okoro.", "signatories",
     ["Ana Silva", "Ben Okoro"]),
    ("Attending the ceremony and witnessing the signing were Dr Ana Silva; and Mr Ben Okoro.", "witnesses",
     ["Ana Silva", "Ben Okoro"]),
    ("Dr Ana Silva (left) and Mr Ben Okoro (right) sign the MoU.", "signatories", ["Ana Silva", "Ben Okoro"]),
    # a person signed with a person
    ("Dr Ana Silva signed the MoU with Mr Ben Okoro, President of Kestrel Cloud.", "signatories",
     ["Ana Silva", "Ben Okoro"]),
    # a clause after ";" with its own verb has its own people
    ("The MoU was signed by Dr Ana Silva and Mr Ben Okoro; Ms Eva Lam and Mr Tom Wu witnessed it.",
     "signatories", ["Ana Silva", "Ben Okoro"]),
    ("The MoU was signed by Dr Ana Silva and Mr Ben Okoro; Ms Eva Lam and Mr Tom Wu witnessed it.",
     "witnesses", ["Eva Lam", "Tom Wu"]),
    ("Witnessed by Ms Eva Lam, Minister; Mr Tom Wu, Mayor; and Dr Ana Silva, the MoU was signed.",
     "witnesses", ["Eva Lam", "Tom Wu", "Ana Silva"]),
    ("The MoU was signed under the witness of Ms Eva Lam and Mr Tom Wu.", "witnesses", ["Eva Lam", "Tom Wu"]),
    ("The Minister, Ms Eva Lam, together with the Mayor, Mr Tom Wu, witnessed the signing.", "witnesses",
     ["Eva Lam", "Tom Wu"]),
    ("Ms Eva Lam and Mr Tom Wu were present to witness the signing.", "witnesses", ["Eva Lam", "Tom Wu"]),
    ("The MoU was signed in December 2020 by Dr Ana Silva and Mr Ben Okoro.", "signatories",
     ["Ana Silva", "Ben Okoro"]),  # when, then by whom
    ("Dr Ana Silva (left) signs a collaboration agreement with Mr Ben Okoro.", "signatories",
     ["Ana Silva", "Ben Okoro"]),  # a caption's present tense
    # the portfolio after "Secretary for", then the name
    ("The MoU was witnessed by Secretary for Commerce Tom Wu.", "witnesses", ["Tom Wu"]),
])
def test_role_clauses_in_either_order(sentence: str, role: str, names: list[str]) -> None:
    from mouarchive.importer.roles import role_clauses

    roles = role_clauses(sentence, sentences(sentence), _parties(sentence))
    assert [p.name for r in roles if r.role == role for p in r.people] == names


def test_a_chinese_name_is_never_rebuilt_from_pieces() -> None:
    from mouarchive.importer.chinese import read_chinese

    # Taking "（國際）" out of the name would give 星島仲裁中心, which the text never writes.
    found = read_chinese("星島（國際）仲裁中心與港灣區律政局今日簽署合作協議。")
    assert "星島仲裁中心" not in found.parties
    assert all(name in "星島（國際）仲裁中心與港灣區律政局今日簽署合作協議。" for name in found.parties)


def test_a_region_in_brackets_is_no_party_and_a_language_is_no_place() -> None:
    from mouarchive.importer import draft_from_text
    from mouarchive.vocabularies import load_vocabularies

    vocab = load_vocabularies(REPO / "tests" / "fixtures" / "import", Problems())
    text = ("Harbour bodies sign MoU\n\nThe Harbour Securities Commission (HSC) and the Digital Affairs "
            "Bureau (DAB) of the Greater Bay Area (GBA) signed a Memorandum of Understanding on 3 May 2024. "
            "The MoU was signed in Chinese and English versions.\n")
    draft = draft_from_text(text, vocab)
    assert "gba" not in [p.id for p in draft.proposed_parties]
    [agreement] = draft.agreements
    assert agreement.place is None


def test_a_part_named_after_an_acronym_is_the_party_not_the_whole() -> None:
    """"The Pine University of Ostland (PUO) Business School and ... signed": the school signed; the
    university the acronym defines did not."""
    from mouarchive.importer import draft_from_text
    from mouarchive.vocabularies import load_vocabularies

    vocab = load_vocabularies(REPO / "tests" / "fixtures" / "import", Problems())
    text = ("Business school signs MoU with Larch District\n\nThe Pine University of Ostland (PUO) Business "
            "School and Larch District People's Government signed a Memorandum of Understanding on "
            "14 April 2021. PUO led the way.\n")
    [agreement] = draft_from_text(text, vocab).agreements
    parties = [p.casefold() for p in (*agreement.parties, *agreement.unknown_parties)]
    assert "pine university of ostland" not in parties
    assert any(p.startswith("pine university of ostland") and p.endswith("business school") for p in parties)


def test_whom_each_signer_represented_are_the_parties() -> None:
    """"Representing the X Government, Mr A ... signed an MoU ... with the Y Region, represented by Mr
    B": the two bodies the signers stood for (and no body for one who only witnessed)."""
    from mouarchive.importer import draft_from_text
    from mouarchive.vocabularies import load_vocabularies

    vocab = load_vocabularies(REPO / "tests" / "fixtures" / "import", Problems())
    text = ("Ostland and Kestria sign R&D MoU\n\nRepresenting the Ostland Trade Agency, Mr Tom "
            "Wu, Consul General of Ostland in Kestria, today (February 17) signed a Memorandum of "
            "Understanding (MoU) on co-operation in industrial research and development (R&D) with the "
            "Kestria Special Administrative Region (KSAR) of the People's Republic of China, represented "
            "by Mr Ben Okoro, Secretary for Commerce.\n")
    [agreement] = draft_from_text(text, vocab).agreements
    assert list(agreement.unknown_parties) == [
        "Ostland Trade Agency",
        "Kestria Special Administrative Region (KSAR) of the People's Republic of China"]
    assert [n for n, _ in party_slots("Representing the Pine Government, Mr Tom Wu witnessed the signing "
                                      "of the MoU by Ana Silva and Ben Okoro.")] == []


@pytest.mark.parametrize(("text", "name"), [
    ("Professor Timothy W. TONG, President of PolyU, signed", "Timothy W. TONG"),
    ("witnessed by Mr Nicholas W. YANG, Secretary for Innovation", "Nicholas W. YANG"),
    ("Prof. Y.C. Richard Wong, Provost of HKU", "Y.C. Richard Wong"),
])
def test_initials_stay_in_a_name(text: str, name: str) -> None:
    found = HONORIFIC_PERSON.search(text)
    assert found is not None and found["name"] == name


@pytest.mark.parametrize(("text", "name"), [
    ("President Prof. Nora KO (back row, centre) and Dr Ali HAN", "Nora KO"),  # where a caption puts her
    ("Prof. Nora KO (front right) signs", "Nora KO"),
    ("Mr Ben NG (LEFT-HAND) said", "Ben"),  # not a position: the capitals may be an acronym defined
])
def test_a_captions_position_after_a_capitals_surname_keeps_it(text: str, name: str) -> None:
    found = HONORIFIC_PERSON.search(text)
    assert found is not None and found["name"] == name


@pytest.mark.parametrize(("sentence", "place"), [
    ("香港代表團在北京訪問期間，與故宮博物院簽署合作意向書。", "北京"),
    ("李家超与金壮龙在北京共同见证特区政府与国家工信部签署《合作协议》。", "北京"),
    ("雙方在洽談會上簽署兩份協議。", None),  # an occasion, not a place
    ("三份協議在會後簽署。", None),  # a time
    ("雙方在相關領域與海外機構簽署協議。", None),  # a list, not one place
    ("Kestrel Cloud Limited signed an MoU with Ostland University in Sao Paulo today.", "Sao Paulo"),
    # a venue's name through "and", whole, not cut short at it; a person; about the other party;
    # a subject
    ("Kestrel Cloud Limited signed an MoU at the Press Center of the Complex of Commerce and Trade "
     "Cooperation Platform.", "Press Center of the Complex of Commerce and Trade Cooperation Platform"),
    ("Kestrel Cloud Limited signed an MoU with Ostland University in Mr Lee's presence.", None),
    ("Kestrel Cloud Limited signed an MoU with Ostland University, a leader in Big Data.", None),
])
def test_a_place_of_signing_is_one_place_the_signing_sentence_names(sentence: str, place: str | None) -> None:
    from mouarchive.importer import draft_from_text
    from mouarchive.vocabularies import load_vocabularies

    vocab = load_vocabularies(REPO / "tests" / "fixtures" / "import", Problems())
    draft = draft_from_text(f"標題\n\n{sentence}\n", vocab)
    assert [a.place for a in draft.agreements] in ([place], [] if place is None else [place])


_HEADLINE = "Macao and Veltonia sign MoU on education"
_TWO_MINISTRIES = (f"{_HEADLINE}\n\nThe Education Bureau of the Government of Ostland and the Ministry of "
                   "Education of Veltonia signed a Memorandum of Understanding today.")


def test_a_name_only_the_headline_gives_without_an_organisation_word_is_a_fallback() -> None:
    found = dict(party_slots(_TWO_MINISTRIES, _HEADLINE))
    assert found["Veltonia"] is True  # a party only where the text names no organisation
    assert found["Ministry of Education of Veltonia"] is False
    assert dict(party_slots(_TWO_MINISTRIES))["Veltonia"] is False  # no headline given: a slot as any


def test_a_known_parent_after_of_is_cut_and_a_place_inside_a_name_does_not_hide_it() -> None:
    from mouarchive.importer.parties import Parties
    from mouarchive.vocabularies import load_vocabularies

    vocab = load_vocabularies(REPO / "tests" / "fixtures" / "import", Problems())
    parties = Parties.build(vocab, _TWO_MINISTRIES, _HEADLINE)
    names = {parties.name_of(key) for _, _, key in parties.find(_TWO_MINISTRIES)}
    assert "Education Bureau" in names  # its parent, Ostland's government, is known
    assert "Ministry of Education of Veltonia" in names  # "Veltonia" from the headline does not hide it
    assert "new:veltonia" in parties.places


def test_the_organisation_a_signatory_acts_for_is_proposed_from_the_title_or_behalf() -> None:
    parties = _parties("The MoU was signed today.")
    assert parties.name_of(parties.from_title("Chairman of the Harbour Trade Council") or "") == \
        "Harbour Trade Council"
    assert parties.name_of(parties.from_title("the Veltonia Trade Agency") or "") == "Veltonia Trade Agency"
    assert parties.from_title("the Ostland Data Agency") == "oda"  # known: its id
    assert parties.from_title("Chief Executive") is None
    assert parties.from_title("Secretary for Commerce") is None  # a portfolio, no organisation


def test_a_portfolio_after_a_title_s_of_is_no_organisation() -> None:
    parties = _parties("The MoU was signed today.")
    assert parties.from_title("Minister of Foreign Affairs") is None
    assert parties.from_title("Secretary of Home Affairs and Culture") is None
    assert parties.name_of(parties.from_title("Director of the Department of Foreign Affairs") or "") == \
        "Department of Foreign Affairs"


def test_a_portfolio_then_whose_it_is_is_no_organisation() -> None:
    # "Minister of Agriculture of the Ostland Federation": the ministry's name is not written
    parties = _parties("The MoU was signed today.")
    assert parties.from_title("Minister of Agriculture of the Ostland Federation") is None
    assert parties.from_title("Minister of Trade and Industry of the Republic of Kestria") is None
    assert parties.name_of(parties.from_title("President of the Bank of Ostland") or "") == "Bank of Ostland"


def test_a_title_and_a_date_are_not_parties() -> None:
    assert [n for n, _ in party_slots("Dr Ana Silva signed the MoU with the University's President.")] == []
    found = party_slots("Kestrel Cloud Limited signed an MoU with Ostland University on March 1, 2024.")
    assert [n for n, _ in found] == ["Kestrel Cloud Limited", "Ostland University"]


@pytest.mark.parametrize(("sentence", "instrument"), [
    ("The two sides signed several memorandums of understanding.", "memorandums of understanding"),
    ("The two universities signed a collaborative agreement.", "collaborative agreement"),
    ("The two governments signed four cooperation documents.", "cooperation documents"),
    ("A chamber and a company signed two cooperation protocols in Ostport.", "cooperation protocols"),
    ("A cooperative agreement between Pine and Larch was signed in Ostport.", "cooperative agreement"),
    ("Mr Wu signs an economic co-operation agreement with Ms Lam.", "economic co-operation agreement"),
    ("The ministry and the government signed a cooperation memo on Wednesday.", "cooperation memo"),
])
def test_instruments_in_their_plural_and_other_words(sentence: str, instrument: str) -> None:
    from mouarchive.importer.agreements import _instrument, _instrument_mentions

    assert _instrument(_instrument_mentions(sentence))[0] == instrument


def test_the_date_an_announcement_was_made_is_not_the_signing_date() -> None:
    from mouarchive.importer.dates import signing_dates

    text = ("On 20 May 2016, the Ostland Commission (OC) announced that it had entered into a "
            "memorandum of understanding with the Kestria Authority.")
    found, _ = signing_dates(text, [(0, len(text))], None)
    assert found == []


@pytest.mark.parametrize(("phrase", "day"), [("昨早", 10), ("昨晚", 10), ("今早", 11), ("昨", 10)])
def test_a_news_report_s_yesterday_and_today(phrase: str, day: int) -> None:
    resolved = resolve_date(phrase, PartialDate(2013, 7, 11))
    assert not isinstance(resolved, str) and resolved.date == PartialDate(2013, 7, day)
    assert ZH_CANDIDATE.search(f"行政長官{phrase}出席洽談會")


def test_a_chinese_papers_byline_is_no_part_of_the_sentence_it_opens() -> None:
    from mouarchive.importer.text import facts_text
    facts = facts_text(cut_text("星月簽署協議\n\n【本報訊】星港特區與月國簽署合作協議。\n"))
    assert "本報訊" not in facts and "星港特區與月國簽署" in facts


def test_a_chinese_first_paragraph_is_body_text_and_an_agencys_dateline_after_a_photo_credit() -> None:
    cut = cut_text("星港醫院9日與月城大學簽署合作協議（星港社 王小明攝） 星港社星港9月10日電（記者 王小明）"
                   "星港醫院9日與月城大學簽署合作協議。\n\n雙方將加強合作。\n\nPublished: 2025-09-10\n")
    assert cut.title is None  # a sentence, not a headline
    assert cut.dateline and cut.dateline.startswith("星港社星港9月10日電")


def test_representatives_of_a_party_are_no_part_of_its_name() -> None:
    text = ("Pine and Larch universities sign agreement\n\n"
            "Representatives of the City University of Pine and the University of Larch have signed an "
            "agreement meant to increase cooperation, the Pine Daily reports.\n")
    from mouarchive.importer import draft_from_text
    from mouarchive.vocabularies import load_vocabularies
    vocabulary = Path(__file__).resolve().parents[1] / "benchmarks" / "import" / "vocabulary"
    draft = draft_from_text(text, load_vocabularies(vocabulary, Problems()))
    (agreement,) = draft.agreements
    assert agreement.unknown_parties == ("City University of Pine", "University of Larch")


def test_today_with_its_date_in_brackets_is_the_releases_own_day() -> None:
    cut = cut_text("Club and Association sign agreement\n\nThe Ostland Club announced today (5 May 2023) the "
                   "signing of a Framework Cooperation Agreement with the Pine Association.\n")
    assert cut.published == [("5 May 2023", "'today (5 May 2023)' in the first paragraph")]


def test_a_page_that_spaces_out_every_chinese_character_is_read_without_the_spaces() -> None:
    from mouarchive.importer.text import facts_text
    spaced = ("星 港 律 師 會 及 月 城 律 師 公 會 於 2011 年 1 月 11 日 在 星 港 簽 署 "
              "首 份 交 流 協 議 書 ， 雙 方 將 加 強 交 流 。")
    facts = facts_text(cut_text(f"標題\n\n{spaced}\n"))
    assert "2011年1月11日在星港簽署" in facts
    # a few spaces in an English text are left as they are
    assert "HK 1 2" in facts_text(cut_text("A headline\n\nThe HK 1 2 3 signed it.\n"))


def test_a_chinese_line_without_a_mark_is_a_line_of_its_own() -> None:
    """A headline, an editor's line and a caption in one block are no sentence of the body's: the
    date of the editor's line is not in the signing's sentence."""
    from mouarchive.importer.text import facts_text, sentences

    text = facts_text(cut_text("【星港】星港商務廳與月城貿易中心簽署合作備忘錄\n"
                               "編輯: 王小明 | 時間: 2014-05-13 |\n"
                               "5月12日下午，星港商務廳與月城貿易中心簽署合作備忘錄。\n"))
    signing = [text[s:e] for s, e in sentences(text) if "簽署" in text[s:e]]
    assert all(not ("2014" in sentence and "5月12日" in sentence) for sentence in signing)
    # an English line that wraps goes on in the same sentence
    text = facts_text(cut_text("A headline\n\nThe two sides signed\nan agreement today.\n"))
    assert len(sentences(text)) == 2


def test_an_acronym_with_a_letter_from_inside_a_word_names_only_the_organisation() -> None:
    """"Dean of the College of X, Pinewood University (PWU)": the acronym's W is inside Pinewood; the
    name is the university's, not the whole title before it."""
    parties = _parties("Professor Tom Wu, Dean of the College of Soil Science, Pinewood University (PWU) "
                       "signed the agreement.")
    assert [p.name for p in parties.proposals.values()] == ["Pinewood University"]


def test_a_page_pasted_without_blank_lines_keeps_its_headline_and_paragraphs() -> None:
    body = ("Ostland Agency and Kestria Bureau signed a Memorandum of Understanding today (May 5) to "
            "promote trade between the two places.")
    cut = cut_text(f"Ostland and Kestria sign MoU\n{body}\nThe MoU covers trade.\nEnds/Monday, May 5, 2025\n")
    assert cut.title == "Ostland and Kestria sign MoU"
    assert [" ".join(b) for b in cut.blocks] == [body, "The MoU covers trade."]
    # a text wrapped by hand stays one paragraph, "Mr." at a line's end included
    wrapped = cut_text("Ostland and Kestria sign MoU\n\nThe MoU was signed by Mr.\nTom Wu and Ms Ana Silva\n"
                       "in Ostport.\n")
    assert [" ".join(b) for b in wrapped.blocks] == [
        "The MoU was signed by Mr. Tom Wu and Ms Ana Silva in Ostport."]


def test_a_papers_dateline_day_is_not_the_signing_day() -> None:
    """"东南网-福建日报6月28日讯（记者 A）27日，省政府与B集团签署……": the paper's dateline gives the
    publication; the signing is on the 27th."""
    from mouarchive.importer import draft_from_text
    from mouarchive.vocabularies import load_vocabularies
    vocab = load_vocabularies(REPO / "tests" / "fixtures" / "import", Problems())
    draft = draft_from_text("月城与星港集团签署合作协议\n\n星港网-月城日报2012年6月28日讯（记者 王小明）"
                            "27日，月城市政府与星港集团签署合作协议。\n", vocab)
    (agreement,) = draft.agreements
    assert str(agreement.signed) == "2012-06-27"
def test_an_acronym_after_two_names_joined_by_and_names_the_last_one() -> None:
    """"between OTEC and Wenquan University (WQU)": the bracket's acronym, with its Q from inside
    Wenquan, defines the last name only; "OTEC and Wenquan University" is no one body."""
    parties = _parties("A memorandum of understanding was signed between OTEC and Wenquan University (WQU) "
                       "on 7 May 2024.")
    assert sorted(p.name for p in parties.proposals.values()) == ["OTEC", "Wenquan University"]


def test_a_country_is_not_covered_by_a_body_named_after_it() -> None:
    """"Estonia and Chile have signed ...", and later "the CEO of Estonia Development Board (EDB)":
    the country is a party of its own, not the board's name shortened."""
    text = ("Estonia and Chile have signed five memoranda of understanding. The CEO of Estonia "
            "Development Board (EDB), Ana Silva, signed on behalf of the government of Estonia.")
    parties = _parties(text)
    names = {parties.name_of(key) for _, _, key in parties.find(text)}
    assert {"Estonia", "Chile"} <= names


def _draft_of(text: str):  # type: ignore[no-untyped-def]
    from mouarchive.importer import draft_from_text
    from mouarchive.vocabularies import load_vocabularies

    return draft_from_text(text, load_vocabularies(REPO / "tests" / "fixtures" / "import", Problems()))


def test_a_body_written_alone_elsewhere_ends_before_its_officer_s_name() -> None:
    """"President of the Larch Daily Tom Wu", where the text writes "Larch Daily" alone elsewhere:
    the body is the Larch Daily, and Tom Wu (not "Daily Tom Wu") signed for it."""
    from mouarchive.importer.parties import bodies_with_officers

    text = ("Ostland Agency and Larch Daily sign cooperation agreement\n\nOstland Agency and Chile's Larch "
            "Daily concluded a cooperation agreement at a media forum. The document was signed by Director "
            "General Ana Silva and President of the Larch Daily Tom Wu.\n")
    assert "larch daily" in bodies_with_officers(text)
    [agreement] = _draft_of(text).agreements
    assert [p.name for p in agreement.signatories] == ["Ana Silva", "Tom Wu"]
    assert "Larch Daily" in agreement.unknown_parties


def test_a_body_after_its_country_s_possessive_is_the_body_the_text_gives_officers_of() -> None:
    """"Ostland's news agency and Chile's Larch Daily concluded": "Larch Daily", whose President the
    text names, is a body after its country's possessive too."""
    found = party_slots("Ostland's news agency and Chile's Larch Daily concluded a cooperation agreement. It "
                        "was signed by Director Ana Silva and President of the Larch Daily Tom Wu.")
    assert "Chile's Larch Daily" in [n for n, _ in found]


def test_a_people_s_name_before_what_a_party_is_is_no_party() -> None:
    """"signed a cooperation agreement with the Chinese internet outlet X": "Chinese" says whose the
    outlet is; it names no party."""
    found = party_slots("Ostland Agency also signed a cooperation agreement with the Chinese internet outlet "
                        "pine.cn.")
    assert "Chinese" not in [n for n, _ in found]


def test_companies_named_after_pt_are_parties_not_people() -> None:
    """"signed by PT Ostland Harbour I (Persero) and PT Kestrel Dredging International Asia Pacific":
    two companies by their legal form, and no one signed; "Asia Pacific" ends a company's name."""
    text = ("Ostland and Kestria firms sign MoUs\n\nOne of the MoUs was signed by PT Ostland Harbour I "
            "(Persero) and PT Kestrel Dredging International Asia Pacific to develop a port.\n")
    [agreement] = _draft_of(text).agreements
    assert agreement.signatories == ()
    assert set(agreement.unknown_parties) == {"PT Ostland Harbour I",
                                              "PT Kestrel Dredging International Asia Pacific"}


def test_infrastructure_and_regional_development_are_a_ministry_s_fields() -> None:
    """"the Coordinating Ministry for Infrastructure and Regional Development": one ministry."""
    found = party_slots("The Ostland Maritime Board has signed a memorandum of understanding with the "
                        "Coordinating Ministry for Infrastructure and Regional Development.")
    assert [n for n, _ in found] == ["Ostland Maritime Board",
                                     "Coordinating Ministry for Infrastructure and Regional Development"]


@pytest.mark.parametrize(("dateline", "place"), [
    ("OSTPORT - ", "Ostport"),
    ("NEW HARBOUR: ", "New Harbour"),
])
def test_a_place_in_capitals_alone_before_a_dash_is_a_dateline(dateline: str, place: str) -> None:
    """"MOSCOW - The Philippines and Russia sealed ... here": a place in capitals with no date, then a
    dash or a colon, is the dateline, where "here" is."""
    cut = cut_text(f"A headline\n\n{dateline}Two bodies signed an MoU here on Tuesday.\n")
    assert cut.place == place
    assert not cut.published
    (agreement,) = _draft_of("A headline\n\nOSTPORT - Ostland and Kestria signed an MoU here on "
                             "Tuesday.\n").agreements
    assert agreement.place == "Ostport"
    assert cut_text("A headline\n\nOstport - Two bodies signed an MoU.\n").place is None  # not in capitals


def test_a_run_in_dateline_with_the_agency_in_capitals() -> None:
    """"OSTPORT. KESTRINFORM Tom Wu, ...": the place, a full stop and the agency's name in capitals
    (written otherwise elsewhere) are the dateline, and no part of the first name; an acronym that
    opens the first sentence, written so everywhere, is no agency's."""
    text = ("Kestrinform and Ostnews sign MoU\n\nOSTPORT. KESTRINFORM Tom Wu, General Director of "
            "Kestrinform News Agency, and Ana Silva, President of Ostnews, have signed a Memorandum of "
            "Understanding.\n")
    assert cut_text(text).place == "Ostport"
    (agreement,) = _draft_of(text).agreements
    assert [p.name for p in agreement.signatories] == ["Tom Wu", "Ana Silva"]
    acronym = "A headline\n\nOSTPORT. OSTCO signed an MoU with the Pine Bureau, OSTCO said.\n"
    assert cut_text(acronym).place is None


def test_short_country_names_the_press_writes_are_countries() -> None:
    """"Russia", "Turkey", "Brunei": the names the press writes for states pycountry calls otherwise."""
    assert [n for n, _ in party_slots("Russia and Chile signed an agreement.")] == ["Russia", "Chile"]
    assert [n for n, _ in party_slots("Turkey and Brunei signed an agreement.")] == ["Turkey", "Brunei"]


def test_sealed_agreements_were_signed() -> None:
    """"Chile and Peru sealed ten bilateral agreements": the two concluded them."""
    assert [n for n, _ in party_slots("Chile and Peru sealed a total of ten bilateral agreements.")] == \
        ["Chile", "Peru"]


def test_a_memorandum_of_partnership_is_an_instrument() -> None:
    (agreement,) = _draft_of("A headline\n\nThe Ostland Army and the Pine Authority signed a revised "
                             "memorandum of partnership on 3 May 2024.\n").agreements
    assert agreement.instrument == "memorandum of partnership"


def test_military_ranks_and_junior_stand_around_the_name() -> None:
    """"Lt. Gen. Ana B. Silva, Jr. and PA Administrator Gen. Tom Wu (Ret.) signed": a rank before the
    name, "Jr." after it; none of them ends the sentence."""
    (agreement,) = _draft_of(
        "Ostland Army and Pine Authority sign memorandum\n\nThe Ostland Army (OA) and the Pine Authority "
        "(PA) signed a memorandum of partnership on 3 May 2024.\n\nCommanding General, Ostland Army Lt. Gen. "
        "Ana B. Silva, Jr. and PA Administrator Gen. Tom Wu (Ret.) signed the memorandum at Camp Pine.\n"
    ).agreements
    assert [p.name for p in agreement.signatories] == ["Ana B. Silva", "Tom Wu"]


def test_who_witnessed_a_signing_ceremony_are_not_its_parties() -> None:
    """"Maritime Affairs and Investment Minister Tom Wu stood as a witness for the signing ceremony":
    a witness, not the subject that held the ceremony ("A and B held a signing ceremony")."""
    assert party_slots("Maritime Affairs and Investment Minister Tom Wu stood as a witness for the signing "
                       "ceremony.") == []
    assert [n for n, _ in party_slots("Ostland Agency and Kestria Bureau recently held a signing ceremony "
                                      "for an MoU.")] == ["Ostland Agency", "Kestria Bureau"]


def test_training_social_and_labor_are_a_ministry_s_fields() -> None:
    """"the Vietnamese Ministry of Education and Training and the Singaporean Ministry of Education":
    two ministries, "Training" no party of its own."""
    found = party_slots("A MoU was signed between the Ostland Ministry of Education and Training and the "
                        "Kestrian Ministry of Education.")
    assert [n for n, _ in found] == ["Ostland Ministry of Education and Training",
                                     "Kestrian Ministry of Education"]


def test_a_ministry_s_fields_after_a_comma_end_where_the_next_name_opens() -> None:
    """"between Chile's Ministry of Labour, Youth and Sport and Peru's Ministry of Manpower": the
    fields after the comma go on the first ministry's name up to the "and" that opens the next."""
    found = party_slots("A MoU was signed between Chile's Ministry of Labour, Youth and Sport and Peru's "
                        "Ministry of Manpower.")
    assert [n for n, _ in found] == ["Chile's Ministry of Labour, Youth and Sport",
                                     "Peru's Ministry of Manpower"]


def test_a_people_s_name_by_other_endings_is_no_party() -> None:
    """"with the Hungarian media network X": Hungarian (Hungary), Mexican (Mexico), Omani (Oman) say
    whose it is; they name no party."""
    for people in ("Hungarian", "Mexican", "Omani"):
        found = party_slots(f"Ostland Agency concluded an agreement with the {people} media network "
                            "Pine Fund.")
        assert people not in [n for n, _ in found]


def test_a_place_a_full_stop_and_an_agency_in_capitals_are_a_dateline() -> None:
    """"OSTPORT. OSTINFORM Ostinform Agency and Kestria Agency signed": the place and the agency's
    credit, with or without a dash, are no part of the first party's name (the agency written
    otherwise elsewhere, test_a_run_in_dateline_with_the_agency_in_capitals)."""
    for dateline in ("OSTPORT. OSTINFORM ", "OSTPORT. OSTINFORM - "):
        assert cut_text(f"A headline\n\n{dateline}Two bodies signed an MoU here, Ostinform reports.\n"
                        ).place == "Ostport"
        (agreement,) = _draft_of(f"A headline\n\n{dateline}Ostinform Agency and Kestria Agency signed an "
                                 "MoU.\n").agreements
        assert list(agreement.unknown_parties) == ["Ostinform Agency", "Kestria Agency"]


def test_a_place_in_capitals_and_a_comma_with_no_date_is_a_dateline() -> None:
    """"OSTVILLE, Ostland Utara University (OUU) today signed an MoU with ...": the place, written
    nowhere else in capitals, is no party; an acronym that opens the sentence and comes again is one."""
    text = ("A headline\n\nOSTVILLE, Ostland Utara University (OUU) today signed a Memorandum of "
            "Understanding with the Ministry of Pine Affairs of Kestria (Kemepa).\n")
    assert cut_text(text).place == "Ostville"
    (agreement,) = _draft_of(text).agreements
    assert list(agreement.unknown_parties) == ["Ostland Utara University",
                                               "Ministry of Pine Affairs of Kestria"]
    text = "A headline\n\nPINEX, Larch Bank and Elm Fund signed an MoU today. PINEX will lead it.\n"
    assert cut_text(text).place is None


def test_a_place_then_the_day_in_a_bracket_and_a_colon_is_a_dateline() -> None:
    """"OSTPORT (Feb 20, 2014): Ostland and Kestria today signed": the place and the publication's day."""
    cut = cut_text("A headline\n\nOSTPORT (Feb 20, 2014): Ostland and Kestria today signed an MoU.\n")
    assert cut.place == "Ostport"
    assert [date for date, _ in cut.published] == ["Feb 20, 2014"]


def test_a_place_a_day_and_a_wires_letters_in_a_bracket_with_no_dash() -> None:
    """"Ostport, Aug 3 (PTI) Pine Agency on Wednesday signed": the dateline, no part of the subject."""
    cut = cut_text("A headline\n\nOstport, Aug 3 (PTI) Pine Agency on Wednesday signed an MoU.\n")
    assert cut.place == "Ostport"
    assert [date for date, _ in cut.published] == ["Aug 3"]


def test_a_place_its_country_in_square_brackets_and_two_agencies_with_a_colon() -> None:
    """"Ostport [Ostland], May 18 (ANI/WAM): Ostport and Pine City have signed": the dateline, and its
    day no signing date."""
    cut = cut_text("A headline\n\nOstport [Ostland], May 18 (ANI/WAM): Ostport and Pine City have signed "
                   "an MoU.\n")
    assert cut.place == "Ostport"
    assert [date for date, _ in cut.published] == ["May 18"]
    assert "ANI" not in facts_text(cut)


def test_a_memorandum_by_the_bare_word_after_the_verb() -> None:
    """"the two parties signed a memorandum on May 15": the bare word names the instrument, where the
    text names no fuller kind."""
    (agreement,) = _draft_of("A headline\n\nPine Group has started cooperating with the Larch Office, after "
                             "the two parties signed a memorandum on May 15 in Ostport.\n").agreements
    assert agreement.instrument == "memorandum"
    (agreement,) = _draft_of("A headline\n\nPine Group and the Larch Office signed a memorandum on May 15. "
                             "The Memorandum of Understanding covers trade.\n").agreements
    assert agreement.instrument == "Memorandum of Understanding"


def test_an_agreement_on_fields_between_commas() -> None:
    """"signed an Agreement on Trade, Economic, Cultural and Humanitarian Cooperation": one name."""
    (agreement,) = _draft_of("A headline\n\nOstport and Pine City signed an Agreement on Trade, Economic, "
                             "Cultural and Humanitarian Cooperation.\n").agreements
    assert agreement.instrument == "Agreement on Trade, Economic, Cultural and Humanitarian Cooperation"


def test_a_place_then_the_outlets_and_the_day_in_a_bracket_with_no_comma() -> None:
    """"OSTPORT (Pine News / Kestria Wire - 16th July, 2022) Ostland and Kestria have signed": the
    dateline (its day is the page's, not the signing's), no part of the subject."""
    text = ("A headline\n\nOSTPORT (Pine News / Kestria Wire - 16th July, 2022) Ostland and Kestria have "
            "signed 18 agreements during a visit.\n")
    cut = cut_text(text)
    assert cut.place == "Ostport"
    assert [date for date, _ in cut.published] == ["16th July, 2022"]
    assert _draft_of(text).agreements[0].signed is None


def test_words_that_end_in_affairs_go_on_a_name_of_no_field_only() -> None:
    """"The Office of Veterans and Family Affairs signed": one body; "The Department of Health and
    Kestria Veterans Affairs signed": two."""
    (agreement,) = _draft_of("A headline\n\nThe Office of Veterans and Family Affairs signed an MoU with "
                             "Pine University.\n").agreements
    assert agreement.unknown_parties == ("Office of Veterans and Family Affairs", "Pine University")
    (agreement,) = _draft_of("A headline\n\nThe Department of Health and Kestria Veterans Affairs signed "
                             "an MoU.\n").agreements
    assert agreement.unknown_parties == ("Department of Health", "Kestria Veterans Affairs")


def test_a_place_after_in_that_the_bodys_acronym_has_a_letter_of_is_part_of_its_name() -> None:
    """"Pine University in Ostland", which the text also calls "the PUO": the place is part of the
    name; "Larch University in Kestria" (no "LUK" anywhere) is Larch University, in Kestria."""
    draft = _draft_of("Ostland Bureau, Pine University in Ostland sign MoU\n\nThe MoU was signed by Tom Wu, "
                      "Director of the Ostland Bureau, and Jan Li, President of the PUO, in Ostport.\n")
    assert "Pine University in Ostland" in draft.agreements[0].unknown_parties
    draft = _draft_of("Ostland Bureau, Larch University in Kestria sign MoU\n\nThe MoU was signed by Tom Wu, "
                      "Director of the Ostland Bureau, and Jan Li, its President, in Ostport.\n")
    assert "Larch University" in draft.agreements[0].unknown_parties


def test_a_states_style_is_no_persons_name_and_al_in_small_letters_is_part_of_one() -> None:
    """"the People's Democratic Republic of Kestria today signed": no signatory "Democratic
    Republic"; "Dr Lina bint Omar al Rashidiya and Tom Wu": the whole name, its "al" too."""
    (agreement,) = _draft_of("A headline\n\nThe Sultanate of Ostland and the People's Democratic Republic of "
                             "Kestria today signed an MoU. The MoU was signed by Dr Lina bint Omar al "
                             "Rashidiya, Minister of Culture, and Tom Wu, Minister of Trade.\n").agreements
    assert [s.name for s in agreement.signatories] == ["Lina bint Omar al Rashidiya", "Tom Wu"]


def test_a_ministry_of_electronics_and_information_technology_is_one_name() -> None:
    """"The Ministry of Electronics and Information Technology and the X Bureau signed": not two."""
    (agreement,) = _draft_of("A headline\n\nThe Ministry of Electronics and Information Technology and "
                             "the Kestria Transport Bureau signed an MoU in Ostport.\n").agreements
    assert "Ministry of Electronics and Information Technology" in agreement.unknown_parties
    assert "Ministry of Electronics" not in agreement.unknown_parties


def test_a_rulers_title_that_is_a_given_name_before_a_ministers_title() -> None:
    """"by Tom Wu, Foreign Minister, Sultan Omar Al Rashid, Minister of Finance": "Sultan" is the
    name's first word; "in the presence of Sultan Omar Al Rashid, ruler of Ostland" keeps it a title."""
    (agreement,) = _draft_of("A headline\n\nOstland and Kestria signed an MoU. It was signed by Tom Wu, "
                             "Foreign Minister, Sultan Omar Al Rashid, Minister of Finance and Jan Li, "
                             "Minister of Trade.\n").agreements
    assert [s.name for s in agreement.signatories] == ["Tom Wu", "Sultan Omar Al Rashid", "Jan Li"]
    (agreement,) = _draft_of("A headline\n\nOstland and Kestria signed an MoU in the presence of Sultan "
                             "Omar Al Rashid, ruler of Ostland. It was signed by Tom Wu, Foreign "
                             "Minister.\n").agreements
    assert [w.name for w in agreement.witnesses] == ["Omar Al Rashid"]


def test_capitalised_fields_and_their_and_before_a_cooperation_agreement() -> None:
    """"Renewing the News Exchange and Cooperation Agreement between A and B": the fields before the
    kind, through their "and", are the instrument's name, not a bare "Cooperation Agreement"."""
    from mouarchive.importer.agreements import _instrument, _instrument_mentions

    sentence = ("Renewing the Pine Exchange and Cooperation Agreement between the Ostland Agency and the "
                "Kestria Agency today matters.")
    assert _instrument(_instrument_mentions(sentence))[0] == "Pine Exchange and Cooperation Agreement"


def test_a_papers_edition_line_is_its_publication_date() -> None:
    """"《甲日報》（2023年07月05日 第10版）": the day of the issue, before the dateline's day the report
    was filed."""
    cut = cut_text("兩市首次聯手招商\n\n《星島日報》（2023年07月05日 第10版）\n\n"
                   "本報星島7月4日電 兩市聯合招商大會日前舉行。\n")
    assert cut.published[0][0] == "2023年07月05日"
    assert cut.title == "兩市首次聯手招商"


def test_a_captions_opening_mark_is_no_part_of_its_first_name() -> None:
    """"▲張小明與李世成簽署合作協議": the mark points at the photograph; the caption's words follow."""
    text = facts_text(cut_text("甲與乙簽約\n\n▲張小明與李世成簽署合作協議\n"))
    assert "▲" not in text and text.endswith("張小明與李世成簽署合作協議")


def test_a_news_agency_before_the_date_is_the_writer_and_no_place() -> None:
    """"Xinhua, December 7, 2015": the agency that wrote it and its day; "signed here" says no place."""
    cut = cut_text("Pine and Larch sign MOUs\n\nXinhua, December 7, 2015\n\nThree MOUs were signed here "
                   "Monday between Pine University and Larch University.\n")
    assert cut.place is None and cut.publisher_hint == "Xinhua"
    assert cut.published and "December 7, 2015" in cut.published[0][0]
