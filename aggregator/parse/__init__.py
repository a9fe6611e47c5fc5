"""parse: feed bytes + response headers -> a ``ParsedFeed`` of clean ``Entry`` values.

Nothing downstream sees feedparser. Private modules: ``_feed`` (the conversion),
``_defuse`` (bytes made safe before parsing), ``_sanitize`` (HTML allow-list, plain text),
``_urls`` (canonical and safe links), ``_guard`` (a deadline and a memory cap per parse).
"""

from __future__ import annotations

from ._feed import ParseLimits, parse_feed
from ._guard import limit_worker_memory, parse_deadline
from ._sanitize import drop_invisible, plain_line
from ._urls import canonical_url, safe_link

__all__ = [
    "ParseLimits",
    "canonical_url",
    "drop_invisible",
    "limit_worker_memory",
    "parse_deadline",
    "parse_feed",
    "plain_line",
    "safe_link",
]
