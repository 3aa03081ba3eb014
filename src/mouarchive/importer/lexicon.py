"""The words the importer knows: honorifics, name suffixes, job titles, organisation words, and the
words that are never part of a person's name."""

from __future__ import annotations

import re

import pycountry


def words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# (and Malaysia's honours, which stand before the name as a title does: "Tan Sri Ranjit Ajit Singh",
# "Tun Dr Mahathir Mohamad", "Datuk Seri ...", and the higher grades of Datuk: "Datuk Amar Douglas Uggah
# Embas", "Datuk Patinggi ...", "Dato' Wira ...", "Dato' Paduka ...")
# ("Sheikh Ali Al-Thani", "Senator Amir Hamzah Azizan": a style before the name, no part of it)
# ("Dato' Seri Utama Haji Mohamad bin Haji Hasan": the highest grade of Dato' Seri, and a
# pilgrim's Haji after an honour, before the name; "Datuk Seri Setia Dr A", "Datuk Seri Panglima A":
# Brunei's and Sabah's grades of it)
_HONOURS = (r"(?:(?:Tun|Tan\s+Sri|Puan\s+Sri|Toh\s+Puan|"
            r"(?:Datuk|Dato['’]?)\s+(?:S(?:e)?ri(?:\s+(?:Utama|Setia|Panglima))?|Amar|Patinggi|Wira|Paduka)|Datuk|Dato['’]?|Datin)"
            r"(?:\s+Haj(?:j)?(?:i|ah))?|"
            # ("The Hon Lau Kong-wah JP": the Honourable, with its article; "Hon" alone may be a name's)
            # ("Shri Tom Wu", "Smt. Ana Silva": the Indian styles; not "Shri Ram College of
            # Commerce", a body named with the style)
            # ("Prime Minister Sheikh Nadia": "Sheikh" before a one-word name is the name's first
            # word, as Bangladesh writes it; "Sheikh Ali Al-Thani" keeps it a style)
            # ("Prince Faisal bin Farhan": a prince's style before an Arabic name with its father's)
            r"(?:Prince|Princess)(?=\s+[A-Z][a-z]+\s+(?:bin|bint|ibn|Al)\b)|"
            r"(?:Sheikh|Sheikha)(?!\s+[A-Z][a-z]+(?![\w'’-]|\s+(?:[A-Z]|bin\b|bint\b|al\b|ibn\b)))|Senator|(?:Shri|Shrimati|Smt)(?!(?:\s+[A-Z][\w'’-]*){1,4}\s+(?:College|"
            r"University|Institute|School|Trust|Temple|Mandir|Hospital|Foundation|Society|Sansthan|"
            r"Vidyalaya|Vishwavidyalaya|Vidyapeeth|Mahavidyalaya|Group|Limited|Ltd|Bank|Academy|"
            r"Centre|Center|Mission|Math)\b)|[Tt]he\s+Hon(?:ourable)?)")
# ("H.E. Dr. Munir M. Eldesouki": His Excellency, then the honorific before the name)
# ("Prof. Dr. Khalid Mahmood": a professor's title, then the doctor's)
# ("Ir Prof Academician Dato' Dr Lim Ah Kow", "Prof Ir Dr Tan Ah Lek": a run of an engineer's, a
# professor's and an academician's styles before the others, as Malaysian universities write them)
# ("Professor Dato' Ts. Dr. Lim Ah Kow": Malaysia's professional technologist, with its full stop
# only, among them; "Ts" alone may be a name's)
_HONORIFIC = (r"(?:(?:Ir|Ts(?=\.)|Prof|Professor|Academician)\.?\s+){0,3}"
              rf"(?:{_HONOURS}\s+(?:Ts\.\s+)?(?:Dr\.?\s+)?|(?:Prof|Professor)\.?\s+(?=Dr\b)|"
              rf"(?:H\.\s?E\.?|(?:His|Her)\s+Excellency)\s+(?=(?:Dr|Prof|Professor|Mr|Mrs|Ms)\b|Eng\.))?"
              # ("His Majesty Sultan Haji Hassan Bolkiah": a monarch's style, then the title and
              # the pilgrim's Haji, before the name)
              rf"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Ir|Madam|H\.\s?E|(?:His|Her)\s+Excellency|{_HONOURS}|"
              r"(?:His|Her)\s+(?:Royal\s+)?(?:Majesty|Highness)(?:\s+(?:Sultan|King|Queen|Emir))?(?:\s+Haj(?:j)?(?:i|ah))?|"
              # ("Lt. Gen. Ana Silva", "Col. Tom Wu": a military rank, abbreviated, before the name)
              r"(?:(?:Lt|Maj|Brig)\.\s?)?Gen|(?:Lt\.\s?)?Col|(?:Vice|Rear)\s+Adm|Adm|Capt|Cdr|"
              # ("Eng. Tom Wu": an engineer's style, as Gulf releases write it, with its full stop
              # only: "Eng" alone is a name's word)
              r"(?:Eng|Ts)(?=\.))\.?")
