"""The Chinese reader's grammar of witnessing, and jieba's word on a name standing alone."""

from __future__ import annotations

from pathlib import Path

import pytest

from mouarchive.importer.chinese import ChinesePerson, read_chinese, short_forms
from mouarchive.importer.earlier import looks_back
from mouarchive.importer.zh_names import is_person_name
from mouarchive.model import PartialDate


@pytest.mark.parametrize("name", ["王小明", "李志強", "张玉庆", "何厚鏵"])
def test_a_name_standing_alone_is_a_name(name: str) -> None:
    assert is_person_name(name)


@pytest.mark.parametrize("words", ["兩地政府", "企業", "雙方", "北京", "香港", "商業機構", "嘉賓",
                                   "嘉賓們", "政府", "當天", "Peter", "王"])
def test_other_words_and_places_are_not_names(words: str) -> None:
    assert not is_person_name(words)


def test_names_without_titles_in_a_witness_list() -> None:
    found = read_chinese("備忘錄由數碼局局長陳美玲與星島市科技局局長李志強簽署，王小明和张玉庆在場見證。")
    assert [p.name for p in found.witnesses] == ["王小明", "张玉庆"]
    assert [p.name for p in found.signatories] == ["陳美玲", "李志強"]


def test_a_person_with_two_titles_joined_by_a_list_mark() -> None:
    """"黨組書記、局長李志強": one person's two titles, not a list of a title and a person."""
    found = read_chinese("協議由數碼局總經理陳美玲與星島市經濟和科技局黨組書記、局長李志強於數碼局簽署，"
                         "王小明、副市長张玉庆在場見證。")
    assert [p.name for p in found.signatories] == ["陳美玲", "李志強"]
    assert [p.name for p in found.witnesses] == ["王小明", "张玉庆"]


def test_a_long_witness_list_in_commas_is_read_only_where_each_part_is_a_person() -> None:
    found = read_chinese("在行政長官林大文，數碼局副局長、星島日報社長兼總編輯王小明，以及星島市副市長张玉庆"
                         "見證下，由陳美玲和李志強代表雙方簽署協議。")
    assert [p.name for p in found.witnesses] == ["林大文", "王小明", "张玉庆"]
    found = read_chinese("在2023年3月1日，星島市副市長张玉庆見證下，由陳美玲和李志強代表雙方簽署協議。")
    assert [p.name for p in found.witnesses] == []  # a date is no person: the list is not read


def test_a_list_ends_at_etc() -> None:
    found = read_chinese("在港灣區行政長官林大文與星島市市長王小明等官員見證下，雙方簽署合作協議。")
    assert [p.name for p in found.witnesses] == ["林大文", "王小明"]


def test_witnesses_before_the_signing_are_not_signatories_and_the_signers_are_parties() -> None:
    found = read_chinese("港灣區行政長官林大文與星島市市長王小明在星島共同見證港灣區政府與星島市政府簽署"
                         "《合作協議》。")
    assert [p.name for p in found.witnesses] == ["林大文", "王小明"]
    assert found.signatories == ()
    assert found.parties == ("港灣區政府", "星島市政府")


def test_the_subject_of_the_sentence_witnessed_with_and() -> None:
    found = read_chinese("當天在星島，港灣區行政長官林大文參觀了展覽，"
                         "並與星島市市長王小明共同見證兩地簽署協議。")
    assert [p.name for p in found.witnesses] == ["林大文", "王小明"]
    found = read_chinese("港灣區行政長官林大文、星島市市長王小明等兩地政府代表昨早出席洽談會，"
                         "並見證兩地政府簽署合作協議。")
    assert [p.name for p in found.witnesses] == ["林大文", "王小明"]


@pytest.mark.parametrize("words", ["企業", "商業機構", "兩地政府"])
def test_words_that_name_no_one_in_particular_are_not_parties(words: str) -> None:
    """"A與企業簽署": the businesses are no party by name; A, which signed with them, is."""
    found = read_chinese(f"港灣區政府與{words}簽署合作協議。")
    assert found.parties == ("港灣區政府",)


def test_the_two_places_after_a_list_of_parties_are_not_part_of_the_last() -> None:
    found = read_chinese("港灣區行政長官林大文共同見證香港和江蘇兩地簽署多項合作協議。")
    assert found.parties == ("香港", "江蘇")
    found = read_chinese("香港和廣東兩地今日簽署合作協議。")
    assert found.parties == ("香港", "廣東")


def test_a_proper_name_by_the_tagger() -> None:
    from mouarchive.importer.zh_names import has_proper_name

    assert has_proper_name("澳門特區政府") and has_proper_name("港中大")
    assert not has_proper_name("商業機構") and not has_proper_name("企業")


def test_signed_by_several_sides_with_a_latin_name_and_a_member_title() -> None:
    found = read_chinese("協議由星島投資局委員Dra. Ana Silva、港灣區貿易局主席張祖榮及"
                         "星島市投資促進局局長陳廣俊三方共同簽署。")
    assert [p.name for p in found.signatories] == ["Ana Silva", "張祖榮", "陳廣俊"]


def test_the_body_names_the_instrument_and_the_parties_before_the_headline() -> None:
    # The headline shortens: "多項協議", and places for the bodies that signed.
    found = read_chinese("星港與月灣簽署多項協議\n星港數碼局與月灣科技局昨日簽署合作協議。")
    assert found.instrument == "合作協議"
    assert found.parties == ("星港數碼局", "月灣科技局")
    # where the body names none, the headline's are kept
    assert read_chinese("香港與澳門簽署合作協議\n兩地將加強合作。").parties == ("香港", "澳門")


def test_one_or_the_other_is_no_instrument() -> None:
    found = read_chinese("代表團簽訂了5份協議或合作備忘錄。其中星港貿易局與月灣數字組織簽署合作備忘錄。")
    assert found.instrument == "合作備忘錄"
    # "其中" opens the clause and is no part of the name; 代表團 is a delegation, not "on behalf of"
    assert found.parties == ("星港貿易局", "月灣數字組織")


def test_words_that_open_a_name_are_no_part_of_it_and_a_place_in_brackets_is() -> None:
    found = read_chinese("星港大學理學院與我校材化學院正式簽署合作備忘錄。")
    assert found.parties == ("星港大學理學院", "材化學院")
    assert read_chinese("月灣區人民政府與香港中文大學（深圳）簽署協議書。").parties == (
        "月灣區人民政府", "香港中文大學（深圳）")
    found = read_chinese("星港數碼局（數碼局）與月灣科技局簽署協議書。")
    assert found.parties == ("星港數碼局", "月灣科技局")


@pytest.mark.parametrize(("title", "parties"), [
    ("星港商務委員會與月灣貿易促進局戰略合作協議", ["星港商務委員會", "月灣貿易促進局"]),
    ("星港教育委員會與月灣教育暨青年局友好合作備忘錄", ["星港教育委員會", "月灣教育暨青年局"]),
    ("星港招商署 星港商務局 月灣貿易促進局 投資貿易合作備忘錄",
     ["星港招商署", "星港商務局", "月灣貿易促進局"]),
    ("星港管理委員會與月灣辦公室就兩地企業合作的合作備忘錄", ["星港管理委員會", "月灣辦公室"]),
    ("星港數字經濟合作備忘錄", []),  # what it is about, no parties
    ("關於建設青年創新基地的合作框架協議", []),
])
def test_the_parties_an_agreements_title_names(title: str, parties: list[str]) -> None:
    from mouarchive.importer.chinese import title_parties

    assert title_parties(title) == parties


def test_several_agreements_named_in_one_signing_sentence() -> None:
    from mouarchive.errors import Problems
    from mouarchive.importer import draft_from_text
    from mouarchive.vocabularies import load_vocabularies

    vocab = load_vocabularies(Path(__file__).resolve().parent / "fixtures" / "import", Problems())
    text = ("兩地簽署兩份合作文件\n\n2023年12月7日\n\n兩地簽署的文件分別為"
            "《星港招商署與月灣貿易促進局投資合作備忘錄》和《星港旅遊局與月灣旅遊局旅遊合作框架協議》。\n")
    draft = draft_from_text(text, vocab)
    assert [a.instrument for a in draft.agreements] == ["星港招商署與月灣貿易促進局投資合作備忘錄",
                                                         "星港旅遊局與月灣旅遊局旅遊合作框架協議"]
    assert [a.unknown_parties for a in draft.agreements] == [("星港招商署", "月灣貿易促進局"),
                                                              ("星港旅遊局", "月灣旅遊局")]
    assert len({a.id for a in draft.agreements}) == 2


def test_the_subject_of_a_sentence_witnessed_and_a_title_without_a_name_is_passed_over() -> None:
    found = read_chinese("行政長官王大文下午與星港商會會面，"
                         "並見證商會代表與貿易推廣署署長陳小明簽署合作備忘錄。")
    assert [p.name for p in found.witnesses] == ["王大文"]
    assert [p.name for p in found.signatories] == ["陳小明"]
    assert found.parties == ("貿易推廣署",)  # where no sentence names a party: the signatory's


def test_the_leaders_of_delegations_who_jointly_witnessed() -> None:
    found = read_chinese("行政長官王大文率領的星港代表團，與月灣省委書記李志強率領的月灣代表團，"
                         "今日在星港舉行儀式，共同見證兩地簽署多項合作協議。")
    assert [p.name for p in found.witnesses] == ["王大文", "李志強"]


def test_one_subject_for_the_clauses_of_a_sentence() -> None:
    found = read_chinese("行政長官王大文今日在月城拜會月灣總理巴育，又與月灣副總理李志強舉行會議，"
                         "其後與李志強分別代表星港政府和月灣政府，簽署諒解備忘錄。")
    assert [p.name for p in found.signatories] == ["王大文", "李志強"]


@pytest.mark.parametrize(("title", "organisation"), [
    ("珠海市投資促進局局長", "珠海市投資促進局"), ("特區政府公務員事務局局長", "特區政府公務員事務局"),
    ("行政長官", None), ("星港市市長", None),
    # a ministry of three characters, where the rest is a title of its own; no other short body
    ("商务部部长", "商务部"), ("商務部副部長", "商務部"), ("科大署理校長", None), ("理學院院長", None),
    # a secretariat by its 司; never one that leaves a single character, but the 部 a minister's
    # 部長 shares
    ("社會文化司司長", "社會文化司"), ("政務司司長", None), ("月灣貿工部長", "月灣貿工部"),
])
def test_the_organisation_a_title_opens_with(title: str, organisation: str | None) -> None:
    from mouarchive.importer.chinese import title_organisation

    assert title_organisation(title) == organisation


def test_attending_and_jointly_witnessing() -> None:
    found = read_chinese("星港行政長官王大文和月灣省省長李志強出席簽約儀式並共同見證簽約。")
    assert [p.name for p in found.witnesses] == ["王大文", "李志強"]
    # attending alone is not witnessing
    assert read_chinese("星港行政長官王大文和月灣省省長李志強出席簽約儀式並致辭。").witnesses == ()


@pytest.mark.parametrize(("sentence", "signatories", "witnesses"), [
    ("商務局局長丘大文代表星港政府與月灣省商務廳廳長張小明簽署協議。", ["丘大文", "張小明"], []),
    ("星港貿易局局長王大文和月灣投資局局長李志強分別代表雙方在協議上簽字。", ["王大文", "李志強"], []),
    ("星港大學校長王大文、月灣集團董事長李志強共同簽署了合作協議。", ["王大文", "李志強"], []),
    ("星港政府與月灣省人民政府今日簽署合作備忘錄，行政長官王大文出席見證。", [], ["王大文"]),
])
def test_more_chinese_signing_clauses(sentence: str, signatories: list[str], witnesses: list[str]) -> None:
    found = read_chinese(sentence)
    assert [p.name for p in found.signatories] == signatories
    assert [p.name for p in found.witnesses] == witnesses


def test_who_attends_the_signing_ceremony_did_not_sign() -> None:
    found = read_chinese("甲大學校長王明與乙研究院院長李華今日在港灣簽署合作協議。教育局局長蔡若蓮、"
                         "乙市副市長陳立出席簽署儀式。")
    assert [p.name for p in found.signatories] == ["王明", "李華"]
    assert found.witnesses == ()


def test_signed_on_behalf_of_the_contracting_parties() -> None:
    found = read_chinese("協議由甲大學秘書長林大文教授與乙大學院長陳小明教授分別代表締約雙方簽署。")
    assert [p.name for p in found.signatories] == ["林大文", "陳小明"]


def test_a_delegation_is_no_title() -> None:
    found = read_chinese("校長王明率領甲大學代表團訪京，與乙博物院簽署合作意向書。")
    assert "團訪京" not in [p.name for p in found.signatories]


def test_parties_signing_together_are_each_a_party_and_no_place() -> None:
    found = read_chinese("雙方又與丙基金會、丁科技公司簽署了合作意向書。")
    assert found.parties == ("丙基金會", "丁科技公司")
    found = read_chinese("丙市人民政府与丁集团在丙市签署合作协议。")
    assert "丁集团在丙市" not in found.parties


@pytest.mark.parametrize(("text", "instrument"), [
    ("丙市人民政府与丁集团签署全面战略合作协议。", "全面战略合作协议"),
    ("广州市与乙科技大学签署合作办学协议。", "合作办学协议"),
    ("甲大學與乙大學簽訂備忘協議。", "備忘協議"),
    ("雙方簽署了4項合作協議。", "合作協議"),
    ("雙方簽署協議，合作期三年。", "協議"),
    # 等 in a word that holds it (higher education), not the 等 that ends a list
    ("甲政府與乙政府簽署高等教育合作協議。", "高等教育合作協議"),
])
def test_the_instrument_is_the_whole_noun_phrase_after_the_verb(text: str, instrument: str) -> None:
    assert read_chinese(text).instrument == instrument


def test_a_word_of_time_ends_the_party() -> None:
    found = read_chinese("丁市人民政府与港湾戊区议会日前签署友好交流协议。")
    assert found.parties == ("丁市人民政府", "港湾戊区议会")


def test_the_signing_ceremony_names_the_parties_and_the_instrument() -> None:
    found = read_chinese("6月7日上午，戊大学与己研究院战略合作协议签约仪式在戊大学举行。"
                         "戊大学校长孙华、己研究院院长周强代表双方签约。")
    assert found.parties == ("戊大学", "己研究院")
    assert found.instrument == "战略合作协议"
    assert [p.name for p in found.signatories] == ["孙华", "周强"]


def test_the_two_universities_is_no_party() -> None:
    found = read_chinese("港大校長張翔教授與甲大學校長李明教授代表兩校簽署備忘錄。")
    assert "兩校" not in found.parties


def test_a_short_form_and_a_museum_are_whole_names_but_a_republic_keeps_its_he() -> None:
    assert read_chinese("港中大與故宮博物院簽署了合作意向書。").parties == ("港中大", "故宮博物院")
    found = read_chinese("行政長官何厚鏵與外交部部長伽馬分別代表澳門特別行政區及葡萄牙共和國，簽署協定。")
    assert "葡萄牙共和國" in found.parties


def test_a_lord_is_named_without_his_title() -> None:
    found = read_chinese("甲大學署理校長錢大康教授與乙大學校監衛奕信勳爵簽訂交流備忘協議。")
    assert [p.name for p in found.signatories] == ["錢大康", "衛奕信"]


def test_a_list_of_parties_signing_together_runs_from_the_first_yu() -> None:
    found = read_chinese("甲大學校長王明一行前往里斯本，先後與乙大學、機器人與工程系統實驗室及丙理工學院"
                         "簽署合作協議。")
    assert found.parties == ("乙大學", "機器人與工程系統實驗室", "丙理工學院")


def test_a_latin_name_with_accents() -> None:
    found = read_chinese("在行政長官賀一誠的見證下，校長宋永華與乙大學校長Luís Ferreira分別代表兩校"
                         "簽署協議。")
    assert [p.name for p in found.signatories] == ["宋永華", "Luís Ferreira"]


def test_and_then_signed_on_behalf_of_both_sides() -> None:
    found = read_chinese("签约仪式上，甲大学校长张华与乙研究院院长刘明分别致辞，并代表双方签署合作协议。")
    assert [p.name for p in found.signatories] == ["张华", "刘明"]


def test_the_witness_of_the_signing() -> None:
    found = read_chinese("由甲會主席何志明及乙局局長梁偉雄簽署，財政司司長陳茂波擔任見證人。")
    assert [p.name for p in found.witnesses] == ["陳茂波"]


def test_a_liaison_officer_and_the_guests_after_the_named_witnesses() -> None:
    found = read_chinese("在甲管理局局长黄敏、甲管理局香港事务首席联络官洪为民及一众嘉宾见证下，"
                         "乙港行政总裁任景信与甲管理局副局长谢晖晖签署合作备忘录。")
    assert [p.name for p in found.witnesses] == ["黄敏", "洪为民"]
    assert [p.name for p in found.signatories] == ["任景信", "谢晖晖"]


def test_officials_are_no_title_and_name() -> None:
    assert read_chinese("特區政府官員陳大文出席並見證簽署。").witnesses == ()


def test_how_they_signed_is_no_part_of_the_last_name() -> None:
    facts = read_chinese("月灣大學校長李子明與星港科創局局長張林共同見證，"
                         "星港科創局副局長邵剛及月灣大學副校長陳智恆則代表雙方簽署協議。")
    assert [p.name for p in facts.signatories] == ["邵剛", "陳智恆"]


@pytest.mark.parametrize(("sentence", "parties"), [
    # the subject of the clause that signed "with" another, a time and a place between
    ("月灣大學（月大）今日（14日）在星港大學園會議上與星港市科技創新局（星港科創局）簽署協議。",
     ["星港市科技創新局", "月灣大學"]),
    # the one that announced it had signed; "已" is no part of the name after it
    ("月灣交易所（簡稱“月交所”）23日宣布，已與星港碳排放權交易中心和青河國際交易所簽署合作備忘錄。",
     ["星港碳排放權交易中心", "青河國際交易所", "月灣交易所"]),
])
def test_the_party_that_signed_with_the_others(sentence: str, parties: list[str]) -> None:
    assert list(read_chinese(sentence).parties) == parties


def test_a_time_of_day_ends_a_subject_and_a_clause_of_speech_names_no_party() -> None:
    found = read_chinese("月灣基金會與星港創新基金會今午在星港博覽館舉行的開幕禮上簽署戰略合作諒解備忘錄。")
    assert found.parties == ("月灣基金會", "星港創新基金會")
    said = read_chinese("月灣金融管理局局長李文表示，很高興與星港市數據局簽署合作備忘錄。"
                        "他希望星港實驗室以此次合作為起點。")
    assert said.parties == ("星港市數據局",)  # not "很高興與星港市數據局", nor "他希望星港實驗室"


def test_the_time_before_a_place_of_signing_is_no_part_of_it() -> None:
    from mouarchive.errors import Problems
    from mouarchive.importer import draft_from_text
    from mouarchive.vocabularies import load_vocabularies

    vocab = load_vocabularies(Path(__file__).resolve().parent / "fixtures" / "import", Problems())
    text = ("兩會簽署備忘錄\n\n2015年8月20日\n\n簽署儀式安排在今天下午於月灣博覽館舉行，"
            "由月灣基金會秘書長李文及星港基金會總裁張明代表雙方簽署戰略合作諒解備忘錄。\n")
    (agreement,) = draft_from_text(text, vocab).agreements
    assert agreement.place == "月灣博覽館"


def test_signed_by_a_list_then_where() -> None:
    found = read_chinese("合作協議在李強的見證下，"
                         "由月灣生產力局總經理李文與星港市科技局局長張明於月灣生產力局簽署。")
    assert [p.name for p in found.signatories] == ["李文", "張明"]


@pytest.mark.parametrize(("text", "forms"), [
    ("衛奕信勳爵今日到訪香港科技大學（科大），與師生會面。", {"科大": "香港科技大學"}),
    ("龙岗区委书记张礼卫率代表团到访香港中文大学（港中大）。", {"港中大": "香港中文大学"}),
    # 及 is part of a name, not a list: the whole name stands for the short form
    ("證券及期貨事務監察委員會（證監會）今日公布。", {"證監會": "證券及期貨事務監察委員會"}),
    ("香港中文大學（深圳）與某局簽署協議。", {}),  # a place in brackets is part of the name
    # ... and of the name the short form stands for
    ("星港數碼港與月谷服務平台（安徽）有限公司（月谷）今日簽署備忘錄。",
     {"月谷": "月谷服務平台（安徽）有限公司"}),
])
def test_a_short_form_in_brackets_stands_for_the_name_before_it(text: str, forms: dict[str, str]) -> None:
    assert short_forms(text) == forms


def test_a_party_named_by_its_short_form_is_proposed_by_its_name() -> None:
    """"並與科大簽訂": the party the text named in full before, once; and an agreement's other party
    from its signatory's title where no sentence names it."""
    found = read_chinese("阿伯丁大學校監衛奕信今日到訪香港科技大學（科大），與師生會面，"
                         "並與科大簽訂備忘協議。\n\n阿伯丁大學校監衛奕信與科大署理校長錢大康簽訂備忘協議。")
    assert "香港科技大學" in found.parties and "科大" not in found.parties
    assert "阿伯丁大學" in found.parties


