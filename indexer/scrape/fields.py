"""One function per article field, each with its fallback order over the page's layers.

Layers, most structured first: JSON-LD, meta tags, microdata, semantic markup, text cues.
Each function states the order it asks them in and normalises what it takes.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from indexer.scrape import rules, urls
from indexer.scrape.bylines import agency_name, normalise_authors
from indexer.scrape.dates import normalise_date, same_moment
from indexer.scrape.facts import Layers
from indexer.scrape.textutil import clean_value, dedupe, first_text, match_key

_TITLE_SEPARATOR = re.compile(rules.TITLE_SEPARATORS)
_LANGUAGE = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]{1,8})*$")
_MAX_SUFFIX_WORDS = 6


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


def source(layers: Layers, url: str | None) -> str | None:
    """og:site_name → JSON-LD publisher → microdata publisher → application-name →
    the name after the headline in <title> → the host."""
    return first_text(
        layers.meta.site_name,
        layers.jsonld.site_name,
        layers.microdata.site_name,
        layers.meta.publisher,
        layers.markup.site_name,
    ) or urls.host_name(url)


def headline(layers: Layers, site_names: list[str]) -> str | None:
    """JSON-LD headline → og:title/twitter:title/meta → microdata → <h1>/<title>, site name cut."""
    for facts in (layers.jsonld, layers.meta, layers.microdata, layers.markup):
        text = clean_value(facts.headline)
        if text:
            return strip_site_name(text, site_names)
    return None


def strip_site_name(title: str, site_names: list[str]) -> str:
    """ "Headline | Outlet" → "Headline" when the cut-off part names the site."""
    keys = {k for k in (_site_key(n) for n in site_names if n) if k}
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


def description(layers: Layers, standfirst: str | None) -> str | None:
    """JSON-LD description → og:/twitter:/meta description → microdata → standfirst element."""
    return first_text(
        layers.jsonld.description,
        layers.meta.description,
        layers.microdata.description,
        standfirst,
    )


def authors(layers: Layers, site_names: list[str]) -> list[str]:
    """JSON-LD → meta → microdata → byline markup → "By X" text; the first that names a person.

    A layer naming only an agency or the outlet itself is remembered and used only if
    no later layer names a person.
    """
    site_keys = {match_key(n) for n in site_names if n}
    fallback: list[str] = []
    for facts in (layers.jsonld, layers.meta, layers.microdata, layers.markup, layers.text):
        names = normalise_authors(facts.authors)
        persons = [n for n in names if not agency_name(n) and match_key(n) not in site_keys]
        if persons:
            return persons
        if names and not fallback:
            fallback = names
    return fallback


def published(layers: Layers) -> str | None:
    """JSON-LD datePublished → meta → microdata → <time> → "Published ..." text → URL date."""
    return _first_date(
        layers.jsonld.published,
        layers.meta.published,
        layers.microdata.published,
        layers.markup.published,
        layers.text.published,
    )


def updated(layers: Layers, published_at: str | None) -> str | None:
    """JSON-LD dateModified → meta → microdata → <time> → "Updated ..." text; only if it differs."""
    value = _first_date(
        layers.jsonld.updated,
        layers.meta.updated,
        layers.microdata.updated,
        layers.markup.updated,
        layers.text.updated,
    )
    return None if same_moment(value, published_at) else value


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


def language(layers: Layers) -> str | None:
    """<html lang> → JSON-LD inLanguage → og:locale/content-language → microdata; primary subtag."""
    for facts in (layers.markup, layers.jsonld, layers.meta, layers.microdata):
        code = primary_language(facts.language)
        if code:
            return code
    return None


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


def _first_date(*values: str | None) -> str | None:
    for value in values:
        iso = normalise_date(value)
        if iso:
            return iso
    return None


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
