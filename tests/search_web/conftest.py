"""Web-layer fixtures: articles, a fake search service, an app, a client and a CLI runner."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient

from indexer.article import Article
from search_web import create_app
from search_web.settings import Settings
from tests.search_web.web_fakes import (
    FLOOD,
    MARKUP,
    PORT_STRIKE,
    RAIL_STRIKE,
    FakeSearchService,
    market_notes,
)


@pytest.fixture
def articles() -> list[Article]:
    return [PORT_STRIKE, FLOOD, RAIL_STRIKE, MARKUP, *market_notes(25)]


@pytest.fixture
def search_service(articles: list[Article]) -> FakeSearchService:
    return FakeSearchService(articles)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data")


@pytest.fixture
def app(settings: Settings, search_service: FakeSearchService) -> Iterator[Flask]:
    app = create_app(settings, search_service=search_service)
    app.config.update(TESTING=True)
    yield app


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()
