"""The article body: find the main content block, strip boilerplate, split captions from text."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from itertools import islice

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from indexer.scrape import lines, rules
from indexer.scrape.blocks import block_texts
from indexer.scrape.paragraphs import (
    CLOSING_PUNCTUATION,
    MAX_CAPTION_CHARS,
    MAX_KICKER_CHARS,
    clean_paragraphs,
)
from indexer.scrape.textutil import collapse, dedupe, match_key
from indexer.scrape.tree import PageTree, class_tokens

# The class tokens of an element (`class_tokens`), worked out once per element.
Tokens = Callable[[Tag], frozenset[str]]

_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_MIN_SCORED_CHARS = 25
# The lead paragraph printed above the text's container: how far up to look, and what
# a lead looks like (a short block or two of prose, next to no links).
_LEAD_LEVELS = 5
_MAX_LEAD_PARAGRAPHS = 3
_HEADING_TAGS = ["h1", "h2", "h3"]
_MAX_LEAD_BLOCK_LINES = 12
_MIN_UNPUNCTUATED_LEAD_CHARS = 120
_MIN_LEAD_CHARS = 60
_MAX_LEAD_CHARS = 2000
_MAX_LEAD_LINK_SHARE = 0.3
_LEAD_LOOKAHEAD = 3
# Pages that draw their text with scripts may print it in <noscript> as well.
_MIN_FALLBACK_CHARS = 200
_MAX_STANDFIRST_CHARS = 600
# A marked-up content block is trusted when it holds this much text, or half the densest block's.
_TRUSTED_CHARS = 400
# Boilerplate markers never remove an element holding most of the content (a wrapper's class).
_WRAPPER_SHARE = 0.6
# A boilerplate marker worn by blocks holding more than this share of the content's text
# is the page layout's name for its blocks.
_LAYOUT_SHARE = 0.5
_LINK_LIST_SHARE = 0.6
_TOP_CANDIDATES = 5
_MAX_LANDMARKS = 50
# Close rivals of the densest block (this share of its score) that share an ancestor
# with it mean the text is split over sibling blocks.
_RIVAL_SHARE = 0.75
_MIN_RIVALS = 2
_MEDIA_TAGS = frozenset({"img", "picture", "figcaption", "video", "iframe"})
_SCORED_OR_DIV = rules.SCORED_TAGS | {"div"}
# A list item is as often a menu entry or a teaser as a paragraph.
_LIST_ITEM_WEIGHT = 0.5
# Siblings of the densest block join it when they hold this share of its text, or are
# paragraphs of prose; link-heavy siblings (teasers, menus) never join.
_SIBLING_SHARE = 0.1
_SIBLING_LINK_SHARE = 0.3
_SIBLING_PARAGRAPH_CHARS = 80
_SIBLING_PARAGRAPH_LINK_SHARE = 0.25
# Beside a marked-up content block, only blocks with next to no links join it: the
# boxes of teasers and "latest stories" that sit there carry a link per item.
_MARKED_SIBLING_LINK_SHARE = 0.05
# Marked roots unrelated to the densest block must hold this share of the text to count.
_UNRELATED_SHARE = 0.3
# A candidate inside the densest block holding less than this share of its text is a
# teaser or a box within the story.
_INSIDE_SHARE = 0.25
_LINK_LIST_TAGS = frozenset({"ul", "ol", "dl", "table", "div", "section", "p"})
# Embedded posts: with the embed script gone, what is left on the page is someone else's
# post and the platform's labels ("View this post on Instagram", "A post shared by ...").
# Tweets go too, although some annotated pages count a quoted tweet as part of the story.
_EMBED_NAMES = frozenset(
    {
        "twitter-tweet",
        "twitter-video",
        "twitter-timeline",
        "embed-twitter",
        "instagram-media",
        "instagram-embed",
        "embed-instagram",
        "tiktok-embed",
        "embed-tiktok",
    }
)
# Pull quotes: "pullquote", "pull-quote", "c-article__pull-quote", "pullout-quote".
_PULL_QUOTE_MARKERS = ("pullquote", "pull-quote", "pull_quote", "pullout")


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
    commas: int = 0
    direct_chars: int = 0
    direct_commas: int = 0
    has_paragraph: bool = False
    has_media: bool = False


def extract_body(
    soup: BeautifulSoup, *, headline: str | None = None, tree: PageTree | None = None
) -> Body:
    """Read the article text out of a parsed page. Changes ``soup`` (drops what it rejects).

    ``tree`` is the page's element index when the caller has built one (its class tokens
    are reused; elements dropped here stay in it).
    """
    tokens = tree.class_tokens if tree is not None else _token_cache()
    _drop_junk(soup)
    roots, stats = _find_content(soup, tokens)
    if not roots:
        return Body([], [])
    leads = _lead_paragraphs(roots[0], stats, tokens, match_key(headline) if headline else None)
    captions = _take_captions(roots, stats, tokens)
    standfirst = _take_standfirst(roots, tokens)
    for root in roots:
        _drop_boilerplate(root, tokens)
    paragraphs = [p for root in roots for p in block_texts(root)]
    if leads:
        opening = {match_key(p) for p in paragraphs[:_LEAD_LOOKAHEAD]}
        paragraphs = [p for p in leads if match_key(p) not in opening] + paragraphs
    kept, captions = clean_paragraphs(paragraphs, captions, headline)
    return Body(kept, captions, standfirst)


def _lead_paragraphs(
    root: Tag, stats: dict[int, _Stats], tokens: Tokens, headline_key: str | None
) -> list[str]:
    """Paragraphs printed between the headline and the content, in document order.

    Pages often set the lead paragraph apart from the text's container, under the
    headline. The blocks before ``root`` (and before its ancestors, a few levels up) are
    read nearest first, stepping over bylines, dates, pictures and furniture, up to the
    headline (an <h1>, or a heading that reads as the headline) or to the first block
    that is too long or too full of links to be a lead.
    """
    found: list[str] = []
    node = root
    for _ in range(_LEAD_LEVELS):
        sibling = node.previous_sibling
        while sibling is not None:
            if isinstance(sibling, Tag):
                if _is_headline(sibling, headline_key):
                    return found
                lead = _lead_in(sibling, stats, tokens, headline_key)
                if lead is None:
                    return found
                found = [*lead, *found][-_MAX_LEAD_PARAGRAPHS:]
                if _holds_headline(sibling, headline_key):
                    return found
            sibling = sibling.previous_sibling
        parent = node.parent
        if not isinstance(parent, Tag) or parent.name in ("body", "html", "[document]"):
            break
        if _never_content(parent, tokens):
            break
        node = parent
    return found


def _is_headline(tag: Tag, headline_key: str | None) -> bool:
    if tag.name == "h1":
        return True
    return (
        bool(headline_key)
        and tag.name in _HEADING_TAGS
        and match_key(tag.get_text(" ")) == headline_key
    )


def _holds_headline(tag: Tag, headline_key: str | None) -> bool:
    if tag.find("h1") is not None:
        return True
    if not headline_key:
        return False
    return any(
        match_key(heading.get_text(" ")) == headline_key for heading in tag.find_all(_HEADING_TAGS)
    )


def _lead_in(
    tag: Tag, stats: dict[int, _Stats], tokens: Tokens, headline_key: str | None
) -> list[str] | None:
    """The lead paragraphs at the end of a block above the content ([] when it has none),
    or None where the search for a lead gives up (a long or link-heavy block)."""
    measure = stats.get(id(tag))
    if measure is None or measure.chars < _MIN_LEAD_CHARS:
        return []
    if _is_boilerplate(tag, tokens) or _is_caption_or_credit(tag, tokens):
        return []
    if measure.chars > _MAX_LEAD_CHARS or _link_share(measure) >= _MAX_LEAD_LINK_SHARE:
        return None
    if _is_set_apart(tag, tokens):
        return []
    holds_headline = _holds_headline(tag, headline_key)
    texts = block_texts(tag, limit=_MAX_LEAD_BLOCK_LINES + 1)
    if len(texts) > _MAX_LEAD_BLOCK_LINES:
        return None
    if measure.has_media:  # a picture's caption and credit are not the lead
        pictured = _outermost_matches(
            tag, lambda inner: inner.name == "figure" or _is_caption_or_credit(inner, tokens)
        )
        captions = {match_key(text) for inner in pictured for text in block_texts(inner)}
        texts = [text for text in texts if match_key(text) not in captions]
    if holds_headline:
        heading = tag.find("h1") or tag.find(_HEADING_TAGS)
        title = match_key(heading.get_text(" ")) if heading is not None else None
        keys = [match_key(text) for text in texts]
        below = [i for i, key in enumerate(keys) if key in (title, headline_key)]
        texts = texts[below[-1] + 1 :] if below else []
    lead: list[str] = []
    for text in reversed(texts):
        if _reads_as_lead(text):
            lead.insert(0, text)
            if len(lead) >= _MAX_LEAD_PARAGRAPHS:
                break
        elif lead:
            break
    return lead


def _reads_as_lead(text: str) -> bool:
    if len(text) < _MIN_LEAD_CHARS or lines.is_meta_line(text):
        return False
    return text.endswith(CLOSING_PUNCTUATION) or len(text) >= _MIN_UNPUNCTUATED_LEAD_CHARS


def _token_cache() -> Tokens:
    cache: dict[int, frozenset[str]] = {}

    def tokens(tag: Tag) -> frozenset[str]:
        found = cache.get(id(tag))
        if found is None:
            found = cache[id(tag)] = frozenset(class_tokens(tag))
        return found

    return tokens


def find_content(soup: BeautifulSoup) -> list[Tag]:
    """The element(s) holding the article text.

    Marked-up content (itemprop=articleBody, known content classes), then <article>,
    then <main>, each trusted only if it holds enough text against the densest block;
    failing those, the densest block itself with the sibling blocks that continue it.
    """
    return _find_content(soup, _token_cache())[0]


def _find_content(soup: BeautifulSoup, tokens: Tokens) -> tuple[list[Tag], dict[int, _Stats]]:
    """`find_content`, with the text measures of every element of the page."""
    order: list[Tag] = []
    stats = _subtree_stats(soup, order)
    roots = _content_roots(soup, order, stats, tokens)
    return roots, stats


def _content_roots(
    soup: BeautifulSoup, order: list[Tag], stats: dict[int, _Stats], tokens: Tokens
) -> list[Tag]:
    densest = _densest_block(order, stats, tokens)
    dense_roots = _with_siblings(densest, stats, tokens) if densest is not None else []
    dense_chars = sum(stats[id(root)].chars for root in dense_roots)
    needed = min(_TRUSTED_CHARS, dense_chars // 2) or 1
    rank, marked = _marked_content(order)
    # itemprop=articleBody and its kin name the text outright: enough text will do.
    strong = rank is not None and rank <= _STRONG_MARKER_RANK
    if strong and sum(stats[id(root)].chars for root in marked) >= needed:
        return marked
    for candidate in (
        marked,
        _largest(order, "article", stats),
        _largest(order, "main", stats),
    ):
        trusted = _trusted(candidate, densest, stats, needed)
        if len(trusted) == 1:
            # A marked block may hold only part of the story: the lead or the rest of the
            # text can sit in blocks beside it.
            root = _outer_wrapper(trusted[0], tokens)
            return _with_siblings(root, stats, tokens, max_link_share=_MARKED_SIBLING_LINK_SHARE)
        if trusted:
            return trusted
    if dense_roots:
        return dense_roots
    body = soup.find("body")
    return [body] if isinstance(body, Tag) else []


def _trusted(
    candidate: list[Tag], densest: Tag | None, stats: dict[int, _Stats], needed: int
) -> list[Tag]:
    """The marked-up content roots worth believing, measured against the densest block.

    Roots around or inside the densest block are believed; others (teaser cards that share
    a content class, a sidebar <article>) only when they hold much of the densest text.
    """
    if not candidate:
        return []
    if densest is None:
        kept = candidate
    else:
        dense_chars = stats[id(densest)].chars
        # A small block inside the densest one is a teaser or a box, not the story.
        candidate = [
            root
            for root in candidate
            if stats[id(root)].chars >= _INSIDE_SHARE * dense_chars
            or not any(parent is densest for parent in root.parents)
        ]
        if not candidate:
            return []
        related = [root for root in candidate if _related(root, densest)]
        if related:
            floor = _UNRELATED_SHARE * max(stats[id(root)].chars for root in related)
            kept = [r for r in candidate if r in related or stats[id(r)].chars >= floor]
        else:
            kept = [r for r in candidate if stats[id(r)].chars >= _UNRELATED_SHARE * dense_chars]
            if not kept or max(stats[id(r)].chars for r in kept) < dense_chars // 2:
                return []
    if sum(stats[id(root)].chars for root in kept) < needed:
        return []
    return kept


def _related(root: Tag, densest: Tag) -> bool:
    if root is densest:
        return True
    return any(parent is root for parent in densest.parents) or any(
        parent is densest for parent in root.parents
    )


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
    """Remove comments, scripts, forms and hidden elements, in one walk over the tree."""
    doomed: list[Tag | Comment] = []
    stack: list[Tag] = [soup]
    while stack:
        tag = stack.pop()
        for child in tag.contents:
            if isinstance(child, Tag):
                if (
                    child.name in rules.JUNK_TAGS
                    and not _is_fallback_text(child)
                    or child.attrs
                    and _is_hidden(child)
                ):
                    doomed.append(child)
                else:
                    stack.append(child)
            elif isinstance(child, Comment):
                doomed.append(child)
    for node in doomed:
        if isinstance(node, Tag):
            node.decompose()
        else:
            node.extract()


def _is_fallback_text(tag: Tag) -> bool:
    """A <noscript> holding paragraphs: the article itself, for readers without scripts."""
    if tag.name != "noscript" or tag.find("p") is None:
        return False
    return len(tag.get_text()) >= _MIN_FALLBACK_CHARS


def _is_hidden(tag: Tag) -> bool:
    if tag.name in ("html", "body"):
        return False
    attrs = tag.attrs
    if "hidden" in attrs or str(attrs.get("aria-hidden", "")).lower() == "true":
        return True
    style = attrs.get("style")
    if style and _HIDDEN_STYLE.search(str(style)):
        return True
    classes = attrs.get("class")
    if not classes:
        return False
    if isinstance(classes, list):
        return any(str(name).lower() in rules.HIDDEN_CLASSES for name in classes)
    return not rules.HIDDEN_CLASSES.isdisjoint(str(classes).lower().split())


def _marked_content(order: list[Tag]) -> tuple[int | None, list[Tag]]:
    """All outermost elements carrying the strongest content marker present, and its rank."""
    best_rank: int | None = None
    best: list[Tag] = []
    class_rank = _CLASS_RANK
    for tag in order:
        if not tag.attrs:
            continue
        rank = _content_rank(tag, class_rank)
        if rank is None:
            continue
        if best_rank is None or rank < best_rank:
            best_rank, best = rank, [tag]
        elif rank == best_rank:
            best.append(tag)
    return best_rank, _outermost(best)


# Ranks 0 and 1: itemprop=articleBody and data attributes naming the article body.
_STRONG_MARKER_RANK = 1
_CLASS_RANK = {name: index + 2 for index, name in enumerate(rules.CONTENT_CLASSES)}


def _content_rank(tag: Tag, class_rank: dict[str, int]) -> int | None:
    attrs = tag.attrs
    if not attrs:
        return None
    itemprop = attrs.get("itemprop")
    if itemprop and set(str(itemprop).lower().split()) & rules.CONTENT_ITEMPROPS:
        return 0
    for attribute, value in rules.CONTENT_ATTRIBUTES:
        found = attrs.get(attribute)
        if found is not None and str(found).lower() == value:
            return 1
    classes = attrs.get("class")
    names = classes if isinstance(classes, list) else str(classes or "").lower().split()
    names = [str(n).lower() for n in names] if isinstance(classes, list) else names
    if attrs.get("id"):
        names.append(str(attrs["id"]).lower())
    ranks = [class_rank[n] for n in names if n in class_rank]
    return min(ranks) if ranks else None


def _outermost(tags: list[Tag]) -> list[Tag]:
    chosen = {id(t) for t in tags}
    return [t for t in tags if not any(id(parent) in chosen for parent in t.parents)]


def _largest(order: list[Tag], name: str, stats: dict[int, _Stats]) -> list[Tag]:
    found = [tag for tag in order if tag.name == name][:_MAX_LANDMARKS]
    if not found:
        return []
    outer = _outermost(found)
    return [max(outer, key=lambda tag: stats[id(tag)].chars)]


def _densest_block(order: list[Tag], stats: dict[int, _Stats], tokens: Tokens) -> Tag | None:
    """The container whose paragraphs carry the most text, after readability-style scoring.

    A paragraph scores by its length and commas, discounted by the share of it that is
    link text, so menus and lists of headlines do not outweigh prose.
    """
    scores = _paragraph_scores(order, stats)
    if not scores:
        return None
    # Comment threads and sidebars can be the densest text on a page; they are never it.
    ranked = sorted(scores, key=lambda key: scores[key][0], reverse=True)
    kept = (key for key in ranked if not _never_content(scores[key][1], tokens))
    top = list(islice(kept, _TOP_CANDIDATES))
    if not top:
        return None
    best = max(top, key=lambda key: scores[key][0] * (1 - _link_share(stats[key])))
    chosen = scores[best][1]
    # Text split over several similar blocks: climb to the element that holds most of them.
    rivals = [
        scores[key][1]
        for key in top
        if key != best and scores[key][0] >= _RIVAL_SHARE * scores[best][0]
    ]
    if len(rivals) >= _MIN_RIVALS:
        for ancestor in chosen.parents:
            if ancestor.name in ("body", "html", "[document]") or _never_content(ancestor, tokens):
                break
            held = sum(1 for rival in rivals if any(p is ancestor for p in rival.parents))
            if held >= _MIN_RIVALS:
                chosen = ancestor
                break
    return _outer_wrapper(chosen, tokens)


def _outer_wrapper(chosen: Tag, tokens: Tokens) -> Tag:
    """The outermost element that wraps nothing but ``chosen``.

    A lone wrapper adds nothing but may hold the text's neighbours one level up.
    """
    while True:
        parent = chosen.parent
        if not isinstance(parent, Tag) or parent.name in ("body", "html", "[document]"):
            break
        if sum(1 for child in parent.contents if isinstance(child, Tag)) != 1:
            break
        if _never_content(parent, tokens):
            break
        chosen = parent
    return chosen


def _paragraph_scores(order: list[Tag], stats: dict[int, _Stats]) -> dict[int, tuple[float, Tag]]:
    scores: dict[int, tuple[float, Tag]] = {}
    for tag in order:
        if tag.name not in _SCORED_OR_DIV:
            continue
        measure = stats[id(tag)]
        if tag.name == "div":
            length, commas, linked = measure.direct_chars, measure.direct_commas, 0
        else:
            length, commas, linked = measure.chars, measure.commas, measure.link_chars
        if length - linked < _MIN_SCORED_CHARS:
            continue
        score = (1 + commas + min(length // 100, 3)) * (1 - linked / length)
        if tag.name == "li":
            score *= _LIST_ITEM_WEIGHT
        parent = tag.parent
        grandparent = parent.parent if parent is not None else None
        for ancestor, weight in ((parent, 1.0), (grandparent, 0.5)):
            if isinstance(ancestor, Tag):
                previous = scores.get(id(ancestor))
                total = (previous[0] if previous else 0.0) + score * weight
                scores[id(ancestor)] = (total, ancestor)
    return scores


def _never_content(tag: Tag, tokens: Tokens) -> bool:
    """Regions that hold other people's text: comment threads, sidebars, site furniture."""
    if tag.name in rules.BOILERPLATE_TAGS and tag.name != "header":
        return True
    if str(tag.get("role", "")).lower() in rules.BOILERPLATE_ROLES:
        return True
    names = tokens(tag)
    if not names:
        return False
    # Run-together names count too: "commentsbox", "sidebarblocks".
    return bool(names & rules.NEVER_CONTENT_TOKENS) or any(
        name.startswith(rules.NEVER_CONTENT_PREFIXES) for name in names
    )


