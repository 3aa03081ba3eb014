"""Dates in a release: the phrases, reading them (relative ones against the publication date, with
the derivation written down), merging several into one, and the publication and signing dates."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dateparser.date import DateDataParser

from ..model import PartialDate
from .lexicon import EVENT_WORD, SIGN_VERB, ZH_EVENT_WORD, ZH_SIGN

MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKDAY = rf"(?:{'|'.join(_WEEKDAYS)})"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DAY_OF = rf"(?:the\s+)?{_DAY}\s+(?:of\s+)?"  # "3 May", "3rd May", "the 3rd of May"
_YEAR = r"(?:19|20)\d{2}"
# Between a month and its day: a space, or none after an abbreviation's full stop ("on Feb.10").
_TO_DAY = r"(?:\s+|(?<=\.))"
# A date with its year, as press releases write them; a weekday may stand in front.
FULL_DATE = (rf"(?:{WEEKDAY},?\s+)?(?:{_DAY_OF}{MONTH},?\s+{_YEAR}|{MONTH}{_TO_DAY}{_DAY},?\s+{_YEAR}|"
             rf"{_YEAR}-\d{{2}}-\d{{2}}|\d{{1,2}}/\d{{1,2}}/{_YEAR}|{_YEAR}年\d{{1,2}}月\d{{1,2}}日)")
# A clock time beside a date line's date: "10:15, October 04, 2022", "Oct 29, 2020 10:10 AM".
TIME = r"\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s*(?:HKT|GMT|UTC|BJT)(?:[+-]\d{1,2})?)?"
_CHINESE_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
DAY_MONTH = rf"(?:{_DAY_OF}{MONTH}|{MONTH}{_TO_DAY}{_DAY})(?!,?\s*\d)"  # no year after it
_MONTH_YEAR = rf"{MONTH},?\s+{_YEAR}"
_RELATIVE = (r"(?:today|(?:the )?day before yesterday|yesterday|this (?:morning|afternoon|evening)|tonight|"
             r"earlier today)")


_PARSER_SETTINGS = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}


_CANDIDATE = re.compile(
    rf"(?<![\w/-])(?:(?P<full>{FULL_DATE})|(?P<my>{_MONTH_YEAR})|(?P<dm>{DAY_MONTH})|"
    rf"(?:(?:in|during)\s+(?P<year>{_YEAR}))|(?P<wd>{WEEKDAY}(?:\s+(?:of\s+)?last\s+week)?)|"
    rf"(?P<rel>{_RELATIVE})|"
    # ("signed earlier this month", "last month": a month, the publication's or the one before;
    # not "this month" alone, which may be to come)
    # ("the two MOUs concluded this month": done, after the verb that did it; not "to be signed")
    r"(?P<month>earlier\s+this\s+month|last\s+month|"
    r"(?<!\bbe\s)(?:signed|concluded|inked|reached)\s+this\s+month)|"
    # ("signed in June", "in early June": a month with no year, the last one before the publication)
    rf"in\s+(?:(?:early|late|mid)[\s-]+)?(?P<bare>(?-i:{MONTH}))(?!\s*\d|,?\s+(?:19|20)\d\d))(?![\w/-])",
    re.IGNORECASE)
# Chinese dates: 2019年3月8日, 9月22日, 今日, 今(二十三)日, 昨天, 30日 (a day of the publication month).
_ZH_DAY_NUMBER = r"(?:[一二三四五六七八九十廿卅]{1,3}|\d{1,2})"  # 今(二十三)日, 今(18)日, 昨(4)日
# 上月28日至30日, 6月28至30日: days of one month, a range; what it states is the month.
_ZH_RANGE = r"(?:[上本]月|(?<![\d年])\d{1,2}月)?\d{1,2}日?[至到]\d{1,2}日"
# (a year and month alone, "於2021年9月簽署", is a date of that month)
# (本月17日, 上月28日: a day of this month or the last, the publication's)
# A date of the Republic of China's calendar, as Taiwan's releases write it: 民國113年11月11日,
# 113年11月11日, 113/11/11 (its year 1 is 1912; without 民國, only the years 100 to 119, 2011 to 2030).
_ROC_DATE = (r"(?:(?:民國|民国)(?P<roc_era>\d{2,3})|(?<![\d/.-])(?P<roc>1[01]\d))"
             r"(?:年(?P<roc_month>\d{1,2})月(?P<roc_day>\d{1,2})日|/(?P<roc_m>\d{1,2})/(?P<roc_d>\d{1,2})(?![\d/]))")
_ROC = re.compile(_ROC_DATE)
ZH_CANDIDATE = re.compile(rf"{_ROC_DATE}|"
                          rf"{_ZH_RANGE}|\d{{4}}年\d{{1,2}}月\d{{1,2}}日|[上本]月\d{{1,2}}日|"
                          rf"\d{{4}}年\d{{1,2}}月(?![\d日份底初中])|"
                          rf"(?<![\d年])\d{{1,2}}月\d{{1,2}}日|"
                          r"(?<![\d年])[一二三四五六七八九十]{1,2}月[一二三四五六七八九十廿卅]{1,3}日|"
                          # 前(26)日: the day before yesterday, the 26th (Macao's releases)
                          # (昨（20）晚, 今（5）早: the day's number before the time of day; 今(26日):
                          # the day and its 日 inside the bracket, Macao's releases too)
                          rf"[今昨](?:日|天|[(（]{_ZH_DAY_NUMBER}(?:[)）](?:日|早|晨|晚)|日[)）]))|"
                          rf"前[(（]{_ZH_DAY_NUMBER}[)）]日|"
                          # 前日, 前天: the day before yesterday (not 前日本, "former Japanese"; nor
                          # 日前, some days ago)
                          r"(?<![日提])前(?:日(?!本)|天)|"
                          # "昨早出席", "今晨抵達", "梁振英昨率團": a news report's yesterday and today
                          r"[今昨](?:早|晨|晚)|昨(?=[率出在到赴抵與与主見见簽签宣表會会舉举])|"
                          r"(?<![\d月年])\d{1,2}日(?![\d电電])|"
                          # 周一, 週三, 星期五: a weekday, the last one on or before the publication
                          # (not 上周一, the week before's, nor 下周一, 將於周一 or 每周一, to come or
                          # every week; nor a name, 周一鳴: what follows is a verb's, a place's or a
                          # time's word)
                          r"(?<![上下將将每個个])(?<!将于)(?<!將於)(?<!将在)(?<!將在)(?<!擬於)(?<!拟于)"
                          r"本?(?:周|週|星期)[一二三四五六日天]"
                          r"(?=[在於于簽签與与舉举，,（(]|上午|下午|早上|晚上|$)")
# A date after these words bounds a term or names another event; it is not the signing date.
# ("will be implemented on January 1", "come into force on", "take effect on": not the signing's day)
# The words before a date that bounds a term ("came into effect on", "valid until"): no signing's
# day, and no page's own.
TERM = r"(?:effective(?:\s+(?:from|on))?|expir\w*|valid\w*|implemented|force|effect)"
_NOT_SIGNING = re.compile(rf"\b(?:from|until|till|through|{TERM}|"
                          r"since|before|after|between|to|by the end of|published|dated|announce[sd]?|said|"
                          r"stated|reported|revealed|issued)\s+"
                          # ("a statement issued here on Tuesday", "said here on Friday": at the
                          # dateline's place, the day of the telling)
                          r"(?:(?:here|there)\s+)?(?:on\s+)?"
                          # "announced today (11 May 2020) that": the day in brackets is the same
                          # ("jointly announce today that an MoU has been signed": the announcing's day)
                          r"(?:(?:today|yesterday|on\s+\w+)\s*\(\s*)?$", re.IGNORECASE)
# "signed a new MoU today, replacing the one signed on 19 November 2007": what follows speaks of
# another agreement, and its dates are not this one's.
_OTHER_AGREEMENT = re.compile(r",?\s+(?:replacing|superseding|succeeding|renewing)\b|"
                              r"\b(?:replaces|supersedes|succeeds)\b|\b(?:the (?:one|first|previous|original|"
                              r"earlier)|previously|originally|first)\s+signed\b", re.IGNORECASE)
# "which signed a previous memorandum in 2018, today signed a new one": a date in the clause about
# an earlier instrument is that one's, not the signing's (and the dates after it may still be).
_EARLIER_INSTRUMENT = re.compile(r"\b(?:previous|earlier|prior|former|existing|original)\s+"
                                 r"(?:[\w-]+\s+){0,2}?(?:mo[u]s?|memorand\w*|agreements?|arrangements?|"
                                 r"accords?)\b[^,;.]*",
                                 re.IGNORECASE)
# A Chinese signing talked of before it happens: "探討簽訂", "簽訂備忘錄的計劃" (the plan of it).
_ZH_PLANNED = re.compile(r"(?:探討|探讨|商討|商讨|討論|讨论|洽談|洽谈|研究)$")
_ZH_PLAN = re.compile(r"[^，。；]{0,12}?的(?:計劃|计划|可能|意向|事宜)")
# A day the text says is set for what is to come ("定10日……簽署", "將於15日簽署", "預計20日"): no
# signing's day yet, whichever month a day alone would be read in.
_ZH_SET_FOR = re.compile(r"(?:定於|定于|定|預定|预定|預計|预计|將於|将于|將在|将在|擬於|拟于|擬|拟|將|将)$")
_TO_COME = re.compile(r"\b(?:will|would|shall|may|might|could|expected|plans?|planned|scheduled|set\s+to|"
                      r"to\s+be)\b", re.IGNORECASE)
# "announced today that they signed ... yesterday": a date before a reporting verb dates the report.
# "On 20 May 2016, the Ostland Commission (OC) announced that it had entered into": the subject
# between them too.
_REPORTING = re.compile(r"^,?\s+(?:(?:the|[Tt]he|of|and|for|&)\s+|(?-i:[A-Z][\w'’&.-]*)\s+|"
                        r"\([^()]{1,20}\)\s+){0,10}?(?:announced|said|says|stated|reported|revealed|confirmed)\b|"
                        # "12月3日，記者從成都高新區獲悉，簽約儀式日前舉行": when the reporter learned of it
                        r"^\s*[，,]\s*(?:記者|记者)[^，,。]{0,15}?(?:獲悉|获悉|獲知|获知|了解到)|"
                        # "記者5日從澳門金管局了解到，A與B日前簽署": the day the reporter learned it from
                        # a source, after the date
                        r"^\s*(?:從|从)[^，,。]{1,30}?(?:獲悉|获悉|獲知|获知|了解到|得知)|"
                        # "A今天宣佈，已與B簽署": the day of the announcing
                        r"^\s*(?:[（(][^）)]{0,12}[）)])?\s*(?:上午|下午|晚上|正式)?(?:宣布|宣佈|公布|公佈)",
                        re.IGNORECASE)


@dataclass(frozen=True)
class Date:
    date: PartialDate
    phrase: str
    derived: str | None = None  # how the date was worked out, when the text does not give it whole


@functools.lru_cache(maxsize=64)  # a parser is costly to set up; a text needs two or three
def _parser(base: dt.date | None, order: str | None = None) -> DateDataParser:
    settings: dict[str, object] = dict(_PARSER_SETTINGS)
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day)
    if order:
        settings["DATE_ORDER"] = order
    return DateDataParser(languages=["en"], settings=settings)


def _as_date(partial: PartialDate) -> dt.date | None:
    if partial.month is None or partial.day is None:
        return None
    return dt.date(partial.year, partial.month, partial.day)


def _iso_day(day: dt.date) -> str:
    return f"{day.isoformat()} (a {day.strftime('%A')})"


def resolve_date(phrase: str, published: PartialDate | None = None) -> Date | str:
    """A date phrase as a date, or the reason it cannot be one.

    Phrases without a year ("Sunday", "yesterday", "26 March", "今日", "9月22日", "30日") are worked
    out against the publication date, and the result says how; a numeric date that reads both ways
    (3/4/2025) is ambiguous and is not resolved. A Chinese phrase is read as its English equivalent
    and reported in its own words.
    """
    shown = " ".join(phrase.split())
    if roc := _ROC.fullmatch(shown):
        return _roc_date(roc, shown)
    text = _in_english(shown, published)
    found = _resolve(text, published)
    if text == shown:
        return found
    if isinstance(found, str):
        return found.replace(f"'{text}'", f"'{shown}'")
    derived = found.derived.replace(f"'{text}'", f"'{shown}'") if found.derived else None
    if derived is None and published and not re.search(r"\d{4}年", shown):
        derived = f"'{shown}' in a release published {published.iso}"  # 上月28日至30日: June, and its year
    return Date(found.date, shown, derived)


def _roc_date(m: re.Match[str], shown: str) -> Date | str:
    """A date of the Republic of China's calendar (_ROC_DATE), and how its year was worked out."""
    year = int(m["roc_era"] or m["roc"]) + 1911
    month, day = int(m["roc_month"] or m["roc_m"]), int(m["roc_day"] or m["roc_d"])
    try:
        dt.date(year, month, day)
    except ValueError:
        return f"'{shown}' is no date"
    return Date(PartialDate(year, month, day), shown,
                f"'{shown}' is in the Republic of China's calendar (民國), whose year "
                f"{year - 1911} is {year}")


