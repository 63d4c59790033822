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
