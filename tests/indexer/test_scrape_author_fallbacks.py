"""Authors signed below the article text: the last fallback, when nothing else names anyone."""

from __future__ import annotations

from indexer import extract_article
from indexer.scrape.signoffs import signoff_line_names

_PROSE = (
    "The council met on Tuesday evening to discuss the new timetable for the harbour ferry, "
    "which has run at the same hours since the old pier was rebuilt twenty years ago."
)


def _page(after: str, *, head: str = "", byline: str = "", body_class: str = "") -> str:
    paragraphs = "".join(f"<p>{_PROSE} Part {n}.</p>" for n in range(4))
    return (
        f"<html><head><title>Ferry hours change</title>{head}</head>"
        f'<body class="{body_class}"><article><h1>Ferry hours change</h1>{byline}'
        f'<div class="text">{paragraphs}{after}</div></article>'
        "<footer><p>Harbour Gazette</p></footer></body></html>"
    )


def _authors(html: str) -> tuple[list[str], str | None]:
    article = extract_article(html, "https://news.example.org/2024/ferry")
    return article.authors, article.provenance.get("authors")


def test_bold_name_under_last_paragraph_signs_the_text() -> None:
    assert _authors(_page("<p><b><i>Marta Lindqvist</i></b></p>")) == (
        ["Marta Lindqvist"],
        "signoff",
    )


def test_signed_line_with_opener_and_date() -> None:
    html = _page("<p>Gespeichert von Tomas Berger am 24. Juli 2017 - 18:55</p>")
    assert _authors(html)[0] == ["Tomas Berger"]


def test_several_signed_authors() -> None:
    html = _page("<p>Autoren Ines Varga und Paul Ostrowski</p>")
    assert _authors(html)[0] == ["Ines Varga", "Paul Ostrowski"]


def test_bold_intertitle_with_text_below_is_no_author() -> None:
    html = _page(
        "<p><strong>Fresh Water</strong></p><p>More on the harbour tomorrow, with maps "
        "and a table of every crossing for the summer weeks.</p>"
    )
    assert _authors(html) == ([], None)


def test_label_and_picture_credit_are_no_author() -> None:
    assert _authors(_page("<p><strong>Mehr Themen:</strong></p>")) == ([], None)
    assert _authors(_page("<p><b>Foto: Lena Hart</b></p>")) == ([], None)


def test_plain_name_without_emphasis_is_no_author() -> None:
    assert _authors(_page("<p>Marta Lindqvist</p>")) == ([], None)


def test_layout_classes_on_body_do_not_hide_the_sign_off() -> None:
    html = _page("<p><b>Marta Lindqvist</b></p>", body_class="two-sidebars has-comments")
    assert _authors(html)[0] == ["Marta Lindqvist"]


def test_credits_box_names_the_writer_not_the_photographer() -> None:
    box = (
        '<div class="credits"><div><div>Interview</div><div>SVEN HOLM</div></div>'
        "<div><div>Fotograf</div><div>ANNA BERG</div></div></div>"
    )
    assert _authors(_page(box))[0] == ["Sven Holm"]


def test_submitted_box_with_user_name() -> None:
    box = '<div class="submitted">Gespeichert von <span>kaihb</span> am 3. Mai 2020</div>'
    assert _authors(_page(box))[0] == ["Kaihb"]


def test_author_box_heading_after_the_text() -> None:
    box = (
        '<div class="author-bio"><h3>Martin Krug</h3><p>Martin has written about '
        "shipping and ports for the paper since 2009. Alles von Martin Krug</p></div>"
    )
    assert _authors(_page(box))[0] == ["Martin Krug"]


def test_rel_author_in_the_posts_own_footer() -> None:
    html = _page("", byline="").replace(
        "</div></article>",
        '</div><footer class="entry-meta">Posted by '
        '<a rel="author" href="/author/jo-fenn">Jo Fenn</a></footer></article>',
    )
    assert _authors(html)[0] == ["Jo Fenn"]


def test_sign_off_never_outweighs_a_byline() -> None:
    html = _page("<p><b>Marta Lindqvist</b></p>", byline="<p>By Karl Jensen</p>")
    assert _authors(html) == (["Karl Jensen"], "text")


def test_sign_off_never_outweighs_structured_data() -> None:
    head = '<meta name="author" content="Karl Jensen">'
    assert _authors(_page("<p><b>Marta Lindqvist</b></p>", head=head)) == (
        ["Karl Jensen"],
        "meta",
    )


def test_comment_sign_offs_are_ignored() -> None:
    html = _page("").replace(
        "</article>",
        '</article><div class="comments"><p>' + _PROSE + "</p><p><b>Olga Reiter</b></p></div>",
    )
    assert _authors(html) == ([], None)


def test_signoff_line_reading() -> None:
    assert signoff_line_names("Von Jane Doe") == ["Jane Doe"]
    assert signoff_line_names("Jane Doe") is None
    assert signoff_line_names("Jane Doe", emphasised=True) == ["Jane Doe"]
    assert signoff_line_names("Jane", emphasised=True) is None
    assert signoff_line_names("Bildquelle: Jane Doe", emphasised=True) is None


def test_author_label_on_its_own_line_names_the_next_line() -> None:
    cells = "<div><h5>Datum:</h5>03.11.2021<br><h5>Autor:</h5>Peter Lund/SP-X</div>"
    html = _page("", byline=cells)
    assert _authors(html)[0] == ["Peter Lund"]


def test_bare_author_label_needs_a_full_name() -> None:
    assert _authors(_page("", byline="<p>Autor</p><p>Nikolai Brand,</p>"))[0] == ["Nikolai Brand"]
    assert _authors(_page("", byline="<h2>Autor</h2><p>Über-Ich</p>")) == ([], None)


def test_byline_piece_in_furniture_under_the_headline() -> None:
    html = _page("").replace(
        "<article><h1>Ferry hours change</h1>",
        '<header><h1>Ferry hours change</h1><div class="meta">Local | By Cara Holt | '
        "April 13, 2020</div></header><article>",
    )
    assert _authors(html) == (["Cara Holt"], "signoff")
