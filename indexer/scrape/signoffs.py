"""Sign-offs after the article text: the weakest source of who wrote a page.

Many pages name the writer only below the story: a bold name under the last paragraph,
"Gespeichert von Jane Doe am ...", "Autoren Jane Doe und John Roe", a credits box, or a
rel=author link in the post's own footer. These are read only when no other layer names
a person, and strictly: every part of the line must read as a name.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from bs4 import BeautifulSoup, Tag

from indexer.scrape import rules
from indexer.scrape.blocks import block_texts
from indexer.scrape.bylines import (
    byline_names,
    labelled_byline_names,
    name_from_profile_url,
    names_after_date,
    piece_byline_names,
    strip_opener,
)
from indexer.scrape.markup import article_region
from indexer.scrape.textutil import clean_value, collapse, short_text
from indexer.scrape.tree import PageTree

# A paragraph this long is prose: the sign-off is looked for after the last one.
_MIN_PROSE_CHARS = 120
_MAX_PARAGRAPHS = 400
# Elements read after the last paragraph, and distinct short lines among them.
_AFTER_TEXT = 16
_MAX_LINES = 3
_MAX_LINE_CHARS = 120
# A name standing alone on its line is a sign-off only when printed in emphasis.
_EMPHASIS = frozenset({"b", "strong", "em", "i"})
_MAX_LONE_NAMES = 3
# ...and only with at most this much text (share buttons, a tag list) after it.
_MAX_TAIL_CHARS = 60
_PICTURE_CREDIT = re.compile(
    r"\b(?:fotos?|photos?|bild(?:er)?|images?|illustrations?|quelle|source|credits?|"
    r"grafik|video|kamera|camera)\b",
    re.I,
)
_HOLDERS = ("p", "div", "span", "address", "small", "em", "strong", "b", "i", "li", "a", "h6")
# Headings open another section: a sign-off comes before them.
_SECTION_STARTS = frozenset({"h1", "h2", "h3", "h4", "h5", "form", "nav", "aside"})
# Class names of boxes that credit the text's makers without saying "author".
SIGNOFF_TOKENS = frozenset(
    {
        "credits",
        "credit-text",
        "signature",
        "signoff",
        "sign-off",
        "submitted",
        "submitted-by",
        "postedby",
        "posted-by",
        "wrote-by",
        "wrote_by",
        "written-by",
        "writtenby",
    }
)
_MAX_BOXES = 5
# Lines read for an author label standing alone, and the labels.
_MAX_LABELLED_LINES = 300
# Labels that name the author even without a colon ("Autor" above "Jane Doe").
_BARE_LABELS = frozenset({"autor", "autorin", "autoren", "author", "authors", "auteur", "autore"})
# Elements read after the <h1> for a line of furniture holding the byline.
_UNDER_HEADLINE = 30
_AUTHOR_LABELS = frozenset(
    {"autor", "autorin", "autoren", "author", "authors", "auteur", "autore", "von", "by", "text"}
)
_CREDITS_TOKENS = frozenset({"credits", "credit-text"})
# Class names of the box about the writer, printed after the text.
_AUTHOR_BOX_TOKENS = frozenset(
    {"author-bio", "author-box", "authorbox", "about-author", "author-info", "author-details"}
)
_BOX_HEADINGS = ("h2", "h3", "h4", "h5", "strong", "b")
_MAX_BOX_CHARS = 160
# Labels inside a credits box that name the writer ("Interview", "Text"), as opposed to
# the photographer or the stylist.
_WRITER_LABELS = frozenset(
    {"text", "texte", "texto", "words", "story", "interview", "autor", "autorin", "author"}
)
_FOREIGN_TAGS = frozenset({"aside", "nav", "form"})
_MAX_NAMED_ELEMENTS = 3000
# "Quelle: dpa": the label a desk credit opens with.
_SOURCE_LABEL = re.compile(r"^(?:quelle|source|fuente|fonte|źródło)\s*:\s*", re.I)
_MAX_CREDIT_CHARS = 60
# A post this long is the story itself, not a teaser card.
_MIN_POST_CHARS = 600
_MAX_LINKS = 1500
_SPELLINGS = {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"}
_FURNITURE_TOKENS = rules.FOREIGN_BYLINE_TOKENS - {"footer"}


def signed_off_names(soup: BeautifulSoup, tree: PageTree) -> list[str]:
    """Person names from a sign-off after the article text, a credits box, or a rel=author
    link in a footer inside the article; [] when there is none."""
    region = article_region(soup, tree)
    return (
        _after_text(tree, region)
        or _credit_boxes(tree, region)
        or _post_footer(tree)
        or _label_above_name(region)
        or _furniture_line_under_headline(tree)
        or _byline_in_post(tree)
        or _profile_link(tree)
    )


def signoff_line_names(line: str, *, emphasised: bool = False) -> list[str] | None:
    """The names a sign-off line gives ("Von Jane Doe", "Autoren Jane Doe und John Roe",
    "Text: Jane Doe"); a bare name counts only when ``emphasised`` and written in full."""
    text = collapse(line)
    if not text or len(text) > _MAX_LINE_CHARS:
        return None
    names = byline_names(text) or labelled_byline_names(text)
    if names:
        return names
    if not emphasised or text.endswith(":") or _PICTURE_CREDIT.search(text):
        return None  # "Mehr Themen:", "Foto: Jane Doe": a label, a photographer
    names = names_after_date(text)
    if names and len(names) <= _MAX_LONE_NAMES and all(" " in n for n in names):
        return names
    return None


def _after_text(tree: PageTree, region: Tag) -> list[str]:
    for tag, line, bound in _lines_after_text(tree, region):
        lone = _is_emphasised(tag) and _closes(bound, line)
        names = signoff_line_names(line, emphasised=lone)
        if names:
            return names
    return []


def credit_lines(soup: BeautifulSoup, tree: PageTree) -> list[str]:
    """The short lines right after the article text, a source label taken off: where a
    desk credits the story ("Quelle: hessenschau.de/bb", "red, wien.ORF.at/Agenturen").
    Which of them is a credit is for the caller to judge, against the site's names."""
    region = article_region(soup, tree)
    found: list[str] = []
    for _, line, _ in _lines_after_text(tree, region):
        text = _SOURCE_LABEL.sub("", line).strip()
        if text and len(text) <= _MAX_CREDIT_CHARS:
            found.append(text)
    # A labelled source line anywhere in the article ("Quelle: kathpress") says so itself.
    for line in block_texts(region, limit=_MAX_LABELLED_LINES):
        label = _SOURCE_LABEL.match(line)
        text = line[label.end() :].strip() if label else ""
        if text and len(text) <= _MAX_CREDIT_CHARS and text not in found:
            found.append(text)
    return found


