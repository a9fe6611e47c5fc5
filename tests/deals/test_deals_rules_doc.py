"""docs/deals.md "Rules and evidence" lists every English rule by its type, in the order the
rules are tried."""

from __future__ import annotations

import re
from pathlib import Path

from aggregator.deals._patterns import RULES

DOC = Path(__file__).resolve().parents[2] / "docs" / "deals.md"


def test_the_rules_table_lists_every_english_rule_in_order() -> None:
    text = DOC.read_text(encoding="utf-8")
    table = text[text.index("| types | rules |") :].split("\n\n", 1)[0]
    documented = {
        row.split("|")[1].strip(): re.findall(r"`([^`]+)`", row.split("|")[2])
        for row in table.splitlines()[2:]
    }
    expected: dict[str, list[str]] = {}
    for rule in RULES:
        if rule.lang is None:
            expected.setdefault(rule.type, []).append(rule.name)
    assert documented == expected
