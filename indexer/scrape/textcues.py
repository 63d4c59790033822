"""Text heuristics, the last layer: "By X" lines and date lines near the top of the article."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, Doctype, Script, Stylesheet, Tag

from indexer.scrape import lexicon, lines
from indexer.scrape.blocks import block_texts
from indexer.scrape.bylines import byline_names
from indexer.scrape.dates import find_date
from indexer.scrape.facts import Facts
from indexer.scrape.markup import article_region
from indexer.scrape.textutil import collapse

_MAX_LINES = 300
# A date standing alone (or in a short line beside a byline) this near the top is the
# publication date; further down, dates belong to the story, not to its publication.
_DATE_LINE_WINDOW = 40
_MAX_DATE_LINE_CHARS = 150
# Text pieces read after the <h1> when looking for its dateline.
_NEAR_STRINGS = 30
_BYLINE_HOLDERS = ["p", "div", "span", "address", "small", "em", "li", "h4", "h5", "h6"]
# Dates in copyright lines and comment stamps say nothing about the article.
_NOT_PUBLICATION = re.compile(r"©|\bcopyright\b|\(c\)\s*\d{4}|\bcomments?\b|\bkommentar", re.I)
_LABEL = re.compile(
    r"(?<!\w)(?P<label>"
    + "|".join(sorted((re.escape(k) for k in lexicon.DATE_LABELS), key=len, reverse=True))
    + r")(?!\w)\s*:?",
    re.I,
)


def text_facts(soup: BeautifulSoup, url: str | None) -> Facts:
    """Bylines and date lines near the top of the article region (``url`` is for later cues)."""
    authors: list[str] = []
    published = updated = loose = None
    for index, line in enumerate(_lines(soup)):
        if not authors:
            authors = byline_names(line) or []
        dated = [d for d in map(lines.labelled_date, lines.split_date_labels(line)) if d]
        if not dated and len(line) <= _MAX_DATE_LINE_CHARS:
            dated = labelled_dates(line)
        for field, iso in dated:
            if field == "updated":
                updated = updated or iso
            else:
                published = published or iso
        if not dated and loose is None and index < _DATE_LINE_WINDOW:
            loose = _loose_date(line)
        if authors and published and updated:
            break
    if not (published or loose):
        loose = date_near_headline(soup)
    if not authors:
        authors = byline_near_headline(soup)
    return Facts(authors=tuple(authors), published=published or loose, updated=updated)


def byline_near_headline(soup: BeautifulSoup) -> list[str]:
    """The names of a "By X" / "Von X" line printed just below the page's <h1>."""
    heading = soup.find("h1")
    if not isinstance(heading, Tag):
        return []
    for tag in heading.find_all_next(_BYLINE_HOLDERS, limit=_NEAR_STRINGS):
        line = collapse(tag.get_text(" "))
        if line and len(line) <= _MAX_DATE_LINE_CHARS:
            names = byline_names(line)
            if names:
                return names
    return []


def _near_headline(soup: BeautifulSoup, *, after: int, before: int) -> list[str]:
    heading = soup.find("h1")
    if not isinstance(heading, Tag):
        return []
    found: list[str] = []
    strings = heading.find_all_next(string=True, limit=after)
    if before:
        strings += heading.find_all_previous(string=True, limit=before)
    for text in strings:
        if isinstance(text, Comment | Script | Stylesheet | Doctype):
            continue
        line = collapse(str(text))
        if line and len(line) <= _MAX_DATE_LINE_CHARS:
            found.append(line)
    return found


def date_near_headline(soup: BeautifulSoup) -> str | None:
    """A date printed just below (or just above) the page's <h1>: the usual dateline."""
    heading = soup.find("h1")
    if not isinstance(heading, Tag):
        return None
    after = heading.find_all_next(string=True, limit=_NEAR_STRINGS)
    before = heading.find_all_previous(string=True, limit=_NEAR_STRINGS // 3)
    for strings in (after, before):
        for text in strings:
            if isinstance(text, Comment | Script | Stylesheet | Doctype):
                continue
            line = collapse(str(text))
            if line and len(line) <= _MAX_DATE_LINE_CHARS:
                iso = _loose_date(line)
                if iso:
                    return iso
    return None


def labelled_dates(line: str) -> list[tuple[str, str]]:
    """("published"|"updated", ISO) for each "Label: date" inside a line, in order."""
    found: list[tuple[str, str]] = []
    matches = list(_LABEL.finditer(line))
    for match, following in zip(matches, [*matches[1:], None], strict=False):
        end = following.start() if following else len(line)
        iso = find_date(line[match.end() : end])
        if iso:
            found.append((lexicon.DATE_LABELS[match["label"].lower()], iso))
    return found


def _loose_date(line: str) -> str | None:
    """A date in a short line (dateline, byline with date), or opening a longer one."""
    if _NOT_PUBLICATION.search(line):
        return None
    if len(line) <= _MAX_DATE_LINE_CHARS:
        return find_date(line)
    return find_date(line[:40])


def _lines(soup: BeautifulSoup) -> list[str]:
    return block_texts(article_region(soup), limit=_MAX_LINES)
