"""escaping.py makes the text markupsafe makes."""

from __future__ import annotations

from typing import Any

import hypothesis
import hypothesis.strategies as st
import markupsafe
from markupsafe import Markup

from mouarchive.escaping import escape, fill


class _Html:
    def __init__(self, text: str) -> None:
        self.text = text

    def __html__(self) -> str:
        return self.text


_VALUES = st.one_of(st.text(), st.text().map(Markup), st.integers(), st.none(), st.booleans(),
                    st.text().map(_Html), st.floats(allow_nan=False))


@hypothesis.given(_VALUES)
def test_escape_is_markupsafes(value: Any) -> None:
    made = escape(value)
    assert type(made) is Markup
    assert made == markupsafe.escape(value)


@hypothesis.given(st.text(alphabet="ab<&>' \"%", max_size=12), st.dictionaries(
    st.sampled_from(["x", "y", "num"]), _VALUES, min_size=3, max_size=3))
def test_fill_is_markups_percent(text: str, values: dict[str, Any]) -> None:
    message = text.replace("%", "%%") + " %(x)s and %(y)s, %(num)s"
    made = fill(message, values)
    assert type(made) is Markup
    assert made == Markup(message) % values


def test_fill_formats_counts_as_numbers() -> None:
    values = {"num": 3, "name": "<x>"}
    message = "%(num)d <b>items</b> of %(name)s"
    assert fill(message, values) == Markup(message) % values == "3 <b>items</b> of &lt;x&gt;"
