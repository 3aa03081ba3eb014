"""What templates show, computed here rather than assembled in Jinja: lists ranked and filtered,
as plain values (ids, numbers); the markup stays in the templates."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from .model import Agreement


def busiest(index: Mapping[str, tuple[str, ...]], records: Mapping[str, Any], name: Callable[[Any], str],
            limit: int) -> list[tuple[str, int]]:
    """(id, agreements) of the topics or parties with the most agreements: most first, then by
    `name` (as the reader reads it, case aside); at most `limit`, none without an agreement."""
    counts = [(ident, len(ids)) for ident, ids in index.items() if ids]
    return sorted(counts, key=lambda pair: (-pair[1], name(records[pair[0]]).lower()))[:limit]


def versions_given(agreement: Agreement, document: str) -> list[tuple[int, str]]:
    """(version number, fact) of each disputed fact's version that `document` states: what the
    agreement page says the document gives."""
    return [(number, field) for field in agreement.disputed_fields
            for number, claim in enumerate(getattr(agreement, field).claims, start=1)
            if document in (source.document for source in claim.sources)]
