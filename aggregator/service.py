"""The long-running service: APScheduler runs update cycles, aiohttp serves the site.

Update cycles run in a scheduler thread (one at a time: ``max_instances=1``, misfires
coalesce) so that serving never waits for fetching or publishing; parsing runs in a process
pool. SIGTERM/SIGINT stop the web server and the scheduler; a cycle still running after the
grace period is abandoned — every write is a transaction, so the database stays consistent.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
import threading
from concurrent.futures import Executor, ProcessPoolExecutor
from datetime import datetime, timedelta, timezone
from typing import Any, Callable

from apscheduler.schedulers.background import BackgroundScheduler

from . import pipeline, web
from .fetch import Fetcher
from .metrics import Metrics
from .models import Settings
from .parse_guard import limit_worker_memory
from .store import Store

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def fetch_options(settings: Settings):  # type: ignore[no-untyped-def]
    from .fetch import FetchOptions
    return FetchOptions(
        max_body_bytes=settings.max_body_bytes, max_redirects=settings.max_redirects,
        allow_private_networks=settings.allow_private_networks,
        concurrency=settings.concurrency, per_host=settings.per_host,
        connect_timeout=settings.connect_timeout, read_timeout=settings.read_timeout)


def parse_pool(workers: int | None = None) -> Executor:
    """A process pool for feedparser (pure Python: processes, not threads, use both cores)."""
    return ProcessPoolExecutor(max_workers=workers or os.cpu_count() or 2,
                               mp_context=multiprocessing.get_context("forkserver"),
                               initializer=limit_worker_memory)


class LazyPool(Executor):
    """A parse pool started on first use: a cycle where every feed answers 304 starts none."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers
        self._pool: Executor | None = None

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        if self._pool is None:
            self._pool = parse_pool(self.workers)
        return self._pool.submit(fn, *args, **kwargs)

    @property
    def broken(self) -> bool:
        return bool(getattr(self._pool, "_broken", False))

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=wait, cancel_futures=cancel_futures)
            self._pool = None


def open_store(settings: Settings) -> Store:
    return Store(settings.database, id_authority=settings.site.id_authority)


CycleResult = tuple[pipeline.RunReport, dict[str, int], dict[str, float]]


def cycle_stats(store: Store) -> tuple[dict[str, int], dict[str, float]]:
    """Counts for /metrics, and each feed's last success time."""
    counts = {
        "entries": store.entry_count(),
        "stories": int(store.scalar("SELECT count(*) FROM stories WHERE merged_into IS NULL")),
        "deals": int(store.scalar("SELECT count(*) FROM stories WHERE merged_into IS NULL "
                                  "AND deal_type IS NOT NULL")),
    }
    last = {s.name: s.last_success_at.timestamp() for s in store.feed_states()
            if s.last_success_at}
    return counts, last


def child_cycle(settings: Settings, now: datetime, sender: Any) -> None:
    """Entry point of the cycle process: one run_once with its own store, client and pool."""
    from . import logs
    logs.setup(settings.log_format)
    pool = LazyPool()
    try:
        with open_store(settings) as store:
            report = pipeline.run_once(settings, store, Fetcher(fetch_options(settings)), now,
                                       executor=pool)
            sender.send((report, *cycle_stats(store)))
    finally:
        pool.shutdown(wait=True)
        sender.close()


