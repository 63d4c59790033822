"""Syndicated stories at query time: one hit per story cluster, and the copies behind it.

Index time (``syndication``) gives every article a story ``cluster``; here searches
collapse each cluster to its earliest copy, count stories rather than documents (in the
total, the facets and the timeline alike), and list a hit's other copies.
"""

from __future__ import annotations

import struct
import threading
import weakref
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from datetime import datetime
from itertools import chain
from typing import Any, NamedTuple

from whoosh import columns, sorting
from whoosh import query as wq
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from .schema import article_from_json
from .search_types import Copy
from .syndication import CLUSTER_FIELD

MAX_COPIES = 20


def earliest_first() -> sorting.FacetType:
    """Oldest publication first, undated documents after every dated one."""
    return sorting.TranslateFacet(_undated_last, HeldColumnFacet("published"))


def collapse_options() -> dict[str, Any]:
    """Search keywords keeping one hit per story: its earliest copy, usually the wire original."""
    return {
        "collapse": HeldColumnFacet(CLUSTER_FIELD),
        "collapse_limit": 1,
        "collapse_order": earliest_first(),
    }


def _undated_last(key: Any) -> tuple[bool, Any]:
    """Sort key putting undated documents (the column default) after every dated one."""
    undated = not key or (isinstance(key, datetime) and key.year <= 1)
    return (undated, key)


def story_count(clusters: dict[Any, int]) -> int:
    """Matching stories: one per cluster, each document without a cluster on its own."""
    return sum(1 for key in clusters if key) + clusters.get(None, 0) + clusters.get(b"", 0)


class StoryKeys:
    """The story of each document that shares its story with others (``None`` for the rest).

    Most articles are a story of their own, so only documents in a cluster of two or
    more need remembering; that map is read once per index reader from the cluster
    column (about 0.1 s for 100,000 articles) and kept while the reader lives.
    """

    def __init__(self, searcher: Searcher) -> None:
        self._shared = shared_stories(searcher.reader())

    def __call__(self, docnum: int) -> Hashable | None:
        return self._shared.get(docnum)

    def split(self, docnums: Iterable[int]) -> StorySplit:
        """Documents that are stories of their own, and the others with their story."""
        shared = self._shared
        if not shared:
            return StorySplit(list(docnums), [])
        docnums = list(docnums)
        keys = list(map(shared.get, docnums))
        alone = [docnum for docnum, key in zip(docnums, keys, strict=True) if key is None]
        together = [
            (docnum, key) for docnum, key in zip(docnums, keys, strict=True) if key is not None
        ]
        return StorySplit(alone, together)


class StorySplit(NamedTuple):
    """Matching documents by whether they share their story (see ``StoryKeys.split``)."""

    alone: list[int]
    shared: list[tuple[int, Hashable]]


def values_of(values: Sequence[Any], docnums: Iterable[int], overlap: bool) -> Iterator[Any]:
    """The column values of some documents, each of a list column's values for ``overlap``."""
    found = map(values.__getitem__, docnums)
    return chain.from_iterable(found) if overlap else iter(found)


_SHARED: weakref.WeakKeyDictionary[IndexReader, dict[int, Hashable]] = weakref.WeakKeyDictionary()
_SHARED_LOCK = threading.Lock()


def shared_stories(reader: IndexReader) -> dict[int, Hashable]:
    """Document number -> cluster, for documents whose cluster holds other documents too."""
    held = held_with_segments(reader, ("shared stories",), lambda: _shared_stories(reader))
    return held if held is not None else _shared_stories(reader)


def _shared_stories(reader: IndexReader) -> dict[int, Hashable]:
    with _SHARED_LOCK:
        found = _SHARED.get(reader)
    if found is not None:
        return found
    shared: dict[int, Hashable] = {}
    if reader.has_column(CLUSTER_FIELD):
        clusters = column_values(reader, CLUSTER_FIELD, False)
        sizes = Counter(clusters)
        shared = {
            docnum: cluster
            for docnum, cluster in enumerate(clusters)
            if cluster and sizes[cluster] > 1
        }
    with _SHARED_LOCK:
        _SHARED[reader] = shared
    return shared


