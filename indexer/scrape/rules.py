"""Selector, meta-name and token tables the scraper reads; data only, no logic."""

from __future__ import annotations

# --- Limits ---------------------------------------------------------------------------------

#: Markup past this many characters is ignored, so a huge page costs bounded time.
MAX_MARKUP_CHARS = 5_000_000
#: Markup parsed once comments, scripts and styles are gone; real pages stay well below it.
MAX_PARSED_CHARS = 2_000_000
#: Bytes inspected when sniffing an encoding declared inside the page.
SNIFF_BYTES = 16_384
#: Share of control characters (excluding tab/newline/CR/FF) above which input is junk.
MAX_CONTROL_SHARE = 0.02
#: Share of U+FFFD replacement characters above which decoded text is junk.
MAX_REPLACEMENT_SHARE = 0.10

#: Magic numbers of common binary formats that are never articles.
BINARY_SIGNATURES: tuple[bytes, ...] = (
    b"\x89PNG",
    b"GIF87a",
    b"GIF89a",
    b"\xff\xd8\xff",
    b"%PDF-",
    b"PK\x03\x04",
    b"\x1f\x8b",
    b"BZh",
    b"\x7fELF",
    b"RIFF",
    b"OggS",
    b"ID3",
    b"\x00\x00\x01\x00",
    b"wOFF",
    b"wOF2",
)

# --- JSON-LD --------------------------------------------------------------------------------

#: schema.org types that describe one article.
ARTICLE_TYPES = frozenset(
    {
        "article",
        "newsarticle",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "opinionnewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "askpublicnewsarticle",
        "satiricalarticle",
        "blogposting",
        "liveblogposting",
        "socialmediaposting",
        "techarticle",
        "scholarlyarticle",
        "report",
        "advertisercontentarticle",
    }
)
#: Page types whose `mainEntity` may be the article, or whose fields stand in for it.
PAGE_TYPES = frozenset({"webpage", "itempage", "collectionpage", "aboutpage"})
ORGANIZATION_TYPES = frozenset(
    {"organization", "newsmediaorganization", "corporation", "ngo", "governmentorganization"}
)

# --- <meta> names, per field, in order of preference (keys are lower-cased) ---------------------

META_HEADLINE = (
    # Dublin Core first when a page bothers to give it (as Readability does): it is written
    # for cataloguing, where social titles are written for clicks.
    "dc:title",
    "dcterms:title",
    "dc.title",
    "dcterms.title",
    "og:title",
    "twitter:title",
    "parsely-title",
    "sailthru.title",
    "title",
    "headline",
)
META_DESCRIPTION = (
    "og:description",
    "twitter:description",
    "description",
    "dc.description",
    "dcterms.description",
    "sailthru.description",
)
META_SITE_NAME = ("og:site_name",)
META_PUBLISHER = (
    "application-name",
    "apple-mobile-web-app-title",
    "publisher",
    "dc.publisher",
    "dcterms.publisher",
    "twitter:site:name",
)
META_AUTHOR = (
    "dc:creator",
    "dcterms:creator",
    "dc.creator",
    "dcterms.creator",
    "author",
    "article:author",
    "og:article:author",
    "parsely-author",
    "sailthru.author",
    "byl",
    "citation_author",
    "twitter:creator:name",
)
META_PUBLISHED = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "parsely-pub-date",
    "sailthru.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "publication_date",
    "article.published",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "citation_publication_date",
    "citation_date",
    "date",
    "original-publish-date",
    "og:pubdate",
    "cxenseparse:recs:publishtime",
    "dc:date",
    "dcterms:created",
    "dcterms:issued",
    "bepress_citation_date",
    "bepress_citation_publication_date",
    "date_published",
    "publish_time",
    "published_time",
    "article_date_original",
)
META_MODIFIED = (
    "article:modified_time",
    "og:article:modified_time",
    "og:updated_time",
    "article:modified",
    "datemodified",
    "lastmod",
    "last-modified",
    "dc.date.modified",
    "dcterms.modified",
    "article.updated",
    "parsely-updated",
)
META_SECTION = (
    "article:section",
    "og:article:section",
    "parsely-section",
    "section",
    "sailthru.section",
    "category",
    "dc.subject",
)
META_TAGS = (
    "article:tag",
    "og:article:tag",
    "news_keywords",
    "keywords",
    "parsely-tags",
    "sailthru.tags",
)
META_URL = ("og:url", "twitter:url", "parsely-link")
META_IMAGE = (
    "og:image",
    "og:image:url",
    "og:image:secure_url",
    "twitter:image",
    "twitter:image:src",
    "parsely-image-url",
    "sailthru.image.full",
    "thumbnail",
)
META_LANGUAGE = (
    "og:locale",
    "http-equiv:content-language",
    "content-language",
    "language",
    "dc.language",
    "dcterms.language",
    "inlanguage",
)