def year_from_the_same_day(phrase: str, text: str, days_after: int = 0) -> Date | None:
    """A month and day without a year ("Nov 28" in a dateline), in the year of the one full date in
    `text` that is the same day ("November 28, 2019" in a photograph's caption); None where no full
    date is that day, or full dates of that day give different years. With `days_after`, the full
    date is that many days later: a page's own time line ("10:13, May 13, 2023") dates a dispatch
    of the day before ("HONG KONG, May 12 (Xinhua)") by its posting."""
    same: dict[PartialDate, str] = {}
    for m in re.finditer(FULL_DATE, text, re.IGNORECASE):
        full = resolve_date(m.group(0))
        if not isinstance(full, Date) or full.date.day is None or not (later := _as_date(full.date)):
            continue
        # (the phrase read as of that day is that day only when it names its month and day)
        read = resolve_date(phrase, full.date)
        if isinstance(read, Date) and _as_date(read.date) == later - dt.timedelta(days=days_after):
            same.setdefault(read.date, full.phrase)
    if len({day.year for day in same}) != 1:
        return None
    day, full = next(iter(same.items()))
    if days_after:
        return Date(day, phrase, f"'{phrase}' has no year; '{full}', elsewhere in the text, is "
                                 f"{days_after} day{'s' if days_after > 1 else ''} later, and so "
                                 f"'{phrase}' is in {day.year}")
    return Date(day, phrase, f"'{phrase}' has no year; '{full}', elsewhere in the text, is that day in "
                             f"{day.year}")


