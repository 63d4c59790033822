"""The speed bench: its query mix, page templates and the whole quick path on a tiny corpus."""

from __future__ import annotations

import importlib.util
import json
import random
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "speed.py"

_TOPICS = [
    "copper smelter output",
    "harbour crane contract",
    "soybean harvest forecast",
    "regional airline merger",
    "pension fund bond purchase",
    "lithium mine permit",
]


@pytest.fixture(scope="module")
def speed() -> ModuleType:
    spec = importlib.util.spec_from_file_location("speed_bench", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def _record(number: int, rng: random.Random) -> dict:
    topic = _TOPICS[number % len(_TOPICS)]
    filler = " ".join(
        rng.choice(
            [
                "quarterly",
                "analysts",
                "estimate",
                "shares",
                "traders",
                "regulator",
                "forecast",
                "shipment",
                "tonnes",
                "dividend",
            ]
        )
        for _ in range(60)
    )
    return {
        "id": f"rec-{number}",
        "url": f"https://wire.example/{number}/{topic.replace(' ', '-')}",
        "headline": f"{topic.title()} update number {number}",
        "authors": [f"Reporter {number % 7}"],
        "published": f"2012-{number % 12 + 1:02d}-{number % 27 + 1:02d}T10:00:00Z",
        "body": f"The {topic} drew attention on Monday. {filler}.\n\n"
        f"Officials said the {topic} would be reviewed again next month. {filler}.",
    }


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    rng = random.Random(3)
    path = tmp_path / "records.jsonl"
    path.write_text("".join(json.dumps(_record(n, rng)) + "\n" for n in range(160)))
    return path


def test_corpus_shuffle_is_fixed_and_nested(speed: ModuleType, corpus: Path) -> None:
    small = speed.read_corpus(corpus, 20)
    large = speed.read_corpus(corpus, 50)
    assert large[:20] == small
    assert small != corpus.read_text().splitlines(keepends=True)[:20]


def test_query_mix_is_reproducible_and_covers_every_kind(speed: ModuleType, corpus: Path) -> None:
    records = [speed.Record.from_line(line) for line in speed.read_corpus(corpus, 160)]
    first = speed.query_mix(records)
    assert first == speed.query_mix(records)
    kinds = {query.kind for query in first}
    assert {"1-word", "2-word", "3-word", "phrase", "author filter", "newest"} <= kinds
    assert {"deep page", "date filter"} <= kinds
    assert all(query.text for query in first)
    deep = next(query for query in first if query.kind == "deep page")
    assert "page=" in deep.path("/api/search")


def test_percentiles(speed: ModuleType) -> None:
    figures = speed.percentiles([float(n) for n in range(1, 101)])
    assert figures == {"p50": 50.5, "p95": 96.0, "p99": 100.0}
    assert speed.percentiles([]) == {"p50": 0.0, "p95": 0.0, "p99": 0.0}


def test_html_templates_extract_as_the_record(speed: ModuleType) -> None:
    from indexer.scrape import extract_article

    record = _record(4, random.Random(1))
    for number in range(3):
        url, body = speed.record_to_html(record, number)
        article = extract_article(body, url, content_type="text/html")
        assert article.headline == record["headline"]
        assert "drew attention on Monday" in article.body
        assert "Most read" not in article.body and "Subscribe" not in article.body


@pytest.mark.slow
def test_quick_run_writes_every_figure(speed: ModuleType, corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "speed.json"
    code = speed.main(
        [
            "--quick",
            "--sizes",
            "120",
            "--corpus",
            str(corpus),
            "--json",
            str(out),
            "--workdir",
            str(tmp_path / "work"),
            "--html-sample",
            "12",
        ]
    )
    assert code == 0
    figures = json.loads(out.read_text())["sizes"]["120"]
    for name in (
        "index_rate_1core",
        "index_rate_2cores",
        "plain_rate",
        "html_pages_per_s",
        "api_p95_ms",
        "page_p95_ms",
        "plain_query_p95_ms",
        "index_mb",
        "plain_index_mb",
        "server_rss_mb",
        "first_answer_s",
        "fts5_rate",
        "tantivy_rate",
    ):
        assert figures[name] > 0, name
    assert figures["documents"] == 120
    assert figures["html_documents"] == 12
    assert figures["index_ratio_1core"] == pytest.approx(
        figures["index_rate_1core"] / figures["plain_rate"], abs=0.001
    )
    assert figures["api_p95_ratio"] == pytest.approx(
        figures["api_p95_ms"] / figures["plain_query_p95_ms"], abs=0.01
    )
    assert figures["api_non_200"] == figures["page_non_200"] == 0
    for name in ("api_server_cpu_p95_ms", "page_server_cpu_p95_ms", "api_cpu_p95_ms"):
        assert figures[name] > 0, name
    assert figures["api_cpu_p95_ratio"] == pytest.approx(
        figures["api_cpu_p95_ms"] / figures["plain_query_cpu_p95_ms"], abs=0.01
    )
    assert figures["page_cpu_p95_minus_api_ms"] == pytest.approx(
        figures["page_server_cpu_p95_ms"] - figures["api_server_cpu_p95_ms"], abs=0.01
    )
    if "load_errors" in figures:  # wrk installed
        assert figures["load_errors"] == 0
        assert figures["load_rps"] > 0
