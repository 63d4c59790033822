"""Hostile articles through the real pipeline (scraper, index, pages) and hostile requests."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from urllib.parse import quote

import pytest
from flask.testing import FlaskClient

from crawl_cache import CrawlCache, import_paths
from indexer import reindex
from search_web import create_app
from search_web.service import close_search_service
from search_web.settings import Settings

SCRIPT = "<script>alert('pwned')</script>"
HOSTILE_PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Pier collapse {SCRIPT}</title>
<link rel="canonical" href="https://probe.example/news/pier-collapse">
<meta property="og:image" content="javascript:alert('image')">
<script type="application/ld+json">{{"@type": "NewsArticle",
 "headline": "Pier collapse <img src=x onerror=alert('headline')>",
 "author": {{"@type": "Person", "name": "<svg onload=alert('author')>Jo Marsh"}},
 "datePublished": "2024-04-02T09:00:00Z",
 "url": "javascript:alert('url')",
 "image": "javascript:alert('ldimage')"}}</script>
</head><body><article><h1>Pier collapse</h1>
<p class="byline">By <a href="javascript:alert('byline')">Jo Marsh</a></p>
<p>The old pier collapsed into the harbour at dawn &lt;script&gt;alert('escaped')&lt;/script&gt;
and fishermen said the pier had been closed for months before the collapse.</p>
<p>Engineers will inspect the pier pilings {SCRIPT} on Monday, the harbour office said,
and the pier will stay closed <iframe src="javascript:alert('frame')"></iframe> all summer.</p>
<p onmouseover="alert('attr')">Residents asked the council to rebuild the pier quickly.</p>
</article></body></html>
"""
RECORD = {
    "id": "probe-record",
    "url": "https://probe.example/news/record",
    "canonical_url": "javascript:alert('canonical')",
    "headline": "Harbour pier record </title><script>alert('record')</script>",
    "authors": ['"><script>alert("author")</script>'],
    "image": "javascript:alert('recimage')",
    "body": "The pier record notes <b onclick=alert(1)>bold</b> claims about the pier.\n\n"
    "A second pier paragraph ends with ]]></script><script>alert('cdata')</script>.",
}

BENCH = Path(__file__).resolve().parents[2] / "bench" / "query_probes.py"


def _load_probes() -> ModuleType:
    spec = importlib.util.spec_from_file_location("query_probes", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


live_markup = _load_probes().live_markup


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FlaskClient]:
    root = tmp_path_factory.mktemp("probes")
    (root / "in").mkdir()
    (root / "in" / "pier.html").write_text(HOSTILE_PAGE, encoding="utf-8")
    (root / "in" / "records.jsonl").write_text(json.dumps(RECORD) + "\n", encoding="utf-8")
    data = root / "data"
    with CrawlCache.open(data / "cache.sqlite3") as cache:
        assert import_paths(cache, [root / "in"]).added == 2
    assert reindex(data / "cache.sqlite3", data / "index", full=True).documents == 2
    app = create_app(Settings(data_dir=data))
    yield app.test_client()
    close_search_service(app)


def _assert_inert(text: str, where: str) -> None:
    # JSON answers carry no markup at all (< and > are escaped); pages are parsed as HTML.
    if text.lstrip().startswith(("{", "[")):
        assert "<" not in text and ">" not in text, where
    else:
        assert live_markup(text) == [], where


def test_the_markup_finder_sees_live_markup() -> None:
    assert live_markup("<p onclick=x>a</p><a href=' javascript:x'>b</a><script>go()</script>")
    assert len(live_markup(SCRIPT)) == 1
    assert live_markup('<input value="&lt;img src=x onerror=alert(1)&gt;">') == []
    assert live_markup('<script src="/static/app.js" defer></script>') == []


def _article_ids(client: FlaskClient) -> list[str]:
    hits = client.get("/api/search?q=pier&copies=0").get_json()["results"]
    return [hit["id"] for hit in hits]


def test_both_hostile_articles_are_indexed(client: FlaskClient) -> None:
    assert len(_article_ids(client)) == 2


@pytest.mark.parametrize(
    "url",
    [
        "/search?q=pier",
        "/search?q=pier&sort=newest",
        "/search?q=script+alert",
        "/search?q=pwned",
        "/search?q=pier&author=%3Csvg+onload%3Dalert(1)%3EJo+Marsh",
        "/search.atom?q=pier",
        "/feed.xml",
        "/api/search?q=pier",
    ],
)
def test_hostile_articles_render_inert(client: FlaskClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code in (200, 404)
    _assert_inert(response.get_data(as_text=True), url)


def test_article_pages_render_inert(client: FlaskClient) -> None:
    for article_id in _article_ids(client):
        for url in (f"/articles/{article_id}", f"/api/articles/{article_id}"):
            response = client.get(url)
            assert response.status_code == 200, url
            _assert_inert(response.get_data(as_text=True), url)


@pytest.mark.parametrize(
    "query",
    [
        SCRIPT,
        '"><script>alert(1)</script>',
        "' onmouseover='alert(1)",
        "javascript:alert(1)",
        "</title><script>alert(1)</script>",
        "pier <img src=x onerror=alert(1)>",
    ],
)
@pytest.mark.parametrize("param", ["q", "source", "author", "section", "from", "sort"])
def test_reflected_parameters_are_escaped(client: FlaskClient, query: str, param: str) -> None:
    for path in ("/search", "/api/search", "/"):
        response = client.get(f"{path}?{param}={quote(query, safe='')}")
        assert response.status_code in (200, 400)
        _assert_inert(response.get_data(as_text=True), f"{path} {param}={query}")


@pytest.mark.parametrize(
    "url",
    [
        "/search?q=pier%0d%0aX-Injected:%201",
        "/search?q=pier&source=%0d%0aSet-Cookie:%20a=b",
        "/api/search?q=%0aLocation:%20https://evil.example",
        "/articles/x%0d%0aX-Injected:1",
    ],
)
def test_header_injection_goes_nowhere(client: FlaskClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code in (200, 400, 404)
    assert "X-Injected" not in response.headers
    assert "Set-Cookie" not in response.headers
    assert "evil.example" not in response.headers.get("Location", "")


@pytest.mark.parametrize(
    "url",
    [
        "/articles/..%2f..%2f..%2fetc%2fpasswd",
        "/articles/../../etc/passwd",
        "/api/articles/..%2F..%2Fcache.sqlite3",
        "/api/articles/%2e%2e",
        "/articles/%00",
        "/static/..%2f..%2fapp.py",
        "/static/%2e%2e/app.py",
        "/static/../../../etc/passwd",
        "/articles/" + "a" * 5000,
    ],
)
def test_path_traversal_finds_nothing(client: FlaskClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code in (400, 404)
    body = response.get_data(as_text=True)
    assert "root:" not in body and "def create_app" not in body and "SQLite" not in body
    assert response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
