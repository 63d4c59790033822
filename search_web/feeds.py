"""Feeds for programs and browsers: an Atom feed of any search and the OpenSearch description."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime, time

from flask import Blueprint, Response, make_response, render_template, request, url_for

from indexer.search_types import SortOrder
from search_web.formatting import current_time, parse_iso, snippet_text
from search_web.params import SORT, SearchLinks, parse_search_request
from search_web.service import get_search_service

bp = Blueprint("feeds", __name__)

FEED_SIZE = 20
ATOM_TYPE = "application/atom+xml; charset=utf-8"
OPENSEARCH_TYPE = "application/opensearchdescription+xml; charset=utf-8"

# Characters XML 1.0 cannot carry at all, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_text(value: object) -> str:
    """Text with the characters XML forbids removed (escaping is left to the template)."""
    return _NOT_XML.sub("", "" if value is None else str(value))


def atom_time(value: str | None, fallback: datetime) -> str:
    """An RFC 3339 timestamp as Atom requires; dates and zone-less times are read as UTC."""
    parsed = parse_iso(value)
    if parsed is None:
        moment = fallback
    elif isinstance(parsed, datetime):
        moment = parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)
    else:
        moment = datetime.combine(parsed, time.min, tzinfo=UTC)
    return _rfc3339(moment)


def _rfc3339(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    text = moment.replace(microsecond=0).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def _sort_key(stamp: str) -> datetime:
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))


@bp.get("/search.atom")
def search_atom() -> Response:
    """The newest articles matching a search (same parameters as the results page)."""
    search_request = replace(
        parse_search_request(request.args), sort=SortOrder.NEWEST, page=1, page_size=FEED_SIZE
    )
    result = get_search_service().search(search_request)
    now = current_time()
    entries = [
        {
            "hit": hit,
            "url": url_for("pages.article", article_id=hit.id, _external=True),
            "updated": atom_time(hit.published, now),
            "summary": snippet_text(hit.snippet) or hit.description or "",
        }
        for hit in result.hits
    ]
    updated = max((entry["updated"] for entry in entries), key=_sort_key, default=_rfc3339(now))
    page_links = SearchLinks(url_for("pages.search", _external=True), request.args)
    query = search_request.query
    body = render_template(
        "feeds/search.atom.xml",
        title=f"Broadsheet: {query}" if query else "Broadsheet: latest articles",
        feed_id=request.url,
        self_url=request.url,
        html_url=page_links.with_param(SORT, SortOrder.NEWEST.value),
        updated=updated,
        entries=entries,
    )
    response = make_response(body)
    response.headers["Content-Type"] = ATOM_TYPE
    return response


@bp.get("/opensearch.xml")
def opensearch() -> Response:
    """Lets browsers add Broadsheet as a search engine."""
    body = render_template(
        "feeds/opensearch.xml",
        search_url=url_for("pages.search", _external=True),
        atom_url=url_for("feeds.search_atom", _external=True),
        self_url=url_for("feeds.opensearch", _external=True),
    )
    response = make_response(body)
    response.headers["Content-Type"] = OPENSEARCH_TYPE
    return response


@bp.app_template_filter("xml_text")
def _xml_text_filter(value: object) -> str:
    return xml_text(value)


__all__ = ["atom_time", "bp", "xml_text"]
