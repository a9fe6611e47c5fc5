"""One update cycle through every stage, with failures isolated per feed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from aggregator.cycle import _pipeline as pipeline
from aggregator.fetch import Fetcher
from aggregator.models import FeedSettings, FetchRequest, FetchResult, Settings, StoryQuery
from aggregator.store import Store

from .. import factories
from ..conftest import NOW, FeedServer, rss
from ..factories import query, scalar


def settings_for(tmp_path: Path, feeds: list[FeedSettings], **kw: object) -> Settings:
    return factories.settings(tmp_path, *feeds, **kw)


cycle = factories.cycle


def test_200_then_304_stores_nothing_twice(
    tmp_path: Path, feed_server: FeedServer, store: Store
) -> None:
    url = feed_server.add(
        "/a.xml",
        rss(
            "A",
            [
                {"title": "OpenAI signs a cloud deal with Oracle", "link": "https://a.example/1"},
                {
                    "title": "Robotics startup Figure raises $675 million",
                    "link": "https://a.example/2",
                },
            ],
        ),
    )
    settings = settings_for(tmp_path, [FeedSettings(name="A", url=url, interval=60)])
    first = cycle(settings, store)
    assert (first.fetched, first.new_entries, first.stories_created) == (1, 2, 2)
    second = cycle(settings, store, NOW + timedelta(minutes=2))
    assert (second.not_modified, second.new_entries) == (1, 0)
    assert store.entry_count() == 2
    state = store.feed_state("A")
    assert state.last_status == 304 and state.etag
    assert state.next_fetch_at == NOW + timedelta(minutes=3)


def test_schedule_skips_feeds_not_due(
    tmp_path: Path, feed_server: FeedServer, store: Store
) -> None:
    url = feed_server.add("/a.xml", rss("A", [{"title": "x", "link": "https://a.example/x"}]))
    settings = settings_for(tmp_path, [FeedSettings(name="A", url=url, interval=3600)])
    cycle(settings, store)
    assert cycle(settings, store, NOW + timedelta(minutes=5)).feeds_due == 0
    assert cycle(settings, store, NOW + timedelta(minutes=5), all_feeds=True).feeds_due == 1


def test_guids_changing_every_fetch_make_no_duplicates(
    tmp_path: Path, feed_server: FeedServer, store: Store
) -> None:
    settings = settings_for(tmp_path, [FeedSettings(name="A", url=feed_server.url("/a.xml"))])
    for n in range(3):
        feed_server.add(
            "/a.xml",
            rss(
                "A",
                [
                    {
                        "title": "Same story",
                        "link": "https://a.example/s",
                        "guid": f"random-{n}",
                        "description": "same",
                    }
                ],
            ),
        )
        cycle(settings, store, NOW + timedelta(hours=n), all_feeds=True)
    assert store.entry_count() == 1
    assert store.count_stories(StoryQuery()) == 1


def test_failures_are_recorded_and_isolated(
    tmp_path: Path, feed_server: FeedServer, store: Store
) -> None:
    good = feed_server.add(
        "/good.xml", rss("G", [{"title": "Good", "link": "https://g.example/1"}])
    )
    html = feed_server.add(
        "/html.xml", "<!doctype html><html><body>hi</body></html>", content_type="text/html"
    )
    gone = feed_server.add("/gone.xml", "", status=410)
    busy = feed_server.add("/busy.xml", "", status=429, headers={"Retry-After": "7200"})
    feeds = [
        FeedSettings(name=n, url=u, interval=600)
        for n, u in [("good", good), ("html", html), ("gone", gone), ("busy", busy)]
    ]
    settings = settings_for(tmp_path, feeds)
    report = cycle(settings, store)
    assert (report.fetched, report.failed) == (1, 3)
    states = {s.name: s for s in store.feed_states()}
    assert states["good"].error_count == 0 and states["good"].entry_count == 1
    assert "not a feed" in (states["html"].last_error or "").lower()
    assert states["html"].error_count == 1
    assert states["html"].next_fetch_at >= NOW + timedelta(minutes=50)  # 1 h backoff, jittered
    assert states["gone"].disabled == "410 Gone"
    assert states["busy"].next_fetch_at >= NOW + timedelta(hours=2)
    assert (tmp_path / "site" / "all.atom").exists()
    later = cycle(settings, store, NOW + timedelta(days=2), all_feeds=True)
    assert "gone" not in [o.feed for o in later.outcomes]


def test_an_unexpected_error_in_one_feed_is_that_feeds_failure(
    tmp_path: Path, feed_server: FeedServer, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = feed_server.add(
        "/good.xml", rss("G", [{"title": "Good", "link": "https://g.example/1"}])
    )
    bad = feed_server.add("/bad.xml", rss("B", [{"title": "Bad", "link": "https://b.example/1"}]))
    settings = settings_for(
        tmp_path,
        [
            FeedSettings(name="good", url=good, interval=600),
            FeedSettings(name="bad", url=bad, interval=600),
        ],
    )
    real = pipeline.classify_entries

    def broken(entries, *args, **kw):  # type: ignore[no-untyped-def]
        if entries and entries[0].feed == "bad":
            raise OverflowError("a value from the document this code cannot hold")
        return real(entries, *args, **kw)

    monkeypatch.setattr(pipeline, "classify_entries", broken)
    for n in range(2):  # and the next cycle is the same
        report = cycle(settings, store, NOW + timedelta(hours=2 * n), all_feeds=True)
        outcomes = {o.feed: o for o in report.outcomes}
        assert outcomes["bad"].error_kind == "internal"
        assert "OverflowError" in (outcomes["bad"].error or "")
        assert report.publish_error is None and report.stage_errors == {}
    state = store.feed_state("bad")
    assert state.error_count == 2 and "OverflowError" in (state.last_error or "")
    assert state.etag is None and state.next_fetch_at > NOW + timedelta(hours=2, minutes=50)
    assert "https://g.example/1" in (tmp_path / "site" / "all.atom").read_text()


def test_a_database_that_refuses_writes_fails_the_feed_not_the_cycle(
    tmp_path: Path, feed_server: FeedServer, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    url = feed_server.add("/a.xml", rss("A", [{"title": "x", "link": "https://a.example/x"}]))
    settings = settings_for(tmp_path, [FeedSettings(name="A", url=url)])

    def full(*args: object, **kw: object) -> object:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(Store, "_insert_entry", full)
    report = cycle(settings, store)
    assert report.store_error and "disk is full" in report.store_error
    assert report.outcomes[0].error_kind == "store"
    state = store.feed_state("A")
    assert state.etag is None and state.error_count == 1  # not 304 next time: re-fetched
    last = store.last_run()
    assert last is not None and last.store_error == report.store_error
    monkeypatch.undo()
    again = cycle(settings, store, NOW + timedelta(hours=3))
    assert again.store_error is None and again.new_entries == 1


def test_a_failing_stage_is_recorded_and_publish_still_runs(
    tmp_path: Path, feed_server: FeedServer, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = feed_server.add("/a.xml", rss("A", [{"title": "x", "link": "https://a.example/x"}]))
    settings = settings_for(tmp_path, [FeedSettings(name="A", url=url)])

    def broken(*args: object) -> None:
        raise KeyError("facts")

    monkeypatch.setattr(pipeline, "_refresh_facts", broken)
    report = cycle(settings, store)
    assert report.stage_errors == {"facts": "KeyError: 'facts'"}
    assert report.published > 0 and report.stories_created == 1


def test_malformed_feed_keeps_what_parsed(
    tmp_path: Path, feed_server: FeedServer, store: Store
) -> None:
    doc = rss(
        "A",
        [
            {"title": "First", "link": "https://a.example/1"},
            {"title": "Second", "link": "https://a.example/2"},
        ],
    )
    url = feed_server.add("/a.xml", doc[: doc.index("<item>", doc.index("First"))] + "<item><ti")
    settings = settings_for(tmp_path, [FeedSettings(name="A", url=url)])
    report = cycle(settings, store)
    assert report.new_entries == 1 and report.failed == 0


def test_permanent_redirect_adopted_after_repeats(
    tmp_path: Path, feed_server: FeedServer, store: Store
) -> None:
    new = feed_server.add("/new.xml", rss("A", [{"title": "x", "link": "https://a.example/x"}]))
    old = feed_server.add("/old.xml", "", status=301, headers={"Location": new})
    settings = settings_for(tmp_path, [FeedSettings(name="A", url=old)])
    for n in range(3):
        cycle(settings, store, NOW + timedelta(hours=n), all_feeds=True)
    assert store.feed_state("A").url == new


def test_publish_failure_is_reported_and_old_files_kept(
    tmp_path: Path, feed_server: FeedServer, store: Store
) -> None:
    url = feed_server.add("/a.xml", rss("A", [{"title": "x", "link": "https://a.example/x"}]))
    settings = settings_for(tmp_path, [FeedSettings(name="A", url=url)])
    cycle(settings, store)
    before = (tmp_path / "site" / "all.atom").read_bytes()
    feed_server.add("/a.xml", rss("A", [{"title": "y", "link": "https://a.example/y"}]))
    broken = replace(settings, output=tmp_path / "site" / "all.atom" / "nested")
    report = cycle(broken, store, NOW + timedelta(hours=2), all_feeds=True)
    assert report.publish_error
    assert (tmp_path / "site" / "all.atom").read_bytes() == before
    last = store.last_run()
    assert last is not None and last.publish_error


def test_local_path_feeds(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "local.xml"
    path.write_text(rss("L", [{"title": "Local item", "link": "https://l.example/1"}]))
    settings = settings_for(tmp_path, [FeedSettings(name="L", path=path)])
    assert cycle(settings, store).new_entries == 1
    assert cycle(settings, store, NOW + timedelta(hours=2), all_feeds=True).not_modified == 1


def test_deal_facts_are_completed_from_other_outlets() -> None:
    from aggregator.cycle._story_facts import complete
    from aggregator.models import Deal, Money, Party

    a = Deal(
        type="funding",
        parties=(Party("Quillon AI", "target", "quillon-ai"),),
        amount=Money(1.2e8, "USD", usd=1.2e8),
    )
    b = Deal(
        type="funding",
        parties=(
            Party("Northwind Capital", "investor", "northwind-capital"),
            Party("Quillon AI", "target", "quillon-ai"),
        ),
        round="series-b",
    )
    merged = complete(a, [b])
    assert [p.name for p in merged.parties] == ["Quillon AI", "Northwind Capital"]
    assert merged.round == "series-b" and merged.amount == a.amount
    assert complete(a, []) is a


def test_a_digests_other_deals_ride_along_with_its_completed_deal() -> None:
    """Other reports complete the story's deal as they always did; a digest's other deals
    (``Deal.also``) go with it unchanged, never completed from those reports."""
    from aggregator.cycle._story_facts import complete
    from aggregator.models import Deal, Money, Party

    other = Deal(type="acquisition", parties=(Party("Ona", "target", "ona"),))
    a = Deal(
        type="funding",
        parties=(Party("Quillon AI", "target", "quillon-ai"),),
        also=(other,),
    )
    b = Deal(
        type="funding",
        parties=(Party("Northwind Capital", "investor", "northwind-capital"),),
        amount=Money(1.2e8, "USD", usd=1.2e8),
        also=(Deal(type="acquisition", parties=(Party("OpenAI", "acquirer", "openai"),)),),
    )
    merged = complete(a, [b])
    assert merged == replace(complete(replace(a, also=()), [replace(b, also=())]), also=(other,))
    assert merged.amount == b.amount and merged.also == (other,)


def test_unchanged_feeds_are_skipped_and_edits_republished(
    tmp_path: Path, feed_server: FeedServer, store: Store
) -> None:
    item = {
        "title": "Anthropic signs compute deal",
        "link": "https://a.example/1",
        "description": "first text",
    }
    url = feed_server.add("/a.xml", rss("A", [item]))
    settings = settings_for(tmp_path, [FeedSettings(name="A", url=url)])
    assert cycle(settings, store).published > 0
    again = pipeline.publish_now(settings, store, NOW)
    assert again.written == 0 and again.error is None
    feed_server.add("/a.xml", rss("A", [{**item, "title": "Anthropic signs $1B compute deal"}]))
    report = cycle(settings, store, NOW + timedelta(hours=2), all_feeds=True)
    assert report.changed_entries == 1 and "all.atom" in _written(settings, store)
    assert b"Anthropic signs $1B compute deal" in (tmp_path / "site" / "all.atom").read_bytes()


def _written(settings: Settings, store: Store) -> list[str]:
    """Files a fresh publish would write after deleting the state (sanity helper)."""
    from aggregator.deals import format_deal_line
    from aggregator.publish import publish_site

    (settings.output / ".publish-state.json").unlink()
    (settings.output / "all.atom").unlink()
    return list(
        publish_site(
            store, settings=settings, out_dir=settings.output, now=NOW, deal_line=format_deal_line
        ).written
    )


@pytest.fixture
def classified(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Titles the deal classifier reads, in order (in this process: no parse pool here)."""
    from aggregator.cycle import _story_facts as story_facts

    calls: list[str] = []
    real = story_facts.deals.classify

    def counting(title: str, *args: object, **kw: object):  # type: ignore[no-untyped-def]
        calls.append(title)
        return real(title, *args, **kw)

    monkeypatch.setattr(story_facts.deals, "classify", counting)
    return calls