SUFFIXES = ("Jr", "Sr", "SC", "JP", "QC", "KC", "GBM", "GBS", "SBS", "BBS", "MH", "OBE", "MBE", "CBE", "KBE",
            "MP", "PhD")
SUFFIX = "|".join(SUFFIXES)
# Latin letters, their accented forms included: "Amílcar Falcão", "José Émile Ødegaard".
# (and Vietnamese's letters, of Latin Extended Additional and a few more: "Phạm Minh Chính", "Đặng")
# (and Latin Extended-A and -B, of Central and Eastern Europe's and Turkey's names: "Maroš Šefčovič",
# "Egemen Bağış", "Ștefan")
_VIETNAMESE = "ĂăĐđĨĩŨũƠơƯư" + "".join(map(chr, range(0x1EA0, 0x1EFA)))
_EXTENDED = "".join(map(chr, range(0x100, 0x250)))
UPPER = "A-ZÀ-ÖØ-Þ" + "".join(dict.fromkeys(c for c in _VIETNAMESE + _EXTENDED if c.isupper()))
LOWER = "a-zß-öø-ÿ" + "".join(dict.fromkeys(c for c in _VIETNAMESE + _EXTENDED if c.islower()))
# ("Bashar al-Assad", "Mohamed el-Baradei": an Arabic article before the capital, written in lower case)
NAME_TOKEN = (rf"(?:Mc|Mac|O'|O’|al-|el-)?[{UPPER}][{LOWER}]+(?:[{UPPER}][{LOWER}]+)?"
              rf"(?:[-'’][{UPPER}{LOWER}]+)*")
# Romanised syllables that are also English words ("Chui Sai On", "Nguyen Van An"): a name's last
# word after two of its words, where a capital says it is no preposition or article.
ROMANISED_SMALL_WORDS = frozenset({"On", "An", "In", "Do", "U"})
# The small words inside a name, between two words of it: Arabic and Malay ("Khalid bin Abdulaziz
# Al-Falih", "Siti binti Ahmad"), Dutch, German, Portuguese, Spanish, Italian ("António Martins da
# Cruz", "Ursula von der Leyen").
# ("Rawya bint Saud al Busaidiya": the article of an Arabic name in small letters, apart)
# ("Luz María de la Mora Sánchez", "Ana de los Ríos", "Jean le Roux", "Piero della Costa": the
# articles after a Spanish, French or Italian "de")
NAME_PARTICLES = frozenset({"bin", "binti", "bint", "ibn", "al", "el", "van", "von", "de", "der", "da", "das",
                            "do", "dos", "del", "di", "la", "las", "los", "le", "du", "della"})
_PARTICLE = rf"(?:{'|'.join(sorted(NAME_PARTICLES))})"
# A surname in capitals, as Hong Kong releases write it: "Ms Mary WONG", "Prof. CHAN Tai-man".
_CAPS = rf"(?!(?:{SUFFIX})\b)[A-Z]{{2,}}(?![\w-])"
# Initials before a name or in it: "Y.C. Richard Wong", "Timothy W. TONG".
_INITIALS = r"(?:[A-Z]\.(?:\s?[A-Z]\.){0,2})"  # ("Martin D. F. Wong": with a space between them too)
# Where a caption puts a person: "Prof. Nancy IP (back row, centre)". A capitals' surname before
# another bracket may be an organisation's acronym being defined: "HKSTP (...)".
_PLACED = (r"(?:left|right|centre|center|middle|front|back|row|first|second|third|fourth|fifth|far|top|"
           r"bottom|seated|standing|\d(?:st|nd|rd|th))")