# --- Microdata ------------------------------------------------------------------------------

#: itemtype suffixes that scope an article's microdata.
MICRODATA_ARTICLE_TYPES = tuple(sorted(ARTICLE_TYPES))

# --- Semantic markup ------------------------------------------------------------------------

#: Separators between a headline and the site name in <title> and og:title (a regex).
#: Whole titles that name a kind of page, not an article ("Home", "Startseite").
GENERIC_PAGE_TITLES = frozenset(
    {
        "home",
        "homepage",
        "home page",
        "start",
        "startseite",
        "accueil",
        "inicio",
        "portada",
        "index",
        "untitled",
        "welcome",
        "willkommen",
    }
)
TITLE_SEPARATORS = r"\s+(?:[|\-–—:·•»~/]|::)\s+"
#: Class/id tokens of elements that hold a byline.
BYLINE_TOKENS = frozenset(
    {
        "byline",
        "bylines",
        "byline-name",
        "author",
        "authors",
        "author-name",
        "authorname",
        "article-author",
        "story-author",
        "post-author",
        "writer",
        "contributor",
        "contributors",
        "by-author",
        "credit-author",
        "autor",
        "autoren",
        "autorenzeile",
        "autorzeile",
        "auteur",
        "auteurs",
        "autore",
        "autores",
        "firma",
    }
)
#: Class/id tokens of regions whose bylines belong to other texts (comments, teasers).
FOREIGN_BYLINE_TOKENS = frozenset(
    {
        "comment",
        "comments",
        "related",
        "sidebar",
        "widget",
        "footer",
        "recommended",
        "teaser",
        "promo",
        "more",
        "popular",
        "trending",
        "reply",
        "respond",
    }
)
FOREIGN_BYLINE_TAGS = frozenset({"aside", "footer", "nav", "form"})
#: Class/id tokens of <time> (or other) elements holding the published date.
PUBLISHED_TOKENS = frozenset(
    {
        "published",
        "publish",
        "pubdate",
        "date-published",
        "publication-date",
        "posted",
        "entry-date",
    }
)
#: Class/id tokens of elements holding the modified date.
UPDATED_TOKENS = frozenset({"updated", "modified", "date-modified", "last-updated", "update"})
#: Class/id tokens of elements that hold some date of the article (read after the above).
DATE_TOKENS = frozenset(
    {"date", "datum", "dateline", "datetime", "timestamp", "time", "meta-date", "post-date"}
)

