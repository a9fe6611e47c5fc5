"""Scenario 3: serving /feed.atom with wrk, next to nginx, idle and while update cycles run.

Our side is the service's own serving, ``Service.serve``: this process plus
``server.workers - 1`` web helper processes on one port (``aggregator.runtime.web_pool``,
default worker count), while a thread runs update cycles back to back through the same
service (farm tick, then ``Service.run_cycle`` in the cycle process, as ``aggregator run``
does; the helpers get the metrics after each). nginx (worker_processes auto) serves the
same file from the same directory in the same run.
wrk: 2 threads, 64 connections, no Accept-Encoding (identity bodies on both sides); the 304
path sends If-None-Match with the server's current ETag. Skipped (with a message) when wrk or
nginx is missing and cannot be installed with apt-get.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from aggregator.models import Settings
from bench._util import table, verdict
from bench.farm import Farm, FarmConfig

LUA = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) c200 = 0; c304 = 0; cother = 0 end
function response(status, headers, body)
  if status == 200 then c200 = c200 + 1
  elseif status == 304 then c304 = c304 + 1
  else cother = cother + 1 end
end
function done(summary, latency, requests)
  local a, b, c = 0, 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("c200"); b = b + t:get("c304"); c = c + t:get("cother")
  end
  io.write(string.format("STATUS 200=%d 304=%d other=%d\\n", a, b, c))
end
"""

NGINX_CONF = """
{user}worker_processes auto;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 4096; }}
http {{
  access_log off;
  client_body_temp_path {tmp}/t1; proxy_temp_path {tmp}/t2; fastcgi_temp_path {tmp}/t3;
  uwsgi_temp_path {tmp}/t4; scgi_temp_path {tmp}/t5;
  types {{ application/atom+xml atom; application/feed+json json; text/html html; }}
  default_type application/octet-stream;
  sendfile on; keepalive_requests 1000000;
  server {{ listen 127.0.0.1:{port}; root {site}; etag on; }}
}}
"""


@dataclass(frozen=True)
class ServeConfig:
    feeds: int = 200
    entries: int = 50
    latency: float = 0.1
    connections: int = 64
    duration: int = 10  # seconds per wrk run
    workers: int = Settings.web_workers  # serving processes (the server.workers default)
    judge: bool = True


@dataclass
class WrkResult:
    server: str
    state: str  # idle | cycle
    path: str  # 200 | 304
    rps: float
    p99_ms: float
    statuses: str


def tools_available(log: Callable[[str], None] = print) -> str | None:
    """None when wrk and nginx are there (installing them if we may), else why not."""
    missing = [
        name
        for name, path in (("wrk", "wrk"), ("nginx", "/usr/sbin/nginx"))
        if not shutil.which(path)
    ]
    if missing and shutil.which("apt-get") and os.geteuid() == 0:
        log(f"  installing {' '.join(missing)} with apt-get")
        subprocess.run(
            ["apt-get", "install", "-y", "-q", *missing],
            check=False,
            capture_output=True,
            timeout=600,
        )
        missing = [m for m in missing if not shutil.which(m if m == "wrk" else "/usr/sbin/nginx")]
    return f"skipped: {', '.join(missing)} not installed" if missing else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _start_nginx(tmp: Path, site: Path) -> tuple[subprocess.Popen[bytes], int]:
    port = _free_port()
    user = "user root;\n" if os.geteuid() == 0 else ""
    conf = tmp / "nginx.conf"
    conf.write_text(NGINX_CONF.format(user=user, tmp=tmp, port=port, site=site))
    proc = subprocess.Popen(
        [
            "/usr/sbin/nginx",
            "-p",
            str(tmp),
            "-c",
            str(conf),
            "-e",
            str(tmp / "error.log"),
            "-g",
            "daemon off;",
        ]
    )
    for _ in range(100):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return proc, port
        except OSError:
            time.sleep(0.1)
    proc.terminate()
    raise RuntimeError("nginx did not start: " + (tmp / "error.log").read_text()[-500:])


def _etag(port: int) -> str:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/feed.atom", timeout=10) as response:
        return str(response.headers["ETag"])