_POSITION = rf"{_PLACED}(?:[,\s]+{_PLACED})*"  # "back", "front right", "back row, first left"
# "Dr YEUNG, Hip Wo": the surname in capitals, a comma, then the given name (never a title's words)
_NOT_GIVEN = (r"(?!(?:Chairman|Chairwoman|President|Vice|Director|Secretary|Chief|Deputy|Executive|Head|"
              r"Professor|Dean|Member|Managing|General|Founder|Co-founder|Partner|Minister|Commissioner|"
              r"Permanent|Under|Assistant|Senior|Principal|Consul|Ambassador|Officer|Mayor|Governor)\b)")
_NAME = (rf"(?:{_CAPS}\s+{NAME_TOKEN}(?:\s+{NAME_TOKEN})?|"
         rf"{_CAPS},\s+{_NOT_GIVEN}{NAME_TOKEN}(?:\s+{_NOT_GIVEN}{NAME_TOKEN})?(?=\s*[,;.)]|\s+and\b|$)|"
         # ("Tony F Chan": a middle initial without its full stop, before another name word)
         # ("Ms O Lam": a one-letter first syllable, as Macao writes one)
         # ("Peter K N Lam": middle initials without their full stops)
         # ("Mr. Md. Sabur Khan": Mohammad shortened, with its full stop, the name's first word)
         rf"(?:{_INITIALS}\s*|[A-Z]\s(?={NAME_TOKEN})|(?:Md|Mohd|Muhd)\.\s+(?={NAME_TOKEN}))?{NAME_TOKEN}"
         # ("Siddiqui Mohd. Mahmood": Mohammad shortened inside the name, another word after it)
         rf"(?:\s+(?:{_INITIALS}|[A-Z](?=\s+(?:[A-Z]\s+)?{NAME_TOKEN})|(?:Md|Mohd|Muhd)\.(?=\s+{NAME_TOKEN}))){{0,2}}"
         # ("Ursula von der Leyen": a run of particles)
         rf"(?:\s+(?:{_PARTICLE}\s+){{0,2}}{NAME_TOKEN}){{0,4}}"
         # ("Ms Elsie Ao Ieong U": a romanised last syllable of one capital, ending the name)
         rf"(?:(?<=[{LOWER}])\s+U(?=\s*[,;)]|\s+and\b|$))?"
         # Sunny LEE Wai-Kwong; "Regina IP Lau Suk-yee": a married woman's two surnames, then her name
         rf"(?:\s+{_CAPS}(?!\s*-)(?!\s*\((?!{_POSITION}\)))"
         rf"(?:\s+{_NOT_GIVEN}{NAME_TOKEN}(?=[\s,;.)]|$)){{0,2}})?)")
HONORIFIC_PERSON = re.compile(
    rf"\b(?P<hon>{_HONORIFIC})\s+(?P<name>{_NAME})(?P<suffix>(?:,?\s+(?:{SUFFIX})\b)*)")

