"""An index of a parsed page's elements, built in one walk and shared by the field readers."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache

from bs4 import BeautifulSoup, Tag

_PIECES = re.compile(r"[\s_\-]+")
_SEPARATED = re.compile(r"[\s_\-]")
# Attributes whose values name what an element is (classes, ids, test ids).
NAME_ATTRIBUTES = ("class", "id", "data-testid", "data-component")
_NO_TOKENS: frozenset[str] = frozenset()


class PageTree:
    """Every element of a parsed page in document order, indexed by tag and attribute name.

    Field readers ask it for "the <time> elements", "the elements with a class" or "the
    <h1> inside this region" instead of each walking the whole tree with ``find_all``.
    The index describes the tree as parsed: build it before anything removes elements.
    """

    __slots__ = (
        "root",
        "elements",
        "_position",
        "_ends",
        "_by_name",
        "_by_attribute",
        "_tokens",
        "_tokens_by_names",
        "_named",
        "_by_token",
    )

    def __init__(self, root: BeautifulSoup | Tag) -> None:
        self.root = root
        elements: list[Tag] = []
        ends: list[int] = []
        by_name: dict[str, list[int]] = {}
        by_attribute: dict[str, list[int]] = {}
        # Iterative pre-order walk; each element's end (one past its last descendant) is
        # filled in when the walk leaves it.
        stack: list[tuple[Tag, int]] = [
            (child, -1) for child in reversed(root.contents) if isinstance(child, Tag)
        ]
        while stack:
            tag, leaving = stack.pop()
            if leaving >= 0:
                ends[leaving] = len(elements)
                continue
            index = len(elements)
            elements.append(tag)
            ends.append(0)
            names = by_name.get(tag.name)
            if names is None:
                by_name[tag.name] = [index]
            else:
                names.append(index)
            for attribute in tag.attrs:
                holders = by_attribute.get(attribute)
                if holders is None:
                    by_attribute[attribute] = [index]
                else:
                    holders.append(index)
            stack.append((tag, index))
            children = tag.contents
            if children:
                stack.extend((child, -1) for child in reversed(children) if isinstance(child, Tag))
        self.elements = elements
        self._ends = ends
        self._position = {id(tag): index for index, tag in enumerate(elements)}
        self._by_name = by_name
        self._by_attribute = by_attribute
        self._tokens: dict[int, frozenset[str]] = {}
        self._tokens_by_names: dict[tuple[object, ...], frozenset[str]] = {}
        self._named: list[int] | None = None
        self._by_token: dict[str, list[int]] | None = None

    def _span(self, within: Tag | BeautifulSoup | None) -> tuple[int, int]:
        """Positions of the elements under ``within`` (the whole page when None or the root)."""
        if within is None or within is self.root:
            return 0, len(self.elements)
        index = self._position.get(id(within))
        if index is None:
            raise ValueError("element is not part of this page")
        return index + 1, self._ends[index]

    def _select(self, positions: list[int], within: Tag | BeautifulSoup | None) -> list[int]:
        start, end = self._span(within)
        if start == 0 and end == len(self.elements):
            return positions
        return positions[bisect_left(positions, start) : bisect_right(positions, end - 1)]

    def contains(self, within: Tag | BeautifulSoup, tag: Tag) -> bool:
        """Whether ``tag`` is a descendant of ``within``."""
        start, end = self._span(within)
        index = self._position.get(id(tag))
        return index is not None and start <= index < end

    def find_all(
        self,
        names: str | Iterable[str],
        within: Tag | BeautifulSoup | None = None,
        *,
        attribute: str | None = None,
        limit: int | None = None,
    ) -> list[Tag]:
        """Elements named ``names`` under ``within``, in document order, like ``find_all``.

        ``attribute``, when given, keeps only the elements that carry it.
        """
        if isinstance(names, str):
            positions = self._select(self._by_name.get(names, []), within)
        else:
            merged: list[int] = []
            for name in dict.fromkeys(names):
                merged.extend(self._select(self._by_name.get(name, []), within))
            positions = sorted(merged)
        elements = self.elements
        if attribute is not None:
            found = [elements[i] for i in positions if attribute in elements[i].attrs]
        else:
            found = [elements[i] for i in positions]
        return found[:limit] if limit is not None else found

    def find(self, name: str, within: Tag | BeautifulSoup | None = None) -> Tag | None:
        """The first element named ``name`` under ``within``, or None."""
        positions = self._by_name.get(name)
        if not positions:
            return None
        start, end = self._span(within)
        at = bisect_left(positions, start)
        if at < len(positions) and positions[at] < end:
            return self.elements[positions[at]]
        return None

    def following(self, tag: Tag, names: Iterable[str], *, limit: int) -> list[Tag]:
        """The first ``limit`` elements named ``names`` after ``tag``'s start, in document
        order (its own descendants first), like ``tag.find_all_next(names, limit=limit)``."""
        index = self._position[id(tag)]
        merged: list[int] = []
        for name in set(names):
            positions = self._by_name.get(name, [])
            at = bisect_right(positions, index)
            merged.extend(positions[at : at + limit])
        merged.sort()
        return [self.elements[i] for i in merged[:limit]]

    def preceding(self, tag: Tag, names: Iterable[str], *, limit: int) -> list[Tag]:
        """The nearest ``limit`` elements named ``names`` before ``tag`` (ancestors included),
        closest first, like ``tag.find_all_previous(names, limit=limit)``."""
        index = self._position[id(tag)]
        merged: list[int] = []
        for name in set(names):
            positions = self._by_name.get(name, [])
            at = bisect_left(positions, index)
            merged.extend(positions[max(0, at - limit) : at])
        merged.sort(reverse=True)
        return [self.elements[i] for i in merged[:limit]]

    def with_attributes(
        self, attributes: Iterable[str], within: Tag | BeautifulSoup | None = None
    ) -> Iterator[Tag]:
        """Elements under ``within`` carrying any of ``attributes``, in document order."""
        merged: set[int] = set()
        for attribute in attributes:
            merged.update(self._select(self._by_attribute.get(attribute, []), within))
        elements = self.elements
        return (elements[i] for i in sorted(merged))

    def named(self, within: Tag | BeautifulSoup | None = None) -> Iterator[Tag]:
        """Elements under ``within`` with a class, id or test id, in document order."""
        elements = self.elements
        return (elements[i] for i in self._select(self._named_positions(), within))

    def with_tokens(
        self,
        tokens: Iterable[str],
        within: Tag | BeautifulSoup | None = None,
        *,
        also: Callable[[str], object] | None = None,
        first: int | None = None,
    ) -> list[Tag]:
        """Named elements under ``within`` whose class tokens include one of ``tokens`` (or
        one that ``also`` accepts), in document order.

        ``first`` looks only at the first so many named elements under ``within``, as a
        walk that stops after them would.
        """
        named = self._select(self._named_positions(), within)
        if not named:
            return []
        last = named[first - 1] if first is not None and len(named) > first else named[-1]
        start = named[0]
        by_token = self._token_positions()
        wanted = [token for token in tokens if token in by_token]
        if also is not None:
            wanted += [token for token in by_token if also(token)]
        found: set[int] = set()
        for token in wanted:
            positions = by_token[token]
            found.update(positions[bisect_left(positions, start) : bisect_right(positions, last)])
        elements = self.elements
        return [elements[i] for i in sorted(found)]

    def _named_positions(self) -> list[int]:
        if self._named is None:
            merged: set[int] = set()
            for attribute in NAME_ATTRIBUTES:
                merged.update(self._by_attribute.get(attribute, ()))
            self._named = sorted(merged)
        return self._named

    def _token_positions(self) -> dict[str, list[int]]:
        """Positions of the named elements by class token, each list in document order."""
        if self._by_token is None:
            # Elements sharing their names share their tokens: group them by names first,
            # so each distinct set of names is split once.
            groups: dict[tuple[object, ...], list[int]] = {}
            elements = self.elements
            for index in self._named_positions():
                names = _names_key(elements[index].attrs)
                holders = groups.get(names)
                if holders is None:
                    groups[names] = [index]
                else:
                    holders.append(index)
            by_token: dict[str, list[int]] = {}
            known = self._tokens_by_names
            mixed: set[str] = set()
            for names, positions in groups.items():
                tokens = known.get(names)
                if tokens is None:
                    tokens = known[names] = frozenset(class_tokens(elements[positions[0]]))
                for token in tokens:
                    holders = by_token.get(token)
                    if holders is None:
                        by_token[token] = positions.copy()
                    else:
                        holders.extend(positions)
                        mixed.add(token)
            for token in mixed:
                by_token[token].sort()
            self._by_token = by_token
        return self._by_token

    def class_tokens(self, tag: Tag) -> frozenset[str]:
        """`class_tokens` of ``tag``, worked out once per element (and once per distinct
        set of names: many elements share their classes)."""
        attrs = tag.attrs
        if not attrs:
            return _NO_TOKENS
        key = id(tag)
        tokens = self._tokens.get(key)
        if tokens is None:
            names = _names_key(attrs)
            tokens = self._tokens_by_names.get(names)
            if tokens is None:
                tokens = self._tokens_by_names[names] = frozenset(class_tokens(tag))
            self._tokens[key] = tokens
        return tokens


def _names_key(attrs: Mapping[str, object]) -> tuple[object, ...]:
    """What an element's class tokens depend on (its `NAME_ATTRIBUTES`), as a hashable key:
    elements with the same key have the same tokens."""
    raw = attrs.get("class")
    return (
        tuple(raw) if isinstance(raw, list) else raw,
        attrs.get("id"),
        attrs.get("data-testid"),
        attrs.get("data-component"),
    )


def class_tokens(tag: Tag) -> set[str]:
    """Lower-cased class, id and test-id names of an element, whole and split on "-" and "_"."""
    attrs = tag.attrs
    raw = attrs.get("class")
    names = list(raw) if isinstance(raw, list) else str(raw or "").split()
    for attribute in NAME_ATTRIBUTES[1:]:
        value = attrs.get(attribute)
        if value:
            names.append(str(value))
    tokens: set[str] = set()
    for name in names:
        tokens.update(_name_tokens(str(name)))
    return tokens


@lru_cache(maxsize=8192)
def _name_tokens(name: str) -> tuple[str, ...]:
    """One name lower-cased, whole and split on "-", "_" and spaces (pages reuse their names)."""
    low = name.lower()
    if not _SEPARATED.search(low):
        return (low,)
    return (low, *(piece for piece in _PIECES.split(low) if piece))
