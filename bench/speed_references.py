"""Reference engines for the speed bench: SQLite FTS5 and tantivy on the same articles."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path
from typing import Any

from speed_queries import PAGE_SIZE, Query

from indexer.article import Article


def _fts5_match(query: Query) -> str:
    if query.kind == "phrase":
        return query.text
    joiner = " AND " if query.kind == "and" else " OR "
    return joiner.join(f'"{word}"' for word in query.words())


def sqlite_fts5(
    articles: Sequence[Article], workdir: Path, queries: Sequence[Query], rounds: int
) -> tuple[float, list[float], float]:
    """(docs/s, latencies ms, file MB) for SQLite FTS5 with the porter tokenizer."""
    path = workdir / "fts5.sqlite3"
    path.unlink(missing_ok=True)
    with closing(sqlite3.connect(path)) as db:
        started = time.perf_counter()
        db.execute(
            "CREATE VIRTUAL TABLE docs USING fts5(doc_id UNINDEXED, headline, body,"
            " authors UNINDEXED, published UNINDEXED, tokenize = 'porter unicode61')"
        )
        db.executemany(
            "INSERT INTO docs VALUES (?, ?, ?, ?, ?)",
            (
                (a.id, a.headline or "", a.body, "\n".join(a.authors), a.published or "")
                for a in articles
            ),
        )
        db.commit()
        rate = len(articles) / (time.perf_counter() - started)
        samples: list[float] = []
        for round_number in range(rounds + 1):
            for query in queries:
                sql = "SELECT doc_id FROM docs WHERE docs MATCH ?"
                args: list[Any] = [_fts5_match(query)]
                if query.author:
                    sql += " AND instr(authors, ?) > 0"
                    args.append(query.author)
                if query.date_from:
                    sql += " AND published >= ?"
                    args.append(query.date_from)
                if query.date_to:
                    sql += " AND published < ?"
                    args.append(query.date_to + "T99")
                sql += " ORDER BY " + ("published DESC" if query.sort else "bm25(docs)")
                sql += " LIMIT ? OFFSET ?"
                args += [PAGE_SIZE, (query.page - 1) * PAGE_SIZE]
                started = time.perf_counter()
                db.execute(sql, args).fetchall()
                if round_number:
                    samples.append((time.perf_counter() - started) * 1000)
    return rate, samples, round(path.stat().st_size / 1e6, 1)


def tantivy_reference(
    articles: Sequence[Article], queries: Sequence[Query], rounds: int
) -> tuple[float, list[float]]:
    """(docs/s, latencies ms) for tantivy with en_stem; filters as a boolean query."""
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("doc_id", stored=True, tokenizer_name="raw")
    builder.add_text_field("headline", tokenizer_name="en_stem")
    builder.add_text_field("body", tokenizer_name="en_stem")
    builder.add_text_field("authors", tokenizer_name="raw")
    builder.add_integer_field("published", fast=True, indexed=True)
    ix = tantivy.Index(builder.build(), path=None)
    started = time.perf_counter()
    writer = ix.writer()
    for article in articles:
        document = tantivy.Document(
            doc_id=article.id,
            headline=article.headline or "",
            body=article.body,
            published=_day_number(article.published),
        )
        for author in article.authors:
            document.add_text("authors", author)
        writer.add_document(document)
    writer.commit()
    writer.wait_merging_threads()
    rate = len(articles) / (time.perf_counter() - started)
    ix.reload()
    searcher = ix.searcher()
    samples: list[float] = []
    for round_number in range(rounds + 1):
        for query in queries:
            started = time.perf_counter()
            text = query.text if query.kind in ("phrase", "and") else " ".join(query.words())
            parsed = ix.parse_query(text, ["headline", "body"])
            clauses = [(tantivy.Occur.Must, parsed)]
            if query.author:
                term = tantivy.Query.term_query(ix.schema, "authors", query.author)
                clauses.append((tantivy.Occur.Must, term))
            if query.date_from or query.date_to:
                low = _day_number(query.date_from) or 0
                high = _day_number(query.date_to) or 99_999_999
                clauses.append(
                    (
                        tantivy.Occur.Must,
                        tantivy.Query.range_query(
                            ix.schema, "published", tantivy.FieldType.Integer, low, high
                        ),
                    )
                )
            combined = tantivy.Query.boolean_query(clauses) if len(clauses) > 1 else parsed
            options: dict[str, Any] = {"offset": (query.page - 1) * PAGE_SIZE}
            if query.sort:
                options["order_by_field"] = "published"
            result = searcher.search(combined, PAGE_SIZE, **options)
            [searcher.doc(address) for _score, address in result.hits]
            if round_number:
                samples.append((time.perf_counter() - started) * 1000)
    return rate, samples


def _day_number(value: str | None) -> int:
    digits = (value or "")[:10].replace("-", "")
    return int(digits) if len(digits) == 8 and digits.isdigit() else 0
