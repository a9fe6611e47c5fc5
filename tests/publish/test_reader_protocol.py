"""What publish reads (``StoryReader``) is what the store provides, and what the test fake
provides: every method of the Protocol, with the same parameters."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from aggregator.models import StoryQuery, StoryReader
from aggregator.publish._exports import export_record
from aggregator.store import Store
from tests.fake_reader import FakeReader

from ..store.test_feed_members import cycled, queries


def _methods(cls: type) -> dict[str, Callable[..., Any]]:
    return {name: fn for name, fn in vars(cls).items() if callable(fn) and not name.startswith("_")}


def _parameters(fn: Callable[..., Any]) -> list[tuple[str, Any, Any]]:
    return [(p.name, p.kind, p.default) for p in inspect.signature(fn).parameters.values()]


def test_the_store_has_every_method_publish_reads_with_its_parameters() -> None:
    wanted = _methods(StoryReader)
    assert len(wanted) >= 17
    for name, fn in wanted.items():
        got, want = _parameters(getattr(Store, name)), _parameters(fn)
        # the store may take more, each optional (a tuning knob its own tests turn)
        assert got[: len(want)] == want, name
        assert all(default is not inspect.Parameter.empty for *_, default in got[len(want) :])


def test_the_fake_has_every_method_with_its_parameters() -> None:
    for name, fn in _methods(StoryReader).items():
        assert _parameters(getattr(FakeReader, name)) == _parameters(fn), name


def test_the_fake_answers_as_the_store_does_for_the_same_stories(tmp_path: Path) -> None:
    store = cycled(tmp_path, days=2)
    everything = store.select_stories(StoryQuery(), limit=10_000)
    fake = FakeReader(list(everything), installation=store.installation_id())
    assert len(everything) > 50
    ids = [s.id for s in everything]
    assert fake.installation_id() == store.installation_id()
    assert [s.id for s in fake.stories(ids[::3])] == [s.id for s in store.stories(ids[::3])]
    assert [fake.story_uri(i) for i in ids] == [store.story_uri(i) for i in ids]
    for query in queries(store):
        assert fake.count_stories(query) == store.count_stories(query), query
        assert _same(fake.story_versions(query, limit=20), store.story_versions(query, limit=20))
        for limit, per_source, scan in ((10, 2, 30), (10, 1, 10), (5, 5, 50), (6, 2, 6)):
            asked = {"limit": limit, "per_source": per_source, "scan": scan}
            got, want = fake.head_versions(query, **asked), store.head_versions(query, **asked)
            assert _same(got, want), (query, asked)
    for since in sorted({s.published for s in everything})[::7]:
        assert _same(fake.largest_deals(since, limit=5), store.largest_deals(since, limit=5))
    assert [day for day, _ in fake.deal_export_days()] == [
        day for day, _ in store.deal_export_days()
    ]
    for day in (None, *(day for day, _ in store.deal_export_days())):
        got, want = fake.deal_export_rows(day), store.deal_export_rows(day)
        # the same records (the store's deal JSON leaves out a party's "lead": false)
        assert [export_record(r) for r in got] == [export_record(r) for r in want], day


def _same(got: Sequence[tuple[int, str]], want: Sequence[tuple[int, str]]) -> bool:
    """The same stories at the same versions (the store's text and the fake's may differ in
    form: ``datetime.fromisoformat`` reads both)."""
    return [(i, datetime.fromisoformat(v)) for i, v in got] == [
        (i, datetime.fromisoformat(v)) for i, v in want
    ]
