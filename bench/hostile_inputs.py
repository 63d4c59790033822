"""Hostile inputs for the importers and the scraper, and a measured run of each in its own process.

    python bench/hostile_inputs.py --all --json OUT     # every case, one child process each
    python bench/hostile_inputs.py --case gzip-bomb-warc # one case, printed as JSON

Each case is a small file written to a temporary folder: truncated and byte-flipped
pages, 100,000-deep nesting, a 9 MB attribute, wrong and mixed charsets, NUL bytes,
billion-laughs entities (HTML and XHTML), and gzip bombs (a WARC payload with
``Content-Encoding: gzip``, a gzipped WARC member, an ``.html.gz`` and a ``.jsonl.gz``,
each inflating to 1 GiB). The child imports it into a fresh cache, extracts every stored
page, and reports what happened, the wall time and its own peak memory (VmHWM).
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

BOMB_BYTES = 1 << 30  # what each gzip bomb inflates to
_CHUNK = 1 << 20

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Ferry service resumes after storm</title>
<meta property="og:type" content="article">
<meta property="article:published_time" content="2024-06-01T07:00:00Z">
<link rel="canonical" href="https://hostile.example/ferry-resumes"></head>
<body><article><h1>Ferry service resumes after storm</h1><p class="byline">By Ada Quay</p>
<p>The morning ferry sailed again on Saturday after three days in port while the storm
blew through the strait, the harbour office said in a short statement.</p>
<p>Passengers queued from dawn at the north quay; the crew checked the ramps and the
lifeboats before the first crossing, which left twenty minutes late.</p>
<p>Timetables return to normal on Monday, and tickets bought for the cancelled sailings
will be honoured on any crossing this month.</p></article></body></html>
"""


