"""Query features on the results page and the CLI: copies, variants, language, oldest first."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask.testing import FlaskClient

from indexer.search_types import Copy, FacetValue, NameVariants, SearchRequest, SearchResult
from search_web import cli
from search_web.commands import search as search_commands
from tests.search_web.web_fakes import FLOOD, PORT_STRIKE, RAIL_STRIKE, FakeSearchService

COPY = Copy(
    id="c0ffee00c0ffee00",
    url="https://other.example/strike",
    source="Valley Gazette",
    headline="Port strike stops the harbour",
    published="2024-05-02T10:00:00Z",
)


def _enrich(service: FakeSearchService, monkeypatch: pytest.MonkeyPatch) -> None:
    """Give the fake's results a copy, a name variant and a language facet."""
    plain = service.search

    def search(request: SearchRequest) -> SearchResult:
        result = plain(request)
        hits = tuple(
            replace(hit, copies=(COPY,)) if hit.id == PORT_STRIKE.id else hit for hit in result.hits
        )
        facets = {**result.facets, "language": (FacetValue("en", 2), FacetValue("de", 1))}
        return replace(
            result,
            hits=hits,
            facets=facets,
            variants=(NameVariants("kiev", ("Kyiv",)),),
        )

    monkeypatch.setattr(service, "search", search)


def test_results_page_shows_copies_variants_and_language(
    client: FlaskClient, search_service: FakeSearchService, monkeypatch: pytest.MonkeyPatch
) -> None:
    _enrich(search_service, monkeypatch)
    page = client.get("/search?q=strike").get_data(as_text=True)
    assert "<summary>Also in 1 outlet</summary>" in page
    assert f'href="/articles/{COPY.id}"' in page and "Valley Gazette" in page
    assert "Also searched for" in page and "Kyiv" in page
    assert "variants=0" in page
    assert "Language" in page and "lang=de" in page
    assert "sort=oldest" in page


def test_page_passes_the_new_switches(
    client: FlaskClient, search_service: FakeSearchService
) -> None:
    client.get("/search?q=strike&lang=de&variants=0&fresh=1&copies=0&sort=oldest")
    sent = search_service.requests[-1]
    assert sent.languages == ("de",)
    assert (sent.variants, sent.fresh, sent.group_copies) == (False, True, False)
    assert sent.sort == "oldest"


def test_cli_search_options_reach_the_service(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    service = FakeSearchService([PORT_STRIKE, FLOOD, RAIL_STRIKE])
    monkeypatch.setattr(search_commands, "SearchService", lambda index_dir: service)
    result = runner.invoke(
        cli.main,
        ["--data-dir", str(tmp_path), "search", "strike", "--lang", "en", "--sort", "oldest",
         "--fresh", "--no-variants", "--all-copies", "--json"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    sent = service.requests[0]
    assert sent.languages == ("en",) and sent.sort == "oldest"
    assert (sent.variants, sent.fresh, sent.group_copies) == (False, True, False)
    data = json.loads(result.stdout)
    assert data["options"] == {"variants": False, "fresh": True, "copies": False}
