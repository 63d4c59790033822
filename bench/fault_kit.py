"""Pieces of the reliability harness: generated corpora, cache snapshots, checks, a watched server.

Each piece is small and usable on its own (the tests drive them one by one);
``bench/reliability.py`` strings them into scenarios. Everything runs Broadsheet
as separate processes, the way an admin does, so a SIGKILL hits the real command.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from crawl_cache import CrawlCache
from crawl_cache.importers.dispatch import iter_inputs, read_input
from crawl_cache.importers.reading import DEFAULT_MAX_PAGE_BYTES
from crawl_cache.page import CachedPage
from indexer.extraction_pool import default_extractor
from indexer.index_store import live_document_ids

CLI = [sys.executable, "-c", "from search_web.cli import main; main()"]

# Words for generated article text: plain, original, enough to make queries match.
_WORD_TEXT = (
    "harbour council ferry budget library storm fleet garden lighthouse market square "
    "repaving night buses summer master retires timetable spring school regional prize "
    "restoration stage tide gauge pier lights solar report residents mayor committee vote "
    "bridge river flood rail strike station museum festival concert weather forecast "
    "hospital clinic nurses teachers students exam results housing rent tenants landlord "
    "police court trial jury verdict election candidate campaign ballot turnout energy "
    "prices wind farm turbines fishing quota boats harbourmaster cargo port cranes"
)
WORDS = tuple(_WORD_TEXT.split())
QUERY_WORDS = ("harbour", "ferry budget", "storm", "council vote", "lighthouse", "rail strike")


# -- corpora -------------------------------------------------------------------


def article_record(number: int, edition: int = 0, *, seed: int = 0) -> dict[str, object]:
    """One generated article record (JSON Lines shape); a new edition changes its text."""
    rng = random.Random(seed * 1_000_003 + number * 7919 + edition)
    paragraphs = [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(25, 45))).capitalize() + "."
        for _ in range(rng.randint(3, 6))
    ]
    headline = " ".join(rng.choice(WORDS) for _ in range(6)).capitalize()
    return {
        "id": f"rel-{number}",
        "url": f"https://gazette.example/{number // 100}/story-{number}",
        "headline": f"{headline} ({number})",
        "authors": [f"Reporter {number % 17}"],
        "published": f"2024-{1 + number % 12:02d}-{1 + number % 28:02d}T08:00:00Z",
        "source": f"Gazette {number % 5}",
        "section": ("Harbour", "Council", "Weather")[number % 3],
        "body": "\n\n".join(paragraphs) + (f"\n\nUpdated, edition {edition}." if edition else ""),
    }


def write_records(path: Path, editions: dict[int, int], *, seed: int = 0) -> None:
    """Write the records numbered in ``editions`` (number -> edition) as JSON Lines."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    with temporary.open("w", encoding="utf-8") as handle:
        for number in sorted(editions):
            record = article_record(number, editions[number], seed=seed)
            handle.write(json.dumps(record, sort_keys=True) + "\n")
    os.replace(temporary, path)


