"""Quality flags and the JSON-LD articleBody check, on small pages written for the purpose."""

from __future__ import annotations

import json

from indexer import extract_article
from indexer.scrape import quality

SENTENCE = (
    "The council voted on Tuesday, after a long and heated debate, to rebuild the old "
    "footbridge over the canal before the end of next summer. "
)
STORY = " ".join(f"{SENTENCE.strip()[:-1]} number {n}." for n in range(40))


def _page(body_html: str, *, ld: dict | None = None, head: str = "") -> str:
    script = f'<script type="application/ld+json">{json.dumps(ld)}</script>' if ld else ""
    return (
        f"<html><head><title>Footbridge vote</title>{script}{head}</head>"
        f"<body><h1>Footbridge vote</h1>{body_html}</body></html>"
    )


def test_plain_article_has_no_flags() -> None:
    paragraphs = "".join(f"<p>{SENTENCE} Paragraph {n}.</p>" for n in range(8))
    article = extract_article(_page(f"<article>{paragraphs}</article>"))
    assert article.quality == []


def test_not_accessible_for_free_is_paywalled() -> None:
    ld = {"@type": "NewsArticle", "headline": "Footbridge vote", "isAccessibleForFree": False}
    article = extract_article(_page(f"<article><p>{SENTENCE}</p></article>", ld=ld))
    assert "paywalled" in article.quality


def test_paywall_box_next_to_a_teaser_is_paywalled() -> None:
    html = _page(
        f"<article><p>{SENTENCE}</p><div class='paywall-box'><p>Subscribe to continue "
        "reading.</p></div></article>"
    )
    article = extract_article(html)
    assert "paywalled" in article.quality
    assert "Subscribe" not in article.body


def test_paywall_class_on_a_long_story_is_not_flagged() -> None:
    paragraphs = "".join(f"<p>{SENTENCE} Paragraph {n}.</p>" for n in range(12))
    html = _page(f"<article>{paragraphs}</article><div class='paywall-ad'>Join us</div>")
    assert "paywalled" not in extract_article(html).quality


def test_consent_wall_is_flagged() -> None:
    banner = (
        "<div><p>We use cookies and similar tracking technologies. With your consent, "
        "we and our partners use cookies for ads and measurement.</p>"
        "<p>You can accept all cookies or manage your privacy preferences.</p></div>"
    )
    article = extract_article(_page(banner))
    assert "consent_page" in article.quality


def test_story_mentioning_cookies_once_is_not_a_consent_wall() -> None:
    paragraphs = "".join(f"<p>{SENTENCE} Paragraph {n}.</p>" for n in range(6))
    html = _page(f"<article>{paragraphs}<p>The bakery sold cookies at the fair.</p></article>")
    assert "consent_page" not in extract_article(html).quality


def test_articlebody_fills_in_a_teaser_page_and_is_not_flagged_cut() -> None:
    ld = {"@type": "NewsArticle", "headline": "Footbridge vote", "articleBody": STORY}
    article = extract_article(_page(f"<article><p>{SENTENCE}</p></article>", ld=ld))
    assert article.body == STORY


def test_articlebody_of_another_story_is_not_believed() -> None:
    other = " ".join(
        f"A completely different report about harvest prices, item {n}, in the valley."
        for n in range(60)
    )
    ld = {"@type": "NewsArticle", "headline": "Footbridge vote", "articleBody": other}
    paragraphs = "".join(f"<p>{SENTENCE} Paragraph {n}.</p>" for n in range(6))
    article = extract_article(_page(f"<article>{paragraphs}</article>", ld=ld))
    assert "harvest prices" not in article.body
    assert "Paragraph 5" in article.body
    assert "truncated" in article.quality


def test_articlebody_made_of_markup_is_not_believed() -> None:
    junk = "<div class='x'><p>" + "<span>tag soup</span> " * 80 + "</p></div>"
    assert not quality.plausible_structured_body(junk, "", "<p>short</p>")


def test_articlebody_opening_must_be_on_a_teaser_page_of_moderate_length() -> None:
    teaser = " ".join(["An unrelated teaser sentence about the weather."] * 10)
    markup = f"<p>{teaser}</p>"
    assert not quality.plausible_structured_body(STORY, teaser, markup)
    assert quality.plausible_structured_body(STORY, teaser, markup + f"<p>{STORY[:200]}</p>")


def test_text_ending_in_an_ellipsis_is_truncated() -> None:
    body = f"{SENTENCE}\n\nThe mayor said that the new bridge would be finished and that the …"
    flags = quality.quality_flags(quality.PageSignals(), body)
    assert flags == ["truncated"]


def test_page_signals_read_markup() -> None:
    signals = quality.page_signals('<div class="article premium-content">x</div>')
    assert signals.paywall_markup and not signals.not_free
    signals = quality.page_signals('{"isAccessibleForFree": "False"}')
    assert signals.not_free


def test_articlebody_is_led_by_the_lead_the_page_prints_apart_from_it() -> None:
    lead = "Councillors backed the new footbridge, which should open before next summer."
    ld = {"@type": "NewsArticle", "headline": "Footbridge vote", "articleBody": STORY}
    html = _page(
        f"<header><p class='lead'>{lead}</p></header><article><p>{SENTENCE}</p></article>", ld=ld
    )
    article = extract_article(html)
    assert article.body == f"{lead}\n\n{STORY}"


def test_articlebody_that_already_holds_the_opening_paragraph_is_not_led_twice() -> None:
    assert quality.choose_body([SENTENCE.strip()], STORY, "<p>x</p>") == STORY
