"""Authors chosen by the page's evidence: bylines read loosely, layers weighed against the
visible byline, full names from person nodes and hCard author cards (small original pages)."""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup

from indexer import extract_article
from indexer.scrape import author_fields
from indexer.scrape.bylines import byline_names, normalise_authors
from indexer.scrape.facts import Facts, Layers
from indexer.scrape.microdata import microdata_facts

TEXT = (
    "<p>"
    + "The harbour board agreed a new timetable for the winter ferries on Tuesday. " * 3
    + "</p>"
)


def _page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def _ld(node: dict) -> str:
    return f"<script type='application/ld+json'>{json.dumps(node)}</script>"


# --- byline values read loosely --------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "names"),
    [
        ("Kolumne Von Ernst Lohmann", ["Ernst Lohmann"]),
        ("Blog Beitrag von Marta Kowal", ["Marta Kowal"]),
        ("Ursula von der Heide", ["Ursula von der Heide"]),
        ("Author: Kite42 am 29.12.2010, 13:36 Uhr", ["Kite42"]),
        ("Posted on June 3, 2020 by Jane Doe", ["Jane Doe"]),
        ("Rita Sommer im Gespräch mit Paul Winter", ["Rita Sommer", "Paul Winter"]),
        ("Text & Fotos: Ivo Brandt", ["Ivo Brandt"]),
        ("Datum: 03.11.2021 Autor: Pia Lenz/SP-X Rubrik: Technik", ["Pia Lenz"]),
        ("deinen Lieblingsbloggern", []),
        ("Rechtsanwalt Jonas Weber", ["Jonas Weber"]),
        ("Nora Lind, Hafen-Expertin für Fähren", ["Nora Lind"]),
        ("Uta Berg, Projektleiterin der HSB", ["Uta Berg"]),
        ("Hans Leiter", ["Hans Leiter"]),
        ("Nesselmann Sagt", ["Nesselmann"]),
        ("Lena Roux (avec Paul Marin et Ines Vidal)", ["Lena Roux", "Paul Marin", "Ines Vidal"]),
        ("Bruno (Henrique Costa) Ramos", ["Bruno Henrique Costa Ramos"]),
        ("Jane Doe (Reuters)", ["Jane Doe"]),
        ("Ana Ruiz (con información de EFE)", ["Ana Ruiz"]),
        ("Photograph by Ed Marsh", []),
    ],
)
def test_byline_values_read_loosely(raw: str, names: list[str]) -> None:
    assert normalise_authors([raw]) == names


def test_an_acronym_unit_after_a_role_is_no_name() -> None:
    line = "By Dana Kahn, Senior Staff Technologist, CLRU Speech, Privacy, and Technology Project"
    assert byline_names(line) == ["Dana Kahn"]


def test_a_name_printed_with_capital_surname_stays_a_name() -> None:
    assert byline_names("Par Martin UNTERBERG") == ["Martin UNTERBERG"]


# --- layers weighed against the visible byline ------------------------------------------------


def _layers(**authors: list[str]) -> Layers:
    names = ("jsonld", "meta", "microdata", "markup", "text")
    return Layers(**{name: Facts(authors=tuple(authors.get(name, ()))) for name in names})


def test_the_byline_adds_a_writer_another_layer_confirms() -> None:
    layers = _layers(
        jsonld=["Rita Sommer"],
        markup=["Rita Sommer", "Paul Winter"],
        text=["Rita Sommer", "Paul Winter"],
    )
    assert author_fields.authors(layers, []) == (["Rita Sommer", "Paul Winter"], "markup")


def test_an_unconfirmed_second_name_in_the_byline_is_not_added() -> None:
    layers = _layers(jsonld=["Rita Sommer"], text=["Rita Sommer", "Paul Winter"])
    assert author_fields.authors(layers, []) == (["Rita Sommer"], "jsonld")


def test_names_swept_up_beside_the_byline_are_dropped() -> None:
    layers = _layers(markup=["Rita Sommer", "Winter Sale"], text=["Rita Sommer"])
    assert author_fields.authors(layers, []) == (["Rita Sommer"], "text")


def test_a_credit_naming_the_site_gives_way_to_a_person() -> None:
    layers = _layers(meta=["FC Hafenblatt Fans"], text=["Rita Sommer"])
    assert author_fields.authors(layers, ["hafenblatt.de"]) == (["Rita Sommer"], "text")


def test_layers_agreeing_on_other_writers_outweigh_a_lone_structured_name() -> None:
    layers = _layers(
        jsonld=["Kai Brandt"],
        meta=["Rita Sommer", "Paul Winter"],
        markup=["Rita Sommer", "Paul Winter"],
        text=["Rita Sommer", "Paul Winter"],
    )
    assert author_fields.authors(layers, []) == (["Rita Sommer", "Paul Winter"], "meta")