@pytest.mark.parametrize("comma", ["，", ","])
def test_the_signers_before_clauses_of_when_and_where(comma: str) -> None:
    """"A局局長甲與B辦公室副主任乙，昨日（29日），在北京簽署": the subject is before the clauses that
    say only when and where; a comma typed as in English is a comma too. 及 may be inside a
    bureau's name, which the signatory's title opens with."""
    text = (f"創新科技及工業局局長孫東與國家互聯網信息辦公室副主任趙澤良{comma}昨日（29日）{comma}"
            "在北京簽署《促進數據跨境流動的合作備忘錄》。")
    found = read_chinese(text)
    assert [p.name for p in found.signatories] == ["孫東", "趙澤良"]
    assert found.parties == ("創新科技及工業局", "國家互聯網信息辦公室")


def test_a_standing_committee_member_is_a_title_and_on_behalf_is_no_name() -> None:
    """"市委常委、管理局局長、區委書記曾湃……見證簽約": three titles of one witness; "甲先生與乙教授
    代表簽署": they signed as representatives, and 代表 is nobody's name."""
    found = read_chinese("深圳市委常委、前海管理局局長、南山區委書記曾湃、香港大學校長張翔"
                         "出席活動並見證簽約，前海管理局副局長王錦俠與香港大學協理副校長潘巍簽署了協議。")
    assert [p.name for p in found.witnesses] == ["曾湃", "張翔"]
    assert found.witnesses[0].title == "深圳市委常委、前海管理局局長、南山區委書記"
    found = read_chinese("深圳市副市長鄭紅波先生（左）與香港大學副校長（學術發展）宮鵬教授"
                         "代表簽署合作備忘錄。")
    assert [p.name for p in found.signatories] == ["鄭紅波", "宮鵬"]


def test_a_list_of_signings_and_a_company_that_signed_with_many() -> None:
    """"包括A同B簽署備忘、C同D簽署意向書": each signing's own pair, and no party made of the words of
    the one before; "A公司（甲）18日與首批共59個機構簽署": A signed, the others are no name."""
    found = read_chinese("兩地簽署20份合作文件，包括上海電視台同港台簽署合作備忘、上海市文物局同發展局"
                         "簽署意向書等。")
    assert found.parties == ("上海市文物局", "發展局")
    found = read_chinese("港深創新及科技園有限公司（港深創科園）18日與首批共59個機構簽署合作備忘錄。")
    assert found.parties == ("港深創新及科技園有限公司",)


def test_a_person_by_surname_and_title_is_the_one_the_text_named_so() -> None:
    """"施會長代表廠商會與貴州省政府簽署": 施會長 is the 會長 named 施 before ("由廠商會會長施榮懷主持")."""
    found = read_chinese("代表團由廠商會會長施榮懷主持接待。最後，施會長代表廠商會與貴州省政府簽署合作協議。")
    assert [(p.name, p.title) for p in found.signatories] == [("施榮懷", "廠商會會長")]
    # two 會長 named 施: which one, the text does not say
    two = read_chinese("由廠商會會長施榮懷及商會會長施大明主持。最後，施會長代表廠商會與貴州省政府簽署協議。")
    assert not two.signatories


def test_a_party_whose_place_is_said_and_what_about_before_the_verb() -> None:
    """"A（甲）8月11日晚公布，與台灣的B（乙）就C合作簽訂": A announced it, and signed with B (台灣's B),
    about C."""
    found = read_chinese("香港金融管理局（金管局）8月11日晚公布，與台灣的金融監督管理委員會（金管會）"
                         "就兩個監管機構之間銀行業監管合作簽訂《了解備忘錄》。")
    assert set(found.parties) == {"金融監督管理委員會", "香港金融管理局"}


def test_signed_by_a_list_as_representatives() -> None:
    """"由甲校長王教授與乙會會長李博士代表簽署": the list, then 代表 with no 雙方 after it."""
    found = read_chinese("此外，城大與廠商會簽訂合作備忘錄，由城大校長梅彥昌教授與廠商會會長盧金榮博士"
                         "代表簽署。")
    assert [p.name for p in found.signatories] == ["梅彥昌", "盧金榮"]


def test_a_company_named_by_its_trade_signs() -> None:
    """"A（甲）與思謀科技簽署": a company by its trade (科技); 科技 ends no bureau's name in a title."""
    found = read_chinese("12日，香港投資管理有限公司（港投公司）與思謀科技簽署戰略合作協議。")
    assert set(found.parties) == {"香港投資管理有限公司", "思謀科技"}


def test_a_company_with_a_province_in_brackets_signs_with_cyberport() -> None:
    found = read_chinese("星港数码港与月谷服务平台(安徽)有限公司(月谷)29日签署合作备忘录。")
    assert found.parties == ("星港数码港", "月谷服务平台(安徽)有限公司")


def test_signed_by_organisations_the_parties() -> None:
    found = read_chinese("協議由星港省科技廳、月城市科技局、南灣開發區管委會與星港論壇科學中心四方簽署。")
    assert found.parties == ("星港省科技廳", "月城市科技局", "南灣開發區管委會", "星港論壇科學中心")
    assert found.signatories == ()


def test_a_company_named_by_its_trade_ends_its_name_in_a_list() -> None:
    # (a name of five characters or more: the tagger's proper names do not reach it)
    found = read_chinese("在本次生态节上，深圳湾科技与华为签署“智慧园区”战略合作框架协议。")
    assert found.parties == ("深圳湾科技", "华为")


def test_witnesses_with_the_day_after_their_names_and_an_agreement_called_by_its_short_name() -> None:
    found = read_chinese("據公報，李大文和星港工業和信息化部長金小明19日在北京共同見證甲局與乙部簽署"
                         "《關於推進新型工業化的合作協議》（下稱《合作協議》）。雙方在《合作協議》簽署儀式前交流。")
    assert [p.name for p in found.witnesses] == ["李大文", "金小明"]
    assert found.several == ()  # one agreement, called by its short name after


def test_what_someone_said_in_chinese_quotation_marks_names_no_party() -> None:
    from mouarchive.importer.text import mask_quotes
    text = "李大文致辭時說：“今天，特區政府和國家工信部簽署合作協議。”甲局與乙部簽署協議。"
    assert "特區政府" not in mask_quotes(text) and "甲局與乙部簽署協議" in mask_quotes(text)
    assert "“星港”" in mask_quotes("甲局與“星港”簽署協議。")  # a name in quotation marks stays


def test_a_trade_word_inside_a_bureaus_name_is_no_end_of_it() -> None:
    # 科技 ends a company's name before 與, never before 及 ("創新科技及工業局" is one bureau)
    assert read_chinese("星港創新科技及工業局與月國工信部簽署合作協議。").parties == (
        "星港創新科技及工業局", "月國工信部")


def test_a_photo_captions_witnesses_at_a_venue_and_the_representatives_who_signed() -> None:
    found = read_chinese("（後排左起）星港衞生部副部長黃大文、月明基金李月明博士及星港醫院管理局主席胡小旭"
                         "今日（十一月二日）於醫院管理局大樓見證合作備忘錄簽署儀式。簽署合作備忘錄的代表包括"
                         "（前排左起）星港衞生部副主任王立基、月明基金董事孫小江醫生及星港醫院管理局行政總裁蘇利民。")
    assert [p.name for p in found.witnesses] == ["黃大文", "李月明", "胡小旭"]
    assert [(p.name, p.title) for p in found.signatories] == [
        ("王立基", "星港衞生部副主任"), ("孫小江", "月明基金董事"), ("蘇利民", "星港醫院管理局行政總裁")]


def test_a_visits_verb_is_no_part_of_the_name_after_it() -> None:
    found = read_chinese("到訪星港大學醫學院及月城大學醫學院合作諒解備忘錄簽約儀式")
    assert found.parties == ("星港大學醫學院", "月城大學醫學院")


def test_a_number_of_universities_is_no_party() -> None:
    found = read_chinese("星港醫院9日與三間設有中醫學院的星港本地大學簽署合作協議。")
    assert "三間設有中醫學院的星港本地大學" not in found.parties


def test_a_comma_before_yiji_is_inside_a_list() -> None:
    found = read_chinese("星港局局長王大文、月城局局長李小明，以及星港大學校長陳志強"
                         "共同見證甲局與乙局簽署協議。")
    assert [p.name for p in found.witnesses] == ["王大文", "李小明", "陳志強"]


def test_commas_inside_brackets_do_not_end_a_clause() -> None:
    found = read_chinese("8月11日,星港銀行香港分行與月城品質保證局(Moon City Quality Agency,簡稱MCQA)"
                         "正式簽署了《綠色金融合作備忘錄》。")
    assert found.parties == ("星港銀行香港分行", "月城品質保證局")


def test_an_academician_and_a_convener_are_titles() -> None:
    found = read_chinese("星港局副局長張小莉，以及星港大學校長、中國科學院院士滕大光也出席見證。")
    assert [(p.name, p.title) for p in found.witnesses] == [
        ("張小莉", "星港局副局長"), ("滕大光", "星港大學校長、中國科學院院士")]
    found = read_chinese("由校長李金大和月城學院仲裁委員會召集人孔小清代表兩校簽署合作意向書。")
    assert [p.name for p in found.signatories] == ["李金大", "孔小清"]


def test_the_subject_of_a_clause_of_where_it_was_then_signed_with_the_other() -> None:
    found = read_chinese("星港友好協會於月城考察期間，日前（28日）與月城省僑眷聯誼會簽署合作備忘錄。")
    assert found.parties == ("月城省僑眷聯誼會", "星港友好協會")


def test_a_name_then_the_title_it_is_called_by() -> None:
    found = read_chinese("會面期間，吳宏斌會長和黃振進理事長代表雙方簽署一份合作諒解備忘錄。")
    assert [(p.name, p.title) for p in found.signatories] == [("吳宏斌", "會長"), ("黃振進", "理事長")]
    # an organisation before a title names no one
    assert read_chinese("星港廠商會會長與月城公會理事長簽署備忘錄。").signatories == ()


def test_what_they_signed_about_after_jiu_is_no_name() -> None:
    found = read_chinese("中國財政部（財政部）和中國證監會與香港證監會就獲取審計工作底稿，簽署合作備忘錄。")
    assert found.parties == ("中國財政部", "中國證監會", "香港證監會")


def test_our_city_and_the_two_universities_are_no_parties_by_name() -> None:
    found = read_chinese("開幕式上，我校副校長馬大騰與星港理工大學副校長趙小恒代表兩校正式簽署"
                         "戰略合作框架協議。")
    assert "兩校正式" not in found.parties
    found = read_chinese("市長王大文代表我市上台簽約。")
    assert "我市上台" not in found.parties


def test_other_officials_after_the_named_witnesses_name_no_one() -> None:
    found = read_chinese("行政長官曾大權、星港市市長韓小正及兩地其他主要官員見證簽署儀式。")
    assert [p.name for p in found.witnesses] == ["曾大權", "韓小正"]


def test_a_list_the_text_counts_as_the_sides_of_a_signing() -> None:
    found = read_chinese("9月18日，星港市衛生健康委員會、月城大學（深圳）、月城大學三方合作舉辦"
                         "月城大學（深圳）醫院的簽約儀式。")
    assert found.parties == ("星港市衛生健康委員會", "月城大學（深圳）", "月城大學")


def test_a_ceremony_of_the_signing_and_more_names_the_parties() -> None:
    found = read_chinese("2023年5月23日，「走進大灣區，星港市國家大學科技園與月城創新科技中心合作備忘錄簽署暨"
                         "雙邊工作站建設啟動儀式」，在月城創新科技中心成功舉辦。")
    assert found.parties == ("星港市國家大學科技園", "月城創新科技中心")


def test_how_they_signed_is_no_part_of_a_partys_name() -> None:
    found = read_chinese("會上，副校長楊小勇代表我校與星港理工大學、月城市鼓樓區政府共同簽署了"
                         "三方合作備忘錄。")
    assert "月城市鼓樓區政府" in found.parties and "月城市鼓樓區政府共同" not in found.parties
    found = read_chinese("星港旅遊發展局17日宣布，旅發局與月國波爾多旅遊及會議辦公室首次簽訂諒解備忘錄。")
    assert "月國波爾多旅遊及會議辦公室" in found.parties


def test_witnessed_by_after_what_they_were_doing() -> None:
    found = read_chinese("諒解備忘錄16日簽署，由正在月城訪問的星港特區行政長官林大娥和月城市政府官員見證。")
    assert [(p.name, p.title) for p in found.witnesses] == [("林大娥", "星港特區行政長官")]


def test_a_spokesperson_is_a_title() -> None:
    found = read_chinese("星港會副秘書長兼新聞發言人、星港中心副主任徐小兵與月城商會副會長兼秘書長陳小勁"
                         "簽署合作協議。")
    assert [p.name for p in found.signatories] == ["徐小兵", "陳小勁"]


def test_the_one_who_signed_for_a_government_with_others_and_the_chief_executive_as_a_title() -> None:
    found = read_chinese("特首李大超於11月21日全運會期間，代表星港特區政府與國家體育總局局長高小丹、"
                         "月城省省長孟大利和澳門特首岑小輝簽署有關協議。")
    assert [p.name for p in found.signatories] == ["李大超", "高小丹", "孟大利", "岑小輝"]
    assert "代表星港特區政府" not in found.parties


def test_where_they_signed_after_the_sides_they_stood_for_is_no_name() -> None:
    found = read_chinese("民政事務局局長何大平及月城省體育局局長查小林今日分別代表香港和雲南在昆明簽署"
                         "體育交流備忘錄。")
    assert found.parties == ("香港", "雲南")


def test_what_someone_said_after_a_comma_signs_nothing() -> None:
    found = read_chinese("星港和月國簽署有關工業的合作協議後，星港特首李大超說，簽署協議是星港融入"
                         "國家發展的重要一步。")
    assert found.signatories == ()


def test_what_for_between_the_parties_and_the_signing() -> None:
    found = read_chinese("星港律師會及月城律師公會，為促進兩會關係更緊密，以及增進雙方會員的友誼交流，"
                         "於2011年1月11日在星港簽署了首份交流協議書。")
    assert found.parties == ("星港律師會", "月城律師公會")


def test_respectively_with_opens_no_partys_name() -> None:
    found = read_chinese("會長湯大龍代表律師會，分別與月城市律師協會及星國全國企業律師協會簽署合作備忘錄。")
    # (and the side the one who acts for it signed for, in the clause before, is a party too)
    assert found.parties == ("律師會", "月城市律師協會", "星國全國企業律師協會")


def test_the_sentences_subject_and_one_beside_it_witnessed() -> None:
    found = read_chinese("行政長官李大超和星港衞生委員會主任雷小潮今日（13日）在禮賓府會面，就合作交流意見，"
                         "並和月城聯絡辦公室主任周小霽共同見證《合作協議》的簽署。")
    assert [p.name for p in found.witnesses] == ["李大超", "雷小潮", "周小霽"]


def test_the_person_in_charge_is_a_title() -> None:
    found = read_chinese("星港辦公室經濟部副部長兼貿易處負責人劉小軍出席活動、致辭並見證簽約。")
    assert [(p.name, p.title) for p in found.witnesses] == [
        ("劉小軍", "星港辦公室經濟部副部長兼貿易處負責人")]


@pytest.mark.parametrize("title", ["星港海關關長", "月城日報社長", "星港博物館館長", "星港職業局執行幹事"])
def test_the_head_of_a_customs_a_paper_or_a_museum_is_a_title(title: str) -> None:
    found = read_chinese(f"{title}王大文和月城大學校長李小明今日簽署合作備忘錄。")
    assert [p.name for p in found.signatories] == ["王大文", "李小明"]


def test_a_name_of_two_surnames_and_a_given_name() -> None:
    """"尤曾家麗": a married woman's surname before her own, four characters in all."""
    found = read_chinese("星港職業局執行幹事尤曾小麗博士與月城學院副校長李月博士代表雙方簽訂合作協議。")
    assert [p.name for p in found.signatories] == ["尤曾小麗", "李月"]


def test_the_sentences_subject_signed_with_a_person_after_and() -> None:
    found = read_chinese("星港海關關長何小珊今天(10日)率領代表團到訪月城海關,並與月城海關關長黃大忠簽訂"
                         "《合作互助安排》。")
    assert [p.name for p in found.signatories] == ["何小珊", "黃大忠"]
    found = read_chinese("校長王大文於上月率領代表團訪問月城，並與多個夥伴機構簽署合作協議。")
    assert found.signatories == ()  # with organisations, he led the signing


def test_a_customs_named_by_its_chiefs_title_is_a_party() -> None:
    found = read_chinese("星港海關關長王大文和月國海關關長李小明今日在星港簽訂協議。")
    assert found.parties == ("星港海關", "月國海關")


@pytest.mark.parametrize("text", ["星港職業局與月城教育廳於昨日(3月20日)簽署合作備忘錄，以建立夥伴關係。",
                                  "星港職業局周三（14日）與月城教育廳簽署合作備忘錄，加強合作。"])
def test_when_after_a_party_or_between_two_is_none_of_them(text: str) -> None:
    assert read_chinese(text).parties == ("星港職業局", "月城教育廳")


def test_an_academician_after_the_name_and_a_board_director_before_it() -> None:
    found = read_chinese("昨日在林大文、星港醫院名譽院長趙小沛院士的見證下，由職業局執行幹事唐小強及星業董事"
                         "袁小雯代表簽署合作協議。")
    assert [p.name for p in found.witnesses] == ["林大文", "趙小沛"]
    assert [p.name for p in found.signatories] == ["唐小強", "袁小雯"]


def test_a_renewal_is_a_signing() -> None:
    """續簽 (signed again, renewed): the parties before it signed."""
    found = read_chinese("訪問團到訪月城大學，星港大學翻譯學院與月城大學外語學院續簽合作協議。")
    assert found.parties == ("星港大學翻譯學院", "月城大學外語學院")


def test_they_carried_out_the_signing_on_the_spot() -> None:
    found = read_chinese("副縣長張一波代表星縣人民政府與月華集團董事長劉大揚進行了現場簽約。")
    assert [p.name for p in found.signatories] == ["張一波", "劉大揚"]


def test_the_representatives_of_the_sides_attended_and_renewed() -> None:
    """"A與B的代表出席簽署儀式，續簽協議": A and B, whose representatives attended; 代表 is a noun."""
    found = read_chinese("另於昨日，星港管理局與月城醫院管理中心的代表出席合作協議簽署儀式，"
                         "續簽為期三年的合作協議。")
    assert found.parties == ("星港管理局", "月城醫院管理中心")


def test_a_list_of_witnesses_goes_on_after_a_comma() -> None:
    found = read_chinese("星港行政長官林大文、港澳辦主任張小明、中聯辦主任王大民，"
                         "月城省委書記彭大華出席交流會並見證協議簽署。")
    assert [p.name for p in found.witnesses] == ["林大文", "張小明", "王大民", "彭大華"]


def test_a_clause_of_what_is_besides_is_not_a_list_going_on() -> None:
    # 除…外: besides A's speech, B and C witnessed; A is no witness, nor are A's words a name
    found = read_chinese("簽署典禮中，除駐星國代表謝小明大使致賀詞外，"
                         "並有甲會榮譽理事長林大豐等40餘人見證觀禮。")
    assert [p.name for p in found.witnesses] == ["林大豐"]


def test_they_attended_and_witnessed() -> None:
    found = read_chinese("在副總統王大明及星國總統李海妮出席見證下，"
                         "甲市長張三豐與乙市長林小山今天簽署合作備忘錄。")
    assert [p.name for p in found.witnesses] == ["王大明", "李海妮"]


def test_the_two_the_sentence_opened_with_witnessed() -> None:
    found = read_chinese("之後林大文與陳小寧一同主持星月合作會議，兩地達成共識，而兩人在會上見證了"
                         "財政司司長陳大波和月城副市長殷小勇簽署《會議備忘錄》。")
    assert [p.name for p in found.witnesses] == ["林大文", "陳小寧"]
    assert [p.name for p in found.signatories] == ["陳大波", "殷小勇"]


@pytest.mark.parametrize("text", ["星港司長王大文並與月城部長李小明簽署會談紀要，加強交流。",
                                  "星港大學校長王大文、月城大學校長李小明莊嚴地簽署了《戰略合作協議》。"])
def test_also_with_and_solemnly_are_no_part_of_a_name(text: str) -> None:
    assert [p.name for p in read_chinese(text).signatories] == ["王大文", "李小明"]


@pytest.mark.parametrize(("text", "parties"), [
    ("星城市人民政府與星港交易及結算所有限公司簽署合作備忘錄。",
     ("星城市人民政府", "星港交易及結算所有限公司")),
    ("港中大及故宮博物院簽署合作協議。", ("港中大", "故宮博物院")),  # a short name before 及 is whole
])
def test_and_between_the_fields_a_name_is_of(text: str, parties: tuple[str, ...]) -> None:
    assert read_chinese(text).parties == parties


def test_the_representatives_of_a_side_are_the_side() -> None:
    """"A6日與B政府代表簽約": B's representatives signed; the party is B."""
    found = read_chinese("星港大學6日與月城市政府代表簽約，正式入駐科技園。")
    assert found.parties == ("星港大學", "月城市政府")


def test_a_promotion_association_ends_a_name() -> None:
    found = read_chinese("其中，甲局與乙廳簽署協議、 星港各界扶貧促進會與月城南江縣簽署扶貧合作備忘錄。")
    assert "星港各界扶貧促進會" in found.parties


