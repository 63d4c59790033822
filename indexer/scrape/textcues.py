"""Text heuristics, the last layer: "By X" lines and date lines near the top of the article."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Comment, Doctype, Script, Stylesheet, Tag

from indexer.scrape import lexicon, lines
from indexer.scrape.blocks import block_texts
from indexer.scrape.bylines import (
    agency_name,
    byline_names,
    labelled_byline_names,
    names_after_date,
    piece_byline_names,
)
from indexer.scrape.dates import date_span, day_order, find_date, leading_date
from indexer.scrape.facts import Facts
from indexer.scrape.markup import article_region
from indexer.scrape.textutil import collapse, match_key, short_text
from indexer.scrape.tree import PageTree

_MAX_LINES = 300
# A date standing alone (or in a short line beside a byline) this near the top is the
# publication date; further down, dates belong to the story, not to its publication.
_DATE_LINE_WINDOW = 40
_MAX_DATE_LINE_CHARS = 150
# A dateline opening a paragraph begins within this many characters of its start.
_DATELINE_HEAD = 40
# Text pieces read after the <h1> when looking for its dateline.
_NEAR_STRINGS = 30
_BYLINE_HOLDERS = ["p", "div", "span", "address", "small", "em", "li", "h4", "h5", "h6"]
# Elements that hold a lone agency credit under the headline (a link would be a tag list).
_CREDIT_HOLDERS = frozenset({"p", "address", "small"})
# Dates in copyright lines and comment stamps say nothing about the article.
_NOT_PUBLICATION = re.compile(r"©|\bcopyright\b|\(c\)\s*\d{4}|\bcomments?\b|\bkommentar", re.I)
# A post's count of comments after its date ("8. Dezember 2010 um 09:43 · 6 Kommentare",
# "May 3, 2021 | No comments") is no comment's own stamp.
_COMMENT_COUNT = re.compile(
    r"(?:\b\d+|\bno|\bkeine?|\baucun|\bsin|\bnessun)\s+(?:comments?|kommentare?|commentaires?|"
    r"comentarios?|commenti|commento)\b",
    re.I,
)
_YEARISH = re.compile(r"(?:19|20)\d\d")
# A line opening with an author label ("Author: nick am ...", "Posted by nick on ..."),
# whatever the name looks like (user names are not names a byline reader takes).
_AUTHOR_LABEL = re.compile(
    r"^(?:author|autor|auteur|autore|posted by|written by|geschrieben von|verfasst von)"
    r"\s*:?\s+\S",
    re.I,
)
# Lines of the whole page read for a publication label standing alone on its line.
_MAX_PAGE_LINES = 3000
# Elements whose text is one line: a date split across their pieces is read whole.
_DATE_LINE_HOLDERS = frozenset({"p", "span", "small", "time", "li", "address", "em"})
# Paragraphs at the top of the article's text looked at for a dateline opening it.
_OPENING_PARAGRAPHS = 3
# A time after a dateline's date: "| 13:10 Uhr |", "- 9:30 am".
_LEADING_CLOCK = re.compile(
    r"^(?:\s*[|\-–—·•,]\s*)*\d{1,2}[:.h]\d{2}(?::\d{2})?(?:\s*(?:uhr|[ap]\.?m\.?|h))?", re.I
)
_DATELINE_SEPARATOR = re.compile(r"^\s*[|\-–—·•,/]\s*")
_MAX_HEADINGS = 5
# Headings compared with the <title>, and the fewest words one must share with it.
_MAX_TITLED_HEADINGS = 20
_MIN_TITLED_WORDS = 2
# Lines looked at just above the <h1> for a dateline with the author's name.
_BEFORE_HEADING = 6
# "Hamburg (dpa/lno) – Trotz ...": a place, the agency credit in brackets, a dash.
_DATELINE_CREDIT = re.compile(
    r"^[^\W\d_][\w .'’\-/]{1,40}?\s*\((?P<credit>[^\W\d_][\w/ .]{1,25})\)\s*[-–—:]\s+\S"
)
_DATELINE_CREDIT_LINES = 40
# A line of page furniture that opens with a date label: "Letzte Änderung: ... Erschienen
# am: ...", read for its labelled dates however long it runs.
_OPENING_LABEL = re.compile(
    r"(?:"
    + "|".join(sorted((re.escape(k) for k in lexicon.DATE_LABELS), key=len, reverse=True))
    + r")\s*:",
    re.I,
)
# Metas naming the page's locale, which settles the order of day and month.
_LOCALE_METAS = frozenset({"og:locale", "content-language", "language", "dc.language"})
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
    published = updated = loose = signed = None
    pending: str | None = None
    order = page_day_order(soup, url, tree)
    region_lines = _lines(soup, tree)
    for index, line in enumerate(region_lines):
        if not authors:
            authors = (
                byline_names(line) or piece_byline_names(line) or labelled_byline_names(line) or []
            )
        dated = [d for d in map(lines.labelled_date, lines.split_date_labels(line)) if d]
        if not dated and (len(line) <= _MAX_DATE_LINE_CHARS or _OPENING_LABEL.match(line)):
            dated = labelled_dates(line, dayfirst=order)
        if not dated and pending and len(line) <= _MAX_DATE_LINE_CHARS:
            iso = find_date(line, dayfirst=order)
            dated = [(pending, iso)] if iso else []
        # A label alone on its line ("Mise en ligne", "Datum:") dates the line after it.
        pending = lexicon.DATE_LABELS.get(line.rstrip(" :").casefold())
        for field, iso in dated:
            if field == "updated":
                updated = updated or iso
            else:
                published = published or iso
        if not dated and loose is None and index < _DATE_LINE_WINDOW:
            loose = _loose_date(line, dayfirst=order)
        elif signed is None and not dated and len(line) <= _MAX_DATE_LINE_CHARS:
            signed = _signed_date(line, dayfirst=order)
        if authors and published and updated:
            break
    if not (published or loose):
        loose = date_near_headline(soup, tree, dayfirst=order)
    if not (published or loose):
        published = signed or labelled_line_date(soup, dayfirst=order)
    if not authors:
        authors = byline_near_headline(soup, tree) or dateline_credit(region_lines)
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
        line = short_text(tag, _MAX_DATE_LINE_CHARS)
        if line:
            agency = agency_name(line) if tag.name in _CREDIT_HOLDERS else None
            names = byline_names(line) or dateline_names(line) or ([agency] if agency else None)
            if names:
                return names  # a paragraph that is only "JIJI" credits the agency
    for tag in before:
        line = short_text(tag, _MAX_DATE_LINE_CHARS)
        if line:
            names = dateline_names(line)
            if names:
                return names
    return []


def dateline_credit(region_lines: list[str]) -> list[str]:
    """The agency credit of a news dateline opening the story: "Hamburg (dpa/lno) - ..."
    gives ["dpa/lno"]; only a credit that names an agency counts."""
    for line in region_lines[:_DATELINE_CREDIT_LINES]:
        match = _DATELINE_CREDIT.match(line)
        if match and agency_name(match["credit"].split("/")[0].strip()) is not None:
            return [match["credit"]]
    return []


def dateline_names(line: str) -> list[str] | None:
    """The author of a dateline that opens with the date: "11.12.2019 - Jane Doe",
    "04.02.2022 | 13:10 Uhr | Jane Doe"."""
    found = leading_date(line)
    if not found:
        return None
    if not _DATELINE_SEPARATOR.match(found[1]):
        # "06.11.2023 13:30 von Olga": the opener sets the name off (not a post's stamp
        # with its comment count, "1. Januar 2016 von Jane Doe 1 Kommentar").
        return None if _NOT_PUBLICATION.search(line) else byline_names(found[1])
    rest = _LEADING_CLOCK.sub("", found[1], count=1)
    rest = _DATELINE_SEPARATOR.sub("", rest, count=1)
    opened = byline_names(rest)  # "06.11.2023 13:30 von Olga": the opener says it is a name
    if opened:
        return opened
    names = names_after_date(rest)
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


def date_near_headline(
    soup: BeautifulSoup, tree: PageTree | None = None, *, dayfirst: bool | None = None
) -> str | None:
    """A date printed just below (or just above) the page's <h1>: the usual dateline.

    Pages with several <h1> elements (a screen-reader "Navigation" heading, a logo) are
    read at the longest one first: the headline. ``dayfirst`` is the page's order of day
    and month (`page_day_order`).
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
                    iso = _loose_date(line, dayfirst=dayfirst) or _parent_line_date(
                        text, heading, dayfirst=dayfirst
                    )
                    if iso:
                        return iso
    return None