def _lines_after_text(tree: PageTree, region: Tag) -> Iterator[tuple[Tag, str, Tag]]:
    """(element, its text, the block holding the text) for the first short lines after
    the last paragraph of the text, inside the block around it."""
    last = _last_paragraph(tree, region)
    if last is None:
        return
    bound = last.parent.parent if last.parent is not None else None
    if not isinstance(bound, Tag):
        return
    seen: set[str] = set()
    for tag in tree.following(last, _HOLDERS, limit=_AFTER_TEXT):
        if tree.contains(last, tag):
            continue
        if not tree.contains(bound, tag):
            break
        line = short_text(tag, _MAX_LINE_CHARS)
        if not line or line in seen:
            continue
        seen.add(line)
        yield tag, line, bound
        if len(seen) >= _MAX_LINES:
            break


def _last_paragraph(tree: PageTree, region: Tag) -> Tag | None:
    """The last long <p> of the region that is not inside comments or furniture."""
    paragraphs = tree.find_all("p", region)
    for tag in reversed(paragraphs[-_MAX_PARAGRAPHS:]):
        text = short_text(tag, 4 * _MIN_PROSE_CHARS) or ""
        long_enough = len(text) >= _MIN_PROSE_CHARS or not text and tag.get_text(strip=True)
        if long_enough and not _in_furniture(tree, tag):
            return tag
    return None