def _gzip_zeros(size: int, *, member_header: bytes = b"") -> bytes:
    """gzip data inflating to ``header`` plus ``size`` zero bytes (compressed ~1000:1)."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9, mtime=0) as packed:
        packed.write(member_header)
        zeros = bytes(_CHUNK)
        for _ in range(size // _CHUNK):
            packed.write(zeros)
    return out.getvalue()


def _warc_record(uri: str, http_block: bytes) -> bytes:
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {uri}\r\nWARC-Date: 2024-06-01T07:00:00Z\r\n"
        "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000001>\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        f"Content-Length: {len(http_block)}\r\n\r\n"
    ).encode()
    return head + http_block + b"\r\n\r\n"


def _http(body: bytes, *headers: str) -> bytes:
    lines = ["HTTP/1.1 200 OK", "Content-Type: text/html; charset=utf-8", *headers]
    lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def _billion_laughs(doctype: str) -> str:
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">'
        for n in range(1, 10)
    ]
    return f"<!DOCTYPE {doctype} [\n{chr(10).join(entities)}\n]>"


def _mutated(seed: int, count: int) -> list[bytes]:
    rng = random.Random(seed)
    pages = []
    raw = PAGE.encode()
    for _ in range(count):
        data = bytearray(raw)
        for _ in range(rng.randint(1, 40)):
            data[rng.randrange(len(data))] = rng.randrange(256)
        cut = rng.randrange(len(data) // 4, len(data) + 1)
        pages.append(bytes(data[:cut]))
    return pages


def write_case(name: str, folder: Path) -> list[Path]:
    """Write the input files of one case into ``folder``; returns the paths to import."""
    folder.mkdir(parents=True, exist_ok=True)
    body = PAGE.split("<body>", 1)[1]
    files: dict[str, bytes] = {}
    if name == "truncated-markup":
        raw = PAGE.encode()
        files = {f"cut-{n:03d}.html": raw[: len(raw) * n // 50] + b"\n" for n in range(1, 50)}
    elif name == "mutated-pages":
        files = {f"mut-{n:03d}.html": page for n, page in enumerate(_mutated(8, 300))}
    elif name == "deep-nesting":
        files = {"deep.html": (PAGE[:200] + "<div>" * 100_000 + "<p>deep</p>").encode()}
    elif name == "huge-attribute":
        files = {
            "attr.html": PAGE.replace("<p>", '<p title="' + "x" * 9_000_000 + '">', 1).encode()
        }
    elif name == "wrong-charsets":
        files = {
            "latin1-says-utf8.html": PAGE.replace("ferry", "ferr\xe9").encode("latin-1"),
            "utf16-no-bom.html": PAGE.encode("utf-16-le"),
            "bogus-charset.html": PAGE.replace('charset="utf-8"', 'charset="x-bogus"').encode(),
            "utf7.html": PAGE.replace('charset="utf-8"', 'charset="utf-7"').encode(),
            "mixed.html": PAGE.encode()[:600] + "é café".encode("cp1252") + PAGE.encode()[600:],
            "shift-jis.html": PAGE.replace("storm", "嵐").encode("shift_jis", "replace"),
        }
    elif name == "nul-bytes":
        files = {
            "nul.html": PAGE.replace(" ", " \x00", 40).encode(),
            "nul-head.html": b"\x00" * 64 + PAGE.encode(),
        }
    elif name == "billion-laughs-html":
        page = _billion_laughs("html") + PAGE.split("\n", 1)[1].replace("Ada", "&lol9;")
        files = {"laughs.html": page.encode()}
    elif name == "billion-laughs-xhtml":
        page = (
            '<?xml version="1.0"?>\n' + _billion_laughs("html") + "\n"
            '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>&lol9;</title></head>'
            f"<body>{body.replace('Ada', '&lol9;')}"
        )
        files = {"laughs.xhtml": page.encode()}
    elif name == "gzip-bomb-warc-payload":
        bomb = _gzip_zeros(BOMB_BYTES, member_header=b"<html><body><p>")
        files = {
            "payload.warc": _warc_record(
                "https://hostile.example/bomb", _http(bomb, "Content-Encoding: gzip")
            )
        }
    elif name == "gzip-bomb-warc-member":
        files = {"member.warc.gz": _warc_member_bomb()}
    elif name == "gzip-bomb-html":
        files = {"bomb.html.gz": _gzip_zeros(BOMB_BYTES, member_header=b"<html><body><p>")}
    elif name == "gzip-bomb-jsonl":
        files = {
            "bomb.jsonl.gz": _gzip_zeros(BOMB_BYTES, member_header=b'{"headline": "x", "body": "')
        }
    else:
        raise KeyError(name)
    paths = []
    for file_name, data in files.items():
        path = folder / file_name
        path.write_bytes(data)
        paths.append(path)
    return paths


def _warc_member_bomb() -> bytes:
    """One gzip member holding a WARC resource record whose 1 GiB payload is zeros."""
    head = (
        "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Target-URI: https://hostile.example/member\r\n"
        "WARC-Date: 2024-06-01T07:00:00Z\r\n"
        "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000002>\r\n"
        f"Content-Type: text/html\r\nContent-Length: {BOMB_BYTES + 15}\r\n\r\n<html><body><p>"
    ).encode()
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=9, mtime=0) as packed:
        packed.write(head)
        zeros = bytes(_CHUNK)
        for _ in range(BOMB_BYTES // _CHUNK):
            packed.write(zeros)
        packed.write(b"\r\n\r\n")
    return out.getvalue()


CASES = (
    "truncated-markup",
    "mutated-pages",
    "deep-nesting",
    "huge-attribute",
    "wrong-charsets",
    "nul-bytes",
    "billion-laughs-html",
    "billion-laughs-xhtml",
    "gzip-bomb-warc-payload",
    "gzip-bomb-warc-member",
    "gzip-bomb-html",
    "gzip-bomb-jsonl",
)


def run_case(name: str, folder: Path) -> dict[str, object]:
    """Import a case into a fresh cache and extract every stored page (in this process)."""
    from crawl_cache import CrawlCache, import_paths
    from indexer import ExtractionError, extract_article

    paths = write_case(name, folder / "in")
    # Warm up: the first extraction loads the language models, which is not the page's cost.
    extract_article(PAGE.encode(), "https://hostile.example/warm-up")
    started = time.monotonic()
    slowest = 0.0
    extracted = rejected = 0
    with CrawlCache.open(folder / "cache.sqlite3") as cache:
        report = import_paths(cache, paths)
        for page in cache.iter_pages():
            page_started = time.monotonic()
            try:
                extract_article(page.body, page.url, content_type=page.content_type)
                extracted += 1
            except ExtractionError:
                rejected += 1
            slowest = max(slowest, time.monotonic() - page_started)
    return {
        "case": name,
        "inputs": len(paths),
        "input_bytes": sum(path.stat().st_size for path in paths),
        "stored": report.added + report.replaced + report.unchanged,
        "import_failed": report.failed,
        "reasons": sorted({failure.reason.split(";")[0][:90] for failure in report.failures})[:4],
        "extracted": extracted,
        "rejected": rejected,
        "seconds": round(time.monotonic() - started, 2),
        "slowest_page_s": round(slowest, 3),
    }


def measure(name: str, timeout_s: float = 300) -> dict[str, object]:
    """Run one case in a child process; add its peak RSS, or say how it failed."""
    child = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--case", name],
        capture_output=True,
        text=True,
        timeout=timeout_s,
        check=False,
    )
    if child.returncode != 0:
        tail = child.stderr.strip().splitlines()[-1:] or ["(no output)"]
        return {"case": name, "crashed": True, "error": tail[0]}
    return json.loads(child.stdout.strip().splitlines()[-1])


def _peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--case", choices=CASES)
    parser.add_argument("--all", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    if args.case:
        with tempfile.TemporaryDirectory(prefix="broadsheet-hostile-") as temp:
            result = run_case(args.case, Path(temp))
        result["peak_rss_mb"] = _peak_rss_mb()
        print(json.dumps(result))
        return 0
    rows = [measure(name) for name in CASES]
    for row in rows:
        print(json.dumps(row), file=sys.stderr)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 0 if not any(row.get("crashed") for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
