"""The fetcher over httpx.MockTransport: conditional requests, retries, limits, redirects."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

from crawl_cache.crawler.fetcher import (
    Fetcher,
    FetchOutcome,
    FetchPolicy,
    backoff_delay,
    parse_retry_after,
)

Handler = Callable[[httpx.Request], httpx.Response]
HTML = {"Content-Type": "text/html; charset=utf-8"}
PAGE = b"<!DOCTYPE html><html><body><p>Harbour news</p></body></html>"


class RecordingGate:
    """Stands in for the politeness gate: records turns and push-backs, never sleeps."""

    def __init__(self) -> None:
        self.turns: list[str] = []
        self.push_backs: list[tuple[str, float]] = []
        self.finished_hosts: list[str] = []

    def wait_turn(self, host: str) -> float:
        self.turns.append(host)
        return 0.0

    def push_back(self, host: str, seconds: float) -> None:
        self.push_backs.append((host, seconds))

    def finished(self, host: str) -> None:
        self.finished_hosts.append(host)


@pytest.fixture
def gate() -> RecordingGate:
    return RecordingGate()


@pytest.fixture
def make_fetcher(gate: RecordingGate) -> Iterator[Callable[..., Fetcher]]:
    clients: list[httpx.Client] = []

    def build(handler: Handler, **policy: float) -> Fetcher:
        client = httpx.Client(transport=httpx.MockTransport(handler))
        clients.append(client)
        settings = {"max_retries": 2, "backoff_s": 0.5, **policy}
        return Fetcher(client, gate, user_agent="Broadsheet/0.1 (+desk@n.example)",
                       policy=FetchPolicy(**settings))  # type: ignore[arg-type]  # fmt: skip

    yield build
    for client in clients:
        client.close()


def test_plain_fetch_sends_user_agent_and_returns_headers(make_fetcher, gate) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(
            200,
            headers={**HTML, "ETag": '"v1"', "Last-Modified": "Fri, 01 Mar 2024 09:00:00 GMT"},
            content=PAGE,
        )

    result = make_fetcher(handler).fetch("https://n.example/a")
    assert result.outcome is FetchOutcome.OK
    assert result.body == PAGE and result.status == 200
    assert result.etag == '"v1"' and result.last_modified.startswith("Fri, 01 Mar 2024")
    assert seen[0].headers["User-Agent"] == "Broadsheet/0.1 (+desk@n.example)"
    assert "If-None-Match" not in seen[0].headers
    assert gate.turns == ["n.example"]


def test_conditional_request_and_304(make_fetcher) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        if request.headers.get("If-None-Match") == '"v1"':
            return httpx.Response(304)
        return httpx.Response(200, headers=HTML, content=PAGE)

    result = make_fetcher(handler).fetch(
        "https://n.example/a", etag='"v1"', last_modified="Fri, 01 Mar 2024 09:00:00 GMT"
    )
    assert result.outcome is FetchOutcome.NOT_MODIFIED and result.body == b""
    assert seen[0].headers["If-Modified-Since"] == "Fri, 01 Mar 2024 09:00:00 GMT"


def test_5xx_is_retried_with_exponential_backoff(make_fetcher, gate) -> None:
    answers = iter([503, 500, 200])

    def handler(request: httpx.Request) -> httpx.Response:
        status = next(answers)
        return httpx.Response(status, headers=HTML, content=PAGE if status == 200 else b"busy")

    result = make_fetcher(handler).fetch("https://n.example/a")
    assert result.outcome is FetchOutcome.OK and result.attempts == 3
    assert gate.push_backs == [("n.example", 0.5), ("n.example", 1.0)]
    assert gate.turns == ["n.example"] * 3


def test_429_honours_retry_after(make_fetcher, gate) -> None:
    answers = iter(
        [
            httpx.Response(429, headers={"Retry-After": "7"}),
            httpx.Response(200, headers=HTML, content=PAGE),
        ]
    )
    result = make_fetcher(lambda request: next(answers)).fetch("https://n.example/a")
    assert result.outcome is FetchOutcome.OK
    assert gate.push_backs == [("n.example", 7.0)]


def test_retries_give_up_and_say_why(make_fetcher, gate) -> None:
    result = make_fetcher(lambda request: httpx.Response(502)).fetch("https://n.example/a")
    assert result.outcome is FetchOutcome.FAILED
    assert "HTTP 502" in result.reason and "3 attempts" in result.reason
    assert len(gate.turns) == 3 and len(gate.finished_hosts) == 3


def test_timeouts_are_retried(make_fetcher, gate) -> None:
    calls = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) == 1:
            raise httpx.ReadTimeout("slow", request=request)
        return httpx.Response(200, headers=HTML, content=PAGE)

    assert make_fetcher(handler).fetch("https://n.example/a").outcome is FetchOutcome.OK
    assert len(calls) == 2


def test_connection_errors_end_as_failures(make_fetcher) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    result = make_fetcher(handler, max_retries=1).fetch("https://n.example/a")
    assert result.outcome is FetchOutcome.FAILED and "ConnectError" in result.reason


def test_404_is_a_failure_without_retry(make_fetcher, gate) -> None:
    result = make_fetcher(lambda request: httpx.Response(404)).fetch("https://n.example/a")
    assert result.outcome is FetchOutcome.FAILED and result.reason == "HTTP 404"
    assert len(gate.turns) == 1


def test_size_limit_by_header_and_while_streaming(make_fetcher) -> None:
    big = b"<html>" + b"x" * 5000
    by_header = make_fetcher(
        lambda r: httpx.Response(200, headers=HTML, content=big), max_bytes=1000
    )
    assert "1,000-byte limit" in by_header.fetch("https://n.example/a").reason

    def streamed(request: httpx.Request) -> httpx.Response:
        chunks = (big[i : i + 500] for i in range(0, len(big), 500))
        return httpx.Response(200, headers=HTML, content=chunks)  # no Content-Length

    result = make_fetcher(streamed, max_bytes=1000).fetch("https://n.example/a")
    assert result.outcome is FetchOutcome.FAILED and "limit" in result.reason


def test_non_html_is_refused_from_the_headers(make_fetcher) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Type": "application/pdf"}, content=b"%PDF-1.4")

    result = make_fetcher(handler).fetch("https://n.example/report")
    assert result.outcome is FetchOutcome.SKIPPED and result.reason == "not HTML (application/pdf)"


def test_redirects_are_followed_and_recorded(make_fetcher, gate) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/old":
            return httpx.Response(301, headers={"Location": "/middle?utm_source=x"})
        if request.url.path == "/middle":
            return httpx.Response(302, headers={"Location": "https://www.n.example/new#top"})
        return httpx.Response(200, headers=HTML, content=PAGE)

    result = make_fetcher(handler).fetch("https://n.example/old")
    assert result.outcome is FetchOutcome.OK
    assert result.final_url == "https://www.n.example/new"
    assert result.redirects == ("https://n.example/middle", "https://www.n.example/new")
    assert gate.turns == ["n.example", "n.example", "www.n.example"]


def test_redirect_loop_is_stopped(make_fetcher) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        target = "/b" if request.url.path == "/a" else "/a"
        return httpx.Response(302, headers={"Location": target})

    result = make_fetcher(handler).fetch("https://n.example/a")
    assert result.outcome is FetchOutcome.FAILED and "redirect loop" in result.reason


def test_long_redirect_chains_are_cut(make_fetcher) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        n = int(request.url.path.strip("/") or 0)
        return httpx.Response(302, headers={"Location": f"/{n + 1}"})

    fetcher = make_fetcher(handler)
    fetcher._policy = FetchPolicy(max_redirects=3)
    result = fetcher.fetch("https://n.example/0")
    assert result.outcome is FetchOutcome.FAILED and "more than 3 redirects" in result.reason


def test_each_redirect_hop_is_asked_for_permission(make_fetcher) -> None:
    requested: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        requested.append(request.url.path)
        return httpx.Response(301, headers={"Location": "/private/x"})

    result = make_fetcher(handler).fetch(
        "https://n.example/a",
        permit=lambda url: "disallowed by robots.txt" if "/private/" in url else None,
    )
    assert result.outcome is FetchOutcome.SKIPPED and result.reason == "disallowed by robots.txt"
    assert requested == ["/a"]  # the disallowed target was never requested


@pytest.mark.parametrize(
    ("status", "body", "allowed"),
    [
        (200, b"User-agent: *\nDisallow: /private/\n", False),
        (404, b"", True),
        (500, b"", False),
    ],
)
def test_robots_fetch(make_fetcher, status: int, body: bytes, allowed: bool) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/robots.txt"
        return httpx.Response(status, headers={"Content-Type": "text/plain"}, content=body)

    rules = make_fetcher(handler, max_retries=0).fetch_robots("https://n.example")
    assert rules.allows("https://n.example/private/a", "broadsheet") is allowed


def test_retry_after_parsing() -> None:
    from datetime import UTC, datetime

    now = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
    assert parse_retry_after("120") == 120.0
    assert parse_retry_after("Fri, 01 Mar 2024 09:00:30 GMT", now) == 30.0
    assert parse_retry_after("Fri, 01 Mar 2024 08:00:00 GMT", now) == 0.0
    assert parse_retry_after("soon") is None and parse_retry_after(None) is None


def test_backoff_caps() -> None:
    policy = FetchPolicy(backoff_s=1.0, max_backoff_s=5.0, max_retry_after_s=60.0)
    assert [backoff_delay(n, policy, None) for n in (1, 2, 3, 4)] == [1.0, 2.0, 4.0, 5.0]
    assert backoff_delay(1, policy, 3600.0) == 60.0
