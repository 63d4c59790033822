"""Error handling: every failure becomes a friendly page or a JSON error, never a traceback."""

from __future__ import annotations

import logging

from flask import Flask, Response, jsonify, make_response, render_template, request
from werkzeug.exceptions import HTTPException

from indexer.errors import IndexerError, IndexNotFound, InvalidRequest
from search_web.params import ParameterError

log = logging.getLogger(__name__)

REINDEX_HINT = "broadsheet reindex --full"
INDEX_MISSING = "The search index has not been built yet."
INDEX_MISSING_MESSAGE = f"{INDEX_MISSING} Run `{REINDEX_HINT}` to build it."

# What readers see instead of Werkzeug's stock wording, which is written for developers.
_FRIENDLY_MESSAGES = {
    400: "That request could not be understood.",
    404: "There is nothing at this address. It may have moved, or the link may be mistyped.",
    405: "That kind of request is not supported here.",
    500: "Something went wrong on our side. Please try again in a moment.",
    503: "Search is not available right now. Please try again in a moment.",
}


def wants_json() -> bool:
    """True for the JSON API and the health check, whose clients expect JSON errors."""
    return request.path.startswith("/api/") or request.path == "/healthz"


def error_response(status: int, title: str, message: str, *, hint: str | None = None) -> Response:
    """Render one error as JSON or as the HTML error page."""
    if wants_json():
        error: dict[str, object] = {"status": status, "title": title, "message": message}
        if hint:
            error["message"] = f"{message} Run `{hint}` to fix this."
            error["hint"] = hint
        response = jsonify({"error": error})
    else:
        response = make_response(
            render_template(
                "errors/error.html", status=status, title=title, message=message, hint=hint
            )
        )
    response.status_code = status
    return response


def _message_for(error: HTTPException) -> str:
    code = error.code or 500
    description = error.description
    # A description set where the error was raised is meant for the reader; the class
    # default is Werkzeug's wording.
    if description and description != type(error).description and code != 500:
        return description
    return _FRIENDLY_MESSAGES.get(code, description or "The request failed.")


def handle_http_exception(error: HTTPException) -> Response:
    # Flask has already logged the traceback of an unhandled error; the reader never sees it.
    code = error.code or 500
    response = error_response(code, error.name, _message_for(error))
    # Keep protocol headers such as Allow on 405 answers.
    for name, value in error.get_headers():
        if name.lower() != "content-type":
            response.headers[name] = value
    return response


def handle_parameter_error(error: ParameterError) -> Response:
    return error_response(400, "Bad Request", str(error))


def handle_invalid_request(error: InvalidRequest) -> Response:
    return error_response(400, "Bad Request", str(error) or _FRIENDLY_MESSAGES[400])


def handle_index_not_found(error: IndexNotFound) -> Response:
    log.warning("search requested but there is no index: %s", error)
    return error_response(503, "Index not built", INDEX_MISSING, hint=REINDEX_HINT)


def handle_index_failure(error: IndexerError) -> Response:
    # A damaged or unreadable index is an outage to readers, not their mistake.
    log.error("search index failed: %s", error)
    return error_response(503, "Search unavailable", _FRIENDLY_MESSAGES[503])


def register_error_handlers(app: Flask) -> None:
    """Map Broadsheet's exceptions and HTTP errors to answers, once for the whole app."""
    app.register_error_handler(ParameterError, handle_parameter_error)
    app.register_error_handler(InvalidRequest, handle_invalid_request)
    app.register_error_handler(IndexNotFound, handle_index_not_found)
    app.register_error_handler(IndexerError, handle_index_failure)
    app.register_error_handler(HTTPException, handle_http_exception)
