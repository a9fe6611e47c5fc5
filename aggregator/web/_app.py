"""The web stage: serves the published site directory over HTTP (aiohttp.web).

It only reads files below ``site_dir``; it never fetches and never touches the database.

Endpoints: ``/healthz`` (alive), ``/readyz`` (``readiness()``), ``/metrics`` (optional) and
every file of the site for GET/HEAD, with ETag/Last-Modified validators, 304 answers,
pre-compressed gzip and an in-memory cache of small files (one ``os.stat`` per request).
See docs/serving.md.
"""

from __future__ import annotations

import asyncio
import html
import json
import os
import re
import stat
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from aiohttp import web
from aiohttp.typedefs import Handler

from aggregator.web._static import (
    INDEX_FILE,
    CachedFile,
    FileCache,
    accepts_gzip,
    build_entry,
    content_type_for,
    content_types,
    etag_matches,
    lexical_path,
    not_modified_since,
    quote_path,
    resolve_inside,
    stamp_of,
    stream_headers,
)

__all__ = ["Readiness", "bound_port", "feed_types", "make_app", "start_server"]

DEFAULT_CACHE_BYTES = 64 * 1024 * 1024  # total bytes (identity + gzip) kept in memory
DEFAULT_MAX_CACHED_FILE = 4 * 1024 * 1024  # larger files are streamed, never cached/gzipped
STREAM_CHUNK = 256 * 1024
_ALLOWED = "GET, HEAD"
_NO_STORE = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}


@dataclass(frozen=True)
class Readiness:
    """The answer of the readiness probe; ``detail`` is shown as JSON on /readyz."""

    ready: bool
    detail: Mapping[str, object] = field(default_factory=dict)


def _plain(status: int, text: str, extra: Mapping[str, str] | None = None) -> web.Response:
    return web.Response(status=status, text=text, headers={**_NO_STORE, **(extra or {})})


def _not_found() -> web.Response:
    return _plain(404, "not found\n")


def _is_not_modified(request: web.BaseRequest, etag: str, mtime: int) -> bool:
    """RFC 9110 §13.2.2: If-None-Match wins; If-Modified-Since only when it is absent."""
    headers = request.headers
    if_none_match = headers.get("If-None-Match")
    if if_none_match is not None:
        return etag_matches(if_none_match, etag)
    if_modified_since = headers.get("If-Modified-Since")
    return if_modified_since is not None and not_modified_since(if_modified_since, mtime)


