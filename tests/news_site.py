"""A small generated news site served on 127.0.0.1, with the faults a crawler must survive.

Every page is original text written for Broadsheet's tests. The server logs
each request (monotonic time, method, path, the headers a crawler's politeness
and caching show in) so tests can check order, spacing and conditional
requests from the server's side.
"""

from __future__ import annotations

import hashlib
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

SECTIONS = {"harbour": "Harbour", "council": "Council"}

# (date path, slug, section, headline)
ARTICLES = [
    (
        "2024/03/01",
        "ferry-timetable-changes-for-spring",
        "harbour",
        "Ferry timetable changes for spring",
    ),
    (
        "2024/03/02",
        "council-approves-new-library-budget",
        "council",
        "Council approves new library budget",
    ),
    (
        "2024/03/03",
        "fishing-fleet-returns-early-after-storm",
        "harbour",
        "Fishing fleet returns early after storm",
    ),
    (
        "2024/03/04",
        "school-garden-wins-regional-prize",
        "council",
        "School garden wins regional prize",
    ),
    (
        "2024/03/05",
        "lighthouse-restoration-reaches-final-stage",
        "harbour",
        "Lighthouse restoration reaches final stage",
    ),
    (
        "2024/03/06",
        "market-square-to-close-for-repaving",
        "council",
        "Market square to close for repaving",
    ),
    (
        "2024/03/07",
        "night-buses-extended-through-summer",
        "council",
        "Night buses extended through summer",
    ),
    (
        "2024/03/08",
        "harbour-master-retires-after-thirty-years",
        "harbour",
        "Harbour master retires after thirty years",
    ),
]
FEED_ARTICLES = ARTICLES[:4]
SITEMAP_ARTICLES = ARTICLES[3:7]
LINKED_ONLY = ARTICLES[7]  # reachable only through links between articles
CHANGING = ARTICLES[1]  # its text changes when the site's edition goes up

FLAKY_PATH = "/2024/03/09/tide-gauge-readings-published/"  # 500 on its first request
BUSY_PATH = "/2024/03/10/pier-lights-switched-to-solar/"  # 429 + Retry-After on the first


def article_path(article: tuple[str, str, str, str]) -> str:
    return f"/{article[0]}/{article[1]}/"


@dataclass(frozen=True, slots=True)
class LoggedRequest:
    at: float
    method: str
    path: str
    user_agent: str
    if_none_match: str | None
    if_modified_since: str | None
    status: int


