"""Reading bylines into person names: openers, separators, agencies, places, roles and case."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from indexer.scrape import lexicon, rules
from indexer.scrape.dates import date_start
from indexer.scrape.textutil import clean_value, collapse, dedupe, is_all_caps

_OPENER = re.compile(
    r"^(?:" + "|".join(re.escape(o) for o in lexicon.BYLINE_OPENERS) + r")(?:\s*:\s*|\s+)",
    re.I,
)
_SEPARATORS = re.compile(lexicon.NAME_SEPARATORS, re.I)
_PLACE_TAIL = re.compile(r"\s+(?:in|for|at|from|reporting from|aus|à)\s+.*$", re.I)
_PARENS = re.compile(r"\(([^()]*)\)")
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_HANDLE = re.compile(r"(?<!\w)@\w+")
_URLISH = re.compile(r"^(?:https?:)?//|^www\.", re.I)
_NAME_WORD = re.compile(r"^[^\W\d_][\w'’.\-]*$")
_TRIM = " \t-–—:;,.|/•·*()[]\"“”'"
_MAX_NAME_WORDS = 5
_ARTICLES = frozenset({"the"})
# An editor's initials in a credit: two or three lower-case letters ("det", "lno").
_INITIALS = re.compile(r"^[a-zäöüß]{2,3}$")
_INNER_OPENER = re.compile(r"\s(?:by|von|par|por|di|door)\s+(?=\S)", re.I)
_WEEKDAYS_AND_MONTHS = frozenset(
    w for w in lexicon.NOT_NAMES if w.endswith("day") or w in lexicon.ENGLISH_MONTH_WORDS
) | frozenset(
    w for w in lexicon.DATE_NOISE_WORDS if w.endswith(("tag", "woch", "di", "dì", "es", "go"))
)  # "Alex Bozarjian Thursday", "Isabella DiBiase am Samstag"
_MAX_BYLINE_CHARS = 160
# "Written by X Edited by Y": what follows a second credit names other contributors.
_OTHER_CREDIT = re.compile(
    r"\s(?:edited|illustrated|illustrations?|photographed|produced|graphics|photos?|images?|video|"
    r"additional reporting|bearbeitet|redigiert|fotos?|bilder)\s+(?:by|von)\s.*$",
    re.I,
)
# A user name such as "freeman1984", "r23" or "c1ph4": a letter, then digits (one word).
_HANDLE_NAME = re.compile(r"^[^\W\d_][\w.\-]*\d+[\w]*$")
_MAX_CREDIT_WORDS = 5
_MIN_LONE_NAME_CHARS = 2
# What joins a byline to the date after it: "Jane Doe am 21. April", "Jane Doe, on".
_DATE_LEAD_IN = re.compile(
    r"(?:[\s,|·•:\-–—]+(?:am|on|le|el|il|den|vom|date|datum|fecha|published|posted)?)*\s*$",
    re.I,
)
# "Datum: 19.11.2021 Autor: Fritz Imhof Rubrik: Politik": an author label inside a line.
_INNER_AUTHOR_LABEL = re.compile(
    r"(?<!\w)(?:autor(?:in)?|author|auteur|autore|redaktion|text|von)\s*:\s*", re.I
)
_NEXT_LABEL = re.compile(r"\s[^\W\d_][\w/]*\s*:\s")
# "Jane Doe im Gespräch mit John Roe": both people of an interview are its authors.
_CONVERSATION = re.compile(
    r"\s(?:im gespräch mit|im interview mit|in conversation with|en conversation avec|"
    r"en conversación con|in conversazione con)\s",
    re.I,
)
# "Text & Fotos: Jane Doe", "Text und Bild: Jane Doe": a credit label naming what she made.
_CREDIT_LABEL = re.compile(
    r"^(?:text|texte|texto|tekst|words|story|autor|author|fotos?|photos?|bilder?|images?)"
    r"(?:\s*(?:&|\+|/|,|und|and|et|y|i)\s*"
    r"(?:text|texte|texto|tekst|words|fotos?|photos?|bilder?|images?|video))+\s*:\s*",
    re.I,
)
# A label set off by a space before its colon, as French typography writes it.
_SPACED_COLON = re.compile(r"^([^\W\d_]{2,20})\s+:")
# A lone name that carries on after an opener inside the value ("Disko Von Ernst Lohoff",
# "Blog Beitrag von Jane Doe"): a person's name is at least this many words.
_MIN_INNER_NAME_WORDS = 2
_MIN_ACRONYM_CHARS = 3
# "Jane Doe (avec John Roe et Ann Poe)": co-authors named in brackets.
_WITH = re.compile(r"^(?:avec|with|mit|con|com|z|met)\s+(?=\S)", re.I)
_MAX_MIDDLE_NAME_WORDS = 3
# A job title written as one word before the name: "Rechtsanwalt Jane Doe",
# "FOCUS-Online-Experte Jane Doe", "Projektleiterin der X".
_LEADING_ROLE_ENDINGS = (
    "experte",
    "expertin",
    "redakteur",
    "redakteurin",
    "korrespondent",
    "korrespondentin",
    "anwalt",
    "anwältin",
    "leiter",
    "leiterin",
    "sprecher",
    "sprecherin",
    "reporter",
    "reporterin",
)


@dataclass(slots=True)
class _Names:
    persons: list[str] = field(default_factory=list)
    agencies: list[str] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)  # desk credits ("Redaktion X")
    initials: list[str] = field(default_factory=list)  # an editor's initials ("det" in "det/dpa")
    clean: bool = True  # False when some part was prose rather than a name


def normalise_authors(values: Iterable[str | None]) -> list[str]:
    """Person names from raw author values; agencies only when no person is named.

    Profile URLs are dropped, and a name is read from a URL slug only when nothing
    else names anyone. Names are de-duplicated case-insensitively, first seen wins.
    """
    persons: list[str] = []
    agencies: list[str] = []
    credits: list[str] = []
    from_urls: list[str] = []
    for value in values:
        text = clean_value(value)
        if not text:
            continue
        if _URLISH.match(text):
            slug_name = name_from_profile_url(text)
            if slug_name:
                from_urls.append(slug_name)
            continue
        names = _read_names(_loose_byline(text), strict=False)
        if names.agencies and names.initials and len(names.initials) == len(names.persons):
            # "det/dpa": the agency's story as edited by the desk; the credit is both.
            agencies.extend([*names.initials, *names.agencies])
            continue
        persons.extend(names.persons)
        agencies.extend(names.agencies)
        credits.extend(names.credits)
    return dedupe(persons) or dedupe(agencies) or dedupe(credits) or dedupe(from_urls)


def byline_names(line: str) -> list[str] | None:
    """The names of a line that is a byline ("By X and Y in Kyiv"), else None.

    Strict: every part after the opener must read as a name, agency, place, role or
    date, so "By the end of the year..." or "By Monday, talks..." are left as prose.
    """
    text = _SPACED_COLON.sub(r"\1:", collapse(line), count=1)  # French "Auteur : X"
    if not text or len(text) > _MAX_BYLINE_CHARS:
        return None
    match = _OPENER.match(text) or _CREDIT_LABEL.match(text)  # "Text & Fotos: X"
    if not match:
        return None
    rest = text[match.end() :]
    if not rest or not (rest[0].isupper() or rest[0] in "@"):
        return None
    cut = date_start(rest)
    if cut:  # "By Jane Doe March 25, 2015", "VON JANE DOE am 21. April 2020"
        rest = _DATE_LEAD_IN.sub("", rest[:cut])
    names = _read_names(rest, strict=True)
    if not names.clean:
        return None
    if names.persons:
        return names.persons
    return names.agencies or None


def piece_byline_names(line: str) -> list[str] | None:
    """The names of a byline that is one piece of a line of page furniture
    ("Kultur | By Jane Doe | 3 May 2024")."""
    text = collapse(line)
    if not text or len(text) > _MAX_BYLINE_CHARS or " | " not in text:
        return None
    for piece in text.split(" | ")[1:]:
        names = byline_names(piece)
        if names:
            return names
    return None


def labelled_byline_names(line: str) -> list[str] | None:
    """The names after an author label inside a line of page furniture
    ("Datum: 19.11.2021 Autor: Fritz Imhof Rubrik: Politik"), read as strictly as a byline."""
    text = collapse(line)
    if not text or len(text) > _MAX_BYLINE_CHARS:
        return None
    match = _INNER_AUTHOR_LABEL.search(text)
    if not match or match.start() == 0:
        return None
    rest = text[match.end() :]
    following = _NEXT_LABEL.search(rest)
    if following:
        rest = rest[: following.start()]
    return byline_names("By " + rest.strip()) if rest.strip() else None


def names_after_date(rest: str) -> list[str] | None:
    """The person names in what follows a date in a dateline ("11.12.2019 - Jane Doe"),
    read strictly: None unless every part is a capitalised name."""
    text = collapse(rest).strip(_TRIM + " ")
    if not text or len(text) > _MAX_BYLINE_CHARS or not text[0].isupper():
        return None
    names = _read_names(text, strict=True)
    return names.persons if names.clean and names.persons else None


def strip_opener(text: str) -> str:
    """The text without a leading "By"/"Von"/"Par"... opener."""
    return _OPENER.sub("", collapse(text), count=1)


def fix_case(name: str) -> str:
    """Normal case for names printed in all capitals or all lower case; others untouched."""
    if not (is_all_caps(name) or name == name.lower()):
        return name
    words = name.lower().split()
    fixed: list[str] = []
    for index, word in enumerate(words):
        inner = 0 < index < len(words) - 1
        fixed.append(word if inner and word in lexicon.NAME_PARTICLES else _capitalise(word))
    return " ".join(fixed)


def name_from_profile_url(url: str) -> str | None:
    """A person name from an author-profile URL slug (".../author/jane-doe/")."""
    try:
        path = urlsplit(url).path
    except ValueError:  # "http://[not-an-address]/": no path to read a name from
        return None
    segments = [unquote(s) for s in path.split("/") if s]
    for index, segment in enumerate(segments[:-1]):
        if segment.lower() in rules.AUTHOR_PATH_SEGMENTS:
            words = [w for w in re.split(r"[-_+.\s]+", segments[index + 1]) if w]
            words = [w for w in words if w.isalpha()]
            if 1 <= len(words) <= _MAX_NAME_WORDS:
                return fix_case(" ".join(words).lower())
    return None


def agency_name(text: str) -> str | None:
    """The display name of a news agency or desk credit, if ``text`` is one."""
    return lexicon.AGENCIES.get(collapse(text).strip(_TRIM).casefold())


def is_handle(name: str) -> bool:
    """True for a user name such as "freeman1984" or initials such as "mh": a weaker
    credit than a person's name, kept only when no one is named in full."""
    if _HANDLE_NAME.match(name) or _INITIALS.match(name):
        return True  # "freeman1984", or an editor's initials written small ("det", "lno")
    return " " not in name and name.isascii() and len(name.strip(".")) <= _MIN_LONE_NAME_CHARS