def _in_furniture(tree: PageTree, tag: Tag) -> bool:
    """Inside comments, teasers, sidebars, navigation or the page's own footer (a footer
    inside an <article> is the post's, and a region holding the <h1> is the article's)."""
    for parent in tag.parents:
        if parent.name in ("body", "html"):
            return False  # classes on <body> describe the page layout, not a region
        if parent.name in _FOREIGN_TAGS:
            return True
        if parent.name == "footer" and parent.find_parent("article") is None:
            return True
        if tree.class_tokens(parent) & _FURNITURE_TOKENS:
            return tree.find("h1", parent) is None
    return False


def _closes(bound: Tag, line: str) -> bool:
    """True when little but buttons follows ``line`` in ``bound``: a name that signs the
    text off, not a bold intertitle with more text below it."""
    text = collapse(bound.get_text(" "))
    at = text.rfind(line)
    return at >= 0 and len(text) - at - len(line) <= _MAX_TAIL_CHARS


def _is_emphasised(tag: Tag) -> bool:
    """True when the element's text is all inside one bold or italic element."""
    if tag.name in _EMPHASIS:
        return True
    text = collapse(tag.get_text(" "))
    return any(collapse(inner.get_text(" ")) == text for inner in tag.find_all(_EMPHASIS, limit=3))


def _credit_boxes(tree: PageTree, region: Tag) -> list[str]:
    """Names in a credits or "submitted" box, or in a byline or author box left out of the
    markup layer because it sits in the post's footer."""
    boxes = tree.with_tokens(SIGNOFF_TOKENS | rules.BYLINE_TOKENS | _AUTHOR_BOX_TOKENS, region)
    for box in [b for b in boxes if not _in_furniture(tree, b)][:_MAX_BOXES]:
        text = short_text(box, _MAX_BOX_CHARS)
        tokens = tree.class_tokens(box)
        if text is None or tokens & _AUTHOR_BOX_TOKENS:
            names = _box_heading_names(box)
        elif tokens & _CREDITS_TOKENS:
            names = next(filter(None, map(_credit_line_names, _box_lines(box))), None)
        elif strip_opener(text) != collapse(text):
            # "Gespeichert von jdoe am ...": read loosely, as a byline element is
            names = signoff_line_names(text) or [text]
        else:
            names = signoff_line_names(text)
        if names:
            return names
    return []


def _credit_line_names(line: str) -> list[str] | None:
    return signoff_line_names(line) or _labelled_credit(line)


def _box_heading_names(box: Tag) -> list[str] | None:
    """The name an author box prints as its heading ("<h3>Jane Doe</h3> Jane writes ...")."""
    for heading in box.find_all(_BOX_HEADINGS, limit=3):
        line = short_text(heading, _MAX_LINE_CHARS)
        names = names_after_date(line) if line else None
        if names and len(names) == 1 and " " in names[0]:
            return names
    return None


def _box_lines(box: Tag) -> list[str]:
    children = list(box.find_all(True, recursive=False)) or [box]
    lines = [short_text(child, _MAX_BOX_CHARS) for child in children]
    whole = short_text(box, _MAX_BOX_CHARS)
    return [line for line in [*lines, whole] if line]


def _labelled_credit(line: str) -> list[str] | None:
    """ "Interview SVEN MICHAELSEN": a writer's label, then the names."""
    label, _, rest = collapse(line).partition(" ")
    if label.strip(":").casefold() not in _WRITER_LABELS or not rest:
        return None
    return names_after_date(rest)


