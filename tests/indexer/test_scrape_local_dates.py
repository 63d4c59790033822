"""Publication dates as the page prints them: a UTC stamp gives way to the local reading."""

from __future__ import annotations

import pytest

from indexer import extract_article
from indexer.scrape.dates import leading_date, local_reading, normalise_date, utc_midnight_day

_BODY = "<p>" + "The harbour board met on Tuesday evening to discuss the new pier. " * 6 + "</p>"


def _page(head: str, before_body: str = "") -> str:
    return (
        f"<html><head><title>Pier vote</title>{head}</head><body><article>"
        f"<h1>Harbour board approves the new pier</h1>{before_body}{_BODY}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("stamp", "other", "expected"),
    [
        ("2022-05-04T03:37:37+00:00", "2022-05-03T23:37:37-04:00", True),  # same moment, offset
        ("2023-11-09T05:30:59+00:00", "2023-11-08T23:30:59", True),  # local clock, no zone
        ("2020-02-25T02:25:54+00:00", "2020-02-24", True),  # local date, day before
        ("2021-11-04T23:00+00:00", "2021-11-05", True),  # local date, day after
        ("2020-02-25T02:25:54+00:00", "2020-02-25", False),  # same day: nothing to read
        ("2020-02-25T02:25:54+00:00", "2020-02-26", False),  # no zone is 22 hours ahead
        ("2020-02-25T15:00:00+00:00", "2020-02-24", False),  # no zone is 15 hours behind
        ("2023-11-09T05:30:59+00:00", "2023-11-08T21:07:00", False),  # not a zone offset
        ("2022-05-04T03:37:37-04:00", "2022-05-03", False),  # the stamp is not UTC
    ],
)
def test_local_reading(stamp: str, other: str, expected: bool) -> None:
    assert local_reading(stamp, other) is expected


def test_utc_midnight_day_only_for_whole_evening_hours() -> None:
    assert utc_midnight_day("2022-11-06T23:00:00+00:00") == "2022-11-07"
    assert utc_midnight_day("2022-11-06T22:00+00:00") == "2022-11-07"
    assert utc_midnight_day("2022-11-06T23:00:01+00:00") is None
    assert utc_midnight_day("2022-11-06T14:00:00+00:00") is None
    assert utc_midnight_day("2022-11-06T23:00:00+01:00") is None


def test_milliseconds_after_a_colon_are_read() -> None:
    assert normalise_date("2022-01-10T22:06:08:684Z") == "2022-01-10T22:06:08+00:00"


def test_leading_date_splits_a_dateline() -> None:
    assert leading_date("11.12.2019 - Jane Doe") == ("2019-12-11", " - Jane Doe")
    assert leading_date("Jane Doe, 11.12.2019") is None


def test_printed_local_date_beats_the_utc_stamp() -> None:
    head = '<meta property="article:published_time" content="2024-03-06T01:15:00Z">'
    article = extract_article(_page(head, '<p class="dateline">March 5, 2024</p>'))
    assert article.published == "2024-03-05"
    assert article.provenance["published"] in ("markup", "text")


def test_same_moment_with_an_offset_is_taken() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        ' "headline": "Harbour board approves the new pier",'
        ' "datePublished": "2024-03-06T01:15:00Z"}</script>'
    )
    article = extract_article(_page(head, '<time datetime="2024-03-05T20:15:00-05:00"></time>'))
    assert article.published == "2024-03-05T20:15:00-05:00"


def test_utc_stamp_stays_when_the_page_prints_its_day() -> None:
    head = '<meta property="article:published_time" content="2024-03-06T01:15:00Z">'
    article = extract_article(_page(head, '<p class="dateline">March 6, 2024</p>'))
    assert article.published == "2024-03-06T01:15:00+00:00"


def test_utc_midnight_stamp_reads_as_the_local_day() -> None:
    head = '<meta property="article:published_time" content="2024-03-05T23:00:00.000Z">'
    assert extract_article(_page(head)).published == "2024-03-06"


def test_a_label_alone_dates_the_next_line() -> None:
    page = _page("").replace("<article>", "<article><p>Mise en ligne</p><p>5 mars 2024</p>")
    assert extract_article(page).published == "2024-03-05"


def test_a_long_furniture_line_opening_with_a_label_is_read() -> None:
    line = (
        "Letzte Änderung: 04.03.2024 - 14:49:39 Erschienen am: 05.03.2024 Lesungen: 61 "
        + "© bei der Autorin und beim Verlag, Nachdruck nur mit Genehmigung " * 2
    )
    assert len(line) > 150
    article = extract_article(_page("", f"<p>{line}</p>"))
    assert article.published == "2024-03-05"
    assert article.updated == "2024-03-04"


def test_the_dateline_is_read_under_the_longest_heading() -> None:
    page = (
        "<html><head><title>Pier vote</title></head><body>"
        "<h1>Navigation</h1><ul>" + "".join(f"<li>Section {n}</li>" for n in range(40)) + "</ul>"
        "<div><h1>Harbour board approves the new pier</h1><p>Kiel, 5. März 2024</p>"
        f"{_BODY}</div></body></html>"
    )
    assert extract_article(page).published == "2024-03-05"
