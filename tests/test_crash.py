"""Data safety under faults: kill -9 mid-cycle, concurrent writers and readers, backups
during a cycle, and a full or unwritable site directory during publish.

The kill loop runs ~3 rounds in the default run and 50 in the long mode
(``make test-long``, marker ``slow``).
"""

from __future__ import annotations

import errno
import logging
import os
import random
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from aggregator.publish import _write
from aggregator.runtime.service import Service

from .conftest import FeedServer
from .hostile import require_long_mode
from .hostile.checks import invalid_files
from .hostile.crash import Farm, entry_ids, integrity, kill_loop, run, settings_of, start
from .hostile.harness import get, serving


def _first_cycle(tmp_path: Path, server: FeedServer, **farm_kw: int) -> tuple[Farm, Path, float]:
    farm = Farm(server, **farm_kw)
    farm.advance()
    config = farm.config(tmp_path)
    started = time.perf_counter()
    result = run(config, "update", "--all")
    assert result.returncode == 0, result.stderr[-2000:]
    return farm, config, time.perf_counter() - started


def _kill_loop(tmp_path: Path, server: FeedServer, rounds: int, seed: int, **farm_kw: int) -> None:
    farm, config, duration = _first_cycle(tmp_path, server, **farm_kw)
    report = kill_loop(farm, config, rounds, random.Random(seed), max_delay=duration)
    assert report.problems == [], f"seed {seed}: " + "\n".join(report.problems)
    assert report.killed >= rounds // 2, report  # most rounds really were interrupted
    settings = settings_of(config)
    assert integrity(settings.database) == "ok" and invalid_files(settings.output) == {}


def test_kill_9_during_update_cycles(tmp_path: Path, feed_server: FeedServer) -> None:
    _kill_loop(tmp_path, feed_server, rounds=3, seed=20261124, feeds=3, per_feed=10)


@pytest.mark.slow
def test_kill_9_long_loop(
    tmp_path: Path, feed_server: FeedServer, request: pytest.FixtureRequest
) -> None:
    require_long_mode(request)
    seed = int(os.environ.get("HOSTILE_SEED", random.randrange(1 << 30)))
    _kill_loop(tmp_path, feed_server, rounds=50, seed=seed, feeds=10, per_feed=30)


def test_second_writer_long_reader_and_backups(tmp_path: Path, feed_server: FeedServer) -> None:
    """Two update cycles at once, a read transaction held across both, and
    `aggregator backup` taken repeatedly while they write."""
    farm, config, _ = _first_cycle(tmp_path, feed_server, feeds=4, per_feed=12)
    settings = settings_of(config)
    before = entry_ids(settings.database)
    farm.advance()
    reader = sqlite3.connect(settings.database, timeout=30)
    backups: list[Path] = []
    try:
        reader.execute("BEGIN")
        seen = reader.execute("SELECT count(*) FROM entries").fetchone()[0]
        writers = [start(config, "update", "--all") for _ in range(2)]
        while not backups or (len(backups) < 2 and any(w.poll() is None for w in writers)):
            target = tmp_path / f"backup-{len(backups)}.db"
            result = run(config, "backup", str(target))
            assert result.returncode == 0, result.stderr[-2000:]
            backups.append(target)
        outputs = [w.communicate(timeout=120) for w in writers]
        # the long read transaction still sees its snapshot after both writers committed
        assert reader.execute("SELECT count(*) FROM entries").fetchone()[0] == seen
    finally:
        reader.rollback()
        reader.close()
    for writer, (_, err) in zip(writers, outputs):
        assert writer.returncode == 0, err[-2000:]
        assert b"locked" not in err.lower()
    after = entry_ids(settings.database)
    assert before <= after and len(after) > len(before)
    assert integrity(settings.database) == "ok" and invalid_files(settings.output) == {}
    for target in backups:
        assert integrity(target) == "ok"
        assert before <= entry_ids(target), f"{target} lacks entries committed before it"


# --------------------------------------------------------------------------- publish faults


def _mount_tmpfs(path: Path, size: str) -> bool:
    path.mkdir(parents=True, exist_ok=True)
    try:
        done = subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)],
            capture_output=True,
            timeout=10,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def _fill(directory: Path) -> None:
    """Take every free block of the file system holding ``directory``."""
    # unbuffered: a write the file system cut short leaves nothing for close() to flush
    with open(directory / ".filler", "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
        except OSError as exc:
            assert exc.errno == errno.ENOSPC


@pytest.fixture(params=["tmpfs-full", "enospc", "unwritable"])
def broken_site(
    request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[str, Path]]:
    """How the site directory breaks after the first publish: a real full tmpfs (when
    ``mount`` works here), os.replace raising ENOSPC, or temp files refused (EACCES)."""
    site = tmp_path / "data" / "site"
    mode = request.param
    if mode == "tmpfs-full" and not _mount_tmpfs(site, "4m"):
        pytest.skip("mount -t tmpfs is not permitted here; the enospc case covers it")
    yield mode, site
    if mode == "tmpfs-full":
        subprocess.run(["umount", "-l", str(site)], capture_output=True, timeout=10)


def _break(mode: str, site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    inside = str(site.resolve())
    if mode == "tmpfs-full":
        _fill(site)
    elif mode == "enospc":
        real_replace = os.replace

        def replace(src: str, dst: str) -> None:
            if str(dst).startswith(inside):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(dst))
            real_replace(src, dst)

        monkeypatch.setattr(_write.os, "replace", replace)
    else:
        real_mkstemp = _write.tempfile.mkstemp

        def mkstemp(*args: Any, dir: str | None = None, **kw: Any) -> tuple[int, str]:
            if dir is not None and str(dir).startswith(inside):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(dir))
            return real_mkstemp(*args, dir=dir, **kw)

        monkeypatch.setattr(_write.tempfile, "mkstemp", mkstemp)


def test_publish_fault_keeps_previous_files_served(
    tmp_path: Path,
    feed_server: FeedServer,
    broken_site: tuple[str, Path],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    mode, site = broken_site
    farm = Farm(feed_server, feeds=2, per_feed=8)
    farm.advance()
    settings = settings_of(farm.config(tmp_path))
    clock = [datetime.now(UTC)]
    service = Service(settings, clock=lambda: clock[0])
    try:
        assert service.run_cycle().publish_error is None
        assert service.readiness().ready
        published = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
        _break(mode, site, monkeypatch)
        farm.advance()
        clock[0] += timedelta(hours=2)  # every feed is due again
        with caplog.at_level(logging.ERROR, logger="aggregator.cycle._pipeline"):
            report = service.run_cycle()
        assert report.publish_error and report.new_entries > 0
        assert any("publish failed" in r.getMessage() for r in caplog.records)
        ready = service.readiness()
        assert not ready.ready and "publish_error" in ready.detail
        assert {p: p.read_bytes() for p in published} == published
        assert invalid_files(site) == {}
        with serving(service.app()) as port:
            status, _, body = get(port, "/readyz")
            assert status == 503 and b"publish_error" in body
            status, _, body = get(port, "/all.atom")
            assert status == 200  # the previous file, still served
    finally:
        service.close()
