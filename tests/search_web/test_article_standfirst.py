"""The article page shows a standfirst once, whether or not the body opens with it."""

from __future__ import annotations

import dataclasses

import pytest
from flask.testing import FlaskClient

from indexer.article import Article
from tests.search_web.web_fakes import FLOOD, PORT_STRIKE

_STANDFIRST = "Dock workers walked out at dawn over pay."


@pytest.fixture
def articles() -> list[Article]:
    opens_with_it = dataclasses.replace(PORT_STRIKE, body=_STANDFIRST + "\n\n" + PORT_STRIKE.body)
    only_it = dataclasses.replace(FLOOD, description=_STANDFIRST, body=_STANDFIRST)
    return [opens_with_it, only_it]


def test_a_body_opening_with_the_standfirst_shows_it_once(client: FlaskClient) -> None:
    page = client.get(f"/articles/{PORT_STRIKE.id}").get_data(as_text=True)
    assert page.count(_STANDFIRST) == 1
    assert f'<p class="standfirst">{_STANDFIRST}</p>' in page
    assert "Dock workers began a strike at the harbour" in page


def test_a_body_that_is_only_the_standfirst_keeps_it(client: FlaskClient) -> None:
    page = client.get(f"/articles/{FLOOD.id}").get_data(as_text=True)
    assert "This article has no body text." not in page
    assert page.count(_STANDFIRST) == 2
