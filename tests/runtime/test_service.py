"""The service process: serves, schedules a cycle, and stops cleanly on SIGTERM."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..conftest import FeedServer, rss, write_config


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
def _service(
    tmp_path: Path,
    config: Path,
    new_session: bool = False,
) -> Iterator[subprocess.Popen[bytes]]:
    """`aggregator run` as a subprocess, killed if a test leaves it running (``new_session``:
    in a process group of its own)."""
    log = (tmp_path / "service.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "aggregator", "--config", str(config), "run"],
        stdout=log,
        stderr=log,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
        start_new_session=new_session,
    )
    try:
        yield proc
    finally:
        if proc.poll() is None:
            if new_session:
                os.killpg(proc.pid, signal.SIGKILL)
            else:
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


def test_run_serves_updates_and_stops_on_sigterm(tmp_path: Path, feed_server: FeedServer) -> None:
    url = feed_server.add(
        "/a.xml",
        rss("A", [{"title": "Cohere raises $500 million", "link": "https://a.example/cohere"}]),
    )
    port = _free_port()
    config = write_config(
        tmp_path, [{"name": "A", "url": url}], server={"host": "127.0.0.1", "port": port}
    )
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


@pytest.mark.parametrize("target", ["service", "process-group"])
def test_sigterm_during_a_cycle_stops_within_the_grace(
    tmp_path: Path, feed_server: FeedServer, target: str
) -> None:
    """SIGTERM to the service (it stops its cycle process) or to its whole process group (a
    supervisor's stop): a clean stop, one log line for the cycle and no traceback."""
    fast = feed_server.add("/a.xml", rss("A", [{"title": "Fast", "link": "https://a.example/1"}]))
    slow = feed_server.add(
        "/slow.xml", rss("S", [{"title": "Slow", "link": "https://s.example/"}]), delay=20
    )
    port = _free_port()
    config = write_config(
        tmp_path,
        [{"name": "A", "url": fast}, {"name": "S", "url": slow, "timeout": "60s"}],
        server={"host": "127.0.0.1", "port": port},
    )
    with _service(tmp_path, config, new_session=target == "process-group") as proc:
        _wait_for(f"http://127.0.0.1:{port}/healthz", 200, time.monotonic() + 30)
        deadline = time.monotonic() + 30
        while feed_server.hits.get("/slow.xml", 0) == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert feed_server.hits.get("/slow.xml") == 1  # the cycle is waiting on it now
        if target == "service":
            _stop_within_grace(proc)
        else:
            started = time.monotonic()
            os.killpg(proc.pid, signal.SIGTERM)
            assert proc.wait(timeout=10) == 0
            assert time.monotonic() - started < 8
    _integrity_ok(tmp_path)
    log = (tmp_path / "service.log").read_text()
    assert "Traceback" not in log and "update cycle failed" not in log, log
    assert "update cycle stopped by SIGTERM" in log, log


def test_run_takes_host_and_port_and_the_feeds_link_to_them(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    url = feed_server.add(
        "/a.xml",
        rss("A", [{"title": "Cohere raises $500 million", "link": "https://a.example/cohere"}]),
    )
    port = _free_port()
    config = tmp_path / "feeds.yaml"  # no site.base_url; server.port is another port
    config.write_text(
        json.dumps(
            {
                "database": "data/test.db",
                "output": "data/site",
                "allow_private_networks": True,
                "server": {"port": 1},
                "feeds": [{"name": "A", "url": url}],
            }
        )
    )
    log = (tmp_path / "service.log").open("wb")
    proc = subprocess.Popen(  # global options after the subcommand too
        [
            sys.executable,
            "-m",
            "aggregator",
            "run",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--config",
            str(config),
        ],
        stdout=log,
        stderr=log,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for(base + "/readyz", 200, time.monotonic() + 60)
        body = _wait_for(base + "/all.atom", 200, time.monotonic() + 10)
        from lxml import etree

        links = etree.fromstring(body).findall("{http://www.w3.org/2005/Atom}link")
        assert {ln.get("rel"): ln.get("href") for ln in links}["self"] == f"{base}/all.atom"
        _stop_within_grace(proc)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        log.close()


def test_a_cycle_with_nothing_due_logs_at_debug(
    tmp_path: Path, feed_server: FeedServer, caplog: pytest.LogCaptureFixture
) -> None:
    from aggregator.config import load_settings
    from aggregator.runtime.service import Service

    url = feed_server.add(
        "/a.xml",
        rss("A", [{"title": "Cohere raises $500 million", "link": "https://a.example/cohere"}]),
    )
    settings = load_settings(write_config(tmp_path, [{"name": "A", "url": url}]), env={})
    service = Service(settings)
    levels = []
    try:
        for _ in range(2):  # the feed is due, then not (its interval has not passed)
            caplog.clear()
            with caplog.at_level(logging.DEBUG, logger="aggregator.runtime.service"):
                report = service.run_cycle()
            (record,) = [r for r in caplog.records if r.getMessage().startswith("cycle done")]
            levels.append((report.feeds_due, record.levelno))
    finally:
        service.close()
    assert levels == [(1, logging.INFO), (0, logging.DEBUG)]


def test_serve_metrics_report_the_database_counts(tmp_path: Path, feed_server: FeedServer) -> None:
    url = feed_server.add(
        "/a.xml",
        rss(
            "A",
            [
                {"title": "Cohere raises $500 million", "link": "https://a.example/cohere"},
                {"title": "Mistral opens an office in Tokyo", "link": "https://a.example/mistral"},
            ],
        ),
    )
    port = _free_port()
    config = write_config(
        tmp_path,
        [{"name": "A", "url": url}],
        server={"host": "127.0.0.1", "port": port, "workers": 2},
    )
    update = subprocess.run(
        [sys.executable, "-m", "aggregator", "--config", str(config), "update", "--all"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert update.returncode == 0, update
    db = _integrity_ok(tmp_path)
    entries = db.execute("SELECT count(*) FROM entries").fetchone()[0]
    db.close()
    assert entries == 2
    log = (tmp_path / "serve.log").open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "aggregator", "--config", str(config), "serve"],
        stdout=log,
        stderr=log,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        _wait_for(base + "/healthz", 200, time.monotonic() + 60)
        for _ in range(8):  # two processes answer on the port: each shows the counts
            page = _get(base + "/metrics")[1].decode()
            assert f"aggregator_entries {float(entries)}" in page, page
            assert 'aggregator_feed_last_success_timestamp_seconds{feed="A"}' in page, page
            assert "aggregator_stories 0.0" not in page, page
        _stop_within_grace(proc)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        log.close()
