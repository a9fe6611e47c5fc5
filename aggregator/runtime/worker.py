"""The processes that run update cycles: the parse pool, and the cycle process of
``aggregator run`` (update cycles away from the web server's GIL).

One long-lived child process runs every cycle the scheduler asks for and keeps, between
cycles, what is costly to rebuild: its database connection, its parse pool and the story
index of the recent window (:class:`~aggregator.cycle.StoryWindow`). The web server's
process only sends a time and receives the cycle's report.

If the child dies (killed, out of memory), the cycle in progress fails with a clear error and
the next one starts a fresh child, which loads the story window again; nothing stored is lost
(every write is a transaction). The child runs at a lower CPU priority (``nice`` +10, and
so does its parse pool): when both want the CPU, serving readers wins over updating. After a
cycle that left the child larger than ``rss_limit`` bytes, the child exits and the next cycle
starts a fresh one, so a big cold start does not pin its memory for the life of the service.
A parse worker ends by itself once the process that made its pool is gone.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import logging
import multiprocessing
import os
import signal
import threading
import time
import traceback
from collections.abc import Callable
from concurrent.futures import CancelledError, Executor, Future, ProcessPoolExecutor
from datetime import datetime
from typing import Any, ParamSpec, TypeVar

from .. import cycle as pipeline
from ..cycle import StoryWindow, snapshot_path
from ..errors import CycleStopped
from ..fetch import Fetcher, FetchOptions
from ..models import Settings, StoryQuery
from ..parse import limit_worker_memory
from ..store import Store, open_store

P = ParamSpec("P")
T = TypeVar("T")

log = logging.getLogger(__name__)

RSS_LIMIT = 512 * 2**20
NICENESS = 10  # the cycle process yields the CPU to the web server
# --------------------------------------------------------------------------- the parse pool


def fetch_options(settings: Settings) -> FetchOptions:
    return FetchOptions(
        max_body_bytes=settings.max_body_bytes,
        max_redirects=settings.max_redirects,
        allow_private_networks=settings.allow_private_networks,
        concurrency=settings.concurrency,
        per_host=settings.per_host,
        connect_timeout=settings.connect_timeout,
        read_timeout=settings.read_timeout,
    )


# What the fork server of a parse pool imports before it forks a worker: the parse job and
# everything it reads with (feedparser, the deal reader and its compiled patterns), once,
# instead of once in every worker as it unpickles its first job (about 1.5 s of CPU each).
POOL_PRELOAD = ("__main__", "aggregator.cycle._pipeline")


def parse_pool(workers: int | None = None) -> ProcessPoolExecutor:
    """A process pool for feedparser (pure Python: processes, not threads, use both cores)."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(list(POOL_PRELOAD))
    return ProcessPoolExecutor(
        max_workers=workers or os.cpu_count() or 2,
        mp_context=context,
        initializer=_pool_worker,
        initargs=(os.getpid(),),
    )


def forked_pool(workers: int | None = None) -> Executor:
    """The parse pool of a one-shot process (``aggregator update``): its workers forked from
    this process at once, before any thread or database connection exists, so each starts
    with the modules the process has already imported (the parse job, feedparser, the deal
    reader's compiled patterns) instead of waiting for a fork server to import them (about
    1.2 s of CPU, at the first new body of the cycle). A process that already runs a thread
    (where a fork could copy a held lock), or a platform without ``fork``, gets a
    :class:`LazyPool` instead."""
    if "fork" not in multiprocessing.get_all_start_methods() or threading.active_count() > 1:
        return LazyPool(workers)
    for module in POOL_PRELOAD[1:]:
        importlib.import_module(module)
    pool = ProcessPoolExecutor(
        max_workers=workers or os.cpu_count() or 2,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_pool_worker,
        initargs=(os.getpid(),),
    )
    pool.submit(os.getpid).result()  # a fork-started pool forks all its workers at once
    return pool


