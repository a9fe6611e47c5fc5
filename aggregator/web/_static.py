"""Private helpers of :mod:`aggregator.web`: safe paths, content types, validators, file cache.

Nothing here touches the network or the database. The cache is an ordinary object owned by
one application (no module-level state).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import stat
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from email.utils import formatdate, parsedate_to_datetime
from urllib.parse import quote, unquote

# --------------------------------------------------------------------------- content types

# The site's own kinds of file. The feed formats (``.atom``, ``.json``) are publish's to name:
# ``make_app(feed_types=…)`` adds them (runtime hands over publish's registry).
CONTENT_TYPES: Mapping[str, str] = {
    ".opml": "text/x-opml; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".xml": "application/xml",
    ".xsl": "application/xslt+xml",
    ".svg": "image/svg+xml",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".ico": "image/vnd.microsoft.icon",
}
DEFAULT_CONTENT_TYPE = "application/octet-stream"
_COMPRESSIBLE_PREFIXES = (
    "text/",
    "application/xml",
    "application/xslt+xml",
    "image/svg+xml",
)
_TEXT = "; charset=utf-8"

# Applied to every file response; HTML and SVG are the ones it matters for.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
INDEX_FILE = "index.html"


def content_types(feed_types: Mapping[str, str]) -> dict[str, str]:
    """:data:`CONTENT_TYPES` and the feed formats' (file suffix -> media type): UTF-8 text."""
    return {**CONTENT_TYPES, **{s.lower(): f"{m}{_TEXT}" for s, m in feed_types.items()}}


def content_type_for(name: str, types: Mapping[str, str] = CONTENT_TYPES) -> str:
    """The Content-Type header value for a file name (by its lower-cased extension)."""
    return types.get(os.path.splitext(name)[1].lower(), DEFAULT_CONTENT_TYPE)


def is_compressible(content_type: str) -> bool:
    """Text (a charset is named) and the XML kinds are sent gzipped to who accepts it."""
    return content_type.startswith(_COMPRESSIBLE_PREFIXES) or content_type.endswith(_TEXT)


# --------------------------------------------------------------------------- safe paths

_FORBIDDEN_CHARS = frozenset(chr(c) for c in range(32)) | {"\x7f", "/", "\\"}


def lexical_path(raw_path: str) -> str | None:
    """Map a raw (still percent-encoded) URL path to a relative file path, or None (→ 404).

    Pure string work, no filesystem access. Rejected: anything not starting with ``/``,
    empty segments (``//x``), segments starting with ``.`` (``..``, ``.``, dotfiles, also
    when percent-encoded), segments whose decoded form holds ``/``, ``\\``, NUL or another
    control character, and invalid UTF-8. A trailing ``/`` (or ``/`` alone) names the
    directory's ``index.html``.
    """
    if not raw_path.startswith("/"):
        return None
    parts = raw_path[1:].split("/")
    if parts[-1] == "":
        parts[-1] = INDEX_FILE
    segments: list[str] = []
    for part in parts:
        try:
            seg = unquote(part, errors="strict")
        except UnicodeDecodeError:
            return None
        if not seg or seg.startswith(".") or not _FORBIDDEN_CHARS.isdisjoint(seg):
            return None
        segments.append(seg)
    return "/".join(segments)


def resolve_inside(root: str, rel: str) -> str | None:
    """The real path of ``root/rel`` if it stays inside ``root`` (itself a real path)."""
    real = os.path.realpath(os.path.join(root, rel))
    if real == root or real.startswith(root + os.sep):
        return real
    return None


def quote_path(rel: str) -> str:
    """A percent-encoded, ASCII-only URL path for a validated relative path."""
    return "/" + quote(rel, safe="/")


# --------------------------------------------------------------------------- validators


def http_date(epoch_seconds: float) -> str:
    return formatdate(epoch_seconds, usegmt=True)


def etag_matches(if_none_match: str, etag: str) -> bool:
    """Weak comparison of an If-None-Match list (``*``, ``W/`` forms) against our ETag."""
    ours = etag.removeprefix("W/")
    for candidate in if_none_match.split(","):
        candidate = candidate.strip()
        if candidate == "*" or candidate.removeprefix("W/") == ours:
            return True
    return False


def not_modified_since(if_modified_since: str, mtime_seconds: int) -> bool:
    """True when the file (mtime in whole seconds) is not newer than the client's date."""
    try:
        since = parsedate_to_datetime(if_modified_since)
    except (TypeError, ValueError, IndexError):
        return False
    if since is None or since.tzinfo is None:
        return False
    return mtime_seconds <= int(since.timestamp())


