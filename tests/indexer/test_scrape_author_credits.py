"""Credits that name no person, logins, user names and the outlet's own name as author."""

from __future__ import annotations

import json

from indexer import extract_article
from indexer.scrape.bylines import (
    byline_names,
    is_handle,
    name_from_profile_url,
    normalise_authors,
)
from indexer.scrape.htmlparse import parse_html
from indexer.scrape.signoffs import signed_off_names
from indexer.scrape.textcues import dateline_credit, dateline_names
from indexer.scrape.tree import PageTree

_PROSE = (
    "The council met on Tuesday evening to discuss the new timetable for the harbour ferry, "
    "which has run at the same hours since the old pier was rebuilt twenty years ago."
)
_URL = "https://www.harbourgazette.example/2024/05/ferry-hours"


def _paragraphs(count: int = 4) -> str:
    return "".join(f"<p>{_PROSE} Part {n}.</p>" for n in range(count))


def _page(
    inside: str = "", *, head: str = "", after: str = "", site: str = "Harbour Gazette"
) -> str:
    return (
        f"<html><head><title>Ferry hours change | {site}</title>"
        f'<meta property="og:site_name" content="{site}">{head}</head>'
        f"<body><article><h1>Ferry hours change</h1>{inside}"
        f'<div class="text">{_paragraphs()}{after}</div></article></body></html>'
    )


def _jsonld(author: object) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "author": author}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def _authors(html: str, url: str = _URL) -> tuple[list[str], str | None]:
    article = extract_article(html, url)
    return article.authors, article.provenance.get("authors")


# --- user names, logins, placeholders -------------------------------------------------


def test_user_names_with_one_leading_letter_are_handles() -> None:
    assert is_handle("r23") and is_handle("c1ph4")
    assert not is_handle("Jane Doe")
    assert normalise_authors(["Beitrag von r23 » 21.01.2009, 05:42"]) == ["r23"]


def test_editor_initials_are_handles_not_people() -> None:
    assert is_handle("lno") and is_handle("det")
    assert not is_handle("Anna Berg")


def test_placeholder_author_values_name_no_one() -> None:
    assert normalise_authors(["No Author"]) == []
    assert normalise_authors(["Unknown"]) == []


def test_unreadable_profile_address_gives_no_name_instead_of_failing() -> None:
    assert name_from_profile_url("https://[ccpa-preferences]/author/jane-doe/") is None
    assert name_from_profile_url("https://example.org/author/jane-doe/") == "Jane Doe"


def test_login_in_declared_data_gives_way_to_the_printed_byline() -> None:
    html = _page("<p>By Mark Newton</p>", head=_jsonld({"@type": "Person", "name": "sarah-indra"}))
    assert _authors(html) == (["Mark Newton"], "text")


def test_full_name_in_declared_data_still_beats_a_different_printed_byline() -> None:
    head = _jsonld({"@type": "Person", "name": "Sarah Lind"})
    assert _authors(_page("<p>By Mark Newton</p>", head=head))[0] == ["Sarah Lind"]


# --- the outlet's own name ------------------------------------------------------------


def test_outlet_name_as_author_is_kept_whole_and_loses_to_a_byline() -> None:
    head = '<meta name="author" content="Jobs &amp; Hire">'
    alone = _page(head=head, site="Jobs &amp; Hire")
    assert _authors(alone)[0] == ["Jobs & Hire"]
    bylined = _page("<p>By Jose de la Cruz</p>", head=head, site="Jobs &amp; Hire")
    assert _authors(bylined)[0] == ["Jose de la Cruz"]


def test_outlet_name_with_its_words_swapped_is_the_outlet() -> None:
    page = (
        "<html><head><title>Ein Krimi</title></head><body><article><h1>Ein Krimi</h1>"
        '<p class="author">Krimiblog-Archiv</p>'
        f"<div>{_paragraphs()}<p>Von Krimiblogger</p></div></article></body></html>"
    )
    assert _authors(page, "http://archiv.krimiblog.example/?p=1")[0] == ["Krimiblogger"]


# --- credits kept as printed ----------------------------------------------------------


def test_desk_credit_is_kept_whole_not_cut_to_a_word() -> None:
    assert _authors(_page(head='<meta name="author" content="By Staff Writer">'))[0] == [
        "Staff Writer"
    ]


def test_agency_and_outlet_credit_is_kept_whole() -> None:
    head = '<meta name="author" content="AFP/The Local">'
    assert _authors(_page(head=head, site="The Local Sweden"))[0] == ["AFP/The Local"]


def test_editor_initials_and_agency_are_both_the_credit() -> None:
    assert normalise_authors(["det/dpa"]) == ["det", "dpa"]
    assert normalise_authors(["Jane Doe/dpa"]) == ["Jane Doe"]


def test_agency_credit_of_a_news_dateline() -> None:
    lines = ["Hamburg (dpa/lno) – Trotz eines Gesprächs bleiben die Fronten verhärtet."]
    assert dateline_credit(lines) == ["dpa/lno"]
    assert dateline_credit(["Jane Doe (Berlin) – a note on the trip"]) == []
    html = (
        "<html><head><title>Fronten verhärtet</title></head><body><article>"
        "<h1>Fronten verhärtet</h1><p>Hamburg (dpa/lno) – Trotz eines Gesprächs zwischen "
        f"den beiden Seiten bleiben die Fronten verhärtet.</p>{_paragraphs()}"
        "</article></body></html>"
    )
    assert _authors(html)[0] == ["lno", "dpa"]


