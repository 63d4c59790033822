"""One function per article field, each with its fallback order over the page's layers.

Layers, most structured first: JSON-LD, meta tags, microdata, semantic markup, text cues.
Each function states the order it asks them in and normalises what it takes. The dates,
which weigh layers against each other and the URL, are chosen in `date_fields`, and the
authors, weighed across layers and against the outlet's names, in `author_fields`.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4 import Tag

from indexer.scrape import rules, urls
from indexer.scrape.facts import Layers, Picked
from indexer.scrape.language import choose_language
from indexer.scrape.textutil import clean_value, dedupe, first_text, match_key

_TITLE_SEPARATOR = re.compile(rules.TITLE_SEPARATORS)
_LANGUAGE = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")
_MAX_SUFFIX_WORDS = 6
_WORD = re.compile(r"\w+")
# A heading agrees with a title when this share of the shorter one's words is in the other.
_AGREEMENT = 0.6
# ...and the shorter has at least this share of the longer one's length in words.
_MIN_LENGTH_SHARE = 0.4
_LONE_HEADING_WORDS = 5
_MIN_SITE_KEY_CHARS = 4
# Words this long that differ by at most this many closing letters are one word inflected.
_MIN_STEM_CHARS = 5
_MAX_ENDING_CHARS = 3
# A title part holding the site's name with this many more words is a headline, not a name.
_MAX_EXTRA_SITE_WORDS = 2
# How many opening paragraphs are checked for a standfirst the body already holds.
_STANDFIRST_LOOKAHEAD = 3
# A declared description shorter than this is a slogan or a label, not a standfirst.
_MIN_STANDFIRST_WORDS = 8
_OPENING_KEY_CHARS = 60


def canonical_url(layers: Layers, url: str | None) -> str | None:
    """The page's declared canonical: <link rel=canonical>, og:url, then JSON-LD url.

    A canonical naming only the site's home page while the page itself is deeper is a
    template mistake, and is ignored so that articles do not all share one id.
    """
    for raw in (layers.markup.canonical, layers.meta.url, layers.jsonld.url):
        candidate = urls.without_fragment(urls.absolute(raw, url))
        if candidate and not _is_home_page_of_deeper(candidate, url):
            return candidate
    return None


def page_url(canonical: str | None, url: str | None) -> str | None:
    """The article's URL: its canonical if http(s), else the URL it was fetched from."""
    if urls.is_http(canonical):
        return canonical
    return urls.without_fragment(url) if urls.is_http(url) else None


def source(layers: Layers, url: str | None) -> Picked[str]:
    """og:site_name → JSON-LD publisher → microdata publisher → application-name →
    the name after the headline in <title> → the host."""
    weak = _weak_site_names(layers)
    for layer, value in (
        ("meta", layers.meta.site_name),
        ("jsonld", layers.jsonld.site_name),
        ("microdata", layers.microdata.site_name),
        ("meta", layers.meta.publisher if layers.meta.publisher in weak else None),
        ("markup", layers.markup.site_name if layers.markup.site_name in weak else None),
    ):
        text = clean_value(value)
        if text:
            return text, layer
    host = urls.host_name(url)
    return (host, "url") if host else (None, None)


