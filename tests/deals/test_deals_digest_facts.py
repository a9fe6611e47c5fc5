"""A digest's main deal takes the facts its summary tells about that deal only (the investors
and the amount of the clauses naming its parties, never another item's); an investor marked
"(lead)" in a list leads; "Rs 40 Cr" is money, and "Cr", "Also" and a "Fintech" descriptor
are no part of a name."""

from __future__ import annotations

import pytest

from aggregator.deals import classify

from ._reading import GAZ, check_reading

# (title, summary, type or None, {(party, role)})
CASES: list[tuple[str, str, str | None, set[tuple[str, str]]]] = [
    (
        "Pinwheel grabs $48M 💰, a new Llama 🦙, robots fold laundry 🧺",
        "Pinwheel, a startup automating freight invoices, raised $48 million led by Greenoaks"
        " with participation from Conviction.",
        "funding",
        {("Pinwheel", "target"), ("Greenoaks", "investor"), ("Conviction", "investor")},
    ),
    (
        "Harbor Lane's $20M | Gemini in Sheets | the best prompt for recipes",
        "Harbor Lane's seed round was led by Amplify Partners. Elsewhere, Notion acquired a"
        " calendar app.",
        "funding",
        {("Harbor Lane", "target"), ("Amplify Partners", "investor")},
    ),
    (
        "Funding roundup: Orchard, Pebblestone and Vantly raise",
        "Orchard raised $8M led by Hustle Fund; Pebblestone raised $30M from Insight Partners;"
        " Vantly closed a seed round.",
        "funding",
        {("Orchard", "target"), ("Hustle Fund", "investor")},
    ),
    (
        "Quarrel lands $30M; Apple's new chip; the week in robots",
        "Quarrel closed a $30 million Series A from Index Ventures (lead), Lux Capital and"
        " Sequoia Capital.",
        "funding",
        {
            ("Quarrel", "target"),
            ("Index Ventures", "investor"),
            ("Lux Capital", "investor"),
            ("Sequoia Capital", "investor"),
        },
    ),
    (
        "Fintech Paycove raises Rs 40 Cr led by Stride Ventures",
        "",
        "funding",
        {("Paycove", "target"), ("Stride Ventures", "investor")},
    ),
    (
        "Tillwise picks up $9M led by Uncork",
        "Also participating: Precursor Ventures and Hustle Fund.",
        "funding",
        {
            ("Tillwise", "target"),
            ("Uncork", "investor"),
            ("Precursor Ventures", "investor"),
            ("Hustle Fund", "investor"),
        },
    ),
]


@pytest.mark.parametrize(
    ("title", "summary", "kind", "parties"), CASES, ids=[c[0][:50] for c in CASES]
)
def test_reading(title: str, summary: str, kind: str | None, parties: set[tuple[str, str]]) -> None:
    check_reading(title, summary, kind, parties)


def test_marked_lead_leads() -> None:
    deal = classify(
        "Quarrel lands $30M; Apple's new chip; the week in robots",
        "Quarrel closed a $30 million Series A from Index Ventures (lead) and Lux Capital.",
        gazetteer=GAZ,
    )
    assert deal is not None
    assert {p.name for p in deal.parties if p.lead} == {"Index Ventures"}


def test_crore_abbreviated() -> None:
    deal = classify("Paycove raises Rs 40 Cr from Stride Ventures", "", gazetteer=GAZ)
    assert deal is not None and deal.amount is not None
    assert (deal.amount.value, deal.amount.currency) == (4e8, "INR")


def test_digest_amount_from_its_clause() -> None:
    deal = classify(
        "Gemini 4 leak 🔍 | Kestrel buys Tarnfield 🤝 | 3 new tools",
        "Kestrel agreed to buy Tarnfield, a data-labelling startup, for $140 million.",
        gazetteer=GAZ,
    )
    assert deal is not None and deal.amount is not None and deal.amount.value == 140e6
