"""The index directory on disk: generations, the live pointer, per-generation state, the lock.

Layout under ``DATA_DIR/index/``::

    CURRENT            {"generation": "000002", "previous": "000001", "switched_at": ...}
    write.lock         held (flock) by the one running reindex
    000002/state.json  {"schema_version", "last_seq", "built_at", "updated_at", ...}
    000002/whoosh/     the Whoosh index of that generation

``CURRENT`` and every ``state.json`` are written to a temporary name and moved into
place with ``os.replace``, so a reader sees the old file or the new one, never half.
Retention: the live generation and the one it replaced are kept; anything else is
removed by the next writer. A reader still holding the replaced generation moves on at
its next search, long before a second full rebuild could remove it.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import gc
import json
import logging
import os
import shutil
import warnings
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, TypeVar

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage
from whoosh.index import Index

from .errors import IndexCorrupt, IndexLocked, IndexNotFound
from .schema import SCHEMA_VERSION, build_schema

logger = logging.getLogger(__name__)
T = TypeVar("T")

POINTER_NAME = "CURRENT"
LOCK_NAME = "write.lock"
STATE_NAME = "state.json"
WHOOSH_DIR = "whoosh"
REBUILD_HINT = "build one with `broadsheet reindex --full`"


@dataclass(frozen=True, slots=True)
class Pointer:
    """Which generation is live, and which one it replaced."""

    generation: str
    previous: str | None = None
    switched_at: str | None = None


@dataclass(frozen=True, slots=True)
class GenerationState:
    """What a generation holds: how far along the cache's change feed it is."""

    generation: str
    schema_version: int = SCHEMA_VERSION
    last_seq: int = 0
    built_at: str | None = None
    updated_at: str | None = None


def utc_now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def generation_path(index_dir: Path, generation: str) -> Path:
    return index_dir / generation


def read_pointer(index_dir: Path) -> Pointer | None:
    """The live pointer, or None when no generation was ever switched on."""
    data = _read_json(index_dir / POINTER_NAME)
    if data is None:
        return None
    generation = data.get("generation")
    if not isinstance(generation, str) or not generation:
        raise IndexCorrupt(f"{index_dir / POINTER_NAME} names no generation; {REBUILD_HINT}")
    return Pointer(generation, data.get("previous"), data.get("switched_at"))


def write_pointer(index_dir: Path, pointer: Pointer) -> None:
    _write_json_atomic(index_dir / POINTER_NAME, asdict(pointer))


def read_state(index_dir: Path, generation: str) -> GenerationState | None:
    data = _read_json(generation_path(index_dir, generation) / STATE_NAME)
    if data is None:
        return None
    known = {name: data[name] for name in GenerationState.__dataclass_fields__ if name in data}
    known["generation"] = generation
    return GenerationState(**known)


def write_state(index_dir: Path, state: GenerationState) -> None:
    path = generation_path(index_dir, state.generation) / STATE_NAME
    _write_json_atomic(path, asdict(state))


def next_generation(index_dir: Path) -> str:
    """A name sorting after every generation directory present."""
    numbers = [int(path.name) for path in _generation_dirs(index_dir)]
    return f"{max(numbers, default=0) + 1:06d}"


def create_generation(index_dir: Path, generation: str) -> Index:
    """An empty Whoosh index for a new generation (not live until the pointer names it)."""
    whoosh_dir = generation_path(index_dir, generation) / WHOOSH_DIR
    whoosh_dir.mkdir(parents=True, exist_ok=False)
    return whoosh_index.create_in(str(whoosh_dir), build_schema())


def open_generation(index_dir: Path, generation: str) -> Index:
    """Open a generation's Whoosh index; missing or damaged ones raise IndexCorrupt."""
    whoosh_dir = generation_path(index_dir, generation) / WHOOSH_DIR
    state = read_state(index_dir, generation)
    if state is None or not whoosh_dir.is_dir():
        raise IndexCorrupt(f"index generation {generation} is missing files; {REBUILD_HINT}")
    if state.schema_version != SCHEMA_VERSION:
        raise IndexCorrupt(
            f"index generation {generation} was built by another version of Broadsheet "
            f"(schema {state.schema_version}, expected {SCHEMA_VERSION}); {REBUILD_HINT}"
        )
    return quietly_open(lambda: _storage(whoosh_dir).open_index(), generation)


def _storage(whoosh_dir: Path) -> FileStorage:
    """Whoosh file storage that reads segments through file handles, not mmap.

    With mmap, whoosh-reloaded 2.7.5 copies each memory-mapped part of a compound
    segment into a BytesIO when a reader opens it: every searcher held a private
    copy of the postings, terms and stored fields (2.8 GB RSS for 100k articles,
    times one searcher per server thread). File handles read on demand from the
    page cache: same results and speed, ~130 MB.
    """
    return FileStorage(str(whoosh_dir), supports_mmap=False)


