"""The load generator: its wrk script, parsing wrk output, a short run on a local server."""

from __future__ import annotations

import importlib.util
import shutil
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "loadgen.py"


@pytest.fixture(scope="module")
def loadgen() -> ModuleType:
    spec = importlib.util.spec_from_file_location("loadgen_bench", BENCH)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as wrk expects
    seen: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
        self.seen.append(self.path)
        status = 404 if self.path.startswith("/missing") else 200
        body = f"page {self.path}".encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def local_server() -> Iterator[str]:
    _Handler.seen = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_script_lists_every_path_escaped(loadgen: ModuleType) -> None:
    script = loadgen.lua_script(['/search?q="oil price"', "/api/search?q=m\u00fcnchen"])
    assert '"/search?q=\\034oil price\\034"' in script
    assert "m\\195\\188nchen" in script  # UTF-8 bytes of ü
    assert "function done(summary, latency, requests)" in script


def test_script_needs_paths(loadgen: ModuleType) -> None:
    with pytest.raises(loadgen.LoadgenError):
        loadgen.lua_script([])


def test_parse_counts_bad_statuses_and_socket_errors(loadgen: ModuleType) -> None:
    stdout = (
        "Running 2s test\n"
        'LOADGEN_JSON {"requests": 100, "duration_us": 2000000, "p50_us": 1500, "p95_us": 4000, '
        '"p99_us": 9000, "max_us": 12000, "connect": 0, "read": 1, "write": 0, "timeout": 2, '
        '"status": {"200": 90, "302": 3, "404": 4, "503": 3}}\n'
    )
    result = loadgen.parse_wrk_output(stdout, clients=8)
    assert result.requests == 100
    assert result.rps == 50.0
    assert result.errors == 4 + 3 + 1 + 2
    assert (result.p50_ms, result.p95_ms, result.p99_ms, result.max_ms) == (1.5, 4.0, 9.0, 12.0)
    assert result.status_counts == {"200": 90, "302": 3, "404": 4, "503": 3}
    assert result.to_dict()["clients"] == 8


def test_parse_without_result_line_fails(loadgen: ModuleType) -> None:
    with pytest.raises(loadgen.LoadgenError, match="no result"):
        loadgen.parse_wrk_output("unable to connect\n")


def test_missing_wrk_says_how_to_install(
    loadgen: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", "")
    with pytest.raises(loadgen.LoadgenError, match="apt-get install wrk"):
        loadgen.run_load("http://127.0.0.1:9", ["/"], duration_s=1)


def test_base_url_path_prefixes_every_path(loadgen: ModuleType) -> None:
    target, paths = loadgen._full_paths("http://h:1/app/", ["/a?q=1", "b"])
    assert target == "http://h:1/"
    assert paths == ["/app/a?q=1", "/app/b"]


@pytest.mark.slow
def test_short_run_against_local_server(loadgen: ModuleType, local_server: str) -> None:
    if shutil.which("wrk") is None:
        pytest.skip("wrk is not installed (apt-get install wrk)")
    paths = ["/one", "/two?q=a%20b", "/missing"]
    result = loadgen.run_load(local_server, paths, clients=2, duration_s=2)
    assert result.requests > 10
    assert set(result.status_counts) == {"200", "404"}
    assert result.errors == result.status_counts["404"] + sum(result.socket_errors.values())
    assert result.status_counts["200"] > result.status_counts["404"] > 0
    assert 0 < result.p50_ms <= result.p95_ms <= result.p99_ms <= result.max_ms
    assert {"/one", "/two?q=a%20b", "/missing"} <= set(_Handler.seen)
