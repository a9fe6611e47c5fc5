"""Story clustering: which reports become one story, and the index's bookkeeping."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aggregator.models import StoryItem
from aggregator.stories import StoryIndex, StoryOptions, cluster
from aggregator.stories._text import amount_token, features

T0 = datetime(2024, 3, 1, 12, tzinfo=UTC)


def item(
    entry_id: int,
    title: str,
    *,
    hours: float = 0.0,
    url: str | None = None,
    guid: str | None = None,
    summary: str = "",
    feed: str | None = None,
) -> StoryItem:
    return StoryItem(
        entry_id=entry_id,
        feed=feed if feed is not None else f"outlet{entry_id}",
        url=url if url is not None else f"https://outlet{entry_id}.example/a",
        guid=guid,
        title=title,
        summary=summary,
        published=T0 + timedelta(hours=hours),
    )


def together(*titles: str, gap_hours: float = 1.0) -> bool:
    labels = cluster([item(k + 1, t, hours=k * gap_hours) for k, t in enumerate(titles)])
    return len(set(labels.values())) == 1


# --------------------------------------------------------------------------- the table

MERGE = [
    (
        "Amazon to invest up to $4 billion in Anthropic",
        "Amazon steps up AI race with up to $4 billion deal to invest in Anthropic",
    ),
    (
        "Amazon to invest up to $4 billion in Anthropic",
        "Amazon and Anthropic partner with a $4B deal",
    ),
    (
        "Amazon steps up AI race with up to $4 billion deal to invest in Anthropic",
        "Amazon and Anthropic partner with a $4B deal",
    ),
    (
        "Amazon Steps Up AI Race With Up To $4 Billion Deal To Invest In Anthropic",
        "Amazon and Anthropic Partner With a $4B Deal",
    ),
    (
        "Microsoft to acquire Activision Blizzard for $68.7 billion",
        "Microsoft agrees to buy Activision in $68.7bn deal",
    ),
    (
        "Nvidia invests in xAI's $6 billion round",
        "xAI closes $6B Series C with Nvidia among investors",
    ),
]

APART = [
    # template headlines about different companies
    ("Acme raises $100M Series B", "Globex raises $100M Series B"),
    ("Acme Raises $100M Series B Led By Sequoia", "Globex Raises $100M Series B Led By Sequoia"),
    # different amounts between the same parties
    ("Amazon invests $4 billion in Anthropic", "Amazon invests $2.75 billion in Anthropic"),
    # a lawsuit is not a deal
    ("Amazon sues Anthropic over cloud contract", "Amazon invests $4 billion in Anthropic"),
    (
        "New York Times sues OpenAI and Microsoft over copyright",
        "Microsoft invests $10 billion in OpenAI",
    ),
    # different rounds, different deal kinds
    ("Acme raises $100M Series B", "Acme raises $100M Series C"),
    ("Google acquires Wiz for $32 billion", "Google invests $2 billion in Wiz"),
    # a product launch is not a deal
    ("OpenAI launches GPT-5 with Microsoft", "OpenAI and Microsoft sign $10 billion deal"),
]


# Product case (offline demo): same company, same amount, same event, different wording.
LUMORA = (
    "Lumora raises $600 million to scale reasoning models for regulated industries",
    "Harbor Ventures leads $600 million round in Lumora AI",
)


def test_same_rare_name_amount_and_event_is_one_story() -> None:
    assert together(*LUMORA)
    index = StoryIndex()
    index.add(item(1, LUMORA[0]), 1)
    decision = index.assign(item(2, LUMORA[1], hours=1))
    assert decision.story_id == 1 and {"lumora", "$600m"} <= set(decision.shared_terms)


def test_the_name_amount_anchor_needs_the_same_amount_and_name() -> None:
    assert not together(
        "Lumora raises $600 million to scale reasoning models",
        "Harbor Ventures leads $400 million round in Lumora AI",
    )
    assert not together(
        "Lumora raises $600 million to scale reasoning models",
        "Harbor Ventures leads $600 million round in Quantix AI",
    )


MCDONALDS = (
    "McDonald's February sales fall as snow keeps diners home",
    "McDonald's sales slip in February on US weakness",
    "McDonald's struggles worsened by snow",
    "Snow worsens McDonald's February sales slump",
)


def test_stories_whose_mean_vectors_meet_are_merged_keeping_the_older_id() -> None:
    # 13 hours apart: the rare name "McDonald's" alone ties reports up to 12 hours apart
    items = [item(k + 1, t, hours=13 * k) for k, t in enumerate(MCDONALDS)]
    strict = StoryOptions(threshold=0.5)
    assert set(cluster(items, strict).values()) == {1}
    apart = cluster(items, StoryOptions(threshold=0.5, story_merge_threshold=1.0))
    assert len(set(apart.values())) > 1  # the story-level merge did it
    index = StoryIndex(strict)
    for k, it in enumerate(items[:3]):
        index.add(it, k + 1)
    decision = index.assign(items[3])
    # the fourth report ties the three stories together; folding keeps the oldest id
    assert {decision.story_id, *decision.merge_story_ids} == {1, 2, 3}


@pytest.mark.parametrize(("first", "second"), APART)
def test_story_merges_keep_different_events_apart(first: str, second: str) -> None:
    """Two reports of each event, interleaved: story-level merges must honour the vetoes."""
    titles = [first, second, f"{first}, sources say", f"{second}, report says"]
    labels = cluster([item(k + 1, t, hours=k) for k, t in enumerate(titles)])
    assert labels[1] != labels[2] and labels[3] != labels[2] and labels[4] != labels[1]


@pytest.mark.parametrize(("first", "second"), MERGE)
def test_reports_of_one_event_merge(first: str, second: str) -> None:
    assert together(first, second)


@pytest.mark.parametrize(("first", "second"), APART)
def test_different_events_stay_apart(first: str, second: str) -> None:
    assert not together(first, second)


def test_the_three_amazon_anthropic_headlines_are_one_story() -> None:
    assert together(
        "Amazon to invest up to $4 billion in Anthropic",
        "Amazon steps up AI race with up to $4 billion deal to invest in Anthropic",
        "Amazon and Anthropic partner with a $4B deal",
    )


def test_the_same_deal_a_year_later_is_a_new_story() -> None:
    first = item(1, "Amazon invests $4B in Anthropic")
    later = StoryItem(
        2,
        "feed",
        "https://x.example/2",
        None,
        "Amazon invests another $4B in Anthropic",
        "",
        T0 + timedelta(days=420),
    )
    assert together("Amazon invests $4B in Anthropic", "Amazon invests another $4B in Anthropic")
    labels = cluster([first, later])
    assert labels[1] != labels[2]


def test_reports_further_apart_than_the_window_do_not_join() -> None:
    titles = (
        "Amazon to invest up to $4 billion in Anthropic",
        "Amazon and Anthropic partner with a $4B deal",
    )
    assert together(*titles, gap_hours=60)
    assert not together(*titles, gap_hours=80)
    labels = cluster(
        [item(1, titles[0]), item(2, titles[1], hours=80)], StoryOptions(window_days=4)
    )
    assert labels[1] == labels[2]


# --------------------------------------------------------------------------- exact rules


def test_same_url_joins_whatever_the_title() -> None:
    index = StoryIndex()
    index.add(item(1, "Anthropic raises money", url="https://a.example/x"), 7)
    decision = index.assign(item(2, "Something else entirely", url="https://a.example/x"))
    assert (decision.story_id, decision.rule, decision.matched_entry_id) == (7, "same-url", 1)
    assert decision.score == 1.0


def test_same_global_guid_across_feeds_joins() -> None:
    index = StoryIndex()
    guid = "tag:wire.example,2024:story-1234"
    index.add(item(1, "Wire story", guid=guid, feed="a"), 3)
    decision = index.assign(item(2, "Wire story, syndicated", guid=guid, feed="b"))
    assert (decision.story_id, decision.rule) == (3, "same-guid")


def test_short_feed_local_guids_are_not_trusted() -> None:
    index = StoryIndex()
    index.add(item(1, "Volcano erupts in Iceland", guid="123"), 3)
    decision = index.assign(item(2, "Quarterly bakery prices fall", guid="123"))
    assert decision.story_id is None and decision.rule == "new"


# --------------------------------------------------------------------------- reasons


def test_similar_decision_names_rule_score_terms_and_match() -> None:
    index = StoryIndex()
    index.add(item(1, "Amazon to invest up to $4 billion in Anthropic"), 5)
    decision = index.assign(item(2, "Amazon and Anthropic partner with a $4B deal", hours=2))
    # the words score below the anchors, so the two shared rare names say it
    assert decision.rule in ("similar", "same-names") and decision.story_id == 5
    assert decision.matched_entry_id == 1
    assert decision.score >= index.options.threshold
    assert {"amazon", "anthropic", "$4b"} <= set(decision.shared_terms)


def test_new_decision_has_no_story() -> None:
    index = StoryIndex()
    index.add(item(1, "Amazon to invest up to $4 billion in Anthropic"), 5)
    decision = index.assign(item(2, "Volcano erupts in Iceland, flights grounded"))
    assert decision.story_id is None and decision.rule == "new"
    assert decision.matched_entry_id is None


def test_amounts_are_normalised_to_one_token() -> None:
    tokens = {
        t
        for text in ("$4 billion", "$4B", "4bn", "US$4bn", "$4,000 million")
        for t in features(f"Deal worth {text}", "").terms
        if t.startswith("$")
    }
    assert tokens == {"$4b"}
    assert amount_token(2.75e9) == "$2.75b" and amount_token(1e8) == "$100m"


# --------------------------------------------------------------------------- bookkeeping


def test_window_evicts_old_items() -> None:
    index = StoryIndex(StoryOptions(window_days=1))
    index.add(item(1, "Amazon to invest up to $4 billion in Anthropic"), 1)
    index.add(item(2, "Volcano erupts in Iceland", hours=12), 2)
    assert len(index) == 2
    index.add(item(3, "Bakery prices fall", hours=30), 3)
    assert len(index) == 2 and 1 not in index and index.story_of(1) is None
    decision = index.assign(item(4, "Amazon and Anthropic partner with a $4B deal", hours=30))
    assert decision.story_id is None


def test_adding_an_item_older_than_the_window_keeps_nothing() -> None:
    index = StoryIndex(StoryOptions(window_days=1))
    index.add(item(1, "Volcano erupts in Iceland", hours=48), 1)
    index.add(item(2, "Amazon to invest up to $4 billion in Anthropic"), 2)
    assert len(index) == 1


def test_merge_moves_items_to_the_kept_story() -> None:
    index = StoryIndex()
    index.add(item(1, "Amazon to invest up to $4 billion in Anthropic"), 1)
    index.add(item(2, "Amazon and Anthropic partner with a $4B deal"), 2)
    index.merge(1, 2)
    assert index.story_of(2) == 1
    decision = index.assign(item(3, "Amazon steps up AI race with $4 billion Anthropic deal"))
    assert decision.story_id == 1 and decision.merge_story_ids == ()


def test_an_item_matching_two_stories_asks_for_a_merge_and_the_older_id_survives() -> None:
    index = StoryIndex()
    index.add(item(1, "Amazon to invest up to $4 billion in Anthropic"), 4)
    index.add(item(2, "Amazon to invest up to $4 billion in Anthropic, report says"), 9)
    decision = index.assign(item(3, "Amazon to invest up to $4 billion in Anthropic AI"))
    assert {decision.story_id, *decision.merge_story_ids} == {4, 9}
    labels = cluster(
        [
            item(1, "Amazon to invest up to $4 billion in Anthropic"),
            item(2, "Amazon and Anthropic partner with a $4B deal", hours=1),
        ]
    )
    assert set(labels.values()) == {1}


def test_options_are_validated() -> None:
    with pytest.raises(ValueError):
        StoryOptions(window_days=0)
    with pytest.raises(ValueError):
        StoryOptions(threshold=1.5)
    with pytest.raises(ValueError):
        StoryOptions(story_merge_threshold=0.0)


# --------------------------------------------------------------------------- properties

EVENTS = [
    (
        "Amazon to invest up to $4 billion in Anthropic",
        "Amazon and Anthropic partner with a $4B deal",
        "Amazon steps up AI race with up to $4 billion deal to invest in Anthropic",
    ),
    (
        "Microsoft to acquire Activision Blizzard for $68.7 billion",
        "Microsoft agrees to buy Activision in $68.7bn deal",
    ),
    (
        "Volcano erupts near Grindavik in Iceland, lava reaches town",
        "Iceland volcano: lava flows into Grindavik",
    ),
    (
        "Zentrix raises $40M Series A led by Lightspeed",
        "Zentrix lands $40 million Series A from Lightspeed",
    ),
]
GOLD = [(k, title) for k, titles in enumerate(EVENTS) for title in titles]


def run(order: list[int]) -> tuple[StoryIndex, dict[int, int]]:
    index = StoryIndex()
    labels: dict[int, int] = {}
    for position in order:
        it = item(position + 1, GOLD[position][1])
        decision = index.assign(it)
        story = decision.story_id if decision.story_id is not None else position + 100
        for other in decision.merge_story_ids:
            keep, drop = sorted((story, other))
            index.merge(keep, drop)
            story = keep
        index.add(it, story)
        labels[it.entry_id] = story
    return index, {e: index.story_of(e) or s for e, s in labels.items()}


def partition(labels: dict[int, int]) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    for entry_id, story in labels.items():
        groups.setdefault(story, set()).add(entry_id)
    return {frozenset(g) for g in groups.values()}


@settings(max_examples=40, deadline=None)
@given(st.permutations(range(len(GOLD))))
def test_clear_cut_clusters_do_not_depend_on_arrival_order(order: list[int]) -> None:
    _, labels = run(list(order))
    expected = {
        frozenset(k + 1 for k, (e, _) in enumerate(GOLD) if e == event)
        for event in range(len(EVENTS))
    }
    assert partition(labels) == expected


@settings(max_examples=20, deadline=None)
@given(st.permutations(range(len(GOLD))))
def test_re_adding_the_same_items_changes_nothing(order: list[int]) -> None:
    index, labels = run(list(order))
    size = len(index)
    for position in order:
        it = item(position + 1, GOLD[position][1])
        decision = index.assign(it)
        assert decision.rule == "same-entry" and decision.story_id == labels[it.entry_id]
        index.add(it, labels[it.entry_id])
    assert len(index) == size
    assert {e: index.story_of(e) for e in labels} == labels


def test_saved_features_reload_the_window_identically() -> None:
    from datetime import datetime

    from aggregator.models import StoryItem
    from aggregator.stories import StoryIndex, _codec

    when = datetime(2026, 11, 24, 8, tzinfo=UTC)
    old = StoryItem(
        1,
        "a",
        "https://a.example/1",
        None,
        "Amazon to invest up to $4 billion in Anthropic",
        "AI startup deal",
        when,
    )
    new = StoryItem(
        2,
        "b",
        "https://b.example/2",
        None,
        "Amazon steps up AI race with up to $4 billion deal to invest in Anthropic",
        "",
        when,
    )
    fresh, reloaded = StoryIndex(), StoryIndex()
    fresh.add(old, 7)
    reloaded.add(old, 7, fresh.encoded_features(old))
    assert reloaded.assign(new) == fresh.assign(new)
    assert reloaded.assign(new).story_id == 7
    stale = fresh.encoded_features(old).replace(_codec.FEATURES_VERSION, "other-code", 1)
    assert _codec.decode(stale) is None  # other code: read from the text again


def test_features_do_not_depend_on_the_hash_seed() -> None:
    """Features are stored and compared across processes (a reloaded window, a restarted
    cycle process): a title naming several rounds must read the same in every process."""
    import json
    import os
    import subprocess
    import sys

    script = (
        "import json; from aggregator.stories._text import features; "
        "from aggregator.stories._codec import encode; "
        "f = features('Quillon AI adds Series B and Series C and a seed extension', "
        "'The Series C follows a Series B in spring and a seed round.'); "
        "print(json.dumps([list(f.terms.items()), encode(f)]))"
    )
    seen = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3", "4", "5", "6")
    }
    assert len(seen) == 1, seen
    terms = json.loads(seen.pop())[0]
    assert {"series-b", "series-c", "seed"} <= {t for t, _ in terms}


# --------------------------------------------------------------------------- who, what, when


def read(
    entry_id: int,
    title: str,
    *,
    hours: float = 0.0,
    feed: str | None = None,
    url: str | None = None,
) -> StoryItem:
    """An item with the facts the parse workers would have read from its title."""
    from dataclasses import replace

    from aggregator.deals import classify
    from aggregator.models import EventFacts

    return replace(
        item(entry_id, title, hours=hours, feed=feed, url=url), facts=EventFacts.of(classify(title))
    )


def stories_of(*items: StoryItem) -> list[int]:
    labels = cluster(list(items))
    return [labels[i.entry_id] for i in items]


@pytest.mark.parametrize(
    "titles",
    [
        # the same two companies the same morning, in other words (issue 14's example class)
        (
            "Northwind and Quill announce strategic collaboration",
            "Northwind to take minority stake in Quill with initial $1bn",
        ),
        # one-sided: the same company's round, other verbs, no shared word but its name
        ("Halcyon AI secures €85 million Series B", "General Catalyst backs Halcyon AI"),
        # a shared investor and the same amount
        (
            "Orbital Compute announces $640 million Series D financing led by SoftBank",
            "SoftBank leads $640 million round",
        ),
    ],
)
def test_readings_that_name_one_event_join_without_shared_words(titles: tuple[str, ...]) -> None:
    items = [read(k + 1, t, hours=k) for k, t in enumerate(titles)]
    assert len(set(stories_of(*items))) == 1
    decision = StoryIndex()
    decision.add(items[0], 1)
    joined = decision.assign(items[1])
    assert joined.rule == "same-event"
    assert any(s.startswith("parties: ") for s in joined.shared_terms)


@pytest.mark.parametrize(
    ("first", "second", "hours"),
    [
        ("Northwind invests $1 billion in Quill", "Northwind invests $3 billion in Quill", 2),
        ("Quill raises $100M Series B", "Quill raises $100M Series C", 1),
        (
            "Northwind invests $1 billion in Quill",
            "Northwind and Quill expand partnership",
            24 * 40,
        ),
    ],
)
def test_readings_of_other_deals_never_join(first: str, second: str, hours: float) -> None:
    a, b = stories_of(read(1, first), read(2, second, hours=hours))
    assert a != b


def test_an_outlet_does_not_also_report_its_own_story() -> None:
    same = stories_of(
        item(1, "Introducing Lumen 2, our fastest model", feed="lumen-blog"),
        item(2, "Introducing Lumen Mini, our fastest small model", hours=48, feed="lumen-blog"),
    )
    assert same[0] != same[1]
    copies = [
        item(k + 1, "Quill raises $40M Series A led by Index", hours=k / 60, feed="wire")
        for k in range(5)
    ]
    assert len(set(stories_of(*copies))) == 5  # five items, five stories
    again = stories_of(
        item(1, "Quill raises $40M", feed="wire", url="https://w.example/q"),
        item(2, "Quill raises $40M (updated)", hours=1, feed="wire"),
        item(3, "Quill raises $40M", hours=2, feed="wire", url="https://w.example/q"),
    )
    assert len(set(again)) == 1  # its update and its own copy join


def test_a_roundup_is_its_own_story() -> None:
    labels = stories_of(
        item(1, "Quill raises $40M Series A led by Index"),
        item(2, "The Daily: Quill raises $40M, Lumen ships Lumen 2, Orbit sues Northwind"),
        item(3, "Quill lands $40 million Series A from Index", hours=1),
    )
    assert labels[0] == labels[2] != labels[1]


def test_a_report_in_another_language_joins_by_name_and_amount() -> None:
    assert together(
        "Halcyon AI raises €85 million Series B to put copilots in hospitals",
        "Halcyon AI lève 85 millions d'euros pour son assistant clinique",
    )
    assert together(
        "Northwind to invest $1.2 billion in Quill",
        "Northwind injecte 1,2 milliard de dollars dans Quill",
    )
    assert not together(
        "Halcyon AI raises €85 million Series B", "Halcyon AI lève 40 millions d'euros"
    )


def test_the_same_company_laying_off_in_other_words_is_one_story() -> None:
    assert together(
        "Atlas Forge lays off 200 as customers delay deployments",
        "Seattle-based Atlas Forge cuts about 200 jobs, a third of its workforce",
    )
    assert not together("Atlas Forge lays off 200 workers", "Helix Tutor lays off 200 workers")
    assert not together(
        "Atlas Forge lays off 200 workers", "Atlas Forge lays off 200 workers", gap_hours=24 * 20
    )


# ------------------------------------------------------------ other currencies, scripts, places


@pytest.mark.parametrize(
    ("text", "usd"),
    [
        ("Pallas Robotics raises €120 million Series B", 132e6),
        ("Startup paulistana Estrela AI capta R$ 150 milhões", 28.5e6),
        ("Govt clears ₹10,000 crore for IndiaAI compute expansion", 1.2e9),
        ("Cabinet Approves INR 10,000 Cr Boost For IndiaAI Compute", 1.2e9),
        ("SoftBank to pour 30bn yen into Tokyo AI startup Kairo", 204e6),
        ("ソフトバンクG、国産AI開発のKairoに300億円出資", 204e6),
        ("具身智能公司灵犀机器人完成10亿元B轮融资", 140e6),
        ("清风智能港股上市首日大涨，募资46亿港元", 588.8e6),
        ("UK to spend £500mn on sovereign AI computing", 650e6),
    ],
)
def test_amounts_in_other_currencies_are_read_as_rough_dollars(text: str, usd: float) -> None:
    feats = features(text, "")
    assert feats.amounts == (pytest.approx(usd),)
    assert feats.approx == frozenset(feats.amounts)


def test_dollar_amounts_are_exact() -> None:
    assert features("Lumen raises $4B", "").approx == frozenset()


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        # the same round told in euros and dollars
        (
            "Munich's Pallas Robotics raises €120 million Series B to bring AI robots to factories",
            "Pallas Robotics lands $130M Series B to teach factory robots new tasks",
            True,
        ),
        # a converted amount still tells another round apart
        (
            "Munich's Pallas Robotics raises €120 million Series B to bring AI robots to factories",
            "Pallas Robotics lands $300M Series B to teach factory robots new tasks",
            False,
        ),
        # dollar amounts keep their tight tolerance
        (
            "Pallas Robotics raises $120 million Series B to bring AI robots to factories",
            "Pallas Robotics lands $130M Series B to teach factory robots new tasks",
            False,
        ),
    ],
)
def test_converted_amounts_match_within_their_tolerance(
    first: str, second: str, joined: bool
) -> None:
    assert together(first, second) is joined


def test_a_latin_name_inside_a_japanese_title_is_a_word_of_its_own() -> None:
    feats = features("ソフトバンクG、国産AI開発のKairoに300億円出資", "")
    assert "kairo" in feats.names
    assert not any("ソフトバンク" in name for name in feats.names)


def test_a_place_before_the_company_is_not_its_subject() -> None:
    # the subjects were "industrial" and "seattle": a subject conflict kept them apart
    assert together(
        "Industrial AI startup Atlas Forge lays off 200 as customers delay deployments",
        "Seattle-based Atlas Forge cuts about 200 jobs, a third of its workforce",
    )


# ------------------------------------------------------------ launches, people, policy


@pytest.mark.parametrize(
    "titles",
    [
        (
            "Introducing Quill Code",
            "Quill launches Quill Code, taking aim at GitHub Copilot and Cursor",
            "Quill Code is here (4 minute read)",
        ),
        (
            "Introducing Lumen 2",
            "Lumen Labs unveils Lumen 2, claims top scores on reasoning benchmarks",
            "Lumen 2: Lumen Labs stellt neues KI-Spitzenmodell vor",
        ),
        ("Kairo-3 is here", "Kairo-3 and the sovereign model push in Japan"),
        ("Welcoming Tomas Reyes", "Lumen Labs Hires Meta's Tomas Reyes as Chief Scientist"),
        (
            "Authors sue Lumen Labs, alleging AI models were trained on pirated books",
            "Novelists file class-action lawsuit against AI company Lumen Labs",
        ),
        (
            "UK to spend £500mn on 'sovereign' AI computing",
            "Britain launches 500 million pound sovereign AI compute programme",
        ),
    ],
)
def test_one_launch_hire_lawsuit_or_plan_told_in_other_words_is_one_story(
    titles: tuple[str, ...],
) -> None:
    assert together(*titles)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # two products of one company
        ("Introducing Lumen 2", "Introducing Lumen Mini"),
        (
            "Lumen Labs unveils Lumen 2, claims top scores on reasoning benchmarks",
            "Lumen Labs releases Lumen Mini, a cheaper, faster sibling to Lumen 2",
        ),
        # the company's name is not the product
        (
            "Hugging Face launches SmolLM 3 for phones",
            "Hugging Face launches Idefics 4 for documents",
        ),
        # template headlines about companies whose names are dictionary words
        (
            "Figure chief executive says demand for agents is growing",
            "Glean chief executive says demand for agents is growing",
        ),
        (
            "Figure opens an office in Paris and hires 50 engineers",
            "Sierra opens an office in Paris and hires 50 engineers",
        ),
        (
            "Google and Anthropic announce a cloud partnership",
            "Nvidia and Anthropic announce a cloud partnership",
        ),
    ],
)
def test_other_products_and_template_headlines_stay_apart(first: str, second: str) -> None:
    assert not together(first, second)


def test_a_launch_names_its_product_after_the_launch_word() -> None:
    assert features("Hugging Face launches SmolLM 3 for phones", "").products == ("smollm 3",)
    assert features("Quill Code is here", "").products == ("quill code",)


def test_the_same_two_companies_the_same_morning_are_one_story() -> None:
    assert together(
        "Northwind and Quill announce strategic collaboration",
        "Quill picks Northwind Cloud as its primary provider for model training",
    )


@pytest.mark.parametrize(
    ("first", "second", "hours"),
    [
        # the same two companies, but a lawsuit is not an investment
        (
            "Northwind sues Quill over leaked model weights",
            "Northwind invests $2B more in Quill",
            2.0,
        ),
        # the same two companies two days later: another event
        (
            "Northwind and Quill announce strategic collaboration",
            "Quill picks Northwind Cloud as its primary provider for model training",
            40.0,
        ),
        # one company's two-word name is one name, not two companies
        (
            "Hugging Face opens a research office in Toronto with forty engineers",
            "Hugging Face picks a former regulator as its head of policy",
            1.0,
        ),
    ],
)
def test_two_shared_names_need_the_same_moment_and_no_conflict(
    first: str, second: str, hours: float
) -> None:
    assert not together(first, second, gap_hours=hours)


def test_who_a_headline_credits_is_not_an_event_of_it() -> None:
    # "Investors Say" names no investment: the acquisition reports join
    assert together(
        "Snowflake acquires Brindle Analytics to add AI agents for data pipelines",
        "Snowflake Paid About $250 Million for Brindle Analytics, Investors Say",
    )
    assert "invest" not in features("Lumen Paid $2B for Quill, Investors Say", "").events
    assert "invest" in features("Investors say Lumen paid $2B for Quill", "").events
