"""Tests for the store across processes: a kill mid-write, readers during writes, two writers."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crawl_cache import CrawlCache

REPO_ROOT = Path(__file__).resolve().parents[2]

# Writes forever: single puts, batches, and replacements of earlier URLs.
_WRITE_FOREVER = """
import sys
from pathlib import Path
from crawl_cache import CachedPage, CrawlCache

def body(n, version):
    return (f"<p>entry {n} version {version}</p>" * (20 + n % 300)).encode()

with CrawlCache.open(Path(sys.argv[1])) as cache:
    n = 0
    announced = False
    while True:
        if n % 4 == 0:
            batch = [f"https://crash.example/{n + i}" for i in range(5)]
            cache.put_many([CachedPage.create(url, body(n + i, 0)) for i, url in enumerate(batch)])
            n += 5
        else:
            cache.put(CachedPage.create(f"https://crash.example/{n}", body(n, 0)))
            n += 1
        if n % 7 == 0:
            old = n // 2
            cache.put(CachedPage.create(f"https://crash.example/{old}", body(old, n)))
        if n >= 60 and not announced:
            print("running", flush=True)
            announced = True
"""

# Writes ``count`` pages named with ``prefix`` in batches of three, pausing
# ``pause`` seconds between batches, then exits.
_WRITE_SOME = """
import sys
import time
from pathlib import Path
from crawl_cache import CachedPage, CrawlCache

path, prefix, count, pause = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
with CrawlCache.open(path, busy_timeout_s=30) as cache:
    for start in range(0, count, 3):
        cache.put_many(
            [
                CachedPage.create(f"https://{prefix}.example/{n}", f"<p>{prefix} {n}</p>".encode())
                for n in range(start, min(start + 3, count))
            ]
        )
        if start == 0:
            print("running", flush=True)
        time.sleep(pause)
"""


def _spawn(script: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_for_running(child: subprocess.Popen[str]) -> None:
    assert child.stdout is not None
    line = child.stdout.readline()
    if line.strip() != "running":
        child.kill()
        _, err = child.communicate(timeout=10)
        pytest.fail(f"writer did not start: {err}")


@pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")
def test_a_writer_killed_mid_loop_leaves_a_sound_store(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    child = _spawn(_WRITE_FOREVER, str(path))
    try:
        _wait_for_running(child)
        time.sleep(0.4)
        child.send_signal(signal.SIGKILL)
    finally:
        child.kill()
        child.communicate(timeout=10)
    assert child.returncode == -signal.SIGKILL

    with CrawlCache.open(path) as cache:
        assert cache.check() == []  # PRAGMA integrity_check plus every body re-hashed
        pages = list(cache.iter_pages())
        seqs = [page.seq for page in pages]
        assert len(pages) == cache.page_count() >= 60
        assert seqs == sorted(set(seqs))
        assert cache.last_seq() >= max(s for s in seqs if s is not None)
    for page in pages:
        number = page.url.rsplit("/", 1)[1]
        repeat = page.body.split(b"</p>")[0] + b"</p>"
        assert repeat.startswith(f"<p>entry {number} version ".encode())
        assert page.body == repeat * (20 + int(number) % 300)  # the whole entry, nothing cut


def test_a_reader_follows_the_feed_while_another_process_writes(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    CrawlCache.open(path).close()
    total = 240
    child = _spawn(_WRITE_SOME, str(path), "feed", str(total), "0.004")
    seen: list[int] = []
    reads_during_writes = 0
    try:
        _wait_for_running(child)
        with CrawlCache.open(path) as reader:
            while child.poll() is None:
                batch = [p.seq for p in reader.changes_since(seen[-1] if seen else 0, batch_size=7)]
                reads_during_writes += 1
                seen.extend(s for s in batch if s is not None)
            _, err = child.communicate(timeout=30)
            assert child.returncode == 0, err
            seen.extend(p.seq for p in reader.changes_since(seen[-1] if seen else 0) if p.seq)
    finally:
        child.kill()
        child.communicate(timeout=10)
    assert reads_during_writes > 1
    assert seen == list(range(1, total + 1))


def test_two_writer_processes_share_one_seq_counter(tmp_path: Path) -> None:
    path = tmp_path / "cache.sqlite3"
    CrawlCache.open(path).close()
    children = [_spawn(_WRITE_SOME, str(path), prefix, "90", "0") for prefix in ("left", "right")]
    try:
        for child in children:
            _, err = child.communicate(timeout=60)
            assert child.returncode == 0, err
    finally:
        for child in children:
            child.kill()
            child.communicate(timeout=10)
    with CrawlCache.open(path) as cache:
        seqs = [page.seq for page in cache.iter_pages()]
        assert cache.page_count() == 180
    assert seqs == list(range(1, 181))
