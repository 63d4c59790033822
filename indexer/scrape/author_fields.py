"""The article's authors, chosen among the names the page's layers give.

Each layer's names are read as written (`indexer.scrape.bylines`, the layer readers);
here they are weighed against each other, told apart from the outlet, agencies, desks
and logins, and, when no layer names a person, completed by the sign-off below the text
or the desk's credit line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from indexer.scrape import urls
from indexer.scrape.bylines import (
    agency_name,
    fix_case,
    is_handle,
    looks_like_organisation,
    normalise_authors,
    strip_opener,
)
from indexer.scrape.facts import Layers, Picked
from indexer.scrape.fields import is_site_name, names_site, site_name_keys
from indexer.scrape.textutil import clean_value, collapse, dedupe, match_key

# Layers besides one that must name its writers before they outweigh an unbacked first layer.
_MIN_AGREEING_LAYERS = 2
_BRACKETED = re.compile(r"\([^()]*\)")
_EMAIL = re.compile(r"\S+@\S+")
# A credit kept whole is a few words of letters ("Staff Writer", "AFP/The Local").
_MAX_CREDIT_WORDS = 6
# A desk credit: the outlet, agencies and editors' initials, split by "/" or ",".
_CREDIT_PARTS = re.compile(r"\s*[/,]\s*")
_MAX_CREDIT_PARTS = 4
_DESK_INITIALS = re.compile(r"^(?:[a-zäöüß]{2,3}|red\.)$")
_CREDIT_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’.\-/&])*$|^[&/]$")


def authors(
    layers: Layers,
    site_names: list[str],
    signed_off: Callable[[], list[str]] | None = None,
    credited: Callable[[], list[str]] | None = None,
) -> Picked[list[str]]:
    """JSON-LD → meta → microdata → byline markup → "By X" text; the first that names a person,
    unless the other layers agree on something else (see `_best_supported`).

    A layer naming only an agency, a desk, a user name, the outlet itself (or a credit
    holding its name) or only profile addresses is remembered and used only if no later
    layer names a person. ``signed_off`` reads the names signed below the text (layer
    "signoff"); it is asked last, only when no layer names a person. ``credited`` gives the
    short lines after the text: a desk credit among them ("Quelle: hessenschau.de/bb", layer
    "credit") is taken over the outlet's bare name when no one is named.
    """
    site_keys = {match_key(n) for n in site_names if n}
    keys = site_name_keys(site_names)
    fallback: Picked[list[str]] = ([], None)
    from_address = False  # whether the fallback was read off profile addresses
    found: list[tuple[str, list[str]]] = []
    for layer, facts in layers.named():
        values = [v for v in facts.authors if v and not _is_outlet_value(v, keys)]
        if len(values) < len([v for v in facts.authors if v]):
            # The outlet's own name as its author ("Jobs & Hire", "Miami Today"): kept whole
            # as a last resort, never split into "names" nor read as a person.
            outlet = next(v for v in facts.authors if v and v not in values).split(",")[0]
            outlet = _as_written(outlet)
            fallback = fallback if fallback[0] or not outlet else ([outlet], layer)
        names = normalise_authors(values)
        if names and all(urls.is_http(v) for v in values if v):
            # Only profile addresses: a login read off a URL slug, weaker than a name.
            if not fallback[0]:
                fallback, from_address = (names, layer), True
            continue
        persons = _persons(names, site_keys, keys)
        if persons:
            found.append((layer, persons))
        elif names and (not fallback[0] or from_address):
            # ...and weaker than a credit the page prints ("von Redaktion").
            from_address = False
            # A credit, desk or organisation is kept as the page writes it ("Staff Writer",
            # "AFP/The Local"), not cut into the pieces a person's name would be.
            fallback = (dedupe(n for v in values for n in _credit_as_written(v)), layer)
    if not found:
        if signed_off is not None:
            persons = _persons(normalise_authors(signed_off()), site_keys, keys)
            if persons:
                return persons, "signoff"
        if credited is not None and all(_is_outlet(n, keys) for n in fallback[0] or []):
            credit = next((c for c in credited() if _is_desk_credit(c, keys)), None)
            if credit:
                return [credit], "credit"
        return fallback
    layer, persons = _best_supported(found)
    byline = next((names for name, names in found if name == "text"), [])
    if (
        _only_logins(getattr(layers, layer).authors)
        and byline
        and all(" " in n for n in byline)
        and not _shares_person(persons, byline)
    ):
        # A CMS account ("sarah-indra") filed the page, the visible byline names the writer.
        return byline, "text"
    later = [n for other, more in found if other != layer for n in more if " " in n]
    return dedupe(_fuller_name(n, later) for n in persons), layer


def _is_outlet_value(value: str, keys: set[str]) -> bool:
    """True for the site's name, alone or with its address ("hessenschau.de, Frankfurt,
    Germany": the outlet and the places it is in, one word each)."""
    head, *places = [p.strip() for p in value.split(",")]
    return is_site_name(head, keys) and all(len(p.split()) == 1 and p[:1].isupper() for p in places)


def _only_logins(values: tuple[str, ...]) -> bool:
    """True when every value is an account login ("sarah-indra", "jdoe"): one lower-case word."""
    texts = [clean_value(v) or "" for v in values if v and not urls.is_http(v)]
    return bool(texts) and all(t == t.lower() and " " not in t for t in texts)


