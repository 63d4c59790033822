"""What a crawl may do, and what it reports: options saved with the frontier, progress, totals."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from crawl_cache.crawler.fetcher import FetchPolicy
from crawl_cache.crawler.urls import domain_of

PRODUCT = "Broadsheet"


def build_user_agent(contact: str | None, version: str = "0.1") -> str:
    """``Broadsheet/0.1 (+contact; news search crawler)``: names the product and whom to tell."""
    who = f"+{contact}; " if contact else ""
    return f"{PRODUCT}/{version} ({who}news search crawler)"


@dataclass(frozen=True, slots=True)
class CrawlOptions:
    """What a crawl may do; saved with the frontier so ``--resume`` carries on alike."""

    seeds: tuple[str, ...] = ()
    allow_domains: tuple[str, ...] = ()
    max_pages: int | None = None
    max_depth: int = 5
    delay_s: float = 1.0
    per_host: int = 1
    workers: int = 4
    timeout_s: float = 15.0
    max_bytes: int = 10 * 1024 * 1024
    max_retries: int = 3
    backoff_s: float = 1.0
    # Email or URL for site owners, sent in the User-Agent; saved so a resumed
    # crawl introduces itself the same way.
    contact: str | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.per_host <= 2:
            raise ValueError("per_host must be 1 or 2: more would be impolite")
        if self.workers < 1 or self.max_depth < 0 or self.delay_s < 0:
            raise ValueError("workers must be positive, max_depth and delay_s not negative")
        if self.max_pages is not None and self.max_pages < 1:
            raise ValueError("max_pages must be positive")

    def policy(self) -> FetchPolicy:
        return FetchPolicy(
            timeout_s=self.timeout_s,
            max_bytes=self.max_bytes,
            max_retries=self.max_retries,
            backoff_s=self.backoff_s,
        )

    def domains(self) -> frozenset[str]:
        """Allowed domains: the ones given, else the seeds' own."""
        chosen = self.allow_domains or tuple(domain_of(seed) for seed in self.seeds)
        return frozenset(domain.lower().strip(".") for domain in chosen if domain)

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> CrawlOptions:
        data = json.loads(text)
        data["seeds"] = tuple(data.get("seeds", ()))
        data["allow_domains"] = tuple(data.get("allow_domains", ()))
        known = {name for name in cls.__dataclass_fields__}
        return cls(**{key: value for key, value in data.items() if key in known})


@dataclass(frozen=True, slots=True)
class CrawlProgress:
    """A snapshot for a progress line."""

    fetched: int
    stored: int
    unchanged: int
    errors: int
    skipped: int
    queued: int
    in_flight: int
    elapsed_s: float

    @property
    def rate(self) -> float:
        """Fetches per second so far."""
        return self.fetched / self.elapsed_s if self.elapsed_s > 0 else 0.0


@dataclass(slots=True)
class CrawlReport:
    """What a crawl run did (this run only; the frontier holds the whole crawl)."""

    fetched: int = 0
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    not_modified: int = 0
    articles: int = 0
    index_pages: int = 0
    duplicates: int = 0
    feeds: int = 0
    sitemaps: int = 0
    failed: int = 0
    skipped: int = 0
    recovered: int = 0
    queued_left: int = 0
    elapsed_s: float = 0.0
    limit_reached: bool = False
    resumed: bool = False
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def stored(self) -> int:
        return self.added + self.replaced


ProgressCallback = Callable[[CrawlProgress], None]
