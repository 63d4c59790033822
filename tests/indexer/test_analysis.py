"""Prose analysis: stop words, stemming per language, accent folding, the words field."""

from __future__ import annotations

from indexer.analysis import (
    PROSE_STOP_WORDS,
    language_analyzer,
    query_forms,
    stemming_language,
    text_analyzer,
    words_analyzer,
)
from indexer.schema import build_schema


def _tokens(analyzer, text: str) -> list[str]:
    return [token.text for token in analyzer(text)]


def test_function_words_are_dropped_from_prose() -> None:
    tokens = _tokens(text_analyzer(), "Which of their policies has the council changed?")
    assert tokens == ["polici", "council", "chang"]


def test_us_is_a_word_not_a_stop_word() -> None:
    assert "us" not in PROSE_STOP_WORDS
    assert _tokens(text_analyzer(), "US troops") == ["us", "troop"]


def test_stemming_joins_inflections_and_folds_case_and_accents() -> None:
    analyzer = text_analyzer()
    assert _tokens(analyzer, "ELECTIONS") == _tokens(analyzer, "election")
    assert _tokens(analyzer, "München") == _tokens(analyzer, "munchen")


def test_words_field_keeps_exact_forms() -> None:
    analyzer = words_analyzer()
    assert _tokens(analyzer, "The ELECTIONS in München") == ["elections", "munchen"]
    assert _tokens(analyzer, "elections") != _tokens(analyzer, "election")


def test_abbreviations_survive_in_all_caps_text() -> None:
    # Old wire copy is often all capitals with spaced stops ("U.S ."); both spellings
    # must reach the same term as modern text.
    analyzer = text_analyzer()
    assert _tokens(analyzer, "THE U.S . NAVY") == _tokens(analyzer, "the U.S. navy")


def test_language_codes_map_to_stemmed_languages() -> None:
    assert stemming_language("de-AT") == "de"
    assert stemming_language("nb") == "no"
    assert stemming_language("EN") is None  # English is the default analysis
    assert stemming_language("xx") is None and stemming_language(None) is None


def test_other_languages_are_stemmed_by_their_own_rules_and_tagged() -> None:
    german = language_analyzer("de")
    assert _tokens(german, "Die Häuser") == ["de:haus"]
    assert _tokens(german, "hauser") == ["de:haus"]
    assert _tokens(language_analyzer("fr"), "Élections") == ["fr:elect"]


def test_queries_are_read_in_the_languages_the_index_holds() -> None:
    field = build_schema()["body"]
    assert query_forms(field, "Häuser") == [["hauser"]]
    field.indexed_languages.add("de")
    assert query_forms(field, "Häuser") == [["hauser"], ["de:haus"]]
    assert query_forms(field, "the") == []  # stop words stay unsearchable
