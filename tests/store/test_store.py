"""The store: idempotent upserts, GUID churn, migrations, merges, backups."""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from aggregator.errors import StoreError
from aggregator.models import (
    Deal,
    Entry,
    FeedSettings,
    Money,
    Party,
    StoryDecision,
    StoryMerge,
    StoryQuery,
)
from aggregator.store import Store

from ..factories import query

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def entry(
    n: int,
    *,
    feed: str = "a",
    key: str | None = None,
    title: str | None = None,
    link: str | None = None,
) -> Entry:
    title = title or f"Story number {n}"
    return Entry(
        feed=feed,
        entry_key=key or f"guid:{n}",
        guid=str(n),
        link=link or f"https://example.com/{n}",
        title=title,
        summary=f"about {n}",
        content_html=f"<p>about {n}</p>",
        author=None,
        published=NOW - timedelta(hours=n),
        updated=None,
        content_hash=f"h-{title}",
    )


@pytest.fixture
def store() -> Store:
    s = Store(None)
    s.sync_feeds(
        [
            FeedSettings(name="a", url="https://a.example/feed"),
            FeedSettings(name="b", url="https://b.example/feed"),
        ]
    )
    return s


def test_upsert_is_idempotent(store: Store) -> None:
    first = store.upsert_entries("a", [entry(1), entry(2)], NOW)
    again = store.upsert_entries("a", [entry(1), entry(2)], NOW + timedelta(hours=1))
    assert len(first.new_ids) == 2
    assert again.new_ids == () and again.changed_ids == () and again.unchanged == 2
    assert store.entry_count() == 2


def test_changing_guids_do_not_duplicate(store: Store) -> None:
    store.upsert_entries("a", [entry(1, key="guid:first-fetch")], NOW)
    result = store.upsert_entries("a", [entry(1, key="guid:second-fetch")], NOW)
    assert result.new_ids == ()
    assert store.entry_count() == 1


def test_edited_entry_is_updated_not_duplicated(store: Store) -> None:
    (eid,) = store.upsert_entries("a", [entry(1)], NOW).new_ids
    result = store.upsert_entries("a", [entry(1, title="Story number 1, updated")], NOW)
    assert result.changed_ids == (eid,)
    assert store.entries([eid])[0].entry.title == "Story number 1, updated"


def test_same_key_in_two_feeds_is_two_entries(store: Store) -> None:
    store.upsert_entries("a", [entry(1)], NOW)
    store.upsert_entries("b", [entry(1, feed="b")], NOW)
    assert store.entry_count() == 2


def test_stories_merge_keeps_older_id_and_hides_the_other(store: Store) -> None:
    ids = store.upsert_entries("a", [entry(1), entry(2), entry(3)], NOW).new_ids
    with store.write():
        s1 = store.create_story(StoryDecision(ids[0], None, "new"), NOW)
        s2 = store.create_story(StoryDecision(ids[1], None, "new"), NOW)
        store.attach(StoryDecision(ids[2], s2, "similar", 0.8, ("anthropic",)), s2, NOW)
        store.merge_stories(s1, s2, NOW + timedelta(minutes=5), ids[2])
    live = store.select_stories(StoryQuery(), limit=10)
    assert [s.id for s in live] == [s1]
    assert len(live[0].sources) == 3
    assert store.live_story_id(s2) == s1
    assert live[0].updated == NOW + timedelta(minutes=5)
    # the news time: the earliest report's date (entry 3's, which joined the dropped story)
    assert live[0].published == NOW - timedelta(hours=3)
    assert [r.rule for r in store.explain(s1)] == ["new", "new", "similar"]
    similar = store.explain(s1)[2]
    assert (
        similar.entry_id,
        similar.feed,
        similar.score,
        similar.shared_terms,
        similar.created_at,
    ) == (ids[2], "a", 0.8, ("anthropic",), NOW)
    assert store.merges_into(s1) == [
        StoryMerge(kept_id=s1, dropped_id=s2, entry_id=ids[2], merged_at=NOW + timedelta(minutes=5))
    ]


