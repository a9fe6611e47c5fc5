"""Per-feed polling policy: pure functions from (state, fetch outcome, now) to new state.

Rules (see docs/fetching.md):

* success (no error; 200 or 304): next poll at ``now + interval``; error count reset;
  validators (ETag / Last-Modified) replaced on 200, kept on 304;
* failure: exponential backoff, 1 h doubling per consecutive error, capped at 24 h,
  +/-10 % jitter, never earlier than ``now + interval``;
* 429 / 503 with Retry-After: next poll at ``max(retry_after, now + interval)``;
* 410 Gone: the feed is disabled (``disabled = "410 Gone"``) and never due again;
* a permanent redirect (every hop 301/308) seen on ``redirect_confirmations`` consecutive
  successful polls replaces the feed's URL; any poll without it resets the count.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from aggregator.models import FeedState, FetchResult

__all__ = [
    "BACKOFF_BASE",
    "BACKOFF_JITTER",
    "BACKOFF_MAX",
    "GONE_REASON",
    "apply_outcome",
    "backoff_delay",
    "is_due",
]

BACKOFF_BASE = timedelta(hours=1)
BACKOFF_MAX = timedelta(hours=24)
BACKOFF_JITTER = 0.10
GONE_REASON = "410 Gone"


def backoff_delay(error_count: int, rng: random.Random) -> timedelta:
    """Delay after ``error_count`` consecutive errors: 1 h, 2 h, 4 h ... <= 24 h, +/-10 %."""
    exponent = max(error_count - 1, 0)
    hours = BACKOFF_BASE.total_seconds() * (2 ** min(exponent, 32))
    seconds = min(hours, BACKOFF_MAX.total_seconds())
    seconds *= rng.uniform(1 - BACKOFF_JITTER, 1 + BACKOFF_JITTER)
    return timedelta(seconds=min(seconds, BACKOFF_MAX.total_seconds()))


def _succeeded(result: FetchResult) -> bool:
    return result.error is None and result.status is not None and 200 <= result.status < 400


def _next_fetch(
    result: FetchResult, error_count: int, *, interval: timedelta, now: datetime, rng: random.Random
) -> datetime:
    earliest = now + interval
    if _succeeded(result):
        return earliest
    if result.status in (429, 503) and result.retry_after is not None:
        return max(result.retry_after, earliest)
    return max(now + backoff_delay(error_count, rng), earliest)


def _redirect_fields(state: FeedState, result: FetchResult, confirmations: int) -> dict[str, Any]:
    target = result.permanent_redirect
    if target is None or target == state.url or not _succeeded(result):
        return {"redirect_url": None, "redirect_count": 0}
    count = state.redirect_count + 1 if state.redirect_url == target else 1
    if count >= confirmations:
        return {"url": target, "redirect_url": None, "redirect_count": 0}
    return {"redirect_url": target, "redirect_count": count}


def apply_outcome(
    state: FeedState,
    result: FetchResult,
    *,
    interval: int,
    now: datetime,
    rng: random.Random,
    redirect_confirmations: int = 3,
) -> FeedState:
    """The feed's state after one poll that produced ``result`` at ``now``."""
    ok = _succeeded(result)
    error_count = 0 if ok else state.error_count + 1
    changes: dict[str, Any] = {
        "last_fetch_at": now,
        "last_status": result.status,
        "last_error": None if ok else (result.error or f"HTTP {result.status}"),
        "error_count": error_count,
        "next_fetch_at": _next_fetch(
            result, error_count, interval=timedelta(seconds=interval), now=now, rng=rng
        ),
        **_redirect_fields(state, result, redirect_confirmations),
    }
    if ok:
        changes["last_success_at"] = now
    if ok and result.status == 200:
        changes["etag"] = result.etag
        changes["last_modified"] = result.last_modified
    if result.status == 410:
        changes["disabled"] = GONE_REASON
    return replace(state, **changes)


def is_due(state: FeedState, now: datetime) -> bool:
    """True when the feed is enabled and its next poll time has come (or was never set)."""
    if state.disabled:
        return False
    return state.next_fetch_at is None or state.next_fetch_at <= now
