"""Body extraction on small inline pages: content detection, boilerplate, paragraphs, captions."""

from __future__ import annotations

from indexer import extract_article

LONG = "The harbour board met on Thursday and agreed, after a long debate, to repair the pier. "
MORE = "Work on the decking will start in May, and the pier will stay open at weekends. "
LAST = "Anglers will keep access to the end of the pier throughout the repairs, the board said. "


def _body(html: str) -> str:
    return extract_article(html).body


def test_br_pairs_split_paragraphs_and_single_br_joins() -> None:
    html = (
        f"<html><body><div class='post-content'>{LONG}<br><br>"
        "Second line<br>continues here.</div></body></html>"
    )
    assert _body(html) == f"{LONG.strip()}\n\nSecond line continues here."


def test_subheadings_and_list_items_are_own_paragraphs() -> None:
    html = (
        f"<html><body><article><h1>Title</h1><p>{LONG}</p><h2>What happens next</h2>"
        "<ul><li>Work starts in May.</li><li>It ends in June.</li></ul>"
        f"<p>{LONG}</p></article></body></html>"
    )
    assert _body(html).split("\n\n") == [
        LONG.strip(),
        "What happens next",
        "Work starts in May.",
        "It ends in June.",
        LONG.strip(),
    ]


def test_inline_markup_does_not_split_words() -> None:
    html = (
        f"<html><body><article><p>{LONG}The <b>pier</b>'s <a href='/x'>history</a> is long.</p>"
        "</article></body></html>"
    )
    assert _body(html).endswith("The pier's history is long.")


def test_density_scoring_finds_text_without_markers() -> None:
    html = (
        "<html><body><div class='x1'><a href='/'>Home</a> <a href='/a'>About</a></div>"
        f"<div class='x2'><p>{LONG}</p><p>{MORE}</p><p>{LAST}</p></div>"
        "<div class='x3'><p>Short footer note.</p></div></body></html>"
    )
    assert _body(html).split("\n\n") == [LONG.strip(), MORE.strip(), LAST.strip()]


def test_itemprop_article_body_beats_article_element() -> None:
    html = (
        "<html><body><article><p>Teaser that is not the story but is fairly long in itself.</p>"
        f"<div itemprop='articleBody'><p>{LONG}</p><p>{MORE}</p></div></article></body></html>"
    )
    assert _body(html) == f"{LONG.strip()}\n\n{MORE.strip()}"


def test_split_content_blocks_are_joined_in_order() -> None:
    html = (
        f"<html><body><div class='article-body'><p>One. {LONG}</p></div>"
        "<div class='ad'><p>Advertisement</p></div>"
        f"<div class='article-body'><p>Two. {LONG}</p></div></body></html>"
    )
    assert _body(html) == f"One. {LONG.strip()}\n\nTwo. {LONG.strip()}"


def test_hidden_and_script_text_never_reach_body() -> None:
    html = (
        f"<html><body><article><p>{LONG}</p><p hidden>Hidden text</p>"
        "<p style='display: none'>Invisible text</p><span class='sr-only'>Screen reader text</span>"
        "<script>var tracking = 'script text';</script><noscript>Enable JavaScript</noscript>"
        "<!-- a comment --></article></body></html>"
    )
    body = _body(html)
    for unwanted in (
        "Hidden",
        "Invisible",
        "Screen reader",
        "script text",
        "JavaScript",
        "comment",
    ):
        assert unwanted not in body


def test_wrapper_with_boilerplate_looking_class_is_not_dropped() -> None:
    html = (
        "<html><body><article><div class='content has-sidebar'>"
        f"<p>{LONG}</p><p>{MORE}</p></div></article></body></html>"
    )
    assert _body(html) == f"{LONG.strip()}\n\n{MORE.strip()}"


def test_figcaption_goes_to_captions() -> None:
    html = (
        f"<html><body><article><p>{LONG}</p><figure><img src='a.jpg'>"
        "<figcaption>The pier in 1920. Photo: Archive</figcaption></figure></article></body></html>"
    )
    article = extract_article(html)
    assert article.captions == ["The pier in 1920. Photo: Archive"]
    assert "1920" not in article.body


def test_pull_quote_figure_is_kept() -> None:
    html = (
        f"<html><body><article><p>{LONG}</p><figure class='quote'><blockquote>"
        "We will fix it this year.</blockquote></figure></article></body></html>"
    )
    assert "We will fix it this year." in _body(html)


