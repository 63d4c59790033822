"""Judging what a page gave us: a plausible articleBody, and paywall, consent and cut-off flags."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from indexer.scrape import lexicon
from indexer.scrape.textutil import collapse, match_key, word_count

#: Flags an `Article.quality` list may hold.
PAYWALLED = "paywalled"
CONSENT_PAGE = "consent_page"
TRUNCATED = "truncated"

_NOT_FREE = re.compile(r"[\"']?isAccessibleForFree[\"']?\s*:\s*[\"']?(?:false|no)\b", re.I)
_NOT_FREE_KEY = "isaccessibleforfree"
_PAYWALL_MARKUP = re.compile(
    r"paywall|pay-wall|premium-(?:content|article|teaser|wall)|subscriber-only|"
    r"subscribers-only|metered-?content|regwall|article-locked",
    re.I,
)
# The same names as plain lower-case strings: finding these is far cheaper than running
# the case-blind pattern over a whole page.
_PAYWALL_NAMES = (
    "paywall",
    "pay-wall",
    "premium-content",
    "premium-article",
    "premium-teaser",
    "premium-wall",
    "subscriber-only",
    "subscribers-only",
    "meteredcontent",
    "metered-content",
    "regwall",
    "article-locked",
)
_TAG = re.compile(r"<[^<>]{0,2000}>")
_WORD = re.compile(r"\w+")
# An articleBody is believed only when the text read from the markup is largely in it
# (same story), or, for a page whose markup shows little text, when its opening words
# are printed on the page.
_SHARED_SHINGLES = 0.5
_OPENING_WORDS = 12
_MIN_COMPARABLE_WORDS = 20
_TEASER_WORDS_CHECKED = 100
# articleBody replaces the markup's text when the markup yields less than this share of it.
_MARKUP_BODY_SHARE = 0.5
# A printed lead kept beside articleBody: a sentence or a few, closed by punctuation.
_MIN_LEAD_CHARS = 60
_MAX_LEAD_CHARS = 600
_LEAD_ENDINGS = (".", "!", "?", "…", '"', "”", "“", "»", "«")
# A body this short next to a paywall marker is the teaser, not the story.
_TEASER_WORDS = 250
# A consent wall: short text whose words are mostly about cookies and consent.
_CONSENT_MAX_WORDS = 400
_CONSENT_MIN_HITS = 3
_CONSENT_SHARE = 0.02
_ELLIPSES = ("...", "…", "[…]", "[...]", "(…)")
# articleBody or wordCount saying the story is this many times longer than what we have.
_CUT_FACTOR = 2.0


@dataclass(frozen=True, slots=True)
class PageSignals:
    """What the raw markup says about access to the text, read before extraction."""

    not_free: bool = False
    paywall_markup: bool = False


def page_signals(markup: str) -> PageSignals:
    """Paywall evidence in the markup: JSON-LD isAccessibleForFree false, paywall classes."""
    lowered = markup.lower()
    if len(lowered) != len(markup):  # a few characters change length when lowered
        return PageSignals(
            not_free=bool(_NOT_FREE.search(markup)),
            paywall_markup=any(
                _in_a_tag(markup, m.start()) for m in _PAYWALL_MARKUP.finditer(markup)
            ),
        )
    return PageSignals(
        not_free=any(
            _NOT_FREE.match(markup, max(0, start - 1)) or _NOT_FREE.match(markup, start)
            for start in _occurrences(lowered, _NOT_FREE_KEY)
        ),
        paywall_markup=any(
            _in_a_tag(markup, start)
            for name in _PAYWALL_NAMES
            for start in _occurrences(lowered, name)
        ),
    )


def _occurrences(text: str, needle: str) -> Iterator[int]:
    start = text.find(needle)
    while start >= 0:
        yield start
        start = text.find(needle, start + 1)


def _in_a_tag(markup: str, start: int) -> bool:
    """Whether ``start`` is inside a tag (a class or id), not in the text of the page."""
    return markup.rfind("<", 0, start) > markup.rfind(">", 0, start)


def choose_body(
    paragraphs: list[str], structured: str | None, markup: str, *, vouched: bool = False
) -> str:
    """The markup's paragraphs, unless a plausible JSON-LD articleBody holds far more text.

    Pages that render the text with scripts, or behind a paywall, often ship the full text
    only in articleBody; but articleBody is also seen holding another story, a template
    placeholder or markup, so it must agree with what the page shows. ``vouched`` says the
    JSON-LD object carrying it names the page's own headline, which stands in for the text
    when the markup shows next to none of it.
    """
    body = "\n\n".join(paragraphs)
    if not structured:
        return body
    ours, theirs = word_count(body), word_count(structured)
    if ours >= _MARKUP_BODY_SHARE * theirs:
        return body
    if not plausible_structured_body(structured, body, markup, vouched=vouched):
        return body
    return _with_printed_lead(paragraphs, structured)


def _with_printed_lead(paragraphs: list[str], structured: str) -> str:
    """articleBody led by the page's opening paragraph when articleBody leaves it out.

    The lead printed under the headline is often kept apart from the text that the page
    declares as its articleBody.
    """
    if not paragraphs:
        return structured
    lead = paragraphs[0]
    if not _MIN_LEAD_CHARS <= len(lead) <= _MAX_LEAD_CHARS or not lead.endswith(_LEAD_ENDINGS):
        return structured
    if match_key(lead) in match_key(structured):
        return structured
    return lead + "\n\n" + structured


def plausible_structured_body(
    structured: str, body: str, markup: str, *, vouched: bool = False
) -> bool:
    """Whether a JSON-LD articleBody is this page's story (checked against the page text).

    It must be prose, not markup. When the markup shows a real stretch
    of text, that text must be largely inside articleBody (the same story); when it shows
    only a teaser, that or articleBody's opening printed on the page will do; a page with
    next to no text (rendered by scripts) cannot contradict it.
    """
    if structured.count("<") > 3 and _TAG.search(structured):
        return False
    theirs_words = _WORD.findall(structured)
    if not theirs_words:
        return False
    body_words = _WORD.findall(body)
    if len(body_words) < _MIN_COMPARABLE_WORDS:
        return True
    shingles = _shingles(body_words)
    theirs = _shingles(theirs_words)
    shared = sum(1 for shingle in shingles if shingle in theirs)
    if shared >= _SHARED_SHINGLES * len(shingles):
        return True
    if len(body_words) >= _TEASER_WORDS_CHECKED:
        return False
    if vouched:
        return True
    opening = " ".join(theirs_words[:_OPENING_WORDS])
    page_text = " ".join(_WORD.findall(_TAG.sub(" ", markup)))
    return opening in page_text


def same_headline(structured: str | None, page: str | None) -> bool:
    """Whether the JSON-LD headline and the page's headline are the same words."""
    return bool(structured and page and match_key(structured) == match_key(page))


