"""The page's element index answers as Beautiful Soup's own searches would."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from indexer.scrape.tree import PageTree, class_tokens

PAGE = """<html lang="en"><head><title>Tide tables | Shore Post</title>
<link rel="canonical" href="https://shore.example/tides"></head>
<body class="layout-wide">
<nav class="site-nav"><a href="/">Home</a><span class="byline-teaser">By Other Writer</span></nav>
<article class="story main_story" id="story-1">
  <h1>New tide tables published</h1>
  <div class="meta"><span class="byline author-name">By Ada Marsh</span>
    <time class="publish-date" datetime="2025-04-02">2 April</time></div>
  <p>The harbour office published the new tables on Wednesday.</p>
  <div data-testid="article-body"><p>Spring tides peak in <em>early May</em>.</p></div>
</article>
<aside><h1>Most read</h1><p class="byline">By Someone Else</p></aside>
<footer><small>Shore Post</small></footer>
</body></html>"""


@pytest.fixture(params=[{}, {"multi_valued_attributes": None}], ids=["lists", "strings"])
def soup(request: pytest.FixtureRequest) -> BeautifulSoup:
    return BeautifulSoup(PAGE, "lxml", **request.param)


def _same(found: list, expected: list) -> bool:
    return len(found) == len(expected) and all(a is b for a, b in zip(found, expected, strict=True))


def test_find_and_find_all_match_beautiful_soup(soup: BeautifulSoup) -> None:
    tree = PageTree(soup)
    article = soup.find("article")
    assert _same(tree.find_all("p"), soup.find_all("p"))
    assert _same(tree.find_all(("span", "time")), soup.find_all(["span", "time"]))
    assert _same(tree.find_all("p", article), article.find_all("p"))
    assert _same(tree.find_all("a", attribute="href"), soup.find_all("a", href=True))
    assert _same(tree.find_all("h1", limit=1), soup.find_all("h1", limit=1))
    assert tree.find("h1", soup.find("aside")) is soup.find("aside").find("h1")
    assert tree.find("table") is None
    assert tree.find("h1", soup.find("footer")) is None


def test_named_elements_are_those_with_class_id_or_test_id(soup: BeautifulSoup) -> None:
    tree = PageTree(soup)
    expected = [
        tag
        for tag in soup.find_all(True)
        if any(tag.has_attr(a) for a in ("class", "id", "data-testid", "data-component"))
    ]
    assert _same(list(tree.named()), expected)
    article = soup.find("article")
    assert _same(list(tree.named(article)), [t for t in expected if article in t.parents])


def test_elements_by_class_token_in_document_order(soup: BeautifulSoup) -> None:
    tree = PageTree(soup)
    bylines = tree.with_tokens({"byline"})
    assert [t.get_text() for t in bylines] == [
        "By Other Writer",
        "By Ada Marsh",
        "By Someone Else",
    ]
    assert [t.get_text() for t in tree.with_tokens({"byline"}, soup.find("article"))] == [
        "By Ada Marsh"
    ]
    # Only the first named elements are looked at, as a walk that stops after them would.
    # (<body>, <nav> and the teaser <span> come first.)
    assert [t.get_text() for t in tree.with_tokens({"byline"}, first=3)] == ["By Other Writer"]
    assert tree.with_tokens({"byline"}, first=2) == []
    dated = tree.with_tokens(set(), also=lambda token: token.endswith("date"))
    assert [t.name for t in dated] == ["time"]


def test_following_and_preceding_match_find_all_next_and_previous(soup: BeautifulSoup) -> None:
    tree = PageTree(soup)
    heading = soup.find("h1")
    names = ["p", "span", "small", "h1"]
    for limit in (1, 3, 20):
        assert _same(
            tree.following(heading, names, limit=limit),
            heading.find_all_next(names, limit=limit),
        )
        assert _same(
            tree.preceding(heading, names, limit=limit),
            heading.find_all_previous(names, limit=limit),
        )


def test_class_tokens_split_names_and_are_remembered(soup: BeautifulSoup) -> None:
    tree = PageTree(soup)
    article = soup.find("article")
    assert class_tokens(article) == {"story", "main_story", "main", "story-1", "1"}
    assert tree.class_tokens(article) == frozenset(class_tokens(article))
    assert tree.class_tokens(article) is tree.class_tokens(article)
    assert tree.class_tokens(soup.find("p")) == frozenset()


def test_an_element_from_another_page_is_refused(soup: BeautifulSoup) -> None:
    tree = PageTree(soup)
    other = BeautifulSoup("<p>elsewhere</p>", "lxml").find("p")
    with pytest.raises(ValueError, match="not part of this page"):
        tree.find_all("em", other)


def test_tokens_shared_by_different_names_stay_in_document_order() -> None:
    soup = BeautifulSoup(
        '<div class="card a"><p class="card-b">x</p></div><div id="card"></div>'
        '<span class="card a"></span><i class="A card"></i><b data-testid="card_c"></b>',
        "lxml",
        multi_valued_attributes=None,
    )
    tree = PageTree(soup)
    expected = [tag for tag in soup.find_all(True) if "card" in class_tokens(tag)]
    assert [tag.name for tag in expected] == ["div", "p", "div", "span", "i", "b"]
    assert _same(tree.with_tokens({"card"}), expected)
    assert _same(tree.with_tokens({"a"}), [t for t in expected if "a" in class_tokens(t)])
    assert class_tokens(soup.find("b")) == {"card_c", "card", "c"}
    assert _same(tree.with_tokens({"card"}, first=3), expected[:3])
    assert _same(tree.with_tokens({"card"}, first=4), expected[:4])