# A sentence that opens with a year, or a whole date: "2018年，……。", "2022年1月20日上午，……".
_ZH_YEAR_FRAME = re.compile(r"(?:^|(?<=[\n。！？]))\s*(?P<year>(?:19|20)\d\d)年"
                            r"(?:(?P<month>\d{1,2})月(?P<day>\d{1,2})日)?")
_ZH_ANY_YEAR = re.compile(r"(?:19|20)\d\d|[今去明本前]年")


def year_of_the_frame(phrase: str, text: str, at: int, published: PartialDate | None) -> Date | None:
    """A Chinese month and day without a year ("9月13日") in the year of the last sentence before it
    that opens with one ("2018年，区政府与A签署……。9月13日，……签署"; "2022年1月20日上午，……揭牌。……
    1月14日，甲与乙签署"), where no other year is written between them. None where the day would
    fall after that sentence's whole date or after the publication, or the phrase is no month and day."""
    if not (md := _ZH_MONTH_DAY.fullmatch(phrase.strip())):
        return None
    frames = list(_ZH_YEAR_FRAME.finditer(text, 0, at))
    frame = frames[-1] if frames else None
    if frame is None or _ZH_ANY_YEAR.search(text, frame.end(), at):
        return None  # (none, or another year between them)
    try:
        day = dt.date(int(frame["year"]), int(md[1]), int(md[2]))
        # ("2022年1月20日……12月14日": which December is not said)
        if frame["month"] and day > dt.date(int(frame["year"]), int(frame["month"]), int(frame["day"])):
            return None
    except ValueError:
        return None
    if published is not None and (limit := _as_date(published)) and day > limit:
        return None
    shown = frame.group(0).strip()
    return Date(PartialDate(day.year, day.month, day.day), phrase,
                f"'{phrase}' has no year; the sentence '{shown}……' before it opens with {day.year}")