def _post_footer(tree: PageTree) -> list[str]:
    """rel=author links in a <footer> inside an <article>: the post's own byline."""
    found: list[str] = []
    for tag in tree.find_all("a", attribute="rel", limit=200):
        rel = tag.get("rel")
        rels = [str(r).lower() for r in (rel if isinstance(rel, list) else str(rel).split())]
        if "author" not in rels:
            continue
        footer = tag.find_parent("footer")
        if footer is None or footer.find_parent("article") is None:
            continue
        if _in_furniture(tree, footer.find_parent("article")):
            continue
        text = clean_value(tag.get_text(" "))
        if text:
            found.append(text)
    return found


def _label_above_name(region: Tag) -> list[str]:
    """A name on the line after an author label that stands alone ("Autor:" / "Jane Doe"),
    as pages print label and value in cells or headings of their own."""
    previous = ""
    for line in block_texts(region, limit=_MAX_LABELLED_LINES):
        if previous:
            names = byline_names(f"By {line}")
            if names and all(" " in name for name in names):
                return names  # in full: a one-word value is a page's title ("Über-Ich")
        label = line.rstrip(" :").casefold()
        labelled = label in _AUTHOR_LABELS and (line.endswith(":") or label in _BARE_LABELS)
        previous = line if labelled else ""
    return []


def _furniture_line_under_headline(tree: PageTree) -> list[str]:
    """A byline that is one piece of a line of furniture under the <h1>, outside the
    article element ("Parenting | By Jane Doe | April 13, 2020")."""
    heading = tree.find("h1")
    if heading is None:
        return []
    for tag in tree.following(heading, _HOLDERS, limit=_UNDER_HEADLINE):
        line = short_text(tag, _MAX_LINE_CHARS)
        names = (piece_byline_names(line) or labelled_byline_names(line)) if line else None
        if names:
            return names
    return []


def _byline_in_post(tree: PageTree) -> list[str]:
    """A byline element in the post's own footer ("Eingestellt von Jane Doe" in a blog
    post's footer line), which the markup layer leaves to this reader: a footer inside a
    post (an <article> or an "hentry") is the post's, not the page's."""
    for tag in tree.with_tokens(rules.BYLINE_TOKENS, first=_MAX_NAMED_ELEMENTS):
        post = _own_post(tree, tag)
        if post is None or len(post.get_text(" ", strip=True)) < _MIN_POST_CHARS:
            continue  # no post, or a teaser card: a few lines with another story's byline
        text = clean_value(tag.get_text(" ")) or ""
        if len(text) > _MAX_LINE_CHARS or _PICTURE_CREDIT.search(text):
            continue
        opened = strip_opener(text) != text  # "Eingestellt von der Michel"
        if opened or byline_names(f"By {text}"):
            return [text]
    return []


def _own_post(tree: PageTree, tag: Tag) -> Tag | None:
    """The post (an <article> or an "hentry") ``tag`` is in, with nothing between them
    that is comments, teasers or navigation; whatever holds the post may be any region
    (blog engines put the whole column of posts in a "widget")."""
    for parent in tag.parents:
        if parent.name in ("body", "html") or parent.name in _FOREIGN_TAGS:
            return None
        if parent.name == "article" or "hentry" in tree.class_tokens(parent):
            return parent
        if tree.class_tokens(parent) & _FURNITURE_TOKENS:
            return None
    return None


def _profile_link(tree: PageTree) -> list[str]:
    """The first link to a writer's profile page whose text is the name the address spells
    (".../autoren/jane-doe-6841" reading "Jane Doe"), outside comments and teasers."""
    for tag in tree.find_all("a", attribute="href", limit=_MAX_LINKS):
        slug = name_from_profile_url(str(tag["href"]))
        if not slug or _in_furniture(tree, tag):
            continue
        words = (clean_value(tag.get_text(" ")) or "").split()
        name = " ".join(words[-len(slug.split()) :])  # "© Jane Doe Jane Doe": a photo credit first
        if name and _spelled(name) == _spelled(slug):
            return [name]
    return []


def _spelled(name: str) -> str:
    """A name's letters as an address spells them: lower case, umlauts written out."""
    folded = name.casefold()
    for letter, spelled in _SPELLINGS.items():
        folded = folded.replace(letter, spelled)
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if ch.isalpha())
