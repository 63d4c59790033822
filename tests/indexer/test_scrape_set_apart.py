"""Text set apart from the story stays out of the body: embedded posts and pull quotes."""

from __future__ import annotations

import pytest

from indexer import extract_article

ONE = "The county council voted on Tuesday to close the old ferry slipway, citing repair costs. "
TWO = "Residents said the slipway had served fishing boats for more than a century, and asked "
TWO += "for a survey before any work begins. "
THREE = (
    "A final decision on the site's future is expected after the summer recess, the clerk said. "
)


def _page(inner: str) -> str:
    return (
        "<html><head><title>Slipway to close | Coast Courier</title></head><body>"
        "<article><h1>Slipway to close</h1>"
        f"<p>{ONE}</p>{inner}<p>{TWO}</p><p>{THREE}</p>"
        "</article></body></html>"
    )


def _paragraphs(html: str) -> list[str]:
    return extract_article(html).body.split("\n\n")


STORY = [ONE.strip(), TWO.strip(), THREE.strip()]


@pytest.mark.parametrize(
    "embed",
    [
        '<blockquote class="instagram-media" data-instgrm-version="14"><div>'
        "<p>View this post on Instagram</p><p>A post shared by Harbour Photos (@harbourphotos)"
        "</p></div></blockquote>",
        '<blockquote class="tiktok-embed" cite="https://tiktok.example/v/2"><section>'
        "<p>Last boats in before the closure</p><p>original sound - harbourfan</p></section>"
        "</blockquote>",
        '<div class="embed-instagram"><blockquote><p>View this post on Instagram</p>'
        "</blockquote></div>",
    ],
    ids=["instagram", "tiktok", "embed-box"],
)
def test_embedded_posts_leave_their_labels_out_of_the_body(embed: str) -> None:
    assert _paragraphs(_page(embed)) == STORY


def test_an_embedded_tweet_stays_out_of_the_body() -> None:
    tweet = "Sad day for the harbour. The slipway was where I learnt to row."
    embed = (
        f'<blockquote class="twitter-tweet"><p lang="en">{tweet}</p>'
        "&mdash; Harbour Fan (@harbourfan) May 2, 2024</blockquote>"
    )
    assert _paragraphs(_page(embed)) == STORY


@pytest.mark.parametrize(
    "quote",
    [
        '<blockquote class="pullquote"><p>"The slipway served boats for a century."</p>'
        "</blockquote>",
        '<div class="c-article__pull-quote"><p>"Served fishing boats for more than a '
        'century."</p></div>',
        '<figure class="wp-block-pullquote"><blockquote><p>A final decision is expected after '
        "the summer recess.</p></blockquote></figure>",
        '<aside class="quote"><p>"Ask for a survey before any work begins."</p></aside>',
    ],
    ids=["blockquote-class", "div-class", "figure-block", "aside"],
)
def test_pull_quotes_stay_out_of_the_body(quote: str) -> None:
    assert _paragraphs(_page(quote)) == STORY


def test_a_plain_blockquote_in_the_story_is_kept() -> None:
    quoted = "We will look at every option before the slipway is closed for good."
    paragraphs = _paragraphs(_page(f"<blockquote><p>{quoted}</p></blockquote>"))
    assert paragraphs == [STORY[0], quoted, *STORY[1:]]


def test_a_content_wrapper_named_after_pull_quotes_is_not_removed() -> None:
    html = (
        "<html><body><article><h1>Slipway to close</h1>"
        f'<div class="entry has-pullquotes"><p>{ONE}</p><p>{TWO}</p><p>{THREE}</p></div>'
        "</article></body></html>"
    )
    assert _paragraphs(html) == STORY
