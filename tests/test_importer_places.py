"""The place of signing (src/mouarchive/importer/places.py): where a signing sentence, the signing
ceremony or the meeting the agreement was signed at is said to have been; none where the words say
where something else is. Invented names and sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from mouarchive.importer.draft import Note
from mouarchive.importer.lexicon import SIGN_VERB
from mouarchive.importer.places import signing_place
from mouarchive.importer.text import sentences


def _place(text: str) -> str | None:
    spans = sentences(text)
    own = [(s, e) for s, e in spans if SIGN_VERB.search(text[s:e])]
    notes: list[Note] = []
    return signing_place(text, spans, own, notes)[0]


@pytest.mark.parametrize(("text", "place"), [
    # where a party in a list is, or where a noun is, is not where the signing was
    ("Ostland University signed agreements with Pine City in Kestria Province, Larch Group and Elm Labs.",
     None),
    ("It is the first MoU that the agency has signed with a university in Ostport.", None),
    # after an event's name, "in" says where the event and the signing were
    ("Two banks signed an agreement at the 6th Ministerial Conference of the Forum for Trade in Ostport, "
     "in order to deepen ties.", "Ostport"),
    # the signing ceremony and where it was held
    ("On 8 August 2017, a ceremony marking the signing of the MoU and the Exchange Agreement was held at "
     "Pine University, attended by President Wu.", "Pine University"),
    ("Signing the agreement in Ostport, Tom Wu said the city seeks partners.", "Ostport"),
    ("Signing the agreement, Tom Wu said the city seeks partners in Ostport.", None),
    ("The signing ceremony took place at Ostland University on 19 February.", "Ostland University"),
    ("At a signing ceremony on the Harbour U campus, the MoU was signed by Dr Ana Silva.",
     "Harbour U campus"),
    ("At the signing ceremony in Ostport, the minister spoke of the two cities.", "Ostport"),
    # a body's premises, by its possessive
    ("The OA signed an MoU with the Pine Bureau. The signing took place at the OA's office in Wan Lok "
     "during a visit by a Pine delegation.", "OA's office"),
    # signed at a meeting, and the meeting held somewhere
    ("The Ostland-Kestria Joint Meeting was held in Ostport. At the meeting, the two governments signed "
     "an MoU.", "Ostport"),
    ("The Ostland-Kestria Joint Meeting was held in Ostport. The two governments later signed an MoU.", None),
    ("The MoU signing ceremony was held yesterday (17 November) at the Pine Innovation and Technology "
     "Centre.", "Pine Innovation and Technology Centre"),
    ("A signing ceremony for an agreement between Pine and Larch took place at the District Hall on "
     "December 14.", "District Hall"),
    ("On the same day in Ostport, a memorandum was signed by Dr Ana Silva.", "Ostport"),
    ("Dr Ana Silva and Mr Ben Okoro signed an MoU today on the Pine U campus.", "Pine U campus"),
    ("The signing ceremony was held in Shanghai and Beijing.", None),  # two places, no one venue
    ("An agreement was signed between Pine and Larch. The signing ceremony in Ostport was witnessed by "
     "Dr Ana Silva.", "Ostport"),
    ("Dr Ana Silva and Mr Ben Okoro signed the relevant agreement at an event held in the Pine High-tech "
     "Zone on 2 June.", "Pine High-tech Zone"),
    ("The MOU was signed by Ms Ana Silva, Deputy Director, PMA, and Mr Ben Okoro, Vice-Chairman, LRC, in "
     "Ostport on the side of the Conference on Insurance.", "Ostport"),
    ("Pine and Larch signed an agreement on data flow in Ostport on Monday (June 5).", "Ostport"),
    ("Pine and Larch signed an agreement on data flow in Ostport, which leads the region.", None),
    # a ceremony the sentence's signing was at, opening it, and the day after its place
    ("At a ceremony held in Ostport today (June 27), Mr Tom Wu and Ms Eva Lam signed an agreement.",
     "Ostport"),
    ("At a ceremony held in Ostport today (June 27), Mr Tom Wu spoke of the two cities.", None),
    # the signing by its noun: where it was, after who signed it; a milestone's region is none
    ("Mr Tom Wu witnessed the signing of an MoU by Ms Eva Lam (front row, left), and Mr Ben Okoro (front "
     "row, right), in Ostport today (February 6).", "Ostport"),
    ("The signing of the MoU marks a milestone in Asia.", None),
    # the signing by its gerund, with what was signed after it; a ceremony's is none
    ("Photo shows Mr Tom Wu witnessing Ms Eva Lam signing the MoU in Ostport today (September 10).",
     "Ostport"),
    # (the ceremony's place, where one attended it, is where it was signed)
    ("Mr Tom Wu attended the signing ceremony in Ostport today.", "Ostport"),
    # a body's own premises after its name's possessive; a person's presence is none
    ("The MoU was signed today at the Pine Authority's headquarters.", "Pine Authority's headquarters"),
    ("The MoU was signed today in Mr Tom Wu's presence.", None),
    # a place inside an agreement's quoted title is no place of signing
    ('The banks signed the "Memorandum of Understanding on Cooperation in the Pine Bay Area" today.', None),
    # the signing of what, then where it took place: a campus, by whose it is
    ("Pine College and Larch University have signed an MoU. The signing of the MOU took place on the "
     "campus of the Pine College, with both present.", "Pine College"),
    ("The two banks signed an MoU. The signing of the agreement took place at the Larch Hotel.",
     "Larch Hotel"),
    # where another instrument that this one carries out was signed is not where this one was
    ("The Pine Secretariat and the Larch Department signed the agreement at the Pine Trade Complex. Both "
     "will help carry out the Strategic Plan for Economic and Trade Cooperation signed at the Ministerial "
     "Conference of Forum Pine, and use Pine's role.", "Pine Trade Complex"),
])
def test_english_places_of_signing(text: str, place: str | None) -> None:
    assert _place(text) == place


@pytest.mark.parametrize(("text", "place"), [
    ("2023年星港合作會議在星港規劃館召開，兩地在會上簽署兩份合作文件。", "星港規劃館"),
    ("星港政府與月灣政府在會展中心合辦洽談會，兩地機構在洽談會上簽署了合作協議。", "會展中心"),
    ("15日下午在星港大學舉行的交流會上，甲局副局長王大文與乙校副校長陳小明簽署協議。", "星港大學"),
    ("當天在星州，王大文參觀了展覽，並見證甲局與乙局簽署備忘錄。", "星州"),
    # the city and the venue in it are one place: the venue
    ("雙方10月20日在星港舉行簽約儀式。簽約儀式當日下午假星港度假村酒店舉行。", "星港度假村酒店"),
    ("雙方在活動上簽署了6項合作協議。", None),  # an occasion, not a place
    ("雙方在第八屆星港高峰論壇期間簽署合作備忘錄。", None),  # during an occasion
    ("星港代表團在月城訪問期間，與月灣博物院簽署合作意向書。", "月城"),
    # the subject signed with the others there: a place's name by the tagger, not a matter
    ("4月9日，自治区政府在南宁分别与甲实验室、乙大学签署战略合作协议。", "南宁"),
    ("10月23日，甲商會與乙協會在星州首府月城市簽署合作備忘錄。", "月城市"),  # a state's capital
    # (在 inside a body's name, then its officer: a person, no place)
    ("昨（20）晚，駐美大使陳美玲與星國在台協會執行理事李志強簽署合作備忘錄。", None),
    # (a venue's name that holds 與 is no city and another party: none, rather than "澳門中國")
    ("6月29日下午，甲秘書處與乙廳在澳門中國與葡語國家商貿合作服務平台綜合體新聞中心簽署協議。", None),
    ("甲局在推动两地合作方面与乙局签署协议。", None),
    # 於, the written 在, before a signing done formally
    ("意向书由甲大学校长王小明与星港市市长李志强于星港市行政办事中心正式签订。", "星港市行政办事中心"),
    ("意向書由甲大學與乙局於2019年簽訂。", None),  # a year, not a place
    ("甲部与乙部签署关于合作倡议的谅解备忘录。", None),  # 关于: about, not at
    ("粤澳双方在会上还签署了9项协议。", None),  # at the meeting, also: an occasion
    # a city by the one character that stands for it, in the text's own script
    ("甲港与乙有限公司29日在港签署合作备忘录。", "香港"),
    ("甲局與乙局昨日在澳簽署協議。", "澳門"),
    ("諒解備忘錄16日在月國波爾多葡萄酒節舉行期間簽署。", None),  # during a festival: an occasion
    # a comma typed as in English ends the place
    ("记者获悉，星港特区行政长官崔大安29日在江苏访问时,双方分别签署了备忘录。", "江苏"),
    ("甲園與乙中心合作備忘錄簽署儀式在月城創新科技中心成功舉辦。", "月城創新科技中心"),  # 成功: how
    ("甲省省長王大文與乙縣知事李小明分別代表雙方在線上簽署協議。", None),  # online: no place
    ("甲鎮與乙大學21日上午在縣府A201會議室聯合簽署策略聯盟。", "縣府A201會議室"),  # jointly
    # a ceremony conducted (辦理) there
    ("甲局今天在月城星河飯店辦理簽署儀式，由甲局局長王大文與乙會會長李小明簽署協議。", "月城星河飯店"),
    ("甲局與乙局在港口簽署協議。", "港口"),  # a word that starts with it is no city
    ("在簽署儀式上，甲局與乙局簽署協議。", None),  # at the ceremony: an occasion, no place
    ("甲国与乙国关于合作的谅解备忘录的签字仪式今天在这里举行。", None),  # "here": no place's name
    ("乙国外交部长王大文及甲国驻乙国大使李小明周一在乙首都月城签署该协议。", "月城"),  # the capital, by name
    # afterwards: a time
    ("市长王小明会见时在座。在之后举行的签约仪式上，甲市政府与乙集团签署框架协议。", None),
    # on the paper signed: no place ("代表雙方在戰略合作協定上簽字")
    ("甲局與乙局在甲局簽署協定。甲局長與乙局長代表雙方在戰略合作協定上簽字。", "甲局"),
    ("在「星港投资交流会」上,甲大常务副校长陈大文教授和乙省副省长朱小明先生在星港特区行政长官林月娥女士"
     "见证下,签署合作备忘录。", None),  # in a person's presence: no place
    # how they signed there (completed, each, smoothly) is no part of the place
    ("該備忘錄由甲國代表王大明及乙國代表李小華於本月3日在星城完成簽署。", "星城"),
    ("甲省人民政府與乙集團、丙集團在月城分別簽署戰略合作協議。", "月城"),
    ("甲局与乙局在星港顺利签署合作协议。", "星港"),
    ("甲局與乙局在南寧同時簽署協議。", "南寧"),  # at the same time, no part of the place
    # 同, "with", after where, like 與 ("在X同B簽署")
    ("会长王大文在南宁同乙中心副主任李小明签署了合作备忘录。", "南宁"),
    # during the meeting: an occasion
    ("甲局與乙局代表今日會面，就合作交流意見，並於會面期間共同簽署《諒解備忘錄》。", None),
    # when, and gone there, before the place
    ("甲大學副校長林大良一行，於2022年3月23日遠赴星國月灣州立大學，與該校校長簽署合作協議。",
     "星國月灣州立大學"),
])
def test_chinese_places_of_signing(text: str, place: str | None) -> None:
    assert _place(text) == place


@pytest.mark.parametrize(("text", "place"), [
    ("甲司長今日抵達廣州展開訪問，並見證甲局與乙辦公室簽署協議書。", "廣州"),
    ("甲行政長官今日在泰國曼谷拜會乙總理，其後與丙副總理分別代表兩地政府簽署諒解備忘錄。", "曼谷"),
])
def test_where_the_signers_travelled_to_in_the_signing_sentence(text: str, place: str) -> None:
    notes: list[Note] = []
    spans = sentences(text)
    assert signing_place(text, spans, spans, notes)[0] == place


def test_a_venue_is_no_city() -> None:
    from mouarchive.importer.zh_names import city_of

    assert city_of("葡萄牙里斯本") == "里斯本"
    assert city_of("旅遊塔會展中心") is None


@pytest.mark.parametrize(("text", "place"), [
    ("Pine University and Larch University signed an MoU at the Pine Innovation Summit held in Ostport "
     "today.", "Ostport"),
    ("Pine Bank and Larch Bank signed an MoU at the Asian Financial Forum today.", None),
    ("Pine Bank and Larch Bank signed a cooperation agreement in the Kestrian capital of Ostport today.",
     None),
    ("The signing took place in Ostport on the sidelines of the forum. Pine Bank and Larch Bank signed "
     "a cooperation agreement.", "Ostport"),
    # "at the X Forum in Portugal.": where the event was, a country (or a place the place words name),
    # where the clause ends; a place not known as one is left
    ("Tom Wu and Eva Lam sign the MoU at the Pine Fintech Forum in Portugal.", "Portugal"),
    ("Tom Wu and Eva Lam sign the MoU at the Pine Fintech Forum in Ostport.", None),
    # the forum someone attended, the sentence before the signing
    ("Earlier today, Tom Wu attended the Pine Venture Forum in Shanghai. As part of his attendance, he "
     "oversaw the signing of a strategic cooperation agreement.", "Shanghai"),
])
def test_an_event_and_a_describing_word_are_no_place(text: str, place: str | None) -> None:
    notes: list[Note] = []
    spans = sentences(text)
    assert signing_place(text, spans, spans, notes)[0] == place


@pytest.mark.parametrize(("text", "place"), [
    # after a quoted title, and a venue of something through "and"
    ('A and B signed the "Cooperation Agreement between A and B" at the Complex of Commerce and Trade '
     "Platform for China and Portuguese-speaking Countries.",
     "Complex of Commerce and Trade Platform for China and Portuguese-speaking Countries"),
    # places joined by "and" are no one venue
    ("A and B signed the agreement in Ostport and Kestria City.", None),
])
def test_a_venue_after_a_quoted_title_goes_on_through_and(text: str, place: str | None) -> None:
    assert _place(text) == place


def test_an_event_whose_name_goes_on_past_a_small_word_is_no_place() -> None:
    """"signed at the Ostland-Kestria Joint Assistance to Enterprises Going Global Exchange Conference":
    an event, not a place named "Ostland-Kestria Joint Assistance"."""
    assert _place("The memorandum was signed at the Ostland-Kestria Joint Assistance to Enterprises "
                  "Going Global Exchange Conference.") is None


@pytest.mark.parametrize("text", ["星港職業局與月城教育廳於昨日(3月20日)簽署合作備忘錄。",
                                  "星港職業局與月城教育廳於今日簽署合作備忘錄。",
                                  # (a date with its weekday in brackets is when, too)
                                  "本校與月城醫院於3月8日（星期一）舉行學術合作簽約典禮。"])
def test_yesterday_after_the_written_at_is_no_place(text: str) -> None:
    assert _place(text) is None


@pytest.mark.parametrize(("text", "place"), [
    # before the ceremony is a time: the ceremony's own place stands
    ("星城政府與月華集團合作協議簽署儀式在月城舉行。在簽約儀式前召開的座談會上，王大文表示感謝。", "月城"),
    # in what circumstances, not where
    ("雙方將在適當的條件下考慮簽署協議。", None),
])
def test_before_a_ceremony_and_in_circumstances_are_no_places(text: str, place: str | None) -> None:
    assert _place(text) == place


def test_the_signing_site_is_no_place() -> None:
    """"在簽約現場舉行揭牌儀式": on the spot of the signing, which names no place."""
    assert _place("星港貿促局與月城商務廳簽署合約，並在簽約現場舉行揭牌儀式。") is None


def test_the_signing_session_is_no_place() -> None:
    """"在項目簽約環節": at the signing session; the meeting's own city stands."""
    text = ("5月11日上午，星港交流會在月城舉行，雙方進行了項目集中簽約。"
            "在項目簽約環節，雙方有關方面簽署了29個項目合作協議。")
    assert _place(text) == "月城"


