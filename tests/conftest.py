"""Fixtures shared across the test packages: real-data paths and a live server."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from live_server import LiveServer, run_cli, wait_for_http

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real-world data beside the repo; tests that need it skip when it is absent."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real-world data not present at {SHARED_DATA}")
    return SHARED_DATA


@pytest.fixture(scope="session")
def demo_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A data directory holding the bundled demo collection, imported and indexed."""
    data_dir = tmp_path_factory.mktemp("demo-data")
    result = run_cli("demo", "--no-serve", data_dir=data_dir)
    assert result.returncode == 0, result.stderr
    return data_dir


@pytest.fixture(scope="session")
def live_server(demo_data_dir: Path) -> Iterator[LiveServer]:
    """``broadsheet serve`` over the demo collection on a free loopback port."""
    server = LiveServer(demo_data_dir)
    try:
        wait_for_http(f"{server.url}/healthz")
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Debian's Chromium; required under CI, skipped on a developer machine without it."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run should have installed it")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return path