@pytest.mark.parametrize(("text", "parties"), [
    ("星港創科聯盟與月城律師事務所簽署合作協議。", ("星港創科聯盟", "月城律師事務所")),
    ("星港工會與月城電視台簽署合作協議。", ("星港工會", "月城電視台")),
])
def test_more_words_that_end_an_organisations_name(text: str, parties: tuple[str, ...]) -> None:
    assert read_chinese(text).parties == parties


def test_a_few_universities_are_no_party() -> None:
    found = read_chinese("星港大學與幾所大學簽署一系列合作備忘錄。")
    assert "幾所大學" not in found.parties


@pytest.mark.parametrize("title", ["月城省港澳辦一級巡視員", "星國駐月城大使館參贊", "月城外交部特派員",
                                   "星港集團總工程師"])
def test_ranks_of_the_civil_service_and_of_a_mission_are_titles(title: str) -> None:
    found = read_chinese(f"在{title}王大文和月城市長李小明見證下，雙方簽署合作協議。")
    assert [p.name for p in found.witnesses] == ["王大文", "李小明"]


def test_a_list_of_signings_is_one_agreement_each() -> None:
    found = read_chinese("在簽約環節，兩地簽署了8個項目。其中，星港市政府與月灣大學簽署戰略合作協議、"
                         "星港教育局與月灣職業訓練局簽署教育合作備忘錄、 月灣商會與星港縣簽署友好合作協議。")
    assert [(a.instrument, a.parties) for a in found.several] == [
        ("戰略合作協議", ("星港市政府", "月灣大學")),
        ("教育合作備忘錄", ("星港教育局", "月灣職業訓練局")),
        ("友好合作協議", ("月灣商會", "星港縣")),
    ]


def test_a_list_of_what_each_signed_after_de() -> None:
    # "包括A與B簽署的《X》，以及C與D簽署的Y": each item, its 《》 or not, after 以及 too
    found = read_chinese("會面後，三人共同見證兩地簽署多份合作文件，包括星港商務局與月灣省商務廳簽署的"
                         "《經貿合作備忘錄》，以及星港貿易發展局與月灣省貿促會簽署的合作協議。")
    assert [(a.instrument, a.parties) for a in found.several] == [
        ("經貿合作備忘錄", ("星港商務局", "月灣省商務廳")),
        ("合作協議", ("星港貿易發展局", "月灣省貿促會")),
    ]


def test_one_signing_is_no_list() -> None:
    found = read_chinese("其中，星港市政府與月灣大學簽署戰略合作協議、並舉行揭牌儀式。")
    assert found.several == ()


@pytest.mark.parametrize(("sentence", "parties"), [
    ("北京與澳門的合作夥伴行動5月28日在北京舉行，京澳雙方簽訂3份合作協議。", ("北京", "澳門")),
    ("浙港两地签署多项合作协议，浙江与香港将深化合作。", ("浙江", "香港")),
    ("當日，上海與香港兩地相關部門在滬簽署四項協議。", ("上海", "香港")),
])
def test_two_places_by_their_short_forms_or_their_departments(sentence: str,
                                                              parties: tuple[str, ...]) -> None:
    assert read_chinese(sentence).parties == parties


def test_a_pair_of_short_forms_whose_full_names_the_text_does_not_write_names_no_one() -> None:
    assert read_chinese("京澳雙方簽訂3份合作協議。").parties == ()


def test_places_that_signed_give_way_to_two_organisations_named_as_the_parties() -> None:
    """"中國和香港簽署……後" in the lead, "A局與B部簽署" after: the organisations are the parties; a
    place beside one organisation stays."""
    from mouarchive.importer.chinese import read_chinese

    found = read_chinese("中國和香港簽署合作協議後，特首說這是重要一步。"
                         "王明見證星港創新科技局與月灣工業部簽署《星港月灣合作協議》。")
    assert found.parties == ("星港創新科技局", "月灣工業部")
    found = read_chinese("中國和香港簽署合作協議後，特首說這是重要一步。")
    assert found.parties == ("中國", "香港")


def test_a_government_a_signatory_title_opens_with_is_its_party() -> None:
    """"月灣省人民政府副省長": the provincial government, where its title follows; a body below a
    government is still the body's; where the headline names two parties, they stand."""
    from mouarchive.importer.chinese import read_chinese, title_organisation

    assert title_organisation("月灣省人民政府副省長") == "月灣省人民政府"
    assert title_organisation("特區政府星港事務局局長") == "特區政府星港事務局"
    found = read_chinese("政務司司長陳大文和月灣省人民政府副省長李小明在王明見證下，簽署星月合作協議。")
    assert found.parties == ("月灣省人民政府",)
    found = read_chinese("星港大與月灣區簽署合作協議\n"
                         "月灣區人民政府副區長張小明與星港大副校長陳大文簽署《合作協議》。")
    assert found.parties == ("星港大", "月灣區")  # the headline's


def test_witnesses_with_the_relevant_leaders_after_them_and_a_name_before_its_title() -> None:
    """"集團王大明董事長": whose title, the name, then the title; "及區有關局領導等": the relevant
    leaders after the named ones, and 等, name no one and end no list."""
    from mouarchive.importer.chinese import read_chinese

    found = read_chinese("星港區區委書記李小華、區長陳大文及區有關局領導等出席並見證了簽約活動。")
    assert [p.name for p in found.witnesses] == ["李小華", "陳大文"]
    found = read_chinese("集團王大明董事長、星港區區委書記李小華出席並見證了簽約活動。")
    assert [(p.name, p.title) for p in found.witnesses] == [("王大明", "集團董事長"),
                                                            ("李小華", "星港區區委書記")]


def test_the_two_who_met_witnessed_the_signing_ceremony_of_what_the_two_places_signed() -> None:
    """"A昨日在政府總部與B會面。會面後雙方共同見證了滬港兩地多項合作協議的簽署儀式。": A and B
    witnessed; what was signed is the ceremony's, between the places of the pair."""
    from mouarchive.importer.chinese import read_chinese

    found = read_chinese("行政長官王大明昨日在政府總部與灣城市市長李小華會面，雙方就合作交流意見。"
                         "會面後雙方共同見證了滬港兩地多項合作協議的簽署儀式。\n上海與香港一直合作。")
    assert [p.name for p in found.witnesses] == ["王大明", "李小華"]
    assert found.instrument == "合作協議"
    assert found.parties == ("上海", "香港")


def test_a_country_abroad_in_brackets_after_a_party_says_where_it_is() -> None:
    """"星港大學（教大）與松林大學（日本）簽署": where the university is, no part of its name; a city
    there is part of it ("星港大學（深圳）")."""
    from mouarchive.importer.chinese import read_chinese

    found = read_chinese("2024年12月6日，星港教育大學（教大）與松林大學（日本）在教大校園簽署了合作備忘錄。")
    assert found.parties == ("星港教育大學", "松林大學")
    found = read_chinese("2024年12月6日，星港教育大學與松林大學（深圳）在校園簽署了合作備忘錄。")
    assert found.parties == ("星港教育大學", "松林大學（深圳）")


def test_the_variant_character_of_the_signing_verb_is_read_as_the_verb() -> None:
    from mouarchive.errors import Problems
    from mouarchive.importer import draft_from_text
    from mouarchive.vocabularies import load_vocabularies

    vocab = load_vocabularies(Path(__file__).resolve().parent / "fixtures" / "import", Problems())
    text = ("兩局籤署備忘錄\n\n2015年8月20日\n\n星港數碼局與月灣科技局在成立儀式上籤署了合作備忘錄。"
            "星港數碼局局長李文與月灣科技局局長張明代表雙方籤署。\n")
    (agreement,) = draft_from_text(text, vocab).agreements
    assert agreement.instrument == "合作備忘錄"
    assert [p.name for p in agreement.signatories] == ["李文", "張明"]


def test_the_written_at_a_date_leaves_is_no_part_of_a_name() -> None:
    found = read_chinese("星港數碼局局長李文與月灣科技局局長張明於11月2日在月灣簽署了合作備忘錄。")
    assert [p.name for p in found.signatories] == ["李文", "張明"]


def test_a_person_by_a_title_alone_in_a_list_of_witnesses() -> None:
    found = read_chinese("在星港行政長官李文和月灣副總理的共同見證下，星港數碼局與月灣科技局簽署合作備忘錄。")
    assert [p.name for p in found.witnesses] == ["李文"]
    # elsewhere a list with an item that is no person gives none
    assert read_chinese("星港行政長官李文和月灣副總理簽署合作備忘錄。").signatories == ()


def test_the_two_who_signed_named_after_the_sides_are() -> None:
    found = read_chinese("星港大學與月灣科技有限公司簽署合作備忘錄。簽約雙方為星港大學校長李文教授及"
                         "月灣科技副總裁張明先生。")
    assert [p.name for p in found.signatories] == ["李文", "張明"]


def test_the_one_who_witnessed_with_the_subject_after_where() -> None:
    found = read_chinese("行政長官李文今日在月灣與月灣市市長張明共同見證兩地政府簽署合作協議。")
    assert sorted(p.name for p in found.witnesses) == ["張明", "李文"]


def test_a_transliterated_foreign_name_with_its_interpunct() -> None:
    assert is_person_name("安東尼·布林肯")
    assert not is_person_name("並與安東尼·布林肯")
    found = read_chinese("星港大學校長李文與月灣大學校長安東尼·布林肯教授簽署合作備忘錄。")
    assert [p.name for p in found.signatories] == ["李文", "安東尼·布林肯"]


def test_the_one_who_signed_with_the_subject_after_where() -> None:
    found = read_chinese("在行政長官王明見證下，星港數碼局局長李文今日在月灣與"
                         "月灣科技局局長張明簽訂合作備忘錄。")
    assert [p.name for p in found.signatories] == ["李文", "張明"]


def test_a_clause_that_signed_is_no_list_of_witnesses_going_on() -> None:
    found = read_chinese("星港數碼局局長李文、月灣科技局局長張明代表雙方簽署，"
                         "星港財政司司長王強出席簽約儀式並見證簽署。")
    assert [p.name for p in found.witnesses] == ["王強"]


def test_a_name_that_opens_with_a_joiners_character_is_still_a_name() -> None:
    # 同濟大學 (Tongji University) opens with 同 ("with"), which the tagger reads inside a word
    found = read_chinese("澳門大學與同濟大學合作協議簽約儀式4月25日在上海舉行。")
    assert found.parties == ("澳門大學", "同濟大學")


def test_the_ceremonys_instrument_says_more_than_the_bare_word_after_it() -> None:
    found = read_chinese("星港大學與月灣大學合作協議簽約儀式昨日在月灣舉行。"
                         "星港大學校長李文與月灣大學校長張明簽署協議。")
    assert found.instrument == "合作協議"


def test_who_attended_the_ceremony_and_signed_at_it() -> None:
    found = read_chinese("星港數碼局局長李文與月灣科技局局長張明出席簽署儀式並代表雙方簽字。")
    assert [p.name for p in found.signatories] == ["李文", "張明"]


def test_who_held_the_signing_ceremony_signed_at_it() -> None:
    found = read_chinese("星港大學與月灣科技今日舉行簽約儀式，簽署人工智能合作備忘錄。")
    assert found.parties == ("星港大學", "月灣科技")


def test_an_instrument_about_two_fields_joined_by_and() -> None:
    assert read_chinese("星港局與月灣局今日簽署創新及科技合作協議。").instrument == "創新及科技合作協議"
    assert read_chinese("星港局與月灣局簽署合作協議及備忘錄。").instrument == "合作協議"  # two of them


def test_names_then_their_titles() -> None:
    # any title after the name ("王大文行政長官", "李志強書記"), and a body before the name whose
    # name has a place's last word in it (省) before its own end (廳)
    found = read_chinese("在王大文行政長官和李志強書記的共同見證下，張明局長與月灣省商務廳劉文廳長在月城"
                         "簽署《合作協議》。")
    assert [p.name for p in found.witnesses] == ["王大文", "李志強"]
    assert [(p.name, p.title) for p in found.signatories] == [("張明", "局長"), ("劉文", "月灣省商務廳廳長")]


def test_the_two_sides_that_signed_are_the_two_the_sentence_before_opens_with() -> None:
    found = read_chinese("星港政府與月灣政府今日在星港舉行合作會議。會後，雙方簽署了旅遊合作協議。")
    assert found.parties == ("星港政府", "月灣政府")
    # (who met, people, are no parties)
    assert read_chinese("李文與張明今日在星港會面。會後，雙方簽署了旅遊合作協議。").parties == ()


def test_a_title_never_holds_a_days_words() -> None:
    # "李文教授今日代表星大與…": 李文 acts for 星大 today; 星大 is no one's name
    found = read_chinese("星大與月大簽署合作協議\n\n星港大學副校長李文教授今日代表星大與月灣大學副校長"
                         "張明教授簽署科研合作協議。")
    assert [p.name for p in found.signatories] == ["李文", "張明"]


def test_a_weekday_after_the_parties_is_no_part_of_a_name() -> None:
    found = read_chinese("星港大學與月灣廣播公司於本周一（5月6日）簽署合作備忘錄。")
    assert found.parties == ("星港大學", "月灣廣播公司")


def test_the_field_a_ceremonys_instrument_is_about_is_no_part_of_the_last_party() -> None:
    found = read_chinese("星港文化局與月灣省文化和旅遊廳文旅合作協議簽約儀式在星港舉行。")
    assert found.parties == ("星港文化局", "月灣省文化和旅遊廳")
    assert found.instrument == "文旅合作協議"


def test_where_a_party_is_based_before_its_name_is_no_part_of_it() -> None:
    found = read_chinese("5月8日，總部位於星港的星港地產有限公司與月灣市人民政府簽署戰略合作協議。")
    assert found.parties == ("星港地產有限公司", "月灣市人民政府")


def test_a_comma_inside_the_body_of_a_persons_title() -> None:
    # 、 before a whole person is inside the body's name in the title, not between two people
    found = read_chinese("文化司司長李文與月灣教育、科學及創新部部長Fernando Alexandre分別代表雙方簽署協議。")
    assert [(p.name, p.title) for p in found.signatories] == [
        ("李文", "文化司司長"), ("Fernando Alexandre", "月灣教育、科學及創新部部長")]


def test_one_titled_person_before_a_comma_goes_on_in_the_witnessing_clause() -> None:
    found = read_chinese("星港集團董事長李文，月灣機場管理局主席張明出席簽約儀式並見證簽約。")
    assert [p.name for p in found.witnesses] == ["李文", "張明"]
    # (what one said is no witness)
    found = read_chinese("星港集團董事長李文表示，月灣機場管理局主席張明出席簽約儀式並見證簽約。")
    assert [p.name for p in found.witnesses] == ["張明"]


def test_the_others_named_after_the_signing() -> None:
    found = read_chinese("星港數碼港今日與三家機構簽署合作備忘錄，分別是：月灣市數據局、月灣前海管理局及"
                         "月城區人民政府。")
    assert found.parties == ("星港數碼港", "月灣市數據局", "月灣前海管理局", "月城區人民政府")


def test_one_titled_person_before_a_comma_goes_on_in_the_signing_clause() -> None:
    found = read_chinese("月城區委副書記、區長張明，星港大學校長李文共同簽署協議。")
    assert [p.name for p in found.signatories] == ["張明", "李文"]
    found = read_chinese("月城區長張明表示，星港大學校長李文簽署協議。")
    assert [p.name for p in found.signatories] == ["李文"]


def test_a_secretariat_is_a_body_by_its_si() -> None:
    found = read_chinese("星港特區政府社會文化司與月灣省文化和旅遊廳今（20）日在星港簽署文化合作協議。")
    assert found.parties == ("星港特區政府社會文化司", "月灣省文化和旅遊廳")


def test_heads_of_state_witness_and_a_meeting_is_no_name() -> None:
    """總統 and 首相 are titles a name follows; "經貿部長會議期間" (during the ministers' meeting)
    names no one after its 部長."""
    found = read_chinese("在國家主席王小明與星島總統李志強的共同見證下，"
                         "甲社社長陳美玲與乙署署長张玉庆簽署了備忘錄。")
    assert [p.name for p in found.witnesses] == ["王小明", "李志強"]
    found = read_chinese("李志強總理和星島首相王小明見證了簽字儀式。")
    assert [p.name for p in found.witnesses] == ["李志強", "王小明"]
    found = read_chinese("甲社和星島總統府新聞局就推進媒體合作簽署諒解備忘錄。")
    assert found.signatories == ()
    found = read_chinese("8月1日，星島第七次經貿部長會議期間，"
                         "甲部副部長陳美玲與乙部副部長张玉庆簽署了備忘錄。")
    assert [p.name for p in found.signatories] == ["陳美玲", "张玉庆"]


def test_a_title_with_a_bracketed_part_and_not_an_earlier_signings_title() -> None:
    text = ("甲乙簽署行動計劃\n\n2017年8月2日\n\n8月1日，甲部副部長陳美玲與乙部副部長张玉庆簽署了"
            "《甲部與乙部關於服務貿易合作的諒解備忘錄（兩年行動計劃）》。\n\n"
            "2016年10月10日，時任甲部部長王小明與乙部部長李志強共同簽署了"
            "《甲部和乙部關於服務貿易合作的諒解備忘錄》。\n")
    found = read_chinese(text, PartialDate(2017, 8, 2))
    assert found.instrument == "甲部與乙部關於服務貿易合作的諒解備忘錄（兩年行動計劃）"
    assert found.several == ()


def test_a_secretariat_and_a_news_agency_end_a_bodys_name() -> None:
    found = read_chinese("6月29日下午，甲論壇常設秘書處與乙省商務廳簽署協議。")
    assert found.parties == ("甲論壇常設秘書處", "乙省商務廳")
    found = read_chinese("據報道，星島通訊社與乙國新聞總署21日在開羅簽署新聞合作諒解備忘錄。")
    assert found.parties == ("星島通訊社", "乙國新聞總署")


def test_a_name_between_a_body_and_its_title() -> None:
    """"乙省商務廳黃河明廳長": a name the tagger reads as a river's, where a body and a title say
    a person stands, and the sides each signed for after 分別代表各方."""
    found = read_chinese("由甲論壇常設秘書處季先峥秘書長及乙省商務廳黃河明廳長分別代表各方在協議上簽字。")
    assert [p.name for p in found.signatories] == ["季先峥", "黃河明"]


def test_a_with_inside_the_place_after_two_named_sides() -> None:
    """"A與B在星港中國與葡語國家…中心簽署": the two sides, and the 與 inside the venue's name
    joins no third."""
    found = read_chinese("6月29日下午，甲論壇常設秘書處與乙省商務廳在星港中國與葡語國家商貿合作服務平台"
                         "綜合體新聞中心簽署協議。")
    assert found.parties == ("甲論壇常設秘書處", "乙省商務廳")


def test_a_titled_name_before_etc_is_known_by_its_name_after() -> None:
    found = read_chinese("市長崔永輝，副市長傅志峰等參加簽約儀式。\n\n"
                         "傅志峰代表市政府與乙局副總經理羅宏簽訂了協議。")
    assert [p.name for p in found.signatories] == ["傅志峰", "羅宏"]


def test_by_a_list_on_behalf_of_both_sides_jointly() -> None:
    found = read_chinese("甲局今天在星港飯店舉辦簽署儀式暨記者會，"
                         "由甲協會會長陳美玲、乙協會會長李志強代表雙方共同簽署這2項協議。")
    assert [p.name for p in found.signatories] == ["陳美玲", "李志強"]


def test_a_ceremony_of_two_sides_cooperation_names_them_and_no_instrument() -> None:
    found = read_chinese("12月24日，甲發展投資集團與乙市人民政府戰略合作簽約儀式在乙市舉行。")
    assert found.parties == ("甲發展投資集團", "乙市人民政府")
    assert found.instrument is None


def test_a_ceremonys_instrument_says_more_than_a_shorter_name_for_it() -> None:
    text = ("甲市人民政府與乙聯合會合作框架協議簽約儀式在北京舉行。\n\n"
            "王小明表示，此次簽訂合作協議，對雙方建立長效合作機制具有積極意義。\n")
    assert read_chinese(text).instrument == "合作框架協議"


@pytest.mark.parametrize(("sentence", "parties"), [
    ("儀式上，甲市政府與乙集團、甲經開區與乙控股股份有限公司分別簽署戰略合作協議。",
     ("甲市政府", "乙集團", "甲經開區", "乙控股股份有限公司")),
    ("會見後，甲區人民政府、甲地鐵集團分別與乙糧谷公司、丙控股集團簽署戰略合作框架協議。",
     ("甲區人民政府", "甲地鐵集團", "乙糧谷公司", "丙控股集團")),
    ("2月23日，甲船舶集團旗下乙船集團與七二五研究所簽署戰略合作協議。", ("乙船集團", "七二五研究所")),
])
def test_pairs_that_signed_respectively_and_a_subsidiary(sentence: str, parties: tuple[str, ...]) -> None:
    assert read_chinese(sentence).parties == parties


def test_each_titled_person_alone_before_the_commas_of_a_witness_list() -> None:
    found = read_chinese("甲大學黨委書記陳美玲，甲大學校長王小明，乙市市長李志強等領導出席活動並見證簽約。")
    assert [p.name for p in found.witnesses] == ["陳美玲", "王小明", "李志強"]


