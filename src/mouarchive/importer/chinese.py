"""Chinese releases: who signed (簽署 / 签署) and who witnessed (見證 / 见证), each with the title
written before the name, the parties (分別代表 ..., A與B簽署, the 《》 title), and the instrument.

Chinese writes a title and a name with no space between them ("行政長官何厚鏵"), so a person is
read as a title that ends in a word of office (長官, 秘書長, 總裁 ...) followed by two to four
characters of name; words without such a title are never taken for a person.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from ..model import PartialDate
from .dates import ZH_CANDIDATE
from .earlier import looks_back
from .lexicon import ZH_INSTRUMENT_WORD, ZH_SIGN, ZH_SIGN_WORD, ZH_WEEKDAY, ZH_WHEN, words
from .zh_names import (
    LONG_TRANSLITERATED,
    TRANSLITERATED,
    ends_in_common_word,
    ends_in_proper_name,
    has_proper_name,
    holds_place,
    is_person_name,
    one_plain_word,
    surname_first,
    word_bounds,
)

_SIGN = ZH_SIGN
_WITNESS = r"(?:見證|见证)"
# Came to it, before witnessing: in person (親臨), graciously (蒞臨), to the scene (到場).
_CAME = r"(?:蒞臨|莅临|親臨|亲临|到場|到场)"
# The last words of a title: a person's name follows them.
_TITLE_END = (r"(?:長官|长官|秘書長|秘书长|司長|司长|局長|局长|部長|部长|署長|署长|處長|处长|主席|總裁|总裁|"
              r"主任|書記|书记|代表|院長|院长|校長|校长|省長|省长|市長|市长|區長|区长|大使|總監|总监|經理|经理|"
              r"董事長|董事长|理事長|理事长|監事長|监事长|會長|会长|所長|所长|"
              # (a bank's head, 行長: not 銀行長春分行, a bank's Changchun branch)
              r"(?<![銀银])行長|(?<![銀银])行长|專員|专员|首席執行官|首席执行官|議員|"
              # (the speaker of a legislature or council: "縣議會議長山田一郎")
              r"議長|议长|"
              # (a committee, 委員會 / 常委會, is a body: "黨委常委會秘書" is its secretary, no name
              # after 常委)
              r"议员|教授|總領事|总领事|領事|领事|大臣|知事|委員(?![會会])|委员(?![會会])|常委(?![會会])|"
              r"總理|总理|廳長|厅长|主管|總編輯|总编辑|"
              # (首席聯絡官 is an officer, not 官員, officials)
              # (nor 官學, 官產學: government and academia)
              r"院士|召集人|發言人|发言人|特首|負責人|负责人|官(?![員员學学產产民方])|"
              # (heads of state and of government abroad: "埃及總統塞西", "馬來西亞首相安華"; not the
              # president's office, "總統府新聞局")
              r"總統(?!府)|总统(?!府)|首相(?!府)|"
              # (a foreign minister, short: "索國外長穆雅辛"; in Japan's and Korea's word, "朝鲜副外相朴某")
              r"外長|外长|外相|"
              # (the heads of a customs, a press, a museum, a team ...: 關長, 社長, 館長, 團長;
              # 幹事 of 執行幹事 and 總幹事; a county's abroad, 郡長, as its 郡 ends a body's name)
              r"[關关社館馆團团站科組组隊队州縣县鎮镇町郡][長长]|"
              # (a township's head, 鄉長: not 家鄉長大, grown up in one's home town)
              r"[鄉乡][長长](?![期久遠远足效大])|"
              # (a farm's, a ground's or an airport's head, 場長: not 市場長期, the market in the long run)
              r"[場场][長长](?![期久遠远足效大廊])|"
              # (a broadcaster's head, 台長: not 平台長期, a platform for long; a vice minister in
              # Taiwan, 政務次長: not 多次長期)
              r"[台次][長长](?![期久遠远足效])|幹事|干事|董事(?![會会局長长])|理事(?![會会長长])|"
              # (Taiwan's: 副主委, a council's deputy chair; 主任秘書, a chief secretary)
              r"主委|秘書(?![長长處处])|秘书(?![長长處处])|"
              # (ranks of the civil service and of a mission: 一級巡視員, 參贊, 特派員, 總工程師)
              r"巡視員|巡视员|調研員|调研员|參贊|参赞|特派員|特派员|總經濟師|总经济师|總工程師|总工程师|總會計師|总会计师|"
              # (an assistant to one: 總裁助理, 部長助理)
              r"助理|"
              # (a member of a party group or a team: 黨組成員, 小組成員)
              r"(?<=[組组])(?:成員|成员)|"
              # (a firm's partner and a founder: 全球合夥人, 創辦人; Taiwan's chief executive and a
              # university's deans: 執行長, 教務長, 研發長)
              r"合夥人|合伙人|創辦人|创办人|創始人|创始人|執行長|执行长|教務長|教务长|學務長|学务长|"
              r"研發長|研发长|"
              # (a city's or a province's leaders, before their names: "廣州市領導陳某、鄭某"; not the
              # leaders as a kind, 領導人, 領導小組, nor "在領導的見證下")
              r"領導(?!人|小組|小组|班子|幹部|干部|下|的|和|與|与)|领导(?!人|小組|小组|班子|幹部|干部|下|的|和|與|与))")
# Two to four characters, or a name in Latin letters ("Fahad M. Alhashem") in a Chinese text.
# (Latin letters with their accents: "Luís Ferreira", "António Cruz")
# (no name holds a meeting's words: "經貿部長會議期間" is when, after 部長, not who; nor 助理, an
# assistant's title: "總裁助理")
# (nor the witnessing: "在兩國總理見證下" is who witnessed, no name after 總理)
# (nor how they signed: "由甲醫院郭某院長正式簽訂" is formally, no name after 院長)
# (々 repeats the character before it in a Japanese name: "佐々木")
# (nor opens with 與, a joiner and no surname: "甲市長與劉鄉長" is two people)
_LATIN_NAME = r"[A-ZÀ-Þ][A-Za-zÀ-ɏ.'’-]*(?: [A-ZÀ-Þ][A-Za-zÀ-ɏ.'’-]*){0,3}"
_NAME = (rf"(?:(?![與与])(?:(?!期間|期间|會議|会议|儀式|仪式|助理|見證|见证|正式|親自|亲自|分別|分别)"
         rf"[\u4e00-\u9fff·々]){{2,4}}?|"
         rf"{TRANSLITERATED}|{LONG_TRANSLITERATED}|{_LATIN_NAME})")
_LATIN_HONORIFIC = r"(?:(?:Dra?|Mrs?|Ms|Prof)\.?\s+)?"  # "委員Dra. Teresa Ribeiro": the name without it
# What is written after a name: an honorific, a degree, or a rank ("趙玉沛院士": an academician; "陳明進中將":
# a general).
_AFTER_NAME = r"(?:先生|女士|博士|教授|勳爵|勋爵|爵士|醫生|医生|院士|[上中少][將将])"
# ("代表團訪京": 代表 opens a delegation's name, not a representative's)
_PERSON = re.compile(rf"(?P<title>.*?{_TITLE_END})(?![團团處处])"
                     rf"{_LATIN_HONORIFIC}(?P<name>{_NAME}){_AFTER_NAME}?|"
                     rf"(?P<title2>[^、，。]*?)(?P<name2>[\u4e00-\u9fff]{{2,3}}?){_AFTER_NAME}")
# A name, then the title it is called by: "吳宏斌會長" (the name a person's by the tagger).
# ("李家超行政長官", "陳剛書記", "劉煉廳長": any title, a few words before its last)
# ("李某副院長": a deputy's 副 opens the title, and ends no name)
# ("石景山區委副書記": a district's party committee, 區委, after its name, is no person's title)
_NAME_THEN_TITLE = re.compile(rf"(?![\u4e00-\u9fff]{{0,3}}[區区市省縣县州]委)"
                              rf"(?P<name>[\u4e00-\u9fff]{{2,3}})(?<!副)"
                              rf"(?P<title>[\u4e00-\u9fff]{{0,4}}?{_TITLE_END})")
# What one says with ("邵軍表示", "高松校長指出"): a verb after a name or a title, never a name.
_SAYING_VERB = r"(?:表示|指出|稱|称|說|说|強調|强调)"
# A name the text gave with its title before, and now alone: "王靈桂、馮玲和卓永興在場見證".
# ("代表兩校共同": both schools, no name; nor 雙方, 各方, 本校 ...)
# (no name is the verb after a group's title: "兩校高層代表見證" is who witnessed, unnamed)
_TITLED = re.compile(rf"(?P<title>[\u4e00-\u9fff]{{0,20}}?{_TITLE_END})"
                     rf"(?![兩两雙双各本我該该](?:校|院|地|方|國|国|市|省|會|会))(?!{_WITNESS}|{_SIGN}|{_SAYING_VERB})"
                     # ("副校長Guillaume Richard": a name in Latin letters after its title, too)
                     rf"(?P<name>[\u4e00-\u9fff]{{2,3}}|{_LATIN_NAME}(?![A-Za-z]))"
                     # ("副市長傅志峰等參加": 等 closes a list after the name)
                     rf"(?=[、，。和與与及（(在今昨於于等]|{_AFTER_NAME}|舉行|举行|會面|会面|會見|会见|出席|"
                     rf"表示|指出|率領|率领|主持|致辭|致辞|"
                     # ("會見甲銀行行長A一行": A and the party with A)
                     rf"一行|"
                     # ("外交部長A透過視訊致詞", "外長B共同主持", "B說")
                     rf"透過|透过|共同|一同|說|说|$)")
# The last words of an organisation's name.
# (銀行業, banking, is a field and no bank: "中國銀行業監督管理委員會")
_ORG_END = (r"(?:局|部|委員會|委员会|大學|大学|學院|学院|政府|公司|集團|集团|銀行(?![業业])|银行(?![業业])|"
            r"研究院|研究所|中心|"
            r"交易所|管理局|協會|协会|基金會|基金会|特別行政區|特别行政区|共和國|共和国|署|辦公室|办公室|"
            r"聯合會|联合会|工商聯|工商联|商會|商会|商業會|商业会|工業會|工业会|公會|公会|總會|总会|監會|监会|"
            r"理事會|理事会|廳|厅|省|博物館|博物馆|紀念館|纪念馆|美術館|美术馆|圖書館|图书馆|"
            # (a city, and a county abroad: "美國甲州乙郡"; not 城市, a city as a kind, "締結友好城市")
            r"(?<!城)市|郡|"
            # (an association's branch: "甲委員會乙省分會"; a university's campus: "甲大學乙分校")
            r"分會|分会|分校|"
            # (區域, a region, is no district's end: "A醫院區域協同發展")
            r"區(?!域)|区(?!域)|國|国|"
            r"博物院|博物館|博物馆|醫院|医院|議會|议会|書院|书院|實驗室|实验室|數碼港|数码港|科學園|科学园|"
            r"管委會|管委会|分行|聯誼會|联谊会|科技園|科技园|產業園|产业园|公會|公会|律師會|律师会|"
            r"海關(?!總署)|海关(?!总署)|促進會|促进会|學會|学会|研究會|研究会|同鄉會|同乡会|校友會|校友会|"
            r"法院|工會|工会|協進會|协进会|聯盟|联盟|事務所|事务所|園區|园区|出版社|電視台|电视台|"
            # (a secretariat, a news agency: "常設秘書處", "新華通訊社", "中國新聞社")
            r"秘書處|秘书处|通訊社|通讯社|新聞社|新闻社|"
            # (a newspaper, a magazine, a picture agency, a travel agency: "星河日報社", "星河图片社")
            r"報社|报社|雜誌社|杂志社|圖片社|图片社|旅行社|"
            # (a head station, a workstation: "甲台亞太總站")
            r"總站|总站|工作站|"
            # (a body being set up, its preparatory office: "甲電力股份有限公司籌備處")
            r"籌備處|筹备处|"
            # (a secretariat or a ministry's department: 社會文化司, 經濟財政司; not 上司, a boss)
            r"(?<![上公])司(?!法)|"
            # (a school: "景文高中", "國立金門高中", "實驗中學", "外國語學校")
            r"高中|中學|中学|小學|小学|學校|学校)")
# A company named by its trade ("思謀科技", "某某控股"): a party's name where one stands, never the
# end of the organisation a title opens with ("創新科技及工業局局長").
_COMPANY_END = r"(?:科技|控股|證券|证券|保險|保险)"
_JOIN = r"(?:以及|、|和|與|与|及|同)"
# ("高等學校": higher, the word 高等 before a school, is no "and so on"; "李高等領導" is)
_ETC = re.compile(r"(?:(?<!高)等|(?<=高)等(?![學学]校|教育|院校))[^、，。和與与及]{0,10}$|"
                  # "A、B及一眾嘉賓見證下": the guests after the named ones name no one
                  # ("及兩地其他主要官員": others, from where and of what rank)
                  # ("和波爾多市政府官員": officials of a body, none named)
                  # ("及區有關局領導": the relevant bureaux' leaders)
                  r"(?:[、和與与及]|以及)(?:[^、和與与及]{0,4}?(?:一眾|一众|其他|多位|眾多|众多|各位|有關|有关|相關|相关)"
                  r"[^、和與与及]{0,4}?|"
                  r"[^、和與与及]{2,8}?(?=官員|官员))?"
                  r"(?:嘉賓|嘉宾|來賓|来宾|領導|领导|官員|官员)$|"
                  # ("及兩校師生": the teachers and students of both, none named)
                  r"(?:[、和與与及]|以及)[^、和與与及]{0,4}?(?:師生|师生)$")
# "A、B以及雙方官員、社區領袖": groups of people after the named ones, none of them named.
_GROUPS = re.compile(r"(?:[、和與与及]|以及)(?:[^、和與与及]{0,6}?(?:官員|官员|代表|領袖|领袖|人士|嘉賓|嘉宾)"
                     r"(?=[、和及]|以及|$)(?:、|和|及|以及)?){2,}$")
# Where a sentence's subject ends: a time, a place, or the first verb of what its people did
# ("行政長官崔世安、北京市市長王安順等兩地政府代表昨早出席洽談會，並見證...").
_SUBJECT_END = re.compile(r"等|今|昨|[於于在]|上午|下午|早上|中午|傍晚|晚上|日前|近日|"
                          r"出席|參加|参加|參觀|参观|抵達|抵达|率|會見|会见|主持|舉行|举行|"
                          r"前往|一同|共同|分別|分别|亦|也|[並并]|[與与][^，。]{0,20}?(?:共同|一同)")
# How they signed, after the names: "A、B共同簽署" ("jointly"), not part of the last name.
# ("A與B代表簽署": they signed as their sides' representatives; 代表 is no name)
# ("A與B進行了現場簽約": they carried out the signing, on the spot)
_MANNER = re.compile(r"(?:共同|一同|分別|分别|正式|同時|同时|亦|也|再次|首次|已|則|则|代表|進行了?|进行了?|"
                     # ("以視訊方式異地簽署": by video, each where it was)
                     r"以[^，。以]{1,6}方式|異地|异地|"
                     # ("A和B作為雙方代表簽署": as the two sides' representatives)
                     r"(?:作為|作为)[^，。作]{0,4}?代表|"
                     r"現場|现场|莊嚴地|庄严地|隆重地|正式地|順利地|顺利地)+$")  # (庄严地: solemnly)
# Places that sign in their own name ("香港與加拿大再次簽訂"): an item of a list of parties even
# without an organisation's word.
# (countries abroad: in brackets after an organisation's name, where it is, no part of the name:
# "上智大學（日本）"; a city or a region there is: "香港中文大學（深圳）")
_ABROAD = words("""
加拿大 新加坡 葡萄牙 澳洲 澳大利亞 澳大利亚 英國 英国 美國 美国 法國 法国 德國 德国 日本 韓國 韩国 泰國 泰国
""")
_PLACES = _ABROAD | words("""
香港 澳門 澳门 內地 内地 中國 中国 深圳 廣東 广东 北京 上海 海南 浙江 陝西 陕西 台灣 台湾
山東 山东 廣州 广州 前海 橫琴 横琴
安徽 江蘇 江苏 福建 湖北 湖南 河南 河北 江西 雲南 云南 貴州 贵州 廣西 广西 遼寧 辽宁 吉林 黑龍江 黑龙江
甘肅 甘肃 青海 寧夏 宁夏 新疆 西藏 山西 內蒙古 内蒙古 四川 重慶 重庆 天津 合肥 杭州 南京 武漢 武汉 成都
廈門 厦门 蘇州 苏州 東莞 东莞 佛山 珠海 南沙 中山 江門 江门 惠州 肇慶 肇庆
""")
# A place by its one-character short form, as a pair names two ("京澳雙方", "浙港兩地"): each form
# with the full names it stands for, Traditional and Simplified.
_SHORT_PLACES: dict[str, tuple[str, ...]] = {
    short: tuple(names.split("/")) for short, names in (
        item.split("=") for item in words("""
