"""Semantic HTML read into `Facts`: <h1>, <title>, <time>, rel=author, bylines, canonical, lang."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from indexer.scrape import rules
from indexer.scrape.dates import find_date
from indexer.scrape.facts import Facts
from indexer.scrape.textutil import clean_value, collapse, dedupe, match_key
from indexer.scrape.tree import PageTree, class_tokens

__all__ = ["article_region", "class_tokens", "markup_facts"]

_PIECES = re.compile(r"[\s_\-]+")
_TITLE_SEPARATOR = re.compile(rules.TITLE_SEPARATORS)
_MAX_BYLINE_CHARS = 200
_MAX_CANDIDATES = 20
_MAX_NAMED = 5000
_MAX_SITE_WORDS = 6
_MAX_DATE_CHARS = 120
_LAYOUT_PREFIXES = ("has-", "has_", "with-", "no-", "is-", "without-")
_DATE_CLASS = re.compile(
    r"(?:^|publish|publishing|publication|pub|post|news|article|entry|creation)date$"
)


def markup_facts(soup: BeautifulSoup, tree: PageTree | None = None) -> Facts:
    """Fields the page's visible structure states, without reading prose.

    ``tree`` is the page's element index when the caller has built one already.
    """
    tree = tree if tree is not None else PageTree(soup)
    title = _title(tree)
    h1_texts = _h1_texts(tree)
    region = article_region(soup, tree)
    headline = _headline(tree, region, h1_texts, title)
    return Facts(
        headline=headline,
        title=title,
        headings=tuple(_headings(tree, region, h1_texts, title)),
        site_name=_title_site_name(title, headline),
        authors=tuple(_authors(tree, region)),
        published=_time(tree, region, rules.PUBLISHED_TOKENS, first_fallback=True),
        updated=_time(tree, region, rules.UPDATED_TOKENS, first_fallback=False),
        language=_language(tree),
        image=_link_href(tree, "image_src"),
        canonical=_link_href(tree, "canonical"),
    )


def article_region(soup: BeautifulSoup, tree: PageTree | None = None) -> Tag:
    """The element most likely to hold the article: <article>, <main>, else <body>."""
    for name in ("article", "main", "body"):
        found = tree.find(name) if tree is not None else soup.find(name)
        if isinstance(found, Tag):
            return found
    return soup


def _title(tree: PageTree) -> str | None:
    tag = tree.find("title")
    return clean_value(tag.get_text(" ")) if tag is not None else None


def _h1_texts(tree: PageTree) -> list[str | None]:
    return [clean_value(h.get_text(" ")) for h in tree.find_all("h1", limit=_MAX_CANDIDATES)]


def _title_site_name(title: str | None, headline: str | None) -> str | None:
    """The outlet named after the headline in the <title>: "Headline :: Outlet" → "Outlet".

    Only trusted when the rest of the title is the headline itself, so a title that merely
    has a colon in it ("Storm: what we know") names no site.
    """
    if not title or not headline:
        return None
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return None
    site = parts[-1].strip()
    lead = title[: title.rfind(parts[-1])]
    lead = _TITLE_SEPARATOR.sub(" ", lead).strip()
    if match_key(lead) != match_key(headline) or len(site.split()) > _MAX_SITE_WORDS:
        return None
    if len(site.split()) > max(2, len(lead.split())):
        return None  # the longer part is the headline ("News - Storm hits the coast")
    return site or None


def _headline(
    tree: PageTree, region: Tag, headings: list[str | None], title: str | None
) -> str | None:
    """The page's <h1>, unless the <h1> is the site's name printed as a logo.

    "Post title | Site" with <h1>Site</h1> gives "Post title": the <h1> that repeats the
    last part of the <title> names the site, not the article.
    """
    texts = [h for h in headings if h and len(h) > 3]
    if title:
        parts = _TITLE_SEPARATOR.split(title)
        if len(parts) > 1:
            site_key = match_key(parts[-1])
            logos = [t for t in texts if match_key(t) == site_key]
            if logos:
                texts = [t for t in texts if t not in logos]
                if not texts:
                    return title[: title.rfind(parts[-1])].rstrip(" |-–—:·•»~/")
    return _h1(tree, region, texts, title) or title


def _headings(
    tree: PageTree, region: Tag, headings: list[str | None], title: str | None
) -> list[str]:
    """The page's <h1> texts, the one inside the article region first, logos left out."""
    texts = dedupe(h for h in headings if h and len(h) > 3)
    if title:
        parts = _TITLE_SEPARATOR.split(title)
        if len(parts) > 1:
            site_key = match_key(parts[-1])
            texts = [t for t in texts if match_key(t) != site_key]
    inner_text = _region_h1(tree, region)
    if inner_text is not None and inner_text in texts:
        texts.remove(inner_text)
        texts.insert(0, inner_text)
    return texts


def _region_h1(tree: PageTree, region: Tag) -> str | None:
    """The text of the first <h1> inside the article region (None when there is no region)."""
    if region is tree.root:
        return None
    inner = tree.find("h1", region)
    return clean_value(inner.get_text(" ")) if inner is not None else None


def _h1(tree: PageTree, region: Tag, texts: list[str], title: str | None) -> str | None:
    if not texts:
        return None
    if title:
        title_key = match_key(title)
        for text in texts:
            if match_key(text) and match_key(text) in title_key:
                return text
    inner_text = _region_h1(tree, region)
    if inner_text and inner_text in texts:
        return inner_text
    return texts[0]


