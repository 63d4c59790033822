"""Pages per second of Broadsheet's scraper and anchor extractors, page by page in turn.

The shared harness times each extractor over a whole data set before the next one starts,
so on a busy machine the ratio between two extractors follows the machine's load rather
than the code. This script gives every page to each extractor in turn (the order rotating
from page to page) and counts both CPU time and wall time of the calls alone, so both
extractors meet the same load. Run it with the anchors' Python:

    ~/.cache/broadsheet/anchors-venv/bin/python bench/extraction_speed.py
    ~/.cache/broadsheet/anchors-venv/bin/python bench/extraction_speed.py --anchors trafilatura \\
        --rounds 3 --json bench/out/extraction-speed.json
"""

from __future__ import annotations

import argparse
import gc
import gzip
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
HARNESS_DIR = REPO / ".." / "shared" / "bench"
DATA_DIR = REPO / ".." / "shared" / "data"
DATA_SETS = ("extraction-dev", "extraction-dev-trafilatura")

Extractor = Callable[[str, str | None], Any]


def load_pages(names: tuple[str, ...], limit: int | None) -> list[tuple[str, str | None]]:
    """(decoded HTML, URL) of every page of the named sets, decoded as the harness does."""
    from textutil import decode_html  # the harness's decoding, from HARNESS_DIR

    pages: list[tuple[str, str | None]] = []
    for name in names:
        folder = DATA_DIR / name
        with (folder / "truth.jsonl").open(encoding="utf-8") as truth:
            rows = [json.loads(line) for line in truth if line.strip()]
        for row in rows[:limit] if limit else rows:
            packed = folder / "pages" / f"{row['id']}.html.gz"
            raw = gzip.decompress(packed.read_bytes()) if packed.exists() else None
            if raw is None:
                raw = (folder / "pages" / f"{row['id']}.html").read_bytes()
            pages.append((decode_html(raw), row.get("url")))
    return pages


def measure(
    extractors: dict[str, Extractor], pages: list[tuple[str, str | None]]
) -> dict[str, dict[str, float]]:
    """CPU and wall seconds each extractor spent on the pages, taking turns page by page."""
    names = list(extractors)
    spent = {name: {"cpu_s": 0.0, "wall_s": 0.0, "failures": 0} for name in names}
    for index, (html, url) in enumerate(pages):
        shift = index % len(names)
        for name in names[shift:] + names[:shift]:
            cpu, wall = time.process_time(), time.perf_counter()
            try:
                extractors[name](html, url)
            except Exception:  # noqa: BLE001 - a failure is counted, as the harness does
                spent[name]["failures"] += 1
            # Collect the young objects the call left behind inside its own time, so the
            # collector's work on one extractor's garbage is not charged to the next.
            gc.collect(0)
            spent[name]["wall_s"] += time.perf_counter() - wall
            spent[name]["cpu_s"] += time.process_time() - cpu
    for figures in spent.values():
        figures["pages_per_cpu_s"] = len(pages) / figures["cpu_s"] if figures["cpu_s"] else 0.0
        figures["pages_per_s"] = len(pages) / figures["wall_s"] if figures["wall_s"] else 0.0
    return spent


def main(argv: list[str] | None = None) -> int:
    args = _parse(argv)
    sys.path[:0] = [str(HARNESS_DIR.resolve()), str(REPO / "bench")]
    import anchors  # the harness's adapters
    from broadsheet_extractor import extract

    extractors: dict[str, Extractor] = {"broadsheet": extract}
    for name in args.anchors or ["trafilatura"]:
        extractors[name] = getattr(anchors, f"{name}_extract")
    pages = load_pages(tuple(args.data or DATA_SETS), args.limit)
    for function in extractors.values():  # untimed warm-up, as in the harness
        function(*pages[0])
    rounds = [measure(extractors, pages) for _ in range(args.rounds)]
    summary: dict[str, Any] = {"pages": len(pages), "rounds": rounds, "median": {}}
    print(f"{len(pages)} pages, {args.rounds} round(s), medians:")
    for name in extractors:
        cpu = statistics.median(r[name]["pages_per_cpu_s"] for r in rounds)
        wall = statistics.median(r[name]["pages_per_s"] for r in rounds)
        summary["median"][name] = {"pages_per_cpu_s": cpu, "pages_per_s": wall}
        print(f"  {name:12s} {cpu:6.1f} pages/CPU-s {wall:6.1f} pages/s (wall)")
    base = summary["median"]["broadsheet"]
    for name in list(extractors)[1:]:
        other = summary["median"][name]
        ratio_cpu = base["pages_per_cpu_s"] / other["pages_per_cpu_s"]
        ratio_wall = base["pages_per_s"] / other["pages_per_s"]
        summary["median"][f"broadsheet/{name}"] = {"cpu": ratio_cpu, "wall": ratio_wall}
        print(f"  broadsheet / {name}: {ratio_cpu:.2f}x (CPU), {ratio_wall:.2f}x (wall)")
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(summary, indent=2), encoding="utf-8")
    return 0


def _parse(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--anchors",
        action="append",
        help="anchor adapter name, e.g. trafilatura (repeatable; default trafilatura)",
    )
    parser.add_argument("--data", action="append", choices=DATA_SETS, help="one data set")
    parser.add_argument("--limit", type=int, help="only the first N pages of each set")
    parser.add_argument("--rounds", type=int, default=1, help="passes over the pages")
    parser.add_argument("--json", help="write the figures to this file")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(main())