def _pool_worker(owner: int) -> None:
    """Initializer of a parse process: bounded memory; Ctrl-C is for the main process; and
    the process ends when ``owner`` (the process that made the pool) is gone, killed or
    not, instead of waiting for work forever."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    limit_worker_memory()
    threading.Thread(target=_watch_owner, args=(owner,), name="owner-watch", daemon=True).start()


def _watch_owner(owner: int, every: float = 2.0) -> None:
    while True:
        time.sleep(every)
        try:
            os.kill(owner, 0)
        except (ProcessLookupError, PermissionError):  # gone (or its pid reused)
            os._exit(0)


class LazyPool(Executor):
    """A parse pool started on first use: a cycle where every feed answers 304 starts none.

    Starting it waits for its fork server to import the parse job's modules
    (``POOL_PRELOAD``): that wait is a thread's of its own, never the submitter's (the
    fetch's event loop submits each body as it arrives and goes on fetching). Jobs submitted
    meanwhile are handed to the pool, in order, once it is up; each returns a future that
    follows its job's.
    """

    def __init__(self, workers: int | None = None) -> None:
        self.workers = workers
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self._waiting: list[tuple[Future[Any], Callable[..., Any], Any, Any]] | None = None
        self._starter: threading.Thread | None = None

    def submit(self, fn: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> Future[T]:
        with self._lock:
            if self._pool is None:
                self._pool = parse_pool(self.workers)
                self._waiting = []
                self._starter = threading.Thread(
                    target=self._start,
                    args=(self._pool, self._waiting),
                    name="parse-pool-start",
                    daemon=True,
                )
                self._starter.start()
            if self._waiting is not None:
                outer: Future[T] = Future()
                self._waiting.append((outer, fn, args, kwargs))
                return outer
            pool = self._pool
        return pool.submit(fn, *args, **kwargs)

    def _start(
        self, pool: Executor, waiting: list[tuple[Future[Any], Callable[..., Any], Any, Any]]
    ) -> None:
        with contextlib.suppress(Exception):  # a pool that cannot start fails each job
            pool.submit(os.getpid).result()
        with self._lock:
            if self._waiting is waiting:  # (not a later pool's, after a shutdown)
                self._waiting = None
            jobs = list(waiting)
            waiting.clear()
        for outer, fn, args, kwargs in jobs:
            if not outer.set_running_or_notify_cancel():
                continue
            try:
                inner = pool.submit(fn, *args, **kwargs)
            except (RuntimeError, OSError):  # broken, shut down, or its fork server gone
                # (a stop signal to the whole process group): the job runs here, as inline
                try:
                    outer.set_result(fn(*args, **kwargs))
                except BaseException as exc:
                    outer.set_exception(exc)
                continue
            inner.add_done_callback(functools.partial(_follow, outer))

    @property
    def broken(self) -> bool:
        # (the pool's own flag: a message once a process of it died, else False)
        return self._pool is not None and bool(self._pool._broken)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        with self._lock:
            pool, starter, self._pool, self._starter = self._pool, self._starter, None, None
            if cancel_futures:
                for outer, *_ in self._waiting or ():
                    outer.cancel()
            self._waiting = None
        if starter is not None and (wait or not cancel_futures):
            starter.join()  # every job submitted is in the pool before it shuts down
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=cancel_futures)


def _follow(outer: Future[Any], inner: Future[Any]) -> None:
    """``outer`` ends as ``inner`` did."""
    if inner.cancelled():
        outer.set_exception(CancelledError())
    elif (exc := inner.exception()) is not None:
        outer.set_exception(exc)
    else:
        outer.set_result(inner.result())


# --------------------------------------------------------------------------- cycles

CycleResult = tuple[pipeline.RunReport, dict[str, int], dict[str, float]]


def cycle_stats(store: Store) -> tuple[dict[str, int], dict[str, float]]:
    """Counts for /metrics, and each feed's last success time."""
    counts = {
        "entries": store.entry_count(),
        "stories": store.count_stories(StoryQuery()),  # kept sizes: no scan
        "deals": store.count_stories(StoryQuery(deals_only=True)),
        **{f"deliveries_{status}": n for status, n in store.delivery_counts().items()},
    }
    last = {
        s.name: s.last_success_at.timestamp()
        for s in store.feed_states(counts=False)
        if s.last_success_at
    }
    return counts, last


def current_rss() -> int:
    """This process's resident memory in bytes (0 where /proc is missing)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _unwind(signum: int, frame: object) -> None:
    raise SystemExit(0)


def _lower_priority(step: int) -> None:
    """Let the web server win the CPU when both want it (the parse pool inherits this)."""
    try:
        os.nice(step)
    except OSError as exc:  # not allowed here: cycles run at the same priority
        log.info("cycle process keeps its CPU priority: %s", exc)


def serve_cycles(settings: Settings, conn: Any, rss_limit: int = RSS_LIMIT) -> None:
    """Entry point of the child: run a cycle for every time received, until None or EOF."""
    from . import logs

    logs.setup(settings.log_format)
    _lower_priority(NICENESS)
    # Ctrl-C reaches the whole process group: the parent handles it and stops this process.
    # SIGTERM (the parent's terminate(), or a supervisor signalling the whole group) unwinds:
    # the running transaction rolls back and the parse pool is shut down.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _unwind)
    pool = LazyPool()
    # kept in memory between cycles, saved for the next cycle process when this one stops
    stories = StoryWindow(snapshot=snapshot_path(settings.database), keep=True)
    fetcher = Fetcher(fetch_options(settings))
    try:
        with open_store(settings, create=False) as store:  # the service made it at start
            while True:
                try:
                    now = conn.recv()
                except EOFError:
                    break
                if now is None:
                    break
                try:
                    report = pipeline.run_once(
                        settings, store, fetcher, now, executor=pool, stories=stories
                    )
                    conn.send(("ok", (report, *cycle_stats(store))))
                except SystemExit:  # SIGTERM mid-cycle: say so, then unwind
                    with contextlib.suppress(OSError):
                        conn.send(("stopped", "stopped by SIGTERM"))
                    raise
                except Exception as exc:  # reported to the parent; the child goes on
                    stories.invalidate()
                    log.exception("update cycle failed")
                    conn.send(
                        ("error", f"{type(exc).__name__}: {exc}", traceback.format_exc(limit=3))
                    )
                if pool.broken:
                    log.warning("parse pool broken (a worker died); starting a new one")
                    pool.shutdown(wait=False, cancel_futures=True)
                if rss_limit and current_rss() > rss_limit:
                    log.info(
                        "cycle process at %d MiB; a fresh one takes the next cycle",
                        current_rss() // 2**20,
                    )
                    break
            stories.persist(store)  # the next cycle process starts from this index
    finally:
        pool.shutdown(wait=True)
        conn.close()


class CycleWorker:
    """The parent's handle on the cycle process (started on first use, restarted if gone)."""

    def __init__(self, settings: Settings, rss_limit: int = RSS_LIMIT) -> None:
        self.settings = settings
        self.rss_limit = rss_limit
        self.process: multiprocessing.process.BaseProcess | None = None
        self._conn: Any = None
        self.started = 0  # processes started so far

    def run(self, now: datetime) -> CycleResult:
        """Run one cycle in the child and return its report and counts."""
        if self.process is None or not self.process.is_alive():
            self._start()
        assert self.process is not None
        try:
            self._conn.send(now)
            answer = self._conn.recv()
        except (EOFError, OSError, BrokenPipeError) as exc:
            code = self._reap()
            raise RuntimeError(f"update cycle process ended with code {code}") from exc
        if answer[0] == "stopped":
            self._reap()
            raise CycleStopped(f"update cycle {answer[1]}; its open transaction rolled back")
        if answer[0] == "error":
            raise RuntimeError(f"update cycle failed: {answer[1]}")
        return answer[1]  # type: ignore[no-any-return]

    def _start(self) -> None:
        self._reap()
        ctx = multiprocessing.get_context("forkserver")
        parent, child = ctx.Pipe(duplex=True)
        process = ctx.Process(
            target=serve_cycles,
            args=(self.settings, child, self.rss_limit),
            name="aggregator-cycle",
        )
        process.start()
        child.close()
        self.process, self._conn = process, parent
        self.started += 1

    def _reap(self) -> int | None:
        """Forget a child that ended (or is ending); its exit code."""
        process, self.process = self.process, None
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if process is None:
            return None
        process.join(timeout=5)
        return process.exitcode

    def terminate(self) -> None:
        """Stop a cycle in progress now (SIGTERM to the child)."""
        if self.process is not None and self.process.is_alive():
            self.process.terminate()

    def stop(self, timeout: float = 5.0) -> None:
        """Ask an idle child to finish, and wait for it (terminated after ``timeout``)."""
        process = self.process
        if process is None:
            return
        try:
            self._conn.send(None)
        except (OSError, BrokenPipeError):
            pass
        process.join(timeout)
        if process.is_alive():
            process.terminate()
            process.join(timeout)
        self._reap()


__all__ = [
    "CycleWorker",
    "LazyPool",
    "cycle_stats",
    "fetch_options",
    "open_store",
    "parse_pool",
    "serve_cycles",
]
