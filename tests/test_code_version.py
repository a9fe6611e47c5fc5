"""The one cache key rule: ``code_version`` names the code that made a stored value, and a
publish by other rendering code writes every file that code renders again."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import pytest

from aggregator import code_version, deals
from aggregator.publish import (
    PublishReport,
    _atom,
    _brief,
    _company,
    _render,
    _state,
    _table,
    publish_site,
)
from aggregator.store import Store

from .store.test_feed_members import cycled, settings_for

NOW = datetime(2026, 12, 1, tzinfo=UTC)
ATOM = "{http://www.w3.org/2005/Atom}"


def test_the_version_follows_every_byte_and_name_of_its_parts(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "a.py").write_text("A = 1\n")
    (tmp_path / "data.txt").write_text("words\n")
    seen = {code_version("pkg", "data.txt", root=tmp_path)}
    assert code_version("pkg", "data.txt", root=tmp_path) in seen  # the same code, the same
    (tmp_path / "pkg" / "a.py").write_text("A = 2\n")
    seen.add(code_version.__wrapped__("pkg", "data.txt", root=tmp_path))
    (tmp_path / "pkg" / "b.py").write_text("")  # a new module
    seen.add(code_version.__wrapped__("pkg", "data.txt", root=tmp_path))
    (tmp_path / "pkg" / "b.py").rename(tmp_path / "pkg" / "c.py")  # renamed
    seen.add(code_version.__wrapped__("pkg", "data.txt", root=tmp_path))
    (tmp_path / "data.txt").write_text("other words\n")  # a data file
    seen.add(code_version.__wrapped__("pkg", "data.txt", root=tmp_path))
    assert len(seen) == 5
    (tmp_path / "pkg" / ".c.py.swp").write_text("an editor's")  # dotfiles are not code
    assert code_version.__wrapped__("pkg", "data.txt", root=tmp_path) in seen


def test_the_caches_are_keyed_on_the_code_that_fills_them() -> None:
    from aggregator.cycle import _story_facts
    from aggregator.stories import _codec

    assert code_version("stories") == _codec.FEATURES_VERSION
    assert _story_facts.CLASSIFIER_VERSION.endswith(code_version("deals", "data"))
    assert code_version(*_state.RENDER_CODE) == _state.RENDER_VERSION
    assert "0.1.0" not in _state.RENDER_VERSION + _story_facts.CLASSIFIER_VERSION


def _publish(store: Store, site: Path, settings_dir: Path) -> PublishReport:
    return publish_site(
        store,
        settings=settings_for(settings_dir),
        out_dir=site,
        now=NOW,
        deal_line=deals.format_deal_line,
    )


def _files(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in site.rglob("*")
        if p.is_file() and not p.relative_to(site).as_posix().startswith(".")
    }  # the published files (not the state, the marker or the kept parts)


def _retitled(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> None:
    """Entries made by ``module.name`` get " v2" after their title."""
    real = getattr(module, name)

    def retitled(*args: Any) -> Any:
        view = real(*args)
        return replace(view, title=view.title + " v2")

    monkeypatch.setattr(module, name, retitled)


def _marked(monkeypatch: pytest.MonkeyPatch, module: Any, name: str, end: str, new: str) -> None:
    """Lines made by ``module.name`` end with ``new`` instead of ``end``."""
    real = getattr(module, name)
    monkeypatch.setattr(module, name, lambda *args: real(*args).replace(end, new))


def _titles(name: str, data: bytes) -> list[str]:
    """The titles of a head document's entries."""
    if name.endswith(".json"):
        return [str(item["title"]) for item in json.loads(data)["items"]]
    entries = ElementTree.fromstring(data).findall(f"{ATOM}entry")
    return [entry.findtext(f"{ATOM}title") or "" for entry in entries]


def test_other_rendering_code_rewrites_every_file_it_renders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = cycled(tmp_path, days=1)
    site = tmp_path / "out"
    assert _publish(store, site, tmp_path).written
    assert _publish(store, site, tmp_path).written == ()  # unchanged: nothing written
    before = _files(site)

    # An upgrade that renders otherwise: another generator URI, other entries (stories' and
    # the brief's), another deal row, other timeline and portfolio lines.
    monkeypatch.setattr(_atom, "GENERATOR_URI", "https://aggregator.dev/v2/")
    _retitled(monkeypatch, _render, "build_entry")
    _retitled(monkeypatch, _brief, "brief_entry")
    _marked(monkeypatch, _table, "_deal_row", "</tr>", "<td>2</td></tr>")
    _marked(monkeypatch, _company, "_timeline_item", "</li>", " v2</li>")
    _marked(monkeypatch, _company, "_portfolio_row", "</tr>", "<td>p2</td></tr>")
    # Without a new version of the code the caches would keep the old bytes (the trap
    # this rule closes); the helper's value is what tells them.
    assert _publish(store, site, tmp_path).written == ()
    monkeypatch.setattr(_state, "RENDER_VERSION", "other-code")
    written = set(_publish(store, site, tmp_path).written)

    heads = [f for f in before if f.endswith((".atom", ".json")) and not f.startswith("archive/")]
    tables = [f for f, data in before.items() if f.endswith(".html") and b"data-story=" in data]
    timelines = [f for f, data in before.items() if b"<li data-deal=" in data]
    portfolios = [f for f, data in before.items() if b"<tr data-deal=" in data]
    assert len(heads) > 20 and len(tables) > 5 and timelines and portfolios
    assert {"brief.atom", "brief.json", "index.html"} <= set(heads + tables)
    after = _files(site)
    entries = 0
    for name in heads:  # every entry made again, none kept from the other code
        assert name in written, name
        assert name.endswith(".json") or b"https://aggregator.dev/v2/" in after[name], name
        titles = _titles(name, after[name])
        assert all(title.endswith(" v2") for title in titles), name
        entries += len(titles)
    assert entries > 100
    for name in tables:
        assert name in written and b"<td>2</td></tr>" in after[name], name
        assert after[name].count(b"<tr data-story=") == after[name].count(b"<td>2</td></tr>")
    for name in timelines:
        assert after[name].count(b"<li data-deal=") == after[name].count(b" v2</li>"), name
    for name in portfolios:
        assert after[name].count(b"<tr data-deal=") == after[name].count(b"<td>p2</td></tr>")
    # archive pages are immutable (RFC 5005): written once, by the code of their day
    archived = [f for f in before if f.startswith("archive/")]
    assert archived and all(after[f] == before[f] for f in archived)
    assert _publish(store, site, tmp_path).written == ()  # and then nothing again