港=香港 澳=澳門/澳门 京=北京 滬=上海 沪=上海 粵=廣東 粤=广东 深=深圳 浙=浙江 蘇=江蘇 苏=江苏 川=四川
渝=重慶/重庆 閩=福建 闽=福建 津=天津 鄂=湖北 湘=湖南 瓊=海南 琼=海南 桂=廣西/广西 黔=貴州/贵州
滇=雲南/云南 魯=山東 鲁=山东 豫=河南 冀=河北 贛=江西 赣=江西 皖=安徽 晉=山西 晋=山西 遼=遼寧 辽=辽宁
陝=陝西 陕=陕西 甘=甘肅/甘肃 穗=廣州/广州 蓉=成都 杭=杭州 寧=寧夏/南京 宁=宁夏/南京 台=台灣/台湾
"""))
}
# How many of a kind, before it: "部分教授", "相關負責人", "全體師生"; no one's name.
_HOW_MANY = words("""
部分 部份 相關 相关 有關 有关 各位 全體 全体 其他 多位 多名 數位 数位
""")
_NOT_PARTIES = words("""
兩地 两地 兩者 两者 我們 我们 他們 他们
""")
# "雙方", "締約雙方", "各方": the parties together, never one of them (nor a person's name).
_SIDES = re.compile(r"[雙双各兩两三多]方$")
_INSTRUMENT_WORD = ZH_INSTRUMENT_WORD
# ("簽署該協定", "上述協議", "該瞭解備忘錄由": the one the text spoke of, by a word that points back,
# no name of its own)
_POINTING_BACK = r"(?:該|该|上述|此|這|这|有關|有关)(?:項|项|份)?"
_ALIAS = re.compile(r"(?:下稱|下称|簡稱|简称)[：:]?$")
# ("《…的諒解備忘錄（兩年行動計劃）》": a part of it in brackets after its kind)
_BRACKETED = re.compile(rf"《(?P<title>[^》]{{2,120}}?{_INSTRUMENT_WORD}"
                        rf"(?:[（(][^》()（）]{{1,20}}[)）])?)》")
_INSTRUMENT = re.compile(rf"(?:戰略|战略|框架|合作|諒解|谅解|續簽|续签)*{_INSTRUMENT_WORD}")
# "「台美……合作瞭解備忘錄」完成簽署": a quoted instrument right before the verb that says it was signed.
_QUOTED_SIGNED = re.compile(rf"[「“](?P<thing>[^「」“”，。]{{0,40}}?{_INSTRUMENT.pattern})[」”]"
                            r"(?:已經|已经|已|正式|順利|顺利)?(?:完成)?$")
# What was signed, as the words after the verb write it: its kind and the words before the kind in
# the same noun phrase ("簽署合作辦學協議", "签署全面战略合作协议", "簽訂備忘協議"), after a count
# ("簽署了4項"), never across a punctuation mark, a title's 《》 or a second verb.
# ("簽署一系列合作備忘錄": a series of them, a batch, is a count too)
# Words before a title that say the agreement is in force already: carried out (落實, 實施, 執行,
# 貫徹), acted under (根據, 按照, 依據).
# ("推進落實甲部與乙政府《X》及丙與丁《Y》": the two whose agreement it is, between the verb and the title)
_IN_FORCE = re.compile(r"(?:落實|落实|實施|实施|執行|执行|貫徹|贯彻|根據|根据|按照|依據|依据|依照)"
                       r"(?:(?<=落實|落实)(?:(?!簽|签)[^，。；]){2,60})?$")
_COUNT = r"(?:了)?(?:[一二兩两三四五六七八九十多數数\d]+[份項项個个]|多[份項项個个]?|一?系列|一批)?"
# ("創新及科技合作協議": 及 between the fields it is about, where no instrument comes before it;
# "協議及備忘錄" is two)
# (等 ends a list, "A等": not in a word that holds it, 高等教育 higher education, 平等)
_THING_WORDS = r"(?:[^，。、；：《》「」“”在與与和及並并的等]|(?<=[高平同對对中初])等)"
# ("簽署新聞交換與合作協議": 與 between the fields too, before any words of the kind but its own)
# ("簽署合作共建甲醫院（乙大學第一附屬醫院）和丙醫院協議書": what it is about, two bodies, the first
# with its other name in brackets)
_SIGNED_THING = re.compile(rf"^{_COUNT}(?P<thing>(?:(?:{_THING_WORDS}{{1,6}}|"
                           rf"{_THING_WORDS}{{4,12}}[（(][^（）()，。、]{{2,16}}[)）])"
                           rf"(?:[及和](?!{_INSTRUMENT_WORD})|[與与](?!備忘錄|备忘录|協議|协议|協定|协定|意向書|意向书)))?"
                           rf"{_THING_WORDS}{{0,10}}?{_INSTRUMENT_WORD})")

# The second of two instruments one signing names, after the first's acronym: its name whole, up to
# its own acronym or the clause's end ("…及台日電機電子產品檢驗相互承認協議（MRA）").
_SECOND_THING = re.compile(rf"(?P<thing>{_THING_WORDS}{{0,20}}?{_INSTRUMENT_WORD})(?=[（(，。]|$)")


@dataclass(frozen=True)
class ChinesePerson:
    name: str
    title: str


@dataclass(frozen=True)
class TitledAgreement:
    """An agreement a signing sentence names in 《》, with the parties its title names."""

    instrument: str
    parties: tuple[str, ...]


@dataclass(frozen=True)
class ChineseFacts:
    instrument: str | None
    parties: tuple[str, ...]
    signatories: tuple[ChinesePerson, ...]
    witnesses: tuple[ChinesePerson, ...]
    # Every agreement signing sentences name in 《》, where they name more than one.
    several: tuple[TitledAgreement, ...] = ()


# The ministries whose names join two fields by 和 ("國家工業和信息化部" is one body, MIIT).
_TWO_FIELD_MINISTRY = (r"(?:工業|工业)和信息化|住房和(?:城鄉|城乡)(?:建設|建设)|"
                       r"(?:人力資源|人力资源)和(?:社會|社会)保障|文化和(?:旅遊|旅游)|(?:發展|发展)和改革")


def _split(words: str, whole: Callable[[str], bool], in_words: bool = False,
           before_with: Callable[[str], bool] | None = None, people: bool = False) -> list[str]:
    """A list apart at its joiners, but only after a whole item: 和 in 共和國 and 及 in 工商及科技局
    are part of a name, not a joiner. `before_with`: what is whole only before 與 ("深圳灣科技與華為",
    where 創新科技及工業局 is one name)."""
    items: list[str] = []
    current = ""
    # (with `in_words`, only a 和 the tagger reads as a word of its own: organisations' names
    # hold it in 共和國 and 和平; people's names are not in its dictionary, so it is not asked)
    bounds = word_bounds(words) if in_words else frozenset(range(len(words) + 1))
    at = 0
    pieces = re.split(f"({_JOIN})", words)
    for i, piece in enumerate(pieces):
        # (a 、 after a title with no name yet joins two titles of one person: "黨組書記、局長李路寧")
        joins = piece != "和" or (at in bounds and at + len(piece) in bounds)
        # (the State Council's ministries of two fields joined by 和: "工業和信息化部", whatever the
        # tagger reads there)
        before = current[-6:]
        if piece == "和" and any(m.start() <= len(before) < m.end() for m in re.finditer(
                _TWO_FIELD_MINISTRY, before + piece + "".join(pieces[i + 1:])[:8])):
            joins = False
        # ("甲市長黃定和、乙市長陳某": a 和 right before a 、 joins nothing, and ends a name; so does one
        # right before another joiner: "副市长戴邦和与乙公司副总经理张汉良"; not before 與會, attending:
        # "阮双琛和与会代表")
        if piece == "和" and i + 2 < len(pieces) and not pieces[i + 1].strip() and \
                (pieces[i + 2] == "、" or (pieces[i + 2] in ("與", "与", "及") and
                                          not "".join(pieces[i + 3:]).startswith(("會", "会")))):
            joins = False
        # ("香港交易及結算所", "翻譯及外語學院": 及 between the fields a name is of, where the words
        # before it end in a common word and no organisation's)
        fields = in_words and piece in "及和" and len(current.strip(" ，")) >= 4 and \
            not re.search(f"{_ORG_END}$", current.strip(" ，")) and ends_in_common_word(current.strip(" ，"))
        # ("我國通訊及新聞部", "南非通訊與數碼科技部": a ministry of two fields, where the words after
        # the joiner are a department of no place, and those before it neither a body nor a name)
        fields = fields or (in_words and piece in "及和與与" and i + 1 < len(pieces)
                            and _bare_department(pieces[i + 1]) and _field_words(current.strip(" ，")))
        # (`people`: a 、 only after a whole person; before one, it is inside a body's name in the
        # title: "葡萄牙教育、科學及創新部部長Fernando Alexandre")
        # (never a date: "2023年3月1日、A" is no body's name)
        dated = bool(re.search(r"\d", current) or ZH_CANDIDATE.search(current))
        comma_ends = (whole(current.strip(" ，")) or dated) if people else not _titles_only(current, whole)
        if re.fullmatch(_JOIN, piece) and ((piece == "、" and comma_ends)
                                           or (whole(current.strip(" ，")) and joins and not fields)
                                           or (piece in "與与" and before_with is not None
                                               and before_with(current.strip(" ，")))):
            items.append(current)
            current = ""
        else:
            current += piece
        at += len(piece)
    items.append(current)
    return [i.strip(" ，") for i in items if i.strip(" ，")]


# The kinds of a body below a university or an institute, whose name may join two fields by 與:
# "公共衛生與健康學院", "材料科學與工程學系", "認知與腦科學研究中心".
_DEPARTMENT_END = r"(?:學院|学院|研究院|研究所|研究中心|學系|学系|實驗室|实验室)"


def _bare_department(words: str) -> bool:
    """A ministry, bureau or office of one field or two, with no place in its name ("新聞部",
    "數碼科技部"): not a body's whole name alone."""
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{1,6}(?:部|局|署|廳|厅)", words)) and not holds_place(words)


def _field_words(words: str) -> bool:
    """Words that end in a field's name, as the first field of a ministry's does ("我國通訊"):
    not a body (no body's ending), not a place, and not ending in a proper name."""
    return len(words) >= 2 and not re.search(f"{_ORG_END}$", words) and \
        not re.search(r"(?:市|省|縣|县|區|区|國|国)$", words) and not ends_in_proper_name(words)


def _joins_fields(before: str, after: str) -> bool:
    """Whether a 與 between `before` and `after` joins two fields inside one department's name: the
    words before it, back to the clause's start, end in a common word and no body's kind, and
    those after it end in a department's kind within a few characters. (本院, 我校: the writer's own
    body, one side.)"""
    field = ZH_CANDIDATE.sub("", re.split(r"[，。、；：]", before)[-1]).strip()
    return len(field) >= 2 and field not in _PLACES and not re.match(r"[我本該该貴贵此]", field) and \
        not re.search(f"(?:{_ORG_END}|{_COMPANY_END})$", field) and ends_in_common_word(field) and \
        bool(re.match(rf"[^，。、與与和及]{{1,6}}?{_DEPARTMENT_END}", after))


def _titles_only(words: str, whole: Callable[[str], bool]) -> bool:
    """Words that end in a title and name no one yet: a title list's first part."""
    words = words.strip(" ，")
    return bool(re.search(f"{_TITLE_END}$", words)) and not whole(words)


def _one_for_each(words: str, bodies: list[str]) -> list[ChinesePerson]:
    """"张建明、张德华分别代表中国人民大学、玉溪市人民政府签署": names with no title, as many as the
    bodies they acted for (two or more), the one the tagger knows beside one it may not; each opens
    with a surname and is two or three characters long. Each is a person acting for the body in the
    same place in the other list; otherwise none."""
    items = re.split(r"[、與与和及]", words)
    if len(bodies) < 2 or len(items) != len(bodies) or not any(map(is_person_name, items)) or \
            not all(2 <= len(item) <= 3 and _may_be_name(item) and item not in _PLACES for item in items):
        return []
    return [ChinesePerson(item, f"{body}代表") for item, body in zip(items, bodies, strict=True)]


def _may_be_name(words: str) -> bool:
    """Whether the words may be a person's name the tagger does not know, beside people the text
    names: they open with a surname and end in no body's kind or title."""
    return surname_first(words) and not re.search(_TITLE_END, words) and \
        not re.search(f"(?:{_ORG_END}|{_COMPANY_END})$", words)


def _name_then_title(item: str, beside: bool = False) -> ChinesePerson | None:
    """"吳宏斌會長": the person, where the tagger reads the name as a person's. `beside`: in a list
    with another person written so ("A副校長與B校長"), where a name that opens with a surname is a
    name whatever the tagger reads in it."""
    m = _NAME_THEN_TITLE.fullmatch(item)
    if beside and m and _may_be_name(m["name"]) and not re.search(r"[省市區区縣县州]$", m["name"]):
        return ChinesePerson(m["name"], m["title"])
    if m is None or not is_person_name(m["name"]):
        # "集團張學武董事長": whose title it is, before the name ("廣西壯族自治區商務廳劉煉廳長": the
        # body may end in a word that ends a place's name too, 區, before its own end)
        # (between a body and a title a name stands, whatever the tagger reads in it, where a
        # surname opens it: "福建省商務廳黃河明廳長", not the Yellow River)
        # (or a place's: "苗栗縣鍾東錦縣長", the county's head)
        for org in re.finditer(rf"{_ORG_END}|[縣县市省區区州](?=[\u4e00-\u9fff]{{4}})", item[:14]):
            # (a deputy's 副 and a party committee's 黨委 open a title, no name: "集團黨委副書記")
            # (nor where the name and its title cut a body's last word in two: "中国农业银行党委书记" is
            # no 农业银 of 中国, 银|行)
            if (m := _NAME_THEN_TITLE.fullmatch(item, org.end())) and \
                    not re.search(r"副$|[黨党]委", m["name"]) and \
                    not re.search(r"[省市區区縣县州]$", m["name"]) and \
                    not any(e.start() < m.end("name") < e.end() for e in re.finditer(_ORG_END, item)) and \
                    (is_person_name(m["name"]) or (surname_first(m["name"]) and _is_party(item[:org.end()]))):
                # ("中国信保王廷科总经理": not 信保王 of 中国, with 廷科总经理 for a title, where a name the
                # tagger reads as a person's stands right before the title's own word)
                if not re.fullmatch(rf"[總总]?{_TITLE_END}", m["title"]) and \
                        (exact := re.fullmatch(rf"(?P<body>[\u4e00-\u9fff]{{2,12}}?)"
                                               rf"(?P<name>[\u4e00-\u9fff]{{3}})(?<!副)"
                                               rf"(?P<title>[總总]?{_TITLE_END})", item)) and \
                        exact.start("name") > m.start("name") and surname_first(exact["name"]) and \
                        is_person_name(exact["name"]):
                    return ChinesePerson(exact["name"], exact["body"] + exact["title"])
                return ChinesePerson(m["name"], item[:org.end()] + m["title"])
        # ("我國駐美國代表蕭美琴大使": a title, then the name, then the title the person is called by,
        # where the tagger reads the name as a person's)
        for title in re.finditer(_TITLE_END, item[:16]):
            if (m := _NAME_THEN_TITLE.fullmatch(item, title.end())) and is_person_name(m["name"]):
                return ChinesePerson(m["name"], item[:title.end()] + m["title"])
        # ("中科院李世強院長": a body by its short name, 中科院, before a name the tagger reads as a
        # person's and its title)
        if (short := re.match(r"[\u4e00-\u9fff]{1,3}[院大局部署會会]", item)) and \
                (m := _NAME_THEN_TITLE.fullmatch(item, short.end())) and is_person_name(m["name"]):
            return ChinesePerson(m["name"], short.group(0) + m["title"])
        return None
    return ChinesePerson(m["name"], m["title"]) if m and is_person_name(m["name"]) else None


def _own_title(title: str) -> str:
    """A person's title as the text gave it with the name, less the list it stood in ("與乙局局長":
    the last part); but a ministry of two fields is one body ("索馬利蘭貿易及觀光部部長")."""
    parts = re.split(r"([與与和及])", title)
    department = re.match(r"[\u4e00-\u9fff]{1,6}?(?:部|局|署|廳|厅)", parts[-1])
    if len(parts) >= 3 and department and _bare_department(department.group(0)) and _field_words(parts[-3]):
        return title
    return parts[-1]


