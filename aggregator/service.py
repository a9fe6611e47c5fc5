"""The long-running service: APScheduler runs update cycles, aiohttp serves the site.

Update cycles run in a scheduler thread (one at a time: ``max_instances=1``, misfires
coalesce) so that serving never waits for fetching or publishing. In ``aggregator run`` the
thread hands each cycle to one long-lived cycle process (:mod:`aggregator.worker`), which
keeps its story index and parse pool between cycles and never shares a GIL with the web
server. SIGTERM/SIGINT stop the web server and the scheduler; a cycle still running after the
grace period is abandoned — every write is a transaction, so the database stays consistent.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import Executor, ProcessPoolExecutor
from datetime import datetime, timedelta, timezone
from typing import Callable

from apscheduler.schedulers.background import BackgroundScheduler

from . import pipeline, web
from .fetch import Fetcher
from .metrics import Metrics
from .models import Settings
from .parse_guard import limit_worker_memory
from .store import Store
from .story_window import StoryWindow
from .worker import CycleWorker, cycle_stats

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
                               initializer=_pool_worker, initargs=(os.getpid(),))


def _pool_worker(owner: int) -> None:
    """Initializer of a parse process: bounded memory; Ctrl-C is for the main process; and
    the process ends when ``owner`` (the process that made the pool) is gone, killed or
    not, instead of waiting for work forever."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    limit_worker_memory()
    threading.Thread(target=_watch_owner, args=(owner,), name="owner-watch",
                     daemon=True).start()


def _watch_owner(owner: int, every: float = 2.0) -> None:
    while True:
        time.sleep(every)
        try:
            os.kill(owner, 0)
        except ProcessLookupError:
            os._exit(0)
        except PermissionError:   # a different process got the pid: the owner is gone
            os._exit(0)


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


class Service:
    def __init__(self, settings: Settings, *, clock: Clock = utcnow,
                 fetcher: Fetcher | None = None, executor: Executor | None = None,
                 isolated: bool = False) -> None:
        self.settings = settings
        self.clock = clock
        self.fetcher = fetcher or Fetcher(fetch_options(settings))
        self.executor = executor
        self.metrics = Metrics()
        self.worker = CycleWorker(settings) if isolated else None
        self._stories = StoryWindow()
        self.cycle_done = threading.Event()
        self.cycle_done.set()
        self._store: Store | None = None
        self._reader: Store | None = None

    # ---------------------------------------------------------------- cycles

    def run_cycle(self) -> pipeline.RunReport:
        self.cycle_done.clear()
        try:
            if self.worker is not None:
                report, counts, last = self.worker.run(self.clock())
            else:
                if self._store is None:
                    self._store = open_store(self.settings)
                report = pipeline.run_once(self.settings, self._store, self.fetcher,
                                           self.clock(), executor=self.executor,
                                           stories=self._stories)
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
        if not finished and self.worker is not None:
            log.warning("stopping the running update cycle (its transactions keep the "
                        "database whole)")
            self.worker.terminate()
            finished = await asyncio.to_thread(self.cycle_done.wait, grace / 2)
        if not finished:
            log.warning("an update cycle was still running; abandoning it (no data is lost)")
        self.close(finished)

    def close(self, idle: bool = True) -> None:
        if self.worker is not None:
            if idle:
                self.worker.stop(timeout=2.0)
            else:
                self.worker.terminate()
        if self.executor is not None:
            self.executor.shutdown(wait=idle, cancel_futures=True)
        for store in (self._reader, self._store if idle else None):
            if store is not None:
                store.close()
