"""Matches over time: publication counts bucketed by day, week, month or year for a timeline."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any

from .search_types import TimelineBucket

# The widest span (in days) each unit is used for; wider spans use the next unit.
DAY_SPAN = 62
WEEK_SPAN = 2 * 366
MONTH_SPAN = 20 * 366
_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def timeline(published: Mapping[Any, int]) -> tuple[str | None, tuple[TimelineBucket, ...]]:
    """The unit and the buckets (empty ones included) from counts per publication time.

    ``published`` maps datetimes (or dates) to counts; undated documents (Whoosh's
    ``datetime.min`` default) are left out. The unit follows the span covered: days
    up to two months, weeks up to two years, months up to twenty years, then years.
    """
    days: Counter[date] = Counter()
    for moment, count in published.items():
        day = _day(moment)
        if day is not None:
            days[day] += count
    if not days:
        return None, ()
    first, last = min(days), max(days)
    span = (last - first).days
    unit = (
        "day"
        if span <= DAY_SPAN
        else "week"
        if span <= WEEK_SPAN
        else "month"
        if span <= MONTH_SPAN
        else "year"
    )
    counts: Counter[date] = Counter()
    for day, count in days.items():
        counts[bucket_start(day, unit)] += count
    buckets = []
    start = bucket_start(first, unit)
    while start <= last:
        buckets.append(TimelineBucket(start, bucket_label(start, unit), counts[start]))
        start = _next(start, unit)
    return unit, tuple(buckets)


def bucket_start(day: date, unit: str) -> date:
    """The first day of the bucket holding ``day`` (weeks start on Monday)."""
    if unit == "week":
        return day - timedelta(days=day.weekday())
    if unit == "month":
        return day.replace(day=1)
    if unit == "year":
        return day.replace(month=1, day=1)
    return day


def bucket_label(start: date, unit: str) -> str:
    if unit == "week":
        return f"week of {start.isoformat()}"
    if unit == "month":
        return f"{_MONTHS[start.month - 1]} {start.year}"
    if unit == "year":
        return str(start.year)
    return start.isoformat()


def _next(start: date, unit: str) -> date:
    if unit == "day":
        return start + timedelta(days=1)
    if unit == "week":
        return start + timedelta(weeks=1)
    if unit == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return date(start.year + 1, 1, 1)


def _day(moment: Any) -> date | None:
    if isinstance(moment, datetime):
        moment = moment.date()
    if not isinstance(moment, date) or moment.year <= 1:
        return None
    return moment
