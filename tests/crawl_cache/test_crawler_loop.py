"""The crawl loop over httpx.MockTransport with a fake clock: policy decisions, no real waiting."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from crawl_cache import CachedPage, CrawlCache
from crawl_cache.crawler import CrawlOptions, CrawlReport, Frontier, UrlState, crawl

HTML = {"Content-Type": "text/html; charset=utf-8"}
STORY = "".join(
    f"<p>Paragraph {n} of a report from the quay, long enough to read as news in a test.</p>"
    for n in range(20)
)


def article(title: str, *, canonical: str | None = None, links: tuple[str, ...] = ()) -> bytes:
    head = '<meta property="og:type" content="article">'
    if canonical:
        head += f'<link rel="canonical" href="{canonical}">'
    anchors = "".join(f'<a href="{link}">{link}</a>' for link in links)
    page = f"<html><head><title>{title}</title>{head}</head>"
    return f"{page}<body><h1>{title}</h1>{STORY}{anchors}</body></html>".encode()


@dataclass
class FakeTime:
    now: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def monotonic(self) -> float:
        with self.lock:
            return self.now

    def sleep(self, seconds: float) -> None:
        with self.lock:
            self.now += seconds


@dataclass
class World:
    """Routes (URL -> response builder), a request log and a fake clock."""

    routes: dict[str, Callable[[httpx.Request], httpx.Response]] = field(default_factory=dict)
    log: list[tuple[float, str, httpx.Headers]] = field(default_factory=list)
    time: FakeTime = field(default_factory=FakeTime)

    def page(self, url: str, body: bytes, **headers: str) -> None:
        self.routes[url] = lambda request: httpx.Response(
            200, headers={**HTML, **headers}, content=body
        )

    def handle(self, request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        self.log.append((self.time.monotonic(), url, request.headers))
        route = self.routes.get(url)
        if route is None:
            return httpx.Response(404)
        return route(request)

    def requested(self) -> list[str]:
        return [url for _, url, _ in self.log]


@pytest.fixture
def world() -> World:
    world = World()
    world.routes["https://n.example/robots.txt"] = lambda r: httpx.Response(404)
    return world


@pytest.fixture
def run(world: World, tmp_path: Path) -> Iterator[Callable[..., CrawlReport]]:
    client = httpx.Client(transport=httpx.MockTransport(world.handle))

    def go(*seeds: str, refresh: bool = False, **options: object) -> CrawlReport:
        settings = {"seeds": seeds, "delay_s": 1.0, "workers": 3, **options}
        with (
            CrawlCache.open(tmp_path / "cache.sqlite3") as cache,
            Frontier.open(tmp_path / "frontier.sqlite3") as frontier,
        ):
            return crawl(
                cache,
                frontier,
                client,
                CrawlOptions(**settings),  # type: ignore[arg-type]
                refresh=refresh,
                monotonic=world.time.monotonic,
                sleep=world.time.sleep,
            )

    yield go
    client.close()


def stored(tmp_path: Path) -> dict[str, CachedPage]:
    with CrawlCache.open(tmp_path / "cache.sqlite3") as cache:
        return {page.url: page for page in cache.iter_pages()}


def rows(tmp_path: Path) -> dict[str, tuple[UrlState, str | None, str | None]]:
    with Frontier.open(tmp_path / "frontier.sqlite3") as frontier:
        return {e.url: (e.state, e.outcome, e.reason) for e in frontier.entries()}


def test_requests_to_one_host_are_spaced_by_the_delay(world: World, run, tmp_path: Path) -> None:
    links = tuple(f"/2024/03/0{n}/story-number-{n}-of-many/" for n in range(1, 6))
    world.page("https://n.example/", article("Front", links=links))
    for link in links:
        world.page(f"https://n.example{link}", article(link))
    report = run("https://n.example/")
    times = [at for at, _, _ in world.log]
    assert report.added == 6
    assert all(b - a >= 1.0 for a, b in zip(times, times[1:], strict=False)), times


def test_canonical_url_is_the_key_and_aliases_are_not_stored_twice(
    world: World, run, tmp_path: Path
) -> None:
    canonical = "https://n.example/2024/03/01/quay-reopens-after-repairs/"
    world.page("https://n.example/", article("Front", links=("/amp/quay", "/print/quay")))
    world.page("https://n.example/amp/quay", article("Quay", canonical=canonical))
    world.page("https://n.example/print/quay", article("Quay", canonical=canonical))
    world.page(canonical, article("Quay", canonical=canonical))
    report = run("https://n.example/")
    pages = stored(tmp_path)
    assert set(pages) == {"https://n.example/", canonical}
    assert pages[canonical].final_url == "https://n.example/amp/quay"
    assert pages[canonical].is_article and pages["https://n.example/"].is_article is False
    states = rows(tmp_path)
    assert states["https://n.example/print/quay"][1] == "duplicate"
    assert states[canonical][1] == "covered"
    assert canonical not in world.requested()  # known through the alias: not fetched
    assert report.duplicates == 1


def test_off_domain_redirect_is_not_followed(world: World, run, tmp_path: Path) -> None:
    world.page("https://n.example/", article("Front", links=("/out",)))
    world.routes["https://n.example/out"] = lambda r: httpx.Response(
        302, headers={"Location": "https://ads.example/x"}
    )
    run("https://n.example/")
    assert "https://ads.example/x" not in world.requested()
    state, _, reason = rows(tmp_path)["https://n.example/out"]
    assert state is UrlState.SKIPPED and "outside the allowed domains" in reason


def test_allow_domain_takes_subdomains(world: World, run, tmp_path: Path) -> None:
    world.routes["https://www.n.example/robots.txt"] = lambda r: httpx.Response(404)
    world.page(
        "https://n.example/",
        article("Front", links=("https://www.n.example/a-b-c-d/", "https://other.example/")),
    )
    world.page("https://www.n.example/a-b-c-d/", article("Sub"))
    run("https://n.example/", allow_domains=("n.example",))
    assert "https://www.n.example/a-b-c-d/" in stored(tmp_path)
    assert "https://other.example/" not in rows(tmp_path)


def test_max_depth_bounds_link_following(world: World, run, tmp_path: Path) -> None:
    world.page("https://n.example/", article("Front", links=("/one-two-three-four",)))
    world.page(
        "https://n.example/one-two-three-four", article("1", links=("/five-six-seven-eight",))
    )
    world.page("https://n.example/five-six-seven-eight", article("2"))
    run("https://n.example/", max_depth=1)
    assert set(stored(tmp_path)) == {"https://n.example/", "https://n.example/one-two-three-four"}


def test_robots_unreachable_means_nothing_is_fetched(world: World, run, tmp_path: Path) -> None:
    world.routes["https://n.example/robots.txt"] = lambda r: httpx.Response(503)
    world.page("https://n.example/", article("Front"))
    report = run("https://n.example/", max_retries=0)
    assert world.requested() == ["https://n.example/robots.txt"]
    assert report.skipped == 1 and "503" in rows(tmp_path)["https://n.example/"][2]


def test_refresh_revisits_cached_pages_no_longer_linked(world: World, run, tmp_path: Path) -> None:
    orphan = "https://n.example/2024/01/01/an-old-story-no-one-links/"
    world.page("https://n.example/", article("Front"), ETag='"front"')
    world.page(orphan, article("Old"), ETag='"old"')
    with CrawlCache.open(tmp_path / "cache.sqlite3") as cache:
        cache.put(CachedPage.create(orphan, article("Old"), etag='"old"', content_type="text/html"))
    run("https://n.example/")
    assert orphan not in world.requested()
    run("https://n.example/", refresh=True)
    sent = [headers for _, url, headers in world.log if url == orphan]
    assert sent and sent[0]["If-None-Match"] == '"old"'


def test_304_for_a_page_follows_the_cached_copys_links(world: World, run, tmp_path: Path) -> None:
    body = article("Front", links=("/2024/03/01/a-linked-story-here/",))
    world.routes["https://n.example/"] = lambda r: (
        httpx.Response(304) if r.headers.get("If-None-Match") == '"f1"'
        else httpx.Response(200, headers={**HTML, "ETag": '"f1"'}, content=body)
    )  # fmt: skip
    world.page("https://n.example/2024/03/01/a-linked-story-here/", article("Linked"), ETag='"l1"')
    run("https://n.example/")
    world.routes["https://n.example/2024/03/01/a-linked-story-here/"] = lambda r: httpx.Response(
        304
    )
    report = run("https://n.example/")
    assert report.not_modified == 2 and report.added == 0
    assert rows(tmp_path)["https://n.example/2024/03/01/a-linked-story-here/"][1] == "not_modified"
