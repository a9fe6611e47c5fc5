"""Terse newsletter wordings (The Batch, The Rundown and the like): "cuts a deal with", "taps
X's founders", "lands an X megadeal", "pays $N for X" (and for X's technology or team), "X's big
raise", "X valued at $N" for a private company."""

from __future__ import annotations

import pytest

from ._reading import check_reading

# (title, type or None, {(party, role)})
CASES: list[tuple[str, str | None, set[tuple[str, str]]]] = [
    (
        "Amazon Cuts Deal With Anthropic, Faster Agents, Robot Chefs",
        "partnership",
        {("Amazon", "partner"), ("Anthropic", "partner")},
    ),
    ("Nvidia cuts prices for its gaming cards", None, set()),
    (
        "Google Taps Windsurf Founders, Gemini 2.5, AI Music",
        "licensing",
        {("Google", "licensee"), ("Windsurf", "licensor")},
    ),
    (
        "CoreWeave Lands OpenAI Megadeal, New Chips, Smarter Search",
        "partnership",
        {("CoreWeave", "partner"), ("OpenAI", "partner")},
    ),
    (
        "Meta pays $1.5 billion for Rivos' chip team",
        "licensing",
        {("Meta", "licensee"), ("Rivos", "licensor")},
    ),
    (
        "IBM pays $6.4 billion for HashiCorp",
        "acquisition",
        {("IBM", "acquirer"), ("HashiCorp", "target")},
    ),
    ("OpenAI pays $100 million for Reddit data access", None, set()),
    ("Microsoft pays $500 million for a Wisconsin campus", None, set()),
    ("Cursor's Big Raise, Claude Gets Skills, AI Weather", "funding", {("Anysphere", "target")}),
    ("Inside Harvey's mega round", "funding", {("Harvey", "target")}),
    ("Apple's big bet on smart glasses", None, set()),
    (
        "Perplexity Valued at $20 Billion, Sora 2 Lands, Agents Shop",
        "funding",
        {("Perplexity", "target")},
    ),
    ("Microsoft valued at $4 trillion as cloud sales rise", None, set()),
    ("Tesla shares valued at $1 trillion", None, set()),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c[0][:40])
def test_terse_wording(case: tuple[str, str | None, set[tuple[str, str]]]) -> None:
    title, kind, parties = case
    check_reading(title, "", kind, parties)
