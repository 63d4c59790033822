"""Publication dates weighed across the page: locale, two-digit years, datelines, the URL
and a reissued page's printed date."""

from __future__ import annotations

import pytest

from indexer import extract_article
from indexer.scrape.dates import date_from_url, day_order, find_date, normalise_date

_BODY = "<p>" + "The harbour board met on Tuesday evening to discuss the new pier. " * 6 + "</p>"


def _page(*, lang: str = "", head: str = "", before_body: str = "", heading: str = "h1") -> str:
    lang_attribute = f' lang="{lang}"' if lang else ""
    return (
        f"<html{lang_attribute}><head><title>Harbour board approves the new pier</title>"
        f"{head}</head><body><article><{heading}>Harbour board approves the new pier"
        f"</{heading}>{before_body}{_BODY}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("tags", "url", "expected"),
    [
        (["en-GB"], None, True),
        (["en_US"], None, False),
        (["de"], None, True),
        (["fr-CA"], None, True),
        (["en"], None, None),  # English alone tells nothing
        (["en"], "https://news.example.co.uk/a", True),  # ... but the country's domain does
        (["en"], "https://portal.example.com/en-gb/news/a", True),  # ... as does the path
        (["en"], "https://news.example.us/a", False),
        (["en-US"], "https://news.example.co.uk/a", False),  # the page's own tag wins
        (["en-US", "en-GB"], None, None),  # sources that disagree tell nothing
        (["ja"], None, None),  # year-first language
        ([None], "https://zeitung.example.de/a", True),
        ([], None, None),
    ],
)
def test_day_order(tags: list[str | None], url: str | None, expected: bool | None) -> None:
    assert day_order(tags, url) is expected


@pytest.mark.parametrize(
    ("raw", "dayfirst", "expected"),
    [
        ("02/10/2020", True, "2020-10-02"),
        ("02/10/2020", False, "2020-02-10"),
        ("02/10/2020", None, None),  # either order: refused without the page's locale
        ("25/12/2024", False, "2024-12-25"),  # the numbers themselves settle it
        ("12/25/2024", True, "2024-12-25"),
        ("23.09.22", None, "2022-09-23"),  # a dotted date is always day first
        ("31.10.23 13:10", None, "2023-10-31T13:10"),
        ("29.12.98", None, "1998-12-29"),
        ("05/03/24", True, "2024-03-05"),
        ("05/03/24", False, "2024-05-03"),
        ("05/03/24", None, None),
        ("31.02.22", None, None),  # no such day
    ],
)
def test_normalise_date_with_the_page_order(
    raw: str, dayfirst: bool | None, expected: str | None
) -> None:
    assert normalise_date(raw, dayfirst=dayfirst) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Von: Jane Doe | 31.10.23", "2023-10-31"),
        ("15 августа 2016, 13:43", "2016-08-15T13:43"),
        ("12 грудня 2020", "2020-12-12"),
        ("Publicerad 3 maj 2021", "2021-05-03"),
        ("Version 2.1 released", None),
    ],
)
def test_find_date_in_more_forms(text: str, expected: str | None) -> None:
    assert find_date(text) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/newsroom/23-01-2022-the-final-race/17.html", "2022-01-23"),
        ("https://example.org/news/reports/29-10-2021", "2021-10-29"),
        ("https://example.org/texts/22/20220127-remembrance.html", "2022-01-27"),
        ("https://example.org/items/20221345-x", None),  # month 13
        ("https://example.org/items/12345678-x", None),
        ("https://example.org/a/2023/06/21/slug", "2023-06-21"),
    ],
)
def test_date_from_url_more_forms(url: str, expected: str | None) -> None:
    assert date_from_url(url) == expected


def test_british_page_reads_slashed_date_day_first() -> None:
    page = _page(lang="en-GB", before_body='<p class="dateline">02/10/2020</p>')
    article = extract_article(page, "https://news.example.com/a")
    assert article.published == "2020-10-02"


def test_american_page_reads_slashed_date_month_first() -> None:
    page = _page(lang="en-US", before_body='<p class="dateline">02/10/2020</p>')
    assert extract_article(page, "https://news.example.com/a").published == "2020-02-10"


def test_slashed_date_without_locale_stays_empty() -> None:
    page = _page(lang="en", before_body='<p class="dateline">02/10/2020</p>')
    assert extract_article(page, "https://news.example.com/a").published is None


def test_two_digit_year_dateline() -> None:
    page = _page(lang="de", before_body="<p>Von: Jane Doe | 31.10.23</p>")
    assert extract_article(page, "https://zeitung.example.de/a").published == "2023-10-31"


def test_headline_marked_up_as_h4_still_finds_its_dateline() -> None:
    page = (
        "<html lang='de'><head><title>Harbour board approves the new pier</title></head><body>"
        + "".join(f"<div><a href='/s{i}'>Section {i}</a></div>" for i in range(60))
        + "<p><em>01.11.2023 11:35</em></p><h4>Harbour board approves the new pier</h4>"
        + _BODY
        + "</body></html>"
    )
    assert extract_article(page, "https://example.org/news1").published == "2023-11-01T11:35"


def test_sentence_date_in_a_long_paragraph_is_not_a_dateline() -> None:
    story = (
        "<p>On 27 January 1945 the camp was liberated, and every year since then the town "
        "has held a remembrance service in the square beside the harbour, attended by "
        "survivors, their families and pupils of the schools.</p>"
    )
    page = _page(before_body=story)
    assert extract_article(page, "https://news.example.com/a").published is None


