"""The long-running service: APScheduler runs update cycles, aiohttp serves the site.

Update cycles run in a scheduler thread (one at a time: ``max_instances=1``, misfires
coalesce) so that serving never waits for fetching or publishing. In ``aggregator run`` the
thread hands each cycle to one long-lived cycle process (:mod:`aggregator.runtime.worker`), which
keeps its story index and parse pool between cycles and never shares a GIL with the web
server. With ``server.workers`` > 1, web helper processes answer on the same port
(:mod:`aggregator.runtime.web_pool`); the service sends them its metrics after every cycle. Under
``aggregator serve`` (no cycles) the database's counts are read at start and every 15 s.
SIGTERM/SIGINT stop the web helpers, the web server and the scheduler; a cycle still running
after the grace period is abandoned — every write is a transaction, so the database stays
consistent.
"""

from __future__ import annotations

import asyncio
import logging
import signal
import threading
from concurrent.futures import Executor
from datetime import UTC
from typing import TYPE_CHECKING

from apscheduler.schedulers.background import BackgroundScheduler

from .. import cycle as pipeline
from .. import publish, web
from ..cycle import StoryWindow, snapshot_path
from ..errors import CycleStopped, ServeError, describe
from ..fetch import Fetcher
from ..models import Settings
from ..store import Store
from .metrics import Metrics
from .readiness import Clock, ReadinessProbe, utcnow
from .web_pool import Serving, site_app

if TYPE_CHECKING:
    from aiohttp import web as aioweb
from .worker import (  # noqa: F401  (fetch_options, open_store, parse_pool: used by cli, bench)
    CycleWorker,
    LazyPool,
    cycle_stats,
    fetch_options,
    open_store,
    parse_pool,
)

log = logging.getLogger(__name__)


def cycle_log_level(report: pipeline.RunReport) -> int:
    """INFO for a cycle that did something; DEBUG for the scheduler's frequent checks that
    found no feed due and wrote nothing."""
    busy = report.feeds_due or report.published or report.publish_error
    return logging.INFO if busy else logging.DEBUG


