"""Classes of the digest24 dev split (newsletter digests and headlines): a denial of a
company's own sale ("shoots down sale report", "Denies Tesla Talks"), with who buys whom
told by who the gazetteer knows; "courts" a company; "ties the knot with" (a merger); paying
a publisher for its data (a licence); "A + B" as a digest's item when one side is known and
the other a name; a newsletter list whose last item follows "; and"; a nameless item that
names a pact, read in the summary."""

from __future__ import annotations

import pytest

from aggregator.deals import classify, digest_items
from tests.deals._reading import GAZ, check_reading


@pytest.mark.parametrize(
    ("title", "parties"),
    [
        ("Quorvane shoots down sale report", [("Quorvane", "target")]),
        ("Quorvane Dismisses Takeover Talk", [("Quorvane", "target")]),
        # an unknown company denying talks with a known one is the one to be bought
        (
            "Quorvane Robotics Denies Tesla Talks",
            [("Tesla", "acquirer"), ("Quorvane Robotics", "target")],
        ),
        # a known one denying talks with an unknown one is the buyer
        ("Arm denies Quorvane buyout talks", [("Arm", "acquirer"), ("Quorvane", "target")]),
    ],
)
def test_a_denied_sale(title: str, parties: list[tuple[str, str]]) -> None:
    check_reading(title, "", "acquisition", parties)
    deal = classify(title, "", gazetteer=GAZ)
    assert deal is not None and deal.status == "denied"


def test_a_denied_stake_sale_is_no_sale_of_the_company() -> None:
    deal = classify("Ola Electric denies stake sale talk; shares fall 4%", "", gazetteer=GAZ)
    assert deal is None or deal.type != "acquisition"


@pytest.mark.parametrize(
    ("title", "kind", "parties"),
    [
        (
            "Meta Courts Quorvane AI",
            "acquisition",
            [("Meta", "acquirer"), ("Quorvane AI", "target")],
        ),
        (
            "Northwind Labs Ties the Knot With Quorvane",
            "merger",
            [("Northwind Labs", "partner"), ("Quorvane", "partner")],
        ),
        (
            "Amazon Pays The New York Times for Data",
            "licensing",
            [("Amazon", "licensee"), ("The New York Times", "licensor")],
        ),
        ("Musk Takes OpenAI to Court Over Its Shift", None, []),
    ],
)
def test_newsletter_verbs(title: str, kind: str | None, parties: list[tuple[str, str]]) -> None:
    check_reading(title, "", kind, parties)


@pytest.mark.parametrize(
    ("title", "kind", "parties"),
    [
        (
            "Apple + Quorvane, Robots Learn From Video, Deepfake Detection Flops",
            "partnership",
            [("Apple", "partner"), ("Quorvane", "partner")],
        ),
        (
            "Halden AI + Aramco JV 🏜️, o-series retired 🪦, KV cache compression 🗜️",
            "joint-venture",
            [("Halden AI", "partner"), ("Aramco", "partner")],
        ),
        # two names no one knows, or a product's plus: no pair
        ("Rally + Quorvane | Apple's Siri delay | Laundry-folding robots", None, []),
        ("GPT-5 Goes Big, Claude 4 Reasons, Alexa+ Goes Agentic, Text Like an Image", None, []),
    ],
)
def test_a_plus_pair_in_a_digest(
    title: str, kind: str | None, parties: list[tuple[str, str]]
) -> None:
    check_reading(title, "", kind, parties)


def test_a_newsletter_list_ending_in_and_is_read_item_by_item() -> None:
    title = (
        "Import AI 422: Chinese chips get good; the case for AI auditors; and a $1bn robotics pact"
    )
    assert digest_items(title)[-1] == "a $1bn robotics pact"
    summary = (
        "…Hyundai and Quorvane Robotics formed a $1bn joint venture to build humanoids for car "
        "factories. Elsewhere, Huawei's latest accelerator benchmarks well. […]"
    )
    check_reading(
        title, summary, "joint-venture", [("Hyundai", "partner"), ("Quorvane Robotics", "partner")]
    )
    # a clause that goes on with the one before it stays one item
    assert digest_items("Mapleton Bio Prices Upsized IPO; Raises $153 Million") == [
        "Mapleton Bio Prices Upsized IPO; Raises $153 Million"
    ]


@pytest.mark.parametrize(
    ("title", "summary", "investors"),
    [
        # a name with a deal verb of its own starts another story
        (
            "The Radar #12: Agents, agents, agents",
            "A week of agent frameworks. Elsewhere, Quorvane closed a $60M Series B led by "
            "Coldstream Capital and Tidewell acquired the startup Nettlefield.",
            ["Coldstream Capital"],
        ),
        (
            "😸 Follow the money",
            "Three checks cleared: Quorvane took $80M from Sandbar Ventures, Tidewell closed a "
            "$30M Series A, and one more that…",
            ["Sandbar Ventures"],
        ),
        # a bullet is another item's round
        (
            "Venture capital deals — Quorvane, Tidewell",
            "• Quorvane raised $22 million in Series A funding led by Eastlake Ventures. • "
            "Tidewell raised $150 million co-led by Founders Fund and General Catalyst.",
            ["Eastlake Ventures"],
        ),
        # investors told after the round
        (
            "Quorvane raises $2B 🧠, Gemini 3 🪟, a paper on thinking 🍎",
            "Quorvane raised $2 billion at a $32 billion valuation, with Alphabet and Nvidia "
            "among its investors. Elsewhere… Read more",
            ["Alphabet", "Nvidia"],
        ),
    ],
)
def test_a_rounds_investors_are_its_own(title: str, summary: str, investors: list[str]) -> None:
    deal = classify(title, summary, gazetteer=GAZ)
    assert deal is not None and deal.type == "funding"
    assert sorted(p.name for p in deal.parties if p.role == "investor") == sorted(investors)


@pytest.mark.parametrize(
    ("title", "kind", "parties"),
    [
        # a pair's deal reworked is a partnership story
        (
            "Quorvane and Microsoft Renegotiate",
            "partnership",
            [("Quorvane", "partner"), ("Microsoft", "partner")],
        ),
        (
            "Microsoft Loosens Ties to Quorvane, Llama 4 Arrives, AI in Classrooms",
            "partnership",
            [("Microsoft", "partner"), ("Quorvane", "partner")],
        ),
        ("Unions and studios renegotiate wages", None, []),
        # what a partnership brings is no partner
        (
            "Snowflake and Microsoft Expand Partnership to Bring OpenAI Models to the Data Cloud",
            "partnership",
            [("Snowflake", "partner"), ("Microsoft", "partner")],
        ),
    ],
)
def test_a_deal_reworked(title: str, kind: str | None, parties: list[tuple[str, str]]) -> None:
    check_reading(title, "", kind, parties)