# "today (Tuesday)": the weekday the release gives its own day.
_TODAY_WEEKDAY = re.compile(rf"\btoday\s*\(\s*(?P<weekday>{WEEKDAY})\b", re.IGNORECASE)


def by_the_weekday_of_today(phrase: str, text: str) -> Date | None:
    """A numeric date that reads both ways ("09/04/2019"), read the one way whose weekday is the one
    the text gives today ("today (Tuesday)"); None where no weekday is given, the text gives two,
    or both readings or neither fall on it."""
    numeric = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", phrase.strip())
    weekdays = {m["weekday"].casefold() for m in _TODAY_WEEKDAY.finditer(text)}
    if not numeric or len(weekdays) != 1:
        return None
    first, second, year = (int(g) for g in numeric.groups())
    readings = []
    for day, month in ((first, second), (second, first)):
        try:
            readings.append(dt.date(year, month, day))
        except ValueError:
            continue
    weekday = weekdays.pop()
    fits = [d for d in readings if d.strftime("%A").casefold() == weekday]
    if len(fits) != 1 or len(readings) != 2:
        return None
    other = next(d for d in readings if d != fits[0])
    day = fits[0]
    return Date(PartialDate(day.year, day.month, day.day), phrase,
                f"'{phrase}' reads as day/month or month/day; the text says today is a "
                f"{weekday.capitalize()}: {day.isoformat()} is one, {other.isoformat()} is a "
                f"{other.strftime('%A')}")


# An event named with its year: "Cyberport Venture Capital Forum 2025", "2016北京‧澳门合作伙伴行动".
_EVENT = re.compile(
    rf"\b(?P<before>(?:19|20)\d{{2}})\s+(?:[A-Z][\w&’'-]*\s+){{0,6}}{EVENT_WORD}\b|"
    rf"\b(?:[A-Z][\w&’'-]*\s+){{1,6}}{EVENT_WORD}\s+(?P<after>(?:19|20)\d{{2}})\b|"
    rf"(?<!\d)(?P<zh>(?:19|20)\d{{2}})[\u4e00-\u9fff‧·．]{{2,24}}?{ZH_EVENT_WORD}")
