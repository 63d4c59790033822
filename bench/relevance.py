"""Relevance bench: Broadsheet's ranking against plain BM25 engines on judged test collections.

Usage::

    python bench/relevance.py --collection ../shared/data/relevance/time [--collection DIR ...]
                              [--json OUT] [--split] [--short-queries N ...]

A collection is a directory holding ``docs.jsonl`` (one JSON object per line with ``id``
and ``body``, and optionally ``headline``, ``date``, ``authors``, ``description``,
``source``, ``section``, ``tags``, ``language``, ``url``, ``captions``; other keys are
ignored), ``queries.tsv`` (``qid TAB text``) and ``qrels.txt`` (TREC: ``qid 0 docid rel``).

Broadsheet is measured through its own code: the documents become ``Article`` records,
the product's builder indexes them in a temporary directory and every query goes through
``SearchService.search`` exactly as the web page sends a plain query (lower-cased, so
words such as AND / NOT in the query text are words, not operators). The baselines see
the same documents (headline and body) and the same words, OR-ed: plain Whoosh BM25F
with its StemmingAnalyzer, SQLite FTS5 (bm25, porter) and tantivy (BM25, en_stem).

Each engine returns at most 1000 documents per query; a judged query with no results
scores 0. Metrics come from ir-measures: nDCG@10, MAP (AP@1000), P@10 and R@100.
``--split`` also reports each metric over the odd- and even-numbered query halves, a
quick check that a ranking change helps more than one set of queries.
``--short-queries N`` also scores keyword versions of each collection (reported as
``name@Nwords``): every query cut to its N rarest words by document frequency, computed
once from the collection and given identically to every engine.
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
import tempfile
import warnings
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:  # run as a script from a checkout
    sys.path.insert(0, str(REPO_ROOT))

from crawl_cache.page import CachedPage  # noqa: E402
from indexer.article import Article  # noqa: E402
from indexer.build import reindex_cache  # noqa: E402
from indexer.search import MAX_PAGE_SIZE, SearchService  # noqa: E402
from indexer.search_types import SearchRequest  # noqa: E402

DEPTH = 1000
METRIC_NAMES = ("nDCG@10", "MAP", "P@10", "R@100")
ENGINES = ("broadsheet", "whoosh_bm25f", "sqlite_fts5", "tantivy")
_JSON_TYPE = "application/json"
_WORD = re.compile(r"[^\W_]+")

Run = dict[str, list[str]]  # query id -> document ids, best first


class CollectionError(ValueError):
    """A collection directory is missing a file or holds a malformed line."""


@dataclass(frozen=True)
class Collection:
    """Documents, queries and judgments of one test collection."""

    name: str
    docs: list[dict[str, Any]]
    queries: dict[str, str]
    qrels: dict[str, dict[str, int]]
    warnings: list[str] = field(default_factory=list)

    @property
    def judged_queries(self) -> list[str]:
        """Queries that have judgments, in file order."""
        return [qid for qid in self.queries if qid in self.qrels]


# -- reading a collection ---------------------------------------------------------


def read_collection(directory: Path) -> Collection:
    """Read ``docs.jsonl``, ``queries.tsv`` and ``qrels.txt``; CollectionError when unreadable."""
    directory = Path(directory)
    for name in ("docs.jsonl", "queries.tsv", "qrels.txt"):
        if not (directory / name).is_file():
            raise CollectionError(f"{directory} has no {name}")
    docs = _read_docs(directory / "docs.jsonl")
    queries = _read_queries(directory / "queries.tsv")
    qrels = _read_qrels(directory / "qrels.txt")
    notes: list[str] = []
    known = {doc["id"] for doc in docs}
    unknown = sum(1 for judged in qrels.values() for doc_id in judged if doc_id not in known)
    if unknown:
        # Usually a numbering mix-up (ordinal positions instead of document ids).
        notes.append(f"{unknown} judgments name documents that are not in docs.jsonl")
    orphans = [qid for qid in qrels if qid not in queries]
    if orphans:
        notes.append(f"{len(orphans)} judged queries are missing from queries.tsv")
    return Collection(directory.resolve().name, docs, queries, qrels, notes)


def _read_docs(path: Path) -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
            except json.JSONDecodeError as error:
                raise CollectionError(f"{path}:{number}: not JSON ({error})") from None
            if not isinstance(doc, dict) or doc.get("id") in (None, ""):
                raise CollectionError(f"{path}:{number}: a document needs an id")
            doc = {**doc, "id": str(doc["id"])}
            if doc["id"] in seen:
                raise CollectionError(f"{path}:{number}: duplicate document id {doc['id']!r}")
            seen.add(doc["id"])
            docs.append(doc)
    return docs


def _read_queries(path: Path) -> dict[str, str]:
    queries: dict[str, str] = {}
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            qid, tab, text = line.partition("\t")
            if not tab or not qid.strip():
                raise CollectionError(f"{path}:{number}: expected 'qid<TAB>text'")
            queries[qid.strip()] = text.strip()
    return queries


def _read_qrels(path: Path) -> dict[str, dict[str, int]]:
    qrels: dict[str, dict[str, int]] = {}
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            parts = line.split()
            if not parts:
                continue
            if len(parts) != 4:
                raise CollectionError(f"{path}:{number}: expected 'qid 0 docid rel'")
            qid, _iteration, doc_id, rel = parts
            try:
                qrels.setdefault(qid, {})[doc_id] = int(rel)
            except ValueError:
                raise CollectionError(
                    f"{path}:{number}: relevance {rel!r} is not a number"
                ) from None
    return qrels


def doc_to_article(doc: dict[str, Any]) -> Article:
    """The ``Article`` a collection document stands for (unknown keys are ignored)."""
    return Article(
        id=doc["id"],
        url=_text(doc.get("url")),
        headline=_text(doc.get("headline") or doc.get("title")),
        description=_text(doc.get("description") or doc.get("summary")),
        authors=_texts(doc.get("authors") or doc.get("author")),
        published=_text(doc.get("date") or doc.get("published")),
        section=_text(doc.get("section")),
        source=_text(doc.get("source")),
        tags=_texts(doc.get("tags")),
        language=_text(doc.get("language")),
        body=_text(doc.get("body")) or "",
        captions=_texts(doc.get("captions")),
    )


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value).strip()
    return text or None


def _texts(value: Any) -> list[str]:
    items = value if isinstance(value, list) else [value]
    return [text for text in (_text(item) for item in items) if text]


def query_words(text: str) -> list[str]:
    """A query's words, lower-cased, for engines that get a plain OR of words."""
    return _WORD.findall(text.lower())


