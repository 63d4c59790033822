"""Hostile requests against a running `broadsheet serve`: queries, XSS, injection, traversal.

Every answer must be a 200, 400 (with a message) or 404, never a 5xx; within a time
bound; with the security headers; and with no live markup from the request or from the
hostile articles (``write_hostile_articles``) indexed beforehand.
"""

from __future__ import annotations

import http.client
import json
import random
import time
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

MAX_SECONDS = 10.0
REQUIRED_HEADERS = ("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options")

ADVERSARIAL_QUERIES = [
    '"unbalanced',
    "(((",
    ")))",
    '"a" "b',
    "*",
    "a*",
    "*a",
    "?",
    "a?b",
    "ferry~9",
    '"ferry budget"~1000',
    " ".join(f"w{i}" for i in range(10_000))[:1990],
    " ".join(["harbour"] * 300),
    "nosuchfield:foo",
    "headline:",
    ":",
    'author:"',
    "\x00\x01\x1b[31m",
    "a\u202eb",
    "NOT NOT NOT",
    "ferry^1000000",
    "[a TO z]",
    "published:[1000 TO 9999]",
    "after:0001-01-01 before:9999-12-31",
    "after:2024-13-45",
    "'; DROP TABLE pages; --",
    "\\",
    "a" * 1999,
    "é" * 1000,
    "(" * 500 + "harbour" + ")" * 500,
    "a* b* c* d* e* f* g* h* i* j*",
]
ADVERSARIAL_PARAMS = [
    {"page": "100"},
    {"page": "101"},
    {"page": "-1"},
    {"page": "99999999999999999999"},
    {"per_page": "1000"},
    {"from": "0001-01-01", "to": "9999-12-31"},
    {"from": "9999-12-31", "to": "0001-01-01"},
    {"from": "2024-02-30"},
    {"sort": "\x00"},
    {"source": "x" * 5000},
    {"lang": "*"},
    {"unknown": "1"},
]
XSS = [
    "<script>alert(1)</script>",
    '"><script>alert(1)</script>',
    "' onmouseover='alert(1)",
    "javascript:alert(1)",
    "</title><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg/onload=alert(1)>",
]
RAW_PATHS = [
    "/articles/..%2f..%2f..%2fetc%2fpasswd",
    "/articles/../../etc/passwd",
    "/api/articles/..%2F..%2Fcache.sqlite3",
    "/static/..%2f..%2fapp.py",
    "/static/%2e%2e/%2e%2e/cli.py",
    "/static/../../../etc/passwd",
    "/search?q=x%0d%0aX-Injected:%201",
    "/api/search?q=%0d%0aSet-Cookie:%20a=b",
    "/articles/x%0d%0aX-Injected:1",
    "/static/broadsheet.css",
    "/nope",
]


class _LiveMarkupFinder(HTMLParser):
    """Collects what a browser would run: event handlers, javascript: URLs, inline scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}=...>")
            elif name in ("href", "src", "action", "formaction", "xlink:href") and (
                (value or "").strip().lower().startswith("javascript:")
            ):
                self.found.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            kinds = dict(attrs)
            self._in_script = "src" not in kinds and kinds.get("type") != "application/ld+json"
        if tag in ("iframe", "object", "embed"):
            self.found.append(f"<{tag}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.found.append(f"inline script {data.strip()[:40]!r}")


def live_markup(html: str) -> list[str]:
    """Everything in ``html`` a browser would execute (parsed, not pattern-matched)."""
    finder = _LiveMarkupFinder()
    finder.feed(html)
    finder.close()
    return finder.found


_WORDS = ["harbour", "ferry", "budget", "storm", "council", "vote", "lighthouse", "rail", "strike"]
_SYMBOLS = list("\"()*?:~^[]{}-+\\!/&|<>'") + ["\x00", "\x1b", "é", "AND", "OR", "NOT"]

HOSTILE_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Harbour pier <script>alert('title')</script></title>
<link rel="canonical" href="https://probe.example/pier">
<script type="application/ld+json">{"@type": "NewsArticle",
 "headline": "Harbour pier <img src=x onerror=alert('headline')>",
 "author": {"@type": "Person", "name": "<svg onload=alert('author')>Jo Marsh"},
 "datePublished": "2024-04-02T09:00:00Z", "url": "javascript:alert('url')"}</script>
</head><body><article><h1>Harbour pier</h1>
<p class="byline">By <a href="javascript:alert('byline')">Jo Marsh</a></p>
<p>The harbour pier closed at dawn <script>alert('body')</script> after a storm
loosened the planks, and the ferry moved to the north quay for the week.</p>
<p onmouseover="alert('attr')">The council will vote on repairs <iframe
src="javascript:alert('frame')"></iframe> at its next budget meeting.</p>
</article></body></html>
"""
HOSTILE_RECORD = {
    "id": "probe-record",
    "url": "https://probe.example/record",
    "canonical_url": "javascript:alert('canonical')",
    "headline": "Harbour ferry record </title><script>alert('record')</script>",
    "authors": ['"><script>alert("author")</script>'],
    "image": "javascript:alert('image')",
    "body": "The ferry record notes <b onclick=alert(1)>bold</b> claims about the harbour.\n\n"
    "A second harbour paragraph ends ]]></script><script>alert('cdata')</script>.",
}


