"""The JSON API, the health check, error answers and security headers."""

from __future__ import annotations

import re

import pytest
from flask import Flask
from flask.testing import FlaskClient

from indexer.errors import IndexCorrupt, IndexNotFound, InvalidRequest
from search_web import create_app
from search_web.settings import Settings
from tests.search_web.web_fakes import MARKUP, PORT_STRIKE, FakeSearchService

HIT_KEYS = {
    "id", "url", "headline", "source", "authors", "published", "section",
    "description", "snippet", "snippet_html", "score", "language", "copies",
}  # fmt: skip


def test_api_search_shape(client: FlaskClient) -> None:
    response = client.get("/api/search?q=strike&per_page=1")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    data = response.get_json()
    assert data["query"] == "strike"
    assert data["total"] == 2
    assert data["page"] == 1 and data["per_page"] == 1 and data["pages"] == 2
    assert data["suggestion"] is None and data["notice"] is None
    assert isinstance(data["elapsed_ms"], float)
    assert len(data["results"]) == 1
    hit = data["results"][0]
    assert set(hit) == HIT_KEYS
    assert hit["id"] == PORT_STRIKE.id
    assert hit["authors"] == ["Ada Penrose", "Tom Quill"]
    assert hit["snippet"].startswith("Dock workers began a strike at the harbour")
    assert "<mark>strike</mark>" in hit["snippet_html"]
    sources = {facet["value"]: facet for facet in data["facets"]["source"]}
    assert sources["Northern Courier"] == {
        "value": "Northern Courier",
        "count": 2,
        "selected": False,
    }


def test_api_snippet_html_is_escaped(client: FlaskClient) -> None:
    data = client.get("/api/search?q=first").get_json()
    hit = next(hit for hit in data["results"] if hit["id"] == MARKUP.id)
    assert "<script>" in hit["snippet"]  # plain text stays plain text
    assert "<script>" not in hit["snippet_html"]
    assert "&lt;script&gt;" in hit["snippet_html"]
    assert "<mark>first</mark>" in hit["snippet_html"]


def test_api_search_filters_reach_the_service(
    client: FlaskClient, search_service: FakeSearchService
) -> None:
    data = client.get("/api/search?q=strike&source=Northern+Courier&author=Ada+Penrose").get_json()
    assert [hit["id"] for hit in data["results"]] == [PORT_STRIKE.id]
    assert data["filters"]["source"] == ["Northern Courier"]
    assert search_service.requests[-1].authors == ("Ada Penrose",)


def test_api_article_returns_the_full_record(client: FlaskClient) -> None:
    response = client.get(f"/api/articles/{PORT_STRIKE.id}")
    assert response.status_code == 200
    assert response.get_json() == PORT_STRIKE.to_dict()


@pytest.mark.parametrize("article_id", ["ffffffffffffffff", "not-an-id", "x" * 70])
def test_api_article_missing_or_malformed_is_a_json_404(
    client: FlaskClient, article_id: str
) -> None:
    response = client.get(f"/api/articles/{article_id}")
    assert response.status_code == 404
    assert response.get_json()["error"]["status"] == 404


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("from=2024-13-01", "from must be a real date like 2024-05-01"),
        ("to=yesterday", "to must be a date like 2024-05-01"),
        ("from=2024-05-02&to=2024-05-01", "from must be on or before to"),
        ("sort=oldest-first", "sort must be relevance, newest or oldest"),
        ("page=0", "page must be a whole number from 1 to 100"),
        ("page=abc", "page must be a whole number from 1 to 100"),
        ("page=101", "page must be a whole number from 1 to 100"),
        ("per_page=1000", "per_page must be a whole number from 1 to 50"),
        ("q=" + "a" * 2001, "q must be at most 2000 characters"),
    ],
)
def test_bad_parameters_are_400_with_a_message(
    client: FlaskClient, query: str, message: str
) -> None:
    api = client.get(f"/api/search?{query}")
    assert api.status_code == 400
    assert api.get_json()["error"]["message"] == message
    page = client.get(f"/search?{query}")
    assert page.status_code == 400
    text = page.get_data(as_text=True)
    assert message in text
    assert "Traceback" not in text and 'File "' not in text


def test_service_rejection_is_a_400(client: FlaskClient, search_service: FakeSearchService) -> None:
    search_service.failure = InvalidRequest("page 90 is past the last result")
    response = client.get("/api/search?q=strike&page=90")
    assert response.status_code == 400
    assert response.get_json()["error"]["message"] == "page 90 is past the last result"


def test_health_reports_the_index(client: FlaskClient) -> None:
    response = client.get("/healthz")
    assert response.status_code == 200
    data = response.get_json()
    assert data["status"] == "ok"
    assert data["articles"] == 29
    assert data["generation"] == "g0001"
    assert response.headers["Cache-Control"] == "no-store"