def _find(pattern: str, text: str) -> str:
    found = re.search(pattern, text)
    if found is None:
        raise RuntimeError(f"unexpected wrk output (no {pattern!r}):\n{text}")
    return found.group(1)


def _millis(value: str) -> float:
    number, unit = _find(r"^([\d.]+)", value), _find(r"(us|ms|s|m)$", value)
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


async def _wrk(cfg: ServeConfig, lua: Path, port: int, path: str) -> tuple[float, float, str]:
    args = ["wrk", "-t2", f"-c{cfg.connections}", f"-d{cfg.duration}s", "--latency", "-s", str(lua)]
    if path == "304":
        args += ["-H", f"If-None-Match: {await asyncio.to_thread(_etag, port)}"]
    proc = await asyncio.create_subprocess_exec(
        *args, f"http://127.0.0.1:{port}/feed.atom", stdout=asyncio.subprocess.PIPE
    )
    out = (await asyncio.wait_for(proc.communicate(), cfg.duration + 60))[0].decode()
    rps = float(_find(r"Requests/sec:\s+([\d.]+)", out))
    p99 = _millis(_find(r"(?m)^\s*99%\s+(\S+)", out))  # the latency distribution line
    statuses = re.search(r"STATUS (.*)", out)
    return rps, p99, statuses.group(1) if statuses else "?"


class _Cycles(threading.Thread):
    """Update cycles back to back (farm tick, ``service.run_cycle``) until stopped."""

    def __init__(self, service: Any, farm: Farm) -> None:
        super().__init__(daemon=True)
        self.service, self.farm = service, farm
        self.stop = threading.Event()
        self.count = 0
        self.error: BaseException | None = None

    def run(self) -> None:
        try:
            while not self.stop.is_set():
                self.farm.tick(0.1)
                self.service.run_cycle()
                self.count += 1
        except BaseException as exc:  # reported by the caller
            self.error = exc


def _listening(port: int) -> int:
    """How many sockets listen on ``port`` (one per serving process, with SO_REUSEPORT)."""
    count = 0
    for name in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(FileNotFoundError), open(name, encoding="ascii") as lines:
            count += sum(
                1
                for line in list(lines)[1:]
                if int(line.split()[1].rsplit(":", 1)[1], 16) == port and line.split()[3] == "0A"
            )
    return count


async def _start_service(settings: Any) -> tuple[Any, asyncio.Event, asyncio.Task[None], int]:
    """``Service.serve`` as ``aggregator run`` calls it (cycles come from ``_Cycles``); returns
    once every serving process listens."""
    from aggregator.runtime.service import Service

    service = Service(settings, isolated=True)
    stop = asyncio.Event()
    task = asyncio.create_task(service.serve(schedule=False, stop=stop))
    deadline = time.monotonic() + 60
    while service.serving is None or _listening(service.serving.port) < settings.web_workers:
        if task.done() or time.monotonic() > deadline:
            stop.set()
            await task
            raise RuntimeError(f"{settings.web_workers} serving processes did not all listen")
        await asyncio.sleep(0.1)
    return service, stop, task, service.serving.port


async def _measure(
    cfg: ServeConfig, tmp: Path, settings: Any, farm: Farm, log: Callable[[str], None]
) -> tuple[list[WrkResult], int]:
    # Every feed is due at every cycle; port 0: the service picks one, its helpers join it.
    settings = dataclasses.replace(
        settings,
        port=0,
        web_workers=cfg.workers,
        feeds=tuple(dataclasses.replace(f, interval=1) for f in settings.feeds),
    )
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    service, stop, task, port = await _start_service(settings)
    nginx, nginx_port = _start_nginx(tmp, settings.output)
    lua = tmp / "count.lua"
    lua.write_text(LUA)
    ports = {"aggregator": port, "nginx": nginx_port}
    results, cycles = [], _Cycles(service, farm)
    try:
        for state in ("idle", "cycle"):
            if state == "cycle":
                cycles.start()
                await asyncio.sleep(1.0)
            for server, server_port in ports.items():
                for path in ("200", "304"):
                    if task.done():
                        raise RuntimeError("the service stopped (a signal?)")
                    log(f"  wrk {server} {path} ({state})")
                    rps, p99, statuses = await _wrk(cfg, lua, server_port, path)
                    results.append(WrkResult(server, state, path, rps, p99, statuses))
    finally:
        cycles.stop.set()
        if cycles.is_alive():
            await asyncio.to_thread(cycles.join, 600)
        nginx.terminate()
        nginx.wait(timeout=30)
        stop.set()
        await task
        for sig, handler in handlers.items():  # Service.serve took SIGINT and SIGTERM
            signal.signal(sig, handler)
    if cycles.error:
        raise cycles.error
    return results, cycles.count


