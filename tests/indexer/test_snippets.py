"""Snippet shaping: whole words at the edges, one ellipsis between passages."""

from __future__ import annotations

from whoosh import fields, highlight
from whoosh.filedb.filestore import RamStorage

from indexer.snippets import ELLIPSIS, FragmentFormatter, plain_snippet

TEXT = (
    "Harbour pilots said the quay was quiet for most of the morning. "
    "Much later, and far from the cranes, a ferry captain described long queues of lorries "
    "waiting on the coast road while the strike held. Nobody on the quay expected a quick "
    "end. Meanwhile the council met to discuss the budget for the coming year and said "
    "nothing about the strike at all."
)


def _fragments(query_word: str) -> tuple:
    schema = fields.Schema(body=fields.TEXT(stored=True))
    index = RamStorage().create_index(schema)
    with index.writer() as writer:
        writer.add_document(body=TEXT)
    with index.searcher() as searcher:
        from whoosh.qparser import QueryParser

        hit = searcher.search(QueryParser("body", schema).parse(query_word))[0]
        highlighter = highlight.Highlighter(
            fragmenter=highlight.ContextFragmenter(maxchars=80, surround=30),
            formatter=FragmentFormatter(),
        )
        return highlighter.highlight_hit(hit, "body", text=TEXT, top=2)


def test_passages_start_and_end_on_whole_words() -> None:
    fragments = _fragments("strike")
    text = "".join(fragment.text for fragment in fragments)
    words = set(TEXT.replace(".", " ").replace(",", " ").split())
    inner = [word.strip(".,") for word in text.replace(ELLIPSIS, " ").split()]
    assert inner[0] in words and inner[-1] in words
    assert [fragment.text for fragment in fragments if fragment.match] == ["strike", "strike"]


def test_one_ellipsis_between_two_passages() -> None:
    text = "".join(fragment.text for fragment in _fragments("strike"))
    assert f"{ELLIPSIS} {ELLIPSIS}" not in text
    assert text.count(ELLIPSIS) >= 2


def test_plain_snippet_cuts_at_a_word() -> None:
    snippet = plain_snippet(TEXT, limit=50)
    assert len(snippet) == 1 and not snippet[0].match
    assert snippet[0].text.endswith(ELLIPSIS)
    assert snippet[0].text[: -len(ELLIPSIS)].strip() in TEXT


STORY = (
    "Forty container ships waited at anchor on Tuesday as a strike by dock workers entered "
    "its second week, and three lines said they would divert cargo to other ports.\n\n"
    "Talks have not resumed since a short meeting last Wednesday, the conciliation office "
    "said, and neither side expects a quick settlement of the dispute over pay.\n\n"
    "The port handled eleven million tonnes of cargo last year, according to the port "
    "authority."
)


def _story_snippet() -> tuple:
    from indexer.analysis import text_analyzer
    from indexer.snippets import MAX_FRAGMENTS, make_highlighter

    highlighter = make_highlighter()
    return highlight.highlight(
        STORY,
        {"port", "strike"},
        text_analyzer(),
        highlighter.fragmenter,
        highlighter.formatter,
        top=MAX_FRAGMENTS,
        scorer=highlighter.scorer,
        order=highlighter.order,
        mode="index",
    )


def test_equal_passages_favour_the_lead_and_touching_ones_join() -> None:
    fragments = _story_snippet()
    marked = [fragment.text for fragment in fragments if fragment.match]
    assert marked[0] == "strike"  # the lead comes first, not only the closing line
    text = "".join(fragment.text for fragment in fragments)
    # Passages that meet are read as one: no ellipsis in the middle of the sentence.
    assert "strike by dock workers entered its second week" in text
    assert text.count(ELLIPSIS) <= 2
