"""One function per article field, each with its fallback order over the page's layers.

Layers, most structured first: JSON-LD, meta tags, microdata, semantic markup, text cues.
Each function states the order it asks them in and normalises what it takes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TypeVar
from urllib.parse import urlsplit

from indexer.scrape import rules, urls
from indexer.scrape.bylines import agency_name, looks_like_organisation, normalise_authors
from indexer.scrape.dates import date_from_url, normalise_date, same_moment
from indexer.scrape.facts import Facts, Layers
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

T = TypeVar("T")
#: A field's value and the layer it came from ("jsonld", "meta", "microdata", "markup",
#: "text", "url"); the layer is None when the value is None.
Picked = tuple[T | None, str | None]


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
    for layer, value in (
        ("meta", layers.meta.site_name),
        ("jsonld", layers.jsonld.site_name),
        ("microdata", layers.microdata.site_name),
        ("meta", layers.meta.publisher),
        ("markup", layers.markup.site_name),
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
    keys = _site_keys(site_names)
    declared = [
        (layer, text)
        for layer, text in (
            ("jsonld", clean_value(layers.jsonld.headline)),
            ("meta", clean_value(layers.meta.headline)),
            ("microdata", clean_value(layers.microdata.headline)),
            ("markup", clean_value(layers.markup.title)),
        )
        if text and not _is_site_name(text, keys)
    ]
    headings = [h for h in layers.markup.headings if not _is_site_name(h, keys)]
    # Headlines written for the article (JSON-LD, og:title) confirm a heading before the
    # <title> does: the <title> also carries the site's name, which a logo <h1> repeats.
    written = [text for layer, text in declared if layer != "markup"]
    titles = [text for layer, text in declared if layer == "markup"]
    for references in (written, titles):
        for heading in headings:
            if any(_agrees(heading, text) for text in references):
                return strip_site_name(heading, site_names), "markup"
    if len(headings) == 1 and _stands_alone(headings[0], [text for _, text in declared]):
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
    keys = _site_keys(site_names)
    if not keys:
        return title
    parts = _TITLE_SEPARATOR.split(title)
    if len(parts) < 2:
        return title
    separators = _TITLE_SEPARATOR.findall(title)
    while len(parts) > 1 and _names_site(parts[-1], keys):
        parts.pop()
        separators.pop()
    while len(parts) > 1 and _names_site(parts[0], keys):
        parts.pop(0)
        separators.pop(0)
    rebuilt = parts[0]
    for separator, part in zip(separators, parts[1:], strict=True):
        rebuilt += separator + part
    return rebuilt.strip() or title


def description(layers: Layers, standfirst: str | None) -> Picked[str]:
    """JSON-LD description → og:/twitter:/meta description → microdata → standfirst element."""
    for layer, value in (*_each(layers, "description"), ("markup", standfirst)):
        text = clean_value(value)
        if text:
            return text, layer
    return None, None


def authors(layers: Layers, site_names: list[str]) -> Picked[list[str]]:
    """JSON-LD → meta → microdata → byline markup → "By X" text; the first that names a person.

    A layer naming only an agency or the outlet itself is remembered and used only if
    no later layer names a person.
    """
    site_keys = {match_key(n) for n in site_names if n}
    keys = _site_keys(site_names)
    fallback: Picked[list[str]] = ([], None)
    for layer, facts in _layers(layers):
        names = normalise_authors(facts.authors)
        persons = [
            n
            for n in names
            if not agency_name(n)
            and match_key(n) not in site_keys
            and not looks_like_organisation(n)
            and not _is_site_name(n, keys)
        ]
        if persons:
            return persons, layer
        if names and not fallback[0]:
            fallback = (names, layer)
    return fallback


def published(layers: Layers, url: str | None = None) -> Picked[str]:
    """JSON-LD datePublished → meta → microdata → <time> → "Published ..." text → URL date."""
    found = _first_date(_each(layers, "published"))
    if found[0]:
        return found
    from_url = date_from_url(url)
    return (from_url, "url") if from_url else (None, None)


def updated(layers: Layers, published_at: str | None) -> Picked[str]:
    """JSON-LD dateModified → meta → microdata → <time> → "Updated ..." text; only if it differs."""
    value, layer = _first_date(_each(layers, "updated"))
    if value is None or same_moment(value, published_at):
        return None, None
    return value, layer


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
    names = [
        layers.meta.site_name,
        layers.jsonld.site_name,
        layers.meta.publisher,
        layers.microdata.site_name,
        layers.markup.site_name,
        urls.host_name(url),
    ]
    return dedupe(n for n in names if n)


def _layers(layers: Layers) -> Iterator[tuple[str, Facts]]:
    yield "jsonld", layers.jsonld
    yield "meta", layers.meta
    yield "microdata", layers.microdata
    yield "markup", layers.markup
    yield "text", layers.text


def _each(layers: Layers, field: str) -> list[tuple[str, str | None]]:
    return [(layer, getattr(facts, field)) for layer, facts in _layers(layers)]


def _first_date(values: list[tuple[str, str | None]]) -> Picked[str]:
    for layer, value in values:
        iso = normalise_date(value)
        if iso:
            return iso, layer
    return None, None


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
    shared = sum(1 for w in shorter if w in set(longer))
    return shared >= _AGREEMENT * len(shorter)


def _is_site_name(text: str, keys: set[str]) -> bool:
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


def _site_keys(site_names: list[str]) -> set[str]:
    keys = {_site_key(n) for n in site_names if n} | {match_key(n) for n in site_names if n}
    return {k for k in keys if k}


def _site_key(name: str) -> str:
    key = match_key(name)
    if "." in name and " " not in name.strip():
        key = match_key(name.rsplit(".", 1)[0])  # "jpost.com" → "jpost"
    return key


def _names_site(part: str, keys: set[str]) -> bool:
    key = match_key(part)
    if not key or len(key.split()) > _MAX_SUFFIX_WORDS:
        return False
    compact = key.replace(" ", "")
    for site in keys:
        site_compact = site.replace(" ", "")
        if key == site or compact == site_compact:
            return True
        if len(site_compact) >= 4 and (site_compact in compact or compact in site_compact):
            return True
    return False


def _is_home_page_of_deeper(candidate: str, url: str | None) -> bool:
    if not urls.is_http(url):
        return False
    canonical_path = urlsplit(candidate).path.strip("/")
    own_path = urlsplit(url or "").path.strip("/")
    return not canonical_path and bool(own_path)
