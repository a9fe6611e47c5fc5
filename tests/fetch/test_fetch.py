"""Tests of aggregator.fetch against a local aiohttp server on 127.0.0.1 (no network)."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import threading
import time
import tracemalloc
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.abc import AbstractResolver, ResolveResult
from hypothesis import given
from hypothesis import strategies as st

from aggregator.fetch._fetcher import Fetcher, FetchOptions, bounded_validator, parse_retry_after
from aggregator.fetch._netguard import blocked_reason
from aggregator.models import FetchRequest, FetchResult

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
MB = 1024 * 1024
FEED = b"<rss><channel><title>t</title></channel></rss>"


# ---------------------------------------------------------------------- local server


@dataclass
class Counter:
    """Concurrent requests seen by the server, overall and per Host header."""

    current: int = 0
    peak: int = 0
    per_host: dict[str, int] = field(default_factory=dict)
    per_host_peak: dict[str, int] = field(default_factory=dict)
    user_agents: list[str] = field(default_factory=list)


def _gzip_bomb() -> bytes:
    """200 MB of zeros, gzip-compressed (about 0.9 MB)."""
    compressor = zlib.compressobj(1, zlib.DEFLATED, 31)
    block = bytes(MB)
    return b"".join([*(compressor.compress(block) for _ in range(200)), compressor.flush()])


class Handlers:
    """The test server's endpoints; ``counter`` records what the server saw."""

    def __init__(self, counter: Counter, bomb: bytes) -> None:
        self.counter = counter
        self.bomb = bomb

    async def feed(self, request: web.Request) -> web.StreamResponse:
        self.counter.user_agents.append(request.headers.get("User-Agent", ""))
        validators = {"ETag": '"v1"', "Last-Modified": "Sun, 01 Mar 2026 10:00:00 GMT"}
        if request.headers.get("If-None-Match") == '"v1"':
            return web.Response(status=304, headers=validators)
        return web.Response(body=FEED, headers=validators)

    async def big_length(self, request: web.Request) -> web.StreamResponse:
        return web.Response(body=bytes(2 * MB))

    async def gzip_bomb(self, request: web.Request) -> web.StreamResponse:
        return web.Response(body=self.bomb, headers={"Content-Encoding": "gzip"})

    async def chunked(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse()
        response.enable_chunked_encoding()
        await response.prepare(request)
        for _ in range(64):  # 4 MB in 64 KB chunks, no Content-Length
            await response.write(bytes(64 * 1024))
        await response.write_eof()
        return response

    async def drip(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse()
        await response.prepare(request)
        try:
            for _ in range(300):
                await response.write(b"x")
                await asyncio.sleep(0.05)
        except ConnectionResetError:  # the client gave up, as it should
            pass
        return response

    async def stall(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse()
        await response.prepare(request)
        await response.write(b"<rss>")
        await asyncio.sleep(1.0)
        return response

    async def redirect(self, request: web.Request) -> web.StreamResponse:
        codes = request.query.get("codes", "")
        if not codes:
            return web.Response(body=FEED, headers={"ETag": '"final"'})
        first, _, rest = codes.partition(",")
        return _redirect_response(int(first), f"/redirect?codes={rest}")

    async def loop(self, request: web.Request) -> web.StreamResponse:
        return _redirect_response(302, "/loop")

    async def to(self, request: web.Request) -> web.StreamResponse:
        code = int(request.query.get("code", "302"))
        return _redirect_response(code, request.query["location"])

    async def status(self, request: web.Request) -> web.StreamResponse:
        headers = {"Retry-After": request.query["retry"]} if "retry" in request.query else {}
        return web.Response(status=int(request.match_info["code"]), headers=headers)

    async def slow(self, request: web.Request) -> web.StreamResponse:
        host = request.host
        self.counter.current += 1
        self.counter.per_host[host] = self.counter.per_host.get(host, 0) + 1
        self.counter.peak = max(self.counter.peak, self.counter.current)
        self.counter.per_host_peak[host] = max(
            self.counter.per_host_peak.get(host, 0), self.counter.per_host[host]
        )
        await asyncio.sleep(0.15)
        self.counter.current -= 1
        self.counter.per_host[host] -= 1
        return web.Response(body=FEED)

    def app(self) -> web.Application:
        app = web.Application()
        for path, handler in [
            ("/feed", self.feed),
            ("/big-length", self.big_length),
            ("/bomb", self.gzip_bomb),
            ("/chunked", self.chunked),
            ("/drip", self.drip),
            ("/stall", self.stall),
            ("/redirect", self.redirect),
            ("/loop", self.loop),
            ("/to", self.to),
            ("/status/{code}", self.status),
            ("/slow", self.slow),
        ]:
            app.router.add_get(path, handler)
        return app


def _redirect_response(code: int, location: str) -> web.Response:
    return web.Response(status=code, headers={"Location": location})


@dataclass
class Server:
    base: str
    port: int
    counter: Counter


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    counter = Counter()
    app = Handlers(counter, _gzip_bomb()).app()
    loop = asyncio.new_event_loop()
    runner = web.AppRunner(app, handle_signals=False)
    loop.run_until_complete(runner.setup())
    site = web.TCPSite(runner, "127.0.0.1", 0)
    loop.run_until_complete(site.start())
    port = runner.addresses[0][1]
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    yield Server(f"http://127.0.0.1:{port}", port, counter)
    asyncio.run_coroutine_threadsafe(runner.cleanup(), loop).result(10)
    loop.call_soon_threadsafe(loop.stop)
    thread.join(10)
    loop.close()


class MapResolver(AbstractResolver):
    """Resolves names from a fixed table (stands in for DNS)."""

    def __init__(self, table: dict[str, str]) -> None:
        self.table = table

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        if host not in self.table:
            raise OSError(f"unknown host {host}")
        ip = ipaddress.ip_address(self.table[host])
        fam = socket.AF_INET6 if ip.version == 6 else socket.AF_INET
        return [
            ResolveResult(
                hostname=host,
                host=str(ip),
                port=port,
                family=fam,
                proto=0,
                flags=socket.AI_NUMERICHOST,
            )
        ]

    async def close(self) -> None:
        return None


def fetch(
    url: str | None = None,
    *,
    options: FetchOptions | None = None,
    resolver: AbstractResolver | None = None,
    **request: object,
) -> FetchResult:
    fetcher = Fetcher(
        options or FetchOptions(allow_private_networks=True), resolver=resolver, clock=lambda: NOW
    )
    fetch_request = FetchRequest(feed="f", url=url, **request)  # type: ignore[arg-type]
    [result] = fetcher.fetch_many_sync([fetch_request])
    return result


# ---------------------------------------------------------------------- happy paths


def test_200_then_304_round_trip(server: Server) -> None:
    first = fetch(f"{server.base}/feed", user_agent="agg-test/1")
    assert (first.status, first.content, first.error) == (200, FEED, None)
    assert first.etag == '"v1"' and first.last_modified == "Sun, 01 Mar 2026 10:00:00 GMT"
    assert first.headers["etag"] == '"v1"' and all(k == k.lower() for k in first.headers)
    assert server.counter.user_agents[-1] == "agg-test/1"
    second = fetch(f"{server.base}/feed", etag=first.etag, last_modified=first.last_modified)
    assert second.not_modified and second.content is None and second.error is None
    assert second.etag == '"v1"'


def test_results_in_request_order_and_callback_per_result(server: Server) -> None:
    seen: list[str] = []
    requests = [
        FetchRequest(feed=str(i), url=f"{server.base}/{p}")
        for i, p in enumerate(["slow", "feed", "status/410"])
    ]
    fetcher = Fetcher(FetchOptions(allow_private_networks=True))
    results = fetcher.fetch_many_sync(requests, on_result=lambda r: seen.append(r.feed))
    assert [r.feed for r in results] == ["0", "1", "2"]
    assert sorted(seen) == ["0", "1", "2"] and seen[-1] == "0"  # the slow one ends last


# ---------------------------------------------------------------------- size caps


def test_content_length_over_cap_refused(server: Server) -> None:
    result = fetch(
        f"{server.base}/big-length",
        options=FetchOptions(allow_private_networks=True, max_body_bytes=MB),
    )
    assert result.error_kind == "too-large" and "Content-Length" in (result.error or "")
    assert result.content is None


def test_gzip_bomb_aborted_with_small_memory(server: Server) -> None:
    options = FetchOptions(allow_private_networks=True, max_body_bytes=MB)
    tracemalloc.start()
    try:
        result = fetch(f"{server.base}/bomb", options=options)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.error_kind == "too-large" and "decoded" in (result.error or "")
    assert peak < 24 * MB  # the whole body would be 200 MB


def test_chunked_body_without_length_over_cap(server: Server) -> None:
    result = fetch(
        f"{server.base}/chunked",
        options=FetchOptions(allow_private_networks=True, max_body_bytes=MB),
    )
    assert result.error_kind == "too-large"


def test_body_under_cap_is_returned(server: Server) -> None:
    result = fetch(
        f"{server.base}/chunked",
        options=FetchOptions(allow_private_networks=True, max_body_bytes=8 * MB),
    )
    assert result.ok and len(result.content or b"") == 4 * MB


# ---------------------------------------------------------------------- timeouts


def test_slow_drip_cut_by_total_deadline(server: Server) -> None:
    started = time.monotonic()
    result = fetch(f"{server.base}/drip", timeout=1.0)
    took = time.monotonic() - started
    assert result.error_kind == "timeout" and "total deadline of 1 s" in (result.error or "")
    assert 0.9 <= took < 3.0


def test_read_timeout_between_bytes(server: Server) -> None:
    options = FetchOptions(allow_private_networks=True, read_timeout=0.2)
    result = fetch(f"{server.base}/stall", options=options, timeout=10.0)
    assert result.error_kind == "timeout" and "read timeout" in (result.error or "")


# ---------------------------------------------------------------------- redirects


@pytest.mark.parametrize(
    ("codes", "permanent"),
    [
        ("301,308,301", True),
        ("301,302", False),
        ("307", False),
        ("308", True),
    ],
)
def test_redirect_chain_within_limit(server: Server, codes: str, permanent: bool) -> None:
    result = fetch(f"{server.base}/redirect?codes={codes}")
    assert result.ok and result.content == FEED and result.etag == '"final"'
    assert result.final_url == f"{server.base}/redirect?codes="
    assert result.permanent_redirect == (result.final_url if permanent else None)
    assert result.url == f"{server.base}/redirect?codes={codes}"


def test_no_redirect_means_no_permanent_redirect(server: Server) -> None:
    assert fetch(f"{server.base}/feed").permanent_redirect is None


def test_too_many_redirects(server: Server) -> None:
    result = fetch(
        f"{server.base}/redirect?codes=301,301,301",
        options=FetchOptions(allow_private_networks=True, max_redirects=2),
    )
    assert result.error_kind == "redirects" and "more than 2 redirects" in (result.error or "")


def test_endless_redirects(server: Server) -> None:
    result = fetch(f"{server.base}/loop")
    assert result.error_kind == "redirects" and result.content is None


@pytest.mark.parametrize(
    "location",
    [
        "file:///etc/passwd",
        "ftp://example.com/feed.xml",
        "javascript:alert(1)",
        "gopher://x/",
    ],
)
def test_redirect_to_other_scheme_refused(server: Server, location: str) -> None:
    result = fetch(f"{server.base}/to?location={location}")
    assert result.error_kind == "scheme" and location.split(":")[0] in (result.error or "")


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.com/x", "http:///nohost", "http://[::1/", None]
)
def test_non_http_url_refused(url: str | None) -> None:
    assert fetch(url).error_kind == "scheme"


# ---------------------------------------------------------------------- destinations


@pytest.mark.parametrize(
    "address",
    [
        "10.0.0.1",
        "127.0.0.1",
        "::ffff:127.0.0.1",
        "fe80::1",
        "169.254.169.254",
        "::1",
        "192.168.1.10",
        "100.64.0.1",
        "0.0.0.0",
    ],
)
def test_name_resolving_to_private_address_refused(server: Server, address: str) -> None:
    resolver = MapResolver({"feeds.example": address})
    result = fetch(
        f"http://feeds.example:{server.port}/feed", resolver=resolver, options=FetchOptions()
    )
    assert result.error_kind == "blocked", result.error
    assert str(ipaddress.ip_address(address)) in (result.error or "")
    assert result.status is None


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "[::1]",
        "[::ffff:127.0.0.1]",
        "169.254.169.254",
        "10.1.2.3",
        "[fe80::1]",
    ],
)
def test_literal_private_address_refused(server: Server, host: str) -> None:
    result = fetch(f"http://{host}:{server.port}/feed", options=FetchOptions())
    assert result.error_kind == "blocked" and "private networks are not allowed" in (
        result.error or ""
    )


