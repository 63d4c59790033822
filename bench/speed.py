"""Speed bench: indexing, end-to-end, query, load and footprint figures at several archive sizes.

Usage::

    python bench/speed.py --sizes 10000,100000 --json OUT [--corpus PATH] [--workdir DIR]
    python bench/speed.py --quick            # 2,000 articles, short passes, for development

Every figure of one size comes from the same run, on the same articles: the first N of
a fixed-seed shuffle of the corpus (Reuters, ``articles.jsonl.gz``), so a smaller size is
a subset of a larger one. Per size:

* **indexing** — the records are imported into a fresh crawl cache, then indexed by
  ``reindex --full`` with 1 and with 2 workers, and by plain Whoosh adding the same
  documents (the ones the product writes, built beforehand and not timed) with the same
  schema in one process with Whoosh's default writer: ``index_ratio_1core``,
  ``index_ratio_2cores`` (product docs/s over plain docs/s).
* **end to end from HTML** — a sample of the records wrapped in three page templates,
  stored as HTML in a second cache and indexed with 2 workers (scraper included).
* **queries** — a fixed mix (one to three rarer words, AND, phrases, author and date
  filters, newest-first, deep pages), built from the corpus with the same seed. The API
  (``/api/search``: snippets, facets, story collapsing, timeline) and the rendered page
  (``/search``) are timed over HTTP, each on a freshly started server so that neither
  is answered from the result cache; plain Whoosh runs just the core query (the words
  over headline, description and body, filter, sort, page) in process on its index.
  ``api_cached_p50_ms`` is the API answering the same queries again from its cache.
* **load** — ``wrk`` (see ``loadgen.py``) with 8 clients over the API and page URLs.
* **footprint** — index sizes, the server's resident memory after the load, and the
  time from starting ``broadsheet serve`` to its first search answer.
* **references** — SQLite FTS5 (porter) and tantivy (en_stem) indexing the same
  articles (headline, body, authors, date) and running the same queries.

The machine is shared and has two cores: absolute times are noisy, ratios measured in
the same run are what to compare.
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import os
import platform
import random
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
for _path in (REPO_ROOT, REPO_ROOT / "bench"):
    if str(_path) not in sys.path:  # run as a script from a checkout
        sys.path.insert(0, str(_path))

from loadgen import LoadgenError, run_load  # noqa: E402
from speed_queries import PAGE_SIZE, SEED, Query, Record, query_mix, warmup_queries  # noqa: E402
from speed_references import sqlite_fts5, tantivy_reference  # noqa: E402

from crawl_cache import CachedPage, CrawlCache, import_paths  # noqa: E402
from indexer.analysis import facet_key  # noqa: E402
from indexer.article import Article  # noqa: E402
from indexer.build import reindex  # noqa: E402
from indexer.documents import Vocabulary, build_document  # noqa: E402
from indexer.extraction_pool import default_extractor  # noqa: E402
from indexer.schema import build_schema  # noqa: E402
from indexer.syndication import StoryClusters, syndication_fields  # noqa: E402

DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "data" / "corpus" / "reuters-fin-2006-2013"
DEFAULT_CORPUS = DEFAULT_CORPUS / "articles.jsonl.gz"
QUICK_SIZE = 2000
HTML_SAMPLE = 3000
LOAD_CLIENTS = 8
PROSE_FIELDS = ("headline", "description", "body")
_CLI = [sys.executable, "-c", "from search_web.cli import main; main()"]


@dataclass(frozen=True)
class Settings:
    """What one bench run does (from the command line)."""

    sizes: tuple[int, ...]
    corpus: Path
    workdir: Path
    load_seconds: float
    html_sample: int
    query_rounds: int
    references: bool


# -- the corpus and the product -----------------------------------------------------------


def read_corpus(path: Path, count: int, seed: int = SEED) -> list[str]:
    """The first ``count`` records (JSON lines) of a fixed-seed shuffle of the corpus."""
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip()]
    random.Random(seed).shuffle(lines)
    return lines[:count]


def timed(function: Callable[[], Any]) -> tuple[Any, float]:
    started = time.perf_counter()
    value = function()
    return value, time.perf_counter() - started


def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (worker processes)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def import_records(lines: Sequence[str], data_dir: Path) -> float:
    """Import the records into ``data_dir``'s cache; seconds taken."""
    records = data_dir / "records.jsonl"
    records.write_text("".join(lines), encoding="utf-8")
    with CrawlCache.open(data_dir / "cache.sqlite3") as cache:
        report, seconds = timed(lambda: import_paths(cache, [records]))
    if report.failed:
        print(f"  import: {report.failed} records failed", file=sys.stderr)
    records.unlink()
    return seconds


