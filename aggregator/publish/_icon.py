"""The site's icon: a small ICO drawn here (a rising bar chart), so browsers find one."""

from __future__ import annotations

import struct
import zlib

_SIZE = 16
_BARS = ((2, 9), (6, 6), (10, 3))  # (left column, top row) of three 3-px-wide bars


def _pixel(x: int, y: int) -> bytes:
    for left, top in _BARS:
        if left <= x < left + 3 and top <= y < 14:
            return b"\x1f\x5f\xbf\xff"  # blue, opaque (RGBA)
    return b"\x00\x00\x00\x00"  # transparent


def _png() -> bytes:
    raw = b"".join(b"\x00" + b"".join(_pixel(x, y) for x in range(_SIZE)) for y in range(_SIZE))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", _SIZE, _SIZE, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def favicon() -> bytes:
    """An ICO file holding one 16×16 PNG image."""
    png = _png()
    directory = struct.pack("<BBBBHHII", _SIZE, _SIZE, 0, 0, 1, 32, len(png), 6 + 16)
    return struct.pack("<HHH", 0, 1, 1) + directory + png
