"""The extraction bench: the harness command it builds and Broadsheet's adapter."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest

BENCH_DIR = Path(__file__).resolve().parents[2] / "bench"


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"{name}_under_test", BENCH_DIR / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return _load("extraction")


def test_default_run_measures_broadsheet_and_anchors_on_both_sets(bench: ModuleType) -> None:
    args = bench._parse(["--json", "/tmp/x.json"])
    command = bench.harness_command(Path("/venv/bin/python"), args)
    assert command[:2] == ["/venv/bin/python", "extract_eval.py"]
    data = [command[i + 1] for i, part in enumerate(command) if part == "--data"]
    assert [Path(d).name for d in data] == list(bench.DATA_SETS)
    extractors = [command[i + 1] for i, part in enumerate(command) if part == "--extractor"]
    assert extractors == [f"{bench.ADAPTER}:extract", "anchors:ANCHORS"]
    assert command[command.index("--json") + 1] == "/tmp/x.json"


def test_fast_loop_options(bench: ModuleType) -> None:
    args = bench._parse(
        ["--only-broadsheet", "--limit", "20", "--data", "extraction-dev", "--json", "/tmp/y.json"]
    )
    command = bench.harness_command(Path("python"), args)
    assert "anchors:ANCHORS" not in command
    assert command[command.index("--limit") + 1] == "20"
    assert command.count("--data") == 1


def test_anchors_option_runs_only_the_named_anchors(bench: ModuleType) -> None:
    args = bench._parse(["--anchors", "trafilatura", "--anchors", "readability"])
    command = bench.harness_command(Path("python"), args)
    extractors = [command[i + 1] for i, part in enumerate(command) if part == "--extractor"]
    assert extractors == [
        f"{bench.ADAPTER}:extract",
        "anchors:trafilatura_extract",
        "anchors:readability_extract",
    ]


def test_anchor_names_are_functions_of_the_harness_adapters(bench: ModuleType) -> None:
    adapters = bench.HARNESS_DIR / "anchors.py"
    if not adapters.is_file():
        pytest.skip("shared harness not present")
    text = adapters.read_text(encoding="utf-8")
    for function in bench.ANCHOR_FUNCTIONS.values():
        assert f"def {function}(" in text


def test_adapter_maps_an_article_to_the_harness_record() -> None:
    adapter = _load("broadsheet_extractor")
    page = (
        "<html><head><title>Ferry times change | Bay News</title>"
        "<meta property='og:site_name' content='Bay News'>"
        "<meta property='article:published_time' content='2024-03-05T08:00:00Z'>"
        "<meta name='author' content='Mara Quill'></head><body><article>"
        "<h1>Ferry times change</h1><p>"
        + "The ferry timetable changes on Monday, with two extra sailings each evening. " * 3
        + "</p></article></body></html>"
    )
    record = adapter.extract(page, "https://baynews.example/ferry")
    assert record["title"] == "Ferry times change"
    assert record["authors"] == ["Mara Quill"]
    assert record["published"] == "2024-03-05T08:00:00+00:00"
    assert record["body"].startswith("The ferry timetable changes")
    assert adapter.extract.name == "broadsheet"


def test_adapter_returns_an_empty_record_for_a_non_article() -> None:
    adapter = _load("broadsheet_extractor")
    assert adapter.extract("", None) == {
        "title": None,
        "authors": None,
        "published": None,
        "body": "",
    }
