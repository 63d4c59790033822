"""The whole stack: tiny pages imported, indexed, then searched through the web app and CLI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from crawl_cache import CrawlCache, import_paths
from indexer import reindex
from search_web import cli, create_app
from search_web.service import close_search_service
from search_web.settings import Settings

pytestmark = pytest.mark.slow

PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{headline} | {site}</title>
  <link rel="canonical" href="https://{host}/{section_slug}/{slug}">
  <meta property="og:site_name" content="{site}">
  <meta property="og:title" content="{headline}">
  <meta name="description" content="{description}">
  <meta name="author" content="{author}">
  <meta property="article:published_time" content="{published}">
  <meta property="article:section" content="{section}">
</head>
<body>
  <header><nav><a href="/">Home</a> <a href="/{section_slug}">{section}</a></nav></header>
  <main>
    <article>
      <h1>{headline}</h1>
      <p class="byline">By {author}</p>
      <time datetime="{published}">{published}</time>
      {paragraphs}
    </article>
  </main>
  <footer>Copyright {site}</footer>
</body>
</html>
"""

STORIES = [
    {
        "slug": "harbour-strike",
        "host": "courier.example",
        "site": "Northern Courier",
        "section": "Business",
        "author": "Ada Penrose",
        "published": "2024-05-02T09:30:00+01:00",
        "headline": "Harbour strike halts port traffic",
        "description": "Dock workers walked out at dawn over pay.",
        "body": [
            "Dock workers at the northern harbour began a strike at dawn on Thursday, "
            "halting port traffic and leaving container ships waiting offshore.",
            "Union leaders said the strike over pay would last two days unless talks with "
            "the harbour board resumed before the weekend.",
            "Shipping firms diverted three vessels to a neighbouring port while pickets "
            "gathered outside the dock gates in light rain.",
        ],
    },
    {
        "slug": "river-flood",
        "host": "gazette.example",
        "site": "Valley Gazette",
        "section": "Weather",
        "author": "Mo Reed",
        "published": "2024-04-20T07:00:00+01:00",
        "headline": "Flood defences tested as river rises",
        "description": "New barriers held overnight as the river climbed a metre.",
        "body": [
            "The river rose by a metre overnight and the new flood barriers held, "
            "sparing the low streets near the old mill from the water.",
            "Residents near the port road were told to move their cars to higher ground "
            "as a precaution while engineers checked the embankment.",
            "Forecasters expect the water level to fall slowly over the next three days "
            "if the rain eases as predicted.",
        ],
    },
    {
        "slug": "observatory-telescope",
        "host": "gazette.example",
        "site": "Valley Gazette",
        "section": "Science",
        "author": "Lin Okafor",
        "published": "2024-03-15T12:00:00+00:00",
        "headline": "Hill observatory unveils restored telescope",
        "description": "Volunteers spent four years restoring the brass refractor.",
        "body": [
            "Volunteers at the hill observatory have finished restoring its brass "
            "refractor telescope after four years of careful work on the lenses.",
            "The first public viewing night drew more than two hundred visitors, who "
            "queued in the cold for a look at the rings of Saturn.",
            "The society plans monthly open evenings through the winter season.",
        ],
    },
]


