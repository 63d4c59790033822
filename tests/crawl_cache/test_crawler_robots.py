"""robots.txt: parsing, status handling and the per-host cache."""

from __future__ import annotations

import threading

from crawl_cache.crawler.robots import (
    ALLOW_ALL,
    MAX_CRAWL_DELAY_S,
    RobotsCache,
    RobotsRules,
    parse_robots,
    rules_for_status,
)

ROBOTS = b"""User-agent: *
Disallow: /private/
Allow: /private/open/
Crawl-delay: 2.5

User-agent: broadsheet
Disallow: /drafts/
Crawl-delay: 0.5

Sitemap: https://news.example/sitemap_index.xml
Sitemap: /relative-sitemap.xml
"""


def test_rules_for_our_agent_and_others() -> None:
    rules = parse_robots(ROBOTS, "https://news.example/robots.txt")
    assert not rules.allows("https://news.example/drafts/a", "broadsheet")
    assert rules.allows("https://news.example/private/a", "broadsheet")  # our group wins
    assert not rules.allows("https://news.example/private/a", "otherbot")
    assert rules.allows("https://news.example/private/open/a", "otherbot")
    assert rules.crawl_delay("broadsheet") == 0.5
    assert rules.crawl_delay("otherbot") == 2.5


def test_sitemap_lines_are_normalised() -> None:
    rules = parse_robots(ROBOTS, "https://news.example/robots.txt")
    assert rules.sitemaps == (
        "https://news.example/sitemap_index.xml",
        "https://news.example/relative-sitemap.xml",
    )


def test_huge_crawl_delay_is_capped() -> None:
    rules = parse_robots(b"User-agent: *\nCrawl-delay: 86400\n", "https://a.example/robots.txt")
    assert rules.crawl_delay("broadsheet") == MAX_CRAWL_DELAY_S


def test_undecodable_bytes_do_not_stop_parsing() -> None:
    rules = parse_robots(
        b"User-agent: *\nDisallow: /\xff\xfe/\nDisallow: /x/\n", "https://a.example/"
    )
    assert not rules.allows("https://a.example/x/1", "broadsheet")


def test_status_meanings() -> None:
    assert rules_for_status(404, b"", "https://a.example/robots.txt") is ALLOW_ALL
    assert ALLOW_ALL.allows("https://a.example/anything", "broadsheet")
    unreachable = rules_for_status(503, b"", "https://a.example/robots.txt")
    assert unreachable.deny_all and not unreachable.allows("https://a.example/", "broadsheet")
    assert "503" in unreachable.reason
    parsed = rules_for_status(200, b"User-agent: *\nDisallow: /\n", "https://a.example/robots.txt")
    assert not parsed.allows("https://a.example/", "broadsheet")


def test_cache_loads_each_host_once_even_from_many_threads() -> None:
    loads: list[str] = []
    gate = threading.Event()

    def load(origin: str) -> RobotsRules:
        gate.wait(1)
        loads.append(origin)
        return ALLOW_ALL

    cache = RobotsCache(load)
    threads = [
        threading.Thread(target=cache.rules, args=(f"https://a.example/{n}",)) for n in range(8)
    ]
    for thread in threads:
        thread.start()
    gate.set()
    for thread in threads:
        thread.join()
    cache.rules("http://b.example:8080/x")
    assert loads == ["https://a.example", "http://b.example:8080"]
    assert cache.known("a.example") is ALLOW_ALL
    assert cache.known("c.example") is None
