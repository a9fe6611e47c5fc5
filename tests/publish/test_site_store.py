"""The store's reads behind the site's pages: investors' feeds, the largest deals of a
period, a company's deals; each checked against a plain scan of the stories table."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from aggregator.models import StoryQuery
from aggregator.store import Store

from ..factories import query
from ..store.test_feed_members import as_before, check, cycled


def _live_deals(store: Store) -> list[dict]:
    return query(
        store,
        "SELECT id, updated_at, news_at, deal_usd, deal_json FROM stories "
        "WHERE merged_into IS NULL AND deal_type IS NOT NULL",
    )


def test_largest_deals_of_a_period_across_months(tmp_path: Path) -> None:
    store = cycled(tmp_path, days=3)
    with store.write():  # the deals spread over five months (triggers keep deal_days)
        store.db.execute(
            "UPDATE stories SET news_at = strftime('%Y-%m-%dT%H:%M:%S+00:00', news_at, "
            "'-' || ((id % 5) * 29) || ' days') WHERE deal_type IS NOT NULL"
        )
    deals = _live_deals(store)
    sized = [d for d in deals if d["deal_usd"] and d["deal_usd"] > 0]
    assert len(sized) > 10 and len({d["news_at"][:7] for d in sized}) >= 4
    times = sorted(d["news_at"] for d in sized)
    for since in (times[0], times[len(times) // 3], times[len(times) // 2], times[-3]):
        for limit in (1, 5, 1000):
            want = sorted(
                (d for d in sized if d["news_at"] >= since),
                key=lambda d: (d["deal_usd"], d["id"]),
                reverse=True,
            )[:limit]
            got = store.largest_deals(datetime.fromisoformat(since), limit=limit)
            assert got == [(d["id"], d["updated_at"]) for d in want]
    later = datetime.fromisoformat(times[-1]) + timedelta(seconds=1)
    assert store.largest_deals(later, limit=5) == []
    plan = " ".join(
        str(r[-1])
        for r in store.db.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM stories INDEXED BY stories_deal_month_usd "
            "WHERE substr(news_at, 1, 7) = ? AND merged_into IS NULL "
            "AND deal_type IS NOT NULL AND deal_usd IS NOT NULL AND deal_usd > 0 "
            "AND news_at >= ? ORDER BY deal_usd DESC, id DESC LIMIT 5",
            ["2026-11", "x"],
        )
    )
    assert "stories_deal_month_usd" in plan and "TEMP B-TREE" not in plan


def test_an_older_database_gets_the_month_index(tmp_path: Path) -> None:
    store = cycled(tmp_path, days=2)
    since = datetime.fromisoformat(min(d["news_at"] for d in _live_deals(store)))
    before = store.largest_deals(since, limit=5)
    assert before
    again = as_before(
        store,
        tmp_path / "a.db",
        ["INDEX stories_deal_month_usd"],
        "0017_deal_months_by_amount",
    )
    assert again.largest_deals(since, limit=5) == before


def test_deal_facts_of_a_companys_stories_by_news_time(tmp_path: Path) -> None:
    store = cycled(tmp_path, days=3)
    deals = {d["id"]: d for d in _live_deals(store)}
    busiest = max(store.facets().companies, key=lambda c: c.deal_count)
    assert busiest.deal_count > 3
    ids = [i for i, _ in store.story_versions(StoryQuery(company=busiest.slug), limit=1000)]
    got = store.deal_facts(ids)
    want = sorted((deals[i] for i in ids), key=lambda d: (d["news_at"], d["id"]))
    assert [d.id for d in got] == [d["id"] for d in want]
    assert len(got) == busiest.deal_count
    for item in got:
        assert any(p.slug == busiest.slug for p in item.deal.parties)
        assert item.title and item.announced.isoformat() == deals[item.id]["news_at"]
        assert item.updated == deals[item.id]["updated_at"]
    assert [d.id for d in store.deal_facts(ids[:3])] == [d.id for d in got if d.id in set(ids[:3])]
    assert store.deal_facts([]) == [] and store.deal_facts([10**9]) == []


def test_an_older_database_gets_its_investor_feeds(tmp_path: Path) -> None:
    store = cycled(tmp_path, days=2)
    before = [(c.slug, c.deal_count) for c in store.facets().investors]
    assert before
    with store.write():
        store.db.execute("DELETE FROM feed_members WHERE key LIKE 'investor:%'")
        store.db.execute("DELETE FROM feed_sizes WHERE key LIKE 'investor:%'")
    again = as_before(store, tmp_path / "a.db", [], "0014_investors")
    assert [(c.slug, c.deal_count) for c in again.facets().investors] == before
    assert check(again) > 10


def test_deal_facts_parse_only_what_changed(tmp_path: Path) -> None:
    store = cycled(tmp_path, days=2)
    busiest = max(store.facets().companies, key=lambda c: c.deal_count)
    ids = [i for i, _ in store.story_versions(StoryQuery(company=busiest.slug), limit=1000)]
    first = store.deal_facts(ids)
    again = store.deal_facts(ids)
    assert again == first and all(a is b for a, b in zip(again, first))  # from memory
    changed = first[0].id
    with store.write():
        store.db.execute(
            "UPDATE stories SET updated_at = '2030-01-01T00:00:00+00:00' WHERE id = ?", [changed]
        )
    third = store.deal_facts(ids)
    assert [d.id for d in third] == [d.id for d in first]
    assert [d is f for d, f in zip(third, first)] == [d.id != changed for d in first]
    assert third[0].updated == "2030-01-01T00:00:00+00:00"
