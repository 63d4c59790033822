"""The article's language: the page's declared tag, checked against what the text reads as."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from py3langid.langid import MODEL_FILE, LanguageIdentifier

# Fewer letters than this are too little text for a detector to be trusted.
_MIN_LETTERS = 60
# Probability a detection needs to stand on its own, and to overrule a declared tag.
_CONFIDENT = 0.90
_OVERRULE = 0.999
_SAMPLE_CHARS = 2_000
_LETTERS = re.compile(r"[^\W\d_]")
# Tags the detector and pages spell differently for one language.
_SAME_LANGUAGE = {"nb": "no", "nn": "no", "iw": "he", "in": "id", "ji": "yi"}


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """The language identifier, loaded once per process (about a second)."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str | None) -> tuple[str, float] | None:
    """(primary subtag, probability) for a text, or None when it is too short to tell."""
    if not text:
        return None
    sample = text[:_SAMPLE_CHARS]
    if len(_LETTERS.findall(sample)) < _MIN_LETTERS:
        return None
    code, probability = _identifier().classify(sample)
    return _same(str(code)), float(probability)


def choose_language(declared: str | None, text: str | None) -> tuple[str | None, str | None]:
    """(language, where from): "declared" or "detected"; (None, None) when unknown.

    A declared tag stands unless the text reads, with near certainty, as another
    language (templates often keep the site's default tag on translated articles).
    Without a declared tag the detection is used when it is confident.
    """
    found = detect_language(text)
    if declared:
        declared = _same(declared)
        if found and found[0] != declared and found[1] >= _OVERRULE:
            return found[0], "detected"
        return declared, "declared"
    if found and found[1] >= _CONFIDENT:
        return found[0], "detected"
    return None, None


def _same(code: str) -> str:
    code = code.lower()
    return _SAME_LANGUAGE.get(code, code)
