"""Author credits beyond plain names: desks, user names, datelines, labels, fuller names."""

from __future__ import annotations

import pytest

from indexer import extract_article
from indexer.scrape.bylines import (
    byline_names,
    is_handle,
    labelled_byline_names,
    normalise_authors,
    piece_byline_names,
)
from indexer.scrape.textcues import dateline_names

_BODY = "<p>" + "Volunteers cleared the river bank of litter on Saturday morning. " * 6 + "</p>"


def _page(head: str = "", top: str = "", h1: str = "River bank cleared by volunteers") -> str:
    return (
        f"<html><head><title>River clean-up</title>{head}</head><body>{top}<article>"
        f"<h1>{h1}</h1>{_BODY}</article></body></html>"
    )


def _jsonld(
    author: str, publisher: str = '{"@type": "Organization", "name": "Valley Post"}'
) -> str:
    return (
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        f' "headline": "River bank cleared by volunteers", "author": {author},'
        f' "publisher": {publisher}}}</script>'
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Redaktion Valley Post", ["Redaktion Valley Post"]),
        ("Valley Post Staff Report", ["Valley Post Staff Report"]),
        ("riverfan1987", ["riverfan1987"]),
        ("Written by Mara Olsen Edited by Tom Beck", ["Mara Olsen"]),
        ("Interview: Mara Olsen", ["Mara Olsen"]),
        ("Staff", ["Staff"]),
    ],
)
def test_normalise_authors_keeps_credits(raw: str, expected: list[str]) -> None:
    assert normalise_authors([raw]) == expected


def test_a_person_beats_a_desk_credit_in_a_later_layer() -> None:
    head = '<meta name="author" content="Redaktion Valley Post">'
    top = '<p class="byline">By Mara Olsen</p>'
    assert extract_article(_page(head, top)).authors == ["Mara Olsen"]


def test_a_desk_credit_is_kept_when_no_one_is_named() -> None:
    head = _jsonld('{"@type": "Person", "name": "Redaktion Valley Post"}')
    assert extract_article(_page(head)).authors == ["Redaktion Valley Post"]


def test_user_names_are_weaker_than_names() -> None:
    assert is_handle("riverfan1987") and not is_handle("Mara Olsen")
    head = '<meta name="author" content="riverfan1987">'
    top = '<p class="byline">By Mara Olsen</p>'
    assert extract_article(_page(head, top)).authors == ["Mara Olsen"]
    assert extract_article(_page(head)).authors == ["riverfan1987"]


def test_one_word_structured_name_takes_the_printed_full_name() -> None:
    head = _jsonld('{"@type": "Person", "name": "maraolsen"}')
    assert extract_article(_page(head)).authors == ["Maraolsen"]
    with_byline = _page(head).replace("<h1>", '<p class="byline">By Mara Olsen</p><h1>')
    assert extract_article(with_byline).authors == ["Mara Olsen"]


def test_a_blogger_publishing_under_their_name_is_still_the_author() -> None:
    head = _jsonld(
        '{"@type": "Person", "name": "Mara Olsen"}', '{"@type": "Person", "name": "Mara Olsen"}'
    )
    assert extract_article(_page(head)).authors == ["Mara Olsen"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("11.12.2019 - Mara Olsen", ["Mara Olsen"]),
        ("04.02.2022 | 13:10 Uhr | Mara Olsen", ["Mara Olsen"]),
        ("05.02.2020 - Redaktion: Tom Beck (Pressesprecher)", ["Tom Beck"]),
        ("12 May 2020 Opinion", None),
        ("05.02.2020 | Politik", None),
        ("Mara Olsen, 11.12.2019", None),
    ],
)
def test_dateline_names(line: str, expected: list[str] | None) -> None:
    assert dateline_names(line) == expected


def test_a_dateline_above_the_headline_names_the_author() -> None:
    page = _page().replace("<h1>", "<small>04.02.2022 | 13:10 Uhr | Mara Olsen</small><h1>")
    assert extract_article(page).authors == ["Mara Olsen"]


def test_labelled_author_inside_a_line() -> None:
    line = "Datum: 19.11.2021 Autor: Mara Olsen Rubrik: Umwelt"
    assert labelled_byline_names(line) == ["Mara Olsen"]
    assert labelled_byline_names("Autor: Mara Olsen") is None  # a plain byline, read elsewhere
    assert labelled_byline_names("Datum: 19.11.2021 Autor: the river keeper said") is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Sara Lind Stand", ["Sara Lind"]),
        ("José Miguel Ortiz Hace", ["José Miguel Ortiz"]),
        ("Zuletzt geändert", []),
    ],
)
def test_time_words_after_a_byline_are_trimmed(raw: str, expected: list[str]) -> None:
    assert normalise_authors([raw]) == expected


def test_initials_give_way_to_a_full_name() -> None:
    assert is_handle("mh") and is_handle("V") and not is_handle("焦鹏")
    head = '<meta name="author" content="mh">'
    assert extract_article(_page(head)).authors == ["Mh"]  # re-cased like any lower-case name
    top = '<p class="byline">By Mara Olsen</p>'
    assert extract_article(_page(head, top)).authors == ["Mara Olsen"]


def test_a_byline_piece_of_a_furniture_line() -> None:
    assert piece_byline_names("Umwelt | By Mara Olsen | 3 May 2024") == ["Mara Olsen"]
    assert piece_byline_names("Umwelt | By the end of the year") is None
    assert piece_byline_names("By Mara Olsen") is None  # no pieces: a plain byline


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("By Mara Olsen March 25, 2015", ["Mara Olsen"]),
        ("VON MARA OLSEN am 21. April 2020", ["Mara Olsen"]),
        ("By Mara Olsen Date: March 3, 2020", ["Mara Olsen"]),
        ("Posted by Mara Olsen and Tom Beck - Valley Safety Team", ["Mara Olsen", "Tom Beck"]),
        ("Text von Mara Olsen Illustration von Tom Beck", ["Mara Olsen"]),
        ("By Monday, the Union will vote", None),
        ("By 2030 the harbour will be rebuilt", None),
    ],
)
def test_bylines_with_dates_desks_and_other_credits(line: str, expected: list[str] | None) -> None:
    assert byline_names(line) == expected
