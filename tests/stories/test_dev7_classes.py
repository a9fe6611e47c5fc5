"""The classes `story_events_dev7.jsonl` showed: a model's size as its version ("Wren 7B" /
"Wren 70B"), a variant named without a version ("Orion Max" / "Orion"), an amount in words
("half a billion dollars"), a government's plan told with its country named either way
("UK" / "Britain"), and a company owning up to a breach. Every report is written for this
file."""

from __future__ import annotations

import pytest

from aggregator.stories._text import features

from .test_events import stories

# --------------------------------------------------------------------------- model sizes


@pytest.mark.parametrize(
    ("title", "product"),
    [
        ("Brackwater releases Heron 8B under an open licence", "heron 8b"),
        ("Brackwater open-sources Heron-405B", "heron 405b"),
        ("Meet Tamsin 1.5B, a model for phones", "tamsin 1.5b"),  # (not "15b"),
        ("Brackwater ships Heron 8x22B, a mixture of experts", "heron 8x22b"),
    ],
)
def test_a_size_after_a_name_is_a_version(title: str, product: str) -> None:
    assert product in features(title, "").products


def test_money_is_no_size() -> None:
    feats = features("Brackwater lands $7B from Halloway", "")
    assert not any(p.endswith("7b") for p in feats.products)
    assert feats.amounts == (7e9,)


def test_two_sizes_of_one_model_family_are_two_launches() -> None:
    assert (
        stories(
            "Brackwater releases Heron 8B, its smallest open model",
            "Brackwater open-sources Heron-8B for laptops and phones",
            "Brackwater unveils Heron 120B for enterprise customers",
            gap=2.0,
        )
        == 2
    )


def test_one_size_told_three_ways_is_one_launch() -> None:
    assert (
        stories(
            "Brackwater releases Heron 8B, its smallest open model",
            "Brackwater open-sources Heron-8B for laptops and phones",
            "Meet Heron-8B: Brackwater's open model for laptops",
            gap=2.0,
        )
        == 1
    )


# --------------------------------------------------------------------------- bare variants


def test_a_variant_without_a_version_is_another_product_than_its_name() -> None:
    assert (
        stories(
            "Quenlin unveils its Vantor chip for tablets",
            "Quenlin launches Vantor chip to take on rivals in tablets",
            "Quenlin also launches Vantor Ultra chip for desktops",
            gap=1.0,
        )
        == 2
    )


def test_a_variant_named_in_both_is_one_product() -> None:
    assert (
        stories(
            "Quenlin unveils Vantor Ultra chip for desktops",
            "Quenlin's Vantor Ultra chip launches for desktops with twice the cores",
            gap=1.0,
        )
        == 1
    )


# --------------------------------------------------------------------------- amounts in words


@pytest.mark.parametrize(
    ("title", "amount"),
    [
        ("Can half a billion dollars make Fenwick a rival to the giants?", 5e8),
        ("Fenwick's half-a-billion-dollar bet on chips", None),  # (no currency word: a number)
        ("Why investors handed Fenwick half a million dollars", 5e5),
    ],
)
def test_half_a_scale_is_an_amount(title: str, amount: float | None) -> None:
    feats = features(title, "")
    assert feats.amounts == ((amount,) if amount else ())


def test_a_question_with_the_amount_in_words_joins_the_round() -> None:
    assert (
        stories(
            ("Fenwick raises $500M to build chip design agents", "The Oslo startup's round."),
            "Can half a billion dollars make Fenwick Europe's answer to the chip giants?",
            gap=5.0,
        )
        == 1
    )


# --------------------------------------------------------------------------- one country


def test_a_government_plan_with_its_country_named_either_way_is_one_story() -> None:
    assert (
        stories(
            "Japan to spend ¥300bn on national AI data centres",
            "Tokyo unveils 300 billion yen plan for sovereign AI computing",
            gap=3.0,
        )
        == 1
    )


def test_two_countries_with_one_amount_stay_apart() -> None:
    assert (
        stories(
            "France to spend $2bn on national AI data centres",
            "Canada unveils $2 billion plan for sovereign computing",
            gap=3.0,
        )
        == 2
    )


def test_one_country_and_one_amount_for_two_purposes_stay_apart() -> None:
    assert (
        stories(
            "Japan to spend ¥1tn on AI chips",
            "Japan pledges ¥1tn for disaster recovery fund",
            gap=3.0,
        )
        == 2
    )


def test_a_company_with_the_amount_is_no_country_plan() -> None:
    assert (
        stories(
            "Britain unveils $2 billion plan for AI computing",
            "Halloway commits $2 billion to British data centres",
            gap=3.0,
        )
        == 2
    )


# --------------------------------------------------------------------------- breaches


@pytest.mark.parametrize(
    "title",
    [
        "Tarnwell confirms breach exposed patient records",
        "Tarnwell discloses breach affecting 40,000 customers",
        "Tarnwell admits attackers copied its source code",
    ],
)
def test_owning_up_to_a_breach_names_a_breach(title: str) -> None:
    assert "breach" in features(title, "").events


def test_a_breach_of_a_contract_is_no_security_breach() -> None:
    assert "breach" not in features("Tarnwell sues Orlo for breach of contract", "").events


