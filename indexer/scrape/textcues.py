"""Text heuristics, the last layer: "By X" lines, "Published ..." lines, and dates in the URL."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from indexer.scrape import lines
from indexer.scrape.blocks import block_texts
from indexer.scrape.bylines import byline_names
from indexer.scrape.dates import date_from_url
from indexer.scrape.facts import Facts
from indexer.scrape.markup import article_region

_MAX_LINES = 300
# A date standing alone (or beside a byline) this near the top is the publication date.
_DATE_LINE_WINDOW = 60
_PIECES = re.compile(r"\s*[|•·]\s*")


def text_facts(soup: BeautifulSoup, url: str | None) -> Facts:
    """Bylines and date lines near the top of the article region; the URL's date last."""
    authors: list[str] = []
    published = updated = loose = None
    for index, line in enumerate(_lines(soup)):
        if not authors:
            authors = byline_names(line) or []
        dated = [d for d in map(lines.labelled_date, lines.split_date_labels(line)) if d]
        for field, iso in dated:
            if field == "updated":
                updated = updated or iso
            else:
                published = published or iso
        if not dated and loose is None and index < _DATE_LINE_WINDOW and len(line) <= 100:
            loose = next(filter(None, (lines.bare_date(p) for p in _PIECES.split(line))), None)
        if authors and published and updated:
            break
    return Facts(
        authors=tuple(authors),
        published=published or loose or date_from_url(url),
        updated=updated,
    )


def _lines(soup: BeautifulSoup) -> list[str]:
    return block_texts(article_region(soup), limit=_MAX_LINES)