def test_deals_are_read_once_per_entry_in_the_parse_step(
    tmp_path: Path, feed_server: FeedServer, store: Store, classified: list[str]
) -> None:
    url = feed_server.add(
        "/a.xml",
        rss("A", [{"title": "Mistral AI raises EUR 600 million", "link": "https://a.example/m"}]),
    )
    settings = settings_for(tmp_path, [FeedSettings(name="A", url=url)])
    cycle(settings, store)
    assert classified == ["Mistral AI raises EUR 600 million"]  # parse step only, not again
    (story,) = store.select_stories(StoryQuery(), limit=5)
    assert story.deal is not None and story.deal.type == "funding"
    assert scalar(store, "SELECT deal_json FROM entries") is not None
    feed_server.add(
        "/a.xml",
        rss(
            "A",
            [
                {"title": "Mistral AI raises EUR 600 million", "link": "https://a.example/m"},
                {"title": "Cohere raises $500 million", "link": "https://a.example/c"},
            ],
        ),
    )
    cycle(settings, store, NOW + timedelta(hours=2), all_feeds=True)
    assert classified == ["Mistral AI raises EUR 600 million", "Cohere raises $500 million"]
    assert scalar(store, "SELECT count(*) FROM entries WHERE deal_json IS NULL") == 0


