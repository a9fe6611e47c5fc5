"""The window's lists of items per strong term: a term too frequent to be looked up keeps
none, and gets it back, complete and in the window's order, once it is rare again."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from aggregator.models import StoryItem
from aggregator.stories import StoryIndex, StoryOptions
from aggregator.stories._index import UNLISTED_FACTOR, Window
from aggregator.stories._text import GENERIC_WEIGHT

T0 = datetime(2026, 3, 1, tzinfo=UTC)
WORDS = ["Zorblax", "Quillstack", "Vantora", "Kestrel", "Halcyon", "Brightwater", "Nimbus"]


def item(entry_id: int, title: str, hours: float) -> StoryItem:
    return StoryItem(
        entry_id,
        f"feed{entry_id % 7}",
        f"https://e{entry_id}.example/",
        None,
        title,
        "",
        T0 + timedelta(hours=hours),
    )


def expected(window: Window, term: str) -> list[int]:
    """The list the term would have kept all along: its items, in the window's order."""
    return [
        entry_id
        for entry_id, slot in window.slots.items()
        if slot.features.terms.get(term, 0.0) > GENERIC_WEIGHT
    ]


def check(window: Window) -> None:
    for term, count in window.postings.items():
        if term in window.unlisted:
            assert term not in window.strong
        elif count <= window.rare_limit or term in window.strong:
            assert window.strong.get(term, []) == expected(window, term), term


def test_a_term_of_every_report_keeps_no_list_and_gets_it_back_when_rare() -> None:
    index = StoryIndex(StoryOptions(window_days=1))
    window = index._window
    for k in range(400):  # "zorblax" in every title, a rare name of its own in each
        index.add(item(k, f"Zorblax wire: Company{k} ships Product{k}", hours=k * 0.01), k)
    assert "zorblax" in window.postings
    assert window.postings["zorblax"] > UNLISTED_FACTOR * window.rare_limit
    assert "zorblax" in window.unlisted and "zorblax" not in window.strong
    check(window)
    # a day later the old reports leave; new ones rarely name it: it is rare again
    for k in range(400, 1400):
        title = (
            f"Zorblax wire: Company{k} ships" if k % 100 == 0 else f"Company{k} ships Product{k}"
        )
        index.add(item(k, title, hours=30 + k * 0.01), k)
    assert window.postings["zorblax"] <= window.rare_limit
    assert "zorblax" not in window.unlisted
    assert window.strong["zorblax"] == expected(window, "zorblax") != []
    check(window)


def test_the_lists_stay_what_they_would_have_been_through_growth_and_eviction() -> None:
    rng = random.Random(7)
    index = StoryIndex(StoryOptions(window_days=1))
    hours = 0.0
    for k in range(3000):
        hours += rng.choice([0.001, 0.01, 0.05])
        often = k < 1000 or 2000 <= k < 2400  # the shared words come and go in waves
        shared = " ".join(rng.sample(WORDS, rng.randint(0, 3))) if often or k % 60 == 0 else ""
        index.add(item(k, f"{shared} Name{k % 900} raises funding", hours), k)
        if k % 250 == 0:
            check(index._window)
    check(index._window)
    assert index._window.unlisted  # the shared words went through both states


def test_readings_naming_the_same_companies_share_one_set() -> None:
    """A window holds the facts of every report: the same companies, named report after
    report, are one set object, whichever order the reading names them in."""
    from aggregator.models import Deal, EventFacts, Party

    def reading(*names: str) -> EventFacts:
        deal = Deal("partnership", parties=tuple(Party(n, "partner", n.lower()) for n in names))
        facts = EventFacts.of(deal)
        assert facts is not None
        return facts

    one, two, other = reading("Quill", "Northwind"), reading("Northwind", "Quill"), reading("Kite")
    assert one.parties == two.parties and one.parties is two.parties
    assert one.principal is two.principal is one.parties  # partners: every party is principal
    assert other.parties == frozenset({"kite"}) and other.parties is not one.parties
