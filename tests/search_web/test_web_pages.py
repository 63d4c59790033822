"""The HTML pages over a fake search service: home, results, article, and their safety."""

from __future__ import annotations

import html
import re
from urllib.parse import parse_qs, urlsplit

from flask.testing import FlaskClient

from indexer.search_types import SortOrder
from tests.search_web.web_fakes import MARKUP, PORT_STRIKE, FakeSearchService


def _page(client: FlaskClient, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    assert response.mimetype == "text/html"
    return response.get_data(as_text=True)


def _hrefs(page: str) -> list[str]:
    return [html.unescape(href) for href in re.findall(r'href="([^"]*)"', page)]


def _query(href: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(href).query)


def test_home_has_landmarks_search_box_and_newest_articles(
    client: FlaskClient, search_service: FakeSearchService
) -> None:
    page = _page(client, "/")
    assert '<html lang="en">' in page
    for landmark in ("<header", "<nav", "<main", "<footer"):
        assert landmark in page
    assert 'name="q"' in page and 'type="search"' in page
    assert '<label class="search-label" for="q">' in page
    # Browse mode asks for the newest articles and lists them in that order.
    assert search_service.requests[-1].sort == SortOrder.NEWEST
    assert search_service.requests[-1].query == ""
    assert page.index("Harbour strike halts port traffic") < page.index("Flood defences tested")
    assert "/static/broadsheet.css" in page


def test_search_renders_ranked_hits_with_highlights(client: FlaskClient) -> None:
    page = _page(client, "/search?q=strike")
    assert 'value="strike"' in page
    assert "<mark>strike</mark>" in page
    assert "2 results" in page
    assert "ms" in page
    assert f'href="/articles/{PORT_STRIKE.id}"' in page
    assert "Northern Courier" in page
    assert "Ada Penrose and Tom Quill" in page
    assert "2 May 2024" in page
    # Ranked: the harbour story mentions "strike" more often than the rail story.
    assert page.index("Harbour strike halts") < page.index("Rail strike called off")


def test_search_passes_every_parameter_to_the_service(
    client: FlaskClient, search_service: FakeSearchService
) -> None:
    _page(
        client,
        "/search?q=port&source=Northern+Courier&section=Business&section=Weather"
        "&author=Ada+Penrose&from=2024-01-01&to=2024-12-31&sort=newest&page=1&per_page=5",
    )
    request = search_service.requests[-1]
    assert request.query == "port"
    assert request.sources == ("Northern Courier",)
    assert request.sections == ("Business", "Weather")
    assert request.authors == ("Ada Penrose",)
    assert str(request.date_from) == "2024-01-01" and str(request.date_to) == "2024-12-31"
    assert request.sort == SortOrder.NEWEST
    assert request.page_size == 5


def test_facet_links_add_and_remove_filters_keeping_the_query(client: FlaskClient) -> None:
    page = _page(client, "/search?q=strike&sort=newest")
    add_links = [href for href in _hrefs(page) if "source=Northern+Courier" in href]
    assert add_links, "the source facet should offer a link"
    params = _query(add_links[0])
    assert params["q"] == ["strike"] and params["sort"] == ["newest"]
    assert "page" not in params

    filtered = _page(client, add_links[0])
    assert "Source: Northern Courier" in filtered
    removal = [
        href
        for href in _hrefs(filtered)
        if href.startswith("/search") and "source" not in _query(href) and "q=strike" in href
    ]
    assert removal, "a selected filter should be removable"
    assert all(_query(href).get("sort") == ["newest"] for href in removal)


def test_pagination_links_keep_other_parameters(client: FlaskClient) -> None:
    page = _page(client, "/search?q=market&section=Markets&per_page=10")
    assert "25 results" in page
    next_links = re.findall(r'href="([^"]*)" rel="next"', page)
    assert len(next_links) == 1
    params = _query(html.unescape(next_links[0]))
    assert params == {"q": ["market"], "section": ["Markets"], "page": ["2"], "per_page": ["10"]}
    last = _page(client, "/search?q=market&section=Markets&per_page=10&page=3")
    assert 'rel="next"' not in last
    assert 'aria-current="page"' in last and ">3</a>" in last
    assert 'start="21"' in last


def test_sort_toggle_and_date_form_keep_the_search(client: FlaskClient) -> None:
    page = _page(client, "/search?q=strike&source=Northern+Courier&from=2024-01-01")
    newest = [href for href in _hrefs(page) if "sort=newest" in href and "q=strike" in href]
    assert newest and _query(newest[0])["source"] == ["Northern Courier"]
    assert _query(newest[0])["from"] == ["2024-01-01"]
    # The date form carries the other choices as hidden fields, but not the dates themselves.
    form = page[page.index('class="date-form"') :]
    form = form[: form.index("</form>")]
    assert '<input type="hidden" name="q" value="strike">' in form
    assert '<input type="hidden" name="source" value="Northern Courier">' in form
    assert 'type="hidden" name="from"' not in form
    assert 'value="2024-01-01"' in form


def test_suggestion_and_notice_are_shown(
    client: FlaskClient, search_service: FakeSearchService
) -> None:
    search_service.suggestion = "strike"
    search_service.notice = "Some words were too common and were left out."
    page = _page(client, "/search?q=strkie&sort=newest")
    assert "Did you mean" in page
    suggestion_links = [href for href in _hrefs(page) if _query(href).get("q") == ["strike"]]
    assert suggestion_links and _query(suggestion_links[0])["sort"] == ["newest"]
    assert "Some words were too common and were left out." in page


def test_no_results_gives_a_friendly_empty_state(client: FlaskClient) -> None:
    page = _page(client, "/search?q=zeppelin&source=Valley+Gazette")
    assert "0 results" in page
    assert "No articles match" in page
    assert "Remove a filter" in page
    assert "<mark>" not in page


# The one script the pages load: an external file, so the CSP needs no inline allowance.
APP_SCRIPT = '<script src="/static/suggest.js" defer>'


def _script_tags(page: str) -> list[str]:
    return re.findall(r"<script\b[^>]*>", page)


def test_script_in_query_is_escaped(client: FlaskClient) -> None:
    probe = "<script>alert(1)</script>"
    page = _page(client, "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E")
    assert probe not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert _script_tags(page) == [APP_SCRIPT]


def test_markup_in_article_data_is_escaped_everywhere(client: FlaskClient) -> None:
    for url in ("/search?q=paragraph", f"/articles/{MARKUP.id}", "/"):
        page = _page(client, url)
        assert _script_tags(page) == [APP_SCRIPT]
        assert "<img src=x" not in page
        assert "<b>bold</b>" not in page
        assert "<i>Sneaky</i>" not in page
    article_page = _page(client, f"/articles/{MARKUP.id}")
    escaped_headline = "&lt;script&gt;alert(&#39;headline&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold"
    assert escaped_headline in article_page
    assert "&lt;a href=x&gt;paragraph&lt;/a&gt;" in article_page


def test_javascript_urls_never_become_links(client: FlaskClient) -> None:
    page = _page(client, f"/articles/{MARKUP.id}")
    assert "javascript:" not in " ".join(_hrefs(page)).lower()
    assert 'src="javascript:' not in page
    assert "Read the original" not in page
    assert "<code>javascript:alert(1)</code>" in page


def test_article_page_shows_the_clean_article(client: FlaskClient) -> None:
    page = _page(client, f"/articles/{PORT_STRIKE.id}")
    assert "<h1" in page and "Harbour strike halts port traffic</h1>" in page
    assert "Dock workers walked out at dawn over pay." in page
    byline = re.sub(r"<[^>]+>", "", re.search(r'<span class="meta-authors">.*?</span>', page)[0])
    assert byline == "By Ada Penrose and Tom Quill"
    assert 'href="/search?author=Ada+Penrose&amp;sort=newest"' in page
    assert "2 May 2024, 09:30 UTC+01:00" in page
    assert "Updated" in page and "13:15" in page
    assert page.count("<p>") >= 3
    assert "Union leaders said the strike would last two days" in page
    assert "Cranes stand idle at the harbour." in page
    assert "Pickets outside the dock gates." in page
    assert "labour" in page and "Business" in page
    assert f'href="{PORT_STRIKE.url}"' in page
    assert 'src="https://courier.example/images/cranes.jpg"' in page
    # Related reading comes from the service, never the article itself.
    assert "Related articles" in page
    assert 'href="/articles/c3d4e5f607182930"' in page


def test_updated_is_hidden_when_it_equals_published(client: FlaskClient) -> None:
    page = _page(client, "/articles/b2c3d4e5f6071829")
    assert "Flood defences tested as river rises" in page
    assert "Updated" not in page
    assert "Published" in page and "20 April 2024" in page


def test_unknown_article_is_a_404_page(client: FlaskClient) -> None:
    page = _page(client, "/articles/ffffffffffffffff", status=404)
    assert "No article has that id" in page
    assert "Traceback" not in page


def test_malformed_article_id_is_refused_before_lookup(
    client: FlaskClient, search_service: FakeSearchService
) -> None:
    for bad in ("abc-def", "a.b", "%3Cscript%3E", "x" * 65, "abc%27--"):
        _page(client, f"/articles/{bad}", status=404)
    assert search_service.looked_up == []


def test_unknown_page_is_a_404_page(client: FlaskClient) -> None:
    page = _page(client, "/no/such/page", status=404)
    assert "There is nothing at this address" in page
    assert 'name="q"' in page
