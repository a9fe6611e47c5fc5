"""publish speed-ups keep the output exact: one render per story, reuse of what the last
publish kept (never of what it wrote)."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from aggregator.models import PartyDeal, Story, StoryQuery
from aggregator.publish import _brief, _company, _kept, _render, _state, _table
from tests.fake_reader import FakeReader, investment, publish, settings, story

STATE = ".publish-state.json"


def _reader(count: int) -> FakeReader:
    reader = FakeReader(tags=("chips",))
    for i in range(1, count + 1):
        deal = investment(investor="Amazon" if i % 3 else "Google") if i % 2 else None
        reader.add(story(i, deal=deal, tags=("chips",) if i % 4 == 0 else ()))
    return reader


def _files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name != STATE
    }


def _assert_same(site: Path, cold: Path, archived: set[str]) -> None:
    """Same files and bytes, except archive pages written before (immutable, old bytes)."""
    got, want = _files(site), _files(cold)
    assert got.keys() == want.keys()
    assert {k: v for k, v in got.items() if k not in archived} == {
        k: v for k, v in want.items() if k not in archived
    }


@pytest.fixture()
def renders(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Story ids passed to build_entry, in call order."""
    seen: list[int] = []
    real = _render.build_entry

    def counting(story: Story, *args: Any, **kwargs: Any) -> Any:
        seen.append(story.id)
        return real(story, *args, **kwargs)

    monkeypatch.setattr(_render, "build_entry", counting)
    return seen


def test_a_cold_publish_renders_each_story_once(tmp_path: Path, renders: list[int]) -> None:
    publish(_reader(40), tmp_path)  # 13 archive pages of all, and of every other feed
    assert len(renders) == len(set(renders)) == 40


def test_incremental_publish_renders_only_changed_stories(
    tmp_path: Path, renders: list[int]
) -> None:
    reader = _reader(40)
    publish(reader, tmp_path / "site")
    archived = {k for k in _files(tmp_path / "site") if k.startswith("archive/")}
    renders.clear()
    reader.add(story(41, deal=investment()))
    reader.replace(
        replace(
            reader.stored[38],
            updated=reader.stored[38].updated + timedelta(days=9),
            title="Edited headline",
        )
    )
    publish(reader, tmp_path / "site")
    assert sorted(set(renders)) == [39, 41]
    publish(reader, tmp_path / "cold")  # archives written before keep their old versions
    _assert_same(tmp_path / "site", tmp_path / "cold", archived)


def test_changed_settings_render_everything_again(tmp_path: Path, renders: list[int]) -> None:
    reader = _reader(12)
    publish(reader, tmp_path / "site")
    archived = {k for k in _files(tmp_path / "site") if k.startswith("archive/")}
    reader.add(story(13, deal=investment()))
    other = replace(settings().site, base_url="https://b.example/")
    publish(reader, tmp_path / "site", site=other)
    publish(reader, tmp_path / "cold", site=other)
    _assert_same(tmp_path / "site", tmp_path / "cold", archived)
    assert b"https://deals.example/" not in (tmp_path / "site" / "all.atom").read_bytes()


def _counting(
    monkeypatch: pytest.MonkeyPatch, module: Any, name: str, seen: list[Any], at: int = 0
) -> None:
    """Record the first (or the ``at``-th) argument of every call of ``module.name``."""
    real = getattr(module, name)

    def counting(*args: Any, **kwargs: Any) -> Any:
        seen.append(args[at])
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counting)


