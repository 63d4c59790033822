"""Fetching one URL politely and defensively over an injected httpx client.

Each request waits its turn at the politeness gate. Redirects are followed by
hand so every hop is checked (robots.txt, allowed domains) and loops are
caught; timeouts, connection errors, 429 and 5xx are retried with exponential
backoff or the server's Retry-After; bodies are read in chunks and abandoned
past the size limit; non-HTML content is refused from its headers, before its
body is read. Nothing here touches storage.
"""

from __future__ import annotations

import email.utils
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Protocol

import httpx

from crawl_cache.crawler.discovery import media_type
from crawl_cache.crawler.robots import RobotsRules, rules_for_status
from crawl_cache.crawler.urls import host_of, normalize_url

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
CRAWLABLE_TYPES = frozenset(
    {
        "text/html",
        "application/xhtml+xml",
        "application/xml",
        "text/xml",
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/gzip",
        "application/x-gzip",
    }
)
ROBOTS_MAX_BYTES = 512 * 1024

Permit = Callable[[str], str | None]
"""Asked before each redirect hop: None to go on, or the reason the URL may not be fetched."""


class Gate(Protocol):
    """The politeness gate as the fetcher uses it."""

    def wait_turn(self, host: str) -> float: ...

    def push_back(self, host: str, seconds: float) -> None: ...

    def finished(self, host: str) -> None: ...