def test_signing_sentences_that_name_agreements_of_their_own() -> None:
    """"A與B今天簽署X。……C與D亦簽署了Y。": two agreements, each its sentence's; not one told
    twice (the same parties)."""
    text = ("甲市與乙集團簽署協議\n\n2023年1月29日\n\n甲市人民政府與乙集團有限公司今天簽署戰略合作協議。\n\n"
            "簽約儀式上，甲區政府與乙發展集團亦簽署了新聞交換與合作協議。\n")
    found = read_chinese(text, PartialDate(2023, 1, 29))
    assert [(a.instrument, a.parties) for a in found.several] == [
        ("戰略合作協議", ("甲市人民政府", "乙集團有限公司")),
        ("新聞交換與合作協議", ("甲區政府", "乙發展集團"))]
    text = text.replace("甲區政府與乙發展集團亦簽署了新聞交換與合作協議",
                        "甲市人民政府與乙集團有限公司簽署的框架協議")
    assert read_chinese(text, PartialDate(2023, 1, 29)).several == ()


def test_groups_after_the_named_witnesses_and_whose_an_instrument_is() -> None:
    found = read_chinese("甲市市長陳美玲與乙市市長王小明舉行線上會議，簽署兩市友好合作備忘錄。"
                         "甲國總領事李志強、乙辦公室主任张玉庆以及雙方官員、社區領袖共同見證這一時刻。")
    assert [p.name for p in found.witnesses] == ["李志強", "张玉庆"]
    assert found.instrument == "友好合作備忘錄"


def test_cantonese_yesterday_and_a_memorandum_as_hong_kong_papers_shorten_it() -> None:
    from mouarchive.errors import Problems
    from mouarchive.importer import draft_from_text
    from mouarchive.vocabularies import load_vocabularies

    vocabulary = Path(__file__).resolve().parents[1] / "benchmarks" / "import" / "vocabulary"
    text = "甲局與乙台簽署合作備忘\n\n2024年4月27日\n\n甲市文物局同星島發展局噚日簽署合作備忘。\n"
    (agreement,) = draft_from_text(text, load_vocabularies(vocabulary, Problems())).agreements
    assert agreement.signed == PartialDate(2024, 4, 26)
    assert agreement.instrument == "合作備忘"


def test_both_sides_of_a_visit_witnessed() -> None:
    found = read_chinese("7月31日，集團董事長陳美玲在星港拜會星港市委書記王小明，雙方就深化合作進行交流，"
                         "並見證甲公司與乙區人民政府簽署戰略合作協議。")
    assert [p.name for p in found.witnesses] == ["陳美玲", "王小明"]


def test_two_instruments_of_one_signing_after_an_acronym() -> None:
    text = ("甲乙今簽2項協議\n\n2012年11月29日\n\n甲關係協會與乙交流協會今天簽署甲乙產業合作備忘錄（MOU）及"
            "甲乙電子產品檢驗相互承認協議（MRA）。\n")
    found = read_chinese(text, PartialDate(2012, 11, 29))
    assert [(a.instrument, a.parties) for a in found.several] == [
        ("甲乙產業合作備忘錄", ("甲關係協會", "乙交流協會")),
        ("甲乙電子產品檢驗相互承認協議", ("甲關係協會", "乙交流協會"))]


def test_the_two_cities_their_mayors_signed_for() -> None:
    found = read_chinese("周一（22日），甲城市市長陳美玲與乙州市長王小明在甲城會館舉行線上會議，"
                         "簽署兩市友好合作備忘錄。")
    assert found.parties == ("甲城市", "乙州市")
    assert read_chinese("甲城市市長陳美玲與乙州市長王小明在甲城簽署友好合作備忘錄。").parties == ()


def test_a_friendship_ceremony_its_agreement_and_a_list_of_others_in_commas() -> None:
    text = ("星城市與月江區締結友好城市\n\n2021年7月19日\n\n"
            "7月18日下午，星城市和月江區締結友好城市簽約儀式在月江區舉行。\n\n"
            "月江區區長陳美玲與星城市市長王小明代表兩地簽署締結友好城市框架協議並致辭。\n\n"
            "簽約儀式上，月江區文旅局與星城市文旅局簽署旅遊合作框架協議，"
            "月江區茶葉協會與星城市茶業集團簽署戰略合作框架協議。\n")
    found = read_chinese(text, PartialDate(2021, 7, 19))
    assert [(a.instrument, a.parties) for a in found.several] == [
        ("締結友好城市框架協議", ("星城市", "月江區")),
        ("旅遊合作框架協議", ("月江區文旅局", "星城市文旅局")),
        ("戰略合作框架協議", ("月江區茶葉協會", "星城市茶業集團"))]


def test_people_invited_to_witness() -> None:
    found = read_chinese("備忘錄由甲館館長陳美玲及乙院院長王小明分別代表簽署，"
                         "甲會副主委李志強、乙部主任秘書张玉庆等人應邀見證觀禮。")
    assert [p.name for p in found.witnesses] == ["李志強", "张玉庆"]


def test_one_who_congratulates_on_a_signing_for_a_body_neither_signed_nor_is_a_party() -> None:
    found = read_chinese("儀式上，李志強代表甲部直屬司對兩校簽署校際合作協議表示祝賀。")
    assert found.parties == () and found.signatories == ()


def test_two_sides_signing_bilaterally() -> None:
    found = read_chinese("外交部長陳美玲等人昨天見證新加坡與馬來西亞雙邊簽署合作協議。")
    assert found.parties == ("新加坡", "馬來西亞")


def test_a_representative_by_title_who_signed_with_another_is_no_party() -> None:
    found = read_chinese("我駐乙國代表李南陽與乙國駐台辦事處代表霍布諾簽署兩項備忘錄。")
    assert found.parties == ()
    assert [p.name for p in found.signatories] == ["李南陽", "霍布諾"]


def test_an_instrument_named_in_corner_quotes_is_the_whole_name() -> None:
    found = read_chinese("陳美玲等人昨天見證新加坡與馬來西亞雙邊簽署「醫衛合作了解備忘錄」等5項協議。")
    assert found.instrument == "醫衛合作了解備忘錄"


def test_an_assistant_is_a_title_before_a_second_one() -> None:
    found = read_chinese("甲會理事長陳美玲一行參加峰會，並於峰會上由陳美玲代表與乙集團總裁助理、"
                         "丙發展公司董事長王小明簽署《合作框架協議書》。")
    assert "助理" not in [p.name for p in found.signatories]
    assert "王小明" in [p.name for p in found.signatories]


def test_the_body_one_signed_for_is_the_party_not_the_words_before_it() -> None:
    found = read_chinese("會議上，甲區委書記陳美玲代表中新乙城管委會與南洋理工大學簽署軟件中心戰略協作協定。")
    assert found.parties == ("中新乙城管委會", "南洋理工大學")


def test_the_two_of_a_meeting_who_together_witnessed() -> None:
    found = read_chinese("4月1日，甲省人民政府與乙建設集團有限公司在成都簽署戰略合作框架協議。"
                         "省長陳美玲會見乙集團董事長王小明一行，並共同見證協議簽署。")
    assert [p.name for p in found.witnesses] == ["陳美玲", "王小明"]


def test_a_list_of_witnesses_then_a_clause_of_when() -> None:
    found = read_chinese("外交部長陳美玲、經濟部部長王小明等人，昨天見證新加坡與馬來西亞雙邊簽署合作協議。")
    assert [p.name for p in found.witnesses] == ["陳美玲", "王小明"]


def test_a_ceremony_of_two_bodies_and_a_long_field_of_cooperation() -> None:
    found = read_chinese("6月29日，甲省人民政府與乙省人民政府經濟社會發展合作框架協議簽署儀式在成都舉行。")
    assert found.parties == ("甲省人民政府", "乙省人民政府")


def test_the_ceremony_named_first_is_the_instrument_not_a_later_signing() -> None:
    found = read_chinese("6月29日，甲省人民政府與乙省人民政府經濟社會發展合作框架協議簽署儀式在成都舉行。"
                         "他說，今年5月，兩省政府又簽署了丙電入甲戰略合作框架協議。")
    assert found.instrument == "經濟社會發展合作框架協議"


def test_a_dash_between_the_two_parties_of_a_title() -> None:
    found = read_chinese("副校长陈美玲与副县长王小明共同签订《甲工程学院—乙县人民政府校地合作协议》；"
                         "双方代表还签订了《甲工程学院—乙县科技创新合作协议》。")
    assert set(found.parties) == {"甲工程学院", "乙县人民政府"}


def test_the_subject_before_a_clause_of_purpose_signed() -> None:
    found = read_chinese("交通部甲港局為推動海運新南向，今天與國立乙海洋大學、印尼丙大學簽署三方合作備忘錄。")
    assert "交通部甲港局" in found.parties


def test_two_signers_counted_by_their_title() -> None:
    found = read_chinese("國立甲科技大學與國立乙大學為加強學術交流，"
                         "由覺文郁、薛富盛兩位校長代表兩校共同簽署合作協議書。")
    assert [p.name for p in found.signatories] == ["覺文郁", "薛富盛"]


def test_the_teachers_and_students_after_named_witnesses_name_no_one() -> None:
    found = read_chinese("簽約儀式在甲省教育廳副廳長施祖美、乙市政府巡視員洪新民、乙市教育局副局長陳江漢"
                         "及兩校師生見證下進行。")
    assert [p.name for p in found.witnesses] == ["施祖美", "洪新民", "陳江漢"]


def test_a_higher_school_is_no_and_so_on() -> None:
    found = read_chinese("甲研究所所长范世平与乙理工学院公共行政高等学校校长严肇基签署了合作意向书。")
    assert [p.name for p in found.signatories] == ["范世平", "严肇基"]


def test_each_agreements_parties_are_as_the_whole_texts_are() -> None:
    """Agreements told sentence by sentence take their parties as the text's own are: by the full
    name a short one stands for ('（星大）'), and only names the text writes."""
    text = ("兩項協議簽署\n\n2024年5月3日\n\n星港大學（星大）與月城米尼奧大學今天簽署學術合作協議。"
            "星大與月城里斯本大學亦簽署了學生交換協議。\n")
    several = read_chinese(text).several
    assert [agreement.parties for agreement in several] == [("星港大學", "月城米尼奧大學"),
                                                            ("星港大學", "月城里斯本大學")]
    assert all(name in text for agreement in several for name in agreement.parties)


def test_a_school_is_a_party_and_the_kinds_of_the_sides_are_none() -> None:
    """"A與星河高中簽署": a senior high school is an organisation's name; "代表學校和企業簽署": the
    kinds of the two sides, no party by name."""
    found = read_chinese("月灣大學今日與星河高中簽署合作備忘錄。")
    assert found.parties == ("月灣大學", "星河高中")
    found = read_chinese("副校長李文、星港集團董事長張明代表學校和企業簽署戰略合作協議。")
    assert "學校和企業" not in found.parties
    assert [p.name for p in found.signatories] == ["李文", "張明"]


def test_a_clause_of_when_and_what_the_party_is_before_its_name() -> None:
    """"創校百年的A，昨日與B簽署": A signed; what it is, before 的, and the day after the comma are
    no part of its name."""
    found = read_chinese("創校100週年的月灣大學，昨日與星河高中簽署策略聯盟合作協議。")
    assert set(found.parties) == {"月灣大學", "星河高中"}



def test_some_professors_are_no_one_and_a_member_of_a_party_group_is_a_title() -> None:
    """"部分教授代表與企業簽署": some professors, no one named; "黨組成員A": a member of the party
    group, a title before a name."""
    found = read_chinese("部分教授代表與相關企業簽署科技項目協議。")
    assert [p.name for p in found.signatories] == []
    found = read_chinese("甲集團副總經理、黨組成員李文，乙集團副總經理、黨組成員張明代表雙方簽字。")
    assert [p.name for p in found.signatories] == ["李文", "張明"]


def test_took_part_in_the_talks_and_witnessed() -> None:
    found = read_chinese("乙集團董事、總經理、黨組副書記王強參加會談並見證簽字。")
    assert [p.name for p in found.witnesses] == ["王強"]


def test_an_activity_before_ji_is_no_part_of_the_second_party() -> None:
    """"A與B溝通交流暨戰略合作簽約儀式": the exchange, joined to the ceremony by 暨, is none of B."""
    found = read_chinese("10月14日上午，甲集團與乙公用集團溝通交流暨戰略合作簽約儀式在集團會議室舉行。")
    assert found.parties == ("甲集團", "乙公用集團")


def test_the_other_party_the_signed_title_names_beside_the_one_the_body_names() -> None:
    found = read_chinese("10月24日，校黨委書記李文、副校長王力前往星河萬里學院考察交流，"
                         "並與星河萬里學院簽訂戰略合作框架協議。"
                         "李文和張強代表兩校在《月灣學院 星河萬里學院第三輪戰略合作框架協議》上簽字。")
    assert set(found.parties) == {"星河萬里學院", "月灣學院"}


def test_witnessed_by_two_premiers_names_no_signatory_and_the_two_governments_are_no_party() -> None:
    """"在兩國總理見證下，A與B簽署": 見證下 is no one's name after 總理; "代表兩國政府簽署": the
    two governments together, no party by name (the title names them)."""
    found = read_chinese("3月24日，在兩國總理見證下，"
                         "月灣商務部部長李文與星港貿易部長張明簽署《合作備忘錄》。")
    assert [p.name for p in found.signatories] == ["李文", "張明"]
    found = read_chinese("3月22日，月灣駐星港大使李文與星港外交兼司法部長張明在星港城分別代表兩國政府簽署了"
                         "《月灣共和國政府與星港共和國政府關於互免簽證的協定》。")
    assert set(found.parties) == {"月灣共和國政府", "星港共和國政府"}


def test_the_agreement_pointed_back_to_is_no_name_of_it() -> None:
    found = read_chinese("行政法務司司長李文、星港駐華大使張明分別代表月灣政府和星港政府簽署該協定。")
    assert found.instrument is None


def test_we_and_the_other_at_a_ceremony_of_a_kind_of_cooperation() -> None:
    """"我院與B市校合作簽字儀式": B, the one named; 市校, the kind of cooperation, is none of it."""
    found = read_chinese("4月26日，我院與月灣市人民政府市校合作簽字儀式在行政樓會議室舉行。")
    assert found.parties == ("月灣市人民政府",)


def test_by_video_each_where_it_was_and_a_quoted_title_names_the_parties() -> None:
    """"A和B也代表兩國政府以視訊方式異地簽署「甲政府與乙政府技術合作協定」": A and B signed (外長,
    a foreign minister, is a title); the title in 「」 names the two governments."""
    found = read_chinese("月灣外交部長李文透過視訊致詞。星港外長張明共同主持儀式。"
                         "李文和張明也代表兩國政府以視訊方式異地簽署「月灣政府與星港政府技術合作協定」。")
    assert [p.name for p in found.signatories] == ["李文", "張明"]
    assert set(found.parties) == {"月灣政府", "星港政府"}


def test_an_instrument_in_double_quotes_after_the_two_places() -> None:
    found = read_chinese("在星港總統見證下，李文與張明共同簽署月星“警政合作協定”。")
    assert found.instrument == "警政合作協定"


def test_a_party_committees_deputy_is_no_name_and_attended_then_witnessed_after_a_comma() -> None:
    """"甲集團黨委副書記、總裁A等參加會議，並共同見證簽約儀式": 黨委副 is no one; A witnessed."""
    found = read_chinese("甲集團黨委副書記、總裁李文等參加會議，並共同見證簽約儀式。")
    assert [p.name for p in found.witnesses] == ["李文"]


def test_what_was_signed_before_by_and_one_name_across_a_dash() -> None:
    """"聯盟合作協議由A、B和C共同簽署": the instrument before 由; "甲大學—乙大學聯合學院校長": the
    college's name runs across the dash."""
    found = read_chinese("聯盟合作協議由月灣大學校長李文、甲大學—乙大學聯合學院校長張明"
                         "和星港大學校長王強共同簽署。")
    assert found.instrument == "聯盟合作協議"
    assert [p.name for p in found.signatories] == ["李文", "張明", "王強"]
    from mouarchive.importer.chinese import title_organisation
    assert title_organisation("甲大學—乙大學聯合學院校長") == "甲大學—乙大學聯合學院"


def test_a_forum_before_ji_and_universities_of_a_kind_are_no_party() -> None:
    """"「共融共贏」校長論壇暨A與內地一流高校合作簽約儀式": the forum's name is none of A; 內地一流高校,
    universities of a kind, are no party by name."""
    found = read_chinese("月灣大學30日舉辦「共融共贏」校長論壇暨月灣大學與內地一流高校合作簽約儀式。")
    assert "內地一流高校" not in found.parties
    assert all("論壇" not in p for p in found.parties)


def test_as_the_two_sides_representatives_is_no_part_of_the_last_name() -> None:
    found = read_chinese("月灣大學校長李文與星港大學校長馬蒂·馬丁會面。"
                         "李文和馬蒂·馬丁作為兩校代表簽署了諒解備忘錄。")
    assert [p.name for p in found.signatories] == ["李文", "馬蒂·馬丁"]


def test_the_organisation_a_list_of_its_people_opens_with() -> None:
    """"甲高中董事長A、校長B一行到訪乙大學，由乙大學C校長與B校長代表兩校簽署": B is 甲高中's."""
    found = read_chinese("星河高中董事長李文、校長張明一行19日到訪月灣大學，"
                         "由月灣大學王強校長與張明校長代表兩校簽署合作備忘錄。")
    assert set(found.parties) == {"月灣大學", "星河高中"}


def test_the_heads_of_the_last_a_region_and_a_supervisor() -> None:
    """"A、B、C負責人簽署": the heads of C signed for it, C is the party; "A與B醫院區域協同發展科研
    項目合作協議簽約儀式": 區域 (a region) ends no district, and what it is about is the instrument's;
    "監事長A": a supervisors' chair is a title."""
    found = read_chinese("星河區政府、月灣大學、星港醫院負責人簽署共建合作協議。")
    assert set(found.parties) == {"星河區政府", "月灣大學", "星港醫院"}
    found = read_chinese("2月3日，月灣醫學院與星港市中心醫院區域協同發展科研新項目合作協議"
                         "簽約儀式在我院舉行。")
    assert set(found.parties) == {"月灣醫學院", "星港市中心醫院"}
    assert found.instrument == "區域協同發展科研新項目合作協議"
    found = read_chinese("理事長李文、監事長張明見證簽約。")
    assert [p.name for p in found.witnesses] == ["李文", "張明"]


def test_the_relevant_responsible_comrades_of_the_bodies_signed_with_them() -> None:
    # "與A、B有關負責同志代表雙方簽署": the heads of the bodies, none named; the bodies are the parties
    found = read_chinese("施小林分別與甲工業集團、乙科技集團、丙發動機集團有關負責同志"
                         "代表雙方簽署戰略合作協議。")
    assert "丙發動機集團" in found.parties
    assert not [party for party in found.parties if "負責" in party]


def test_an_instrument_that_points_back_and_a_title_before_and_are_no_names() -> None:
    # "該瞭解備忘錄由A及B簽署": the one spoken of before, no name; "甲國駐星國代表王美琴大使及星國協會
    # 執行理事B": a person with a title, then B's body, never one organisation
    found = read_chinese("外交部指出，該瞭解備忘錄由甲國駐星國代表王美琴大使及星國協會執行理事藍小鶯"
                         "於本月3日在星城完成簽署。")
    assert found.instrument is None
    assert not [party for party in found.parties if "大使" in party]


def test_an_event_and_the_signing_in_one_ceremony_and_the_fuller_name() -> None:
    # "A與B合作交流座談會暨戰略合作框架協議簽約儀式": the event before 暨 is no part of the instrument,
    # and the signing sentence's fuller name of it is the one
    found = read_chinese("11月22日下午，甘肅省與內蒙古自治區合作交流座談會暨戰略合作框架協議簽約儀式在月城"
                         "舉行。甘肅省副省長宋大亮、內蒙古自治區副主席馬小軍分別代表兩省區政府"
                         "簽署經濟社會發展戰略合作框架協議。")
    assert found.instrument == "經濟社會發展戰略合作框架協議"
    assert set(found.parties) == {"甘肅省", "內蒙古自治區"}


def test_held_is_no_part_of_the_ceremonys_instrument() -> None:
    """"A與B3日舉行合作備忘錄（MOU）簽署儀式": they held the ceremony; 舉行 (held) is no part of the
    instrument's name."""
    found = read_chinese("星河醫學大學與月灣大學3日舉行合作備忘錄（MOU）簽署儀式，正式展開合作。")
    assert found.instrument == "合作備忘錄"
    assert set(found.parties) == {"星河醫學大學", "月灣大學"}


def test_the_group_company_by_its_kind_is_no_party() -> None:
    # "集团公司与A签署": the publisher's own group, called by its kind only
    found = read_chinese("12月9日下午，集团公司与星河创投资产管理有限公司在京举行战略合作签约仪式。")
    assert "集团公司" not in found.parties


def test_a_body_without_the_one_it_belongs_to() -> None:
    # "A的B": B, the body that signed, of A (a centre, a group)
    found = read_chinese("甲金融管理局与星河国际金融中心的星河金融服务管理局于今日签署《合作协议》。")
    assert set(found.parties) == {"甲金融管理局", "星河金融服务管理局"}


def test_those_who_act_for_two_cities_are_no_parties_and_each_city_is_one() -> None:
    # "A、B分別代表X、Y兩市政府簽訂": A and B are people (names the tagger may not know); X and Y,
    # without "the two cities' governments", are the parties
    found = read_chinese("会上，孙大弘、盛小春分别代表辽源、绍兴两市政府签订缔结友好城市协议书。")
    assert set(found.parties) == {"辽源", "绍兴"}
    # (of a list only: "中朝两国政府" is a pair's short forms, no party's name)
    found = read_chinese("李大军与朴小国分别代表中朝两国政府，在星城签署《界河公路桥建桥协定》。")
    assert "中朝" not in found.parties


