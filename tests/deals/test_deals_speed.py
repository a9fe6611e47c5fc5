"""classify() on real entries (title + summary): the shortcuts that keep it cheap, and proof
that each shortcut gives the same answer as the full computation it replaces."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aggregator.deals import _gate, _segment, classify, parse_gazetteer
from aggregator.deals._amounts import _ANY_NUMBER, MONEY_RE, _may_hold_money
from aggregator.deals._gazetteer import _MEMO_SIZE
from aggregator.deals._lexicon import may_be_foreign
from aggregator.deals._model import features, has_cue, mentions_cue
from aggregator.deals._patterns import RULES

# Fragments that make money phrases, near misses and case-folding traps likely.
_PIECES = [
    "$",
    "€",
    "£",
    "US$",
    "HK$",
    "Rs",
    "Rs.",
    "SFr",
    "5",
    "4.5",
    "1,500",
    "one",
    "twelve",
    "million",
    "bn",
    "mln",
    "B",
    "m",
    "dlrs",
    "dollars",
    "euros",
    "yen",
    "won",
    "ILS",
    "EUR",
    "usd",
    "up to",
    "about",
    "between",
    "and",
    "-",
    "to",
    "details",
    "Europe",
    "fraud",
    "ſ",
    "K",
    "İ",
    "ı",
    " ",
    "  ",
    "\t",
    "\n",
    "acquires",
    "merger",
    "stake",
    "sale",
    "resale",
    "bidder",
    "the",
    "of",
    "Acme",
    "'s",
    "’",
    "<ACME>",
    "(NASDAQ: AC)",
    "(",
    ")",
    ",",
    ".",
    "!",
    "“",
    "”",
    "'",
    "raises",
    "Series",
    "Nova AI",
    "lève",
    "compra",
    "übernimmt",
    "partenariat",
    "millions d'euros",
    "1,7",
    "milliard",
    "R$",
    "de",
]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)
_SPACED = st.lists(st.sampled_from(_PIECES), max_size=14).map(" ".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(_TEXTS, _SPACED))
def test_money_shortcut_never_hides_an_amount(text: str) -> None:
    # The currency check comes on top of the number check scan_amounts always made.
    if MONEY_RE.search(text) and _ANY_NUMBER.search(text):
        assert _may_hold_money(text)


@pytest.mark.parametrize(
    "text",
    [
        "Rs 500 crore",
        "15.5 mln dlrs",
        "ILS 4 bln",
        "5 bn won",
        "SFr 3 million",
        "\u017fome 5 million dollars",
        "$4B",
    ],
)
def test_money_shortcut_keeps_known_forms(text: str) -> None:
    assert _may_hold_money(text)


def test_money_shortcut_skips_texts_without_currency() -> None:
    assert not _may_hold_money("The 2025 results of 12 teams were discussed for 3 hours")


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXTS, _SPACED))
def test_cue_shortcut_agrees_with_the_features(text: str) -> None:
    assert mentions_cue(text) == has_cue(features(text, None))


def _reference_clean(text: str) -> str:
    """The plain chain of substitutions that ``clean`` shortcuts."""
    text = _segment._TICKER.sub(" ", text).translate(_segment._QUOTES)
    for _, pattern, replacement in _segment._CLEANUPS:
        text = pattern.sub(replacement, text)
    return re.sub(r"\s+", " ", text).strip()


@settings(max_examples=400, deadline=None)
@given(st.one_of(_TEXTS, _SPACED))
def test_clean_equals_the_full_substitution_chain(text: str) -> None:
    assert _segment.clean(text) == _reference_clean(text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_TEXTS, _SPACED))
def test_keyed_rules_equals_the_per_rule_key_check(text: str) -> None:
    # A rule of another language is keyed only where the sentence may be in one.
    low = text.lower()
    foreign = may_be_foreign(low)
    expected = sum(
        1 << i
        for i, rule in enumerate(RULES)
        if any(k in low for k in rule.keys) and (rule.lang is None or foreign)
    )
    assert _segment.keyed_rules(low) == expected


def _count_segments(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = _segment.segment_clean

    def counting(cleaned: str, *args: object, **kwargs: object) -> _segment.Segment:
        seen.append(cleaned)
        return real(cleaned, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(_segment, "segment_clean", counting)
    return seen


def test_lead_sentences_without_rule_keys_are_not_segmented(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen = _count_segments(monkeypatch)
    summary = (
        "The company said it would hire more engineers in Europe. It did not give "
        "further details. Its chief executive spoke at a conference."
    )
    assert classify("Acme opens an office in Lisbon", summary) is None
    assert seen == ["Acme opens an office in Lisbon"]  # the headline only


def test_lead_sentences_that_cannot_enrich_are_skipped(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _count_segments(monkeypatch)
    summary = (
        "Lumora AI said on Tuesday it raised $50 million in a Series B round led by "
        "Sequoia Capital, valuing it at $2 billion. The company works on agents for "
        "banks."
    )
    deal = classify("Lumora AI raises $50 million", summary)
    assert deal is not None and deal.type == "funding"
    assert deal.round == "series-b" and deal.valuation is not None  # read from the lead
    assert [p.name for p in deal.parties if p.role == "investor"] == ["Sequoia Capital"]
    assert len(seen) == 2  # the headline and the first sentence, not the second


def test_model_is_not_scored_without_an_ma_word(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_: object) -> set[str]:
        raise AssertionError("features computed")

    monkeypatch.setattr(_gate, "features", boom)
    assert classify("Acme opens an office in Lisbon", "Acme Corp said it hired 40 people.") is None
    assert classify("Acme sued over patents", "Acme Corp agreed to acquire Zed Inc.") is None


def test_gazetteer_memo_is_bounded_and_transparent() -> None:
    gz = parse_gazetteer("companies:\n  - {name: Amazon, aliases: [AWS]}\n")
    fresh = parse_gazetteer("companies:\n  - {name: Amazon, aliases: [AWS]}\n")
    names = [f"Quillon{i} Labs Inc." for i in range(_MEMO_SIZE + 50)] + ["AWS", "Lumora AI"]
    slugs = [gz.slug(n) for n in names]
    assert len(gz._memo) <= _MEMO_SIZE
    assert slugs[-2:] == ["amazon", "lumora"]
    assert [gz.slug(n) for n in names] == slugs == [fresh.slug(n) for n in names]
    assert gz == fresh  # the memo takes no part in equality


def _entries() -> list[tuple[str, str]]:
    filler = (
        "The company, which works on agents for banks, did not give further details. "
        "Analysts expect more deals in the sector this year."
    )
    titles = [
        "Nova AI raises $120 million in Series C funding led by Accel",
        "Microsoft to acquire Helix Robotics for $1.5 billion",
        "Kestrel Labs releases Kestrel Atlas 4, its most capable model yet",
        "EU lawmakers agree on rules for AI agents under new AI law",
        "Onyx Health hires former Google executive as chief technology officer",
        "Nvidia unveils H200 to speed up AI inference",
        "Arbor Systems partners with Oracle to bring AI agents to customers",
        "Hands-on with Vector Flux 3, the new model from Vector AI",
    ]
    return [(t, f"{t.split(',')[0]}, the company said on Tuesday. {filler}") for t in titles]