# News agencies and wires, by the name a date line gives them ("Xinhua, December 7, 2015"): who
# wrote it, never where (lower case; several words joined by a space).
NEWS_OUTLETS = frozenset(line.strip() for line in """
xinhua
xinhuanet
reuters
afp
ap
bernama
kuna
wam
ani
pti
ians
yonhap
kyodo
tass
antara
cgtn
china daily
global times
people's daily
people's daily online
china news service
prnewswire
pr newswire
business wire
globe newswire
acn newswire
media outreach newswire
anadolu agency
""".strip().splitlines())
# Words of a job title; a person's name is never made of them.
TITLE_WORDS = words("""
director director-general directors chairman chairwoman chairperson chair secretary
secretary-general president vice vice-president vice-chairman vice-chancellor chancellor deputy
chief executive head minister governor commissioner ceo cfo cto coo cio founder co-founder managing
general manager officer partner principal dean provost rector mayor premier consul consul-general
ambassador registrar controller member permanent under under-secretary senior assistant associate
acting leader representative counsel counsellor adviser advisor spokesperson treasurer trustee convenor
professor administrator superintendent commander master headmaster headmistress warden curator
counterpart inspector prime special vc pvc
envoy convener councillor legislator lawmaker academician undersecretary vp evp svp magistrate auditor
lt gen col maj brig adm capt cdr colonel brigadier admiral captain marshal lieutenant
sultan king queen emir di-pertuan editor editor-in-chief
chargé d'affaires charge-d'affaires chargé-d'affaires scientist
publisher editorial attorney attorney-general solicitor solicitor-general prosecutor speaker senator
coordinator spokesman negotiator
crown
""")
# The title's words as a pattern (all in lower case, as written; the longest first, so that
# "vice-chairman" is not read as "vice").
TITLE_WORD = "|".join(sorted(map(re.escape, TITLE_WORDS), key=len, reverse=True))
# Words of an organisation's or a place's name: a capitalised run ending in one is not a person.
ORG_WORDS = words("""
academy administration agency directorate alliance association authority bank board bureau centre center
chamber club college commission committee company consortium corporation council court department district
exchange federation force foundation fund government group holdings hospital inc institute
laboratory lab limited ltd ministry office organisation organization park party plc region school
society trust university city province zone area bay plan affairs
hub observatory museum library airlines airport consulate embassy securities insurance ventures
secretariat institution incubator network polytechnic conservatory cooperative co corp llc
union municipality enterprise enterprises clinic bhd berhad pt tbk persero
universidade universidad université universite universität universitat università universiti politecnico
politécnico instituto institut istituto hochschule academia akademie banco banque bourse börse borsa
fundação fundacion fundación fondation stiftung ministério ministerio ministère kementerian agência
agencia agence câmara camara chambre companhia compañía compagnie sociedade sociedad société
technologies airways properties industries systems solutions capital partners investments telecom
telecommunications pharmaceuticals motors railway railways metro jsc ojsc pjsc cjsc llp gmbh
""")
# What bodies are called by their role, not their kind ("Regulators in Hong Kong and the Mainland
# sign"): in the plural, like a kind's word (ORG_WORDS), no one party.
BODY_NOUNS = words("regulator lender insurer broker firm operator watchdog supervisor developer investor "
                   "provider carrier")
# The words of an organisation's name that also name a place ("Zhuhai City", "Greater Bay Area"): no
# party is named by them alone.
PLACE_KIND_WORDS = words("city province zone area bay plan region district park party")
# Places that sign as parties in their own name ("Shaanxi and Hong Kong sign ..."), and are never part
# of a person's name: the regions, provinces and cities of Hong Kong-Mainland cooperation, and more.
PLACE_WORDS = words("""
mainland china hong kong macao macau beijing shanghai shenzhen guangdong singapore taiwan greater
tianjin chongqing guangzhou zhuhai qianhai hainan zhejiang jiangsu fujian shandong sichuan shaanxi
hubei hunan henan hebei anhui jiangxi yunnan guizhou guangxi liaoning jilin heilongjiang gansu
qinghai ningxia xinjiang tibet xizang shanxi inner mongolia chengdu hangzhou nanjing wuhan xiamen
suzhou dongguan foshan nansha hengqin boao sanya haikou brazil saudi arabia qatar kuwait dubai
""")
# The world's countries by every name pycountry (ISO 3166) knows them ("South Korea", "Viet Nam",
# "Türkiye"), casefolded: nobody's name. (Read as parties too, they cost precision: RESULTS.md.)
# (and the short names the press writes that pycountry does not list: "Russia" for the Russian
# Federation, "Turkey" for Türkiye, "Brunei" for Brunei Darussalam)
COUNTRIES = frozenset(name.casefold() for country in pycountry.countries
                      for name in (country.name, getattr(country, "common_name", None),
                                   getattr(country, "official_name", None))
                      if name and "," not in name) | words("""
russia turkey brunei britain palestine kosovo""") | {"great britain", "ivory coast", "cape verde",
                                                      "east timor"}
# How a people is called after its country ("South Korean", "Malaysian", "Japanese", "Chinese"):
# the ending, and what it replaces of the country's name.
_PEOPLE_OF = (("n", ""), ("an", ""), ("ian", "ia"), ("ese", ""), ("ese", "a"),
              ("ian", "y"), ("an", "o"), ("i", ""))  # Hungarian, Mexican, Omani


