"""Several processes answering HTTP on one port: the service process plus web helpers.

One Python process spends most of a request in aiohttp, asyncio and the socket calls, under
one GIL. With ``server.workers`` = N, the service process binds ``server.host:server.port``
with ``SO_REUSEPORT`` and starts N - 1 *helper* processes that bind the same port the same way
(the port the service got, so port 0 works); the kernel spreads new connections over them.

A helper serves the same site (:func:`site_app`: same files, caching headers and probes):
its own ``/healthz``, a ``/readyz`` asked of the database like the service's
(:class:`~aggregator.runtime.readiness.ReadinessProbe`), and on ``/metrics`` the service's
metrics as the service last sent them: at start and after every update cycle, over a pipe.
Helpers are started with the "spawn" method (a fresh interpreter: none of the scheduler's
threads, no pipeline or scheduler modules loaded). A helper ignores SIGINT (Ctrl-C reaches the whole
process group; the service stops its helpers itself), stops cleanly on SIGTERM, and stops by
itself when the service process is gone (its pipe reaches end of file), killed or not.
The service replaces a helper that died (:meth:`WebPool.watch`).

Where ``SO_REUSEPORT`` is missing (not Linux), the service serves alone (logged once).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess

from aiohttp import web as aioweb

from .. import web
from ..models import Settings
from . import logs
from .readiness import ReadinessProbe

__all__ = [
    "ARCHIVE_MAX_AGE",
    "MetricsPage",
    "Serving",
    "WebPool",
    "reuse_port_available",
    "serve_helper",
    "site_app",
]

log = logging.getLogger(__name__)

ARCHIVE_MAX_AGE = 365 * 24 * 3600  # the publisher never rewrites an archive page
CHECK_EVERY = 3.0  # seconds between two looks for helpers that died
STOP_TIMEOUT = 3.0  # after SIGTERM, helpers still running are killed
MetricsPage = tuple[bytes, str]  # (body, content type), what Metrics.render() returns
News = tuple[MetricsPage, dict[str, str]]  # what a helper gets: metrics, last cycle's faults


def site_app(
    settings: Settings,
    *,
    readiness: Callable[[], web.Readiness],
    metrics: Callable[[], MetricsPage],
    feed_types: Mapping[str, str],
) -> aioweb.Application:
    """The application every serving process runs for ``settings.output``; ``feed_types``:
    the output formats' suffixes and media types (``publish.media_types()``, asked by the
    service; a helper gets them from it, not importing publish)."""
    settings.output.mkdir(parents=True, exist_ok=True)
    return web.make_app(
        settings.output,
        readiness=readiness,
        metrics=metrics,
        archive_max_age=ARCHIVE_MAX_AGE,
        feed_types=feed_types,
    )


def reuse_port_available() -> bool:
    """SO_REUSEPORT with the load balancing this module relies on: Linux only."""
    return sys.platform.startswith("linux") and hasattr(socket, "SO_REUSEPORT")


def _refuse_taken_port(host: str, port: int) -> None:
    """Raise ``OSError`` when a server already listens on host:port.

    A bind with SO_REUSEPORT succeeds next to another server of the same user that set it too
    (a second ``aggregator run`` started by mistake) and would share the port with it silently;
    a bind without it fails, as a single process's bind always did.
    """
    if port == 0:
        return
    for family, kind, proto, _, address in socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
    ):
        with socket.socket(family, kind, proto) as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as asyncio does
            if family == socket.AF_INET6:
                probe.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            try:
                probe.bind(address)
            except OSError as exc:
                raise OSError(
                    exc.errno,
                    f"error while attempting to bind on address {address!r}: {exc.strerror}",
                ) from None


# --------------------------------------------------------------------------- the service side


class Serving:
    """The site on ``settings.host:settings.port``: this process's server, plus a
    :class:`WebPool` of ``settings.web_workers - 1`` helpers (None when serving alone)."""

    def __init__(self, runner: aioweb.AppRunner, pool: WebPool | None) -> None:
        self.runner = runner
        self.pool = pool
        self._watch = asyncio.create_task(pool.watch()) if pool is not None else None

    @classmethod
    async def start(
        cls, settings: Settings, app: aioweb.Application, metrics: Callable[[], MetricsPage]
    ) -> Serving:
        helpers = settings.web_workers - 1
        if helpers and not reuse_port_available():
            log.warning(
                "server.workers is %d, but SO_REUSEPORT is not available on this "
                "platform: serving with one process",
                settings.web_workers,
            )
            helpers = 0
        if helpers:
            _refuse_taken_port(settings.host, settings.port)
        runner = await web.start_server(app, settings.host, settings.port, reuse_port=helpers > 0)
        if not helpers:
            return cls(runner, None)
        pool = WebPool(settings, web.bound_port(runner), helpers, metrics(), web.feed_types(app))
        try:
            pool.start()
        except BaseException:
            await asyncio.to_thread(pool.stop)
            await runner.cleanup()
            raise
        return cls(runner, pool)

    @property
    def port(self) -> int:
        return web.bound_port(self.runner)

    @property
    def processes(self) -> int:
        return 1 + (self.pool.size if self.pool is not None else 0)

    def publish(self, page: MetricsPage, faults: Mapping[str, str] | None = None) -> None:
        """Send the service's current metrics, and what went wrong in its last cycle (for
        ``/readyz``), to the helpers (any thread; never blocks)."""
        if self.pool is not None:
            self.pool.publish((page, dict(faults or {})))

    async def close(self) -> None:
        """Stop the helpers (SIGTERM, then SIGKILL), then this process's server."""
        if self._watch is not None:
            self._watch.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watch
        if self.pool is not None:
            await asyncio.to_thread(self.pool.stop)
        await self.runner.cleanup()