def test_every_configured_tag_has_a_feed(
    tmp_path: Path, feed_server: FeedServer, store: Store
) -> None:
    from aggregator.models import TagRule

    url = feed_server.add(
        "/a.xml",
        rss("A", [{"title": "Figure raises for humanoid robots", "link": "https://a.example/1"}]),
    )
    settings = settings_for(
        tmp_path,
        [FeedSettings(name="A", url=url)],
        tag_rules=(
            TagRule("robotics", keywords=("humanoid",)),
            TagRule("chips", keywords=("semiconductor",)),
        ),
    )
    cycle(settings, store)
    import feedparser

    robotics = feedparser.parse((tmp_path / "site" / "tags" / "robotics.atom").read_bytes())
    chips = feedparser.parse((tmp_path / "site" / "tags" / "chips.atom").read_bytes())
    assert [e.title for e in robotics.entries] == ["Figure raises for humanoid robots"]
    assert chips.bozo == 0 and chips.entries == []


def _stored(store: Store, titles: list[str], feed: str = "wire") -> None:
    import hashlib

    from aggregator.models import Entry

    entries = [
        Entry(
            feed=feed,
            entry_key=f"k{n}",
            guid=None,
            link=f"https://w.example/{n}",
            title=t,
            summary=t,
            content_html=f"<p>{t}</p>",
            author=None,
            published=NOW - timedelta(hours=len(titles) - n),
            updated=None,
            content_hash=hashlib.sha256(t.encode()).hexdigest(),
            original_link=None,
        )
        for n, t in enumerate(titles)
    ]
    store.upsert_entries(feed, entries, NOW)  # no readings: as stored by older code


