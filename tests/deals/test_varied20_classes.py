"""Classes of the varied20 dev split (press, newsletters and company blogs), written again
with invented names: words worded like a deal that are none, and deals worded as digests."""

from __future__ import annotations

import pytest

from aggregator.deals import classify
from tests.deals._reading import GAZ
from tests.deals._reading import roles as _roles


@pytest.mark.parametrize(
    ("title", "summary", "publisher"),
    [
        # a purchase made by users, no company bought
        (
            "Quillmate can now split a bill among your friends",
            "Pellucid is adding group payments to Quillmate, letting users divide a bill or a "
            "shared purchase and pay through Stripe or PayPal.",
            None,
        ),
        # hiring words
        (
            "Inside Vantor's talent acquisition spree: $100 million packages for researchers",
            "",
            None,
        ),
        # credits given, no money raised
        (
            "Pellucid Cloud Accelerator: meet the 2027 cohort",
            "We've selected 40 startups that will each receive up to $1 million in Pellucid "
            "credits, go-to-market support and mentorship.",
            "Pellucid",
        ),
        # a programme's count of partners
        (
            "Our Publishers' Program now includes 300 partners",
            "More than 300 news organizations now share revenue from our ads.",
            "Pellucid",
        ),
        # a condition, not a partner
        (
            "Pellucid Impact Program: free voices for 1,000 people with ALS",
            "Through our Impact Program and partners at ALS associations, we've now given free "
            "voice clones to 1,000 people.",
            "Pellucid",
        ),
    ],
)
def test_words_worded_like_a_deal_are_none(title: str, summary: str, publisher: str | None) -> None:
    assert classify(title, summary, gazetteer=GAZ, publisher=publisher) is None


@pytest.mark.parametrize(
    ("text", "roles"),
    [
        (
            "Pellucid completes a purchase of Vantor",
            {("Pellucid", "acquirer"), ("Vantor", "target")},
        ),
        ("Vantor's $2B Quillmate acquisition", {("Vantor", "acquirer"), ("Quillmate", "target")}),
        (
            "Pellucid raises $10M seed led by Kelp Ventures",
            {("Pellucid", "target"), ("Kelp Ventures", "investor")},
        ),
    ],
)
def test_the_deals_beside_those_words_are_still_read(
    text: str, roles: set[tuple[str, str]]
) -> None:
    deal = classify(text, gazetteer=GAZ)
    assert deal is not None
    assert _roles(deal) == roles


def test_a_free_offer_with_a_companys_plan_is_still_a_partnership() -> None:
    deal = classify(
        "Pellucid Pro free for a year with Revolut Premium", gazetteer=GAZ, publisher="Pellucid"
    )
    assert deal is not None and deal.type == "partnership"
    assert ("Revolut", "partner") in _roles(deal)
