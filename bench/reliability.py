"""Reliability harness: kill, crowd and starve the admin commands, then check nothing is lost.

    python bench/reliability.py --quick              # a few kills of each kind (~1 min)
    python bench/reliability.py --all --json OUT     # the figures in docs/reliability.md

Scenarios (each a row of the table):

* ``import-kill``: ``broadsheet import`` SIGKILLed at random moments while the input
  keeps changing; after each kill the cache opens, passes ``PRAGMA integrity_check``
  and re-hashing, and holds every page committed before the kill; a final import
  leaves exactly the input's pages.
* ``crawl-kill``: ``broadsheet crawl`` of a generated local news site killed twice per
  crawl (the new crawl, then its ``--resume``); the resumed crawl ends with the same
  cache as an uninterrupted one.
* ``reindex-kill``: ``broadsheet reindex --full`` (and incremental runs) killed while
  ``broadsheet serve`` is polled without pause; the server must answer 200 throughout,
  and after the next reindex the index holds exactly the cache's article ids, once.
  Every third run has an import going on at the same time, which must succeed.
* ``double-reindex``: a second reindex while one runs is refused at once, naming the lock.
* ``disk-full`` (root only: a small tmpfs): import and reindex on a full disk end with a
  one-line error, the cache passes its checks, the previous index keeps serving.
* ``index-damage``: each kind of index damage is named by `search`, `stats` and `serve`
  with the rebuild command, and `reindex --full` repairs it without touching the cache.
* ``hostile-input``: the cases of ``hostile_inputs.py``, each in its own process.
* ``query-fuzz``: ``query_probes.py`` over HTTP against `serve` (200/400/404, never 5xx).
* ``load``: ``loadgen.run_load`` against `serve` on a copy of a >= 100k-article data dir
  (``BROADSHEET_LOAD_DATA``), idle and during a full reindex.

Kill moments come from a seeded generator (``--seed``), so a run can be repeated.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
for extra in (str(REPO), str(BENCH), str(REPO / "tests")):
    if extra not in sys.path:
        sys.path.insert(0, extra)

import fault_kit as kit  # noqa: E402
from reliability_report import render_markdown  # noqa: E402

DEFAULT_SEED = 8


@dataclass
class Row:
    """One scenario's outcome: what was done, how often, and every problem found."""

    scenario: str
    fault: str
    kills: int = 0
    runs: int = 0
    checks: int = 0
    problems: list[str] = field(default_factory=list)
    figures: dict[str, object] = field(default_factory=dict)
    elapsed_s: float = 0.0
    command: str = ""

    @property
    def passed(self) -> bool:
        return not self.problems

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["passed"] = self.passed
        return data


@dataclass(frozen=True, slots=True)
class Sizes:
    """How big each scenario is."""

    import_kills: int
    crawl_cycles: int
    reindex_kills: int
    records: int
    html_pages: int
    index_records: int
    load_seconds: float = 10.0
    load_windows: int = 2
    fuzz_requests: int = 300


QUICK = Sizes(
    import_kills=3, crawl_cycles=1, reindex_kills=3, records=3000, html_pages=20, index_records=150
)
FULL = Sizes(
    import_kills=20,
    crawl_cycles=10,
    reindex_kills=21,
    records=8000,
    html_pages=60,
    index_records=150,
    load_seconds=30.0,
    load_windows=6,
    fuzz_requests=3000,
)


# -- corpus that changes between runs -------------------------------------------


class ChangingCorpus:
    """A JSON Lines file and a folder of pages; ``change`` edits some records and adds more."""

    def __init__(self, root: Path, records: int, html_pages: int, seed: int) -> None:
        self.root = root
        self.seed = seed
        self.editions = dict.fromkeys(range(records), 0)
        self.records_path = root / "records.jsonl"
        kit.write_html_pages(root / "pages", html_pages, seed=seed)
        kit.write_records(self.records_path, self.editions, seed=seed)

    @property
    def inputs(self) -> list[Path]:
        return [self.records_path, self.root / "pages"]

    def change(self, rng: random.Random, edited: int, added: int) -> None:
        for number in rng.sample(sorted(self.editions), min(edited, len(self.editions))):
            self.editions[number] += 1
        start = max(self.editions) + 1
        self.editions.update(dict.fromkeys(range(start, start + added), 0))
        kit.write_records(self.records_path, self.editions, seed=self.seed)

    def expected(self) -> dict[str, str]:
        return kit.expected_pages(self.inputs)


