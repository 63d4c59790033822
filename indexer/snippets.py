"""Result snippets: Whoosh highlighting turned into plain (text, match) fragments.

The formatter yields ``SnippetFragment`` records instead of HTML, so escaping and
markup stay with whoever renders them (HTML page, JSON API, terminal). An article in
one of the stemmed languages is re-read with its own language's analyzer, the one that
indexed it, so "Häuser" lights up for a search for "Haus" in a German story.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from whoosh import highlight
from whoosh.analysis import Token
from whoosh.searching import Hit as WhooshHit

from .analysis import language_analyzer, stemming_language
from .search_types import SnippetFragment
from .word_forms import highlight_tokens, word_forms

SNIPPET_CHARS = 200
MAX_FRAGMENTS = 2
# The fields a snippet is taken from, in order of preference.
SNIPPET_FIELDS = ("body", "description")
ELLIPSIS = "…"


class FragmentFormatter(highlight.Formatter):
    """A Whoosh formatter producing ``SnippetFragment`` tuples."""

    def format_token(self, text: str, token: Any, replace: bool = False) -> str:
        return highlight.get_text(text, token, replace)

    def format_fragment(
        self, fragment: Any, replace: bool = False, *, first: bool = True, last: bool = True
    ) -> list[SnippetFragment]:
        text: str = fragment.text
        start, end = _word_bounds(text, fragment.startchar, fragment.endchar)
        index = start
        pieces: list[SnippetFragment] = []
        if first and start > 0:
            pieces.append(SnippetFragment(ELLIPSIS + " "))
        ordered = sorted(
            (token for token in fragment.matches if token.startchar is not None),
            key=lambda token: (token.startchar, token.startchar - token.endchar),
        )
        for token in ordered:
            if token.startchar < index or token.endchar > end:
                continue  # overlaps a longer match already taken, or was trimmed away
            pieces.append(SnippetFragment(text[index : token.startchar]))
            pieces.append(SnippetFragment(self.format_token(text, token, replace), True))
            index = token.endchar
        pieces.append(SnippetFragment(text[index:end]))
        if last and end < len(text):
            pieces.append(SnippetFragment(" " + ELLIPSIS))
        return pieces

    def format(
        self, fragments: Sequence[Any], replace: bool = False
    ) -> tuple[SnippetFragment, ...]:
        fragments = _join_touching(fragments)
        pieces: list[SnippetFragment] = []
        count = len(fragments)
        for number, fragment in enumerate(fragments):
            if number:
                pieces.append(SnippetFragment(" " + ELLIPSIS + " "))
            pieces.extend(
                self.format_fragment(
                    fragment, replace=replace, first=number == 0, last=number == count - 1
                )
            )
        return tidy(pieces)


def _join_touching(fragments: Sequence[Any]) -> list[Any]:
    """Passages that meet (only spaces between them) as one: no "…" inside a sentence."""
    joined: list[Any] = []
    for fragment in sorted(fragments, key=lambda item: item.startchar):
        if joined:
            last = joined[-1]
            gap = fragment.text[last.endchar : fragment.startchar]
            if fragment.startchar >= last.endchar and not gap.strip():
                joined[-1] = highlight.Fragment(
                    fragment.text,
                    [*last.matches, *fragment.matches],
                    last.startchar,
                    fragment.endchar,
                )
                continue
        joined.append(fragment)
    return joined


def _word_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Move a passage's ends inward to whole words, so no snippet starts mid-word."""
    if 0 < start < len(text) and not text[start - 1].isspace():
        space = text.find(" ", start, end)
        if space != -1:
            start = space + 1
    if end < len(text) and not text[end].isspace():
        space = text.rfind(" ", start, end)
        if space > start:
            end = space
    return start, end


class EarlierFragmentScorer(highlight.BasicFragmentScorer):
    """Whoosh's passage score (matches times distinct words), ties going to the earlier passage.

    Whoosh leaves equal scores to chance; in news the earlier passage is usually the
    one that tells the story, so a lead naming the strike beats a closing line naming
    the port.
    """

    def __call__(self, fragment: Any) -> float:
        score = float(super().__call__(fragment))
        if not fragment.matches:
            return score
        length = max(len(fragment.text), 1)
        # Under 0.5: never enough to lift a passage with no match over the minimum of 1.
        return score + 0.5 * (1 - fragment.startchar / length)


