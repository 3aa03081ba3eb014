"""Precision of the importer's clause reading (src/mouarchive/importer/parties.py, people.py,
roles.py): a party, a person or a place is proposed only inside the construction that states it.
Invented names and sentences throughout."""

from __future__ import annotations

from pathlib import Path

import pytest

from mouarchive.errors import Problems
from mouarchive.importer.parties import Parties, party_slots
from mouarchive.importer.people import Reading, read_people
from mouarchive.importer.roles import role_clauses
from mouarchive.importer.text import sentences
from mouarchive.model import PartialDate
from mouarchive.vocabularies import load_vocabularies

REPO = Path(__file__).resolve().parents[1]
VOCAB = load_vocabularies(REPO / "tests" / "fixtures" / "import", Problems())


def _parties(text: str) -> Parties:
    return Parties.build(VOCAB, text)


@pytest.mark.parametrize(("sentence", "names"), [
    # a relation between two places is not a signing between two parties
    ("The MoU will promote co-operation between Ostland and Kestria.", []),
    ("It strengthens ties between Ostland Port Authority and Kestria.", []),
    # after an instrument, its subject or a signing verb, "between" names the parties
    ("An agreement on strategic cooperation between the Ostland Agency and Kestrel Daily was signed.",
     ["Ostland Agency", "Kestrel Daily"]),
    ("The Memorandum of Understanding on Trade between Ostland Agency and Kestria Bureau was signed.",
     ["Ostland Agency", "Kestria Bureau"]),
    ("The MoU (the Memorandum) between Ostland Agency and Kestria Bureau was signed.",
     ["Ostland Agency", "Kestria Bureau"]),
])
def test_between_names_parties_only_after_a_signing_or_an_instrument(sentence: str, names: list[str]) -> None:
    assert [name for name, _ in party_slots(sentence)] == names


def test_what_an_agreement_is_on_after_a_government_goes_on_through_and() -> None:
    """"between A and the B Government on X and Y": a government is never on a subject; the subject's
    own "and" names no third party."""
    found = party_slots("It is the Cooperation Agreement between the Pine Ministry and the Larch SAR "
                        "Government on Marine Traffic and Fairway Management for Waters Administered by "
                        "the Larch SAR.")
    assert [name for name, _ in found] == ["Pine Ministry", "Larch SAR Government"]


def test_an_instruments_owner_goes_on_through_its_small_words() -> None:
    """"the Belt and Road Office's MoU with B": the whole owner, not "Road Office"."""
    found = party_slots("Tom Wu witnessed the signing of the Belt and Road Office's MoU with the Larch "
                        "Council.")
    assert [name for name, _ in found] == ["Belt and Road Office", "Larch Council"]
    found = party_slots("The Ministry of Commerce's agreement with the Elm Bureau was signed today.")
    assert [name for name, _ in found] == ["Ministry of Commerce", "Elm Bureau"]


def test_a_name_that_ends_in_its_kind_ends_at_and() -> None:
    found = party_slots("Ostland City and Kestrel Hi-Tech Group signed an agreement.")
    assert [name for name, _ in found] == ["Ostland City", "Kestrel Hi-Tech Group"]
    # "Development and Reform Commission" is one name: "Development" is no kind of organisation
    found = party_slots("The Ostland Development and Reform Commission signed it.")
    assert [name for name, _ in found] == ["Ostland Development and Reform Commission"]


def test_where_in_china_before_a_party_and_an_autonomous_region() -> None:
    """"with south China's Guangxi Zhuang Autonomous Region", as Xinhua writes it: the region signed."""
    found = party_slots("Ostland Council on Wednesday signed 12 agreements with south China's Pinehill Dai "
                        "Autonomous Region.")
    assert [name for name, _ in found] == ["Ostland Council", "Pinehill Dai Autonomous Region"]
    found = party_slots("Ostland University signed an agreement with southwest China's Larch University.")
    assert [name for name, _ in found] == ["Ostland University", "Larch University"]


def test_the_fields_a_name_is_of_go_on_after_commas() -> None:
    found = party_slots("The MoU was signed by the Pine Chamber of Commerce, Industry, Agriculture and "
                        "Services.")
    assert [name for name, _ in found] == ["Pine Chamber of Commerce, Industry, Agriculture and Services"]
    found = party_slots("The MoU was signed by the Pine Chamber of Commerce, Ostland University and "
                        "Larch Group.")
    assert [name for name, _ in found] == ["Pine Chamber of Commerce", "Ostland University", "Larch Group"]


def test_a_government_is_never_on_a_subject() -> None:
    """"the Agreement between the Ministry of Ports and the Pine SAR Government on Marine Safety"."""
    found = party_slots("The agreements are: the Cooperation Agreement between the Ministry of Ports and the "
                        "Pine SAR Government on Marine Traffic Safety.")
    assert [name for name, _ in found] == ["Ministry of Ports", "Pine SAR Government"]


def test_where_a_party_is_with_its_country_is_no_part_of_its_name() -> None:
    found = party_slots("Ostland Chamber signed an MoU with the Pine Foundation in Beijing, China today.")
    assert [name for name, _ in found] == ["Ostland Chamber", "Pine Foundation"]


@pytest.mark.parametrize(("sentence", "names"), [
    ("The Pine Trade Union and Ostland University signed an MoU.",
     ["Pine Trade Union", "Ostland University"]),
    ("Kestria Municipality signed an agreement with Larch Group.", ["Kestria Municipality", "Larch Group"]),
])
def test_a_union_and_a_municipality_are_organisations(sentence: str, names: list[str]) -> None:
    assert [name for name, _ in party_slots(sentence)] == names


@pytest.mark.parametrize(("sentence", "names"), [
    # "in" a place after a name that ends in its kind says where the body is, a place the word
    # lists do not know too
    ("Pine Council signed an MoU with the Larch Promotion Agency (LPA) in Vorsk Mirny.",
     ["Pine Council", "Larch Promotion Agency"]),
    # a kind of body whose name goes on with where it is
    ("Pine Council signed an MoU with the Larch Economic and Trade Office in Vorsk.",
     ["Pine Council", "Larch Economic and Trade Office in Vorsk"]),
])
def test_a_place_after_a_bodys_kind_is_where_it_is(sentence: str, names: list[str]) -> None:
    assert [name for name, _ in party_slots(sentence)] == names


def test_the_fields_a_ministry_is_of_then_whose_it_is() -> None:
    """"Ministry of Investment, Industry and Trade of Kenya": the fields after the comma, then the
    country whose ministry it is, are one name."""
    ministry = "Ministry of Investment, Industry and Trade of Kenya"
    found = party_slots(f"Pine Council and the {ministry} signed an MoU.")
    assert [name for name, _ in found] == ["Pine Council", ministry]
    # whose, by the state's style: "of the Kingdom of Cambodia", "of the Republic of Kenya"
    ministry = "Ministry of Education, Youth and Sport of the Kingdom of Cambodia"
    found = party_slots(f"Pine Council and the {ministry} signed an MoU.")
    assert [name for name, _ in found] == ["Pine Council", ministry]


def test_a_possessive_by_its_apostrophe_alone_opens_a_name() -> None:
    """"Ostland's Ministry of Commerce and Pines' Ministry of Industry and Commerce": a name in s
    is possessive by its apostrophe, and opens the second ministry's name."""
    found = party_slots("Ostland's Ministry of Commerce and Pines' Ministry of Industry and Commerce "
                        "on Thursday signed an agreement.")
    assert [name for name, _ in found] == ["Ostland's Ministry of Commerce",
                                           "Pines' Ministry of Industry and Commerce"]


def test_fields_before_a_comma_then_more_and_the_bodys_kind_are_one_name() -> None:
    """"The Culture, Sports and Tourism Bureau": fields, a comma, more fields and the kind of body
    they are of, one bureau ("Culture" had been dropped, and "Sports and Tourism Bureau" proposed)."""
    found = party_slots("The Culture, Sports and Tourism Bureau and the Pine Ministry of Culture signed "
                        "an MoU.")
    assert [name for name, _ in found] == ["Culture, Sports and Tourism Bureau", "Pine Ministry of Culture"]
    # the second of a list: fields before the comma after "and the"
    second = "Science, Technology and Innovation Commission of Larch Municipality"
    found = party_slots(f"The Pine Commission (PC) and the {second} signed an MoU.")
    assert [name for name, _ in found] == ["Pine Commission", second]


def test_a_ministry_abroad_keeps_its_fields_after_a_comma() -> None:
    """"Ministry of Agriculture, Forestry and Fisheries": fields of ministries abroad are fields too."""
    found = party_slots("Pine Agency and the Ministry of Agriculture, Forestry and Fisheries on Tuesday "
                        "signed a protocol.")
    assert [name for name, _ in found] == ["Pine Agency", "Ministry of Agriculture, Forestry and Fisheries"]


@pytest.mark.parametrize(("sentence", "names"), [
    # a name with no "of" that ends in a field goes on through "and" with more fields and its kind
    ("Pine Council and the Larch Municipal Government Services and Data Administration signed an MoU.",
     ["Pine Council", "Larch Municipal Government Services and Data Administration"]),
    # a name that ends in its kind is whole; one "of" fields is whole too
    ("The Pine Trade Development Council and Investment Promotion Agency signed an MoU.",
     ["Pine Trade Development Council", "Investment Promotion Agency"]),
    ("The Pine Ministry of Commerce and Investment Promotion Agency signed an MoU.",
     ["Pine Ministry of Commerce", "Investment Promotion Agency"]),
])
def test_a_name_ending_in_a_field_goes_on_to_its_kind(sentence: str, names: list[str]) -> None:
    assert [name for name, _ in party_slots(sentence)] == names


def test_a_banks_branch_in_a_place_after_a_comma_is_its_name() -> None:
    """"the Pine Bank of Ostland, Hong Kong Branch, signed": the branch is the party, its comma
    closing the name before the verb."""
    found = party_slots("Larch Bank and the Pine Bank of Ostland, Hong Kong Branch, signed an MoU today.")
    assert [name for name, _ in found] == ["Larch Bank", "Pine Bank of Ostland, Hong Kong Branch"]


@pytest.mark.parametrize(("sentence", "names"), [
    # where and when it was signed, between the verb and "by", then the parties
    ("An arrangement was signed in Vorsk yesterday (January 10) by Pine Customs Department and Larch Bureau.",
     ["Pine Customs Department", "Larch Bureau"]),
    ("The MoU was signed at Ostport on Monday, by the Pine Authority and Larch Council.",
     ["Pine Authority", "Larch Council"]),
    # people there are no parties
    ("The MoU was signed in Vorsk today by Ms Ana Silva and Mr Ben Okoro.", []),
])
def test_the_parties_after_where_and_when_it_was_signed_by(sentence: str, names: list[str]) -> None:
    assert [name for name, _ in party_slots(sentence)] == names


def test_what_both_parties_are_between_commas_before_the_verb() -> None:
    found = party_slots("Pine Bank and Larch Bank Limited, both of which are note-issuing banks in Vorsk, "
                        "signed an agreement on 3 April 2024.")
    assert [name for name, _ in found] == ["Pine Bank", "Larch Bank Limited"]


@pytest.mark.parametrize("country", ["UK", "UAE", "US"])
def test_a_country_by_its_letters_is_no_part_of_the_name_it_owns(country: str) -> None:
    """"the UK's Liverpool John Moores University": the university is the party."""
    text = f"A memorandum has been signed between Pine College and the {country}'s Larch University."
    names = {_parties(text).name_of(key) for _, _, key in _parties(text).find(text)}
    assert "Larch University" in names and not any(country in name for name in names)


def test_a_company_keeps_its_legal_form_after_a_comma() -> None:
    found = party_slots("Ostland University signed agreements with Kestrel Tools Co., Ltd. and "
                        "Pine Labs Inc.")
    assert [name for name, _ in found] == ["Ostland University", "Kestrel Tools Co., Ltd", "Pine Labs Inc"]


def test_the_headline_shortening_a_name_does_not_hide_the_whole_name() -> None:
    text = ("Pinevale District and Larch Group sign agreement\n\n"
            "An agreement between the Pinevale District People's Government and Larch Group was signed.")
    parties = Parties.build(VOCAB, text, "Pinevale District and Larch Group sign agreement")
    names = {parties.name_of(key) for _, _, key in parties.find(text.split("\n\n")[1])}
    assert "Pinevale District People's Government" in names


@pytest.mark.parametrize(("passage", "names"), [
    # a title with a comma in it: the person before it is a person, the words after it a title
    ("Dr Ana Silva, Mayor of Ostland City, and Ben Okoro, Executive Director, Port Operations of OPA",
     ["Ana Silva", "Ben Okoro"]),
    # the fields of a portfolio are no name: "Industry Tom Wu" is not a person
    ("Secretary for Innovation, Technology and Industry Tom Wu and Ana Silva, deputy director of OPA",
     ["Tom Wu", "Ana Silva"]),
])
def test_title_words_and_common_nouns_are_no_names(passage: str, names: list[str]) -> None:
    assert [p.name for p in read_people(passage, _parties(passage), Reading.LIST)] == names


@pytest.mark.parametrize(("passage", "names"), [
    # an organisation's word opening a name: the words after it are its name, not a person's
    ("the HKMA and Bank Negara Malaysia", []),
    ("University Putra Malaysia and Ana Silva", ["Ana Silva"]),
    # one ending a name is the organisation a person's title is of
    ("Governor of Hebei Province Xu Qin and Ana Silva", ["Xu Qin", "Ana Silva"]),
    ("the Bank's Tom Wu", ["Tom Wu"]),
])
def test_an_organisation_word_before_capitalised_words(passage: str, names: list[str]) -> None:
    assert [p.name for p in read_people(passage, _parties(passage), Reading.LIST)] == names


