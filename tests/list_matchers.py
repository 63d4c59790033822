"""A term matcher over fixed postings, for tests of matchers that combine terms."""

from __future__ import annotations


class ListMatcher:
    """Steps through fixed (docnum, score) postings; knows its best score."""

    def __init__(self, postings: list[tuple[int, float]]) -> None:
        self.postings = postings
        self.at = 0

    def is_active(self) -> bool:
        return self.at < len(self.postings)

    def id(self) -> int:
        return self.postings[self.at][0]

    def score(self) -> float:
        return self.postings[self.at][1]

    def next(self) -> bool:
        self.at += 1
        return False

    def skip_to(self, target: int) -> bool:
        while self.is_active() and self.id() < target:
            self.at += 1
        return False

    def supports_block_quality(self) -> bool:
        return True

    def max_quality(self) -> float:
        return max(score for _doc, score in self.postings)
