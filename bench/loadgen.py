"""Load generator: drive an HTTP server with ``wrk`` over a rotating list of paths.

Usage::

    python bench/loadgen.py http://127.0.0.1:8080 --paths-file paths.txt \\
                            [--clients 8] [--duration 20] [--json OUT|-]

From Python (with ``bench/`` on ``sys.path``)::

    from loadgen import run_load
    result = run_load("http://127.0.0.1:8080", ["/search?q=oil", "/api/search?q=gold"])
    print(result.p95_ms, result.errors)

``wrk`` keeps ``clients`` connections open for ``duration_s`` seconds; each connection
sends the next path of the list (every wrk thread starts at a different place in it).
A generated Lua script counts the status of every response and prints one JSON line from
wrk's ``done`` hook, which is parsed into a :class:`LoadResult`. Errors are responses
outside 2xx/3xx plus socket errors (connect, read, write, timeout).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

__all__ = ["LoadResult", "LoadgenError", "run_load", "lua_script"]

_JSON_MARKER = "LOADGEN_JSON "
#: A request slower than this counts as a timeout error (wrk's default is 2 s).
_REQUEST_TIMEOUT_S = 10


class LoadgenError(RuntimeError):
    """wrk is missing, refused the arguments, or printed no result."""


@dataclass(frozen=True, slots=True)
class LoadResult:
    """What one load run measured; latencies in milliseconds."""

    requests: int
    errors: int
    rps: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    max_ms: float
    status_counts: dict[str, int]
    duration_s: float = 0.0
    clients: int = 0
    socket_errors: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def _lua_string(text: str) -> str:
    """A Lua string literal for any text: every byte outside plain ASCII is escaped."""
    out = []
    for byte in text.encode("utf-8"):
        char = chr(byte)
        if (char.isascii() and char.isalnum()) or char in "/?=&%+-_.~:,;@!*()[]{}<>|^$# '":
            out.append(char)
        else:
            out.append(f"\\{byte:03d}")
    return '"' + "".join(out) + '"'


def lua_script(paths: Sequence[str]) -> str:
    """The wrk script rotating through ``paths`` and reporting JSON from ``done``."""
    if not paths:
        raise LoadgenError("no paths to request")
    table = ",\n  ".join(_lua_string(path) for path in paths)
    return _LUA_TEMPLATE.replace("__PATHS__", table).replace("__MARKER__", _JSON_MARKER)


_LUA_TEMPLATE = r"""
local paths = {
  __PATHS__
}
local threads = {}

function setup(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  position = (offset * 7919) % #paths
end

function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position])
end

function response(status, headers, body)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
  local merged = {}
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    if counts then
      for key, value in pairs(counts) do
        merged[key] = (merged[key] or 0) + value
      end
    end
  end
  local parts = {}
  for key, value in pairs(merged) do
    table.insert(parts, string.format('"%s": %d', key, value))
  end
  local e = summary.errors
  io.write("__MARKER__")
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p95_us": %d, "p99_us": %d, ' ..
    '"max_us": %d, "connect": %d, "read": %d, "write": %d, "timeout": %d, ' ..
    '"status": {%s}}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    latency:percentile(99), latency.max, e.connect, e.read, e.write, e.timeout,
    table.concat(parts, ", ")))
