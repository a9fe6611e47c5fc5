"""Webhook delivery: POSTs prepared alert messages (part of the fetch stage: the other module
that speaks HTTP, with the same destination checks).

A webhook URL passes the checks a feed URL does (:mod:`aggregator.fetch._netguard`: no loopback,
private or link-local address unless ``allow_private_networks``, checked on the address
actually connected), each POST has a total deadline, redirects are not followed, and at
most ``max_response_bytes`` of the answer are read. Failures never raise: each request
comes back as a :class:`~aggregator.models.DeliveryResult`:

    ok          2xx
    permanent   a 3xx or a 4xx other than 408 and 429 (retrying cannot help), a refused
                destination, a malformed URL
    otherwise   worth retrying (5xx, 408, 429, timeout, network); ``retry_after`` from the
                answer's Retry-After on 429/503
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

import aiohttp
from aiohttp.abc import AbstractResolver
from yarl import URL

from aggregator.fetch._fetcher import parse_retry_after
from aggregator.fetch._netguard import (
    AddressPolicy,
    BlockedAddressError,
    GuardedResolver,
    check_literal_host,
    find_blocked,
)
from aggregator.models import DeliveryResult

__all__ = ["SendOptions", "WebhookRequest", "WebhookSender"]

RETRY_STATUSES = frozenset({408, 429})
RETRY_AFTER_STATUSES = frozenset({429, 503})
READ_CHUNK = 16 * 1024


@dataclass(frozen=True)
class SendOptions:
    timeout: float = 10.0  # total deadline of one POST, seconds
    connect_timeout: float = 10.0
    max_response_bytes: int = 65536  # what is read of an answer (the rest is dropped)
    concurrency: int = 4
    allow_private_networks: bool = False


@dataclass(frozen=True)
class WebhookRequest:
    delivery_id: int
    url: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


class WebhookSender:
    """Sends webhook requests concurrently under :class:`SendOptions`."""

    def __init__(
        self,
        options: SendOptions,
        *,
        resolver: AbstractResolver | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.options = options
        self._resolver = resolver
        self._clock = clock or (lambda: datetime.now(UTC))
        self._policy = AddressPolicy(allow_private=options.allow_private_networks)

    def send_many_sync(self, requests: Sequence[WebhookRequest]) -> list[DeliveryResult]:
        return asyncio.run(self.send_many(requests))

    async def send_many(self, requests: Sequence[WebhookRequest]) -> list[DeliveryResult]:
        """Send every request; results in request order."""
        if not requests:
            return []
        inner = self._resolver if self._resolver is not None else aiohttp.DefaultResolver()
        resolver = GuardedResolver(inner, self._policy, owns_inner=self._resolver is None)
        connector = aiohttp.TCPConnector(
            limit=self.options.concurrency, resolver=resolver, force_close=True
        )
        timeout = aiohttp.ClientTimeout(total=None, connect=self.options.connect_timeout)
        slots = asyncio.Semaphore(self.options.concurrency)
        try:
            async with aiohttp.ClientSession(
                connector=connector,
                timeout=timeout,
                trust_env=False,
                cookie_jar=aiohttp.DummyCookieJar(),
            ) as session:

                async def one(request: WebhookRequest) -> DeliveryResult:
                    async with slots:
                        return await self._send(session, request)

                return list(await asyncio.gather(*(one(r) for r in requests)))
        finally:
            await resolver.close()

    async def _send(
        self, session: aiohttp.ClientSession, request: WebhookRequest
    ) -> DeliveryResult:
        def fail(message: str, permanent: bool = False) -> DeliveryResult:
            return DeliveryResult(request.delivery_id, ok=False, error=message, permanent=permanent)

        try:
            url = URL(request.url)
            if url.scheme not in ("http", "https") or not url.host:
                return fail(f"not an http(s) URL: {request.url!r}", True)
            check_literal_host(self._policy, url.host)
        except BlockedAddressError as exc:
            return fail(str(exc), True)
        except (ValueError, TypeError) as exc:
            return fail(f"malformed URL {request.url!r}: {exc}", True)
        try:
            async with asyncio.timeout(self.options.timeout):
                async with session.post(
                    url, data=request.body, headers=request.headers, allow_redirects=False
                ) as response:
                    await self._drain(response)
                    return self._result(request, response)
        except TimeoutError:
            return fail(f"no answer within {self.options.timeout:g} s")
        except (aiohttp.ClientError, OSError) as exc:
            blocked = find_blocked(exc)
            if blocked is not None:
                return fail(str(blocked), True)
            return fail(f"{type(exc).__name__}: {exc}")

    async def _drain(self, response: aiohttp.ClientResponse) -> None:
        """Read at most ``max_response_bytes`` of the answer (a receiver never makes us
        hold more)."""
        left = self.options.max_response_bytes
        while left > 0:
            chunk = await response.content.read(min(READ_CHUNK, left))
            if not chunk:
                return
            left -= len(chunk)
        response.close()

    def _result(self, request: WebhookRequest, response: aiohttp.ClientResponse) -> DeliveryResult:
        status = response.status
        if 200 <= status < 300:
            return DeliveryResult(request.delivery_id, ok=True, status=status)
        retry_after = (
            parse_retry_after(response.headers.get("Retry-After"), self._clock())
            if status in RETRY_AFTER_STATUSES
            else None
        )
        permanent = status < 500 and status not in RETRY_STATUSES
        reason = f"HTTP {status} {response.reason or ''}".rstrip()
        return DeliveryResult(
            request.delivery_id,
            ok=False,
            status=status,
            error=reason,
            permanent=permanent,
            retry_after=retry_after,
        )