def _parent_line_date(text: object, heading: Tag, *, dayfirst: bool | None) -> str | None:
    """The date of a short line whose pieces the markup splits ("8.<a>Dezember 2010</a>
    um 09:43"): read in the line holding the piece, not in the piece alone."""
    parent = getattr(text, "parent", None)
    if not isinstance(parent, Tag) or parent.name not in _DATE_LINE_HOLDERS:
        return None
    if parent is heading or any(up is heading for up in parent.parents):
        return None
    line = short_text(parent, _MAX_DATE_LINE_CHARS)
    return _loose_date(line, dayfirst=dayfirst) if line else None


def page_day_order(
    soup: BeautifulSoup, url: str | None, tree: PageTree | None = None
) -> bool | None:
    """Whether the page writes numeric dates day first (see `dates.day_order`), from its
    <html lang>, og:locale and content-language, and its address."""
    tags: list[str] = []
    html = tree.find("html") if tree is not None else soup.find("html")
    if isinstance(html, Tag):
        tags += [str(html[a]) for a in ("lang", "xml:lang") if html.has_attr(a)]
    for meta in tree.find_all("meta") if tree is not None else soup.find_all("meta"):
        key = str(meta.get("property") or meta.get("name") or meta.get("http-equiv") or "")
        if key.strip().lower() in _LOCALE_METAS and meta.get("content"):
            tags.append(str(meta["content"]))
    return day_order(tags, url)