def test_batched_story_writes_are_seen_by_a_merge_and_counted(store: Store) -> None:
    ids = store.upsert_entries("a", [entry(n) for n in range(1, 6)], NOW).new_ids
    with store.write():
        with store.story_writes(NOW) as writes:
            s1 = writes.create(StoryDecision(ids[0], None, "new"), "f1")
            s2 = writes.create(StoryDecision(ids[1], None, "new"), "f2")
            writes.attach(StoryDecision(ids[2], s2, "similar", 0.8, ("x",)), s2, "f3")
            writes.merge(s1, s2, ids[2])  # sees the rows still waiting in the batch
            writes.attach(StoryDecision(ids[3], s1, "same-url", 1.0), s1, None)
            s3 = writes.create(StoryDecision(ids[4], None, "new"), "f5")
        assert (s1, s2, s3) == (1, 2, 3)  # as SQLite numbers rows itself
    rows = query(store, "SELECT id, story_id, story_features FROM entries ORDER BY id")
    assert [(r["story_id"], r["story_features"]) for r in rows] == [
        (s1, "f1"),
        (s1, "f2"),
        (s1, "f3"),
        (s1, None),
        (s3, "f5"),
    ]
    counts = query(store, "SELECT id, source_count, merged_into FROM stories ORDER BY id")
    assert [(r["source_count"], r["merged_into"]) for r in counts] == [
        (4, None),
        (2, s1),
        (1, None),
    ]
    assert [r.entry_id for r in store.explain(s1)] == list(ids[:4])
    assert store.count_stories(StoryQuery()) == 2
    assert store.live_story_ids([s1, s2, s3, 99]) == {s1, s3}


def test_story_writes_need_a_write_transaction(store: Store) -> None:
    (eid,) = store.upsert_entries("a", [entry(1)], NOW).new_ids
    with pytest.raises(StoreError, match="transaction"):
        store.create_story(StoryDecision(eid, None, "new"), NOW)
    with (
        pytest.raises(RuntimeError, match="boom"),
        store.write(),
        store.story_writes(NOW) as writes,
    ):
        writes.create(StoryDecision(eid, None, "new"))
        raise RuntimeError("boom")
    assert query(store, "SELECT count(*) AS n FROM stories")[0]["n"] == 0


def test_story_facts_bump_updated_only_on_change(store: Store) -> None:
    (eid,) = store.upsert_entries("a", [entry(1)], NOW).new_ids
    deal = Deal(
        type="investment",
        amount=Money(4e9, "USD", "up to", usd=4e9),
        parties=(Party("Amazon", "investor", "amazon"), Party("Anthropic", "target", "anthropic")),
        evidence="to invest",
    )
    with store.write():
        sid = store.create_story(StoryDecision(eid, None, "new"), NOW)
        assert store.set_story_facts(
            sid,
            primary_entry_id=eid,
            deal=deal,
            tags=["x"],
            curated=True,
            now=NOW + timedelta(hours=1),
        )
        assert not store.set_story_facts(
            sid,
            primary_entry_id=eid,
            deal=deal,
            tags=["x"],
            curated=True,
            now=NOW + timedelta(hours=2),
        )
    (story,) = store.select_stories(StoryQuery(company="anthropic"), limit=5)
    assert story.deal == deal
    assert story.updated == NOW + timedelta(hours=1)
    assert store.count_stories(StoryQuery(curated=True)) == 1
    assert store.count_stories(StoryQuery(deal_type="acquisition")) == 0
    assert [c.slug for c in store.facets().companies] == ["amazon", "anthropic"]
    assert store.deal_volume_by_month()[0].usd == 4e9


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('aggregator', '9999_future', '2030-01-01')"
    )
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer than this program"):
        Store(path)


def test_backup_is_consistent_and_opens(tmp_path: Path) -> None:
    store = Store(tmp_path / "live.db")
    store.sync_feeds([FeedSettings(name="a", url="https://a.example/feed")])
    store.upsert_entries("a", [entry(i) for i in range(50)], NOW)
    store.backup(tmp_path / "copy.db")
    copy = Store(tmp_path / "copy.db")
    assert copy.integrity_ok() and copy.entry_count() == 50
    with pytest.raises(StoreError):
        store.backup(tmp_path / "copy.db")