def document_frequencies(collection: Collection) -> dict[str, int]:
    """Lower-cased word -> number of documents (headline and body) holding it."""
    frequencies: dict[str, int] = {}
    for doc in collection.docs:
        article = doc_to_article(doc)
        for word in set(query_words(f"{article.headline or ''} {article.body}")):
            frequencies[word] = frequencies.get(word, 0) + 1
    return frequencies


def keyword_query(text: str, frequencies: dict[str, int], words: int) -> str:
    """The query cut to its ``words`` rarest words found in the collection, in query order.

    Words in no document are left out (they rank nothing); ties go to the earlier word.
    """
    found = [word for word in dict.fromkeys(query_words(text)) if frequencies.get(word)]
    position = {word: index for index, word in enumerate(found)}
    rarest = sorted(found, key=lambda word: (frequencies[word], position[word]))[:words]
    return " ".join(sorted(rarest, key=position.__getitem__))


def keyword_collection(
    collection: Collection, words: int, frequencies: dict[str, int] | None = None
) -> Collection:
    """The collection with each query cut to its ``words`` rarest words ("name@2words").

    Every engine gets these same query texts, so short keyword queries are measured
    like the full ones.
    """
    if words < 1:
        raise ValueError(f"a keyword query needs at least one word, not {words}")
    frequencies = frequencies if frequencies is not None else document_frequencies(collection)
    queries = {
        qid: keyword_query(text, frequencies, words) for qid, text in collection.queries.items()
    }
    return Collection(
        f"{collection.name}@{words}words", collection.docs, queries, collection.qrels, []
    )


