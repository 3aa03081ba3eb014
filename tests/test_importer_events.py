"""The event an agreement was signed at (src/mouarchive/importer/events.py): its day and its place
are the signing's where the signing sentence says no more. Invented names and sentences."""

from __future__ import annotations

from pathlib import Path

from mouarchive.errors import Problems
from mouarchive.importer import draft_from_text
from mouarchive.importer.events import event_sentences, signed_at_event
from mouarchive.importer.parties import party_slots
from mouarchive.importer.text import sentences
from mouarchive.model import PartialDate
from mouarchive.vocabularies import load_vocabularies

VOCAB = load_vocabularies(Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "import", Problems())


def test_signed_at_an_event_the_text_names() -> None:
    text = ("Pine and Larch held the 3rd Joint Meeting in Ostport today. Before the meeting, they signed "
            "an MoU.")
    spans = sentences(text)
    assert signed_at_event(text, spans[1:])
    assert [text[s:e] for s, e in event_sentences(text, spans, spans[1:])] == [text[slice(*spans[0])]]
    # an event named without a signing at it gives nothing
    plain = "Pine and Larch held the 3rd Joint Meeting in Ostport today. They later signed an MoU."
    assert event_sentences(plain, sentences(plain), sentences(plain)[1:]) == []


def test_the_day_and_the_place_of_the_meeting_it_was_signed_at() -> None:
    text = ("Pine and Larch sign trade pact\n\nMarch 3, 2021\n\nThe Financial Secretary co-chaired the "
            "10th Pine Larch Joint Meeting in Ostport today. Before the meeting, Dr Ana Silva and Mr Ben "
            "Okoro signed the Pine-Larch Trade Arrangement.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert agreement.signed == PartialDate(2021, 3, 3)
    assert agreement.place == "Ostport"
    assert any("meeting it was signed at" in n.message for n in agreement.notes)


def test_executed_is_signed_and_places_after_a_name_are_part_of_it() -> None:
    found = party_slots("The Office of the Commissioner for Data, Hong Kong, China and the Larch Commission "
                        "today executed an MoU.")
    assert [name for name, _ in found] == ["Office of the Commissioner for Data, Hong Kong, China",
                                           "Larch Commission"]


def test_a_chinese_signing_after_the_meeting_takes_its_day_and_place() -> None:
    text = ("甲乙兩地簽署九份協議\n\n[2016.09.15] 發表\n\n"
            "行政長官王明昨率團到甲城出席甲乙合作聯席會議第19次會議，回顧過去一年的工作。"
            "王明其後與乙省省長李華共同主持會議，會後雙方簽署9份合作協議。\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert agreement.signed is not None and agreement.signed.iso == "2016-09-14"
    assert agreement.place == "甲城"


def test_the_meeting_held_in_the_sentence_before_the_signing() -> None:
    text = ("Ostport and Kestria sign memorandums\n\n2023-05-11\n\n"
            "On the afternoon of May 11, the first meeting of the Ostport-Kestria Cooperation Conference "
            "was held at the Pine Hotel. Mayor Ann Lim and Governor Bo Tan jointly witnessed the signing "
            "of the memorandums of cooperation.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert agreement.signed is not None and agreement.signed.iso == "2023-05-11"
    assert agreement.place == "Pine Hotel"


def test_the_forum_attended_in_the_sentence_before_the_signing_earlier_today() -> None:
    """"Earlier today, A attended the X Forum in Ostport. ..., he oversaw the signing of ...": the
    forum's day is the signing's, and "earlier today" is the day of the release."""
    text = ("Pine University signs agreement\n\n2019-11-15\n\n"
            "Earlier today, Pine University President Tom Wu attended the Venture Capital Summit Forum in "
            "Ostport. As part of his attendance, he oversaw the signing of a strategic cooperation "
            "agreement with the Larch District.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert agreement.signed is not None and agreement.signed.iso == "2019-11-15"


def test_signed_at_the_opening_of_an_event_the_text_said_opened_two_sentences_before() -> None:
    """"6月26日下午，…活動在甲城啟幕。……。開幕式上還舉行了簽約儀式，兩地簽署了……": the day and the
    place the event opened are the signing's."""
    text = ("兩地簽署合作備忘錄\n\n發布時間：2023年06月27日\n\n"
            "6月26日下午，由乙省主辦的「乙省周」活動在甲城啟幕。本次活動包含20多場系列活動。\n\n"
            "開幕式上，行政長官王明致辭時說，兩地關係密切。\n\n"
            "開幕式上還舉行了簽約儀式，甲乙兩地簽署了三項合作備忘錄。\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert agreement.signed is not None and agreement.signed.iso == "2023-06-26"
    assert agreement.place == "甲城"


def test_a_chinese_annual_meeting_is_an_event_a_signing_was_at() -> None:
    text = ("甲乙高校簽署合作協議\n\n2023年12月16日\n\n15日，甲乙高校聯盟年會在甲城舉行。會上，甲大學與乙大學"
            "簽署合作協議。\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert agreement.signed == PartialDate(2023, 12, 15)


def test_after_the_two_met_takes_the_day_and_place_of_their_meeting() -> None:
    text = ("星港與月灣簽署合作備忘錄\n\n2024年4月22日\n\n行政長官李文今日（四月二十二日）在南寧與"
            "月灣省委書記張明會面。會面後，兩人見證星港政府與月灣省人民政府簽署《合作備忘錄》。\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert agreement.signed == PartialDate(2024, 4, 22)
    assert agreement.place == "南寧"


def test_an_event_held_with_its_organisers_between_it_and_its_verb() -> None:
    text = ("The Ostport Trade Forum 2024, organised by the Pine Council and co-hosted by the Larch "
            "Institute and the Kestria Bureau of Commerce and Industry, was held in Ostport on 18 June "
            "2024. At the forum, the Ostland Agency signed an MoU with the Kestria Bureau.")
    spans = sentences(text)
    assert [text[s:e] for s, e in event_sentences(text, spans, spans[1:])] == [text[slice(*spans[0])]]


def test_the_meeting_two_sentences_before_the_signing_in_its_paragraph() -> None:
    """"座談會12月27日在甲城召開。A、B出席會議並講話。兩省商務部門簽訂X": the sentence just
    before is about the meeting too, without its day; the one before it gives the day and place."""
    text = ("甲乙兩省商務合作座談會在甲城召開\n\n發布時間：2017-12-29\n\n"
            "12月27日，甲乙兩省商務合作交流座談會在甲城召開。甲省副省長王明、乙省副省長李華出席會議並講話。"
            "兩省商務部門簽訂《商務合作框架協議》。\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert agreement.signed is not None and agreement.signed.iso == "2017-12-27"
    assert agreement.place == "甲城"


def test_meetings_held_twice_are_no_one_event_the_signing_was_at() -> None:
    """"2018年1月和12月雙方舉行兩次座談會……。簽署框架合作協議，是……": meetings held twice or more are
    no one event, and their month is no signing's."""
    text = ("星河大學與月城簽署協議\n\n月城市長說，2018年1月和12月雙方舉行兩次座談會，就合作進行洽談。"
            "簽署框架合作協議，是合作的落實舉措。\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert agreement.signed is None


def test_a_meeting_held_somewhere_after_its_comma_and_signed_at_during_the_days_meeting() -> None:
    # "The 6th meeting of the Joint Commission, held in Ostport on Wednesday, ended ...", then "During
    # Wednesday's meeting, A and B witnessed the signing": the meeting's place is the signing's
    text = ("The 6th meeting of the Pine-Larch Joint Commission, held in Ostport on Wednesday, ended in "
            "agreement on closer cooperation. During Wednesday's meeting, Tom Wu and Ana Silva witnessed "
            "the signing of an MOU on the recognition of diplomas.")
    spans = sentences(text)
    assert signed_at_event(text, spans[1:])
    assert [text[s:e] for s, e in event_sentences(text, spans, spans[1:])] == [text[slice(*spans[0])]]
    assert draft_from_text(text, VOCAB).agreements[0].place == "Ostport"