def run(cfg: ServeConfig, log: Callable[[str], None] = print) -> tuple[list[WrkResult], int]:
    from aggregator.cycle._pipeline import run_once
    from aggregator.fetch import Fetcher
    from aggregator.models import FeedSettings
    from aggregator.runtime.service import fetch_options, open_store
    from bench.polling import make_pool

    with (
        Farm(FarmConfig(feeds=cfg.feeds, entries=cfg.entries, latency=cfg.latency)) as farm,
        tempfile.TemporaryDirectory(prefix="bench-serve-") as name,
    ):
        tmp = Path(name)
        tmp.chmod(0o755)  # nginx workers may run as another user
        settings = Settings(
            feeds=tuple(FeedSettings(name=f"outlet{i}", url=farm.url(i)) for i in range(cfg.feeds)),
            database=tmp / "db" / "a.db",
            output=tmp / "site",
            allow_private_networks=True,
            concurrency=64,
            per_host=64,
        )
        pool = make_pool(2)
        try:
            log("  serving: first cycle (builds the site)")
            store = open_store(settings)
            run_once(
                settings,
                store,
                Fetcher(fetch_options(settings)),
                datetime.now(UTC),
                all_feeds=True,
                executor=pool,
            )
            store.close()
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        return asyncio.run(_measure(cfg, tmp, settings, farm, log))


def report(cfg: ServeConfig, results: list[WrkResult], cycles: int, skipped: str = "") -> str:
    if skipped:
        return table("Serving /feed.atom", ["result"], [[skipped]])
    head = ["server", "during", "answer", "req/s", "p99 ms", "statuses seen"]
    rows = [
        [
            r.server,
            "update cycles" if r.state == "cycle" else "idle",
            r.path,
            f"{r.rps:,.0f}",
            f"{r.p99_ms:.1f}",
            r.statuses,
        ]
        for r in results
    ]
    notes = [
        f"aggregator: Service.serve with server.workers = {cfg.workers}, i.e. "
        f"{cfg.workers} serving process(es) on one port (SO_REUSEPORT): the service "
        f"process and {cfg.workers - 1} web helper(s); the update cycles run in the "
        "service's cycle process, as in `aggregator run`.",
        f"wrk -t2 -c{cfg.connections} -d{cfg.duration}s on 127.0.0.1, identity bodies; "
        f"{cycles} update cycle(s) of {cfg.feeds} feeds (10% changed each) ran during the "
        "'update cycles' rows; all on the same 2 cores as wrk and nginx.",
        "304 rows send If-None-Match with the ETag read just before; a 200 among them "
        "means feed.atom changed during the run.",
    ]
    text = table(
        f"Serving /feed.atom (aggregator, {cfg.workers} processes, vs nginx)", head, rows, notes
    )
    by = {(r.server, r.state, r.path): r for r in results}
    checks = []
    for path in ("200", "304"):
        ours, theirs = by[("aggregator", "cycle", path)], by[("nginx", "cycle", path)]
        share = ours.rps / theirs.rps
        checks.append(
            [
                f"{path}: req/s vs nginx, during cycles",
                f"{share:.0%}",
                "≥ 25%",
                ("met" if share >= 0.25 else f"MISSED ({share:.0%})")
                if cfg.judge
                else "not judged",
            ]
        )
        checks.append(
            [
                f"{path}: p99 during cycles",
                f"{ours.p99_ms:.1f} ms",
                "< 50 ms",
                verdict(ours.p99_ms, 50.0) if cfg.judge else "not judged",
            ]
        )
    return text + "\n" + table("Serving targets", ["check", "value", "target", "verdict"], checks)
