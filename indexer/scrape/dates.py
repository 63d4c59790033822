"""Reading dates as pages write them into ISO 8601, keeping only the precision and zone given."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from urllib.parse import urlsplit

from dateutil import parser as date_parser

from indexer.scrape import lexicon
from indexer.scrape.textutil import collapse

# Two defaults that differ in every field: whatever the two parses agree on came from the text.
_DEFAULT_A = datetime(2000, 1, 1, 0, 0, 0)
_DEFAULT_B = datetime(2001, 2, 2, 1, 1, 1)
_MAX_LENGTH = 120
_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d|2100)(?!\d)")
_BASIC_ISO = re.compile(
    r"^(?P<date>\d{8})(?:T(?P<h>\d{2})(?P<m>\d{2})(?P<s>\d{2})?(?:\.\d+)?)?(?P<zone>Z|[+-]\d{4})?$"
)
_TIMESTAMP = re.compile(r"^\d{10}(?:\d{3})?$")
# "22:06:08:684Z": milliseconds written after a colon instead of a dot.
_COLON_FRACTION = re.compile(r"(T\d{2}:\d{2}:\d{2}):(\d{3})(?=Z|[+-]\d|$)")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_NUMERIC_DMY = re.compile(r"^(\d{1,2})([./\-])(\d{1,2})\2(\d{4})\b")
# "4. 2. 2022": a dotted date written with spaces, read as "4.2.2022" (day first).
_SPACED_DOTTED = re.compile(r"^(\d{1,2})\.\s+(\d{1,2})\.\s*(?=\d{4}\b)")
# "23.09.22", "02/10/20": a numeric date with a two-digit year, then nothing but a clock.
_SHORT_YEAR = re.compile(r"^(\d{1,2})([./])(\d{1,2})\2(\d{2})(?![\d./])")
# Two-digit years up to this one are read in the 2000s, later ones in the 1900s.
_SHORT_YEAR_PIVOT = 69
_LANGUAGE_TAG = re.compile(r"^([A-Za-z]{2,3})(?:[-_]([A-Za-z]{2}|\d{3}))?(?:[-_]|$)")
_PATH_LOCALE = re.compile(r"/([a-z]{2}[-_][a-z]{2})(?=/|$)", re.I)
_TOKENS = re.compile(r"[^\W\d_]+\.?|\d+|\S")
_FRENCH_HOUR = re.compile(r"\b(\d{1,2})\s?h\s?(\d{2})\b")
_DOTTED_CLOCK = re.compile(r"\b(\d{1,2})\.(\d{2})(?!\d)(?=\s*(?:[ap]\.?m\b|[A-Z]{2,5}\b|$))")
_DOTTED_MERIDIEM = re.compile(r"\b([ap])\.\s?m\.?(?=\s|$|,)", re.I)
_ORDINAL_DOT_DAY = re.compile(r"\b(\d{1,2})\.(?=\s*[^\W\d_])")
_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d\d)[/\-](?P<m>0?[1-9]|1[0-2])[/\-](?P<d>0?[1-9]|[12]\d|3[01])(?:/|-|$|\.)"
)
# "/news/23-01-2022-slug", "/texte/20220127-slug": a date opening a path segment.
_URL_DAY_FIRST = re.compile(
    r"/(?P<d>0?[1-9]|[12]\d|3[01])[-.](?P<m>0?[1-9]|1[0-2])[-.](?P<y>(?:19|20)\d\d)(?:[/\-_.]|$)"
)
_URL_COMPACT = re.compile(
    r"/(?P<y>(?:19|20)\d\d)(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])[-_]"
)
_MONTH_WORD = (
    r"(?:"
    + "|".join(sorted((re.escape(m) for m in lexicon.ALL_MONTH_WORDS), key=len, reverse=True))
    + r")\.?"
)
_CLOCK = (
    r"(?:,?\s*(?:um\s+|at\s+|à\s+|-\s+)?\d{1,2}[:.h]\d{2}(?::\d{2})?"
    r"(?:\s*[ap]\.?m\.?)?(?:\s*uhr)?)?"
)
# Dates as pages print them inside longer text, most specific forms first.
_DATE_IN_TEXT = re.compile(
    r"(?<![\w./-])(?:"
    r"(?:19|20)\d\d-[01]\d-[0-3]\d(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d)?(?:Z|[+-]\d\d:?\d\d)?)?"
    r"|[0-3]?\d\.\s?[01]?\d\.\s?(?:19|20)\d\d"
    + _CLOCK
    + r"|[0-3]?\d/[01]?\d/(?:19|20)\d\d"
    + _CLOCK
    + r"|[0-3]?\d\.\s?[01]?\d\.\s?\d\d(?![\d.])"
    + _CLOCK
    + r"|[0-3]?\d/[01]?\d/\d\d(?![\d/])"
    + _CLOCK
    + r"|[0-3]?\d(?:\.|er|st|nd|rd|th)?\s+(?:de\s+)?"
    + _MONTH_WORD
    + r",?\s+(?:de\s+|del\s+)?(?:19|20)\d\d"
    + _CLOCK
    + r"|"
    + _MONTH_WORD
    + r"\s+[0-3]?\d(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d"
    + _CLOCK
    + r")(?![\w/-])",
    re.I,
)
_CLOCK_TAIL = re.compile(_CLOCK + r"$", re.I)
# Zones run from UTC-12 to UTC+14, in steps of a quarter of an hour.
_MAX_WEST_HOURS = 12
_MAX_EAST_HOURS = 14
_HOURS_IN_DAY = 24
_ZONE_STEP = 15 * 60
_SAME_MINUTE = 60
_EASTERN_MIDNIGHT_HOURS = frozenset({21, 22, 23})
_PARSER_ERRORS = (ValueError, OverflowError, TypeError, date_parser.ParserError)


def normalise_date(raw: str | None, *, dayfirst: bool | None = None) -> str | None:
    """An ISO 8601 string for a date as written, or None when it cannot be trusted.

    The result keeps what the page gave and nothing more: a date alone stays a date,
    a time without seconds stays without seconds, and a zone appears only when the
    page stated one. Missing years, months or days are never filled in.

    ``dayfirst`` is the page's own order of day and month (see `day_order`): it settles
    "05/03/2024" and lets a two-digit year be read in a slashed date ("05/03/24"). Without
    it such dates are refused; a dotted date ("23.09.22") is always day first.
    """
    if not raw:
        return None
    text = collapse(raw)
    if not text or len(text) > _MAX_LENGTH:
        return None
    if _TIMESTAMP.match(text):
        return _from_timestamp(text)
    short = _SHORT_YEAR.match(text)
    if short:
        text = _four_digit_year(short, text, dayfirst)
        if text is None:
            return None
    basic = _BASIC_ISO.match(text)
    if basic:
        text = _extended_iso(basic)
    if not _YEAR.search(text):
        return None
    if _ISO_DATE.match(text):
        text = _COLON_FRACTION.sub(r"\1.\2", text)
        iso = _parse(text.replace(" ", "T", 1) if "T" not in text else text, dayfirst=False)
        if iso:
            return iso
    text = _SPACED_DOTTED.sub(r"\1.\2.", text, count=1)
    numeric = _NUMERIC_DMY.match(text)
    if numeric:
        first, sep, second = int(numeric.group(1)), numeric.group(2), int(numeric.group(3))
        if first > 12 or sep == ".":
            order = True
        elif second > 12 or first == second:
            order = False
        elif dayfirst is None:
            return None  # 05/03/2024 could be either; refuse to guess
        else:
            order = dayfirst
        return _parse(_prepare(text), dayfirst=order)
    return _parse(_prepare(text), dayfirst=False)


def find_date(text: str | None, *, dayfirst: bool | None = None) -> str | None:
    """The first date written somewhere inside ``text`` ("Veröffentlicht am 06.10.2023 ..."),
    as ISO 8601, or None when no part of it reads as a complete date (``dayfirst``: the
    page's order of day and month, as for `normalise_date`)."""
    if not text:
        return None
    for match in _DATE_IN_TEXT.finditer(text):
        iso = _written_date(match.group(0), dayfirst)
        if iso:
            return iso
    return None


def _written_date(written: str, dayfirst: bool | None) -> str | None:
    return normalise_date(written, dayfirst=dayfirst) or normalise_date(
        _CLOCK_TAIL.sub("", written), dayfirst=dayfirst
    )


def date_span(text: str | None, *, dayfirst: bool | None = None) -> tuple[str, int, int] | None:
    """(ISO date, start, end) of the first complete date written inside ``text``, or None."""
    if not text:
        return None
    for match in _DATE_IN_TEXT.finditer(text):
        iso = _written_date(match.group(0), dayfirst)
        if iso:
            return iso, match.start(), match.end()
    return None


def date_start(text: str | None) -> int | None:
    """Where the first complete date inside ``text`` begins, or None."""
    if not text:
        return None
    for match in _DATE_IN_TEXT.finditer(text):
        if _written_date(match.group(0), None):
            return match.start()
    return None


def leading_date(text: str | None, *, dayfirst: bool | None = None) -> tuple[str, str] | None:
    """(ISO date, the rest of the text) when ``text`` opens with a date
    ("11.12.2019 - Jane Doe" → ("2019-12-11", " - Jane Doe")), else None."""
    if not text:
        return None
    stripped = text.lstrip()
    match = _DATE_IN_TEXT.match(stripped)
    if not match:
        return None
    iso = _written_date(match.group(0), dayfirst)
    return (iso, stripped[match.end() :]) if iso else None


def day_order(tags: Iterable[str | None], url: str | None = None) -> bool | None:
    """Whether the page writes the day before the month: True ("02/10/2020" is 2 October),
    False (month first, as in the United States), None when it cannot be told.

    Read from the page's language tags (``<html lang>``, og:locale, content-language) and
    its address (a locale in the path such as "/en-gb/", the country's domain). English
    without a region, on a generic domain, tells nothing; sources that disagree tell
    nothing either.
    """
    votes: set[bool] = set()
    regionless_english = False
    for tag in tags:
        vote = _tag_order(tag)
        if vote is None and tag and _LANGUAGE_TAG.match(tag.strip()):
            regionless_english = regionless_english or tag.strip()[:2].lower() == "en"
        if vote is not None:
            votes.add(vote)
    if url:
        parts = urlsplit(url)
        for locale in _PATH_LOCALE.findall(parts.path):
            vote = _tag_order(locale)
            if vote is not None:
                votes.add(vote)
        host = (parts.hostname or "").rstrip(".")
        country = host.rsplit(".", 1)[-1] if "." in host else ""
        if country in lexicon.MONTH_FIRST_COUNTRIES:
            votes.add(False)
        elif country in lexicon.DAY_FIRST_COUNTRIES and (regionless_english or not votes):
            votes.add(True)
    return votes.pop() if len(votes) == 1 else None


def _tag_order(tag: str | None) -> bool | None:
    """The order of day and month a language tag implies ("en-US" month first, "en-GB"
    and other languages day first), or None ("en" alone, year-first languages)."""
    if not tag:
        return None
    match = _LANGUAGE_TAG.match(tag.strip())
    if not match:
        return None
    language, region = match.group(1).lower(), (match.group(2) or "").lower()
    if language in lexicon.YEAR_FIRST_LANGUAGES:
        return None
    if language != "en":
        return True
    if not region:
        return None
    return region not in lexicon.MONTH_FIRST_COUNTRIES


def _four_digit_year(match: re.Match[str], text: str, dayfirst: bool | None) -> str | None:
    """ "23.09.22 13:10" → "23.09.2022 13:10"; None when the order cannot be told."""
    first, separator, second, year = match.groups()
    if separator == "/":
        if dayfirst is None:
            return None
        if not dayfirst:
            first, second = second, first
    short = int(year)
    century = 2000 if short <= _SHORT_YEAR_PIVOT else 1900
    return f"{first}.{second}.{century + short}{text[match.end() :]}"


def date_from_url(url: str | None) -> str | None:
    """The date in a URL path such as ``/2023/06/21/slug``, ``/23-01-2022-slug`` or
    ``/20220127-slug`` (a date only, never a time)."""
    if not url:
        return None
    path = urlsplit(url).path
    match = _URL_DATE.search(path) or _URL_DAY_FIRST.search(path) or _URL_COMPACT.search(path)
    if not match:
        return None
    year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    try:
        return datetime(year, month, day).date().isoformat()
    except ValueError:
        return None


def same_moment(a: str | None, b: str | None) -> bool:
    """True when two normalised dates say the same thing (one may be less precise)."""
    if not a or not b:
        return False
    if a == b:
        return True
    shorter, longer = sorted((a, b), key=len)
    return longer.startswith(shorter) and not _has_time(shorter)


def local_reading(stamp: str | None, other: str | None) -> bool:
    """True when ``other`` reads as the UTC moment ``stamp`` in the page's own local time,
    on another calendar day ("2022-05-04T02:41:00+00:00" printed as "2022-05-03 22:41").

    ``other`` may be the same moment with an offset, a local time without a zone (it must
    then lie a whole quarter-hour zone away, at most 14 hours), or a date alone (the day
    before, or the day after, a UTC time that some zone puts on that day).
    """
    utc = _utc_moment(stamp)
    if utc is None or not other or other[:10] == utc.date().isoformat():
        return False
    try:
        moment = datetime.fromisoformat(other)
    except ValueError:
        return False
    if not _has_time(other):
        shift = (moment.date() - utc.date()).days
        if shift == -1:
            return utc.hour < _MAX_WEST_HOURS
        return shift == 1 and utc.hour >= _HOURS_IN_DAY - _MAX_EAST_HOURS
    if moment.tzinfo is not None:
        offset = moment.utcoffset()
        return bool(offset) and abs((moment - utc).total_seconds()) < _SAME_MINUTE
    gap = (moment - utc.replace(tzinfo=None)).total_seconds()
    if not -_MAX_WEST_HOURS * 3600 <= gap <= _MAX_EAST_HOURS * 3600:
        return False
    return abs(gap - round(gap / _ZONE_STEP) * _ZONE_STEP) < _SAME_MINUTE


def utc_midnight_day(stamp: str | None) -> str | None:
    """The local day of a UTC stamp that is a midnight one to three hours east of Greenwich
    ("2022-11-06T23:00:00Z" is 7 November in Central Europe): content systems there store
    a date without a time that way. None for any other stamp."""
    utc = _utc_moment(stamp)
    if utc is None or (utc.minute, utc.second, utc.microsecond) != (0, 0, 0):
        return None
    if utc.hour not in _EASTERN_MIDNIGHT_HOURS:
        return None
    return (utc.date() + timedelta(days=1)).isoformat()


def is_utc_time(iso: str | None) -> bool:
    """True for a normalised date with a time stated in UTC."""
    return _utc_moment(iso) is not None


def _utc_moment(stamp: str | None) -> datetime | None:
    """``stamp`` as an aware datetime when it is a time stated in UTC, else None."""
    if not stamp or not _has_time(stamp) or not stamp.endswith(("+00:00", "Z")):
        return None
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else None


def _extended_iso(match: re.Match[str]) -> str:
    """ "20240109T1530Z" → "2024-01-09T15:30Z" (ISO 8601 basic to extended format)."""
    day = match["date"]
    text = f"{day[:4]}-{day[4:6]}-{day[6:]}"
    if match["h"]:
        text += f"T{match['h']}:{match['m']}" + (f":{match['s']}" if match["s"] else "")
        zone = match["zone"]
        if zone:
            text += zone if zone == "Z" else f"{zone[:3]}:{zone[3:]}"
    return text


def _has_time(iso: str) -> bool:
    return "T" in iso


def _prepare(text: str) -> str:
    text = _FRENCH_HOUR.sub(r"\1:\2", text)
    text = _DOTTED_CLOCK.sub(r"\1:\2", text)
    text = _DOTTED_MERIDIEM.sub(lambda m: m.group(1).lower() + "m", text)
    text = _ORDINAL_DOT_DAY.sub(r"\1", text)
    words: list[str] = []
    tokens = _TOKENS.findall(text)
    for index, token in enumerate(tokens):
        bare = token.rstrip(".").lower()
        if bare in lexicon.MONTH_NAMES:
            words.append(lexicon.MONTH_NAMES[bare])
        elif bare in lexicon.DATE_NOISE_WORDS:
            continue
        elif bare == "am" and index + 1 < len(tokens) and tokens[index + 1][0].isdigit():
            continue  # German "am 5. März", not the English meridiem
        elif token in "|•·–—":
            words.append(" ")
        else:
            words.append(token)
    return _join_tokens(words)


def _join_tokens(tokens: list[str]) -> str:
    out = ""
    for token in tokens:
        if out and (token[0].isalnum() and (out[-1].isalnum() or out[-1] in ".,")):
            out += " "
        out += token
    return collapse(out)


def _parse(text: str, *, dayfirst: bool) -> str | None:
    try:
        a = date_parser.parse(text, default=_DEFAULT_A, dayfirst=dayfirst, tzinfos=_zone)
        b = date_parser.parse(text, default=_DEFAULT_B, dayfirst=dayfirst, tzinfos=_zone)
    except _PARSER_ERRORS:
        return None
    if (a.year, a.month, a.day) != (b.year, b.month, b.day):
        return None
    if not lexicon.MIN_YEAR <= a.year <= lexicon.MAX_YEAR:
        return None
    day = a.date().isoformat()
    if a.hour != b.hour:
        return day
    minute = a.minute if a.minute == b.minute else 0
    clock = f"{a.hour:02d}:{minute:02d}"
    if a.second == b.second:
        clock += f":{a.second:02d}"
    return f"{day}T{clock}{_offset(a.tzinfo, a)}"


def _zone(name: str | None, offset: int | None) -> tzinfo | None:
    if offset is not None:
        return timezone(timedelta(seconds=offset))
    if name and name.upper() in lexicon.TIMEZONE_OFFSETS:
        return timezone(timedelta(seconds=lexicon.TIMEZONE_OFFSETS[name.upper()]))
    return None  # an unknown abbreviation ("IST" is three zones): keep the local time only


def _offset(zone: tzinfo | None, moment: datetime) -> str:
    if zone is None:
        return ""
    delta = zone.utcoffset(moment)
    if delta is None:
        return ""
    minutes = int(delta.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _from_timestamp(text: str) -> str | None:
    seconds = int(text) / (1000 if len(text) == 13 else 1)
    try:
        moment = datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None
    if not lexicon.MIN_YEAR <= moment.year <= lexicon.MAX_YEAR:
        return None
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + "+00:00"