class Service:
    def __init__(
        self,
        settings: Settings,
        *,
        clock: Clock = utcnow,
        fetcher: Fetcher | None = None,
        executor: Executor | None = None,
        isolated: bool = False,
    ) -> None:
        self.settings = settings
        self.clock = clock
        self.fetcher = fetcher or Fetcher(fetch_options(settings))
        self.executor = executor
        self.metrics = Metrics()
        self.worker = CycleWorker(settings) if isolated else None
        # kept between the cycles run in this process; saved for the next one at close
        self._stories = StoryWindow(snapshot=snapshot_path(settings.database), keep=True)
        self.cycle_done = threading.Event()
        self.cycle_done.set()
        self._store: Store | None = None
        self.faults: dict[str, str] = {}  # what went wrong in the last cycle (readiness)
        self._probe = ReadinessProbe(settings, clock, faults=lambda: self.faults)
        self.serving: Serving | None = None  # while serve() runs
        self.stopping = threading.Event()  # set by SIGTERM/SIGINT (or ``stop``)

    # ---------------------------------------------------------------- cycles

    def run_cycle(self) -> pipeline.RunReport:
        self.cycle_done.clear()
        try:
            report = self._cycle()
            self.faults = {
                k: v
                for k, v in (
                    ("store_error", report.store_error),
                    ("publish_error", report.publish_error),
                )
                if v
            }
            return report
        except Exception as exc:
            self.faults = {"cycle_error": describe(exc)}
            raise
        finally:
            if self.serving is not None:
                self.serving.publish(self.metrics.render(), self.faults)  # to web helpers
            self.cycle_done.set()

    def _cycle(self) -> pipeline.RunReport:
        if self.worker is not None:
            report, counts, last = self.worker.run(self.clock())
        else:
            if self._store is None:
                self._store = open_store(self.settings)
            report = pipeline.run_once(
                self.settings,
                self._store,
                self.fetcher,
                self.clock(),
                executor=self.executor,
                stories=self._stories,
            )
            counts, last = cycle_stats(self._store)
            self._renew_pool()
        self.metrics.observe(report, counts, last)
        log.log(
            cycle_log_level(report),
            "cycle done: %d due, %d fetched, %d not modified, %d failed, "
            "%d new entries, %d files published in %.1fs",
            report.feeds_due,
            report.fetched,
            report.not_modified,
            report.failed,
            report.new_entries,
            report.published,
            report.duration,
        )
        if report.store_error:
            log.error("the cycle could not write the database: %s", report.store_error)
        return report

    def _renew_pool(self) -> None:
        """A parse worker killed by the kernel breaks the pool; start a fresh one."""
        if isinstance(self.executor, LazyPool) and self.executor.broken:
            log.warning("parse pool broken (a worker died); starting a new one")
            self.executor.shutdown(wait=False, cancel_futures=True)

    def tick_seconds(self) -> int:
        intervals = [f.interval for f in self.settings.feeds if f.enabled] or [3600]
        return max(15, min(60, min(intervals)))

    def scheduler(self) -> BackgroundScheduler:
        sched = BackgroundScheduler(timezone=UTC)
        sched.add_job(
            self._safe_cycle,
            "interval",
            seconds=self.tick_seconds(),
            id="update-cycle",
            max_instances=1,
            coalesce=True,
            misfire_grace_time=None,
            next_run_time=self.clock(),
        )
        return sched

    def _safe_cycle(self) -> None:
        try:
            self.run_cycle()
        except CycleStopped as exc:  # SIGTERM reached the cycle: a normal stop
            log.warning("%s", exc)
        except Exception as exc:  # a bug must not stop the schedule; it is logged with its trace
            if self.stopping.is_set():  # the cycle process ended with the service
                log.warning("update cycle ended by the stop: %s", describe(exc))
            else:
                log.exception("update cycle failed")

    STORE_METRICS_SECONDS = 15  # ``serve``: how often the database's counts are read again

    def refresh_store_metrics(self) -> None:
        """``serve`` runs no cycle: read the database's counts (kept sizes and the feeds
        table, no scan) into the gauges, and send the page to the web helpers. A database
        that does not answer leaves the last counts (``/readyz`` says why)."""
        try:
            store = open_store(self.settings, create=False)
        except Exception as exc:  # not there (yet): nothing to count
            log.debug("metrics: database not read: %s", describe(exc))
            return
        try:
            self.metrics.observe_store(*cycle_stats(store))
        except Exception as exc:
            log.debug("metrics: database not read: %s", describe(exc))
        finally:
            store.close()
        if self.serving is not None:
            self.serving.publish(self.metrics.render(), self.faults)

    def store_metrics_scheduler(self) -> BackgroundScheduler:
        sched = BackgroundScheduler(timezone=UTC)
        sched.add_job(
            self.refresh_store_metrics,
            "interval",
            seconds=self.STORE_METRICS_SECONDS,
            id="store-metrics",
            max_instances=1,
            coalesce=True,
            misfire_grace_time=None,
        )
        return sched

    # ---------------------------------------------------------------- health

    def readiness(self) -> web.Readiness:
        return self._probe()

    # ---------------------------------------------------------------- serving

    def app(self) -> aioweb.Application:
        return site_app(
            self.settings,
            readiness=self.readiness,
            metrics=self.metrics.render,
            feed_types=publish.media_types(),
        )

    async def serve(
        self, *, schedule: bool, grace: float = 5.0, stop: asyncio.Event | None = None
    ) -> None:
        """Serve until SIGTERM/SIGINT (or ``stop`` is set)."""
        stop = stop or asyncio.Event()
        loop = asyncio.get_running_loop()
        previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
        for sig in previous:
            loop.add_signal_handler(sig, stop.set)
        try:
            await self._serve(schedule, grace, stop)
        finally:
            # Given back while the loop is open: a loop that closes first shuts the pipe its
            # handlers write to before it lets go of them, and a signal in between is written
            # to a closed descriptor ("Exception ignored … signal wakeup fd").
            for sig, handler in previous.items():
                loop.remove_signal_handler(sig)
                if handler is not None:
                    signal.signal(sig, handler)

    async def _serve(self, schedule: bool, grace: float, stop: asyncio.Event) -> None:
        if not schedule:  # the database's counts, before the first page is sent
            await asyncio.to_thread(self.refresh_store_metrics)
        try:
            serving = self.serving = await Serving.start(
                self.settings, self.app(), self.metrics.render
            )
        except OSError as exc:
            self.close()
            raise ServeError(
                f"cannot listen on {self.settings.host}:{self.settings.port} (server.host, "
                f"server.port or AGGREGATOR_HOST/AGGREGATOR_PORT): {exc.strerror or exc}"
            ) from exc
        log.info(
            "serving %s on http://%s:%d/ (%d processes); feeds link to %s",
            self.settings.output,
            self.settings.host,
            serving.port,
            serving.processes,
            self.settings.site.base_url,
        )
        sched = self.scheduler() if schedule else self.store_metrics_scheduler()
        if sched:
            sched.start()
        await stop.wait()
        self.stopping.set()
        log.info("stopping")
        if sched:
            sched.shutdown(wait=False)
        await serving.close()
        self.serving = None
        finished = await asyncio.to_thread(self.cycle_done.wait, grace / 2)
        if not finished and self.worker is not None:
            log.warning(
                "stopping the running update cycle (its transactions keep the database whole)"
            )
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
        self._probe.close()
        if self._store is not None and idle:
            self._stories.persist(self._store)
            self._store.close()
