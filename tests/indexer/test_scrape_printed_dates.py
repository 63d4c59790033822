"""Printed dates outside the usual dateline: a lone publication label anywhere on the page,
a dateline opening the article's text, a post's date beside its comment count, a date
line split across elements, a byline with its date under the story, and a printed date
labelled "Stand" that another declared layer states as the publication."""

from __future__ import annotations

import pytest

from indexer import extract_article
from indexer.scrape.textcues import opening_dateline

_SENTENCE = "The river ferry kept its winter timetable for another month this year. "
_BODY = "".join(f"<p>{_SENTENCE * 4}Part {n}.</p>" for n in range(4))


def _page(
    *,
    lang: str = "de",
    head: str = "",
    top: str = "",
    body: str = _BODY,
    tail: str = "",
    holder: str = "div",
) -> str:
    return (
        f"<html lang='{lang}'><head><title>Ferry keeps its winter timetable</title>{head}</head>"
        f"<body><div class='menu'><a href='/'>Home</a></div>{top}"
        f"<{holder} class='story'>{body}</{holder}>{tail}</body></html>"
    )


def test_lone_label_outside_the_article_dates_the_page() -> None:
    credits = (
        "<ul class='credits'><li><p class='title'>Mise en ligne</p>"
        "<p class='content'>23 mai 2019</p></li></ul>"
    )
    article = extract_article(
        _page(lang="fr", tail=credits, holder="article"), "https://example.org/ferry"
    )
    assert article.published == "2019-05-23"


def test_lone_update_label_is_not_a_publication_date() -> None:
    credits = "<div><p>Mis à jour le</p><p>23 mai 2019</p></div>"
    article = extract_article(
        _page(lang="fr", tail=credits, holder="article"), "https://example.org/ferry"
    )
    assert article.published is None


def test_dateline_opening_the_text_dates_a_page_with_no_other_date() -> None:
    # A long menu before the story: the text layer's dateline window ends before it.
    menu = "<ul class='menu'>" + "".join(
        f"<li><a href='/{n}'>Route {n}</a></li>" for n in range(60)
    )
    body = f"<p>(21. November 2022) {_SENTENCE * 3}</p>" + _BODY
    article = extract_article(_page(top=menu + "</ul>", body=body), "https://example.org/ferry")
    assert article.published == "2022-11-21"
    assert article.provenance["published"] == "dateline"


def test_url_date_comes_before_the_opening_dateline() -> None:
    body = f"<p>(21. November 2022) {_SENTENCE * 3}</p>" + _BODY
    article = extract_article(_page(body=body), "https://example.org/2022/11/20/ferry")
    assert article.published == "2022-11-20"


@pytest.mark.parametrize(
    ("paragraphs", "expected"),
    [
        (["2021-10-16 | Notice", _SENTENCE * 3], "2021-10-16"),
        (["(21. November 2022) " + _SENTENCE * 3], "2022-11-21"),
        # a date inside the sentence is the story's, not the dateline
        (["Am 27. Januar 1945 wurde das Lager befreit. " + _SENTENCE * 3], None),
        # the fourth paragraph is past the opening
        ([_SENTENCE * 3] * 3 + ["12.03.2021"], None),
        ([], None),
    ],
)
def test_opening_dateline(paragraphs: list[str], expected: str | None) -> None:
    assert opening_dateline(paragraphs, dayfirst=True) == expected


def test_post_date_beside_a_comment_count_is_read() -> None:
    top = (
        "<h1>Ferry keeps its winter timetable</h1>"
        "<p class='postmeta'>8.<a href='/date/2010/12/'>Dezember 2010</a> um 09:43 · "
        "<a href='/ferry#comments'>6 Kommentare</a></p>"
    )
    article = extract_article(_page(top=top), "https://example.org/ferry")
    assert article.published == "2010-12-08T09:43"


def test_comment_stamp_is_still_not_a_publication_date() -> None:
    top = (
        "<h1>Ferry keeps its winter timetable</h1>"
        "<p class='meta'>Kommentar von Jane: 8. Dezember 2010 um 10:56</p>"
    )
    article = extract_article(_page(top=top), "https://example.org/ferry")
    assert article.published is None


def test_byline_with_its_date_under_the_story_dates_the_page() -> None:
    filler = "".join(f"<p>Timetable note {n}</p>" for n in range(45))
    tail = (
        "<div class='author'>Author: <a href='/profile/58'><b>Ferry2man</b></a>"
        " am 29.12.2010, 13:36 Uhr</div>"
        "<div class='comment'>#1 von Jane Doe <i>30.12.2010 - 22:40</i></div>"
    )
    body = _BODY + filler + tail
    article = extract_article(_page(body=body), "https://example.org/ferry")
    assert article.published == "2010-12-29T13:36"


def test_update_label_gives_way_when_a_declared_layer_states_that_day() -> None:
    head = (
        '<script type=\'application/ld+json\'>{"@type": "NewsArticle",'
        ' "headline": "Ferry keeps its winter timetable",'
        ' "datePublished": "2023-11-06T18:19+01:00", "dateModified": "2023-11-07T10:14+01:00"}'
        "</script>"
        "<meta property='article:published_time' content='2023-11-07T07:30+01:00'>"
    )
    top = "<h1>Ferry keeps its winter timetable</h1><p>Stand: 07.11.2023, 07:30 Uhr</p>"
    article = extract_article(_page(head=head, top=top), "https://example.org/ferry")
    assert article.published is not None
    assert article.published.startswith("2023-11-07")


def test_update_label_alone_keeps_the_declared_publication() -> None:
    head = (
        '<script type=\'application/ld+json\'>{"@type": "NewsArticle",'
        ' "headline": "Ferry keeps its winter timetable",'
        ' "datePublished": "2023-11-06T18:19+01:00", "dateModified": "2023-11-07T10:14+01:00"}'
        "</script>"
    )
    top = "<h1>Ferry keeps its winter timetable</h1><p>Stand: 07.11.2023, 07:30 Uhr</p>"
    article = extract_article(_page(head=head, top=top), "https://example.org/ferry")
    assert article.published == "2023-11-06T18:19+01:00"
