"""URL-safe slugs: only a-z, 0-9 and single hyphens, never empty, stable for any input."""

from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_LENGTH = 80
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def is_slug(text: str) -> bool:
    """True when `text` is already a slug (and so safe as one path segment)."""
    return len(text) <= MAX_LENGTH and bool(SLUG.match(text))


def slugify(text: str) -> str:
    """Make a slug of any text.

    Latin letters lose their accents; other letters (Chinese, say) cannot be spelt in ASCII
    without a dictionary, so where any are dropped a short hash of the whole text is added:
    two titles that differ only in Chinese still get different slugs, and the same title always
    gets the same one. Already-slug text comes back unchanged.
    """
    if is_slug(text):
        return text
    folded = unicodedata.normalize("NFKD", text)
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    slug = "-".join(words)
    if len(slug) > MAX_LENGTH:
        slug = slug[:MAX_LENGTH].rsplit("-", 1)[0] or slug[:MAX_LENGTH]
    lost = any(
        unicodedata.category(ch)[0] in "LN" and not ch.isascii()
        and not unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").strip()
        for ch in text
    )
    if lost or not slug:
        digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]  # any str
        base = slug[: MAX_LENGTH - 9].rstrip("-")
        slug = f"{base}-{digest}" if base else f"x{digest}"
    return slug