def looks_like_organisation(name: str) -> bool:
    """True for credits such as "Bund der Energieverbraucher", "Eat Smarter GmbH", "x.de"."""
    words = [w.strip(",;()").casefold() for w in collapse(name).split()]
    if not words:
        return False
    if any(w in lexicon.ORGANISATION_WORDS for w in words):
        return True
    if any(w.endswith(lexicon.ORGANISATION_ENDINGS) for w in words):
        return True
    return any(re.search(r"\w\.(?:de|com|org|net|at|ch|fr|es|it|pl|uk|eu|info)$", w) for w in words)


def _read_names(text: str, *, strict: bool) -> _Names:
    names = _Names()
    text = _EMAIL.sub(" ", text)
    text = _HANDLE.sub(" ", text)
    for inner in _PARENS.findall(text):
        agency = agency_name(inner)
        if agency:
            names.agencies.append(agency)
    text = collapse(_PARENS.sub(_inner_names, text))
    text = _OTHER_CREDIT.sub("", text)
    if not strict:
        text = _after_dated_opener(text)
    for raw_part in _SEPARATORS.split(text):
        part = strip_opener(raw_part).strip(_TRIM)
        if not part:
            continue
        agency = agency_name(part)
        if agency:
            names.agencies.append(agency)
            continue
        part = _PLACE_TAIL.sub("", part).strip(_TRIM)
        if not strict and len(part.split()) > 1 and part.split()[0].casefold() in _ARTICLES:
            names.credits.append(part)  # "The Local": a title, not a person's name
            continue
        if not strict:
            part = _trim_part(part)
        verdict = _judge_part(part, strict=strict)
        if verdict == "name" and _INITIALS.match(part):
            names.initials.append(part)
            names.persons.append(fix_case(part))
        elif verdict == "name":
            names.persons.append(fix_case(part))
        elif verdict == "handle":
            names.persons.append(part)
        elif verdict == "credit":
            names.credits.append(part)
        elif verdict == "prose":
            names.clean = False
    if any(" " in p for p in names.persons):
        names.persons = [p for p in names.persons if " " in p]
    names.persons = dedupe(names.persons)
    names.agencies = dedupe(names.agencies)
    return names