def test_allow_private_networks_reaches_local_server(server: Server) -> None:
    resolver = MapResolver({"feeds.example": "127.0.0.1"})
    result = fetch(f"http://feeds.example:{server.port}/feed", resolver=resolver)
    assert result.ok


@pytest.mark.parametrize(
    ("location", "address"),
    [
        ("http://internal.example:{port}/feed", "10.0.0.1"),
        ("http://169.254.169.254/latest/meta-data/", "169.254.169.254"),
        ("http://[::ffff:10.0.0.1]:{port}/feed", "10.0.0.1"),
    ],
)
def test_redirect_to_private_address_refused(server: Server, location: str, address: str) -> None:
    # The local server itself is exempted so that the first hop is allowed.
    options = FetchOptions(allowed_networks=("127.0.0.1/32",))
    resolver = MapResolver({"feeds.example": "127.0.0.1", "internal.example": "10.0.0.1"})
    target = location.format(port=server.port)
    result = fetch(
        f"http://feeds.example:{server.port}/to?location={target}",
        options=options,
        resolver=resolver,
    )
    assert result.error_kind == "blocked", result.error
    assert address in (result.error or "")
    assert fetch(f"http://feeds.example:{server.port}/feed", options=options, resolver=resolver).ok


# ---------------------------------------------------------------------- HTTP errors


