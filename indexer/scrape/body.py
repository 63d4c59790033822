"""The article body: find the main content block, strip boilerplate, split captions from text."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from indexer.scrape import lines, rules
from indexer.scrape.blocks import block_texts
from indexer.scrape.markup import class_tokens
from indexer.scrape.textutil import collapse, dedupe, match_key

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_MIN_SCORED_CHARS = 25
_MAX_CAPTION_CHARS = 600
_MAX_STANDFIRST_CHARS = 600
# Short lines above the headline inside the content (kicker, breadcrumb) are not body text.
_MAX_KICKER_CHARS = 60
_KICKER_WINDOW = 3
# A marked-up content block is trusted when it holds this much text, or half the densest block's.
_TRUSTED_CHARS = 400
# Boilerplate markers never remove an element holding most of the content (a wrapper's class).
_WRAPPER_SHARE = 0.6
_LINK_LIST_SHARE = 0.6
_TOP_CANDIDATES = 5
_MEDIA_TAGS = frozenset({"img", "picture", "figcaption", "video", "iframe"})
_LINK_LIST_TAGS = frozenset({"ul", "ol", "dl", "table", "div", "section", "p"})


@dataclass(frozen=True, slots=True)
class Body:
    """Paragraphs of article text and the captions found beside them."""

    paragraphs: list[str]
    captions: list[str]
    standfirst: str | None = None


@dataclass(slots=True)
class _Stats:
    """Text measures of one element's subtree, gathered in a single bottom-up pass."""

    chars: int = 0
    link_chars: int = 0
    has_paragraph: bool = False
    has_media: bool = False


def extract_body(soup: BeautifulSoup, *, headline: str | None = None) -> Body:
    """Read the article text out of a parsed page. Changes ``soup`` (drops what it rejects)."""
    _drop_junk(soup)
    roots = find_content(soup)
    if not roots:
        return Body([], [])
    captions = _take_captions(roots)
    standfirst = _take_standfirst(roots)
    for root in roots:
        _drop_boilerplate(root)
    paragraphs = [p for root in roots for p in block_texts(root)]
    body = _clean(paragraphs, captions, headline)
    return Body(body.paragraphs, body.captions, standfirst)