class _SiteHandler:
    """Serves files of one site directory; owns that application's file cache."""

    def __init__(
        self,
        site_dir: Path,
        *,
        max_age: int,
        archive_max_age: int | None,
        cache_bytes: int,
        max_cached_file: int,
        feed_types: Mapping[str, str],
    ) -> None:
        self.root = os.path.realpath(site_dir)
        self.types = content_types(feed_types)
        self.max_age = max_age
        self.archive_max_age = archive_max_age
        self.max_cached_file = max_cached_file
        self.cache = FileCache(cache_bytes)

    def cache_control(self, rel: str) -> str:
        immutable = (
            self.archive_max_age is not None
            and rel.startswith("archive/")
            and not rel.endswith(INDEX_FILE)
        )
        if immutable:
            return f"public, max-age={self.archive_max_age}, immutable"
        return f"public, max-age={self.max_age}"

    async def handle(self, request: web.Request) -> web.StreamResponse:
        if request.method not in ("GET", "HEAD"):
            return _plain(405, "method not allowed\n", {"Allow": _ALLOWED})
        rel = lexical_path(request.rel_url.raw_path)
        if rel is None:
            return _not_found()
        try:
            st = os.stat(os.path.join(self.root, rel))
        except (OSError, ValueError):
            return _not_found()
        if stat.S_ISDIR(st.st_mode):
            return self._directory(rel)
        if not stat.S_ISREG(st.st_mode):
            return _not_found()
        if st.st_size > self.max_cached_file:
            return await self._stream(request, rel)
        entry = self.cache.get(rel, stamp_of(st))
        if entry is None:
            entry = await self._load(rel)
            if entry is None:
                return _not_found()
        return self._respond(request, entry)

    def _directory(self, rel: str) -> web.Response:
        """``/x`` where x is a directory: redirect to ``/x/`` when it has an index.html."""
        real = resolve_inside(self.root, rel)
        if real is None or not os.path.isfile(os.path.join(real, INDEX_FILE)):
            return _not_found()
        return _plain(301, "moved\n", {"Location": quote_path(rel) + "/"})

    async def _load(self, rel: str) -> CachedFile | None:
        real = resolve_inside(self.root, rel)
        if real is None:
            return None
        try:
            entry = await asyncio.to_thread(
                build_entry, rel, real, self.cache_control(rel), content_type_for(rel, self.types)
            )
        except OSError:
            return None
        if entry is not None:
            self.cache.put(rel, entry)
        return entry

    @staticmethod
    def _respond(request: web.Request, entry: CachedFile) -> web.Response:
        variant = entry.identity
        if entry.gzipped is not None and accepts_gzip(request.headers.get("Accept-Encoding", "")):
            variant = entry.gzipped
        if _is_not_modified(request, variant.etag, entry.mtime):
            return web.Response(status=304, headers=variant.not_modified)
        link = feed_links(entry.identity.body, variant.headers.get("Content-Type", ""))
        headers = {**variant.headers, "Link": link} if link else variant.headers
        return web.Response(body=variant.body, headers=headers)

    async def _stream(self, request: web.Request, rel: str) -> web.StreamResponse:
        """A large file: identity only, ETag from (inode, mtime_ns, size), read in chunks."""
        real = resolve_inside(self.root, rel)
        if real is None:
            return _not_found()
        try:
            fh = open(real, "rb")  # noqa: SIM115 (closed by the with below; only the open's OSError is a 404)
        except OSError:
            return _not_found()
        with fh:
            st = os.fstat(fh.fileno())
            ctype = content_type_for(rel, self.types)
            etag, headers = stream_headers(ctype, st, self.cache_control(rel))
            if _is_not_modified(request, etag, int(st.st_mtime)):
                return web.Response(status=304, headers=headers)
            response = web.StreamResponse(headers=headers)
            response.content_length = st.st_size
            await response.prepare(request)
            if request.method == "GET":
                await _copy(fh, response, st.st_size)
            await response.write_eof()
            return response


_ALTERNATE = re.compile(rb"<link\s[^<>]*\brel=\"alternate\"[^<>]*>", re.IGNORECASE)
_ATTR = re.compile(rb'\b(type|href)="([^"<>]*)"')
_MEDIA_TYPE = re.compile(r"[a-z]+/[a-z0-9.+-]+")
_SAFE_HREF = re.compile(r"[A-Za-z0-9._~/%:?#=&@!$'()*+-]+")
_HEAD_BYTES = 16384


def feed_links(body: bytes, content_type: str) -> str:
    """The ``Link`` header of an HTML page: the ``<link rel="alternate">`` feeds its head
    declares for autodiscovery, for clients that read headers only ("" for none)."""
    if not content_type.startswith("text/html"):
        return ""
    head = body[:_HEAD_BYTES].split(b"</head>", 1)[0]
    out = []
    for tag in _ALTERNATE.finditer(head):
        attrs = {
            k.decode(): html.unescape(v.decode("utf-8", "replace"))
            for k, v in _ATTR.findall(tag[0])
        }
        href, kind = attrs.get("href", ""), attrs.get("type", "")
        if _SAFE_HREF.fullmatch(href) and _MEDIA_TYPE.fullmatch(kind):
            out.append(f'<{href}>; rel="alternate"; type="{kind}"')
    return ", ".join(out)