def _headline_headings(soup: BeautifulSoup, tree: PageTree | None = None) -> list[Tag]:
    """The headings that may be the headline: those the page's <title> repeats (at any
    level), then the first few <h1> elements, longest text first."""
    found = (
        tree.find_all("h1", limit=_MAX_HEADINGS)
        if tree is not None
        else soup.find_all("h1", limit=_MAX_HEADINGS)
    )
    headings = [h for h in found if isinstance(h, Tag)]
    if len(headings) > 1:
        headings.sort(key=lambda h: -len(h.get_text(" ", strip=True)))
    titled = _titled_headings(soup, tree)
    seen = {id(h) for h in titled}
    return titled + [h for h in headings if id(h) not in seen]


def _titled_headings(soup: BeautifulSoup, tree: PageTree | None = None) -> list[Tag]:
    """Headings whose whole text the page's <title> holds ("Headline | Site"), in page
    order: the headline, even where the page marks it up as an <h2> or an <h6>."""
    title = tree.find("title") if tree is not None else soup.find("title")
    if not isinstance(title, Tag):
        return []
    title_key = f" {match_key(title.get_text(' '))} "
    levels = ("h1", "h2", "h3", "h4", "h5", "h6")
    found = (
        tree.find_all(levels, limit=_MAX_TITLED_HEADINGS)
        if tree is not None
        else soup.find_all(levels, limit=_MAX_TITLED_HEADINGS)
    )
    titled: list[Tag] = []
    for heading in found:
        key = match_key(heading.get_text(" "))
        if len(key.split()) >= _MIN_TITLED_WORDS and f" {key} " in title_key:
            titled.append(heading)
    return titled[:_MAX_HEADINGS]