@pytest.mark.parametrize(("text", "place"), [
    ("「星月交流會」昨日於星港職業學院舉行。會上，甲局與乙廳舉行備忘錄簽署儀式。", "星港職業學院"),
    ("代表處啟動儀式在月城舉行。儀式上，甲局主席王大文與乙廳廳長李小明簽署備忘錄。", "月城"),
    # the sentence before says where no meeting was held: none
    ("雙方代表昨日會面，就合作交流意見。會上，甲局與乙廳簽署備忘錄。", None),
])
def test_at_the_meeting_the_sentence_before_held_somewhere(text: str, place: str | None) -> None:
    assert _place(text) == place


@pytest.mark.parametrize(("text", "place"), [
    # after a long account of what the instrument is about, "in" is where it was signed ...
    ("Ostland Customs and Kestria Customs today signed a Mutual Recognition Arrangement on their "
     "Authorized Economic Operator programmes in Ostport.", "Ostport"),
    # ... but never after whom it is with
    ("Ostland Agency signed an agreement on trade with partners in Kestria.", None),
    # after a name, with the day in brackets before the clause ends
    ("Ostland Agency and Kestria Bureau signed the Arrangement on Trade between Ostland and Kestria in "
     "Ostport today (June 15).", "Ostport"),
    # the place, then the day, opening the signing sentence
    ("In Ostport on Thursday, Ostland Agency and Kestria Bureau signed a memorandum.", "Ostport"),
    ("In March, Ostland Agency and Kestria Bureau signed a memorandum.", None),
    # a ceremony held there, at which they signed
    ("Ostland Agency and Kestria Bureau held a signing ceremony in Ostport, at which the two parties "
     "signed a framework agreement.", "Ostport"),
])
def test_places_other_publishers_put_elsewhere_in_the_sentence(text: str, place: str | None) -> None:
    assert _place(text) == place