def _write_story(folder: Path, story: dict[str, object]) -> Path:
    paragraphs = "\n      ".join(f"<p>{text}</p>" for text in story["body"])  # type: ignore[attr-defined]
    html = PAGE.format(section_slug=str(story["section"]).lower(), paragraphs=paragraphs, **story)
    path = folder / f"{story['slug']}.html"
    path.write_text(html, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def indexed_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A data dir holding the three stories, imported and fully indexed."""
    root = tmp_path_factory.mktemp("stack")
    pages = root / "pages"
    pages.mkdir()
    for story in STORIES:
        _write_story(pages, story)
    settings = Settings(data_dir=root / "data")
    with CrawlCache.open(settings.cache_path) as cache:
        report = import_paths(cache, [pages])
    assert report.added == len(STORIES), report
    built = reindex(settings.cache_path, settings.index_dir, full=True)
    assert built.indexed == len(STORIES), built.failures
    return settings


@pytest.fixture
def real_app(indexed_settings: Settings) -> Iterator[Flask]:
    app = create_app(indexed_settings)
    app.config.update(TESTING=True)
    yield app
    close_search_service(app)


@pytest.fixture
def real_client(real_app: Flask) -> FlaskClient:
    return real_app.test_client()


def test_search_page_finds_and_highlights(real_client: FlaskClient) -> None:
    response = real_client.get("/search?q=strike")
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Harbour strike halts port traffic" in page
    assert "<mark>" in page
    assert "Hill observatory" not in page


def test_api_search_then_article_page(real_client: FlaskClient) -> None:
    data = real_client.get("/api/search?q=telescope").get_json()
    assert data["total"] >= 1
    first = data["results"][0]
    assert first["headline"] == "Hill observatory unveils restored telescope"
    assert "<mark>" in first["snippet_html"]

    article = real_client.get(f"/api/articles/{first['id']}").get_json()
    assert article["headline"] == first["headline"]
    assert "brass refractor" in article["body"]

    page = real_client.get(f"/articles/{first['id']}").get_data(as_text=True)
    assert "Hill observatory unveils restored telescope</h1>" in page
    assert "The society plans monthly open evenings" in page
    assert "Copyright" not in page


def test_browse_mode_lists_newest_first(real_client: FlaskClient) -> None:
    data = real_client.get("/api/search?sort=newest").get_json()
    headlines = [hit["headline"] for hit in data["results"]]
    assert headlines[0] == "Harbour strike halts port traffic"
    assert len(headlines) == len(STORIES)
    home = real_client.get("/").get_data(as_text=True)
    assert home.index("Harbour strike") < home.index("Hill observatory")


def test_source_filter_and_facets(real_client: FlaskClient) -> None:
    data = real_client.get("/api/search?q=port&source=Valley+Gazette").get_json()
    assert [hit["headline"] for hit in data["results"]] == ["Flood defences tested as river rises"]
    everything = real_client.get("/api/search?q=port").get_json()
    facet_names = set(everything["facets"])
    assert facet_names, "the real service should return facets"


def test_health_counts_articles(real_client: FlaskClient) -> None:
    response = real_client.get("/healthz")
    assert response.status_code == 200
    data = response.get_json()
    assert data["status"] == "ok" and data["articles"] == len(STORIES)
    assert data["generation"]


def test_unknown_article_is_404(real_client: FlaskClient) -> None:
    assert real_client.get("/articles/0000000000000000").status_code == 404


def test_no_index_yet_is_503_then_works_after_reindex(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    app = create_app(settings)
    client = app.test_client()
    try:
        health = client.get("/healthz")
        assert health.status_code == 503
        home = client.get("/")
        assert home.status_code == 503
        assert "broadsheet reindex --full" in home.get_data(as_text=True)

        pages = tmp_path / "pages"
        pages.mkdir()
        _write_story(pages, STORIES[0])
        with CrawlCache.open(settings.cache_path) as cache:
            import_paths(cache, [pages])
        reindex(settings.cache_path, settings.index_dir, full=True)
        assert client.get("/healthz").status_code == 200
        assert "Harbour strike" in client.get("/search?q=harbour").get_data(as_text=True)
    finally:
        close_search_service(app)


def test_cli_search_and_stats_over_the_real_index(
    runner: CliRunner, indexed_settings: Settings
) -> None:
    data_dir = str(indexed_settings.data_dir)
    result = runner.invoke(cli.main, ["--data-dir", data_dir, "search", "flood"])
    assert result.exit_code == 0, result.output
    assert "1. Flood defences tested as river rises" in result.stdout

    as_json = runner.invoke(cli.main, ["--data-dir", data_dir, "search", "flood", "--json"])
    assert json.loads(as_json.stdout)["results"][0]["source"] == "Valley Gazette"

    stats = runner.invoke(cli.main, ["--data-dir", data_dir, "stats"])
    assert stats.exit_code == 0, stats.output
    assert "Cache: 3 pages" in stats.stdout
    assert "Index: 3 articles" in stats.stdout


def test_did_you_mean_in_the_api_the_page_and_the_cli(
    real_client: FlaskClient, runner: CliRunner, indexed_settings: Settings
) -> None:
    # "floood" is in no article: the retry finds "flood", and the correction is offered.
    data = real_client.get("/api/search?q=floood").get_json()
    assert data["suggestion"] == "flood" and data["fuzzy"] is True and data["total"] >= 1
    page = real_client.get("/search?q=floood").get_data(as_text=True)
    assert 'Did you mean <a href="/search?q=flood">flood</a>?' in page
    assert page.count("similar spellings") == 1
    data_dir = str(indexed_settings.data_dir)
    listing = runner.invoke(cli.main, ["--data-dir", data_dir, "search", "floood"])
    assert listing.exit_code == 0, listing.output
    assert "Did you mean: flood" in listing.stdout


def test_cli_import_reindex_search_from_scratch(runner: CliRunner, tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    for story in STORIES:
        _write_story(pages, story)
    base = ["--data-dir", str(tmp_path / "data")]

    missing = runner.invoke(cli.main, [*base, "search", "strike"])
    assert missing.exit_code == 1
    assert "broadsheet reindex --full" in missing.stderr

    no_cache = runner.invoke(cli.main, [*base, "reindex"])
    assert no_cache.exit_code == 1
    assert "Traceback" not in no_cache.output

    assert runner.invoke(cli.main, [*base, "import", str(pages)]).exit_code == 0
    built = runner.invoke(cli.main, [*base, "reindex", "--full"])
    assert built.exit_code == 0, built.output
    assert "3 indexed" in built.stdout

    again = runner.invoke(cli.main, [*base, "reindex"])
    assert again.exit_code == 0, again.output
    assert "0 indexed" in again.stdout

    found = runner.invoke(cli.main, [*base, "search", "harbour strike", "--limit", "1"])
    assert found.exit_code == 0, found.output
    assert "1. Harbour strike halts port traffic" in found.stdout


def test_cli_extract_with_the_real_scraper(runner: CliRunner, tmp_path: Path) -> None:
    page = _write_story(tmp_path, STORIES[2])
    result = runner.invoke(cli.main, ["extract", str(page), "--json"])
    assert result.exit_code == 0, result.output
    article = json.loads(result.stdout)
    assert article["headline"] == "Hill observatory unveils restored telescope"
    assert article["authors"] == ["Lin Okafor"]
    assert "brass refractor" in article["body"]

    junk = tmp_path / "junk.html"
    junk.write_bytes(b"\x00\x01\x02" * 50)
    failed = runner.invoke(cli.main, ["extract", str(junk)])
    assert failed.exit_code == 1
    assert failed.stderr.startswith("Error: ")