def test_dateline_opening_a_long_paragraph_is_read() -> None:
    story = (
        "<p>Harbourtown, (12.11.2021). The harbour board met on Tuesday evening and "
        "approved the new pier after a debate that ran well past midnight, with residents "
        "filling the public gallery of the old town hall.</p>"
    )
    page = _page(before_body=story)
    assert extract_article(page, "https://news.example.com/a").published == "2021-11-12"


def test_unlabelled_date_before_an_update_is_the_publication_date() -> None:
    line = "<p>Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024, 12:43 PM UTC</p>"
    article = extract_article(_page(before_body=line), "https://news.example.com/a")
    assert article.published == "2024-12-06T22:00"
    assert article.updated == "2024-12-07T12:43"


def _declared(published: str, modified: str) -> str:
    return (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"headline": "Harbour board approves the new pier", '
        f'"datePublished": "{published}", "dateModified": "{modified}"}}</script>'
    )


def test_reissued_page_takes_the_printed_date_its_modification_date_confirms() -> None:
    page = _page(
        head=_declared("2021-11-22T10:00:00+01:00", "2023-01-01T10:00:00+01:00"),
        before_body="<p>1 January 2023</p>",
    )
    article = extract_article(page, "https://news.example.com/a")
    assert article.published == "2023-01-01"
    assert article.provenance["published"] == "text"


def test_printed_teaser_date_does_not_beat_the_declared_date() -> None:
    page = _page(
        head=_declared("2021-11-22T10:00:00+01:00", "2021-11-23T10:00:00+01:00"),
        before_body="<p>1 January 2023</p>",
    )
    article = extract_article(page, "https://news.example.com/a")
    assert article.published == "2021-11-22T10:00:00+01:00"
    assert article.provenance["published"] == "jsonld"


def test_printed_update_stays_an_update() -> None:
    page = _page(
        head=_declared("2021-11-22T10:00:00+01:00", "2023-01-01T10:00:00+01:00"),
        before_body="<p>By Jane Doe Updated 1 January 2023</p>",
    )
    assert extract_article(page, "https://news.example.com/a").published.startswith("2021-11-22")


def test_scheduled_post_keeps_its_declared_date() -> None:
    page = _page(
        head=_declared("2022-12-25T11:00:00+00:00", "2022-12-07T09:10:52+00:00"),
        before_body="<p>7 December 2022</p>",
    )
    assert extract_article(page, "https://news.example.com/a").published.startswith("2022-12-25")


def test_url_date_beats_a_printed_date_that_disagrees() -> None:
    page = _page(before_body="<p>19.01.2021 - The teams arrive</p>")
    article = extract_article(page, "https://news.example.com/news/23-01-2022-final-race/1.html")
    assert (article.published, article.provenance["published"]) == ("2022-01-23", "url")


def test_url_date_beats_a_declared_date_long_after_it() -> None:
    page = _page(head=_declared("2019-06-17T18:28:00+02:00", "2019-06-17T18:28:00+02:00"))
    article = extract_article(page, "https://blog.example.com/home/2017/7/12/montauk")
    assert (article.published, article.provenance["published"]) == ("2017-07-12", "url")


def test_declared_date_days_after_the_url_date_is_kept() -> None:
    page = _page(head=_declared("2022-05-08T10:00:00-05:00", "2022-05-08T10:00:00-05:00"))
    article = extract_article(page, "https://news.example.com/2022/05/02/budget")
    assert article.provenance["published"] == "jsonld"


def _declared_only(published: str) -> str:
    return (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"headline": "Harbour board approves the new pier", '
        f'"datePublished": "{published}"}}</script>'
    )


def test_date_printed_twice_days_off_the_declared_one_wins() -> None:
    printed = '<p><time class="published">21.01.2022</time></p>'
    page = _page(lang="de", head=_declared_only("2022-01-26T14:32:06+01:00"), before_body=printed)
    article = extract_article(page, "https://zeitung.example.de/a")
    assert article.published == "2022-01-21"


def test_date_printed_twice_months_off_the_declared_one_does_not_win() -> None:
    printed = '<p><time class="published">18.01.2019</time></p>'
    page = _page(lang="de", head=_declared_only("2019-10-01T10:00:00+02:00"), before_body=printed)
    article = extract_article(page, "https://zeitung.example.de/a")
    assert article.published == "2019-10-01T10:00:00+02:00"


def test_printed_utc_day_of_a_midnight_stamp_keeps_the_local_day() -> None:
    printed = '<p><time class="published" datetime="2022-11-06T23:00:00.000Z">6.11.22</time></p>'
    head = '<meta property="article:published_time" content="2022-11-06T23:00:00.000Z">'
    page = _page(lang="de", head=head, before_body=printed)
    assert extract_article(page, "https://zeitung.example.de/a").published == "2022-11-07"


def test_printed_date_another_declared_layer_backs_beats_the_first_declared_one() -> None:
    head = _declared_only("2022-01-04T07:29:00+00:00") + (
        '<meta property="article:published_time" content="2022-01-06T08:00:00+00:00">'
    )
    page = _page(lang="de", head=head, before_body="<p>6. Januar 2022</p>")
    article = extract_article(page, "https://zeitung.example.de/a")
    assert (article.published, article.provenance["published"]) == ("2022-01-06", "text")
