"""The article scraper: small pure modules turning page bytes into an `Article`."""

from indexer.scrape.extractor import extract_article

__all__ = ["extract_article"]
