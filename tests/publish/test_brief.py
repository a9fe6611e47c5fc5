"""The deals brief through real cycles: one entry per day with a stable id, the same bytes
when published again, a story found late updating its day's entry (no duplicate item)."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import feedparser

from aggregator.models import BriefSettings, Settings
from aggregator.store import Store

from .. import factories
from ..conftest import NOW, FeedServer, rss

DAY1 = "Mon, 23 Nov 2026 10:00:00 GMT"
DAY2 = "Tue, 24 Nov 2026 08:00:00 GMT"
LATE_EVENING = "Mon, 23 Nov 2026 23:30:00 GMT"  # already Tuesday in Berlin


def settings_for(tmp_path: Path, server: FeedServer, **brief: object) -> Settings:
    return factories.settings(tmp_path, factories.feed("A", server), brief=BriefSettings(**brief))  # type: ignore[arg-type]


def serve(server: FeedServer, *items: tuple[str, str, str]) -> None:
    server.add(
        "/A.xml", rss("A", [{"title": t, "link": link, "date": date} for t, link, date in items])
    )


def cycle(settings: Settings, store: Store, hours: int) -> None:
    factories.cycle(settings, store, NOW + timedelta(hours=hours), all_feeds=True)


ITEMS = [
    ("Robotics startup Figure raises $675 million", "https://a.example/1", DAY2),
    ("Humanoid maker Apptronik raises $350 million", "https://a.example/2", DAY1),
    ("OpenAI hires a new head of research", "https://a.example/3", DAY2),
]


def test_one_entry_per_day_stable_and_updated_by_a_late_story(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    settings = settings_for(tmp_path, feed_server)
    serve(feed_server, *ITEMS)
    with Store(settings.database) as store:
        cycle(settings, store, 0)
        path = settings.output / "brief.atom"
        first = feedparser.parse(path.read_bytes())
        assert [e.id for e in first.entries] == [
            "tag:test.example,2026:brief/2026-11-24",
            "tag:test.example,2026:brief/2026-11-23",
        ]
        assert first.entries[0].title == "Deals of Tuesday 24 November 2026 (1)"
        assert first.entries[0].summary == (
            "• Funding · Figure AI · $675M — Robotics startup Figure raises $675 million"
        )
        assert 'href="https://a.example/1"' in first.entries[0].content[0].value
        before = path.read_bytes(), (settings.output / "brief.json").read_bytes()
        cycle(settings, store, 1)  # nothing new: the same bytes
        assert (path.read_bytes(), (settings.output / "brief.json").read_bytes()) == before
        # a deal of Monday found only on Tuesday afternoon updates Monday's entry
        serve(
            feed_server,
            *ITEMS,
            ("Quillon AI raises $120 million Series B", "https://a.example/4", DAY1),
        )
        cycle(settings, store, 5)
    again = feedparser.parse(path.read_bytes())
    assert [e.id for e in again.entries] == [e.id for e in first.entries]  # no new item
    monday = again.entries[1]
    assert monday.title == "Deals of Monday 23 November 2026 (2)"
    assert monday.updated_parsed > first.entries[1].updated_parsed
    assert monday.published == first.entries[1].published == "2026-11-23T00:00:00+00:00"
    items = json.loads((settings.output / "brief.json").read_text())["items"]
    assert [i["id"] for i in items] == [e.id for e in again.entries]


def test_days_in_a_time_zone_and_weeks(tmp_path: Path, feed_server: FeedServer) -> None:
    settings = settings_for(tmp_path, feed_server, timezone="Europe/Berlin", weekly=True)
    serve(
        feed_server,
        ITEMS[0],
        ("Humanoid maker Apptronik raises $350 million", "https://a.example/2", LATE_EVENING),
    )
    with Store(settings.database) as store:
        cycle(settings, store, 0)
    daily = feedparser.parse((settings.output / "brief.atom").read_bytes())
    assert [(e.id, e.title) for e in daily.entries] == [
        (
            "tag:test.example,2026:brief/Europe/Berlin/2026-11-24",
            "Deals of Tuesday 24 November 2026 (2)",
        )
    ]
    assert daily.entries[0].published == "2026-11-23T23:00:00+00:00"  # Berlin midnight
    weekly = feedparser.parse((settings.output / "brief-weekly.atom").read_bytes())
    assert [e.id for e in weekly.entries] == [
        "tag:test.example,2026:brief-weekly/Europe/Berlin/2026-W48"
    ]


def test_only_curated_deals_are_listed(tmp_path: Path, feed_server: FeedServer) -> None:
    from aggregator.models import CurationRules

    settings = replace(settings_for(tmp_path, feed_server), curation=CurationRules(min_usd=500e6))
    serve(feed_server, *ITEMS)
    with Store(settings.database) as store:
        cycle(settings, store, 0)
    daily = feedparser.parse((settings.output / "brief.atom").read_bytes())
    assert [e.title for e in daily.entries] == ["Deals of Tuesday 24 November 2026 (1)"]


def test_an_unchanged_brief_is_not_rendered_again(
    tmp_path: Path, feed_server: FeedServer, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    settings = settings_for(tmp_path, feed_server)
    serve(feed_server, *ITEMS)
    with Store(settings.database) as store:
        cycle(settings, store, 0)
        before = (settings.output / "brief.atom").read_bytes()

        def loaded(self: Store, days: float) -> list[object]:
            raise AssertionError("the brief's stories were loaded though none changed")

        monkeypatch.setattr(Store, "brief_stories", loaded)
        cycle(settings, store, 1)  # nothing new: the digest says so
        assert (settings.output / "brief.atom").read_bytes() == before
        monkeypatch.undo()
        serve(
            feed_server,
            *ITEMS,
            ("Quillon AI raises $120 million Series B", "https://a.example/4", DAY1),
        )
        cycle(settings, store, 5)  # a new deal: rendered again
    assert (settings.output / "brief.atom").read_bytes() != before


def test_a_brief_kept_in_part_is_the_brief_made_from_scratch(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    from aggregator.cycle._pipeline import publish_now

    settings = settings_for(tmp_path, feed_server)
    serve(feed_server, *ITEMS)
    with Store(settings.database) as store:
        cycle(settings, store, 0)
        serve(
            feed_server,
            *ITEMS,
            ("Quillon AI raises $120 million Series B", "https://a.example/4", DAY1),
        )
        cycle(settings, store, 5)  # Monday again, Tuesday kept
        fresh = replace(settings, output=tmp_path / "fresh")
        publish_now(fresh, store, NOW + timedelta(hours=5))
    for name in ("brief.atom", "brief.json"):
        assert (settings.output / name).read_bytes() == (fresh.output / name).read_bytes()
