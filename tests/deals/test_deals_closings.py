"""A purchase closed with its target named inside ("completes Y deal"), a numbered newsletter
list read item by item, and a team that joins another company on its own feed."""

from __future__ import annotations

import pytest

from aggregator.deals import classify, digest_items
from tests.deals._reading import check_reading


@pytest.mark.parametrize(
    "title",
    [
        "Hanwa completes Kestrel deal",
        "Vantor closes $2.4 billion Orbitly deal",
        "Brightwell wraps up Tessary takeover",
        "Quillstack finalises Lumora acquisition",
    ],
)
def test_a_closed_purchase_names_its_target_inside(title: str) -> None:
    deal = classify(title)
    assert deal is not None and (deal.type, deal.status) == ("acquisition", "completed"), deal
    assert {p.role for p in deal.parties} == {"acquirer", "target"}, deal.parties


@pytest.mark.parametrize(
    "title",
    ["Lumora closes Series B deal with investors", "OpenAI seals Stargate deal"],
)
def test_other_closings_are_not_purchases(title: str) -> None:
    deal = classify(title)
    assert deal is None or deal.type != "acquisition" or deal.rule != "completes-deal", deal


@pytest.mark.parametrize(
    ("title", "items"),
    [
        (
            "1. Hanwa completes Kestrel deal 2. Grok in Slack 3. AI and radiology",
            ["Hanwa completes Kestrel deal", "Grok in Slack", "AI and radiology"],
        ),
        ("Daily: 1) Lumora raises $5M 2) Vexa ships v2", ["Lumora raises $5M", "Vexa ships v2"]),
        ("Top 10 AI deals of 2025", ["Top 10 AI deals of 2025"]),
        ("Llama 3. 1 release notes", ["Llama 3. 1 release notes"]),
        ("Series 2. Lumora raises", ["Series 2. Lumora raises"]),
    ],
)
def test_a_numbered_list_is_a_digest(title: str, items: list[str]) -> None:
    assert digest_items(title) == items


def test_a_numbered_digest_reads_only_its_deal_item() -> None:
    check_reading(
        "1. Hanwa completes Kestrel deal 2. Grok in Telegram 3. AI and radiology",
        "",
        "acquisition",
        [("Hanwa", "acquirer"), ("Kestrel", "target")],
    )


@pytest.mark.parametrize(
    "title", ["Threadbare's team is joining Canva", "The Threadbare team joins Canva"]
)
def test_a_team_joining_on_its_own_feed_is_acquired(title: str) -> None:
    check_reading(
        title, "", "acquisition", [("Canva", "acquirer"), ("Threadbare", "target")], "Threadbare"
    )


@pytest.mark.parametrize(
    ("summary", "licensee", "licensor"),
    [
        ("Orbitly will license our imaging model for its scanners.", "Orbitly", "Quillstack"),
        (
            "Quillstack licenses its design engine to Orbitly for five years.",
            "Orbitly",
            "Quillstack",
        ),
        ("Orbitly Health will license our model.", "Orbitly", "Quillstack"),
    ],
)
def test_who_licenses_what_is_read_in_the_body(summary: str, licensee: str, licensor: str) -> None:
    check_reading(
        "Quillstack and Orbitly sign licensing agreement",
        summary,
        "licensing",
        [(licensee, "licensee"), (licensor, "licensor")],
    )


@pytest.mark.parametrize(
    ("summary", "kind", "parties"),
    [
        (
            "Together with Vexa and Orbitly, we're adding a 1.2 gigawatt campus in Ohio.",
            "partnership",
            [("Quillstack", "partner"), ("Vexa", "partner"), ("Orbitly", "partner")],
        ),
        (
            "In partnership with Orbitly, we will build two data centres in Texas.",
            "partnership",
            [("Quillstack", "partner"), ("Orbitly", "partner")],
        ),
        ("In collaboration with Orbitly, we released a global canopy map.", None, []),
        ("Together with Vexa, we shipped three models this year.", None, []),
    ],
)
def test_a_first_party_body_that_opens_with_its_partners(
    summary: str, kind: str | None, parties: list[tuple[str, str]]
) -> None:
    check_reading("Expanding our footprint with a new site", summary, kind, parties, "Quillstack")
