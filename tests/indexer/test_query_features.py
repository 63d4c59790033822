"""Query features below the search service: date operators, prefixes, name variants, fuzzy."""

from __future__ import annotations

from datetime import datetime

import pytest
from whoosh import query as wq

from indexer.analysis import facet_key
from indexer.name_variants import NAME_VARIANT_GROUPS, variant_table, variants_of
from indexer.query import (
    MAX_EXPANSIONS,
    Group,
    Leaf,
    Not,
    expand_variants,
    extract_date_operators,
    parse_query,
    parse_tree,
)
from indexer.schema import build_schema

NOW = datetime(2024, 3, 31, 12, 0)


def test_date_operators_leave_the_words_and_narrow_the_window() -> None:
    found = extract_date_operators("port strike after:2024-03-01 before:2024-03-20", NOW)
    assert found.text == "port strike"
    assert found.start == datetime(2024, 3, 2)  # after the whole day
    assert found.end == datetime(2024, 3, 20)  # before the day starts
    assert found.notices == ()


@pytest.mark.parametrize(
    ("operator", "start"),
    [
        ("when:24h", datetime(2024, 3, 30, 12)),
        ("when:7d", datetime(2024, 3, 24, 12)),
        ("when:2w", datetime(2024, 3, 17, 12)),
        ("when:1m", datetime(2024, 2, 29, 12)),  # March 31 less a month: the month's last day
        ("when:1y", datetime(2023, 3, 31, 12)),
        ("WHEN:3D", datetime(2024, 3, 28, 12)),
    ],
)
def test_relative_windows_count_back_from_the_clock(operator: str, start: datetime) -> None:
    found = extract_date_operators(f"flood {operator}", NOW)
    assert (found.text, found.start, found.end) == ("flood", start, None)


def test_months_and_years_mean_the_whole_period() -> None:
    found = extract_date_operators("before:2024 after:2022-02", NOW)
    assert found.start == datetime(2022, 3, 1)
    assert found.end == datetime(2024, 1, 1)


def test_several_operators_narrow_each_other() -> None:
    found = extract_date_operators("after:2024-01-01 after:2024-02-01 when:1y", NOW)
    assert found.start == datetime(2024, 2, 2)


def test_unreadable_operators_are_dropped_with_a_notice() -> None:
    found = extract_date_operators("strike before:yesterday when:soon after:2024-02-30", NOW)
    assert found.text == "strike"
    assert found.start is None and found.end is None
    assert len(found.notices) == 3
    assert "before:yesterday" in found.notices[0]


def test_operators_inside_quotes_are_words() -> None:
    found = extract_date_operators('"when:7d" strike', NOW)
    assert found.text == '"when:7d" strike'
    assert found.start is None


def test_intitle_and_language_are_field_prefixes() -> None:
    assert parse_tree("intitle:strike") == Leaf("strike", "headline")
    assert parse_tree("lang:de") == Leaf("de", "language")
    parsed = parse_query("intitle:strikes", build_schema())
    assert parsed.matching == wq.Term("headline", "strike")


def test_trailing_star_is_a_prefix() -> None:
    assert parse_tree("strik*") == Leaf("strik", prefix=True)
    assert parse_tree("headline:(elect* OR vote)") == Group(
        "or", (Leaf("elect", "headline", prefix=True), Leaf("vote", "headline"))
    )
    parsed = parse_query("headline:Münch*", build_schema())
    assert parsed.matching == wq.Prefix("headline", "munch")
    assert parsed.notice is None


@pytest.mark.parametrize("text", ["a*", "st*rike", "*strike", "co-vid*"])
def test_other_wildcards_fall_back_to_words(text: str) -> None:
    parsed = parse_query(text, build_schema())
    assert parsed.notice is not None and "*" in parsed.notice


class _Reader:
    """Just enough of an IndexReader for prefix expansion."""

    def __init__(self, words: list[str]) -> None:
        self.words = words

    def expand_prefix(self, field: str, prefix: str):  # type: ignore[no-untyped-def]
        return iter(word for word in self.words if word.startswith(prefix))

    def doc_frequency(self, field: str, word: str) -> int:
        return int(word.removeprefix("st"))


def test_prefix_expansion_is_bounded_and_keeps_the_commonest() -> None:
    reader = _Reader([f"st{number}" for number in range(MAX_EXPANSIONS + 30)])
    parsed = parse_query("headline:st*", build_schema(), reader=reader)  # type: ignore[arg-type]
    assert isinstance(parsed.matching, wq.Or)
    kept = {term.text for term in parsed.matching.subqueries}
    assert len(kept) == MAX_EXPANSIONS
    assert f"st{MAX_EXPANSIONS + 29}" in kept and "st0" not in kept
    assert parsed.notice is not None and f"{MAX_EXPANSIONS} most common" in parsed.notice


def test_prefix_with_no_words_matches_nothing() -> None:
    parsed = parse_query("headline:zz*", build_schema(), reader=_Reader([]))  # type: ignore[arg-type]
    assert parsed.matching is not None
    assert parsed.notice is None


def test_variant_table_is_consistent() -> None:
    table = variant_table()
    assert len(NAME_VARIANT_GROUPS) >= 30
    for group in NAME_VARIANT_GROUPS:
        assert len({facet_key(spelling) for spelling in group}) == len(group), group
        for spelling in group:
            assert table[facet_key(spelling)] == group
    with pytest.raises(ValueError, match="two groups"):
        variant_table((("Kyiv", "Kiev"), ("Kiev", "Kiew")))


def test_variants_of_ignores_case_and_accents() -> None:
    assert variants_of("KIEV") == ("Kyiv",)
    assert set(variants_of("qaddafi")) >= {"Gaddafi", "Kadhafi"}
    assert variants_of("strike") == ()


def test_expand_variants_ors_the_spellings_and_reports_them() -> None:
    tree, found = expand_variants(parse_tree("kiev -bombay strike"), variants_of)
    assert tree == Group(
        "seq",
        (
            Group("or", (Leaf("kiev"), Leaf("Kyiv", phrase=True))),
            Not(Group("or", (Leaf("bombay"), Leaf("Mumbai", phrase=True)))),
            Leaf("strike"),
        ),
    )
    assert [(item.term, item.variants) for item in found] == [
        ("kiev", ("Kyiv",)),
        ("bombay", ("Mumbai",)),
    ]


def test_parse_query_expands_variants_only_when_asked() -> None:
    schema = build_schema()
    plain = parse_query("headline:kiev", schema)
    assert plain.matching == wq.Term("headline", "kiev") and plain.variants == ()
    widened = parse_query("headline:kiev", schema, variants=variants_of)
    assert widened.matching == wq.Or([wq.Term("headline", "kiev"), wq.Term("headline", "kyiv")])
    assert widened.variants[0].variants == ("Kyiv",)
