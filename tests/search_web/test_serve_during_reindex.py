"""A full reindex while ``broadsheet serve`` is under load fails no request."""

from __future__ import annotations

import json
import shutil
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from live_server import LiveServer, run_cli, wait_for_http

pytestmark = pytest.mark.slow

QUERIES = ["strike", "flood", "election", "port strike", "telescope", "festival", "rail"]


def _hammer(base_url: str, stop: threading.Event, outcomes: list[tuple[str, int]]) -> None:
    turn = 0
    while not stop.is_set():
        query = QUERIES[turn % len(QUERIES)]
        path = (
            f"/api/search?q={urllib.request.quote(query)}"
            if turn % 2
            else f"/search?q={urllib.request.quote(query)}"
        )
        try:
            with urllib.request.urlopen(base_url + path, timeout=30) as response:
                response.read()
                outcomes.append((path, response.status))
        except urllib.error.HTTPError as error:
            outcomes.append((path, error.code))
        except OSError as error:  # connection refused or reset: a failed request too
            outcomes.append((f"{path} ({error})", 0))
        turn += 1


def test_full_reindex_under_load_fails_no_request(demo_data_dir: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    shutil.copytree(demo_data_dir, data_dir)
    server = LiveServer(data_dir)
    try:
        wait_for_http(f"{server.url}/healthz")
        with urllib.request.urlopen(f"{server.url}/healthz") as response:
            generation_before = json.load(response).get("generation")

        stop = threading.Event()
        outcomes: list[tuple[str, int]] = []
        clients = [
            threading.Thread(target=_hammer, args=(server.url, stop, outcomes)) for _ in range(4)
        ]
        for client in clients:
            client.start()
        try:
            for _ in range(2):
                result = run_cli("reindex", "--full", data_dir=data_dir)
                assert result.returncode == 0, result.stderr
        finally:
            stop.set()
            for client in clients:
                client.join(timeout=60)

        failed = [(path, status) for path, status in outcomes if status != 200]
        assert len(outcomes) > 20, "the load generator barely ran"
        assert failed == []

        with urllib.request.urlopen(f"{server.url}/healthz") as response:
            health = json.load(response)
        assert health.get("generation") != generation_before
        assert health.get("articles", 0) > 0
    finally:
        server.stop()