_COMMENTS = frozenset({"comment", "comments"})


def _authors(tree: PageTree, region: Tag) -> list[str]:
    """rel=author links with text, else byline elements, else rel=author hrefs (profile URLs)."""
    found: list[str] = []
    hrefs: list[str] = []
    for tag in tree.find_all(("a", "link"), attribute="rel", limit=200):
        rel = tag.get("rel")
        rels = [str(r).lower() for r in (rel if isinstance(rel, list) else str(rel).split())]
        if "author" in rels and not _in_foreign_region(tree, tag):
            text = clean_value(tag.get_text(" ")) if tag.name == "a" else None
            href = tag.get("href")
            if text:
                found.append(text)
            elif href:
                hrefs.append(str(href))
    if found:
        return found
    for root in (region, tree.root) if region is not tree.root else (tree.root,):
        for tag in tree.with_tokens(rules.BYLINE_TOKENS, root, first=_MAX_NAMED):
            # A "comment-author" element names a reader, not the writer.
            if not _in_foreign_region(tree, tag) and not tree.class_tokens(tag) & _COMMENTS:
                text = clean_value(tag.get_text(" "))
                if text and len(text) <= _MAX_BYLINE_CHARS:
                    found.append(text)
                    if len(found) >= 3:
                        return found
        if found:
            return found
    return hrefs


def _has_names(tag: Tag) -> bool:
    return any(tag.has_attr(a) for a in ("class", "id", "data-testid", "data-component"))


def _in_foreign_region(tree: PageTree, tag: Tag) -> bool:
    """Inside comments, teasers or page furniture, where bylines name other writers."""
    for parent in tag.parents:
        if parent.name in ("body", "html"):
            return False  # classes on <body> describe the page layout, not a region
        if parent.name in rules.FOREIGN_BYLINE_TAGS:
            return True
        if _has_names(parent) and _region_tokens(parent) & rules.FOREIGN_BYLINE_TOKENS:
            # A region that holds the page's headline is the article's own, whatever its
            # classes say ("article-sidebar-layout").
            return tree.find("h1", parent) is None
    return False


def _region_tokens(tag: Tag) -> set[str]:
    """Class tokens naming what a region is; layout states ("has-sidebar") are left out."""
    raw = tag.get("class")
    names = list(raw) if isinstance(raw, list) else str(raw or "").split()
    names += [str(tag[a]) for a in ("id", "data-testid", "data-component") if tag.has_attr(a)]
    tokens: set[str] = set()
    for name in names:
        low = str(name).lower()
        if low.startswith(_LAYOUT_PREFIXES):
            continue
        tokens.add(low)
        tokens.update(piece for piece in _PIECES.split(low) if piece)
    return tokens


def _time(
    tree: PageTree, region: Tag, tokens: frozenset[str], *, first_fallback: bool
) -> str | None:
    for tag in tree.find_all("time", limit=_MAX_CANDIDATES * 5):
        if (tag.has_attr("pubdate") and tokens is rules.PUBLISHED_TOKENS) or (
            tree.class_tokens(tag) & tokens
        ):
            value = _time_value(tag)
            if value:
                return value
    value = _dated_element(tree, tree.root, tokens)
    if value or not first_fallback:
        return value
    first_time = tree.find_all("time", region, attribute="datetime", limit=1)
    if first_time:
        return _time_value(first_time[0])
    return _dated_element(tree, region, rules.DATE_TOKENS, loose=True) or (
        _dated_element(tree, tree.root, rules.DATE_TOKENS, loose=True)
        if region is not tree.root
        else None
    )


def _dated_element(
    tree: PageTree, root: BeautifulSoup | Tag, tokens: frozenset[str], *, loose: bool = False
) -> str | None:
    """The date in the first short element whose class names one of ``tokens`` (or, when
    ``loose``, any class name ending in "date" such as "news-date", "publishingdate")."""
    also = _DATE_CLASS.search if loose else None
    for tag in tree.with_tokens(tokens, root, also=also, first=_MAX_NAMED):
        if tag.name != "time" and not _in_foreign_region(tree, tag):
            inner = tree.find("time", tag)
            if inner is not None:
                value = _time_value(inner)
            else:
                text = clean_value(tag.get_text(" "))
                value = find_date(text) if text and len(text) <= _MAX_DATE_CHARS else None
            if value:
                return value
    return None


def _time_value(tag: Tag) -> str | None:
    if tag.has_attr("datetime"):
        return clean_value(str(tag["datetime"]))
    return collapse(tag.get_text(" ")) or None


def _language(tree: PageTree) -> str | None:
    html = tree.find("html")
    if html is not None:
        for attribute in ("lang", "xml:lang"):
            if html.has_attr(attribute):
                return clean_value(str(html[attribute]))
    return None


def _link_href(tree: PageTree, rel_name: str) -> str | None:
    for tag in tree.find_all("link", attribute="rel", limit=500):
        rel = tag.get("rel")
        rels = [str(r).lower() for r in (rel if isinstance(rel, list) else str(rel).split())]
        if rel_name in rels and tag.get("href"):
            return clean_value(str(tag["href"]))
    return None
