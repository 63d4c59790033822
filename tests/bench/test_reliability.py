"""The reliability harness: its pieces one by one, and a short run of real kills."""

from __future__ import annotations

import importlib.util
import random
import sqlite3
import sys
from pathlib import Path
from types import ModuleType

import pytest

from crawl_cache import CrawlCache, import_paths
from indexer import reindex

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _load(name: str) -> ModuleType:
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    spec = importlib.util.spec_from_file_location(name, BENCH / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def kit() -> ModuleType:
    return _load("fault_kit")


@pytest.fixture(scope="module")
def harness(kit: ModuleType) -> ModuleType:
    return _load("reliability")


def test_kill_moments_repeat_with_the_seed(kit: ModuleType) -> None:
    first = kit.kill_delays(random.Random(8), 5, 0.3, 4.0)
    assert first == kit.kill_delays(random.Random(8), 5, 0.3, 4.0)
    assert first != kit.kill_delays(random.Random(9), 5, 0.3, 4.0)
    assert all(0.3 <= delay <= 4.0 for delay in first)


def test_kill_plan_draws_sooner_after_a_run_ends_early(kit: ModuleType) -> None:
    plan = kit.KillPlan(random.Random(8), kills=2, low_s=0.3, high_s=10.0)
    moments = iter(plan)
    assert 0.3 <= next(moments) <= 10.0
    plan.record(kit.RunOutcome(killed=False, returncode=0, elapsed_s=2.0))
    assert 0.3 <= next(moments) <= 1.8
    plan.record(kit.RunOutcome(killed=True, returncode=-9, elapsed_s=1.0))
    next(moments)
    plan.record(kit.RunOutcome(killed=True, returncode=-9, elapsed_s=1.0))
    assert list(moments) == []
    assert (plan.kills, plan.runs) == (2, 3)


def test_generated_records_change_with_their_edition(kit: ModuleType) -> None:
    assert kit.article_record(3) == kit.article_record(3)
    assert kit.article_record(3)["body"] != kit.article_record(3, 1)["body"]
    assert kit.article_record(3)["url"] == kit.article_record(3, 1)["url"]


def test_lost_pages_allows_only_the_new_input(kit: ModuleType) -> None:
    before = {"a": "1", "b": "2", "c": "3"}
    assert kit.lost_pages(before, {"a": "1", "b": "2", "c": "3", "d": "4"}) == []
    assert kit.lost_pages(before, {"a": "1", "b": "9", "c": "3"}, {"b": "9"}) == []
    problems = kit.lost_pages(before, {"a": "1", "b": "8"}, {"b": "9"})
    assert problems == ["b changed to content nobody wrote", "lost c"]


def _imported(kit: ModuleType, tmp_path: Path, count: int = 5) -> Path:
    records = tmp_path / "in" / "records.jsonl"
    kit.write_records(records, dict.fromkeys(range(count), 0))
    cache_path = tmp_path / "data" / "cache.sqlite3"
    with CrawlCache.open(cache_path) as cache:
        assert import_paths(cache, [records]).added == count
    return cache_path


def test_snapshot_and_checks_of_a_sound_cache(kit: ModuleType, tmp_path: Path) -> None:
    cache_path = _imported(kit, tmp_path)
    snapshot = kit.cache_snapshot(cache_path)
    assert len(snapshot) == 5
    assert snapshot == kit.expected_pages([tmp_path / "in"])
    assert kit.check_cache(cache_path) == []
    assert kit.cache_snapshot(tmp_path / "nothing.sqlite3") == {}


def test_check_cache_finds_a_tampered_body(kit: ModuleType, tmp_path: Path) -> None:
    cache_path = _imported(kit, tmp_path)
    conn = sqlite3.connect(cache_path)
    with conn:
        conn.execute("UPDATE pages SET content_hash = 'f00d' WHERE seq = 1")
    conn.close()
    assert any("content hash" in problem for problem in kit.check_cache(cache_path))


def test_check_index_agrees_then_notices_a_missing_article(kit: ModuleType, tmp_path: Path) -> None:
    cache_path = _imported(kit, tmp_path)
    index_dir = tmp_path / "data" / "index"
    reindex(cache_path, index_dir, full=True)
    expected = kit.expected_article_ids(cache_path)
    assert len(expected) == 5
    assert kit.check_index(index_dir, expected) == []
    problems = kit.check_index(index_dir, expected | {"not-indexed"})
    assert problems == ["index and cache disagree: 1 missing, 0 extra"]
    assert kit.check_index(tmp_path / "elsewhere")[0].startswith("index does not open")


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")
def test_a_short_run_of_kills_loses_nothing(harness: ModuleType, tmp_path: Path) -> None:
    sizes = harness.Sizes(
        import_kills=2,
        crawl_cycles=0,
        reindex_kills=1,
        records=1500,
        html_pages=5,
        index_records=30,
    )
    rows = harness.run(["import-kill", "reindex-kill"], sizes, seed=8, work_root=tmp_path)
    by_name = {row.scenario: row for row in rows}
    for row in rows:
        assert row.problems == [], row.scenario
    assert by_name["import-kill"].kills >= 1
    assert by_name["reindex-kill"].kills >= 1
    assert by_name["reindex-kill"].figures["served_requests"] > 10
    assert by_name["reindex-kill"].figures["failed_requests"] == 0
