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
# hCard: the class tokens of an author's card and of the name inside it.
_CARD_TOKENS = ("vcard",)
_CARD_NAME_TOKEN = "fn"
_CARD_AUTHOR_TOKENS = frozenset({"author", "byline", "post-author", "entry-author", "autor"})
# A card this many levels below an author element still names the author ("author" >
# "Posted by" > "vcard").
_CARD_AUTHOR_LEVELS = 3
# Cards in these regions name commenters or other writers.
_CARD_FOREIGN_TOKENS = frozenset(
    {"comment", "comments", "comment-author", "commentlist", "sidebar", "widget", "related"}
)
_CARD_FOREIGN_TAGS = frozenset({"aside", "nav", "form"})
_MAX_CARDS = 3


def microdata_facts(soup: BeautifulSoup, tree: PageTree | None = None) -> Facts:
    """Fields from itemprops inside the article's itemscope (or the page, if none is typed).

    ``tree`` is the page's element index when the caller has built one already.
    """
    tree = tree if tree is not None else PageTree(soup)
    scope = _article_scope(tree)
    props = _props(tree, scope if scope is not None else soup)
    if not props:
        return Facts(authors=tuple(card_authors(tree)))

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
        authors=tuple(
            _people(props.get("author", []) + props.get("creator", [])) or card_authors(tree)
        ),
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


def card_authors(tree: PageTree) -> list[str]:
    """Names from hCard author cards (``class="author vcard"`` > ``class="fn"``), the
    microformat blog tools print under a post, outside comments and side columns."""
    names: list[str] = []
    byline: Tag | None = None
    for card in tree.with_tokens(_CARD_TOKENS):
        holder_of_card = _author_holder(tree, card)
        if holder_of_card is None or _in_foreign_card_region(tree, card):
            continue
        if byline is None:
            byline = holder_of_card.parent
        elif holder_of_card.parent is not byline and holder_of_card is not byline:
            continue  # another post's or another box's card: only the first byline's names
        tokens = tree.class_tokens(card)
        holder = card if _CARD_NAME_TOKEN in tokens else _card_name(tree, card)
        text = collapse(holder.get_text(" ")) if holder is not None else ""
        if text and text not in names:
            names.append(text)
            if len(names) >= _MAX_CARDS:
                break
    return names


def _card_name(tree: PageTree, card: Tag) -> Tag | None:
    for tag in card.find_all(True):
        if _CARD_NAME_TOKEN in tree.class_tokens(tag):
            return tag
    return None


def _author_holder(tree: PageTree, card: Tag) -> Tag | None:
    """The card, or the element just above it, that is marked as the author's; else None."""
    tag: Tag | None = card
    for _ in range(_CARD_AUTHOR_LEVELS + 1):
        if tag is None or tag.name in ("body", "html"):
            return None
        if tree.class_tokens(tag) & _CARD_AUTHOR_TOKENS or "author" in str(tag.get("rel", "")):
            return tag
        tag = tag.parent
    return None


def _in_foreign_card_region(tree: PageTree, card: Tag) -> bool:
    for parent in card.parents:
        if parent.name in ("body", "html"):
            return False
        if parent.name in _CARD_FOREIGN_TAGS or tree.class_tokens(parent) & _CARD_FOREIGN_TOKENS:
            return True
    return False


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
