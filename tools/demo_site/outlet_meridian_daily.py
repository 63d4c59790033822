"""Meridian Daily's page template: schema.org microdata."""

# ruff: noqa: E501 - HTML templates and article prose keep the lines they render as.
from __future__ import annotations

from demo_site.model import (
    MONTHS_AP,
    MONTHS_FR,
    OUTLETS,
    Figure,
    PageContext,
    RenderedPage,
    Story,
    attr,
    clock_12h,
    esc,
    image_url,
    inline_html,
    join_names,
    parse_when,
    place_figures,
    slugify,
)

# --- Outlet 3: Meridian Daily (schema.org microdata) -----------------------------------------

MD_CHROME = {
    "en": {
        "cookie_title": "Your privacy",
        "cookie": "Meridian Daily uses cookies and similar technologies to run this site, measure traffic and show advertising.",
        "agree": "I agree",
        "reject": "Reject non-essential",
        "ad": "Advertisement",
        "related": "Related coverage",
        "newsletter": "Get the Meridian Daily newsletter — the day's top stories, every evening at 6.",
        "signup": "Sign me up",
        "by": "By",
        "updated": "Updated",
        "share": ("Tweet", "Share", "Email", "Print"),
        "menu": (
            "U.S. & World",
            "Politics",
            "Business",
            "Science",
            "Health",
            "Climate",
            "Technology",
            "Sports",
            "Culture",
        ),
        "footer": ("About", "Careers", "Privacy", "Terms of use", "Contact"),
        "copyright": "Meridian Daily Publishing Co.",
        "edition": "",
    },
    "fr": {
        "cookie_title": "Vos données",
        "cookie": "Meridian Daily utilise des cookies et des technologies similaires pour faire fonctionner le site, mesurer l'audience et afficher de la publicité.",
        "agree": "J'accepte",
        "reject": "Refuser les cookies non essentiels",
        "ad": "Publicité",
        "related": "Sur le même sujet",
        "newsletter": "Recevez la lettre de Meridian Daily — l'essentiel de l'actualité, chaque soir à 18 heures.",
        "signup": "Je m'inscris",
        "by": "Par",
        "updated": "Mis à jour le",
        "share": ("Partager", "Envoyer", "Imprimer"),
        "menu": (
            "International",
            "Politique",
            "Économie",
            "Sciences",
            "Santé",
            "Climat",
            "Sport",
            "Culture",
        ),
        "footer": (
            "À propos",
            "Carrières",
            "Confidentialité",
            "Conditions d'utilisation",
            "Contact",
        ),
        "copyright": "Meridian Daily Publishing Co. — édition française",
        "edition": "Édition française",
    },
}


def md_when(value: str, lang: str) -> str:
    dt = parse_when(value)
    if lang == "fr":
        return f"{dt.day} {MONTHS_FR[dt.month - 1]} {dt.year} à {dt.hour:02d} h {dt.minute:02d}"
    return f"{MONTHS_AP[dt.month - 1]} {dt.day}, {dt.year}, {clock_12h(dt, dotted=True)}"


