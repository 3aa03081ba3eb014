"""The place of signing: where a signing sentence, the signing ceremony or the meeting the agreement
was signed at is said to have been. A dateline alone never says it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..vocabularies import Vocabularies
from .chinese import names_a_person
from .dates import MONTH, WEEKDAY, ZH_CANDIDATE
from .draft import Note
from .events import event_sentences
from .lexicon import (
    COUNTRIES,
    EVENT_WORD,
    HONORIFIC_PERSON,
    INSTRUMENT_KINDS,
    MORE_INSTRUMENT_KINDS,
    ORG_WORDS,
    PLACE_KIND_WORDS,
    PLACE_WORDS,
    RENEWED,
    SIGN_VERB,
    TITLE_WORD,
    VENUE_WORD,
    ZH_EVENT_WORD,
    ZH_INSTRUMENT_WORD,
    ZH_SIGN,
    ZH_SIGN_WORD,
    ZH_WHEN,
    names_a_country,
)
from .zh_names import city_of

# "signed ... in Sao Paulo", "signed at the Great Hall of the People"; "在紐約聯合國總部舉行", "在香港館，與".
_PLACE_AFTER = re.compile(
    rf"\b(?:in|at)\s+(?P<place>(?:the\s+)?(?!{MONTH}\b)"
    r"(?!(?:Chinese|English|Portuguese|Cantonese|Putonghua|Mandarin)\b)"  # "available in Chinese"
    # ("at HKU iCube": a word in camel case after the first, "iCube", "eHub")
    rf"[A-Z][\w'’.-]*(?:\s+(?:(?:of|on|for)\s+(?:the\s+)?)?(?!(?:{MONTH}|{WEEKDAY})\b)"
    rf"(?:[A-Z]|[a-z]{{1,2}}(?-i:[A-Z]))[\w'’.-]*){{0,6}})")
# 在北京訪問期間，與: the place, then when; 在北京共同見證: witnessed there; 在洽談會上 and 在會後 name an
# occasion or a time, not a place.
# 假 is a formal 在 ("儀式假X舉行"); a meeting is held (舉行), convened (召開) or co-hosted (合辦) there.
# ("在台北甲飯店辦理簽署儀式": a ceremony is conducted, 辦理, there too; not 辦理手續, formalities)
_ZH_HELD = (r"(?:聯合|联合|共同|隆重|正式|成功)?(?:舉行|举行|召開|召开|合辦|合办|舉辦|举办|"
            r"(?:辦理|办理)(?=[^，。]{0,8}?(?:儀式|仪式|典禮|典礼)))")
# (於 is the written 在: "由A與B於東莞市行政辦事中心正式簽訂"; not in 關於, 由於, 對於 ..., nor a title's
# words in 《》)
_ZH_PLACE = re.compile(r"(?:[在假]|(?<![關关對对由至基鑒鉴屬属等終终善敢樂乐易過过免出])[於于])"
                       # ("於2022年3月23日遠赴A大學，與": when, and gone there, before the place)
                       r"(?:(?:\d{2,4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:遠赴|远赴|前往|飛抵|飞抵|抵達|抵达|赴))?"
                       # (a comma typed as in English ends it too: "在江苏访问时,双方")
                       r"(?P<place>[^，,。、；：在的於于《》“”「」]{2,30}?(?:的[^，,。、；：在的《》“”「」]{2,12}?)?)"
                       r"(?P<when>訪問期間|访问期间|訪問|访问|期間|期间|上|後|后)?"
                       # ("在A總部會談並簽訂": they met there, and signed)
                       r"(?:(?:會談|会谈|會晤|会晤|座談|座谈)(?:並|并|後|后)?)?"
                       # ("在X分別代表兩國政府簽署": where, then on whose behalf)
                       # (not "在駐日代表A見證下簽訂": a witness, whose title holds 代表)
                       r"(?:(?:分別|分别|共同)?代表(?:(?!見證|见证)[^，。在]){2,12}?(?=簽|签))?"
                       # ("在會上還簽署": also, after where or when)
                       r"(?:還|还|也|亦|又|再|均|都)?"
                       # ("在A女士見證下": in A's presence, a person and no place)
                       # ("在項目簽約環節": at the signing session, a noun and no place)
                       # ("在華府完成簽署", "在成都分別簽署": how they signed there, no part of the place;
                       # "在甲會議室聯合簽署", jointly; "在南寧同時簽署", at the same time)
                       rf"(?:(?P<held>{_ZH_HELD})|(?:正式|共同|完成|分別|分别|順利|顺利|聯合|联合|同時|同时)?"
                       rf"{ZH_SIGN}"
                       r"(?!環節|环节|儀式|仪式|典禮|典礼)|"
                       rf"，與|，与|(?:共同)?(?:見證|见证)(?!下))")
# After "在X舉行" or "X合辦Y洽談會": the agreement signed at that meeting ("在會上簽署", "在洽談會上簽署")
# or at the event held there ("在X舉行的交流會上，A與B簽署").
_ZH_AT_MEETING = re.compile(rf"^的[^，。]{{1,15}}上[^。]*?{ZH_SIGN}|"
                            rf"^[^。]*?[在於于][^，。在]{{0,12}}[會会]上[^，。]{{0,30}}?{ZH_SIGN}")
# "當天在南京，A參觀了...並見證...簽署": a place that opens the sentence is where it all happened.
_ZH_OPENING = re.compile(r"^(?:當天|当天|當日|当日|今天|今日|昨天|昨日|同日|隨後|随后)?"
                         r"在(?P<place>[^，。、；：在的與与和及\s]{2,8})，")
# ("於會面期間簽署": during the meeting; 會面, 會談, 會晤 and 會見 are meetings too)
_ZH_OCCASION = re.compile(r"(?:會|会|議|议|式|典禮|典礼|論壇|论坛|活動|活动|峰會|峰会|"
                          r"會面|会面|會談|会谈|會晤|会晤|會見|会见|"
                          r"博覽會|博览会|展覽|展览|訪問|访问|節|节)$")
# "會上", "儀式上": at the meeting or the ceremony the sentence before spoke of.
_ZH_AT_IT = re.compile(r"^(?:在|於|于)?(?:[會会]上|[會会]議上|会议上|儀式上|仪式上|典禮上|典礼上|"
                       r"活動上|活动上|論壇上|论坛上|會面後|会面后|會談後|会谈后|會見後|会见后)")
_ZH_MET_AT = re.compile(r"在(?P<place>[^，,。、；：在的於于與与\s]{2,10}?)[與与][^，。；]{2,40}?"
                        r"(?:會面|会面|會談|会谈|會見|会见)(?=[。；，]|$)")
# "在蒙古國烏蘭巴托市同B簽署": the place, then with whom (同) they signed there.
_ZH_AT_WITH = re.compile(rf"在(?P<place>[^，,。、；：在的於于與与同\s]{{2,12}}?)同"
                         rf"[^，。；]{{2,40}}?{ZH_SIGN}")
_ZH_HELD_AT = re.compile(rf"[在於于假](?P<place>[^，,。、；：在的於于\s]{{2,20}}?){_ZH_HELD}")


def _held_before(facts: str, spans: Sequence[tuple[int, int]], start: int) -> tuple[str, str] | None:
    """Where the sentence just before the one at `start` says its meeting or ceremony was held,
    where it names one place for it: "交流會昨日於浙江旅遊職業學院舉行" gives 浙江旅遊職業學院."""
    before = [facts[a:b] for a, b in spans if b <= start]
    if not before:
        return None
    places = [m for m in _ZH_HELD_AT.finditer(before[-1])
              if not ZH_CANDIDATE.fullmatch(m["place"]) and not _ZH_AT_CEREMONY.search(m["place"])]
    # ("A今日在南寧與B會面。會面後，……": where the two met, a city by the tagger)
    places += [m for m in _ZH_MET_AT.finditer(before[-1]) if city_of(m["place"])]
    return (places[0]["place"], places[0].group(0)) if len(places) == 1 else None


# "在簽署儀式上": at the ceremony, an occasion and no place; "在項目簽約環節" (at that stage) and
# "在簽約現場" (on the spot) name none either.
_ZH_AT_CEREMONY = re.compile(r"(?:儀式|仪式|典禮|典礼|環節|环节|現場|现场)上?$")
_ZH_DURING = re.compile(r"(?:期間|期间|之際|之际|時|时|前|後|后)$")
# 在會後簽署: after the meeting; 在簽約儀式前召開的座談會上: before the ceremony, a time.
_ZH_TIME = re.compile(r"(?:[會会]|[會会]議|会议|儀式|仪式|典禮|典礼)(?:之)?(?:後|后|上|前|間|间)$|"
                      # ("在先期簽署的協議的基礎上": earlier, a time)
                      # ("在之後舉行的簽約儀式上": afterwards, a time)
                      r"^(?:先期|前期|此前|之前|早前|日前|近日|同期|事先|預先|预先|"
                      r"之後|之后|此後|此后|其後|其后|隨後|随后|稍後|稍后|事後|事后)$")
# "在各方的支持下", "在適當的條件下考慮簽署": in what circumstances, no place.
# The bodies that hold an event, not the places it is held at ("在金管局舉辦的活動上"): a bureau, a
# ministry, an association, a company (a centre, a hall or a university may be a venue).
_ZH_HOST = re.compile(r"(?:局|(?<![總总])部|署|委員會|委员会|協會|协会|商會|商会|公司|集團|集团|銀行|银行|"
                      r"政府|辦公室|办公室|促進會|促进会)$")
_ZH_CIRCUMSTANCE = re.compile(r"的[^的]{1,8}下[\u4e00-\u9fff]{0,2}$")
# Words after which an "in ..." no longer says where the signing was: a purpose, or another verb.
# (a verb's forms only: "an investment promotion agreement in Tashkent" names what it is, and "a
# protocol to their agreement in Kuala Lumpur" what it is to; neither is a purpose)
_PURPOSE = re.compile(r"\bto\s+(?!(?:the|a|an|their|its|his|her|our|this|that|these|those)\b)[a-z]|"
                      r"\b(?:aimed|aiming|covering|promot(?:e|es|ed|ing)|enhanc(?:e|es|ed|ing)|"
                      r"strengthen(?:s|ed|ing)?|deepen(?:s|ed|ing)?|marks?|will|is|are|was|were)\b|"
                      # "with X, a leader in Big Data", "X, which ranks first in Asia": about X
                      r",\s+(?:a|an|one|which|who|whose|its)\b|"
                      # "by signing an MoU with X and marking the anniversary of its office in Y", "signed
                      # an MoU with X and launched a fund in Y": a second doing, which the place is of
                      # (not "signing and exchanging the MoU in Y")
                      r"\band\s+(?!exchang)(?:[a-z]{3,}ing|[a-z]{3,}ed\s+(?:the|a|an|its|their))\b")
# ("witnessed the signing of the MoU by A and B in Dubai today": the signing, named by its noun)
# A bracket that gives the time at another place: "(Thursday morning in Manila)", "(3 am in Ostport)".
_TIME_ELSEWHERE = re.compile(rf"\((?:{WEEKDAY}|\d{{1,2}}(?:[.:]\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.))"
                             r"[^()]{0,30}?\s(?:in|at)\s[A-Z][^()]{0,40}\)", re.IGNORECASE)
# ("Ostland President Witnesses Signing of Three MoUs in Ostport": a headline in title case)
_SIGNED_WORD = re.compile(rf"\b(?:signed|signs?|inked|concluded|entered into|{RENEWED}|(?i:signing)\s+of|"
                          r"signing(?=\s+(?:the|a|an)\s+(?!ceremony\b))|"
                          # ("A and B attended the signing in Ostport": who were there, and where it was)
                          r"(?<=attended\s)the\s+signing(?=\s+(?:in|at)\s))\b")
# What an "in"/"at" after the verb may follow and still say where the signing was: the verb, the
# instrument, an event, a time ("signed the MoU in Beijing", "signed today at the ceremony in X").
# After a name ("with Ostland City in Kestria") or another noun ("with a university in X"), it
# says where that is.
_BEFORE_PLACE = re.compile(
    rf"(?:\b(?:signed|signs?|signing|inked|concluded|here|there|today|yesterday|jointly|also|officially|formally|"
    rf"{INSTRUMENT_KINDS}|{MORE_INSTRUMENT_KINDS}|documents?|"
    rf"understanding|co-?operation|intent|ceremony|event|forum|meeting|summit|conference|visit|"
    rf"exhibition|expo|fair|sidelines|morning|afternoon|evening|week|month|year|"
    # (or after a bracket, or a quoted title's closing mark: "signed the "X Agreement" at Y")
    rf"{MONTH}|{WEEKDAY}|\d+(?:st|nd|rd|th)?)|[)\"”]),?\s*$|"
    # after an event's name: "at the 6th Ministerial Conference of the Forum ... in Macao"
    # ("at a conference on business opportunities in Hong Kong": where the subject is, no place of it)
    rf"\bat\s+(?:the\s+)?[^,;]*?\b{EVENT_WORD}\b(?![^,;]*\bon\s+(?-i:[a-z]))[^,;]*$", re.IGNORECASE)
# The day after a place that ends a signing clause: "in Beijing today (June 15).", "in X on Monday."
# ("in Ostport here today": "here" says it again)
_WHEN_AFTER = (rf"(?:(?:here\s+)?(?:today|yesterday)(?:\s*\([^()]{{1,30}}\))?|"
               rf"on\s+(?:{WEEKDAY}|{MONTH}|\d)[^.;,]*)")
# (never a day's words: "in Shanghai on Monday" is Shanghai)
_NAME = (rf"(?:the\s+)?(?P<place>[A-Z][\w'’.-]*(?:\s+(?:(?:of|on|for)\s+(?:the\s+)?)?"
         rf"(?!(?:{MONTH}|{WEEKDAY})\b)[A-Z][\w'’.-]*){{0,6}})")
# A name after a comma, which may be the country a place is in ("in Ostport, Kestria on 11th December")
_COUNTRY_AFTER = re.compile(r",\s+(?P<country>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})(?=[\s.;,]|$)")
# Words a full stop shortens inside a sentence: "Kestrel Holding Corp.", "Mr. A"
_ABBREVIATION = r"(?:Corp|Co|Ltd|Inc|Bhd|Pte|Plc|Mr|Mrs|Ms|Dr|Prof|St)"
# A venue's name goes on through "and" ("VTC Innovation and Technology Co-creation Centre").
_VENUE = (rf"(?:the\s+)?(?P<place>(?!(?:{MONTH}|{WEEKDAY})\b)[A-Z][\w'’.-]*"
          rf"(?:\s+(?:(?:of|on|for|and|&)\s+(?:the\s+)?)?(?!(?:{MONTH}|{WEEKDAY})\b)[A-Z][\w'’.-]*){{0,8}})")
_VENUE_AT = re.compile(_VENUE)
# A body's premises after its name ("the IA's office", "PolyU's campus").
_PREMISES_WORDS = r"(?:headquarters|head\s+office|offices?|premises|campus)"
# After a venue: "on the HKBU campus"; a body's premises by its possessive, "at the IA's office".
_TAIL = rf"(?P<tail>\s+campus|(?<=['’]s)\s+{_PREMISES_WORDS})?"
# A sentence about the signing ceremony and where it was held: "The signing ceremony took place
# at PolyU", "The MoU signing ceremony was held yesterday at X", "Held at X, the signing ceremony",
# "At a signing ceremony on the HKBU campus, ...", "At the signing ceremony in Beijing, ...".
_CEREMONY_PLACE = (
    # "The signing ceremony for an agreement between A and B took place at X" (no sentence between)
    # ("... among A, B and Kestrel Holding Corp. took place at X": an abbreviation's full stop ends
    # no sentence)
    re.compile(rf"\bsigning\s+(?:ceremony|ceremonies)\b(?:[^.;]|\b{_ABBREVIATION}\.){{0,200}}?"
               rf"\b(?:was|were)?\s*(?:held|took\s+place|hosted)\b"
               rf"[^,;.]{{0,40}}?\b(?:at|in|on)\s+{_VENUE}{_TAIL}"),
    re.compile(rf"^(?:Held|Hosted)\s+(?:at|in)\s+{_VENUE}{_TAIL},\s+the\s+signing\s+ceremony\b"),
    # "a ceremony marking the signing of the MOU and the Exchange Agreement was held at X": the
    # ceremony, by what it marks
    re.compile(rf"\bceremony\s+(?:marking|to\s+mark|celebrating|to\s+celebrate)\s+the\s+signing\s+of\b"
               rf"(?:[^.;]|\b{_ABBREVIATION}\.){{0,200}}?\b(?:was|were)\s+held\s+(?:at|in)\s+{_VENUE}{_TAIL}"),
    # "Signing the agreement in Ostport, Tom Wu said ...": the participle that opens the sentence, then
    # where
    re.compile(rf"^(?:Signing|Inking)\s+(?:the|an?)\s+(?:[\w-]+\s+){{0,3}}?"
               rf"(?i:{INSTRUMENT_KINDS}|accords?|pacts?)\s+(?:at|in)\s+{_VENUE}{_TAIL},"),
    # "Officials of X attended the signing ceremony in Vientiane.": the ceremony, where it was
    re.compile(rf"\b(?:attended|witnessed|joined|hosted)\s+(?:a|the)\s+signing\s+ceremony\s+(?:held\s+)?"
               rf"(?:at|in)\s+{_VENUE}{_TAIL}(?=\s*(?:{_WHEN_AFTER}\s*)?(?:[.;]|$))"),
    # "The signing ceremony was witnessed by Premier A and the visiting Vice Premier B in Ostport on
    # Monday": the witnesses, then where and when (the day after the place says it is the signing's,
    # not where a witness's title is of: "by the Consul General in Ostport, Tom Wu")
    # ("The signing of the agreement was supervised by A, and witnessed by B and C at the Pine House
    # on Wednesday in Ostport": the witnesses after another clause)
    re.compile(rf"^The\s+signing\b(?:[^.;]|\b{_ABBREVIATION}\.){{0,250}}?\bwitnessed\s+by\s+"
               rf"(?:[^.;,]|\b{_ABBREVIATION}\.){{3,200}}?\s+(?:in|at)\s+{_VENUE}{_TAIL}"
               rf"(?=\s+{_WHEN_AFTER}\s*(?:[.;]|$))"),
    # ("Signed at Pine University's Council Chambers by A and B, the MoU confirms ...": the participle
    # that opens the sentence, then where)
    re.compile(rf"^(?:Signed|Inked)\s+(?:at|in)\s+{_VENUE}{_TAIL}\s+(?:by|on|today|yesterday)\b"),
    # "The signing ceremony in Zibo was witnessed by ..."
    re.compile(rf"^The\s+signing(?:\s+ceremony)?\s+(?:held\s+)?(?:at|in)\s+{_VENUE}{_TAIL}"
               r"\s+(?:was|were|took|saw|is)\b"),
    # "The signing took place in Ostport on the sidelines of ..."
    # ("The MoU signing - which took place at the Pine Ministry - was attended by": the instrument's
    # word before it, and the place in a clause of its own between dashes or commas)
    # ("The signing of the MOU took place on the campus of the Pine University": what was signed,
    # then the campus whose it is)
    re.compile(rf"^The\s+(?:(?i:{INSTRUMENT_KINDS})\s+)?signing\s+"
               rf"(?:of\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,4}}?(?i:{INSTRUMENT_KINDS})\s+)?"
               rf"(?:[-–—,]\s*which\s+)?(?:took\s+place|was\s+held)\s+(?:at|in|on\s+the\s+campus\s+of)\s+"
               rf"{_VENUE}{_TAIL}"),
    # ("On the morning of July 4, at the Pine Hotel, A and B held a formal signing ceremony for the
    # agreement": the venue that opens the sentence, then who held the signing there)
    re.compile(rf"^(?:On\s+[^,.;]{{1,40}},\s+[Aa]|A)t\s+{_VENUE}{_TAIL},\s+[^.;]{{0,150}}?\bheld\s+(?:a|an|the)\s+"
               r"(?:[\w-]+\s+){0,3}?signing\s+ceremony\b"),
    # ("At a ceremony held in Chengdu today (June 27), A and B signed": a ceremony the sentence's
    # signing was at, and the day after its place)
    re.compile(rf"^At\s+(?:a|the)\s+signing\s+ceremony\s+(?:held\s+)?(?:at|in|on)\s+{_VENUE}"
               rf"{_TAIL},"),
    re.compile(rf"^At\s+(?:a|the)\s+(?:ceremony|event|function)\s+held\s+(?:at|in|on)\s+{_VENUE}"
               rf"{_TAIL}(?:\s+{_WHEN_AFTER})?,(?=[^.]*\b(?:signed|inked)\b)"),
    # "On the same day in Beijing, a memorandum was signed": a place that opens a signing sentence
    # ("At the central-local cooperation meeting in Xiamen City on August 12, A signed": the day
    # after the place)
    re.compile(rf"^(?:On|During|At)\s+[^,]{{0,60}}?\bin\s+{_NAME}(?:\s+(?:on\s+[^,]{{1,30}}|today|yesterday))?,"
               r"(?=[^.]*\b(?:signed|inked)\b)"),
    # "In Lisbon on Thursday, A and B signed": the place, then perhaps the day, opens the sentence
    re.compile(rf"^In\s+(?!(?:{MONTH}|{WEEKDAY})\b)(?P<place>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){{0,3}})(?:\s+(?:on\s+[^,]{{1,30}}|today|yesterday))?,"
               r"(?=[^.]*\b(?:signed|inked)\b)"),
    # "During his visit to Lisbon, A signed", "signed ... during a trade mission to Jakarta.": where
    # the signers had travelled to, as "前往里斯本……簽署" says (not a region "the" opens: "during the
    # visit to the Middle East")
    # ("In May, during a delegation to Kestria, we signed": a delegation's trip, after when)
    re.compile(rf"^(?:In\s+{MONTH}(?:\s+\d{{4}})?,\s+d|D)uring\s+(?:a|an|the|his|her|their|its|our|"
               rf"[A-Z][\w'’-]*['’]s)\s+(?:[\w-]+\s+){{0,2}}?"
               rf"(?:visit|trip|mission|tour|delegation)\s+to\s+(?!the\s){_NAME},(?=[^.]*\b(?:signed|inked)\b)"),
    # ("signed ... as part of the Kestrian President's state visit to Ostport.")
    # ("signed ... during Kestria Sultan Omar bin Zayed's ongoing visit to Ostland": a title and a
    # name of up to five words before the possessive)
    re.compile(rf"\b(?:signed|inked)\b[^.;]{{0,120}}?\b(?:during|as\s+part\s+of)\s+(?:a|an|the|his|her|their|its|"
               rf"[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|bin|bint|ibn|al)){{0,5}}['’]s)\s+(?:[\w-]+\s+){{0,2}}?"
               rf"(?:(?-i:[A-Z])[\w-]*['’]s\s+(?:[\w-]+\s+)?)?(?:visit|trip|mission|tour)\s+"
               # (", the Pine agency reported": who says so, after the place)
               rf"to\s+(?!the\s){_NAME}(?=\s*(?:[.;]|$|,\s+[^,.;]{{0,60}}?\b(?:reported|said|reports|says)\b))"),
    # "On the sidelines of the Belt and Road Summit in Hong Kong, the two sides signed"
    re.compile(rf"^(?:On|At)\s+the\s+sidelines\s+of\s+[^,]{{3,80}}?\s+in\s+{_NAME},"
               r"(?=[^.]*\b(?:signed|inked)\b)"),
    # "A and B on Friday held a summit meeting in the Chinese city of Hangzhou, during which they
    # signed an agreement": the meeting the signing was during, where it was held
    re.compile(rf"\bheld\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}?(?:meeting|talks|summit|conference)\s+in\s+"
               rf"(?:the\s+(?:[A-Z][\w'’-]*\s+)?(?:city|capital|province)\s+of\s+)?{_NAME},\s+"
               rf"(?:during|at|after)\s+which\s+(?:they|the\s+two\s+sides)\s+(?:also\s+|jointly\s+)?(?:signed|inked)\b"),
    # "A and B held a signing ceremony in Zhuhai, at which they signed"
    re.compile(rf"\bheld\s+(?:a|the|an)\s+(?:[\w-]+\s+){{0,3}}?signing\s+ceremony\s+(?:at|in)\s+{_VENUE}"
               rf"{_TAIL}"),
    # "signed the agreement at an event held in the Nanyi High-tech Zone"
    re.compile(rf"\b(?:signed|inked)\b[^.;]{{0,80}}?\bat\s+(?:an?|the)\s+(?:event|ceremony|signing\s+ceremony|"
               rf"meeting|function)\s+held\s+(?:at|in)\s+{_VENUE}{_TAIL}"),
    # "signed the agreement in the conference room of Pine government": a room of a body's, by its
    # kind ("conference room", "meeting hall") and whose it is
    re.compile(r"\b(?:signed|inked)\b[^.;]{0,120}?\b(?:in|at)\s+the\s+(?P<place>(?:conference|meeting|board|"
               r"reception|signing)\s+(?:room|hall)\s+of\s+(?:the\s+)?[A-Z][\w'’-]*"
               r"(?:\s+(?:[A-Z][\w'’-]*|(?:municipal\s+|district\s+|city\s+)?government\b))*)"),
    # "signed ... on the sidelines of the X programme's ceremony, organised by the ministry at the
    # Pine Hotel, Ostport": the event the signing was at, where its organiser held it
    re.compile(rf"\b(?:signed|inked)\b[^;]{{0,300}}?,\s+(?:organi[sz]ed|hosted)\s+by\s+(?:the\s+)?"
               rf"[^,;.]{{1,60}}?\s+at\s+{_VENUE}{_TAIL}"),
    # "signed an MoU on the PolyU campus"
    re.compile(r"\b(?:signed|inked)\b[^.;]{0,80}?\bon\s+the\s+(?P<place>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)"
               r"(?P<tail>\s+campus)\b"),
)


# "... with the signing of 14 MoUs at an event ... . The ceremony, which took place at 5.45pm local time
# in the North Hall of X, covered ...": the sentence right after a signing sentence, about its ceremony
# and where it took place (after the hour, or the day).
_CEREMONY_NEXT = re.compile(
    # ("The ceremony, which was also witnessed by A, took place at X": a clause between)
    rf"^The\s+(?:signing\s+)?ceremony,?\s+(?:which\s+(?:(?:was|were)\s+(?:also\s+)?(?:witnessed|attended)\s+by\s+"
    rf"(?:[^.;]|\b{_ABBREVIATION}\.){{3,200}}?,\s+)?)?(?:took\s+place|was\s+held)\s+"
    rf"(?:at\s+\d{{1,2}}(?:[.:]\d{{2}})?\s*[ap]\.?m\.?(?:\s+local\s+time)?\s+|"
    rf"on\s+(?:{WEEKDAY}|{MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{MONTH})\s+|today\s+|yesterday\s+)?"
    rf"(?:at|in)\s+{_VENUE}{_TAIL}")


# "The documents were exchanged at the Pine Complex here on Wednesday": where the signed documents
# changed hands, in a sentence of its own.
_EXCHANGED_AT = re.compile(rf"\b(?:documents|agreements|instruments|memoranda|MoUs|MOUs)\s+(?:were|was)\s+"
                           rf"exchanged\s+(?:at|in)\s+{_VENUE}")


# "signed ... here on Tuesday" under "BEIJING, Oct. 3 (Xinhua) --", "3日在此間簽署" under
# "新華社澳門5月3日電": where the dateline's city is.
# ("signed by ... Prof. Dr. Khalid Mahmood at the vice chancellor's office here": an honorific's full
# stop ends no clause; "The signing ceremony was witnessed by A and B at Perdana Putra here")
_HERE = re.compile(r"\b(?:signed|inked|signs?|signing\s+ceremon(?:y|ies))\b"
                   r"(?:[^.;]|\b(?:Mr|Mrs|Ms|Dr|Prof|Md|Mohd|St)\.){0,160}?"
                   r"\bhere\b(?!\s+(?:is|are|by|to)\b)|"
                   rf"[在於于]此[間间](?:{ZH_SIGN}|{_ZH_HELD}|(?:正式|共同){ZH_SIGN})")

# "help carry out the Strategic Plan for Trade signed at the Ministerial Conference": where another
# instrument, by its name, that this one carries out was signed.
_ANOTHER_SIGNED = re.compile(r"\b(?:carry(?:ing)?\s+out|implement(?:s|ed|ing)?|under|"
                             r"(?:spirit|implementation|basis)\s+of)\s+the\s+"
                             r"(?:[A-Z][\w'’&-]*\s+|(?:for|of|on|and|in|the)\s+){1,12}?"
                             r"(?:signed|concluded|reached)\s+$")

_TOLD_HERE = re.compile(r"\b(?:according\s+to|said|says|stated|reported|announced|issued)\b"
                        r"[^,;]{0,40}\bhere$")

# A field of activity, no place: "in the Railway Sector", "in the Energy Industry".
_FIELD_OF_ACTIVITY = re.compile(r"\b(?:Sectors?|Fields?|Industry|Industries|Domains?)$")
# What co-operation is in, no place: "in Wine-Related Businesses", "in Financial Services".
_MATTER = re.compile(r"\b(?:Businesses|Services|Products|Technologies|Activities|Matters|Exchanges)$|"
                     r"-[Rr]elated\b")
# A body's premises after its name's possessive: "the Airport Authority's headquarters".
_PREMISES = re.compile(rf"\s+{_PREMISES_WORDS}\b")


# "at the Kerry Hotel in Hung Hom": a venue, then the place it is in, where the clause ends (perhaps
# with the day).
_IN_AND_ENDS = re.compile(rf"\s+in\s+{_NAME}")


# A body's premises in small letters, then the town they are in: "main building in Ostville"
_SITE_IN = re.compile(r"\s+(?:(?:main|new|old|head|administrative|central)\s+)?"
                      r"(?:building|office|offices|headquarters|hall|auditorium|campus|complex|compound)\s+"
                      r"in\s+(?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*){0,2}(?:,\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)?")


# A room of a body, in small letters after its name, then the clause's end, the town, or "in the city"
_ROOM = re.compile(rf"(?P<room>\s+(?:conference|meeting|board|seminar|committee|banquet|function)\s+"
                   rf"(?:room|hall))(?=\s+in\s+the\s+city\b|\s+in\s+[A-Z]|\s*(?:{_WHEN_AFTER}\s*)?(?:[.;,]|$))")


def _venue_within(place: str, sentence: str, end: int) -> bool:
    """Whether the venue `place` (ending at `end`) is followed by the place it is in, which ends
    the clause: the venue is then whole, not cut short."""
    # ("Center of Peking University": a venue of a body; "MPC's headquarters": a body's premises)
    if not re.search(rf"\b{VENUE_WORD}\b", place) and not _PREMISES.search(f" {place.split()[-1]}"):
        return False
    there = _IN_AND_ENDS.match(sentence, end)
    if there is None:
        return False
    town = there["place"].rstrip(".,")
    after = there.start("place") + len(town)
    return bool(re.match(rf"\s*(?:{_WHEN_AFTER}\s*)?(?:[.;,]|$)", sentence[after:]))


_EVENT_NAME = re.compile(rf"\b{EVENT_WORD}$")
# An occasion by its name, in either language ("the Ministerial Roundtable", "雙城論壇").
_OCCASION = re.compile(rf"{_EVENT_NAME.pattern}|{ZH_EVENT_WORD}$")
# What no place's name holds: the signing's or witnessing's words, or "the scene" ("在現場見證簽約一刻":
# at the scene, witnessing the moment of signing); nor is "at the meeting" (會中) one, nor a form
# ("以綫上形式": online).
_DOINGS = re.compile(rf"{ZH_SIGN_WORD}|見證|见证|現場|现场|^(?:會|会)中$|形式$")


def signing_place(facts: str, spans: Sequence[tuple[int, int]], own: Sequence[tuple[int, int]],
                  notes: list[Note], vocab: Vocabularies | None = None,
                  here: str | None = None) -> tuple[str | None, str | None]:
    """Where the agreement was signed, where a signing sentence says it after its verb, and the
    words it was read from; none where the sentences name different places. `here`: the
    dateline's place, where "signed here" was signed."""
    found: dict[str, str] = {}
    for start, end in own:
        sentence = facts[start:end]
        # ("signed between Pine University (PU) here and B": where the body is, after its name in a
        # list, not where the signing was)
        m = _HERE.search(sentence) if here else None
        # ("signed an MoU with B at Ostville, according to a statement issued here": where the
        # telling was, at the dateline's town, not the signing)
        if m and _TOLD_HERE.search(m.group(0)):
            m = None
        if m and re.search(r"(?:\b[A-Z][\w'’.&-]*|\))\s+here$", sentence[:m.end()]) and \
                re.match(r"\s+and\s+(?:the\s+)?[A-Z]", sentence[m.end():]):
            m = None
        # ("signed the MoU for Ostland with his counterpart B, for Kestria, at Pine Putra, here": the
        # venue between "at" and ", here" is where in the dateline's town it was signed)
        venue = re.search(rf"\bat\s+{_VENUE},\s+here$", sentence[:m.end()]) if here and m else None
        if venue and not HONORIFIC_PERSON.match(venue["place"]) and not re.search(r"['’]s$", venue["place"]):
            found.setdefault(venue["place"], " ".join(m.group(0).split()))
        elif here and m:
            found.setdefault(here, " ".join(m.group(0).split()))
        verb = _SIGNED_WORD.search(sentence)
        if verb:
            quoted = [q.span() for q in re.finditer(r"[“\"][^”\"]*[”\"]", sentence)]
            # ("signed on Wednesday evening here (Thursday morning in Manila)": the time it was at
            # another place, in a bracket)
            elsewhere = [b.span() for b in _TIME_ELSEWHERE.finditer(sentence)]
            for m in _PLACE_AFTER.finditer(sentence, verb.end()):
                if any(a < m.start() < b for a, b in quoted):
                    continue  # "the "Memorandum on Cooperation in the Bay Area"": a title's words
                if any(a < m.start() < b for a, b in elsewhere):
                    continue
                if _ANOTHER_SIGNED.search(sentence[:m.start()]):
                    continue  # "carry out the Strategic Plan signed at the X Conference": another's
                place = re.sub(r"^the\s+", "", m["place"]).rstrip(".,'’")
                # "signed an MoU to step up promotion in Asia Pacific": a purpose, not a place.
                # A name that goes on past what the pattern takes ("... of Commerce and Trade
                # Cooperation Platform") would be proposed cut short: better none.
                cut_short = re.match(r"\s*(?:,\s*)?(?:and|&)\s+[A-Z]|\s+[A-Z]", sentence[m.end():])
                end = m.end()
                venue = _VENUE_AT.match(sentence, m.start("place")) if cut_short else None
                # ("at the Ostport Convention and Exhibition Centre": a venue by its last word)
                if venue and (re.search(r"\s(?:of|for)\s", venue["place"]) or
                              re.search(rf"\b{VENUE_WORD}$", venue["place"].rstrip(".,"))) and \
                        not re.match(r"\s*(?:,\s*)?(?:and|&)\s+[A-Z]|\s+[A-Z]", sentence[venue.end():]):
                    # "at the Complex of Commerce and Trade Co-operation Platform for China and
                    # Portuguese-speaking Countries": a venue of something goes on through "and"
                    place = re.sub(r"^the\s+", "", venue["place"]).rstrip(".,'’")
                    cut_short, end = None, venue.end()
                # "at the Airport Authority's headquarters": a body's own premises, by their word
                # ("at the Ostland Ministry of Defence headquarters in Ostport": the body's name
                # after "the", as a noun before its premises)
                if (re.search(r"['’]s$", place) or
                    (re.match(r"the\s", m["place"]) and
                     re.match(r"\s+(?:headquarters|head\s+office|premises)\b", sentence[end:]))) and \
                        (own_site := _PREMISES.match(sentence, end)):
                    place, end = place + own_site.group(0), own_site.end()
                # ("signed the MOA at the Pine main building in Ostville on Wednesday": a body's name,
                # its premises in small letters, then the town they are in, all the place)
                if m["place"].startswith("the ") and cut_short is None and \
                        (site := _SITE_IN.match(sentence, end)) and \
                        re.match(rf"\s*(?:{_WHEN_AFTER}\s*)?(?:[.;,]|$)", sentence[site.end():]):
                    place, end = place + " " + " ".join(site.group(0).split()).rstrip(".,"), site.end()
                # ("signed at Pine Ministry conference room in the city on Wednesday": a body's name,
                # then a room of it in small letters, is the place, the room with it; "in the city"
                # after it says the dateline's town again)
                if m["place"] == place and cut_short is None and (room := _ROOM.match(sentence, end)):
                    place, end = place + " " + " ".join(room["room"].split()), room.end("room")
                # "in Mr Lee's presence": a person, not a place.
                not_place = HONORIFIC_PERSON.match(place) or re.search(r"['’]s$", place)
                # ("signed by A in Taipei and Flanders Department of Foreign Affairs Secretary-General
                # B in Belgium": where the first signer was, then the second signer's body, title and
                # name, no place)
                not_place = not_place or (re.search(r"\sand\s", place) and re.search(
                    rf"\b(?i:{TITLE_WORD})\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{1,2}}$", place))
                # "an MoU in Artificial Intelligence": a subject the archive's topics name.
                not_place = not_place or (vocab is not None and vocab.topic_names.resolve(place))
                # "a MOU on Strengthening Cooperation in the Railway Sector": a field of activity
                not_place = not_place or bool(_FIELD_OF_ACTIVITY.search(place))
                # "an MOU on Co-operation in Wine-Related Businesses": what it is about, in a
                # title's capitals, by the plural of a matter's word or a "-related" compound
                not_place = not_place or bool(_MATTER.search(place))
                # "with a university in X": where that is. "with Ostland City in Kestria, Pine
                # Group and ...": where a party in a list is. "with Ostland University in Sao Paulo
                # today.": where the clause, and the signing, ends.
                # ("with Ostland University in Sao Paulo today (May 16) to help ...": the day after
                # the place says the clause goes on about the signing, whatever follows it)
                # ("the signing of 14 documents between the two countries in Hanoi.": after the
                # parties, by their number, as after a name). A country after a name ("with President
                # Gu of Tsinghua University in China."): where the body is, as likely as where the
                # signing was; the text does not say which.
                # ("with the three companies in Ostport here today": the parties by their number)
                # ("between Ostland and Kestria in Ostport city, the Pine agency reported": the clause
                # that says who reported it ends it too)
                # ("with Pine Foundation in Ostport, Kestria on 11th December 2020": the country the
                # place is in, after its comma, is part of where, and the clause goes on after it)
                rest = country.end() if (country := _COUNTRY_AFTER.match(sentence, end)) and \
                    country["country"].casefold() in COUNTRIES else end
                after_name = re.search(r"[A-Z][\w'’.-]*\s*$|\b(?:the\s+two|both|the\s+three|the\s+four)\s+"
                                       r"(?:countries|sides|parties|governments|cities|regions|universities|"
                                       r"organi[sz]ations|companies|firms|banks|agencies|institutions)\s*$",
                                       sentence[:m.start()]) and \
                    re.match(rf"(?:\s+(?:city|town))?(?:\s*(?:{_WHEN_AFTER}\s*)?(?:[.;]|$)|\s+{_WHEN_AFTER}|"
                             rf"\s*,\s+(?:the\s+|an?\s+)?[^,;.]{{1,80}}?\s+(?:reported|said|reports|says)\b|"
                             # (", according to a statement": whose word it is, after the clause)
                             rf"\s*,\s+according\s+to\b)",
                             sentence[rest:]) and \
                    place.casefold() not in COUNTRIES and \
                    not (re.search(r"\bby\b", sentence[verb.start():m.start()]) and
                         any(w.casefold() in ORG_WORDS - PLACE_KIND_WORDS for w in place.split()))
                # (in a list of who signed, "A, Commissioner of the Pine Pavilion at the Kestrel
                # Secretariat.": a body where a title ends, the office's, no place)
                # "signed an agreement on data flow in Ostport on Monday": after what the instrument
                # is about, where the clause then ends or gives the day.
                # ("an Arrangement on their Authorized Economic Operator programmes in Macao": what
                # it is about may be long, but never whom it is with)
                # ("a memorandum of understanding on smart manufacturing at ...": its whole name too,
                # though not "for" a purpose after it: "of Understanding for collaboration in X")
                about = re.search(r"\b(?:(?:agreements?|mo[u]s?|memorand(?:um|a)|arrangements?)\s+(?:on|for)|"
                                  r"understanding\s+on)\s+"
                                  r"(?:(?!\bwith\b)[\w\s-]){1,80}$", sentence[verb.start():m.start()],
                                  re.IGNORECASE)
                # ("... on smart manufacturing at MPC's headquarters in Petaling Jaya.": a venue, and
                # the town it is in, end it too)
                ends = re.match(rf"\s*(?:{_WHEN_AFTER}\s*)?(?:[.;]|$)", sentence[end:]) or \
                    _venue_within(place, sentence, end)
                # "signed by Ms A, Deputy Director, MAS, and Mr B, Vice-Chairman, CIRC, in Beijing": after
                # the list of who signed, closed by its comma
                after_people = re.search(r"\bsigned\s+by\b|^signing\s+of\b.*\bby\b",
                                         sentence[verb.start():m.start()]) and \
                    re.search(r",\s*$", sentence[:m.start()])
                not_place = not_place or not (_BEFORE_PLACE.search(sentence, verb.start(), m.start())
                                              or after_name or (about and ends) or after_people)
                # ("an agreement on railway operations in the Greater Bay Area (in Guangzhou on ...)":
                # a region "the" opens, "in" after what the instrument is about, is where that is;
                # the place after it, if any, is where it was signed)
                if about and m["place"].startswith("the ") and sentence[m.start():m.start() + 2] == "in" \
                        and not re.search(rf"\b{VENUE_WORD}\b", place):
                    continue
                # "at the Pine Innovation Summit held in Ostport": an event; where it was held, if said
                # ("at the Shaanxi-Hong Kong Joint Assistance to Enterprises Going Global Exchange
                # Conference": an event's name that goes on past a small word)
                if _EVENT_NAME.search(place) or _EVENT_GOES_ON.match(sentence, end):
                    # ("at the Pine Fintech Forum in Beijing.": where the event was, a place the
                    # place words or the countries name, where the clause ends)
                    held = _HELD_AFTER.match(sentence, end) or _in_a_place(sentence, end)
                    if held and not re.match(r"\s+(?:and|&)\s+[A-Z]|\s+[A-Z]", sentence[held.end():]):
                        found.setdefault(held["place"].rstrip(".,"),
                                         " ".join(held.group(0).split()).rstrip(".,"))
                    break
                # "in the Kestrian capital of Ostport": a word that describes, before a kind of place
                # (not "in Tashkent city, the agency reported": the kind after a place's name, with no
                # "of" after it)
                describes = _KIND_OF_PLACE.match(sentence, end) and re.match(r"\s+\w+\s+of\b", sentence[end:])
                if not place.startswith(("Presence", "Witness")) and not cut_short and not not_place and \
                        not describes and not _PURPOSE.search(sentence, verb.end(), m.start()):
                    # "at the Pine University campus": the campus, where the name is followed by it
                    place += " campus" if re.match(r"\s+campus\b", sentence[end:]) else ""
                    found.setdefault(place, " ".join(sentence[verb.start():end].split()))
                break  # the first place after the verb is where it was signed
        for pattern in _CEREMONY_PLACE:
            if not (m := pattern.search(sentence.strip())):
                continue
            place = re.sub(r"^the\s+", "", m["place"] + (m.groupdict().get("tail") or "")).rstrip(".,'’")
            # ("held at the Grand Lisboa Palace Hotel in Macao on 8 January": the venue, which the
            # place it is in and the day after it do not cut short)
            if re.match(r"\s+(?:and|&|in)\s+[A-Z]|\s+[A-Z]", sentence.strip()[m.end("place"):]) and \
                    not _venue_within(place, sentence.strip(), m.end("place")):
                continue
            # "in Beijing and Shanghai": two places, not one venue
            if not re.search(r"\s(?:and|&)\s", place) or not _is_places(place):
                found.setdefault(place, " ".join(m.group(0).split()))
        # "會議昨日於X舉行。會上，A與B簽署": the meeting the sentence opens with is the one the
        # sentence before says was held there
        if _ZH_AT_IT.match(sentence.strip()) and (held := _held_before(facts, spans, start)):
            found.setdefault(*held)
        # ("在會議期間，雙方簽署": while the meeting went on, a time and no place)
        # ("在A總統見證下，": in whose presence, no place)
        if (m := _ZH_OPENING.match(sentence.strip())) and SIGN_VERB.search(sentence) and \
                not _ZH_AT_CEREMONY.search(m["place"]) and not _ZH_DURING.search(m["place"]) and \
                not re.search(r"(?:見證|见证|陪同|支持|主持|帶領|带领|率領|率领|推動|推动)下$", m["place"]):
            found.setdefault(m["place"], m.group(0))
        # (a place the tagger reads as places only: "在會上同B簽署" is at the meeting)
        if (m := _ZH_AT_WITH.search(sentence)) and city_of(m["place"]):
            found.setdefault(m["place"], m.group(0))
        if (m := _ZH_TRAVEL.search(sentence)) and _signs_after(sentence, m.end()) and \
                (city := city_of(m["place"] or m["place2"])):
            found.setdefault(city, m.group(0))
        for m in _ZH_PLACE.finditer(sentence):
            # Only a place in the signing's own clause, or in the clause before "，與B簽署".
            begin = max(sentence.rfind("，", 0, m.start()), sentence.rfind("。", 0, m.start())) + 1
            clause = re.split(r"[。]", sentence[begin:])[0]
            head, _, after = clause.partition("，")
            # ("在波爾多葡萄酒節舉行期間簽署": while a festival was held there)
            during = m["when"] in ("上", "後", "后", "期間", "期间") or \
                (m["held"] and sentence.startswith(("期間", "期间"), m.end()))
            # ("在甲管理局舉辦的金融科技日活動上簽署": the body that held the event, no place)
            host = m["held"] and m["held"].endswith(("舉辦", "举办")) and \
                re.match(r"的", sentence[m.end():]) and _ZH_HOST.search(m["place"])
            # ("在協定上簽字", "在協議文本上鄭重簽字": on the paper, then how; no place)
            # ("在傳統金融服務監管合作之後簽訂": after something, a time; 後 after a place is never
            # where)
            occasion = host or _ZH_TIME.search(m["place"]) or _ZH_CIRCUMSTANCE.search(m["place"]) or \
                m["when"] in ("後", "后") or \
                (during and _ZH_OCCASION.search(m["place"])) or \
                re.search(f"{ZH_INSTRUMENT_WORD}(?:文本)?(?:上[^上]{{0,4}})?$", m["place"]) or \
                (m["when"] in ("上",) and re.match(r"(?:簽字|签字|簽名|签名)", sentence[m.end("when"):]))
            # ("簽署X的儀式，昨日下午在Y舉行": the signing ceremony, the clause before, was held there)
            ceremony_before = m["held"] and begin > 0 and re.search(
                rf"{ZH_SIGN}[^，。]{{0,30}}(?:儀式|仪式|典禮|典礼)$", sentence[:begin - 1].split("，")[-1])
            signing = SIGN_VERB.search(head) or (re.match(r"[與与]", after) and SIGN_VERB.search(after)) or \
                (m["held"] and _ZH_AT_MEETING.search(sentence[m.end():])) or ceremony_before
            # A place is one name: no list (與, 和), no space, no verb of its own (召開) in it, and no
            # date or time ("於2019年簽訂", "於今日").
            # (nor a witness: "在A見證下，簽署")
            # (nor "here": "在此間簽署" is where the dateline is)
            # (nor "we": "在我院舉行" is at the publisher's, which it does not name)
            # (nor "here" in other words: "在这里举行", "在這裡簽署")
            # (nor online)
            one_name = not re.search(r"[與与和及\s]|召開|召开|舉辦|举办|見證|见证|^此[間间]|"
                                     r"^[这這那][里裡裏]|"
                                     # (nor online: "在線上簽約", "在网上签署")
                                     r"^(?:線上|线上|網上|网上|雲端|云端)$|"
                                     # (nor during the ceremony: "於儀式中共同簽署")
                                     r"^(?:儀式|仪式|典禮|典礼|會議|会议)中$|"
                                     # (nor an occasion by its kind's word alone: "在會議上", "在活動";
                                     # "在論壇共同簽署": the last check below, _OCCASION)
                                     r"^(?:會議|会议|會上|会上|活動|活动)$|"
                                     r"^[我本][校院局會会廳厅司市省區区縣县州鎮镇]$", m["place"]) and \
                not _ZH_AT_CEREMONY.search(m["place"]) and not names_a_person(m["place"]) and \
                not re.fullmatch(r"\d{4}年(?:\d{1,2}月)?", m["place"]) and \
                not re.fullmatch(rf"(?:{ZH_CANDIDATE.pattern}|{ZH_WHEN})(?:[(（][^)）]*[)）])?", m["place"])
            # (a date or a day's word with its bracket is when: "於昨日(3月20日)", "於3月8日（星期一）舉行")
            if signing and not occasion and one_name:
                # "在今天下午於亞洲博覽館舉行": when, then where
                place = re.sub(r"^(?:今天|今日|昨天|昨日|當天|当天|當日|当日|同日)?"
                               r"(?:上午|下午|早上|中午|晚上)?[於于]", "", m["place"])
                if len(place) >= 2:
                    found.setdefault(place, m.group(0))
        # "29日在港簽署": a city by the one character that stands for it
        for m in _ZH_SHORT_CITY.finditer(sentence):
            city = _ZH_SHORT_CITIES[m["city"]]
            found.setdefault(city[1] if re.search(_SIMPLIFIED, sentence) else city[0], m.group(0))
        # "自治区政府在南宁分别与A、B签署": the subject signed with the others there; the words must
        # all be place names by the tagger ("在推动合作方面与" names no place).
        # (one place's name, no more: "A與B在澳門中國與葡語國家…中心簽署" is inside a venue's name)
        for m in _ZH_PLACE_WITH.finditer(sentence):
            if _signs_after(sentence, m.end()) and city_of(m["place"]) == m["place"]:
                found.setdefault(m["place"], m.group(0))
    for start, end in own if not found else ():
        following = spans.index((start, end)) + 1 if (start, end) in spans else len(spans)
        sentence = facts[spans[following][0]:spans[following][1]].strip() if following < len(spans) else ""
        if (m := _CEREMONY_NEXT.match(sentence)) and \
                not re.match(r"\s+(?:and|&)\s+[A-Z]|\s+[A-Z]", sentence[m.end("place"):]) and \
                not (re.search(r"\s(?:and|&)\s", m["place"]) and _is_places(m["place"])):
            found.setdefault(re.sub(r"^the\s+", "", m["place"] + (m["tail"] or "")).rstrip(".,'’"),
                             " ".join(m.group(0).split()))
    exchanged = {m["place"]: " ".join(m.group(0).split()) for a, b in spans if not found
                 and (m := _EXCHANGED_AT.search(facts[a:b]))
                 and not re.match(r"\s+(?:and|&)\s+[A-Z]|\s+[A-Z]", facts[a:b][m.end("place"):])}
    if len(exchanged) == 1:
        place, words = next(iter(exchanged.items()))
        found[re.sub(r"^the\s+", "", place).rstrip(".,'’")] = words
    if not found and (held := _event_place(facts, spans, own)):
        found[held[0]] = held[1]
    # ("at the Kestrian pavilion", "at the Ostlandish embassy": a people's word, no place's name)
    found = {place: words for place, words in found.items()
             if not (names_a_country(place) and place.casefold() not in COUNTRIES)}
    # "在澳門舉行" and "假澳門威尼斯人酒店舉行": the city and the venue in it are one place.
    found = {place: words for place, words in found.items()
             if not any(place != other and place in other for other in found)}
    # The last check on every reading: an occasion by its name ("the India-Singapore Ministerial
    # Roundtable", "雙城論壇") is when it was signed, not where; nor is a doing a place.
    found = {place: words for place, words in found.items()
             if not _OCCASION.search(place) and not _DOINGS.search(place)}
    if len(found) > 1:
        notes.append(Note("place", "the text names different places of signing: " + "; ".join(found)))
        return None, None
    place, words = next(iter(found.items()), (None, None))
    # ("艾奧瓦州首府得梅因市", "在佛首都普拉亚签署": the capital, the city; what it is the capital of,
    # by a short name or none, is no part)
    if place:
        place = re.sub(r"^[\u4e00-\u9fff]{0,10}?(?:首府|首都)(?=[\u4e00-\u9fff]{2})", "", place)
    return place, words



