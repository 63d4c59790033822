"""The JSON API: search, single articles and a health check for monitors."""

from __future__ import annotations

from flask import Blueprint, Response, abort, jsonify, request

from indexer.errors import IndexNotFound
from search_web.errors import INDEX_MISSING_MESSAGE, REINDEX_HINT
from search_web.formatting import is_valid_article_id
from search_web.params import parse_search_request
from search_web.serialize import plain_data, search_result_to_dict
from search_web.service import get_search_service

bp = Blueprint("api", __name__)


@bp.get("/api/search")
def search() -> Response:
    """The same search as the results page, as JSON."""
    search_request = parse_search_request(request.args)
    result = get_search_service().search(search_request)
    return jsonify(search_result_to_dict(result))


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
