"""The release's text cleaned and cut: headline, datelines, date lines, site chrome, the end mark,
sentences, and quotations blanked out."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .dates import DAY_MONTH, FULL_DATE, TERM, TIME
from .lexicon import (
    ABBREVIATIONS,
    EVENT_WORD,
    NEWS_OUTLETS,
    NOT_NAMES,
    ORG_WORDS,
    SIGN_VERB,
    TITLE_WORDS,
    ZH_CANTONESE_YESTERDAY,
    ZH_SIGN_VARIANT,
    names_a_country,
)

_DASH = r"(?:[–—-]{1,2}|:)"
_PLACE = r"[A-Z][A-Za-z.'’]*(?:[ -][A-Z][A-Za-z.'’]*){0,3}"
# "Hong Kong, 11 September 2023 –", "11 September 2023, Hong Kong –",
# "NEW HARBOUR, Sept. 9, 2024 /PRNewswire/ --"; the dash (or the line's end) closes the dateline.
_DATELINE = re.compile(
    # ("LISBON, Portugal, Oct. 14, 2024": a city and its country)
    # ("(Hong Kong, 14 November 2023) The ...": a dateline in brackets needs no dash after it)
    rf"^(?P<open>\(\s*)?(?:(?P<place>{_PLACE}(?:,\s*{_PLACE}(?=,))?)"
    # ("LAHORE, (UrduPoint / Pakistan Point News - 6th Dec, 2023) The ...": the outlets, then the
    # date, in a bracket after the place)
    rf"(?:,|\s+[-–—]\s+(?P<wire>[A-Za-z ]{{3,40}}?)\s+[-–—]|,?\s*\((?P<wires>[^()\n]{{3,60}}?)\s+[-–—])\s*"
    rf"(?P<date>{FULL_DATE}|{DAY_MONTH})|(?P<date2>{FULL_DATE}),\s*(?P<place2>{_PLACE}))"
    rf"(?(open)\s*\)\s*|(?(wires)\s*\)\s*|\s*\)?\s*))"
    rf"(?:(?:{_DASH}\s*)?\([^)]{{1,40}}\)\s*)?(?:/[^/\n]{{1,40}}/\s*)?"
    rf"(?:{_DASH}\s*|$|(?(open)|(?(wires)|(?!))))")
# "Surakarta (ANTARA News) -", "OSTPORT (Reuters) --": a place and an agency's name in brackets, with
# no date, before the dash.
_AGENCY_DATELINE = re.compile(rf"^(?P<place>{_PLACE})\s+"
                              r"\((?P<agency>[A-Z][A-Za-z.&]*(?: [A-Za-z.&]+){0,3})\)\s*[-–—]{1,2}\s+")
# "PHNOM PENH (Feb 20, 2014): Malaysia and ...": the place, then the day in a bracket, then a colon or
# a dash (the groups that never match stand for those the other datelines have)
_BRACKETED_DATE_DATELINE = re.compile(rf"^(?P<place>{_PLACE})\s+\((?P<date>{FULL_DATE})\)\s*"
                                      r"(?:[-–—]{1,2}|:)\s*(?:(?P<wire>(?!)))?(?:(?P<date2>(?!)))?(?=[A-Z\"“])")
# "Ostport, Aug 3 (PTI) Pine Agency ...": the place, the day, then the agency's letters in a bracket,
# with no dash after it (an Indian wire's style)
# ("Ostport [Ostland], May 18 (ANI/WAM): Ostport and ...": the country in square brackets after the
# place, two agencies, then a colon)
_WIRE_LETTERS_DATELINE = re.compile(rf"^(?P<place>{_PLACE})(?:\s*\[[A-Z][A-Za-z .'’]{{1,40}}\])?,\s*"
                                    rf"(?P<date>{FULL_DATE}|{DAY_MONTH})\s+"
                                    r"\([A-Z]{2,8}(?:/[A-Z]{2,8})?\):?\s+(?:(?P<wire>(?!)))?(?:(?P<date2>(?!)))?(?=[A-Z])")
# "MOSCOW - The ...", "ISLAMABAD: The ...": a place in capitals alone, then a dash or a colon, with no
# date (the agency's style for a dispatch), before the first sentence.
_CAPITALS_DATELINE = re.compile(r"^(?P<place>[A-Z]{3,}(?:[ -][A-Z]{2,}){0,2})\s*(?:[-–—]{1,2}|:)\s*"
                                r"(?=[A-Z\"“])")
# "Ostport - Ostland and Kestria today signed here ...", "Ostport– The ...": a place in small letters
# alone, then a dash with a space on one side at least, with no date (a hyphen inside a name,
# "Jean-Pierre", has none), before the first sentence; only a place's words (no body's kind, no
# title's, no country's: "Ostland - Kestria ..." may be the two sides), and only where the paragraph
# says "here", which needs a dateline to mean anything ("Ostport - Two bodies signed" may be a title's
# end)
_TITLE_PLACE_DATELINE = re.compile(r"^(?P<place>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})"
                                   r"(?:\s+[-–—]{1,2}\s*|[–—]{1,2}\s+)(?=[A-Z\"“])")
# "BEIJING. KAZINFORM Askar Umarov, ...": a place in capitals, a full stop, then the agency's name in
# capitals (an agency's style, where the text writes the name otherwise elsewhere: an acronym
# that opens the first sentence, "BEIJING. CNPC signed ...", is written so everywhere).
_RUN_IN_DATELINE = re.compile(r"^(?P<place>[A-Z]{3,}(?:[ -][A-Z]{2,}){0,2})\.\s+(?P<agency>[A-Z]{4,})"
                              r"(?:\s*[-–—]{1,2})?\s+(?=[A-Z])")
# "SINTOK, Universiti Utara Malaysia (UUM) today signed": a place in capitals and a comma, with no
# date, before a name written in small letters (an agency's style); a place the text writes nowhere
# else in capitals (an acronym that opens the first sentence, "HKMA, the SFC and ...", is its own name
# and comes again).
_CAPITALS_COMMA_DATELINE = re.compile(r"^(?P<place>[A-Z]{4,}(?:[ -][A-Z]{2,}){0,2}),\s+(?=[A-Z][a-z])")
# "新华社北京10月3日电", "中新社澳门3月27日电（记者 龙土有）", "中評社香港1月26日電／據人民網報導"
# (at a paragraph's start, or after a photo's credit: "……（中評社 盧哲攝） 中評社香港9月10日電")
# ("新华社澳门2023年9月8日电": with the year)
# ("福州新闻网8月8日讯": a news site's, with no place, and 讯 for 电; "中國台灣網5月13日台北消息": the
# place after the day, then 消息; "甲新闻网1月16日消息：", with no place)
# ("福建日报6月28日讯", "东南网-福建日报6月28日讯": a paper's, 报, perhaps after the site that carries
# it and a dash)
_ZH_DATELINE = re.compile(r"(?:^|(?<=[\s）)]))(?P<agency>(?:[\u4e00-\u9fff]{1,6}?(?:网|網)\s*[-－—]\s*)?"
                          r"[\u4e00-\u9fff]{1,6}?(?:社|网|網|报|報)\s*)"
                          r"(?P<place>[\u4e00-\u9fff]{2,4}?)?"
                          r"(?P<date>(?:\d{4}年)?\d{1,2}月\d{1,2}日)(?:[电電讯訊]|(?P<place_after>[\u4e00-\u9fff]{2,3}?)?消息)"
                          r"(?:\s*[（(][^）)\n]{0,30}[）)]|／[^\s，。]{0,20})?\s*")
# An outlet's in lenticular brackets, with the year: "【新唐人2012年11月29日訊】"
_ZH_BRACKET_DATELINE = re.compile(r"^【(?P<agency>[^】\d\n]{2,8}?)(?P<date>\d{4}年\d{1,2}月\d{1,2}日)"
                                  r"(?:[訊讯電电]|報導|报导|報道|报道)】\s*")  # (or "report")
# An agency's in round brackets, with its reporter and the year (Taiwan's Central News Agency):
# "（中央社記者林孟汝台北2014年2月9日電）". The reporter's name and the place run together with
# nothing between them, so no place is taken from it.
_ZH_ROUND_DATELINE = re.compile(r"^[（(](?P<agency>[\u4e00-\u9fff]{2,6}?社)"
                                r"(?:記者|记者)?[\u4e00-\u9fff]{0,10}?(?P<date>\d{4}年\d{1,2}月\d{1,2}日)[電电][）)]\s*")
# The agency's press release service, with the day run together and the time: "（中央社訊息服務20250922
# 17:22:22）"
_ZH_SERVICE_DATELINE = re.compile(r"^[（(](?P<agency>[\u4e00-\u9fff]{2,6}?社[\u4e00-\u9fff]{0,6}?)"
                                  r"(?P<year>(?:19|20)\d{2})(?P<month>0[1-9]|1[0-2])(?P<day>0[1-9]|[12]\d|3[01])"
                                  r"\s+\d{1,2}:\d{2}(?::\d{2})?[）)]\s*")
# A newswire's, in Chinese: "香港, 2020年8月14日 - (亚太商讯) -", "香港，2025年3月18日 /美通社/ --"
_ZH_WIRE_DATELINE = re.compile(r"^(?P<place>[\u4e00-\u9fff]{2,4})\s*[,，]\s*"
                               r"(?P<date>\d{4}年\d{1,2}月\d{1,2}日)"
                               r"\s*(?:[-–—]\s*[（(](?P<wire>[^）)\n]{2,12})[）)]\s*[-–—]|"
                               # ("香港，2025年3月18日 /美通社/ -- ": the wire between slashes)
                               r"/(?P<wire2>[^/\n]{2,12})/\s*(?:--|[-–—]))\s*")
# "announced today (5 May 2023)": the release's own day, where no date line gives it
_TODAY_IS = re.compile(rf"\btoday\s*\((?P<date>{FULL_DATE})\)")
_ZH_BYLINE = re.compile(r"【[^】\n]{1,12}】")
_PUBLISHED_LINE = re.compile(
    rf"^(?:Published|Posted|Issued|Release date|Date)(?:\s+(?:on|at))?\s*:?\s*(?P<date>{FULL_DATE})"
    rf"(?:,?\s+{TIME})?\s*$", re.IGNORECASE)
# A line that is a date, with what pages put around it: a label ("News |", "Updated:", "Date"), a
# time, the outlet ("2017-12-15 China Daily", "(Xinhua) 09:37, September 02, 2021", "來源：新華社").
# The outlet in Chinese ("2024-09-20 智通财经网", "香港卫视 2019/11/03 13:27"), a weekday ("2016年3月4日
# 星期五"), an issue ("Nov 01, 2016 Volume 126"); a date written year first with dots, slashes or
# dashes ("2018.07.18", "2019/11/03", "发表于 2018-3-27 18:10:55"), which reads one way only. Perhaps
# after the site's address ("http://www.sina.com.cn　2010年05月11日09:51　中国日报网站").
_DATE_LINE = re.compile(
    rf"^(?:https?://[^\s\u3000]+[\s\u3000]+)?"
    rf"(?:\([A-Za-z ]{{2,30}}\)\s*)?"
    rf"(?:(?P<label>[A-Za-z ]{{1,30}}?|[\u4e00-\u9fff]{{2,8}})"
    rf"\s*[|:：·•–-]?\s*)?"
    rf"(?:{TIME},?\s+)?"
    # ("2024年05月30日10:04 | 來源：人民網": a Chinese date with its time written straight after it, a bar
    # before the outlet)
    rf"(?:(?P<date>{FULL_DATE})|(?P<ymd>\d{{4}}(?P<sep>[./-])\d{{1,2}}(?P=sep)\d{{1,2}})|"
    # ("14.03.2023": day first with dots, only where the day cannot be a month)
    rf"(?P<dmy>(?:1[3-9]|2\d|3[01])\.(?:0?[1-9]|1[0-2])\.\d{{4}}))(?:,?\s+{TIME}|(?<=日){TIME})?\s*"
    rf"(?:[（(]星期.[)）]|星期.)?"
    rf"(?:[\s\u3000]+(?:(?:[|｜]\s*)?(?:来源|來源|Source)\s*[:：]\s*\S.{{0,30}}|(?:Volume|Vol\.|Issue|No\.)\s*\d+|"
    rf"[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){{0,2}}|[\u4e00-\u9fff]{{2,8}}))?$")


# A paper's edition line: "《人民日报》（2023年07月05日 第10版）", the day of the issue, and its page.
_EDITION_LINE = re.compile(r"^《[^》\n]{2,12}》\s*[（(](?P<date>\d{4}年\d{1,2}月\d{1,2}日)\s*"
                           r"第[\d一二三四五六七八九十]{1,3}版[）)]$")


def _line_date(m: re.Match[str]) -> str:
    """The date of a date line, a numeric one as ISO."""
    if m["ymd"]:
        year, month, day = re.split(r"[./-]", m["ymd"])
        return f"{year}-{int(month):02d}-{int(day):02d}"
    if dmy := m.groupdict().get("dmy"):
        day, month, year = dmy.split(".")
        return f"{year}-{int(month):02d}-{int(day):02d}"
    return m["date"]


_ENDS_DATE = re.compile(rf"^Ends\s*/\s*(?P<date>{FULL_DATE})\s*$", re.IGNORECASE)

# Lines that are a site's chrome or a release's boilerplate, never the release's text.
_CHROME = [re.compile(p, re.IGNORECASE) for p in (
    r"(?:press|media|news) releases?|for immediate release|news|nnnn",
    r"categori[sz]ed in:.*", r"tags?:.*", r"filed under:?.*",
    r"learn more about .*", r"keep up with the latest .* by following .*", r"follow us on .*",
    r"share (?:this|on) .*", r"share this:?", r"subscribe to .*", r"read more .*",
    r"get daily .* news", r"your membership also unlocks:?", r"\d[\d,]*\+ .*", r".*\(no ads\)",
    r"personali[sz]ed .* learning plan", r"issued at hkt \d{1,2}:\d{2}",
    rf"(?:published|posted|updated|issued)(?: on| at)?(?::.*|\s+{FULL_DATE})",
    r"[-–—]\s*ends?\s*[-–—]|ends|#{3}", r"ends\s*/.*",
)]
_CHROME_MAX = 150  # chrome is a short line; a longer one is the release's own text
_SOURCE_LINE = re.compile(r"^SOURCE\s+(?P<who>.+)$")  # PR Newswire's last line names the issuer
# After these the rest is adverts, contacts or footers: the release itself is over.
_CUT = re.compile(r"^(?:[-–—]\s*ends?\s*[-–—]|ends|ends\s*/.*|#{3}|[（(]?完[)）]?|get daily .* news|"
                  r"your membership also unlocks:?|(?:for )?media (?:contacts?|enquiries|inquiries):?.*|"
                  r"press contacts?:?.*|forward-looking statements?:?)$", re.IGNORECASE)
_ABOUT = re.compile(r"^About (?:the )?[A-Z][\w&.,' -]{1,80}$")
_KEEP_UP = re.compile(r"keep up with the latest (?P<who>.+?) news by following", re.IGNORECASE)


CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


# A date in Chinese numerals, the year digit by digit ("二〇二四年四月二十四日", "二零零九年四月四日",
# "二0二四年", a zero typed as a digit): written in Arabic numerals, as every reading of dates takes it.
_ZH_DIGIT = {c: n for n, chars in enumerate(("〇零○0", "一", "二", "三", "四", "五", "六", "七", "八", "九"))
             for c in chars}
_ZH_NUMERAL_DATE = re.compile(r"(?P<year>(?=[0-9〇零○一二三四五六七八九]*[〇零○一二三四五六七八九])"
                              r"[0〇零○一二三四五六七八九]{4})年"
                              r"(?P<month>十[一二]?|[一二三四五六七八九])月"
                              r"(?P<day>[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])日")


def _zh_number(numerals: str) -> int:
    """一 to 三十一, with 十 for the tens."""
    tens, ten, ones = numerals.partition("十")
    if not ten:
        return _ZH_DIGIT[numerals]
    return (_ZH_DIGIT[tens] if tens else 1) * 10 + (_ZH_DIGIT[ones] if ones else 0)


def arabic_dates(line: str) -> str:
    """The line with each date in Chinese numerals written in Arabic ones ("2024年4月24日")."""
    return _ZH_NUMERAL_DATE.sub(lambda m: f"{''.join(str(_ZH_DIGIT[c]) for c in m['year'])}年"
                                          f"{_zh_number(m['month'])}月{_zh_number(m['day'])}日", line)


def _plain(line: str) -> str:
    """A line without Markdown markup: headings, emphasis and link targets; without the mark a
    photograph's caption opens with ("▲甲與乙簽署協議"); its dates in Chinese numerals in Arabic ones."""
    line = arabic_dates(line)
    line = re.sub(r"^\s{0,3}#{1,6}\s+", "", line)
    line = re.sub(r"^\s*[▲△▼▽↑]\s*", "", line)
    line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)
    line = re.sub(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1", r"\2", line)
    return line.replace("**", "").strip()


# No text wrapped by hand or by a mail program has lines this long: a line break after (or before)
# one ends a paragraph, as a page pasted without blank lines writes them.
_WRAP_MAX = 100
_SENTENCE_DONE = re.compile(r"(?:(?<=\s)|^)(?P<last>\S+)(?<=[.!?。！？])[\"”’')）」]*$")


def _paragraph_break(previous: str, line: str) -> bool:
    """Whether a single line break ends a paragraph: beside a line no wrapping makes, or after a
    sentence's end (not an abbreviation's: "... signed by Mr." wraps on)."""
    if len(previous.strip()) > _WRAP_MAX or len(line.strip()) > _WRAP_MAX:
        return True
    done = _SENTENCE_DONE.search(previous.strip())
    return bool(done) and done["last"].rstrip(".!?\"”’')）」").casefold() not in ABBREVIATIONS and \
        not re.fullmatch(r"(?:[A-Za-z]\.)+", done["last"])


def _blocks(lines: Sequence[str]) -> list[list[str]]:
    """Paragraphs: runs of non-blank lines, broken where a line break ends one."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in lines:
        if line.strip():
            if current and _paragraph_break(current[-1], line):
                blocks.append(current)
                current = []
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _is_chrome(line: str) -> bool:
    plain = _plain(line).strip(" *")
    return 0 < len(plain) <= _CHROME_MAX and any(p.fullmatch(plain) for p in _CHROME)


def normal(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").split())


@dataclass
class Text:
    """The release cut into its parts: title, body blocks, and the lines left out."""

    title: str | None
    title_block: int | None
    blocks: list[list[str]]  # the body, in Markdown, site chrome removed
    removed: list[str]
    published: list[tuple[str, str]] = field(default_factory=list)  # (phrase, how it was found)
    place: str | None = None
    place_recased: bool = False  # "NEW HARBOUR" written as "New Harbour"
    dateline: str | None = None  # the dateline as written, blanked out of the facts text
    kind_hint: str | None = None
    # A photograph's caption after the end mark ("Mr A (second left) and Mr B sign ... in the
    # presence of ..."): not the body, but it states who signed.
    captions: list[str] = field(default_factory=list)
    publisher_hint: str | None = None


_LINE_BREAKS = re.compile(r"\r\n?|[\x85\u2028\u2029]")
# Control characters, lone surrogates and non-characters: noise from a copy and paste, and YAML
# refuses them in the title.
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufeff\ufffe\uffff]")


def _clean_input(text: str) -> str:
    """One kind of line break, tabs as spaces, and nothing a YAML file cannot hold; and no space
    between Chinese characters, which Chinese never writes ("香 港 律 师 会" as some pages render it)."""
    text = _UNPRINTABLE.sub("", _LINE_BREAKS.sub("\n", text)).replace("\t", " ")
    return _SPACED_CJK.sub("", text) if len(_SPACED_CJK.findall(text)) > 20 else text


# A space between two Chinese characters (or one and a digit or a Chinese mark): a page that spaces
# out every character, where more than a few are so.
_SPACED_CJK = re.compile(r"(?<=[\u4e00-\u9fff]) (?=[\u4e00-\u9fff\d，。、：；（）《》,])|"
                         r"(?<=[\d，。、：；（）《》,]) (?=[\u4e00-\u9fff])")


# Any date with its year, as a page's header or footer writes it: "2019-04-09 18:22:11",
# "October 04, 2022", "2019.04.09", "【2019-04-09】", "2019年4月9日".
_ANY_DATE = re.compile(rf"(?<![\d/.-])(?:(?P<date>{FULL_DATE})|(?P<ymd>\d{{4}}[./]\d{{1,2}}[./]\d{{1,2}}))"
                       r"(?![\d/.-])")
_HEAD_LINES = 8  # how far from the top and the bottom a page's date line may be
# A date the page labels as its publication's ("发布时间：2025-04-10 15:57", "發佈日期: ..."): the
# label says what the date is, however long the rest of its line of source and authors.
_PUBLISHED_WORDS = r"(?:[发發][布佈表稿]|刊[出登]|更新)(?:时间|時間|日期)"
_PUBLISHED_LABEL = re.compile(rf"{_PUBLISHED_WORDS}\s*[：:]\s*$")
# ("發稿日期：104年7月27日": a Taiwanese release's, in the Republic of China's years, labelled)
_ROC_LABELLED = re.compile(rf"{_PUBLISHED_WORDS}\s*[：:]\s*"
                           rf"(?P<date>(?:民國|民国)?1\d{{2}}年\d{{1,2}}月\d{{1,2}}日)")
_META_WORDS = 14  # a line of metadata ("Source: Xinhua | ... | Editor: Liu Wei") is short


def _metadata_date(lines: Sequence[str]) -> tuple[str, str] | None:
    """The date of a page's metadata line when no date line of a known form was found: a short
    line near the top (before the body's first long paragraph) or at the bottom, not a sentence,
    with one date in it, whatever is around it ("Xinhua | Updated: 2019-04-09 18:22:11", "Posted
    on April 9, 2019 by admin", "(People's Daily Online) 10:15, October 04, 2022")."""
    plain = [_plain(line).strip(" *") for line in lines]
    filled = [line for line in plain if line]
    head: list[str] = []
    for line in filled[:_HEAD_LINES]:
        if len(line.split()) > 25 or len(CJK.findall(line)) > 40:
            break  # the body has begun
        head.append(line)
    for line in head + filled[-_HEAD_LINES:][::-1]:
        found = list(_ANY_DATE.finditer(line))
        if not found and (roc := _ROC_LABELLED.search(line)):
            return roc["date"], f"the page's date line '{line}'"
        if len({m.group(0) for m in found}) != 1:
            continue
        rest = _ANY_DATE.sub(" ", line)
        labelled = len(found) == 1 and _PUBLISHED_LABEL.search(line[:found[0].start()])
        # ("The MoU came into effect on 9 May 2016": a term's date, in a sentence without its stop)
        if not labelled and (len(rest.split()) > _META_WORDS or SIGN_VERB.search(line) or
                             re.search(rf"\b{TERM}\s+(?:from|on|until)?\s*$", line[:found[0].start()],
                                       re.IGNORECASE) or
                             len(CJK.findall(rest)) > 20 or re.search(r"[a-z]{2,}\.$", line)):
            continue
        return _line_date(found[0]), f"the page's date line '{line}'"
    return None


# "9 April 2019 – The Harbour ...", "April 9, 2019 /PRNewswire/ -- ...": a dateline without a place.
_DATE_FIRST = re.compile(rf"^(?P<date>{FULL_DATE})\s*(?:/[^/\n]{{1,40}}/\s*)?(?:[–—]|--?)\s+")


def _only_a_place(words: str) -> bool:
    """Words that may be a place's name alone: none of them a body's kind, a title's or a country's."""
    return not names_a_country(words) and not any(
        w.casefold() in ORG_WORDS | TITLE_WORDS | NOT_NAMES or names_a_country(w) for w in words.split())


def cut_text(text: str) -> Text:
    """Find the title, datelines and date lines; drop site chrome and everything after the end mark."""
    lines = [line.rstrip() for line in _clean_input(text).split("\n")]
    cut = Text(title=None, title_block=None, blocks=[], removed=[])
    kept: list[str] = []
    ended = after_end = False
    for line in lines:
        plain = _plain(line).strip(" *")
        if m := _ENDS_DATE.match(plain):
            cut.published.append((m["date"], f"'{plain}'"))
        if m := _PUBLISHED_LINE.match(plain):
            cut.published.append((m["date"], f"'{plain}'"))
            cut.kind_hint = cut.kind_hint or "news"
        if m := _SOURCE_LINE.match(plain):
            cut.publisher_hint = m["who"].strip()
        if m := _KEEP_UP.search(plain):
            cut.publisher_hint = cut.publisher_hint or re.sub(r"^the\s+", "", m["who"].strip())
        if re.fullmatch(r"(?:press|media|news) releases?|for immediate release", plain, re.IGNORECASE):
            cut.kind_hint = "press-release"
        if re.match(r"categori[sz]ed in:", plain, re.IGNORECASE):
            cut.kind_hint = cut.kind_hint or "news"
        if ended:
            if plain and not after_end and (m := _DATE_LINE.fullmatch(plain)):
                cut.published.append((_line_date(m), f"'{plain}'"))  # 完, then 2023年10月13日（星期五）
            after_end = after_end or bool(plain)
            if plain:
                cut.removed.append(plain)
                if len(plain) > _CHROME_MAX and SIGN_VERB.search(plain):
                    cut.captions.append(plain)
            continue
        if plain and _CUT.fullmatch(plain):
            ended = True
            cut.removed.append(plain)
            continue
        if _is_chrome(line):
            cut.removed.append(plain)
            kept.append("")  # the chrome line still separates paragraphs
            continue
        kept.append(line)
    blocks = _blocks(kept)
    # The title is the first paragraph that is not a date line; a news label such as
    # "News | 15 January 2025" is read as the publication date.
    for i, block in enumerate(blocks[:4]):
        rest = []
        for line in block:  # a date line may share a paragraph with the outlet's name
            plain = _plain(line)
            # (not a term's date: "The MoU came into effect on 9 May 2016" is no label and a date)
            if (m := _DATE_LINE.fullmatch(plain)) and not (
                    m["label"] and re.search(rf"\b{TERM}\b", m["label"], re.IGNORECASE)):
                cut.published.append((_line_date(m), f"'{plain}'"))
                if m["label"] and m["label"].strip().casefold() == "news":
                    cut.kind_hint = cut.kind_hint or "news"
            elif m := _EDITION_LINE.fullmatch(plain.strip()):
                cut.published.append((m["date"], f"the edition line '{plain.strip()}'"))
            else:
                rest.append(line)
        blocks[i] = block = rest
        if not block:
            continue
        joined = " ".join(filter(None, (_plain(b).strip() for b in block)))
        if cut.title is not None or not joined:
            continue  # a date line may come after a byline or the outlet's name; markup alone is no headline
        # A headline is short and is not a sentence; a first paragraph that is one is body text.
        if _DATELINE.match(joined) or len(joined) > 250 or \
                joined.rstrip("\"”’'」").endswith((".", ":", "。", "：")):
            break
        cut.title, cut.title_block = joined, i
    body: list[list[str]] = []
    for i, block in enumerate(blocks):
        if not block or i == cut.title_block:
            continue
        joined = " ".join(_plain(b) for b in block)
        if cut.title and normal(joined) == normal(cut.title):
            cut.removed.append(joined)  # the headline repeated by the page
            continue
        body.append(block)
    for block in body[:3]:
        joined = " ".join(_plain(b) for b in block)
        if m := _ZH_WIRE_DATELINE.match(joined):
            cut.place, cut.dateline = m["place"] or m["place_after"], m.group(0)
            cut.published.append((m["date"], f"the dateline '{m.group(0).strip(' -–—')}'"))
            cut.kind_hint = cut.kind_hint or "press-release"  # a newswire carries press releases
            break
        if m := _ZH_SERVICE_DATELINE.match(joined):
            cut.dateline = m.group(0)
            cut.published.append((f"{m['year']}-{m['month']}-{m['day']}",
                                  f"the dateline '{m.group(0).strip()}'"))
            cut.kind_hint = cut.kind_hint or "press-release"
            break
        if (m := _ZH_BRACKET_DATELINE.match(joined)) or (m := _ZH_ROUND_DATELINE.match(joined)):
            cut.dateline = m.group(0)  # (no place: the outlet's name and its day)
            cut.published.append((m["date"], f"the dateline '{m.group(0).strip()}'"))
            cut.kind_hint = cut.kind_hint or "news"
            break
        if m := _ZH_DATELINE.search(joined):
            cut.place, cut.dateline = m["place"] or m["place_after"], m.group(0)
            cut.published.append((m["date"], f"the dateline '{m.group(0).strip()}'"))
            cut.kind_hint = cut.kind_hint or "news"  # an agency's dispatch
            break
        if (m := _DATELINE.match(joined)) or (m := _AGENCY_DATELINE.match(joined)) or \
                (m := _BRACKETED_DATE_DATELINE.match(joined)) or \
                (m := _WIRE_LETTERS_DATELINE.match(joined)) or \
                (m := _CAPITALS_DATELINE.match(joined)) or \
                ((m := _TITLE_PLACE_DATELINE.match(joined)) and _only_a_place(m["place"]) and
                 re.search(r"\bhere\b", joined)) or \
                ((m := _CAPITALS_COMMA_DATELINE.match(joined)) and
                 len(re.findall(rf"\b{m['place']}\b", "\n".join(_plain(line) for line in lines))) == 1) or \
                ((m := _RUN_IN_DATELINE.match(joined)) and
                 re.search(rf"\b{m['agency'][0]}(?i:{m['agency'][1:]})\b(?<!{m['agency']})",
                           "\n".join(_plain(line) for line in lines))):
            place = (m["place"] or m.groupdict().get("place2") or "").strip()
            # (each part on its own: "LISBON, Portugal" is "Lisbon, Portugal")
            parts = [part.title() if part.isupper() and len(part) > 3 else part for part in place.split(", ")]
            cut.place_recased = parts != place.split(", ")
            cut.place = ", ".join(parts)
            if cut.place.casefold() in NEWS_OUTLETS:
                # ("Xinhua, December 7, 2015": the agency that wrote it, and its day; no place)
                cut.place, cut.place_recased = None, False
                cut.publisher_hint = cut.publisher_hint or place
            cut.dateline = m.group(0)
            if "agency" in m.groupdict() or "date" not in m.groupdict():
                break  # (no date: the place alone)
            # "/PRNewswire/", "- Media OutReach Newswire -": a newswire carries press releases.
            if m["wire"] or re.search(r"/[^/]+/|newswire", m.group(0), re.IGNORECASE):
                cut.kind_hint = cut.kind_hint or "press-release"
            cut.published.append((m["date"] or m["date2"], f"the dateline '{m.group(0).strip(' –—-:')}'"))
            break
    if not cut.published and body and (m := _DATE_FIRST.match(" ".join(_plain(b) for b in body[0]))):
        cut.dateline = m.group(0)
        cut.published.append((m["date"], f"the dateline '{m.group(0).strip(' –—-')}'"))
    if not cut.published and (found := _metadata_date(lines)):
        cut.published.append(found)
    if not cut.published and body and (m := _TODAY_IS.search(" ".join(_plain(b) for b in body[0]))):
        cut.published.append((m["date"], f"'{m.group(0)}' in the first paragraph"))
    cut.blocks = body
    return cut


_QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]")


_QUOTED_TITLE = re.compile(r"(?=[A-Z])[^.!?,;:]*?\b(?:Agreement|Arrangement|Memorandum|MoU|MOU|Accord|"
                           r"Protocol|"
                           r"Charter|Framework|Minutes|Letter of Intent)\b[^.!?,;:]*")


# An event's name in quotation marks ("Cyberport Venture Capital Forum 2025"): the release naming it.
_QUOTED_EVENT = re.compile(rf"(?:(?:19|20)\d{{2}}\s+)?(?:[A-Z][\w&’'-]*\s+){{0,8}}{EVENT_WORD}"
                           r"(?:\s+(?:19|20)\d{2})?")


def mask_quotes(text: str) -> str:
    """Blank out quotations of five words or more, keeping offsets: what a person says in a
    quotation is not the release stating a fact ("our strategic cooperation agreement")."""
    def blank(m: re.Match[str]) -> str:
        # An agreement's title in quotation marks ("the "Arrangement for the ... Mechanism"") is
        # the release naming it: capitalised, with an instrument's word, and no sentence in it.
        inner = m.group(0).strip("\"“”")
        if _QUOTED_TITLE.fullmatch(inner) or _QUOTED_EVENT.fullmatch(inner):
            return m.group(0)
        # (a Chinese quotation has no spaces: what someone said, 說：“……。”, with its stops)
        said = re.search(r"(?:說|说|表示|指出|稱|称|強調|强调|致辭時|致辞时)[：:，,]?$",
                         text[max(0, m.start() - 6):m.start()])
        speech = len(m.group(0).split()) >= 5 or (said and re.search(r"[。，！？；]", inner))
        return " " * len(m.group(0)) if speech else m.group(0)
    return _QUOTED.sub(blank, text)


# After . ! ? a space and a capital; after 。！？ nothing more; a blank line always.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”')\]]*\s+(?=[\"“(\[]?[A-Z0-9])|(?<=[。！？])[」”）]*\s*|\n\s*\n")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; paragraphs (blank lines) always end one."""
    spans = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        before = text[start:m.start()].rstrip(".!?\"”')]")
        last = before.rsplit(None, 1)[-1].casefold() if before.split() else ""
        if m.group(0).strip() == "" and "\n\n" not in m.group(0) and (
                last in ABBREVIATIONS or re.fullmatch(r"[a-z](?:\.[a-z])*", last)):  # "Y.C. Wong"
            continue
        if text[start:m.start()].strip():
            spans.append((start, m.start()))
        start = m.end()
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _joined_lines(lines: Sequence[str]) -> str:
    """A block's lines as one text: a line wrapped in English goes on after a space, but a Chinese
    line that ends in no comma before another Chinese line is a line of its own (a headline, an
    editor's line, a caption), and no sentence runs on from it."""
    joined, previous = "", ""
    for line in (_plain(line) for line in lines):
        own = CJK.search(previous) and CJK.search(line) and \
            not re.search(r"[，、,；;：:（(「“]\s*$", previous)
        joined += ("\n\n" if own else " " if joined else "") + line
        previous = line
    return joined


def facts_text(cut: Text) -> str:
    """The headline and the body up to the "About ..." notes on the organisations, with the
    dateline blanked: its date is the publication date, not the signing date."""
    blocks = [cut.title] if cut.title else []
    for block in cut.blocks:
        joined = _joined_lines(block)
        if _ABOUT.fullmatch(joined):
            break
        blocks.append(joined)
    full = ZH_SIGN_VARIANT.sub("簽", "\n\n".join(blocks + cut.captions))  # (one character for one)
    full = ZH_CANTONESE_YESTERDAY.sub("昨", full)
    if cut.dateline:
        full = full.replace(cut.dateline, " " * len(cut.dateline), 1)
    # "【本報訊】", "【明報專訊】": a Chinese paper's byline, no part of the sentence it opens
    return _ZH_BYLINE.sub(lambda m: " " * len(m.group(0)), full)
