"""The article's published and updated dates, chosen among what the page's layers state.

Each layer's dates are read as written (`indexer.scrape.dates`); here one is chosen,
read in the page's order of day and month, moved to the page's local day when a layer
states it in UTC, and weighed against the date in the article's URL and the date
printed at the headline. A date that cannot be trusted stays empty.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, timedelta

from indexer.scrape import rules
from indexer.scrape.dates import (
    date_from_url,
    day_order,
    is_utc_time,
    local_reading,
    normalise_date,
    same_moment,
    utc_midnight_day,
)
from indexer.scrape.facts import DECLARED_LAYERS, Layers, Picked
from indexer.scrape.script_dates import ScriptDates
from indexer.scrape.textcues import opening_dateline

# A declared date this long after the date in the URL is a later republication.
_URL_DATE_SLACK = timedelta(days=31)
# A date printed twice this many days off the declared one is the page's own.
_PRINTED_SLACK_DAYS = 7
_NEVER = 1 << 30
# Meta names that date the page without saying which date in its life that is.
_GENERIC_META_DATES = frozenset({"date", "dc.date", "dc:date", "dcterms.date"})


def published(
    layers: Layers,
    url: str | None = None,
    scripted: Callable[[], ScriptDates] | None = None,
    *,
    generic_meta: bool = False,
    opening: Callable[[], list[str]] | None = None,
) -> Picked[str]:
    """JSON-LD datePublished → meta → microdata → <time> → "Published ..." text → URL date
    → a publication key in the page's scripts (``scripted``, read only when needed).

    A time stated in UTC gives way to the page's own local reading of it when another
    layer prints one (see `local_day`), and a declared date gives way to the one printed
    at the headline when the declared modification date confirms it (see `reissued`).
    ``generic_meta`` says the meta layer's date is only a Dublin Core style "date" (see
    `generic_meta_date`): a date line printed with the story that names another day
    then comes first, unless a date element backs the generic date. ``opening`` gives
    the first paragraphs of the article's text: a dateline opening them dates a page
    that states no date anywhere else a reader sees (provenance ``dateline``).
    """
    values = layers.each("published")
    order = _day_order(layers, url)
    if generic_meta and _printed_over_generic(layers, order):
        values = [item for item in values if item[0] != "meta"] + [
            item for item in values if item[0] == "meta"
        ]
    found = _first_date(values, order)
    from_url = date_from_url(url)
    if found[0]:
        found = local_day(found, values, order)
        if _url_outweighs(found, from_url):
            return from_url, "url"
        return reissued(found, layers, order)
    if from_url:
        return from_url, "url"
    if opening is not None:
        iso = opening_dateline(opening(), dayfirst=order)
        if iso:
            return iso, "dateline"
    return _from_scripts(scripted, order)


def generic_meta_date(meta: Mapping[str, list[str]]) -> bool:
    """True when the page's meta tags date it only under a generic name ("date",
    "DC.date", "dcterms.date"), with no publication name beside it.

    Dublin Core's "date" is any date in the page's life, and content systems fill it
    with the page's creation or last change (a CMS record's timestamp), not the day the
    story went out; a date printed with the story says more.
    """
    dated = [name for name in rules.META_PUBLISHED if any(map(normalise_date, meta.get(name, ())))]
    return bool(dated) and all(name in _GENERIC_META_DATES for name in dated)


def _printed_over_generic(layers: Layers, order: bool | None) -> bool:
    """True when the date line printed with the story names another day than the meta
    layer's generic date, and no date element on the page backs the generic one."""
    generic = normalise_date(layers.meta.published, dayfirst=order)
    printed = normalise_date(layers.text.published, dayfirst=order)
    if not generic or not printed or printed[:10] == generic[:10]:
        return False
    markup = normalise_date(layers.markup.published, dayfirst=order)
    return not (markup and markup[:10] == generic[:10])


def _from_scripts(scripted: Callable[[], ScriptDates] | None, order: bool | None) -> Picked[str]:
    """The publication date a page states only to its scripts: the last resort, for pages
    that print no date a reader could see (the markup is the scripts' to render)."""
    if scripted is None:
        return None, None
    iso = normalise_date(scripted().published, dayfirst=order)
    if not iso:
        return None, None
    return (utc_midnight_day(iso) or iso), "script"


def _url_outweighs(found: Picked[str], from_url: str | None) -> bool:
    """True when the date in the article's URL beats the date a layer gives.

    The URL is fixed when the article first goes out. A date read off the page's markup
    or text that disagrees with it is most often another item's (a teaser, an event);
    a declared date more than a month after it belongs to a later migration or
    republication of the page.
    """
    stamp, layer = found
    if not stamp or not from_url or stamp[:10] == from_url:
        return False
    if local_reading(stamp, from_url):
        return True  # the URL names the local day of a UTC stamp
    if layer not in DECLARED_LAYERS:
        return True
    try:
        gap = date.fromisoformat(stamp[:10]) - date.fromisoformat(from_url)
    except ValueError:
        return False
    return gap > _URL_DATE_SLACK