async def _copy(fh: BinaryIO, response: web.StreamResponse, size: int) -> None:
    remaining = size
    while remaining > 0:
        chunk = await asyncio.to_thread(fh.read, min(STREAM_CHUNK, remaining))
        if not chunk:
            break
        remaining -= len(chunk)
        await response.write(chunk)


def _probe_handlers(
    readiness: Callable[[], Readiness],
    metrics: Callable[[], tuple[bytes, str]] | None,
) -> tuple[Handler, Handler, Handler]:
    async def healthz(request: web.Request) -> web.Response:
        return _plain(200, "ok\n")

    async def readyz(request: web.Request) -> web.Response:
        result = readiness()
        body = json.dumps(dict(result.detail), default=str, sort_keys=True) + "\n"
        return web.Response(
            status=200 if result.ready else 503,
            text=body,
            content_type="application/json",
            headers=_NO_STORE,
        )

    async def metrics_page(request: web.Request) -> web.Response:
        if metrics is None:
            return _not_found()
        body, content_type = metrics()
        return web.Response(body=body, headers={**_NO_STORE, "Content-Type": content_type})

    return healthz, readyz, metrics_page


FEED_TYPES: web.AppKey[dict[str, str]] = web.AppKey("feed_types")


def feed_types(app: web.Application) -> dict[str, str]:
    """The feed formats ``app`` serves (``make_app(feed_types=…)``), for another process
    that serves the same site."""
    served: dict[str, str] = app[FEED_TYPES]
    return {**served}


def make_app(
    site_dir: Path,
    *,
    readiness: Callable[[], Readiness],
    metrics: Callable[[], tuple[bytes, str]] | None = None,
    max_age: int = 300,
    archive_max_age: int | None = None,
    cache_bytes: int = DEFAULT_CACHE_BYTES,
    max_cached_file: int = DEFAULT_MAX_CACHED_FILE,
    feed_types: Mapping[str, str] | None = None,
) -> web.Application:
    """An application serving ``site_dir`` plus /healthz, /readyz and /metrics.

    ``archive_max_age``: when set, files under ``archive/`` (except index.html pages) are
    sent with ``Cache-Control: public, max-age=<archive_max_age>, immutable``; only use it
    when the publisher never rewrites an archive page. ``feed_types``: file suffix -> media
    type of the feed formats the site is published in (publish's registry, as ``runtime``
    hands it over: suffix ``".atom"`` -> its media type, …); :func:`feed_types` gives them
    back.
    """
    if max_age < 0 or (archive_max_age is not None and archive_max_age < 0):
        raise ValueError("max_age and archive_max_age must be >= 0")
    site = _SiteHandler(
        site_dir,
        max_age=max_age,
        archive_max_age=archive_max_age,
        cache_bytes=cache_bytes,
        max_cached_file=max_cached_file,
        feed_types=feed_types or {},
    )
    healthz, readyz, metrics_page = _probe_handlers(readiness, metrics)
    app = web.Application()
    app[FEED_TYPES] = dict(feed_types or {})
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics_page)
    app.router.add_route("*", r"/{path:[\s\S]*}", site.handle)
    return app


async def start_server(
    app: web.Application, host: str, port: int, *, reuse_port: bool = False
) -> web.AppRunner:
    """Start serving ``app`` on host:port (port 0 picks a free one); returns the runner.

    ``reuse_port``: bind with ``SO_REUSEPORT``, so that other processes (that set it too) can
    listen on the same port and the kernel spreads new connections over them.
    Stop it with ``await runner.cleanup()``.
    """
    runner = web.AppRunner(app, handle_signals=False)
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port, reuse_port=reuse_port).start()
    except BaseException:
        await runner.cleanup()
        raise
    return runner


def bound_port(runner: web.AppRunner) -> int:
    """The TCP port the runner's first site listens on."""
    return int(runner.addresses[0][1])