def _inner_names(match: re.Match[str]) -> str:
    """What a bracket in a byline adds: co-authors after "with"/"avec", or the middle names
    inside a name ("Bruno (Henrique Costa) Rodrigues"); anything else (an agency, a role)
    is left out."""
    inner = collapse(match.group(1))
    with_others = _WITH.match(inner)
    if with_others and inner[with_others.end() :][:1].isupper():
        return ", " + inner[with_others.end() :] + ", "
    words = inner.split()
    after = match.string[match.end() :].lstrip()
    if (
        words
        and len(words) <= _MAX_MIDDLE_NAME_WORDS
        and after[:1].isupper()
        and match.string[: match.start()].strip()[-1:].isalpha()
        and not agency_name(inner)
        and all(_NAME_WORD.match(w) and w[0].isupper() for w in words)
    ):
        return " " + inner + " "
    return " "


def _loose_byline(text: str) -> str:
    """A byline element's text made ready for reading: cut before a date, after an author
    label inside the line, past a credit label, with an interview's people separated."""
    label = _INNER_AUTHOR_LABEL.search(text)
    if label and label.start() > 0:
        rest = text[label.end() :]
        following = _NEXT_LABEL.search(rest)
        text = rest[: following.start()] if following else rest
    text = _CREDIT_LABEL.sub("", text.strip())
    opener = _OPENER.match(text)
    lead = text[: opener.end()] if opener else ""
    rest = text[len(lead) :]
    cut = date_start(rest)
    if cut and not _INNER_OPENER.search(rest[cut:]):
        # "Author: Jane Doe am 29.12.2010, 13:36 Uhr", "Beitrag von jd12 » 21.01.2009"
        rest = _DATE_LEAD_IN.sub("", rest[:cut]).rstrip(_TRIM + "»«›‹")
    return _CONVERSATION.sub(", ", lead + rest)


