"""Pictures drawn at build time as static, accessible SVG: no script, no font or file from elsewhere.

The geometry is worked out here; the SVG markup is in templates/chart_timeline.html and
chart_partners.html, with a <title> and <desc> in the page's language, and the pages put a data table
beside each picture. Colours are CSS classes (.series-0 ...), so the stylesheet sets them for light
and dark mode.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from .archive import Archive
from .i18n import N_
from .model import Party, Topic

OTHER_TOPICS = N_("Other topics")  # the legend's last entry, in the page's language

SERIES = 8  # topic colours; the rest are drawn as "other topics"


@dataclass(frozen=True)
class TimelineData:
    """Agreements per year of signing, and per topic within each year."""

    years: tuple[int, ...]  # oldest first, every year in the range, empty years included
    totals: tuple[int, ...]
    topics: tuple[str, ...]  # the topics with a colour of their own, most used first
    counts: tuple[tuple[int, ...], ...]  # per year, per topic (then 'other'), agreements


def timeline_data(archive: Archive) -> TimelineData:
    """Count agreements per year and topic; an agreement with several topics counts in each."""
    if not archive.by_year:
        return TimelineData((), (), (), ())
    first, last = min(archive.by_year), max(archive.by_year)
    usage = Counter(t for a in archive.agreements.values() for t in a.topic_ids)
    named = tuple(t for t, _n in sorted(usage.items(), key=lambda p: (-p[1], p[0]))[:SERIES])
    years = tuple(range(first, last + 1))
    counts = []
    for year in years:
        per_topic = Counter()
        for ident in archive.by_year.get(year, ()):
            for topic in archive.agreements[ident].topic_ids:
                per_topic[topic if topic in named else ""] += 1
        counts.append((*(per_topic[t] for t in named), per_topic[""]))
    totals = tuple(len(archive.by_year.get(y, ())) for y in years)
    return TimelineData(years, totals, named, tuple(counts))


@dataclass(frozen=True)
class TimelineView:
    """Where everything of the stacked bar chart goes (numbers already written as the SVG has
    them); templates/chart_timeline.html draws it."""

    ident: str
    width: int
    height: int  # with the legend
    first: int
    last: int
    grid: tuple[tuple[str, str, int], ...]  # (y, the label's y, tick)
    left: int
    # Per year: the year, its parts (class, x, y, width, height, topic, agreements) and the x of its
    # label ("" for none: at most about 12 years are labelled).
    columns: tuple[tuple[int, tuple[tuple[str, str, str, str, str, str, int], ...], str], ...]
    axis_y: int
    legend: tuple[tuple[str, int, int, str], ...]  # (class, x, y, topic)


def timeline_view(data: TimelineData, archive: Archive, other_topics: str, ident: str = "timeline",
                  topic_name: Callable[[Topic], str] = lambda topic: topic.name) -> TimelineView | None:
    """Stacked bars of agreements per year, coloured by topic, with a legend; topics named by
    `topic_name`, the rest as `other_topics` (both in the page's language)."""
    if not data.years:
        return None
    width, height, left, bottom, top = 720, 260, 36, 28, 12
    plot_h = height - bottom - top
    stack_max = max((sum(c) for c in data.counts), default=1) or 1
    step = (width - left) / len(data.years)
    bar = max(2.0, min(36.0, step * 0.7))
    labels = [topic_name(archive.topics[t]) for t in data.topics] + [other_topics]
    grid = []
    for tick in _ticks(stack_max):
        y = top + plot_h - plot_h * tick / stack_max
        grid.append((f"{y:.1f}", f"{y + 4:.1f}", tick))
    label_every = max(1, math.ceil(len(data.years) / 12))
    columns = []
    for i, (year, counts) in enumerate(zip(data.years, data.counts, strict=True)):
        x = left + i * step + (step - bar) / 2
        y = top + plot_h
        parts = []
        for series, count in enumerate(counts):
            if not count:
                continue
            h = plot_h * count / stack_max
            y -= h
            cls = f"series-{series if series < len(data.topics) else 'other'}"
            parts.append((cls, f"{x:.1f}", f"{y:.1f}", f"{bar:.1f}", f"{h:.1f}", labels[series], count))
        labelled = i % label_every == 0 or i == len(data.years) - 1
        columns.append((year, tuple(parts), f"{x + bar / 2:.1f}" if labelled else ""))
    legend = [(f"series-{n}" if n < len(data.topics) else "series-other", left + (n % 3) * 228,
               height + 6 + 20 * (n // 3), name) for n, name in enumerate(labels)]
    return TimelineView(ident, width, height + 20 * ((len(labels) + 2) // 3), data.years[0], data.years[-1],
                        tuple(grid), left, tuple(columns), top + plot_h + 18, tuple(legend))


def _ticks(maximum: int) -> list[int]:
    step = max(1, math.ceil(maximum / 4))
    return list(range(0, maximum + 1, step))


@dataclass(frozen=True)
class PartnersView:
    """Where everything of a party's partners chart goes (numbers already written as the SVG has
    them); templates/chart_partners.html draws it."""

    ident: str
    viewbox: str
    label: str  # the party's short label, which both languages use
    name: str  # its name in the page's language
    centre: str  # its label in the middle, shortened
    partners: int  # every partner, shown or not
    left_out: int  # partners beyond the picture's limit, listed in the table only
    lines: tuple[tuple[str, str, str], ...]  # (x, y, stroke width)
    nodes: tuple[tuple[str, str, str, int, str, str, str, str], ...]
    # (x, y, partner's name, agreements, label x, label y, text-anchor, label)
    node: int
    font: int


def partners_view(party_id: str, archive: Archive, limit: int = 12,
                  party_name: Callable[[Party], str] = lambda party: party.name) -> PartnersView | None:
    """The party in the middle, the parties it has signed with around it; thicker lines, more
    agreements.

    The picture is cropped to what is drawn, so one or two partners do not leave an empty square,
    and its text is sized for the narrow column it sits in. Parties are named by `party_name`
    (their name in the page's language) and labelled by acronym, which both languages use.
    """
    partners = archive.counterparts.get(party_id, ())
    if not partners:
        return None
    party = archive.parties[party_id]
    shown, rest = partners[:limit], partners[limit:]
    radius, font, node = 150.0, 20, 11
    most = max(n for _p, n in shown)
    start = 0.0 if len(shown) <= 2 else -math.pi / 2  # one or two partners sit left and right
    lines, nodes = [], []
    box = [-40.0, -40.0, 40.0, 40.0]  # min x, min y, max x, max y around the centre at (0, 0)
    for i, (other, count) in enumerate(shown):
        angle = start + 2 * math.pi * i / len(shown)
        x, y = radius * math.cos(angle), radius * math.sin(angle)
        lines.append((f"{x:.1f}", f"{y:.1f}", f"{2 + 8 * count / most:.1f}"))
        text = f"{_short(archive.parties[other].label)} ({count})"
        width = 0.6 * font * len(text)
        if abs(math.cos(angle)) < 0.3:
            anchor, tx, ty, left = "middle", x, y + (34 if math.sin(angle) > 0 else -20), x - width / 2
        elif math.cos(angle) > 0:
            anchor, tx, ty, left = "start", x + 18, y + 7, x + 18
        else:
            anchor, tx, ty, left = "end", x - 18, y + 7, x - 18 - width
        box = [min(box[0], left, x - node), min(box[1], ty - font, y - node),
               max(box[2], left + width, x + node), max(box[3], ty + 6, y + node)]
        nodes.append((f"{x:.1f}", f"{y:.1f}", party_name(archive.parties[other]), count,
                      f"{tx:.1f}", f"{ty:.1f}", anchor, text))
    pad = 8
    x0, y0 = box[0] - pad, box[1] - pad
    width, height = box[2] - box[0] + 2 * pad, box[3] - box[1] + 2 * pad
    return PartnersView(f"partners-{party_id}", f"{x0:.0f} {y0:.0f} {width:.0f} {height:.0f}", party.label,
                        party_name(party), _short(party.label, 8), len(partners), len(rest),
                        tuple(lines), tuple(nodes), node, font)


def _short(text: str, limit: int = 18) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
