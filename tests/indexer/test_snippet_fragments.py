"""Passages found by stepping over words far from matches are Whoosh's passages."""

from __future__ import annotations

import random

import pytest
from whoosh import highlight
from whoosh.analysis import StemmingAnalyzer

from indexer.snippets import context_fragments, make_highlighter
from indexer.word_forms import highlight_tokens, word_forms

WORDS = [
    "strike",
    "port",
    "dock",
    "workers",
    "ships",
    "anchor",
    "talks",
    "council",
    "budget",
    "harbour",
    "pilots",
    "quay",
    "ferry",
    "captain",
    "lorries",
    "road",
    "a",
    "an",
    "the",
    "of",
    "to",
    "in",
    "on",
    "at",
    "supercalifragilisticexpialidocious",
]


def _whoosh_fragments(fragmenter, text, split, terms):
    tokens = highlight.Highlighter._merge_matched_tokens(highlight_tokens(split, terms))
    return list(fragmenter.fragment_tokens(text, tokens))


def _shape(fragments):
    return [
        (
            fragment.startchar,
            fragment.endchar,
            [
                (t.startchar, t.endchar, t.text, t.pos, t.boost, t.stopped, t.matched)
                for t in fragment.matches
            ],
        )
        for fragment in fragments
    ]


def _text(rng: random.Random, length: int, long_word: str) -> str:
    pieces = []
    for _ in range(length):
        word = rng.choice(WORDS)
        if rng.random() < 0.02:
            word = long_word
        pieces.append(word + rng.choice((" ", " ", " ", ", ", ". ", "\n\n")))
    return "".join(pieces)


@pytest.mark.parametrize("seed", range(40))
def test_same_passages_as_whoosh(seed: int) -> None:
    rng = random.Random(seed)
    analyzer = StemmingAnalyzer()
    forms = word_forms(analyzer)
    long_word = "x" * rng.choice((5, 70, 250))
    text = _text(rng, rng.choice((0, 3, 40, 400, 1500)), long_word)
    split = forms.words(text)
    assert split is not None
    terms = frozenset(rng.sample(["strike", "port", "ferri", "council", "xxxxx", "the"], 2))
    for fragmenter in (
        highlight.ContextFragmenter(maxchars=200, surround=60),
        highlight.ContextFragmenter(maxchars=80, surround=20),
        highlight.ContextFragmenter(maxchars=200, surround=60, charlimit=rng.randint(1, 3000)),
    ):
        ours = context_fragments(fragmenter, text, split, terms)
        assert ours is not None
        assert _shape(ours) == _shape(_whoosh_fragments(fragmenter, text, split, terms))


def test_touching_matches_are_left_to_whoosh() -> None:
    split = [(0, 4, "port", False), (4, 8, "dock", False)]
    fragmenter = highlight.ContextFragmenter()
    assert context_fragments(fragmenter, "portdock", split, frozenset({"port", "dock"})) is None


def test_whole_snippet_unchanged() -> None:
    highlighter = make_highlighter()
    analyzer = StemmingAnalyzer()
    rng = random.Random(7)
    text = _text(rng, 900, "y" * 90)
    split = word_forms(analyzer).words(text)
    terms = frozenset({"strike", "council"})
    ours = highlighter.formatter.format(
        highlight.top_fragments(
            context_fragments(highlighter.fragmenter, text, split, terms),
            2,
            highlighter.scorer,
            highlighter.order,
            minscore=1,
        )
    )
    theirs = highlighter.formatter.format(
        highlight.top_fragments(
            _whoosh_fragments(highlighter.fragmenter, text, split, terms),
            2,
            highlighter.scorer,
            highlighter.order,
            minscore=1,
        )
    )
    assert ours == theirs and any(piece.match for piece in ours)
