"""Properties that hold for any input: slugs and partial dates."""

from __future__ import annotations

import calendar
import hashlib
import re

import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from pypinyin import Style, lazy_pinyin

from mouarchive.model import DateError, PartialDate
from mouarchive.slugs import MAX_LENGTH, is_slug, slugify

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")

# Any Unicode text, with the scripts an archive of Hong Kong and Mainland documents actually holds
# made likely: CJK ideographs, full-width forms, accented Latin, punctuation, emoji.
cjk = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
interesting = st.one_of(
    st.characters(),
    cjk,
    st.sampled_from(list("éÉçñøßĳﬁＡＢ１２３、。，：「」—–-_/\\.. \t\n'\"&?#%")),
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),  # emoji
)
any_text = st.one_of(st.text(), st.text(interesting), st.text(interesting, min_size=60, max_size=200))


@given(any_text)
@example("")
@example("---")
@example("../../etc/passwd")
@example("香港金融發展局")
@example("🎉🎉")
@example("a" * 200)
@example("word " * 40)
@example("MOU between FSDC and CAICT — 金融科技")
def test_slug_is_url_safe_never_empty_and_short(text: str) -> None:
    slug = slugify(text)
    assert SLUG.match(slug), slug
    assert slug
    assert "/" not in slug and ".." not in slug
    assert len(slug) <= MAX_LENGTH
    assert is_slug(slug)


@given(any_text)
def test_slugify_is_idempotent_and_deterministic(text: str) -> None:
    slug = slugify(text)
    assert slugify(slug) == slug
    assert slugify(text) == slug


def pinyin(text: str) -> list[str]:
    return lazy_pinyin(text, style=Style.NORMAL)


# Chinese text is spelt in pinyin, so two texts that sound alike (homophones) share a slug; the build
# reports two documents that would share a URL. What holds: texts that are spelt differently get
# different slugs, as long as the spelling fits in a slug (longer ones are cut, as English ones are).
@given(st.text(cjk, min_size=1, max_size=10), st.text(cjk, min_size=1, max_size=10))
@example("香港", "澳門")
@example("人工智能", "人工智慧")
def test_cjk_texts_spelt_differently_give_different_slugs(a: str, b: str) -> None:
    assume(pinyin(a) != pinyin(b))
    assert slugify(a) != slugify(b)


@given(st.text(cjk, min_size=1, max_size=10))
@example("人工智能")
@example("龦")  # a character pypinyin cannot spell
@example("香龦港")
def test_a_cjk_slug_is_its_pinyin(text: str) -> None:
    spelt = pinyin(text)
    known = [syllable for syllable in spelt if syllable.isascii()]
    if len(known) == len(spelt):
        assert slugify(text) == "-".join(spelt)
    else:  # what can be spelt, then a hash of the whole text, so that no two texts collide
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
        assert slugify(text) == ("-".join([*known, digest]) if known else f"x{digest}")


@given(st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz0123456789"), min_size=1, max_size=20))
def test_an_ascii_word_is_its_own_slug(word: str) -> None:
    assert slugify(word) == word


@pytest.mark.parametrize(("text", "slug"), [
    ("FSDC and CAICT sign MOU", "fsdc-and-caict-sign-mou"),
    ("Café déjà vu", "cafe-deja-vu"),
    ("  --Hello,   World!--  ", "hello-world"),
    ("ＡＢＣ １２３", "abc-123"),
    ("Some File", "some-file"),
])
def test_slug_examples(text: str, slug: str) -> None:
    assert slugify(text) == slug


@pytest.mark.parametrize(("text", "slug"), [
    ("香港金融發展局", "xiang-gang-jin-rong-fa-zhan-ju"),  # Traditional characters
    ("中国信息通信研究院", "zhong-guo-xin-xi-tong-xin-yan-jiu-yuan"),  # Simplified
    ("MOU 香港", "mou-xiang-gang"),
    ("金融發展局與CAICT簽署MOU", "jin-rong-fa-zhan-ju-yu-caict-qian-shu-mou"),
    ("綠色金融", "lv-se-jin-rong"),  # ü is written v, as Chinese keyboards write it
    ("重庆", "chong-qing"),  # a character is read by the word it is in
])
def test_chinese_is_spelt_in_pinyin(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_letters_without_a_spelling_still_gain_a_hash() -> None:
    a, b = slugify("MOU 한국"), slugify("MOU 조선")
    assert a.startswith("mou-") and b.startswith("mou-")
    assert a != b


# --- PartialDate --------------------------------------------------------------------------------------

years = st.integers(min_value=1000, max_value=9999)


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    year = draw(years)
    month = draw(st.none() | st.integers(1, 12))
    if month is None:
        return PartialDate(year)
    day = draw(st.none() | st.integers(1, calendar.monthrange(year, month)[1]))
    return PartialDate(year, month, day)


@given(partial_dates())
def test_valid_dates_round_trip_through_iso_and_parse(date: PartialDate) -> None:
    assert PartialDate.parse(date.iso) == date
    assert str(date) == date.iso
    assert date.precision == ("day" if date.day else "month" if date.month else "year")
    assert len(date.iso) == {"year": 4, "month": 7, "day": 10}[date.precision]


@given(years, st.integers(1, 12), st.integers(0, 99))
def test_invalid_day_numbers_are_rejected_naming_the_months_length(year: int, month: int, day: int) -> None:
    last = calendar.monthrange(year, month)[1]
    assume(not 1 <= day <= last)
    text = f"{year:04d}-{month:02d}-{day:02d}"
    with pytest.raises(DateError) as caught:
        PartialDate.parse(text)
    assert str(caught.value) == (
        f"'{text}' is not a real date: {calendar.month_name[month]} {year} has {last} days")


@given(years, st.sampled_from([0, 13, 20, 99]))
def test_invalid_months_are_rejected(year: int, month: int) -> None:
    with pytest.raises(DateError, match=f"there is no month {month}"):
        PartialDate.parse(f"{year}-{month:02d}")


@pytest.mark.parametrize("text", ["", "23", "2023-9", "2023-09-6", "06/09/2023", "2023/09/06",
                                  "2023-09-06T00:00", "September 2023", "2023-09-06 ", " 2023", "0999"])
def test_malformed_dates(text: str) -> None:
    if text.strip() in ("2023", "2023-09-06"):
        assert PartialDate.parse(text) == PartialDate.parse(text.strip())  # surrounding space is ignored
        return
    with pytest.raises(DateError):
        PartialDate.parse(text)


@given(partial_dates(), partial_dates())
def test_ordering_is_consistent_with_year_month_day(a: PartialDate, b: PartialDate) -> None:
    def key(d: PartialDate) -> tuple[int, int, int]:
        return (d.year, d.month or 0, d.day or 0)
    assert (a < b) == (key(a) < key(b))
    assert (a <= b) == (key(a) <= key(b))
    assert (a > b) == (key(a) > key(b))
    assert (a == b) == (key(a) == key(b))


@settings(max_examples=50)
@given(st.lists(partial_dates(), max_size=20))
def test_sorting_puts_a_year_before_its_months_and_days(dates: list[PartialDate]) -> None:
    ordered = sorted(dates)
    assert [(d.year, d.month or 0, d.day or 0) for d in ordered] == sorted(
        (d.year, d.month or 0, d.day or 0) for d in dates)
    assert min(dates, default=None) == (ordered[0] if ordered else None)


def test_display_forms() -> None:
    assert PartialDate(2023, 9, 6).display == "6 September 2023"
    assert PartialDate(2021, 5).display == "May 2021"
    assert PartialDate(2020).display == "2020"
