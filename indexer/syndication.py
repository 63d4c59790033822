"""Syndicated copies: a near-duplicate signature per article body, and story clusters.

The same wire story is carried by several outlets, each lightly edited (a new opening
line, a trimmed sentence, the outlet's sign-off). Each body gets a MinHash signature
(``datasketch``, NUM_PERM values) of its two-word shingles; two bodies whose estimated
shingle overlap (Jaccard similarity) is at least SAME_STORY are copies of one story.
On the demo collection the two wire stories' copies score 0.95 and 1.0, and no other
pair (not even two stories on the same takeover) scores above 0.15.

At index time each article joins the cluster of a copy already indexed (earlier in the
same run, or committed before it) or starts its own, named after its id; search then
collapses on the ``cluster`` field. Copies are found with locality-sensitive hashing:
the signature is cut into BANDS bands of ROWS values, each band hashed to a term
(``near_bands``); stories sharing a band are candidates, checked on the whole
signature (kept in the ``near_sig`` column). With 16 bands of 4, a pair at 0.75
similarity shares a band with probability 0.99, a pair at 0.2 with 0.03.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from typing import Any

from whoosh import query as wq
from whoosh.searching import Searcher

from .analysis import fold_accents

NUM_PERM = 64
BANDS = 16
ROWS = NUM_PERM // BANDS
SAME_STORY = 0.5
SHINGLE_WORDS = 2
# Fixed so that signatures stay comparable across runs (the schema version guards changes).
SEED = 20240
# Bodies shorter than this say too little to call two articles copies of each other.
MIN_WORDS = 40
# Committed documents sharing a band that are checked per new article.
LOOKUP_LIMIT = 200

SIGNATURE_FIELD = "near_sig"
BANDS_FIELD = "near_bands"
CLUSTER_FIELD = "cluster"

_WORD = re.compile(r"[^\W_]+")
# Signature values: little-endian unsigned 32-bit (numpy and datasketch are imported
# when first needed, so that searching, which never signs a body, starts faster).
_DTYPE = "<u4"
_VALUE_BYTES = 4
_sha1 = hashlib.sha1

Signature = Any  # a numpy array of NUM_PERM values


def body_signature(body: str | None) -> Signature | None:
    """The MinHash values of a body's word shingles, or None when the body is too short.

    The same values as ``datasketch.MinHash(NUM_PERM, SEED).update_batch`` over the
    shingles, computed in one pass (the reindex signs every article).
    """
    text = body or ""
    if not text.isascii():  # folding changes nothing in plain ASCII, and costs a pass
        text = fold_accents(text)
    words = _WORD.findall(text.casefold())
    if len(words) < MIN_WORDS:
        return None
    shingles = {
        " ".join(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1)
    }
    import numpy as np
    from datasketch.minhash import _fmix

    prototype = _prototype()
    hashes = np.fromiter(
        (
            int.from_bytes(_sha1(shingle.encode("utf-8")).digest()[:4], "little")
            for shingle in shingles
        ),
        dtype=np.uint32,
        count=len(shingles),
    )
    first, second = prototype.permutations
    permuted = _fmix(hashes.reshape(-1, 1), 32) * first + second
    return np.minimum(prototype.hashvalues, permuted.min(axis=0)).astype(_DTYPE)


@cache
def _prototype() -> Any:
    """An empty MinHash holding the permutations every signature uses."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=SEED)


def similarity(first: Signature, second: Signature) -> float:
    """The estimated Jaccard similarity of two bodies' shingle sets (0 to 1)."""
    import numpy as np

    return float(np.count_nonzero(first == second)) / NUM_PERM


def band_keys(signature: Signature) -> list[str]:
    """The band terms of a signature: band number and a short hash of its values."""
    keys = []
    for band in range(BANDS):
        chunk = signature[band * ROWS : (band + 1) * ROWS].tobytes()
        keys.append(f"{band}-{hashlib.blake2b(chunk, digest_size=6).hexdigest()}")
    return keys


def signature_to_bytes(signature: Signature) -> bytes:
    return signature.astype(_DTYPE).tobytes()


def signature_from_bytes(data: bytes) -> Signature | None:
    import numpy as np

    if len(data) != NUM_PERM * _VALUE_BYTES:
        return None
    return np.frombuffer(data, dtype=_DTYPE)


class StoryClusters:
    """Assigns each article to a story cluster while an index is being written.

    Remembers the signatures given to it (about 500 bytes per signed article) and,
    when handed a searcher, also asks the committed index.
    """

    def __init__(self) -> None:
        self._buckets: dict[str, list[tuple[Signature, str]]] = defaultdict(list)

    def assign(
        self, article_id: str, signature: Signature | None, committed: Searcher | None
    ) -> str:
        """The cluster id for an article: its closest copy's cluster, else its own id."""
        if signature is None:
            return article_id
        keys = band_keys(signature)
        candidates: list[tuple[Signature, str]] = []
        for key in keys:
            candidates.extend(self._buckets.get(key, ()))
        if committed is not None:
            candidates.extend(_committed_candidates(committed, keys))
        scored = [(similarity(signature, other), cluster) for other, cluster in candidates]
        near = [(-score, cluster) for score, cluster in scored if score >= SAME_STORY]
        cluster = min(near)[1] if near else article_id
        entry = (signature, cluster)
        for key in keys:
            self._buckets[key].append(entry)
        return cluster


_UNSIGNED = object()


def syndication_fields(
    article_id: str,
    body: str | None,
    clusters: StoryClusters | None,
    committed: Searcher | None,
    signature: Signature | None | object = _UNSIGNED,
) -> dict[str, object]:
    """The document fields for near-duplicate grouping (``cluster`` is always set).

    ``signature`` is the body's ``body_signature`` when the caller computed it already
    (the reindex does, on its extraction workers).
    """
    if signature is _UNSIGNED:
        signature = body_signature(body)
    cluster = clusters.assign(article_id, signature, committed) if clusters else article_id
    fields: dict[str, object] = {CLUSTER_FIELD: cluster}
    if signature is not None:
        fields[SIGNATURE_FIELD] = signature_to_bytes(signature)
        fields[BANDS_FIELD] = " ".join(band_keys(signature))
    return fields


def _committed_candidates(searcher: Searcher, keys: Iterable[str]) -> list[tuple[Signature, str]]:
    query = wq.Or([wq.Term(BANDS_FIELD, key) for key in keys])
    results = searcher.search(query, limit=LOOKUP_LIMIT, scored=False)
    reader = searcher.reader()
    if not (reader.has_column(SIGNATURE_FIELD) and reader.has_column(CLUSTER_FIELD)):
        return []
    signatures = reader.column_reader(SIGNATURE_FIELD)
    clusters = reader.column_reader(CLUSTER_FIELD)
    found: list[tuple[Signature, str]] = []
    for docnum in results.docs():
        signature = signature_from_bytes(signatures[docnum] or b"")
        cluster = clusters[docnum]
        if isinstance(cluster, bytes):
            cluster = cluster.decode("utf-8")
        if signature is not None and cluster:
            found.append((signature, str(cluster)))
    return found