def _with_siblings(
    top: Tag, stats: dict[int, _Stats], tokens: Tokens, *, max_link_share: float = 1.0
) -> list[Tag]:
    """The chosen block plus neighbouring blocks that read like more of the same text.

    ``max_link_share`` caps the share of link text a joining sibling may hold.
    """
    parent = top.parent
    if not isinstance(parent, Tag):
        return [top]
    top_chars = stats[id(top)].chars
    roots: list[Tag] = []
    for sibling in parent.contents:
        if sibling is top:
            roots.append(top)
            continue
        if not isinstance(sibling, Tag) or sibling.name in rules.BOILERPLATE_TAGS:
            continue
        measure = stats.get(id(sibling))
        if measure is None or not measure.chars or _is_boilerplate(sibling, tokens):
            continue
        if _never_content(sibling, tokens):
            continue
        link_share = _link_share(measure)
        if link_share >= max_link_share:
            continue
        prose = (
            sibling.name == "p"
            and measure.chars >= _SIBLING_PARAGRAPH_CHARS
            and link_share < _SIBLING_PARAGRAPH_LINK_SHARE
        )
        more_text = (
            measure.has_paragraph
            and measure.chars >= _SIBLING_SHARE * top_chars
            and link_share < _SIBLING_LINK_SHARE
        )
        if prose or more_text:
            roots.append(sibling)
    return roots


