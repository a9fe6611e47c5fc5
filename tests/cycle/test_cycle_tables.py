"""What update cycles leave in the story tables, pinned against a golden dump.

Clustering and the story writes are optimised now and then (batched statements, fewer
reads, memoised work); none of that may change a decision or a stored value. These tests
run the same cycles over the same entries and compare every story-related row, as
digests per table, with ``data/cycle_tables.golden.json``: written by the code *before*
such a change (the per-entry, one-statement-at-a-time writes). The two code-version stamps
are blanked (the stories package's feature encoding, the deal classifier's version).

After a deliberate change of behaviour, rewrite the golden file:
``python -m tests.cycle.test_cycle_tables [DIR]`` (with DIR, the full tables are written there too,
to diff what two commits store).
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import replace
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from aggregator.cycle import StoryWindow
from aggregator.cycle import _pipeline as pipeline
from aggregator.cycle import _story_facts as story_facts
from aggregator.fetch import Fetcher
from aggregator.models import Entry, FeedSettings, Settings, TagRule
from aggregator.runtime.service import fetch_options, parse_pool
from aggregator.store import Store
from aggregator.stories import _codec

from .. import factories
from ..conftest import FeedServer, rss
from .test_story_window import batches, cycle

GOLDEN = Path(__file__).parents[1] / "data" / "cycle_tables.golden.json"

TABLES = {  # table -> (columns, order)
    "entries": ("id, story_id, deal_json, story_features", "id"),
    "stories": ("*", "id"),
    "story_links": ("*", "id"),
    "story_merges": ("*", "dropped_id"),
    "story_parties": ("rowid, *", "story_id, slug, role"),
    "story_tags": ("rowid, *", "story_id, tag"),
    "feed_members": ("*", "key, story_id"),
    "feed_sizes": ("*", "key"),
    "story_generation": ("*", "id"),
}


def settings_for(tmp_path: Path, **changes: Any) -> Settings:
    feeds = (  # never fetched (disabled): they only rank the sources of a story
        FeedSettings(name="outlet3", url="https://outlet3.example/feed", priority=5, enabled=False),
        FeedSettings(
            name="outlet5", url="https://outlet5.example/feed", first_party=True, enabled=False
        ),
    )
    return factories.bare_settings(
        tmp_path,
        feeds=feeds,
        watchlist=("Nvidia",),
        tag_rules=(TagRule("money", keywords=("million",)), TagRule("cloud", keywords=("cloud",))),
        **changes,
    )


def ingest(store: Store, entries: list[Entry], now: datetime, read_deals: bool) -> None:
    """Store entries by feed; with ``read_deals`` their deal readings come along (as from
    the parse workers), else the cycle reads them late."""
    by_feed: dict[str, list[Entry]] = {}
    for entry in entries:
        by_feed.setdefault(entry.feed, []).append(entry)
    for feed, batch in sorted(by_feed.items()):
        deals = story_facts.classify_entries(batch, {}) if read_deals else None
        store.upsert_entries(feed, batch, now, deals)


def dump(store: Store) -> dict[str, list[list[Any]]]:
    stamps = {_codec.FEATURES_VERSION: "<features>", story_facts.CLASSIFIER_VERSION: "<deals>"}
    out = {}
    for table, (columns, order) in TABLES.items():
        rows = []
        for row in store.db.execute(f"SELECT {columns} FROM {table} ORDER BY {order}"):
            cells = []
            for cell in row:
                if isinstance(cell, str):
                    for stamp, blank in stamps.items():
                        cell = cell.replace(stamp, blank)
                    if len(cell) > 64:
                        cell = "sha256:" + hashlib.sha256(cell.encode()).hexdigest()[:12]
                cells.append(cell)
            rows.append(cells)
        out[table] = rows
    return out


def cold(tmp_path: Path) -> dict[str, list[list[Any]]]:
    """Three days of entries stored at once, then one cycle (an empty database's first)."""
    settings = settings_for(tmp_path)
    with Store(tmp_path / "cold.db") as store:
        days = batches(days=3)
        for n, (now, entries) in enumerate(days):
            ingest(store, entries, now, read_deals=n % 2 == 0)
        report = cycle(settings, store, days[-1][0], StoryWindow())
        assert report.stories_merged and report.stories_joined
        return dump(store)


def kept() -> Callable[[], StoryWindow]:
    """One story index for every cycle, as a long-lived cycle process keeps it."""
    window = StoryWindow()
    return lambda: window


def one_shot(snapshot: Path) -> Callable[[], StoryWindow]:
    """A new process for every cycle (``aggregator update``): each starts from the snapshot
    the last one saved."""
    return lambda: StoryWindow(snapshot=snapshot, keep=False)


def incremental(
    tmp_path: Path,
    windows: Callable[[], StoryWindow] | None = None,
    seen: list[str] | None = None,
) -> dict[str, list[list[Any]]]:
    """A cycle every six hours with the kept story index (or one from ``windows`` each
    cycle; ``seen`` gets how each cycle had it), and retention pruning."""
    settings = settings_for(tmp_path, retention_days=2)
    windows = windows or kept()
    with Store(tmp_path / "inc.db") as store:
        for n, (now, entries) in enumerate(batches(days=4)):
            ingest(store, entries, now, read_deals=n % 3 != 1)
            report = cycle(settings, store, now, windows())
            if seen is not None:
                seen.append(report.story_index)
        return dump(store)


def serve(server: FeedServer, entries: list[Entry]) -> None:
    """Each outlet's feed: its entries so far, as RSS."""
    by_feed: dict[str, list[Entry]] = {}
    for entry in entries:
        by_feed.setdefault(entry.feed, []).append(entry)
    for feed, batch in by_feed.items():
        server.add(
            f"/{feed}.xml",
            rss(
                feed,
                [
                    {
                        "title": escape(e.title),
                        "link": e.link or "",
                        "description": escape(e.summary),
                        "date": format_datetime(e.published, usegmt=True),
                    }
                    for e in batch
                    if e.published
                ],
            ),
        )


def fetched(
    tmp_path: Path,
    server: FeedServer,
    pool: Executor | None,
    windows: Callable[[], StoryWindow] | None = None,
    seen: list[str] | None = None,
) -> dict[str, list[list[Any]]]:
    """Through the whole cycle, parsing included: three days of entries fetched at once
    (with ``pool``: parsed in its processes), then four more cycles of new entries (the
    story index kept, or one from ``windows`` each cycle)."""
    days = batches(days=4)
    outlets = tuple(
        FeedSettings(
            name=f"outlet{n}",
            url=server.url(f"/outlet{n}.xml"),
            priority=5 if n == 3 else 0,
            first_party=n == 5,
        )
        for n in range(8)
    )
    settings = replace(
        settings_for(tmp_path),
        feeds=outlets,
        allow_private_networks=True,
        per_host=8,
        database=tmp_path / "fetched.db",
    )
    windows = windows or kept()
    with Store(settings.database) as store:
        served = [e for _, entries in days[:12] for e in entries]
        for now, entries in [(days[11][0], [])] + days[12:]:
            served += entries
            serve(server, served)
            report = pipeline.run_once(
                settings,
                store,
                Fetcher(fetch_options(settings), clock=lambda: now),
                now,
                all_feeds=True,
                executor=pool,
                publish=False,
                rng=random.Random(1),
                stories=windows(),
            )
            assert not report.failed
            if seen is not None:
                seen.append(report.story_index)
        return dump(store)


def digests(tables: dict[str, list[list[Any]]]) -> dict[str, str]:
    """Per table: its row count and a digest of its rows."""
    return {
        table: f"{len(rows)} rows, sha256:"
        + hashlib.sha256(json.dumps(rows).encode()).hexdigest()[:24]
        for table, rows in tables.items()
    }


def expected(scenario: str) -> dict[str, str]:
    return json.loads(GOLDEN.read_text())[scenario]  # type: ignore[no-any-return]


def test_a_cold_cycle_stores_what_it_always_stored(tmp_path: Path) -> None:
    tables = cold(tmp_path)
    assert len(tables["stories"]) > 200 and tables["story_merges"] and tables["story_parties"]
    assert digests(tables) == expected("cold")


def test_incremental_cycles_store_what_they_always_stored(tmp_path: Path) -> None:
    tables = incremental(tmp_path)
    assert tables["story_tags"] and tables["story_parties"]
    assert digests(tables) == expected("incremental")


def test_fetched_cycles_store_what_they_always_stored(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    tables = fetched(tmp_path, feed_server, None)
    assert len(tables["stories"]) > 200 and tables["story_merges"]
    assert digests(tables) == expected("fetched")


def test_fetched_cycles_with_a_parse_pool_store_the_same(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    pool = parse_pool(1)
    try:
        assert digests(fetched(tmp_path, feed_server, pool)) == expected("fetched")
    finally:
        pool.shutdown()


def test_one_shot_cycles_from_the_snapshot_store_what_kept_cycles_store(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    """Every cycle in a new process that reads the story index the last one saved decides
    exactly as one process keeping the index: the same golden tables."""
    seen: list[str] = []
    tables = incremental(tmp_path, one_shot(tmp_path / "inc.story-index"), seen)
    assert digests(tables) == expected("incremental")
    # retention pruning (a change of membership) makes some snapshots stale; not all
    assert seen[0] == "loaded" and "snapshot" in seen and "loaded" in seen[1:], seen
    seen.clear()
    tables = fetched(tmp_path, feed_server, None, one_shot(tmp_path / "f.story-index"), seen)
    assert digests(tables) == expected("fetched")
    assert seen == ["loaded", "snapshot", "snapshot", "snapshot", "snapshot"], seen


def main(argv: list[str]) -> None:
    """Rewrite the golden digests; with a directory argument, also write the full tables
    there (one JSON row per line) to diff what two versions of the code store."""
    import tempfile

    server = FeedServer()
    server.thread.start()
    with tempfile.TemporaryDirectory() as tmp:
        data = {
            "cold": cold(Path(tmp)),
            "incremental": incremental(Path(tmp)),
            "fetched": fetched(Path(tmp), server, None),
        }
    server.httpd.shutdown()
    GOLDEN.write_text(
        json.dumps({name: digests(tables) for name, tables in data.items()}, indent=1) + "\n"
    )
    print(f"wrote {GOLDEN}")
    if argv:
        out = Path(argv[0])
        out.mkdir(parents=True, exist_ok=True)
        for name, tables in data.items():
            (out / f"{name}.txt").write_text(
                "".join(
                    f"{table}\t{json.dumps(row)}\n"
                    for table, rows in tables.items()
                    for row in rows
                )
            )
        print(f"wrote {', '.join(f'{out}/{name}.txt' for name in data)}")


if __name__ == "__main__":
    import sys

    main(sys.argv[1:])