def test_two_lists_of_people_in_the_clauses_before_witnessed() -> None:
    # "A董事長甲、行長乙，與B董事長丙、行長丁，見證簽約": each list, the second opened by 與
    found = read_chinese("甲行董事长王东升、行长张小东、副行长吴大涛，与乙银行董事长葛海明、行长张大辉、"
                         "党委委员刘承光，见证签约并举行会谈。")
    assert [p.name for p in found.witnesses] == ["王东升", "张小东", "吴大涛", "葛海明", "张大辉", "刘承光"]


def test_where_the_ceremony_was_held_between_the_sides_and_the_instrument() -> None:
    # "A與B在X舉行Y簽約儀式": where they held it is neither a side nor part of what was signed
    found = read_chinese("甲集團與星港國際聯合總會在香港舉行戰略合作協議簽約儀式。")
    assert set(found.parties) == {"甲集團", "星港國際聯合總會"}
    assert found.instrument == "戰略合作協議"


def test_a_series_is_a_count_and_a_list_a_count_opens_is_of_kinds() -> None:
    """"並與多所大學和港澳子弟學校簽署一系列合作備忘錄": 一系列 (a series of) is a count, no part of
    the instrument's name, and the count 多所 opens a list of kinds, none of them a party by name."""
    found = read_chinese("星河大學校長王明早前率團到訪，並與多所大學和港澳子弟學校簽署一系列合作備忘錄。")
    assert found.instrument == "合作備忘錄"
    assert found.parties == ()
    found = read_chinese("星河大學與多家企業和月灣科技公司簽署合作協議。")
    assert found.parties == ("星河大學",)


def test_years_ago_and_over_the_years_are_earlier_signings() -> None:
    """"三年前，A與B簽署了X。三年間，A方面先後與C及D簽訂Y": signings of years before and over the
    years since are earlier ones; their parties are not this signing's."""
    found = read_chinese("13日，星河市人民政府与月湾大学医学院正式签署合作协议。三年前，星河市人民政府与"
                         "月湾大学医学院签署了合作框架协议。三年间，月湾方面先后与星河市及星河第二医院签订"
                         "互联网医疗战略合作协议。")
    assert set(found.parties) == {"星河市人民政府", "月湾大学医学院"}
    assert not looks_back("三年前签署的协议到期，双方今日续签合作协议。", None)


def test_a_title_carried_out_is_in_force_already() -> None:
    """"落實《X》年度重點工作": an agreement carried out (落實, 實施) or acted under (根據) is in force
    already; the one signed is the title the signing sentence names."""
    found = read_chinese("星月联席会议27日在星河举行，双方签署了《实施星月合作框架2019年重点工作》等9项协议。"
                         "王明表示，两地政府共同努力，落实《星月合作框架协议》年度重点工作。"
                         "双方在会上还签署了《关于促进星河港发展的合作备忘录》、《星河港项目合作框架协议》等9项协议。")
    assert found.instrument == "关于促进星河港发展的合作备忘录"


def test_a_title_alone_is_the_one_the_text_named_with_it() -> None:
    """"行政長官和星河省委書記B共同見證": a title alone in the list is the one person the text named
    with it before ("行政長官A"), not a part of B's title."""
    found = read_chinese("行政長官王志明今日出席在星港舉行的開幕式。開幕式上，行政長官和星河省委書記李文華"
                         "共同見證星港兩地簽署多項合作協議。")
    assert [(p.name, p.title) for p in found.witnesses] == [("王志明", "行政長官"),
                                                           ("李文華", "星河省委書記")]


def test_they_led_the_delegations_that_attended_and_signed() -> None:
    """"A和B分別率領兩地政府代表團出席，並簽署了X": the two who led the delegations signed."""
    found = read_chinese("星月合作联席会议27日在星河体育馆举行，星河特区行政长官王志明和月湾省省长李文华"
                         "分别率领两地政府代表团出席，并签署了《星月港口合作协议》。")
    assert [p.name for p in found.signatories] == ["王志明", "李文华"]


def test_that_school_is_the_one_they_visited() -> None:
    """"訪問團其後到訪X，A校長與該校理事長B簽署": 該校 (that school) is X, the one the clause before
    says they visited, and a party."""
    found = read_chinese("訪問團其後到訪星河外國語學校，王志明校長與該校理事長李文華先生簽署合作備忘錄。")
    assert "星河外國語學校" in found.parties


def test_an_instrument_about_two_bodies_one_with_its_other_name_in_brackets() -> None:
    """"簽署合作共建甲醫院（乙大學第一附屬醫院）和丙醫院協議書": the whole name, what it is about
    before its kind, not the bare 協議書."""
    found = read_chinese("11月14日下午，星河區政府與月灣大學在月灣大學工字廳簽署合作共建星河醫院"
                         "（月灣大學第一附屬醫院）和星河市垂柳醫院協議書。")
    assert found.instrument == "合作共建星河醫院（月灣大學第一附屬醫院）和星河市垂柳醫院協議書"


def test_a_body_then_a_full_name_with_no_title() -> None:
    """"圖：甲基金有限公司陳某某（左）與乙商會理事長B（右）代表雙方簽約": a body and then a full name
    that opens with a surname, no title between, is a person of that body; both bodies are parties."""
    found = read_chinese("圖：星河基金有限公司陳月明（左）與旅港星河商會理事長駱文華（右）代表雙方簽約。")
    assert [(p.name, p.title) for p in found.signatories] == [("陳月明", "星河基金有限公司"),
                                                             ("駱文華", "旅港星河商會理事長")]
    assert set(found.parties) == {"星河基金有限公司", "旅港星河商會"}


def test_who_attends_a_ceremony_of_the_signing_and_more_signed_nothing() -> None:
    """"乙大學代表及我院全體院領導、中層幹部等共200餘人參加了簽約及揭牌儀式": the signing is a
    ceremony's name, and those who attended it are no parties."""
    found = read_chinese("甲醫院與乙大學簽訂協議\n\n王大明院長與李小華副校長分別代表雙方簽訂了框架協議。"
                         "乙大學代表及我院全體院領導、中層幹部和青年碩博士等共200餘人參加了簽約及揭牌儀式。")
    assert "中層幹部" not in found.parties
    assert [p.name for p in found.signatories] == ["王大明", "李小華"]


def test_a_deputys_title_after_the_name_ends_no_name() -> None:
    """"李炯副院長代表我院簽署": the name is 李炯, the title 副院長 (not the name 李炯副)."""
    found = read_chinese("會上，陳強副院長代表我院簽署了《校企合作協議》。")
    assert [(p.name, p.title) for p in found.signatories] == [("陳強", "副院長")]


def test_that_college_is_no_partys_name() -> None:
    """"甲學院黨總支書記A代表該學院與乙公司簽署": 該學院 points back to a body; it is no name."""
    found = read_chinese("星港工程學院黨總支書記王小明代表該學院與月城機械製造有限公司"
                         "簽署了共建實習基地協議。")
    assert "該學院" not in found.parties
    assert "月城機械製造有限公司" in found.parties


def test_a_federation_of_industry_and_commerce_then_the_kind_of_cooperation() -> None:
    """"我校與甲市工商聯校政企合作簽約儀式": 工商聯 ends the body's name; 校政企 is the kind of
    cooperation, no part of it."""
    found = read_chinese("5月24日上午，我校與月城市工商聯校政企合作簽約儀式在致遠樓會議室舉行。")
    assert found.parties == ("月城市工商聯",)


def test_a_dash_inside_what_a_title_is_about_names_no_party() -> None:
    """"《甲省人民政府 乙省人民政府深入推進丙—丁城市群建設專項協議》": the dash is between two
    cities the plan is about; only names that end as a body's or a place's do are parties."""
    from mouarchive.importer.chinese import title_parties
    assert title_parties("甲省人民政府 乙省人民政府深入推進月城—星港城市群建設專項協議") == []
    assert title_parties("甲省人民政府 乙省人民政府戰略合作框架協議") == ["甲省人民政府", "乙省人民政府"]


def test_a_long_name_before_xiansheng_runs_from_the_titles_end() -> None:
    """"中心副主任苏赫巴特尔先生": the name is all from the title's end to 先生."""
    found = read_chinese("会长王小明先生与月城商业中心副主任巴雅尔图门先生签署了合作备忘录。")
    assert [(p.name, p.title) for p in found.signatories] == [
        ("王小明", "会长"), ("巴雅尔图门", "月城商业中心副主任")]


def test_a_bare_name_beside_one_the_text_introduced_signed_on_behalf_of_both_sides() -> None:
    """"A和B代表雙方簽署": B was named with a title before; A, a name opening with a surname that the
    tagger may not know, is a person beside B, and neither is a party."""
    found = read_chinese("甲公司與乙新區合作項目簽約儀式在月城舉行。市委副書記、市長張志強和甲公司領導"
                         "王青岩出席。王青岩和張志強代表雙方簽署了合作協議。")
    assert [p.name for p in found.signatories] == ["王青岩", "張志強"]
    assert "王青岩" not in found.parties


def test_countries_of_a_kind_and_a_clause_of_what_it_is_are_no_parties() -> None:
    """"其中，X備忘錄是我國與歐盟國家簽署的第一個……": neither 'X備忘錄是我國' nor 歐盟國家 is a party."""
    found = read_chinese("其中，甲乙地方合作諒解備忘錄是我國與歐盟國家簽署的第一個地方經貿合作諒解備忘錄。")
    assert found.parties == ()


def test_a_chairmans_title_is_not_cut_after_dongshi() -> None:
    """"董事长戴某某": the title is 董事长 (a chairman), not 董事 (a director) with the name 长戴."""
    found = read_chinese("在甲集团党委书记、董事长戴和平，乙银行党委书记、董事长谷小澍共同见证下，"
                         "甲集团副总经理朱大标和乙银行副行长刘小洪分别代表双方签署协议。")
    assert [p.name for p in found.witnesses] == ["戴和平", "谷小澍"]


def test_a_name_and_its_title_do_not_cut_a_bodys_last_word() -> None:
    """"中国农业银行党委书记": 中国 and then a name 农业银 would cut 银行 in two; a body, a name and its
    title ("甲省商務廳黃河明廳長") still read."""
    from mouarchive.importer.chinese import _name_then_title
    assert _name_then_title("中国农业银行党委书记") is None
    assert _name_then_title("月城省商務廳黃河明廳長") == ChinesePerson("黃河明", "月城省商務廳廳長")


def test_a_chief_accountant_is_a_title() -> None:
    """"党组成员、总会计师叶某": 总会计师, the chief accountant, ends a title."""
    found = read_chinese("甲银行副行长、党委委员张小光和乙集团党组成员、总会计师叶大华分别代表双方签署协议。")
    assert [p.name for p in found.signatories] == ["张小光", "叶大华"]


def test_yu_and_a_days_word_end_the_last_name() -> None:
    """"甲銀行、乙銀行與丙銀行於當日正式簽署": 於當日 is when; the last party is 丙銀行."""
    found = read_chinese("3月10日，記者獲悉，星港銀行、月城銀行與星港農商銀行於當日正式簽署戰略合作協議。")
    assert found.parties == ("星港銀行", "月城銀行", "星港農商銀行")


def test_a_vice_foreign_minister_by_the_word_waixiang() -> None:
    """"驻甲国大使A与甲国副外相B分别代表两国政府，在外务省签署": 外相 ends a title."""
    found = read_chinese("9月15日，驻星国大使李进明与星国副外相朴明辉分别代表两国政府，"
                         "在星国外务省签署《公路桥建桥协定》。")
    assert [p.name for p in found.signatories] == ["李进明", "朴明辉"]


def test_the_cities_of_an_event_are_not_the_two_sides() -> None:
    """"甲、乙雙城論壇30日登場。……雙方簽署": the sentence before opens with a forum between two
    cities, not with two sides; two bodies that met still are."""
    found = read_chinese("星港、月城雙城論壇30日上午在星港會議中心登場，兩地市長出席主論壇。"
                         "致詞結束後，雙方簽署3份合作備忘錄。")
    assert found.parties == ()
    found = read_chinese("星港市政府與月城市政府30日上午在星港會議中心舉行會議。"
                         "會議結束後，雙方簽署3份合作備忘錄。")
    assert found.parties == ("星港市政府", "月城市政府")


def test_how_they_signed_after_the_signers() -> None:
    """"由A及B以線上方式簽署": how they signed, online or by video, after the list of signers."""
    found = read_chinese("甲協會15日與乙協會續簽合作備忘錄，"
                         "由甲協會理事長王大明及乙協會理事長李小華以線上方式簽署。")
    assert [p.name for p in found.signatories] == ["王大明", "李小華"]
    found = read_chinese("甲協會與乙協會續簽合作備忘錄，由王大明會長及李小華理事長透過視像會議形式共同簽署。")
    assert [p.name for p in found.signatories] == ["王大明", "李小華"]


def test_a_speaker_is_a_title() -> None:
    """"縣議會議長A見證": 議長, a legislature's speaker, ends a title."""
    found = read_chinese("甲協會與乙協會續簽合作備忘錄。月城縣議會議長王一郎見證簽署。")
    assert [p.name for p in found.witnesses] == ["王一郎"]


def test_a_japanese_name_with_the_repeat_mark() -> None:
    """"佐々木": 々 repeats the character before it, inside a Japanese name."""
    found = read_chinese("甲協會與乙協會續簽合作備忘錄。月城縣長佐々木健見證簽署。")
    assert [p.name for p in found.witnesses] == ["佐々木健"]


def test_deng_before_yiji_closes_the_first_part_of_a_list() -> None:
    """"A、B、C等，以及D、E等40餘人見證觀禮": 等 closes the first part, and is no part of C's name."""
    found = read_chinese("甲協會與乙協會續簽合作備忘錄。另有月城縣議員王一郎、張三豐、李小明等，"
                         "以及乙協會榮譽理事長趙四海、副理事長錢五湖等40餘人見證觀禮。")
    assert [p.name for p in found.witnesses] == ["王一郎", "張三豐", "李小明", "趙四海", "錢五湖"]


def test_a_group_in_brackets_inside_a_company_s_name() -> None:
    """"甲研究設計院（集團）有限公司": the bracket is part of the company's name, not an aside."""
    found = read_chinese("近日，星港機械研究設計院（集團）有限公司與月城產業發展集團有限公司"
                         "在成都簽署戰略合作協議。")
    assert found.parties == ("星港機械研究設計院（集團）有限公司", "月城產業發展集團有限公司")


def test_who_attended_the_signing_did_not_sign() -> None:
    """"A，B，C、D等出席签约": the signing is what they attended; none of them signed."""
    found = read_chinese("12月20日，甲公司与月城区政府签署战略合作协议。月城区区长王大明，副区长李小明，"
                         "甲公司总裁张三丰、副总裁赵四海等出席签约。")
    assert found.signatories == ()
    assert found.parties == ("甲公司", "月城区政府")


def test_this_is_opens_no_party_s_name() -> None:
    """"這是中國與區域組織簽訂的首個文件": 這是 (this is) opens a clause, and no party's name."""
    found = read_chinese("中國和星盟3日在月城簽署了文化合作諒解備忘錄。"
                         "這是中國與區域組織簽訂的首個文化合作文件。")
    assert "這是中國" not in found.parties


def test_a_signing_spoken_of_gives_no_party() -> None:
    """"A代表X對甲市與乙集團簽約表示祝賀": the signing is what A spoke of; X is no party."""
    found = read_chinese("4月9日，甲市人民政府與乙控股集團有限公司簽署戰略合作框架協議。"
                         "王大明代表月城省委會對甲市與乙集團簽約表示祝賀。")
    assert found.parties == ("甲市人民政府", "乙控股集團有限公司")


def test_the_signers_named_after_what_they_were() -> None:
    """"中方的簽署代表則有A、B", "代表我國簽署的部長包括A、B": the list of those who signed."""
    found = read_chinese("星國與月國周三簽署31份諒解備忘錄。"
                         "月方的簽署代表則有外交部長王大明、駐星大使歐陽小靖等。")
    assert [p.name for p in found.signatories] == ["王大明", "歐陽小靖"]
    found = read_chinese("星國與月國周三簽署31份諒解備忘錄。"
                         "代表我國簽署的部長包括交通部長陸兆福、教育部長李小明等。")
    assert [p.name for p in found.signatories] == ["陸兆福", "李小明"]


def test_a_broadcaster_s_head_is_a_title() -> None:
    """"總台台長A": 台長, the head of a broadcaster, ends a title (not 平台長期)."""
    found = read_chinese("甲集團與乙台簽署合作協議。月城廣播電視總台台長趙海雄見證簽署。")
    assert [p.name for p in found.witnesses] == ["趙海雄"]


def test_a_malaysian_honorific_before_the_name() -> None:
    """"首相拿督斯里A": the honorific between the title and the name is no part of either."""
    found = read_chinese("星國與中國周三在首相拿督斯里安華及中國國家主席王大明的見證下，簽署31份諒解備忘錄。")
    assert [p.name for p in found.witnesses] == ["安華", "王大明"]


def test_came_in_person_and_witnessed() -> None:
    """"並由A及B親臨見證", "感謝A及B親臨見證": 親臨 (came in person) is no one's name."""
    found = read_chinese("甲醫院與乙醫院簽署合作意向書，"
                         "並由衛生部主任林靜儀及管理會（管委會）執行長林慶豐親臨見證。")
    assert [p.name for p in found.witnesses] == ["林靜儀", "林慶豐"]
    found = read_chinese("甲醫院與乙醫院簽署合作意向書。"
                         "傅雲慶院長表示，感謝林靜儀主任及林慶豐執行長親臨見證。")
    assert "親臨" not in [p.name for p in found.witnesses]


def test_a_vice_minister_by_the_word_cizhang() -> None:
    """"衛生部政務次長A": 次長, a vice minister in Taiwan, ends a title (not 多次長期)."""
    found = read_chinese("甲醫院與乙醫院簽署合作意向書，並由衛生部政務次長林靜儀見證。")
    assert [p.name for p in found.witnesses] == ["林靜儀"]


def test_the_signing_done_by_two() -> None:
    """"此次簽署由A院長與B院長共同完成": who signed, by what they did together."""
    found = read_chinese("甲醫院與乙醫院舉行合作意向書簽署儀式。"
                         "此次簽署由甲醫院徐國芳院長與乙醫院傅雲慶院長共同完成。")
    assert [p.name for p in found.signatories] == ["徐國芳", "傅雲慶"]
    found = read_chinese("甲醫院與乙醫院簽署合作意向書。"
                         "簽署儀式由甲醫院院長徐國芳、乙醫院院長傅雲慶共同完成。")
    assert [p.name for p in found.signatories] == ["徐國芳", "傅雲慶"]


def test_a_ministry_s_hospital_is_the_body_of_its_head_s_title() -> None:
    """"衛生福利部苗栗醫院院長": the title names the head of the ministry's hospital, the body."""
    from mouarchive.importer.chinese import title_organisation
    assert title_organisation("衛生福利部星港醫院院長") == "衛生福利部星港醫院"
    assert title_organisation("衛生福利部部長") == "衛生福利部"


def test_the_one_charged_by_another_signs() -> None:
    """"A受B委託，與C簽署": A signed at B's charge; B did not, and 委託 is no name."""
    found = read_chinese("在甲國總理王大明見證下，星港部副部長林小東受陳小西部長委託，"
                         "與乙國運輸部大臣李南山在星港共同簽署了《合作諒解備忘錄》。")
    assert [p.name for p in found.signatories] == ["林小東", "李南山"]
    found = read_chinese("星港部副部长林小东受陈小西部长委托，与乙国运输部大臣李南山签署合作备忘录。")
    assert [p.name for p in found.signatories] == ["林小东", "李南山"]


def test_the_parties_of_a_title_split_by_a_bullet() -> None:
    """"我校与乙区人民政府签署《乙区•甲大学深化校地合作协议》": the title names both sides, split by
    a bullet; the body names only the district, by its name or its name and more, and 我校 is the
    title's other."""
    found = read_chinese("10月14日，我校与星河区人民政府签署《星河区•月湖大学深化校地合作协议》。"
                         "校长王大明表示，此次与星河区签订的合作协议含金量高。")
    assert "月湖大学" in found.parties and "星河区人民政府" in found.parties
    from mouarchive.importer.chinese import title_parties
    assert title_parties("星河区‧月湖大学合作协议") == ["星河区", "月湖大学"]


def test_a_state_signs_in_its_own_name() -> None:
    """"澳大利亞甲州25日與乙市人民政府簽署": a state (州) ends a party's name as a city's 市 does."""
    found = read_chinese("澳大利亞星河州25日與月湖市人民政府簽署了合作諒解備忘錄。")
    assert set(found.parties) == {"澳大利亞星河州", "月湖市人民政府"}


def test_the_kind_of_cooperation_after_the_last_party() -> None:
    """"A醫院與B醫院醫聯體簽約": the kind of their cooperation (a medical alliance, a strategic
    cooperation) after the last name's own end is no part of that name."""
    found = read_chinese("8月23日下午，星河二医院与月湖市第五人民医院医联体签约授牌仪式在星河二医院举行。")
    assert set(found.parties) == {"星河二医院", "月湖市第五人民医院"}
    found = read_chinese("星河大學與月湖市政府戰略合作簽約。")
    assert set(found.parties) == {"星河大學", "月湖市政府"}


