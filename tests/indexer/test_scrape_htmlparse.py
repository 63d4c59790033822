"""The quick tree builder makes exactly the tree Beautiful Soup's own lxml builder makes."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, PageElement, Tag

from indexer import ExtractionError, extract_article
from indexer.scrape.htmlparse import SoupBuilder, cycle_collection_paused, parse_html

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "scrape"
LINKS = ("parent", "next_element", "previous_element", "next_sibling", "previous_sibling")
# The parse state kept on the soup itself: compared as positions, not objects.
STATE = ("currentTag", "_most_recent_element", "tagStack")

PAGES = {
    "plain": "<html><head><title>Tides</title></head><body><p>High water at 6.</p></body></html>",
    "whitespace": "<body>\n  <div>\n\t<p> a </p>  <p>b</p>\n</div> \r\n <span>  </span></body>",
    "preformatted": "<body><pre>\n  keep   this\n</pre><textarea>  and\n this </textarea>"
    "<pre><b>  </b>x<pre>  inner  </pre>  </pre><p>  </p></body>",
    "typed strings": "<head><style>p { color: red }</style><script>var a = 1;</script>"
    '<script type="application/ld+json">{"@type": "NewsArticle"}</script></head>'
    "<body><template><p>later</p></template><ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby>"
    "<noscript>Turn on scripts</noscript></body>",
    "comments and doctype": "<!DOCTYPE html><!-- top --><html><body><!-- inside -->"
    "<p>x<!-- mid -->y</p></body></html><!-- after -->",
    "processing instruction": "<body><?php echo 1; ?><p>after</p></body>",
    "meta charset": '<head><meta charset="utf-8"><meta http-equiv="Content-Type" '
    'content="text/html; charset=iso-8859-1"><meta name="author" content="A. Writer"></head>',
    "namespaced": '<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" '
    'xmlns:og="http://ogp.me/ns#"><body><svg xmlns:xlink="http://www.w3.org/1999/xlink">'
    '<use xlink:href="#icon"/></svg><og:thing og:attr="v">t</og:thing></body></html>',
    "broken": "<body><div><p>one<p>two<span>three</div><b><i>four</b></i><table><td>five"
    "</table></tr><li>six<li>seven</ul>eight",
    "attributes": '<body class="  wide  page " data-x="" hidden><a href="/a?x=1&amp;y=2" '
    'rel="author nofollow" CLASS="dup" class="again">link</a><input disabled value=3></body>',
    "entities": "<p>caf&eacute; &amp; b&#228;r &lt;tag&gt; &nbsp;&#8203;x &unknown;</p>",
    "text only": "just some words with no markup",
    "empty": "",
    "deep": "<div>" * 300 + "deep" + "</div>" * 300,
    "void elements": "<p>a<br>b<br/>c<img src=x.png>d<hr><wbr>e</p>",
}


def _walk(root: PageElement) -> list[PageElement]:
    found = [root]
    index = 0
    while index < len(found):
        node = found[index]
        index += 1
        if isinstance(node, Tag):
            found.extend(node.contents)
    return found


def _signature(root: BeautifulSoup) -> list[object]:
    """Every node's class, attributes (values and their types) and links, as positions."""
    nodes = _walk(root)
    position = {id(node): index for index, node in enumerate(nodes)}
    rows: list[object] = []
    for node in nodes:
        fields = vars(node)
        row: list[object] = [type(node).__name__, sorted(fields)]
        for name in sorted(fields):
            value = fields[name]
            if name == "builder":
                continue
            if name in LINKS or name in ("currentTag", "_most_recent_element"):
                row.append((name, None if value is None else position.get(id(value), "outside")))
            elif name in ("contents", "tagStack"):
                row.append((name, [position[id(child)] for child in value]))
            elif name in ("preserve_whitespace_tag_stack", "string_container_stack"):
                row.append((name, [position.get(id(child)) for child in value]))
            elif name == "attrs":
                items = [
                    (k, type(v).__name__, v, getattr(v, "original_value", None))
                    for k, v in value.items()
                ]
                row.append((name, type(value).__name__, items))
            elif name == "open_tag_counter":
                row.append((name, dict(value)))
            else:
                row.append((name, value))
        if not isinstance(node, Tag):
            row.append(str(node))
        rows.append(row)
    return rows


