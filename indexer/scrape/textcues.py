"""Text heuristics, the last layer: "By X" lines and date lines near the top of the article."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, Doctype, Script, Stylesheet, Tag

from indexer.scrape import lexicon, lines
from indexer.scrape.blocks import block_texts
from indexer.scrape.bylines import (
    byline_names,
    labelled_byline_names,
    names_after_date,
    piece_byline_names,
)
from indexer.scrape.dates import find_date, leading_date
from indexer.scrape.facts import Facts
from indexer.scrape.markup import article_region
from indexer.scrape.textutil import collapse
from indexer.scrape.tree import PageTree

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
# A time after a dateline's date: "| 13:10 Uhr |", "- 9:30 am".
_LEADING_CLOCK = re.compile(
    r"^(?:\s*[|\-–—·•,]\s*)*\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*(?:uhr|[ap]\.?m\.?|h))?", re.I
)
_DATELINE_SEPARATOR = re.compile(r"^\s*[|\-–—·•,/]\s*")
_MAX_HEADINGS = 5
# Lines looked at just above the <h1> for a dateline with the author's name.
_BEFORE_HEADING = 6
# A line of page furniture that opens with a date label: "Letzte Änderung: ... Erschienen
# am: ...", read for its labelled dates however long it runs.
_OPENING_LABEL = re.compile(
    r"(?:"
    + "|".join(sorted((re.escape(k) for k in lexicon.DATE_LABELS), key=len, reverse=True))
    + r")\s*:",
    re.I,
)
_LABEL = re.compile(
    r"(?<!\w)(?P<label>"
    + "|".join(sorted((re.escape(k) for k in lexicon.DATE_LABELS), key=len, reverse=True))
    + r")(?!\w)\s*:?",
    re.I,
)


def text_facts(soup: BeautifulSoup, url: str | None, tree: PageTree | None = None) -> Facts:
    """Bylines and date lines near the top of the article region (``url`` is for later cues).

    ``tree`` is the page's element index when the caller has built one already.
    """
    authors: list[str] = []
    published = updated = loose = None
    pending: str | None = None
    for index, line in enumerate(_lines(soup, tree)):
        if not authors:
            authors = (
                byline_names(line) or piece_byline_names(line) or labelled_byline_names(line) or []
            )
        dated = [d for d in map(lines.labelled_date, lines.split_date_labels(line)) if d]
        if not dated and (len(line) <= _MAX_DATE_LINE_CHARS or _OPENING_LABEL.match(line)):
            dated = labelled_dates(line)
        if not dated and pending and len(line) <= _MAX_DATE_LINE_CHARS:
            iso = find_date(line)
            dated = [(pending, iso)] if iso else []
        # A label alone on its line ("Mise en ligne", "Datum:") dates the line after it.
        pending = lexicon.DATE_LABELS.get(line.rstrip(" :").casefold())
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
        loose = date_near_headline(soup, tree)
    if not authors:
        authors = byline_near_headline(soup, tree)
    return Facts(authors=tuple(authors), published=published or loose, updated=updated)


def byline_near_headline(soup: BeautifulSoup, tree: PageTree | None = None) -> list[str]:
    """The names of a "By X" / "Von X" line printed just below the page's <h1>."""
    heading = tree.find("h1") if tree is not None else soup.find("h1")
    if not isinstance(heading, Tag):
        return []
    if tree is not None:
        after = tree.following(heading, _BYLINE_HOLDERS, limit=_NEAR_STRINGS)
        before = tree.preceding(heading, _BYLINE_HOLDERS, limit=_BEFORE_HEADING)
    else:
        after = heading.find_all_next(_BYLINE_HOLDERS, limit=_NEAR_STRINGS)
        before = heading.find_all_previous(_BYLINE_HOLDERS, limit=_BEFORE_HEADING)
    for tag in after:
        line = collapse(tag.get_text(" "))
        if line and len(line) <= _MAX_DATE_LINE_CHARS:
            names = byline_names(line) or dateline_names(line)
            if names:
                return names
    for tag in before:
        line = collapse(tag.get_text(" "))
        if line and len(line) <= _MAX_DATE_LINE_CHARS:
            names = dateline_names(line)
            if names:
                return names
    return []


def dateline_names(line: str) -> list[str] | None:
    """The author of a dateline that opens with the date: "11.12.2019 - Jane Doe",
    "04.02.2022 | 13:10 Uhr | Jane Doe"."""
    found = leading_date(line)
    if not found or not _DATELINE_SEPARATOR.match(found[1]):
        return None
    rest = _LEADING_CLOCK.sub("", found[1], count=1)
    rest = _DATELINE_SEPARATOR.sub("", rest, count=1)
    names = byline_names(rest) or names_after_date(rest)
    if not names or any(" " not in name for name in names):
        return None  # a single word after a date is a place or a section, not a name
    return names


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


def date_near_headline(soup: BeautifulSoup, tree: PageTree | None = None) -> str | None:
    """A date printed just below (or just above) the page's <h1>: the usual dateline.

    Pages with several <h1> elements (a screen-reader "Navigation" heading, a logo) are
    read at the longest one first: the headline.
    """
    for heading in _headline_headings(soup, tree):
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


def _headline_headings(soup: BeautifulSoup, tree: PageTree | None = None) -> list[Tag]:
    """The page's first few <h1> elements, longest text first."""
    found = (
        tree.find_all("h1", limit=_MAX_HEADINGS)
        if tree is not None
        else soup.find_all("h1", limit=_MAX_HEADINGS)
    )
    headings = [h for h in found if isinstance(h, Tag)]
    if len(headings) < 2:
        return headings
    return sorted(headings, key=lambda h: -len(h.get_text(" ", strip=True)))


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


def _lines(soup: BeautifulSoup, tree: PageTree | None = None) -> list[str]:
    return block_texts(article_region(soup, tree), limit=_MAX_LINES)