def test_429_with_retry_after_seconds(server: Server) -> None:
    result = fetch(f"{server.base}/status/429?retry=120")
    assert (result.status, result.error_kind) == (429, "http")
    assert result.retry_after == NOW + timedelta(seconds=120)


def test_429_with_retry_after_date(server: Server) -> None:
    when = format_datetime(NOW + timedelta(hours=2), usegmt=True)
    result = fetch(f"{server.base}/status/429?retry={when}")
    assert result.retry_after == NOW + timedelta(hours=2)


def test_503_retry_after_capped_at_seven_days(server: Server) -> None:
    result = fetch(f"{server.base}/status/503?retry=99999999")
    assert (result.status, result.error_kind) == (503, "http")
    assert result.retry_after == NOW + timedelta(days=7)


@pytest.mark.parametrize("code", [410, 404, 500])
def test_http_error_status(server: Server, code: int) -> None:
    result = fetch(f"{server.base}/status/{code}")
    assert (result.status, result.error_kind) == (code, "http")
    assert f"HTTP {code}" in (result.error or "") and result.retry_after is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("0", NOW),
        ("  60 ", NOW + timedelta(minutes=1)),
        ("garbage", None),
        ("", None),
        ("Sun, 01 Mar 2026 11:00:00 GMT", NOW),  # in the past -> now
        ("Sun, 01 Mar 2026 13:00:00 GMT", NOW + timedelta(hours=1)),
        ("Fri, 01 Jan 2100 00:00:00 GMT", NOW + timedelta(days=7)),
        ("9" * 5_000, NOW + timedelta(days=7)),  # past int()'s digit limit
        ("0" * 5_000 + "30", NOW + timedelta(seconds=30)),
        ("Fri, 31 Dec 9999 23:59:59 -2359", NOW + timedelta(days=7)),  # UTC overflows
        ("Fri, 31 Dec 9999 23:59:59 +2359", NOW + timedelta(days=7)),
        ("Mon, 01 Jan 0001 00:00:00 +2359", NOW),  # before datetime.min in UTC
        ("Fri, 99 Dec 9999 99:99:99 GMT", None),
    ],
)
def test_parse_retry_after(value: str, expected: datetime | None) -> None:
    assert parse_retry_after(value, NOW) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (None, None),
        ('"abc"', '"abc"'),
        ('W/"' + "x" * 300 + '"', None),
        (", ".join(['"' + "e" * 8 + '"'] * 100), None),
    ],
)
def test_validators_are_bounded(value: str | None, expected: str | None) -> None:
    assert bounded_validator(value) == expected