def test_reports_of_one_breach_in_other_words_are_one_story() -> None:
    assert (
        stories(
            "Tarnwell confirms breach exposed patient records",
            "Tarnwell admits attackers walked off with patient files",
            gap=2.0,
        )
        == 1
    )


# --------------------------------------------------------------------------- a round beside a pact


def test_a_round_does_not_join_the_companys_deal_with_a_customer() -> None:
    assert (
        stories(
            "Oakhurst Clinics taps Pellucid AI for radiology reports",
            "Oakhurst Clinics signs multiyear deal to roll out Pellucid's reporting tools",
            (
                "Pellucid AI raises $70M Series B as radiologists adopt AI reports",
                "The round follows a deal with Oakhurst Clinics this week.",
            ),
            gap=6.0,
        )
        == 2
    )


def test_a_round_with_its_investor_named_in_both_is_one_story() -> None:
    assert (
        stories(
            "Harrowgate Capital and Pellucid AI: backing radiology reports",
            "Pellucid AI raises $70M from Harrowgate Capital",
            "Harrowgate Capital leads $70 million round in Pellucid",
            gap=2.0,
        )
        == 1
    )


def test_runde_names_a_round() -> None:
    assert "invest" in features("Harrowgate führt 350-Millionen-Runde bei Pellucid an", "").events


# --------------------------------------------------------------------------- money verbs


@pytest.mark.parametrize(
    "title",
    [
        "Pellucid banks $50M to put AI on the revenue cycle",
        "Pellucid bags €80M for radiology agents",
        "Pellucid nabs up to $200 million from Harrowgate",
        "Pellucid secures half a billion dollars for its next models",
    ],
)
def test_a_money_verb_before_an_amount_names_an_investment(title: str) -> None:
    assert "invest" in features(title, "").events


@pytest.mark.parametrize(
    "title",
    [
        "Sorrel bags British chip outfit Pellucid for £600M",  # (a purchase)
        "Harrowgate lands Pellucid as a customer",  # (no amount)
    ],
)
def test_a_money_verb_without_an_amount_after_it_names_no_investment(title: str) -> None:
    assert "invest" not in features(title, "").events


def test_a_round_banked_with_revenue_words_joins_the_round() -> None:
    assert (
        stories(
            "Pellucid raises $50M Series B to build AI agents for hospital billing",
            "Pellucid banks $50M to put AI agents on the revenue cycle",
            gap=4.0,
        )
        == 1
    )


def test_investors_named_in_a_second_clause_make_no_digest() -> None:
    assert (
        stories(
            "Pellucid raises $150M with participation from Harrowgate",
            "Radiology startup Pellucid nabs $150M, Harrowgate among investors",
            gap=2.0,
        )
        == 1
    )


# --------------------------------------------------------------------------- cuts, places


def test_eliminating_roles_is_a_layoff() -> None:
    assert "layoff" in features("Sorrel to Eliminate 400 Roles as It Shifts to AI", "").events


def test_a_citys_adjective_is_no_subject() -> None:
    assert (
        stories(
            "Prague-based Pellucid raises €40 million for radiology agents",
            "Prager KI-Start-up Pellucid sammelt 40 Mio. Euro ein",
            gap=6.0,
        )
        == 1
    )


def test_whitehall_is_the_uk() -> None:
    assert (
        stories(
            "UK to spend £3bn on national AI supercomputers",
            "Whitehall's £3B AI compute splurge: what we know",
            gap=6.0,
        )
        == 1
    )


# --------------------------------------------------------------------------- words before words


@pytest.mark.parametrize(
    "title",
    [
        "Sorrel shells out $700M for trial-matching startup Pellucid",
        "Tamsin Ode leaves Sorrel, reportedly to launch a startup",
    ],
)
def test_an_event_word_before_its_noun_names_no_event(title: str) -> None:
    assert not features(title, "").events


def test_a_trial_and_a_launch_still_name_their_events() -> None:
    assert "legal" in features("Judge sets trial date in Sorrel case", "").events
    assert "launch" in features("Sorrel to launch Heron 3 next week", "").events


def test_a_purchase_told_with_a_trial_matching_target_joins_it() -> None:
    assert (
        stories(
            "Sorrel to buy clinical AI firm Pellucid for $700 million",
            "Sorrel shells out $700M for trial-matching startup Pellucid",
            gap=3.0,
        )
        == 1
    )


# --------------------------------------------------------------------------- what followed


def test_an_event_named_only_after_after_is_a_mark() -> None:
    feats = features("Sorrel halves Heron 3 prices two days after launch", "")
    assert "after:launch" in feats.marks and "launch" not in feats.events


def test_what_followed_a_launch_is_not_the_launch() -> None:
    assert (
        stories(
            "Introducing Heron 3",
            "Sorrel launches Heron 3 with a longer context window",
            "Sorrel halves Heron 3 prices two days after launch",
            gap=20.0,
        )
        == 2
    )


def test_a_market_reaction_to_results_is_the_results_story() -> None:
    assert (
        stories(
            "Sorrel third-quarter revenue tops estimates on AI chip demand",
            "Sorrel stock jumps after earnings beat, data center sales up 80%",
            gap=1.0,
        )
        == 1
    )
