"""What is worked out once per index is shared by every thread's reader of the same segments."""

from __future__ import annotations

from pathlib import Path

import pytest
from feature_articles import feature_articles
from index_helpers import build_index, live_searcher

from indexer import key_terms, spelling, story_grouping


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_index(tmp_path_factory.mktemp("held"), feature_articles())


def test_two_readers_share_what_is_held(index_dir: Path) -> None:
    with live_searcher(index_dir) as first, live_searcher(index_dir) as second:
        one, two = first.reader(), second.reader()
        assert one is not two
        assert story_grouping.shared_stories(one) is story_grouping.shared_stories(two)
        assert spelling._common_words(one, "b") is spelling._common_words(two, "b")
        assert key_terms._frequencies(one, "body") is key_terms._frequencies(two, "body")


def test_held_values_are_what_each_reader_gives(index_dir: Path) -> None:
    with live_searcher(index_dir) as searcher:
        reader = searcher.reader()
        assert story_grouping.shared_stories(reader) == story_grouping._shared_stories(reader)
        assert story_grouping.shared_stories(reader)  # the wire story and its copy
        for letter in "bfkt":
            held = spelling._common_words(reader, letter)
            assert held == spelling._read_common_words(reader, letter)


def test_a_reader_without_segment_names_keeps_nothing() -> None:
    class Nameless:
        def leaf_readers(self):
            return [(object(), 0)]

    built = []
    assert story_grouping.held_with_segments(Nameless(), "k", lambda: built.append(1)) is None
    assert built == []


def test_each_threads_copy_of_an_analyzer_shares_the_word_memory(index_dir: Path) -> None:
    from indexer.analysis import language_analyzer
    from indexer.word_forms import word_forms

    with live_searcher(index_dir) as first, live_searcher(index_dir) as second:
        one, two = first.schema["body"].analyzer, second.schema["body"].analyzer
        assert one is not two
        forms = word_forms(one)
        assert forms.words("Ferry crews struck") == word_forms(two).words("Ferry crews struck")
        assert word_forms(two)._forms is forms._forms
    german, french = word_forms(language_analyzer("de")), word_forms(language_analyzer("fr"))
    assert german._forms is not french._forms
    assert german._forms is not forms._forms
