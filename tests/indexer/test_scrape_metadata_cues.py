"""Headline, byline and date cues read from real-world page shapes (small original pages)."""

from __future__ import annotations

import json

import pytest

from indexer import extract_article
from indexer.scrape.bylines import looks_like_organisation, normalise_authors
from indexer.scrape.dates import find_date

TEXT = (
    "<p>"
    + "The ferry timetable changes on Monday, with two extra sailings each evening. " * 3
    + "</p>"
)


def _page(head: str, body: str, *, body_attrs: str = "") -> str:
    return f"<html><head>{head}</head><body {body_attrs}>{body}</body></html>"


# --- dates written inside text -------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Veröffentlicht am 06.10.2023", "2023-10-06"),
        ("Jana Roth, 01.12.2021", "2021-12-01"),
        ("Di, 21. April 2020 - 16:40", "2020-04-21"),
        ("Publicado el 5 de mayo de 2022", "2022-05-05"),
        ("12 października 2021", "2021-10-12"),
        ("Posted June 3rd, 2021 at 5:30 pm", "2021-06-03T17:30"),
        ("le 3 février 2022", "2022-02-03"),
        ("2022-01-21T12:25:31+0100", "2022-01-21T12:25:31+01:00"),
    ],
)
def test_dates_found_inside_text(text: str, iso: str) -> None:
    assert find_date(text) == iso


@pytest.mark.parametrize("text", ["Copyright 2019", "05/03/2024", "Seite 12 von 30", ""])
def test_no_date_when_none_can_be_trusted(text: str) -> None:
    assert find_date(text) is None


def test_labelled_dates_keep_published_and_updated_apart() -> None:
    body = (
        "<article><h1>Ferry times change</h1>"
        "<p class='meta'>Erstellt am: 04.03.2024 · Zuletzt aktualisiert: 06.03.2024</p>"
        f"{TEXT}</article>"
    )
    article = extract_article(_page("<title>Ferry times change</title>", body))
    assert article.published == "2024-03-04"
    assert article.updated == "2024-03-06"


def test_dateline_under_the_headline_outside_the_article_element() -> None:
    body = (
        "<div class='hero'><h1>Ferry times change</h1><span>Hafenblatt • 2. März 2024</span></div>"
        f"<article>{TEXT}</article>"
    )
    article = extract_article(_page("<title>Ferry times change</title>", body))
    assert article.published == "2024-03-02"
    assert article.provenance["published"] == "text"


def test_date_class_element_is_read() -> None:
    body = f"<article><h1>Ferry</h1><span class='news-date'>27.01.2022</span>{TEXT}</article>"
    article = extract_article(_page("<title>Ferry</title>", body))
    assert article.published == "2022-01-27"


def test_webpage_jsonld_dates_the_page_without_an_article_node() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Hafenblatt"},
            {"@type": "WebPage", "datePublished": "2019-09-17T14:54:31+02:00"},
            {"@type": "Person", "name": "Jana Roth"},
        ],
    }
    head = f"<script type='application/ld+json'>{json.dumps(graph)}</script><title>Fähre</title>"
    article = extract_article(_page(head, f"<article>{TEXT}</article>"))
    assert article.published == "2019-09-17T14:54:31+02:00"
    assert article.authors == ["Jana Roth"]


# --- bylines --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("Christoph Hein Chefredakteur", ["Christoph Hein"]),
        ("Alex Bozarjian Thursday", ["Alex Bozarjian"]),
        ("Veröffentlicht von Chris Jung", ["Chris Jung"]),
        ("VON MORITZ KELLER am 21. April 2020 - 16:40", ["Moritz Keller"]),
        ("Posted on September 21, 2020 by Adi Tal", ["Adi Tal"]),
        ("Jane Doe, photos by John Roe", ["Jane Doe"]),
        ("Michael L. Anders, PhD", ["Michael L. Anders"]),
        ("Glen Owen And Brendan Carl For The Mail On Sunday", ["Glen Owen", "Brendan Carl"]),
        ("Photograph by Ed Marsh", []),
        ("Publiziert am", []),
    ],
)
def test_byline_furniture_is_trimmed(raw: str, names: list[str]) -> None:
    assert normalise_authors([raw]) == names


