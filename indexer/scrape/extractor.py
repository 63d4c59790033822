"""`extract_article`: raw page bytes (HTML or a plain-text dump) and a URL in, `Article` out."""

from __future__ import annotations

import re

from indexer.article import Article
from indexer.errors import ExtractionError
from indexer.scrape import (
    author_fields,
    date_fields,
    decoding,
    fields,
    mojibake,
    quality,
    records,
    rules,
    urls,
)
from indexer.scrape.body import extract_body
from indexer.scrape.facts import Layers
from indexer.scrape.htmlparse import cycle_collection_paused, parse_html
from indexer.scrape.jsonld import jsonld_facts
from indexer.scrape.markup import markup_facts
from indexer.scrape.metatags import meta_facts, meta_map
from indexer.scrape.microdata import microdata_facts
from indexer.scrape.plaintext import parse_text_layout
from indexer.scrape.script_dates import script_dates
from indexer.scrape.signoffs import credit_lines, signed_off_names
from indexer.scrape.textcues import text_facts
from indexer.scrape.textutil import strip_inert_markup, word_count
from indexer.scrape.tree import PageTree

# A leading <?xml ...?> makes Beautiful Soup warn that XML is being read as HTML; the
# declaration carries nothing the HTML reading needs (the text is already decoded).
_LEADING_PROCESSING_INSTRUCTIONS = re.compile(r"\A\s*(?:<\?[^>]*>\s*)+")


def extract_article(
    raw: bytes | str, url: str | None = None, *, content_type: str | None = None
) -> Article:
    """Read one article out of a page. Pure: no IO, no shared state.

    Plain-text dumps (content type text/plain, or no HTML markup) go to the text-layout
    parser; HTML is read field by field from JSON-LD, meta tags, microdata, markup and
    text. Raises `ExtractionError` for empty input, binary junk, or a page with neither
    a headline nor any body text. Article records (JSON, content type
    application/vnd.broadsheet.article+json) are mapped field by field instead.
    """
    if raw is None or len(raw) == 0:
        raise ExtractionError("empty input")
    if records.is_record_type(content_type):
        return records.article_from_record_bytes(raw, url)
    if isinstance(raw, bytes | bytearray):
        raw = bytes(raw)
        if decoding.has_binary_signature(raw):
            raise ExtractionError("binary file, not a page")
    # Text handed over already decoded may have read UTF-8 bytes as windows-1252.
    text = mojibake.repair(decoding.decode(raw, content_type))
    if not text.strip():
        raise ExtractionError("empty input (only whitespace)")
    if decoding.looks_like_junk(text):
        raise ExtractionError("binary junk: too many control or undecodable characters")
    text = text[: rules.MAX_MARKUP_CHARS]
    if decoding.is_plain_text(text, content_type):
        return _from_text(text, url)
    with cycle_collection_paused():
        return _from_html(text, url)


def _from_text(text: str, url: str | None) -> Article:
    layout = parse_text_layout(text)
    body = "\n\n".join(layout.paragraphs)
    if not layout.headline and not body:
        raise ExtractionError("no headline and no body text")
    page = fields.page_url(None, url)
    language = fields.detected_language(body)
    found = {
        "headline": layout.headline,
        "description": layout.description,
        "authors": layout.authors,
        "published": layout.published,
        "updated": layout.updated,
    }
    provenance = {name: "text" for name, value in found.items() if value}
    if urls.host_name(page):
        provenance["source"] = "url"
    if language[0]:
        provenance["language"] = "text"
    return Article(
        id=urls.article_id(page, layout.headline, body),
        url=page,
        canonical_url=None,
        source=urls.host_name(page),
        headline=layout.headline,
        description=layout.description,
        authors=list(layout.authors),
        published=layout.published,
        updated=layout.updated,
        language=language[0],
        body=body,
        captions=list(layout.captions),
        word_count=word_count(body),
        provenance=provenance,
    )


def _from_html(text: str, url: str | None) -> Article:
    markup = strip_inert_markup(_LEADING_PROCESSING_INSTRUCTIONS.sub("", text, count=1))
    markup = markup[: rules.MAX_PARSED_CHARS]
    signals = quality.page_signals(markup)
    # Class and rel values stay strings (split by the readers that need their words):
    # splitting every multi-valued attribute while parsing costs more than it saves.
    soup = parse_html(markup)
    tree = PageTree(soup)  # read by the field readers; the body is cut out of the soup after
    # A page saved by a browser says where it came from; that beats a file:// address.
    given = url if urls.is_http(url) else urls.saved_from_url(text)
    metas = meta_map(soup, tree)
    layers = Layers(
        jsonld=jsonld_facts(soup, tree),
        meta=meta_facts(metas),
        microdata=microdata_facts(soup, tree),
        markup=markup_facts(soup, tree),
        text=text_facts(soup, given, tree),
    )
    canonical = fields.canonical_url(layers, given)
    page = fields.page_url(canonical, given)
    names = fields.site_names(layers, page)
    headline, headline_from = fields.headline(layers, names)
    # Read before the body is cut out of the soup: a sign-off sits right below the text.
    authors = author_fields.authors(
        layers,
        names,
        lambda: signed_off_names(soup, tree),
        lambda: credit_lines(soup, tree),
    )
    extracted = extract_body(soup, headline=headline, tree=tree)
    body = quality.choose_body(
        fields.with_standfirst(
            extracted.paragraphs,
            fields.printed_standfirst(layers, extracted.standfirst, soup, extracted.paragraphs),
        ),
        layers.jsonld.body,
        markup,
        vouched=quality.same_headline(layers.jsonld.headline, headline),
    )
    if not headline and not body:
        raise ExtractionError("no headline and no body text")
    picked = {
        "headline": (headline, headline_from),
        "source": fields.source(layers, page),
        "description": fields.description(layers, extracted.standfirst),
        "authors": authors,
        "published": date_fields.published(
            layers,
            page or given,
            lambda: script_dates(text),
            generic_meta=date_fields.generic_meta_date(metas),
            opening=lambda: extracted.paragraphs,
        ),
        "language": fields.language(layers, body),
    }
    picked["updated"] = date_fields.updated(layers, picked["published"][0])
    return Article(
        id=urls.article_id(page, headline, body),
        url=page,
        canonical_url=canonical,
        source=picked["source"][0],
        headline=headline,
        description=picked["description"][0],
        authors=picked["authors"][0] or [],
        published=picked["published"][0],
        updated=picked["updated"][0],
        section=fields.section(layers),
        tags=fields.tags(layers),
        language=picked["language"][0],
        body=body,
        captions=extracted.captions,
        image=fields.image(layers, page),
        provenance={name: layer for name, (value, layer) in picked.items() if value and layer},
        word_count=word_count(body),
        quality=quality.quality_flags(signals, body, structured=layers.jsonld.body),
    )