def _link_share(measure: _Stats) -> float:
    return min(1.0, measure.link_chars / measure.chars) if measure.chars else 0.0


def _subtree_stats(root: Tag, order: list[Tag] | None = None) -> dict[int, _Stats]:
    """Text, link and comma counts of every element under ``root``, in one post-order walk.

    ``order``, when given, receives every element in document order.
    """
    walked: list[Tag] = []
    stack: list[Tag] = [root]
    while stack:
        tag = stack.pop()
        walked.append(tag)
        children = [child for child in tag.contents if isinstance(child, Tag)]
        if children:
            children.reverse()
            stack.extend(children)
    if order is not None:
        order.extend(walked)
    # Reversed document order meets every element after all of its descendants.
    stats: dict[int, _Stats] = {}
    media_tags = _MEDIA_TAGS
    for tag in reversed(walked):
        name = tag.name
        is_link = name == "a"
        chars = link_chars = commas = direct_chars = direct_commas = 0
        has_paragraph = name == "p"
        has_media = name in media_tags
        for child in tag.contents:
            if type(child) is NavigableString:
                text = child.strip()
                if not text:
                    continue
                length = len(text)
                count = text.count(",")
                direct_chars += length
                direct_commas += count
                if is_link:
                    link_chars += length
            elif isinstance(child, Tag):
                sub = stats[id(child)]
                chars += sub.chars
                commas += sub.commas
                link_chars += sub.chars if is_link else sub.link_chars
                has_paragraph = has_paragraph or sub.has_paragraph
                has_media = has_media or sub.has_media
        stats[id(tag)] = _Stats(
            chars + direct_chars,
            link_chars,
            commas + direct_commas,
            direct_chars,
            direct_commas,
            has_paragraph,
            has_media,
        )
    return stats