def test_missing_index_is_a_friendly_503(
    client: FlaskClient, search_service: FakeSearchService
) -> None:
    search_service.failure = IndexNotFound("no index at /data/index")
    health = client.get("/healthz")
    assert health.status_code == 503
    assert "broadsheet reindex --full" in health.get_json()["message"]

    api = client.get("/api/search?q=strike")
    assert api.status_code == 503
    assert "broadsheet reindex --full" in api.get_json()["error"]["message"]

    for url in ("/", "/search?q=strike", f"/articles/{PORT_STRIKE.id}"):
        page = client.get(url)
        assert page.status_code == 503
        text = page.get_data(as_text=True)
        assert "has not been built" in text and "broadsheet reindex --full" in text


def test_a_broken_index_is_a_503_without_details(
    client: FlaskClient, search_service: FakeSearchService
) -> None:
    search_service.failure = IndexCorrupt("segment _a1.seg is truncated at /secret/path")
    page = client.get("/search?q=strike")
    assert page.status_code == 503
    assert "Search is not available right now" in page.get_data(as_text=True)
    assert "/secret/path" not in page.get_data(as_text=True)
    api = client.get("/api/search?q=strike")
    assert api.status_code == 503
    assert "/secret/path" not in api.get_data(as_text=True)


def test_unexpected_errors_are_a_500_page_without_details(
    settings: Settings, search_service: FakeSearchService
) -> None:
    search_service.failure = RuntimeError("secret internal detail")
    app = create_app(settings, search_service=search_service)
    app.config.update(PROPAGATE_EXCEPTIONS=False)
    client = app.test_client()
    page = client.get("/search?q=x")
    assert page.status_code == 500
    text = page.get_data(as_text=True)
    assert "Something went wrong" in text
    assert "secret internal detail" not in text and "Traceback" not in text
    api = client.get("/api/search?q=x")
    assert api.status_code == 500
    assert "secret internal detail" not in api.get_data(as_text=True)
    assert api.headers["Content-Security-Policy"]


def test_unknown_api_route_is_json(client: FlaskClient) -> None:
    response = client.get("/api/nothing-here")
    assert response.status_code == 404
    assert response.get_json()["error"]["status"] == 404


def test_wrong_method_is_405_with_allow_header(client: FlaskClient) -> None:
    response = client.post("/api/search")
    assert response.status_code == 405
    assert "GET" in response.headers["Allow"]


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/search?q=strike",
        f"/articles/{PORT_STRIKE.id}",
        "/api/search?q=strike",
        "/healthz",
        "/static/broadsheet.css",
        "/missing",
        "/search?sort=bad",
        "/api/articles/nope-nope",
    ],
)
def test_security_headers_on_every_response(client: FlaskClient, url: str) -> None:
    response = client.get(url)
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"]
    response.close()


def test_templates_need_no_inline_script_or_style(client: FlaskClient) -> None:
    for url in ("/", "/search?q=strike", f"/articles/{PORT_STRIKE.id}", "/missing"):
        text = client.get(url).get_data(as_text=True)
        # Scripts only as external files, loaded without blocking the first paint.
        scripts = re.findall(r"<script\b[^>]*>(.*?)</script>", text, flags=re.S)
        assert text.count("<script") == len(scripts) == 1
        assert scripts == [""]
        assert re.search(r'<script src="/static/[\w.-]+\.js" defer></script>', text)
        assert "<style" not in text
        assert " style=" not in text
        assert " on" + "click=" not in text


def test_injected_service_is_left_open_for_its_owner(
    app: Flask, search_service: FakeSearchService
) -> None:
    from search_web.service import close_search_service

    close_search_service(app)
    assert search_service.closed == 0


def test_api_search_reports_query_features(
    client: FlaskClient, search_service: FakeSearchService
) -> None:
    data = client.get("/api/search?q=strike&lang=en&variants=0&fresh=1&copies=0").get_json()
    sent = search_service.requests[-1]
    assert sent.languages == ("en",)
    assert (sent.variants, sent.fresh, sent.group_copies) == (False, True, False)
    assert data["filters"]["lang"] == ["en"]
    assert data["options"] == {"variants": False, "fresh": True, "copies": False}
    for key in ("variants", "fuzzy", "partial", "timeline", "key_terms"):
        assert key in data
    assert data["timeline"] == {"unit": None, "buckets": []}
    assert all(hit["copies"] == [] for hit in data["results"])


def test_api_suggest_completes_the_last_word(
    client: FlaskClient, search_service: FakeSearchService
) -> None:
    response = client.get("/api/suggest?q=port+str&limit=3")
    assert response.status_code == 200
    data = response.get_json()
    assert data["query"] == "port str"
    assert data["suggestions"] and all(s.startswith("port str") for s in data["suggestions"])
    assert search_service.suggested[-1] == ("port str", 3)


def test_api_suggest_empty_prefix_and_bad_limit(
    client: FlaskClient, search_service: FakeSearchService
) -> None:
    assert client.get("/api/suggest?q=%20").get_json() == {"query": "", "suggestions": []}
    assert search_service.suggested == []
    response = client.get("/api/suggest?q=po&limit=99")
    assert response.status_code == 400
    assert response.get_json()["error"]["message"] == "limit must be a whole number from 1 to 20"
