"""Small string helpers shared by the scraper modules: whitespace, keys, duplicates, counts."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterable

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
# Runs of two or more, or one character other than a plain or no-break space.
_WHITESPACE = re.compile(r"\s{2,}|[^\S \u00a0]")
_TAG = re.compile(r"<[^<>]{0,400}>")
_WORD = re.compile(r"\w+(?:['’\-]\w+)*")
_KEY_DROP = re.compile(r"[^\w]+")


def collapse(text: str | None) -> str:
    """Collapse runs of whitespace to one space and drop invisible characters.

    A lone no-break space between words is kept: it is the writer's choice (it keeps
    "10\u00a0km" together) and the text is otherwise as published.
    """
    if not text:
        return ""
    return _WHITESPACE.sub(" ", text.translate(_INVISIBLE)).strip()


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