def _after_dated_opener(text: str) -> str:
    """ "Posted on June 3, 2020 by Jane Doe" → "Jane Doe": the names after an inner "by"
    whose lead-in is a date or a label, not a name ("Jane Doe, photos by ..." stays)."""
    for match in _INNER_OPENER.finditer(text):
        lead = text[: match.start()]
        lead_words = {w.strip(".,:;").casefold() for w in lead.split()}
        if any(ch.isdigit() for ch in lead) or lead_words & lexicon.LABEL_WORDS:
            return text[match.end() :]
        rest = text[match.end() :]
        if (
            not _SEPARATORS.search(lead)
            and not lead_words & lexicon.CREDIT_WORDS
            and rest[:1].isupper()
            and rest.split()[0].casefold() not in lexicon.NAME_PARTICLES
            and len(rest.split()) >= _MIN_INNER_NAME_WORDS
            and _judge_part(rest.strip(_TRIM), strict=True) == "name"
        ):
            return rest  # "Disko Von Ernst Lohoff": a kicker before the byline
    return text


def _trim_part(part: str) -> str:
    """The part without role, title and weekday words at either end, nor a leading opener;
    cut before a date or time ("MORITZ GATHMANN am 21. April 2020")."""
    words = strip_opener(part).split()
    if len(words) == 1 and _HANDLE_NAME.match(words[0]):
        return words[0].strip(_TRIM)
    for index, word in enumerate(words):
        if any(ch.isdigit() for ch in word) and not (index == 0 and _HANDLE_NAME.match(word)):
            words = words[:index]
            break
    while words and _trimmable(words[-1]):
        words.pop()
    role = False
    while words and (_trimmable(words[0]) or _is_leading_role(words[0])):
        role = role or _is_leading_role(words[0])
        words.pop(0)
    if role and words and words[0] in lexicon.NAME_PARTICLES:
        return ""  # "Projektleiterin der X": the post's employer, not a name
    return " ".join(words).strip(_TRIM)


