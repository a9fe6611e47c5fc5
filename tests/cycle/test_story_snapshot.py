"""The story index snapshot: a new process reads the index the last cycle saved, when exact.

Each "process" here is a new ``StoryWindow`` with the snapshot file (what ``aggregator
update`` makes for its one cycle); the reference is the same cycles with the window loaded
from the store every time.
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from aggregator.cycle import StoryWindow, snapshot_path
from aggregator.cycle import _story_window as story_window
from aggregator.models import Entry, Settings
from aggregator.runtime.worker import CycleWorker
from aggregator.store import Store
from aggregator.stories import StoryIndex, StoryOptions
from aggregator.stories._index import holders

from .. import factories
from ..factories import query
from .test_story_window import assignments, batches, cycle, ingest, two_stores


def threads_calling(monkeypatch: pytest.MonkeyPatch, name: str) -> list[str]:
    """The names of the threads that call ``_story_window.<name>`` from now on."""
    names: list[str] = []
    real = getattr(story_window, name)

    def recorded(*args: object) -> object:
        names.append(threading.current_thread().name)
        return real(*args)

    monkeypatch.setattr(story_window, name, recorded)
    return names


def one_shot(settings: Settings, store: Store, snapshot: Path, now: datetime) -> str:
    """One cycle in a "new process"; how it had its story index."""
    return cycle(settings, store, now, StoryWindow(snapshot=snapshot, keep=False)).story_index


def test_one_shot_cycles_read_the_snapshot_and_decide_as_fresh_loads(tmp_path: Path) -> None:
    settings, ours, fresh = two_stores(tmp_path)
    snapshot = snapshot_path(tmp_path / "kept.db")
    seen = []
    for now, entries in batches():
        ingest(ours, entries, now)
        ingest(fresh, entries, now)
        seen.append(one_shot(settings, ours, snapshot, now))
        assert cycle(settings, fresh, now, None).story_index == "loaded"
    assert seen[0] == "loaded" and set(seen[1:]) == {"snapshot"}
    assert assignments(ours) == assignments(fresh)
    assert sum(1 for _, _, rule, _ in assignments(ours) if rule != "new") > 50


def retelling(entry: Entry, feed: str) -> Entry:
    """The same article passed on by another feed a little later (its link, other words)."""
    return Entry(
        **{
            **entry.__dict__,
            "feed": feed,
            "entry_key": f"{feed}:{entry.entry_key}",
            "guid": None,
            "title": f"Worth reading: {entry.title.lower()}",
            "published": entry.published + timedelta(minutes=30) if entry.published else None,
        }
    )


def test_stories_written_after_the_snapshot_are_seen_by_the_next_process(
    tmp_path: Path,
) -> None:
    settings, ours, fresh = two_stores(tmp_path)
    snapshot = snapshot_path(tmp_path / "kept.db")
    plan = batches(days=2)
    for now, entries in plan[:4]:
        ingest(ours, entries, now)
        ingest(fresh, entries, now)
        one_shot(settings, ours, snapshot, now)
        cycle(settings, fresh, now, None)
    written = snapshot.stat().st_mtime_ns
    # another process (no snapshot of its own) clusters the next batch after the snapshot
    now, entries = plan[4]
    ingest(ours, entries, now)
    ingest(fresh, entries, now)
    with Store(tmp_path / "kept.db") as other:
        assert cycle(settings, other, now, None).stories_created > 0
    cycle(settings, fresh, now, None)
    assert snapshot.stat().st_mtime_ns == written  # it did not touch the snapshot
    # the next batch retells the stories that writer made: they must be found and joined
    now = now + timedelta(hours=1)
    retold = [retelling(e, "latecomer") for e in entries[:10]]
    ingest(ours, retold, now)
    ingest(fresh, retold, now)
    assert one_shot(settings, ours, snapshot, now) == "loaded"
    cycle(settings, fresh, now, None)
    assert assignments(ours) == assignments(fresh)
    # each joins the story of the article it passes on, which only the other writer made
    rows = query(
        ours,
        "SELECT l.rule, e.story_id, o.story_id AS original FROM story_links l "
        "JOIN entries e ON e.id = l.entry_id JOIN entries o ON o.link = e.link "
        "AND o.feed != 'latecomer' WHERE e.feed = 'latecomer'",
    )
    assert len(rows) == 10
    assert all(r["rule"] == "same-url" and r["story_id"] == r["original"] for r in rows), rows
    # and the snapshot it saved is read by the process after it
    now = now + timedelta(hours=1)
    ingest(ours, [retelling(e, "latecomer2") for e in entries[10:14]], now)
    assert one_shot(settings, ours, snapshot, now) == "snapshot"


def prepared(tmp_path: Path) -> tuple[Settings, Store, Store, Path, datetime]:
    """Two stores a few cycles in, ours with a snapshot, and the next batch stored in both."""
    settings, ours, fresh = two_stores(tmp_path)
    snapshot = snapshot_path(tmp_path / "kept.db")
    plan = batches(days=1)
    for now, entries in plan[:3]:
        ingest(ours, entries, now)
        ingest(fresh, entries, now)
        one_shot(settings, ours, snapshot, now)
        cycle(settings, fresh, now, None)
    now, entries = plan[3]
    ingest(ours, entries, now)
    ingest(fresh, entries, now)
    cycle(settings, fresh, now, None)
    return settings, ours, fresh, snapshot, now


@pytest.mark.parametrize(
    "damage",
    ["truncated", "flipped", "garbage", "empty", "head-only"],
)
def test_a_damaged_snapshot_is_ignored_with_a_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, damage: str
) -> None:
    settings, ours, fresh, snapshot, now = prepared(tmp_path)
    data = snapshot.read_bytes()
    damaged = {
        "truncated": data[: len(data) // 2],
        "flipped": data[:-100] + bytes([data[-100] ^ 0x40]) + data[-99:],
        "garbage": b"\x00\xff" * 5000,
        "empty": b"",
        "head-only": data[: len(story_window.MAGIC) + 10],
    }[damage]
    snapshot.write_bytes(damaged)
    with caplog.at_level(logging.WARNING, logger="aggregator.cycle._story_window"):
        assert one_shot(settings, ours, snapshot, now) == "loaded"
    assert "story index snapshot" in caplog.text and "ignored" in caplog.text
    assert assignments(ours) == assignments(fresh)
    assert one_shot(settings, ours, snapshot, now + timedelta(hours=1)) == ""  # nothing new
    assert snapshot.read_bytes() != damaged  # the cycle wrote a whole one again


def test_a_snapshot_made_by_other_code_or_of_another_database_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings, ours, fresh, snapshot, now = prepared(tmp_path)
    saved = snapshot.read_bytes()
    # other code: a code_version of the stories, cycle, store, deals ... that is not ours
    monkeypatch.setattr(story_window, "SNAPSHOT_KEY", "0123456789abcdef")
    assert one_shot(settings, ours, snapshot, now) == "loaded"
    assert assignments(ours) == assignments(fresh)
    monkeypatch.undo()
    # another database: a copy of the snapshot beside a database with other stories
    settings2, other, twin = two_stores(tmp_path / "b")
    theirs = snapshot_path(tmp_path / "b" / "kept.db")
    theirs.write_bytes(saved)
    for now2, entries in batches(days=1)[:1]:
        ingest(other, entries, now2)
        ingest(twin, entries, now2)
        assert one_shot(settings2, other, theirs, now2) == "loaded"
        cycle(settings2, twin, now2, None)
    assert assignments(other) == assignments(twin)


def test_a_migration_makes_the_snapshot_stale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings, ours, fresh, snapshot, now = prepared(tmp_path)
    monkeypatch.setattr(Store, "schema_version", lambda self: "9999_a_later_migration")
    assert one_shot(settings, ours, snapshot, now) == "loaded"
    assert assignments(ours) == assignments(fresh)


def test_a_long_lived_process_saves_its_index_when_it_stops(tmp_path: Path) -> None:
    settings = factories.bare_settings(tmp_path, database=tmp_path / "db" / "a.db")
    plan = batches(days=1)
    worker = CycleWorker(settings)
    try:
        for now, entries in plan[:2]:
            with Store(settings.database) as store:
                ingest(store, entries, now)
            worker.run(now)
        assert not snapshot_path(settings.database).exists()  # its cycles pay no file
        worker.stop()
        assert snapshot_path(settings.database).exists()
        now, entries = plan[2]
        with Store(settings.database) as store:
            ingest(store, entries, now)
        report, _, _ = worker.run(now)
        assert report.story_index == "snapshot" and worker.started == 2
    finally:
        worker.stop()


def test_a_kept_index_larger_than_its_bound_is_saved_and_read_back_each_cycle(
    tmp_path: Path,
) -> None:
    """A long-lived process keeps at most ``keep_items`` items between cycles: a larger
    index is saved to the snapshot after the stories stage, let go, and read back by the
    next cycle, which decides exactly as a fresh load."""
    settings, ours, fresh = two_stores(tmp_path)
    snapshot = snapshot_path(tmp_path / "kept.db")
    window = StoryWindow(snapshot=snapshot, keep=True, keep_items=100)
    seen = []
    for now, entries in batches():
        ingest(ours, entries, now)
        ingest(fresh, entries, now)
        seen.append(cycle(settings, ours, now, window).story_index)
        assert window._index is None or len(window._index) <= 100
        assert cycle(settings, fresh, now, None).story_index == "loaded"
    assert seen[:3] == ["loaded", "kept", "kept"]  # 40, 80, then 120 items: over the bound
    assert seen[3] == "snapshot" and "snapshot" in seen[4:]
    assert assignments(ours) == assignments(fresh)


def test_a_restored_index_holds_exactly_what_was_saved(tmp_path: Path) -> None:
    """Every table of the window, in its order (floats as summed), after merges."""
    settings, ours, _ = two_stores(tmp_path)
    window = StoryWindow()
    for now, entries in batches(days=2):
        ingest(ours, entries, now)
        report = cycle(settings, ours, now, window)
    assert report.story_index == "kept"
    index = window._index
    assert index is not None and len(index) > 100
    assert sum(r["n"] for r in query(ours, "SELECT count(*) AS n FROM story_merges")) > 0
    again = StoryIndex.restored(index.options, list(index.snapshot()))
    a, b = index._window, again._window
    assert list(a.slots) == list(b.slots) and a.slots == b.slots
    assert list(a.postings.items()) == list(b.postings.items())
    for name in ("strong", "urls", "guids", "parties", "members"):
        mine, theirs = getattr(a, name), getattr(b, name)
        assert list(mine) == list(theirs), name
        assert all(list(holders(mine[k])) == list(holders(theirs[k])) for k in mine), name
    for name in ("profiles", "story_feeds"):
        mine, theirs = getattr(a, name), getattr(b, name)
        assert [list(v.items()) for v in mine.values()] == [
            list(v.items()) for v in theirs.values()
        ], name
    assert (a.lower, a.upper, a.digest_count) == (b.lower, b.upper, b.digest_count)
    assert (a.newest, a.span, sorted(a._queue)) == (b.newest, b.span, sorted(b._queue))
    with pytest.raises(ValueError):
        StoryIndex.restored(StoryOptions(window_days=7), list(index.snapshot()))
    records = list(index.snapshot())
    with pytest.raises(ValueError):
        StoryIndex.restored(index.options, records[:-2] + records[-1:])  # a record lost


def test_a_writer_killed_mid_write_leaves_no_file_behind(tmp_path: Path) -> None:
    settings, ours, _fresh, snapshot, now = prepared(tmp_path)
    dead = snapshot.with_name(f".{snapshot.name}.999999999.tmp")  # no such process
    alive = snapshot.with_name(f".{snapshot.name}.1.tmp")  # init: alive, not ours
    dead.write_bytes(b"half a snapshot")
    alive.write_bytes(b"being written")
    assert one_shot(settings, ours, snapshot, now) == "snapshot"
    assert not dead.exists() and alive.exists()
    assert sorted(p.name for p in tmp_path.glob(f".{snapshot.name}.*")) == [alive.name]


def test_a_snapshot_read_ahead_in_a_thread_decides_as_fresh_loads(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # what a one-shot cycle does at its first new body: the read overlaps the fetch
    readers = threads_calling(monkeypatch, "_read_snapshot")
    settings, ours, fresh = two_stores(tmp_path)
    snapshot = snapshot_path(tmp_path / "kept.db")
    options = StoryOptions(window_days=settings.story_window_days)
    seen = []
    for now, entries in batches(days=3):
        ingest(ours, entries, now)
        ingest(fresh, entries, now)
        window = StoryWindow(snapshot=snapshot, keep=False)
        window.prefetch(ours, options)
        seen.append(cycle(settings, ours, now, window).story_index)
        assert window._prefetched is None  # taken by the cycle, or let go: nothing kept
        cycle(settings, fresh, now, None)
    assert seen[0] == "loaded" and set(seen[1:]) == {"snapshot"}
    assert assignments(ours) == assignments(fresh)
    assert readers and set(readers) == {"story-snapshot-read"}  # never in the cycle's thread


def test_a_snapshot_read_ahead_goes_unused_when_a_writer_changed_stories_meanwhile(
    tmp_path: Path,
) -> None:
    settings, ours, fresh = two_stores(tmp_path)
    snapshot = snapshot_path(tmp_path / "kept.db")
    options = StoryOptions(window_days=settings.story_window_days)
    plan = batches(days=2)
    for now, entries in plan[:4]:
        ingest(ours, entries, now)
        ingest(fresh, entries, now)
        one_shot(settings, ours, snapshot, now)
        cycle(settings, fresh, now, None)
    window = StoryWindow(snapshot=snapshot, keep=False)
    window.prefetch(ours, options)  # read while the snapshot is still exact
    now, entries = plan[4]
    ingest(ours, entries, now)
    ingest(fresh, entries, now)
    with Store(tmp_path / "kept.db") as other:  # another process clusters the batch first
        assert cycle(settings, other, now, None).stories_created > 0
    cycle(settings, fresh, now, None)
    now, entries = plan[5]
    ingest(ours, entries, now)
    ingest(fresh, entries, now)
    assert cycle(settings, ours, now, window).story_index == "loaded"  # not the stale read
    cycle(settings, fresh, now, None)
    assert assignments(ours) == assignments(fresh)


def test_a_one_shot_cycle_writes_its_snapshot_in_a_thread_and_waits_for_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file is written while the cycle publishes, in a thread of its own, and it is
    whole on disk when the cycle returns: the next process reads it."""
    writers = threads_calling(monkeypatch, "_write_snapshot")
    settings, ours, _fresh = two_stores(tmp_path)
    snapshot = snapshot_path(tmp_path / "kept.db")
    plan = batches(days=2)
    for now, entries in plan[:2]:
        ingest(ours, entries, now)
        one_shot(settings, ours, snapshot, now)
        assert snapshot.exists()  # the cycle waited for its writer
    assert writers == ["story-snapshot-write"] * 2
    now, entries = plan[2]
    ingest(ours, entries, now)
    assert one_shot(settings, ours, snapshot, now) == "snapshot"


def test_a_snapshot_that_cannot_be_written_is_logged_and_the_cycle_goes_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings, ours, _fresh = two_stores(tmp_path)
    snapshot = tmp_path / "no-such-dir" / "kept.db.story-index"
    now, entries = batches(days=1)[0]
    ingest(ours, entries, now)
    with caplog.at_level(logging.WARNING, logger=story_window.log.name):
        report = cycle(settings, ours, now, StoryWindow(snapshot=snapshot, keep=False))
    assert report.story_index == "loaded" and not report.stage_errors
    assert not snapshot.exists()
    assert any("snapshot not written" in r.getMessage() for r in caplog.records)
