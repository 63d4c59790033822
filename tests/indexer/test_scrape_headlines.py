"""Headline choice between the <h1>, the declared titles and the <title>."""

from __future__ import annotations

from indexer import extract_article

_BODY = "<p>" + "The ferry timetable changes on Monday after a vote by the island council. " * 5
_BODY += "</p>"


def _page(title: str, h1: str = "", head: str = "", top: str = "") -> str:
    heading = f"<h1>{h1}</h1>" if h1 else ""
    return (
        f"<html><head><title>{title}</title>{head}</head><body>{top}<article>{heading}"
        f"{_BODY}</article></body></html>"
    )


def _og(title: str, site: str | None = None) -> str:
    meta = f'<meta property="og:title" content="{title}">'
    if site:
        meta += f'<meta property="og:site_name" content="{site}">'
    return meta


def test_a_site_first_title_does_not_turn_the_headline_into_the_site_name() -> None:
    headline = "Ferry timetable changes on Monday"
    page = _page(f"Island Post - {headline}", headline, _og(headline, "Island Post"))
    article = extract_article(page)
    assert article.headline == headline
    assert article.source == "Island Post"


def test_a_generic_title_is_not_a_headline() -> None:
    assert extract_article(_page("Home", "New ferry times")).headline == "New ferry times"
    assert extract_article(_page("Startseite", "Neue Fahrzeiten")).headline == "Neue Fahrzeiten"


def test_a_masthead_slogan_heading_gives_way_to_the_declared_title() -> None:
    declared = "Ferry timetable changes on Monday after the council vote"
    page = _page(
        declared,
        "Island Post, the first daily paper of the islands",
        _og(declared, "Island Post"),
    )
    assert extract_article(page).headline == declared


def test_a_heading_agreeing_with_an_inflected_title_is_taken() -> None:
    page = _page("Island Post", "Ferry timetable", _og("Ferry timetables"))
    assert extract_article(page).headline == "Ferry timetable"


def test_a_plain_title_worded_differently_wins_over_a_partly_agreeing_heading() -> None:
    title = "Ferry timetable changes with new Monday departures"
    page = _page(title, "Ferry timetable beta: new Monday departures, test")
    assert extract_article(page).headline == title


def test_a_title_with_parts_still_confirms_a_reworded_heading() -> None:
    page = _page(
        "Ferry timetable changes with new Monday departures | Island Post",
        "Ferry timetable changes: new Monday departures",
    )
    assert extract_article(page).headline == "Ferry timetable changes: new Monday departures"
