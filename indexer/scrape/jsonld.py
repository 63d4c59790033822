"""JSON-LD (schema.org) metadata: find the article node, resolve references, read its fields."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from bs4 import BeautifulSoup, Tag

from indexer.scrape import rules
from indexer.scrape.facts import Facts
from indexer.scrape.textutil import clean_value
from indexer.scrape.tree import PageTree

_WRAPPERS = re.compile(r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(?:-->|//\s*\]\]>|\]\]>)\s*$")
_TRAILING_COMMA = re.compile(r",\s*([}\]])")
_MAX_NODES = 5_000
_MAX_DEPTH = 12
# A person's own description that opens with their full name: "Jane Doe ist freie Autorin",
# "Jane Doe - engineer and rider". Only the capitalised words right after the first name.
_MAX_EXTRA_NAME_WORDS = 2
_NAME_WORD = re.compile(r"[^\W\d_][\w'’\-]*")

Node = dict[str, Any]
# Nodes whose dates are not the page's (a site's or a person's founding or birth date).
_UNDATED_TYPES = frozenset({"website", "person", "organization", "newsmediaorganization"})
# Nodes whose author is not the page's: a reader's comment, review, question or answer.
_NOT_THE_WORK = _UNDATED_TYPES | {"comment", "review", "question", "answer", "rating"}


def jsonld_facts(soup: BeautifulSoup, tree: PageTree | None = None) -> Facts:
    """What the page's JSON-LD says about its article (empty `Facts` when nothing usable).

    ``tree`` is the page's element index when the caller has built one already.
    """
    scripts = tree.find_all("script") if tree is not None else soup.find_all("script")
    documents = [doc for doc in (_load(s) for s in _scripts(scripts)) if doc is not None]
    if not documents:
        return Facts()
    top = list(_top_nodes(documents))
    index = _id_index(documents)
    article = _pick_article(top, index)
    site = _site_name(article, top, index)
    if article is None:
        # No article node: a WebPage (or other page-level node) still dates the page.
        return _page_facts(top, index, site)
    return Facts(
        headline=_text(article.get("headline"))
        or _text(article.get("name"))
        or _text(article.get("alternativeHeadline")),
        description=_text(article.get("description")),
        authors=tuple(_authors(article, index)),
        published=_text(article.get("datePublished"))
        or _text(article.get("dateCreated"))
        or _text(article.get("uploadDate")),
        updated=_text(article.get("dateModified")),
        section=_text(article.get("articleSection")),
        tags=tuple(_keywords(article.get("keywords"))),
        language=_language(article.get("inLanguage")),
        image=_image(article.get("image"), index) or _text(article.get("thumbnailUrl")),
        url=_text(article.get("url")) or _ref_url(article.get("mainEntityOfPage")),
        site_name=site,
        body=_body(article.get("articleBody")),
    )


def _page_facts(top: list[Node], index: dict[str, Node], site: str | None) -> Facts:
    """Dates and author of a page without an article node (a WebPage, as blog tools write).

    The author is the page's own ``author``, else the graph's only Person node.
    """
    dated = next((n for n in top if _text(n.get("datePublished"))), None)
    if dated is not None and types_of(dated) & _UNDATED_TYPES:
        dated = None
    page = dated or next((n for n in top if types_of(n) & rules.PAGE_TYPES), None)
    authors = _authors(page, index) if page is not None else []
    if not authors:
        # Another kind of work the page is about (a series, a recipe, a how-to) names it.
        work = next((n for n in top if n.get("author") and not types_of(n) & _NOT_THE_WORK), None)
        authors = _authors(work, index) if work is not None else []
    if not authors:
        people = [n for n in top if types_of(n) == {"person"} and _text(n.get("name"))]
        if len(people) == 1:
            authors = [_text(people[0].get("name")) or ""]
    return Facts(
        site_name=site,
        authors=tuple(a for a in authors if a),
        published=_text(dated.get("datePublished")) if dated else None,
        updated=_text(dated.get("dateModified")) if dated else None,
    )


def types_of(node: Node) -> set[str]:
    """The node's schema.org types, lower-cased and without vocabulary prefixes."""
    raw = node.get("@type")
    values = raw if isinstance(raw, list) else [raw]
    found: set[str] = set()
    for value in values:
        if isinstance(value, str) and value:
            found.add(re.split(r"[/:#]", value)[-1].lower())
    return found


def _scripts(scripts: Iterable[Tag]) -> Iterator[str]:
    for script in scripts:
        kind = str(script.get("type") or "").split(";")[0].strip().lower()
        if kind == "application/ld+json":
            text = script.string if script.string is not None else script.get_text()
            if text and text.strip():
                yield text


def _load(text: str) -> Any:
    text = _WRAPPERS.sub("", text.strip()).strip()
    for attempt in (text, _TRAILING_COMMA.sub(r"\1", text)):
        try:
            return json.loads(attempt, strict=False)
        except (ValueError, RecursionError):
            continue
    return None


def _top_nodes(documents: list[Any]) -> Iterator[Node]:
    stack: list[Any] = list(reversed(documents))
    seen = 0
    while stack and seen < _MAX_NODES:
        item = stack.pop()
        seen += 1
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            graph = item.get("@graph")
            if item.get("@type"):
                yield item
            if isinstance(graph, list | dict):
                stack.append(graph)