def test_signed_here_is_where_the_dateline_is() -> None:
    text = "Ostland Agency and Kestria Bureau signed an MoU here on Tuesday."
    spans = sentences(text)
    assert signing_place(text, spans, spans, [], here="Ostport")[0] == "Ostport"
    assert signing_place(text, spans, spans, [])[0] is None  # no dateline, no place
    chinese = "星港數碼局與月灣科技局3日在此間簽署合作協議。"
    spans = sentences(chinese)
    assert signing_place(chinese, spans, spans, [], here="月灣")[0] == "月灣"
    assert signing_place(chinese, spans, spans, [])[0] is None  # never "此間" itself
    # the signing ceremony, there
    text = "The signing ceremony was witnessed by Mr Tom Wu and Ms Ana Silva at Pine Palace here."
    spans = sentences(text)
    assert signing_place(text, spans, spans, [], here="Ostport")[0] == "Ostport"
    # an honorific's full stop between the verb and "here"
    text = "The MoU was signed by Mr. Tom Wu and Prof. Dr. Ana Silva at the vice chancellor's office here."
    spans = sentences(text)
    assert signing_place(text, spans, spans, [], here="Ostport")[0] == "Ostport"


@pytest.mark.parametrize(("text", "place"), [
    # where the signers had travelled to, in the signing sentence
    ("During his visit to Ostport, the Secretary signed an MoU with the Kestria Bureau.", "Ostport"),
    ("Ostland Agency signed an MoU with Kestria Bureau during a trade mission to Ostport.", "Ostport"),
    # a region "the" opens is no place of signing
    ("During the visit to the Middle East, a Memorandum of Understanding was signed.", None),
    # at an event held somewhere, the sentence opening with it
    ("On the sidelines of the Pine Summit in Ostport, the two sides signed an MoU.", "Ostport"),
])
def test_where_the_signers_travelled_to_in_english(text: str, place: str | None) -> None:
    assert _place(text) == place