def find_content(soup: BeautifulSoup) -> list[Tag]:
    """The element(s) holding the article text.

    Marked-up content (itemprop=articleBody, known content classes), then <article>,
    then <main>, each trusted only if it holds enough text against the densest block;
    failing those, the densest block itself.
    """
    densest = _densest_block(soup)
    densest_chars = _text_chars(densest) if densest is not None else 0
    needed = min(_TRUSTED_CHARS, densest_chars // 2) or 1
    for candidate in (_marked_content(soup), _largest(soup, "article"), _largest(soup, "main")):
        if candidate and sum(_text_chars(root) for root in candidate) >= needed:
            return candidate
    if densest is not None:
        return [densest]
    body = soup.find("body")
    return [body] if isinstance(body, Tag) else []


def _outermost_matches(root: Tag, matches: Callable[[Tag], bool]) -> list[Tag]:
    """Elements under ``root`` that match, without looking inside a match (document order)."""
    found: list[Tag] = []
    stack: list[Tag] = [child for child in reversed(root.contents) if isinstance(child, Tag)]
    while stack:
        tag = stack.pop()
        if matches(tag):
            found.append(tag)
            continue
        stack.extend(child for child in reversed(tag.contents) if isinstance(child, Tag))
    return found


def _drop_junk(soup: BeautifulSoup) -> None:
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in _outermost_matches(soup, lambda t: t.name in rules.JUNK_TAGS or _is_hidden(t)):
        tag.decompose()


def _is_hidden(tag: Tag) -> bool:
    if tag.name in ("html", "body"):
        return False
    if tag.has_attr("hidden") or str(tag.get("aria-hidden", "")).lower() == "true":
        return True
    style = tag.get("style")
    if style and _HIDDEN_STYLE.search(str(style)):
        return True
    classes = tag.get("class")
    names = classes if isinstance(classes, list) else str(classes or "").split()
    return any(str(name).lower() in rules.HIDDEN_CLASSES for name in names)


def _marked_content(soup: BeautifulSoup) -> list[Tag]:
    """All outermost elements carrying the strongest content marker present on the page."""
    best_rank: int | None = None
    best: list[Tag] = []
    class_rank = {name: index + 2 for index, name in enumerate(rules.CONTENT_CLASSES)}
    for tag in soup.find_all(True):
        rank = _content_rank(tag, class_rank)
        if rank is None:
            continue
        if best_rank is None or rank < best_rank:
            best_rank, best = rank, [tag]
        elif rank == best_rank:
            best.append(tag)
    return _outermost(best)


def _content_rank(tag: Tag, class_rank: dict[str, int]) -> int | None:
    itemprop = tag.get("itemprop")
    if itemprop and set(str(itemprop).lower().split()) & rules.CONTENT_ITEMPROPS:
        return 0
    for attribute, value in rules.CONTENT_ATTRIBUTES:
        if str(tag.get(attribute, "")).lower() == value:
            return 1
    classes = tag.get("class")
    names = [str(n).lower() for n in (classes if isinstance(classes, list) else [])]
    if tag.get("id"):
        names.append(str(tag["id"]).lower())
    ranks = [class_rank[n] for n in names if n in class_rank]
    return min(ranks) if ranks else None


def _outermost(tags: list[Tag]) -> list[Tag]:
    chosen = {id(t) for t in tags}
    return [t for t in tags if not any(id(parent) in chosen for parent in t.parents)]


def _largest(soup: BeautifulSoup, name: str) -> list[Tag]:
    found = soup.find_all(name, limit=50)
    if not found:
        return []
    outer = _outermost(found)
    return [max(outer, key=_text_chars)]


def _densest_block(soup: BeautifulSoup) -> Tag | None:
    """The container whose paragraphs carry the most text, after readability-style scoring."""
    scores: dict[int, float] = {}
    tags: dict[int, Tag] = {}
    for tag in soup.find_all([*rules.SCORED_TAGS, "div"]):
        if tag.name == "div":
            text = "".join(s for s in tag.contents if type(s) is NavigableString)
        else:
            text = tag.get_text()
        length = len(collapse(text))
        if length < _MIN_SCORED_CHARS:
            continue
        score = 1 + text.count(",") + min(length // 100, 3)
        parent = tag.parent
        grandparent = parent.parent if parent is not None else None
        for ancestor, weight in ((parent, 1.0), (grandparent, 0.5)):
            if isinstance(ancestor, Tag):
                scores[id(ancestor)] = scores.get(id(ancestor), 0.0) + score * weight
                tags[id(ancestor)] = ancestor
    if not scores:
        return None
    top = sorted(scores, key=scores.__getitem__, reverse=True)[:_TOP_CANDIDATES]
    return max((tags[key] for key in top), key=lambda t: scores[id(t)] * (1 - _link_density(t)))


def _text_chars(tag: Tag) -> int:
    return len(collapse(tag.get_text(" ")))


def _link_density(tag: Tag) -> float:
    total = len(collapse(tag.get_text(" ")))
    if not total:
        return 0.0
    linked = sum(len(collapse(a.get_text(" "))) for a in tag.find_all("a"))
    return min(1.0, linked / total)


def _subtree_stats(root: Tag) -> dict[int, _Stats]:
    """Text and link lengths of every element under ``root``, in one post-order walk."""
    stats: dict[int, _Stats] = {}
    stack: list[tuple[Tag, bool]] = [(root, False)]
    while stack:
        tag, done = stack.pop()
        if not done:
            stack.append((tag, True))
            stack.extend((child, False) for child in tag.contents if isinstance(child, Tag))
            continue
        own = _Stats(has_paragraph=tag.name == "p", has_media=tag.name in _MEDIA_TAGS)
        for child in tag.contents:
            if isinstance(child, Tag):
                sub = stats[id(child)]
                own.chars += sub.chars
                own.link_chars += sub.chars if tag.name == "a" else sub.link_chars
                own.has_paragraph |= sub.has_paragraph
                own.has_media |= sub.has_media
            elif type(child) is NavigableString:
                length = len(child.strip())
                own.chars += length
                if tag.name == "a":
                    own.link_chars += length
        stats[id(tag)] = own
    return stats


def _take_captions(roots: list[Tag]) -> list[str]:
    """Collect caption texts in and around the content, and remove figures from it."""
    scopes: list[Tag] = []
    for root in roots:
        article = root if root.name == "article" else root.find_parent("article")
        scope = article if isinstance(article, Tag) else root
        if all(scope is not s for s in scopes):
            scopes.append(scope)
    captions: list[str] = []
    for scope in scopes:
        for tag in _outermost_matches(scope, _is_caption_element):
            text = collapse(tag.get_text(" "))
            if text and len(text) <= _MAX_CAPTION_CHARS and not lines.is_credit(text):
                captions.append(text)
    for root in roots:
        stats = _subtree_stats(root)

        def is_figure_part(tag: Tag, stats: dict[int, _Stats] = stats) -> bool:
            if tag.name == "figure":
                return stats[id(tag)].has_media
            return _is_caption_or_credit(tag) and stats[id(tag)].chars <= _MAX_CAPTION_CHARS

        for tag in _outermost_matches(root, is_figure_part):
            tag.decompose()
    return dedupe(captions)


def _take_standfirst(roots: list[Tag]) -> str | None:
    """Remove the standfirst (the summary under the headline) from the content; return its text."""
    found: str | None = None
    for root in roots:
        for tag in _outermost_matches(root, _is_standfirst_element):
            text = collapse(tag.get_text(" "))
            if len(text) > _MAX_STANDFIRST_CHARS or len(tag.find_all("p", limit=2)) > 1:
                continue
            found = found or text or None
            tag.decompose()
    return found


def _is_standfirst_element(tag: Tag) -> bool:
    return tag.name in ("p", "div", "h2", "span") and bool(
        class_tokens(tag) & rules.STANDFIRST_TOKENS
    )


def _is_caption_or_credit(tag: Tag) -> bool:
    return tag.name == "figcaption" or bool(
        class_tokens(tag) & (rules.CAPTION_TOKENS | rules.CREDIT_TOKENS)
    )


def _is_caption_element(tag: Tag) -> bool:
    return tag.name == "figcaption" or bool(class_tokens(tag) & rules.CAPTION_TOKENS)


def _drop_boilerplate(root: Tag) -> None:
    """Remove page furniture and link lists inside the content, sparing content wrappers."""
    stats = _subtree_stats(root)
    root_chars = stats[id(root)].chars

    def unwanted(tag: Tag) -> bool:
        measure = stats[id(tag)]
        if _is_boilerplate(tag):
            wrapper = measure.has_paragraph and measure.chars > _WRAPPER_SHARE * root_chars
            return not wrapper
        return _is_link_list(tag, measure)

    for tag in _outermost_matches(root, unwanted):
        tag.decompose()


def _is_boilerplate(tag: Tag) -> bool:
    if tag.name in rules.BOILERPLATE_TAGS:
        return True
    role = str(tag.get("role", "")).lower()
    if role in rules.BOILERPLATE_ROLES:
        return True
    tokens = class_tokens(tag)
    if not tokens & rules.BOILERPLATE_TOKENS:
        return False
    if tokens & rules.STRONG_BOILERPLATE_TOKENS:
        return True
    return not tokens & rules.CONTENT_TOKENS


def _is_link_list(tag: Tag, measure: _Stats) -> bool:
    """Lists and blocks that are mostly links: related stories, tag clouds, "Read more"."""
    if tag.name not in _LINK_LIST_TAGS or not measure.chars or not measure.link_chars:
        return False
    if tag.name in ("div", "section") and measure.has_paragraph:
        return False
    return measure.link_chars / measure.chars > _LINK_LIST_SHARE


def _drop_kickers(paragraphs: list[str], headline_key: str | None) -> list[str]:
    """Drop the short lines printed above the headline (section label, breadcrumb)."""
    if not headline_key:
        return paragraphs
    for index, paragraph in enumerate(paragraphs[: _KICKER_WINDOW + 1]):
        if match_key(paragraph) == headline_key:
            above = paragraphs[:index]
            if all(len(p) <= _MAX_KICKER_CHARS for p in above):
                return paragraphs[index:]
            break
    return paragraphs


def _clean(paragraphs: list[str], captions: list[str], headline: str | None) -> Body:
    captions = list(captions)
    kept: list[str] = []
    for paragraph in paragraphs:
        for piece in lines.split_glued(paragraph):
            if lines.is_caption(piece) and len(piece) <= _MAX_CAPTION_CHARS:
                captions.append(piece)
            else:
                kept.append(piece)
    captions = dedupe(captions)
    caption_keys: set[str] = set()
    for caption in captions:
        caption_keys |= lines.caption_keys(caption)
    headline_key = match_key(headline) if headline else None
    kept = _drop_kickers(kept, headline_key)
    body: list[str] = []
    for paragraph in kept:
        key = match_key(paragraph)
        if not key or key in caption_keys or key == headline_key:
            continue
        if lines.is_meta_line(paragraph):
            continue
        if body and body[-1] == paragraph:
            continue
        body.append(paragraph)
    return Body(body, captions)
