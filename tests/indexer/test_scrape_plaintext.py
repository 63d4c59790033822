"""The plain-text layout parser on small original dumps: captions, glued copies, wrapping."""

from __future__ import annotations

import pytest

from indexer.scrape.lines import caption_text, is_caption, is_credit, split_glued
from indexer.scrape.plaintext import parse_text_layout

CAPTION = "Divers at the wreck site, May 2, 2021. (photo credit: KAI LUND/SEALINE)"


def test_caption_printed_twice_is_kept_once() -> None:
    layout = parse_text_layout(
        "Wreck found off the cape\n\nBy KAI LUND\nPublished: May 3, 2021 09:00\n"
        f"{CAPTION}\nDivers at the wreck site, May 2, 2021.\n(photo credit: KAI LUND/SEALINE)\n\n"
        "Divers have found the wreck of a steamer that sank off the cape in 1911.\n"
    )
    assert layout.captions == [CAPTION]
    assert layout.paragraphs == [
        "Divers have found the wreck of a steamer that sank off the cape in 1911."
    ]
    assert layout.authors == ["Kai Lund"]
    assert layout.published == "2021-05-03T09:00"


def test_caption_glued_to_next_paragraph_is_split() -> None:
    layout = parse_text_layout(
        f"Wreck found off the cape\n\nFirst paragraph of the story.\n\n{CAPTION}The hull lies in "
        "forty metres of water.\n"
    )
    assert layout.captions == [CAPTION]
    assert layout.paragraphs == [
        "First paragraph of the story.",
        "The hull lies in forty metres of water.",
    ]


def test_glued_double_caption_is_one_caption() -> None:
    assert split_glued(CAPTION + CAPTION) == [CAPTION]
    assert split_glued(CAPTION + " " + CAPTION) == [CAPTION]


def test_caption_without_credit_line_becomes_caption_when_credit_follows() -> None:
    layout = parse_text_layout(
        "Headline here\n\nThe story begins.\n\n"
        "A quiet harbour at dawn.\n(credit: Port Authority)\n\nThe story ends.\n"
    )
    assert layout.captions == ["A quiet harbour at dawn. (credit: Port Authority)"]
    assert layout.paragraphs == ["The story begins.", "The story ends."]


def test_hard_wrapped_paragraphs_are_joined() -> None:
    layout = parse_text_layout(
        "Council agrees budget\n\n"
        "The council agreed its budget for the coming year on Monday night after\n"
        "a debate that lasted almost four hours and ended with a narrow vote in\n"
        "favour of the plan.\n\n"
        "Short second paragraph.\n"
    )
    assert layout.paragraphs[0].startswith("The council agreed its budget")
    assert layout.paragraphs[0].endswith("in favour of the plan.")
    assert len(layout.paragraphs) == 2


def test_no_standfirst_without_byline_or_dates() -> None:
    layout = parse_text_layout("Headline\n\nFirst paragraph.\n\nSecond paragraph.\n")
    assert layout.description is None
    assert layout.paragraphs == ["First paragraph.", "Second paragraph."]


def test_updated_equal_to_published_is_dropped() -> None:
    layout = parse_text_layout(
        "Headline\n\nPublished: June 1, 2022 10:00\nUpdated: June 1, 2022 10:00\n\nBody.\n"
    )
    assert layout.published == "2022-06-01T10:00"
    assert layout.updated is None


def test_agency_only_byline() -> None:
    layout = parse_text_layout("Headline\n\nBy Reuters\n\nBody text of the story.\n")
    assert layout.authors == ["Reuters"]


def test_body_sentence_starting_with_by_is_kept() -> None:
    layout = parse_text_layout(
        "Headline\n\nBy ANA LIMA\n\nBy the end of the day the roads had reopened.\n"
    )
    assert layout.authors == ["Ana Lima"]
    assert layout.paragraphs == ["By the end of the day the roads had reopened."]


@pytest.mark.parametrize(
    ("line", "caption", "credit"),
    [
        (CAPTION, True, False),
        ("(photo credit: KAI LUND/SEALINE)", False, True),
        ("Photo: Kai Lund", False, True),
        ("A line that mentions credit: but has no brackets.", False, False),
        ("Harbour at dawn (Photo: Kai Lund)", True, False),
    ],
)
def test_caption_and_credit_lines(line: str, caption: bool, credit: bool) -> None:
    assert is_caption(line) is caption
    assert is_credit(line) is credit


def test_caption_text_drops_credit() -> None:
    assert caption_text(CAPTION) == "Divers at the wreck site, May 2, 2021."