_SIGNING_HELD = re.compile(r"\bsign\w*\b|簽|签", re.IGNORECASE)


def event_year(sentences: Iterable[str]) -> tuple[int, str] | None:
    """The year of the event a text says the signing was at, and its name: named with its year in
    a sentence about the signing ("The signing ceremony was held at 'X Forum 2025'"); None where no
    such name is, or names give different years."""
    named = {(int(m["before"] or m["after"] or m["zh"]), m.group(0))
             for sentence in sentences if _SIGNING_HELD.search(sentence) for m in _EVENT.finditer(sentence)}
    return next(iter(named)) if len({year for year, _ in named}) == 1 else None


def in_event_year(phrase: str, event: tuple[int, str]) -> Date | None:
    """A month and day without a year ("6 November", "10月20日") in the year of the event the signing
    was at (event_year); None for a phrase that is not a month and day."""
    shown = " ".join(phrase.split())
    year, name = event
    if re.fullmatch(DAY_MONTH, shown, re.IGNORECASE):
        found = resolve_date(f"{shown} {year}")
    elif _ZH_MONTH_DAY.fullmatch(shown):
        found = resolve_date(f"{year}年{shown}")
    else:
        return None
    if not isinstance(found, Date):
        return None
    return Date(found.date, shown, f"'{shown}' has no year; the signing was at '{name}'")


_ZH_RANGE_PARTS = re.compile(r"(?:(?P<month>[上本]|\d{1,2})月)?\d{1,2}日?[至到](?P<last>\d{1,2})日")
_ZH_DIGITS = {ch: n for n, ch in enumerate("〇一二三四五六七八九")}
_ZH_RELATIVE = re.compile(rf"(?P<which>[今昨])(?:日|天|早|晨|晚|"
                          rf"[(（](?P<day>{_ZH_DAY_NUMBER})(?:[)）](?:日|早|晨|晚)|日[)）])|$)|"
                          rf"(?P<before>前)(?:[(（](?P<day_before>{_ZH_DAY_NUMBER})[)）]日|日|天)")
_DAYS_BEFORE = {"今": ("today", 0), "昨": ("yesterday", 1), "前": ("the day before yesterday", 2)}
_ZH_MONTH_DAY = re.compile(r"(\d{1,2})月(\d{1,2})日")
_ZH_DAY = re.compile(r"(\d{1,2})日")
_MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")


def _chinese_number(text: str) -> int | None:
    """一 to 三十一, as a day of the month is written: 八, 十八, 二十三, 廿三."""
    text = text.replace("廿", "二十").replace("卅", "三十")
    tens, _, units = text.rpartition("十")
    if "十" not in text:
        return _ZH_DIGITS.get(text)
    value = (_ZH_DIGITS.get(tens, 0) if tens else 1) * 10
    return value + (_ZH_DIGITS.get(units, 0) if units else 0) if all(
        ch in _ZH_DIGITS for ch in tens + units) else None