def _take_captions(roots: list[Tag], stats: dict[int, _Stats], tokens: Tokens) -> list[str]:
    """Collect caption texts in and around the content, and remove figures from it.

    ``stats`` are the text measures of the page as it is before figures are removed.
    """
    scopes: list[Tag] = []
    for root in roots:
        article = root if root.name == "article" else root.find_parent("article")
        scope = article if isinstance(article, Tag) else root
        if all(scope is not s for s in scopes):
            scopes.append(scope)
    captions: list[str] = []
    for scope in scopes:
        for tag in _outermost_matches(scope, lambda tag: _is_caption_element(tag, tokens)):
            text = collapse(tag.get_text(" "))
            if text and len(text) <= MAX_CAPTION_CHARS and not lines.is_credit(text):
                captions.append(text)

    def is_figure_part(tag: Tag) -> bool:
        if tag.name == "figure":
            return stats[id(tag)].has_media
        return _is_caption_or_credit(tag, tokens) and stats[id(tag)].chars <= MAX_CAPTION_CHARS

    # The roots do not overlap, so removing figures from one leaves the others' measures.
    for root in roots:
        for tag in _outermost_matches(root, is_figure_part):
            tag.decompose()
    return dedupe(captions)


def _take_standfirst(roots: list[Tag], tokens: Tokens) -> str | None:
    """Remove the standfirst (the summary under the headline) from the content; return its text."""
    found: str | None = None
    for root in roots:
        for tag in _outermost_matches(root, lambda tag: _is_standfirst_element(tag, tokens)):
            text = collapse(tag.get_text(" "))
            if len(text) > _MAX_STANDFIRST_CHARS or len(tag.find_all("p", limit=2)) > 1:
                continue
            found = found or text or None
            # A lead that opens the text is the story's first paragraph: it stays.
            if not (_reads_as_lead(text) and _opens(root, tag)):
                tag.decompose()
    return found


