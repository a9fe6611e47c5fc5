"""The story index kept between cycles: same decisions as a fresh load, reloaded when stale."""

from __future__ import annotations

import hashlib
import os
import random
import signal
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from aggregator.cycle import StoryWindow
from aggregator.cycle import _pipeline as pipeline
from aggregator.fetch import Fetcher
from aggregator.models import Entry, FeedSettings, Settings
from aggregator.runtime.service import fetch_options
from aggregator.runtime.worker import CycleWorker
from aggregator.store import Store
from aggregator.store._story_writes import AssignWrites

from .. import factories
from ..conftest import NOW, rss
from ..factories import query

COMPANIES = [
    "Anthropic",
    "Mistral",
    "Cohere",
    "Perplexity",
    "Lumora",
    "Graphcore",
    "Runway",
    "Hugging Face",
    "Scale AI",
    "Databricks",
    "Glean",
    "Harvey",
    "Sierra",
    "Figure",
]
BACKERS = ["Amazon", "Nvidia", "Microsoft", "Google", "Salesforce", "Sequoia", "a16z"]
TELLINGS = [
    "{a} raises ${m} million in Series {r} led by {b}",
    "{b} leads ${m}M Series {r} round in {a}",
    "{a} closes ${m} million funding round with {b} as lead investor",
    "AI startup {a} lands ${m}M from {b} and others",
]
OTHER = [
    "{a} launches a new reasoning model for coding",
    "{a} opens an office in Paris and hires 50 engineers",
    "{b} and {a} announce a cloud partnership",
    "{a} chief executive says demand for agents is growing",
]


def newsroom(seed: int, count: int, start: datetime, hours: float) -> list[Entry]:
    """``count`` entries over ``hours``: events told by one to four outlets, in their words."""
    rng = random.Random(seed)
    out: list[Entry] = []
    while len(out) < count:
        a, b = rng.choice(COMPANIES), rng.choice(BACKERS)
        deal = rng.random() < 0.6
        fields = {"a": a, "b": b, "m": rng.choice([40, 75, 100, 250, 600]), "r": rng.choice("ABCD")}
        when = start + timedelta(hours=rng.uniform(0, hours))
        tellings = rng.sample(TELLINGS, rng.randint(1, 4)) if deal else [rng.choice(OTHER)]
        outlets = rng.sample(range(8), len(tellings))  # one event, told by other outlets
        for k, telling in enumerate(tellings):
            title = telling.format(**fields)
            feed = f"outlet{outlets[k]}"
            link = f"https://{feed}.example/{seed}-{len(out)}"
            out.append(
                Entry(
                    feed=feed,
                    entry_key=link,
                    guid=link,
                    link=link,
                    title=title,
                    summary=f"{title}. The company said more in a statement on {when:%A}.",
                    content_html=f"<p>{title}</p>",
                    author=None,
                    published=when + timedelta(minutes=20 * k),
                    updated=None,
                    content_hash=hashlib.sha256(title.encode()).hexdigest(),
                    original_link=link,
                )
            )
    return out[:count]


def ingest(store: Store, entries: list[Entry], now: datetime) -> None:
    by_feed: dict[str, list[Entry]] = {}
    for entry in entries:
        by_feed.setdefault(entry.feed, []).append(entry)
    for feed, batch in by_feed.items():
        store.upsert_entries(feed, batch, now)


def cycle(
    settings: Settings, store: Store, now: datetime, stories: StoryWindow | None
) -> pipeline.RunReport:
    return pipeline.run_once(
        settings, store, Fetcher(fetch_options(settings)), now, publish=False, stories=stories
    )


def assignments(store: Store) -> list[tuple[int, int, str, int | None]]:
    return [
        (r["entry_id"], r["story_id"], r["rule"], r["matched_entry_id"])
        for r in query(
            store,
            "SELECT l.entry_id, e.story_id, l.rule, l.matched_entry_id FROM story_links l "
            "JOIN entries e ON e.id = l.entry_id ORDER BY l.entry_id",
        )
    ]


def batches(days: int = 5, per_batch: int = 40) -> list[tuple[datetime, list[Entry]]]:
    """Batches of entries, 6 hours apart, each a little behind its cycle's clock."""
    start = NOW - timedelta(days=days)
    out = []
    for n in range(days * 4):
        now = start + timedelta(hours=6 * (n + 1))
        out.append((now, newsroom(n, per_batch, now - timedelta(hours=6), 4.5)))
    return out


