"""Records, text helpers, the story registry and URL rules shared by the demo-site builder."""

# ruff: noqa: E501 - HTML templates and article prose keep the lines they render as.
from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
COLLECTION_DIR = REPO_ROOT / "search_web" / "demo_collection"
EXPECTED_PATH = REPO_ROOT / "tests" / "fixtures" / "demo_expected.json"

MAX_PAGE_BYTES = 15_000
MIN_BODY_WORDS = 150
MAX_BODY_WORDS = 400

# --- Records ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Outlet:
    key: str
    name: str
    domain: str
    directory: str


@dataclass(frozen=True)
class Figure:
    image: str
    alt: str
    caption: str
    credit: str
    after: int | None = (
        None  # None: lead picture above the body; n: after body paragraph n (1-based)
    )

    @property
    def expected_caption(self) -> str:
        return f"{self.caption} {self.credit}"


@dataclass(frozen=True)
class Story:
    key: str
    outlet: str
    topic: str
    headline: str
    description: str
    authors: tuple[str, ...]
    published: str  # as the page states it: offset only where the page gives a zone
    updated: str | None
    section: str | None
    tags: tuple[str, ...]
    language: str  # the page's <html lang>
    paragraphs: tuple[str, ...]
    figures: tuple[Figure, ...] = ()
    wire: str | None = None  # agency credit after the byline, e.g. "CPA"
    flags: frozenset[str] = frozenset()  # template variations: graph, no-canonical, cp1252, ...
    slug: str = ""

    @property
    def plain_paragraphs(self) -> list[str]:
        return [plain_text(p) for p in self.paragraphs]


@dataclass
class PageContext:
    """What a template needs beyond the story itself."""

    url: str
    related: list[Story] = field(default_factory=list)
    others: list[Story] = field(default_factory=list)
    urls: dict[str, str] = field(default_factory=dict)
    page_id: int = 0


@dataclass
class RenderedPage:
    markup: str
    clutter: list[str]
    encoding: str = "utf-8"


OUTLETS: dict[str, Outlet] = {
    o.key: o
    for o in (
        Outlet("hg", "The Harbour Gazette", "harbourgazette.example", "harbour-gazette"),
        Outlet("nc", "Northfield Courier", "northfieldcourier.example", "northfield-courier"),
        Outlet("md", "Meridian Daily", "meridiandaily.example", "meridian-daily"),
        Outlet("lp", "The Lantern Post", "lanternpost.example", "lantern-post"),
        Outlet("er", "Eldetaler Rundschau", "eldetaler-rundschau.example", "eldetaler-rundschau"),
    )
}

# --- Text helpers ----------------------------------------------------------------------------

# Body text may carry inline links written as [[label|href]].
_LINK = re.compile(r"\[\[(.+?)\|(.+?)\]\]")


def plain_text(text: str) -> str:
    return _LINK.sub(lambda m: m.group(1), text)


def inline_html(text: str) -> str:
    parts: list[str] = []
    pos = 0
    for m in _LINK.finditer(text):
        parts.append(esc(text[pos : m.start()]))
        parts.append(f'<a href="{attr(m.group(2))}">{esc(m.group(1))}</a>')
        pos = m.end()
    parts.append(esc(text[pos:]))
    return "".join(parts)


def esc(text: str) -> str:
    return html.escape(text, quote=False)


def attr(text: str) -> str:
    return html.escape(text, quote=True)


def slugify(text: str, max_words: int = 9) -> str:
    for letter, spelled in (
        ("ß", "ss"),
        ("ä", "ae"),
        ("ö", "oe"),
        ("ü", "ue"),
        ("ł", "l"),
        ("Ł", "L"),
    ):
        text = text.replace(letter, spelled)
    text = re.sub(r"['’]", "", text)
    text = re.sub(r"(\d)\.(\d)", r"\1\2", text)  # "3.8bn" -> "38bn", not "3-8bn"
    folded = unicodedata.normalize("NFKD", re.sub(r"[^\w]+", " ", text))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    return "-".join(words[:max_words])


def paragraphs(body: str) -> tuple[str, ...]:
    blocks = (" ".join(block.split()) for block in body.strip().split("\n\n"))
    return tuple(b for b in blocks if b)


def join_names(names: list[str] | tuple[str, ...], conjunction: str = "and") -> str:
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + f" {conjunction} " + names[-1]


