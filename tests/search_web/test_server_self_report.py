"""What the server tells about its own work: the result cache it keeps, the time it took."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient

from search_web import cli
from search_web.app import create_app
from search_web.commands import serve as serve_commands
from search_web.service import EXTENSION_KEY, close_search_service
from search_web.settings import Settings


def _served_cache_size(app: Any) -> int:
    service = app.extensions[EXTENSION_KEY].get()
    try:
        return service._results._max
    finally:
        close_search_service(app)


@pytest.mark.parametrize(("option", "expected"), [([], 512), (["--result-cache", "0"], 0)])
def test_serve_passes_the_result_cache_size_to_the_service(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: list[str], expected: int
) -> None:
    sizes: list[int] = []

    def fake_serve(app: Any, **_options: Any) -> None:
        sizes.append(app.extensions[EXTENSION_KEY].get()._results._max)

    monkeypatch.setattr(serve_commands.waitress, "serve", fake_serve)
    result = CliRunner().invoke(cli.main, ["--data-dir", str(tmp_path), "serve", *option])
    assert result.exit_code == 0, result.output
    assert sizes == [expected]


def test_a_negative_result_cache_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli.main, ["--data-dir", str(tmp_path), "serve", "--result-cache", "-1"]
    )
    assert result.exit_code == 2
    assert "--result-cache" in result.output


def test_create_app_without_a_result_cache(tmp_path: Path) -> None:
    assert _served_cache_size(create_app(Settings(tmp_path), result_cache=0)) == 0
    assert _served_cache_size(create_app(Settings(tmp_path), result_cache=7)) == 7


@pytest.mark.parametrize("path", ["/api/search?q=strike", "/search?q=strike", "/no-such-page"])
def test_every_answer_says_what_it_cost_the_server(client: FlaskClient, path: str) -> None:
    timing = client.get(path).headers["Server-Timing"]
    found = dict(re.findall(r"(\w+);dur=([0-9.]+)", timing))
    assert set(found) == {"app", "cpu"}
    assert float(found["app"]) > 0
    assert float(found["cpu"]) >= 0