def two_stores(tmp_path: Path) -> tuple[Settings, Store, Store]:
    settings = factories.bare_settings(tmp_path)
    return settings, Store(tmp_path / "kept.db"), Store(tmp_path / "fresh.db")


def test_kept_index_decides_exactly_as_a_fresh_load(tmp_path: Path) -> None:
    settings, kept, fresh = two_stores(tmp_path)
    window = StoryWindow()
    loads = []
    for now, entries in batches():
        ingest(kept, entries, now)
        ingest(fresh, entries, now)
        loads.append(cycle(settings, kept, now, window).story_index)
        assert cycle(settings, fresh, now, None).story_index == "loaded"
    ours, theirs = assignments(kept), assignments(fresh)
    assert ours == theirs
    joined = sum(1 for _, _, rule, _ in ours if rule != "new")
    assert joined > 50  # the data has stories to join
    assert loads[0] == "loaded" and set(loads[1:]) == {"kept"}
    assert window.loads == 1


def test_another_writer_forces_a_reload(tmp_path: Path) -> None:
    settings, kept, fresh = two_stores(tmp_path)
    window = StoryWindow()
    plan = batches(days=2)
    for n, (now, entries) in enumerate(plan):
        ingest(kept, entries, now)
        ingest(fresh, entries, now)
        if n == 4:  # another process clusters this batch: the kept index did not see it
            with Store(tmp_path / "kept.db") as other:
                assert cycle(settings, other, now, None).stories_created > 0
            assert cycle(settings, kept, now, window).story_index == ""  # nothing pending
        else:
            report = cycle(settings, kept, now, window)
            assert report.story_index == ("kept" if 0 < n != 5 else "loaded")
        cycle(settings, fresh, now, None)
    assert assignments(kept) == assignments(fresh)
    assert window.loads == 2


def test_backlog_older_than_the_window_is_loaded_for(tmp_path: Path) -> None:
    settings, kept, fresh = two_stores(tmp_path)
    window = StoryWindow()
    plan = batches(days=6)
    for now, entries in plan:
        ingest(kept, entries, now)
        ingest(fresh, entries, now)
        cycle(settings, kept, now, window)
        cycle(settings, fresh, now, None)
    # a new feed arrives with a retelling dated five days back
    old = next(e for e in plan[2][1] if e.title.startswith(tuple(c for c in COMPANIES)))
    backlog = Entry(
        **{
            **old.__dict__,
            "feed": "latecomer",
            "entry_key": "https://late/1",
            "guid": "https://late/1",
            "link": "https://late/1",
        }
    )
    now = plan[-1][0] + timedelta(hours=1)
    for store in (kept, fresh):
        ingest(store, [backlog], now)
    assert cycle(settings, kept, now, window).stage_errors == {}
    cycle(settings, fresh, now, None)
    assert assignments(kept) == assignments(fresh)
    assert window.loads == 2


