"""The reader's page in a real headless Chromium, against ``broadsheet serve`` on the demo."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

sync_api = pytest.importorskip("playwright.sync_api")

CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser(chromium_path: str) -> Iterator[object]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def page(browser, live_server):  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()


def test_search_from_home_page_shows_ranked_highlighted_results(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    box = page.get_by_role("searchbox").or_(page.locator("input[name=q]")).first
    box.fill("port strike")
    box.press("Enter")
    page.wait_for_url("**/search?**")

    results = page.locator("main article, main li.result, main .result")
    assert results.count() >= 2
    marks = page.locator("main mark")
    assert marks.count() >= 1
    highlighted = {text.strip().lower() for text in marks.all_inner_texts()}
    assert highlighted & {"port", "strike", "strikes", "striking", "ports"}
    assert page.locator("input[name=q]").first.input_value() == "port strike"


def test_result_leads_to_clean_article_page(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/search?q=flood")
    first = page.locator("main a[href*='/articles/']").first
    headline = first.inner_text().strip()
    first.click()
    page.wait_for_url("**/articles/**")
    assert page.locator("h1").first.inner_text().strip() == headline
    body_text = page.locator("main").inner_text()
    assert "cookie" not in body_text.lower()


def test_script_in_query_is_shown_not_run(page) -> None:  # type: ignore[no-untyped-def]
    probe = "<script>alert(1)</script>"
    page.goto("/")
    box = page.locator("input[name=q]").first
    box.fill(probe)
    box.press("Enter")
    page.wait_for_load_state("load")
    assert page.dialogs == []
    assert page.locator("input[name=q]").first.input_value() == probe
    assert page.locator("main script").count() == 0