class _Recorder:
    """An extractor that keeps what it extracted (feed order), for the baselines."""

    def __init__(self) -> None:
        self.extracted: list[tuple[Article, str]] = []

    def __call__(self, body: bytes, url: str, content_type: str | None) -> Article:
        article = default_extractor(body, url, content_type)
        self.extracted.append((article, url))
        return article


def product_reindex(
    data_dir: Path, index_dir: Path, workers: int, extract: Callable[..., Article] | None = None
) -> tuple[int, float, float]:
    """(documents, seconds, CPU seconds of all processes) of a full reindex."""
    options = {"extract": extract} if extract is not None else {}
    cpu = cpu_seconds()
    report, seconds = timed(
        lambda: reindex(
            data_dir / "cache.sqlite3", index_dir, full=True, workers=workers, **options
        )
    )
    return report.documents, seconds, cpu_seconds() - cpu


def product_documents(extracted: list[tuple[Article, str]]) -> Iterator[dict[str, Any]]:
    """The documents the product writes for these articles (later copies of an id dropped)."""
    vocabulary = Vocabulary()
    clusters = StoryClusters()
    seen: set[str] = set()
    for article, cache_url in extracted:
        if article.id in seen:
            continue
        seen.add(article.id)
        story = syndication_fields(article.id, article.body, clusters, None)
        yield build_document(article, cache_url, vocabulary, story)


def plain_whoosh_index(
    extracted: list[tuple[Article, str]], index_dir: Path
) -> tuple[int, float, float]:
    """(documents, seconds, CPU seconds): Whoosh's default writer adding the product's documents.

    Documents are built in batches outside the clock; only ``add_document`` and the
    commit are timed.
    """
    from whoosh import index as whoosh_index

    index_dir.mkdir(parents=True, exist_ok=True)
    ix = whoosh_index.create_in(str(index_dir), build_schema())
    writer = ix.writer()
    seconds = cpu = 0.0
    count = 0
    documents = product_documents(extracted)
    while batch := [doc for _, doc in zip(range(2000), documents, strict=False)]:
        started, cpu_started = time.perf_counter(), time.process_time()
        for document in batch:
            writer.add_document(**document)
        seconds += time.perf_counter() - started
        cpu += time.process_time() - cpu_started
        count += len(batch)
    started, cpu_started = time.perf_counter(), time.process_time()
    writer.commit()
    seconds += time.perf_counter() - started
    cpu += time.process_time() - cpu_started
    ix.close()
    return count, seconds, cpu


def directory_mb(path: Path) -> float:
    total = sum(item.stat().st_size for item in path.rglob("*") if item.is_file())
    return round(total / 1e6, 1)


def live_generation_dir(index_dir: Path) -> Path:
    pointer = json.loads((index_dir / "CURRENT").read_text(encoding="utf-8"))
    return index_dir / pointer["generation"]


# -- HTML pages -------------------------------------------------------------------------