#: Markers of the element holding the article text, strongest first: itemprop values,
#: (attribute, value) pairs, then class or id names (whole names, lower-cased).
CONTENT_ITEMPROPS = frozenset({"articlebody"})
CONTENT_ATTRIBUTES = (
    ("data-component", "article-body"),
    ("data-testid", "article-body"),
    ("data-qa", "article-body"),
    ("data-module", "articlebody"),
    ("property", "articlebody"),
)
CONTENT_CLASSES = (
    "article-body",
    "article__body",
    "articlebody",
    "article_body",
    "article-body-text",
    "article-content",
    "article__content",
    "article-text",
    "article__text",
    "articletext",
    "story-body",
    "story__body",
    "story-body-text",
    "story-content",
    "story-text",
    "storytext",
    "entry-content",
    "post-content",
    "post-body",
    "post__content",
    "post-entry",
    "td-post-content",
    "body-text",
    "content-body",
    "c-article-body",
    "news-text",
    "text-body",
    "rich-text",
    "field-name-body",
    "field--name-body",
    "artikeltext",
    "artikel-text",
    "artikel-inhalt",
    "texte-article",
    "article-texte",
    "cuerpo-noticia",
    "testo-articolo",
)

# --- Boilerplate ----------------------------------------------------------------------------

#: Tags whose whole subtree is never article text.
JUNK_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "canvas",
        "iframe",
        "object",
        "embed",
        "video",
        "audio",
        "map",
        "select",
        "button",
        "input",
        "textarea",
        "dialog",
        "head",
        "link",
        "meta",
    }
)
#: Tags dropped from inside the chosen content block.
BOILERPLATE_TAGS = frozenset({"nav", "aside", "footer", "header", "form", "menu"})
#: ARIA roles of boilerplate regions.
BOILERPLATE_ROLES = frozenset(
    {
        "navigation",
        "banner",
        "contentinfo",
        "complementary",
        "search",
        "dialog",
        "alertdialog",
        "menu",
        "menubar",
        "toolbar",
        "alert",
    }
)
#: Pieces of class/id names (split on space, "-" and "_") that mark boilerplate.
BOILERPLATE_TOKENS = frozenset(
    {
        "ad",
        "ads",
        "adv",
        "advert",
        "adverts",
        "advertisement",
        "advertising",
        "adslot",
        "dfp",
        "gpt",
        "sponsor",
        "sponsored",
        "promo",
        "promotion",
        "outbrain",
        "taboola",
        "share",
        "sharing",
        "sharebar",
        "social",
        "socials",
        "cookie",
        "cookies",
        "consent",
        "gdpr",
        "newsletter",
        "newsletters",
        "subscribe",
        "subscription",
        "signup",
        "paywall",
        "related",
        "recommended",
        "recommendations",
        "recirculation",
        "trending",
        "popular",
        "mostread",
        "comment",
        "comments",
        "commentlist",
        "disqus",
        "breadcrumb",
        "breadcrumbs",
        "menu",
        "nav",
        "navbar",
        "navigation",
        "sidebar",
        "footer",
        "masthead",
        "toolbar",
        "modal",
        "popup",
        "overlay",
        "banner",
        "tags",
        "tagline",
        "keywords",
        "pagination",
        "pager",
        "rating",
        "skip",
        "byline",
        "bylines",
        "timestamp",
        "meta",
        "author",
        "authors",
        "bio",
        "widget",
        "readmore",
        "kicker",
        "eyebrow",
        "overline",
        "dachzeile",
        "anzeige",
        "werbung",
        "teilen",
        "lesetipp",
        "empfehlung",
        "partage",
        "partager",
        "compartir",
        "condividi",
        "publicite",
        "publicidad",
        "pubblicita",
    }
)
#: Tokens that look like boilerplate pieces but name the content itself; they veto a match.
CONTENT_TOKENS = frozenset(
    {
        "article",
        "body",
        "content",
        "story",
        "entry",
        "text",
        "post",
        "main",
        "paragraph",
        "copy",
        "prose",
    }
)
#: Boilerplate tokens that still mark boilerplate next to a content token ("article-share").
STRONG_BOILERPLATE_TOKENS = frozenset(
    {
        "ad",
        "ads",
        "advert",
        "advertisement",
        "outbrain",
        "taboola",
        "share",
        "sharing",
        "social",
        "cookie",
        "consent",
        "newsletter",
        "subscribe",
        "related",
        "recommended",
        "comments",
        "commentlist",
        "breadcrumb",
        "breadcrumbs",
        "sidebar",
        "footer",
        "byline",
        "tags",
        "promo",
        "paywall",
        "meta",
        "author",
        "authors",
        "bio",
        "timestamp",
        "widget",
        "anzeige",
        "werbung",
        "teilen",
        "partage",
        "compartir",
        "condividi",
    }
)
#: Boilerplate tokens that also name a layout's blocks: they mark nothing when the blocks
#: wearing them hold most of the content's text.
LAYOUT_TOKENS = frozenset({"widget", "paywall"})
#: Tokens of reader comment threads, removed from the content however long they are
#: ("comment" alone also names opinion pieces).
COMMENT_TOKENS = frozenset({"comments", "commentlist", "disqus", "replies"})
#: Tokens of regions never chosen as the article however much text they hold.
NEVER_CONTENT_TOKENS = frozenset(
    {
        "comment",
        "comments",
        "commentlist",
        "comment-list",
        "disqus",
        "replies",
        "sidebar",
        "footer",
        "navigation",
        "navbar",
    }
)
#: Beginnings of run-together class/id names of such regions ("commentsbox", "sidebarblocks").
NEVER_CONTENT_PREFIXES = ("comments", "sidebar")
#: Whole class names of text hidden from sight or kept for screen readers only.
HIDDEN_CLASSES = frozenset(
    {
        "sr-only",
        "visually-hidden",
        "visuallyhidden",
        "screen-reader-text",
        "screen-reader-only",
        "hidden",
        "hide",
        "is-hidden",
        "u-hidden",
        "d-none",
        "offscreen",
    }
)