def render_md(s: Story, ctx: PageContext) -> RenderedPage:
    o = OUTLETS["md"]
    lang = s.language[:2]
    c = MD_CHROME[lang]
    people = [
        f'<span itemprop="author" itemscope itemtype="https://schema.org/Person">'
        f'<a itemprop="url" href="/staff/{slugify(n)}"><span itemprop="name">{esc(n)}</span></a></span>'
        for n in s.authors
    ]
    byline = f"{c['by']} " + join_names(people, "et" if lang == "fr" else "and")
    if s.wire:
        byline += f" | {esc(s.wire)}"
    dates = f'<time itemprop="datePublished" datetime="{attr(s.published)}">{md_when(s.published, lang)}</time>'
    if s.updated:
        dates += (
            f' <span class="md-updated">{c["updated"]} <time itemprop="dateModified" '
            f'datetime="{attr(s.updated)}">{md_when(s.updated, lang)}</time></span>'
        )

    def figure_html(f: Figure) -> str:
        return (
            f'<figure class="md-figure" itemprop="image" itemscope itemtype="https://schema.org/ImageObject">'
            f'<img itemprop="url" src="{attr(image_url(s, f))}" alt="{attr(f.alt)}">'
            f'<figcaption itemprop="caption">{esc(f.caption)} <small class="md-credit">{esc(f.credit)}</small>'
            f"</figcaption></figure>"
        )

    lead = "\n".join(figure_html(f) for f in s.figures if f.after is None)
    ad = f'<div class="md-ad" aria-hidden="true"><small>{c["ad"]}</small><div class="md-ad-frame"></div></div>'
    body = place_figures(s, lambda t: f"<p>{inline_html(t)}</p>", figure_html, {3: ad})
    related = "\n".join(
        f'<li><a href="{attr(ctx.urls[r.key])}">{esc(r.headline)}</a></li>' for r in ctx.related
    )
    menu = "".join(f'<li><a href="/{slugify(x)}">{esc(x)}</a></li>' for x in c["menu"])
    share = "".join(f'<a class="md-share-{slugify(x)}" href="#">{x}</a>' for x in c["share"])
    footer = " · ".join(f'<a href="/{slugify(x)}">{esc(x)}</a>' for x in c["footer"])
    edition = f'<span class="md-edition">{c["edition"]}</span>' if c["edition"] else ""
    markup = f"""<!DOCTYPE html>
<html lang="{s.language}">
<head>
<meta charset="UTF-8">
<title>{esc(s.headline)} - {o.name}</title>
<meta name="description" content="{attr(s.description)}">
<link rel="canonical" href="{attr(ctx.url)}">
<script>(function(){{var d=document.documentElement;d.className=d.className.replace('no-js','js');}})();</script>
</head>
<body class="md-story">
<div class="gdpr-consent" data-consent="pending">
<div class="gdpr-inner"><strong>{c["cookie_title"]}</strong><p>{esc(c["cookie"])}</p>
<button type="button">{c["agree"]}</button> <button type="button">{esc(c["reject"])}</button></div>
</div>
<div class="topnav"><ul class="menu">{menu}</ul></div>
<div class="md-banner"><a href="/">Meridian Daily</a>{edition}</div>
<div class="sponsor-strip"><small>{c["ad"]}</small><div class="ad-container" id="div-gpt-ad-top"></div></div>
<div class="wrapper">
<article itemscope itemtype="https://schema.org/NewsArticle">
<link itemprop="mainEntityOfPage" href="{attr(ctx.url)}">
<meta itemprop="inLanguage" content="{s.language}">
<div class="md-section"><a href="/{slugify(s.section or "")}" itemprop="articleSection">{esc(s.section or "")}</a></div>
<h1 itemprop="headline">{esc(s.headline)}</h1>
<p class="dek" itemprop="description">{esc(s.description)}</p>
<div class="md-byline">{byline} <span class="md-sep">|</span> {dates}</div>
<meta itemprop="keywords" content="{attr(", ".join(s.tags))}">
<div itemprop="publisher" itemscope itemtype="https://schema.org/Organization"><meta itemprop="name" content="{o.name}"></div>
<div class="md-share">{share}</div>
<div class="md-body" itemprop="articleBody">
{lead}
{body}
</div>
</article>
<div class="md-related"><h3>{esc(c["related"])}</h3>
<ul>
{related}
</ul>
</div>
<div class="md-newsletter"><p>{esc(c["newsletter"])}</p><form><input type="email" placeholder="Email"> <button>{esc(c["signup"])}</button></form></div>
</div>
<div class="md-footer">{footer}<br>© {parse_when(s.published).year} {esc(c["copyright"])}</div>
</body>
</html>
"""
    clutter = [
        c["cookie"][:50],
        c["ad"],
        c["related"],
        c["newsletter"],
        c["reject"],
        c["copyright"],
    ]
    if ctx.related:
        clutter.append(ctx.related[0].headline)
    return RenderedPage(markup, clutter)
