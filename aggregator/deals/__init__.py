"""Deal recognition: is a story a deal, of which type, between whom, for how much.

Pure functions over strings and the shared dataclasses of ``aggregator.models``::

    deal = classify("Amazon to invest up to $4 billion in Anthropic")
    # Deal(type="investment", status="announced", amount=Money(4e9, "USD", "up to", ...),
    #      parties=(Party("Amazon", "investor", "amazon"), Party("Anthropic", "target", ...)),
    #      evidence="invest up to $4 billion in", rule="invest-in")
    format_deal_line(deal)   # "Investment · Amazon → Anthropic · up to $4B"

Every decision carries the phrase that triggered it (``Deal.evidence``) and the rule's
name (``Deal.rule``). Regular expressions are compiled once at import; the gazetteer is
indexed once per ``Gazetteer`` object. A small linear model (``aggregator/data/
deal_model.json``, loaded once) gates acquisition/merger/investment decisions; see
``_gate``.
"""

from __future__ import annotations

from ..headlines import digest_items
from ._amounts import DEFAULT_RATES, parse_amounts
from ._classify import headline_blocked as has_non_deal_cue
from ._format import format_deal_line, format_money, format_round
from ._gazetteer import (
    Gazetteer,
    KnownCompany,
    load_gazetteer,
    parse_gazetteer,
    same_company,
    slugify,
)
from ._model import Model as DealModel
from ._model import load_model as load_deal_model
from ._publisher import preload_domains, publisher_of
from ._reading import classify
from ._rules import CompiledTags, compile_tag_rules, is_curated, match_tags


def preload() -> None:
    """Read what the reader otherwise reads at its first use: the shipped gazetteer and the
    public-suffix list that names a feed's publisher (a cycle calls this in a thread while
    its fetch waits on the network)."""
    load_gazetteer()
    preload_domains()


__all__ = [
    "DEFAULT_RATES",
    "CompiledTags",
    "DealModel",
    "Gazetteer",
    "KnownCompany",
    "classify",
    "compile_tag_rules",
    "digest_items",
    "format_deal_line",
    "format_money",
    "format_round",
    "has_non_deal_cue",
    "is_curated",
    "load_deal_model",
    "load_gazetteer",
    "match_tags",
    "parse_amounts",
    "parse_gazetteer",
    "preload",
    "publisher_of",
    "same_company",
    "slugify",
]