def test_a_deal_reading_made_late_is_saved_once(
    tmp_path: Path, store: Store, classified: list[str]
) -> None:
    from aggregator.cycle import _story_facts as story_facts

    settings = settings_for(tmp_path, [])
    _stored(store, ["Mistral AI raises EUR 600 million"])  # two outlets, one story
    _stored(store, ["Mistral AI raises EUR 600 million"], feed="second")
    cycle(settings, store)
    assert len(classified) == 2
    for text in store.db.execute("SELECT deal_json FROM entries").fetchall():
        assert story_facts.CLASSIFIER_VERSION in text[0]
    (story_id,) = {r["story_id"] for r in query(store, "SELECT story_id FROM entries")}
    with store.write():
        story_facts.StoryFacts.from_settings(settings).apply(store, story_id, NOW)
    assert len(classified) == 2  # read from the saved readings, not again


def test_story_facts_come_from_its_first_reports(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aggregator.cycle import _story_facts as story_facts

    monkeypatch.setattr(story_facts, "FACT_SOURCES", 2)
    late = FeedSettings(
        name="late", url="https://late.example/feed", priority=10, enabled=False
    )  # never fetched: its entry is stored below
    settings = settings_for(tmp_path, [late])
    _stored(store, ["Mistral AI raises EUR 600 million"])
    _stored(store, ["Mistral AI raises EUR 600 million"], feed="second")
    _stored(store, ["Mistral AI raises EUR 600 million"], feed="late")
    with store.write():
        store.db.execute(
            "UPDATE entries SET pub_time = ? WHERE feed = 'late'",
            [(NOW + timedelta(hours=1)).isoformat()],
        )
    cycle(settings, store, all_feeds=False)
    rows = query(store, "SELECT e.feed FROM stories s JOIN entries e ON e.id = s.primary_entry_id")
    assert [r["feed"] for r in rows] == ["wire"]  # the high-priority report came third
    monkeypatch.setattr(story_facts, "FACT_SOURCES", 200)
    with store.write():
        story_facts.StoryFacts.from_settings(settings).apply(
            store, scalar(store, "SELECT id FROM stories"), NOW
        )
    rows = query(store, "SELECT e.feed FROM stories s JOIN entries e ON e.id = s.primary_entry_id")
    assert [r["feed"] for r in rows] == ["late"]


def test_a_big_story_lists_its_first_reports_and_counts_them_all(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from aggregator.store import _stories

    monkeypatch.setattr(_stories, "SOURCES_SHOWN", 2)
    settings = settings_for(tmp_path, [])
    for n in range(5):
        _stored(store, ["Mistral AI raises EUR 600 million in Series B"], feed=f"outlet{n}")
    cycle(settings, store)
    (story,) = store.select_stories(StoryQuery(), limit=5)
    assert story.source_count == 5 and len(story.sources) == 2
    assert story.primary in story.sources
    atom = (tmp_path / "site" / "all.atom").read_text()
    assert "and 3 more." in atom


def _deal_parties(settings: Settings) -> list[list[tuple[str, str]]]:
    import json

    items = json.loads((settings.output / "all.json").read_text(encoding="utf-8"))["items"]
    return [[(p["name"], p["role"]) for p in i["_deal"]["parties"]] for i in items if "_deal" in i]


def test_a_first_party_feed_is_read_as_its_publisher(tmp_path: Path, store: Store) -> None:
    """ "Series B funding round" on a company's own feed names the company; the configured
    organization wins over the inferred one, and changing it reads the stored entries again."""
    path = tmp_path / "news.xml"
    path.write_text(
        rss(
            "Quill Newsroom",
            [
                {
                    "title": "Series B funding round",
                    "link": "https://quill.example/b",
                    "description": "We are thrilled to share our $80M Series B.",
                }
            ],
        )
    )
    feed = FeedSettings(name="Quill Newsroom", path=path, first_party=True)
    settings = settings_for(tmp_path, [feed])
    cycle(settings, store)
    assert _deal_parties(settings) == [[("Quill", "target")]]  # inferred from the name
    settings = settings_for(tmp_path, [replace(feed, organization="Quill Labs")])
    cycle(settings, store, NOW + timedelta(hours=2), all_feeds=True)
    assert _deal_parties(settings) == [[("Quill Labs", "target")]]  # read again
    plain = settings_for(tmp_path, [replace(feed, first_party=False)])
    cycle(plain, store, NOW + timedelta(hours=4), all_feeds=True)
    assert _deal_parties(plain) == []  # nobody is "we"


def test_a_feed_document_names_its_publisher_when_the_config_does_not(
    tmp_path: Path, store: Store
) -> None:
    """A newsroom read from a file (or a mirror) under a name that says nothing: its own
    <title> and <link> ("Anthropic News", https://www.anthropic.com/news) name the company
    that "we" is; marked first_party: false it names no one."""
    path = tmp_path / "mirror-0042.xml"
    doc = rss(
        "Anthropic News",
        [
            {
                "title": "Series F funding announcement",
                "link": "https://www.anthropic.com/news/series-f",
                "description": "Today we are announcing our $13B Series F.",
            }
        ],
    ).replace("<link>https://example.com/</link>", "<link>https://www.anthropic.com/news</link>")
    path.write_text(doc)
    feed = FeedSettings(name="mirror-0042", path=path)
    settings = settings_for(tmp_path, [feed])
    cycle(settings, store)
    assert _deal_parties(settings) == [[("Anthropic", "target")]]
    assert store.feed_sites()["mirror-0042"] == ("Anthropic News", "https://www.anthropic.com/news")
    # the stored reading is reused as it was made: the next cycle reads nothing again
    again = cycle(settings, store, NOW + timedelta(hours=2), all_feeds=True)
    assert again.stories_updated == 0
    assert _deal_parties(settings) == [[("Anthropic", "target")]]
    other = tmp_path / "other"
    other.mkdir()
    plain = settings_for(other, [replace(feed, first_party=False)])
    cycle(plain, Store(other / "db.sqlite"), NOW)
    assert _deal_parties(plain) == []


def test_stored_stories_follow_a_change_of_curation_rules(tmp_path: Path, store: Store) -> None:
    """Facts depend on the rules too: a cycle with new rules and no new entry recomputes them
    (facts_key), and a cycle with the same rules recomputes nothing."""
    from aggregator.models import CurationRules

    path = tmp_path / "wire.xml"
    path.write_text(
        rss("Wire", [{"title": "Quillon AI raises $120M Series B", "link": "https://w.example/1"}])
    )
    settings = settings_for(tmp_path, [FeedSettings(name="Wire", path=path)])
    cycle(settings, store)
    curated = settings.output / "feed.json"
    import json

    assert len(json.loads(curated.read_text(encoding="utf-8"))["items"]) == 1
    narrow = replace(settings, curation=CurationRules(types=("acquisition",)))
    report = cycle(narrow, store, NOW + timedelta(hours=2))
    assert report.new_entries == 0 and report.stories_updated == 1
    assert json.loads(curated.read_text(encoding="utf-8"))["items"] == []
    assert cycle(narrow, store, NOW + timedelta(hours=4)).stories_updated == 0


def test_a_companys_stories_follow_a_change_of_how_subjects_are_read(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A story naming a known company is in the company's feed of all its stories (and on
    its page) though it is no deal; another way of reading subjects (``SUBJECTS``, part of
    the facts key) reads every stored story's again, without a new version of the story."""
    from aggregator.cycle import _story_facts

    path = tmp_path / "wire.xml"
    path.write_text(
        rss(
            "Wire",
            [
                {
                    "title": "Quillon AI raises $120M Series B from Nvidia",
                    "link": "https://w.example/1",
                },
                {"title": "Nvidia opens a lab in Zürich", "link": "https://w.example/2"},
            ],
        )
    )
    settings = settings_for(tmp_path, [FeedSettings(name="Wire", path=path)])
    cycle(settings, store)
    about = StoryQuery(about="nvidia")
    assert store.count_stories(about) == 2  # its deal, and the story naming it
    page = (settings.output / "companies/nvidia.html").read_text(encoding="utf-8")
    assert "Nvidia opens a lab in Zürich" in page and "../about/nvidia.atom" in page
    versions = store.story_versions(StoryQuery(), limit=5)
    monkeypatch.setattr(_story_facts, "SUBJECTS", "none-1")
    monkeypatch.setattr(_story_facts.StoryFacts, "subjects", lambda self, rows: ())
    cycle(settings, store, NOW + timedelta(hours=2))
    assert store.count_stories(about) == 1  # its deal only
    assert store.story_versions(StoryQuery(), limit=5) == versions  # no story changed
    page = (settings.output / "companies/nvidia.html").read_text(encoding="utf-8")
    assert "Nvidia opens a lab in Zürich" not in page


class _CountingFetcher(Fetcher):
    """The real fetcher, noting how many requests each of its calls was handed."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(factories.fetch_options(settings), clock=lambda: NOW)
        self.calls: list[int] = []

    async def fetch_many(
        self,
        requests: Sequence[FetchRequest],
        on_result: Callable[[FetchResult], None] | None = None,
    ) -> list[FetchResult]:
        self.calls.append(len(requests))
        return await super().fetch_many(requests, on_result)


def _five_feeds(tmp_path: Path, feed_server: FeedServer) -> Settings:
    feeds = []
    for n in range(5):
        url = feed_server.add(
            f"/f{n}.xml",
            rss(
                f"F{n}", [{"title": f"Story {n} of outlet {n}", "link": f"https://f{n}.example/1"}]
            ),
        )
        feeds.append(FeedSettings(name=f"F{n}", url=url, interval=3600))
    return settings_for(tmp_path, feeds)


def test_a_cycle_holds_two_waves_of_results_at_most_and_fetches_one_while_storing_the_other(
    tmp_path: Path, feed_server: FeedServer, store: Store
) -> None:
    settings = _five_feeds(tmp_path, feed_server)
    fetcher = _CountingFetcher(settings)
    held: list[int] = []

    def progress(outcome: pipeline.FeedOutcome) -> None:
        held.append(len(fetcher.calls))

    with ThreadPoolExecutor(1) as parse:
        report = pipeline.run_once(
            settings, store, fetcher, NOW, wave=2, progress=progress, executor=parse
        )
    assert fetcher.calls == [2, 2, 1]  # each wave's requests, in order
    # feed i is in wave i // 2: when it is stored, the next wave is in flight (its fetch
    # started before the storing), and no wave after that one has been asked for
    assert held == [2, 2, 3, 3, 3]
    assert (report.fetched, report.new_entries) == (5, 5)
    assert all(store.feed_state(f"F{n}").etag for n in range(5))  # every wave's states saved
    assert pipeline.fetch_wave(64) == 512 and pipeline.fetch_wave(1) == pipeline.MIN_WAVE


def test_a_fetcher_without_an_event_loop_of_the_cycles_fetches_a_wave_at_a_time(
    tmp_path: Path, feed_server: FeedServer, store: Store
) -> None:
    settings = _five_feeds(tmp_path, feed_server)
    real = Fetcher(factories.fetch_options(settings), clock=lambda: NOW)
    calls: list[int] = []
    held: list[int] = []

    class SyncOnly:  # a FeedFetcher with fetch_many_sync alone
        options = real.options

        def fetch_many_sync(
            self,
            requests: Sequence[FetchRequest],
            on_result: Callable[[FetchResult], None] | None = None,
        ) -> list[FetchResult]:
            calls.append(len(requests))
            return real.fetch_many_sync(requests, on_result)

    def progress(outcome: pipeline.FeedOutcome) -> None:
        held.append(len(calls))

    report = pipeline.run_once(settings, store, SyncOnly(), NOW, wave=2, progress=progress)
    assert calls == [2, 2, 1] and held == [1, 1, 2, 2, 3]  # each wave stored before the next
    assert (report.fetched, report.new_entries) == (5, 5)


class _Killed(BaseException):
    """Stands in for a SIGKILL/OOM: nothing after it in the cycle runs."""


def test_a_cycle_cut_short_keeps_its_waves_and_the_next_continues(
    tmp_path: Path, feed_server: FeedServer, store: Store
) -> None:
    settings = _five_feeds(tmp_path, feed_server)
    stored: list[str] = []

    def progress(outcome: pipeline.FeedOutcome) -> None:
        stored.append(outcome.feed)
        if len(stored) == 3:  # the first feed of the second wave is stored, then the kill
            raise _Killed()

    with pytest.raises(_Killed):
        cycle(settings, store, wave=2, progress=progress)
    assert store.entry_count() == 3  # entries are committed per feed
    assert store.feed_state("F0").etag and store.feed_state("F1").etag  # the finished wave
    assert store.feed_state("F2").etag is None  # its wave's states were not saved
    later = cycle(settings, store, NOW + timedelta(minutes=5), wave=2)
    assert later.feeds_due == 3  # F0 and F1 are not polled again
    assert feed_server.hits["/f0.xml"] == feed_server.hits["/f1.xml"] == 1
    assert feed_server.hits["/f2.xml"] == 2  # fetched again: stored once, no duplicate
    assert (later.new_entries, store.entry_count()) == (2, 5)


def test_a_reports_dict_is_what_dataclasses_asdict_makes() -> None:
    """The runs table keeps ``RunReport.as_dict()``: made field by field, it is still the
    deep copy ``dataclasses.asdict`` makes (none of its values shared with the report)."""
    import dataclasses

    report = pipeline.RunReport(started=NOW, feeds_due=2, new_entries=3)
    report.timings["fetch"] = 1.5
    report.stage_errors["stories"] = "boom"
    report.alerts = dataclasses.replace(report.alerts, fired=4)
    report.outcomes += [
        pipeline.FeedOutcome("a", 200, None, None, 3, 0.25),
        pipeline.FeedOutcome("b", None, "timed out", "timeout", 0, 30.0),
    ]
    data = report.as_dict()
    assert data == dataclasses.asdict(report)
    assert list(data) == list(dataclasses.asdict(report))
    assert data["timings"] is not report.timings and data["alerts"] == {
        **dataclasses.asdict(report.alerts)
    }


def test_a_newsrooms_post_that_names_no_one_is_about_its_publisher(
    tmp_path: Path, store: Store
) -> None:
    """ "Security incident update" on Quorvane's own feed and a wire's "Quorvane data breach
    …" an hour later are one story; the same post on a feed that is nobody's stays apart."""
    own = tmp_path / "own.xml"
    own.write_text(
        rss(
            "Quorvane Newsroom",
            [
                {
                    "title": "Security incident update",
                    "link": "https://quorvane.example/incident",
                    "description": "An intruder reached support chat logs on May 3.",
                    "date": "Tue, 24 Nov 2026 08:00:00 GMT",
                }
            ],
        )
    )
    wire = tmp_path / "wire.xml"
    wire.write_text(
        rss(
            "Wire",
            [
                {
                    "title": "Quorvane data breach exposes AI support chat transcripts",
                    "link": "https://wire.example/quorvane-breach",
                    "date": "Tue, 24 Nov 2026 09:00:00 GMT",
                }
            ],
        )
    )
    feeds = [
        FeedSettings(name="Quorvane Newsroom", path=own, first_party=True),
        FeedSettings(name="Wire", path=wire, first_party=False),
    ]
    settings = settings_for(tmp_path, feeds)
    cycle(settings, store)
    assert len({r["story_id"] for r in query(store, "SELECT story_id FROM entries")}) == 1
    other = tmp_path / "other"
    other.mkdir()
    plain = settings_for(other, [replace(feeds[0], first_party=False), feeds[1]])
    elsewhere = Store(other / "db.sqlite")
    cycle(plain, elsewhere)
    assert len({r["story_id"] for r in query(elsewhere, "SELECT story_id FROM entries")}) == 2
