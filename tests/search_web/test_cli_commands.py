"""The ``broadsheet`` commands: each happy path and each failure, with the indexer faked."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from indexer import ReindexReport
from indexer.article import Article
from indexer.errors import ExtractionError, IndexLocked, IndexNotFound
from search_web import cli, status
from search_web.commands import index as index_commands
from search_web.commands import ingest as ingest_commands
from search_web.commands import search as search_commands
from search_web.commands import serve as serve_commands
from tests.search_web.web_fakes import FLOOD, PORT_STRIKE, RAIL_STRIKE, FakeSearchService

PAGE = """<!doctype html>
<html lang="en"><head><title>{title}</title>
<link rel="canonical" href="https://courier.example/{slug}"></head>
<body><article><h1>{title}</h1><p>{body}</p></article></body></html>
"""


def _invoke(runner: CliRunner, data_dir: Path, *args: str, **kwargs: Any) -> Result:
    return runner.invoke(cli.main, ["--data-dir", str(data_dir), *args], **kwargs)


def _write_pages(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for slug, title, body in [
        ("harbour", "Harbour strike halts port", "Dock workers walked out at dawn."),
        ("flood", "River flood tests defences", "Barriers held as the river rose."),
    ]:
        path = folder / f"{slug}.html"
        path.write_text(PAGE.format(title=title, slug=slug, body=body), encoding="utf-8")
        paths.append(path)
    return paths


def _report(**changes: Any) -> ReindexReport:
    values: dict[str, Any] = dict(
        generation="g0002", full=False, pages=3, indexed=2, skipped=0, failed=1,
        failures=(("https://broken.example/a", "no body text"),), documents=2, last_seq=3,
        elapsed_s=0.25,
    )  # fmt: skip
    values.update(changes)
    return ReindexReport(**values)


def test_help_lists_every_command(runner: CliRunner) -> None:
    result = runner.invoke(cli.main, ["--help"])
    assert result.exit_code == 0
    for command in ("import", "extract", "reindex", "search", "stats", "serve", "demo"):
        assert command in result.output


def test_import_reports_totals_failures_and_the_next_step(
    runner: CliRunner, tmp_path: Path
) -> None:
    pages = tmp_path / "pages"
    _write_pages(pages)
    missing = tmp_path / "nowhere.html"
    result = _invoke(runner, tmp_path / "data", "import", str(pages), str(missing))
    assert result.exit_code == 0, result.output
    assert "2 added" in result.stdout and "1 failed" in result.stdout
    assert str(missing) in result.stderr
    assert "broadsheet reindex" in result.stdout
    assert (tmp_path / "data" / "cache.sqlite3").is_file()

    again = _invoke(runner, tmp_path / "data", "import", str(pages))
    assert again.exit_code == 0
    assert "2 unchanged" in again.stdout and "0 added" in again.stdout
    assert "broadsheet reindex" not in again.stdout


def test_import_fails_when_every_input_fails(runner: CliRunner, tmp_path: Path) -> None:
    result = _invoke(runner, tmp_path / "data", "import", str(tmp_path / "missing"))
    assert result.exit_code == 1
    assert "nothing was imported" in result.stderr
    assert str(tmp_path / "missing") in result.stderr
    assert "Traceback" not in result.output


def test_import_needs_a_path(runner: CliRunner, tmp_path: Path) -> None:
    assert _invoke(runner, tmp_path, "import").exit_code == 2


def test_data_dir_comes_from_the_environment(runner: CliRunner, tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    _write_pages(pages)
    data_dir = tmp_path / "from-env"
    result = runner.invoke(
        cli.main, ["import", str(pages)], env={"BROADSHEET_DATA_DIR": str(data_dir)}
    )
    assert result.exit_code == 0, result.output
    assert (data_dir / "cache.sqlite3").is_file()


class _RecordingExtractor:
    def __init__(self, failure: Exception | None = None) -> None:
        self.calls: list[tuple[bytes | str, str | None, str | None]] = []
        self.failure = failure

    def __call__(
        self, raw: bytes | str, url: str | None = None, *, content_type: str | None = None
    ) -> Article:
        self.calls.append((raw, url, content_type))
        if self.failure:
            raise self.failure
        return PORT_STRIKE


def test_extract_prints_json(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extractor = _RecordingExtractor()
    monkeypatch.setattr(ingest_commands, "extract_article", extractor)
    page = _write_pages(tmp_path)[0]
    result = _invoke(runner, tmp_path, "extract", str(page), "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == PORT_STRIKE.to_dict()
    raw, url, content_type = extractor.calls[0]
    assert raw == page.read_bytes()
    assert url == page.resolve().as_uri()
    assert content_type is None


def test_extract_summary_for_text_dump_and_url(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extractor = _RecordingExtractor()
    monkeypatch.setattr(ingest_commands, "extract_article", extractor)
    dump = tmp_path / "story.txt"
    dump.write_text("Headline\n\nBody text.\n", encoding="utf-8")
    result = _invoke(runner, tmp_path, "extract", str(dump), "--url", "https://x.example/a")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Harbour strike halts port traffic")
    assert "Ada Penrose and Tom Quill" in result.stdout
    assert "Union leaders said the strike" in result.stdout
    assert extractor.calls[0][1:] == ("https://x.example/a", "text/plain; charset=utf-8")


def test_extract_reads_standard_input(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    extractor = _RecordingExtractor()
    monkeypatch.setattr(ingest_commands, "extract_article", extractor)
    result = _invoke(runner, tmp_path, "extract", "-", "--json", input=b"<p>hello</p>")
    assert result.exit_code == 0, result.output
    assert extractor.calls[0] == (b"<p>hello</p>", None, None)


def test_extract_failures_are_one_line(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        ingest_commands, "extract_article", _RecordingExtractor(ExtractionError("no body"))
    )
    page = _write_pages(tmp_path)[0]
    result = _invoke(runner, tmp_path, "extract", str(page))
    assert result.exit_code == 1
    assert "Error: no body" in result.stderr
    missing = _invoke(runner, tmp_path, "extract", str(tmp_path / "gone.html"))
    assert missing.exit_code != 0
    assert "Traceback" not in missing.output


def test_reindex_reports_and_passes_options(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[dict[str, Any]] = []

    def fake_reindex(cache_path: Path, index_dir: Path, **options: Any) -> ReindexReport:
        calls.append({"cache_path": cache_path, "index_dir": index_dir, **options})
        options["progress"](1, 3)
        options["progress"](3, 3)
        return _report(full=options["full"])

    monkeypatch.setattr(index_commands, "reindex", fake_reindex)
    data_dir = tmp_path / "data"
    result = _invoke(runner, data_dir, "reindex", "--full", "--workers", "3")
    assert result.exit_code == 0, result.output
    assert "Full reindex: 2 indexed, 0 unchanged, 1 failed" in result.stdout
    assert "generation g0002" in result.stdout
    assert "https://broken.example/a: no body text" in result.stderr
    assert calls[0]["cache_path"] == data_dir.resolve() / "cache.sqlite3"
    assert calls[0]["index_dir"] == data_dir.resolve() / "index"
    assert calls[0]["full"] is True and calls[0]["workers"] == 3


def test_reindex_locked_is_a_clear_failure(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(*args: Any, **kwargs: Any) -> ReindexReport:
        raise IndexLocked("another reindex is running on /data/index; wait for it to finish")

    monkeypatch.setattr(index_commands, "reindex", locked)
    result = _invoke(runner, tmp_path, "reindex")
    assert result.exit_code == 1
    assert "another reindex is running on /data/index" in result.stderr
    assert "Traceback" not in result.output


def _fake_service_factory(
    monkeypatch: pytest.MonkeyPatch, module: Any, service: FakeSearchService
) -> list[Path]:
    opened: list[Path] = []

    def factory(index_dir: Path) -> FakeSearchService:
        opened.append(index_dir)
        if service.failure is not None:
            raise service.failure
        return service

    monkeypatch.setattr(module, "SearchService", factory)
    return opened


def test_search_prints_ranked_results(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = FakeSearchService([PORT_STRIKE, FLOOD, RAIL_STRIKE])
    opened = _fake_service_factory(monkeypatch, search_commands, service)
    result = _invoke(runner, tmp_path, "search", "strike", "--source", "Northern Courier")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].startswith("2 results")
    assert "1. Harbour strike halts port traffic" in lines
    assert "2. Rail strike called off after late talks" in lines
    assert "   Northern Courier · 2 May 2024 · Business" in lines
    assert f"   {PORT_STRIKE.url}" in lines
    assert service.requests[0].sources == ("Northern Courier",)
    assert opened == [tmp_path.resolve() / "index"]
    assert service.closed == 1


def test_search_json_and_sorting(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = FakeSearchService([PORT_STRIKE, FLOOD, RAIL_STRIKE])
    _fake_service_factory(monkeypatch, search_commands, service)
    result = _invoke(runner, tmp_path, "search", "", "--sort", "newest", "--limit", "2", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["total"] == 3 and data["per_page"] == 2
    assert [hit["id"] for hit in data["results"]] == [PORT_STRIKE.id, FLOOD.id]
    assert service.requests[0].sort == "newest"


def test_search_without_an_index_says_how_to_build_one(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = IndexNotFound("no index; run broadsheet reindex --full")
    service = FakeSearchService([], failure=missing)
    _fake_service_factory(monkeypatch, search_commands, service)
    result = _invoke(runner, tmp_path, "search", "strike")
    assert result.exit_code == 1
    assert "broadsheet reindex --full" in result.stderr
    assert "Traceback" not in result.output


def test_search_rejects_bad_dates(runner: CliRunner, tmp_path: Path) -> None:
    result = _invoke(runner, tmp_path, "search", "strike", "--from", "May 1st")
    assert result.exit_code == 1
    assert "from must be a date like 2024-05-01" in result.stderr


def test_stats_on_an_empty_data_dir(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = FakeSearchService([], failure=IndexNotFound("no index at this path"))
    _fake_service_factory(monkeypatch, status, service)
    data_dir = tmp_path / "empty"
    result = _invoke(runner, data_dir, "stats")
    assert result.exit_code == 0, result.output
    assert "Cache: empty" in result.stdout
    assert "Index: not built (no index at this path)" in result.stdout
    assert not data_dir.exists(), "stats must not create anything"


def test_stats_counts_cache_and_index(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _fake_service_factory(monkeypatch, status, FakeSearchService([PORT_STRIKE, FLOOD]))
    data_dir = tmp_path / "data"
    _invoke(runner, data_dir, "import", str(tmp_path / "missing.html"))
    pages = tmp_path / "pages"
    _write_pages(pages)
    assert _invoke(runner, data_dir, "import", str(pages)).exit_code == 0
    text = _invoke(runner, data_dir, "stats")
    assert text.exit_code == 0, text.output
    assert "Cache: 2 pages, 1 failure" in text.stdout
    assert "missing.html" in text.stdout
    assert "Index: 2 articles from 2 sources, generation g0001" in text.stdout

    as_json = _invoke(runner, data_dir, "stats", "--json")
    data = json.loads(as_json.stdout)
    assert data["cache"]["pages"] == 2
    assert data["index"]["articles"] == 2
    assert data["settings"]["data_dir"] == str(data_dir.resolve())


def test_serve_starts_waitress_with_the_app(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    served: list[dict[str, Any]] = []

    def fake_serve(app: Any, **options: Any) -> None:
        served.append({"app": app, **options})

    monkeypatch.setattr(serve_commands.waitress, "serve", fake_serve)
    result = _invoke(runner, tmp_path, "serve", "--port", "8123", "--threads", "3")
    assert result.exit_code == 0, result.output
    assert "http://127.0.0.1:8123/" in result.stdout
    assert "broadsheet reindex --full" in result.stderr  # no index yet, said up front
    assert served[0]["host"] == "127.0.0.1"
    assert served[0]["port"] == 8123 and served[0]["threads"] == 3
    settings = served[0]["app"].config["BROADSHEET_SETTINGS"]
    assert settings.data_dir == tmp_path.resolve()


def test_serve_port_in_use_is_a_clear_failure(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def busy(app: Any, **options: Any) -> None:
        raise OSError(98, "Address already in use")

    monkeypatch.setattr(serve_commands.waitress, "serve", busy)
    result = _invoke(runner, tmp_path, "serve")
    assert result.exit_code == 1
    assert "Address already in use" in result.stderr