def names_a_country(text: str) -> bool:
    """A country, or its people ("South Korean President Moon Jae-in"): nobody's name."""
    folded = text.casefold()
    return folded in COUNTRIES or any(folded.endswith(end) and folded[:-len(end)] + instead in COUNTRIES
                                      for end, instead in _PEOPLE_OF)


NOT_NAMES = PLACE_WORDS | words("""
the this that these those both each it he she they we our their its his her in on at during after
before under according as and or but for with from by to of a an internet things press release
news branch memorandum understanding agreement cooperation signed sunday monday tuesday wednesday
thursday friday saturday january february march april may june july august september october
november december mou mous moa moas moc mocs memoranda memorandums agreements
""")


# Endings of English common nouns that no name has ("Airport Operations", "Technology
# Development"): a word with one is never part of a person's name.
COMMON_NOUN_ENDING = re.compile(r"(?:tions?|sions?|ments?|ness|ities|ity|ology|ologies|ics|ships?|ogy)$",
                                re.IGNORECASE)
# The fields a portfolio is named by ("Secretary for Innovation, Technology and Industry Sun Dong"):
# capitalised in a title, never a name.
PORTFOLIO_WORDS = words("""
industry technology innovation commerce economy economic trade finance financial treasury education
security justice health transport logistics housing environment ecology labour welfare culture
sports sport recreation tourism investment promotion services affairs development planning lands works science
digital data research operations youth home customs excise revenue taxation immigration police
agriculture fisheries mining energy shipping manufacturing
government information communications statistics resources
radio television film broadcasting publication publishing media arts heritage policy
forestry water rural urban construction employment telecommunications posts aviation maritime railways
foreign interior defence defense climate livestock irrigation petroleum mines
international technological cooperation co-operation translation languages linguistics humanities
infrastructure regional training social labor manpower invalids electronics
aquaculture telecommunication oceans minerals wildlife food
geology meteorology climatology geophysics hydrology
belt road sector
engineering robotics systems studies strategic community
""")  # (the second lines: ministries abroad, "Ministry of Agriculture, Forestry and Fisheries")
# Words that say which of a field a portfolio is ("Ministry of Energy and Mineral Resources",
# "Human Resources", "Higher Education"): before a field, more of the fields, never a name's first.
FIELD_MODIFIERS = words("""
human natural mineral public higher renewable marine national social civil local primary secondary
basic vocational special religious rural urban early
""")


ABBREVIATIONS = words("""
mr mrs ms dr prof st no inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec vs etc e.g
i.e u.s ir hon md mohd muhd lt gen col maj brig adm capt cdr jr sr ret eng smt ts
""")


WORD = re.compile(rf"[{UPPER}{LOWER}][{UPPER}{LOWER}'’-]*")  # with their accents: "José"
BEFORE_THINGS = words("""
the of for at in on to from under into a an its their our
""")

# "signed" and the words releases use for it ("inked"): one list for every pattern that reads
# "A signed", "signed by", "was signed".
# "renewed its MoU with B" is a signing too (of the MoU's new term), but only where what it renews
# is an instrument: not "renewed their commitment".
RENEWED = (r"renewed(?=\s+(?:its|their|the|an?)\s+(?:[\w-]+\s+){0,4}?"
           r"(?i:mous?\b|memorand|agreements?\b|arrangements?\b|accords?\b|pacts?\b|letters?\s+of\s+intent))")
SIGNED = rf"(?:signed|inked|{RENEWED})"
# A verb in the past tense that a subject did before it signed or witnessed ("A met the delegation
# and witnessed", "A and B reached a consensus ..., and signed"): a regular one, or one of these.
PAST_VERB = r"(?:[a-z]+ed|met|held|took|gave|made|led|paid|had|saw|went|came|spoke|sent|began|set)"
# A verb of signing: the sentences that hold one may state the signing date.
# Traditional and Simplified; 締結 (concluded: not where cities become sisters or friends,
# 締結姊妹市, which is no signing of the release's) and 簽下 (signed, as papers write it) among them.
# The words themselves, wherever they stand: what a name or a place never holds.
ZH_SIGN_WORD = (r"(?:簽署|签署|簽訂|签订|簽約|签约|簽定|签定|簽字|签字|續簽|续签"
                r"|(?:締結|缔结)(?![姊姐]妹|友好)|[簽签]下)")
