"""URL helpers for extraction: normalisation, stable article ids, absolute links, host names."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from indexer.scrape import rules

_ID_CHARS = 16
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.I)
_SAVED_FROM_WINDOW = 4_096
_DEFAULT_PORTS = {"http": 80, "https": 443}


def is_http(url: str | None) -> bool:
    """True for an absolute http(s) URL with a host."""
    if not url:
        return False
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def absolute(link: str | None, base: str | None) -> str | None:
    """``link`` made absolute against ``base``; None when it cannot become an http(s) URL."""
    if not link:
        return None
    link = link.strip()
    if not link or link.startswith(("data:", "javascript:", "about:", "mailto:")):
        return None
    if link.startswith("//"):
        scheme = urlsplit(base or "").scheme if is_http(base) else "https"
        link = f"{scheme}:{link}"
    elif not is_http(link) and is_http(base):
        try:
            link = urljoin(base or "", link)
        except ValueError:
            return None
    return link if is_http(link) else None


def without_fragment(url: str | None) -> str | None:
    """The URL without its "#fragment", which never names a different page."""
    if not url:
        return url
    return url.split("#", 1)[0]


def saved_from_url(markup: str) -> str | None:
    """The address in a browser's "<!-- saved from url=(0042)https://... -->" note, if any."""
    match = _SAVED_FROM.search(markup[:_SAVED_FROM_WINDOW])
    return match.group(1) if match and is_http(match.group(1)) else None


def normalise_url(url: str) -> str:
    """The form two URLs of one page share.

    Scheme and host lower-cased, default port, fragment and tracking parameters
    (utm_* and click ids) dropped, and no trailing slash on the path.
    """
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    query = urlencode(
        [
            (key, value)
            for key, value in parse_qsl(parts.query, keep_blank_values=True)
            if not key.lower().startswith("utm_") and key.lower() not in rules.TRACKING_PARAMS
        ]
    )
    path = parts.path.rstrip("/")
    return urlunsplit((scheme, netloc, path, query, ""))


def article_id(url: str | None, headline: str | None, body: str) -> str:
    """First 16 hex digits of a SHA-1: of the normalised URL, else of headline and body."""
    basis = normalise_url(url) if url and is_http(url) else f"{headline or ''}\n{body}"
    return hashlib.sha1(basis.encode("utf-8")).hexdigest()[:_ID_CHARS]


def host_name(url: str | None) -> str | None:
    """The host of an http(s) URL without "www."-style prefixes ("jpost.com")."""
    if not is_http(url):
        return None
    host = (urlsplit(url or "").hostname or "").lower()
    for prefix in rules.HOST_PREFIXES:
        if host.startswith(prefix) and host.count(".") > 1:
            host = host[len(prefix) :]
            break
    return host or None
