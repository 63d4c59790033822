"""The relevance bench: reading a collection, building articles, scoring runs, the CLI."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "relevance.py"


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("relevance_bench", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


_DOCS = [
    {
        "id": "d1",
        "headline": "Lighthouse keeper retires",
        "body": "After forty years the lighthouse keeper handed over the lamp.",
        "date": "1958-12",
        "authors": ["Ann Reed", "Bo Lund"],
        "page": 12,
    },
    {"id": "d2", "body": "Ferry crews voted to strike over the winter timetable.", "date": "1958"},
    {"id": "d3", "body": "The harbour market moved to the quay.", "author": "Cy Moss"},
    {"id": 4, "body": "Fishing boats stayed in port as the storm passed.", "section": "Weather"},
]
_QUERIES = [
    ("1", "WHO IS THE LIGHTHOUSE KEEPER (AND WHY DID HE RETIRE)?"),
    ("2", "FERRY STRIKE"),
    ("3", "NOT AND OR ?"),
    ("4", "unjudged query"),
]
_QRELS = ["1 0 d1 1", "2 0 d2 1", "2 0 d3 0", "3 0 4 1"]


def _write_collection(directory: Path, *, qrels: list[str] = _QRELS) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(doc) for doc in _DOCS]
    (directory / "docs.jsonl").write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    text = "".join(f"{qid}\t{query}\n" for qid, query in _QUERIES)
    (directory / "queries.tsv").write_text(text, encoding="utf-8")
    (directory / "qrels.txt").write_text("\n".join(qrels) + "\n", encoding="utf-8")
    return directory


def test_reads_documents_queries_and_judgments(bench: ModuleType, tmp_path: Path) -> None:
    collection = bench.read_collection(_write_collection(tmp_path / "tiny"))
    assert collection.name == "tiny"
    assert [doc["id"] for doc in collection.docs] == ["d1", "d2", "d3", "4"]
    assert collection.queries["1"].startswith("WHO IS")
    assert collection.qrels["2"] == {"d2": 1, "d3": 0}
    assert collection.judged_queries == ["1", "2", "3"]
    assert collection.warnings == []


def test_judgments_naming_unknown_documents_are_reported(bench: ModuleType, tmp_path: Path) -> None:
    directory = _write_collection(tmp_path / "shifted", qrels=["1 0 d9 1", "2 0 d2 1"])
    collection = bench.read_collection(directory)
    assert collection.warnings == ["1 judgments name documents that are not in docs.jsonl"]


def test_missing_or_malformed_files_raise_a_clear_error(bench: ModuleType, tmp_path: Path) -> None:
    directory = _write_collection(tmp_path / "broken")
    (directory / "qrels.txt").write_text("1 0 d1\n", encoding="utf-8")
    with pytest.raises(bench.CollectionError, match="qrels.txt:1"):
        bench.read_collection(directory)
    (directory / "qrels.txt").unlink()
    with pytest.raises(bench.CollectionError, match="no qrels.txt"):
        bench.read_collection(directory)


def test_documents_become_articles(bench: ModuleType) -> None:
    article = bench.doc_to_article(_DOCS[0])
    assert (article.id, article.headline, article.published) == (
        "d1",
        "Lighthouse keeper retires",
        "1958-12",
    )
    assert article.authors == ["Ann Reed", "Bo Lund"]
    single = bench.doc_to_article({**_DOCS[2], "id": "d3"})
    assert single.authors == ["Cy Moss"] and single.headline is None


def test_metrics_count_missing_results_as_zero(bench: ModuleType, tmp_path: Path) -> None:
    pytest.importorskip("ir_measures")
    collection = bench.read_collection(_write_collection(tmp_path / "tiny"))
    perfect = {"1": ["d1"], "2": ["d2", "d3"], "3": ["4"]}
    assert bench.summarise(bench.per_query_scores(collection, perfect)) == {
        "nDCG@10": 1.0,
        "MAP": 1.0,
        "P@10": pytest.approx(0.1),
        "R@100": 1.0,
    }
    # The run's own order counts, whatever the document ids sort as.
    reversed_run = {"1": ["d1"], "2": ["d3", "d2"]}
    values = bench.per_query_scores(collection, reversed_run)
    assert values["MAP"] == {"1": 1.0, "2": 0.5, "3": 0.0}
    assert values["nDCG@10"]["3"] == 0.0


def test_cli_scores_the_product_and_a_baseline(bench: ModuleType, tmp_path: Path) -> None:
    pytest.importorskip("ir_measures")
    directory = _write_collection(tmp_path / "tiny")
    out = tmp_path / "scores.json"
    argv = ["--collection", str(directory), "--engine", "broadsheet", "--engine", "sqlite_fts5"]
    assert bench.main([*argv, "--json", str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert set(report) == {"tiny"}
    assert set(report["tiny"]) == {"broadsheet", "sqlite_fts5"}
    for scores in report["tiny"].values():
        assert set(scores) == {"nDCG@10", "MAP", "P@10", "R@100"}
    # Queries 1 and 2 are easy; query 3 has only operators and stop words: no results, 0.
    assert report["tiny"]["broadsheet"]["R@100"] == pytest.approx(2 / 3, abs=1e-3)


def test_broadsheet_ranking_pages_through_the_service(bench: ModuleType, tmp_path: Path) -> None:
    collection = bench.read_collection(_write_collection(tmp_path / "tiny"))
    run = bench.run_broadsheet(collection, tmp_path)
    assert run["1"][0] == "d1"
    assert run["2"][0] == "d2"
    assert run["3"] == []


def test_baselines_rank_the_tiny_collection(bench: ModuleType, tmp_path: Path) -> None:
    pytest.importorskip("tantivy")
    collection = bench.read_collection(_write_collection(tmp_path / "tiny"))
    for engine in ("whoosh_bm25f", "sqlite_fts5", "tantivy"):
        workdir = tmp_path / engine
        workdir.mkdir()
        run = bench.ENGINE_RUNNERS[engine](collection, workdir)
        assert run["1"][0] == "d1", engine
        assert run["2"][0] == "d2", engine


class _PagedService:
    """Answers like SearchService: ``total`` ids, served a page at a time."""

    def __init__(self, total: int) -> None:
        self.ids = [f"doc{number}" for number in range(total)]
        self.pages: list[int] = []

    def search(self, request):
        self.pages.append(request.page)
        start = (request.page - 1) * request.page_size
        hits = [_Hit(doc_id) for doc_id in self.ids[start : start + request.page_size]]
        return _Result(hits)


class _Hit:
    def __init__(self, doc_id: str) -> None:
        self.id = doc_id


class _Result:
    def __init__(self, hits: list[_Hit]) -> None:
        self.hits = hits


def test_ranking_pages_until_the_depth_or_the_last_hit(bench: ModuleType) -> None:
    service = _PagedService(250)
    assert bench.broadsheet_ranking(service, "q") == service.ids
    assert service.pages == [1, 2, 3]
    deep = _PagedService(1500)
    assert len(bench.broadsheet_ranking(deep, "q")) == bench.DEPTH
    assert deep.pages == list(range(1, 11))


def test_keyword_queries_keep_the_rarest_words_in_query_order(bench: ModuleType) -> None:
    frequencies = {"ferry": 3, "strike": 1, "crews": 2, "the": 9}
    assert bench.keyword_query("The FERRY crews STRIKE", frequencies, 2) == "crews strike"
    assert bench.keyword_query("The FERRY crews STRIKE", frequencies, 1) == "strike"
    # Words in no document are left out; ties go to the earlier word.
    assert bench.keyword_query("unknown ferry the", frequencies, 5) == "ferry the"
    assert bench.keyword_query("ferry ferry", {"ferry": 1}, 2) == "ferry"


def test_keyword_collection_is_named_and_shared_by_every_engine(
    bench: ModuleType, tmp_path: Path
) -> None:
    collection = bench.read_collection(_write_collection(tmp_path / "tiny"))
    frequencies = bench.document_frequencies(collection)
    assert frequencies["keeper"] == 1 and frequencies["the"] == 4
    short = bench.keyword_collection(collection, 2, frequencies)
    assert short.name == "tiny@2words"
    assert short.qrels == collection.qrels
    assert short.queries["2"] == "ferry strike"
    assert len(short.queries["1"].split()) == 2
    with pytest.raises(ValueError):
        bench.keyword_collection(collection, 0)


def test_cli_scores_short_query_variants_under_their_own_keys(
    bench: ModuleType, tmp_path: Path
) -> None:
    pytest.importorskip("ir_measures")
    directory = _write_collection(tmp_path / "tiny")
    out = tmp_path / "scores.json"
    argv = ["--collection", str(directory), "--engine", "sqlite_fts5", "--short-queries", "1"]
    assert bench.main([*argv, "--json", str(out)]) == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert set(report) == {"tiny", "tiny@1words"}
    assert set(report["tiny@1words"]["sqlite_fts5"]) == {"nDCG@10", "MAP", "P@10", "R@100"}


def test_ranked_ids_match_paging_through_search(bench: ModuleType, tmp_path: Path) -> None:
    collection = bench.read_collection(_write_collection(tmp_path / "tiny"))
    bench.run_broadsheet(collection, tmp_path)
    with bench.SearchService(tmp_path / "broadsheet-index", time_limit_s=None) as service:
        for query in ("lighthouse keeper", "ferry strike winter", "the boats", "harbor"):
            paged = bench.broadsheet_ranking(service, query)
            assert list(service.ranked_ids(query, bench.DEPTH)) == paged, query
            assert list(service.ranked_ids(query, 1)) == paged[:1], query
