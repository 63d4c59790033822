"""Notices to the reader left out of the body; a writer's sign-off kept at its end."""

from __future__ import annotations

import pytest

from indexer import extract_article
from indexer.scrape import lines


def _prose(n: int) -> str:
    return "".join(
        f"<p>Paragraph {n} about the ferry: the council met, argued at length, and agreed "
        "to keep the crossing running through the winter months, the clerk said.</p>"
        for n in range(n)
    )


def _body(after: str) -> list[str]:
    html = (
        "<html><head><title>Ferry to run all winter</title></head><body><article>"
        f"<h1>Ferry to run all winter</h1>{_prose(4)}{after}</article></body></html>"
    )
    return extract_article(html).body.split("\n\n")


@pytest.mark.parametrize(
    "notice",
    [
        "For the latest stories and breaking news updates download the Coast News apps "
        "for iOS and Android.",
        "Follow the Coast Courier on Twitter and Instagram @coastcourier.",
        "Submit your letter to the editor via this form.",
        "This post contains affiliate links. We may earn a commission on purchases.",
        "Dieser Beitrag enthält Werbung für eine Fähre.",
        "Sie müssen sich einloggen, um einen Kommentar zu schreiben.",
        "¡Mira lo que tiene nuestro canal de YouTube!",
        "War der Artikel nützlich?",
        "Immer auf dem Laufenden: Abonnieren Sie unseren Newsletter und wir liefern die "
        "wichtigsten Nachrichten aus der Region jeden Morgen direkt in Ihr Postfach, "
        "kostenlos und jederzeit kündbar, versprochen.",
    ],
)
def test_notices_to_the_reader_are_not_body_text(notice: str) -> None:
    assert lines.is_notice(notice)
    paragraphs = _body(f"<p>{notice}</p>")
    assert notice not in paragraphs
    assert paragraphs[-1].startswith("Paragraph 3 about the ferry")


@pytest.mark.parametrize(
    "prose",
    [
        "Passengers can download the timetable app for iOS before the winter service begins.",
        "Die Werbung für die Fähre lief im Sommer auf allen Kanälen der Stadt.",
        "The council said affiliate clubs would keep their discounts on the crossing.",
    ],
)
def test_prose_that_shares_a_notice_word_stays(prose: str) -> None:
    assert not lines.is_notice(prose)
    assert prose in _body(f"<p>{prose}</p>")


def test_a_notice_longer_than_a_short_note_is_prose() -> None:
    long = "Follow the ferry on Twitter, the clerk said, " + "and then " * 40 + "it sailed."
    assert not lines.is_notice(long)


@pytest.mark.parametrize("sign_off", ["Euer Hans", "xx, Anna", "Liebe Grüße, Tom", "x Franzi"])
def test_a_writers_sign_off_ends_the_text(sign_off: str) -> None:
    assert _body(f"<p>{sign_off}</p>")[-1] == sign_off


def test_a_box_label_left_at_the_end_is_still_dropped() -> None:
    assert _body("<p>More from the coast</p>")[-1].startswith("Paragraph 3 about the ferry")
