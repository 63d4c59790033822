"""Repairing text whose UTF-8 bytes were read as windows-1252 ("Ã¼" for "ü", "Å‚" for "ł")."""

from __future__ import annotations

import re

# A character that windows-1252 gives for a UTF-8 lead byte (C2-F4), then one it gives for
# a continuation byte (80-BF): the trace that UTF-8 was read one byte at a time.
_CONTINUATION = (
    "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021\u2022\u2026\u2030"
    "\u2039\u203a\u20ac\u2122\ufffd"
)
_TRACE = re.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]")
# Runs of characters that windows-1252 gives for bytes 80-FF (U+FFFD for the five bytes
# it leaves undefined).
_RUN = re.compile(f"[\u00c0-\u00ff{_CONTINUATION}]{{2,}}")
# A page is repaired only when the trace is seen this often: a real text has next to none.
MIN_TRACES = 5
# Bytes 81, 8D, 8F, 90 and 9D have no windows-1252 character; a reader replaced them.
_UNDEFINED = (0x81, 0x8D, 0x8F, 0x90, 0x9D)
_MAX_GUESSED = 2
_SURROGATES = re.compile("[\udc80-\udcff]")


def repair(text: str) -> str:
    """``text`` with its runs of UTF-8-read-as-windows-1252 decoded again.

    Text without the trace is returned as it is. Each run is re-read on its own, so a
    page that mixes both readings keeps its genuine accented letters (ftfy's
    ``fix_encoding``, tried here, leaves such mixed pages garbled).
    """
    if text.isascii() or len(_TRACE.findall(text)) < MIN_TRACES:
        return text
    return _RUN.sub(_repaired_run, text)


def _repaired_run(match: re.Match[str]) -> str:
    run = match.group()
    guessed = run.count("\ufffd")
    if guessed > _MAX_GUESSED:
        return run
    for raw in _byte_readings(run, guessed):
        text = raw.decode("utf-8", errors="surrogateescape")
        # Bytes that are not UTF-8 after all go back to the characters they were.
        return _SURROGATES.sub(_as_windows_1252, text)
    return run


def _byte_readings(run: str, guessed: int) -> list[bytes]:
    """The bytes ``run`` came from; one reading per guess for each replaced byte."""
    if not guessed:
        try:
            return [run.encode("cp1252")]
        except UnicodeEncodeError:
            return []
    head, _, tail = run.partition("\ufffd")
    readings: list[bytes] = []
    for byte in _UNDEFINED:
        for rest in _byte_readings(tail, guessed - 1):
            try:
                readings.append(head.encode("cp1252") + bytes([byte]) + rest)
            except UnicodeEncodeError:
                return []
    valid = [raw for raw in readings if _is_utf8(raw)]
    return valid[:1] if valid else []


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _as_windows_1252(match: re.Match[str]) -> str:
    return bytes([ord(match.group()) - 0xDC00]).decode("cp1252", errors="replace")
