"""Search parameters: query-string arguments parsed into a SearchRequest, and links built back."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import urlencode

from werkzeug.datastructures import MultiDict

from indexer.search_types import SearchRequest, SortOrder

# Beyond this a query is refused outright (a guard against abuse). Shorter queries that
# are still too long to search whole are cut by the search service, with a notice.
MAX_QUERY_LENGTH = 2000
MAX_PAGE = 100
MAX_PER_PAGE = 50
DEFAULT_PER_PAGE = 10
MAX_FILTER_VALUES = 20
MAX_FILTER_LENGTH = 200

# Query-string names, in the order links are written.
QUERY = "q"
SOURCE = "source"
AUTHOR = "author"
SECTION = "section"
DATE_FROM = "from"
DATE_TO = "to"
SORT = "sort"
PAGE = "page"
PER_PAGE = "per_page"
LANGUAGE = "lang"
VARIANTS = "variants"
FRESH = "fresh"
COPIES = "copies"

FILTER_PARAMS: tuple[str, ...] = (SOURCE, AUTHOR, SECTION, LANGUAGE)
KNOWN_PARAMS: tuple[str, ...] = (
    QUERY,
    SOURCE,
    AUTHOR,
    SECTION,
    LANGUAGE,
    DATE_FROM,
    DATE_TO,
    SORT,
    VARIANTS,
    FRESH,
    COPIES,
    PAGE,
    PER_PAGE,
)

# Facet names the search service may use, mapped to the parameter that filters on them.
FACET_PARAMS: Mapping[str, str] = {
    "source": SOURCE,
    "sources": SOURCE,
    "author": AUTHOR,
    "authors": AUTHOR,
    "section": SECTION,
    "sections": SECTION,
    "language": LANGUAGE,
    "languages": LANGUAGE,
}
_TRUE = frozenset({"1", "true", "yes", "on"})
_FALSE = frozenset({"0", "false", "no", "off"})

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
# Control characters confuse query parsers and terminals; spaces keep word boundaries.
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class ParameterError(ValueError):
    """A request argument that cannot be understood; the message is shown to the reader."""


def parse_search_request(args: MultiDict[str, str]) -> SearchRequest:
    """Turn request arguments into a validated SearchRequest or raise ParameterError."""
    query = _clean_text(args.get(QUERY, ""))
    if len(query) > MAX_QUERY_LENGTH:
        raise ParameterError(f"q must be at most {MAX_QUERY_LENGTH} characters")
    date_from = _parse_date(args.get(DATE_FROM, ""), DATE_FROM)
    date_to = _parse_date(args.get(DATE_TO, ""), DATE_TO)
    if date_from and date_to and date_from > date_to:
        raise ParameterError("from must be on or before to")
    return SearchRequest(
        query=query,
        sources=_filter_values(args, SOURCE),
        authors=_filter_values(args, AUTHOR),
        sections=_filter_values(args, SECTION),
        languages=_filter_values(args, LANGUAGE),
        variants=_parse_flag(args.get(VARIANTS, ""), VARIANTS, default=True),
        fresh=_parse_flag(args.get(FRESH, ""), FRESH, default=False),
        group_copies=_parse_flag(args.get(COPIES, ""), COPIES, default=True),
        date_from=date_from,
        date_to=date_to,
        sort=_parse_sort(args.get(SORT, "")),
        page=_parse_bounded_int(args.get(PAGE, ""), PAGE, default=1, maximum=MAX_PAGE),
        page_size=_parse_bounded_int(
            args.get(PER_PAGE, ""), PER_PAGE, default=DEFAULT_PER_PAGE, maximum=MAX_PER_PAGE
        ),
    )


def _clean_text(value: str) -> str:
    return " ".join(_CONTROL_CHARS.sub(" ", value).split())


def _filter_values(args: MultiDict[str, str], name: str) -> tuple[str, ...]:
    values: list[str] = []
    for raw in args.getlist(name):
        value = _clean_text(raw)
        if not value or value in values:
            continue
        if len(value) > MAX_FILTER_LENGTH:
            raise ParameterError(f"{name} must be at most {MAX_FILTER_LENGTH} characters")
        values.append(value)
    if len(values) > MAX_FILTER_VALUES:
        raise ParameterError(f"at most {MAX_FILTER_VALUES} {name} filters can be combined")
    return tuple(values)


def _parse_date(raw: str, name: str) -> date | None:
    value = raw.strip()
    if not value:
        return None
    if not _ISO_DATE.fullmatch(value):
        raise ParameterError(f"{name} must be a date like 2024-05-01")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ParameterError(f"{name} must be a real date like 2024-05-01") from None


def _parse_flag(raw: str, name: str, *, default: bool) -> bool:
    """An on/off switch: 1/0, true/false, yes/no or on/off; empty means the default."""
    value = raw.strip().lower()
    if not value:
        return default
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ParameterError(f"{name} must be 1 or 0")


def _parse_sort(raw: str) -> SortOrder:
    value = raw.strip().lower()
    if not value:
        return SortOrder.RELEVANCE
    try:
        return SortOrder(value)
    except ValueError:
        names = [order.value for order in SortOrder]
        choices = ", ".join(names[:-1]) + " or " + names[-1]
        raise ParameterError(f"sort must be {choices}") from None


def _parse_bounded_int(raw: str, name: str, *, default: int, maximum: int) -> int:
    value = raw.strip()
    if not value:
        return default
    if not value.isdigit() or not 1 <= int(value) <= maximum:
        raise ParameterError(f"{name} must be a whole number from 1 to {maximum}")
    return int(value)


def param_for_facet(facet: str) -> str | None:
    """The query-string parameter that filters on a facet, or None when it is not filterable."""
    return FACET_PARAMS.get(facet)


class SearchLinks:
    """Builds search URLs that change one thing and keep the reader's other choices.

    Only known, non-empty parameters are carried over, and any change to what is
    shown sends the reader back to page 1.
    """

    def __init__(self, base: str, args: MultiDict[str, str] | Mapping[str, str]) -> None:
        self.base = base
        source = args if isinstance(args, MultiDict) else MultiDict(args)
        self._pairs: list[tuple[str, str]] = [
            (name, value.strip())
            for name in KNOWN_PARAMS
            for value in source.getlist(name)
            if value.strip()
        ]

    def _url(self, pairs: Iterable[tuple[str, str]]) -> str:
        kept = list(pairs)
        return f"{self.base}?{urlencode(kept)}" if kept else self.base

    def _without(self, names: Iterable[str]) -> list[tuple[str, str]]:
        dropped = set(names)
        return [(name, value) for name, value in self._pairs if name not in dropped]

    def pairs(self, *, exclude: Iterable[str] = ()) -> list[tuple[str, str]]:
        """Current parameters, for hidden form fields that must survive a form submit."""
        return self._without(exclude)

    def with_value(self, name: str, value: str) -> str:
        """Add a filter value (kept once) and restart at page 1."""
        pairs = self._without([PAGE])
        if (name, value) not in pairs:
            pairs.append((name, value))
        return self._url(_ordered(pairs))

    def without_value(self, name: str, value: str | None = None) -> str:
        """Remove one filter value, or every value of ``name`` when value is None."""
        pairs = [
            (key, kept)
            for key, kept in self._without([PAGE])
            if not (key == name and (value is None or kept == value))
        ]
        return self._url(pairs)

    def with_param(self, name: str, value: str) -> str:
        """Replace a single-valued parameter (q, sort, from, to) and restart at page 1."""
        pairs = self._without([name, PAGE])
        pairs.append((name, value))
        return self._url(_ordered(pairs))

    def with_dates(self, date_from: date | None, date_to: date | None) -> str:
        """Replace the date range (either end may be open) and restart at page 1."""
        pairs = self._without([DATE_FROM, DATE_TO, PAGE])
        if date_from is not None:
            pairs.append((DATE_FROM, date_from.isoformat()))
        if date_to is not None:
            pairs.append((DATE_TO, date_to.isoformat()))
        return self._url(_ordered(pairs))

    def page(self, number: int) -> str:
        """The same search on another page."""
        pairs = self._without([PAGE])
        if number > 1:
            pairs.append((PAGE, str(number)))
        return self._url(_ordered(pairs))


def _ordered(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    rank = {name: index for index, name in enumerate(KNOWN_PARAMS)}
    return sorted(pairs, key=lambda pair: rank.get(pair[0], len(rank)))


@dataclass(frozen=True, slots=True)
class Pagination:
    """Which page links to offer: a window of numbers around the current page."""

    current: int
    last: int
    numbers: tuple[int, ...]
    previous: int | None
    next: int | None


def paginate(current: int, page_count: int, *, width: int = 2) -> Pagination:
    """Page links around ``current``, never past the last page or MAX_PAGE."""
    last = max(1, min(page_count, MAX_PAGE))
    anchor = min(current, last)
    numbers = tuple(range(max(1, anchor - width), min(last, anchor + width) + 1))
    return Pagination(
        current=current,
        last=last,
        numbers=numbers,
        previous=min(current - 1, last) if current > 1 else None,
        next=current + 1 if current < last else None,
    )


# Quick date ranges offered beside the custom one: (label, days back from today).
DATE_PRESETS: tuple[tuple[str, int], ...] = (
    ("Past day", 1),
    ("Past week", 7),
    ("Past month", 31),
    ("Past year", 365),
)


@dataclass(frozen=True, slots=True)
class DatePreset:
    """A quick date range as a link; ``selected`` when the request uses exactly this range."""

    label: str
    url: str
    selected: bool


def date_presets(today: date, links: SearchLinks, request: SearchRequest) -> list[DatePreset]:
    """Links for the quick date ranges ending today, so they land in the URL as from/to."""
    presets = []
    for label, days in DATE_PRESETS:
        start = today - timedelta(days=days)
        selected = request.date_from == start and request.date_to == today
        url = links.with_dates(None, None) if selected else links.with_dates(start, today)
        presets.append(DatePreset(label, url, selected))
    return presets
