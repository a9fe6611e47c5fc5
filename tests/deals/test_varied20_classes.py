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


@pytest.mark.parametrize(
    ("title", "roles"),
    [
        (
            "Workday Buys Pellucid, Robots Learn From Humans, A Better Way to Distill",
            {("Workday", "acquirer"), ("Pellucid", "target")},
        ),
        # a dictionary word, capitalised as every word of the digest is
        (
            "Workday Buys Pinnacle, Robots Learn From Humans, A Better Way to Distill",
            {("Workday", "acquirer"), ("Pinnacle", "target")},
        ),
        (
            "IBM Completes Quarry Acquisition, Open Models Catch Up, Better Speech for Swahili",
            {("IBM", "acquirer"), ("Quarry", "target")},
        ),
    ],
)
def test_a_title_case_digests_short_item_names_its_object(
    title: str, roles: set[tuple[str, str]]
) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None and deal.type == "acquisition"
    assert _roles(deal) == roles


def test_a_title_case_digests_idiom_is_no_purchase() -> None:
    assert (
        classify("Nvidia Buys Time, Robots Learn From Humans, Better Distilling", gazetteer=GAZ)
        is None
    )


@pytest.mark.parametrize(
    "title", ["Nvidia eyes Pellucid 🔍, Gemma 4 💎, agent sandboxes 📦", "Apple eyes Pellucid"]
)
def test_a_company_eyeing_a_name_alone_is_a_rumoured_purchase(title: str) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None and deal.type == "acquisition" and deal.status == "rumoured"
    assert ("Pellucid", "target") in _roles(deal)


@pytest.mark.parametrize("title", ["Tesla eyes India", "Nvidia eyes Computex, new chips"])
def test_eyeing_a_place_or_an_event_is_no_purchase(title: str) -> None:
    assert classify(title, gazetteer=GAZ) is None


@pytest.mark.parametrize(
    ("title", "summary", "roles"),
    [
        (
            "Import AI 433: Nvidia's Kelpwater stake and the power problem; robot arms; "
            "AI forecasters",
            "Nvidia's $2 billion investment in Kelpwater Energy shows how chipmakers reach "
            "into power. Also: a model trained across five continents.",
            {("Nvidia", "investor"), ("Kelpwater Energy", "target")},
        ),
        (
            "Amazon's $5B AI bet | Robots at the car wash",
            "Amazon will invest up to $5 billion in AI lab Pellucid. Plus, car washes in Texas "
            "are testing robotic detailing.",
            {("Amazon", "investor"), ("Pellucid", "target")},
        ),
    ],
)
def test_a_digest_item_naming_one_side_takes_the_summarys_deal(
    title: str, summary: str, roles: set[tuple[str, str]]
) -> None:
    deal = classify(title, summary, gazetteer=GAZ)
    assert deal is not None and deal.type == "investment"
    assert _roles(deal) == roles


def test_a_summarys_aside_is_not_the_digests_deal() -> None:
    title = "Import AI 433: distributed training; robot arms; AI forecasters"
    summary = "Nvidia's $2 billion investment in Kelpwater Energy shows how chipmakers reach."
    assert classify(title, summary, gazetteer=GAZ) is None


def test_two_names_and_a_handshake_in_a_digest_are_a_partnership() -> None:
    deal = classify("Pellucid and Kelpwater 🤝, MiniMax M3 🧠, Figma Make 🎨", gazetteer=GAZ)
    assert deal is not None and deal.type == "partnership"
    assert _roles(deal) == {("Pellucid", "partner"), ("Kelpwater", "partner")}


def test_two_names_without_a_handshake_are_no_partnership() -> None:
    assert classify("Nvidia and AMD 📉, MiniMax M3 🧠, Figma Make 🎨", gazetteer=GAZ) is None
