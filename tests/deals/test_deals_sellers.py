"""A seller is a seller: "X agrees to sell its Y unit to Z" gives seller X, target Y, acquirer
Z (never Z as the target). Backing a bid is support, not an investment. A round named first
("A $12bn financing values X at $90bn", "Fresh $600M infusion for X") is X's round."""

from __future__ import annotations

import pytest

from ._reading import check_reading

# (title, type, {(party, role)})
CASES: list[tuple[str, str | None, set[tuple[str, str]]]] = [
    (
        "Oracle agrees to sell its Cerner unit to Vistara Partners",
        "acquisition",
        {("Oracle", "seller"), ("Cerner", "target"), ("Vistara Partners", "acquirer")},
    ),
    (
        "Siemens sells its Valor business to Thoma Bravo for $2bn",
        "acquisition",
        {("Siemens", "seller"), ("Valor", "target"), ("Thoma Bravo", "acquirer")},
    ),
    (
        "Cisco sells its IoT division to Blackstone",
        "acquisition",
        {("Cisco", "seller"), ("Blackstone", "acquirer")},
    ),
    ("Intel to sell Altera unit", "acquisition", {("Intel", "seller"), ("Altera", "target")}),
    (
        "Informatica's board backs Salesforce's $8 billion bid",
        "acquisition",
        {("Salesforce", "acquirer"), ("Informatica", "target")},
    ),
    ("Nvidia backs OpenAI's plan to build data centres in Norway", None, set()),
    ("A $6bn financing values Tessellate at $40bn", "funding", {("Tessellate", "target")}),
    ("Fresh $250M infusion for Orrery Robotics", "funding", {("Orrery Robotics", "target")}),
    (
        "$80M Series B for Kestrelnet led by Index Ventures",
        "funding",
        {("Kestrelnet", "target"), ("Index Ventures", "investor")},
    ),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c[0][:40])
def test_sellers_bids_and_rounds_named_first(
    case: tuple[str, str | None, set[tuple[str, str]]],
) -> None:
    title, kind, parties = case
    check_reading(title, "", kind, parties)
