"""Pictures drawn at build time as static, accessible SVG: no script, no font or file from elsewhere.

Each function returns the SVG markup (every text escaped) with a <title> and <desc>; the templates put
a data table beside it. Colours are CSS classes (.series-0 ...), so the stylesheet sets them for light
and dark mode.
"""

from __future__ import annotations

import gettext
import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from .archive import Archive
from .model import Party, Topic

ENGLISH = gettext.NullTranslations()  # the pictures' words when no other language is asked for

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


def timeline_svg(data: TimelineData, archive: Archive, ident: str = "timeline",
                 messages: gettext.NullTranslations = ENGLISH,
                 topic_name: Callable[[Topic], str] = lambda topic: topic.name) -> str:
    """Stacked bars of agreements per year, coloured by topic, with a legend, in the language of
    `messages`, naming the topics with `topic_name`."""
    _ = messages.gettext
    if not data.years:
        return ""
    width, height, left, bottom, top = 720, 260, 36, 28, 12
    plot_h = height - bottom - top
    stack_max = max((sum(c) for c in data.counts), default=1) or 1
    step = (width - left) / len(data.years)
    bar = max(2.0, min(36.0, step * 0.7))
    labels = [topic_name(archive.topics[t]) for t in data.topics] + [_("Other topics")]
    parts = [
        f'<svg class="chart timeline" viewBox="0 0 {width} {height + 20 * ((len(labels) + 2) // 3)}" '
        f'role="img" aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{ident}-title">{escape(_("Agreements signed per year, by topic"))}</title>',
        f'<desc id="{ident}-desc">' + escape(_(
            "Stacked bars, one per year from %(first)s to %(last)s; each coloured part is the number "
            "of agreements that year on one topic (an agreement with several topics counts once in "
            "each). The table beside the chart gives the numbers.")
            % {"first": data.years[0], "last": data.years[-1]}) + "</desc>",
    ]
    for tick in _ticks(stack_max):
        y = top + plot_h - plot_h * tick / stack_max
        parts.append(f'<line class="grid" x1="{left}" x2="{width}" y1="{y:.1f}" y2="{y:.1f}"/>')
        parts.append(f'<text class="axis" x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{tick}</text>')
    label_every = max(1, math.ceil(len(data.years) / 12))
    for i, (year, counts) in enumerate(zip(data.years, data.counts, strict=True)):
        x = left + i * step + (step - bar) / 2
        y = top + plot_h
        for series, count in enumerate(counts):
            if not count:
                continue
            h = plot_h * count / stack_max
            y -= h
            name = labels[series]
            parts.append(f'<rect class="series-{series if series < len(data.topics) else "other"}" '
                         f'x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}">'
                         f'<title>{year}: {escape(name)}, {count}</title></rect>')
        if i % label_every == 0 or i == len(data.years) - 1:
            parts.append(f'<text class="axis" x="{x + bar / 2:.1f}" y="{top + plot_h + 18}" '
                         f'text-anchor="middle">{year}</text>')
    for n, name in enumerate(labels):
        cls = f"series-{n}" if n < len(data.topics) else "series-other"
        lx, ly = left + (n % 3) * 228, height + 6 + 20 * (n // 3)
        parts.append(f'<rect class="{cls}" x="{lx}" y="{ly}" width="12" height="12"/>'
                     f'<text class="legend" x="{lx + 18}" y="{ly + 11}">{escape(name)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _ticks(maximum: int) -> list[int]:
    step = max(1, math.ceil(maximum / 4))
    return list(range(0, maximum + 1, step))


def partners_svg(party_id: str, archive: Archive, limit: int = 12,
                 messages: gettext.NullTranslations = ENGLISH,
                 party_name: Callable[[Party], str] = lambda party: party.name) -> str:
    """The party in the middle, the parties it has signed with around it; thicker lines, more agreements.

    The picture is cropped to what is drawn, so one or two partners do not leave an empty square,
    and its text is sized for the narrow column it sits in. Its words are in the language of
    `messages`, and parties are named by `party_name` (their name in that language); they are
    labelled by acronym, which both languages use.
    """
    _, ngettext = messages.gettext, messages.ngettext
    partners = archive.counterparts.get(party_id, ())
    if not partners:
        return ""
    party = archive.parties[party_id]
    shown, rest = partners[:limit], partners[limit:]
    radius, font, node = 150.0, 20, 11
    most = max(n for _p, n in shown)
    start = 0.0 if len(shown) <= 2 else -math.pi / 2  # one or two partners sit left and right
    ident = f"partners-{party_id}"
    lines, labels = [], []
    box = [-40.0, -40.0, 40.0, 40.0]  # min x, min y, max x, max y around the centre at (0, 0)
    for i, (other, count) in enumerate(shown):
        angle = start + 2 * math.pi * i / len(shown)
        x, y = radius * math.cos(angle), radius * math.sin(angle)
        stroke = 2 + 8 * count / most
        lines.append(f'<line class="link" x1="0" y1="0" x2="{x:.1f}" y2="{y:.1f}" '
                     f'stroke-width="{stroke:.1f}"/>')
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
        labels.append(f'<circle class="node" cx="{x:.1f}" cy="{y:.1f}" r="{node}"><title>'
                      f'{escape(party_name(archive.parties[other]))}: {count}</title></circle>'
                      f'<text class="label" x="{tx:.1f}" y="{ty:.1f}" text-anchor="{anchor}" '
                      f'font-size="{font}">{escape(text)}</text>')
    pad = 8
    x0, y0 = box[0] - pad, box[1] - pad
    width, height = box[2] - box[0] + 2 * pad, box[3] - box[1] + 2 * pad
    return "".join([
        f'<svg class="chart partners" viewBox="{x0:.0f} {y0:.0f} {width:.0f} {height:.0f}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{ident}-title">'
        + escape(_("Parties %(party)s has signed agreements with") % {"party": party.label}) + "</title>",
        f'<desc id="{ident}-desc">' + escape(ngettext(
            "%(party)s in the centre, linked to %(num)d other party; a thicker line means more "
            "agreements together.",
            "%(party)s in the centre, linked to %(num)d other parties; a thicker line means more "
            "agreements together.", len(partners)) % {"party": party_name(party), "num": len(partners)})
        + (" " + escape(_("The %(num)d parties with the fewest shared agreements are left out of the "
                          "picture but listed in the table.") % {"num": len(rest)}) if rest else "")
        + "</desc>",
        *lines, *labels,
        f'<circle class="node centre" cx="0" cy="0" r="34"/>'
        f'<text class="label centre" x="0" y="7" text-anchor="middle" font-size="{font}">'
        f'{escape(_short(party.label, 8))}</text></svg>',
    ])


def _short(text: str, limit: int = 18) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
