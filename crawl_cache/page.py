"""The cached-page record: one raw page as it was fetched or imported."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime


def content_hash(body: bytes) -> str:
    """Hex SHA-256 of the raw bytes; equal hashes mean an unchanged page."""
    return hashlib.sha256(body).hexdigest()


@dataclass(frozen=True, slots=True)
class CachedPage:
    """A raw page keyed by its requested URL.

    ``seq`` is the change-feed number the store assigned when this version was
    written (None before it is stored). ``body`` is always the uncompressed bytes;
    the store compresses at rest.
    """

    url: str
    body: bytes
    final_url: str | None = None
    status: int = 200
    content_type: str | None = None
    charset: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    fetched_at: datetime | None = None
    content_hash: str = ""
    seq: int | None = None
    # True for an article page, False for a section/tag/index page the crawler
    # followed only for its links, None when nobody classified it (imports).
    is_article: bool | None = None

    @classmethod
    def create(
        cls,
        url: str,
        body: bytes,
        *,
        final_url: str | None = None,
        status: int = 200,
        content_type: str | None = None,
        charset: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        fetched_at: datetime | None = None,
        is_article: bool | None = None,
    ) -> CachedPage:
        """Build a page, filling the hash and a UTC fetched-at time."""
        return cls(
            url=url,
            body=body,
            final_url=final_url or url,
            status=status,
            content_type=content_type,
            charset=charset,
            etag=etag,
            last_modified=last_modified,
            fetched_at=fetched_at or datetime.now(UTC),
            content_hash=content_hash(body),
            is_article=is_article,
        )
