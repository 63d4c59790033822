"""Recognising one line of article text: caption, photo credit, byline, date line or boilerplate."""

from __future__ import annotations

import re

from indexer.scrape import lexicon
from indexer.scrape.bylines import byline_names
from indexer.scrape.dates import normalise_date
from indexer.scrape.textutil import collapse, match_key, undouble

_CREDIT_BODY = r"[^()]{1,200}"
#: "(photo credit: X)", "(credit: X)", "(Photo: X)", "(Image by X)", "(Foto: X)".
_CREDIT = re.compile(
    r"\(\s*(?:(?:photo|image|picture|foto|pic|video)s?\s*)?credits?\s*:" + _CREDIT_BODY + r"\)"
    r"|\(\s*(?:photo(?:graph)?|image|picture|foto|pic|illustration)s?\s*(?::|by\s)"
    + _CREDIT_BODY
    + r"\)",
    re.I,
)
_CREDIT_ONLY = re.compile(r"^\s*(?:" + _CREDIT.pattern + r")\s*$", re.I)
_BARE_CREDIT = re.compile(
    r"^(?:(?:photo|image|picture|foto|illustration)s?\s*(?:credit)?s?|credits?|source|quelle|©)"
    r"\s*(?::|by\s|©)\s*\S.{0,120}$",
    re.I,
)
_LABEL = re.compile(
    r"^(?P<label>"
    + "|".join(sorted((re.escape(k) for k in lexicon.DATE_LABELS), key=len, reverse=True))
    + r")(?:\s*:\s*|\s+)(?P<value>.+)$",
    re.I,
)
# Longest labels first, so "Last updated:" is one label rather than "Last" + "updated:".
_INNER_LABEL = re.compile(
    r"(?<!\w)(?:"
    + "|".join(
        sorted((re.escape(k) for k in lexicon.DATE_LABELS if k != "date"), key=len, reverse=True)
    )
    + r")\s*:",
    re.I,
)
_READ_TIME = re.compile(
    r"^\d{1,3}\s*(?:-|\s)?\s*(?:min(?:ute)?s?|mins?\.?)\s*(?:read|lesezeit)?$", re.I
)
_MAX_META_CHARS = 200
_MAX_PROMO_CHARS = 160
_TRAILING_PUNCT = " .:!…→›»>"
_BOILERPLATE_PREFIXES = tuple(lexicon.BOILERPLATE_PREFIXES)
_MAX_NOTICE_CHARS = 300
# Notices addressed to the reader about the site, not the story. Phrases that prose uses
# too ("download the app", "Werbung für ...") need the notice's own wording around them.
_NOTICE = re.compile(
    r"\bfor the latest\b.{0,80}\bdownload\b|\bdownload our\b.{0,40}\bapps?\b"
    r"|^follow\b.{1,60}\bon (?:twitter|facebook|instagram|tiktok|linkedin)\b"
    r"|\bcopyrighted property of\b|\bwritten permission must be obtained\b"
    r"|\bis not responsible for the (?:opinions|content)\b"
    r"|\bsubmit (?:your|a) letter\b|\bletters? to the editor via\b"
    r"|\bthis (?:post|article) contains (?:references to products|affiliate links)\b"
    r"|\b(?:enthält|sind|handelt es sich um|contains) affiliate[- ]links?\b"
    r"|\b(?:beitrag|artikel|post) enthält werbung\b"
    r"|\bcanal de (?:youtube|telegram|whatsapp)\b|\bhazte (?:miembro|socio)\b"
    r"|\bpara comentar debes\b|\bum (?:einen )?kommentare? (?:zu )?(?:schreiben|verfassen)\b"
    r"|\bsie müssen sich (?:einloggen|anmelden)\b|\byou must be logged in\b"
    r"|\bcomments are closed\b|\bkommentare (?:sind )?geschlossen\b|^keine kommentare\b"
    r"|\bwe want to hear what you think\b|\bzapraszamy (?:też )?do subskrypcji\b"
    r"|\bgefällt dir unser\b|^lust auf mehr\b|\b(?:diesen|den) artikel teilen\b"
    r"|\bwar (?:der|dieser) artikel (?:nützlich|hilfreich)\b|\bwas this (?:article|post) helpful\b"
    r"|\bals pdf herunterladen\b|^unterstütze\b|^unterstützen sie\b"
    r"|\badvertiser disclosure\b|\bwe may (?:receive|earn) (?:a )?(?:compensation|commission)\b"
    r"|\babonnieren sie unsere?n?\b"
)