def test_the_kept_parts_not_the_published_files_spare_the_rendering(
    tmp_path: Path, renders: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    reader = _reader(40)
    reader.replace(replace(reader.stored[38], title="Zürich’s lab raises €5 million — ✓"))
    site, fresh = tmp_path / "site", tmp_path / "fresh"
    publish(reader, site)
    # The next publish goes to a directory holding the archive pages, the publish state and
    # the kept parts, but no document made from a head: what it does not render again can
    # only come from the kept parts.
    fresh.mkdir()
    for name in ("archive", _kept.CACHE_DIR):
        shutil.copytree(site / name, fresh / name)
    shutil.copy(site / STATE, fresh / STATE)
    archived = {k for k in _files(fresh) if k.startswith("archive/")}
    rows: list[Story] = []
    lines: list[PartyDeal] = []
    periods: list[Any] = []
    _counting(monkeypatch, _table, "_deal_row", rows)
    _counting(monkeypatch, _company, "_timeline_item", lines)
    _counting(monkeypatch, _company, "_portfolio_row", lines)
    real_brief = _brief.brief_entry

    def brief_entry(ctx: Any, spec: Any, period: Any, stories: Any) -> Any:
        periods.append((spec.path, period.key))
        return real_brief(ctx, spec, period, stories)

    monkeypatch.setattr(_brief, "brief_entry", brief_entry)
    briefed: list[Story] = []
    _counting(monkeypatch, _brief, "_line", briefed, at=1)
    renders.clear()
    reader.add(story(41, deal=investment()))
    publish(reader, fresh)
    assert sorted(set(renders)) == [41]  # every other entry of every head was kept
    assert {s.id for s in rows} == {41}  # and every other deal row
    assert {d.id for d in lines} == {41}  # and every other line of a timeline or portfolio
    assert periods == [("brief", "2026-01-07")]  # the day of story 41; the other days kept
    assert {s.id for s in briefed} == {41}  # and the lines of its day's other stories
    publish(reader, tmp_path / "cold")
    _assert_same(fresh, tmp_path / "cold", archived)  # kept parts included


def test_kept_parts_are_taken_only_under_their_fingerprint(tmp_path: Path) -> None:
    reader = _reader(12)
    publish(reader, tmp_path)
    key = _state.settings_fingerprint(settings())
    kept = _kept.load(tmp_path, "all", key)
    assert [uri.rsplit("/", 1)[1] for uri, _ in kept.entries] == ["12", "11", "10"]
    assert kept.rows == {} and kept.lines == {}  # "all" has no page of its own
    company = _kept.load(tmp_path, "companies/anthropic", key)
    timeline = {k: v for k, v in company.lines.items() if not k[1].startswith("story ")}
    assert len(company.entries) == len(company.rows) == len(timeline) == 3
    # and the lines of its stories (every story about it: its page's last list)
    about = reader.count_stories(StoryQuery(about="anthropic"))
    assert len(company.lines) - len(timeline) == about >= 3
    assert _kept.load(tmp_path, "all", "other code or settings") == _kept.Parts()
    whole = (tmp_path / _kept.path_of("all")).read_bytes()
    head = whole.split(b"\n", 1)[0]
    for damaged in (
        whole[:-10],  # cut short
        whole + b"more",  # bytes of nothing
        head.replace(b'"formats":["atom","json"]', b'"formats":["atom"]') + whole[len(head) :],
        head + b"\n",  # no bytes for its parts
        b"{not json\n",
        b"[]\n",
        b"",
    ):
        (tmp_path / _kept.path_of("all")).write_bytes(damaged)
        assert _kept.load(tmp_path, "all", key) == _kept.Parts(), damaged[:80]
    (tmp_path / _kept.path_of("all")).write_bytes(whole)
    assert _kept.load(tmp_path, "all", key) == kept
    assert _kept.load(tmp_path, "no/such/feed", key) == _kept.Parts()


def test_whether_parts_were_made_under_a_fingerprint_is_read_from_their_start(
    tmp_path: Path,
) -> None:
    reader = _reader(6)
    publish(reader, tmp_path)
    key = _state.settings_fingerprint(settings())
    assert _kept.made_under(tmp_path, "companies/anthropic", key)
    assert not _kept.made_under(tmp_path, "companies/anthropic", "other code or settings")
    assert not _kept.made_under(tmp_path, "no/such/feed", key)
    path = tmp_path / _kept.path_of("companies/anthropic")
    whole = path.read_bytes()
    other_formats = whole.replace(b'"formats":["atom","json"]', b'"formats":["atom"]', 1)
    path.write_bytes(other_formats)
    assert not _kept.made_under(tmp_path, "companies/anthropic", key)
    assert _kept.load(tmp_path, "companies/anthropic", key) == _kept.Parts()  # load agrees
