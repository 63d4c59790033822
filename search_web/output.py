"""Plain-text renderings for the terminal: import and reindex summaries, articles, results."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

from indexer.article import Article
from indexer.search_types import SearchResult
from search_web.formatting import display_date, join_names, paragraphs
from search_web.serialize import plain_data
from search_web.status import StatusReport

if TYPE_CHECKING:
    from crawl_cache import ImportReport
    from indexer import ReindexReport

WIDTH = 88


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def import_summary(report: ImportReport) -> str:
    """One line of totals for an import run."""
    parts = [
        f"{report.added:,} added",
        f"{report.replaced:,} replaced",
        f"{report.unchanged:,} unchanged",
        f"{report.failed:,} failed",
    ]
    if report.skipped:
        parts.append(f"{report.skipped:,} skipped (not pages)")
    return f"Imported {_plural(report.inputs, 'input')}: " + ", ".join(parts) + "."


def reindex_summary(report: ReindexReport) -> str:
    """One line of totals for a reindex run."""
    kind = "Full reindex" if report.full else "Reindex"
    return (
        f"{kind}: {report.indexed:,} indexed, {report.unchanged:,} unchanged, "
        f"{report.failed:,} failed in {report.elapsed_s:.1f}s; "
        f"{_plural(report.documents, 'article')} in generation {report.generation}."
    )


def article_summary(article: Article) -> str:
    """A readable view of an extracted article."""
    lines = [article.headline or "(no headline)"]
    facts = [
        ("Source", article.source),
        ("By", join_names(article.authors)),
        ("Published", display_date(article.published, with_time=True)),
        ("Updated", display_date(article.updated, with_time=True)),
        ("Section", article.section),
        ("Tags", ", ".join(article.tags)),
        ("Language", article.language),
        ("URL", article.url),
        ("Canonical", article.canonical_url if article.canonical_url != article.url else None),
        ("Image", article.image),
        ("Words", f"{article.word_count:,}"),
        ("Id", article.id),
    ]
    lines += [f"  {label + ':':<11}{value}" for label, value in facts if value]
    if article.description:
        lines += ["", _wrap(article.description)]
    body = paragraphs(article.body)
    if body:
        lines.append("")
        lines += [_wrap(paragraph) + "\n" for paragraph in body]
    for caption in article.captions:
        lines.append(_wrap(f"[Caption] {caption}"))
    return "\n".join(lines).rstrip()


def search_listing(result: SearchResult) -> str:
    """Ranked results, one block per hit, after a line of totals."""
    request = result.request
    header = (
        f"{_plural(result.total, 'result')}"
        f" (page {request.page} of {result.page_count}, {result.elapsed_ms:.0f} ms)"
    )
    lines = [header]
    if result.notice:
        lines.append(f"Note: {result.notice}")
    if result.suggestion:
        lines.append(f"Did you mean: {result.suggestion}")
    for names in result.variants:
        lines.append(f"Also searched: {', '.join(names.variants)} (for {names.term})")
    if result.key_terms:
        lines.append(f"Key terms: {', '.join(result.key_terms)}")
    if result.timeline:
        peak = max(result.timeline, key=lambda bucket: bucket.count)
        lines.append(
            f"Timeline: {_plural(len(result.timeline), result.timeline_unit or 'period')} "
            f"from {result.timeline[0].label} to {result.timeline[-1].label}; "
            f"most in {peak.label} ({peak.count:,})"
        )
    first_rank = (request.page - 1) * request.page_size + 1
    for rank, hit in enumerate(result.hits, start=first_rank):
        meta = " · ".join(
            part for part in (hit.source, display_date(hit.published), hit.section) if part
        )
        lines += ["", f"{rank}. {hit.headline or '(no headline)'}"]
        if meta:
            lines.append(f"   {meta}")
        if hit.url:
            lines.append(f"   {hit.url}")
        snippet = hit.snippet_text or hit.description
        if snippet:
            lines.append(
                textwrap.fill(snippet, WIDTH, initial_indent="   ", subsequent_indent="   ")
            )
        if hit.copies:
            outlets = join_names([copy.source or copy.url or copy.id for copy in hit.copies])
            lines.append(f"   Also in {_plural(len(hit.copies), 'outlet')}: {outlets}")
    return "\n".join(lines)


def status_summary(report: StatusReport) -> str:
    """What a data directory holds, for `broadsheet stats`."""
    lines = [f"Data directory: {report.settings.data_dir}"]
    cache = report.cache
    if cache is None:
        lines.append("Cache: empty (run `broadsheet import PATH`)")
    else:
        written = display_date(plain_data(cache.last_write_at), with_time=True) or "never"
        lines += [
            f"Cache: {_plural(cache.pages, 'page')}, {_plural(cache.failures, 'failure')}, "
            f"{_size(cache.stored_bytes)} stored ({_size(cache.raw_bytes)} raw), "
            f"last write {written}",
        ]
        for failure in report.recent_failures:
            lines.append(f"  failed: {failure.source}: {failure.reason}")
    index = report.index
    if index is None:
        lines.append(f"Index: not built ({report.index_problem})")
    else:
        reindexed = display_date(plain_data(index.last_reindex_at), with_time=True) or "never"
        lines.append(
            f"Index: {_plural(index.articles, 'article')} from {_plural(index.sources, 'source')}, "
            f"generation {index.generation}, last reindex {reindexed}"
        )
    return "\n".join(lines)


def _size(count: int) -> str:
    size = float(count)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


def _wrap(text: str) -> str:
    return textwrap.fill(text, WIDTH)


def server_url(host: str, port: int) -> str:
    """The address to print for a listening server (IPv6 hosts in brackets)."""
    shown = "127.0.0.1" if host in ("", "0.0.0.0") else host
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/"
