"""The Lantern Post's page template: bare markup, metadata only in visible text."""

# ruff: noqa: E501 - HTML templates and article prose keep the lines they render as.
from __future__ import annotations

from demo_site.model import (
    MONTHS_EN,
    WEEKDAYS_EN,
    Figure,
    PageContext,
    RenderedPage,
    Story,
    attr,
    day_month_year,
    esc,
    inline_html,
    is_date_only,
    join_names,
    parse_when,
    place_figures,
)

# --- Outlet 4: The Lantern Post (bare markup, no metadata) -----------------------------------

LP_COOKIE = "By continuing to browse this site you agree to our use of cookies."
LP_NEWSLETTER = (
    "Lantern Letters — the week's best reporting from the valley and the coast, every Friday."
)


def lp_stamp(s: Story) -> str:
    published = parse_when(s.published)
    if is_date_only(s.published):
        if "weekday" in s.flags:
            return f"{WEEKDAYS_EN[published.weekday()]} {day_month_year(published)}"
        return f"{MONTHS_EN[published.month - 1]} {published.day}, {published.year}"
    stamp = f"Published: {day_month_year(published)} {published:%H:%M}"
    if s.updated:
        up = parse_when(s.updated)
        stamp += f" · Updated: {day_month_year(up)} {up:%H:%M}"
    return stamp


def render_lp(s: Story, ctx: PageContext) -> RenderedPage:
    for name in s.authors:
        if name.upper().title() != name:
            raise ValueError(f"{name!r} does not survive the all-caps byline round trip")
    byline = "By " + join_names([n.upper() for n in s.authors]) + (f" | {s.wire}" if s.wire else "")
    encoding = "windows-1252" if "cp1252" in s.flags else "utf-8"
    charset = (
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        if encoding == "windows-1252"
        else '<meta charset="utf-8">'
    )
    counter = iter(range(1, 10))

    def figure_html(f: Figure) -> str:
        return (
            f'<figure class="pic"><img src="/img/{ctx.page_id}-{next(counter)}.jpg" alt="{attr(f.alt)}" width="620">'
            f"<figcaption>{esc(f.caption)} <i>{esc(f.credit)}</i></figcaption></figure>"
        )

    lead = "\n".join(figure_html(f) for f in s.figures if f.after is None)
    ad = '<div class="adv">Advertisement</div>'
    body = place_figures(s, lambda t: f"<p>{inline_html(t)}</p>", figure_html, {4: ad})
    related = "\n".join(
        f'<li><a href="{attr(ctx.urls[r.key])}">{esc(r.headline)}</a></li>' for r in ctx.related
    )
    canonical = (
        "" if "no-canonical" in s.flags else f'<link rel="canonical" href="{attr(ctx.url)}">\n'
    )
    saved_from = ""
    if "no-canonical" in s.flags:
        # A browser-saved copy: the importer addresses it by this comment.
        saved_from = f"<!-- saved from url=({len(ctx.url):04d}){ctx.url} -->\n"
    markup = f"""<!DOCTYPE html>
{saved_from}<html lang="{s.language}">
<head>
{charset}
<title>{esc(s.headline)} :: The Lantern Post</title>
{canonical}<link rel="stylesheet" href="/css/lp.css" type="text/css">
</head>
<body>
<div id="wrap">
<div id="hdr"><a href="/"><img src="/img/lantern-masthead.gif" alt="The Lantern Post" width="400" height="60"></a> <span class="tagline">Independent news for the valley and the coast since 1891</span></div>
<div id="menu"><a href="/">Home</a> | <a href="/news.php">News</a> | <a href="/politics.php">Politics</a> | <a href="/business.php">Business</a> | <a href="/sport.php">Sport</a> | <a href="/arts.php">Arts</a> | <a href="/letters.php">Letters</a> | <a href="/archive.php">Archive</a></div>
<div id="cookies">{esc(LP_COOKIE)} <a href="/cookies.php">More info</a> <a href="#" onclick="hideCookies();return false;">OK</a></div>
<div class="adv">Advertisement</div>
<div id="story">
<h1>{esc(s.headline)}</h1>
<p class="intro">{esc(s.description)}</p>
<p class="by">{esc(byline)}</p>
<p class="stamp">{esc(lp_stamp(s))}</p>
<div class="tools">Share: <a href="#">Facebook</a> <a href="#">X</a> <a href="#">Email</a> <a href="javascript:window.print()">Print this page</a></div>
{lead}
{body}
</div>
<div id="related"><b>Related stories</b>
<ul>
{related}
</ul>
</div>
<div id="signup"><b>Lantern Letters</b> <span>{esc(LP_NEWSLETTER)}</span>
<form action="/signup.php" method="post">Email: <input type="text" name="em" size="24"> <input type="submit" value="Join"></form></div>
<div id="ftr"><a href="/about.php">About</a> | <a href="/contact.php">Contact</a> | <a href="/complaints.php">Complaints</a> | <a href="/cookies.php">Cookies</a> | <a href="/archive.php">Archive</a><br>© {parse_when(s.published).year} The Lantern Post. All rights reserved.</div>
</div>
<script type="text/javascript">function hideCookies(){{document.getElementById('cookies').style.display='none';}} var _lpq = _lpq || []; _lpq.push(['trackPageView']);</script>
</body>
</html>
"""
    clutter = [
        LP_COOKIE,
        "Advertisement",
        "Related stories",
        LP_NEWSLETTER,
        "Print this page",
        "All rights reserved",
        "trackPageView",
        byline,
        lp_stamp(s),
    ]
    if ctx.related:
        clutter.append(ctx.related[0].headline)
    return RenderedPage(markup, clutter, encoding=encoding)