# The one character that stands for a city: (Traditional, Simplified) names.
_ZH_SHORT_CITIES = {"港": ("香港", "香港"), "澳": ("澳門", "澳门"), "京": ("北京", "北京"),
                    "滬": ("上海", "上海"), "沪": ("上海", "上海"), "穗": ("廣州", "广州"),
                    "深": ("深圳", "深圳"), "渝": ("重慶", "重庆"), "津": ("天津", "天津")}
_ZH_SHORT_CITY = re.compile(rf"[在於于](?P<city>[{''.join(_ZH_SHORT_CITIES)}])"
                            rf"(?=(?:正式|共同)?{ZH_SIGN}|{_ZH_HELD})")
# Characters only Simplified Chinese writes (of the commonest that differ): which form to give.
_SIMPLIFIED = r"[签议协这为与发国们个来时说会对门广经过间关]"


# "抵達廣州展開訪問，並見證……簽署", "前往葡萄牙里斯本考察，其間與……簽署", "在泰國曼谷拜會……，其後
# ……簽署": where the people who signed had travelled to, in the sentence that says they signed.
# ("赴深圳考察", "訪問深圳期間", "在深圳期間", "抵達深圳後": gone there, or while there)
_ZH_TRAVEL = re.compile(r"(?:抵達|抵达|前往|飛抵|飞抵|到訪|到访|赴|訪問|访问|在)"
                        r"(?P<place>[^，。、；：在的與与和及\s]{2,8}?)"
                        r"(?:展開|展开|考察|訪問|访问|拜會|拜会|出席|參加|参加|期間|期间|後|后)|"
                        # "前往葡國里斯本，先後與A、B簽署": went there, then signed with them
                        r"(?:抵達|抵达|前往|飛抵|飞抵|到訪|到访|赴)(?P<place2>[^，。、；：在的與与和及\s]{2,8}?)"
                        # ("率隊赴天津與B簽訂": no comma between)
                        r"(?=，?(?:先後|先后|其間|其间|隨後|随后|並|并|分別|分别)?[與与同])")


