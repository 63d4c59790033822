"""Article or index page? Heuristics over the URL's shape and the page's own signals (pure)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import lxml.html  # type: ignore[import-untyped]
from lxml import etree  # type: ignore[import-untyped]

from crawl_cache.crawler.urls import path_of

ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "blogposting",
        "liveblogposting",
        "report",
    }
)
INDEX_TYPES = frozenset({"website", "collectionpage", "webpage", "itemlist", "profilepage"})
INDEX_SEGMENTS = frozenset(
    {
        "tag",
        "tags",
        "topic",
        "topics",
        "section",
        "sections",
        "category",
        "categories",
        "author",
        "authors",
        "page",
        "archive",
        "archives",
        "search",
        "index",
        "feed",
        "latest",
    }
)
LONG_TEXT_CHARS = 1200

_DATE_IN_PATH = re.compile(r"/(19|20)\d{2}[/-](0?[1-9]|1[0-2])([/-](0?[1-9]|[12]\d|3[01]))?(/|-|$)")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+){3,}")
_ARTICLE_ID = re.compile(r"(^|[/-])(\d{5,}|[a-z]*\d{6,})(\.html?)?$")


@dataclass(frozen=True, slots=True)
class PageClass:
    """The verdict and the evidence for it (for logs and tests)."""

    is_article: bool
    score: int
    signals: tuple[str, ...]


def url_signals(url: str) -> list[tuple[str, int]]:
    """Evidence from the URL alone: dates and slugs say article; tag/section paths say index."""
    path = path_of(url).lower()
    segments = [segment for segment in path.split("/") if segment]
    signals: list[tuple[str, int]] = []
    if not segments:
        return [("front page", -4)]
    if _DATE_IN_PATH.search(path):
        signals.append(("date in path", 2))
    last = segments[-1].rsplit(".", 1)[0]
    if _SLUG.fullmatch(last):
        signals.append(("slug", 2))
    if _ARTICLE_ID.search(segments[-1]):
        signals.append(("article id", 1))
    if any(segment in INDEX_SEGMENTS for segment in segments):
        signals.append(("index path", -3))
    if len(segments) == 1 and not _SLUG.fullmatch(last):
        signals.append(("top-level path", -2))
    return signals


def url_looks_like_article(url: str) -> bool:
    """A guess before fetching, used to fetch likely articles first."""
    return sum(weight for _, weight in url_signals(url)) > 0


def classify_page(url: str, body: bytes) -> PageClass:
    """Decide whether an HTML page is an article, from its URL and its markup."""
    signals = url_signals(url)
    try:
        root = lxml.html.document_fromstring(body) if body.strip() else None
    except (etree.ParserError, ValueError):
        root = None
    if root is not None:
        signals += _markup_signals(root)
    score = sum(weight for _, weight in signals)
    return PageClass(score > 0, score, tuple(name for name, _ in signals))


def _markup_signals(root: lxml.html.HtmlElement) -> list[tuple[str, int]]:
    signals: list[tuple[str, int]] = []
    og_types = [str(v).strip().lower() for v in root.xpath("//meta[@property='og:type']/@content")]
    if any(value == "article" or value.startswith("article") for value in og_types):
        signals.append(("og:type article", 3))
    elif any(value in INDEX_TYPES for value in og_types):
        signals.append(("og:type website", -2))
    types = _jsonld_types(root)
    if types & ARTICLE_TYPES:
        signals.append(("json-ld article", 4))
    elif types & INDEX_TYPES and not types & ARTICLE_TYPES:
        signals.append(("json-ld listing", -2))
    if root.xpath("//meta[@property='article:published_time']"):
        signals.append(("article:published_time", 2))
    paragraphs = [p.text_content().strip() for p in root.xpath("//p")]
    long_paragraphs = [p for p in paragraphs if len(p) >= 80]
    text_chars = sum(len(p) for p in long_paragraphs)
    if text_chars >= LONG_TEXT_CHARS and len(long_paragraphs) >= 3:
        signals.append(("long text", 2))
    elif text_chars < 300:
        signals.append(("little text", -1))
    link_count = len(root.xpath("//a[@href]"))
    if link_count >= 20 and text_chars < 40 * link_count:
        signals.append(("many links", -2))
    if len(root.xpath("//article")) >= 3:
        signals.append(("many article teasers", -2))
    return signals


def _jsonld_types(root: lxml.html.HtmlElement) -> set[str]:
    found: set[str] = set()
    for script in root.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text_content() or "null")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kind = item.get("@type")
                kinds = kind if isinstance(kind, list) else [kind]
                found.update(str(k).lower() for k in kinds if k)
                if "@graph" in item:
                    stack.append(item["@graph"])
    return found
