"""Faults under the running service (`aggregator run`, issue 19.6): the database deleted or
truncated. /readyz says so, `aggregator feeds` refuses to make a fresh database, and a backup
restored brings everything back."""

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


@pytest.mark.parametrize("harm", ["deleted", "truncated"])
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
        else:
            os.truncate(db, 50)  # less than a database header
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