def test_the_time_of_day_after_a_witness_s_day() -> None:
    """"A 15日傍晚與B共同見證": the day and the time of day after A's name are none of it."""
    found = read_chinese("外交部長林大明15日傍晚與乙國副總理王小東共同見證兩國簽署「勞工合作協定」。")
    assert {p.name for p in found.witnesses} == {"林大明", "王小東"}


def test_our_country_opens_no_body_s_name() -> None:
    """"由我國勞動部長A…簽署": 我國 (our country) is the publisher's, and names no body."""
    from mouarchive.importer.chinese import title_organisation
    assert title_organisation("我國星河發展部部長") == "星河發展部"
    assert title_organisation("我國勞動部長") != "我國勞動部"


def test_a_bank_s_branch_in_a_city_is_no_bank_head() -> None:
    """"甲銀行長春分行": the bank's branch in a city, not 行長 (a bank's head) and a name."""
    found = read_chinese("3月22日，星河市人民政府与月湖银行长春分行战略合作签约仪式在甲宾馆举行。")
    assert set(found.parties) == {"星河市人民政府", "月湖银行长春分行"}
    found = read_chinese("月湖银行行长王大明与星河市市长李小东签署合作协议。")
    assert {p.name for p in found.signatories} == {"王大明", "李小东"}


def test_a_province_after_a_body_is_no_name() -> None:
    """"中國甲銀行江蘇省分行黨委委員、副行長A": the province of the body's branch, after its name,
    is no one's name before a title."""
    found = read_chinese("副市长沈大明与中国星河银行江苏省分行党委委员、副行长韩小静分别代表"
                         "甲市人民政府和中国星河银行江苏省分行签署合作协议。")
    assert {p.name for p in found.signatories} == {"沈大明", "韩小静"}


def test_each_of_a_kind_names_no_party() -> None:
    """"與甲市各縣（市）、區政府主要負責人簽訂": each county's and district's heads; no party named."""
    found = read_chinese("星河银行甲市分行郭大明行长代表甲市分行与甲市各县（市）、区政府主要负责人"
                         "签订了战略合作协议。")
    assert "区政府" not in found.parties and not any("各" in p for p in found.parties)
    assert "甲市分行" in found.parties


def test_welcomed_to_come_and_sign() -> None:
    """"A代表市委、市政府歡迎B、C一行來漢簽約": what B and C were welcomed for; no one is said to
    have signed for anyone."""
    found = read_chinese("方大明代表市委、市政府欢迎成小永、邹小方一行来汉签约，感谢三家银行的支持。")
    assert not found.signatories and not found.parties


def test_those_who_witnessed_before_with_did_not_sign() -> None:
    """"並在A、B等領導的見證下，與C簽署": the witnesses, in the clause before 與, did not sign."""
    found = read_chinese("总经理率副总经理李大明一行赴甲市参加会议，并在省政府副省长王小东，"
                         "省国资委党委书记、主任徐大进等领导的见证下，与甲市签署两项战略合作协议。")
    assert "徐大进" not in {p.name for p in found.signatories}
    assert {"王小东", "徐大进"} <= {p.name for p in found.witnesses}


def test_the_signing_s_venue_is_a_noun() -> None:
    """"A在簽約現場為B點讚": 簽約現場 is the signing's venue, where A was; A did not sign."""
    found = read_chinese("甲基地与乙公司举行框架协议签约仪式。"
                         "乙公司董事长张大英在签约现场为甲管理局的服务点赞。")
    assert not found.signatories


def test_a_name_known_from_a_visit_and_its_party() -> None:
    """"會見甲銀行行長A一行": A, titled, and the party with A (一行); where A is named again alone
    beside a titled signer, A signed."""
    found = read_chinese("省長王大明會見星河銀行行長林青山一行。"
                         "省委常委、副省長李小澤與林青山分別代表雙方簽署協定。")
    assert {p.name for p in found.signatories} == {"李小澤", "林青山"}


def test_a_body_by_its_short_name_before_a_name_and_a_title() -> None:
    """"中科院李世強院長": a body by its short name (中科院), then a name and its title."""
    found = read_chinese("甲大學與星河院簽署合作備忘錄。沈大儒校長、星河院李小強院長代表雙方簽署。")
    assert {p.name for p in found.signatories} == {"沈大儒", "李小強"}


def test_a_company_s_preparatory_office_is_one_body() -> None:
    """"甲電力股份有限公司籌備處執行長A": the company's preparatory office (籌備處), one body whose
    name goes on past 公司."""
    from mouarchive.importer.chinese import title_organisation
    assert title_organisation("星河电力股份有限公司筹备处执行长") == "星河电力股份有限公司筹备处"


def test_bodies_of_a_kind_name_no_party() -> None:
    """"與甲、乙與丙等大學簽訂", "與各知名大學", "中外地方政府及相關機構和企業還簽署": bodies of a
    kind (and other universities, each renowned one, the bodies concerned) name no party."""
    found = read_chinese("星河縣政府今天與甲大、乙大與丙科大等大學簽訂聯合策略聯盟。")
    assert not any(p.endswith("等大學") for p in found.parties)
    found = read_chinese("當日，中外地方政府及相關機構和企業還簽署16項友好合作協議。")
    assert not found.parties


def test_whose_instrument_it_is_is_no_part_of_its_name() -> None:
    """"A與B的合作意向書簽署儀式": 的 (whose) opens no instrument's name."""
    found = read_chinese("星河縣政府29日與月湖大學的合作意向書簽署儀式在縣府舉行。")
    assert found.instrument == "合作意向書"


def test_concluded_and_signed_down_are_verbs_of_signing() -> None:
    """"A與B……締結合作交流備忘錄" (concluded) and "正式签下合作协议" (signed, as papers write it) are
    signings: the instrument and the sides are read as after 簽署."""
    found = read_chinese("星河區政府与月湖大学科技园3月5日正式签下合作协议。")
    assert found.instrument == "合作协议"
    assert found.parties == ("星河區政府", "月湖大学科技园")
    found = read_chinese("星河市童軍會與月湖市童軍會今天締結合作交流備忘錄。")
    assert found.instrument == "合作交流備忘錄"
    found = read_chinese("今天由星河市代表甲國與月湖環礁締結姊妹市，意義重大。")  # cities become sisters
    assert not found.signatories


def test_a_chief_accountants_title_names_no_association() -> None:
    """"星河院總會計師A": 總會計師 (a chief accountant) is a title, and its 總會 ends no body's name."""
    from mouarchive.importer.chinese import title_organisation
    assert title_organisation("星河院總會計師") is None
    assert title_organisation("星河工商總會會長") == "星河工商總會"


def test_the_headlines_two_parties_where_the_body_gives_one_from_a_title() -> None:
    """"甲县政府与乙院签约……副县长A、乙院总会计师B、丙集团董事长C代表三方签署": the body names one party, by
    a title; the headline's two are parties too."""
    found = read_chinese("星河县人民政府与月湖设计院签约\n10月16日，县长王大文带队赴月湖设计院洽谈。"
                         "副县长张小明、设计院总会计师周小华、丙友集团董事长付小雁代表三方签署战略合作协议。")
    assert found.parties == ("星河县人民政府", "月湖设计院", "丙友集团")


def test_how_many_after_the_last_listed_is_no_part_of_its_name() -> None:
    """"與甲大、乙大及丙大三校共同簽署": 三校 (the three schools) after the last is how many they were."""
    found = read_chinese("星河縣政府與月湖科大、星港科大及丙城科大三校共同簽署合作意向書。")
    assert found.parties == ("星河縣政府", "月湖科大", "星港科大", "丙城科大")


def test_government_and_academia_is_no_officers_title() -> None:
    """"星河縣官學平台在月湖科大簽署MOU": 官學 (government and academia) is no 官, an officer."""
    found = read_chinese("星河縣官學平台在月湖科大簽署MOU\n星河縣政府與月湖科大簽署合作意向書。")
    assert not found.signatories


def test_a_titles_last_party_ends_before_what_they_establish() -> None:
    """"《甲省與日本國乙縣建立友好省縣關係協議》": the last party ends before 建立 (establish). A
    Japanese prefecture's governor, 知事, is a title."""
    from mouarchive.importer.chinese import title_parties
    assert title_parties("星河省與日本國月湖縣建立友好省縣關係協議") == ["星河省", "日本國月湖縣"]
    found = read_chinese("省長王大文，日本月湖縣知事山田一郎分別代表雙方簽署"
                         "《星河省與日本國月湖縣建立友好省縣關係協議》。")
    assert [p.name for p in found.signatories] == ["王大文", "山田一郎"]


def test_a_and_right_before_a_list_comma_ends_a_name() -> None:
    """"甲市長黃定和、乙市長陳大文簽訂": 和 right before 、 joins nothing; it is the name's last."""
    found = read_chinese("星河市長黃定和、月湖市長陳大文昨天簽訂合作備忘錄。")
    assert [p.name for p in found.signatories] == ["黃定和", "陳大文"]


def test_a_bodys_branch_goes_on_past_its_end() -> None:
    """"甲委員會乙省分會副會長": the branch, 分會, is the body the title names."""
    from mouarchive.importer.chinese import title_organisation
    assert title_organisation("星河貿易促進委員會月湖省分會副會長") == "星河貿易促進委員會月湖省分會"


def test_what_they_signed_in_corner_brackets_after_the_last_is_no_part_of_its_name() -> None:
    """"甲市公所、乙市公所「合作備忘錄」在甲市簽訂": the instrument in 「」 is no part of 乙市公所."""
    found = read_chinese("星河市公所、月湖市公所「締結友好城市關係合作備忘錄」在星河簽訂後，雙方承諾交流。")
    assert found.parties == ("星河市公所", "月湖市公所")


def test_what_the_other_is_to_it_before_a_name_is_no_part_of_it() -> None:
    """"與友好合作城市日本甲町共同簽署": 友好合作城市 (its partner city) is no part of the name; and
    "與日本甲縣和甲市簽署": a county, 縣, is a whole name before 和."""
    found = read_chinese("當天，星河市與友好合作城市日本月湖町共同簽署了框架協議。")
    assert found.parties == ("星河市", "日本月湖町")
    found = read_chinese("星河市長王大文今天與日本月湖縣和月湖市簽署三方交流備忘錄。")
    assert found.parties[-2:] == ("日本月湖縣", "月湖市")


def test_how_they_signed_after_the_last_name_is_no_name() -> None:
    """"由A院長與乙醫院B院長正式簽訂": 正式 (formally), after the last name and title, is no name."""
    found = read_chinese("由王大文院長與星河第四醫院李小明院長正式簽訂姊妹醫院協議書。")
    assert [p.name for p in found.signatories] == ["王大文", "李小明"]


def test_banking_as_a_field_is_no_bank() -> None:
    """"中國銀行業監督管理委員會主席A": 銀行業 (banking) is a field of the commission, and no bank."""
    from mouarchive.importer.chinese import title_organisation
    assert title_organisation("星河銀行業監督管理委員會主席") == "星河銀行業監督管理委員會"


def test_what_they_held_is_no_part_of_the_last_name() -> None:
    """"縣工商聯與上海市乙商會舉行締結友好商會簽約儀式": 舉行 (held) ends the last name."""
    found = read_chinese("8月24日，星河縣工商聯與上海市月湖商會舉行締結友好商會簽約儀式，"
                         "雙方簽訂了友好商會協議書。")
    assert "上海市月湖商會舉行締結友好商會" not in found.parties


def test_a_second_title_after_concurrently_is_no_name() -> None:
    """"協會副會長兼秘書長、乙集團A總經理與B會長簽署": 兼秘書長 (and secretary-general) is a title."""
    found = read_chinese("星河外經協會王大文會長與月湖中心李小華女士簽署合作備忘錄，協會副會長兼秘書長、"
                         "丙城集團有限公司唐小軍總經理與英國月湖商會郭小章會長簽署戰略合作意向。")
    assert not any(p.name.startswith("兼") for p in found.signatories)


def test_who_held_the_ceremony_before_held_is_no_party() -> None:
    """"西城區舉行西城區管委會與乙商會戰略合作簽約儀式": who held it, before 舉行, is no party, and no
    party's name holds 舉行."""
    found = read_chinese("9月11日上午，星河區舉行星河區管委會與月湖總商會戰略合作簽約儀式。")
    assert found.parties == ("星河區管委會", "月湖總商會")


def test_a_japanese_town_mayor_is_a_title() -> None:
    """"水上町町長A出席見證": 町長 (a Japanese town's mayor) is a title; a name follows it."""
    found = read_chinese("星河市長王大文與月浦町町長山田一郎出席見證，雙方代表簽署友好交流協定。")
    assert [p.name for p in found.witnesses] == ["王大文", "山田一郎"]


def test_jointly_on_behalf_of_a_body_is_no_name() -> None:
    """"由市議會議長A與町議會議長B共同代表議會簽署": 共同 (jointly) ends no name, and the body they act
    for, after 代表, is no one."""
    found = read_chinese("簽署儀式由市議會議長王大文與月浦町議會議長山田一郎共同代表議會簽署。")
    assert [p.name for p in found.signatories] == ["王大文", "山田一郎"]


def test_where_a_witness_went_to_is_no_name() -> None:
    """"甲辦事處A處長赴乙町出席見證": where A went (赴乙町), after the title, is no name."""
    found = read_chinese("星河市長王大文與月浦町長山田一郎簽署友好交流協定，"
                         "月城辦事處李小明處長赴月浦町出席見證。")
    assert not any(p.name.startswith("赴") for p in found.witnesses)


def test_a_township_head_is_a_title() -> None:
    """"甲鄉長A與乙町長B簽訂": 鄉長 (a township's head) is a title; a name follows it."""
    found = read_chinese("星河鄉長王大文與月浦町長山田一郎簽訂友好交流協定。")
    assert [p.name for p in found.signatories] == ["王大文", "山田一郎"]


def test_a_title_alone_is_no_party() -> None:
    """"甲市長與劉鄉長於儀式中共同簽署協定": two people by title, and no party; 於儀式中 (during the
    ceremony) is none of their names."""
    found = read_chinese("月浦市長與王鄉長於儀式中共同簽署協定。")
    assert found.parties == ()
    assert not any(p.name.startswith("與") for p in found.signatories)


def test_an_agreement_carried_out_between_two_named_sides_is_not_this_one() -> None:
    """"推進落實甲部與乙政府《X》及我校與乙政府《Y》": agreements in force, whose sides are named
    between the verb and the title; this signing's is the one signed after."""
    found = read_chinese("王大文一行赴月浦商洽合作，推進落實星河部與月浦政府《關於支持月浦教育的合作協議》"
                         "及我校與月浦政府《教育戰略合作框架協議書》。李小明與月浦市副市長陳大華代表雙方"
                         "簽署了《星河大學 月浦市人民政府合作辦學協議》。")
    assert found.instrument == "星河大學 月浦市人民政府合作辦學協議"



def test_how_they_signed_by_way_of_is_no_part_of_a_party() -> None:
    """"甲鄉與日本乙町以跨海視訊方式共同簽署": by video (以…方式), after the last name, is none of it."""
    found = read_chinese("台日交流再添新頁！繼去年青山鄉甲車站與日本白取縣白櫻町的乙車站締結為姊妹車站後，"
                         "青山鄉今（21）日與日本白取縣白櫻町以跨海視訊方式共同簽署友好城市交流協定。")
    assert not any("方式" in p for p in found.parties)


def test_all_of_them_after_a_lists_last_name_is_none_of_it() -> None:
    """"A、B、C均在視訊中見證": 均 (all of them), after the list's last name, is no part of it."""
    found = read_chinese("星河鄉長王大文與月浦町長山田一郎簽署協定。月城辦事處處長李小明、月浦町代表會主席"
                         "古大華均在視訊中見證。")
    assert "古大華均" not in [p.name for p in found.witnesses]


def test_an_instruments_name_goes_on_to_its_last_words_own_end() -> None:
    """"簽署了校企合作協議書": the name whole, to 協議書, not 合作協議書 nor 校企合作協議."""
    assert read_chinese("最後，雙方代表簽署了校企合作協議書。").instrument == "校企合作協議書"


def test_a_standing_committees_secretary_is_no_name_after_its_member() -> None:
    """"黨委常委會秘書": the secretary of the standing committee (常委會, a body); 常委 there is no
    title with a name after it."""
    found = read_chinese("月浦市委副书记王大文出席仪式并见证签约；月浦市委宣传部副部长张小英同星河图片社"
                         "党委常委、副总裁黄大伟代表双方签署协议；星河图片社党委常委会秘书、办公室主任杨小涛"
                         "主持签约仪式。")
    assert not any("秘书" in p.name for p in found.signatories + found.witnesses)
    assert [p.name for p in found.signatories] == ["张小英", "黄大伟"]


@pytest.mark.parametrize(("text", "party"), [
    ("12月3日上午，星河日報社與月浦大學在月浦簽署全面合作協議。", "星河日報社"),
    ("星河图片社与月浦市委宣传部今日在北京签署战略合作协议。", "星河图片社"),
])
def test_a_newspaper_or_an_agency_by_its_word_is_a_party(text: str, party: str) -> None:
    assert party in read_chinese(text).parties


def test_signers_before_an_aside_of_who_witnessed() -> None:
    """"A和B分別在兩地會場，在C的見證下簽署": the witnessing is an aside between the signers and the
    verb."""
    found = read_chinese("星河推广署助理署长王大文和月浦市商务局副局长李小明分别在两地会场，在星河推广署署长"
                         "陈大华、月浦市商务局局长张小英的见证下签署备忘录。")
    assert [p.name for p in found.signatories] == ["王大文", "李小明"]
    assert [p.name for p in found.witnesses] == ["陈大华", "张小英"]


@pytest.mark.parametrize("text", [
    "星河金管局與月浦金管局代表今日（3日）會面，就加強合作交換意見，並在會面期間簽署經修訂的《諒解備忘錄》。",
    "星河推广署与月浦市商务局今日（23日）合办投资交流会，并首次签署合作备忘录。",
])
def test_the_two_a_sentence_opens_with_sign_in_a_clause_joined_by_and(text: str) -> None:
    assert len(read_chinese(text).parties) == 2


def test_those_who_met_and_witnessed_are_no_parties() -> None:
    """"A局與B局今日會面，並見證兩地簽署": they witnessed; the signing's sides are not named."""
    assert read_chinese("星河局與月浦局今日會面，並見證兩地簽署協議。").parties == ()


@pytest.mark.parametrize(("text", "later"), [
    ("星河大學與月浦博物院簽署合作意向書及展覽協議，以及與月浦市人才工作局簽署合作交流備忘錄。",
     "月浦市人才工作局"),
    ("星河图片社除与月浦市委宣传部签署战略合作协议外，还与月浦理工大学签订平台建设协议。", "月浦理工大学"),
])
def test_each_later_with_whom_they_signed_in_a_sentence_is_a_party(text: str, later: str) -> None:
    """"與A簽署X，以及與B簽署Y": B signed too, a party as A is."""
    assert later in read_chinese(text).parties


@pytest.mark.parametrize("text", [
    "星河大學攜手月浦集團簽署戰略合作協議。",
    "星河大学携手月浦集团在北京签署战略合作协议，双方将携手推动合作。",
])
def test_hand_in_hand_joins_the_two_sides_of_a_signing(text: str) -> None:
    assert len(read_chinese(text).parties) == 2


def test_hand_in_hand_as_a_wish_joins_no_one() -> None:
    assert read_chinese("雙方將攜手推動合作並簽署協議。").parties == ()


def test_a_head_station_is_an_organisation() -> None:
    assert "星河台亞太總站" in read_chinese("星河台亞太總站與月浦大學簽署了戰略合作框架協議。").parties


def test_the_signers_named_after_the_word_for_them() -> None:
    """"雙方簽署人分別為A及B": who signed, after 簽署人 (the signers)."""
    found = read_chinese("星河大學與雲嶺集團簽署協議，雙方簽署人分別為星河大學副校長王偉及"
                         "雲嶺集團總經理李強。")
    assert [p.name for p in found.signatories] == ["王偉", "李強"]


def test_one_who_acts_for_a_side_in_the_clause_before_signs_for_it() -> None:
    """"會長A代表X，分別與B及C簽訂": A signed for X, with each of them; X is no person."""
    found = read_chinese("會長陳美玲代表數碼協會，分別與星島律師協會及港灣律師協會簽訂諒解備忘錄。")
    assert [p.name for p in found.signatories] == ["陳美玲"]
    assert found.parties == ("數碼協會", "星島律師協會", "港灣律師協會")


def test_so_far_is_no_part_of_the_name_after_it() -> None:
    found = read_chinese("至今數碼協會已與星島大學簽訂了合作協議。")
    assert set(found.parties) == {"數碼協會", "星島大學"}


def test_two_bodies_of_one_kind_with_no_joiner_are_two_parties() -> None:
    """A title or a ceremony's name may write two universities, governments or cities one after the
    other: "《甲大學乙師範大學戰略合作框架協議》", "甲市乙市同城化建設合作框架協議簽字儀式"."""
    found = read_chinese("张玉庆與李志強簽訂了《星島大學港灣師範大學戰略合作框架協議》。")
    assert found.parties == ("星島大學", "港灣師範大學")
    found = read_chinese("11月13日，星島市港灣市同城化建設合作框架協議簽字儀式在港灣市會議中心舉行。")
    assert found.parties == ("星島市", "港灣市")
    found = read_chinese("张玉庆與李志強簽署《星島市人民政府港灣市人民政府建立友好城市關係協議》。")
    assert found.parties == ("星島市人民政府", "港灣市人民政府")