def test_lone_agency_line_under_the_headline_credits_the_agency() -> None:
    assert _authors(_page("<p class='credit'>JIJI</p>"))[0] == ["JIJI"]


def test_desk_credit_after_the_text_beats_the_outlet_name() -> None:
    head = '<meta name="author" content="mdr.de">'
    after = "<p><em>Quelle: MDR THÜRINGEN/ls</em></p>"
    html = _page(head=head, after=after, site="mdr.de")
    assert _authors(html, "https://www.mdr.de/thueringen/story-100.html") == (
        ["MDR THÜRINGEN/ls"],
        "credit",
    )


def test_source_line_naming_someone_else_is_not_a_desk_credit() -> None:
    head = '<meta name="author" content="mdr.de">'
    after = "<p>Quelle: Statistisches Landesamt</p>"
    html = _page(head=head, after=after, site="mdr.de")
    assert _authors(html, "https://www.mdr.de/thueringen/story-100.html")[0] == ["Mdr.de"]


def test_printed_credit_beats_a_name_read_off_a_profile_address() -> None:
    head = '<meta name="author" content="https://www.harbourgazette.example/author/l-horst/">'
    html = _page('<p class="author">von Redaktion, 24. Januar 2022</p>', head=head)
    assert _authors(html)[0] == ["Redaktion"]


# --- bylines in dates, labels and French typography ----------------------------------


def test_date_then_opener_then_one_name() -> None:
    assert dateline_names("06.11.2023 13:30 von Olga") == ["Olga"]
    assert dateline_names("1. Januar 2016 von Jane Doe 1 Kommentar") is None
    assert dateline_names("11.12.2019 Berlin") is None


def test_french_spaced_colon_and_credit_labels_open_a_byline() -> None:
    assert byline_names("Auteur : Kossivi Tiassou") == ["Kossivi Tiassou"]
    assert byline_names("Text & Fotos: Ivan Valetny") == ["Ivan Valetny"]
    assert byline_names("Fotos: Ivan Valetny") is None


def test_run_of_labelled_fields_is_not_a_byline() -> None:
    line = "Auteur : Auteur(s) : Les Membres Destinataire(s) : M. Jean Roy, Ministre de la Culture"
    assert byline_names(line) is None


def test_lower_case_phrase_before_capitalised_words_is_not_a_name() -> None:
    names = normalise_authors(["Isabel Caro, Rocío Latorre y diputados del FA La Tercera"])
    assert names == ["Isabel Caro", "Rocío Latorre"]


# --- bylines in posts, profile links and comments -------------------------------------


def test_byline_in_a_blog_post_footer_inside_a_widget() -> None:
    html = (
        "<html><head><title>Tach auch</title></head><body>"
        '<div class="widget Blog"><div class="post hentry"><h3>Tach auch</h3>'
        f'<div class="post-body">{_paragraphs(6)}</div>'
        '<div class="post-footer"><span class="post-author vcard">Eingestellt von '
        '<span class="fn">der Michel</span></span></div></div></div></body></html>'
    )
    assert _authors(html)[0] == ["der Michel"]


def test_byline_of_a_short_teaser_card_is_not_the_page_author() -> None:
    html = (
        "<html><head><title>Tach auch</title></head><body>"
        f"<main><h1>Tach auch</h1>{_paragraphs(6)}</main>"
        '<div class="widget"><article><h3>Another story</h3><p>Short teaser.</p>'
        '<div class="post-footer"><span class="post-author">Eingestellt von Jane Doe</span>'
        "</div></article></div></body></html>"
    )
    soup = parse_html(html)
    assert signed_off_names(soup, PageTree(soup)) == []


def test_profile_link_whose_text_is_the_name_it_spells() -> None:
    html = _page('<a href="/autoren/kathrin-fuehres-684124">© Kathrin Führes Kathrin Führes</a>')
    assert _authors(html) == (["Kathrin Führes"], "signoff")


def test_profile_link_with_other_text_names_no_one() -> None:
    assert _authors(_page('<a href="/autoren/kathrin-fuehres/">Alle Artikel</a>'))[0] == []


def test_comment_author_is_not_the_writer() -> None:
    html = _page(
        after='<span class="comment-author-link"><a href="https://x.example">flappy bird</a>'
        "</span><p>Posted by Konstantin</p>"
    )
    assert _authors(html)[0] == ["Konstantin"]


def test_outlet_with_its_town_is_the_outlet_and_gives_way_to_its_desk_credit() -> None:
    head = '<meta name="author" content="hessenschau.de, Frankfurt, Germany">'
    url = "https://www.hessenschau.de/kultur/story-100.html"
    alone = _page(head=head, site="hessenschau.de")
    assert _authors(alone, url)[0] == ["Hessenschau.de"]
    credited = _page(head=head, after="<p>Quelle: hessenschau.de/bb</p>", site="hessenschau.de")
    assert _authors(credited, url) == (["hessenschau.de/bb"], "credit")
