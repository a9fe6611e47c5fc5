"""Rounds told by their valuation, and the other wordings of this class: "X is raising at a $N
valuation" (a round still being raised: rumoured), "X valued at $N in new funding led by Y"
(the lead is an investor, whatever its kind), "$100B-plus valuation" (a valuation, not the
round's amount), "hires the team behind X" (an acqui-hire), and a figure reached ("as Claude
Code reaches $1B milestone") that is no deal amount."""

from __future__ import annotations

import pytest

from aggregator.deals import classify

from ._reading import GAZ, check_reading

# (title, type or None, {(party, role)})
CASES: list[tuple[str, str | None, set[tuple[str, str]]]] = [
    (
        "Exclusive: Quillbot rival Parsewell is raising at a $400M valuation",
        "funding",
        {("Parsewell", "target")},
    ),
    (
        "Databricks is raising at a $100 billion-plus valuation",
        "funding",
        {("Databricks", "target")},
    ),
    (
        "Legal AI startup Brieflake raises money at a $2 billion valuation",
        "funding",
        {("Brieflake", "target")},
    ),
    (
        "Clay valued at $3.1 billion in new funding led by CapitalG",
        "funding",
        {("Clay", "target"), ("CapitalG", "investor")},
    ),
    (
        "Tidewell valued at $1.2 billion in a round led by Index Ventures",
        "funding",
        {("Tidewell", "target"), ("Index Ventures", "investor")},
    ),
    ("Nvidia valued at $5 trillion as chip rally continues", None, set()),
    (
        "OpenAI hires the team behind Crossing Minds",
        "acquisition",
        {("OpenAI", "acquirer"), ("Crossing Minds", "target")},
    ),
    (
        "Mistral AI hires the entire team behind Quorra to build coding agents",
        "acquisition",
        {("Mistral AI", "acquirer"), ("Quorra", "target")},
    ),
    ("Meta hires team from OpenAI to work on superintelligence", None, set()),
    ("Anthropic hires former OpenAI researcher to lead alignment work", None, set()),
]


@pytest.mark.parametrize(("title", "kind", "parties"), CASES, ids=[c[0][:50] for c in CASES])
def test_reading(title: str, kind: str | None, parties: set[tuple[str, str]]) -> None:
    check_reading(title, "", kind, parties)


# (title, status, valuation text, amount text or None)
FACTS = [
    (
        "Exclusive: Quillbot rival Parsewell is raising at a $400M valuation",
        "rumoured",
        "$400M",
        None,
    ),
    ("Databricks is raising at a $100 billion-plus valuation", "rumoured", "$100 billion", None),
    (
        "Anthropic is raising new funding at a $170 billion valuation",
        "rumoured",
        "$170 billion",
        None,
    ),
    (
        "Mistral denies it is raising $5 billion at a $50 billion valuation",
        "denied",
        "$50 billion",
        "$5 billion",
    ),
    ("Lumenfold raises $40M at a $300M valuation", "announced", "$300M", "$40M"),
]


@pytest.mark.parametrize(
    ("title", "status", "valuation", "amount"), FACTS, ids=[f[0][:50] for f in FACTS]
)
def test_status_and_figures(title: str, status: str, valuation: str, amount: str | None) -> None:
    deal = classify(title, "", gazetteer=GAZ)
    assert deal is not None and deal.type == "funding", title
    assert deal.status == status, (title, deal.status)
    assert deal.valuation is not None and deal.valuation.text == valuation, (title, deal.valuation)
    assert (deal.amount.text if deal.amount else None) == amount, (title, deal.amount)


@pytest.mark.parametrize(
    "title",
    [
        "Anthropic acquires Bun as Claude Code reaches $1B milestone",
        "Quorra buys Tessel as its revenue passes the $100 million mark",
    ],
)
def test_a_figure_reached_is_no_amount(title: str) -> None:
    deal = classify(title, "", gazetteer=GAZ)
    assert deal is not None and deal.type == "acquisition", title
    assert deal.amount is None, (title, deal.amount)