def _signs_after(sentence: str, start: int) -> bool:
    """Whether a signing verb follows `start` in the same clause (no 。 or ； between)."""
    verb = SIGN_VERB.search(sentence, start)
    return verb is not None and not re.search(r"[。；]", sentence[start:verb.start()])


# ("A在X同B簽署": 同 is "with" too, where it opens no word of time: 同時, 同步, 同期)
_ZH_PLACE_WITH = re.compile(r"在(?P<place>[^，。、；：在的與与和及\s]{2,8}?)(?:分別|分别|共同|正式)?"
                            r"(?:[與与]|同(?![時时步期]))")
_HELD_AFTER = re.compile(r"\s+(?:held|hosted|convened)\s+(?:in|at)\s+" + _NAME)
_IN_AFTER = re.compile(r"\s+in\s+" + _NAME)


def _in_a_place(sentence: str, end: int) -> re.Match[str] | None:
    """"... Forum in Beijing.": "in" and a place the place words or the countries name, where the
    clause ends (perhaps with the day: "... Expo in Shanghai yesterday.")."""
    there = _IN_AFTER.match(sentence, end)
    if there is None:
        return None
    place = there["place"].rstrip(".,")
    rest = sentence[there.start("place") + len(place):].lstrip(".,") or "."
    ends = re.match(rf"\s*(?:{_WHEN_AFTER}\s*)?(?:[.;]|$)", rest)
    return there if ends and (_is_places(place) or place.casefold() in COUNTRIES) else None


