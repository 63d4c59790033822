"""`broadsheet crawl`, `stats` after a crawl, and `export --warc`, against a local news site."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from news_site import ARTICLES, NewsSite, SiteServer, article_path
from warcio.archiveiterator import ArchiveIterator

from crawl_cache import CrawlCache
from search_web import cli

FAST = ["--delay", "0.01", "--timeout", "0.5", "--max-page-bytes", "524288"]


@pytest.fixture
def site() -> Iterator[SiteServer]:
    server = SiteServer(NewsSite(crawl_delay=0.01, retry_after_s=0, slow_s=0.0))
    yield server
    server.stop()


def _invoke(runner: CliRunner, data_dir: Path, *args: str, **kwargs: Any) -> Result:
    return runner.invoke(cli.main, ["--data-dir", str(data_dir), *args], **kwargs)


def test_crawl_stats_and_export(runner: CliRunner, site: SiteServer, tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = _invoke(runner, data, "crawl", f"{site.base}/feed.xml", f"{site.base}/", *FAST,
                     "--contact", "desk@harbour-gazette.test")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Crawled" in result.output and "failed" in result.output
    assert "broadsheet reindex" in result.output
    assert "Warning: no contact" not in result.output
    agents = {entry.user_agent for entry in site.site.entries()}
    assert agents == {"Broadsheet/0.1 (+desk@harbour-gazette.test; news search crawler)"}

    stats = _invoke(runner, data, "stats")
    assert stats.exit_code == 0, stats.output
    assert "Failures by stage: 3 crawl" in stats.output  # loop, 404, oversized page
    assert "Last crawl:" in stats.output and "3 failed" in stats.output
    as_json = json.loads(_invoke(runner, data, "stats", "--json").output)
    assert as_json["crawl"]["failed"] == 3 and as_json["failures_by_stage"] == {"crawl": 3}

    warc = tmp_path / "out.warc.gz"
    exported = _invoke(runner, data, "export", "--warc", str(warc))
    assert exported.exit_code == 0, exported.output
    with CrawlCache.open(data / "cache.sqlite3") as cache:
        count = cache.page_count()
    assert f"Wrote {count} pages" in exported.output
    with warc.open("rb") as stream:
        uris = [r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(stream)
                if r.rec_type == "response"]  # fmt: skip
    assert len(uris) == count
    assert f"{site.base}{article_path(ARTICLES[0])}" in uris


def test_contact_comes_from_the_environment_and_missing_contact_warns(
    runner: CliRunner, site: SiteServer, tmp_path: Path
) -> None:
    env = {"BROADSHEET_CONTACT": "news-desk@harbour-gazette.test"}
    result = _invoke(runner, tmp_path / "a", "crawl", f"{site.base}/", *FAST, "--max-pages", "1",
                     env=env)  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "news-desk@harbour-gazette.test" in site.site.entries()[-1].user_agent
    assert "still queued" in result.output and "--resume" in result.output

    unset = _invoke(runner, tmp_path / "b", "crawl", f"{site.base}/", *FAST, "--max-pages", "1",
                    env={"BROADSHEET_CONTACT": ""})  # fmt: skip
    assert unset.exit_code == 0
    assert "Warning: no contact set" in unset.output


def test_resume_continues_with_a_higher_page_limit(
    runner: CliRunner, site: SiteServer, tmp_path: Path
) -> None:
    data = tmp_path / "data"
    first = _invoke(runner, data, "crawl", f"{site.base}/", *FAST, "--max-pages", "2")
    assert first.exit_code == 0, first.output
    second = _invoke(runner, data, "crawl", "--resume", "--max-pages", "5")
    assert second.exit_code == 0, second.output
    with CrawlCache.open(data / "cache.sqlite3") as cache:
        assert cache.page_count() == 5
    fresh = _invoke(runner, data, "crawl", f"{site.base}/", *FAST, "--max-pages", "1")
    assert "Starting a new crawl: the previous one left" in fresh.output


def test_usage_errors(runner: CliRunner, tmp_path: Path) -> None:
    assert _invoke(runner, tmp_path, "crawl").exit_code == 2
    assert _invoke(runner, tmp_path, "crawl", "--resume", "--refresh").exit_code == 2
    bad_seed = _invoke(runner, tmp_path, "crawl", "ftp://n.example/")
    assert bad_seed.exit_code == 2 and "not an http(s) URL" in bad_seed.output
    nothing = _invoke(runner, tmp_path, "crawl", "--resume")
    assert nothing.exit_code == 1 and "no crawl to resume" in nothing.output
    empty = _invoke(runner, tmp_path / "empty", "export", "--warc", str(tmp_path / "x.warc"))
    assert empty.exit_code == 1 and "nothing to export" in empty.output