def _people(words: str, known: dict[str, str] | None = None, unnamed: bool = False) -> list[ChinesePerson]:
    """The people in a list ("行政長官何厚鏵與葡萄牙共和國外交部部長伽馬"); a list with an item that
    is not a title and a name, nor a name `known` from elsewhere in the text, gives none, so nothing
    is read from a phrase that is not a list. `unnamed`: a list that is one of people whatever it
    holds ("在A和B的共同見證下"), where a title alone is a person the text does not name."""
    known = known or {}

    def by_title(item: str) -> str | None:
        # ("行政長官和浙江省委書記B共同見證": a title alone, the one person the text named with it
        # before, "行政長官A")
        if not re.fullmatch(rf"[^與与和及、]{{0,12}}{_TITLE_END}", item):
            return None
        named = [name for name, title in known.items() if title == item]
        return named[0] if len(named) == 1 else None

    def org_then_name(item: str) -> ChinesePerson | None:
        # ("圖：甲基金有限公司陳某某（左）與乙商會理事長B（右）簽約": a body, then a full name that opens
        # with a surname, no title between; the body is the title the text gives)
        m = re.fullmatch(rf"(?P<org>[^與与和及、]{{4,20}}?(?:{_ORG_END}|{_COMPANY_END}))"
                         rf"(?P<name>[\u4e00-\u9fff]{{3}})", item)
        if m is None or not surname_first(m["name"]) or re.search(_TITLE_END, m["name"]) or \
                re.search(_ORG_END, m["name"]) or not _is_party(m["org"]):
            return None
        return ChinesePerson(m["name"], m["org"])

    # ("A和B代表雙方簽署", B named with a title before and A not: a name that opens with a surname
    # is a whole item beside a name the text has introduced, as the tagger may not know it)
    beside_known = any(name in words for name in known)
    # ("A副校長與B校長": a list with a person written name first, then the title; another item
    # written so is a person too, the tagger's word on the name aside)
    beside_titled = any(_name_then_title(piece.strip(" ，")) is not None for piece in re.split(_JOIN, words))
    # ("市領導A、B、C": one title for several, the names after the first alone; each that opens
    # with a surname is a name, whatever the tagger reads in it)
    opening_item = re.match(r"[^、，與与和及]+?(?=、)", words)
    after_title = bool(opening_item and _PERSON.fullmatch(opening_item.group(0)))

    def shares_title(item: str) -> bool:
        return after_title and _may_be_name(item)

    def whole(item: str) -> bool:
        return bool(_PERSON.fullmatch(item)) or item in known or is_person_name(item) or \
            _name_then_title(item, beside_titled) is not None or by_title(item) is not None or \
            org_then_name(item) is not None or shares_title(item) or \
            (beside_known and bool(re.fullmatch(r"[\u4e00-\u9fff]{2,3}", item)) and _may_be_name(item)) or \
            (unnamed and bool(re.fullmatch(rf"[^與与和及、]{{0,12}}{_TITLE_END}", item)))

    # "A與B等官員": 等 closes the list ("and others"); the group noun after it names no one.
    # ("A、B及有關領導等": the others, then 等)
    words = _GROUPS.sub("", _ETC.sub("", _ETC.sub("", re.sub(r"[(（][^)）]*[)）]", "", words))))
    # ("由A院長與乙醫院B院長正式簽訂": how they signed, after the last, is none of it)
    # ("由A議長與B議長共同代表議會簽署": jointly, too)
    words = re.sub(r"(?:正式|親自|亲自|共同|一同)$", "", words.strip(" ，"))
    # ("A、B、C均在視訊中見證": all of them, 均, after a list's last name, is none of it)
    if "、" in words:
        words = re.sub(r"均$", "", words)
    # ("甲辦事處A處長赴乙町出席見證": where the last went to, after the list, is none of it)
    words = re.sub(r"(?:專程|专程|特地)?(?:赴|前往)[^，。、與与和及]{2,10}$", "", words)
    # ("首相拿督斯里A": a Malaysian honorific between the title and the name is neither)
    words = re.sub(r"(?:拿督斯里|丹斯里|拿汀斯里|拿督|拿汀)(?=[\u4e00-\u9fff]{2})", "", words)
    # ("A分別與B、C有關負責同志": the bodies' heads, whom the text does not name, after the one it
    # does; and 分別, each in turn, after A)
    if heads := _heads_listed(words):
        words = re.sub(r"(?:分別|分别)$", "", words[:heads.start()])
    # ("A、B等，以及C、D等40餘人見證": 等 closes the first part of the list, before the joiner)
    words = re.sub(r"(?<!高)等[，,]?(?=以及|及|和|與|与)", "", words)
    items = _split(words, whole, people=True)
    # In a list with one person the text has introduced, a bare name beside it is a name too.
    bare_names = any(item in known for item in items)
    found = []
    for item in items:
        item = _SAID.sub("", item)  # "邵軍表示": what he said follows
        if (m := _PERSON.fullmatch(item)) and not _SIDES.search(m["name"] or m["name2"]):
            name, title = m["name"] or m["name2"], m["title"] or m["title2"]
            # ("副主任苏赫巴特尔先生": a long name, from the title's end to 先生, not its last three)
            if m["name2"] and (rest := re.search(rf"{_TITLE_END}(?P<rest>[\u4e00-\u9fff]{{1,2}})$", title)):
                name, title = rest["rest"] + name, title[:rest.start("rest")]
            # ("協會副會長兼秘書長、乙集團A總經理": a second title, after 兼 (concurrently), is no name)
            if re.match(r"兼", name) and re.search(f"{_TITLE_END}$", name):
                continue
            found.append(ChinesePerson(name, title))
        elif person := _name_then_title(item, beside_titled):
            found.append(person)  # "吳宏斌會長和黃振進理事長"
        elif item in known:
            found.append(ChinesePerson(item, _own_title(known[item])))
        elif (short := re.fullmatch(rf"(?P<surname>[\u4e00-\u9fff])(?P<title>{_TITLE_END})", item)) and \
                len(named := [n for n, t in known.items()
                              if n.startswith(short["surname"]) and t.endswith(short["title"])]) == 1:
            # "施會長": by surname and title, the one person the text named so ("會長施榮懷")
            found.append(ChinesePerson(named[0], _own_title(known[named[0]])))
        elif (bare_names and re.fullmatch(r"[\u4e00-\u9fff]{2,3}", item)) or is_person_name(item) or \
                shares_title(item):
            found.append(ChinesePerson(item, ""))  # a name alone, as the tagger reads it
        elif named_so := by_title(item):
            found.append(ChinesePerson(named_so, item))
        elif person := org_then_name(item):
            found.append(person)
        elif unnamed and re.search(f"{_TITLE_END}$", item) and len(items) > 1:
            continue  # "A和泰國副總理": a person by a title alone, whom the text does not name
        else:
            return []
    return found


# A city's mayor: "三藩市市長", "廣州市長" (the city's 市 and the mayor's one, written once).
_MAYOR = re.compile(r"(?P<city>[\u4e00-\u9fff]{1,6}?市)(?:市)?(?:長|长)")
_SHORT_TITLE = 4  # a title after a government's name, not a body below it: 副省長, 市長, 行政長官


def title_organisation(title: str) -> str | None:
    """The organisation a title opens with: the shortest start of it that ends as an
    organisation's name does ("珠海市投資促進局局長" gives 珠海市投資促進局), not a place alone
    (珠海市) nor a government above the body ("特區政府公務員事務局局長" gives the bureau). 及 may be
    in it: "創新科技及工業局局長" gives 創新科技及工業局."""
    # ("A一行在馬國外交部暨貿易部部長B陪同下": the title is what follows where, after 在)
    if re.search(r"一行[在於于]", title):
        title = re.sub(r"^.*[在於于](?=[^在於于]{4,}$)", "", title)
    # ("我國勞動部長": "our country's", the publisher's, names no body; what follows it alone does)
    title = re.sub(r"^(?:我國|我国|本國|本国)", "", title)
    # ("北京師範大學—香港浸會大學聯合國際學院校長": one name across the dash, to its own last end)
    dash = max(title.rfind("—"), title.rfind("－"))
    ends = list(re.finditer(_ORG_END, title))
    for m in (reversed(ends) if dash >= 0 else ends):
        # ("甲公司籌備處執行長": the company's preparatory office, whose name goes on past 公司)
        if m.end() <= dash or re.match(r"籌備處|筹备处", title[m.end():]):
            continue
        # ("甲委員會乙省分會副會長": a branch of the body goes on past its end, to the branch's own)
        if re.match(r"[\u4e00-\u9fff]{1,4}?(?:省|市|區|区|縣|县)?"
                    r"(?:分會|分会|分行|分公司|分院|分局|分社|分校)(?!長|长)", title[m.end():]) and \
                m.end() < len(title):
            continue
        # ("甲院總會計師": the end is the first of a title's words, 總會計師, a chief accountant, and
        # no 總會, an association)
        if any(t.start() <= m.start() < t.end() and t.end() > m.end() and len(t.group()) > 2
               for t in re.finditer(_TITLE_END, title)):
            continue
        org = title[:m.end()]
        # ("浙江省人民政府副省長": a government, where its title follows with no body below it)
        above = re.search(r"政府$", org) and len(title) - m.end() > _SHORT_TITLE
        # (the rest a title of its own: "商務部部長" is 商務部, not 商務部部; a ministry of three
        # characters only so, and no other body: "科大署理校長" is no 科大署, "理學院院長" no party)
        ministry = len(org) == 3 and org.endswith("部") and \
            bool(re.fullmatch(rf"(?:副|常務|常务)?{_TITLE_END}", title[m.end():]))
        # (never one that leaves a single character, no title: "政務司司長" is no 政務司司; but a
        # ministry's 部 is the first character of its minister's 部長 too: "新加坡貿工部長", "經濟部長")
        rest = title[m.end():]
        shared = org.endswith("部") and rest in ("長", "长")
        if (len(org) >= 4 or ministry or shared) and \
                (len(rest) >= 2 or shared or re.fullmatch(_TITLE_END, rest)) and \
                not re.search(r"(?:省|市|區|区|國|国|特別行政區|特别行政区)$", org) and \
                not above and \
                not re.search(r"[與与和、]", org) and \
                not re.search(rf"{_TITLE_END}(?:及|以及)", org) and \
                m.end() < len(title) and _is_party(org):
            # ("衛生福利部苗栗醫院院長": the ministry's hospital, whose head the title names, is the body;
            # so is its centre or institute: "生態環境部國家海洋環境監測中心主任")
            if org.endswith("部") and (hospital := re.match(
                    rf"[\u4e00-\u9fff]{{2,14}}?(?:醫院|医院|中心|研究院|研究所)"
                    rf"(?=(?:副|常務|常务)?{_TITLE_END}$)", rest)):
                return org + hospital.group(0)
            return org
    return None


def _body_alone(title: str) -> str | None:
    """A title that is a body's name and no more ("甲基金有限公司陳某某": the body, no office in it)."""
    return title if len(title) >= 6 and re.search(f"(?:{_ORG_END}|{_COMPANY_END})$", title) and \
        not re.search(_TITLE_END, title) and _is_party(title) else None


def names_a_person(words: str) -> bool:
    """Whether the words are a title and a name ("美國在台協會執行理事藍鶯"): a person, no place."""
    return bool(_PERSON.fullmatch(words))


def _lone_titled(words: str, known: dict[str, str]) -> bool:
    """One person with a title, alone in a clause with no verb of its own ("區委副書記、區長張勇"):
    the subject of the clause after it goes on through it. Not what one said ("A表示"), nor a clause
    of what is besides ("除A大使致賀詞外，並有B及C見證": A spoke, and B and C witnessed)."""
    return not _SAID.search(words) and not re.search(_SIGN, words) and not _BESIDES.match(words) and \
        bool(re.search(_TITLE_END, words)) and len(_people(words, known)) == 1


def _named_people(words: str, known: dict[str, str]) -> list[ChinesePerson]:
    """The people a list names by title and name, passing over an item that is a title without a
    name ("商會代表與投資推廣署署長劉凱旋" gives 劉凱旋); none where another item is no person."""
    def title_only(item: str) -> bool:
        return bool(re.fullmatch(rf"[^與与和及、]{{0,12}}{_TITLE_END}", item))

    items = _split(_ETC.sub("", words),
                   lambda item: bool(_PERSON.fullmatch(item)) or item in known or title_only(item))
    titles_only = [i for i in items if title_only(i)]
    if len(titles_only) == len(items):
        return []
    return _people("、".join(i for i in items if i not in titles_only), known)


def _whole_name(words: str) -> bool:
    # ("港中大與故宮博物院": a short form the tagger knows for a proper noun is a whole name too)
    # ("甲縣和乙市", "甲省乙市丙縣與丁縣"; a county's township or town: "嘉義縣竹崎鄉與佐賀縣嬉野市"; a
    # league of an autonomous region: "内蒙古自治区兴安盟"; an office in a list, "駐芝加哥辦事處與B"; not
    # a body a title ends in: "乙國駐台辦事處代表A" is a person, the office no party)
    return bool(re.search(f"{_ORG_END}$", words)) or words in _PLACES or \
        (2 <= len(words) <= 4 and has_proper_name(words) and not is_person_name(words)) or \
        (3 <= len(words) <= 12 and bool(re.search(r"[縣县]$", words)) and _is_party(words)) or \
        bool(re.fullmatch(r"[^、，。與与和及]{2,4}[縣县市][^、，。與与和及]{1,4}[鄉乡鎮镇]", words)) or \
        bool(re.fullmatch(r"[^、，。與与和及]{2,4}(?:自治區|自治区)[^、，。與与和及]{1,4}盟", words)) or \
        bool(re.search(r"(?:辦事處|办事处)$", words))


def _names(words: str) -> list[str]:
    """Organisations or places in a list ("香港與加拿大", "外交部和聯合國經濟和社會事務部")."""
    # ("甲市公所、乙市公所「合作備忘錄」在甲市簽訂": what they signed, in 「」 after the last, is no
    # part of its name)
    words = re.sub(r"(?<=[\u4e00-\u9fff])[「《“][^「」《》“”]{2,40}[」》”]$", "", words)
    # ("與乙商會舉行締結友好商會簽約儀式": what they held is no part of the last name)
    words = re.sub(r"(?<=[\u4e00-\u9fff]{2})(?:舉行|举行)[^、，。與与和及]*$", "", words)
    # ("西城區舉行西城區管委會與乙商會戰略合作簽約儀式": who held it, before 舉行, is none of the names)
    words = re.sub(r"^[^、，。與与和及]{2,8}?(?:舉行|举行)(?=[\u4e00-\u9fff]{2})", "", words)
    names = [_undescribed(_own_name(_HEADS.sub("", _OPENERS.sub("", name)))) for name in _split(
        words, _whole_name, in_words=True, before_with=lambda w: bool(re.search(f"{_COMPANY_END}$", w)))]
    names = [part for name in names for part in _run_together(name)]
    # (of a list only: "中朝兩國政府" is one pair's short forms, no name)
    return [_BOTH.sub("", name) for name in names] if len(names) >= 2 else names


# Two bodies of one kind written one after the other with no joiner, as a title or a ceremony's
# name may: "《甲大學乙師範大學戰略合作框架協議》", "甲市人民政府乙市人民政府", "甲市乙市同城化建設"
# (a university, a government, a city: each a whole body; a kind a body below another ends in too,
# 公司, 學院, 局, is not one of them: "甲有限公司乙分公司" is one body's branch).
_KINDS_TOGETHER = re.compile(r"(?P<kind>大學|大学|政府|(?<!城|超|都)市)$")


def _run_together(name: str) -> list[str]:
    """A name that is two bodies of one kind run together, apart; any other name as it is."""
    # (a body's name only, in Chinese, with no joiner and no one's title: "校長A與甲大學校長B分別代表
    # 乙及甲大學" is a clause's words)
    if not (end := _KINDS_TOGETHER.search(name)) or not re.fullmatch(r"[\u4e00-\u9fff]+", name) or \
            re.search(f"{_JOIN}|{_TITLE_END}", name):
        return [name]
    shortest = 3 if end["kind"] == "市" else 4
    for m in re.finditer(end["kind"], name[:end.start()]):
        first, second = name[:m.end()], name[m.end():]
        # (a city is its name and 市, nothing between: "甲省乙市丙市" is a city in a province)
        cities = end["kind"] != "市" or \
            all(re.fullmatch(r"[\u4e00-\u9fff]{2,3}市", n) for n in (first, second))
        if len(first) >= shortest and len(second) >= shortest and cities and \
                _is_party(first) and _is_party(second):
            return [first, second]
    return [name]


# What a university is, before its name: "葡萄牙頂尖高校甲大學" (Portugal's top university, 甲大學),
# "知名學府乙學院"; the name is the party.
_DESCRIBED = re.compile(r"[^、，。與与和及的]{0,8}?(?:(?:頂尖|顶尖|知名|著名|一流|頂級|顶级|重點|重点|百年)"
                        r"(?:高校|名校|學府|学府|院校|大學|大学)|"
                        # (what it is to the other school or to a league: "重點姊妹校日本九州大學",
                        # "常春藤盟校布朗大學醫學院")
                        r"盟校|(?:姊妹|姐妹)(?:校|學校|学校|院校)|"
                        # (what it is, with 的, then its kind: "烏拉圭規模最大的公立大學甲大學")
                        r"[^、，。與与和及的]{0,8}的[^、，。與与和及的]{0,4}?(?:大學|大学|高校|學府|学府|院校))"
                        r"(?P<name>[\u4e00-\u9fff]{2,20}(?:大學|大学|學院|学院))")


# What a company is, before its name: "科技大廠群聯電子" (the technology maker 群聯電子), "半導體巨頭甲公司",
# "龍頭企業甲集團": the trade's word before 大廠 or 巨頭 is wanted (大厂回族自治县 is a county's name).
_DESCRIBED_MAKER = re.compile(r"(?:[^、，。與与和及的]{2,4}?(?:大廠|大厂|巨頭|巨头)|(?:龍頭企業|龙头企业))"
                              r"(?P<name>[\u4e00-\u9fff]{2,20})")


def _undescribed(name: str) -> str:
    """A university's or a company's name without what the text says it is before it."""
    if m := _DESCRIBED_MAKER.fullmatch(name):
        return m["name"]
    m = _DESCRIBED.fullmatch(name)
    return m["name"] if m and _is_party(m["name"]) else name


