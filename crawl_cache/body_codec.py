"""How page bodies are kept at rest: zlib-compressed, or as-is when compression does not pay."""

from __future__ import annotations

import zlib

ZLIB = "zlib"
IDENTITY = "identity"
_ZLIB_LEVEL = 6


class BodyDamaged(ValueError):
    """A stored body no longer decodes to the bytes that were put."""


def pack(body: bytes) -> tuple[str, bytes]:
    """The codec name and the bytes to store for ``body``.

    Already-compressed payloads (images, gzip) would grow under zlib; those
    are kept as-is so reading them costs nothing.
    """
    packed = zlib.compress(body, _ZLIB_LEVEL)
    if len(packed) < len(body):
        return ZLIB, packed
    return IDENTITY, body


def unpack(codec: str, stored: bytes, raw_length: int) -> bytes:
    """The original body; raises :class:`BodyDamaged` when it cannot be recovered whole.

    zlib's own checksum catches damaged compressed bytes; the length check
    catches a body cut short under either codec.
    """
    if codec == ZLIB:
        try:
            body = zlib.decompress(stored)
        except zlib.error as exc:
            raise BodyDamaged(f"compressed bytes are damaged: {exc}") from exc
    elif codec == IDENTITY:
        body = bytes(stored)
    else:
        raise BodyDamaged(f"unknown body codec {codec!r}")
    if len(body) != raw_length:
        raise BodyDamaged(f"body is {len(body)} bytes, expected {raw_length}")
    return body