def test_second_writer_waits_instead_of_failing(tmp_path: Path) -> None:
    path = tmp_path / "db.sqlite"
    one, two = Store(path), Store(path)
    for s in (one, two):
        s.sync_feeds([FeedSettings(name="a", url="https://a.example/feed")])
    errors: list[BaseException] = []

    def writer(s: Store, start: int) -> None:
        try:
            for i in range(start, start + 100):
                s.upsert_entries("a", [entry(i)], NOW)
        except BaseException as exc:  # pragma: no cover - the failure being tested for
            errors.append(exc)

    threads = [
        threading.Thread(target=writer, args=(one, 0)),
        threading.Thread(target=writer, args=(two, 1000)),
    ]
    reader = Store(path)
    for t in threads:
        t.start()
    while any(t.is_alive() for t in threads):
        reader.entry_count()
    for t in threads:
        t.join()
    assert errors == []
    assert reader.entry_count() == 200


def test_prune_removes_old_entries_and_empty_stories(store: Store) -> None:
    ids = store.upsert_entries("a", [entry(1), entry(100)], NOW).new_ids
    with store.write():
        for eid in ids:
            store.create_story(StoryDecision(eid, None, "new"), NOW)
    assert store.prune(NOW - timedelta(hours=50)) == 1
    assert store.count_stories(StoryQuery()) == 1


def test_prune_clears_what_dropped_stories_left_and_recounts_the_rest(store: Store) -> None:
    deal = Deal(type="funding", parties=(Party("Quillon AI", "target", "quillon-ai"),))
    old, new, alone = store.upsert_entries("a", [entry(100), entry(1), entry(101)], NOW).new_ids
    later = NOW + timedelta(hours=1)
    with store.write():
        shared = store.create_story(StoryDecision(old, None, "new"), NOW)
        store.attach(StoryDecision(new, shared, "similar", 0.9, ()), shared, NOW)
        gone = store.create_story(StoryDecision(alone, None, "new"), NOW)
        for sid, eid in ((shared, new), (gone, alone)):
            store.set_story_facts(
                sid, primary_entry_id=eid, deal=deal, tags=["money"], curated=False, now=NOW
            )
    assert store.prune(NOW - timedelta(hours=50), later) == 2
    for table in ("story_parties", "story_tags"):
        assert [r["story_id"] for r in query(store, f"SELECT story_id FROM {table}")] == [shared]
    (kept,) = store.stories([shared])
    assert kept.source_count == 1 and [s.entry_id for s in kept.sources] == [new]
    assert kept.updated == later  # its published entry changed: it lists one source
    assert store.stories([gone]) == []


def test_prune_looks_only_at_stories_that_lost_entries(store: Store) -> None:
    """Retention runs every cycle: with nothing old to delete it must not read every story."""
    cut = NOW - timedelta(days=30)
    steps = []
    for size in (10, 400):
        new = store.upsert_entries(
            "a", [entry(n, key=f"{size}:{n}", title=f"{size} {n}") for n in range(size)], NOW
        ).new_ids
        with store.write():
            for eid in new:
                store.create_story(StoryDecision(eid, None, "new"), NOW)
        steps.append(_steps(store, lambda: store.prune(cut)))
    assert steps[1] <= 2 * steps[0] + 5, steps


def test_distinct_entries_with_equal_text_are_kept_apart(store: Store) -> None:
    episodes = [entry(i, title="Episode") for i in range(3)]  # same text, own GUIDs and links
    assert len(store.upsert_entries("a", episodes, NOW).new_ids) == 3
    assert store.upsert_entries("a", episodes, NOW).unchanged == 3


def test_deal_json_round_trip_is_exact() -> None:
    import json
    from dataclasses import asdict

    from aggregator.store import _rows

    deal = Deal(
        type="funding",
        status="announced",
        amount=Money(4e8, "EUR", "about", high=5e8, usd=4.3e8, text="€400M"),
        valuation=Money(5e9, "USD", usd=5e9),
        round="series-b",
        parties=(
            Party("Mistral AI", "target", "mistral-ai"),
            Party("Lightspeed", "investor", "lightspeed", lead=True),
        ),
        evidence="raises",
        rule="raises",
    )
    text = _rows.deal_to_json(deal)
    expected = json.loads(json.dumps(asdict(deal)))
    for party in expected["parties"]:  # ``lead`` is stored only when set
        if not party["lead"]:
            del party["lead"]
    del expected["also"]  # and ``also`` only when the entry has other deals
    assert json.loads(text) == expected
    assert _rows.deal_from_json(text) == deal