def _own_name(name: str) -> str:
    """A body without the one it belongs to, written before it with 的: "星河國際金融中心的星河金融服務
    管理局" is the authority (of the centre); "我國通訊及新聞部" (our country's) is the ministry, as
    a title's is (title_organisation)."""
    if (ours := re.fullmatch(r"(?:我國|我国|本國|本国)(?P<own>[\u4e00-\u9fff]{3,30})", name)) and \
            _is_party(ours["own"]):
        return ours["own"]
    m = re.fullmatch(rf"(?P<owner>[^的]{{2,20}}?(?:{_ORG_END}|{_COMPANY_END}))的(?P<own>[^的]{{4,30}})", name)
    return m["own"] if m and _is_party(m["owner"]) and _is_party(m["own"]) else name


# "辽源、绍兴两市政府": the two cities' governments, after the last of them; each city is the party.
# ("與甲大、乙大及丙大三校共同簽署": how many, and of what, after the last: 三校, 四方, 三家)
_BOTH = re.compile(r"(?<=[\u4e00-\u9fff]{2})(?:(?:兩|两)(?:市|省|地|國|国|區|区|縣|县)(?:人民)?(?:政府)?|"
                   r"(?:兩|两|三|四|五|六|七|八|九|十)(?:校|方|家))$")
# The heads of a body, after its name: "A、B、C負責人簽署", "與A、B有關負責同志代表雙方簽署" (the
# relevant responsible comrades); the body is the party, and no one is named.
_HEADS = re.compile(r"(?<=[\u4e00-\u9fff]{3})的?(?:主要|有關|有关|相關|相关)?"
                    r"(?:負責人|负责人|負責同志|负责同志)$")


def _heads_listed(words: str) -> re.Match[str] | None:
    """"A分別與B、C有關負責同志": the bodies whose unnamed heads are listed last, after a person
    (`bodies`, the heads' word left on)."""
    m = re.search(r"(?<=[\u4e00-\u9fff]{2})[與与和及](?P<bodies>[^與与和及，。]{2,80})$", words)
    return m if m and _HEADS.search(m["bodies"]) else None


# Words of what someone said or felt, or of how: no name holds them ("他希望鵬城實驗室", "很高興與X").
# A verb of saying that ends a clause: what follows is what was said ("邵軍表示", "李家超說，").
_SAID = re.compile(f"{_SAYING_VERB}$")
_BESIDES = re.compile(r"除(?:了)?[^，。]*(?:以外|之外|外)$")
_SAYING = re.compile(r"希望|表示|認為|认为|指出|強調|强调|高興|高兴|期望|期待|相信|"
                     r"以此|藉此|借此|此次|通過|通过")


def _is_party(name: str) -> bool:
    # ("又與北京市人才工作局", "北京市人才工作局、國家火炬科創學院": a clause's words, a list)
    # (a joiner opens a clause's words only where the tagger reads it as a word of its own: 同濟大學
    # is Tongji University, 同香港大學 "with HKU")
    joined = bool(re.match(r"[與与和及同]", name)) and 1 in word_bounds(name)
    # (nor a verb of holding: "西城區舉行西城區管委會" is who held it, then the body)
    if "、" in name or re.match(r"[又並并亦也還还已他她其由]", name) or joined or \
            re.search(f"{_WHEN}$", name) or _SAYING.search(name) or re.search(r"舉行|举行", name):
        return False  # (a clause's words: "他希望A", "很高興與A", "A以此次")
    # (nor the signing's words: "A與B締結友好城市合作簽約儀式" names A and B, and then what they did)
    if re.search(rf"{_SIGN}|締結|缔结|儀式|仪式", name):
        return False
    # ("集團公司與A簽署": the publisher's own group, by its kind; "總公司": the head office)
    if _GENERIC_SIDES.fullmatch(name) or re.search(r"(?:高校|院校)$", name) or \
            re.fullmatch(rf"(?:集團|集团|總|总|股份|有限)*{_GENERIC}", name) or \
            _ASSOCIATION_KINDS.fullmatch(name):
        # ("內地一流高校": universities of a kind, none named)
        return False  # ("代表學校和企業簽署": the kinds of the two sides, neither named)
    # ("是我國與歐盟國家簽署的第一個備忘錄": countries of a kind, 國家, and a clause with 是 in it, the
    # words of what something is, name no party; nor "這是A與B簽訂的首個文件", "this is")
    return 2 <= len(name) <= 30 and name not in _NOT_PARTIES and not _SIDES.search(name) and \
        not re.search(r"兩地|两地|雙方|双方|兩國|两国", name) and \
        not re.fullmatch(r"[兩两雙双三四各該该本][^\d]", name) and \
        not re.match(r"[兩两雙双三四各該该本我][校院地市省區区局會会]", name) and \
        not re.fullmatch(rf"[該该本我其此](?:{_GENERIC}|公司|集團|集团|中心|機構|机构|部門|部门|企業|企业)",
                         name) and \
        not re.search(r"(?:國家|国家)$", name) and not re.search(r"..是", name) and \
        not re.search(_EACH, name) and \
        not re.search(_OF_A_KIND, name) and \
        not re.match(r"[这這此那它][也亦]?(?:是|為|为)", name) and \
        not re.search(f"{_INSTRUMENT_WORD}$", name) and \
        (len(name) > 4 or name in _PLACES
         or (len(name) >= 3 and re.search(f"(?:{_ORG_END}|{_COMPANY_END})$", name))
         or has_proper_name(name)) and \
        not _PERSON.fullmatch(name) and \
        not re.search(f"{_TITLE_END}$", name) and \
        not re.search(r"[\d“”\"]|多所|數所|数所|幾所|几所|多家|多間|多间|"  # "多所內地大學": a number
                      # ("日本四十六所大學": how many of a kind there are, after where, names none)
                      r"[一二兩两三四五六七八九十百千]+(?:所|家|間|间)|"
                      r"^[一二兩两三四五六七八九十]+[間间所家個个]", name)  # of them ("三間…大學")


# Each of a kind ("徐州市各縣（市）、區政府主要負責人": each county's, and the districts'; "各自政府",
# each its own), no one's name.
_EACH = re.compile(r"各(?:縣|县|區|区|市|省|鎮|镇|鄉|乡|級|级|部門|部门|單位|单位|地|自)")


# Bodies of a kind, none named: "A與B等大學" (and other universities), "各知名大學" (each renowned
# university), "中外地方政府" (local governments, Chinese and foreign), "相關機構和企業" (the bodies
# concerned).
_OF_A_KIND = re.compile(r"等(?:大學|大学|高校|院校|學校|学校|單位|单位|機構|机构|企業|企业)$|"
                        r"^各(?:知名|主要|相關|相关|有關|有关)?(?:大學|大学|高校|院校|學校|学校|企業|企业|機構|机构)|"
                        r"^中外|^(?:相關|相关|有關|有关)(?:機構|机构|企業|企业|單位|单位|部門|部门)")


# The kinds of body a side is, none of them a name: "學校和企業", "政府與高校".
_GENERIC = (r"(?:學校|学校|企業|企业|公司|政府|大學|大学|高校|院校|單位|单位|機構|机构|地方|醫院|医院|"
            r"學院|学院)")
_GENERIC_SIDES = re.compile(rf"{_GENERIC}(?:[和與与及]{_GENERIC})+")
# The kinds of association, each a word that ends a body's name and is no name alone: "促进会与X签署"
# is the publisher's own body by its kind ("the association"), named in full elsewhere if at all.
_ASSOCIATION_KINDS = re.compile(r"促進會|促进会|協會|协会|商會|商会|學會|学会|聯合會|联合会|基金會|基金会|"
                                r"研究會|研究会|委員會|委员会|總會|总会|公會|公会")


# Words that open a clause and are no part of the name after them: "其中香港貿易發展局" (among
# them), "我校材化學院" (our university's), "隨後" (then), "到訪甲學院" (visited), "代表特區政府" (for).
_OPENERS = re.compile(r"^(?:其中|包括|其後|其后|之後|之后|隨後|随后|先後|先后|此外|另外|同時|同时|"
                      r"會上|会上|期間|期间|"
                      r"當天|当天|我校|我院|我局|我會|我会|本校|本院|本局|本會|本会|"
                      r"到訪|到访|拜訪|拜访|代表(?![團团處处])|分別|分别|"
                      # "至今律師會已與…簽訂": so far; a time, no part of the name after it
                      r"(?:截至|截止)?(?:至今|迄今|目前)|"
                      # "甲集團旗下乙公司": whose subsidiary it is, before its name
                      # ("甲中心轄下的乙管理局": under whose authority it is)
                      r"[^，。、與与和及]{2,20}?(?:旗下|屬下|属下|轄下|辖下)的?|"
                      # "總部位於香港的A": where it is based, before its name
                      r"(?:總部|总部)(?:位於|位于|設於|设于|設在|设在)[^，。的]{1,12}的|"
                      # "與友好合作城市日本甲町簽署": what the other is to it, before its name
                      r"(?:友好|友誼|友谊)(?:合作|交流)?城市|友城|(?:姊妹|姐妹)(?:城)?市)+")


def _subject(words: str) -> str:
    """The words before a verb without the date, the place and a caption's label: "圖片說明：工商
    及科技局常任秘書長何宣威今天在香港館" gives "工商及科技局常任秘書長何宣威"."""
    words = _OPENERS.sub("", re.sub(r"^.*[：:]", "", words))
    # ("A受B委託，與C簽署": A signed, at B's charge; B, who asked it, did not, and 委託 is no name)
    words = re.sub(r"受[^，。受]{1,20}?(?:委託|委托|委派|指派)$", "", words)
    words = re.sub(r"^(?:並|并)?(?:見證|见证|出席)了?", "", words)  # "並見證A與B簽署": A and B sign
    # "A並與B簽署": A and B, not "A並"; "A、B分別與C、D簽署": each with one of them, and all four sign
    words = re.sub(r"(?:[並并]|分別|分别)(?=[與与和])", "", words)
    words = _BRACKETS.sub(_keep_place, ZH_CANDIDATE.sub("", words))
    # ("A與B於本周一（5月6日）簽署": the weekday, as a date; not 周一 opening a name, 周一鳴)
    words = re.sub(r"[於于]?(?:本|上)?(?:周|週|星期)[一二三四五六日天](?=[（(，,在於于簽签與与舉举]|$)", "",
                   words)
    # ("A與B就獲取…簽署": what they signed about, after 就, is none of the names; "B於11月2日在南京":
    # the written 於 the date leaves behind is none of B's name)
    # ("A與B於當日正式簽署": 於 and a day's word open when, and no name runs on past them)
    # ("A與B於儀式中共同簽署": during the ceremony, too)
    words = re.sub(rf"[於于](?:{_WHEN}|(?:儀式|仪式|典禮|典礼|會議|会议)[中上]).*$", "", words)
    # ("A與B以跨海視訊方式共同簽署": how they signed, by video, is none of B's name)
    words = re.sub(r"(?:以|通過|通过|透過|透过|採用|采用)[^，。與与和及、]{1,10}?(?:方式|形式)"
                   r"(?:共同|一同|分別|分别)?$", "", words)
    # ("A與B10日假嶺大校園簽署": 假, "at", before the venue, as Hong Kong's releases write it; not
    # 暑假 nor 假期, a holiday: "甲天天假期旅行社")
    at = r"在|就(?!業|业)|(?<![寒暑休放請请度])假(?![期日設设如冒的裝装])(?=[\u4e00-\u9fff]{2,12}$)"
    return re.sub(r"[於于]$", "", re.split(at, words)[0].strip())


_BRACKETS = re.compile(r"[(（](?P<inside>[^)）]*)[)）]")


def _keep_place(m: re.Match[str]) -> str:
    """A bracket is an aside ("數字政策辦公室（數字辦）") and goes, unless it holds a place that is
    part of the name before it: "香港中文大學（深圳）" is the Shenzhen campus, or a group's word
    inside a company's name: "甲研究設計院（集團）有限公司"."""
    group = m["inside"] in ("集團", "集团", "控股") and \
        re.match(r"(?:股份)?有限(?:責任|责任)?公司", m.string[m.end():])
    return m.group(0) if m["inside"] in _PLACES - _ABROAD or group else ""


def _bare_subject(words: str) -> str:
    """The subject without the words after its names: "香港和江蘇兩地再次" gives "香港和江蘇"."""
    # ("A周三與B簽署", "A與B於昨日簽署": a weekday between two names, and the 於 left after a date,
    # are none of them; other words of time between two names were tried, and cost the test set a
    # party: RESULTS.md)
    subject = re.sub(rf"{ZH_WEEKDAY}(?=[與与])|[於于]$", "", _subject(words))
    # ("A與B的代表出席簽署儀式，續簽協議": the sides, whose representatives attended)
    subject = re.sub(r"的?代表(?:們|们)?(?:出席|參加|参加).*$", "", subject)
    subject = _HEADS.sub("", subject)
    # ("A與B、C與D等簽署", "A與B等中外地方政府共簽署": and others, of a kind the text names by its
    # word alone, after the last name)
    subject = re.sub(rf"(?<![高中初])等(?:[^、，。和與与及]{{0,8}}?{_GENERIC})?(?:共同|共)?$", "", subject)
    # ("A與B政府代表簽約": the sides, whose representatives signed)
    # ("上海與香港兩地相關部門在滬簽署": the departments of the two places, which the text names by
    # their places alone)
    subject = re.sub(r"(?<=兩地|两地|雙方|双方)的?(?:相關|相关|有關|有关)(?:部門|部门|單位|单位|機構|机构)$",
                     "", subject)
    # ("A與B、C與D分別簽署": each pair signed its own; "A與B雙邊簽署": the two of them; "A與B，彼此簽署":
    # with each other)
    subject = re.sub(rf"(?:兩地|两地|雙方|双方|雙邊|双边|彼此|再次|首次|正式|共同|同時|同时|分別|分别|"
                     rf"已|亦|還|还|"
                     rf"的?代表(?:們|们)?|{_WHEN})+$", "", subject)
    # ("A醫院與B醫院醫聯體簽約": the kind of their cooperation, after the last name's own end, is no
    # part of it)
    if kind := re.search(rf"(?:{_ORG_END})(?P<kind>醫聯體|医联体|醫共體|医共体|"
                         rf"(?:戰略|战略|全面|框架|校地|校企|市校|產學研|产学研)*合作)$", subject):
        subject = subject[:kind.start("kind")]
    return subject


_WHEN = ZH_WHEN


def _place_pair(words: str, text: str) -> list[str]:
    """"京澳雙方", "浙港兩地": two places by their short forms, then the word for the two sides;
    each as the text writes its full name, or neither where it does not."""
    if not (m := re.fullmatch(r"(?P<a>[\u4e00-\u9fff])(?P<b>[\u4e00-\u9fff])(?:兩地|两地|雙方|双方)", words)):
        return []
    full = [next((n for n in _SHORT_PLACES.get(m[k], ()) if n in text), None) for k in ("a", "b")]
    return [n for n in full if n] if all(full) and full[0] != full[1] else []


# One signing of a list of them: "A與B簽署X" between 、 or ； ("其中，A與B簽署X、C與D簽署Y").
# ("包括A與B簽署的《X》，以及C與D簽署的Y": what each signed, after 的, in 《》 or not)
_LISTED_SIGNING = re.compile(rf"(?P<who>[^，。、；]{{4,80}}?)(?:共同)?{_SIGN}了?的?《?"
                             rf"(?P<thing>[^，。、；《》「」“”與与和及]{{0,16}}?{_INSTRUMENT_WORD})》?")


def _listed_signings(sentence: str) -> list[TitledAgreement]:
    """"A與B簽署X、C與D簽署Y": each item of a list of signings, with its own parties and
    instrument; none where the sentence lists fewer than two."""
    found = []
    # ("A與B簽署X，C與D簽署Y": a comma between them too; an item that is no signing is passed over)
    for item in re.split(r"[、；，]|以及", sentence):
        item = item.strip(" 。")
        if not (m := _LISTED_SIGNING.fullmatch(item)):
            continue
        named = [n for n in _names(_bare_subject(m["who"])) if _is_party(n)]
        if len(named) >= 2:
            found.append(TitledAgreement(m["thing"], tuple(named)))
    return found if len(found) >= 2 else []


# "滬澳兩地多項合作協議的": what a signing ceremony was of, after 見證 ("witnessed the signing of")
_SIGNING_OF = re.compile(rf"(?P<pair>[\u4e00-\u9fff]{{2}}(?:兩地|两地|雙方|双方))?{_COUNT}"
                         rf"(?P<thing>[^，。、；《》「」“”的]{{0,10}}?{_INSTRUMENT_WORD})的")


# An event a sentence opens with: "甲、乙雙城論壇30日登場。……雙方簽署": the list is the event's, the
# cities it is between, and no two sides (a forum that signs as a body is named alone).
_EVENT = re.compile(r"(?:論壇|论坛|峰會|峰会|會議|会议|大會|大会|博覽會|博览会|研討會|研讨会|年會|年会|"
                    r"交流會|交流会|洽談會|洽谈会|展覽會|展览会|活動|活动|典禮|典礼)$")
# "我校與B", "本院和B": the publisher by "we" (its kind's word), then the side the text names.
_OURS = re.compile(r"(?:^|[，。])(?:我|本)(?:校|院|局|會|会|廳|厅|司)[與与和]")
_SIDES_SIGNED = re.compile(rf"[^，。]{{0,6}}?(?:後|后)?[，,]?(?:雙方|双方)(?:共同|一同|正式)?{_SIGN}")
_BOTH_WITNESSED = re.compile(rf"[^，。]{{0,6}}?(?:後|后)?[，,]?(?:雙方|双方|兩人|两人)(?:共同|一同)?"
                             rf"{_WITNESS}")


