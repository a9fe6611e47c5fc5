"""What publish reads (``StoryReader``) is what the store provides, and what the test fake
provides: every method of the Protocol, with the same parameters."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

from aggregator.models import StoryReader
from aggregator.store import Store
from tests.fake_reader import FakeReader

# The fake keeps its stories in a list attribute named ``stories``, so it has neither
# ``stories(ids)`` nor ``story_versions`` yet, and publish still asks for those (and for
# ``head_versions``, ``story_uri``, ``largest_deals``, the export reads) before using them.
FAKE_LACKS = {"stories", "story_versions"}


def _methods(cls: type) -> dict[str, Callable[..., Any]]:
    return {name: fn for name, fn in vars(cls).items() if callable(fn) and not name.startswith("_")}


def _parameters(fn: Callable[..., Any]) -> list[tuple[str, Any, Any]]:
    return [(p.name, p.kind, p.default) for p in inspect.signature(fn).parameters.values()]


def test_the_store_has_every_method_publish_reads_with_its_parameters() -> None:
    wanted = _methods(StoryReader)
    assert len(wanted) >= 11
    for name, fn in wanted.items():
        assert _parameters(getattr(Store, name)) == _parameters(fn), name


def test_the_fake_has_every_method_but_the_ones_named() -> None:
    for name, fn in _methods(StoryReader).items():
        if name in FAKE_LACKS:
            assert not callable(getattr(FakeReader(), name, None)), (
                f"{name}: drop it from FAKE_LACKS"
            )
            continue
        assert _parameters(getattr(FakeReader, name)) == _parameters(fn), name
