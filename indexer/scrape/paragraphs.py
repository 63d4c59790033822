"""Cleaning the body's paragraphs: captions split off; kickers, meta lines and labels dropped."""

from __future__ import annotations

import re

from indexer.scrape import lexicon, lines
from indexer.scrape.textutil import dedupe, match_key

MAX_CAPTION_CHARS = 600
# Short lines above the headline inside the content (kicker, breadcrumb) are not body text.
MAX_KICKER_CHARS = 60
_KICKER_WINDOW = 3
# A trailing line this short without closing punctuation is a box label, not text.
_MAX_LABEL_WORDS = 6
_MAX_TRAILING_LABELS = 2
_MIN_WORDS_BEFORE_LABELS = 50
_MAX_REPEATED_LINE_CHARS = 200
# End-matter labels count only past this share of the text's words.
_END_MATTER_AFTER = 0.5
_MAX_LABEL_CHARS = 60
# A writer's sign-off ("Euer Hans", "xx, Anna", "Liebe Grüße, Tom") ends the text; it is
# short and unpunctuated like a box label, but it is the writer's.
_SIGN_OFF = re.compile(
    r"^(?:x{1,3}|xoxo|euer|eure|deine?|liebe grüße|viele grüße|herzliche grüße|beste grüße"
    r"|alles liebe|bis bald|cheers|love|saludos|un abrazo|bisous|bises)(?:[ ,!]|$)"
)
CLOSING_PUNCTUATION = (".", "!", "?", "…", '"', "”", "“", "»", "«", "'", "’", ")", "]", ";")


def _drop_kickers(paragraphs: list[str], headline_key: str | None) -> list[str]:
    """Drop the short lines printed above the headline (section label, breadcrumb)."""
    if not headline_key:
        return paragraphs
    for index, paragraph in enumerate(paragraphs[: _KICKER_WINDOW + 1]):
        if match_key(paragraph) == headline_key:
            above = paragraphs[:index]
            if all(len(p) <= MAX_KICKER_CHARS for p in above):
                return paragraphs[index:]
            break
    return paragraphs


def clean_paragraphs(
    paragraphs: list[str], captions: list[str], headline: str | None
) -> tuple[list[str], list[str]]:
    """The text's paragraphs and its captions, once the lines that are neither are gone."""
    captions = list(captions)
    kept: list[str] = []
    for paragraph in paragraphs:
        for piece in lines.split_glued(paragraph):
            if lines.is_caption(piece) and len(piece) <= MAX_CAPTION_CHARS:
                captions.append(piece)
            else:
                kept.append(piece)
    captions = dedupe(captions)
    caption_keys: set[str] = set()
    for caption in captions:
        caption_keys |= lines.caption_keys(caption)
    headline_key = match_key(headline) if headline else None
    kept = _drop_kickers(kept, headline_key)
    body: list[str] = []
    for paragraph in kept:
        key = match_key(paragraph)
        if not key or key in caption_keys or key == headline_key:
            continue
        if lines.is_meta_line(paragraph):
            continue
        # A short line printed twice in a row is furniture shown in two layouts; a
        # repeated paragraph of prose is what the page says.
        if body and body[-1] == paragraph and len(paragraph) <= _MAX_REPEATED_LINE_CHARS:
            continue
        body.append(paragraph)
    return _trim_tail(body), captions


def _trim_tail(paragraphs: list[str]) -> list[str]:
    """Drop the labels left at the end of the text ("More on this topic", "Contact:").

    A short line without closing punctuation is an intertitle when text follows it; at
    the very end nothing follows, so it heads a box of links or notes that was removed.
    """
    paragraphs = _cut_end_matter(paragraphs)
    end = len(paragraphs)
    while end > max(1, len(paragraphs) - _MAX_TRAILING_LABELS) and _is_label(paragraphs[end - 1]):
        end -= 1
    if sum(len(p.split()) for p in paragraphs[:end]) < _MIN_WORDS_BEFORE_LABELS:
        return paragraphs
    return paragraphs[:end]


def _cut_end_matter(paragraphs: list[str]) -> list[str]:
    """Cut at a "Contact:" or "Sources" label in the last part of the text."""
    counts = [len(p.split()) for p in paragraphs]
    total = sum(counts)
    seen = 0
    for index, paragraph in enumerate(paragraphs):
        if (
            index
            and seen >= _END_MATTER_AFTER * total
            and counts[index] <= _MAX_LABEL_WORDS
            and paragraph.casefold().rstrip(" :.").strip() in lexicon.END_MATTER_LABELS
        ):
            return paragraphs[:index]
        seen += counts[index]
    return paragraphs


def _is_label(paragraph: str) -> bool:
    text = paragraph.rstrip()
    if len(text) > _MAX_LABEL_CHARS or text.endswith(CLOSING_PUNCTUATION):
        return False
    if _SIGN_OFF.match(text.lower()):
        return False
    return len(text.split()) <= _MAX_LABEL_WORDS
