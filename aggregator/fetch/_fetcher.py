"""The fetch stage: the only module that speaks HTTP (aiohttp client).

Public API: :class:`FetchOptions`, :class:`Fetcher` (``fetch_many`` / ``fetch_many_sync``),
:func:`parse_retry_after`. A per-feed failure never raises: it comes back as a
:class:`~aggregator.models.FetchResult` with ``error`` and ``error_kind``:

    timeout    connect / read timeout, or the total deadline of the request
    too-large  the decoded body (or its Content-Length, or the file) exceeds the cap
    blocked    the destination address is loopback/private/link-local/... (SSRF guard)
    redirects  more than ``max_redirects`` redirects
    http       the final response is an HTTP error (4xx/5xx, or 3xx without Location)
    network    DNS, connection, TLS or protocol failure; local file missing/unreadable
    scheme     not an http(s) URL (also a redirect to file:, ftp:, ...), or malformed
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path
from typing import Protocol, runtime_checkable

import aiohttp
from aiohttp.abc import AbstractResolver
from yarl import URL

from aggregator.errors import describe
from aggregator.fetch._netguard import (
    AddressPolicy,
    BlockedAddressError,
    GuardedResolver,
    check_literal_host,
    find_blocked,
)
from aggregator.models import FetchRequest, FetchResult

__all__ = ["FetchOptions", "Fetcher", "bounded_validator", "parse_retry_after"]

log = logging.getLogger(__name__)

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
PERMANENT_STATUSES = frozenset({301, 308})
RETRY_AFTER_STATUSES = frozenset({429, 503})
MAX_RETRY_AFTER = timedelta(days=7)
_RETRY_AFTER_DIGITS = 7  # 7 days is 604,800 s: six digits
MAX_HEADER_CHARS = 1024  # of a header value read as a number or date
MAX_VALIDATOR_CHARS = 256  # ETag / Last-Modified longer than this is dropped
CHUNK_SIZE = 64 * 1024


@dataclass(frozen=True)
class FetchOptions:
    max_body_bytes: int = 10 * 1024 * 1024  # cap on DECODED bytes
    max_redirects: int = 5
    allow_private_networks: bool = False
    concurrency: int = 64  # global requests in flight
    per_host: int = 2  # per host in flight
    connect_timeout: float = 10.0
    read_timeout: float = 20.0  # between bytes
    allowed_networks: tuple[str, ...] = ()  # CIDRs exempt from the private-network refusal


class _Failure(Exception):
    """Internal: ends one fetch with ``error_kind`` ``kind``."""

    def __init__(
        self,
        kind: str,
        message: str,
        *,
        status: int | None = None,
        retry_after: datetime | None = None,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.status = status
        self.retry_after = retry_after


def parse_retry_after(value: str | None, now: datetime) -> datetime | None:
    """Retry-After (delta-seconds or HTTP-date) as a UTC datetime in [now, now + 7 days].

    Bounded: a number of any length is at most 7 days (its digits are not converted when
    there are more than a 7-day count needs), a date beyond what a datetime holds is 7 days,
    anything unreadable is None."""
    if not value:
        return None
    value = value.strip()
    limit = now + MAX_RETRY_AFTER
    when: datetime | None
    if value.isascii() and value.isdigit():
        digits = value.lstrip("0") or "0"
        if len(digits) > _RETRY_AFTER_DIGITS:
            return limit
        return now + timedelta(seconds=min(int(digits), int(MAX_RETRY_AFTER.total_seconds())))
    if len(value) > MAX_HEADER_CHARS:
        return None
    try:
        when = parsedate_to_datetime(value)
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        when = when.astimezone(UTC)
    except OverflowError:  # a valid date past datetime.max once made UTC
        return limit
    except (TypeError, ValueError, IndexError):
        return None
    return min(max(when, now), limit)


def bounded_validator(value: str | None) -> str | None:
    """An ETag or Last-Modified value to keep and send back, or None when it is longer than
    :data:`MAX_VALIDATOR_CHARS` (a repeated or padded header is not worth re-sending)."""
    if value is None or len(value) > MAX_VALIDATOR_CHARS:
        return None
    return value


def _decode_header(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _lower_headers(raw: Sequence[tuple[bytes, bytes]]) -> dict[str, str]:
    """Response headers with lower-case names; repeated headers joined with ", "."""
    headers: dict[str, str] = {}
    for name_raw, value_raw in raw:
        name = _decode_header(name_raw).strip().lower()
        value = _decode_header(value_raw).strip()
        headers[name] = f"{headers[name]}, {value}" if name in headers else value
    return headers


def _file_etag(mtime_ns: int, size: int) -> str:
    digest = hashlib.sha256(f"{mtime_ns}:{size}".encode()).hexdigest()[:20]
    return f'"{digest}"'


def _read_capped(path: Path, cap: int) -> bytes:
    with path.open("rb") as handle:
        return handle.read(cap + 1)


class _Limits:
    """Global and per-host slots of one ``fetch_many`` call."""

    def __init__(self, options: FetchOptions) -> None:
        self._global = asyncio.Semaphore(options.concurrency)
        self._per_host = options.per_host
        self._hosts: dict[str, asyncio.Semaphore] = {}

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[None]:
        host_slots = self._hosts.setdefault(host, asyncio.Semaphore(self._per_host))
        async with host_slots, self._global:  # host first: queued feeds hold no global slot
            yield


class FeedFetcher(Protocol):
    """What a cycle needs of a fetcher: its options (the concurrency sets the size of a
    wave) and every request's result in request order, ``on_result`` as each completes.
    :class:`Fetcher` is the one the service uses; a test may hand in another."""

    @property
    def options(self) -> FetchOptions: ...

    def fetch_many_sync(
        self,
        requests: Sequence[FetchRequest],
        on_result: Callable[[FetchResult], None] | None = None,
    ) -> list[FetchResult]: ...


@runtime_checkable
class LoopFeedFetcher(FeedFetcher, Protocol):
    """A fetcher that can also fetch on an event loop of its caller's: a cycle then keeps
    one wave's requests in flight while it stores the wave before (:class:`Fetcher` is
    one; a stand-in with ``fetch_many_sync`` alone gets a wave at a time)."""

    async def fetch_many(
        self,
        requests: Sequence[FetchRequest],
        on_result: Callable[[FetchResult], None] | None = None,
    ) -> list[FetchResult]: ...


class Fetcher:
    """Fetches feeds concurrently with the limits and checks of :class:`FetchOptions`."""

    def __init__(
        self,
        options: FetchOptions,
        *,
        resolver: AbstractResolver | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        self.options = options
        self._resolver = resolver
        self._clock = clock or (lambda: datetime.now(UTC))
        self._policy = AddressPolicy(
            allow_private=options.allow_private_networks, exempt=options.allowed_networks
        )

    def fetch_many_sync(
        self,
        requests: Sequence[FetchRequest],
        on_result: Callable[[FetchResult], None] | None = None,
    ) -> list[FetchResult]:
        return asyncio.run(self.fetch_many(requests, on_result))

    async def fetch_many(
        self,
        requests: Sequence[FetchRequest],
        on_result: Callable[[FetchResult], None] | None = None,
    ) -> list[FetchResult]:
        """Fetch every request; results in request order, ``on_result`` as each completes."""
        results: list[FetchResult | None] = [None] * len(requests)
        limits = _Limits(self.options)
        async with self._session() as session:

            async def one(index: int, request: FetchRequest) -> None:
                result = await self._fetch_one(session, limits, request)
                results[index] = result
                if on_result is not None:
                    try:
                        on_result(result)
                    except Exception:  # the caller's hook must not end the other fetches
                        log.exception("feed %s: result hook failed", request.feed)

            async with asyncio.TaskGroup() as group:
                for index, request in enumerate(requests):
                    group.create_task(one(index, request))
        return [r for r in results if r is not None]

    @asynccontextmanager
    async def _session(self) -> AsyncIterator[aiohttp.ClientSession]:
        owns = self._resolver is None
        inner = self._resolver if self._resolver is not None else aiohttp.DefaultResolver()
        resolver = GuardedResolver(inner, self._policy, owns_inner=owns)
        connector = aiohttp.TCPConnector(
            limit=self.options.concurrency, limit_per_host=self.options.per_host, resolver=resolver
        )
        timeout = aiohttp.ClientTimeout(
            total=None, connect=self.options.connect_timeout, sock_read=self.options.read_timeout
        )
        session = aiohttp.ClientSession(
            connector=connector,
            timeout=timeout,
            trust_env=False,
            cookie_jar=aiohttp.DummyCookieJar(),
        )
        try:
            yield session
        finally:
            await session.close()
            await resolver.close()  # a resolver passed in is never closed by the connector

    async def _fetch_one(
        self, session: aiohttp.ClientSession, limits: _Limits, request: FetchRequest
    ) -> FetchResult:
        started = time.monotonic()
        shown = request.url or (request.path.resolve().as_uri() if request.path else "")
        try:
            result = await _retriever(request)(self, session, limits, request, shown)
        except _Failure as failure:
            result = FetchResult(
                feed=request.feed,
                url=shown,
                status=failure.status,
                error=str(failure),
                error_kind=failure.kind,
                retry_after=failure.retry_after,
            )
        except Exception as exc:  # a bug met by one feed's answer is that feed's failure
            log.exception("feed %s: fetch failed unexpectedly", request.feed)
            result = FetchResult(
                feed=request.feed,
                url=shown,
                status=None,
                error_kind="internal",
                error=f"internal error while fetching: {describe(exc)}",
            )
        return replace(result, elapsed=round(time.monotonic() - started, 6))

    # ------------------------------------------------------------------ local files

    async def _fetch_file(self, request: FetchRequest, uri: str) -> FetchResult:
        assert request.path is not None
        cap = self.options.max_body_bytes
        try:
            stat = request.path.stat()
            etag = _file_etag(stat.st_mtime_ns, stat.st_size)
            last_modified = formatdate(stat.st_mtime, usegmt=True)
            headers = {"etag": etag, "last-modified": last_modified}
            if request.etag == etag:
                return FetchResult(
                    feed=request.feed,
                    url=uri,
                    status=304,
                    headers=headers,
                    final_url=uri,
                    etag=etag,
                    last_modified=last_modified,
                )
            if stat.st_size > cap:
                raise _Failure(
                    "too-large",
                    f"file {request.path} is {stat.st_size} bytes, over the {cap}-byte cap",
                )
            data = await asyncio.to_thread(_read_capped, request.path, cap)
        except FileNotFoundError:
            raise _Failure("network", f"file not found: {request.path}") from None
        except OSError as exc:
            raise _Failure("network", f"cannot read {request.path}: {exc.strerror or exc}") from exc
        if len(data) > cap:
            raise _Failure("too-large", f"file {request.path} grew over the {cap}-byte cap")
        return FetchResult(
            feed=request.feed,
            url=uri,
            status=200,
            content=data,
            headers={**headers, "content-length": str(len(data))},
            final_url=uri,
            etag=etag,
            last_modified=last_modified,
        )

    # ------------------------------------------------------------------ HTTP

    async def _fetch_http(
        self, session: aiohttp.ClientSession, limits: _Limits, request: FetchRequest
    ) -> FetchResult:
        try:
            return await self._follow(session, limits, request)
        except _Failure:
            raise
        except TimeoutError as exc:
            raise _Failure("timeout", _timeout_message(exc, request, self.options)) from exc
        except (aiohttp.ClientError, OSError) as exc:
            raise _classify(exc) from exc

    async def _follow(
        self, session: aiohttp.ClientSession, limits: _Limits, request: FetchRequest
    ) -> FetchResult:
        """Follow redirects by hand, checking every hop, under the total deadline."""
        url = _check_url(request.url or "", self._policy, redirect=False)
        permanent, hops = True, 0
        headers = _request_headers(request)
        loop = asyncio.get_running_loop()
        async with asyncio.timeout(None) as deadline:
            while True:
                async with limits.slot(url.host or ""):
                    if deadline.when() is None:  # the deadline starts with the first slot
                        deadline.reschedule(loop.time() + request.timeout)
                    async with session.get(
                        url, headers=headers, allow_redirects=False, auto_decompress=True
                    ) as response:
                        location = response.headers.get("Location")
                        if response.status not in REDIRECT_STATUSES or not location:
                            final = permanent and hops > 0
                            return await self._final(request, response, str(url), final)
                if hops >= self.options.max_redirects:
                    raise _Failure(
                        "redirects",
                        f"more than {self.options.max_redirects} redirects (last to {location})",
                    )
                permanent = permanent and response.status in PERMANENT_STATUSES
                url = _check_url(_join(url, location), self._policy, redirect=True)
                hops += 1

    async def _final(
        self,
        request: FetchRequest,
        response: aiohttp.ClientResponse,
        final_url: str,
        permanent: bool,
    ) -> FetchResult:
        status = response.status
        headers = _lower_headers(response.raw_headers)
        base = FetchResult(
            feed=request.feed,
            url=request.url or final_url,
            status=status,
            headers=headers,
            final_url=final_url,
            permanent_redirect=final_url if permanent else None,
        )
        if status == 304:
            return replace(
                base,
                etag=bounded_validator(headers.get("etag", request.etag)),
                last_modified=bounded_validator(
                    headers.get("last-modified", request.last_modified)
                ),
            )
        if not 200 <= status < 300:
            retry_after = (
                parse_retry_after(headers.get("retry-after"), self._clock())
                if status in RETRY_AFTER_STATUSES
                else None
            )
            return replace(
                base,
                retry_after=retry_after,
                error_kind="http",
                error=f"HTTP {status} {response.reason or ''}".rstrip(),
            )
        content = await _read_body(response, self.options.max_body_bytes)
        return replace(
            base,
            content=content,
            etag=bounded_validator(headers.get("etag")),
            last_modified=bounded_validator(headers.get("last-modified")),
        )


# ---------------------------------------------------------------------- helpers


# ------------------------------------------------------------------ retrievers by scheme

Retriever = Callable[
    [Fetcher, aiohttp.ClientSession, _Limits, FetchRequest, str], Awaitable[FetchResult]
]


async def _retrieve_file(
    fetcher: Fetcher,
    session: aiohttp.ClientSession,
    limits: _Limits,
    request: FetchRequest,
    shown: str,
) -> FetchResult:
    return await fetcher._fetch_file(request, shown)


async def _retrieve_http(
    fetcher: Fetcher,
    session: aiohttp.ClientSession,
    limits: _Limits,
    request: FetchRequest,
    shown: str,
) -> FetchResult:
    return await fetcher._fetch_http(session, limits, request)


# How a request is retrieved, by the scheme of what it names: a feed's ``path`` is a
# ``file``; its ``url`` goes to the retriever of the URL's scheme. A new protocol is one
# retriever and one entry here. A ``url`` never reaches the file retriever (a feed URL
# must not read local files): a url with any scheme not listed, file: included, goes to
# http's, whose first check refuses it by name (error kind ``scheme``).
RETRIEVERS: Mapping[str, Retriever] = {
    "file": _retrieve_file,
    "http": _retrieve_http,
    "https": _retrieve_http,
}


def _retriever(request: FetchRequest) -> Retriever:
    if request.path is not None and not request.url:
        return RETRIEVERS["file"]
    try:
        scheme = URL(request.url or "").scheme
    except (ValueError, TypeError):
        scheme = ""
    return RETRIEVERS[scheme] if scheme in RETRIEVERS and scheme != "file" else _retrieve_http


def _request_headers(request: FetchRequest) -> dict[str, str]:
    headers = {
        "User-Agent": request.user_agent,
        "Accept-Encoding": "gzip, deflate",
        "Accept": "application/atom+xml, application/rss+xml, application/xml;q=0.9, "
        "text/xml;q=0.9, */*;q=0.8",
    }
    etag, last_modified = bounded_validator(request.etag), bounded_validator(request.last_modified)
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def _check_url(raw: str, policy: AddressPolicy, *, redirect: bool) -> URL:
    """Parse ``raw``; refuse non-http(s) schemes and blocked IP literals."""
    what = "redirect to" if redirect else "URL"
    try:
        url = URL(raw)
    except (ValueError, TypeError) as exc:
        raise _Failure("scheme", f"{what} {raw!r} is malformed: {exc}") from exc
    if url.scheme not in ("http", "https"):
        raise _Failure("scheme", f"{what} {raw!r} refused: only http and https are fetched")
    if not url.host:
        raise _Failure("scheme", f"{what} {raw!r} has no host")
    try:
        check_literal_host(policy, url.host)
    except BlockedAddressError as exc:
        raise _Failure("blocked", f"{what} {raw}: {exc}") from exc
    return url


def _join(base: URL, location: str) -> str:
    try:
        return str(base.join(URL(location)))
    except (ValueError, TypeError) as exc:
        raise _Failure("scheme", f"redirect to {location!r} is malformed: {exc}") from exc


async def _read_body(response: aiohttp.ClientResponse, cap: int) -> bytes:
    """Read the decoded body in chunks, aborting as soon as it exceeds ``cap`` bytes."""
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > cap:
        raise _Failure(
            "too-large",
            f"Content-Length {declared} is over the {cap}-byte cap",
            status=response.status,
        )
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.content.iter_chunked(CHUNK_SIZE):
        size += len(chunk)
        if size > cap:
            response.close()
            raise _Failure(
                "too-large",
                f"decoded body exceeds the {cap}-byte cap (aborted)",
                status=response.status,
            )
        chunks.append(chunk)
    return b"".join(chunks)


def _classify(exc: BaseException) -> _Failure:
    blocked = find_blocked(exc)
    if blocked is not None:
        return _Failure("blocked", str(blocked))
    if isinstance(exc, aiohttp.InvalidURL):
        return _Failure("scheme", f"invalid URL: {exc}")
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return _Failure("network", f"DNS lookup failed for {exc.host}: {exc.os_error}")
    if isinstance(exc, aiohttp.ClientConnectorError):
        return _Failure("network", f"cannot connect to {exc.host}:{exc.port}: {exc.os_error}")
    detail = str(exc) or type(exc).__name__
    return _Failure("network", f"{type(exc).__name__}: {detail}")


def _timeout_message(exc: BaseException, request: FetchRequest, options: FetchOptions) -> str:
    if isinstance(exc, aiohttp.ConnectionTimeoutError):
        return f"connect timeout ({options.connect_timeout:g} s)"
    if isinstance(exc, aiohttp.ServerTimeoutError):
        return f"read timeout: no data for {options.read_timeout:g} s"
    return f"total deadline of {request.timeout:g} s exceeded"