def accepts_gzip(accept_encoding: str) -> bool:
    """Whether an Accept-Encoding value allows gzip (``gzip``, ``x-gzip`` or ``*``, q > 0)."""
    star = False
    for item in accept_encoding.lower().split(","):
        coding, _, params = item.partition(";")
        coding = coding.strip()
        if coding not in ("gzip", "x-gzip", "*"):
            continue
        q = 1.0
        for param in params.split(";"):
            name, _, value = param.partition("=")
            if name.strip() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if coding == "*":
            star = q > 0
        else:
            return q > 0
    return star


# --------------------------------------------------------------------------- cached files

Stamp = tuple[int, int, int, int]  # (st_dev, st_ino, st_mtime_ns, st_size)


def stamp_of(st: os.stat_result) -> Stamp:
    return (st.st_dev, st.st_ino, st.st_mtime_ns, st.st_size)


@dataclass(frozen=True)
class Variant:
    """One representation (identity or gzip) with its ready-made response headers."""

    body: bytes
    etag: str
    headers: Mapping[str, str]  # for 200 (Content-Length is left to aiohttp)
    not_modified: Mapping[str, str]  # for 304


@dataclass(frozen=True)
class CachedFile:
    stamp: Stamp
    mtime: int  # whole seconds, for If-Modified-Since
    identity: Variant
    gzipped: Variant | None  # None when not compressible or not smaller

    @property
    def cost(self) -> int:
        return len(self.identity.body) + (len(self.gzipped.body) if self.gzipped else 0)


def _variant(body: bytes, etag: str, base: Mapping[str, str], gzipped: bool) -> Variant:
    not_modified = {**base, "ETag": etag}
    headers = dict(not_modified)
    if gzipped:
        headers["Content-Encoding"] = "gzip"
    return Variant(body=body, etag=etag, headers=headers, not_modified=not_modified)


def build_entry(
    rel: str, real: str, cache_control: str, ctype: str | None = None
) -> CachedFile | None:
    """Read and prepare a file (blocking: run it in a thread). None if it is not a file.
    ``ctype``: its Content-Type (else by its suffix from :data:`CONTENT_TYPES`)."""
    with open(real, "rb") as fh:
        st = os.fstat(fh.fileno())
        if not stat.S_ISREG(st.st_mode):
            return None
        data = fh.read()
    ctype = ctype or content_type_for(rel)
    digest = hashlib.sha256(data).hexdigest()[:32]
    base = {
        "Content-Type": ctype,
        "Last-Modified": http_date(st.st_mtime),
        "Cache-Control": cache_control,
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    }
    gz_body = gzip.compress(data, compresslevel=6, mtime=0) if is_compressible(ctype) else None
    if gz_body is not None and len(gz_body) < len(data):
        base["Vary"] = "Accept-Encoding"
        gzipped: Variant | None = _variant(gz_body, f'"{digest}-gz"', base, True)
    else:
        gzipped = None
    identity = _variant(data, f'"{digest}"', base, False)
    return CachedFile(
        stamp=stamp_of(st), mtime=int(st.st_mtime), identity=identity, gzipped=gzipped
    )


class FileCache:
    """LRU of prepared files keyed by relative path, bounded by total body bytes.

    An entry is only used while its stamp (device, inode, mtime_ns, size) equals a fresh
    ``os.stat`` of the path, so an atomically replaced file is re-read on its next request.
    """

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self._entries: OrderedDict[str, CachedFile] = OrderedDict()
        self._total = 0

    @property
    def total_bytes(self) -> int:
        return self._total

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, rel: str, stamp: Stamp) -> CachedFile | None:
        entry = self._entries.get(rel)
        if entry is None or entry.stamp != stamp:
            return None
        self._entries.move_to_end(rel)
        return entry

    def put(self, rel: str, entry: CachedFile) -> None:
        self.discard(rel)
        if entry.cost > self.max_bytes:
            return
        self._entries[rel] = entry
        self._total += entry.cost
        while self._total > self.max_bytes:
            _, old = self._entries.popitem(last=False)
            self._total -= old.cost

    def discard(self, rel: str) -> None:
        old = self._entries.pop(rel, None)
        if old is not None:
            self._total -= old.cost


def stream_headers(
    ctype: str, st: os.stat_result, cache_control: str
) -> tuple[str, dict[str, str]]:
    """ETag and headers for a file too large to cache (identity only, ETag from metadata)."""
    etag = f'"{st.st_ino:x}-{st.st_mtime_ns:x}-{st.st_size:x}"'
    return etag, {
        "Content-Type": ctype,
        "Last-Modified": http_date(st.st_mtime),
        "Cache-Control": cache_control,
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": CONTENT_SECURITY_POLICY,
        "ETag": etag,
    }
