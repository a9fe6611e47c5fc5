"""``publish.profile_budget``: a publish renders at most that many changed profile feeds that
are in place; the others keep their last files and catch up, longest waiting first."""

from __future__ import annotations

import json
import math
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from aggregator.cycle import _pipeline as pipeline
from aggregator.models import StoryQuery
from aggregator.publish._budget import DEFERRED, PROFILE_GROUPS
from aggregator.publish._text import path_slug
from aggregator.store import Store

from .. import factories
from ..cycle.test_story_window import batches, cycle, ingest

PROFILE_DIRS = ("companies/", "about/", "investors/")


def site(root: Path) -> dict[str, bytes]:
    """The served files (no dotfiles, no archive pages: written once, they may hold newer
    versions of their stories when written later)."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not str(p.relative_to(root)).startswith((".", "archive/"))
    }


def archives(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in (root / "archive").rglob("*") if p.is_file()}


def profile_heads(files: dict[str, bytes]) -> dict[str, bytes]:
    return {k: v for k, v in files.items() if k.startswith(PROFILE_DIRS) and k.endswith(".atom")}


def waiting(root: Path) -> dict[str, str]:
    state = json.loads((root / ".publish-state.json").read_text())
    return {k: v[DEFERRED] for k, v in state.items() if isinstance(v, dict) and DEFERRED in v}


def test_a_budget_defers_profile_feeds_that_then_catch_up_to_the_full_site(
    tmp_path: Path,
) -> None:
    budget = 3
    full = factories.bare_settings(tmp_path, output=tmp_path / "full", feed_size=5)
    full = replace(full, profile_budget=None)
    bounded = replace(full, output=tmp_path / "bounded", profile_budget=budget)
    store = Store(full.database)
    plan = batches(days=2)
    first, rest = plan[:4], plan[4:]
    for now, entries in first:
        ingest(store, entries, now)
        cycle(full, store, now, None)
    now = first[-1][0]
    for settings in (full, bounded):  # a first publish: nothing in place, all rendered
        assert pipeline.publish_now(settings, store, now).error is None
    assert site(full.output) == site(bounded.output)
    deferred_most = 0
    for now, entries in rest:
        ingest(store, entries, now)
        cycle(full, store, now, None)
        before = site(bounded.output)
        for settings in (full, bounded):
            assert pipeline.publish_now(settings, store, now).error is None
        after, wanted = site(bounded.output), site(full.output)
        # everything but the profile feeds and their pages is current at once
        for name, data in wanted.items():
            if not name.startswith(PROFILE_DIRS):
                assert after[name] == data, name
        assert after.keys() == wanted.keys()  # a new company's files are there at once
        # each profile file is either current or exactly what the last publish left
        stale = {n for n, data in after.items() if data != wanted[n]}
        assert all(n.startswith(PROFILE_DIRS) and after[n] == before.get(n) for n in stale)
        rendered = {
            n for n, data in profile_heads(after).items() if n in before and data != before[n]
        }
        assert len(rendered) <= budget
        deferred_most = max(deferred_most, len(waiting(bounded.output)))
    assert deferred_most > budget  # the budget did bind
    # nothing new: each publish renders the longest waiting, until none waits
    left = len(waiting(bounded.output))
    for n in range(math.ceil(left / budget)):
        now += timedelta(minutes=10)
        assert pipeline.publish_now(bounded, store, now).error is None
        assert len(waiting(bounded.output)) == max(0, left - budget * (n + 1))
    assert site(bounded.output) == site(full.output)
    assert archives(bounded.output) == archives(full.output)
    # and then a publish writes nothing
    assert pipeline.publish_now(bounded, store, now + timedelta(minutes=10)).written == 0


def test_the_longest_waiting_go_first_and_a_complete_publish_renders_all(tmp_path: Path) -> None:
    settings = factories.bare_settings(tmp_path, feed_size=5)
    settings = replace(settings, profile_budget=1)
    store = Store(settings.database)
    plan = batches(days=2)
    for now, entries in plan[:4]:
        ingest(store, entries, now)
        cycle(settings, store, now, None)
    assert pipeline.publish_now(settings, store, plan[3][0]).error is None
    since: dict[str, str] = {}
    for now, entries in plan[4:7]:
        ingest(store, entries, now)
        cycle(settings, store, now, None)
        before, files = waiting(settings.output), profile_heads(site(settings.output))
        assert pipeline.publish_now(settings, store, now).error is None
        after = waiting(settings.output)
        # a feed that waits keeps the time it started waiting
        assert all(after[path] == stamp for path, stamp in before.items() if path in after)
        # the one rendered (a head in place that changed) waited longest: no feed still
        # waiting has waited longer
        rendered = [
            before.get(name.removesuffix(".atom"), now.isoformat())
            for name, data in profile_heads(site(settings.output)).items()
            if name in files and data != files[name]
        ]
        assert len(rendered) <= 1
        if rendered and after:
            assert rendered[0] <= min(after.values()), (rendered, sorted(after.values()))
        since.update(after)
    assert len(set(since.values())) > 1  # feeds started waiting at different publishes
    assert since and all(any(path.startswith(d) for d in PROFILE_DIRS) for path in since), (
        "only profile feeds wait"
    )
    assert {"Companies", "Company stories", "Investors"} == PROFILE_GROUPS
    fresh = replace(settings, output=tmp_path / "fresh", profile_budget=None)
    now = plan[5][0]
    assert pipeline.publish_now(fresh, store, now).error is None
    assert pipeline.publish_now(settings, store, now, complete=True).error is None
    assert waiting(settings.output) == {}
    assert site(settings.output) == site(fresh.output)


def test_a_feed_that_waits_has_not_had_its_head_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Of the profile feeds a burst moved, a publish reads the heads in the order they are
    rendered, until its budget is spent: the others wait unread."""
    settings = replace(factories.bare_settings(tmp_path, feed_size=5), profile_budget=1)
    store = Store(settings.database)
    plan = batches(days=2)
    for now, entries in plan[:4]:
        ingest(store, entries, now)
        cycle(settings, store, now, None)
    assert pipeline.publish_now(settings, store, plan[3][0]).error is None
    read: list[StoryQuery] = []
    real = Store.head_versions

    def counting(self: Store, query: StoryQuery, **kwargs: Any) -> Any:
        read.append(query)
        return real(self, query, **kwargs)

    monkeypatch.setattr(Store, "head_versions", counting)
    for now, entries in plan[4:7]:
        ingest(store, entries, now)
        cycle(settings, store, now, None)
        before = waiting(settings.output)
        read.clear()
        assert pipeline.publish_now(settings, store, now).error is None
        after = waiting(settings.output)
        newly = set(after) - set(before)
        assert newly  # the budget did bind: feeds moved by this burst wait
        paths = {_profile_path(q) for q in read} - {None}
        assert not paths & set(after), sorted(paths & set(after))
        assert len(paths) < len(paths | set(after))


def _profile_path(query: StoryQuery) -> str | None:
    if query.company:
        return f"companies/{path_slug(query.company)}"
    if query.about:
        return f"about/{path_slug(query.about)}"
    if query.investor:
        return f"investors/{path_slug(query.investor)}"
    return None