def test_a_failed_cycle_makes_the_next_one_reload(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings, kept, fresh = two_stores(tmp_path)
    window = StoryWindow()
    plan = batches(days=1)
    for now, entries in plan[:2]:
        ingest(kept, entries, now)
        ingest(fresh, entries, now)
        cycle(settings, kept, now, window)
        cycle(settings, fresh, now, None)
    now, entries = plan[2]
    ingest(kept, entries, now)
    ingest(fresh, entries, now)
    calls = {"n": 0}
    real = AssignWrites.attach

    def flaky(self: AssignWrites, *args: object, **kw: object) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk I/O error")
        real(self, *args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(AssignWrites, "attach", flaky)
    # the failure is isolated: each feed is tried alone, none fails again, and the whole
    # batch is clustered by a fresh load, as one run would have done it
    report = cycle(settings, kept, now, window)
    assert report.story_index == "loaded" and report.stage_errors == {}
    assert calls["n"] > 3
    monkeypatch.setattr(AssignWrites, "attach", real)
    cycle(settings, fresh, now, None)
    assert assignments(kept) == assignments(fresh)


def test_a_feed_whose_entries_always_break_clustering_is_left_out(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings, kept, _fresh = two_stores(tmp_path)
    now, entries = batches(days=1)[0]
    ingest(kept, entries, now)
    poisoned = entries[0].feed
    ids = {i.entry_id for i in kept.pending_items() if i.feed == poisoned}

    def breaking(real: Any) -> Any:
        def broken(self: AssignWrites, decision: object, *args: object, **kw: object) -> Any:
            if decision.entry_id in ids:  # type: ignore[attr-defined]
                raise ValueError("a stored value this code cannot handle")
            return real(self, decision, *args, **kw)

        return broken

    # whether an entry starts a story or joins one, writing it fails
    monkeypatch.setattr(AssignWrites, "create", breaking(AssignWrites.create))
    monkeypatch.setattr(AssignWrites, "attach", breaking(AssignWrites.attach))
    for _ in range(2):  # and the next cycle is not poisoned either
        report = cycle(settings, kept, now, window := StoryWindow())
        assert set(report.stage_errors) == {f"stories:{poisoned}"}, report.stage_errors
        assert {i.feed for i in kept.pending_items()} == {poisoned}
    assert window.loads >= 1


def descendants(pid: int) -> list[int]:
    out, todo = [], [pid]
    while todo:
        parent = todo.pop()
        try:
            text = Path(f"/proc/{parent}/task/{parent}/children").read_text()
        except OSError:
            continue
        kids = [int(k) for k in text.split()]
        out += kids
        todo += kids
    return out


def alive(pids: list[int]) -> list[int]:
    """Those still running (zombies count as gone)."""
    out = []
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            out.append(pid)
    return out


def test_cycle_process_keeps_its_index_and_survives_a_kill(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds"
    feeds.mkdir()
    (feeds / "wire.xml").write_text(
        rss("Wire", [{"title": "Mistral AI raises EUR 600 million", "link": "https://w.example/1"}])
    )
    settings = Settings(
        database=tmp_path / "db" / "a.db",
        output=tmp_path / "site",
        feeds=(FeedSettings(name="wire", path=feeds / "wire.xml"),),
    )
    plan = batches(days=1)
    worker = CycleWorker(settings)
    try:
        seen = []
        for now, entries in plan[:3]:
            with Store(settings.database) as store:
                ingest(store, entries, now)
            report, counts, _ = worker.run(now)
            seen.append(report.story_index)
        assert seen == ["loaded", "kept", "kept"]
        assert worker.started == 1 and counts["entries"] == 121
        assert worker.process is not None  # updating yields the CPU to serving
        assert os.getpriority(os.PRIO_PROCESS, worker.process.pid) == min(
            os.getpriority(os.PRIO_PROCESS, 0) + 10, 19
        )
        assert worker.process is not None
        pool = descendants(worker.process.pid)  # its parse pool (and forkserver)
        assert pool, "the cycles parsed nothing in a pool"
        os.kill(worker.process.pid, signal.SIGKILL)  # the OOM killer, say
        worker.process.join(5)
        deadline = time.monotonic() + 15
        while alive(pool) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not alive(pool)  # nothing left behind
        now, entries = plan[3]
        with Store(settings.database) as store:
            ingest(store, entries, now)
        report, counts, _ = worker.run(now)
        assert report.story_index == "loaded" and worker.started == 2
        assert counts["entries"] == 161
    finally:
        worker.stop()
    assert worker.process is None


def test_cycle_process_leaves_ctrl_c_to_the_parent_and_unwinds_on_sigterm(tmp_path: Path) -> None:
    settings = Settings(database=tmp_path / "db" / "a.db", output=tmp_path / "site")
    worker = CycleWorker(settings)
    try:
        now, entries = batches(days=1)[0]
        with Store(settings.database) as store:
            ingest(store, entries, now)
        worker.run(now)
        process = worker.process
        assert process is not None
        os.kill(process.pid, signal.SIGINT)  # Ctrl-C in a terminal: whole group
        report, _, _ = worker.run(now + timedelta(minutes=5))
        assert worker.started == 1 and report.story_index == ""
        os.kill(process.pid, signal.SIGTERM)  # a supervisor stopping the group
        process.join(5)
        assert process.exitcode == 0  # unwound, not killed by the signal
    finally:
        worker.stop()
