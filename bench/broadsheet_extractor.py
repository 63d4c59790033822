"""Broadsheet's scraper behind the extraction harness interface: ``extract(html, url) -> dict``."""

from __future__ import annotations

import sys
import types
from importlib import metadata
from pathlib import Path
from typing import Any

_REPO = Path(__file__).resolve().parents[1]
if str(_REPO) not in sys.path:
    sys.path.insert(0, str(_REPO))
if "indexer" not in sys.modules:
    # The scraper needs only its own modules (and bs4, lxml, python-dateutil,
    # charset-normalizer, py3langid). Registering the package without running its
    # __init__ keeps the index and search dependencies out of the anchors' environment.
    _package = types.ModuleType("indexer")
    _package.__path__ = [str(_REPO / "indexer")]
    sys.modules["indexer"] = _package

from indexer.errors import ExtractionError  # noqa: E402
from indexer.scrape import extract_article  # noqa: E402


def extract(html: str, url: str | None) -> dict[str, Any]:
    """The harness's record for one page: title, authors, published date and body text."""
    try:
        article = extract_article(html, url, content_type="text/html")
    except ExtractionError:
        return {"title": None, "authors": None, "published": None, "body": ""}
    return {
        "title": article.headline,
        "authors": list(article.authors) or None,
        "published": article.published,
        "body": article.body,
    }


def _version() -> str:
    try:
        return metadata.version("broadsheet")
    except metadata.PackageNotFoundError:
        return "dev"


extract.name = "broadsheet"  # type: ignore[attr-defined]
extract.version = _version()  # type: ignore[attr-defined]