# The verb that says a signing was made: not where a quotation ends ("在“云签约”仪式上致辞" names an
# occasion, the speaker signed nothing), nor after 主持 ("A和B代表雙方主持簽訂協議書儀式", who
# presided over the signing signed nothing), 出席 or 參加 ("A、B等出席签约活动", who attended it).
ZH_SIGN = rf"(?<!主持)(?<!出席)(?<!參加)(?<!参加)(?:{ZH_SIGN_WORD}(?![”」』]))"
# 籤 (a slip), which some pages write for 簽 in the verb (籤署, 籤訂): read as 簽, the one the patterns know.
ZH_SIGN_VARIANT = re.compile(r"籤(?=[署訂約定字])")
# Cantonese as Hong Kong papers write it: 噚日 (or 琴日, 尋日) is yesterday, 昨日, one character for one.
ZH_CANTONESE_YESTERDAY = re.compile(r"[噚琴尋](?=日)")
# ("A and B sealed ten agreements": concluded them)
SIGN_VERB = re.compile(r"\b(?:sign(?:s|ed|ing)?|ink(?:s|ed)?|executed|entered into|entering into|enter into|"
                       r"concluded|sealed|"
                       rf"cemented|formali[sz]ed|signatures?|{RENEWED})\b|{ZH_SIGN}", re.IGNORECASE)

# What is signed, by its kind's word in Chinese (the longest first).
# The kinds of instrument signed, in English, each singular or plural: the three most releases name
# (INSTRUMENT_KINDS), and the others a sentence may name (MORE_INSTRUMENT_KINDS), for the patterns
# of parties.py and places.py to read from one place.
INSTRUMENT_KINDS = r"mo[u]s?|memorand(?:um|a|ums)|agreements?"
MORE_INSTRUMENT_KINDS = r"arrangements?|accords?|pacts?|deals?"
ZH_INSTRUMENT_WORD = (r"(?:諒解備忘錄|谅解备忘录|合作備忘錄|合作备忘录|備忘錄|备忘录|框架協議|框架协议|"
                      r"合作協議|合作协议|綱要協定|纲要协定|協議書|协议书|協議|协议|協定|协定|意向書|意向书|安排|"
                      # ("簽署合作備忘": a memorandum, as Hong Kong papers shorten it)
                      r"合作備忘(?![錄录])|合作备忘(?![錄录]))")
# Chinese words of time that end a subject or stand where a place might ("香港戊區議會日前簽署": the
# council, some days ago; "A與B於昨日(3月20日)簽署": yesterday, not a place; "A周三（14日）與B簽署":
# on Wednesday).
ZH_WEEKDAY = r"(?:上|本)?(?:周|週|星期)[一二三四五六日天]"
ZH_WHEN = (r"(?:今日|今天|今午|今早|今晨|今晚|昨日|昨天|昨午|昨早|昨晚|日前|近日|前日|"
           rf"當天|当天|當日|当日|同日|上午|下午|早上|中午|晚上|傍晚|凌晨|清晨|{ZH_WEEKDAY})")

# The words an event's name ends in ("Cyberport Venture Capital Forum 2025"), English and Chinese.
# The last word of a venue's name: "the Ostport Convention and Exhibition Centre" is a place, though an
# event's word is in it.
VENUE_WORD = (r"(?:Centre|Center|Hall|Hotel|Building|Campus|Offices|Pavilion|Auditorium|Theatre|Theater|"
              r"Plaza|Tower|Headquarters|Mansion|Palace|House)")
EVENT_WORD = (r"(?:Forum|Summit|Conference|Expo|Exhibition|Fair|Week|Festival|Congress|Convention|Symposium|"
              r"Dialogue|Meeting|Ceremony|Roundtable)")
ZH_EVENT_WORD = r"(?:論壇|论坛|峰會|峰会|博覽會|博览会|大會|大会|行動|行动|洽談會|洽谈会|交易會|交易会|週|周)"
