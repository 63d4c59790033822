"""Language: the declared tag, checked against the text; detected when none is declared."""

from __future__ import annotations

import pytest

from indexer import extract_article
from indexer.scrape.language import choose_language, detect_language

GERMAN = (
    "Die Fähre fährt ab Montag zweimal mehr am Abend. Die Gemeinde hat den neuen Fahrplan "
    "nach langen Gesprächen mit den Anwohnern beschlossen, die sich seit Jahren über die "
    "späten Verbindungen beschwert hatten. "
) * 2
ENGLISH = (
    "The ferry will run two more sailings each evening from Monday. The council agreed the "
    "new timetable after long talks with residents who had complained for years. "
) * 2
SPANISH = (
    "El transbordador tendrá dos salidas más cada noche a partir del lunes. El ayuntamiento "
    "aprobó el nuevo horario tras largas conversaciones con los vecinos. "
) * 2


def _page(html_open: str, text: str) -> str:
    head = "<head><title>Fähre</title></head>"
    return f"{html_open}{head}<body><article><p>{text}</p></article></body></html>"


@pytest.mark.parametrize(("text", "code"), [(GERMAN, "de"), (ENGLISH, "en"), (SPANISH, "es")])
def test_language_detected_when_the_page_declares_none(text: str, code: str) -> None:
    article = extract_article(_page("<html>", text))
    assert article.language == code
    assert article.provenance["language"] == "text"


def test_declared_language_kept_when_the_text_agrees() -> None:
    article = extract_article(_page("<html lang='de-AT'>", GERMAN))
    assert article.language == "de"
    assert article.provenance["language"] == "markup"


def test_wrong_declared_language_is_overruled_by_clear_text() -> None:
    article = extract_article(_page("<html lang='en'>", GERMAN))
    assert article.language == "de"


def test_short_text_is_not_guessed() -> None:
    assert detect_language("Hallo Welt") is None
    assert choose_language(None, "Hallo Welt") == (None, None)
    assert choose_language("fr", "Hallo Welt") == ("fr", "declared")


def test_detection_reads_an_opening_sample_of_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    from indexer.scrape import language

    seen: list[str] = []
    identifier = language._identifier()

    class Spy:
        def classify(self, text: str) -> tuple[str, float]:
            seen.append(text)
            return identifier.classify(text)

    monkeypatch.setattr(language, "_identifier", lambda: Spy())
    text = ENGLISH * 40 + GERMAN * 40
    assert detect_language(text)[0] == "en"
    assert seen == [text[:2000]]
