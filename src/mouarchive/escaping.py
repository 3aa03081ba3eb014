"""HTML escaping as markupsafe does it, made without its Python layers around the C escape.

Every value an autoescaped template outputs, and every value the snippets put in markup, is escaped;
an agreement page escapes about 450 values and fills a dozen translated messages. markupsafe's
`escape` makes each result through Markup.__new__, a Python function that looks for `__html__`
again, and copies a Markup it is given; `Markup % values` wraps each value in a Python helper
object that escapes it when formatted. Here the same text is made with `str.__new__` and C's
`%`: rendering every fourth page of a 150-document site took 11.6% fewer instructions with
`escape` alone, 17.5% fewer with `fill` too (benchmarks/RESULTS.md, issue 12).
tests/test_escaping.py checks both against markupsafe.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import markupsafe
from markupsafe import Markup

# markupsafe's own escaping of a str, in C (markupsafe 3 names it so; without it, its escape).
_escape_text = getattr(markupsafe, "_escape_inner", None)
_new_str = str.__new__
_NUMBERS = (int, float)  # formatted as they are (%d, %s): their text holds nothing to escape


def escape(value: Any) -> Markup:
    """markupsafe.escape(value)."""
    kind = type(value)
    if kind is Markup:
        return value
    if kind is str and _escape_text is not None:
        return _new_str(Markup, _escape_text(value))
    return markupsafe.escape(value)


def fill(message: str, values: Mapping[str, Any]) -> Markup:
    """Markup(message) % values, for a message whose fields are %(name)s and %(name)d."""
    # str's own %, also where the message is a Markup already (whose % is markupsafe's).
    return _new_str(Markup, str.__mod__(message, {
        name: value if isinstance(value, _NUMBERS) else escape(value) for name, value in values.items()}))