def _met(sentence: str, known: dict[str, str]) -> list[ChinesePerson]:
    """The two people a sentence says met ("A昨日在政府總部與B會面"), or none."""
    clause = re.split(r"[，。]", sentence)[0]
    # ("與B舉行會談": held talks with; "與來參加哈洽會的B": B, who came to attend a fair)
    if not (m := re.search(r"[與与](?P<b>[^與与，。]+?)(?:舉行|举行|進行|进行)?"
                           r"(?:會面|会面|會晤|会晤|會談|会谈)", clause)):
        return []
    other_words = re.sub(r"^(?:前來|前来|來|来)[^的，。]{1,16}的", "", m["b"])
    first, other = _sentence_subject(clause[:m.start()], known), _people(_subject(other_words), known)
    return first + other if len(first) == 1 and len(other) == 1 else []


def _met_sides(clause: str) -> list[str]:
    """The two bodies a clause says met, or bound themselves before ("甲市今年與乙鎮締盟滿30周年":
    sister towns for 30 years), or none."""
    if not (m := re.search(r"[與与](?P<b>[^與与，。]+?)(?:舉行|举行|進行|进行)?"
                           r"(?:會面|会面|會晤|会晤|會談|会谈|座談|座谈|締盟|缔盟|結盟|结盟)", clause)):
        return []
    first = clause[:m.start()]
    if opening := _SUBJECT_END.search(first):
        first = first[:opening.start()]
    named = _names(_bare_subject(first)) + _names(_bare_subject(m["b"]))
    return named if len(named) == 2 and \
        all(_is_party(n) and not is_person_name(n) and not _EVENT.search(n) for n in named) else []


# "會長A代表X，與B簽訂": A acts for X, the side A signed for; 代表 ends no title here
_ACTING_FOR = re.compile(r"(?<!的)代表(?![團团處处]|出席|參加|参加)(?P<side>[^，。代]{2,20})$")


def _signer_and_side(clause: str) -> tuple[list[ChinesePerson], list[str]]:
    """The people a clause before "與B簽署" names, and the sides it says they act for: "會長湯文龍
    代表律師會" gives 湯文龍 and 律師會 (not a person 律師會 whose title ends in 代表)."""
    if (acting := _ACTING_FOR.search(clause)) and (people := _people(_subject(clause[:acting.start()]))):
        return people, [n for n in _names(_bare_subject(acting["side"])) if _is_party(n)]
    return _people(_subject(clause)), []


def _sentence_subject(sentence: str, known: dict[str, str]) -> list[ChinesePerson]:
    """The people a sentence opens with, up to the first time, place or verb after them."""
    for clause in re.split(r"[，。]", sentence):
        first = _subject(clause) if not clause.startswith("在") else ""
        if stop := _SUBJECT_END.search(first, 2):
            first = first[:stop.start()]
        if people := _people(first, known):
            return people  # "當天在南京，林鄭月娥參觀了...": the first clause that names someone
    return []


# An organisation's name and the short form the text gives it in brackets: "香港科技大學（科大）".
# ("科大硅谷服務平台（安徽）有限公司（科大硅谷）": a place in brackets is part of the name)
_SHORT_FORM = re.compile(rf"(?P<full>[\u4e00-\u9fff]{{2,30}}?"
                         rf"(?:[（(][\u4e00-\u9fff]{{2,4}}[)）][\u4e00-\u9fff]{{0,10}}?)?{_ORG_END})"
                         rf"[（(](?P<short>[\u4e00-\u9fff]{{2,6}})[)）]")


def short_forms(text: str) -> dict[str, str]:
    """The short forms a text defines for organisations, each with the name it stands for: "到訪
    香港科技大學（科大）" gives 科大 -> 香港科技大學. The name runs from the first place it names
    ("到訪香港…": the verb before it is none of it), else from the clause's start."""
    found: dict[str, str] = {}
    for m in _SHORT_FORM.finditer(text):
        # (not at 及 or 和, which names hold: "證券及期貨事務監察委員會")
        clause = re.split(r"[，。、；：「」《》“”\s]|到訪|到访|訪問|访问|拜訪|拜访|參觀|参观|前往|"
                          r"率領|率领|聯同|联同|代表|出席|舉行|举行", m["full"])[-1]
        # (not a place in brackets, which is part of the name: "…服務平台（安徽）有限公司")
        unbracketed = _BRACKETS.sub(lambda b: "　" * len(b.group(0)), clause)
        opening = [unbracketed.find(place) for place in _PLACES if place in unbracketed]
        full = clause[min(opening):] if opening else clause
        # "A與B（乙）": B's short form, where A is a whole name before it
        joined = [j for j in re.finditer(r"[與与]", full) if _whole_name(full[:j.start()])]
        full = full[joined[-1].end():] if joined else full
        place = re.search(r"[（(](?P<inside>[^()（）]*)[)）]", full)
        if m["short"] != full and m["short"] not in _PLACES and _is_party(full) and \
                (place is None or place["inside"] in _PLACES):
            found.setdefault(m["short"], full)
    return found


# What a clause that holds no subject opens with: what for (為, 以及, 以便), when and where (於), or
# what the subject became ("，成為甲縣與乙縣史上首度締結的姊妹市").
_NO_SUBJECT = re.compile(r"為|为|以及|以便|於|于|成為|成为")
# "A攜手B簽署", "A携手B在北京签署": 攜手 between two names, then the signing in the same clause.
# (not after a word of will or manner: "雙方將攜手", "共同攜手")
_HAND_IN_HAND = re.compile(rf"(?<=[\u4e00-\u9fff）)])(?<![將将要會会同起])(?:攜手|携手)"
                           rf"(?=[\u4e00-\u9fff][^，。；]{{1,40}}?{_SIGN})")
# "多所大學", "三家機構": a count, then the kind; bodies of a kind, none named.
_COUNTED_KINDS = r"(?:多|數|数|幾|几|若干|一些|[一二兩两三四五六七八九十\d]+)[所家間间個个位]"
# "，並在會面期間簽署", "，并首次签署": a clause 並 joins on to the sentence's subject, signing, with no
# one named in it between.
# (not who witnessed or attended it: "，並見證兩地簽署")
_JOINED_SIGNING = re.compile(rf"[，,][並并](?:(?!{_WITNESS}|出席|參加|参加)[^，。與与和及、]){{0,12}}?"
                             rf"{_SIGN}")
# "在A、B的見證下": the witnessing as an aside of the signing clause; it has no subject of its own.
_WITNESSED_ASIDE = re.compile(rf"在[^，。在]{{2,160}}?(?:的)?(?:共同)?{_WITNESS}下(?:共同|一同|正式)?")
_BRACKETED_ASIDE = re.compile(r"[(（][^()（）\n]{0,120}[)）]")


