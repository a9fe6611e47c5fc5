"""fetch: the only package that speaks HTTP (aiohttp client), out and back.

``Fetcher`` gets feeds (conditional GET, caps, redirects; ``file:`` for local feeds),
``policy`` decides when a feed is due and how it backs off, ``WebhookSender`` delivers alert
webhooks. Both directions go through one destination guard (``_netguard``: no loopback,
private or link-local address unless allowed). Private modules: ``_fetcher``, ``_policy``,
``_deliver``, ``_netguard``.
"""

from __future__ import annotations

from ._deliver import SendOptions, WebhookRequest, WebhookSender
from ._fetcher import (
    FeedFetcher,
    Fetcher,
    FetchOptions,
    LoopFeedFetcher,
    bounded_validator,
    parse_retry_after,
)
from ._policy import (
    BACKOFF_BASE,
    BACKOFF_JITTER,
    BACKOFF_MAX,
    GONE_REASON,
    apply_outcome,
    backoff_delay,
    is_due,
)

__all__ = [
    "BACKOFF_BASE",
    "BACKOFF_JITTER",
    "BACKOFF_MAX",
    "GONE_REASON",
    "FeedFetcher",
    "FetchOptions",
    "Fetcher",
    "LoopFeedFetcher",
    "SendOptions",
    "WebhookRequest",
    "WebhookSender",
    "apply_outcome",
    "backoff_delay",
    "bounded_validator",
    "is_due",
    "parse_retry_after",
]
