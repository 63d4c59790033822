"""HTML markup parsed into Beautiful Soup's tree by lxml, with the tree built in fewer steps."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.builder._lxml import LXMLTreeBuilder

# Beautiful Soup turns a string of nothing but these into one space or newline.
_ASCII_SPACES = BeautifulSoup.ASCII_SPACES
_ROOT = BeautifulSoup.ROOT_TAG_NAME
_NO_NAMESPACES: dict[str, str] = {}


class SoupBuilder(LXMLTreeBuilder):
    """Beautiful Soup's lxml tree builder, with the common steps done inline.

    lxml hands the builder one call per start tag, end tag and run of text; Beautiful
    Soup's own builder passes each through several layers (attribute dictionaries copied
    twice, namespace look-ups, a general element constructor), which costs ten times the
    parse itself. Here a plain HTML element is made, linked and pushed in one step, with
    exactly the attributes and links the general path gives it; anything else
    (namespaced names, comments, doctypes, processing instructions) takes the general
    path, which shares the same parse state.
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("multi_valued_attributes", None)
        super().__init__(**kwargs)
        self._string_containers = self.string_containers
        self._preserved = self.preserve_whitespace_tags
        self._empty = self.empty_element_tags
        self._plain_strings = Tag.MAIN_CONTENT_STRING_TYPES
        self._typed_strings = {
            name: {container} for name, container in self.string_containers.items()
        }

    def start(self, tag: Any, attrib: Any, nsmap: Any = _NO_NAMESPACES) -> None:
        if nsmap or len(self.nsmaps) > 1 or tag[:1] == "{" or self.cdata_list_attributes:
            super().start(tag, attrib, nsmap)
            return
        # Plain string keys and values go in as they are; the dictionary's own conversions
        # only change other types.
        attrs = self.attribute_dict_class(attrib)
        if attrs:
            for key, value in attrs.items():
                if key[:1] == "{" or value.__class__ is not str:
                    super().start(tag, attrib, nsmap)
                    return
        soup = self.soup
        if soup.current_data:
            _end_data(soup)
        parent = soup.currentTag
        previous = soup._most_recent_element
        element = Tag.__new__(Tag)
        siblings = parent.contents
        previous_sibling = siblings[-1] if siblings else None
        typed = self._typed_strings.get(tag)
        element.__dict__ = {
            "parser_class": soup.__class__,
            "name": tag,
            "namespace": None,
            "_namespaces": self.active_namespace_prefixes[-1] or {},
            "prefix": None,
            "sourceline": None,
            "sourcepos": None,
            "attribute_value_list_class": self.attribute_value_list_class,
            "attrs": attrs,
            "known_xml": False,
            "contents": [],
            "parent": parent,
            "previous_element": previous,
            "next_element": None,
            "next_sibling": None,
            "previous_sibling": previous_sibling,
            "hidden": False,
            "can_be_empty_element": self._empty is None or tag in self._empty,
            "cdata_list_attributes": None,
            "preserve_whitespace_tags": self._preserved,
            "interesting_string_types": typed if typed is not None else self._plain_strings,
        }
        if previous is not None:
            previous.next_element = element
        if previous_sibling is not None:
            previous_sibling.next_sibling = element
        if tag == "meta":
            self.set_up_substitutions(element)
        soup._most_recent_element = element
        # BeautifulSoup.pushTag
        siblings.append(element)
        soup.tagStack.append(element)
        soup.currentTag = element
        if tag != _ROOT:
            soup.open_tag_counter[tag] += 1
        if tag in self._preserved:
            soup.preserve_whitespace_tag_stack.append(element)
        if typed is not None:
            soup.string_container_stack.append(element)

    def end(self, tag: Any) -> None:
        if len(self.nsmaps) > 1 or tag[:1] == "{":
            super().end(tag)
            return
        soup = self.soup
        if soup.current_data:
            _end_data(soup)
        if tag == _ROOT:
            return
        # BeautifulSoup._popToTag(tag) and popTag, for an element without a prefix.
        stack = soup.tagStack
        counter = soup.open_tag_counter
        for _index in range(len(stack) - 1, 0, -1):
            if not counter.get(tag):
                break
            popped = stack.pop()
            name = popped.name
            if name in counter:
                counter[name] -= 1
            preserved = soup.preserve_whitespace_tag_stack
            if preserved and popped is preserved[-1]:
                preserved.pop()
            containers = soup.string_container_stack
            if containers and popped is containers[-1]:
                containers.pop()
            if stack:
                soup.currentTag = stack[-1]
            if name == tag and popped.prefix is None:
                break

    def data(self, content: Any) -> None:
        self.soup.current_data.append(content)


def _end_data(soup: BeautifulSoup) -> None:
    """`BeautifulSoup.endData` for an ordinary run of text (no filter, no string classes)."""
    if soup.parse_only is not None or soup.element_classes:
        soup.endData()
        return
    pieces = soup.current_data
    text = "".join(pieces) if len(pieces) != 1 else pieces[0]
    if not soup.preserve_whitespace_tag_stack and not text.strip(_ASCII_SPACES):
        text = "\n" if "\n" in text else " "
    soup.current_data = []
    containers = soup.string_container_stack
    cls = (
        soup.builder.string_containers.get(containers[-1].name, NavigableString)
        if containers
        else NavigableString
    )
    # BeautifulSoup.object_was_parsed
    string = str.__new__(cls, text)
    parent = soup.currentTag
    previous = soup._most_recent_element
    siblings = parent.contents
    previous_sibling = siblings[-1] if siblings else None
    fix = parent.next_element is not None
    string.__dict__ = {
        "hidden": False,
        "parent": parent,
        "previous_element": previous,
        "next_element": None,
        "next_sibling": None,
        "previous_sibling": previous_sibling,
    }
    if previous is not None:
        previous.next_element = string
    if previous_sibling is not None:
        previous_sibling.next_sibling = string
    soup._most_recent_element = string
    siblings.append(string)
    if fix:
        soup._linkage_fixer(parent)


def parse_html(markup: str) -> BeautifulSoup:
    """The page's tree, as ``BeautifulSoup(markup, "lxml", multi_valued_attributes=None)``
    builds it: class and rel values stay strings."""
    return BeautifulSoup(markup, builder=SoupBuilder())


_pause_lock = threading.Lock()
_pausing = 0
_was_enabled = False


@contextmanager
def cycle_collection_paused() -> Iterator[None]:
    """Hold off Python's cycle collector while a page is parsed and read.

    A page's tree is thousands of linked objects made at once; each automatic
    collection would walk all of them again, and none of them is garbage until the
    page is done, so the collector costs a tenth of the scraper's time and finds
    nothing. It runs as usual once the last page being read in the process is
    done (and is left alone when the program had turned it off).
    """
    global _pausing, _was_enabled
    with _pause_lock:
        if _pausing == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pausing += 1
    try:
        yield
    finally:
        with _pause_lock:
            _pausing -= 1
            if _pausing == 0 and _was_enabled:
                gc.enable()


__all__ = ["SoupBuilder", "cycle_collection_paused", "parse_html"]