@pytest.mark.parametrize("text", [
    "The MoU was signed at the Ostport Convention and Exhibition Centre.",
    "The MoU was signed at the Ostport Convention and Exhibition Centre on Monday.",
])
def test_a_venue_by_its_last_word_goes_on_through_and(text: str) -> None:
    assert _place(text) == "Ostport Convention and Exhibition Centre"


@pytest.mark.parametrize("text", [
    "Ostland Agency and Kestria Bureau signed an MoU at the Pine Expo in Shanghai yesterday.",
    "Ostland Agency and Kestria Bureau signed an MoU at the Pine Expo in Shanghai on Monday.",
])
def test_an_events_place_with_the_day_after_it(text: str) -> None:
    assert _place(text) == "Shanghai"


@pytest.mark.parametrize(("text", "place"), [
    # where the signers went, or stayed while they signed
    ("星港數碼局局長李文率團赴深圳考察，並與月灣科技局簽署合作備忘錄。", "深圳"),
    ("星港數碼局局長李文率團訪問深圳期間，與月灣科技局簽署合作備忘錄。", "深圳"),
    ("李文一行抵達深圳後，與月灣科技局簽署合作備忘錄。", "深圳"),
    # while a meeting went on: a time, no place
    ("在會議期間，星港局與月灣局簽署合作備忘錄。", None),
    # went there, then (先後) signed with them; or went there and only met them
    ("星港大學校長李文一行前往葡國里斯本，先後與里斯本大學及月灣學院簽署合作協議。", "里斯本"),
    ("星港大學校長李文一行前往葡國里斯本，與里斯本大學校長會面。雙方其後簽署合作協議。", None),
    # a city abroad the tagger's dictionary does not know, where one signed with another
    ("星港數碼局局長李文今日在利雅得與月灣投資部副部長張明簽署合作備忘錄。", "利雅得"),
    ("星港數碼局局長李文今日在吉隆坡與月灣投資部副部長張明簽署合作備忘錄。", "吉隆坡"),
])
def test_chinese_places_the_signers_went_to_and_times_that_are_none(text: str, place: str | None) -> None:
    assert _place(text) == place


@pytest.mark.parametrize(("text", "place"), [
    # a day after the place says the clause is about the signing, whatever follows the day
    ("OSTDC signed an MoU with CCPIT Larch in Ostport today (May 16) to help firms go global.", "Ostport"),
    ("OSTDC signed an MoU with CCPIT Larch in Ostport on Monday to help firms go global.", "Ostport"),
    # without one, where the one it signed with is
    ("OSTDC signed an MoU with CCPIT Larch in Ostport to help firms go global.", None),
])
def test_a_place_after_a_name_with_the_day_after_it(text: str, place: str | None) -> None:
    assert _place(text) == place


@pytest.mark.parametrize(("text", "place"), [
    # a noun of what the instrument is, not a purpose: "promotion", "a protocol to their agreement"
    ("Pine Agency and Larch Ministry signed an investment promotion agreement in Vorsk on May 20, 2024.",
     "Vorsk"),
    ("Ostland and Kestria signed a protocol to their tax agreement today (December 4) in Vorsk.", "Vorsk"),
    # a purpose: the "in" says where it is to happen
    ("Pine Agency signed an agreement promoting investment in Vorsk.", None),
    ("Pine Agency signed an agreement to promote investment in Vorsk.", None),
])
def test_a_verbs_forms_alone_are_a_purpose(text: str, place: str | None) -> None:
    assert _place(text) == place


@pytest.mark.parametrize(("text", "place"), [
    # a venue, then the town it is in and the day: the venue, not cut short by them
    ("The signing ceremony for the agreement between Pine and Larch was held at the Ostport Palace Hotel "
     "in Vorsk on 8 January 2024.", "Ostport Palace Hotel"),
    ("The signing took place at the Overseas Exchange Center of Pine University in Vorsk.",
     "Overseas Exchange Center of Pine University"),
    # a name that goes on past the venue's is still cut short: none
    ("The signing ceremony was held at the Ostport Hotel in Vorsk Harbour Trade Zone Authority Offices "
     "and Pine Hall.", None),
])
def test_a_ceremonys_venue_with_the_town_it_is_in(text: str, place: str | None) -> None:
    assert _place(text) == place


@pytest.mark.parametrize(("text", "place"), [
    # after what a memorandum of understanding is on, a body's premises and the town they are in
    ("On 4 July, Pine and Larch signed a memorandum of understanding on smart manufacturing at Larch's "
     "headquarters in Vorsk.", "Larch's headquarters"),
    ("Pine and Larch signed a memorandum of understanding on smart manufacturing in Vorsk today.", "Vorsk"),
    # "for" a purpose: where the collaboration is to be
    ("Pine and Larch sign Memorandum of Understanding for institutional collaboration in Vorsk", None),
])
def test_after_what_a_memorandum_of_understanding_is_on(text: str, place: str | None) -> None:
    assert _place(text) == place


@pytest.mark.parametrize(("text", "place"), [
    ("Officials from the Pine Secretariat and Larch Bank attended the signing ceremony in Vorsk.", "Vorsk"),
    ("Ms Ana Silva witnessed the signing ceremony at the Ostport Hall today (May 3).", "Ostport Hall"),
    # a clause that goes on after the place says more than where the ceremony was
    ("Officials attended the signing ceremony in Vorsk Harbour Town alongside Pine Hall staff.", None),
])
def test_those_who_attended_the_signing_ceremony_there(text: str, place: str | None) -> None:
    assert _place(text) == place


@pytest.mark.parametrize(("text", "place"), [
    ("Two leaders witnessed the signing of 14 cooperation documents between the two countries in Vorsk.",
     "Vorsk"),
    # where a list of parties goes on, the "in" is where one of them is
    ("Pine signed agreements with the two universities in Vorsk and Larch Group.", None),
])
def test_a_place_after_the_parties_by_their_number(text: str, place: str | None) -> None:
    assert _place(text) == place


