"""Repairing UTF-8 text that was read as windows-1252 before it reached the scraper."""

from __future__ import annotations

from indexer import extract_article
from indexer.scrape import mojibake

POLISH = "Fundacja wytoczyła sprawę – zarząd nie może pozwolić na ataki. Łódź, środa."
GERMAN = "Die Größe des Schafs überrascht: „weiß“ und süß, sagt Jürgen."


def _misread(text: str) -> str:
    return text.encode("utf-8").decode("cp1252", errors="replace")


def test_utf8_read_as_windows_1252_is_decoded_again() -> None:
    assert mojibake.repair(_misread(GERMAN)) == GERMAN


def test_bytes_windows_1252_leaves_undefined_are_guessed() -> None:
    # "Ł" is C5 81 in UTF-8, and windows-1252 has no character for 81.
    assert "\ufffd" in _misread(POLISH)
    assert mojibake.repair(_misread(POLISH)) == POLISH


def test_genuine_accented_text_is_left_as_it_is() -> None:
    text = "Ärger über Größe: Äß, Ökonomie, Übermut, französisch café, Señor." * 3
    assert mojibake.repair(text) == text


def test_a_page_with_only_a_trace_or_two_is_left_as_it_is() -> None:
    text = f"{GERMAN} The code Ã¼ stands for ü in a table of misread letters."
    assert mojibake.repair(text) == text


def test_misread_letters_beside_genuine_ones_keep_the_genuine_ones() -> None:
    text = _misread(GERMAN) + " Ärger"
    assert mojibake.repair(text) == GERMAN + " Ärger"


def test_a_misread_page_gives_its_text_and_headline_readable() -> None:
    paragraphs = "".join(f"<p>{POLISH} Akapit {n}.</p>" for n in range(4))
    html = (
        "<html><head><meta charset='utf-8'><title>Sprzeciw wobec ataków</title></head>"
        f"<body><article><h1>Sprzeciw wobec ataków</h1>{paragraphs}</article></body></html>"
    )
    article = extract_article(_misread(html))
    assert article.headline == "Sprzeciw wobec ataków"
    assert f"{POLISH} Akapit 3." in article.body