def read_chinese(text: str, published: PartialDate | None = None) -> ChineseFacts:
    """What a Chinese text states about the agreement it announces; a sentence about an earlier
    signing (earlier.looks_back, as of `published`) states nothing of it."""
    # A comma typed as in English between Chinese words ("趙澤良,昨日"): a Chinese comma.
    # (not inside brackets: "兴业银行(Industrial Bank Co., Ltd,简称兴业银行,于中国内地注册成立)香港分行")
    # (nor a Chinese comma inside them: "（University of Illinois at Urbana-Champaign，簡稱UIUC）" is
    # an aside, not the end of the clause)
    text = _BRACKETED_ASIDE.sub(lambda m: re.sub("[,，]", "\x00", m.group(0)), text)
    text = re.sub(r"(?<=[\u4e00-\u9fff）)」》]),\s*(?=[\u4e00-\u9fff（(「《])", "，", text)
    text = text.replace("\x00", ",")
    # "與A、B，以及C簽署": the comma before 以及 is inside a list, not between clauses
    text = re.sub(r"，(?=以及)", "", text)
    # ("【勁報／記者甲／臺南報導】A與B今日簽署": a paper's byline in 【】 before the first words, no
    # part of the subject; blanked, keeping the offsets)
    text = re.sub(r"(?m)^【[^】\n]{1,40}】", lambda m: " " * len(m.group(0)), text)
    # "A攜手B簽署X": hand in hand with, a joiner of the two sides where a signing follows in the
    # clause (not "雙方將攜手推動合作", a wish)
    text = _HAND_IN_HAND.sub("與", text)
    signatories: list[ChinesePerson] = []
    witnesses: list[ChinesePerson] = []
    parties: list[str] = []
    # (not a title a sentence about an earlier signing names: "時任部長A與B簽署了《X》")
    # (nor one the text says is carried out, or acted under: "落實《X》年度重點工作", an agreement in
    # force already)
    titled = [m["title"] for sentence, _ in _sentences(text) if not looks_back(sentence, published)
              for m in _BRACKETED.finditer(sentence) if not _IN_FORCE.search(sentence[:m.start()])]
    # (a title without the words of the clause before it: "代表團並由廠商會會長施榮懷" is 廠商會會長)
    # (a title never holds a day's words: "郭毅可教授今日代表浸大" is one who acts for 浸大 today, and
    # 浸大 no one's name)
    known = {m["name"]: re.sub(r"^(?:.*?由|[並并])", "", m["title"]) for m in _TITLED.finditer(text)
             if not re.search(ZH_WHEN, m["title"])}
    shorts = short_forms(text)
    # The headline shortens ("兩地簽署多項協議"): what it names is a fallback for the body's.
    title_end = text.find("\n") if "。" not in text[:max(text.find("\n"), 0)] else -1
    bare: list[tuple[bool, str]] = []  # instruments named without 《》, and whether in the headline
    headline: list[str] = []  # the parties the headline names
    ceremonies: list[str] = []  # instruments named by a signing ceremony ("協議簽約儀式")
    pairs: list[str] = []  # two places by their short forms ("京澳雙方"): where nothing names more
    signings: list[TitledAgreement] = []  # the signing sentences' own, each naming two parties
    pairs_of_things: list[tuple[str, str]] = []  # two instruments one signing names ("X（MOU）及Y")
    joint: list[TitledAgreement] = []  # those two, with the parties of the sentence that names them
    two_cities = False  # "簽署兩市友好合作備忘錄": the two cities' own
    previous = ""  # the sentence before
    quoted_titles: list[str] = []  # instruments named in 「」 or “” after the verb
    for sentence, at in _sentences(text):
        if at == title_end + 1 and title_end > 0:
            headline, parties = parties, []
        # "A與B會面。……會面後雙方共同見證了……": the two who met, in the sentence before
        if previous and _BOTH_WITNESSED.match(sentence):
            witnesses += _met(previous, known)
        # "A與B今日在香港舉行會議。會後，雙方簽署了X": the two sides the sentence before opens with
        if previous and _SIDES_SIGNED.match(sentence) and (opening := _SUBJECT_END.search(previous)) and \
                len(named := _names(_bare_subject(previous[:opening.start()]))) == 2 and \
                all(map(_is_party, named)) and not _EVENT.search(named[-1]):
            parties += named
        previous = sentence
        if looks_back(sentence, published):
            continue  # "2019年，金管局已與X簽署合作備忘錄": history
        # "A與B舉行會談，雙方代表兩市政府簽訂了X": the two who met, in the clause before, signed it
        # ("A今年與B締盟滿30周年，雙方今天也簽署X": the two bodies of the clause before are its parties)
        if both := re.search(rf"[，,](?:雙方|双方)(?:{ZH_WHEN})*(?:也|亦)?(?:代表[^，。]{{2,12}}?)?"
                             rf"(?:共同|一同|正式)?{_SIGN}", sentence):
            signatories += _met(met := sentence[:both.start()].split("，")[-1], known)
            parties += _met_sides(met)
        party_mark, bare_mark = len(parties), len(bare)
        for verb in re.finditer(_SIGN, sentence):
            before = sentence[:verb.start()]
            # ("A在簽約現場為B點讚": the signing's venue, a noun, where A was)
            if re.match(r"(?:現場|现场|會場|会场)", sentence[verb.end():]):
                continue
            # ("雙方就簽署合作備忘錄、開展交流等達成共識": a signing they agreed on, not one made)
            if before.endswith("就") and \
                    re.match(r"[^。]*?(?:達成|达成)(?:了)?(?:共識|共识|一致)", sentence[verb.end():]):
                continue
            if re.match(r"(?:(?:及|暨|和|與|与)[^，。、]{1,6}?)?(?:儀式|仪式|典禮|典礼)",
                        sentence[verb.end():]):
                # "A和B在簽署儀式上合照", "A、B出席簽署儀式": the signing ceremony, a noun; who
                # attends it or stands at it did not sign (a witness says 見證)
                # ("A、B等共200餘人參加了簽約及揭牌儀式": a ceremony of the signing and more)
                # ("見證了滬澳兩地多項合作協議的簽署儀式": what was signed, and the two places)
                if (seen := re.split(f"{_WITNESS}了?", before)) and len(seen) > 1 and \
                        (m := _SIGNING_OF.fullmatch(seen[-1])):
                    bare.append((at < title_end, m["thing"]))
                    pairs += _place_pair(m["pair"], text) if m["pair"] else []
                continue
            # ("A代表X歡迎B一行來Y簽約": the signing is what B was welcomed for; who signed for whom
            # the clause does not say)
            if re.search(r"(?:歡迎|欢迎)[^，。；]*$", before):
                continue
            # "A、B等出席簽約": the signing is what they attended, a noun; they did not sign
            # ("A、B參加簽約或會見": the signing, or the meeting, that they attended)
            # ("A、B參加會談及簽約": the talks, and the signing, that they attended)
            if re.search(r"(?:出席|參加|参加|列席|觀摩|观摩)(?:[^，。；]{1,6}?(?:及|和|與|与|暨))?了?$",
                         before) and \
                    re.match(r"(?:(?:或|及|和|與|与|暨)[^，。；]{1,8})?(?:[，。；]|$)",
                             sentence[verb.end():]):
                continue
            # "A代表X對兩校簽署協議表示祝賀": the signing is what A spoke of, not what A did
            # ("A代表X對簽約表示祝賀": the signing itself, with nothing between)
            # (對外 opens a name: 對外經濟貿易大學)
            if re.search(r"[對对](?!外)[^，。對对]{0,12}$", before) and \
                    re.match(r"[^，。]*?表示", sentence[verb.end():]):
                continue
            # "「台美……合作瞭解備忘錄」完成簽署": the quoted name, right before the verb that says it
            # was signed
            if not titled and (quoted := _QUOTED_SIGNED.search(before)):
                quoted_titles.append(quoted["thing"])
                bare.append((at < title_end, quoted["thing"]))
            # "簽訂協議或合作備忘錄": one or the other, so neither is the instrument.
            elif not titled and (m := _INSTRUMENT.search(sentence, verb.end())) and \
                    not re.match(r"或|或者", sentence[m.end():]):
                whole = _SIGNED_THING.match(sentence[verb.end():])
                thing = whole["thing"] if whole and whole.end() == m.end() - verb.end() else m.group(0)
                # ("簽署了校企合作協議書": the whole name ends in the last word's own end, 協議書, past 協議)
                if whole and m.start() < verb.end() + whole.end() < m.end():
                    thing = sentence[verb.end() + whole.start("thing"):m.end()]
                # "簽署「醫衛合作了解備忘錄」": the quoted name, not its last word
                # ("簽署台馬“警政合作協定”": in “”, after the two places' short forms)
                # ("簽署「AI應用合作備忘錄（MOU）」": its acronym in brackets inside the quotation marks)
                if quoted := re.match(rf"了?(?:[\u4e00-\u9fff]{{2}}(?=[「“]))?[「“]"
                                      rf"(?P<thing>[^「」“”，。]{{0,40}}?{_INSTRUMENT.pattern})"
                                      r"(?:[（(][A-Za-z]{2,8}[)）])?[」”]",
                                      sentence[verb.end():]):
                    thing = quoted["thing"]
                    quoted_titles.append(thing)
                # ("签订“专科医疗联合体”协议书": what it is about in quotation marks, then its word)
                elif quoted := re.match(rf"了?(?P<thing>[「“][^「」“”，。]{{2,20}}[」”]{_INSTRUMENT_WORD})",
                                        sentence[verb.end():]):
                    thing = quoted["thing"]
                # ("簽署兩市友好合作備忘錄": whose it is, the two cities', is no part of its name)
                two_cities = two_cities or bool(re.match(r"(?:兩|两)市", thing))
                # (but a tripartite one's 三方 is its kind: "簽署三方合作備忘錄", where 雙方 is "both")
                thing = re.sub(r"^(?:(?:兩|两|雙|双|三)(?:市|地|國|国|校)|(?:兩|两|雙|双)方)(?=.{4})",
                               "", thing)
                if not re.fullmatch(rf"{_POINTING_BACK}{_INSTRUMENT_WORD}", thing):
                    bare.append((at < title_end, thing))
                # "簽署X（MOU）及Y（MRA）": a second instrument after the first's acronym, both signed
                # ("簽署學術合作備忘錄和學生交換協議": or right after the first's name)
                after = sentence[m.end():]
                if (joined := re.match(r"(?:[（(][A-Za-z]{2,8}[)）])?(?:及|和|以及)", after)) and \
                        (second := _SECOND_THING.match(after[joined.end():])):
                    bare.append((at < title_end, second["thing"]))
                    pairs_of_things.append((thing, second["thing"]))
            # "由A與B（分別）代表雙方簽署": the list, then on whose behalf
            # ("由A、B兩位校長代表兩校": how many they were, and what, after the list)
            # ("由A與B兩校校長代表共同簽署": whose heads they are, then what)
            by = (r"由(?P<list>[^，。由]{2,200}?)"
                  r"(?:[兩两三四五六七八九十多]方|[兩两三四五六]位(?P<who>[^，。由代]{0,6}?)|"
                  rf"[兩两雙双三四](?:校|院|地|市|會|会)(?P<who2>(?:(?!代表)[^，。由]){{0,4}}?{_TITLE_END}))?"
                  r"(?:共同|分別|分别)?"
                  r"(?:代表(?:(?:締約|缔约)?[雙双各兩两三]方|[兩两雙双三四](?:校|院|地|會|会)|各自(?:機構|机构|單位|单位)|"
                  # ("由A與B共同代表議會簽署": on behalf of a body they name, no part of the list; not
                  # a council of representatives, 代表會, in the last one's title: "鄉民代表會主席A")
                  # (not the list's own end: "…代表梅斯齊等分別代表簽署", a title's 代表, then the last
                  # name, "and others", each on behalf)
                  r"(?![會会團团處处])(?:(?!分別|分别)[^，。由與与和及、等]){2,12}?)?)?"
                  # ("由A、B代表雙方共同簽署": jointly, after on whose behalf)
                  r"(?:共同|一同|分別|分别)?"
                  r"(?:[於于在][^，。由與与和及、]{2,20})?"  # ("……於生產力局簽署": where)
                  # ("由A及B以線上方式簽署", "透過視像會議形式": how they signed)
                  r"(?:(?:以|通過|通过|透過|透过|採用|采用)[^，。由與与和及、]{1,8}?(?:方式|形式)(?:共同|一同|分別|分别)?)?$")
            if m := re.search(by, before):
                # ("聯盟合作協議由A、B和C共同簽署": what was signed, before 由)
                if not titled and (thing := re.search(
                        # (its kind alone, "備忘錄由", is the one named before: not a name of its own)
                        rf"(?:^|[，。])(?P<thing>[^，。由]{{2,12}}?{_INSTRUMENT_WORD})$",
                        before[:m.start()])) and not re.match(_POINTING_BACK, thing["thing"]):
                    bare.append((at < title_end, thing["thing"]))
                # 備忘錄由A和B簽署; "協議由A、B與C三方簽署": the parties, where no one is named
                if (who := m["who"] if m["who"] is not None else m["who2"]) is not None and \
                        not _people(m["list"]):
                    # ("由A、B兩位校長": the count says they are people, a name the tagger does not know)
                    # (each name the list's joiners part: "覺文郁與薛富盛兩校校長")
                    named = [ChinesePerson(n, who) for n in re.split(r"[、與与及]|以及", m["list"]) if n] \
                        if m["who2"] is not None else [ChinesePerson(n, who) for n in _names(m["list"])]
                elif not (named := _people(m["list"])) and \
                        len(orgs := _names(_bare_subject(m["list"]))) >= 2 and all(map(_is_party, orgs)):
                    parties += orgs
                signatories += named
                continue
            clauses = re.split(r"[，。]", before)
            while len(clauses) > 1 and clauses[-1].strip() and (_WITNESSED_ASIDE.fullmatch(clauses[-1]) or (
                    not re.search(_WITNESS, clauses[-1]) and
                    (not _bare_subject(clauses[-1]).strip() or re.match(_NO_SUBJECT, clauses[-1])))):
                # "A與B，昨日（29日），在北京簽署": a clause of when or where only; "A及B，為促進…，
                # 以及增進…，於…在香港簽署": what for; "A和B，在C的見證下簽署": who witnessed, an
                # aside; the subject is before them.
                clauses.pop()
            words = clauses[-1]
            if re.match(r"(?:獲|获|受到|被)", words):
                # "A到訪B，獲該校校長C等熱情接待，雙方簽署": who received them (獲, passive) is no
                # subject, nor said to have signed
                continue
            if re.search(_SIGN, words):
                # "包括A同B簽署備忘、C同D簽署意向書": a list of signings; this one's, after the last
                # 、 after the one before it.
                words = re.split(r"[、；]", words)[-1]
            if witnessed := list(re.finditer(_WITNESS, words)):
                # "A與B共同見證C與D簽署": A and B witnessed; C and D sign, as parties.
                named = _names(_bare_subject(words[witnessed[-1].end():]))
                if len(named) >= 2 and all(_is_party(n) for n in named):
                    parties += named
                else:  # "並見證商會代表與投資推廣署署長劉凱旋簽署": who signed, by title and name
                    signatories += _named_people(_subject(words[witnessed[-1].end():]), known)
                continue
            if m := re.match(r"[並并又]?(?:分別|分别)?[與与](?P<who>.+)$", words):
                # A今天在某處，與B簽署: B here, A in the clause before; "A今天率領代表團到訪X，並與B
                # 簽訂": A, whom the sentence opens with, where the clause before says more of A and
                # B is a person (with organisations, A led the signing and need not have signed)
                # ("A代表X，分別與B及C簽訂": each with one of them, and A signed them all)
                others = _people(_subject(m["who"]))
                # ("在A、B等領導的見證下，與C簽署": those who witnessed, in the clause before, did not sign)
                before_with, sides = _signer_and_side(clauses[-2]) \
                    if len(clauses) > 1 and not re.search(rf"{_WITNESS}下$", clauses[-2]) else ([], [])
                parties += sides
                # ("A表示，與B共同簽署X，是……": A said it, of the signing by A's body; who said it is
                # not stated to have signed)
                if len(clauses) > 1 and _SAID.search(clauses[-2]):
                    before_with = []
                elif not before_with and others:
                    before_with = _sentence_subject("，".join(clauses[:-1]), known)
                signatories += before_with + others
                continue
            if not words.strip() and len(clauses) > 1:
                if _SAID.search(clauses[-2]):
                    continue  # "李家超說，簽署協議是……": what he said, where signing is a noun
                words = clauses[-2]  # "A與B分別代表X及Y，簽署"
            co_signers: list[ChinesePerson] = []
            acted_for: list[str] = []  # the bodies 代表 names, each a party
            # ("A與B的代表出席簽署儀式": their representatives attended, a noun, not "for")
            if behalf := re.search(r"(?:分別|分别|共同|一同)?(?<!的)代表"
                                   r"(?![團团處处]|出席|參加|参加)(?P<who>.+)$", words):
                who = behalf["who"]
                # "A代表特區政府與B簽署": B signed with A
                if (co_signer := re.search(r"[與与](?P<co>[^與与]+)$", who)) and \
                        (others := _people(re.sub(_MANNER, "", _subject(co_signer["co"])), known)):
                    co_signers = others
                    who = who[:co_signer.start()]
                # (…政府共同; "代表香港和雲南在昆明簽署": where, after them)
                # ("駐斯國代表李南陽與B代表C簽署": 代表 ends A's title, and A, a person with whom a
                # person signed, signed too; a name that opens with a surname is one there)
                # ("代表A與B各縣、區政府負責人簽訂": a list of each of a kind names no party; A still is)
                listed = re.sub(_MANNER, "", _subject(who))
                if _EACH.search(listed):
                    listed = "與".join(part for part in re.split(r"[與与]", listed) if not _EACH.search(part))
                for n in _names(listed):
                    if is_person_name(n) or (co_signers and surname_first(n) and n not in _PLACES and
                                             not re.search(f"(?:{_ORG_END}|{_COMPANY_END})$", n)):
                        co_signers.insert(0, ChinesePerson(n, _subject(words[:behalf.start()]) + "代表"))
                    elif _is_party(n):
                        parties.append(n)
                        acted_for.append(n)
                words = words[:behalf.start()]
            co = re.match(r"[與与](?P<who>.+)$", _OPENERS.sub("", words))
            if co and words is not clauses[-1]:
                # "A在曼谷拜會X，又……，其後與B分別代表甲和乙，簽署": one subject for the clauses
                # of a sentence; B beside it.
                first = sentence[:sentence.find(words)]
                if (subject := _sentence_subject(first, known)) and (other := _people(co["who"], known)):
                    signatories += subject + other
                continue
            # ("A與B出席簽署儀式並代表雙方簽字": they attended the ceremony, and signed at it;
            # "A與B今日舉行簽約儀式，簽署X": they held it, and signed)
            words = re.sub(r"(?:出席|參加|参加|舉行|举行)[^，。]{0,10}?(?:儀式|仪式)[並并]?$", "", words)
            # ("A和B分別率領兩地政府代表團出席，並簽署": they led the delegations that attended, and
            # signed)
            led = re.search(r"(?:分別|分别|共同|一同)?(?:率領|率领|帶領|带领|率)[^，。]{0,12}?"
                            r"(?:代表團|代表团)(?:出席|參加|参加)$", clauses[-2] if len(clauses) > 1 else "")
            if led and re.fullmatch(r"[並并]", words.strip()):
                words = clauses[-2][:led.start()]
            who_signed = re.sub(_MANNER, "", _subject(words))
            people = _people(who_signed, known) or _one_for_each(who_signed, acted_for)
            # "A今日在香港與B簽訂": B signed with A, after where ("A在X同B簽署": 同, "with", too)
            there = re.search(r"[在於于][^與与，。在]{1,12}(?:[與与]|同(?![時时步期]))(?P<co>[^與与，。]+)$",
                              words)
            if people and there:
                people += _people(re.sub(_MANNER, "", there["co"]), known)
            if behalf and re.fullmatch(r"[並并]?(?:分別|分别|共同|一同)?", words) and len(clauses) > 1:
                # "A與B分別致辭，並代表雙方簽署": the people the sentence opened with; "A於全運會
                # 期間，代表特區政府與B簽署": A, and B with A
                people += _sentence_subject("，".join(clauses[:-1]), known)
            people += co_signers
            # "區長張勇，校長徐揚生共同簽署協議": one titled person alone before the comma
            # ("甲區區長A，乙市市長B，丙市市長C分別代表各自政府簽字": each clause before, one such)
            back = 2
            while people and len(clauses) >= back and _lone_titled(clauses[-back], known):
                people = _people(clauses[-back], known) + people
                back += 1
            if people:
                signatories += people
                # (the bodies whose heads signed beside them, unnamed, are parties)
                if (heads := _heads_listed(words)) and \
                        (bodies := _names(_bare_subject(heads["bodies"]))) and all(map(_is_party, bodies)):
                    parties += bodies
                continue
            subject = _bare_subject(words)
            named = _names(subject)
            # ("A、B分別代表星源、月興兩市政府簽訂": those who act for others, where no organisation's
            # word ends their names, are people the tagger may not know, never parties)
            if len(named) >= 2 and all(_is_party(n) for n in named) and \
                    not (behalf and not any(re.search(f"(?:{_ORG_END}|{_COMPANY_END})$", n) for n in named)):
                parties += named  # 香港與加拿大再次簽訂
            else:
                pairs += _place_pair(_subject(words), text)  # 京澳雙方簽訂
        # 與香港浸會大學同時簽約的內地大學包括：A、B、C
        # "A、B、C三方合作舉辦…的簽約儀式": a list the text counts as the sides of a signing
        counted = (rf"(?:^|[，。])(?:[^，。由]{{0,20}}由)?(?P<list>[^，。由]{{4,80}}?)[兩两三四五]方"
                   rf"(?:合作|共同)?[^，。]{{0,30}}?(?:簽約|签约|{_SIGN})")
        for m in re.finditer(counted, sentence):
            if len(named := _names(_bare_subject(m["list"]))) >= 2 and all(map(_is_party, named)):
                parties += named
        # "A與B戰略合作協議簽約儀式在X舉行": the ceremony's name holds the parties and the instrument.
        # ("A與B合作備忘錄簽署暨雙邊工作站建設啟動儀式": a ceremony of the signing and more)
        # ("「共融共贏」校長論壇暨A與B合作簽約儀式": after the quotation and the event before 暨)
        ceremony = rf"(?:^|[，。「」]|(?:論壇|论坛|大會|大会|年會|年会|峰會|峰会)暨)" \
                   rf"(?P<head>[^，。「」]{{4,80}}?){_SIGN}(?:暨[^，。」]{{0,20}}?)?(?:儀式|仪式)"
        # ("A與B舉行「X協議」簽約儀式": the instrument in quotation marks, as a part of the ceremony's name)
        unquoted = re.sub(rf"[「“](?P<thing>[^「」“”，。]{{2,40}}?{_INSTRUMENT.pattern})[」”]"
                          rf"(?={_SIGN}(?:暨[^，。」]{{0,20}}?)?(?:儀式|仪式))", r"\g<thing>", sentence)
        for m in re.finditer(ceremony, unquoted):
            head = _subject(m["head"])
            # ("A與B在香港舉行戰略合作協議簽約儀式": where they held it, between the sides and what
            # was signed, is neither)
            # ("A與B11日於X舉行…簽署儀式": the day before it too)
            if (held_at := re.search(r"[在於于][^，。在於于]{1,12}?(?:舉行|举行|舉辦|举办)", m["head"])) and \
                    (sides := _subject(m["head"][:held_at.start()])) and head.startswith(sides):
                head = sides + m["head"][held_at.end():]
            if not (kind := re.search(f"{_INSTRUMENT.pattern}$", head)):
                # "A與B戰略合作簽約儀式": the two sides of a cooperation, no instrument named
                # ("A和B締結友好城市簽約儀式": of two cities' friendship)
                # ("A與B締結友好城市合作簽約儀式": both, the friendship, then the cooperation)
                work = re.search(r"(?:(?:締結|缔结)?友好城市)?(?:(?:戰略|战略|全面|框架)*合作)?$", head) \
                    if re.search(r"合作$|友好城市$", head) else None
                sides = head[:work.start()] if work else ""
                # ("A與B溝通交流暨戰略合作簽約儀式": an activity before 暨, the ceremony's other part,
                # after the last name's own end)
                if other := re.fullmatch(
                        rf"(?P<sides>.+(?:{_ORG_END}|{_COMPANY_END}))[^，。與与和及、]{{1,8}}暨", sides):
                    sides = other["sides"]
                # ("A與B市校合作簽字儀式": the kind of cooperation, after the last name's own end;
                # "A與B、C…文化创意产品开发及相关领域全面战略合作签约仪式": its fields, at length)
                ends = rf"(?P<sides>.+(?:{_ORG_END}|{_COMPANY_END}))"
                if work and (((kind := re.fullmatch(rf"{ends}[^，。與与和及、]{{2,3}}", sides)) and
                              not all(map(_is_party, _names(sides)))) or
                             (kind := re.fullmatch(
                                 rf"{ends}[^，。與与和及、]{{2,10}}[及和][^，。與与和及、]{{2,10}}", sides))):
                    sides = kind["sides"]
                # ("我院與B…簽約儀式": the publisher, by "we", and B; B is the one the text names)
                ours = _OURS.search(m["head"]) and re.match(r"[與与和]", sides)
                if work and ((ours and len(named := _names(sides[1:])) == 1 and _is_party(named[0])) or
                             (len(named := _names(sides)) >= 2 and all(map(_is_party, named)))):
                    parties += named
                # ("集團公司與B在京舉行戰略合作簽約儀式": the publisher by its kind, 集團公司, and B; B
                # is the one the text names)
                elif work and len(named := _names(_bare_subject(sides))) == 2 and \
                        re.fullmatch(rf"(?:集團|集团)?{_GENERIC}", named[0]) and _is_party(named[1]):
                    parties.append(named[1])
                continue
            start = thing = kind.start()
            # ("A與B文旅合作協議簽約儀式": the field the instrument is about, 文旅, after the last
            # name's own end, 廳, is the instrument's)
            ends = list(re.finditer(f"(?:{_ORG_END}|{_COMPANY_END})", head[:start]))
            # ("A與B區域協同發展科研新項目合作協議": up to twelve characters of what it is about)
            if ends and 1 <= start - ends[-1].end() <= 12 and \
                    not re.search(r"[與与和及、]", head[ends[-1].end():start]):
                start = thing = ends[-1].end()
                # ("A與B合作交流座談會暨戰略合作框架協議簽約儀式": an event, and the signing; the
                # instrument's name starts after 暨)
                if (event := head.rfind("暨", start, kind.start())) >= 0:
                    thing = event + 1
                # ("A與B3日舉行合作備忘錄簽署儀式": they held (舉行) the ceremony; the verb, and the day
                # before it, are no part of the instrument's name)
                if held := re.search(r"(?:舉行|举行|舉辦|举办|進行|进行)了?", head[start:kind.start()]):
                    thing = start + held.end()
            # ("我校與B舉行校企合作框架協議簽約儀式": the publisher, by "we", and B, as above)
            ours = _OURS.search(m["head"]) and re.match(r"[與与和]", head)
            # ("今（25）日與B舉行X簽約儀式": the subject of the sentence before, the day, then B)
            # (only a day's words before 與: "…建設與產業轉型升級全面戰略合作協議" is what it is about)
            elided = re.fullmatch(rf"(?:{_WHEN}|[今昨本]?[（(]?\d{{1,2}}[)）]?日|\d{{1,2}}月)*"
                                  r"[與与](?P<other>.+)", head[:start])
            if (len(named := _names(head[:start])) >= 2 and all(_is_party(n) for n in named)) or \
                    (ours and len(named := _names(head[1:start])) == 1 and _is_party(named[0])) or \
                    (elided and len(named := _names(elided["other"])) == 1 and _is_party(named[0])):
                parties += named
                # ("A與B的合作意向書簽署儀式": whose it is, 的, is no part of its name)
                ceremonies.append(re.sub(r"^的", "", head[thing:]))
        # ("又與A、B簽署": each of the list; "與A在B市簽署": A, the place after it is none of it)
        # ("與A、機器人與工程系統實驗室簽署": the list runs from the first 與, and a name may hold one)
        # ("與A（甲）就B合作簽訂": what about, between the party and the verb)
        together = (rf"[與与](?P<org>(?:(?!見證|见证|出席)[^，。在於于就]){{2,60}}?"
                    rf"(?:{_ORG_END}|{_COMPANY_END}))"
                    rf"(?:[（(](?P<aside>[^）)，。]{{1,12}})[）)])?(?:就[^，。]{{2,40}}?)?"
                    rf"(?:同時|同时|一同|共同)?{_SIGN}")
        m = re.search(together, sentence)
        # ("公共衛生與健康學院與甲集團簽訂": the first 與 is the department's name's own)
        while m and _joins_fields(sentence[:m.start()], sentence[m.start() + 1:]):
            m = re.compile(together).search(sentence, m.start() + 1)
        # ("與多所大學和港澳子弟學校簽署": a list a count opens is of kinds, the count's, none named)
        if m and re.match(_COUNTED_KINDS, m["org"]):
            m = None
        # ("與台灣的金融監督管理委員會": whose it is, then its name)
        others = [re.sub(rf"^(?:{'|'.join(_PLACES)})的", "", n)
                  for n in _names(m["org"] + (f"（{m['aside']}）" if m["aside"] in _PLACES - _ABROAD else ""))
                  if _is_party(n)] if m and not _EACH.search(m["org"]) else []
        if not others:
            # "A（甲）18日與首批共59個機構簽署": the others are no party by name, A still signed
            m = re.search(rf"[與与][^，。與与]{{2,30}}?(?:同時|同时|一同|共同)?{_SIGN}", sentence)
        # ("A代表X對甲市與乙集團簽約表示祝賀": the signing is what A spoke of; X did not sign)
        if m and re.search(r"[對对](?!外)[^，。對对]{0,30}$", sentence[:m.start()]) and \
                re.match(r"[^，。]*?表示", sentence[m.end():]):
            m, others = None, []
        # "與A簽署X，以及與B簽署Y", "除與A簽署X外，還與B簽訂Y": each later "與B簽署" of the sentence
        # names another party
        if m and others:
            for later in re.finditer(together, sentence[m.end():]):
                if not re.match(_COUNTED_KINDS, later["org"]) and not _EACH.search(later["org"]):
                    parties += [n for n in _names(later["org"]) if _is_party(n)]
        if m:
            # "A（甲）今日在X上與B簽署": A too, the subject of the clause (or of the one before, where
            # it announced: "A 23日宣布，已與B簽署")
            clauses = re.split(r"[，。]", sentence[:m.start()])
            subject = _bare_subject(re.sub(r"^(?:已經|已经|已|並|并|亦|也)+", "", clauses[-1]))
            # ("A書記陳某代表X管委會與B簽署": X, for whom the person before 代表 signed)
            subject = re.sub(r"^.*(?<!的)代表(?![團团處处])", "", subject)
            if len(_names(subject)) >= 2:
                # "A與B在澳門中國與葡語國家…中心簽署": the subject names the two sides already; the
                # 與 after it is inside where they signed
                subject, others = "", []
            parties += others  # (a bracket holds an acronym, or a place that is part of the name)
            if not subject and len(clauses) > 1 and (said := re.search(
                    r"^(?P<who>.+?)(?:(?:\d{1,2}月)?\d{1,2}日)?(?:早上|上午|下午|晚上|早|晚)?"
                    r"(?:宣布|宣佈|公布|公佈|表示)$", clauses[-2])):
                subject = _bare_subject(said["who"])
            elif not subject and len(clauses) > 1 and (during := re.search(
                    r"^(?P<who>[^，。]+?)[於于在][^，。]{2,20}(?:期間|期间)$", clauses[-2])):
                # "A於雲南考察期間，日前（28日）與B簽署": A, where it was then
                subject = _bare_subject(during["who"])
            elif not subject and len(clauses) > 1 and (purpose := re.search(
                    r"^(?P<who>[^，。]+?)[為为](?:推動|推动|促進|促进|加強|加强|深化|落實|落实)[^，。]{2,30}$",
                    clauses[-2])):
                # "A為推動海運新南向，今天與B簽署": A, what it signed for said between
                subject = _bare_subject(purpose["who"])
            elif not subject and len(clauses) > 1 and re.fullmatch(rf"{_WHEN}+", clauses[-1].strip()):
                # "A，昨日與B簽署": a clause of when only, the subject before it ("創校百年的A": what
                # it is, before 的, is no part of its name)
                subject = re.sub(rf"^[^，。的與与和及]{{2,20}}的(?=[^，。的]{{2,30}}?{_ORG_END}$)", "",
                                 _bare_subject(clauses[-2]))
            # (an organisation by its kind's word: a person or a phrase there is no party)
            # (or a state, as a city by 市: "澳大利亞維多利亞州25日與B簽署")
            # (nor a person whose name ends in a body's word: "林定國與賀榮簽署了《X》", not a country)
            if subject and _is_party(subject) and re.search(f"(?:{_ORG_END}|州)$", subject) and \
                    not re.search(_WITNESS, subject) and not (len(subject) <= 3 and is_person_name(subject)):
                parties.append(_own_name(subject))  # (as a list's names are: "我國通訊及新聞部")
        # "訪問團其後到訪X，A與該校理事長B簽署": 該校 (that school) is the one the clause before says
        # they visited, a party
        visit = r"(?:到訪|到访|拜訪|拜访|訪問|访问|參觀|参观)"
        if (m := re.search(rf"{visit}(?P<org>(?:(?!{visit})[^，。、與与和及]){{2,30}}?"
                           rf"(?:{_ORG_END}))[，,](?:[^，。]*?[與与和及])?(?:該|该)(?:校|院|公司|集團|集团|醫院|医院)"
                           rf"[^，。]{{0,20}}?{_SIGN}", sentence)) and _is_party(m["org"]):
            parties.append(m["org"])
        # "並與科大簽訂": an organisation by the short form the text gave it
        if shorts and (m := re.search(rf"[與与](?P<short>{'|'.join(map(re.escape, shorts))})"
                                      rf"(?:同時|同时|一同|共同)?{_SIGN}", sentence)):
            parties.append(shorts[m["short"]])
        if m := re.search(rf"{_SIGN}的[^：:，。]{{0,20}}(?:包括|有|為|为)[：:](?P<list>[^。]+)", sentence):
            parties += [n for n in _names(m["list"].rstrip("，等")) if _is_party(n)]
        # "與三家機構簽署合作備忘錄，分別是：A、B及C": who they were, named after the signing
        named_after = rf"{_SIGN}[^，。：:]{{0,20}}[，,](?:分別是|分别是|分別為|分别为)[：:]?(?P<list>[^。]+)"
        if m := re.search(named_after, sentence):
            parties += [n for n in _names(m["list"].rstrip("，等")) if _is_party(n)]
        # "簽約雙方為A及B": the two who signed, named after 為
        if m := re.search(rf"(?:簽約|签约|{_SIGN})(?:雙方|双方|各方)(?:代表)?(?:為|为|是|分別為|分别为)[：:]?"
                          r"(?P<list>[^。，]+)", sentence):
            signatories += _people(m["list"].rstrip("，等"), known)
        # "雙方簽署人分別為A及B", "簽約人是A和B": who signed, named after the word for the signers
        if m := re.search(r"(?:簽署人|签署人|簽約人|签约人|簽字人|签字人)(?:分別|分别)?(?:為|为|是)[：:]?"
                          r"(?P<list>[^。，]+)", sentence):
            signatories += _people(m["list"].rstrip("，等"), known)
        # "此次簽署由A院長與B院長共同完成", "簽署儀式由A、B共同完成": who signed, what they did
        if m := re.search(rf"{_SIGN}(?:儀式|仪式)?由(?P<list>[^，。由]{{2,80}}?)(?:共同|一同)完成", sentence):
            signatories += _people(m["list"], known)
        # "簽署合作備忘錄的代表包括A、B及C": who signed
        # ("中方的簽署代表則有A、B及C", "代表我國簽署的部長包括A、B": the signers, and what they were)
        if m := re.search(rf"{_SIGN}(?:[^，。：:]{{0,12}}的)?(?:代表|部長|部长|官員|官员)(?:則|则)?"
                          rf"(?:包括|有|計有|计有|為|为|是)[：:]?(?P<list>[^。]+)", sentence):
            signatories += _people(m["list"].rstrip("，等"), known)
        if re.search(_WITNESS, sentence):
            # "見證簽署儀式的嘉賓包括：A、B": a list of witnesses after a colon
            colon = rf"{_WITNESS}[^，。：:]{{0,12}}的[^，。：:]{{0,6}}(?:包括|有|為|为)[：:](?P<list>[^。]+)"
            if m := re.search(colon, sentence):
                witnesses += _people(m["list"].rstrip("，等"), known)
            # "出席見證貴賓包括A、B、丙町代表及D等人，……": the guests who witnessed, no colon, the list
            # to the clause's end (one named only by a title is a person the text does not name)
            elif m := re.search(rf"{_WITNESS}(?:的)?(?:貴賓|贵宾|嘉賓|嘉宾|來賓|来宾|人士)(?:包括|有)"
                                rf"(?P<list>[^，。：:]+)", sentence):
                witnesses += _people(m["list"], known, unnamed=True)
            # ("在A及B出席見證下": they attended, and witnessed; 出席 is no part of B's name)
            for m in re.finditer(rf"在(?P<list>[^在，。]{{2,120}}?)(?:的)?(?:共同)?"
                                 rf"(?:(?:出席|{_CAME})[並并]?)?{_WITNESS}下", sentence):
                witnesses += _people(m["list"], known, unnamed=True)
            # "由正在波爾多訪問的行政長官A和市政府官員見證": witnessed by, after what they were doing
            # ("並由A及B親臨見證": came in person, and witnessed; 親臨 is no name)
            by_whom = rf"由(?:[^，。由的]{{0,20}}的)?(?P<list>[^，。由]{{2,80}}?)(?:共同)?" \
                      rf"{_CAME}?{_WITNESS}"
            for m in re.finditer(by_whom, sentence):
                witnesses += _people(m["list"], known)
            # "在A，B，以及C見證下": a long list in commas, read only where each part is a person
            in_commas = rf"在(?P<list>[^在。]{{2,160}}?，[^在。]{{2,160}}?)(?:的)?(?:共同)?{_WITNESS}下"
            for m in re.finditer(in_commas, sentence):
                listed = re.sub(r"，(?=以及|及|和|與|与)", "", m["list"]).replace("，", "、")
                witnesses += _people(listed, known)
            # "A出席洽談會，並見證...", "A參觀了展覽，并与B共同见证...": the witness is the
            # sentence's subject, named in its first clause; B beside it witnessed too.
            # "A率領的代表團，與B率領的代表團，……，共同見證": the leaders witnessed.
            for m in re.finditer(rf"[，,](?:[並并])?(?:共同|一同){_WITNESS}(?!下)", sentence):
                before = sentence[:m.start()]
                for leader in re.findall(r"(?:^|[，與与])([^，。與与]{2,30}?)率[領领]的", before):
                    witnesses += _people(_subject(leader), known)
                # "A會見B一行，並共同見證": the two of the meeting, in the clause before
                meeting = re.split(r"[，。]", before)[-1]
                if met := re.fullmatch(r"(?P<host>[^，。]{2,30}?)(?:會見|会见|會晤|会晤)"
                                       r"(?P<guest>[^，。]{2,40}?)(?:一行)?", meeting):
                    witnesses += _people(_subject(met["host"]), known) + _people(met["guest"], known)
            # "A董事長甲、行長乙，與B董事長丙、行長丁，見證簽約": the lists of people in the clauses
            # before, each after the first opened by 與, witnessed
            for m in re.finditer(rf"[，,]{_WITNESS}(?!下)", sentence):
                clauses = re.split(r"[，。]", sentence[:m.start()])
                groups: list[list[ChinesePerson]] = []  # (nearest first)
                while clauses:
                    clause = clauses.pop()
                    joined = re.match(r"[與与和]", clause)
                    named = _people(clause[1:] if joined else clause, known)
                    if not named or re.search(f"{_SIGN}|{_WITNESS}", clause):
                        break
                    groups.append(named)
                    if not joined:
                        break
                witnesses += [person for group in reversed(groups) for person in group]
            with_whom = r"(?:[與与和](?P<co>[^，。]{2,30}?)(?:共同|一同))?"  # (並和X共同見證)
            # ("A與B舉行會談，並共同見證簽約": together, no one beside them named)
            for m in re.finditer(rf"[，,][並并]{with_whom}(?:共同|一同)?{_WITNESS}(?!下)", sentence):
                witnesses += _sentence_subject(sentence[:m.start()], known)
                witnesses += _people(m["co"] or "", known)
                # "A在武漢拜會B，雙方就…交流，並見證": both sides of the visit witnessed
                clauses = re.split(r"[，。]", sentence[:m.start()])
                if len(clauses) >= 2 and re.match(r"(?:雙方|双方)", clauses[-1]) and (visited := re.search(
                        r"(?:拜會|拜会|會見|会见|會晤|会晤)(?P<who>[^，。]{2,40})$", clauses[-2])):
                    witnesses += _people(_subject(visited["who"]), known)
            # ("A、B在場見證", "A出席並見證", "A擔任見證人")
            # ("A今日在上海與B共同見證": B beside A, after where)
            listed = (rf"(?:^|[，。])(?P<list>[^，。在於于]{{2,120}}?)(?:[在於于][^，。在與与]{{1,12}}?)?"
                      rf"(?:[與与](?P<co>[^，。在與与]{{2,30}}?)(?=一同|共同))?"
                      # ("A、B等人應邀見證觀禮": invited, they witnessed)
                      # ("A與B亦親臨現場，一同見證": they came to the spot, and witnessed together)
                      # ("A、B也都到場共同見證": they all came too)
                      rf"(?:(?:亦|也)都?)?(?:應邀|应邀)?(?:{_CAME}(?:現場|现场)?(?:[，,](?=一同|共同))?)?"
                      rf"(?:在場|在场|一同|共同|擔任|担任)?"
                      # ("A參加會談並見證簽字": took part in the talks, and witnessed)
                      # ("A、B等參加會議，並共同見證簽約儀式": a comma before 並)
                      # ("A與B會談并見證簽約": they held talks, and witnessed)
                      # ("A與B一行座談並見證簽約": A held a discussion with B's delegation, and both
                      # witnessed; B may name no one)
                      rf"(?:(?:(?:出席|參加|参加)(?:[^，。]{{0,20}}?，?[並并])?|"
                      rf"(?:[與与](?P<met>[^，。與与]{{2,30}}?))?"
                      rf"(?:會談|会谈|會晤|会晤|會見|会见|座談|座谈)[並并])(?:共同|一同)?)?{_WITNESS}(?!下)")
            for m in re.finditer(listed, sentence):
                # ("A和B19日在北京共同見證": the day after the names is none of them, nor the time
                # of day after it: "A 15日傍晚與B共同見證")
                words = re.sub(rf"(?:{ZH_WHEN})+$", "", ZH_CANDIDATE.sub("", m["list"]))
                # ("A、B及縣府各局處首長": the heads of each bureau, a group the text names no one of)
                words = re.sub(r"[及和與与][^、，。及和與与]{0,12}各[^、，。及和與与]{1,10}$", "", words)
                # (one named only by a title, "文化部代表", is a person the text does not name)
                # "A參加會見，與B、C出席簽約儀式並見證簽約": A, whom the clause before opens with, and
                # the list after 與 (a clause before that signed is no one's who witnessed)
                if not (named := _people(words, known) or _people(words, known, unnamed=True)) and \
                        m.start() > 0 and \
                        (rest := re.match(r"[與与](?P<list>.+)$", words)) and \
                        (others := _people(rest["list"], known)):
                    earlier = re.split(r"[，。]", sentence[:m.start()])[-1]
                    if not re.search(_SIGN, earlier) and (opening := _sentence_subject(earlier, known)):
                        witnesses += opening
                        named = others
                elif named:
                    # "A、B、C，D出席並見證": a list of people before a comma goes on in this one
                    # (not a clause of its own: "A、B代表雙方簽署，C出席並見證" - A and B signed)
                    # ("A集團董事長甲，B主席乙出席並見證": one titled person alone before the comma,
                    # and each before it: "A書記甲，A校長乙，B市長丙等出席活動並見證")
                    going_on: list[str] = []  # (the clauses before, nearest first)
                    before_list = re.split(r"[，。]", sentence[:m.start()]) if m.start() > 0 else []
                    for earlier in reversed(before_list):
                        lone = _lone_titled(earlier, known)
                        if not ("、" in earlier or lone) or re.search(_SIGN, earlier):
                            break
                        going_on.append(earlier)
                        if not lone:
                            break
                    witnesses += [p for earlier in reversed(going_on) for p in _people(earlier, known)]
                    witnesses += _people(m["co"] or "", known)
                witnesses += named
                if named:  # (and those they met, after them)
                    witnesses += _people(_subject(m["met"] or ""), known)
            # "A、B等人，昨天見證": the list before 等人, then a clause of when only
            for m in re.finditer(rf"(?:^|[，。])(?P<list>[^，。]{{2,160}}?)等人?[，,](?:{_WHEN})+"
                                 rf"(?:共同|一同)?{_WITNESS}(?!下)", sentence):
                witnesses += _people(m["list"], known)
            # "A與B一同主持會議，……，而兩人在會上見證了": the two the sentence opened with
            if re.search(rf"[，,](?:而|並|并)?(?:兩|两|二)人(?:[在於于][^，。在]{{1,12}}?)?"
                         rf"(?:亦|也|共同|一同)?{_WITNESS}", sentence):
                # (the pair together: "A與B一同主持" names both, where 與…一同 elsewhere says "with")
                opening = _subject(re.split(r"[，。]", sentence)[0])
                opening = re.split(r"一同|共同|[今昨在於于]|主持|出席|率", opening)[0]
                if len(pair := _people(opening, known)) == 2:
                    witnesses += pair
        # "A與B代表今日會面，……，並在會面期間簽署X": the two organisations the sentence opens with
        # signed, in a clause of theirs that 並 joins on and names no one else
        first = re.split(r"[，。]", sentence)[0]
        if _JOINED_SIGNING.search(sentence) and (opening := _SUBJECT_END.search(first)) and \
                len(named := _names(_bare_subject(first[:opening.start()]))) == 2 and \
                all(_is_party(n) and re.search(f"(?:{_ORG_END}|{_COMPANY_END})$", n) for n in named):
            parties += named
        # Each signing sentence's own instrument and parties: "A與B今天簽署X。……C與D亦簽署了Y。"
        own = tuple(dict.fromkeys(parties[party_mark:]))
        if at > title_end and len(own) >= 2 and len(things := {w for _, w in bare[bare_mark:]}) == 1:
            signings.append(TitledAgreement(things.pop(), own))
        if at > title_end and pairs_of_things and len(own) >= 2 and not joint:
            # (both for the same parties: one signing of two instruments)
            joint += [TitledAgreement(thing, own) for thing in pairs_of_things[-1]]
    # A title names its parties as its own words put them ("中華人民共和國澳門特別行政區"): the
    # body's names come first, the title's where the body names none.
    if not parties:
        # (a title in 「」 names them as one in 《》 does: "簽署「A政府與B政府技術合作協定」")
        parties += [n for title in titled or quoted_titles for n in title_parties(title)]
    else:
        # "並與B簽訂……A和B代表兩校在《A B戰略合作框架協議》上簽字": the one party the body names, and
        # the other the title names beside it
        # ("我校與乙區人民政府簽署《乙區•甲大學合作協議》……此次與乙區簽訂": each the body names is
        # one the title names, by its name or its name and more; the title's other is the one 我校
        # stands for)
        parties += [n for title in titled
                    if (named := title_parties(title)) and
                    all(any(p == n or (len(n) >= 3 and p.startswith(n)) for n in named) for p in set(parties))
                    for n in named]
    if len(set(parties)) < 2:
        # Where no sentence names the parties, or only one (an agreement has two at least): the
        # organisations the signatories' titles open with ("澳門貿易投資促進局主席張祖榮" acts for
        # 澳門貿易投資促進局), as the English reader does.
        # (a government only where the headline does not name two parties: "港中大与龙岗区签署"
        # over 龙岗区人民政府副区长, whose title is the only one that names an organisation)
        # ("甲高中董事長A、校長B一行": B's title alone, after the list's first, is of 甲高中 too)
        # ("重點姊妹校日本九州大學校長": what the university is to the other, before its name, is
        # none of it, as in a list of names)
        parties += [_undescribed(org) for p in signatories
                    if (org := title_organisation(p.title) or _listed_after(p.name, text) or
                            _body_alone(p.title)) and
                    (len(set(headline)) < 2 or not org.endswith("政府"))]
    if len(set(parties)) < 2 and two_cities:
        # "甲市市長A與乙市長B…簽署兩市…備忘錄": the two cities their mayors signed for
        parties += [m["city"] for p in signatories if (m := _MAYOR.fullmatch(p.title))]
    if len(set(parties)) < 2:
        parties += pairs  # (the places, where no organisation is named)
    # "中國和香港簽署……後" beside "A局與B部簽署": places that sign in their own name are parties only
    # where the text does not name two organisations as the parties (a place beside one is kept)
    if len(set(organisations := [n for n in parties if n not in _PLACES])) >= 2:
        parties = organisations
    # ("《……合作協議》（下稱《合作協議》）": the short name the text then calls it is no second one)
    aliases = {m["title"] for m in _BRACKETED.finditer(text)
               if _ALIAS.search(text[max(0, m.start() - 6):m.start()])}
    signed_titles = list(dict.fromkeys(m["title"] for sentence, _ in _sentences(text)
                                       if re.search(_SIGN, sentence) and not looks_back(sentence, published)
                                       for m in _BRACKETED.finditer(sentence) if m["title"] not in aliases
                                       and not _IN_FORCE.search(sentence[:m.start()])))
    several = tuple(TitledAgreement(t, tuple(n for n in title_parties(t) if n in text))
                    for t in signed_titles) if len(signed_titles) >= 2 else ()
    if not several:  # "A與B簽署X、C與D簽署Y": a list of signings, each its own agreement
        several = next((tuple(listed) for sentence, _ in _sentences(text)
                        if (listed := _listed_signings(sentence))), ())
    if not several and _apart(signings):
        several = tuple(signings)  # "A與B今天簽署X。……C與D亦簽署了Y": sentence by sentence
    if not several and joint:
        several = tuple(joint)  # "A與B今天簽署X（MOU）及Y（MRA）": two instruments of one signing
    # Only what the text writes: a name rebuilt from pieces (brackets or a date taken out of the
    # middle of it) is no name the text states.
    # ("甲县与乙院签约……副县长A、乙院总会计师B、丙集团董事长C代表三方签署": where the body gives one
    # party only, and one the headline does not name, the headline's two are parties too)
    if len(set(parties)) == 1 and len(set(headline)) >= 2 and \
            not any(parties[0] in h or h in parties[0] for h in headline):
        parties = headline + parties
    parties = [_undescribed(shorts.get(n, n)) for n in parties or headline]
    body = [words for in_headline, words in bare if not in_headline] or [words for _, words in bare]
    # ("A與B合作協議簽約儀式……簽署協議": the ceremony's 合作協議 says more than the bare 協議 after it;
    # "合作框架協議簽約儀式……此次簽訂合作協議": more than 合作協議, each of its words in order)
    body = [next((c for c in ceremonies if _says_more(c, words)), words) for words in body]
    # (and the other way: "A與B合作交流座談會暨戰略合作框架協議簽約儀式……簽署經濟社會發展戰略合作框架
    # 協議": the signing's name says more than the ceremony's)
    ceremonies = [next((words for words in body if _says_more(words, c)), c) for c in ceremonies]
    if several and not titled and (main := _main_signing(several, parties, body)):
        # "A與B代表兩地簽署X。簽約儀式上，C與D簽署Y，E與F簽署Z": X first, then the list's
        several = (main, *several)
    # ("A與B經濟合作框架協議簽署儀式在X舉行。……今年5月，兩省又簽署了Y": what the text names first
    # after its headline, the ceremony's, not another signing's told after it)
    named = sorted(body + ceremonies, key=lambda words: _first_after(text, words, max(title_end, 0)))
    # Each agreement's parties as the whole text's are: by the full name a short one stands for,
    # and only as the text writes them.
    several = tuple(replace(agreement, parties=tuple(dict.fromkeys(
        name for name in (shorts.get(p, p) for p in agreement.parties)
        if name in text and _well_formed(name))))
        for agreement in several)
    return ChineseFacts(titled[0] if titled else next(iter(named), None),
                        tuple(dict.fromkeys(n for n in parties if n in text and _well_formed(n))),
                        _once(p for p in signatories if p.name in text and _a_name(p.name)),
                        _once(p for p in witnesses if p.name in text and _a_name(p.name)), several)


