"""Faults under the running service (`aggregator run`, issue 19.6): the database deleted,
truncated or cut in half; the disk full (a real tmpfs); the site directory read-only (a real
read-only mount). /readyz and `aggregator feeds` say so, nothing stored is lost, the last good
site is still served, and recovery needs no more than the fault going away (or, for a harmed
database, a backup restored)."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ..conftest import FeedServer, rss, write_config
from .test_service import _free_port, _get, _service, _stop_within_grace, _wait_for


def _cli(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "aggregator", "--config", str(config), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _entries(db: Path) -> set[tuple[int, str]]:
    with sqlite3.connect(db) as conn:
        return set(conn.execute("SELECT id, entry_key FROM entries"))


@pytest.mark.parametrize("harm", ["deleted", "truncated", "cut"])
def test_database_harmed_under_the_running_service(
    tmp_path: Path, feed_server: FeedServer, harm: str
) -> None:
    url = feed_server.add(
        "/a.xml",
        rss(
            "A",
            [
                {"title": "Cohere raises $500 million", "link": "https://a.example/cohere"},
                {"title": "Mistral opens a Paris lab", "link": "https://a.example/mistral"},
            ],
        ),
    )
    port = _free_port()
    config = write_config(
        tmp_path,
        [{"name": "A", "url": url}],
        server={"host": "127.0.0.1", "port": port, "workers": 1},
    )
    db, backup = tmp_path / "data" / "test.db", tmp_path / "backup.db"
    base = f"http://127.0.0.1:{port}"
    with _service(tmp_path, config) as proc:
        _wait_for(base + "/readyz", 200, time.monotonic() + 60)
        assert _cli(config, "backup", str(backup)).returncode == 0
        stored = _entries(backup)
        assert len(stored) == 2
        if harm == "deleted":
            db.unlink()
        elif harm == "truncated":
            os.truncate(db, 50)  # less than a database header
        else:
            os.truncate(db, db.stat().st_size // 2)  # a header, but half its pages
        code, body = _get(base + "/readyz")
        detail = json.loads(body)
        assert code == 503, detail
        assert ("deleted while in use" if harm == "deleted" else "truncated") in detail[
            "database"
        ], detail
        feeds = _cli(config, "feeds")
        assert feeds.returncode != 0 and "Traceback" not in feeds.stderr, feeds
        if harm == "deleted":
            assert "the database file is gone" in feeds.stderr
            assert not db.exists()  # nothing made a fresh, empty one
        code, _ = _get(base + "/all.atom")
        assert code == 200  # the published site is still served
        _stop_within_grace(proc)
    log = (tmp_path / "service.log").read_text()
    assert "Traceback" not in log, log

    for suffix in ("", "-wal", "-shm"):  # recovery: the backup restored
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    shutil.copyfile(backup, db)
    with _service(tmp_path, config) as proc:
        ready = json.loads(_wait_for(base + "/readyz", 200, time.monotonic() + 60))
        assert ready["database"] == "ok"
        assert _cli(config, "feeds").stdout.startswith("health: ready")
        _stop_within_grace(proc)
    assert stored <= _entries(db)  # nothing lost, no id reused


# --------------------------------------------------------------------------- disk and site faults


def _can_mount(where: Path) -> bool:
    where.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0 or not shutil.which("mount"):
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(where)], capture_output=True
    )
    if done.returncode != 0:
        return False
    subprocess.run(["umount", str(where)], check=True)
    return True


def _mount_tmpfs(where: Path, size: str) -> None:
    where.mkdir(parents=True, exist_ok=True)
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)], check=True)


def _umount(where: Path) -> None:
    subprocess.run(["umount", "-l", str(where)], capture_output=True)


def _fill(where: Path) -> Path:
    """Fill the file system of ``where`` to the last byte; the filler file is returned."""
    filler = where / "filler.bin"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (1 << 16, 1):  # big blocks, then the last bytes one by one
            block = b"\0" * size
            try:
                while True:
                    os.write(fd, block)
            except OSError:
                pass
    finally:
        os.close(fd)
    return filler


def _ready_detail(base: str, status: int, deadline: float) -> dict[str, object]:
    """The /readyz JSON once it answers ``status``."""
    last: object = None
    while time.monotonic() < deadline:
        try:
            code, body = _get(base + "/readyz")
        except OSError:
            code, body = 0, b"{}"
        last = body
        if code == status:
            return dict(json.loads(body))
        time.sleep(0.5)
    raise AssertionError(f"/readyz never answered {status}: {last!r}")


ITEMS = [
    {"title": "Cohere raises $500 million", "link": "https://a.example/cohere"},
    {"title": "Mistral opens a Paris lab", "link": "https://a.example/mistral"},
]
LATER = {"title": "Lumora raises $40 million Series A", "link": "https://a.example/lumora"}


def _one_feed_service(tmp_path: Path, feed_server: FeedServer) -> tuple[Path, str]:
    """The config of a service polling one feed (ITEMS) at every tick, and its base URL."""
    url = feed_server.add("/a.xml", rss("A", ITEMS))
    port = _free_port()
    config = write_config(
        tmp_path,
        [{"name": "A", "url": url, "interval": "1s"}],
        server={"host": "127.0.0.1", "port": port, "workers": 1},
    )
    return config, f"http://127.0.0.1:{port}"


def test_disk_full_under_the_running_service(tmp_path: Path, feed_server: FeedServer) -> None:
    """A real tmpfs holding the database and the site fills up: /readyz says the cycle could
    not write, the site keeps being served, nothing stored is lost, and once space is free
    again the next cycle stores what arrived meanwhile."""
    data = tmp_path / "data"
    if not _can_mount(data):
        pytest.skip("needs root and tmpfs mounts")
    _mount_tmpfs(data, "64m")
    try:
        config, base = _one_feed_service(tmp_path, feed_server)
        db = data / "test.db"
        with _service(tmp_path, config) as proc:
            _wait_for(base + "/readyz", 200, time.monotonic() + 60)
            before = _entries(db)
            filler = _fill(data)
            feed_server.add("/a.xml", rss("A", [LATER, *ITEMS]))
            detail = _ready_detail(base, 503, time.monotonic() + 90)
            said = json.dumps(detail)
            assert "full" in said, detail  # "database or disk is full"
            code, body = _get(base + "/all.atom")
            assert code == 200 and b"Cohere" in body  # the site is still served
            feeds = _cli(config, "feeds")
            assert "Traceback" not in feeds.stderr, feeds
            assert feeds.returncode != 0 or "NOT READY" in feeds.stdout, feeds
            filler.unlink()  # space again: the next cycle
            _ready_detail(base, 200, time.monotonic() + 90)
            code, body = _get(base + "/all.atom")
            assert b"Lumora" in body
            _stop_within_grace(proc)
        after = _entries(db)
        assert before < after  # nothing lost, the new one kept
        log = (tmp_path / "service.log").read_text()
        assert "Traceback" not in log, log
        assert "full" in log
    finally:
        _umount(data)


def test_read_only_site_under_the_running_service(tmp_path: Path, feed_server: FeedServer) -> None:
    """The site directory becomes read-only (a real read-only mount): /readyz says the
    publish failed, the entries are still stored, the old site is still served, and once
    it is writable again the next cycle publishes what was stored meanwhile."""
    site = tmp_path / "data" / "site"
    if not _can_mount(site):
        pytest.skip("needs root and tmpfs mounts")
    _mount_tmpfs(site, "64m")
    try:
        config, base = _one_feed_service(tmp_path, feed_server)
        with _service(tmp_path, config) as proc:
            _wait_for(base + "/readyz", 200, time.monotonic() + 60)
            subprocess.run(["mount", "-o", "remount,ro", str(site)], check=True)
            feed_server.add("/a.xml", rss("A", [LATER, *ITEMS]))
            detail = _ready_detail(base, 503, time.monotonic() + 90)
            assert "Read-only file system" in str(detail.get("publish_error")), detail
            assert "guid:https://a.example/lumora" in {
                k for _, k in _entries(tmp_path / "data" / "test.db")
            }
            code, body = _get(base + "/all.atom")
            assert code == 200 and b"Lumora" not in body  # the last good site
            feeds = _cli(config, "feeds")
            first = feeds.stdout.splitlines()[0]
            assert first.startswith("health: NOT READY") and "publish_error" in first, feeds
            subprocess.run(["mount", "-o", "remount,rw", str(site)], check=True)
            _ready_detail(base, 200, time.monotonic() + 90)
            code, body = _get(base + "/all.atom")
            assert b"Lumora" in body
            _stop_within_grace(proc)
        log = (tmp_path / "service.log").read_text()
        assert "Traceback" not in log, log
    finally:
        _umount(site)