def test_repeated_paragraph_in_a_row_is_kept_once() -> None:
    html = f"<html><body><article><p>{LONG}</p><p>{LONG}</p><p>{MORE}</p></article></body></html>"
    assert _body(html) == f"{LONG.strip()}\n\n{MORE.strip()}"


def test_headline_repeated_in_body_is_dropped() -> None:
    html = (
        "<html><head><title>Pier to be repaired</title></head><body><article>"
        f"<h1>Pier to be repaired</h1><p>{LONG}</p></article></body></html>"
    )
    article = extract_article(html)
    assert article.headline == "Pier to be repaired"
    assert article.body == LONG.strip()


def test_nested_markup_deeper_than_recursion_limit() -> None:
    depth = 3000
    html = "<html><body>" + "<div>" * depth + f"<p>{LONG}</p>" + "</div>" * depth + "</body></html>"
    assert extract_article(html).body == LONG.strip()


def _prose(n: int, topic: str = "pier") -> str:
    return "".join(
        f"<p>Paragraph {i} about the {topic}: the board met, argued at length, and agreed "
        f"to go ahead with the works on the {topic} before the summer season starts.</p>"
        for i in range(n)
    )


def test_menu_of_links_loses_to_prose_without_any_markers() -> None:
    menu = "".join(
        f"<li><a href='/s{i}'>A long headline of another story {i}, with commas, here</a></li>"
        for i in range(30)
    )
    html = f"<html><body><div><ul>{menu}</ul></div><div>{_prose(4)}</div></body></html>"
    body = _body(html)
    assert "Paragraph 3 about the pier" in body
    assert "another story" not in body


def test_text_split_over_sibling_blocks_is_read_whole() -> None:
    html = (
        "<html><body><div id='page'>"
        f"<div class='part-a'>{_prose(5)}</div><div class='part-b'>{_prose(3, 'harbour')}</div>"
        "</div><div class='foot'><a href='/'>Home</a></div></body></html>"
    )
    body = _body(html)
    assert "Paragraph 4 about the pier" in body
    assert "Paragraph 2 about the harbour" in body


def test_trailing_box_label_is_dropped_but_intertitles_stay() -> None:
    html = (
        f"<html><body><article>{_prose(2)}<h2>What comes next</h2>{_prose(2, 'quay')}"
        "<h3>More on this topic</h3></article></body></html>"
    )
    paragraphs = _body(html).split("\n\n")
    assert "What comes next" in paragraphs
    assert paragraphs[-1].startswith("Paragraph 1 about the quay")


def test_end_matter_label_cuts_the_contact_box() -> None:
    html = (
        f"<html><body><article>{_prose(4)}<p>Contact:</p><p>Press office, Harbour Board</p>"
        "<p>phone 0123 456</p></article></body></html>"
    )
    body = _body(html)
    assert "Paragraph 3 about the pier" in body
    assert "Press office" not in body


def test_articlebody_itemprop_beats_a_longer_comment_list() -> None:
    comments = "".join(
        f"<li><p>Comment {i}: I have lived by the harbour for years, and, frankly, the pier "
        "has needed this for a long time, so good news at last for all of us here.</p></li>"
        for i in range(20)
    )
    html = (
        f"<html><body><div itemprop='articleBody'>{_prose(3)}</div>"
        f"<ul class='thread'>{comments}</ul></body></html>"
    )
    body = _body(html)
    assert "Paragraph 2 about the pier" in body
    assert "Comment 3" not in body


def test_teaser_cards_sharing_the_content_class_do_not_win() -> None:
    cards = "".join(
        f"<div class='article-content'><a href='/t{i}'>Teaser {i} for another story here</a></div>"
        for i in range(20)
    )
    html = f"<html><body><div class='story'>{_prose(5)}</div><aside>{cards}</aside></body></html>"
    body = _body(html)
    assert "Paragraph 4 about the pier" in body
    assert "Teaser" not in body


def test_header_inside_the_article_keeps_its_text_but_not_its_byline() -> None:
    html = (
        "<html><body><article><header><h1>Pier works</h1><p class='byline'>By Ann Example</p>"
        "<p>The harbour board has, after two years of argument, approved the works.</p></header>"
        f"{_prose(3)}</article></body></html>"
    )
    body = _body(html)
    assert body.startswith("The harbour board has, after two years")
    assert "Ann Example" not in body


