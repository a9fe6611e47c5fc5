"""The one place tests build ``Settings``, feeds, stores and update cycles.

Every helper gives the project's usual test set-up, and keyword arguments change what a test
is about: ``settings(tmp_path, feed("A", server), feed_size=5)``.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from aggregator.cycle import RunReport, run_once
from aggregator.fetch import Fetcher
from aggregator.models import FeedSettings, Settings, SiteSettings
from aggregator.runtime.worker import fetch_options
from aggregator.store import Store

if TYPE_CHECKING:
    from .conftest import FeedServer

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)  # the tests' fixed clock
AUTHORITY = "test.example,2026"  # the tag: URI authority of every test database


def settings(tmp_path: Path, *feeds: FeedSettings, **changes: Any) -> Settings:
    """Settings whose database and site are under ``tmp_path``, with a fixed id authority and
    private networks allowed (the feed server listens on 127.0.0.1); ``changes`` override."""
    base = Settings(
        site=SiteSettings(id_authority=AUTHORITY),
        feeds=feeds,
        database=tmp_path / "db.sqlite",
        output=tmp_path / "site",
        allow_private_networks=True,
    )
    return replace(base, **changes)


def bare_settings(tmp_path: Path, **changes: Any) -> Settings:
    """The library's default settings with the database (``a.db``) and site under
    ``tmp_path``: for a test whose store is filled directly, not by a feed server (no fixed
    id authority, private networks refused); ``changes`` override."""
    return replace(Settings(database=tmp_path / "a.db", output=tmp_path / "site"), **changes)


PUBLISH_BASE = "https://deals.example/"  # the site of the publish tests' fake reader


def publish_settings(**changes: Any) -> Settings:
    """Settings of a publish from a fake reader (no database): the fake reader's site and
    authority, three stories a feed; ``changes`` override."""
    site = SiteSettings(base_url=PUBLISH_BASE, id_authority="deals.example,2026")
    return replace(Settings(site=site, feed_size=3), **changes)


def feed(name: str, server: FeedServer, **changes: Any) -> FeedSettings:
    """A feed named ``name`` served by ``server`` at ``/{name}.xml``."""
    return FeedSettings(name=name, url=server.url(f"/{name}.xml"), **changes)


def store(settings_or_dir: Settings | Path) -> Store:
    """The store of these settings (or the test database in a directory)."""
    if isinstance(settings_or_dir, Settings):
        return Store(settings_or_dir.database, id_authority=settings_or_dir.site.id_authority)
    return Store(settings_or_dir / "db.sqlite", id_authority=AUTHORITY)


def memory_store(*feeds: FeedSettings) -> Store:
    """An in-memory store that knows these feeds."""
    made = Store(None)
    made.sync_feeds(feeds)
    return made


def cycle(
    settings: Settings, store: Store, now: datetime = NOW, *, seed: int = 1, **options: Any
) -> RunReport:
    """One update cycle at ``now`` with a fetcher whose clock is ``now`` and a seeded jitter."""
    fetcher = Fetcher(fetch_options(settings), clock=lambda: now)
    return run_once(settings, store, fetcher, now, rng=random.Random(seed), **options)


def query(store: Store, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """The rows of ``sql`` as dicts: for a test that looks at the tables themselves (code
    outside the store reads only its typed methods)."""
    cursor = store.db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def scalar(store: Store, sql: str, params: Sequence[Any] = ()) -> Any:
    """The first column of the first row of ``sql`` (None when there is none)."""
    row = store.db.execute(sql, params).fetchone()
    return None if row is None else row[0]
