"""Money phrases: currencies, scales, qualifiers, ranges, and the valuation split."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aggregator.deals import DEFAULT_RATES, classify, parse_amounts

B, M = 1e9, 1e6


@pytest.mark.parametrize(
    ("text", "value", "currency", "qualifier", "high"),
    [
        ("raises $4B", 4 * B, "USD", None, None),
        ("raises $4bn", 4 * B, "USD", None, None),
        ("up to $4 billion in Anthropic", 4 * B, "USD", "up to", None),
        ("US$3.5 mn deal", 3.5 * M, "USD", None, None),
        ("a US$ 120 million round", 120 * M, "USD", None, None),
        ("15.5 mln dlrs", 15.5 * M, "USD", None, None),
        ("ACQUIRE IT FOR 700 MLN DLRS", 700 * M, "USD", None, None),
        ("one billion dlrs", 1 * B, "USD", None, None),
        ("about 2 mln stg", 2 * M, "GBP", "about", None),
        ("€600 million", 600 * M, "EUR", None, None),
        ("€600M", 600 * M, "EUR", None, None),
        ("EUR7.95bn", 7.95 * B, "EUR", None, None),
        ("500 million euros", 500 * M, "EUR", None, None),
        ("£1.2bn", 1.2 * B, "GBP", None, None),
        ("pound(s)3bn", 3 * B, "GBP", None, None),
        ("Pounds 5.5bn", 5.5 * B, "GBP", None, None),
        ("¥30 billion", 30 * B, "JPY", None, None),
        ("1.5 BILLION YEN", 1.5 * B, "JPY", None, None),
        ("10 billion yuan", 10 * B, "CNY", None, None),
        ("CNY 2 billion", 2 * B, "CNY", None, None),
        ("Rs 500 crore", 5 * B, "INR", None, None),
        ("20 billion rupees", 20 * B, "INR", None, None),
        ("INR 300 million", 300 * M, "INR", None, None),
        ("4,000,000,000 USD", 4 * B, "USD", None, None),
        ("$250,000", 250_000, "USD", None, None),
        ("$500k seed", 500_000, "USD", None, None),
        ("$50 thousand", 50_000, "USD", None, None),
        ("$3 trillion", 3e12, "USD", None, None),
        ("$1.2tn", 1.2e12, "USD", None, None),
        ("C$341m", 341 * M, "CAD", None, None),
        ("SFr3.4bn", 3.4 * B, "CHF", None, None),
        ("around $2B", 2 * B, "USD", "about", None),
        ("roughly $2B", 2 * B, "USD", "roughly", None),
        ("nearly $2B", 2 * B, "USD", "nearly", None),
        ("more than $250 million", 250 * M, "USD", "more than", None),
        ("over $1 billion", 1 * B, "USD", "over", None),
        ("at least $1 billion", 1 * B, "USD", "at least", None),
        ("less than $10 million", 10 * M, "USD", "less than", None),
        ("$1-2 billion", 1 * B, "USD", None, 2 * B),
        ("$1–2 billion", 1 * B, "USD", None, 2 * B),
        ("between $1B and $2B", 1 * B, "USD", None, 2 * B),
        ("$500 million to $1 billion", 500 * M, "USD", None, 1 * B),
        ("1 to 2 billion dollars", 1 * B, "USD", None, 2 * B),
    ],
)
def test_money_forms(
    text: str, value: float, currency: str, qualifier: str | None, high: float | None
) -> None:
    (money,) = parse_amounts(text)
    assert money.value == pytest.approx(value)
    assert money.currency == currency
    assert money.qualifier == qualifier
    assert (money.high is None) == (high is None)
    if high is not None:
        assert money.high == pytest.approx(high)


@pytest.mark.parametrize(
    "text",
    [
        "in 2025",
        "10,000 employees",
        "a 49% stake",
        "GPT-4o",
        "Series B",
        "up 3.2 per cent",
        "one of the largest",
        "500 GPUs",
        "5 mln shares",
    ],
)
def test_numbers_that_are_not_money(text: str) -> None:
    assert parse_amounts(text) == []


def test_two_amounts_joined_by_and_are_separate() -> None:
    found = parse_amounts("raises $1B and $2B")
    assert [m.value for m in found] == [1 * B, 2 * B]
    assert all(m.high is None for m in found)


def test_usd_conversion_default_and_custom_rates() -> None:
    (eur,) = parse_amounts("€1 billion")
    assert eur.usd == pytest.approx(1e9 * DEFAULT_RATES["EUR"])
    (custom,) = parse_amounts("€1 billion", rates={"EUR": 2.0})
    assert custom.usd == pytest.approx(2e9)
    (upto,) = parse_amounts("up to $1-2 billion")
    assert upto.usd == pytest.approx(2e9)  # "up to" a range: its top
    (unknown,) = parse_amounts("5 billion won", rates={"KRW": 0.001})
    assert unknown.usd == pytest.approx(5e6)


def test_text_keeps_the_phrase() -> None:
    (money,) = parse_amounts("Amazon to invest up to $4 billion in Anthropic")
    assert money.text == "up to $4 billion"


@pytest.mark.parametrize(
    ("title", "amount", "valuation"),
    [
        ("Acme raises $100M at a $1B valuation", 100 * M, 1 * B),
        ("Acme raises $100 million, valuing the company at $2 billion", 100 * M, 2 * B),
        ("Acme raises $100 million at $2 billion post-money valuation", 100 * M, 2 * B),
        ("Acme, valued at $3 billion, raises $200 million", 200 * M, 3 * B),
        ("Acme raises $50M Series B at a valuation of $400M", 50 * M, 400 * M),
        ("Acme in talks to raise funding at $5 billion valuation", None, 5 * B),
    ],
)
def test_deal_amount_is_split_from_valuation(
    title: str, amount: float | None, valuation: float
) -> None:
    deal = classify(title)
    assert deal is not None
    assert (deal.amount.value if deal.amount else None) == (
        pytest.approx(amount) if amount else None
    )
    assert deal.valuation is not None and deal.valuation.value == pytest.approx(valuation)


@pytest.mark.parametrize(
    "title",
    [
        "Acme acquires Widgetco for $2 billion as revenue hits $500 million",
        "Acme, with $300 million in annual revenue, acquires Widgetco for $2 billion",
    ],
)
def test_revenue_is_not_the_deal_amount(title: str) -> None:
    deal = classify(title)
    assert deal is not None and deal.amount is not None
    assert deal.amount.value == pytest.approx(2 * B)


_STYLES = {
    "USD": [
        "${v}{s1}",
        "${v} {s2}",
        "US${v} {s2}",
        "{v} {s3} dlrs",
        "{v} {s2} dollars",
        "USD {v} {s2}",
        "{v} {s2} USD",
    ],
    "EUR": ["€{v}{s1}", "€{v} {s2}", "{v} {s2} euros", "EUR {v} {s3}"],
    "GBP": ["£{v}{s1}", "£{v} {s2}", "{v} {s2} pounds", "{v} {s3} stg"],
    "JPY": ["¥{v} {s2}", "{v} {s2} yen"],
}
_SCALE_WORDS = {
    1e6: ("M", "million", "mln"),
    1e9: ("B", "billion", "bn"),
    1e12: ("T", "trillion", "tn"),
}


@settings(max_examples=150, deadline=None)
@given(
    cents=st.integers(min_value=1, max_value=99_999),
    scale=st.sampled_from(sorted(_SCALE_WORDS)),
    currency=st.sampled_from(sorted(_STYLES)),
    style=st.integers(min_value=0, max_value=6),
    qualifier=st.sampled_from(["", "up to ", "about ", "more than ", "nearly "]),
)
def test_round_trip(cents: int, scale: float, currency: str, style: int, qualifier: str) -> None:
    number = cents / 100
    shown = f"{number:,.2f}".rstrip("0").rstrip(".")
    s1, s2, s3 = _SCALE_WORDS[scale]
    template = _STYLES[currency][style % len(_STYLES[currency])]
    text = "Acme gets " + qualifier + template.format(v=shown, s1=s1, s2=s2, s3=s3) + " today"
    (money,) = parse_amounts(text)
    assert money.currency == currency
    assert money.value == pytest.approx(number * scale)
    assert money.qualifier == (qualifier.strip() or None)