def write_html_pages(folder: Path, count: int, *, seed: int = 0) -> list[Path]:
    """Write ``count`` generated article pages (HTML with JSON-LD and a canonical link)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        record = article_record(100_000 + number, seed=seed)
        paragraphs = "".join(f"<p>{text}</p>" for text in str(record["body"]).split("\n\n"))
        html = (
            '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
            f"<title>{record['headline']}</title>"
            f'<link rel="canonical" href="https://pages.example/story-{number}">'
            '<meta property="og:type" content="article">'
            f'<meta property="article:published_time" content="{record["published"]}">'
            f"</head><body><article><h1>{record['headline']}</h1>"
            f'<p class="byline">By {record["authors"][0]}</p>{paragraphs}</article>'
            "</body></html>"
        )
        path = folder / f"page-{number:05d}.html"
        path.write_text(html, encoding="utf-8")
        paths.append(path)
    return paths


def expected_pages(inputs: Iterable[Path]) -> dict[str, str]:
    """URL -> content hash of every page the importer would store from ``inputs``."""
    pages: dict[str, str] = {}
    for entry in iter_inputs(list(inputs)):
        for item in read_input(entry, max_page_bytes=DEFAULT_MAX_PAGE_BYTES):
            if isinstance(item, CachedPage):
                pages[item.url] = item.content_hash
    return pages


# -- the cache -----------------------------------------------------------------


def cache_snapshot(cache_path: Path) -> dict[str, str]:
    """URL -> content hash of every committed page, read without taking any lock.

    A read-only SQLite connection: it sees the last commit and never delays a writer,
    so it can run a moment before a kill.
    """
    if not cache_path.exists():
        return {}
    conn = sqlite3.connect(f"file:{cache_path}?mode=ro", uri=True, timeout=5)
    try:
        return dict(conn.execute("SELECT url, content_hash FROM pages").fetchall())
    except sqlite3.OperationalError as error:
        if "no such table" in str(error):
            return {}
        raise
    finally:
        conn.close()


def check_cache(cache_path: Path) -> list[str]:
    """Problems with the cache: it must open, pass ``PRAGMA integrity_check``, re-hash, count."""
    if not cache_path.exists():
        return []
    try:
        with CrawlCache.open(cache_path) as cache:
            problems = cache.check(verify_bodies=True)
            last_seq = cache.last_seq()
    except Exception as error:  # any failure to open is exactly what is being looked for
        return [f"cache does not open: {type(error).__name__}: {error}"]
    conn = sqlite3.connect(f"file:{cache_path}?mode=ro", uri=True)
    try:
        rows, urls, seqs, top = conn.execute(
            "SELECT count(*), count(DISTINCT url), count(DISTINCT seq), coalesce(max(seq), 0) "
            "FROM pages"
        ).fetchone()
    finally:
        conn.close()
    if not rows == urls == seqs:
        problems.append(f"{rows} rows but {urls} distinct URLs and {seqs} distinct seqs")
    if top > last_seq:
        problems.append(f"a page has seq {top} above the change-feed counter {last_seq}")
    return problems


def lost_pages(
    before: dict[str, str], after: dict[str, str], allowed: dict[str, str] | None = None
) -> list[str]:
    """Pages committed before a kill that are gone or changed after it.

    A page may have moved on to the content in ``allowed`` (the input being imported)
    if its writer committed between the snapshot and the kill.
    """
    allowed = allowed or {}
    problems = []
    for url, digest in before.items():
        now = after.get(url)
        if now is None:
            problems.append(f"lost {url}")
        elif now != digest and now != allowed.get(url):
            problems.append(f"{url} changed to content nobody wrote")
    return problems


# -- the index -----------------------------------------------------------------


_EXTRACTED: dict[tuple[str, str], str | None] = {}


def expected_article_ids(cache_path: Path) -> set[str]:
    """Ids of the articles the cache's pages yield (what a complete reindex must hold).

    Extraction is pure, so each (URL, content) is extracted once per process.
    """
    ids: set[str] = set()
    with CrawlCache.open(cache_path) as cache:
        for page in cache.iter_pages():
            if page.is_article is False:
                continue
            key = (page.url, page.content_hash)
            if key not in _EXTRACTED:
                try:
                    article = default_extractor(page.body, page.url, page.content_type)
                except Exception:  # failures are skipped by a reindex too
                    _EXTRACTED[key] = None
                else:
                    _EXTRACTED[key] = article.id
            if _EXTRACTED[key] is not None:
                ids.add(str(_EXTRACTED[key]))
    return ids


def check_index(index_dir: Path, expected: set[str] | None = None) -> list[str]:
    """Problems with the live index: it must open, hold each id once and, if given, ``expected``."""
    try:
        ids = live_document_ids(index_dir)
    except Exception as error:
        return [f"index does not open: {type(error).__name__}: {error}"]
    problems = []
    if len(ids) != len(set(ids)):
        problems.append(f"{len(ids) - len(set(ids))} duplicate documents")
    if expected is not None and set(ids) != expected:
        missing, extra = expected - set(ids), set(ids) - expected
        problems.append(f"index and cache disagree: {len(missing)} missing, {len(extra)} extra")
    return problems


def _whoosh_dir(index_dir: Path) -> Path:
    return next(index_dir.glob("0*/whoosh"))


def _truncate(path: Path) -> None:
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)


def _set_schema_version(index_dir: Path, version: int) -> None:
    state_path = _whoosh_dir(index_dir).parent / "state.json"
    state = json.loads(state_path.read_text())
    state_path.write_text(json.dumps({**state, "schema_version": version}))


INDEX_DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated segment": lambda ix: _truncate(next(_whoosh_dir(ix).glob("*.seg"))),
    "garbage TOC": lambda ix: next(_whoosh_dir(ix).glob("*.toc")).write_bytes(os.urandom(4096)),
    "missing segment": lambda ix: next(_whoosh_dir(ix).glob("*.seg")).unlink(),
    "missing TOC": lambda ix: next(_whoosh_dir(ix).glob("*.toc")).unlink(),
    "missing generation": lambda ix: shutil.rmtree(_whoosh_dir(ix).parent),
    "schema version mismatch": lambda ix: _set_schema_version(ix, 999),
    "garbage pointer": lambda ix: (ix / "CURRENT").write_bytes(b"\x00\xff junk"),
    "index folder deleted": lambda ix: shutil.rmtree(ix),
}


# -- processes -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RunOutcome:
    """How one command run ended: killed by us, or finished with a return code."""

    killed: bool
    returncode: int
    elapsed_s: float
    stderr: str = ""
    stdout: str = ""


def cli_command(data_dir: Path, *args: str) -> list[str]:
    return [*CLI, "--data-dir", str(data_dir), *args]


def run_cli(data_dir: Path, *args: str, timeout: float = 600) -> RunOutcome:
    """Run a ``broadsheet`` command to the end."""
    started = time.monotonic()
    done = subprocess.run(
        cli_command(data_dir, *args), capture_output=True, text=True, timeout=timeout, check=False
    )
    elapsed = time.monotonic() - started
    return RunOutcome(False, done.returncode, elapsed, done.stderr, done.stdout)


def run_and_kill(
    command: Sequence[str],
    after_s: float,
    *,
    before_kill: Callable[[], None] | None = None,
    timeout: float = 600,
) -> RunOutcome:
    """Start ``command``; SIGKILL it ``after_s`` seconds later unless it ended by then.

    ``before_kill`` runs just before the signal (to snapshot what is committed).
    The child's own process group is killed afterwards, so extraction workers
    orphaned by the kill do not linger.
    """
    started = time.monotonic()
    child = subprocess.Popen(
        list(command),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        child.wait(timeout=after_s)
    except subprocess.TimeoutExpired:
        if before_kill is not None:
            before_kill()
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
        _kill_group(child.pid)
        stderr = child.stderr.read() if child.stderr else ""
        if child.stderr:
            child.stderr.close()
        return RunOutcome(True, child.returncode, time.monotonic() - started, stderr)
    stderr = child.stderr.read() if child.stderr else ""
    if child.stderr:
        child.stderr.close()
    if child.wait(timeout=timeout) is None:  # pragma: no cover - wait returned above
        raise RuntimeError("child did not end")
    return RunOutcome(False, child.returncode, time.monotonic() - started, stderr)


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def kill_delays(rng: random.Random, count: int, low_s: float, high_s: float) -> list[float]:
    """``count`` moments, uniform between ``low_s`` and ``high_s``, from a seeded generator."""
    if high_s <= low_s:
        high_s = low_s + 0.1
    return [round(rng.uniform(low_s, high_s), 3) for _ in range(count)]


class KillPlan:
    """Random kill moments until ``kills`` runs were killed (or ``max_runs`` ran).

    A run that ends before its moment shows the command is quicker than planned, so
    later moments are drawn below 0.9 times that run's length.
    """

    def __init__(
        self, rng: random.Random, kills: int, low_s: float, high_s: float, max_runs: int = 0
    ) -> None:
        self.rng, self.target, self.low, self.high = rng, kills, low_s, max(high_s, low_s + 0.1)
        self.max_runs = max_runs or 2 * kills
        self.kills = self.runs = 0

    def __iter__(self) -> Iterator[float]:
        while self.kills < self.target and self.runs < self.max_runs:
            yield round(self.rng.uniform(self.low, self.high), 3)

    def record(self, outcome: RunOutcome, *, adjust: bool = True) -> None:
        self.runs += 1
        if outcome.killed:
            self.kills += 1
        elif adjust:
            self.high = max(self.low + 0.1, min(self.high, outcome.elapsed_s * 0.9))


def peak_rss_mb(pid: int) -> float | None:
    """The process's peak resident memory (VmHWM) in MiB, or None when unreadable."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


