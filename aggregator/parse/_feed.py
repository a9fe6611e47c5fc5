"""The parse stage: feed bytes + response headers -> ``ParsedFeed`` of clean ``Entry``s.

Nothing downstream sees feedparser: every entry is converted here, at once, into the
frozen dataclasses of ``aggregator.models``. ``parse_feed`` is a top-level function with
picklable arguments and result, so it can run in a process pool.

Policy (see docs/parsing.md):

- the bytes are defused first (``_defuse``: no DTD, no bad character references, no
  control characters) and entries beyond ``ParseLimits.max_entries`` are cut out;
- feedparser gets the bytes (never a URL) with ``sanitize_html=False`` and
  ``resolve_relative_uris=False``: HTML is sanitised here with nh3;
- a malformed ("bozo") document keeps whatever parsed, and the problem is reported in
  ``ParsedFeed.warning``; a document with no feed version and no entries raises
  ``ParseError``.
"""

from __future__ import annotations

import hashlib
import html
import io
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import feedparser

from aggregator.errors import ParseError
from aggregator.models import DATE_FLOOR, Entry, ParsedFeed
from aggregator.parse._defuse import cap_entries, defuse
from aggregator.parse._sanitize import (
    collapse_space,
    drop_invisible,
    html_to_text,
    plain_line,
    sanitize_html,
    truncate,
)
from aggregator.parse._urls import canonical_url, safe_link

__all__ = ["ParseLimits", "parse_feed"]

_MAX_GUID = 1024  # longer GUIDs are treated as absent
_MAX_AUTHOR = 200
_MAX_NOTE = 300  # chars of one parser message in ParsedFeed.warning
_RAW_FACTOR = 10  # raw field text beyond limit * factor is not even looked at
_HASH_KEY_HEX = 32
_PASSED_HEADERS = ("content-type", "content-language")


@dataclass(frozen=True)
class ParseLimits:
    max_entries: int = 500  # entries processed per fetch (the first in document order)
    max_title: int = 500  # chars
    max_summary: int = 2_000  # chars of plain text
    max_content: int = 100_000  # chars of sanitised HTML
    max_future: timedelta = timedelta(days=1)  # dates beyond now+this are treated as missing
    min_date: datetime = DATE_FLOOR  # and so are dates before this one


@dataclass(frozen=True)
class _Context:
    feed: str
    url: str
    now: datetime
    limits: ParseLimits


