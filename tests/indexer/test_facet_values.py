"""Facet values merge spellings that share a key, and name each by its commonest spelling."""

from __future__ import annotations

import random
from collections import Counter, defaultdict

import pytest

from indexer.analysis import facet_key
from indexer.facets import facet_values
from indexer.search_types import FacetValue

SPELLINGS = ["Reuters", "reuters", "REUTERS", "Réuters", "BBC News", "bbc  news", "AP", "ap", ""]


def _counter_way(groups, selected, limit=10):
    """Every key's spellings in a Counter of their own, the commonest naming the value."""
    totals: Counter[str] = Counter()
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for raw, count in groups.items():
        if raw is None:
            continue
        display = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
        key = facet_key(display)
        if key:
            totals[key] += count
            spellings[key][display] += count
    chosen = {facet_key(value): value for value in selected if facet_key(value)}
    ranked = sorted(totals, key=lambda key: (-totals[key], key))
    shown = ranked[:limit] + [key for key in ranked[limit:] if key in chosen]
    best = {
        key: min(spellings[key], key=lambda spelling: (-spellings[key][spelling], spelling))
        for key in shown
    }
    values = [FacetValue(best[key], totals[key], key in chosen) for key in shown]
    values += [FacetValue(value, 0, True) for key, value in chosen.items() if key not in totals]
    return tuple(values)


@pytest.mark.parametrize("seed", range(30))
def test_same_values_as_counting_every_spelling(seed: int) -> None:
    rng = random.Random(seed)
    names = SPELLINGS + [f"Author {number}" for number in range(rng.randint(0, 25))]
    groups: dict = {}
    for name in rng.sample(names, rng.randint(0, len(names))):
        raw = name.encode("utf-8") if rng.random() < 0.5 else name
        groups[raw] = rng.randint(1, 5)
    if rng.random() < 0.3:
        groups[None] = 4
    selected = tuple(rng.sample(names, rng.randint(0, 2))) + (("Nobody",) if seed % 5 else ())
    limit = rng.choice((1, 3, 10))
    assert facet_values(groups, selected, limit) == _counter_way(groups, selected, limit)


def test_the_commonest_spelling_names_the_merged_value() -> None:
    values = facet_values({b"reuters": 2, "Reuters": 3, "REUTERS": 3, b"AP": 1}, ())
    assert values == (FacetValue("REUTERS", 8, False), FacetValue("AP", 1, False))
