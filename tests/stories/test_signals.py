"""The signals of issue 14's second pass, each with what it joins and what it must not:
the rare name of a burst, the event class as a term, titles that name no company, one
actor's reports about other parties, and the lexicon's readings of other words, amounts
and languages. Every entry is written for this file."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from aggregator.deals import classify
from aggregator.models import EventFacts, StoryItem
from aggregator.stories import StoryIndex, cluster
from aggregator.stories._index import Window
from aggregator.stories._match import NAME_HOURS, party_conflict, subject
from aggregator.stories._search import _Cached
from aggregator.stories._text import EVENT_PREFIX, features

T0 = datetime(2026, 3, 2, 9, tzinfo=UTC)


def item(entry_id: int, title: str, hours: float = 0.0, facts: bool = False) -> StoryItem:
    """A report of its own outlet; with ``facts``, the deal reading the parse workers make."""
    made = StoryItem(
        entry_id=entry_id,
        feed=f"outlet{entry_id}",
        url=f"https://outlet{entry_id}.example/a",
        guid=None,
        title=title,
        summary="",
        published=T0 + timedelta(hours=hours),
    )
    return replace(made, facts=EventFacts.of(classify(title))) if facts else made


def one_story(*titles: str, gap: float = 1.0, facts: bool = False) -> bool:
    items = [item(k + 1, t, k * gap, facts) for k, t in enumerate(titles)]
    return len(set(cluster(items).values())) == 1


# --------------------------------------------------------------------------- a rare name

BURSTS = [
    # a game's launch day: four reports, three of which share nothing but its name
    (
        "Titanfall review: Call Of Duty with robots",
        "Titanfall players on PC may get banned for playing early",
        "Titanfall doesn't display at 1080p on the Xbox One",
        "Titanfall takes aim at the cloud with its designers",
    ),
    # a start-up's morning, told as news, as a feature and as a question
    (
        "Spritzle wants to change the way we read on phones",
        "Spritzle streams one word at a time to speed up reading",
        "Spritzle: could one word at a time make you read faster?",
    ),
]


@pytest.mark.parametrize("titles", BURSTS)
def test_reports_of_one_burst_about_a_rare_name_are_one_story(titles: tuple[str, ...]) -> None:
    assert one_story(*titles)


def test_the_rare_name_joins_with_its_rule_score_and_name() -> None:
    index = StoryIndex()
    for k, title in enumerate(BURSTS[0][:3]):
        index.add(item(k + 1, title, k), 1)
    decision = index.assign(item(4, BURSTS[0][3], 3))
    assert decision.story_id == 1 and decision.rule == "rare-name"
    assert decision.score >= index.options.threshold  # several reports name it
    assert "titanfall" in decision.shared_terms  # what --explain shows


NOT_BY_NAME = [
    # one other report is not enough: the rare name alone scores below the threshold
    (
        ("Mistralix opens a research office in Toronto", "Mistralix picks a former regulator"),
        1.0,
    ),
    # a launch and a report of something else about the company
    (
        (
            "Perplexity launches Comet, an AI browser",
            "Perplexity chief Aravind Srinivas on why search ads are dead",
            "Perplexity and the future of the open web",
        ),
        1.0,
    ),
    # more than NAME_HOURS apart
    (
        BURSTS[0],
        NAME_HOURS + 1.0,
    ),
    # the name goes on differently: two names that begin alike
    (
        (
            "South Stream pipeline talks delayed by EU",
            "South by Southwest opens with film and tech festivals",
            "South by Southwest crowds fill Austin",
        ),
        0.5,
    ),
]


@pytest.mark.parametrize(("titles", "gap"), NOT_BY_NAME)
def test_a_name_alone_does_not_join_other_events(titles: tuple[str, ...], gap: float) -> None:
    items = [item(k + 1, t, k * gap) for k, t in enumerate(titles)]
    labels = cluster(items)
    assert labels[1] != labels[2]


def test_a_rare_name_does_not_tie_a_deal_to_a_report_of_no_deal() -> None:
    # the facts decide deals: the deal readings see an acquisition in one report only
    assert not one_story(
        "Corvina acquires Tessel for $90 million",
        "Corvina's founders on building in Lisbon",
        "Corvina opens a second office",
        facts=True,
    )


# --------------------------------------------------------------------------- what happened


def test_the_event_class_is_a_term_of_the_title() -> None:
    buys = features("Apple Buys Tokyo AI Startup Hanami Labs", "").terms
    acquired = features("Apple quietly acquired a Japanese startup", "").terms
    assert f"{EVENT_PREFIX}acquire" in buys.keys() & acquired.keys()


EVENTS = [
    ("Kestrel Robotics agrees to sale to Amazon", {"deal"}),  # a sale, no sales figures
    ("Pinecrest Bio pops 45% in first day of trading, a good sign for IPOs", set()),
    ("Halcyon AI signs clinical trials deal with Sanofi", {"deal"}),  # no court case
    ("Qingfeng AI jumps in Hong Kong debut after $590 million IPO", set()),  # no launch
    ("Qingfeng AI surges in Hong Kong trading debut", set()),
    ("SoftBank to buy 20% of humanoid robot startup Tanuki Robotics", {"acquire", "invest"}),
    ("Salesforce sales rise 9% in the quarter", {"results"}),
    ("Halcyon AI lève 85 millions d'euros", {"invest"}),
    ("SAP und Northwind: KI-Partnerschaft mit Rechenzentren in Frankfurt", {"partner"}),
    ("具身智能公司灵犀机器人完成10亿元B轮融资", {"invest"}),
]


@pytest.mark.parametrize(("title", "events"), EVENTS)
def test_event_classes_read_from_the_words_around_them(title: str, events: set[str]) -> None:
    assert features(title, "").events == events


ROUNDS = [
    ("Embodied AI startup Lingxi Robotics closes RMB 1 billion Series B", {"series-b"}),
    ("具身智能公司灵犀机器人完成10亿元B轮融资", {"series-b"}),
    ("La barcelonesa Catalina Labs cierra una ronda semilla de 18 millones", {"seed"}),
    ("Mistral lève 600 millions en série B", {"series-b"}),
]


@pytest.mark.parametrize(("title", "rounds"), ROUNDS)
def test_rounds_in_other_languages(title: str, rounds: set[str]) -> None:
    assert features(title, "").rounds == rounds


def test_function_words_of_other_languages_are_no_subject() -> None:
    window = _Cached(Window(3 * 86400.0, 50.0))
    spanish = features("La barcelonesa Catalina Labs cierra una ronda semilla", "")
    french = features("L'IA de Halcyon AI arrive à l'hôpital", "")
    assert subject(spanish, window) == "catalina"
    assert "ia" not in french.names  # "l'IA" is the French "AI", no name
    assert subject(features("Welcoming Tomas Reyes", ""), window) == "toma"  # no "welcom"


def test_a_qualified_amount_is_approximate() -> None:
    assert one_story(
        "Sable is raising over $400 million for its inference chips",
        "Sable raises $410 million for inference chips",
    )
    assert not one_story(  # without "over": another amount
        "Sable is raising $400 million for its inference chips",
        "Sable raises $410 million for inference chips",
    )


# --------------------------------------------------------------------------- whom it names


def test_a_title_naming_no_company_joins_on_three_rare_words() -> None:
    assert one_story(
        "Edtech startup Quizlo lays off 18% of staff, hands lessons to AI tutors",
        "Quizlo cuts 18% of staff as AI tutors take over lessons",
        "An edtech startup is cutting 18% of its staff and handing lessons to AI tutors",
    )


@pytest.mark.parametrize(
    ("named", "anonymous"),
    [
        # only the amount, round and event in common: anyone's round
        ("Acme raises $100M Series B to build warehouse robots", "A startup raises $100M Series B"),
        ("Helix Tutor lays off 18% of staff", "An edtech startup is cutting 18% of staff"),
    ],
)
def test_a_title_naming_no_company_needs_more_than_amount_and_event(
    named: str, anonymous: str
) -> None:
    assert not one_story(named, anonymous)


OTHER_PARTIES = [
    ("Apple buys Hanami Labs", "Apple buys Kestrel Robotics"),
    ("Snowflake to acquire Oakridge Neural", "Snowflake acquires Brindle Analytics"),
    ("Nvidia invests in Sable", "Nvidia invests in Kairo"),
    ("Cohere partners with Oracle on enterprise agents", "Cohere partners with Fujitsu on models"),
    ("Lumen Labs hires Meta's Tomas Reyes", "Lumen Labs hires Google's Ana Ruiz as CFO"),
]


@pytest.mark.parametrize(("first", "second"), OTHER_PARTIES)
def test_one_actor_with_other_parties_is_two_events(first: str, second: str) -> None:
    window = _Cached(Window(3 * 86400.0, 50.0))
    a, b = features(first, ""), features(second, "")
    assert party_conflict(a, b, (subject(a, window), subject(b, window)), window)
    assert not one_story(first, second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # the deal reader takes the investor for the company: the words still tell
        (
            "Index Ventures leads $100M Series B in Aperture",
            "Index Ventures leads $100M Series B in Lattice Works",
        ),
        # one investor, one amount, two companies the readings name
        ("Sequoia backs Juris Owl with $20M seed", "Sequoia backs Cobalt Ledger with $20M seed"),
        (
            "SoftBank invests $300 million in Tanuki Robotics",
            "SoftBank invests $300 million in Kairo",
        ),
    ],
)
def test_template_rounds_of_one_investor_stay_apart_whatever_the_readings(
    first: str, second: str
) -> None:
    assert not one_story(first, second, facts=True)


def test_the_same_actor_and_party_in_other_words_is_one_story() -> None:
    # one names a second company (the acquirer's rival), the other none: no conflict
    assert one_story(
        "Amazon strikes $1.4B deal to acquire Kestrel Robotics, its biggest since Kiva",
        "Amazon to buy warehouse robot maker Kestrel Robotics for $1.4 billion",
        facts=True,
    )


def test_a_sentence_with_a_lower_case_verb_is_no_title_case() -> None:
    feats = features("Index Ventures leads $100M Series B in Aperture", "")
    assert "apertur" in feats.upper  # its capital says a name
    assert not features("Index Ventures Leads $100M Series B In Aperture", "").upper


def test_facts_read_late_are_taken_by_the_kept_index() -> None:
    # the deal reading of a report made after it joined the window (the cycle saves it
    # then): the index decides as one loaded afresh with the reading would
    first = item(1, "Northwind and Quill announce strategic collaboration")
    second = item(2, "Northwind to take minority stake in Quill with initial $1bn", 1, True)
    late, fresh = StoryIndex(), StoryIndex()
    late.add(first, 1)
    late.set_facts(1, EventFacts.of(classify(first.title)))
    fresh.add(replace(first, facts=EventFacts.of(classify(first.title))), 1)
    assert late.assign(second) == fresh.assign(second)
    assert late.assign(second).rule == "same-event"
    late.set_facts(1, None)  # and forgets them again
    assert late.assign(second).rule != "same-event"


def test_a_story_holding_another_product_of_the_company_is_never_joined() -> None:
    # the model launched two days later joins no story one of whose reports launched
    # another product, even through a report that names no product
    titles = [
        ("Introducing Vela 2", 0.0),
        ("Vela Labs unveils Vela 2, claims top reasoning scores", 1.0),
        ("Vela Labs' new flagship model is here", 2.0),
        ("Vela Labs releases Vela Mini, a cheaper sibling to Vela 2", 40.0),
    ]
    items = [item(k + 1, t, h) for k, (t, h) in enumerate(titles)]
    labels = cluster(items)
    assert labels[1] == labels[2] == labels[3] != labels[4]