def _in_english(text: str, published: PartialDate | None) -> str:
    """A Chinese date phrase in the words the parser reads, and "earlier today" as today; any other
    phrase as it is."""
    if re.fullmatch(r"earlier\s+today", text, re.IGNORECASE):
        return "today"
    if chinese := _CHINESE_DATE.fullmatch(text):
        return f"{chinese[1]}-{int(chinese[2]):02d}-{int(chinese[3]):02d}"
    if (m := re.fullmatch(r"(\d{4})年(\d{1,2})月", text)) and 1 <= int(m[2]) <= 12:
        return f"{_MONTH_NAMES[int(m[2])]} {m[1]}"  # 2021年9月: the month
    if (m := _ZH_RANGE_PARTS.fullmatch(text)) and published and published.month:
        # A range of days within one month: the month, and no day picked from it.
        month, year = published.month, published.year
        if m["month"] == "上" or (m["month"] is None and published.day is not None
                                  and int(m["last"]) > published.day):
            month, year = (month - 1, year) if month > 1 else (12, year - 1)
        elif m["month"] and m["month"].isdigit():
            month = int(m["month"])
            if not 1 <= month <= 12:
                return text
            year -= month > published.month
        return f"{_MONTH_NAMES[month]} {year}"
    if (m := re.fullmatch(r"(?P<which>[上本])月(?P<day>\d{1,2})日", text)) and published and published.month:
        # 本月17日: the 17th of the publication's month; 上月28日: of the month before
        month, year = published.month, published.year
        if m["which"] == "上":
            month, year = (month - 1, year) if month > 1 else (12, year - 1)
        return f"{int(m['day'])} {_MONTH_NAMES[month]} {year}"
    if m := re.fullmatch(r"本?(?:周|週|星期)(?P<day>[一二三四五六日天])", text):
        return _WEEKDAYS["一二三四五六日天".index(m["day"]) if m["day"] != "天" else 6]  # 周一: Monday
    if m := _ZH_MONTH_DAY.fullmatch(text):
        month = int(m[1])
        return f"{int(m[2])} {_MONTH_NAMES[month]}" if 1 <= month <= 12 else text
    if m := re.fullmatch(r"([一二三四五六七八九十]{1,2})月([一二三四五六七八九十廿卅]{1,3})日", text):
        month, day = _chinese_number(m[1]), _chinese_number(m[2])  # 四月十三日
        return f"{day} {_MONTH_NAMES[month]}" if month and day and 1 <= month <= 12 else text
    if m := _ZH_RELATIVE.fullmatch(text):
        # 今(二十三)日: today, the 23rd; 昨(4)日: yesterday, the 4th; 前(26)日: the day before
        # yesterday, the 26th. A day that does not fit the publication date is not read.
        relative, days = _DAYS_BEFORE[m["which"] or m["before"]]
        if number := m["day"] or m["day_before"]:
            day = int(number) if number.isdigit() else _chinese_number(number)
            expected = _as_date(published) if published else None
            if expected:
                expected -= dt.timedelta(days=days)
            if expected is None or day != expected.day:
                return text
        return relative
    if (m := _ZH_DAY.fullmatch(text)) and published and published.month:
        # "30日" in a release of 1 July: the last 30th on or before the publication date.
        day, month = int(m[1]), published.month
        if published.day is not None and day > published.day:
            month = month - 1 or 12
        return f"{day} {_MONTH_NAMES[month]}"
    return text


def _resolve(text: str, published: PartialDate | None) -> Date | str:
    kind = _CANDIDATE.fullmatch(text)
    group = kind.lastgroup if kind else "full"
    base = _as_date(published) if published else None
    order = None
    if numeric := re.fullmatch(r"(?:\w+,?\s+)?(\d{1,2})/(\d{1,2})/(\d{4})", text):
        first, second = int(numeric[1]), int(numeric[2])
        if first <= 12 and second <= 12 and first != second:
            return f"'{text}' reads as day/month or as month/day"
        order = "DMY" if first > 12 else "MDY"
    if group == "month":
        if published is None or published.month is None:
            return f"'{text}' and no publication month to work it out from"
        year, month = published.year, published.month
        if text.casefold().startswith("last"):
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return Date(PartialDate(year, month), text, f"'{text}' in a release published {published.iso}")
    if group == "bare":
        # The last such month on or before the publication's; only where that is the publication's
        # month or the one before (as a day without its year is read only within a month of it)
        if published is None or published.month is None:
            return f"'{text}' has no year and there is no publication date to work it out from"
        month = next(n for n, name in enumerate(_MONTH_NAMES) if name and
                     name.casefold().startswith(kind["bare"].rstrip(".").casefold()[:3]))
        back = (published.month - month) % 12
        if back > 1:
            return f"'{text}' has no year; the last one before the publication is {back} months earlier"
        year = published.year - (month > published.month)
        return Date(PartialDate(year, month), text, f"'{text}' with no year stated: the last one on or "
                                                    f"before the publication date {published.iso}")
    if group == "wd" and (last := re.search(r"last\s+week$", text, re.IGNORECASE)):
        # "on Tuesday last week": that weekday in the calendar week before the publication's (not the
        # last Tuesday before it, which may be this week's)
        if base is None:
            return f"'{text}' and no publication date to work it out from"
        day = base - dt.timedelta(days=base.weekday() + 7) + dt.timedelta(
            days=[d.casefold() for d in _WEEKDAYS].index(text[:last.start()].split()[0].casefold()))
        return Date(PartialDate(day.year, day.month, day.day), text,
                    f"'{text}' in a release published on {_iso_day(base)}: that weekday of the week before")
    needs_base = group in ("dm", "wd", "rel")
    if needs_base and base is None:
        return f"'{text}' has no year and there is no publication date to work it out from"
    data = _parser(base, order).get_date_data(text)
    if data.date_obj is None:
        return f"'{text}' could not be read as a date"
    got = data.date_obj.date()
    if group == "year":
        year = int(kind["year"]) if kind else got.year
        return Date(PartialDate(year), text)
    if group == "my" or data.period == "month":
        return Date(PartialDate(got.year, got.month), text)
    if data.period not in ("day", "time"):
        return f"'{text}' is not a single day"
    date = PartialDate(got.year, got.month, got.day)
    if group == "full":
        weekday = re.match(WEEKDAY, text, re.IGNORECASE)
        if weekday and weekday.group(0).casefold() != got.strftime("%A").casefold():
            return f"'{text}': {got.isoformat()} is a {got.strftime('%A')}, not a {weekday.group(0)}"
        return Date(date, text)
    assert base is not None
    if got > base:
        return f"'{text}' falls after the publication date {base.isoformat()}"
    if group == "wd":
        if got.weekday() == base.weekday():
            # News style names a day of the past week by its weekday, and today by its own: a
            # dispatch dated on a Monday that says "on Monday" means that day, not a week before.
            return Date(PartialDate(base.year, base.month, base.day), text,
                        f"'{text}' in a release published on {_iso_day(base)}: news style names a day "
                        "of the past week by its weekday, so that day itself")
        if (base - got).days > 7:
            return f"'{text}' in a release published on {_iso_day(base)}: more than a week before?"
        return Date(date, text, f"'{text}' before the publication date {_iso_day(base)}")
    if group == "dm":
        if (base - got).days > 31:
            return (f"'{text}' has no year; the last one before the publication date {base.isoformat()} "
                    f"is {got.isoformat()}, more than a month earlier")
        return Date(date, text, f"'{text}' with no year stated: the last one on or before the "
                                 f"publication date {base.isoformat()}")
    if got == base:
        return Date(date, text, f"'{text}' in a release published {base.isoformat()}")
    return Date(date, text, f"'{text}' before the publication date {base.isoformat()}")


