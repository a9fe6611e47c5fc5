"""The one cache key rule: ``code_version`` names the code that made a stored value, and a
publish by other rendering code writes every file that code renders again."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from aggregator import code_version, deals
from aggregator.publish import PublishReport, _atom, _state, _table, publish_site
from aggregator.store import Store

from .store.test_feed_members import cycled, settings_for

NOW = datetime(2026, 12, 1, tzinfo=UTC)


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
        if p.is_file() and p.name != _state.STATE_FILE
    }


def test_other_rendering_code_rewrites_every_file_it_renders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = cycled(tmp_path, days=1)
    site = tmp_path / "out"
    assert _publish(store, site, tmp_path).written
    assert _publish(store, site, tmp_path).written == ()  # unchanged: nothing written
    before = _files(site)

    # An upgrade that renders otherwise: another generator URI, another deal row.
    monkeypatch.setattr(_atom, "GENERATOR_URI", "https://aggregator.dev/v2/")
    row = _table._deal_row
    monkeypatch.setattr(_table, "_deal_row", lambda s: row(s).replace("</tr>", "<td>2</td></tr>"))
    # Without a new version of the code the caches would keep the old bytes (the trap
    # this rule closes); the helper's value is what tells them.
    assert _publish(store, site, tmp_path).written == ()
    monkeypatch.setattr(_state, "RENDER_VERSION", "other-code")
    written = set(_publish(store, site, tmp_path).written)

    heads = [f for f in before if f.endswith(".atom") and not f.startswith("archive/")]
    tables = [f for f, data in before.items() if f.endswith(".html") and b"data-story=" in data]
    assert len(heads) > 10 and len(tables) > 5
    after = _files(site)
    for name in heads:
        assert name in written and b"https://aggregator.dev/v2/" in after[name], name
    for name in tables:
        assert name in written and b"<td>2</td></tr>" in after[name], name
    # archive pages are immutable (RFC 5005): written once, by the code of their day
    archived = [f for f in before if f.startswith("archive/")]
    assert archived and all(after[f] == before[f] for f in archived)
    assert _publish(store, site, tmp_path).written == ()  # and then nothing again
