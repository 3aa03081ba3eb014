"""Which dates a signing sentence gives for the signing (src/mouarchive/importer/dates.py).
Invented sentences."""

from __future__ import annotations

from mouarchive.importer.dates import signing_dates
from mouarchive.importer.text import sentences
from mouarchive.model import PartialDate

PUBLISHED = PartialDate(2020, 5, 11)


def _dates(text: str) -> list[PartialDate]:
    found, _ = signing_dates(text, sentences(text), PUBLISHED)
    return [d.date for d in found]


def test_the_day_of_an_announcement_is_not_the_signing_day() -> None:
    assert _dates("The Pine Authority announced today (11 May 2020) that it had signed an MoU.") == []
    assert _dates("The Pine Authority signed an MoU today (11 May 2020).") == [PUBLISHED, PUBLISHED]


def test_a_chinese_clause_after_the_signing_speaks_of_later() -> None:
    assert _dates("一行人出席峰會，見證簽署多個合作項目，晚上出席晚宴，5月12日繼續訪問。") == []
    assert _dates("雙方5月10日簽署合作協議，加強合作。") == [PartialDate(2020, 5, 10)]
