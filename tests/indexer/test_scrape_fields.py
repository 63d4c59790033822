"""Field choices on small inline pages: headline and site name, source, URL, language, authors."""

from __future__ import annotations

import pytest

from indexer import extract_article

TEXT = (
    "<p>"
    + "The ferry timetable changes on Monday, with two extra sailings each evening. " * 3
    + "</p>"
)


SITE = "<meta property='og:site_name' content='Bay News'>"


def _page(head: str, body: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}<article>{TEXT}</article></body></html>"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (
            "<title>Ferry times change | Bay News</title>" + SITE,
            "Ferry times change",
        ),
        (
            "<title>Bay News - Ferry times change</title>" + SITE,
            "Ferry times change",
        ),
        (
            "<meta property='og:title' content='Ferry times change – The Bay News'>"
            "<meta property='og:site_name' content='Bay News'>",
            "Ferry times change",
        ),
        (
            "<title>Ferry times change: what you need to know | Bay News</title>"
            "<meta property='og:site_name' content='Bay News'>",
            "Ferry times change: what you need to know",
        ),
        ("<title>Ferry times change | baynews.example</title>", "Ferry times change"),
    ],
)
def test_headline_without_site_name(head: str, expected: str) -> None:
    article = extract_article(_page(head), "https://baynews.example/ferry")
    assert article.headline == expected


def test_h1_that_repeats_the_site_name_is_a_logo() -> None:
    page = _page("<title>Ferry times change | Harbour Notes</title>", "<h1>Harbour Notes</h1>")
    assert extract_article(page).headline == "Ferry times change"


def test_og_title_beats_h1_and_title() -> None:
    page = _page(
        "<title>Old title</title><meta property='og:title' content='Social title'>",
        "<h1>Page h1</h1>",
    )
    assert extract_article(page).headline == "Social title"


@pytest.mark.parametrize(
    ("head", "url", "source"),
    [
        (
            "<meta property='og:site_name' content='Bay News'>",
            "https://www.baynews.example/a",
            "Bay News",
        ),
        (
            "<meta name='application-name' content='Bay App'>",
            "https://www.baynews.example/a",
            "Bay App",
        ),
        ("", "https://www.baynews.example/a", "baynews.example"),
        ("", None, None),
    ],
)
def test_source(head: str, url: str | None, source: str | None) -> None:
    assert extract_article(_page("<title>T</title>" + head), url).source == source


def test_canonical_pointing_at_home_page_is_ignored() -> None:
    page = _page("<title>T</title><link rel='canonical' href='https://baynews.example/'>")
    article = extract_article(page, "https://baynews.example/2024/05/ferry")
    assert article.canonical_url is None
    assert article.url == "https://baynews.example/2024/05/ferry"


def test_relative_canonical_is_made_absolute() -> None:
    page = _page("<title>T</title><link rel='canonical' href='/news/ferry#top'>")
    article = extract_article(page, "https://baynews.example/amp/news/ferry")
    assert article.canonical_url == "https://baynews.example/news/ferry"
    assert article.url == article.canonical_url


def test_saved_page_names_its_origin() -> None:
    page = "<!-- saved from url=(0032)https://baynews.example/ferry -->\n" + _page(
        "<title>T</title>"
    )
    article = extract_article(page, "file:///home/me/ferry.html")
    assert article.url == "https://baynews.example/ferry"


@pytest.mark.parametrize(
    ("html_open", "head", "language"),
    [
        ("<html lang='en-GB'>", "", "en"),
        ("<html lang='DE'>", "", "de"),
        ("<html>", "<meta property='og:locale' content='fr_FR'>", "fr"),
        ("<html>", "<meta http-equiv='content-language' content='es'>", "es"),
        # No usable tag: the language is read from the text.
        ("<html lang='not a language'>", "", "en"),
    ],
)
def test_language(html_open: str, head: str, language: str | None) -> None:
    page = _page("<title>T</title>" + head).replace("<html>", html_open, 1)
    assert extract_article(page).language == language


def test_outlet_named_as_author_gives_way_to_a_person() -> None:
    head = (
        "<title>T</title><meta property='og:site_name' content='Bay News'>"
        "<meta name='author' content='Bay News'>"
    )
    page = _page(head, "<p class='byline'>By Oona Pellerin</p>")
    assert extract_article(page).authors == ["Oona Pellerin"]


def test_byline_in_comments_is_not_the_author() -> None:
    page = (
        "<html><head><title>T</title></head><body><article>"
        f"{TEXT}</article><section class='comments'><span class='author'>Rick Vale</span>"
        "<p>Nice piece.</p></section></body></html>"
    )
    assert extract_article(page).authors == []


def test_updated_only_when_it_differs() -> None:
    head = (
        "<title>T</title>"
        "<meta property='article:published_time' content='2024-05-01T10:00:00+02:00'>"
        "<meta property='article:modified_time' content='2024-05-01T10:00:00+02:00'>"
    )
    article = extract_article(_page(head))
    assert article.published == "2024-05-01T10:00:00+02:00"
    assert article.updated is None


def test_standfirst_element_becomes_description_not_body() -> None:
    page = _page("<title>T</title>", "").replace(
        "<article>", "<article><p class='standfirst'>Two extra evening sailings from Monday.</p>"
    )
    article = extract_article(page)
    assert article.description == "Two extra evening sailings from Monday."
    assert "Two extra evening sailings from Monday." not in article.body


def test_date_only_in_url_path() -> None:
    article = extract_article(_page("<title>T</title>"), "https://baynews.example/2024/05/03/ferry")
    assert article.published == "2024-05-03"