# -- scenarios --------------------------------------------------------------------


def import_kills(work: Path, sizes: Sizes, rng: random.Random) -> Row:
    """Kill ``broadsheet import`` at random moments; nothing committed may be lost."""
    row = Row("import-kill", "SIGKILL during `broadsheet import` (JSON Lines + HTML pages)")
    seed = rng.randrange(1 << 30)
    corpus = ChangingCorpus(work / "corpus", sizes.records, sizes.html_pages, seed)
    data = work / "data"
    cache_path = data / "cache.sqlite3"
    calibration = kit.run_cli(work / "calibrate", "import", *map(str, corpus.inputs))
    shutil.rmtree(work / "calibrate", ignore_errors=True)
    row.figures["uninterrupted_import_s"] = round(calibration.elapsed_s, 2)
    seen_urls: set[str] = set()
    plan = kit.KillPlan(rng, sizes.import_kills, 0.3, calibration.elapsed_s * 0.95)
    for delay in plan:
        corpus.change(rng, edited=max(1, sizes.records // 30), added=50)
        allowed = corpus.expected()
        seen_urls |= set(allowed)
        before: dict[str, str] = {}
        outcome = kit.run_and_kill(
            kit.cli_command(data, "import", *map(str, corpus.inputs)),
            delay,
            before_kill=lambda into=before: into.update(kit.cache_snapshot(cache_path)),
        )
        plan.record(outcome)
        row.runs += 1
        row.kills += outcome.killed
        if not outcome.killed and outcome.returncode != 0:
            row.problems.append(f"import failed on its own: {outcome.stderr.strip()[-300:]}")
        problems = kit.check_cache(cache_path)
        after = kit.cache_snapshot(cache_path)
        problems += kit.lost_pages(before, after, allowed)
        problems += [f"unknown page {url}" for url in set(after) - seen_urls]
        row.checks += 1
        row.problems += [f"after kill at {delay}s: {p}" for p in problems]
    final = kit.run_cli(data, "import", *map(str, corpus.inputs))
    row.runs += 1
    if final.returncode != 0:
        row.problems.append(f"final import failed: {final.stderr.strip()[-300:]}")
    after, expected = kit.cache_snapshot(cache_path), corpus.expected()
    row.checks += 1
    if after != expected:
        missing = set(expected) - set(after)
        stale = {url for url in expected if url in after and after[url] != expected[url]}
        row.problems.append(
            f"final cache differs from the input: {len(missing)} missing, {len(stale)} stale, "
            f"{len(set(after) - set(expected))} extra"
        )
    row.figures["pages_at_end"] = len(after)
    return row


def crawl_kills(work: Path, sizes: Sizes, rng: random.Random) -> Row:
    """Kill a crawl and then its resume; the resumed crawl must end where a whole one does."""
    from news_site import NewsSite, SiteServer

    row = Row("crawl-kill", "SIGKILL during `broadsheet crawl` and `crawl --resume` (local site)")
    site = NewsSite(crawl_delay=0.05, retry_after_s=0, slow_s=0.2, huge_bytes=200_000)
    server = SiteServer(site)
    seeds = [f"{server.base}/", f"{server.base}/feed.xml"]
    options = ["--delay", "0.05", "--timeout", "5", "--contact", "ops@gazette.example"]
    try:
        reference = kit.run_cli(work / "reference", "crawl", *seeds, *options)
        if reference.returncode != 0:
            row.problems.append(f"reference crawl failed: {reference.stderr.strip()[-300:]}")
            return row
        expected = kit.cache_snapshot(work / "reference" / "cache.sqlite3")
        row.figures["uninterrupted_crawl_s"] = round(reference.elapsed_s, 2)
        row.figures["pages_per_crawl"] = len(expected)
        for cycle in range(3 * sizes.crawl_cycles):
            if row.kills >= 2 * sizes.crawl_cycles:
                break
            data = work / f"crawl-{cycle}"
            cache_path = data / "cache.sqlite3"
            fresh = ["crawl", *seeds, *options]
            # The resume has less left to do, so its kill comes sooner.
            first, second = kit.kill_delays(rng, 2, 0.3, reference.elapsed_s * 0.9)
            for delay in (first, 0.3 + second * 0.5):
                # A crawl killed before it saved its queue has nothing to resume.
                args = ["crawl", "--resume"] if _has_frontier(data) else fresh
                before: dict[str, str] = {}
                outcome = kit.run_and_kill(
                    kit.cli_command(data, *args),
                    delay,
                    before_kill=lambda path=cache_path, into=before: into.update(
                        kit.cache_snapshot(path)
                    ),
                )
                row.runs += 1
                row.kills += outcome.killed
                problems = kit.check_cache(cache_path)
                problems += kit.lost_pages(before, kit.cache_snapshot(cache_path), expected)
                row.checks += 1
                row.problems += [f"crawl {cycle} kill at {delay}s: {p}" for p in problems]
            final = kit.run_cli(data, *(["crawl", "--resume"] if _has_frontier(data) else fresh))
            row.runs += 1
            if final.returncode != 0:
                row.problems.append(f"crawl {cycle} resume failed: {final.stderr.strip()[-300:]}")
            got = kit.cache_snapshot(cache_path)
            row.checks += 1
            if got != expected:
                row.problems.append(
                    f"crawl {cycle}: resumed cache differs: "
                    f"{len(set(expected) - set(got))} missing, {len(set(got) - set(expected))} "
                    f"extra, {sum(got.get(u) not in (None, h) for u, h in expected.items())} "
                    "changed"
                )
    finally:
        server.stop()
    return row


def _has_frontier(data: Path) -> bool:
    """True when a crawl got as far as saving its options and queue."""
    path = data / "frontier.sqlite3"
    if not path.exists():
        return False
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return bool(conn.execute("SELECT count(*) FROM urls").fetchone()[0])
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def reindex_kills(work: Path, sizes: Sizes, rng: random.Random, *, workers: int = 1) -> Row:
    """Kill reindexes under a polled server; the index must recover and agree with the cache."""
    row = Row(
        "reindex-kill",
        "SIGKILL during `broadsheet reindex --full` / `reindex`, `serve` polled throughout",
    )
    corpus = ChangingCorpus(work / "corpus", sizes.index_records, 10, rng.randrange(1 << 30))
    data = work / "data"
    cache_path, index_dir = data / "cache.sqlite3", data / "index"
    for args in (["import", *map(str, corpus.inputs)], ["reindex", "--full", "--workers", "1"]):
        done = kit.run_cli(data, *args)
        if done.returncode != 0:
            row.problems.append(f"setup {args[0]} failed: {done.stderr.strip()[-300:]}")
            return row
    full_s = done.elapsed_s
    row.figures["uninterrupted_full_reindex_s"] = round(full_s, 2)
    served = kit.ServedIndex(data)
    concurrent_imports = 0
    try:
        plan = kit.KillPlan(rng, sizes.reindex_kills, 0.3, full_s)
        for number, delay in enumerate(plan):
            full = number % 3 != 2
            if not full:  # an incremental run has less to do: kill it sooner
                delay = round(0.3 + delay * 0.4, 3)
            corpus.change(rng, edited=20, added=10)
            importer = None
            if number % 3 == 0:  # an import running while the reindex is killed
                importer = subprocess.Popen(
                    kit.cli_command(data, "import", *map(str, corpus.inputs)),
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                    text=True,
                )
            else:
                kit.run_cli(data, "import", *map(str, corpus.inputs))
            args = ["reindex", "--full"] if full else ["reindex"]
            # Every other run extracts on a pool, so the kill also orphans worker processes.
            args += ["--workers", str(workers if number % 2 == 0 else 2)]
            outcome = kit.run_and_kill(kit.cli_command(data, *args), delay)
            plan.record(outcome, adjust=full)
            row.runs += 1
            row.kills += outcome.killed
            if not outcome.killed and outcome.returncode != 0:
                row.problems.append(f"reindex failed on its own: {outcome.stderr.strip()[-300:]}")
            if importer is not None:
                _, stderr = importer.communicate(timeout=600)
                concurrent_imports += 1
                if importer.returncode != 0:
                    row.problems.append(f"import beside a reindex failed: {stderr[-300:]}")
            problems = kit.check_cache(cache_path) + kit.check_index(index_dir)
            follow = ["reindex", "--full"] if number % 4 == 3 else ["reindex"]
            follow += ["--workers", "1"]
            done = kit.run_cli(data, *follow)
            row.runs += 1
            if done.returncode != 0:
                problems.append(f"next {' '.join(follow)} failed: {done.stderr.strip()[-300:]}")
            problems += kit.check_index(index_dir, kit.expected_article_ids(cache_path))
            row.checks += 1
            kind = "full" if full else "incremental"
            row.problems += [f"{kind} reindex killed at {delay}s: {p}" for p in problems]
    finally:
        watched = served.snapshot()
        peak = served.stop()
    row.figures.update(
        served_requests=watched.requests,
        failed_requests=len(watched.failures),
        slowest_request_ms=round(watched.max_ms, 1),
        generations_served=len(watched.generations),
        server_peak_rss_mb=round(peak, 1) if peak else None,
        imports_beside_reindex=concurrent_imports,
    )
    row.problems += [f"server answered {failure}" for failure in watched.failures[:20]]
    return row


def double_reindex(work: Path, sizes: Sizes, rng: random.Random) -> Row:
    """A second reindex while one holds the lock is refused at once with a clear message."""
    row = Row("double-reindex", "two `broadsheet reindex` at once")
    corpus = ChangingCorpus(work / "corpus", sizes.index_records, 0, rng.randrange(1 << 30))
    data = work / "data"
    kit.run_cli(data, "import", *map(str, corpus.inputs))
    first = subprocess.Popen(
        kit.cli_command(data, "reindex", "--full"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        lock = data / "index" / "write.lock"
        deadline = time.monotonic() + 60
        while not (lock.exists() and lock.read_text().strip()) and time.monotonic() < deadline:
            time.sleep(0.05)
        second = kit.run_cli(data, "reindex")
        row.runs += 2
        row.checks += 1
        row.figures["refused_after_s"] = round(second.elapsed_s, 2)
        row.figures["message"] = second.stderr.strip()
        if first.poll() is not None:
            row.problems.append("the first reindex ended before the second started")
        elif second.returncode == 0:
            row.problems.append("the second reindex ran beside the first")
        elif "write.lock" not in second.stderr or "Traceback" in second.stderr:
            row.problems.append(f"unclear refusal: {second.stderr.strip()}")
    finally:
        first.wait(timeout=600)
    if first.returncode != 0:
        row.problems.append("the first reindex failed")
    expected = kit.expected_article_ids(data / "cache.sqlite3")
    row.problems += kit.check_index(data / "index", expected)
    return row


def disk_full(work: Path, sizes: Sizes, rng: random.Random) -> Row:
    """Import and reindex on a full tmpfs: clear errors, sound cache, index still serving."""
    row = Row("disk-full", "full disk (8 MiB tmpfs) during `import` and `reindex --full`")
    if os.geteuid() != 0 or shutil.which("mount") is None:
        row.figures["skipped"] = "needs root to mount a tmpfs"
        return row
    mount = work / "tmpfs"
    mount.mkdir(parents=True)
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        row.figures["skipped"] = f"mount failed: {done.stderr.strip()}"
        return row
    served = None
    try:
        data = mount / "data"
        small = ChangingCorpus(work / "small", 200, 0, rng.randrange(1 << 30))
        for args in (["import", *map(str, small.inputs)], ["reindex", "--full"]):
            setup = kit.run_cli(data, *args)
            if setup.returncode != 0:
                row.problems.append(f"setup {args[0]} failed: {setup.stderr.strip()[-300:]}")
                return row
        served = kit.ServedIndex(data, pollers=1)
        before = kit.cache_snapshot(data / "cache.sqlite3")
        big = ChangingCorpus(work / "big", 30_000, 0, rng.randrange(1 << 30))
        big_pages = big.expected()
        for label, args in (
            ("import", ["import", *map(str, big.inputs)]),
            ("reindex", ["reindex", "--full"]),
        ):
            outcome = kit.run_cli(data, *args)
            row.runs += 1
            row.checks += 1
            row.figures[f"{label}_exit"] = outcome.returncode
            row.figures[f"{label}_message"] = outcome.stderr.strip().splitlines()[-1:]
            if outcome.returncode == 0:
                row.problems.append(f"{label} on a full disk reported success")
            if "Traceback" in outcome.stderr:
                row.problems.append(f"{label} on a full disk printed a traceback")
            if "space" not in outcome.stderr.lower():
                row.problems.append(f"{label}: the error does not say the disk is full")
            row.problems += [f"after {label}: {p}" for p in kit.check_cache(data / "cache.sqlite3")]
            after = kit.cache_snapshot(data / "cache.sqlite3")
            row.problems += kit.lost_pages(before, after, big_pages)[:20]
            row.problems += [f"after {label}: {p}" for p in kit.check_index(data / "index")]
        watched = served.snapshot()
        row.figures["served_requests"] = watched.requests
        row.problems += [f"server answered {failure}" for failure in watched.failures[:20]]
    finally:
        if served is not None:
            served.stop()
        subprocess.run(["umount", "-l", str(mount)], check=False)
    return row


def index_damage(work: Path, sizes: Sizes, rng: random.Random) -> Row:
    """Each kind of index damage: found by `search`, `stats` and `serve`, repaired by a rebuild."""
    row = Row("index-damage", "missing or damaged index, found at start-up, rebuilt")
    corpus = ChangingCorpus(work / "corpus", 60, 0, rng.randrange(1 << 30))
    base = work / "base"
    for args in (["import", *map(str, corpus.inputs)], ["reindex", "--full", "--workers", "1"]):
        kit.run_cli(base, *args)
    expected = kit.expected_article_ids(base / "cache.sqlite3")
    row.figures["kinds"] = sorted(kit.INDEX_DAMAGE)
    for kind, damage in kit.INDEX_DAMAGE.items():
        data = work / kind.replace(" ", "-")
        shutil.copytree(base, data)
        before = kit.cache_snapshot(data / "cache.sqlite3")
        damage(data / "index")
        for args in (["search", "harbour"], ["stats"]):
            done = kit.run_cli(data, *args)
            row.runs += 1
            row.checks += 1
            wanted = "reindex --full" in done.stderr and done.returncode == 1
            if kind == "index folder deleted" and args == ["stats"]:
                wanted = done.returncode == 0 and "reindex --full" in done.stdout + done.stderr
            if not wanted or "Traceback" in done.stderr:
                row.problems.append(f"{kind}: `{' '.join(args)}` said {done.stderr.strip()[-200:]}")
        warning = _serve_start_up_message(data)
        row.checks += 1
        if "reindex --full" not in warning:
            row.problems.append(f"{kind}: `serve` started without naming the rebuild: {warning}")
        rebuilt = kit.run_cli(data, "reindex", "--full", "--workers", "1")
        row.runs += 1
        row.checks += 1
        if rebuilt.returncode != 0:
            row.problems.append(f"{kind}: rebuild failed: {rebuilt.stderr.strip()[-200:]}")
        row.problems += [f"{kind}: {p}" for p in kit.check_index(data / "index", expected)]
        if kit.cache_snapshot(data / "cache.sqlite3") != before:
            row.problems.append(f"{kind}: the cache changed")
    return row


def _serve_start_up_message(data: Path) -> str:
    """What `serve` prints on stderr before it starts answering."""
    port = kit.free_port()
    server = subprocess.Popen(
        kit.cli_command(data, "serve", "--port", str(port)),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2):
                    break
            except urllib.error.HTTPError:
                break  # answering, if only with 503
            except OSError:
                time.sleep(0.2)
    finally:
        server.terminate()
        _, stderr = server.communicate(timeout=30)
    return stderr.strip()


def hostile_input(work: Path, sizes: Sizes, rng: random.Random) -> Row:
    """Every hostile input case in its own process: outcome, time and peak memory."""
    import hostile_inputs

    row = Row("hostile-input", "hostile pages and archives through import and the scraper")
    results = [hostile_inputs.measure(name) for name in hostile_inputs.CASES]
    row.figures["cases"] = results
    row.runs = row.checks = len(results)
    for result in results:
        if result.get("crashed"):
            row.problems.append(f"{result['case']}: {result.get('error')}")
    return row


def query_fuzz(work: Path, sizes: Sizes, rng: random.Random) -> Row:
    """Random and adversarial requests against `serve` over real articles: 200 or 400, never 500."""
    import query_probes

    row = Row("query-fuzz", "random/adversarial queries, XSS and traversal probes over HTTP")
    corpus = ChangingCorpus(work / "corpus", 200, 5, rng.randrange(1 << 30))
    data = work / "data"
    query_probes.write_hostile_articles(work / "hostile")
    for args in (
        ["import", *map(str, corpus.inputs), str(work / "hostile")],
        ["reindex", "--full", "--workers", "1"],
    ):
        kit.run_cli(data, *args)
    served = kit.ServedIndex(data, pollers=0, threads=8)
    try:
        outcome = query_probes.probe(served.url, rng, random_requests=sizes.fuzz_requests)
    finally:
        served.stop()
    row.figures.update(outcome.figures())
    row.runs = row.checks = outcome.requests
    row.problems += outcome.problems[:50]
    return row


# A mixed query set for news text: words, phrases, filters, sorting, deep pages, the API,
# the page, autocomplete and the health check.
LOAD_PATHS = [
    "/search?q=oil+prices",
    "/api/search?q=gold",
    "/search?q=central+bank&sort=newest",
    "/api/search?q=%22interest+rates%22",
    "/search?q=trade+deficit&page=3",
    "/api/search?q=wheat+exports&per_page=20",
    "/search?q=merger",
    "/api/search?q=dollar&from=1987-01-01&to=1987-12-31",
    "/search?q=opec+output",
    "/api/search?q=earnings&sort=oldest",
    "/search?q=strike",
    "/api/search?q=coffee+OR+cocoa",
    "/search?q=inflation&page=10",
    "/api/suggest?q=infl",
    "/search?q=shares+fell",
    "/healthz",
]


def load(work: Path, sizes: Sizes, rng: random.Random) -> Row:
    """wrk against `serve` on a 100k-article copy: idle, then during a full reindex."""
    from loadgen import run_load

    row = Row("load", "load on >= 100k articles, idle and during `reindex --full`")
    source = Path(os.environ.get("BROADSHEET_LOAD_DATA", "/work/data100k"))
    if not (source / "index" / "CURRENT").exists():
        row.figures["skipped"] = f"no built index at {source} (set BROADSHEET_LOAD_DATA)"
        return row
    data = work / "data"
    subprocess.run(["cp", "-a", str(source), str(data)], check=True)
    seconds = sizes.load_seconds
    served = kit.ServedIndex(data, pollers=0, threads=8)
    reindexer = None
    try:
        before = _health(served.url)
        row.figures["articles"] = before.get("articles")
        idle = run_load(served.url, LOAD_PATHS, clients=8, duration_s=seconds)
        row.figures["idle"] = idle.to_dict()
        reindexer = subprocess.Popen(
            kit.cli_command(data, "reindex", "--full", "--workers", "1"),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        windows = []
        while reindexer.poll() is None and len(windows) < sizes.load_windows:
            windows.append(run_load(served.url, LOAD_PATHS, clients=8, duration_s=seconds))
        finished = reindexer.poll() is not None
        row.figures["during_reindex"] = [window.to_dict() for window in windows]
        row.figures["reindex_finished_during_load"] = finished
        row.figures["generation_before"] = before.get("generation")
        row.figures["generation_after"] = _health(served.url).get("generation")
        row.runs += 1 + len(windows)
        row.checks += 1 + len(windows)
        for label, result in [("idle", idle), *(("reindex", w) for w in windows)]:
            if result.errors:
                row.problems.append(f"{label}: {result.errors} failed requests")
    finally:
        if reindexer is not None and reindexer.poll() is None:
            reindexer.kill()
            reindexer.wait()
        if reindexer is not None and reindexer.stderr:
            reindexer.stderr.close()
        row.figures["server_peak_rss_mb"] = served.stop()
    return row


def _health(url: str) -> dict[str, object]:
    import urllib.request

    with urllib.request.urlopen(url + "/healthz", timeout=30) as response:
        return dict(json.load(response))


SCENARIOS: dict[str, Callable[[Path, Sizes, random.Random], Row]] = {
    "import-kill": import_kills,
    "crawl-kill": crawl_kills,
    "reindex-kill": reindex_kills,
    "double-reindex": double_reindex,
    "disk-full": disk_full,
    "index-damage": index_damage,
    "hostile-input": hostile_input,
    "query-fuzz": query_fuzz,
    "load": load,
}


def run(names: list[str], sizes: Sizes, seed: int, work_root: Path | None = None) -> list[Row]:
    """Run the named scenarios in order, each in its own folder, with one seeded generator."""
    rng = random.Random(seed)
    rows = []
    with tempfile.TemporaryDirectory(prefix="broadsheet-reliability-", dir=work_root) as temp:
        for name in names:
            started = time.monotonic()
            work = Path(temp) / name
            work.mkdir()
            row = SCENARIOS[name](work, sizes, rng)
            row.elapsed_s = round(time.monotonic() - started, 1)
            rows.append(row)
            status = "ok" if row.passed else f"{len(row.problems)} PROBLEMS"
            print(
                f"{name}: {row.kills} kills, {row.runs} runs, {row.checks} checks, "
                f"{row.elapsed_s}s: {status}",
                file=sys.stderr,
            )
            for problem in row.problems[:10]:
                print(f"  {problem}", file=sys.stderr)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--all", action="store_true", help="the full run (>= 50 kills)")
    size.add_argument("--quick", action="store_true", help="a few kills of each kind")
    parser.add_argument("--only", action="append", choices=sorted(SCENARIOS), help="repeatable")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--json", type=Path, help="write the rows here")
    parser.add_argument("--markdown", type=Path, help="write the summary table here")
    parser.add_argument("--render", type=Path, help="only render --markdown from this JSON")
    args = parser.parse_args(argv)
    if args.render:
        text = render_markdown(json.loads(args.render.read_text(encoding="utf-8")), len(LOAD_PATHS))
        if args.markdown:
            args.markdown.write_text(text, encoding="utf-8")
        print(text)
        return 0
    sizes = FULL if args.all else QUICK
    rows = run(args.only or list(SCENARIOS), sizes, args.seed)
    result = {
        "seed": args.seed,
        "size": "all" if args.all else "quick",
        "kills": sum(row.kills for row in rows),
        "rows": [row.to_dict() for row in rows],
    }
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    if args.markdown:
        args.markdown.write_text(render_markdown(result, len(LOAD_PATHS)), encoding="utf-8")
    print(json.dumps({"kills": result["kills"], "passed": all(r.passed for r in rows)}))
    return 0 if all(row.passed for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