def test_a_confirmed_structured_name_keeps_its_place() -> None:
    layers = _layers(jsonld=["Kai Brandt"], meta=["Kai Brandt"], text=["Rita Sommer"])
    assert author_fields.authors(layers, []) == (["Kai Brandt"], "jsonld")


def test_a_login_read_off_a_profile_address_gives_way_to_a_name() -> None:
    layers = _layers(jsonld=["https://hafenblatt.de/author/ritaso/#author"], meta=["Rita Sommer"])
    assert author_fields.authors(layers, []) == (["Rita Sommer"], "meta")


def test_a_login_read_off_a_profile_address_is_kept_when_nothing_else_names_anyone() -> None:
    layers = _layers(jsonld=["https://hafenblatt.de/author/rita-sommer/"])
    assert author_fields.authors(layers, []) == (["Rita Sommer"], "jsonld")


# --- full names from person nodes --------------------------------------------------------------


def test_a_first_name_is_completed_from_the_person_description() -> None:
    person = {
        "@type": "Person",
        "name": "Nina",
        "description": "Nina Albrecht ist freie Autorin und schreibt über Häfen.",
    }
    head = _ld({"@type": "NewsArticle", "headline": "Fähren", "author": person})
    assert extract_article(_page(head, f"<article>{TEXT}</article>")).authors == ["Nina Albrecht"]


def test_a_description_that_is_a_sentence_does_not_complete_the_name() -> None:
    person = {"@type": "Person", "name": "Nina", "description": "Nina Writes About Ferries"}
    head = _ld({"@type": "NewsArticle", "headline": "Fähren", "author": person})
    article = extract_article(_page(head, f"<article>{TEXT}</article>"))
    assert article.authors == ["Nina"]


def test_given_and_family_names_complete_a_first_name() -> None:
    person = {"@type": "Person", "name": "Nina", "givenName": "Nina", "familyName": "Albrecht"}
    head = _ld({"@type": "NewsArticle", "headline": "Fähren", "author": person})
    assert extract_article(_page(head, f"<article>{TEXT}</article>")).authors == ["Nina Albrecht"]


def test_the_author_of_a_series_node_names_the_page() -> None:
    graph = {
        "@context": "https://schema.org",
        "@type": "CreativeWorkSeries",
        "name": "Fähren im Test",
        "author": {"@type": "Person", "name": "Nina Albrecht"},
    }
    assert extract_article(_page(_ld(graph), f"<article>{TEXT}</article>")).authors == [
        "Nina Albrecht"
    ]


def test_a_reviews_author_does_not_name_the_page() -> None:
    review = {
        "@context": "https://schema.org",
        "@type": "Review",
        "name": "Gute Fähre",
        "author": {"@type": "Person", "name": "Otto Kranz"},
    }
    assert extract_article(_page(_ld(review), f"<article>{TEXT}</article>")).authors == []


# --- hCard author cards ------------------------------------------------------------------------


def test_the_author_card_under_the_post_names_the_author() -> None:
    body = (
        f"<article><h1>Winter ferries</h1>{TEXT}"
        "<footer class='entry-meta'><span class='byline'>von <span class='author vcard'>"
        "<a class='url fn n' href='/author/nina/'>Nina Albrecht</a></span></span></footer>"
        "</article>"
    )
    assert extract_article(_page("<title>Winter ferries</title>", body)).authors == [
        "Nina Albrecht"
    ]


def test_a_commenters_card_is_not_the_author() -> None:
    body = (
        f"<article><h1>Winter ferries</h1>{TEXT}</article>"
        "<ol class='commentlist'><li><div class='comment-author vcard'>"
        "<cite class='fn'>Otto Kranz</cite></div><p>Great news.</p></li></ol>"
    )
    assert _card_authors(_page("<title>Winter ferries</title>", body)) == ()


def test_only_the_first_bylines_cards_are_read() -> None:
    body = (
        f"<article><h1>Winter ferries</h1>{TEXT}"
        "<p class='meta'><span class='author vcard'><span class='fn'>Nina Albrecht</span>"
        "</span></p></article>"
        "<div class='next'><p class='meta'><span class='author vcard'>"
        "<span class='fn'>Otto Kranz</span></span></p></div>"
    )
    assert _card_authors(_page("<title>Winter ferries</title>", body)) == ("Nina Albrecht",)


def _card_authors(page: str) -> tuple[str, ...]:
    return microdata_facts(BeautifulSoup(page, "lxml", multi_valued_attributes=None)).authors