def headline(layers: Layers, site_names: list[str]) -> Picked[str]:
    """The visible <h1> when a declared title confirms it (or it is the page's only <h1> and
    a sentence long), else the first declared title.

    Declared titles, in order: JSON-LD headline, og:title/twitter:title/other metas,
    microdata, <title>. Social and SEO titles are often reworded, shortened or cut, so
    the <h1> printed on the page wins whenever one of them shares most of its words.
    Titles that only name the site are passed over, and the site name is cut off.
    """
    keys = site_name_keys(site_names)
    declared = [
        (layer, text)
        for layer, text in (
            ("jsonld", clean_value(layers.jsonld.headline)),
            ("meta", clean_value(layers.meta.headline)),
            ("microdata", clean_value(layers.microdata.headline)),
            ("markup", clean_value(layers.markup.title)),
        )
        if text
        and not is_site_name(text, keys)
        and match_key(text) not in rules.GENERIC_PAGE_TITLES
    ]
    headings = [h for h in layers.markup.headings if not is_site_name(h, keys)]
    # Headlines written for the article (JSON-LD, og:title) confirm a heading before the
    # <title> does: the <title> also carries the site's name, which a logo <h1> repeats.
    written = [text for layer, text in declared if layer != "markup"]
    titles = [text for layer, text in declared if layer == "markup"]
    for heading in headings:
        if any(_agrees(heading, text) for text in written):
            return strip_site_name(heading, site_names), "markup"
    for heading in headings:
        if any(_title_confirms(heading, text) for text in titles):
            return strip_site_name(heading, site_names), "markup"
    if (
        len(headings) == 1
        and _stands_alone(headings[0], [text for _, text in declared])
        and not (declared and _mentions_site(headings[0], keys))
    ):
        # The page's only <h1>, a sentence long: the printed headline, however differently
        # the social or SEO title words it.
        return strip_site_name(headings[0], site_names), "markup"
    for layer, text in declared:
        return strip_site_name(text, site_names), layer
    if headings:
        return headings[0], "markup"
    text = clean_value(layers.markup.headline)
    return (text, "markup") if text else (None, None)


def strip_site_name(title: str, site_names: list[str]) -> str:
    """ "Headline | Outlet" → "Headline" when the cut-off part names the site."""
    keys = site_name_keys(site_names)
    if not keys:
        return title
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    separators = _TITLE_SEPARATOR.findall(title)
    while len(parts) > 1 and names_site(parts[-1], keys):
        parts.pop()
        separators.pop()
    while len(parts) > 1 and names_site(parts[0], keys):
        parts.pop(0)
        separators.pop(0)
    rebuilt = parts[0]
    for separator, part in zip(separators, parts[1:], strict=True):
        rebuilt += separator + part
    return rebuilt.strip() or title


def description(layers: Layers, standfirst: str | None) -> Picked[str]:
    """JSON-LD description → og:/twitter:/meta description → microdata → standfirst element."""
    for layer, value in (*layers.each("description"), ("markup", standfirst)):
        text = clean_value(value)
        if text:
            return text, layer
    return None, None


def printed_standfirst(
    layers: Layers, standfirst: str | None, page: Tag, paragraphs: list[str]
) -> str | None:
    """The standfirst as the page prints it above the body, or None.

    A standfirst element found in the content counts when the page's declared
    description (JSON-LD, meta, microdata) confirms it; otherwise the declared
    description itself counts when it is printed on the page (the text left in ``page``
    once the body is read) before the
    body's first paragraph. A description that only lives in the page's metadata is not
    article text, and neither is a "standfirst" element the description does not confirm
    (sign-up boxes and author notes use the same class names).
    """
    declared = first_text(
        layers.jsonld.description, layers.meta.description, layers.microdata.description
    )
    if not declared:
        return None
    if standfirst and _agrees(standfirst, declared):
        return standfirst
    if len(_words(declared)) < _MIN_STANDFIRST_WORDS:
        return None
    page_key = match_key(page.get_text(" "))
    at = page_key.find(match_key(declared))
    if at < 0:
        return None
    if paragraphs:
        opening = page_key.find(match_key(paragraphs[0])[:_OPENING_KEY_CHARS])
        if 0 <= opening < at:
            return None  # printed after the story starts: a teaser or a repeat
    return declared


def with_standfirst(paragraphs: list[str], standfirst: str | None) -> list[str]:
    """The body's paragraphs, led by the standfirst when the page prints one above them.

    The standfirst (the summary under the headline) is the story's first paragraph as
    readers see it, so it opens the body; it is also the article's description. A body
    that already holds it is left as it is.
    """
    text = clean_value(standfirst)
    if not text:
        return paragraphs
    key = match_key(text)
    if any(key in match_key(p) for p in paragraphs[:_STANDFIRST_LOOKAHEAD]):
        return paragraphs
    return [text, *paragraphs]