# -- engines -------------------------------------------------------------------------


def run_broadsheet(collection: Collection, workdir: Path) -> Run:
    """Index with the product's builder and rank with its search service."""
    index_dir = workdir / "broadsheet-index"
    source = _PageSource(
        CachedPage.create(
            f"relevance://{collection.name}/{doc['id']}",
            json.dumps(doc_to_article(doc).to_dict()).encode("utf-8"),
            content_type=_JSON_TYPE,
        )
        for doc in collection.docs
    )
    report = reindex_cache(source, index_dir, full=True, extract=article_from_page)
    if report.failed:
        print(f"  broadsheet: {report.failed} documents failed to index", file=sys.stderr)
    run: Run = {}
    # No time limit: on a busy machine the web page's limit could cut a ranking short
    # and make the scores depend on the load; the order itself is the same.
    with SearchService(index_dir, time_limit_s=None) as service:
        for qid in collection.judged_queries:
            query = collection.queries[qid].lower()
            # An empty query would browse everything, which is no ranking of the words.
            run[qid] = list(service.ranked_ids(query, DEPTH)) if query.strip() else []
    return run


def broadsheet_ranking(service: SearchService, query: str, depth: int = DEPTH) -> list[str]:
    """The ids a reader would see paging through the results, at most ``depth``.

    ``SearchService.ranked_ids`` gives the same order without building pages (snippets,
    facets); the bench uses that, and the tests check the two agree.
    """
    ranked: list[str] = []
    page = 1
    while len(ranked) < depth:
        result = service.search(SearchRequest(query=query, page=page, page_size=MAX_PAGE_SIZE))
        if getattr(result, "partial", False):
            print(f"  broadsheet: {query!r} page {page} was cut short", file=sys.stderr)
        ranked.extend(hit.id for hit in result.hits)
        if len(result.hits) < MAX_PAGE_SIZE:
            break
        page += 1
    return ranked[:depth]


def article_from_page(body: bytes, url: str, content_type: str | None) -> Article:
    """Extractor for the bench's pages, which hold an article as JSON."""
    return Article.from_dict(json.loads(body))


class _PageSource:
    """An in-memory change feed: what ``reindex_cache`` reads from a crawl cache."""

    def __init__(self, pages: Iterator[CachedPage]) -> None:
        self._pages = [
            CachedPage(**{**_page_fields(page), "seq": seq}) for seq, page in enumerate(pages, 1)
        ]

    def changes_since(self, seq: int) -> Iterator[CachedPage]:
        return iter([page for page in self._pages if (page.seq or 0) > seq])

    def page_count(self) -> int:
        return len(self._pages)

    def record_failure(self, source: str, reason: str, *, stage: str = "import") -> None:
        print(f"  {stage} failure {source}: {reason}", file=sys.stderr)


def _page_fields(page: CachedPage) -> dict[str, Any]:
    return {name: getattr(page, name) for name in page.__dataclass_fields__}


