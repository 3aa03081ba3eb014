"""The event an agreement was signed at: "At the meeting, the two sides signed ...", "In the course of
the forum, an MoU was signed", "在洽談會上簽署". Where the signing sentence says no more, the sentence
that says when or where that event was held says it for the signing too."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .dates import WEEKDAY
from .lexicon import SIGN_VERB

_EVENT = r"(?:meeting|conference|forum|summit|fair|expo|exhibition|dialogue|symposium)"
# Signed at an event the text has already named: "the", "this", "that" point back to it.
# ("During Wednesday's meeting, A and B witnessed the signing": the day's possessive points back too)
AT_EVENT = re.compile(rf"\b(?:at|during|before|after|on\s+the\s+sidelines\s+of|in\s+the\s+course\s+of)\s+"
                      rf"(?:the|this|that|(?:{WEEKDAY}|today|yesterday)['’]s)\s+(?:[\w-]+\s+){{0,3}}?{_EVENT}\b|"
                      r"[在於于][^，。在]{0,12}?(?:會|会)上|"
                      # "……共同主持會議，會後雙方簽署": after the meeting the clause before names
                      r"(?:^|[，。；])(?:會|会)(?:後|后|上)|"
                      # "……與B會面。會面後，兩人見證": after the meeting the sentence before names
                      r"(?:^|[，。；])(?:會面|会面|會談|会谈|會見|会见)(?:後|后)|"
                      # "開幕式上還舉行了簽約儀式": at the opening of the event the text named
                      r"(?:^|[，。；])(?:開幕式|开幕式|開幕禮|开幕礼)上", re.IGNORECASE)
# (年會, 大會, 研討會, 座談會: an annual meeting, a congress, a seminar, a forum)
_ZH_EVENT = (r"(?:會議|会议|論壇|论坛|峰會|峰会|洽談會|洽谈会|交流會|交流会|博覽會|博览会|活動|活动|"
             r"年會|年会|大會|大会|研討會|研讨会|座談會|座谈会)")
# A sentence about holding an event: "The Joint Meeting was held in X today", "A co-chaired the 10th
# Joint Conference in X today", "Cyberport today hosted the AI Forum".
EVENT_HELD = re.compile(
    # ("The Green Finance Forum 2024, organised by A and co-hosted by B, was held in X": who
    # organised it between the event and its verb)
    rf"\b{_EVENT}\b[^.;]{{0,80}}?\b(?:was|were)\s+(?:held|convened|opened)\b|"
    rf"\b{_EVENT}\b[^.;]{{0,20}}?,\s+(?:organi[sz]ed|co-organi[sz]ed|hosted|co-hosted|jointly)\b[^.;]{{0,160}}?,"
    rf"\s+(?:was|were)\s+(?:held|convened|opened)\b|"
    # ("The 6th meeting of the Joint Commission, held in Lisbon on Wednesday, ended ...": where, after
    # the event's name and its comma)
    rf"\b{_EVENT}\b[^.;,]{{0,80}}?,\s+held\s+(?:in|at)\s+[A-Z]|"
    rf"\b(?:chaired|co-chaired|hosted|convened|opened|held|attended)\s+the\s+[^.;]{{0,100}}?\b{_EVENT}\b|"
    # "梁振英昨率團到廣州出席粵港合作聯席會議", "會議今日在香港舉行"
    # (not "2018年1月和12月雙方舉行兩次座談會": meetings held twice or more are no one event)
    rf"(?:出席|主持|舉行|举行|召開|召开)(?!了?(?:兩|两|二|三|四|五|多|數|数|幾|几)次)[^，。；]{{0,40}}?{_ZH_EVENT}|"
    rf"{_ZH_EVENT}[^，。；]{{0,20}}?"
    r"(?:舉行|举行|召開|召开|啟幕|启幕|開幕|开幕)|"
    # "A今日在南寧與B會面": a meeting of two people
    r"[與与][^，。；]{2,40}?(?:會面|会面|會談|会谈|會見|会见)(?=[。；，]|$)",
    re.IGNORECASE)


def signed_at_event(facts: str, own: Sequence[tuple[int, int]]) -> bool:
    """Whether a signing sentence says it was signed at an event the text names."""
    return any(AT_EVENT.search(facts[s:e]) and SIGN_VERB.search(facts[s:e]) for s, e in own)


def event_sentences(facts: str, spans: Sequence[tuple[int, int]],
                    own: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The sentences that say an event was held, where a signing sentence says the agreement was
    signed at that event; none otherwise."""
    if signed_at_event(facts, own):
        return [(s, e) for s, e in spans if EVENT_HELD.search(facts[s:e])]
    # "On May 11, the Joint Meeting was held at X. A and B witnessed the signing of ...": the
    # event the sentence just before a signing sentence says was held, unless the signing came
    # after it ("They later signed").
    # ("座談會12月27日在武漢召開。A、B出席會議並講話。兩省簽訂X": the sentences about the event
    # just before it, back to the one that says when and where, in the same paragraph)
    found: list[tuple[int, int]] = []
    for i, (s, e) in enumerate(spans):
        if not i or (s, e) not in own or _LATER.search(facts[s:e]):
            continue
        j = i - 1
        while j >= 0 and EVENT_HELD.search(facts[spans[j][0]:spans[j][1]]) and \
                (j == i - 1 or "\n" not in facts[spans[j][1]:spans[j + 1][0]]):
            found.append(spans[j])
            j -= 1
    return found


_LATER = re.compile(r"\b(?:later|subsequently|afterwards|thereafter|next|following)\b|其後|其后|隨後|随后",
                    re.IGNORECASE)