_KIND_OF_PLACE = re.compile(r"\s+(?:capital|city|province|region|state|town|district|county|country)\b")


_EVENT_GOES_ON = re.compile(r"\s+(?:to|of|for|on|and|in)\s+(?:(?:[A-Z][\w'’&-]*|and|of|for|the|to)\s+){0,10}?"
                            rf"{EVENT_WORD}\b")


def _is_places(words: str) -> bool:
    """"Beijing and Shanghai": places only, joined."""
    return all(w.casefold() in PLACE_WORDS for w in re.split(r"\s+(?:and|&)\s+|\s+", words) if w)


# Where the event was: "The Ostland-Kestria Meeting was held in Ostport", "co-chaired the 10th Joint
# Conference in Ostport".
_HELD_IN = re.compile(r"\b(?:held|convened|opened|took\s+place|hosted|chaired|co-chaired|attended)\b"
                      r"[^.;]{0,100}?"
                      r"\b(?:in|at)\s+" + _NAME)
# "梁振英昨率團到廣州出席粵港合作聯席會議", "會議今日在香港舉行": where the meeting was.
_ZH_HELD_IN = re.compile(r"(?:到|赴|前往|抵達|抵达)(?P<place>[^，。、；：在的與与和及\s]{2,6}?)"
                         r"(?:出席|主持|參加|参加)|"
                         rf"[在假](?P<place2>[^，。、；：在的與与和及\s]{{2,12}}?)(?:{_ZH_HELD}|啟幕|启幕|開幕|开幕)")


def _event_place(facts: str, spans: Sequence[tuple[int, int]],
                 own: Sequence[tuple[int, int]]) -> tuple[str, str] | None:
    """Where the meeting the agreement was signed at was held, when a signing sentence says it was
    signed at a meeting and one sentence says where a meeting was held."""
    held = {}
    for s, e in event_sentences(facts, spans, own):
        for m in _HELD_IN.finditer(facts[s:e]):
            place = re.sub(r"^the\s+", "", m["place"]).rstrip(".,'’")
            if not re.match(r"\s+(?:and|&)\s+[A-Z]|\s+[A-Z]", facts[s:e][m.end():]) and \
                    not re.match(rf"(?:{MONTH}|{WEEKDAY})\b", place):
                held.setdefault(place, " ".join(m.group(0).split()))
            break
        if m := _ZH_HELD_IN.search(facts[s:e]):
            held.setdefault(m["place"] or m["place2"], m.group(0))
    return next(iter(held.items())) if len(held) == 1 else None
