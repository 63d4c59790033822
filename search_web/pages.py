"""HTML pages: the home page, search results and the clean article view."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, abort, render_template, request, url_for

from indexer.search import FUZZY_NOTICE, PARTIAL_NOTICE
from indexer.search_types import FacetValue, SearchRequest, SearchResult, SortOrder
from search_web.formatting import current_time, is_valid_article_id
from search_web.params import (
    AUTHOR,
    DATE_FROM,
    DATE_TO,
    LANGUAGE,
    SECTION,
    SORT,
    SOURCE,
    SearchLinks,
    date_presets,
    paginate,
    param_for_facet,
    parse_search_request,
)
from search_web.service import get_search_service
from search_web.timeline_svg import timeline_svg

bp = Blueprint("pages", __name__)

LATEST_ON_HOME = 10
RELATED_LIMIT = 5

_FACET_LABELS = {SOURCE: "Source", SECTION: "Section", AUTHOR: "Author", LANGUAGE: "Language"}
_FACET_ORDER = (SOURCE, SECTION, AUTHOR, LANGUAGE)


@dataclass(frozen=True, slots=True)
class FacetGroup:
    """One facet as the sidebar shows it: a heading, its parameter and its values."""

    label: str
    param: str
    values: tuple[FacetValue, ...]


@dataclass(frozen=True, slots=True)
class ActiveFilter:
    """A filter the reader has applied, with the link that removes it."""

    label: str
    value: str
    remove_url: str


def facet_groups(result: SearchResult) -> list[FacetGroup]:
    """The result's facets that can be used as filters, in a stable order."""
    groups: dict[str, FacetGroup] = {}
    for name, values in result.facets.items():
        param = param_for_facet(name)
        if param is None or param in groups or not values:
            continue
        groups[param] = FacetGroup(_FACET_LABELS[param], param, tuple(values))
    return [groups[param] for param in _FACET_ORDER if param in groups]


def active_filters(search_request: SearchRequest, links: SearchLinks) -> list[ActiveFilter]:
    """Every filter in the request, each removable on its own."""
    chosen: list[ActiveFilter] = []
    for param, values in (
        (SOURCE, search_request.sources),
        (SECTION, search_request.sections),
        (AUTHOR, search_request.authors),
        (LANGUAGE, search_request.languages),
    ):
        for value in values:
            chosen.append(
                ActiveFilter(_FACET_LABELS[param], value, links.without_value(param, value))
            )
    if search_request.date_from:
        chosen.append(
            ActiveFilter(
                "From", search_request.date_from.isoformat(), links.without_value(DATE_FROM)
            )
        )
    if search_request.date_to:
        chosen.append(
            ActiveFilter("To", search_request.date_to.isoformat(), links.without_value(DATE_TO))
        )
    return chosen


def page_notice(result: SearchResult) -> str | None:
    """The result's notice without what the page already says in its own words.

    The page has its own lines for the similar-spelling retry and for partial results.
    """
    notice = result.notice or ""
    for said in (FUZZY_NOTICE if result.fuzzy else "", PARTIAL_NOTICE if result.partial else ""):
        if said:
            notice = notice.replace(said, "")
    return " ".join(notice.split()) or None


@bp.get("/")
def home() -> str:
    """Search box and the newest articles (browse mode)."""
    latest = get_search_service().search(
        SearchRequest(sort=SortOrder.NEWEST, page_size=LATEST_ON_HOME)
    )
    return render_template("pages/home.html", latest=latest)


@bp.get("/search")
def search() -> str:
    """Ranked results with filters, sorting and pagination."""
    search_request = parse_search_request(request.args)
    result = get_search_service().search(search_request)
    links = SearchLinks(url_for("pages.search"), request.args)
    feed_links = SearchLinks(url_for("feeds.search_atom"), request.args)
    return render_template(
        "pages/search.html",
        result=result,
        notice=page_notice(result),
        search=search_request,
        links=links,
        facets=facet_groups(result),
        filters=active_filters(search_request, links),
        pagination=paginate(search_request.page, result.page_count),
        presets=date_presets(current_time().date(), links, search_request),
        timeline=timeline_svg(result.timeline, result.timeline_unit, links.with_dates),
        feed_url=feed_links.without_value(SORT),
    )


@bp.get("/articles/<article_id>")
def article(article_id: str) -> str:
    """One article, cleaned, with a link to the original and related reading."""
    if not is_valid_article_id(article_id):
        abort(404)
    service = get_search_service()
    found = service.get_article(article_id)
    if found is None:
        abort(404, "No article has that id. It may have been removed from the index.")
    related = service.related(article_id, limit=RELATED_LIMIT)
    return render_template("pages/article.html", article=found, related=related)
