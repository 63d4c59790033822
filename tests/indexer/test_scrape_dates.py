"""Date reading: ISO output with only the precision and zone the page gave, never guesses."""

from __future__ import annotations

import pytest

from indexer.scrape.dates import date_from_url, normalise_date, same_moment


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("JUNE 21, 2023 17:00", "2023-06-21T17:00"),
        ("2024-03-05T09:30:00+01:00", "2024-03-05T09:30:00+01:00"),
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05 09:30", "2024-03-05T09:30"),
        ("2024-03-05T09:30:00.000Z", "2024-03-05T09:30:00+00:00"),
        ("20240109T1530Z", "2024-01-09T15:30+00:00"),
        ("Wed, 21 Jun 2023 17:00:00 GMT", "2023-06-21T17:00:00+00:00"),
        ("June 21, 2023 at 5:30 p.m. EDT", "2023-06-21T17:30-04:00"),
        ("June 21, 2023 12:30 am", "2023-06-21T00:30"),
        ("Tuesday 21 June 2023 10.30 BST", "2023-06-21T10:30+01:00"),
        ("17:00 IST June 21, 2023", "2023-06-21T17:00"),
        ("21/06/2023", "2023-06-21"),
        ("21.06.2023 10:15", "2023-06-21T10:15"),
        ("5. März 2024, 14:30 Uhr", "2024-03-05T14:30"),
        ("21 juin 2023 à 17h00", "2023-06-21T17:00"),
        ("21 de junio de 2023", "2023-06-21"),
        ("1687356000", "2023-06-21T14:00:00+00:00"),
    ],
)
def test_normalise_date(raw: str, expected: str) -> None:
    assert normalise_date(raw) == expected


@pytest.mark.parametrize(
    "junk",
    [
        None,
        "",
        "Updated",
        "recently",
        "3 hours ago",
        "June 2023",
        "2023",
        "05/03/2024",  # day and month could be either way round
        "junk 2023 stuff",
        "20241340",
        "0001-01-01",
        "x" * 500,
    ],
)
def test_untrustworthy_dates_are_none(junk: str | None) -> None:
    assert normalise_date(junk) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/world/2023/06/21/slug", "2023-06-21"),
        ("https://news.example/2023-06-21-slug", "2023-06-21"),
        ("https://news.example/a/2023/13/01/slug", None),
        ("https://news.example/about", None),
        (None, None),
    ],
)
def test_date_from_url(url: str | None, expected: str | None) -> None:
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("2023-06-21T17:00", "2023-06-21T17:00", True),
        ("2023-06-21", "2023-06-21T17:00", True),
        ("2023-06-21T17:00", "2023-06-21T17:33", False),
        ("2023-06-21", None, False),
    ],
)
def test_same_moment(a: str, b: str | None, same: bool) -> None:
    assert same_moment(a, b) is same
