"""Check a PNG file without an imaging library: chunks, CRCs, header, image data size."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass

SIGNATURE = b"\x89PNG\r\n\x1a\n"
CHANNELS = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}  # colour type -> samples per pixel


@dataclass(frozen=True)
class PngInfo:
    width: int
    height: int
    bit_depth: int
    colour_type: int
    raw_size: int  # bytes of decompressed (filtered) scanlines


def inspect(data: bytes) -> PngInfo:
    """Parse and verify ``data``; raise ValueError when it is not a whole, valid PNG."""
    if not data.startswith(SIGNATURE):
        raise ValueError("not a PNG signature")
    pos, header, idat, ended = len(SIGNATURE), b"", bytearray(), False
    while pos < len(data) and not ended:
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        body = data[pos + 8 : pos + 8 + length]
        (crc,) = struct.unpack(">I", data[pos + 8 + length : pos + 12 + length])
        if zlib.crc32(kind + body) != crc:
            raise ValueError(f"bad CRC in {kind!r} chunk")
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        ended = kind == b"IEND"
        pos += 12 + length
    if not (header and idat and ended):
        raise ValueError("missing IHDR, IDAT or IEND")
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    raw = zlib.decompress(bytes(idat))
    row = 1 + (width * CHANNELS[colour] * depth + 7) // 8
    if len(raw) != row * height:
        raise ValueError(f"image data is {len(raw)} bytes, expected {row * height}")
    return PngInfo(width, height, depth, colour, len(raw))