def quietly_open(opener: Callable[[], T], generation: str) -> T:
    """Run a Whoosh open call, turning any failure into IndexCorrupt.

    Whoosh leaves the file it choked on open; it is dropped here, quietly, rather
    than warned about at some random later garbage collection.
    """
    problem = ""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        try:
            return opener()
        except Exception as error:  # Whoosh raises a zoo of types for damaged files
            problem = f"{type(error).__name__}: {error}"
        gc.collect()
    raise IndexCorrupt(f"index generation {generation} cannot be read ({problem}); {REBUILD_HINT}")


def open_live(index_dir: Path) -> tuple[Pointer, Index]:
    """The live pointer and its index; IndexNotFound when nothing was built yet."""
    pointer = read_pointer(index_dir)
    if pointer is None:
        raise IndexNotFound(f"no search index in {index_dir}; {REBUILD_HINT}")
    return pointer, open_generation(index_dir, pointer.generation)


def live_document_ids(index_dir: Path) -> list[str]:
    """The ``id`` of every live document, duplicates included (for consistency checks)."""
    _, ix = open_live(index_dir)
    try:
        with ix.reader() as reader:
            return [str(fields.get("id", "")) for fields in reader.all_stored_fields()]
    finally:
        ix.close()


def verify_live(index_dir: Path) -> Pointer:
    """Open the live generation and read a little of everything; raise if it is damaged.

    For start-up checks: IndexNotFound when there is no index, IndexCorrupt (naming
    ``broadsheet reindex --full``) when its pointer, state or Whoosh files are damaged.
    """
    pointer, ix = open_live(index_dir)

    def read_some() -> None:
        with ix.searcher() as searcher:
            reader = searcher.reader()
            count = reader.doc_count_all()
            for docnum in {0, count - 1} if count else set():
                reader.stored_fields(docnum)
            for name in ("headline", "body"):
                if name in reader.schema:
                    for _ in zip(range(50), reader.lexicon(name), strict=False):
                        pass

    try:
        quietly_open(read_some, pointer.generation)
    finally:
        ix.close()
    return pointer


def remove_stale_generations(index_dir: Path, keep: set[str]) -> list[str]:
    """Delete generation directories not in ``keep`` (call with the write lock held)."""
    removed: list[str] = []
    for path in _generation_dirs(index_dir):
        if path.name in keep:
            continue
        shutil.rmtree(path, ignore_errors=True)
        if path.exists():
            logger.warning("could not remove old index generation %s; will retry", path)
        else:
            removed.append(path.name)
    return removed


@contextlib.contextmanager
def write_lock(index_dir: Path) -> Iterator[None]:
    """Hold the single-writer lock or raise IndexLocked at once.

    An OS lock (flock) rather than a marker file: if the writer dies, the kernel
    releases it, so there is never a stale lock to clear by hand.
    """
    index_dir.mkdir(parents=True, exist_ok=True)
    handle: IO[str] = open(index_dir / LOCK_NAME, "a+", encoding="utf-8")  # noqa: SIM115
    try:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            if error.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                raise IndexLocked(_locked_message(index_dir / LOCK_NAME)) from None
            raise
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(f"{os.getpid()}\n")
            handle.flush()
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    finally:
        handle.close()


def _locked_message(lock_path: Path) -> str:
    """Why a reindex is refused: the lock file and, when it says so, the holder's pid."""
    try:
        holder = lock_path.read_text(encoding="utf-8").strip()
    except OSError:
        holder = ""
    by = f" (process {holder})" if holder.isdigit() else ""
    return (
        f"another reindex{by} holds the index lock {lock_path}; "
        "wait for it to finish and run this again"
    )


def pointer_signature(index_dir: Path) -> tuple[int, int, int] | None:
    """A cheap fingerprint of CURRENT: it changes whenever the file is replaced."""
    try:
        stat = os.stat(index_dir / POINTER_NAME)
    except FileNotFoundError:
        return None
    except NotADirectoryError as error:
        raise IndexCorrupt(
            f"{index_dir} is not a directory; move it aside and {REBUILD_HINT}"
        ) from error
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


def _generation_dirs(index_dir: Path) -> list[Path]:
    if not index_dir.is_dir():
        return []
    return sorted(path for path in index_dir.iterdir() if path.is_dir() and path.name.isdigit())


def _read_json(path: Path) -> dict[str, Any] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except NotADirectoryError as error:
        raise IndexCorrupt(
            f"{path.parent} is not a directory; move it aside and {REBUILD_HINT}"
        ) from error
    except UnicodeDecodeError as error:
        raise IndexCorrupt(f"{path} is not text ({error}); {REBUILD_HINT}") from error
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise IndexCorrupt(f"{path} is not valid JSON ({error}); {REBUILD_HINT}") from error
    if not isinstance(data, dict):
        raise IndexCorrupt(f"{path} does not hold a JSON object; {REBUILD_HINT}")
    return data


def _write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump(data, handle, indent=2, sort_keys=True)
        handle.write("\n")
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
