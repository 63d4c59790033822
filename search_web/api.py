"""The JSON API: search, autocomplete, single articles and a health check for monitors."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from flask import Blueprint, Response, abort, jsonify, request, url_for

from indexer.errors import IndexNotFound
from search_web.errors import INDEX_MISSING_MESSAGE, REINDEX_HINT
from search_web.formatting import is_valid_article_id
from search_web.params import ParameterError, parse_search_request
from search_web.serialize import plain_data, search_result_to_dict
from search_web.service import get_search_service

bp = Blueprint("api", __name__)


@bp.get("/api/search")
def search() -> Response:
    """The same search as the results page, as JSON."""
    search_request = parse_search_request(request.args)
    result = get_search_service().search(search_request)
    return jsonify(search_result_to_dict(result))


MAX_SUGGEST_PREFIX = 100
DEFAULT_SUGGESTIONS = 8
MAX_SUGGESTIONS = 20


@bp.get("/api/suggest")
def suggest() -> Response:
    """Completions for what has been typed so far: ``q`` (the prefix), ``limit`` (1-20)."""
    prefix = " ".join(request.args.get("q", "").split())[:MAX_SUGGEST_PREFIX]
    raw_limit = request.args.get("limit", "").strip()
    if raw_limit and (not raw_limit.isdigit() or not 1 <= int(raw_limit) <= MAX_SUGGESTIONS):
        raise ParameterError(f"limit must be a whole number from 1 to {MAX_SUGGESTIONS}")
    limit = int(raw_limit) if raw_limit else DEFAULT_SUGGESTIONS
    found = get_search_service().suggest(prefix, limit) if prefix else ()
    return jsonify({"query": prefix, "suggestions": list(found)})


@bp.get("/api/articles/<article_id>")
def article(article_id: str) -> Response:
    """One article as its full record."""
    if not is_valid_article_id(article_id):
        abort(404, "Article ids contain only letters and digits.")
    found = get_search_service().get_article(article_id)
    if found is None:
        abort(404, "No article has that id.")
    return jsonify(found.to_dict())


@bp.get("/healthz")
def health() -> Response:
    """200 with index figures when search works; 503 while there is no index."""
    try:
        stats = get_search_service().stats()
    except IndexNotFound:
        response = jsonify(
            {"status": "unavailable", "message": INDEX_MISSING_MESSAGE, "hint": REINDEX_HINT}
        )
        response.status_code = 503
    else:
        response = jsonify(
            {
                "status": "ok",
                "articles": stats.articles,
                "generation": plain_data(stats.generation),
                "last_reindex_at": plain_data(stats.last_reindex_at),
            }
        )
    # Monitors must see the state now, not a cached answer.
    response.headers["Cache-Control"] = "no-store"
    return response


# Kept with the static files so it ships as package data.
OPENAPI_FILE = "static/openapi.json"


@cache
def openapi_document() -> dict[str, Any]:
    """The API description shipped with the package (read once)."""
    text = resources.files("search_web").joinpath(OPENAPI_FILE).read_text(encoding="utf-8")
    return json.loads(text)


@bp.get("/api/openapi.json")
def openapi() -> Response:
    """The OpenAPI 3.1 description of this API, pointing at the server that serves it."""
    document = dict(openapi_document())
    document["servers"] = [{"url": url_for("pages.home", _external=True).rstrip("/") or "/"}]
    return jsonify(document)
