"""The speed bench's query figures over an existing data dir, which is only read.

    python bench/speed_serving.py --data-dir /work/data100k --records 100000 --json OUT

The query mix is drawn from the first ``--records`` records of the bench's shuffle (the
records the data dir was built from). Two measurements, each with plain Whoosh's core
query on the very same index files:

- in process, CPU time per query: ``SearchService.search`` with its result and count
  caches off (the API's whole search: snippets, facets, story counts, timeline,
  spelling, key terms) against the core query, the two interleaved query by query,
  medians over ``--rounds`` rounds;
- over HTTP (``speed.serve_figures``): the API and the page interleaved on one
  ``broadsheet serve`` with its result cache off, the time to the first answer, then
  the cached repeats, the load and the memory on a normally started server.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[1]
for _path in (REPO_ROOT, REPO_ROOT / "bench"):
    if str(_path) not in sys.path:  # run as a script from a checkout
        sys.path.insert(0, str(_path))

from speed import (  # noqa: E402
    DEFAULT_CORPUS,
    PROSE_FIELDS,
    Settings,
    core_query,
    live_generation_dir,
    machine,
    percentiles,
    read_corpus,
    serve_figures,
)
from speed_queries import Query, Record, query_mix  # noqa: E402


def cpu_figures(index_dir: Path, queries: Sequence[Query], rounds: int) -> dict[str, Any]:
    """CPU milliseconds per query, product search and plain core query, on one index."""
    from werkzeug.datastructures import MultiDict
    from whoosh import index as whoosh_index
    from whoosh import qparser

    from indexer.search import SearchService
    from search_web.params import parse_search_request

    generation = live_generation_dir(index_dir)
    whoosh_dir = generation / "whoosh" if (generation / "whoosh").exists() else generation
    ix = whoosh_index.open_dir(str(whoosh_dir))
    parser = qparser.MultifieldParser(list(PROSE_FIELDS), ix.schema, group=qparser.OrGroup)
    product: list[list[float]] = [[] for _ in queries]
    plain: list[list[float]] = [[] for _ in queries]
    plain_wall: list[list[float]] = [[] for _ in queries]
    with SearchService(index_dir, result_cache_entries=0) as service, ix.searcher() as searcher:
        requests = [parse_search_request(MultiDict(query.params())) for query in queries]
        for round_number in range(rounds + 1):  # the first round opens files and caches
            for number, (query, request) in enumerate(zip(queries, requests, strict=True)):
                started, wall = time.process_time(), time.perf_counter()
                core_query(searcher, parser, query)
                middle, wall = time.process_time(), time.perf_counter() - wall
                service.search(request)
                ended = time.process_time()
                if round_number:
                    plain[number].append((middle - started) * 1000)
                    plain_wall[number].append(wall * 1000)
                    product[number].append((ended - middle) * 1000)
    ix.close()
    ours = percentiles([statistics.median(times) for times in product])
    theirs = percentiles([statistics.median(times) for times in plain])
    figures: dict[str, Any] = {f"api_cpu_{k}_ms": v for k, v in ours.items()}
    figures.update({f"plain_query_cpu_{k}_ms": v for k, v in theirs.items()})
    figures["api_cpu_p95_ratio"] = round(ours["p95"] / theirs["p95"], 2)
    figures["api_cpu_p50_ratio"] = round(ours["p50"] / theirs["p50"], 2)
    # Wall time, as speed.py compares the API over HTTP with the core query.
    walls = percentiles([statistics.median(times) for times in plain_wall])
    figures.update({f"plain_query_{k}_ms": v for k, v in walls.items()})
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--records", type=int, required=True, help="records the mix comes from")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, default=2, help="timed rounds, in process")
    parser.add_argument("--load-seconds", type=float, default=20.0)
    parser.add_argument("--no-http", action="store_true", help="in-process figures only")
    parser.add_argument("--no-cpu", action="store_true", help="HTTP figures only")
    parser.add_argument("--json", dest="json_out", type=Path)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    records = [Record.from_line(line) for line in read_corpus(args.corpus, args.records)]
    queries = query_mix(records)
    figures: dict[str, Any] = {"records": args.records, "queries": len(queries)}
    if not args.no_cpu:
        figures.update(cpu_figures(args.data_dir / "index", queries, args.rounds))
        print(json.dumps(figures, indent=2), flush=True)
    if not args.no_http:
        settings = Settings(
            sizes=(args.records,),
            corpus=args.corpus,
            workdir=Path(tempfile.gettempdir()),
            load_seconds=args.load_seconds,
            html_sample=0,
            query_rounds=args.rounds,
            references=False,
        )
        figures.update(serve_figures(args.data_dir, records, queries, settings))
        figures["page_p95_minus_api_ms"] = round(figures["page_p95_ms"] - figures["api_p95_ms"], 2)
        if "plain_query_p95_ms" in figures:
            figures["api_p95_ratio"] = round(
                figures["api_p95_ms"] / figures["plain_query_p95_ms"], 2
            )
        print(json.dumps(figures, indent=2))
    if args.json_out:
        document = {
            "command": " ".join([Path(sys.argv[0]).name, *sys.argv[1:]]),
            "machine": machine(),
            "data_dir": str(args.data_dir),
            "elapsed_s": round(time.perf_counter() - started, 1),
            "figures": figures,
        }
        args.json_out.write_text(json.dumps(document, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
