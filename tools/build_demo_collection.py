"""Build Broadsheet's bundled demo collection: news pages from fictional outlets and their expected articles.

Every story below is original text written for the Broadsheet project; people, towns, companies
and events are invented. Each outlet has its own page template and its own way of stating
metadata (JSON-LD, OpenGraph/meta tags, microdata, bare markup, classic meta names), and every
page carries the clutter a scraper must drop: navigation, a cookie banner, ad slots, a share
bar, related stories, a newsletter box and a footer.

Run from the repository root:

    .venv/bin/python tools/build_demo_collection.py          # write pages + expected JSON, then check
    .venv/bin/python tools/build_demo_collection.py --check  # only check what is on disk

The pages go to ``search_web/demo_collection/<outlet>/`` and what a good extractor should
recover from each goes to ``tests/fixtures/demo_expected.json``.
"""

# ruff: noqa: E501 - HTML templates and article prose keep the lines they render as.
from __future__ import annotations

import argparse
import html
import json
import sys
import warnings
from collections import Counter

from demo_site import stories  # noqa: F401 - importing registers every story
from demo_site.model import (
    COLLECTION_DIR,
    EXPECTED_PATH,
    MAX_BODY_WORDS,
    MAX_PAGE_BYTES,
    MIN_BODY_WORDS,
    OUTLETS,
    STORIES,
    Figure,
    PageContext,
    RenderedPage,
    Story,
    canonical_url,
    file_name,
    parse_when,
    plain_text,
)
from demo_site.outlets import RENDERERS

# ============================================================================================
# Building and checking
# ============================================================================================


def page_ids() -> dict[str, int]:
    lantern = sorted((s for s in STORIES if s.outlet == "lp"), key=lambda s: s.published)
    return {s.key: 40117 + 23 * i for i, s in enumerate(lantern)}


def contexts() -> dict[str, PageContext]:
    ids = page_ids()
    urls = {s.key: canonical_url(s, ids.get(s.key, 0)) for s in STORIES}
    result: dict[str, PageContext] = {}
    for s in STORIES:
        when = parse_when(s.published).replace(tzinfo=None)
        siblings = [o for o in STORIES if o.outlet == s.outlet and o.key != s.key]
        siblings.sort(
            key=lambda o: (
                o.topic != s.topic,
                abs((parse_when(o.published).replace(tzinfo=None) - when).days),
            )
        )
        related = siblings[:3]
        others = sorted(
            (o for o in siblings if o not in related), key=lambda o: o.published, reverse=True
        )[:4]
        result[s.key] = PageContext(
            url=urls[s.key], related=related, others=others, urls=urls, page_id=ids.get(s.key, 0)
        )
    return result


def expected_entry(s: Story, ctx: PageContext, page: RenderedPage) -> dict:
    body = s.plain_paragraphs
    captions = [f.expected_caption for f in figures_in_page_order(s)]
    forbidden: list[str] = []
    for item in page.clutter + [f.caption for f in s.figures] + [f.credit for f in s.figures]:
        if item and item not in forbidden:
            forbidden.append(item)
    return {
        "path": f"{OUTLETS[s.outlet].directory}/{file_name(s)}",
        # A page without a canonical link still names its address in the "saved from" comment.
        "url": ctx.url,
        "source": OUTLETS[s.outlet].name,
        "topic": s.topic,
        "headline": plain_text(s.headline),
        "description": s.description,
        "authors": list(s.authors),
        "published": s.published,
        "updated": s.updated,
        "section": s.section,
        "tags": list(s.tags),
        "language": s.language.split("-")[0],
        "encoding": page.encoding,
        "body_first_paragraph": body[0],
        "body_last_paragraph": body[-1],
        "body_paragraph_count": len(body),
        "captions": captions,
        "body_must_not_contain": forbidden,
    }


def figures_in_page_order(s: Story) -> list[Figure]:
    lead = [f for f in s.figures if f.after is None]
    inline = sorted((f for f in s.figures if f.after is not None), key=lambda f: f.after or 0)
    return lead + inline