def quality_flags(signals: PageSignals, body: str, *, structured: str | None = None) -> list[str]:
    """Flags for what is wrong with the text we could read, in a fixed order."""
    flags: list[str] = []
    words = word_count(body)
    if is_consent_wall(body):
        flags.append(CONSENT_PAGE)
    teaser = words < _TEASER_WORDS
    if signals.not_free or (teaser and (signals.paywall_markup or _has_paywall_line(body))):
        flags.append(PAYWALLED)
    if _looks_cut(body, structured):
        flags.append(TRUNCATED)
    return flags


def is_consent_wall(body: str) -> bool:
    """Short text that is about cookies and consent rather than a story."""
    found = _WORD.findall(body)
    if not found or len(found) > _CONSENT_MAX_WORDS:
        return False
    words = [match_key(word) for word in found]
    hits = sum(1 for word in words if word in lexicon.CONSENT_WORDS)
    return hits >= _CONSENT_MIN_HITS and hits >= _CONSENT_SHARE * len(words) * 3


def _has_paywall_line(body: str) -> bool:
    tail = body.split("\n\n")[-3:]
    return any(
        phrase in collapse(line).casefold() for line in tail for phrase in lexicon.PAYWALL_PHRASES
    )


def _looks_cut(body: str, structured: str | None) -> bool:
    text = body.rstrip()
    if not text:
        return False
    if text.endswith(_ELLIPSES) and not text[-200:].count("\n\n") > 3:
        last = text.rsplit("\n\n", 1)[-1]
        if len(last.split()) > 8:
            return True
    return bool(structured and word_count(structured) > _CUT_FACTOR * word_count(body))


def _shingles(words: list[str]) -> set[tuple[str, ...]]:
    if len(words) < 4:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + 4]) for i in range(len(words) - 3)}
