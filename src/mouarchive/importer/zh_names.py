"""Whether a few Chinese characters standing alone are a person's name, and whether a party's
words hold a proper name at all, by jieba's part-of-speech
tagger: a statistical model (an HMM and a dictionary with word frequencies) that ships inside the
jieba package, so nothing is downloaded. A name without a title ("王靈桂、馮玲和卓永興在場見證")
cannot be told from other words by a pattern; the tagger tells it by what names usually look like.

It is only ever asked about an item of a list that a signing or witnessing clause names (chinese.py
finds the clause): a word it takes for a name elsewhere is never read. It never adds a party; it
only turns away words that name no one in particular ("企業", "商業機構", "兩地政府").
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from .lexicon import words

_PERSON_TAGS = ("nr", "nrfg", "nrt")  # a person's name, a given name, a transliterated name
# Nouns for people in a role that the tagger's dictionary files as names.
_NOT_NAMES = words("嘉賓 嘉宾 來賓 来宾 官員 官员 代表 領導 领导 雙方 双方")


# Cities abroad where agreements are signed that the tagger's dictionary does not file as places
# ("在利雅得與X簽署": Riyadh), in both scripts: taught to it as place names.
_CITIES_ABROAD = words("""
利雅得 吉達 吉达 阿布扎比 阿布札比 杜拜 多哈 麥納麥 麦纳麦 科威特城 安曼 吉隆坡 檳城 槟城 河內 河内 胡志明市
海防 金邊 金边 萬象 万象 馬尼拉 马尼拉 仰光 達卡 达卡 新德里 孟買 孟买 首爾 首尔 清邁 清迈 阿斯塔納 阿斯塔纳
阿拉木圖 阿拉木图 塔什干 伊斯坦布爾 伊斯坦布尔 開羅 开罗 莫斯科 聖彼得堡 圣彼得堡 明斯克 柏林 慕尼黑 法蘭克福
法兰克福 馬德里 马德里 巴塞羅那 巴塞罗那 羅馬 米蘭 米兰 蘇黎世 苏黎世 布達佩斯 布达佩斯 布拉格 鹿特丹
斯德哥爾摩 斯德哥尔摩 奧斯陸 奥斯陆 赫爾辛基 赫尔辛基 都柏林 曼徹斯特 曼彻斯特 三藩市 舊金山 多倫多 多伦多
溫哥華 温哥华 波士頓 波士顿 西雅圖 西雅图 聖保羅 圣保罗 里約熱內盧 里约热内卢 利馬 利马 布宜諾斯艾利斯
布宜诺斯艾利斯 奧克蘭 奥克兰 惠靈頓 惠灵顿 布里斯班 珀斯 阿德萊德 阿德莱德 約翰內斯堡 约翰内斯堡 拉各斯
卡薩布蘭卡 卡萨布兰卡
""")


@lru_cache(maxsize=1)
def _tagger():  # jieba has no type hints
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.WARNING)  # it logs the loading of its dictionary
    tokenizer = jieba.Tokenizer()
    for city in sorted(_CITIES_ABROAD):
        tokenizer.add_word(city, tag="ns")
    return jieba.posseg.POSTokenizer(tokenizer)


# A foreign name transliterated, its parts joined by the interpunct: "安東尼·布林肯", "瑪麗亞·若昂".
# (no joiner before it, no honorific after it: "並與安東尼·布林肯", "布林肯教授" are none of the name)
# (Macao's and Taiwan's pages join them by other dots too: "瑪努艾‧安東尼奧‧席爾瓦", "胡戈.費格雷多")
_INTERPUNCT = r"[·‧・．.]"
TRANSLITERATED = (rf"(?![並并與与和及同、])[\u4e00-\u9fff]{{1,5}}?{_INTERPUNCT}[\u4e00-\u9fff]{{1,6}}?"
                  rf"(?:{_INTERPUNCT}[\u4e00-\u9fff]{{1,6}}?)?(?<!先生|女士|博士|教授)")

# A foreign name transliterated with no interpunct, longer than a Chinese name: five to seven of the
# characters transliteration uses ("阿里沙赫巴納", after a title), in both scripts.
_SOUNDS = re.sub(r"\s", "", """
阿埃艾安昂奧奥巴拜班邦保貝贝本比彼畢毕波伯博布查達达代戴丹德迪蒂丁杜多厄恩法範范菲費费芬弗福富蓋盖甘戈格古
哈海漢汉赫亨胡霍基吉加賈贾杰傑捷金卡凱凯坎科克肯庫库拉萊莱蘭兰朗勞劳勒雷里利林琳魯鲁路倫伦羅罗洛馬马麥麦曼
梅門门蒙米莫姆穆納纳南內内尼紐纽諾诺帕佩皮普奇齊齐薩萨塞桑瑟森沙舍什施斯蘇苏索塔泰坦特提圖图托瓦萬万威維维
溫温沃烏乌西希謝谢辛休亞亚揚扬耶伊尤約约扎澤泽詹茲兹佐瑪玛娜莎娃婭娅麗丽絲丝茨奈韋韦爾尔姆夫德羅雅
""")
LONG_TRANSLITERATED = rf"[{''.join(dict.fromkeys(_SOUNDS))}]{{5,7}}"


@lru_cache(maxsize=4096)
def is_person_name(text: str) -> bool:
    """Two to four Chinese characters that the tagger reads as a name: one name token, a surname
    and a given name tagged as names, or a name token that the rest of the word completes
    ("林鄭" + "月娥": a double surname and a given name)."""
    if re.fullmatch(TRANSLITERATED, text):
        return True  # (the interpunct says a name; the tagger knows few foreign ones)
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,4}", text) or any(text.startswith(w) for w in _NOT_NAMES):
        return False
    # (a county, a city, a province or a district by its last word, whatever the tagger reads
    # before it: "苗栗縣", where 苗栗 may be a person's name)
    if re.search(r"[縣县市省區区]$", text):
        return False
    tokens = [(t.word, t.flag) for t in _tagger().cut(text)]
    if all(flag in _PERSON_TAGS for _, flag in tokens):
        return True
    first, flag = tokens[0]
    return flag in _PERSON_TAGS and len(first) >= 2 and len(tokens) == 2


# What the tagger reads a word as that no name is: an adverb, a verb, a conjunction, a preposition,
# a pronoun, a number or measure word, a particle, a direction, a time word.
_NOT_NAME_TAGS = ("d", "ad", "vd", "v", "c", "p", "r", "m", "q", "u", "f", "t")


@lru_cache(maxsize=4096)
def one_plain_word(text: str) -> bool:
    """Whether the tagger reads the words as one word that no name is ("分別", "共同", "出席",
    "今日"): a name one reading proposed, which the last check leaves out. (Of the 579 Chinese names
    labelled in the import corpus's development set and probes, one is read so: 解冬, a surname and a
    given name that the tagger reads as "thaw". Letting a common surname first pass it let a wrong
    signer through on a fresh batch, 关强, read as a verb too: benchmarks/RESULTS.md.)"""
    tokens = list(_tagger().cut(text))
    return len(tokens) == 1 and tokens[0].flag in _NOT_NAME_TAGS


# The commonest surnames, in both scripts: a name the tagger reads as other words ("黃河明": 黃河, the
# Yellow River) is still a name where its place says so (between a body and a title: "商務廳黃河明廳長").
_SURNAMES = frozenset(re.sub(r"\s", "", """
王李張张劉刘陳陈楊杨黃黄趙赵吳吴周徐孫孙馬马朱胡郭何高林羅罗鄭郑梁謝谢宋唐許许韓韩馮冯鄧邓曹彭曾蕭萧肖田董
袁潘于蔣蒋蔡余杜葉叶程蘇苏魏呂吕丁任沈姚盧卢姜崔鍾钟譚谭陸陆汪范金石廖賈贾夏韋韦付方白鄒邹孟熊秦邱江尹薛閻阎
段雷侯龍龙史陶黎賀贺顧顾毛郝龔龚邵萬万錢钱嚴严覃武戴莫孔向湯汤常溫温康施文牛樊葛邢安齊齐易喬乔伍龐庞顏颜倪莊庄
聶聂章魯鲁岳翟殷詹申歐欧耿關关蘭兰焦俞左柳甘祝包寧宁尚符舒阮柯紀纪梅童凌畢毕單单季裴霍塗涂成苗谷盛曲翁冉駱骆藍蓝
路游辛靳管柴蒙鮑鲍華华喻祁蒲房滕屈饒饶解牟艾尤陽阳時时穆農农司卓古吉繆缪簡简車车項项連连芦麥麦褚婁娄竇窦戚岑景黨党
宮宫費费卜冷晏席衛卫米杭
"""))


def surname_first(text: str) -> bool:
    """Three Chinese characters that open with a common surname: a name where the words around it
    say one stands there, whatever the tagger reads in it. (Not two: "黨組書記" is a party group's
    secretary, 黨 a surname too.)"""
    return bool(re.fullmatch(r"[\u4e00-\u9fff]{3}", text)) and text[0] in _SURNAMES


# A place, an organisation, another proper noun, an abbreviation ("港中大"), a person.
_PROPER_TAGS = ("ns", "nt", "nz", "j", *_PERSON_TAGS)


@lru_cache(maxsize=4096)
def has_proper_name(text: str) -> bool:
    """Whether the words hold a proper name by the tagger: "澳門特區政府" does (澳門特區), "商業機構"
    (commercial bodies) and "兩地政府" (the two governments) do not."""
    return any(t.flag in _PROPER_TAGS for t in _tagger().cut(text))


@lru_cache(maxsize=4096)
def holds_place(text: str) -> bool:
    """Whether the tagger reads a place name in the words: "南非通訊" does, "數碼科技部" does not."""
    return any(t.flag == "ns" for t in _tagger().cut(text))


@lru_cache(maxsize=4096)
def ends_in_proper_name(text: str) -> bool:
    """Whether the tagger's last word of the text is a place's, a body's or a person's name:
    "中國電信" and "南非" end in one, "我國通訊" (communications) does not."""
    tokens = list(_tagger().cut(text))
    return bool(tokens) and tokens[-1].flag in ("ns", "nt", *_PERSON_TAGS)


@lru_cache(maxsize=4096)
def ends_in_common_word(text: str) -> bool:
    """Whether the tagger's last word of the text is a common noun or a verb of two characters or
    more: "香港交易" (exchange) and "恒大翻譯" (translation) end in one, "港中大" does not."""
    tokens = list(_tagger().cut(text))
    return bool(tokens) and len(tokens[-1].word) >= 2 and tokens[-1].flag in ("n", "v", "vn")


@lru_cache(maxsize=4096)
def word_bounds(text: str) -> frozenset[int]:
    """Where the tagger's words begin and end in the text: a joiner inside a word ("共和國",
    "參與") joins nothing."""
    bounds, at = {0}, 0
    for token in _tagger().cut(text):
        at += len(token.word)
        bounds.add(at)
    return frozenset(bounds)


def city_of(words: str) -> str | None:
    """The last place name in words that are all place names, by the tagger ("葡萄牙里斯本" is 里斯本,
    "泰國曼谷" is 曼谷); none where a word is not a place name ("旅遊塔會展中心")."""
    tokens = [(t.word, t.flag) for t in _tagger().cut(words)]
    if tokens and all(flag == "ns" for _, flag in tokens):
        return tokens[-1][0]
    return None