def merge_dates(found: Sequence[Date]) -> tuple[Date | None, list[str]]:
    """One date from several phrases, or the disagreement. A month agrees with a day within it."""
    if not found:
        return None, []
    precise = sorted(found, key=lambda d: (d.date.day is None, d.date.month is None))
    best = precise[0]
    clashes = [d for d in found if not _within(best.date, d.date)]
    if clashes:
        return None, sorted({f"{d.phrase} -> {d.date.iso}" for d in found})
    same = [d for d in found if d.date == best.date]
    phrases = list(dict.fromkeys(d.phrase for d in same))
    derived = [d.derived for d in same if d.derived]
    if any(d.derived is None for d in same):
        derived = []  # a phrase states the date in full: nothing to explain
    return Date(best.date, " / ".join(phrases), derived[0] if derived else None), []


def after(day: PartialDate, other: PartialDate) -> bool:
    """Whether `day` is later than `other` as far as both are known: 2023-09 is after 2023-08-17,
    2023-08 is not (it may be the 10th)."""
    known = [(a, b) for a, b in zip((day.year, day.month, day.day), (other.year, other.month, other.day),
                                    strict=True) if a is not None and b is not None]
    return next((a > b for a, b in known if a != b), False)


def _within(day: PartialDate, other: PartialDate) -> bool:
    """True when `other` is `day` or a coarser date that contains it."""
    if other.year != day.year:
        return False
    if other.month is None:
        return True
    return other.month == day.month and (other.day is None or other.day == day.day)


# "On the same day, A signed": the day the sentence before gives.
_SAME_DAY = re.compile(r"\b(?:on\s+)?(?:the\s+same|that)\s+day\b", re.IGNORECASE)


def _same_day(text: str, start: int, phrase: str, published: PartialDate | None) -> list[Date]:
    """The whole day the sentence before `start` gives, where it gives one and only one, as the
    day of a signing "on the same day"."""
    before = text[:start].rstrip()
    opening = max((m.end() for m in re.finditer(r"[.!?。]\s", before[:-1])), default=0)
    days = {resolved.date: resolved for m in _CANDIDATE.finditer(before[opening:])
            if not isinstance(resolved := resolve_date(" ".join(m.group(0).split()), published), str)
            and resolved.date.day is not None}
    if len(days) != 1:
        return []
    (day,) = days.values()
    return [Date(day.date, phrase, f"'{phrase}' as '{day.phrase}', the day the sentence before gives")]


def dispatch_day(dateline: str | None, published: PartialDate | None) -> tuple[PartialDate, str] | None:
    """The day of a Chinese agency's dispatch ("新华社堪培拉4月16日电"), in the year of the page that
    carries it a few days later ("发表于：1985-04-17"): the day its 今天 and 昨天 are counted from.
    None where the dateline gives no month and day, or the page's date is not up to three days
    after it."""
    if not dateline or published is None or published.day is None or \
            not (m := re.search(r"(?<![\d年])(\d{1,2})月(\d{1,2})日[电電讯訊]", dateline)) or \
            not (page := _as_date(published)):
        return None
    for year in (page.year, page.year - 1):
        try:
            day = dt.date(year, int(m[1]), int(m[2]))
        except ValueError:
            return None
        if 0 < (page - day).days <= 3:
            return PartialDate(day.year, day.month, day.day), m.group(0)
    return None