def test_inert_markup_is_stripped_before_parsing() -> None:
    from indexer.scrape.textutil import strip_inert_markup

    markup = (
        "a<!-- c -->b<SCRIPT>var s = '</div>';</Script >c"
        '<script type="application/ld+json">{"x": 1}</script>d<svg><path/></svg>e'
        "<svg class='i'/>f<style>p{}</style>g<script src='x.js'></script\n>h"
    )
    assert strip_inert_markup(markup) == (
        'a b c<script type="application/ld+json">{"x": 1}</script>d e f g h'
    )
    assert strip_inert_markup("<script>never closed <p>x</p>") == "<script>never closed <p>x</p>"


def test_a_long_comment_thread_is_never_the_article() -> None:
    comments = "".join(
        f"<li><p>Comment {i}: I have lived by the harbour for years, and, frankly, the pier "
        "has needed this for a long time, so good news at last for all of us here.</p></li>"
        for i in range(25)
    )
    html = (
        f"<html><body><div class='entry'>{_prose(3)}</div>"
        f"<ol class='commentlist'>{comments}</ol></body></html>"
    )
    body = _body(html)
    assert "Paragraph 2 about the pier" in body
    assert "Comment 3" not in body


def test_lead_paragraph_above_the_marked_body_opens_the_text() -> None:
    lead = "The pier will close for a month while the harbour board repairs its decking."
    html = (
        "<html><body><article><header><h1>Pier to close for repairs</h1></header>"
        "<div class='meta'>12 May 2024</div>"
        f"<div class='summary-box'><p>{lead}</p></div>"
        f"<div class='article-body'>{_prose(4)}</div>"
        "<div class='teasers'><a href='/a'>Another story about something else</a></div>"
        "</article></body></html>"
    )
    paragraphs = _body(html).split("\n\n")
    assert paragraphs[0] == lead
    assert paragraphs[1].startswith("Paragraph 0 about the pier")
    assert "Another story" not in _body(html)


def test_lead_inside_the_headline_block_is_read_below_the_headline() -> None:
    lead = "Repairs to the pier start in May and should be finished before the summer."
    html = (
        "<html><body><article>"
        "<div class='top'><a href='/'>Home</a><h1>Pier repairs</h1>"
        f"<p>12 May 2024</p><p>{lead}</p></div>"
        f"<div class='article-body'>{_prose(4)}</div></article></body></html>"
    )
    body = _body(html)
    assert body.startswith(lead)
    assert "Home" not in body


def test_no_lead_is_taken_from_a_long_block_or_a_link_box_above_the_body() -> None:
    teaser = "Read our earlier report on the harbour board and its plans for the pier."
    html = (
        "<html><body><article><h1>Pier repairs</h1>"
        f"<div class='more'><p><a href='/earlier'>{teaser}</a></p></div>"
        f"<div class='article-body'>{_prose(4)}</div></article></body></html>"
    )
    assert teaser not in _body(html)


def test_story_split_over_sibling_blocks_beside_the_marked_body_is_kept_whole() -> None:
    html = (
        "<html><body><main>"
        f"<div class='block'><div class='article-body'>{_prose(3)}</div></div>"
        f"<div class='block'><div class='paragraphs'>{_prose(4, 'harbour')}</div></div>"
        "<div class='block'><h2>Latest</h2><ul>"
        + "".join(f"<li><a href='/{i}'>Teaser headline number {i} here</a></li>" for i in range(6))
        + "</ul></div></main></body></html>"
    )
    body = _body(html)
    assert "Paragraph 2 about the pier" in body
    assert "Paragraph 3 about the harbour" in body
    assert "Teaser headline" not in body


def test_page_builder_block_names_do_not_mark_the_text_as_furniture() -> None:
    blocks = "".join(
        f"<div class='builder-widget builder-widget-text'>{_prose(2, topic)}</div>"
        for topic in ("pier", "harbour", "beach")
    )
    html = (
        "<html><body><div class='entry-content'>"
        f"{blocks}<div class='share-widget'><a href='/s'>Share this</a></div>"
        "</div></body></html>"
    )
    body = _body(html)
    assert "Paragraph 1 about the harbour" in body
    assert "Paragraph 1 about the beach" in body
    assert "Share this" not in body


def test_a_widget_in_the_text_is_still_furniture_when_it_holds_little() -> None:
    html = (
        f"<html><body><div class='entry-content'>{_prose(4)}"
        "<div class='sidebar-widget'><p>Follow the harbour board on the radio every week.</p>"
        "</div></div></body></html>"
    )
    body = _body(html)
    assert "Paragraph 3 about the pier" in body
    assert "Follow the harbour board" not in body


def test_text_printed_only_for_readers_without_scripts_is_read() -> None:
    html = (
        "<html><body><div id='app'></div>"
        f"<noscript><div class='post'>{_prose(3)}</div></noscript>"
        "<noscript><img src='pixel.gif'></noscript></body></html>"
    )
    assert "Paragraph 2 about the pier" in _body(html)


