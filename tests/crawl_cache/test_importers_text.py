"""Tests for importing plain-text article dumps."""

from __future__ import annotations

from pathlib import Path

import pytest

from crawl_cache import CrawlCache, import_paths

SEED_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "seed"
SEED_FILE = SEED_DIR / "000_0e066f5576710e6d.txt"

DUMP = (
    "Harbour council approves winter ferry timetable\n\n"
    "Crossings will run every forty minutes from December, the council said.\n\n"
    "By MARA OKONJO\n"
    "Published: NOVEMBER 3, 2023 09:15\n\n"
    "The harbour council voted on Thursday to keep the late crossing.\n\n"
    "Residents had asked for the change in a petition signed by 1,200 people.\n"
)


def test_a_utf8_dump_is_stored_as_plain_text(cache: CrawlCache, tmp_path: Path) -> None:
    path = tmp_path / "dumps" / "ferry.txt"
    path.parent.mkdir()
    path.write_text(DUMP, encoding="utf-8")

    report = import_paths(cache, [path.parent])

    assert (report.added, report.failed) == (1, 0)
    page = cache.get(path.resolve().as_uri())
    assert page is not None
    assert page.body == DUMP.encode("utf-8")
    assert page.content_type == "text/plain; charset=utf-8"
    assert page.charset == "utf-8"


def test_a_legacy_encoded_dump_names_its_detected_charset(
    cache: CrawlCache, tmp_path: Path
) -> None:
    text = DUMP.replace("Harbour council", "Stadtrat von Z\u00fcrich") + (
        "\n\u201cWir freuen uns \u00fcber die gr\u00f6\u00dfere Auswahl\u201d, sagte die "
        "B\u00fcrgermeisterin \u2013 sie erw\u00e4hnte auch die Fu\u00dfg\u00e4nger.\n"
    )
    path = tmp_path / "zuerich.txt"
    path.write_bytes(text.encode("cp1252"))

    import_paths(cache, [path])

    page = cache.get(path.resolve().as_uri())
    assert page is not None and page.charset is not None and page.charset != "utf-8"
    assert page.content_type == f"text/plain; charset={page.charset}"
    assert page.body.decode(page.charset) == text


def test_a_utf16_dump_with_a_bom_is_read(cache: CrawlCache, tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes("\ufeff".encode("utf-16-le") + DUMP.encode("utf-16-le"))

    report = import_paths(cache, [path])

    assert report.added == 1
    page = cache.get(path.resolve().as_uri())
    assert page is not None and page.charset == "utf-16-le"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x00\x01\x02\x03binary\x00" * 40, "binary data"),
        (b"   \n\n\t  \n", "only whitespace"),
        (b"", "empty file"),
    ],
)
def test_dumps_that_are_not_text_are_reported(
    cache: CrawlCache, tmp_path: Path, data: bytes, reason: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)

    report = import_paths(cache, [path])

    assert (report.added, report.failed) == (0, 1)
    assert report.failures[0].path == str(path)
    assert reason in report.failures[0].reason
    assert cache.failures()[0].source == str(path)


@pytest.mark.realdata
@pytest.mark.skipif(not SEED_FILE.is_file(), reason=f"seed article not present at {SEED_FILE}")
def test_the_seed_dump_is_stored_as_plain_text(cache: CrawlCache) -> None:
    report = import_paths(cache, [SEED_FILE])

    assert (report.added, report.failed) == (1, 0)
    page = cache.get(SEED_FILE.resolve().as_uri())
    assert page is not None
    assert page.body == SEED_FILE.read_bytes()
    assert page.content_type == "text/plain; charset=utf-8"
    assert page.body.decode("utf-8").startswith("Iran is a threat to both Israel and Ukraine")