def _is_outlet(name: str, keys: set[str]) -> bool:
    """True for the outlet's own name or an agency: no one in person."""
    return is_site_name(name, keys) or agency_name(name) is not None


def _is_desk_credit(line: str, keys: set[str]) -> bool:
    """True for a credit made of the outlet's name, agencies and editors' initials
    ("MDR THÜRINGEN/ls", "red, wien.ORF.at/Agenturen", "kathpress")."""
    if any(mark in line for mark in "@©:"):
        return False  # a profile, a picture credit or a labelled line
    parts = [p.strip() for p in _CREDIT_PARTS.split(line)]
    if not parts or len(parts) > _MAX_CREDIT_PARTS or not all(parts):
        return False
    named = [p for p in parts if agency_name(p) or is_site_name(p, keys) or _desk_of(p, keys)]
    rest = [p for p in parts if p not in named]
    return bool(named) and all(_DESK_INITIALS.match(p) for p in rest)


def _desk_of(part: str, keys: set[str]) -> bool:
    """ "MDR THÜRINGEN" on mdr.de: the outlet's name and one word for its regional desk."""
    words = match_key(part).split()
    return len(words) == 2 and len(words[0]) >= 3 and words[0] in keys


def _credit_as_written(value: str) -> list[str]:
    """A credit that names no person, whole ("Staff Writer", "Organization for Transformative
    Works"), when it is a plain run of words; else the names read out of it."""
    names = normalise_authors([value])
    if not names or urls.is_http(value) or all(is_handle(n) for n in names):
        return names
    written = strip_opener(_as_written(value)).strip(" .,;:-–—|")
    words = written.split()
    if all(agency_name(n) for n in names) and _letters(written) == _letters("".join(names)):
        return names  # "EFE", "dpa": the agency's own spelling
    if not words or len(words) > _MAX_CREDIT_WORDS or any(not _CREDIT_WORD.match(w) for w in words):
        return names
    return [written]


def _as_written(value: str) -> str:
    """An author value in normal case, as the page writes it, without a bracketed aside
    ("Deutsche Welle (www.dw.com)")."""
    text = _EMAIL.sub(" ", _BRACKETED.sub(" ", clean_value(value) or ""))
    return fix_case(collapse(text))


def _persons(names: list[str], site_keys: set[str], keys: set[str]) -> list[str]:
    """The names that are people: no agency, user name, organisation or the outlet itself."""
    return [
        n
        for n in names
        if not agency_name(n)
        and not is_handle(n)
        and match_key(n) not in site_keys
        and not looks_like_organisation(n)
        and not is_site_name(n, keys)
        and not ((" " in n or "-" in n) and names_site(n, keys))
    ]


def _best_supported(found: list[tuple[str, list[str]]]) -> tuple[str, list[str]]:
    """The first layer's names, unless later layers name the same writers more completely
    and two of them agree on it; no other layer shares a name with it while three agree on
    other writers; or the visible byline names fewer of them and nothing backs the rest."""
    layer, persons = found[0]
    for name, names in found[1:]:
        if (
            len(names) > len(persons)
            and _covers(names, persons)
            and any(_covers(more, names) for other, more in found if other not in (layer, name))
        ):
            return name, names  # the metadata names only the first of several writers
    if not any(_shares_person(persons, names) for _, names in found[1:]):
        for name, names in found[1:]:
            agreeing = [o for o, more in found[1:] if o != name and _covers(more, names)]
            if len(agreeing) >= _MIN_AGREEING_LAYERS:
                return name, names  # the layers agree on other writers than the first
    byline = next((names for name, names in found if name == "text"), None)
    if byline is None or layer == "text":
        return layer, persons
    others = [names for name, names in found[1:] if name != "text"]
    backed = any(_shares_person(persons, names) for names in others)
    if _covers(persons, byline) and len(persons) > len(byline) and not backed:
        return "text", byline  # the markup swept up names beside the byline
    return layer, persons


def _shares_person(names: list[str], others: list[str]) -> bool:
    return any(_same_person(a, b) for a in names for b in others)


def _covers(names: list[str], others: list[str]) -> bool:
    """True when every name of ``others`` is one of ``names``."""
    return all(any(_same_person(a, b) for a in names) for b in others)


def _same_person(one: str, other: str) -> bool:
    """True when two names are one person's: equal letters, or a one-word name that is
    the other's first name, last name or login ("Todd" / "Todd Bates")."""
    if _letters(one) == _letters(other):
        return True
    short, full = (one, other) if len(one.split()) <= len(other.split()) else (other, one)
    return " " not in short and _fuller_name(short, [full]) != short


def _fuller_name(name: str, candidates: list[str]) -> str:
    """The full name a later layer prints for a one-word name ("Todd" → "Todd Bates",
    "arianschlichenmayer" → "Arian Schlichenmayer"): structured data often carries the
    account's first name or login while the visible byline has the whole name."""
    if " " in name:
        return name
    short = _letters(name)
    for candidate in candidates:
        words = candidate.split()
        first_last = _letters(words[0]) + _letters(words[-1])
        if short in (_letters(words[0]), _letters(candidate), first_last):
            return candidate
    return name


def _letters(text: str) -> str:
    """Lower-case letters and digits of ``text``, accents removed, for comparing names."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum())
