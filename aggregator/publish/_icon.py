"""The site's images, drawn here (a rising bar chart): favicon.ico for browsers, icon.png
(512 px: JSON Feed ``icon``, link previews), icon-64.png (JSON Feed ``favicon``, Atom
``icon``) and logo.png (2:1, Atom ``logo``). Same bytes every time."""

from __future__ import annotations

import struct
import zlib
from collections.abc import Callable

_GRID = 16
_BARS = ((2, 9), (6, 6), (10, 3))  # (left column, top row) of three 3-cell-wide bars
_BLUE = b"\x1f\x5f\xbf\xff"  # opaque (RGBA)
_CLEAR = b"\x00\x00\x00\x00"


def _cell_row(y: int) -> list[bool]:
    return [
        any(left <= x < left + 3 and top <= y < 14 for left, top in _BARS) for x in range(_GRID)
    ]


def _png(scale: int, pad: int = 0) -> bytes:
    """The 16×16 drawing at ``scale`` pixels a cell, with ``pad`` cells of clear space
    left and right (a wider image)."""
    width, height = (_GRID + 2 * pad) * scale, _GRID * scale
    side = _CLEAR * (pad * scale)
    lines = []
    for y in range(_GRID):
        cells = b"".join((_BLUE if on else _CLEAR) * scale for on in _cell_row(y))
        lines.append((b"\x00" + side + cells + side) * scale)
    raw = b"".join(lines)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 6))
        + chunk(b"IEND", b"")
    )


def favicon() -> bytes:
    """An ICO file holding one 16×16 PNG image."""
    png = _png(1)
    directory = struct.pack("<BBBBHHII", _GRID, _GRID, 0, 0, 1, 32, len(png), 6 + 16)
    return struct.pack("<HHH", 0, 1, 1) + directory + png


ICON, FAVICON, LOGO = "icon.png", "icon-64.png", "logo.png"

IMAGES: dict[str, Callable[[], bytes]] = {
    "favicon.ico": favicon,
    ICON: lambda: _png(32),  # 512 × 512
    FAVICON: lambda: _png(4),  # 64 × 64
    LOGO: lambda: _png(8, pad=8),  # 256 × 128
}