def section(layers: Layers) -> str | None:
    """JSON-LD articleSection → article:section and kin → microdata."""
    return first_text(layers.jsonld.section, layers.meta.section, layers.microdata.section)


def tags(layers: Layers) -> list[str]:
    """JSON-LD keywords → article:tag/keywords metas → microdata; de-duplicated."""
    for facts in (layers.jsonld, layers.meta, layers.microdata):
        cleaned = [t for t in (clean_value(tag) for tag in facts.tags) if t and len(t) <= 100]
        if cleaned:
            return dedupe(cleaned)
    return []


def language(layers: Layers, text: str | None = None) -> Picked[str]:
    """<html lang> → JSON-LD inLanguage → og:locale/content-language → microdata (primary
    subtag), checked against the language ``text`` reads as; detected when none is declared.
    """
    declared: Picked[str] = (None, None)
    for layer, facts in (
        ("markup", layers.markup),
        ("jsonld", layers.jsonld),
        ("meta", layers.meta),
        ("microdata", layers.microdata),
    ):
        code = primary_language(facts.language)
        if code:
            declared = (code, layer)
            break
    code, how = choose_language(declared[0], text)
    if how == "detected":
        return code, "text"
    return declared


def detected_language(text: str | None) -> Picked[str]:
    """The language a plain text reads as, when it is long and clear enough to tell."""
    code, how = choose_language(None, text)
    return (code, "text") if how else (None, None)


def primary_language(value: str | None) -> str | None:
    """ "en-GB" → "en"; None for values that are not language tags."""
    text = clean_value(value)
    if not text:
        return None
    match = _LANGUAGE.match(text.split(",")[0].strip())
    return match.group(1).lower() if match else None


def image(layers: Layers, base: str | None) -> str | None:
    """og:image/twitter:image → JSON-LD image → microdata → <link rel=image_src>, made absolute."""
    for facts in (layers.meta, layers.jsonld, layers.microdata, layers.markup):
        link = urls.absolute(facts.image, base)
        if link:
            return link
    return None


def site_names(layers: Layers, url: str | None) -> list[str]:
    """Every name the page gives itself, for cutting titles and spotting outlet bylines."""
    weak = _weak_site_names(layers)
    names = [
        layers.meta.site_name,
        layers.jsonld.site_name,
        layers.meta.publisher if layers.meta.publisher in weak else None,
        layers.microdata.site_name,
        layers.markup.site_name if layers.markup.site_name in weak else None,
        urls.host_name(url),
    ]
    return dedupe(n for n in names if n)


def _weak_site_names(layers: Layers) -> list[str]:
    """The publisher meta and the name read off the <title>, unless they are the article's
    own declared headline (a title laid out "Site | Headline" read the wrong way round)."""
    headlines = {match_key(t) for t in (layers.jsonld.headline, layers.meta.headline) if t}
    return [
        n
        for n in (layers.meta.publisher, layers.markup.site_name)
        if n and match_key(n) not in headlines
    ]


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _agrees(heading: str, title: str) -> bool:
    """True when most words of the shorter text are in the longer one."""
    a, b = _words(heading), _words(title)
    if not a or not b:
        return False
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) < _MIN_LENGTH_SHARE * len(longer):
        return False  # a site name inside a long title, or one word of it
    inside = set(longer)
    shared = sum(1 for w in shorter if w in inside or _shares_stem(w, longer))
    return shared >= _AGREEMENT * len(shorter)


