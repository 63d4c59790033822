"""Dates only a page's scripts state, generic meta dates against the printed date line,
spaced dotted dates, and a date element backing the declared date."""

from __future__ import annotations

import pytest

from indexer import extract_article
from indexer.scrape.date_fields import generic_meta_date
from indexer.scrape.dates import normalise_date
from indexer.scrape.script_dates import ScriptDates, script_dates

_BODY = "<p>" + "The orchard society counted its apple trees again this spring. " * 6 + "</p>"


def _page(*, head: str = "", before_body: str = "", after_body: str = "") -> str:
    return (
        "<html lang='de'><head><title>Orchard society counts its trees</title>"
        f"{head}</head><body><article><h1>Orchard society counts its trees</h1>"
        f"{before_body}{_BODY}</article>{after_body}</body></html>"
    )


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        (
            '<script>window.__STATE__ = {"id": 7, "publishedDate": "2016-11-04T20:37:27Z",'
            ' "updatedDate": "2016-11-05T08:00:00Z"};</script>',
            ScriptDates("2016-11-04T20:37:27Z", "2016-11-05T08:00:00Z"),
        ),
        (
            "<script type='application/json'>{'pubDate': '2020-01-12'}</script>",
            ScriptDates("2020-01-12", None),
        ),
        (  # JSON written inside a string literal
            '<script>var s = "{\\"published_at\\":\\"2019-03-02T06:22:28+01:00\\"}";</script>',
            ScriptDates("2019-03-02T06:22:28+01:00", None),
        ),
        (  # an unquoted key of a script object
            "<script>var item = {datePublished: '2021-06-01T09:00:00Z'};</script>",
            ScriptDates("2021-06-01T09:00:00Z", None),
        ),
        (  # the first value that reads as a date wins; junk is passed over
            '<script>x = {"publishDate": "unknown"}; y = {"publishDate": "2018-02-03"};'
            ' z = {"publishDate": "2019-01-01"};</script>',
            ScriptDates("2018-02-03", None),
        ),
        (  # JSON-LD is read by its own layer
            '<script type="application/ld+json">{"datePublished": "2020-05-05"}</script>',
            ScriptDates(None, None),
        ),
        (  # generic names say too little
            '<script>x = {"date": "2020-05-05", "createdAt": "2020-05-04"};</script>',
            ScriptDates(None, None),
        ),
        (  # a key named outside any script is not read here
            '<div data-x=\'{"publishedDate": "2020-05-05"}\'></div>',
            ScriptDates(None, None),
        ),
        (  # a longer name that only ends like a publication key
            '<script>x = {"unpublishDate": "2020-05-05"};</script>',
            ScriptDates(None, None),
        ),
    ],
)
def test_script_dates(markup: str, expected: ScriptDates) -> None:
    assert script_dates(f"<html><head>{markup}</head><body></body></html>") == expected


def test_page_dated_only_by_its_scripts_takes_the_script_date() -> None:
    script = (
        '<script>window.state = {"review": {"publishedDate": "2016-11-04T20:37:27Z"}};</script>'
    )
    article = extract_article(_page(head=script), "https://reviews.example.com/r/581")
    assert article.published == "2016-11-04T20:37:27+00:00"
    assert article.provenance["published"] == "script"


def test_printed_date_beats_the_script_date() -> None:
    script = '<script>window.state = {"publishedDate": "2016-11-04T20:37:27Z"};</script>'
    page = _page(head=script, before_body="<p>Veröffentlicht am 12.03.2021</p>")
    article = extract_article(page, "https://reviews.example.com/r/581")
    assert article.published == "2021-03-12"
    assert article.provenance["published"] == "text"


def test_url_date_beats_the_script_date() -> None:
    script = '<script>window.state = {"publishedDate": "2016-11-04T20:37:27Z"};</script>'
    article = extract_article(_page(head=script), "https://news.example.com/2017/02/03/story")
    assert article.published == "2017-02-03"


@pytest.mark.parametrize(
    ("meta", "generic"),
    [
        ({"date": ["2021-10-15"]}, True),
        ({"dc.date": ["2021-10-15"], "dcterms.date": ["2021-10-15"]}, True),
        ({"date": ["2021-10-15"], "article:published_time": ["2021-10-13"]}, False),
        ({"article:published_time": ["2021-10-13"]}, False),
        ({"date": ["soon"]}, False),
        ({}, False),
    ],
)
def test_generic_meta_date(meta: dict[str, list[str]], generic: bool) -> None:
    assert generic_meta_date(meta) is generic


def test_printed_date_line_beats_a_generic_meta_date() -> None:
    page = _page(
        head='<meta name="date" content="2021-10-15">',
        before_body="<p>Erschienen am: 13.10.2021</p>",
    )
    article = extract_article(page, "https://verband.example.de/presse/meldung")
    assert article.published == "2021-10-13"
    assert article.provenance["published"] == "text"


def test_printed_date_line_does_not_beat_a_publication_meta_date() -> None:
    page = _page(
        head='<meta property="article:published_time" content="2021-10-15">',
        before_body="<p>Erschienen am: 13.10.2021</p>",
    )
    assert extract_article(page, "https://verband.example.de/presse/meldung").published == (
        "2021-10-15"
    )


def test_generic_meta_date_backed_by_a_date_element_is_kept() -> None:
    page = _page(
        head='<meta name="date" content="2020-04-20T14:57:27+02:00">',
        before_body='<p>01.05.2020</p><p><time datetime="2020-04-20">20. April</time></p>',
    )
    article = extract_article(page, "https://sender.example.de/nachrichten/meldung-100.html")
    assert article.published == "2020-04-20T14:57:27+02:00"


def test_generic_meta_date_stays_when_nothing_is_printed() -> None:
    page = _page(head='<meta name="date" content="2020-02-11">')
    assert extract_article(page, "https://wein.example.de/rioja/").published == "2020-02-11"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("4. 2. 2022", "2022-02-04"),
        ("04. 02. 2022 12:30", "2022-02-04T12:30"),
        ("12. 3. 2021, 10:00 Uhr", "2021-03-12T10:00"),
        ("4.2.2022", "2022-02-04"),
        ("4. Februar 2022", "2022-02-04"),
    ],
)
def test_spaced_dotted_date_is_day_first(raw: str, expected: str) -> None:
    assert normalise_date(raw) == expected


def test_date_element_backing_the_declared_date_beats_a_text_date() -> None:
    # The text's first date is the hidden modification stamp; the <time> element states
    # the declared publication day.
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        ' "datePublished": "2018-06-22T10:20:00+02:00",'
        ' "dateModified": "2018-08-29T14:15:57+02:00"}</script>'
    )
    before = (
        '<p class="hidden">2018-08-29 14:15:57</p><time datetime="2018-06-22">22.06.2018</time>'
    )
    article = extract_article(_page(head=head, before_body=before), "https://shop.example.de/a")
    assert article.published == "2018-06-22T10:20:00+02:00"
    assert article.updated == "2018-08-29T14:15:57+02:00"