class StoryCount(sorting.FacetMap):
    """Facet map counting stories per value: copies of one story sharing a value count once."""

    def __init__(self, keys: StoryKeys) -> None:
        self.keys = keys
        self._alone: Counter[Any] = Counter()
        self._stories: defaultdict[Any, set[Hashable]] = defaultdict(set)

    def add(self, groupname: Any, docid: int, sortkey: Any) -> None:
        key = self.keys(docid)
        if key is None:
            self._alone[groupname] += 1
        else:
            self._stories[groupname].add(key)

    def add_split(self, values: Sequence[Any], split: StorySplit, overlap: bool) -> None:
        """``add`` for every document of ``split``, its value(s) read from ``values``."""
        self._alone.update(values_of(values, split.alone, overlap))
        stories = self._stories
        for docnum, key in split.shared:
            for value in values[docnum] if overlap else (values[docnum],):
                stories[value].add(key)

    def as_dict(self) -> dict[Any, int]:
        counts = Counter(self._alone)
        for name, stories in self._stories.items():
            counts[name] += len(stories)
        return dict(counts)


class EarliestStoryCount(sorting.FacetMap):
    """Facet map over publication times counting each story once, at its earliest copy.

    That is the copy a collapsed search shows, so the timeline adds up to the stories
    found (undated ones aside) and a bar's date is the date of the hit it stands for.
    """

    def __init__(self, keys: StoryKeys) -> None:
        self.keys = keys
        self._alone: Counter[Any] = Counter()
        self._earliest: dict[Hashable, Any] = {}

    def add(self, groupname: Any, docid: int, sortkey: Any) -> None:
        key = self.keys(docid)
        if key is None:
            self._alone[groupname] += 1
            return
        known = self._earliest.get(key, _MISSING)
        if known is _MISSING or _earlier(groupname, known):
            self._earliest[key] = groupname

    def add_split(self, values: Sequence[Any], split: StorySplit, overlap: bool) -> None:
        """``add`` for every document of ``split``, its value(s) read from ``values``."""
        self._alone.update(values_of(values, split.alone, overlap))
        earliest = self._earliest
        for docnum, key in split.shared:
            for value in values[docnum] if overlap else (values[docnum],):
                known = earliest.get(key, _MISSING)
                if known is _MISSING or _earlier(value, known):
                    earliest[key] = value

    def as_dict(self) -> dict[Any, int]:
        counts = Counter(self._alone)
        counts.update(self._earliest.values())
        return dict(counts)


_MISSING = object()


def _earlier(moment: Any, other: Any) -> bool:
    """Whether publication time ``moment`` comes before ``other``, undated ones last."""
    undated, other_undated = _undated_last(moment)[0], _undated_last(other)[0]
    if undated or other_undated:
        return other_undated and not undated
    return bool(moment < other)


def cluster_of(searcher: Searcher, docnum: int) -> str | None:
    reader = searcher.reader()
    if not reader.has_column(CLUSTER_FIELD):
        return None
    value = reader.column_reader(CLUSTER_FIELD)[docnum]
    if isinstance(value, bytes):
        value = value.decode("utf-8")
    return value or None


def copies_of(searcher: Searcher, docnum: int) -> tuple[Copy, ...]:
    """The other documents of a hit's story cluster, earliest first."""
    if docnum not in shared_stories(searcher.reader()):
        return ()  # a story of its own (the map is held per reader; a column read is not)
    cluster = cluster_of(searcher, docnum)
    if not cluster or searcher.doc_frequency(CLUSTER_FIELD, cluster) < 2:
        return ()
    results = searcher.search(
        wq.Term(CLUSTER_FIELD, cluster),
        limit=MAX_COPIES + 1,
        mask={docnum},
        sortedby=earliest_first(),
    )
    copies = []
    for found in results[:MAX_COPIES]:
        article = article_from_json(found["article"])
        copies.append(
            Copy(
                id=article.id,
                url=article.url or article.canonical_url,
                source=article.source,
                headline=article.headline,
                published=article.published,
            )
        )
    return tuple(copies)


# Columns held in memory, by the segments they were read from (a reader per thread
# shares them); only the latest few generations are kept.
_COLUMNS: OrderedDict[tuple[Any, ...], dict[Hashable, Any]] = OrderedDict()
_COLUMNS_LOCK = threading.Lock()
COLUMN_GENERATIONS = 2


