"""Several serving processes on one port (aggregator.runtime.web_pool): real processes, real
sockets.

Which process owns a listening socket is read from /proc (the socket inodes of
/proc/net/tcp in LISTEN state, matched with each process's open files), so a test can wait
until every helper listens, and can prove that a helper answers by closing the service
process's own listener first. Linux only, like SO_REUSEPORT serving itself.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Coroutine, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

import pytest

from aggregator.models import FeedSettings, Settings
from aggregator.publish import media_types
from aggregator.runtime.readiness import ReadinessProbe
from aggregator.runtime.web_pool import Serving, reuse_port_available, site_app

from ..conftest import rss, write_config

pytestmark = pytest.mark.skipif(not reuse_port_available(), reason="needs Linux SO_REUSEPORT")

T = TypeVar("T")
PAGE = (b"# the service's metrics, first page\n", "text/plain; version=0.0.4; charset=utf-8")
WAIT = 60.0  # generous: the machine may be busy; nothing here is a timing assertion


# --------------------------------------------------------------------------- helpers


def _listening_inodes(port: int) -> set[str]:
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(FileNotFoundError), open(table) as lines:
            next(lines)
            for line in lines:
                fields = line.split()
                if int(fields[1].rsplit(":", 1)[1], 16) == port and fields[3] == "0A":
                    inodes.add(fields[9])
    return inodes


def listeners(port: int) -> set[int]:
    """The pids of the processes with a socket listening on ``port``."""
    wanted = {f"socket:[{inode}]" for inode in _listening_inodes(port)}
    return {
        int(entry) for entry in os.listdir("/proc") if entry.isdigit() and _holds(entry, wanted)
    }


def _holds(pid: str, wanted: set[str]) -> bool:
    """Whether process ``pid`` has one of the ``wanted`` sockets open.

    Each descriptor is read on its own: one that closes between the listing and the read
    (the listing's own directory descriptor, in this very process) must not hide the rest.
    """
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return False
    for fd in fds:
        try:
            if os.readlink(f"/proc/{pid}/fd/{fd}") in wanted:
                return True
        except OSError:
            continue
    return False


def running(pid: int) -> bool:
    """False once the process has exited (a zombie waiting for its parent counts as exited)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def wait_until(check: Callable[[], T], what: str, timeout: float = WAIT) -> T:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            result = check()
            if result:
                return result
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def get(port: int, path: str) -> tuple[int, dict[str, str], bytes]:
    """One request on a fresh connection."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as resp:
            return resp.status, dict(resp.headers), resp.read()
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, dict(exc.headers), exc.read()


class Loop:
    """An event loop in a thread, for the parts that are coroutines."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(WAIT)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(WAIT)
        self.loop.run_until_complete(self.loop.shutdown_default_executor())
        self.loop.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    site = tmp_path / "site"
    site.mkdir()
    (site / "feed.atom").write_text("<feed xmlns='http://www.w3.org/2005/Atom'/>\n")
    feed = tmp_path / "a.xml"
    feed.write_text(rss("A", [{"title": "Acme raises $10M", "link": "https://a.example/1"}]))
    return Settings(
        database=tmp_path / "db" / "a.db",
        output=site,
        host="127.0.0.1",
        port=0,
        feeds=(FeedSettings("A", path=feed),),
        web_workers=3,
    )


@contextlib.contextmanager
def serving(settings: Settings) -> Iterator[tuple[Loop, Serving]]:
    """Serving.start as the service calls it, with a readiness probe and a fixed page."""
    loop = Loop()
    probe = ReadinessProbe(settings)

    async def start() -> Serving:
        app = site_app(settings, readiness=probe, metrics=lambda: PAGE, feed_types=media_types())
        return await Serving.start(settings, app, lambda: PAGE)

    try:
        served = loop.run(start())
        try:
            yield loop, served
        finally:
            loop.run(served.close())
    finally:
        probe.close()
        loop.close()


def all_listening(served: Serving) -> set[int]:
    assert served.pool is not None
    expected = {os.getpid(), *served.pool.pids}
    # every one of them listens; a process another test forks at that moment may hold the
    # socket for an instant too (it is gone by the exact checks made after this)
    return wait_until(
        lambda: expected <= listeners(served.port) and expected, f"{expected} to listen"
    )


def close_own_listener(loop: Loop, served: Serving) -> int:
    """Stop this process listening (it keeps its pool): new connections reach helpers only."""
    port = served.port
    (site,) = served.runner.sites
    loop.run(site.stop())
    wait_until(lambda: os.getpid() not in listeners(port), "the service's listener to close")
    return port


# --------------------------------------------------------------------------- in-process pool

STABLE = ("ETag", "Last-Modified", "Content-Type", "Cache-Control", "Content-Length")


def same_answer(
    a: tuple[int, dict[str, str], bytes],
    b: tuple[int, dict[str, str], bytes],
) -> bool:
    return a[0] == b[0] and a[2] == b[2] and all(a[1].get(h) == b[1].get(h) for h in STABLE)


def test_helpers_bind_the_port_the_service_got_and_serve_it(settings: Settings) -> None:
    with serving(settings) as (loop, served):
        assert served.processes == 3 and served.pool is not None
        helpers = set(served.pool.pids)
        assert len(helpers) == 2 and os.getpid() not in helpers
        all_listening(served)  # port 0: the helpers joined the port we got
        ours = get(served.port, "/feed.atom")
        assert ours[0] == 200 and b"<feed" in ours[2]
        port = close_own_listener(loop, served)
        assert wait_until(lambda: listeners(port) == helpers, "the helpers alone to listen")
        for _ in range(20):  # fresh connections: helpers only
            assert same_answer(get(port, "/feed.atom"), ours)
            assert get(port, "/healthz")[0] == 200
        assert get(port, "/nothing-here")[0] == 404


def test_metrics_a_helper_shows_are_what_the_service_sent(settings: Settings) -> None:
    with serving(replace(settings, web_workers=2)) as (loop, served):
        all_listening(served)
        port = close_own_listener(loop, served)
        status, headers, body = get(port, "/metrics")
        assert (status, body, headers["Content-Type"]) == (200, PAGE[0], PAGE[1])
        assert headers["Cache-Control"] == "no-store"
        for n in range(3):
            page = (f"aggregator_cycles_total {n + 1}.0\n".encode(), PAGE[1])
            served.publish(page)
            wait_until(lambda body=page[0]: get(port, "/metrics")[2] == body, f"page {n + 1}")


def test_readyz_of_a_helper_agrees_with_the_service(settings: Settings) -> None:
    from aggregator.runtime.service import Service
    from aggregator.store import open_store

    open_store(settings).close()  # as `aggregator run` does before serving
    with serving(replace(settings, web_workers=2)) as (loop, served):
        all_listening(served)
        port = close_own_listener(loop, served)
        status, _, body = get(port, "/readyz")
        assert status == 503
        assert json.loads(body)["reason"] == "no update cycle has completed"
        service = Service(settings)
        try:
            assert service.run_cycle().failed == 0  # the first update cycle: now ready
            ours = service.readiness()
        finally:
            service.close()
        assert ours.ready
        status, _, body = get(port, "/readyz")
        theirs = json.loads(body)
        assert status == 200
        assert {k: v for k, v in theirs.items() if k != "last_cycle_age_seconds"} == {
            k: v for k, v in ours.detail.items() if k != "last_cycle_age_seconds"
        }


def test_the_service_sends_its_metrics_after_every_cycle(settings: Settings) -> None:
    from aggregator.runtime.service import Service

    service = Service(replace(settings, web_workers=2))

    async def scenario() -> tuple[bytes, bytes]:
        stop = asyncio.Event()
        task = asyncio.create_task(service.serve(schedule=False, stop=stop))
        try:
            while service.serving is None:
                await asyncio.sleep(0.05)
            served = service.serving
            await asyncio.to_thread(all_listening, served)
            port = served.port
            (site,) = served.runner.sites
            await site.stop()  # from here on, the helper answers
            await asyncio.to_thread(
                wait_until,
                lambda: os.getpid() not in listeners(port),
                "the service's listener to close",
            )
            before = (await asyncio.to_thread(get, port, "/metrics"))[2]
            await asyncio.to_thread(service.run_cycle)
            after = service.metrics.render()[0]
            await asyncio.to_thread(
                wait_until,
                lambda: get(port, "/metrics")[2] == after,
                "the helper to show the metrics after the cycle",
            )
            return before, after
        finally:
            stop.set()
            await task

    before, after = asyncio.run(scenario())
    assert b"aggregator_cycles_total 0.0" in before
    assert b"aggregator_cycles_total 1.0" in after and b'outcome="ok"' in after
    assert service.serving is None


def test_serve_gives_the_signals_back_before_the_loop_closes(settings: Settings) -> None:
    """A loop closing with its signal handlers still set shuts their wakeup pipe first: a
    SIGTERM in between is written to a closed descriptor. ``serve`` lets go of them itself."""
    import signal

    from aggregator.runtime.service import Service

    service = Service(replace(settings, web_workers=1))

    async def scenario() -> None:
        before = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
        stop = asyncio.Event()
        task = asyncio.create_task(service.serve(schedule=False, stop=stop))
        while service.serving is None:
            await asyncio.sleep(0.05)
        during = signal.getsignal(signal.SIGTERM)
        stop.set()
        await task
        assert during is not before[signal.SIGTERM]  # serve had its own handler
        assert {sig: signal.getsignal(sig) for sig in before} == before  # the loop still open

    asyncio.run(scenario())


def test_a_helper_that_dies_is_replaced(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    with (
        caplog.at_level(logging.WARNING, logger="aggregator.runtime.web_pool"),
        serving(replace(settings, web_workers=2)) as (loop, served),
    ):
        assert served.pool is not None
        all_listening(served)
        port = close_own_listener(loop, served)
        (victim,) = served.pool.pids
        os.kill(victim, signal.SIGKILL)
        (heir,) = wait_until(
            lambda: [p for p in served.pool.pids if p != victim] if served.pool else [],
            "a new helper",
        )
        wait_until(lambda: listeners(port) == {heir}, "the new helper to listen")
        assert get(port, "/healthz")[0] == 200 and served.pool.restarts == 1
        assert get(port, "/metrics")[2] == PAGE[0]  # it started with the last page
    assert f"web process {victim} ended (exit code -9)" in caplog.text


def test_helpers_stop_when_serving_closes(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    with (
        caplog.at_level(logging.WARNING, logger="aggregator.runtime.web_pool"),
        serving(settings) as (_loop, served),
    ):
        assert served.pool is not None
        helpers = set(served.pool.pids)
        all_listening(served)
        port = served.port
    assert not any(running(pid) for pid in helpers)
    assert listeners(port) == set()
    assert caplog.records == []  # SIGTERM was enough: none had to be killed


def test_a_port_someone_listens_on_is_refused(settings: Settings) -> None:
    """SO_REUSEPORT would let a second server share the port silently; it must fail instead."""
    with serving(settings) as (_loop, served):
        taken = replace(settings, port=served.port)
        with pytest.raises(OSError, match="in use"), serving(taken):
            pass
        assert served.pool is not None and listeners(served.port) >= {os.getpid()}


def test_without_so_reuseport_one_process_serves(
    settings: Settings, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.delattr(socket, "SO_REUSEPORT")
    with (
        caplog.at_level(logging.WARNING, logger="aggregator.runtime.web_pool"),
        serving(settings) as (_loop, served),
    ):
        assert served.pool is None and served.processes == 1
        assert get(served.port, "/healthz")[0] == 200
        assert listeners(served.port) == {os.getpid()}
    warnings = [r for r in caplog.records if "SO_REUSEPORT is not available" in r.getMessage()]
    assert len(warnings) == 1


def test_helper_modules_stay_light() -> None:
    """A helper imports its own module, plus the parent's main script when the service was
    started by the ``aggregator`` script (``from aggregator.runtime.cli import main``): neither may
    bring in the pipeline, the scheduler or the stages behind them."""
    code = (
        "import sys, aggregator.runtime.cli, aggregator.runtime.web_pool; "
        "print(' '.join(sorted(sys.modules)))"
    )
    loaded = set(
        subprocess.run(
            [sys.executable, "-c", code], check=True, capture_output=True, text=True
        ).stdout.split()
    )
    heavy = {
        "aggregator.cycle",
        "aggregator.runtime.service",
        "aggregator.runtime.worker",
        "aggregator.stories",
        "aggregator.deals",
        "aggregator.publish",
        "aggregator.fetch",
        "aggregator.parse",
        "apscheduler",
        "feedparser",
        "feedgen",
        "httpx",
    }
    assert "aggregator.runtime.web_pool" in loaded and loaded & heavy == set()


# --------------------------------------------------------------------------- the real service


def _settled(port: int, workers: int) -> set[int] | None:
    """The listening pids once ``workers`` of them are seen twice in a row (a process forked
    a moment ago holds the socket too, until it execs or exits)."""
    first = listeners(port)
    if len(first) != workers:
        return None
    time.sleep(0.2)
    return first if listeners(port) == first else None


@contextlib.contextmanager
def aggregator_serve(
    tmp_path: Path,
    workers: int = 2,
) -> Iterator[tuple[subprocess.Popen[bytes], int, set[int]]]:
    """`aggregator serve` in its own session; yields (process, port, helper pids)."""
    port = free_port()
    config = write_config(
        tmp_path, [], server={"host": "127.0.0.1", "port": port, "workers": workers}
    )
    log_path = tmp_path / "serve.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "aggregator", "--config", str(config), "serve"],
            stdout=log,
            stderr=log,
            start_new_session=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
    helpers: set[int] = set()
    try:
        pids = wait_until(lambda: _settled(port, workers), f"{workers} processes to listen")
        assert proc.pid in pids
        helpers = pids - {proc.pid}
        yield proc, port, helpers
    finally:
        for pid in (proc.pid, *helpers):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        proc.wait()
        print(log_path.read_text())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_sigterm_stops_the_service_and_its_helpers(tmp_path: Path) -> None:
    with aggregator_serve(tmp_path, workers=3) as (proc, port, helpers):
        assert len(helpers) == 2
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=WAIT) == 0
        assert not any(running(pid) for pid in helpers)  # reaped by the service
        assert listeners(port) == set()


def test_ctrl_c_stops_everything_in_order(tmp_path: Path) -> None:
    """SIGINT reaches the whole process group: helpers ignore it; the service stops them."""
    with aggregator_serve(tmp_path) as (proc, port, helpers):
        (helper,) = helpers
        os.kill(helper, signal.SIGINT)
        assert get(port, "/healthz")[0] == 200
        assert running(helper) and helper in listeners(port)
        os.killpg(proc.pid, signal.SIGINT)
        assert proc.wait(timeout=WAIT) == 0
        assert not running(helper)
    log = (tmp_path / "serve.log").read_text()
    assert "Traceback" not in log and "KeyboardInterrupt" not in log


def test_helpers_end_when_the_service_is_killed(tmp_path: Path) -> None:
    with aggregator_serve(tmp_path, workers=3) as (proc, port, helpers):
        proc.kill()
        proc.wait()
        wait_until(lambda: not any(running(pid) for pid in helpers), "the helpers to exit")
        assert listeners(port) == set()


def test_a_second_service_on_the_same_port_stops_with_a_clear_error(tmp_path: Path) -> None:
    for name in ("first", "second"):
        (tmp_path / name).mkdir()
    with aggregator_serve(tmp_path / "first") as (proc, port, helpers):
        config = write_config(tmp_path / "second", [], server={"host": "127.0.0.1", "port": port})
        second = subprocess.run(
            [sys.executable, "-m", "aggregator", "--config", str(config), "serve"],
            capture_output=True,
            text=True,
            timeout=WAIT,
        )
        assert second.returncode == 1
        assert f"cannot listen on 127.0.0.1:{port}" in second.stderr
        assert "server.port" in second.stderr and "Traceback" not in second.stderr
        assert get(port, "/healthz")[0] == 200  # the first one serves on
        assert listeners(port) == {proc.pid, *helpers}


def test_a_helper_answers_not_ready_with_the_faults_the_service_sent(settings: Settings) -> None:
    """The service's last cycle failed to write the database: the database cannot say so,
    the service tells its helpers, and their /readyz agrees."""
    from aggregator.runtime.service import Service
    from aggregator.store import open_store

    open_store(settings).close()
    service = Service(settings)
    try:
        assert service.run_cycle().failed == 0
    finally:
        service.close()
    with serving(replace(settings, web_workers=2)) as (loop, served):
        all_listening(served)
        port = close_own_listener(loop, served)
        assert get(port, "/readyz")[0] == 200
        served.publish(PAGE, {"store_error": "db: write failed: database or disk is full"})
        wait_until(lambda: get(port, "/readyz")[0] == 503, "not ready")
        detail = json.loads(get(port, "/readyz")[2])
        assert "disk is full" in detail["store_error"]
        served.publish(PAGE, {})
        wait_until(lambda: get(port, "/readyz")[0] == 200, "ready again")
