"""The Eldetaler Rundschau's page template (German): classic meta names plus OpenGraph."""

# ruff: noqa: E501 - HTML templates and article prose keep the lines they render as.
from __future__ import annotations

from demo_site.model import (
    OUTLETS,
    Figure,
    PageContext,
    RenderedPage,
    Story,
    attr,
    esc,
    image_url,
    inline_html,
    join_names,
    parse_when,
    place_figures,
)

# --- Outlet 5: Eldetaler Rundschau (German; classic meta names plus OpenGraph) ---------------

ER_COOKIE = (
    "Wir verwenden Cookies und ähnliche Technologien, um Inhalte zu personalisieren und "
    "Zugriffe zu analysieren. Mit „Alle akzeptieren“ stimmen Sie dem zu."
)
ER_NEWSLETTER = (
    "Der Rundschau-Newsletter: jeden Morgen die wichtigsten Nachrichten aus dem Eldetal."
)


def er_when(value: str) -> str:
    dt = parse_when(value)
    return f"{dt:%d.%m.%Y}, {dt:%H:%M} Uhr"


def render_er(s: Story, ctx: PageContext) -> RenderedPage:
    o = OUTLETS["er"]
    metas = [
        f'<meta name="description" content="{attr(s.description)}">',
        f'<meta name="author" content="{attr(", ".join(s.authors))}">',
        f'<meta name="date" content="{attr(s.published)}">',
    ]
    if s.updated:
        metas.append(f'<meta name="last-modified" content="{attr(s.updated)}">')
    metas += [
        f'<meta name="keywords" content="{attr(", ".join(s.tags))}">',
        '<meta name="robots" content="index, follow, max-image-preview:large">',
        f'<meta property="og:title" content="{attr(s.headline)}">',
        f'<meta property="og:description" content="{attr(s.description)}">',
        f'<meta property="og:url" content="{attr(ctx.url)}">',
        f'<meta property="og:site_name" content="{o.name}">',
        '<meta property="og:locale" content="de_DE">',
        '<meta property="og:type" content="article">',
    ]
    if s.section:
        metas.append(f'<meta property="article:section" content="{attr(s.section)}">')
    if s.figures:
        metas.append(f'<meta property="og:image" content="{attr(image_url(s, s.figures[0]))}">')
    times = f'<time datetime="{attr(s.published)}">{er_when(s.published)}</time>'
    if s.updated:
        times += f' · Aktualisiert: <time datetime="{attr(s.updated)}">{er_when(s.updated)}</time>'

    def figure_html(f: Figure) -> str:
        return (
            f'<figure class="bild"><img src="{attr(image_url(s, f))}" alt="{attr(f.alt)}">'
            f'<figcaption><span class="bild-text">{esc(f.caption)}</span> '
            f'<span class="bild-quelle">{esc(f.credit)}</span></figcaption></figure>'
        )

    lead = "\n".join(figure_html(f) for f in s.figures if f.after is None)
    see_also = ""
    if ctx.related:
        r = ctx.related[0]
        see_also = (
            f'<aside class="lesetipp"><span>Lesen Sie auch:</span> '
            f'<a href="{attr(ctx.urls[r.key])}">{esc(r.headline)}</a></aside>'
        )
    ad = '<div class="anzeige"><span>Anzeige</span></div>'
    inserts = {2: ad}
    if see_also:
        inserts[3] = see_also
    body = place_figures(s, lambda t: f"<p>{inline_html(t)}</p>", figure_html, inserts)
    related = "\n".join(
        f'<li><a href="{attr(ctx.urls[r.key])}">{esc(r.headline)}</a></li>' for r in ctx.related
    )
    head = "\n".join(metas)
    markup = f"""<!DOCTYPE html>
<html lang="{s.language}">
<head>
<meta charset="utf-8">
<title>{esc(s.headline)} – {o.name}</title>
{head}
<link rel="canonical" href="{attr(ctx.url)}">
</head>
<body>
<div class="consent-layer" id="cmp"><p>{esc(ER_COOKIE)}</p><button>Alle akzeptieren</button> <button>Einstellungen</button></div>
<header class="kopf">
<div class="logo"><a href="/">Eldetaler Rundschau</a></div>
<nav class="ressorts"><a href="/region/">Region</a> <a href="/wirtschaft/">Wirtschaft</a> <a href="/verkehr/">Verkehr</a> <a href="/politik/">Politik</a> <a href="/sport/">Sport</a> <a href="/kultur/">Kultur</a> <a href="/service/">Service</a></nav>
</header>
<div class="anzeige anzeige-top"><span>Anzeige</span></div>
<main>
<article class="beitrag">
<div class="dachzeile">{esc(s.section or "")}</div>
<h1>{esc(s.headline)}</h1>
<div class="autorenzeile">Von {esc(join_names(list(s.authors), "und"))} · {times}</div>
<p class="teaser">{esc(s.description)}</p>
{lead}
<div class="artikeltext">
{body}
</div>
<div class="teilen">Artikel teilen: <a href="#">Facebook</a> <a href="#">WhatsApp</a> <a href="#">E-Mail</a></div>
</article>
<section class="mehr-zum-thema"><h2>Mehr zum Thema</h2>
<ul>
{related}
</ul>
</section>
<section class="newsletter"><h2>Newsletter abonnieren</h2><p>{esc(ER_NEWSLETTER)}</p><form><input type="email" placeholder="E-Mail-Adresse"> <button>Abonnieren</button></form></section>
</main>
<footer class="fuss"><a href="/impressum/">Impressum</a> | <a href="/datenschutz/">Datenschutz</a> | <a href="/agb/">AGB</a> | <a href="/kontakt/">Kontakt</a> | <a href="/abo/">Abo</a><br>© {parse_when(s.published).year} Eldetaler Verlagsgesellschaft mbH, Wendlau</footer>
</body>
</html>
"""
    clutter = [
        ER_COOKIE[:50],
        "Anzeige",
        "Mehr zum Thema",
        ER_NEWSLETTER,
        "Artikel teilen",
        "Impressum",
        "Eldetaler Verlagsgesellschaft",
    ]
    if see_also:
        clutter.append("Lesen Sie auch")
    if ctx.related:
        clutter.append(ctx.related[0].headline)
    return RenderedPage(markup, clutter)
