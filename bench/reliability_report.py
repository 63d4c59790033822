"""The tables of docs/reliability.md, rendered from a ``bench/reliability.py --json`` result."""

from __future__ import annotations


def _summary(row: dict[str, object]) -> str:
    """The few figures that say what a row showed."""
    f: dict[str, object] = row["figures"]  # type: ignore[assignment]
    name = row["scenario"]
    if "skipped" in f:
        return f"skipped: {f['skipped']}"
    if name == "import-kill":
        return f"{f.get('pages_at_end')} pages at the end, each once, latest content"
    if name == "crawl-kill":
        return f"{f.get('pages_per_crawl')} pages per crawl; every resumed cache = uninterrupted"
    if name == "reindex-kill":
        return (
            f"server: {f.get('served_requests')} requests, {f.get('failed_requests')} failed, "
            f"slowest {f.get('slowest_request_ms')} ms, "
            f"peak RSS {f.get('server_peak_rss_mb')} MiB; "
            f"{f.get('imports_beside_reindex')} imports ran beside a reindex"
        )
    if name == "double-reindex":
        return f"refused in {f.get('refused_after_s')} s: {f.get('message')}"
    if name == "disk-full":
        return f"import: {f.get('import_message')}; reindex: {f.get('reindex_message')}"
    if name == "index-damage":
        return ", ".join(map(str, f.get("kinds", [])))  # type: ignore[call-overload]
    if name == "hostile-input":
        cases: list[dict[str, object]] = f.get("cases", [])  # type: ignore[assignment]
        worst = max((c.get("peak_rss_mb", 0) for c in cases), default=0)  # type: ignore[type-var]
        slowest = max((c.get("slowest_page_s", 0) for c in cases), default=0)  # type: ignore[type-var]
        return f"{len(cases)} cases, none crashed; peak RSS {worst} MiB, slowest page {slowest} s"
    if name == "query-fuzz":
        return (
            f"{f.get('requests')} requests: {f.get('statuses')}; "
            f"{f.get('server_errors')} server errors; slowest {f.get('max_seconds')} s"
        )
    if name == "load":
        idle: dict[str, object] = f.get("idle", {})  # type: ignore[assignment]
        return f"idle {idle.get('rps')} rps, p95 {idle.get('p95_ms')} ms (see the load table)"
    return ""


def render_markdown(result: dict[str, object], load_paths: int = 0) -> str:
    """The table of docs/reliability.md, from a ``--json`` result."""
    rows: list[dict[str, object]] = result["rows"]  # type: ignore[assignment]
    size = "--all" if result.get("size") == "all" else "--quick"
    lines = [
        f"Seed {result.get('seed')}, {result.get('kills')} SIGKILLs in total.",
        "",
        "| fault or input | injected | checks | outcome | figures | reproduce |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        outcome = "survived" if row["passed"] else f"{len(row['problems'])} problems"  # type: ignore[arg-type]
        injected = (
            f"{row['kills']} kills / {row['runs']} runs" if row["kills"] else f"{row['runs']} runs"
        )
        command = f"`python bench/reliability.py {size} --only {row['scenario']}`"
        lines.append(
            f"| {row['fault']} | {injected} | {row['checks']} | {outcome} | "
            f"{_summary(row)} | {command} |"
        )
    by_name = {str(row["scenario"]): row for row in rows}
    if "hostile-input" in by_name:
        lines += ["", *_hostile_table(by_name["hostile-input"])]
    if "load" in by_name:
        lines += ["", *_load_table(by_name["load"], load_paths)]
    return "\n".join(lines) + "\n"


def _hostile_table(row: dict[str, object]) -> list[str]:
    cases: list[dict[str, object]] = row["figures"].get("cases", [])  # type: ignore[attr-defined]
    lines = [
        "| input | files (bytes) | stored / failed at import | extracted / rejected | "
        "seconds (slowest page) | peak RSS MiB | reason given |",
        "|---|---|---|---|---|---|---|",
    ]
    for case in cases:
        if case.get("crashed"):
            lines.append(f"| {case['case']} | | | | | | CRASHED: {case.get('error')} |")
            continue
        reasons = "; ".join(map(str, case.get("reasons", []))) or "-"  # type: ignore[call-overload]
        lines.append(
            f"| {case['case']} | {case['inputs']} ({case['input_bytes']:,}) | "
            f"{case['stored']} / {case['import_failed']} | "
            f"{case['extracted']} / {case['rejected']} | "
            f"{case['seconds']} ({case['slowest_page_s']}) | {case['peak_rss_mb']} | "
            f"{reasons} |"
        )
    return lines


def _load_table(row: dict[str, object], load_paths: int) -> list[str]:
    f: dict[str, object] = row["figures"]  # type: ignore[assignment]
    if "skipped" in f:
        return [f"Load: skipped ({f['skipped']})."]
    windows: list[dict[str, object]] = f.get("during_reindex", [])  # type: ignore[assignment]
    lines = [
        f"Load on {f.get('articles'):,} articles (8 connections, "
        f"{load_paths} rotating requests); server peak RSS "
        f"{round(float(f.get('server_peak_rss_mb') or 0), 1)} MiB; full reindex finished during "
        f"the load: {f.get('reindex_finished_during_load')}.",
        "",
        "| phase | requests | failed | rps | p50 ms | p95 ms | p99 ms | max ms |",
        "|---|---|---|---|---|---|---|---|",
    ]
    phases = [("idle", f.get("idle", {}))]
    phases += [(f"during `reindex --full`, window {n}", w) for n, w in enumerate(windows, 1)]
    for label, result in phases:
        r: dict[str, object] = result  # type: ignore[assignment]
        lines.append(
            f"| {label} | {r.get('requests')} | {r.get('errors')} | {r.get('rps')} | "
            f"{r.get('p50_ms')} | {r.get('p95_ms')} | {r.get('p99_ms')} | {r.get('max_ms')} |"
        )
    return lines
