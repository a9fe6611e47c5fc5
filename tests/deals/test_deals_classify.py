"""classify(): deal types, statuses, rounds, evidence, and the hard negatives."""

from __future__ import annotations

import pytest

from aggregator.deals import classify
from aggregator.models import DEAL_STATUSES, DEAL_TYPES

POSITIVES = [
    # title, type, status, round
    ("Amazon to invest up to $4 billion in Anthropic", "investment", "announced", None),
    ("Meta takes 49% stake in Scale AI for $14.3 billion", "investment", "announced", None),
    ("Nvidia completes $5 billion Intel investment", "investment", "completed", None),
    ("Mistral AI raises €600 million Series B", "funding", "announced", "series-b"),
    ("Acme closes $40M Series B extension", "funding", "completed", "series-b-extension"),
    ("Acme raises $5 million Series B-2", "funding", "announced", "series-b-2"),
    ("Acme raises $2M pre-seed round", "funding", "announced", "pre-seed"),
    ("Thinking Machines Lab raises $2 billion seed round", "funding", "announced", "seed"),
    ("Acme secures $15 million bridge round", "funding", "announced", "bridge"),
    ("Acme raises $100 million growth round", "funding", "announced", "growth"),
    (
        "Anthropic in talks to raise $2 billion at $60 billion valuation",
        "funding",
        "rumoured",
        None,
    ),
    ("SoftBank leads $40 billion round in OpenAI", "funding", "announced", None),
    ("Nvidia to acquire Run:ai for $700 million", "acquisition", "announced", None),
    ("Cisco completes $28 billion acquisition of Splunk", "acquisition", "completed", None),
    ("Google in talks to acquire HubSpot, people familiar say", "acquisition", "rumoured", None),
    ("Apple exploring a bid for Perplexity", "acquisition", "rumoured", None),
    ("Wiz rejects Google's $23 billion takeover offer", "acquisition", "rejected", None),
    ("Nvidia's $40 billion Arm deal called off", "acquisition", "called-off", None),
    ("Adobe abandons $20 billion Figma acquisition", "acquisition", "called-off", None),
    ("Rockset to be acquired by OpenAI", "acquisition", "announced", None),
    ("Acme agrees to sell its robotics unit to Widgetco", "acquisition", "announced", None),
    ("Acme and Widgetco agree to merge", "merger", "announced", None),
    ("Acme merges with Widgetco in all-stock deal", "merger", "announced", None),
    ("Apple partners with OpenAI to bring ChatGPT to iPhone", "partnership", "announced", None),
    (
        "OpenAI signs $38 billion cloud deal with Amazon Web Services",
        "partnership",
        "announced",
        None,
    ),
    ("CoreWeave signs $11.9 billion contract with OpenAI", "partnership", "announced", None),
    (
        "Google signs licensing deal with Character.AI, hires founders",
        "licensing",
        "announced",
        None,
    ),
    ("Reddit signs $60 million content licensing deal with Google", "licensing", "announced", None),
    ("Amazon hires Adept founders and licenses its technology", "licensing", "announced", None),
    ("CoreWeave prices IPO at $40 a share, raising $1.5 billion", "ipo", "announced", None),
    ("Nvidia-backed CoreWeave files for IPO", "ipo", "announced", None),
    ("Arm raises $4.87 billion in biggest IPO of the year", "ipo", "announced", None),
    ("Cerebras withdraws IPO", "ipo", "called-off", None),
    ("SoftBank and OpenAI form joint venture in Japan", "joint-venture", "announced", None),
    # Reuters style: upper case, "mln dlrs", tickers
    ("NVIDIA TO ACQUIRE RUN:AI FOR 700 MLN DLRS", "acquisition", "announced", None),
    ("TESCO <TSCO.L> BUYS 5.4 PCT OF HILLARDS", "investment", "announced", None),
    ("GOODY <GOOD> TO SELL UNIT TO UNION CAMP <UCC>", "acquisition", "announced", None),
]

NEGATIVES = [
    "OpenAI sued by NYT",
    "New York Times sues OpenAI and Microsoft over copyright",
    "Nvidia market cap hits $3 trillion",
    "Microsoft to spend $80B on data centers",
    "Microsoft to invest $80 billion in AI data centers",
    "Amazon to invest $11 billion in Georgia data centers",
    "Alphabet raises 2025 capital spending forecast to $85 billion",
    "Meta poaches Apple AI executive",
    "Google launches Gemini 2",
    "Anthropic revenue reaches $1B run-rate",
    "Nvidia reports record quarterly revenue of $35.1 billion",
    "Analysts reiterate buy rating on Nvidia",
    "Morgan Stanley raises Nvidia price target to $160",
    "Apple announces $110 billion share buyback",
    "Microsoft cuts 10,000 jobs",
    "Scale AI lays off 14% of staff",
    "Sam Altman ousted as OpenAI CEO",
    "EU AI Act enters into force",
    "FTC opens inquiry into AI investments by Microsoft, Amazon and Google",
    "Italy fines OpenAI €15 million over ChatGPT privacy",
    "Anthropic agrees to pay $1.5 billion to settle authors' lawsuit",
    "Intel to get $8.5 billion in CHIPS Act grants",
    "Tutorial: how to fine-tune Llama 3 with LoRA",
    "Researchers publish scaling laws for neural language models",
    "Nvidia shares fall 17% as DeepSeek shakes AI trade",
    "Should you buy Nvidia stock now?",
    "JAPAN BUYS MODEST AMOUNT OF DOLLARS, DEALERS SAY",
    "",
]


@pytest.mark.parametrize(("title", "type_", "status", "round_"), POSITIVES)
def test_positive(title: str, type_: str, status: str, round_: str | None) -> None:
    deal = classify(title)
    assert deal is not None, title
    assert (deal.type, deal.status, deal.round) == (type_, status, round_)
    assert deal.type in DEAL_TYPES and deal.status in DEAL_STATUSES
    assert deal.rule and deal.evidence and deal.evidence.lower() in title.lower()


@pytest.mark.parametrize("title", NEGATIVES)
def test_not_a_deal(title: str) -> None:
    assert classify(title) is None


def test_case_does_not_matter() -> None:
    title = "Amazon to invest up to $4 billion in Anthropic"
    for variant in (title.upper(), title.lower(), title.title()):
        deal = classify(variant)
        assert deal is not None and deal.type == "investment", variant
        assert deal.amount is not None and deal.amount.value == 4e9


def test_body_fills_in_missing_facts() -> None:
    deal = classify(
        "Acme buys Widgetco",
        "Acme Corp said it agreed to acquire Widgetco Inc for 150 mln dlrs in cash.",
    )
    assert deal is not None and deal.type == "acquisition"
    assert deal.amount is not None and deal.amount.value == 150e6


def test_body_is_read_when_the_title_says_nothing() -> None:
    deal = classify(
        "ACME CORP <ACM> SAYS BOARD MEETS",
        "Acme Corp said it has agreed to acquire Widgetco Inc for 20 mln dlrs.",
    )
    assert deal is not None and deal.type == "acquisition"
    assert deal.rule == "acquires"


def test_non_deal_title_is_not_overridden_by_body() -> None:
    assert (
        classify(
            "Acme sued by Widgetco over patents",
            "Acme Corp said it agreed to acquire Zed Inc last year.",
        )
        is None
    )


def test_pure_and_deterministic() -> None:
    title = "Mistral AI raises €600 million Series B led by General Catalyst"
    assert classify(title) == classify(title)
