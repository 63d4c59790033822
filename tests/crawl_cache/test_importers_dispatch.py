"""Tests for the import dispatcher: damaged inputs, progress, batching and the walk."""

from __future__ import annotations

import codecs
import gzip
import random
from pathlib import Path

import pytest

from crawl_cache import CrawlCache, ImportFailure, count_inputs, import_paths
from crawl_cache.importers import iter_inputs

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def _write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_damaged_inputs_are_reported_and_skipped_while_good_files_land(
    cache: CrawlCache, tmp_path: Path, article
) -> None:
    inputs = tmp_path / "inputs"
    good = _write(inputs / "a_good.html", article("Quay lights repaired"))
    also_good = _write(inputs / "b_good.txt", "Quay lights repaired\n\nThe lights work again.\n")
    latin = _write(
        inputs / "c_latin.html",
        article("Caf\u00e9 reopens", charset="iso-8859-1").encode("iso-8859-1"),
    )
    whole_gzip = gzip.compress(article("Truncated story", paragraphs=40).encode())
    truncated = _write(inputs / "d_truncated.html.gz", whole_gzip[: len(whole_gzip) // 2])
    junk = random.Random(7).randbytes(4096)
    junk_bin = _write(inputs / "e_junk.bin", junk)
    junk_html = _write(inputs / "f_junk.html", junk)
    oversized = _write(inputs / "g_big.html", article("Very long report", paragraphs=200))
    empty = _write(inputs / "h_empty.htm", b"")
    missing = tmp_path / "nowhere" / "gone.html"

    report = import_paths(cache, [inputs, missing], max_page_bytes=8_000)

    assert (report.added, report.failed, report.inputs) == (3, 6, 9)
    reasons = {failure.path: failure.reason for failure in report.failures}
    assert set(reasons) == {
        str(truncated),
        str(junk_bin),
        str(junk_html),
        str(oversized),
        str(empty),
        str(missing),
    }
    assert "truncated gzip" in reasons[str(truncated)]
    assert "binary data" in reasons[str(junk_bin)]
    assert "binary data" in reasons[str(junk_html)]
    assert "8,000-byte limit" in reasons[str(oversized)]
    assert "empty file" in reasons[str(empty)]
    assert "no such file" in reasons[str(missing)]

    recorded = {(f.source, f.reason, f.stage) for f in cache.failures(limit=100)}
    assert recorded == {(path, reason, "import") for path, reason in reasons.items()}
    for path in (good, also_good, latin):
        assert cache.get(path.resolve().as_uri()) is not None


def test_an_oversized_gzip_page_is_refused_without_unpacking_it_all(
    cache: CrawlCache, tmp_path: Path
) -> None:
    bomb = _write(tmp_path / "bomb.html.gz", gzip.compress(b"<p>" + b"a" * 5_000_000))

    report = import_paths(cache, [bomb], max_page_bytes=10_000)

    assert report.failed == 1 and "once decompressed" in report.failures[0].reason


def test_a_read_error_is_reported_and_the_run_goes_on(
    cache: CrawlCache, tmp_path: Path, article, monkeypatch: pytest.MonkeyPatch
) -> None:
    from crawl_cache.importers import files

    real_read = files.read_limited

    def flaky_read(path: Path, max_bytes: int) -> bytes:
        if path.name == "a.html":
            raise PermissionError(13, "Permission denied", str(path))
        return real_read(path, max_bytes)

    monkeypatch.setattr(files, "read_limited", flaky_read)
    _write(tmp_path / "in" / "a.html", article("A"))
    _write(tmp_path / "in" / "b.html", article("B"))

    report = import_paths(cache, [tmp_path / "in"])

    assert (report.added, report.failed) == (1, 1)
    assert report.failures[0].reason == "cannot read: Permission denied"


def test_progress_matches_count_inputs(cache: CrawlCache, tmp_path: Path, article) -> None:
    for n in range(5):
        _write(tmp_path / "in" / f"{n}.html", article(f"Story {n}"))
    _write(tmp_path / "in" / "sub" / "pic.png", b"\x89PNG")
    paths = [tmp_path / "in", tmp_path / "absent"]
    calls: list[int] = []

    report = import_paths(cache, paths, progress=calls.append)

    assert calls == [1] * 7
    assert count_inputs(paths) == 7 == report.inputs
    assert (report.added, report.skipped, report.failed) == (5, 1, 1)


def test_pages_are_committed_batch_by_batch(
    cache: CrawlCache, cache_path: Path, tmp_path: Path, article
) -> None:
    for n in range(7):
        _write(tmp_path / "in" / f"{n}.html", article(f"Story {n}"))
    visible: list[int] = []

    def watch(_: int) -> None:
        with CrawlCache.open(cache_path) as other:
            visible.append(other.page_count())

    report = import_paths(cache, [tmp_path / "in"], progress=watch, batch_size=3)

    assert report.added == 7
    assert visible == [0, 0, 3, 3, 3, 6, 6]  # another connection sees each committed batch
    assert cache.page_count() == 7


def test_the_cache_file_itself_is_never_imported(tmp_path: Path, article) -> None:
    folder = tmp_path / "everything"
    _write(folder / "story.html", article("Story"))
    with CrawlCache.open(folder / "store.bin") as cache:
        report = import_paths(cache, [folder])
        assert (report.added, report.failed) == (1, 0)
        assert report.skipped >= 1


def test_the_walk_is_stable_and_reports_odd_paths(tmp_path: Path) -> None:
    for name in ("b/2.html", "b/1.html", "a.html", "c/x/y.html", ".dot/z.html"):
        _write(tmp_path / "root" / name, "<p>x</p>")
    entries = list(iter_inputs([tmp_path / "root", tmp_path / "none"]))

    files = [entry for entry in entries if isinstance(entry, Path)]
    assert [f.relative_to(tmp_path / "root").as_posix() for f in files] == [
        "a.html",
        "b/1.html",
        "b/2.html",
        "c/x/y.html",
    ]
    assert entries[-1] == ImportFailure(str(tmp_path / "none"), "no such file or folder")


def test_bad_arguments_are_refused(cache: CrawlCache) -> None:
    with pytest.raises(ValueError, match="positive"):
        import_paths(cache, [], max_page_bytes=0)


@pytest.mark.realdata
def test_real_saved_pages_all_land(cache: CrawlCache) -> None:
    pages_dir = SHARED_DATA / "extraction-dev" / "pages"
    if not pages_dir.is_dir():
        pytest.skip(f"real pages not present at {pages_dir}")
    sample = sorted(pages_dir.glob("*.html.gz"))[:40]

    report = import_paths(cache, sample)

    assert (report.added, report.failed) == (len(sample), 0)
    for page in cache.iter_pages():
        assert page.charset is not None
        codecs.lookup(page.charset)  # a charset Python can decode with


def test_a_single_path_string_is_one_input(cache: CrawlCache, tmp_path: Path, article) -> None:
    page = _write(tmp_path / "only.html", article("Only"))

    assert count_inputs(str(page)) == 1  # type: ignore[arg-type]
    report = import_paths(cache, str(page))  # type: ignore[arg-type]

    assert (report.inputs, report.added) == (1, 1)
