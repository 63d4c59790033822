"""The reader's page in a real headless Chromium, against ``broadsheet serve`` on the demo."""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from werkzeug.serving import make_server

from search_web import create_app
from search_web.settings import Settings
from tests.search_web.web_fakes import FLOOD, MARKUP, PORT_STRIKE, FakeSearchService

pytestmark = [pytest.mark.browser, pytest.mark.slow]

try:
    from playwright import sync_api
except ImportError:  # pragma: no cover - depends on the machine
    if os.environ.get("CI"):
        raise
    pytest.skip("playwright is not installed (pip install -e '.[test]')", allow_module_level=True)

REPO_ROOT = Path(__file__).resolve().parents[2]
# Screenshots from the run, kept for people to look at (git-ignored).
ARTIFACTS = REPO_ROOT / "test-artifacts"
# Where .ci/run installs axe-core; AXE_CORE_PATH names another copy of axe.min.js.
AXE_DEFAULT = REPO_ROOT / ".cache" / "npm" / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}

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


def _new_page(browser, base_url: str, **options):  # type: ignore[no-untyped-def]
    context = browser.new_context(base_url=base_url, **options)
    # Article images point at publishers' servers; tests stay off the network.
    context.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), lambda route: route.abort())
    context.set_default_timeout(10_000)
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: (
            errors.append(message.text)
            if message.type == "error" and "net::ERR_FAILED" not in message.text
            else None
        ),
    )
    page.dialogs = dialogs
    page.errors = errors
    return context, page