def column_values(reader: Any, fieldname: str, overlap: bool) -> list[Any]:
    """Every document's group key(s) for a field, by document number, kept per segment set.

    The keys are what Whoosh's facet categorizers give: the stored list for a list
    column, else the field's value from the column's sort key.
    """
    leaves = reader.leaf_readers()
    segments = tuple(_segment_id(leaf) for leaf, _offset in leaves)
    cacheable = None not in segments
    with _COLUMNS_LOCK:
        held = _COLUMNS.get(segments, {})
        found = held.get((fieldname, overlap))
    if found is not None:
        return found
    values: list[Any] = []
    field = reader.schema[fieldname]
    for leaf, _offset in leaves:
        if not leaf.doc_count_all():
            continue  # an empty index's reader has no columns to read
        column = leaf.column_reader(fieldname, translate=False)
        whole = read_whole_column(column)
        if overlap:
            values.extend(column if whole is None else whole)
        else:
            from_column = field.from_column_value
            if whole is None:
                whole = [column.sort_key(d) for d in range(leaf.doc_count_all())]
            values.extend(map(from_column, whole))
    if not cacheable:
        return values
    with _COLUMNS_LOCK:
        _COLUMNS.setdefault(segments, {})[(fieldname, overlap)] = values
        _COLUMNS.move_to_end(segments)
        while len(_COLUMNS) > COLUMN_GENERATIONS:
            _COLUMNS.popitem(last=False)
    return values


def held_with_segments(reader: Any, key: Hashable, build: Callable[[], Any]) -> Any:
    """What ``build`` works out from ``reader``, kept with the held columns of its segments.

    Every thread has a reader of its own, so anything remembered per reader object is
    worked out again by each thread; kept by segment set, it is worked out once. None
    when the reader's segments cannot be told apart (then nothing is kept here).
    """
    segments = tuple(_segment_id(leaf) for leaf, _offset in reader.leaf_readers())
    if None in segments:
        return None
    with _COLUMNS_LOCK:
        found = _COLUMNS.get(segments, {}).get(key)
    if found is not None:
        return found
    value = build()
    with _COLUMNS_LOCK:
        found = _COLUMNS.setdefault(segments, {}).setdefault(key, value)
        _COLUMNS.move_to_end(segments)
        while len(_COLUMNS) > COLUMN_GENERATIONS:
            _COLUMNS.popitem(last=False)
    return found


def read_whole_column(column: Any) -> list[Any] | None:
    """Every document's raw value (its sort key) from one read of the column's bytes.

    Whoosh's column readers seek and read once per document, which for a 100,000-article
    segment read through file handles is most of a first search. Known column kinds are
    decoded here as their readers decode them; None for any other kind.
    """
    kind = type(column)
    if kind is columns.NumericColumn.Reader and not column._reverse:
        count = column._count
        data = column._dbfile.get(column._basepos, count * column._fixedlen)
        found = [value for (value,) in struct.iter_unpack("!" + column._typecode, data)]
        return found + [column._default] * (column._doccount - count)
    if kind is columns.VarBytesColumn.Reader:
        offsets, lengths = column._offsets, column._lengths
        end = max(
            (offset + length for offset, length in zip(offsets, lengths, strict=True)), default=0
        )
        data = column._dbfile.get(column._basepos, end) if end else b""
        return [
            data[offset : offset + length] if length else b""
            for offset, length in zip(offsets, lengths, strict=True)
        ]
    if kind is columns.VarBytesListColumn.Reader:
        packed = read_whole_column(column._child)
        return None if packed is None else [_unpack_list(item) for item in packed]
    return None


def _unpack_list(data: bytes) -> list[bytes]:
    """A VarBytesListColumn value: a varint count, then each item's varint length and bytes."""
    if not data:
        return []
    if data[0] == 1 and len(data) > 1 and data[1] < 0x80:  # the usual case: one short value
        return [data[2 : 2 + data[1]]]
    count, position = _varint(data, 0)
    items = []
    for _ in range(count):
        length, position = _varint(data, position)
        items.append(data[position : position + length])
        position += length
    return items


def _varint(data: bytes, position: int) -> tuple[int, int]:
    value = shift = 0
    while True:
        byte = data[position]
        position += 1
        value |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return value, position
        shift += 7