def make_highlighter() -> highlight.Highlighter:
    """A highlighter picking up to two ~200-character passages around matches."""
    return highlight.Highlighter(
        fragmenter=highlight.ContextFragmenter(maxchars=SNIPPET_CHARS, surround=60),
        scorer=EarlierFragmentScorer(),
        formatter=FragmentFormatter(),
        order=highlight.FIRST,
    )


def snippet_for(
    hit: WhooshHit,
    highlighter: highlight.Highlighter,
    *,
    body: str,
    description: str | None,
    language: str | None = None,
    terms: Mapping[str, frozenset[str]] | None = None,
) -> tuple[SnippetFragment, ...]:
    """Highlighted body passages; else the highlighted description; else the lead.

    ``language`` is the article's: its words are matched as they were indexed.
    ``terms`` are the query's words per field (``query_words``), worked out once for a
    page of hits; by default they are read from the hit's query.
    """
    stemming = stemming_language(language)
    schema = hit.results.searcher.schema
    for field, text in zip(SNIPPET_FIELDS, (body, description), strict=True):
        if not text:
            continue
        words = terms.get(field) if terms is not None else None
        if words is None:
            words = query_words(hit, field)
        if stemming is None:
            # Whoosh's highlight_hit: the field's analyzer, neighbouring matches merged.
            analyzer = schema[field].analyzer
            fragments = _highlight(highlighter, analyzer, text, words, merge=True)
        else:
            fragments = _highlight(
                highlighter, language_analyzer(stemming), text, words, merge=False
            )
        if fragments and any(fragment.match for fragment in fragments):
            return tuple(fragments)
    return plain_snippet(description or body)


def query_words(hit: WhooshHit, field: str) -> frozenset[str]:
    """The query's terms in ``field`` (expanded, as text), the words a snippet lights up.

    An article in one of the stemmed languages finds its own language's tagged stems
    ("de:haus") here whenever the index holds articles in it (``analysis.query_forms``).
    """
    return frozenset(
        value.decode("utf-8") if isinstance(value, bytes) else value
        for name, value in hit.results.query_terms(expand=True, fieldname=field)
        if name == field
    )


def _highlight(
    highlighter: highlight.Highlighter,
    analyzer: Any,
    text: str,
    words: frozenset[str],
    *,
    merge: bool,
) -> Any:
    """Whoosh's highlighting of ``text`` for ``words``, reading the text word by word.

    The passages are the ones ``Highlighter.highlight_hit`` (``merge``) or
    ``highlight.highlight`` give; ``word_forms`` only makes the re-analysis cheaper.
    """
    if not words:
        return highlighter.formatter.format([])
    split = word_forms(analyzer).words(text)
    tokens: Iterable[Any]
    if split is None:  # an analyzer that must see the whole text
        tokens = highlight.set_matched_filter(
            analyzer(text, positions=True, chars=True, mode="index", removestops=False), words
        )
    else:
        fragmenter = highlighter.fragmenter
        if type(fragmenter) is highlight.ContextFragmenter:
            found = context_fragments(fragmenter, text, split, words)
            if found is not None:
                return _best(highlighter, found)
        tokens = highlight_tokens(split, words)
    if merge:
        tokens = highlight.Highlighter._merge_matched_tokens(tokens)
    fragments = highlighter.fragmenter.fragment_tokens(text, tokens)
    return _best(highlighter, fragments)


def _best(highlighter: highlight.Highlighter, fragments: Iterable[Any]) -> Any:
    best = highlight.top_fragments(
        fragments, MAX_FRAGMENTS, highlighter.scorer, highlighter.order, minscore=1
    )
    return highlighter.formatter.format(best)