def _roles(sentence: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for role in role_clauses(sentence, sentences(sentence), _parties(sentence)):
        found.setdefault(role.role, []).extend(p.name for p in role.people)
    return found


def test_a_witness_list_running_into_a_signing_subject_is_read_only_where_a_comma_marks_the_break() -> None:
    # "Witnessed by A, B and C sign": who witnessed and who signed, the sentence does not say
    assert _roles("Witnessed by Ana Silva (back), Ben Okoro (front) and Tom Wu (front) sign the MoU.") == {}
    # "witnessed by A and B, C and D signed": two lists, each closed by its own "and"
    assert _roles("During the visit, witnessed by Prof. Ana Silva and Prof. Ben Okoro, Prof. Tom Wu and "
                  "Prof. Eva LAM, Vice President of Ostland University, signed an MoU.") == {
        "witnesses": ["Ana Silva", "Ben Okoro"], "signatories": ["Tom Wu", "Eva LAM"]}


def test_a_title_goes_on_through_a_long_organisation_name() -> None:
    passage = ("Mr Tom WU, Associate Counsel, Science Office, Liaison Office of the Central People's "
               "Government in the Harbour Region; and Ms Eva LAM, Council Chairman of OPA")
    people = read_people(passage, _parties(passage), Reading.LIST)
    assert [p.name for p in people] == ["Tom WU", "Eva LAM"]
    assert people[0].title and people[0].title.endswith("Government in the Harbour Region")


def test_where_a_party_is_is_no_part_of_its_name_and_the_headline_is_a_fallback() -> None:
    sentence = "Pine University in Hong Kong and Larch Open University on the Mainland have signed an MoU."
    assert [name for name, _ in party_slots(sentence)] == ["Pine University", "Larch Open University"]
    # a name only the headline gives is kept only where the body gives none
    headline = "Pine College and Larch University sign MoU"
    body = "Pine College of Elm University and the Larch Institute signed an MoU."
    found = party_slots(f"{headline}\n\n{body}", headline)
    assert dict(found)["Larch University"] is True


@pytest.mark.parametrize(("sentence", "names"), [
    ("The Pine Agency (PA) and the Larch Bureau (LB) recently held a signing ceremony for an MoU.",
     ["Pine Agency", "Larch Bureau"]),
    ("The Pine Agency, the Larch Bureau and the Elm Authority announced that the three authorities had "
     "signed an MoU.", ["Pine Agency", "Larch Bureau", "Elm Authority"]),
    ("The Pine Department of the Harbour Region (HR) government and the Larch provincial government on "
     "Wednesday signed an MoU.",
     ["Pine Department of the Harbour Region government", "Larch provincial government"]),
    # a kind of organisation in the plural is no party; nor is where a longer name ends
    ("Colleges of Pine and Larch University sign MOU", []),
    ("Elm College of Larch University at Pinevale have signed an MOU.", []),
])
def test_the_lists_a_signing_sentence_names_its_parties_in(sentence: str, names: list[str]) -> None:
    assert [name for name, _ in party_slots(sentence)] == names


def test_an_organisation_a_signing_sentence_names_in_passing_is_no_party() -> None:
    from mouarchive.importer import draft_from_text

    text = ("Pine Agency and Larch Bureau sign MoU\n\nThe Pine Agency and the Larch Bureau signed an MoU "
            "today. The MoU supports the plan of the Digital Affairs Bureau.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert agreement.parties == ()  # the Digital Affairs Bureau, known to parties.yaml, is not one
    assert agreement.unknown_parties == ("Pine Agency", "Larch Bureau")


def test_a_headline_short_name_the_body_names_in_full_as_a_party_is_no_fallback() -> None:
    """"UO signs MOU with Pine Institute" over "The University of Ostland (UO) has signed an MOU with
    the Pine Institute (PI)": both are parties, the headline's "UO" being the body's."""
    from mouarchive.importer import draft_from_text

    text = ("UO signs MOU with Pine Institute\n\nThe University of Ostland (UO) has signed a memorandum "
            "of understanding (MOU) with the Pine Institute (PI), to promote exchanges.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert set(agreement.unknown_parties) == {"Pine Institute", "University of Ostland"}


def test_a_witness_list_ends_at_the_comma_before_the_signing_subject() -> None:
    """"In the presence of Mr Tom Wu, OstU signed ... with the Pine Institute": Tom Wu witnessed; the
    parties after his name are outside the witnessing passage."""
    from mouarchive.importer import draft_from_text

    text = ("OstU signs agreement\n\nIn the presence of Mr Tom Wu, OstU signed an agreement with the "
            "Larch Institute, as well as a memorandum of understanding with the Pine University.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert [p.name for p in agreement.witnesses] == ["Tom Wu"]
    assert set(agreement.unknown_parties) == {"OstU", "Larch Institute", "Pine University"}


def test_several_signings_each_in_its_own_sentence_with_its_own_day_are_several_agreements() -> None:
    """"On May 16, A and B signed X. On June 14, A signed Y with C.": one agreement a sentence; two
    sentences of the same day are not told apart so."""
    from mouarchive.importer import draft_from_text

    text = ("OstTech in review\n\nJanuary 3, 2020\n\nOn May 16, OstTech and Pine Computer Co., Ltd. formally "
            "signed a strategic cooperation agreement. On June 14, OstTech signed a memorandum of "
            "understanding with the Larch Institute.\n")
    agreements = draft_from_text(text, VOCAB).agreements
    assert [a.instrument for a in agreements] == ["strategic cooperation agreement",
                                                  "memorandum of understanding"]
    assert "Larch Institute" in agreements[1].unknown_parties
    same_day = text.replace("On June 14", "On May 16")
    assert len(draft_from_text(same_day, VOCAB).agreements) == 1


def test_another_name_in_brackets_inside_a_party_is_no_part_of_it() -> None:
    from mouarchive.importer import draft_from_text

    text = ("Pine University signs agreement\n\nOn June 30, Pine University and Larch Network Co., Ltd. "
            "(or Larch Net) Ostport Branch formally signed a strategic cooperation agreement.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert "Larch Network Co., Ltd. Ostport Branch" in agreement.unknown_parties


@pytest.mark.parametrize(("sentence", "role", "names"), [
    # "then President": when, not what; the next person is still in the list
    ("The MoU was signed in 2020 by Prof Ana Silva, then President of OPA, and Dr. Ben Okoro, Director of "
     "Pine Lab.", "signatories", ["Ana Silva", "Ben Okoro"]),
    # a bracket after a title belongs to it
    ("Witnessed by Prof. Ana SILVA, OPA Vice President (Research and Innovation); and Dr Ben OKORO, "
     "Director of Pine Lab, the MoU was signed.", "witnesses", ["Ana SILVA", "Ben OKORO"]),
    # "&" inside a long title is no joiner
    ("Secretary for Trade Tom Wu and Director-General of the Department of Educational, Scientific & "
     "Technological Affairs of the Liaison Office of the Harbour Region Prof Eva Lam witnessed the signing.",
     "witnesses", ["Tom Wu", "Eva Lam"]),
    ("The agreement was signed afterwards, with Prof. Ana SILVA, Dean of the Graduate School, signing for "
     "the University.", "signatories", ["Ana SILVA"]),
    # the people a sentence named, as many as it says (a name with the initials the text gives it)
    ("President Ana Silva visited. On Dec. 22, Silva met Y.C. Ben Okoro, Provost of OPA, and the two "
     "jointly witnessed the signing.", "witnesses", ["Silva", "Y.C. Ben Okoro"]),
    ("On Dec. 22, Ana Silva met Ben Okoro and Tom Wu, and the two jointly witnessed the signing.",
     "witnesses", []),
    ("Signing the MoU were Dr Ana Silva, President of Pine University, and Mr Ben Okoro, CEO of OPA.",
     "signatories", ["Ana Silva", "Ben Okoro"]),
    ("Signing the MoU was a milestone for Dr Ana Silva.", "signatories", []),
    # witnessing in other words
    ("Mr Tom Wu and Ms Eva Lam bore witness to the signing.", "witnesses", ["Tom Wu", "Eva Lam"]),
    ("Mr Tom Wu and Ms Eva Lam were the witnesses.", "witnesses", ["Tom Wu", "Eva Lam"]),
    ("Mr Tom Wu and Ms Eva Lam were witnesses to history.", "witnesses", []),
    ("Pine Registrar Prof Dr Tom Wu and Larch University Support Assistant Eva Lam were present as witnesses "
     "at the signing ceremony.", "witnesses", ["Tom Wu", "Eva Lam"]),
    ("Mr Tom Wu and Ms Eva Lam were present as guests.", "witnesses", []),
    # the day, or the visit, that began by witnessing the signing
    ("Mr Tom Wu began the day by witnessing the signing of a Memorandum of Understanding between Pine and "
     "Larch by Dr Ana Silva and Ms Eva Lam.", "witnesses", ["Tom Wu"]),
    ("Mr Tom Wu began the day by visiting Dr Ana Silva.", "witnesses", []),
    # a romanised last syllable of one capital after an honorific, as Macao writes one
    ("The Secretary for Social Affairs, Ms Eva Ao Ieong U, and the Director of the Pine Council, Mr Tom "
     "Wu, signed the arrangement.", "signatories", ["Eva Ao Ieong U", "Tom Wu"]),
    # a witnesses' list ends at the comma before the parties that signed, "the" and "and" and all
    ("Under the witness of Pine Vice Mayor Tom Wu and Larch Secretary for Trade Eva Lam, the Ostland Port "
     "Authority and the Kestria Bureau signed an MoU.", "witnesses", ["Tom Wu", "Eva Lam"]),
    # the body's own officer, by "its" ("Signing the MoU on behalf of OPA was its Chairman, Mr A")
    ("Signing the MoU on behalf of the OPA was its Chairman, Mr Ben Okoro, while Ms Eva Lam signed for "
     "the Pine side.", "signatories", ["Ben Okoro", "Eva Lam"]),
    ("Dr Ana Silva, Mr Ben Okoro and Ms Eva Lam were among the guests who witnessed the signing.",
     "witnesses", ["Ana Silva", "Ben Okoro", "Eva Lam"]),
    ("Also present to witness the signing were Dr Ana Silva and Mr Ben Okoro.", "witnesses",
     ["Ana Silva", "Ben Okoro"]),
    ("Witnessing the MoU signing were Dr Ana Silva and Mr Ben Okoro.", "witnesses",
     ["Ana Silva", "Ben Okoro"]),
    ("The agreement was signed between Pine University President Ana Silva and Larch Tech CEO Ben Okoro.",
     "signatories", ["Ana Silva", "Ben Okoro"]),
    ("The agreement was signed between Pine University and Larch Tech.", "signatories", []),
    # bodies with no title before them, whatever their words
    ("The MoUs were signed between University of Ostland and University of Kestria, US; Guru Ghasidas "
     "Vishwavidyalaya and Larch National University.", "signatories", []),
    # the heads of the two sides led the signing: they signed
    ("At a virtual ceremony, OPA Chairman Ana Silva and PLA Chairman Ben Okoro led the signing, under "
     "which the two agencies will share data.", "signatories", ["Ana Silva", "Ben Okoro"]),
    ("Ana Silva led the signing delegation to Pine City.", "signatories", []),
    # a particle inside an Arabic or Malay name
    ("The signing was witnessed by Pine's Minister of Trade Khalid bin Rashid Al-Oman and Ben Okoro.",
     "witnesses", ["Khalid bin Rashid Al-Oman", "Ben Okoro"]),
    # "the signing ceremony was held online, with A, title, and B, title, signing the agreement"
    ("The signing ceremony was held online, with Prof Ana Silva, President of OU, and Prof Ben Okoro, "
     "President of KU, signing the agreement.", "signatories", ["Ana Silva", "Ben Okoro"]),
    # "A, B and other guests witness the signing": the others name no one, and end no list
    ("The Chief Secretary, Mr Tom Wu (back row, 4th from right), the Mayor of Pine, Ms Eva Lam (4th from "
     "left), and other guests witness the signing of the MoU.", "witnesses", ["Tom Wu", "Eva Lam"]),
    # "the academy's President": whose title, then the title
    ("Chief Executive Tom Wu and the academy's President Prof Eva Lam signed the agreement.",
     "signatories", ["Tom Wu", "Eva Lam"]),
    # "his Ostlandic counterpart": whose title, then the title
    ("The signing was witnessed by Harbour Premier Tom Wu and his Ostlandic counterpart Eva Lam.",
     "witnesses", ["Tom Wu", "Eva Lam"]),
    # a second title after the first's organisation and "and": the same person's
    ("Professor Tom Wu, Dean of the College of Soil, Pine University (PU) and Academician of the Larch "
     "Academy of Engineering, and Professor Eva Lam, Provost of the University of Ostland, signed the "
     "agreement.", "signatories", ["Tom Wu", "Eva Lam"]),
    # a romanised Chinese name, a comma and the person's English given name, then the title
    ("Pictured: Tom Wu, Governor of the Pine Bank (centre); and Lau Hang-kun, Henrietta, Executive "
     "Director of the Larch Authority (left), sign the MoU in Ostport.", "signatories",
     ["Tom Wu", "Lau Hang-kun"]),
    # a surname alone for the subject, one the text gives in full before
    ("Ana Silva, rector of Pine University, visited Larch. During the visit, Silva also signed an "
     "agreement with the Larch Institute.", "signatories", ["Silva"]),
    # a romanised name's one-letter syllable at its end, as Macao writes one ("Ao Ieong U")
    ("In the presence of Lam Ieong U and Wu Iat Seng, Pine University signed the agreement.", "witnesses",
     ["Lam Ieong U", "Wu Iat Seng"]),
    # a caption's "MoU signing by A and B": signing a noun after what was signed
    ("MoU signing by Dr Ana Silva and Ms Eva Lam KC, Principal, Pine College, University of Larch.",
     "signatories", ["Ana Silva", "Eva Lam"]),
    # "A and B represented the two universities to sign the MoU": they signed it
    ("Professor Ana Silva, President of PU, and Professor Ben Okoro, President of KU, represented the two "
     "universities to sign the MoU.", "signatories", ["Ana Silva", "Ben Okoro"]),
    ("Ana Silva represented the university at the signing ceremony.", "signatories", []),
    # a portfolio's words before the name, with no comma: "Belt and Road", "Services Sector"
    ("The MoU was signed by Commissioner for Belt and Road Tom Wu and Assistant Deputy for the Pine "
     "Services Sector Ana Silva.", "signatories", ["Tom Wu", "Ana Silva"]),
    # a first verb of the same subject, in the past tense but not in -ed
    ("Eva Lam, Vice President of PU, met with the delegation and witnessed the signing ceremony.",
     "witnesses", ["Eva Lam"]),
])
def test_more_role_clauses(sentence: str, role: str, names: list[str]) -> None:
    assert _roles(sentence).get(role, []) == names


@pytest.mark.parametrize(("sentence", "name"), [
    ('Pine and Larch signed the "Arrangement for the Pine-Larch Cooperation Mechanism" today.',
     "Arrangement for the Pine-Larch Cooperation Mechanism"),
    ("Mr Tom Wu and Ms Eva Lam signed the Pine-Larch Closer Economic Partnership Arrangement.",
     "Pine-Larch Closer Economic Partnership Arrangement"),
    ("The two signed an Agreement on Strategic Cooperation in Ostport.",
     "Agreement on Strategic Cooperation"),
    ("The Co-Incubation Programme partnership agreement was signed by Dr Ana Silva.",
     "Co-Incubation Programme partnership agreement"),
    ("The two signed a framework agreement on strategic cooperation.", None),  # a kind, not a name
    ("The two signed a Memorandum of Understanding.", None),
    ("Pine and Larch signed a Memorandum of Understanding on June 6, at a forum.", None),  # when
    # the article that opens a sentence is no word of a name
    ("An agreement was signed between Pine University and the Larch Municipal Government.", None),
    # "between A and B" after the name names its parties, not the name
    ("Two deans signed the Cooperation Agreement on the Joint Laboratory for Soil Science between OSU "
     "and the University of Larch on behalf of their universities.",
     "Cooperation Agreement on the Joint Laboratory for Soil Science"),
    # a name's words go on through "and", never from another instrument's
    ("Two ministers signed the Pine-Larch Economic and Trade Cooperation Agreement on Tuesday.",
     "Pine-Larch Economic and Trade Cooperation Agreement"),
    ("Two ministers signed the MoU and Framework Agreement on Tuesday.", None),
])
def test_an_instrument_called_by_its_own_name(sentence: str, name: str | None) -> None:
    from mouarchive.importer.agreements import _named_instrument
    from mouarchive.importer.text import mask_quotes

    text = mask_quotes(sentence)
    assert _named_instrument(text, sentences(text)) == name


def test_a_quotation_is_blanked_but_a_quoted_title_is_not() -> None:
    from mouarchive.importer.text import mask_quotes

    said = 'Mr Wu said, "Our strategic cooperation agreement is a milestone for us."'
    assert "agreement" not in mask_quotes(said)
    titled = 'They signed the "Memorandum of Understanding on Data Cooperation" today.'
    assert mask_quotes(titled) == titled


def test_a_name_with_an_acronym_in_brackets_is_proposed_as_written_and_an_apposition_is_no_party() -> None:
    from mouarchive.importer import draft_from_text

    text = ("Pine and Larch sign deal\n\nThe Pine Special Region (PSR) Government and the Larch Savings "
            "Bank have signed an agreement. Dr Ana Silva signed it with Kestrel, the Pine-based lab.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert "Pine Special Region (PSR) Government" in agreement.unknown_parties
    text = "Larch Bank (Ostland) Limited and the Pine Association (PA) entered into an agreement.\n"
    (agreement,) = draft_from_text(f"A headline\n\n{text}", VOCAB).agreements
    assert agreement.unknown_parties == ("Larch Bank (Ostland) Limited", "Pine Association")
    assert [name for name, _ in party_slots("The Larch Bank signed an MoU with Elm, the Pine-based "
                                            "digital hub.")] == ["Larch Bank", "Elm"]


def test_a_known_one_word_name_does_not_cover_a_longer_organisations_name() -> None:
    from mouarchive.importer import draft_from_text

    # "Kestrel" is Kestrel Cloud in the fixtures' parties.yaml; Kestrel Logistics Group is another
    text = ("Pine signs MoUs\n\nThe Pine Trade Council signed an MoU with Kestrel Logistics Group and "
            "the Larch Investment Agency.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert agreement.parties == ()
    assert "Kestrel Logistics Group" in agreement.unknown_parties


@pytest.mark.parametrize(("sentence", "signatories"), [
    ("协议由星港商务局局长丘大文与月灣商务厅厅长张小明代表双方签署。", ["丘大文", "张小明"]),
    ("由科技園公司行政總裁黃大強與科創委主任張小林分別代表雙方簽署。", ["黃大強", "張小林"]),
])
def test_chinese_signed_by_on_behalf_of_both_sides(sentence: str, signatories: list[str]) -> None:
    from mouarchive.importer.chinese import read_chinese

    assert [p.name for p in read_chinese(sentence).signatories] == signatories


def test_a_chinese_list_of_witnesses_after_a_colon() -> None:
    from mouarchive.importer.chinese import read_chinese

    found = read_chinese("見證簽署儀式的包括：行政長官王大文、星港發改委主任李小明。")
    assert [p.name for p in found.witnesses] == ["王大文", "李小明"]


def test_signed_in_front_of_someone_is_witnessed() -> None:
    roles = _roles("Kestria Airlines CEO Omar Ali and Ostland Airport Authority CEO Fred Lam signed the "
                   "deal in front of Secretary for Transport Lam Sai-hung.")
    assert roles["witnesses"] == ["Lam Sai-hung"]


@pytest.mark.parametrize("sentence", ["Council signs pact", "The Board signed an MoU with it."])
def test_a_kind_of_body_alone_is_no_party(sentence: str) -> None:
    assert party_slots(sentence) == []


@pytest.mark.parametrize(("sentence", "names"), [
    ("Ostland Digital Hub and the Kestria Observatory signed an MoU.",
     ["Ostland Digital Hub", "Kestria Observatory"]),
    ("Pine Airlines signed an agreement with Larch Airport and Kestria Ventures.",
     ["Pine Airlines", "Larch Airport", "Kestria Ventures"]),
])
def test_more_kinds_of_organisation(sentence: str, names: list[str]) -> None:
    assert [name for name, _ in party_slots(sentence)] == names


def test_an_aside_between_the_parties_and_the_verb() -> None:
    sentence = ("On May 7, Pine News Agency and the Kestria Observatory (KO), an affiliate of the Larch "
                "Institute of Analysis, signed a cooperation agreement.")
    assert [name for name, _ in party_slots(sentence)] == ["Pine News Agency", "Kestria Observatory"]


def test_the_instrument_in_the_body_s_words_not_the_headline_s() -> None:
    from mouarchive.importer import draft_from_text

    text = ("Pine Province and Kestria Sign Landmark Cultural Cooperation Agreement\n\n"
            "The Kestria Press Association hosted the signing of a strategic cooperation agreement "
            "between Pine Province and Kestria on October 10, 2024.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert agreement.instrument == "strategic cooperation agreement"


def test_the_one_that_announced_it_had_signed_is_a_party() -> None:
    sentence = ("In late July, the Ostland Securities Commission announced that it had entered into a "
                "supervisory MOU with the United States' Kestria Regulatory Authority.")
    names = [name for name, _ in party_slots(sentence)]
    assert "Ostland Securities Commission" in names
    parties = _parties(sentence)
    assert "Kestria Regulatory Authority" in [p.name for p in parties.proposals.values()]


@pytest.mark.parametrize(("sentence", "signatories", "witnesses"), [
    ("Professor Xu Bing, President of Pine University, and Dr Omar Farouk, Rector of Larch University, "
     "put pen to paper on the MoU, as the Secretary for Education, Dr Choi Yuk-lin, looked on.",
     ["Xu Bing", "Omar Farouk"], ["Choi Yuk-lin"]),
    ("Representatives of the two schools, Principal Mary Chan and Headmaster John Smith, signed the "
     "agreement, with Education Secretary Christine Choi looking on.",
     ["Mary Chan", "John Smith"], ["Christine Choi"]),
    ("Representing Pine University at the signing was its President, Professor Sun Li, while Larch "
     "University was represented by Professor Diana Hart, its Vice-Chancellor.",
     ["Sun Li", "Diana Hart"], []),
])
def test_other_ways_of_signing_and_looking_on(sentence: str, signatories: list[str],
                                               witnesses: list[str]) -> None:
    roles = _roles(sentence)
    assert roles.get("signatories", []) == signatories
    assert roles.get("witnesses", []) == witnesses


@pytest.mark.parametrize(("sentence", "names"), [
    ("Under the auspices of the Ostland Trade Council, Pine Bank and Larch Bank signed an agreement.",
     ["Pine Bank", "Larch Bank"]),
    ("At the forum organised by the Kestria Chamber of Commerce, Pine University signed an MoU with "
     "Larch Institute.", ["Pine University", "Larch Institute"]),
    ("Pine University's School of Business and Larch University's Faculty of Economics signed an MoU.",
     ["Pine University's School of Business", "Larch University's Faculty of Economics"]),
])
def test_the_organiser_is_no_party_and_owned_names_are_two(sentence: str, names: list[str]) -> None:
    assert sorted(name for name, _ in party_slots(sentence)) == sorted(names)


@pytest.mark.parametrize(("sentence", "role", "names"), [
    ("Timothy W. TONG, President of Pine University, and LI Qingquan, President of Larch University, "
     "signed a Memorandum of Understanding.", "signatories", ["Timothy W. TONG", "LI Qingquan"]),
    ("The agreement was witnessed by the Prime Minister of Kestria, His Excellency Nguyen Tan Dung.",
     "witnesses", ["Nguyen Tan Dung"]),
])
def test_names_without_an_honorific_and_his_excellency(sentence: str, role: str, names: list[str]) -> None:
    assert _roles(sentence)[role] == names


@pytest.mark.parametrize("verb", ["signed", "inked"])
def test_inked_reads_as_signed(verb: str) -> None:
    sentence = (f"The arrangement, {verb} by the Ostland Trade Office and the Kestria Development and Reform "
                "Commission, covers trade.")
    assert [name for name, _ in party_slots(sentence)] == ["Ostland Trade Office",
                                                           "Kestria Development and Reform Commission"]
    roles = _roles(f"The agreement was {verb} afterwards, with Prof. Ana SILVA, Dean of the School, "
                   "signing for the University.")
    assert roles["signatories"] == ["Ana SILVA"]


def test_witnesses_by_surname_then_signatories_with_lower_case_titles() -> None:
    text = ("A delegation led by Fang Shouen, secretary of Pine University, visited Larch University and "
            "was received by Rector Yonghua Song. Under the witness of Song and Fang, Janny Leung, "
            "college master of Larch's Choi College, and Yin Xuefeng, executive dean of Pine's Guohao "
            "College, signed the MOU.")
    roles: dict[str, list[str]] = {}
    for role in role_clauses(text, sentences(text), _parties(text)):
        roles.setdefault(role.role, []).extend(p.name for p in role.people)
    assert roles["signatories"] == ["Janny Leung", "Yin Xuefeng"]
    assert roles["witnesses"] == ["Song", "Fang"]


def test_an_acronym_and_a_name_are_two_parties() -> None:
    assert [n for n, _ in party_slots("UL and Pine University sign MOU on college education")] == \
        ["UL", "Pine University"]


@pytest.mark.parametrize(("sentence", "role", "names"), [
    # a name with accented letters is a name
    ("Professor Ana Lúcia Ferrão, Rector of Pine University, and Dr Ben Okoro signed the MoU.",
     "signatories", ["Ana Lúcia Ferrão", "Ben Okoro"]),
    # the field of a portfolio is no part of the name after it
    ("Commissioner of Customs & Excise Tom Wu and Larch Bureau Director Eva Lam signed the pact today.",
     "signatories", ["Tom Wu", "Eva Lam"]),
    # the day in brackets after "today"; an acronym in brackets before "with"
    ("The Commissioner, Miss Eva Lam, today (October 14) signed in Pinevale a Memorandum of Understanding "
     "(MOU) on science co-operation with the Minister of Pine, Mr Ben Okoro.",
     "signatories", ["Eva Lam", "Ben Okoro"]),
])
def test_names_with_accents_portfolios_and_brackets_on_the_way(sentence: str, role: str,
                                                                names: list[str]) -> None:
    assert _roles(sentence).get(role, []) == names


def test_whom_a_signatory_represents_may_come_before_the_person() -> None:
    sentence = ("Representing the Pine Regional Government, the Commissioner for Trade, Miss Eva Lam, signed "
                "an MoU with Mr Ben Okoro.")
    roles = role_clauses(sentence, sentences(sentence), _parties(sentence))
    people = [p for role in roles for p in role.people]
    assert [(p.name, p.behalf) for p in people] == [("Eva Lam", "the Pine Regional Government"),
                                                    ("Ben Okoro", None)]


@pytest.mark.parametrize(("sentence", "names"), [
    # the day before a list is no party
    ("Today (6 February), The Pine University and the Larch Municipal Government signed an MoU.",
     ["Pine University", "Larch Municipal Government"]),
    # a body whose name opens with a title word, but whose words before "of" end in a kind of body
    ("Pine Customs, the General Administration of Customs Larch Branch and the Elm Customs Service have "
     "signed a memorandum.", ["Pine Customs", "General Administration of Customs Larch Branch",
                              "Elm Customs Service"]),
    # a short name in capitals that signs with a named party is a party too
    ("PineU signs a collaborative agreement with Larch University of Technology.",
     ["Larch University of Technology", "PineU"]),
    ("Director General of the Pine Agency signs an agreement with Larch University.", ["Larch University"]),
])
def test_more_lists_of_parties(sentence: str, names: list[str]) -> None:
    assert [name for name, _ in party_slots(sentence)] == names


def test_parties_each_followed_by_what_it_is() -> None:
    """"A (a), the regulator of X (x), and B, the statutory body that ..., today signed": the
    parties, not what the appositions name."""
    from mouarchive.importer import draft_from_text

    sentence = ("The Pine Services Authority (PSA), the independent regulator of the Pine Financial "
                "Centre (PFC), and the Larch Futures Commission, the statutory body that regulates Larch's "
                "markets, today signed a Memorandum of Understanding.")
    both = ("Pine Services Authority", "Larch Futures Commission")
    assert tuple(name for name, _ in party_slots(sentence)) == both
    text = f"PSA and LFC sign MoU\n\n10 September 2025\n\n{sentence}\n"
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert agreement.unknown_parties == both


def test_a_person_by_their_post_is_no_party_and_hides_none() -> None:
    """"X Agency Director-General Ana Silva": a person, by organisation and title; the parties are
    the organisations the next sentence lists. A post's name inside an organisation's name is none."""
    caption = ("Commissioner Tom Wu signs the memorandum together with Pine Customs Agency Director General "
               "Ana Silva and Larch Customs Service Director-General Ben Okoro.")
    listed = "Elm Customs, the Pine Customs Agency and the Larch Customs Service have signed a memorandum."
    assert [name for name, _ in party_slots(caption)] == []
    assert [name for name, _ in party_slots(f"{caption} {listed}")] == [
        "Elm Customs", "Pine Customs Agency", "Larch Customs Service"]
    assert [name for name, _ in party_slots(
        "The Office of the Pine Commissioner for Personal Data and the Larch Bureau signed an MoU.")] == [
        "Office of the Pine Commissioner for Personal Data", "Larch Bureau"]


def test_signed_into_effect_by_surnames_the_text_gives_in_full() -> None:
    text = ("The signing was attended by Pine's Chief Executive Ana Silva and Larch's Chair Ms Eva Okoro. "
            "Signed into effect by Silva and Ms Okoro, the MoU sets up a framework for cooperation.")
    assert _roles(text).get("signatories") == ["Silva", "Okoro"]
    # a capitalised word that is no one's surname in the text is no one
    none = _roles("Signed into effect by Pine and Larch, the MoU sets up a framework.")
    assert none.get("signatories") is None


def test_a_country_is_nobodys_name() -> None:
    sentence = "PINEVALE, Nov 28 — Malaysia and South Korea today signed a memorandum of understanding."
    assert _roles(sentence) == {}  # not "South Korea" as a signatory


@pytest.mark.parametrize(("sentence", "instrument"), [
    ("Pine and Larch signed five agreements on Friday to work together.", "agreements"),
    ("At the conference, multiple collaboration agreements were signed by the two cities.",
     "collaboration agreements"),
    ("Pine and Larch signed five times the number of visitors.", None),
])
def test_several_instruments_called_only_by_their_kind(sentence: str, instrument: str | None) -> None:
    from mouarchive.importer import draft_from_text

    (agreement,) = draft_from_text(f"Two cities sign\n\n{sentence}\n", VOCAB).agreements
    assert agreement.instrument == instrument


@pytest.mark.parametrize(("sentence", "instrument"), [
    ("Pine Ltd today signed a five-year supply agreement with Larch Corporation.", "supply agreement"),
    ("Pine Hotels Association and Larch Airways signed a joint promotion agreement.",
     "joint promotion agreement"),
    ("Pine University and Larch University signed a dual degree agreement today.", "dual degree agreement"),
    # a word that praises, counts or dates it names no kind
    ("Pine and Larch signed a landmark agreement on Friday.", "agreement"),
    ("Pine and Larch signed a new agreement on Friday.", "agreement"),
    # a protocol is a kind of instrument too
    ("Pine Customs and Larch Ministry on Tuesday signed a protocol on exporting fresh longans.", "protocol"),
    # the signing of it, witnessed
    ("Mr Tom Wu witnesses the signing of a strategic development agreement between Pine Ltd and Larch Bank.",
     "strategic development agreement"),
    ("Mr Tom Wu witnessed the signing of a landmark agreement between Pine Ltd and Larch Bank.", "agreement"),
])
def test_the_words_before_a_bare_kind_say_which_kind(sentence: str, instrument: str) -> None:
    from mouarchive.importer import draft_from_text

    (agreement,) = draft_from_text(f"Two sign\n\n{sentence}\n", VOCAB).agreements
    assert agreement.instrument == instrument


@pytest.mark.parametrize(("sentence", "instrument"), [
    ("Pine Park and Larch Group signed a conservation partnership agreement on Tuesday.",
     "conservation partnership agreement"),
    ("Pine Council and Larch Committee signed a talent cooperation agreement today.",
     "talent cooperation agreement"),
    # the ceremony it was signed at, named before it
    ("The signing ceremony for a talent cooperation agreement between Pine Council and Larch Committee "
     "was held today.", "talent cooperation agreement"),
    # a word that praises or dates it is no part of what it is about
    ("Pine Park and Larch Group signed a landmark partnership agreement on Tuesday.",
     "partnership agreement"),
])
def test_what_a_kind_of_cooperation_agreement_is_about_before_it(sentence: str, instrument: str) -> None:
    from mouarchive.importer import draft_from_text

    (agreement,) = draft_from_text(f"Two sign\n\n{sentence}\n", VOCAB).agreements
    assert agreement.instrument == instrument


def test_a_body_qualified_by_more_than_a_place_is_another_body() -> None:
    """"Hangzhou Municipal Education Bureau" is not the "Education Bureau" the text named first."""
    from mouarchive.importer import draft_from_text

    text = ("Two bureaus sign\n\nThe Education Bureau signed an agreement with the Hangzhou Municipal "
            "Education Bureau.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert agreement.unknown_parties == ("Education Bureau", "Hangzhou Municipal Education Bureau")


def test_he_in_a_list_of_who_witnessed_is_the_one_person_named_before() -> None:
    sentence = ("The Chief Executive, Mr Tom Wu, attended the ceremony in Ostland today, where he and the "
                "Mayor of Ostland City, Ms Ana Silva, witnessed Mr Ben Okoro and Ms Mia Chan sign the MoU.")
    roles = _roles(sentence)
    assert roles["witnesses"] == ["Tom Wu", "Ana Silva"]
    assert roles["signatories"] == ["Ben Okoro", "Mia Chan"]
    # two people before "he": which one, the sentence does not say
    two = sentence.replace("Mr Tom Wu, attended", "Mr Tom Wu, and Dr Li Ming attended")
    assert _roles(two)["witnesses"] == ["Ana Silva"]


def test_the_two_leaders_are_the_two_people_of_the_sentence_before() -> None:
    text = ("The Mayor, Mr Tom Wu, met the Governor, Ms Ana Silva, today. The meeting was held in Ostland. "
            "Afterwards, the two leaders witnessed the signing of several agreements.")
    assert _roles(text).get("witnesses") == ["Tom Wu", "Ana Silva"]
    # "the two sides" are the parties, not the people named before
    sides = text.replace("the two leaders witnessed the signing of", "the two sides signed")
    assert "signatories" not in _roles(sides)
    # three named before, "the two" said: which two, the text does not say
    three = text.replace("met the Governor", "and Dr Li Ming met the Governor")
    assert "witnesses" not in _roles(three)


def test_the_fields_a_name_is_of_go_on_after_and() -> None:
    """"Institute of Science and Technology": Technology is no party of its own."""
    found = party_slots("Ostland Research Institute of Science and Technology and the Kestria University of "
                        "Science and Technology signed a memorandum.")
    assert [name for name, _ in found] == ["Ostland Research Institute of Science and Technology",
                                          "Kestria University of Science and Technology"]


def test_the_country_after_a_bodys_name_is_no_party() -> None:
    """"University of St. Louis, US": where the university is."""
    found = party_slots("The MoU was signed between Pine University, US, and Larch College.")
    assert [name for name, _ in found] == ["Pine University", "Larch College"]


def test_a_kind_of_body_and_what_it_is_of_opens_the_next_name() -> None:
    """"University of Mumbai and University of St. Louis": two universities, not one name."""
    found = party_slots("The MoUs were signed between University of Ostland and University of St. Kestria.")
    assert [name for name, _ in found] == ["University of Ostland", "University of St. Kestria"]


@pytest.mark.parametrize("passage", ["Professor Tony F Chan, President of OU, and Ana Silva",
                                     "Tony F Chan, President of OU, and Ana Silva"])
def test_a_middle_initial_without_its_full_stop(passage: str) -> None:
    assert [p.name for p in read_people(passage, _parties(passage), Reading.LIST)] == ["Tony F Chan",
                                                                                       "Ana Silva"]


def test_a_monarchs_style_and_title_stand_before_the_name() -> None:
    # "His Majesty Sultan Haji A, Sultan and Yang Di-Pertuan of B": the style, the title and the
    # pilgrim's Haji before the name, and the titles after it name no one
    passage = "His Majesty Sultan Haji Tom Wu, Sultan and Yang Di-Pertuan of Ostland, and King Ana Silva"
    assert [p.name for p in read_people(passage, _parties(passage), Reading.LIST)] == ["Tom Wu", "Ana Silva"]


@pytest.mark.parametrize(("passage", "names"), [
    ("Tan Sri Ranjit Ajit Singh and Tun Dr Mahathir Mohamad", ["Ranjit Ajit Singh", "Mahathir Mohamad"]),
    ("Datuk Seri Ana Silva and Dato' Tom Wu", ["Ana Silva", "Tom Wu"]),
    ("Prime Minister Dato’ Seri Ana Silva and Dato' Sri Tom Wu", ["Ana Silva", "Tom Wu"]),
    ("Minister Datuk Amar Ana Silva and Datuk Patinggi Tom Wu", ["Ana Silva", "Tom Wu"]),
    # the highest grade of Dato' Seri, and a pilgrim's Haji after an honour
    ("Minister Dato' Seri Utama Haji Ana bin Haji Silva and Tan Sri Haji Tom Wu",
     ["Ana bin Haji Silva", "Tom Wu"]),
])
def test_malaysian_honours_stand_before_the_name(passage: str, names: list[str]) -> None:
    assert [p.name for p in read_people(passage, _parties(passage), Reading.LIST)] == names


@pytest.mark.parametrize(("passage", "names"), [
    ("OU President Ir Prof Academician Dato' Dr Tom Wu and PC President Prof Ana Silva",
     ["Tom Wu", "Ana Silva"]),
    ("Prof Ir Dr Ana Silva and Prof Datuk Dr Tom Wu", ["Ana Silva", "Tom Wu"]),
    # Malaysia's professional technologist, with its full stop, among the styles
    ("Professor Dato' Ts. Dr. Tom bin Abdul Wu and Ts. Ana Silva", ["Tom bin Abdul Wu", "Ana Silva"]),
])
def test_a_run_of_styles_before_the_honorific(passage: str, names: list[str]) -> None:
    """"Ir Prof Academician Dato' Dr": an engineer's, a professor's and an academician's styles
    before the others; none of them is a name's word."""
    assert [p.name for p in read_people(passage, _parties(passage), Reading.LIST)] == names



@pytest.mark.parametrize(("passage", "names"), [
    ("Mr Tom Wu and Prof. Dr. Ana Silva", ["Tom Wu", "Ana Silva"]),
    ("Professor Dr Ana Silva and Prof Dr. Tom Wu", ["Ana Silva", "Tom Wu"]),
])
def test_a_professor_who_is_a_doctor(passage: str, names: list[str]) -> None:
    """"Prof. Dr. Khalid Mahmood": both titles stand before the name, and "Dr" is no name."""
    assert [p.name for p in read_people(passage, _parties(passage), Reading.LIST)] == names


@pytest.mark.parametrize(("passage", "names"), [
    ("Mr. Md. Ana Silva, Chairman, and Dr Tom Wu", ["Md. Ana Silva", "Tom Wu"]),
    ("Dato' Mohd. Ana Silva and Dr Tom Wu", ["Mohd. Ana Silva", "Tom Wu"]),
    # (inside the name, another of its words after it)
    ("Prof. Silva Mohd. Okoro, Registrar, OU & Prof. Tom Wu, Dean, KU", ["Silva Mohd. Okoro", "Tom Wu"]),
])
def test_mohammad_shortened_is_the_names_first_word(passage: str, names: list[str]) -> None:
    """"Mr. Md. Sabur Khan": "Md." is his name's, and ends no sentence."""
    assert [p.name for p in read_people(passage, _parties(passage), Reading.LIST)] == names


def test_initials_with_a_space_between_them() -> None:
    passage = "Mr Tom Wu, Director of OU (left) and Professor Martin D. F. Wong, Dean of KU (right)"
    assert [p.name for p in read_people(passage, _parties(passage), Reading.LIST)] == ["Tom Wu",
                                                                                       "Martin D. F. Wong"]


def test_an_acronym_of_the_words_after_the_names_first_word() -> None:
    """"Fraunhofer Institute for Production Technology (IPT)": the name is the whole of it."""
    text = ("OU signed an agreement with the Fraunhofer Institute for Production Technology (IPT) "
            "and the Fraunhofer Institute for Material Flow and Logistics (IML) in Germany.")
    names = {_parties(text).name_of(key) for _, _, key in _parties(text).find(text)}
    assert "Fraunhofer Institute for Production Technology" in names
    assert "Institute for Production Technology" not in names


def test_a_hyphenated_word_before_an_acronyms_words_is_the_names() -> None:
    """"Yaroslav-the-Wise Novgorod State University (NovSU)": the hyphen joins one word of the name;
    "Ostport-based" says where the body is."""
    text = ("OU and Yaroslav-the-Wise Ostgorod State University (OsSU) have signed an MoU. "
            "OU also signed one with the Ostport-based Pine State University (PSU).")
    names = {_parties(text).name_of(key) for _, _, key in _parties(text).find(text)}
    assert "Yaroslav-the-Wise Ostgorod State University" in names
    assert "Ostgorod State University" not in names
    assert "Pine State University" in names


@pytest.mark.parametrize(("passage", "names"), [
    ("Ambassador Rui Costa da Silva and Ms Ana Lima", ["Rui Costa da Silva", "Ana Lima"]),
    ("President Hanna van der Berg and Director Paulo dos Santos",
     ["Hanna van der Berg", "Paulo dos Santos"]),
    # a Spanish "de" and its article, in a name of four words besides them
    ("Undersecretary of Trade at Ostland's Ministry of Economy Ana María de la Mora Sánchez and Director "
     "Juan de los Ríos", ["Ana María de la Mora Sánchez", "Juan de los Ríos"]),
])
def test_a_particle_between_two_words_of_a_name_after_a_title(passage: str, names: list[str]) -> None:
    assert [p.name for p in read_people(passage, _parties(passage), Reading.LIST)] == names


def test_where_a_person_stands_in_the_photograph_then_and_then_a_titled_person() -> None:
    passage = "OU President Tom WU (front left) and KTA CEO Eva LAM (front right)"
    assert [p.name for p in read_people(passage, _parties(passage), Reading.LIST)] == ["Tom WU", "Eva LAM"]


def test_whose_title_an_organisation_of_somewhere_then_a_hyphenated_title() -> None:
    passage = ("University of Ostland Pro-rector Tom Wu Kai Man and University of Pine Vale Pro-rector "
               "Ana Lima")
    people = read_people(passage, _parties(passage), Reading.LIST)
    assert [(p.name, p.title, p.qualifier) for p in people] == [
        ("Tom Wu Kai Man", "Pro-rector", "University of Ostland"),
        ("Ana Lima", "Pro-rector", "University of Pine Vale")]


@pytest.mark.parametrize("title", ["Envoy", "Convener", "Councillor", "Legislator", "Academician", "VP"])
def test_more_words_of_a_title(title: str) -> None:
    passage = f"{title} Tom Wu and Chairman Ana Lee"
    assert [(p.name, p.title) for p in read_people(passage, _parties(passage), Reading.LIST)] == [
        ("Tom Wu", title), ("Ana Lee", "Chairman")]


def test_a_countrys_people_is_nobodys_name() -> None:
    passage = "South Korean Science and ICT Minister Choi Minho"
    assert [p.name for p in read_people(passage, _parties(passage), Reading.SUBJECT)] == ["Choi Minho"]


def test_an_acronym_takes_a_letter_from_each_part_of_a_hyphenated_word() -> None:
    """"Sun Yat-sen University (SYSU)": the bracket defines the second name of the list, not both."""
    text = "An agreement was signed between Ostland University and Kai Tak-sen University (KTSU) today."
    names = {_parties(text).name_of(key) for _, _, key in _parties(text).find(text)}
    assert names == {"Ostland University", "Kai Tak-sen University"}


def test_a_title_after_a_semicolon_is_the_next_persons() -> None:
    passage = ("Mr Fan; the Honorary President of the OSTH, Professor Zhao Yupei; and the Secretary of "
               "the Party Committee of the OSTH, Mr Wu Peixin")
    people = read_people(passage, _parties(passage), Reading.LIST)
    assert [(p.name, p.title) for p in people] == [
        ("Fan", None), ("Zhao Yupei", "Honorary President of the OSTH"),
        ("Wu Peixin", "Secretary of the Party Committee of the OSTH")]
    # a comma leaves the title with the person before it, as it was
    passage = "Mr Fan, Honorary President of the OSTH, and Mr Wu Peixin"
    assert [(p.name, p.title) for p in read_people(passage, _parties(passage), Reading.LIST)] == [
        ("Fan", "Honorary President of the OSTH"), ("Wu Peixin", None)]


def test_initials_without_full_stops_and_a_members_suffix() -> None:
    passage = "Foreign Secretary Tom Hale and the Ostland Chief Executive C Y Leung"
    people = read_people(passage, _parties(passage), Reading.LIST)
    assert [p.name for p in people] == ["Tom Hale", "C Y Leung"]
    passage = "Jane Oak MP, Under Secretary of State for Health, and Dr Ko Wing-man"
    people = read_people(passage, _parties(passage), Reading.LIST)
    assert [(p.name, p.suffix) for p in people] == [("Jane Oak", "MP"), ("Ko Wing-man", None)]
    passage = "Class A and Phase B Leung"  # one capital alone opens no name
    assert "A" not in " ".join(p.name for p in read_people(passage, _parties(passage), Reading.LIST))


def test_a_caption_where_two_people_sign_memorandums_without_an_article() -> None:
    assert _roles("Tom Wu (left), director of Pine Trade Council, and Larch's deputy mayor Ana Silva sign "
                  "memorandums of understanding in Ostport on April 12, 2023.") == {
        "signatories": ["Tom Wu", "Ana Silva"]}
    # a headline's "A signs MoUs with B" is an organisation's doing: no one signed by name
    assert _roles("Pine SIGS signs MoUs with Larch faculties") == {}


def test_a_branch_ends_an_organisations_name_before_a_person() -> None:
    passage = ("Deputy Director of the Ostland Hong Kong Office Yao Jin and Deputy Director of OSC Shaanxi "
               "Branch Guo Shi")
    assert [p.name for p in read_people(passage, _parties(passage), Reading.LIST)] == ["Yao Jin", "Guo Shi"]


def test_who_witnessed_in_a_relative_clause() -> None:
    assert _roles('Mr Tom Wu, Chairman of PPC, who witnessed the agreement signing at Ostport, said, "It '
                  'matters."') == {"witnesses": ["Tom Wu"]}


def test_his_excellency_before_another_honorific() -> None:
    passage = "Professor Sun Dong and H.E. Dr. Munir M. Eldesouki, President of KACST"
    people = read_people(passage, _parties(passage), Reading.LIST)
    assert [(p.name, p.honorific) for p in people] == [("Sun Dong", "Prof"),
                                                       ("Munir M. Eldesouki", "H.E. Dr")]


def test_a_hyphenated_title_with_a_title_in_any_part() -> None:
    assert _roles("Professor Chan Wai-Yee, Pro-Vice-Chancellor of PU; and Mr. K.C. Yuen, Vice President of "
                  "PU (Larch); witnessed the signing.") == {"witnesses": ["Chan Wai-Yee", "K.C. Yuen"]}


def test_who_joined_others_to_witness_and_a_title_of_a_place_before_a_name() -> None:
    assert _roles("The Club’s Chairman Tom Wu joined the Chief Executive of Hong Kong Ana Silva, the "
                  "Governor of Guangdong Ma Xing and other guests to witness the signing of the agreement by "
                  "the Executive Vice Mayor of Guangzhou Chen Zhi and the Club’s Chief Executive Officer Ben "
                  "Okoro.") == {
        "witnesses": ["Tom Wu", "Ana Silva", "Ma Xing"], "signatories": ["Chen Zhi", "Ben Okoro"]}


def test_a_ministers_portfolio_of_recreation_and_sport_before_the_name() -> None:
    passage = "Ostland's visiting Minister for Tourism, Recreation & Sport Leon Bignell"
    assert [p.name for p in read_people(passage, _parties(passage), Reading.LIST)] == ["Leon Bignell"]


def test_a_name_whose_first_letter_has_an_accent() -> None:
    assert _roles("The agreement was signed by Ho and Pine District President José Maria Fonseca.") == {
        "signatories": ["José Maria Fonseca"]}


def test_a_captions_people_who_witness_the_signing_in_the_present_tense() -> None:
    assert _roles("Back row, from second left: the Secretary for Home Affairs, Mr Tom Wu; the Director "
                  "General of the Pine Department, Mr Ben Okoro; and Ms Ana Silva, witness the signing of "
                  "the Letter of Intent.") == {"witnesses": ["Tom Wu", "Ben Okoro", "Ana Silva"]}
    assert _roles("Mr Tom Wu will witness the signing of the Letter of Intent.") == {}  # not yet


def test_a_visiting_minister_is_titled_as_any_other() -> None:
    assert _roles("Financial Secretary Tom Wu and Ostland's visiting Premier Ana Silva witnessed the signing "
                  "ceremony.") == {"witnesses": ["Tom Wu", "Ana Silva"]}


def test_a_surname_in_capitals_a_comma_then_the_given_name() -> None:
    assert _roles("The signing ceremony was witnessed by Dr CHENG, Chi Man, President of the PMA and Mr Carl "
                  "WU, the Co-founder of UFH.") == {"witnesses": ["CHENG Chi Man", "Carl WU"]}
    # a title after the comma is the surname's title, not a given name
    assert _roles("The MoU was signed by Mr WONG, Chairman of the Board, and Ms LEE, Director of X.") == {
        "signatories": ["Mr WONG", "Ms LEE"]}


def test_an_inspector_is_a_title_and_names_no_one() -> None:
    passage = ("Huang Sheng, Second-level Inspector of the Policy Division of Ostland; Lam Sai-hung, "
               "Secretary for Transport; and Fred Lam, Chairman of PA")
    assert [p.name for p in read_people(passage, _parties(passage), Reading.LIST)] == [
        "Huang Sheng", "Lam Sai-hung", "Fred Lam"]


@pytest.mark.parametrize(("words", "country"), [
    ("South Korean", True), ("Malaysian", True), ("Japanese", True), ("Chinese", True), ("Choi Minho", False),
    ("Tom Wu", False)])
def test_names_a_country_or_its_people(words: str, country: bool) -> None:
    from mouarchive.importer.lexicon import names_a_country

    assert names_a_country(words) is country


@pytest.mark.parametrize(("sentence", "found"), [
    # the witnessing clause first, the signatories after a long "between A and B"
    ("Mr Tom Wu, Chairman of Ostland Port Authority, witnessed the signing of a Memorandum of "
     "Understanding between the Ostland Port Authority (OPA) and the Kestria Financial Reporting Council "
     "(KFRC) by the Deputy Chief of OPA, Ms Eva Lam, and the Chief Executive Officer of the KFRC, "
     "Mr Ben Okoro.", {"witnesses": ["Tom Wu"], "signatories": ["Eva Lam", "Ben Okoro"]}),
    # how it was signed, between the verb and "by"
    ("The MoU was signed online by the Director of Ostland Agency, Ms Eva Lam, and the President of "
     "Kestria Bureau, Mr Ben Okoro.", {"signatories": ["Eva Lam", "Ben Okoro"]}),
    # "Signing for A was ...; signing for B was ..."
    ("Signing for Ostland Agency was Executive Director Ms Eva Lam; signing for Kestria was Governor "
     "Ben Okoro.", {"signatories": ["Eva Lam", "Ben Okoro"]}),
    # each party represented by its signatory, then the verb
    ("Ostland Agency, represented by its Director Ms Eva Lam, and Kestria Bureau, represented by its "
     "President Mr Ben Okoro, signed an agreement.", {"signatories": ["Eva Lam", "Ben Okoro"]}),
    # "with A and B bearing witness"; "witnessed the signing together with B"
    ("Ms Eva Lam and Mr Ben Okoro inked the MoU, with Prof. Tom WU, Vice President of Ostland "
     "University, and Dr Ana Silva bearing witness.",
     {"signatories": ["Eva Lam", "Ben Okoro"], "witnesses": ["Tom WU", "Ana Silva"]}),
    ("Tom Wu, Secretary for Trade, witnessed the signing together with Ana Silva, Chair of Kestria Bureau.",
     {"witnesses": ["Tom Wu", "Ana Silva"]}),
    # a relative clause between the subject and the verb
    ("The Governor, Mr Tom Wu, who is visiting Kestria, witnessed the signing.", {"witnesses": ["Tom Wu"]}),
])
def test_role_clauses_in_the_orders_and_forms_other_publishers_write(sentence: str,
                                                                     found: dict[str, list[str]]) -> None:
    assert _roles(sentence) == found


@pytest.mark.parametrize(("sentence", "names"), [
    # fields alone before "and the" name no body: the name goes on
    ("The Trade Services and the Treasury Bureau of Ostland and Kestria Bureau signed an MoU.",
     ["Trade Services and the Treasury Bureau of Ostland", "Kestria Bureau"]),
    # the fields a body is "of" go on through "and"; a field alone is never a party
    ("Ostland Agency and the Pine Administration of Government Services and Data signed an MoU.",
     ["Ostland Agency", "Pine Administration of Government Services and Data"]),
])
def test_fields_in_a_name_go_on_through_and(sentence: str, names: list[str]) -> None:
    assert [name for name, _ in party_slots(sentence)] == names


def test_signed_where_and_on_a_date_with_its_year_then_by_whom() -> None:
    assert _roles("The agreement was signed in Ostport on August 1, 2023 by Mr Tom Wu, Founder of Pine "
                  "Labs, and Ms Ana Silva, Chief Executive of Kestria Bank.") == {
        "signatories": ["Tom Wu", "Ana Silva"]}
    # ... and the day in brackets, after witnesses who come first
    assert _roles("In the presence of Mr Ben Okoro; and Ms Eva Lam, a Memorandum was signed in Ostport "
                  "today (May 20) by Mr Tom Wu, Founder of Pine Labs, and Ms Ana Silva.") == {
        "witnesses": ["Ben Okoro", "Eva Lam"], "signatories": ["Tom Wu", "Ana Silva"]}


@pytest.mark.parametrize(("sentence", "names"), [
    # what the announcer is, between commas, before "today announced that it has entered into"
    ("Pine Digital Limited, a leading fintech company in Asia, today announced that it has entered into "
     "a cooperation agreement with Kestria Bank Limited.", ["Kestria Bank Limited", "Pine Digital Limited"]),
    # "is pleased to announce that it signed" (no "has"); "announced on Tuesday that it had signed"
    ("Pine Holdings Limited is pleased to announce that it signed an agreement with Kestria Development "
     "Co., Ltd. in Zhuhai.", ["Kestria Development Co., Ltd.", "Pine Holdings Limited"]),
    ("Ostland Trade Agency announced on Tuesday that it had signed an MoU with Kestria Bureau.",
     ["Kestria Bureau", "Ostland Trade Agency"]),
])
def test_the_one_that_announced_it_signed(sentence: str, names: list[str]) -> None:
    assert sorted(name for name, _ in party_slots(sentence)) == sorted(names)


def test_a_surname_alone_is_the_person_a_role_clause_named_in_full() -> None:
    from mouarchive.importer import draft_from_text

    text = ("Ostland Agency signs two MoUs\n\nOstland Agency signed two MoUs today. The first, with Kestria "
            "Bureau, was signed by Ostland Agency Director Ms Ana Silva and Mr Tom Wu. The second, with Pine "
            "Council, was signed by Ms Silva and Mr Ben Okoro.\n")
    names = {p.name for a in draft_from_text(text, VOCAB).agreements for p in a.signatories}
    assert "Silva" not in names and "Ana Silva" in names


def test_several_agreements_take_the_place_the_sentence_no_one_owns_gives() -> None:
    from mouarchive.importer import draft_from_text

    text = ("Ostland Agency signs two MoUs\n\nOstland Agency signed two MoUs in Jakarta today. The first, "
            "with Kestria Bureau, was signed by Ms Ana Silva and Mr Tom Wu. The second, with Pine Council, "
            "was signed by Ms Silva and Mr Ben Okoro.\n")
    agreements = draft_from_text(text, VOCAB).agreements
    assert len(agreements) == 2
    assert [a.place for a in agreements] == ["Jakarta", "Jakarta"]


@pytest.mark.parametrize(("sentence", "names"), [
    # a body's word in another language, and a company's that is not "Company" or "Group"
    ("Universidade de Kestria and Pine Airways signed an MoU.", ["Universidade de Kestria", "Pine Airways"]),
    ("Kestria Technologies and Larch Properties signed a cooperation agreement.",
     ["Kestria Technologies", "Larch Properties"]),
])
def test_organisations_by_their_words_in_other_languages_and_companies_words(sentence: str,
                                                                              names: list[str]) -> None:
    assert [name for name, _ in party_slots(sentence)] == names


@pytest.mark.parametrize(("sentence", "found"), [
    # a married woman's two surnames in capitals, then her given name
    ("The MoU was signed by Ms Ana SILVA Lam Suk-yee and Mr Tom Wu.",
     {"signatories": ["Ana SILVA Lam Suk-yee", "Tom Wu"]}),
    # a run of particles; a one-letter first syllable after an honorific
    ("The MoU was signed by Dr Ursula von der Kest and Ms O Lam.",
     {"signatories": ["Ursula von der Kest", "O Lam"]}),
    # a romanised last syllable that is also an English word, with or without an honorific
    ("The MoU was signed by Chief Executive Chui Sai On and Mr Nguyen Van An.",
     {"signatories": ["Chui Sai On", "Nguyen Van An"]}),
    # the title after a surname in capitals is no part of the name
    ("The MoU was signed by Ms Mary WONG Deputy Director of Ostland Agency.", {"signatories": ["Mary WONG"]}),
])
def test_names_of_other_shapes(sentence: str, found: dict[str, list[str]]) -> None:
    assert _roles(sentence) == found


def test_where_a_party_is_may_be_a_province_by_its_kind_word() -> None:
    found = party_slots("Ostland University signed agreements with Pine College in Shandong Province and "
                        "Larch University.")
    assert [name for name, _ in found] == ["Ostland University", "Pine College", "Larch University"]


def test_a_body_attached_or_affiliated_to_another_is_one_name() -> None:
    found = party_slots("Ostland University signed an MoU with The High School Attached to Kestria "
                        "University and the Hospital Affiliated with Pine College.")
    assert [name for name, _ in found] == ["Ostland University", "High School Attached to Kestria University",
                                           "Hospital Affiliated with Pine College"]


def test_the_two_sides_that_signed_are_the_ones_the_sentence_before_opened_with() -> None:
    from mouarchive.importer import draft_from_text

    text = ("Ostland and Kestria sign three documents\n\nThe Ostland Regional Government and the Kestria "
            "Municipal Government held the first meeting of their cooperation mechanism today. After the "
            "meeting, the two sides signed three cooperation documents.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert agreement.unknown_parties == ("Ostland Regional Government", "Kestria Municipal Government")
    # people who met are no sides
    met = "Two sides sign documents\n\nMr Tom Wu and Ms Ana Silva met today. The two sides signed an MoU.\n"
    assert draft_from_text(met, VOCAB).agreements[0].unknown_parties == ()


def test_a_countrys_possessive_before_a_party_is_no_part_of_its_name() -> None:
    from mouarchive.importer import draft_from_text

    text = ("Two ministries sign MoU\n\nChina's Ostland Development Commission and Vietnam's Ministry of "
            "Kestrian Planning signed a memorandum of understanding in Hanoi on Wednesday.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert agreement.unknown_parties == ("Ostland Development Commission", "Ministry of Kestrian Planning")


@pytest.mark.parametrize(("sentence", "found"), [
    # the day between the subject and its verb, as "today" may stand there
    ("The Secretary for Trade, Tom Wu, and the Vice Mayor of Kestria, Ana Silva, on Tuesday (14 May) "
     "signed the Framework Agreement.", {"signatories": ["Tom Wu", "Ana Silva"]}),
    # middle initials without their full stops after an honorific
    ("Ostland Agency Chairman Dr Peter K N Lam and Kestria Bureau Chairman Ben Okoro signed an MoU today.",
     {"signatories": ["Peter K N Lam", "Ben Okoro"]}),
])
def test_a_day_before_the_verb_and_initials_without_stops(sentence: str, found: dict[str, list[str]]) -> None:
    assert _roles(sentence) == found


def test_the_body_a_person_is_of_right_after_the_name() -> None:
    sentence = ("The MoU was signed by Professor Tom Wu of Ostland University, Professor Ana Silva of the "
                "Kestria University of Technology and Professor Ben Okoro of Pine University.")
    people = [p for r in role_clauses(sentence, sentences(sentence), _parties(sentence)) for p in r.people]
    assert [(p.name, p.behalf) for p in people] == [
        ("Tom Wu", "Ostland University"), ("Ana Silva", "Kestria University of Technology"),
        ("Ben Okoro", "Pine University")]


def test_the_sides_they_signed_on_behalf_of_respectively_are_the_parties() -> None:
    from mouarchive.importer import draft_from_text

    text = ("Two governments sign agreement\n\nThe Secretary for Trade, Tom Wu, and the Vice Mayor of "
            "Kestria, Ana Silva, on Tuesday (14 May) signed the Framework Agreement, on behalf of the "
            "Ostland SAR Government and the Kestria Municipal Government respectively.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert agreement.unknown_parties == ("Ostland SAR Government", "Kestria Municipal Government")
    assert [p.name for p in agreement.signatories] == ["Tom Wu", "Ana Silva"]


def test_an_acronym_after_the_last_of_a_list_defines_only_the_last() -> None:
    text = "Ostland University signed agreements with Pine Group, Larch Labs, and Kestria University (ZZU)."
    parties = _parties(text)
    assert not [p.name for p in parties.proposals.values() if ", and " in p.name]
    assert "Kestria University" in {p.name for p in parties.proposals.values()}


@pytest.mark.parametrize(("sentence", "instrument"), [
    ("Ostland University and Kestria University signed an academic cooperation agreement today.",
     "academic cooperation agreement"),
    ("Ostland University, Kestria University and Pine University signed a tripartite agreement today.",
     "tripartite agreement"),
])
def test_an_instruments_words_of_what_and_between_how_many(sentence: str, instrument: str) -> None:
    from mouarchive.importer import draft_from_text

    (agreement,) = draft_from_text(f"Universities sign\n\n{sentence}\n", VOCAB).agreements
    assert agreement.instrument == instrument


def test_a_lower_case_word_of_what_a_title_is_of_before_a_name() -> None:
    assert _roles("The agreement was witnessed by city leader Tom Wu and Kestria party chief Ben Okoro.") == {
        "witnesses": ["Tom Wu", "Ben Okoro"]}


def test_an_executive_committee_is_a_body_and_the_chief_executive_no_party() -> None:
    found = party_slots("The Ostland Agency and the Executive Committee of the Kestria Cooperation Zone "
                        "signed an agreement on Monday.")
    assert [name for name, _ in found] == ["Ostland Agency",
                                           "Executive Committee of the Kestria Cooperation Zone"]
    assert party_slots("The Chief Executive and the Secretary signed an MoU.") == []


def test_the_bodies_the_signatories_are_of_and_represented_by() -> None:
    from mouarchive.importer import draft_from_text

    # no sentence names the parties: the bodies the signatories are of, whole
    text = ("Universities sign pact\n\nThree universities signed a collaboration agreement today. The "
            "signatories were Professor Tom Wu of The Larch University of Kestria and Professor Ana "
            "Silva of Pine University.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert agreement.unknown_parties == ("Larch University of Kestria", "Pine University")
    # each party followed by who represented it
    found = party_slots("Ostland Agency (OA), represented by its Director Mr Tom Wu, and Kestria Bureau, "
                        "represented by its President Ms Ana Silva, signed an agreement.")
    assert [name for name, _ in found] == ["Ostland Agency", "Kestria Bureau"]


def test_who_is_exchanged_names_an_exchange_agreement() -> None:
    from mouarchive.importer import draft_from_text

    text = ("Pine University and Larch University sign agreement\n\n"
            "Pine University and Larch University signed an undergraduate student exchange agreement on "
            "3 May 2023.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert agreement.instrument == "undergraduate student exchange agreement"


def test_the_sides_that_signed_are_the_parties_not_the_people_before() -> None:
    roles = _roles("Witnessed by Pine Governor Tom Wu, Larch Secretary Eva Lam and Kestrel Minister Ana "
                   "Silva, the three sides signed an agreement on Thursday.")
    assert roles == {"witnesses": ["Tom Wu", "Eva Lam", "Ana Silva"]}


def test_the_surname_he_after_a_title() -> None:
    # "He" after a title's word and before a name's word is a surname (何), not the pronoun
    assert _roles("Chief Executive Tom Wu and Pine Chairman He Lifeng signed the arrangement.") == {
        "signatories": ["Tom Wu", "He Lifeng"]}
    assert _roles("The Chairman said He would sign. Mr Tom Wu signed the MoU.") == {"signatories": ["Tom Wu"]}


def test_signed_on_a_date_with_its_commas_then_where_then_by_whom() -> None:
    assert _roles("The agreement, signed on Friday, 12 April 2024, in Ostport by Professor Tom Wu, President "
                  "of Pine University, and Professor Eva Lam, sets up a centre.") == {
        "signatories": ["Tom Wu", "Eva Lam"]}


def test_a_cooperation_arrangement_is_the_instrument() -> None:
    from mouarchive.importer import draft_from_text

    text = ("Pine Customs and Larch Customs sign arrangement\n\n"
            "Pine Customs and Larch Customs signed a co-operation arrangement on smart customs on 3 May "
            "2023.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert agreement.instrument == "co-operation arrangement"


def test_the_body_a_title_is_of_keeps_its_the_out_of_the_check() -> None:
    from mouarchive.importer import draft_from_text

    text = ("Two universities deepen ties\n\nThe agreement, signed on 12 April 2024 by Professor Tom Wu, "
            "Vice-Chancellor of The Pine University of Wendmark, and Professor Eva Lam, President of Larch "
            "University, sets up a centre.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert "Pine University of Wendmark" in agreement.unknown_parties


def test_a_relative_clause_inside_a_list_of_who_signed() -> None:
    assert _roles("The agreement was signed by Professor Tom Wu, President of Pine University, who was "
                  "visiting Larch and Elm, and Professor Eva Lam, President of Larch University.") == {
        "signatories": ["Tom Wu", "Eva Lam"]}
    # (one that ends the list still does)
    assert _roles("The agreement was signed by Professor Tom Wu, who was visiting Larch. Mr Ben Okoro, who "
                  "attended, said it was good.") == {"signatories": ["Tom Wu"]}


def test_a_caption_of_who_watched_whom_signing() -> None:
    assert _roles("Photo shows the Chief Executive, Mr Tom Wu (back row, centre), and the Governor, Mr Ben "
                  "Okoro (back row, left), witnessing the Secretary, Ms Eva Lam (front row, right), and the "
                  "Director, Mr Zhang Wei (front row, left), signing the Memorandum of Understanding.") == {
        "witnesses": ["Tom Wu", "Ben Okoro"], "signatories": ["Eva Lam", "Zhang Wei"]}


def test_a_surname_first_in_a_list_of_who_witnessed() -> None:
    # "Wu": the surname of Tom Wu, whom the text named in full before
    assert _roles("City leader Tom Wu visited Larch. Wu and Larch party chief Ben Okoro witnessed the "
                  "signing.") == {"witnesses": ["Wu", "Ben Okoro"]}


def test_policy_is_a_portfolio_s_word_in_a_title_before_a_name() -> None:
    assert _roles("Pine President Mr Tom Wu and Commissioner for Digital Policy Eva Lam signed the MoU.") == {
        "signatories": ["Tom Wu", "Eva Lam"]}


def test_each_agreement_is_read_from_the_passage_that_leads_to_its_signing() -> None:
    """"A signed an MoU with B. The MoU was signed by X and Y. In addition, A signed a cooperation
    agreement with C. The agreement was signed by Z and W.": the sentence before each signing names
    what was signed and between whom; the signing sentence only who signed."""
    from mouarchive.importer import draft_from_text

    text = ("Ostland Agency signs two agreements\n\nOstland Agency today signed a memorandum of "
            "understanding on fintech with the Kestria Bureau. The MoU was signed by Ms Ana Silva and Mr Tom "
            "Wu. In addition, Ostland Agency signed a cooperation agreement with the Pine Council on "
            "payments. The agreement was signed by Mr Ben Okoro and Ms Joan Lam.\n")
    first, second = draft_from_text(text, VOCAB).agreements
    assert first.instrument.casefold() == "memorandum of understanding"
    assert "Kestria Bureau" in first.unknown_parties and "Pine Council" not in first.unknown_parties
    assert [p.name for p in first.signatories] == ["Ana Silva", "Tom Wu"]
    assert second.instrument == "cooperation agreement"
    assert "Pine Council" in second.unknown_parties and "Kestria Bureau" not in second.unknown_parties
    assert [p.name for p in second.signatories] == ["Ben Okoro", "Joan Lam"]


def test_a_signing_no_one_is_named_for_after_the_others_is_one_more_agreement() -> None:
    """Where the text counts three agreements and the third's sentence names its sides but no
    signers, it is the third; a sentence that counts them all is none of them."""
    from mouarchive.importer import draft_from_text

    text = ("Three agreements signed at Ostland forum\n\nThree cooperation documents were signed on Monday "
            "at the forum. Ostland Agency signed a framework agreement with the Kestria Bureau, signed by "
            "Ms Ana Silva and Mr Tom Wu. The Pine Council and the Larch Institute signed a memorandum of "
            "understanding, signed by Mr Ben Okoro and Ms Joan Lam. The Ostland Port Authority and the "
            "Kestria Academy also signed a letter of intent.\n")
    agreements = draft_from_text(text, VOCAB).agreements
    assert [a.instrument.casefold() for a in agreements] == [
        "framework agreement", "memorandum of understanding", "letter of intent"]
    assert set(agreements[2].unknown_parties) == {"Ostland Port Authority", "Kestria Academy"}
    assert agreements[2].signatories == ()


def test_renewing_an_instrument_is_signing_it_and_renewing_a_commitment_is_not() -> None:
    from mouarchive.importer import draft_from_text

    text = ("Ostland Agency renews MoU\n\nOstland Agency today (June 18) renewed its Memorandum of "
            "Understanding with the Kestria Bureau for three more years.\n\nEnds/Tuesday, June 18, 2024\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert set(agreement.unknown_parties) == {"Ostland Agency", "Kestria Bureau"}
    assert agreement.signed is not None and agreement.signed.iso == "2024-06-18"
    commitment = text.replace("renewed its Memorandum of Understanding with", "renewed their commitment to")
    (agreement,) = draft_from_text(commitment, VOCAB).agreements
    assert agreement.signed is None and not agreement.unknown_parties


def test_the_signings_witnessed_are_each_agreements() -> None:
    from mouarchive.importer import draft_from_text

    text = ("Two agreements signed in Ostport\n\nOstland Agency signed a framework agreement with the "
            "Kestria Bureau, signed by Ms Ana Silva and Mr Tom Wu. The Pine Council and the Larch Institute "
            "signed a memorandum of understanding, signed by Mr Ben Okoro and Ms Joan Lam. The signings "
            "were witnessed by Mr Sam Ho.\n")
    agreements = draft_from_text(text, VOCAB).agreements
    assert [[p.name for p in a.witnesses] for a in agreements] == [["Sam Ho"], ["Sam Ho"]]
    one = text.replace("The signings were", "The second signing was")
    assert [[p.name for p in a.witnesses] for a in draft_from_text(one, VOCAB).agreements] == [[], ["Sam Ho"]]


def test_a_list_of_what_was_signed_is_one_agreement_an_item() -> None:
    """"the following agreements were signed:" then items, each an instrument "between" two sides:
    an agreement each, with the sides its item names; a list of other things is no such list."""
    from mouarchive.importer import draft_from_text

    text = ("Ostland and Kestria sign agreements\n\nThe two sides met in Ostport today (April 17). After the "
            "meeting, the following agreements were signed:\n\n- Agreement on Co-operation in Logistics "
            "between the Ostland Port Authority and the Kestria Bureau;\n\n- Memorandum of Understanding on "
            "Talent Exchange between the Pine Council and the Larch Institute.\n")
    first, second = draft_from_text(text, VOCAB).agreements
    assert set(first.unknown_parties) == {"Ostland Port Authority", "Kestria Bureau"}
    assert set(second.unknown_parties) == {"Pine Council", "Larch Institute"}
    assert "Understanding" in (second.instrument or "")
    areas = text.replace("the following agreements were signed:", "the two sides agreed on these areas:")
    assert len(draft_from_text(areas, VOCAB).agreements) == 1


def test_a_cooperation_memorandum_by_its_whole_word_is_an_instrument() -> None:
    from mouarchive.importer import draft_from_text

    text = ("Ostland and Kestria sign memorandum\n\nThe Ostland Agency and the Kestria Bureau today signed a "
            "new cooperation memorandum on trade.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert agreement.instrument == "cooperation memorandum"


def test_the_instrument_the_body_names_over_the_headlines_shorter_word() -> None:
    from mouarchive.importer import draft_from_text

    text = ("Ostland insurer and Kestria exchange sign cooperation memorandum\n\nThe Ostland Agency recently "
            "signed a Memorandum of Understanding with the Kestria Bureau on reinsurance.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert agreement.instrument == "Memorandum of Understanding"


@pytest.mark.parametrize(("words", "instrument"), [
    ("signed a Protocol on Customs Cooperation", "Protocol on Customs Cooperation"),
    ("signed a cooperation pact", "cooperation pact"),
    ("signed an LOI", "LOI"),
    ("signed a Declaration of Intent", "Declaration of Intent"),
])
def test_protocols_pacts_and_declarations_of_intent_are_instruments(words: str, instrument: str) -> None:
    from mouarchive.importer import draft_from_text

    text = (f"Ostland and Kestria sign\n\nThe Ostland Agency and the Kestria Bureau today {words} to deepen "
            "ties.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert agreement.instrument == instrument
def test_which_of_a_bodys_places_in_brackets_is_no_person() -> None:
    """"Principal of the Pine Institute of Vocational Education (Tsing Yi)": the bracket says which
    of the institute's campuses, and names no signatory."""
    sentence = ("The agreement was signed by Dr Ana Silva, Principal of the Pine Institute of Vocational "
                "Education (Tsing Yi), and Professor Xu Jianling, President of Larch University.")
    assert _roles(sentence) == {"signatories": ["Ana Silva", "Xu Jianling"]}


@pytest.mark.parametrize(("text", "party"), [
    # the place in brackets after a body's name says which body: another than the name alone
    ("The Ostland University of Science (Guangzhou) and Larch University signed an agreement today.",
     "Ostland University of Science (Guangzhou)"),
    # a short name for the place the name already holds says nothing more
    ("Larch University and the Ministry of Education of the Socialist Republic of Vietnam (Vietnam) "
     "signed an agreement today.", "Ministry of Education of the Socialist Republic of Vietnam"),
])
def test_a_place_in_brackets_after_a_bodys_name_is_part_of_it(text: str, party: str) -> None:
    from mouarchive.importer import draft_from_text

    (agreement,) = draft_from_text(f"Two sign\n\n{text}\n", VOCAB).agreements
    assert party in agreement.unknown_parties


def test_an_instrument_renewed_is_signed_again() -> None:
    """"A and B renewed their MoU": the renewal is a signing, with its parties, day and place (as
    續簽 is in Chinese); "renewed efforts" is none."""
    from mouarchive.importer import draft_from_text

    text = ("Pine Bank and Larch Authority renew MoU\n\nThe Pine Bank and the Larch Authority renewed their "
            "cooperation agreement in Vorsk on 14 March 2024.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert set(agreement.unknown_parties) == {"Pine Bank", "Larch Authority"}
    assert agreement.signed is not None and agreement.signed.iso == "2024-03-14"
    assert agreement.place == "Vorsk"
    assert [n for n, _ in party_slots("Pine Bank and Larch Authority renewed efforts to cooperate.")] == []


def test_a_style_before_a_name_is_no_part_of_it() -> None:
    """"Sheikh Ali Al-Thani", "Senator Amir Hamzah Azizan": a style stands before the name as an
    honorific does, and is not its first word."""
    sentence = ("Pine Agency Chief Executive Officer Sheikh Ali Alwaleed Al-Thani and Senator Amir Hamzah "
                "Azizan signed the MoU.")
    assert _roles(sentence) == {"signatories": ["Ali Alwaleed Al-Thani", "Amir Hamzah Azizan"]}


def test_a_word_of_the_headline_is_no_signatory_after_signed_between() -> None:
    """"Three Indian and foreign universities ink pacts", then "signed between Indian and foreign
    universities": bodies, not a surname the headline gave."""
    from mouarchive.importer import draft_from_text

    text = ("Three Indian and foreign universities ink pacts\n\n"
            "Three MoUs were signed between Indian and foreign universities on Sunday.\n")
    assert [p.name for a in draft_from_text(text, VOCAB).agreements for p in a.signatories] == []


def test_a_kinds_word_alone_before_and_is_no_whole_name() -> None:
    """"Securities and Futures Commission": "Securities" ends many a company's name, but alone it is
    no name, and the fields go on through "and" (the party had come as "Futures Commission")."""
    found = party_slots("The Pine Authority and the Securities and Futures Commission of Ostland signed it.")
    assert [name for name, _ in found] == ["Pine Authority", "Securities and Futures Commission of Ostland"]
    found = party_slots("Larch Securities and Pine Bank signed an MoU.")  # a company's name ends in it
    assert [name for name, _ in found] == ["Larch Securities", "Pine Bank"]


@pytest.mark.parametrize("headline", ["Regulators in Hong Kong and the Mainland sign",
                                      "Lenders in Macao and Singapore sign MoU"])
def test_bodies_by_their_role_in_the_plural_and_where_they_are_name_no_party(headline: str) -> None:
    """A role's noun in the plural names no one body, and a place after the place it is in goes on
    saying where ("the Mainland" had been proposed as a party)."""
    assert party_slots(headline) == []
    found = party_slots("Pine University in Hong Kong and Larch University signed an MoU.")
    assert [name for name, _ in found] == ["Pine University", "Larch University"]


def test_a_surname_alone_then_a_title_opens_a_signing_clause() -> None:
    """"On Friday, Tong, chairman of X, signed ... with Xiao Gang, chairman of Y": the person the
    text named in full before, by surname (both signatories had been missed)."""
    text = ("Ana Silva, chair of the Pine Authority, arrived on Thursday. On Friday, Silva, chair of the "
            "Pine Authority, signed a memorandum of understanding with Omar Ali, chairman of Larch Bank.")
    assert _roles(text).get("signatories") == ["Silva", "Omar Ali"]
    from mouarchive.importer import draft_from_text

    (agreement,) = draft_from_text(f"Pine and Larch sign\n\n{text}\n", VOCAB).agreements
    # the name the text gave first
    assert [p.name for p in agreement.signatories] == ["Ana Silva", "Omar Ali"]
    # a place then its description is no one
    assert _roles("On Friday, Ostland, capital of Kestria, signed a memorandum of understanding.") == {}
def test_he_after_and_in_a_list_of_people_is_a_surname() -> None:
    """"Signed by A, Minister of State, and He Lifeng, Chairman of X": after "and" in a list of
    people the pronoun would be written "he"; the capital is the surname (何, 賀)."""
    sentence = ("The MoU was signed by Ana Vorsk, Minister of State, and He Tianyu, Chairman of the Pine "
                "Commission.")
    assert _roles(sentence) == {"signatories": ["Ana Vorsk", "He Tianyu"]}
    sentence = "Signed by Ana Vorsk and He Tianyu, the MoU will help trade."
    assert _roles(sentence) == {"signatories": ["Ana Vorsk", "He Tianyu"]}


def test_a_name_of_five_words_after_an_honorific_is_whole() -> None:
    """"Dr. Sultan bin Ahmad Sultan Al Jaber": five words (and a particle) after the honorific are
    one name, not cut before its last word."""
    sentence = "The MoU was signed by Dr. Rashid bin Omar Rashid Al Kestri and Ms Ana Vorsk."
    assert _roles(sentence) == {"signatories": ["Rashid bin Omar Rashid Al Kestri", "Ana Vorsk"]}


def test_a_title_in_a_bracket_then_whom_the_person_signed_for() -> None:
    """"signed by Mr A (Secretary for Commerce) for Hong Kong and His Excellency B (Minister for
    Trade) for Kuwait": the bracket is the first person's title, and the list goes on."""
    sentence = ("The Letter of Intent was signed at Pine House by Mr Tom Vorsk (Secretary for Commerce, "
                "Industry and Technology) for Ostland and His Excellency Omar Rashid Al-Kestri (Minister for "
                "Trade) for Kestria.")
    assert _roles(sentence) == {"signatories": ["Tom Vorsk", "Omar Rashid Al-Kestri"]}


def test_what_an_instrument_is_about_after_a_bodys_kind_is_no_part_of_its_name() -> None:
    """"a MOU between A and the Transport Ministry on Strengthening Cooperation and Promoting ...": from
    a body's kind, "on" and an activity's word, the instrument's subject, not the body's name nor a
    second party ("Promoting")."""
    found = party_slots("A MOU was signed with the Pine Cooperation Agency on Strengthening Development "
                        "Cooperation and Promoting the Implementation of the Larch Initiative.")
    assert [name for name, _ in found] == ["Pine Cooperation Agency"]
    found = party_slots("A MOU was signed between the Pine Railway Administration and the Transport Ministry "
                        "on Strengthening Cooperation in the Railway Sector.")
    assert [name for name, _ in found] == ["Pine Railway Administration", "Transport Ministry"]


def test_parties_among_three() -> None:
    """"the signing ceremony of a cooperation agreement among A, B and C": "among" names the
    parties after an instrument, as "between" does; a relation among bodies names none."""
    found = party_slots("The signing ceremony of a cooperation agreement among Pine University, Larch "
                        "University and Kestrel Holding Corp. took place at Pine University.")
    assert [name for name, _ in found] == ["Pine University", "Larch University", "Kestrel Holding Corp"]
    sentence = "The MoU will deepen ties among Pine University, Larch University and Kestrel Holding."
    assert party_slots(sentence) == []


def test_co_signatories_signed() -> None:
    """"The Chief Executive, A, and the Chairman of X, He Lifeng, were co-signatories to the
    document": they signed it (and "He" after a comma is the surname)."""
    sentence = ("The Chief Executive, Tom Vorsk, and the Chairman of the Pine Commission, He Tianyu, were "
                "co-signatories to the document.")
    assert _roles(sentence) == {"signatories": ["Tom Vorsk", "He Tianyu"]}
    assert _roles("Ana Vorsk and Tom Wu were signatories to the agreement.") == \
        {"signatories": ["Ana Vorsk", "Tom Wu"]}


@pytest.mark.parametrize(("sentence", "names"), [
    # "between" names two parties or more: one name with a single "and" in it is two
    ("The second MOU was signed between Pine Access World and Larch Gulf Port Group on warehousing.",
     ["Pine Access World", "Larch Gulf Port Group"]),
    ("The MoU between Vida and Kestrel International Capital Corporation Ltd aims to help trade.",
     ["Vida", "Kestrel International Capital Corporation Ltd"]),
    # a Malaysian company's legal form (Berhad) is an organisation's word
    ("The first MOU was inked between Pineglobal Bhd and Ostport Sus Environment to explore energy.",
     ["Pineglobal Bhd", "Ostport Sus Environment"]),
    # "Other MoUs signed were between A and B": who, after the verb and its copula
    ("Other MoUs signed were between Pine Sdn Bhd and Larch Holdings.", ["Pine Sdn Bhd", "Larch Holdings"]),
    # "the MoUs signed included one between A and B": one of the instruments
    ("The MoUs signed included one between Pine Institute and Larch Holdings on robotics.",
     ["Pine Institute", "Larch Holdings"]),
    # the fields a centre is for go on through "and" ("International Economic and Technological Cooperation")
    ("An MoU between the Centre for International Economic and Technological Cooperation and Pine Bank "
     "was signed.", ["Centre for International Economic and Technological Cooperation", "Pine Bank"]),
    # a field alone after "and" is no party
    ("An agreement between the Ministry of Science and Technology and Pine Bank was signed.",
     ["Ministry of Science and Technology", "Pine Bank"]),
])
def test_the_parties_between_which_an_instrument_was_signed(sentence: str, names: list[str]) -> None:
    assert [name for name, _ in party_slots(sentence)] == names


def test_a_captions_witnessing_by_and_the_honourable() -> None:
    """A caption's "Witnessing by The Hon A JP (2nd right, back row), Secretary for X, and Mr B":
    the witnesses, the Honourable with its article an honorific; "Five MoUs signed": no person."""
    sentence = ("Witnessing by The Hon Tom Vorsk JP (2nd right, back row), Secretary for Home Affairs, and "
                "Mr Lam Tai-fai (1st left, back row), Commissioner for Sports.")
    assert _roles(sentence) == {"witnesses": ["Tom Vorsk", "Lam Tai-fai"]}
    assert _roles("Five MoUs signed during Pine-Larch meeting.") == {}
    assert _roles("Other MoUs signed were between Pine Sdn Bhd and Larch Holdings.") == {}


def test_a_peoples_name_is_no_party() -> None:
    """"Chinese Premier Wen Bao, centre left,", "signed by Commerce Minister A and his Chinese
    counterpart B": how a people is called ("Chinese") is no body a person acts for, nor a party."""
    from mouarchive.importer import draft_from_text

    text = ("Ostland, China sign four MoUs\n\n"
            "Prime Minister Lin Vorsk, centre right, and Chinese Premier Wen Bao, centre left, at the "
            "signing of memorandums of understanding at Government House on Wednesday.\n\n"
            "OSTPORT - Ostland and China on Wednesday signed four memorandums of agreement on bilateral "
            "cooperation, extradition of criminals, education and the rice trade.\n\n"
            "The third memorandum, on the promotion of Ostland-Chinese education, was signed by Education "
            "Minister Pong Thep and the Chinese foreign minister.\n\n"
            "The fourth document, signed by Commerce Minister Ana Kestri and his Chinese counterpart Chen "
            "Deming, is on the rice trade.\n")
    parties = {p for a in draft_from_text(text, VOCAB).agreements for p in (*a.parties, *a.unknown_parties)}
    assert "Chinese" not in parties


@pytest.mark.parametrize(("sentence", "names"), [
    # "A's MoU with B": whose instrument it is and whom it is with, though no verb says signed
    ("Exim Bank Ostland's MoU with the Industrial and Commercial Bank of Kestria aims to foster relations.",
     ["Exim Bank Ostland", "Industrial and Commercial Bank of Kestria"]),
    ("Pine Agency's new agreement with Larch Bank covers trade finance.", ["Pine Agency", "Larch Bank"]),
    # a person's deal with no body names no party
    ("Tom Wu's deal with the media was criticised.", []),
])
def test_whose_instrument_and_whom_it_is_with(sentence: str, names: list[str]) -> None:
    assert [name for name, _ in party_slots(sentence)] == names


def test_while_another_represented_and_during_which_they_signed() -> None:
    """"A signed the MOU on behalf of X, while Pine vice-chair B represented Kestria": B signed for the
    other side. "A and B on Friday held a summit meeting in X, during which they signed an
    agreement": the subject signed it (and "al-" before a capital is a name's)."""
    sentence = ("National Development Minister Tom Vorsk signed the MOU on behalf of Pine Agency at the "
                "Larch Guesthouse, while Pine vice-chair Zhang Yong represented Kestria.")
    assert _roles(sentence) == {"signatories": ["Tom Vorsk", "Zhang Yong"]}
    sentence = ("Ostlandian President Rami al-Kestri and Kestrian President Tom Vorsk on Friday held a "
                "summit meeting in the city of Pinehill, during which they signed an agreement on strategic "
                "cooperation.")
    assert _roles(sentence) == {"signatories": ["Rami al-Kestri", "Tom Vorsk"]}


def test_a_headline_in_title_case_names_its_parties() -> None:
    """"Norway, Chile Sign Agreement on Strategic Cooperation": the verb capitalised, as a headline
    in title case writes it, still names who signed (as a headline does: a fallback)."""
    headline = "Norway, Chile Sign Agreement on Strategic Cooperation"
    found = party_slots(f"{headline}\n\nThe two presidents met in Pinehill.", headline)
    assert [name for name, _ in found] == ["Norway", "Chile"]


def test_a_title_case_headlines_parties_reach_the_draft() -> None:
    """"Norway, Chile Sign agreement on strategic cooperation" over a body that names neither: the
    headline's capitalised verb names the parties in the draft too."""
    from mouarchive.importer import draft_from_text

    text = ("Norway, Chile Sign agreement on strategic cooperation\n\nThe two presidents on Friday held a "
            "summit meeting, during which they signed an agreement on strategic cooperation.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert agreement.unknown_parties == ("Norway", "Chile")


@pytest.mark.parametrize(("sentence", "names"), [
    # two instruments named before "with": whom both were signed with
    ("Pine University signed a Memorandum of Understanding (MoU) and an Undergraduate Student Exchange "
     "Agreement with Larch University on 9 June.", ["Pine University", "Larch University"]),
    # a school's fields go on through "and" ("Translation and Foreign Languages")
    ("Pine University's School of Translation and Foreign Languages signed an MOU with the School of "
     "Translation of Larch University.",
     ["Pine University's School of Translation and Foreign Languages",
      "School of Translation of Larch University"]),
])
def test_whom_two_instruments_were_signed_with_and_a_schools_fields(sentence: str, names: list[str]) -> None:
    assert [name for name, _ in party_slots(sentence)] == names


@pytest.mark.parametrize("sentence", [
    "On May 2, while Ana Silva was visiting Ostland, the Pine Authority and Larch Bank signed an MoU.",
    "After touring Hong Kong, the Pine Authority and Larch Bank signed an MoU.",
])
def test_what_a_visit_is_of_is_no_party_of_the_signing_after_it(sentence: str) -> None:
    """"while X was visiting Macao, A and B signed": the place visited, before the subject's comma,
    is no party ('Macao' had been proposed beside the two that signed)."""
    assert [name for name, _ in party_slots(sentence)] == ["Pine Authority", "Larch Bank"]
@pytest.mark.parametrize(("sentence", "found"), [
    # "presided over by A and B": who presided is neither who signed nor, as the text says, who
    # witnessed
    ("Ostland and Kestria marked the day with the signing of 14 memoranda of understanding at an event "
     "presided over by Ostland Prime Minister Ana Silva and Kestrian Premier Tom Wu.", {}),
    ("The MoU was signed at a ceremony hosted by Dr Ana Silva and Mr Tom Wu.", {}),
    # the signing's own "by" after where it was signed
    ("The MoU was signed at the ceremony by Dr Ana Silva and Mr Tom Wu.",
     {"signatories": ["Ana Silva", "Tom Wu"]}),
])
def test_a_by_after_presided_or_hosted_names_no_signatory(sentence: str, found: dict[str, list[str]]) -> None:
    assert _roles(sentence) == found


@pytest.mark.parametrize(("text", "found"), [
    # "the Ostlandic and Kestrian prime ministers": two, named in the last sentence that names anyone
    ("Ostland's Prime Minister Ana Silva welcomed his Kestrian counterpart Tom Wu. At the ceremony, both "
     "prime ministers inspected guards. Afterwards the Ostlandic and Kestrian prime ministers witnessed "
     "the signing of three MoUs.", {"witnesses": ["Ana Silva", "Tom Wu"]}),
    ("Ostland's Prime Minister Ana Silva welcomed his Kestrian counterpart Tom Wu. Afterwards the two "
     "prime ministers witnessed the signing of three MoUs.", {"witnesses": ["Ana Silva", "Tom Wu"]}),
    # none where that sentence names more people than they are
    ("Ostland's Prime Minister Ana Silva welcomed Tom Wu and Eva Lam. Afterwards the Ostlandic and "
     "Kestrian prime ministers witnessed the signing of three MoUs.", {}),
])
def test_the_leaders_by_their_peoples_names_are_the_two_named_before(text: str,
                                                                     found: dict[str, list[str]]) -> None:
    assert _roles(text) == found


@pytest.mark.parametrize(("sentence", "found"), [
    # two states by their names, the sides that signed: parties, whatever bodies are named besides
    ("Malaysia and Singapore have signed 31 MoUs, including one between the Pine Agency and the Larch "
     "Bureau.", [("Pine Agency", False), ("Larch Bureau", False), ("Malaysia", False), ("Singapore", False)]),
    ("The governments of Malaysia and Singapore signed six cooperation documents.",
     [("Malaysia", False), ("Singapore", False)]),
    # a region, or a city, is a place: a party only where no organisation is
    ("Hong Kong and Singapore signed an MoU.", [("Hong Kong", True), ("Singapore", True)]),
    ("Beijing and Shanghai signed an MoU.", [("Beijing", True), ("Shanghai", True)]),
])
def test_two_states_that_signed_are_parties(sentence: str, found: list[tuple[str, bool]]) -> None:
    assert party_slots(sentence) == found


def test_the_governments_of_two_states_are_the_parties() -> None:
    from mouarchive.importer import draft_from_text

    text = ("Two governments sign six documents\n\nThe governments of Malaysia and Singapore signed six "
            "cooperation documents here on Tuesday.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert set(agreement.unknown_parties) == {"Malaysia", "Singapore"}


@pytest.mark.parametrize(("sentence", "names"), [
    # a body a country owns, after a whole name that ends in fields, opens the next name
    ("The MOU between the Department of Foreign Affairs and Trade and China's Ministry of Commerce opens "
     "talks.", ["Department of Foreign Affairs and Trade", "China's Ministry of Commerce"]),
    # an owner that is no place or country may be the end of the name before it
    ("The MOU between the Department of Foreign Affairs and Trade and Pine's Ministry of Commerce opens "
     "talks.", ["Department of Foreign Affairs and Trade and Pine's Ministry of Commerce"]),
])
def test_a_body_a_country_owns_opens_a_name_after_and(sentence: str, names: list[str]) -> None:
    assert [name for name, _ in party_slots(sentence)] == names


@pytest.mark.parametrize(("sentence", "found"), [
    # "signed between A and B by C and D": the bodies, then who signed
    ("At the same event another memorandum was signed between the Pine Science Park (PSP) and Larch "
     "Network Ostport by Albert Wu and Susana Lam.", {"signatories": ["Albert Wu", "Susana Lam"]}),
    ("The agreement was signed between Pine University President Ana Silva and Larch College Dean Tom Wu.",
     {"signatories": ["Ana Silva", "Tom Wu"]}),
    ("An MoU was signed between Pine University and Larch College in Ostport.", {}),
])
def test_who_signed_after_between_whom(sentence: str, found: dict[str, list[str]]) -> None:
    assert _roles(sentence) == found


def test_whom_the_subject_signed_for_by_the_title_before_the_verb() -> None:
    """"Prof. A, Dean of X School, signed an MoU with B": X School beside B."""
    from mouarchive.importer import draft_from_text

    text = ("Pine School signs MoU\n\nOn March 17 2025, Prof. Ana Silva, Dean of Pine Business School, "
            "signed an MoU with Larch Holdings Limited at the Elm Centre.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert set(agreement.unknown_parties) == {"Pine Business School", "Larch Holdings Limited"}


def test_the_bodies_signed_between_before_who_signed_are_parties() -> None:
    """"another memorandum was signed between A and B by C and D": A and B are parties (outside the
    passage about who signed)."""
    from mouarchive.importer import draft_from_text

    text = ("Pine Park signs MoU\n\nAt the event a memorandum was signed between the Pine Science Park (PSP) "
            "and the Larch Network Agency by Albert Wu and Susana Lam.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert set(agreement.unknown_parties) == {"Pine Science Park", "Larch Network Agency"}
    assert [p.name for p in agreement.signatories] == ["Albert Wu", "Susana Lam"]


@pytest.mark.parametrize(("sentence", "found"), [
    # "A and officials from X witnessed": the officials name no one, A is still a witness
    ("The Financial Secretary, Mr Tom Wu (centre), and officials from Ostland and Kestria today (April 16) "
     "witnessed the signing of an MoU by Ms Eva Lam and Mr Ben Okoro.",
     {"witnesses": ["Tom Wu"], "signatories": ["Eva Lam", "Ben Okoro"]}),
    ("Mr Tom Wu and officials of the Pine Agency witnessed the signing.", {"witnesses": ["Tom Wu"]}),
])
def test_officials_from_somewhere_after_a_witness_name_no_one(sentence: str,
                                                            found: dict[str, list[str]]) -> None:
    assert _roles(sentence) == found


@pytest.mark.parametrize(("sentence", "names"), [
    # a local government, then the country it is in: where it is, no part of its name
    ("Today, the Pine Council and the Larch Prefectural Government of Japan signed an MoU.",
     ["Pine Council", "Larch Prefectural Government"]),
    # a country's own government keeps its country
    ("Today, the Pine Council and the Government of Japan signed an MoU.",
     ["Pine Council", "Government of Japan"]),
])
def test_the_country_a_local_government_is_in_is_no_part_of_its_name(sentence: str, names: list[str]) -> None:
    assert [name for name, _ in party_slots(sentence)] == names


@pytest.mark.parametrize(("sentence", "names"), [
    # the small words of Spanish and Portuguese names go on the name
    ("Pine University signed an MoU with the Universidade do Porto today.",
     ["Pine University", "Universidade do Porto"]),
    ("Pine University signed an MoU with the Universidad del Pacifico today.",
     ["Pine University", "Universidad del Pacifico"]),
])
def test_the_small_words_of_romance_names(sentence: str, names: list[str]) -> None:
    assert [name for name, _ in party_slots(sentence)] == names


def test_who_held_a_signing_ceremony_with_whom() -> None:
    """"On November 14th, A held a cooperation agreement signing ceremony with B": A and B."""
    found = party_slots("On November 14th, the Pine University held a cooperation agreement signing ceremony "
                        "with Larch Federal University.")
    assert [name for name, _ in found] == ["Pine University", "Larch Federal University"]


@pytest.mark.parametrize(("sentence", "names"), [
    # when it was signed, between the verb and "between"
    ("An agreement signed on Monday between the Pine University and one of Ostland's leading universities "
     "is expected to benefit students.", ["Pine University"]),
    ("An agreement signed on 3 May 2024 between the Pine University and the Larch University is expected "
     "to help.", ["Pine University", "Larch University"]),
    ("The talks on Monday between the Pine University and the Larch University were short.", []),
])
def test_the_parties_signed_on_a_day_between(sentence: str, names: list[str]) -> None:
    assert [name for name, _ in party_slots(sentence)] == names


@pytest.mark.parametrize(("sentence", "instrument"), [
    ("Pine and Larch signed a treaty on economic cooperation on 3 May 2021.", "treaty"),
    ("The Pine Authority and Larch Bank signed the Treaty of Friendship and Cooperation.",
     "Treaty of Friendship and Cooperation"),
    ("Pine and Larch signed three treaties.", "treaties"),
])
def test_a_treaty_is_an_instrument(sentence: str, instrument: str) -> None:
    """A treaty is signed as an agreement is, by its kind or by its name (none had been proposed)."""
    from mouarchive.importer import draft_from_text

    (agreement,) = draft_from_text(f"Two sides sign\n\n{sentence}\n", VOCAB).agreements
    assert agreement.instrument == instrument


def test_prime_minister_after_a_person_of_a_country_opens_the_next_person() -> None:
    """"President A of Ostland and Prime Minister B of Kestria": "Prime" is the title's word, so
    the "and" before it joins the next person, as before "Minister"."""
    passage = "President Ana Silva of Ostland and Prime Minister Tom Wu of Kestria"
    assert [p.name for p in read_people(passage, _parties(passage), Reading.LIST)] == ["Ana Silva", "Tom Wu"]


def test_the_one_who_reports_a_witness_list_is_no_witness() -> None:
    """"in the presence of A and B, C, first secretary of X, said on Thursday": C reports it."""
    assert _roles("The firms signed the MoUs in the presence of Vice President Ana Silva and Foreign "
                  "Minister Tom Wu, Lia Chen, first secretary of the Ostland Embassy in Pinetown, said on "
                  "Thursday.") == {"witnesses": ["Ana Silva", "Tom Wu"]}
    assert _roles("The MoU was signed in the presence of Ana Silva and Tom Wu, the ministry said.") == {
        "witnesses": ["Ana Silva", "Tom Wu"]}


def test_who_will_sign_a_later_memorandum_is_no_signatory() -> None:
    """"The third MoU will be signed by A and B at a later date": a signing to come."""
    assert _roles("The third MoU will be signed by Mr Tom Wu, Minister for Education, and Ms Ana Silva at "
                  "a later date.") == {}
    assert _roles("The third MoU was signed by Mr Tom Wu, Minister for Education, and Ms Ana Silva.") == {
        "signatories": ["Tom Wu", "Ana Silva"]}


def test_a_long_place_between_signed_and_by() -> None:
    """"signed at the Ostland Ministry of Defence headquarters in Ostport by A, title, and B, title":
    where, at some length, then by whom."""
    assert _roles("The MoU was signed at the Ministry of Defence headquarters in Ostport by Tom Wu, "
                  "Under-Secretary of the Ministry of Defence, and Ana Silva, Under-Secretary at the "
                  "Ministry of Works.") == {"signatories": ["Tom Wu", "Ana Silva"]}


def test_an_acronym_after_its_place_s_possessive_is_a_whole_name_before_and() -> None:
    """"Ostport's OTU and Pine Valley Language University sign pact": two bodies, the first by its
    acronym after the possessive of where it is."""
    assert [name for name, _ in party_slots("Ostport's OTU and Pine Valley Language University sign pact "
                                             "for joint research", "Ostport's OTU and Pine Valley Language "
                                             "University sign pact for joint research")] == [
        "Ostport's OTU", "Pine Valley Language University"]


def test_the_memorandum_for_a_country_is_for_whom_it_was_signed() -> None:
    """"A signed the Memorandum for Chile and B signed for Peru": for whom, not the instrument's name."""
    from mouarchive.importer import draft_from_text

    text = ("Chile and Peru sign MoU\n\nThe Government of Chile and the Government of Peru signed a "
            "Memorandum of Understanding.\n\nTom Wu signed the Memorandum for Chile and Ana Silva signed for "
            "Peru.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert agreement.instrument == "Memorandum of Understanding"
    text = "Chile and Peru sign\n\nChile and Peru signed the Agreement for the Promotion of Investments.\n"
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert agreement.instrument == "Agreement for the Promotion of Investments"


def test_special_is_a_title_s_word() -> None:
    """"Special Presidential Envoy for Trade Negotiations Tom Wu signed": a title, then the name."""
    assert _roles("Special Presidential Envoy for Trade Negotiations Tom Wu signed the MoU for Chile.") == {
        "signatories": ["Tom Wu"]}


def test_an_ambassador_to_a_country_is_a_title_before_a_name() -> None:
    """"Secretary A and Kestrian Ambassador to Ostland B signed": "to" goes on the title, as "of"."""
    assert _roles("Secretary Tom Wu and Kestrian Ambassador to Ostland Ana Silva signed the agreement.") == {
        "signatories": ["Tom Wu", "Ana Silva"]}


def test_the_signatures_were_put_by_names_the_signatories() -> None:
    """"The signatures were put by General Director of Ostinform, A, and Managing Director of B, C"."""
    assert _roles("The signatures were put by General Director of Ostinform, Tom Wu, and Managing Director "
                  "of Pine Agency, Ana Silva.") == {"signatories": ["Tom Wu", "Ana Silva"]}


@pytest.mark.parametrize(("sentence", "names"), [
    ("An MoU was signed between Ostland University (OU) and Pine Educational Society (PES), Ostville to "
     "promote teaching.", ["Ostland University", "Pine Educational Society"]),
    ("Ostland University and Kestrel International University (KIU), Ostville, Kestria, signed an MoU.",
     ["Ostland University", "Kestrel International University"]),
    # a list's own names after a bracket and a comma go on being parties
    ("The pact was signed between Ostland University (OU), Pine College and Kestrel Institute of Technology.",
     ["Ostland University", "Pine College", "Kestrel Institute of Technology"]),
])
def test_a_place_after_a_names_bracket_is_where_it_is(sentence: str, names: list[str]) -> None:
    """"A and B (BU), Ostville, Kestria, signed": where B is, between commas, names no party."""
    assert [name for name, _ in party_slots(sentence)] == names


def test_a_departments_ministry_and_government_after_commas_are_its_parents() -> None:
    """"between Department of X (DX), Ministry of Y, Government of Kestria and B": one party, then B."""
    found = party_slots("On 3 May 2014, an MoU was signed between Department of Pine Affairs (DPA), Ministry "
                        "of Finance, Government of Kestria and the Ostland Trade Agency.")
    assert [name for name, _ in found] == ["Department of Pine Affairs", "Ostland Trade Agency"]
    # ("the Bureau of X, the Ministry of Y and ...": each with its "the", a list's own names)
    found = party_slots("An MoU was signed between the Bureau of Pine Affairs, the Ministry of Finance and "
                        "the Ostland Trade Agency.")
    assert [name for name, _ in found] == ["Bureau of Pine Affairs", "Ministry of Finance",
                                           "Ostland Trade Agency"]


def test_the_day_by_its_ordinal_between_signed_and_between() -> None:
    """"was signed on 2nd February 2015 between A (AU) and B (BU)": the parties after the day."""
    found = party_slots("A Memorandum of Understanding was signed on 2nd February 2015 between the "
                        "University of Ostville (UoO) and Pine University (PU).")
    assert [name for name, _ in found] == ["University of Ostville", "Pine University"]


def test_an_engineers_style_and_a_title_word_before_bin() -> None:
    """"signed by Eng. Sultan bin Saeed Al Tom, Minister of X, and Dr. B": "Eng." is a style, and
    "Sultan" before "bin" the name's first word."""
    assert _roles("The MoU was signed by Eng. Sultan bin Saeed Al Tom, Minister of Economy, and Dr. Ana "
                  "Silva, President of the Pine University.") == {
        "signatories": ["Sultan bin Saeed Al Tom", "Ana Silva"]}
    # ("H.E. Eng. A": his Excellency's style before the engineer's)
    assert _roles("The MoU was signed by H.E. Eng. Khalid Ahmad Al Tom, Director of the Pine Foundation, and "
                  "H.E. Omar Okoro, Executive Director of Larch Auction.") == {
        "signatories": ["Khalid Ahmad Al Tom", "Omar Okoro"]}


def test_signed_for_a_side_by_and_for_the_other_by() -> None:
    """"was signed for Ostland by A, Assistant Minister ..., and for Kestria by HE B"."""
    assert _roles("The memorandum was signed for Ostland by His Excellency Tom Wu, Assistant Minister of "
                  "Foreign Affairs, and for Kestria by HE Ana Silva, the Kestrian ambassador.") == {
        "signatories": ["Tom Wu", "Ana Silva"]}


def test_an_ambassador_to_a_known_country_then_the_whole_name() -> None:
    """"signed by A and B and witnessed by Ostland Ambassador to Namibia Wisnu Edi Tomo": the
    country the title is to, then a name of three words."""
    assert _roles("The MoU was signed by Tom Wu and Ana Silva and witnessed by Ostland Ambassador to "
                  "Namibia Wisnu Edi Tomo.") == {"signatories": ["Tom Wu", "Ana Silva"],
                                                 "witnesses": ["Wisnu Edi Tomo"]}


def test_vc_is_a_title_word() -> None:
    """"signed by Pine University VC Prof Tom Wu and OU VC Dr M Ana Silva": the vice-chancellor's
    letters are a title, no part of the name."""
    assert _roles("The MoU was signed by Pine University VC Prof Tom Wu and OU VC Dr M Ana Silva.") == {
        "signatories": ["Tom Wu", "M Ana Silva"]}


def test_shri_and_smt_are_styles_before_a_name() -> None:
    """"signed by Shri Tom Wu, Secretary, and Smt. Ana Silva": the Indian styles, not the name's;
    "Shri Ram College of Commerce" is a body's name."""
    assert _roles("The MoU was signed by Shri Tom Wu, Secretary, Ministry of Pine Energy, and Smt. Ana "
                  "Silva, Ambassador of Kestria.") == {"signatories": ["Tom Wu", "Ana Silva"]}
    found = party_slots("Shri Ram College of Commerce and Pine University signed an MoU.")
    assert [name for name, _ in found] == ["Shri Ram College of Commerce", "Pine University"]


def test_each_or_respectively_signed_after_a_list_of_parties() -> None:
    """"the Third Pine Institute, the Larch Information and the Elm Centre each signed a project
    agreement with ...": each a party of its own agreement."""
    for word in ("each", "respectively"):
        found = party_slots(f"The Third Pine Institute, the Larch Centre and the Elm Institute {word} signed "
                            "a project cooperation agreement with relevant organisations of Ostport.")
        assert [name for name, _ in found] == ["Third Pine Institute", "Larch Centre", "Elm Institute"]


def test_fields_and_a_titles_word_after_a_run_then_an_honorific() -> None:
    """"signed by Pine vice-chancellor Prof. Dr. Tom Wu and Islamic Higher Education director Prof. Dr.
    Ana Silva": "Islamic Higher" opens the title's words, and names nobody."""
    assert _roles("The MoU was signed by Pine vice-chancellor Prof. Dr. Tom Wu and Islamic Higher Education "
                  "director Prof. Dr. Ana Silva.") == {"signatories": ["Tom Wu", "Ana Silva"]}


def test_a_peoples_word_before_a_title_ends_no_name() -> None:
    """"Visiting Malaysian Deputy Prime Minister Tom Wu signed on behalf of ...": whose the title is."""
    assert _roles("Visiting Malaysian Deputy Prime Minister and Education Minister Tom Wu signed on behalf "
                  "of the Malaysian government while Cambodian Minister Ana Silva signed for the Cambodian "
                  "government.") == {"signatories": ["Tom Wu", "Ana Silva"]}


def test_a_countrys_government_in_a_place_is_where_it_signed() -> None:
    """"an Agreement between the Government of Pine and the Government of the Republic of Kestria in
    Ostport": where it was signed, no part of the name; an embassy's "in" is its own."""
    found = party_slots("Tom Wu and Ana Silva today signed an Agreement on Maritime Transport between the "
                        "Government of Pine and the Government of the Socialist Republic of Vietnam in "
                        "Ostport.")
    assert [name for name, _ in found] == ["Government of Pine",
                                           "Government of the Socialist Republic of Vietnam"]
    found = party_slots("The MoU was signed between Pine University and the Embassy of Vietnam in Ostport.")
    assert [name for name, _ in found] == ["Pine University", "Embassy of Vietnam in Ostport"]


def test_an_association_for_friendship_with_foreign_countries() -> None:
    """"the Pine People's Association for Friendship with Foreign Countries": "with" goes on the name."""
    found = party_slots("An MoU was signed between the Larch Union of Friendship Organisations and the Pine "
                        "People's Association for Friendship with Foreign Countries.")
    assert [name for name, _ in found] == ["Larch Union of Friendship Organisations",
                                           "Pine People's Association for Friendship with Foreign Countries"]


def test_signed_in_the_presence_of_witnesses_by_signatories() -> None:
    """"the Agreement was signed in the presence of Premier A by Minister B and Mayor C": the
    witnesses end at the signing's "by"."""
    assert _roles("The Agreement was signed in the presence of Premier Tom Wu by Minister Ana Silva and "
                  "Mayor Li Ming.") == {"signatories": ["Ana Silva", "Li Ming"], "witnesses": ["Tom Wu"]}


def test_a_name_with_an_aside_that_says_what_kind_of_body_it_is() -> None:
    """"Pine Bharat, a national investment promotion and facilitation agency, signed an MoU with B":
    the aside's last word, a body's kind, says Pine Bharat is one; a person's aside "of" a body
    says nothing of the kind."""
    from mouarchive.importer import draft_from_text

    text = ("Pine Bharat signs MoU\n\nPine Bharat, a national investment promotion and facilitation "
            "agency, on Wednesday signed an MoU with the Ostland Bank.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert list(agreement.unknown_parties) == ["Pine Bharat", "Ostland Bank"]
    text = "MoU signed\n\nTom Wu, a senior member of the agency, signed an MoU with the Ostland Bank.\n"
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert list(agreement.unknown_parties) == ["Ostland Bank"]


def test_an_officer_who_told_names_the_body() -> None:
    """"Pine Bharat Vice President Tom Wu told PTI": the run before the title is a body's name."""
    from mouarchive.importer import draft_from_text

    text = ("MoU signed\n\nPine Bharat signed an MoU with the Ostland Bank.\n\n\"It helps,\" Pine Bharat "
            "Vice President Tom Wu told PTI.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert list(agreement.unknown_parties) == ["Pine Bharat", "Ostland Bank"]


def test_a_directorate_is_a_kind_of_body() -> None:
    """"The General Directorate of Residency Affairs signed an MoU with X": a directorate is a body,
    "General" before it no title."""
    found = party_slots("The General Directorate of Residency and Foreigners Affairs signed a memorandum "
                        "of understanding with the Pine Inventors Association.")
    assert [name for name, _ in found] == ["General Directorate of Residency and Foreigners Affairs",
                                           "Pine Inventors Association"]


def test_a_signing_ceremony_marks_the_partnership_between_its_parties() -> None:
    """"A signing ceremony was held to mark the partnership between A (AC), B, and Ostland
    universities": the parties the ceremony's tie is between; a place's word before bodies' kind in
    the plural names none of them."""
    found = party_slots("A Memorandum of Understanding signing ceremony was held to mark the partnership "
                        "between Pine College (PC), Larch State University, and Ostland universities.")
    assert [name for name, _ in found] == ["Pine College", "Larch State University"]
    assert party_slots("The ceremony was held to mark the partnership between Pine College and Larch "
                       "University.") == []


def test_the_agreements_involve_the_bodies_of_each_side() -> None:
    """"The six agreements signed on Friday involve A, B and C on the Ostland side, and D and E on the
    Kestrian side": each side's bodies, the list closed by the side it is on."""
    found = party_slots("The six agreements signed on Friday involve Pine News Agency, Oak Radio, Larch "
                        "Publishing Group on the Ostland side, and Elm University, Fir Media, and Ash "
                        "Television on the Kestrian side.")
    assert [name for name, _ in found] == ["Pine News Agency", "Oak Radio", "Larch Publishing Group",
                                           "Elm University", "Fir Media", "Ash Television"]
    # (a name with "and" in it may be two names, "Larch Daily and Oak Publishing Group", or one:
    # neither is proposed)
    found = party_slots("The agreements signed today involve Pine News Agency, Larch Daily and Oak "
                        "Publishing Group on the Ostland side, and Elm University on the Kestrian side.")
    assert [name for name, _ in found] == ["Pine News Agency", "Elm University"]
    assert party_slots("The agreements involve investment on the Ostland side.") == []


def test_what_the_last_of_two_parties_is_after_a_list_with_no_comma() -> None:
    """"A and B, the capital of Ostland, have signed": the two, less what the last one is."""
    found = party_slots("The Pine Authority and the Larch Agency, the regulator of Ostland, have signed "
                        "an MoU.")
    assert [name for name, _ in found] == ["Pine Authority", "Larch Agency"]


@pytest.mark.parametrize("body", ["Office of the Larch Commissioner", "Office of the Chief Executive",
                                  "Office of the Government Chief Information Officer"])
def test_a_bodys_kind_of_a_post_is_a_body(body: str) -> None:
    """"the Office of the Larch Commissioner": a body's kind, "of", then the post it serves."""
    found = party_slots(f"The Pine Bureau signed an MoU with the {body}.")
    assert [name for name, _ in found] == ["Pine Bureau", body]
    # (a title, "of", then the body is a person's post, no body)
    assert party_slots("The Pine Bureau signed an MoU with the Secretary of the Larch Board.") == [
        ("Pine Bureau", False)]


def test_the_mous_involve_pairs_each_with_its_other_party() -> None:
    """"The MoU involve A (AU) with B (BU) on ..., and C (CU) with D": the pairs of several MoUs."""
    found = party_slots("The MoU involve Ostland University (OU) with Pine University (PU) on the exchange "
                        "of expertise, and Larch University (LU) with the University of Kestria.")
    assert [name for name, _ in found] == ["Ostland University", "Pine University", "Larch University",
                                           "University of Kestria"]


@pytest.mark.parametrize(("sentence", "names"), [
    ("An MoU was signed between the Central Directorate of Residency and Visitors Affairs and "
     "Pine University.", ["Central Directorate of Residency and Visitors Affairs", "Pine University"]),
    ("An MoU was signed between the Office of Veterans and Family Affairs and Pine University.",
     ["Office of Veterans and Family Affairs", "Pine University"]),
    ("An MoU was signed between the Department of Health and Kestria Veterans Affairs.",
     ["Department of Health", "Kestria Veterans Affairs"]),
])
def test_words_that_end_in_affairs_after_and_go_on_a_name_of_a_field(sentence: str, names: list[str]) -> None:
    """"General Administration of Residency and Foreigners Affairs": one body, not two."""
    assert [name for name, _ in party_slots(sentence)] == names


@pytest.mark.parametrize(("sentence", "names"), [
    ("A memorandum on education, signed by the Ostlandic vice minister for university education, Tom Wu, "
     "and the Kestria Arab Republic minister for cooperation, Lina Dorsey.", ["Tom Wu", "Lina Dorsey"]),
    ("An agreement on land, signed by the Ostlandic minister of agricultural production and land, Tom Wu, "
     "and the Kestrian minister of economic development, Omar Ben Dorsey Fadil.",
     ["Tom Wu", "Omar Ben Dorsey Fadil"]),
    ("It was signed by education ministry secretary-general Tom Wu and the Kestria education "
     "department's permanent secretary, Lina Dorsey.", ["Tom Wu", "Lina Dorsey"]),
])
def test_a_countrys_title_in_small_letters_between_commas_before_the_name(sentence: str,
                                                                         names: list[str]) -> None:
    """"signed by the Ostlandic minister for cooperation, A, and the Kestrian minister for health, B":
    a people's or a country's words, then the title and its portfolio in small letters (or a body
    in small letters with its possessive), go on the list of signers."""
    assert _roles(sentence) == {"signatories": names}


def test_a_topic_after_for_goes_on_through_and() -> None:
    """"between A and B Council (BC) of Kestria for Joint Research on the Pine Sea and Capacity
    Building": the end of what the MoU is for names no party."""
    found = party_slots("Another MoU was signed between Ostland Marine Institute (OMI) and Council of "
                        "Scientific Research (CSR) of Kestria for Joint Research on Oceanography of the Pine "
                        "Ocean and Capacity Building.")
    names = [name for name, _ in found]
    assert len(names) == 2 and names[0] == "Ostland Marine Institute"
    assert not any(name.split()[0] == "Capacity" for name in names)


@pytest.mark.parametrize(("sentence", "names"), [
    ("A programme was signed between the Kestrian Ministry of Fisheries and Aquaculture and "
     "Pine University.", ["Kestrian Ministry of Fisheries and Aquaculture", "Pine University"]),
    ("Another MoU between Pine Space Centre and Department of Space, Government of the Republic of Ostland "
     "and Ministry of Posts, Telecommunication and Information Technology, Government of Kestria was signed.",
     ["Pine Space Centre", "Department of Space",
      "Ministry of Posts, Telecommunication and Information Technology"]),
])
def test_a_ministrys_fields_and_the_government_it_is_of(sentence: str, names: list[str]) -> None:
    """"Ministry of Posts, Telecommunication and X, Government of Kestria": the fields go on, and the
    government after a comma is the ministry's parent (as it is a department's, with "the
    Republic of"), no party."""
    assert [name for name, _ in party_slots(sentence)] == names


def test_sheikh_before_a_one_word_name_is_part_of_it() -> None:
    """"in the presence of Ostland prime minister Sheikh Nadia": the whole name; "Sheikh Omar bin
    Zayed" keeps "Sheikh" a style."""
    assert _roles("Ostland and Kestria signed 10 MoUs in the presence of Ostland prime minister Sheikh "
                  "Nadia and Sheikh Omar bin Zayed Al Rashid.") == {
        "witnesses": ["Sheikh Nadia", "Omar bin Zayed Al Rashid"]}


def test_a_charge_d_affaires_and_an_ambassador_to_a_known_country() -> None:
    """"Kestrian Charge d'Affaires Ana Silva": the title, not a name's first words; "Ostland's
    Ambassador to China Omar Dorsey": the country the title is to (a party the vocabulary knows),
    then the name."""
    assert _roles("Ostland Highway Authority Member Planning Tom Wu and Kestrian Charge d'Affaires Ana "
                  "Silva signed the fourth document.") == {"signatories": ["Tom Wu", "Ana Silva"]}
    assert _roles("The documents were signed by Finance Minister Ana Silva and Ostland's Ambassador to "
                  "China Omar Dorsey.") == {"signatories": ["Ana Silva", "Omar Dorsey"]}


@pytest.mark.parametrize(("sentence", "names"), [
    # "here" after a name in the list says where the body is; the list goes on
    ("A memorandum was signed between Pine University (PU) here and Ostport-based Larch Institute (LI) to "
     "promote teaching.", ["Pine University", "Larch Institute"]),
    # a name "of" an adjective is not whole before "and"
    ("Pine University (PU) signed an MoU with Council of Scientific and Industrial Research-Central Larch "
     "Research Institute (CSIR-CLRI).",
     ["Pine University", "Council of Scientific and Industrial Research-Central Larch Research Institute"]),
    # each name, then where it is, alternating
    ("An MoU was signed between Pine Institute of Technology (PIT), Ostville, and Larch Limited, Kestville, "
     "on Tuesday.", ["Pine Institute of Technology", "Larch Limited"]),
])
def test_where_each_body_is_in_a_list_and_a_name_of_an_adjective(sentence: str, names: list[str]) -> None:
    """"between A (AU) here and Ostport-based B", "between A (AU), Ostville, and B, Kestville", "Council
    of Scientific and Industrial Research": no places, and whole names."""
    assert [name for name, _ in party_slots(sentence)] == names


def test_a_titles_word_then_one_initial_and_a_surname() -> None:
    """"while Scientist P Sudhakar signed on behalf of B": the title, then the name with its initial."""
    assert _roles("On behalf of Pine University, Registrar Tom Wu signed the MoU, while Scientist P Dorsey "
                  "signed on behalf of Larch Institute.") == {"signatories": ["Tom Wu", "P Dorsey"]}


def test_who_supervised_the_signing_did_not_sign() -> None:
    """"The signing of the agreement was supervised by Foreign Minister A and B, and witnessed by
    President C": the supervisors are no signatories."""
    roles = _roles("The signing of the agreement was supervised by Ostland's Foreign Minister, Ana Silva, "
                   "and Kestria's Foreign Secretary, Tom Wu, and witnessed by President Li Ming.")
    assert "signatories" not in roles


def test_food_is_a_field_and_the_agreement_a_signing_carries_out() -> None:
    """"Ministry of Agriculture, Livestock and Food": one ministry; "the spirit of the X Agreement
    signed between A and B": another agreement's parties."""
    found = party_slots("Ostland's Ministry for Food and Agriculture (MoFA) has signed an MoU with Kestria's "
                        "Ministry of Agriculture, Livestock and Food.")
    assert [name for name, _ in found] == ["Ostland's Ministry for Food and Agriculture",
                                           "Kestria's Ministry of Agriculture, Livestock and Food"]
    found = party_slots("To carry out the spirit of the Framework Agreement for Deepening Cooperation signed "
                        "between Pine Provincial Government and Larch Group, Ostville formally signed an "
                        "agreement with Larch Ostville Sales Co., Ltd.")
    names = [name for name, _ in found]
    assert "Pine Provincial Government" not in names and "Larch Group" not in names
    assert "Larch Ostville Sales Co., Ltd" in names


def test_titles_in_the_plural_and_an_acronym_then_a_place_between_commas() -> None:
    """"in the presence of Prof. A, the Deputy Vice Chancellors, the Registrar": a title in the plural
    is no name; "with the Protestant University of Pine, PUP, Ostville and ...": the acronym, then
    where the body is."""
    assert _roles("The signing took place in the presence of the Representative of the Minister, Prof. "
                  "Tom Wu, the Vice Chancellor, the Deputy Vice Chancellors, the Registrar and the "
                  "Directors.") == {"witnesses": ["Tom Wu"]}
    found = party_slots("The MOUs were signed with the Protestant University of Central Pine, PUCP, Ostville "
                        "and the Larch Universitaire Institut, LUI, Ostville.")
    assert [name for name, _ in found] == ["Protestant University of Central Pine",
                                           "Larch Universitaire Institut"]


def test_pairs_after_semicolons_once_between_named_the_first() -> None:
    """"The MoUs were inked between A and B; the C and D; and E and F": the pairs of three MoUs; a clause
    after a semicolon that names no pair of bodies adds none."""
    found = party_slots("The MoUs were inked between Pine Nexchange Bhd and Larch Holding Group Co; the "
                        "Ostport International Chamber of Commerce and Kestria Knowledge Co; and Elm "
                        "International Sdn Bhd and Oak Technologies Sdn Bhd.")
    assert [name for name, _ in found] == [
        "Pine Nexchange Bhd", "Larch Holding Group Co", "Ostport International Chamber of Commerce",
        "Kestria Knowledge Co", "Elm International Sdn Bhd", "Oak Technologies Sdn Bhd"]
    found = party_slots("The MoU was signed between Pine Bank and Larch Group; the two will work on trade "
                        "and Kestria will host it.")
    assert [name for name, _ in found] == ["Pine Bank", "Larch Group"]


def test_the_part_of_the_day_before_the_verb_and_sealed_by() -> None:
    """"The Pine Chamber of Commerce on Sunday evening signed an MoU with B": the subject; "The MoU was
    sealed by President of A Tom Wu and President of B Li Ming": who signed."""
    found = party_slots("The Pine Chamber of Commerce on Sunday evening signed a Memorandum of Understanding "
                        "with the Larch Chamber of Commerce and Industry of Ostville.")
    assert [name for name, _ in found] == ["Pine Chamber of Commerce",
                                           "Larch Chamber of Commerce and Industry of Ostville"]
    assert _roles("The MoU was sealed by President of Pine Chamber of Commerce Tom Wu and President of "
                  "Larch Chamber of Commerce and Industry Li Ming.") == {"signatories": ["Tom Wu", "Li Ming"]}


def test_a_locality_after_a_comma_in_a_list_with_no_and() -> None:
    """"signed an MoU with Pine University, Ostville, located in Kestria": no list of two names has no
    "and"; the place after the comma says where the body is, and is no party."""
    found = party_slots("Larch College (LC) on Tuesday signed a memorandum of understanding (MoU) with Pine "
                        "University, Ostville, located in the Kestria region.")
    assert [name for name, _ in found] == ["Larch College", "Pine University"]
    found = party_slots("Larch College signed a memorandum of understanding with Pine University, Elm "
                        "Institute and Oak Academy.")
    assert [name for name, _ in found] == ["Larch College", "Pine University", "Elm Institute", "Oak Academy"]


def test_the_signing_of_an_mou_between_two_titled_people_and_a_relative_clause_in_a_list() -> None:
    """"marked by the signing of an MoU between Pine Minister A and Larch Commander Marshal B": who
    signed, by their titles; "signed by Ms A who is also acting as X, and Mr B": both."""
    assert _roles("The deal was marked by the signing of a Memorandum of Understanding (MoU) between Pine "
                  "Minister Tom Wu and Larch Commander Marshal Ana Silva in Ostville, on Monday.") == \
        {"signatories": ["Tom Wu", "Ana Silva"]}
    assert "signatories" not in _roles("They witnessed the signing of a Memorandum of Understanding between "
                                       "Pine University and Larch College in Ostville on Monday.")
    assert _roles("The MoA was signed by Pine editor-in-chief Ana Silva who is also carrying out the duties "
                  "of Pine chief executive officer, and Larch director for Asia-Pacific Tom Wu.") == \
        {"signatories": ["Ana Silva", "Tom Wu"]}


def test_what_the_first_of_two_between_is_between_commas() -> None:
    """"signed between Pine Window, a centre of Ostland friendship in the provincial capital, and the
    Larch Engineering University of Kestria": both, and the aside no part of either."""
    found = party_slots("A Memorandum of Understanding (MoU) has been signed between Pine Window, a centre "
                        "of Ostland friendship in the provincial capital, and the Larch Engineering "
                        "University of Kestria for cooperation in various fields.")
    assert [name for name, _ in found] == ["Pine Window", "Larch Engineering University of Kestria"]


def test_a_joint_stock_companys_letters_end_no_persons_name() -> None:
    """"NC Ostland Pine Sapary JSC and Larch Academy have signed": the company, no person."""
    found = party_slots("Ostland Pine Sapary JSC and Larch Administration Academy have signed a memorandum "
                        "of cooperation.")
    assert [name for name, _ in found] == ["Ostland Pine Sapary JSC", "Larch Administration Academy"]
    assert _roles("The memorandum was signed by NC Ostland Pine Sapary JSC and Larch Academy.") == {}


def test_a_name_in_quotation_marks_in_a_list() -> None:
    """"an MoU between the Ministry of X of Ostland and the "Pine Marine Foundation"": the name as
    written inside its quotation marks."""
    found = party_slots('Memorandum of Understanding and Cooperation between the Ministry of Environmental '
                        'Protection of Ostland and the "Pine Marine Foundation" to protect the Larch Sea.')
    assert [name for name, _ in found] == ["Ministry of Environmental Protection of Ostland",
                                           "Pine Marine Foundation"]


def test_a_name_in_quotation_marks_for_what_the_instrument_is_for_stays_out_of_the_list() -> None:
    """"between the Pine Ministry and the Ministry of Youth and Culture for the "Ostland Arts Contest"":
    the quoted name is what the MoU is for; the ministry "of Youth and Culture" is one party."""
    found = party_slots('Tom Wu witnessed the signing of the Memorandum of Understanding (MoU) between the '
                        'Pine Ministry and the Ministry of Youth and Culture for the "Ostland Arts Contest" '
                        'at the Elm Hall here.')
    assert [name for name, _ in found] == ["Pine Ministry", "Ministry of Youth and Culture"]


def test_two_countries_at_a_comma_are_two_parties() -> None:
    """"China, Peru sign 14 cooperation documents": a country after the comma is a party, not where
    the first is."""
    found = party_slots("China, Peru sign 14 cooperation documents")
    assert [name for name, _ in found] == ["China", "Peru"]


def test_a_place_after_a_names_bracket_and_before_the_next_names_and() -> None:
    """"Pine University of Sciences & Technology (PUST), Ostport and the Larch Aerospace Industries (LAI)
    signed": where the first is, no party."""
    found = party_slots("Pine University of Sciences & Technology (PUST), Ostport and the Larch Aerospace "
                        "Industries (LAI) signed a Memorandum of Understanding (MoU) on research.")
    assert [name for name, _ in found] == ["Pine University of Sciences & Technology",
                                           "Larch Aerospace Industries"]


@pytest.mark.parametrize(("sentence", "names"), [
    ("The Ministry of Energy and Mineral Resources has signed a memorandum of understanding with Pine "
     "Hydrogen Company.", ["Ministry of Energy and Mineral Resources", "Pine Hydrogen Company"]),
    ("The Ministry of Water and Natural Resources and Larch Company on Thursday signed an MoU.",
     ["Ministry of Water and Natural Resources", "Larch Company"]),
    # a company's name after "and" is still a second party
    ("The Ministry of Energy and Pine Energy signed an agreement.", ["Ministry of Energy", "Pine Energy"]),
])
def test_a_word_that_says_which_of_a_field_goes_on_the_fields(sentence: str, names: list[str]) -> None:
    """"Ministry of Energy and Mineral Resources": "Mineral" says which resources, so the words after
    "and" are more of the fields the ministry is of, not a second party."""
    assert [name for name, _ in party_slots(sentence)] == names


def test_a_titles_word_before_a_bodys_name_in_a_signers_title_proposes_no_party() -> None:
    """"inked by Prof Dr Tom Wu, Rector PI Institute and Dr Li Ming, Vice Dean ..., LPU": 'Rector'
    is no part of a body's name; which body the signer heads stays unsure, so none is proposed."""
    from mouarchive.importer import draft_from_text

    text = ("Pine and Larch sign MoU\n\nPine Institute of Engineering Sciences and Technology and Larch "
            "Polytechnical University (LPU), a leading Kestrian research varsity signed a Memorandum of "
            "Understanding (MoU) on Friday.\n\nThe MoU was inked by Prof Dr Tom Wu, Rector PI Institute and "
            "Dr Li Ming, Vice Dean of the Office of International Cooperation, LPU.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert not any("Rector" in name for name in agreement.unknown_parties)


@pytest.mark.parametrize(("passage", "names"), [
    ("Minister Tom Wu and his counterpart Datuk Seri Setia Dr Ana Bakar Silva",
     ["Tom Wu", "Ana Bakar Silva"]),
    ("Datuk Seri Panglima Ana Silva and Tan Sri Tom Wu", ["Ana Silva", "Tom Wu"]),
])
def test_the_setia_and_panglima_grades_of_datuk_seri(passage: str, names: list[str]) -> None:
    """"Datuk Seri Setia Dr A" (Brunei's), "Datuk Seri Panglima A" (Sabah's): grades of the honour
    before the name, none of them the name's words."""
    assert [p.name for p in read_people(passage, _parties(passage), Reading.LIST)] == names


def test_a_run_written_on_into_a_common_noun_in_capitals_is_no_name() -> None:
    """"Minister of State for Digital Economy and Remote Work Applications and Vice-Chair of X":
    "Remote Work" runs on into "Applications", so it names a thing, no signer."""
    assert _roles("The MoU was signed by Tom Wu, Minister of State for Pine Intelligence, Digital Economy "
                  "and Remote Work Applications and Vice-Chair of the Larch Summit Organisation, and Ana "
                  "Silva, Managing Director of the Pine Finance Corporation.") == {
        "signatories": ["Tom Wu", "Ana Silva"]}


@pytest.mark.parametrize(("sentence", "names"), [
    # the department's own "the", and the government by its short form "Govt."
    ("Pine Institute signed an MoU with the Department of Mines, Government of Ostland.",
     ["Pine Institute", "Department of Mines"]),
    ("Pine Institute (PI) has signed an MoU with the Department of Mines & Geology (DMG), Govt. of Ostland "
     "for exploration.", ["Pine Institute", "Department of Mines & Geology"]),
])
def test_the_government_a_department_with_its_article_is_of(sentence: str, names: list[str]) -> None:
    """"with the Department of Mines & Geology (DMG), Govt. of Ostland": the government after the
    department's comma is its parent, no party, also where the department has its "the"."""
    assert [name for name, _ in party_slots(sentence)] == names


def test_publication_is_a_field_of_a_department() -> None:
    """"Department of Culture, Radio, Television, Publication and Sports of X": publishing is a field a
    department is of, as broadcasting is, so the list of fields is one name, not fragments."""
    found = party_slots("The first MoU was a framework agreement between Pine Travel and the Department of "
                        "Culture, Radio, Television, Publication and Sports of Larch Province.")
    assert [name for name, _ in found] == [
        "Pine Travel", "Department of Culture, Radio, Television, Publication and Sports of Larch Province"]


def test_a_signing_dated_with_its_year_then_a_comma_before_by() -> None:
    # "The MoA, signed on June 18, 2025, by A and B, opens ...": the date's comma, then who signed
    assert _roles("The Memorandum of Agreement (MoA), signed on June 18, 2025, by Pine President Dr. Ana "
                  "Q. Silva and Larch University President Dr. Ben Okoro, opens the way.") == {
        "signatories": ["Ana Q. Silva", "Ben Okoro"]}


def test_a_technologists_style_ends_no_sentence() -> None:
    # "Professor Dato' Ts. Dr. A": the style's full stop is no sentence's end
    assert _roles("Signed by the Vice Chancellors of PU and LU, respectively, Professor Dato' Ts. Dr. Tom "
                  "bin Abdul Wu and Dr. Ana Silva, the MoU reflects a shared commitment.") == {
        "signatories": ["Tom bin Abdul Wu", "Ana Silva"]}


def test_a_name_after_a_title_and_its_comma_before_a_list_of_parties_is_its_holder() -> None:
    # "during a visit by the Secretary of X, Tom Wu, A and B signed": Tom Wu holds the title
    sentence = ("On March 23, during a visit to Ostport by the Secretary of the Pine Provincial Committee, "
                "Tom Wu, the Ostport Trade Office and the Pine Province Department of Commerce signed an "
                "agreement.")
    assert [n for n, _ in party_slots(sentence)] == ["Ostport Trade Office",
                                                     "Pine Province Department of Commerce"]


@pytest.mark.parametrize(("sentence", "roles"), [
    ("With Premier Tom Wu and Prime Minister Eva Lam as witnesses, Pine Minister Ana Silva and Ben Okoro "
     "signed five documents.",
     {"witnesses": ["Tom Wu", "Eva Lam"], "signatories": ["Ana Silva", "Ben Okoro"]}),
    ("With Mr Tom Wu, Secretary for Trade, as witness, Ana Silva and Ben Okoro signed the MoU.",
     {"witnesses": ["Tom Wu"], "signatories": ["Ana Silva", "Ben Okoro"]}),
    # "as witnesses" after the signing is about something else
    ("With Ana Silva and Ben Okoro signing the MoU, the guests stood as witnesses.", {}),
])
def test_with_people_as_witnesses_before_the_signing(sentence: str, roles: dict[str, list[str]]) -> None:
    assert _roles(sentence) == roles


@pytest.mark.parametrize(("sentence", "roles"), [
    # the visitor named after "a visit ... by" opens the sentence; the bodies after signed
    ("On March 23, during a visit to Ostport by the Secretary of the Pine Provincial Committee, Wu Ping, "
     "the Permanent Secretariat of Pine Forum and the Pine Province Department of Commerce signed it.", {}),
    ("During his visit to Ostport, Tom Wu and Ben Okoro signed the MoU.",
     {"signatories": ["Tom Wu", "Ben Okoro"]}),
])
def test_who_made_the_visit_a_signing_sentence_opens_with_did_not_sign(
        sentence: str, roles: dict[str, list[str]]) -> None:
    assert _roles(sentence) == roles


def test_a_surname_alone_after_the_lists_and_the_text_gives_in_full_elsewhere() -> None:
    # "A, President of X, and Rahmati signed": the last signer by a surname given in full before
    assert _roles("Tom Wu Rahmati, CEO of Pine Media, represented Pine at the signing ceremony. Ana Silva, "
                  "president of Larch News Agency, and Rahmati signed the MoU.") == {
        "signatories": ["Ana Silva", "Rahmati"]}
    # (a surname no one has in full is no one)
    assert _roles("Ana Silva, president of Larch News Agency, and Rahmati signed the MoU.") == {}


def test_a_title_after_its_bodys_possessive_after_and_before_the_person() -> None:
    # "A, Pine Daily's deputy editor (Right) and Larch Daily's editor B (Left) sign": two people
    assert _roles("Gao Anming, Pine Daily's deputy editor-in-chief (Right) and Larch Daily's editor-in-chief "
                  "Liang Jianping (Left) sign a cooperation agreement in Ostport.") == {
        "signatories": ["Gao Anming", "Liang Jianping"]}


def test_fields_after_and_the_open_the_next_name() -> None:
    # "the Ministry of Works and the National Development and Reform Commission": a field list has
    # no "the" of its own, so "and the" opens the second body, whose fields open its name
    found = party_slots("An MoU between the Ministry of Public Works and the Ostland Development and Reform "
                        "Commission was signed.")
    assert [name for name, _ in found] == ["Ministry of Public Works",
                                           "Ostland Development and Reform Commission"]
    found = party_slots("An MoU between the Ministry of Public Works and the National Development and Reform "
                        "Commission was signed.")
    assert [name for name, _ in found] == ["Ministry of Public Works",
                                           "National Development and Reform Commission"]
    # (without "the", the fields go on: "Ministry of Education and Training")
    found = party_slots("An MoU between the Ministry of Education and Training and the Pine Agency was "
                        "signed.")
    assert [name for name, _ in found] == ["Ministry of Education and Training", "Pine Agency"]


def test_a_person_an_honorific_opens_is_no_end_of_the_words_before() -> None:
    # "CEO of Go-Invest Kestria Dr. Tom Wu": the place ends the body's name, the honorific opens
    # the person's
    passage = "Ana Silva, and CEO of Go-Invest Kestria Dr. Tom Wu"
    assert [p.name for p in read_people(passage, _parties(passage), Reading.LIST)] == ["Ana Silva", "Tom Wu"]


def test_a_compound_of_fields_and_a_place_with_its_level_before_the_fields() -> None:
    # "the Ministry of Housing and Urban-Rural Development": a hyphen joins two fields into one
    found = party_slots("An MoU between the Pine Bureau and the Ministry of Housing and Urban-Rural "
                        "Development was signed.")
    assert [name for name, _ in found] == ["Pine Bureau",
                                           "Ministry of Housing and Urban-Rural Development"]
    # "the Guangzhou Municipal Science, Technology and Innovation Commission": the place and its level
    # of government, then the fields in a list of their own, then the kind: one body
    found = party_slots("An MoU between the Pine Bureau and the Guangzhou Municipal Science, Technology and "
                        "Innovation Commission was signed.")
    assert [name for name, _ in found] == [
        "Pine Bureau", "Guangzhou Municipal Science, Technology and Innovation Commission"]


def test_a_body_in_a_title_whose_fields_are_listed_at_commas() -> None:
    # "the Director of the Culture, Sports and Tourism Bureau, Mr A": the whole bureau, not the
    # fragment after the comma the title's pattern stopped at
    from mouarchive.importer import draft_from_text

    for text, body in [
        ("The Permanent Secretary of the Culture, Sports and Tourism Bureau, Mr Joe Wong, and the "
         "Director of the Pine Arts Council, Ms Ana Silva, signed the MoU.",
         "Culture, Sports and Tourism Bureau"),
        ("The Director of the Guangzhou Municipal Science, Technology and Innovation Commission, Mr Tom Wu, "
         "and Ms Ana Silva, President of Pine University, signed the MoU.",
         "Guangzhou Municipal Science, Technology and Innovation Commission")]:
        names = {p.name for p in draft_from_text(text, VOCAB).proposed_parties}
        assert body in names
        assert not any(n != body and body.endswith(n) for n in names)


@pytest.mark.parametrize("when", ["early in August", "in August", "in December 2020"])
def test_signed_in_a_month_by_organisations_names_the_parties(when: str) -> None:
    """"The MOU was signed early in August by A Limited and B Company": when, in a month, then
    who; the bodies that signed are the parties."""
    found = party_slots(f"The MOU was signed {when} by Pine Lime and Cement Limited and Larch Electric "
                        "International Company.")
    assert [name for name, _ in found] == ["Pine Lime and Cement Limited",
                                           "Larch Electric International Company"]



@pytest.mark.parametrize(("sentence", "names"), [
    ("An MoU between Pine University (PU) and Larch Normal University, China was signed on Wednesday.",
     ["Pine University", "Larch Normal University"]),
    ("The MoU was signed by Pine University and the Larch Institute of Technology, India.",
     ["Pine University", "Larch Institute of Technology"]),
])
def test_a_country_alone_after_the_last_bodys_name_is_where_it_is(sentence: str, names: list[str]) -> None:
    """"between A and Yuxi Normal University, China": the country after the last name says where the
    body is; it is no part of the name and no party."""
    assert [name for name, _ in party_slots(sentence)] == names


def test_a_vietnamese_name_keeps_its_letters() -> None:
    """"Phạm Minh Chính", "Đặng Văn Hùng": Vietnamese's letters are a name's letters too; the name
    is whole, not "Minh Chính"."""
    assert _roles("Prime Minister Phạm Minh Chính and Ostland's Prime Minister Tom Wu on Monday witnessed "
                  "the signing of an agreement between the Pine Agency and the Larch Agency.") == {
        "witnesses": ["Phạm Minh Chính", "Tom Wu"]}
    assert _roles("The MoU was signed by Đặng Văn Hùng, Director of the Pine Agency.") == {
        "signatories": ["Đặng Văn Hùng"]}


@pytest.mark.parametrize("others", ["along with other members of the state Executive Council",
                                    "and senior officials of the Pine Agency", "and other officials"])
def test_a_surname_after_a_title_then_unnamed_others_is_a_witness(others: str) -> None:
    """"witnessed by Governor Pine along with other members of the Council": the others name no one;
    the title and the surname before them are the witness."""
    assert _roles(f"Tom Wu signed the MoU, witnessed by Governor Larchwood {others}.") == {
        "signatories": ["Tom Wu"], "witnesses": ["Larchwood"]}


def test_a_publisher_and_an_editorial_board_member_are_titles() -> None:
    """"Ms B, publisher and editor-in-chief of Larch Daily", "C, editorial board member of ...": a
    newspaper's officers, each a title before the body, as a director's is."""
    from mouarchive.importer import draft_from_text

    text = ("Pine Museum and Larch Daily sign agreement\n\nMr. Tom Wu, director of Pine Museum, and Ms. Ana "
            "Silva, publisher and editor-in-chief of Larch Daily, signed the agreement on behalf of the two "
            "parties.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert [p.name for p in agreement.signatories] == ["Tom Wu", "Ana Silva"]


def test_a_bodys_fields_go_on_after_and_to_a_country() -> None:
    """"the Laboratory of Robotics and Engineering Systems", "the Institute of Strategic and
    International Studies Malaysia": fields after "and", then the country it is in, are one name."""
    from mouarchive.importer.parties import _fields_go_on

    assert _fields_go_on("Laboratory of Robotics", "Engineering Systems")
    assert _fields_go_on("Institute of Strategic", "International Studies Malaysia")
    assert not _fields_go_on("Institute of Strategic", "Ostland University")


def test_two_instruments_one_sentence_signed_together_are_two_agreements() -> None:
    """"signed a Memorandum of Understanding (MoU) and an Undergraduate Student Exchange Agreement
    with B": two agreements of one signing, each with the parties and the day; two names of one
    kind ("a memorandum of understanding and the MoU") are one agreement."""
    from mouarchive.importer import draft_from_text

    text = ("OstU and Pine University sign two agreements\n\nOstU signed a Memorandum of Understanding (MoU) "
            "and an Undergraduate Student Exchange Agreement with Pine University on 3 May 2023.\n")
    first, second = draft_from_text(text, VOCAB).agreements
    assert (first.instrument, second.instrument) == ("Memorandum of Understanding",
                                                     "Undergraduate Student Exchange Agreement")
    assert first.unknown_parties == second.unknown_parties == ("OstU", "Pine University")
    assert first.signed == second.signed == PartialDate(2023, 5, 3)
    text = "OstU signs MoU\n\nOstU signed a memorandum of understanding with Pine University on 3 May 2023.\n"
    assert len(draft_from_text(text, VOCAB).agreements) == 1


def test_names_with_central_european_letters_and_a_chief_negotiator() -> None:
    """"Mr. Maroš Šefčovič": Latin Extended-A letters are a name's letters; "Chief Negotiator" is a
    title, no name."""
    from mouarchive.importer import draft_from_text

    text = ("Pine signs memorandum\n\nThe memorandum was signed by the Minister for EU Affairs and Chief "
            "Negotiator Mr. Egemen Bağış and the Vice-President of the Pine Commission Mr. Maroš Šefčovič.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert [p.name for p in agreement.signatories] == ["Egemen Bağış", "Maroš Šefčovič"]


def test_those_who_placed_their_signatures_on_it_signed_it() -> None:
    """"A, Vice Governor of X, and B, Vice President of Y, placed their signatures on the agreement"."""
    from mouarchive.importer import draft_from_text

    text = ("Pine and Larch sign agreement\n\nMr. Tom Wu, Vice Governor of Pine Province, and Mr. Ken Ho, "
            "Vice President of Larch Aircraft, placed their signatures on the Framework Agreement.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert [p.name for p in agreement.signatories] == ["Tom Wu", "Ken Ho"]


def test_a_list_of_pairs_whose_last_joiner_is_as_well_as() -> None:
    """"between A (AU) and B, C (CU) and D, as well as E (EU) and F": every pair's bodies."""
    from mouarchive.importer import draft_from_text

    text = ("Pine and Larch universities sign MOUs\n\nThree MOUs were signed on 7 December 2015. The signing "
            "of MOUs between Pine University (PU) and Larch University, Elm Technological University (ETU) "
            "and Oak University, as well as Ash University of Technology and Design (AUTD) and Yew "
            "University was witnessed by Mr Tom Wu.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert set(agreement.unknown_parties) == {"Pine University", "Larch University",
                                              "Elm Technological University", "Oak University",
                                              "Ash University of Technology and Design", "Yew University"}


def test_a_ministry_of_culture_community_and_youth_is_one() -> None:
    """"the Ministry of Culture, Community and Youth": the fields after the comma go on."""
    from mouarchive.importer.parties import _fields_go_on

    assert _fields_go_on("Ministry of Culture", "Community and Youth")


def test_signed_in_a_place_with_its_state_then_by_whom() -> None:
    """"signed in Ostville, DC, by A and B": the place's state after its comma, then who signed."""
    from mouarchive.importer import draft_from_text

    text = ("Pine and Larch sign MOU\n\nThe MOU was signed in Ostville, DC, by Representative of the Pine "
            "Office Tom Wu and Managing Director of the Larch Office Ken Ho on November 3.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert [p.name for p in agreement.signatories] == ["Tom Wu", "Ken Ho"]


def test_signers_at_a_distance_each_where_they_were() -> None:
    """"signed virtually by A (甲) in Ostville and Pine Department Secretary-General B in Kestria": each
    signer with where they were; the second signer's body, title and name are no place."""
    from mouarchive.importer import draft_from_text

    text = ("Pine and Larch sign MOU\n\nPine and Larch on Wednesday signed a memorandum of understanding. "
            "The agreement was signed virtually by Deputy Minister Tom Wu (吳湯) in Ostville and Larch "
            "Department of Foreign Affairs Secretary-General Ann Ho in Kestria, and took effect at once.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert [p.name for p in agreement.signatories] == ["Tom Wu", "Ann Ho"]
    assert agreement.place is None


def test_a_crown_prince_is_a_title() -> None:
    """"in the presence of H.H. Sheikh A, Crown Prince of Pine, and Dr. B": the crown prince's title
    after the name is no one's name."""
    from mouarchive.importer import draft_from_text

    text = ("Pine and Larch sign MoU\n\nThe MoU was signed by Tom Wu, Deputy Chairman of Pine Foundation, "
            "and Ann Ho, Undersecretary of Larch Ministry, in the presence of H.H. Sheikh Omar bin Saif, "
            "Crown Prince of Pine, and Dr. Ken Lee, Minister of Larch.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert [p.name for p in agreement.witnesses] == ["Omar bin Saif", "Ken Lee"]


def test_the_town_a_body_is_in_after_its_comma_is_no_party() -> None:
    """"between Pine University (PU), Hyderabad and the University of Larch, Kosti, Sudan": the town
    after each body's name, and the country after it, say where the body is; a one-word company's
    name after a comma is a party ("Pine University, Huawei and Tencent")."""
    from mouarchive.importer import draft_from_text

    text = ("Pine and Larch sign MoU\n\nThe MoU was signed between Pine University (PU), Hyderabad and the "
            "University of Larch, Kosti, Sudan on Monday.\n")
    (agreement,) = draft_from_text(text, VOCAB).agreements
    assert set(agreement.unknown_parties) == {"Pine University", "University of Larch"}
    from mouarchive.importer.towns import is_town

    assert is_town("Kosti") and is_town("Bilaspur")
    assert not is_town("Huawei") and not is_town("Pine University")


def test_a_new_partys_words_that_no_bodys_name_holds() -> None:
    """The last check on every reading's new parties: a verb of the sentence around it, or a joiner
    or "of" it would go on after, is in no body's name; a body's own name passes."""
    from mouarchive.importer.parties import well_formed_name

    for words in ("Pine University said", "Larch Bank has", "Ministry of", "Pine University and",
                  # (people by their posts, in the plural)
                  "Presidents of The Pine University", "Chairmen of Larch Bank"):
        assert not well_formed_name(words), words
    for words in ("Pine University", "Ministry of Trade and Industry", "Bank of Larch", "Haveli Trust",
                  "President of the Republic"):
        assert well_formed_name(words), words


def test_a_royal_name_before_a_bodys_kind_and_for_is_a_body() -> None:
    """"with the King Abdulaziz City for Science and Technology (KACST)": a king's name opens a body's,
    whose kind's word (City) comes before its "for"; "Minister for Trade" is a post."""
    text = "Pine Authority has signed an MoU with the King Abdulaziz City for Science and Technology (KACST)."
    assert [name for name, _ in party_slots(text)] == ["Pine Authority",
                                                      "King Abdulaziz City for Science and Technology"]
    post = "Pine Authority has signed an MoU with the Minister for Trade."
    assert [name for name, _ in party_slots(post)] == ["Pine Authority"]


def test_a_days_word_before_a_title_is_no_signer() -> None:
    """"Today, Acting Prime Minister ... Hon. A signed an MOU with His Excellency B": the day opens the
    sentence, and is no one's name (the last check on every reading's people)."""
    from mouarchive.errors import Problems
    from mouarchive.importer import draft_from_text
    from mouarchive.vocabularies import load_vocabularies

    vocab = load_vocabularies(Path(__file__).resolve().parent / "fixtures" / "import", Problems())
    draft = draft_from_text("Ostland and Kestria sign MOU\n\nToday, Acting Prime Minister and Minister for "
                            "Trade Hon. Manoa Okoro signed a Memorandum of Understanding (MOU) with His "
                            "Excellency Luo Wei, the Chairman of the Kestria Aid Agency.\n", vocab)
    assert [p.name for a in draft.agreements for p in a.signatories] == ["Manoa Okoro", "Luo Wei"]


def test_a_cooperation_after_on_is_what_the_instrument_is_about() -> None:
    """"between A and B on Agricultural Cooperation and Related Activities": a cooperation is never a
    body, so "on" and what follows it, "and" and all, end the names."""
    found = party_slots("It is an MoU between the Pine Department and Larch Enterprise on Agricultural "
                        "Cooperation and Related Activities.")
    assert [name for name, _ in found] == ["Pine Department", "Larch Enterprise"]


def test_a_body_named_after_a_styled_person_is_no_person() -> None:
    """"the Sheikh Saud Kuwait Diplomatic Institute", "the Prince Saud Al-Faisal Institute for
    Diplomatic Studies": a body's name, though a style opens it; "Prince Faisal bin Farhan" is a
    person, with the prince's style before his name."""
    from mouarchive.importer import draft_from_text

    (agreement,) = draft_from_text(
        "Ostland, Kestria sign pact\n\nJune 4, 2024\n\nA joint programme was signed between the Prince "
        "Saud Al-Faisal Institute for Diplomatic Studies and the Sheikh Saud Nasser Al-Sabah Kestria "
        "Diplomatic Institute.\n", VOCAB).agreements
    assert not agreement.signatories
    (agreement,) = draft_from_text(
        "Ostland, Kestria sign MoUs\n\nJune 4, 2024\n\nThe MoUs were signed in the presence of Ostland's "
        "Minister of Foreign Affairs Prince Faisal bin Farhan and his Kestrian counterpart Abdullah Ali "
        "Al-Yahya.\n", VOCAB).agreements
    assert [p.name for p in agreement.witnesses] == ["Faisal bin Farhan", "Abdullah Ali Al-Yahya"]


def test_a_surname_alone_that_two_people_named_in_full_share_is_left_out_and_said() -> None:
    """"Mr Lam; ...; and Mr Fred Lam witnessed", after "Mr Lam Sai-hung" was introduced: either of
    them, so neither is proposed from it, and a note says why."""
    from mouarchive.importer import draft_from_text

    draft = draft_from_text(
        "Airport deal signed\n\nNovember 26, 2024\n\nThe Secretary for Transport, Mr Lam Sai-hung, travelled "
        "to Larch today to witness the signing.\n\nThe Agreement was signed by the Chief Executive of the "
        "Ostland Airport Authority, Mrs Vivian Cheung, and the Chairman of the Larch Holdings Group, Mr "
        "Chen Weijia. Mr Lam; the Mayor of Larch, Mr Huang Zhihao; and the Chairman of the Ostland Airport "
        "Authority, Mr Fred Lam, witnessed the signing ceremony.\n", VOCAB)
    witnesses = [p.name for a in draft.agreements for p in a.witnesses]
    assert "Lam" not in witnesses and "Fred Lam" in witnesses
    assert any(n.field == "witnesses" and "'Lam' is the name of Fred Lam and of Lam Sai-hung" in n.message
               for n in draft.notes)


@pytest.mark.parametrize(("sentence", "names"), [
    ("On March 23 the Ostland Conduct Authority and the Kestrian Securities and Investments Commission "
     "signed an agreement.", ["Ostland Conduct Authority", "Kestrian Securities and Investments Commission"]),
    ("The Pine Chamber (PC) and the Larch Chamber of Commerce and Industry-Ostville Chapter (Ostville "
     "Chamber) have entered into a sisterhood agreement.",
     ["Pine Chamber", "Larch Chamber of Commerce and Industry-Ostville Chapter"]),
    ("Pine Securities and Larch Investment Bank signed an agreement.",
     ["Pine Securities", "Larch Investment Bank"]),
])
def test_a_regulators_trades_and_a_chambers_chapter_are_one_name(sentence: str, names: list[str]) -> None:
    """"the Australian Securities and Investments Commission": a trade's word that ends companies'
    names, then more such words and a kind, is one body's fields; "the Philippine Chamber of Commerce
    and Industry-Iloilo Chapter": a field, then its chapter's place after a hyphen. Two companies
    stay two."""
    assert [name for name, _ in party_slots(sentence)] == names


def test_a_word_that_points_back_names_no_instrument() -> None:
    """"This agreement was signed on 4th March": the agreement the sentence before named, not one
    called "This agreement"."""
    from mouarchive.importer import draft_from_text

    draft = draft_from_text("Pine University signs agreements\n\nMarch 20, 1996\n\nThe Faculty has recently "
                            "signed collaboration agreements with the Larch Institute.\n\nThis agreement was "
                            "signed on 4th March.\n", VOCAB)
    assert all(a.instrument != "This agreement" for a in draft.agreements)
