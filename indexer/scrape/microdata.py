"""schema.org microdata (itemscope/itemprop) read into `Facts`."""

from __future__ import annotations

import re
from collections.abc import Callable

from bs4 import BeautifulSoup, Tag

from indexer.scrape import rules
from indexer.scrape.facts import Facts
from indexer.scrape.textutil import clean_value, collapse
from indexer.scrape.tree import PageTree

_RDFA_PREFIXES = ("schema:", "sdo:")
_RDFA_SCHEMA = re.compile(r"(?:^|\s)(?:schema|sdo):", re.I)
_URL_ATTRIBUTES = {"a": "href", "link": "href", "area": "href", "img": "src", "source": "src"}


def microdata_facts(soup: BeautifulSoup, tree: PageTree | None = None) -> Facts:
    """Fields from itemprops inside the article's itemscope (or the page, if none is typed).

    ``tree`` is the page's element index when the caller has built one already.
    """
    tree = tree if tree is not None else PageTree(soup)
    scope = _article_scope(tree)
    props = _props(tree, scope if scope is not None else soup)
    if not props:
        return Facts()

    def value(name: str) -> str | None:
        for tag in props.get(name, []):
            text = item_value(tag)
            if text:
                return text
        return None

    keywords = value("keywords")
    return Facts(
        headline=value("headline") or (value("name") if scope is not None else None),
        description=value("description"),
        authors=tuple(_people(props.get("author", []) + props.get("creator", []))),
        published=value("datepublished") or value("datecreated") or value("uploaddate"),
        updated=value("datemodified"),
        section=value("articlesection"),
        tags=tuple(k.strip() for k in (keywords or "").split(",") if k.strip()),
        language=value("inlanguage"),
        image=_image(props.get("image", [])),
        url=value("url") if scope is not None else None,
        site_name=next(iter(_people(props.get("publisher", []))), None),
    )


def item_value(tag: Tag) -> str | None:
    """The value microdata assigns to an element: content, datetime, a URL, or its text."""
    if tag.has_attr("content"):
        return clean_value(str(tag["content"]))
    if tag.has_attr("datetime"):
        return clean_value(str(tag["datetime"]))
    attribute = _URL_ATTRIBUTES.get(tag.name or "")
    if attribute and tag.has_attr(attribute) and tag.name != "a":
        return clean_value(str(tag[attribute]))
    return collapse(tag.get_text(" ")) or None


def _article_scope(tree: PageTree) -> Tag | None:
    for tag in tree.with_attributes(("itemscope",)):
        if "itemtype" not in tag.attrs:
            continue
        kinds = str(tag.get("itemtype") or "").split()
        for kind in kinds:
            if kind.rstrip("/").rsplit("/", 1)[-1].lower() in rules.ARTICLE_TYPES:
                return tag
    return None


def _props(tree: PageTree, root: BeautifulSoup | Tag) -> dict[str, list[Tag]]:
    """itemprop names, and RDFa schema.org properties ("schema:datePublished"), to elements."""
    found: dict[str, list[Tag]] = {}
    for tag in tree.with_attributes(("itemprop",), root):
        for name in str(tag.get("itemprop") or "").lower().split():
            found.setdefault(name, []).append(tag)
    for tag in tree.with_attributes(("property",), root):
        if tag.name == "meta" or not _RDFA_SCHEMA.search(str(tag.get("property"))):
            continue
        for name in str(tag.get("property") or "").lower().split():
            if name.startswith(_RDFA_PREFIXES):
                found.setdefault(name.split(":", 1)[1], []).append(tag)
    return found


def _people(tags: list[Tag]) -> list[str]:
    """Names of author/publisher items: a nested itemprop=name, else text or profile link."""
    names: list[str] = []
    for tag in tags:
        if tag.has_attr("itemscope"):
            inner = tag.find(True, attrs={"itemprop": _has_prop("name")})
            if isinstance(inner, Tag):
                text = item_value(inner)
                if text:
                    names.append(text)
                    continue
        text = item_value(tag)
        if not text and tag.name in ("a", "link") and tag.has_attr("href"):
            text = clean_value(str(tag["href"]))
        if text:
            names.append(text)
    return names


def _has_prop(name: str) -> Callable[[str | None], bool]:
    """An attribute filter matching itemprop values that list ``name``."""

    def matches(value: str | None) -> bool:
        return bool(value) and name in str(value).lower().split()

    return matches


def _image(tags: list[Tag]) -> str | None:
    for tag in tags:
        if tag.has_attr("itemscope"):
            inner = tag.find(True, attrs={"itemprop": _has_prop("url")})
            if isinstance(inner, Tag):
                return item_value(inner)
        for attribute in ("content", "src", "href"):
            if tag.has_attr(attribute):
                return clean_value(str(tag[attribute]))
    return None
