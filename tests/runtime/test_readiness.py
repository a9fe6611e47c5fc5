"""/readyz tells the truth: a database file deleted, replaced or truncated under the running
service, a cycle that could not write the database, and faults the service saw."""

from __future__ import annotations

import dataclasses
import os
import random
import shutil
from pathlib import Path

import pytest

from aggregator.cycle import _pipeline as pipeline
from aggregator.errors import StoreError
from aggregator.fetch import Fetcher
from aggregator.models import FeedSettings, Settings
from aggregator.runtime.readiness import ReadinessProbe
from aggregator.runtime.service import fetch_options
from aggregator.store import Store, open_store

from .. import factories
from ..conftest import NOW, FeedServer, rss


@pytest.fixture
def settings(tmp_path: Path, feed_server: FeedServer) -> Settings:
    url = feed_server.add("/a.xml", rss("A", [{"title": "x", "link": "https://a.example/x"}]))
    return factories.settings(tmp_path, FeedSettings(name="A", url=url))


def cycle(settings: Settings, store: Store) -> pipeline.RunReport:
    return pipeline.run_once(
        settings, store, Fetcher(fetch_options(settings)), NOW, rng=random.Random(1), all_feeds=True
    )


def probe(settings: Settings, **kw: object) -> ReadinessProbe:
    return ReadinessProbe(settings, clock=lambda: NOW, **kw)  # type: ignore[arg-type]


def test_ready_after_a_good_cycle(settings: Settings) -> None:
    with open_store(settings) as store:
        cycle(settings, store)
        recorded = factories.scalar(store, "SELECT finished_at FROM runs")
    answer = probe(settings)()
    assert answer.ready
    # /readyz shows the cycle's end as the run record holds it, to the byte
    assert recorded and answer.detail["last_cycle"] == recorded


def _delete(path: Path) -> None:
    path.unlink()


def _replace(path: Path) -> None:
    copy = path.with_suffix(".copy")
    shutil.copyfile(path, copy)
    os.replace(copy, path)


def _truncate(path: Path) -> None:
    os.truncate(path, 0)


@pytest.mark.parametrize(
    ("harm", "words"),
    [
        (_delete, "deleted"),
        (_replace, "replaced"),
        (_truncate, "truncated"),
    ],
)
def test_a_database_file_harmed_under_the_service(settings: Settings, harm, words) -> None:  # type: ignore[no-untyped-def]
    with open_store(settings) as store:
        cycle(settings, store)
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        watching = probe(settings)
        assert watching().ready
        harm(settings.database)
        answer = watching()
        assert not answer.ready and words in str(answer.detail["database"])
        with pytest.raises(StoreError, match=words):  # the cycle writes nothing over it
            cycle(settings, store)
    if harm is _delete:
        assert not settings.database.exists()  # nothing made a fresh, empty one
        with pytest.raises(StoreError, match="gone"):
            open_store(settings, create=False)
        assert not probe(settings)().ready and not settings.database.exists()


def test_a_cycle_that_could_not_write_is_not_ready(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    def full(*args: object, **kw: object) -> object:
        raise sqlite3.OperationalError("database or disk is full")

    with open_store(settings) as store:
        monkeypatch.setattr(Store, "_insert_entry", full)
        cycle(settings, store)
    answer = probe(settings)()
    assert not answer.ready and "disk is full" in str(answer.detail["store_error"])


def test_faults_the_service_saw_make_it_not_ready(settings: Settings) -> None:
    with open_store(settings) as store:
        cycle(settings, store)
    faults = {"store_error": "db: write failed: database or disk is full"}
    answer = probe(settings, faults=lambda: faults)()
    assert not answer.ready and answer.detail["store_error"] == faults["store_error"]
    faults.clear()
    assert probe(settings, faults=lambda: faults)().ready


def _two_feeds(settings: Settings, feed_server: FeedServer, **kw: object) -> Settings:
    dead = feed_server.add("/dead.xml", "gone", status=500)
    return dataclasses.replace(
        settings, feeds=(*settings.feeds, FeedSettings(name="B", url=dead)), **kw
    )


def _break_a(settings: Settings, feed_server: FeedServer) -> None:
    feed_server.add("/a.xml", "down", status=503)


def test_every_feed_failing_is_not_ready(settings: Settings, feed_server: FeedServer) -> None:
    settings = _two_feeds(settings, feed_server)
    with open_store(settings) as store:
        cycle(settings, store)  # A works, B fails: ready, one failing
        health = probe(settings)()
        assert health.ready and health.detail["feeds_failing"] == 1
        _break_a(settings, feed_server)
        cycle(settings, store)  # offline: every feed failed
    health = probe(settings)()
    assert not health.ready
    assert health.detail["reason"] == (
        "every feed failed its last fetch (offline, or all sources failing)"
    )
    assert (health.detail["feeds_fetched"], health.detail["feeds_failing"]) == (2, 2)
    assert "503" in str(health.detail["feed_error"])


def test_readiness_feed_failures_waits_for_that_many_failures(
    settings: Settings, feed_server: FeedServer
) -> None:
    settings = _two_feeds(settings, feed_server, readiness_feed_failures=2)
    with open_store(settings) as store:
        _break_a(settings, feed_server)
        cycle(settings, store)
        assert probe(settings)().ready  # one failure each: not yet degraded
        cycle(settings, store)
    assert not probe(settings)().ready


def test_the_page_lists_each_source_with_its_status(
    settings: Settings, feed_server: FeedServer
) -> None:
    settings = _two_feeds(settings, feed_server)
    with open_store(settings) as store:
        cycle(settings, store)  # A works, B fails
    page = (settings.output / "index.html").read_text()
    sources = page.split('<h2 id="sources">Sources</h2>', 1)[1]
    assert "2 sources, 1 failing." in sources
    row_a = next(r for r in sources.split("<tr>") if r.startswith('<td class="t">A</td>'))
    row_b = next(r for r in sources.split("<tr>") if r.startswith('<td class="t">B</td>'))
    assert "<td>ok</td>" in row_a and "<time datetime=" in row_a
    assert "failing (1 in a row)" in row_b and "never" in row_b and "500" in row_b
