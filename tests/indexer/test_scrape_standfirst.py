"""The printed standfirst opens the body; a description only in the metadata does not."""

from __future__ import annotations

from indexer import extract_article

_STANDFIRST = "The town council voted to keep the old lighthouse open to visitors all year round."
_STORY = (
    "<p>Councillors met on Monday night and agreed the lighthouse budget after a long debate "
    "about repairs to the stairs and the lamp room.</p>"
    "<p>The keeper's cottage will become a small museum about the coast and its shipwrecks, "
    "staffed by volunteers from the historical society.</p>"
)


def _page(description: str | None, printed: str = "", masthead: str = "") -> str:
    meta = f'<meta name="description" content="{description}">' if description else ""
    return (
        f"<html><head><title>Lighthouse stays open</title>{meta}</head><body>{masthead}<article>"
        f"<h1>Lighthouse stays open all year</h1>{printed}<div class='story'>{_STORY}</div>"
        "</article></body></html>"
    )


def test_a_confirmed_standfirst_element_opens_the_body() -> None:
    article = extract_article(_page(_STANDFIRST, f'<p class="standfirst">{_STANDFIRST}</p>'))
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0] == _STANDFIRST
    assert paragraphs[1].startswith("Councillors met on Monday")
    assert article.body.count(_STANDFIRST) == 1
    assert article.description == _STANDFIRST


def test_a_printed_description_without_a_standfirst_class_opens_the_body() -> None:
    printed = f"<div><span>{_STANDFIRST}</span></div>"
    article = extract_article(_page(_STANDFIRST, printed))
    assert article.body.split("\n\n")[0] == _STANDFIRST


def test_a_description_only_in_the_metadata_stays_out_of_the_body() -> None:
    article = extract_article(_page(_STANDFIRST))
    assert _STANDFIRST not in article.body
    assert article.description == _STANDFIRST


def test_an_unconfirmed_standfirst_element_stays_out_of_the_body() -> None:
    signup = '<p class="standfirst">Sign up for our weekly newsletter about the coast</p>'
    article = extract_article(_page(_STANDFIRST, signup))
    assert "Sign up" not in article.body
    assert _STANDFIRST not in article.body


def test_a_short_printed_description_is_a_slogan_not_a_standfirst() -> None:
    slogan = "News from the coast"
    article = extract_article(_page(slogan, masthead=f"<div><p>{slogan}</p></div>"))
    assert slogan not in article.body
