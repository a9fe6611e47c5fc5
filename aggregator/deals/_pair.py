"""Two companies joined by "+", "×" or " x ": "Microsoft+Anthropic" in a digest, "Le Chat x
AFP: bringing reliable news ..." on a newsroom. Such a title is a partnership (a joint
venture when what follows says so) when both sides are companies and nothing else."""

from __future__ import annotations

import re
from typing import Callable

_PAIR = re.compile(r"^\s*(?P<a>[^+×:;|]{2,40}?)\s*(?:\+|×|\s[x×]\s)\s*(?P<b>[^+×:;|]{2,40}?)\s*"
                   r"(?:[:—–-]\s+(?P<rest>.*))?$")
_JOINT = re.compile(r"\bjoint[- ]venture\b|\bJV\b", re.IGNORECASE)


def pair_restatement(title: str, company: Callable[[str], str | None]) -> str | None:
    """"A partners with B" for a title "A + B[: ...]" whose sides ``company`` names (it gives
    the organisation a whole side names, or None); None for any other title."""
    found = _PAIR.match(title)
    if found is None:
        return None
    a, b = company(found.group("a")), company(found.group("b"))
    if a is None or b is None or a == b:
        return None
    if _JOINT.search(found.group("rest") or ""):
        return f"{a} and {b} form a joint venture"
    return f"{a} partners with {b}"