def context_fragments(
    fragmenter: highlight.ContextFragmenter,
    text: str,
    words: Sequence[tuple[int, int, str, bool]],
    terms: frozenset[str],
) -> list[Any] | None:
    """What ``fragmenter.fragment_tokens`` gives for these words, visiting few of them.

    Outside a passage Whoosh's loop only remembers where the words of the last
    ``surround`` characters start, so the words between passages are stepped over: a
    passage opening at a match starts at the earliest word that memory would hold.
    Inside a passage every word is counted as Whoosh counts it. ``words`` are
    ``WordForms.words``; a word matches when its text is one of ``terms``. None when
    two matching words touch (Whoosh's highlighter would merge them into one).
    """
    maxchars, surround, charlimit = fragmenter.maxchars, fragmenter.surround, fragmenter.charlimit
    count = len(words)
    if charlimit:  # Whoosh stops at the first word ending past the limit
        count = bisect_right(words, charlimit, key=lambda word: word[1])
    matched = [number for number, word in enumerate(words) if word[2] in terms]
    for before, after in zip(matched, matched[1:], strict=False):
        if after == before + 1 and words[after][0] <= words[before][1]:
            return None
    is_match = set(matched)
    fragments: list[Any] = []
    first: int | None = None
    countdown = -1
    tokens: list[Token] = []
    endchar = 0
    currentlen = 0
    remembered = 0  # the first word of Whoosh's memory of recent starts
    upcoming = iter(matched)
    number = 0
    while number < count:
        if countdown < 0 and number not in is_match:
            number = next((match for match in upcoming if match >= number), count)
            continue
        start, endchar, word, stopped = words[number]
        length = endchar - start
        if currentlen + length > maxchars:
            countdown = 0
        elif number in is_match:
            countdown = surround
            if first is None:
                first = _earliest_start(words, remembered, number, surround)
                if first is None:
                    first = start
                    countdown += surround
            tokens.append(_match_token(start, endchar, word, stopped, number))
        if countdown >= 0:
            currentlen += length
            countdown -= length
            if countdown <= 0:
                fragments.append(highlight.mkfrag(text, tokens, startchar=first, endchar=endchar))
                tokens, first, currentlen, remembered = [], None, 0, number + 1
        number += 1
    if tokens:
        if count < len(words):
            endchar = words[count][1]
        fragments.append(highlight.mkfrag(text, tokens, startchar=first, endchar=endchar))
    return fragments


def _earliest_start(
    words: Sequence[tuple[int, int, str, bool]], remembered: int, number: int, surround: int
) -> int | None:
    """The start Whoosh's memory holds first when word ``number`` opens a passage.

    It holds the starts of the words since ``remembered`` that lie within ``surround``
    characters of the end of the word before this one; None when it holds none.
    """
    if number <= remembered:
        return None
    limit = words[number - 1][1] - surround
    earliest = None
    for previous in range(number - 1, remembered - 1, -1):
        if words[previous][0] < limit:
            break
        earliest = words[previous][0]
    return earliest


def _match_token(start: int, end: int, text: str, stopped: bool, position: int) -> Token:
    """The matching token ``word_forms.highlight_tokens`` would hand the fragmenter."""
    token = Token(positions=True, chars=True, removestops=False, mode="index")
    token.boost = 1.0
    token.startchar, token.endchar, token.text = start, end, text
    token.stopped, token.pos, token.matched = stopped, position, True
    return token


def plain_snippet(text: str | None, limit: int = SNIPPET_CHARS) -> tuple[SnippetFragment, ...]:
    """The start of ``text`` cut at a word boundary, as one unhighlighted fragment."""
    lead = " ".join((text or "").split())
    if not lead:
        return ()
    if len(lead) > limit:
        cut = lead.rfind(" ", 0, limit)
        lead = lead[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + " " + ELLIPSIS
    return (SnippetFragment(lead),)


def tidy(pieces: Iterable[SnippetFragment]) -> tuple[SnippetFragment, ...]:
    """Collapse whitespace, drop empty pieces and merge neighbouring plain text."""
    merged: list[SnippetFragment] = []
    for piece in pieces:
        text = " ".join(piece.text.split())
        if piece.text[:1].isspace() and text:
            text = " " + text
        if piece.text[-1:].isspace() and text:
            text = text + " "
        if not text.strip():
            text = " " if piece.text else ""
        if not text:
            continue
        if merged and not piece.match and not merged[-1].match:
            merged[-1] = SnippetFragment(merged[-1].text + text)
        else:
            merged.append(SnippetFragment(text, piece.match))
    return _strip_ends(merged)


def _strip_ends(pieces: list[SnippetFragment]) -> tuple[SnippetFragment, ...]:
    if pieces and not pieces[0].match:
        pieces[0] = SnippetFragment(pieces[0].text.lstrip())
    if pieces and not pieces[-1].match:
        pieces[-1] = SnippetFragment(pieces[-1].text.rstrip())
    merged_spaces: list[SnippetFragment] = []
    for piece in pieces:
        text = piece.text
        if merged_spaces and merged_spaces[-1].text.endswith(" ") and text.startswith(" "):
            text = text.lstrip()
        if text:
            merged_spaces.append(SnippetFragment(text, piece.match))
    return tuple(merged_spaces)
