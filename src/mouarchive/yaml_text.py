"""YAML written by hand, a line at a time, for the drafts `mouarchive new` and `mouarchive import`
make: a scalar quoted only when it must be, so the draft reads as an editor would write it."""

from __future__ import annotations

import re

_PLAIN_SCALAR = re.compile(r"[A-Za-z0-9(][^\n]*")


def yaml_scalar(value: str, flow: bool = False) -> str:
    """A YAML scalar that reads back as exactly `value` (the loader reads every scalar as text)."""
    risky = (": " in value or " #" in value or value.endswith((":", " ")) or value != value.strip()
             or value.casefold() in ("null", "~") or value.startswith(("- ", "? ")))
    if flow:
        risky = risky or any(ch in value for ch in ",[]{}")
    if not risky and _PLAIN_SCALAR.fullmatch(value) and not value.startswith("("):
        return value
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


