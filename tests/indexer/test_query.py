"""Query syntax: the parse tree, its Whoosh form, and the fallback for unreadable input."""

from __future__ import annotations

import pytest
from whoosh import query as wq

from indexer.query import (
    MAX_TERMS,
    Group,
    Leaf,
    Not,
    QuerySyntaxError,
    parse_query,
    parse_tree,
    plain_words,
)
from indexer.schema import build_schema

SCHEMA = build_schema()


def test_juxtaposed_words_form_an_implicit_group() -> None:
    assert parse_tree("port strike") == Group("seq", (Leaf("port"), Leaf("strike")))


def test_phrases_fields_and_exclusions() -> None:
    tree = parse_tree('"port strike" author:reed -rail')
    assert tree == Group(
        "seq",
        (Leaf("port strike", phrase=True), Leaf("reed", "authors"), Not(Leaf("rail"))),
    )


def test_and_binds_tighter_than_or() -> None:
    tree = parse_tree("rail AND strike OR flood")
    assert tree == Group("or", (Group("and", (Leaf("rail"), Leaf("strike"))), Leaf("flood")))


def test_field_prefix_applies_to_a_group() -> None:
    tree = parse_tree("headline:(strike OR flood)")
    assert tree == Group("or", (Leaf("strike", "headline"), Leaf("flood", "headline")))


def test_hyphenated_words_are_not_exclusions() -> None:
    assert parse_tree("covid-19") == Leaf("covid-19")


def test_unknown_field_names_are_plain_words() -> None:
    assert parse_tree("colour:blue") == Group("seq", (Leaf("colour"), Leaf("blue")))


@pytest.mark.parametrize(
    "text",
    ['"unbalanced', "(a OR", "AND", "*", "headline:", "rail)", "()", "strike NOT", "-", "OR rail"],
)
def test_unreadable_syntax_raises_internally(text: str) -> None:
    with pytest.raises(QuerySyntaxError):
        parse_tree(text)


@pytest.mark.parametrize(
    "text",
    [
        '"unbalanced quote',
        "(strike OR",
        "AND",
        "*",
        "headline:",
        "rail\x00strike",
        " ".join(["strike"] * 2000),
    ],
)
def test_parse_query_never_raises_and_explains(text: str) -> None:
    parsed = parse_query(text, SCHEMA)
    assert parsed.notice
    assert len(parsed.text.split()) <= MAX_TERMS


def test_fallback_keeps_the_words() -> None:
    parsed = parse_query('"port strike', SCHEMA)
    assert parsed.text == "port strike"
    assert parsed.matching is not None
    assert {term for _field, term in parsed.matching.all_terms()} >= {"port", "strike"}


def test_exclusion_is_and_not_never_or_not() -> None:
    parsed = parse_query("strike -rail", SCHEMA)
    assert isinstance(parsed.matching, wq.AndNot)
    parsed = parse_query("strike NOT rail", SCHEMA)
    assert isinstance(parsed.matching, wq.AndNot)


def test_only_exclusions_means_everything_else() -> None:
    parsed = parse_query("-rail", SCHEMA)
    assert isinstance(parsed.matching, wq.AndNot)
    assert isinstance(parsed.matching.a, wq.Every)


def test_stop_words_alone_search_nothing() -> None:
    parsed = parse_query("the of", SCHEMA)
    assert parsed.matching is None
    assert parsed.notice is None


def test_no_strict_tier_ranking_is_by_score() -> None:
    assert not hasattr(parse_query("port strike", SCHEMA), "all_terms")
    assert not hasattr(parse_query("port OR strike", SCHEMA), "all_terms")


def test_plain_words_drops_operators_and_repeats() -> None:
    assert plain_words("rail AND rail (strike) OR *") == ["rail", "strike"]