def _opens(root: Tag, tag: Tag) -> bool:
    """True when no more than a kicker's worth of text comes before ``tag`` in ``root``."""
    seen = 0
    for node in tag.previous_elements:
        if node is root:
            return True
        if type(node) is NavigableString:
            seen += len(node.strip())
            if seen > MAX_KICKER_CHARS * 2:
                return False
    return False


def _is_standfirst_element(tag: Tag, tokens: Tokens) -> bool:
    return tag.name in ("p", "div", "h2", "span") and bool(tokens(tag) & rules.STANDFIRST_TOKENS)


_CAPTION_OR_CREDIT_TOKENS = rules.CAPTION_TOKENS | rules.CREDIT_TOKENS


def _is_caption_or_credit(tag: Tag, tokens: Tokens) -> bool:
    return tag.name == "figcaption" or bool(tokens(tag) & _CAPTION_OR_CREDIT_TOKENS)


def _is_caption_element(tag: Tag, tokens: Tokens) -> bool:
    return tag.name == "figcaption" or bool(tokens(tag) & rules.CAPTION_TOKENS)


def _drop_boilerplate(root: Tag, tokens: Tokens) -> None:
    """Remove page furniture and link lists inside the content, sparing content wrappers."""
    stats = _subtree_stats(root)
    root_chars = stats[id(root)].chars
    layout: list[frozenset[str]] = []  # worked out the first time a layout marker is met

    def unwanted(tag: Tag) -> bool:
        measure = stats[id(tag)]
        if _is_set_apart(tag, tokens):
            return not (measure.has_paragraph and measure.chars > _WRAPPER_SHARE * root_chars)
        if not layout and tokens(tag) & rules.LAYOUT_TOKENS:
            layout.append(_layout_tokens(root, stats, tokens))
        if _is_boilerplate(tag, tokens, layout[0] if layout else frozenset()):
            if tokens(tag) & rules.COMMENT_TOKENS:
                return True  # a long thread is still other people's text
            wrapper = measure.has_paragraph and measure.chars > _WRAPPER_SHARE * root_chars
            return not wrapper
        return _is_link_list(tag, measure)

    for tag in _outermost_matches(root, unwanted):
        tag.decompose()