def _id_index(documents: list[Any]) -> dict[str, Node]:
    """Every node that defines an @id (more than a bare reference), first definition wins."""
    index: dict[str, Node] = {}
    stack: list[tuple[Any, int]] = [(doc, 0) for doc in documents]
    seen = 0
    while stack and seen < _MAX_NODES:
        item, depth = stack.pop()
        seen += 1
        if depth > _MAX_DEPTH:
            continue
        if isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)
        elif isinstance(item, dict):
            node_id = item.get("@id")
            if isinstance(node_id, str) and len(item) > 1:
                current = index.get(node_id)
                if current is None or len(item) > len(current):
                    index[node_id] = item
            stack.extend(
                (child, depth + 1) for child in item.values() if isinstance(child, list | dict)
            )
    return index


def _resolve(value: Any, index: dict[str, Node]) -> Any:
    if (
        isinstance(value, dict)
        and set(value) <= {"@id", "@type"}
        and isinstance(value.get("@id"), str)
    ):
        return index.get(value["@id"], value)
    return value


def _pick_article(top: list[Node], index: dict[str, Node]) -> Node | None:
    candidates = [n for n in top if types_of(n) & rules.ARTICLE_TYPES]
    if not candidates:
        for node in top:
            if types_of(node) & rules.PAGE_TYPES:
                for key in ("mainEntity", "mainEntityOfPage"):
                    entity = _resolve(node.get(key), index)
                    if isinstance(entity, dict) and types_of(entity) & rules.ARTICLE_TYPES:
                        candidates.append(entity)
    if not candidates:
        return None
    return max(enumerate(candidates), key=lambda pair: (_richness(pair[1]), -pair[0]))[1]


def _richness(node: Node) -> int:
    return (
        2 * bool(node.get("headline"))
        + 2 * bool(node.get("articleBody"))
        + bool(node.get("datePublished"))
        + bool(node.get("author"))
    )


def _site_name(article: Node | None, top: list[Node], index: dict[str, Node]) -> str | None:
    if article is not None:
        for publisher in _as_list(article.get("publisher")):
            resolved = _resolve(publisher, index)
            if isinstance(resolved, dict) and "person" in types_of(resolved):
                continue  # a blogger publishing under their own name is the author, not a site
            name = _text(resolved)
            if name:
                return name
    for node in top:
        if "website" in types_of(node) or types_of(node) & rules.ORGANIZATION_TYPES:
            name = _text(node.get("name"))
            if name:
                return name
    return None


def _authors(article: Node, index: dict[str, Node]) -> list[str]:
    persons: list[str] = []
    organisations: list[str] = []
    for raw in _as_list(article.get("author")) or _as_list(article.get("creator")):
        value = _resolve(raw, index)
        if isinstance(value, str):
            persons.append(value)
        elif isinstance(value, dict):
            name = _text(value.get("name")) or _given_and_family(value)
            if name and " " not in name:
                name = _fuller_name(name, value)
            if not name:
                name = _text(value.get("url")) or _text(value.get("@id"))
            if not name:
                continue
            if types_of(value) & rules.ORGANIZATION_TYPES:
                organisations.append(name)
            else:
                persons.append(name)
    return persons or organisations


def _given_and_family(person: Node) -> str | None:
    given, family = _text(person.get("givenName")), _text(person.get("familyName"))
    return f"{given} {family}" if given and family else None


def _fuller_name(first: str, person: Node) -> str:
    """The whole name of a person node named by first name only: from its given and family
    names, else from its description when that opens with the first name and a surname."""
    whole = _given_and_family(person)
    if whole and whole.split()[0].casefold() == first.casefold():
        return whole
    description = _text(person.get("description")) or ""
    if not description.startswith(first + " "):
        return first
    extra: list[str] = []
    for word in description[len(first) :].split()[:_MAX_EXTRA_NAME_WORDS]:
        match = _NAME_WORD.fullmatch(word)
        if not match or not word[0].isupper():
            break
        extra.append(word)
    if not extra or len(extra) == _MAX_EXTRA_NAME_WORDS:
        return first  # no surname, or a sentence rather than a name ("Jane Says Hello")
    return " ".join([first, *extra])


def _keywords(value: Any) -> list[str]:
    tags: list[str] = []
    for item in _as_list(value):
        text = _text(item)
        if not text:
            continue
        tags.extend(part.strip() for part in text.split(",") if part.strip())
    return tags


def _language(value: Any) -> str | None:
    if isinstance(value, dict):
        return _text(value.get("alternateName")) or _text(value.get("name"))
    return _text(value)


def _image(value: Any, index: dict[str, Node]) -> str | None:
    for item in _as_list(value):
        item = _resolve(item, index)
        if isinstance(item, str) and item.strip():
            return item.strip()
        if isinstance(item, dict):
            url = _text(item.get("url")) or _text(item.get("contentUrl"))
            if url:
                return url
    return None


def _ref_url(value: Any) -> str | None:
    if isinstance(value, dict):
        return _text(value.get("@id")) or _text(value.get("url"))
    return _text(value)


def _body(value: Any) -> str | None:
    """articleBody with its line breaks kept as paragraph breaks."""
    if not isinstance(value, str):
        return _text(value)
    paragraphs = [clean_value(line) for line in value.splitlines()]
    return "\n\n".join(p for p in paragraphs if p) or None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text(value: Any) -> str | None:
    """A plain string from a JSON-LD value: a string, the first of a list, or a node's name."""
    if isinstance(value, str):
        return clean_value(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list):
        for item in value:
            text = _text(item)
            if text:
                return text
        return None
    if isinstance(value, dict):
        return _text(value.get("@value")) or _text(value.get("name"))
    return None