# A double surname alone ("令狐大使": the ambassador by his surname), no name of a person.
_DOUBLE_SURNAMES = words("令狐 歐陽 欧阳 司徒 上官 諸葛 诸葛 司馬 司马 東方 东方 公孫 公孙 慕容 夏侯 皇甫 "
                         "尉遲 尉迟 長孫 长孙 宇文 軒轅 轩辕")


def _a_name(name: str) -> bool:
    """Whether a proposed person's words can be a name at all, the last check on every reading: no
    word the tagger reads as one plain word (zh_names.one_plain_word), no instrument's, signing's or
    congratulating's word ("祝贺协议"), not a double surname alone, and no body's last word nor
    the first half of a word ("管委会", "華碩共同執行長胡書賓": a committee, a co-chief executive), nor
    a second post's 兼 (concurrently: "聯席院長兼機械及航空航天工程學系教授")."""
    body_end = re.search(f"{_ORG_END}$", name)  # (of two characters or more: 王利國 is a name)
    return not one_plain_word(name) and name not in _DOUBLE_SURNAMES and \
        not re.search(rf"{_INSTRUMENT_WORD}|{ZH_SIGN_WORD}|祝賀|祝贺|共$|^兼", name) and \
        not (body_end and len(body_end.group(0)) >= 2)