_TEMPLATES = (
    # A wire-style article page: JSON-LD, OpenGraph, a byline and a time element.
    """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} |
Ledger Wire</title><meta property="og:title" content="{title}">
<meta property="og:url" content="{url}">
<link rel="canonical" href="{url}">
<script type="application/ld+json">{{"@context":"https://schema.org","@type":"NewsArticle",
"headline":{title_json},"datePublished":"{published}","author":[{authors_json}]}}</script>
</head><body><header><nav><a href="/">Home</a> <a href="/markets">Markets</a>
<a href="/business">Business</a></nav></header><main><article><h1>{title}</h1>
<p class="byline">By {authors}</p><time datetime="{published}">{published}</time>
{paragraphs}</article><aside><h2>Most read</h2><ul><li><a href="/a">Rates hold steady</a></li>
<li><a href="/b">Oil slips</a></li></ul></aside></main>
<footer><p>&copy; Ledger Wire. All rights reserved.</p></footer></body></html>""",
    # A plain page with meta tags only and the text in divs.
    """<!DOCTYPE html><html><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>{title}</title>
<meta name="author" content="{authors}">
<meta name="date" content="{published}"><meta name="description" content="{lead}"></head>
<body><div id="top"><a href="/">The Daily Account</a> | <a href="/subscribe">Subscribe</a></div>
<div class="story"><h2 class="headline">{title}</h2><div class="meta">{authors} - {published}</div>
<div class="text">{paragraphs}</div></div><div class="share">Share this story</div>
<div id="bottom">Contact us | Terms | Privacy</div></body></html>""",
    # A magazine-style page with microdata.
    """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="article:published_time" content="{published}"></head><body>
<div class="site"><header class="masthead"><a href="/">Harbour Business Review</a></header>
<div itemscope itemtype="https://schema.org/Article"><h1 itemprop="headline">{title}</h1>
<span itemprop="author">{authors}</span> <meta itemprop="datePublished" content="{published}">
<div itemprop="articleBody">{paragraphs}</div></div>
<section class="related"><h3>Related</h3><a href="/r1">Earnings season opens</a></section>
</div></body></html>""",
)


def record_to_html(record: dict[str, Any], index: int) -> tuple[str, bytes]:
    """(URL, HTML bytes) for one corpus record, in one of the page templates."""
    title = html.escape(record.get("headline") or "Untitled")
    authors = [str(name) for name in record.get("authors") or []]
    body = record.get("body") or ""
    paragraphs = [part.strip() for part in body.split("\n") if part.strip()]
    url = record.get("url") or f"https://news.example/article/{index}"
    page = _TEMPLATES[index % len(_TEMPLATES)].format(
        title=title,
        title_json=json.dumps(record.get("headline") or ""),
        url=html.escape(url),
        published=html.escape(record.get("published") or ""),
        authors=html.escape(", ".join(authors)),
        authors_json=",".join(json.dumps({"@type": "Person", "name": a}) for a in authors),
        lead=html.escape(paragraphs[0][:200] if paragraphs else ""),
        paragraphs="\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs),
    )
    return url, page.encode("utf-8")


def html_end_to_end(lines: Sequence[str], data_dir: Path) -> tuple[int, int, float]:
    """(pages, documents, seconds) from HTML pages in a cache to a live index (2 workers)."""
    data_dir.mkdir(parents=True, exist_ok=True)
    with CrawlCache.open(data_dir / "cache.sqlite3") as cache:
        for number, line in enumerate(lines):
            url, body = record_to_html(json.loads(line), number)
            cache.put(CachedPage.create(url, body, content_type="text/html; charset=utf-8"))
    documents, seconds, _cpu = product_reindex(data_dir, data_dir / "index", workers=2)
    return len(lines), documents, seconds


# -- timing helpers ----------------------------------------------------------------------


def percentiles(samples_ms: Sequence[float]) -> dict[str, float]:
    if not samples_ms:
        return {"p50": 0.0, "p95": 0.0, "p99": 0.0}
    ordered = sorted(samples_ms)

    def at(fraction: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(fraction * len(ordered)))], 2)

    return {"p50": round(statistics.median(ordered), 2), "p95": at(0.95), "p99": at(0.99)}