def parse_feed(
    content: bytes,
    *,
    feed: str,
    url: str,
    headers: Mapping[str, str] | None = None,
    now: datetime,
    limits: ParseLimits = ParseLimits(),
) -> ParsedFeed:
    """Parse one fetched document. Raises ``ParseError`` when it is not a feed at all."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    if not content or not content.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        raise ParseError("empty body", feed=feed, url=url)
    data, dropped = cap_entries(defuse(content), limits.max_entries)
    try:
        result = feedparser.parse(
            io.BytesIO(data),
            response_headers=_response_headers(headers),
            sanitize_html=False,
            resolve_relative_uris=False,
        )
    except Exception as exc:  # a crash inside the third-party parser is this feed's failure
        raise ParseError(f"feedparser failed: {_describe(exc)}", feed=feed, url=url) from exc
    raw_entries: Sequence[Any] = result.entries
    if not result.get("version") and not raw_entries:
        raise ParseError(_not_a_feed(content, result), feed=feed, url=url)
    if len(raw_entries) > limits.max_entries:
        dropped += len(raw_entries) - limits.max_entries
        raw_entries = raw_entries[: limits.max_entries]
    ctx = _Context(feed=feed, url=url, now=now, limits=limits)
    meta = result.feed
    return ParsedFeed(
        feed=feed,
        title=_plain(dict.get(meta, "title_detail"), limits.max_title, line=True) or None,
        link=safe_link(dict.get(meta, "link"), url),
        entries=_convert_all(raw_entries, ctx),
        warning=_warning(result, dropped, limits),
    )


def _response_headers(headers: Mapping[str, str] | None) -> dict[str, str]:
    """Content-Type (for the encoding) and Content-Language only.

    No Content-Location: feedparser would resolve relative GUIDs against it, making
    entry keys depend on the feed's URL. Relative links are resolved here instead.
    A missing Content-Type, or ``text/xml`` without a charset, counts as
    ``application/xml``: the BOM / XML declaration decides the encoding (RFC 7303),
    not the obsolete us-ascii default of RFC 3023 that feedparser applies to ``text/*``.
    """
    lower = {k.lower(): v for k, v in (headers or {}).items()}
    passed = {k: lower[k] for k in _PASSED_HEADERS if k in lower}
    content_type = passed.get("content-type", "").strip()
    media_type = content_type.split(";", 1)[0].strip().lower()
    if not media_type or (
        media_type.startswith("text/")
        and media_type.endswith("xml")
        and "charset" not in content_type.lower()
    ):
        passed["content-type"] = "application/xml"
    return passed


def _not_a_feed(content: bytes, result: Any) -> str:
    head = content[:4096].replace(b"\x00", b"").lower()
    if b"<html" in head or b"<!doctype html" in head or b"<body" in head:
        return "not a feed (looks like HTML)"
    reason = "not a feed (no RSS, RDF or Atom document found)"
    exc = result.get("bozo_exception")
    return f"{reason}: {_describe(exc)}" if exc is not None else reason


def _describe(exc: BaseException) -> str:
    return truncate(collapse_space(f"{type(exc).__name__}: {exc}"), _MAX_NOTE)


def _warning(result: Any, dropped: int, limits: ParseLimits) -> str | None:
    notes = []
    if result.get("bozo") and result.get("bozo_exception") is not None:
        notes.append(_describe(result["bozo_exception"]))
    if dropped:
        notes.append(f"{dropped} entries beyond the first {limits.max_entries} ignored")
    return "; ".join(notes) or None


# --------------------------------------------------------------------------- entries


def _convert_all(raw_entries: Sequence[Any], ctx: _Context) -> tuple[Entry, ...]:
    guids = [_guid(e) for e in raw_entries]
    counts = Counter(g for g in guids if g is not None)
    seen: set[str] = set()
    entries = []
    for raw, guid in zip(raw_entries, guids):
        entry = _convert(raw, guid, unique_guid=guid is not None and counts[guid] == 1, ctx=ctx)
        if not (entry.title or entry.link or entry.summary):
            continue  # nothing a reader could see (e.g. the stub of a truncated item)
        if entry.entry_key not in seen:
            seen.add(entry.entry_key)
            entries.append(entry)
    return tuple(entries)


def _guid(raw: Any) -> str | None:
    value = dict.get(raw, "id")
    if not isinstance(value, str):
        return None
    guid = collapse_space(value)
    return guid if guid and len(guid) <= _MAX_GUID else None


def _convert(raw: Any, guid: str | None, *, unique_guid: bool, ctx: _Context) -> Entry:
    limits = ctx.limits
    link_raw = dict.get(raw, "link")
    link = canonical_url(link_raw, ctx.url)
    title = _plain(dict.get(raw, "title_detail"), limits.max_title, line=True)
    content_html, content_text = _content(raw, ctx)
    summary_text = _plain(dict.get(raw, "summary_detail"), limits.max_summary) or truncate(
        content_text, limits.max_summary
    )
    content_hash = _content_hash(title, content_text or summary_text)
    if guid is not None and unique_guid:
        key = f"guid:{guid}"
    elif link is not None:
        key = f"link:{link}"
    else:
        key = f"hash:{content_hash[:_HASH_KEY_HEX]}"
    published = _date(raw, ("published_parsed", "created_parsed"), ctx)
    updated = _date(raw, ("updated_parsed",), ctx)
    return Entry(
        feed=ctx.feed,
        entry_key=key,
        guid=guid,
        link=link,
        title=title,
        summary=summary_text,
        content_html=content_html,
        author=_author(raw),
        published=published or updated,
        updated=updated,
        content_hash=content_hash,
        original_link=safe_link(link_raw, ctx.url),
    )


def _is_html(detail: Mapping[str, Any]) -> bool:
    return "html" in str(detail.get("type") or "")


def _plain(detail: Mapping[str, Any] | None, limit: int, *, line: bool = False) -> str:
    """Plain text of a feedparser text construct (markup stripped when it is HTML), without
    bidi controls or zero-width characters. ``line`` (titles): markup is stripped even from
    text the feed calls plain, so it never reaches a headline or a company name."""
    if not detail or not isinstance(detail.get("value"), str):
        return ""
    value = detail["value"][: limit * _RAW_FACTOR]
    text = html_to_text(value) if _is_html(detail) else collapse_space(value)
    return truncate(plain_line(text) if line else drop_invisible(text), limit)


def _content(raw: Any, ctx: _Context) -> tuple[str, str]:
    """(sanitised HTML, plain text) of the richest body: content, else summary."""
    detail = _pick_content(raw)
    if detail is None:
        return "", ""
    limit = ctx.limits.max_content
    value = detail["value"][: limit * _RAW_FACTOR]
    markup = value if _is_html(detail) else html.escape(value, quote=False)
    base = detail.get("base") or ctx.url
    clean = _cap_html(sanitize_html(markup, base), limit, base)
    return clean, html_to_text(clean)


def _pick_content(raw: Any) -> Mapping[str, Any] | None:
    candidates = [c for c in dict.get(raw, "content") or () if isinstance(c.get("value"), str)]
    candidates.sort(key=lambda c: not _is_html(c))  # HTML first, stable otherwise
    summary = dict.get(raw, "summary_detail")
    if summary and isinstance(summary.get("value"), str):
        candidates.append(summary)
    return next((c for c in candidates if c["value"].strip()), None)


def _cap_html(clean: str, limit: int, base: str) -> str:
    """Sanitised HTML no longer than ``limit`` chars (cut, then re-sanitised to close tags)."""
    cut = limit
    for _ in range(8):
        if len(clean) <= limit:
            return clean
        clean = sanitize_html(clean[:cut], base)
        cut -= max(len(clean) - limit, 0) + 64
    return clean if len(clean) <= limit else ""


def _author(raw: Any) -> str | None:
    value = dict.get(raw, "author")
    if not isinstance(value, str):
        return None
    return truncate(plain_line(html_to_text(value[: _MAX_AUTHOR * 4])), _MAX_AUTHOR) or None


def _date(raw: Any, keys: tuple[str, ...], ctx: _Context) -> datetime | None:
    for key in keys:
        parsed = dict.get(raw, key)
        if parsed is None:
            continue
        try:
            when = datetime(*parsed[:6]).replace(tzinfo=UTC)
        except (TypeError, ValueError, OverflowError):
            continue
        if when > ctx.now + ctx.limits.max_future or when < ctx.limits.min_date:
            return None
        return when
    return None


def _content_hash(title: str, text: str) -> str:
    """sha256 of the NFC-normalised, whitespace-collapsed title and text."""
    basis = unicodedata.normalize("NFC", f"{collapse_space(title)}\n{collapse_space(text)}")
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()