def _title_confirms(heading: str, title: str) -> bool:
    """Whether the <title> confirms a heading. A <title> made of parts ("Headline | Site")
    confirms it when most words agree; a plain one-sentence <title> worded differently
    from the heading is the page's own choice of headline, so it must also hold the
    heading (or the heading it) word for word."""
    if _TITLE_SEPARATOR.search(title):
        return _agrees(heading, title)
    return _agrees(heading, title) and _holds(heading, title)


def _holds(heading: str, title: str) -> bool:
    """True when one text's words are a run of the other's ("Headline" in "Headline | Site")."""
    a, b = " ".join(_words(heading)), " ".join(_words(title))
    return bool(a and b) and (f" {a} " in f" {b} " or f" {b} " in f" {a} ")


def _shares_stem(word: str, others: list[str]) -> bool:
    """True when ``word`` and one of ``others`` differ only by an ending ("Joghurt" and
    "Joghurts", "nachhaltig" and "nachhaltiger"): the same word, inflected."""
    if len(word) < _MIN_STEM_CHARS:
        return False
    return any(
        len(other) >= _MIN_STEM_CHARS
        and (other.startswith(word) or word.startswith(other))
        and abs(len(other) - len(word)) <= _MAX_ENDING_CHARS
        for other in others
    )


def is_site_name(text: str, keys: set[str]) -> bool:
    """True when ``text`` is nothing but one of the site's names."""
    key = match_key(text)
    compact = key.replace(" ", "")
    return any(key == site or compact == site.replace(" ", "") for site in keys)


def _stands_alone(heading: str, titles: list[str]) -> bool:
    """A sentence-long heading that is not a fragment (a site or section name) of a title."""
    words = _words(heading)
    if len(words) < _LONE_HEADING_WORDS:
        return False
    for title in titles:
        inside = set(_words(title))
        if sum(1 for w in words if w in inside) >= _AGREEMENT * len(words):
            return False
    return True


def _mentions_site(heading: str, keys: set[str]) -> bool:
    """True when a heading opens with the site's name ("Valley Post, the valley's first
    daily"): a masthead slogan rather than a headline, when the declared titles say otherwise."""
    compact = match_key(heading).replace(" ", "")
    return any(
        len(site) >= _MIN_SITE_KEY_CHARS and compact.startswith(site.replace(" ", ""))
        for site in keys
    )


def site_name_keys(site_names: list[str]) -> set[str]:
    """The site's names as compared: folded, and each address without its domain ending."""
    keys = {_site_key(n) for n in site_names if n} | {match_key(n) for n in site_names if n}
    return {k for k in keys if k}


def _site_key(name: str) -> str:
    key = match_key(name)
    if "." in name and " " not in name.strip():
        key = match_key(name.rsplit(".", 1)[0])  # "jpost.com" → "jpost"
    return key


def names_site(part: str, keys: set[str]) -> bool:
    """True when a title part or a credit names the site, in any spacing or word order."""
    key = match_key(part)
    if not key or len(key.split()) > _MAX_SUFFIX_WORDS:
        return False
    compact = key.replace(" ", "")
    for site in keys:
        site_compact = site.replace(" ", "")
        if key == site or compact == site_compact:
            return True
        if len(key.split()) > 1 and sorted(key.split()) == sorted(site.split()):
            return True  # "Krimiblog-Archiv" on archiv.krimiblog.de
        if len(site_compact) >= _MIN_SITE_KEY_CHARS and compact in site_compact:
            return True
        if (
            len(site_compact) >= _MIN_SITE_KEY_CHARS
            and site_compact in compact
            and len(key.split()) <= len(site.split()) + _MAX_EXTRA_SITE_WORDS
        ):
            return True  # "Outlet Online", "The Outlet" but not a headline naming the site
    return False


def _is_home_page_of_deeper(candidate: str, url: str | None) -> bool:
    if not urls.is_http(url):
        return False
    canonical_path = urlsplit(candidate).path.strip("/")
    own_path = urlsplit(url or "").path.strip("/")
    return not canonical_path and bool(own_path)
