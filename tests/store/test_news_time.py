"""A story is dated by its news: the earliest date among its reports, never later than when it
was first seen, first seen only when no report is dated (migration 0011_news_time)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import replace
from datetime import datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from aggregator.cycle import _pipeline as pipeline
from aggregator.fetch import Fetcher
from aggregator.models import (
    Deal,
    Entry,
    FeedSettings,
    Money,
    Party,
    Settings,
    SiteSettings,
    StoryDecision,
    StoryQuery,
)
from aggregator.publish import _state
from aggregator.publish._text import rfc3339
from aggregator.runtime.service import fetch_options
from aggregator.store import Store, _schema

from .. import factories
from ..conftest import NOW
from ..factories import query

ATOM = "{http://www.w3.org/2005/Atom}"


def entry(n: int, published: datetime | None, feed: str = "a") -> Entry:
    return Entry(
        feed=feed,
        entry_key=f"guid:{n}",
        guid=str(n),
        link=f"https://a.example/{n}",
        title=f"Story {n}",
        summary="",
        content_html="",
        author=None,
        published=published,
        updated=None,
        content_hash=f"h{n}",
    )


def stored(store: Store, *entries: Entry) -> list[int]:
    return list(store.upsert_entries("a", list(entries), NOW).new_ids)


def published(store: Store, story_id: int) -> datetime:
    (story,) = store.stories([story_id])
    return story.published


@pytest.fixture
def store() -> Store:
    return factories.memory_store(FeedSettings(name="a", url="https://a.example/feed"))


def test_the_earliest_report_dates_the_story(store: Store) -> None:
    ids = stored(
        store,
        entry(1, NOW - timedelta(days=2)),
        entry(2, NOW - timedelta(days=9)),
        entry(3, NOW - timedelta(days=1)),
        entry(4, None),
    )
    with store.write():
        story = store.create_story(StoryDecision(ids[0], None, "new"), NOW)
        assert published(store, story) == NOW - timedelta(days=2)
        store.attach(StoryDecision(ids[1], story, "similar", 0.9), story, NOW)
        assert published(store, story) == NOW - timedelta(days=9)
        for later in ids[2:]:  # a later or undated report changes nothing
            store.attach(StoryDecision(later, story, "similar", 0.9), story, NOW)
            assert published(store, story) == NOW - timedelta(days=9)


@pytest.mark.parametrize(
    "date", [None, NOW + timedelta(hours=6)], ids=["undated", "dated-after-first-seen"]
)
def test_a_story_is_never_dated_after_it_was_first_seen(
    store: Store, date: datetime | None
) -> None:
    ids = stored(store, entry(1, date))
    with store.write():
        story = store.create_story(StoryDecision(ids[0], None, "new"), NOW)
    assert published(store, story) == NOW


def test_an_edited_report_with_an_earlier_date_moves_the_story_back(store: Store) -> None:
    ids = stored(store, entry(1, NOW - timedelta(days=1)))
    with store.write():
        story = store.create_story(StoryDecision(ids[0], None, "new"), NOW)
    edited = replace(entry(1, NOW - timedelta(days=3)), content_hash="edited")
    store.upsert_entries("a", [edited], NOW + timedelta(hours=1))
    assert published(store, story) == NOW - timedelta(days=3)


def test_deal_months_count_the_month_a_deal_was_announced(store: Store) -> None:
    dates = [
        datetime(2026, 3, 5, tzinfo=NOW.tzinfo),
        datetime(2026, 3, 20, tzinfo=NOW.tzinfo),
        datetime(2025, 12, 31, 23, tzinfo=NOW.tzinfo),
        None,
    ]
    ids = stored(store, *(entry(n, d) for n, d in enumerate(dates)))
    deal = Deal(
        type="funding",
        amount=Money(10e6, "USD", usd=10e6),
        parties=(Party("Lumora", "target", "lumora"),),
    )
    with store.write():
        for entry_id in ids:
            story = store.create_story(StoryDecision(entry_id, None, "new"), NOW)
            store.set_story_facts(
                story, primary_entry_id=entry_id, deal=deal, tags=(), curated=True, now=NOW
            )
    assert [(v.month, v.deals, v.usd) for v in store.deal_volume_by_month()] == [
        ("2025-12", 1, 10e6),
        ("2026-03", 2, 20e6),
        ("2026-11", 1, 10e6),
    ]


# --------------------------------------------------------------------------- a whole cycle


def _rss(title: str, items: list[tuple[str, str, datetime | None]]) -> str:
    body = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid>"
        f"<description>{t}.</description>"
        + (f"<pubDate>{format_datetime(d, usegmt=True)}</pubDate>" if d else "")
        + "</item>"
        for t, link, d in items
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>https://example.com/</link>"
        f"<description>{title}</description>{body}</channel></rss>"
    )


DAY = timedelta(days=1)
LUMORA = "Lumora raises $40 million Series A led by Nvidia"
BACKLOG = {  # outlet -> its feed's items: a first run meets months of them at once
    "Wire": [
        (LUMORA, "https://wire.example/lumora", NOW - 100 * DAY),
        (
            "Graphcore acquires Runway for $300 million",
            "https://wire.example/runway",
            NOW - 40 * DAY,
        ),
        ("Cohere opens an office in Paris", "https://wire.example/paris", None),
    ],
    "Ledger": [
        (LUMORA, "https://ledger.example/lumora", NOW - 101 * DAY),
        (
            "Figure raises $75 million from Microsoft",
            "https://ledger.example/figure",
            NOW + DAY / 2,
        ),
    ],
}
EXPECTED = {  # title -> news time
    LUMORA: NOW - 101 * DAY,
    "Graphcore acquires Runway for $300 million": NOW - 40 * DAY,
    "Cohere opens an office in Paris": NOW,
    "Figure raises $75 million from Microsoft": NOW,
}


def backlog(tmp_path: Path) -> Settings:
    feeds = []
    for outlet, items in BACKLOG.items():
        path = tmp_path / f"{outlet.lower()}.xml"
        path.write_text(_rss(outlet, items))
        feeds.append(FeedSettings(name=outlet, path=path))
    return Settings(
        database=tmp_path / "a.db",
        output=tmp_path / "site",
        feeds=tuple(feeds),
        feed_size=2,
        site=SiteSettings(id_authority="test.example,2026"),
    )


def run(settings: Settings, store: Store) -> None:
    report = pipeline.run_once(
        settings, store, Fetcher(fetch_options(settings)), NOW, all_feeds=True
    )
    assert report.publish_error is None


def items(site: Path, stem: str = "all") -> dict[str, dict[str, Any]]:
    return {i["title"]: i for i in json.loads((site / f"{stem}.json").read_text())["items"]}


def atom_entries(path: Path) -> list[etree._Element]:
    return etree.parse(str(path)).getroot().findall(f"{ATOM}entry")


def test_a_first_run_dates_every_story_by_its_news(tmp_path: Path) -> None:
    settings = backlog(tmp_path)
    store = Store(settings.database)
    run(settings, store)
    site = settings.output
    got = {}
    for stem in ["all", "archive/all/0"]:  # head (2 newest) and the full archive page
        got.update(
            {t: datetime.fromisoformat(i["date_published"]) for t, i in items(site, stem).items()}
        )
    assert got == EXPECTED
    deals = [s for s in store.select_stories(StoryQuery(deals_only=True), limit=10)]
    assert len(deals) >= 2
    months = Counter(s.published.strftime("%Y-%m") for s in deals)
    assert {v.month: v.deals for v in store.deal_volume_by_month()} == months
    assert len(months) >= 2  # not every deal in the month of the first run
    page = (site / "index.html").read_text()
    for story in deals[: settings.feed_size]:  # the page's table lists the newest
        assert (
            f'<td class="d"><time datetime="{rfc3339(story.published)}">'
            f"{story.published.date().isoformat()}</time></td>" in page
        )


UPDATED = {  # title -> updated after the first run: its newest report's date, else first seen
    LUMORA: NOW - 100 * DAY,
    "Graphcore acquires Runway for $300 million": NOW - 40 * DAY,
    "Cohere opens an office in Paris": NOW,
    "Figure raises $75 million from Microsoft": NOW,
}


def test_a_backlog_keeps_its_report_dates_as_updated_until_a_story_changes(tmp_path: Path) -> None:
    settings = backlog(tmp_path)
    store = Store(settings.database)
    run(settings, store)

    def modified() -> dict[str, datetime]:  # head (2 newest) and the archive page
        return {
            t: datetime.fromisoformat(i["date_modified"])
            for stem in ["all", "archive/all/0"]
            for t, i in items(settings.output, stem).items()
        }

    assert modified() == UPDATED  # not the first run's second for every story
    for element in atom_entries(settings.output / "all.atom") + atom_entries(
        settings.output / "archive/all/0.atom"
    ):
        assert element.findtext(f"{ATOM}updated") >= element.findtext(f"{ATOM}published")
    feed = etree.parse(str(settings.output / "all.atom")).getroot()
    assert datetime.fromisoformat(feed.findtext(f"{ATOM}updated")) == NOW

    # A later cycle: a report joins the acquisition story, which is updated then; the
    # others keep their dates (their facts did not change).
    later = NOW + timedelta(hours=3)
    path = tmp_path / "ledger.xml"
    path.write_text(
        _rss(
            "Ledger",
            BACKLOG["Ledger"]
            + [
                (
                    "Graphcore acquires Runway for $300 million in cash",
                    "https://ledger.example/runway",
                    NOW - 39 * DAY,
                )
            ],
        )
    )
    report = pipeline.run_once(
        settings, store, Fetcher(fetch_options(settings)), later, all_feeds=True
    )
    assert report.publish_error is None and report.stories_joined == 1
    got = {s.title: s.updated for s in store.select_stories(StoryQuery(), limit=10)}
    assert got == {**UPDATED, "Graphcore acquires Runway for $300 million": later}


def test_atom_source_names_the_feed_for_local_files_too(tmp_path: Path) -> None:
    settings = backlog(tmp_path)
    run(settings, Store(settings.database))
    entries = atom_entries(settings.output / "all.atom")
    assert entries
    for element in entries:
        source = element.find(f"{ATOM}source")
        title = source.findtext(f"{ATOM}title")
        assert title in BACKLOG
        assert source.findtext(f"{ATOM}id") == f"tag:test.example,2026:source/{title.lower()}"
        (self_link,) = source.findall(f"{ATOM}link[@rel='self']")
        assert self_link.get("href") == (tmp_path / f"{title.lower()}.xml").as_uri()
        updated = datetime.fromisoformat(source.findtext(f"{ATOM}updated"))
        assert updated <= NOW + DAY


def _as_before_news_time(store: Store) -> None:
    """Undo 0011_news_time (and 0012_alerts, 0013_deal_days and 0017, which come after it): the
    deal months by first-seen month, no news_at column."""
    with store.write():
        store.db.execute("DROP INDEX stories_deal_month_usd")
        store.db.execute("DELETE FROM _sqlite_migrations WHERE name = '0017_deal_months_by_amount'")
        for name in ("insert", "delete", "update_old", "update_new"):
            store.db.execute(f"DROP TRIGGER deal_days_{name}")
        store.db.execute("DROP TABLE deal_days")
        store.db.execute("DELETE FROM _sqlite_migrations WHERE name = '0013_deal_days'")
        for table in ("alert_state", "alert_events", "alert_outbox", "story_corrections"):
            store.db.execute(f"DROP TABLE {table}")
        store.db.execute("DROP INDEX stories_deal_news")
        store.db.execute("DELETE FROM _sqlite_migrations WHERE name = '0012_alerts'")
        for name in _schema.DEAL_MONTH_TRIGGERS:
            store.db.execute(f"DROP TRIGGER {name}")
        _schema.deal_month_triggers(store.db, "created_at")
        store.db.execute("DELETE FROM deal_months")
        store.db.execute(
            "INSERT INTO deal_months (month, n, usd) " + _schema.deal_month_rows("created_at")
        )
        store.db.execute("ALTER TABLE stories DROP COLUMN news_at")
        store.db.execute("DELETE FROM _sqlite_migrations WHERE name = '0011_news_time'")


def test_an_older_database_is_dated_again_and_readers_see_nothing_twice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = backlog(tmp_path)
    store = Store(settings.database)
    run(settings, store)
    site = settings.output
    for path in site.rglob("*"):
        if path.is_file():
            path.unlink()
    # What the previous version published: every story dated when it was first seen, by
    # output code of another version (so no file of it is taken for this version's).
    with store.write():
        store.db.execute("UPDATE stories SET news_at = created_at")
    monkeypatch.setattr(_state, "RENDER_VERSION", "older-code")
    run(settings, Store(settings.database))
    monkeypatch.undo()
    _as_before_news_time(store)
    before_stories = query(store, "SELECT id, created_at, updated_at, merged_into FROM stories")
    before_months = query(store, "SELECT * FROM deal_months WHERE n > 0 ORDER BY month")
    assert [m["month"] for m in before_months] == ["2026-11"]
    before = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    store.close()

    upgraded = Store(settings.database)  # migration 0011 runs here
    assert (
        query(upgraded, "SELECT id, created_at, updated_at, merged_into FROM stories")
        == before_stories
    )
    run(settings, upgraded)
    assert len({v.month for v in upgraded.deal_volume_by_month()}) >= 2
    for stem in ("all", "feed"):
        previous = {i["id"]: i for i in json.loads(before[Path(f"{stem}.json")])["items"]}
        now_listed = items(site, stem).values()
        assert previous and [i["id"] for i in now_listed] == list(previous)  # same, same order
        for item in now_listed:
            assert item["date_modified"] == previous[item["id"]]["date_modified"]
            assert item["date_published"] == EXPECTED[item["title"]].isoformat().replace(
                "+00:00", "Z"
            )
    assert any(p.parts[0] == "archive" for p in before)
    for path, data in before.items():  # archive pages are never written again
        if path.parts[0] == "archive":
            assert (site / path).read_bytes() == data
    old_feed = etree.fromstring(before[Path("all.atom")])
    new_feed = etree.parse(str(site / "all.atom")).getroot()
    assert new_feed.findtext(f"{ATOM}updated") == old_feed.findtext(f"{ATOM}updated")
    assert [e.findtext(f"{ATOM}id") for e in atom_entries(site / "all.atom")] == [
        e.findtext(f"{ATOM}id") for e in old_feed.findall(f"{ATOM}entry")
    ]
