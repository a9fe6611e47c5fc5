"""Feed membership kept with the stories: the same answers as asking the stories table."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from aggregator.cycle import StoryWindow
from aggregator.models import FeedSettings, Settings, StoryDecision, StoryQuery, TagRule
from aggregator.store import Store
from aggregator.store._schema import DEAL_MONTH_ROWS
from aggregator.store._stories import _MEMBERS_OF
from aggregator.store._story_writes import member_keys

from .. import factories
from ..cycle.test_story_window import batches, cycle, ingest
from ..factories import query as rows_of
from ..factories import scalar
from .test_store import DIGEST, NOW, entry


def queries(store: Store) -> list[StoryQuery]:
    facets = store.facets()
    return (
        [StoryQuery(), StoryQuery(curated=True), StoryQuery(deals_only=True)]
        + [StoryQuery(deal_type=t) for t in facets.deal_types]
        + [StoryQuery(company=c.slug) for c in facets.companies]
        + [StoryQuery(investor=c.slug) for c in facets.investors]
        + [StoryQuery(tag=t) for t in facets.tags]
        + [StoryQuery(about=c.slug) for c in facets.companies]
    )


def by_scan(store: Store, query: StoryQuery) -> tuple[int, list[int]]:
    """Count and newest ids straight from the stories table (the reference)."""
    where, params = store._where(query)
    count = scalar(store, f"SELECT count(*) FROM stories s WHERE {where}", params)
    ids = [
        r["id"]
        for r in rows_of(
            store, f"SELECT s.id FROM stories s WHERE {where} ORDER BY s.id DESC LIMIT 30", params
        )
    ]
    return count, ids


def check(store: Store) -> int:
    checked = 0
    for query in queries(store):
        count, ids = by_scan(store, query)
        assert store.count_stories(query) == count, query
        assert [i for i, _ in store.story_versions(query, limit=30)] == ids, query
        assert [s.id for s in store.select_stories(query, limit=30)] == ids, query
        checked += 1
    companies = rows_of(
        store,
        "SELECT p.slug, count(DISTINCT p.story_id) AS n FROM story_parties p JOIN stories s "
        "ON s.id = p.story_id WHERE s.merged_into IS NULL AND s.deal_type IS NOT NULL "
        "GROUP BY p.slug ORDER BY p.slug",
    )
    assert [(c.slug, c.deal_count) for c in store.facets().companies] == [
        (r["slug"], r["n"]) for r in companies
    ]
    investors = rows_of(
        store,
        "SELECT p.slug, count(DISTINCT p.story_id) AS n FROM story_parties p JOIN stories s "
        "ON s.id = p.story_id WHERE s.merged_into IS NULL AND s.deal_type IS NOT NULL "
        "AND p.role = 'investor' GROUP BY p.slug ORDER BY p.slug",
    )
    assert [(c.slug, c.deal_count) for c in store.facets().investors] == [
        (r["slug"], r["n"]) for r in investors
    ]
    months = rows_of(store, DEAL_MONTH_ROWS + " ORDER BY month")
    assert [(v.month, v.deals, v.usd) for v in store.deal_volume_by_month()] == [
        (r["month"], r["n"], float(r["usd"])) for r in months
    ]
    return checked


def settings_for(tmp_path: Path) -> Settings:
    return factories.bare_settings(
        tmp_path,
        tag_rules=(TagRule("money", keywords=("million",)), TagRule("cloud", keywords=("cloud",))),
    )


def test_members_match_the_stories_through_merges_and_prunes(tmp_path: Path) -> None:
    settings = settings_for(tmp_path)
    store = Store(tmp_path / "a.db")
    window = StoryWindow()
    merged = 0
    for now, entries in batches(days=3):
        ingest(store, entries, now)
        merged += cycle(settings, store, now, window).stories_merged
    assert check(store) > 20
    assert store.facets().tags == ("cloud", "money")
    assert scalar(store, "SELECT count(*) FROM stories WHERE merged_into IS NOT NULL") > 0
    oldest = scalar(store, "SELECT min(pub_time) FROM entries")
    from datetime import datetime, timedelta

    assert store.prune(datetime.fromisoformat(oldest) + timedelta(days=1)) > 0
    check(store)


def cycled(tmp_path: Path, days: int) -> Store:
    settings = settings_for(tmp_path)
    store = Store(tmp_path / "a.db")
    for now, entries in batches(days=days):
        ingest(store, entries, now)
        cycle(settings, store, now, None)
    return store


def as_before(store: Store, path: Path, drops: list[str], *migrations: str) -> Store:
    """The database as an older version left it (``drops`` and ``migrations`` undone),
    opened again by this version."""
    with store.write():
        for name in drops:
            store.db.execute(name if name.startswith("ALTER ") else f"DROP {name}")
        for migration in migrations:
            store.db.execute("DELETE FROM _sqlite_migrations WHERE name = ?", [migration])
    store.close()
    return Store(path)


def test_an_older_database_gets_its_members_built(tmp_path: Path) -> None:
    store = cycled(tmp_path, days=1)
    sizes = "SELECT * FROM feed_sizes WHERE key NOT LIKE 'about:%' ORDER BY key"
    before = rows_of(store, sizes)
    again = as_before(
        store,
        tmp_path / "a.db",
        [
            "TRIGGER feed_generations_story",
            "TABLE feed_generations",
            "TRIGGER feed_members_in",
            "TRIGGER feed_members_out",
            "TRIGGER stories_deleted",
            "TABLE feed_members",
            "TABLE feed_sizes",
            "ALTER TABLE stories DROP COLUMN subjects_json",
        ],
        "0005_feed_members",
        "0015_story_subjects",
        "0018_feed_generations",
    )
    assert rows_of(again, sizes) == before
    # the companies' ``about:`` feeds hold their deals until the stories' facts are read
    # again (the facts key of a database older than 0015 is another)
    assert check(again) > 10


def test_an_older_database_gets_its_deal_months_built(tmp_path: Path) -> None:
    store = cycled(tmp_path, days=2)
    before = store.deal_volume_by_month()
    assert before and sum(v.deals for v in before) > 5 and any(v.usd for v in before)
    again = as_before(
        store,
        tmp_path / "a.db",
        [f"TRIGGER deal_months_{name}" for name in ("insert", "delete", "update_old", "update_new")]
        + [
            "INDEX stories_deal_news",
            "TABLE alert_state",
            "TABLE alert_events",
            "TABLE alert_outbox",
            "TABLE story_corrections",
        ]
        + [f"TRIGGER deal_days_{name}" for name in ("insert", "delete", "update_old", "update_new")]
        + ["INDEX stories_deal_month_usd", "TABLE deal_days", "TABLE deal_months"]
        + ["ALTER TABLE stories DROP COLUMN news_at"],
        "0007_deal_months",
        "0011_news_time",
        "0012_alerts",
        "0013_deal_days",
        "0017_deal_months_by_amount",
    )
    assert again.deal_volume_by_month() == before
    check(again)


def test_a_digest_is_in_the_feeds_of_each_of_its_deals(tmp_path: Path) -> None:
    """A digest's other deals (``Deal.also``) put it in their types', companies' and
    investors' feeds; the kept members, the table scan and the SQL of the members agree,
    and a deal without others is in its own feeds only."""
    store = Store(tmp_path / "a.db")
    store.sync_feeds([FeedSettings(name="a", url="https://a.example/feed")])
    ids = store.upsert_entries("a", [entry(1), entry(2)], NOW).new_ids
    single = replace(DIGEST, also=())
    with store.write():
        stories = [store.create_story(StoryDecision(e, None, "new"), NOW) for e in ids]
        for story_id, entry_id, deal in zip(stories, ids, (DIGEST, single), strict=True):
            store.set_story_facts(
                story_id, primary_entry_id=entry_id, deal=deal, tags=[], curated=True, now=NOW
            )
    digest, plain = stories
    assert check(store) > 5

    def members(story_id: int, db: Store = store) -> set[str]:
        return {
            r["key"]
            for r in rows_of(db, "SELECT key FROM feed_members WHERE story_id = ?", [story_id])
        }

    assert members(digest) == {
        "all",
        "curated",
        "deals",
        "deal:funding",
        "deal:acquisition",
        "deal:investment",
        "company:deepseek",
        "company:openai",
        "company:ona",
        "company:nvidia",
        "company:poolside",
        "investor:nvidia",
        # and every party's feed of all stories about it
        "about:deepseek",
        "about:openai",
        "about:ona",
        "about:nvidia",
        "about:poolside",
    }
    assert members(plain) == {
        "all",
        "curated",
        "deals",
        "deal:funding",
        "company:deepseek",
        "about:deepseek",
    }
    for story_id, deal in ((digest, DIGEST), (plain, single)):
        sql = {(r[0], r[2]) for r in store.db.execute(_MEMBERS_OF, {"id": story_id})}
        assert sql == set(member_keys(deal, [], True))
    assert [s.id for s in store.select_stories(StoryQuery(company="ona"), limit=5)] == [digest]
    assert store.count_stories(StoryQuery(deal_type="funding")) == 2
    assert store.count_stories(StoryQuery(deal_type="acquisition")) == 1
    assert store.facets().deal_types == ("acquisition", "funding", "investment")
    kept = members(digest)
    again = as_before(  # the members of an older database are built from the tables
        store,
        tmp_path / "a.db",
        [
            "TRIGGER feed_generations_story",
            "TABLE feed_generations",
            "TRIGGER feed_members_in",
            "TRIGGER feed_members_out",
            "TRIGGER stories_deleted",
            "TABLE feed_members",
            "TABLE feed_sizes",
            "ALTER TABLE stories DROP COLUMN subjects_json",
        ],
        "0005_feed_members",
        "0015_story_subjects",
        "0018_feed_generations",
    )
    assert members(digest, again) == kept
    check(again)
