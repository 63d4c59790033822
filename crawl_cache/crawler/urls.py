"""URL normalisation and host scoping: pure functions so one article has one address."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urljoin, urlsplit, urlunsplit

DEFAULT_PORTS = {"http": 80, "https": 443}

# Parameters that only say where a click came from; dropping them merges
# the many addresses a shared article collects.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "yclid",
        "igshid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "ocid",
        "cmpid",
        "ito",
        "at_medium",
        "at_campaign",
        "share",
        "ref_src",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_")

_SAFE_PATH = "/:@!$&'()*+,;=-._~%"
_SAFE_QUERY = "/:@!$'()*+,;-._~%?"
_PERCENT = re.compile(r"%[0-9a-fA-F]{2}")


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def _requote(part: str, safe: str) -> str:
    """Percent-encode what must be, keep existing escapes, upper-case their hex digits."""
    quoted = quote(part, safe=safe)
    return _PERCENT.sub(lambda m: m.group(0).upper(), quoted)


def normalize_url(url: str, base: str | None = None) -> str | None:
    """The canonical form of an http(s) URL, or None when it is not a crawlable web address.

    Resolves ``url`` against ``base``; lower-cases scheme and host; drops default
    ports, the fragment, empty ``?`` and tracking parameters (``utm_*``, ``fbclid``...);
    sorts the remaining query parameters; resolves dot segments; gives an empty
    path as ``/``.
    """
    text = (url or "").strip()
    if not text:
        return None
    try:
        absolute = urljoin(base, text) if base else text
        parts = urlsplit(absolute)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return None
    host = parts.hostname.lower().rstrip(".")
    try:
        host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        return None
    if ":" in host:  # IPv6 literal
        host = f"[{host}]"
    netloc = host if port in (None, DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = _requote(_remove_dot_segments(parts.path or "/"), _SAFE_PATH)
    pairs = [
        (name, value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
        if not _is_tracking(name)
    ]
    query = urlencode(sorted(pairs), quote_via=quote, safe=_SAFE_QUERY) if pairs else ""
    return urlunsplit((scheme, netloc, path, query, ""))


def _remove_dot_segments(path: str) -> str:
    if "." not in path:
        return path
    output: list[str] = []
    for segment in path.split("/"):
        if segment == "..":
            if len(output) > 1:
                output.pop()
        elif segment != ".":
            output.append(segment)
    result = "/".join(output)
    if path.endswith(("/.", "/..")):
        result += "/"
    return result if result.startswith("/") else "/" + result


# Links with these endings are documents, media or archives, never news pages:
# they are refused before any request is made.
NON_HTML_EXTENSIONS = frozenset(
    {
        ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".zip", ".gz",
        ".tgz", ".rar", ".7z", ".jpg", ".jpeg", ".png", ".gif", ".webp", ".svg", ".ico",
        ".bmp", ".tif", ".tiff", ".mp3", ".mp4", ".m4a", ".wav", ".ogg", ".webm", ".mov",
        ".avi", ".css", ".js", ".json", ".woff", ".woff2", ".ttf", ".exe", ".dmg", ".apk",
    }
)  # fmt: skip


def non_html_extension(url: str) -> str | None:
    """The extension of a URL whose path names a non-HTML file (``.pdf``...), else None."""
    last = path_of(url).rsplit("/", 1)[-1].lower()
    if "." not in last:
        return None
    extension = "." + last.rsplit(".", 1)[-1]
    if extension == ".gz" and last.endswith(".xml.gz"):
        return None  # a compressed sitemap
    return extension if extension in NON_HTML_EXTENSIONS else None


def host_of(url: str) -> str:
    """The host (with a non-default port) of a normalised URL: the unit of politeness."""
    return urlsplit(url).netloc.lower()


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of a URL, where its robots.txt lives."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def domain_allowed(url: str, domains: frozenset[str]) -> bool:
    """True when the URL's host is one of ``domains`` or a subdomain of one (any port)."""
    host = (urlsplit(url).hostname or "").lower()
    return any(host == domain or host.endswith("." + domain) for domain in domains)


def domain_of(url: str) -> str:
    """The bare host name of a URL (no port), as ``--allow-domain`` takes it."""
    return (urlsplit(url).hostname or "").lower()


def path_of(url: str) -> str:
    """The decoded path of a URL, for shape heuristics."""
    return unquote(urlsplit(url).path or "/")
