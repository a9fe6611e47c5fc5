"""Titles that are two company names and a joint: "Microsoft+Anthropic" in a digest, "Le Chat
x AFP: bringing reliable news ...", "Perplexity and SAP: turbocharging ..." (a partnership,
a joint venture when what follows says so), "xAI Joins SpaceX" (an acquisition). Read so only
when both sides are companies and nothing else."""

from __future__ import annotations

import re
from collections.abc import Callable

_PAIR = re.compile(
    r"^\s*(?P<a>[^+×:;|]{2,40}?)\s*(?:\+|×|\s[x×]\s)\s*(?P<b>[^+×:;|]{2,40}?)\s*"
    r"(?:[:—–-]\s+(?P<rest>.*))?$"
)
_AND_COLON = re.compile(
    r"^\s*(?P<a>[^+×:;|]{2,40}?)\s+(?:and|&)\s+(?P<b>[^+×:;|]{2,40}?)\s*:\s+"
    r"(?P<rest>.*)$"
)
_JOINS = re.compile(r"^\s*(?P<a>[^:;|,]{2,40}?)\s+(?:[Jj]oins|JOINS)\s+(?P<b>[^:;|,]{2,40}?)\s*$")
_JOINT = re.compile(r"\bjoint[- ]venture\b|\bJV\b", re.IGNORECASE)


def pair_restatement(title: str, company: Callable[[str], str | None]) -> str | None:
    """ "A partners with B" for a title "A + B[: ...]" or "A and B: ...", "B acquires A" for "A
    joins B", when ``company`` names both sides (it gives the organisation a whole side
    names, or None); None for any other title."""
    joins = _JOINS.match(title)
    if joins:
        a, b = company(joins.group("a")), company(joins.group("b"))
        return f"{b} acquires {a}" if a and b and a != b else None
    found = _PAIR.match(title) or _AND_COLON.match(title)
    if found is None:
        return None
    a, b = company(found.group("a")), company(found.group("b"))
    if a is None or b is None or a == b:
        return None
    if _JOINT.search(found.group("rest") or ""):
        return f"{a} and {b} form a joint venture"
    return f"{a} partners with {b}"
