"""Each feed's publisher is inferred when a story of that feed is read, once, not for every
configured feed up front; and the facts key follows what a publisher is read from."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from aggregator.cycle import _story_facts
from aggregator.models import FeedSettings

from .. import factories


def _feeds() -> list[FeedSettings]:
    return [
        FeedSettings(name="OpenAI News", url="https://openai.com/news/rss.xml"),
        FeedSettings(name="Wire", url="https://wire.example/feed", first_party=False),
        *(FeedSettings(name=f"feed{i}", url=f"https://f{i}.example/rss") for i in range(50)),
    ]


def test_publishers_are_inferred_on_demand_and_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = factories.settings(tmp_path, *_feeds())
    asked: list[str] = []
    real = _story_facts.publisher_for

    def counting(feed: FeedSettings | None, site: object = None) -> str | None:
        asked.append(feed.name if feed else "")
        return real(feed, site)  # type: ignore[arg-type]

    monkeypatch.setattr(_story_facts, "publisher_for", counting)
    facts = _story_facts.StoryFacts.from_settings(settings)
    assert asked == []
    assert facts.publishers.get("OpenAI News") == "OpenAI"
    assert facts.publishers.get("Wire") is None
    assert facts.publishers.get("OpenAI News") == "OpenAI"
    assert facts.publishers.get("not configured") is None
    assert asked == ["OpenAI News", "Wire"]
    assert len(facts.publishers) == 52 and "feed7" in set(facts.publishers)


def test_the_facts_key_follows_what_a_publisher_is_read_from(tmp_path: Path) -> None:
    feeds = _feeds()
    key = _story_facts.facts_key(factories.settings(tmp_path, *feeds))
    assert key == _story_facts.facts_key(factories.settings(tmp_path, *feeds))
    for change in (
        {"organization": "Quill Labs"},
        {"first_party": True},
        {"url": "https://f0.example/other.xml"},
    ):
        changed = [*feeds[:2], replace(feeds[2], **change), *feeds[3:]]  # type: ignore[arg-type]
        assert _story_facts.facts_key(factories.settings(tmp_path, *changed)) != key, change
