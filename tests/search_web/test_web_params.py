"""Parsing search arguments and building links that keep the reader's choices."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from werkzeug.datastructures import MultiDict

from indexer.search_types import SearchRequest, SortOrder
from search_web.params import (
    MAX_PAGE,
    ParameterError,
    SearchLinks,
    paginate,
    param_for_facet,
    parse_search_request,
)


def _parse(**args: str | list[str]) -> SearchRequest:
    pairs = [
        (name, item)
        for name, value in args.items()
        for item in (value if isinstance(value, list) else [value])
    ]
    return parse_search_request(MultiDict(pairs))


def test_empty_arguments_mean_browse_mode_defaults() -> None:
    assert parse_search_request(MultiDict()) == SearchRequest()


def test_every_parameter_is_parsed() -> None:
    request = _parse(
        q="  port   strike ",
        source=["Northern Courier", "Valley Gazette", "Northern Courier", ""],
        author="Ada Penrose",
        section=["Business", "Weather"],
        **{"from": "2024-01-31", "to": "2024-02-29"},
        sort="NEWEST",
        page="3",
        per_page="25",
    )
    assert request.query == "port strike"
    assert request.sources == ("Northern Courier", "Valley Gazette")
    assert request.authors == ("Ada Penrose",)
    assert request.sections == ("Business", "Weather")
    assert request.date_from == date(2024, 1, 31) and request.date_to == date(2024, 2, 29)
    assert request.sort is SortOrder.NEWEST
    assert request.page == 3 and request.page_size == 25


def test_query_feature_switches_are_parsed() -> None:
    request = _parse(lang=["de", "fr"], variants="0", fresh="yes", copies="off", sort="oldest")
    assert request.languages == ("de", "fr")
    assert request.variants is False and request.fresh is True and request.group_copies is False
    assert request.sort is SortOrder.OLDEST
    defaults = _parse(q="strike")
    assert defaults.variants is True and defaults.fresh is False and defaults.group_copies is True


def test_control_characters_are_removed_from_the_query() -> None:
    assert _parse(q="port\x00strike\x1b").query == "port strike"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ({"from": "01/05/2024"}, "from must be a date like 2024-05-01"),
        ({"to": "2024-02-30"}, "to must be a real date like 2024-05-01"),
        ({"from": "20240501"}, "from must be a date like 2024-05-01"),
        ({"sort": "random"}, "sort must be relevance, newest or oldest"),
        ({"fresh": "maybe"}, "fresh must be 1 or 0"),
        ({"variants": "2"}, "variants must be 1 or 0"),
        ({"page": "-1"}, "page must be a whole number from 1 to 100"),
        ({"page": "1.5"}, "page must be a whole number from 1 to 100"),
        ({"page": str(MAX_PAGE + 1)}, "page must be a whole number from 1 to 100"),
        ({"per_page": "0"}, "per_page must be a whole number from 1 to 50"),
        ({"q": "x" * 2001}, "q must be at most 2000 characters"),
        ({"source": "s" * 201}, "source must be at most 200 characters"),
        ({"section": [f"s{n}" for n in range(21)]}, "at most 20 section filters"),
    ],
)
def test_bad_values_raise_a_clear_message(args: dict[str, str], message: str) -> None:
    with pytest.raises(ParameterError, match=message):
        _parse(**args)


def test_query_at_the_limit_is_accepted() -> None:
    assert len(_parse(q="x" * 2000).query) == 2000


def _params(url: str) -> list[tuple[str, str]]:
    query = urlsplit(url).query
    return [(name, value) for name, values in parse_qs(query).items() for value in values]


def test_links_keep_other_parameters_and_reset_the_page() -> None:
    links = SearchLinks(
        "/search",
        MultiDict(
            [("q", "strike"), ("source", "A"), ("page", "4"), ("sort", "newest"), ("junk", "x")]
        ),
    )
    added = links.with_value("source", "B")
    assert sorted(_params(added)) == [
        ("q", "strike"), ("sort", "newest"), ("source", "A"), ("source", "B")
    ]  # fmt: skip
    assert links.with_value("source", "A").count("source=A") == 1
    assert _params(links.without_value("source", "A")) == [("q", "strike"), ("sort", "newest")]
    assert ("sort", "relevance") in _params(links.with_param("sort", "relevance"))
    assert ("sort", "newest") not in _params(links.with_param("sort", "relevance"))
    assert ("page", "2") in _params(links.page(2))
    assert "page" not in links.page(1)
    assert "junk" not in links.page(2)


def test_links_escape_values() -> None:
    links = SearchLinks("/search", MultiDict([("q", 'a&b "c" <d>')]))
    url = links.page(2)
    assert "&b" not in url.split("?", 1)[1].split("&page")[0]
    assert ("q", 'a&b "c" <d>') in _params(url)


def test_links_without_parameters_are_the_bare_path() -> None:
    assert SearchLinks("/search", MultiDict([("page", "3")])).page(1) == "/search"


def test_remove_every_value_of_a_parameter() -> None:
    links = SearchLinks("/search", MultiDict([("q", "x"), ("from", "2024-01-01")]))
    assert links.without_value("from") == "/search?q=x"


def test_hidden_field_pairs_exclude_what_the_form_sets() -> None:
    links = SearchLinks("/search", MultiDict([("q", "x"), ("from", "2024-01-01"), ("page", "2")]))
    assert links.pairs(exclude=["from", "to", "page"]) == [("q", "x")]


@pytest.mark.parametrize(
    ("current", "count", "numbers", "previous", "following"),
    [
        (1, 1, (1,), None, None),
        (1, 10, (1, 2, 3), None, 2),
        (5, 10, (3, 4, 5, 6, 7), 4, 6),
        (10, 10, (8, 9, 10), 9, None),
        (12, 3, (1, 2, 3), 3, None),
        (100, 5000, (98, 99, 100), 99, None),
    ],
)
def test_pagination_window(
    current: int,
    count: int,
    numbers: tuple[int, ...],
    previous: int | None,
    following: int | None,
) -> None:
    pagination = paginate(current, count)
    assert pagination.numbers == numbers
    assert pagination.previous == previous
    assert pagination.next == following


def test_facet_names_map_to_parameters() -> None:
    assert param_for_facet("source") == "source"
    assert param_for_facet("authors") == "author"
    assert param_for_facet("language") == "lang"
    assert param_for_facet("tags") is None
