"""The text-layout parser: an article copied out of a browser as plain text, back into fields.

The layout it reads: a headline line, an optional standfirst, byline and
"Published:"/"Updated:" lines, photo captions ending in a bracketed credit (often
printed twice, or glued to the next paragraph), then body paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum

from indexer.scrape import lines
from indexer.scrape.bylines import agency_name, byline_names
from indexer.scrape.dates import same_moment
from indexer.scrape.textutil import collapse, dedupe, match_key, undouble

_BLANK = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"[.!?…:\"”’»)]$")
_MAX_HEADLINE_CHARS = 300
_MAX_CAPTION_CHARS = 600
# A paragraph split over several lines by hard wrapping has lines of about one width.
_WRAP_MIN_WIDTH = 50
_WRAP_MAX_WIDTH = 100
# The header (standfirst, byline, dates) ends with the second prose paragraph.
_HEADER_TEXTS = 2


class _Kind(Enum):
    TEXT = "text"
    BYLINE = "byline"
    DATE = "date"
    CAPTION = "caption"
    CREDIT = "credit"
    SKIP = "skip"


@dataclass(slots=True)
class _Segment:
    text: str
    block: int
    kind: _Kind = _Kind.TEXT
    names: list[str] = field(default_factory=list)
    date: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class TextLayout:
    """The fields the plain-text layout yields."""

    headline: str | None
    description: str | None
    authors: list[str]
    published: str | None
    updated: str | None
    captions: list[str]
    paragraphs: list[str]


def parse_text_layout(text: str) -> TextLayout:
    """Read headline, standfirst, byline, dates, captions and paragraphs from a text dump."""
    segments = _segments(text)
    headline = None
    if segments and len(segments[0].text) <= _MAX_HEADLINE_CHARS:
        headline = segments.pop(0).text
    _classify(segments)
    captions = dedupe(s.text for s in segments if s.kind is _Kind.CAPTION)
    _drop_caption_repeats(segments, captions, headline)
    description = _standfirst(segments)
    published, updated = _dates(segments)
    return TextLayout(
        headline=headline,
        description=description,
        authors=_authors(segments),
        published=published,
        updated=updated,
        captions=captions,
        paragraphs=_paragraphs(segments),
    )


def _segments(text: str) -> list[_Segment]:
    normalised = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    segments: list[_Segment] = []
    for block_index, block in enumerate(_BLANK.split(normalised)):
        for raw_line in block.split("\n"):
            for glued in lines.split_glued(raw_line):
                for piece in lines.split_date_labels(glued):
                    segments.append(_Segment(undouble(piece), block_index))
    return [s for s in segments if s.text]


def _classify(segments: list[_Segment]) -> None:
    texts_seen = 0
    caption_keys: set[str] = set()
    for index, segment in enumerate(segments):
        in_header = texts_seen < _HEADER_TEXTS
        text = segment.text
        names = byline_names(text) if in_header else None
        date = lines.labelled_date(text)
        if lines.is_caption(text) and len(text) <= _MAX_CAPTION_CHARS:
            segment.kind = _Kind.CAPTION
            caption_keys |= lines.caption_keys(text)
        elif match_key(text) in caption_keys:
            segment.kind = _Kind.SKIP  # a caption printed again without its credit
        elif lines.is_credit(text):
            segment.kind = _Kind.CREDIT
            previous = segments[index - 1] if index else None
            if _can_take_credit(previous, segment):
                assert previous is not None
                previous.text = f"{previous.text} {text}"
                previous.kind = _Kind.CAPTION
                caption_keys |= lines.caption_keys(previous.text)
                texts_seen -= 1
        elif names:
            segment.kind, segment.names = _Kind.BYLINE, names
        elif date:
            segment.kind, segment.date = _Kind.DATE, date
        elif in_header and (bare := lines.bare_date(text)):
            segment.kind, segment.date = _Kind.DATE, ("published", bare)
        elif lines.is_boilerplate(text):
            segment.kind = _Kind.SKIP
        else:
            texts_seen += 1


def _can_take_credit(previous: _Segment | None, credit: _Segment) -> bool:
    """A credit line directly under a short prose line turns that line into a caption."""
    return (
        previous is not None
        and previous.kind is _Kind.TEXT
        and previous.block == credit.block
        and len(previous.text) <= _MAX_CAPTION_CHARS
    )


def _drop_caption_repeats(
    segments: list[_Segment], captions: list[str], headline: str | None
) -> None:
    """Drop prose lines that repeat a caption (without its credit) or the headline."""
    keys: set[str] = set()
    for caption in captions:
        keys |= lines.caption_keys(caption)
    headline_key = match_key(headline) if headline else None
    for segment in segments:
        if segment.kind is not _Kind.TEXT:
            continue
        key = match_key(segment.text)
        if key in keys or key == headline_key:
            segment.kind = _Kind.SKIP


def _standfirst(segments: list[_Segment]) -> str | None:
    """The first prose line, when byline or date lines follow it before more prose."""
    for index, segment in enumerate(segments):
        if segment.kind is _Kind.TEXT:
            for later in segments[index + 1 :]:
                if later.kind in (_Kind.BYLINE, _Kind.DATE):
                    segment.kind = _Kind.SKIP
                    return segment.text
                if later.kind is _Kind.TEXT:
                    return None
            return None
        if segment.kind in (_Kind.BYLINE, _Kind.DATE):
            return None
    return None


def _authors(segments: list[_Segment]) -> list[str]:
    names = dedupe(name for s in segments if s.kind is _Kind.BYLINE for name in s.names)
    persons = [name for name in names if not agency_name(name)]
    return persons or names


def _dates(segments: list[_Segment]) -> tuple[str | None, str | None]:
    published = updated = None
    for segment in segments:
        if segment.kind is not _Kind.DATE or segment.date is None:
            continue
        field_name, iso = segment.date
        if field_name == "updated":
            updated = updated or iso
        else:
            published = published or iso
    if same_moment(published, updated):
        updated = None
    return published, updated


def _paragraphs(segments: list[_Segment]) -> list[str]:
    """Prose segments as paragraphs; a hard-wrapped block is joined into one."""
    runs: list[list[str]] = []
    last_block = None
    for segment in segments:
        if segment.kind is not _Kind.TEXT:
            last_block = None
            continue
        if segment.block == last_block:
            runs[-1].append(segment.text)
        else:
            runs.append([segment.text])
        last_block = segment.block
    paragraphs: list[str] = []
    for run in runs:
        if _is_hard_wrapped(run):
            paragraphs.append(collapse(" ".join(run)))
        else:
            paragraphs.extend(run)
    return paragraphs


def _is_hard_wrapped(run: list[str]) -> bool:
    if len(run) < 2:
        return False
    heads = run[:-1]
    if any(len(line) > _WRAP_MAX_WIDTH for line in run):
        return False
    if max(len(line) for line in heads) < _WRAP_MIN_WIDTH:
        return False
    open_ends = sum(1 for line in heads if not _SENTENCE_END.search(line))
    return open_ends * 2 >= len(heads)