def updated(layers: Layers, published_at: str | None) -> Picked[str]:
    """JSON-LD dateModified → meta → microdata → <time> → "Updated ..." text; only if it differs."""
    value, layer = _first_date(layers.each("updated"), _day_order(layers, None))
    if value is None or same_moment(value, published_at):
        return None, None
    return value, layer


def local_day(
    found: Picked[str], values: list[tuple[str, str | None]], order: bool | None = None
) -> Picked[str]:
    """The page's local reading of a date that a layer states in UTC.

    Structured data often serialises the publication time in UTC while the page prints
    the local date and time, which can fall on another calendar day
    ("2022-05-04T02:41:00+00:00" on a page dated 3 May). Readers, and the date filters,
    go by the printed day, so when another layer states the same moment in local time
    (or the local date alone) that reading is taken, unless another layer prints the UTC
    day itself. A UTC stamp at exactly 21:00-23:00
    is a date without a time saved by a system east of Greenwich: its local day is taken,
    even where the page prints the stamp's UTC date alone (rendered without its zone).
    ``order`` is the page's order of day and month (`dates.day_order`).
    """
    stamp, layer = found
    if not stamp:
        return found
    local: Picked[str] = (None, None)
    midnight = utc_midnight_day(stamp)
    for other_layer, value in values:
        other = normalise_date(value, dayfirst=order) if other_layer != layer else None
        if not other:
            continue
        if (
            other[:10] == stamp[:10]
            and not is_utc_time(other)
            and not (midnight and len(other) == 10)
        ):
            return found  # another layer prints the UTC day itself
        if local[0] is None and local_reading(stamp, other) and not _loose_day(other_layer, other):
            local = (other, other_layer)
    if local[0]:
        return local
    return (midnight, layer) if midnight else found


def reissued(found: Picked[str], layers: Layers, order: bool | None = None) -> Picked[str]:
    """The date printed at the headline instead of a declared publication date, when the
    page's own evidence backs the printed one.

    A page reissued under a new date (an evergreen guide brought up to date, a story
    moved to the front again) keeps its first datePublished in its structured data, yet
    shows readers the new date, unlabelled, where the dateline goes; the dateModified
    beside it says that this printed date is the page's own and not a teaser's. A date
    printed a few days off the declared one and backed by a second source (a date element
    and the dateline text agree, or another declared layer states it) is the page's too:
    declared dates that far off are often the day the piece was filed or indexed.
    Readers, and the date filters, go by the printed date. A printed date the page labels
    as an update ("Updated Jul 24, 2018") stays an update.
    """
    stamp, layer = found
    if not stamp or layer not in DECLARED_LAYERS:
        return found
    text = normalise_date(layers.text.published, dayfirst=order)
    markup = normalise_date(layers.markup.published, dayfirst=order)
    printed: Picked[str] = (text, "text") if text else (markup, "markup")
    day = printed[0][:10] if printed[0] else None
    if not day or day == stamp[:10]:
        return found
    if text and markup and markup[:10] == stamp[:10]:
        return found  # a date element states the declared day: the text's date is another
    labelled_update = normalise_date(layers.text.updated, dayfirst=order)
    declared_elsewhere = any(
        (iso := normalise_date(getattr(layers, name).published, dayfirst=order)) and iso[:10] == day
        for name in DECLARED_LAYERS
        if name != layer
    )
    if labelled_update and labelled_update[:10] == day and not declared_elsewhere:
        # A date labelled as an update stays one, unless another declared layer states
        # that day as the publication ("Stand: 07.11.2023" beside a meta date of that day).
        return found
    written = normalise_date(getattr(layers, layer).published, dayfirst=order)
    if written and written[:10] == day:
        return found  # the page prints the declared stamp's UTC day, read locally above
    modified = _first_date(
        [(name, getattr(layers, name).updated) for name in DECLARED_LAYERS], order
    )[0]
    # A modification date before publication is a scheduled post's, not a reissue's.
    if (
        modified
        and modified[:10] >= stamp[:10]
        and (modified[:10] == day or local_reading(modified, day))
    ):
        return printed
    backers = [markup] if text else []
    backers += [getattr(layers, name).published for name in DECLARED_LAYERS if name != layer]
    backed = any(
        (iso := normalise_date(value, dayfirst=order)) and iso[:10] == day for value in backers
    )
    if backed and _days_apart(day, stamp) <= _PRINTED_SLACK_DAYS:
        return printed
    return found


def _days_apart(a: str, b: str) -> int:
    try:
        return abs((date.fromisoformat(a[:10]) - date.fromisoformat(b[:10])).days)
    except ValueError:
        return _NEVER


def _loose_day(layer: str, iso: str) -> bool:
    """A date without a time read from the text: too weak to say which day a UTC stamp
    falls on locally (it may be any date printed near the headline)."""
    return layer == "text" and len(iso) == len("2000-01-01")


def _day_order(layers: Layers, url: str | None) -> bool | None:
    """The page's order of day and month, from its declared languages and its address."""
    tags = (layers.markup.language, layers.meta.language, layers.jsonld.language)
    return day_order(tags, url)


def _first_date(values: list[tuple[str, str | None]], order: bool | None = None) -> Picked[str]:
    for layer, value in values:
        iso = normalise_date(value, dayfirst=order)
        if iso:
            return iso, layer
    return None, None
