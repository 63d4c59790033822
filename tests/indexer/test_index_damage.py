"""A missing or damaged index is found at start-up and named with the command that rebuilds it."""

from __future__ import annotations

import json
import os
import shutil
import struct
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from crawl_cache import CrawlCache, import_paths
from indexer import IndexCorrupt, IndexerError, IndexNotFound, SearchRequest, SearchService
from indexer import search as search_module
from indexer.build import reindex
from indexer.errors import IndexWriteFailed
from indexer.index_store import verify_live
from search_web import cli
from search_web.commands import serve as serve_commands

REBUILD = "broadsheet reindex --full"

RECORDS = [
    {
        "id": f"damage-{n}",
        "url": f"https://gazette.example/damage/{n}",
        "headline": f"Harbour wall repairs, part {n}",
        "source": "Harbour Gazette",
        "published": f"2024-05-0{n}T08:00:00Z",
        "body": (
            f"Part {n}: engineers inspected the harbour wall after the winter storms and "
            "found cracks along the northern pier that need repair before summer.\n\n"
            "The council set aside money for the work and asked boat owners to moor "
            "elsewhere while cranes lift the new stone blocks into place."
        ),
    }
    for n in range(1, 6)
]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data dir with a cache of five records and a live index built from it."""
    data = tmp_path / "data"
    source = tmp_path / "records.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    with CrawlCache.open(data / "cache.sqlite3") as cache:
        import_paths(cache, [source])
    reindex(data / "cache.sqlite3", data / "index", full=True)
    return data


def _whoosh_dir(data: Path) -> Path:
    return next((data / "index").glob("0*/whoosh"))


def _segment(data: Path) -> Path:
    return next(_whoosh_dir(data).glob("*.seg"))


def _toc(data: Path) -> Path:
    return next(_whoosh_dir(data).glob("_MAIN_*.toc"))


def _truncate(path: Path, keep: float = 0.5) -> None:
    with path.open("r+b") as handle:
        handle.truncate(int(path.stat().st_size * keep))


def _set_schema(data: Path, version: int) -> None:
    state_path = _whoosh_dir(data).parent / "state.json"
    state = json.loads(state_path.read_text())
    state_path.write_text(json.dumps({**state, "schema_version": version}))


DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated segment": lambda d: _truncate(_segment(d)),
    "zeroed segment": lambda d: _segment(d).write_bytes(bytes(_segment(d).stat().st_size)),
    "garbage TOC": lambda d: _toc(d).write_bytes(os.urandom(_toc(d).stat().st_size)),
    "truncated TOC": lambda d: _truncate(_toc(d)),
    "missing segment": lambda d: _segment(d).unlink(),
    "missing TOC": lambda d: _toc(d).unlink(),
    "missing whoosh folder": lambda d: shutil.rmtree(_whoosh_dir(d)),
    "missing state": lambda d: (_whoosh_dir(d).parent / "state.json").unlink(),
    "missing generation": lambda d: shutil.rmtree(_whoosh_dir(d).parent),
    "schema version mismatch": lambda d: _set_schema(d, 999),
    "garbage pointer": lambda d: (d / "index" / "CURRENT").write_bytes(b"\x00\xff\xfe junk"),
    "empty pointer": lambda d: (d / "index" / "CURRENT").write_bytes(b""),
    "pointer names no generation": lambda d: (d / "index" / "CURRENT").write_text("{}"),
}


@pytest.mark.parametrize("damage", sorted(DAMAGE))
def test_damage_is_reported_with_the_rebuild_command(data_dir: Path, damage: str) -> None:
    DAMAGE[damage](data_dir)
    with pytest.raises(IndexCorrupt, match="broadsheet reindex --full"):
        verify_live(data_dir / "index")
    with SearchService(data_dir / "index") as service, pytest.raises(IndexCorrupt) as raised:
        service.search(SearchRequest(query="harbour"))
    assert REBUILD in str(raised.value)


@pytest.mark.parametrize("damage", ["truncated segment", "garbage TOC", "schema version mismatch"])
def test_search_and_stats_commands_name_the_rebuild(data_dir: Path, damage: str) -> None:
    DAMAGE[damage](data_dir)
    runner = CliRunner()
    for args in (["search", "harbour"], ["stats"]):
        result = runner.invoke(cli.main, ["--data-dir", str(data_dir), *args])
        assert result.exit_code == 1, args
        assert REBUILD in result.output, args
        assert "Traceback" not in result.output


def test_serve_warns_at_start_up(
    data_dir: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    DAMAGE["truncated segment"](data_dir)
    started: list[object] = []
    monkeypatch.setattr(serve_commands.waitress, "serve", lambda app, **kw: started.append(app))
    result = CliRunner().invoke(cli.main, ["--data-dir", str(data_dir), "serve", "--port", "0"])
    assert result.exit_code == 0
    assert "index is damaged" in result.output
    assert REBUILD in result.output
    assert started, "the site still starts, answering 503 until the rebuild"


def test_sound_index_passes_the_start_up_check(data_dir: Path) -> None:
    assert verify_live(data_dir / "index").generation
    with pytest.raises(IndexNotFound, match="broadsheet reindex --full"):
        verify_live(data_dir / "elsewhere")


REPAIRED = ["garbage pointer", "missing generation", "schema version mismatch", "truncated TOC"]


@pytest.mark.parametrize("damage", REPAIRED)
def test_full_reindex_repairs_the_damage_and_leaves_the_cache_alone(
    data_dir: Path, damage: str
) -> None:
    before = _cache_rows(data_dir)
    DAMAGE[damage](data_dir)
    report = reindex(data_dir / "cache.sqlite3", data_dir / "index", full=True)
    assert report.documents == len(RECORDS)
    with SearchService(data_dir / "index") as service:
        assert service.search(SearchRequest(query="harbour", group_copies=False)).total == len(
            RECORDS
        )
    assert _cache_rows(data_dir) == before


def test_a_failing_reindex_never_touches_the_cache(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _cache_rows(data_dir)
    live = verify_live(data_dir / "index").generation

    def broken(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("indexer.build.write_pointer", broken)
    with pytest.raises(IndexWriteFailed, match="live index is unchanged"):
        reindex(data_dir / "cache.sqlite3", data_dir / "index", full=True)
    assert _cache_rows(data_dir) == before
    assert verify_live(data_dir / "index").generation == live
    # The half-built generation is gone, giving the space back.
    assert sorted(p.name for p in (data_dir / "index").iterdir() if p.is_dir()) == [live]
    with SearchService(data_dir / "index") as service:
        assert service.search(SearchRequest(query="harbour", group_copies=False)).total == len(
            RECORDS
        )


def _cache_rows(data: Path) -> tuple[object, ...]:
    with CrawlCache.open(data / "cache.sqlite3") as cache:
        assert cache.check() == []
        pages = tuple((p.url, p.seq, p.content_hash) for p in cache.iter_pages())
        return pages, cache.last_seq(), cache.stats().failures


def test_index_errors_share_the_indexer_base() -> None:
    assert issubclass(IndexWriteFailed, IndexerError)


@pytest.mark.parametrize(
    "error", [struct.error("unpack requires a buffer"), EOFError(), OSError(5, "EIO")]
)
def test_damage_met_while_serving_is_reported_with_the_rebuild_command(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    def damaged(*args: object, **kwargs: object) -> object:
        raise error

    with SearchService(data_dir / "index") as service:
        assert service.search(SearchRequest(query="harbour")).total >= 1
        # Damage deep in a segment surfaces as a low-level read error in the middle of a query.
        monkeypatch.setattr(search_module.SearchService, "_run", damaged)
        with pytest.raises(IndexCorrupt, match="broadsheet reindex --full"):
            service.search(SearchRequest(query="storms cranes"))
