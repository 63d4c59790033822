"""robots.txt rules: a pure parse (protego) and a per-host cache loading through a callable."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from protego import Protego  # type: ignore[import-untyped]

from crawl_cache.crawler.urls import host_of, normalize_url, origin_of

MAX_CRAWL_DELAY_S = 60.0


@dataclass(frozen=True, slots=True)
class RobotsRules:
    """What one host's robots.txt says to our user agent.

    ``allow_all``/``deny_all`` stand for a missing file (4xx) and an unreachable
    one (5xx, network error), following RFC 9309.
    """

    parser: Protego | None = None
    deny_all: bool = False
    reason: str = ""
    sitemaps: tuple[str, ...] = field(default_factory=tuple)

    def allows(self, url: str, user_agent: str) -> bool:
        if self.deny_all:
            return False
        if self.parser is None:
            return True
        return bool(self.parser.can_fetch(url, user_agent))

    def crawl_delay(self, user_agent: str) -> float | None:
        if self.parser is None:
            return None
        delay = self.parser.crawl_delay(user_agent)
        if delay is None:
            return None
        return min(float(delay), MAX_CRAWL_DELAY_S)


ALLOW_ALL = RobotsRules()


def parse_robots(body: bytes, base_url: str) -> RobotsRules:
    """Parse a robots.txt body (undecodable bytes are replaced, as crawlers do)."""
    text = body.decode("utf-8", errors="replace")
    parser = Protego.parse(text)
    sitemaps = tuple(
        found for found in (normalize_url(s, base_url) for s in parser.sitemaps) if found
    )
    return RobotsRules(parser=parser, sitemaps=sitemaps)


def rules_for_status(status: int, body: bytes, base_url: str) -> RobotsRules:
    """The rules a robots.txt response means: parse 2xx, allow all on 4xx, deny all otherwise."""
    if 200 <= status < 300:
        return parse_robots(body, base_url)
    if 400 <= status < 500:
        return ALLOW_ALL
    return RobotsRules(deny_all=True, reason=f"robots.txt answered HTTP {status}")


RobotsLoader = Callable[[str], RobotsRules]


class RobotsCache:
    """Rules per host, loaded once each from the host's origin; thread-safe (one load at a time)."""

    def __init__(self, load: RobotsLoader) -> None:
        self._load = load
        self._rules: dict[str, RobotsRules] = {}
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def rules(self, url: str) -> RobotsRules:
        host, origin = host_of(url), origin_of(url)
        with self._guard:
            found = self._rules.get(host)
            if found is not None:
                return found
            lock = self._locks.setdefault(host, threading.Lock())
        with lock:
            with self._guard:
                found = self._rules.get(host)
            if found is None:
                found = self._load(origin)
                with self._guard:
                    self._rules[host] = found
        return found

    def known(self, host: str) -> RobotsRules | None:
        """The rules for ``host`` (``host[:port]``) if already loaded, without loading."""
        with self._guard:
            return self._rules.get(host)
