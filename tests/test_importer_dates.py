"""Which dates a signing sentence gives for the signing (src/mouarchive/importer/dates.py).
Invented sentences."""

from __future__ import annotations

import pytest

from mouarchive.importer.dates import signing_dates, year_from_the_same_day
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


@pytest.mark.parametrize(("text", "day"), [
    ("Ministers exchange documents in Seoul November 28, 2019. — pic", PartialDate(2019, 11, 28)),
    ("Signed on 28 November 2019; the last one was signed on November 28, 2018.", None),  # which year?
    ("Ministers exchange documents in Seoul November 27, 2019.", None),  # not that day
    ("Nothing dated here.", None),
])
def test_a_day_without_its_year_takes_the_year_of_the_same_day_written_in_full(
        text: str, day: PartialDate | None) -> None:
    found = year_from_the_same_day("Nov 28", text)
    assert (found.date if found else None) == day
    if found:
        assert found.derived and "'November 28, 2019'" in found.derived  # and it says how
