"""Publication and modification dates that only a page's scripts state.

Many pages hand their article to a script as a data object ("window.__STATE__ = {...
"publishedDate": "2016-11-04T20:37:27Z" ...}", a JSON block for a component, an analytics
call) and print nothing a reader could date. Those scripts are removed before the page
is parsed (`textutil.strip_inert_markup`), so they are read here, from the raw markup,
for the key-value pairs whose names say what they hold. JSON-LD is read elsewhere.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from indexer.scrape.dates import normalise_date

_SCRIPT_OPEN = re.compile(r"<script\b([^>]*)>", re.I)
_SCRIPT_CLOSE = re.compile(r"</script(?=[\s/>])", re.I)
_STRUCTURED_DATA = re.compile(r"ld\+json", re.I)
# Keys whose names say "the date this item was first published": datePublished,
# publishDate, publishedDate, pubDate, published_at, publicationDate, publication_time,
# firstPublishedAt, date_published... Generic names (date, createdAt, time) say too little.
_PUBLISHED_KEY = (
    r"(?:date_?published|(?:first_?)?publish(?:ed)?_?(?:date|at|time|on)"
    r"|pub_?date|publication_?(?:date|time)|first_?published(?:_?at)?)"
)
_MODIFIED_KEY = (
    r"(?:date_?modified|(?:last_?)?modified_?(?:date|at|time|on)|last_?modified"
    r"|(?:last_?)?updated_?(?:date|at|time|on)|last_?updated(?:_?date)?)"
)
# "key": "value", 'key': 'value', key: "value", \"key\":\"value\" (JSON inside a string).
_PAIR = re.compile(
    r"(?<![\w$])\\?[\"']?(?P<key>"
    + _PUBLISHED_KEY
    + "|"
    + _MODIFIED_KEY
    + r")\\?[\"']?\s*[:=]\s*\\?[\"'](?P<value>[^\"'\\<>]{8,40})\\?[\"']",
    re.I,
)
_PUBLISHED = re.compile(_PUBLISHED_KEY + "$", re.I)
# Scripts past this many characters of markup are not read (the article's own data
# object sits near the top; a page's tail is widgets and trackers).
_MAX_SCANNED_CHARS = 2_000_000
_MAX_SCRIPT_CHARS = 500_000


@dataclass(frozen=True, slots=True)
class ScriptDates:
    """The first publication and modification dates the page's scripts state, as written."""

    published: str | None = None
    updated: str | None = None


def script_dates(markup: str) -> ScriptDates:
    """The first date under a publication key and the first under a modification key in
    the page's scripts (JSON-LD aside), each kept as written; values that do not read as
    a date are passed over."""
    published = updated = None
    position = 0
    limit = min(len(markup), _MAX_SCANNED_CHARS)
    while position < limit and not (published and updated):
        opening = _SCRIPT_OPEN.search(markup, position, limit)
        if opening is None:
            break
        closing = _SCRIPT_CLOSE.search(markup, opening.end())
        end = closing.start() if closing else len(markup)
        position = closing.end() if closing else len(markup)
        if _STRUCTURED_DATA.search(opening.group(1)):
            continue
        for pair in _PAIR.finditer(
            markup, opening.end(), min(end, opening.end() + _MAX_SCRIPT_CHARS)
        ):
            value = pair["value"].strip()
            if not normalise_date(value):
                continue
            if _PUBLISHED.match(pair["key"]):
                published = published or value
            else:
                updated = updated or value
            if published and updated:
                break
    return ScriptDates(published=published, updated=updated)
