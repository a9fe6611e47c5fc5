"""The parse pool of a cycle: started on first use, without holding up whoever submits."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from concurrent.futures import Future

import pytest

from aggregator.runtime import worker
from aggregator.runtime.worker import LazyPool


def test_jobs_submitted_while_the_pool_starts_return_at_once_and_run_in_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Starting the pool waits for its fork server's imports: the submitter does not (the
    fetch's event loop goes on), and every job's future follows its job, errors included."""
    started = threading.Event()
    real = worker.parse_pool

    def slow_pool(workers: int | None = None) -> worker.Executor:
        pool = real(workers)
        submit = pool.submit

        def first_slowly(fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
            if not started.is_set():
                started.set()
                time.sleep(1.0)  # the fork server importing
            return submit(fn, *args, **kwargs)

        pool.submit = first_slowly  # type: ignore[method-assign]
        return pool

    monkeypatch.setattr(worker, "parse_pool", slow_pool)
    pool = LazyPool(1)
    try:
        clock = time.perf_counter()
        jobs: list[Future[object]] = [pool.submit(divmod, n, 2) for n in range(5)]
        failing = pool.submit(divmod, 1, 0)
        assert time.perf_counter() - clock < 0.5  # none waited for the pool
        assert [job.result(timeout=60) for job in jobs] == [divmod(n, 2) for n in range(5)]
        with pytest.raises(ZeroDivisionError):
            failing.result(timeout=60)
        assert pool.submit(divmod, 7, 2).result(timeout=60) == (3, 1)  # up: straight in
    finally:
        pool.shutdown()


def test_a_pool_shut_down_while_starting_still_runs_what_was_submitted() -> None:
    pool = LazyPool(1)
    job = pool.submit(divmod, 9, 4)
    pool.shutdown(wait=True)
    assert job.result(timeout=60) == (2, 1)


def test_jobs_waiting_for_a_pool_whose_fork_server_is_gone_run_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A stop signal sent to the whole process group kills the fork server while the pool
    starts: each waiting job then runs in the submitting process, as with a broken pool,
    and the starting thread dies of no traceback."""
    release = threading.Event()

    class Gone(worker.Executor):
        def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def]
            release.wait(5)
            raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr(worker, "parse_pool", lambda workers=None: Gone())
    failures: list[object] = []
    monkeypatch.setattr(threading, "excepthook", failures.append)
    pool = LazyPool(1)
    try:
        jobs: list[Future[object]] = [pool.submit(divmod, n, 2) for n in range(3)]
        release.set()
        assert [job.result(timeout=5) for job in jobs] == [(0, 0), (0, 1), (1, 0)]
    finally:
        pool.shutdown(wait=True)
    assert failures == []


_FORKED = """
import os, sys
from concurrent.futures import ProcessPoolExecutor
from aggregator.runtime.worker import forked_pool

def loaded(names):
    return os.getpid(), all(name in sys.modules for name in names)

pool = forked_pool(2)
assert isinstance(pool, ProcessPoolExecutor), type(pool)
processes = dict(pool._processes)
assert len(processes) == 2, processes  # both forked before the call returned
pid, ok = pool.submit(loaded, ("aggregator.cycle._pipeline", "feedparser")).result(timeout=30)
assert pid in processes and pid != os.getpid()
assert ok  # inherited from this process: no fork server, no import
pool.shutdown()
print("forked")
"""


def test_a_one_shot_process_forks_its_pool_at_once_with_the_parse_modules_loaded() -> None:
    # a fresh process, as ``aggregator update`` is one: no thread runs yet
    done = subprocess.run(
        [sys.executable, "-c", _FORKED], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "forked"


def test_a_process_that_already_runs_a_thread_gets_a_lazy_pool_not_a_fork() -> None:
    from aggregator.runtime.worker import forked_pool

    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        pool = forked_pool(1)
        assert isinstance(pool, LazyPool)
        assert pool._pool is None  # started only when a body needs parsing
        pool.shutdown()
    finally:
        release.set()
        thread.join()