def signing_dates(text: str, spans: Iterable[tuple[int, int]], published: PartialDate | None,
                  signing_only: bool = True, event: tuple[int, str] | None = None,
                  dispatch: tuple[PartialDate, str] | None = None) -> tuple[list[Date], list[str]]:
    """Date phrases in signing sentences (or in any of `spans`, where not `signing_only`: the
    sentences about the event it was signed at), resolved; and the phrases that could not be.
    `event`: the year of the event it was signed at (event_year), for a month and day without a
    year where there is no publication date to work it out from."""
    found: list[Date] = []
    problems: list[str] = []
    for start, end in spans:
        sentence = text[start:end]
        if signing_only and not SIGN_VERB.search(sentence):
            continue
        other = _OTHER_AGREEMENT.search(sentence)
        matches = sorted([*_CANDIDATE.finditer(sentence), *ZH_CANDIDATE.finditer(sentence)],
                         key=lambda m: m.start())
        # "……見證簽署多個項目，晚上出席晚宴，11月3日繼續訪問": a Chinese clause after the signing's
        # own speaks of what came later, and its date is not the signing's.
        # ("……簽訂的備忘錄，源於甲於2024年9月參與訪問團，探討簽訂備忘錄的計劃": a signing talked of,
        # or planned, is no signing, and ends no clause of the signing's own)
        zh_verbs = [v.end() for v in re.finditer(ZH_SIGN, sentence)
                    if not _ZH_PLANNED.search(sentence[:v.start()]) and
                    not _ZH_PLAN.match(sentence[v.end():])] if signing_only else []
        later = min((c.start() for c in re.finditer(r"[，；]", sentence) if c.start() > zh_verbs[-1]),
                    default=len(sentence)) if zh_verbs else len(sentence)
        if not matches and (same := _SAME_DAY.search(sentence)):
            found += _same_day(text, start, same.group(0), published)
        earlier = [(e.start(), e.end()) for e in _EARLIER_INSTRUMENT.finditer(sentence)]
        for m in matches:
            if (other and m.start() >= other.start()) or m.start() >= later:
                break
            if any(a <= m.start() < b for a, b in earlier):
                continue
            if m.re is _CANDIDATE and m["bare"] and \
                    _TO_COME.search(sentence[max(0, m.start() - 60):m.start()]):
                continue  # ("will be signed in June": a month to come, perhaps this one)
            if m.re is ZH_CANDIDATE and _ZH_SET_FOR.search(sentence[:m.start()]):
                continue
            if _NOT_SIGNING.search(sentence[max(0, m.start() - 30):m.start()]) or \
                    _REPORTING.match(sentence[m.end():]):
                continue
            # ("齐鲁网10月24日讯 10月23日，A与B签约": the dispatch's day, a date line's, is not the signing's)
            if m.re is ZH_CANDIDATE and re.match(r"[电電讯訊]", sentence[m.end():]):
                continue
            phrase = " ".join(m.group(0).split())
            # "today (March 27)" states one day twice; both phrases are checked against each other.
            resolved = resolve_date(phrase, published)
            if dispatch and _ZH_RELATIVE.fullmatch(phrase) and \
                    isinstance(of_dispatch := resolve_date(phrase, dispatch[0]), Date):
                # ("新华社堪培拉4月16日电……签字仪式今天在这里举行", on a page of the 17th: the
                # dispatch's today)
                resolved = Date(of_dispatch.date, phrase, f"'{phrase}' in the dispatch '{dispatch[1]}', of "
                                                          f"{_iso_day(_as_date(dispatch[0]))}")
            if isinstance(resolved, str) and published is None and (at := event_year([sentence]) or event):
                # (the event this sentence names first: "2016北京‧澳门合作伙伴行动10月20日……签约仪式")
                resolved = in_event_year(phrase, at) or resolved
            if isinstance(resolved, str) and published is None:
                # ("signed 11 MoUs on November 12 ... met at the Istana on Nov 12, 2018": the year of
                # the one full date elsewhere in the text that is the same day)
                resolved = year_from_the_same_day(phrase, text) or resolved
            if isinstance(resolved, str):
                # ("2018年，……。9月13日，……签署": the year the sentence before opens with)
                resolved = year_of_the_frame(phrase, text, start + m.start(), published) or resolved
            if isinstance(resolved, str):
                problems.append(resolved)
            else:
                found.append(resolved)
    return found, problems