# -- a served index under watch -------------------------------------------------


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def watch_paths(queries: Sequence[str] = QUERY_WORDS) -> list[str]:
    """The mixed requests a watcher sends: API, page and health check."""
    paths = []
    for query in queries:
        quoted = urllib.request.quote(query)
        paths += [f"/api/search?q={quoted}", f"/search?q={quoted}"]
    return [*paths, "/healthz"]


@dataclass
class WatchLog:
    """What the watcher saw."""

    requests: int = 0
    failures: list[str] = field(default_factory=list)
    max_ms: float = 0.0
    generations: set[str] = field(default_factory=set)


class ServedIndex:
    """``broadsheet serve`` on a data dir, polled by background threads until stopped.

    Every answer must be a 200; anything else (or a refused connection) is a failure.
    """

    def __init__(
        self, data_dir: Path, *, pollers: int = 2, pause_s: float = 0.02, threads: int = 4
    ) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            cli_command(data_dir, "serve", "--port", str(self.port), "--threads", str(threads)),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.log = WatchLog()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._paths = watch_paths()
        self._pause = pause_s
        self._wait_until_up()
        self._threads = [
            threading.Thread(target=self._poll, args=(n,), daemon=True) for n in range(pollers)
        ]
        for thread in self._threads:
            thread.start()

    def _wait_until_up(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise TimeoutError(f"broadsheet serve did not answer at {self.url}")

    def _poll(self, offset: int) -> None:
        turn = offset
        while not self._stop.is_set():
            path = self._paths[turn % len(self._paths)]
            turn += 1
            started = time.monotonic()
            status, body = self._get(path)
            elapsed_ms = (time.monotonic() - started) * 1000
            with self._lock:
                self.log.requests += 1
                self.log.max_ms = max(self.log.max_ms, elapsed_ms)
                if status != 200:
                    self.log.failures.append(f"{path}: {status}")
                elif path == "/healthz":
                    self.log.generations.add(str(json.loads(body).get("generation")))
            time.sleep(self._pause)

    def _get(self, path: str) -> tuple[int | str, bytes]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=30) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, b""
        except OSError as error:
            return f"no answer ({error})", b""

    def snapshot(self) -> WatchLog:
        with self._lock:
            log = self.log
            return WatchLog(log.requests, list(log.failures), log.max_ms, set(log.generations))

    def stop(self) -> float | None:
        """Stop polling and the server; the server's peak RSS in MiB."""
        self._stop.set()
        for thread in getattr(self, "_threads", []):
            thread.join(timeout=60)
        peak = peak_rss_mb(self.process.pid)
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        return peak
