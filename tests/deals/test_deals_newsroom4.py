"""Newsroom wordings of the fourth set (varied4): a team welcomed into a lab, a person
welcomed (a hire), the acquired company's own "is joining X", collaborations entered into,
and an IPO of the past named in a product story."""

from __future__ import annotations

import pytest

from aggregator.deals import classify, load_gazetteer

GAZ = load_gazetteer()

# (publisher or None, title, summary, type or None, {(party, role)})
CASES: list[tuple[str | None, str, str, str | None, set[tuple[str, str]]]] = [
    # a company's team welcomed into the publisher, or one of its units
    (
        "Google",
        "Welcoming the Windrose team to Google DeepMind",
        "Windrose, a London startup building robot simulators, has agreed to join us.",
        "acquisition",
        {("Google", "acquirer"), ("Windrose", "target")},
    ),
    (
        "Lumora",
        "Welcoming the Quillstack team to Lumora",
        "",
        "acquisition",
        {("Lumora", "acquirer"), ("Quillstack", "target")},
    ),
    # a person welcomed is a hire
    (
        "Kernelcraft",
        "Welcoming Tom Ashby to Kernelcraft",
        "Tom joins as VP of Engineering.",
        None,
        set(),
    ),
    (
        "Lumora",
        "Welcoming Dana Ortiz to Lumora",
        "Dana joins us from Stripe, where she led payments.",
        None,
        set(),
    ),
    ("Lumora", "Welcoming Priya Raman as our Chief Financial Officer", "", None, set()),
    # the acquired company's own post: it joins, or is now part of, a named company
    (
        "Aperture Health",
        "Aperture Health is joining Epic",
        "Our team and technology will become part of Epic.",
        "acquisition",
        {("Epic", "acquirer"), ("Aperture Health", "target")},
    ),
    (
        "Plinth AI",
        "Plinth AI is now part of Atlassian",
        "",
        "acquisition",
        {("Atlassian", "acquirer"), ("Plinth AI", "target")},
    ),
    # joining a foundation, forum or programme is no acquisition
    ("Databricks", "Databricks is joining the Agentic AI Foundation", "", None, set()),
    ("Lumora", "Lumora joins Frontier Safety Forum", "", None, set()),
    # the publisher's product brought to a company's customers: an offer made together
    (
        "OpenAI",
        "Bringing ChatGPT to Telenor customers across the Nordics",
        "",
        "partnership",
        {("OpenAI", "partner"), ("Telenor", "partner")},
    ),
    # ... but to a company's employees it is a deployment
    ("Anthropic", "Bringing Claude to Halden employees", "", None, set()),
    # a collaboration entered into
    (
        None,
        "Parabolic Bio and Novartis enter research collaboration worth up to $1.1 billion",
        "",
        "partnership",
        {("Parabolic Bio", "partner"), ("Novartis", "partner")},
    ),
    (
        None,
        "Cohere enters into strategic agreement with Fujitsu",
        "",
        "partnership",
        {("Cohere", "partner"), ("Fujitsu", "partner")},
    ),
    (None, "Lumora enters the agent market with Atlas", "", None, set()),
    # an IPO of the past
    (
        None,
        "After its IPO, Figma doubles down on AI design tools",
        "Figma unveiled Figma Make 2 at Config.",
        None,
        set(),
    ),
]


@pytest.mark.parametrize(("publisher", "title", "summary", "kind", "parties"), CASES)
def test_newsroom_wording(
    publisher: str | None,
    title: str,
    summary: str,
    kind: str | None,
    parties: set[tuple[str, str]],
) -> None:
    deal = classify(title, summary, gazetteer=GAZ, publisher=publisher)
    if kind is None:
        assert deal is None, deal
        return
    assert deal is not None
    assert deal.type == kind
    assert {(p.name, p.role) for p in deal.parties} == parties


# Press wordings of varied4: more funding verbs, and a unit bought from its owner.
PRESS: list[tuple[str, str, set[tuple[str, str]]]] = [
    (
        "Harbor Labs pockets $75M from a16z to build agent infrastructure",
        "funding",
        {("Harbor Labs", "target"), ("Andreessen Horowitz", "investor")},
    ),
    ("Quillstack scoops up $30M Series A", "funding", {("Quillstack", "target")}),
    (
        "SoftBank to buy ABB's robotics unit for $5.4 billion",
        "acquisition",
        {("SoftBank", "acquirer"), ("ABB", "seller")},
    ),
    (
        "Northwind agrees to buy Vesta's chip design division",
        "acquisition",
        {("Northwind", "acquirer"), ("Vesta", "seller")},
    ),
    # a stake in a unit is still an investment in its owner
    (
        "Nvidia takes stake in Intel's foundry business",
        "investment",
        {("Nvidia", "investor"), ("Intel", "target")},
    ),
]


@pytest.mark.parametrize(("title", "kind", "parties"), PRESS)
def test_press_wording(title: str, kind: str, parties: set[tuple[str, str]]) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None
    assert deal.type == kind
    assert {(p.name, p.role) for p in deal.parties} == parties


# A list of investors that ends with "also took part" / "led the round" / "doubled down":
# every name of the list, not only the last one.
ROUNDS: list[tuple[str, str, list[tuple[str, bool]]]] = [
    (
        "Lumora raises €1.7B to build European models",
        "The Series C, led by ASML, values Lumora at €11.7 billion. Existing investors DST"
        " Global, Bpifrance, General Catalyst and Index Ventures also took part.",
        [
            ("ASML", True),
            ("DST Global", False),
            ("Bpifrance", False),
            ("General Catalyst", False),
            ("Index Ventures", False),
        ],
    ),
    (
        "Quillstack raises $250M Series C",
        "Accel, Index Ventures and Redpoint led the round, valuing the company at $4 billion.",
        [("Accel", True), ("Index Ventures", True), ("Redpoint Ventures", True)],
    ),
    (
        "Orrery Labs raises $30M Series B",
        "The round was led by Accel. Existing investors Point Nine and Seedcamp doubled down.",
        [("Accel", True), ("Point Nine", False), ("Seedcamp", False)],
    ),
    # names listed in another clause are not investors
    (
        "Lumora raises $10M",
        "The company, which sells to Deloitte, KPMG and Siemens, said Sequoia also participated.",
        [("Sequoia Capital", False)],
    ),
]


@pytest.mark.parametrize(("title", "summary", "investors"), ROUNDS)
def test_listed_investors(title: str, summary: str, investors: list[tuple[str, bool]]) -> None:
    deal = classify(title, summary, gazetteer=GAZ)
    assert deal is not None and deal.type == "funding"
    got = [(p.name, p.lead) for p in deal.parties if p.role == "investor"]
    assert got == investors
