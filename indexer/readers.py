"""Long-lived searchers, one per thread, reopened when the live index changes.

Each thread keeps its own Whoosh searcher (searchers are not thread-safe) and checks
cheaply before every use: a ``stat`` of the pointer file notices a switch to a new
generation, and ``Searcher.up_to_date`` notices commits by an incremental reindex.
A stale searcher is replaced by a freshly opened one, never by ``Searcher.refresh``:
in whoosh-reloaded 2.7.5 ``refresh`` re-adds segments that a merge already replaced,
so every document would show up twice.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from whoosh.index import Index
from whoosh.scoring import WeightingModel
from whoosh.searching import Searcher

from .errors import IndexerError, IndexNotFound
from .index_store import REBUILD_HINT, open_live, pointer_signature, quietly_open

logger = logging.getLogger(__name__)

Signature = tuple[int, int, int]


@dataclass
class _Slot:
    """One thread's open view of the index."""

    thread: threading.Thread
    signature: Signature
    generation: str
    index: Index
    searcher: Searcher

    def close(self) -> None:
        try:
            self.searcher.close()
        except Exception as error:  # closing a reader of removed files may fail; harmless
            logger.debug("closing a searcher of generation %s: %s", self.generation, error)


class SearcherPool:
    """Hands each thread its own up-to-date searcher of the live generation."""

    def __init__(self, index_dir: Path, weighting: WeightingModel) -> None:
        self._index_dir = Path(index_dir)
        self._weighting = weighting
        self._local = threading.local()
        self._slots: dict[int, _Slot] = {}
        self._lock = threading.Lock()
        self._closed = False

    def current(self) -> tuple[Searcher, str]:
        """This thread's searcher and its generation, reopened first if stale."""
        if self._closed:
            raise IndexerError("the search service has been closed")
        slot: _Slot | None = getattr(self._local, "slot", None)
        signature = pointer_signature(self._index_dir)
        if signature is None:
            self._forget(slot)
            raise IndexNotFound(f"no search index in {self._index_dir}; {REBUILD_HINT}")
        if slot is None or slot.signature != signature:
            slot = self._open(signature, slot)
        elif not self._up_to_date(slot):
            slot = self._reopen_searcher(slot)
        return slot.searcher, slot.generation

    def close(self) -> None:
        """Close every thread's searcher; later calls raise IndexerError."""
        with self._lock:
            self._closed = True
            slots = list(self._slots.values())
            self._slots.clear()
        for slot in slots:
            slot.close()

    def _open(self, signature: Signature, old: _Slot | None) -> _Slot:
        pointer, index = open_live(self._index_dir)
        searcher = quietly_open(
            lambda: index.searcher(weighting=self._weighting), pointer.generation
        )
        slot = _Slot(threading.current_thread(), signature, pointer.generation, index, searcher)
        self._install(slot, old)
        return slot

    def _reopen_searcher(self, old: _Slot) -> _Slot:
        searcher = quietly_open(
            lambda: old.index.searcher(weighting=self._weighting), old.generation
        )
        slot = _Slot(old.thread, old.signature, old.generation, old.index, searcher)
        self._install(slot, old)
        return slot

    def _up_to_date(self, slot: _Slot) -> bool:
        try:
            return bool(slot.searcher.up_to_date())
        except Exception:  # files of the generation vanished: treat as stale
            return False

    def _install(self, slot: _Slot, old: _Slot | None) -> None:
        """Make ``slot`` this thread's; close what it replaces and what dead threads left."""
        with self._lock:
            if self._closed:
                slot.close()
                raise IndexerError("the search service has been closed")
            # A dead thread's identifier can be reused: close what it left under it.
            previous = self._slots.get(threading.get_ident())
            self._slots[threading.get_ident()] = slot
            orphans = [key for key, other in self._slots.items() if not other.thread.is_alive()]
            abandoned = [self._slots.pop(key) for key in orphans]
            if previous is not None and previous is not old:
                abandoned.append(previous)
        self._local.slot = slot
        if old is not None:
            old.close()
        for other in abandoned:
            other.close()

    def _forget(self, slot: _Slot | None) -> None:
        if slot is None:
            return
        with self._lock:
            if self._slots.get(threading.get_ident()) is slot:
                del self._slots[threading.get_ident()]
        self._local.slot = None
        slot.close()