def build() -> list[dict]:
    ctxs = contexts()
    for outlet in OUTLETS.values():
        target = COLLECTION_DIR / outlet.directory
        target.mkdir(parents=True, exist_ok=True)
        for old in target.glob("*.html"):
            old.unlink()
    expected = []
    for s in sorted(STORIES, key=lambda s: (s.outlet, s.published)):
        ctx = ctxs[s.key]
        page = RENDERERS[s.outlet](s, ctx)
        path = COLLECTION_DIR / OUTLETS[s.outlet].directory / file_name(s)
        path.write_bytes(page.markup.encode(page.encoding))
        expected.append(expected_entry(s, ctx, page))
    EXPECTED_PATH.parent.mkdir(parents=True, exist_ok=True)
    EXPECTED_PATH.write_text(
        json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    return expected


def _norm(text: str) -> str:
    return " ".join(text.split())


def check(expected: list[dict]) -> list[str]:
    """Re-read every page and confirm it says what the expected JSON claims; returns problems."""
    from bs4 import BeautifulSoup

    problems: list[str] = []
    by_path = {f"{OUTLETS[s.outlet].directory}/{file_name(s)}": s for s in STORIES}
    seen_paths = {p.relative_to(COLLECTION_DIR).as_posix() for p in COLLECTION_DIR.glob("*/*.html")}
    if seen_paths != set(by_path) or seen_paths != {e["path"] for e in expected}:
        problems.append("pages on disk, stories and expected entries do not match one to one")
    for entry in expected:
        where = entry["path"]
        s = by_path[where]
        raw = (COLLECTION_DIR / where).read_bytes()
        if len(raw) >= MAX_PAGE_BYTES:
            problems.append(f"{where}: {len(raw)} bytes, over the {MAX_PAGE_BYTES} limit")
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            soup = BeautifulSoup(raw, "lxml")
        if entry["encoding"] != "utf-8" and (soup.original_encoding or "").lower() not in (
            "windows-1252",
            "cp1252",
        ):
            problems.append(f"{where}: decoded as {soup.original_encoding}")
        if soup.html is None or soup.html.get("lang", "").split("-")[0] != entry["language"]:
            problems.append(f"{where}: html lang does not match")
        h1 = soup.find("h1")
        if h1 is None or _norm(h1.get_text()) != entry["headline"]:
            problems.append(f"{where}: h1 differs from headline")
        canonical = soup.find("link", rel="canonical")
        saved_from = f"saved from url=({len(entry['url']):04d}){entry['url']}"
        if canonical is None and saved_from.encode() in raw:
            pass  # the address is given by the browser's "saved from" comment instead
        elif (canonical["href"] if canonical else None) != entry["url"]:
            problems.append(f"{where}: canonical link differs from url")
        for block in soup.find_all("script", type="application/ld+json"):
            try:
                json.loads(block.string or "")
            except ValueError as exc:
                problems.append(f"{where}: JSON-LD does not parse: {exc}")
        captions = [_norm(fc.get_text(" ")) for fc in soup.find_all("figcaption")]
        if captions != entry["captions"]:
            problems.append(f"{where}: captions {captions!r} != {entry['captions']!r}")
        first = next(
            (p for p in soup.find_all("p") if _norm(p.get_text()) == entry["body_first_paragraph"]),
            None,
        )
        if first is None:
            problems.append(f"{where}: first body paragraph not found as a <p>")
            continue
        body = [
            _norm(p.get_text())
            for p in first.parent.find_all("p", recursive=False)
            if not p.get("class")
        ]
        if body != s.plain_paragraphs or len(body) != entry["body_paragraph_count"]:
            problems.append(f"{where}: body container paragraphs differ from the story")
        if body[-1] != entry["body_last_paragraph"]:
            problems.append(f"{where}: last paragraph differs")
        words = len(" ".join(body).split())
        if not MIN_BODY_WORDS <= words <= MAX_BODY_WORDS:
            problems.append(f"{where}: body has {words} words")
        body_text = "\n\n".join(body)
        page_text = (
            _norm(html.unescape(raw.decode(entry["encoding"]))) + " " + _norm(soup.get_text(" "))
        )
        for item in entry["body_must_not_contain"]:
            if item in body_text:
                problems.append(f"{where}: clutter string {item!r} occurs in the body")
            if _norm(item) not in page_text:
                problems.append(f"{where}: clutter string {item!r} is not on the page")
        if entry["description"] in body_text:
            problems.append(f"{where}: standfirst repeated in body")
    return problems


def summary(expected: list[dict]) -> str:
    lines = [f"{len(expected)} pages"]
    per_outlet = Counter(e["source"] for e in expected)
    lines.append("per outlet: " + ", ".join(f"{k} {v}" for k, v in per_outlet.most_common()))
    per_topic = Counter(e["topic"] for e in expected)
    lines.append("per topic: " + ", ".join(f"{k} {v}" for k, v in per_topic.most_common()))
    lines.append(
        "languages: "
        + ", ".join(f"{k} {v}" for k, v in Counter(e["language"] for e in expected).most_common())
    )
    dates = sorted(e["published"][:10] for e in expected)
    lines.append(f"published span: {dates[0]} .. {dates[-1]}")
    lines.append(
        f"updated != published: {sum(1 for e in expected if e['updated'] and e['updated'] != e['published'])}"
    )
    lines.append(f"multiple authors: {sum(1 for e in expected if len(e['authors']) > 1)}")
    lines.append(
        f"with captions: {sum(1 for e in expected if e['captions'])} pages, {sum(len(e['captions']) for e in expected)} captions"
    )
    lines.append(
        f"date-only published: {sum(1 for e in expected if len(e['published']) == 10)}; "
        f"local time without zone: {sum(1 for e in expected if len(e['published']) in (16, 19))}"
    )
    lines.append(
        "encodings: "
        + ", ".join(f"{k} {v}" for k, v in Counter(e["encoding"] for e in expected).items())
    )
    wire = Counter(
        e["body_first_paragraph"]
        for e in expected
        if "(Continental Press Agency)" in e["body_first_paragraph"]
    )
    lines.append(f"wire stories carried twice: {sum(1 for v in wire.values() if v == 2)}")
    words = []
    for s in STORIES:
        words.append(len(" ".join(s.plain_paragraphs).split()))
    lines.append(f"body words: min {min(words)}, max {max(words)}, mean {sum(words) // len(words)}")
    sizes = [p.stat().st_size for p in COLLECTION_DIR.glob("*/*.html")]
    lines.append(f"page bytes: min {min(sizes)}, max {max(sizes)}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="only check the pages and JSON already on disk"
    )
    args = parser.parse_args(argv)
    expected = json.loads(EXPECTED_PATH.read_text(encoding="utf-8")) if args.check else build()
    problems = check(expected)
    print(summary(expected))
    for problem in problems:
        print("PROBLEM:", problem, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
