"""The deal-type registry (``models.DEAL_KINDS``) is complete: every type has its rules, its
learned-model cue and valid roles, and the reader's tables follow it."""

from __future__ import annotations

import pytest

from aggregator.deals import format_deal_line
from aggregator.deals._classify import _GROUP_TYPES, _HAS_VALUATION
from aggregator.deals._gate import GATED
from aggregator.deals._learned import _ROLES, CUES
from aggregator.deals._patterns import RULES
from aggregator.models import DEAL_KINDS, DEAL_TYPES, PARTY_ROLES, Deal
from aggregator.publish._profile import PARTNERING, RAISING
from aggregator.stories._event import _group, _raises_money


@pytest.mark.parametrize("name", DEAL_TYPES)
def test_every_type_has_rules_a_cue_and_valid_roles(name: str) -> None:
    kind = DEAL_KINDS[name]
    assert kind.name == name
    assert any(rule.type == name for rule in RULES), f"no trigger rule yields {name}"
    assert name in CUES, f"no cue word for the deal-type model's {name}"
    roles = {r for r in kind.roles if r} | {r for need in kind.needs for r in need}
    assert roles <= set(PARTY_ROLES)
    assert format_deal_line(Deal(type=name)).startswith(kind.label)


def test_the_readers_tables_follow_the_registry() -> None:
    assert set(GATED) == {k for k, v in DEAL_KINDS.items() if v.gated}
    assert set(_GROUP_TYPES) == {k for k, v in DEAL_KINDS.items() if v.together}
    assert {k for k, v in DEAL_KINDS.items() if v.raises_money} == _HAS_VALUATION
    assert set(RAISING) == _HAS_VALUATION
    assert set(PARTNERING) == {k for k, v in DEAL_KINDS.items() if v.partnering}
    assert {k: v.roles for k, v in DEAL_KINDS.items()} == _ROLES
    assert len({k.label for k in DEAL_KINDS.values()}) == len(DEAL_KINDS)


def test_the_story_clusterer_reads_event_classes_from_the_registry() -> None:
    """Two readings are one event only of one event class; the one-sided rule (same company,
    same class) holds for the types that raise money."""
    for name, kind in DEAL_KINDS.items():
        assert _group(name) == kind.event_class
        assert _group(name) in DEAL_KINDS
        assert _raises_money(name) == kind.raises_money
    assert _group("investment") == _group("funding") != _group("ipo")
    assert _group("not-a-type") == "not-a-type" and not _raises_money("not-a-type")