@pytest.mark.parametrize(("text", "place"), [
    # a region "the" opens, after what the instrument is about, is where that is; the town after it
    # is where it was signed
    ("Pine and Larch signed a strategic cooperation agreement on railway operations in the Greater Bay "
     "Area.", None),
    ("Pine and Larch signed an arrangement on legal co-operation in the Greater Bay Area in Vorsk on "
     "21 November 2023.", "Vorsk"),
    # a town right after it is still where it was signed
    ("Pine and Larch signed an arrangement on legal co-operation in Vorsk on 21 November 2023.", "Vorsk"),
])
def test_a_region_after_what_the_instrument_is_about_is_no_place(text: str, place: str | None) -> None:
    assert _place(text) == place


@pytest.mark.parametrize(("text", "place"), [
    ("A MOU was signed between the Pine Administration and the Larch Ministry on Strengthening Cooperation "
     "in the Railway Sector.", None),
    ("The two agencies signed an agreement on Deepening Cooperation in the Energy Industry.", None),
    ("The two agencies signed an agreement in Ostport.", "Ostport"),
])
def test_a_field_of_activity_is_no_place(text: str, place: str | None) -> None:
    """"on Strengthening Cooperation in the Railway Sector": a sector, a field or an industry that
    an instrument's title is about is no place of signing."""
    assert _place(text) == place


def test_a_ceremony_held_somewhere_after_a_company_abbreviated() -> None:
    """"the signing ceremony of an agreement among A, B and Kestrel Holding Corp. took place at X":
    the abbreviation's full stop ends no sentence; X is where it was signed."""
    text = ("On June 14, 2019, the signing ceremony of a cooperation agreement among Pine University, Larch "
            "University and Kestrel Holding Corp. took place at Pine University. Attending were A and B.")
    assert _place(text) == "Pine University"


@pytest.mark.parametrize(("text", "place"), [
    # a country after a body's name is where the body is, as likely as where it was signed
    ("Pine University President Tom Wu signed a Memorandum of Understanding with President Gu Bing of Larch "
     "University in China.", None),
    ("Pine University signed a MoU with Larch University in Beijing.", "Beijing"),
    # "at a conference on business opportunities in X": where the subject is
    ("Pine Agency and Larch Agency signed a Memorandum on June 6, at a conference on business opportunities "
     "in Hong Kong and the Pine Bay Area.", None),
])
def test_a_country_after_a_body_and_a_conferences_subject_are_no_place_of_signing(text: str,
                                                                                 place: str | None) -> None:
    assert _place(text) == place


def test_the_meeting_during_which_they_signed() -> None:
    """"A and B on Friday held a summit meeting in the Kestrian city of Pinehill, during which they
    signed an agreement": where the meeting was held is where they signed."""
    text = ("Ostland President Tom Vorsk and Kestria President Ana Kestri on Friday held a summit meeting in "
            "the Kestrian city of Pinehill, during which they signed an agreement on strategic cooperation.")
    assert _place(text) == "Pinehill"
def test_the_signing_ceremony_in_the_clause_before_was_held_there() -> None:
    """"簽署X的儀式，昨日下午二時起在Y舉行": Y is where it was signed."""
    from mouarchive.errors import Problems
    from mouarchive.importer import draft_from_text
    from mouarchive.vocabularies import load_vocabularies

    vocab = load_vocabularies(Path(__file__).resolve().parent / "fixtures" / "import", Problems())
    text = ("兩校簽署合作協議\n\n2024年5月3日\n\n月灣大學昨日與星河高中簽署合作協議。"
            "簽署合作協議的儀式，昨日下午二時起在星河高中視聽會議室舉行，雙方代表互贈禮物。\n")
    (agreement,) = draft_from_text(text, vocab).agreements
    assert agreement.place == "星河高中視聽會議室"


def test_the_body_that_held_the_event_is_no_place() -> None:
    """"在甲管理局舉辦的金融科技日活動上簽署": who held the event, not where."""
    from mouarchive.errors import Problems
    from mouarchive.importer import draft_from_text
    from mouarchive.vocabularies import load_vocabularies

    vocab = load_vocabularies(Path(__file__).resolve().parent / "fixtures" / "import", Problems())
    text = ("兩局簽署合作協議\n\n2024年5月3日\n\n在月灣金融管理局舉辦的「金融科技日」活動上，"
            "月灣金融管理局總裁李文與星港金融管理局局長張明簽署《合作協議》。\n")
    (agreement,) = draft_from_text(text, vocab).agreements
    assert agreement.place is None


def test_where_they_met_and_signed_is_no_part_of_the_meeting() -> None:
    """"在甲集團總部會談並簽訂": the headquarters, without the talks held there."""
    from mouarchive.errors import Problems
    from mouarchive.importer import draft_from_text
    from mouarchive.vocabularies import load_vocabularies

    vocab = load_vocabularies(Path(__file__).resolve().parent / "fixtures" / "import", Problems())
    text = ("兩集團簽訂協議\n\n2020-12-04\n\n11月27日，甲集團與乙集團在甲集團總部會談並簽訂戰略合作協議。\n")
    (agreement,) = draft_from_text(text, vocab).agreements
    assert agreement.place == "甲集團總部"


def test_where_then_on_whose_behalf_went_there_and_signed_and_earlier_is_no_place() -> None:
    """"在X分別代表兩國政府簽署": X; "赴天津與B簽訂": the city they went to; "在先期簽署的協議
    的基礎上": earlier, a time."""
    from mouarchive.errors import Problems
    from mouarchive.importer import draft_from_text
    from mouarchive.vocabularies import load_vocabularies

    vocab = load_vocabularies(Path(__file__).resolve().parent / "fixtures" / "import", Problems())
    draft = draft_from_text("兩國簽署協定\n\n2024年3月25日\n\n3月22日，月灣大使李文與星港部長張明在星港亞倫"
                            "分別代表兩國政府簽署了《互免簽證協定》。\n", vocab)
    assert draft.agreements[0].place == "星港亞倫"
    draft = draft_from_text("兩集團簽訂協議\n\n2024年6月28日\n\n6月27日，李文董事長率隊赴天津與月灣集團"
                            "簽訂戰略合作協議。\n", vocab)
    assert draft.agreements[0].place == "天津"
    draft = draft_from_text("兩集團簽署協議\n\n2024年8月28日\n\n8月27日，月灣集團與星港集團簽署項目合作協議。"
                            "會上雙方在先期簽署的戰略合作協議的基礎上達成共識。\n", vocab)
    assert draft.agreements[0].place is None


