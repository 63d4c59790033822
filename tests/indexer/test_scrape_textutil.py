"""String helpers: `short_text` gives what collapsing the whole text gives, reading less."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup

from indexer.scrape.textutil import collapse, short_text

PAGE = (
    "<body><div id='story'><p>By <b>Ada  Marsh</b>\n\t and\u00a0Tom Reed</p>"
    "<p>" + "The harbour office published new tide tables. " * 40 + "</p></div>"
    "<span>\u200b\u200b  Updated\n\n  2 April  </span><em>   </em>"
    "<small>" + "word " * 29 + "wordy</small><i>" + " \n " * 400 + "short</i>"
    "<p>" + "\u200b" * 500 + "tail</p></body>"
)


@pytest.mark.parametrize("limit", [0, 5, 20, 150, 160, 10_000])
def test_short_text_is_the_collapsed_text_when_short_enough(limit: int) -> None:
    soup = BeautifulSoup(PAGE, "lxml")
    for tag in soup.find_all(True):
        line = collapse(tag.get_text(" "))
        assert short_text(tag, limit) == (line if len(line) <= limit else None), tag.name


class _Counted:
    """An element stand-in that counts how many of its strings were read."""

    def __init__(self, pieces: list[str]) -> None:
        self.pieces = pieces
        self.read = 0

    @property
    def strings(self) -> Iterator[str]:
        for piece in self.pieces:
            self.read += 1
            yield piece


def test_short_text_stops_reading_a_long_container() -> None:
    story = _Counted(["A sentence of the story."] * 10_000)
    assert short_text(story, 150) is None  # type: ignore[arg-type]
    assert story.read < 50
    byline = _Counted(["By", "Ada Marsh", " "])
    assert short_text(byline, 150) == "By Ada Marsh"  # type: ignore[arg-type]
    assert byline.read == 3