class Service:
    def __init__(self, settings: Settings, *, clock: Clock = utcnow,
                 fetcher: Fetcher | None = None, executor: Executor | None = None,
                 isolated: bool = False) -> None:
        self.settings = settings
        self.clock = clock
        self.fetcher = fetcher or Fetcher(fetch_options(settings))
        self.executor = executor
        self.metrics = Metrics()
        self.isolated = isolated
        self._child: multiprocessing.process.BaseProcess | None = None
        self.cycle_done = threading.Event()
        self.cycle_done.set()
        self._store: Store | None = None
        self._reader: Store | None = None

    # ---------------------------------------------------------------- cycles

    def run_cycle(self) -> pipeline.RunReport:
        self.cycle_done.clear()
        try:
            if self.isolated:
                report, counts, last = self._cycle_in_child()
            else:
                if self._store is None:
                    self._store = open_store(self.settings)
                report = pipeline.run_once(self.settings, self._store, self.fetcher,
                                           self.clock(), executor=self.executor)
                counts, last = cycle_stats(self._store)
                self._renew_pool()
            self.metrics.observe(report, counts, last)
            log.info("cycle done: %d due, %d fetched, %d not modified, %d failed, "
                     "%d new entries, %d files published in %.1fs", report.feeds_due,
                     report.fetched, report.not_modified, report.failed, report.new_entries,
                     report.published, report.duration)
            return report
        finally:
            self.cycle_done.set()

    def _renew_pool(self) -> None:
        """A parse worker killed by the kernel breaks the pool; start a fresh one."""
        if isinstance(self.executor, LazyPool) and self.executor.broken:
            log.warning("parse pool broken (a worker died); starting a new one")
            self.executor.shutdown(wait=False, cancel_futures=True)

    def _cycle_in_child(self) -> CycleResult:
        """One cycle in a child process: the web server's process never waits on the GIL."""
        ctx = multiprocessing.get_context("forkserver")
        receiver, sender = ctx.Pipe(duplex=False)
        child = ctx.Process(target=child_cycle, args=(self.settings, self.clock(), sender),
                            name="aggregator-cycle")
        child.start()
        sender.close()
        self._child = child
        try:
            result: CycleResult = receiver.recv()
        except EOFError as exc:
            child.join()
            raise RuntimeError(f"update cycle process ended with code {child.exitcode}") from exc
        finally:
            receiver.close()
            self._child = None
        child.join()
        return result

    def tick_seconds(self) -> int:
        intervals = [f.interval for f in self.settings.feeds if f.enabled] or [3600]
        return max(15, min(60, min(intervals)))

    def scheduler(self) -> BackgroundScheduler:
        sched = BackgroundScheduler(timezone=timezone.utc)
        sched.add_job(self._safe_cycle, "interval", seconds=self.tick_seconds(),
                      id="update-cycle", max_instances=1, coalesce=True,
                      misfire_grace_time=None, next_run_time=self.clock())
        return sched

    def _safe_cycle(self) -> None:
        try:
            self.run_cycle()
        except Exception:  # a bug must not stop the schedule; it is logged with its trace
            log.exception("update cycle failed")

    # ---------------------------------------------------------------- health

    def readiness(self) -> web.Readiness:
        try:
            if self._reader is None:
                self._reader = open_store(self.settings)
            self._reader.scalar("SELECT 1")
            last = self._reader.last_run()
        except Exception as exc:  # the database does not answer: not ready
            return web.Readiness(False, {"database": f"error: {exc}"})
        detail: dict[str, object] = {"database": "ok", "last_cycle": last and last["finished_at"]}
        if last is None:
            return web.Readiness(False, {**detail, "reason": "no update cycle has completed"})
        age = self.clock() - datetime.fromisoformat(last["finished_at"])
        detail["last_cycle_age_seconds"] = int(age.total_seconds())
        if last.get("publish_error"):
            return web.Readiness(False, {**detail, "publish_error": last["publish_error"]})
        if age > timedelta(seconds=self.settings.readiness_max_age):
            return web.Readiness(False, {**detail, "reason": "last update cycle is too old"})
        return web.Readiness(True, detail)

    # ---------------------------------------------------------------- serving

    def app(self):  # type: ignore[no-untyped-def]
        self.settings.output.mkdir(parents=True, exist_ok=True)
        return web.make_app(self.settings.output, readiness=self.readiness,
                            metrics=self.metrics.render, archive_max_age=365 * 24 * 3600)

    async def serve(self, *, schedule: bool, grace: float = 5.0,
                    stop: asyncio.Event | None = None) -> None:
        """Serve until SIGTERM/SIGINT (or ``stop`` is set)."""
        stop = stop or asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        runner = await web.start_server(self.app(), self.settings.host, self.settings.port)
        log.info("serving %s on http://%s:%d/", self.settings.output, self.settings.host,
                 web.bound_port(runner))
        sched = self.scheduler() if schedule else None
        if sched:
            sched.start()
        await stop.wait()
        log.info("stopping")
        if sched:
            sched.shutdown(wait=False)
        await runner.cleanup()
        finished = await asyncio.to_thread(self.cycle_done.wait, grace / 2)
        child = self._child
        if not finished and child is not None and child.is_alive():
            log.warning("stopping the running update cycle (its transactions keep the "
                        "database whole)")
            child.terminate()
            finished = await asyncio.to_thread(self.cycle_done.wait, grace / 2)
        if not finished:
            log.warning("an update cycle was still running; abandoning it (no data is lost)")
        self.close(finished)

    def close(self, idle: bool = True) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=idle, cancel_futures=True)
        for store in (self._reader, self._store if idle else None):
            if store is not None:
                store.close()