@pytest.fixture
def page(browser, live_server):  # type: ignore[no-untyped-def]
    context, page = _new_page(browser, live_server.url)
    yield page
    context.close()


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over articles whose text is full of markup, served from this process."""
    service = FakeSearchService([MARKUP, PORT_STRIKE, FLOOD])
    app = create_app(Settings(tmp_path_factory.mktemp("hostile")), search_service=service)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=5)


def _query(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def _screenshot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def test_search_from_home_page_shows_ranked_highlighted_results(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    box = page.get_by_role("searchbox").or_(page.get_by_role("combobox")).first
    box.fill("port strike")
    box.press("Enter")
    page.wait_for_url("**/search?**")

    results = page.locator("main li.result")
    assert results.count() >= 2
    marks = page.locator("main .snippet mark")
    assert marks.count() >= 1
    highlighted = {text.strip().lower() for text in marks.all_inner_texts()}
    assert highlighted & {"port", "strike", "strikes", "striking", "ports"}
    assert page.locator("input[name=q]").first.input_value() == "port strike"
    summary = page.locator(".summary").inner_text()
    assert re.search(r"\d+ results? .* \d+ ms", summary)
    assert page.locator(".timeline svg a").count() >= 1
    assert page.errors == []
    _screenshot(page, "results-page.png")


def test_filters_combine_and_come_off_one_by_one(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/search?q=strike")
    page.locator("#facet-source ~ ul a.facet-link").first.click()
    page.wait_for_url(re.compile(r"source="))
    page.locator("#facet-section ~ ul a.facet-link:not(.selected)").first.click()
    page.wait_for_url(re.compile(r"section="))
    chosen = _query(page.url)
    assert len(chosen["source"]) == 1 and len(chosen["section"]) == 1
    chips = page.locator(".active-filters a.chip")
    assert chips.count() == 2
    assert page.locator("main li.result").count() >= 1

    page.locator(".active-filters a.chip", has_text="Source").click()
    page.wait_for_url(lambda url: "source=" not in url)
    left = _query(page.url)
    assert left["section"] == chosen["section"] and left["q"] == ["strike"]
    assert page.locator(".active-filters a.chip").count() == 1


def test_timeline_bar_narrows_the_dates(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/search?q=strike")
    bar = page.locator(".timeline svg a").first
    label = bar.get_attribute("aria-label")
    bar.click()
    page.wait_for_url(re.compile(r"from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}"))
    expected = int(re.search(r": ([\d,]+) stor", label)[1].replace(",", ""))
    assert page.locator("main li.result").count() == expected
    assert page.locator(".active-filters a.chip", has_text="From").count() == 1


def test_pagination_moves_through_the_results(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/search?sort=newest&per_page=5")
    first_page = page.locator("main li.result h3").all_inner_texts()
    page.locator("nav.pagination a[rel=next]").click()
    page.wait_for_url(re.compile(r"[?&]page=2"))
    second_page = page.locator("main li.result h3").all_inner_texts()
    assert len(second_page) == 5 and not set(first_page) & set(second_page)
    assert page.locator("nav.pagination [aria-current=page]").inner_text() == "2"
    assert page.locator("ol.results").get_attribute("start") == "6"
    page.locator("nav.pagination a[rel=prev]").click()
    page.wait_for_url(lambda url: "page" not in _query(url))
    assert page.locator("main li.result h3").all_inner_texts() == first_page


def test_sort_toggle_orders_by_date(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/search?q=harbour")
    page.locator("nav.sort a", has_text="Newest").click()
    page.wait_for_url(re.compile(r"sort=newest"))
    assert page.locator("nav.sort [aria-current=true]").inner_text() == "Newest"
    stamps = page.locator("main li.result .meta-date > time").evaluate_all(
        "nodes => nodes.map(node => node.getAttribute('datetime'))"
    )
    days = [stamp[:10] for stamp in stamps]
    assert len(days) >= 2 and days == sorted(days, reverse=True)
    assert page.locator("#q").input_value() == "harbour"


def test_result_leads_to_clean_article_page(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/search?q=flood")
    first = page.locator("main li.result h3 a").first
    headline = first.inner_text().strip()
    first.click()
    page.wait_for_url("**/articles/**")
    assert page.locator("h1").first.inner_text().strip() == headline
    body_text = page.locator("main").inner_text()
    assert "cookie" not in body_text.lower()
    assert page.locator("article.article").get_attribute("lang")
    assert page.locator(".article-body p").count() >= 2
    _screenshot(page, "article-page.png")

    author = page.locator(".meta-authors a").first
    name = author.inner_text()
    author.click()
    page.wait_for_url(re.compile(r"author="))
    assert _query(page.url)["author"] == [name]
    assert page.locator("main li.result").count() >= 1


def test_did_you_mean_link_corrects_a_misspelling(page) -> None:  # type: ignore[no-untyped-def]
    # No exact hits: the similar-spelling results come with the correction beside them.
    page.goto("/search?q=strke&sort=newest")
    offer = page.locator(".suggestion a")
    assert offer.inner_text() == "strike"
    assert page.locator(".notice", has_text="similar spellings").count() == 1
    assert page.locator("main li.result").count() >= 1
    offer.click()
    page.wait_for_url(re.compile(r"q=strike"))
    assert _query(page.url)["sort"] == ["newest"]
    assert page.locator("#q").input_value() == "strike"
    assert page.locator(".suggestion").count() == 0
    assert page.locator(".notice", has_text="similar spellings").count() == 0
    assert page.locator("main li.result").count() >= 1

    # A misspelt word beside a correct one: the results stand and the link is offered.
    page.goto("/search?q=harbur+museum")
    assert page.locator("main li.result").count() >= 1
    assert page.locator(".suggestion a").inner_text() == "harbour museum"
    assert page.errors == []


def test_autocomplete_by_keyboard(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    box = page.get_by_role("combobox")
    box.press_sequentially("varn", delay=30)
    options = page.get_by_role("option")
    options.first.wait_for()
    # On a slow machine the list for "var" can show before the one for "varn" replaces it.
    page.wait_for_function(
        """() => {
            const shown = [...document.querySelectorAll('#q-suggestions [role=option]')];
            return shown.length > 0
                && shown.every(o => o.textContent.trim().toLowerCase().startsWith('varn'));
        }"""
    )
    assert box.get_attribute("aria-expanded") == "true"
    texts = options.all_inner_texts()
    assert texts and all(text.lower().startswith("varn") for text in texts)

    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    assert page.locator("#q-suggestions").is_hidden()

    box.press("ArrowDown")
    options.first.wait_for()
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    chosen = page.locator(f"#{active}")
    assert chosen.get_attribute("aria-selected") == "true"
    wanted = chosen.inner_text()
    box.press("Enter")
    page.wait_for_url("**/search?**")
    assert _query(page.url)["q"] == [wanted]
    assert page.errors == []


def test_everything_works_without_javascript(browser, live_server) -> None:  # type: ignore[no-untyped-def]
    context, page = _new_page(browser, live_server.url, java_script_enabled=False)
    try:
        page.goto("/")
        box = page.locator("input[name=q]")
        assert box.get_attribute("role") is None  # no half-built combobox without the script
        box.fill("strike")
        box.press("Enter")
        page.wait_for_url("**/search?**")
        assert page.locator("main li.result").count() >= 2

        copies = page.locator("details.copies").first
        copies.locator("summary").click()
        assert copies.get_attribute("open") is not None
        assert copies.locator("li a").count() >= 1

        page.locator("#facet-date ~ ul a", has_text="Past year").click()
        page.wait_for_url(re.compile(r"from=.*to="))
        page.goto("/search?q=strike")
        page.locator(".timeline svg a").first.click()
        page.wait_for_url(re.compile(r"from="))
        page.fill("#date-from", "2024-10-01")
        page.fill("#date-to", "2024-10-31")
        page.get_by_role("button", name="Apply dates").click()
        page.wait_for_url(re.compile(r"from=2024-10-01&to=2024-10-31"))
        assert page.locator("main li.result").count() >= 1
    finally:
        context.close()


def test_phone_sized_viewport_fits_without_sideways_scrolling(browser, live_server) -> None:  # type: ignore[no-untyped-def]
    context, page = _new_page(
        browser, live_server.url, viewport=PHONE, is_mobile=True, has_touch=True
    )
    try:
        for url in ("/", "/search?q=strike", "/search?sort=newest"):
            page.goto(url)
            overflow = page.evaluate(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, f"{url} scrolls sideways by {overflow}px"
        assert page.locator("input[name=q]").is_visible()
        assert page.get_by_role("button", name="Search").is_visible()
        _screenshot(page, "results-phone.png")
    finally:
        context.close()


def _axe_source() -> str:
    configured = os.environ.get("AXE_CORE_PATH")
    path = Path(configured) if configured else AXE_DEFAULT
    if not path.is_file():
        message = (
            f"axe-core not found at {path}; install it with "
            "`npm install --prefix .cache/npm axe-core@4` or set AXE_CORE_PATH"
        )
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_pages_have_no_serious_accessibility_violations(browser, live_server, scheme) -> None:  # type: ignore[no-untyped-def]
    axe = _axe_source()
    context, page = _new_page(browser, live_server.url, color_scheme=scheme)
    try:
        page.goto("/search?q=strike")
        article_url = page.locator("main li.result h3 a").first.get_attribute("href")
        found: dict[str, list[str]] = {}
        for url in ("/", "/search?q=strike", "/search?q=zzzqqq", article_url, "/missing"):
            page.goto(url)
            # The page's CSP forbids injected script tags; evaluate runs outside it.
            page.evaluate(axe)
            result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
            serious = [
                f"{violation['id']}: {violation['help']} ({len(violation['nodes'])} nodes)"
                for violation in result["violations"]
                if violation["impact"] in ("serious", "critical")
            ]
            if serious:
                found[url] = serious
        # The suggestion list, open, with one option chosen by keyboard.
        page.goto("/")
        page.get_by_role("combobox").press_sequentially("varn", delay=20)
        page.get_by_role("option").first.wait_for()
        page.get_by_role("combobox").press("ArrowDown")
        page.evaluate(axe)
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        serious = [v["id"] for v in result["violations"] if v["impact"] in ("serious", "critical")]
        if serious:
            found["/ (suggestions open)"] = serious
        assert found == {}
    finally:
        context.close()


def test_script_in_query_is_shown_not_run(page) -> None:  # type: ignore[no-untyped-def]
    probe = "<script>alert(1)</script><img src=x onerror=alert(2)>"
    page.goto("/")
    box = page.locator("input[name=q]").first
    box.fill(probe)
    box.press("Enter")
    page.wait_for_load_state("load")
    assert page.dialogs == []
    assert page.locator("input[name=q]").first.input_value() == probe
    assert page.locator("main script, main img[src=x]").count() == 0
    assert probe in page.locator("h1").inner_text()


def test_markup_in_article_text_is_shown_not_run(browser, hostile_server) -> None:  # type: ignore[no-untyped-def]
    context, page = _new_page(browser, hostile_server)
    try:
        page.goto("/search?q=paragraph")
        assert "<script>alert('headline')</script>" in page.locator("main").inner_text()
        page.goto(f"/articles/{MARKUP.id}")
        page.wait_for_load_state("load")
        main = page.locator("main")
        assert "<script>alert('body')</script> first paragraph." in main.inner_text()
        assert main.locator("script, img[src=x], b, i, em, u").count() == 0
        assert page.locator("a[href^='javascript:' i]").count() == 0
        assert page.dialogs == []
    finally:
        context.close()