def run_whoosh_bm25f(collection: Collection, workdir: Path) -> Run:
    """Plain Whoosh: StemmingAnalyzer on headline and body, default BM25F, OR of the words."""
    from whoosh import fields, index
    from whoosh import query as wq
    from whoosh.analysis import StemmingAnalyzer

    analyzer = StemmingAnalyzer()
    schema = fields.Schema(
        id=fields.ID(stored=True, unique=True),
        headline=fields.TEXT(analyzer=analyzer),
        body=fields.TEXT(analyzer=analyzer),
    )
    (workdir / "whoosh").mkdir()
    ix = index.create_in(str(workdir / "whoosh"), schema)
    with ix.writer() as writer:
        for doc in collection.docs:
            article = doc_to_article(doc)
            writer.add_document(id=article.id, headline=article.headline or "", body=article.body)
    run: Run = {}
    with ix.searcher() as searcher:
        for qid in collection.judged_queries:
            terms = [token.text for token in analyzer(collection.queries[qid].lower())]
            subqueries = [wq.Term(name, term) for term in terms for name in ("headline", "body")]
            if not subqueries:
                run[qid] = []
                continue
            hits = searcher.search(wq.Or(subqueries), limit=DEPTH)
            run[qid] = [hit["id"] for hit in hits]
    ix.close()
    return run


def run_sqlite_fts5(collection: Collection, workdir: Path) -> Run:
    """SQLite FTS5 with the porter tokenizer, ranked by bm25(), OR of the words."""
    with closing(sqlite3.connect(workdir / "fts5.sqlite3")) as db:
        db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(doc_id UNINDEXED, headline, body,"
            " tokenize = 'porter unicode61')"
        )
        rows = []
        for doc in collection.docs:
            article = doc_to_article(doc)
            rows.append((article.id, article.headline or "", article.body))
        db.executemany("INSERT INTO docs VALUES (?, ?, ?)", rows)
        db.commit()
        run: Run = {}
        for qid in collection.judged_queries:
            words = query_words(collection.queries[qid])
            if not words:
                run[qid] = []
                continue
            match = " OR ".join(f'"{word}"' for word in words)
            cursor = db.execute(
                "SELECT doc_id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?",
                (match, DEPTH),
            )
            run[qid] = [row[0] for row in cursor]
    return run


def run_tantivy(collection: Collection, workdir: Path) -> Run:
    """tantivy with the en_stem tokenizer, BM25, OR of the words over headline and body."""
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("doc_id", stored=True, tokenizer_name="raw")
    builder.add_text_field("headline", tokenizer_name="en_stem")
    builder.add_text_field("body", tokenizer_name="en_stem")
    ix = tantivy.Index(builder.build(), path=None)
    writer = ix.writer()
    for doc in collection.docs:
        article = doc_to_article(doc)
        writer.add_document(
            tantivy.Document(doc_id=article.id, headline=article.headline or "", body=article.body)
        )
    writer.commit()
    writer.wait_merging_threads()
    ix.reload()
    searcher = ix.searcher()
    run: Run = {}
    for qid in collection.judged_queries:
        words = query_words(collection.queries[qid])
        if not words:
            run[qid] = []
            continue
        query = ix.parse_query(" ".join(words), ["headline", "body"])
        hits = searcher.search(query, DEPTH).hits
        run[qid] = [searcher.doc(address)["doc_id"][0] for _score, address in hits]
    return run


ENGINE_RUNNERS: dict[str, Callable[[Collection, Path], Run]] = {
    "broadsheet": run_broadsheet,
    "whoosh_bm25f": run_whoosh_bm25f,
    "sqlite_fts5": run_sqlite_fts5,
    "tantivy": run_tantivy,
}


# -- scoring -------------------------------------------------------------------------


def per_query_scores(collection: Collection, run: Run) -> dict[str, dict[str, float]]:
    """Metric -> query id -> value for every judged query (0 when the run has nothing)."""
    import ir_measures
    from ir_measures import AP, P, R, nDCG

    measures = {nDCG @ 10: "nDCG@10", AP @ DEPTH: "MAP", P @ 10: "P@10", R @ 100: "R@100"}
    judged = collection.judged_queries
    # ir-measures sorts a run by score, so scores encode the engine's own order.
    scored_run = {
        qid: {doc_id: float(DEPTH - rank) for rank, doc_id in enumerate(run.get(qid, [])[:DEPTH])}
        for qid in judged
    }
    scored_run = {qid: docs for qid, docs in scored_run.items() if docs}
    qrels = {qid: collection.qrels[qid] for qid in judged}
    values: dict[str, dict[str, float]] = {
        name: dict.fromkeys(judged, 0.0) for name in METRIC_NAMES
    }
    if scored_run:
        for metric in ir_measures.iter_calc(list(measures), qrels, scored_run):
            values[measures[metric.measure]][metric.query_id] = float(metric.value)
    return values


