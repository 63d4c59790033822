"""The results timeline as an inline SVG bar chart, drawn on the server so it needs no script."""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from markupsafe import Markup

from indexer.search_types import TimelineBucket

WIDTH = 640
HEIGHT = 120
AXIS_HEIGHT = 2
MIN_BAR_HEIGHT = 2
MAX_BAR_WIDTH = 40

_UNIT_NAMES = {"day": "day", "week": "week", "month": "month", "year": "year"}


def bucket_end(bucket: TimelineBucket, unit: str | None) -> date:
    """The last day a bucket covers."""
    start = bucket.start
    if unit == "week":
        return start + timedelta(days=6)
    if unit == "month":
        return start.replace(day=calendar.monthrange(start.year, start.month)[1])
    if unit == "year":
        return start.replace(month=12, day=31)
    return start


def _plural(count: int, word: str, plural: str) -> str:
    return f"{count:,} {word if count == 1 else plural}"


def timeline_svg(
    buckets: Sequence[TimelineBucket],
    unit: str | None,
    link_for: Callable[[date, date], str],
    *,
    title: str = "Matching stories over time",
) -> Markup:
    """An accessible SVG chart: one linked bar per bucket, each narrowing the date range.

    ``link_for(first_day, last_day)`` returns the URL a bar leads to. Every label is
    escaped; the result is safe to place in a page as is.
    """
    if not buckets:
        return Markup("")
    peak = max(bucket.count for bucket in buckets) or 1
    slot = WIDTH / len(buckets)
    gap = min(4.0, slot * 0.2)
    chart_height = HEIGHT - AXIS_HEIGHT
    # A few buckets would make slabs, not bars: cap the width and centre each in its slot.
    width = min(max(slot - gap, 1.0), MAX_BAR_WIDTH)
    unit_name = _UNIT_NAMES.get(unit or "", "period")
    total = sum(bucket.count for bucket in buckets)
    summary = (
        f"{_plural(total, 'story', 'stories')} from {buckets[0].label} to {buckets[-1].label}, "
        f"counted per {unit_name}."
    )
    parts: list[Markup] = [
        Markup(
            '<svg class="timeline-chart" viewBox="0 0 {w} {h}" preserveAspectRatio="none" '
            'role="group" aria-labelledby="timeline-title timeline-desc" '
            'xmlns="http://www.w3.org/2000/svg">'
        ).format(w=WIDTH, h=HEIGHT),
        Markup('<title id="timeline-title">{}</title>').format(title),
        Markup('<desc id="timeline-desc">{}</desc>').format(summary),
        Markup('<line class="axis" x1="0" y1="{y}" x2="{w}" y2="{y}"/>').format(
            y=chart_height, w=WIDTH
        ),
    ]
    for index, bucket in enumerate(buckets):
        x = index * slot
        height = (
            0.0 if bucket.count == 0 else max(MIN_BAR_HEIGHT, chart_height * bucket.count / peak)
        )
        label = f"{bucket.label}: {_plural(bucket.count, 'story', 'stories')}"
        bar = Markup(
            '<rect class="bar" x="{x:.2f}" y="{y:.2f}" width="{bw:.2f}" height="{bh:.2f}"/>'
        ).format(x=x + (slot - width) / 2, y=chart_height - height, bw=width, bh=height)
        # A transparent hit area the full height of the slot, so small bars are easy to click.
        hit_area = Markup(
            '<rect class="hit" x="{x:.2f}" y="0" width="{w:.2f}" height="{h}"/>'
        ).format(x=x, w=slot, h=chart_height)
        tooltip = Markup("<title>{}</title>").format(label)
        if bucket.count:
            href = link_for(bucket.start, bucket_end(bucket, unit))
            parts.append(
                Markup('<a href="{href}" aria-label="{label}">{tip}{hit}{bar}</a>').format(
                    href=href, label=label, tip=tooltip, hit=hit_area, bar=bar
                )
            )
        else:
            parts.append(Markup('<g aria-hidden="true">{}{}</g>').format(tooltip, bar))
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)