@pytest.mark.parametrize("name", ["星島大學醫學院", "港灣省星島市海灣市", "星島特別行政區政府"])
def test_a_body_within_another_is_no_pair(name: str) -> None:
    """A faculty of a university, a city in a province's city: one body, not two."""
    found = read_chinese(f"张玉庆與李志強簽訂了《{name}與海港集團戰略合作協議》。")
    assert found.parties == (name, "海港集團")


def test_a_name_the_tagger_does_not_know_beside_a_person_written_name_then_title() -> None:
    """"A副校長與B校長分別代表雙方簽訂": B, a surname and a given name before a title, is a person
    beside A written the same way, whatever the tagger reads in B."""
    assert not is_person_name("周文山")
    found = read_chinese("张玉庆副校長與周文山校長分別代表雙方正式簽訂了戰略合作框架協議。")
    assert [p.name for p in found.signatories] == ["张玉庆", "周文山"]
    found = read_chinese("周文山校長與张玉庆副校長分別代表雙方簽訂了戰略合作框架協議。")
    assert [p.name for p in found.signatories] == ["周文山", "张玉庆"]


def test_a_ceremony_of_friendship_and_cooperation_names_its_two_cities_and_no_more() -> None:
    """"A與B締結友好城市合作簽約儀式": A and B, then what they did; a name never holds the verb."""
    found = read_chinese("11月3日，星島市與港灣市締結友好城市合作簽約儀式在港灣市舉行。")
    assert found.parties == ("星島市", "港灣市")


def test_a_count_of_a_kind_is_no_party() -> None:
    """"港灣四十六所大學": how many universities of a place, none of them named."""
    found = read_chinese("星島基金會今天與港灣大學聯盟簽署學術交流協議書，今後星島八十所大學院校將以此為"
                         "平台，與港灣四十六所大學簽訂共同研究等子約。")
    assert all("所" not in party for party in found.parties)


def test_what_a_university_is_said_to_be_before_its_name_is_no_part_of_it() -> None:
    found = read_chinese("星島大學校長率團訪問，並與港灣頂尖高校海灣大學及港口大學簽署戰略合作協議。")
    assert "港灣頂尖高校海灣大學" not in found.parties
    assert "海灣大學" in found.parties


def test_a_county_ends_a_name_before_what_the_agreement_is_about() -> None:
    """"A與美國甲州乙郡友好交流合作備忘錄簽約儀式": the county is the party; the friendly exchange
    is what the memorandum is of."""
    found = read_chinese("5月17日，星島新區與美國海灣州港口郡友好交流合作備忘錄簽約儀式舉行。")
    assert found.parties == ("星島新區", "美國海灣州港口郡")
    assert found.instrument == "友好交流合作備忘錄"


def test_who_said_it_of_a_signing_is_not_stated_to_have_signed() -> None:
    """"A表示，與B共同簽署X，是……": A speaks of the signing by A's body, a noun in what A said."""
    found = read_chinese("星島市數碼局局長张玉庆表示，與港灣金管局和海港中心共同簽署《合作備忘錄》，"
                         "是兩地合作的重要舉措。")
    assert found.signatories == ()
    found = read_chinese("星島市數碼局局長张玉庆今天在港灣，與港灣金管局總裁李志強簽署《合作備忘錄》。")
    assert [p.name for p in found.signatories] == ["张玉庆", "李志強"]


def test_a_witness_list_that_opens_with_and_goes_on_from_the_clause_before() -> None:
    """"A參加會見，與B、C出席簽約儀式並見證簽約": A, whom the clause before opens with, witnessed
    with B and C."""
    found = read_chinese("市委常委、常務副市長张玉庆參加會見，與李志強、王小明出席簽約儀式並見證簽約。")
    assert [p.name for p in found.witnesses] == ["张玉庆", "李志強", "王小明"]
    found = read_chinese("副市長张玉庆代表星島市簽署協議，與李志強、王小明出席簽約儀式並見證簽約。")
    assert "张玉庆" not in [p.name for p in found.witnesses]


def test_a_tripartite_instruments_three_sides_are_its_kind() -> None:
    """"簽署三方合作備忘錄": a tripartite memorandum, named so; "雙方" before one is "both sides"."""
    assert read_chinese("星島大學、港灣大學和海灣大學簽署三方合作備忘錄。").instrument == "三方合作備忘錄"
    assert read_chinese("星島大學與港灣大學簽署雙方戰略合作框架協議。").instrument == "戰略合作框架協議"


def test_one_who_congratulates_on_the_signing_itself_did_not_sign() -> None:
    """"A代表X對簽約表示祝賀": A spoke of the signing (nothing between 對 and it); A and X signed
    nothing, and the two who signed later in the text are still read."""
    found = read_chinese("簽約儀式上，陳大文代表星島集團全體職工對簽約表示祝賀。"
                         "最後，副校長王小明與集團總工程師李志強分別代表雙方簽署了戰略合作協議。")
    assert [p.name for p in found.signatories] == ["王小明", "李志強"]
    assert "星島集團全體職工對" not in found.parties


def test_a_group_title_before_the_witnessing_names_no_one() -> None:
    """"兩校高層代表見證": the schools' senior people witnessed, unnamed; 見證 is no one's name."""
    found = read_chinese("簽約儀式由陳大文教授與李志強教授共同主持，兩校高層代表見證。")
    assert found.witnesses == ()


def test_an_association_by_its_kind_alone_is_no_party() -> None:
    """"促进会与X签署": the publisher's own association by its kind, no name; X is still a party, and a
    short form that holds more than the kind ("廠商會") is one too."""
    assert read_chinese("促进会与星岛市商业服务中心签署合作备忘录").parties == ("星岛市商业服务中心",)
    found = read_chinese("廠商會與星島市進出口公會簽訂合作諒解備忘錄")
    assert found.parties == ("廠商會", "星島市進出口公會")


def test_those_who_came_to_the_spot_and_then_witnessed_together() -> None:
    """"A與B亦親臨現場，一同見證": they came in person, and witnessed; the comma parts the two verbs
    of one subject."""
    found = read_chinese("協議由星島科大校長陳大文與港灣醫院院長李志強共同簽署，星島科大董事長王小明與"
                         "董事张玉庆亦親臨現場，一同見證這項合作的重要時刻。")
    assert [p.name for p in found.witnesses] == ["王小明", "张玉庆"]
    assert [p.name for p in found.signatories] == ["陳大文", "李志強"]


def test_one_who_signed_with_another_after_where_by_tong() -> None:
    """"A在X同B簽署": 同 is "with" after where, as 與 is; B signed too."""
    found = read_chinese("会长王大文先生在星岛市同星岛市商业服务中心副主任李小明先生签署了合作备忘录。")
    assert [p.name for p in found.signatories] == ["王大文", "李小明"]


def test_today_with_its_day_inside_the_bracket_is_no_part_of_a_party() -> None:
    facts = read_chinese("甲特別行政區政府與乙市議會今(26日)就設置展館簽署諒解備忘錄，以增進雙方友誼。")
    assert facts.parties == ("甲特別行政區政府", "乙市議會")


def test_a_department_named_by_two_fields_joined_by_and_is_one_party() -> None:
    """公共衛生與健康學院: 與 joins two fields inside a department's name, and the second field's
    department is no party of its own; the writer's own body (本院) before 與 is one side still."""
    facts = read_chinese("1月24日，公共卫生与健康学院与甲生态农业发展集团有限公司签订产学研合作协议。")
    assert facts.parties == ("公共卫生与健康学院", "甲生态农业发展集团有限公司")
    facts = read_chinese("认知与脑科学研究中心与甲大学签署合作协议。")
    assert facts.parties == ("认知与脑科学研究中心", "甲大学")
    assert "健康管理学院" in read_chinese("本院与健康管理学院签署合作协议。").parties


def test_a_name_in_latin_letters_after_its_title_is_known_later_by_the_name_alone() -> None:
    """"副校長Anna Field出席……最後，王某與Anna Field簽署": the name in Latin letters the text gave
    after its title is a name when it stands alone beside another signatory."""
    facts = read_chinese("甲大學副校長王建國、乙大學副校長Anna Field出席儀式。"
                         "最後，在雙方與會人員共同見證下，王建國與Anna Field簽署了兩校合作備忘錄。")
    assert [p.name for p in facts.signatories] == ["王建國", "Anna Field"]


def test_what_a_party_is_to_another_before_its_name_is_no_part_of_it() -> None:
    """"常春藤盟校甲大學醫學院" (a school of a league), "乙中心轄下的丙管理局" (under whose authority
    it is): the party is the name after the description."""
    facts = read_chinese("甲大學醫學院與美國常春藤盟校乙大學醫學院簽署合作協議書。")
    assert facts.parties == ("甲大學醫學院", "乙大學醫學院")
    facts = read_chinese("甲金融管理局与乙国际金融中心辖下的乙金融服务管理局今日签署《合作协议》。")
    assert facts.parties == ("甲金融管理局", "乙金融服务管理局")


def test_a_verb_of_saying_after_a_title_is_no_name() -> None:
    """"高山校長表示": what the president said follows; 表示 is no name the text introduced, and a
    witness written by a name the tagger cannot tell and a title is passed over, the other kept."""
    facts = read_chinese("甲大學校長梅文昌教授出席。高山校長表示，兩校合作基礎深厚。"
                         "在高山校長和梅文昌校長的共同見證下，兩校代表簽署了《甲大學與乙大學合作協議》。")
    assert [p.name for p in facts.witnesses] == ["梅文昌"]


def test_a_countys_head_abroad_is_a_title() -> None:
    """郡長: the head of a county abroad, whose 郡 ends a body's name, is a title as 州長 is."""
    facts = read_chinese("区长吴文城和美国甲州乙郡郡长马克·史密斯共同签署了友好交流合作备忘录。")
    assert [p.name for p in facts.signatories] == ["吴文城", "马克·史密斯"]


def test_two_instruments_of_one_signing_joined_right_after_the_first() -> None:
    """"簽署學術合作備忘錄和學生交換協議": a second instrument after the first's name and a joiner,
    with no acronym between, both signed."""
    found = read_chinese("甲大學與乙大學今天簽署學術合作備忘錄和學生交換協議。", PartialDate(2012, 11, 29))
    assert [a.instrument for a in found.several] == ["學術合作備忘錄", "學生交換協議"]


def test_a_firms_partner_is_a_title() -> None:
    """合夥人: a firm's partner, the title before a signatory's name as 董事長 is."""
    facts = read_chinese("會見後，甲省人民政府與乙集團有限公司簽署戰略合作協議，"
                         "副省長陳大文、乙集團全球合夥人李小明分別代表雙方在協議上簽字。")
    assert [(p.name, p.title) for p in facts.signatories] == [("陳大文", "副省長"),
                                                              ("李小明", "乙集團全球合夥人")]


def test_a_ministry_of_two_fields_is_one_party() -> None:
    """"我国通讯及新闻部与泰国通讯与数码科技部": 及 and 与 between the two fields a ministry is of,
    where the words after the joiner are a department of no place, join nothing; "我国" (our
    country's) is the publisher's, no part of the name. Two ministries each of their own country
    stay two."""
    facts = read_chinese("我国通讯及新闻部与泰国通讯与数码科技部签署谅解备忘录。")
    assert facts.parties == ("通讯及新闻部", "泰国通讯与数码科技部")
    assert read_chinese("香港大學與外交部簽署合作備忘錄。").parties == ("香港大學", "外交部")


def test_a_title_a_name_and_the_title_it_is_called_by() -> None:
    """"我國駐甲國代表王美玲大使與……": a title, the name, then the title the person is called by,
    as a list's whole item."""
    facts = read_chinese("外交部表示，這份備忘錄由我國駐甲國代表王美玲大使與乙協會執行理事李志強"
                         "於本月3日完成簽署。")
    assert [p.name for p in facts.signatories] == ["王美玲", "李志強"]


def test_a_quoted_instrument_right_before_its_signing() -> None:
    """"「甲乙發展合作瞭解備忘錄」完成簽署": the quoted name before the verb is what was signed."""
    facts = read_chinese("外交部7日舉行「甲乙發展合作瞭解備忘錄」完成簽署的宣布茶會。")
    assert facts.instrument == "甲乙發展合作瞭解備忘錄"


def test_a_council_of_representatives_in_a_title_is_no_behalf() -> None:
    """"由A、B、甲鄉民代表會主席C共同簽署": 代表會 (a council of representatives) is in the last
    one's title, not "on behalf of" after the list."""
    facts = read_chinese("由甲鄉長林德建、乙鄉長呂明忠、甲鄉民代表會主席王建國共同簽署協議並互贈紀念品。")
    assert [p.name for p in facts.signatories] == ["林德建", "呂明忠", "王建國"]


def test_a_county_before_a_name_and_its_title_is_no_name() -> None:
    """"苗栗縣鍾東錦縣長": the county, the name, then the title; a word that ends in 縣 (or 市, 省,
    區) is no person's name, whatever the tagger reads in it."""
    assert not is_person_name("苗栗縣")
    facts = read_chinese("苗栗縣鍾東錦縣長、連江縣立法委員陳雪生等人皆到場，共同見證這場簽約。")
    assert [(p.name, p.title) for p in facts.witnesses] == [("鍾東錦", "苗栗縣縣長"),
                                                            ("陳雪生", "連江縣立法委員")]


def test_a_chinese_comma_inside_brackets_ends_no_clause() -> None:
    """"丙大學（University of X，簡稱UX）校長A": the bracket is an aside, its comma no clause's end;
    a university's campus (分校) is the body its head's title names, and what the university is to
    the other ("重點姊妹校") no part of its name."""
    facts = read_chinese("國立甲大學校長王建國與重點姊妹校日本乙大學（Otsu University）校長石橋達朗、"
                         "美國丙大學香檳分校（University of Champaign，簡稱UC）校長Dr. Robert Jones，"
                         "於2024年2月19日共同簽署「三校聯合中心合作備忘錄」。")
    assert [p.name for p in facts.signatories] == ["王建國", "石橋達朗", "Robert Jones"]
    assert facts.parties == ("國立甲大學", "日本乙大學", "美國丙大學香檳分校")


def test_the_publisher_by_its_kind_or_by_we_beside_the_named_party_of_a_ceremony() -> None:
    """"集团公司与B在京举行战略合作签约仪式", "我校与B举行校企合作框架协议签约仪式": the publisher,
    by its kind or by "we", is no name; B, which the text names, is the party."""
    facts = read_chinese("12月9日下午，集团公司与甲创投资产管理有限公司在京举行战略合作签约仪式。")
    assert facts.parties == ("甲创投资产管理有限公司",)
    facts = read_chinese("11月26日上午，我校与江苏甲儿童康教有限公司（以下简称“甲康教”）"
                         "举行校企合作框架协议签约仪式。")
    assert facts.parties == ("江苏甲儿童康教有限公司",)
    assert facts.instrument == "校企合作框架协议"


def test_what_a_university_is_with_de_before_its_name_and_a_venue_after_jia() -> None:
    """"乙國規模最大的公立大學乙國共和國大學" is the university by its name; "10日假甲大校園簽署":
    假 ("at") opens the venue, which is no part of the name."""
    facts = read_chinese("香港甲大學與乙國規模最大的公立大學乙國共和國大學10日假甲大校園簽署合作備忘錄。")
    assert "乙國共和國大學" in facts.parties
    assert not any("校園" in party or "規模" in party for party in facts.parties)
    # (假期, a holiday, in a name is no "at")
    facts = read_chinese("甲天天假期旅行社與乙集團簽署合作框架協議。")
    assert facts.parties == ("甲天天假期旅行社", "乙集團")


def test_a_long_foreign_name_without_an_interpunct_after_a_title() -> None:
    """"執行秘書阿里沙赫巴納": five to seven characters of transliteration after a title are a
    foreign name, written with no interpunct."""
    facts = read_chinese("外交部副部長馬朝旭同亞太經社會執行秘書阿里沙赫巴納在上海續簽《諒解備忘錄》。")
    assert [p.name for p in facts.signatories] == ["馬朝旭", "阿里沙赫巴納"]


def test_those_who_attended_the_signing_or_the_meeting_are_no_parties() -> None:
    """"省領導A、B，以及有關部門負責同志參加簽約或會見": they attended the signing, or the meeting."""
    facts = read_chinese("4月21日，甲省人民政府與乙集團在成都簽署戰略合作協議。"
                         "省領導陳大文、李小明，以及省直有關部門負責同志參加簽約或會見。")
    assert facts.parties == ("甲省人民政府", "乙集團")


def test_a_papers_byline_in_lenticular_brackets_is_no_part_of_the_subject() -> None:
    """"【勁報／記者甲／臺南報導】A與B今（26）日簽署": the byline is the paper's, A the party."""
    facts = read_chinese("【勁報／記者于郁金／臺南報導】甲應用科技大學與乙工程顧問公司今（26）日"
                         "簽署「產學合作備忘錄」。")
    assert facts.parties == ("甲應用科技大學", "乙工程顧問公司")


def test_those_who_held_talks_and_witnessed_the_signing() -> None:
    """"A與B會談并見證簽約": they held talks, and both witnessed the signing."""
    facts = read_chinese("集團董事長張大文與乙集團首席執行官周小明會談并見證簽約。")
    assert [p.name for p in facts.witnesses] == ["張大文", "周小明"]


def test_a_citys_leaders_before_their_names_witnessed() -> None:
    """"甲市领导A、B，及乙市领导C见证了协议的签署": 领导 (leader) is a title before a name; 领导人,
    the leaders as a kind, names no one."""
    facts = read_chinese("昨日上午，甲市与乙市缔结友好城市关系。"
                         "甲市领导陈大文、郑小明，及乙市领导郝建国见证了协议的签署。")
    assert [p.name for p in facts.witnesses] == ["陈大文", "郑小明", "郝建国"]
    assert not read_chinese("在两国领导人见证下，甲部与乙部签署合作备忘录。").witnesses


def test_those_who_attended_the_talks_and_the_signing_are_no_parties() -> None:
    """"市領導A、B參加會談及簽約": they attended the talks and the signing; neither is a party."""
    facts = read_chinese("15日，甲市與乙市簽訂了友好交流與合作備忘錄。市領導姜大文、張小華參加會談及簽約。")
    assert not any("姜大文" in party or "張小華" in party for party in facts.parties)


def test_two_heads_by_their_schools_title_after_the_list() -> None:
    """"由A與B兩校校長代表共同簽署": two heads of the two schools, each name the joiner parts; "由"
    (by) opens no party's name."""
    facts = read_chinese("甲科技大學與乙大學為加強合作，由覺文郁與薛富盛兩校校長代表共同簽署合作協議書。")
    assert [(p.name, p.title) for p in facts.signatories] == [("覺文郁", "校長"), ("薛富盛", "校長")]
    assert read_chinese("由甲大學與乙大學兩校共同簽署合作協議書。").parties == ("甲大學", "乙大學")


def test_the_two_who_held_talks_then_signed_as_both_sides() -> None:
    """"A與來參加X的B舉行會談，雙方代表兩市政府簽訂了Y": the two who met signed it."""
    facts = read_chinese("15日，甲市市長石大文與來參加洽談會的乙國丙市市長埃馬諾舉行會談，"
                         "雙方代表兩市政府簽訂了合作備忘錄。")
    assert [p.name for p in facts.signatories] == ["石大文", "埃馬諾"]


def test_names_after_a_shared_title_are_names() -> None:
    """"甲市领导A、B、C": one title for several, the names after the first alone, each opening with a
    surname (郑国强, which the tagger does not read as a name; 国 inside it ends no body)."""
    facts = read_chinese("昨日上午，甲市与乙市缔结友好城市关系。"
                         "甲市领导陈开枝、郑国强、苏泽群，及乙市领导郝建国见证了协议的签署。")
    assert [p.name for p in facts.witnesses] == ["陈开枝", "郑国强", "苏泽群", "郝建国"]


def test_those_who_held_a_discussion_with_guests_and_witnessed() -> None:
    """"A，B與企業方來賓一行座談並見證簽約": A and B held a discussion with the guests, and witnessed;
    the guests, unnamed, are no one."""
    facts = read_chinese("5月24日，甲市與乙公司舉行合作協議簽約儀式。"
                         "市委副書記苑大文，市委常委、副市長張小榮與企業方來賓一行座談並見證簽約。")
    assert [p.name for p in facts.witnesses] == ["苑大文", "張小榮"]


def test_one_who_signed_with_the_unnamed_heads_of_bodies() -> None:
    """"A分別與B、C、D有關負責同志，代表雙方簽署": A signed with the bodies' heads, whom the text does
    not name; the bodies are parties."""
    facts = read_chinese("簽署儀式上，在王大文、單小明共同見證下，施小琳分別與甲工業集團、乙電子集團、"
                         "丙發動機集團有關負責同志，代表雙方簽署戰略合作協議。")
    assert [p.name for p in facts.signatories] == ["施小琳"]
    assert facts.parties == ("甲工業集團", "乙電子集團", "丙發動機集團")