def summarise(
    values: dict[str, dict[str, float]], queries: list[str] | None = None
) -> dict[str, float]:
    """Mean of each metric over the given queries (all judged queries by default)."""
    summary: dict[str, float] = {}
    for name in METRIC_NAMES:
        chosen = queries if queries is not None else list(values[name])
        summary[name] = sum(values[name][qid] for qid in chosen) / len(chosen) if chosen else 0.0
    return summary


def evaluate(
    collection: Collection, engines: tuple[str, ...] = ENGINES, *, split: bool = False
) -> dict[str, dict[str, float]]:
    """Run each engine on the collection; engine -> metric -> mean (and halves with split)."""
    results: dict[str, dict[str, float]] = {}
    judged = collection.judged_queries
    with tempfile.TemporaryDirectory(prefix="broadsheet-relevance-") as temp:
        for engine in engines:
            workdir = Path(temp) / engine
            workdir.mkdir()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                run = ENGINE_RUNNERS[engine](collection, workdir)
            values = per_query_scores(collection, run)
            results[engine] = summarise(values)
            if split:
                for half, queries in (("odd", judged[0::2]), ("even", judged[1::2])):
                    for name, value in summarise(values, queries).items():
                        results[engine][f"{name} {half}"] = value
    return results


def format_table(name: str, results: dict[str, dict[str, float]]) -> str:
    columns = list(next(iter(results.values())).keys()) if results else list(METRIC_NAMES)
    width = max(len(engine) for engine in results) if results else 10
    lines = [f"{name}", f"{'engine':<{width}}  " + "  ".join(f"{c:>11}" for c in columns)]
    for engine, summary in results.items():
        cells = "  ".join(f"{summary[c]:>11.3f}" for c in columns)
        lines.append(f"{engine:<{width}}  {cells}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--collection", action="append", required=True, type=Path)
    parser.add_argument("--json", type=Path, help="write {collection: {engine: metrics}} here")
    parser.add_argument("--engine", action="append", choices=ENGINES, help="default: all")
    parser.add_argument("--split", action="store_true", help="also score odd/even query halves")
    parser.add_argument(
        "--short-queries",
        action="append",
        type=int,
        default=[],
        metavar="N",
        help="also score each query cut to its N rarest words (repeatable)",
    )
    args = parser.parse_args(argv)
    engines = tuple(args.engine) if args.engine else ENGINES
    report: dict[str, dict[str, dict[str, float]]] = {}
    for directory in args.collection:
        try:
            collection = read_collection(directory)
        except (CollectionError, OSError) as error:
            print(f"error: {error}", file=sys.stderr)
            return 2
        for note in collection.warnings:
            print(f"warning: {collection.name}: {note}", file=sys.stderr)
        variants = [collection]
        if args.short_queries:
            frequencies = document_frequencies(collection)
            variants += [
                keyword_collection(collection, words, frequencies)
                for words in sorted(set(args.short_queries))
            ]
        for variant in variants:
            results = evaluate(variant, engines, split=args.split)
            report[variant.name] = {
                engine: {name: round(summary[name], 4) for name in METRIC_NAMES}
                for engine, summary in results.items()
            }
            print(
                format_table(
                    f"{variant.name}: {len(variant.docs)} documents, "
                    f"{len(variant.judged_queries)} judged queries",
                    results,
                )
            )
            print()
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