def test_in_whose_presence_opens_no_place() -> None:
    """"在A總統見證下，B與C簽署": who witnessed, not where."""
    from mouarchive.errors import Problems
    from mouarchive.importer import draft_from_text
    from mouarchive.vocabularies import load_vocabularies

    vocab = load_vocabularies(Path(__file__).resolve().parent / "fixtures" / "import", Problems())
    draft = draft_from_text("兩國簽署協定\n\n2018年11月21日\n\n"
                            "在王明總統見證下，李文與張強共同簽署“警政合作協定”。\n", vocab)
    assert draft.agreements[0].place is None


def test_at_ours_names_no_place() -> None:
    """"簽約儀式在我院舉行": at the publisher's, which the text does not name."""
    from mouarchive.errors import Problems
    from mouarchive.importer import draft_from_text
    from mouarchive.vocabularies import load_vocabularies

    vocab = load_vocabularies(Path(__file__).resolve().parent / "fixtures" / "import", Problems())
    draft = draft_from_text("兩院簽署協議\n\n2024年2月5日\n\n"
                            "2月3日，月灣醫學院與星港醫院合作協議簽約儀式在我院舉行。\n", vocab)
    assert draft.agreements[0].place is None


@pytest.mark.parametrize(("text", "place"), [
    # the sentence right after the signing, about its ceremony: where it took place, after the hour
    ("Ostland and Kestria marked the day with the signing of 14 MoUs. The ceremony, which took place at "
     "5.45pm local time in the North Hall of Ostport's Great Hall of the People, covered many sectors.",
     "North Hall of Ostport's Great Hall of the People"),
    ("Ostland and Kestria signed an MoU on Monday. The signing ceremony took place in Ostport.", "Ostport"),
    # a ceremony a sentence further on may be another one
    ("Ostland and Kestria signed an MoU on Monday. The two leaders then spoke. The ceremony, which took "
     "place in Ostport, was short.", None),
])
def test_the_ceremony_the_sentence_after_the_signing_says_took_place_somewhere(text: str,
                                                                               place: str | None) -> None:
    assert _place(text) == place


@pytest.mark.parametrize(("text", "place"), [
    # a title's own words in capitals say what the co-operation is in
    ("Ana Silva witnessed the signing of a Memorandum of Understanding on Co-operation in Wine-Related "
     "Businesses by Ms Eva Lam and Mr Tom Wu.", None),
    ("Two agencies signed an MoU on Co-operation in Financial Services today.", None),
    # a place's name is where it was signed
    ("Two agencies signed an Agreement on Co-operation in Beijing.", "Beijing"),
    ("Mr Tom Wu and Ms Eva Lam signed the Memorandum of Understanding on Trade and Economic Co-operation in "
     "Ostport today (January 23) on behalf of the two governments respectively.", "Ostport"),
])
def test_what_a_titles_co_operation_is_in_is_no_place(text: str, place: str | None) -> None:
    assert _place(text) == place


def test_a_venue_with_a_word_in_camel_case() -> None:
    """"signed an MoU with B at HKU iCube": the venue whole, "iCube" and all."""
    assert _place("On March 17 2025, Prof. Ana Silva, Dean of Pine Business School, signed an MoU with Larch "
                  "Holdings at Pine iCube.") == "Pine iCube"


def test_where_the_documents_were_exchanged() -> None:
    """"The documents were exchanged at the Seri Perdana Complex here": where the signed documents
    changed hands, in a sentence of its own."""
    text = ("Ostland and Kestria signed 31 MoUs. The leaders met. The documents were exchanged at the Pine "
            "Perdana Complex here on Wednesday (April 16).")
    spans = sentences(text)
    assert signing_place(text, spans, spans[:1], [])[0] == "Pine Perdana Complex"
    text = "Ostland and Kestria signed 31 MoUs. The two sides exchanged views at the Pine Perdana Complex."
    spans = sentences(text)
    assert signing_place(text, spans, spans[:1], [])[0] is None


def test_a_bracket_with_the_time_at_another_place_is_not_where_it_was_signed() -> None:
    """"signed the agreements on Wednesday evening (Thursday morning in Pinetown)": the hour there."""
    assert _place("Ostland and Kestria signed the agreements on Wednesday evening (Thursday morning in "
                  "Pinetown).") is None
    assert _place("Ostland and Kestria signed the agreements in Ostport on Wednesday evening (3 am in "
                  "Pinetown).") == "Ostport"


def test_after_the_parties_by_their_number_here_today_ends_the_clause() -> None:
    """"after the signing of the MoU with the three companies in Ostport here today": the parties by
    their number, then the place, then "here today": where it was signed."""
    assert _place("Ana Silva spoke after the signing of the MoU with the three companies in Ostport here "
                  "today.") == "Ostport"
    assert _place("Ana Silva spoke after the signing of the MoU with the three companies in "
                  "Ostport.") == "Ostport"


def test_a_headline_s_signing_of_in_title_case_gives_the_place() -> None:
    """"Ostland President Witnesses Signing of Three MoUs in Ostport": a headline in title case."""
    assert _place("Ostland President Witnesses Signing of Three MoUs in Ostport") == "Ostport"


def test_a_body_s_headquarters_after_the_is_the_place() -> None:
    """"signed at the Ministry of Defence headquarters in Ostport": the body's premises, not the body."""
    assert _place("The MoU was signed at the Ministry of Defence headquarters in Ostport by Tom Wu.") == (
        "Ministry of Defence headquarters")


def test_who_attended_the_signing_in_a_place_says_where_it_was() -> None:
    """"A and B attended the signing in Ostport": where the signing was."""
    assert _place("Ambassador Tom Wu and Assistant Secretary Ana Silva attended the signing in Ostport.") == (
        "Ostport")
def test_the_agreement_signed_on_solemnly_is_no_place() -> None:
    """"在战略合作协议上郑重签字": the paper they signed on, then how, is no place; the ceremony's
    venue in the next sentence is where it was signed."""
    assert _place("3月12日下午，甲公司总经理王大明与乙部副经理李小华在战略合作协议上郑重签字。"
                  "签约仪式在乙部举行，双方负责人出席签约仪式。") == "乙部"
    assert _place("甲公司总经理王大明与乙部副经理李小华在合作协议文本上正式签字。") is None


def test_a_body_at_the_end_of_a_signers_title_is_no_place() -> None:
    """"signed by A, Undersecretary of X, and B, Commissioner of the Pine Pavilion at the Kestrel
    Secretariat.": where B's office is, not where the signing was."""
    assert _place("The MoU was signed by Ana Silva, Undersecretary of the Ostland Ministry, and Tom Wu, "
                  "Commissioner of the Pine Pavilion at the General Secretariat of the Kestrel "
                  "Council.") is None
    # (a place after a name that ends the clause still is one: "with Ostland University in Sao Paulo.")
    assert _place("Pine Group signed an MoU with Ostland University in Sao Paulo.") == "Sao Paulo"


