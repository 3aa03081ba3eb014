"""The interface in several languages: message catalogues, dates, the names of languages, and which of
a party's or topic's names a reader sees first.

English is the interface's own language: the templates are written in it and their messages are the
catalogues' keys. Every other interface language has a gettext catalogue,
`locale/<language>/LC_MESSAGES/messages.po` beside this module, which is compiled in memory the first
time a build needs it: there is no .mo file to forget to compile, and a catalogue edit shows in the
next build (the catalogues are part of the code stamp, see cache.code_stamp). Babel compiles the
catalogues, formats dates and names languages, with the Unicode CLDR's data.
"""

from __future__ import annotations

import datetime
import functools
import gettext
import io
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from .locales import DEFAULT, INTERFACE_LOCALES, LOCALES

if TYPE_CHECKING:  # model imports the table of facts, whose labels are marked with N_ from here
    from .model import PartialDate

# Babel is imported where it is used: the model imports this module for N_, and a `mouarchive build`
# that the warm engine answers needs no Babel (22 ms of the command's 0.13 s of imports).
CATALOGUES = Path(__file__).parent / "locale"
DOMAIN = "messages"


def N_(message: str) -> str:  # noqa: N802 - the name Babel's extraction looks for
    """Mark a message for the catalogues (Babel's extraction looks for N_) where it is not yet shown:
    it is translated where it is shown."""
    return message


def catalogue_path(lang: str) -> Path:
    """Where the catalogue of an interface language lives, e.g. locale/zh_Hant/LC_MESSAGES/messages.po."""
    return CATALOGUES / lang.replace("-", "_") / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def translations(lang: str) -> gettext.NullTranslations:
    """The interface's messages in `lang`: English as written, any other from its catalogue."""
    if lang == DEFAULT:
        return gettext.NullTranslations()
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po
    from babel.support import Translations

    with catalogue_path(lang).open("rb") as handle:
        catalogue = read_po(handle, locale=INTERFACE_LOCALES[lang], domain=DOMAIN)
    compiled = io.BytesIO()
    write_mo(compiled, catalogue)  # fuzzy entries are left out, as msgfmt leaves them out
    compiled.seek(0)
    return Translations(compiled, domain=DOMAIN)


def translate(lang: str, message: str) -> str:
    return translations(lang).gettext(message)


def language_prefix(lang: str, languages: tuple[str, ...]) -> str:
    """Where an interface language's pages live: the first language at the root, the others under
    their tag in lower case ('zh-hant/'), since URLs are lower case everywhere else in the site."""
    return "" if lang == languages[0] else lang.lower() + "/"


@functools.lru_cache(maxsize=8192)
def format_date(value: PartialDate, lang: str) -> str:
    """A date as readers of `lang` write it, as precisely as it is known: 6 September 2023, September
    2023 and 2023 in English; 2023年9月6日, 2023年9月 and 2023年 in Chinese."""
    if lang == DEFAULT or lang not in LOCALES:
        return value.display
    from babel.dates import format_date as babel_format_date
    from babel.dates import format_skeleton

    locale = LOCALES[lang]
    day = datetime.date(value.year, value.month or 1, value.day or 1)
    if value.day is not None:
        return babel_format_date(day, "long", locale=locale)
    return format_skeleton("yMMMM" if value.month is not None else "y", day, locale=locale)


SIZE_UNITS = ("digital-kilobyte", "digital-megabyte", "digital-gigabyte")


@functools.lru_cache(maxsize=4096)
def format_size(size: int, lang: str) -> str:
    """A file's size as readers of `lang` write it, in decimal units as the CLDR names them:
    '512 bytes', '12.3 kB', '1.5 MB'; in Chinese '512 位元組', '12.3 kB'."""
    from babel.units import format_unit

    locale = LOCALES.get(lang, LOCALES[DEFAULT])
    if size < 1000:
        return format_unit(size, "digital-byte", length="long", locale=locale)
    value, unit = size / 1000, SIZE_UNITS[0]
    for bigger in SIZE_UNITS[1:]:
        if round(value, 1) < 1000:
            break
        value, unit = value / 1000, bigger
    return format_unit(round(value, 1), unit, length="short", format="#,##0.#", locale=locale)


@functools.cache
def language_name(tag: str, in_lang: str) -> str:
    """The name of the language `tag` in the language `in_lang`: 'Chinese (Traditional)' in English,
    '中文 (繁體)' in itself."""
    from babel import Locale

    # The language's own CLDR names (zh_Hant: 中文 (繁體)), not a region's (zh_Hant_HK: 繁體字).
    return Locale.parse(tag.replace("-", "_")).get_display_name(in_lang.replace("-", "_")) or tag


class Named(Protocol):
    """A party or a topic: a main name, and names in other languages."""

    name: str
    names: tuple[tuple[str, str], ...]


def names_in(record: Named, lang: str, vocabulary_lang: str) -> tuple[tuple[str, str], ...]:
    """Every name of the record as (language, name), the one a reader of `lang` reads first leading.

    The main name (`name:` in parties.yaml) is in the vocabulary's language, the site's `language`.
    A reader of zh-Hant gets a zh-Hant name first, else one marked only 'zh' (from `name_zh`), else
    another Chinese one (a Mainland body's zh-Hans name, as the body writes it); else the main name.
    """
    return _ordered(((vocabulary_lang, record.name), *record.names), lang)


@functools.lru_cache(maxsize=65536)  # templates ask for the same few hundred names on every page
def _ordered(names: tuple[tuple[str, str], ...], lang: str) -> tuple[tuple[str, str], ...]:
    best = max(range(len(names)), key=lambda i: (_closeness(names[i][0], lang), -i))
    if best == 0:
        return names
    return (names[best], *names[:best], *names[best + 1:])


def _closeness(tag: str, lang: str) -> int:
    if tag == lang:
        return 3
    primary, wanted = tag.split("-")[0], lang.split("-")[0]
    if tag == wanted:
        return 2  # 'zh' for zh-Hant
    return 1 if primary == wanted else 0


def search_language(tags: Iterable[str], default: str) -> str:
    """The language to build the whole search index in: `default` (the first interface language)
    unless the site holds Chinese.

    Pagefind splits Chinese text into words only in an index whose language is Chinese, and each
    language gets an index of its own; English words are still split at spaces in a Chinese index.
    So when the site holds any Chinese (documents or interface), one Chinese index serves every
    record. The cost is English stemming (only prefixes match: 'agreement' finds 'agreements', not
    the other way round).
    """
    return next((tag for tag in tags if tag.split("-")[0] == "zh"), default).lower()