def core_query(searcher: Any, parser: Any, query: Query) -> list[str]:
    """Plain Whoosh's core query: the words over the prose fields, filter, sort, page."""
    from datetime import datetime

    from whoosh import query as wq

    parsed = parser.parse(query.text)
    filters = []
    if query.author:
        filters.append(wq.Term("authors_facet", facet_key(query.author)))
    if query.date_from or query.date_to:
        start = datetime.fromisoformat(query.date_from) if query.date_from else None
        end = datetime.fromisoformat(query.date_to) if query.date_to else None
        filters.append(wq.DateRange("published", start, end))
    options: dict[str, Any] = {}
    if filters:
        options["filter"] = wq.And(filters) if len(filters) > 1 else filters[0]
    if query.sort == "newest":
        options.update(sortedby="published", reverse=True)
    page = searcher.search_page(parsed, query.page, pagelen=PAGE_SIZE, **options)
    return [hit["id"] for hit in page]


def plain_whoosh_queries(index_dir: Path, queries: Sequence[Query], rounds: int) -> list[float]:
    """Milliseconds per query: Whoosh's parser and searcher, the core query only."""
    from whoosh import index as whoosh_index
    from whoosh import qparser

    ix = whoosh_index.open_dir(str(index_dir))
    parser = qparser.MultifieldParser(list(PROSE_FIELDS), ix.schema, group=qparser.OrGroup)
    samples: list[float] = []
    with ix.searcher() as searcher:
        for round_number in range(rounds + 1):
            for query in queries:
                started = time.perf_counter()
                core_query(searcher, parser, query)
                if round_number:  # the first round opens files and fills caches
                    samples.append((time.perf_counter() - started) * 1000)
    ix.close()
    return samples


def fetch(url: str) -> tuple[int, float]:
    status, ms, _cpu = fetch_timed(url)
    return status, ms