def _standard(markup: str) -> BeautifulSoup:
    return BeautifulSoup(markup, "lxml", multi_valued_attributes=None)


def _fixture_pages() -> list[Path]:
    return sorted(p for p in FIXTURES.iterdir() if p.suffix == ".html")


@pytest.mark.filterwarnings("ignore::bs4.MarkupResemblesLocatorWarning")
@pytest.mark.parametrize("name", sorted(PAGES))
def test_same_tree_as_beautiful_soup(name: str) -> None:
    markup = PAGES[name]
    built = parse_html(markup)
    assert isinstance(built.builder, SoupBuilder)
    assert _signature(built) == _signature(_standard(markup))


@pytest.mark.parametrize("path", _fixture_pages(), ids=lambda p: p.stem)
def test_same_tree_on_the_scraper_fixtures(path: Path) -> None:
    markup = path.read_bytes().decode("utf-8", errors="replace")
    assert _signature(parse_html(markup)) == _signature(_standard(markup))


def test_comparison_sees_a_different_tree() -> None:
    # The signature must tell trees apart, or the tests above could not fail.
    assert _signature(parse_html("<p>a <b>b</b></p>")) != _signature(_standard("<p>a <i>b</i></p>"))
    assert _signature(parse_html("<p> </p>")) != _signature(_standard("<p>\n</p>"))
    assert _signature(parse_html('<p class="a">x</p>')) != _signature(
        _standard('<p class="b">x</p>')
    )


def test_tree_can_be_edited_and_searched() -> None:
    soup = parse_html(
        '<body><div class="ad">Buy</div><p class="lead x">Story <b>text</b></p></body>'
    )
    soup.find("div", class_="ad").decompose()
    paragraph = soup.find("p")
    assert paragraph["class"] == "lead x"  # class values stay strings
    assert soup.get_text(" ", strip=True) == "Story text"
    paragraph.append(soup.new_string(" more"))
    assert [str(s) for s in soup.body.strings] == ["Story ", "text", " more"]
    assert soup.select_one("p b").get_text() == "text"


def test_multi_valued_attributes_when_asked() -> None:
    soup = BeautifulSoup(
        '<p class="a b">x</p>',
        builder=SoupBuilder(multi_valued_attributes=SoupBuilder.DEFAULT_CDATA_LIST_ATTRIBUTES),
    )
    standard = BeautifulSoup('<p class="a b">x</p>', "lxml")
    assert soup.p["class"] == standard.p["class"] == ["a", "b"]


def test_cycle_collection_paused_and_restored() -> None:
    assert gc.isenabled()
    with cycle_collection_paused():
        assert not gc.isenabled()
        with cycle_collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # still inside the outer pause
    assert gc.isenabled()


def test_cycle_collection_left_off_when_the_program_turned_it_off() -> None:
    gc.disable()
    try:
        with cycle_collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_cycle_collection_restored_after_pauses_in_several_threads() -> None:
    inside = threading.Barrier(4)

    def read() -> None:
        with cycle_collection_paused():
            inside.wait(timeout=5)
            assert not gc.isenabled()

    workers = [threading.Thread(target=read) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=10)
    assert gc.isenabled()


def test_extraction_restores_cycle_collection_on_success_and_on_error() -> None:
    page = "<html><head><title>Ferry times</title></head><body><p>Two more sailings.</p></body>"
    assert extract_article(page).headline == "Ferry times"
    assert gc.isenabled()
    with pytest.raises(ExtractionError):
        extract_article("<html><body><div> </div></body></html>")
    assert gc.isenabled()
