"""Each published feed's change count (``feed_generations``): it moves exactly when the
feed's stories change, and publish reads the head of a feed only when it moved, with the
same files as a publish that reads every head."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from aggregator.deals import format_deal_line
from aggregator.models import StoryQuery
from aggregator.publish import publish_site
from aggregator.store import Store

from ..store.test_feed_members import cycled, settings_for

STATE = ".publish-state.json"


def _keys_of(store: Store, story_id: int) -> set[str]:
    rows = store.db.execute("SELECT key FROM feed_members WHERE story_id = ?", [story_id])
    return {str(r[0]) for r in rows}


def _a_company_story(store: Store) -> int:
    row = store.db.execute(
        "SELECT story_id FROM feed_members WHERE key LIKE 'company:%' ORDER BY story_id LIMIT 1"
    ).fetchone()
    assert row is not None
    return int(row[0])


def _touch(store: Store, story_id: int, minutes: int = 5) -> None:
    """Write the story as a cycle does when a report joins it: a later version."""
    with store.write():
        store.db.execute(
            "UPDATE stories SET updated_at = strftime('%Y-%m-%dT%H:%M:%S+00:00', updated_at, "
            f"'+{minutes} minutes') WHERE id = ?",
            [story_id],
        )


def test_a_write_moves_the_counts_of_the_feeds_of_that_story_only(tmp_path: Path) -> None:
    store = cycled(tmp_path, days=2)
    story_id = _a_company_story(store)
    keys = _keys_of(store, story_id)
    assert {"all"} < keys and any(k.startswith("company:") for k in keys)
    before = store.feed_generations()
    _touch(store, story_id)
    after = store.feed_generations()
    moved = {k for k in after if after[k] != before.get(k, 0)}
    assert moved == keys
    # a story leaving a feed moves that feed's count too
    key = next(k for k in keys if k.startswith("company:"))
    with store.write():
        store.db.execute("DELETE FROM feed_members WHERE key = ? AND story_id = ?", [key, story_id])
    assert store.feed_generations()[key] == after[key] + 1
    assert {k: v for k, v in store.feed_generations().items() if k != key} == {
        k: v for k, v in after.items() if k != key
    }


def _publish(store: Store, out: Path, now: datetime) -> Any:
    settings = replace(settings_for(out.parent), output=out)
    return publish_site(
        store, settings=settings, out_dir=out, now=now, deal_line=format_deal_line, complete=True
    )


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != STATE and not {".publish-cache", "archive"} & set(p.parts)
    }


@pytest.fixture()
def heads(monkeypatch: pytest.MonkeyPatch) -> list[StoryQuery]:
    """The queries whose head publish reads from the store, in call order."""
    seen: list[StoryQuery] = []
    real = Store.head_versions

    def counting(self: Store, query: StoryQuery, **kwargs: Any) -> Any:
        seen.append(query)
        return real(self, query, **kwargs)

    monkeypatch.setattr(Store, "head_versions", counting)
    return seen


def test_publish_reads_only_the_heads_of_feeds_that_changed(
    tmp_path: Path, heads: list[StoryQuery]
) -> None:
    store = cycled(tmp_path, days=2)
    with store.write():  # as a database just migrated: no feed has changed since (all 0)
        store.db.execute("DELETE FROM feed_generations")
    now = datetime.fromisoformat(
        str(store.db.execute("SELECT max(updated_at) FROM stories").fetchone()[0])
    ) + timedelta(hours=1)
    site = tmp_path / "site"
    _publish(store, site, now)
    read_cold = len(heads)
    assert read_cold > 10
    heads.clear()
    assert _publish(store, site, now).written == ()
    # no change: only the heads of queries that are no one published feed are read
    assert all(q.company is None and q.investor is None and q.about is None for q in heads)
    assert len(heads) < 5

    story_id = _a_company_story(store)
    keys = _keys_of(store, story_id)
    _touch(store, story_id)
    heads.clear()
    report = _publish(store, site, now)
    assert report.written
    read = {q.company or q.investor or q.about for q in heads} - {None}
    touched = {k.split(":", 1)[1] for k in keys if ":" in k and not k.startswith(("deal:", "tag"))}
    assert read <= touched and read
    # the same files as a publish that read every head (archive pages keep the bytes they
    # were first written with)
    cold = tmp_path / "cold"
    _publish(store, cold, now)
    assert _files(site) == _files(cold)


def test_a_feed_whose_files_are_gone_is_read_and_written_again(
    tmp_path: Path, heads: list[StoryQuery]
) -> None:
    store = cycled(tmp_path, days=1)
    now = datetime.fromisoformat(
        str(store.db.execute("SELECT max(updated_at) FROM stories").fetchone()[0])
    ) + timedelta(hours=1)
    site = tmp_path / "site"
    _publish(store, site, now)
    company = next(p for p in (site / "companies").glob("*.atom"))
    kept = company.read_bytes()
    company.unlink()
    heads.clear()
    report = _publish(store, site, now)
    assert company.read_bytes() == kept
    assert f"companies/{company.name}" in report.written
    assert StoryQuery(company=company.stem) in heads
    # and a site copied elsewhere without its state reads every head once
    other = tmp_path / "other"
    shutil.copytree(site, other)
    (other / STATE).unlink()
    heads.clear()
    _publish(store, other, now)
    assert len(heads) > 10
