"""A crawl killed with SIGKILL and resumed ends with the same cache, fetching nothing twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from live_server import CLI
from news_site import NewsSite, SiteServer

from crawl_cache import CrawlCache
from crawl_cache.crawler import CrawlOptions, build_user_agent, run_crawl

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")

DELAY = 0.1
MAX_BYTES = 512 * 1024


def _cache_contents(data_dir: Path) -> dict[str, tuple[str, bool | None]]:
    with CrawlCache.open(data_dir / "cache.sqlite3") as cache:
        return {page.url: (page.content_hash, page.is_article) for page in cache.iter_pages()}


def _cli(data_dir: Path, *args: str) -> list[str]:
    return [*CLI, "--data-dir", str(data_dir), "crawl", *args]


def test_kill_9_then_resume_matches_an_uninterrupted_crawl(tmp_path: Path) -> None:
    site = NewsSite(crawl_delay=DELAY, retry_after_s=0, slow_s=0.0)
    server = SiteServer(site)
    seeds = (f"{server.base}/", f"{server.base}/feed.xml")
    whole, parts = tmp_path / "whole", tmp_path / "parts"
    try:
        run_crawl(
            whole / "cache.sqlite3",
            CrawlOptions(seeds=seeds, delay_s=DELAY, timeout_s=5.0, max_bytes=MAX_BYTES),
            user_agent=build_user_agent("desk@harbour-gazette.test"),
        )
        expected = _cache_contents(whole)

        started = len(site.entries())
        options = ["--delay", str(DELAY), "--timeout", "5", "--max-page-bytes", str(MAX_BYTES)]
        child = subprocess.Popen(
            _cli(parts, *seeds, *options, "--contact", "desk@harbour-gazette.test"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while sum(e.status == 200 for e in site.entries()[started:]) < 9:
            assert child.poll() is None, "the crawl ended before it could be killed"
            assert time.monotonic() < deadline, "the crawl made no progress"
            time.sleep(0.02)
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        assert child.returncode == -signal.SIGKILL

        stored_before_kill = _cache_contents(parts)
        assert 0 < len(stored_before_kill) < len(expected)
        resumed_from = len(site.entries())
        resumed = subprocess.run(
            _cli(parts, "--resume"), capture_output=True, text=True, timeout=120, check=False
        )
    finally:
        server.stop()
    assert resumed.returncode == 0, resumed.stderr
    assert "Crawled" in resumed.stdout
    assert _cache_contents(parts) == expected
    paths_after = {entry.path for entry in site.entries()[resumed_from:]}
    refetched = {url.removeprefix(server.base) for url in stored_before_kill} & paths_after
    assert refetched == set()
    # The resumed crawl introduces itself as the first did: the contact was saved.
    agents = {entry.user_agent for entry in site.entries()[resumed_from:]}
    assert agents == {build_user_agent("desk@harbour-gazette.test")}