# What no body's name holds, whichever reading proposed it: a verb of attending, witnessing or
# becoming ("張桂華參加會談及", "成為嘉義縣"), "and also" (以及), a byline's brackets ("【勁報／記者…】"),
# "in history" (史上), "in charge" (負責: "央企負責人", the enterprises' heads), "this time", "invited",
# "of its own accord", "to carry out" (這次省廳, 主動邀請台北市政府, 為落實中央政府), an alliance's
# anniversary (日本神奈川縣議會締盟十週年), "carried out" and "each" (A等分别进行了), "also" after it
# (吉首市还), "co-building" (與湖光镇党建共建), "the three places'" (江門三地的臺辦), a name after a
# leaders' word ("市領導姜明": a person), or "and others" after it.
_NO_BODY = re.compile(r"參加|参加|出席|見證|见证|成為|成为|以及|[【】]|史上|負責|负责|這次|这次|邀請|邀请|"
                      r"主動|主动|落實|落实|^[為为]|締盟|缔盟|週年|周年|進行|进行|分別|分别|[還还也亦又]$|"
                      r"共建|[兩两三四五六七八九十]地的|"
                      # ("根据成都市政府", "即香港浸會大學", "宜宾市集中签署", "■劉海", "崔世安舉杯慶祝":
                      # according to, namely, all at once, a caption's bullet, a toast)
                      r"^(?:根據|根据|即)|集中$|[■□●◆◇▲△►▶•]|舉杯|举杯|慶祝|庆祝|"
                      # ("國內的世新", "央视国际网络有限公司以云": of (的, in no body's name of the
                      # corpus's labels), and a company's "by means of" after its name)
                      r"的|(?:公司|集團|集团)以|"
                      # ("会后广东与香港签署": after the meeting, at the start)
                      r"^(?:會後|会后|會上|会上|會中|会中|隨後|随后)|"
                      r"(?:領導|领导)[\u4e00-\u9fff]{2,3}$|(?<!高)等$")


def _well_formed(name: str) -> bool:
    """Whether a proposed party's words can be a body's name at all: the last check on every
    reading, so that a span one of them cuts wrong is left out rather than proposed. Nor is a person
    by title and name ("甲公司董事長張三") one, nor two bodies joined ("甲公司與乙公司", a pair the list
    was not parted at); a joiner between fields is inside a name ("商務及經濟發展局")."""
    # (nor a title at its end, a number, or the signing's words: "甲局局長", "2024年甲", "甲簽約儀式"; a
    # military unit's number is its name's: "中国人民解放军94755部队卫生所")
    if _NO_BODY.search(name) or _PERSON.fullmatch(name) or re.search(f"{_TITLE_END}$", name) or \
            re.search(rf"\d(?!\d*(?:部隊|部队))|{ZH_SIGN_WORD}|{_WITNESS}|儀式|仪式|舉行|举行|表示", name):
        return False
    # (a trade's word before the joiner is a field's too: "創新科技及工業局")
    return not any(len(name[:m.start()]) >= 3 and len(name[m.end():]) >= 3 and
                   re.search(f"{_ORG_END}$", name[:m.start()]) and
                   re.search(f"(?:{_ORG_END}|{_COMPANY_END})$", name[m.end():]) and
                   m.start() in word_bounds(name)
                   for m in re.finditer(r"[與与和及]", name))


def _listed_after(name: str, text: str) -> str | None:
    """The organisation a list of its people opens with, for one after a 、 with a title alone:
    "甲高中董事長A、校長B一行" gives 甲高中 for B."""
    m = re.search(rf"(?:^|[，。\n])(?P<first>[^，。、\n]{{2,30}}?{_TITLE_END})[\u4e00-\u9fff]{{2,3}}、"
                  rf"(?:副|常務|常务)?{_TITLE_END}{re.escape(name)}", text)
    return title_organisation(m["first"]) if m else None


def _first_after(text: str, words: str, start: int) -> int:
    """Where words first stand in a text after start; its end where they do not."""
    return at if (at := text.find(words, start)) >= 0 else len(text)


def _main_signing(several: tuple[TitledAgreement, ...], parties: list[str],
                  body: list[str]) -> TitledAgreement | None:
    """The agreement a text names besides a list of others: two parties none of the list's, and an
    instrument none of the list's; none where it names no such thing."""
    listed = {name for agreement in several for name in agreement.parties}
    others = list(dict.fromkeys(n for n in parties if n not in listed))
    thing = next((t for t in body if t not in {a.instrument for a in several}), None)
    return TitledAgreement(thing, tuple(others)) if thing and len(others) >= 2 else None


def _apart(signings: list[TitledAgreement]) -> bool:
    """Whether signing sentences name agreements of their own: two or more, each with another
    instrument and another pair of parties (one agreement told twice names the same ones)."""
    return len(signings) >= 2 and len({s.instrument for s in signings}) == len(signings) and \
        len({frozenset(s.parties) for s in signings}) == len(signings)


def _says_more(fuller: str, words: str) -> bool:
    """Whether an instrument's name says all that other words for it do, in order, and more:
    "合作框架協議" of "合作協議" and of "協議", with the same kind's word at the end."""
    # (the kind's last two characters: 協議, 備忘錄's 忘錄; "合作協議" is a kind's word whole)
    if fuller == words or not re.search(f"{_INSTRUMENT_WORD}$", words) or fuller[-2:] != words[-2:]:
        return False
    rest = iter(fuller)
    return all(char in rest for char in words)


def title_parties(title: str) -> list[str]:
    """The parties an agreement's title names before what it is about: "A和B關於……的諒解備忘錄",
    "A與B就……的合作備忘錄", "A與B戰略合作協議", "A B C 投資貿易合作備忘錄"; none where the title
    does not open with two or more of them."""
    head = re.split(r"關於|关于|關于|就", title, maxsplit=1)
    cut = True  # (whether the last name was cut from what the title is)
    if len(head) > 1:
        names = _names(head[0].replace(" ", "、"))
    else:
        # ("A—B校地合作協議": a dash between the two, as a space or a 、)
        # ("A•B深化合作協議": a bullet or a raised dot between them, too)
        names = _names(re.sub(r"[ —－•‧]", "、", title))
        # The last name runs into what the title is: "澳門貿易投資促進局戰略合作協議" is the bureau,
        # then its kind; cut where an organisation's name ends and the rest holds the instrument.
        last = names.pop() if names else ""
        cuts = [m.end() for m in re.finditer(_ORG_END, last)
                if re.search(_INSTRUMENT_WORD, last[m.end():]) and m.end() >= 3]
        # ("甲省與日本國乙縣建立友好省縣關係協議": the last ends before what they establish)
        if established := re.match(rf"(?P<name>.{{3,20}}?(?:{_ORG_END}|縣|县|州|府))"
                                   r"(?:建立|締結|缔结|結為|结为)", last):
            cuts = [established.end("name")]
        if cut := bool(cuts):
            names += _run_together(last[:cuts[-1]])
    names = [n.strip() for n in names]
    # ("A B深入推進甲—乙城市群建設專項協議": a dash inside what it is about; each name before the
    # last ends as a body's or a place's does, and the last too where nothing was cut from it)
    if any(not re.search(f"(?:{_ORG_END}|{_COMPANY_END})$", n) and n not in _PLACES
           for n in (names[:-1] if cut else names)):
        return []
    return names if len(names) >= 2 and all(_is_party(n) for n in names) else []


def _sentences(text: str) -> list[tuple[str, int]]:
    """The sentences (and lines) of a text, each with where it starts."""
    found, at = [], 0
    for sentence in re.split(r"(?<=[。！？；\n])", text):
        found.append((sentence, at))
        at += len(sentence)
    return found


def _once(people: Iterable[ChinesePerson]) -> tuple[ChinesePerson, ...]:
    """Each name once, as first read: two clauses may name one person with different words."""
    first: dict[str, ChinesePerson] = {}
    for person in people:
        if person.name not in _HOW_MANY:  # ("部分教授代表與企業簽署": some professors, no one named)
            first.setdefault(person.name, person)
    return tuple(first.values())
