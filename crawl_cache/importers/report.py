"""What an import run yields per input and what it reports at the end."""

from __future__ import annotations

from dataclasses import dataclass, field

from crawl_cache.page import CachedPage
from crawl_cache.store import PutOutcome

# The report keeps the first failures for display; the cache's failures table
# keeps them all, so a run over millions of damaged files stays bounded in memory.
MAX_REPORTED_FAILURES = 1000


@dataclass(frozen=True, slots=True)
class ImportFailure:
    """An input (or one record inside an archive) that was not stored, and why."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input or archive record that is not a page (an image, a 404, a request record)."""

    source: str
    reason: str


ImportItem = CachedPage | ImportFailure | Skipped
"""What a reader yields for each page-sized piece of an input."""


@dataclass(frozen=True, slots=True)
class ImportReport:
    """Totals of one import run.

    ``failed`` counts every failure; ``failures`` lists the first
    :data:`MAX_REPORTED_FAILURES` of them (all are in ``cache.failures()``).
    ``skipped`` counts inputs and archive records that are not pages.
    """

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    failures: list[ImportFailure] = field(default_factory=list)
    skipped: int = 0
    inputs: int = 0

    @property
    def stored(self) -> int:
        """Pages that are in the cache after the run (new, replaced or already there)."""
        return self.added + self.replaced + self.unchanged


@dataclass(slots=True)
class ReportTally:
    """The mutable counters an import run fills in before freezing them into a report."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    failed: int = 0
    skipped: int = 0
    inputs: int = 0
    failures: list[ImportFailure] = field(default_factory=list)

    def count_outcome(self, outcome: PutOutcome) -> None:
        """Add one store outcome to the matching counter."""
        if outcome is PutOutcome.ADDED:
            self.added += 1
        elif outcome is PutOutcome.REPLACED:
            self.replaced += 1
        else:
            self.unchanged += 1

    def count_failure(self, failure: ImportFailure) -> None:
        """Count a failure and keep it for the report while there is room."""
        self.failed += 1
        if len(self.failures) < MAX_REPORTED_FAILURES:
            self.failures.append(failure)

    def freeze(self) -> ImportReport:
        """The finished report."""
        return ImportReport(
            added=self.added,
            replaced=self.replaced,
            unchanged=self.unchanged,
            failed=self.failed,
            failures=list(self.failures),
            skipped=self.skipped,
            inputs=self.inputs,
        )
