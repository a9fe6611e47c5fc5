"""`aggregator stories --explain ID`: each entry's link and each absorbed story, from the
typed records the store gives (StoryLink, StoryMerge)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from click.testing import CliRunner

from aggregator.config import load_settings
from aggregator.models import Entry, FeedSettings, StoryDecision
from aggregator.runtime.cli import cli
from aggregator.store import open_store

from ..conftest import NOW, write_config


def entry(n: int) -> Entry:
    return Entry(
        feed="a",
        entry_key=f"k{n}",
        guid=None,
        link=f"https://a.example/{n}",
        title=f"Title {n}",
        summary="",
        content_html="",
        author=None,
        published=NOW - timedelta(hours=n),
        updated=None,
        content_hash=f"h{n}",
        original_link=None,
    )


def test_explain_prints_the_links_and_the_merge(tmp_path: Path) -> None:
    config = write_config(tmp_path, [{"name": "a", "url": "https://a.example/feed"}])
    settings = load_settings(config, env={})
    with open_store(settings) as store:
        store.sync_feeds([FeedSettings(name="a", url="https://a.example/feed")])
        ids = store.upsert_entries("a", [entry(1), entry(2), entry(3)], NOW).new_ids
        with store.write():
            kept = store.create_story(StoryDecision(ids[0], None, "new"), NOW)
            dropped = store.create_story(StoryDecision(ids[1], None, "new"), NOW)
            store.attach(
                StoryDecision(ids[2], dropped, "similar", 0.8, ("anthropic", "claude"), ids[1]),
                dropped,
                NOW,
            )
            store.merge_stories(kept, dropped, NOW + timedelta(minutes=5), ids[2])
    result = CliRunner().invoke(
        cli, ["--config", str(config), "stories", "--explain", str(dropped)]
    )
    assert result.exit_code == 0, result.output
    assert result.output == (
        f"story {dropped} was merged into story {kept}\n"
        f"story {kept}: (an entry joins at score >= 0.40, within 3 days)\n"
        f"  entry {ids[0]} [a] Title 1\n"
        f"      rule=new score=0.00 shared terms: -\n"
        f"  entry {ids[1]} [a] Title 2\n"
        f"      rule=new score=0.00 shared terms: -\n"
        f"  entry {ids[2]} [a] Title 3\n"
        f"      rule=similar score=0.80 matched entry {ids[1]} shared terms: anthropic, claude\n"
        f"  absorbed story {dropped} at 2026-11-24T12:05:00+00:00 (entry {ids[2]} linked both)\n"
    )
