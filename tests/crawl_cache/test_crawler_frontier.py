"""The frontier: queue order, settling, persistence and aliases."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawl_cache.crawler.frontier import (
    Discovered,
    Frontier,
    FrontierError,
    UrlState,
    frontier_path_for,
)


def _open(tmp_path: Path) -> Frontier:
    return Frontier.open(tmp_path / "frontier.sqlite3")


def test_frontier_sits_beside_the_cache(tmp_path: Path) -> None:
    assert frontier_path_for(tmp_path / "cache.sqlite3") == tmp_path / "frontier.sqlite3"


def test_queue_order_and_dedup(tmp_path: Path) -> None:
    with _open(tmp_path) as frontier:
        frontier.begin("{}", "2024-03-01T09:00:00+00:00")
        added = frontier.add(
            [
                Discovered("https://a.example/link", 2, 20),
                Discovered("https://a.example/article", 1, 40),
                Discovered("https://a.example/shallow-link", 1, 20),
                Discovered("https://a.example/article", 0, 99),  # already known: ignored
            ]
        )
        assert added == 3
        order = []
        while (entry := frontier.next_queued()) is not None:
            order.append(entry.url)
            frontier.mark_in_flight(entry.url)
        assert order == [
            "https://a.example/article",
            "https://a.example/shallow-link",
            "https://a.example/link",
        ]


def test_busy_hosts_are_passed_over(tmp_path: Path) -> None:
    with _open(tmp_path) as frontier:
        frontier.add(
            [Discovered("https://a.example/1", 0, 50), Discovered("https://b.example/1", 0, 10)]
        )
        assert frontier.next_queued(busy_hosts=["a.example"]).url == "https://b.example/1"
        assert frontier.next_queued(busy_hosts=["a.example", "b.example"]) is None


def test_finish_settles_covers_and_queues_in_one_go(tmp_path: Path) -> None:
    with _open(tmp_path) as frontier:
        frontier.add(
            [Discovered("https://a.example/old", 0, 50), Discovered("https://a.example/new", 1, 10)]
        )
        frontier.mark_in_flight("https://a.example/old")
        frontier.finish(
            "https://a.example/old",
            UrlState.DONE,
            outcome="added",
            reason="article",
            discovered=[Discovered("https://a.example/next", 1, 20, "https://a.example/old")],
            covered=["https://a.example/new"],
        )
        new = frontier.get("https://a.example/new")
        assert new.state is UrlState.DONE and new.outcome == "covered"
        nxt = frontier.get("https://a.example/next")
        assert nxt.state is UrlState.QUEUED and nxt.discovered_from == "https://a.example/old"
        assert frontier.counts() == {
            "queued": 1, "in_flight": 0, "done": 2, "failed": 0, "skipped": 0,
        }  # fmt: skip
        assert frontier.count_outcomes(["added"]) == 1


def test_state_survives_reopening_and_begin_keeps_aliases(tmp_path: Path) -> None:
    with _open(tmp_path) as frontier:
        frontier.begin('{"max_pages": 5}', "2024-03-01T09:00:00+00:00")
        frontier.add([Discovered("https://a.example/1", 0, 50)])
        frontier.mark_in_flight("https://a.example/1")
        frontier.set_alias("https://a.example/1", "https://a.example/one")
    with _open(tmp_path) as frontier:
        assert frontier.saved_crawl() == ('{"max_pages": 5}', "2024-03-01T09:00:00+00:00")
        assert [e.url for e in frontier.entries(UrlState.IN_FLIGHT)] == ["https://a.example/1"]
        frontier.requeue("https://a.example/1")
        assert frontier.get("https://a.example/1").state is UrlState.QUEUED
        frontier.begin("{}", "2024-03-02T09:00:00+00:00")
        assert list(frontier.entries()) == []
        assert frontier.alias("https://a.example/1") == "https://a.example/one"
        assert frontier.alias("https://a.example/2") is None


def test_new_file_has_no_saved_crawl(tmp_path: Path) -> None:
    with _open(tmp_path) as frontier:
        assert frontier.saved_crawl() is None


def test_a_file_that_is_not_sqlite_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "frontier.sqlite3"
    path.write_bytes(b"this is not a database, just some text " * 100)
    with pytest.raises(FrontierError, match="not a usable crawl frontier"):
        Frontier.open(path)


def test_feed_and_sitemap_copies_are_kept_across_crawls(tmp_path: Path) -> None:
    with _open(tmp_path) as frontier:
        frontier.save_document(
            "https://a.example/feed.xml", b"<rss>one</rss>", content_type="application/rss+xml",
            etag='"f1"', last_modified=None,
        )  # fmt: skip
        frontier.save_document(
            "https://a.example/feed.xml", b"<rss>two</rss>", content_type="application/rss+xml",
            etag='"f2"', last_modified="Fri, 01 Mar 2024 09:00:00 GMT",
        )  # fmt: skip
        frontier.begin("{}", "2024-03-02T09:00:00+00:00")
    with _open(tmp_path) as frontier:
        kept = frontier.document("https://a.example/feed.xml")
        assert kept is not None and kept.body == b"<rss>two</rss>" and kept.etag == '"f2"'
        assert frontier.document("https://a.example/other.xml") is None