def jsonld_script(data: object) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=1)
    return text.replace("</", "<\\/")


def is_date_only(value: str) -> bool:
    return len(value) == 10


def parse_when(value: str) -> datetime:
    if is_date_only(value):
        d = date.fromisoformat(value)
        return datetime(d.year, d.month, d.day)
    return datetime.fromisoformat(value)


MONTHS_EN = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
MONTHS_AP = [
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
]
MONTHS_FR = [
    "janvier", "février", "mars", "avril", "mai", "juin",
    "juillet", "août", "septembre", "octobre", "novembre", "décembre",
]  # fmt: skip
WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def day_month_year(dt: datetime) -> str:
    return f"{dt.day} {MONTHS_EN[dt.month - 1]} {dt.year}"


def clock_12h(dt: datetime, *, dotted: bool = False) -> str:
    hour = dt.hour % 12 or 12
    if dotted:
        suffix = "a.m." if dt.hour < 12 else "p.m."
        minutes = f":{dt.minute:02d}" if dt.minute else ""
        return f"{hour}{minutes} {suffix}"
    suffix = "am" if dt.hour < 12 else "pm"
    return f"{hour}:{dt.minute:02d}{suffix}"


# --- Story registry --------------------------------------------------------------------------

STORIES: list[Story] = []


def story(
    key: str,
    outlet: str,
    topic: str,
    *,
    headline: str,
    description: str,
    authors: list[str],
    published: str,
    body: str,
    updated: str | None = None,
    section: str | None = None,
    tags: list[str] | None = None,
    language: str | None = None,
    figures: list[Figure] | None = None,
    wire: str | None = None,
    flags: set[str] | None = None,
    slug: str | None = None,
) -> Story:
    default_language = {"hg": "en-GB", "nc": "en", "md": "en-US", "lp": "en", "er": "de"}[outlet]
    item = Story(
        key=key,
        outlet=outlet,
        topic=topic,
        headline=headline,
        description=description,
        authors=tuple(authors),
        published=published,
        updated=updated,
        section=section,
        tags=tuple(tags or ()),
        language=language or default_language,
        paragraphs=paragraphs(body),
        figures=tuple(figures or ()),
        wire=wire,
        flags=frozenset(flags or ()),
        slug=slug or slugify(headline),
    )
    STORIES.append(item)
    return item


def fig(image: str, alt: str, caption: str, credit: str, after: int | None = None) -> Figure:
    return Figure(image=image, alt=alt, caption=caption, credit=credit, after=after)


# --- URLs ------------------------------------------------------------------------------------


def canonical_url(s: Story, page_id: int) -> str:
    when = parse_when(s.published)
    section = slugify(s.section or "news")
    if s.outlet == "hg":
        return f"https://harbourgazette.example/{section}/{when:%Y/%m/%d}/{s.slug}"
    if s.outlet == "nc":
        return f"https://www.northfieldcourier.example/{when:%Y/%m}/{s.slug}/"
    if s.outlet == "md":
        if s.language.startswith("fr"):
            return f"https://meridiandaily.example/fr/{section}/{s.slug}"
        return f"https://meridiandaily.example/{section}/{when:%Y/%m/%d}/{s.slug}"
    if s.outlet == "lp":
        return f"https://www.lanternpost.example/story.php?id={page_id}"
    if s.outlet == "er":
        return f"https://eldetaler-rundschau.example/{section}/{s.slug}-{when:%Y%m%d}.html"
    raise ValueError(s.outlet)


def image_url(s: Story, figure: Figure) -> str:
    when = parse_when(s.published)
    return f"https://{OUTLETS[s.outlet].domain}/media/{when:%Y/%m}/{figure.image}"


def file_name(s: Story) -> str:
    return f"{s.published[:10]}-{s.slug}.html"


def place_figures(
    s: Story,
    render_paragraph: Callable[[str], str],
    render_figure: Callable[[Figure], str],
    inserts: dict[int, str] | None = None,
) -> str:
    """Body paragraphs with mid-article figures and inline inserts (ads, promos) after paragraph n."""
    inserts = inserts or {}
    out: list[str] = []
    for number, text in enumerate(s.paragraphs, start=1):
        out.append(render_paragraph(text))
        for figure in s.figures:
            if figure.after == number:
                out.append(render_figure(figure))
        if number in inserts:
            out.append(inserts[number])
    return "\n".join(out)