def test_the_mou_signing_which_took_place_at() -> None:
    """"The MoU signing - which took place at the Pine Ministry - was attended by A and B"."""
    assert _place("The MoU signing - which took place at the Ministry of Ostland Affairs - was attended "
                  "by Tom Wu and Ana Silva.") == "Ministry of Ostland Affairs"


def test_at_a_meeting_in_a_place_on_a_day_then_the_signing() -> None:
    """"At the cooperation meeting in Ostport City on August 12, A signed ...": the place, then the day."""
    assert _place("At the central-local cooperation meeting in Ostport City on August 12, Pine Corp signed "
                  "a framework agreement with Ostport Municipal Government.") == "Ostport City"


def test_a_conference_room_of_a_body() -> None:
    """"signed the agreement in the conference room of Pine government": the room, whose it is."""
    assert _place("On August 27, Pine government and Larch Zone signed the 'strategic cooperation "
                  "framework agreement' in the conference room of Pine government.") == (
        "conference room of Pine government")


def test_a_place_then_its_kind_and_who_reported_it() -> None:
    """"signed an Agreement between Ostland and Kestria in Ostport city, the Pine news agency
    reported": the place after the parties, then who reported it."""
    assert _place("Tom Wu and Ana Silva have signed a Strategic Partnership Agreement between Ostland and "
                  "Kestria in Ostport city, the Pine news agency reported.") == "Ostport"
def test_the_paper_signed_on_is_no_place() -> None:
    """"在文件上签字": what the signers put their names on, no place."""
    assert _place("甲市与乙市签署友好合作备忘录，甲市长王大明和乙市长李小华在文件上签字。") is None
    assert _place("甲市与乙市签署友好合作备忘录，双方代表在合同上簽名。") is None


def test_our_city_is_no_place() -> None:
    """"签约仪式在我市举行": the publisher's own city, by "our", names no place."""
    assert _place("11月24日，甲市人民政府与乙大学全面战略合作协议签约仪式在我市举行。") is None
    assert _place("甲縣政府與乙大學合作協議簽約儀式在本縣舉行。") is None


@pytest.mark.parametrize(("text", "place"), [
    ("The document was signed by the heads of the agencies as part of the Kestrian President's state "
     "visit to Ostport.", "Ostport"),
    ("The MoUs were signed during Kestria Sultan Omar bin Zayed's ongoing visit to Ostland.", "Ostland"),
    ("Pine and Larch have signed 18 agreements during Kestrian President Tom Wu's visit to Ostland, the "
     "Ostland news agency reported on Saturday.", "Ostland"),
])
def test_a_visit_that_the_signing_was_part_of(text: str, place: str) -> None:
    """"signed ... as part of the Kestrian President's state visit to Ostport", "during Kestria Sultan
    Omar bin Zayed's visit to Ostland, the agency reported": where the visitor went."""
    assert _place(text) == place


def test_the_event_the_signing_was_at_where_its_organiser_held_it() -> None:
    """"signed ... on the sidelines of the ceremony of the X programme, organised by the ministry at
    Pine Hotel, Ostport": the venue."""
    assert _place("The MoU was signed by Tom Wu, Under-Secretary of the Ministry, and Prof. Ana G. Silva, "
                  "President of the PU, on the sidelines of the graduation ceremony of the fourth "
                  "programme, organised by the ministry at Pine Bay Hotel, Ostport.") == "Pine Bay Hotel"


@pytest.mark.parametrize(("text", "place"), [
    ("The signing ceremony was witnessed by Prime Minister Tom Wu and the visiting Kestrian Vice Premier "
     "Li Ming in Ostport on Monday.", "Ostport"),
    ("The signing ceremony was witnessed by the Consul General in Ostport.", None),
    ("The signing of the agreement was supervised by Ostland's Foreign Minister, Ana Silva, and witnessed "
     "by President Tom Wu and President Li Ming of Kestria at the Pine House on Wednesday in Ostport.",
     "Pine House"),
])
def test_witnessed_by_then_where_and_when(text: str, place: str | None) -> None:
    """"The signing ceremony was witnessed by A and B in Ostport on Monday": the day after the place
    says it is where the signing was."""
    assert _place(text) == place


def test_a_venue_that_opens_the_sentence_where_a_signing_ceremony_was_held() -> None:
    """"On the morning of July 4, at Pine Bay Hotel, A and B held a formal signing ceremony for the
    agreement": the venue."""
    assert _place("On the morning of July 4, at Pine Bay Hotel, Larch Group and Ostland People's "
                  "Government held a formal signing ceremony for the strategic cooperation agreement."
                  ) == "Pine Bay Hotel"


def test_here_after_a_name_in_a_list_of_parties_is_where_the_body_is() -> None:
    """"signed between Pine University (PU) here and B": no place of the signing."""
    text = "A memorandum was signed between Pine University (PU) here and Ostport-based Larch Institute (LI)."
    spans = sentences(text)
    assert signing_place(text, spans, spans, [], here="Ostport")[0] is None
    text = "A memorandum was signed here and Larch Institute will host the first exchange."
    spans = sentences(text)
    assert signing_place(text, spans, spans, [], here="Ostport")[0] == "Ostport"


@pytest.mark.parametrize(("text", "place"), [
    ("In May, during a delegation to Kestria, we signed a Memorandum of Understanding with the Pine "
     "Council.", "Kestria"),
    ("Signed at Pine University's Council Chambers by Prof Tom Wu and Prof Li Ming, the MoU confirms the "
     "collaboration.", "Pine University's Council Chambers"),
    ("The MoUs were inked between Pine Bhd and Larch Limited. The ceremony, which was also witnessed by "
     "the Ostport Chamber chairman Omar Dorsey, took place at The Pine Hotel Ostport after the prayer.",
     "The Pine Hotel Ostport"),
])
def test_a_delegations_trip_a_participle_and_a_ceremony_with_a_clause(text: str, place: str) -> None:
    """"In May, during a delegation to Kestria, we signed", "Signed at X by A and B, the MoU ...",
    "The ceremony, which was also witnessed by A, took place at X": where."""
    assert _place(text) == place