DIGEST = Deal(
    type="funding",
    status="announced",
    amount=Money(7.4e9, "USD", usd=7.4e9, text="$7.4B"),
    parties=(Party("DeepSeek", "target", "deepseek"),),
    evidence="raises",
    rule="raises",
    also=(
        Deal(
            type="acquisition",
            status="announced",
            parties=(Party("OpenAI", "acquirer", "openai"), Party("Ona", "target", "ona")),
            evidence="buys",
            rule="acquires",
        ),
        Deal(
            type="investment",
            status="rumoured",
            amount=Money(5e8, "EUR", "about", usd=5.4e8, text="about €500M"),
            parties=(
                Party("Nvidia", "investor", "nvidia", lead=True),
                Party("Poolside", "target", "poolside"),
            ),
            evidence="invests about €500M in",
            rule="invest-in",
        ),
    ),
)


def test_a_digests_other_deals_round_trip() -> None:
    import json

    from aggregator.models import EntryDeal
    from aggregator.store import _rows

    text = _rows.deal_to_json(DIGEST)
    assert text is not None
    stored = json.loads(text)
    assert [d["type"] for d in stored["also"]] == ["acquisition", "investment"]
    assert all("also" not in d for d in stored["also"])  # the others have no others
    assert _rows.deal_from_json(text) == DIGEST
    reading = EntryDeal("v1", DIGEST)
    assert _rows.entry_deal_from_json(_rows.entry_deal_to_json(reading)) == reading


def test_a_deal_stored_before_digests_had_other_deals_loads() -> None:
    from aggregator.models import EntryDeal
    from aggregator.store import _rows

    old = (  # deal_json as the code before ``also`` wrote it
        '{"amount": {"currency": "USD", "high": null, "qualifier": null, "text": "$7.4B", '
        '"usd": 7400000000.0, "value": 7400000000.0}, "evidence": "raises", "parties": '
        '[{"name": "DeepSeek", "role": "target", "slug": "deepseek"}], "round": null, '
        '"rule": "raises", "status": "announced", "type": "funding", "valuation": null}'
    )
    deal = _rows.deal_from_json(old)
    assert deal == replace(DIGEST, also=())
    assert _rows.deal_to_json(deal) == old  # and it is written back byte for byte
    reading = _rows.entry_deal_from_json(f'{{"deal": {old}, "v": "v0"}}')
    assert reading == EntryDeal("v0", deal)


def test_a_digest_story_keeps_its_other_deals(store: Store) -> None:
    (eid,) = store.upsert_entries("a", [entry(1)], NOW).new_ids
    with store.write():
        sid = store.create_story(StoryDecision(eid, None, "new"), NOW)
        store.set_story_facts(
            sid, primary_entry_id=eid, deal=DIGEST, tags=[], curated=True, now=NOW
        )
    (story,) = store.select_stories(StoryQuery(), limit=5)
    assert story.deal == DIGEST
    (facts,) = store.deal_facts([sid])
    assert facts.deal == DIGEST


@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE stories SET merged_into = 5 WHERE merged_into = 7",  # every merge
        "SELECT e.id FROM json_each('[3, 4]') j JOIN entries e ON e.id IN (SELECT i.id "  # facts
        "FROM entries i WHERE i.story_id = j.value ORDER BY i.pub_time, i.id LIMIT 200)",
        "SELECT id FROM stories WHERE id IN (SELECT value FROM json_each('[3, 4]')) "
        "AND merged_into IS NULL",
        "SELECT key, story_id FROM feed_members WHERE story_id IN "
        "(SELECT value FROM json_each('[3, 4]'))",
        "SELECT content_hash FROM entries WHERE feed = 'a' ORDER BY id DESC LIMIT 100",
        "SELECT n FROM feed_sizes WHERE key = 'all'",
        "SELECT s.id FROM feed_members m JOIN stories s ON s.id = m.story_id "
        "WHERE m.key = 'all' ORDER BY m.story_id DESC LIMIT 50",
        "SELECT id FROM entries WHERE story_id IS NULL ORDER BY pub_time, id LIMIT 10",
    ],
)
def test_cycle_queries_read_index_ranges_not_the_history(tmp_path: Path, sql: str) -> None:
    """What every cycle or merge runs must not read every story or entry (cost ∝ history)."""
    store = Store(tmp_path / "a.db")
    plan = " | ".join(r["detail"] for r in query(store, "EXPLAIN QUERY PLAN " + sql))
    assert "USING" in plan and not any(
        f"SCAN {t}" in plan for t in ("stories", "entries", "feed_members")
    ), plan
    if "pending" not in plan and "story_id IS NULL" not in sql:
        assert "TEMP B-TREE" not in plan, plan