class FetchOutcome(StrEnum):
    """How a fetch ended."""

    OK = "ok"
    NOT_MODIFIED = "not_modified"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    """Limits for one fetch."""

    timeout_s: float = 15.0
    max_bytes: int = 10 * 1024 * 1024
    max_retries: int = 3
    backoff_s: float = 1.0
    max_backoff_s: float = 60.0
    max_retry_after_s: float = 300.0
    max_redirects: int = 10


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What fetching ``url`` gave: the body and headers of the last hop, or why not."""

    url: str
    outcome: FetchOutcome
    final_url: str
    status: int | None = None
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    body: bytes = b""
    redirects: tuple[str, ...] = ()
    reason: str = ""
    attempts: int = 0


class _Retryable(Exception):
    def __init__(self, reason: str, wait_s: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.wait_s = wait_s


class _Failed(Exception):
    pass


@dataclass(frozen=True, slots=True)
class _Response:
    status: int
    headers: httpx.Headers
    body: bytes


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff_delay(attempt: int, policy: FetchPolicy, retry_after: float | None) -> float:
    """The wait before retry number ``attempt`` (1-based): Retry-After wins, else doubling."""
    if retry_after is not None:
        return min(retry_after, policy.max_retry_after_s)
    return min(policy.backoff_s * (2 ** (attempt - 1)), policy.max_backoff_s)


class Fetcher:
    """Fetches URLs through one shared ``httpx.Client`` (thread-safe; share it between workers)."""

    def __init__(
        self,
        client: httpx.Client,
        gate: Gate,
        *,
        user_agent: str,
        policy: FetchPolicy | None = None,
    ) -> None:
        self._client = client
        self._gate = gate
        self._user_agent = user_agent
        self._policy = policy or FetchPolicy()

    @property
    def user_agent(self) -> str:
        return self._user_agent

    def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        permit: Permit | None = None,
    ) -> FetchResult:
        """GET ``url`` (conditionally when validators are given), following redirects by hand."""
        headers = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.5"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        current = url
        seen = {url}
        hops: list[str] = []
        attempts = 0
        while True:
            try:
                response, tries = self._send(current, headers, accept=CRAWLABLE_TYPES)
            except _Retryable as failure:
                return self._result(url, current, hops, FetchOutcome.FAILED, failure.reason)
            except _NotCrawlable as refused:
                return self._result(
                    url, current, hops, FetchOutcome.SKIPPED, str(refused), status=refused.status
                )
            except _Failed as failed:
                return self._result(url, current, hops, FetchOutcome.FAILED, str(failed))
            attempts += tries
            status = response.status
            if status in REDIRECT_STATUSES:
                target = normalize_url(response.headers.get("location", ""), current)
                if not target:
                    return self._result(
                        url, current, hops, FetchOutcome.FAILED,
                        f"HTTP {status} without a usable Location", status=status,
                    )  # fmt: skip
                if target in seen:
                    return self._result(
                        url, current, hops, FetchOutcome.FAILED,
                        f"redirect loop back to {target}", status=status,
                    )  # fmt: skip
                if len(hops) >= self._policy.max_redirects:
                    return self._result(
                        url, current, hops, FetchOutcome.FAILED,
                        f"more than {self._policy.max_redirects} redirects", status=status,
                    )  # fmt: skip
                refusal = permit(target) if permit is not None else None
                hops.append(target)
                seen.add(target)
                if refusal:
                    return self._result(url, target, hops, FetchOutcome.SKIPPED, refusal)
                current = target
                continue
            if status == 304:
                return FetchResult(
                    url, FetchOutcome.NOT_MODIFIED, current, status, redirects=tuple(hops),
                    reason="not modified", attempts=attempts,
                )  # fmt: skip
            if not 200 <= status < 300:
                return FetchResult(
                    url, FetchOutcome.FAILED, current, status, redirects=tuple(hops),
                    reason=f"HTTP {status}", attempts=attempts,
                )  # fmt: skip
            return FetchResult(
                url,
                FetchOutcome.OK,
                current,
                status,
                content_type=response.headers.get("content-type"),
                etag=response.headers.get("etag"),
                last_modified=response.headers.get("last-modified"),
                body=response.body,
                redirects=tuple(hops),
                attempts=attempts,
            )

    def fetch_robots(self, origin: str) -> RobotsRules:
        """Load ``origin``'s robots.txt: parsed on 2xx, allow-all on 4xx, else deny-all."""
        url = f"{origin}/robots.txt"
        current = url
        for _ in range(5):
            try:
                response, _tries = self._send(
                    current, {"Accept": "text/plain,*/*;q=0.5"}, accept=None,
                    max_bytes=ROBOTS_MAX_BYTES,
                )  # fmt: skip
            except (_Retryable, _Failed) as failure:
                return RobotsRules(deny_all=True, reason=f"robots.txt unavailable: {failure}")
            if response.status in REDIRECT_STATUSES:
                target = normalize_url(response.headers.get("location", ""), current)
                if not target or target == current:
                    break
                current = target
                continue
            return rules_for_status(response.status, response.body, url)
        return RobotsRules(deny_all=True, reason="robots.txt redirects too often")

    # -- internals -----------------------------------------------------------

    def _result(
        self,
        url: str,
        final: str,
        hops: list[str],
        outcome: FetchOutcome,
        reason: str,
        *,
        status: int | None = None,
    ) -> FetchResult:
        return FetchResult(url, outcome, final, status, redirects=tuple(hops), reason=reason)

    def _send(
        self,
        url: str,
        headers: dict[str, str],
        *,
        accept: frozenset[str] | None,
        max_bytes: int | None = None,
    ) -> tuple[_Response, int]:
        """One request with retries; returns the response and how many attempts it took."""
        host = host_of(url)
        limit = max_bytes or self._policy.max_bytes
        attempt = 0
        while True:
            attempt += 1
            self._gate.wait_turn(host)
            try:
                return self._request_once(url, headers, accept, limit), attempt
            except _Retryable as failure:
                if attempt > self._policy.max_retries:
                    raise _Retryable(
                        f"{failure.reason} (gave up after {attempt} attempts)"
                    ) from None
                self._gate.push_back(host, backoff_delay(attempt, self._policy, failure.wait_s))

    def _request_once(
        self,
        url: str,
        headers: dict[str, str],
        accept: frozenset[str] | None,
        limit: int,
    ) -> _Response:
        try:
            return self._exchange(url, headers, accept, limit)
        finally:
            self._gate.finished(host_of(url))

    def _exchange(
        self,
        url: str,
        headers: dict[str, str],
        accept: frozenset[str] | None,
        limit: int,
    ) -> _Response:
        request_headers = {"User-Agent": self._user_agent, **headers}
        try:
            with self._client.stream(
                "GET", url, headers=request_headers, timeout=self._policy.timeout_s,
                follow_redirects=False,
            ) as response:  # fmt: skip
                status = response.status_code
                if status in RETRY_STATUSES:
                    wait = parse_retry_after(response.headers.get("retry-after"))
                    raise _Retryable(f"HTTP {status}", wait)
                if 200 <= status < 300 and accept is not None:
                    kind = media_type(response.headers.get("content-type"))
                    if kind and kind not in accept:
                        raise _NotCrawlable(f"not HTML ({kind})", status)
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise _Failed(f"response is over the {limit:,}-byte limit ({declared} bytes)")
                body = bytearray()
                if 200 <= status < 300:
                    for chunk in response.iter_bytes():
                        body += chunk
                        if len(body) > limit:
                            raise _Failed(f"response is over the {limit:,}-byte limit")
                return _Response(status, response.headers, bytes(body))
        except httpx.TimeoutException as exc:
            raise _Retryable(f"timeout ({type(exc).__name__})") from None
        except httpx.TransportError as exc:
            raise _Retryable(f"connection error ({type(exc).__name__}: {exc})") from None
        except httpx.HTTPError as exc:  # undecodable content encoding, bad URL, ...
            raise _Failed(f"{type(exc).__name__}: {exc}") from None


class _NotCrawlable(Exception):
    def __init__(self, reason: str, status: int) -> None:
        super().__init__(reason)
        self.status = status