def fetch_timed(url: str) -> tuple[int, float, float | None]:
    """Status, milliseconds, and the CPU milliseconds the server reports (Server-Timing)."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            response.read()
            status = response.status
            timing = response.headers.get("Server-Timing", "")
    except urllib.error.HTTPError as error:
        status, timing = error.code, ""
    ms = (time.perf_counter() - started) * 1000
    found = re.search(r"\bcpu;dur=([0-9.]+)", timing)
    return status, ms, float(found.group(1)) if found else None


@dataclass(frozen=True)
class RouteTimes:
    """One route's requests: wall milliseconds, the server's CPU milliseconds, failures."""

    wall_ms: list[float]
    cpu_ms: list[float]
    failed: int


def interleaved_queries(base: str, queries: Sequence[Query]) -> tuple[RouteTimes, RouteTimes]:
    """The API and the page for each query in turn, on one server: (API, page).

    Which route goes first alternates, so neither side always meets a warmer process.
    """
    routes = ("/api/search", "/search")
    times = {route: RouteTimes([], [], 0) for route in routes}
    failed = dict.fromkeys(routes, 0)
    for number, query in enumerate(queries):
        for route in routes if number % 2 == 0 else routes[::-1]:
            status, ms, cpu = fetch_timed(base + query.path(route))
            times[route].wall_ms.append(ms)
            if cpu is not None:
                times[route].cpu_ms.append(cpu)
            failed[route] += status != 200
    api, page = (replace(times[route], failed=failed[route]) for route in routes)
    return api, page


def http_queries(base: str, route: str, queries: Sequence[Query]) -> tuple[list[float], int]:
    """Milliseconds per request, and how many did not answer 200."""
    samples: list[float] = []
    failed = 0
    for query in queries:
        status, ms = fetch(base + query.path(route))
        samples.append(ms)
        failed += status != 200
    return samples, failed


class Server:
    """``broadsheet serve`` on a free port; knows when it first answered a search."""

    def __init__(self, data_dir: Path, probe: str, options: Sequence[str] = ()) -> None:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        self.base = f"http://127.0.0.1:{self.port}"
        started = time.perf_counter()
        self.process = subprocess.Popen(
            [*_CLI, "--data-dir", str(data_dir), "serve", "--port", str(self.port), *options],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        url = f"{self.base}/api/search?{urllib.parse.urlencode({'q': probe})}"
        deadline = time.monotonic() + 120
        while True:
            try:
                if fetch(url)[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline or self.process.poll() is not None:
                self.stop()
                raise RuntimeError("broadsheet serve did not answer within 120 s")
            time.sleep(0.02)
        self.first_answer_s = round(time.perf_counter() - started, 2)
        self.first_answer_cpu_s = self.cpu_seconds()

    def cpu_seconds(self) -> float | None:
        """CPU time the server process has used so far (Linux), None where unknown."""
        stat = Path(f"/proc/{self.process.pid}/stat")
        if not stat.exists():
            return None
        fields = stat.read_text().rsplit(")", 1)[1].split()
        ticks = int(fields[11]) + int(fields[12])  # utime and stime
        return round(ticks / os.sysconf("SC_CLK_TCK"), 2)

    def rss_mb(self) -> float:
        """Resident memory of the server process and its children."""
        pids = [self.process.pid]
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        if children.exists():
            pids += [int(pid) for pid in children.read_text().split()]
        total = 0
        for pid in pids:
            status = Path(f"/proc/{pid}/status")
            if status.exists():
                for line in status.read_text().splitlines():
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
        return round(total / 1024, 1)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


# -- one size ----------------------------------------------------------------------------


def measure_size(
    size: int, lines: Sequence[str], settings: Settings, save: Callable[[dict[str, Any]], None]
) -> dict[str, Any]:
    """Every figure for one size; ``save`` is called with what is known after each stage."""
    workdir = settings.workdir / f"size-{size}"
    shutil.rmtree(workdir, ignore_errors=True)
    data_dir = workdir / "data"
    data_dir.mkdir(parents=True)
    figures: dict[str, Any] = {"articles": size}

    def note(message: str) -> None:
        print(f"[{size}] {message}", flush=True)
        save(figures)

    seconds = import_records(lines, data_dir)
    figures["import_rps"] = round(size / seconds, 1)
    note(f"imported in {seconds:.1f} s")

    # The served index first, so the query and load figures come early on a long run.
    documents, seconds, cpu = product_reindex(data_dir, data_dir / "index", 2)
    figures["documents"] = documents
    figures["index_rate_2cores"] = round(documents / seconds, 1)
    figures["index_cpu_ms_per_doc_2cores"] = round(cpu / documents * 1000, 2)
    figures["index_mb"] = directory_mb(live_generation_dir(data_dir / "index"))
    note(f"product, 2 workers: {seconds:.1f} s")

    records = [Record.from_line(line) for line in lines]
    queries = query_mix(records)
    figures["queries"] = len(queries)
    figures["query_kinds"] = dict(Counter(query.kind for query in queries))
    figures.update(serve_figures(data_dir, records, queries, settings))
    figures["page_p95_minus_api_ms"] = round(figures["page_p95_ms"] - figures["api_p95_ms"], 2)
    note("API, page and load done")
    from speed_serving import cpu_figures  # it imports this module

    figures.update(cpu_figures(data_dir / "index", queries, settings.query_rounds))
    note("search CPU against plain Whoosh on the same index done")

    recorder = _Recorder()
    documents, seconds, cpu = product_reindex(data_dir, workdir / "index-1core", 1, recorder)
    figures["index_rate_1core"] = round(documents / seconds, 1)
    figures["index_cpu_ms_per_doc_1core"] = round(cpu / documents * 1000, 2)
    shutil.rmtree(workdir / "index-1core", ignore_errors=True)
    note(f"product, 1 worker: {seconds:.1f} s")

    plain_dir = workdir / "plain-whoosh"
    plain_docs, seconds, cpu = plain_whoosh_index(recorder.extracted, plain_dir)
    figures["plain_rate"] = round(plain_docs / seconds, 1)
    figures["plain_cpu_ms_per_doc"] = round(cpu / plain_docs * 1000, 2)
    # CPU time is what a busy shared machine disturbs least (one process each).
    figures["index_cpu_ratio_1core"] = round(
        figures["plain_cpu_ms_per_doc"] / figures["index_cpu_ms_per_doc_1core"], 3
    )
    figures["plain_index_mb"] = directory_mb(plain_dir)
    figures["index_ratio_1core"] = round(figures["index_rate_1core"] / figures["plain_rate"], 3)
    figures["index_ratio_2cores"] = round(figures["index_rate_2cores"] / figures["plain_rate"], 3)
    note(f"plain Whoosh: {seconds:.1f} s")

    plain = percentiles(plain_whoosh_queries(plain_dir, queries, settings.query_rounds))
    figures.update({f"plain_query_{k}_ms": v for k, v in plain.items()})
    figures["api_p95_ratio"] = round(figures["api_p95_ms"] / figures["plain_query_p95_ms"], 2)
    shutil.rmtree(plain_dir, ignore_errors=True)
    note("plain Whoosh queries done")

    articles = [article for article, _url in recorder.extracted]
    del recorder
    if settings.references:
        rate, samples, mb = sqlite_fts5(articles, workdir, queries, settings.query_rounds)
        figures["fts5_rate"] = round(rate, 1)
        figures["fts5_index_mb"] = mb
        figures.update({f"fts5_query_{k}_ms": v for k, v in percentiles(samples).items()})
        rate, samples = tantivy_reference(articles, queries, settings.query_rounds)
        figures["tantivy_rate"] = round(rate, 1)
        figures.update({f"tantivy_query_{k}_ms": v for k, v in percentiles(samples).items()})
        note("references done")
    del articles

    sample = min(size, settings.html_sample)
    pages, documents, seconds = html_end_to_end(lines[:sample], workdir / "html")
    figures["html_sample"] = pages
    figures["html_pages_per_s"] = round(pages / seconds, 1)
    figures["html_documents"] = documents
    shutil.rmtree(workdir / "html", ignore_errors=True)
    note(f"HTML end to end, {pages} pages: {seconds:.1f} s")
    return figures


def serve_figures(
    data_dir: Path, articles: Sequence[Record], queries: Sequence[Query], settings: Settings
) -> dict[str, Any]:
    """Everything measured against ``broadsheet serve``: queries, load, memory, start-up."""
    figures: dict[str, Any] = {}
    warm = warmup_queries(articles)
    probe = queries[0].words()[0] if queries else "market"

    # The API and the page on one server with its result cache off, so both do every
    # search in full: each query of the mix through both routes, one after the other.
    server = Server(data_dir, probe, ["--result-cache", "0"])
    try:
        figures["first_answer_s"] = server.first_answer_s
        figures["first_answer_cpu_s"] = server.first_answer_cpu_s
        http_queries(server.base, "/api/search", warm)
        http_queries(server.base, "/search", warm)
        # One untimed pass fills what is held per index (columns, spelling words, term
        # frequencies), so neither route pays for it on the other's behalf.
        http_queries(server.base, "/api/search", queries)
        api, page = interleaved_queries(server.base, queries)
        for name, route in (("api", api), ("page", page)):
            figures.update({f"{name}_{k}_ms": v for k, v in percentiles(route.wall_ms).items()})
            cpu = percentiles(route.cpu_ms)
            figures.update({f"{name}_server_cpu_{k}_ms": cpu[k] for k in ("p50", "p95")})
            figures[f"{name}_non_200"] = route.failed
        # CPU time in the server is what a busy machine disturbs least.
        figures["page_cpu_p95_minus_api_ms"] = round(
            figures["page_server_cpu_p95_ms"] - figures["api_server_cpu_p95_ms"], 2
        )
    finally:
        server.stop()

    # Repeats from the result cache and the load, on a server as it is normally run.
    server = Server(data_dir, probe)
    try:
        samples, _failed = http_queries(server.base, "/api/search", queries)
        samples, _failed = http_queries(server.base, "/api/search", queries)
        figures["api_cached_p50_ms"] = percentiles(samples)["p50"]
        figures["api_cached_p95_ms"] = percentiles(samples)["p95"]
        paths = [q.path("/api/search") for q in queries] + [q.path("/search") for q in queries]
        try:
            load = run_load(
                server.base, paths, clients=LOAD_CLIENTS, duration_s=settings.load_seconds
            )
            figures.update(
                load_rps=load.rps,
                load_errors=load.errors,
                load_requests=load.requests,
                load_p50_ms=load.p50_ms,
                load_p95_ms=load.p95_ms,
                load_p99_ms=load.p99_ms,
            )
        except LoadgenError as error:
            print(f"  load test skipped: {error}", file=sys.stderr)
        figures["server_rss_mb"] = server.rss_mb()
    finally:
        server.stop()
    return figures


# -- report ------------------------------------------------------------------------------

ROWS = (
    ("index_rate_1core", "product index, 1 worker (docs/s)"),
    ("index_rate_2cores", "product index, 2 workers (docs/s)"),
    ("plain_rate", "plain Whoosh, one process (docs/s)"),
    ("index_ratio_1core", "ratio 1 worker / plain (target >= 0.9)"),
    ("index_ratio_2cores", "ratio 2 workers / plain (target >= 1.6)"),
    ("plain_cpu_ms_per_doc", "plain Whoosh CPU (ms/doc)"),
    ("index_cpu_ms_per_doc_1core", "product CPU, 1 worker (ms/doc)"),
    ("index_cpu_ratio_1core", "CPU ratio plain / product, 1 worker"),
    ("index_cpu_ms_per_doc_2cores", "product CPU, 2 workers, all processes (ms/doc)"),
    ("import_rps", "import of JSON Lines records (records/s)"),
    ("html_pages_per_s", "HTML pages to index, 2 workers (pages/s)"),
    ("html_sample", "  HTML sample size (pages)"),
    ("api_p50_ms", "API p50 (ms)"),
    ("api_p95_ms", "API p95 (ms)"),
    ("api_p99_ms", "API p99 (ms)"),
    ("plain_query_p50_ms", "plain Whoosh core query p50 (ms)"),
    ("plain_query_p95_ms", "plain Whoosh core query p95 (ms)"),
    ("plain_query_p99_ms", "plain Whoosh core query p99 (ms)"),
    ("api_p95_ratio", "API p95 / plain p95 (target <= 1.5)"),
    ("page_p50_ms", "page p50 (ms)"),
    ("page_p95_ms", "page p95 (ms)"),
    ("page_p95_minus_api_ms", "page p95 - API p95 (target <= 10 ms)"),
    ("api_server_cpu_p95_ms", "API p95, CPU in the server (ms)"),
    ("page_server_cpu_p95_ms", "page p95, CPU in the server (ms)"),
    ("page_cpu_p95_minus_api_ms", "page - API p95, server CPU (target <= 10 ms)"),
    ("api_cpu_p50_ms", "search p50, CPU in process (ms)"),
    ("api_cpu_p95_ms", "search p95, CPU in process (ms)"),
    ("plain_query_cpu_p95_ms", "plain core query p95, CPU on the same index (ms)"),
    ("api_cpu_p95_ratio", "search / plain p95, CPU (target <= 1.5)"),
    ("api_cached_p50_ms", "API p50, repeated query from cache (ms)"),
    ("api_cached_p95_ms", "API p95, repeated query from cache (ms)"),
    ("load_rps", "load: requests/s, 8 clients"),
    ("load_p95_ms", "load: p95 (ms)"),
    ("load_errors", "load: errors (target 0)"),
    ("index_mb", "index size, product (MB)"),
    ("plain_index_mb", "index size, plain Whoosh (MB)"),
    ("server_rss_mb", "server resident memory (MB, target <= 400)"),
    ("first_answer_s", "start to first answer (s, target <= 2)"),
    ("first_answer_cpu_s", "server CPU until its first answer (s)"),
    ("fts5_rate", "SQLite FTS5 index (docs/s)"),
    ("fts5_query_p50_ms", "SQLite FTS5 query p50 (ms)"),
    ("fts5_query_p95_ms", "SQLite FTS5 query p95 (ms)"),
    ("fts5_index_mb", "SQLite FTS5 index size (MB)"),
    ("tantivy_rate", "tantivy index (docs/s)"),
    ("tantivy_query_p50_ms", "tantivy query p50 (ms)"),
    ("tantivy_query_p95_ms", "tantivy query p95 (ms)"),
)


def format_table(results: dict[str, dict[str, Any]]) -> str:
    sizes = list(results)
    header = "| figure | " + " | ".join(f"{int(s):,} articles" for s in sizes) + " |"
    lines = [header, "|---|" + "---|" * len(sizes)]
    for key, label in ROWS:
        if not any(key in results[s] for s in sizes):
            continue
        cells = [_cell(results[s].get(key)) for s in sizes]
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.2f}" if abs(value) < 100 else f"{value:,.0f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def machine() -> dict[str, Any]:
    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        memory = meminfo.read_text().splitlines()[0].split(":", 1)[1].strip()
    return {
        "cpu": model,
        "cores": os.cpu_count(),
        "memory": memory,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "load_average_at_start": os.getloadavg(),
    }


def parse_args(argv: Sequence[str] | None) -> tuple[Settings, Path | None, Path | None]:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", help="comma-separated article counts (default 10000,100000)")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_SIZE} articles, short runs")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--json", dest="json_out", type=Path)
    parser.add_argument("--workdir", type=Path, help="scratch directory (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch directory")
    parser.add_argument("--load-seconds", type=float, default=20.0)
    parser.add_argument("--html-sample", type=int, default=HTML_SAMPLE)
    parser.add_argument("--query-rounds", type=int, default=3, help="timed rounds, in process")
    parser.add_argument("--no-references", action="store_true", help="skip FTS5 and tantivy")
    args = parser.parse_args(argv)
    default = str(QUICK_SIZE) if args.quick else "10000,100000"
    sizes = tuple(int(size) for size in (args.sizes or default).split(","))
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="broadsheet-speed-"))
    settings = Settings(
        sizes=tuple(sorted(sizes)),
        corpus=args.corpus,
        workdir=workdir,
        load_seconds=3.0 if args.quick else args.load_seconds,
        html_sample=min(args.html_sample, 300) if args.quick else args.html_sample,
        query_rounds=1 if args.quick else args.query_rounds,
        references=not args.no_references,
    )
    return settings, (None if args.keep or args.workdir else workdir), args.json_out


def main(argv: Sequence[str] | None = None) -> int:
    settings, cleanup, json_out = parse_args(argv)
    if not settings.corpus.exists():
        print(f"speed: no corpus at {settings.corpus}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    lines = read_corpus(settings.corpus, max(settings.sizes))
    if len(lines) < max(settings.sizes):
        print(f"speed: the corpus has only {len(lines)} records", file=sys.stderr)
        return 2
    results: dict[str, dict[str, Any]] = {}
    try:
        for size in settings.sizes:

            def save(figures: dict[str, Any], key: str = str(size)) -> None:
                results[key] = figures
                if json_out:
                    _write_json(json_out, settings, results, started)

            save(measure_size(size, lines[:size], settings, save))
    finally:
        if cleanup is not None:
            shutil.rmtree(cleanup, ignore_errors=True)
    print(format_table(results))
    if json_out:
        _write_json(json_out, settings, results, started)
    return 0


def _write_json(
    path: Path, settings: Settings, results: dict[str, dict[str, Any]], started: float
) -> None:
    document = {
        "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]),
        "machine": machine(),
        "seed": SEED,
        "corpus": str(settings.corpus),
        "elapsed_s": round(time.perf_counter() - started, 1),
        "sizes": results,
    }
    path.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":  # the guard spawned worker processes need
    sys.exit(main())
