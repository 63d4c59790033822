"""Hostile bytes: mutated, truncated, mis-encoded, deep and huge pages never crash the scraper."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indexer import extract_article
from indexer.errors import ExtractionError

PAGE = (
    "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
    "<title>Pier repairs approved | The Harbour Gazette</title>"
    '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Pier repairs",'
    '"datePublished":"2024-03-05T09:00:00Z","author":{"name":"Ann Example"},'
    '"articleBody":"The harbour board agreed to repair the pier."}</script>'
    "<style>p{color:red}</style></head><body><nav><a href='/'>Home</a></nav>"
    "<article><h1>Pier repairs approved</h1><p class='byline'>By Ann Example</p>"
    "<figure><img src='p.jpg'><figcaption>The pier at dawn (Photo: Ben Roe)</figcaption></figure>"
    "<p>The harbour board met on Thursday and agreed, after a long debate, to repair the "
    "pier.</p><!-- comment --><p>Work on the decking starts in May, and the pier stays open "
    "at weekends – café owners welcomed the news.</p><h2>Cost</h2><p>The works will cost "
    "£1.2m, paid from reserves.</p></article><footer>© Gazette</footer></body></html>"
)
PAGE_BYTES = PAGE.encode("utf-8")
# Per page, in processor seconds: generous; the point is "bounded", not "fast".
SMALL_PAGE_SECONDS = 3.0
HUGE_PAGE_SECONDS = 15.0


def _extract_within(raw: bytes | str, seconds: float, content_type: str | None = None) -> None:
    # Processor time of this process: the bound holds however busy the machine is.
    started = time.process_time()
    try:
        article = extract_article(raw, "https://gazette.example/pier", content_type=content_type)
    except ExtractionError:
        pass
    else:
        assert isinstance(article.body, str)
        assert isinstance(article.quality, list)
    assert time.process_time() - started < seconds


@st.composite
def mutated_pages(draw: st.DrawFn) -> bytes:
    """The sample page with a few random edits: cuts, splices, junk and foreign bytes."""
    data = bytearray(PAGE_BYTES)
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        kind = draw(st.sampled_from(["cut", "insert", "delete", "flip", "duplicate"]))
        at = draw(st.integers(min_value=0, max_value=len(data)))
        if kind == "cut":
            del data[at:]
        elif kind == "insert":
            junk = draw(
                st.one_of(
                    st.binary(max_size=40),
                    st.sampled_from(
                        [
                            b"\x00",
                            b"<",
                            b"</div>",
                            b"<div>",
                            b"<![CDATA[",
                            b"<!--",
                            b"<script>",
                            b"<svg/>",
                            b"\xef\xbb\xbf",
                            b"\xff\xfe",
                            b"&#0;",
                            b"&#xD800;",
                            b"<meta charset='utf-16'>",
                            b"<meta charset='bogus-9'>",
                            b"]]>",
                        ]
                    ),
                )
            )
            data[at:at] = junk
        elif kind == "delete":
            del data[at : at + draw(st.integers(min_value=1, max_value=50))]
        elif kind == "flip" and at < len(data):
            data[at] = draw(st.integers(min_value=0, max_value=255))
        elif kind == "duplicate":
            data[at:at] = data[at : at + draw(st.integers(min_value=1, max_value=200))]
    return bytes(data)


@settings(
    max_examples=80, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(raw=mutated_pages(), content_type=st.sampled_from([None, "text/html", "text/plain"]))
def test_mutated_pages_raise_nothing_but_extraction_error(
    raw: bytes, content_type: str | None
) -> None:
    _extract_within(raw, SMALL_PAGE_SECONDS, content_type)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(
    encoding=st.sampled_from(["utf-16", "utf-16-le", "utf-32", "cp1252", "koi8-r", "shift_jis"]),
    declared=st.sampled_from(["utf-8", "iso-8859-1", "utf-16", "gb2312", "nonsense", None]),
)
def test_wrong_charsets_never_crash(encoding: str, declared: str | None) -> None:
    raw = PAGE.encode(encoding, errors="replace")
    _extract_within(raw, SMALL_PAGE_SECONDS, f"text/html; charset={declared}" if declared else None)


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("<div>" * 100_000 + "<p>Deep text.</p>" + "</div>" * 100_000, id="deep-div"),
        pytest.param("<p>" + "<b><i>" * 30_000 + "deep bold", id="deep-unclosed"),
        pytest.param("<table>" + "<tr><td><table>" * 10_000 + "x", id="deep-tables"),
        pytest.param(PAGE.replace("<p>", "<p>\x00", 3), id="nul-bytes"),
        pytest.param(PAGE_BYTES[: len(PAGE_BYTES) // 3], id="truncated"),
        pytest.param(b"\x00" * 5000, id="only-nul"),
        pytest.param("<script>" * 20_000 + "<!--" * 20_000, id="unclosed-inert"),
    ],
)
def test_pathological_pages_stay_bounded(raw: str | bytes) -> None:
    _extract_within(raw, HUGE_PAGE_SECONDS)


def test_twenty_megabyte_page_stays_bounded() -> None:
    paragraph = "<p>The board met again, and again it talked about the pier at length.</p>"
    raw = PAGE[: PAGE.index("</article>")] + paragraph * 280_000 + "</article></body></html>"
    assert len(raw) > 20_000_000
    _extract_within(raw.encode("utf-8"), HUGE_PAGE_SECONDS)
