"""Small string helpers shared by the scraper modules: whitespace, keys, duplicates, counts."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bs4 import Tag

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_HAS_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
# Runs of two or more, or one character other than a plain or no-break space.
_WHITESPACE = re.compile(r"\s{2,}|[^\S \u00a0]")
_TAG = re.compile(r"<[^<>]{0,400}>")
_WORD = re.compile(r"\w+(?:['’\-]\w+)*")
_KEY_DROP = re.compile(r"[^\w]+")
# Elements whose content is never text, and comments; JSON-LD scripts carry metadata.
_INERT_OPEN = re.compile(r"<!--|<(script|style|svg|template)\b([^>]*)>", re.I)
_STRUCTURED_DATA = re.compile(r"ld\+json", re.I)


def collapse(text: str | None) -> str:
    """Collapse runs of whitespace to one space and drop invisible characters.

    A lone no-break space between words is kept: it is the writer's choice (it keeps
    "10\u00a0km" together) and the text is otherwise as published.
    """
    if not text:
        return ""
    if text.isprintable() and "  " not in text:
        # No whitespace but single plain spaces, no invisible characters (those are not
        # printable): nothing to collapse.
        return text.strip(" ")
    if not text.isascii() and _HAS_INVISIBLE.search(text):
        text = text.translate(_INVISIBLE)
    return _WHITESPACE.sub(" ", text).strip()


def short_text(tag: Tag, limit: int) -> str | None:
    """``collapse(tag.get_text(" "))`` when that is at most ``limit`` characters, else None.

    The element's strings are read only as far as needed to tell, so a container holding
    the whole story is given up on after its first few hundred characters. (The collapsed
    text of the first strings is never longer than that of all of them.)
    """
    pieces: list[str] = []
    size = 0
    check_at = 2 * limit
    for piece in tag.strings:
        pieces.append(piece)
        size += len(piece) + 1
        if size > check_at:
            if len(collapse(" ".join(pieces))) > limit:
                return None
            check_at = 2 * size
    line = collapse(" ".join(pieces))
    return line if len(line) <= limit else None


def clean_value(value: str | None) -> str | None:
    """A metadata value as plain text: entities decoded, stray tags dropped, collapsed."""
    if value is None:
        return None
    text = value
    if "&" in text:
        text = html.unescape(text)
    if "<" in text:
        text = _TAG.sub(" ", text)
    text = collapse(text)
    return text or None


def strip_inert_markup(markup: str) -> str:
    """Markup without comments, styles, inline SVG and scripts other than JSON-LD.

    They hold no article text, yet are most of a modern page's tags and bytes, so the
    parse is cheaper without them. An element ends at its first closing tag, as in a
    browser; one left open runs to the end of the page and is kept as it is. One pass,
    linear in the length of the markup.
    """
    pieces: list[str] = []
    position = 0
    while True:
        match = _INERT_OPEN.search(markup, position)
        if match is None:
            break
        name = match.group(1)
        if name is not None and _STRUCTURED_DATA.search(match.group(2)):
            pieces.append(markup[position : match.end()])
            position = match.end()
            continue
        if name is None:
            close = markup.find("-->", match.end())
            end = close + 3 if close >= 0 else -1
        elif match.group(2).rstrip().endswith("/"):
            end = match.end()  # <svg ... /> closes itself
        else:
            close = _find_closer(markup, name, match.end())
            end = markup.find(">", close) + 1 if close >= 0 else -1
        if end <= 0:
            break
        pieces.append(markup[position : match.start()])
        pieces.append(" ")
        position = end
    pieces.append(markup[position:])
    return "".join(pieces)


def _find_closer(markup: str, name: str, start: int) -> int:
    """Index of the closing tag of ``name`` at or after ``start`` (any letter case), or -1."""
    pattern = _CLOSERS.get(name.lower())
    if pattern is None:
        pattern = _CLOSERS[name.lower()] = re.compile(rf"</{re.escape(name)}(?=[\s/>])", re.I)
    found = pattern.search(markup, start)
    return found.start() if found else -1


_CLOSERS: dict[str, re.Pattern[str]] = {}


def match_key(text: str) -> str:
    """A comparison key: NFKC, case-folded, punctuation and spacing ignored."""
    return _KEY_DROP.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def dedupe(items: Iterable[str], key: Callable[[str], str] = match_key) -> list[str]:
    """Items in first-seen order without repeats (compared by ``key``), empties dropped."""
    seen: set[str] = set()
    kept: list[str] = []
    for item in items:
        k = key(item)
        if not k or k in seen:
            continue
        seen.add(k)
        kept.append(item)
    return kept


def undouble(text: str) -> str:
    """``X`` when ``text`` is ``X`` printed twice in a row (``X+X``, maybe with a space)."""
    n = len(text)
    if n < 2:
        return text
    half = n // 2
    if n % 2 == 0 and text[:half] == text[half:]:
        return text[:half].strip()
    if n % 2 == 1 and text[half].isspace() and text[:half] == text[half + 1 :]:
        return text[:half].strip()
    return text


def word_count(text: str) -> int:
    """Number of words (runs of letters/digits, inner apostrophes and hyphens allowed)."""
    return sum(1 for _ in _WORD.finditer(text))


def is_all_caps(text: str) -> bool:
    """True when every cased letter in ``text`` is upper case and there are at least two."""
    letters = [c for c in text if c.isalpha() and (c.isupper() or c.islower())]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def first_text(*values: str | None) -> str | None:
    """The first value that is a non-empty string after cleaning."""
    for value in values:
        cleaned = clean_value(value)
        if cleaned:
            return cleaned
    return None