def _steps(store: Store, call) -> int:  # type: ignore[no-untyped-def]
    """SQLite virtual-machine steps (in units of 100) that ``call`` makes: a measure of
    rows read that does not depend on the machine's speed."""
    count = [0]

    def tick() -> int:
        count[0] += 1
        return 0

    conn = store.db.conn
    conn.set_progress_handler(tick, 100)
    try:
        call()
    finally:
        conn.set_progress_handler(None, 100)
    return count[0]


def test_first_sources_of_a_story_cost_the_same_whatever_its_size(store: Store) -> None:
    """A story that keeps growing (thousands of reports) is loaded for publish at the cost
    of the reports it shows, not of all it has."""
    sizes = {"small": 10, "big": 1500}
    ids = {}
    for name, size in sizes.items():
        new = store.upsert_entries(
            "a", [entry(n, key=f"{name}:{n}", title=f"{name} {n}") for n in range(size)], NOW
        ).new_ids
        with store.write():
            sid = store.create_story(StoryDecision(new[0], None, "new"), NOW)
            for eid in new[1:]:
                store.attach(StoryDecision(eid, sid, "similar", 0.8, ()), sid, NOW)
        ids[name] = (sid, new[0])
    shown = {
        name: store.story_sources([sid], limit=5, keep=[primary])[sid]
        for name, (sid, primary) in ids.items()
    }
    # oldest first: the 5 oldest reports (entry n is dated n hours before NOW), then the
    # primary (the newest here)
    assert [s.title for s in shown["big"]] == [f"big {n}" for n in range(1499, 1494, -1)] + [
        "big 0"
    ]
    assert len(store.story_sources([ids["big"][0]])[ids["big"][0]]) == 1500
    small, big = (
        _steps(store, lambda sid=sid, p=p: store.story_sources([sid], 5, [p]))
        for sid, p in (ids["small"], ids["big"])
    )
    assert big <= 2 * small + 5, (small, big)


def test_story_lookups_use_the_story_time_index(tmp_path: Path) -> None:
    store = Store(tmp_path / "a.db")
    names = {r["name"] for r in query(store, "SELECT name FROM sqlite_master WHERE type='index'")}
    assert "entries_story_time" in names and "entries_story" not in names
    for sql in (
        "SELECT count(*) FROM entries WHERE story_id = 3",
        "UPDATE entries SET story_id = 5 WHERE story_id = 7",
        "SELECT 1 FROM stories s WHERE NOT EXISTS "
        "(SELECT 1 FROM entries WHERE story_id = s.id) AND s.id = 4",
    ):
        plan = " | ".join(r["detail"] for r in query(store, "EXPLAIN QUERY PLAN " + sql))
        assert "entries_story_time" in plan and "SCAN entries" not in plan, plan


def test_a_database_cut_short_under_an_open_store_is_named(tmp_path: Path) -> None:
    """A file that keeps its header but lost pages (a partial truncation) is not the database
    that was opened; an intact file, and one that only grew, are."""
    path = tmp_path / "cut.db"
    store = Store(path)
    try:
        with store.write() as db:
            db.execute("CREATE TABLE padding (blob BLOB)")
            db.execute("INSERT INTO padding VALUES (zeroblob(300000))")
        store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        assert store.file_problem() is None
        size = path.stat().st_size
        os.truncate(path, size + 4096)  # bigger than its header says: harmless
        assert store.file_problem() is None
        os.truncate(path, size // 2)
        problem = store.file_problem()
        assert problem is not None and "truncated" in problem and str(size) in problem
    finally:
        store.close()