def test_a_lead_marked_as_intro_that_opens_the_text_stays_in_it() -> None:
    lead = "The harbour board has agreed to repair the pier before the summer season."
    teaser = "Our guide to the best walks along the coast this spring, with maps."
    html = (
        "<html><body><article><h1>Pier repairs agreed</h1><div class='article-body'>"
        f"<p class='intro'>{lead}</p>{_prose(2)}<p class='teaser'>{teaser}</p>{_prose(2, 'beach')}"
        "</div></article></body></html>"
    )
    body = _body(html)
    assert body.startswith(lead)
    assert body.count(lead) == 1
    assert teaser not in body


def test_a_comment_box_with_a_run_together_name_is_never_the_article() -> None:
    comments = "".join(
        f"<div class='c'><p>Reader {i} says: I have walked on that pier for years, and, "
        "honestly, it has needed repairs for a long time, so this is good news for us.</p></div>"
        for i in range(20)
    )
    html = (
        f"<html><body><div class='post'><h1>Pier repairs</h1>{_prose(3)}</div>"
        f"<div id='commentsbox'>{comments}</div></body></html>"
    )
    body = _body(html)
    assert "Paragraph 2 about the pier" in body
    assert "Reader 3 says" not in body


def test_lead_printed_several_levels_above_the_text_opens_it() -> None:
    lead = "The pier will close for a month while the harbour board repairs its decking."
    nested = f"<div class='story'>{_prose(4)}</div>"
    for level in range(4):
        nested = f"<div class='level-{level}'><div class='ad'>Ad</div>{nested}</div>"
    html = (
        "<html><body><div class='page'><div class='intro'><h1>Pier to close</h1>"
        f"<h2 class='intro-title'>{lead}</h2></div>{nested}</div></body></html>"
    )
    paragraphs = _body(html).split("\n\n")
    assert paragraphs[0] == lead
    assert paragraphs[1].startswith("Paragraph 0 about the pier")


def test_lead_is_read_from_a_header_block_with_many_short_lines() -> None:
    lead = "Repairs to the pier start in May and should be finished before the summer."
    crumbs = "".join(f"<span class='crumb'><a href='/{i}'>Part {i}</a></span>" for i in range(3))
    meta = "".join(f"<p>Note {i}</p>" for i in range(6))
    html = (
        f"<html><body><article><div class='top'><div>{crumbs}</div><h1>Pier repairs</h1>"
        f"{meta}<p>{lead}</p></div>"
        f"<div class='article-body'>{_prose(4)}</div></article></body></html>"
    )
    body = _body(html)
    assert body.startswith(lead)
    assert "Note 3" not in body


def test_a_teaser_article_inside_the_story_block_is_not_taken_for_the_story() -> None:
    sentence = "The lifeboat crew raised money for a new engine and thanked all who gave. "
    teaser = "".join(
        f"<li><article class='teaser'><h3>Harbour story {n}</h3><p>{sentence * (6 - n)}</p>"
        "</article></li>"
        for n in range(2)
    )
    html = (
        f"<html><body><div class='text'>{_prose(10)}<ul>{teaser}</ul>{_prose(10, 'harbour')}</div>"
        "</body></html>"
    )
    body = _body(html)
    assert "Paragraph 9 about the pier" in body
    assert "Paragraph 9 about the harbour" in body


def test_a_smaller_block_of_prose_beside_the_densest_one_joins_it() -> None:
    short = (
        "<p>Anglers keep their access to the end of the pier during the works, the board "
        "said, and the kiosk stays open.</p>"
    )
    html = (
        f"<html><body><div id='main'><div class='a'>{_prose(6)}</div>"
        f"<div class='b'>{short}</div></div></body></html>"
    )
    assert "Anglers keep their access" in _body(html)


def test_a_lead_of_three_short_paragraphs_above_the_text_is_kept_whole() -> None:
    leads = [
        f"Lead paragraph {n}: the pier closes in May while the board repairs its decking."
        for n in range(3)
    ]
    html = (
        "<html><body><div class='page'><h1>Pier to close</h1>"
        f"<div class='intro'>{''.join(f'<p>{lead}</p>' for lead in leads)}</div>"
        f"<div class='story'>{_prose(30)}</div></div></body></html>"
    )
    paragraphs = _body(html).split("\n\n")
    assert paragraphs[:3] == leads
    assert paragraphs[3].startswith("Paragraph 0 about the pier")
