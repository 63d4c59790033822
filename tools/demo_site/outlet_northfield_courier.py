"""The Northfield Courier's page template: OpenGraph and meta tags only."""

# ruff: noqa: E501 - HTML templates and article prose keep the lines they render as.
from __future__ import annotations

from demo_site.model import (
    OUTLETS,
    Figure,
    PageContext,
    RenderedPage,
    Story,
    attr,
    clock_12h,
    day_month_year,
    esc,
    image_url,
    inline_html,
    is_date_only,
    join_names,
    parse_when,
    place_figures,
    slugify,
)

# --- Outlet 2: Northfield Courier (OpenGraph and meta tags only) -----------------------------

NC_COOKIE = (
    "This website uses cookies to improve your experience. We'll assume you're ok with this, "
    "but you can opt out if you wish."
)
NC_NEWSLETTER = "Sign up for the Courier Daily Briefing: the stories that matter in Northfield, free in your inbox."


def render_nc(s: Story, ctx: PageContext) -> RenderedPage:
    o = OUTLETS["nc"]
    metas = [
        '<meta property="og:type" content="article">',
        f'<meta property="og:title" content="{attr(s.headline)}">',
        f'<meta property="og:description" content="{attr(s.description)}">',
        f'<meta property="og:site_name" content="{o.name}">',
        f'<meta property="og:url" content="{attr(ctx.url)}">',
        '<meta property="og:locale" content="en_GB">',
    ]
    if s.figures:
        metas.append(f'<meta property="og:image" content="{attr(image_url(s, s.figures[0]))}">')
    metas.append(f'<meta property="article:published_time" content="{attr(s.published)}">')
    if s.updated:
        metas.append(f'<meta property="article:modified_time" content="{attr(s.updated)}">')
    if s.section:
        metas.append(f'<meta property="article:section" content="{attr(s.section)}">')
    metas += [f'<meta property="article:tag" content="{attr(t)}">' for t in s.tags]
    metas += [f'<meta name="author" content="{attr(n)}">' for n in s.authors]
    metas.append('<meta name="twitter:card" content="summary_large_image">')

    published = parse_when(s.published)
    posted = (
        day_month_year(published)
        if is_date_only(s.published)
        else f"{day_month_year(published)} · {clock_12h(published)}"
    )
    dateline = f'<span class="dateline">Posted {posted}</span>'
    if s.updated:
        up = parse_when(s.updated)
        dateline += f' <span class="dateline-updated">Last updated {day_month_year(up)} · {clock_12h(up)}</span>'
    names = [f'<a class="author-link" href="/author/{slugify(n)}/">{esc(n)}</a>' for n in s.authors]
    byline = "By " + join_names(names) + (f" | {esc(s.wire)}" if s.wire else "")

    def figure_html(f: Figure) -> str:
        return (
            f'<figure class="wp-block-image size-large"><img src="{attr(image_url(s, f))}" alt="{attr(f.alt)}" '
            f'class="wp-image" decoding="async">'
            f'<figcaption class="wp-element-caption">{esc(f.caption)} <em>{esc(f.credit)}</em></figcaption></figure>'
        )

    lead = "\n".join(figure_html(f) for f in s.figures if f.after is None)
    promo = ""
    if ctx.related:
        r = ctx.related[0]
        promo = f'<p class="inline-related"><strong>Read more:</strong> <a href="{attr(ctx.urls[r.key])}">{esc(r.headline)}</a></p>'
    body = place_figures(
        s, lambda t: f"<p>{inline_html(t)}</p>", figure_html, {3: promo} if promo else {}
    )
    more = "\n".join(
        f'<li><a href="{attr(ctx.urls[r.key])}">{esc(r.headline)}</a></li>' for r in ctx.related
    )
    most_read = "\n".join(
        f'<li><a href="{attr(ctx.urls[r.key])}">{esc(r.headline)}</a></li>' for r in ctx.others
    )
    tags = ", ".join(f'<a href="/tag/{slugify(t)}/" rel="tag">{esc(t)}</a>' for t in s.tags)
    menu = " ".join(
        f'<a href="/{slugify(x)}/">{esc(x)}</a>'
        for x in (
            "Home",
            "News",
            "Politics",
            "Business",
            "Health",
            "Sport",
            "Culture",
            "What's On",
            "Obituaries",
        )
    )
    head = "\n".join(metas)
    markup = f"""<!doctype html>
<html lang="{s.language}">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{esc(s.headline)} | {o.name}</title>
{head}
<link rel="canonical" href="{attr(ctx.url)}">
<link rel="stylesheet" href="/wp-content/themes/courier/style.css?ver=4.2">
<script async src="https://analytics.example/tag.js?id=NC-2291"></script>
</head>
<body class="post-template-default single single-post">
<div id="top-bar"><a href="/subscribe/">Subscribe</a> · <a href="/login/">Sign in</a> · <a href="/e-edition/">Today's paper</a></div>
<header id="site-header">
<div class="brand"><a href="/">Northfield Courier</a> <span>Serving Northfield and the Elde valley</span></div>
<nav id="primary-menu">{menu}</nav>
</header>
<div class="adbox adbox-top">ADVERTISEMENT</div>
<div id="page">
<div class="col-main">
<div class="headline-block">
<h1 class="entry-title">{esc(s.headline)}</h1>
<div class="entry-summary"><p>{esc(s.description)}</p></div>
</div>
<div class="byline-block">{byline}<br>{dateline}</div>
<div class="social-share">Share this: <a href="#fb">Facebook</a> <a href="#x">X</a> <a href="#wa">WhatsApp</a> <a href="#mail">Email</a></div>
<div class="entry-content">
{lead}
{body}
</div>
<div class="post-tags">Tagged: {tags}</div>
<div class="more-stories">
<h3>More from the Courier</h3>
<ul>
{more}
</ul>
</div>
</div>
<div class="col-side">
<div class="adbox adbox-mpu">ADVERTISEMENT</div>
<div class="newsletter-box">
<h4>Courier Daily Briefing</h4>
<p>{esc(NC_NEWSLETTER)}</p>
<form><input type="email" placeholder="you@example.com"> <button>Subscribe</button></form>
</div>
<div class="most-read">
<h4>Most read</h4>
<ol>
{most_read}
</ol>
</div>
</div>
</div>
<footer id="colophon">
<a href="/about/">About the Courier</a> | <a href="/advertise/">Advertise with us</a> | <a href="/privacy/">Privacy</a> | <a href="/contact/">Contact</a>
<p>Northfield Courier Ltd, 12 Mill Lane, Northfield. Registered in the Northfield trade register.</p>
</footer>
<div id="cookie-law-info-bar">{esc(NC_COOKIE)} <a class="cli-accept" href="#">Accept</a> <a href="/privacy/">Read more</a></div>
</body>
</html>
"""
    clutter = [
        NC_COOKIE[:50],
        "ADVERTISEMENT",
        "More from the Courier",
        NC_NEWSLETTER,
        "Share this:",
        "Tagged:",
        "Most read",
        "Northfield Courier Ltd",
        "Today's paper",
    ]
    if promo:
        clutter.append("Read more:")
    if ctx.others:
        clutter.append(ctx.others[0].headline)
    return RenderedPage(markup, clutter)