def split_glued(line: str) -> list[str]:
    """Split a line where a caption's credit is glued to what follows it.

    "Caption (credit: X)Next paragraph" becomes two segments; a segment that repeats
    the one before it (a caption printed twice, glued) is dropped, and so is a line of
    the form X+X.
    """
    text = undouble(collapse(line))
    segments: list[str] = []
    start = 0
    for match in _CREDIT.finditer(text):
        if match.end() < len(text):
            segments.append(text[start : match.end()].strip())
            start = match.end()
    segments.append(text[start:].strip())
    kept: list[str] = []
    for segment in segments:
        if segment and not (kept and kept[-1] == segment):
            kept.append(undouble(segment))
    return kept


def split_date_labels(line: str) -> list[str]:
    """Split "By X Published: June 21 Updated: ..." at its inner date labels.

    The split is kept only when every piece after the first is a date line, so prose
    such as "the report was published: ..." stays whole.
    """
    text = collapse(line)
    if ":" not in text:  # every inner label ends with a colon
        return [text] if text else []
    cuts = [m.start() for m in _INNER_LABEL.finditer(text) if m.start() > 0]
    bounds = [0, *cuts, len(text)]
    parts = [text[a:b].strip() for a, b in zip(bounds, bounds[1:], strict=False)]
    parts = [part for part in parts if part]
    if len(parts) > 1 and all(labelled_date(part) for part in parts[1:]):
        return parts
    return [text] if text else []


def is_caption(line: str) -> bool:
    """A line that ends with a photo credit in brackets and has text before it."""
    text = collapse(line)
    match = _last_credit(text)
    return bool(match and match.end() == len(text) and text[: match.start()].strip())


def caption_text(line: str) -> str:
    """A caption without its trailing credit."""
    text = collapse(line)
    match = _last_credit(text)
    if match and match.end() == len(text):
        return text[: match.start()].strip()
    return text


def is_credit(line: str) -> bool:
    """A line that is only a photo credit: "(photo credit: X)", "Photo: X", "© X"."""
    text = collapse(line)
    return bool(_CREDIT_ONLY.match(text) or _BARE_CREDIT.match(text))


def labelled_date(line: str) -> tuple[str, str] | None:
    """("published"|"updated", ISO date) for a line such as "Updated: JUNE 21, 2023 17:33"."""
    text = collapse(line)
    if len(text) > 120:
        return None
    match = _LABEL.match(text)
    if not match:
        return None
    field = lexicon.DATE_LABELS[match["label"].lower()]
    iso = normalise_date(match["value"])
    return (field, iso) if iso else None


def bare_date(line: str) -> str | None:
    """The ISO date when the whole line is a date and nothing else."""
    text = collapse(line)
    if len(text) > 60 or not any(ch.isdigit() for ch in text):
        return None
    return normalise_date(text)


def is_byline(line: str) -> bool:
    """True for a byline such as "By LAHAV HARKOV" or "By Jane Doe and John Roe in Kyiv"."""
    return byline_names(line) is not None


def is_boilerplate(line: str) -> bool:
    """Share prompts, "Advertisement", "Read more: ..." and reading-time notes."""
    text = collapse(line)
    if len(text) > 200:
        return False
    key = text.casefold().strip(_TRAILING_PUNCT)
    if key in lexicon.BOILERPLATE_LINES or _READ_TIME.match(key):
        return True
    if is_notice(text):
        return True
    if len(text) >= _MAX_PROMO_CHARS:
        return False
    return key.startswith(_BOILERPLATE_PREFIXES)


def is_notice(line: str) -> bool:
    """A short notice addressed to the reader about the site rather than the story: an app
    or newsletter to get, a comment box, an advertising or affiliate disclosure."""
    text = collapse(line)
    return len(text) <= _MAX_NOTICE_CHARS and bool(_NOTICE.search(text.casefold()))


def is_meta_line(line: str) -> bool:
    """A byline, a (labelled) date line, a credit, boilerplate or a notice: never body text."""
    if len(line) > _MAX_META_CHARS:
        return is_notice(line)
    pieces = split_date_labels(line)
    return bool(
        is_byline(line)
        or (pieces and all(labelled_date(piece) for piece in pieces))
        or bare_date(line)
        or is_credit(line)
        or is_boilerplate(line)
    )


def caption_keys(caption: str) -> set[str]:
    """Comparison keys under which a caption may reappear in the text (with or without credit)."""
    keys = {match_key(caption), match_key(caption_text(caption))}
    keys.discard("")
    return keys


def _last_credit(text: str) -> re.Match[str] | None:
    last = None
    for match in _CREDIT.finditer(text):
        last = match
    return last