def write_hostile_articles(folder: Path) -> list[Path]:
    """An HTML page and a JSON Lines record full of markup, to be imported and indexed."""
    folder.mkdir(parents=True, exist_ok=True)
    page, record = folder / "pier.html", folder / "record.jsonl"
    page.write_text(HOSTILE_PAGE, encoding="utf-8")
    record.write_text(json.dumps(HOSTILE_RECORD) + "\n", encoding="utf-8")
    return [page, record]


@dataclass
class ProbeOutcome:
    """What the probes saw."""

    requests: int = 0
    statuses: Counter[int] = field(default_factory=Counter)
    max_seconds: float = 0.0
    slowest: str = ""
    problems: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, object]:
        return {
            "requests": self.requests,
            "statuses": {str(code): n for code, n in sorted(self.statuses.items())},
            "max_seconds": round(self.max_seconds, 2),
            "slowest": self.slowest[:80],
            "server_errors": sum(n for code, n in self.statuses.items() if code >= 500),
        }


def random_query(rng: random.Random) -> str:
    """A query of words, operators, field names and junk characters."""
    parts = []
    for _ in range(rng.randint(0, 12)):
        kind = rng.random()
        if kind < 0.5:
            parts.append(rng.choice(_WORDS))
        elif kind < 0.8:
            parts.append("".join(rng.choice(_SYMBOLS) for _ in range(rng.randint(1, 4))))
        else:
            parts.append(
                rng.choice(["headline:", "author:", "nosuch:", "url:"]) + rng.choice(_WORDS)
            )
    return " ".join(parts)


def request_paths(rng: random.Random, random_requests: int) -> list[str]:
    """Every probe path: fixed adversarial ones, XSS in each parameter, then random queries."""
    paths = []
    for base in ("/search", "/api/search"):
        paths += [f"{base}?q={quote(query, safe='')}" for query in ADVERSARIAL_QUERIES]
        paths += [
            f"{base}?{urlencode({'q': 'harbour', **params})}" for params in ADVERSARIAL_PARAMS
        ]
        for probe in XSS:
            for param in ("q", "source", "author", "section", "from", "sort", "lang"):
                paths.append(f"{base}?{param}={quote(probe, safe='')}")
    paths += [f"/api/suggest?q={quote(probe, safe='')}" for probe in XSS]
    paths += ["/search?q=harbour", "/search?q=ferry+record", "/search.atom?q=harbour", "/feed.xml"]
    paths += RAW_PATHS
    for _ in range(random_requests):
        base = rng.choice(["/search", "/api/search"])
        params = {"q": random_query(rng)}
        if rng.random() < 0.3:
            params["page"] = str(rng.randint(-3, 150))
        paths.append(f"{base}?{urlencode(params)}")
    return paths


def probe(base_url: str, rng: random.Random, *, random_requests: int = 300) -> ProbeOutcome:
    """Send every probe (plus each indexed article's pages) and check each answer."""
    outcome = ProbeOutcome()
    host = urlsplit(base_url)
    paths = request_paths(rng, random_requests)
    status, body, _ = _get(host.hostname or "127.0.0.1", host.port or 80, "/api/search?q=harbour")
    if status == 200:
        for hit in json.loads(body).get("results", []):
            paths += [f"/articles/{hit['id']}", f"/api/articles/{hit['id']}"]
    for path in paths:
        started = time.monotonic()
        status, body, headers = _get(host.hostname or "127.0.0.1", host.port or 80, path)
        elapsed = time.monotonic() - started
        outcome.requests += 1
        outcome.statuses[status] += 1
        if elapsed > outcome.max_seconds:
            outcome.max_seconds, outcome.slowest = elapsed, path
        outcome.problems += [f"{path[:100]}: {p}" for p in _check(status, body, headers, elapsed)]
    return outcome


def _get(host: str, port: int, path: str) -> tuple[int, str, dict[str, str]]:
    connection = http.client.HTTPConnection(host, port, timeout=60)
    try:
        connection.putrequest("GET", path, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", "replace"), dict(response.headers)
    except OSError as error:
        return 0, str(error), {}
    finally:
        connection.close()


def _check(status: int, body: str, headers: dict[str, str], elapsed: float) -> list[str]:
    problems = []
    if status not in (200, 400, 404):
        problems.append(f"status {status}")
    if elapsed > MAX_SECONDS:
        problems.append(f"took {elapsed:.1f}s")
    if status == 400 and not body.strip():
        problems.append("400 without a message")
    missing = [name for name in REQUIRED_HEADERS if name not in headers]
    if missing:
        problems.append(f"missing headers {missing}")
    if "X-Injected" in headers or "Set-Cookie" in headers:
        problems.append("injected header")
    if "root:x:" in body or "def create_app" in body:
        problems.append("served a file from outside the site")
    if headers.get("Content-Type", "").startswith("text/html"):
        problems += [f"live markup {found}" for found in live_markup(body)]
    elif "<script" in body.lower():
        problems.append("markup in a non-HTML answer")
    return problems
