"""The results timeline, date presets and relative dates on the results page."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from flask import Flask
from flask.testing import FlaskClient
from werkzeug.datastructures import MultiDict

from indexer.search_types import SearchRequest, SearchResult, TimelineBucket
from search_web.formatting import language_name, language_tag, relative_date
from search_web.params import SearchLinks, date_presets
from search_web.timeline_svg import bucket_end, timeline_svg
from tests.search_web.web_fakes import FakeSearchService

PINNED = datetime(2024, 5, 10, 9, 0, tzinfo=UTC)


def _link(first: date, last: date) -> str:
    return f"/search?q=a&from={first}&to={last}"


def test_bucket_end_covers_the_whole_unit() -> None:
    start = date(2024, 2, 1)
    bucket = TimelineBucket(start, "Feb 2024", 3)
    assert bucket_end(bucket, "day") == start
    assert bucket_end(bucket, "week") == date(2024, 2, 7)
    assert bucket_end(bucket, "month") == date(2024, 2, 29)
    assert bucket_end(bucket, "year") == date(2024, 12, 31)


def test_timeline_links_each_bar_to_its_date_range() -> None:
    buckets = (
        TimelineBucket(date(2024, 1, 1), "Jan 2024", 4),
        TimelineBucket(date(2024, 2, 1), "Feb 2024", 0),
        TimelineBucket(date(2024, 3, 1), "Mar 2024", 1),
    )
    svg = str(timeline_svg(buckets, "month", _link))
    hrefs = re.findall(r'<a href="([^"]+)"', svg)
    assert hrefs == [
        "/search?q=a&amp;from=2024-01-01&amp;to=2024-01-31",
        "/search?q=a&amp;from=2024-03-01&amp;to=2024-03-31",
    ]
    assert 'aria-label="Jan 2024: 4 stories"' in svg
    assert 'aria-label="Mar 2024: 1 story"' in svg
    heights = [float(h) for h in re.findall(r'class="bar"[^>]*height="([\d.]+)"', svg)]
    assert heights[0] > heights[2] > heights[1] == 0
    assert "5 stories from Jan 2024 to Mar 2024, counted per month." in svg


def test_timeline_escapes_labels_and_is_empty_without_buckets() -> None:
    hostile = (TimelineBucket(date(2024, 1, 1), '<script>"x"</script>', 1),)
    svg = str(timeline_svg(hostile, "day", lambda first, last: '/s?q="><script>'))
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert 'href="/s?q=&#34;&gt;&lt;script&gt;"' in svg
    assert str(timeline_svg((), None, _link)) == ""


def test_date_presets_end_today_and_toggle_off() -> None:
    today = date(2024, 5, 10)
    links = SearchLinks("/search", MultiDict([("q", "rain"), ("page", "3")]))
    presets = date_presets(today, links, SearchRequest(query="rain"))
    assert [preset.label for preset in presets] == [
        "Past day",
        "Past week",
        "Past month",
        "Past year",
    ]
    assert presets[1].url == "/search?q=rain&from=2024-05-03&to=2024-05-10"
    assert not any(preset.selected for preset in presets)
    chosen = SearchRequest(query="rain", date_from=date(2024, 5, 3), date_to=today)
    week = date_presets(today, links, chosen)[1]
    assert week.selected and week.url == "/search?q=rain"


def test_relative_dates_read_like_speech() -> None:
    now = PINNED
    assert relative_date("2024-05-10T01:00:00Z", now) == "today"
    assert relative_date("2024-05-09", now) == "yesterday"
    assert relative_date("2024-05-07", now) == "3 days ago"
    assert relative_date("2024-04-26", now) == "2 weeks ago"
    assert relative_date("2024-03-01", now) == "2 months ago"
    assert relative_date("2022-05-01", now) == "2 years ago"
    assert relative_date("2024-06-01", now) == "upcoming"
    assert relative_date("garbage", now) == ""


def test_language_tag_only_passes_real_tags() -> None:
    assert language_tag("en") == "en"
    assert language_tag("pt_BR") == "pt-BR"
    assert language_tag("English language") is None
    assert language_tag('en" onload="x') is None
    assert language_tag(None) is None


@pytest.fixture
def pinned(app: Flask) -> Flask:
    app.config["BROADSHEET_CLOCK"] = lambda: PINNED
    return app


def test_results_page_uses_the_injected_clock(pinned: Flask, client: FlaskClient) -> None:
    page = client.get("/search?q=strike").get_data(as_text=True)
    assert (
        'href="/search?q=strike&amp;from=2024-05-09&amp;to=2024-05-10">'
        '<span class="facet-name">Past day' in page
    )
    assert (
        'href="/search?q=strike&amp;from=2023-05-11&amp;to=2024-05-10">'
        '<span class="facet-name">Past year' in page
    )
    assert "(1 week ago)" in page  # the port strike, published 2 May 2024


def test_results_page_draws_the_timeline(
    client: FlaskClient, search_service: FakeSearchService, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = search_service.search

    def search(request: SearchRequest) -> SearchResult:
        result = original(request)
        buckets = (
            TimelineBucket(date(2024, 4, 15), "15 Apr", 2),
            TimelineBucket(date(2024, 4, 22), "22 Apr", 1),
        )
        return replace(result, timeline=buckets, timeline_unit="week")

    monkeypatch.setattr(search_service, "search", search)
    page = client.get("/search?q=strike&page=2").get_data(as_text=True)
    assert '<figure class="timeline">' in page and "<svg" in page
    assert 'href="/search?q=strike&amp;from=2024-04-15&amp;to=2024-04-21"' in page
    assert "Matches per week" in page


def test_no_timeline_without_buckets(client: FlaskClient) -> None:
    page = client.get("/search?q=strike").get_data(as_text=True)
    assert "<svg" not in page


def test_language_names_for_common_codes() -> None:
    assert language_name("de") == "German"
    assert language_name("pt-BR") == "Portuguese"
    assert language_name("tlh") == "tlh"
    assert language_name(None) == ""


def test_error_page_keeps_the_query_to_correct(client: FlaskClient) -> None:
    response = client.get("/search?q=%3Cb%3Erates&page=999")
    assert response.status_code == 400
    page = response.get_data(as_text=True)
    assert 'value="&lt;b&gt;rates"' in page
    assert "page must be a whole number from 1 to 100" in page
