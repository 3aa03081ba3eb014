"""Sentences about an earlier signing: "the framework agreement the two signed in 2021", "since
the first MoU was signed in 2012". What they say is history: the agreement a release announces
takes no date, place nor party from them."""

from __future__ import annotations

import re
from datetime import date

from ..model import PartialDate
from .dates import MONTH, resolve_date
from .lexicon import SIGN_VERB

# A word just before the verb that puts the signing in the past: "earlier signed",
# "the first MoU was signed", "originally signed".
_LOOKING_BACK = re.compile(r"\b(?:earlier|previously|first|originally|once|formerly|initially|"
                           r"last\s+year|years?\s+ago)\b(?:\s+[\w-]+){0,3}?\s*$", re.IGNORECASE)
# "The first Memorandum of Understanding signed was between A and B", "The first MoU, signed by A":
# the first of those the release announces, by its number; a year after the verb may still date it.
_FIRST_OF_THEM = re.compile(r"^\s*The\s+(?P<first>first)\s+(?=(?:[\w-]+\s+){0,2}?"
                            r"(?:mo[u]s?|memorand(?:um|a|ums)|agreements?|documents?|accords?|pacts?|"
                            r"arrangements?|protocols?|deals?)\b)",
                            re.IGNORECASE)
# The instruments the verb's clause is about are others: "follows similar MOUs that the SFC has
# signed with other regulators".
_OTHERS_BEFORE = re.compile(r"\b(?:similar|other|previous|prior|past|existing)\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:mo[u]s|memorand(?:a|ums)|agreements|arrangements|accords|pacts)\b"
                            r"[^.;,]{0,50}$", re.IGNORECASE)
# ("It will be recalled that in November 2009 A signed a similar MoU with B", "Tom Wu recalled that
# the two agencies signed their first protocol"): what is recalled is history
_RECALLED = re.compile(r"\b(?:(?:will|can|may|should|must|is|was)\s+be\s+recalled|recall(?:ed|s)?)\s+that\b"
                       r"[^.;]*$", re.IGNORECASE)
# After the verb, in its clause: a year alone ("in 2021", "back in 2012"), or a time long past.
# ("the agreement signed by A and B in February of the same year", "signed earlier this year": a
# month before, in the year the release speaks of)
_YEAR_AFTER = re.compile(rf"\b(?:in|back\s+in|since)\s+(?!{MONTH}\b)(?P<year>(?:19|20)\d\d)\b|"
                         r"\b(?P<ago>\w+\s+years?\s+ago|last\s+year|earlier\s+this\s+year|"
                         rf"(?:in\s+)?{MONTH}\s+of\s+(?:the\s+same|that)\s+year)\b", re.IGNORECASE)