end
"""


def _wrk_path() -> str:
    path = shutil.which("wrk")
    if path is None:
        raise LoadgenError("wrk is not installed (apt-get install wrk)")
    return path


def _full_paths(base_url: str, paths: Sequence[str]) -> tuple[str, list[str]]:
    """wrk's target (scheme://host:port/) and each path under the base URL's own path."""
    parts = urlsplit(base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise LoadgenError(f"not an http(s) URL: {base_url!r}")
    prefix = parts.path.rstrip("/")
    full = [prefix + (path if path.startswith("/") else "/" + path) for path in paths]
    return f"{parts.scheme}://{parts.netloc}/", full


def parse_wrk_output(stdout: str, *, clients: int = 0) -> LoadResult:
    """The :class:`LoadResult` from wrk's output (the JSON line the script prints)."""
    for line in stdout.splitlines():
        if line.startswith(_JSON_MARKER):
            raw = json.loads(line[len(_JSON_MARKER) :])
            break
    else:
        raise LoadgenError(f"wrk printed no result:\n{stdout[-2000:]}")
    statuses = {key: int(value) for key, value in sorted(raw["status"].items())}
    bad_status = sum(n for key, n in statuses.items() if not 200 <= int(key) < 400)
    sockets = {key: int(raw[key]) for key in ("connect", "read", "write", "timeout")}
    duration_s = raw["duration_us"] / 1e6
    requests = int(raw["requests"])
    return LoadResult(
        requests=requests,
        errors=bad_status + sum(sockets.values()),
        rps=round(requests / duration_s, 1) if duration_s > 0 else 0.0,
        p50_ms=raw["p50_us"] / 1000,
        p95_ms=raw["p95_us"] / 1000,
        p99_ms=raw["p99_us"] / 1000,
        max_ms=raw["max_us"] / 1000,
        status_counts=statuses,
        duration_s=round(duration_s, 3),
        clients=clients,
        socket_errors=sockets,
    )


def run_load(
    base_url: str, paths: Sequence[str], *, clients: int = 8, duration_s: float = 20.0
) -> LoadResult:
    """Keep ``clients`` connections busy for ``duration_s`` seconds, cycling through ``paths``."""
    wrk = _wrk_path()
    if clients < 1:
        raise LoadgenError("clients must be at least 1")
    target, full = _full_paths(base_url, paths)
    seconds = max(1, math.ceil(duration_s))  # wrk takes whole seconds
    threads = max(1, min(clients, os.cpu_count() or 1))
    with tempfile.TemporaryDirectory(prefix="loadgen-") as tmp:
        script = Path(tmp) / "rotate.lua"
        script.write_text(lua_script(full), encoding="utf-8")
        command = [
            wrk,
            f"--threads={threads}",
            f"--connections={clients}",
            f"--duration={seconds}s",
            f"--timeout={_REQUEST_TIMEOUT_S}s",
            f"--script={script}",
            target,
        ]
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=seconds + 60, check=False
        )
    if done.returncode != 0:
        raise LoadgenError(f"wrk failed ({done.returncode}): {done.stderr.strip() or done.stdout}")
    return parse_wrk_output(done.stdout, clients=clients)


def read_paths(path: Path) -> list[str]:
    """One path per line; blank lines and lines starting with ``#`` are skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("url", help="base URL of the server, e.g. http://127.0.0.1:8080")
    parser.add_argument("--paths-file", type=Path, help="paths to request, one per line")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--duration", type=float, default=20.0, help="seconds")
    parser.add_argument("--json", dest="json_out", help="write the result as JSON (- = stdout)")
    args = parser.parse_args(argv)
    paths = read_paths(args.paths_file) if args.paths_file else ["/"]
    try:
        result = run_load(args.url, paths, clients=args.clients, duration_s=args.duration)
    except LoadgenError as error:
        print(f"loadgen: {error}", file=sys.stderr)
        return 2
    if args.json_out == "-":
        print(json.dumps(result.to_dict(), indent=2))
    else:
        if args.json_out:
            Path(args.json_out).write_text(json.dumps(result.to_dict(), indent=2) + "\n")
        print(
            f"{result.requests} requests in {result.duration_s:.1f} s with {result.clients} "
            f"clients: {result.rps:.1f} req/s, p50 {result.p50_ms:.1f} ms, "
            f"p95 {result.p95_ms:.1f} ms, p99 {result.p99_ms:.1f} ms, max {result.max_ms:.1f} ms, "
            f"errors {result.errors}, statuses {result.status_counts}"
        )
    return 1 if result.errors else 0


if __name__ == "__main__":
    sys.exit(main())
