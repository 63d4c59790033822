"""The Atom feed of a search and the OpenSearch description."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import feedparser
import pytest
from flask import Flask
from flask.testing import FlaskClient

from indexer.search_types import SortOrder
from search_web.feeds import atom_time, xml_text
from tests.search_web.web_fakes import MARKUP, FakeSearchService

ATOM = "{http://www.w3.org/2005/Atom}"
OPENSEARCH = "{http://a9.com/-/spec/opensearch/1.1/}"
PINNED = datetime(2024, 6, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def pinned_app(app: Flask) -> Flask:
    app.config["BROADSHEET_CLOCK"] = lambda: PINNED
    return app


def _feed(client: FlaskClient, url: str) -> tuple[bytes, feedparser.FeedParserDict]:
    response = client.get(url)
    assert response.status_code == 200
    assert response.mimetype == "application/atom+xml"
    body = response.get_data()
    return body, feedparser.parse(body)


def test_search_feed_is_valid_atom_with_every_required_element(
    pinned_app: Flask, client: FlaskClient, search_service: FakeSearchService
) -> None:
    body, parsed = _feed(client, "/search.atom?q=strike&section=Business")
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    feed = parsed.feed
    assert feed.id and feed.title == "Broadsheet: strike" and feed.updated
    self_links = [link for link in feed.links if link.rel == "self"]
    assert self_links and self_links[0].href.endswith("/search.atom?q=strike&section=Business")
    assert parsed.entries
    for entry in parsed.entries:
        assert entry.id.startswith("http://localhost/articles/")
        assert entry.title and entry.updated and entry.summary
        assert entry.link == entry.id
        assert entry.author
    sent = search_service.requests[-1]
    assert sent.sort == SortOrder.NEWEST and sent.sections == ("Business",)
    root = ET.fromstring(body)
    assert root.tag == f"{ATOM}feed"
    for entry in root.iter(f"{ATOM}entry"):
        for name in ("id", "title", "updated", "link", "summary", "author"):
            assert entry.find(f"{ATOM}{name}") is not None, name


def test_feed_entries_are_newest_first_with_rfc3339_times(
    pinned_app: Flask, client: FlaskClient
) -> None:
    _body, parsed = _feed(client, "/search.atom")
    stamps = [entry.updated_parsed for entry in parsed.entries]
    assert len(stamps) == 20 and stamps == sorted(stamps, reverse=True)
    assert parsed.feed.updated_parsed == stamps[0]
    assert parsed.feed.title == "Broadsheet: latest articles"


def test_feed_escapes_markup_in_article_data(pinned_app: Flask, client: FlaskClient) -> None:
    body, parsed = _feed(client, "/search.atom?q=paragraph")
    assert not parsed.bozo
    titles = [entry.title for entry in parsed.entries]
    assert MARKUP.headline in titles
    assert b"<script>" not in body and b"&lt;script&gt;" in body


def test_empty_feed_is_still_valid(pinned_app: Flask, client: FlaskClient) -> None:
    _body, parsed = _feed(client, "/search.atom?q=nothingmatchesthis")
    assert not parsed.bozo and parsed.entries == []
    assert parsed.feed.updated == "2024-06-01T12:00:00Z"


def test_feed_refuses_bad_parameters_like_the_page(client: FlaskClient) -> None:
    response = client.get("/search.atom?from=yesterday")
    assert response.status_code == 400


def test_atom_time_reads_dates_and_zoneless_times_as_utc() -> None:
    assert atom_time("2024-05-02", PINNED) == "2024-05-02T00:00:00Z"
    assert atom_time("2024-05-02T09:30:00", PINNED) == "2024-05-02T09:30:00Z"
    assert atom_time("2024-05-02T09:30:00+01:00", PINNED) == "2024-05-02T09:30:00+01:00"
    assert atom_time(None, PINNED) == "2024-06-01T12:00:00Z"
    assert atom_time("not a date", PINNED) == "2024-06-01T12:00:00Z"


def test_xml_text_drops_characters_xml_cannot_carry() -> None:
    assert xml_text("a\x00b\x1fc\td") == "abc\td"
    assert xml_text(None) == ""


def test_opensearch_description_is_linked_and_well_formed(client: FlaskClient) -> None:
    page = client.get("/").get_data(as_text=True)
    assert (
        '<link rel="search" type="application/opensearchdescription+xml" title="Broadsheet"'
        ' href="/opensearch.xml">' in page
    )
    response = client.get("/opensearch.xml")
    assert response.mimetype == "application/opensearchdescription+xml"
    root = ET.fromstring(response.get_data())
    assert root.tag == f"{OPENSEARCH}OpenSearchDescription"
    assert root.findtext(f"{OPENSEARCH}ShortName") == "Broadsheet"
    templates = {url.get("type"): url.get("template") for url in root.iter(f"{OPENSEARCH}Url")}
    assert templates["text/html"] == "http://localhost/search?q={searchTerms}"
    assert templates["application/atom+xml"] == "http://localhost/search.atom?q={searchTerms}"


def test_results_page_advertises_its_feed(client: FlaskClient) -> None:
    page = client.get("/search?q=strike&sort=oldest&page=2").get_data(as_text=True)
    assert (
        '<link rel="alternate" type="application/atom+xml" title="Newest results as an Atom feed"'
        ' href="/search.atom?q=strike">' in page
    )
