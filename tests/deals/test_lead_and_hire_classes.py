"""Classes from invented AI-press probes: a lead investor before the round it leads, and
people who move "in a licensing deal" (a licence and hire, no purchase)."""

from __future__ import annotations

import pytest

from aggregator.deals import classify, digest_items
from tests.deals._reading import roles as _roles


@pytest.mark.parametrize(
    "title",
    [
        "Northwind leads $40B Quillstack round",
        "Northwind leads a $40M Quillstack round",
        "Northwind leads Quillstack Series A",
        "Northwind co-leads $12M Quillstack seed",
    ],
)
def test_a_lead_before_the_round_it_leads_is_its_investor(title: str) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == "funding"
    assert _roles(deal) == {("Northwind", "investor"), ("Quillstack", "target")}


def test_a_team_that_leads_a_round_of_a_tournament_is_no_deal() -> None:
    assert classify("Messi leads Inter Miami Round of 16") is None


@pytest.mark.parametrize(
    "title, licensee, licensor",
    [
        # "goes to" is read between known companies only
        ("Windsurf CEO goes to Google in $2.4B licensing deal", "Google", "Windsurf"),
        (
            "Quillstack founders join Northwind Labs in licensing deal",
            "Northwind Labs",
            "Quillstack",
        ),
    ],
)
def test_people_moving_in_a_licensing_deal_is_a_licence(
    title: str, licensee: str, licensor: str
) -> None:
    deal = classify(title)
    assert deal is not None and deal.type == "licensing"
    assert _roles(deal) == {(licensee, "licensee"), (licensor, "licensor")}
    assert deal.rule.endswith("+hire-licence")


def test_a_purchase_next_to_an_earlier_licence_stays_a_purchase() -> None:
    deal = classify(
        "Vantor buys Quillstack, days after Northwind poached its CEO in a $2.4B licensing deal"
    )
    assert deal is not None and deal.type == "acquisition"
    assert ("Vantor", "acquirer") in _roles(deal)


@pytest.mark.parametrize(
    "summary, lead",
    [
        ("Northwind leads the Series C funding round, with Vantor joining.", "Northwind"),
        ("Northwind is leading the round; Vantor also took part.", "Northwind"),
        ("Northwind leads this $30M raise alongside Vantor.", "Northwind"),
    ],
)
def test_a_summary_saying_who_leads_the_round_marks_that_lead(summary: str, lead: str) -> None:
    deal = classify("Quillstack raises $30M", summary)
    assert deal is not None and deal.type == "funding"
    leads = {p.name for p in deal.parties if p.lead}
    assert leads == {lead}
    assert ("Vantor", "investor") in _roles(deal)


def test_a_company_that_leads_its_market_leads_no_round() -> None:
    deal = classify("Quillstack raises $30M", "Northwind leads the market in chips.")
    assert deal is not None
    assert not any(p.lead for p in deal.parties)


@pytest.mark.parametrize(
    ("title", "items"),
    [
        (
            "Import AI 430: Chip smuggling, DeepSeek's new model, and a $2B seed round",
            ["Chip smuggling", "DeepSeek's new model", "a $2B seed round"],
        ),
        (
            "The Batch: robot hands learn, Quillstack's new agent, and Vantor buys Lumen",
            ["robot hands learn", "Quillstack's new agent", "Vantor buys Lumen"],
        ),
        # no newsletter name before it: a sentence with a list in it stays one item
        (
            "Vantor buys chips, boards, and memory from Quillstack",
            ["Vantor buys chips, boards, and memory from Quillstack"],
        ),
    ],
)
def test_a_newsletters_lowercase_list_is_a_digest(title: str, items: list[str]) -> None:
    assert digest_items(title) == items


def test_a_round_in_a_newsletters_list_is_not_the_company_of_another_item() -> None:
    deal = classify("Import AI 430: Chip smuggling, DeepSeek's new model, and a $2B seed round")
    assert deal is None or "DeepSeek" not in {p.name for p in deal.parties}


def test_a_prose_title_after_a_newsletter_name_is_one_item() -> None:
    title = (
        "Venture Capital Deals: Quillstack, a Lyon-based AI billing startup, raised $35M in "
        "Series B funding. Northwind led, and was joined by Vantor."
    )
    assert len(digest_items(title)) == 1
    deal = classify(title)
    assert deal is not None and deal.type == "funding"
    assert ("Quillstack", "target") in _roles(deal)


@pytest.mark.parametrize(
    ("title", "summary", "type_", "roles"),
    [
        (
            "☕ Morning brew: chip earnings, a phone delay, and a $2B seed round",
            "Quillstack's $2 billion seed round, led by Northwind, values the lab at $10B.",
            "funding",
            {("Quillstack", "target"), ("Northwind", "investor")},
        ),
        (
            "#231: New models, new chips, and a big acquisition",
            "Lumen shipped a model. The big story: Vantor agreed to buy Quillstack for $1.1B.",
            "acquisition",
            {("Vantor", "acquirer"), ("Quillstack", "target")},
        ),
    ],
)
def test_an_item_naming_only_the_kind_of_deal_takes_the_summarys_deal(
    title: str, summary: str, type_: str, roles: set[tuple[str, str]]
) -> None:
    deal = classify(title, summary)
    assert deal is not None and deal.type == type_
    assert _roles(deal) == roles


@pytest.mark.parametrize(
    ("title", "summary"),
    [
        # another amount than the item's
        (
            "☕ Morning brew: chip earnings, a phone delay, and a $5B seed round",
            "Quillstack's $2 billion seed round, led by Northwind, values the lab at $10B.",
        ),
        # another kind of deal than the item's
        (
            "#232: New models, new chips, and a big acquisition",
            "Lumen shipped a model. Quillstack raised $40M from Northwind.",
        ),
    ],
)
def test_a_summarys_other_deal_is_not_the_nameless_item(title: str, summary: str) -> None:
    assert classify(title, summary) is None
