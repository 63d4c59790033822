"""The CLI loads a command's code only when that command runs, so serving starts quickly."""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from search_web.cli import COMMANDS, main

HEAVY_FOR_SERVING = (
    "indexer.build",
    "indexer.scrape",
    "crawl_cache.crawler",
    "crawl_cache.importers",
    "httpx",
    "warcio",
)


def test_help_lists_every_command() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for name in COMMANDS:
        assert f"  {name} " in result.output


def test_loading_serve_leaves_the_builder_crawler_and_scraper_unloaded() -> None:
    probe = (
        "import sys\n"
        "from search_web.cli import main\n"
        "main.get_command(None, 'serve')\n"
        f"print(' '.join(m for m in {HEAVY_FOR_SERVING!r} if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.split() == []


def test_lazy_names_resolve_to_the_real_objects() -> None:
    import crawl_cache
    import indexer
    from crawl_cache.importers import import_paths
    from indexer.build import reindex
    from indexer.scrape import extract_article

    assert crawl_cache.import_paths is import_paths
    assert indexer.reindex is reindex
    assert indexer.extract_article is extract_article