def _is_leading_role(word: str) -> bool:
    return word.strip(".,:;'’()").casefold().endswith(_LEADING_ROLE_ENDINGS)


def _trimmable(word: str) -> bool:
    bare = word.strip(".,:;'’()").casefold()
    return bare in lexicon.TRIMMED_ROLE_WORDS or bare in _WEEKDAYS_AND_MONTHS


def _judge_part(part: str, *, strict: bool) -> str:
    """ "name", "skip" (a role, date or other byline furniture) or "prose"."""
    if not part:
        return "skip"
    bare_words = {w.strip(".,:;'’()").casefold() for w in part.split()}
    if bare_words & (lexicon.CREDIT_WORDS | lexicon.LABEL_WORDS):
        return "skip"
    if not strict and _HANDLE_NAME.match(part):
        return "handle"
    if any(ch.isdigit() for ch in part) or "http" in part.lower() or "@" in part:
        return "skip"
    if strict and ":" in part:
        return "prose"  # "Auteur(s) : X Destinataire(s) : Y": a run of labelled fields
    words = part.split()
    bare = [w.strip(".,'’").casefold() for w in words]
    if any(w in lexicon.ROLE_WORDS for w in bare):
        return "credit" if not strict and _is_credit(words) else "skip"
    if strict and part[0].isupper() and looks_like_organisation(part):
        return "skip"  # "By Jane Doe - Chrome Safe Browsing team": the desk, beside the name
    if strict and _opens_with_acronym(words):
        return "skip"  # "By Jane Doe, Staff Technologist, ACLU Speech": her unit, not a name
    if not strict and _mixes_case(words):
        return "prose"  # "deinen Hochzeitsbloggern": words of a sentence, not a name
    if all(w in lexicon.NOT_NAMES for w in bare):
        return "prose" if strict else "skip"
    core = [w for w in bare if w not in lexicon.NAME_PARTICLES]
    if not core or len(core) > _MAX_NAME_WORDS or len(part) > 60:
        return "prose"
    if not all(_NAME_WORD.match(w) for w in words):
        return "prose"
    if strict and not is_all_caps(part):
        for word, low in zip(words, bare, strict=True):
            if not word[0].isupper() and low not in lexicon.NAME_PARTICLES:
                return "prose"
    return "name"


def _opens_with_acronym(words: list[str]) -> bool:
    """True for "ACLU Speech": an acronym before mixed-case words names a body, while a
    name printed in capitals is capitals throughout ("Martin UNTERSINGER" stays a name)."""
    first = words[0].strip(".,")
    return (
        len(words) > 1
        and len(first) >= _MIN_ACRONYM_CHARS
        and first.isalpha()
        and first.isupper()
        and not all(w.isupper() for w in words[1:])
    )


def _mixes_case(words: list[str]) -> bool:
    """True when a lower-case word that is no particle opens capitalised ones."""
    first = words[0]
    return (
        len(words) > 1
        and first.isalpha()
        and first.islower()
        and first not in lexicon.NAME_PARTICLES
        and any(w[:1].isupper() for w in words[1:])
        and all(w[:1].isupper() or w in lexicon.NAME_PARTICLES for w in words[1:])
    )


def _is_credit(words: list[str]) -> bool:
    """A desk credit written as a name ("Redaktion Polizeiticker Schweiz", "HLNF Staff
    Report"): a few capitalised words, one of them a role. Kept only when no one is named."""
    if not 2 <= len(words) <= _MAX_CREDIT_WORDS:
        return False
    return all(w[0].isupper() or "." in w for w in words)


def _capitalise(word: str) -> str:
    pieces = word.split("-")
    return "-".join(_capitalise_piece(p) for p in pieces)


def _capitalise_piece(piece: str) -> str:
    if not piece:
        return piece
    for mark in ("'", "’"):
        head, sep, tail = piece.partition(mark)
        if sep and 1 <= len(head) <= 2 and tail:
            return head[0].upper() + head[1:] + sep + tail[0].upper() + tail[1:]
    if piece.startswith("mc") and len(piece) > 3:
        return "Mc" + piece[2].upper() + piece[3:]
    return piece[0].upper() + piece[1:]