# Before the verb, opening the sentence: "In 2010, the three governments signed ...".
_YEAR_OPENING = re.compile(r"^\s*(?:In|Back\s+in)\s+(?P<year>(?:19|20)\d\d)\b(?!\s*[-–/])")
# A clause that opens the sentence with "Since", up to the verb: "Since the agreement was concluded
# in 1988, the two have ...": what has gone on since that signing, which is before the writing.
_SINCE_OPENING = re.compile(r"^\s*(?:Ever\s+)?Since\s+[^,;]*$")
# A whole date with a year before the publication's: "entered into on 16 May 2019" in a release of 2023.
_DATED_AFTER = re.compile(rf"\bon\s+(?:\d{{1,2}}\s+{MONTH}|{MONTH}\.?\s+\d{{1,2}}),?\s+"
                          r"(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)
# In Chinese, before the verb: a year alone ("2019年，金管局已與X簽署"), in a release of a later year,
# or words that look back ("此前", "曾與", "早在"); never a day's words ("今日", "3月5日").
_ZH_YEAR_BEFORE = re.compile(r"(?P<year>(?:19|20)\d\d)年(?![\d一二三四五六七八九十]{1,2}月)")
_ZH_LOOKING_BACK = re.compile(r"(?:此前|先前|過去|过去|曾經|曾经|早在|曾(?=[與与於于在和同]))"
                              r"[^。；]{0,30}$|"
                              # ("三年前，A與B簽署", "三年間，A先後與B簽訂": years ago, over the years
                              # before; not where the clauses after it come to now: "…今日續簽")
                              r"(?<![未今後后])[一二兩两三四五六七八九十\d]+(?:個|个)?(?:年|月)(?:前|間|间|來|来|以來|以来)"
                              r"(?![^。；]*(?:今[日天早晨午晚]|昨[日天早晨午晚]|\d{1,2}日|當天|当天|此次|本次|這次|这次))"
                              r"[^。；]{0,30}$|"
                              # ("我院去年與B簽署": last year, or the year before; not "去年12月28日",
                              # which may be the signing a release of January announces, nor where the
                              # clauses after it come to now)
                              r"(?:去年|前年)(?![\d一二三四五六七八九十]{1,2}月)"
                              r"(?![^。；]*(?:今[日天早晨午晚]|昨[日天早晨午晚]|\d{1,2}日|當天|当天|此次|本次|這次|这次))"
                              r"[^。；]{0,30}$|"
                              # ("時任商務部部長A與B簽署": A held the office then, and holds it no more)
                              r"(?:時任|时任)[^。；]{0,40}$")
# A whole date before the verb: "2016年10月10日，在澳門舉行的…期間，A與B簽署".
_ZH_WHOLE_DATE = re.compile(r"(?P<year>(?:19|20)\d\d)年(?P<month>\d{1,2})月(?P<day>\d{1,2})日")
# How long before the publication a whole date must be to be another signing's: a release may come
# out weeks after its signing, and across a new year ("2023年12月28日" in a release of 2024-01-03).
_LONG_BEFORE = 90
_ZH_NOW = re.compile(r"今[日天早晨午晚]|昨[日天早晨午晚]|\d{1,2}月\d{1,2}日|\d{1,2}日|"
                     r"本月|上月|同日|當天|当天")
_NOW = re.compile(rf"\b(?:today|yesterday|this\s+(?:morning|afternoon|evening|week)|"
                  rf"on\s+(?:\w+day|{MONTH}|\d))\b", re.IGNORECASE)


def _long_before(before: str, published: PartialDate | None) -> bool:
    """Whether the clause before a Chinese verb gives a whole date of an earlier year, months before
    the publication's day."""
    if published is None or published.month is None or published.day is None or \
            not (m := _ZH_WHOLE_DATE.search(before)) or int(m["year"]) >= published.year:
        return False
    try:
        then = date(int(m["year"]), int(m["month"]), int(m["day"]))
    except ValueError:
        return False
    return (date(published.year, published.month, published.day) - then).days > _LONG_BEFORE


def _days_before(phrase: str, published: PartialDate) -> int:
    """How many days a whole date ("on 31 October 2022") is before the publication's day; as many as
    need be to count as long before where either day is not whole."""
    found = resolve_date(re.sub(r"^on\s+", "", phrase.strip()))
    if isinstance(found, str) or found.date.day is None or found.date.month is None or \
            published.month is None or published.day is None:
        return _LONG_BEFORE + 1
    then = date(found.date.year, found.date.month, found.date.day)
    return (date(published.year, published.month, published.day) - then).days


def looks_back(sentence: str, published: PartialDate | None) -> bool:
    """Whether every signing the sentence speaks of is an earlier one: a word before the verb says
    so, or the verb's clause gives a year before the publication's (and no day of its own)."""
    verbs = list(SIGN_VERB.finditer(sentence))
    if not verbs:
        return False
    # (the ordinal blanked, keeping the offsets: it looks back at nothing)
    unnumbered = sentence
    if first := _FIRST_OF_THEM.match(sentence):
        unnumbered = sentence[:first.start("first")] + " " * 5 + sentence[first.end("first"):]
    for verb in verbs:
        if _LOOKING_BACK.search(unnumbered[max(0, verb.start() - 40):verb.start()]) or \
                _OTHERS_BEFORE.search(sentence[max(0, verb.start() - 90):verb.start()]) or \
                _RECALLED.search(sentence[:verb.start()]):
            continue
        if re.match(r"[\u4e00-\u9fff]", verb.group(0)):
            # (the clause before the verb, from the sentence's start or its last semicolon)
            before = re.split(r"[；;]", sentence[:verb.start()])[-1]
            year = _ZH_YEAR_BEFORE.search(before)
            # ("2020年我校與A簽訂協議以來，……": since they signed it, a signing before the writing)
            since = re.search(r"(?:以來|以来)$", re.split(r"[，。；,;]", sentence[verb.end():])[0]) or (
                # ("甲繼本月與乙簽訂協議之後，今天與丙簽署": following an earlier signing, after it)
                re.search(r"[繼继]", before) and
                re.search(r"(?:之後|之后)$", re.split(r"[，。；,;]", sentence[verb.end():])[0]))
            if since or _ZH_LOOKING_BACK.search(before) or _long_before(before, published) or (
                    year and published is not None and int(year["year"]) < published.year and
                    not _ZH_NOW.search(before)):
                continue
            return False
        clause = re.split(r"[,;.]", sentence[verb.end():], maxsplit=1)[0]
        before = sentence[:verb.start()]
        # (an opening year holds up to the verb unless another clause, or "today", comes between)
        when = _YEAR_AFTER.search(clause) or (
            _YEAR_OPENING.match(before) if ";" not in before and not _NOW.search(before) else None)
        # ("the agreement the two entered into on 16 May 2019"; not "signed on 31 October 2022" in a
        # release of 4 January 2023, weeks later across a new year, as in Chinese)
        if (dated := _DATED_AFTER.search(clause)) and published is not None and \
                int(dated["year"]) < published.year and \
                _days_before(dated.group(0), published) > _LONG_BEFORE:
            continue
        ago = when is not None and when.groupdict().get("ago")
        if when and not _NOW.search(clause) and (
                ago or _SINCE_OPENING.match(before) or
                (published is not None and int(when["year"]) < published.year)):
            continue
        return False
    return True
