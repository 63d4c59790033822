"""The Harbour Gazette's page template: metadata as JSON-LD."""

# ruff: noqa: E501 - HTML templates and article prose keep the lines they render as.
from __future__ import annotations

from urllib.parse import quote

from demo_site.model import (
    OUTLETS,
    Figure,
    PageContext,
    RenderedPage,
    Story,
    attr,
    day_month_year,
    esc,
    image_url,
    inline_html,
    join_names,
    jsonld_script,
    parse_when,
    place_figures,
    slugify,
)

# --- Outlet 1: The Harbour Gazette (JSON-LD) -------------------------------------------------

HG_COOKIE = (
    "We and our partners use cookies to personalise content, show relevant adverts and "
    "measure how the Gazette is read. You can change your choices at any time under Cookie settings."
)
HG_NEWSLETTER = (
    "Get the Gazette's morning briefing on the port, the city and the coast, every weekday at 7am."
)


def hg_person_id(name: str) -> str:
    return f"https://harbourgazette.example/staff/{slugify(name)}#person"


def hg_jsonld(s: Story, ctx: PageContext) -> dict:
    o = OUTLETS["hg"]
    images = [
        {
            "@type": "ImageObject",
            "url": image_url(s, f),
            "width": 1600,
            "height": 900,
            "caption": f.caption,
        }
        for f in s.figures
    ]
    publisher = {
        "@type": "NewsMediaOrganization",
        "@id": "https://harbourgazette.example/#org",
        "name": o.name,
        "url": "https://harbourgazette.example/",
        "logo": {
            "@type": "ImageObject",
            "url": "https://harbourgazette.example/static/hg-logo-600.png",
        },
    }
    article: dict = {"@type": "NewsArticle"}
    if "graph" in s.flags:
        article["@id"] = ctx.url + "#article"
        article["mainEntityOfPage"] = {"@id": ctx.url}
    article.update(
        {
            "headline": s.headline,
            "description": s.description,
            "datePublished": s.published,
        }
    )
    if s.updated:
        article["dateModified"] = s.updated
    article["articleSection"] = s.section
    article["inLanguage"] = s.language
    article["isAccessibleForFree"] = True
    if images:
        article["image"] = images
    if "graph" in s.flags:
        article["author"] = [{"@id": hg_person_id(n)} for n in s.authors]
        article["publisher"] = {"@id": publisher["@id"]}
        article["keywords"] = ", ".join(s.tags)
        people = [
            {
                "@type": "Person",
                "@id": hg_person_id(n),
                "name": n,
                "url": hg_person_id(n).removesuffix("#person"),
                "worksFor": {"@id": publisher["@id"]},
            }
            for n in s.authors
        ]
        crumbs = {
            "@type": "BreadcrumbList",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": 1,
                    "name": "Home",
                    "item": "https://harbourgazette.example/",
                },
                {
                    "@type": "ListItem",
                    "position": 2,
                    "name": s.section,
                    "item": f"https://harbourgazette.example/{slugify(s.section or '')}/",
                },
            ],
        }
        webpage = {
            "@type": "WebPage",
            "@id": ctx.url,
            "url": ctx.url,
            "name": s.headline,
            "breadcrumb": crumbs,
        }
        return {"@context": "https://schema.org", "@graph": [article, webpage, *people, publisher]}
    authors: list[dict] = []
    for name in s.authors:
        person: dict = {"@type": "Person", "name": name}
        if s.wire:
            person["affiliation"] = {"@type": "Organization", "name": "Continental Press Agency"}
        else:
            person["url"] = hg_person_id(name).removesuffix("#person")
        authors.append(person)
    return {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": ctx.url},
        **{k: v for k, v in article.items() if k != "@type"},
        "author": authors,
        "keywords": list(s.tags),
        "publisher": publisher,
    }