# --- Captions -------------------------------------------------------------------------------

CAPTION_TOKENS = frozenset(
    {
        "bildunterschrift",
        "bildtext",
        "legende",
        "légende",
        "didascalia",
        "pie-de-foto",
        "caption",
        "captions",
        "figcaption",
        "wp-caption-text",
        "image-caption",
        "photo-caption",
        "media-caption",
        "img-caption",
        "caption-text",
    }
)
CREDIT_TOKENS = frozenset(
    {
        "credit",
        "credits",
        "image-credit",
        "photo-credit",
        "media-credit",
        "copyright",
        "bildquelle",
        "bild-quelle",
        "fotograf",
        "quelle",
    }
)

# --- Standfirst ----------------------------------------------------------------------------

#: Class/id tokens of the standfirst (summary under the headline), kept out of the body.
STANDFIRST_TOKENS = frozenset(
    {
        "standfirst",
        "intro",
        "lede",
        "lead-in",
        "dek",
        "deck",
        "strapline",
        "subheadline",
        "sub-headline",
        "article-summary",
        "article-teaser",
        "teaser",
        "chapo",
        "chapeau",
        "sapo",
        "entradilla",
        "occhiello",
    }
)

# --- URLs -----------------------------------------------------------------------------------

#: Query parameters that only track a visit and never change the page.
TRACKING_PARAMS = frozenset(
    {"fbclid", "gclid", "dclid", "msclkid", "mc_cid", "mc_eid", "igshid", "ocid", "cmpid"}
)
#: Host prefixes dropped when deriving a source name from the host.
HOST_PREFIXES = ("www.", "www2.", "m.", "mobile.", "amp.", "edition.", "en.", "news.")
#: Path segments that introduce an author slug in profile URLs.
AUTHOR_PATH_SEGMENTS = frozenset(
    {
        "author",
        "authors",
        "autor",
        "autoren",
        "auteur",
        "journalist",
        "journalists",
        "people",
        "profile",
        "profiles",
        "staff",
        "writer",
        "writers",
        "by",
        "contributor",
        "contributors",
    }
)

# --- Block structure ------------------------------------------------------------------------

#: Elements that start a new paragraph when text is read out of markup.
BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "caption",
        "picture",
    }
)
#: Elements whose text feeds the text-density score of their ancestors.
SCORED_TAGS = frozenset({"p", "pre", "td", "blockquote", "li", "h2", "h3"})