@dataclass
class NewsSite:
    """The site's content and fault switches; change ``edition`` to alter changing pages."""

    crawl_delay: float = 0.1
    retry_after_s: int = 1
    slow_s: float = 1.5
    huge_bytes: int = 3 * 1024 * 1024
    edition: int = 1
    log: list[LoggedRequest] = field(default_factory=list)
    _first_seen: set[str] = field(default_factory=set)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    base: str = ""

    # -- content -------------------------------------------------------------

    def robots(self) -> str:
        return (
            "User-agent: *\n"
            "Disallow: /private/\n"
            f"Crawl-delay: {self.crawl_delay}\n"
            "\n"
            "User-agent: GreedyBot\n"
            "Disallow: /\n"
            "\n"
            f"Sitemap: {self.base}/sitemap_index.xml\n"
        )

    def front(self) -> str:
        links = [f'<li><a href="/section/{key}/">{name}</a></li>' for key, name in SECTIONS.items()]
        links += [
            f'<li><a href="{article_path(a)}?utm_source=front&utm_medium=web">{a[3]}</a></li>'
            for a in ARTICLES[:3]
        ]
        links += [
            '<li><a href="/private/draft-budget-leak/">Staff only</a></li>',
            '<li><a href="/old/ferry-story">Archive</a></li>',
            '<li><a href="/loop/a">Going round</a></li>',
            '<li><a href="/gone-story/">Withdrawn</a></li>',
            '<li><a href="/slow-story/">Slow</a></li>',
            '<li><a href="/huge-story/">Huge</a></li>',
            '<li><a href="/files/annual-report.pdf">Annual report (PDF)</a></li>',
            '<li><a href="/download/harbour-accounts">Harbour accounts</a></li>',
            f'<li><a href="{FLAKY_PATH}">Tide gauge</a></li>',
            f'<li><a href="{BUSY_PATH}">Pier lights</a></li>',
            '<li><a href="http://elsewhere.invalid/story">Elsewhere</a></li>',
            '<li><a href="mailto:desk@harbour-gazette.test">Write to us</a></li>',
        ]
        return _page(
            "The Harbour Gazette",
            '<meta property="og:type" content="website">'
            '<link rel="alternate" type="application/rss+xml" href="/feed.xml">',
            f"<h1>The Harbour Gazette</h1><ul>{''.join(links)}</ul>",
        )

    def section(self, key: str) -> str:
        items = "".join(
            f'<article><h2><a href="{article_path(a)}">{a[3]}</a></h2></article>'
            for a in ARTICLES
            if a[2] == key and a is not LINKED_ONLY
        )
        return _page(
            f"{SECTIONS[key]} news",
            '<meta property="og:type" content="website">',
            f"<h1>{SECTIONS[key]}</h1>{items}<a href='/tag/{key}-life/'>More</a>",
        )

    def tag(self, key: str) -> str:
        items = "".join(
            f'<article><a href="{article_path(a)}">{a[3]}</a></article>' for a in ARTICLES[:2]
        )
        return _page(f"Tag: {key}", "", f"<h1>Tagged {key}</h1>{items}")

    def article(self, article: tuple[str, str, str, str], path: str) -> str:
        date, slug, section, headline = article
        index = ARTICLES.index(article) if article in ARTICLES else 0
        neighbour = ARTICLES[(index + 1) % len(ARTICLES)]
        edition = f" (edition {self.edition})" if article is CHANGING else ""
        paragraphs = "".join(
            f"<p>{headline}{edition}: paragraph {n} gives the account of the {SECTIONS[section]} "
            f"desk, checked with the people involved and written for this test site, with "
            f"enough words to read as a real report from the town.</p>"
            for n in range(1, 8)
        )
        head = (
            '<meta property="og:type" content="article">'
            f'<link rel="canonical" href="{self.base}{path}">'
            '<script type="application/ld+json">'
            f'{{"@type": "NewsArticle", "headline": "{headline}", '
            f'"datePublished": "{date.replace("/", "-")}T08:00:00Z"}}</script>'
        )
        body = (
            f"<article><h1>{headline}</h1>{paragraphs}</article>"
            f'<aside><a href="{article_path(neighbour)}#comments">Next: {neighbour[3]}</a>'
            f'<a href="/section/{section}/">{SECTIONS[section]}</a></aside>'
        )
        return _page(headline, head, body)

    def feed(self) -> str:
        items = "".join(
            f"<item><title>{a[3]}</title><link>{self.base}{article_path(a)}"
            f"{'?utm_campaign=rss' if n == 0 else ''}</link></item>"
            for n, a in enumerate(FEED_ARTICLES)
        )
        return (
            '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>The Harbour Gazette</title><link>{self.base}/</link>{items}</channel></rss>"
        )

    def sitemap_index(self) -> str:
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{self.base}/sitemap-news.xml</loc></sitemap>"
            "</sitemapindex>"
        )

    def news_sitemap(self) -> str:
        urls = "".join(
            f"<url><loc>{self.base}{article_path(a)}</loc><news:news><news:publication>"
            "<news:name>The Harbour Gazette</news:name><news:language>en</news:language>"
            f"</news:publication><news:publication_date>{a[0].replace('/', '-')}"
            f"</news:publication_date><news:title>{a[3]}</news:title></news:news></url>"
            for a in SITEMAP_ARTICLES
        )
        return (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
            f"{urls}</urlset>"
        )

    # -- routing ---------------------------------------------------------------

    def first_time(self, path: str) -> bool:
        with self._lock:
            if path in self._first_seen:
                return False
            self._first_seen.add(path)
            return True

    def respond(self, path: str) -> tuple[int, dict[str, str], bytes, float]:
        """(status, headers, body, seconds to stall) for a path."""
        html = "text/html; charset=utf-8"
        articles = {article_path(a): a for a in ARTICLES}
        extra = {
            FLAKY_PATH: (
                "2024/03/09",
                "tide-gauge-readings-published",
                "harbour",
                "Tide gauge readings published",
            ),
            BUSY_PATH: (
                "2024/03/10",
                "pier-lights-switched-to-solar",
                "harbour",
                "Pier lights switched to solar",
            ),
        }
        if path == "/robots.txt":
            return 200, {"Content-Type": "text/plain"}, self.robots().encode(), 0
        if path == "/":
            return 200, {"Content-Type": html}, self.front().encode(), 0
        if path == "/feed.xml":
            return 200, {"Content-Type": "application/rss+xml"}, self.feed().encode(), 0
        if path == "/sitemap_index.xml":
            return 200, {"Content-Type": "application/xml"}, self.sitemap_index().encode(), 0
        if path == "/sitemap-news.xml":
            return 200, {"Content-Type": "application/xml"}, self.news_sitemap().encode(), 0
        if path.startswith("/section/") and path.strip("/").split("/")[-1] in SECTIONS:
            return (
                200,
                {"Content-Type": html},
                self.section(path.strip("/").split("/")[-1]).encode(),
                0,
            )
        if path.startswith("/tag/"):
            return 200, {"Content-Type": html}, self.tag(path.strip("/").split("/")[-1]).encode(), 0
        if path in articles:
            return 200, {"Content-Type": html}, self.article(articles[path], path).encode(), 0
        if path == FLAKY_PATH and self.first_time(path):
            return 500, {"Content-Type": "text/plain"}, b"try again", 0
        if path == BUSY_PATH and self.first_time(path):
            return 429, {"Retry-After": str(self.retry_after_s)}, b"slow down", 0
        if path in extra:
            return 200, {"Content-Type": html}, self.article(extra[path], path).encode(), 0
        if path == "/old/ferry-story":
            return 301, {"Location": article_path(ARTICLES[0])}, b"", 0
        if path == "/loop/a":
            return 302, {"Location": "/loop/b"}, b"", 0
        if path == "/loop/b":
            return 302, {"Location": "/loop/a"}, b"", 0
        if path == "/slow-story/":
            return (
                200,
                {"Content-Type": html},
                _page("Slow", "", "<p>late</p>").encode(),
                self.slow_s,
            )
        if path == "/huge-story/":
            filler = "<p>" + "word " * (self.huge_bytes // 5) + "</p>"
            return 200, {"Content-Type": html}, _page("Huge", "", filler).encode(), 0
        if path in ("/files/annual-report.pdf", "/download/harbour-accounts"):
            return 200, {"Content-Type": "application/pdf"}, b"%PDF-1.4\n%fake\n", 0
        if path.startswith("/private/"):
            return 200, {"Content-Type": html}, _page("Secret", "", "<p>no</p>").encode(), 0
        return 404, {"Content-Type": "text/plain"}, b"not found", 0

    # -- log views -------------------------------------------------------------

    def paths(self) -> list[str]:
        with self._lock:
            return [entry.path for entry in self.log]

    def entries(self) -> list[LoggedRequest]:
        with self._lock:
            return list(self.log)


def _page(title: str, head: str, body: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"{head}</head><body>{body}</body></html>"
    )


def _etag(body: bytes) -> str:
    return '"' + hashlib.sha256(body).hexdigest()[:16] + '"'


class _Handler(BaseHTTPRequestHandler):
    site: NewsSite
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 (the http.server API)
        arrived = time.monotonic()
        path = urlsplit(self.path).path
        status, headers, body, stall = self.site.respond(path)
        if status == 200 and path != "/robots.txt":
            tag = _etag(body)
            headers["ETag"] = tag
            if self.headers.get("If-None-Match") == tag:
                status, body = 304, b""
        with self.site._lock:
            self.site.log.append(
                LoggedRequest(
                    arrived,
                    "GET",
                    self.path,
                    self.headers.get("User-Agent", ""),
                    self.headers.get("If-None-Match"),
                    self.headers.get("If-Modified-Since"),
                    status,
                )  # fmt: skip
            )
        if stall:
            time.sleep(stall)
        try:
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a crawler hanging up on an oversized or refused body is expected here


class SiteServer:
    """Serve a :class:`NewsSite` from a background thread until :meth:`stop`."""

    def __init__(self, site: NewsSite) -> None:
        handler = type("Handler", (_Handler,), {"site": site})
        self.httpd = _QuietServer(("127.0.0.1", 0), handler)
        self.httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        site.base = self.base
        self.site = site
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=5)
