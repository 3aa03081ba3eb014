"""URL-safe slugs: only a-z, 0-9 and single hyphens, never empty, stable for any input."""

from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_LENGTH = 80
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Chinese characters (the CJK ideograph blocks and 〇), which pypinyin spells in Latin letters.
HAN = re.compile(r"[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]+")


def is_slug(text: str) -> bool:
    """True when `text` is already a slug (and so safe as one path segment)."""
    return len(text) <= MAX_LENGTH and bool(SLUG.match(text))


def slugify(text: str) -> str:
    """Make a slug of any text.

    Latin letters lose their accents, and Chinese characters are spelt in pinyin without tones
    (香港金融發展局 -> xiang-gang-jin-rong-fa-zhan-ju), so a Chinese title or file name gives a slug a
    reader can say. Other letters (Korean, Arabic, emoji ...) cannot be spelt in ASCII without a
    dictionary, so where any are dropped a short hash of the whole text is added: two titles that
    differ only in those still get different slugs, and the same title always gets the same one.
    Texts with the same pinyin (homophones) get the same slug; the build reports two documents
    that would share a URL. Already-slug text comes back unchanged.
    """
    if is_slug(text):
        return text
    spelt, unspelt = _spell_chinese(text) if HAN.search(text) else (text, False)
    folded = unicodedata.normalize("NFKD", spelt)
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    slug = "-".join(words)
    if len(slug) > MAX_LENGTH:
        slug = slug[:MAX_LENGTH].rsplit("-", 1)[0] or slug[:MAX_LENGTH]
    lost = unspelt or any(
        unicodedata.category(ch)[0] in "LN" and not ch.isascii()
        and not unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").strip()
        for ch in spelt
    )
    if lost or not slug:
        digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]  # any str
        base = slug[: MAX_LENGTH - 9].rstrip("-")
        slug = f"{base}-{digest}" if base else f"x{digest}"
    return slug


# An old address that a redirect page may stand at: ASCII letters, digits and - . _ ~ in each part.
_SEGMENT = re.compile(r"^[A-Za-z0-9._~-]+$")
# The site's own files live here; a page written among them would be removed or overwritten.
RESERVED_PREFIXES = ("static/", "pagefind/")


class SitePathError(ValueError):
    """An address that cannot be an alias: what is wrong with it, for the message."""


def site_path(text: str) -> str:
    """The site-relative form of an old page address (an alias), or SitePathError saying why not.

    `/documents/2023/old-name/`, `documents/2023/old-name/` and `documents/2023/old-name` all give
    `documents/2023/old-name/`; `/old/page.html` gives `old/page.html`. Only pages can be redirected
    by a page, so any other file name (`.pdf`, `.php`) is refused, as are absolute URLs, queries,
    fragments, `.` and `..`, and characters a host would need percent-encoded.
    """
    text = text.strip()
    if "://" in text or text.startswith("//") or re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", text):
        raise SitePathError(f"'{text}' is an absolute URL, not an address on this site")
    if "?" in text or "#" in text:
        raise SitePathError(f"'{text}' has a query or fragment; an alias is a page's path only")
    path = text.lstrip("/")
    if not path:
        raise SitePathError(f"'{text}' is the home page's address")
    segments = path.split("/")
    last = segments[-1]
    for segment in segments[:-1] if last == "" else segments:
        if segment in (".", ".."):
            raise SitePathError(f"'{text}' has '{segment}' in it; write the path from the site's root")
        if not segment:
            raise SitePathError(f"'{text}' has an empty part (//)")
        if not _SEGMENT.match(segment):
            raise SitePathError(f"'{text}' has characters other than letters, digits and - . _ ~")
    if last and not last.endswith((".html", ".htm")):
        if "." in last:
            raise SitePathError(f"'{text}' is not a page's address: a redirect page can only stand at "
                                "an address ending in / or .html")
        path += "/"
    if any(path.startswith(prefix) for prefix in RESERVED_PREFIXES):
        raise SitePathError(f"'{text}' is among the site's own files ({', '.join(RESERVED_PREFIXES)})")
    return path
def _spell_chinese(text: str) -> tuple[str, bool]:
    """The text with each run of Chinese characters replaced by its pinyin syllables as words, and
    whether any character had no reading (those are dropped, and slugify adds a hash)."""
    # Imported here: pypinyin's dictionary takes a fifth of a second to load, and most slugs are
    # made from ASCII file names that never need it.
    from pypinyin import Style, lazy_pinyin

    unspelt = False

    def no_reading(chars: str) -> list[str]:
        nonlocal unspelt
        unspelt = True
        return []

    def spell(match: re.Match[str]) -> str:
        # A whole run at a time: pypinyin reads a character by the words around it (重庆 is chong-qing).
        syllables = lazy_pinyin(match.group(), style=Style.NORMAL, errors=no_reading)
        return " " + " ".join(syllables) + " "

    return HAN.sub(spell, text), unspelt
