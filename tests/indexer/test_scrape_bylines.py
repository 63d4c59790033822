"""Bylines into person names: openers, separators, agencies, places, roles, case and URLs."""

from __future__ import annotations

import pytest

from indexer.scrape.bylines import byline_names, fix_case, name_from_profile_url, normalise_authors


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (["By LAHAV HARKOV"], ["Lahav Harkov"]),
        (["By ANNA KOWALSKA and JÖRG MÜLLER"], ["Anna Kowalska", "Jörg Müller"]),
        (["Jane Doe | Reuters"], ["Jane Doe"]),
        (["Reuters"], ["Reuters"]),
        (["AP", "Jane Doe"], ["Jane Doe"]),
        (["By Jane Doe in Kyiv"], ["Jane Doe"]),
        (["By Jane Doe in Kyiv, Ukraine"], ["Jane Doe"]),
        (["Anna Smith, Bob Jones and Carl Brown"], ["Anna Smith", "Bob Jones", "Carl Brown"]),
        (["By Jane Doe, Senior Correspondent"], ["Jane Doe"]),
        (["By Jane Doe (AP)"], ["Jane Doe"]),
        (["By Jane Doe and John Roe, Associated Press"], ["Jane Doe", "John Roe"]),
        (["Von Hans Müller, Berlin"], ["Hans Müller"]),
        (["jane doe"], ["Jane Doe"]),
        (["Jane Doe", "JANE DOE"], ["Jane Doe"]),
        (["SEAN O'BRIEN"], ["Sean O'Brien"]),
        (["MARY MCDONALD"], ["Mary McDonald"]),
        (["Mary McDonald"], ["Mary McDonald"]),
        (["MARIA DE LA CRUZ"], ["Maria de la Cruz"]),
        (["Maria de la Cruz"], ["Maria de la Cruz"]),
        (["JEAN-PIERRE LEROUX"], ["Jean-Pierre Leroux"]),
        (["https://news.example/author/jane-doe/"], ["Jane Doe"]),
        (["https://news.example/author/jane-doe/", "Jane Roe"], ["Jane Roe"]),
        (["jane@news.example"], []),
        ([None, ""], []),
    ],
)
def test_normalise_authors(values: list[str | None], expected: list[str]) -> None:
    assert normalise_authors(values) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By LAHAV HARKOV", ["Lahav Harkov"]),
        ("By Jane Doe and John Roe in Kyiv", ["Jane Doe", "John Roe"]),
        ("By Jane Doe | June 21, 2023", ["Jane Doe"]),
        ("By Reuters", ["Reuters"]),
        ("Von Klaus Bäcker", ["Klaus Bäcker"]),
        ("By the end of the year, prices rose.", None),
        ("By Monday, talks had stalled.", None),
        ("By car and by train", None),
        ("By 2025 the plan will be finished", None),
        ("Jane Doe", None),
    ],
)
def test_byline_names(line: str, expected: list[str] | None) -> None:
    assert byline_names(line) == expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("LAHAV HARKOV", "Lahav Harkov"),
        ("D'ARCY O'NEILL", "D'Arcy O'Neill"),
        ("Ludwig van Beethoven", "Ludwig van Beethoven"),
        ("ludwig van beethoven", "Ludwig van Beethoven"),
    ],
)
def test_fix_case(name: str, expected: str) -> None:
    assert fix_case(name) == expected


def test_profile_url_without_author_segment_gives_nothing() -> None:
    assert name_from_profile_url("https://news.example/2024/01/story-slug") is None