def test_connection_refused_is_network_error() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = fetch(f"http://127.0.0.1:{port}/feed")
    assert result.error_kind == "network" and str(port) in (result.error or "")


def test_odd_header_bytes_never_raise() -> None:
    raw = (
        b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Odd: caf\xe9 \xff\r\n"
        b"X-Utf: caf\xc3\xa9\r\nLink: <a>\r\nLINK: <b>\r\nConnection: close\r\n\r\nok"
    )
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()

        def answer() -> None:
            conn, _ = listener.accept()
            with conn:
                conn.recv(65536)
                conn.sendall(raw)

        thread = threading.Thread(target=answer, daemon=True)
        thread.start()
        result = fetch(f"http://127.0.0.1:{listener.getsockname()[1]}/")
        thread.join(5)
    assert result.ok and result.content == b"ok"
    assert result.headers["x-odd"] == "caf\u00e9 \u00ff" and result.headers["x-utf"] == "caf\u00e9"
    assert result.headers["link"] == "<a>, <b>"
    assert all(isinstance(v, str) and k == k.lower() for k, v in result.headers.items())


# ---------------------------------------------------------------------- local files


def test_local_file_then_304(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(FEED)
    first = fetch(path=path)
    assert first.ok and first.content == FEED and first.url == path.resolve().as_uri()
    assert first.etag and first.last_modified
    second = fetch(path=path, etag=first.etag)
    assert second.not_modified and second.content is None
    path.write_bytes(FEED + b"\n")
    assert fetch(path=path, etag=first.etag).status == 200


def test_local_file_missing_and_too_large(tmp_path: Path) -> None:
    missing = fetch(path=tmp_path / "nope.xml")
    assert missing.error_kind == "network" and "nope.xml" in (missing.error or "")
    big = tmp_path / "big.xml"
    big.write_bytes(bytes(2048))
    result = fetch(path=big, options=FetchOptions(max_body_bytes=1024))
    assert result.error_kind == "too-large"


# ---------------------------------------------------------------------- limits


def test_per_host_limit_respected(server: Server) -> None:
    server.counter.peak = 0
    server.counter.per_host_peak.clear()
    resolver = MapResolver({"a.example": "127.0.0.1", "b.example": "127.0.0.1"})
    requests = [
        FetchRequest(feed=f"{h}{i}", url=f"http://{h}.example:{server.port}/slow")
        for h in "ab"
        for i in range(5)
    ]
    fetcher = Fetcher(FetchOptions(allow_private_networks=True, per_host=2), resolver=resolver)
    results = fetcher.fetch_many_sync(requests)
    assert all(r.ok for r in results)
    assert max(server.counter.per_host_peak.values()) == 2
    assert server.counter.peak == 4  # two hosts x two each: the limit is per host


def test_global_limit_respected(server: Server) -> None:
    server.counter.peak = 0
    requests = [FetchRequest(feed=str(i), url=f"{server.base}/slow") for i in range(6)]
    options = FetchOptions(allow_private_networks=True, per_host=6, concurrency=3)
    assert all(r.ok for r in Fetcher(options).fetch_many_sync(requests))
    assert server.counter.peak == 3


# ---------------------------------------------------------------------- classifier


_BLOCKED_NETS = [
    ipaddress.ip_network(n)
    for n in (
        "10.0.0.0/8",
        "172.16.0.0/12",
        "192.168.0.0/16",
        "127.0.0.0/8",
        "169.254.0.0/16",
        "0.0.0.0/8",
        "224.0.0.0/4",
        "240.0.0.0/4",
        "100.64.0.0/10",
        "::1/128",
        "fe80::/10",
        "fc00::/7",
        "ff00::/8",
        "::/128",
    )
]


@given(st.ip_addresses(v=4))
def test_ipv4_mapped_and_nat64_judged_as_ipv4(ip: ipaddress.IPv4Address) -> None:
    mapped = ipaddress.IPv6Address(f"::ffff:{ip}")
    nat64 = ipaddress.IPv6Address(int(ipaddress.IPv6Address("64:ff9b::")) | int(ip))
    expected = blocked_reason(ip) is None
    assert (blocked_reason(mapped) is None) == expected
    assert (blocked_reason(nat64) is None) == expected


@given(st.sampled_from(_BLOCKED_NETS).flatmap(lambda n: st.ip_addresses(network=n)))
def test_addresses_in_blocked_networks_refused(
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address,
) -> None:
    assert blocked_reason(ip) is not None


@given(st.ip_addresses())
def test_allowed_addresses_are_global_unicast(
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address,
) -> None:
    if blocked_reason(ip) is None:
        assert ip.is_global and not ip.is_multicast and not ip.is_loopback
        assert not any(ip.version == n.version and ip in n for n in _BLOCKED_NETS)


def test_an_unexpected_error_is_that_feeds_internal_failure(
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A bug met while fetching one feed comes back as its result (kind ``internal``,
    no status), never as an exception out of the fetcher."""

    async def broken(*args: object) -> FetchResult:
        raise RuntimeError("a bug")

    monkeypatch.setattr(Fetcher, "_fetch_http", broken)
    fetcher = Fetcher(FetchOptions(allow_private_networks=True))
    with caplog.at_level("ERROR"):
        [result] = fetcher.fetch_many_sync([FetchRequest(feed="f", url="http://127.0.0.1:9/x")])
    assert (result.status, result.error_kind) == (None, "internal")
    assert result.error == "internal error while fetching: RuntimeError: a bug"
    assert "feed f: fetch failed unexpectedly" in caplog.text


def test_a_retriever_is_chosen_by_scheme(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """A new protocol is one entry in the registry; a ``url`` never reaches the file
    retriever, whatever the registry holds."""
    from aggregator.fetch import _fetcher

    seen: list[str] = []

    async def memory(
        fetcher: object, session: object, limits: object, request: FetchRequest, shown: str
    ) -> FetchResult:
        seen.append(shown)
        return FetchResult(feed=request.feed, url=shown, status=200, content=FEED)

    monkeypatch.setattr(_fetcher, "RETRIEVERS", {**_fetcher.RETRIEVERS, "memory": memory})
    feed = tmp_path / "feed.xml"
    feed.write_bytes(FEED)
    fetcher = Fetcher(FetchOptions())
    by_memory, by_path, by_file_url = fetcher.fetch_many_sync(
        [
            FetchRequest(feed="m", url="memory://feeds/a"),
            FetchRequest(feed="p", url=None, path=feed),
            FetchRequest(feed="f", url=feed.as_uri()),
        ]
    )
    assert seen == ["memory://feeds/a"] and by_memory.content == FEED
    assert (by_path.status, by_path.content) == (200, FEED)
    assert (by_file_url.status, by_file_url.error_kind) == (None, "scheme")