def test_a_countys_townships_are_whole_names() -> None:
    """"甲縣乙鄉與丙縣丁市16日簽署X，成為甲縣與丙縣史上首度締結的姊妹市": the township and the city
    are the parties; what they became (成為) is no signing's subject."""
    facts = read_chinese("嘉義縣竹崎鄉與佐賀縣嬉野市16日正式簽署友好交流協定，"
                         "成為嘉義縣與佐賀縣史上首度締結的姊妹市。")
    assert facts.parties == ("嘉義縣竹崎鄉", "佐賀縣嬉野市")


def test_the_two_bound_before_then_signed_as_both_sides() -> None:
    """"A今年與B締盟滿30周年，雙方今天也簽署X": the two bodies of the clause before are X's parties."""
    facts = read_chinese("石垣市今年與宜蘭縣蘇澳鎮締盟滿30周年，雙方今天也簽署災害應變國際合作協定。")
    assert facts.parties == ("石垣市", "宜蘭縣蘇澳鎮")


def test_guests_who_witnessed_listed_without_a_colon() -> None:
    """"出席見證貴賓包括A、B、丙町代表及D等人，……": the guests who witnessed; one named by a title
    alone is no one the text names."""
    facts = read_chinese("甲鄉與乙市16日正式簽署友好交流協定。出席見證貴賓包括議員聯盟會長石井秀夫、"
                         "鹿島市長松尾勝利、太良町代表及辦事處處長陳銘俊等人，氣氛熱烈友好。")
    assert [p.name for p in facts.witnesses] == ["石井秀夫", "松尾勝利", "陳銘俊"]


def test_a_long_list_of_signers_by_whom_and_the_guests_who_witnessed() -> None:
    """"備忘錄由A、B、……及H等分別代表簽署，I、J及丙部代表等人應邀見證觀禮": eight signers, each with
    the body in the title; the witnesses less one named only by a title."""
    facts = read_chinese(
        "甲國與乙國今（23）日簽署六項合作備忘錄。備忘錄由我國駐乙國代表柯良叡、乙國駐甲代表史坦格、"
        "國立故宮博物院副院長黃永泰、國立台灣博物館館長洪世佑、國立政治大學國際事務學院院長連弘宜、"
        "國立中山大學社會科學院副院長莊雪華、國家博物館館長盧卡其及查理大學社會科學院代表梅斯齊等分別代表簽署，"
        "國發會副主委高仙桂、國科會副主委林敏聰及文化部代表等人應邀見證觀禮。")
    assert [p.name for p in facts.signatories] == ["柯良叡", "史坦格", "黃永泰", "洪世佑", "連弘宜", "莊雪華",
                                                   "盧卡其", "梅斯齊"]
    assert [p.name for p in facts.witnesses] == ["高仙桂", "林敏聰"]


def test_who_received_a_delegation_is_not_said_to_have_signed() -> None:
    """"A代表團到訪B，獲該校校長C等熱情接待，雙方簽署X": C received them (獲, passive); and "雙方就簽署X
    達成共識": a signing agreed on, not made."""
    assert not read_chinese("甲大代表團到訪乙國家大學，獲該校校長Le Quan等代表熱情接待，"
                            "雙方簽署學生交換協議和合作備忘錄。").signatories
    assert not read_chinese("代表團亦到訪丙科技大學，宋大文與該校校長Huynh Quyet Thang等代表舉行工作會議，"
                            "雙方就簽署合作備忘錄、開展師生交流等達成共識。").signatories


def test_a_ministry_of_two_fields_in_a_known_title_and_a_ministers_shared_character() -> None:
    """"X國貿易及觀光部部長B": one ministry of two fields, whose minister signed by name alone later;
    "經濟部長A": the ministry's 部 is the first of its minister's 部長."""
    facts = read_chinese("索馬利蘭貿易及觀光部部長薩德（Saad）應政府邀請訪問台灣。"
                         "經濟部長王美花今天和薩德簽署MOU。")
    assert [(p.name, p.title) for p in facts.signatories] == [("王美花", "經濟部長"),
                                                              ("薩德", "索馬利蘭貿易及觀光部部長")]
    assert "經濟部" in facts.parties and "觀光部" not in facts.parties


def test_each_titled_signer_in_a_clause_of_their_own() -> None:
    """"甲區委副書記、代區長A，乙市委副書記、市政府代市長B，丙市市長C分別代表各自政府簽字": three
    signers, one clause each; 區委 after the district's name is no person's title, and "各自政府" (each
    its own government) no party."""
    facts = read_chinese("石景山区委副书记、代区长夏林茂，满洲里市委副书记、市政府代市长李才，"
                         "赤塔市市长米哈廖夫分别代表各自政府在协议上签字。")
    assert [p.name for p in facts.signatories] == ["夏林茂", "李才", "米哈廖夫"]
    assert "各自政府" not in facts.parties


def test_a_list_of_pairs_of_places_with_a_league_and_a_long_county() -> None:
    """"A与B、C与D、E与F等签署": each pair's places, a league of an autonomous region and a county in
    a city in a province among them; 等 (and others) after the last is none of its name."""
    facts = read_chinese("大会上，内蒙古自治区兴安盟与蒙古国东方省、黑龙江省大庆市与韩国忠清北道忠州市、"
                         "云南省玉溪市元江县与老挝万象省万荣县等签署了建立友好城市关系协议书。")
    assert facts.parties == ("内蒙古自治区兴安盟", "蒙古国东方省", "黑龙江省大庆市", "韩国忠清北道忠州市",
                             "云南省玉溪市元江县", "老挝万象省万荣县")


def test_each_in_turn_is_no_name_and_pairs_signed_with_each_other() -> None:
    """"見證雙方產、官、學代表分別簽署": 分別 (each) after 代表 is no name; "見證A與B、C與D，彼此簽署":
    the pairs signed with each other, an office (辦事處) among them."""
    assert not read_chinese("會中見證雙方產、官、學代表分別簽署三項合作備忘錄。").signatories
    facts = read_chinese("甲部長應邀出席論壇，見證甲大學與乙大學、我國駐芝加哥辦事處與密西根州經濟發展局，"
                         "彼此簽署兩項合作備忘錄。")
    assert set(facts.parties) == {"甲大學", "乙大學", "駐芝加哥辦事處", "密西根州經濟發展局"}


def test_a_proposed_partys_words_that_no_bodys_name_holds() -> None:
    """The last check on every reading: a verb of attending or becoming, "and also", a byline's
    brackets, "in history", a name after a leaders' word or "and others" after it, a person, or two
    bodies joined is no body's name; a body's own name passes (高等 is "higher", no "and others"; a
    joiner between fields, or after a place, is inside a name)."""
    from mouarchive.importer.chinese import _well_formed

    for words in ("張桂華參加會談及", "成為嘉義縣", "李文清以及省直有關部門",
                  "【勁報／記者】台南應用科技大學", "佐賀縣史上首度", "市領導姜明", "老挝万象省万荣县等",
                  # (a person by title and name; two bodies a list was not parted between)
                  "甲集團公司董事長張大明", "甲科技有限公司與乙控股有限公司", "甲大學與乙市人民政府",
                  # (a title at its end, a number, the signing's words)
                  "甲市投資促進局局長", "2024甲市", "甲大學簽約儀式",
                  # (the heads of central enterprises, cut before their 人)
                  "央企负责", "甲集團負責",
                  # ("this time", "invited of its own accord", "to carry out")
                  "這次省廳", "主動邀請甲市政府", "為落實中央政府",
                  # (an alliance's anniversary, "each carried out", "also")
                  "甲縣議會締盟十週年", "甲科技有限公司等分别进行了", "甲市还",
                  # ("co-building", "the three places'")
                  "甲镇党建共建到与乙区", "丙市三地的臺辦"):
        assert not _well_formed(words), words
    for words in ("嘉義縣竹崎鄉", "香港高等教育科技學院", "駐芝加哥辦事處", "商務及經濟發展局",
                  "創新科技及工業局",
                  "中國與葡語國家經貿合作論壇常設秘書處", "公共卫生与健康学院", "中华人民共和国外交部",
                  # (a military unit's number)
                  "中国人民解放军94755部队卫生所"):
        assert _well_formed(words), words


def test_a_name_the_tagger_reads_as_one_plain_word_is_none() -> None:
    """The last check on the people every reading proposes: a word the tagger reads as an adverb,
    a verb, a conjunction or a time word is no name ("分別", "共同", "出席", "今日"); names pass."""
    from mouarchive.importer.zh_names import one_plain_word

    assert all(one_plain_word(w) for w in ("分別", "分别", "共同", "一同", "出席", "其中", "同時", "今日"))
    assert not any(one_plain_word(w) for w in ("王毅", "李家超", "高松", "塞西", "陳茂波"))


def test_a_signing_verb_that_ends_a_quotation_names_an_occasion() -> None:
    """"B在“云签约”仪式上致辞": a speaker at the "cloud signing" ceremony signed nothing; the verb
    outside quotation marks still says who signed."""
    text = ("5月18日，甲区人民政府与乙区人民政府签署战略合作协议。广州市委常委、南沙区委书记卢一先在“云签约”"
            "仪式上致辞说，两区优势特色鲜明。")
    found = read_chinese(text)
    assert found.parties == ("甲区人民政府", "乙区人民政府") and found.signatories == ()
    found = read_chinese("甲區政府與乙區政府簽署合作協議，區長卢一先與區長王大文代表雙方簽約。")
    assert [p.name for p in found.signatories] == ["卢一先", "王大文"]


@pytest.mark.parametrize("text", [
    "甲大學重視產學合作。今（25）日與乙商業會舉行「產學合作意向書」簽約儀式，由校長A與理事長B代表簽約。",
    "甲大學重視產學合作。今日與乙商業會舉行“產學合作意向書”簽約儀式。",
])
def test_an_instrument_quoted_in_a_ceremonys_name_with_the_subject_before(text: str) -> None:
    """"今（25）日與B舉行「X」簽約儀式": the sentence's subject is the sentence before's; the day,
    B, and the instrument in quotation marks, are the ceremony's. (商業會, a chamber, ends a body's name.)"""
    found = read_chinese(text)
    assert found.instrument == "產學合作意向書" and "乙商業會" in found.parties


def test_who_attended_the_signing_signed_nothing() -> None:
    """"A，市领导B、C等出席签约活动": they attended the signing event; who signed, the text does not say."""
    found = read_chinese("1月5日下午，甲市政府与乙集团有限公司签署战略合作协议。"
                         "乙集团总经理张兆祥，市领导吕业升、梁维东等出席签约活动。")
    assert found.parties == ("甲市政府", "乙集团有限公司") and found.signatories == ()


def test_what_a_ceremony_is_about_is_no_side_without_a_day_before() -> None:
    """"A與B在X舉行新型城鎮化建設與產業轉型升級全面戰略合作協議簽約儀式": 與 inside what it is about
    joins no side; only a day's words may stand before a 與 whose subject the sentence left out."""
    found = read_chinese("2日上午，甲市與乙建設股份有限公司（下稱「乙建」）在甲市迎賓館舉行"
                         "新型城鎮化建設與產業轉型升級全面戰略合作協議簽約儀式。")
    assert "產業轉型升級全面" not in found.parties


def test_who_presided_over_the_signing_signed_nothing() -> None:
    """"A和B代表雙方主持簽訂協議書儀式": they presided over the signing ceremony; who signed, the text
    does not say."""
    found = read_chinese("甲商會與乙貿促會簽訂合作協議書。甲商會會長李大文和乙貿促會會長黃國明"
                         "代表雙方主持簽訂協議書儀式。")
    assert found.signatories == ()
    found = read_chinese("甲商會與乙貿促會簽訂合作協議書，甲商會會長李大文和乙貿促會會長黃國明"
                         "代表雙方簽訂協議書。")
    assert [p.name for p in found.signatories] == ["李大文", "黃國明"]


def test_the_sides_of_a_ceremony_held_on_a_day_at_a_venue() -> None:
    """"A與B11日於X舉行Y簽署儀式": the day between the sides and where they held it is neither."""
    found = read_chinese("甲縣政府與乙市政府11日於乙市君悅酒店舉行合作備忘錄簽署儀式，"
                         "由甲縣長王大文與乙市長李小明正式簽署。")
    assert found.parties == ("甲縣政府", "乙市政府") and found.instrument == "合作備忘錄"


def test_museums_and_a_cooperations_fields_at_length_before_the_ceremony() -> None:
    """"A與B、C博物館在X舉行文化創意產品開發及相關領域全面戰略合作簽約儀式": a museum ends a body's name,
    and the fields of the cooperation, two joined by 及, are none of the last one's."""
    found = read_chinese("4月20日下午，甲市魯迅博物館與乙文物交流中心、丙省博物館在丁樓舉行"
                         "文化創意產品開發及相關領域全面戰略合作簽約儀式。")
    assert found.parties == ("甲市魯迅博物館", "乙文物交流中心", "丙省博物館")


def test_a_proposed_persons_words_that_no_name_holds() -> None:
    """The last check on the people every reading proposes: a double surname alone ("令狐大使"), an
    instrument's, a signing's or a congratulation's words ("祝贺协议") are no name; names pass."""
    from mouarchive.importer.chinese import _a_name

    assert not any(_a_name(w) for w in ("令狐", "歐陽", "祝贺协议", "簽署", "分別"))
    assert all(_a_name(w) for w in ("令狐大文", "歐陽明", "王毅", "陳茂波", "塞西"))


def test_witnesses_who_all_came_too_beside_a_group_named_by_no_one() -> None:
    """"副縣長A、秘書長B及縣府各局處首長也都到場共同見證": A and B witnessed; the heads of each bureau
    are a group the text names no one of, and 也都 (all, too) comes before they came."""
    found = read_chinese("甲縣府與乙大學簽署合作意向書，"
                         "副縣長林皆興、秘書長蔡淇賢及縣府各局處首長也都到場共同見證。")
    assert [p.name for p in found.witnesses] == ["林皆興", "蔡淇賢"]


def test_a_proposed_persons_words_are_no_bodys_and_no_half_of_a_title() -> None:
    """"示范区管委会" is a committee, and "華碩共同執行長胡書賓" a co-chief executive's name, not
    "華碩共": a person's words never end in a body's word of two characters or more, nor in 共;
    a name ending in 國, one character, passes."""
    from mouarchive.importer.chinese import _a_name

    assert not any(_a_name(w) for w in ("管委会", "華碩共", "星港集團"))
    assert all(_a_name(w) for w in ("王利國", "王树国", "胡書賓"))


@pytest.mark.parametrize("name", ["根据星港市政府", "即星港大學", "星港市集中", "■劉海", "崔世安舉杯慶祝"])
def test_words_that_no_bodys_name_holds(name: str) -> None:
    """According to, namely, all at once, a caption's bullet, a toast: no body's words."""
    from mouarchive.importer.chinese import _well_formed

    assert not _well_formed(name)
    assert _well_formed("星港市政府")


def test_what_an_instrument_is_about_in_quotation_marks_before_its_word() -> None:
    """"签订“专科医疗联合体”协议书": the quoted subject and the instrument's word, not 协议书 alone."""
    found = read_chinese("2021年10月21日下午，甲市第二人民医院与乙医专第一附属医院"
                         "签订“专科医疗联合体”协议书。")
    assert found.instrument == "“专科医疗联合体”协议书"


def test_a_quoted_instrument_with_its_acronym_inside_the_quotation_marks() -> None:
    """"簽署「AI應用合作備忘錄（MOU）」": the quoted name, its acronym in brackets before the closing mark."""
    found = read_chinese("星港市政府數位發展局4日與月浦電子簽署「AI應用合作備忘錄（MOU）」。")
    assert found.instrument == "AI應用合作備忘錄"


@pytest.mark.parametrize(("described", "name"), [
    ("科技大廠月浦電子", "月浦電子"), ("半導體巨頭星港公司", "星港公司"), ("龍頭企業星港集團", "星港集團"),
    ("大厂回族自治县", "大厂回族自治县"),  # (a county's name: no trade's word before 大厂)
])
def test_what_a_company_is_before_its_name_is_no_part_of_it(described: str, name: str) -> None:
    from mouarchive.importer.chinese import _undescribed

    assert _undescribed(described) == name


@pytest.mark.parametrize("name", ["國內的星港大學", "星港国际网络有限公司以云", "会后星港", "會上月浦市政府"])
def test_of_by_means_of_and_the_meetings_words_are_in_no_bodys_name(name: str) -> None:
    """的 (of) is in no body's name of the corpus's labels; "公司以" is a company's "by means of"; 会后
    and 會上 (after the meeting, at it) open a sentence, not a name."""
    from mouarchive.importer.chinese import _well_formed

    assert not _well_formed(name)
    assert _well_formed("以色列創新局")  # (以 of 以色列, Israel, stays)


def test_a_ministry_of_two_fields_joined_by_and_is_one_body() -> None:
    """"國家工業和信息化部中小企業發展促進中心": MIIT's name joins its two fields by 和, whatever the
    tagger reads there."""
    found = read_chinese("星港生產力促進局與國家工業和信息化部中小企業發展促進中心今日簽署戰略合作框架協議。")
    assert found.parties == ("星港生產力促進局", "國家工業和信息化部中小企業發展促進中心")


def test_a_name_ending_in_and_before_another_joiner_keeps_it() -> None:
    """"副市长戴邦和与乙公司副总经理张汉良": 和 right before 与 is the name's; "阮双琛和与会代表": 与会 is
    attending, so that 和 joins."""
    found = read_chinese("副市长戴邦和与星港公司副总经理张汉良代表双方签约。")
    assert [p.name for p in found.signatories] == ["戴邦和", "张汉良"]
    found = read_chinese("在罗莉、郭立宏、阮双琛和与会代表的共同见证下，常江和徐刚代表双方签署合作协议。")
    assert "阮双琛" in [p.name for p in found.witnesses]


def test_a_second_posts_concurrently_opens_no_name() -> None:
    from mouarchive.importer.chinese import _a_name

    assert not _a_name("兼機械")


def test_a_form_is_no_place() -> None:
    """"以綫上形式簽署": online, in the form of, is no place."""
    from mouarchive.importer.places import _DOINGS

    assert _DOINGS.search("綫形式") and not _DOINGS.search("星港大學")


def test_names_with_no_title_each_acting_for_one_of_as_many_bodies() -> None:
    """"A、B分别代表甲、乙签署": as many names as bodies, the tagger knowing one of them (张德华 it
    reads otherwise), each acting for the body in the same place; a list of another length is none."""
    found = read_chinese("王大文、张德华分别代表星港大学、月湾市人民政府签署协议。")
    assert found.parties == ("星港大学", "月湾市人民政府")
    assert [(p.name, p.title) for p in found.signatories] == [
        ("王大文", "星港大学代表"), ("张德华", "月湾市人民政府代表")]
    found = read_chinese("王大文、张德华、李志强分别代表星港大学、月湾市人民政府签署协议。")
    assert found.signatories == ()


def test_a_body_by_its_short_name_then_a_name_right_before_the_title() -> None:
    """"中国信保王廷科总经理": 王廷科, the general manager of 中国信保, not 信保王 of 中国 with 廷科总经理 for
    a title."""
    from mouarchive.importer.chinese import _name_then_title

    assert _name_then_title("中国信保王廷科总经理") == ChinesePerson("王廷科", "中国信保总经理")


def test_a_person_whose_name_ends_in_a_countrys_word_is_no_party() -> None:
    """"陳建國與王大文簽署了《…》": 陳建國 is a person, whose name ends in 國; the parties are the
    title's."""
    found = read_chinese("陳建國與王大文簽署了《星港局與月灣署合作協議》。")
    assert found.parties == ("星港局", "月灣署")
    assert read_chinese("泰國與中國簽署了合作協議。").parties == ("泰國", "中國")


def test_a_farms_head() -> None:
    found = read_chinese("月灣農場場長王大文與星港大學農學院院長李志強簽署備忘錄。")
    assert [p.name for p in found.signatories] == ["王大文", "李志強"]


def test_a_generals_rank_after_the_name_ends_it() -> None:
    """"主任陳明進中將見證下": 中將, a lieutenant general's rank, is written after the name."""
    found = read_chinese("備忘錄在星港警務處處長周一鳴和月灣公安部主任陳明進中將見證下，"
                         "由王大文與李志強簽署。")
    assert [p.name for p in found.witnesses] == ["周一鳴", "陳明進"]


def test_a_ministrys_centre_whose_head_signed_is_the_body() -> None:
    """"生態環境部國家海洋環境監測中心主任": the centre's director, the centre the party; not the
    ministry above it (as "衛生福利部苗栗醫院院長" gives the hospital)."""
    from mouarchive.importer.chinese import title_organisation

    assert title_organisation("星港環境部月灣海洋監測中心主任") == "星港環境部月灣海洋監測中心"
    assert title_organisation("星港部部長") == "星港部"


@pytest.mark.parametrize("name", ["瑪努艾‧安東尼奧‧席爾瓦", "胡戈.費格雷多", "阿靈頓．羅伯特",
                                  "安東尼·布林肯"])
def test_a_transliterated_name_joined_by_any_of_the_dots_pages_use(name: str) -> None:
    found = read_chinese(f"協議由星港電視公司主席白文浩與月灣國家電視台董事{name}代表雙方簽署。")
    assert [p.name for p in found.signatories] == ["白文浩", name]


def test_the_two_who_held_talks_and_then_together_witnessed() -> None:
    """"A與B舉行會談，並共同見證簽約": both, with no one named beside them after 並."""
    found = read_chinese("星港集团董事长王大文与月湾市委书记李志强举行会谈，并共同见证签约。")
    assert [p.name for p in found.witnesses] == ["王大文", "李志强"]
