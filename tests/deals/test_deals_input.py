"""The deal reader's input: a title stored by older code (markup, bidi controls, zero-width
characters) is read as the parser cleans titles now (issue 19.7): ``story_facts`` cleans
titles before ``deals.classify`` sees them."""

from __future__ import annotations

import pytest

from aggregator.cycle._story_facts import StoryFacts
from aggregator.models import FactRow, Settings


@pytest.mark.parametrize(
    ("title", "names"),
    [
        ("<script>alert(1)</script>Acme raises $5 million in Series A funding", {"Acme"}),
        ("Ini\u200btech\u202e acquires Glo\u2066bex\u2069 for $40 million", {"Initech", "Globex"}),
    ],
)
def test_markup_and_invisible_characters_never_reach_a_party(title: str, names: set[str]) -> None:
    facts = StoryFacts.from_settings(Settings())
    deal = facts.entry_deal(FactRow(1, "x", title, "", "2026-01-01T00:00:00+00:00", None))
    assert deal is not None
    assert {p.name for p in deal.parties} == names