def test_where_they_went_to_visit_before_with() -> None:
    """"於7月21日前往北海道甲町訪問，與乙簽署": the place visited; 訪問 (a visit) is none of it."""
    text = "星河市長王大文率團於7月21日前往北海道月浦町訪問，與町長山田一郎簽署友好交流協定。"
    assert _place(text) == "北海道月浦町"


@pytest.mark.parametrize("text", [
    "月浦市長與王鄉長於儀式中共同簽署協定。",
    "星河鄉公所遠赴月浦町，在駐日代表謝大文見證下簽訂協定。",
])
def test_during_the_ceremony_and_a_witness_with_a_representatives_title_are_no_places(text: str) -> None:
    """"於儀式中簽署" is during the ceremony; "在駐日代表A見證下簽訂" is in a witness's presence, whose
    title holds 代表 (representative): neither is a place."""
    assert _place(text) is None


def test_a_bodys_premises_in_small_letters_then_the_town() -> None:
    """"signed the MOA at the Pine main building in Ostville on Wednesday": the premises, and the town
    they are in, the place."""
    assert _place("Tom Wu and Ana Silva signed the MOA at the Pine main building in Ostville on "
                  "Wednesday.") == "Pine main building in Ostville"
    assert _place("Tom Wu and Ana Silva signed the MOA at the Pine main building in Ostville.") == \
        "Pine main building in Ostville"


def test_a_room_of_a_body_in_small_letters_after_its_name() -> None:
    """"The MoU was signed at Pine Ministry conference room in the city on Wednesday": the body's
    name and its room, the place; "in the city" says the dateline's town again."""
    assert _place("Pine Corporation signed an MoU with Larch Company. The MoU was signed at Pine Ministry "
                  "conference room in the city on Wednesday, said a press release.") == \
        "Pine Ministry conference room"


def test_a_venue_then_here_is_where_in_the_datelines_town() -> None:
    """"signed the MoU for Ostland with his counterpart Ana Silva, for Kestria, at Pine Putra, here":
    the venue before ", here" is the place, not the dateline's town alone."""
    text = ("Home Minister Tom Wu signed the MoU for Ostland with his counterpart Ana Silva, for Kestria, at "
            "Pine Putra, here.")
    spans = sentences(text)
    assert signing_place(text, spans, spans, [], here="Ostport")[0] == "Pine Putra"
    text = "Ostland and Kestria signed the MoU here on Monday."
    spans = sentences(text)
    assert signing_place(text, spans, spans, [], here="Ostport")[0] == "Ostport"


@pytest.mark.parametrize(("text", "place"), [
    # after a party's name, the place, its country after a comma, then the day: where it was signed
    ("The Pine Chamber signed an MOU with Larch Foundation in Ostport, China on 11th December 2020.",
     "Ostport"),
    # a comma and a name that is no country: a list of parties goes on
    ("The Pine Chamber signed MOUs with Larch Foundation in Ostport, Kestrel Holdings and Elm Bank.", None),
])
def test_a_place_and_its_country_after_a_party_then_the_day(text: str, place: str | None) -> None:
    assert _place(text) == place


@pytest.mark.parametrize(("text", "place"), [
    # a second doing after "and", whose place the "in" gives, not the signing's
    ("The Pine government marked its focus by signing a memorandum of understanding with Larch and "
     "marking the 30th anniversary of the Pine Office (PO) in Ostport.", None),
    ("The Pine government signed a memorandum of understanding with Larch and launched a fund in Ostport.",
     None),
    # the instrument's own "and" goes on to where it was signed
    ("The two sides signed a memorandum of understanding and an agreement on trade in Ostport.", "Ostport"),
])
def test_a_second_doing_after_and_has_its_own_place(text: str, place: str | None) -> None:
    assert _place(text) == place


def test_here_in_a_reporting_clause_is_where_it_was_told() -> None:
    """"has signed an MoU with B at Ostville, according to a statement issued here": "here" says
    where the statement was issued (the dateline's town), not where the signing was."""
    text = ("Pine University has signed an MoU with Larch University at Ostville, according to a "
            "statement issued here.")
    spans = sentences(text)
    assert signing_place(text, spans, spans, [], here="Kestport")[0] == "Ostville"
    text = "Pine University signed an MoU with Larch University here on Monday."
    spans = sentences(text)
    assert signing_place(text, spans, spans, [], here="Kestport")[0] == "Kestport"


def test_a_peoples_word_is_no_place() -> None:
    # "at the Guatemalan pavilion at Expo 2020 Dubai": the people's word before a noun in small
    # letters says whose the pavilion is; it names no place
    assert _place("The signing ceremony took place at the Guatemalan pavilion at Expo 2020 Dubai, between "
                  "Tom Wu, Chairman of the Ostland Chamber, and Ana Silva.") is None
    assert _place("The signing ceremony took place at Ostland University on 19 February.") == \
        "Ostland University"


@pytest.mark.parametrize(("text", "place"), [
    # after something is a time: the place the other signing sentence names stands
    ("甲局與乙局今日在香港簽署《合作協議》。在傳統監管合作之後簽訂金融科技協議，是雙方合作的下一步。",
     "香港"),
    # the place, then with whom (同) they signed there; a meeting is no place
    ("会长王大文在蒙古国乌兰巴托市同乙中心副主任陈小明签署了合作备忘录。", "蒙古国乌兰巴托市"),
    ("王大文在会上同乙中心副主任陈小明签署了合作备忘录。", None),
])
def test_after_something_is_a_time_and_a_place_before_with_whom(text: str, place: str | None) -> None:
    assert _place(text) == place


def test_an_occasion_by_its_kinds_word_alone_is_no_place() -> None:
    """"A與B在論壇共同簽署X": at the forum, which the sentence names by its kind's word alone."""
    assert _place("甲市長王大文與乙市長李小明在論壇共同簽署水治理交流MOU。") is None


def test_an_occasion_by_its_name_is_when_not_where() -> None:
    """"signed at the Pine-Larch Ministerial Roundtable": the occasion, by its name, is no place."""
    assert _place("Pine and Larch signed two MoUs at the Pine-Larch Ministerial Roundtable "
                  "on Tuesday.") is None


def test_the_scene_of_witnessing_is_no_place() -> None:
    """"在現場見證簽約一刻": at the scene, witnessing the moment of signing, which names no place."""
    assert _place("甲集團與乙公司簽署合作協議。在現場見證簽約一刻，甲集團總經理助理王大文感慨萬千。") is None
    # ("在會中簽署": at the meeting)
    assert _place("甲市議會與乙縣議會代表在會中簽署交流合作備忘錄。") is None
