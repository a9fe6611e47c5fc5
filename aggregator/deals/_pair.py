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
_JOINS = re.compile(
    # after a lead-in that names nothing ("A new chapter: Lattice is joining Foundry")
    r"^\s*(?:(?-i:[A-Z][a-z]*)(?:\s+(?-i:[a-z]+)){0,4}[:!]\s+)?(?P<a>[^:;|,]{2,40}?)\s+(?:[Jj]oins|JOINS|is\s+joining|has\s+joined|to\s+join"
    r"|(?:has|have)\s+agreed\s+to\s+join|agrees\s+to\s+join|will\s+join)\s+"
    r"(?P<b>[^:;|,]{2,40}?)\s*$"
)
_TEAM = re.compile(
    r"^\s*(?:(?:the|our)\s+)?(?P<x>.+?)(?:['’]s\s+(?:whole\s+|entire\s+)?|\s+)(?:team|founders|people)\s*$",
    re.IGNORECASE,
)
_JOINT = re.compile(r"\bjoint[- ]venture\b|\bJV\b", re.IGNORECASE)
# "OpenAI-AWS $38B deal", "Microsoft-Anthropic-Nvidia pact", "Apple-Google Siri pact",
# "Helix–Norland merger" (an en dash)
_HYPHENED = re.compile(
    r"^\s*(?P<a>[A-Z][\w.]*)[-–](?P<b>[A-Z][\w.]*)(?:[-–](?P<c>[A-Z][\w.]*))?\s+"
    r"(?P<money>(?:[$€£¥]\s?[\d.,]+\s?(?:[bBmMkK]n?|billion|million|trillion)?\s+)?)"
    r"(?:[A-Z][\w.]*\s+)?(?P<kind>deal|pact|tie-up|partnership|alliance|agreement|contract"
    r"|merger)\b"
)


def pair_restatement(title: str, company: Callable[[str], str | None]) -> str | None:
    """ "A partners with B" for a title "A + B[: ...]" (B may be followed by what the deal is
    about: "Anthropic + Google TPUs") or "A and B: ...", "A signs deal with B" for "A-B $38B
    deal", "B acquires A" for "A joins B", when ``company`` names both sides (it gives the
    organisation a whole side names, or None); None for any other title."""
    hyphened = _HYPHENED.match(title)
    if hyphened:
        names = [company(n) for n in hyphened.group("a", "b", "c") if n]
        if None in names or len(set(names)) < len(names):
            return None
        money = hyphened.group("money")
        if hyphened.group("kind") == "merger":
            return f"{names[0]} and {names[1]} agree {money}merger"
        return f"{names[0]} signs {money}deal with {' and '.join(str(n) for n in names[1:])}"
    joins = _JOINS.match(title)
    if joins:
        # "Threadbare's team is joining Canva", "The Threadbare team joins Canva"
        a = company(_TEAM.sub(r"\g<x>", joins.group("a")))
        b = company(joins.group("b"))
        return f"{b} acquires {a}" if a and b and a != b else None
    found = _PAIR.match(title) or _AND_COLON.match(title)
    if found is None:
        return None
    a, b = company(found.group("a")), _leading_company(found.group("b"), company)
    if a is None or b is None or a == b:
        return None
    if _JOINT.search(found.group("rest") or ""):
        return f"{a} and {b} form a joint venture"
    return f"{a} partners with {b}"


def _leading_company(side: str, company: Callable[[str], str | None]) -> str | None:
    """The company a side names, or the one it opens with before at most three words of what
    the deal is about ("Google TPUs", "Broadcom chips")."""
    words = side.split()
    for cut in range(len(words), max(0, len(words) - 4), -1):
        found = company(" ".join(words[:cut]))
        if found is not None:
            return found
    return None
