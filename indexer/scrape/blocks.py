"""Reading markup as paragraphs: block elements split text, inline elements join it."""

from __future__ import annotations

from bs4 import CData, NavigableString, Tag

from indexer.scrape import rules
from indexer.scrape.textutil import collapse

_BREAK = "\u2028"  # stands for <br> until paragraphs are cut; never in collapsed output
_CLOSE = object()  # marks where a block element ends in the walk


def block_texts(root: Tag, *, limit: int | None = None) -> list[str]:
    """The text of ``root`` as paragraphs, one per block element, whitespace collapsed.

    Two or more <br> in a row also end a paragraph; a single <br> is a space. The walk
    is iterative, so deeply nested pages cannot exhaust the recursion limit.
    """
    paragraphs: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        if not buffer:
            return
        joined = "".join(buffer)
        buffer.clear()
        for chunk in _split_breaks(joined):
            text = collapse(chunk)
            if text:
                paragraphs.append(text)

    block_tags = rules.BLOCK_TAGS
    stack: list[object] = [root]
    while stack:
        if limit is not None and len(paragraphs) >= limit:
            break
        node = stack.pop()
        if node is _CLOSE:
            flush()
            continue
        if isinstance(node, Tag):
            name = node.name
            if name == "br":
                buffer.append(_BREAK)
                continue
            if name in block_tags:
                flush()
                stack.append(_CLOSE)
            children = node.contents
            if children:
                stack.extend(reversed(children))
        elif type(node) is NavigableString or isinstance(node, CData):
            text = str(node)
            buffer.append(text.replace(_BREAK, " ") if _BREAK in text else text)
    flush()
    return paragraphs


def _split_breaks(text: str) -> list[str]:
    if _BREAK not in text:
        return [text]
    chunks: list[str] = []
    current: list[str] = []
    parts = text.split(_BREAK)
    index = 0
    while index < len(parts):
        current.append(parts[index])
        run = 0
        while index + 1 + run < len(parts) and not parts[index + 1 + run].strip():
            run += 1
        if index + 1 < len(parts) and run >= 1:
            chunks.append(" ".join(current))
            current = []
            index += run + 1
            continue
        index += 1
    chunks.append(" ".join(current))
    return chunks
