"""Search features: date operators, name variants, fuzzy retry, sorting by date, freshness,
the time limit, the timeline, key terms, the language facet and autocomplete."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from feature_articles import feature_articles
from index_helpers import cache_with, json_extractor

from indexer.build import reindex_cache
from indexer.errors import InvalidRequest
from indexer.search import FUZZY_NOTICE, PARTIAL_NOTICE, SearchService
from indexer.search_types import SearchRequest, SearchResult, SortOrder

NOW = datetime(2024, 3, 31, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("features")
    reindex_cache(cache_with(feature_articles()), path, full=True, extract=json_extractor)
    return path


@pytest.fixture()
def service(index_dir: Path) -> Iterator[SearchService]:
    with SearchService(index_dir, clock=lambda: NOW) as opened:
        yield opened


def _search(service: SearchService, query: str = "", **options) -> SearchResult:  # type: ignore[no-untyped-def]
    return service.search(SearchRequest(query=query, page_size=20, **options))


def _ids(result: SearchResult) -> set[str]:
    return {hit.id for hit in result.hits}


# -- operators -----------------------------------------------------------------------


def test_when_counts_back_from_the_injected_clock(service: SearchService) -> None:
    assert _ids(_search(service, "when:7d")) == {"f-kyiv", "f-german", "f-lighthouse-new"}
    assert _ids(_search(service, "lighthouse when:1y")) == {"f-lighthouse-new"}
    later = SearchService(service._index_dir, clock=lambda: datetime(2024, 4, 10, tzinfo=UTC))
    with later:
        assert _ids(later.search(SearchRequest(query="when:7d"))) == set()


def test_before_and_after_combine_with_words_and_filters(service: SearchService) -> None:
    assert _ids(_search(service, "lighthouse before:2020")) == {"f-lighthouse-old"}
    assert _ids(_search(service, "after:2024-03-29 -lighthouse")) == {"f-german"}
    crossed = _search(service, "after:2024-03-01", sources=("Northern Courier",))
    # f-wire-1 is filtered out, so its copy from this source stands for the story.
    assert _ids(crossed) == {"f-concert", "f-wire-2"}
    narrowed = _search(service, "before:2024-03-30", date_from=date(2024, 3, 29))
    assert _ids(narrowed) == {"f-kyiv"}


def test_contradictory_or_unreadable_operators_say_so(service: SearchService) -> None:
    empty = _search(service, "after:2024-03-10 before:2024-03-01")
    assert empty.total == 0 and empty.notice and "no time between" in empty.notice
    ignored = _search(service, "lighthouse when:ages")
    assert ignored.total == 2 and ignored.notice and "when:ages" in ignored.notice


def test_field_operators(service: SearchService) -> None:
    assert _ids(_search(service, "intitle:lighthouse")) == {"f-lighthouse-old", "f-lighthouse-new"}
    assert _ids(_search(service, "author:marsh")) == {"f-kyiv"}
    assert _ids(_search(service, 'source:"northern courier" AND kiev')) == {"f-kiev"}
    assert _ids(_search(service, "lang:de")) == {"f-german"}
    assert _ids(_search(service, '"keeper retires" OR orchestra')) == {
        "f-lighthouse-old",
        "f-lighthouse-new",
        "f-concert",
    }


def test_field_operators_narrow_the_words_beside_them(service: SearchService) -> None:
    # Like a filter: the source's articles about talks, not everything it published.
    assert _ids(_search(service, 'source:"northern courier" talks')) == {"f-kiev", "f-wire-2"}
    assert _ids(_search(service, "author:marsh talks")) == set()
    assert _ids(_search(service, "intitle:lighthouse keeper rock")) == {
        "f-lighthouse-old",
        "f-lighthouse-new",
    }
    # Several field operators all apply; words and exclusions still work around them.
    assert _ids(_search(service, "source:gazette section:local")) == {
        "f-lighthouse-old",
        "f-lighthouse-new",
    }
    assert _ids(_search(service, "source:gazette -lighthouse brannock")) == {"f-wire-1"}


def test_prefix_search(service: SearchService) -> None:
    assert _ids(_search(service, "orchestr*")) == {"f-concert"}
    assert _ids(_search(service, "headline:lighth*")) == {"f-lighthouse-old", "f-lighthouse-new"}


# -- name variants and spelling -------------------------------------------------------


def test_name_variants_widen_the_search_and_are_reported(service: SearchService) -> None:
    widened = _search(service, "kiev")
    assert _ids(widened) == {"f-kiev", "f-kyiv"}
    assert [(found.term, found.variants) for found in widened.variants] == [("kiev", ("Kyiv",))]
    exact = _search(service, "kiev", variants=False)
    assert _ids(exact) == {"f-kiev"} and exact.variants == ()


def test_no_hits_retries_similar_spellings(service: SearchService) -> None:
    result = _search(service, "lighthose")
    assert result.fuzzy is True
    assert _ids(result) == {"f-lighthouse-old", "f-lighthouse-new"}
    assert result.notice == FUZZY_NOTICE
    assert result.suggestion == "lighthouse"
    exact = _search(service, "lighthouse")
    assert exact.fuzzy is False and exact.notice is None


def test_similar_spellings_of_language_tagged_stems_ignore_the_tag(
    service: SearchService,
) -> None:
    from indexer.fuzzy import _similar_words

    reader = service._pool.current()[0].reader()
    assert "de:fahr" in _similar_words(reader, "body", "de:fahx")  # one edit
    # Two edits from "de:fahr": too many for a four-letter stem, though "de:" makes seven.
    assert _similar_words(reader, "body", "de:xahx") == []


def test_fuzzy_retry_gives_up_quietly(service: SearchService) -> None:
    result = _search(service, "qqqqzzzz")
    assert result.total == 0 and result.fuzzy is False


# -- ordering ---------------------------------------------------------------------------


def test_oldest_first_puts_undated_articles_last(service: SearchService) -> None:
    result = _search(service, "", sort=SortOrder.OLDEST)
    ids = [hit.id for hit in result.hits]
    assert ids[0] == "f-lighthouse-old" and ids[1] == "f-kiev"
    assert ids[-1] == "f-undated"
    dated = [hit.published for hit in result.hits if hit.published]
    assert dated == sorted(dated, key=lambda value: datetime.fromisoformat(value))


def test_freshness_lifts_the_newer_of_equal_matches(service: SearchService) -> None:
    plain = _search(service, "lighthouse keeper")
    fresh = _search(service, "lighthouse keeper", fresh=True)
    assert [hit.id for hit in fresh.hits] == ["f-lighthouse-new", "f-lighthouse-old"]
    assert plain.hits[0].score == plain.hits[1].score  # same text, so only freshness differs
    assert fresh.hits[0].score is not None and fresh.hits[0].score > plain.hits[0].score


# -- guard rails --------------------------------------------------------------------------


def test_time_limit_gives_partial_results_not_an_error(index_dir: Path) -> None:
    with SearchService(index_dir, clock=lambda: NOW, time_limit_s=0.0) as hurried:
        result = hurried.search(SearchRequest(query="brannock OR lighthouse"))
    assert result.partial is True
    assert result.notice == PARTIAL_NOTICE
    assert result.total < 5  # nothing, or whatever was collected before the deadline


def test_long_queries_are_cut_with_a_notice(service: SearchService) -> None:
    words = " ".join(["lighthouse"] + [f"word{number}" for number in range(60)])
    result = _search(service, words)
    assert result.total == 2
    assert result.notice and "first 32 words" in result.notice


def test_normal_searches_are_not_partial(service: SearchService) -> None:
    assert _search(service, "brannock OR lighthouse").partial is False


# -- facets, timeline, key terms -----------------------------------------------------------


def test_language_facet_and_filter(service: SearchService) -> None:
    everything = _search(service, "brannock")
    languages = {value.value: value.count for value in everything.facets["language"]}
    assert languages == {"en": 2, "de": 1}  # the two wire copies are one story
    german = _search(service, "brannock", languages=("DE",))
    assert _ids(german) == {"f-german"}
    assert {value.value: value.selected for value in german.facets["language"]}["de"] is True


def test_non_english_articles_are_highlighted_with_their_own_stems(
    service: SearchService,
) -> None:
    # German stems "Besatzung" and "Besatzungen" alike; English stemming would not.
    hit = _search(service, "besatzung").hits[0]
    assert hit.id == "f-german"
    assert [fragment.text for fragment in hit.snippet if fragment.match] == ["Besatzungen"]
    # German stop words are not highlighted, and English articles keep English stems.
    assert not any(fragment.match for fragment in _search(service, "der fähre").hits[0].snippet
                   if fragment.text.lower() == "der")  # fmt: skip
    english = next(hit for hit in _search(service, "crew").hits if hit.id == "f-wire-1")
    assert {fragment.text for fragment in english.snippet if fragment.match} <= {"crews", "Crews"}


def test_key_terms_of_german_hits_leave_out_german_stop_words(service: SearchService) -> None:
    terms = _search(service, "fähre", languages=("de",)).key_terms
    assert terms and not {"die", "nach", "eines", "der", "nicht"} & set(terms)
    assert "besatzungen" in terms or "streiks" in terms
    assert "fähre" not in terms  # the query's own word, read as German


def test_timeline_buckets_by_span(service: SearchService) -> None:
    march = _search(service, "", date_from=date(2024, 3, 1), date_to=date(2024, 3, 31))
    assert march.timeline_unit == "day"
    assert march.timeline[0].start == date(2024, 3, 15)
    assert march.timeline[-1].start == date(2024, 3, 30)
    assert len(march.timeline) == 16  # empty days included
    assert sum(bucket.count for bucket in march.timeline) == 5  # the wire copies count once
    everything = _search(service, "")
    assert everything.timeline_unit == "month"
    assert everything.timeline[0].label == "May 2019"
    assert sum(bucket.count for bucket in everything.timeline) == 7  # stories; undated left out


def test_key_terms_come_from_the_top_hits(service: SearchService) -> None:
    result = _search(service, "brannock")
    assert result.key_terms
    assert "brannock" not in result.key_terms
    assert {"ferry", "ferries", "crews", "crossing", "island"} & set(result.key_terms)
    assert _search(service, "").key_terms == ()


# -- autocomplete --------------------------------------------------------------------------


def test_suggest_names_and_words(service: SearchService) -> None:
    assert service.suggest("harb")[0] == "Harbour Gazette"
    assert "lighthouse" in service.suggest("ligh")
    assert service.suggest("keeper ret")[0] == "keeper retires"
    assert service.suggest("Ol") == ("Olena Marsh",)
    assert service.suggest("  ") == ()
    assert len(service.suggest("b", limit=2)) <= 2
    with pytest.raises(InvalidRequest):
        service.suggest("b", limit=0)
