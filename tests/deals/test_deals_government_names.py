"""One government, one name: however a headline words it ("the Rwandan Government", "the
Government of Rwanda", "Rwanda's government"), the party a reader sees is named one way, so
the site has one company page for it; a government the gazetteer lists keeps that name."""

from __future__ import annotations

import pytest

from aggregator.deals import classify, load_gazetteer
from aggregator.deals._lexicon import government_name

GAZ = load_gazetteer()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Rwandan Government", "Government of Rwanda"),
        ("the Government of Rwanda", "Government of Rwanda"),
        ("Kenya Government", "Government of Kenya"),
        ("Australian Federal Government", "Government of Australia"),
        ("Dutch government", "Government of the Netherlands"),
        ("US government", "Government of the United States"),
        ("UAE Government", "Government of the United Arab Emirates"),
        ("Anthropic", None),
        ("Seoul Government", None),  # a city, not a country
        ("Government Digital Service", None),
    ],
)
def test_government_name(name: str, expected: str | None) -> None:
    assert government_name(name) == expected


@pytest.mark.parametrize(
    ("title", "government"),
    [
        (
            "Cloudline signs MOU with the Rwandan Government on AI for schools",
            "Government of Rwanda",
        ),
        ("Cloudline and the Government of Rwanda sign AI partnership", "Government of Rwanda"),
        (
            "Vexa Labs partners with Estonian Government on public-service AI",
            "Government of Estonia",
        ),
        ("Vexa Labs and Estonia sign AI partnership", "Government of Estonia"),
        (
            "Brightwell AI signs agreement with the Government of the United Kingdom",
            "UK Government",
        ),
        ("Brightwell AI and the British government sign AI partnership", "UK Government"),
    ],
)
def test_one_government_is_named_one_way(title: str, government: str) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None and deal.type == "partnership", (title, deal)
    names = [p.name for p in deal.parties]
    assert government in names, (title, names)
    assert len({p.slug for p in deal.parties}) == len(deal.parties) == 2, names


@pytest.mark.parametrize(
    ("title", "government"),
    [
        (
            "Vexa Labs strikes $240-million deal with Ottawa for AI data centre",
            "Government of Canada",
        ),
        ("Brightwell signs MOU with New Delhi on AI skilling", "Government of India"),
        (
            "Quillstack signs agreement with Canberra on sovereign compute",
            "Government of Australia",
        ),
    ],
)
def test_a_capital_a_deal_is_struck_with_is_its_government(title: str, government: str) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is not None and deal.type == "partnership", (title, deal)
    assert government in [p.name for p in deal.parties], deal.parties


@pytest.mark.parametrize(
    "title",
    [
        "Nvidia signs deal with Beijing startup Zhipu",
        "Nvidia signs deal with Beijing-based Zhipu",
        "Quillstack opens office in Ottawa",
    ],
)
def test_a_capital_that_only_says_where_is_no_government(title: str) -> None:
    deal = classify(title, gazetteer=GAZ)
    assert deal is None or not any(p.slug.startswith("government-of") for p in deal.parties)