def render_hg(s: Story, ctx: PageContext) -> RenderedPage:
    o = OUTLETS["hg"]
    published = parse_when(s.published)
    names = [
        f'<a rel="author" href="{attr(hg_person_id(n).removesuffix("#person"))}">{esc(n)}</a>'
        for n in s.authors
    ]
    byline = "By " + join_names(names)
    if s.wire:
        byline += f' <span class="agency">| {esc(s.wire)}</span>'
    times = f'<time class="story-published" datetime="{attr(s.published)}">{day_month_year(published)}, {published:%H:%M}</time>'
    if s.updated:
        up = parse_when(s.updated)
        times += (
            f' <span class="story-updated">Updated <time datetime="{attr(s.updated)}">'
            f"{day_month_year(up)}, {up:%H:%M}</time></span>"
        )

    def figure_html(f: Figure, lead: bool = False) -> str:
        cls = "story-figure story-figure--lead" if lead else "story-figure"
        return (
            f'<figure class="{cls}">\n<img src="{attr(image_url(s, f))}" alt="{attr(f.alt)}" '
            f'width="1600" height="900" loading="lazy">\n'
            f'<figcaption>{esc(f.caption)} <span class="credit">{esc(f.credit)}</span></figcaption>\n</figure>'
        )

    lead = "\n".join(figure_html(f, lead=True) for f in s.figures if f.after is None)
    inline_ad = '<div class="ad-slot ad-slot--inline" data-slot="mpu-1"><span class="ad-label">Advertisement</span></div>'
    body = place_figures(s, lambda t: f"<p>{inline_html(t)}</p>", figure_html, {2: inline_ad})
    related = "\n".join(
        f'<li><a href="{attr(ctx.urls[r.key])}">{esc(r.headline)}</a></li>' for r in ctx.related
    )
    topics = " ".join(
        f'<a class="topic-pill" href="/topic/{slugify(t)}">{esc(t)}</a>' for t in s.tags
    )
    nav = "".join(
        f'<li><a href="/{slugify(x)}/">{esc(x)}</a></li>'
        for x in (
            "News",
            "Port & Shipping",
            "Business",
            "Politics",
            "Climate",
            "Science",
            "Health",
            "Sport",
            "Culture",
        )
    )
    markup = f"""<!DOCTYPE html>
<html lang="{s.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(s.headline)} — {o.name}</title>
<meta name="description" content="{attr(s.description)}">
<link rel="canonical" href="{attr(ctx.url)}">
<script type="application/ld+json">
{jsonld_script(hg_jsonld(s, ctx))}
</script>
<script>window.hgAds = window.hgAds || []; hgAds.push({{slot: "leaderboard", section: "{attr(s.section or "")}"}});</script>
</head>
<body class="hg-article">
<div class="cmp-banner" id="consent-banner" role="dialog" aria-label="Cookie consent">
<p>{esc(HG_COOKIE)}</p>
<button type="button" class="cmp-accept">Accept all</button> <button type="button" class="cmp-manage">Manage options</button>
</div>
<header class="hg-masthead">
<a class="hg-logo" href="/">The Harbour Gazette</a>
<p class="hg-edition">Varnholm &amp; the Coast</p>
<nav class="hg-nav" aria-label="Sections"><ul>{nav}</ul></nav>
</header>
<div class="ad-slot ad-slot--leaderboard" data-slot="leaderboard"><span class="ad-label">Advertisement</span></div>
<main id="content">
<article class="story">
<p class="story-kicker"><a href="/{slugify(s.section or "")}/">{esc(s.section or "")}</a></p>
<h1 class="story-headline">{esc(s.headline)}</h1>
<p class="story-standfirst">{esc(s.description)}</p>
<div class="story-meta">
<span class="byline">{byline}</span>
{times}
</div>
<ul class="share-tools" aria-label="Share this story">
<li><a href="https://social.example/share?u={quote(ctx.url, safe="")}">Share on Facebook</a></li>
<li><a href="https://microblog.example/intent?u={quote(ctx.url, safe="")}">Share on X</a></li>
<li><a href="mailto:?subject={quote(s.headline)}">Email</a></li>
<li><button type="button" class="copy-link">Copy link</button></li>
</ul>
{lead}
<div class="story-body">
{body}
</div>
<p class="story-topics">Topics: {topics}</p>
</article>
<aside class="related-rail">
<h2>Related stories</h2>
<ul>
{related}
</ul>
</aside>
<section class="newsletter-cta">
<h2>The Morning Tide</h2>
<p>{esc(HG_NEWSLETTER)}</p>
<form action="/newsletters/subscribe" method="post"><input type="email" name="email" placeholder="Your email address"> <button type="submit">Sign up</button></form>
</section>
</main>
<footer class="hg-footer">
<ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact the newsroom</a></li><li><a href="/privacy">Privacy policy</a></li><li><a href="/cookies">Cookie settings</a></li><li><a href="/terms">Terms &amp; conditions</a></li></ul>
<p>© {published.year} Harbour Gazette Media Ltd, 4 Customs House Quay, Varnholm</p>
</footer>
</body>
</html>
"""
    clutter = [
        HG_COOKIE[:60],
        "Advertisement",
        "Related stories",
        HG_NEWSLETTER,
        "Share on Facebook",
        "Topics:",
        "Harbour Gazette Media Ltd",
        "Accept all",
        "hgAds",
    ]
    if ctx.related:
        clutter.append(ctx.related[0].headline)
    return RenderedPage(markup, clutter)