def labelled_dates(line: str, *, dayfirst: bool | None = None) -> list[tuple[str, str]]:
    """("published"|"updated", ISO) for each "Label: date" inside a line, in order."""
    found: list[tuple[str, str]] = []
    matches = list(_LABEL.finditer(line))
    if matches and lexicon.DATE_LABELS[matches[0]["label"].lower()] == "updated":
        # "Dec. 6, 2024, 10:00 PM / Updated Dec. 7, 2024": the unlabelled date before the
        # update is the publication date.
        iso = find_date(line[: matches[0].start()], dayfirst=dayfirst)
        if iso:
            found.append(("published", iso))
    for match, following in zip(matches, [*matches[1:], None], strict=False):
        end = following.start() if following else len(line)
        iso = find_date(line[match.end() : end], dayfirst=dayfirst)
        if iso:
            found.append((lexicon.DATE_LABELS[match["label"].lower()], iso))
    return found


def _loose_date(line: str, *, dayfirst: bool | None = None) -> str | None:
    """A date in a short line (dateline, byline with date), or opening a longer one as a
    dateline does ("27.1.2022 - Bei ...", "Karlsruhe, (12.11.2021). ..."): set off from
    the sentence after it, not part of it ("Am 27. Januar 1945 wurde ...")."""
    if _NOT_PUBLICATION.search(_COMMENT_COUNT.sub("", line)):
        return None
    if len(line) <= _MAX_DATE_LINE_CHARS:
        return find_date(line, dayfirst=dayfirst)
    found = date_span(line[: _DATELINE_HEAD + _MAX_DATE_LINE_CHARS], dayfirst=dayfirst)
    if found is None or found[1] > _DATELINE_HEAD:
        return None
    if any(word[:1].islower() for word in line[: found[1]].split()):
        return None  # "Mercurial 5.2 was released on November 5, 2019."
    after = line[found[2] :].lstrip()
    return found[0] if found[1] == 0 or not after[:1].isalnum() else None


def _signed_date(line: str, *, dayfirst: bool | None = None) -> str | None:
    """The date of a byline that carries it, wherever in the article it is printed
    ("Author: Jane Doe am 29.12.2010, 13:36 Uhr" under the story)."""
    if not _YEARISH.search(line):
        return None
    if not (_AUTHOR_LABEL.match(line) or labelled_byline_names(line) or byline_names(line)):
        return None
    return _loose_date(line, dayfirst=dayfirst)


def labelled_line_date(soup: BeautifulSoup, *, dayfirst: bool | None = None) -> str | None:
    """The date under a publication label standing alone on its line anywhere on the page
    ("Mise en ligne" / "23 mai 2019" in a credits box beside the story): the label says
    what the date is, wherever the page's furniture puts it."""
    root = soup.body if isinstance(soup.body, Tag) else soup
    previous = ""
    for line in block_texts(root, limit=_MAX_PAGE_LINES):
        labelled = lexicon.DATE_LABELS.get(previous.rstrip(" :").casefold()) == "published"
        if labelled and len(line) <= _MAX_DATE_LINE_CHARS and not _NOT_PUBLICATION.search(line):
            iso = find_date(line, dayfirst=dayfirst)
            if iso:
                return iso
        previous = line
    return None


def opening_dateline(paragraphs: list[str], *, dayfirst: bool | None = None) -> str | None:
    """The date of a dateline opening the article's text ("2021-10-16 | Notice",
    "(21. November 2022) Energy customers ..."): a short first paragraph that is a
    date line, or a paragraph that opens with a date set off from its sentence."""
    for paragraph in paragraphs[:_OPENING_PARAGRAPHS]:
        iso = _loose_date(collapse(paragraph), dayfirst=dayfirst)
        if iso:
            return iso
    return None


def _lines(soup: BeautifulSoup, tree: PageTree | None = None) -> list[str]:
    return block_texts(article_region(soup, tree), limit=_MAX_LINES)
