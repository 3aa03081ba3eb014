"""Topics of topics.yaml that a text names."""

from __future__ import annotations

import re

from ..vocabularies import Vocabularies
from .text import normal


def find_topics(text: str, vocab: Vocabularies) -> tuple[str, ...]:
    """Topics whose name or alias the text uses, in the order it first uses them. "digital and
    green finance" names both "digital finance" and "green finance"."""
    surfaces: dict[str, str] = {}
    for topic in vocab.topics:
        for name in (topic.name, *topic.aliases, *(n for _, n in topic.names)):
            if vocab.topic_names.resolve(name) == topic.id:
                surfaces.setdefault(name, topic.id)
    if not surfaces:
        return ()
    alternatives = [re.escape(s) if s.isupper() else f"(?i:{re.escape(s)})"
                    for s in sorted(surfaces, key=len, reverse=True)]
    pattern = re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?!\w)")  # "blockchain-based" counts
    lookup = {normal(k): v for k, v in surfaces.items()}
    seen: dict[str, tuple[int, int]] = {}
    texts = [(0, text)] + [
        (m.start(), f"{m[1]} {m[3]} / {m[2]} {m[3]}")
        for m in re.finditer(r"\b([\w-]+) and ([\w-]+) ([\w-]+)\b", text)]
    for offset, chunk in texts:
        for m in pattern.finditer(chunk):
            ident = lookup.get(normal(m.group(0)))
            if ident:
                where = (m.start(), 0) if offset == 0 else (offset, m.start())
                seen[ident] = min(seen.get(ident, where), where)
    names = {t.id: t.name for t in vocab.topics}
    ordered = sorted(seen, key=lambda i: seen[i])
    return tuple(names[i][:1].lower() + names[i][1:] if names[i][1:2].islower() else names[i]
                 for i in ordered)
