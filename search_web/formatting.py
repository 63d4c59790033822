"""Display helpers shared by templates, the JSON API and the CLI: dates, links, snippets."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime
from urllib.parse import urlsplit

from flask import Flask, current_app
from markupsafe import Markup, escape

from indexer.search_types import SnippetFragment

# The app config key holding the clock: a callable returning the current aware datetime.
CLOCK_KEY = "BROADSHEET_CLOCK"

# Article ids are hashes or simple slugs; anything else is refused before any lookup.
_ARTICLE_ID = re.compile(r"[A-Za-z0-9]{1,64}")


def is_valid_article_id(article_id: str) -> bool:
    """True when the id has the shape the index hands out (letters and digits only)."""
    return bool(_ARTICLE_ID.fullmatch(article_id))


def http_url(url: str | None) -> str | None:
    """The URL when it is a plain http(s) address, else None, so no other scheme becomes a link."""
    if not url:
        return None
    candidate = url.strip()
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    # Browsers drop tabs and newlines inside URLs, which can smuggle a different scheme.
    if any(char in candidate for char in "\t\r\n ") or "\\" in candidate:
        return None
    return candidate


_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


def language_tag(value: str | None) -> str | None:
    """The value when it looks like a BCP 47 language tag (fit for ``lang``), else None."""
    if not value:
        return None
    tag = value.strip().replace("_", "-")
    return tag if _LANGUAGE_TAG.fullmatch(tag) else None


# Names for the language codes the scraper reports most often; others are shown as codes.
_LANGUAGE_NAMES = {
    "ar": "Arabic", "cs": "Czech", "da": "Danish", "de": "German", "el": "Greek",
    "en": "English", "es": "Spanish", "fi": "Finnish", "fr": "French", "he": "Hebrew",
    "hi": "Hindi", "hu": "Hungarian", "it": "Italian", "ja": "Japanese", "ko": "Korean",
    "nl": "Dutch", "no": "Norwegian", "nb": "Norwegian", "pl": "Polish", "pt": "Portuguese",
    "ro": "Romanian", "ru": "Russian", "sv": "Swedish", "tr": "Turkish", "uk": "Ukrainian",
    "zh": "Chinese",
}  # fmt: skip


def language_name(code: str | None) -> str:
    """A language's English name for a code such as "de" or "pt-BR", else the code itself."""
    if not code:
        return ""
    return _LANGUAGE_NAMES.get(code.split("-")[0].lower(), code)


def parse_iso(value: str | None) -> datetime | date | None:
    """Parse an ISO 8601 date or date-time; None when absent or unreadable."""
    if not value:
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def display_date(value: str | None, *, with_time: bool = False) -> str:
    """A reader-friendly date such as "1 May 2024" (with "17:05 UTC+01:00" when asked)."""
    parsed = parse_iso(value)
    if parsed is None:
        return value or ""
    text = f"{parsed.day} {parsed:%B %Y}"
    if with_time and isinstance(parsed, datetime):
        text += f", {parsed:%H:%M}"
        if parsed.tzinfo is not None:
            text += f" {_zone_label(parsed)}"
    return text


def _zone_label(moment: datetime) -> str:
    offset = moment.utcoffset()
    if offset is None:
        return ""
    minutes = int(offset.total_seconds() // 60)
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def differs_in_time(first: str | None, second: str | None) -> bool:
    """True when ``second`` is given and names another moment than ``first``."""
    if not second:
        return False
    parsed_first, parsed_second = parse_iso(first), parse_iso(second)
    if parsed_first is None or parsed_second is None:
        return (first or "") != second
    if type(parsed_first) is not type(parsed_second):
        return _as_date(parsed_first) != _as_date(parsed_second)
    try:
        return parsed_first != parsed_second
    except TypeError:  # one aware and one naive: compare what the reader would see
        return display_date(first, with_time=True) != display_date(second, with_time=True)


def _as_date(value: datetime | date) -> date:
    return value.date() if isinstance(value, datetime) else value


def system_clock() -> datetime:
    """The real time, in UTC (the default clock)."""
    return datetime.now(UTC)


def current_time() -> datetime:
    """The app's notion of now, from its injected clock (tests pin it)."""
    clock = current_app.config.get(CLOCK_KEY) or system_clock
    return clock()


def relative_date(value: str | None, now: datetime | date) -> str:
    """How long ago a date was, as a reader says it: "today", "3 days ago", "2 years ago"."""
    parsed = parse_iso(value)
    if parsed is None:
        return ""
    then = _as_date(parsed)
    today = _as_date(now)
    days = (today - then).days
    if days < 0:
        return "upcoming"
    if days == 0:
        return "today"
    if days == 1:
        return "yesterday"
    for size, unit in ((365, "year"), (30, "month"), (7, "week"), (1, "day")):
        if days >= size:
            count = days // size
            return f"{count} {unit} ago" if count == 1 else f"{count} {unit}s ago"
    return ""


def time_ago(value: str | None) -> str:
    """``relative_date`` against the app's clock, for templates."""
    return relative_date(value, current_time())


def snippet_text(fragments: Iterable[SnippetFragment]) -> str:
    """The snippet as plain text."""
    return "".join(fragment.text for fragment in fragments)


def snippet_html(fragments: Iterable[SnippetFragment]) -> Markup:
    """The snippet as escaped HTML with matches wrapped in <mark>."""
    parts = [
        Markup("<mark>{}</mark>").format(fragment.text) if fragment.match else escape(fragment.text)
        for fragment in fragments
    ]
    return Markup("").join(parts)


def paragraphs(body: str) -> list[str]:
    """Split an article body into its paragraphs."""
    return [part.strip() for part in body.split("\n\n") if part.strip()]


def join_names(names: Iterable[str]) -> str:
    """Join names the way a byline reads: "A", "A and B", "A, B and C"."""
    items = [name for name in names if name]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def register_template_helpers(app: Flask) -> None:
    """Expose the helpers to Jinja as filters and tests."""
    app.add_template_filter(display_date, "display_date")
    app.add_template_filter(http_url, "http_url")
    app.add_template_filter(paragraphs, "paragraphs")
    app.add_template_filter(join_names, "join_names")
    app.add_template_global(differs_in_time, "differs_in_time")
    app.add_template_filter(time_ago, "time_ago")
    app.add_template_filter(language_tag, "language_tag")
    app.add_template_filter(language_name, "language_name")
