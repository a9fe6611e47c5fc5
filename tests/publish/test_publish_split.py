"""Publishing with a helper process writes exactly the site one process writes."""

from __future__ import annotations

from concurrent.futures import Executor
from dataclasses import replace
from pathlib import Path

import pytest

from aggregator.cycle import _pipeline as pipeline
from aggregator.models import Settings, TagRule
from aggregator.runtime.service import parse_pool
from aggregator.store import Store

from .. import factories
from ..cycle.test_story_window import batches, cycle, ingest


def site(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


class Counting(Executor):
    """The parse pool, counting what is handed to it."""

    def __init__(self, inner: Executor) -> None:
        self.inner, self.submitted, self.futures = inner, 0, []  # type: ignore[var-annotated]

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        self.submitted += 1
        self.futures.append(self.inner.submit(fn, *args, **kwargs))
        return self.futures[-1]


@pytest.fixture(scope="module")
def real_pool():  # type: ignore[no-untyped-def]
    executor = parse_pool(2)
    yield executor
    executor.shutdown(wait=True)


@pytest.fixture
def pool(real_pool: Executor) -> Counting:
    return Counting(real_pool)


def test_split_publish_writes_the_same_site(tmp_path: Path, pool: Counting) -> None:
    base = factories.bare_settings(
        tmp_path,
        output=tmp_path / "alone",
        feed_size=5,
        tag_rules=(TagRule("money", keywords=("million",)),),
    )
    split = replace(base, output=tmp_path / "split")
    store = Store(base.database)
    plan = batches(days=2)
    for n, (now, entries) in enumerate(plan):
        ingest(store, entries, now)
        cycle(base, store, now, None)
        if n % 3 == 2:  # publish along the way: later publishes add archive pages
            for settings, executor in ((base, None), (split, pool)):
                assert pipeline.publish_now(settings, store, now, executor).error is None
            assert site(base.output) == site(split.output)
    assert pool.submitted >= 2  # publishes shared their company feeds
    # and the briefs: the helper made them (while this process made the rest)
    assert any("brief.atom" in f.result().written for f in pool.futures)
    # and the feeds of a company's stories: profile feeds, as its deals' feed
    assert any(w.startswith("about/") for f in pool.futures for w in f.result().written)
    files = site(split.output)
    assert sum(1 for f in files if f.startswith("companies/") and f.endswith(".atom")) > 5
    assert sum(1 for f in files if f.startswith("archive/companies/")) > 5


def test_a_failing_helper_leaves_the_work_to_the_main_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pool: Counting
) -> None:
    base = factories.bare_settings(tmp_path, output=tmp_path / "alone", feed_size=5)
    broken = replace(base, output=tmp_path / "broken")
    store = Store(base.database)
    for now, entries in batches(days=1):
        ingest(store, entries, now)
        cycle(base, store, now, None)
    # the helper fails (here: raises); the main process then publishes its feeds itself
    monkeypatch.setattr(pipeline, "_publish_share", _boom)
    for settings, executor in ((base, None), (broken, pool)):
        assert pipeline.publish_now(settings, store, now, executor).error is None
    assert pool.submitted == 1
    assert site(base.output) == site(broken.output)


def _boom(settings: Settings, share: object) -> object:
    raise RuntimeError("helper died")


class LoadCounting:
    """The store, counting the stories publish loads (``select_stories`` and ``stories``)."""

    def __init__(self, store: Store) -> None:
        self.store, self.loaded = store, 0

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self.store, name)

    def select_stories(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        out = self.store.select_stories(*args, **kwargs)
        self.loaded += len(out)
        return out

    def stories(self, ids):  # type: ignore[no-untyped-def]
        out = self.store.stories(ids)
        self.loaded += len(out)
        return out


def test_a_publish_on_the_last_one_loads_only_changed_stories_and_writes_the_same_site(
    tmp_path: Path,
) -> None:
    """Head entries and company deal rows are taken from the files the last publish wrote:
    only new or changed stories are loaded, and every head document and page is byte for
    byte the one a publish into an empty directory writes."""
    from datetime import timedelta

    from aggregator import deals
    from aggregator.publish import publish_site

    settings = factories.bare_settings(
        tmp_path,
        output=tmp_path / "kept",
        feed_size=8,
        tag_rules=(TagRule("money", keywords=("million",)),),
        profile_budget=None,  # every changed page now: byte for byte a fresh publish's
    )
    store = Store(settings.database)
    loads = []
    for n, (now, entries) in enumerate(batches(days=2)):
        ingest(store, entries, now)
        cycle(settings, store, now, None)
        fresh = replace(settings, output=tmp_path / f"fresh{n}")
        for target in (settings, fresh):
            reader = LoadCounting(store)
            publish_site(
                reader,
                settings=target,
                out_dir=target.output,
                now=now + timedelta(hours=1),
                deal_line=deals.format_deal_line,
            )
            loads.append((target is settings, reader.loaded))
        # archive pages are written once (a later fresh publish may show newer versions)
        heads = [
            {k: v for k, v in site(t.output).items() if not k.startswith("archive/")}
            for t in (settings, fresh)
        ]
        assert heads[0] == heads[1], n
    kept = [count for mine, count in loads if mine][1:]
    anew = [count for mine, count in loads if not mine][1:]
    assert sum(kept) < sum(anew) / 2, (kept, anew)
    pages = site(settings.output)
    rows = sum(
        page.count(b"<tr data-story=")
        for name, page in pages.items()
        if name.startswith("companies/")
    )
    assert rows > 20
