"""A digest none of whose items reads as a deal, told in its summary.

Newsletters (The Batch, Last Week in AI, TLDR) title an issue with several stories and tell
the first of them in the summary's opening sentence. When no item of the title is a deal,
the summary's lead is read; its deal counts when it names a party the title names, and it
keeps only the parties the title names or the gazetteer knows.
"""

from __future__ import annotations

import pytest

from aggregator.deals import classify, load_gazetteer

GAZ = load_gazetteer()

# (title, summary, type or None, {(party, role)}, (amount, currency) or None)
CASES: list[tuple[str, str, str | None, set[tuple[str, str]], tuple[float, str] | None]] = [
    (
        "Nvidia Pays $900 Million for Enfabrica Talent, China's Open-Weights Surge, Copyright"
        " Rulings",
        "Nvidia spent more than $900 million to hire Enfabrica's CEO and staff and license the"
        " startup's networking technology.",
        "licensing",
        {("Nvidia", "licensee"), ("Enfabrica", "licensor")},
        (9e8, "USD"),
    ),
    (
        "Quillmark Pays Up for Vesta, Open Models Catch Up, Diffusion for Code",
        "Quillmark agreed to acquire Vesta, the robotics startup founded by Ana Ruiz, in an"
        " all-stock deal worth $1.2 billion.",
        "acquisition",
        {("Quillmark", "acquirer"), ("Vesta", "target")},
        (1.2e9, "USD"),
    ),
    (
        "Lumora's Big Week 💰, Gemini Gets Memory 🧠, Robots Fold Laundry 🤖",
        "Lumora raised $300 million in a round led by Index Ventures.",
        "funding",
        {("Lumora", "target"), ("Index Ventures", "investor")},
        (3e8, "USD"),
    ),
    # the summary's deal is about no story of the title: an aside, not the digest's deal
    (
        "Open Models Catch Up, Agents Take Over Browsers, AI for Weather",
        "Also this week, Northwind acquired Vesta for $2 billion.",
        None,
        set(),
        None,
    ),
    # a summary that tells no deal
    (
        "Qwen Goes Multimodal, Benchmarks Under Fire, Agents That Book Flights",
        "Alibaba released Qwen3-VL in sizes from 2B to 235B parameters under an open license.",
        None,
        set(),
        None,
    ),
]


@pytest.mark.parametrize(("title", "summary", "kind", "parties", "amount"), CASES)
def test_digest_told_in_summary(
    title: str,
    summary: str,
    kind: str | None,
    parties: set[tuple[str, str]],
    amount: tuple[float, str] | None,
) -> None:
    deal = classify(title, summary, gazetteer=GAZ)
    if kind is None:
        assert deal is None
        return
    assert deal is not None
    assert deal.type == kind
    assert {(p.name, p.role) for p in deal.parties} == parties
    got = None if deal.amount is None else (deal.amount.value, deal.amount.currency)
    assert got == amount


def test_an_item_that_is_a_deal_wins_over_the_summary() -> None:
    deal = classify(
        "Cohere lands $500M 💰, Gemini Gets Memory 🧠, Robots Fold Laundry 🤖",
        "Northwind acquired Vesta for $2 billion.",
        gazetteer=GAZ,
    )
    assert deal is not None and deal.type == "funding"
