"""The service process: serves, schedules a cycle, and stops cleanly on SIGTERM."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Iterator

from .conftest import FeedServer, rss, write_config


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=2) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        with exc:
            return exc.code, exc.read()


def _wait_for(url: str, status: int, deadline: float) -> bytes:
    while time.monotonic() < deadline:
        try:
            code, body = _get(url)
            if code == status:
                return body
        except OSError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"{url} never answered {status}")


@contextlib.contextmanager
def _service(tmp_path: Path, config: Path) -> Iterator[subprocess.Popen[bytes]]:
    """`aggregator run` as a subprocess, killed if a test leaves it running."""
    log = (tmp_path / "service.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "aggregator", "--config", str(config), "run"],
        stdout=log, stderr=log, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        yield proc
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        log.close()
        print((tmp_path / "service.log").read_text())


def _stop_within_grace(proc: subprocess.Popen[bytes]) -> None:
    started = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=10) == 0
    assert time.monotonic() - started < 8


def _integrity_ok(tmp_path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(tmp_path / "data" / "test.db")
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    return db


def test_run_serves_updates_and_stops_on_sigterm(tmp_path: Path,
                                                 feed_server: FeedServer) -> None:
    url = feed_server.add("/a.xml", rss("A", [
        {"title": "Cohere raises $500 million", "link": "https://a.example/cohere"}]))
    port = _free_port()
    config = write_config(tmp_path, [{"name": "A", "url": url}],
                          server={"host": "127.0.0.1", "port": port})
    with _service(tmp_path, config) as proc:
        base = f"http://127.0.0.1:{port}"
        _wait_for(base + "/healthz", 200, time.monotonic() + 30)
        ready = json.loads(_wait_for(base + "/readyz", 200, time.monotonic() + 60))
        assert ready["database"] == "ok"
        code, body = _get(base + "/all.atom")
        assert code == 200 and b"Cohere raises $500 million" in body
        # A web helper shows the metrics the service sent after the cycle: maybe just after
        # /readyz (which reads the database) turned 200.
        deadline = time.monotonic() + 30
        while b"aggregator_fetches_total" not in _get(base + "/metrics")[1]:
            assert time.monotonic() < deadline, "no cycle in /metrics"
            time.sleep(0.2)
        _stop_within_grace(proc)
    db = _integrity_ok(tmp_path)
    assert db.execute("SELECT count(*) FROM entries").fetchone()[0] == 1


def test_sigterm_during_a_cycle_stops_within_the_grace(tmp_path: Path,
                                                      feed_server: FeedServer) -> None:
    fast = feed_server.add("/a.xml", rss("A", [{"title": "Fast", "link": "https://a.example/1"}]))
    slow = feed_server.add("/slow.xml", rss("S", [{"title": "Slow", "link": "https://s.example/"}]),
                           delay=20)
    port = _free_port()
    config = write_config(tmp_path, [{"name": "A", "url": fast},
                                     {"name": "S", "url": slow, "timeout": "60s"}],
                          server={"host": "127.0.0.1", "port": port})
    with _service(tmp_path, config) as proc:
        _wait_for(f"http://127.0.0.1:{port}/healthz", 200, time.monotonic() + 30)
        deadline = time.monotonic() + 30
        while feed_server.hits.get("/slow.xml", 0) == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert feed_server.hits.get("/slow.xml") == 1      # the cycle is waiting on it now
        _stop_within_grace(proc)
    _integrity_ok(tmp_path)
