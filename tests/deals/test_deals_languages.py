"""Deal stories in French, German, Spanish, Portuguese and Italian: money phrases. Written
for this table, none taken from the bench sets."""

from __future__ import annotations

import pytest

from aggregator.deals import parse_amounts
from aggregator.deals._segment import segment

B, M, K = 1e9, 1e6, 1e3


# ---------------------------------------------------------------- amounts
@pytest.mark.parametrize(
    ("text", "value", "currency", "qualifier", "high"),
    [
        # French
        ("Mistral AI lève 1,7 milliard d'euros", 1.7 * B, "EUR", None, None),
        ("une levée de 500 millions de dollars", 500 * M, "USD", None, None),
        ("un tour de table de 20 M€", 20 * M, "EUR", None, None),
        ("un tour de 1,2 Md€", 1.2 * B, "EUR", None, None),
        ("jusqu'à 2 milliards de dollars", 2 * B, "USD", "up to", None),
        ("près de 300 millions d'euros", 300 * M, "EUR", "nearly", None),
        ("1 200 millions d'euros", 1.2 * B, "EUR", None, None),
        ("a levé 500 000 euros", 500 * K, "EUR", None, None),
        ("entre 1 et 2 milliards d'euros", 1 * B, "EUR", None, 2 * B),
        # German
        ("sammelt 300 Millionen Dollar ein", 300 * M, "USD", None, None),
        ("1,5 Milliarden Euro", 1.5 * B, "EUR", None, None),
        ("2 Mrd. Euro", 2 * B, "EUR", None, None),
        ("50 Mio. €", 50 * M, "EUR", None, None),
        ("€ 50 Mio.", 50 * M, "EUR", None, None),
        ("bis zu 1 Milliarde Euro", 1 * B, "EUR", "up to", None),
        ("2.500 Millionen Dollar", 2.5 * B, "USD", None, None),
        ("35.000 US-Dollar", 35 * K, "USD", None, None),
        ("rund 400 Millionen Pfund", 400 * M, "GBP", "about", None),
        # Spanish
        ("capta 189 millones de euros", 189 * M, "EUR", None, None),
        ("1.500 millones de euros", 1.5 * B, "EUR", None, None),
        ("1,7 mil millones de dólares", 1.7 * B, "USD", None, None),
        ("hasta 300 millones de dólares", 300 * M, "USD", "up to", None),
        ("más de 50 millones de euros", 50 * M, "EUR", "more than", None),
        ("200 mil euros", 200 * K, "EUR", None, None),
        # Portuguese
        ("por R$ 200 milhões", 200 * M, "BRL", None, None),
        ("R$ 1,86 bilhão", 1.86 * B, "BRL", None, None),
        ("US$ 1,2 bilhão", 1.2 * B, "USD", None, None),
        ("até R$ 500 milhões", 500 * M, "BRL", "up to", None),
        ("3 bilhões de reais", 3 * B, "BRL", None, None),
        # Italian
        ("raccoglie 200 milioni di euro", 200 * M, "EUR", None, None),
        ("1,2 miliardi di euro", 1.2 * B, "EUR", None, None),
        ("fino a 100 milioni di dollari", 100 * M, "USD", "up to", None),
    ],
)
def test_amounts_in_other_languages(
    text: str, value: float, currency: str, qualifier: str | None, high: float | None
) -> None:
    amounts = parse_amounts(text)
    assert len(amounts) == 1, amounts
    money = amounts[0]
    assert money.value == pytest.approx(value)
    assert money.currency == currency
    assert money.qualifier == qualifier
    assert money.high == (None if high is None else pytest.approx(high))


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("raises $1.500 billion", 1.5 * B),  # an English number keeps its English reading
        ("raises $4.5 million", 4.5 * M),
        ("$1,500,000", 1.5 * M),
        ("a 5 million dollar deal", 5 * M),
        ("€1,5 billion round", 1.5 * B),  # a decimal comma with an English scale
    ],
)
def test_english_numbers_keep_their_reading(text: str, value: float) -> None:
    assert [m.value for m in parse_amounts(text)] == [pytest.approx(value)]


def test_two_amounts_joined_by_a_conjunction_are_two() -> None:
    assert [(m.value, m.high) for m in parse_amounts("R$ 100 e R$ 200 milhões")] == [
        (100.0, None),
        (200 * M, None),
    ]


@pytest.mark.parametrize(
    "title",
    [
        "Nvidia publie un chiffre d'affaires de 35 milliards de dollars",
        "Umsatz von 500 Millionen Euro im Quartal",
        "ingresos de 1.200 millones de euros",
        "faturamento de R$ 3 bilhões",
        "un fatturato di 2 miliardi di euro",
    ],
)
def test_revenue_figures_are_no_deal_amounts(title: str) -> None:
    found = segment(title, None).amounts
    assert found and all(f.kind == "other" for f in found)


def test_a_valuation_in_french_is_a_valuation() -> None:
    found = segment("Mistral AI lève 600 millions d'euros, valorisée à 6 milliards d'euros", None)
    assert [f.kind for f in found.amounts] == ["deal", "valuation"]
