"""Hostile import inputs: decompression bombs, entity bombs and mutated archives stay bounded."""

from __future__ import annotations

import importlib.util
import sys
import time
import tracemalloc
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from crawl_cache import CrawlCache, import_paths
from indexer import ExtractionError, extract_article

BENCH = Path(__file__).resolve().parents[2] / "bench" / "hostile_inputs.py"
# Smaller bombs than the bench's 1 GiB keep the suite fast; the ratio is what matters.
TEST_BOMB_BYTES = 128 << 20


@pytest.fixture(scope="module")
def hostile() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hostile_inputs", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    module.BOMB_BYTES = TEST_BOMB_BYTES
    return module


@pytest.mark.parametrize(
    ("case", "reason"),
    [
        ("gzip-bomb-warc-payload", "over the 10,485,760-byte limit"),
        ("gzip-bomb-warc-member", "decompression bomb"),
        ("gzip-bomb-html", "over the 10,485,760-byte limit once decompressed"),
        ("gzip-bomb-jsonl", "decompression bomb"),
    ],
)
def test_gzip_bombs_are_refused_quickly_in_bounded_memory(
    hostile: ModuleType, tmp_path: Path, case: str, reason: str
) -> None:
    paths = hostile.write_case(case, tmp_path / "in")
    with CrawlCache.open(tmp_path / "cache.sqlite3") as cache:
        tracemalloc.start()
        started = time.monotonic()
        try:
            report = import_paths(cache, paths)
        finally:
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
        elapsed = time.monotonic() - started
        assert cache.page_count() == 0
        failures = cache.failures()
    assert report.failed == 1 and report.stored == 0
    assert reason in report.failures[0].reason
    assert failures[0].reason == report.failures[0].reason
    assert peak < 64 << 20, f"{peak:,} bytes held"
    assert elapsed < 10


@pytest.mark.parametrize("case", ["billion-laughs-html", "billion-laughs-xhtml"])
def test_entity_bombs_are_never_expanded(hostile: ModuleType, tmp_path: Path, case: str) -> None:
    (path,) = hostile.write_case(case, tmp_path)
    content_type = "application/xhtml+xml" if path.suffix == ".xhtml" else "text/html"
    started = time.monotonic()
    try:
        article = extract_article(path.read_bytes(), path.as_uri(), content_type=content_type)
    except ExtractionError:
        return  # refusing the page is fine too; expanding it is not
    assert time.monotonic() - started < 10
    text = " ".join([article.headline, article.body, *article.authors])
    assert "lollollol" not in text
    assert len(text) < 10_000


WARC_HEAD = (
    b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://fuzz.example/a\r\n"
    b"WARC-Date: 2024-06-01T07:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
)
HTTP = (
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>Quay news</p></body></html>"
)


def _record(block: bytes) -> bytes:
    return WARC_HEAD + b"Content-Length: %d\r\n\r\n" % len(block) + block + b"\r\n\r\n"


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    flips=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=12),
    cut=st.integers(0, 10_000),
    gzipped=st.booleans(),
)
def test_mutated_archives_are_reported_never_raised(
    tmp_path_factory: pytest.TempPathFactory,
    flips: list[tuple[int, int]],
    cut: int,
    gzipped: bool,
) -> None:
    import gzip

    data = bytearray(_record(HTTP) * 3)
    for where, value in flips:
        data[where % len(data)] = value
    raw = bytes(data[: max(1, cut % (len(data) + 1))])
    folder = tmp_path_factory.mktemp("warc")
    path = folder / ("fuzz.warc.gz" if gzipped else "fuzz.warc")
    path.write_bytes(gzip.compress(raw, mtime=0) if gzipped else raw)
    with CrawlCache.open(folder / "cache.sqlite3") as cache:
        report = import_paths(cache, [path])
        assert cache.check() == []
        assert report.stored + report.failed + report.skipped >= 1
        assert cache.page_count() == report.added