def _layout_tokens(root: Tag, stats: dict[int, _Stats], tokens: Tokens) -> frozenset[str]:
    """Boilerplate markers that the blocks holding most of the text under ``root`` carry.

    Page builders name every block of a page alike ("elementor-widget"), and some pages
    wrap the whole story in their paywall's box: a marker of that kind worn by most of
    the text is the layout's, not furniture's.
    """
    held: dict[str, int] = {}
    marked = rules.LAYOUT_TOKENS
    stack: list[tuple[Tag, frozenset[str]]] = [
        (child, frozenset()) for child in root.contents if isinstance(child, Tag)
    ]
    while stack:
        tag, above = stack.pop()
        names = tokens(tag)
        if names:
            fresh = (names & marked) - above
            if fresh:
                chars = stats[id(tag)].chars
                for name in fresh:
                    held[name] = held.get(name, 0) + chars
                above = above | fresh
        stack.extend((child, above) for child in tag.contents if isinstance(child, Tag))
    floor = _LAYOUT_SHARE * stats[id(root)].chars
    return frozenset(name for name, chars in held.items() if chars > floor)


def _is_set_apart(tag: Tag, tokens: Tokens) -> bool:
    """Text set apart from the story: an embedded Instagram or TikTok post, or a pull quote
    (a line of the story printed again in large type)."""
    names = tokens(tag)
    if not names:
        return False
    if names & _EMBED_NAMES:
        return True
    return any(marker in name for name in names for marker in _PULL_QUOTE_MARKERS)


