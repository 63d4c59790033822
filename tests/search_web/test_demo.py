"""The demo: where its data lives, preparing it from the bundled pages, and serving it."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from search_web import cli, demo
from search_web.commands import serve as serve_commands
from search_web.demo import demo_collection, demo_settings


def test_explicit_data_dir_is_used_as_given(tmp_path: Path) -> None:
    assert demo_settings(tmp_path / "mine", {}).data_dir == (tmp_path / "mine").resolve()


def test_default_demo_dir_sits_beside_the_usual_one(tmp_path: Path) -> None:
    environ = {"XDG_DATA_HOME": str(tmp_path / "xdg")}
    assert demo_settings(None, environ).data_dir == (tmp_path / "xdg" / "broadsheet-demo")
    environ = {"BROADSHEET_DATA_DIR": str(tmp_path / "prod" / "data")}
    assert demo_settings(None, environ).data_dir == (tmp_path / "prod" / "data-demo")


def test_missing_collection_is_a_clear_failure(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(demo, "DEMO_FOLDER", "no_such_collection")
    result = runner.invoke(cli.main, ["--data-dir", str(tmp_path), "demo", "--no-serve"])
    assert result.exit_code == 1
    assert "demo collection is missing" in result.stderr
    assert "Traceback" not in result.output


def _has_demo_pages() -> bool:
    try:
        with demo_collection():
            return True
    except demo.DemoError:
        return False


needs_demo_pages = pytest.mark.skipif(
    not _has_demo_pages(), reason="search_web/demo_collection has no pages yet"
)


@pytest.mark.slow
@needs_demo_pages
def test_demo_prepares_searchable_data_and_is_idempotent(runner: CliRunner, tmp_path: Path) -> None:
    base = ["--data-dir", str(tmp_path / "demo")]
    first = runner.invoke(cli.main, [*base, "demo", "--no-serve"])
    assert first.exit_code == 0, first.output
    added = re.search(r"(\d+) added", first.stdout)
    assert added and int(added.group(1)) > 0
    assert "Full reindex" in first.stdout

    second = runner.invoke(cli.main, [*base, "demo", "--no-serve"])
    assert second.exit_code == 0, second.output
    assert re.search(r"\b0 added, 0 replaced, \d+ unchanged", second.stdout)

    stats = runner.invoke(cli.main, [*base, "stats", "--json"])
    assert stats.exit_code == 0, stats.output
    assert '"articles": 0' not in stats.stdout
    latest = runner.invoke(cli.main, [*base, "search", "", "--sort", "newest"])
    assert latest.exit_code == 0, latest.output
    assert "1. " in latest.stdout


@pytest.mark.slow
@needs_demo_pages
def test_demo_serves_its_own_data_dir(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served: list[Any] = []
    monkeypatch.setattr(serve_commands.waitress, "serve", lambda app, **options: served.append(app))
    result = runner.invoke(cli.main, ["--data-dir", str(tmp_path / "d"), "demo", "--port", "8765"])
    assert result.exit_code == 0, result.output
    assert "http://127.0.0.1:8765/" in result.stdout
    assert served[0].config["BROADSHEET_SETTINGS"].data_dir == (tmp_path / "d").resolve()