@dataclass(eq=False)
class _Helper:
    process: BaseProcess
    conn: Connection  # write end of the pipe to the helper
    sent: int  # version of the metrics page the helper has
    lock: threading.Lock = field(default_factory=threading.Lock)  # a send, or the close


class WebPool:
    """The helper processes serving ``port`` next to this process.

    Metrics pages are sent by one thread of the pool, so an update cycle that publishes never
    waits on a helper (a stopped helper that does not read its pipe only holds up that thread).
    """

    def __init__(
        self,
        settings: Settings,
        port: int,
        size: int,
        metrics: MetricsPage,
        feed_types: Mapping[str, str],
    ) -> None:
        self.settings, self.port, self.size = settings, port, size
        self.feed_types = dict(feed_types)  # served as the service serves them
        self.restarts = 0
        self._ctx = multiprocessing.get_context("spawn")
        self._cond = threading.Condition()
        self._page: News = (metrics, {})
        self._version = 0
        self._helpers: list[_Helper] = []
        self._closing = False
        self._sender = threading.Thread(target=self._send_pages, name="web-metrics", daemon=True)

    def start(self) -> None:
        with self._cond:
            for _ in range(self.size):
                self._helpers.append(self._spawn())
        self._sender.start()

    @property
    def pids(self) -> list[int]:
        with self._cond:
            return [h.process.pid for h in self._helpers if h.process.pid is not None]

    def _spawn(self) -> _Helper:
        """Start one helper with the current metrics page (the condition's lock is held)."""
        reader, writer = self._ctx.Pipe(duplex=False)
        process = self._ctx.Process(
            target=serve_helper,
            name="aggregator-web",
            daemon=True,
            args=(self.settings, self.port, reader, self._page, self.feed_types),
        )
        try:
            process.start()
        except BaseException:
            writer.close()
            raise
        finally:
            reader.close()
        return _Helper(process, writer, self._version)

    def publish(self, page: News) -> None:
        with self._cond:
            self._page, self._version = page, self._version + 1
            self._cond.notify_all()

    def _send_pages(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(
                    lambda: self._closing or any(h.sent != self._version for h in self._helpers)
                )
                if self._closing:
                    return
                page, version = self._page, self._version
                todo = [h for h in self._helpers if h.sent != version]
            for helper in todo:
                with helper.lock, contextlib.suppress(OSError):  # died: revive() replaces it
                    if not helper.conn.closed:
                        helper.conn.send(page)
                helper.sent = version

    def revive(self) -> int:
        """Start a new helper for each one that has ended; returns how many were started."""
        with self._cond:
            if self._closing:
                return 0
            dead = [(i, h) for i, h in enumerate(self._helpers) if not h.process.is_alive()]
            for i, helper in dead:
                log.warning(
                    "web process %s ended (exit code %s); starting a new one",
                    helper.process.pid,
                    helper.process.exitcode,
                )
                self._helpers[i] = self._spawn()
            self.restarts += len(dead)
        for _, helper in dead:
            _release(helper)
        return len(dead)

    async def watch(self, every: float = CHECK_EVERY) -> None:
        """Replace helpers that died, every ``every`` seconds, until cancelled."""
        while True:
            await asyncio.sleep(every)
            await asyncio.to_thread(self.revive)

    def stop(self, timeout: float = STOP_TIMEOUT) -> None:
        """SIGTERM every helper, wait up to ``timeout`` seconds, then SIGKILL the rest."""
        with self._cond:
            self._closing = True
            helpers, self._helpers = self._helpers, []
            self._cond.notify_all()
        for helper in helpers:
            if helper.process.is_alive():
                helper.process.terminate()
        deadline = time.monotonic() + timeout
        for helper in helpers:
            helper.process.join(max(0.0, deadline - time.monotonic()))
            if helper.process.is_alive():
                log.warning(
                    "web process %s did not stop within %.0fs; killing it",
                    helper.process.pid,
                    timeout,
                )
                helper.process.kill()
                helper.process.join(timeout)
        for helper in helpers:
            _release(helper)
        if self._sender.is_alive():
            self._sender.join(timeout)


def _release(helper: _Helper) -> None:
    """Close the pipe to a helper that has ended, and reap it."""
    with helper.lock:
        helper.conn.close()
    helper.process.join(1.0)
    if helper.process.exitcode is not None:
        helper.process.close()


# --------------------------------------------------------------------------- the helper side


def serve_helper(
    settings: Settings, port: int, conn: Connection, page: News, feed_types: Mapping[str, str]
) -> None:
    """Entry point of a helper: serve the site on ``port`` until SIGTERM or the parent's end."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C: the parent stops its helpers
    logs.setup(settings.log_format)
    asyncio.run(_serve(settings, port, conn, page, feed_types))


class _Latest:
    """The newest metrics page from the parent (replaced by the receiving thread)."""

    def __init__(self, news: News) -> None:
        self.page, self.faults = news

    def __call__(self) -> MetricsPage:
        return self.page

    def receive(self, news: News) -> None:
        self.page, self.faults = news


async def _serve(
    settings: Settings, port: int, conn: Connection, page: News, feed_types: Mapping[str, str]
) -> None:
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    latest = _Latest(page)
    probe = ReadinessProbe(settings, faults=lambda: latest.faults)
    app = site_app(settings, readiness=probe, metrics=latest, feed_types=feed_types)
    runner = await web.start_server(app, settings.host, port, reuse_port=True)
    threading.Thread(
        target=_receive, args=(conn, latest, loop, stop), name="from-service", daemon=True
    ).start()
    log.info("web process %d serving %s on port %d", os.getpid(), settings.output, port)
    try:
        await stop.wait()
    finally:
        # Stopping: a second SIGTERM (the group's and the parent's) changes nothing, and the
        # loop's handler is let go while its wakeup pipe is still open (a loop closing first
        # shuts the pipe before it lets go, and a signal in between hits a closed descriptor).
        loop.remove_signal_handler(signal.SIGTERM)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        await runner.cleanup()
        probe.close()


def _receive(
    conn: Connection, latest: _Latest, loop: asyncio.AbstractEventLoop, stop: asyncio.Event
) -> None:
    """Keep the newest page the parent sends; at end of file (the parent is gone), stop."""
    while True:
        try:
            latest.receive(conn.recv())
        except (EOFError, OSError):
            break
    with contextlib.suppress(RuntimeError):  # the loop has closed: stopping already
        loop.call_soon_threadsafe(stop.set)