@pytest.mark.parametrize(
    ("name", "organisation"),
    [
        ("Bund der Energieverbraucher", True),
        ("Eat Smarter GmbH", True),
        ("hafenblatt.de", True),
        ("Deutscher Anglerverband", True),
        ("Jana Roth", False),
        ("Maria de la Cruz", False),
    ],
)
def test_organisation_credits_are_told_from_people(name: str, organisation: bool) -> None:
    assert looks_like_organisation(name) is organisation


def test_person_byline_beats_organisation_named_in_meta() -> None:
    head = "<meta name='author' content='Hafenblatt Redaktion'><title>Ferry</title>"
    body = f"<article><h1>Ferry</h1><p class='byline'>Von Jana Roth</p>{TEXT}</article>"
    article = extract_article(_page(head, body))
    assert article.authors == ["Jana Roth"]
    assert article.provenance["authors"] == "markup"


def test_byline_inside_a_page_whose_body_class_mentions_a_sidebar() -> None:
    body = (
        f"<article><h1>Ferry</h1><a rel='author' href='/author/tobi/'>Tobi Lang</a>{TEXT}</article>"
    )
    page = _page("<title>Ferry</title>", body, body_attrs="class='has-sidebar sidebar-left'")
    assert extract_article(page).authors == ["Tobi Lang"]


def test_written_by_label_pair_in_meta() -> None:
    head = (
        "<meta name='twitter:label1' content='Verfasst von'>"
        "<meta name='twitter:data1' content='Jana Roth'><title>Ferry</title>"
    )
    article = extract_article(_page(head, f"<article>{TEXT}</article>"))
    assert article.authors == ["Jana Roth"]
    assert article.provenance["authors"] == "meta"


# --- headline -------------------------------------------------------------------------------


def test_h1_wins_over_reworded_social_title() -> None:
    head = "<meta property='og:title' content='Ferry timetable: two extra evening sailings'>"
    body = f"<article><h1>Two extra evening sailings on the ferry timetable</h1>{TEXT}</article>"
    article = extract_article(_page(head, body))
    assert article.headline == "Two extra evening sailings on the ferry timetable"
    assert article.provenance["headline"] == "markup"


def test_unrelated_h1_loses_to_the_title() -> None:
    body = f"<article><h1>Lorem</h1>{TEXT}</article>"
    article = extract_article(_page("<title>Ferry times change on Monday</title>", body))
    assert article.headline == "Ferry times change on Monday"


def test_site_name_h1_inside_a_long_title_is_not_the_headline() -> None:
    head = (
        "<title>Harbour Notes: Ferry times change for the winter season</title>"
        "<meta property='og:title' content='Ferry times change for the winter season'>"
    )
    body = f"<h1>Harbour Notes</h1><article>{TEXT}</article>"
    article = extract_article(_page(head, body))
    assert article.headline == "Ferry times change for the winter season"


def test_lone_sentence_h1_is_the_headline_however_the_title_words_it() -> None:
    head = "<meta property='og:title' content='Winter timetable: what changes'>"
    body = f"<article><h1>Two extra sailings every evening from Monday</h1>{TEXT}</article>"
    article = extract_article(_page(head, body))
    assert article.headline == "Two extra sailings every evening from Monday"


def test_lone_h1_that_is_a_fragment_of_the_title_is_not_the_headline() -> None:
    head = "<title>Ferry times change for winter — Harbour Notes Online Beta</title>"
    body = f"<h1>Harbour Notes Online Beta</h1><article>{TEXT}</article>"
    article = extract_article(_page(head, body))
    assert article.headline == "Ferry times change for winter"