def _is_boilerplate(tag: Tag, tokens: Tokens, layout: frozenset[str] = frozenset()) -> bool:
    """Page furniture by tag, role or class; ``layout`` markers (`_layout_tokens`) do not count."""
    # A <header> inside the content holds the headline and standfirst: its furniture
    # (byline, date, share bar) is caught by its own markers instead.
    if tag.name in rules.BOILERPLATE_TAGS and tag.name != "header":
        return True
    role = str(tag.get("role", "")).lower()
    if role in rules.BOILERPLATE_ROLES:
        return True
    names = tokens(tag)
    if not names & rules.BOILERPLATE_TOKENS:
        return False
    if layout:
        names = names - layout
        if not names & rules.BOILERPLATE_TOKENS:
            return False
    if names & rules.STRONG_BOILERPLATE_TOKENS:
        return True
    return not names & rules.CONTENT_TOKENS


def _is_link_list(tag: Tag, measure: _Stats) -> bool:
    """Lists and blocks that are mostly links: related stories, tag clouds, "Read more"."""
    if tag.name not in _LINK_LIST_TAGS or not measure.chars or not measure.link_chars:
        return False
    if tag.name in ("div", "section") and measure.has_paragraph:
        return False
    return measure.link_chars / measure.chars > _LINK_LIST_SHARE
