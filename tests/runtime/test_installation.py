"""Ids never restart (issue 19): the site carries its database's installation id, a
publish from another database is refused unless told to, and a database file that
disappears is an error, for `aggregator update` as for the service."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC
from pathlib import Path

from ..conftest import FeedServer, rss, write_config


def _cli(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "aggregator", "--config", str(config), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def _config(tmp_path: Path, feed_server: FeedServer) -> Path:
    url = feed_server.add(
        "/a.xml",
        rss("A", [{"title": "Cohere raises $500 million", "link": "https://a.example/cohere"}]),
    )
    return write_config(tmp_path, [{"name": "A", "url": url}])


def test_a_fresh_database_does_not_publish_over_the_old_site(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    config = _config(tmp_path, feed_server)
    site, db = tmp_path / "data" / "site", tmp_path / "data" / "test.db"
    first = _cli(config, "update", "--all")
    assert first.returncode == 0, first.stderr
    marker = (site / ".installation").read_text().strip()
    assert len(marker) >= 16
    before = (site / "all.atom").read_bytes()

    db.unlink()  # gone between two runs: the next update makes a fresh database
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    second = _cli(config, "update", "--all")
    assert second.returncode != 0
    assert "published from another database" in second.stderr, second.stderr
    assert (site / "all.atom").read_bytes() == before  # the old site is kept
    assert (site / ".installation").read_text().strip() == marker

    feeds = _cli(config, "feeds")
    assert feeds.returncode == 0, feeds.stderr
    assert feeds.stdout.startswith("health: NOT READY: the last publish failed"), feeds.stdout
    assert "published from another database" in feeds.stdout.splitlines()[0]

    adopted = _cli(config, "update", "--all", "--adopt-site")
    assert adopted.returncode == 0, adopted.stderr
    new_marker = (site / ".installation").read_text().strip()
    assert new_marker != marker
    assert _cli(config, "feeds").stdout.startswith("health: ready")


def test_feeds_json_is_unchanged_by_the_health_line(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    config = _config(tmp_path, feed_server)
    assert _cli(config, "update", "--all").returncode == 0
    data = json.loads(_cli(config, "feeds", "--json").stdout)
    assert [feed["name"] for feed in data] == ["A"]


def test_a_database_deleted_during_a_cycle_is_a_store_error_and_nothing_is_published(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    import random
    from datetime import datetime

    from aggregator.config import load_settings
    from aggregator.cycle import _pipeline as pipeline
    from aggregator.fetch import Fetcher, FetchOptions
    from aggregator.store import open_store

    settings = load_settings(_config(tmp_path, feed_server), env={})
    now = datetime(2026, 11, 24, 12, tzinfo=UTC)
    with open_store(settings) as store:

        def delete(outcome: pipeline.FeedOutcome) -> None:
            settings.database.unlink()  # after the feed was stored, before the publish

        report = pipeline.run_once(
            settings,
            store,
            Fetcher(FetchOptions(allow_private_networks=True)),
            now,
            all_feeds=True,
            progress=delete,
            rng=random.Random(1),
        )
    assert report.new_entries == 1
    assert report.store_error and "deleted while in use" in report.store_error
    assert report.stage_errors["database"] == report.store_error
    assert report.published == 0 and not (settings.output / "all.atom").exists()
    assert not settings.database.exists()  # and nothing made a fresh one


def test_the_marker_is_never_served(tmp_path: Path, feed_server: FeedServer) -> None:
    from aggregator.config import load_settings
    from aggregator.runtime.service import Service

    from ..hostile.harness import get, serving

    config = _config(tmp_path, feed_server)
    assert _cli(config, "update", "--all").returncode == 0
    settings = load_settings(config, env={})
    assert (settings.output / ".installation").is_file()
    service = Service(settings)
    try:
        with serving(service.app()) as port:
            assert get(port, "/.installation")[0] == 404
            assert get(port, "/all.atom")[0] == 200
    finally:
        service.close()