def day_values(reader: Any, fieldname: str) -> list[Any]:
    """A datetime column as calendar days (None for undated documents), kept like the column.

    Counting by day gives the timeline what counting by the full time gives it, with far
    fewer distinct keys; the earliest copy of a story is on the earliest day.
    """
    return _derived(reader, fieldname, "days", _days)


def dated_in_order(reader: Any, fieldname: str) -> tuple[list[Any], list[int]]:
    """The dated documents of a datetime column sorted by time: (times, document numbers).

    Undated documents (the column's default, a year of 1 or less) are left out.
    """
    times, docnums = _derived(reader, fieldname, "in_order", _in_order)
    return times, docnums


def _in_order(values: list[Any]) -> Any:
    pairs = sorted(
        (value, docnum)
        for docnum, value in enumerate(values)
        if isinstance(value, datetime) and value.year > 1
    )
    return [value for value, _docnum in pairs], [docnum for _value, docnum in pairs]


def _days(values: list[Any]) -> list[Any]:
    return [
        value.date() if isinstance(value, datetime) and value.year > 1 else None for value in values
    ]


def _reversed_times(values: list[Any]) -> list[Any]:
    return [datetime.max - value for value in values]


def _derived(reader: Any, fieldname: str, kind: str, derive: Callable[[list[Any]], Any]) -> Any:
    """A list computed from a held column, held along with it."""
    segments = tuple(_segment_id(leaf) for leaf, _offset in reader.leaf_readers())
    with _COLUMNS_LOCK:
        found = _COLUMNS.get(segments, {}).get((fieldname, kind))
    if found is not None:
        return found
    derived = derive(column_values(reader, fieldname, False))
    if None in segments:
        return derived
    with _COLUMNS_LOCK:
        if segments in _COLUMNS:  # not brought back once dropped
            _COLUMNS[segments][(fieldname, kind)] = derived
    return derived


def _shared_keys(values: list[Any]) -> dict[int, Any]:
    sizes = Counter(values)
    return {docnum: key for docnum, key in enumerate(values) if key and sizes[key] > 1}


def _segment_id(leaf: Any) -> str | None:
    """A segment's own id (its files' name); None for a reader without one (not cached)."""
    segment = getattr(leaf, "segment", None)
    found = segment() if callable(segment) else None
    return found.segment_id() if found is not None else None


class HeldColumnFacet(sorting.FacetType):
    """A field's column as a sort or collapse key, read from memory (``column_values``).

    Whoosh's ``FieldFacet`` reads the column file once per matching document, the
    bulk of a collapsed search over a large index; the keys here are the values its
    categorizer names them by, so grouping and order are the same.
    """

    def __init__(self, fieldname: str, *, reverse: bool = False) -> None:
        self.fieldname = fieldname
        self.reverse = reverse
        self.maptype = None

    def categorizer(self, global_searcher: Searcher) -> sorting.Categorizer:
        return _HeldColumnCategorizer(global_searcher.reader(), self.fieldname, self.reverse)


def newest_first() -> sorting.FacetType:
    """Latest publication first (undated documents, the column default, come last)."""
    return HeldColumnFacet("published", reverse=True)


class _HeldColumnCategorizer(sorting.Categorizer):
    def __init__(self, reader: IndexReader, fieldname: str, reverse: bool) -> None:
        if reverse:  # a datetime's distance from the end of time orders them backwards
            self._values = _derived(reader, fieldname, "reversed", _reversed_times)
        else:
            self._values = column_values(reader, fieldname, False)
        self._offset = 0
        self._reader, self._fieldname = reader, fieldname

    def set_searcher(self, segment_searcher: Any, docoffset: int) -> None:
        self._offset = docoffset

    def shared_keys(self) -> dict[int, Any]:
        """Top-level document number -> key, for the documents whose key another one shares.

        Every other document's key is empty or its own, so it never collapses with
        another. The keys are the ones ``key_for`` gives.
        """
        shared = _derived(self._reader, self._fieldname, "shared", _shared_keys)
        if self._values is not column_values(self._reader, self._fieldname, False):
            return {docnum: self._values[docnum] for docnum in shared}
        return shared

    def key_for(self, matcher: Any, segment_docnum: int) -> Any:
        return self._values[self._offset + segment_docnum]

    def key_to_name(self, key: Any) -> Any:
        return key
